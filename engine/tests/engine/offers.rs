//! Offers with a held-out group: the held out never get the offer, and the
//! report compares the groups by hand computation.

use chrono::NaiveDate;
use counterpart_engine::command::{Commands, CustomerRef, OffersTableFile};
use counterpart_engine::ledger::{CustomerId, Profile};
use counterpart_engine::program::{holdout_bucket, parse_program, Offer};
use counterpart_engine::report::{offers_of, Cell, OffersOf};
use counterpart_engine::store::{Client, Clientele, VisitRow};
use counterpart_engine::Location;
use uuid::Uuid;

use crate::common::*;

/// The points café with a bonus of 10 points on every visit from 2 to 15
/// November 2026, half its customers held out.
fn program(extra: &str) -> String {
    format!(
        "{}\n[[offers]]\nid = \"november\"\nname = \"November bonus\"\nkind = \"bonus\"\nbonus_points = 10\nstarts = 2026-11-02\nends = 2026-11-15\nholdout_percent = 50\n{extra}",
        example("points-cafe.toml")
    )
}

fn shop() -> Shop {
    Shop::new(&program(""), "USD", "UTC", 0, utc(2026, 11, 1, 10, 0))
}

fn november(text: &str) -> Offer {
    parse_program(text)
        .expect("program")
        .offers
        .into_iter()
        .find(|o| o.id == "november")
        .expect("the November offer")
}

/// The draw is a fixed function of the offer and the customer: a till of
/// another version, or the same till after a restart, draws the same groups.
#[test]
fn the_draw_is_the_same_everywhere() {
    let nil = Uuid::nil();
    let one = Uuid::from_u128(1);
    assert_eq!(
        holdout_bucket("november", nil),
        holdout_bucket("november", nil)
    );
    // Known answers: changing the hash would move customers between the
    // groups of an offer that is running.
    assert_eq!(
        (
            holdout_bucket("november", nil),
            holdout_bucket("november", one)
        ),
        (KNOWN_NIL, KNOWN_ONE)
    );
    // About the share asked for, over many customers.
    let offer = november(&program(""));
    let held = (0..10_000u128)
        .filter(|i| offer.holds_out(Uuid::from_u128(i * 7919 + 13)))
        .count();
    assert!((4_800..=5_200).contains(&held), "{held} of 10000 held out");
}

/// The draws of the nil id and of id 1 for `november`, computed apart from
/// the engine (Python: `int.from_bytes(hashlib.sha256(b"counterpart
/// holdout\0november\0" + uuid.UUID(int=n).bytes).digest()[:8], "big") % 100`).
const KNOWN_NIL: u8 = 71;
const KNOWN_ONE: u8 = 98;

