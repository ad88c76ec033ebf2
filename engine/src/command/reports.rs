//! Reports for a manager (the `reports` permission): the events a report needs
//! are read here and handed to [`crate::report`], which computes it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{invalid, Commands};
use crate::error::Result;
use crate::report::RewardPopularity;
use crate::report::{
    breakage_of, close_of, cohorts_of, cohorts_span, goals_of, goals_span, kpis_of, liability_of,
    offers_of, rewards_of, segments_of, span_of, CloseSettings, Cohort, DailyClose, GoalProgress,
    GoalsOf, Kpi, Kpis, Liability, LiabilityOf, OfferResults, OffersOf, Period, SegmentRules,
    Segments, SegmentsOf, Shop, StaffHistory, Table,
};
use crate::staff::Permission;

/// The event kinds the close reads.
const CLOSE_KINDS: &[&str] = &[
    "enrolled",
    "visit",
    "redeemed",
    "donated",
    "voided",
    "adjusted",
    "overdrawn",
];

/// Asks for the daily close of a business day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CloseOfDay {
    /// The business day, `YYYY-MM-DD`; none: the current one (in the
    /// location's time zone, from the hour its day starts), as far as it has gone.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub day: Option<String>,
}

/// The daily close as a screen shows it: the figures, and the same figures
/// as the tables a screen lists and a file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CloseView {
    /// The close.
    pub close: DailyClose,
    /// The current business day at the location (the latest a picker offers).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub today: NaiveDate,
    /// Its tables (`DailyClose::tables`).
    pub tables: Vec<Table>,
}

/// Asks for one of a daily close's tables as a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CloseTableFile {
    /// The business day, `YYYY-MM-DD`; none: the current one.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub day: Option<String>,
    /// The table's id (`close-summary`, `close-by-hour`, …).
    pub table: String,
    /// The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
    pub language: String,
}

/// A report's file, ready to be saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportFile {
    /// A name for it (`close-by-staff-2026-12-05.csv`).
    pub file_name: String,
    /// Its text.
    pub text: String,
}

impl ReportFile {
    /// Saves it in `dir` (made if missing) under its name, whole or not at
    /// all (written aside, then renamed), and answers where.
    pub fn save_in(&self, dir: &std::path::Path) -> Result<std::path::PathBuf> {
        save_whole(dir, &self.file_name, self.text.as_bytes())
    }
}

/// Saves `bytes` as `name` in `dir` (made if missing), whole or not at all
/// (written aside, then renamed), and answers where.
pub(super) fn save_whole(
    dir: &std::path::Path,
    name: &str,
    bytes: &[u8],
) -> Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    let partial = dir.join(format!(".{name}.partial"));
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, &path)?;
    Ok(path)
}

/// Asks for the KPIs of a period of business days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct KpisOver {
    /// The first business day, `YYYY-MM-DD`; none: 29 days before `to`
    /// (a period of 30 days).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub from: Option<String>,
    /// The last business day, `YYYY-MM-DD` (may be the first); none: the
    /// current business day.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub to: Option<String>,
}

/// Asks for one of the KPIs' tables as a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct KpisTableFile {
    /// The first business day, `YYYY-MM-DD`; none: as [`KpisOver`].
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub from: Option<String>,
    /// The last business day, `YYYY-MM-DD`; none: the current one.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub to: Option<String>,
    /// The table's id (`kpis`, `kpis-by-day`).
    pub table: String,
    /// The reader's language (`en`, `pl`, `fr`, `ru`): the headings' and the definitions' words.
    pub language: String,
}

/// The days in the period the KPIs cover when none is given.
const DEFAULT_PERIOD_DAYS: i64 = 30;

/// The longest period the KPIs are asked for: ten years.
const LONGEST_PERIOD_DAYS: i64 = 3660;

/// A business day as typed.
fn day_of(text: &str) -> Result<NaiveDate> {
    date_in("day", text)
}

/// A date typed in `field`.
fn date_in(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(field, format!("`{text}` is not a date like 2026-12-05")))
}

