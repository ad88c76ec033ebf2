//! Input a customer, a camera, a typist or another till controls, at its worst:
//! each is refused with a clear error or ignored, never a panic, never a
//! miscount, and nothing changes.

use counterpart_engine::demo::{self, DemoSpec};
use counterpart_engine::ledger::{Account, Event, EventBody, Profile, MAX_DELTA};
use counterpart_engine::Location;

use crate::common::*;

/// The points café on a Monday morning.
fn points_cafe() -> Shop {
    points_cafe_at(utc(2026, 11, 23, 10, 0))
}

/// Event number `seq` of another till `device`, written at 9:00 on the
/// points café's Monday: what a till imports from the shop.
fn from_another_till(device: uuid::Uuid, seq: i64, body: EventBody) -> Event {
    Event {
        id: counterpart_engine::ids::new_v7(utc(2026, 11, 23, 9, 0)),
        device,
        device_seq: seq,
        seen_server_seq: 0,
        device_time: utc(2026, 11, 23, 9, 0),
        staff: None,
        body,
        author_sig: None,
        sig: None,
    }
}

/// A points program with `offers` multiplier offers of ×`by`, always running.
fn stacked(earn: i64, per: &str, offers: usize, by: u32) -> String {
    let mut p = format!(
        "format = 1\nname = 'Stacked'\ncurrency = 'USD'\n[points]\nearn = {earn}\nper = '{per}'\n\
         [limits]\nmax_visit_amount = '1000.00'\n"
    );
    for i in 0..offers {
        p.push_str(&format!(
            "[[offers]]\nid = 'x{i}'\nname = 'x{i}'\nkind = 'multiplier'\nmultiplier = {by}\n"
        ));
    }
    p
}

#[test]
fn typed_or_scanned_text_that_is_not_ascii_is_a_clear_miss() {
    let shop = points_cafe();
    let (c, _) = shop.enrol(Profile::default());
    // "Café" puts a character across the fourth byte, where the code's
    // prefix check used to cut the text.
    for text in ["Café au lait", "caé", "🙂", "CP1é", "Ç", "ĆP1.ABC"] {
        let e = shop.store.customer_by_code(text).expect_err("not a card");
        // A miss the barista can read, not a broken store.
        assert!(
            !["corrupt", "database"].contains(&e.code()),
            "{text}: {e} ({})",
            e.code()
        );
    }
    assert!(shop.store.customer(c).is_ok());
}

#[test]
fn an_adjustment_of_the_smallest_integer_is_refused() {
    let shop = points_cafe();
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    let before = s.projection_snapshot().expect("snapshot");
    for amount in [i64::MIN, i64::MAX, -1_000_000_001, 0] {
        let e = s
            .adjust(c, Account::Points, amount, "fat finger", None)
            .expect_err("absurd adjustment");
        assert_eq!(e.code(), "invalid_input", "{amount}");
    }
    assert_eq!(before, s.projection_snapshot().expect("snapshot"));
    s.adjust_with(
        c,
        Account::Points,
        -1_000_000_000,
        "the bound itself",
        counterpart_engine::till::BelowZero::ManagerConfirmed,
        None,
    )
    .expect("the largest adjustment allowed");
}

