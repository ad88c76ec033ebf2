//! The till app's figures, measured in the real window (release build, demo
//! shop, replayed camera, under Xvfb through tauri-driver like the
//! end-to-end tests): cold start to an interactive barista screen, a card's
//! frame captured → customer painted, Enter → outcome painted, the camera
//! preview's lag, memory (PSS of every process of the app after a minute of
//! scanning) and the binary's size; then Enter → outcome again while pairings
//! wait on a server that accepts and never answers (each holds a thread for
//! the client's 60 s timeout): a visit must not wait for them.
//!
//! `cargo bench -p counterpart-till --bench app` (needs what the end-to-end
//! tests need: scripts/setup.sh installs it).

// The figures are this binary's output.
#![allow(clippy::print_stdout)]

#[path = "../tests/e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::time::{Duration, Instant};

use harness::{App, Start};

/// Sells $4.50 to whoever the replayed camera shows, every 1.5 s for
/// `how_long`; answers how many sales were keyed.
async fn sell_for(app: &App, how_long: Duration) -> usize {
    let started = Instant::now();
    let mut sales = 0;
    while started.elapsed() < how_long {
        let attached = app
            .client
            .execute("return !!document.querySelector('[data-testid=customer]') && !document.querySelector('[data-testid=confirm]')", vec![])
            .await
            .map(|v| v == serde_json::Value::Bool(true))
            .unwrap_or(false);
        if attached {
            app.keys("4.50\u{E007}").await;
            sales += 1;
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
    }
    sales
}

/// The figures the app logged, by name.
fn figures(log: &str, name: &str) -> Vec<f64> {
    let key = format!("figure={name} ");
    log.lines()
        .filter(|l| l.contains(&key))
        .filter_map(|l| {
            let rest = l.split(" ms=").nth(1)?;
            rest.split_whitespace().next()?.parse().ok()
        })
        .collect()
}

fn since_start(log: &str, name: &str) -> Option<f64> {
    let key = format!("figure={name} ");
    let line = log.lines().rev().find(|l| l.contains(&key))?;
    line.split("since_start_ms=")
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn line(name: &str, values: &[f64], target: &str) {
    println!(
        "{name:<36} n={:<4} p50 {:>7.1} ms  p95 {:>7.1} ms  p99 {:>7.1} ms  max {:>7.1} ms   target {target}",
        values.len(),
        percentile(values, 50.0),
        percentile(values, 95.0),
        percentile(values, 99.0),
        values.iter().copied().fold(f64::NAN, f64::max),
    );
}

/// PSS in kB of the app's process and the WebKit processes it started. The
/// app is the one on `db` (its environment says so): another till left
/// running on this machine, such as a killed test's, is not counted (it was
/// once, and the figure read 381 MB instead of 222).
fn pss_kb(db: &std::path::Path) -> (u64, Vec<(String, u64)>) {
    let ours = format!("COUNTERPART_DB={}", db.display());
    let procs: Vec<(u32, u32, String)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let after = stat.rsplit_once(") ")?.1;
            let ppid: u32 = after.split_whitespace().nth(1)?.parse().ok()?;
            let name = stat.split_once(" (")?.1.rsplit_once(") ")?.0.to_string();
            Some((pid, ppid, name))
        })
        .collect();
    let apps: Vec<u32> = procs
        .iter()
        .filter(|(_, _, n)| n.starts_with("counterpart-til"))
        .map(|(p, _, _)| *p)
        .filter(|p| {
            std::fs::read(format!("/proc/{p}/environ"))
                .map(|env| env.split(|b| *b == 0).any(|v| v == ours.as_bytes()))
                .unwrap_or(false)
        })
        .collect();
    let mut total = 0;
    let mut parts = Vec::new();
    for (pid, ppid, name) in &procs {
        if apps.contains(pid) || apps.contains(ppid) {
            let rollup =
                std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
            let kb: u64 = rollup
                .lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
                .unwrap_or(0);
            total += kb;
            parts.push((name.clone(), kb));
        }
    }
    (total, parts)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let demo = || Start {
        args: vec!["--demo".into()],
        ..Start::default()
    };
    // The first start sets the demo shop up (its history, the regulars' cards).
    let app = App::start(demo()).await;
    app.until_within(
        Duration::from_secs(120),
        "the demo shop",
        "!!document.querySelector('[data-testid=barista]')",
    )
    .await;
    // Its barista_interactive comes once the page has drawn; wait for it.
    // This start pays twice, once: the demo shop is written (about 240 ms in
    // release here) and WebKit's GStreamer builds its plugin registry in the
    // new profile's ~/.cache (about 600 ms, measured with a fresh HOME on an
    // existing demo database: 960 ms, then 365 ms).
    let deadline = Instant::now() + Duration::from_secs(10);
    while since_start(&app.log(), "barista_interactive").is_none() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let first_start = since_start(&app.log(), "barista_interactive");
    let data = app.close().await;

    // Started again on it: the start a shop sees every morning.
    let app = App::start(Start {
        data: Some(data),
        ..demo()
    })
    .await;
    app.find("[data-testid=barista]").await;
    let sales = sell_for(&app, Duration::from_secs(60)).await;
    let (pss, parts) = pss_kb(&app.db);
    let idle_visits = figures(&app.log(), "enter_to_outcome_painted").len();

    // A server that accepts connections and never answers; more pairings
    // than the async runtime has workers (one per core) hang on it at once.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("a silent listener");
    let silent_url = format!(
        "http://{}",
        silent.local_addr().expect("the listener's address")
    );
    let held: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>> = Default::default();
    let keep = held.clone();
    std::thread::spawn(move || {
        for stream in silent.incoming().flatten() {
            keep.lock().unwrap_or_else(|p| p.into_inner()).push(stream);
        }
    });
    let pairings = 2 * std::thread::available_parallelism().map_or(2, |n| n.get());
    for _ in 0..pairings {
        let script = format!(
            "window.__TAURI_INTERNALS__.invoke('pair', {{ request: {{ code: 'counterpart-pair:{silent_url}#ABCD-EFGH-JKMN', name: 'Bench' }} }}).catch(() => {{}}); return true;"
        );
        app.client
            .execute(&script, vec![])
            .await
            .expect("a pairing started from the page");
    }
    sell_for(&app, Duration::from_secs(40)).await;
    let waiting = held.lock().unwrap_or_else(|p| p.into_inner()).len();
    let log = app.log();
    app.close().await;

    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("\nthe till app, {build} build, demo shop, replayed camera at 10 fps ({sales} sales in 60 s)");
    match since_start(&log, "barista_interactive") {
        Some(ms) => println!(
            "{:<36} {ms:>7.0} ms from process start   target ≤ 1000 ms",
            "cold start → barista interactive"
        ),
        None => println!("cold start: not measured (no barista_interactive in the log)"),
    }
    if let Some(ms) = first_start {
        println!(
            "{:<36} {ms:>7.0} ms from process start   (once: a new data folder and profile, see below)",
            "first start → barista interactive"
        );
    }
    line(
        "frame captured → customer painted",
        &figures(&log, "scan_to_customer_painted"),
        "p95 ≤ 100 ms",
    );
    line(
        "Enter → outcome painted",
        &figures(&log, "enter_to_outcome_painted"),
        "p95 ≤ 50 ms",
    );
    let all = figures(&log, "enter_to_outcome_painted");
    let (idle, during) = all.split_at(idle_visits.min(all.len()));
    line("Enter → outcome, idle (p99)", idle, "p99 of the same");
    line(
        &format!("Enter → outcome, {waiting} pairings hanging"),
        during,
        "as idle",
    );
    line(
        "camera preview: frame age when served",
        &figures(&log, "preview_frame_age"),
        "≤ 100 ms",
    );
    println!(
        "{:<36} {:>7.1} MB   target ≤ 300 MB",
        "memory (PSS, all processes)",
        pss as f64 / 1024.0
    );
    for (name, kb) in parts {
        println!("    {name:<32} {:>7.1} MB", kb as f64 / 1024.0);
    }
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_counterpart-till"));
    let size = std::fs::metadata(bin).map_or(0, |m| m.len());
    let stripped = std::env::temp_dir().join("counterpart-till-stripped");
    let stripped_size = std::process::Command::new("strip")
        .arg("-o")
        .arg(&stripped)
        .arg(bin)
        .status()
        .ok()
        .filter(|s| s.success())
        .and_then(|_| std::fs::metadata(&stripped).ok())
        .map_or(0, |m| m.len());
    println!(
        "{:<36} {:>7.1} MB ({:.1} MB stripped)",
        "binary",
        size as f64 / 1e6,
        stripped_size as f64 / 1e6
    );
}
