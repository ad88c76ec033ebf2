//! Test helpers: a shop in a temp directory with a clock the test moves.

use chrono::{DateTime, TimeZone, Utc};
use counterpart_engine::command::typed::Typed;
use counterpart_engine::ledger::{CardId, CustomerId, Event, Profile};
use counterpart_engine::store::CustomerSummary;
use counterpart_engine::sync::protocol::ServerEvent;
use counterpart_engine::till::{Enrolment, Outcome};
use counterpart_engine::{Location, ManualClock, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, mi, 0)
        .single()
        .expect("valid time")
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn example(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("examples/programs").join(name))
        .expect("example program")
}

pub struct Shop {
    pub dir: tempfile::TempDir,
    pub store: Typed,
    pub clock: Arc<ManualClock>,
}

impl Shop {
    pub fn new(
        program: &str,
        currency: &str,
        tz: &str,
        day_starts_at: u32,
        at: DateTime<Utc>,
    ) -> Shop {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(ManualClock::new(at));
        let store =
            Typed::new(Store::open(&dir.path().join("till.db"), clock.clone()).expect("open"));
        let location = Location::new("Test Shop", currency, tz, day_starts_at).expect("location");
        store.init(&location).expect("init");
        store.publish_program(program, None).expect("publish");
        Shop { dir, store, clock }
    }

    pub fn at(&self, t: DateTime<Utc>) {
        self.clock.set(t);
    }

    pub fn enrol(&self, profile: Profile) -> (CustomerId, CardId) {
        enrol_as(&self.store, profile)
    }
}

/// Enrols a customer as whoever `by` acts for: their record and card.
pub fn enrol_as(by: &Typed, profile: Profile) -> (CustomerId, CardId) {
    let o = by
        .enrol(
            Enrolment {
                profile,
                card_code: None,
            },
            None,
        )
        .expect("enrol");
    let c = o.customer.expect("customer");
    let card = CardId::parse(&c.record.cards[0]).expect("card");
    (c.record.id, card)
}

/// `events` as the server hands them out, numbered from `first`.
pub fn numbered(events: &[Event], first: i64) -> Vec<ServerEvent> {
    events
        .iter()
        .zip(first..)
        .map(|(e, server_seq)| ServerEvent {
            server_seq,
            event: e.clone(),
        })
        .collect()
}

/// The points café (an example program, dollars, UTC, days from midnight)
/// opened at `at`.
pub fn points_cafe_at(at: DateTime<Utc>) -> Shop {
    Shop::new(&example("points-cafe.toml"), "USD", "UTC", 0, at)
}

/// A visit of `n` coffees at $4.50 each, itemised (what stamp cards count).
pub fn coffees(n: i64) -> counterpart_engine::rules::VisitInput {
    counterpart_engine::rules::VisitInput {
        amount: 450 * n,
        items: vec![counterpart_engine::ledger::Item {
            product: "latte".into(),
            category: Some("coffee".into()),
            quantity: n,
        }],
        coupon: None,
    }
}

/// A visit of `amount` minor units, nothing itemised.
pub fn visit(amount: i64) -> counterpart_engine::rules::VisitInput {
    counterpart_engine::rules::VisitInput {
        amount,
        items: Vec::new(),
        coupon: None,
    }
}

/// The amount of an account in a summary (0 when absent).
pub fn bal(c: &CustomerSummary, account: &str) -> i64 {
    c.balances
        .iter()
        .find(|b| b.account == account)
        .map_or(0, |b| b.amount)
}

pub fn after(o: &Outcome) -> &CustomerSummary {
    o.customer.as_ref().expect("customer in outcome")
}

/// Mia, a manager, and Bo, a barista, added to an open `till` and each
/// signed in: (Mia's commands, Bo's commands). The bare `till` stays signed
/// out, so it is no longer open.
pub fn manager_and_barista(
    till: &counterpart_engine::command::Commands,
) -> (
    counterpart_engine::command::Commands,
    counterpart_engine::command::Commands,
) {
    use counterpart_engine::command::{AddStaff, Pin, SignIn};
    use counterpart_engine::ledger::Role;
    let sign_in = |staff: &str, pin: &str| {
        till.sign_in(&SignIn {
            staff: staff.into(),
            pin: Pin(pin.into()),
        })
        .unwrap_or_else(|e| panic!("{staff} signs in: {e}"))
    };
    till.add_staff(&AddStaff {
        name: "Mia".into(),
        role: Role::Manager,
        pin: Pin("246813".into()),
    })
    .expect("the first manager, on an open till");
    let mia = sign_in("Mia", "246813");
    mia.add_staff(&AddStaff {
        name: "Bo".into(),
        role: Role::Barista,
        pin: Pin("1357".into()),
    })
    .expect("Mia adds Bo");
    let bo = sign_in("Bo", "1357");
    (mia, bo)
}
