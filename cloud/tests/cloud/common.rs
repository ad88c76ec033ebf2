//! The test bench: the real server binary on 127.0.0.1 (port 0) over SQLite or
//! its own PostgreSQL database, tills that are real stores with the real sync
//! client, and a TCP proxy between them that injects faults.

use chrono::{DateTime, TimeZone, Utc};
use counterpart_engine::card_code::ShopId;
use counterpart_engine::command::typed::Typed;
use counterpart_engine::ledger::CustomerId;
use counterpart_engine::store::SyncConfig;
use counterpart_engine::sync::protocol::{PairRequest, PROTOCOL_VERSION};
use counterpart_engine::sync::{self, Client, RoundReport, SyncError};
use counterpart_engine::till::Enrolment;
use counterpart_engine::{ManualClock, Store};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;

pub const BIN: &str = env!("CARGO_BIN_EXE_counterpart-cloud");

pub fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, mi, 0)
        .single()
        .expect("valid time")
}

/// 13:00 in New York on a Monday (18:00 UTC): no early-bird doubling, so a
/// visit earns its plain points.
pub fn afternoon() -> DateTime<Utc> {
    utc(2026, 11, 23, 18, 0)
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn example(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("examples/programs").join(name))
        .expect("example program")
}

/// Which database the server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server the tests use (CI and the dev machines have one).
fn pg_admin_url() -> String {
    std::env::var("COUNTERPART_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

fn pg(sql: &str) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&pg_admin_url())
            .await
            .expect("PostgreSQL at 127.0.0.1:5432 (user postgres, database test): start it, or set COUNTERPART_TEST_PG");
        sqlx::query(sql).execute(&mut conn).await.expect(sql);
    });
}

/// A server database for one test: a SQLite file in a temp dir, or a fresh
/// PostgreSQL database dropped at the end.
pub struct ServerDb {
    pub url: String,
    pg_name: Option<String>,
    _dir: tempfile::TempDir,
}

impl ServerDb {
    pub fn new(backend: Backend) -> ServerDb {
        let dir = tempfile::tempdir().expect("temp dir");
        match backend {
            Backend::Sqlite => ServerDb {
                url: format!("sqlite:{}", dir.path().join("cloud.db").display()),
                pg_name: None,
                _dir: dir,
            },
            Backend::Postgres => {
                let name = format!("cp_test_{}", uuid::Uuid::new_v4().simple());
                pg(&format!("CREATE DATABASE {name}"));
                let base = pg_admin_url();
                let root = base.rsplit_once('/').map_or(base.as_str(), |(r, _)| r);
                ServerDb {
                    url: format!("{root}/{name}"),
                    pg_name: Some(name),
                    _dir: dir,
                }
            }
        }
    }

    /// Rows of one query on the server's database, each read by `read`
    /// (tests looking at what the server stored).
    pub fn query<T>(&self, sql: &str, read: impl Fn(&sqlx::any::AnyRow) -> T) -> Vec<T> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let mut conn = sqlx::AnyConnection::connect(&self.url)
                .await
                .expect("server database");
            sqlx::query(sql)
                .fetch_all(&mut conn)
                .await
                .expect(sql)
                .iter()
                .map(read)
                .collect()
        })
    }

    /// Runs an admin command of the server binary; its JSON answer.
    pub fn admin(&self, args: &[&str]) -> serde_json::Value {
        let out = Command::new(BIN)
            .args(["--db", &self.url, "--json"])
            .args(args)
            .output()
            .expect("run counterpart-cloud");
        assert!(
            out.status.success(),
            "counterpart-cloud {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON answer")
    }
}

impl Drop for ServerDb {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name {
            pg(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// Starts `counterpart-cloud serve` on `listen` with `extra` arguments; the
/// process and the URL it printed on its first line.
pub fn spawn_server(db: &ServerDb, listen: &str, extra: &[&std::ffi::OsStr]) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["--db", &db.url, "serve", "--listen", listen])
        .args(extra)
        // Benches and tests pair many tills from 127.0.0.1; the limit itself
        // is tested with its own `--pair-burst`.
        .env("COUNTERPART_CLOUD_PAIR_BURST", "10000")
        .env(
            "RUST_LOG",
            std::env::var("COUNTERPART_TEST_SERVER_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start counterpart-cloud");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("server's first line");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {line}"))
        .to_string();
    (child, url)
}

/// The server process.
pub struct Server {
    child: Child,
    pub url: String,
    pub port: u16,
}

impl Server {
    /// Starts the server on a free port (or `port`), and waits until it answers.
    pub fn start(db: &ServerDb, port: u16) -> Server {
        let (child, url) = spawn_server(db, &format!("127.0.0.1:{port}"), &[]);
        let port = url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("port");
        Server { child, url, port }
    }

