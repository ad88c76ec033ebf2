//! Reports against hand computations.

use counterpart_engine::command::{AddStaff, CloseOfDay, Commands, Pin};
use counterpart_engine::ledger::{Account, Profile, Role};
use counterpart_engine::program::Name;

use crate::common::*;

fn close(shop: &Shop, day: &str) -> counterpart_engine::report::DailyClose {
    Commands::over(shop.store.store().clone())
        .daily_close(&CloseOfDay {
            day: Some(day.into()),
        })
        .expect("close")
}

/// A Saturday in New York, whose business day starts at 04:00 (UTC−5 in
/// November): what counts, what belongs to the days either side, a void, a
/// redemption after midnight and an adjustment, each computed by hand.
#[test]
fn the_daily_close_of_a_saturday_computed_by_hand() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "America/New_York",
        4,
        utc(2026, 11, 20, 20, 0),
    );
    let s = &shop.store;
    // Friday 15:00: Cy enrols; Saturday 03:59 (before the day starts) Cy visits.
    let (cy, _) = shop.enrol(Profile::default());
    shop.at(utc(2026, 11, 21, 8, 59));
    s.record_visit(cy, visit(2_00), None).expect("Friday's");
    // Saturday 10:00 Ann enrols (+20), 11:00 visits $10 (+10).
    shop.at(utc(2026, 11, 21, 15, 0));
    let (ann, _) = shop.enrol(Profile::default());
    shop.at(utc(2026, 11, 21, 16, 0));
    s.record_visit(ann, visit(10_00), None).expect("visit");
    // 11:30 Bob enrols (+20); 12:15 $4.50 (+4); 12:20 $7.25, voided at 12:25.
    shop.at(utc(2026, 11, 21, 16, 30));
    let (bob, _) = shop.enrol(Profile::default());
    shop.at(utc(2026, 11, 21, 17, 15));
    s.record_visit(bob, visit(4_50), None).expect("visit");
    shop.at(utc(2026, 11, 21, 17, 20));
    let wrong = s.record_visit(bob, visit(7_25), None).expect("visit");
    shop.at(utc(2026, 11, 21, 17, 25));
    s.void(wrong.event_id, "wrong customer", None)
        .expect("void");
    // 23:30 Ann $100 (+100); 01:40 Sunday (still Saturday's day) a drink (−100).
    shop.at(utc(2026, 11, 22, 4, 30));
    s.record_visit(ann, visit(10_000), None).expect("visit");
    shop.at(utc(2026, 11, 22, 6, 40));
    s.redeem(ann, "drink", None).expect("drink");
    // 02:00 a goodwill adjustment for Bob; 05:00 Sunday's day: Bob $3.
    shop.at(utc(2026, 11, 22, 7, 0));
    s.adjust(bob, Account::Points, 15, "goodwill", None)
        .expect("adjust");
    shop.at(utc(2026, 11, 22, 10, 0));
    s.record_visit(bob, visit(3_00), None).expect("Sunday's");

    let c = close(&shop, "2026-11-21");
    assert_eq!(c.hours, 24);
    assert_eq!(c.from, utc(2026, 11, 21, 9, 0));
    assert_eq!(c.until, utc(2026, 11, 22, 9, 0));
    assert_eq!(c.visits, 3, "the voided visit counts nowhere but in voids");
    assert_eq!(c.customers, 2);
    assert_eq!(c.enrolments, 2);
    assert_eq!(c.sales, "114.50");
    assert_eq!(c.average_check, "38.17", "114.50 / 3 = 38.1666…");
    assert_eq!((c.points.issued, c.points.redeemed), (154, 100));
    assert_eq!((c.stamps.issued, c.stamps.redeemed), (0, 0));
    assert_eq!(
        (c.cashback.issued.as_str(), c.cashback.spent.as_str()),
        ("0.00", "0.00")
    );
    assert_eq!(c.rewards.len(), 1);
    assert_eq!(
        (c.rewards[0].reward.as_str(), c.rewards[0].count),
        ("drink", 1)
    );
    let hours: Vec<(u32, i64, &str)> = c
        .by_hour
        .iter()
        .map(|h| (h.hour, h.visits, h.sales.as_str()))
        .collect();
    assert_eq!(
        hours,
        vec![(11, 1, "10.00"), (12, 1, "4.50"), (23, 1, "100.00")]
    );
    assert_eq!(c.by_staff.len(), 1, "the till runs open: nobody signed in");
    let nobody = &c.by_staff[0];
    assert_eq!(
        (
            nobody.staff.as_deref(),
            nobody.visits,
            nobody.sales.as_str(),
            nobody.points_issued,
            nobody.redeemed
        ),
        (None, 3, "114.50", 114, 1)
    );
    assert_eq!(c.voids.len(), 1);
    assert_eq!(c.voids[0].target, wrong.event_id);
    assert_eq!(c.voids[0].reason, "wrong customer");
    assert_eq!(
        c.voids[0].local_time, "12:25",
        "the location's time, not UTC"
    );
    assert_eq!(c.adjustments.len(), 1);
    assert_eq!(
        (
            c.adjustments[0].customer,
            c.adjustments[0].account.as_str(),
            c.adjustments[0].amount
        ),
        (bob, "points", 15)
    );
    assert!(c.conflicts.is_empty() && c.unusual.is_empty());

    // The days either side hold what this one left out.
    let friday = close(&shop, "2026-11-20");
    assert_eq!(
        (friday.visits, friday.enrolments, friday.sales.as_str()),
        (1, 1, "2.00")
    );
    let sunday = close(&shop, "2026-11-22");
    assert_eq!((sunday.visits, sunday.sales.as_str()), (1, "3.00"));
    assert!(sunday.voids.is_empty() && sunday.adjustments.is_empty());
}

/// A business day across a daylight-saving change has 23 or 25 hours.
#[test]
fn business_days_across_daylight_saving_have_23_and_25_hours() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "America/New_York",
        4,
        utc(2026, 3, 1, 15, 0),
    );
    // Clocks go forward at 02:00 on Sunday 8 March: Saturday's day runs to 04:00 EDT.
    assert_eq!(close(&shop, "2026-03-07").hours, 23);
    assert_eq!(close(&shop, "2026-03-08").hours, 24);
    // And back at 02:00 on Sunday 1 November: Saturday's day has 25 hours.
    assert_eq!(close(&shop, "2026-10-31").hours, 25);
}

