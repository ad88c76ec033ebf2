//! Customer segments on a business day, from recency, frequency and spend
//! scored against the shop's own customers (`docs/reports.md` says the same):
//!
//! - **lapsed**: no visit for more than `lapsed_days` (counted from joining
//!   for someone who never came);
//! - **new**: one visit at most, joined within the last `new_days`;
//!   **occasional** when they joined before that;
//! - everyone else has come twice or more and is scored 1 to 5 on each of
//!   recency (days since the last visit, fewer is better), frequency (visits
//!   in the 365 days to the day) and spend (in the same days), by where they
//!   stand among those customers: `1 + ⌊5 × (customers who do worse) ÷
//!   customers⌋`, so a score is a quintile and ties share one. Then
//!   **at-risk**: recency score at most `at_risk_recency` and a regular's
//!   frequency or a high spender's spend; **high-value**: spend score at
//!   least `high_value_spend`; **regular**: frequency score at least
//!   `regular_frequency`; **occasional**: the rest.
//!
//! One-visit and lapsed customers stand apart so that neither skews the
//! scores of the rest. Merged records count as the one they were merged into;
//! an erased customer is counted and never named or listed. A pure function
//! of the customers and visits it is handed (`Store::clientele`).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ledger::{CustomerId, Message};
use crate::location::Location;
use crate::money::{Currency, Money};
use crate::store::{Clientele, Holdings};

use super::table::{fraction, Cell, Table};

/// The days the frequency and the spend look back over, the day itself included.
pub const WINDOW_DAYS: i32 = 365;

/// How many month ends before the day the sizes over time go back.
pub const MONTHS_BACK: u32 = 12;

/// A group of customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// One visit at most, joined lately.
    New,
    /// Comes now and then.
    Occasional,
    /// Comes often.
    Regular,
    /// Spends the most.
    HighValue,
    /// Came often or spent much, and has not come lately.
    AtRisk,
    /// Has not come for a long time.
    Lapsed,
}

/// Every segment, in the order the reports list them.
pub const SEGMENTS: [Segment; 6] = [
    Segment::New,
    Segment::Occasional,
    Segment::Regular,
    Segment::HighValue,
    Segment::AtRisk,
    Segment::Lapsed,
];

impl Segment {
    /// Its id in the catalogues (`report-segment-<id>`) and in files.
    pub fn id(self) -> &'static str {
        match self {
            Segment::New => "new",
            Segment::Occasional => "occasional",
            Segment::Regular => "regular",
            Segment::HighValue => "high-value",
            Segment::AtRisk => "at-risk",
            Segment::Lapsed => "lapsed",
        }
    }

    fn index(self) -> usize {
        SEGMENTS.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// The thresholds a manager tunes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SegmentRules {
    /// A customer with one visit at most is new for this many days after
    /// joining (1 to 365).
    pub new_days: u32,
    /// With no visit for more than this many days a customer has lapsed (14
    /// to 730, more than `new_days`).
    pub lapsed_days: u32,
    /// A recency score at most this (1 to 5) puts a regular or a high spender at risk.
    pub at_risk_recency: u8,
    /// A frequency score at least this (1 to 5) makes a regular.
    pub regular_frequency: u8,
    /// A spend score at least this (1 to 5) makes a high-value customer.
    pub high_value_spend: u8,
}

impl Default for SegmentRules {
    /// New for a month; lapsed after half a year; at risk in the two lowest
    /// fifths of recency; regular from the middle fifth of frequency up;
    /// high-value in the top fifth of spend.
    fn default() -> Self {
        SegmentRules {
            new_days: 30,
            lapsed_days: 180,
            at_risk_recency: 2,
            regular_frequency: 3,
            high_value_spend: 5,
        }
    }
}

impl SegmentRules {
    /// What is wrong with them: the field and why, or none.
    pub fn problem(&self) -> Option<(&'static str, String)> {
        if !(1..=365).contains(&self.new_days) {
            return Some(("new_days", "give a number of days from 1 to 365".into()));
        }
        if !(14..=730).contains(&self.lapsed_days) {
            return Some(("lapsed_days", "give a number of days from 14 to 730".into()));
        }
        if self.lapsed_days <= self.new_days {
            return Some((
                "lapsed_days",
                format!(
                    "a customer lapses after more days than they are new ({})",
                    self.new_days
                ),
            ));
        }
        for (field, score) in [
            ("at_risk_recency", self.at_risk_recency),
            ("regular_frequency", self.regular_frequency),
            ("high_value_spend", self.high_value_spend),
        ] {
            if !(1..=5).contains(&score) {
                return Some((field, "give a score from 1 to 5".into()));
            }
        }
        None
    }