/// A held-out customer's visits never carry the offer, nor does the sale
/// sheet show it to them; the others' do. Then the report, with enough
/// customers in each group, compares them: everyone given the offer came
/// twice, everyone held out once, $5 a visit.
#[test]
fn held_out_customers_never_get_it_and_the_report_compares_the_groups() {
    let shop = shop();
    let s = &shop.store;
    let till = Commands::over(s.store().clone());
    let offer = november(&program(""));
    let (mut exposed, mut held_out) = (Vec::new(), Vec::new());
    shop.at(utc(2026, 11, 3, 12, 0));
    while exposed.len() < 30 || held_out.len() < 30 {
        assert!(exposed.len() + held_out.len() < 300, "the draw is lopsided");
        let (id, _) = shop.enrol(Profile::default());
        let sheet = till
            .sale_sheet(Some(&CustomerRef::Customer(id)))
            .expect("sale sheet");
        let shown = sheet.offers.iter().any(|o| o.id == "november");
        let outcome = s.record_visit(id, visit(5_00), None).expect("visit");
        let given = outcome.deltas.iter().any(|d| d.rule == "offer:november");
        assert_eq!(given, shown, "the sheet shows what the visit gives");
        assert_eq!(given, !offer.holds_out(id), "the draw decides");
        if given {
            s.record_visit(id, visit(5_00), None).expect("second visit");
            exposed.push(id);
        } else {
            held_out.push(id);
        }
    }
    // Held out for the offer's life: a later visit does not get it either.
    shop.at(utc(2026, 11, 14, 12, 0));
    let later = s
        .record_visit(held_out[0], visit(5_00), None)
        .expect("visit");
    assert!(later.deltas.iter().all(|d| d.rule != "offer:november"));
    // Joined after the offer ended: not eligible.
    shop.at(utc(2026, 11, 18, 12, 0));
    let (late, _) = shop.enrol(Profile::default());
    s.record_visit(late, visit(5_00), None).expect("visit");

    shop.at(utc(2026, 11, 20, 12, 0));
    let r = till.offers().expect("offers");
    assert_eq!(r.offers.len(), 1, "only the offer with a held-out group");
    let o = &r.offers[0];
    assert_eq!(o.offer, "november");
    assert_eq!(o.holdout_percent, 50);
    assert_eq!(
        (o.from.to_string(), o.to.to_string()),
        ("2026-11-02".into(), "2026-11-15".into())
    );
    assert_eq!((o.days, o.running), (14, false));
    let (ne, nh) = (len(&exposed), len(&held_out));
    assert_eq!(o.exposed.customers, ne);
    assert_eq!(o.held_out.customers, nh);
    assert_eq!(o.exposed.visits, 2 * ne);
    assert_eq!(
        o.held_out.visits,
        nh + 1,
        "one held-out customer came again"
    );
    assert_eq!(o.exposed.spend, money(10_00 * ne));
    assert_eq!(o.exposed.visits_per_customer, Some(2.0));
    assert_eq!(o.exposed.spend_per_customer.as_deref(), Some("10.00"));
    assert!(o.enough_data);
    let u = o.uplift.as_ref().expect("enough data");
    // Held out: nh − 1 customers came once, one twice.
    let mean_h = (nh + 1) as f64 / nh as f64;
    let var_h =
        ((nh - 1) as f64 * (1.0 - mean_h).powi(2) + (2.0 - mean_h).powi(2)) / (nh - 1) as f64;
    let half = 1.959_964 * (var_h / nh as f64).sqrt();
    let d = 2.0 - mean_h;
    assert!((u.visits.difference - d).abs() < 1e-12);
    assert!((u.visits.low - (d - half)).abs() < 1e-12);
    assert!((u.visits.high - (d + half)).abs() < 1e-12);
    assert!((u.visits.relative.expect("relative") - d / mean_h).abs() < 1e-12);
    let cents = |x: f64| money((x * 500.0).round() as i64);
    assert_eq!(u.spend.difference, cents(d));
    assert_eq!(u.spend.low, cents(d - half));
    assert_eq!(u.spend.high, cents(d + half));

    // The file says what the report says.
    let file = till
        .offers_csv(&OffersTableFile {
            table: "offers".into(),
            language: "en".into(),
        })
        .expect("csv");
    assert!(file.text.contains(&format!(
        "November bonus,2026-11-02,2026-11-15,Held out,{nh},{},",
        nh + 1
    )));

    // A barista does not read it.
    let (_, bo) = manager_and_barista(&till);
    assert_eq!(bo.offers().expect_err("a barista").code(), "auth.forbidden");
}

fn len(v: &[CustomerId]) -> i64 {
    i64::try_from(v.len()).expect("small")
}

