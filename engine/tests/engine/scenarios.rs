//! The example programs as scenarios, balances computed by hand.

use counterpart_engine::command::typed::Typed;
use counterpart_engine::error::EngineError;
use counterpart_engine::ledger::{Item, Profile};
use counterpart_engine::rules::VisitInput;

use crate::common::*;

#[test]
fn stamp_cafe_tenth_coffee_free_and_daily_cap_across_midnight() {
    // New York, business day starts at 04:00. 2026-11-23 is a Monday.
    let shop = Shop::new(
        &example("stamp-cafe.toml"),
        "USD",
        "America/New_York",
        4,
        utc(2026, 11, 23, 14, 0),
    );
    let (c, _) = shop.enrol(Profile::default());
    let s = &shop.store;

    // 23:30 local Monday (04:30 UTC Tuesday): 3 coffees, 3 stamps.
    shop.at(utc(2026, 11, 24, 4, 30));
    let o = s.record_visit(c, coffees(3), None).expect("visit");
    assert_eq!(bal(after(&o), "stamps:coffee"), 3);
    assert!(
        o.lines.iter().any(|l| l.contains("Coffee card: 3 of 9")),
        "{:?}",
        o.lines
    );
    // 00:30 local (05:30 UTC): still Monday's business day, so the cap of 5 a day
    // leaves only 2 of these 3 coffees stamped.
    shop.at(utc(2026, 11, 24, 5, 30));
    let o = s.record_visit(c, coffees(3), None).expect("visit");
    assert_eq!(bal(after(&o), "stamps:coffee"), 5);
    // 04:10 local: a new business day, the cap starts again. 5 + 4 = 9: the card fills.
    shop.at(utc(2026, 11, 24, 9, 10));
    let o = s.record_visit(c, coffees(4), None).expect("visit");
    let a = after(&o);
    assert_eq!(bal(a, "stamps:coffee"), 0);
    assert_eq!(bal(a, "voucher:free-coffee"), 1);
    assert!(
        o.lines.iter().any(|l| l.contains("Free coffee unlocked")),
        "{:?}",
        o.lines
    );
    assert!(a.rewards_available.iter().any(|r| r.id == "free-coffee"));
    // The tenth coffee is free; a second one is refused and changes nothing.
    let o = s.redeem(c, "free-coffee", None).expect("redeem");
    assert_eq!(bal(after(&o), "voucher:free-coffee"), 0);
    let before = s.projection_snapshot().expect("snapshot");
    let err = s
        .redeem(c, "free-coffee", None)
        .expect_err("no voucher left");
    assert_eq!(err.code(), "refused.not_available");
    assert_eq!(before, s.projection_snapshot().expect("snapshot"));
    // The visits' business dates: two on the 23rd, one on the 24th.
    let summary = s.customer(c).expect("customer");
    assert_eq!(summary.record.visits, 3);
    assert_eq!(
        summary.record.last_visit.map(|d| d.to_string()).as_deref(),
        Some("2026-11-24")
    );
}