/// A customer with more loyalty actions in a day than the close lets pass is
/// listed with how many; the close is a manager's; a day that does not exist
/// is refused with the field at fault.
#[test]
fn unusual_activity_permissions_and_bad_days() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 23, 10, 0),
    );
    let s = &shop.store;
    let (eve, _) = shop.enrol(Profile::default());
    for minute in 0..6 {
        shop.at(utc(2026, 11, 23, 11, minute));
        s.record_visit(eve, visit(1_00), None).expect("visit");
    }
    let c = close(&shop, "2026-11-23");
    assert_eq!(c.unusual.len(), 1);
    assert_eq!(
        (
            c.unusual[0].customer,
            c.unusual[0].actions,
            c.unusual[0].limit
        ),
        (eve, 6, 5)
    );

    let till = Commands::over(s.store().clone());
    let e = till
        .daily_close(&CloseOfDay {
            day: Some("2026-02-30".into()),
        })
        .expect_err("no such day");
    assert_eq!(e.code(), "invalid_input");
    let (mia, bo) = manager_and_barista(&till);
    till.add_staff(&AddStaff {
        name: "Eve".into(),
        role: Role::Barista,
        pin: Pin("8642".into()),
    })
    .expect_err("the till is no longer open: nobody is signed in");
    let e = bo
        .daily_close(&CloseOfDay {
            day: Some("2026-11-23".into()),
        })
        .expect_err("a barista");
    assert_eq!(e.code(), "auth.forbidden");
    for refused in [
        bo.liability().map(drop),
        bo.liability_view().map(drop),
        bo.liability_csv(&counterpart_engine::command::LiabilityTableFile {
            table: "liability".into(),
            language: "en".into(),
        })
        .map(drop),
    ] {
        assert_eq!(
            refused.expect_err("a barista").code(),
            "auth.forbidden",
            "the liability is a manager's"
        );
    }
    assert!(mia.liability().is_ok(), "a manager reads the liability");
    assert_eq!(
        mia.daily_close(&CloseOfDay {
            day: Some("2026-11-23".into())
        })
        .expect("a manager")
        .visits,
        6
    );
}

/// The close names the customers in its lists, and no one who was erased
/// since: the numbers stay, the name goes.
#[test]
fn the_close_names_customers_but_not_the_erased() {
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "Europe/Warsaw",
        2,
        utc(2026, 12, 5, 8, 0),
    );
    let s = &shop.store;
    let named = |name: &str| Profile {
        name: Some(name.into()),
        ..Profile::default()
    };
    let (ola, _) = shop.enrol(named("Ola Żak"));
    let (jan, _) = shop.enrol(named("Jan Kos"));
    let a = s.record_visit(ola, visit(12_00), None).expect("visit");
    s.void(a.event_id, "zła osoba", None).expect("void");
    let b = s.record_visit(jan, visit(8_00), None).expect("visit");
    s.void(b.event_id, "pomyłka", None).expect("void");
    s.erase(jan, None).expect("erase");

    let c = close(&shop, "2026-12-05");
    let names: Vec<Option<&str>> = c.voids.iter().map(|v| v.name.as_deref()).collect();
    assert_eq!(names, vec![Some("Ola Żak"), None]);
    assert_eq!(c.voids.len(), 2, "the erased customer's void still counts");
    let text = serde_json::to_string(&c).expect("json");
    assert!(!text.contains("Jan Kos"), "no trace of the erased name");
}

/// The tables a screen lists and a file holds carry the close's own numbers,
/// and a table comes out as CSV headed in the reader's language.
#[test]
fn the_close_as_tables_and_csv() {
    use counterpart_engine::command::CloseTableFile;
    use counterpart_engine::report::Cell;

    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "Europe/Warsaw",
        2,
        utc(2026, 12, 5, 8, 0),
    );
    let s = &shop.store;
    let (ola, _) = shop.enrol(Profile::default());
    s.record_visit(ola, visit(12_50), None).expect("visit");
    shop.at(utc(2026, 12, 5, 9, 30));
    s.record_visit(ola, visit(7_00), None).expect("visit");
    let till = Commands::over(s.store().clone());
    let view = till
        .close_view(&CloseOfDay {
            day: Some("2026-12-05".into()),
        })
        .expect("view");
    assert_eq!(view.today.to_string(), "2026-12-05");
    let summary = &view.tables[0];
    assert_eq!(summary.id, "close-summary");
    let value = |measure: &str| {
        summary
            .rows
            .iter()
            .find(|r| r[0] == Cell::Label(format!("report-measure-{measure}")))
            .map(|r| r[1].clone())
    };
    assert_eq!(value("visits"), Some(Cell::Count(view.close.visits)));
    assert_eq!(value("sales"), Some(Cell::Money("19.50".into())));
    let by_hour = view
        .tables
        .iter()
        .find(|t| t.id == "close-by-hour")
        .expect("by hour");
    // 08:00 and 09:30 UTC are 09:00 and 10:30 in Warsaw.
    assert_eq!(
        by_hour.rows,
        vec![
            vec![Cell::Hour(9), Cell::Count(1), Cell::Money("12.50".into())],
            vec![Cell::Hour(10), Cell::Count(1), Cell::Money("7.00".into())],
        ]
    );

    let file = till
        .close_csv(&CloseTableFile {
            day: Some("2026-12-05".into()),
            table: "close-by-hour".into(),
            language: "pl".into(),
        })
        .expect("csv");
    assert_eq!(file.file_name, "close-by-hour-2026-12-05.csv");
    assert_eq!(
        file.text,
        "\u{feff}Godzina,Wizyty,Sprzedaż\r\n09:00,1,12.50\r\n10:00,1,7.00\r\n"
    );
    let dir = tempfile::tempdir().expect("dir");
    let saved = file.save_in(&dir.path().join("exports")).expect("saved");
    assert_eq!(std::fs::read_to_string(saved).expect("read"), file.text);

    for (table, language, field) in [
        ("close-nothing", "pl", "table"),
        ("close-summary", "de", "language"),
    ] {
        let e = till
            .close_csv(&CloseTableFile {
                day: Some("2026-12-05".into()),
                table: table.into(),
                language: language.into(),
            })
            .expect_err("bad input");
        let report = counterpart_engine::error::ErrorReport::from(&e);
        assert_eq!(
            (e.code(), report.field.as_deref()),
            ("invalid_input", Some(field))
        );
    }
}

