//! `counterpart report …`: the reports a manager reads after close, the same
//! numbers the screens show, from the engine's command layer. Words come from
//! the catalogues (the reader's language); `--json` prints the report as the
//! engine answers it.

use std::path::PathBuf;

use clap::Subcommand;
use counterpart_engine::command::{
    CloseOfDay, CloseTableFile, Commands, KpisOver, KpisTableFile, LiabilityTableFile,
    OffersTableFile, ReportOf, ReportPdf, SegmentsBy, SegmentsTableFile,
};
use counterpart_engine::error::{EngineError, InvalidInput};
use counterpart_engine::ledger::Message;
use counterpart_engine::program::Name;
use counterpart_engine::report::{
    DailyClose, Group, KpiUnit, KpiValue, Kpis, Liability, LiabilityKind, LiabilityLine,
    OfferResults, Segment, SegmentRules, Segments, Valuation,
};

use crate::output::Out;

#[derive(Subcommand)]
pub enum ReportCommand {
    /// The daily close of a business day: visits, members, sales, points,
    /// stamps and cashback, rewards, by hour and by staff, voids, adjustments,
    /// conflicts and unusual activity (a manager's).
    Close {
        /// The business day, YYYY-MM-DD (default: the current one).
        #[arg(long)]
        day: Option<String>,
        /// Save the report as a PDF file (every table, in your language,
        /// with the shop's name and page numbers) instead of printing it.
        #[arg(long, value_name = "FILE", conflicts_with = "csv")]
        pdf: Option<PathBuf>,
        /// Write one of the close's tables as CSV (UTF-8 with a byte-order
        /// mark, headings in your language) instead of the report.
        #[arg(long)]
        csv: bool,
        /// The table `--csv` writes: close-summary, close-by-hour,
        /// close-by-staff, close-rewards, close-voids, close-adjustments,
        /// close-unusual.
        #[arg(long, default_value = "close-summary", requires = "csv")]
        table: String,
    },
    /// KPIs over a period of business days beside the period of the same
    /// length before it, each with its definition (a manager's).
    Kpis {
        /// The first business day, YYYY-MM-DD (default: 30 days up to --to).
        #[arg(long)]
        from: Option<String>,
        /// The last business day, YYYY-MM-DD (default: the current one).
        #[arg(long)]
        to: Option<String>,
        /// Save the report as a PDF file (every table, in your language,
        /// with the shop's name and page numbers) instead of printing it.
        #[arg(long, value_name = "FILE", conflicts_with = "csv")]
        pdf: Option<PathBuf>,
        /// Write one of the KPIs' tables as CSV (UTF-8 with a byte-order
        /// mark, headings and definitions in your language) instead.
        #[arg(long)]
        csv: bool,
        /// The table `--csv` writes: kpis, kpis-by-day, kpis-rewards, kpis-cohorts, kpis-goals, kpis-goal-trend.
        #[arg(long, default_value = "kpis", requires = "csv")]
        table: String,
    },
    /// What the shop owes its customers in points, stamps, cashback and
    /// vouchers today, valued in money three ways, each an estimate: face
    /// value, expected cost, deferral (a manager's).
    Liability {
        /// Save the report as a PDF file (every table, in your language,
        /// with the shop's name and page numbers) instead of printing it.
        #[arg(long, value_name = "FILE", conflicts_with = "csv")]
        pdf: Option<PathBuf>,
        /// Write one of the report's tables as CSV (UTF-8 with a byte-order
        /// mark, headings in your language) instead of the report.
        #[arg(long)]
        csv: bool,
        /// The table `--csv` writes: liability, liability-redemption,
        /// liability-ages.
        #[arg(long, default_value = "liability", requires = "csv")]
        table: String,
    },
    /// Customers by segment today (new, occasional, regular, high-value,
    /// at-risk, lapsed, from recency, frequency and spend scored against the
    /// shop's own customers) and the at-risk list (a manager's). Any rule
    /// given previews the rules with it changed: how many customers move.
    Segments {
        #[command(flatten)]
        changes: RuleChanges,
        /// Keep the rules given as this till's.
        #[arg(long, conflicts_with = "pdf")]
        keep: bool,
        /// Save the report as a PDF file (every table, in your language,
        /// with the shop's name and page numbers) instead of printing it.
        #[arg(long, value_name = "FILE", conflicts_with = "csv")]
        pdf: Option<PathBuf>,
        /// Write one of the report's tables as CSV (UTF-8 with a byte-order
        /// mark, headings in your language) instead of the report.
        #[arg(long)]
        csv: bool,
        /// The table `--csv` writes: segments, segments-over-time,
        /// segments-scores, segments-moves (with a proposal), at-risk.
        #[arg(long, default_value = "segments", requires = "csv")]
        table: String,
    },
    /// Each offer with a held-out group against that group, over the
    /// offer's days so far: customers, visits and spend per customer, and
    /// the change with its 95% interval once there is enough data (a
    /// manager's).
    Offers {
        /// Save the report as a PDF file (every table, in your language,
        /// with the shop's name and page numbers) instead of printing it.
        #[arg(long, value_name = "FILE", conflicts_with = "csv")]
        pdf: Option<PathBuf>,
        /// Write one of the report's tables as CSV (UTF-8 with a byte-order
        /// mark, headings in your language) instead of the report.
        #[arg(long)]
        csv: bool,
        /// The table `--csv` writes: offers, offers-uplift.
        #[arg(long, default_value = "offers", requires = "csv")]
        table: String,
    },
}

