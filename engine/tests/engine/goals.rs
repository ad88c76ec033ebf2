//! Goals on the KPIs: the program's `[[goals]]` checked, each goal read over
//! its window along its dates, and where it stands, against hand computations.

use std::collections::HashMap;

use chrono::NaiveDate;
use counterpart_engine::command::{Commands, KpisOver, KpisTableFile};
use counterpart_engine::ledger::Profile;
use counterpart_engine::program::{parse_program, Goal};
use counterpart_engine::report::{
    goal_tables, goals_of, goals_span, reading_days, Cell, GoalStatus, GoalsOf, KpiValue, Period,
};
use counterpart_engine::store::{Activity, VisitRow};
use counterpart_engine::Location;
use uuid::Uuid;

use crate::common::*;

fn march(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).expect("a day of March")
}

fn feb(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 2, d).expect("a day of February")
}

/// The points café with `goals` added.
fn program_with(goals: &str) -> String {
    format!("{}\n{goals}", example("points-cafe.toml"))
}

fn goals_in(goals: &str) -> Vec<Goal> {
    parse_program(&program_with(goals))
        .expect("the program")
        .goals
}

/// Visit frequency, read over 7 days, from 1 to 29 March.
fn frequency_goal(target: &str) -> String {
    format!(
        "[[goals]]\nid = \"often\"\nname = \"Come back more often\"\nnames = {{ pl = \"Częstsze wizyty\" }}\nkpi = \"visit_frequency\"\n{target}\nstarts = 2026-03-01\nby = 2026-03-29\nwindow_days = 7\n"
    )
}

/// Two customers, $5.00 a visit: A on 25 Feb, 2, 5, 9, 12 and 25 March; B on
/// 26 Feb, 3, 10 and 13 March.
fn activity() -> Activity {
    let (a, b) = (Uuid::from_u128(0xa), Uuid::from_u128(0xb));
    let visit = |customer, day| VisitRow {
        customer,
        day,
        amount: 500,
    };
    Activity {
        visits: vec![
            visit(a, feb(25)),
            visit(a, march(2)),
            visit(a, march(5)),
            visit(a, march(9)),
            visit(a, march(12)),
            visit(a, march(25)),
            visit(b, feb(26)),
            visit(b, march(3)),
            visit(b, march(10)),
            visit(b, march(13)),
        ],
        ..Activity::default()
    }
}

#[test]
fn the_program_checks_its_goals() {
    let goals = goals_in(&frequency_goal("change_percent = 60"));
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].window_days, 7);
    // A month's window when none is said; a share as a fraction or a percentage.
    let shares = goals_in(
        "[[goals]]\nid = \"a\"\nkpi = \"repeat_customer_rate\"\ntarget = \"45%\"\nstarts = 2026-01-01\nby = 2026-06-30\n\n[[goals]]\nid = \"b\"\nkpi = \"retention\"\ntarget = 0.5\nstarts = 2026-01-01\nby = 2026-06-30\n\n[[goals]]\nid = \"c\"\nkpi = \"average_check\"\ntarget = \"6.50\"\nstarts = 2026-01-01\nby = 2026-06-30\n",
    );
    assert_eq!(shares.len(), 3);
    assert_eq!(shares[0].window_days, 30);
    assert_eq!(
        serde_json::to_value(shares.iter().map(|g| g.target).collect::<Vec<_>>()).expect("json"),
        serde_json::json!([{"number": 0.45}, {"number": 0.5}, {"money": 650}])
    );

    // Every problem named by its field.
    let bad = [
        (
            "kpi = \"clv_historical\"\nchange_percent = 10",
            "goals[0].kpi",
            "not measured over a window",
        ),
        (
            "kpi = \"happiness\"\nchange_percent = 10",
            "goals[0].kpi",
            "not a KPI",
        ),
        ("kpi = \"retention\"", "goals[0].target", "is missing"),
        (
            "kpi = \"retention\"\nchange_percent = 10\ntarget = 0.5",
            "goals[0].target",
            "not both",
        ),
        (
            "kpi = \"retention\"\nchange_percent = 0",
            "goals[0].change_percent",
            "not 0",
        ),
        (
            "kpi = \"retention\"\ntarget = 1.5",
            "goals[0].target",
            "at most 1",
        ),
        (
            "kpi = \"average_check\"\ntarget = \"-2\"",
            "goals[0].target",
            "negative",
        ),
        (
            "kpi = \"visit_frequency\"\ntarget = \"often\"",
            "goals[0].target",
            "not a number",
        ),
    ];
    for (body, field, problem) in bad {
        let text = program_with(&format!(
            "[[goals]]\nid = \"g\"\n{body}\nstarts = 2026-01-01\nby = 2026-06-30\n"
        ));
        let errors = parse_program(&text).expect_err(body).0;
        assert!(
            errors
                .iter()
                .any(|e| e.field == field && e.problem.contains(problem)),
            "{body}: {errors:?}"
        );
    }
    let dates = program_with(
        "[[goals]]\nid = \"g\"\nkpi = \"retention\"\nchange_percent = 5\nstarts = 2026-06-30\nby = 2026-01-01\nwindow_days = 400\n",
    );
    let errors = parse_program(&dates).expect_err("dates").0;
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["goals[0].by", "goals[0].window_days"],
        "{errors:?}"
    );
}

