//! Turns program text into a checked [`Program`], reporting every problem at once,
//! each naming the field (`offers[2].multiplier`) and what is wrong.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashSet};

use super::file::*;
use super::model::*;
use super::Name;
use crate::error::{InvalidInput, ProgramErrors};
use crate::language::Language;
use crate::money::{parse_minor, Currency, Rounding};

mod goals;
mod unusual;

const TOP_LEVEL_KEYS: &[&str] = &[
    "format",
    "name",
    "names",
    "currency",
    "points",
    "stamp_cards",
    "tiers",
    "cashback",
    "milestones",
    "rewards",
    "offers",
    "subscriptions",
    "causes",
    "expiry",
    "limits",
    "offline",
    "goals",
    "unusual",
];

/// Collects problems while walking the file.
struct Checker {
    errors: Vec<InvalidInput>,
    currency: Option<Currency>,
}

impl Checker {
    fn err(&mut self, field: impl Into<String>, problem: impl Into<String>) {
        self.errors.push(InvalidInput::new(field, problem));
    }

    /// Deserialises one part of the file, recording a problem instead of stopping.
    fn part<T: DeserializeOwned>(&mut self, field: &str, value: &toml::Value) -> Option<T> {
        match value.clone().try_into::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                self.err(field, clean_serde_message(&e.to_string()));
                None
            }
        }
    }

    fn list<T: DeserializeOwned>(&mut self, table: &toml::Table, key: &str) -> Vec<(String, T)> {
        let Some(value) = table.get(key) else {
            return Vec::new();
        };
        let Some(items) = value.as_array() else {
            self.err(
                key,
                "must be a list of tables, written [[{key}]]".replace("{key}", key),
            );
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let field = format!("{key}[{i}]");
                self.part::<T>(&field, v).map(|t| (field, t))
            })
            .collect()
    }

    fn money(&mut self, field: &str, value: &Option<NumberText>, required: bool) -> Option<i64> {
        let Some(v) = value else {
            if required {
                self.err(field, "is missing");
            }
            return None;
        };
        let currency = self.currency?;
        let text = v.as_text();
        match parse_minor(&text, currency.exponent()) {
            Ok(m) if m < 0 => {
                self.err(field, format!("`{text}` is negative"));
                None
            }
            Ok(m) => Some(m),
            Err(why) => {
                self.err(field, format!("`{text}` {why}"));
                None
            }
        }
    }

    fn id(&mut self, field: &str, value: &Option<String>, seen: &mut HashSet<String>) -> String {
        let Some(id) = value else {
            self.err(format!("{field}.id"), "is missing");
            return String::new();
        };
        let ok = !id.is_empty()
            && id.len() <= 40
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            self.err(
                format!("{field}.id"),
                format!("`{id}` must be 1 to 40 lower-case letters, digits, '-' or '_'"),
            );
        } else if !seen.insert(id.clone()) {
            self.err(format!("{field}.id"), format!("`{id}` is used twice"));
        }
        id.clone()
    }

    fn name(
        &mut self,
        field: &str,
        value: &Option<String>,
        names: &BTreeMap<String, String>,
        fallback: &str,
    ) -> Name {
        let text = match value {
            Some(n) if !fits_a_name(n) => {
                self.err(format!("{field}.name"), "must be 1 to 80 characters");
                n.clone()
            }
            Some(n) => n.trim().to_string(),
            None => fallback.to_string(),
        };
        Name {
            text,
            translations: self.translations(&format!("{field}.names"), names),
        }
    }

    /// The `names` of a name: each one of the till's languages, each 1 to 80
    /// characters.
    fn translations(
        &mut self,
        field: &str,
        names: &BTreeMap<String, String>,
    ) -> BTreeMap<Language, String> {
        let mut translations = BTreeMap::new();
        for (tag, text) in names {
            let Some(language) = Language::ALL.into_iter().find(|l| l.tag() == tag) else {
                self.err(
                    format!("{field}.{tag}"),
                    format!(
                        "`{tag}` is not one of the till's languages ({})",
                        Language::ALL.map(Language::tag).join(", ")
                    ),
                );
                continue;
            };
            if fits_a_name(text) {
                translations.insert(language, text.trim().to_string());
            } else {
                self.err(format!("{field}.{tag}"), "must be 1 to 80 characters");
            }
        }
        translations
    }

    fn positive(&mut self, field: &str, value: Option<i64>, max: i64) -> Option<i64> {
        match value {
            None => {
                self.err(field, "is missing");
                None
            }
            Some(v) if v <= 0 || v > max => {
                self.err(field, format!("must be between 1 and {max}, not {v}"));
                None
            }
            Some(v) => Some(v),
        }
    }

    fn rounding(&mut self, field: &str, value: &Option<String>) -> Rounding {
        match value.as_deref() {
            None => Rounding::Down,
            Some(s) => s.parse().unwrap_or_else(|_| {
                self.err(
                    field,
                    format!("`{s}` is not a rounding rule: use down, nearest or up"),
                );
                Rounding::Down
            }),
        }
    }

    /// A decimal rate with at most two decimals, as hundredths.
    fn hundredths(&mut self, field: &str, value: f64, min: f64, max: f64) -> Option<i64> {
        if !value.is_finite() || value < min || value > max {
            self.err(
                field,
                format!("must be between {min} and {max}, not {value}"),
            );
            return None;
        }
        let scaled = value * 100.0;
        let rounded = scaled.round();
        if (scaled - rounded).abs() > 1e-6 {
            self.err(field, format!("`{value}` has more than two decimals"));
            return None;
        }
        // In range by the check above, so the cast cannot truncate.
        Some(rounded as i64)
    }

    fn date(&mut self, field: &str, value: &Option<DateText>) -> Option<NaiveDate> {
        let text = value.as_ref()?.as_text();
        match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.err(field, format!("`{text}` is not a date like 2026-12-01"));
                None
            }
        }
    }

    fn period(
        &mut self,
        field: &str,
        starts: &Option<DateText>,
        ends: &Option<DateText>,
    ) -> DateRange {
        let range = DateRange {
            starts: self.date(&format!("{field}.starts"), starts),
            ends: self.date(&format!("{field}.ends"), ends),
        };
        if let (Some(s), Some(e)) = (range.starts, range.ends) {
            if e < s {
                self.err(
                    format!("{field}.ends"),
                    format!("{e} is before starts ({s})"),
                );
            }
        }
        range
    }

    fn time(&mut self, field: &str, value: &str) -> Option<NaiveTime> {
        match NaiveTime::parse_from_str(value, "%H:%M") {
            Ok(t) => Some(t),
            Err(_) => {
                self.err(field, format!("`{value}` is not a time like 09:00"));
                None
            }
        }
    }

    fn grant(
        &mut self,
        field: &str,
        bonus_points: Option<i64>,
        reward: &Option<String>,
        credit: Option<i64>,
    ) -> Option<Grant> {
        let given = [bonus_points.is_some(), reward.is_some(), credit.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        if given > 1 {
            self.err(field, "give only one of bonus_points, reward or credit");
            return None;
        }
        if let Some(p) = bonus_points {
            if p <= 0 || p > 1_000_000 {
                self.err(
                    format!("{field}.bonus_points"),
                    format!("must be between 1 and 1000000, not {p}"),
                );
                return None;
            }
            return Some(Grant::Points(p));
        }
        if let Some(r) = reward {
            return Some(Grant::Reward(r.clone()));
        }
        credit.map(Grant::Credit)
    }
}