    /// The segment's definition in words, with these rules' numbers in it
    /// (`segment-<id>-definition`); the command line and the tiles both say it.
    pub fn definition(&self, segment: Segment) -> Message {
        let m = Message::new(&format!("segment-{}-definition", segment.id()));
        match segment {
            Segment::New => m.num("days", i64::from(self.new_days)),
            Segment::Occasional => m,
            Segment::Regular => m.num("score", i64::from(self.regular_frequency)),
            Segment::HighValue => m.num("score", i64::from(self.high_value_spend)),
            Segment::AtRisk => m.num("score", i64::from(self.at_risk_recency)),
            Segment::Lapsed => m.num("days", i64::from(self.lapsed_days)),
        }
    }
}

/// What the segments are counted for.
#[derive(Debug, Clone, Copy)]
pub struct SegmentsOf<'a> {
    /// The business day.
    pub as_of: NaiveDate,
    /// The shop's location (its currency, and the business day of an enrolment).
    pub location: &'a Location,
    /// The rules to count by.
    pub rules: SegmentRules,
    /// The rules the till keeps: where `rules` differ, the report says how
    /// many customers they move.
    pub saved: SegmentRules,
    /// The last completed sync.
    pub last_sync: Option<DateTime<Utc>>,
}

/// How many customers one segment holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SegmentSize {
    /// The segment.
    pub segment: Segment,
    /// Its customers.
    pub customers: i64,
    /// Its share of all customers; none when there are none.
    pub share: Option<f64>,
    /// What puts a customer in it, with the rules' numbers.
    pub definition: Message,
}

/// The segments' sizes at the end of one business day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SizesOn {
    /// The day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub day: NaiveDate,
    /// Customers in each segment, in the order of [`SEGMENTS`].
    pub customers: Vec<i64>,
}

/// The lowest and the highest value that earned one score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScoreRange {
    /// The lowest.
    pub low: i64,
    /// The highest.
    pub high: i64,
}

/// What one score stands for today, among the customers scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScoreBand {
    /// The score, 1 to 5.
    pub score: u8,
    /// Days since the last visit of those with this recency score.
    pub days_since: Option<ScoreRange>,
    /// Visits in the window of those with this frequency score.
    pub visits: Option<ScoreRange>,
    /// Spend in the window of those with this spend score, in minor units.
    pub spend: Option<ScoreRange>,
}

/// Customers the proposed rules move from one segment to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SegmentMove {
    /// Their segment by the saved rules.
    pub from: Segment,
    /// Their segment by the proposed ones.
    pub to: Segment,
    /// How many.
    pub customers: i64,
}

/// A customer on the at-risk list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AtRiskCustomer {
    /// The record.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub customer: CustomerId,
    /// Their name, if they gave one.
    pub name: Option<String>,
    /// Their last visit.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub last_visit: NaiveDate,
    /// Days since.
    pub days_since: i64,
    /// Their usual gap: the median of the days between their visits.
    pub usual_gap: i64,
    /// Visits in the window.
    pub visits: i64,
    /// Spend in the window, a decimal string.
    pub spend: String,
    /// What they hold now (see [`Segments::hold`]).
    pub points: i64,
    /// Stamps, on every card.
    pub stamps: i64,
    /// Cashback, a decimal string.
    pub cashback: String,
    /// They agreed to marketing messages.
    pub consent: bool,
    /// Their phone, given only with their consent.
    pub phone: Option<String>,
    /// Their e-mail, given only with their consent.
    pub email: Option<String>,
}

