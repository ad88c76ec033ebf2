//! Sync benchmarks on loopback, with the real server binary (built with the
//! bench profile) and real tills (stores filled by the demo generator):
//!
//! 1. 100k events pushed from one till, then pulled by a new till, on SQLite
//!    and on PostgreSQL (target: 10 s or less each way on SQLite);
//! 2. server ingest with 50 tills pushing at once: events per second;
//! 3. the till's heap during a 1M-event catch-up (pulled page by page, it must
//!    stay flat).
//!
//! `cargo bench -p counterpart-cloud --bench sync`. Scale with
//! `COUNTERPART_SYNC_BENCH_EVENTS` (100000), `COUNTERPART_SYNC_BENCH_TILLS` (50),
//! `COUNTERPART_SYNC_BENCH_CATCHUP` (1000000; 0 skips it); pick parts with
//! `COUNTERPART_SYNC_BENCH_PARTS` (`pushpull,many,twoprocs,catchup`) and databases
//! with `COUNTERPART_SYNC_BENCH_DB` (`sqlite,postgres`). `twoprocs` measures
//! ingest with one and with two server processes on one PostgreSQL database,
//! beside the raw batched-insert rate of the same database. PostgreSQL is the one at
//! 127.0.0.1:5432 the tests use; without it, only SQLite is measured.
#![allow(clippy::print_stdout)] // a bench binary reports on stdout

#[allow(dead_code)]
#[path = "../tests/cloud/common.rs"]
mod common;

use common::{afternoon, publish_points, Backend, Bench, Till};
use counterpart_engine::demo::{self, DemoSpec};
use counterpart_engine::sync::{pull_all, push_outbox, RoundReport};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A till of the bench's merchant holding `events` unsynced demo events.
fn filled_till(bench: &Bench, events: u64, seed: u64) -> Till {
    filled_till_at(bench, &bench.server.url, events, seed)
}

/// [`filled_till`], paired through the server process at `url`.
fn filled_till_at(bench: &Bench, url: &str, events: u64, seed: u64) -> Till {
    let till = Till::pair(url, &bench.merchant.pairing_code(&bench.db), afternoon());
    let mut report = RoundReport::default();
    // The program first (published by the first till, pulled by the others).
    pull_all(&till.store, &till.client(), &mut report, &mut |_| {}).expect("pull program");
    if till.store.program().expect("program").is_none() {
        publish_points(&till);
    }
    demo::generate(
        &till.store,
        DemoSpec {
            customers: (events / 10).max(1),
            events,
            days: 730,
            seed,
        },
        |_, _| {},
    )
    .expect("demo data");
    till
}

fn push(till: &Till) -> Duration {
    let started = Instant::now();
    let mut report = RoundReport::default();
    push_outbox(&till.store, &till.client(), &mut report, &mut |_| {}).expect("push");
    started.elapsed()
}

fn pull(till: &Till) -> Duration {
    let started = Instant::now();
    let mut report = RoundReport::default();
    pull_all(&till.store, &till.client(), &mut report, &mut |_| {}).expect("pull");
    started.elapsed()
}

fn per_second(events: u64, took: Duration) -> f64 {
    events as f64 / took.as_secs_f64()
}

fn push_and_pull(backend: Backend, events: u64) {
    let bench = Bench::new(backend);
    let till = filled_till(&bench, events, 1);
    let queued = till.store.outbox_len().expect("outbox");
    let up = push(&till);
    let reader = bench.till(afternoon());
    let down = pull(&reader);
    let got = reader.store.events().expect("events").len();
    println!(
        "{backend:?}: push {queued} events from one till: {:.2} s ({:.0}/s); pull them into a new till: {:.2} s ({:.0}/s; {got} events there)",
        up.as_secs_f64(),
        per_second(u64::try_from(queued).unwrap_or(0), up),
        down.as_secs_f64(),
        per_second(u64::try_from(got).unwrap_or(0), down),
    );
}

fn many_tills(backend: Backend, tills: u64, events: u64) {
    let bench = Bench::new(backend);
    let rate = many_tills_on(&bench, &[], tills, events);
    println!("{backend:?}: one server process: {rate:.0} events/s");
}