fn clean_serde_message(msg: &str) -> String {
    msg.trim().replace('\n', " ")
}

fn weekday(s: &str) -> Option<Weekday> {
    match s.to_ascii_lowercase().as_str() {
        "mon" | "monday" => Some(Weekday::Mon),
        "tue" | "tuesday" => Some(Weekday::Tue),
        "wed" | "wednesday" => Some(Weekday::Wed),
        "thu" | "thursday" => Some(Weekday::Thu),
        "fri" | "friday" => Some(Weekday::Fri),
        "sat" | "saturday" => Some(Weekday::Sat),
        "sun" | "sunday" => Some(Weekday::Sun),
        _ => None,
    }
}

/// Parses and checks a program. Every problem is reported, not just the first:
/// each section is read by its own function below, in the file's order, and the
/// checks that need the whole program come last.
pub fn parse_program(source: &str) -> Result<Program, ProgramErrors> {
    let table: toml::Table = source.parse().map_err(|e: toml::de::Error| {
        ProgramErrors(vec![InvalidInput::new(
            "file",
            format!("is not valid TOML: {}", clean_serde_message(e.message())),
        )
        .with_span(source, e.span())])
    })?;
    let mut c = Checker {
        errors: Vec::new(),
        currency: None,
    };
    for key in table.keys() {
        if !TOP_LEVEL_KEYS.contains(&key.as_str()) {
            c.err(
                key.as_str(),
                format!(
                    "is not a program setting (known: {})",
                    TOP_LEVEL_KEYS.join(", ")
                ),
            );
        }
    }

    let format = format_version(&mut c, &table);
    let name = program_name(&mut c, &table);
    let currency = currency(&mut c, &table);
    c.currency = currency;
    let points = points(&mut c, &table);
    let rewards = rewards(&mut c, &table);
    let stamp_cards = stamp_cards(&mut c, &table, &rewards);
    let tiers = tiers(&mut c, &table);
    reward_tiers(&mut c, &rewards, tiers.as_ref());
    let cashback = cashback(&mut c, &table);
    let milestones = milestones(&mut c, &table, &rewards);
    let offers = offers(&mut c, &table, &rewards);
    let subscriptions = subscriptions(&mut c, &table, &rewards);
    let causes = causes(&mut c, &table);
    let points_expire_after_days = expiry(&mut c, &table, points.as_ref());
    let limits = limits(&mut c, &table, currency);
    let offline = offline(&mut c, &table);
    let goals = goals::goals(&mut c, &table);
    let unusual = unusual::unusual(&mut c, &table);

    // Cross-checks that need the whole program.
    let needs_points = rewards
        .iter()
        .any(|r| matches!(r.cost, RewardCost::Points(_)))
        || offers
            .iter()
            .any(|o| o.multiplier.is_some() || matches!(o.grant, Some(Grant::Points(_))));
    if needs_points && points.is_none() && !c.errors.iter().any(|e| e.field.starts_with("points")) {
        c.err(
            "points",
            "rewards or offers use points, but the program has no [points] section",
        );
    }
    let needs_cashback = rewards
        .iter()
        .any(|r| matches!(r.cost, RewardCost::Cashback(_)))
        || milestones
            .iter()
            .any(|m| matches!(m.grant, Grant::Credit(_)));
    if needs_cashback
        && cashback.is_none()
        && !c.errors.iter().any(|e| e.field.starts_with("cashback"))
    {
        c.err("cashback", "rewards or milestones use a cashback balance, but the program has no [cashback] section");
    }
    if points.is_none() && stamp_cards.is_empty() && cashback.is_none() && subscriptions.is_empty()
    {
        c.err(
            "program",
            "has no way to earn: add [points], [[stamp_cards]], [cashback] or [[subscriptions]]",
        );
    }

    if !c.errors.is_empty() {
        return Err(ProgramErrors(c.errors));
    }
    let Some(currency) = currency else {
        return Err(ProgramErrors(vec![InvalidInput::new(
            "currency",
            "is missing",
        )]));
    };
    Ok(Program {
        format,
        name,
        currency,
        points,
        stamp_cards,
        tiers,
        cashback,
        milestones,
        rewards,
        offers,
        subscriptions,
        causes,
        points_expire_after_days,
        limits,
        offline,
        goals,
        unusual,
    })
}

