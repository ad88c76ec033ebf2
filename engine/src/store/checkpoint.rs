//! WAL checkpoints off the write path, in the till's quiet moments.
//!
//! SQLite's automatic checkpoint runs inside the commit that crosses the WAL
//! threshold, copying pages into the database and fsyncing it: a visit that
//! happened to trigger it waited 18 ms instead of 1 (p99 at 100k customers). So
//! the writer never checkpoints; this thread does, on its own connection, in
//! PASSIVE mode, which never blocks the writer.
//!
//! A checkpoint still costs the writer something: its fsync of the database
//! (thousands of scattered pages) fills the disk's queue, and a visit's own fsync
//! of the WAL waits behind it (measured: visit p99 1.6 ms without checkpoints,
//! 2.5 ms with one every 8 MiB of WAL, back to back). A till is idle most of the
//! time, so the thread waits for a second without writes. Under a load that never
//! pauses (a catch-up, a benchmark) it folds the WAL back once it has grown by
//! `GROWTH` or writes have gone on for `LONGEST_WAIT`.
//!
//! What it watches is the WAL file's size and modification time, read with
//! `stat`. It never opens SQLite's files: closing any descriptor of a file drops
//! every POSIX lock the process holds on it, SQLite's included, and another
//! process (the command line beside the app) could then take the WAL index for
//! abandoned. When the store closes, one last checkpoint empties the WAL.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// How often the WAL is looked at.
const TICK: Duration = Duration::from_millis(250);
/// The till is quiet when the WAL has not been written for this long.
const QUIET: Duration = Duration::from_secs(1);
/// Growth of the WAL file past its size at the last checkpoint that folds it
/// back even without a pause. (After a checkpoint SQLite writes the WAL from its
/// start again, and the file only grows once the writes pass its old end.)
const GROWTH: u64 = 64 << 20;
/// Longest a written WAL waits for a pause.
const LONGEST_WAIT: Duration = Duration::from_secs(10);
/// The WAL file is cut back to this size after a checkpoint (SQLite's
/// `journal_size_limit`), so a catch-up does not leave a large file behind.
pub(crate) const WAL_SIZE_LIMIT: u64 = GROWTH;

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

/// What `stat` tells of the WAL file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WalFile {
    size: u64,
    modified: SystemTime,
}

fn wal_file(wal: &Path) -> Option<WalFile> {
    let meta = std::fs::metadata(wal).ok()?;
    Some(WalFile {
        size: meta.len(),
        modified: meta.modified().ok()?,
    })
}

/// When to checkpoint, from what the WAL file shows tick after tick.
#[derive(Debug)]
struct Schedule {
    /// The file as last seen.
    seen: Option<WalFile>,
    /// When a write was last noticed.
    last_write: Instant,
    /// When the writes not yet folded back began (none: nothing to fold).
    waiting_since: Option<Instant>,
    /// The file's size at the last checkpoint.
    folded_size: u64,
}

impl Schedule {
    fn new(now: Instant) -> Schedule {
        Schedule {
            seen: None,
            last_write: now,
            waiting_since: None,
            folded_size: 0,
        }
    }

    /// True when a checkpoint should run now.
    fn due(&mut self, file: Option<WalFile>, now: Instant) -> bool {
        let Some(file) = file else {
            // No WAL file (not created yet, or just removed): nothing to fold.
            return false;
        };
        match self.seen {
            Some(seen) if seen != file => {
                self.last_write = now;
                self.waiting_since.get_or_insert(now);
            }
            Some(_) => {}
            // First look: what is there may be unfolded (a crash, another process).
            None => self.waiting_since = (file.size > 0).then_some(now),
        }
        self.seen = Some(file);
        let Some(since) = self.waiting_since else {
            return false;
        };
        now.duration_since(self.last_write) >= QUIET
            || file.size >= self.folded_size.saturating_add(GROWTH)
            || now.duration_since(since) >= LONGEST_WAIT
    }

    fn checkpointed(&mut self, file: Option<WalFile>) {
        self.waiting_since = None;
        self.seen = file.or(self.seen);
        self.folded_size = self.seen.map_or(0, |f| f.size);
    }
}

fn run(conn: Connection, wal: PathBuf, stopped: mpsc::Receiver<()>) {
    let mut schedule = Schedule::new(Instant::now());
    loop {
        match stopped.recv_timeout(TICK) {
            Err(RecvTimeoutError::Timeout) => {
                if !schedule.due(wal_file(&wal), Instant::now()) {
                    continue;
                }
                match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    Ok(()) => schedule.checkpointed(wal_file(&wal)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file(size: u64, modified_ms: u64) -> Option<WalFile> {
        Some(WalFile {
            size,
            modified: SystemTime::UNIX_EPOCH + Duration::from_millis(modified_ms),
        })
    }

    #[test]
    fn waits_for_a_pause() {
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let mut s = Schedule::new(t0);
        assert!(!s.due(file(0, 1), at(250)), "an empty WAL");
        assert!(!s.due(file(80_000, 2), at(500)), "writing");
        assert!(!s.due(file(160_000, 3), at(750)), "still writing");
        assert!(
            !s.due(file(160_000, 3), at(1500)),
            "quiet for less than a second"
        );
        assert!(s.due(file(160_000, 3), at(1750)), "quiet for a second");
        s.checkpointed(file(160_000, 3));
        assert!(!s.due(file(160_000, 3), at(3000)), "nothing written since");
        // Written from the start again: same size, a new time.
        assert!(!s.due(file(160_000, 4), at(3250)));
        assert!(s.due(file(160_000, 4), at(4250)));
    }

    #[test]
    fn a_load_that_never_pauses_is_folded_back_by_size_or_time() {
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let mut s = Schedule::new(t0);
        assert!(!s.due(file(0, 0), at(0)));
        let mut ms = 0;
        let mut size = 0;
        // Growing fast: the size decides.
        while !s.due(file(size, ms), at(ms)) {
            ms += 250;
            size += 8 << 20;
            assert!(size <= GROWTH, "folded back by {GROWTH} bytes");
        }
        s.checkpointed(file(size, ms));
        // Rewriting the reused file slowly: time decides.
        let started = ms;
        loop {
            ms += 250;
            if s.due(file(size, ms), at(ms)) {
                break;
            }
            assert!(
                ms - started <= 10_250,
                "folded back within {LONGEST_WAIT:?}"
            );
        }
    }

    #[test]
    fn a_wal_found_on_opening_is_folded_back() {
        let t0 = Instant::now();
        let mut s = Schedule::new(t0);
        assert!(!s.due(file(500_000, 1), t0));
        assert!(s.due(file(500_000, 1), t0 + QUIET));
        let mut s = Schedule::new(t0);
        assert!(!s.due(None, t0 + LONGEST_WAIT), "no WAL file");
    }
}