#[test]
fn stacked_multipliers_are_refused_rather_than_miscounted() {
    let at = utc(2026, 11, 23, 10, 0);
    // Twenty ×10 offers: 10^20 does not fit the arithmetic with a $1000 check.
    let shop = Shop::new(&stacked(1, "1.00", 20, 10), "USD", "UTC", 0, at);
    let (c, _) = shop.enrol(Profile::default());
    let before = shop.store.projection_snapshot().expect("snapshot");
    let n = shop.store.events().expect("events").len();
    let e = shop
        .store
        .record_visit(c, visit(100_000), None)
        .expect_err("overflowing multipliers");
    assert_eq!(e.code(), "invalid_input", "{e}");
    assert!(e.to_string().contains("multipliers"), "{e}");
    // A million points a cent, ×100: 10^13 points, more than any balance may
    // take and than the server would accept.
    let shop2 = Shop::new(&stacked(1_000_000, "0.01", 2, 10), "USD", "UTC", 0, at);
    let (c2, _) = shop2.enrol(Profile::default());
    let e = shop2
        .store
        .record_visit(c2, visit(100_000), None)
        .expect_err("beyond a delta's bound");
    assert_eq!(e.code(), "invalid_input", "{e}");
    assert!(e.to_string().contains(&MAX_DELTA.to_string()), "{e}");
    // The same programs count an ordinary visit exactly.
    let o = shop2
        .store
        .record_visit(c2, visit(1), None)
        .expect("a one-cent visit");
    assert_eq!(bal(after(&o), "points"), 100_000_000);
    assert_eq!(before, shop.store.projection_snapshot().expect("snapshot"));
    assert_eq!(n, shop.store.events().expect("events").len());
}

#[test]
fn a_till_key_that_does_not_check_out_is_not_learnt() {
    let shop = points_cafe();
    let s = &shop.store;
    let (customer, _) = shop.enrol(Profile::default());
    let code = s.customer(customer).expect("customer").record.card_codes[0]
        .code
        .clone()
        .expect("a signed code");
    let other = counterpart_engine::ids::new_v7(utc(2026, 11, 23, 9, 0));
    let real = ed25519_dalek::SigningKey::from_bytes(&[7; 32]).verifying_key();
    let real_hex = data_encoding::HEXLOWER.encode(real.as_bytes());
    let announced = |seq: i64, key_id: &str, public_key: &str| {
        from_another_till(
            other,
            seq,
            EventBody::TillKeyAdded {
                device: other,
                key_id: key_id.into(),
                public_key: public_key.into(),
            },
        )
    };
    let bad = [
        // Another key's id, a key that is not hex, one of the wrong length,
        // and 32 bytes that are no point on the curve.
        announced(1, "00000000", &real_hex),
        announced(2, "00000000", "not hex at all"),
        announced(3, "00000000", "abcd"),
        announced(4, "00000000", &"ff".repeat(32)),
    ];
    let report = s.import_events(&bad).expect("applied, keys ignored");
    assert_eq!(report.applied, 4);
    // Cards still verify: the bad keys were not stored beside the good one.
    assert_eq!(s.customer_by_code(&code).expect("scan"), customer);
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
    // The same key with its own id is learnt.
    let key_id = counterpart_engine::card_code::KeyId::of(&real).to_string();
    s.import_events(&[announced(5, &key_id, &real_hex)])
        .expect("a good key");
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
    assert_eq!(s.customer_by_code(&code).expect("scan"), customer);
}

#[test]
fn a_location_read_back_is_checked_like_one_typed_in() {
    let good = r#"{"shop_name":"Corner","currency":"USD","timezone":"Europe/Warsaw","day_starts_at_hour":4}"#;
    let location: Location = serde_json::from_str(good).expect("a good location");
    assert_eq!(
        location,
        Location::new("Corner", "USD", "Europe/Warsaw", 4).expect("location")
    );
    for bad in [
        r#"{"shop_name":"Corner","currency":"USD","timezone":"Europe/Warsaw","day_starts_at_hour":99}"#,
        r#"{"shop_name":"","currency":"USD","timezone":"Europe/Warsaw","day_starts_at_hour":4}"#,
        r#"{"shop_name":"Corner","currency":"USD","timezone":"Mars/Olympus","day_starts_at_hour":4}"#,
        r#"{"shop_name":"Corner","currency":"XYZW","timezone":"UTC","day_starts_at_hour":4}"#,
    ] {
        assert!(serde_json::from_str::<Location>(bad).is_err(), "{bad}");
    }
}

