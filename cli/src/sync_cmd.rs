//! `counterpart pair` and `counterpart sync`: the engine's pairing, rounds and
//! background loop, with progress bars and a line per round.

use counterpart_engine::command::{Commands, PairTill};
use counterpart_engine::error::EngineError;
use counterpart_engine::sync::{Progress, SyncNotice};
use std::sync::mpsc;
use std::time::Duration;

use crate::output::{progress_bar, Out};

pub fn pair(
    till: &Commands,
    request: PairTill,
    bars: bool,
    out: &mut Out,
) -> Result<(), EngineError> {
    let paired = till.pair(&request)?;
    out.note(&format!(
        "paired with {} as device {} of merchant {} ({})",
        paired.server, paired.device, paired.merchant, paired.shop_name
    ));
    // Fetch what the shop has (its program, its tills' keys, its customers) now,
    // so the till is ready; a failure here is only a warning: sync retries.
    if let Err(e) = round(till, bars, out) {
        out.note(&format!(
            "first sync did not finish ({e}); `counterpart sync` retries"
        ));
    }
    Ok(())
}

/// One round with a progress bar.
pub fn round(till: &Commands, bars: bool, out: &mut Out) -> Result<(), EngineError> {
    let bar = progress_bar(bars, "syncing");
    let report = till.sync_round(|p| match p {
        Progress::Pushed(done, waiting) => {
            bar.set_message("pushing");
            bar.set_length(u64::try_from(done as i64 + waiting).unwrap_or(0));
            bar.set_position(done as u64);
        }
        Progress::Pulled(at, high) => {
            bar.set_message("pulling");
            bar.set_length(u64::try_from(high).unwrap_or(0));
            bar.set_position(u64::try_from(at).unwrap_or(0));
        }
    });
    bar.finish_and_clear();
    out.sync_round(&report?);
    Ok(())
}

/// What the loop told this thread.
enum Told {
    Synced(counterpart_engine::sync::RoundReport),
    Retrying(String),
    Stopped(EngineError),
}

/// `counterpart sync`: the engine's background loop, a line per round, until
/// an error retrying cannot mend stops it.
pub fn run_on(till: &Commands, interval: u64, out: &mut Out) -> Result<(), EngineError> {
    // Not paired is said at once, not after the first round.
    if !till.sync_overview()?.paired {
        return till.sync_round(|_| {}).map(|_| ());
    }
    let (tx, rx) = mpsc::channel();
    let syncer = till.start_sync(
        Duration::from_secs(interval.max(1)),
        Box::new(move |notice| {
            let told = match notice {
                // `counterpart sync --once` draws a catch-up's bar; the
                // running loop prints a line per round.
                SyncNotice::Progress(_) => return,
                SyncNotice::Synced(report, _) => Told::Synced(*report),
                SyncNotice::Failed(status) => {
                    let (code, message) = match &status.last_error {
                        Some(report) => (report.code, report.message.clone()),
                        None => (
                            counterpart_engine::error::ErrorCode::SyncFailed,
                            String::new(),
                        ),
                    };
                    match &status.action_needed {
                        Some(advice) => Told::Stopped(EngineError::Sync {
                            code,
                            message: format!("{message}. Sync stopped: {advice}"),
                        }),
                        None => Told::Retrying(message),
                    }
                }
            };
            let _ = tx.send(told);
        }),
    );
    for told in rx {
        match told {
            Told::Synced(report) => out.sync_round(&report),
            Told::Retrying(e) => out.note(&format!("sync failed: {e}; retrying")),
            Told::Stopped(e) => {
                syncer.stop();
                return Err(e);
            }
        }
    }
    Ok(())
}