    /// SIGKILL: no chance to finish anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A merchant on a server.
pub struct Merchant {
    pub id: String,
}

impl Merchant {
    pub fn create(db: &ServerDb, name: &str) -> Merchant {
        let m = db.admin(&[
            "merchant",
            "create",
            "--name",
            name,
            "--currency",
            "USD",
            "--timezone",
            "America/New_York",
            "--day-starts-at",
            "4",
        ]);
        Merchant {
            id: m["merchant"].as_str().expect("merchant id").to_string(),
        }
    }

    pub fn pairing_code(&self, db: &ServerDb) -> String {
        db.admin(&["pairing-code", "--merchant", &self.id])["code"]
            .as_str()
            .expect("code")
            .to_string()
    }
}

/// A till: its own store and clock, paired with a server (through a proxy, if given).
pub struct Till {
    pub dir: tempfile::TempDir,
    /// Its store, driven through the command layer with typed values.
    pub store: Typed,
    pub clock: Arc<ManualClock>,
    pub server: String,
}

impl Till {
    /// Pairs a new till with `code` at `server`.
    pub fn pair(server: &str, code: &str, at: DateTime<Utc>) -> Till {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(ManualClock::new(at));
        let store =
            Typed::new(Store::open(&dir.path().join("till.db"), clock.clone()).expect("open"));
        let device = counterpart_engine::ids::new_v7(at);
        let answer = sync::pair(
            server,
            &PairRequest {
                protocol: PROTOCOL_VERSION,
                code: code.to_string(),
                device,
                name: "Test till".into(),
                shop: None,
                currency: None,
                proof: None,
            },
        )
        .expect("pair");
        let config = SyncConfig {
            server: server.to_string(),
            token: answer.token,
            merchant: answer.merchant,
        };
        store
            .record_pairing(
                device,
                &answer.location,
                ShopId::parse(&answer.shop).expect("shop"),
                &config,
            )
            .expect("record pairing");
        Till {
            dir,
            store,
            clock,
            server: server.to_string(),
        }
    }

    /// Signs `events` with this till's key again after a test changed them:
    /// a dishonest till holds its own key, so what it pushes must fail the
    /// server's other checks, not the signature's.
    pub fn resign(&self, events: &mut [counterpart_engine::ledger::Event]) {
        for e in events {
            self.store.sign_as_this_till(e).expect("sign");
        }
    }

    pub fn client(&self) -> Client {
        let config = self.store.sync_config().expect("config").expect("paired");
        Client::new(&self.server, &config.token)
    }

    pub fn token(&self) -> String {
        self.store
            .sync_config()
            .expect("config")
            .expect("paired")
            .token
    }

    pub fn sync(&self) -> Result<RoundReport, SyncError> {
        sync::sync_once(&self.store, &self.client(), |_| {})
    }

    pub fn enrol(&self, name: &str) -> CustomerId {
        let o = self
            .store
            .enrol(
                Enrolment {
                    profile: counterpart_engine::ledger::Profile {
                        name: Some(name.into()),
                        ..Default::default()
                    },
                    card_code: None,
                },
                None,
            )
            .expect("enrol");
        o.customer.expect("customer").record.id
    }

    /// Records a visit; the points it earned.
    pub fn visit(&self, customer: CustomerId, cents: i64) -> i64 {
        let o = self
            .store
            .record_visit(
                customer,
                counterpart_engine::rules::VisitInput {
                    amount: cents,
                    items: Vec::new(),
                    coupon: None,
                },
                None,
            )
            .expect("visit");
        points_of(&o.deltas)
    }

    /// Redeems a drink (100 points); the points it took, or the refusal.
    pub fn redeem_drink(
        &self,
        customer: CustomerId,
    ) -> Result<i64, counterpart_engine::EngineError> {
        self.store
            .redeem(customer, "drink", None)
            .map(|o| points_of(&o.deltas))
    }

