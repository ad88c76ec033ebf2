//! Events: the immutable facts of the ledger. Their JSON is the storage and the
//! sync format, pinned by golden tests in `engine/tests/`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::account::Delta;

/// Identifies an event (UUIDv7).
pub type EventId = Uuid;
/// Identifies a customer (UUIDv7).
pub type CustomerId = Uuid;
/// Identifies a device (a till).
pub type DeviceId = Uuid;
/// Identifies a staff member (UUIDv7).
pub type StaffId = Uuid;

/// A 128-bit random card id, written as 32 lower-case hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(#[serde(with = "uuid::serde::simple")] pub Uuid);

impl CardId {
    /// Parses 32 hex digits (dashes allowed).
    pub fn parse(text: &str) -> Option<CardId> {
        let t = text.trim();
        if t.len() != 32 && t.len() != 36 {
            return None;
        }
        Uuid::try_parse(t).ok().map(CardId)
    }
}

impl std::fmt::Display for CardId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.simple())
    }
}

/// A customer's personal data. Kept only in enrolment and profile events, and
/// scrubbed from them when the customer is erased.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Name, as the customer gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone, digits only with an optional leading '+'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Birthday (the year may be a placeholder; only month and day are used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<NaiveDate>,
    /// Consent to marketing messages.
    #[serde(default)]
    pub marketing_consent: bool,
    /// Tags the shop defines ("student", "office"), lower-case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// An item bought on a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Item {
    /// Product id or name ("flat-white").
    pub product: String,
    /// Category ("coffee").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Quantity, at least 1.
    pub quantity: i64,
}

/// Staff roles. The engine checks them, not only the screens (see
/// `crate::staff::Permission` for what each may do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Records visits, enrols, redeems, undoes their own last action.
    Barista,
    /// Everything, including adjustments, voids of old events, programs and staff.
    Manager,
}

impl Role {
    /// The role as stored and typed (`barista`, `manager`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Barista => "barista",
            Role::Manager => "manager",
        }
    }
}