/// `tills` tills of `bench` pushing `events` in all at once, spread over the
/// bench's server and `others` (more processes on the same database); events/s.
fn many_tills_on(bench: &Bench, others: &[&common::Server], tills: u64, events: u64) -> f64 {
    let backend = if bench.db.url.starts_with("sqlite:") {
        Backend::Sqlite
    } else {
        Backend::Postgres
    };
    let each = (events / tills).max(1);
    let all: Vec<Till> = (0..tills)
        .map(|i| {
            let slot = usize::try_from(i).unwrap_or(0) % (others.len() + 1);
            match slot {
                0 => filled_till(bench, each, 100 + i),
                n => filled_till_at(bench, &others[n - 1].url, each, 100 + i),
            }
        })
        .collect();
    let total: i64 = all
        .iter()
        .map(|t| t.store.outbox_len().expect("outbox"))
        .sum();
    let start = Arc::new(Barrier::new(all.len() + 1));
    let threads: Vec<_> = all
        .iter()
        .map(|t| {
            let (store, client, start) = (t.store.clone(), t.client(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                let mut report = RoundReport::default();
                push_outbox(&store, &client, &mut report, &mut |_| {}).expect("push");
            })
        })
        .collect();
    start.wait();
    let started = Instant::now();
    for t in threads {
        t.join().expect("till thread");
    }
    let took = started.elapsed();
    let rate = per_second(u64::try_from(total).unwrap_or(0), took);
    println!(
        "{backend:?}: {tills} tills pushing {total} events at once to {} process(es): {:.2} s, {rate:.0} events/s",
        others.len() + 1,
        took.as_secs_f64(),
    );
    rate
}

/// Ingest with one and with two server processes on one PostgreSQL database,
/// beside the database's own rate for the same rows written raw (multi-row
/// INSERTs of 400, a transaction per 500 events, as pushes come).
fn two_processes(tills: u64, events: u64) {
    let raw = raw_insert_rate(events);
    let one = {
        let bench = Bench::new(Backend::Postgres);
        many_tills_on(&bench, &[], tills, events)
    };
    let two = {
        let bench = Bench::new(Backend::Postgres);
        let second = common::Server::start(&bench.db, 0);
        many_tills_on(&bench, &[&second], tills, events)
    };
    println!(
        "Postgres: raw batched inserts {raw:.0} rows/s; ingest with one process {one:.0} events/s ({:.0}% of raw), with two {two:.0} events/s ({:.0}% of raw, {:.2}x one)",
        100.0 * one / raw,
        100.0 * two / raw,
        two / one
    );
}

/// Rows per second the database takes for `events` rows shaped like stored
/// events (ids, a 400-byte body, the same indexes), written in batches.
fn raw_insert_rate(events: u64) -> f64 {
    let db = common::ServerDb::new(Backend::Postgres);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&db.url).await.expect("connect");
        sqlx::query(
            "CREATE TABLE raw_events (merchant TEXT NOT NULL, server_seq BIGINT NOT NULL, id TEXT NOT NULL,
                device TEXT NOT NULL, device_seq BIGINT NOT NULL, kind TEXT NOT NULL, customer TEXT,
                content_hash TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL,
                PRIMARY KEY (merchant, server_seq))",
        )
        .execute(&mut conn)
        .await
        .expect("table");
        for sql in [
            "CREATE UNIQUE INDEX raw_events_id ON raw_events (merchant, id)",
            "CREATE UNIQUE INDEX raw_events_device_seq ON raw_events (merchant, device, device_seq)",
        ] {
            sqlx::query(sql).execute(&mut conn).await.expect("index");
        }
        let body = "x".repeat(400);
        let started = Instant::now();
        let mut seq = 0i64;
        while seq < i64::try_from(events).unwrap_or(i64::MAX) {
            let mut tx = conn.begin().await.expect("begin");
            for _ in 0..(500 / 400 + 1) {
                let n = 400.min(500 - (seq % 500) as usize);
                if n == 0 {
                    break;
                }
                let mut q = sqlx::QueryBuilder::<sqlx::Postgres>::new(
                    "INSERT INTO raw_events (merchant, server_seq, id, device, device_seq, kind, customer, content_hash, body, received_at) ",
                );
                q.push_values(0..n, |mut row, _| {
                    seq += 1;
                    row.push_bind("m")
                        .push_bind(seq)
                        .push_bind(uuid::Uuid::now_v7().to_string())
                        .push_bind("d")
                        .push_bind(seq)
                        .push_bind("visit")
                        .push_bind(uuid::Uuid::now_v7().to_string())
                        .push_bind("0".repeat(64))
                        .push_bind(body.clone())
                        .push_bind("2026-12-03T08:00:00.000Z");
                });
                q.build().execute(&mut *tx).await.expect("insert");
            }
            tx.commit().await.expect("commit");
        }
        per_second(u64::try_from(seq).unwrap_or(0), started.elapsed())
    })
}

