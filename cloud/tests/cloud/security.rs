//! What the server refuses, with nothing stored: unauthenticated, malformed,
//! oversized and other-protocol requests; a device acting for another device
//! or reading another merchant; forked devices; events breaking a rule (parked,
//! the rest of the queue goes on).

use crate::common::*;
use crate::on_both;
use counterpart_engine::ledger::{Event, EventBody};
use counterpart_engine::sync::protocol::{AckStatus, PairRequest, PROTOCOL_VERSION};
use counterpart_engine::sync::SyncError;

on_both!(
    bad_requests_are_refused_and_store_nothing,
    merchants_cannot_see_or_write_each_other,
    a_forked_device_is_refused,
    an_event_breaking_a_rule_is_parked_and_the_queue_goes_on,
    a_hand_made_void_naming_another_customer_is_refused,
    nothing_of_an_erased_customer_survives_on_the_server,
    a_persons_merged_records_are_erased_with_them_everywhere,
    no_balance_passes_its_bound_on_the_server,
    a_pairing_code_cannot_take_over_a_live_till,
    a_device_token_alone_writes_nothing,
    tills_paired_before_signing_keep_syncing_until_they_sign,
    a_tills_whole_database_makes_no_manager,
    a_tills_whole_database_cannot_push_a_billion_points,
    a_revoked_till_comes_back_with_a_code_made_for_it_and_pushes_what_it_kept,
    a_till_paired_over_plain_http_sends_nothing_until_paired_again,
);

fn bad_requests_are_refused_and_store_nothing(backend: Backend) {
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    t.sync().expect("sync");
    let before = high_water(&t);
    let events = format!("{}/v1/events", b.server.url);
    let batch = serde_json::to_vec(&serde_json::json!({
        "protocol": PROTOCOL_VERSION,
        "events": t.store.events().expect("events"),
    }))
    .expect("json");

    let (status, body) = raw_post(&events, None, &batch);
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unauthenticated"))
    );
    let (status, _) = raw_post(&events, Some("cpt_not-a-token"), &batch);
    assert_eq!(status, 401);
    let (status, _) = raw_get(&format!("{events}?after=0"), None);
    assert_eq!(status, 401);

    let token = t.token();
    let (status, body) = raw_post(&events, Some(&token), b"{not json");
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("malformed"))
    );
    let (status, _) = raw_post(
        &events,
        Some(&token),
        br#"{"protocol":1,"events":[{"id":"x"}]}"#,
    );
    assert_eq!(status, 400);
    let (status, body) = raw_post(&events, Some(&token), br#"{"protocol":99,"events":[]}"#);
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (426, Some("unsupported_protocol"))
    );
    let huge = vec![b' '; 5 * 1024 * 1024];
    let answered = (0..10)
        .find_map(|_| raw_post_or_hangup(&events, &token, &huge))
        .expect("one of ten oversized requests gets its answer read");
    assert_eq!(
        (answered.0, answered.1["error"]["code"].as_str()),
        (413, Some("too_large"))
    );
    // Without a token the body is not read at all: a push announcing 5 MiB
    // that sends 1 KiB and waits is answered 401 at once (a server reading
    // first would wait for the rest).
    {
        use std::io::{Read, Write};
        let addr = b.server.url.trim_start_matches("http://").to_string();
        let mut conn = std::net::TcpStream::connect(&addr).expect("connect");
        conn.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("timeout");
        write!(
            conn,
            "POST /v1/events HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nAuthorization: Bearer cpt_not-a-token\r\nContent-Length: {}\r\n\r\n",
            5 * 1024 * 1024
        )
        .expect("head");
        conn.write_all(&[b' '; 1024]).expect("a little body");
        let mut answer = [0u8; 12];
        conn.read_exact(&mut answer)
            .expect("an answer before the body");
        assert_eq!(&answer, b"HTTP/1.1 401");
    }
    let many: Vec<serde_json::Value> = (0..1001).map(|_| serde_json::json!({})).collect();
    let (status, _) = raw_post(
        &events,
        Some(&token),
        &serde_json::to_vec(&serde_json::json!({"protocol": 1, "events": many})).expect("json"),
    );
    assert_eq!(status, 413);
    let (status, _) = raw_get(&format!("{events}?after=-1"), Some(&token));
    assert_eq!(status, 400);
    let (status, _) = raw_get(&format!("{events}?limit=100000"), Some(&token));
    assert_eq!(status, 400);
    let (status, body) = raw_post(&format!("{}/v1/pair", b.server.url), None, br#"{"protocol":3,"code":"AAAA-AAAA-AAAA","device":"01a20953-dce9-714e-b591-f7140a39d894","name":"x"}"#);
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("pairing_code"))
    );
    // A till that does not sign its events (protocol 1) cannot pair: it
    // would be refused everything it pushes.
    let (status, body) = raw_post(&format!("{}/v1/pair", b.server.url), None, br#"{"protocol":1,"code":"AAAA-AAAA-AAAA","device":"01a20953-dce9-714e-b591-f7140a39d894","name":"x"}"#);
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (426, Some("unsupported_protocol"))
    );
    assert_eq!(high_water(&t), before, "nothing was stored");

    // A pairing code works once.
    let code = b.merchant.pairing_code(&b.db);
    let _first = Till::pair(&b.server.url, &code, afternoon());
    let again = counterpart_engine::sync::pair(
        &b.server.url,
        &PairRequest {
            protocol: PROTOCOL_VERSION,
            code,
            device: uuid::Uuid::now_v7(),
            name: "Thief".into(),
            shop: None,
            currency: None,
            proof: None,
        },
    );
    assert!(matches!(again, Err(SyncError::Server { ref code, .. }) if code == "pairing_code"));
    // A till counting in another currency is refused before the code is used
    // up: the same code then pairs a till that fits.
    let code = b.merchant.pairing_code(&b.db);
    let euros = counterpart_engine::sync::pair(
        &b.server.url,
        &PairRequest {
            protocol: PROTOCOL_VERSION,
            code: code.clone(),
            device: uuid::Uuid::now_v7(),
            name: "Euro till".into(),
            shop: None,
            currency: Some("EUR".into()),
            proof: None,
        },
    );
    assert!(
        matches!(euros, Err(SyncError::Server { ref code, ref message, .. }) if code == "shop_mismatch" && message.contains("EUR")),
        "{euros:?}"
    );
    let _fits = Till::pair(&b.server.url, &code, afternoon());
    // A revoked till is refused from then on.
    let device = t.store.device().expect("device").to_string();
    b.db.admin(&["devices", "revoke", &device]);
    let err = t.sync().expect_err("revoked");
    assert!(err.is_permanent(), "{err}");
    // A new pairing code does not undo the revocation, even with the till's
    // own signature.
    let code = b.merchant.pairing_code(&b.db);
    let back = counterpart_engine::sync::pair(
        &b.server.url,
        &PairRequest {
            protocol: PROTOCOL_VERSION,
            proof: Some(t.store.pairing_proof(&code).expect("proof")),
            code,
            device: t.store.device().expect("device"),
            name: "Back again".into(),
            shop: Some(t.store.shop().expect("shop").to_string()),
            currency: None,
        },
    );
    assert!(
        matches!(back, Err(SyncError::Server { ref code, .. }) if code == "forbidden"),
        "{back:?}"
    );
    assert!(t.sync().is_err(), "still revoked");
}