#[test]
fn demo_data_beyond_its_bounds_is_refused_before_anything_is_written() {
    let shop = points_cafe();
    let n = shop.store.events().expect("events").len();
    let spec = DemoSpec {
        customers: 1,
        events: 1,
        days: 100_000_000,
        seed: 1,
    };
    let e = demo::generate(&shop.store, spec, |_, _| {}).expect_err("a million years");
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(n, shop.store.events().expect("events").len());
}

#[test]
fn typed_codes_two_tills_drew_alike_find_both_customers_and_stop_nothing() {
    use counterpart_engine::card_code::fallback_code;
    use counterpart_engine::ledger::CardId;
    let shop = points_cafe();
    let s = &shop.store;
    let (anna, anna_card) = shop.enrol(Profile {
        name: Some("Anna".into()),
        ..Default::default()
    });
    // Another till, offline, gave Bob a card whose typed code is Anna's: the
    // code is the card id modulo 29^10.
    let modulus = 29u128.pow(10);
    let n = anna_card.0.as_u128();
    let bob_card = CardId(uuid::Uuid::from_u128(
        n.checked_add(modulus).unwrap_or(n - modulus),
    ));
    assert_eq!(fallback_code(bob_card), fallback_code(anna_card));
    let other = uuid::Uuid::from_u128(7);
    let bob = uuid::Uuid::from_u128(8);
    let enrolled = from_another_till(
        other,
        1,
        EventBody::Enrolled {
            customer: bob,
            card: bob_card,
            code: None,
            profile: Some(Profile {
                name: Some("Bob".into()),
                ..Default::default()
            }),
            deltas: Vec::new(),
        },
    );
    // Applying it never fails (it stopped every till's sync).
    let report = s.import_events(&[enrolled]).expect("applied");
    assert_eq!(report.applied, 1);
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
    // The typed code offers both customers instead of picking one.
    let typed = fallback_code(anna_card);
    let e = s.customer_by_code(&typed).expect_err("two customers");
    assert_eq!(e.code(), "card.ambiguous", "{e}");
    assert!(e.to_string().contains(&anna.to_string()) && e.to_string().contains(&bob.to_string()));
    let found: Vec<_> = s
        .customers_by_typed_code(&typed.to_lowercase())
        .expect("matches")
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(found.len(), 2);
    assert!(found.contains(&anna) && found.contains(&bob));
    // The signed codes in the QRs still tell them apart.
    let anna_qr = s.customer(anna).expect("anna");
    assert_eq!(anna_qr.record.cards.len(), 1);
    assert_eq!(s.customer_by_card(anna_card).expect("card"), anna);
    assert_eq!(s.customer_by_card(bob_card).expect("card"), bob);
    // Once Bob's card is replaced, the typed code is Anna's alone again.
    s.replace_card(bob, bob_card, None)
        .expect("new card for Bob");
    assert_eq!(s.customer_by_code(&typed).expect("one"), anna);
    // New cards avoid every typed code this till has seen, and each other.
    let sheet = counterpart_engine::till::new_card_codes(s, 200).expect("sheet");
    let mut codes: Vec<String> = sheet.iter().map(|(c, _)| fallback_code(*c)).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 200);
    assert!(!codes.contains(&typed));
}

