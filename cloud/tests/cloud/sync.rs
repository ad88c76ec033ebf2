//! Tills and a server, working: convergence, the overdraw flag, the offline
//! allowance, skewed clocks.

use crate::common::*;
use crate::on_both;
use chrono::Duration;
use counterpart_engine::ledger::EventBody;
use counterpart_engine::sync::protocol::{PairRequest, PROTOCOL_VERSION};
use counterpart_engine::sync::SyncError;

on_both!(
    three_tills_converge,
    two_offline_tills_redeem_the_last_reward,
    skewed_and_jumping_clocks_change_nothing,
    large_events_travel_in_requests_and_pages_that_fit,
    an_idle_till_pulls_nothing,
    a_void_of_a_void_is_refused_and_changes_nothing,
    a_stamp_card_filled_at_two_offline_tills_is_flagged,
    a_void_at_one_till_of_points_spent_at_another_is_flagged,
    staff_added_at_one_till_sign_in_at_another
);

/// Staff are events that sync: a manager and a barista added at one till sign
/// in at another after one round, what the barista does there records who
/// did it on every till, and a staff event with a PIN where its hash belongs
/// is refused by the server.
fn staff_added_at_one_till_sign_in_at_another(backend: Backend) {
    use counterpart_engine::command::{AddStaff, Commands, Enrol, Pin, SignIn};
    use counterpart_engine::ledger::Role;
    use counterpart_engine::sync::protocol::AckStatus;
    let b = Bench::new(backend);
    let a = b.till(afternoon());
    let c = b.till(afternoon());
    publish_points(&a);
    let pin = |p: &str| Pin(p.to_string());
    let at_a = Commands::over(a.store.store().clone());
    at_a.add_staff(&AddStaff {
        name: "Mia".into(),
        role: Role::Manager,
        pin: pin("24681357"),
    })
    .expect("the first manager");
    let mia = at_a
        .sign_in(&SignIn {
            staff: "Mia".into(),
            pin: pin("24681357"),
        })
        .expect("Mia signs in");
    let bo = mia
        .add_staff(&AddStaff {
            name: "Bo".into(),
            role: Role::Barista,
            pin: pin("1357"),
        })
        .expect("Bo");
    a.sync().expect("sync a");
    c.sync().expect("sync c");
    let at_c = Commands::over(c.store.store().clone());
    let list = at_c.staff().expect("staff");
    assert!(!list.runs_open);
    let names: Vec<&str> = list.staff.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Bo", "Mia"]);
    let bo_at_c = at_c
        .sign_in(&SignIn {
            staff: "Bo".into(),
            pin: pin("1357"),
        })
        .expect("Bo signs in at the other till, from what it pulled");
    let enrolled = bo_at_c.enrol(&Enrol::default()).expect("enrol");
    c.sync().expect("sync c");
    a.sync().expect("sync a");
    let seen_at_a = a.store.event(enrolled.event_id).expect("event at a");
    assert_eq!(seen_at_a.staff, Some(bo.id.to_string()));
    // A hand-made staff event carrying a PIN, not its hash: refused.
    mia.add_staff(&AddStaff {
        name: "Cy".into(),
        role: Role::Barista,
        pin: pin("8642"),
    })
    .expect("Cy");
    mia.add_staff(&AddStaff {
        name: "Dee".into(),
        role: Role::Barista,
        pin: pin("9753"),
    })
    .expect("Dee");
    let mut batch = a.store.outbox_batch(10).expect("outbox");
    assert_eq!(batch.len(), 2);
    if let EventBody::StaffAdded { pin_hash, .. } = &mut batch[0].body {
        *pin_hash = "8642".into();
    }
    // And a removal of someone no till ever added.
    batch[1].body = EventBody::StaffRemoved {
        staff: uuid::Uuid::from_u128(7),
    };
    // Signed again by Mia (this test knows her PIN) and by the till: what is
    // refused is what they say, not who wrote them.
    let mia_key =
        counterpart_engine::staff::staff_key("24681357", mia.signed_in().expect("Mia").staff)
            .expect("key");
    for e in &mut batch {
        e.sign_as_author(&mia_key);
    }
    a.resign(&mut batch);
    let answer = a.client().push(&batch).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    assert_eq!(answer.acks[1].status, AckStatus::Rejected);
    assert!(
        answer.acks[1]
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("was ever added")),
        "{:?}",
        answer.acks[1].reason
    );
}

