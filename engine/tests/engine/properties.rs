//! Property tests: the fold is order-independent, incremental projections equal a
//! rebuild, and a redemption at the till never takes a balance below zero.

use proptest::prelude::*;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::sync::Arc;

use counterpart_engine::ledger::{Account, CustomerId, EventId, Profile};
use counterpart_engine::rules::VisitInput;
use counterpart_engine::{Location, ManualClock, Store};

use crate::common::{example, utc, Shop};

#[derive(Debug, Clone)]
enum Op {
    Enroll(bool),
    Visit { who: usize, amount: i64, hour: u32 },
    Redeem { who: usize, pastry: bool },
    Void { which: usize },
    Adjust { who: usize, points: i64 },
    Merge { from: usize, into: usize },
    Profile { who: usize },
    Erase { who: usize },
    ReplaceCard { who: usize },
    NextDay,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => any::<bool>().prop_map(Op::Enroll),
        8 => (0..8usize, 0..4000i64, 0..24u32).prop_map(|(who, amount, hour)| Op::Visit { who, amount, hour }),
        3 => (0..8usize, any::<bool>()).prop_map(|(who, pastry)| Op::Redeem { who, pastry }),
        2 => (0..40usize).prop_map(|which| Op::Void { which }),
        1 => (0..8usize, -50..50i64).prop_map(|(who, points)| Op::Adjust { who, points }),
        1 => (0..8usize, 0..8usize).prop_map(|(from, into)| Op::Merge { from, into }),
        1 => (0..8usize).prop_map(|who| Op::Profile { who }),
        1 => (0..8usize).prop_map(|who| Op::Erase { who }),
        1 => (0..8usize).prop_map(|who| Op::ReplaceCard { who }),
        1 => Just(Op::NextDay),
    ]
}

/// Runs the operations at one till; refusals are part of life and are skipped.
/// Returns the balances each successful redemption left.
fn run(shop: &Shop, ops: &[Op]) -> Vec<Vec<(String, i64)>> {
    let mut after_redemptions = Vec::new();
    let s = &shop.store;
    let mut customers: Vec<CustomerId> = Vec::new();
    let mut voidable: Vec<EventId> = Vec::new();
    let mut day = 0i64;
    for op in ops {
        let pick = |i: usize| customers.get(i % customers.len().max(1)).copied();
        match op.clone() {
            Op::Enroll(student) => {
                let p = Profile {
                    name: Some(format!("Customer {}", customers.len())),
                    tags: if student {
                        vec!["student".into()]
                    } else {
                        vec![]
                    },
                    ..Default::default()
                };
                let (c, _) = shop.enrol(p);
                customers.push(c);
            }
            Op::Visit { who, amount, hour } => {
                if let Some(c) = pick(who) {
                    shop.at(utc(2026, 11, 2, 0, 0)
                        + chrono::Duration::days(day)
                        + chrono::Duration::hours(i64::from(hour)));
                    let v = VisitInput {
                        amount,
                        items: vec![],
                        coupon: None,
                    };
                    if let Ok(o) = s.record_visit(c, v, None) {
                        voidable.push(o.event_id);
                    }
                }
            }
            Op::Redeem { who, pastry } => {
                if let Some(c) = pick(who) {
                    if let Ok(o) = s.redeem(c, if pastry { "pastry" } else { "drink" }, None) {
                        if let Some(summary) = &o.customer {
                            after_redemptions.push(
                                summary
                                    .balances
                                    .iter()
                                    .map(|b| (b.account.clone(), b.amount))
                                    .collect(),
                            );
                        }
                        voidable.push(o.event_id);
                    }
                }
            }
            Op::Void { which } => {
                if let Some(e) = voidable.get(which % voidable.len().max(1)).copied() {
                    let _ = s.void(e, "mistake", None);
                }
            }
            Op::Adjust { who, points } => {
                if let (Some(c), true) = (pick(who), points != 0) {
                    if let Ok(o) = s.adjust(c, Account::Points, points, "correction", None) {
                        voidable.push(o.event_id);
                    }
                }
            }
            Op::Merge { from, into } => {
                if let (Some(a), Some(b)) = (pick(from), pick(into)) {
                    let _ = s.merge(a, b, None);
                }
            }
            Op::Profile { who } => {
                if let Some(c) = pick(who) {
                    let p = Profile {
                        name: Some(format!("Renamed {who}")),
                        phone: Some(format!("+4860010{who:04}")),
                        ..Default::default()
                    };
                    let _ = s.update_profile(c, p, None);
                }
            }
            Op::Erase { who } => {
                if let Some(c) = pick(who) {
                    let _ = s.erase(c, None);
                }
            }
            Op::ReplaceCard { who } => {
                if let Some(c) = pick(who) {
                    if let Ok(summary) = s.customer(c) {
                        if let Some(card) = summary
                            .record
                            .cards
                            .first()
                            .and_then(|x| counterpart_engine::ledger::CardId::parse(x))
                        {
                            let _ = s.replace_card(summary.record.id, card, None);
                        }
                    }
                }
            }
            Op::NextDay => day += 1,
        }
    }
    after_redemptions
}

