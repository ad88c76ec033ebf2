//! Card codes: what a loyalty card's QR holds, verifiable offline.
//!
//! ```text
//! CP1.<base32 of: shop id (4 bytes) | card id (16) | key id (4) | Ed25519 signature (64)>
//! ```
//! The signature covers `CP1` and the first 24 bytes. The key id is the first four
//! bytes of SHA-256 of the issuing till's public key; every till of the shop knows
//! the shop's till keys, so it accepts a card enrolled a minute ago at another,
//! still-offline till and refuses forged ones, without the network.
//!
//! Base32 (RFC 4648, upper case, no padding) keeps the code inside the QR
//! alphanumeric set: 145 characters, a version 6 QR (41×41 modules) at error
//! correction M.
//!
//! Under the QR a card also carries a short typed fallback code (`K7RM-X4Q-HV9`),
//! derived from the card id, in an alphabet without look-alike characters.

/// The text a pairing QR holds before the server's address and the code:
/// `counterpart-pair:URL#CODE` (the scanner reports it on a first run).
pub const PAIRING_QR_PREFIX: &str = "counterpart-pair:";

use data_encoding::BASE32_NOPAD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use std::fmt;

use crate::ledger::CardId;

/// The code's prefix and format version.
pub const PREFIX: &str = "CP1.";
const SIGNED_LEN: usize = 4 + 16 + 4;

/// True when `text` starts with the code's prefix, in any case. Compares
/// characters, not bytes: text from a camera or a keyboard may start with
/// "Café" or an emoji, and cutting it at a byte would panic.
pub fn has_prefix(text: &str) -> bool {
    text.get(..PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(PREFIX))
}

/// Signs a till's pairing proof (see `sync::protocol::PairRequest::proof`): hex.
pub fn sign_pairing_proof(key: &SigningKey, message: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(&key.sign(message).to_bytes())
}

/// Checks a pairing proof against the key a till announced.
pub fn verify_pairing_proof(key: &VerifyingKey, message: &[u8], proof_hex: &str) -> bool {
    let Ok(bytes) = data_encoding::HEXLOWER_PERMISSIVE.decode(proof_hex.trim().as_bytes()) else {
        return false;
    };
    let Ok(bytes) = <[u8; 64]>::try_from(bytes.as_slice()) else {
        return false;
    };
    // Strict: no small-order key or R, no non-canonical s (see `CardCode::verify`).
    key.verify_strict(message, &Signature::from_bytes(&bytes))
        .is_ok()
}

/// The key a `till_key_added` event announces, when it is one every till may
/// trust: a 32-byte Ed25519 public key, in hex, whose key id is the one
/// announced beside it. Anything else (garbled, a wrong length, not a point on
/// the curve, a weak point of small order, another key's id) is `None`, and
/// no till learns it.
pub fn announced_key(key_id: &str, public_key_hex: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = data_encoding::HEXLOWER_PERMISSIVE
        .decode(public_key_hex.as_bytes())
        .ok()?
        .try_into()
        .ok()?;
    let key = VerifyingKey::from_bytes(&bytes).ok()?;
    // A small-order point (the identity among them) satisfies the signature
    // equation for forged signatures: never a till's key.
    (!key.is_weak() && KeyId::of(&key).to_string() == key_id).then_some(key)
}
const CODE_BYTES: usize = SIGNED_LEN + 64;

/// Identifies a shop in card codes (all its tills share it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShopId(pub [u8; 4]);

/// Identifies a till's signing key: the first four bytes of SHA-256 of the public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyId(pub [u8; 4]);

impl KeyId {
    /// The key id of a public key.
    pub fn of(key: &VerifyingKey) -> KeyId {
        let digest = Sha256::digest(key.as_bytes());
        KeyId([digest[0], digest[1], digest[2], digest[3]])
    }
}

impl fmt::Display for ShopId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&data_encoding::HEXLOWER.encode(&self.0))
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&data_encoding::HEXLOWER.encode(&self.0))
    }
}

impl ShopId {
    /// Parses the 8 hex digits written by `Display`.
    pub fn parse(text: &str) -> Option<ShopId> {
        let bytes = data_encoding::HEXLOWER_PERMISSIVE
            .decode(text.as_bytes())
            .ok()?;
        Some(ShopId(bytes.try_into().ok()?))
    }
}

