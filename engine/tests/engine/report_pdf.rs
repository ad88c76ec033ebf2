//! Reports as PDF files, read back as a reader (and a printer) would: the
//! text layer through poppler's `pdftotext`, the fonts through `pdffonts`.
//! Every cell the screen lists is in the PDF, written as the screen writes
//! it, in the reader's language.

use std::path::Path;
use std::process::Command;

use counterpart_engine::command::{CloseOfDay, Commands, ReportOf, ReportPdf, SegmentsBy};
use counterpart_engine::i18n::{Catalogue, Language};
use counterpart_engine::ledger::Profile;
use counterpart_engine::money::Currency;
use counterpart_engine::report::pdf::cell_text;

use crate::common::*;

/// Runs a poppler tool (`scripts/setup.sh` installs poppler-utils) on `pdf`.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        // To stdout.
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (poppler-utils, scripts/setup.sh): {e}"));
    assert!(
        out.status.success(),
        "{tool} reads the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    plain(&String::from_utf8(out.stdout).expect("UTF-8 text"))
}

/// Words with their no-break spaces as plain ones (a PDF's text layer may
/// give either).
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The points café's program in `currency`.
fn points_cafe_in(currency: &str) -> String {
    example("points-cafe.toml").replace("currency = \"USD\"", &format!("currency = \"{currency}\""))
}

/// A Polish café's Saturday: Łucja's two visits and a void with a reason.
fn polish_saturday() -> Shop {
    let shop = Shop::new(
        &points_cafe_in("PLN"),
        "PLN",
        "Europe/Warsaw",
        2,
        utc(2026, 12, 5, 8, 0),
    );
    let s = &shop.store;
    let (lucja, _) = shop.enrol(Profile {
        name: Some("Łucja Żak".into()),
        ..Profile::default()
    });
    s.record_visit(lucja, visit(12_50), None).expect("visit");
    shop.at(utc(2026, 12, 5, 9, 30));
    let wrong = s.record_visit(lucja, visit(91_200), None).expect("visit");
    shop.at(utc(2026, 12, 5, 9, 31));
    s.void(wrong.event_id, "pomyłka kasjera", None)
        .expect("void");
    shop.at(utc(2026, 12, 5, 21, 5));
    shop
}

fn written(dir: &Path, file: &counterpart_engine::command::PdfFile) -> std::path::PathBuf {
    let path = file.save_in(dir).expect("saved");
    assert!(
        std::fs::read(&path).expect("read").starts_with(b"%PDF-"),
        "a PDF file"
    );
    path
}

#[test]
fn the_close_as_a_pdf_holds_every_cell_of_the_screen_in_polish() {
    let shop = polish_saturday();
    let till = Commands::over(shop.store.store().clone());
    let day = CloseOfDay {
        day: Some("2026-12-05".into()),
    };
    let file = till
        .report_pdf(&ReportPdf {
            report: ReportOf::Close(day.clone()),
            language: "pl".into(),
        })
        .expect("pdf");
    assert_eq!(file.file_name, "close-2026-12-05.pdf");
    let dir = tempfile::tempdir().expect("dir");
    let path = written(dir.path(), &file);
    let text = poppler("pdftotext", &["-layout"], &path);

    for words in [
        "Test Shop",
        // The title, the freshness and when it was made, in Polish.
        "Zamknięcie dnia 5.12.2026",
        "nigdy się nie synchronizowała",
        "Sporządzono 5.12.2026 o 22:05",
        "Strona 1 z 1",
        // A table's title and headings, the void's reason as typed.
        "Anulowania",
        "Sprzedaż",
        "pomyłka kasjera",
        "Łucja Żak",
    ] {
        assert!(text.contains(words), "`{words}` in:\n{text}");
    }
    // Every cell of every table the screen lists, as the screen writes it.
    let view = till.close_view(&day).expect("view");
    let catalogue = Catalogue::new(Language::Pl);
    let pln = Currency::parse("PLN").expect("PLN");
    for table in &view.tables {
        for cell in table.rows.iter().flatten() {
            let shown = plain(&cell_text(cell, pln, &catalogue));
            assert!(
                text.contains(&shown),
                "`{shown}` of {} in:\n{text}",
                table.id
            );
        }
    }
    assert!(text.contains("12,50 zł"), "money as a Pole writes it");

    // Both faces are embedded (subset), so any printer prints Ł and Ż.
    let fonts = poppler("pdffonts", &[], &path);
    let dejavu: Vec<_> = fonts.lines().filter(|l| l.contains("DejaVuSans")).collect();
    assert!(dejavu.len() >= 2, "regular and bold:\n{fonts}");
    for line in dejavu {
        assert!(line.contains(" yes "), "embedded: {line}");
    }
}

