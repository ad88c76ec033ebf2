//! What signing costs: a till signs each event it writes, the server checks
//! each event pushed to it, and a till each event it pulls (`Event::sign`,
//! `Event::signed_by`, strict Ed25519 over the content hash). A visit as a
//! till writes it, with two deltas.
//!
//! `cargo bench -p counterpart-engine --bench signatures`
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use chrono::{NaiveDate, TimeZone, Utc};
use counterpart_engine::ledger::{Account, Delta, Event, EventBody};
use criterion::{criterion_group, criterion_main, Criterion};

fn visit() -> Event {
    let at = Utc
        .with_ymd_and_hms(2026, 12, 6, 8, 30, 0)
        .single()
        .expect("time");
    let delta = |account: Account, amount: i64, rule: &str| Delta {
        account,
        amount,
        rule: rule.into(),
        why: format!("+{amount}"),
        message: None,
    };
    Event {
        id: uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001),
        device: uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0002),
        device_seq: 1234,
        seen_server_seq: 98_765,
        device_time: at,
        staff: Some(uuid::Uuid::from_u128(3).to_string()),
        body: EventBody::Visit {
            customer: uuid::Uuid::from_u128(4),
            amount: 4_50,
            currency: "USD".into(),
            items: Vec::new(),
            coupon: None,
            business_date: NaiveDate::from_ymd_opt(2026, 12, 6).expect("date"),
            deltas: vec![
                delta(Account::Points, 4, "points"),
                delta(Account::Stamps("coffee".into()), 1, "stamps:coffee"),
            ],
        },
        author_sig: None,
        sig: None,
    }
}

fn benches(c: &mut Criterion) {
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let public = key.verifying_key();
    let mut signed = visit();
    signed.sign(&key);
    let mut group = c.benchmark_group("signatures");
    group.bench_function("content_hash", |b| b.iter(|| signed.content_hash()));
    group.bench_function("sign", |b| {
        let mut e = visit();
        b.iter(|| e.sign(&key))
    });
    group.bench_function("verify", |b| b.iter(|| assert!(signed.signed_by(&public))));
    group.finish();
}

criterion_group!(signature_benches, benches);
criterion_main!(signature_benches);