#[test]
fn points_cafe_multipliers_tiers_birthday_and_dst() {
    // 2026-03-02 is a Monday. Daylight saving starts in New York on Sunday 2026-03-08.
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "America/New_York",
        4,
        utc(2026, 3, 2, 15, 0),
    );
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile {
        birthday: chrono::NaiveDate::from_ymd_opt(1990, 3, 20),
        ..Default::default()
    });
    // Welcome: +20.
    assert_eq!(bal(&s.customer(c).expect("c"), "points"), 20);

    // Monday 08:30 EST = 13:30 UTC: before 9:00 on a weekday, ×2. $4.50 → 4 × 2 = 9 (rounded once: 4.5 × 2 = 9).
    shop.at(utc(2026, 3, 2, 13, 30));
    let o = s.record_visit(c, visit(450), None).expect("visit");
    assert_eq!(bal(after(&o), "points"), 29);
    assert!(o.lines[0].contains("×2 before 9:00"), "{:?}", o.lines);

    // After the clocks change: Monday 2026-03-09 08:30 EDT is 12:30 UTC → ×2: $10 → 20.
    shop.at(utc(2026, 3, 9, 12, 30));
    let o = s.record_visit(c, visit(1000), None).expect("visit");
    assert_eq!(bal(after(&o), "points"), 49);
    // 13:30 UTC is now 09:30 EDT: no multiplier (a fixed UTC-5 offset would have said 08:30). $10 → 10.
    shop.at(utc(2026, 3, 9, 13, 30));
    let o = s.record_visit(c, visit(1000), None).expect("visit");
    assert_eq!(bal(after(&o), "points"), 59);
    // The night the clocks change: 01:30 EST Sunday 2026-03-08 is Saturday's business day.
    shop.at(utc(2026, 3, 8, 6, 30));
    let o = s.record_visit(c, visit(100), None).expect("visit");
    assert_eq!(bal(after(&o), "points"), 60);
    assert_eq!(
        after(&o)
            .record
            .last_visit
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-03-09")
    );
    let events = s.customer_events(c).expect("events");
    let dates: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.body {
            counterpart_engine::ledger::EventBody::Visit { business_date, .. } => {
                Some(business_date.to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        dates,
        ["2026-03-02", "2026-03-09", "2026-03-09", "2026-03-07"]
    );

    // Six more afternoon visits of $2 (2 points each) make ten visits in 90 days: Silver from the 11th.
    for day in 10..16 {
        shop.at(utc(2026, 3, day, 19, 0));
        s.record_visit(c, visit(200), None).expect("visit");
    }
    let cs = s.customer(c).expect("c");
    assert_eq!(bal(&cs, "points"), 72);
    assert_eq!(cs.tier.as_ref().map(|t| t.id.as_str()), Some("silver"));
    // Birthday on the 20th, window 3 days: a visit on Tuesday 17th at 08:00 EDT (12:00 UTC)
    // gets the birthday drink, Silver ×1.25 and early-bird ×2: $4.50 × 2.5 = 11.25 → 11.
    shop.at(utc(2026, 3, 17, 12, 0));
    let o = s.record_visit(c, visit(450), None).expect("visit");
    let a = after(&o);
    assert_eq!(bal(a, "points"), 83);
    assert_eq!(bal(a, "voucher:drink"), 1);
    assert!(
        o.lines[0].contains("×1.25 Silver") && o.lines[0].contains("×2 before 9:00"),
        "{:?}",
        o.lines
    );
    // Only once a year.
    shop.at(utc(2026, 3, 18, 19, 0));
    let o = s.record_visit(c, visit(100), None).expect("visit");
    assert_eq!(bal(after(&o), "voucher:drink"), 1);
    assert_eq!(bal(after(&o), "points"), 84);
    // 100 points for a drink: the voucher goes first, then points are short.
    s.redeem(c, "drink", None).expect("voucher");
    let err = s.redeem(c, "drink", None).expect_err("84 < 100");
    assert!(matches!(err, EngineError::Refused(_)), "{err}");
    assert!(
        err.to_string().contains("needs 100") && err.to_string().contains("has 84"),
        "{err}"
    );

    // Ninety days after the last qualifying visits the tier lapses by itself, and the
    // visit after 45+ days away earns the win-back bonus.
    shop.at(utc(2026, 6, 20, 19, 0));
    let o = s.record_visit(c, visit(100), None).expect("visit");
    assert!(
        o.lines.iter().any(|l| l.contains("We missed you")),
        "{:?}",
        o.lines
    );
    assert_eq!(bal(after(&o), "points"), 84 + 1 + 25);
    assert_eq!(
        after(&o).tier.as_ref().map(|t| t.id.as_str()),
        Some("bronze")
    );
}

#[test]
fn points_expire_a_year_after_they_were_earned() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "America/New_York",
        4,
        utc(2026, 5, 1, 18, 0),
    );
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default()); // +20 on 2026-05-01
    shop.at(utc(2026, 6, 1, 18, 0));
    s.record_visit(c, visit(9000), None).expect("visit"); // +90 on 2026-06-01
    s.redeem(c, "pastry", None).expect("60 points"); // uses the 20 first, then 40 of the 90
                                                     // On 2027-05-01 the welcome lot is a year old but was used up; on 2027-06-01 the 50 left expire.
    shop.at(utc(2027, 5, 15, 18, 0));
    assert_eq!(bal(&s.customer(c).expect("c"), "points"), 50);
    shop.at(utc(2027, 6, 1, 18, 0));
    let cs = s.customer(c).expect("c");
    assert_eq!(bal(&cs, "points"), 0);
    assert_eq!(cs.points_expired, 50);
    let err = s
        .donate(c, "food-bank", 10, None)
        .expect_err("expired points cannot be given");
    assert_eq!(err.code(), "refused.not_enough");
}

