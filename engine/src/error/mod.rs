//! The engine's errors. Each has a stable code that the UI and the command line
//! branch on, and a message a barista can read.

use std::fmt;

use crate::ledger::{Arg, Message};

mod code;
mod report;

pub use code::ErrorCode;
pub use report::ErrorReport;

use crate::card_code::CodeError;

/// One problem with something a person or a file supplied: which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InvalidInput {
    /// The field, as a path (`offers[2].multiplier`, `amount`).
    pub field: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl InvalidInput {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        InvalidInput {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl std::error::Error for InvalidInput {}

/// Every problem found in a program file, reported together.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProgramErrors(pub Vec<InvalidInput>);

impl fmt::Display for ProgramErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the program has {} problem(s):", self.0.len())?;
        for e in &self.0 {
            write!(f, "\n  - {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ProgramErrors {}

/// Why the till refused an action that was well-formed but not allowed: in
/// English words, and as a message for every language ([`Refusal::message`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    /// The customer cannot cover the cost.
    #[error("not enough {account}: the reward needs {needed}, the customer has {available}")]
    NotEnough {
        /// What is short (points, stamps, cashback).
        account: String,
        /// What the action needs.
        needed: String,
        /// What the customer has now.
        available: String,
        /// The two amounts as message arguments (counts, or money).
        #[serde(skip)]
        amounts: (Arg, Arg),
    },
    /// The reward (or coupon, or redemption) is not available now or to
    /// this customer.
    #[error("{reward} is not available: {}", why.0)]
    NotAvailable {
        /// What is not available, in English words when serialised.
        #[serde(serialize_with = "subject_words")]
        reward: Subject,
        /// Why not.
        #[serde(serialize_with = "words")]
        why: Why,
    },
    /// The event to void is already voided or cannot be voided.
    #[error("cannot void: {}", why.0)]
    CannotVoid {
        /// Why not.
        #[serde(serialize_with = "words")]
        why: Why,
    },
    /// The customer's record is closed (merged into another, or erased).
    #[error("this customer record is closed: {}", why.0)]
    CustomerClosed {
        /// Why.
        #[serde(serialize_with = "words")]
        why: Why,
    },
    /// A void or adjustment would leave a balance below zero: what it takes
    /// back was spent already (a fraudulent visit whose points bought a drink).
    #[error("this would leave {account} at {after}: {}. A manager can confirm it; the balance then shows below zero, flagged", why.0)]
    BelowZero {
        /// The account.
        account: String,
        /// The balance it would leave.
        after: i64,
        /// What was spent.
        #[serde(serialize_with = "words")]
        why: Why,
    },
    /// No program has been published yet.
    #[error(
        "no loyalty program is published yet: publish one with `counterpart program publish FILE`"
    )]
    NoProgram,
}

/// A reason in English words and as a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why(pub String, pub Message);

impl Why {
    /// A reason: its English words and its message.
    pub fn new(words: impl Into<String>, message: Message) -> Why {
        Why(words.into(), message)
    }
}

/// What a [`Refusal::NotAvailable`] is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A reward of the program.
    Reward(crate::program::Name),
    /// A coupon, by its code.
    Coupon(String),
    /// A redemption as such (the offline allowance).
    Redemption,
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Reward(name) => write!(f, "{name}"),
            Subject::Coupon(code) => write!(f, "coupon {code}"),
            Subject::Redemption => f.write_str("this redemption"),
        }
    }
}

fn subject_words<S: serde::Serializer>(subject: &Subject, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&subject.to_string())
}

fn words<S: serde::Serializer>(why: &Why, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&why.0)
}

impl Refusal {
    /// What the refusal means, for every language.
    pub fn message(&self) -> Message {
        match self {
            Refusal::NotEnough {
                account, amounts, ..
            } => {
                // What the barista is asked ("how many more?") comes first,
                // in words that agree with the number: points and cashback
                // have their own lines; other balances (stamps, vouchers) name
                // theirs.
                let mut m = match account.as_str() {
                    "cashback" => Message::new("refused-not-enough-cashback"),
                    "points" => Message::new("refused-not-enough-points"),
                    other => Message::new("refused-not-enough").message(
                        "account",
                        Message::new("account-other").text("account", other),
                    ),
                };
                let missing = match &amounts {
                    (Arg::Number(needed), Arg::Number(available)) => {
                        Some(Arg::Number(needed.saturating_sub(*available)))
                    }
                    (
                        Arg::Money {
                            minor: needed,
                            currency,
                        },
                        Arg::Money {
                            minor: available, ..
                        },
                    ) => Some(Arg::Money {
                        minor: needed.saturating_sub(*available),
                        currency: currency.clone(),
                    }),
                    _ => None,
                };
                if let Some(missing) = missing {
                    m.args.insert("missing".into(), missing);
                }
                m.args.insert("needed".into(), amounts.0.clone());
                m.args.insert("available".into(), amounts.1.clone());
                m
            }
            // Each its own sentence: a language names a reward, a coupon
            // and a redemption with words of their own (and their genders).
            Refusal::NotAvailable { reward, why } => match reward {
                Subject::Reward(name) => Message::new("refused-not-available").name("reward", name),
                Subject::Coupon(code) => {
                    Message::new("refused-coupon-not-available").text("code", code.clone())
                }
                Subject::Redemption => Message::new("refused-redemption-not-available"),
            }
            .message("why", why.1.clone()),
            Refusal::CannotVoid { why } => {
                Message::new("refused-cannot-void").message("why", why.1.clone())
            }
            Refusal::CustomerClosed { why } => {
                Message::new("refused-customer-closed").message("why", why.1.clone())
            }
            Refusal::BelowZero {
                account,
                after,
                why,
            } => Message::new("refused-below-zero")
                .text("account", account.clone())
                .num("after", *after)
                .message("why", why.1.clone()),
            Refusal::NoProgram => Message::new("refused-no-program"),
        }
    }
}