impl Commands {
    /// The daily close of a business day, from every till's events this till
    /// has (as fresh as its last sync, which the close says).
    pub fn daily_close(&self, request: &CloseOfDay) -> Result<DailyClose> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let day = match &request.day {
            Some(text) => day_of(text)?,
            None => location.business_date(self.store.now()),
        };
        let next = day
            .succ_opt()
            .ok_or_else(|| invalid("day", "a day before the end of time"))?;
        let events = self.store.events_of_kinds(
            CLOSE_KINDS,
            location.business_day_start(day),
            location.business_day_start(next),
        )?;
        let ids: Vec<_> = events.iter().map(|e| e.id).collect();
        let voided = self.store.voided_among(&ids)?;
        let roster = self.store.roster()?;
        let mut named: Vec<_> = events.iter().filter_map(|e| e.body.customer()).collect();
        named.sort_unstable();
        named.dedup();
        let customers = self.store.customer_names(&named)?;
        let program = self.store.program()?.map(|p| p.program);
        let rewards = program
            .as_ref()
            .map(|p| {
                p.rewards
                    .iter()
                    .map(|r| (r.id.clone(), r.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        // The program's thresholds, so every till lists the same.
        let settings = CloseSettings::from(program.as_ref().map(|p| p.unusual).unwrap_or_default());
        // The staff rules: the redemptions of the window's earlier days that
        // stand, and who enrolled the customers redeemed for.
        let first = day - chrono::Duration::days(settings.own_window_days - 1);
        let earlier = self.store.events_of_kinds(
            &["redeemed"],
            location.business_day_start(first),
            location.business_day_start(day),
        )?;
        let earlier_ids: Vec<_> = earlier.iter().map(|e| e.id).collect();
        let earlier_voided = self.store.voided_among(&earlier_ids)?;
        let earlier_redemptions: Vec<(String, crate::ledger::CustomerId)> = earlier
            .iter()
            .filter(|e| !earlier_voided.contains(&e.id))
            .filter_map(|e| Some((e.staff.clone()?, e.body.customer()?)))
            .collect();
        let mut redeemed_for: Vec<_> = events
            .iter()
            .filter(|e| e.body.kind() == "redeemed")
            .filter_map(|e| e.body.customer())
            .collect();
        redeemed_for.sort_unstable();
        redeemed_for.dedup();
        let enrolled_by = self.store.enrolled_by(&redeemed_for)?;
        let shop = Shop {
            location: &location,
            roster: &roster,
            last_sync: self.store.last_sync()?,
            customers: &customers,
            rewards: &rewards,
            staff_history: StaffHistory {
                earlier_redemptions: &earlier_redemptions,
                enrolled_by: &enrolled_by,
            },
        };
        Ok(close_of(day, shop, &events, &voided, settings))
    }
}

impl Commands {
    /// The daily close with its tables, for the screens.
    pub fn close_view(&self, request: &CloseOfDay) -> Result<CloseView> {
        let close = self.daily_close(request)?;
        let tables = close.tables();
        let today = self.store.location()?.business_date(self.store.now());
        Ok(CloseView {
            close,
            today,
            tables,
        })
    }

    /// One of the daily close's tables as CSV, headed in the reader's language.
    #[cfg(feature = "i18n")]
    pub fn close_csv(&self, request: &CloseTableFile) -> Result<ReportFile> {
        let close = self.daily_close(&CloseOfDay {
            day: request.day.clone(),
        })?;
        table_file(
            close.tables(),
            &request.table,
            &request.language,
            &close.business_day.to_string(),
        )
    }
}

/// The table `id` of a report's `tables` as a CSV file headed in `language`,
/// named after the table and `dated` (the day or period it covers).
#[cfg(feature = "i18n")]
fn table_file(tables: Vec<Table>, id: &str, language: &str, dated: &str) -> Result<ReportFile> {
    use crate::i18n::{Catalogue, Language};
    let language = Language::parse(language).ok_or_else(|| {
        invalid(
            "language",
            format!("`{language}` is not one of the till's languages"),
        )
    })?;
    let table = tables
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| invalid("table", format!("the report has no table `{id}`")))?;
    let catalogue = Catalogue::new(language);
    let words = |id: &str| catalogue.render(&crate::ledger::Message::new(id));
    let text = crate::report::to_csv(&table, language, &words)
        .map_err(|e| crate::error::EngineError::Internal(e.to_string()))?;
    Ok(ReportFile {
        file_name: format!("{}-{dated}.csv", table.id),
        text,
    })
}

impl Commands {
    /// The KPIs of a period of business days beside those of the period of
    /// the same length before it (`docs/reports.md` defines each), with the
    /// program's goals as of today.
    pub fn kpis(&self, request: &KpisOver) -> Result<Kpis> {
        let mut kpis = self.kpi_figures(request)?;
        self.count_breakage(&mut kpis, request)?;
        kpis.rewards = self.kpi_rewards(request)?;
        kpis.goals = self.kpi_goals()?;
        kpis.cohorts = self.kpi_cohorts()?;
        Ok(kpis)
    }

    /// Reward popularity over a period and the one before
    /// (`report::kpis::popularity`): the redemptions' rewards are read from
    /// their events, so a screen asks for it on its own after the cards.
    pub fn kpi_rewards(&self, request: &KpisOver) -> Result<Vec<RewardPopularity>> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let period = self.period_of(request, &location)?;
        let redemptions = self
            .store
            .redemptions_between(period.previous().from, period.to)?;
        let program = self.store.program()?;
        Ok(rewards_of(
            period,
            &redemptions,
            program.as_ref().map(|p| &p.program),
        ))
    }

    /// Breakage counted in the place `kpi_figures` leaves it being counted.
    fn count_breakage(&self, kpis: &mut Kpis, request: &KpisOver) -> Result<()> {
        let breakage = self.kpi_breakage(request)?;
        for kpi in kpis.kpis.iter_mut().filter(|k| k.id == breakage.id) {
            *kpi = breakage.clone();
        }
        Ok(())
    }

    /// Breakage over a period and the one before (`report::breakage`): read
    /// from every customer's points history, so asked on its own by a screen
    /// that shows the other KPIs first (they carry it as being counted).
    pub fn kpi_breakage(&self, request: &KpisOver) -> Result<Kpi> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let period = self.period_of(request, &location)?;
        let expiry = self
            .store
            .program()?
            .and_then(|p| p.program.points_expire_after_days);
        let histories = match expiry {
            Some(_) => self.store.points_histories()?,
            None => Vec::new(),
        };
        let merged = self.store.merged_customers()?;
        Ok(breakage_of(period, expiry, &histories, &merged))
    }