/// The segment rules `report segments` may be given, each changing the
/// till's own: any given makes a preview.
#[derive(clap::Args)]
pub struct RuleChanges {
    /// A customer with one visit at most is new for this many days.
    #[arg(long)]
    new_days: Option<u32>,
    /// With no visit for more than this many days a customer has lapsed.
    #[arg(long)]
    lapsed_days: Option<u32>,
    /// A regular or high spender with a recency score at most this is at risk.
    #[arg(long)]
    at_risk_recency: Option<u8>,
    /// A frequency score at least this makes a regular.
    #[arg(long)]
    regular_frequency: Option<u8>,
    /// A spend score at least this makes a high-value customer.
    #[arg(long)]
    high_value_spend: Option<u8>,
}

impl RuleChanges {
    /// The till's segment rules with those given changed; none when none
    /// is given.
    fn proposed(&self, till: &Commands) -> Result<Option<SegmentRules>, EngineError> {
        let days = [self.new_days, self.lapsed_days];
        let scores = [
            self.at_risk_recency,
            self.regular_frequency,
            self.high_value_spend,
        ];
        if days.iter().all(Option::is_none) && scores.iter().all(Option::is_none) {
            return Ok(None);
        }
        let mut rules = till.segment_rules()?;
        rules.new_days = self.new_days.unwrap_or(rules.new_days);
        rules.lapsed_days = self.lapsed_days.unwrap_or(rules.lapsed_days);
        rules.at_risk_recency = self.at_risk_recency.unwrap_or(rules.at_risk_recency);
        rules.regular_frequency = self.regular_frequency.unwrap_or(rules.regular_frequency);
        rules.high_value_spend = self.high_value_spend.unwrap_or(rules.high_value_spend);
        Ok(Some(rules))
    }
}

/// The report a `--pdf FILE` asks for, and the file; none without `--pdf`.
fn pdf_of(
    till: &Commands,
    command: &ReportCommand,
) -> Result<Option<(PathBuf, ReportOf)>, EngineError> {
    Ok(match command {
        ReportCommand::Close { day, pdf, .. } => pdf
            .clone()
            .map(|file| (file, ReportOf::Close(CloseOfDay { day: day.clone() }))),
        ReportCommand::Kpis { from, to, pdf, .. } => pdf.clone().map(|file| {
            let period = KpisOver {
                from: from.clone(),
                to: to.clone(),
            };
            (file, ReportOf::Kpis(period))
        }),
        ReportCommand::Liability { pdf, .. } => pdf.clone().map(|file| (file, ReportOf::Liability)),
        ReportCommand::Segments {
            changes,
            pdf: Some(file),
            ..
        } => Some((
            file.clone(),
            ReportOf::Segments(SegmentsBy {
                rules: changes.proposed(till)?,
            }),
        )),
        ReportCommand::Segments { .. } => None,
        ReportCommand::Offers { pdf, .. } => pdf.clone().map(|file| (file, ReportOf::Offers)),
    })
}

