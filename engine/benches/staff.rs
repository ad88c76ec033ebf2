//! What staff and roles cost at the till: the permission check every action
//! makes (who is on the staff is folded from the ledger's staff events each
//! time), and a PIN check at sign-in (argon2id). Prints percentiles measured
//! one call at a time; no criterion run.
//!
//! `cargo bench -p counterpart-engine --bench staff`
#![allow(missing_docs, clippy::print_stdout)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use counterpart_engine::command::{AddStaff, Commands, FirstManager, Pin, SetUpShop, SignIn};
use counterpart_engine::ledger::Role;
use counterpart_engine::ManualClock;

fn percentiles(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    format!(
        "p50 {:>8.1} µs  p95 {:>8.1} µs  p99 {:>8.1} µs  ({} calls)",
        at(0.50).as_secs_f64() * 1e6,
        at(0.95).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6,
        samples.len()
    )
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-04T09:00:00Z").map(|t| t.to_utc());
    let clock = Arc::new(ManualClock::new(at.unwrap_or_default()));
    let till = Commands::open(&dir.path().join("till.db"), clock).expect("open");
    till.set_up_shop(&SetUpShop {
        shop: "Bench Café".into(),
        currency: "USD".into(),
        timezone: "Europe/Warsaw".into(),
        day_starts_at: 4,
        manager: Some(FirstManager {
            name: "Mia".into(),
            pin: Pin("24681357".into()),
        }),
        example: None,
    })
    .expect("set up");
    let sign_in = |name: &str, pin: &str| {
        till.sign_in(&SignIn {
            staff: name.into(),
            pin: Pin(pin.into()),
        })
    };
    let mia = sign_in("Mia", "24681357").expect("Mia");
    println!("\n== Counterpart staff benchmarks");
    let mut staff = 1;
    for target in [5, 50] {
        while staff < target {
            mia.add_staff(&AddStaff {
                name: format!("Barista {staff}"),
                role: Role::Barista,
                pin: Pin(format!("{:04}", 1000 + staff)),
            })
            .expect("add");
            staff += 1;
        }
        // The permission check's part of an action: the staff list folded
        // from the ledger (here through the sign-in list, the same read).
        let checks: Vec<Duration> = (0..2000)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(mia.staff().expect("staff"));
                t.elapsed()
            })
            .collect();
        println!(
            "who is on the staff, {staff:>2} people:  {}",
            percentiles(checks)
        );
    }
    let sign_ins: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(sign_in("Barista 7", "1007").expect("sign in"));
            t.elapsed()
        })
        .collect();
    println!(
        "sign in (argon2id PIN check):     {}",
        percentiles(sign_ins)
    );
    println!();
}
