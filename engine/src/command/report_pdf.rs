//! A report saved as a PDF (`report::pdf`): which report, asked for as its
//! screen asks for it, in the reader's language. The app and the command
//! line call the same door, so a printed close holds the screen's numbers.

use serde::{Deserialize, Serialize};

use super::reports::{CloseOfDay, KpisOver, SegmentsBy};
use super::{invalid, Commands};
use crate::error::{EngineError, Result};
use crate::i18n::{Catalogue, Language};
use crate::ledger::Message;
use crate::money::Currency;
use crate::report::{to_pdf, Sheet, Table};

/// Which report a PDF holds, asked for as its screen asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "report", rename_all = "snake_case")]
pub enum ReportOf {
    /// The daily close of a business day.
    Close(CloseOfDay),
    /// The KPIs of a period.
    Kpis(KpisOver),
    /// The liability in money, as of today.
    Liability,
    /// The segments and the whole at-risk list, by the till's rules or proposed ones.
    Segments(SegmentsBy),
    /// The offers measured against their held-out groups.
    Offers,
}

/// Asks for a report as a PDF file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReportPdf {
    /// The report.
    pub report: ReportOf,
    /// The reader's language (`en`, `pl`, `fr`, `ru`).
    pub language: String,
}

/// A report's PDF, ready to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfFile {
    /// A name for it (`close-2026-12-05.pdf`).
    pub file_name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl PdfFile {
    /// Saves it in `dir` (made if missing) under its name, whole or not at
    /// all, and answers where.
    pub fn save_in(&self, dir: &std::path::Path) -> Result<std::path::PathBuf> {
        super::reports::save_whole(dir, &self.file_name, &self.bytes)
    }
}

/// What a PDF is made of, before it is written.
struct Parts {
    /// The file's name without `.pdf`.
    name: String,
    title: Message,
    lines: Vec<Message>,
    currency: String,
    tables: Vec<Table>,
    last_sync: Option<chrono::DateTime<chrono::Utc>>,
}

impl Commands {
    /// The report `request` names as a PDF in the reader's language: the
    /// shop's name, what it covers, how fresh it is, when it was made, and
    /// all its tables (the whole at-risk list), with page numbers.
    pub fn report_pdf(&self, request: &ReportPdf) -> Result<PdfFile> {
        let language = Language::parse(&request.language).ok_or_else(|| {
            invalid(
                "language",
                format!("`{}` is not one of the till's languages", request.language),
            )
        })?;
        let parts = self.pdf_parts(&request.report)?;
        let location = self.store.location()?;
        let catalogue = Catalogue::new(language);
        let mut lines = parts.lines;
        lines.push(match parts.last_sync {
            Some(at) => {
                let at = location.local(at);
                Message::new("report-close-last-sync").text(
                    "at",
                    format!(
                        "{}, {}",
                        catalogue.date_text(at.date_naive()),
                        at.format("%H:%M")
                    ),
                )
            }
            None => Message::new("report-never-synced"),
        });
        let currency = Currency::parse(&parts.currency).unwrap_or(location.currency);
        let bytes = to_pdf(
            &Sheet {
                shop: &location.shop_name,
                title: parts.title,
                lines,
                made: location.local(self.store.now()),
                currency,
                tables: &parts.tables,
            },
            &catalogue,
        )
        .map_err(|e| EngineError::Internal(e.to_string()))?;
        tracing::info!(report = %parts.name, bytes = bytes.len(), "report written as PDF");
        Ok(PdfFile {
            file_name: format!("{}.pdf", parts.name),
            bytes,
        })
    }

    fn pdf_parts(&self, report: &ReportOf) -> Result<Parts> {
        let m = Message::new;
        Ok(match report {
            ReportOf::Close(day) => {
                let close = self.daily_close(day)?;
                Parts {
                    name: format!("close-{}", close.business_day),
                    title: m("report-close-title")
                        .date("day", close.business_day)
                        .num("hours", close.hours)
                        .text("currency", close.currency.clone()),
                    lines: Vec::new(),
                    tables: close.tables(),
                    currency: close.currency,
                    last_sync: close.last_sync,
                }
            }
            ReportOf::Kpis(period) => {
                let kpis = self.kpis(period)?;
                Parts {
                    name: format!("kpis-{}-to-{}", kpis.period.from, kpis.period.to),
                    title: m("report-kpis-title")
                        .date("from", kpis.period.from)
                        .date("to", kpis.period.to)
                        .num("days", kpis.period.days())
                        .date("previousFrom", kpis.previous.from)
                        .date("previousTo", kpis.previous.to),
                    lines: Vec::new(),
                    tables: kpis.tables(),
                    currency: kpis.currency,
                    last_sync: self.store.last_sync()?,
                }
            }
            ReportOf::Liability => {
                let liability = self.liability()?;
                let mut lines = vec![m("ui-report-liability-estimates")];
                if ![
                    &liability.face_value,
                    &liability.expected_cost,
                    &liability.deferral,
                ]
                .iter()
                .all(|t| t.complete)
                {
                    lines.push(m("report-liability-partial"));
                }
                Parts {
                    name: format!("liability-{}", liability.as_of),
                    title: m("ui-report-liability-as-of").date("day", liability.as_of),
                    lines,
                    tables: liability.tables(),
                    currency: liability.currency,
                    last_sync: liability.last_sync,
                }
            }
            ReportOf::Segments(by) => {
                let segments = self.segments(by)?;
                let mut lines =
                    vec![m("ui-report-segments-customers").num("customers", segments.customers)];
                if segments.rules != segments.saved_rules {
                    lines.push(m("report-pdf-segments-proposed"));
                }
                Parts {
                    name: format!("segments-{}", segments.as_of),
                    title: m("ui-report-segments-as-of").date("day", segments.as_of),
                    lines,
                    tables: segments.tables(None),
                    currency: segments.currency,
                    last_sync: segments.last_sync,
                }
            }
            ReportOf::Offers => {
                let offers = self.offers()?;
                let lines = if offers.offers.is_empty() {
                    vec![m("ui-report-offers-none")]
                } else {
                    vec![m("offers-method")]
                };
                Parts {
                    name: format!("offers-{}", offers.as_of),
                    title: m("ui-report-offers-as-of").date("day", offers.as_of),
                    lines,
                    tables: offers.tables(),
                    currency: offers.currency,
                    last_sync: offers.last_sync,
                }
            }
        })
    }
}
