//! When the till cannot open its database at start: what happened, in terms
//! a manager can act on, and the ways back — try again, restore a backup,
//! or set the damaged file aside and start empty (then join the shop again
//! and pull everything back). Nothing here deletes a file: a damaged database
//! is renamed beside itself, for support.
//!
//! Also the backups these restore from: the app keeps one a day in a
//! `backups` folder beside the database.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::Store;
use crate::error::{EngineError, Result};

/// Why the till could not open its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file is not a SQLite database (overwritten, half copied, another file).
    NotADatabase,
    /// A database whose pages do not read back: damaged on disk.
    Damaged,
    /// The folder or the file cannot be written.
    ReadOnly,
    /// The disk is full.
    DiskFull,
    /// Written by a newer version of Counterpart.
    TooNew,
    /// Anything else.
    Other,
}

/// A backup found beside the database, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupFile {
    /// Where it is.
    pub path: String,
    /// Its file name.
    pub name: String,
    /// When it was written (RFC 3339, UTC).
    pub modified: String,
    /// Its size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
}

/// What stopped the till opening its database, for the recovery screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StartupProblem {
    /// What kind of trouble.
    pub kind: ProblemKind,
    /// The database's path.
    pub db: String,
    /// The error in the engine's words (English), for support.
    pub detail: String,
    /// Backups to restore from, newest first.
    pub backups: Vec<BackupFile>,
    /// Whether the file can be set aside or a backup restored: not when the
    /// folder cannot be written or the disk is full (try again then).
    pub can_set_aside: bool,
}

/// The folder beside `db` where the app keeps its daily backups.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// Says what `error`, met opening `db`, means for the manager.
pub fn diagnose(db: &Path, error: &EngineError) -> StartupProblem {
    let kind = kind_of(db, error);
    StartupProblem {
        kind,
        db: db.display().to_string(),
        detail: error.to_string(),
        backups: backups(db),
        can_set_aside: !matches!(kind, ProblemKind::ReadOnly | ProblemKind::DiskFull)
            && folder_writable(db),
    }
}

fn kind_of(db: &Path, error: &EngineError) -> ProblemKind {
    use rusqlite::ErrorCode as C;
    let sqlite = |e: &rusqlite::Error| match e.sqlite_error_code() {
        Some(C::NotADatabase) => Some(ProblemKind::NotADatabase),
        Some(C::DatabaseCorrupt) => Some(ProblemKind::Damaged),
        Some(C::ReadOnly | C::PermissionDenied) => Some(ProblemKind::ReadOnly),
        Some(C::DiskFull) => Some(ProblemKind::DiskFull),
        _ => None,
    };
    let found = match error {
        EngineError::Database(e) => sqlite(e),
        EngineError::Io(e) => match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                Some(ProblemKind::ReadOnly)
            }
            std::io::ErrorKind::StorageFull => Some(ProblemKind::DiskFull),
            _ => None,
        },
        // rusqlite_migration's words for a schema newer than this build's.
        EngineError::Migrate(m) if m.contains("higher") || m.contains("newer") => {
            Some(ProblemKind::TooNew)
        }
        EngineError::Migrate(m) => {
            let m = m.to_lowercase();
            if m.contains("not a database") {
                Some(ProblemKind::NotADatabase)
            } else if m.contains("malformed") || m.contains("corrupt") {
                Some(ProblemKind::Damaged)
            } else if m.contains("full") {
                Some(ProblemKind::DiskFull)
            } else if m.contains("readonly") || m.contains("read-only") {
                Some(ProblemKind::ReadOnly)
            } else {
                None
            }
        }
        EngineError::Corrupt(_) => Some(ProblemKind::Damaged),
        _ => None,
    };
    // SQLite says "unable to open" for a folder it cannot write its journal
    // in; the folder itself says why.
    found.unwrap_or(if folder_writable(db) {
        ProblemKind::Other
    } else {
        ProblemKind::ReadOnly
    })
}

/// Whether a file can be created in `db`'s folder (tried, not guessed from
/// permission bits: root, read-only mounts and immutable folders differ).
fn folder_writable(db: &Path) -> bool {
    let dir = db.parent().unwrap_or_else(|| Path::new("."));
    let probe = dir.join(format!(".counterpart-probe-{}", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

/// The backups in the folder beside `db`, newest first.
pub fn backups(db: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(backup_dir(db)) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, BackupFile)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let modified = meta.modified().ok()?;
            Some((
                modified,
                BackupFile {
                    path: e.path().display().to_string(),
                    name: e.file_name().to_string_lossy().into_owned(),
                    modified: DateTime::<Utc>::from(modified)
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    bytes: meta.len(),
                },
            ))
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.0));
    found.into_iter().map(|(_, b)| b).collect()
}