/// Anonymous resident memory of this process (the heap), in MiB: file pages of
/// the store mapped into memory are left out, they are the page cache's.
fn heap_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("RssAnon:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn catch_up(events: u64) {
    let bench = Bench::new(Backend::Sqlite);
    {
        let till = filled_till(&bench, events, 7);
        let up = push(&till);
        println!(
            "Sqlite: pushed {events} events for the catch-up in {:.1} s",
            up.as_secs_f64()
        );
    }
    let reader = bench.till(afternoon());
    // The program first (among the first events), so the till can serve a
    // customer while it catches up on the rest.
    let first = reader.client().pull(0, 10).expect("first page");
    reader
        .store
        .apply_pulled(&first.events, Some((first.cursor, first.cursor_id)))
        .expect("first page");
    let regular = reader.enrol("Regular");
    let before = heap_mib();
    let samples = Arc::new(std::sync::Mutex::new(Vec::new()));
    let waits = Arc::new(std::sync::Mutex::new(Vec::new()));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = std::thread::spawn({
        let (samples, done) = (samples.clone(), done.clone());
        move || {
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                samples.lock().map(|mut s| s.push(heap_mib())).ok();
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    });
    // A barista records a visit every 50 ms meanwhile.
    let barista = std::thread::spawn({
        let (store, waits, done) = (reader.store.clone(), waits.clone(), done.clone());
        move || {
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let started = Instant::now();
                store
                    .record_visit(
                        regular,
                        counterpart_engine::rules::VisitInput {
                            amount: 450,
                            items: Vec::new(),
                            coupon: None,
                        },
                        None,
                    )
                    .expect("visit during the catch-up");
                waits.lock().map(|mut w| w.push(started.elapsed())).ok();
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    });
    let took = pull(&reader);
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    sampler.join().expect("sampler");
    barista.join().expect("barista");
    let mut waits = waits.lock().map(|w| w.clone()).unwrap_or_default();
    waits.sort();
    let pct = |p: f64| {
        waits
            .get(((waits.len() as f64 - 1.0) * p) as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "Sqlite: {} visits recorded during the catch-up: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        waits.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    let samples = samples.lock().map(|s| s.clone()).unwrap_or_default();
    let at = |f: f64| {
        samples
            .get(((samples.len() as f64 - 1.0) * f) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    let peak = samples.iter().copied().fold(0.0, f64::max);
    println!(
        "Sqlite: a new till catches up on {events} events in {:.1} s ({:.0}/s); heap before {before:.0} MiB, at 10% {:.0}, 50% {:.0}, 90% {:.0}, peak {peak:.0} MiB",
        took.as_secs_f64(),
        per_second(events, took),
        at(0.1),
        at(0.5),
        at(0.9),
    );
}

fn postgres_answers() -> bool {
    std::net::TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], 5432)),
        Duration::from_secs(1),
    )
    .is_ok()
}

fn main() {
    // `cargo bench` passes `--bench`; a test run of benches (`cargo test
    // --benches`) does not: then check it runs, small.
    let quick = !std::env::args().any(|a| a == "--bench");
    let scale = if quick { 100 } else { 1 };
    let events = env("COUNTERPART_SYNC_BENCH_EVENTS", 100_000) / scale;
    let tills = env("COUNTERPART_SYNC_BENCH_TILLS", 50).min(events.max(1));
    let catchup = env("COUNTERPART_SYNC_BENCH_CATCHUP", 1_000_000) / scale;
    let parts = std::env::var("COUNTERPART_SYNC_BENCH_PARTS")
        .unwrap_or_else(|_| "pushpull,many,twoprocs,catchup".into());
    let dbs =
        std::env::var("COUNTERPART_SYNC_BENCH_DB").unwrap_or_else(|_| "sqlite,postgres".into());
    let mut backends = Vec::new();
    if dbs.contains("sqlite") {
        backends.push(Backend::Sqlite);
    }
    if dbs.contains("postgres") {
        if postgres_answers() {
            backends.push(Backend::Postgres);
        } else {
            println!("no PostgreSQL at 127.0.0.1:5432: measuring SQLite only");
        }
    }
    if parts.contains("pushpull") {
        for backend in &backends {
            push_and_pull(*backend, events);
        }
    }
    if parts.contains("many") {
        for backend in &backends {
            many_tills(*backend, tills, events);
        }
    }
    if parts.contains("twoprocs") && backends.contains(&Backend::Postgres) {
        two_processes(tills, events);
    }
    if parts.contains("catchup") && catchup > 0 {
        catch_up(catchup);
    }
}