/// Till 1 voids a visit (a fraud) while till 2, offline, let the customer
/// spend its points: each was right on what it knew, and the void reaches the
/// server last. It spends as surely as a redemption: flagged on every till.
fn a_void_at_one_till_of_points_spent_at_another_is_flagged(backend: Backend) {
    let b = Bench::new(backend);
    let a = b.till(afternoon());
    publish_points(&a);
    let anna = a.enrol("Anna");
    a.visit(anna, 20_000);
    let fraud = a.events_of("visit").pop().expect("the visit");
    let t2 = b.till(afternoon());
    settle(&[&a, &t2]);
    t2.redeem_drink(anna).expect("a drink with those points");
    a.store
        .void(fraud.id, "fraud", None)
        .expect("at till 1 nothing was spent");
    t2.sync().expect("the drink first");
    a.sync().expect("then the void");
    settle(&[&a, &t2]);
    assert_converged(&[&a, &t2]);
    for t in [&a, &t2] {
        assert!(t.points(anna) < 0);
        assert_eq!(t.conflicts(anna), 1, "the void is flagged");
    }
    let flag = a.events_of("overdrawn").pop().expect("flag");
    let void = a.events_of("voided").pop().expect("void");
    assert!(
        matches!(flag.body, EventBody::Overdrawn { redemption, .. } if redemption == void.id),
        "it names the void, the event that spent it: {flag:?}"
    );
}

/// A five-stamp card, one stamp a visit.
const FIVE_STAMPS: &str = r#"
format = 1
name = "Five stamps"
currency = "USD"

[[rewards]]
id = "free-coffee"
name = "Free coffee"

[[stamp_cards]]
id = "coffee"
name = "Coffee card"
stamps = 5
reward = "free-coffee"
per = "visit"

[limits]
max_visit_amount = "200.00"
"#;

/// The reproduction from issue 11: a card at 4 of 5, filled by one coffee at
/// each of two offline tills, paid two vouchers for six stamps and went to
/// -4 of 5 with no flag, because the server checked only redemptions.
fn a_stamp_card_filled_at_two_offline_tills_is_flagged(backend: Backend) {
    let b = Bench::new(backend);
    let a = b.till(afternoon());
    a.store.publish_program(FIVE_STAMPS, None).expect("publish");
    let anna = a.enrol("Anna");
    for _ in 0..4 {
        a.visit(anna, 3_00);
    }
    let t2 = b.till(afternoon());
    settle(&[&a, &t2]);
    let stamps = |t: &Till| t.balance(anna, "stamps:coffee");
    assert_eq!(stamps(&t2), 4);
    // Both offline: each records one coffee, and each fills the card.
    a.visit(anna, 3_00);
    t2.visit(anna, 3_00);
    assert_eq!((stamps(&a), stamps(&t2)), (0, 0));
    settle(&[&a, &t2]);
    assert_converged(&[&a, &t2]);
    for t in [&a, &t2] {
        assert_eq!(stamps(t), -4, "both coffees stand");
        assert_eq!(t.conflicts(anna), 1, "the second fill is flagged");
    }
}

/// The reproduction from issue 11: an idle till alternated `pulled 0` and a
/// whole download of the ledger, because an empty page named no event at its
/// cursor and the next pull took that for a restored server.
fn an_idle_till_pulls_nothing(backend: Backend) {
    let b = Bench::new(backend);
    let a = b.till(afternoon());
    publish_points(&a);
    let t2 = b.till(afternoon());
    for name in ["Anna", "Bob", "Cleo"] {
        a.enrol(name);
    }
    a.sync().expect("sync a");
    let first = t2.sync().expect("first round");
    assert!(first.pulled > 0, "the first round pulls the shop");
    for round in 0..6 {
        let r = t2.sync().expect("idle round");
        assert_eq!(
            (r.pulled, r.pull_duplicates),
            (0, 0),
            "idle round {round} moved events"
        );
    }
    // Something new after the idle rounds still arrives, once.
    a.enrol("Dan");
    a.sync().expect("sync a");
    let r = t2.sync().expect("round with news");
    assert_eq!((r.pulled, r.pull_duplicates), (1, 0));
    assert_converged(&[&a, &t2]);
}