/// KPIs of two business days beside the two before, computed by hand: a
/// voided visit, a redemption, welcome points, and a merge that makes two
/// records one customer.
#[test]
fn kpis_of_a_period_computed_by_hand() {
    use counterpart_engine::command::KpisOver;
    use counterpart_engine::report::{KpiValue, Kpis};

    // Warsaw (UTC+1 in December), the day starting at 02:00; every visit at
    // 12:00 local on a weekday, after the early-bird hours.
    let noon = |day: u32| utc(2026, 12, day, 11, 0);
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "Europe/Warsaw",
        2,
        utc(2026, 11, 29, 11, 0),
    );
    let s = &shop.store;
    // Before the previous period: A joins (+20) and visits $3.
    let (a, _) = shop.enrol(Profile::default());
    s.record_visit(a, visit(3_00), None).expect("visit");
    // Previous period, 1–2 December: A $10 and $5; B joins (+20) and visits $20.
    shop.at(noon(1));
    s.record_visit(a, visit(10_00), None).expect("visit");
    let (b, _) = shop.enrol(Profile::default());
    s.record_visit(b, visit(20_00), None).expect("visit");
    shop.at(noon(2));
    s.record_visit(a, visit(5_00), None).expect("visit");
    // The period, 3–4 December: A $12; C joins (+20), visits $8 and $4; D joins
    // (+20), a $6 visit voided; A is given 100 points and redeems a drink (−100).
    shop.at(noon(3));
    s.record_visit(a, visit(12_00), None).expect("visit");
    let (c, _) = shop.enrol(Profile::default());
    s.record_visit(c, visit(8_00), None).expect("visit");
    shop.at(noon(4));
    s.record_visit(c, visit(4_00), None).expect("visit");
    let (d, _) = shop.enrol(Profile::default());
    let wrong = s.record_visit(d, visit(6_00), None).expect("visit");
    s.void(wrong.event_id, "wrong card", None).expect("void");
    s.adjust(a, Account::Points, 100, "goodwill", None)
        .expect("adjust");
    s.redeem(a, "drink", None).expect("drink");

    let till = Commands::over(s.store().clone());
    let kpis = |from: &str, to: &str| {
        till.kpis(&KpisOver {
            from: Some(from.into()),
            to: Some(to.into()),
        })
    };
    let value = |k: &Kpis, id: &str| -> (Option<KpiValue>, Option<KpiValue>) {
        let kpi = k.kpis.iter().find(|x| x.id == id).expect(id);
        (kpi.value.clone(), kpi.previous.clone())
    };
    let n = |x: f64| Some(KpiValue::Number(x));
    let money = |m: &str| Some(KpiValue::Money(m.into()));

    let before_merge = kpis("2026-12-03", "2026-12-04").expect("kpis");
    assert_eq!(
        value(&before_merge, "retention").0,
        n(0.5),
        "of A and B, only A came back"
    );
    s.merge(b, c, None).expect("B is C");
    let k = kpis("2026-12-03", "2026-12-04").expect("kpis");
    assert_eq!(k.previous.from.to_string(), "2026-12-01");
    assert_eq!(k.previous.to.to_string(), "2026-12-02");
    // This period: visits A, C, C (D's voided); sales $24. Before: A, B(=C), A; $35.
    assert_eq!(value(&k, "repeat_customer_rate"), (n(0.5), n(0.5)));
    assert_eq!(
        value(&k, "retention"),
        (n(1.0), n(1.0)),
        "B merged into C: both who came before came back"
    );
    assert_eq!(value(&k, "visit_frequency"), (n(1.5), n(1.5)));
    assert_eq!(
        value(&k, "average_check"),
        (money("8.00"), money("11.67")),
        "$24 / 3; $35 / 3 = 11.666…"
    );
    assert_eq!(
        value(&k, "redemption_rate"),
        (n(100.0 / 64.0), n(0.0)),
        "100 redeemed of 20 + 20 + 12 + 8 + 4 issued; nothing redeemed before"
    );
    assert_eq!(
        value(&k, "enrolment_rate"),
        (n(2.0 / 3.0), n(0.5)),
        "C and D of A, C, D; B of A, B"
    );
    assert_eq!(
        value(&k, "clv_historical"),
        (money("31.00"), money("19.00")),
        "by the 4th A had spent $30 and B and C $32, by the 2nd A $18 and B $20"
    );
    assert_eq!(
        value(&k, "clv_predicted"),
        (money("10950.00"), money("15973.31")),
        "retention 1: five years of two-day periods (912.5) × 1.5 visits × the check"
    );
    assert!(k
        .kpis
        .iter()
        .all(|x| x.definition.starts_with("kpi-") && x.definition.ends_with("-definition")));
    let days: Vec<(String, i64, &str, i64, i64, i64)> = k
        .days
        .iter()
        .map(|d| {
            (
                d.day.to_string(),
                d.visits,
                d.sales.as_str(),
                d.points_issued,
                d.points_redeemed,
                d.enrolments,
            )
        })
        .collect();
    assert_eq!(
        days,
        vec![
            ("2026-12-03".into(), 2, "20.00", 40, 0, 1),
            ("2026-12-04".into(), 1, "4.00", 24, 100, 1),
        ],
        "day by day: the 3rd C joins (+20), A +12, C +8; the 4th C +4, D joins (+20), A redeems 100"
    );

    // The same numbers as CSV: the KPIs with their definitions in French,
    // shares and ratios machine-readable; the days as the charts draw them.
    let csv = |table: &str, language: &str| {
        till.kpis_csv(&counterpart_engine::command::KpisTableFile {
            from: Some("2026-12-03".into()),
            to: Some("2026-12-04".into()),
            table: table.into(),
            language: language.into(),
        })
    };
    let file = csv("kpis", "fr").expect("kpis csv");
    assert_eq!(file.file_name, "kpis-2026-12-03-to-2026-12-04.csv");
    assert!(
        file.text
            .starts_with("\u{feff}Indicateur,Valeur,Période précédente,Définition\r\n"),
        "{}",
        file.text
    );
    assert!(
        file.text
            .contains("\r\nTaux de clients fidèles,0.5000,0.5000,"),
        "{}",
        file.text
    );
    assert!(
        file.text.contains(",1.50,1.50,"),
        "visit frequency: {}",
        file.text
    );
    assert!(
        file.text.contains(",8.00,11.67,"),
        "average check: {}",
        file.text
    );
    let days = csv("kpis-by-day", "en").expect("days csv").text;
    assert!(
        days.contains("\r\n2026-12-04,1,4.00,24,100,1\r\n"),
        "{days}"
    );
    assert_eq!(
        csv("kpis-nothing", "en").expect_err("no such table").code(),
        "invalid_input"
    );

    for (from, to, field) in [
        ("2026-12-04", "2026-12-03", "to"),
        ("2026-02-30", "2026-03-01", "from"),
        ("2026-12-01", "2036-12-31", "to"),
    ] {
        let e = kpis(from, to).expect_err("bad period");
        let report = counterpart_engine::error::ErrorReport::from(&e);
        assert_eq!(
            (e.code(), report.field.as_deref()),
            ("invalid_input", Some(field)),
            "{from}..{to}"
        );
    }
}