/// The settings no section holds: the file format's version.
fn format_version(c: &mut Checker, table: &toml::Table) -> u32 {
    let format = match table.get("format").and_then(toml::Value::as_integer) {
        Some(v) if v == i64::from(FORMAT_VERSION) => FORMAT_VERSION,
        Some(v) => {
            c.err(
                "format",
                format!("version {v} is not supported; this engine reads format {FORMAT_VERSION}"),
            );
            FORMAT_VERSION
        }
        None => {
            c.err(
                "format",
                format!("is missing: start the file with `format = {FORMAT_VERSION}`"),
            );
            FORMAT_VERSION
        }
    };
    format
}

/// The program's name, as staff see it, and its `names`.
fn program_name(c: &mut Checker, table: &toml::Table) -> Name {
    let text = match table.get("name").and_then(toml::Value::as_str) {
        Some(n) if fits_a_name(n) => n.trim().to_string(),
        Some(_) => {
            c.err("name", "must be 1 to 80 characters");
            String::new()
        }
        None => {
            c.err("name", "is missing");
            String::new()
        }
    };
    let names = match table.get("names") {
        None => BTreeMap::new(),
        Some(v) => c
            .part::<BTreeMap<String, String>>("names", v)
            .unwrap_or_default(),
    };
    Name {
        text,
        translations: c.translations("names", &names),
    }
}

/// A name is 1 to 80 characters, not counting the blanks around it.
fn fits_a_name(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().count() <= 80
}

/// The currency every amount of the file is read in.
fn currency(c: &mut Checker, table: &toml::Table) -> Option<Currency> {
    let currency = match table.get("currency").and_then(toml::Value::as_str) {
        Some(code) => match Currency::parse(code) {
            Ok(cur) => Some(cur),
            Err(e) => {
                c.err("currency", e.problem);
                None
            }
        },
        None => {
            c.err("currency", "is missing (an ISO 4217 code such as USD)");
            None
        }
    };
    currency
}