fn money(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// Customers from `first` on, each in the group asked for.
fn drawn(offer: &Offer, held_out: bool, n: usize) -> Vec<CustomerId> {
    (1..)
        .map(Uuid::from_u128)
        .filter(|id| offer.holds_out(*id) == held_out)
        .take(n)
        .collect()
}

fn client(id: CustomerId, joined: NaiveDate, tags: &[&str]) -> Client {
    Client {
        id,
        name: None,
        phone: None,
        email: None,
        consent: false,
        erased: false,
        enrolled: Some(joined.and_hms_opt(9, 0, 0).expect("time").and_utc()),
        merged_into: None,
        tags: tags.iter().map(|t| (*t).to_string()).collect(),
    }
}

/// The uplift by hand, on seven customers with the minimums lowered:
///
/// | given the offer | visits | spend | held out | visits | spend |
/// |-----------------|-------:|------:|----------|-------:|------:|
/// | E1              | 1      | $5    | H1       | 0      | $0    |
/// | E2              | 2      | $10   | H2       | 1      | $5    |
/// | E3              | 3      | $15   | H3       | 2      | $10   |
/// | E4              | 2      | $10   |          |        |       |
///
/// Visits: means 2 and 1, sample variances 2/3 and 1, so the difference is
/// 1 ± 1.959964 × √(2/3 ÷ 4 + 1 ÷ 3) = 1 ± 1.385904 (−0.39 to 2.39), and
/// 100 % of the held-out mean. Spend: five dollars a visit, $5.00 ± $6.93
/// (−$1.93 to $11.93).
///
/// A visit before the offer, a customer who joined after it, and one
/// without the offer's tag count nowhere; a merged-away record's visits
/// count for its survivor.
#[test]
fn the_uplift_by_hand() {
    let text = program("tags = [\"office\"]\n");
    let offer = november(&text);
    let e = drawn(&offer, false, 6);
    let h = drawn(&offer, true, 3);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).expect("day");
    let joined = NaiveDate::from_ymd_opt(2026, 10, 1).expect("day");
    let mut clients: Vec<Client> = e[..4]
        .iter()
        .chain(&h)
        .map(|id| client(*id, joined, &["office"]))
        .collect();
    // E5 joined after the offer; E6 has no office tag.
    clients.push(client(e[4], day(16), &["office"]));
    clients.push(client(e[5], joined, &[]));
    // A record merged into E2, with one of E2's visits.
    let merged = Uuid::from_u128(u128::MAX);
    let mut twin = client(merged, joined, &[]);
    twin.merged_into = Some(e[1]);
    clients.push(twin);
    let v = |customer: CustomerId, d: u32| VisitRow {
        customer,
        day: day(d),
        amount: 5_00,
    };
    let visits = vec![
        v(e[0], 3),
        v(e[1], 3),
        v(merged, 4),
        v(e[2], 3),
        v(e[2], 4),
        v(e[2], 15),
        v(e[3], 5),
        v(e[3], 6),
        v(h[1], 7),
        v(h[2], 8),
        v(h[2], 9),
        // Before the offer, and by those who count nowhere.
        v(h[0], 1),
        v(e[4], 17),
        v(e[5], 3),
    ];
    let location = Location::new("Test Shop", "USD", "UTC", 0).expect("location");
    let program = parse_program(&text).expect("program");
    let mut of = OffersOf {
        as_of: day(20),
        location: &location,
        offers: &program.offers,
        last_sync: None,
        min_group: 3,
        min_days: 7,
    };
    let clientele = Clientele { clients, visits };
    let r = offers_of(&of, &clientele);
    let o = &r.offers[0];
    assert_eq!((o.exposed.customers, o.exposed.visits), (4, 8));
    assert_eq!((o.held_out.customers, o.held_out.visits), (3, 3));
    assert_eq!(o.exposed.spend, "40.00");
    assert_eq!(o.held_out.spend_per_customer.as_deref(), Some("5.00"));
    let u = o.uplift.as_ref().expect("enough data");
    assert!((u.visits.difference - 1.0).abs() < 1e-12);
    assert!(
        (u.visits.low - (1.0 - 1.385_904)).abs() < 1e-6,
        "{}",
        u.visits.low
    );
    assert!((u.visits.high - (1.0 + 1.385_904)).abs() < 1e-6);
    assert_eq!(u.visits.relative, Some(1.0));
    assert_eq!(
        (
            u.spend.difference.as_str(),
            u.spend.low.as_str(),
            u.spend.high.as_str()
        ),
        ("5.00", "-1.93", "11.93")
    );
    assert_eq!(u.spend.relative.as_deref(), Some("1.0000"));
    let tables = r.tables();
    let uplift = &tables[1];
    assert_eq!(uplift.id, "offers-uplift");
    assert_eq!(uplift.rows[1][2], Cell::Money("5.00".into()));

    // The same with the report's own minimums: not enough data, no uplift.
    of.min_group = counterpart_engine::report::MIN_GROUP;
    let r = offers_of(&of, &clientele);
    assert!(!r.offers[0].enough_data);
    assert!(r.offers[0].uplift.is_none());
    assert_eq!(
        r.tables()[1].rows[0][2],
        Cell::Label("report-cell-not-enough-data".into())
    );
    // Nor before the offer has run seven days.
    of.min_group = 3;
    of.as_of = day(7);
    let r = offers_of(&of, &clientele);
    assert_eq!((r.offers[0].days, r.offers[0].running), (6, true));
    assert!(r.offers[0].uplift.is_none());
    // And not at all before it starts.
    of.as_of = day(1);
    assert!(offers_of(&of, &clientele).offers.is_empty());
}

/// The program refuses a held-out share it could not measure.
#[test]
fn a_holdout_the_report_could_not_measure_is_refused() {
    let shop = shop();
    for (extra, field) in [
        ("holdout_percent = 60", "holdout_percent"),
        (
            "[[offers]]\nid = \"w\"\nname = \"W\"\nkind = \"welcome\"\nbonus_points = 5\nstarts = 2026-11-01\nholdout_percent = 10",
            "holdout_percent",
        ),
        (
            "[[offers]]\nid = \"b\"\nname = \"B\"\nkind = \"bonus\"\nbonus_points = 5\nholdout_percent = 10",
            "starts",
        ),
    ] {
        let text = if extra.starts_with("holdout") {
            program("").replace("holdout_percent = 50", extra)
        } else {
            program(extra)
        };
        let e = shop
            .store
            .publish_program(&text, None)
            .expect_err("refused");
        assert!(e.to_string().contains(field), "{extra}: {e}");
    }
}
