//! The command layer as a screen uses it: requests from JSON, amounts as
//! decimals, bad input refused with a field and nothing changed.

use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::*;
use crate::clock::ManualClock;
use crate::error::ErrorCode;

const PROGRAM: &str = include_str!("../../../examples/programs/points-cafe.toml");

/// A till in a new USD shop in New York, on a Tuesday at 10:00 (after the
/// early-bird offer), with `manager` as its first staff member if any; the
/// answer is signed in as nobody.
pub(super) fn set_up(
    manager: Option<FirstManager>,
) -> (tempfile::TempDir, Arc<ManualClock>, Commands) {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 3, 15, 0, 0).unwrap(),
    ));
    let till = Commands::open(&dir.path().join("till.db"), clock.clone()).expect("open");
    let info = till
        .set_up_shop(&SetUpShop {
            shop: "Corner Café".into(),
            currency: "USD".into(),
            timezone: "America/New_York".into(),
            day_starts_at: 4,
            manager,
            example: None,
        })
        .expect("set up");
    assert_eq!((info.currency.as_str(), info.currency_decimals), ("USD", 2));
    (dir, clock, till)
}

/// [`set_up`] with nobody on the staff and the points program published.
fn shop() -> (tempfile::TempDir, Commands) {
    let (dir, _clock, till) = set_up(None);
    till.publish_program(&PublishProgram {
        source: PROGRAM.into(),
        key: None,
    })
    .expect("publish");
    (dir, till)
}

/// A new member, enrolled with nothing but a card.
fn new_member(till: &Commands) -> crate::store::CustomerRecord {
    till.enrol(&Enrol::default())
        .expect("enrol")
        .customer
        .expect("customer")
        .record
}

fn request<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("a request from a screen's JSON")
}

fn points(summary: &crate::store::CustomerSummary) -> i64 {
    summary
        .balances
        .iter()
        .find(|b| b.account == "points")
        .map_or(0, |b| b.amount)
}

#[test]
fn a_visit_from_json_takes_its_amount_as_a_decimal_in_the_shop_currency() {
    let (_dir, till) = shop();
    let enrolled = till
        .enrol(&request(
            r#"{"profile": {"name": "Ada", "marketing_consent": true}}"#,
        ))
        .expect("enrol");
    let customer = enrolled.customer.expect("customer").record.id;
    let visit: RecordVisit = request(&format!(
        r#"{{"customer": {{"customer": "{customer}"}}, "amount": "12.50", "key": "k1"}}"#
    ));
    let outcome = till.record_visit(&visit).expect("visit");
    // $12.50 at $1 = 1 point, rounded down: 12, on top of the welcome bonus.
    let after = outcome.customer.expect("customer after");
    assert_eq!(points(&after), 20 + 12);
    // The same key again records nothing new.
    let again = till.record_visit(&visit).expect("repeat");
    assert!(again.duplicate);
    assert_eq!(
        points(
            &till
                .customer(&CustomerRef::Customer(customer))
                .expect("show")
        ),
        32
    );
}

#[test]
fn bad_amounts_are_refused_on_the_amount_field_and_change_nothing() {
    let (_dir, till) = shop();
    let customer = new_member(&till).id;
    for amount in ["4.505", "1,000.00", "1e3", "", "four", "+-1"] {
        let e = till
            .record_visit(&RecordVisit {
                customer: CustomerRef::Customer(customer),
                amount: amount.into(),
                items: vec![],
                coupon: None,
                key: None,
            })
            .expect_err(amount);
        let report = crate::error::ErrorReport::from(&e);
        assert_eq!(report.code, ErrorCode::InvalidInput, "{amount}");
        assert_eq!(report.field.as_deref(), Some("amount"), "{amount}");
    }
    let summary = till
        .customer(&CustomerRef::Customer(customer))
        .expect("show");
    assert_eq!(summary.record.visits, 0);
    assert_eq!(points(&summary), 20);
}