/// `[points]`: the earning rate, its rounding and minimum spend.
fn points(c: &mut Checker, table: &toml::Table) -> Option<PointsRule> {
    let points = table
        .get("points")
        .and_then(|v| c.part::<PointsFile>("points", v))
        .and_then(|p| {
            let earn = c.positive("points.earn", p.earn, 1_000_000);
            let per_minor = c.money("points.per", &p.per, true);
            if per_minor == Some(0) {
                c.err("points.per", "must be more than zero");
            }
            let rounding = c.rounding("points.rounding", &p.rounding);
            let minimum_spend = c
                .money("points.minimum_spend", &p.minimum_spend, false)
                .unwrap_or(0);
            Some(PointsRule {
                earn: earn?,
                per_minor: per_minor.filter(|v| *v > 0)?,
                rounding,
                minimum_spend,
            })
        });
    points
}

/// `[[rewards]]`: the catalogue, each with its cost.
fn rewards(c: &mut Checker, table: &toml::Table) -> Vec<Reward> {
    let mut reward_ids = HashSet::new();
    let rewards: Vec<Reward> = c
        .list::<RewardFile>(table, "rewards")
        .into_iter()
        .map(|(f, r)| {
            let id = c.id(&f, &r.id, &mut reward_ids);
            let name = c.name(&f, &r.name, &r.names, &id);
            let cost = match (r.cost_points, &r.cost_cashback) {
                (Some(_), Some(_)) => {
                    c.err(&f, "give only one of cost_points or cost_cashback");
                    RewardCost::VoucherOnly
                }
                (Some(p), None) => c
                    .positive(&format!("{f}.cost_points"), Some(p), 10_000_000)
                    .map_or(RewardCost::VoucherOnly, RewardCost::Points),
                (None, Some(_)) => {
                    match c.money(&format!("{f}.cost_cashback"), &r.cost_cashback, true) {
                        Some(0) => {
                            c.err(format!("{f}.cost_cashback"), "must be more than zero");
                            RewardCost::VoucherOnly
                        }
                        Some(m) => RewardCost::Cashback(m),
                        None => RewardCost::VoucherOnly,
                    }
                }
                (None, None) => RewardCost::VoucherOnly,
            };
            let period = c.period(&f, &r.starts, &r.ends);
            let shop_cost = c.money(&format!("{f}.shop_cost"), &r.shop_cost, false);
            let menu_price = c.money(&format!("{f}.menu_price"), &r.menu_price, false);
            Reward {
                id,
                name,
                cost,
                min_tier: r.min_tier.clone(),
                period,
                once_per_customer: r.once_per_customer,
                shop_cost,
                menu_price,
            }
        })
        .collect();
    rewards
}

/// `[[stamp_cards]]`: each card's size, reward and what qualifies.
fn stamp_cards(c: &mut Checker, table: &toml::Table, rewards: &[Reward]) -> Vec<StampCard> {
    let reward_known = |id: &str| rewards.iter().any(|r| r.id == id);
    let mut card_ids = HashSet::new();
    let stamp_cards: Vec<StampCard> = c
        .list::<StampCardFile>(table, "stamp_cards")
        .into_iter()
        .map(|(f, s)| {
            let id = c.id(&f, &s.id, &mut card_ids);
            let name = c.name(&f, &s.name, &s.names, &id);
            let stamps = c
                .positive(&format!("{f}.stamps"), s.stamps, 1000)
                .unwrap_or(1);
            let reward = match &s.reward {
                Some(r) if reward_known(r) => r.clone(),
                Some(r) => {
                    c.err(
                        format!("{f}.reward"),
                        format!("`{r}` is not in [[rewards]]"),
                    );
                    r.clone()
                }
                None => {
                    c.err(
                        format!("{f}.reward"),
                        "is missing: which reward does a full card give?",
                    );
                    String::new()
                }
            };
            let per = match s.per.as_deref() {
                None | Some("visit") => StampPer::Visit,
                Some("item") => StampPer::Item,
                Some(o) => {
                    c.err(format!("{f}.per"), format!("`{o}` must be visit or item"));
                    StampPer::Visit
                }
            };
            if per == StampPer::Item && s.products.is_empty() && s.categories.is_empty() {
                c.err(
                    format!("{f}.per"),
                    "a stamp per item needs products or categories that qualify",
                );
            }
            let max_per_day = s
                .max_per_day
                .and_then(|m| c.positive(&format!("{f}.max_per_day"), Some(m), 1000));
            StampCard {
                id,
                name,
                stamps,
                reward,
                per,
                products: s.products,
                categories: s.categories,
                max_per_day,
            }
        })
        .collect();
    stamp_cards
}

