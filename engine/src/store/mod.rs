//! The till's SQLite store: the ledger, its index of deltas, the outbox and the
//! projections, behind one connection.
//!
//! In-process SQLite through rusqlite: a till records an event with about a dozen
//! statements, and each must cost microseconds, not a cross-thread round trip.

mod activity;
mod append;
mod apply;
mod authority;
mod authorship;
mod backup;
mod checkpoint;
mod clientele;
mod context;
mod held;
mod outstanding;
mod private_file;
mod query;
#[cfg(feature = "commands")]
pub(crate) mod reads;
mod rebuild;
pub mod recovery;
mod staff;
mod sync;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::card_code::{KeyId, ShopId};
use crate::clock::Clock;
use crate::error::{EngineError, Result};
use crate::ledger::{DeviceId, Event, StaffId};
use crate::location::Location;
use crate::program::{parse_program, Program};

pub use activity::{Activity, BalanceFlow, Flows, RedemptionDay, VisitRow};
pub(crate) use append::append_at;
#[cfg(feature = "commands")]
pub(crate) use append::find_idempotent;
pub use append::ImportReport;
pub use clientele::{Client, Clientele, Holdings};
#[cfg(feature = "commands")]
pub(crate) use context::{load as load_context, Needs};
pub use held::HeldEvent;
pub use outstanding::{BalanceDay, BalanceHistory};
pub use private_file::keep_private;
#[cfg(feature = "commands")]
pub(crate) use query::{balance_of, customer_by_card_in, find_card_in, summary};
pub use query::{
    normalise_phone, BalanceKind, BalanceLine, CardCodes, ConflictKind, ConflictLine,
    CustomerRecord, CustomerSummary, RewardLine, RewardOutOfReach, StampProgress, TierLine,
};
pub use rebuild::{RebuildReport, TableDiff};
#[cfg(feature = "commands")]
pub(crate) use staff::last_action_in;
pub use staff::{NotedAction, PinAttempts};
#[cfg(feature = "commands")]
pub(crate) use sync::{last_sync_of, setting as setting_of, sync_config_of};
pub use sync::{AckReport, ParkedEvent, SyncConfig};

/// The migrations, in order. Append only: never edit one that has shipped.
/// `migrations_are_all_listed` checks that every file in `migrations/` is here.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "20261123000000_ledger.sql",
        include_str!("../../../migrations/20261123000000_ledger.sql"),
    ),
    (
        "20261123010000_customer_aliases.sql",
        include_str!("../../../migrations/20261123010000_customer_aliases.sql"),
    ),
    (
        "20261123020000_card_codes.sql",
        include_str!("../../../migrations/20261123020000_card_codes.sql"),
    ),
    (
        "20261123030000_customer_search.sql",
        include_str!("../../../migrations/20261123030000_customer_search.sql"),
    ),
    (
        "20261123040000_sync.sql",
        include_str!("../../../migrations/20261123040000_sync.sql"),
    ),
    (
        "20261124000000_customer_screen.sql",
        include_str!("../../../migrations/20261124000000_customer_screen.sql"),
    ),
    (
        "20261203000000_idempotency_request.sql",
        include_str!("../../../migrations/20261203000000_idempotency_request.sql"),
    ),
    (
        "20261203010000_typed_codes_may_collide.sql",
        include_str!("../../../migrations/20261203010000_typed_codes_may_collide.sql"),
    ),
    (
        "20261203020000_erasure_on_disk.sql",
        include_str!("../../../migrations/20261203020000_erasure_on_disk.sql"),
    ),
    (
        "20261204000000_staff.sql",
        include_str!("../../../migrations/20261204000000_staff.sql"),
    ),
    (
        "20261204010000_held_events.sql",
        include_str!("../../../migrations/20261204010000_held_events.sql"),
    ),
    (
        "20261204020000_card_owner.sql",
        include_str!("../../../migrations/20261204020000_card_owner.sql"),
    ),
    (
        "20261206000000_events_by_time.sql",
        include_str!("../../../migrations/20261206000000_events_by_time.sql"),
    ),
    (
        "20261207000000_event_signatures.sql",
        include_str!("../../../migrations/20261207000000_event_signatures.sql"),
    ),
    (
        "20261208000000_staff_signatures.sql",
        include_str!("../../../migrations/20261208000000_staff_signatures.sql"),
    ),
    (
        "20261209000000_visits_by_customer_covering.sql",
        include_str!("../../../migrations/20261209000000_visits_by_customer_covering.sql"),
    ),
];