/// Why a scanned or typed code was not accepted. Each has its own message: the
/// barista's screen says which.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Not a Counterpart card code at all, or damaged.
    #[error("this is not a readable Counterpart card code ({0})")]
    Garbled(&'static str),
    /// A card of another shop.
    #[error("this card belongs to another shop")]
    UnknownShop,
    /// Signed by a till this one does not know (yet): a new till not synced yet,
    /// or a forgery.
    #[error("this card was issued by a till this one does not know yet; sync, then scan again")]
    UnknownTill,
    /// The signature does not match: the code was altered or made up.
    #[error("this card code is forged: its signature does not match")]
    Forged,
    /// A typed code that more than one card carries (tills offline drew the
    /// same one): the customer is picked from the matches, or by name or phone.
    #[error(
        "the typed code {code} is on the cards of {} customers ({}): pick one, or look them up by name or phone",
        customers.len(),
        customers.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ")
    )]
    Ambiguous {
        /// The typed code, normalised.
        code: String,
        /// The customers whose active cards carry it.
        customers: Vec<crate::ledger::CustomerId>,
    },
    /// The card was reported lost or replaced.
    #[error(
        "this card was revoked (lost or replaced); ask for the new card or look the customer up"
    )]
    Revoked,
}

/// A parsed card code (its signature not yet checked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardCode {
    /// The shop.
    pub shop: ShopId,
    /// The card.
    pub card: CardId,
    /// The key that signed it.
    pub key: KeyId,
    signature: [u8; 64],
}

fn signed_bytes(shop: ShopId, card: CardId, key: KeyId) -> [u8; 3 + SIGNED_LEN] {
    let mut m = [0u8; 3 + SIGNED_LEN];
    m[..3].copy_from_slice(b"CP1");
    m[3..7].copy_from_slice(&shop.0);
    m[7..23].copy_from_slice(card.0.as_bytes());
    m[23..27].copy_from_slice(&key.0);
    m
}

impl CardCode {
    /// Issues the code of `card` for `shop`, signed by a till's key.
    pub fn sign(shop: ShopId, card: CardId, key: &SigningKey) -> CardCode {
        let key_id = KeyId::of(&key.verifying_key());
        let signature = key.sign(&signed_bytes(shop, card, key_id)).to_bytes();
        CardCode {
            shop,
            card,
            key: key_id,
            signature,
        }
    }

    /// The text for the QR.
    pub fn encode(&self) -> String {
        let mut bytes = Vec::with_capacity(CODE_BYTES);
        bytes.extend_from_slice(&self.shop.0);
        bytes.extend_from_slice(self.card.0.as_bytes());
        bytes.extend_from_slice(&self.key.0);
        bytes.extend_from_slice(&self.signature);
        format!("{PREFIX}{}", BASE32_NOPAD.encode(&bytes))
    }

    /// Parses a scanned or typed code. Never panics, whatever the input.
    pub fn parse(text: &str) -> Result<CardCode, CodeError> {
        let t = text.trim();
        if t.len() > 400 {
            return Err(CodeError::Garbled("far too long"));
        }
        let body = t
            .strip_prefix(PREFIX)
            .or_else(|| t.strip_prefix("cp1."))
            .ok_or(CodeError::Garbled("it does not start with CP1."))?;
        let bytes = BASE32_NOPAD
            .decode(body.to_ascii_uppercase().as_bytes())
            .map_err(|_| CodeError::Garbled("damaged characters"))?;
        if bytes.len() != CODE_BYTES {
            return Err(CodeError::Garbled("wrong length"));
        }
        let take4 = |at: usize| [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
        let mut card = [0u8; 16];
        card.copy_from_slice(&bytes[4..20]);
        let mut signature = [0u8; 64];
        signature.copy_from_slice(&bytes[24..]);
        Ok(CardCode {
            shop: ShopId(take4(0)),
            card: CardId(uuid::Uuid::from_bytes(card)),
            key: KeyId(take4(20)),
            signature,
        })
    }

    /// Checks the code against this shop and its till keys.
    pub fn verify<'k>(
        &self,
        shop: ShopId,
        keys: impl IntoIterator<Item = &'k VerifyingKey>,
    ) -> Result<CardId, CodeError> {
        if self.shop != shop {
            return Err(CodeError::UnknownShop);
        }
        let key = keys
            .into_iter()
            .find(|k| KeyId::of(k) == self.key)
            .ok_or(CodeError::UnknownTill)?;
        let signature = Signature::from_bytes(&self.signature);
        // Strict verification: a weak key (a small-order point a till could
        // announce) or a small-order R would let a forged signature through
        // the plain equation.
        key.verify_strict(&signed_bytes(self.shop, self.card, self.key), &signature)
            .map_err(|_| CodeError::Forged)?;
        Ok(self.card)
    }
}