/// The redemption rate's value form and reward popularity, computed by
/// hand on a shop that gives points and cashback: a point is worth 3 cents
/// on the menu (the average over the rewards it buys: a $4.00 drink for 100
/// points, 4 cents; a $6.00 cake for 300, 2 cents), a cent of cashback a cent.
#[test]
fn redemption_value_and_reward_popularity_computed_by_hand() {
    use counterpart_engine::command::{KpisOver, KpisTableFile};
    use counterpart_engine::report::KpiValue;

    let program = r#"
format = 1
name = "Mixed Café"
currency = "USD"

[points]
earn = 1
per = "1.00"
rounding = "down"

[cashback]
percent = 10
rounding = "down"

[[rewards]]
id = "drink"
name = "Any drink"
names = { fr = "Une boisson au choix" }
cost_points = 100
menu_price = "4.00"

[[rewards]]
id = "five-off"
name = "Five off"
cost_cashback = "5.00"

[[rewards]]
id = "cake"
name = "Cake"
cost_points = 300
menu_price = "6.00"
"#;
    let noon = |day: u32| utc(2026, 12, day, 12, 0);
    let shop = Shop::new(program, "USD", "UTC", 0, noon(2));
    let s = &shop.store;
    // The day before: A's $20 gives 20 points ($0.60) and $2.00 back: $2.60.
    let (a, _) = shop.enrol(Profile::default());
    s.record_visit(a, visit(20_00), None).expect("visit");
    // The day: a $50 visit gives 50 points ($1.50) and $5.00 back: $6.50
    // issued. Given 150 points by hand (not issued), A takes a drink (100
    // points, $3.00) and $5.00 off ($5.00): $8.00 redeemed. A second drink
    // is voided and counts for nothing.
    shop.at(noon(3));
    s.record_visit(a, visit(50_00), None).expect("visit");
    s.adjust(a, Account::Points, 150, "goodwill", None)
        .expect("adjust");
    s.redeem(a, "drink", None).expect("drink");
    s.redeem(a, "five-off", None).expect("five off");
    let second = s.redeem(a, "drink", None).expect("second drink");
    s.void(second.event_id, "pressed twice", None)
        .expect("void");

    let till = Commands::over(s.store().clone());
    let k = till
        .kpis(&KpisOver {
            from: Some("2026-12-03".into()),
            to: Some("2026-12-03".into()),
        })
        .expect("kpis");
    let value = |id: &str| {
        let kpi = k.kpis.iter().find(|x| x.id == id).expect(id);
        (kpi.value.clone(), kpi.previous.clone())
    };
    assert_eq!(
        value("redemption_rate"),
        (Some(KpiValue::Number(2.0)), Some(KpiValue::Number(0.0))),
        "100 points redeemed of 50 issued; none of 20 the day before"
    );
    assert_eq!(
        value("redemption_value"),
        (
            Some(KpiValue::Number(800.0 / 650.0)),
            Some(KpiValue::Number(0.0))
        ),
        "$8.00 redeemed of $6.50 issued; nothing of $2.60 the day before"
    );
    let popularity: Vec<(&str, i64, i64, Option<f64>)> = k
        .rewards
        .iter()
        .map(|r| (r.reward.as_str(), r.count, r.previous, r.share))
        .collect();
    assert_eq!(
        popularity,
        vec![
            ("drink", 1, 0, Some(0.5)),
            ("five-off", 1, 0, Some(0.5)),
            ("cake", 0, 0, Some(0.0)),
        ],
        "the voided drink left out; a reward nobody took listed too, in the program's order on a tie"
    );
    assert_eq!(
        k.rewards[0].name.as_ref().map(|n| n.text.as_str()),
        Some("Any drink")
    );

    // The same numbers in the CSV, the reward's name in the reader's language.
    let file = till
        .kpis_csv(&KpisTableFile {
            from: Some("2026-12-03".into()),
            to: Some("2026-12-03".into()),
            table: "kpis-rewards".into(),
            language: "fr".into(),
        })
        .expect("csv");
    assert_eq!(file.file_name, "kpis-rewards-2026-12-03-to-2026-12-03.csv");
    assert!(
        file.text
            .contains("\r\nUne boisson au choix,1,0,0.5000\r\n"),
        "{}",
        file.text
    );
    assert!(
        file.text.contains("\r\nCake,0,0,0.0000\r\n"),
        "{}",
        file.text
    );
    let kpis = till
        .kpis_csv(&KpisTableFile {
            from: Some("2026-12-03".into()),
            to: Some("2026-12-03".into()),
            table: "kpis".into(),
            language: "en".into(),
        })
        .expect("csv")
        .text;
    assert!(
        kpis.contains("\r\nRedemption rate (value),1.2308,0.0000,"),
        "{kpis}"
    );
}