/// The segments report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Segments {
    /// The business day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of: NaiveDate,
    /// The currency of the spend.
    pub currency: String,
    /// The last completed sync: other tills' customers as of then.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_sync: Option<DateTime<Utc>>,
    /// The rules counted by.
    pub rules: SegmentRules,
    /// The rules the till keeps.
    pub saved_rules: SegmentRules,
    /// Customers counted.
    pub customers: i64,
    /// Each segment's size, in the order of [`SEGMENTS`].
    pub sizes: Vec<SegmentSize>,
    /// What each score stands for, 1 to 5.
    pub bands: Vec<ScoreBand>,
    /// The sizes at the end of each of the months before, then on the day,
    /// oldest first, from the month the first customer joined.
    pub over_time: Vec<SizesOn>,
    /// Where `rules` differ from `saved_rules`: whom they move.
    pub moves: Vec<SegmentMove>,
    /// Everyone at risk (none erased), the biggest spenders first.
    pub at_risk: Vec<AtRiskCustomer>,
}

/// A day as a number, to compare and subtract cheaply.
fn day_number(day: NaiveDate) -> i32 {
    day.num_days_from_ce()
}

/// One customer (a merged group as one): who they are, when they joined,
/// and where their visits stand in [`People::visits`].
struct Person {
    id: CustomerId,
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    consent: bool,
    erased: bool,
    joined: Option<i32>,
    visits: std::ops::Range<usize>,
}

/// The customers as people, and every visit as (day, amount), each
/// person's together and oldest first: one allocation for a million visits,
/// not one per customer.
struct People {
    people: Vec<Person>,
    visits: Vec<(i32, i64)>,
}

/// A customer on one day.
#[derive(Debug, Clone, Copy)]
struct Facts {
    /// Visits ever.
    ever: usize,
    /// Days since the last visit (since joining, for someone who never came).
    since: i64,
    joined: i32,
    /// Visits in the window.
    visits: i64,
    /// Spend in the window.
    spend: i64,
}

impl People {
    fn visits_of(&self, p: &Person) -> &[(i32, i64)] {
        &self.visits[p.visits.clone()]
    }

    fn facts(&self, p: &Person, day: i32) -> Option<Facts> {
        let all = self.visits_of(p);
        let upto = all.partition_point(|v| v.0 <= day);
        let seen = &all[..upto];
        let joined = match (p.joined, seen.first()) {
            (Some(j), Some(f)) => j.min(f.0),
            (Some(j), None) => j,
            (None, Some(f)) => f.0,
            (None, None) => return None,
        };
        if joined > day {
            return None;
        }
        let last = seen.last().map_or(joined, |v| v.0);
        let start = day - WINDOW_DAYS + 1;
        let window = &seen[seen.partition_point(|v| v.0 < start)..];
        Some(Facts {
            ever: upto,
            since: i64::from(day - last),
            joined,
            visits: i64::try_from(window.len()).unwrap_or(i64::MAX),
            spend: window.iter().map(|v| v.1).sum(),
        })
    }

    /// The median of the days between their visits up to `day` (visits on
    /// one day are one), rounded down; none with fewer than two days.
    fn usual_gap(&self, p: &Person, day: i32) -> Option<i64> {
        let mut days: Vec<i32> = self
            .visits_of(p)
            .iter()
            .map(|v| v.0)
            .take_while(|d| *d <= day)
            .collect();
        days.dedup();
        let mut gaps: Vec<i64> = days.windows(2).map(|w| i64::from(w[1] - w[0])).collect();
        if gaps.is_empty() {
            return None;
        }
        gaps.sort_unstable();
        let mid = gaps.len() / 2;
        Some(if gaps.len() % 2 == 1 {
            gaps[mid]
        } else {
            (gaps[mid - 1] + gaps[mid]) / 2
        })
    }
}

