//! Reports on the generated shop (100k customers, 1M events over two years;
//! see `common/mod.rs`), release build, one call at a time:
//! - the daily close of 40 days of the last year: p50/p95 (target p95 ≤ 100 ms);
//! - the KPIs' cards of 30, 90 and 365 days (nine measures; breakage
//!   being counted), 5 runs each (targets: 90 days ≤ 500 ms, a year ≤ 2 s);
//! - reward popularity of 30 and 90 days, asked on its own as the screen
//!   asks it, 5 runs each;
//! - breakage of 30 and 365 days (every customer's points history), asked on
//!   its own as the screen asks it, 5 runs each (target: its card filled ≤ 1 s
//!   after the others);
//! - the monthly cohorts of the last twelve months, asked on their own as the
//!   screen asks them, 5 runs (target: the section painted ≤ 1 s after the
//!   cards);
//! - the liability in money (every balance's movements over two years), 5
//!   runs (target: its screen painted ≤ 1 s after the manager asks);
//! - the segments of every customer, with the sizes at 12 month ends and the
//!   at-risk list, 5 runs (target ≤ 1 s);
//! - the offers report of an offer that held out a tenth of everyone for the
//!   last year, 5 runs (target: its screen painted ≤ 1 s after the manager
//!   asks);
//! - each report as a PDF in Polish: the close of a day (10 days), a year of
//!   KPIs, the liability, the segments with the whole at-risk list (3 runs
//!   each; no target of its own: the report's own time plus the writing,
//!   which the screen shows as "Saving the PDF…");
//! - the goals once the program has two goals (a year-long goal
//!   on retention read over 28 days, 26 readings; a quarter's goal on the
//!   average check read over 7 days, 13 readings), asked on their own as the
//!   screen asks them, 5 runs (target: the section painted ≤ 1 s after the
//!   cards);
//! - a visit recorded while a year of KPIs computes on another connection,
//!   beside the same visits recorded idle in the same run (target: p99 ≤ 1.5×
//!   idle, never "database is locked").
//!
//! `cargo bench -p counterpart-engine --bench reports` (all of them), or
//! `COUNTERPART_BENCH_ONLY=segments,liability cargo bench …` (those named:
//! close, kpis, liability, segments, offers, breakage, rewards, cohorts,
//! goals, pdf, visits).
#![allow(clippy::print_stdout)] // printing the figures is this benchmark's job

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate};
use counterpart_engine::command::typed::Typed;
use counterpart_engine::command::{
    CloseOfDay, Commands, KpisOver, PublishProgram, ReportOf, ReportPdf, SegmentsBy,
};
use counterpart_engine::ledger::CustomerId;
use counterpart_engine::report::{segments_of, SegmentRules, SegmentsOf};
use counterpart_engine::rules::VisitInput;
use counterpart_engine::Store;

mod common;
use common::{clock, env_u64, percentiles, shop_file, working_copy};

/// The KPIs' cards of a period: what the screen waits for (the goals and
/// the cohorts are asked on their own, timed by `goals` and `cohorts`).
fn kpis(commands: &Commands, to: NaiveDate, days: i64) -> Duration {
    let started = Instant::now();
    commands
        .kpi_figures(&KpisOver {
            from: Some((to - Days::days(days - 1)).to_string()),
            to: Some(to.to_string()),
        })
        .expect("kpis");
    started.elapsed()
}

/// Five runs of `ask` for the `days` business days up to `today`, each timed.
fn of_period(today: NaiveDate, days: i64, ask: impl Fn(&KpisOver)) -> Vec<Duration> {
    let over = KpisOver {
        from: Some((today - Days::days(days - 1)).to_string()),
        to: Some(today.to_string()),
    };
    (0..5)
        .map(|_| {
            let started = Instant::now();
            ask(&over);
            started.elapsed()
        })
        .collect()
}

/// Visits recorded one after another, each timed.
fn visits(shop: &Typed, customers: &[CustomerId], n: usize) -> Vec<Duration> {
    (0..n)
        .map(|i| {
            let customer = customers[i % customers.len()];
            let started = Instant::now();
            shop.record_visit(
                customer,
                VisitInput {
                    amount: 450,
                    items: Vec::new(),
                    coupon: None,
                },
                None,
            )
            .expect("visit");
            started.elapsed()
        })
        .collect()
}

/// The figure `name` is asked for (all are, unless `COUNTERPART_BENCH_ONLY` names some).
fn wants(name: &str) -> bool {
    std::env::var("COUNTERPART_BENCH_ONLY")
        .map_or(true, |only| only.split(',').any(|o| o.trim() == name))
}