fn merchants_cannot_see_or_write_each_other(backend: Backend) {
    let b = Bench::new(backend);
    let other = Merchant::create(&b.db, "Other Bakery");
    let ta = b.till(afternoon());
    publish_points(&ta);
    let anna = ta.enrol("Anna");
    ta.visit(anna, 10_00);
    ta.sync().expect("sync a");
    let tb = Till::pair(&b.server.url, &other.pairing_code(&b.db), afternoon());
    tb.sync().expect("sync b");
    // B sees only its own till's key, nothing of A.
    let seen = tb.store.events().expect("events");
    assert_eq!(seen.len(), 1);
    assert!(matches!(seen[0].body, EventBody::TillKeyAdded { .. }));
    assert!(tb.store.program().expect("program").is_none());
    // B's token cannot push A's events.
    let theirs = ta.store.events().expect("events");
    match tb.client().push(&theirs[..2]) {
        Err(SyncError::Server { status, code, .. }) => {
            assert_eq!((status, code.as_str()), (403, "forbidden"))
        }
        other => panic!("expected forbidden, got {other:?}"),
    }
    // A's card is not B's: B's till cannot verify a card of another shop.
    let code = ta.store.customer(anna).expect("anna").record.card_codes[0]
        .code
        .clone()
        .expect("code");
    assert!(tb.store.customer_by_code(&code).is_err());
    let before = high_water(&ta);
    ta.sync().expect("a again");
    assert_eq!(high_water(&ta), before);
}

fn a_forked_device_is_refused(backend: Backend) {
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.sync().expect("sync");
    // The till's database is copied (a restored backup, a cloned disk) and both
    // copies record on.
    let copy_dir = tempfile::tempdir().expect("dir");
    let copy_path = copy_dir.path().join("copy.db");
    t.store.backup(&copy_path).expect("copy");
    let copy = counterpart_engine::command::typed::Typed::new(
        counterpart_engine::Store::open(&copy_path, t.clock.clone()).expect("open copy"),
    );
    t.visit(anna, 5_00);
    t.sync().expect("the original goes first");
    copy.record_visit(
        anna,
        counterpart_engine::rules::VisitInput {
            amount: 9_00,
            items: Vec::new(),
            coupon: None,
        },
        None,
    )
    .expect("the copy records");
    let before = high_water(&t);
    let err = counterpart_engine::sync::sync_once(&copy, &t.client(), |_| {}).expect_err("forked");
    assert!(err.is_forked() && err.is_permanent(), "{err}");
    assert_eq!(high_water(&t), before, "nothing of the copy stored");
    // The same event id with other content, sent raw.
    let mut altered: Event = t
        .store
        .events()
        .expect("events")
        .into_iter()
        .last()
        .expect("last");
    if let EventBody::Visit { amount, .. } = &mut altered.body {
        *amount += 1;
    }
    match t.client().push(&[altered]) {
        Err(SyncError::Server { status, code, .. }) => {
            assert_eq!((status, code.as_str()), (409, "forked"))
        }
        other => panic!("expected forked, got {other:?}"),
    }
    // The original till is unaffected.
    t.visit(anna, 1_00);
    t.sync().expect("original syncs on");
    // Another till sends, as its own next event, one under an id the server
    // holds already: refused as forked, in words that do not show the server's
    // tables or constraints (the database's own text went to the client).
    let other = b.till(afternoon());
    other.sync().expect("the new till hears of the program");
    other.enrol("Bo");
    let me = other.store.device().expect("device");
    let mut mine: Vec<Event> = other
        .store
        .events()
        .expect("events")
        .into_iter()
        .filter(|e| e.device == me)
        .collect();
    let taken = t.store.events().expect("events")[0].id;
    if let Some(last) = mine.last_mut() {
        last.id = taken;
    }
    other.resign(&mut mine);
    match other.client().push(&mine) {
        Err(SyncError::Server {
            status,
            code,
            message,
            ..
        }) => {
            assert_eq!((status, code.as_str()), (409, "forked"), "{message}");
            let lower = message.to_lowercase();
            for word in ["unique", "constraint", "duplicate key", "events."] {
                assert!(!lower.contains(word), "{word} in {message}");
            }
        }
        other => panic!("expected forked, got {other:?}"),
    }
}