/// Erasure is erasure on disk: the database file, its WAL and a backup made
/// afterwards hold none of the customer's personal data (a test of the bytes,
/// as `strings` would read them).
#[test]
fn an_erased_customers_data_is_nowhere_in_the_files() {
    let shop = points_cafe();
    let s = &shop.store;
    let marks = [
        "Wilhelmina Quaxley",
        "Quaxley",
        "+48600987654",
        "wilhelmina.quaxley@example.org",
        "1961-07-14",
    ];
    let (c, _) = shop.enrol(Profile {
        name: Some(marks[0].into()),
        phone: Some(marks[2].into()),
        email: Some(marks[3].into()),
        birthday: Some(chrono::NaiveDate::from_ymd_opt(1961, 7, 14).expect("date")),
        ..Default::default()
    });
    // Her name changed once, as happens, and she bought a few coffees.
    s.update_profile(
        c,
        Profile {
            name: Some(format!("{} Jr", marks[0])),
            phone: Some(marks[2].into()),
            email: Some(marks[3].into()),
            ..Default::default()
        },
        None,
    )
    .expect("profile");
    for _ in 0..3 {
        s.record_visit(c, visit(450), None).expect("visit");
    }
    // Others keep coming, so her pages are shared with theirs.
    for i in 0..50 {
        shop.enrol(Profile {
            name: Some(format!("Regular {i}")),
            ..Default::default()
        });
    }
    s.erase(c, None).expect("erase");
    let backup = shop.dir.path().join("after.db");
    s.backup(&backup).expect("backup");
    let db = shop.dir.path().join("till.db");
    let mut files = vec![db.clone(), backup];
    let wal = db.with_extension("db-wal");
    if wal.exists() {
        files.push(wal);
    }
    for file in &files {
        let bytes = std::fs::read(file).expect("read");
        for mark in marks {
            let found = bytes.windows(mark.len()).any(|w| w == mark.as_bytes());
            assert!(!found, "`{mark}` is still in {}", file.display());
        }
    }
    // The till still works and still finds the others.
    assert_eq!(s.find_customers("Regular 17", 10).expect("find").len(), 1);
    assert!(s.find_customers("Quaxley", 10).expect("find").is_empty());
}

#[test]
fn a_visit_without_a_purchase_counts_only_where_the_program_says_so() {
    // A card stamped per visit: a visit of 0.00 would earn a stamp.
    let program = "format = 1\nname = 'Door card'\ncurrency = 'USD'\n\
        [[rewards]]\nid = 'free'\nname = 'Free coffee'\n\
        [[stamp_cards]]\nid = 'door'\nname = 'Door card'\nstamps = 5\nreward = 'free'\nper = 'visit'\n\
        [limits]\nmax_visit_amount = '200.00'\n";
    let shop = Shop::new(program, "USD", "UTC", 0, utc(2026, 11, 23, 10, 0));
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    let before = s.projection_snapshot().expect("snapshot");
    let e = s
        .record_visit(c, visit(0), None)
        .expect_err("a slipped Enter");
    assert_eq!(e.code(), "invalid_input");
    assert!(e.to_string().contains("enter the check amount"), "{e}");
    assert_eq!(
        before,
        s.projection_snapshot().expect("snapshot"),
        "nothing changed"
    );
    // A shop that stamps coming in says so in its program.
    let open_door = program.replace("[limits]\n", "[limits]\nvisits_without_purchase = true\n");
    s.publish_program(&open_door, None).expect("publish");
    let o = s
        .record_visit(c, visit(0), None)
        .expect("a visit without a purchase");
    assert!(o.deltas.iter().any(|d| d.amount > 0), "{:?}", o.deltas);
}

#[test]
fn a_profile_is_refused_for_what_is_actually_wrong_with_it() {
    let shop = points_cafe();
    let s = &shop.store;
    let refused = |p: Profile| {
        s.enrol(
            counterpart_engine::till::Enrolment {
                profile: p,
                card_code: None,
            },
            None,
        )
        .expect_err("refused")
        .to_string()
    };
    let e = refused(Profile {
        name: Some("Ann\tLee".into()),
        ..Default::default()
    });
    assert!(e.contains("tab"), "{e}");
    let e = refused(Profile {
        name: Some("A".repeat(101)),
        ..Default::default()
    });
    assert!(e.contains("this one has 101"), "{e}");
    // Today is 2026-11-23.
    let e = refused(Profile {
        birthday: chrono::NaiveDate::from_ymd_opt(2027, 3, 1),
        ..Default::default()
    });
    assert!(e.contains("2027-03-01 is in the future"), "{e}");
    let e = refused(Profile {
        birthday: chrono::NaiveDate::from_ymd_opt(1206, 3, 1),
        ..Default::default()
    });
    assert!(e.contains("before 1900"), "{e}");
    assert!(s
        .events()
        .expect("events")
        .iter()
        .all(|e| e.body.kind() != "enrolled"));
    // A birthday today is fine: a newborn's first coffee is someone else's.
    s.enrol(
        counterpart_engine::till::Enrolment {
            profile: Profile {
                birthday: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
                ..Default::default()
            },
            card_code: None,
        },
        None,
    )
    .expect("today");
}

