//! A property test: three tills that know the same customers write histories
//! of their own while offline (enrolments, visits, redemptions, voids,
//! adjustments, merges in any direction, card replacements, profile changes,
//! erasures), syncing through a real server in random orders. Whatever they
//! did, once everyone has synced: no sync fails, every till holds the same
//! projections and the same customer summaries (conflicts included), each
//! till's rebuild equals its incremental fold, the server's fold holds the
//! same balances, and a further round moves nothing.

use crate::common::*;
use counterpart_engine::ledger::{Account, CardId, CustomerId, EventId, Profile};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
use std::collections::BTreeMap;

const TILLS: usize = 3;
/// Customers every till knows before the first action.
const KNOWN: usize = 3;
/// Cards printed on a sheet before the first action.
const PRINTED: usize = 2;

#[derive(Debug, Clone)]
enum Op {
    Enroll {
        till: usize,
    },
    /// A customer joins with one of the cards printed before the run: two
    /// tills may hand the same one over offline.
    EnrollPrinted {
        till: usize,
        card: usize,
    },
    Visit {
        till: usize,
        who: usize,
        dollars: i64,
    },
    Redeem {
        till: usize,
        who: usize,
    },
    Void {
        till: usize,
        which: usize,
    },
    Adjust {
        till: usize,
        who: usize,
        points: i64,
    },
    Merge {
        till: usize,
        from: usize,
        into: usize,
    },
    Profile {
        till: usize,
        who: usize,
    },
    Erase {
        till: usize,
        who: usize,
    },
    ReplaceCard {
        till: usize,
        who: usize,
    },
    Sync {
        till: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let t = 0..TILLS;
    let who = 0..8usize;
    prop_oneof![
        1 => t.clone().prop_map(|till| Op::Enroll { till }),
        1 => (t.clone(), 0..PRINTED).prop_map(|(till, card)| Op::EnrollPrinted { till, card }),
        6 => (t.clone(), who.clone(), 1i64..60).prop_map(|(till, who, dollars)| Op::Visit { till, who, dollars }),
        3 => (t.clone(), who.clone()).prop_map(|(till, who)| Op::Redeem { till, who }),
        2 => (t.clone(), 0..40usize).prop_map(|(till, which)| Op::Void { till, which }),
        1 => (t.clone(), who.clone(), -80i64..80).prop_map(|(till, who, points)| Op::Adjust { till, who, points }),
        3 => (t.clone(), who.clone(), who.clone()).prop_map(|(till, from, into)| Op::Merge { till, from, into }),
        1 => (t.clone(), who.clone()).prop_map(|(till, who)| Op::Profile { till, who }),
        1 => (t.clone(), who.clone()).prop_map(|(till, who)| Op::Erase { till, who }),
        1 => (t.clone(), who).prop_map(|(till, who)| Op::ReplaceCard { till, who }),
        3 => t.prop_map(|till| Op::Sync { till }),
    ]
}

/// The server's balances, the zero rows (left by moves) left out.
fn server_balances(db: &ServerDb) -> BTreeMap<(String, String), i64> {
    use sqlx::Row;
    db.query(
        "SELECT customer, account, amount FROM balances WHERE amount <> 0",
        |r| {
            (
                (r.get::<String, _>(0), r.get::<String, _>(1)),
                r.get::<i64, _>(2),
            )
        },
    )
    .into_iter()
    .collect()
}

/// A till's balances, from its projections.
fn till_balances(t: &Till) -> BTreeMap<(String, String), i64> {
    t.snapshot()
        .lines()
        .filter_map(|l| l.strip_prefix("balance "))
        .filter_map(|l| {
            let mut w = l.split(' ');
            let (c, a, v) = (w.next()?, w.next()?, w.next()?);
            Some(((c.to_string(), a.to_string()), v.parse().ok()?))
        })
        .collect()
}

fn run(backend: Backend, ops: &[Op]) {
    let b = Bench::new(backend);
    let at = afternoon();
    let tills: Vec<Till> = (0..TILLS).map(|_| b.till(at)).collect();
    let all: Vec<&Till> = tills.iter().collect();
    publish_points(&tills[0]);
    let mut customers: Vec<CustomerId> = (0..KNOWN)
        .map(|i| {
            let c = tills[0].enrol(&format!("Customer {i}"));
            tills[0].visit(c, 30_000);
            c
        })
        .collect();
    let printed =
        counterpart_engine::till::new_card_codes(&tills[0].store, PRINTED).expect("a card sheet");
    settle(&all);
    // Events a till may void: what it recorded, and what it learnt by syncing.
    let mut voidable: Vec<EventId> = Vec::new();

    for op in ops {
        let pick = |i: usize| customers[i % customers.len()];
        match *op {
            Op::Enroll { till } => {
                let c = tills[till].enrol(&format!("Customer {}", customers.len()));
                customers.push(c);
            }
            Op::EnrollPrinted { till, card } => {
                let enrolment = counterpart_engine::till::Enrolment {
                    profile: counterpart_engine::ledger::Profile {
                        name: Some(format!("Customer {}", customers.len())),
                        ..Default::default()
                    },
                    card_code: Some(printed[card].1.clone()),
                };
                // Refused when this till already knows the card is taken.
                if let Ok(o) = tills[till].store.enrol(enrolment, None) {
                    if let Some(c) = o.customer {
                        customers.push(c.record.id);
                    }
                }
            }
            Op::Visit { till, who, dollars } => {
                let input = counterpart_engine::rules::VisitInput {
                    amount: dollars * 100,
                    items: Vec::new(),
                    coupon: None,
                };
                if let Ok(o) = tills[till].store.record_visit(pick(who), input, None) {
                    voidable.push(o.event_id);
                }
            }
            Op::Redeem { till, who } => {
                if let Ok(o) = tills[till].store.redeem(pick(who), "drink", None) {
                    voidable.push(o.event_id);
                }
            }
            Op::Void { till, which } => {
                if !voidable.is_empty() {
                    let target = voidable[which % voidable.len()];
                    let _ = tills[till].store.void(target, "mistake", None);
                }
            }
            Op::Adjust { till, who, points } => {
                if points != 0 {
                    if let Ok(o) = tills[till].store.adjust(
                        pick(who),
                        Account::Points,
                        points,
                        "correction",
                        None,
                    ) {
                        voidable.push(o.event_id);
                    }
                }
            }
            Op::Merge { till, from, into } => {
                let _ = tills[till].store.merge(pick(from), pick(into), None);
            }
            Op::Profile { till, who } => {
                let p = Profile {
                    name: Some(format!("Renamed at till {till}")),
                    phone: Some(format!("+4860010{who:04}")),
                    ..Default::default()
                };
                let _ = tills[till].store.update_profile(pick(who), p, None);
            }
            Op::Erase { till, who } => {
                let _ = tills[till].store.erase(pick(who), None);
            }
            Op::ReplaceCard { till, who } => {
                if let Ok(s) = tills[till].store.customer(pick(who)) {
                    if let Some(card) = s.record.cards.first().and_then(|c| CardId::parse(c)) {
                        let _ = tills[till].store.replace_card(s.record.id, card, None);
                    }
                }
            }
            Op::Sync { till } => {
                // Whatever the others did offline, a sync never fails.
                tills[till].sync().expect("sync");
            }
        }
    }

    settle(&all);
    assert_converged(&all);
    // Every customer reads the same on every till, conflicts included.
    for c in &customers {
        let first =
            serde_json::to_value(tills[0].store.customer(*c).expect("customer")).expect("JSON");
        for (i, t) in tills.iter().enumerate().skip(1) {
            let here = serde_json::to_value(t.store.customer(*c).expect("customer")).expect("JSON");
            assert_eq!(here, first, "till {i}, customer {c}");
        }
    }
    // The server folded the same balances.
    assert_eq!(
        server_balances(&b.db),
        till_balances(&tills[0]),
        "the server's fold differs from the tills'"
    );
    // Healthy afterwards: a further round moves nothing.
    for (i, t) in tills.iter().enumerate() {
        let r = t.sync().expect("sync");
        assert_eq!(
            (r.pushed, r.pulled, r.pull_duplicates),
            (0, 0, 0),
            "till {i}'s idle round"
        );
    }
}

fn check(backend: Backend, cases: u32, regressions: &'static str) {
    let mut runner = TestRunner::new(Config {
        cases,
        // Each case starts a server and three tills: shrink a little, not forever.
        max_shrink_iters: 64,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(regressions))),
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(op(), 5..40), |ops| {
            run(backend, &ops);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn offline_histories_converge_sqlite() {
    check(
        Backend::Sqlite,
        64,
        "tests/proptest-regressions/offline_histories_sqlite.txt",
    );
}

#[test]
fn offline_histories_converge_postgres() {
    check(
        Backend::Postgres,
        16,
        "tests/proptest-regressions/offline_histories_postgres.txt",
    );
}