#[test]
fn every_report_prints_in_russian_and_a_long_list_runs_onto_pages() {
    let shop = Shop::new(
        &points_cafe_in("RUB"),
        "RUB",
        "Europe/Moscow",
        0,
        utc(2026, 6, 1, 9, 0),
    );
    // 160 customers a year ago, each with a few visits: the segments'
    // lists run long.
    for i in 0..160 {
        let (c, _) = shop.enrol(Profile {
            name: Some(format!("Клиент {i}")),
            ..Profile::default()
        });
        for v in 0..(1 + i % 4) {
            shop.at(utc(2026, 6, 1, 10, 0) + chrono::Duration::days(i64::from(v) * 9));
            shop.store
                .record_visit(c, visit(3_00 + i64::from(i) * 10), None)
                .expect("visit");
        }
        shop.at(utc(2026, 6, 1, 9, 0));
    }
    shop.at(utc(2026, 12, 5, 18, 0));
    let till = Commands::over(shop.store.store().clone());
    let dir = tempfile::tempdir().expect("dir");
    let reports = [
        (
            ReportOf::Close(CloseOfDay { day: None }),
            "close-2026-12-05.pdf",
            "Закрытие дня",
        ),
        (
            ReportOf::Kpis(counterpart_engine::command::KpisOver {
                from: Some("2026-06-01".into()),
                to: Some("2026-06-30".into()),
            }),
            "kpis-2026-06-01-to-2026-06-30.pdf",
            "Показатели",
        ),
        (ReportOf::Liability, "liability-2026-12-05.pdf", "оценка"),
        (
            ReportOf::Segments(SegmentsBy::default()),
            "segments-2026-12-05.pdf",
            "Клиенты",
        ),
        (
            ReportOf::Offers,
            "offers-2026-12-05.pdf",
            "Акции на 05.12.2026",
        ),
    ];
    for (report, name, words) in reports {
        let file = till
            .report_pdf(&ReportPdf {
                report,
                language: "ru".into(),
            })
            .expect("pdf");
        assert_eq!(file.file_name, name);
        let path = written(dir.path(), &file);
        let text = poppler("pdftotext", &["-layout"], &path);
        assert!(text.contains(words), "`{words}` in {name}:\n{text}");
        assert!(
            text.contains("Составлено 05.12.2026 в 21:00"),
            "{name}:\n{text}"
        );
    }

    // The segments with the whole customer list: more than a page, the
    // heading row again on each page, every page numbered.
    let path = dir.path().join("segments-2026-12-05.pdf");
    let info = poppler("pdfinfo", &[], &path);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pages in:\n{info}"));
    assert!(pages >= 2, "{pages} pages");
    let last = pages.to_string();
    let page = poppler("pdftotext", &["-layout", "-f", &last, "-l", &last], &path);
    assert!(
        page.contains(&format!("Страница {pages} из {pages}")),
        "{page}"
    );
}

#[test]
fn a_pdf_is_a_managers_and_bad_input_changes_nothing() {
    let shop = polish_saturday();
    let till = Commands::over(shop.store.store().clone());
    let (mia, bo) = manager_and_barista(&till);
    let close = || {
        ReportOf::Close(CloseOfDay {
            day: Some("2026-12-05".into()),
        })
    };
    let e = bo
        .report_pdf(&ReportPdf {
            report: close(),
            language: "pl".into(),
        })
        .expect_err("a barista's is refused");
    assert_eq!(e.code(), "auth.forbidden");
    for (report, language, field) in [
        (close(), "de", "language"),
        (
            ReportOf::Close(CloseOfDay {
                day: Some("2026-02-30".into()),
            }),
            "pl",
            "day",
        ),
    ] {
        let e = mia
            .report_pdf(&ReportPdf {
                report,
                language: language.into(),
            })
            .expect_err("bad input");
        let report = counterpart_engine::error::ErrorReport::from(&e);
        assert_eq!(
            (e.code(), report.field.as_deref()),
            ("invalid_input", Some(field))
        );
    }
    // The request as the screen sends it.
    let asked: ReportPdf =
        serde_json::from_str(r#"{"report":{"report":"close","day":"2026-12-05"},"language":"pl"}"#)
            .expect("the screen's request");
    assert_eq!(asked.report, close());
    assert!(
        serde_json::from_str::<ReportPdf>(
            r#"{"report":{"report":"close","day":"2026-12-05","when":1},"language":"pl"}"#
        )
        .is_err(),
        "an unknown field is refused"
    );
}
