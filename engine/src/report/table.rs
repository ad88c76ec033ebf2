//! A report's tables, as the screens show them and the CSV (and later the
//! PDF) write them: one description, so the numbers on screen and in a file
//! are the same numbers. Column headings are catalogue ids
//! (`report-column-<id>`), put in the reader's language where the table is
//! written; cells keep their kind, so a file holds machine-readable numbers
//! (`12.50`, `2026-12-05`, `07:45`) and a screen writes them for its reader.

use serde::Serialize;

use super::close::DailyClose;
use crate::money::{Currency, Money};
use crate::program::Name;

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Cell {
    /// A count or a balance change (points, stamps, visits).
    Count(i64),
    /// A share from 0 to 1 as a decimal string with four places (`0.4321`),
    /// shown as a percentage.
    Fraction(String),
    /// A number that is not a count, as a decimal string (`1.75` visits per customer).
    Decimal(String),
    /// A business day, `YYYY-MM-DD`.
    Date(String),
    /// An amount of the report's currency, a decimal string (`12.50`).
    Money(String),
    /// A local time of day, `HH:MM`.
    Time(String),
    /// A local hour of the day, 0 to 23 (the row of `07:00`–`07:59`).
    Hour(u32),
    /// Words as recorded (a name, a reason, an account, a reward's id).
    Text(String),
    /// A catalogue id whose words stand in the cell (`report-cell-nobody`).
    Label(String),
    /// A name from the program (a reward, an offer), written in the reader's
    /// language when the program gives it.
    Name(Name),
}

/// One of a report's tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Table {
    /// Stable id: the file's name and the title's catalogue id
    /// (`report-table-<id>`).
    pub id: String,
    /// Column ids; each heading is `report-column-<id>` in the catalogues.
    pub columns: Vec<String>,
    /// The rows, each one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// A manager should look at it (unusual activity, overdrawn redemptions):
    /// the screens make it stand out.
    pub attention: bool,
}

impl Table {
    pub(crate) fn new(id: &str, columns: &[&str]) -> Table {
        Table {
            id: id.to_string(),
            columns: columns.iter().map(|c| (*c).to_string()).collect(),
            rows: Vec::new(),
            attention: false,
        }
    }
}

/// A share as a cell, or the words for not known.
pub(crate) fn fraction(share: Option<f64>, unknown: &str) -> Cell {
    match share {
        Some(x) => Cell::Fraction(format!("{x:.4}")),
        None => Cell::Label(unknown.to_string()),
    }
}

/// A reward by its name in the program, or by its id where the program no
/// longer has it.
pub(crate) fn reward_cell(name: &Option<crate::program::Name>, id: &str) -> Cell {
    name.clone()
        .map_or_else(|| Cell::Text(id.to_string()), Cell::Name)
}

/// A name, or the words for nobody.
fn someone(name: &Option<String>, nobody: &str) -> Cell {
    match name {
        Some(n) => Cell::Text(n.clone()),
        None => Cell::Label(nobody.to_string()),
    }
}

impl DailyClose {
    /// A balance change as a cell: cashback (minor units in the ledger) as
    /// money, the rest as a count.
    fn change(&self, account: &str, amount: i64) -> Cell {
        match (account, Currency::parse(&self.currency)) {
            ("cashback", Ok(currency)) => Cell::Money(Money::new(amount, currency).plain()),
            _ => Cell::Count(amount),
        }
    }