#[test]
fn cashback_bakery_five_percent_and_five_off_every_fifty() {
    let shop = Shop::new(
        &example("cashback-bakery.toml"),
        "USD",
        "Europe/Warsaw",
        4,
        utc(2026, 11, 23, 10, 0),
    );
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    let o = s.record_visit(c, visit(3000), None).expect("visit"); // 5 % of $30 = $1.50
    assert_eq!(bal(after(&o), "cashback"), 150);
    let o = s.record_visit(c, visit(2599), None).expect("visit"); // $1.2995 → $1.29; $55.99 crosses $50: +$5
    assert_eq!(bal(after(&o), "cashback"), 150 + 129 + 500);
    assert!(
        o.lines
            .iter()
            .any(|l| l.contains("+$5.00 to spend: $50.00 spent in all")),
        "{:?}",
        o.lines
    );
    let o = s.redeem(c, "five-off", None).expect("five off");
    assert_eq!(bal(after(&o), "cashback"), 279);
    let o = s.spend_cashback(c, 279, None).expect("spend the rest");
    assert_eq!(bal(after(&o), "cashback"), 0);
    assert_eq!(
        s.spend_cashback(c, 1, None).expect_err("empty").code(),
        "refused.not_enough"
    );
    // Croissant Tuesday (2026-11-24 in Warsaw): a free croissant voucher per croissant.
    shop.at(utc(2026, 11, 24, 9, 0));
    let v = VisitInput {
        amount: 640,
        items: vec![Item {
            product: "croissant".into(),
            category: Some("viennoiserie".into()),
            quantity: 2,
        }],
        coupon: None,
    };
    let o = s.record_visit(c, v, None).expect("visit");
    assert_eq!(bal(after(&o), "voucher:croissant"), 2);
}