fn an_event_breaking_a_rule_is_parked_and_the_queue_goes_on(backend: Backend) {
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.visit(anna, 5_00);
    t.visit(anna, 6_00);
    let mut batch = t.store.outbox_batch(10).expect("outbox");
    // A visit in a currency the location does not count in: refused, parked.
    if let EventBody::Visit { currency, .. } = &mut batch[3].body {
        *currency = "EUR".into();
    }
    t.resign(&mut batch);
    let answer = t.client().push(&batch).expect("push");
    let statuses: Vec<AckStatus> = answer.acks.iter().map(|a| a.status).collect();
    let expected: Vec<AckStatus> = (0..batch.len())
        .map(|i| match i == 3 {
            true => AckStatus::Rejected,
            false => AckStatus::Accepted,
        })
        .collect();
    assert_eq!(statuses, expected);
    assert!(answer.acks[3]
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("EUR")));
    let report = t.store.acknowledge(&answer.acks).expect("acknowledge");
    assert_eq!((report.accepted, report.parked), (batch.len() - 1, 1));
    let parked = t.store.parked().expect("parked");
    assert_eq!(parked.len(), 1);
    assert!(
        parked.iter().any(|p| p.reason.contains("EUR")),
        "{parked:?}"
    );
    // The queue goes on past it.
    t.visit(anna, 7_00);
    let round = t.sync().expect("sync");
    assert_eq!(round.pushed, 1);
    // Sending the refused one again gets the same answer, never a fork.
    let again = t.client().push(&batch[3..4]).expect("again");
    assert_eq!(again.acks[0].status, AckStatus::Rejected);

    // A till key announced under another key's id: refused, so no till
    // learns it (a till whose stream ends here: the event is not in its store).
    let t2 = b.till(afternoon());
    t2.sync().expect("its key is on the server");
    let key = t2
        .events_of("till_key_added")
        .into_iter()
        .find(|e| e.device == t2.store.device().expect("device"))
        .expect("its key");
    let mut second = key.clone();
    second.id = counterpart_engine::ids::new_v7(afternoon());
    second.device_seq = next_seq(&t2);
    if let EventBody::TillKeyAdded { key_id, .. } = &mut second.body {
        *key_id = "00000000".into();
    }
    t2.resign(std::slice::from_mut(&mut second));
    let answer = t2.client().push(&[second]).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    assert!(
        answer.acks[0]
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("key id")),
        "{:?}",
        answer.acks[0]
    );
}

fn a_hand_made_void_naming_another_customer_is_refused(backend: Backend) {
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    let bob = t.enrol("Bob");
    t.visit(anna, 10_000);
    t.sync().expect("the visit is on the server");
    let visit = t.events_of("visit").pop().expect("the visit");
    t.store
        .void(visit.id, "wrong customer", None)
        .expect("void");
    // The void as no till writes it: naming Bob, while its target is Anna's.
    let mut batch = t.store.outbox_batch(10).expect("outbox");
    assert_eq!(batch.len(), 1);
    if let EventBody::Voided { customer, .. } = &mut batch[0].body {
        *customer = bob;
    }
    t.resign(&mut batch);
    let answer = t.client().push(&batch).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    assert!(
        answer.acks[0]
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("its target belongs to another")),
        "{:?}",
        answer.acks[0]
    );
    t.store.acknowledge(&answer.acks).expect("acknowledge");
    // Anna spends what she has left; nobody's balance moved on the server.
    t.visit(anna, 50_00);
    t.store.redeem(anna, "pastry", None).expect("a pastry");
    settle(&[&t]);
    assert_eq!(t.conflicts(anna), 0, "no false overdraw flag");
    assert_eq!(t.conflicts(bob), 0);
    // Too many deltas in one event: refused, parked, the rest goes on.
    t.store
        .adjust(
            anna,
            counterpart_engine::ledger::Account::Points,
            5,
            "goodwill",
            None,
        )
        .expect("adjust");
    let mut batch = t.store.outbox_batch(10).expect("outbox");
    if let EventBody::Adjusted { deltas, .. } = &mut batch[0].body {
        let one = deltas[0].clone();
        deltas.resize(1001, one);
    }
    t.resign(&mut batch);
    let answer = t.client().push(&batch).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    assert!(answer.acks[0]
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("deltas")));
}

/// Rows of one query on the server's database: the first column, as text.
fn server_rows(db: &ServerDb, sql: &str) -> Vec<String> {
    use sqlx::Row;
    db.query(sql, |r| r.get::<String, _>(0))
}

