//! The TypeScript types of the command layer, generated from the Rust types
//! with ts-rs into one committed file the app's screens import
//! (`ui/src/lib/bindings.ts`). A test fails when that file is stale; run
//! `COUNTERPART_WRITE_BINDINGS=1 cargo test -p counterpart-engine --features ts --lib bindings`
//! to write it again.

use ts_rs::{Config, TS};

use super::*;
use crate::error::{ErrorCode, ErrorReport};
use crate::ledger::{Delta, Item};
use crate::store::{
    BalanceKind, BalanceLine, CardCodes, ConflictKind, ConflictLine, CustomerRecord,
    CustomerSummary, ParkedEvent, RebuildReport, RewardLine, RewardOutOfReach, StampProgress,
    TableDiff, TierLine,
};
use crate::till::Outcome;

/// Where the file lives, from the repository's root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

const HEADER: &str = "// Generated from the engine's Rust types by ts-rs (engine/src/command/bindings.rs).\n\
// Do not edit: run `COUNTERPART_WRITE_BINDINGS=1 cargo test -p counterpart-engine --features ts --lib bindings`.\n\n";

/// A type's declaration and the names of the types it refers to.
type Declaration = (String, Vec<String>);

macro_rules! declare {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$((<$t>::decl($cfg), <$t>::dependencies($cfg).into_iter().map(|d| d.ts_name).collect())),*]
    };
}

/// Every declaration, in a fixed order: requests, answers, errors.
fn declarations(cfg: &Config) -> Vec<Declaration> {
    let mut all: Vec<Declaration> = declare![cfg;
        CustomerRef,
        SetUpShop,
        FirstManager,
        Pin,
        ProfileForm,
        Enrol,
        UpdateProfile,
        Item,
        RecordVisit,
        Redeem,
        SpendCashback,
        Void,
        Adjust,
        Subscribe,
        Donate,
        ReplaceCard,
        Merge,
        Erase,
        FindCustomers,
        PublishProgram,
        PairTill,
        QrFormat,
        SignIn,
        AddStaff,
        SetPin,
        SetRole,
        RemoveStaff,
        AuditRange,
        UndoLast,
        WedgeKey,
        crate::ledger::Role,
        crate::ledger::Message,
        crate::ledger::Arg,
        ShopInfo,
        SignInIdle,
        TillOverview,
        Delta,
        Outcome,
        CardCodes,
        CustomerRecord,
        BalanceKind,
        StampProgress,
        BalanceLine,
        TierLine,
        RewardLine,
        RewardOutOfReach,
        ConflictKind,
        ConflictLine,
        CustomerSummary,
        ScannedCustomer,
        crate::staff::StaffMember,
        SignedIn,
        StaffList,
        AuditLine,
        ExampleProgram,
        SaleItem,
        OfferNow,
        SaleSheet,
        RebuildReport,
        TableDiff,
        CloseOfDay,
        CloseTableFile,
        crate::report::Balances,
        crate::report::CashbackFlow,
        crate::report::RewardCount,
        crate::report::HourLine,
        crate::report::StaffLine,
        crate::report::VoidLine,
        crate::report::Adjustment,
        crate::report::Unusual,
        crate::report::OwnCustomerRedemptions,
        crate::report::PointsAboveVisits,
        crate::report::DailyClose,
        crate::report::Cell,
        crate::report::Table,
        CloseView,
        ReportFile,
        KpisOver,
        KpisTableFile,
        crate::report::Period,
        crate::report::KpiUnit,
        crate::report::KpiValue,
        crate::report::DayLine,
        crate::report::GoalStatus,
        crate::report::GoalReading,
        crate::report::GoalProgress,
        crate::report::RewardPopularity,
        crate::report::Cohort,
        crate::report::Kpi,
        crate::report::Kpis,
        crate::report::LiabilityKind,
        crate::report::Valuation,
        crate::report::Total,
        crate::report::LiabilityLine,
        crate::report::Liability,
        LiabilityView,
        LiabilityTableFile,
        crate::report::Segment,
        crate::report::SegmentRules,
        crate::report::SegmentSize,
        crate::report::SizesOn,
        crate::report::ScoreRange,
        crate::report::ScoreBand,
        crate::report::SegmentMove,
        crate::report::AtRiskCustomer,
        crate::report::Segments,
        SegmentsBy,
        SegmentsView,
        SegmentsTableFile,
        crate::report::Group,
        crate::report::VisitsUplift,
        crate::report::SpendUplift,
        crate::report::Uplift,
        crate::report::OfferResult,
        crate::report::OfferResults,
        OffersView,
        OffersTableFile,
        serde_json::Value,
        ErrorReport,
        crate::store::recovery::ProblemKind,
        crate::store::recovery::BackupFile,
        crate::store::recovery::StartupProblem,
    ];
    #[cfg(feature = "print")]
    all.extend(declare![cfg; PrintedCard, CardSheet, CardToPrint]);
    #[cfg(feature = "scan")]
    all.extend(declare![cfg; CameraChoice, CameraSetting, CameraState, CameraNow, CameraOverview, ScanNotice]);
    #[cfg(feature = "sync")]
    all.extend(declare![cfg;
        Paired,
        ParkedEvent,
        crate::store::HeldEvent,
        SyncOverview,
        RefusedBy,
        RefusedEvent,
        SyncNoticeForScreen,
        crate::sync::SyncStatus,
        crate::sync::CatchUp,
        crate::sync::RoundReport,
    ]);
    #[cfg(feature = "demo")]
    all.extend(declare![cfg; crate::demo::DemoReport]);
    #[cfg(feature = "pdf")]
    all.extend(declare![cfg; ReportOf, ReportPdf]);
    all.extend(declare![cfg; crate::language::Language, crate::program::Name]);
    all
}