#[test]
fn coffee_club_allowance_per_day() {
    let shop = Shop::new(
        &example("coffee-club.toml"),
        "EUR",
        "Europe/Paris",
        4,
        utc(2026, 11, 23, 8, 0),
    );
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    assert_eq!(
        s.redeem(c, "club-drink", None).expect_err("no plan").code(),
        "refused.not_available"
    );
    let o = s.subscribe(c, "club", None).expect("subscribe");
    assert!(
        o.lines
            .iter()
            .any(|l| l.contains("runs 2026-11-23 to 2026-12-22")),
        "{:?}",
        o.lines
    );
    let o = s.redeem(c, "club-drink", None).expect("today's drink");
    assert!(o.lines[0].contains("1 of 1 this day"), "{:?}", o.lines);
    assert_eq!(
        s.redeem(c, "club-drink", None)
            .expect_err("one a day")
            .code(),
        "refused.not_available"
    );
    shop.at(utc(2026, 11, 24, 8, 0));
    s.redeem(c, "club-drink", None).expect("tomorrow's drink");
    shop.at(utc(2026, 12, 23, 8, 0));
    assert_eq!(
        s.redeem(c, "club-drink", None)
            .expect_err("plan ended")
            .code(),
        "refused.not_available"
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    let before = s.projection_snapshot().expect("snapshot");
    let n = s.events().expect("events").len();
    assert_eq!(
        s.record_visit(c, visit(-1), None)
            .expect_err("negative")
            .code(),
        "invalid_input"
    );
    assert_eq!(
        s.record_visit(c, visit(100_001), None)
            .expect_err("absurd")
            .code(),
        "invalid_input"
    );
    assert_eq!(
        s.redeem(c, "caviar", None).expect_err("unknown").code(),
        "not_found"
    );
    let coupon = VisitInput {
        amount: 100,
        items: vec![],
        coupon: Some("NOPE".into()),
    };
    assert_eq!(
        s.record_visit(c, coupon, None).expect_err("coupon").code(),
        "invalid_input"
    );
    let bad_item = VisitInput {
        amount: 100,
        items: vec![Item {
            product: "latte".into(),
            category: None,
            quantity: 0,
        }],
        coupon: None,
    };
    assert_eq!(
        s.record_visit(c, bad_item, None).expect_err("qty").code(),
        "invalid_input"
    );
    let unknown = counterpart_engine::ids::new_v7(utc(2026, 1, 1, 0, 0));
    assert_eq!(
        s.record_visit(unknown, visit(100), None)
            .expect_err("who")
            .code(),
        "not_found"
    );
    assert_eq!(
        s.publish_program(
            "format = 1\nname = 'x'\ncurrency = 'EUR'\n[cashback]\npercent = 5\n",
            None
        )
        .expect_err("currency")
        .code(),
        "invalid_input"
    );
    assert_eq!(before, s.projection_snapshot().expect("snapshot"));
    assert_eq!(n, s.events().expect("events").len());
}

#[test]
fn idempotency_voids_adjustments_merge_and_erase() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let s = &shop.store;
    let (a, card_a) = shop.enrol(Profile {
        name: Some("Ola".into()),
        phone: Some("+48 600 100 200".into()),
        ..Default::default()
    });
    let (b, _) = shop.enrol(Profile::default());
    // Same key twice: recorded once.
    let first = s
        .record_visit(a, visit(1000), Some("till-1/42"))
        .expect("visit");
    let again = s
        .record_visit(a, visit(1000), Some("till-1/42"))
        .expect("repeat");
    assert!(again.duplicate && again.event_id == first.event_id);
    assert_eq!(bal(&s.customer(a).expect("a"), "points"), 30);
    // The key again with another action or input is refused and records
    // nothing: a barista never sees "done" for a redemption that never happened.
    let n = s.events().expect("events").len();
    let before = s.projection_snapshot().expect("snapshot");
    for refused in [
        s.redeem(a, "drink", Some("till-1/42")),
        s.record_visit(a, visit(2000), Some("till-1/42")),
        s.record_visit(b, visit(1000), Some("till-1/42")),
        s.adjust(
            a,
            counterpart_engine::ledger::Account::Points,
            5,
            "goodwill",
            Some("till-1/42"),
        ),
    ] {
        let e = refused.expect_err("another request under a used key");
        assert_eq!(e.code(), "idempotency.mismatch", "{e}");
        assert!(e.is_user_error());
    }
    assert_eq!(n, s.events().expect("events").len());
    assert_eq!(before, s.projection_snapshot().expect("snapshot"));
    // Void it: the points go, the visit no longer counts; a second void is refused.
    let o = s
        .void(first.event_id, "wrong customer", None)
        .expect("void");
    assert_eq!(bal(after(&o), "points"), 20);
    assert_eq!(after(&o).record.visits, 0);
    assert_eq!(
        s.void(first.event_id, "again", None)
            .expect_err("twice")
            .code(),
        "refused.cannot_void"
    );
    // A manager's adjustment needs a reason.
    assert_eq!(
        s.adjust(a, counterpart_engine::ledger::Account::Points, 5, " ", None)
            .expect_err("reason")
            .code(),
        "invalid_input"
    );
    s.adjust(
        a,
        counterpart_engine::ledger::Account::Points,
        5,
        "goodwill",
        None,
    )
    .expect("adjust");
    // Merge b into a: balances add up, b's card now finds a.
    s.record_visit(b, visit(700), None).expect("visit b");
    let o = s.merge(b, a, None).expect("merge");
    assert_eq!(bal(after(&o), "points"), 25 + 20 + 7);
    assert_eq!(after(&o).record.cards.len(), 2);
    assert_eq!(
        s.record_visit(b, visit(100), None)
            .expect("to a")
            .customer
            .expect("c")
            .record
            .id,
        a
    );
    // Export, then erase: the personal data leaves the projection and the stored events.
    let export = s.export_customer(a).expect("export");
    assert!(export.to_string().contains("+48600100200"));
    s.erase(a, None).expect("erase");
    let after_erase = s.customer(a).expect("a");
    assert_eq!(after_erase.record.name, None);
    assert_eq!(bal(&after_erase, "points"), 53);
    let all = serde_json::to_string(&s.events().expect("events")).expect("json");
    assert!(
        !all.contains("Ola") && !all.contains("600100200"),
        "personal data left in the ledger"
    );
    assert_eq!(s.customer_by_card(card_a).expect("card still works"), a);
    assert_eq!(
        s.record_visit(a, visit(100), None)
            .expect_err("closed")
            .code(),
        "refused.customer_closed"
    );
    // And the projections still equal a rebuild.
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
}