/// A void whose target is itself a void (no till writes one; the server held
/// it as well-formed) undoes nothing: it used to put the first void's target's
/// deltas back in the incremental fold while the rebuild left them out.
fn a_void_of_a_void_is_refused_and_changes_nothing(backend: Backend) {
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.visit(anna, 10_000);
    let kept = t.visit(anna, 20_00);
    let visits = t.events_of("visit");
    t.store
        .void(visits[0].id, "wrong customer", None)
        .expect("void");
    t.sync().expect("the void is on the server");
    let first_void = t.events_of("voided").pop().expect("the void");
    // A second void, sent as no till writes it: aimed at the first void.
    t.store
        .void(visits[1].id, "typo", None)
        .expect("second void");
    let mut batch = t.store.outbox_batch(10).expect("outbox");
    assert_eq!(batch.len(), 1);
    if let EventBody::Voided { target, .. } = &mut batch[0].body {
        *target = first_void.id;
    }
    t.resign(&mut batch);
    let answer = t.client().push(&batch).expect("push");
    assert_eq!(
        answer.acks[0].status,
        counterpart_engine::sync::protocol::AckStatus::Rejected
    );
    assert!(
        answer.acks[0]
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("a voided event cannot be voided")),
        "{:?}",
        answer.acks[0]
    );
    // A void naming another customer than its target's is refused too: it
    // would take Bob's visit out of Anna's balance.
    let bob = t.enrol("Bob");
    let bobs = t.visit(bob, 40_00);
    let bob_visit = t.events_of("visit").pop().expect("Bob's visit");
    t.store
        .void(bob_visit.id, "typo", None)
        .expect("void of Bob's visit");
    let mut batch = t.store.outbox_batch(10).expect("outbox");
    let last = batch.last_mut().expect("the void");
    if let EventBody::Voided { customer, .. } = &mut last.body {
        *customer = anna;
    }
    t.resign(&mut batch);
    let answer = t.client().push(&batch).expect("push");
    let ack = answer.acks.last().expect("ack");
    assert_eq!(
        ack.status,
        counterpart_engine::sync::protocol::AckStatus::Rejected
    );
    assert!(
        ack.reason
            .as_deref()
            .is_some_and(|r| r.contains("its target belongs to another")),
        "{ack:?}"
    );
    // A till that learns the shop from the server: the first visit stays
    // undone, the second counts, and its incremental fold equals its rebuild.
    let t2 = b.till(afternoon());
    t2.sync().expect("catch up");
    assert_eq!(t2.points(anna), 20 + kept);
    assert_eq!(t2.points(bob), 20 + bobs);
    let r = t2.store.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
}

fn three_tills_converge(backend: Backend) {
    let b = Bench::new(backend);
    let a = b.till(afternoon());
    publish_points(&a);
    a.sync().expect("sync a");
    let t2 = b.till(afternoon());
    let t3 = b.till(afternoon());
    settle(&[&a, &t2, &t3]);
    assert!(
        t3.store.program().expect("program").is_some(),
        "the program reached till 3"
    );

    let anna = a.enrol("Anna");
    let mut earned = 20 + a.visit(anna, 12_50);
    a.sync().expect("sync");
    t2.sync().expect("sync");
    earned += t2.visit(anna, 8_00);
    let bob = t3.enrol("Bob");
    t3.visit(bob, 5_00);
    settle(&[&a, &t2, &t3]);
    assert_converged(&[&a, &t2, &t3]);
    for t in [&a, &t2, &t3] {
        assert_eq!(t.points(anna), earned);
        assert_eq!(t.points(bob), 25);
    }
    // A card enrolled on one till is accepted on the others, offline.
    let code = a.store.customer(bob).expect("bob").record.card_codes[0]
        .code
        .clone()
        .expect("code");
    assert_eq!(a.store.customer_by_code(&code).expect("verified"), bob);
}