/// A balance a redemption took below zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortfall {
    /// The account (`points`, `voucher:drink`).
    pub account: super::Account,
    /// The balance right after the redemption, in server order: below zero.
    pub balance: i64,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventBody {
    /// A program version was published; every till applies the newest.
    ProgramPublished {
        /// Increasing version number.
        version: u32,
        /// The program's name.
        name: String,
        /// The program file as written (TOML), checked before publishing.
        source: String,
    },
    /// A customer joined and got a card.
    Enrolled {
        /// The new customer.
        customer: CustomerId,
        /// The card given.
        card: CardId,
        /// The signed code printed in the card's QR (see `card_code`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<String>,
        /// Personal data (scrubbed on erasure).
        profile: Option<Profile>,
        /// Welcome grants.
        deltas: Vec<Delta>,
    },
    /// A customer's personal data was changed.
    ProfileUpdated {
        /// The customer.
        customer: CustomerId,
        /// The new profile (scrubbed on erasure).
        profile: Option<Profile>,
    },
    /// A visit with its amount; the deltas are what the program gave when recorded.
    Visit {
        /// The customer.
        customer: CustomerId,
        /// Check amount in minor units.
        amount: i64,
        /// ISO currency of the amount.
        currency: String,
        /// Items bought, if the till sent them.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        items: Vec<Item>,
        /// Coupon code given with the visit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        coupon: Option<String>,
        /// The business date, in the location's zone.
        business_date: NaiveDate,
        /// What the program gave.
        deltas: Vec<Delta>,
        /// The version of the program that gave it (protocol 3): the server
        /// and every till check the deltas against what that version could
        /// give for this amount and these items (`rules::visit_refusal`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        program_version: Option<u32>,
    },
    /// A reward was redeemed.
    Redeemed {
        /// The customer.
        customer: CustomerId,
        /// The reward id (or `cashback` for spending cashback directly).
        reward: String,
        /// The business date.
        business_date: NaiveDate,
        /// What it cost.
        deltas: Vec<Delta>,
    },
    /// An earlier event was undone by compensating deltas. The earlier event stays.
    Voided {
        /// The event undone.
        target: EventId,
        /// The customer.
        customer: CustomerId,
        /// Why.
        reason: String,
        /// The target's deltas, negated.
        deltas: Vec<Delta>,
    },
    /// A manager changed a balance by hand.
    Adjusted {
        /// The customer.
        customer: CustomerId,
        /// Why (required).
        reason: String,
        /// The change.
        deltas: Vec<Delta>,
    },
    /// A lost or worn card was replaced; the old one stops working.
    CardReplaced {
        /// The customer.
        customer: CustomerId,
        /// The card that stops working.
        old_card: CardId,
        /// The new card.
        new_card: CardId,
        /// The new card's signed code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        new_code: Option<String>,
    },
    /// A subscription plan was bought.
    SubscriptionBought {
        /// The customer.
        customer: CustomerId,
        /// Plan id.
        plan: String,
        /// Price paid, minor units.
        price: i64,
        /// First business date.
        starts: NaiveDate,
        /// Last business date.
        ends: NaiveDate,
    },
    /// Points given to a cause.
    Donated {
        /// The customer.
        customer: CustomerId,
        /// Cause id.
        cause: String,
        /// The points taken.
        deltas: Vec<Delta>,
    },
    /// Two records of one person were joined; `from` now points at `into`.
    Merged {
        /// The record that is closed.
        from: CustomerId,
        /// The record that remains.
        into: CustomerId,
    },
    /// The customer's personal data was erased; the anonymised ledger stays.
    Erased {
        /// The customer.
        customer: CustomerId,
    },
    /// Written by the server: a redemption, checked in server order, took a
    /// balance below zero (two tills, both offline, spent the same points). The
    /// redemption stands (the coffee was served); this flags it for the reports.
    Overdrawn {
        /// The event that spent a balance below zero: a redemption, a donation,
        /// a visit that filled a stamp card, an adjustment (the name is kept for
        /// the events already written).
        redemption: EventId,
        /// The customer.
        customer: CustomerId,
        /// Each balance it took below zero, and where that balance stood after it.
        shortfalls: Vec<Shortfall>,
    },
    /// A staff member was added; any till signs them in from now on, offline too.
    StaffAdded {
        /// The new staff member.
        staff: StaffId,
        /// The name staff pick on the sign-in list.
        name: String,
        /// What they may do.
        role: Role,
        /// Their PIN, hashed with argon2id (a PHC string); never the PIN.
        pin_hash: String,
        /// The public half of the key their PIN derives (`staff::staff_key`),
        /// 64 hex digits: what their signature on each event they write is
        /// checked with. Absent from events written before staff signed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        public_key: Option<String>,
    },
    /// A staff member's role changed. A promotion to manager carries the new,
    /// longer PIN it needs.
    StaffRoleChanged {
        /// The staff member.
        staff: StaffId,
        /// The new role.
        role: Role,
        /// The new PIN's hash, when the PIN changed with the role.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pin_hash: Option<String>,
        /// The key the new PIN derives, with it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        public_key: Option<String>,
    },
    /// A staff member's PIN changed.
    StaffPinChanged {
        /// The staff member.
        staff: StaffId,
        /// The new PIN, hashed with argon2id.
        pin_hash: String,
        /// The role whose length the PIN was checked for: a barista's PIN
        /// does not replace a manager's, should a promotion at another till
        /// come first.
        checked_for: Role,
        /// The key the new PIN derives.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        public_key: Option<String>,
    },
    /// A staff member left: they can no longer sign in. Their name stays for
    /// the audit of what they did.
    StaffRemoved {
        /// The staff member.
        staff: StaffId,
    },
    /// A staff member added before staff signed their events announced the
    /// key their PIN derives, the first time they signed in on a till that
    /// signs. Written by them, signed with that key; the first one counts.
    StaffKeySet {
        /// The staff member (who wrote it).
        staff: StaffId,
        /// The public key, 64 hex digits.
        public_key: String,
    },
    /// A till joined the shop with its card-signing key; every till learns it.
    TillKeyAdded {
        /// The till.
        device: DeviceId,
        /// The key id (8 hex digits) codes carry.
        key_id: String,
        /// The Ed25519 public key, 64 hex digits.
        public_key: String,
    },
}

