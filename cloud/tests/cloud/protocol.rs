//! Golden fixtures of the sync protocol's JSON: each message, byte for byte,
//! must still decode into the same value after any change (and re-encode to
//! the same bytes, so tills of different versions agree on content hashes).

use counterpart_engine::sync::protocol::{
    ErrorBody, PairRequest, PairResponse, PullResponse, PushRequest, PushResponse,
};
use serde::{de::DeserializeOwned, Serialize};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/protocol")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .trim_end()
        .to_string()
}

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(name: &str) -> T {
    let text = fixture(name);
    let value: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let again = serde_json::to_string(&value).expect("encode");
    assert_eq!(again, text, "{name} re-encodes byte for byte");
    value
}

#[test]
fn pair_messages_are_stable() {
    let req: PairRequest = round_trip("pair_request.json");
    assert_eq!(req.protocol, 1);
    assert_eq!(
        req.currency, None,
        "a till of an earlier version sends none"
    );
    // A till set up before pairing also names its currency.
    let req: PairRequest = round_trip("pair_request_set_up_before.json");
    assert_eq!(req.currency.as_deref(), Some("USD"));
    let resp: PairResponse = round_trip("pair_response.json");
    assert!(resp.token.starts_with("cpt_"));
}

#[test]
fn push_messages_are_stable() {
    let req: PushRequest = round_trip("push_request.json");
    assert_eq!(req.events.len(), 2);
    let resp: PushResponse = round_trip("push_response.json");
    assert_eq!(resp.acks.len(), 3);
}

#[test]
fn pull_and_error_messages_are_stable() {
    let resp: PullResponse = round_trip("pull_response.json");
    assert!(resp
        .events
        .iter()
        .any(|e| e.event.body.kind() == "overdrawn"));
    let err: ErrorBody = round_trip("error_gap.json");
    assert_eq!(err.error.expected_seq, Some(41));
}

/// Version 2: the same push from a till that signs (a fixed key here;
/// Ed25519 signatures are deterministic). `UPDATE_GOLDEN=1` writes the
/// fixture only when it is missing.
#[test]
fn signed_push_messages_are_stable() {
    let key = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
    let mut req: PushRequest = round_trip("push_request.json");
    req.protocol = 2;
    for e in &mut req.events {
        e.sign_unauthored(&key);
    }
    let json = serde_json::to_string(&req).expect("encode");
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/protocol/push_request_signed.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() && !path.exists() {
        std::fs::write(&path, format!("{json}\n")).expect("write fixture");
    }
    assert_eq!(json, fixture("push_request_signed.json"));
    let signed: PushRequest = round_trip("push_request_signed.json");
    assert_eq!(signed.protocol, 2);
    for e in &signed.events {
        assert!(e.signed_by(&key.verifying_key()), "{e:?}");
    }
}

/// Version 3: the same push from a till whose staff sign: each event names
/// its author, carries their signature (the key a fixed PIN derives), and
/// the till's made the version-3 way.
#[test]
fn authored_push_messages_are_stable() {
    use counterpart_engine::ledger::SignatureVersion;
    let till = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
    let staff = uuid::Uuid::from_u128(21);
    let author = counterpart_engine::staff::staff_key("1357", staff).expect("key");
    let mut req: PushRequest = round_trip("push_request.json");
    req.protocol = 3;
    for e in &mut req.events {
        e.staff = Some(staff.to_string());
        e.sign_as_author(&author);
        e.sign(&till);
    }
    let json = serde_json::to_string(&req).expect("encode");
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/protocol/push_request_authored.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() && !path.exists() {
        std::fs::write(&path, format!("{json}\n")).expect("write fixture");
    }
    assert_eq!(json, fixture("push_request_authored.json"));
    let authored: PushRequest = round_trip("push_request_authored.json");
    assert_eq!(authored.protocol, 3);
    for e in &authored.events {
        assert_eq!(
            e.signature_version(&till.verifying_key()),
            Some(SignatureVersion::Authored),
            "{e:?}"
        );
        assert!(e.authored_by(&author.verifying_key()), "{e:?}");
    }
}