fn nothing_of_an_erased_customer_survives_on_the_server(backend: Backend) {
    use counterpart_engine::ledger::{Account, Delta, Profile};
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let name = "Wilhelmina Quaxley";
    let profile = Profile {
        name: Some(name.into()),
        phone: Some("+48600987654".into()),
        ..Default::default()
    };
    let her = t.enrol(name);
    t.store
        .update_profile(her, profile.clone(), None)
        .expect("profile");
    t.sync().expect("sync");
    // An event the server refuses keeps its raw body: here an enrolment of
    // hers with a delta no till writes.
    t.store
        .update_profile(her, profile.clone(), None)
        .expect("another profile change");
    let mut batch = t.store.outbox_batch(10).expect("outbox");
    batch[0].body = EventBody::Enrolled {
        customer: her,
        card: counterpart_engine::ledger::CardId(uuid::Uuid::from_u128(99)),
        code: None,
        profile: Some(profile),
        deltas: vec![Delta {
            account: Account::Points,
            amount: counterpart_engine::ledger::MAX_DELTA + 1,
            rule: "points".into(),
            why: "too many".into(),
            message: None,
        }],
    };
    t.resign(&mut batch);
    let answer = t.client().push(&batch).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    t.store.acknowledge(&answer.acks).expect("acknowledge");
    let raw = |db: &ServerDb| server_rows(db, "SELECT body FROM rejected_events");
    assert!(raw(&b.db).iter().any(|body| body.contains(name)));
    // She asks to be forgotten.
    t.store.erase(her, None).expect("erase");
    t.sync().expect("sync");
    assert!(
        raw(&b.db).iter().all(|body| !body.contains(name)),
        "a refused event's raw body kept her name"
    );
    let bodies = server_rows(&b.db, "SELECT body FROM events");
    assert!(bodies.iter().all(|body| !body.contains(name)));
    // A refused event naming her that arrives after the erasure (from a till
    // that was offline) keeps nothing of her either.
    let other = t.enrol("Someone Else");
    t.visit(other, 2_00);
    let mut late = t.store.outbox_batch(10).expect("outbox");
    late.truncate(1);
    late[0].body = EventBody::Enrolled {
        customer: her,
        card: counterpart_engine::ledger::CardId(uuid::Uuid::from_u128(98)),
        code: None,
        profile: Some(Profile {
            name: Some(name.into()),
            ..Default::default()
        }),
        deltas: vec![Delta {
            account: Account::Points,
            amount: counterpart_engine::ledger::MAX_DELTA + 1,
            rule: "points".into(),
            why: "too many".into(),
            message: None,
        }],
    };
    t.resign(&mut late);
    let answer = t.client().push(&late).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    assert!(
        raw(&b.db).iter().all(|body| !body.contains(name)),
        "a refused event arriving after the erasure kept her name"
    );
    // And on SQLite, not in the files either: the database and its WAL.
    if let Some(path) = b.db.url.strip_prefix("sqlite:") {
        let db = std::path::PathBuf::from(path);
        let mut wal = db.clone().into_os_string();
        wal.push("-wal");
        for file in [db, wal.into()] {
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            assert!(
                !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
                "her name is still in {}",
                file.display()
            );
        }
    }
}

/// Files that hold `mark`: a SQLite database and its WAL at `db`.
fn files_holding(db: &std::path::Path, mark: &str) -> Vec<String> {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    [db.to_path_buf(), wal.into()]
        .into_iter()
        .filter(|file| {
            std::fs::read(file)
                .map(|bytes| bytes.windows(mark.len()).any(|w| w == mark.as_bytes()))
                .unwrap_or(false)
        })
        .map(|file| file.display().to_string())
        .collect()
}

/// Erasure erases the person, on every till and on the server: after "merge A
/// into B", erasing A (the record merged away, refused before) takes B too;
/// and a merge made on an offline till, arriving after the erasure of the
/// record it joins, brings its other record under that erasure. Nothing of
/// any of them stays in the server's rows, the tills' files or the server's
/// SQLite files.
fn a_persons_merged_records_are_erased_with_them_everywhere(backend: Backend) {
    let b = Bench::new(backend);
    let t1 = b.till(afternoon());
    let t2 = b.till(afternoon());
    publish_points(&t1);
    let mark = "Philippa";
    let a = t1.enrol("Philippa Firstcard");
    let bb = t1.enrol("Philippa Secondcard");
    let c = t1.enrol("Philippa Thirdcard");
    t1.visit(a, 3_00);
    t1.sync().expect("t1");
    t2.sync().expect("t2 hears of them");
    // Offline, t2 enrols her once more and merges that record into c.
    let d = t2.enrol("Philippa Fourthcard");
    t2.store.merge(d, c, None).expect("t2 merges d into c");
    // Meanwhile t1 merges a into b and erases a, the record merged away; and
    // erases c, not knowing of d.
    t1.store.merge(a, bb, None).expect("merge a into b");
    t1.store
        .erase(a, None)
        .expect("the merged-away record may be named");
    t1.store.erase(c, None).expect("erase c");
    t1.sync().expect("t1 pushes the erasures");
    t2.sync()
        .expect("t2 pushes its merge and pulls the erasures");
    t1.sync().expect("t1 pulls t2's merge");
    t2.sync().expect("settled");
    for till in [&t1, &t2] {
        assert!(till
            .store
            .find_customers(mark, 10)
            .expect("find")
            .is_empty());
        let files = files_holding(&till.dir.path().join("till.db"), mark);
        assert!(files.is_empty(), "{files:?}");
    }
    let bodies = server_rows(&b.db, "SELECT body FROM events");
    let kept: Vec<&String> = bodies.iter().filter(|body| body.contains(mark)).collect();
    assert!(kept.is_empty(), "{kept:?}");
    if let Some(path) = b.db.url.strip_prefix("sqlite:") {
        let files = files_holding(std::path::Path::new(path), mark);
        assert!(files.is_empty(), "{files:?}");
    }
}