/// A fraudulent visit whose points bought a drink: voiding it would leave the
/// points below zero. Refused with its reason; a manager may confirm it, and
/// then the balance shows below zero, flagged, never silently.
#[test]
fn a_void_or_adjustment_below_zero_needs_a_manager_and_then_shows() {
    use counterpart_engine::store::ConflictKind;
    use counterpart_engine::till::BelowZero;
    let shop = points_cafe();
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    let fraud = s.record_visit(c, visit(20_000), None).expect("visit");
    s.redeem(c, "drink", None)
        .expect("a drink with those points");
    let points = bal(&s.customer(c).expect("c"), "points");
    let earned: i64 = fraud
        .deltas
        .iter()
        .filter(|d| d.account == Account::Points)
        .map(|d| d.amount)
        .sum();
    assert!(
        points - earned < 0,
        "the void would take the points below zero"
    );
    let n = s.events().expect("events").len();
    let e = s
        .void(fraud.event_id, "fraud", None)
        .expect_err("below zero");
    assert_eq!(e.code(), "refused.below_zero");
    assert!(e.to_string().contains("spent since"), "{e}");
    let e = s
        .adjust(c, Account::Points, -(points + 1), "correction", None)
        .expect_err("below zero");
    assert_eq!(e.code(), "refused.below_zero");
    assert_eq!(n, s.events().expect("events").len(), "nothing recorded");
    assert!(s.customer(c).expect("c").conflicts.is_empty());
    // A manager confirms: recorded, and shown.
    let o = s
        .void_with(fraud.event_id, "fraud", BelowZero::ManagerConfirmed, None)
        .expect("confirmed");
    assert_eq!(bal(after(&o), "points"), points - earned);
    let flags: Vec<_> = after(&o)
        .conflicts
        .iter()
        .filter(|f| f.kind == ConflictKind::BelowZero)
        .collect();
    assert_eq!(flags.len(), 1, "{:?}", after(&o).conflicts);
    assert!(flags[0].text.contains("points is at"), "{}", flags[0].text);
    // An adjustment that keeps the balance at or above zero needs nobody.
    s.adjust_with(
        c,
        Account::Points,
        earned - points,
        "goodwill",
        BelowZero::Refuse,
        None,
    )
    .expect("back to zero");
    assert!(s.customer(c).expect("c").conflicts.is_empty());
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
}

/// No balance passes ±2^53: sums stay exact in any arithmetic, and the till
/// refuses to record past it (another till's events brought it close).
#[test]
fn a_balance_never_passes_its_bound() {
    use counterpart_engine::ledger::{Delta, MAX_BALANCE};
    let shop = points_cafe();
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    let welcome = bal(&s.customer(c).expect("c"), "points");
    let other = uuid::Uuid::from_u128(7);
    let delta = |amount: i64| Delta {
        account: Account::Points,
        amount,
        rule: "adjustment".into(),
        why: "hand-made".into(),
        message: None,
    };
    let mut events = Vec::new();
    for seq in 1..=9 {
        events.push((seq, vec![delta(1_000_000_000_000); 1000]));
    }
    let rest = MAX_BALANCE - 9_000_000_000_000_000 - 5 - welcome;
    events.push((10, vec![delta(rest)]));
    let events: Vec<Event> = events
        .into_iter()
        .map(|(seq, deltas)| {
            from_another_till(
                other,
                seq,
                EventBody::Adjusted {
                    customer: c,
                    reason: "hand-made".into(),
                    deltas,
                },
            )
        })
        .collect();
    s.import_events(&events).expect("applied");
    assert_eq!(bal(&s.customer(c).expect("c"), "points"), MAX_BALANCE - 5);
    let e = s
        .adjust(c, Account::Points, 10, "goodwill", None)
        .expect_err("past the bound");
    assert!(e.to_string().contains("past the ±"), "{e}");
    s.adjust(c, Account::Points, 5, "goodwill", None)
        .expect("up to the bound");
    assert_eq!(bal(&s.customer(c).expect("c"), "points"), MAX_BALANCE);
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
}

