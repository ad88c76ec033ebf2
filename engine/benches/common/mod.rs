//! What the store and reports benchmarks share: the generated shop (100k
//! customers, 1M events over two years by default; `COUNTERPART_BENCH_CUSTOMERS`
//! / `COUNTERPART_BENCH_EVENTS` scale it), made once into `target/bench-data/`
//! and reused, a working copy of it, and latency percentiles.
#![allow(dead_code)] // each benchmark uses part of it

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use counterpart_engine::demo::{self, DemoSpec};
use counterpart_engine::{Location, ManualClock, Store};

pub fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn clock() -> Arc<ManualClock> {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T15:00:00Z").map(|t| t.to_utc());
    Arc::new(ManualClock::new(at.unwrap_or_default()))
}

/// The generated shop, made once.
pub fn shop_file() -> PathBuf {
    let customers = env_u64("COUNTERPART_BENCH_CUSTOMERS", 100_000);
    let events = env_u64("COUNTERPART_BENCH_EVENTS", 1_000_000);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    let path = dir.join(format!("shop-{customers}-{events}.db"));
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("bench data dir");
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let started = Instant::now();
    {
        let store = Store::open(&partial, clock()).expect("open");
        let location = Location::new("Bench Café", "USD", "America/New_York", 4).expect("location");
        store.init(&location).expect("init");
        let spec = DemoSpec {
            customers,
            events,
            days: 730,
            seed: 7,
        };
        let mut last = 0;
        let report = demo::generate(&store, spec, |done, total| {
            if done >= last + 100_000 || done == total {
                last = done;
                eprintln!("  generated {done}/{total} events");
            }
        })
        .expect("generate");
        eprintln!(
            "generated {report:?} in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    std::fs::rename(&partial, &path).expect("rename");
    path
}

/// A working copy of the shop, so recording does not grow the cached one.
pub fn working_copy(src: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let dst = dir.path().join("till.db");
    std::fs::copy(src, &dst).expect("copy");
    // Flushed before measuring: otherwise the kernel writes the copy's 1.3 GB
    // back during the first seconds of the run, and every visit's flush queues
    // behind it (a till's file is not a fresh copy).
    std::fs::File::open(&dst)
        .and_then(|f| f.sync_all())
        .expect("flush the copy");
    (dir, dst)
}

pub fn percentiles(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let at =
        |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1e3;
    format!(
        "n={} p50={:.3} ms p95={:.3} ms p99={:.3} ms max={:.3} ms",
        samples.len(),
        at(0.5),
        at(0.95),
        at(0.99),
        at(1.0)
    )
}