impl EventBody {
    /// Every kind [`EventBody::kind`] gives, in the order of the enum (the
    /// screens name each in words: `ui-event-<kind>`).
    pub const KINDS: &'static [&'static str] = &[
        "program_published",
        "enrolled",
        "profile_updated",
        "visit",
        "redeemed",
        "voided",
        "adjusted",
        "card_replaced",
        "subscription_bought",
        "donated",
        "merged",
        "erased",
        "till_key_added",
        "staff_added",
        "staff_role_changed",
        "staff_pin_changed",
        "staff_removed",
        "overdrawn",
        "staff_key_set",
    ];

    /// The kind as stored (`visit`, `redeemed`).
    pub fn kind(&self) -> &'static str {
        match self {
            EventBody::ProgramPublished { .. } => "program_published",
            EventBody::Enrolled { .. } => "enrolled",
            EventBody::ProfileUpdated { .. } => "profile_updated",
            EventBody::Visit { .. } => "visit",
            EventBody::Redeemed { .. } => "redeemed",
            EventBody::Voided { .. } => "voided",
            EventBody::Adjusted { .. } => "adjusted",
            EventBody::CardReplaced { .. } => "card_replaced",
            EventBody::SubscriptionBought { .. } => "subscription_bought",
            EventBody::Donated { .. } => "donated",
            EventBody::Merged { .. } => "merged",
            EventBody::Erased { .. } => "erased",
            EventBody::TillKeyAdded { .. } => "till_key_added",
            EventBody::StaffAdded { .. } => "staff_added",
            EventBody::StaffRoleChanged { .. } => "staff_role_changed",
            EventBody::StaffPinChanged { .. } => "staff_pin_changed",
            EventBody::StaffRemoved { .. } => "staff_removed",
            EventBody::StaffKeySet { .. } => "staff_key_set",
            EventBody::Overdrawn { .. } => "overdrawn",
        }
    }

    /// The customer the event is about, if any (for a merge, the record closed).
    pub fn customer(&self) -> Option<CustomerId> {
        match self {
            EventBody::ProgramPublished { .. }
            | EventBody::TillKeyAdded { .. }
            | EventBody::StaffAdded { .. }
            | EventBody::StaffRoleChanged { .. }
            | EventBody::StaffPinChanged { .. }
            | EventBody::StaffRemoved { .. }
            | EventBody::StaffKeySet { .. } => None,
            EventBody::Enrolled { customer, .. }
            | EventBody::ProfileUpdated { customer, .. }
            | EventBody::Visit { customer, .. }
            | EventBody::Redeemed { customer, .. }
            | EventBody::Voided { customer, .. }
            | EventBody::Adjusted { customer, .. }
            | EventBody::CardReplaced { customer, .. }
            | EventBody::SubscriptionBought { customer, .. }
            | EventBody::Donated { customer, .. }
            | EventBody::Overdrawn { customer, .. }
            | EventBody::Erased { customer } => Some(*customer),
            EventBody::Merged { from, .. } => Some(*from),
        }
    }

    /// The deltas the event carries.
    pub fn deltas(&self) -> &[Delta] {
        match self {
            EventBody::Enrolled { deltas, .. }
            | EventBody::Visit { deltas, .. }
            | EventBody::Redeemed { deltas, .. }
            | EventBody::Voided { deltas, .. }
            | EventBody::Adjusted { deltas, .. }
            | EventBody::Donated { deltas, .. } => deltas,
            _ => &[],
        }
    }
}

/// An event with its envelope: who wrote it, where in that device's stream, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// UUIDv7.
    pub id: EventId,
    /// The device that wrote it.
    pub device: DeviceId,
    /// Position in that device's stream: gapless, from 1.
    pub device_seq: i64,
    /// The server sequence the device had seen when it wrote this.
    pub seen_server_seq: i64,
    /// The device's wall clock when it wrote this: shown, never ordered by.
    #[serde(with = "millis")]
    pub device_time: DateTime<Utc>,
    /// The staff member who did it, if signed in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// What happened.
    pub body: EventBody,
    /// The signature of the staff member named in `staff`, with the key their
    /// PIN derives, over [`Event::author_message`], base64url without
    /// padding: a till's key alone cannot put a person's name on an event.
    /// Absent on events written by nobody and before staff signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_sig: Option<String>,
    /// The writing till's Ed25519 signature over [`Event::signed_message`],
    /// base64url without padding (protocol 2). Absent on events written before
    /// tills signed (see `docs/security.md`); kept last, so the JSON of a
    /// signed event is its unsigned JSON with this one field added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sig: Option<String>,
}

impl Event {
    /// Where this event stands among changes to the same thing (a profile): by
    /// the server sequence its device had seen, then device, then device
    /// sequence. Never by clock: a device's own changes keep their order, a change
    /// made after syncing another till's comes after it, and truly concurrent
    /// changes are ordered the same way on every till. Fixed width, so the text
    /// sorts like the numbers.
    pub fn order_key(&self) -> String {
        order_key(
            self.seen_server_seq,
            &self.device.to_string(),
            self.device_seq,
        )
    }