/// The database holds the till's token and signing key: it, its WAL and
/// shared-memory files, and every backup are readable by their owner only,
/// and a database made before this rule is tightened when the till opens it.
#[cfg(unix)]
#[test]
fn the_database_its_wal_and_backups_are_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    let shop = points_cafe();
    let s = &shop.store;
    let (c, _) = shop.enrol(Profile::default());
    s.record_visit(c, visit(450), None).expect("visit");
    let db = shop.dir.path().join("till.db");
    let backup = shop.dir.path().join("backup.db");
    s.backup(&backup).expect("backup");
    let mut files = vec![db.clone(), backup];
    for suffix in ["db-wal", "db-shm"] {
        let companion = db.with_extension(suffix);
        assert!(
            companion.exists(),
            "{} while the till runs",
            companion.display()
        );
        files.push(companion);
    }
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }

    // A database made world-readable (by an older version, or a copy) is
    // tightened on open.
    let old = shop.dir.path().join("old.db");
    std::fs::copy(&files[1], &old).expect("copy");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let reopened =
        counterpart_engine::Store::open(&old, shop.clock.clone()).expect("open the old file");
    assert_eq!(mode(&old), 0o600);
    assert!(
        reopened.events().expect("events").len() >= 2,
        "the copy's history reads"
    );
}

/// The files of `shop` (database, WAL, a backup made now) that still hold
/// any of `marks`, with the mark.
fn traces_in_files(shop: &Shop, marks: &[&str]) -> Vec<String> {
    let backup = shop
        .dir
        .path()
        .join(format!("scan-{}.db", uuid::Uuid::new_v4()));
    shop.store.backup(&backup).expect("backup");
    let db = shop.dir.path().join("till.db");
    let mut files = vec![db.clone(), backup];
    let wal = db.with_extension("db-wal");
    if wal.exists() {
        files.push(wal);
    }
    let mut found = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("read");
        for mark in marks {
            if bytes.windows(mark.len()).any(|w| w == mark.as_bytes()) {
                found.push(format!("`{mark}` in {}", file.display()));
            }
        }
    }
    found
}

/// Erasure erases the person: after "merge A into B", erasing B — or A, the
/// record merged away, which was refused ("merged into B: erase that one") —
/// leaves nothing of either record's name, phone or e-mail in the files.
#[test]
fn erasing_either_record_of_a_merged_person_erases_both() {
    for name_the_closed_record in [false, true] {
        let shop = points_cafe();
        let s = &shop.store;
        let marks = [
            "Zenobia Oldcard",
            "+48600222333",
            "Zenobia Newcard",
            "zenobia.newcard@example.org",
        ];
        let (a, _) = shop.enrol(Profile {
            name: Some(marks[0].into()),
            phone: Some(marks[1].into()),
            ..Default::default()
        });
        let (b, _) = shop.enrol(Profile {
            name: Some(marks[2].into()),
            email: Some(marks[3].into()),
            ..Default::default()
        });
        s.record_visit(a, visit(450), None).expect("visit a");
        s.record_visit(b, visit(450), None).expect("visit b");
        for i in 0..20 {
            shop.enrol(Profile {
                name: Some(format!("Regular {i}")),
                ..Default::default()
            });
        }
        s.merge(a, b, None).expect("merge");
        let named = if name_the_closed_record { a } else { b };
        s.erase(named, None).expect("either record may be named");
        let traces = traces_in_files(&shop, &marks);
        assert!(
            traces.is_empty(),
            "naming the closed record {name_the_closed_record}: {traces:?}"
        );
        for c in [a, b] {
            let e = s.erase(c, None).expect_err("erased already");
            assert_eq!(e.code(), "refused.customer_closed", "{e}");
        }
        assert!(s.find_customers("Zenobia", 10).expect("find").is_empty());
        assert_eq!(s.find_customers("Regular 7", 10).expect("find").len(), 1);
        let r = s.rebuild(false, |_, _| {}).expect("rebuild");
        assert!(r.differences.is_empty(), "{:?}", r.differences);
    }
}