/// Saves the report as a PDF at `file`, whole or not at all: made first,
/// then written beside the file and renamed over it.
fn save_pdf(
    till: &Commands,
    file: &PathBuf,
    report: ReportOf,
    out: &Out,
) -> Result<(), EngineError> {
    let pdf = till.report_pdf(&ReportPdf {
        report,
        language: out.language().tag().to_string(),
    })?;
    let cannot = |e: std::io::Error| {
        EngineError::Invalid(InvalidInput::new(
            "pdf",
            format!("cannot write {}: {e}", file.display()),
        ))
    };
    let name = file
        .file_name()
        .ok_or_else(|| cannot(std::io::Error::other("not a file's name")))?;
    let partial = file.with_file_name(format!(".{}.partial", name.to_string_lossy()));
    std::fs::write(&partial, &pdf.bytes).map_err(cannot)?;
    std::fs::rename(&partial, file).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        cannot(e)
    })?;
    out.tell(Message::new("report-pdf-saved").text("path", file.display().to_string()));
    Ok(())
}

pub fn run(till: &Commands, command: ReportCommand, out: &Out) -> Result<(), EngineError> {
    if let Some((file, report)) = pdf_of(till, &command)? {
        return save_pdf(till, &file, report, out);
    }
    match command {
        ReportCommand::Close {
            day,
            csv: true,
            table,
            ..
        } => {
            let file = till.close_csv(&CloseTableFile {
                day,
                table,
                language: out.language().tag().to_string(),
            })?;
            out.raw_bytes(file.text.as_bytes());
        }
        ReportCommand::Close { day, .. } => out.close(&till.daily_close(&CloseOfDay { day })?),
        ReportCommand::Kpis {
            from,
            to,
            csv: true,
            table,
            ..
        } => {
            let file = till.kpis_csv(&KpisTableFile {
                from,
                to,
                table,
                language: out.language().tag().to_string(),
            })?;
            out.raw_bytes(file.text.as_bytes());
        }
        ReportCommand::Kpis { from, to, .. } => out.kpis(&till.kpis(&KpisOver { from, to })?),
        ReportCommand::Liability {
            csv: true, table, ..
        } => {
            let file = till.liability_csv(&LiabilityTableFile {
                table,
                language: out.language().tag().to_string(),
            })?;
            out.raw_bytes(file.text.as_bytes());
        }
        ReportCommand::Liability { .. } => out.liability(&till.liability()?),
        ReportCommand::Segments {
            changes,
            keep,
            csv,
            table,
            pdf: _,
        } => {
            let rules = changes.proposed(till)?;
            let rules = match (keep, rules) {
                (true, Some(r)) => {
                    till.set_segment_rules(&r)?;
                    out.tell(Message::new("report-segments-kept"));
                    None
                }
                (_, r) => r,
            };
            if csv {
                let file = till.segments_csv(&SegmentsTableFile {
                    rules,
                    table,
                    language: out.language().tag().to_string(),
                })?;
                out.raw_bytes(file.text.as_bytes());
            } else {
                out.segments(&till.segments(&SegmentsBy { rules })?);
            }
        }
        ReportCommand::Offers {
            csv: true, table, ..
        } => {
            let file = till.offers_csv(&OffersTableFile {
                table,
                language: out.language().tag().to_string(),
            })?;
            out.raw_bytes(file.text.as_bytes());
        }
        ReportCommand::Offers { .. } => out.offers(&till.offers()?),
    }
    Ok(())
}