    /// [`Event::order_key`] with the server sequence the event claims to have
    /// seen bounded by where the server put it (`server_seq`, once known): a
    /// till cannot have seen what the server had not numbered yet, so a claim
    /// beyond `server_seq - 1` (a forged `i64::MAX`, which would win every
    /// later change) counts as `server_seq - 1`. An honest till's claim is
    /// always below its event's place, so nothing honest moves; a till's own
    /// event not yet numbered keeps its claim.
    pub fn bounded_order_key(&self, server_seq: Option<i64>) -> String {
        order_key(
            bounded_seen(self.seen_server_seq, server_seq),
            &self.device.to_string(),
            self.device_seq,
        )
    }

    /// SHA-256 of the event's canonical JSON, hex: two copies of one id with
    /// different hashes mean a forked device. Personal data is left out: erasure
    /// scrubs it from stored copies on every till and on the server, and a
    /// scrubbed copy is the same event, not a fork.
    /// The signature is left out too: it is made over this hash.
    pub fn content_hash(&self) -> String {
        let json = match (&self.body, &self.sig) {
            (EventBody::Enrolled { .. } | EventBody::ProfileUpdated { .. }, _) | (_, Some(_)) => {
                let mut copy = self.scrubbed();
                copy.sig = None;
                serde_json::to_vec(&copy)
            }
            _ => serde_json::to_vec(self),
        }
        .unwrap_or_default();
        sha256_hex(&json)
    }

    /// What a till signs: a fixed prefix and the [`Event::content_hash`]. The
    /// hash leaves personal data out, so a copy scrubbed by erasure still
    /// verifies; everything else the event says is covered, the author's
    /// signature included.
    pub fn signed_message(&self) -> Vec<u8> {
        self.message_under(SIGNED_PREFIX)
    }

    fn message_under(&self, prefix: &[u8]) -> Vec<u8> {
        let mut message = prefix.to_vec();
        message.extend_from_slice(self.content_hash().as_bytes());
        message
    }

    /// Signs the event with its till's key (replacing any signature it had),
    /// as a till that has its staff sign writes (see
    /// [`SignatureVersion::Authored`]).
    pub fn sign(&mut self, key: &ed25519_dalek::SigningKey) {
        self.sign_under(key, SIGNED_PREFIX);
    }

    /// Signs the event as a till did before staff signed: only for events
    /// written then, still waiting to be pushed when the till was updated
    /// (their authors never signed them, and must not be asked to).
    pub fn sign_unauthored(&mut self, key: &ed25519_dalek::SigningKey) {
        self.sign_under(key, SIGNED_PREFIX_UNAUTHORED);
    }

    fn sign_under(&mut self, key: &ed25519_dalek::SigningKey, prefix: &[u8]) {
        use ed25519_dalek::Signer;
        let signature = key.sign(&self.message_under(prefix));
        self.sig = Some(data_encoding::BASE64URL_NOPAD.encode(&signature.to_bytes()));
    }

    /// Whether the event carries a signature `key` made over what it says now.
    /// Strict verification: no malleable signatures, no small-order keys.
    pub fn signed_by(&self, key: &ed25519_dalek::VerifyingKey) -> bool {
        self.signature_version(key).is_some()
    }

    /// How the till signed the event, when `key` verifies its signature over
    /// what it says now.
    pub fn signature_version(&self, key: &ed25519_dalek::VerifyingKey) -> Option<SignatureVersion> {
        let signature = parse_signature(self.sig.as_deref()?)?;
        if key.is_weak() {
            return None;
        }
        let verifies = |prefix: &[u8]| {
            key.verify_strict(&self.message_under(prefix), &signature)
                .is_ok()
        };
        if verifies(SIGNED_PREFIX) {
            Some(SignatureVersion::Authored)
        } else if verifies(SIGNED_PREFIX_UNAUTHORED) {
            Some(SignatureVersion::Unauthored)
        } else {
            None
        }
    }

    /// What the author named in `staff` signs: a fixed prefix and the hash of
    /// the event without either signature (and without personal data, so an
    /// erased enrolment still verifies).
    pub fn author_message(&self) -> Vec<u8> {
        let mut copy = self.scrubbed();
        copy.author_sig = None;
        copy.sig = None;
        let mut message = AUTHOR_PREFIX.to_vec();
        message.extend_from_slice(
            sha256_hex(&serde_json::to_vec(&copy).unwrap_or_default()).as_bytes(),
        );
        message
    }