fn two_offline_tills_redeem_the_last_reward(backend: Backend) {
    let b = Bench::new(backend);
    let a = b.till(afternoon());
    publish_points(&a);
    a.sync().expect("sync");
    let t2 = b.till(afternoon());
    let t3 = b.till(afternoon());
    let anna = a.enrol("Anna");
    a.visit(anna, 10_000); // 20 welcome + 100 = 120 points: one drink
    settle(&[&a, &t2, &t3]);
    assert_eq!(t2.points(anna), 120);

    // Both offline: each sees 120 points and serves a drink.
    assert_eq!(a.redeem_drink(anna).expect("a serves"), -100);
    assert_eq!(t2.redeem_drink(anna).expect("t2 serves"), -100);
    // A till that knows of one redemption refuses a third drink.
    a.sync().expect("sync");
    assert!(a.redeem_drink(anna).is_err());
    settle(&[&a, &t2, &t3]);
    assert_converged(&[&a, &t2, &t3]);
    for t in [&a, &t2, &t3] {
        assert_eq!(t.points(anna), -80, "both drinks stand");
        assert_eq!(t.conflicts(anna), 1, "exactly one flag");
    }
    // Syncing more adds no flag.
    settle(&[&a, &t2, &t3]);
    assert_eq!(t3.conflicts(anna), 1);
    // No till may pair under the server's own device id, which the flag shows:
    // it could take the places of the flags still to come.
    let server_device = t3
        .store
        .events()
        .expect("events")
        .iter()
        .find(|e| matches!(e.body, EventBody::Overdrawn { .. }))
        .expect("the flag")
        .device;
    let taken = counterpart_engine::sync::pair(
        &b.server.url,
        &PairRequest {
            protocol: PROTOCOL_VERSION,
            code: b.merchant.pairing_code(&b.db),
            device: server_device,
            name: "Impostor".into(),
            shop: None,
            currency: None,
            proof: None,
        },
    );
    assert!(
        matches!(taken, Err(SyncError::Server { ref code, .. }) if code == "forbidden"),
        "{taken:?}"
    );
}

fn large_events_travel_in_requests_and_pages_that_fit(backend: Backend) {
    let b = Bench::new(backend);
    let a = b.till(afternoon());
    // 24 programs of 400 kB each (a long comment): 9.6 MB, more than one push
    // request (4 MiB) or one pull page (8 MiB) may carry.
    let padding = format!("\n# {}\n", "x".repeat(400_000));
    for _ in 0..24 {
        let source = example("points-cafe.toml") + &padding;
        a.store.publish_program(&source, None).expect("publish");
    }
    a.sync().expect("pushed in several requests");
    assert_eq!(a.store.outbox_len().expect("outbox"), 0);
    let t2 = b.till(afternoon());
    let (status, page) = raw_get(
        &format!("{}/v1/events?after=0&protocol=1", b.server.url),
        Some(&t2.token()),
    );
    assert_eq!(status, 200);
    let held = page["events"].as_array().map_or(0, Vec::len);
    assert!((1..25).contains(&held), "one page held {held} events");
    assert!(
        page["cursor"].as_i64() < page["high_water"].as_i64(),
        "{}",
        page["cursor"]
    );
    t2.sync().expect("pulled in several pages");
    let program = t2.store.program().expect("program").expect("published");
    assert_eq!(program.version, 24);
    settle(&[&a, &t2]);
    assert_converged(&[&a, &t2]);
}

