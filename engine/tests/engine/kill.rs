//! A till killed mid-stream loses no visit it reported as recorded.
//!
//! The test re-runs its own binary as the child (filtered to the helper below,
//! with the database path in an environment variable), reads the event ids the
//! child prints after each commit, SIGKILLs it, and checks the database.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;

use counterpart_engine::command::typed::Typed;
use counterpart_engine::ledger::CustomerId;
use counterpart_engine::rules::VisitInput;
use counterpart_engine::till::Enrolment;
use counterpart_engine::{Location, Store, SystemClock};

use crate::common::example;

const CHILD_DB: &str = "COUNTERPART_KILL_TEST_DB";
const CHILD_CUSTOMER: &str = "COUNTERPART_KILL_TEST_CUSTOMER";

/// The child of the kill test, not a test of its own (hence ignored; the kill
/// test runs it with `--ignored`): records visits forever, printing each event
/// id once its transaction has committed.
#[test]
#[ignore = "run by a_killed_till_keeps_every_visit_it_reported as its child process"]
fn child_helper_records_visits_until_killed() {
    let (Some(db), Some(customer)) = (std::env::var_os(CHILD_DB), std::env::var_os(CHILD_CUSTOMER))
    else {
        return;
    };
    let customer: CustomerId = customer
        .to_str()
        .and_then(|s| s.parse().ok())
        .expect("customer id");
    let store =
        Typed::new(Store::open(std::path::Path::new(&db), Arc::new(SystemClock)).expect("open"));
    for i in 0u64.. {
        let visit = VisitInput {
            amount: 100 + (i % 900) as i64,
            items: Vec::new(),
            coupon: None,
        };
        let o = store
            .record_visit(customer, visit, Some(&format!("kill-{i}")))
            .expect("visit");
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "recorded {}", o.event_id).expect("stdout");
        out.flush().expect("flush");
    }
}

#[test]
fn a_killed_till_keeps_every_visit_it_reported() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("till.db");
    let customer = {
        let store = Typed::new(Store::open(&db, Arc::new(SystemClock)).expect("open"));
        store
            .init(&Location::new("Kill Café", "USD", "UTC", 0).expect("location"))
            .expect("init");
        store
            .publish_program(&example("points-cafe.toml"), None)
            .expect("program");
        let o = store.enrol(Enrolment::default(), None).expect("enrol");
        let id = o.customer.expect("customer").record.id;
        drop(store);
        id
    };

    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "kill::child_helper_records_visits_until_killed",
            "--nocapture",
            "--ignored",
            "--test-threads=1",
        ])
        .env(CHILD_DB, &db)
        .env(CHILD_CUSTOMER, customer.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn child");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut reported = Vec::new();
    // Kill it mid-stream, after a few hundred commits.
    while reported.len() < 300 {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(id) = line.strip_prefix("recorded ") {
                    reported.push(id.to_string());
                }
            }
            _ => panic!("the child stopped before it was killed"),
        }
    }
    child.kill().expect("SIGKILL");
    // Whatever it printed before dying was reported too.
    for line in lines.map_while(Result::ok) {
        if let Some(id) = line.strip_prefix("recorded ") {
            reported.push(id.to_string());
        }
    }
    let _ = child.wait();

    {
        let store = Store::open(&db, Arc::new(SystemClock)).expect("reopen");
        assert_eq!(store.integrity_check().expect("check"), "ok");
        let events = store.events().expect("events");
        let ids: std::collections::HashSet<String> =
            events.iter().map(|e| e.id.to_string()).collect();
        let lost: Vec<&String> = reported.iter().filter(|id| !ids.contains(*id)).collect();
        assert!(
            lost.is_empty(),
            "{} reported visits were lost, e.g. {:?}",
            lost.len(),
            lost.first()
        );
        // Device sequence numbers stay gapless from 1.
        for (i, e) in events.iter().enumerate() {
            assert_eq!(e.device_seq, i as i64 + 1);
        }
        let summary = store.customer(customer).expect("customer");
        assert!(summary.record.visits as usize >= reported.len());
        let r = store.rebuild(false, |_, _| {}).expect("rebuild");
        assert!(r.differences.is_empty(), "{:?}", r.differences);
    }
}
