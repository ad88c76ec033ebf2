//! Every till signs what it writes, and checks what it takes from others:
//! an event changed on the way, written with another key, or left unsigned by
//! a till that signs is not applied; what tills wrote before they signed stays
//! valid; an erased customer's scrubbed enrolment still verifies.

use counterpart_engine::ledger::{Account, Delta, Event, EventBody, Profile};
use counterpart_engine::sync::protocol::ServerEvent;

use crate::common::*;

/// The points café at 10:00 on a Monday.
fn points_cafe() -> Shop {
    points_cafe_at(utc(2026, 11, 23, 10, 0))
}

/// A second till of the same shop that has taken in everything `from` wrote.
fn caught_up_with(from: &Shop) -> Shop {
    let other = points_cafe();
    let report = other
        .store
        .import_events(&from.store.events().expect("events"))
        .expect("every event the till wrote verifies");
    assert!(report.applied > 0);
    other
}

fn billion_points() -> Vec<Delta> {
    vec![Delta {
        account: Account::Points,
        amount: 1_000_000_000,
        rule: "earn".into(),
        why: "forged".into(),
        message: None,
    }]
}

fn last_visit(shop: &Shop) -> Event {
    shop.store
        .events()
        .expect("events")
        .into_iter()
        .rev()
        .find(|e| e.body.kind() == "visit")
        .expect("a visit")
}

#[test]
fn a_till_signs_every_event_it_writes() {
    let a = points_cafe();
    let (anna, _) = a.enrol(Profile {
        name: Some("Anna".into()),
        ..Profile::default()
    });
    a.store
        .record_visit(anna, visit(5_00), None)
        .expect("visit");
    let events = a.store.events().expect("events");
    assert!(events.len() >= 4, "key, program, enrolment, visit");
    assert!(events.iter().all(|e| e.sig.is_some()), "{events:?}");
    // The JSON a till pushes carries it; the content hash (forks) does not.
    let v = last_visit(&a);
    let (json, hash) = v.json_and_hash();
    assert!(json.contains("\"sig\":"), "{json}");
    assert_eq!(hash, v.content_hash());
    let mut unsigned = v.clone();
    unsigned.sig = None;
    assert_eq!(unsigned.content_hash(), hash);
    assert_eq!(unsigned.json_and_hash().1, hash);
}

#[test]
fn an_event_changed_after_signing_is_not_applied() {
    let a = points_cafe();
    let (anna, _) = a.enrol(Profile::default());
    let b = caught_up_with(&a);
    let before = bal(&b.store.customer(anna).expect("anna"), "points");
    a.store
        .record_visit(anna, visit(5_00), None)
        .expect("visit");
    let genuine = last_visit(&a);

    // A billion points, with the till's own signature left on.
    let mut forged = genuine.clone();
    if let EventBody::Visit { deltas, .. } = &mut forged.body {
        *deltas = billion_points();
    }
    let e = b
        .store
        .import_events(&[forged.clone()])
        .expect_err("refused");
    assert!(e.to_string().contains("signature does not verify"), "{e}");
    // Signed, but with a key that is not the till's.
    let mut other_key = forged.clone();
    other_key.sign(&ed25519_dalek::SigningKey::from_bytes(&[9; 32]));
    let e = b.store.import_events(&[other_key]).expect_err("refused");
    assert!(e.to_string().contains("signature does not verify"), "{e}");
    // Not signed at all, from a till that signs.
    let mut unsigned = forged.clone();
    unsigned.sig = None;
    let e = b
        .store
        .import_events(&[unsigned.clone()])
        .expect_err("refused");
    assert!(e.to_string().contains("carries no signature"), "{e}");
    // A garbled signature.
    let mut garbled = genuine.clone();
    garbled.sig = Some("not base64 at all!".into());
    let e = b.store.import_events(&[garbled]).expect_err("refused");
    assert!(e.to_string().contains("signature does not verify"), "{e}");
    assert_eq!(
        bal(&b.store.customer(anna).expect("anna"), "points"),
        before
    );

    // Pulled from a server, such an event is held aside and sync goes on.
    let report = b
        .store
        .apply_pulled(
            &[
                ServerEvent {
                    server_seq: 100,
                    event: unsigned,
                },
                ServerEvent {
                    server_seq: 101,
                    event: genuine.clone(),
                },
            ],
            None,
        )
        .expect("pulled");
    assert_eq!((report.applied, report.held), (1, 1));
    let held = b.store.held().expect("held");
    assert_eq!(held.len(), 1);
    assert!(held[0].reason.contains("carries no signature"), "{held:?}");
    assert_eq!(
        bal(&b.store.customer(anna).expect("anna"), "points"),
        bal(&a.store.customer(anna).expect("anna"), "points")
    );
    let r = b.store.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
}