/// The customers as people: merged records folded into the one they were
/// merged into (following chains), visits sorted.
fn people(clientele: &Clientele, location: &Location) -> People {
    let clients = &clientele.clients;
    // Every record, and any customer whose visits came before their
    // enrolment did, gets a slot.
    let mut slot: HashMap<CustomerId, usize> = HashMap::with_capacity(clients.len());
    for (i, c) in clients.iter().enumerate() {
        slot.insert(c.id, i);
    }
    let mut strangers: Vec<CustomerId> = Vec::new();
    let visit_slots: Vec<usize> = clientele
        .visits
        .iter()
        .map(|v| {
            *slot.entry(v.customer).or_insert_with(|| {
                strangers.push(v.customer);
                clients.len() + strangers.len() - 1
            })
        })
        .collect();
    let slots = clients.len() + strangers.len();
    // Each slot's survivor; a chain is short, the bound only guards against a cycle.
    let merged_into = |i: usize| {
        clients
            .get(i)
            .and_then(|c| c.merged_into)
            .and_then(|m| slot.get(&m).copied())
    };
    let owner: Vec<usize> = (0..slots)
        .map(|mut i| {
            for _ in 0..32 {
                match merged_into(i) {
                    Some(next) => i = next,
                    None => break,
                }
            }
            i
        })
        .collect();
    // A person for each survivor, in slot order.
    let mut person_of = vec![usize::MAX; slots];
    let mut people: Vec<Person> = Vec::new();
    for i in 0..slots {
        if owner[i] != i {
            continue;
        }
        person_of[i] = people.len();
        let client = clients.get(i);
        people.push(Person {
            id: client.map_or_else(|| strangers[i - clients.len()], |c| c.id),
            name: client.and_then(|c| c.name.clone()),
            phone: client.and_then(|c| c.phone.clone()),
            email: client.and_then(|c| c.email.clone()),
            consent: client.is_some_and(|c| c.consent),
            erased: client.is_some_and(|c| c.erased),
            joined: None,
            visits: 0..0,
        });
    }
    let of = |slot: usize| person_of[owner[slot]];
    for (i, client) in clients.iter().enumerate() {
        if let Some(at) = client.enrolled {
            let day = day_number(location.business_date(at));
            let p = &mut people[of(i)];
            p.joined = Some(p.joined.map_or(day, |j| j.min(day)));
        }
    }
    // Each person's visits together: count, then place.
    let mut counts = vec![0usize; people.len()];
    for s in &visit_slots {
        counts[of(*s)] += 1;
    }
    let mut next = 0;
    for (p, n) in people.iter_mut().zip(&counts) {
        p.visits = next..next + n;
        next += n;
    }
    let mut filled: Vec<usize> = people.iter().map(|p| p.visits.start).collect();
    let mut visits = vec![(0i32, 0i64); clientele.visits.len()];
    for (v, s) in clientele.visits.iter().zip(&visit_slots) {
        let p = of(*s);
        visits[filled[p]] = (day_number(v.day), v.amount);
        filled[p] += 1;
    }
    for p in &people {
        visits[p.visits.clone()].sort_unstable();
    }
    People { people, visits }
}

/// Scores of the customers with two visits or more, against each other.
struct Scores {
    /// Days since the last visit, ascending.
    since: Vec<i64>,
    visits: Vec<i64>,
    spend: Vec<i64>,
}

impl Scores {
    fn of<'a>(scored: impl Iterator<Item = &'a Facts>) -> Scores {
        let (mut since, mut visits, mut spend) = (Vec::new(), Vec::new(), Vec::new());
        for f in scored {
            since.push(f.since);
            visits.push(f.visits);
            spend.push(f.spend);
        }
        since.sort_unstable();
        visits.sort_unstable();
        spend.sort_unstable();
        Scores {
            since,
            visits,
            spend,
        }
    }

    /// `1 + ⌊5 × worse ÷ all⌋`.
    fn quintile(worse: usize, all: usize) -> u8 {
        if all == 0 {
            return 1;
        }
        u8::try_from(1 + (5 * worse) / all).unwrap_or(5).min(5)
    }

    /// More is better: worse is less.
    fn upward(sorted: &[i64], x: i64) -> u8 {
        Self::quintile(sorted.partition_point(|v| *v < x), sorted.len())
    }

    fn recency(&self, f: &Facts) -> u8 {
        // Fewer days is better: worse is more days.
        let worse = self.since.len() - self.since.partition_point(|v| *v <= f.since);
        Self::quintile(worse, self.since.len())
    }

    fn frequency(&self, f: &Facts) -> u8 {
        Self::upward(&self.visits, f.visits)
    }

    fn spend(&self, f: &Facts) -> u8 {
        Self::upward(&self.spend, f.spend)
    }

    /// Each score's lowest and highest value, in each measure.
    fn bands(&self) -> Vec<ScoreBand> {
        let range = |sorted: &[i64], score: &dyn Fn(i64) -> u8, s: u8| {
            let mut hits = sorted.iter().copied().filter(|x| score(*x) == s);
            let low = hits.next()?;
            let high = hits.last().unwrap_or(low);
            Some(ScoreRange { low, high })
        };
        let since = |x: i64| {
            self.recency(&Facts {
                ever: 2,
                since: x,
                joined: 0,
                visits: 0,
                spend: 0,
            })
        };
        let visits = |x: i64| Self::upward(&self.visits, x);
        let spend = |x: i64| Self::upward(&self.spend, x);
        (1..=5)
            .map(|s| ScoreBand {
                score: s,
                days_since: range(&self.since, &since, s),
                visits: range(&self.visits, &visits, s),
                spend: range(&self.spend, &spend, s),
            })
            .collect()
    }
}