/// Who may do what: refused, and nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// The till has staff and nobody is signed in.
    #[error("sign in first: this till has staff, and only someone signed in may {permission}")]
    SignInRequired {
        /// What was asked (a name from the permission table).
        permission: &'static str,
    },
    /// The person signed in left the till unused past their idle limit and
    /// was signed out.
    #[error("{name} was signed out after {minutes} minutes without using the till: sign in again")]
    SignedOutIdle {
        /// Their name.
        name: String,
        /// The idle limit they passed, in minutes.
        minutes: u32,
    },
    /// The person signed in may not do this.
    #[error("a {} may not {permission}: ask a manager", role.as_str())]
    Forbidden {
        /// What was asked (a name from the permission table).
        permission: &'static str,
        /// The role of whoever asked.
        role: crate::ledger::Role,
    },
    /// A wrong PIN; after a few more the person is locked out on this till.
    #[error("wrong PIN for {name}: {tries_left} more before a 5-minute lockout")]
    WrongPin {
        /// Who tried.
        name: String,
        /// Wrong PINs left before the lockout.
        tries_left: u32,
    },
    /// Too many wrong PINs on this till: wait.
    #[error("{name} typed 5 wrong PINs and is locked out on this till until {local}")]
    LockedOut {
        /// Who is locked out.
        name: String,
        /// When they may try again.
        until: chrono::DateTime<chrono::Utc>,
        /// The same on the shop's clock (`14:05`).
        local: String,
    },
}

impl AuthError {
    /// What the refusal means, for every language.
    pub fn message(&self) -> Message {
        let role = |r: crate::ledger::Role| {
            Message::new(match r {
                crate::ledger::Role::Barista => "role-barista",
                crate::ledger::Role::Manager => "role-manager",
            })
        };
        match self {
            AuthError::SignInRequired { .. } => Message::new("auth-sign-in-required"),
            AuthError::SignedOutIdle { name, minutes } => Message::new("auth-signed-out-idle")
                .text("name", name.clone())
                .num("minutes", i64::from(*minutes)),
            AuthError::Forbidden { role: r, .. } => {
                Message::new("auth-forbidden").message("role", role(*r))
            }
            AuthError::WrongPin { name, tries_left } => Message::new("auth-wrong-pin")
                .text("name", name.clone())
                .num("left", i64::from(*tries_left)),
            AuthError::LockedOut { name, local, .. } => Message::new("auth-locked-out")
                .text("name", name.clone())
                .text("until", local.clone()),
        }
    }
}