#[test]
fn offline_allowance_limits_redemptions_until_the_till_syncs() {
    let b = Bench::new(Backend::Sqlite);
    let a = b.till(afternoon());
    publish_points(&a);
    let anna = a.enrol("Anna");
    a.visit(anna, 90_000);
    a.sync().expect("sync");
    assert!(a.points(anna) >= 900);
    // Within 24 hours of the last sync: no limit.
    for _ in 0..3 {
        a.redeem_drink(anna).expect("fresh till redeems");
    }
    a.sync().expect("sync");
    // 30 hours without a sync: at most 200 points per customer on this till.
    a.clock.advance(Duration::hours(30));
    a.redeem_drink(anna).expect("first drink");
    a.redeem_drink(anna).expect("second drink");
    let refused = a
        .redeem_drink(anna)
        .expect_err("third is over the allowance");
    assert_eq!(refused.code(), "refused.not_available");
    assert!(
        refused.to_string().contains("has not synced for 30 hours"),
        "{refused}"
    );
    // In the till's language, with nothing English stitched in ("this
    // redemption" used to stand where a reward's name goes).
    let polish = counterpart_engine::i18n::Catalogue::new(counterpart_engine::i18n::Language::Pl)
        .render(&refused.message().expect("a refusal says why"));
    assert!(
        polish.starts_with("Tej wymiany nie można teraz przeprowadzić: ta kasa nie synchronizowała się od 30 godzin"),
        "{polish}"
    );
    a.sync().expect("sync");
    a.redeem_drink(anna)
        .expect("after a sync the allowance is back");
    // A clock set back before the last sync cannot say how long the till
    // has been cut off: the allowance applies (it used to be off until the
    // clock caught up).
    a.sync().expect("sync");
    a.clock.advance(-Duration::days(2));
    a.redeem_drink(anna).expect("first drink");
    a.redeem_drink(anna).expect("second drink");
    let refused = a
        .redeem_drink(anna)
        .expect_err("third is over the allowance");
    assert!(
        refused
            .to_string()
            .contains("clock is behind its last sync"),
        "{refused}"
    );
}

/// Cashback and vouchers are limited offline too: two tills cut off from
/// each other could otherwise both spend a customer's whole cashback, or
/// both hand out the same free coffee.
#[test]
fn offline_allowance_limits_cashback_and_vouchers_too() {
    const PROGRAM: &str = r#"
format = 1
name = "Bakery"
currency = "USD"

[cashback]
percent = 10

[[rewards]]
id = "free-coffee"
name = "Free coffee"

[[stamp_cards]]
id = "coffee"
name = "Coffee card"
stamps = 2
reward = "free-coffee"

[offline]
unsynced_after_hours = 24
max_cashback_redeemed = "5.00"
max_vouchers_redeemed = 1
"#;
    let b = Bench::new(Backend::Sqlite);
    let a = b.till(afternoon());
    a.store.publish_program(PROGRAM, None).expect("publish");
    let anna = a.enrol("Anna");
    for _ in 0..4 {
        a.visit(anna, 10_000);
    }
    a.sync().expect("sync");
    assert_eq!(a.balance(anna, "cashback"), 40_00);
    assert_eq!(a.balance(anna, "voucher:free-coffee"), 2);
    // 30 hours without a sync: at most $5.00 of cashback and one voucher.
    a.clock.advance(Duration::hours(30));
    a.store
        .spend_cashback(anna, 3_00, None)
        .expect("$3.00 is within the allowance");
    let refused = a
        .store
        .spend_cashback(anna, 2_01, None)
        .expect_err("$3.00 + $2.01 is over it");
    assert_eq!(refused.code(), "refused.not_available");
    assert!(
        refused
            .to_string()
            .contains("at most $5.00 of cashback here ($3.00 already)"),
        "{refused}"
    );
    // (Money is written with no-break spaces: read as plain ones here.)
    let polish = counterpart_engine::i18n::Catalogue::new(counterpart_engine::i18n::Language::Pl)
        .render(&refused.message().expect("a refusal says why"))
        .replace('\u{a0}', " ");
    assert!(
        polish.ends_with("klient może tu wydać najwyżej 5,00 US$ z cashbacku (już 3,00 US$)"),
        "{polish}"
    );
    a.store
        .spend_cashback(anna, 2_00, None)
        .expect("exactly the allowance");
    a.store
        .redeem(anna, "free-coffee", None)
        .expect("the first voucher");
    let refused = a
        .store
        .redeem(anna, "free-coffee", None)
        .expect_err("a second voucher is over the allowance");
    assert!(
        refused
            .to_string()
            .contains("at most 1 voucher here (1 already)"),
        "{refused}"
    );
    assert_eq!(a.balance(anna, "voucher:free-coffee"), 1, "nothing changed");
    // Synced, the till may spend the rest.
    a.sync().expect("sync");
    a.store
        .redeem(anna, "free-coffee", None)
        .expect("after a sync the allowance is back");
    a.store
        .spend_cashback(anna, 35_00, None)
        .expect("and the rest of the cashback");
}