/// The engine's money-writing tables, so the screens write amounts as the
/// command line does (`ui/src/lib/money.ts`).
fn money_tables() -> String {
    let table = |doc: &str, name: &str, rows: Vec<(String, String)>| {
        let body: Vec<String> = rows
            .iter()
            .map(|(k, v)| format!("  {}: {v},", serde_json::Value::from(k.as_str())))
            .collect();
        format!(
            "/** {doc} */\nexport const {name}: Readonly<Record<string, {}>> = {{\n{}\n}};\n\n",
            if name == "CURRENCY_EXPONENTS" {
                "number"
            } else {
                "string"
            },
            body.join("\n")
        )
    };
    let mut out = table(
        "Decimals of currencies whose minor unit is not 1/100 (the rest have 2).",
        "CURRENCY_EXPONENTS",
        crate::money::exponent_exceptions()
            .iter()
            .map(|(c, e)| (c.to_string(), e.to_string()))
            .collect(),
    );
    let json = |v: &str| serde_json::Value::from(v).to_string();
    out.push_str(&table(
        "The currency each country pays in, by its ISO 3166 code (ISO 4217's users), where a new shop may pick it: the set-up screen's first guess.",
        "REGION_CURRENCIES",
        crate::money::region_currencies()
            .into_iter()
            .filter(|(_, code)| crate::money::OFFERED_CURRENCIES.contains(code))
            .map(|(region, code)| (region, json(code)))
            .collect(),
    ));
    let pair = |style: &crate::money::written::CurrencyStyle| {
        format!("[{}, {}]", json(&style.prefix), json(&style.suffix))
    };
    let mut numbers = Vec::new();
    let mut codes = Vec::new();
    let mut signs = Vec::new();
    for language in crate::language::Language::ALL {
        let n = crate::money::written::number_style(language);
        numbers.push(format!(
            "  {}: {{ group: {}, decimal: {}, minus: {}, groupingFrom: {} }},",
            language.tag(),
            json(&n.group),
            json(&n.decimal),
            json(&n.minus),
            n.grouping_from
        ));
        let styles = crate::money::written::currency_styles(language);
        codes.push(format!("  {}: {},", language.tag(), pair(&styles.by_code)));
        let rows: Vec<String> = styles
            .own
            .iter()
            .map(|(code, style)| format!("    {code}: {},", pair(style)))
            .collect();
        signs.push(format!(
            "  {}: {{\n{}\n  }},",
            language.tag(),
            rows.join("\n")
        ));
    }
    out.push_str(&format!(
        "/** How each language writes numbers, from the CLDR (engine/src/money/written.rs): the group and decimal marks, the minus, and from how many digits groups are marked. */\n\
         export const NUMBER_STYLES: Readonly<Record<Language, {{ group: string; decimal: string; minus: string; groupingFrom: number }}>> = {{\n{}\n}};\n\n",
        numbers.join("\n")
    ));
    out.push_str(&format!(
        "/** Where a currency written by its code puts it, as [before the digits, after them], `¤` standing for the code. */\n\
         export const CODE_STYLES: Readonly<Record<Language, readonly [string, string]>> = {{\n{}\n}};\n\n",
        codes.join("\n")
    ));
    out.push_str(&format!(
        "/** The currencies each language writes with a sign of their own, as [before the digits, after them] (`$`, `zł`). */\n\
         export const CURRENCY_STYLES: Readonly<Record<Language, Readonly<Record<string, readonly [string, string]>>>> = {{\n{}\n}};\n\n",
        signs.join("\n")
    ));
    out
}