    /// Signs the event as its author (replacing any author's signature). Sign
    /// as the author first, then as the till: the till's signature covers the
    /// author's.
    pub fn sign_as_author(&mut self, key: &ed25519_dalek::SigningKey) {
        use ed25519_dalek::Signer;
        let signature = key.sign(&self.author_message());
        self.author_sig = Some(data_encoding::BASE64URL_NOPAD.encode(&signature.to_bytes()));
    }

    /// Whether the author's signature verifies with `key` (strictly).
    pub fn authored_by(&self, key: &ed25519_dalek::VerifyingKey) -> bool {
        let Some(signature) = self.author_sig.as_deref().and_then(parse_signature) else {
            return false;
        };
        !key.is_weak()
            && key
                .verify_strict(&self.author_message(), &signature)
                .is_ok()
    }
}

/// How a till signed an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SignatureVersion {
    /// Before staff signed (protocol 2): the till's signature only.
    Unauthored,
    /// By a till whose staff sign what they write (protocol 3): an event
    /// naming a staff member carries that person's signature too.
    Authored,
}

fn parse_signature(text: &str) -> Option<ed25519_dalek::Signature> {
    let bytes = data_encoding::BASE64URL_NOPAD
        .decode(text.as_bytes())
        .ok()?;
    ed25519_dalek::Signature::from_slice(&bytes).ok()
}

/// Domain separation for event signatures: a till's key also signs card codes
/// and pairing proofs, and none of those may pass for an event. The version
/// says whether the till that signed has its staff sign (protocol 3): once a
/// till signs so, an event from it signed the older way is refused, so a
/// copy of its database cannot write a person's name without their PIN.
const SIGNED_PREFIX: &[u8] = b"counterpart event v3\n";
/// How tills signed before staff signed (protocol 2).
const SIGNED_PREFIX_UNAUTHORED: &[u8] = b"counterpart event v2\n";
/// Domain separation for a staff member's signature.
const AUTHOR_PREFIX: &[u8] = b"counterpart author v1\n";

impl Event {
    /// The event's canonical JSON and its [`Event::content_hash`], serialising
    /// once where the two share their bytes (events without personal data): a
    /// server storing thousands of events a second does this for each.
    pub fn json_and_hash(&self) -> (String, String) {
        let json = serde_json::to_string(self).unwrap_or_default();
        let hash = match (&self.body, &self.sig) {
            (EventBody::Enrolled { .. } | EventBody::ProfileUpdated { .. }, _) => {
                self.content_hash()
            }
            // The signature is the last field: the unsigned JSON is the same
            // text without it (base64url needs no escaping).
            (_, Some(sig)) => {
                let tail = format!(",\"sig\":\"{sig}\"}}");
                match json.strip_suffix(tail.as_str()) {
                    Some(head) => sha256_hex(format!("{head}}}").as_bytes()),
                    None => self.content_hash(),
                }
            }
            (_, None) => sha256_hex(json.as_bytes()),
        };
        (json, hash)
    }

    /// This event without personal data (what erasure leaves of it; its
    /// signature still verifies).
    pub fn scrubbed(&self) -> Event {
        let mut copy = self.clone();
        if let EventBody::Enrolled { profile, .. } | EventBody::ProfileUpdated { profile, .. } =
            &mut copy.body
        {
            *profile = None;
        }
        copy
    }
}

/// The server sequence an event may claim to have seen, given where the
/// server put it (see [`Event::bounded_order_key`]).
pub fn bounded_seen(seen_server_seq: i64, server_seq: Option<i64>) -> i64 {
    match server_seq {
        Some(at) => seen_server_seq.min(at.saturating_sub(1)),
        None => seen_server_seq,
    }
}

/// The text form of [`Event::order_key`] from its parts.
pub fn order_key(seen_server_seq: i64, device: &str, device_seq: i64) -> String {
    format!("{seen_server_seq:020}/{device}/{device_seq:020}")
}

/// Timestamps as RFC 3339 UTC with milliseconds: `2026-11-23T07:05:00.000Z`. Fixed
/// width keeps the golden fixtures byte-exact.
pub mod millis {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the timestamp.
    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Millis, true))
    }

    /// Reads the timestamp (any RFC 3339 offset is accepted and turned into UTC).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(serde::de::Error::custom)
    }
}

/// SHA-256 of `bytes`, lower-case hex: content hashes, idempotency requests.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(bytes))
}
