use super::*;
use crate::ledger::StaffId;
use crate::staff::{staff_key, staff_public_key_text};
use chrono::{TimeZone, Utc};
use ed25519_dalek::SigningKey;
use uuid::Uuid;

const ANA: u128 = 10;
const BEN: u128 = 11;
const ANA_PIN: &str = "246810";
const BEN_PIN: &str = "1357";

fn id(n: u128) -> StaffId {
    Uuid::from_u128(n)
}

fn key(n: u128, pin: &str) -> SigningKey {
    staff_key(pin, id(n)).expect("a key")
}

fn event(device: u128, seq: i64, seen: i64, staff: Option<u128>, body: EventBody) -> Event {
    Event {
        id: Uuid::from_u128((device << 64) | seq as u128),
        device: Uuid::from_u128(device),
        device_seq: seq,
        seen_server_seq: seen,
        device_time: Utc
            .with_ymd_and_hms(2026, 12, 8, 9, 0, 0)
            .single()
            .expect("time"),
        staff: staff.map(|s| id(s).to_string()),
        body,
        author_sig: None,
        sig: None,
    }
}

fn added(n: u128, name: &str, role: Role, pin: &str) -> EventBody {
    EventBody::StaffAdded {
        staff: id(n),
        name: name.into(),
        role,
        pin_hash: format!("hash-of-{name}"),
        public_key: Some(staff_public_key_text(&key(n, pin))),
    }
}

fn signed(mut e: Event, author: &SigningKey) -> Event {
    e.sign_as_author(author);
    e
}

fn visit() -> EventBody {
    EventBody::Visit {
        customer: Uuid::from_u128(99),
        amount: 450,
        currency: "EUR".into(),
        items: Vec::new(),
        coupon: None,
        business_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 8).expect("date"),
        deltas: Vec::new(),
        program_version: None,
    }
}

fn program() -> EventBody {
    EventBody::ProgramPublished {
        version: 2,
        name: "Free money".into(),
        source: String::new(),
    }
}

/// The shop of these tests, as the server numbered it: Ana, a manager, added
/// while it ran open (1); Ben, a barista, added by Ana (2).
fn shop() -> StaffHistory {
    StaffHistory::new(vec![
        (
            1,
            event(1, 1, 0, None, added(ANA, "Ana", Role::Manager, ANA_PIN)),
        ),
        (
            2,
            signed(
                event(
                    1,
                    2,
                    1,
                    Some(ANA),
                    added(BEN, "Ben", Role::Barista, BEN_PIN),
                ),
                &key(ANA, ANA_PIN),
            ),
        ),
    ])
}

/// The verdict on `e` were the server to number it next (10).
fn verdict(history: &StaffHistory, e: &Event) -> Option<String> {
    refusal(
        e,
        &history.seen_by(e, 10),
        &history.numbered_before(10),
        Some(SignatureVersion::Authored),
    )
}

#[test]
fn a_manager_signs_a_manager_action_and_nobody_else_can() {
    let h = shop();
    let new_manager = || {
        event(
            2,
            1,
            2,
            Some(ANA),
            added(12, "Eve", Role::Manager, "999999"),
        )
    };
    assert_eq!(
        verdict(&h, &signed(new_manager(), &key(ANA, ANA_PIN))),
        None
    );
    // A till's database holds no PIN: without Ana's, her name signs nothing.
    let unsigned = verdict(&h, &new_manager()).expect("refused");
    assert!(unsigned.contains("not signed by Ana"), "{unsigned}");
    let guessed = verdict(&h, &signed(new_manager(), &key(ANA, "111111"))).expect("refused");
    assert!(guessed.contains("not signed by Ana"), "{guessed}");
    // Changed after Ana signed it: the signature no longer holds.
    let mut changed = signed(new_manager(), &key(ANA, ANA_PIN));
    changed.body = added(12, "Eve", Role::Manager, "000000");
    assert!(verdict(&h, &changed).is_some());
}

#[test]
fn a_barista_cannot_make_a_manager_or_publish_a_program() {
    let h = shop();
    let ben = key(BEN, BEN_PIN);
    for body in [added(12, "Eve", Role::Manager, "999999"), program()] {
        let why = verdict(&h, &signed(event(2, 1, 2, Some(BEN), body), &ben)).expect("refused");
        assert!(why.contains("Ben is a barista"), "{why}");
    }
    // A visit is a barista's to record.
    assert_eq!(
        verdict(&h, &signed(event(2, 1, 2, Some(BEN), visit()), &ben)),
        None
    );
}

#[test]
fn nobody_may_act_once_the_till_knew_the_staff_nor_do_a_managers_work_later() {
    let h = shop();
    let why = verdict(&h, &event(2, 1, 2, None, visit())).expect("refused");
    assert!(why.contains("names nobody"), "{why}");
    // Claiming to have seen nothing does not make a manager's action nobody's.
    let why = verdict(&h, &event(2, 1, 0, None, program())).expect("refused");
    assert!(why.contains("manager's action by nobody"), "{why}");
    // A till that had not heard of the staff yet (offline since it opened)
    // still recorded its visits.
    assert_eq!(verdict(&h, &event(2, 1, 0, None, visit())), None);
    // And before anyone was on the staff, the shop's set-up was anyone's.
    let empty = StaffHistory::default();
    assert_eq!(verdict(&empty, &event(2, 1, 0, None, program())), None);
}