fn migrations() -> rusqlite_migration::Migrations<'static> {
    rusqlite_migration::Migrations::new(
        MIGRATIONS
            .iter()
            .map(|(_, sql)| rusqlite_migration::M::up(sql))
            .collect(),
    )
}

/// Who writes the events a handle records: a staff member, with the key
/// their PIN derives (`staff::staff_key`; kept in memory while they are signed
/// in, never stored), which signs each event as theirs.
#[derive(Clone)]
pub struct Author {
    /// The staff member.
    pub id: StaffId,
    /// Their key: replaced when they change their own PIN while signed in.
    pub key: Arc<Mutex<ed25519_dalek::SigningKey>>,
}

impl Author {
    /// `staff`, signing with `key`.
    pub fn new(staff: StaffId, key: ed25519_dalek::SigningKey) -> Author {
        Author {
            id: staff,
            key: Arc::new(Mutex::new(key)),
        }
    }

    /// Their key now.
    pub(crate) fn key(&self) -> ed25519_dalek::SigningKey {
        self.key.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The public half of their key now.
    pub(crate) fn public_key(&self) -> ed25519_dalek::VerifyingKey {
        self.key().verifying_key()
    }

    /// Signs with `key` from now on (their own PIN changed).
    pub(crate) fn replace_key(&self, key: ed25519_dalek::SigningKey) {
        *self.key.lock().unwrap_or_else(|p| p.into_inner()) = key;
    }
}

impl std::fmt::Debug for Author {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key is as good as the PIN: never in a log.
        f.debug_struct("Author")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The till's store. Cloning shares the connection.
#[derive(Clone)]
pub struct Store {
    // Field order matters: the checkpointer stops (and folds the WAL back) only
    // after the writer's connection is closed.
    conn: Arc<Mutex<Connection>>,
    /// A second connection, read-only, for reports: a year of KPIs reads for
    /// seconds, and on the writer's connection every visit would wait for it
    /// (WAL lets this one read while the writer writes). Opened when first used.
    reader: Arc<Mutex<Option<Connection>>>,
    /// Threads waiting for `conn`. Background work (a sync catch-up applying
    /// page after page) steps aside while anyone waits: a mutex is not fair, and
    /// without this a barista's visit waited behind chunk after chunk.
    pub(crate) waiting: Arc<std::sync::atomic::AtomicUsize>,
    _checkpointer: Option<Arc<checkpoint::Checkpointer>>,
    path: PathBuf,
    pub(crate) clock: Arc<dyn Clock>,
    /// Who the events this handle records are by (see [`Store::acting_as`]).
    pub(crate) actor: Option<Author>,
    /// The roster folded last, with the staff events it came from.
    pub(crate) roster_cache: Arc<staff::RosterCache>,
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

/// Prepared statements kept per connection: every statement the till runs, with room.
const STATEMENT_CACHE: usize = 256;

/// Opens a connection with the settings the ledger needs.
fn connect(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    // rusqlite keeps 16 prepared statements by default; a visit alone runs more
    // distinct ones than that, so the cache thrashed and every statement was
    // parsed again (a quarter of a visit's time was SQL parsing).
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Another process (the command line beside the app, a backup) may hold the
    // lock briefly: wait rather than fail.
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;      -- readers (a backup, a report) never block the till's writes
         PRAGMA synchronous = FULL;      -- a visit the screen showed as recorded survives a power cut
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -32768;     -- 32 MiB: the hot indexes of a large shop stay in memory
         PRAGMA mmap_size = 1073741824;  -- read pages through a 1 GiB map, not a pread() each
         PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;      -- freed space is overwritten: erased data leaves no copy",
    )?;
    // A WAL grown large by a catch-up is cut back when it is next reused.
    conn.pragma_update(None, "journal_size_limit", checkpoint::WAL_SIZE_LIMIT)?;
    Ok(conn)
}

impl Store {
    /// Folds the WAL into the database and empties it, after an erasure: its
    /// frames hold older copies of the pages that had the erased data (the
    /// database's own freed space is overwritten by `secure_delete`).
    pub(crate) fn empty_wal_after_erasure(&self) {
        let conn = self.conn();
        match conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0)) {
            Ok(0) => {}
            Ok(_) => tracing::warn!(
                "a reader kept the WAL from being emptied after an erasure; it is emptied when the till closes"
            ),
            Err(e) => tracing::warn!(error = %e, "emptying the WAL after an erasure failed"),
        }
    }

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        // The device token and signing key live in this file: the owner's only.
        // When that fails (a folder that cannot be written, say), SQLite's own
        // open below says why in its words.
        if let Err(e) = keep_private(path) {
            tracing::warn!(path = %path.display(), error = %e, "the database could not be made owner-only");
        }
        let mut conn = connect(path)?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| EngineError::Migrate(e.to_string()))?;
        {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let signed = authorship::sign_waiting(&tx)?;
            tx.commit()?;
            if signed > 0 {
                tracing::info!(
                    signed,
                    "signed the events written before this till signed, still to push"
                );
            }
        }
        let checkpointer = checkpoint::Checkpointer::start(path, &conn).map(Arc::new);
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
            reader: Arc::default(),
            waiting: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
            _checkpointer: checkpointer,
            path: path.to_path_buf(),
            clock,
            actor: None,
            roster_cache: Arc::default(),
        })
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Signs `event` with this till's key, as the till signs what it writes:
    /// for tests that play a dishonest till (one that holds its own key and
    /// changes an event before pushing it), whose events must fail the other
    /// checks, not the signature's.
    #[cfg(any(test, feature = "testing"))]
    pub fn sign_as_this_till(&self, event: &mut Event) -> Result<()> {
        event.sign(&signing_key_of(&self.conn())?);
        Ok(())
    }

    /// Signs `event` with this till's key the way tills signed before their
    /// staff signed (protocol 2): for tests that play a copy of an old
    /// database.
    #[cfg(any(test, feature = "testing"))]
    pub fn sign_as_this_till_before_staff_signed(&self, event: &mut Event) -> Result<()> {
        event.sign_unauthored(&signing_key_of(&self.conn())?);
        Ok(())
    }

    /// This store, recording `staff` as who did each action it records (the
    /// command layer passes whoever signed in, with the key their PIN
    /// derived). Shares the connection.
    pub fn acting_as(&self, staff: Option<Author>) -> Store {
        Store {
            actor: staff,
            ..self.clone()
        }
    }

    /// The staff member this handle records actions by, if any.
    pub(crate) fn actor_id(&self) -> Option<StaffId> {
        self.actor.as_ref().map(|a| a.id)
    }

    /// The connection. One writer: every action holds it for its transaction.
    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        use std::sync::atomic::Ordering;
        self.waiting.fetch_add(1, Ordering::SeqCst);
        // A panic while holding the lock cannot leave a transaction half-applied
        // (rusqlite rolls back on drop), so a poisoned lock is safe to reuse.
        let guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        guard
    }

    /// Runs `read` on the reports' own read-only connection (opened the first
    /// time), so a long report never holds the writer's connection.
    pub(crate) fn read_for_report<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T>,
    ) -> Result<T> {
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        if reader.is_none() {
            let conn = connect(&self.path)?;
            conn.pragma_update(None, "query_only", true)?;
            *reader = Some(conn);
        }
        match reader.as_ref() {
            Some(conn) => read(conn),
            None => Err(EngineError::Internal("no report connection".into())),
        }
    }

    /// The connection for background work: first lets every thread already
    /// waiting for it go (for at most a second), so staff never queue behind a
    /// long run of background transactions.
    pub(crate) fn conn_after_others(&self) -> MutexGuard<'_, Connection> {
        use std::sync::atomic::Ordering;
        let deadline = std::time::Instant::now() + Duration::from_secs(1);
        while self.waiting.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_micros(200));
        }
        self.conn()
    }

    infrastructure! {
        /// Sets up a new till for a new shop: its device id, signing key and location.
        /// Refuses a store set up already.
        fn init(&self, location: &Location) -> Result<DeviceId> {
            self.init_for_shop(location, None)
        }
    }

    infrastructure! {
        /// Sets up a new till of `shop` (pairing gives the shop's id), or of a new
        /// shop when `None`.
        fn init_for_shop(&self, location: &Location, shop: Option<ShopId>) -> Result<DeviceId> {
            self.init_with(location, shop, None)
        }
    }

    /// Sets up a new till, with the device id it paired under when it has one.
    fn init_with(
        &self,
        location: &Location,
        shop: Option<ShopId>,
        device: Option<DeviceId>,
    ) -> Result<DeviceId> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let device = init_in(&tx, location, shop, device, self.clock.now())?;
        tx.commit()?;
        Ok(device)
    }

    /// The location this till is set up for.
    pub fn location(&self) -> Result<Location> {
        location_of(&self.conn())
    }

    /// This till's device id.
    pub fn device(&self) -> Result<DeviceId> {
        let id: Option<String> = self
            .conn()
            .query_row("SELECT id FROM device", [], |r| r.get(0))
            .optional()?;
        let id = id.ok_or(EngineError::NotInitialised)?;
        parse_uuid(&id, "device")
    }

    /// A setting of this till alone (never synced), if set.
    pub fn local_setting(&self, key: &str) -> Result<Option<String>> {
        sync::setting(&self.conn(), key)
    }

    /// Sets a setting of this till alone.
    pub(crate) fn set_local_setting(&self, key: &str, value: &str) -> Result<()> {
        sync::set_setting(&self.conn(), key, value)
    }

    /// The current time from the store's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The program in force: the highest version, ties broken by event id so every
    /// till picks the same one.
    pub fn program(&self) -> Result<Option<PublishedProgram>> {
        program_of(&self.conn())
    }

    /// Every event in local order, for export and tests.
    pub fn events(&self) -> Result<Vec<Event>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(append::SELECT_EVENT)?;
        let rows = stmt.query_map([], append::event_from_row)?;
        rows.map(|r| r.map_err(EngineError::from).and_then(|x| x))
            .collect()
    }

    /// Runs `PRAGMA integrity_check`; returns its answer (`ok` when healthy).
    pub fn integrity_check(&self) -> Result<String> {
        let conn = self.conn();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.join("; "))
    }
}