    pub fn points(&self, customer: CustomerId) -> i64 {
        self.balance(customer, "points")
    }

    /// A customer's balance of one account (`points`, `stamps:coffee`), 0 when none.
    pub fn balance(&self, customer: CustomerId, account: &str) -> i64 {
        let s = self.store.customer(customer).expect("customer");
        s.balances
            .iter()
            .find(|b| b.account == account)
            .map_or(0, |b| b.amount)
    }

    /// This till's events of one kind (`visit`, `voided`), oldest first.
    pub fn events_of(&self, kind: &str) -> Vec<counterpart_engine::ledger::Event> {
        let mut events = self.store.events().expect("events");
        events.retain(|e| e.body.kind() == kind);
        events
    }

    /// The customer's overdraw flags.
    pub fn conflicts(&self, customer: CustomerId) -> usize {
        self.conflicts_of(customer, counterpart_engine::store::ConflictKind::Overdrawn)
            .len()
    }

    /// The customer's conflicts of one kind, as staff read them.
    pub fn conflicts_of(
        &self,
        customer: CustomerId,
        kind: counterpart_engine::store::ConflictKind,
    ) -> Vec<String> {
        self.store
            .customer(customer)
            .expect("customer")
            .conflicts
            .into_iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.text)
            .collect()
    }

    pub fn snapshot(&self) -> String {
        self.store.projection_snapshot().expect("snapshot")
    }
}

/// The points in a list of deltas.
pub fn points_of(deltas: &[counterpart_engine::ledger::Delta]) -> i64 {
    deltas
        .iter()
        .filter(|d| d.account == counterpart_engine::ledger::Account::Points)
        .map(|d| d.amount)
        .sum()
}

/// Syncs every till until a full pass moves nothing (push, then pull again, so
/// each till sees the others' last pushes and the server's flags).
pub fn settle(tills: &[&Till]) {
    for _ in 0..3 {
        for t in tills {
            t.sync().expect("sync");
        }
    }
}

/// Asserts every till holds the same projections and a clean rebuild.
pub fn assert_converged(tills: &[&Till]) {
    let first = tills[0].snapshot();
    for (i, t) in tills.iter().enumerate() {
        assert_eq!(t.snapshot(), first, "till {i} differs from till 0");
        let r = t.store.rebuild(false, |_, _| {}).expect("rebuild");
        assert!(
            r.differences.is_empty(),
            "till {i} rebuild: {:?}",
            r.differences
        );
        assert_eq!(t.store.outbox_len().expect("outbox"), 0, "till {i} outbox");
    }
}

/// Starts a server with a merchant whose first till publishes the points café.
pub struct Bench {
    pub db: ServerDb,
    pub server: Server,
    pub merchant: Merchant,
}

impl Bench {
    pub fn new(backend: Backend) -> Bench {
        let db = ServerDb::new(backend);
        let merchant = Merchant::create(&db, "Corner Café");
        let server = Server::start(&db, 0);
        Bench {
            db,
            server,
            merchant,
        }
    }

    /// The server's socket address, for tests that speak to it with raw sockets.
    pub fn address(&self) -> std::net::SocketAddr {
        self.server
            .url
            .trim_start_matches("http://")
            .parse()
            .expect("the server's address")
    }

    /// A till paired directly with the server.
    pub fn till(&self, at: DateTime<Utc>) -> Till {
        Till::pair(&self.server.url, &self.merchant.pairing_code(&self.db), at)
    }

    /// A till paired through `proxy`.
    pub fn till_via(&self, proxy: &Proxy, at: DateTime<Utc>) -> Till {
        Till::pair(&proxy.url(), &self.merchant.pairing_code(&self.db), at)
    }