#[test]
fn a_till_announces_one_key_and_only_its_own() {
    let a = points_cafe();
    let b = caught_up_with(&a);
    let device = a.store.events().expect("events")[0].device;
    let mut seq = a.store.events().expect("events").len() as i64;
    let mut announce = |for_device: uuid::Uuid, seed: u8| {
        let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
        let public = key.verifying_key();
        seq += 1;
        let mut event = Event {
            id: counterpart_engine::ids::new_v7(utc(2026, 11, 23, 10, 0)),
            device,
            device_seq: seq,
            seen_server_seq: 0,
            device_time: utc(2026, 11, 23, 10, 0),
            staff: None,
            body: EventBody::TillKeyAdded {
                device: for_device,
                key_id: counterpart_engine::card_code::KeyId::of(&public).to_string(),
                public_key: data_encoding::HEXLOWER.encode(public.as_bytes()),
            },
            author_sig: None,
            sig: None,
        };
        event.sign(&key);
        event
    };
    // A second key for a till that has one: whoever holds it could sign as
    // the till from then on.
    let e = b
        .store
        .import_events(&[announce(device, 3)])
        .expect_err("refused");
    assert!(e.to_string().contains("second key"), "{e}");
    // Another till's key, announced by this one.
    let e = b
        .store
        .import_events(&[announce(uuid::Uuid::from_u128(5), 4)])
        .expect_err("refused");
    assert!(e.to_string().contains("another till's key"), "{e}");
}

/// Tills written before events were signed: their unsigned events stay
/// valid, until the till's first signed one.
#[test]
fn unsigned_events_from_before_signing_stay_valid_until_the_till_signs() {
    let b = points_cafe();
    let (anna, _) = b.enrol(Profile::default());
    let old = uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0042);
    let key = ed25519_dalek::SigningKey::from_bytes(&[11; 32]);
    let public = key.verifying_key();
    let event = |seq: i64, body: EventBody| Event {
        id: counterpart_engine::ids::new_v7(utc(2026, 11, 23, 9, 0)),
        device: old,
        device_seq: seq,
        seen_server_seq: 0,
        device_time: utc(2026, 11, 23, 9, 0),
        staff: None,
        body,
        author_sig: None,
        sig: None,
    };
    let adjust = |amount: i64| EventBody::Adjusted {
        customer: anna,
        reason: "goodwill".into(),
        deltas: vec![Delta {
            account: Account::Points,
            amount,
            rule: "adjustment".into(),
            why: "goodwill".into(),
            message: None,
        }],
    };
    let announced = event(
        1,
        EventBody::TillKeyAdded {
            device: old,
            key_id: counterpart_engine::card_code::KeyId::of(&public).to_string(),
            public_key: data_encoding::HEXLOWER.encode(public.as_bytes()),
        },
    );
    let start = bal(&b.store.customer(anna).expect("anna"), "points");
    b.store
        .import_events(&[announced, event(2, adjust(1))])
        .expect("written before tills signed: valid");
    let mut signed = event(3, adjust(10));
    signed.sign(&key);
    b.store
        .import_events(&[signed])
        .expect("the till's first signed event");
    let e = b
        .store
        .import_events(&[event(4, adjust(100))])
        .expect_err("unsigned after it signed");
    assert!(e.to_string().contains("since its number 3"), "{e}");
    assert_eq!(
        bal(&b.store.customer(anna).expect("anna"), "points"),
        start + 11
    );
}