fn main() {
    let path = shop_file();
    let (_dir, copy) = working_copy(&path);
    let store = Store::open(&copy, clock()).expect("open");
    let commands = Commands::over(store.clone());
    let today = commands
        .close_view(&CloseOfDay { day: None })
        .expect("close")
        .today;

    if wants("close") {
        closes(&commands, today);
    }
    if wants("kpis") {
        for period in [30, 90, 365] {
            let runs: Vec<Duration> = (0..5).map(|_| kpis(&commands, today, period)).collect();
            println!("KPIs of {period} days: {}", percentiles(runs));
        }
    }
    if wants("liability") {
        liability(&commands);
    }
    if wants("segments") {
        segments(&commands, &store, today);
    }
    if wants("offers") {
        offers(&commands, today);
    }
    if wants("pdf") {
        pdfs(&commands, today);
    }
    if wants("breakage") {
        for period in [30, 365] {
            let runs = of_period(today, period, |over| {
                commands.kpi_breakage(over).expect("breakage");
            });
            println!("breakage of {period} days: {}", percentiles(runs));
        }
    }
    if wants("rewards") {
        for period in [30, 90] {
            let runs = of_period(today, period, |over| {
                commands.kpi_rewards(over).expect("reward popularity");
            });
            println!("reward popularity of {period} days: {}", percentiles(runs));
        }
    }
    if wants("cohorts") {
        let runs: Vec<Duration> = (0..5)
            .map(|_| {
                let started = Instant::now();
                let cohorts = commands.kpi_cohorts().expect("cohorts");
                let took = started.elapsed();
                assert!(cohorts.iter().any(|c| c.customers > 0), "{cohorts:?}");
                took
            })
            .collect();
        println!("monthly cohorts of a year: {}", percentiles(runs));
    }
    if wants("goals") {
        goals(&commands, today);
    }
    if wants("visits") {
        visits_beside_kpis(&store, &copy, today);
    }
}

/// The offers report, once the program has an offer that held out a tenth
/// of everyone over the last year (published on the working copy).
fn offers(commands: &Commands, today: NaiveDate) {
    let starts = today - Days::days(364);
    commands
        .publish_program(&PublishProgram {
            source: format!(
                "{}\n[[offers]]\nid = \"measured\"\nname = \"Measured\"\nkind = \"bonus\"\nbonus_points = 5\nstarts = {starts}\nholdout_percent = 10\n",
                counterpart_engine::demo::DEMO_PROGRAM
            ),
            key: None,
        })
        .expect("a program with a measured offer");
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let view = commands.offers_view().expect("offers");
            let took = started.elapsed();
            let measured = &view.offers.offers[0];
            assert!(measured.enough_data, "a year of 100k customers");
            took
        })
        .collect();
    println!("offers: {}", percentiles(runs));
}

/// The goals' section once the program has two goals (published on the
/// working copy), asked on its own as the screen asks it (`kpi_goals`).
fn goals(commands: &Commands, today: NaiveDate) {
    let year = today - Days::days(300);
    let quarter = today - Days::days(60);
    commands
        .publish_program(&PublishProgram {
            source: format!(
                "{}\n[[goals]]\nid = \"keep\"\nkpi = \"retention\"\nchange_percent = 10\nstarts = {year}\nby = {}\nwindow_days = 28\n\n[[goals]]\nid = \"check\"\nkpi = \"average_check\"\ntarget = \"6.50\"\nstarts = {quarter}\nby = {}\nwindow_days = 7\n",
                counterpart_engine::demo::DEMO_PROGRAM,
                year + Days::days(365),
                quarter + Days::days(90),
            ),
            key: None,
        })
        .expect("a program with goals");
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let goals = commands.kpi_goals().expect("the goals");
            let took = started.elapsed();
            assert_eq!(goals.len(), 2);
            assert!(goals.iter().all(|g| g.trend.len() >= 10), "{goals:?}");
            took
        })
        .collect();
    println!("two goals (kpi_goals): {}", percentiles(runs));
}