#[test]
fn rebuild_finds_and_repairs_tampered_projections() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let s = &shop.store;
    let (a, _) = shop.enrol(Profile::default());
    let (b, _) = shop.enrol(Profile::default());
    s.record_visit(a, visit(1500), None).expect("visit");
    s.record_visit(b, visit(700), None).expect("visit");
    let clean = s.projection_snapshot().expect("snapshot");
    // Damage the projections behind the engine's back.
    let db = shop.dir.path().join("till.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute(
        "UPDATE balances SET amount = amount + 1000 WHERE customer = ?",
        [a.to_string()],
    )
    .expect("tamper balance");
    conn.execute("DELETE FROM visits WHERE customer = ?", [b.to_string()])
        .expect("tamper visit");
    conn.execute(
        "UPDATE customers SET spend = 1 WHERE id = ?",
        [b.to_string()],
    )
    .expect("tamper spend");
    drop(conn);
    let report = s.rebuild(false, |_, _| {}).expect("rebuild");
    let tables: Vec<&str> = report.differences.iter().map(|d| d.table).collect();
    assert_eq!(
        tables,
        ["customers", "balances", "visits"],
        "{:?}",
        report.differences
    );
    assert_eq!(report.differences[1].changed, 1);
    assert_eq!(report.differences[2].missing, 1);
    assert!(!report.repaired);
    let report = s.rebuild(true, |_, _| {}).expect("repair");
    assert!(report.repaired);
    assert_eq!(s.projection_snapshot().expect("snapshot"), clean);
    assert!(s
        .rebuild(false, |_, _| {})
        .expect("again")
        .differences
        .is_empty());
}

#[test]
fn card_codes_are_verified_offline_and_each_failure_is_named() {
    use counterpart_engine::card_code::{CardCode, ShopId};
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let s = &shop.store;
    let o = s
        .enrol(counterpart_engine::till::Enrolment::default(), None)
        .expect("enrol");
    let customer = o.customer.as_ref().expect("customer").record.id;
    let code = o
        .lines
        .iter()
        .find_map(|l| l.strip_prefix("card code (QR): "))
        .expect("code line")
        .to_string();
    let typed = o
        .lines
        .iter()
        .find_map(|l| l.strip_prefix("typed code: "))
        .expect("typed line")
        .to_string();
    assert_eq!(s.customer_by_code(&code).expect("scan"), customer);
    assert_eq!(
        s.customer_by_code(&format!("  {}\n", code.to_lowercase()))
            .expect("lower case"),
        customer
    );
    assert_eq!(
        s.customer_by_code(&typed.replace('-', " ").to_lowercase())
            .expect("typed"),
        customer
    );

    // An altered code, a code from another shop, and one from an unknown till.
    let mut chars: Vec<char> = code.chars().collect();
    chars[40] = if chars[40] == 'A' { 'B' } else { 'A' };
    let altered: String = chars.into_iter().collect();
    let err = s.customer_by_code(&altered).expect_err("altered");
    assert!(
        matches!(
            err.code(),
            "card.forged" | "card.unknown_till" | "card.garbled"
        ),
        "{err}"
    );
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    let card = counterpart_engine::ledger::CardId(uuid::Uuid::from_u128(5));
    let other_shop = CardCode::sign(ShopId([9, 9, 9, 9]), card, &stranger).encode();
    assert_eq!(
        s.customer_by_code(&other_shop)
            .expect_err("other shop")
            .code(),
        "card.unknown_shop"
    );
    let own_shop = CardCode::parse(&code).expect("parse").shop;
    let unknown_till = CardCode::sign(own_shop, card, &stranger).encode();
    assert_eq!(
        s.customer_by_code(&unknown_till)
            .expect_err("unknown till")
            .code(),
        "card.unknown_till"
    );
    assert_eq!(
        s.customer_by_code("hello").expect_err("garbage").code(),
        "card.garbled"
    );
    assert_eq!(
        s.customer_by_code("CP1.AAAA").expect_err("short").code(),
        "card.garbled"
    );

    // A replaced card is revoked, the new one works.
    let old = s.find_card(&code).expect("card");
    let o = s.replace_card(customer, old, None).expect("replace");
    let new_code = o
        .lines
        .iter()
        .find_map(|l| l.strip_prefix("card code (QR): "))
        .expect("new code")
        .to_string();
    assert_eq!(
        s.customer_by_code(&code).expect_err("revoked").code(),
        "card.revoked"
    );
    assert_eq!(s.customer_by_code(&new_code).expect("new card"), customer);

    // A second till of the same shop, offline: it refuses the first till's card
    // until it has that till's key, then accepts it without any network.
    let dir = tempfile::tempdir().expect("dir");
    let clock = std::sync::Arc::new(counterpart_engine::ManualClock::new(utc(
        2026, 11, 23, 10, 0,
    )));
    let other = counterpart_engine::command::typed::Typed::new(
        counterpart_engine::Store::open(&dir.path().join("till2.db"), clock).expect("open"),
    );
    let location =
        counterpart_engine::Location::new("Test Shop", "USD", "UTC", 0).expect("location");
    other
        .init_for_shop(&location, Some(own_shop))
        .expect("init");
    assert_eq!(
        other
            .find_card(&new_code)
            .expect_err("key not known yet")
            .code(),
        "card.unknown_till"
    );
    other
        .import_events(&s.events().expect("events"))
        .expect("import");
    assert_eq!(
        other.customer_by_code(&new_code).expect("accepted offline"),
        customer
    );
    assert_eq!(
        other
            .customer_by_code(&code)
            .expect_err("revocation synced")
            .code(),
        "card.revoked"
    );
    assert!(other
        .rebuild(false, |_, _| {})
        .expect("rebuild")
        .differences
        .is_empty());
}