#[test]
fn an_erased_customers_scrubbed_enrolment_still_verifies() {
    let a = points_cafe();
    let (anna, _) = a.enrol(Profile {
        name: Some("Anna Erased".into()),
        phone: Some("+15550100".into()),
        ..Profile::default()
    });
    a.store.erase(anna, None).expect("erase");
    let events = a.store.events().expect("events");
    let enrolled = events
        .iter()
        .find(|e| e.body.kind() == "enrolled")
        .expect("enrolment");
    assert!(
        matches!(&enrolled.body, EventBody::Enrolled { profile: None, .. }),
        "scrubbed: {enrolled:?}"
    );
    let c = caught_up_with(&a);
    assert_eq!(
        c.store.customer(anna).expect("anna").record.status,
        "erased"
    );
}

/// A till updated with events still to push signs them when it opens: the
/// server learns from its first push that it signs.
#[test]
fn events_waiting_to_be_pushed_are_signed_when_an_updated_till_opens() {
    let a = points_cafe();
    let (anna, _) = a.enrol(Profile::default());
    a.store
        .record_visit(anna, visit(5_00), None)
        .expect("visit");
    let path = a.dir.path().join("till.db");
    {
        // As an older version left them: no signatures.
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute("UPDATE events SET sig = NULL", [])
            .expect("unsign");
        conn.execute("DELETE FROM signing_devices", [])
            .expect("forget");
    }
    let reopened = counterpart_engine::Store::open(&path, a.clock.clone()).expect("open");
    let waiting = reopened.outbox_batch(100).expect("outbox");
    assert!(!waiting.is_empty());
    assert!(waiting.iter().all(|e| e.sig.is_some()), "{waiting:?}");
    let b = points_cafe();
    b.store.import_events(&waiting).expect("they verify");
}

fn name_of(shop: &Shop, who: uuid::Uuid) -> Option<String> {
    shop.store.customer(who).expect("customer").record.name
}

/// A till that holds its own key can still claim to have seen far more of
/// the server's stream than exists (`seen_server_seq` = i64::MAX): that claim
/// used to win every later change to the same profile, on every till. The
/// claim now counts for no more than where the server put the event.
#[test]
fn a_claim_to_have_seen_the_future_does_not_win_later_changes() {
    let a = points_cafe();
    let (anna, _) = a.enrol(Profile {
        name: Some("Anna".into()),
        ..Profile::default()
    });
    a.store
        .update_profile(
            anna,
            Profile {
                name: Some("Forged".into()),
                ..Profile::default()
            },
            None,
        )
        .expect("update");
    let mut history = a.store.events().expect("events");
    let forged = history.last_mut().expect("the update");
    forged.seen_server_seq = i64::MAX;
    a.store.sign_as_this_till(forged).expect("sign");
    let stream = numbered(&history, 1);
    let at = stream.len() as i64;

    // Another till takes it in, then changes her name: a later change.
    let b = points_cafe();
    b.store.apply_pulled(&stream, None).expect("pulled");
    assert_eq!(name_of(&b, anna).as_deref(), Some("Forged"));
    b.store
        .update_profile(
            anna,
            Profile {
                name: Some("Anna B".into()),
                ..Profile::default()
            },
            None,
        )
        .expect("a later change");
    assert_eq!(name_of(&b, anna).as_deref(), Some("Anna B"));
    let r = b.store.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);

    // A third till, in server order and in the other order, agrees.
    let mine = b.store.device().expect("device");
    let later: Vec<Event> = b
        .store
        .events()
        .expect("events")
        .into_iter()
        .filter(|e| e.device == mine)
        .collect();
    let later = numbered(&later, at + 1);
    for order in [0, 1] {
        let c = points_cafe();
        let mut all = stream.clone();
        match order {
            0 => all.extend(later.clone()),
            _ => {
                let forged = all.pop().expect("forged");
                all.extend(later.clone());
                all.push(forged);
            }
        }
        let report = c.store.apply_pulled(&all, None).expect("pulled");
        assert_eq!(report.held, 0, "order {order}");
        assert_eq!(
            name_of(&c, anna).as_deref(),
            Some("Anna B"),
            "order {order}"
        );
        let r = c.store.rebuild(false, |_, _| {}).expect("rebuild");
        assert!(r.differences.is_empty(), "{:?}", r.differences);
    }
}
