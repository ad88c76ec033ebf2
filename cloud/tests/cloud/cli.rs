//! The command line of two tills and the server, as a shop uses them.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The till's `counterpart` binary, built beside the server by `cargo test --workspace`.
fn counterpart_bin() -> PathBuf {
    let bin = Path::new(BIN)
        .with_file_name("counterpart")
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        bin.exists(),
        "{} is missing: run the workspace's tests (scripts/test.sh), or `cargo build -p counterpart-cli` first",
        bin.display()
    );
    bin
}

/// Runs `counterpart --db DB --json ARGS`, asserting it succeeded; its answer
/// (the last of the JSON lines it prints).
fn till(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(counterpart_bin())
        .arg("--db")
        .arg(db)
        .arg("--json")
        .args(args)
        .env_remove("COUNTERPART_DB")
        .output()
        .expect("run counterpart");
    assert!(
        out.status.success(),
        "counterpart {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last)
        .unwrap_or_else(|e| panic!("counterpart {args:?}: not JSON ({e}): {stdout}"))
}

fn customer_id(outcome: &serde_json::Value) -> String {
    outcome["customer"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no customer id in {outcome}"))
        .to_string()
}

/// Two tills both know Alice and Bob; offline, one merges Alice into Bob and
/// the other Bob into Alice. Once back online both sync, forever after, agree
/// on the record that remains, and show the losing merge as a conflict.
fn opposite_merges_at_two_tills(backend: Backend) {
    let b = Bench::new(backend);
    let dir = tempfile::tempdir().expect("dir");
    let (t1, t2) = (dir.path().join("till1.db"), dir.path().join("till2.db"));
    for (db, name) in [(&t1, "Till 1"), (&t2, "Till 2")] {
        let code = b.merchant.pairing_code(&b.db);
        till(
            db,
            &["pair", &code, "--server", &b.server.url, "--name", name],
        );
    }
    let program = repo_root().join("examples/programs/points-cafe.toml");
    till(
        &t1,
        &["program", "publish", program.to_str().expect("path")],
    );
    let alice = customer_id(&till(&t1, &["enrol", "--name", "Alice"]));
    let bob = customer_id(&till(&t1, &["enrol", "--name", "Bob"]));
    till(&t1, &["visit", "--customer", &alice, "--amount", "12.00"]);
    till(&t1, &["visit", "--customer", &bob, "--amount", "30.00"]);
    till(&t1, &["sync", "--once"]);
    till(&t2, &["sync", "--once"]);

    // The network drops; each barista merges the duplicate their own way.
    till(&t1, &["customer", "merge", &alice, &bob]);
    till(&t2, &["customer", "merge", &bob, &alice]);

    for _ in 0..3 {
        till(&t1, &["sync", "--once"]);
        till(&t2, &["sync", "--once"]);
    }
    let shown = |db: &Path, who: &str| till(db, &["customer", "show", "--customer", who]);
    let remains = shown(&t1, &alice)["id"].as_str().expect("id").to_string();
    for db in [&t1, &t2] {
        for who in [&alice, &bob] {
            let s = shown(db, who);
            assert_eq!(s["id"], remains.as_str(), "both records lead to one: {s}");
            let conflicts: Vec<&serde_json::Value> = s["conflicts"]
                .as_array()
                .expect("conflicts")
                .iter()
                .filter(|c| c["kind"] == "merge_overruled")
                .collect();
            assert_eq!(conflicts.len(), 1, "the losing merge is shown: {s}");
            assert!(
                conflicts[0]["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("overruled")),
                "{s}"
            );
        }
        let rebuilt = till(db, &["rebuild"]);
        assert_eq!(rebuilt["differences"], serde_json::json!([]), "{rebuilt}");
    }
    // Both visits' points are on the record that remains, on both tills.
    assert_eq!(shown(&t1, &alice)["balances"], shown(&t2, &bob)["balances"]);
    // And sync goes on: a new visit at one till reaches the other.
    till(&t2, &["visit", "--customer", &bob, "--amount", "5.00"]);
    till(&t2, &["sync", "--once"]);
    let pulled = till(&t1, &["sync", "--once"]);
    assert_eq!(pulled["pulled"], 1, "{pulled}");
    assert_eq!(shown(&t1, &alice)["visits"], shown(&t2, &alice)["visits"]);
}

crate::on_both!(opposite_merges_at_two_tills);

/// `counterpart sync`, running on, stops with what to do when the till is
/// revoked, instead of retrying forever.
#[test]
fn running_sync_stops_when_the_till_is_revoked() {
    let b = Bench::new(Backend::Sqlite);
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("till.db");
    let code = b.merchant.pairing_code(&b.db);
    till(&db, &["pair", &code, "--server", &b.server.url]);
    let device = counterpart_engine::Store::open(
        &db,
        std::sync::Arc::new(counterpart_engine::ManualClock::new(afternoon())),
    )
    .and_then(|s| s.device())
    .expect("the till's device")
    .to_string();
    b.db.admin(&["devices", "revoke", &device]);
    let mut child = Command::new(counterpart_bin())
        .arg("--db")
        .arg(&db)
        .args(["sync", "--interval", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run counterpart sync");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("`counterpart sync` retried a revoked till for 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let out = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!status.success());
    assert!(
        stderr.contains("Sync stopped") && stderr.contains("pairing code"),
        "{stderr}"
    );
}
