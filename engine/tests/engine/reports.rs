//! Reports against hand computations.

use counterpart_engine::command::{AddStaff, CloseOfDay, Commands, Pin};
use counterpart_engine::ledger::{Account, Profile, Role};

use crate::common::*;

fn close(shop: &Shop, day: &str) -> counterpart_engine::report::DailyClose {
    Commands::over(shop.store.store().clone())
        .daily_close(&CloseOfDay { day: day.into() })
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
            day: "2026-02-30".into(),
        })
        .expect_err("no such day");
    assert_eq!(e.code(), "invalid_input");
    till.add_staff(&AddStaff {
        name: "Mia".into(),
        role: Role::Manager,
        pin: Pin("246813".into()),
    })
    .expect("manager");
    till.add_staff(&AddStaff {
        name: "Bo".into(),
        role: Role::Barista,
        pin: Pin("1357".into()),
    })
    .expect_err("the till is no longer open: nobody is signed in");
    let mia = till
        .sign_in(&counterpart_engine::command::SignIn {
            staff: "Mia".into(),
            pin: Pin("246813".into()),
        })
        .expect("Mia");
    mia.add_staff(&AddStaff {
        name: "Bo".into(),
        role: Role::Barista,
        pin: Pin("1357".into()),
    })
    .expect("Bo");
    let bo = till
        .sign_in(&counterpart_engine::command::SignIn {
            staff: "Bo".into(),
            pin: Pin("1357".into()),
        })
        .expect("Bo");
    let e = bo
        .daily_close(&CloseOfDay {
            day: "2026-11-23".into(),
        })
        .expect_err("a barista");
    assert_eq!(e.code(), "auth.forbidden");
    assert_eq!(
        mia.daily_close(&CloseOfDay {
            day: "2026-11-23".into()
        })
        .expect("a manager")
        .visits,
        6
    );
}
