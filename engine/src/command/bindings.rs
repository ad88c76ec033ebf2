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
    BalanceLine, CardCodes, ConflictKind, ConflictLine, CustomerRecord, CustomerSummary,
    ParkedEvent, RebuildReport, RewardLine, TableDiff, TierLine,
};
use crate::till::Outcome;

/// Where the file lives, from the repository's root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

const HEADER: &str = "// Generated from the engine's Rust types by ts-rs (engine/src/command/bindings.rs).\n\
// Do not edit: run `COUNTERPART_WRITE_BINDINGS=1 cargo test -p counterpart-engine --features ts --lib bindings`.\n\n";

/// Every declaration, in a fixed order: requests, answers, errors.
fn declarations(cfg: &Config) -> Vec<String> {
    let mut all = vec![
        // Requests.
        CustomerRef::decl(cfg),
        SetUpShop::decl(cfg),
        Enrol::decl(cfg),
        UpdateProfile::decl(cfg),
        Item::decl(cfg),
        RecordVisit::decl(cfg),
        Redeem::decl(cfg),
        SpendCashback::decl(cfg),
        Void::decl(cfg),
        Adjust::decl(cfg),
        Subscribe::decl(cfg),
        Donate::decl(cfg),
        ReplaceCard::decl(cfg),
        Merge::decl(cfg),
        Erase::decl(cfg),
        FindCustomers::decl(cfg),
        PublishProgram::decl(cfg),
        PairTill::decl(cfg),
        QrFormat::decl(cfg),
        // Answers.
        crate::ledger::Message::decl(cfg),
        crate::ledger::Arg::decl(cfg),
        ShopInfo::decl(cfg),
        Delta::decl(cfg),
        Outcome::decl(cfg),
        CardCodes::decl(cfg),
        CustomerRecord::decl(cfg),
        BalanceLine::decl(cfg),
        TierLine::decl(cfg),
        RewardLine::decl(cfg),
        ConflictKind::decl(cfg),
        ConflictLine::decl(cfg),
        CustomerSummary::decl(cfg),
        ScannedCustomer::decl(cfg),
        RebuildReport::decl(cfg),
        TableDiff::decl(cfg),
        ErrorReport::decl(cfg),
    ];
    #[cfg(feature = "print")]
    all.extend([PrintedCard::decl(cfg), CardSheet::decl(cfg)]);
    #[cfg(feature = "scan")]
    all.push(CameraChoice::decl(cfg));
    #[cfg(feature = "sync")]
    all.extend([
        Paired::decl(cfg),
        ParkedEvent::decl(cfg),
        SyncOverview::decl(cfg),
        crate::sync::SyncStatus::decl(cfg),
        crate::sync::RoundReport::decl(cfg),
    ]);
    #[cfg(feature = "demo")]
    all.push(crate::demo::DemoReport::decl(cfg));
    #[cfg(feature = "i18n")]
    all.push(crate::i18n::Language::decl(cfg));
    all
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
    for decl in declarations(&cfg) {
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