/// `[tiers]`: the basis, the window and the levels, lowest first.
fn tiers(c: &mut Checker, table: &toml::Table) -> Option<Tiers> {
    let tiers = table
        .get("tiers")
        .and_then(|v| c.part::<TiersFile>("tiers", v))
        .map(|t| {
            let basis = match t.basis.as_deref() {
                Some("visits") => TierBasis::Visits,
                Some("spend") => TierBasis::Spend,
                Some(o) => {
                    c.err("tiers.basis", format!("`{o}` must be visits or spend"));
                    TierBasis::Visits
                }
                None => {
                    c.err("tiers.basis", "is missing: visits or spend");
                    TierBasis::Visits
                }
            };
            let window_days = c
                .positive("tiers.window_days", t.window_days, 3660)
                .unwrap_or(1);
            let mut ids = HashSet::new();
            let mut levels = Vec::new();
            if t.levels.is_empty() {
                c.err("tiers.levels", "needs at least one level");
            }
            for (i, v) in t.levels.iter().enumerate() {
                let f = format!("tiers.levels[{i}]");
                let Some(l) = c.part::<TierLevelFile>(&f, v) else {
                    continue;
                };
                let id = c.id(&f, &l.id, &mut ids);
                let name = c.name(&f, &l.name, &l.names, &id);
                let from = match (&l.from, basis) {
                    (None, _) => {
                        c.err(format!("{f}.from"), "is missing");
                        0
                    }
                    (Some(NumberText::Int(n)), TierBasis::Visits) if *n >= 0 => *n,
                    (Some(o), TierBasis::Visits) => {
                        c.err(
                            format!("{f}.from"),
                            format!("`{}` must be a whole number of visits", o.as_text()),
                        );
                        0
                    }
                    (Some(_), TierBasis::Spend) => {
                        c.money(&format!("{f}.from"), &l.from, true).unwrap_or(0)
                    }
                };
                let multiplier = c
                    .hundredths(
                        &format!("{f}.multiplier"),
                        l.multiplier.unwrap_or(1.0),
                        1.0,
                        10.0,
                    )
                    .unwrap_or(100);
                levels.push(TierLevel {
                    id,
                    name,
                    from,
                    multiplier,
                    perks: perks(c, &f, l.perks),
                });
            }
            for w in levels.windows(2) {
                if w[1].from <= w[0].from {
                    c.err(
                        "tiers.levels",
                        format!(
                            "`{}` must need more than `{}`: list levels lowest first",
                            w[1].id, w[0].id
                        ),
                    );
                }
            }
            Tiers {
                basis,
                window_days: u32::try_from(window_days).unwrap_or(1),
                levels,
            }
        });
    tiers
}

/// A tier's perks, each text or a name with its `names`.
fn perks(c: &mut Checker, field: &str, perks: Vec<PerkFile>) -> Vec<Name> {
    perks
        .into_iter()
        .enumerate()
        .map(|(i, perk)| {
            let f = format!("{field}.perks[{i}]");
            match perk {
                PerkFile::Text(text) if fits_a_name(&text) => Name::plain(text.trim()),
                PerkFile::Text(text) => {
                    c.err(f, "must be 1 to 80 characters");
                    Name::plain(text)
                }
                PerkFile::Named { name, names } => c.name(&f, &Some(name), &names, ""),
            }
        })
        .collect()
}

/// Each reward's `min_tier` names a tier of `[tiers]`.
fn reward_tiers(c: &mut Checker, rewards: &[Reward], tiers: Option<&Tiers>) {
    let tier_known = |id: &str| tiers.is_some_and(|t| t.levels.iter().any(|l| l.id == id));
    for (i, r) in rewards.iter().enumerate() {
        if let Some(t) = &r.min_tier {
            if !tier_known(t) {
                c.err(
                    format!("rewards[{i}].min_tier"),
                    format!("`{t}` is not a tier in [tiers]"),
                );
            }
        }
    }
}

/// `[cashback]`: the percentage, its rounding and minimum spend.
fn cashback(c: &mut Checker, table: &toml::Table) -> Option<CashbackRule> {
    let cashback = table
        .get("cashback")
        .and_then(|v| c.part::<CashbackFile>("cashback", v))
        .and_then(|cb| {
            let percent = match cb.percent {
                Some(p) => c.hundredths("cashback.percent", p, 0.01, 100.0),
                None => {
                    c.err("cashback.percent", "is missing");
                    None
                }
            };
            let minimum_spend = c
                .money("cashback.minimum_spend", &cb.minimum_spend, false)
                .unwrap_or(0);
            let rounding = c.rounding("cashback.rounding", &cb.rounding);
            Some(CashbackRule {
                percent_hundredths: percent?,
                minimum_spend,
                rounding,
            })
        });
    cashback
}

