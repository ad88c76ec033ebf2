//! The server's database: SQLite for one shop, PostgreSQL for chains (many
//! server processes on one database). One set of queries serves both through
//! sqlx's Any driver; placeholders are written `$1`, which both accept, and
//! sums are cast to BIGINT so PostgreSQL does not answer NUMERIC.

use sqlx::any::{AnyPoolOptions, AnyQueryResult};
use sqlx::{AnyPool, Arguments};
use std::sync::Arc;
use std::time::Duration;

use crate::error::ApiError;

/// Which database the server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file.
    Sqlite,
    /// A PostgreSQL database.
    Postgres,
}

/// The pool and what it runs on.
#[derive(Clone)]
pub struct Db {
    /// The connection pool.
    pub pool: AnyPool,
    /// The backend.
    pub backend: Backend,
    /// SQLite has one writer: writes queue here in order (fair, no busy-wait)
    /// instead of racing for the file lock. PostgreSQL locks the merchant's row.
    writer: Option<Arc<tokio::sync::Mutex<()>>>,
}

/// Holds the SQLite writer's turn, when there is one.
pub struct WriteTurn(#[allow(dead_code)] Option<tokio::sync::OwnedMutexGuard<()>>);

impl Db {
    /// Connects to `url` (`sqlite:PATH` or `postgres://...`), creating a SQLite
    /// file if needed, and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = if let Some(path) = url.strip_prefix("sqlite:") {
            let path = path.trim_start_matches("//");
            // Token hashes and every event (staff PIN hashes among them) live
            // here: the file is the owner's only, as the tills' are.
            let file = path.split('?').next().unwrap_or(path);
            if !file.is_empty() && file != ":memory:" && !path.contains("mode=") {
                if let Err(e) = counterpart_engine::store::keep_private(std::path::Path::new(file))
                {
                    tracing::warn!(path = file, error = %e, "the database could not be made owner-only");
                }
            }
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = if path.contains("mode=") {
                format!("sqlite://{path}")
            } else {
                format!("sqlite://{path}{sep}mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else {
            return Err(DbError::Url(url.to_string()));
        };
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // sqlx opens SQLite in WAL with a busy timeout; the events
                        // the server acknowledged must survive a power cut too.
                        sqlx::query("PRAGMA synchronous = FULL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA foreign_keys = ON")
                            .execute(&mut *conn)
                            .await?;
                        // Freed space is overwritten: an erased customer's data
                        // leaves no copy in the file.
                        sqlx::query("PRAGMA secure_delete = ON")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        Ok(Db {
            pool,
            backend,
            writer: (backend == Backend::Sqlite).then(|| Arc::new(tokio::sync::Mutex::new(()))),
        })
    }

    /// Waits for the turn to write (SQLite only; immediate on PostgreSQL).
    pub async fn write_turn(&self) -> WriteTurn {
        match &self.writer {
            Some(m) => WriteTurn(Some(m.clone().lock_owned().await)),
            None => WriteTurn(None),
        }
    }

    /// The backend's name for logs and the health answer.
    pub fn name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// Not a URL this server understands.
    #[error("`{0}` is not a database URL: use sqlite:PATH or postgres://USER@HOST/DB")]
    Url(String),
    /// Connecting or querying failed.
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    /// Bringing the schema up to date failed.
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Backend {
    /// The placeholder of the `i`th value (from 1) in a statement built with
    /// [`Backend::list`] and [`Backend::rows`]. SQLite gets anonymous `?`: sqlx
    /// then binds by position, while for `$N` it asks SQLite for each
    /// parameter's name, a linear scan, which made a 4000-value insert quadratic
    /// (16 % of a push's CPU). PostgreSQL gets `$N`. A statement uses one style
    /// throughout: sqlx cannot bind `$1` and `?` mixed.
    pub fn param(self, i: usize) -> String {
        match self {
            Backend::Sqlite => "?".to_string(),
            Backend::Postgres => format!("${i}"),
        }
    }

    /// `(p, p+1, ...)`: `count` placeholders, the first being value `first`.
    pub fn list(self, first: usize, count: usize) -> String {
        let items: Vec<String> = (0..count).map(|i| self.param(first + i)).collect();
        format!("({})", items.join(", "))
    }

    /// `VALUES (...), (...)`: `rows` rows of `width` values from value 1.
    pub fn rows(self, rows: usize, width: usize) -> String {
        let items: Vec<String> = (0..rows).map(|r| self.list(1 + r * width, width)).collect();
        format!("VALUES {}", items.join(", "))
    }
}

/// A value bound to a query.
#[derive(Debug, Clone)]
pub enum Val {
    /// Text.
    Text(String),
    /// Optional text.
    OptText(Option<String>),
    /// A 64-bit integer.
    Int(i64),
}

impl From<&str> for Val {
    fn from(s: &str) -> Val {
        Val::Text(s.to_string())
    }
}
impl From<String> for Val {
    fn from(s: String) -> Val {
        Val::Text(s)
    }
}
impl From<i64> for Val {
    fn from(i: i64) -> Val {
        Val::Int(i)
    }
}
impl From<Option<String>> for Val {
    fn from(s: Option<String>) -> Val {
        Val::OptText(s)
    }
}

/// Binds values for a dynamically built statement.
pub fn args(values: Vec<Val>) -> Result<sqlx::any::AnyArguments<'static>, ApiError> {
    let mut a = sqlx::any::AnyArguments::default();
    for v in values {
        let r = match v {
            Val::Text(s) => a.add(s),
            Val::OptText(s) => a.add(s),
            Val::Int(i) => a.add(i),
        };
        r.map_err(|e| ApiError::Internal(format!("binding a value: {e}")))?;
    }
    Ok(a)
}

/// Runs a statement with dynamically built values inside a transaction.
pub async fn exec(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    sql: &str,
    values: Vec<Val>,
) -> Result<AnyQueryResult, ApiError> {
    let a = args(values)?;
    Ok(sqlx::query_with(sql, a).execute(&mut **tx).await?)
}
