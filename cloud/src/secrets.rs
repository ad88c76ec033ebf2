//! Device tokens and pairing codes: random secrets of which the server keeps
//! only a SHA-256 hash. Both carry enough entropy (256 and 58 bits, and a code
//! is single-use and expires) that a fast hash is safe; argon2 is for PINs.

use rand::Rng;
use sha2::{Digest, Sha256};

/// Letters and digits that survive being read aloud or typed from a screen:
/// no 0/O, 1/I/L, 8/B (the same set as the cards' typed codes).
const CODE_ALPHABET: &[u8] = b"2345679ACDEFGHJKMNPQRSTUVWXYZ";

/// A new device token: `cpt_` and 32 random bytes in URL-safe base64.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::rngs::OsRng.gen();
    format!("cpt_{}", data_encoding::BASE64URL_NOPAD.encode(&bytes))
}

/// A new pairing code, `XXXX-XXXX-XXXX`.
pub fn new_pairing_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: Vec<char> = (0..12)
        .map(|_| char::from(CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())]))
        .collect();
    format!(
        "{}-{}-{}",
        chars[..4].iter().collect::<String>(),
        chars[4..8].iter().collect::<String>(),
        chars[8..].iter().collect::<String>()
    )
}

/// A code as typed (any case, spaces, dashes) in the form it is hashed (the
/// protocol's own rule, which a till signs by too).
pub fn normalise_code(code: &str) -> String {
    counterpart_engine::sync::protocol::normalise_pairing_code(code)
}

/// SHA-256 of a secret, hex.
pub fn hash(secret: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable_and_normalise() {
        let code = new_pairing_code();
        assert_eq!(code.len(), 14);
        let plain = normalise_code(&code);
        assert_eq!(plain.len(), 12);
        assert!(plain.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_eq!(
            normalise_code(&code.to_lowercase().replace('-', " ")),
            plain
        );
    }

    #[test]
    fn tokens_differ_and_hash_stably() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(a.starts_with("cpt_") && a.len() == 47);
        assert_eq!(hash(&a), hash(&a));
        assert_ne!(hash(&a), hash(&b));
    }
}