/// Sets up a new till inside the caller's transaction: its device id (the one
/// it paired under, or a new one), signing key, shop and location. Refuses a
/// database set up already.
pub(crate) fn init_in(
    tx: &Connection,
    location: &Location,
    shop: Option<ShopId>,
    device: Option<DeviceId>,
    now: DateTime<Utc>,
) -> Result<DeviceId> {
    let existing: Option<String> = tx
        .query_row("SELECT id FROM device", [], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Err(EngineError::invalid(
            "db",
            format!(
                "this database is already set up (device {id}); use another file for a new till"
            ),
        ));
    }
    let device = device.unwrap_or_else(|| crate::ids::new_v7(now));
    // The till's card-signing key; the shop id is random until pairing with
    // a shop's server gives the shop's own.
    let key = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    let shop = shop.unwrap_or_else(|| ShopId(rand::random()));
    tx.execute(
        "INSERT INTO device (singleton, id, next_seq, signing_key) VALUES (1, ?, 1, ?)",
        rusqlite::params![device.to_string(), key.to_bytes().to_vec()],
    )?;
    let json = serde_json::to_string(location).map_err(|e| EngineError::Corrupt(e.to_string()))?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('location', ?)",
        [json],
    )?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('shop', ?)",
        [shop.to_string()],
    )?;
    let public = key.verifying_key();
    let body = crate::ledger::EventBody::TillKeyAdded {
        device,
        key_id: KeyId::of(&public).to_string(),
        public_key: data_encoding::HEXLOWER.encode(public.as_bytes()),
    };
    append_at(tx, location, body, None, None, now)?;
    Ok(device)
}