/// Renames `db` and its WAL and shared-memory files aside, beside it
/// (`till.db.damaged-20261206-0712`); returns the database's new path. The
/// next open starts an empty till.
pub fn set_aside(db: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "till.db".into());
    let aside = db.with_file_name(format!("{name}.damaged-{stamp}"));
    if aside.exists() {
        return Err(EngineError::invalid(
            "db",
            format!("{} exists already: try again in a second", aside.display()),
        ));
    }
    // The WAL first: a database renamed without its WAL would be opened
    // later with another one's frames.
    for suffix in ["-wal", "-shm"] {
        let side = db.with_file_name(format!("{name}{suffix}"));
        if side.exists() {
            std::fs::rename(
                &side,
                aside.with_file_name(format!("{name}.damaged-{stamp}{suffix}")),
            )?;
        }
    }
    if db.exists() {
        std::fs::rename(db, &aside)?;
    }
    tracing::warn!(db = %db.display(), aside = %aside.display(), "set the till's database aside");
    Ok(aside)
}

/// Puts `backup`, one of [`backups`] of `db`, in `db`'s place, after checking
/// that it is a whole Counterpart database: the damaged file is set aside
/// first, never deleted.
pub fn restore(db: &Path, backup: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    // Only a backup the till itself lists: the screen does not name files.
    let listed = backups(db).iter().any(|b| Path::new(&b.path) == backup);
    if !listed {
        return Err(EngineError::invalid(
            "backup",
            format!("{} is not one of this till's backups", backup.display()),
        ));
    }
    check_backup(backup)?;
    let aside = set_aside(db, now)?;
    let partial = db.with_file_name(format!(
        "{}.restoring",
        db.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    std::fs::copy(backup, &partial)?;
    std::fs::File::open(&partial)?.sync_all()?;
    std::fs::rename(&partial, db)?;
    super::private_file::keep_private(db)?;
    tracing::warn!(db = %db.display(), backup = %backup.display(), "restored the till's database from a backup");
    Ok(aside)
}

/// Refuses a file that is not a whole database of a set-up till.
fn check_backup(backup: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(EngineError::invalid(
            "backup",
            format!("{} is damaged too: {check}", backup.display()),
        ));
    }
    let devices: i64 = conn
        .query_row("SELECT COUNT(*) FROM device", [], |r| r.get(0))
        .map_err(|_| {
            EngineError::invalid(
                "backup",
                format!("{} is not a till's database", backup.display()),
            )
        })?;
    if devices != 1 {
        return Err(EngineError::invalid(
            "backup",
            format!("{} holds no till", backup.display()),
        ));
    }
    Ok(())
}

impl Store {
    infrastructure! {
        /// Writes today's backup into `dir` unless one was written in the last
        /// 20 hours, and keeps the newest `keep`: what the recovery screen
        /// restores from. Returns the new backup's path, if one was written.
        fn daily_backup(&self, dir: &Path, keep: usize) -> Result<Option<PathBuf>> {
            std::fs::create_dir_all(dir)?;
            // A file written after the clock's now (a clock set back) counts as
            // recent too: one backup a day, whatever the clock says.
            let now = self.now();
            let recent = std::fs::read_dir(dir)?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
                .filter_map(|e| e.metadata().ok()?.modified().ok())
                .any(|t| {
                    now.signed_duration_since(DateTime::<Utc>::from(t)) < chrono::Duration::hours(20)
                });
            if recent {
                return Ok(None);
            }
            let dest = dir.join(format!("till-{}.db", now.format("%Y-%m-%d-%H%M")));
            self.backup(&dest)?;
            let mut all: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
                .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
                .collect();
            all.sort_by_key(|b| std::cmp::Reverse(b.0));
            for (_, old) in all.into_iter().skip(keep.max(1)) {
                if let Err(e) = std::fs::remove_file(&old) {
                    tracing::warn!(path = %old.display(), error = %e, "could not remove an old backup");
                }
            }
            Ok(Some(dest))
        }
    }
}