/// Each report as a PDF in Polish: how long, how many bytes.
fn pdfs(commands: &Commands, today: NaiveDate) {
    let pdf = |report: ReportOf| {
        let started = Instant::now();
        let file = commands
            .report_pdf(&ReportPdf {
                report,
                language: "pl".into(),
            })
            .expect("pdf");
        (started.elapsed(), file.bytes.len())
    };
    let days: Vec<(Duration, usize)> = (0..10)
        .map(|i| {
            let day = today - Days::days(1 + i * 37 % 365);
            pdf(ReportOf::Close(CloseOfDay {
                day: Some(day.to_string()),
            }))
        })
        .collect();
    let bytes = days.iter().map(|(_, b)| b).max().copied().unwrap_or(0);
    println!(
        "PDF of a day's close: {} (at most {} KB)",
        percentiles(days.into_iter().map(|(t, _)| t).collect()),
        bytes / 1024
    );
    let named = [
        (
            "a year of KPIs",
            ReportOf::Kpis(KpisOver {
                from: Some((today - Days::days(364)).to_string()),
                to: Some(today.to_string()),
            }),
        ),
        ("the liability", ReportOf::Liability),
        (
            "the segments with the whole at-risk list",
            ReportOf::Segments(SegmentsBy::default()),
        ),
    ];
    for (name, report) in named {
        let runs: Vec<(Duration, usize)> = (0..3).map(|_| pdf(report.clone())).collect();
        let bytes = runs.first().map_or(0, |(_, b)| *b);
        println!(
            "PDF of {name}: {} ({} KB)",
            percentiles(runs.into_iter().map(|(t, _)| t).collect()),
            bytes / 1024
        );
    }
}

/// The daily close of days of the last year.
fn closes(commands: &Commands, today: NaiveDate) {
    let days = env_u64("COUNTERPART_BENCH_CLOSE_DAYS", 40);
    let closes: Vec<Duration> = (0..days)
        .map(|i| {
            let day = today - Days::days(1 + i64::try_from(i * 9 % 365).unwrap_or(0));
            let started = Instant::now();
            let close = commands
                .daily_close(&CloseOfDay {
                    day: Some(day.to_string()),
                })
                .expect("close");
            let took = started.elapsed();
            assert!(close.visits > 0, "{day} has visits");
            took
        })
        .collect();
    println!("daily close of a day: {}", percentiles(closes));
}

fn liability(commands: &Commands) {
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let liability = commands.liability_view().expect("liability");
            let took = started.elapsed();
            assert!(
                liability.liability.lines.iter().any(|l| l.outstanding > 0),
                "the shop's customers hold points"
            );
            took
        })
        .collect();
    println!("liability: {}", percentiles(runs));
}

/// The segments, then where their time goes.
fn segments(commands: &Commands, store: &Store, today: NaiveDate) {
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let segments = commands
                .segments_view(&SegmentsBy::default())
                .expect("segments");
            let took = started.elapsed();
            assert!(segments.segments.customers > 0, "the shop has customers");
            took
        })
        .collect();
    println!("segments: {}", percentiles(runs));
    // Where the segments' time goes: reading the customers and visits, then counting.
    let location = store.location().expect("location");
    let (reads, counts): (Vec<Duration>, Vec<Duration>) = (0..5)
        .map(|_| {
            let started = Instant::now();
            let clientele = store.clientele().expect("clientele");
            let read = started.elapsed();
            let started = Instant::now();
            let rules = SegmentRules::default();
            segments_of(
                &SegmentsOf {
                    as_of: today,
                    location: &location,
                    rules,
                    saved: rules,
                    last_sync: None,
                },
                &clientele,
            );
            (read, started.elapsed())
        })
        .unzip();
    println!(
        "segments, reading: {}; counting: {}",
        percentiles(reads),
        percentiles(counts)
    );
}

/// A visit while a year of KPIs computes, against the same visits idle.
fn visits_beside_kpis(store: &Store, copy: &std::path::Path, today: NaiveDate) {
    let shop = Typed::new(store.clone());
    let customers = store.most_visits(200).expect("customers");
    let n = usize::try_from(env_u64("COUNTERPART_BENCH_VISITS", 300)).unwrap_or(300);
    let idle = visits(&shop, &customers, n);
    println!("a visit, idle: {}", percentiles(idle));
    let busy = Arc::new(AtomicBool::new(true));
    let reader = {
        let busy = busy.clone();
        let commands = Commands::over(Store::open(copy, clock()).expect("second connection"));
        std::thread::spawn(move || {
            let mut runs = 0;
            while busy.load(Ordering::Relaxed) {
                kpis(&commands, today, 365);
                runs += 1;
            }
            runs
        })
    };
    let during = visits(&shop, &customers, n);
    busy.store(false, Ordering::Relaxed);
    let runs = reader.join().expect("the KPI thread");
    println!(
        "a visit while a year of KPIs computes ({runs} runs alongside): {}",
        percentiles(during)
    );
}