    /// Monthly cohort retention as of the current business day: the twelve
    /// months' cohorts, asked on their own like the goals (a year of visits).
    pub fn kpi_cohorts(&self) -> Result<Vec<Cohort>> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let merged = self.store.merged_customers()?;
        let as_of = location.business_date(self.store.now());
        let span = cohorts_span(as_of);
        let after = span
            .to
            .succ_opt()
            .ok_or_else(|| invalid("to", "a day before the end of time"))?;
        let activity = self.store.joins_and_visits(
            span.from,
            span.to,
            location.business_day_start(span.from),
            location.business_day_start(after),
        )?;
        Ok(cohorts_of(as_of, &location, &activity, &merged))
    }

    /// The program's goals and how each is going as of the current business
    /// day: asked on their own by a screen that shows the KPIs first (on a
    /// large shop a year-long goal's readings take longer than the KPIs).
    pub fn kpi_goals(&self) -> Result<Vec<GoalProgress>> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let merged = self.store.merged_customers()?;
        self.goals(&location, &merged)
    }

    /// The KPIs of a period without the goals (`goals` is empty): for a
    /// screen that asks for them with [`Commands::kpi_goals`].
    pub fn kpi_figures(&self, request: &KpisOver) -> Result<Kpis> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let period = self.period_of(request, &location)?;
        let program = self.store.program()?;
        // The flows of the period and the one it is compared with (the one
        // before those is read for the previous period's retention only).
        let flows = crate::store::Flows {
            first: period.previous().from,
            stamps: program
                .as_ref()
                .is_some_and(|p| !p.program.stamp_cards.is_empty()),
        };
        let activity = self.activity_over(&location, span_of(period), flows)?;
        let merged = self.store.merged_customers()?;
        let mut kpis = kpis_of(
            period,
            &location,
            program.as_ref().map(|p| &p.program),
            &activity,
            &merged,
        );
        // Breakage, being counted, beside the redemption rates.
        let at = kpis
            .kpis
            .iter()
            .position(|k| k.id == crate::report::breakage::AFTER)
            .map_or(kpis.kpis.len(), |i| i + 1);
        kpis.kpis.insert(at, crate::report::breakage::pending());
        Ok(kpis)
    }

    /// The period `request` asks for: its days, or the 30 business days up
    /// to today; bad days are refused by field.
    fn period_of(
        &self,
        request: &KpisOver,
        location: &crate::location::Location,
    ) -> Result<Period> {
        let to = match &request.to {
            Some(text) => date_in("to", text)?,
            None => location.business_date(self.store.now()),
        };
        let from = match &request.from {
            Some(text) => date_in("from", text)?,
            None => to - chrono::Duration::days(DEFAULT_PERIOD_DAYS - 1),
        };
        let period = Period { from, to };
        if period.to < period.from {
            return Err(invalid(
                "to",
                format!(
                    "the period ends ({}) before it starts ({})",
                    period.to, period.from
                ),
            ));
        }
        if period.days() > LONGEST_PERIOD_DAYS {
            return Err(invalid("to", "a period of ten years at most"));
        }
        Ok(period)
    }

    /// The loyalty activity of the business days of `span`, enrolments
    /// counted by the instants those days cover, the balances' flows as
    /// `flows` says.
    fn activity_over(
        &self,
        location: &crate::location::Location,
        span: Period,
        flows: crate::store::Flows,
    ) -> Result<crate::store::Activity> {
        let after = span
            .to
            .succ_opt()
            .ok_or_else(|| invalid("to", "a day before the end of time"))?;
        self.store.activity_between(
            span.from,
            span.to,
            location.business_day_start(span.from),
            location.business_day_start(after),
            flows,
        )
    }

    /// The program's goals and how each is going as of the current business
    /// day, from the activity their readings need.
    fn goals(
        &self,
        location: &crate::location::Location,
        merged: &std::collections::HashMap<crate::ledger::CustomerId, crate::ledger::CustomerId>,
    ) -> Result<Vec<GoalProgress>> {
        let Some(program) = self.store.program()? else {
            return Ok(Vec::new());
        };
        let goals = &program.program.goals;
        let as_of = location.business_date(self.store.now());
        // No goal has a reading yet: nothing to read.
        let activity = match goals_span(goals, as_of) {
            Some(span) => self.activity_over(
                location,
                span,
                crate::store::Flows {
                    first: span.from,
                    stamps: !program.program.stamp_cards.is_empty(),
                },
            )?,
            None => crate::store::Activity::default(),
        };
        Ok(goals_of(
            goals,
            &GoalsOf {
                as_of,
                location,
                program: Some(&program.program),
                activity: &activity,
                merged,
            },
        ))
    }
}