pub(crate) fn location_of(conn: &Connection) -> Result<Location> {
    let json: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'location'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    let json = json.ok_or(EngineError::NotInitialised)?;
    serde_json::from_str(&json).map_err(|e| EngineError::Corrupt(format!("location settings: {e}")))
}

/// Parsed programs by publishing event id. A program is immutable once published,
/// so its parse (TOML and every check, hundreds of microseconds) is done once per
/// process instead of on every action.
static PARSED: Mutex<Vec<(String, Arc<PublishedProgram>)>> = Mutex::new(Vec::new());

pub(crate) fn program_of(conn: &Connection) -> Result<Option<PublishedProgram>> {
    let row: Option<(String, i64)> = conn
        .prepare_cached(
            "SELECT event_id, version FROM programs ORDER BY version DESC, event_id DESC LIMIT 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((event_id, version)) = row else {
        return Ok(None);
    };
    {
        let parsed = PARSED.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, p)) = parsed.iter().find(|(id, _)| *id == event_id) {
            return Ok(Some(PublishedProgram::clone(p)));
        }
    }
    let source: String = conn.query_row(
        "SELECT source FROM programs WHERE event_id = ?",
        [&event_id],
        |r| r.get(0),
    )?;
    let program = parse_program(&source)
        .map_err(|e| EngineError::Corrupt(format!("the published program no longer reads: {e}")))?;
    let published = PublishedProgram {
        program,
        version: u32::try_from(version).unwrap_or(0),
        source,
    };
    let mut parsed = PARSED.lock().unwrap_or_else(|p| p.into_inner());
    if parsed.len() >= 16 {
        parsed.remove(0);
    }
    parsed.push((event_id, Arc::new(published.clone())));
    Ok(Some(published))
}