/// Everyone's segment on `day` by `rules` (none for who had not joined yet),
/// with their facts, and the scores they were put against.
fn classify(
    people: &People,
    day: i32,
    rules: &SegmentRules,
) -> (Vec<Option<(Segment, Facts)>>, Scores) {
    let facts: Vec<Option<Facts>> = people.people.iter().map(|p| people.facts(p, day)).collect();
    let lapsed = |f: &Facts| f.since > i64::from(rules.lapsed_days);
    let scored = |f: &Facts| f.ever >= 2 && !lapsed(f);
    let scores = Scores::of(facts.iter().flatten().filter(|f| scored(f)));
    let segments = facts
        .into_iter()
        .map(|f| {
            let f = f?;
            let segment = if lapsed(&f) {
                Segment::Lapsed
            } else if f.ever < 2 {
                if i64::from(day - f.joined) < i64::from(rules.new_days) {
                    Segment::New
                } else {
                    Segment::Occasional
                }
            } else {
                let frequent = scores.frequency(&f) >= rules.regular_frequency;
                let big = scores.spend(&f) >= rules.high_value_spend;
                if scores.recency(&f) <= rules.at_risk_recency && (frequent || big) {
                    Segment::AtRisk
                } else if big {
                    Segment::HighValue
                } else if frequent {
                    Segment::Regular
                } else {
                    Segment::Occasional
                }
            };
            Some((segment, f))
        })
        .collect();
    (segments, scores)
}

fn sizes<'a>(segments: impl Iterator<Item = &'a Option<(Segment, Facts)>>) -> Vec<i64> {
    let mut counts = vec![0i64; SEGMENTS.len()];
    for (segment, _) in segments.flatten() {
        counts[segment.index()] += 1;
    }
    counts
}

/// The segments' sizes on each of `days`, counted on two threads (a till
/// has two cores or more, and each day is counted on its own).
fn sizes_on(people: &People, days: &[NaiveDate], rules: &SegmentRules) -> Vec<SizesOn> {
    let count = |days: &[NaiveDate]| -> Vec<SizesOn> {
        days.iter()
            .map(|d| {
                let (segments, _) = classify(people, day_number(*d), rules);
                SizesOn {
                    day: *d,
                    customers: sizes(segments.iter()),
                }
            })
            .collect()
    };
    let (early, late) = days.split_at(days.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| count(late));
        let mut all = count(early);
        all.extend(
            other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        all
    })
}

/// The last day of each of the `MONTHS_BACK` months before `day`'s, oldest first.
fn month_ends(day: NaiveDate) -> Vec<NaiveDate> {
    let first = day.with_day(1).unwrap_or(day);
    let mut ends: Vec<NaiveDate> = (1..=MONTHS_BACK)
        .filter_map(|back| {
            first
                .checked_sub_months(chrono::Months::new(back - 1))
                .and_then(|d| d.pred_opt())
        })
        .collect();
    ends.reverse();
    ends
}