impl Commands {
    /// One of the KPIs' tables as CSV, in the reader's language. Only what
    /// the table shows is counted (breakage, the goals, the cohorts each take
    /// their own reads): the other tables are left empty.
    #[cfg(feature = "i18n")]
    pub fn kpis_csv(&self, request: &KpisTableFile) -> Result<ReportFile> {
        let over = KpisOver {
            from: request.from.clone(),
            to: request.to.clone(),
        };
        let mut kpis = self.kpi_figures(&over)?;
        match request.table.as_str() {
            "kpis" => self.count_breakage(&mut kpis, &over)?,
            "kpis-rewards" => kpis.rewards = self.kpi_rewards(&over)?,
            "kpis-goals" | "kpis-goal-trend" => kpis.goals = self.kpi_goals()?,
            "kpis-cohorts" => kpis.cohorts = self.kpi_cohorts()?,
            _ => {}
        }
        table_file(
            kpis.tables(),
            &request.table,
            &request.language,
            &format!("{}-to-{}", kpis.period.from, kpis.period.to),
        )
    }
}

/// The liability report with its tables, for the screens.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LiabilityView {
    /// The report.
    pub liability: Liability,
    /// Its tables (`Liability::tables`).
    pub tables: Vec<Table>,
}

/// Asks for one of the liability report's tables as a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LiabilityTableFile {
    /// The table's id (`liability`, `liability-ages`).
    pub table: String,
    /// The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
    pub language: String,
}