/// Monthly cohort retention computed by hand, as of 5 December 2026 (UTC,
/// the day starting at midnight): of the twelve months from January, those
/// from October, the first in which anyone joined.
///
/// | cohort | joined | month 0 | month 1 | month 2 |
/// |---|---|---|---|---|
/// | October | A, B | A, B: 100 % | A (B's visit voided): 50 % | A, B: 100 % |
/// | November | C (D merged into C) | C: 100 % | D's visit, C's now: 100 % | |
/// | December | nobody | | | |
///
/// E joined before January: in no cohort, whenever E comes.
#[test]
fn monthly_cohorts_computed_by_hand() {
    use counterpart_engine::command::{KpisOver, KpisTableFile};

    let at = |month: u32, day: u32| utc(2026, month, day, 12, 0);
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2025, 12, 15, 12, 0),
    );
    let s = &shop.store;
    let (e, _) = shop.enrol(Profile::default());
    shop.at(at(10, 10));
    let (a, _) = shop.enrol(Profile::default());
    s.record_visit(a, visit(5_00), None).expect("visit");
    shop.at(at(10, 20));
    let (b, _) = shop.enrol(Profile::default());
    s.record_visit(b, visit(5_00), None).expect("visit");
    shop.at(at(11, 3));
    s.record_visit(a, visit(5_00), None).expect("visit");
    shop.at(at(11, 5));
    let wrong = s.record_visit(b, visit(5_00), None).expect("visit");
    s.void(wrong.event_id, "wrong card", None).expect("void");
    shop.at(at(11, 15));
    let (c, _) = shop.enrol(Profile::default());
    s.record_visit(c, visit(5_00), None).expect("visit");
    shop.at(at(11, 20));
    let (d, _) = shop.enrol(Profile::default());
    shop.at(at(12, 1));
    s.record_visit(b, visit(5_00), None).expect("visit");
    shop.at(at(12, 2));
    s.record_visit(a, visit(5_00), None).expect("visit");
    s.record_visit(e, visit(5_00), None).expect("visit");
    shop.at(at(12, 4));
    s.record_visit(d, visit(5_00), None).expect("visit");
    s.merge(d, c, None).expect("D is C");
    shop.at(at(12, 5));

    let till = Commands::over(s.store().clone());
    let cohorts = till.kpi_cohorts().expect("cohorts");
    let shown: Vec<(&str, i64, Vec<f64>)> = cohorts
        .iter()
        .map(|c| (c.month.as_str(), c.customers, c.retained.clone()))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("2026-10", 2, vec![1.0, 0.5, 1.0]),
            ("2026-11", 1, vec![1.0, 1.0]),
            ("2026-12", 0, vec![]),
        ]
    );

    // The same in the KPIs (whatever their period) and as CSV, blank where a
    // month has not come.
    let k = till
        .kpis(&KpisOver {
            from: Some("2026-11-01".into()),
            to: Some("2026-11-07".into()),
        })
        .expect("kpis");
    assert_eq!(k.cohorts, cohorts);
    let csv = till
        .kpis_csv(&KpisTableFile {
            from: Some("2026-11-01".into()),
            to: Some("2026-11-07".into()),
            table: "kpis-cohorts".into(),
            language: "en".into(),
        })
        .expect("csv")
        .text;
    assert!(
        csv.starts_with("\u{feff}Joined in,Customers,Month 0,Month 1,Month 2,"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\n2026-10,2,1.0000,0.5000,1.0000,,,,,,,,,\r\n"),
        "{csv}"
    );
    assert!(csv.ends_with("\r\n2026-12,0,,,,,,,,,,,,\r\n"), "{csv}");
    assert!(!csv.contains("2026-09"), "{csv}");
}