fn empty_till(dir: &std::path::Path, name: &str) -> Store {
    let store = Store::open(
        &dir.join(name),
        Arc::new(ManualClock::new(utc(2026, 11, 2, 0, 0))),
    )
    .expect("open");
    store
        .init(&Location::new("Other till", "USD", "America/New_York", 4).expect("location"))
        .expect("init");
    store
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_order_of_arrival_gives_the_same_projections(ops in proptest::collection::vec(op(), 1..60), seed in any::<u64>()) {
        (|| -> Result<(), TestCaseError> {
            let shop = Shop::new(&example("points-cafe.toml"), "USD", "America/New_York", 4, utc(2026, 11, 2, 12, 0));
            run(&shop, &ops);
            let events = shop.store.events().expect("events");
            let original = shop.store.projection_snapshot().expect("snapshot");
            // Incremental equals a full rebuild.
            let r = shop.store.rebuild(false, |_, _| {}).expect("rebuild");
            prop_assert!(r.differences.is_empty(), "incremental differs from rebuild: {:?}", r.differences);
            // Another till receiving the same events in two other orders, in batches.
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            for round in 0..2 {
                let mut shuffled = events.clone();
                shuffled.shuffle(&mut rng);
                // Any order, but a till's key before its signed events, as
                // every till receives them (a till's first event announces its
                // key, and the server keeps each till's events in order); one
                // arriving before the key is held aside until it comes.
                shuffled.sort_by_key(|e| e.body.kind() != "till_key_added");
                let other = empty_till(shop.dir.path(), &format!("other-{round}.db"));
                for chunk in shuffled.chunks(7) {
                    other.import_events(chunk).expect("import");
                }
                // A repeat of everything changes nothing.
                let again = other.import_events(&shuffled).expect("re-import");
                prop_assert_eq!(again.applied, 0);
                // The other till's own signing key is its own, not part of this history.
                let own = other.device().expect("device").to_string();
                let theirs: Vec<&str> = Vec::new();
                let snapshot = other.projection_snapshot().expect("snapshot");
                let theirs = snapshot
                    .lines()
                    .filter(|l| !(l.starts_with("till key ") && l.ends_with(&own)))
                    .fold(theirs, |mut v, l| {
                        v.push(l);
                        v
                    })
                    .join("\n");
                prop_assert_eq!(&original, &theirs, "a different order of arrival gave different projections");
                let r = other.rebuild(false, |_, _| {}).expect("rebuild");
                prop_assert!(r.differences.is_empty(), "{:?}", r.differences);
            }
            Ok(())
        })()?;
    }

    #[test]
    fn a_redemption_at_the_till_never_overdraws(ops in proptest::collection::vec(op(), 1..80)) {
        (|| -> Result<(), TestCaseError> {
            // With voids and adjustments: whatever came before, a redemption leaves no balance below zero.
            let shop = Shop::new(&example("points-cafe.toml"), "USD", "America/New_York", 4, utc(2026, 11, 2, 12, 0));
            for balances in run(&shop, &ops) {
                prop_assert!(balances.iter().all(|(_, v)| *v >= 0), "a redemption overdrew: {:?}", balances);
            }
            // Without them (a void of spent points, or a manager, may take a balance below
            // zero on purpose), no balance is ever below zero.
            let shop = Shop::new(&example("points-cafe.toml"), "USD", "America/New_York", 4, utc(2026, 11, 2, 12, 0));
            let ops: Vec<Op> = ops.into_iter().filter(|o| !matches!(o, Op::Adjust { .. } | Op::Void { .. })).collect();
            run(&shop, &ops);
            for e in shop.store.events().expect("events") {
                if let Some(c) = e.body.customer() {
                    let summary = shop.store.customer(c).expect("customer");
                    for b in &summary.balances {
                        prop_assert!(b.amount >= 0, "{} went below zero: {:?}", b.account, summary.balances);
                    }
                }
            }
            Ok(())
        })()?;
    }
}