    /// The close as tables: the summary, then by hour, by staff member,
    /// rewards, voids, adjustments, unusual activity by customer and the two
    /// staff rules (each even when empty, so
    /// a file always has its headings).
    pub fn tables(&self) -> Vec<Table> {
        let mut summary = Table::new("close-summary", &["measure", "value"]);
        let mut line = |measure: &str, value: Cell| {
            summary.rows.push(vec![
                Cell::Label(format!("report-measure-{measure}")),
                value,
            ]);
        };
        line("visits", Cell::Count(self.visits));
        line("customers", Cell::Count(self.customers));
        line("enrolments", Cell::Count(self.enrolments));
        line("sales", Cell::Money(self.sales.clone()));
        line("average-check", Cell::Money(self.average_check.clone()));
        line("points-issued", Cell::Count(self.points.issued));
        line("points-redeemed", Cell::Count(self.points.redeemed));
        line("stamps-issued", Cell::Count(self.stamps.issued));
        line("stamps-redeemed", Cell::Count(self.stamps.redeemed));
        line("cashback-issued", Cell::Money(self.cashback.issued.clone()));
        line("cashback-spent", Cell::Money(self.cashback.spent.clone()));
        let count = |n: usize| Cell::Count(i64::try_from(n).unwrap_or(i64::MAX));
        line("voids", count(self.voids.len()));
        line("adjustments", count(self.adjustments.len()));
        line("conflicts", count(self.conflicts.len()));

        let mut by_hour = Table::new("close-by-hour", &["hour", "visits", "sales"]);
        by_hour.rows = self
            .by_hour
            .iter()
            .map(|h| {
                vec![
                    Cell::Hour(h.hour),
                    Cell::Count(h.visits),
                    Cell::Money(h.sales.clone()),
                ]
            })
            .collect();

        let mut by_staff = Table::new(
            "close-by-staff",
            &["staff", "visits", "sales", "points-issued", "redemptions"],
        );
        by_staff.rows = self
            .by_staff
            .iter()
            .map(|s| {
                vec![
                    someone(&s.name, "report-cell-nobody"),
                    Cell::Count(s.visits),
                    Cell::Money(s.sales.clone()),
                    Cell::Count(s.points_issued),
                    Cell::Count(s.redeemed),
                ]
            })
            .collect();

        let mut rewards = Table::new("close-rewards", &["reward", "count"]);
        rewards.rows = self
            .rewards
            .iter()
            .map(|r| vec![reward_cell(&r.name, &r.reward), Cell::Count(r.count)])
            .collect();

        let mut voids = Table::new("close-voids", &["time", "by", "customer", "reason"]);
        voids.rows = self
            .voids
            .iter()
            .map(|v| {
                vec![
                    Cell::Time(v.local_time.clone()),
                    someone(&v.by, "report-cell-nobody"),
                    someone(&v.name, "report-cell-no-name"),
                    Cell::Text(v.reason.clone()),
                ]
            })
            .collect();

        let mut adjustments = Table::new(
            "close-adjustments",
            &["time", "by", "customer", "account", "amount", "reason"],
        );
        adjustments.rows = self
            .adjustments
            .iter()
            .map(|a| {
                vec![
                    Cell::Time(a.local_time.clone()),
                    someone(&a.by, "report-cell-nobody"),
                    someone(&a.name, "report-cell-no-name"),
                    Cell::Text(a.account.clone()),
                    self.change(&a.account, a.amount),
                    Cell::Text(a.reason.clone()),
                ]
            })
            .collect();

        let mut unusual = Table::new("close-unusual", &["customer", "actions", "limit"]);
        unusual.rows = self
            .unusual
            .iter()
            .map(|u| {
                vec![
                    someone(&u.name, "report-cell-no-name"),
                    count(u.actions),
                    count(u.limit),
                ]
            })
            .collect();
        unusual.attention = !unusual.rows.is_empty();

        let mut own = Table::new(
            "close-unusual-own-customers",
            &[
                "staff",
                "customer",
                "redemptions",
                "on-the-day",
                "window-days",
                "limit",
            ],
        );
        own.rows = self
            .unusual_own_customers
            .iter()
            .map(|o| {
                vec![
                    someone(&o.name, "report-cell-nobody"),
                    someone(&o.customer_name, "report-cell-no-name"),
                    count(o.redemptions),
                    count(o.on_the_day),
                    Cell::Count(o.days),
                    count(o.limit),
                ]
            })
            .collect();
        own.attention = !own.rows.is_empty();

        let mut points = Table::new(
            "close-unusual-points",
            &[
                "staff",
                "points-issued",
                "points-share",
                "visits",
                "visits-share",
                "share-limit",
            ],
        );
        let share = |part: i64, whole: i64| {
            fraction(
                (whole > 0).then(|| part as f64 / whole as f64),
                "report-kpis-nothing",
            )
        };
        points.rows = self
            .unusual_points
            .iter()
            .map(|p| {
                vec![
                    someone(&p.name, "report-cell-nobody"),
                    Cell::Count(p.points_issued),
                    share(p.points_issued, p.points_total),
                    Cell::Count(p.visits),
                    share(p.visits, p.visits_total),
                    share(p.limit_percent, 100),
                ]
            })
            .collect();
        points.attention = !points.rows.is_empty();

        vec![
            summary,
            by_hour,
            by_staff,
            rewards,
            voids,
            adjustments,
            unusual,
            own,
            points,
        ]
    }
}
