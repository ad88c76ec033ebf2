//! A manager after close, on the demo shop's 90 days: the daily close opens
//! on the current business day, goes a day back, saves a table as CSV, and
//! the KPIs of the last 30 days, the segments (new rules previewed and kept,
//! the at-risk list saved), the liability in money, the offers against
//! their held-out groups; every figure checked
//! is the engine's, read from the same database; each screen in the four
//! languages.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use counterpart_engine::command::{CloseOfDay, Commands, KpisOver, SegmentsBy};
use counterpart_engine::report::{KpiValue, SegmentRules};
use counterpart_engine::SystemClock;

use crate::harness::{screenshot_dir, App, Start};

/// An attribute of the element `css`.
async fn attr(app: &App, css: &str, name: &str) -> String {
    app.find(css)
        .await
        .attr(name)
        .await
        .unwrap_or_else(|e| panic!("{name} of `{css}`: {e}"))
        .unwrap_or_else(|| panic!("`{css}` has no {name}"))
}

/// Saves the tab shown as a PDF with the reports' button, waits for the file
/// `name` in `exports`, checks the screen says where it went, and answers
/// the PDF's text (poppler's `pdftotext`); its first page is drawn beside the
/// screenshots as `picture.png` (pdftoppm), to be looked at.
async fn saved_pdf(app: &App, exports: &Path, name: &str, picture: &str) -> String {
    let path = exports.join(name);
    let _ = std::fs::remove_file(&path);
    app.click("[data-testid=reports-pdf]").await;
    let started = std::time::Instant::now();
    while !path.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{name} saved within a minute"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let shown = attr(
        app,
        &format!("[data-testid=report-exported][data-path$='{name}']"),
        "data-path",
    )
    .await;
    assert_eq!(Path::new(&shown), path, "the screen says where it went");
    let bytes = std::fs::read(&path).expect("the saved PDF");
    assert!(bytes.starts_with(b"%PDF-"), "{name} is a PDF");
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, scripts/setup.sh)");
    assert!(out.status.success(), "pdftotext reads {name}");
    let page = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&path)
        .arg(screenshot_dir().join(picture))
        .status()
        .expect("pdftoppm");
    assert!(page.success(), "pdftoppm draws {name}");
    String::from_utf8(out.stdout)
        .expect("UTF-8 text")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// Switches the language through the settings and comes back to the reports.