fn skewed_and_jumping_clocks_change_nothing(backend: Backend) {
    let b = Bench::new(backend);
    // The tills' clocks are skewed against the real one the server reads.
    let now = counterpart_engine::Clock::now(&counterpart_engine::SystemClock);
    let a = b.till(now + Duration::hours(5));
    let t2 = b.till(now - Duration::hours(3));
    publish_points(&a);
    settle(&[&a, &t2]);
    let report = a.sync().expect("sync");
    assert!(
        (report.clock_skew_seconds + 5 * 3600).abs() < 120,
        "{report:?}"
    );
    let report = t2.sync().expect("sync");
    assert!(
        (report.clock_skew_seconds - 3 * 3600).abs() < 120,
        "{report:?}"
    );

    let anna = a.enrol("Anna");
    a.visit(anna, 10_00);
    settle(&[&a, &t2]);
    // Till 2's clock jumps back two days: its events are still ordered by
    // sequence numbers, and its profile change wins over the older enrolment.
    t2.clock.advance(-Duration::days(2));
    t2.visit(anna, 10_00);
    t2.store
        .update_profile(
            anna,
            counterpart_engine::ledger::Profile {
                name: Some("Anna Nowak".into()),
                ..Default::default()
            },
            None,
        )
        .expect("rename");
    settle(&[&a, &t2]);
    assert_converged(&[&a, &t2]);
    let name = a.store.customer(anna).expect("anna").record.name;
    assert_eq!(name.as_deref(), Some("Anna Nowak"));
}