#[test]
fn typed_lookup_by_part_of_a_name_or_phone_follows_renames_and_erasure() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let s = &shop.store;
    let (anna, _) = shop.enrol(Profile {
        name: Some("Anna Nowakowska".into()),
        phone: Some("+48 600 123 456".into()),
        ..Default::default()
    });
    let (_, _) = shop.enrol(Profile {
        name: Some("Jan Kowalski".into()),
        phone: Some("555-0199".into()),
        ..Default::default()
    });
    let ids = |q: &str| -> Vec<_> {
        s.find_customers(q, 20)
            .expect("find")
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(ids("nowak"), vec![anna]);
    assert_eq!(ids("NOWAKOWSKA"), vec![anna]);
    assert_eq!(ids("owa").len(), 2, "both names contain 'owa'");
    assert_eq!(ids("an").len(), 1, "two letters match the start of a name");
    assert_eq!(ids("3456"), vec![anna], "the last digits of a phone");
    assert_eq!(ids("+48 600 123 456"), vec![anna]);
    // 00 is how the same international number is dialled without a '+'.
    assert_eq!(ids("0048 600 123 456"), vec![anna]);
    let (ola, _) = shop.enrol(Profile {
        name: Some("Ola".into()),
        phone: Some("0048 601 000 111".into()),
        ..Default::default()
    });
    assert_eq!(
        s.customer(ola).expect("ola").record.phone.as_deref(),
        Some("+48601000111"),
        "stored as the same number typed with '+'"
    );
    assert_eq!(ids("+48 601 000 111"), vec![ola]);
    assert!(ids("zzz").is_empty());
    assert!(ids("100%").is_empty(), "wildcards typed are literal");
    s.update_profile(
        anna,
        Profile {
            name: Some("Anna Zielińska".into()),
            ..Default::default()
        },
        None,
    )
    .expect("rename");
    assert!(ids("nowak").is_empty());
    assert_eq!(ids("zieli"), vec![anna]);
    assert!(ids("3456").is_empty(), "the new profile has no phone");
    s.erase(anna, None).expect("erase");
    assert!(ids("zieli").is_empty(), "an erased name is not found");
    // A rebuild that rewrites the customers table keeps the index in step.
    let db = shop.dir.path().join("till.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute("UPDATE customers SET visits = visits + 1", [])
        .expect("tamper");
    drop(conn);
    assert!(s.rebuild(true, |_, _| {}).expect("repair").repaired);
    assert_eq!(ids("kowal").len(), 1);
}

/// A till of `shop`'s shop at `path`, caught up with it, its clock at 10:MM
/// on 23 November 2026: one of several tills that then work offline.
fn offline_till(shop: &Typed, path: &std::path::Path, minute: u32) -> Typed {
    use counterpart_engine::{Location, ManualClock, Store};
    let clock = std::sync::Arc::new(ManualClock::new(utc(2026, 11, 23, 10, minute)));
    let s = Typed::new(Store::open(path, clock).expect("open"));
    let location = Location::new("Test Shop", "USD", "UTC", 0).expect("location");
    s.init_for_shop(&location, Some(shop.shop().expect("shop")))
        .expect("init");
    s.import_events(&shop.events().expect("events"))
        .expect("catch up");
    s
}

/// Enrols `name` at till `s` with the printed card `code`; the new customer.
fn hand_over(s: &Typed, name: &str, code: &str) -> counterpart_engine::ledger::CustomerId {
    s.enrol(
        counterpart_engine::till::Enrolment {
            profile: Profile {
                name: Some(name.into()),
                ..Profile::default()
            },
            card_code: Some(code.to_string()),
        },
        None,
    )
    .expect("the printed card is handed over")
    .customer
    .expect("customer")
    .record
    .id
}

/// One printed card handed over at two offline tills (a sheet printed twice,
/// or a customer who forgot they had joined): every till ends with the same
/// owner whatever order the enrolments arrive in — the customer of the
/// earlier handover — and the other customer keeps their record and
/// balances and is shown the conflict. Before, the first to arrive kept it,
/// so the tills disagreed about whose card it was.
#[test]
fn a_card_handed_over_at_two_offline_tills_has_one_owner_on_every_till() {
    use counterpart_engine::store::ConflictKind;

    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 9, 0),
    );
    let a = &shop.store;
    let printed = counterpart_engine::till::new_card_codes(a, 1).expect("a card sheet");
    let (card, code) = printed[0].clone();
    let dir = tempfile::tempdir().expect("dir");
    let till = |name: &str, minute: u32| offline_till(a, &dir.path().join(name), minute);
    let (b, c) = (till("b.db", 0), till("c.db", 5));
    let enrol = |s: &Typed, name: &str| hand_over(s, name, &code);
    // Offline: Ann gets the card at till B at 10:00, Ben the same card at C at 10:05.
    let ann = enrol(&b, "Ann");
    let ben = enrol(&c, "Ben");

    // Each till learns the other's handover, in opposite orders; till A
    // learns C's before B's.
    b.import_events(&c.events().expect("events"))
        .expect("B from C");
    c.import_events(&b.events().expect("events"))
        .expect("C from B");
    a.import_events(&c.events().expect("events"))
        .expect("A from C");
    a.import_events(&b.events().expect("events"))
        .expect("A from B");

    for (name, s) in [("A", a), ("B", &b), ("C", &c)] {
        assert_eq!(
            s.customer_by_code(&code).expect("the card"),
            ann,
            "till {name}: the earlier handover keeps the card"
        );
        assert!(
            s.rebuild(false, |_, _| {})
                .expect("rebuild")
                .differences
                .is_empty(),
            "till {name}: rebuild agrees"
        );
        let lost = s.customer(ben).expect("Ben stays a customer");
        let conflicts: Vec<_> = lost
            .conflicts
            .iter()
            .filter(|l| l.kind == ConflictKind::CardTaken)
            .collect();
        assert_eq!(conflicts.len(), 1, "till {name}: {:?}", lost.conflicts);
        assert!(conflicts[0].text.contains("Ann"), "{}", conflicts[0].text);
        assert_eq!(bal(&lost, "points"), 20, "Ben keeps his welcome bonus");
        let kept = s.customer(ann).expect("Ann");
        assert!(kept.conflicts.is_empty(), "{:?}", kept.conflicts);
        assert!(kept.record.cards.contains(&card.to_string()));
    }
    assert_eq!(
        a.projection_snapshot().expect("A"),
        b.projection_snapshot().expect("B")
    );
    assert_eq!(
        b.projection_snapshot().expect("B"),
        c.projection_snapshot().expect("C")
    );
}

