//! What a redemption costs, and whether the customer can cover it. A redemption
//! the till cannot cover is refused here, at the till.

use chrono::NaiveDate;

use super::context::CustomerContext;
use crate::error::{EngineError, Refusal, Subject, Why};
use crate::ledger::{Account, Arg, Delta, Message};
use crate::money::Money;
use crate::program::{Name, Program, RewardCost};

/// The deltas of redeeming `reward_id` for this customer today, or why not.
///
/// A voucher for the reward is used first (a full card, a birthday drink), then a
/// subscription plan covering it, then the reward's price in points or cashback.
pub fn redeem(
    program: &Program,
    customer: &CustomerContext,
    reward_id: &str,
    date: NaiveDate,
) -> Result<Vec<Delta>, EngineError> {
    let reward = program
        .reward(reward_id)
        .ok_or_else(|| EngineError::not_found("reward", reward_id))?;
    let rule = format!("reward:{}", reward.id);
    if !reward.period.contains(date) {
        return Err(Refusal::NotAvailable {
            reward: Subject::Reward(reward.name.clone()),
            why: Why::new(
                "it is not offered on this date",
                Message::new("why-not-on-this-date"),
            ),
        }
        .into());
    }
    if let Some(min) = &reward.min_tier {
        let held = program.tier_for(customer.tier_measure);
        let levels = program
            .tiers
            .as_ref()
            .map(|t| t.levels.as_slice())
            .unwrap_or(&[]);
        let rank = |id: &str| levels.iter().position(|l| l.id == id);
        if held.and_then(|h| rank(&h.id)) < rank(min) {
            return Err(Refusal::NotAvailable {
                reward: Subject::Reward(reward.name.clone()),
                why: {
                    let needed = levels
                        .iter()
                        .find(|l| l.id == *min)
                        .map_or_else(|| Name::plain(min.as_str()), |l| l.name.clone());
                    Why::new(
                        format!(
                            "it needs the {needed} tier; the customer is {}",
                            held.map_or("in no tier", |h| h.name.text.as_str())
                        ),
                        match held {
                            Some(h) => Message::new("why-needs-tier")
                                .name("tier", &needed)
                                .name("held", &h.name),
                            None => Message::new("why-needs-tier-none").name("tier", &needed),
                        },
                    )
                },
            }
            .into());
        }
    }
    let once_key = Account::Uses(format!("reward:{}", reward.id));
    if reward.once_per_customer && customer.account(&once_key) > 0 {
        return Err(Refusal::NotAvailable {
            reward: Subject::Reward(reward.name.clone()),
            why: Why::new(
                "it can be redeemed once per customer, and was",
                Message::new("why-once-per-customer"),
            ),
        }
        .into());
    }
    let mut deltas = Vec::new();
    let voucher = Account::Voucher(reward.id.clone());
    let plan = program
        .subscriptions
        .iter()
        .filter(|p| p.covers == reward.id)
        .find_map(|p| {
            customer
                .active_plans
                .iter()
                .find(|(id, used)| *id == p.id && *used < p.allowance)
                .map(|(_, used)| (p, *used))
        });
    if customer.account(&voucher) > 0 {
        deltas.push(Delta {
            account: voucher,
            amount: -1,
            rule: rule.clone(),
            why: format!("{} redeemed with a voucher", reward.name),
            message: Some(Message::new("redeem-voucher").name("reward", &reward.name)),
        });
    } else if let Some((p, used)) = plan {
        deltas.push(Delta {
            account: Account::Allowance(p.id.clone()),
            amount: -1,
            rule: rule.clone(),
            why: format!(
                "{} from {}: {} of {} this {}",
                reward.name,
                p.name,
                used + 1,
                p.allowance,
                match p.period {
                    crate::program::PlanPeriod::Day => "day",
                    crate::program::PlanPeriod::Week => "week",
                }
            ),
            message: Some(
                match p.period {
                    crate::program::PlanPeriod::Day => Message::new("redeem-plan-day"),
                    crate::program::PlanPeriod::Week => Message::new("redeem-plan-week"),
                }
                .name("reward", &reward.name)
                .name("plan", &p.name)
                .num("used", used + 1)
                .num("allowance", p.allowance),
            ),
        });
    } else {
        match reward.cost {
            RewardCost::VoucherOnly => {
                return Err(Refusal::NotAvailable {
                    reward: Subject::Reward(reward.name.clone()),
                    why: Why::new(
                        "the customer has no voucher for it",
                        Message::new("why-no-voucher"),
                    ),
                }
                .into())
            }
            RewardCost::Points(cost) => {
                let available = customer.points_available();
                if available < cost {
                    return Err(Refusal::NotEnough {
                        account: "points".into(),
                        needed: cost.to_string(),
                        available: available.to_string(),
                        amounts: (Arg::Number(cost), Arg::Number(available)),
                    }
                    .into());
                }
                deltas.push(Delta {
                    account: Account::Points,
                    amount: -cost,
                    rule: rule.clone(),
                    why: format!("-{cost} points for {}", reward.name),
                    message: Some(
                        Message::new("redeem-points")
                            .num("points", cost)
                            .name("reward", &reward.name),
                    ),
                });
            }
            RewardCost::Cashback(cost) => {
                let available = customer.account(&Account::Cashback);
                let m = |v| Money::new(v, program.currency).to_string();
                if available < cost {
                    return Err(Refusal::NotEnough {
                        account: "cashback".into(),
                        needed: m(cost),
                        available: m(available),
                        amounts: (
                            Arg::money(Money::new(cost, program.currency)),
                            Arg::money(Money::new(available, program.currency)),
                        ),
                    }
                    .into());
                }
                deltas.push(Delta {
                    account: Account::Cashback,
                    amount: -cost,
                    rule: rule.clone(),
                    why: format!("-{} cashback for {}", m(cost), reward.name),
                    message: Some(
                        Message::new("redeem-cashback")
                            .money("amount", Money::new(cost, program.currency))
                            .name("reward", &reward.name),
                    ),
                });
            }
        }
    }
    if reward.once_per_customer {
        deltas.push(Delta {
            account: once_key,
            amount: 1,
            rule,
            why: format!("{} used (once per customer)", reward.name),
            message: Some(Message::new("redeem-once").name("reward", &reward.name)),
        });
    }
    Ok(deltas)
}

/// The deltas of spending `amount` of cashback directly.
pub fn spend_cashback(
    program: &Program,
    customer: &CustomerContext,
    amount: i64,
) -> Result<Vec<Delta>, EngineError> {
    if program.cashback.is_none() {
        return Err(EngineError::invalid(
            "cashback",
            "this program has no cashback balance",
        ));
    }
    if amount <= 0 {
        return Err(EngineError::invalid("amount", "must be more than zero"));
    }
    let available = customer.account(&Account::Cashback);
    let m = |v| Money::new(v, program.currency).to_string();
    if available < amount {
        return Err(Refusal::NotEnough {
            account: "cashback".into(),
            needed: m(amount),
            available: m(available),
            amounts: (
                Arg::money(Money::new(amount, program.currency)),
                Arg::money(Money::new(available, program.currency)),
            ),
        }
        .into());
    }
    Ok(vec![Delta {
        account: Account::Cashback,
        amount: -amount,
        rule: "cashback".into(),
        why: format!("-{} cashback spent", m(amount)),
        message: Some(
            Message::new("cashback-spent").money("amount", Money::new(amount, program.currency)),
        ),
    }])
}