/// About weekly from the day before the goal starts; on a long goal the
/// readings are spaced so there are about 26.
#[test]
fn a_goal_is_read_weekly_or_about_26_times() {
    let goal = &goals_in(&frequency_goal("change_percent = 60"))[0];
    assert_eq!(
        reading_days(goal, march(16)),
        [feb(28), march(7), march(14), march(16)]
    );
    assert_eq!(
        reading_days(goal, march(14)),
        [feb(28), march(7), march(14)]
    );
    assert_eq!(
        reading_days(goal, march(31)),
        [
            feb(28),
            march(7),
            march(14),
            march(21),
            march(28),
            march(29)
        ]
    );
    assert!(reading_days(goal, feb(20)).is_empty());
    // The days to read: three windows before the baseline (retention needs
    // the window before, and the predicted value its retention).
    assert_eq!(
        goals_span(std::slice::from_ref(goal), march(16)),
        Some(Period {
            from: feb(8),
            to: march(16)
        })
    );

    let year = &goals_in(
        "[[goals]]\nid = \"y\"\nkpi = \"retention\"\nchange_percent = 5\nstarts = 2026-01-01\nby = 2026-12-31\n",
    )[0];
    let days = reading_days(year, NaiveDate::from_ymd_opt(2027, 1, 10).expect("day"));
    // 366 days from 31 Dec 2025 to the date: a reading every 15 days.
    assert_eq!(days.len(), 26);
    assert_eq!(days[1] - days[0], chrono::Duration::days(15));
    assert_eq!(days.last().copied(), Some(year.by));
}

/// The readings and where each goal stands, by hand:
///
/// | window        | A | B | visits ÷ customers |
/// |---------------|---|---|--------------------|
/// | 22–28 Feb     | 1 | 1 | 2 ÷ 2 = 1.00 (the baseline) |
/// | 1–7 Mar       | 2 | 1 | 3 ÷ 2 = 1.50 |
/// | 8–14 Mar      | 2 | 2 | 4 ÷ 2 = 2.00 |
/// | 10–16 Mar     | 1 | 2 | 3 ÷ 2 = 1.50 |
///
/// +60 % on 1.00 is 1.60. As of 16 March the least-squares line through (0,
/// 1), (7, 1.5), (14, 2), (16, 1.5): x̄ = 9.25, ȳ = 1.5, Sxx = 158.75, Sxy
/// = 7, slope 0.044094…; at 29 days, 1.5 + 0.044094 × 19.75 = 2.37: on
/// track. A target of 3 is behind; +50 % (1.50) is reached.
#[test]
fn where_each_goal_stands_computed_by_hand() {
    let location = Location::new("Test Shop", "USD", "UTC", 0).expect("location");
    let activity = activity();
    let merged = HashMap::new();
    let of = |as_of| GoalsOf {
        as_of,
        location: &location,
        program: None,
        activity: &activity,
        merged: &merged,
    };
    let goals = goals_in(&format!(
        "{}\n{}\n{}",
        frequency_goal("change_percent = 60"),
        frequency_goal("target = 3").replace("\"often\"", "\"thrice\""),
        frequency_goal("change_percent = 50").replace("\"often\"", "\"half\""),
    ));
    let progress = goals_of(&goals, &of(march(16)));
    let n = |x: f64| Some(KpiValue::Number(x));
    let on_track = &progress[0];
    assert_eq!(on_track.baseline, n(1.0));
    assert_eq!(on_track.target, n(1.6));
    assert_eq!(on_track.current, n(1.5));
    assert_eq!(on_track.projected, n(2.37));
    assert_eq!(on_track.status, GoalStatus::OnTrack);
    assert!(on_track.rising);
    assert_eq!(
        on_track
            .trend
            .iter()
            .map(|r| (r.day, r.value.clone()))
            .collect::<Vec<_>>(),
        [
            (feb(28), n(1.0)),
            (march(7), n(1.5)),
            (march(14), n(2.0)),
            (march(16), n(1.5))
        ]
    );
    assert_eq!(progress[1].target, n(3.0));
    assert_eq!(progress[1].status, GoalStatus::Behind);
    assert_eq!(progress[2].status, GoalStatus::Reached);

    // Four days in there are two readings: too early to draw a line.
    // Window 27 Feb – 5 Mar: A twice, B once: 1.50.
    let early = &goals_of(&goals, &of(march(5)))[0];
    assert_eq!(early.current, n(1.5));
    assert_eq!(early.projected, None);
    assert_eq!(early.status, GoalStatus::TooEarly);

    // Before it starts; after its date, judged on the date's reading:
    // 23–29 March, A once: 1.00 < 1.60, missed; 1.00 is not 1.50 either.
    assert_eq!(
        goals_of(&goals, &of(feb(20)))[0].status,
        GoalStatus::NotStarted
    );
    let after = goals_of(&goals, &of(march(31)));
    assert_eq!(after[0].current, n(1.0));
    assert_eq!(after[0].status, GoalStatus::Missed);
    assert_eq!(after[0].projected, None);
    assert_eq!(after[2].status, GoalStatus::Missed);

    // A change on a KPI with no value before the goal (no visits by 9 Feb).
    let none = goals_in(
        "[[goals]]\nid = \"check\"\nkpi = \"average_check\"\nchange_percent = 10\nstarts = 2026-02-10\nby = 2026-03-10\nwindow_days = 7\n\n[[goals]]\nid = \"lower\"\nkpi = \"average_check\"\ntarget = \"4.00\"\nstarts = 2026-03-01\nby = 2026-03-29\nwindow_days = 7\n",
    );
    let money = goals_of(&none, &of(march(16)));
    assert_eq!(money[0].baseline, None);
    assert_eq!(money[0].target, None);
    assert_eq!(money[0].status, GoalStatus::NoBaseline);
    // A target below where the KPI stood: it should fall. Every visit is
    // $5.00, so the line stays at 5.00: behind.
    assert_eq!(money[1].baseline, Some(KpiValue::Money("5.00".into())));
    assert!(!money[1].rising);
    assert_eq!(money[1].projected, Some(KpiValue::Money("5.00".into())));
    assert_eq!(money[1].status, GoalStatus::Behind);

    // A share asks for at most all: +50 % on 100 % (8–14 March: A and B
    // both twice) is 100 %; 10–16 March, only B came twice: 50 %.
    let all = goals_in(
        "[[goals]]\nid = \"all\"\nkpi = \"repeat_customer_rate\"\nchange_percent = 50\nstarts = 2026-03-15\nby = 2026-04-30\nwindow_days = 7\n",
    );
    let all = &goals_of(&all, &of(march(16)))[0];
    assert_eq!((all.baseline.clone(), all.target.clone()), (n(1.0), n(1.0)));
    assert_eq!(all.current, n(0.5));
    assert_eq!(all.status, GoalStatus::TooEarly);

    // The tables: a row per goal, a row per reading.
    let tables = goal_tables(&progress);
    assert_eq!(tables[0].id, "kpis-goals");
    assert_eq!(
        tables[0].rows[0][1..],
        [
            Cell::Label("kpi-visit-frequency".into()),
            Cell::Decimal("1.00".into()),
            Cell::Decimal("1.60".into()),
            Cell::Decimal("1.50".into()),
            Cell::Decimal("2.37".into()),
            Cell::Date("2026-03-29".into()),
            Cell::Label("report-goal-on-track".into()),
        ]
    );
    assert!(tables[0].attention, "a goal behind stands out");
    assert_eq!(tables[1].id, "kpis-goal-trend");
    assert_eq!(tables[1].rows.len(), 12);
}