/// One person with two records, each given a printed card that another till
/// had handed out first, then merged: both "card taken" conflicts are listed
/// in the same order on every till whatever order the handovers arrived in.
/// A till's own order is the order events reached it, so the list is ordered
/// by event id, which every till shares (a three-till property test once
/// found two tills listing them in opposite orders).
#[test]
fn taken_cards_are_listed_in_one_order_on_every_till() {
    use counterpart_engine::store::ConflictKind;

    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 9, 0),
    );
    let a = &shop.store;
    let printed = counterpart_engine::till::new_card_codes(a, 2).expect("a card sheet");
    let (first, second) = (printed[0].1.clone(), printed[1].1.clone());
    let dir = tempfile::tempdir().expect("dir");
    let till = |name: &str, minute: u32| offline_till(a, &dir.path().join(name), minute);
    // Offline: till B hands both cards out at 10:00; C gives the first to Ben
    // at 10:05, and D the second to "Benjamin" (the same man) at 10:06.
    let (b, c, d) = (till("b.db", 0), till("c.db", 5), till("d.db", 6));
    hand_over(&b, "Ann", &first);
    hand_over(&b, "Dan", &second);
    let ben = hand_over(&c, "Ben", &first);
    let benjamin = hand_over(&d, "Benjamin", &second);
    // The handovers reach the tills in different orders: C's before D's at
    // A, B and C; at D its own comes first.
    let learn = |s: &Typed, from: &[&Typed]| {
        for other in from {
            s.import_events(&other.events().expect("events"))
                .expect("import");
        }
    };
    learn(a, &[&c, &d, &b]);
    learn(&b, &[&c, &d]);
    learn(&c, &[&d, &b]);
    learn(&d, &[&b, &c]);
    // A manager at B sees one man and merges his records; every till learns it.
    b.merge(benjamin, ben, None).expect("merged");
    for s in [a, &c, &d] {
        learn(s, &[&b]);
    }

    let listed = |s: &Typed| -> Vec<String> {
        s.customer(ben)
            .expect("Ben")
            .conflicts
            .iter()
            .filter(|l| l.kind == ConflictKind::CardTaken)
            .map(|l| l.event.clone())
            .collect()
    };
    let at_a = listed(a);
    assert_eq!(at_a.len(), 2, "both cards are taken: {at_a:?}");
    let mut by_id = at_a.clone();
    by_id.sort();
    assert_eq!(at_a, by_id, "listed by event id");
    for (name, s) in [("B", &b), ("C", &c), ("D", &d)] {
        assert_eq!(listed(s), at_a, "till {name} lists them as A does");
    }
}

