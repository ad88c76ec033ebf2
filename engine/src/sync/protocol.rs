//! The sync protocol's messages (version 1), shared by the till's client and the
//! cloud server. Their JSON is pinned by golden fixtures in `engine/tests/` and
//! written up with examples in `docs/sync-protocol.md`.
//!
//! - `POST /v1/pair` (no token): a one-time pairing code buys a device token.
//! - `POST /v1/events` (token): the till pushes its own events, contiguous by
//!   device sequence; each is acknowledged as accepted, duplicate or rejected.
//! - `GET /v1/events?after=N&limit=L` (token): every event of the merchant after
//!   server sequence `N`, in server order.
//! - `GET /health`: liveness, no token.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ledger::{millis, DeviceId, Event, EventId};
use crate::location::Location;

/// The protocol version this build speaks; requests carry it, and a server that
/// does not speak it answers 426 with `unsupported_protocol`. Version 2: every
/// event carries its till's signature (`sig`). Version 3: an event that names
/// a staff member carries their signature too (`author_sig`), and its till
/// signs it the version-3 way (see `docs/security.md`); a server of version 2
/// would refuse those signatures, so it answers 426 to such a till first.
pub const PROTOCOL_VERSION: u32 = 3;

/// The oldest version a server still takes pushes and pulls from: tills paired
/// before events were signed keep syncing until they are updated (their
/// unsigned events stay valid until their first signed one). Pairing needs
/// [`PROTOCOL_VERSION`].
pub const OLDEST_SYNC_PROTOCOL: u32 = 1;

/// Most events in one push; the server refuses longer batches.
pub const MAX_PUSH_EVENTS: usize = 1000;

/// Most events in one pull page.
pub const MAX_PULL_EVENTS: usize = 1000;

/// Largest request body the server reads, in bytes.
pub const MAX_REQUEST_BYTES: usize = 4 * 1024 * 1024;

/// `POST /v1/pair`: a till trades a one-time pairing code for its token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairRequest {
    /// [`PROTOCOL_VERSION`].
    pub protocol: u32,
    /// The code the manager showed (case, spaces and dashes do not matter).
    pub code: String,
    /// The till's device id (new tills take one before pairing).
    pub device: DeviceId,
    /// A name for the till, shown to managers ("Till 1").
    pub name: String,
    /// The shop id the till already carries in its card codes, when it was set up
    /// before pairing; the server accepts it only for the same shop, or adopts it
    /// for a merchant with no events yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop: Option<String>,
    /// The currency a till set up before pairing counts in: the server refuses
    /// a location in another before the code is used up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// For a till pairing again under its own device id (a lost token): its
    /// Ed25519 signature, hex, over [`pairing_proof_message`], with the key it
    /// announced. Without it the server refuses a device id it knows, so one
    /// holding a pairing code cannot take over a live till's stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
}

/// A pairing code as typed (any case, spaces, dashes) in the form it is
/// hashed and signed.
pub fn normalise_pairing_code(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// What a till signs to pair again under its device id: bound to the
/// one-time code, so a proof cannot be replayed.
pub fn pairing_proof_message(device: DeviceId, code: &str) -> Vec<u8> {
    format!(
        "counterpart pairing proof 1 {device} {}",
        normalise_pairing_code(code)
    )
    .into_bytes()
}

/// The answer to a pairing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairResponse {
    /// The merchant the till now belongs to.
    pub merchant: Uuid,
    /// The shop id written in the merchant's card codes (8 hex digits).
    pub shop: String,
    /// The location the code was made for: name, currency, zone, day start.
    pub location: Location,
    /// The till's secret token: sent as `Authorization: Bearer ...` from now on.
    /// The server keeps only its hash.
    pub token: String,
    /// The server's clock, for the till's clock check.
    #[serde(with = "millis")]
    pub server_time: DateTime<Utc>,
}

/// `POST /v1/events`: a batch of the till's own events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushRequest {
    /// [`PROTOCOL_VERSION`].
    pub protocol: u32,
    /// Events of the authenticated device, contiguous by device sequence.
    pub events: Vec<Event>,
}

/// What the server did with one pushed event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AckStatus {
    /// Stored now, with a new server sequence.
    Accepted,
    /// Stored before with the same content (a resend after a lost answer).
    Duplicate,
    /// Not stored: the event breaks a rule of the server. Its place in the
    /// device's stream is taken, so the rest of the queue is not blocked; the till
    /// parks it with the reason for a manager to see.
    Rejected,
}

/// The acknowledgement of one pushed event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    /// The event.
    pub id: EventId,
    /// Its device sequence.
    pub device_seq: i64,
    /// What became of it.
    pub status: AckStatus,
    /// Its server sequence (accepted and duplicate events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_seq: Option<i64>,
    /// Why it was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The answer to a push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// One acknowledgement per event, in the order sent.
    pub acks: Vec<Ack>,
    /// The merchant's highest server sequence after this push.
    pub high_water: i64,
    /// The server's clock.
    #[serde(with = "millis")]
    pub server_time: DateTime<Utc>,
}

/// One event as the server hands it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerEvent {
    /// Its position in the merchant's stream, in commit order.
    pub server_seq: i64,
    /// The event.
    pub event: Event,
}

/// The answer to `GET /v1/events?after=N&limit=L`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullResponse {
    /// Events after `N`, in server order, from up to `L` positions. The asking
    /// till's own events are left out (it has them, and learnt their sequence
    /// when they were acknowledged).
    pub events: Vec<ServerEvent>,
    /// The last server sequence this page covers (own events included): the
    /// next pull starts after it. `N` when there was nothing.
    pub cursor: i64,
    /// The id of the event at `cursor`, which the till keeps to check the next
    /// pull's `after_id` against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor_id: Option<EventId>,
    /// The merchant's highest server sequence: more to pull while `cursor` is below it.
    pub high_water: i64,
    /// The server's clock.
    #[serde(with = "millis")]
    pub server_time: DateTime<Utc>,
    /// The id of the event at server sequence `N` (absent for `N` = 0, or when
    /// the server has no such event). A till that pulled another event there is
    /// talking to a server restored from an older backup, whose sequence
    /// numbers were given out again: it pulls everything again from 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_id: Option<EventId>,
}

/// Every error the server answers with, under HTTP 4xx/5xx.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// An error's stable code, its message, and what the till needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Stable code: `malformed`, `unauthenticated`, `forbidden`, `forked`, `gap`,
    /// `too_large`, `unsupported_protocol`, `pairing_code`, `shop_mismatch`,
    /// `unavailable`, `internal`.
    pub code: String,
    /// What went wrong, in plain words.
    pub message: String,
    /// For `gap`: the device sequence the server expects next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_seq: Option<i64>,
}
