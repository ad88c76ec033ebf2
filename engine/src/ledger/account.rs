//! The balances a delta can move. Written as short strings in events and tables
//! (`points`, `stamps:coffee`, `voucher:free-drink`), so the format is readable in
//! a database browser and stable across versions.

use super::message::Message;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A balance or counter of a customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Account {
    /// Loyalty points.
    Points,
    /// Stamps on one stamp card.
    Stamps(String),
    /// Spendable cashback, minor units.
    Cashback,
    /// Earned but unused vouchers for a reward (a full stamp card, a birthday drink).
    Voucher(String),
    /// Uses of a subscription plan's allowance (negative: one per use).
    Allowance(String),
    /// A counter that is not a balance: coupon uses, one-time grants (`uses:coupon:SPRING`).
    Uses(String),
}

impl Account {
    /// True for balances a customer can spend (shown to staff).
    pub fn is_balance(&self) -> bool {
        matches!(
            self,
            Account::Points | Account::Stamps(_) | Account::Cashback | Account::Voucher(_)
        )
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Account::Points => f.write_str("points"),
            Account::Stamps(c) => write!(f, "stamps:{c}"),
            Account::Cashback => f.write_str("cashback"),
            Account::Voucher(r) => write!(f, "voucher:{r}"),
            Account::Allowance(p) => write!(f, "allowance:{p}"),
            Account::Uses(k) => write!(f, "uses:{k}"),
        }
    }
}

impl FromStr for Account {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (kind, rest) = s.split_once(':').unwrap_or((s, ""));
        let named = |make: fn(String) -> Account| {
            if rest.is_empty() {
                Err(format!("account `{s}` needs a name after ':'"))
            } else {
                Ok(make(rest.to_string()))
            }
        };
        match kind {
            "points" if rest.is_empty() => Ok(Account::Points),
            "cashback" if rest.is_empty() => Ok(Account::Cashback),
            "stamps" => named(Account::Stamps),
            "voucher" => named(Account::Voucher),
            "allowance" => named(Account::Allowance),
            "uses" => named(Account::Uses),
            _ => Err(format!("`{s}` is not an account")),
        }
    }
}

impl TryFrom<String> for Account {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Account> for String {
    fn from(a: Account) -> String {
        a.to_string()
    }
}

/// The largest amount one delta may move, either way: far beyond any café's
/// balance, and small enough that sums of millions of them stay exact in an
/// `i64`. The sync server refuses events beyond it, so a till refuses to record
/// them too (a till that kept one would disagree with every other for good).
pub const MAX_DELTA: i64 = 1_000_000_000_000;

/// Largest balance (either sign) any account may reach: 2^53, so a sum of
/// balances (a merge, a report) stays exact in any arithmetic, floating point
/// included, and never leaves an i64. Tills refuse to record past it and the
/// server rejects what would pass it.
pub const MAX_BALANCE: i64 = 1 << 53;

/// A change to one account, with the rule that made it and why, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Delta {
    /// The account moved.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub account: Account,
    /// By how much (points, stamps, minor units, uses).
    pub amount: i64,
    /// The rule that granted or took it (`points`, `offer:early-bird`, `reward:free-drink`).
    pub rule: String,
    /// The explanation shown to staff: "+4 points (1 point per $1.00, ×2 before 9:00)".
    /// English, kept in the ledger for the record.
    pub why: String,
    /// The same as a message id and arguments, for every language. Absent on
    /// events recorded before messages existed: those are explained by `why`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub message: Option<Message>,
}

impl Delta {
    /// The delta that undoes this one, as a void records it.
    pub fn reversed(&self) -> Delta {
        Delta {
            account: self.account.clone(),
            amount: -self.amount,
            rule: self.rule.clone(),
            why: format!("undone: {}", self.why),
            message: Some(match &self.message {
                Some(m) => Message::new("undone").message("what", m.clone()),
                None => Message::new("undone").text("what", self.why.clone()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_round_trip() {
        for a in [
            Account::Points,
            Account::Cashback,
            Account::Stamps("coffee".into()),
            Account::Voucher("free-drink".into()),
            Account::Allowance("club".into()),
            Account::Uses("coupon:SPRING".into()),
        ] {
            assert_eq!(a.to_string().parse::<Account>(), Ok(a.clone()));
        }
        assert!("stamps".parse::<Account>().is_err());
        assert!("nonsense:x".parse::<Account>().is_err());
        assert!("points:x".parse::<Account>().is_err());
    }
}