/// Through the command: the KPIs carry the program's goals as of the current
/// business day whatever the period asked, and the CSV holds them.
#[test]
fn the_kpis_carry_the_goals() {
    let goal = "[[goals]]\nid = \"often\"\nname = \"Come back more often\"\nkpi = \"visit_frequency\"\nchange_percent = 50\nstarts = 2026-12-01\nby = 2027-01-31\nwindow_days = 7\n";
    let shop = Shop::new(
        &program_with(goal),
        "USD",
        "UTC",
        0,
        utc(2026, 11, 26, 9, 0),
    );
    let s = &shop.store;
    let (alice, _) = shop.enrol(Profile::default());
    s.record_visit(alice, visit(5_00), None).expect("visit");
    shop.at(utc(2026, 12, 3, 9, 0));
    s.record_visit(alice, visit(5_00), None).expect("visit");
    shop.at(utc(2026, 12, 4, 9, 0));
    s.record_visit(alice, visit(5_00), None).expect("visit");
    let till = Commands::over(s.store().clone());
    let kpis = till
        .kpis(&KpisOver {
            from: Some("2026-10-01".into()),
            to: Some("2026-10-31".into()),
        })
        .expect("the KPIs");
    assert_eq!(kpis.goals.len(), 1);
    let g = &kpis.goals[0];
    // 24–30 Nov: one visit (26 Nov) by one customer; 28 Nov – 4 Dec: two.
    assert_eq!(g.baseline, Some(KpiValue::Number(1.0)));
    assert_eq!(g.target, Some(KpiValue::Number(1.5)));
    assert_eq!(g.current, Some(KpiValue::Number(2.0)));
    assert_eq!(g.status, GoalStatus::Reached);
    let csv = till
        .kpis_csv(&KpisTableFile {
            from: None,
            to: None,
            table: "kpis-goals".into(),
            language: "en".into(),
        })
        .expect("the goals' CSV");
    assert!(
        csv.text
            .contains("Come back more often,Visit frequency,1.00,1.50,2.00,n/a,2027-01-31,Reached"),
        "{}",
        csv.text
    );
}