/// Errors from the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// Bad input: nothing was changed.
    #[error("{0}")]
    Invalid(#[from] InvalidInput),
    /// A program file with problems: nothing was changed.
    #[error("{0}")]
    Program(#[from] ProgramErrors),
    /// Well-formed but refused by the program's rules: nothing was changed.
    #[error("{0}")]
    Refused(Box<Refusal>),
    /// Not signed in, not allowed, or a wrong PIN: nothing was changed.
    #[error("{0}")]
    Auth(#[from] AuthError),
    /// A scanned or typed card code was not accepted.
    #[error("{0}")]
    Card(#[from] CodeError),
    /// Something looked up does not exist.
    #[error("no {what} matches `{key}`")]
    NotFound {
        /// What was looked for (customer, card, event, reward).
        what: &'static str,
        /// The key that was given.
        key: String,
    },
    /// An idempotency key sent again with another action or input: nothing
    /// was recorded (the key's first action stands).
    #[error("the key `{0}` was used for another action or input; nothing was recorded: send a new key for a new action")]
    IdempotencyMismatch(String),
    /// Two different events claim one place in a device's stream: a copied
    /// database or a restored backup wrote on. Nothing was applied.
    #[error("a forked device: {0}; re-pair the till that wrote it")]
    Forked(String),
    /// Sync with the server failed; the till itself is fine and keeps working.
    #[error("sync: {message}")]
    Sync {
        /// What failed, in the `sync.*` namespace (`sync.offline`, `sync.pairing_code`, …).
        code: ErrorCode,
        /// In words, with what to do when retrying cannot help.
        message: String,
    },
    /// The store has not been initialised.
    #[error("this database has not been set up: run `counterpart init` first")]
    NotInitialised,
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// Migrating the database failed.
    #[error("database migration failed: {0}")]
    Migrate(String),
    /// Stored data could not be read back: a bug or a damaged file.
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The till failed inside (a worker thread panicked): a bug, logged.
    #[error("the till failed inside: {0}")]
    Internal(String),
}

impl EngineError {
    /// The stable code the UI and the command line branch on.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            EngineError::Invalid(_) => ErrorCode::InvalidInput,
            EngineError::Program(_) => ErrorCode::InvalidProgram,
            EngineError::Refused(r) => match r.as_ref() {
                Refusal::NotEnough { .. } => ErrorCode::RefusedNotEnough,
                Refusal::NotAvailable { .. } => ErrorCode::RefusedNotAvailable,
                Refusal::CannotVoid { .. } => ErrorCode::RefusedCannotVoid,
                Refusal::CustomerClosed { .. } => ErrorCode::RefusedCustomerClosed,
                Refusal::NoProgram => ErrorCode::RefusedNoProgram,
                Refusal::BelowZero { .. } => ErrorCode::RefusedBelowZero,
            },
            EngineError::Auth(a) => match a {
                AuthError::SignInRequired { .. } => ErrorCode::AuthSignInRequired,
                AuthError::SignedOutIdle { .. } => ErrorCode::AuthSignedOutIdle,
                AuthError::Forbidden { .. } => ErrorCode::AuthForbidden,
                AuthError::WrongPin { .. } => ErrorCode::AuthWrongPin,
                AuthError::LockedOut { .. } => ErrorCode::AuthLockedOut,
            },
            EngineError::Card(c) => match c {
                CodeError::Garbled(_) => ErrorCode::CardGarbled,
                CodeError::UnknownShop => ErrorCode::CardUnknownShop,
                CodeError::UnknownTill => ErrorCode::CardUnknownTill,
                CodeError::Forged => ErrorCode::CardForged,
                CodeError::Revoked => ErrorCode::CardRevoked,
                CodeError::Ambiguous { .. } => ErrorCode::CardAmbiguous,
            },
            EngineError::NotFound { .. } => ErrorCode::NotFound,
            EngineError::IdempotencyMismatch(_) => ErrorCode::IdempotencyMismatch,
            EngineError::Forked(_) => ErrorCode::Forked,
            EngineError::Sync { code, .. } => *code,
            EngineError::NotInitialised => ErrorCode::NotInitialised,
            EngineError::Database(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) =>
            {
                ErrorCode::DiskFull
            }
            EngineError::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => {
                ErrorCode::DiskFull
            }
            EngineError::Database(_) => ErrorCode::Database,
            EngineError::Migrate(_) => ErrorCode::Migration,
            EngineError::Corrupt(_) => ErrorCode::Corrupt,
            EngineError::Io(_) => ErrorCode::Io,
            EngineError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// What the error means as a message, for every language: refusals and
    /// sign-in problems (other errors are told in English words only).
    pub fn message(&self) -> Option<Message> {
        match self {
            EngineError::Refused(r) => Some(r.message()),
            EngineError::Auth(a) => Some(a.message()),
            _ => None,
        }
    }

    /// [`EngineError::error_code`] as text.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// True when the person can fix this by changing what they asked for; such
    /// errors changed nothing. The command line exits 2 for these, 1 otherwise.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            EngineError::Invalid(_)
                | EngineError::Program(_)
                | EngineError::Refused(_)
                | EngineError::Auth(_)
                | EngineError::Card(_)
                | EngineError::NotFound { .. }
                | EngineError::IdempotencyMismatch(_)
                | EngineError::NotInitialised
        ) || matches!(
            self,
            EngineError::Sync { code, .. } if matches!(
                code,
                ErrorCode::SyncPairingCode
                    | ErrorCode::SyncShopMismatch
                    | ErrorCode::SyncMalformed
                    | ErrorCode::SyncNotPaired
                    | ErrorCode::SyncAlreadyPaired
                    | ErrorCode::SyncInsecure
            )
        )
    }

    /// Worth retrying as is: the database was busy or the disk hiccupped.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            EngineError::Database(rusqlite::Error::SqliteFailure(e, _))
                if matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    pub(crate) fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        EngineError::NotFound {
            what,
            key: key.into(),
        }
    }

    pub(crate) fn invalid(field: &str, problem: impl Into<String>) -> Self {
        EngineError::Invalid(InvalidInput::new(field, problem))
    }
}

impl From<Refusal> for EngineError {
    /// A refusal, boxed: it carries its messages, and every `Result` of the
    /// engine stays small.
    fn from(r: Refusal) -> Self {
        EngineError::Refused(Box::new(r))
    }
}

/// Results from the engine.
pub type Result<T, E = EngineError> = std::result::Result<T, E>;

impl From<rusqlite::types::FromSqlError> for EngineError {
    /// A stored value of the wrong type: the file was damaged or written by something else.
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        EngineError::Corrupt(format!("a stored value has the wrong type: {e}"))
    }
}