/// `[[milestones]]`: a grant per amount spent in all.
fn milestones(c: &mut Checker, table: &toml::Table, rewards: &[Reward]) -> Vec<Milestone> {
    let reward_known = |id: &str| rewards.iter().any(|r| r.id == id);
    let mut milestone_ids = HashSet::new();
    let milestones: Vec<Milestone> = c
        .list::<MilestoneFile>(table, "milestones")
        .into_iter()
        .filter_map(|(f, m)| {
            let id = c.id(&f, &m.id, &mut milestone_ids);
            let every = c.money(&format!("{f}.every"), &m.every, true);
            if every == Some(0) {
                c.err(format!("{f}.every"), "must be more than zero");
            }
            let credit = c.money(&format!("{f}.credit"), &m.credit, false);
            if let Some(r) = &m.reward {
                if !reward_known(r) {
                    c.err(
                        format!("{f}.reward"),
                        format!("`{r}` is not in [[rewards]]"),
                    );
                }
            }
            let grant = c.grant(&f, None, &m.reward, credit);
            if grant.is_none() && m.reward.is_none() && credit.is_none() {
                c.err(
                    &f,
                    "needs credit (money into the cashback balance) or reward",
                );
            }
            Some(Milestone {
                id,
                every: every.filter(|e| *e > 0)?,
                grant: grant?,
            })
        })
        .collect();
    milestones
}