/// Hand-made events of a thousand deltas each add up past ±2^53: the one that
/// would pass it is refused, so every sum stays exact.
fn no_balance_passes_its_bound_on_the_server(backend: Backend) {
    use counterpart_engine::ledger::{Account, Delta, MAX_BALANCE};
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.sync().expect("sync");
    for _ in 0..10 {
        t.store
            .adjust(anna, Account::Points, 1, "to be rewritten", None)
            .expect("adjust");
    }
    let mut batch = t.store.outbox_batch(20).expect("outbox");
    assert_eq!(batch.len(), 10);
    for e in &mut batch {
        if let EventBody::Adjusted { deltas, .. } = &mut e.body {
            *deltas = vec![
                Delta {
                    account: Account::Points,
                    amount: 1_000_000_000_000,
                    rule: "adjustment".into(),
                    why: "hand-made".into(),
                    message: None,
                };
                1000
            ];
        }
    }
    t.resign(&mut batch);
    let answer = t.client().push(&batch).expect("push");
    let statuses: Vec<AckStatus> = answer.acks.iter().map(|a| a.status).collect();
    assert_eq!(&statuses[..9], &[AckStatus::Accepted; 9]);
    assert_eq!(statuses[9], AckStatus::Rejected);
    assert!(
        answer.acks[9]
            .reason
            .as_deref()
            .is_some_and(|r| r.contains(&format!("past ±{MAX_BALANCE}"))),
        "{:?}",
        answer.acks[9]
    );
    // A till learning the shop holds the nine, exactly.
    let t2 = b.till(afternoon());
    t2.sync().expect("sync");
    assert_eq!(t2.points(anna), 20 + 9_000_000_000_000_000);
}

/// Device ids are in every pulled event: one holding a pairing code could
/// pair under a live till's id, take over its stream and lock it out. Pairing
/// again under a known id needs that till's own signature, bound to the code.
fn a_pairing_code_cannot_take_over_a_live_till(backend: Backend) {
    let b = Bench::new(backend);
    let victim = b.till(afternoon());
    publish_points(&victim);
    victim.sync().expect("its key is announced");
    let attacker = b.till(afternoon());
    attacker.sync().expect("sync");
    let device = attacker
        .store
        .events()
        .expect("events")
        .iter()
        .find(|e| {
            e.body.kind() == "till_key_added" && e.device != attacker.store.device().expect("own")
        })
        .expect("the victim's key event")
        .device;
    assert_eq!(device, victim.store.device().expect("device"));
    let request = |code: String, proof: Option<String>| PairRequest {
        protocol: PROTOCOL_VERSION,
        code,
        device,
        name: "Till 1".into(),
        shop: None,
        currency: None,
        proof,
    };
    let refused = |r: Result<_, SyncError>| {
        assert!(
            matches!(&r, Err(SyncError::Server { code, message, .. }) if code == "forbidden" && message.contains("signature")),
            "{r:?}"
        )
    };
    // No proof; a proof from another till's key; the victim's proof for
    // another code (a replay).
    let code = b.merchant.pairing_code(&b.db);
    refused(counterpart_engine::sync::pair(
        &b.server.url,
        &request(code.clone(), None),
    ));
    let forged = attacker.store.pairing_proof(&code).expect("proof");
    refused(counterpart_engine::sync::pair(
        &b.server.url,
        &request(code.clone(), Some(forged)),
    ));
    let old = victim
        .store
        .pairing_proof(&b.merchant.pairing_code(&b.db))
        .expect("proof");
    refused(counterpart_engine::sync::pair(
        &b.server.url,
        &request(code.clone(), Some(old)),
    ));
    // The victim was never locked out, and the code was not used up.
    victim.sync().expect("still the victim's stream");
    // The till itself pairs again (a lost token) with its own proof.
    let proof = victim.store.pairing_proof(&code).expect("proof");
    let again = counterpart_engine::sync::pair(&b.server.url, &request(code, Some(proof)))
        .expect("its own signature");
    assert!(again.token.starts_with("cpt_"));
}

/// Pairing attempts from one address are limited: after the burst, 429 with
/// the wait, before any code is looked at.
#[test]
fn pairing_attempts_are_rate_limited() {
    let db = ServerDb::new(Backend::Sqlite);
    let _merchant = Merchant::create(&db, "Corner Café");
    let (mut child, url) =
        spawn_server(&db, "127.0.0.1:0", &["--pair-burst".as_ref(), "3".as_ref()]);
    let attempt = || {
        let body = serde_json::json!({
            "protocol": PROTOCOL_VERSION,
            "code": "AAAA-AAAA-AAAA",
            "device": uuid::Uuid::now_v7(),
            "name": "Guess",
        });
        match ureq::post(&format!("{url}/v1/pair")).send_json(body) {
            Ok(r) => (r.status(), None, String::new()),
            Err(ureq::Error::Status(status, r)) => {
                let retry = r.header("retry-after").map(str::to_string);
                let body = r.into_string().unwrap_or_default();
                (status, retry, body)
            }
            Err(e) => panic!("{e}"),
        }
    };
    for _ in 0..3 {
        let (status, _, body) = attempt();
        assert_eq!(status, 403, "a wrong code: {body}");
    }
    let (status, retry, body) = attempt();
    assert_eq!(status, 429, "{body}");
    assert!(body.contains("rate_limited"), "{body}");
    assert!(retry.is_some_and(|s| s.parse::<u64>().is_ok_and(|n| (1..=2).contains(&n))));
    let _ = child.kill();
    let _ = child.wait();
}

/// Event number `seq` of `till`'s stream as someone holding only its token
/// would write it: signed with `key` when given (a key that is not the till's).
fn forged(
    till: &Till,
    seq: i64,
    body: EventBody,
    key: Option<&ed25519_dalek::SigningKey>,
) -> Event {
    let mut event = Event {
        id: counterpart_engine::ids::new_v7(afternoon()),
        device: till.store.device().expect("device"),
        device_seq: seq,
        seen_server_seq: 0,
        device_time: afternoon(),
        staff: None,
        body,
        author_sig: None,
        sig: None,
    };
    if let Some(key) = key {
        event.sign(key);
    }
    event
}