/// The value form on a stamp card: a stamp is worth a ninth of the free
/// coffee's $3.60 on the menu, so the value form is the stamps turned into
/// coffees ÷ the stamps given, as the daily close counts them each day.
#[test]
fn the_value_form_counts_stamps_turned_into_rewards() {
    use counterpart_engine::command::KpisOver;
    use counterpart_engine::report::KpiValue;

    let shop = Shop::new(
        &example("stamp-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 12, 3, 12, 0),
    );
    let s = &shop.store;
    let (a, _) = shop.enrol(Profile::default());
    s.record_visit(a, coffees(5), None).expect("five coffees");
    shop.at(utc(2026, 12, 4, 12, 0));
    s.record_visit(a, coffees(5), None)
        .expect("five more: the card fills");
    let (issued, redeemed) = ["2026-12-03", "2026-12-04"]
        .iter()
        .map(|day| close(&shop, day).stamps)
        .fold((0, 0), |(i, r), st| (i + st.issued, r + st.redeemed));
    assert!(
        issued > 0 && redeemed > 0,
        "{issued} given, {redeemed} turned into coffees"
    );
    let k = Commands::over(s.store().clone())
        .kpis(&KpisOver {
            from: Some("2026-12-03".into()),
            to: Some("2026-12-04".into()),
        })
        .expect("kpis");
    let value = k
        .kpis
        .iter()
        .find(|x| x.id == "redemption_value")
        .and_then(|x| x.value.clone());
    match value {
        Some(KpiValue::Number(x)) => {
            assert!((x - redeemed as f64 / issued as f64).abs() < 1e-12, "{x}");
        }
        other => panic!("a value form: {other:?}"),
    }
}

/// Breakage computed by hand: points expire 30 days after they were earned
/// (UTC, the day starting at midnight). The period is 1–10 December, the one
/// before 21–30 November.
///
/// | who | earned | spent | expired |
/// |---|---|---|---|
/// | A | 50 on 1 Nov | | 50 on 1 Dec |
/// | B | 120 on 1 Nov | 100 on 25 Nov | 20 on 1 Dec |
/// | C | 100 on 20 Nov | 100 on 5 Dec | |
/// | D, E merged into D | 30 on 1 Nov, 40 on 2 Nov | | 30 on 1 Dec, 40 on 2 Dec |
///
/// Before: 100 redeemed, nothing expired: 0 %. The period: 100 redeemed,
/// 140 expired: 140 ÷ 240.
#[test]
fn breakage_computed_by_hand() {
    use counterpart_engine::command::{KpisOver, KpisTableFile};
    use counterpart_engine::report::KpiValue;

    let program = r#"
format = 1
name = "Expiring Café"
currency = "USD"

[points]
earn = 1
per = "1.00"
rounding = "down"

[expiry]
points_after_days = 30

[[rewards]]
id = "drink"
name = "Any drink"
cost_points = 100
"#;
    let at = |month: u32, day: u32| utc(2026, month, day, 12, 0);
    let shop = Shop::new(program, "USD", "UTC", 0, at(11, 1));
    let s = &shop.store;
    let (a, _) = shop.enrol(Profile::default());
    let (b, _) = shop.enrol(Profile::default());
    let (d, _) = shop.enrol(Profile::default());
    let (e, _) = shop.enrol(Profile::default());
    s.record_visit(a, visit(50_00), None).expect("visit");
    s.record_visit(b, visit(12_000), None).expect("visit");
    s.record_visit(d, visit(30_00), None).expect("visit");
    shop.at(at(11, 2));
    s.record_visit(e, visit(40_00), None).expect("visit");
    shop.at(at(11, 15));
    s.merge(e, d, None).expect("E is D");
    shop.at(at(11, 20));
    let (c, _) = shop.enrol(Profile::default());
    s.record_visit(c, visit(10_000), None).expect("visit");
    shop.at(at(11, 25));
    s.redeem(b, "drink", None).expect("drink");
    shop.at(at(12, 5));
    s.redeem(c, "drink", None).expect("drink");
    shop.at(at(12, 10));

    let till = Commands::over(s.store().clone());
    let period = KpisOver {
        from: Some("2026-12-01".into()),
        to: Some("2026-12-10".into()),
    };
    let breakage = till.kpi_breakage(&period).expect("breakage");
    assert_eq!(breakage.id, "breakage");
    assert_eq!(
        (breakage.value, breakage.previous, breakage.why),
        (
            Some(KpiValue::Number(140.0 / 240.0)),
            Some(KpiValue::Number(0.0)),
            None
        )
    );

    // The cards carry it as being counted; the whole KPIs (the command line,
    // the files) carry it counted, beside the redemption rates.
    let figures = till.kpi_figures(&period).expect("figures");
    let ids: Vec<&str> = figures.kpis.iter().map(|k| k.id.as_str()).collect();
    let at_breakage = ids
        .iter()
        .position(|id| *id == "breakage")
        .expect("breakage");
    assert_eq!(ids[at_breakage - 1], "redemption_value");
    let pending = &figures.kpis[at_breakage];
    assert_eq!(
        (pending.value.clone(), pending.why.as_deref()),
        (None, Some("kpi-breakage-counting"))
    );
    let whole = till.kpis(&period).expect("kpis");
    assert_eq!(
        whole.kpis[at_breakage].value,
        Some(KpiValue::Number(140.0 / 240.0))
    );
    let csv = till
        .kpis_csv(&KpisTableFile {
            from: period.from.clone(),
            to: period.to.clone(),
            table: "kpis".into(),
            language: "ru".into(),
        })
        .expect("csv")
        .text;
    assert!(csv.contains("\r\nСгоревшие баллы,0.5833,0.0000,"), "{csv}");

    // Where points never expire, none break, and it says so.
    let forever = Shop::new(
        &program.replace("[expiry]\npoints_after_days = 30\n", ""),
        "USD",
        "UTC",
        0,
        at(12, 10),
    );
    let never = Commands::over(forever.store.store().clone())
        .kpi_breakage(&period)
        .expect("breakage");
    assert_eq!(
        (never.value, never.why.as_deref()),
        (None, Some("kpi-breakage-no-expiry"))
    );
    // A bad period is refused like the other KPIs'.
    let e = till
        .kpi_breakage(&KpisOver {
            from: Some("2026-12-10".into()),
            to: Some("2026-12-01".into()),
        })
        .expect_err("backwards");
    assert_eq!(e.code(), "invalid_input");
}

/// The liability of the points café (a point is worth 4.5 cents at menu
/// prices: a $4.00 drink for 100, a $3.00 pastry for 60; and costs the shop
/// 1.075 cents: $0.90 and $0.75), with expiry, a void, an adjustment and a
/// redemption, computed by hand.
#[test]
fn liability_in_money_computed_by_hand() {
    use counterpart_engine::report::{LiabilityKind, Valuation};

    let noon = |y: i32, m: u32, d: u32| utc(y, m, d, 11, 0);
    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "Europe/Warsaw",
        2,
        noon(2025, 11, 2),
    );
    let s = &shop.store;
    // A: 20 for joining and 50 for $50 on 2 November 2025; they expire unused
    // 365 days later.
    let (a, _) = shop.enrol(Profile::default());
    s.record_visit(a, visit(50_00), None).expect("visit");
    // C: 20 + 30 on 1 October 2026, 64 days before the report's day.
    shop.at(noon(2026, 10, 1));
    let (c, _) = shop.enrol(Profile::default());
    s.record_visit(c, visit(30_00), None).expect("visit");
    // B: 20 + 120 on 1 December, then a drink (−100).
    shop.at(noon(2026, 12, 1));
    let (b, _) = shop.enrol(Profile::default());
    s.record_visit(b, visit(12_000), None).expect("visit");
    s.redeem(b, "drink", None).expect("drink");
    // D: 20 on 3 December; a $10 visit voided; 15 given by a manager.
    shop.at(noon(2026, 12, 3));
    let (d, _) = shop.enrol(Profile::default());
    let wrong = s.record_visit(d, visit(10_00), None).expect("visit");
    s.void(wrong.event_id, "wrong card", None).expect("void");
    s.adjust(d, Account::Points, 15, "goodwill", None)
        .expect("adjust");
    shop.at(noon(2026, 12, 4));

    let till = Commands::over(s.store().clone());
    let l = till.liability().expect("liability");
    assert_eq!(l.as_of.to_string(), "2026-12-04");
    assert_eq!(l.lines.len(), 1, "the points café has points only");
    let p = &l.lines[0];
    assert_eq!(
        (p.kind, p.account.as_str()),
        (LiabilityKind::Points, "points")
    );
    assert_eq!(p.outstanding, 125, "B 40, C 50, D 20 + 15; A's 70 expired");
    assert_eq!(p.customers, 3);
    assert_eq!(
        (p.issued, p.redeemed, p.expired),
        (280, 100, 70),
        "issued 70 + 50 + 140 + 20 (the void's 10 and the adjustment left out)"
    );
    assert_eq!(p.redemption_rate, Some(100.0 / 280.0));
    assert_eq!(
        p.redemption_probability,
        Some(100.0 / 170.0),
        "of the 170 settled, 100 redeemed and 70 expired"
    );
    let known = |amount: &str| Valuation::Known {
        amount: amount.into(),
    };
    assert_eq!(p.face_value, known("5.63"), "125 × 4.5 ¢ = 562.5 ¢");
    assert_eq!(
        p.expected_cost,
        known("0.48"),
        "125 × 1.075 ¢ × 100/280 = 47.99 ¢"
    );
    assert_eq!(p.deferral, known("3.31"), "562.5 ¢ × 100/170 = 330.88 ¢");
    assert_eq!(
        p.ages,
        vec![75, 50, 0, 0, 0],
        "B's and D's within 30 days, C's 64 days old"
    );
    assert_eq!(
        l.face_value_by_age,
        ["3.38", "2.25", "0.00", "0.00", "0.00"]
    );
    assert!(l.face_value.complete && l.expected_cost.complete && l.deferral.complete);
    assert_eq!(
        (
            l.face_value.amount.as_str(),
            l.expected_cost.amount.as_str(),
            l.deferral.amount.as_str()
        ),
        ("5.63", "0.48", "3.31")
    );

    // A merge moves the balance, not the liability; the lots follow the survivor.
    s.merge(d, c, None).expect("D is C");
    let merged = till.liability().expect("liability");
    assert_eq!(
        (merged.lines[0].outstanding, merged.lines[0].customers),
        (125, 2)
    );

    // The tables say the same, and a barista may not read them.
    let tables = till.liability_view().expect("view").tables;
    assert_eq!(tables[0].id, "liability");
    let total = tables[0].rows.last().expect("total row");
    assert_eq!(
        total[4..],
        [
            counterpart_engine::report::Cell::Money("5.63".into()),
            counterpart_engine::report::Cell::Money("0.48".into()),
            counterpart_engine::report::Cell::Money("3.31".into())
        ]
    );
    assert_eq!(tables[1].id, "liability-redemption");
    assert_eq!(
        tables[1].rows[0][5],
        counterpart_engine::report::Cell::Fraction("0.3571".into())
    );
    let file = till
        .liability_csv(&counterpart_engine::command::LiabilityTableFile {
            table: "liability-ages".into(),
            language: "pl".into(),
        })
        .expect("csv");
    assert_eq!(file.file_name, "liability-ages-2026-12-04.csv");
    assert!(file.text.starts_with('\u{feff}'));
    assert!(file.text.contains("Punkty,,75,50,0,0,0"), "{}", file.text);
}