/// The segments on `of.as_of` of the customers in `clientele`.
pub fn segments_of(of: &SegmentsOf, clientele: &Clientele) -> Segments {
    let people = people(clientele, of.location);
    let day = day_number(of.as_of);
    let (today, scores) = classify(&people, day, &of.rules);
    let counts = sizes(today.iter());
    let customers: i64 = counts.iter().sum();
    let sizes_now = SEGMENTS
        .iter()
        .zip(&counts)
        .map(|(segment, n)| SegmentSize {
            segment: *segment,
            customers: *n,
            share: (customers > 0).then(|| *n as f64 / customers as f64),
            definition: of.rules.definition(*segment),
        })
        .collect();

    let first_joined = today.iter().flatten().map(|(_, f)| f.joined).min();
    let ends: Vec<NaiveDate> = month_ends(of.as_of)
        .into_iter()
        .filter(|d| first_joined.is_some_and(|j| day_number(*d) >= j))
        .collect();
    let mut over_time = sizes_on(&people, &ends, &of.rules);
    over_time.push(SizesOn {
        day: of.as_of,
        customers: counts.clone(),
    });

    let mut moves = Vec::new();
    if of.rules != of.saved {
        let (before, _) = classify(&people, day, &of.saved);
        let mut pairs: HashMap<(Segment, Segment), i64> = HashMap::new();
        for (was, is) in before.iter().zip(&today) {
            if let (Some((from, _)), Some((to, _))) = (was, is) {
                if from != to {
                    *pairs.entry((*from, *to)).or_default() += 1;
                }
            }
        }
        moves = pairs
            .into_iter()
            .map(|((from, to), customers)| SegmentMove {
                from,
                to,
                customers,
            })
            .collect();
        moves.sort_by_key(|m| (m.from, m.to));
    }

    let currency = of.location.currency;
    let money = |minor: i64| Money::new(minor, currency).plain();
    let mut at_risk: Vec<(i64, AtRiskCustomer)> = people
        .people
        .iter()
        .zip(&today)
        .filter_map(|(p, s)| match s {
            Some((Segment::AtRisk, f)) if !p.erased => Some((p, f)),
            _ => None,
        })
        .map(|(p, f)| {
            let gap = people.usual_gap(p, day).unwrap_or(0);
            (
                f.spend,
                AtRiskCustomer {
                    customer: p.id,
                    name: p.name.clone(),
                    last_visit: of.as_of - chrono::Duration::days(f.since),
                    days_since: f.since,
                    usual_gap: gap,
                    visits: f.visits,
                    spend: money(f.spend),
                    points: 0,
                    stamps: 0,
                    cashback: money(0),
                    consent: p.consent,
                    phone: p.phone.clone(),
                    email: p.email.clone(),
                },
            )
        })
        .collect();
    at_risk.sort_by(|(a, x), (b, y)| {
        b.cmp(a)
            .then(y.days_since.cmp(&x.days_since))
            .then(x.customer.cmp(&y.customer))
    });

    Segments {
        as_of: of.as_of,
        currency: currency.code().to_string(),
        last_sync: of.last_sync,
        rules: of.rules,
        saved_rules: of.saved,
        customers,
        sizes: sizes_now,
        bands: scores.bands(),
        over_time,
        moves,
        at_risk: at_risk.into_iter().map(|(_, c)| c).collect(),
    }
}

/// An amount the report wrote as a decimal string.
fn money_cell(amount: &str) -> Cell {
    Cell::Money(amount.to_string())
}

impl Segments {
    /// Puts what the customers on the at-risk list hold beside them (the
    /// store reads it for them alone: `Store::holdings_of`).
    pub fn hold(&mut self, held: &HashMap<CustomerId, Holdings>) {
        let currency = Currency::parse(&self.currency).ok();
        for c in &mut self.at_risk {
            let h = held.get(&c.customer).copied().unwrap_or_default();
            c.points = h.points;
            c.stamps = h.stamps;
            if let Some(currency) = currency {
                c.cashback = Money::new(h.cashback, currency).plain();
            }
        }
    }

    /// Minor units of the report's currency as a cell.
    fn minor(&self, minor: i64) -> Cell {
        match Currency::parse(&self.currency) {
            Ok(c) => Cell::Money(Money::new(minor, c).plain()),
            Err(_) => Cell::Count(minor),
        }
    }