/// The next number in `till`'s own stream.
fn next_seq(till: &Till) -> i64 {
    let me = till.store.device().expect("device");
    1 + till
        .store
        .events()
        .expect("events")
        .iter()
        .filter(|e| e.device == me)
        .map(|e| e.device_seq)
        .max()
        .unwrap_or(0)
}

/// A device token alone (copied from a backup, seen on the wire) is not the
/// till: whatever is pushed under it without the till's key is refused, so no
/// till ever applies a forged manager, a billion points or a second key.
fn a_device_token_alone_writes_nothing(backend: Backend) {
    use counterpart_engine::ledger::{Account, Delta, Role};
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.visit(anna, 5_00);
    t.sync().expect("sync");
    let before = t.points(anna);
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[42; 32]);
    let billion = EventBody::Visit {
        customer: anna,
        amount: 1_00,
        currency: "USD".into(),
        items: Vec::new(),
        coupon: None,
        business_date: afternoon().date_naive(),
        deltas: vec![Delta {
            account: Account::Points,
            amount: 1_000_000_000,
            rule: "earn".into(),
            why: "forged".into(),
            message: None,
        }],
        program_version: None,
    };
    let manager = EventBody::StaffAdded {
        staff: counterpart_engine::ids::new_v7(afternoon()),
        name: "Mallory".into(),
        role: Role::Manager,
        pin_hash: counterpart_engine::staff::hash_pin("135790").expect("hash"),
        public_key: None,
    };
    let public = stranger.verifying_key();
    let second_key = EventBody::TillKeyAdded {
        device: t.store.device().expect("device"),
        key_id: counterpart_engine::card_code::KeyId::of(&public).to_string(),
        public_key: data_encoding::HEXLOWER.encode(public.as_bytes()),
    };
    let seq = next_seq(&t);
    let batch = vec![
        forged(&t, seq, billion.clone(), None),
        forged(&t, seq + 1, manager.clone(), None),
        forged(&t, seq + 2, billion, Some(&stranger)),
        forged(&t, seq + 3, manager, Some(&stranger)),
        forged(&t, seq + 4, second_key, Some(&stranger)),
    ];
    let answer = t.client().push(&batch).expect("push");
    let reasons: Vec<String> = answer
        .acks
        .iter()
        .map(|a| {
            assert_eq!(a.status, AckStatus::Rejected, "{a:?}");
            a.reason.clone().unwrap_or_default()
        })
        .collect();
    assert!(reasons[0].contains("no signature"), "{reasons:?}");
    assert!(reasons[1].contains("no signature"), "{reasons:?}");
    assert!(reasons[2].contains("does not verify"), "{reasons:?}");
    assert!(reasons[3].contains("does not verify"), "{reasons:?}");
    assert!(reasons[4].contains("once"), "{reasons:?}");
    // Nothing of it reaches another till.
    let other = b.till(afternoon());
    other.sync().expect("sync");
    assert_eq!(other.points(anna), before);
    assert!(other.events_of("staff_added").is_empty());
    assert_eq!(
        other.events_of("till_key_added").len(),
        2,
        "one key per till"
    );
}

/// Tills paired before events were signed: the server takes their unsigned
/// events (what they wrote stays valid) until their first signed one, and
/// none after it.
fn tills_paired_before_signing_keep_syncing_until_they_sign(backend: Backend) {
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    // What the server's migration leaves for a till paired before: no
    // signing yet.
    b.db.query("UPDATE devices SET signs_from = NULL", |_| ());
    let mut old = t.store.outbox_batch(100).expect("outbox");
    for e in &mut old {
        e.sig = None;
    }
    let answer = t.client().push(&old).expect("push");
    assert!(
        answer.acks.iter().all(|a| a.status == AckStatus::Accepted),
        "{:?}",
        answer.acks
    );
    t.store.acknowledge(&answer.acks).expect("acknowledge");
    // The till, updated, signs: from then on an unsigned event is not its own.
    t.visit(anna, 5_00);
    t.sync().expect("a signed push");
    let seq = next_seq(&t);
    let e = EventBody::Adjusted {
        customer: anna,
        reason: "forged".into(),
        deltas: Vec::new(),
    };
    let answer = t.client().push(&[forged(&t, seq, e, None)]).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    assert!(
        answer.acks[0]
            .reason
            .as_deref()
            .is_some_and(|r| r.contains(&format!("since its number {}", seq - 1))),
        "{:?}",
        answer.acks[0]
    );
    // Another till takes in both: the old unsigned events and the signed one.
    let other = b.till(afternoon());
    other.sync().expect("sync");
    assert_eq!(other.points(anna), t.points(anna));
    assert!(other.store.held().expect("held").is_empty());
}