/// The engine's numbers the screens use, so none is copied into `ui/`: the
/// undo window, the webcam resolutions, the currencies a new shop may pick
/// (with their decimals) and the longest text each field takes.
fn constants() -> String {
    let mut out = format!(
        "/** How long after an action its author may undo it, in milliseconds. */\nexport const UNDO_WINDOW_MS = {};\n\n",
        crate::staff::UNDO_SECONDS * 1000
    );
    out.push_str(&format!(
        "/** The longest idle time a manager may set before a sign-in ends, in minutes. */\nexport const MAX_IDLE_MINUTES = {};\n\n",
        super::MAX_IDLE_MINUTES
    ));
    #[cfg(feature = "scan")]
    {
        let sizes: Vec<String> = super::CAMERA_RESOLUTIONS
            .iter()
            .map(|(w, h)| format!("[{w}, {h}]"))
            .collect();
        out.push_str(&format!(
            "/** The webcam resolutions a manager may pick (width, height). */\nexport const CAMERA_RESOLUTIONS: readonly (readonly [number, number])[] = [{}];\n\n",
            sizes.join(", ")
        ));
    }
    let currencies: Vec<String> = crate::money::OFFERED_CURRENCIES
        .iter()
        .filter_map(|c| crate::money::Currency::parse(c).ok())
        .map(|c| {
            format!(
                "  {{ code: \"{}\", decimals: {} }},",
                c.code(),
                c.exponent()
            )
        })
        .collect();
    out.push_str(&format!(
        "/** The currencies a new shop may pick, with their decimals. */\nexport const CURRENCIES: readonly {{ code: string; decimals: number }}[] = [\n{}\n];\n\n",
        currencies.join("\n")
    ));
    let limits: Vec<String> = crate::limits::ALL
        .iter()
        .map(|(name, n)| format!("  {name}: {n},"))
        .collect();
    out.push_str(&format!(
        "/** The longest text each field takes, in characters (the engine refuses longer). */\nexport const LIMITS = {{\n{}\n}} as const;\n\n",
        limits.join("\n")
    ));
    out
}

/// The whole file.
pub fn typescript() -> String {
    // Amounts are i64 in Rust but bounded by the ledger to ±2^53, so a JSON
    // number holds them exactly: `number`, not `bigint`.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(HEADER);
    out.push_str("/** Every error code the engine answers with; screens branch on these. */\n");
    out.push_str("export type ErrorCode =");
    for code in ErrorCode::ALL {
        out.push_str(&format!("\n  | \"{}\"", code.as_str()));
    }
    out.push_str(";\n\n");
    out.push_str("/** What someone at the till may be allowed to do (`docs/permissions.md`). */\nexport type Permission =");
    for p in crate::staff::Permission::ALL {
        out.push_str(&format!("\n  | \"{}\"", p.as_str()));
    }
    out.push_str(";\n\n");
    out.push_str("/** Every kind of ledger event, as stored. */\nexport type EventKind =");
    for kind in crate::ledger::EventBody::KINDS {
        out.push_str(&format!("\n  | \"{kind}\""));
    }
    out.push_str(
        ";\n\n/** The same, as a list. */\nexport const EVENT_KINDS: readonly EventKind[] = [",
    );
    for kind in crate::ledger::EventBody::KINDS {
        out.push_str(&format!("\n  \"{kind}\","));
    }
    out.push_str("\n];\n\n");
    out.push_str("/** The same, as a list. */\nexport const ERROR_CODES: readonly ErrorCode[] = [");
    for code in ErrorCode::ALL {
        out.push_str(&format!("\n  \"{}\",", code.as_str()));
    }
    out.push_str("\n];\n\n");
    out.push_str(&money_tables());
    out.push_str(&constants());
    #[cfg(feature = "scan")]
    out.push_str(&format!(
        "/** The fewest characters a keyboard-wedge scanner's burst holds before its Enter. */\nexport const WEDGE_MIN_CODE_CHARS = {};\n\n",
        crate::scan::wedge::MIN_CODE_CHARS
    ));
    for (decl, _) in declarations(&cfg) {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A type the screens receive names only types the file declares.
    #[test]
    fn every_type_named_is_declared() {
        let cfg = Config::new().with_large_int("number");
        let decls = declarations(&cfg);
        let declared: std::collections::BTreeSet<String> = decls
            .iter()
            .filter_map(|(d, _)| {
                d.trim()
                    .strip_prefix("type ")
                    .and_then(|rest| rest.split([' ', '<', '=']).next())
                    .map(str::to_string)
            })
            .chain(std::iter::once("ErrorCode".to_string()))
            .collect();
        for (decl, deps) in &decls {
            for dep in deps {
                assert!(
                    declared.contains(dep),
                    "`{dep}` is named but not declared (in {})",
                    decl.lines().next().unwrap_or_default()
                );
            }
        }
    }

    #[test]
    fn the_committed_bindings_are_current() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(BINDINGS_PATH);
        let fresh = typescript();
        if std::env::var_os("COUNTERPART_WRITE_BINDINGS").is_some() {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).expect("create the bindings folder");
            }
            std::fs::write(&path, &fresh).expect("write the bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is stale: run COUNTERPART_WRITE_BINDINGS=1 cargo test -p counterpart-engine --features ts --lib bindings",
            path.display()
        );
    }
}