#[test]
fn a_screen_typo_is_an_error_not_a_dropped_field() {
    let typo = serde_json::from_str::<RecordVisit>(
        r#"{"customer": {"card": "x"}, "amount": "1.00", "coupon_code": "SPRING"}"#,
    );
    assert!(typo.is_err());
    let both = serde_json::from_str::<CustomerRef>(r#"{"card": "x", "customer": "y"}"#);
    assert!(both.is_err());
}

#[test]
fn cards_scanned_or_typed_find_the_customer() {
    let (_dir, till) = shop();
    let enrolled = till
        .enrol(&request(r#"{"profile": {"name": "Bea"}}"#))
        .expect("enrol");
    let record = enrolled.customer.expect("customer").record;
    let codes = &record.card_codes[0];
    let scanned = till
        .scan(codes.code.as_deref().expect("signed code"))
        .expect("scan");
    assert_eq!(scanned.customer.record.id, record.id);
    assert_eq!(scanned.card, codes.card);
    let typed = till
        .lookup_typed_code(codes.fallback.as_deref().expect("typed code"))
        .expect("typed");
    assert_eq!(typed.len(), 1);
    assert_eq!(typed[0].id, record.id);
    let by_card = till
        .customer(&CustomerRef::Card(codes.card.clone()))
        .expect("by number");
    assert_eq!(by_card.record.id, record.id);
    let forged = till.scan("CP1.AAAA.BBBB").expect_err("garbage");
    assert!(forged.code().starts_with("card."), "{}", forged.code());
}

#[test]
fn adjustments_parse_the_account_and_money_by_account() {
    let (_dir, till) = shop();
    let customer = new_member(&till).id;
    let adjust = |account: &str, amount: &str| {
        till.adjust(&Adjust {
            customer: CustomerRef::Customer(customer),
            account: account.into(),
            amount: amount.into(),
            reason: "till count".into(),
            allow_negative: false,
            key: None,
        })
    };
    let outcome = adjust("points", "+5").expect("points");
    assert_eq!(outcome.deltas[0].amount, 5);
    // Cashback is money in the shop's currency (two decimals for USD); this
    // program has none, which the store says on the account.
    for (account, amount, field, why) in [
        ("cashback", "1.255", "amount", "three decimals"),
        ("cashback", "1.25", "account", "no cashback in this program"),
        ("points", "1.5", "amount", "fractional points"),
        ("gold", "1", "account", "no such account"),
    ] {
        let e = adjust(account, amount).expect_err(why);
        assert_eq!(
            crate::error::ErrorReport::from(&e).field.as_deref(),
            Some(field),
            "{why}"
        );
    }
    // Going below zero needs a manager's confirmation.
    let e = adjust("points", "-1000").expect_err("below zero");
    assert_eq!(e.error_code(), ErrorCode::RefusedBelowZero);
}

#[test]
fn lookups_are_short_lists_and_say_when_the_limit_is_wrong() {
    let (_dir, till) = shop();
    for name in ["Anna One", "Anna Two", "Anna Three"] {
        till.enrol(&Enrol {
            profile: ProfileForm {
                name: Some(name.into()),
                ..ProfileForm::default()
            },
            ..Enrol::default()
        })
        .expect("enrol");
    }
    let found = till
        .find_customers(&request(r#"{"query": "anna", "limit": 2}"#))
        .expect("find");
    assert_eq!(found.len(), 2);
    let e = till
        .find_customers(&request(r#"{"query": "anna", "limit": 0}"#))
        .expect_err("limit 0");
    assert_eq!(
        crate::error::ErrorReport::from(&e).field.as_deref(),
        Some("limit")
    );
}

#[test]
fn a_birthday_must_be_a_date() {
    let (_dir, till) = shop();
    let e = till
        .enrol(&request(r#"{"profile": {"birthday": "17/05/1990"}}"#))
        .expect_err("not ISO");
    assert_eq!(
        crate::error::ErrorReport::from(&e).field.as_deref(),
        Some("birthday")
    );
}

#[cfg(feature = "print")]
#[test]
fn card_sheets_hold_ten_cards_a_page_with_their_typed_codes() {
    let (_dir, till) = shop();
    let sheets = till.card_sheets(12).expect("sheets");
    assert_eq!(sheets.len(), 2);
    assert_eq!(sheets[0].cards.len(), 10);
    assert!(sheets[0].svg.contains(&sheets[0].cards[3].typed));
    assert!(till.card_sheets(0).is_err());
}

#[cfg(feature = "sync")]
#[test]
fn sync_on_a_till_not_paired_says_so_with_its_code() {
    let (_dir, till) = shop();
    let e = till.sync_round(|_| {}).expect_err("not paired");
    assert_eq!(e.error_code(), ErrorCode::SyncNotPaired);
    assert!(e.is_user_error());
    let overview = till.sync_overview().expect("overview");
    assert!(!overview.paired);
    assert!(overview.waiting > 0, "the shop's events wait for a server");
}

#[cfg(feature = "scan")]
#[test]
fn a_scanner_event_reaches_the_screen_as_its_customer_or_its_refusal() {
    use crate::scan::{CameraStatus, ScanEvent};
    let (_dir, till) = shop();
    let record = new_member(&till);
    let code = record.card_codes[0].code.clone().expect("a signed code");
    let read = |text: &str| ScanEvent::Code {
        text: text.into(),
        latency: std::time::Duration::from_millis(12),
    };
    match till.scan_notice(read(&code)) {
        ScanNotice::Customer {
            latency_ms,
            scanned,
        } => {
            assert_eq!(scanned.customer.record.id, record.id);
            assert!((latency_ms - 12.0).abs() < 1e-9);
        }
        other => panic!("not the customer: {other:?}"),
    }
    match till.scan_notice(read("not a card")) {
        ScanNotice::Refused {
            error, code, card, ..
        } => {
            assert_eq!(error.code, ErrorCode::CardGarbled);
            assert_eq!(code, "not a card");
            assert_eq!(card, None, "not a card an enrolment could take");
        }
        other => panic!("not refused: {other:?}"),
    }
    // A card code this till cannot take (here, altered): refused, and offered
    // as a card to an open enrolment form, which will say why it cannot.
    let altered = format!("{}X", &code[..code.len() - 1]);
    match till.scan_notice(read(&altered)) {
        ScanNotice::Refused { card, .. } => assert_eq!(card.as_deref(), Some(altered.as_str())),
        other => panic!("not refused: {other:?}"),
    }
    // A shop's pairing QR is a pairing, never a card lookup: its parts go
    // to the join form's fields.
    let pairing = "counterpart-pair:https://cloud.example#ABCD-EFGH-JKMN";
    assert_eq!(
        till.scan_notice(read(pairing)),
        ScanNotice::Pairing {
            code: "ABCD-EFGH-JKMN".into(),
            server: Some("https://cloud.example".into()),
        }
    );
    assert_eq!(
        till.scan_notice(read("counterpart-pair:WXYZ-2345")),
        ScanNotice::Pairing {
            code: "WXYZ-2345".into(),
            server: None,
        }
    );
    let json = serde_json::to_value(till.scan_notice(ScanEvent::Status(
        CameraStatus::Unavailable("the camera is busy".into()),
    )))
    .expect("json");
    assert_eq!(
        json,
        serde_json::json!({"kind": "camera", "state": "unavailable", "detail": "the camera is busy", "retry": true})
    );
}

#[test]
fn a_new_shop_starts_from_an_example_in_its_currency() {
    let examples = Commands::examples_in("PLN");
    assert!(examples.iter().any(|e| e.id == "points-cafe"));
    assert!(examples
        .iter()
        .all(|e| e.source.contains("currency = \"PLN\"")));
    let dir = tempfile::tempdir().expect("tempdir");
    let till =
        Commands::open(&dir.path().join("till.db"), Arc::new(crate::SystemClock)).expect("open");
    let before = till.overview().expect("overview");
    assert!(
        before.shop.is_none(),
        "no shop before set-up: the first-run screen"
    );
    let set_up = |example: &str| SetUpShop {
        shop: "Kawiarnia".into(),
        currency: "PLN".into(),
        timezone: "Europe/Warsaw".into(),
        day_starts_at: 4,
        manager: None,
        example: Some(example.into()),
    };
    let err = till
        .set_up_shop(&set_up("caviar-club"))
        .expect_err("no such example");
    assert_eq!(err.error_code(), ErrorCode::InvalidInput);
    assert!(
        till.overview().expect("overview").shop.is_none(),
        "nothing was set up"
    );
    till.set_up_shop(&set_up("stamp-cafe")).expect("set up");
    let program = till.program().expect("published");
    assert_eq!(program.program.currency.code(), "PLN");
    let after = till.overview().expect("overview");
    assert_eq!(after.shop.expect("a shop").shop_name, "Kawiarnia");
    assert!(after.staff.runs_open);
}

#[test]
fn a_wedge_burst_is_a_scan_and_typing_is_not() {
    let (_dir, till) = shop();
    let record = new_member(&till);
    let code = record.card_codes[0].code.clone().expect("a signed code");
    let mut wedge = Wedge::default();
    let burst: Vec<WedgeKey> = code
        .chars()
        .map(|c| c.to_string())
        .chain(["Enter".to_string()])
        .enumerate()
        .map(|(i, key)| WedgeKey {
            key,
            at_ms: 1000.0 + i as f64 * 3.0,
        })
        .collect();
    let scanned = till
        .wedge_keys(&mut wedge, &burst)
        .expect("read")
        .expect("a scan");
    assert_eq!(scanned.customer.record.id, record.id);
    // A person typing an amount and Enter, 200 ms a key: no scan.
    let typed: Vec<WedgeKey> = ["4", "5", "0", "Shift", "Enter"]
        .iter()
        .enumerate()
        .map(|(i, k)| WedgeKey {
            key: (*k).into(),
            at_ms: 5000.0 + i as f64 * 200.0,
        })
        .collect();
    assert_eq!(till.wedge_keys(&mut wedge, &typed).expect("typing"), None);
    // A forged burst is refused with the card's code.
    let forged: Vec<WedgeKey> = "CP1.AAAAAAAAAAAAAAAAAAAA\n"
        .chars()
        .enumerate()
        .map(|(i, c)| WedgeKey {
            key: if c == '\n' {
                "Enter".into()
            } else {
                c.to_string()
            },
            at_ms: 9000.0 + i as f64 * 2.0,
        })
        .collect();
    let err = till
        .wedge_keys(&mut wedge, &forged)
        .expect_err("not a card");
    assert!(err.code().starts_with("card."), "{}", err.code());
    // A time the screen could never send (a page's clock does not run for
    // 10^15 years) is bad input, not a panic of the app.
    for at_ms in [f64::NAN, f64::INFINITY, -1.0, 1.8e22, 1e300, f64::MAX] {
        let bad = [WedgeKey {
            key: "1".into(),
            at_ms,
        }];
        assert_eq!(
            till.wedge_keys(&mut wedge, &bad)
                .expect_err("bad time")
                .error_code(),
            ErrorCode::InvalidInput,
            "{at_ms}"
        );
    }
}

#[test]
fn the_demo_shop_has_regulars_with_rewards_and_frames_that_hold_their_cards_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let till =
        Commands::open(&dir.path().join("demo.db"), Arc::new(crate::SystemClock)).expect("open");
    let frames = dir.path().join("frames");
    let demo = till.demo_shop(&frames).expect("demo shop");
    assert_eq!(demo.cards.len(), 3);
    let files = crate::scan::frames::image_files(&frames).expect("frames");
    assert_eq!(files.len(), 3 * (30 + 12));
    // The first regular can have a drink at once; the frames show their card.
    let first = till.scan(&demo.cards[0]).expect("the first regular");
    // Each regular is a customer of the generated history, with their points.
    for (card, points) in demo.cards.iter().zip([130, 40, 95]) {
        let regular = till.scan(card).expect("a regular").customer;
        assert!(regular.record.visits >= 10, "{:?}", regular.record);
        assert_eq!(
            regular
                .balances
                .iter()
                .find(|b| b.account == "points")
                .map(|b| b.amount),
            Some(points)
        );
    }
    assert!(first
        .customer
        .rewards_available
        .iter()
        .any(|r| r.id == "drink"));
    let held = files
        .iter()
        .find_map(|f| crate::scan::decode_image_file(f).ok()?.0)
        .expect("a card in the frames");
    assert_eq!(
        till.scan(&held.text).expect("scan").customer.record.id,
        first.customer.record.id
    );
    // Started again on the same till: the same shop, the frames written again.
    let again = till.demo_shop(&frames).expect("again");
    assert_eq!(again.cards, demo.cards);
    assert!(till
        .find_customers(&FindCustomers {
            query: "Demo".into(),
            limit: None
        })
        .is_ok());
}

#[test]
fn a_birthday_near_today_is_noted_for_staff() {
    let (_dir, till) = shop();
    let enrol = |birthday: &str| {
        till.enrol(&Enrol {
            profile: ProfileForm {
                birthday: Some(birthday.into()),
                ..ProfileForm::default()
            },
            ..Enrol::default()
        })
        .expect("enrol")
        .customer
        .expect("customer")
    };
    // The shop's today is 2026-03-03; the program's birthday window is 3 days.
    let soon = enrol("1990-03-05");
    assert_eq!(
        soon.birthday_near.map(|d| d.to_string()).as_deref(),
        Some("2026-03-05")
    );
    assert_eq!(enrol("1990-04-20").birthday_near, None);
}

#[cfg(feature = "i18n")]
fn english(message: &crate::ledger::Message) -> String {
    crate::i18n::Catalogue::new(crate::i18n::Language::En)
        .render(message)
        .replace(['\u{2068}', '\u{2069}'], "")
}

#[cfg(feature = "i18n")]
#[test]
fn the_sale_sheet_lists_the_offers_running_now() {
    let (_dir, clock, till) = set_up(None);
    till.publish_program(&PublishProgram {
        source: PROGRAM.into(),
        key: None,
    })
    .expect("publish");
    // Tuesday 10:00 in New York: the early bird is over, the coupon runs for
    // anyone, the student bonus not yet (its campaign starts in September).
    let sheet = till.sale_sheet(None).expect("sheet");
    assert!(sheet.items.is_empty(), "the points café counts no products");
    let lines: Vec<(String, String)> = sheet
        .offers
        .iter()
        .map(|o| (o.id.clone(), english(&o.what)))
        .collect();
    assert_eq!(
        lines,
        [(
            "spring".to_string(),
            "coupon SPRING: +30 points: Spring coupon".to_string()
        )]
    );
    // 8:00: double points too.
    clock.set(Utc.with_ymd_and_hms(2026, 3, 3, 13, 0, 0).unwrap());
    let sheet = till.sale_sheet(None).expect("sheet");
    assert_eq!(english(&sheet.offers[0].what), "points ×2: before 9:00");
    assert_eq!(sheet.offers.len(), 2);

    // A student in term time gets the student bonus listed; a regular who
    // has been away 50 days the win-back, and nobody the welcome or the
    // birthday (those are told on their own).
    clock.set(Utc.with_ymd_and_hms(2026, 10, 6, 15, 0, 0).unwrap());
    let student = till
        .enrol(&request(
            r#"{"profile": {"name": "Sam", "tags": ["student"], "marketing_consent": false}}"#,
        ))
        .expect("enrol")
        .customer
        .expect("customer")
        .record
        .id;
    till.record_visit(&request(&format!(
        r#"{{"customer": {{"customer": "{student}"}}, "amount": "4.00"}}"#
    )))
    .expect("visit");
    let who = CustomerRef::Customer(student);
    let ids =
        |sheet: &SaleSheet| -> Vec<String> { sheet.offers.iter().map(|o| o.id.clone()).collect() };
    assert_eq!(
        ids(&till.sale_sheet(Some(&who)).expect("sheet")),
        ["students", "spring"]
    );
    assert_eq!(ids(&till.sale_sheet(None).expect("sheet")), ["spring"]);
    clock.set(Utc.with_ymd_and_hms(2026, 11, 25, 15, 0, 0).unwrap());
    let sheet = till.sale_sheet(Some(&who)).expect("sheet");
    assert_eq!(ids(&sheet), ["come-back", "students", "spring"]);
    assert_eq!(
        english(&sheet.offers[0].what),
        "+25 points: We missed you (50 days away)"
    );
}

#[test]
fn a_tap_on_a_sale_item_earns_the_stamp_its_card_counts() {
    let (_dir, _clock, till) = set_up(None);
    till.publish_program(&PublishProgram {
        source: include_str!("../../../examples/programs/stamp-cafe.toml").into(),
        key: None,
    })
    .expect("publish");
    let sheet = till.sale_sheet(None).expect("sheet");
    let labels: Vec<&str> = sheet.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["coffee"]);
    let customer = till
        .enrol(&request(r#"{"profile": {"marketing_consent": false}}"#))
        .expect("enrol")
        .customer
        .expect("customer")
        .record
        .id;
    let mut coffee = sheet.items[0].item.clone();
    coffee.quantity = 2;
    let after = till
        .record_visit(&RecordVisit {
            customer: CustomerRef::Customer(customer),
            amount: "7.00".into(),
            items: vec![coffee],
            coupon: None,
            key: None,
        })
        .expect("visit")
        .customer
        .expect("customer");
    let stamps = after
        .balances
        .iter()
        .find(|b| b.account == "stamps:coffee")
        .map_or(0, |b| b.amount);
    assert_eq!(stamps, 2, "{after:?}");
}

#[cfg(feature = "i18n")]
#[test]
fn a_reward_out_of_reach_says_what_is_missing() {
    let (_dir, till) = shop();
    let summary = till
        .enrol(&request(r#"{"profile": {"marketing_consent": false}}"#))
        .expect("enrol")
        .customer
        .expect("customer");
    // The welcome bonus: 20 points, short of both rewards.
    assert!(summary.rewards_available.is_empty());
    let why: Vec<(String, String)> = summary
        .rewards_out_of_reach
        .iter()
        .map(|r| (r.id.clone(), english(&r.why)))
        .collect();
    assert_eq!(
        why,
        [
            (
                "drink".to_string(),
                "80 more points needed: the reward costs 100, the customer has 20".to_string()
            ),
            (
                "pastry".to_string(),
                "40 more points needed: the reward costs 60, the customer has 20".to_string()
            ),
        ]
    );
}

#[cfg(feature = "scan")]
#[test]
fn the_camera_chosen_in_the_settings_is_kept_and_checked() {
    let (dir, clock, till) = set_up(None);
    assert_eq!(till.camera_setting().expect("read"), None);
    let e = till
        .set_camera(&CameraSetting {
            index: 1,
            resolution: Some([800, 600]),
        })
        .expect_err("not a resolution on offer");
    assert_eq!(e.error_code(), ErrorCode::InvalidInput);
    assert_eq!(till.camera_setting().expect("read"), None, "nothing kept");
    let chosen = CameraSetting {
        index: 1,
        resolution: Some([1280, 720]),
    };
    till.set_camera(&chosen).expect("choose");
    assert_eq!(
        chosen.source(),
        FrameSourceChoice::Camera {
            index: 1,
            resolution: Some((1280, 720)),
        }
    );
    drop(till);
    // The next start reads it back.
    let again = Commands::open(&dir.path().join("till.db"), clock).expect("reopen");
    assert_eq!(again.camera_setting().expect("read"), Some(chosen));
}

/// A full disk in the middle of the rush: the visit is refused with its own
/// code (retryable, once space is freed), nothing of it is written, nothing
/// stored is damaged, and the next visit goes through when there is room.
#[test]
fn a_full_disk_refuses_a_visit_with_its_own_code_and_damages_nothing() {
    let (_dir, till) = shop();
    let customer = new_member(&till).id;
    let visit = || {
        till.record_visit(&RecordVisit {
            customer: CustomerRef::Customer(customer),
            amount: "5.00".into(),
            items: vec![],
            coupon: None,
            key: None,
        })
    };
    let before = till.customer(&CustomerRef::Customer(customer)).expect("c");
    let events = till.store.events().expect("events").len();
    // The database may not grow by a single page: what a full disk does.
    let pages: i64 = till
        .store
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("pages");
    till.store
        .conn()
        .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .expect("cap");
    let mut refused = None;
    let mut answered = points(&before);
    for _ in 0..200 {
        match visit() {
            Ok(o) => answered = points(&o.customer.expect("the customer")),
            Err(e) => {
                refused = Some(e);
                break;
            }
        }
    }
    let e = refused.expect("the disk filled up");
    let report = crate::error::ErrorReport::from(&e);
    assert_eq!(report.code, ErrorCode::DiskFull, "{e}");
    assert!(report.retryable);
    let after = till.customer(&CustomerRef::Customer(customer)).expect("c");
    // Every visit that answered is there, whole; the refused one is not.
    assert_eq!(points(&after), answered);
    assert!(till.store.events().expect("events").len() >= events);
    let check: String = till
        .store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok");
    let r = till.store.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
    // Space freed: the next visit is recorded.
    till.store
        .conn()
        .query_row("PRAGMA max_page_count = 1073741823", [], |r| {
            r.get::<_, i64>(0)
        })
        .expect("uncap");
    visit().expect("recorded once there is room");
}
