//! Every error code, engine and sync alike, in one namespace: the stable text
//! a screen and the command line branch on, and whether a retry can help.
//! `docs/error-codes.md` lists every code; a test holds the two equal. This
//! file knows no other part of the engine: each error type says its own code.

use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $text:literal, retryable: $retry:literal;)*) => {
        /// Every error code, engine and sync alike, in one namespace.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order of the table in `docs/error-codes.md`.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The stable text of the code.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $text,)*
                }
            }

            /// True when sending the same request again later may succeed
            /// (the network, a busy database, a till not synced yet).
            pub fn retryable(self) -> bool {
                match self {
                    $(ErrorCode::$variant => $retry,)*
                }
            }

            /// The code with this text.
            pub fn parse(text: &str) -> Option<ErrorCode> {
                match text {
                    $($text => Some(ErrorCode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

codes! {
    /// A field is wrong; `field` names it. Nothing changed.
    InvalidInput = "invalid_input", retryable: false;
    /// A program file has problems; `detail` lists each. Nothing changed.
    InvalidProgram = "invalid_program", retryable: false;
    /// The customer cannot cover the reward.
    RefusedNotEnough = "refused.not_enough", retryable: false;
    /// The reward is not available now or to this customer.
    RefusedNotAvailable = "refused.not_available", retryable: false;
    /// The event cannot be voided (voided already, or of a kind that cannot be).
    RefusedCannotVoid = "refused.cannot_void", retryable: false;
    /// The customer's record is closed (merged or erased).
    RefusedCustomerClosed = "refused.customer_closed", retryable: false;
    /// No loyalty program is published yet.
    RefusedNoProgram = "refused.no_program", retryable: false;
    /// A void or adjustment would leave a balance below zero; a manager may confirm it.
    RefusedBelowZero = "refused.below_zero", retryable: false;
    /// The till has staff and nobody is signed in: sign in, then ask again.
    AuthSignInRequired = "auth.sign_in_required", retryable: false;
    /// Whoever was signed in left the till unused past their idle limit: sign in again.
    AuthSignedOutIdle = "auth.signed_out_idle", retryable: false;
    /// The person signed in may not do this (`detail`: the permission and their role).
    AuthForbidden = "auth.forbidden", retryable: false;
    /// A wrong PIN (`detail`: tries left before the lockout).
    AuthWrongPin = "auth.wrong_pin", retryable: false;
    /// Five wrong PINs: locked out on this till for five minutes (`detail`: until when).
    AuthLockedOut = "auth.locked_out", retryable: true;
    /// Not a readable card code.
    CardGarbled = "card.garbled", retryable: false;
    /// A card of another shop.
    CardUnknownShop = "card.unknown_shop", retryable: false;
    /// A card issued by a till this one does not know yet: sync, then scan again.
    CardUnknownTill = "card.unknown_till", retryable: true;
    /// A forged card code.
    CardForged = "card.forged", retryable: false;
    /// A lost or replaced card.
    CardRevoked = "card.revoked", retryable: false;
    /// A typed code on the cards of several customers; `detail` names them.
    CardAmbiguous = "card.ambiguous", retryable: false;
    /// Nothing matches what was looked up.
    NotFound = "not_found", retryable: false;
    /// An idempotency key sent again with another action or input. Nothing was recorded.
    IdempotencyMismatch = "idempotency.mismatch", retryable: false;
    /// Two events claim one place in a device's stream: a copied or restored till.
    Forked = "forked", retryable: false;
    /// The database is not set up yet.
    NotInitialised = "not_initialised", retryable: false;
    /// The database failed (retryable when it was only busy).
    Database = "database", retryable: false;
    /// The disk is full: nothing was recorded, and nothing stored was damaged. Free some space.
    DiskFull = "disk_full", retryable: true;
    /// Migrating the database failed.
    Migration = "migration", retryable: false;
    /// Stored data could not be read back.
    Corrupt = "corrupt", retryable: false;
    /// A file could not be read or written.
    Io = "io", retryable: false;
    /// The till failed inside while doing what was asked (a bug); nothing was
    /// recorded unless its outcome says so, and asking again may work.
    Internal = "internal", retryable: true;
    /// The server cannot be reached; the till keeps working and retries.
    SyncOffline = "sync.offline", retryable: true;
    /// The server does not know the till's token: pair again.
    SyncUnauthenticated = "sync.unauthenticated", retryable: false;
    /// The server refuses this till (revoked, another merchant's, a device id it knows).
    SyncForbidden = "sync.forbidden", retryable: false;
    /// The server found this till's stream forked: pair it again as a new till.
    SyncForked = "sync.forked", retryable: false;
    /// The server lost events (restored from a backup); the till sends them again.
    SyncGap = "sync.gap", retryable: true;
    /// A request too large; the till sends smaller ones.
    SyncTooLarge = "sync.too_large", retryable: true;
    /// The server speaks another protocol version: update.
    SyncUnsupportedProtocol = "sync.unsupported_protocol", retryable: false;
    /// A pairing code unknown, used or expired.
    SyncPairingCode = "sync.pairing_code", retryable: false;
    /// The till belongs to another shop or counts in another currency.
    SyncShopMismatch = "sync.shop_mismatch", retryable: false;
    /// The server could not read the request (a bug).
    SyncMalformed = "sync.malformed", retryable: false;
    /// Too many pairing attempts from this address: wait.
    SyncRateLimited = "sync.rate_limited", retryable: true;
    /// The server's database is unavailable.
    SyncUnavailable = "sync.unavailable", retryable: true;
    /// The server failed (a bug on its side).
    SyncInternal = "sync.internal", retryable: true;
    /// Another HTTP error (a proxy's page, say).
    SyncHttp = "sync.http", retryable: true;
    /// The server's answer could not be read.
    SyncProtocol = "sync.protocol", retryable: false;
    /// The till is not paired with a server.
    SyncNotPaired = "sync.not_paired", retryable: false;
    /// The till is paired already: a till paired anew starts from a new database.
    SyncAlreadyPaired = "sync.already_paired", retryable: false;
    /// The till was paired over plain http:// with another machine: it sends
    /// its token nowhere until paired again over https://.
    SyncInsecure = "sync.insecure_server", retryable: false;
    /// A sync step failed at the till (the message says how).
    SyncFailed = "sync.failed", retryable: true;
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ErrorCode::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown error code `{text}`")))
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_is_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for c in ErrorCode::ALL {
            assert_eq!(ErrorCode::parse(c.as_str()), Some(*c));
            assert!(seen.insert(c.as_str()), "{c} twice");
            let json = serde_json::to_string(c).expect("json");
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).expect("back"), *c);
        }
    }
}