/// A balance whose rewards have no cost or price says so rather than
/// guessing, and the totals say they leave it out; stamps and vouchers are
/// valued by their card's reward.
#[test]
fn liability_says_what_it_cannot_value() {
    use counterpart_engine::report::{LiabilityKind, Valuation};

    let program = r#"
format = 1
name = "Two cards"
currency = "USD"

[[rewards]]
id = "coffee"
name = "Free coffee"
shop_cost = "0.50"
menu_price = "3.00"

[[rewards]]
id = "cake"
name = "Free cake"

[[stamp_cards]]
id = "coffee"
name = "Coffee card"
stamps = 5
reward = "coffee"
per = "visit"

[[stamp_cards]]
id = "cake"
name = "Cake card"
stamps = 4
reward = "cake"
per = "visit"
"#;
    let shop = Shop::new(program, "USD", "UTC", 0, utc(2026, 12, 1, 12, 0));
    let s = &shop.store;
    let (a, _) = shop.enrol(Profile::default());
    // Seven visits: the coffee card fills once (a voucher) with 2 stamps
    // over; the cake card fills once with 3 over.
    for _ in 0..7 {
        s.record_visit(a, visit(2_00), None).expect("visit");
    }
    let till = Commands::over(s.store().clone());
    let l = till.liability().expect("liability");
    let line = |account: &str| {
        l.lines
            .iter()
            .find(|x| x.account == account)
            .unwrap_or_else(|| panic!("{account}: {:?}", l.lines))
    };
    let coffee = line("stamps:coffee");
    assert_eq!(
        (coffee.kind, coffee.outstanding),
        (LiabilityKind::Stamps, 2)
    );
    assert_eq!(
        coffee.name.as_ref().map(|n| n.text.as_str()),
        Some("Coffee card")
    );
    assert_eq!(
        coffee.face_value,
        Valuation::Known {
            amount: "1.20".into()
        },
        "2 stamps of a $3.00 coffee for 5"
    );
    assert_eq!(
        coffee.expected_cost,
        Valuation::Known {
            amount: "0.14".into()
        },
        "2 × 10 ¢ × 5 converted of 7"
    );
    let voucher = line("voucher:coffee");
    assert_eq!(
        (voucher.kind, voucher.outstanding),
        (LiabilityKind::Voucher, 1)
    );
    assert_eq!(
        voucher.face_value,
        Valuation::Known {
            amount: "3.00".into()
        }
    );
    assert_eq!(
        voucher.expected_cost,
        Valuation::Known {
            amount: "0.00".into()
        },
        "no voucher was used yet: a redemption rate of 0"
    );
    let cake = line("stamps:cake");
    assert_eq!(cake.outstanding, 3);
    assert_eq!(
        cake.face_value,
        Valuation::NoPrice {
            rewards: vec![Name::plain("Free cake")]
        }
    );
    assert_eq!(
        cake.expected_cost,
        Valuation::NoCost {
            rewards: vec![Name::plain("Free cake")]
        }
    );
    assert!(!l.face_value.complete, "the cake card is left out");
    assert_eq!(l.face_value.amount, "4.20", "coffee stamps and the voucher");
    assert!(till.liability_view().expect("view").tables[0].attention);
    let order: Vec<&str> = l.lines.iter().map(|x| x.account.as_str()).collect();
    assert_eq!(
        order,
        [
            "stamps:coffee",
            "stamps:cake",
            "voucher:coffee",
            "voucher:cake"
        ]
    );
}