async fn reports_in(app: &App, language: &str) {
    app.click("[data-testid=settings-open]").await;
    app.in_language(language).await;
    app.click("[data-testid=settings-close]").await;
    app.find("[data-testid=reports-screen]").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_reads_every_report_and_saves_tables() {
    let exports = tempfile::tempdir().expect("exports folder");
    let app = App::start(Start {
        args: vec!["--demo".into()],
        env: vec![(
            "COUNTERPART_EXPORTS".into(),
            exports.path().display().to_string(),
        )],
        ..Start::default()
    })
    .await;
    app.until_within(
        Duration::from_secs(90),
        "the demo shop's barista screen",
        "!!document.querySelector('[data-testid=barista]')",
    )
    .await;
    // The demo runs open: anyone has the settings, and in them the reports.
    app.click("[data-testid=settings-open]").await;
    app.click("[data-testid=open-reports]").await;
    app.find("[data-testid=reports-screen]").await;

    let engine = Commands::open(&app.db, Arc::new(SystemClock)).expect("the app's database");
    let today = engine
        .close_view(&CloseOfDay { day: None })
        .expect("today's close")
        .today;
    app.until(
        "the current business day",
        &format!("document.querySelector('[data-testid=reports-day]')?.dataset.day === '{today}'"),
    )
    .await;

    // The day before, whole: the tiles are the engine's figures.
    app.click("[data-testid=reports-previous]").await;
    let yesterday = today.pred_opt().expect("a day before");
    app.until(
        "the day before",
        &format!(
            "document.querySelector('[data-testid=reports-day]')?.dataset.day === '{yesterday}'"
        ),
    )
    .await;
    let close = engine
        .daily_close(&CloseOfDay {
            day: Some(yesterday.to_string()),
        })
        .expect("yesterday's close");
    assert!(close.visits > 0, "the demo's history has visits every day");
    for (measure, expected) in [
        ("visits", close.visits.to_string()),
        ("customers", close.customers.to_string()),
        ("sales", close.sales.clone()),
        ("average-check", close.average_check.clone()),
        ("points-issued", close.points.issued.to_string()),
    ] {
        assert_eq!(
            attr(
                &app,
                &format!("[data-testid=report-tile-{measure}]"),
                "data-value"
            )
            .await,
            expected,
            "{measure}"
        );
    }
    app.find("[data-testid=report-chart-by-hour]").await;
    let staff_rows = attr(
        &app,
        "[data-testid=report-table][data-table=close-by-staff]",
        "data-rows",
    )
    .await;
    assert_eq!(staff_rows, close.by_staff.len().to_string());

    // The summary saved as CSV: where the screen says, with the engine's sales.
    app.click("[data-testid=report-export][data-table=close-summary]")
        .await;
    let path = attr(&app, "[data-testid=report-exported]", "data-path").await;
    assert!(
        path.starts_with(&exports.path().display().to_string()),
        "{path}"
    );
    let csv = std::fs::read_to_string(&path).expect("the saved CSV");
    assert!(csv.starts_with("\u{feff}Measure,Value\r\n"), "{csv}");
    assert!(
        csv.contains(&format!("\r\nMember sales,{}\r\n", close.sales)),
        "{csv}"
    );

    // The KPIs of the last 30 days: the engine's, beside the 30 before.
    app.click("[data-testid=reports-tab-kpis]").await;
    app.find("[data-testid=kpis-screen]").await;
    let kpis = engine
        .kpis(&KpisOver {
            from: None,
            to: None,
        })
        .expect("kpis");
    app.until(
        "the default period",
        &format!(
            "document.querySelector('[data-testid=kpis-period]')?.dataset.from === '{}'",
            kpis.period.from
        ),
    )
    .await;
    // Breakage is counted on its own, after the other cards.
    app.until(
        "breakage counted",
        "document.querySelector('[data-testid=kpi-card][data-kpi=breakage]')?.dataset.why === ''",
    )
    .await;
    for kpi in &kpis.kpis {
        let shown = attr(
            &app,
            &format!("[data-testid=kpi-card][data-kpi={}]", kpi.id),
            "data-value",
        )
        .await;
        match &kpi.value {
            Some(KpiValue::Money(m)) => assert_eq!(&shown, m, "{}", kpi.id),
            Some(KpiValue::Number(x)) => {
                let on_screen: f64 = shown.parse().expect("a number");
                assert!((on_screen - x).abs() < 1e-9, "{}: {shown} vs {x}", kpi.id);
            }
            None => assert_eq!(shown, "", "{}", kpi.id),
        }
    }
    app.find("[data-testid=kpis-chart]").await;
    // The KPIs saved as CSV: the engine's visit frequency, machine-readable.
    app.click("[data-testid=report-export][data-table=kpis]")
        .await;
    let path = attr(&app, "[data-testid=report-exported]", "data-path").await;
    let csv = std::fs::read_to_string(&path).expect("the saved CSV");
    assert!(
        csv.starts_with("\u{feff}KPI,Value,Previous period,Definition\r\n"),
        "{csv}"
    );
    if let Some(KpiValue::Number(x)) = kpis
        .kpis
        .iter()
        .find(|k| k.id == "visit_frequency")
        .and_then(|k| k.value.clone())
    {
        assert!(
            csv.contains(&format!("\r\nVisit frequency,{x:.2},")),
            "{csv}"
        );
    }

    // The demo's goal: where it stands is the engine's, and its table saves.
    let goal = kpis.goals.first().expect("the demo shop has a goal");
    let status = attr(&app, "[data-testid=goal-card]", "data-status").await;
    assert_eq!(status, goal.status.id(), "the goal's status");
    app.scroll_to("[data-testid=goals]").await;
    app.find("[data-testid=goal-chart]").await;
    app.screenshot("41-reports-goals-en").await;
    app.click("[data-testid=report-export][data-table=kpis-goals]")
        .await;
    app.until(
        "the goals saved",
        "document.querySelector('[data-testid=report-exported]')?.dataset.path?.includes('kpis-goals-')",
    )
    .await;
    let path = attr(&app, "[data-testid=report-exported]", "data-path").await;
    let csv = std::fs::read_to_string(&path).expect("the goals' CSV");
    assert!(
        csv.starts_with("\u{feff}Goal,KPI,Before it started,Target,Now,Trend by the target date,Target date,Where it stands"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nBack more often,Visit frequency,"),
        "{csv}"
    );

    // Reward popularity: the engine's counts, in its order, and its table saves.
    app.scroll_to("[data-testid=reward-popularity]").await;
    app.find("[data-testid=reward-line]").await;
    let shown = app
        .eval_string(
            "return Array.from(document.querySelectorAll('[data-testid=reward-line]'))\
               .map((r) => r.dataset.reward + '=' + r.dataset.count).join(' ')",
        )
        .await;
    let engine_order: Vec<String> = kpis
        .rewards
        .iter()
        .map(|r| format!("{}={}", r.reward, r.count))
        .collect();
    assert_eq!(shown, engine_order.join(" "), "reward popularity");
    assert!(
        kpis.rewards.iter().any(|r| r.count > 0),
        "the demo's customers redeem rewards: {:?}",
        kpis.rewards
    );
    app.screenshot("41-reports-rewards-en").await;
    app.click("[data-testid=report-export][data-table=kpis-rewards]")
        .await;
    app.until(
        "reward popularity saved",
        "document.querySelector('[data-testid=report-exported]')?.dataset.path?.includes('kpis-rewards-')",
    )
    .await;
    let path = attr(&app, "[data-testid=report-exported]", "data-path").await;
    let csv = std::fs::read_to_string(&path).expect("the rewards' CSV");
    assert!(
        csv.starts_with("\u{feff}Reward,Times redeemed,Previous period,Share\r\n"),
        "{csv}"
    );

    // The monthly cohorts: the engine's, month by month.
    app.scroll_to("[data-testid=cohorts]").await;
    app.find("[data-testid=cohort]").await;
    let shown = app
        .eval_string(
            "return Array.from(document.querySelectorAll('[data-testid=cohort]'))\
               .map((r) => r.dataset.month + '=' + r.dataset.customers).join(' ')",
        )
        .await;
    let cohorts = engine.kpi_cohorts().expect("cohorts");
    let engine_cohorts: Vec<String> = cohorts
        .iter()
        .map(|c| format!("{}={}", c.month, c.customers))
        .collect();
    assert_eq!(shown, engine_cohorts.join(" "), "the cohorts");
    assert!(
        cohorts.iter().any(|c| c.customers > 0),
        "the demo's customers joined in the last year: {cohorts:?}"
    );
    app.screenshot("41-reports-cohorts-en").await;

    // The liability: the engine's totals, and a table saved as CSV.
    app.click("[data-testid=reports-tab-liability]").await;
    app.find("[data-testid=liability-as-of]").await;
    let liability = engine.liability().expect("liability");
    assert!(
        liability.lines.iter().any(|l| l.outstanding > 0),
        "the demo's customers hold points"
    );
    for (id, total) in [
        ("face-value", &liability.face_value),
        ("expected-cost", &liability.expected_cost),
        ("deferral", &liability.deferral),
    ] {
        let css = format!("[data-testid=liability-total-{id}]");
        assert_eq!(attr(&app, &css, "data-value").await, total.amount, "{id}");
        assert_eq!(
            attr(&app, &css, "data-complete").await,
            total.complete.to_string(),
            "{id}"
        );
    }
    app.click("[data-testid=report-export][data-table=liability-ages]")
        .await;
    let path = attr(&app, "[data-testid=report-exported]", "data-path").await;
    let csv = std::fs::read_to_string(&path).expect("the saved CSV");
    let points = &liability.lines[0];
    let ages: Vec<String> = points.ages.iter().map(i64::to_string).collect();
    assert!(
        csv.contains(&format!("\r\nPoints,,{}\r\n", ages.join(","))),
        "{csv}"
    );

    // The segments: the engine's sizes on the tiles; new rules previewed
    // (whom they move, as the engine counts it), then kept on the till; the
    // at-risk list saved.
    app.click("[data-testid=reports-tab-segments]").await;
    app.find("[data-testid=segments-as-of]").await;
    let segments = engine.segments(&SegmentsBy::default()).expect("segments");
    assert!(segments.customers > 0, "the demo has customers");
    assert_eq!(
        attr(&app, "[data-testid=segments-customers]", "data-customers").await,
        segments.customers.to_string()
    );
    for size in &segments.sizes {
        let css = format!(
            "[data-testid=segment-tile][data-segment={}]",
            size.segment.id().replace('-', "_")
        );
        assert_eq!(
            attr(&app, &css, "data-customers").await,
            size.customers.to_string(),
            "{css}"
        );
    }
    let proposed = SegmentRules {
        new_days: 7,
        lapsed_days: 45,
        ..segments.rules
    };
    let preview = engine
        .segments(&SegmentsBy {
            rules: Some(proposed),
        })
        .expect("preview");
    let moved: i64 = preview.moves.iter().map(|m| m.customers).sum();
    // WebKit's driver neither clicks nor clears a number field (as in the
    // staff test): the value is set and the field told, as typing does.
    app.client
        .execute(
            "for (const [field, days] of [['new_days', '7'], ['lapsed_days', '45']]) { const i = document.querySelector(`[data-testid=segment-rule-${field}]`); i.value = days; i.dispatchEvent(new Event('input', { bubbles: true })); }",
            vec![],
        )
        .await
        .expect("type the days a customer is new");
    app.click("[data-testid=segment-rules-preview]").await;
    assert_eq!(
        attr(&app, "[data-testid=segment-rules-previewing]", "data-moved").await,
        moved.to_string()
    );
    assert!(
        moved > 0,
        "45 days without a visit lapses some of 90 days' customers"
    );
    app.scroll_to("[data-testid=segment-rules]").await;
    app.screenshot("43-reports-segments-preview-en").await;
    app.click("[data-testid=segment-rules-keep]").await;
    app.find("[data-testid=segment-rules-kept]").await;
    assert_eq!(engine.segment_rules().expect("rules"), proposed);
    app.click("[data-testid=report-export][data-table=at-risk]")
        .await;
    let path = attr(&app, "[data-testid=report-exported]", "data-path").await;
    let csv = std::fs::read_to_string(&path).expect("the saved CSV");
    assert!(
        csv.starts_with("\u{feff}Customer,Last visit,Days since,Usual gap (days)"),
        "{csv}"
    );
    let listed = engine
        .segments(&SegmentsBy::default())
        .expect("segments")
        .at_risk
        .len();
    assert_eq!(csv.trim_end().lines().count(), listed + 1, "{csv}");
    app.scroll_to("[data-testid=report-table][data-table=at-risk]")
        .await;
    app.screenshot("43-reports-segments-at-risk-en").await;

    // The offers: the demo's measured offer against its held-out group, as
    // the engine counts it, with its change; the groups saved.
    app.click("[data-testid=reports-tab-offers]").await;
    app.find("[data-testid=offers-as-of]").await;
    let offers = engine.offers().expect("offers");
    let bonus = offers.offers.first().expect("the demo's measured offer");
    assert!(
        bonus.enough_data,
        "300 customers, a fifth held out, eight weeks: {bonus:?}"
    );
    assert_eq!(
        attr(&app, "[data-testid=offer]", "data-offer").await,
        bonus.offer
    );
    assert_eq!(
        attr(&app, "[data-testid=offer]", "data-enough").await,
        "true"
    );
    for (group, figures) in [("exposed", &bonus.exposed), ("held-out", &bonus.held_out)] {
        assert_eq!(
            attr(
                &app,
                &format!("[data-testid=offer-group][data-group={group}]"),
                "data-customers"
            )
            .await,
            figures.customers.to_string(),
            "{group}"
        );
    }
    app.find("[data-testid=offer-uplift][data-measure=spend]")
        .await;
    app.screenshot("44-reports-offers-en").await;
    app.click("[data-testid=report-export][data-table=offers]")
        .await;
    let path = attr(&app, "[data-testid=report-exported]", "data-path").await;
    let csv = std::fs::read_to_string(&path).expect("the saved CSV");
    assert!(
        csv.starts_with("\u{feff}Offer,First day,Last day,Group,Customers,Visits,Sales"),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "Bonus weeks,{},{},Held out,{},{},",
            bonus.from, bonus.to, bonus.held_out.customers, bonus.held_out.visits
        )),
        "{csv}"
    );

    // Each screen in every language, and each saved as a PDF in it: the
    // shop's name, the report's title and its page numbers in the reader's
    // words.
    let shop = engine
        .overview()
        .expect("the till")
        .shop
        .expect("the demo shop")
        .shop_name;
    let words = |language: &str| match language {
        "en" => [
            "Daily close of",
            "Page 1 of",
            "Outstanding as of",
            "Offers as of",
        ],
        "pl" => [
            "Zamknięcie dnia",
            "Strona 1 z",
            "Do wykorzystania na dzień",
            "Oferty, stan na",
        ],
        "fr" => ["Clôture du", "Page 1 sur", "En cours au", "Offres au"],
        _ => [
            "Закрытие дня",
            "Страница 1 из",
            "Не использовано на",
            "Акции на",
        ],
    };
    for language in ["en", "pl", "fr", "ru"] {
        let [close_title, page, liability_title, offers_title] = words(language);
        reports_in(&app, language).await;
        app.click("[data-testid=reports-tab-close]").await;
        app.find("[data-testid=report-chart-by-hour]").await;
        app.screenshot(&format!("40-reports-close-{language}"))
            .await;
        let shown = attr(&app, "[data-testid=reports-day]", "data-day").await;
        let pdf = saved_pdf(
            &app,
            exports.path(),
            &format!("close-{shown}.pdf"),
            &format!("45-reports-close-pdf-{language}"),
        )
        .await;
        for expected in [shop.as_str(), close_title, page] {
            assert!(pdf.contains(expected), "`{expected}` in:\n{pdf}");
        }
        app.click("[data-testid=reports-tab-kpis]").await;
        app.find("[data-testid=kpi-card]").await;
        app.screenshot(&format!("41-reports-kpis-{language}")).await;
        app.scroll_to("[data-testid=goals]").await;
        app.screenshot(&format!("41-reports-goals-{language}"))
            .await;
        app.scroll_to("[data-testid=reward-popularity]").await;
        app.find("[data-testid=reward-line]").await;
        app.screenshot(&format!("41-reports-rewards-{language}"))
            .await;
        app.scroll_to("[data-testid=cohorts]").await;
        app.find("[data-testid=cohort]").await;
        app.screenshot(&format!("41-reports-cohorts-{language}"))
            .await;
        app.click("[data-testid=reports-tab-segments]").await;
        app.find("[data-testid=segment-tile]").await;
        app.screenshot(&format!("43-reports-segments-{language}"))
            .await;
        app.click("[data-testid=reports-tab-liability]").await;
        app.find("[data-testid=liability-total-face-value]").await;
        app.screenshot(&format!("42-reports-liability-{language}"))
            .await;
        let pdf = saved_pdf(
            &app,
            exports.path(),
            &format!("liability-{today}.pdf"),
            &format!("45-reports-liability-pdf-{language}"),
        )
        .await;
        assert!(
            pdf.contains(liability_title),
            "`{liability_title}` in:\n{pdf}"
        );
        app.click("[data-testid=reports-tab-offers]").await;
        app.find("[data-testid=offer]").await;
        app.screenshot(&format!("44-reports-offers-{language}"))
            .await;
        if language == "en" {
            // Every report once: the KPIs, the segments (the whole at-risk
            // list) and the offers too.
            let pdf = saved_pdf(
                &app,
                exports.path(),
                &format!("offers-{today}.pdf"),
                "45-reports-offers-pdf-en",
            )
            .await;
            // The offer's name may wrap in its column: "Bonus" / "weeks".
            assert!(pdf.contains(offers_title) && pdf.contains("Bonus"), "{pdf}");
            app.click("[data-testid=reports-tab-segments]").await;
            app.find("[data-testid=segment-tile]").await;
            let pdf = saved_pdf(
                &app,
                exports.path(),
                &format!("segments-{today}.pdf"),
                "45-reports-segments-pdf-en",
            )
            .await;
            assert!(pdf.contains("At risk: customers to win back"), "{pdf}");
            app.click("[data-testid=reports-tab-kpis]").await;
            let period = app.find("[data-testid=kpis-period]").await;
            let from = period.attr("data-from").await.ok().flatten().expect("from");
            let to = period.attr("data-to").await.ok().flatten().expect("to");
            let pdf = saved_pdf(
                &app,
                exports.path(),
                &format!("kpis-{from}-to-{to}.pdf"),
                "45-reports-kpis-pdf-en",
            )
            .await;
            for table in ["KPIs", "Reward popularity", "Monthly cohort retention"] {
                assert!(pdf.contains(table), "`{table}` in:\n{pdf}");
            }
        }
    }

    // Escape goes back to the till.
    app.click("[data-testid=reports-tab-close]").await;
    app.keys("\u{e00c}").await;
    app.find("[data-testid=barista]").await;
    app.close().await;
}