/// Characters of fallback codes: no 0/O, 1/I/L, 8/B look-alikes.
pub const FALLBACK_ALPHABET: &[u8; 29] = b"2345679ACDEFGHJKMNPQRSTUVWXYZ";
const FALLBACK_LEN: usize = 10;

/// The short code printed under a card's QR, for typing when a scan fails:
/// 10 characters (about 48 bits of the card id), shown as `XXXX-XXX-XXX`.
pub fn fallback_code(card: CardId) -> String {
    let mut n = u128::from_be_bytes(*card.0.as_bytes());
    let mut out = String::with_capacity(FALLBACK_LEN + 2);
    for i in 0..FALLBACK_LEN {
        if i == 4 || i == 7 {
            out.push('-');
        }
        out.push(char::from(FALLBACK_ALPHABET[(n % 29) as usize]));
        n /= 29;
    }
    out
}

/// Normalises a typed fallback code (case, spaces and dashes do not matter); None
/// when it cannot be one.
pub fn normalise_fallback(text: &str) -> Option<String> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.len() != FALLBACK_LEN
        || !chars
            .iter()
            .all(|c| c.is_ascii() && FALLBACK_ALPHABET.contains(&(*c as u8)))
    {
        return None;
    }
    let mut out = String::with_capacity(FALLBACK_LEN + 2);
    for (i, c) in chars.into_iter().enumerate() {
        if i == 4 || i == 7 {
            out.push('-');
        }
        out.push(c);
    }
    Some(out)
}