    /// Kills the server (SIGKILL) and starts it again on the same port.
    pub fn restart(&mut self) {
        let port = self.server.port;
        self.server.kill();
        self.server = Server::start(&self.db, port);
    }
}

/// Publishes the points café on `till` and spreads it.
pub fn publish_points(till: &Till) {
    till.store
        .publish_program(&example("points-cafe.toml"), None)
        .expect("publish");
}

/// What the proxy does to traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Fault {
    /// Forward everything.
    Pass = 0,
    /// Refuse connections (the network is down).
    Down = 1,
    /// Forward the request, swallow the answer and hang up: the server committed,
    /// the till never heard.
    DropResponse = 2,
    /// Forward only the first bytes of a request, then hang up.
    CutRequest = 3,
}

/// A TCP proxy between a till and the server that injects faults.
pub struct Proxy {
    port: u16,
    fault: Arc<AtomicU8>,
    pub cut_after: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    connections: Arc<AtomicUsize>,
}

impl Proxy {
    pub fn start(upstream_port: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let port = listener.local_addr().expect("addr").port();
        let fault = Arc::new(AtomicU8::new(Fault::Pass as u8));
        let cut_after = Arc::new(AtomicUsize::new(200));
        let stop = Arc::new(AtomicBool::new(false));
        let connections = Arc::new(AtomicUsize::new(0));
        let (f, c, s, n) = (
            fault.clone(),
            cut_after.clone(),
            stop.clone(),
            connections.clone(),
        );
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                n.fetch_add(1, Ordering::SeqCst);
                let Ok(client) = conn else { continue };
                if f.load(Ordering::SeqCst) == Fault::Down as u8 {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream_port)) else {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                };
                let (f1, f2, c1) = (f.clone(), f.clone(), c.clone());
                let (client2, server2) = (
                    client.try_clone().expect("clone"),
                    server.try_clone().expect("clone"),
                );
                // Till → server.
                std::thread::spawn(move || pump_up(client, server, &f1, &c1));
                // Server → till.
                std::thread::spawn(move || pump_down(server2, client2, &f2));
            }
        });
        Proxy {
            port,
            fault,
            cut_after,
            stop,
            connections,
        }
    }

    /// Connections tills opened through the proxy so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn set(&self, fault: Fault) {
        self.fault.store(fault as u8, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn pump_up(mut from: TcpStream, mut to: TcpStream, fault: &AtomicU8, cut_after: &AtomicUsize) {
    let mut buf = [0u8; 16 * 1024];
    let mut sent = 0usize;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if fault.load(Ordering::SeqCst) == Fault::CutRequest as u8 {
            let room = cut_after.load(Ordering::SeqCst).saturating_sub(sent);
            let _ = to.write_all(&buf[..n.min(room)]);
            break;
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
        sent += n;
    }
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}

fn pump_down(mut from: TcpStream, mut to: TcpStream, fault: &AtomicU8) {
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if fault.load(Ordering::SeqCst) == Fault::DropResponse as u8 {
            // The server answered (so it committed); the till hears nothing.
            break;
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}

/// Raw HTTP to the server, for requests a well-behaved till never sends.
pub fn raw_post(url: &str, token: Option<&str>, body: &[u8]) -> (u16, serde_json::Value) {
    let mut req = ureq::post(url).set("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    answer(req.send_bytes(body))
}

pub fn raw_get(url: &str, token: Option<&str>) -> (u16, serde_json::Value) {
    let mut req = ureq::get(url);
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    answer(req.call())
}

/// Like [`raw_post`], but a refusal by hanging up is an answer too (`None`): a
/// server refusing an oversized body stops reading it and closes, and the client,
/// still sending, may see the reset before the 413.
pub fn raw_post_or_hangup(url: &str, token: &str, body: &[u8]) -> Option<(u16, serde_json::Value)> {
    let r = ureq::post(url)
        .set("Content-Type", "application/json")
        .set("Authorization", &format!("Bearer {token}"))
        .send_bytes(body);
    match r {
        Err(ureq::Error::Transport(_)) => None,
        other => Some(answer(other)),
    }
}

fn answer(r: Result<ureq::Response, ureq::Error>) -> (u16, serde_json::Value) {
    match r {
        Ok(resp) => {
            let status = resp.status();
            (status, resp.into_json().unwrap_or(serde_json::Value::Null))
        }
        Err(ureq::Error::Status(status, resp)) => {
            (status, resp.into_json().unwrap_or(serde_json::Value::Null))
        }
        Err(e) => panic!("transport error: {e}"),
    }
}

/// The merchant's high water as a till's pull sees it.
pub fn high_water(till: &Till) -> i64 {
    till.client().pull(0, 1).expect("pull").high_water
}