/// Whoever holds a till's whole database (its token and its own key: a stolen
/// till, a copied backup) holds nobody's PIN: a manager's action in the
/// manager's name needs her signature, a barista's PIN makes no manager,
/// nobody's name does nothing once the till knew the staff, a copy from before
/// staff signed cannot write names unsigned, and a till newly paired with a
/// pairing code cannot pass a manager's action off as the shop's set-up.
/// Nothing of it reaches another till.
fn a_tills_whole_database_makes_no_manager(backend: Backend) {
    use counterpart_engine::command::{AddStaff, Commands, Pin, SignIn};
    use counterpart_engine::ledger::{Role, StaffId};
    use counterpart_engine::staff::{hash_pin, staff_key};
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let open = Commands::over(t.store.store().clone());
    let ana = open
        .add_staff(&AddStaff {
            name: "Ana".into(),
            role: Role::Manager,
            pin: Pin("246810".into()),
        })
        .expect("Ana")
        .id;
    let as_ana = open
        .sign_in(&SignIn {
            staff: "Ana".into(),
            pin: Pin("246810".into()),
        })
        .expect("Ana signs in");
    let ben = as_ana
        .add_staff(&AddStaff {
            name: "Ben".into(),
            role: Role::Barista,
            pin: Pin("1357".into()),
        })
        .expect("Ben")
        .id;
    t.sync().expect("sync");
    let high = t.client().push(&[]).expect("high water").high_water;
    let mallory = || EventBody::StaffAdded {
        staff: counterpart_engine::ids::new_v7(afternoon()),
        name: "Mallory".into(),
        role: Role::Manager,
        pin_hash: hash_pin("999999").expect("hash"),
        public_key: None,
    };
    let program = EventBody::ProgramPublished {
        version: 9,
        name: "Free money".into(),
        source: example("points-cafe.toml"),
    };
    let bens = staff_key("1357", ben).expect("key");
    let guessed = staff_key("111111", ana).expect("key");
    let seq = next_seq(&t);
    let by_till = |n: i64,
                   seen: i64,
                   author: Option<StaffId>,
                   key: Option<&ed25519_dalek::SigningKey>,
                   body: EventBody| {
        let mut e = forged(&t, seq + n, body, None);
        e.seen_server_seq = seen;
        e.staff = author.map(|a| a.to_string());
        if let Some(key) = key {
            e.sign_as_author(key);
        }
        t.store
            .sign_as_this_till(&mut e)
            .expect("signed by the till");
        e
    };
    let mut old_way = by_till(5, high, Some(ana), None, mallory());
    t.store
        .sign_as_this_till_before_staff_signed(&mut old_way)
        .expect("signed the old way");
    let batch = vec![
        by_till(0, high, Some(ana), None, mallory()),
        by_till(1, high, Some(ana), Some(&guessed), mallory()),
        by_till(2, high, Some(ben), Some(&bens), mallory()),
        by_till(3, high, Some(ben), Some(&bens), program),
        by_till(4, 0, None, None, mallory()),
        old_way,
    ];
    let expected = [
        "not signed by Ana",
        "not signed by Ana",
        "Ben is a barista",
        "Ben is a barista",
        "names nobody",
        "staff do not sign",
    ];
    let answer = t.client().push(&batch).expect("push");
    for (ack, why) in answer.acks.iter().zip(expected) {
        assert_eq!(ack.status, AckStatus::Rejected, "{why}: {ack:?}");
        let reason = ack.reason.clone().unwrap_or_default();
        assert!(reason.contains(why), "{why}: {reason}");
    }

    // A till paired with a pairing code writes a manager "before anyone was
    // on the staff": the server had numbered the staff before it.
    let newcomer = b.till(afternoon());
    newcomer.sync().expect("sync");
    let mut set_up = forged(&newcomer, next_seq(&newcomer), mallory(), None);
    newcomer
        .store
        .sign_as_this_till(&mut set_up)
        .expect("signed");
    let answer = newcomer.client().push(&[set_up]).expect("push");
    assert_eq!(answer.acks[0].status, AckStatus::Rejected);
    let reason = answer.acks[0].reason.clone().unwrap_or_default();
    assert!(reason.contains("manager's action by nobody"), "{reason}");

    // Nothing of it reaches another till.
    let other = b.till(afternoon());
    other.sync().expect("sync");
    let mut names: Vec<String> = Commands::over(other.store.store().clone())
        .staff()
        .expect("staff")
        .staff
        .into_iter()
        .map(|m| m.name)
        .collect();
    names.sort();
    assert_eq!(names, ["Ana", "Ben"]);
    assert!(other.store.held().expect("held").is_empty());
}

/// Nor can a till's whole database push more than its program gives: a
/// visit's deltas are bounded by what the program version it cites could give
/// for its amount and items (the highest tier, every multiplier and offer at
/// once), and a till whose staff sign must cite one.
fn a_tills_whole_database_cannot_push_a_billion_points(backend: Backend) {
    use counterpart_engine::ledger::{Account, Delta};
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.visit(anna, 5_00);
    t.sync().expect("sync");
    let before = t.points(anna);
    let version = t
        .store
        .store()
        .program()
        .expect("program")
        .expect("published")
        .version;
    let high = t.client().push(&[]).expect("high water").high_water;
    let visit = |points: i64, cites: Option<u32>| EventBody::Visit {
        customer: anna,
        amount: 1_00,
        currency: "USD".into(),
        items: Vec::new(),
        coupon: None,
        business_date: afternoon().date_naive(),
        deltas: vec![Delta {
            account: Account::Points,
            amount: points,
            rule: "points".into(),
            why: "forged".into(),
            message: None,
        }],
        program_version: cites,
    };
    let seq = next_seq(&t);
    let mut batch = vec![
        forged(&t, seq, visit(1_000_000_000, Some(version)), None),
        forged(&t, seq + 1, visit(1_000_000_000, None), None),
        forged(&t, seq + 2, visit(1, Some(version + 40)), None),
        forged(&t, seq + 3, visit(1, Some(version)), None),
    ];
    for e in &mut batch {
        e.seen_server_seq = high;
        t.store.sign_as_this_till(e).expect("signed by the till");
    }
    let answer = t.client().push(&batch).expect("push");
    let reasons: Vec<String> = answer
        .acks
        .iter()
        .map(|a| a.reason.clone().unwrap_or_default())
        .collect();
    assert!(reasons[0].contains("gives at most"), "{reasons:?}");
    assert!(reasons[1].contains("does not cite"), "{reasons:?}");
    assert!(reasons[2].contains("never published"), "{reasons:?}");
    assert_eq!(answer.acks[3].status, AckStatus::Accepted, "{reasons:?}");
    let other = b.till(afternoon());
    other.sync().expect("sync");
    assert_eq!(other.points(anna), before + 1);
    assert!(other.store.held().expect("held").is_empty());
}