impl Commands {
    /// What the shop owes its customers in points, stamps, cashback and
    /// vouchers as of the current business day, valued in money three ways
    /// (`docs/reports.md`), from every till's events this till has.
    pub fn liability(&self) -> Result<Liability> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let program = self.store.program()?;
        let merged = self.store.merged_customers()?;
        let histories = self.store.balance_histories()?;
        Ok(liability_of(
            &LiabilityOf {
                as_of: location.business_date(self.store.now()),
                currency: location.currency,
                program: program.as_ref().map(|p| &p.program),
                merged: &merged,
                last_sync: self.store.last_sync()?,
            },
            &histories,
        ))
    }

    /// The liability report with its tables, for the screens.
    pub fn liability_view(&self) -> Result<LiabilityView> {
        let liability = self.liability()?;
        let tables = liability.tables();
        Ok(LiabilityView { liability, tables })
    }

    /// One of the liability report's tables as CSV, headed in the reader's language.
    #[cfg(feature = "i18n")]
    pub fn liability_csv(&self, request: &LiabilityTableFile) -> Result<ReportFile> {
        let liability = self.liability()?;
        table_file(
            liability.tables(),
            &request.table,
            &request.language,
            &liability.as_of.to_string(),
        )
    }
}

/// The local setting the segments' rules are kept under.
const SEGMENT_RULES: &str = "segment_rules";

/// How many customers of the at-risk list a screen shows (the file holds all).
const AT_RISK_ON_SCREEN: usize = 100;

/// Asks for the segments: by the rules the till keeps, or by proposed ones
/// (a preview: the report says how many customers they move).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SegmentsBy {
    /// Proposed rules; none: the till's.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub rules: Option<SegmentRules>,
}

/// The segments with their tables, for the screens: the at-risk list cut to
/// its first customers (a big shop's is thousands; the file holds them all).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SegmentsView {
    /// The report, its `at_risk` cut to the first `listed`.
    pub segments: Segments,
    /// Its tables (`Segments::tables`), the at-risk list cut likewise.
    pub tables: Vec<Table>,
    /// How many of the at-risk list are shown.
    pub listed: usize,
    /// How many are on it.
    pub at_risk: usize,
}

/// Asks for one of the segments' tables as a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SegmentsTableFile {
    /// Proposed rules; none: the till's.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub rules: Option<SegmentRules>,
    /// The table's id (`segments`, `at-risk`, …).
    pub table: String,
    /// The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
    pub language: String,
}

impl Commands {
    /// The rules the segments are counted by on this till (the defaults
    /// until a manager sets them).
    pub fn segment_rules(&self) -> Result<SegmentRules> {
        self.authorise(Permission::Reports)?;
        self.saved_segment_rules()
    }

    fn saved_segment_rules(&self) -> Result<SegmentRules> {
        Ok(crate::store::setting_of(&self.store.conn(), SEGMENT_RULES)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default())
    }

    /// Keeps `rules` as this till's segment rules (a manager's).
    pub fn set_segment_rules(&self, rules: &SegmentRules) -> Result<SegmentRules> {
        self.authorise(Permission::Reports)?;
        if let Some((field, why)) = rules.problem() {
            return Err(invalid(field, why));
        }
        let text = serde_json::to_string(rules)
            .map_err(|e| crate::error::EngineError::Internal(e.to_string()))?;
        self.store.set_local_setting(SEGMENT_RULES, &text)?;
        self.store.note_manager_action(
            "segment_rules",
            &format!(
                "segments: new {} days, lapsed after {} days, at risk at recency <= {}, regular at frequency >= {}, high-value at spend >= {}",
                rules.new_days,
                rules.lapsed_days,
                rules.at_risk_recency,
                rules.regular_frequency,
                rules.high_value_spend
            ),
        )?;
        Ok(*rules)
    }

