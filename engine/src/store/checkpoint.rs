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
//! time, so the thread waits for a second without writes; only under a load that
//! never pauses does it fold the WAL back once it holds `MOST_FRAMES` frames.
//! When the store closes, one last checkpoint empties the WAL.

use rusqlite::Connection;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often the WAL is looked at.
const TICK: Duration = Duration::from_millis(250);
/// The till is quiet when no frame has been written for this long.
const QUIET: Duration = Duration::from_secs(1);
/// Frames past which the WAL is folded back even without a pause (64 MiB of
/// 4 KiB pages; readers slow down as the WAL grows).
const MOST_FRAMES: u32 = 16_384;
/// Without the WAL index to look at, checkpoint this often.
const FALLBACK_EVERY: Duration = Duration::from_secs(10);

/// Runs checkpoints until dropped.
pub(crate) struct Checkpointer {
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

fn with_suffix(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Frames in the WAL, and how many of them are in the database already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WalFrames {
    written: u32,
    backfilled: u32,
}

/// Reads the WAL's frame counts from the WAL index (the `-shm` file), whose
/// layout is part of SQLite's documented file format
/// (<https://www.sqlite.org/walformat.html>, "The WAL-Index Header"): two copies of
/// a 48-byte header with `mxFrame` at byte 16, then `nBackfill` at byte 96, all
/// in the machine's byte order. It is read without SQLite's locks, so a write in
/// progress can tear it: then the two copies differ and this answers `None`, as
/// it does for anything unexpected; the caller only uses it to decide when.
fn wal_frames(shm: &Path) -> Option<WalFrames> {
    let mut header = [0u8; 100];
    std::fs::File::open(shm)
        .ok()?
        .read_exact(&mut header)
        .ok()?;
    if header[..48] != header[48..96] {
        return None;
    }
    let u32_at = |at: usize| header[at..at + 4].try_into().ok().map(u32::from_ne_bytes);
    let frames = WalFrames {
        written: u32_at(16)?,
        backfilled: u32_at(96)?,
    };
    (frames.backfilled <= frames.written).then_some(frames)
}

/// When to checkpoint, from what the WAL index shows tick after tick.
#[derive(Debug)]
struct Schedule {
    last_seen: Option<WalFrames>,
    last_write: Instant,
    last_checkpoint: Instant,
}

impl Schedule {
    fn new(now: Instant) -> Schedule {
        Schedule {
            last_seen: None,
            last_write: now,
            last_checkpoint: now,
        }
    }

    /// True when a checkpoint should run now.
    fn due(&mut self, frames: Option<WalFrames>, now: Instant) -> bool {
        let Some(frames) = frames else {
            return now.duration_since(self.last_checkpoint) >= FALLBACK_EVERY;
        };
        if self.last_seen.map(|f| f.written) != Some(frames.written) {
            self.last_write = now;
        }
        self.last_seen = Some(frames);
        let waiting = frames.written - frames.backfilled;
        waiting > 0 && (now.duration_since(self.last_write) >= QUIET || waiting >= MOST_FRAMES)
    }

    fn checkpointed(&mut self, now: Instant) {
        self.last_checkpoint = now;
    }
}

fn run(conn: Connection, shm: PathBuf, stopped: mpsc::Receiver<()>) {
    let mut schedule = Schedule::new(Instant::now());
    loop {
        match stopped.recv_timeout(TICK) {
            Err(RecvTimeoutError::Timeout) => {
                if !schedule.due(wal_frames(&shm), Instant::now()) {
                    continue;
                }
                match conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    Ok(()) => schedule.checkpointed(Instant::now()),
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
        let shm = with_suffix(path, "-shm");
        let thread = std::thread::Builder::new()
            .name("counterpart-checkpoint".into())
            .spawn(move || run(conn, shm, stopped))
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
    use rusqlite::Connection;

    fn frames(written: u32, backfilled: u32) -> Option<WalFrames> {
        Some(WalFrames {
            written,
            backfilled,
        })
    }

    #[test]
    fn waits_for_a_pause_unless_the_wal_is_large() {
        let t0 = Instant::now();
        let mut s = Schedule::new(t0);
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        assert!(!s.due(frames(0, 0), at(250)), "nothing written");
        assert!(!s.due(frames(40, 0), at(500)), "writing");
        assert!(!s.due(frames(80, 0), at(750)), "still writing");
        assert!(
            !s.due(frames(80, 0), at(1500)),
            "quiet for less than a second"
        );
        assert!(s.due(frames(80, 0), at(1750)), "quiet for a second");
        s.checkpointed(at(1750));
        assert!(!s.due(frames(80, 80), at(2000)), "all folded back");
        // A load that never pauses: only a full WAL is folded back.
        assert!(!s.due(frames(9_000, 0), at(2250)));
        assert!(!s.due(frames(16_000, 0), at(2500)));
        assert!(s.due(frames(MOST_FRAMES + 10, 0), at(2750)));
    }

    #[test]
    fn without_the_index_it_checkpoints_on_a_timer() {
        let t0 = Instant::now();
        let mut s = Schedule::new(t0);
        assert!(!s.due(None, t0 + Duration::from_secs(1)));
        assert!(s.due(None, t0 + FALLBACK_EVERY));
    }

    #[test]
    fn reads_the_frame_counts_sqlite_keeps() {
        let dir = tempfile::tempdir().expect("temp");
        let db = dir.path().join("wal.db");
        let conn = Connection::open(&db).expect("open");
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
             CREATE TABLE t (x); INSERT INTO t VALUES (1);",
        )
        .expect("write");
        let shm = with_suffix(&db, "-shm");
        let before = wal_frames(&shm).expect("index");
        assert!(before.written > 0);
        assert_eq!(before.backfilled, 0);
        conn.execute("INSERT INTO t VALUES (2)", [])
            .expect("insert");
        let after = wal_frames(&shm).expect("index");
        assert!(after.written > before.written);
        // What SQLite itself reports: (busy, frames in the WAL, frames checkpointed).
        let (log, done): (i64, i64) = conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(1)?, r.get(2)?))
            })
            .expect("checkpoint");
        let folded = wal_frames(&shm).expect("index");
        assert_eq!(i64::from(after.written), log);
        assert_eq!(i64::from(folded.backfilled), done);
        assert_eq!(folded.backfilled, folded.written);
    }
}