/// The staff rules of the unusual activity, by hand. Bo (a barista) enrols
/// Zed and redeems a drink for him on 25 and 30 November and twice on 5
/// December (one more on 28 November is voided); Mia (the manager)
/// enrols Ann, for whom Bo redeems three times on 5 December, and redeems
/// once for Zed herself. Over the 30 days to 5 December Bo redeemed four
/// times for a customer he enrolled (more than 2): listed, two of them that
/// day; on 30 November, two: not yet. Ann is not Bo's, Zed is not Mia's.
/// On 5 December Bo's one $200 visit of four issued far more than twice
/// his 25 % share of visits in points; Mia's fifteen-odd points are too few
/// to judge.
#[test]
fn staff_who_redeem_for_their_own_customers_or_issue_points_far_above_their_visits() {
    use counterpart_engine::command::typed::Typed;
    use counterpart_engine::report::Cell;

    let shop = Shop::new(
        &example("points-cafe.toml"),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 20, 9, 0),
    );
    let till = Commands::over(shop.store.store().clone());
    manager_and_barista(&till);
    // Signed in afresh at each moment: a sign-in ends after a time unused.
    let signed_in = |name: &str, pin: &str| {
        Typed::signed_in(
            till.sign_in(&counterpart_engine::command::SignIn {
                staff: name.into(),
                pin: Pin(pin.into()),
            })
            .expect("signs in"),
        )
    };
    let bo = signed_in("Bo", "1357");
    let mia = signed_in("Mia", "246813");
    let (zed, _) = enrol_as(
        &bo,
        Profile {
            name: Some("Zed".into()),
            ..Profile::default()
        },
    );
    let (ann, _) = enrol_as(
        &mia,
        Profile {
            name: Some("Ann".into()),
            ..Profile::default()
        },
    );
    for who in [zed, ann] {
        mia.adjust(who, Account::Points, 2_000, "a gift", None)
            .expect("points");
    }
    let (bo, mia) = (("Bo", "1357"), ("Mia", "246813"));
    let drink = |(name, pin): (&str, &str), who, day: u32, month: u32, minute: u32| {
        shop.at(utc(2026, month, day, 10, minute));
        signed_in(name, pin)
            .redeem(who, "drink", None)
            .expect("a drink")
    };
    drink(bo, zed, 25, 11, 0);
    let voided = drink(bo, zed, 28, 11, 0);
    signed_in(mia.0, mia.1)
        .void(voided.event_id, "rang up twice", None)
        .expect("void");
    drink(bo, zed, 30, 11, 0);
    drink(bo, zed, 5, 12, 0);
    drink(bo, zed, 5, 12, 1);
    drink(mia, zed, 5, 12, 2);
    for minute in 3..6 {
        drink(bo, ann, 5, 12, minute);
    }
    shop.at(utc(2026, 12, 5, 11, 0));
    signed_in(bo.0, bo.1)
        .record_visit(zed, visit(20_000), None)
        .expect("visit");
    let manager = signed_in(mia.0, mia.1);
    for _ in 0..3 {
        manager.record_visit(ann, visit(5_00), None).expect("visit");
    }

    let close_of = |day: &str| {
        manager
            .commands()
            .daily_close(&CloseOfDay {
                day: Some(day.into()),
            })
            .expect("the close")
    };
    let november = close_of("2026-11-30");
    assert!(november.unusual_own_customers.is_empty(), "{november:?}");
    let c = close_of("2026-12-05");
    assert_eq!(
        c.unusual_own_customers.len(),
        1,
        "{:?}",
        c.unusual_own_customers
    );
    let own = &c.unusual_own_customers[0];
    assert_eq!(
        (
            own.name.as_deref(),
            own.customer,
            own.customer_name.as_deref(),
            own.redemptions,
            own.on_the_day,
            own.days,
            own.limit
        ),
        (Some("Bo"), zed, Some("Zed"), 4, 2, 30, 2)
    );
    let bo_line = c
        .by_staff
        .iter()
        .find(|l| l.name.as_deref() == Some("Bo"))
        .expect("Bo's line");
    let all_points: i64 = c.by_staff.iter().map(|l| l.points_issued).sum();
    assert!(bo_line.points_issued >= 200, "{bo_line:?}");
    assert_eq!(c.unusual_points.len(), 1, "{:?}", c.unusual_points);
    let p = &c.unusual_points[0];
    assert_eq!(
        (
            p.name.as_deref(),
            p.points_issued,
            p.points_total,
            p.visits,
            p.visits_total,
            p.limit_percent
        ),
        (Some("Bo"), bo_line.points_issued, all_points, 1, 4, 200)
    );

    // In the tables, flagged, each line's reasons in numbers.
    let tables = c.tables();
    let own_table = tables
        .iter()
        .find(|t| t.id == "close-unusual-own-customers")
        .expect("the table");
    assert!(own_table.attention);
    assert_eq!(
        own_table.rows[0],
        [
            Cell::Text("Bo".into()),
            Cell::Text("Zed".into()),
            Cell::Count(4),
            Cell::Count(2),
            Cell::Count(30),
            Cell::Count(2)
        ]
    );
    let points = tables
        .iter()
        .find(|t| t.id == "close-unusual-points")
        .expect("the table");
    assert!(points.attention);
    assert_eq!(points.rows[0][4], Cell::Fraction("0.2500".into()));
    assert_eq!(points.rows[0][5], Cell::Fraction("2.0000".into()));
}

/// The thresholds are the program's `[unusual]`: every till lists the same,
/// and only a manager (who publishes programs) changes them. Six visits are
/// unusual by default (more than 5), not with `actions_per_customer = 6`;
/// a seventh is, and the line says the limit it passed.
#[test]
fn the_programs_unusual_section_sets_the_close_thresholds() {
    use counterpart_engine::program::parse_program;

    let program = format!(
        "{}\n[unusual]\nactions_per_customer = 6\n",
        example("points-cafe.toml")
    );
    let shop = Shop::new(&program, "USD", "UTC", 0, utc(2026, 11, 23, 10, 0));
    let s = &shop.store;
    let (eve, _) = shop.enrol(Profile::default());
    for minute in 0..6 {
        shop.at(utc(2026, 11, 23, 11, minute));
        s.record_visit(eve, visit(1_00), None).expect("visit");
    }
    assert!(close(&shop, "2026-11-23").unusual.is_empty());
    s.record_visit(eve, visit(1_00), None).expect("visit");
    let c = close(&shop, "2026-11-23");
    assert_eq!(
        c.unusual
            .iter()
            .map(|u| (u.actions, u.limit))
            .collect::<Vec<_>>(),
        [(7, 6)]
    );

    let with = |section: &str| {
        parse_program(&format!(
            "{}\n[unusual]\n{section}\n",
            example("points-cafe.toml")
        ))
    };
    let rules = with("own_customer_redemptions = 4\nown_customer_days = 14\npoints_share_percent = 150\npoints_share_minimum = 50")
        .expect("a program")
        .unusual;
    assert_eq!(
        (
            rules.actions_per_customer,
            rules.own_customer_redemptions,
            rules.own_customer_days,
            rules.points_share_percent,
            rules.points_share_minimum
        ),
        (5, 4, 14, 150, 50),
        "the rules not written keep their defaults"
    );
    let errors = with("points_share_percent = 100\nown_customer_days = 0")
        .expect_err("out of bounds")
        .0;
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["unusual.own_customer_days", "unusual.points_share_percent"],
        "{errors:?}"
    );
    let errors = with("actions = 3").expect_err("no such rule").0;
    assert_eq!(errors[0].field, "unusual", "{errors:?}");
}