    /// The customers' segments on the current business day, with the
    /// at-risk list, from every till's customers this till has
    /// (`docs/reports.md` defines them).
    pub fn segments(&self, request: &SegmentsBy) -> Result<Segments> {
        self.authorise(Permission::Reports)?;
        let saved = self.saved_segment_rules()?;
        let rules = request.rules.unwrap_or(saved);
        if let Some((field, why)) = rules.problem() {
            return Err(invalid(field, why));
        }
        let location = self.store.location()?;
        let clientele = self.store.clientele()?;
        let mut segments = segments_of(
            &SegmentsOf {
                as_of: location.business_date(self.store.now()),
                location: &location,
                rules,
                saved,
                last_sync: self.store.last_sync()?,
            },
            &clientele,
        );
        let listed: Vec<_> = segments.at_risk.iter().map(|c| c.customer).collect();
        segments.hold(&self.store.holdings_of(&listed)?);
        Ok(segments)
    }

    /// The segments with their tables, for the screens.
    pub fn segments_view(&self, request: &SegmentsBy) -> Result<SegmentsView> {
        let mut segments = self.segments(request)?;
        let tables = segments.tables(Some(AT_RISK_ON_SCREEN));
        let at_risk = segments.at_risk.len();
        segments.at_risk.truncate(AT_RISK_ON_SCREEN);
        Ok(SegmentsView {
            listed: segments.at_risk.len(),
            at_risk,
            segments,
            tables,
        })
    }

    /// One of the segments' tables as CSV (the whole at-risk list), headed
    /// in the reader's language.
    #[cfg(feature = "i18n")]
    pub fn segments_csv(&self, request: &SegmentsTableFile) -> Result<ReportFile> {
        let segments = self.segments(&SegmentsBy {
            rules: request.rules,
        })?;
        table_file(
            segments.tables(None),
            &request.table,
            &request.language,
            &segments.as_of.to_string(),
        )
    }
}

/// The offers report with its tables, for the screens.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OffersView {
    /// The report.
    pub offers: OfferResults,
    /// Its tables (`OfferResults::tables`).
    pub tables: Vec<Table>,
}

/// Asks for one of the offers report's tables as a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct OffersTableFile {
    /// The table's id (`offers`, `offers-uplift`).
    pub table: String,
    /// The reader's language (`en`, `pl`, `fr`, `ru`): the headings' words.
    pub language: String,
}

impl Commands {
    /// The program's offers with a held-out group, each measured against
    /// it up to the current business day, from every till's visits this
    /// till has (`docs/reports.md` says how).
    pub fn offers(&self) -> Result<OfferResults> {
        self.authorise(Permission::Reports)?;
        let location = self.store.location()?;
        let program = self.store.program()?;
        let offers = program
            .as_ref()
            .map_or(&[][..], |p| p.program.offers.as_slice());
        let clientele = if offers.iter().any(|o| o.holdout_percent > 0) {
            self.store.clientele()?
        } else {
            crate::store::Clientele::default()
        };
        Ok(offers_of(
            &OffersOf {
                as_of: location.business_date(self.store.now()),
                location: &location,
                offers,
                last_sync: self.store.last_sync()?,
                min_group: crate::report::MIN_GROUP,
                min_days: crate::report::MIN_DAYS,
            },
            &clientele,
        ))
    }

    /// The offers report with its tables, for the screens.
    pub fn offers_view(&self) -> Result<OffersView> {
        let offers = self.offers()?;
        let tables = offers.tables();
        Ok(OffersView { offers, tables })
    }

    /// One of the offers report's tables as CSV, headed in the reader's language.
    #[cfg(feature = "i18n")]
    pub fn offers_csv(&self, request: &OffersTableFile) -> Result<ReportFile> {
        let offers = self.offers()?;
        table_file(
            offers.tables(),
            &request.table,
            &request.language,
            &offers.as_of.to_string(),
        )
    }
}