    /// The report as tables: the sizes, the sizes over time, what each score
    /// stands for, whom proposed rules move (only when they differ from the
    /// saved ones), and the at-risk list. `listed` caps the at-risk rows (the
    /// screen shows the first; a file holds them all).
    pub fn tables(&self, listed: Option<usize>) -> Vec<Table> {
        let mut sizes = Table::new("segments", &["segment", "segment-customers", "share"]);
        sizes.rows = self
            .sizes
            .iter()
            .map(|s| {
                vec![
                    segment_cell(s.segment),
                    Cell::Count(s.customers),
                    fraction(s.share, "report-cell-none"),
                ]
            })
            .collect();

        let mut columns = vec!["day".to_string()];
        columns.extend(SEGMENTS.iter().map(|s| format!("segment-{}", s.id())));
        let mut over_time = Table::new("segments-over-time", &[]);
        over_time.columns = columns;
        over_time.rows = self
            .over_time
            .iter()
            .map(|o| {
                let mut row = vec![Cell::Date(o.day.to_string())];
                row.extend(o.customers.iter().map(|n| Cell::Count(*n)));
                row
            })
            .collect();

        let mut bands = Table::new(
            "segments-scores",
            &[
                "score",
                "days-since-from",
                "days-since-to",
                "visits-from",
                "visits-to",
                "spend-from",
                "spend-to",
            ],
        );
        let none = || Cell::Label("report-cell-none".into());
        bands.rows = self
            .bands
            .iter()
            .map(|b| {
                let mut row = vec![Cell::Count(i64::from(b.score))];
                // Fewer days scores higher: a band's days read from low to high all the same.
                for (range, money) in [(&b.days_since, false), (&b.visits, false), (&b.spend, true)]
                {
                    match range {
                        Some(r) if money => row.extend([self.minor(r.low), self.minor(r.high)]),
                        Some(r) => row.extend([Cell::Count(r.low), Cell::Count(r.high)]),
                        None => row.extend([none(), none()]),
                    }
                }
                row
            })
            .collect();

        let mut tables = vec![sizes, over_time, bands];
        if self.rules != self.saved_rules {
            let mut moves = Table::new(
                "segments-moves",
                &["from-segment", "to-segment", "segment-customers"],
            );
            moves.rows = self
                .moves
                .iter()
                .map(|m| {
                    vec![
                        segment_cell(m.from),
                        segment_cell(m.to),
                        Cell::Count(m.customers),
                    ]
                })
                .collect();
            tables.push(moves);
        }

        // A balance no one on the list holds is left out.
        let stamps = self.at_risk.iter().any(|c| c.stamps != 0);
        let points = self.at_risk.iter().any(|c| c.points != 0) || !stamps;
        let cashback = self
            .at_risk
            .iter()
            .any(|c| c.cashback.chars().any(|d| d.is_ascii_digit() && d != '0'));
        let mut columns = vec![
            "customer",
            "last-visit",
            "days-since",
            "usual-gap",
            "visits-year",
            "spend-year",
        ];
        if points {
            columns.push("points");
        }
        if stamps {
            columns.push("stamps");
        }
        if cashback {
            columns.push("cashback");
        }
        columns.extend(["consent", "phone", "email"]);
        let mut list = Table::new("at-risk", &columns);
        let text = |t: &Option<String>| Cell::Text(t.clone().unwrap_or_default());
        list.rows = self
            .at_risk
            .iter()
            .take(listed.unwrap_or(usize::MAX))
            .map(|c| {
                let mut row = vec![
                    match &c.name {
                        Some(n) => Cell::Text(n.clone()),
                        None => Cell::Label("report-cell-no-name".into()),
                    },
                    Cell::Date(c.last_visit.to_string()),
                    Cell::Count(c.days_since),
                    Cell::Count(c.usual_gap),
                    Cell::Count(c.visits),
                    money_cell(&c.spend),
                ];
                if points {
                    row.push(Cell::Count(c.points));
                }
                if stamps {
                    row.push(Cell::Count(c.stamps));
                }
                if cashback {
                    row.push(money_cell(&c.cashback));
                }
                row.extend([
                    Cell::Label(
                        if c.consent {
                            "report-cell-yes"
                        } else {
                            "report-cell-no"
                        }
                        .into(),
                    ),
                    text(&c.phone),
                    text(&c.email),
                ]);
                row
            })
            .collect();
        list.attention = !self.at_risk.is_empty();
        tables.push(list);
        tables
    }
}

fn segment_cell(segment: Segment) -> Cell {
    Cell::Label(format!("report-segment-{}", segment.id()))
}
