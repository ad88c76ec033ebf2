//! What a delta, a refusal or a line means, as data: a message id from the
//! shared catalogues (`locales/*.ftl`) and typed arguments, so the command
//! line and the app's screens can say it in the person's language. The English
//! `why` beside it stays in the ledger for the record.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A message id with its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Message {
    /// The id in the catalogues (`earn-points`, `stamp-one`).
    pub id: String,
    /// Its arguments by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// A count (points, stamps, days): the catalogue picks its plural form.
    Number(i64),
    /// Text as it is: a name from the customer's data, or from a program
    /// that gives it in one language only.
    Text(String),
    /// A name from the program with its words in other languages: the
    /// reader's language is picked when it is written.
    Name(crate::program::Name),
    /// Money, formatted for the locale.
    Money {
        /// Minor units.
        minor: i64,
        /// ISO currency code.
        currency: String,
    },
    /// Another message, rendered first (a label inside a line).
    Message(Box<Message>),
    /// A calendar date, written for the locale (`3 Dec 2026`, `3.12.2026`).
    Date(#[cfg_attr(feature = "ts", ts(type = "string"))] chrono::NaiveDate),
}

impl Arg {
    /// Money as an argument.
    pub fn money(money: crate::money::Money) -> Arg {
        Arg::Money {
            minor: money.minor,
            currency: money.currency.code().to_string(),
        }
    }
}

impl Message {
    /// A message with no arguments yet.
    pub fn new(id: &str) -> Message {
        Message {
            id: id.to_string(),
            args: BTreeMap::new(),
        }
    }

    /// Adds a count.
    pub fn num(mut self, name: &str, value: i64) -> Message {
        self.args.insert(name.to_string(), Arg::Number(value));
        self
    }

    /// Adds text.
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Message {
        self.args.insert(name.to_string(), Arg::Text(value.into()));
        self
    }

    /// Adds a name from the program: as text when the program gives it in
    /// one language (so events of such programs read as they always have),
    /// with its other languages when it has them.
    pub fn name(mut self, name: &str, value: &crate::program::Name) -> Message {
        let arg = if value.is_translated() {
            Arg::Name(value.clone())
        } else {
            Arg::Text(value.text.clone())
        };
        self.args.insert(name.to_string(), arg);
        self
    }

    /// Adds money.
    pub fn money(mut self, name: &str, money: crate::money::Money) -> Message {
        self.args.insert(name.to_string(), Arg::money(money));
        self
    }

    /// Adds a date.
    pub fn date(mut self, name: &str, date: chrono::NaiveDate) -> Message {
        self.args.insert(name.to_string(), Arg::Date(date));
        self
    }

    /// Adds a message to render inside this one.
    pub fn message(mut self, name: &str, value: Message) -> Message {
        self.args
            .insert(name.to_string(), Arg::Message(Box::new(value)));
        self
    }
}
