//! The till's SQLite store: the ledger, its index of deltas, the outbox and the
//! projections, behind one connection.

mod append;
mod apply;
mod backup;
mod context;
mod query;
mod rebuild;

use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::Clock;
use crate::error::{EngineError, Result};
use crate::ledger::{DeviceId, Event};
use crate::location::Location;
use crate::program::{parse_program, Program};

pub use append::ImportReport;
pub(crate) use context::load as load_context;
pub use query::{
    normalise_phone as normalise_phone_public, BalanceLine, CustomerRecord, CustomerSummary,
    RewardLine, TierLine,
};
pub use rebuild::{RebuildReport, TableDiff};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// The till's store.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    pub(crate) clock: Arc<dyn Clock>,
}

/// The program in force and its version.
#[derive(Debug, Clone)]
pub struct PublishedProgram {
    /// The checked program.
    pub program: Program,
    /// Its version.
    pub version: u32,
    /// The file it came from.
    pub source: String,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub async fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            // WAL: readers (a backup, a report) never block the till's writes.
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a visit the screen showed as recorded survives a power cut.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Another process (the command line beside the app) may hold the lock briefly.
            .busy_timeout(Duration::from_secs(5));
        // One connection: one writer, so transactions never race each other inside
        // the process and SQLite never has to upgrade a read lock under contention.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Store { pool, clock })
    }

    /// Sets up a new till: its device id and its location. Refuses a store set up already.
    pub async fn init(&self, location: &Location) -> Result<DeviceId> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let existing: Option<String> = sqlx::query_scalar("SELECT id FROM device")
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(id) = existing {
            return Err(EngineError::invalid(
                "db",
                format!("this database is already set up (device {id}); use another file for a new till"),
            ));
        }
        let device = crate::ids::new_v7(self.clock.now());
        sqlx::query("INSERT INTO device (singleton, id, next_seq) VALUES (1, ?, 1)")
            .bind(device.to_string())
            .execute(&mut *tx)
            .await?;
        let json =
            serde_json::to_string(location).map_err(|e| EngineError::Corrupt(e.to_string()))?;
        sqlx::query("INSERT INTO settings (key, value) VALUES ('location', ?)")
            .bind(json)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(device)
    }

    /// The location this till is set up for.
    pub async fn location(&self) -> Result<Location> {
        let json: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = 'location'")
                .fetch_optional(&self.pool)
                .await?;
        let json = json.ok_or(EngineError::NotInitialised)?;
        serde_json::from_str(&json)
            .map_err(|e| EngineError::Corrupt(format!("location settings: {e}")))
    }

    /// This till's device id.
    pub async fn device(&self) -> Result<DeviceId> {
        let id: Option<String> = sqlx::query_scalar("SELECT id FROM device")
            .fetch_optional(&self.pool)
            .await?;
        let id = id.ok_or(EngineError::NotInitialised)?;
        id.parse()
            .map_err(|_| EngineError::Corrupt(format!("device id `{id}`")))
    }

    /// The current time from the store's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The program in force: the highest version, ties broken by event id so every
    /// till picks the same one.
    pub async fn program(&self) -> Result<Option<PublishedProgram>> {
        let row = sqlx::query(
            "SELECT version, source FROM programs ORDER BY version DESC, event_id DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let version: i64 = row.try_get("version")?;
        let source: String = row.try_get("source")?;
        let program = parse_program(&source).map_err(|e| {
            EngineError::Corrupt(format!("the published program no longer reads: {e}"))
        })?;
        Ok(Some(PublishedProgram {
            program,
            version: u32::try_from(version).unwrap_or(0),
            source,
        }))
    }

    /// Every event in local order, for export and tests.
    pub async fn events(&self) -> Result<Vec<Event>> {
        let rows = sqlx::query(append::SELECT_EVENT)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(append::event_from_row).collect()
    }

    /// Runs `PRAGMA integrity_check`; returns its answer (`ok` when healthy).
    pub async fn integrity_check(&self) -> Result<String> {
        let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.join("; "))
    }

    /// Closes the connection, checkpointing the WAL.
    pub async fn close(self) {
        self.pool.close().await;
    }
}

/// Parses a stored id.
pub(crate) fn parse_uuid_public(text: &str) -> Result<uuid::Uuid> {
    parse_uuid(text, "customer")
}

/// Parses a stored id naming what it is.
pub(crate) fn parse_uuid(text: &str, what: &str) -> Result<uuid::Uuid> {
    text.parse()
        .map_err(|_| EngineError::Corrupt(format!("{what} `{text}` is not an id")))
}
