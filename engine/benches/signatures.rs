//! What signing costs: a till signs each event it writes, the server checks
//! each event pushed to it, and a till each event it pulls (`Event::sign`,
//! `Event::signed_by`, strict Ed25519 over the content hash). A visit as a
//! till writes it, with two deltas. Since protocol 3 its author signs it too
//! (`Event::sign_as_author`), the check adds their signature and the roster
//! as the writing till knew it (`staff::authority`), and signing in derives
//! the person's key from their PIN (`staff::staff_key`).
//!
//! `cargo bench -p counterpart-engine --bench signatures`
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use chrono::{NaiveDate, TimeZone, Utc};
use counterpart_engine::ledger::{Account, Delta, Event, EventBody, Role, SignatureVersion};
use counterpart_engine::staff::authority::{refusal, StaffHistory};
use counterpart_engine::staff::{staff_key, staff_public_key_text};
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
            program_version: None,
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

    // Protocol 3: the visit's author (staff member 3) signs before the till.
    let author = staff_key("1357", uuid::Uuid::from_u128(3)).expect("key");
    let mut authored = visit();
    authored.sign_as_author(&author);
    authored.sign(&key);
    group.bench_function("sign_as_author_then_till", |b| {
        let mut e = visit();
        b.iter(|| {
            e.sign_as_author(&author);
            e.sign(&key);
        })
    });
    group.bench_function("verify_author", |b| {
        b.iter(|| assert!(authored.authored_by(&author.verifying_key())))
    });
    // A shop of 12 staff events (a manager, ten baristas, a removal), the
    // roster folded as the visit's till knew it, then the rule.
    let history = staff_history(&author);
    group.bench_function("authority_fold_and_check", |b| {
        b.iter(|| {
            let seen = history.seen_by(&authored, 100_000);
            let numbered = history.numbered_before(100_000);
            assert!(refusal(
                &authored,
                &seen,
                &numbered,
                Some(SignatureVersion::Authored)
            )
            .is_none())
        })
    });
    let seen = history.seen_by(&authored, 100_000);
    let numbered = history.numbered_before(100_000);
    group.bench_function("authority_check_rosters_folded", |b| {
        b.iter(|| {
            assert!(refusal(
                &authored,
                &seen,
                &numbered,
                Some(SignatureVersion::Authored)
            )
            .is_none())
        })
    });
    group.sample_size(10);
    group.bench_function("staff_key_from_pin", |b| {
        b.iter(|| staff_key("1357", uuid::Uuid::from_u128(3)).expect("key"))
    });
    group.finish();
}

fn staff_history(author: &ed25519_dalek::SigningKey) -> StaffHistory {
    let at = Utc
        .with_ymd_and_hms(2026, 12, 1, 8, 0, 0)
        .single()
        .expect("time");
    let event = |n: i64, body: EventBody| Event {
        id: uuid::Uuid::from_u128(1000 + n as u128),
        device: uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0002),
        device_seq: n,
        seen_server_seq: n - 1,
        device_time: at,
        staff: None,
        body,
        author_sig: None,
        sig: None,
    };
    let added = |id: u128, role: Role, key: Option<String>| EventBody::StaffAdded {
        staff: uuid::Uuid::from_u128(id),
        name: format!("Staff {id}"),
        role,
        pin_hash: String::new(),
        public_key: key,
    };
    let mut events = vec![(1, event(1, added(2, Role::Manager, None)))];
    for n in 0..10 {
        let key = (n == 0).then(|| staff_public_key_text(author));
        events.push((
            2 + n,
            event(2 + n, added(3 + n as u128, Role::Barista, key)),
        ));
    }
    events.push((
        12,
        event(
            12,
            EventBody::StaffRemoved {
                staff: uuid::Uuid::from_u128(12),
            },
        ),
    ));
    StaffHistory::new(events)
}

criterion_group!(signature_benches, benches);
criterion_main!(signature_benches);