#[test]
fn what_a_till_knew_when_it_wrote_counts_not_what_happened_since() {
    let mut h = shop();
    // Ana removes Ben at another till (numbered 5).
    h.push(
        5,
        signed(
            event(
                1,
                3,
                2,
                Some(ANA),
                EventBody::StaffRemoved { staff: id(BEN) },
            ),
            &key(ANA, ANA_PIN),
        ),
    );
    let ben = key(BEN, BEN_PIN);
    // Ben's till had seen up to 2 when he recorded the visit: it stands.
    assert_eq!(
        verdict(&h, &signed(event(2, 1, 2, Some(BEN), visit()), &ben)),
        None
    );
    // Written after his till learnt of the removal: refused.
    let why = verdict(&h, &signed(event(2, 2, 5, Some(BEN), visit()), &ben)).expect("refused");
    assert!(why.contains("removed from the staff"), "{why}");
    // A name the till had never heard of is nobody's authority.
    let why = verdict(&h, &event(2, 3, 5, Some(77), visit())).expect("refused");
    assert!(why.contains("had not heard of"), "{why}");
}

#[test]
fn everyone_changes_their_own_pin_and_announces_only_their_own_key() {
    let h = StaffHistory::new(vec![
        (
            1,
            event(1, 1, 0, None, added(ANA, "Ana", Role::Manager, ANA_PIN)),
        ),
        // Ben was added before staff signed: no key yet.
        (
            2,
            event(
                1,
                2,
                1,
                Some(ANA),
                EventBody::StaffAdded {
                    staff: id(BEN),
                    name: "Ben".into(),
                    role: Role::Barista,
                    pin_hash: "hash-of-Ben".into(),
                    public_key: None,
                },
            ),
        ),
    ]);
    let ben = key(BEN, BEN_PIN);
    let announce = |who: u128, of: u128, k: &SigningKey| {
        signed(
            event(
                2,
                1,
                2,
                Some(who),
                EventBody::StaffKeySet {
                    staff: id(of),
                    public_key: staff_public_key_text(k),
                },
            ),
            k,
        )
    };
    assert_eq!(verdict(&h, &announce(BEN, BEN, &ben)), None);
    // Signed with a key other than the one announced: not Ben's doing.
    let mut other = announce(BEN, BEN, &ben);
    other.sign_as_author(&key(BEN, "0000"));
    assert!(verdict(&h, &other).is_some());
    // Ana may manage Ben, not announce his key.
    let why = verdict(&h, &announce(ANA, BEN, &ben)).expect("refused");
    assert!(why.contains("someone else's key"), "{why}");
    // Before announcing, Ben's name signs nothing.
    let why = verdict(&h, &signed(event(2, 1, 2, Some(BEN), visit()), &ben)).expect("refused");
    assert!(why.contains("announced no key"), "{why}");
    // Ana, who has a key, cannot be given another without a new PIN.
    let why = verdict(&h, &announce(ANA, ANA, &key(ANA, "999999"))).expect("refused");
    assert!(why.contains("has a key already"), "{why}");

    // A barista changes their own PIN, not anyone else's.
    let own_pin = |of: u128| {
        signed(
            event(
                2,
                1,
                2,
                Some(BEN),
                EventBody::StaffPinChanged {
                    staff: id(of),
                    pin_hash: "new".into(),
                    checked_for: Role::Barista,
                    public_key: None,
                },
            ),
            &ben,
        )
    };
    let h = shop();
    assert_eq!(verdict(&h, &own_pin(BEN)), None);
    assert!(verdict(&h, &own_pin(ANA)).is_some());
}

#[test]
fn events_from_before_staff_signed_are_checked_for_their_role_only() {
    let h = shop();
    let before = |staff: u128, body: EventBody| {
        refusal(
            &event(2, 1, 2, Some(staff), body),
            &h.seen_by(&event(2, 1, 2, None, visit()), 10),
            &h.numbered_before(10),
            Some(SignatureVersion::Unauthored),
        )
    };
    assert_eq!(before(ANA, program()), None);
    assert!(before(BEN, program()).is_some());
}

#[test]
fn rosters_that_differ_get_different_keys() {
    let h = shop();
    let a = event(2, 5, 1, None, visit());
    let b = event(2, 5, 2, None, visit());
    assert_ne!(h.seen_key(&a, 10), h.seen_key(&b, 10));
    // Device 1's own staff event numbered 2 counts for its later event with a
    // claim of 1, not for another device's.
    let own = event(1, 3, 1, None, visit());
    let other = event(3, 3, 1, None, visit());
    assert_ne!(h.seen_key(&own, 10), h.seen_key(&other, 10));
    assert_eq!(
        h.seen_by(&own, 10).get(id(BEN)).map(|m| m.name.clone()),
        Some("Ben".into())
    );
    assert!(h.seen_by(&other, 10).get(id(BEN)).is_none());
}