/// The visit that filled a stamp card turned nine stamps and its own into a
/// voucher. Undoing it (the wrong customer was scanned) gives back what it
/// did as a whole: the voucher goes, the nine stamps return. Nothing was spent
/// since, so nothing is refused. Once the voucher is redeemed, the void is
/// refused as spent, as for points.
#[test]
fn voiding_the_visit_that_filled_a_stamp_card_takes_the_voucher_back() {
    let shop = Shop::new(
        &example("stamp-cafe.toml"),
        "USD",
        "America/New_York",
        4,
        utc(2026, 11, 23, 14, 0),
    );
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    // Nine stamps over two business days (the cap is five a day).
    s.record_visit(c, coffees(5), None).expect("visit");
    shop.at(utc(2026, 11, 24, 14, 0));
    let o = s.record_visit(c, coffees(4), None).expect("visit");
    assert_eq!(bal(after(&o), "stamps:coffee"), 0, "nine stamps fill it");
    assert_eq!(bal(after(&o), "voucher:free-coffee"), 1);
    let filled = o.event_id;
    let o = s.void(filled, "wrong customer", None).expect("undone");
    assert_eq!(bal(after(&o), "stamps:coffee"), 5, "the day's four go");
    assert_eq!(bal(after(&o), "voucher:free-coffee"), 0);

    // The same again, with the voucher spent before the undo.
    shop.at(utc(2026, 11, 25, 14, 0));
    let o = s.record_visit(c, coffees(4), None).expect("visit");
    assert_eq!(bal(after(&o), "voucher:free-coffee"), 1);
    let filled = o.event_id;
    s.redeem(c, "free-coffee", None).expect("redeem");
    let before = s.projection_snapshot().expect("snapshot");
    let e = s
        .void(filled, "wrong customer", None)
        .expect_err("the voucher was spent");
    assert_eq!(e.code(), "refused.below_zero");
    assert!(e.to_string().contains("voucher:free-coffee"), "{e}");
    assert_eq!(before, s.projection_snapshot().expect("snapshot"));
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
}