/// `[[offers]]`: each offer's kind, what it gives, and when and for whom it runs.
fn offers(c: &mut Checker, table: &toml::Table, rewards: &[Reward]) -> Vec<Offer> {
    let reward_known = |id: &str| rewards.iter().any(|r| r.id == id);
    let mut offer_ids = HashSet::new();
    let offers: Vec<Offer> = c
        .list::<OfferFile>(table, "offers")
        .into_iter()
        .filter_map(|(f, o)| {
            let id = c.id(&f, &o.id, &mut offer_ids);
            let name = c.name(&f, &o.name, &o.names, &id);
            let kind = match o.kind.as_deref() {
                Some("multiplier") => Some(OfferKind::Multiplier),
                Some("bonus") => Some(OfferKind::Bonus),
                Some("birthday") => Some(OfferKind::Birthday {
                    window_days: match o.window_days {
                        Some(w) if !(0..=31).contains(&w) => {
                            c.err(format!("{f}.window_days"), "must be between 0 and 31");
                            0
                        }
                        Some(w) => w,
                        None => 0,
                    },
                }),
                Some("welcome") => Some(OfferKind::Welcome),
                Some("winback") => c
                    .positive(&format!("{f}.after_days"), o.after_days, 3660)
                    .map(|after_days| OfferKind::Winback { after_days }),
                Some("product") => {
                    if o.products.is_empty() && o.categories.is_empty() {
                        c.err(&f, "a product offer needs products or categories");
                    }
                    Some(OfferKind::Product {
                        products: o.products.clone(),
                        categories: o.categories.clone(),
                    })
                }
                Some("coupon") => match &o.code {
                    Some(code) if !code.trim().is_empty() && code.len() <= 32 && code.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-') => {
                        let max_uses = o.max_uses.and_then(|m| c.positive(&format!("{f}.max_uses"), Some(m), 100_000_000));
                        let per = o
                            .max_uses_per_customer
                            .and_then(|m| c.positive(&format!("{f}.max_uses_per_customer"), Some(m), 100_000));
                        Some(OfferKind::Coupon {
                            code: code.trim().to_ascii_uppercase(),
                            max_uses,
                            max_uses_per_customer: per,
                        })
                    }
                    Some(code) => {
                        c.err(format!("{f}.code"), format!("`{code}` must be 1 to 32 letters, digits or '-'"));
                        None
                    }
                    None => {
                        c.err(format!("{f}.code"), "is missing: a coupon offer needs its code");
                        None
                    }
                },
                Some(other) => {
                    c.err(
                        format!("{f}.kind"),
                        format!("`{other}` is not an offer kind: use multiplier, bonus, birthday, welcome, winback, product or coupon"),
                    );
                    None
                }
                None => {
                    c.err(format!("{f}.kind"), "is missing");
                    None
                }
            };
            let multiplier = o.multiplier.and_then(|m| c.hundredths(&format!("{f}.multiplier"), m, 1.0, 10.0));
            if let Some(r) = &o.reward {
                if !reward_known(r) {
                    c.err(format!("{f}.reward"), format!("`{r}` is not in [[rewards]]"));
                }
            }
            let grant = c.grant(&f, o.bonus_points, &o.reward, None);
            match &kind {
                Some(OfferKind::Multiplier) if multiplier.is_none() && o.multiplier.is_none() => {
                    c.err(format!("{f}.multiplier"), "is missing: a multiplier offer needs one, e.g. 2");
                }
                Some(OfferKind::Multiplier) if grant.is_some() => {
                    c.err(&f, "a multiplier offer gives a multiplier only; use a bonus offer for points");
                }
                Some(OfferKind::Coupon { .. }) if multiplier.is_none() && grant.is_none() && o.multiplier.is_none() => {
                    c.err(&f, "a coupon needs a multiplier, bonus_points or reward");
                }
                Some(OfferKind::Coupon { .. } | OfferKind::Multiplier) => {}
                Some(_) if o.multiplier.is_some() => {
                    c.err(format!("{f}.multiplier"), "only multiplier and coupon offers take a multiplier");
                }
                Some(_) if grant.is_none() && o.bonus_points.is_none() && o.reward.is_none() => {
                    c.err(&f, "needs bonus_points or reward: what does the offer give?");
                }
                _ => {}
            }
            let mut days = Vec::new();
            for (j, d) in o.days.iter().flatten().enumerate() {
                match weekday(d) {
                    Some(w) => days.push(w),
                    None => c.err(format!("{f}.days[{j}]"), format!("`{d}` is not a weekday like mon")),
                }
            }
            let hours = match (&o.from, &o.until) {
                (None, None) => None,
                (Some(a), Some(b)) => {
                    let from = c.time(&format!("{f}.from"), a);
                    let until = c.time(&format!("{f}.until"), b);
                    match (from, until) {
                        (Some(x), Some(y)) if y <= x => {
                            c.err(format!("{f}.until"), format!("{b} must be after from ({a}) on the same day"));
                            None
                        }
                        (Some(x), Some(y)) => Some((x, y)),
                        _ => None,
                    }
                }
                _ => {
                    c.err(&f, "give both from and until, or neither");
                    None
                }
            };
            let period = c.period(&f, &o.starts, &o.ends);
            let holdout_percent = match o.holdout_percent {
                None | Some(0) => 0,
                Some(p) if !(1..=50).contains(&p) => {
                    c.err(format!("{f}.holdout_percent"), "must be between 0 and 50");
                    0
                }
                Some(_) if period.starts.is_none() => {
                    c.err(format!("{f}.starts"), "is missing: an offer with a held-out group is measured from the day it starts");
                    0
                }
                Some(_) if matches!(kind, Some(OfferKind::Welcome | OfferKind::Coupon { .. })) => {
                    c.err(
                        format!("{f}.holdout_percent"),
                        "a welcome or coupon offer cannot hold anyone out: a welcome is given before a customer has a history, and a coupon is asked for",
                    );
                    0
                }
                Some(p) => u8::try_from(p).unwrap_or(0),
            };
            Some(Offer {
                id,
                name,
                kind: kind?,
                multiplier,
                grant,
                days,
                hours,
                period,
                tags: o.tags.iter().map(|t| t.trim().to_lowercase()).collect(),
                holdout_percent,
            })
        })
        .collect();
    offers
}

/// `[[subscriptions]]`: prepaid plans and the reward each covers.
fn subscriptions(c: &mut Checker, table: &toml::Table, rewards: &[Reward]) -> Vec<Plan> {
    let reward_known = |id: &str| rewards.iter().any(|r| r.id == id);
    let mut plan_ids = HashSet::new();
    let subscriptions: Vec<Plan> = c
        .list::<PlanFile>(table, "subscriptions")
        .into_iter()
        .filter_map(|(f, p)| {
            let id = c.id(&f, &p.id, &mut plan_ids);
            let name = c.name(&f, &p.name, &p.names, &id);
            let price = c.money(&format!("{f}.price"), &p.price, true);
            let allowance = c.positive(&format!("{f}.allowance"), p.allowance, 100);
            let period = match p.period.as_deref() {
                Some("day") => Some(PlanPeriod::Day),
                Some("week") => Some(PlanPeriod::Week),
                Some(o) => {
                    c.err(format!("{f}.period"), format!("`{o}` must be day or week"));
                    None
                }
                None => {
                    c.err(format!("{f}.period"), "is missing: day or week");
                    None
                }
            };
            let valid_days = c.positive(&format!("{f}.valid_days"), p.valid_days, 3660);
            let covers = match &p.covers {
                Some(r) if reward_known(r) => Some(r.clone()),
                Some(r) => {
                    c.err(
                        format!("{f}.covers"),
                        format!("`{r}` is not in [[rewards]]"),
                    );
                    None
                }
                None => {
                    c.err(
                        format!("{f}.covers"),
                        "is missing: which reward does the plan cover?",
                    );
                    None
                }
            };
            Some(Plan {
                id,
                name,
                price: price?,
                allowance: allowance?,
                period: period?,
                valid_days: valid_days?,
                covers: covers?,
            })
        })
        .collect();
    subscriptions
}