/// The last sync, in UTC (the reader may be anywhere; the close's own
/// times are the location's).
fn at(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

impl Out {
    /// A KPI's value as the command line writes it: a share as a percentage
    /// with one decimal, a ratio with two, an amount as money, each as the
    /// reader's language writes it.
    fn kpi_text(&self, unit: KpiUnit, value: &KpiValue, currency: &str) -> String {
        match (unit, value) {
            (KpiUnit::Fraction, KpiValue::Number(x)) => self.percent(*x),
            (_, KpiValue::Number(x)) => self.number(*x, 2),
            (_, KpiValue::Money(m)) => self.money(m, currency),
        }
    }

    /// The KPIs, in the reader's language, each with its definition (or as JSON).
    pub fn kpis(&self, k: &Kpis) {
        if self.json() {
            self.emit(k);
            return;
        }
        let m = Message::new;
        self.tell(
            m("report-kpis-title")
                .text("from", k.period.from.to_string())
                .text("to", k.period.to.to_string())
                .num("days", k.period.days())
                .text("previousFrom", k.previous.from.to_string())
                .text("previousTo", k.previous.to.to_string()),
        );
        let nothing = || self.words(&m("report-kpis-nothing"));
        for kpi in &k.kpis {
            let shown = |v: &Option<KpiValue>| {
                v.as_ref()
                    .map_or_else(nothing, |v| self.kpi_text(kpi.unit, v, &k.currency))
            };
            self.tell(
                m("report-kpis-line")
                    .text(
                        "name",
                        self.words(&m(&format!("kpi-{}", kpi.id.replace('_', "-")))),
                    )
                    .text("value", shown(&kpi.value))
                    .text("previous", shown(&kpi.previous)),
            );
            if let (None, Some(why)) = (&kpi.value, &kpi.why) {
                self.tell_indented(m(why));
            }
            self.tell_indented(m(&kpi.definition));
        }
        if !k.rewards.is_empty() {
            self.tell(m("report-table-kpis-rewards"));
        }
        for r in &k.rewards {
            let line = m("report-kpis-line")
                .text("value", self.number(r.count as f64, 0))
                .text("previous", self.number(r.previous as f64, 0));
            self.tell_indented(match &r.name {
                Some(name) => line.name("name", name),
                None => line.text("name", r.reward.clone()),
            });
        }
        for g in &k.goals {
            let shown = |v: &Option<KpiValue>| {
                v.as_ref()
                    .map_or_else(nothing, |v| self.kpi_text(g.unit, v, &k.currency))
            };
            let status = format!("report-goal-{}", g.status.id().replace('_', "-"));
            self.tell(
                m("report-goal-line")
                    .name("name", &g.name)
                    .text(
                        "kpi",
                        self.words(&m(&format!("kpi-{}", g.kpi.replace('_', "-")))),
                    )
                    .text("status", self.words(&m(&status)))
                    .text("current", shown(&g.current))
                    .text("target", shown(&g.target))
                    .text("by", g.by.to_string()),
            );
        }
        let joined: Vec<_> = k.cohorts.iter().filter(|c| c.customers > 0).collect();
        if !joined.is_empty() {
            self.tell(m("report-table-kpis-cohorts"));
        }
        for c in joined {
            let shares: Vec<String> = c.retained.iter().map(|s| self.percent(*s)).collect();
            self.tell_indented(
                m("report-cohort-line")
                    .text("month", c.month.clone())
                    .num("customers", c.customers)
                    .text("shares", shares.join(" · ")),
            );
        }
    }

    /// The close, in the reader's language (or as JSON).
    pub fn close(&self, c: &DailyClose) {
        if self.json() {
            self.emit(c);
            return;
        }
        let m = Message::new;
        self.tell(
            m("report-close-title")
                .text("day", c.business_day.to_string())
                .num("hours", c.hours)
                .text("currency", c.currency.clone()),
        );
        self.tell(
            m("report-close-visits")
                .num("visits", c.visits)
                .num("customers", c.customers)
                .num("enrolments", c.enrolments),
        );
        self.tell(
            m("report-close-sales")
                .text("sales", self.money(&c.sales, &c.currency))
                .text("average", self.money(&c.average_check, &c.currency)),
        );
        self.tell(
            m("report-close-points")
                .num("issued", c.points.issued)
                .num("redeemed", c.points.redeemed),
        );
        self.tell(
            m("report-close-stamps")
                .num("issued", c.stamps.issued)
                .num("redeemed", c.stamps.redeemed),
        );
        self.tell(
            m("report-close-cashback")
                .text("issued", c.cashback.issued.clone())
                .text("spent", c.cashback.spent.clone()),
        );
        if !c.rewards.is_empty() {
            self.tell(m("report-close-rewards"));
            for r in &c.rewards {
                self.tell_indented(
                    m("report-close-reward")
                        .name(
                            "reward",
                            &r.name
                                .clone()
                                .unwrap_or_else(|| Name::plain(r.reward.as_str())),
                        )
                        .num("count", r.count),
                );
            }
        }
        if !c.by_hour.is_empty() {
            self.tell(m("report-close-by-hour"));
            for h in &c.by_hour {
                self.tell_indented(
                    m("report-close-hour")
                        .text("hour", format!("{:02}", h.hour))
                        .num("visits", h.visits)
                        .text("sales", h.sales.clone()),
                );
            }
        }
        let nobody = || self.words(&m("report-close-nobody"));
        if !c.by_staff.is_empty() {
            self.tell(m("report-close-by-staff"));
            for s in &c.by_staff {
                self.tell_indented(
                    m("report-close-staff")
                        .text("name", s.name.clone().unwrap_or_else(nobody))
                        .num("visits", s.visits)
                        .text("sales", s.sales.clone())
                        .num("points", s.points_issued)
                        .num("redeemed", s.redeemed),
                );
            }
        }
        if !c.voids.is_empty() {
            self.tell(m("report-close-voids"));
            for v in &c.voids {
                self.tell_indented(
                    m("report-close-void")
                        .text("at", v.local_time.clone())
                        .text("by", v.by.clone().unwrap_or_else(nobody))
                        .text("target", v.target.to_string())
                        .text("reason", v.reason.clone()),
                );
            }
        }
        if !c.adjustments.is_empty() {
            self.tell(m("report-close-adjustments"));
            for a in &c.adjustments {
                self.tell_indented(
                    m("report-close-adjustment")
                        .text("at", a.local_time.clone())
                        .text("by", a.by.clone().unwrap_or_else(nobody))
                        .text("account", a.account.clone())
                        .num("amount", a.amount)
                        .text("customer", a.customer.to_string())
                        .text("reason", a.reason.clone()),
                );
            }
        }
        if !c.conflicts.is_empty() {
            let count = i64::try_from(c.conflicts.len()).unwrap_or(i64::MAX);
            self.tell(m("report-close-conflicts").num("count", count));
        }
        for u in &c.unusual {
            self.tell(
                m("report-close-unusual")
                    .text("customer", u.customer.to_string())
                    .num("actions", i64::try_from(u.actions).unwrap_or(i64::MAX))
                    .num("limit", i64::try_from(u.limit).unwrap_or(i64::MAX)),
            );
        }
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        for o in &c.unusual_own_customers {
            self.tell(
                m("report-close-unusual-own")
                    .text("staff", o.name.clone().unwrap_or_else(|| o.staff.clone()))
                    .text(
                        "customer",
                        o.customer_name
                            .clone()
                            .unwrap_or_else(|| o.customer.to_string()),
                    )
                    .num("redemptions", count(o.redemptions))
                    .num("today", count(o.on_the_day))
                    .num("days", o.days)
                    .num("limit", count(o.limit)),
            );
        }
        let share = |part: i64, whole: i64| {
            self.percent(if whole > 0 {
                part as f64 / whole as f64
            } else {
                0.0
            })
        };
        for p in &c.unusual_points {
            self.tell(
                m("report-close-unusual-points")
                    .text("staff", p.name.clone().unwrap_or_else(|| p.staff.clone()))
                    .num("points", p.points_issued)
                    .text("pointsShare", share(p.points_issued, p.points_total))
                    .text("visitsShare", share(p.visits, p.visits_total))
                    .text("limit", share(p.limit_percent, 100)),
            );
        }
        match &c.last_sync {
            Some(t) => self.tell(m("report-close-last-sync").text("at", at(t))),
            None => self.tell(m("report-close-never-synced")),
        }
    }
}

impl Out {
    /// A value as the command line writes it: the amount, or why there is none.
    /// The program's names, in the reader's language where it gives them.
    fn names(&self, names: &[Name]) -> String {
        let names: Vec<&str> = names
            .iter()
            .map(|n| n.in_language(self.language()))
            .collect();
        names.join(", ")
    }

    fn valuation(&self, v: &Valuation, currency: &str) -> String {
        let m = Message::new;
        match v {
            Valuation::Known { amount } => self.money(amount, currency),
            Valuation::NoCost { rewards } => {
                self.words(&m("report-liability-no-cost").text("rewards", self.names(rewards)))
            }
            Valuation::NoPrice { rewards } => {
                self.words(&m("report-liability-no-price").text("rewards", self.names(rewards)))
            }
            Valuation::NoHistory => self.words(&m("report-cell-no-history")),
        }
    }

    /// A line's balance in words: its kind, and its card's or reward's name.
    fn balance(&self, line: &LiabilityLine) -> String {
        let kind = match line.kind {
            LiabilityKind::Points => "points",
            LiabilityKind::Stamps => "stamps",
            LiabilityKind::Cashback => "cashback",
            LiabilityKind::Voucher => "voucher",
        };
        let words = self.words(&Message::new(&format!("report-balance-{kind}")));
        match &line.name {
            Some(name) => format!("{words} · {}", name.in_language(self.language())),
            None => words,
        }
    }

    /// The liability, in the reader's language, with what each value means
    /// (or as JSON).
    pub fn liability(&self, l: &Liability) {
        if self.json() {
            self.emit(l);
            return;
        }
        let m = Message::new;
        self.tell(m("report-liability-title").text("day", l.as_of.to_string()));
        for line in &l.lines {
            let outstanding = match line.kind {
                LiabilityKind::Cashback => self.money_minor(line.outstanding, &l.currency),
                _ => line.outstanding.to_string(),
            };
            self.tell_indented(
                m("report-liability-line")
                    .text("balance", self.balance(line))
                    .text("outstanding", outstanding)
                    .num("customers", line.customers)
                    .text("face", self.valuation(&line.face_value, &l.currency))
                    .text("cost", self.valuation(&line.expected_cost, &l.currency))
                    .text("deferral", self.valuation(&line.deferral, &l.currency)),
            );
        }
        if l.lines.iter().all(|x| x.outstanding == 0) {
            self.tell_indented(m("report-liability-nothing"));
        }
        self.tell(
            m("report-liability-total")
                .text("face", self.money(&l.face_value.amount, &l.currency))
                .text("cost", self.money(&l.expected_cost.amount, &l.currency))
                .text("deferral", self.money(&l.deferral.amount, &l.currency)),
        );
        if !(l.face_value.complete && l.expected_cost.complete && l.deferral.complete) {
            self.tell(m("report-liability-partial"));
        }
        for id in ["face-value", "expected-cost", "deferral"] {
            self.tell_indented(m(&format!("liability-{id}-definition")));
        }
        match &l.last_sync {
            Some(t) => self.tell(m("report-close-last-sync").text("at", at(t))),
            None => self.tell(m("report-never-synced")),
        }
    }
}

impl Out {
    fn segment(&self, segment: Segment) -> String {
        self.words(&Message::new(&format!("report-segment-{}", segment.id())))
    }

    /// The segments, in the reader's language, each with its definition;
    /// whom proposed rules move; the at-risk list (or all of it as JSON).
    pub fn segments(&self, s: &Segments) {
        if self.json() {
            self.emit(s);
            return;
        }
        let m = Message::new;
        self.tell(
            m("report-segments-title")
                .text("day", s.as_of.to_string())
                .num("customers", s.customers),
        );
        for size in &s.sizes {
            self.tell_indented(
                m("report-segments-line")
                    .text("segment", self.segment(size.segment))
                    .num("customers", size.customers)
                    .text(
                        "share",
                        size.share
                            .map_or_else(|| "—".into(), |x| format!("{:.1} %", x * 100.0)),
                    )
                    .text("definition", self.words(&size.definition)),
            );
        }
        self.tell_indented(m("segments-method"));
        if s.rules != s.saved_rules {
            let moved: i64 = s.moves.iter().map(|x| x.customers).sum();
            self.tell(m("report-segments-preview").num("moved", moved));
            for x in &s.moves {
                self.tell_indented(
                    m("report-segments-move")
                        .text("from", self.segment(x.from))
                        .text("to", self.segment(x.to))
                        .num("customers", x.customers),
                );
            }
        }
        if s.at_risk.is_empty() {
            self.tell(m("report-segments-at-risk-none"));
        } else {
            self.tell(m("report-segments-at-risk-title").num("customers", len(s.at_risk.len())));
        }
        for c in &s.at_risk {
            let name = c
                .name
                .clone()
                .unwrap_or_else(|| self.words(&m("report-cell-no-name")));
            let consent = if c.consent {
                [c.phone.clone(), c.email.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                self.words(&m("report-segments-no-consent"))
            };
            self.tell_indented(
                m("report-segments-at-risk-line")
                    .text("name", name)
                    .text("day", c.last_visit.to_string())
                    .num("days", c.days_since)
                    .num("gap", c.usual_gap)
                    .num("visits", c.visits)
                    .text("spend", self.money(&c.spend, &s.currency))
                    .text("contact", consent),
            );
        }
        match &s.last_sync {
            Some(t) => self.tell(m("report-close-last-sync").text("at", at(t))),
            None => self.tell(m("report-never-synced")),
        }
    }
}

fn len(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Out {
    fn group(&self, id: &str, g: &Group, currency: &str) -> Message {
        let none = || "—".to_string();
        Message::new("report-offers-group")
            .text(
                "group",
                self.words(&Message::new(&format!("report-offer-group-{id}"))),
            )
            .num("customers", g.customers)
            .num("visits", g.visits)
            .text(
                "visits_each",
                g.visits_per_customer
                    .map_or_else(none, |x| self.number(x, 2)),
            )
            .text("spend", self.money(&g.spend, currency))
            .text(
                "spend_each",
                g.spend_per_customer
                    .as_ref()
                    .map_or_else(none, |x| self.money(x, currency)),
            )
    }

    /// Each offer with a held-out group against it: the dates, both groups,
    /// and the change with its interval, or that there is not enough data.
    pub fn offers(&self, r: &OfferResults) {
        if self.json() {
            self.emit(r);
            return;
        }
        let m = Message::new;
        if r.offers.is_empty() {
            self.tell(m("report-offers-none"));
            return;
        }
        self.tell(m("report-offers-title").text("day", r.as_of.to_string()));
        for o in &r.offers {
            let running = if o.running {
                self.words(&m("report-offers-running"))
            } else {
                String::new()
            };
            self.tell(
                m("report-offers-offer")
                    .name("offer", &o.name)
                    .num("percent", i64::from(o.holdout_percent))
                    .text("from", o.from.to_string())
                    .text("to", o.to.to_string())
                    .num("days", o.days)
                    .text("running", running),
            );
            self.tell_indented(self.group("exposed", &o.exposed, &r.currency));
            self.tell_indented(self.group("held-out", &o.held_out, &r.currency));
            match &o.uplift {
                Some(u) => {
                    // A rise is said with its sign.
                    let signed = |x: f64| {
                        let sign = if x > 0.0 { "+" } else { "" };
                        format!("{sign}{}", self.number(x, 2))
                    };
                    self.tell_indented(
                        m("report-offers-uplift-visits")
                            .text("difference", signed(u.visits.difference))
                            .text("low", signed(u.visits.low))
                            .text("high", signed(u.visits.high)),
                    );
                    let money = |x: &str| self.money(x, &r.currency);
                    // A rise is said with its sign, as the visits' is.
                    let change = if u.spend.difference.starts_with('-') {
                        money(&u.spend.difference)
                    } else {
                        format!("+{}", money(&u.spend.difference))
                    };
                    self.tell_indented(
                        m("report-offers-uplift-spend")
                            .text("difference", change)
                            .text("low", money(&u.spend.low))
                            .text("high", money(&u.spend.high)),
                    );
                }
                None => self.tell_indented(
                    m("report-offers-not-enough")
                        .num("customers", r.min_group)
                        .num("days", r.min_days),
                ),
            }
        }
        self.tell_indented(m("offers-method"));
        match &r.last_sync {
            Some(t) => self.tell(m("report-close-last-sync").text("at", at(t))),
            None => self.tell(m("report-never-synced")),
        }
    }
}