/// Polls `cond` every 20 ms for up to `secs` seconds.
fn eventually(secs: u64, mut cond: impl FnMut() -> bool) -> bool {
    let end = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while std::time::Instant::now() < end {
        if cond() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

#[test]
fn background_sync_shows_its_state_and_never_blocks_the_till() {
    use counterpart_engine::sync::Syncer;
    let b = Bench::new(Backend::Sqlite);
    let proxy = Proxy::start(b.server.port);
    let t = b.till_via(&proxy, afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    let syncer = Syncer::start(
        t.store.store().clone(),
        std::time::Duration::from_millis(200),
    );
    assert!(
        eventually(10, || {
            let s = syncer.status();
            s.online && s.paired && s.waiting == 0 && s.last_sync.is_some()
        }),
        "synced: {:?}",
        syncer.status()
    );

    // The network goes: the status says so, the till goes on serving.
    proxy.set(Fault::Down);
    t.visit(anna, 4_50);
    syncer.wake();
    assert!(
        eventually(10, || {
            let s = syncer.status();
            !s.online
                && s.last_error.as_ref().map(|r| r.code.as_str()) == Some("sync.offline")
                && s.waiting == 1
        }),
        "offline: {:?}",
        syncer.status()
    );
    let started = std::time::Instant::now();
    t.visit(anna, 3_20);
    assert!(started.elapsed() < std::time::Duration::from_secs(1));

    // Back: the queue drains by itself, and another till sees both visits.
    proxy.set(Fault::Pass);
    syncer.wake();
    assert!(
        eventually(20, || {
            let s = syncer.status();
            s.online && s.last_error.is_none() && s.waiting == 0
        }),
        "recovered: {:?}",
        syncer.status()
    );
    syncer.stop();
    let other = b.till(afternoon());
    other.sync().expect("sync");
    assert_eq!(other.store.customer(anna).expect("anna").record.visits, 2);
}

#[test]
fn background_sync_stops_on_what_retrying_cannot_mend_and_says_what_to_do() {
    use counterpart_engine::sync::Syncer;
    let b = Bench::new(Backend::Sqlite);
    let proxy = Proxy::start(b.server.port);
    let t = b.till_via(&proxy, afternoon());
    publish_points(&t);
    let syncer = Syncer::start(
        t.store.store().clone(),
        std::time::Duration::from_millis(200),
    );
    assert!(
        eventually(10, || syncer.status().last_sync.is_some()),
        "synced: {:?}",
        syncer.status()
    );
    // A manager revokes the till: retrying cannot help, so the loop stops
    // and the status says what to do.
    let device = t.store.device().expect("device").to_string();
    b.db.admin(&["devices", "revoke", &device]);
    t.enrol("Anna");
    syncer.wake();
    assert!(
        eventually(10, || syncer.status().action_needed.is_some()),
        "stopped: {:?}",
        syncer.status()
    );
    let s = syncer.status();
    assert_eq!(
        s.last_error.as_ref().map(|r| r.code.as_str()),
        Some("sync.unauthenticated")
    );
    assert!(
        s.action_needed
            .as_deref()
            .is_some_and(|a| a.contains("pairing code")),
        "{s:?}"
    );
    assert_eq!(s.waiting, 1, "the enrolment waits, kept");
    // No retries (with back-off it would have tried twice in this time)...
    let before = proxy.connections();
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(
        proxy.connections(),
        before,
        "retried: {:?}",
        syncer.status()
    );
    // ...until someone asks, after dealing with it.
    syncer.wake();
    assert!(
        eventually(10, || proxy.connections() > before),
        "a wake-up tries again"
    );
    syncer.stop();
}

#[test]
fn a_new_till_catching_up_tells_how_far_it_has_come() {
    use counterpart_engine::sync::{SyncNotice, Syncer};
    let b = Bench::new(Backend::Sqlite);
    let a = b.till(afternoon());
    // Programs padded to 400 kB each: the 8 MiB page limit cuts them into
    // several pages, so the new till's first round has pages still to come.
    let padding = format!("\n# {}\n", "x".repeat(400_000));
    for _ in 0..24 {
        let source = example("points-cafe.toml") + &padding;
        a.store.publish_program(&source, None).expect("publish");
    }
    a.sync().expect("pushed");
    let high = high_water(&a);

    let t = b.till(afternoon());
    let (tx, rx) = std::sync::mpsc::channel();
    let syncer = Syncer::start_observed(
        t.store.store().clone(),
        std::time::Duration::from_secs(60),
        Box::new(move |notice| {
            let told = match notice {
                SyncNotice::Progress(s) => ("progress", s.catch_up),
                SyncNotice::Synced(_, s) => ("synced", s.catch_up),
                SyncNotice::Failed(s) => ("failed", s.catch_up),
            };
            let _ = tx.send(told);
        }),
    );
    let mut told = Vec::new();
    while let Ok(notice) = rx.recv_timeout(std::time::Duration::from_secs(60)) {
        told.push(notice);
        if notice.0 != "progress" {
            break;
        }
    }
    syncer.stop();
    // The new till pushes what it holds of its own before it pulls, so the
    // history it catches up on may be a little longer than the first till's.
    let whole = high_water(&t);
    assert!(whole >= high, "the server lost history: {whole} < {high}");
    let (last, during) = told.split_last().expect("told of the round");
    assert_eq!(
        *last,
        ("synced", None),
        "the round ends caught up: {told:?}"
    );
    assert!(!during.is_empty(), "no progress told: {told:?}");
    let mut before = 0;
    for (kind, catch_up) in during {
        assert_eq!(*kind, "progress");
        let c = catch_up.expect("progress carries how far");
        assert!(c.applied > before && c.applied < c.of, "{told:?}");
        assert_eq!(c.of, whole, "of the server's whole history");
        assert!(c.percent < 100, "{told:?}");
        before = c.applied;
    }
    assert_eq!(t.store.sync_cursor().expect("cursor"), whole);
}
