//! WAL checkpoints off the write path.
//!
//! SQLite's automatic checkpoint runs inside the commit that crosses the WAL
//! threshold, copying pages into the database and fsyncing it: a visit that
//! happened to trigger it waited 18 ms instead of 1 (p99 at 100k customers). So
//! the writer never checkpoints; this thread does, on its own connection, in
//! PASSIVE mode, which never blocks the writer. It folds the WAL back when it has
//! grown by a few MiB or something has waited ten seconds, because its own fsync
//! of the database file competes with the till's. When the store closes, one
//! last checkpoint empties the WAL.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often the WAL's size is looked at.
const TICK: Duration = Duration::from_millis(250);
/// Fold the WAL back once it has grown this much...
const WAL_BYTES: u64 = 8 << 20;
/// ...or once something has waited this long.
const AT_LEAST_EVERY: Duration = Duration::from_secs(10);

/// Runs checkpoints until dropped.
pub(crate) struct Checkpointer {
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

fn wal_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

fn run(conn: Connection, wal: PathBuf, stopped: mpsc::Receiver<()>) {
    let mut last = Instant::now();
    // The WAL file keeps its size after a checkpoint (it is reused from the
    // start), so what counts is growth past the size last folded.
    let mut folded = 0u64;
    loop {
        match stopped.recv_timeout(TICK) {
            Err(RecvTimeoutError::Timeout) => {
                let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
                let due = size > folded + WAL_BYTES
                    || (size != folded && last.elapsed() >= AT_LEAST_EVERY);
                if !due {
                    continue;
                }
                match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    Ok(()) => {
                        last = Instant::now();
                        folded = size;
                    }
                    Err(e) => tracing::warn!(error = %e, "WAL checkpoint failed; will retry"),
                }
            }
            // Stopped, or the store is gone: fold everything back and leave.
            _ => {
                let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
                return;
            }
        }
    }
}

impl Checkpointer {
    /// Starts the thread and turns the writer's own checkpoints off. If the thread
    /// cannot start, the writer keeps checkpointing as SQLite does by default.
    pub(crate) fn start(path: &Path, writer: &Connection) -> Option<Checkpointer> {
        let conn = super::connect(path).ok()?;
        let (stop, stopped) = mpsc::channel::<()>();
        let wal = wal_path(path);
        let thread = std::thread::Builder::new()
            .name("counterpart-checkpoint".into())
            .spawn(move || run(conn, wal, stopped))
            .ok()?;
        if writer.pragma_update(None, "wal_autocheckpoint", 0).is_err() {
            tracing::warn!("could not move WAL checkpoints off the write path");
        }
        Some(Checkpointer {
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
