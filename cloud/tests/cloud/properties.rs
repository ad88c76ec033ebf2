//! A property test: three tills, each behind its own proxy, through random
//! visits, redemptions, syncs, partitions, heals and lost answers; then every
//! partition heals and everyone syncs. Checked against a reference model that
//! knows only what each till recorded and the order pushes reached the server:
//! every till must show the model's balances and overdraw flags, the same
//! projections, and a clean rebuild.

use crate::common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};

const TILLS: usize = 3;
const CUSTOMERS: usize = 2;

#[derive(Debug, Clone)]
enum Op {
    Visit {
        till: usize,
        customer: usize,
        dollars: i64,
    },
    Redeem {
        till: usize,
        customer: usize,
    },
    Sync {
        till: usize,
    },
    SyncLosingAnswer {
        till: usize,
    },
    Partition {
        till: usize,
    },
    Heal {
        till: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let till = 0..TILLS;
    let customer = 0..CUSTOMERS;
    prop_oneof![
        4 => (till.clone(), customer.clone(), 1i64..80).prop_map(|(till, customer, dollars)| Op::Visit { till, customer, dollars }),
        4 => (till.clone(), customer).prop_map(|(till, customer)| Op::Redeem { till, customer }),
        4 => till.clone().prop_map(|till| Op::Sync { till }),
        1 => till.clone().prop_map(|till| Op::SyncLosingAnswer { till }),
        1 => till.clone().prop_map(|till| Op::Partition { till }),
        1 => till.prop_map(|till| Op::Heal { till }),
    ]
}

/// A recorded change of a customer's points, as the model sees it.
#[derive(Debug, Clone, Copy)]
struct Rec {
    customer: usize,
    points: i64,
    redemption: bool,
}

#[derive(Default)]
struct Model {
    pending: [Vec<Rec>; TILLS],
    server: Vec<Rec>,
}

impl Model {
    fn pushed(&mut self, till: usize) {
        let p = std::mem::take(&mut self.pending[till]);
        self.server.extend(p);
    }

    /// Balances and flags as the server's fold in server order gives them.
    fn outcome(&self) -> ([i64; CUSTOMERS], [usize; CUSTOMERS]) {
        let mut balance = [0i64; CUSTOMERS];
        let mut flags = [0usize; CUSTOMERS];
        for r in &self.server {
            balance[r.customer] += r.points;
            if r.redemption && balance[r.customer] < 0 {
                flags[r.customer] += 1;
            }
        }
        (balance, flags)
    }
}

fn run(backend: Backend, ops: &[Op]) {
    let b = Bench::new(backend);
    let proxies: Vec<Proxy> = (0..TILLS).map(|_| Proxy::start(b.server.port)).collect();
    let at = afternoon();
    let tills: Vec<Till> = proxies.iter().map(|p| b.till_via(p, at)).collect();
    let all: Vec<&Till> = tills.iter().collect();
    publish_points(&tills[0]);
    let mut model = Model::default();
    let customers: Vec<_> = (0..CUSTOMERS)
        .map(|i| {
            let c = tills[0].enrol(&format!("Customer {i}"));
            let points = 20 + tills[0].visit(c, 10_000);
            model.pending[0].push(Rec {
                customer: i,
                points,
                redemption: false,
            });
            c
        })
        .collect();
    settle(&all);
    model.pushed(0);
    let mut partitioned = [false; TILLS];

    for op in ops {
        match *op {
            Op::Visit {
                till,
                customer,
                dollars,
            } => {
                let points = tills[till].visit(customers[customer], dollars * 100);
                model.pending[till].push(Rec {
                    customer,
                    points,
                    redemption: false,
                });
            }
            Op::Redeem { till, customer } => {
                // The till decides on what it knows; the model records what it did.
                if let Ok(points) = tills[till].redeem_drink(customers[customer]) {
                    model.pending[till].push(Rec {
                        customer,
                        points,
                        redemption: true,
                    });
                }
            }
            Op::Sync { till } => {
                let r = tills[till].sync();
                assert_eq!(r.is_ok(), !partitioned[till], "sync of till {till}: {r:?}");
                if r.is_ok() {
                    model.pushed(till);
                }
            }
            Op::SyncLosingAnswer { till } => {
                if partitioned[till] {
                    continue;
                }
                proxies[till].set(Fault::DropResponse);
                let r = tills[till].sync();
                proxies[till].set(Fault::Pass);
                assert!(r.is_err(), "the answer was lost");
                // The push reached the server, which committed it.
                model.pushed(till);
            }
            Op::Partition { till } => {
                proxies[till].set(Fault::Down);
                partitioned[till] = true;
            }
            Op::Heal { till } => {
                proxies[till].set(Fault::Pass);
                partitioned[till] = false;
            }
        }
    }
    for p in &proxies {
        p.set(Fault::Pass);
    }
    for (i, t) in tills.iter().enumerate() {
        t.sync().expect("final push");
        model.pushed(i);
    }
    settle(&all);
    assert_converged(&all);
    let (balance, flags) = model.outcome();
    for (i, t) in tills.iter().enumerate() {
        for (c, id) in customers.iter().enumerate() {
            assert_eq!(t.points(*id), balance[c], "till {i}, customer {c}: points");
            assert_eq!(
                t.conflicts(*id),
                flags[c],
                "till {i}, customer {c}: overdraw flags"
            );
        }
    }
}

fn check(backend: Backend, cases: u32, regressions: &'static str) {
    let mut runner = TestRunner::new(Config {
        cases,
        // Each case starts a server and three tills: shrink a little, not forever.
        max_shrink_iters: 32,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(regressions))),
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(op(), 10..50), |ops| {
            run(backend, &ops);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn partitions_and_heals_converge_on_the_model_sqlite() {
    check(
        Backend::Sqlite,
        12,
        "tests/proptest-regressions/partitions_sqlite.txt",
    );
}

#[test]
fn partitions_and_heals_converge_on_the_model_postgres() {
    check(
        Backend::Postgres,
        4,
        "tests/proptest-regressions/partitions_postgres.txt",
    );
}