/// A till revoked while it held visits it had not pushed (taken for lost, then
/// found) is not a dead end: the manager makes a pairing code for that till,
/// the till pairs again with it under its own id (its signature still
/// needed), and pushes what it kept. An ordinary code does not let it back,
/// and a code made for it does not let another device in.
fn a_revoked_till_comes_back_with_a_code_made_for_it_and_pushes_what_it_kept(backend: Backend) {
    use counterpart_engine::command::{Commands, PairTill};
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.sync().expect("sync");
    // Two visits the server never heard of, then the revocation.
    t.visit(anna, 5_00);
    t.visit(anna, 7_00);
    let device = t.store.device().expect("device").to_string();
    b.db.admin(&["devices", "revoke", &device]);
    assert!(t.sync().expect_err("revoked").is_permanent());
    let at_t = Commands::over(t.store.store().clone());
    let pair_again = |code: String| {
        at_t.pair(&PairTill {
            code,
            server: Some(b.server.url.clone()),
            name: "Till 1, found".into(),
        })
    };
    // An ordinary code does not undo the revocation.
    let e = pair_again(b.merchant.pairing_code(&b.db)).expect_err("still revoked");
    assert!(e.to_string().contains("readmit"), "{e}");
    // A code for another till cannot be made, nor used by this one.
    let made = |device: &str| {
        std::process::Command::new(BIN)
            .args([
                "--db",
                &b.db.url,
                "--json",
                "pairing-code",
                "--merchant",
                &b.merchant.id,
                "--readmit",
                device,
            ])
            .output()
            .expect("run")
    };
    let live = b.till(afternoon());
    assert!(
        !made(&live.store.device().expect("device").to_string())
            .status
            .success(),
        "a live till is not readmitted"
    );
    // The code made for it: the till is back, and its visits reach the others.
    let code = b.db.admin(&[
        "pairing-code",
        "--merchant",
        &b.merchant.id,
        "--readmit",
        &device,
    ])["code"]
        .as_str()
        .expect("code")
        .to_string();
    pair_again(code).expect("back in");
    t.sync().expect("pushes what it kept");
    live.sync().expect("sync");
    assert_eq!(live.points(anna), t.points(anna));
    assert!(live.points(anna) > 0);
}

/// A till an older version paired over plain http:// with another machine
/// (before tills refused that) would send its token across the shop's Wi-Fi
/// on every round. Now each round stops at `sync.insecure_server` before
/// anything is sent, says what to do, and keeps the visits; pairing again
/// with the server's own address is allowed from there (it would be refused
/// from a secure one), and the till then pushes what it kept.
fn a_till_paired_over_plain_http_sends_nothing_until_paired_again(backend: Backend) {
    use counterpart_engine::command::{Commands, PairTill};
    use counterpart_engine::error::ErrorCode;
    use counterpart_engine::store::SyncConfig;
    use counterpart_engine::sync::Client;
    let b = Bench::new(backend);
    let t = b.till(afternoon());
    publish_points(&t);
    let anna = t.enrol("Anna");
    t.sync().expect("sync");
    // The pairing as an older till kept it: a LAN address over plain http
    // (192.0.2.10 is TEST-NET-1: nothing there answers, so an attempt to
    // send would end as `sync.offline`, not as the refusal).
    let kept = t.store.sync_config().expect("config").expect("paired");
    let lan = "http://192.0.2.10:8780".to_string();
    t.store
        .record_pairing(
            t.store.device().expect("device"),
            &t.store.location().expect("location"),
            t.store.shop().expect("shop"),
            &SyncConfig {
                server: lan.clone(),
                ..kept.clone()
            },
        )
        .expect("the old pairing");
    t.visit(anna, 5_00);
    let at_t = Commands::over(t.store.store().clone());
    let e = at_t.sync_round(|_| {}).expect_err("refused");
    assert_eq!(e.error_code(), ErrorCode::SyncInsecure, "{e}");
    assert!(e.to_string().contains("https://"), "{e}");
    // The background loop's path: permanent, with advice, nothing sent.
    let e = counterpart_engine::sync::sync_once(&t.store, &Client::new(&lan, &kept.token), |_| {})
        .expect_err("refused");
    assert_eq!(e.error_code(), ErrorCode::SyncInsecure, "{e}");
    assert!(e.is_permanent());
    assert!(
        e.advice().is_some_and(|a| a.contains("pair it again")),
        "{e}"
    );
    assert_eq!(
        t.store.outbox_len().expect("outbox"),
        1,
        "the visit is kept"
    );
    // Paired again with the server's own address, it pushes what it kept.
    at_t.pair(&PairTill {
        code: b.merchant.pairing_code(&b.db),
        server: Some(b.server.url.clone()),
        name: "Till 1".into(),
    })
    .expect("paired again");
    at_t.sync_round(|_| {}).expect("pushes what it kept");
    let other = b.till(afternoon());
    other.sync().expect("sync");
    assert_eq!(other.points(anna), t.points(anna));
    assert!(other.points(anna) > 0);
}