/// The QR version a code needs at error correction level M.
#[cfg(feature = "print")]
pub fn qr_version(code: &str) -> Option<i16> {
    match qrcode::QrCode::with_error_correction_level(code, qrcode::EcLevel::M)
        .ok()?
        .version()
    {
        qrcode::Version::Normal(v) => Some(v),
        qrcode::Version::Micro(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn card(n: u128) -> CardId {
        CardId(uuid::Uuid::from_u128(n))
    }

    const SHOP: ShopId = ShopId([1, 2, 3, 4]);

    #[test]
    fn the_prefix_is_found_in_any_case_and_never_cut_inside_a_character() {
        assert!(has_prefix("CP1.ABC") && has_prefix("cp1.abc") && has_prefix("Cp1."));
        for text in ["", "CP1", "Café", "caé.", "🙂CP1.", "CP1é", "ĆP1."] {
            assert!(!has_prefix(text), "{text}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_checked_for_the_prefix_without_a_panic(text in "\\PC{0,8}") {
            let _ = has_prefix(&text);
        }
    }

    #[test]
    fn a_signed_code_round_trips_and_verifies() {
        let k = key(7);
        let code = CardCode::sign(SHOP, card(42), &k);
        let text = code.encode();
        assert!(text.starts_with("CP1."));
        assert_eq!(text.len(), 145);
        let parsed = CardCode::parse(&text).expect("parse");
        assert_eq!(parsed, code);
        assert_eq!(parsed.verify(SHOP, [&k.verifying_key()]), Ok(card(42)));
        // Lower case (a scanner in the wrong mode) reads the same.
        assert_eq!(CardCode::parse(&text.to_lowercase()), Ok(code));
    }

    /// The identity point, a small-order "public key": with it, the
    /// signature (R = identity, s = 0) satisfies Ed25519's equation for any
    /// message, so one till announcing it would make every forged card verify.
    const IDENTITY: [u8; 32] = {
        let mut b = [0u8; 32];
        b[0] = 1;
        b
    };

    #[test]
    fn a_weak_key_is_never_learnt_and_never_verifies_a_card() {
        let weak = VerifyingKey::from_bytes(&IDENTITY).expect("a point on the curve");
        let hex = data_encoding::HEXLOWER.encode(&IDENTITY);
        assert_eq!(
            announced_key(&KeyId::of(&weak).to_string(), &hex),
            None,
            "a small-order key announced is not learnt"
        );
        // A card "signed" for it with R = identity, s = 0, whatever its id.
        let mut signature = [0u8; 64];
        signature[..32].copy_from_slice(&IDENTITY);
        let forged = CardCode {
            shop: SHOP,
            card: card(666),
            key: KeyId::of(&weak),
            signature,
        };
        let forged = CardCode::parse(&forged.encode()).expect("parse");
        assert_eq!(
            forged.verify(SHOP, [&weak]),
            Err(CodeError::Forged),
            "even a till that stored the weak key refuses the card"
        );
        assert!(!verify_pairing_proof(
            &weak,
            b"any message",
            &data_encoding::HEXLOWER.encode(&signature)
        ));
    }

    #[test]
    fn each_failure_has_its_own_error() {
        let k = key(7);
        let text = CardCode::sign(SHOP, card(42), &k).encode();
        assert!(matches!(
            CardCode::parse("hello"),
            Err(CodeError::Garbled(_))
        ));
        assert!(matches!(
            CardCode::parse(&text[..100]),
            Err(CodeError::Garbled(_))
        ));
        // '1' is not in the base32 alphabet: a misread character is garbled, not a card.
        let mut misread: Vec<char> = text.chars().collect();
        misread[10] = '1';
        let misread: String = misread.into_iter().collect();
        assert!(matches!(
            CardCode::parse(&misread),
            Err(CodeError::Garbled(_))
        ));
        let parsed = CardCode::parse(&text).expect("parse");
        assert_eq!(
            parsed.verify(ShopId([9, 9, 9, 9]), [&k.verifying_key()]),
            Err(CodeError::UnknownShop)
        );
        assert_eq!(
            parsed.verify(SHOP, [&key(8).verifying_key()]),
            Err(CodeError::UnknownTill)
        );
        // Another card id under the same signature: forged.
        let mut forged = parsed.clone();
        forged.card = card(43);
        let forged = CardCode::parse(&forged.encode()).expect("parse");
        assert_eq!(
            forged.verify(SHOP, [&k.verifying_key()]),
            Err(CodeError::Forged)
        );
    }

    #[cfg(feature = "print")]
    #[test]
    fn the_code_fits_a_version_6_qr_at_level_m() {
        let text = CardCode::sign(SHOP, card(u128::MAX), &key(1)).encode();
        assert_eq!(qr_version(&text), Some(6));
    }

    #[test]
    fn fallback_codes_avoid_look_alikes_and_normalise() {
        let f = fallback_code(card(0x1234_5678_9abc_def0_1234_5678_9abc_def0));
        assert_eq!(f.len(), 12);
        assert!(!f.contains(['0', 'O', '1', 'I', 'L', '8', 'B']));
        assert_eq!(
            normalise_fallback(&f.to_lowercase().replace('-', " ")),
            Some(f.clone())
        );
        assert_eq!(normalise_fallback("OOOO-OOO-OOO"), None);
        assert_eq!(normalise_fallback("2345"), None);
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in ".{0,300}") {
            let _ = CardCode::parse(&s);
            let _ = normalise_fallback(&s);
        }

        #[test]
        fn parsing_garbage_after_the_prefix_never_panics(s in "[A-Z2-7=a-z0-9]{0,200}") {
            let _ = CardCode::parse(&format!("CP1.{s}"));
        }

        #[test]
        fn any_changed_character_is_refused(pos in 4usize..145, replacement in "[A-Z2-7]") {
            let k = key(3);
            let text = CardCode::sign(SHOP, card(99), &k).encode();
            let mut chars: Vec<char> = text.chars().collect();
            let r = replacement.chars().next().unwrap_or('A');
            prop_assume!(chars[pos] != r);
            chars[pos] = r;
            let changed: String = chars.into_iter().collect();
            let result = CardCode::parse(&changed).and_then(|c| c.verify(SHOP, [&k.verifying_key()]));
            prop_assert!(result.is_err(), "an altered code was accepted");
        }
    }
}