/// The shop this till belongs to, as written in its card codes.
pub(crate) fn shop_of(conn: &Connection) -> Result<ShopId> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = 'shop'", [], |r| {
            r.get(0)
        })
        .optional()?;
    let text = text.ok_or(EngineError::NotInitialised)?;
    ShopId::parse(&text).ok_or_else(|| EngineError::Corrupt(format!("shop id `{text}`")))
}

/// The last signing key made from its bytes: making one derives its public
/// half (a scalar multiplication, about as long as a signature), and every
/// event a till writes is signed.
static SIGNING_KEY: Mutex<Option<ed25519_dalek::SigningKey>> = Mutex::new(None);

/// This till's signing key (cards, pairing proofs, events).
pub(crate) fn signing_key_of(conn: &Connection) -> Result<ed25519_dalek::SigningKey> {
    let bytes: Option<Vec<u8>> = conn
        .prepare_cached("SELECT signing_key FROM device")?
        .query_row([], |r| r.get(0))
        .optional()?
        .flatten();
    let bytes = bytes.ok_or(EngineError::NotInitialised)?;
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| EngineError::Corrupt("the till's signing key has the wrong length".into()))?;
    let mut cached = SIGNING_KEY.lock().unwrap_or_else(|p| p.into_inner());
    match cached.as_ref() {
        Some(key) if key.to_bytes() == bytes => Ok(key.clone()),
        _ => {
            let key = ed25519_dalek::SigningKey::from_bytes(&bytes);
            *cached = Some(key.clone());
            Ok(key)
        }
    }
}

/// The public keys of every till of the shop this till knows.
pub(crate) fn till_keys_of(conn: &Connection) -> Result<Vec<ed25519_dalek::VerifyingKey>> {
    let mut stmt = conn.prepare_cached("SELECT public_key FROM till_keys")?;
    let rows = stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))?;
    let mut keys = Vec::new();
    for bytes in rows {
        let bytes: [u8; 32] = bytes?
            .try_into()
            .map_err(|_| EngineError::Corrupt("a till key has the wrong length".into()))?;
        keys.push(
            ed25519_dalek::VerifyingKey::from_bytes(&bytes).map_err(|_| {
                EngineError::Corrupt("a till key is not a valid Ed25519 key".into())
            })?,
        );
    }
    Ok(keys)
}

/// Parses a stored id naming what it is.
pub(crate) fn parse_uuid(text: &str, what: &str) -> Result<uuid::Uuid> {
    text.parse()
        .map_err(|_| EngineError::Corrupt(format!("{what} `{text}` is not an id")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_all_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations dir")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = super::MIGRATIONS.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            files, listed,
            "every migration file must be listed, in order, in MIGRATIONS"
        );
    }

    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