/// `[[causes]]`: where customers may donate points.
fn causes(c: &mut Checker, table: &toml::Table) -> Vec<Cause> {
    let mut cause_ids = HashSet::new();
    let causes: Vec<Cause> = c
        .list::<CauseFile>(table, "causes")
        .into_iter()
        .map(|(f, k)| {
            let id = c.id(&f, &k.id, &mut cause_ids);
            let name = c.name(&f, &k.name, &k.names, &id);
            Cause { id, name }
        })
        .collect();
    causes
}

/// `[expiry]`: after how many days unused points expire.
fn expiry(c: &mut Checker, table: &toml::Table, points: Option<&PointsRule>) -> Option<u32> {
    let points_expire_after_days = table
        .get("expiry")
        .and_then(|v| c.part::<ExpiryFile>("expiry", v))
        .and_then(|e| c.positive("expiry.points_after_days", e.points_after_days, 3660))
        .and_then(|d| u32::try_from(d).ok());
    if points_expire_after_days.is_some() && points.is_none() {
        c.err("expiry", "points expire, but the program has no [points]");
    }
    points_expire_after_days
}

/// `[limits]`: the largest visit and basket, and visits without a purchase.
fn limits(c: &mut Checker, table: &toml::Table, currency: Option<Currency>) -> Limits {
    let limits_file = table
        .get("limits")
        .and_then(|v| c.part::<LimitsFile>("limits", v));
    let default_max = currency.map_or(100_000, |cur| 1000 * 10i64.pow(u32::from(cur.exponent())));
    let limits = Limits {
        max_visit_amount: limits_file
            .as_ref()
            .and_then(|l| c.money("limits.max_visit_amount", &l.max_visit_amount, false))
            .unwrap_or(default_max),
        max_items: limits_file
            .as_ref()
            .and_then(|l| l.max_items)
            .and_then(|m| c.positive("limits.max_items", Some(m), 1000))
            .unwrap_or(100),
        visits_without_purchase: limits_file
            .as_ref()
            .and_then(|l| l.visits_without_purchase)
            .unwrap_or(false),
    };
    limits
}

/// `[offline]`: what a till that has not synced for a while may let a customer redeem.
fn offline(c: &mut Checker, table: &toml::Table) -> Option<OfflineAllowance> {
    let o = c.part::<OfflineFile>("offline", table.get("offline")?)?;
    let hours = c.positive(
        "offline.unsynced_after_hours",
        o.unsynced_after_hours,
        24 * 365,
    );
    let mut count = |field: &str, value: Option<i64>| match value {
        Some(m) if m < 0 => {
            c.err(field, format!("must not be negative, not {m}"));
            None
        }
        other => other,
    };
    let points = count("offline.max_points_redeemed", o.max_points_redeemed);
    let vouchers = count("offline.max_vouchers_redeemed", o.max_vouchers_redeemed);
    let cashback = c.money(
        "offline.max_cashback_redeemed",
        &o.max_cashback_redeemed,
        false,
    );
    if points.is_none() && cashback.is_none() && vouchers.is_none() {
        if !c.errors.iter().any(|e| e.field.starts_with("offline.max")) {
            c.err(
                "offline",
                "limits nothing: give max_points_redeemed, max_cashback_redeemed or max_vouchers_redeemed",
            );
        }
        return None;
    }
    Some(OfflineAllowance {
        unsynced_after_hours: hours?,
        max_points_redeemed: points,
        max_cashback_redeemed: cashback,
        max_vouchers_redeemed: vouchers,
    })
}

impl InvalidInput {
    /// Adds the line number of a span in `source` to the problem.
    fn with_span(mut self, source: &str, span: Option<std::ops::Range<usize>>) -> Self {
        if let Some(span) = span {
            // `get`: a position inside a character would panic when sliced.
            let line = source
                .get(..span.start)
                .unwrap_or(source)
                .lines()
                .count()
                .max(1);
            self.field = format!("line {line}");
        }
        self
    }
}