/// A merge made on a till that was offline arrives after the erasure it
/// predates: the record it joins to the erased one is erased too, and a
/// rebuild from the ledger agrees.
#[test]
fn a_merge_arriving_after_an_erasure_brings_the_other_record_under_it() {
    let shop = points_cafe();
    let s = &shop.store;
    let (b, _) = shop.enrol(Profile {
        name: Some("Ottoline Kept".into()),
        ..Default::default()
    });
    s.erase(b, None).expect("erase b");
    // Another till had enrolled her again and, offline, merged that record
    // into b before hearing of the erasure.
    let other = uuid::Uuid::now_v7();
    let a = uuid::Uuid::now_v7();
    let enrolled = from_another_till(
        other,
        1,
        EventBody::Enrolled {
            customer: a,
            card: counterpart_engine::ledger::CardId(uuid::Uuid::now_v7()),
            code: None,
            profile: Some(Profile {
                name: Some("Ottoline Latecomer".into()),
                phone: Some("+48600444555".into()),
                ..Default::default()
            }),
            deltas: Vec::new(),
        },
    );
    s.import_events(&[enrolled]).expect("enrolment arrives");
    assert_eq!(s.find_customers("Latecomer", 10).expect("find").len(), 1);
    let merged = from_another_till(other, 2, EventBody::Merged { from: a, into: b });
    s.import_events(&[merged]).expect("merge arrives");
    assert!(s.find_customers("Latecomer", 10).expect("find").is_empty());
    let traces = traces_in_files(&shop, &["Ottoline", "+48600444555"]);
    assert!(traces.is_empty(), "{traces:?}");
    let r = s.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
}

/// An enrolment's idempotency fingerprint is a hash of what was typed (name,
/// phone): after the erasure it is gone from the database, so a guess at her
/// phone cannot be checked against it; a retry of that enrolment is refused,
/// never recorded again.
#[test]
fn an_erased_enrolments_request_hash_goes_with_her_data() {
    let shop = points_cafe();
    let s = &shop.store;
    let enrolment = || counterpart_engine::till::Enrolment {
        profile: Profile {
            name: Some("Cordelia Hashley".into()),
            phone: Some("+48600777888".into()),
            ..Default::default()
        },
        card_code: None,
    };
    let o = s.enrol(enrolment(), Some("enrol-cordelia")).expect("enrol");
    let her = o.customer.expect("customer").record.id;
    let stored = |key: &str| -> Option<String> {
        let conn = rusqlite::Connection::open(shop.dir.path().join("till.db")).expect("open");
        conn.query_row(
            "SELECT request FROM events WHERE idempotency_key = ?",
            [key],
            |r| r.get(0),
        )
        .expect("the enrolment's row")
    };
    assert!(
        stored("enrol-cordelia").is_some_and(|h| h.len() == 64),
        "a hash was kept"
    );
    s.erase(her, None).expect("erase");
    assert_eq!(stored("enrol-cordelia").as_deref(), Some(""));
    let e = s
        .enrol(enrolment(), Some("enrol-cordelia"))
        .expect_err("the retry is refused");
    assert_eq!(e.code(), "idempotency.mismatch", "{e}");
    assert!(s.find_customers("Hashley", 10).expect("find").is_empty());
}
