//! The staff's authority in the ledger, on a till: an event that names a staff
//! member counts only with their signature (the key their PIN derives) and in
//! a role that allows it, as the roster stood when its till wrote it. A till's
//! own key (its whole database: a stolen till, a copied backup) makes nobody
//! anything. The server applies the same rule on push (`cloud/tests`); these
//! are the till's own check, on what it pulls.

use counterpart_engine::command::typed::Typed;
use counterpart_engine::command::{AddStaff, Commands, Pin, SetPin, SignIn};
use counterpart_engine::ledger::{CustomerId, Event, EventBody, Profile, Role, StaffId};
use counterpart_engine::staff::{hash_pin, staff_key};
use counterpart_engine::sync::protocol::ServerEvent;
use ed25519_dalek::SigningKey;

use crate::common::*;

const ANA_PIN: &str = "246810";
const BEN_PIN: &str = "1357";

fn points_cafe() -> Shop {
    points_cafe_at(utc(2026, 12, 8, 10, 0))
}

fn pin(p: &str) -> Pin {
    Pin(p.to_string())
}

/// Enrols Anna as whoever `by` acts for.
fn enrol(by: &Typed) -> CustomerId {
    enrol_as(
        by,
        Profile {
            name: Some("Anna".into()),
            ..Profile::default()
        },
    )
    .0
}

fn visit_of(customer: CustomerId) -> EventBody {
    EventBody::Visit {
        customer,
        amount: 450,
        currency: "USD".into(),
        items: Vec::new(),
        coupon: None,
        business_date: utc(2026, 12, 8, 11, 0).date_naive(),
        deltas: Vec::new(),
        program_version: None,
    }
}

fn sign_in(shop: &Shop, who: &str, p: &str) -> Commands {
    shop.store
        .commands()
        .sign_in(&SignIn {
            staff: who.into(),
            pin: pin(p),
        })
        .expect("signed in")
}

/// A till whose shop has Ana, a manager (added while it ran open), and Ben,
/// a barista she added.
fn staffed() -> (Shop, StaffId, StaffId) {
    let a = points_cafe();
    let ana = a
        .store
        .commands()
        .add_staff(&AddStaff {
            name: "Ana".into(),
            role: Role::Manager,
            pin: pin(ANA_PIN),
        })
        .expect("Ana")
        .id;
    let ben = sign_in(&a, "Ana", ANA_PIN)
        .add_staff(&AddStaff {
            name: "Ben".into(),
            role: Role::Barista,
            pin: pin(BEN_PIN),
        })
        .expect("Ben")
        .id;
    (a, ana, ben)
}

/// A second till of the shop that pulled everything `from` wrote, numbered
/// from 1; how far the server's numbers went.
fn caught_up(from: &Shop) -> (Shop, i64) {
    let b = points_cafe();
    let events = from.store.events().expect("events");
    let high = events.len() as i64;
    let report = b
        .store
        .apply_pulled(&numbered(&events, 1), Some((high, None)))
        .expect("pulled");
    assert_eq!(report.held, 0, "{:?}", b.store.held());
    (b, high)
}

/// An event in `till`'s stream at `device_seq`, as someone holding the
/// till's database writes it: signed with the till's own key, as `author`
/// (signed with `key` when given), claiming to have seen `seen`.
fn forged(
    till: &Shop,
    device_seq: i64,
    seen: i64,
    author: Option<StaffId>,
    key: Option<&SigningKey>,
    body: EventBody,
) -> Event {
    let mut e = Event {
        id: counterpart_engine::ids::new_v7(utc(2026, 12, 8, 11, 0)),
        device: till.store.device().expect("device"),
        device_seq,
        seen_server_seq: seen,
        device_time: utc(2026, 12, 8, 11, 0),
        staff: author.map(|s| s.to_string()),
        body,
        author_sig: None,
        sig: None,
    };
    if let Some(key) = key {
        e.sign_as_author(key);
    }
    till.store
        .store()
        .sign_as_this_till(&mut e)
        .expect("signed");
    e
}

/// Pulls `event` into `till` as the server's number `server_seq`, and checks
/// that it is held aside, and why.
fn held_on_pull(till: &Shop, server_seq: i64, event: Event, why: &str) {
    let report = till
        .store
        .apply_pulled(&[ServerEvent { server_seq, event }], None)
        .expect("pulled");
    assert_eq!((report.applied, report.held), (0, 1), "{why}");
    let held = till.store.held().expect("held");
    let reason = &held.last().expect("held").reason;
    assert!(reason.contains(why), "{why}: {reason}");
}

fn mallory() -> EventBody {
    EventBody::StaffAdded {
        staff: counterpart_engine::ids::new_v7(utc(2026, 12, 8, 11, 0)),
        name: "Mallory".into(),
        role: Role::Manager,
        pin_hash: hash_pin("999999").expect("hash"),
        public_key: None,
    }
}

fn staff_names(shop: &Shop) -> Vec<String> {
    let mut names: Vec<String> = shop
        .store
        .commands()
        .staff()
        .expect("staff")
        .staff
        .into_iter()
        .map(|m| m.name)
        .collect();
    names.sort();
    names
}

#[test]
fn a_tills_own_key_makes_no_manager() {
    let (a, ana, ben) = staffed();
    let anna = enrol(&Typed::signed_in(sign_in(&a, "Ben", BEN_PIN)));
    let (b, high) = caught_up(&a);
    let next = a.store.events().expect("events").len() as i64 + 1;
    let guessed = staff_key("111111", ana).expect("key");
    let bens = staff_key(BEN_PIN, ben).expect("key");
    let program = EventBody::ProgramPublished {
        version: 9,
        name: "Free money".into(),
        source: example("points-cafe.toml"),
    };
    let cases: Vec<(Event, &str)> = vec![
        // By nobody, claiming to have seen nothing yet: the till's own
        // stream says it knew Ana and Ben.
        (forged(&a, next, 0, None, None, mallory()), "names nobody"),
        // In Ana's name, without her PIN.
        (
            forged(&a, next + 1, high, Some(ana), None, mallory()),
            "not signed by Ana",
        ),
        (
            forged(&a, next + 2, high, Some(ana), Some(&guessed), mallory()),
            "not signed by Ana",
        ),
        // Ben, dishonest, with his own PIN.
        (
            forged(&a, next + 3, high, Some(ben), Some(&bens), mallory()),
            "Ben is a barista",
        ),
        (
            forged(&a, next + 4, high, Some(ben), Some(&bens), program),
            "Ben is a barista",
        ),
        // Nobody's visit, once the till knew the staff.
        (
            forged(&a, next + 5, high, None, None, visit_of(anna)),
            "names nobody",
        ),
    ];
    for (n, (event, why)) in cases.into_iter().enumerate() {
        held_on_pull(&b, high + 1 + n as i64, event, why);
    }
    assert_eq!(staff_names(&b), ["Ana", "Ben"]);
    let r = b.store.rebuild(false, |_, _| {}).expect("rebuild");
    assert!(r.differences.is_empty(), "{:?}", r.differences);

    // A copy of the till's database from before its staff signed cannot go
    // back to writing names unsigned: signed the older way, it is refused.
    let mut old_way = forged(&a, next + 6, high, Some(ana), None, visit_of(anna));
    a.store
        .store()
        .sign_as_this_till_before_staff_signed(&mut old_way)
        .expect("signed");
    held_on_pull(&b, high + 7, old_way, "staff have signed since");

    // Ana herself, at the till, makes a manager: every till takes it.
    sign_in(&a, "Ana", ANA_PIN)
        .add_staff(&AddStaff {
            name: "Eve".into(),
            role: Role::Manager,
            pin: pin("864200"),
        })
        .expect("Eve");
    let eve = a
        .store
        .events()
        .expect("events")
        .pop()
        .expect("Eve's addition");
    let report = b
        .store
        .apply_pulled(
            &[ServerEvent {
                server_seq: high + 20,
                event: eve,
            }],
            None,
        )
        .expect("pulled");
    assert_eq!(report.held, 0, "{:?}", b.store.held());
    assert_eq!(staff_names(&b), ["Ana", "Ben", "Eve"]);
}

#[test]
fn a_pin_changed_elsewhere_signs_the_person_out_and_their_own_change_does_not() {
    let (a, _, _) = staffed();
    let ben = sign_in(&a, "Ben", BEN_PIN);
    ben.set_pin(&SetPin {
        staff: "Ben".into(),
        pin: pin("2468"),
        current: Some(pin(BEN_PIN)),
    })
    .expect("his own PIN");
    // Still signed in, now signing with the key of his new PIN.
    let typed = Typed::signed_in(ben.clone());
    let anna = enrol(&typed);
    typed
        .record_visit(anna, visit(5_00), None)
        .expect("a visit");
    // Another till takes in all of it, signed by whom it names.
    let (b, _) = caught_up(&a);
    assert!(b.store.held().expect("held").is_empty());

    // Ana changes Ben's PIN: his sign-in ends with it.
    sign_in(&a, "Ana", ANA_PIN)
        .set_pin(&SetPin {
            staff: "Ben".into(),
            pin: pin("9753"),
            current: None,
        })
        .expect("Ana sets Ben's PIN");
    let e = typed
        .record_visit(anna, visit(5_00), None)
        .expect_err("signed out");
    assert!(e.to_string().contains("sign in"), "{e}");
    let again = Typed::signed_in(sign_in(&a, "Ben", "9753"));
    again
        .record_visit(anna, visit(5_00), None)
        .expect("signed in again");
    let (c, _) = caught_up(&a);
    assert!(c.store.held().expect("held").is_empty());
}

#[test]
fn someone_added_before_staff_signed_announces_their_key_at_their_next_sign_in() {
    let (a, ana, _) = staffed();
    let (b, high) = caught_up(&a);
    // Zofia was added by a till of the shop not yet updated (device 7): her
    // addition carries no key, and that till signed it the older way.
    let old_till = SigningKey::from_bytes(&[7; 32]);
    let device = uuid::Uuid::from_u128(7);
    let public = old_till.verifying_key();
    let old_event = |device_seq: i64, staff: Option<StaffId>, body: EventBody| {
        let mut e = Event {
            id: uuid::Uuid::from_u128(70 + device_seq as u128),
            device,
            device_seq,
            seen_server_seq: high,
            device_time: utc(2026, 12, 8, 9, 0),
            staff: staff.map(|s| s.to_string()),
            body,
            author_sig: None,
            sig: None,
        };
        e.sign_unauthored(&old_till);
        e
    };
    let old = vec![
        old_event(
            1,
            None,
            EventBody::TillKeyAdded {
                device,
                key_id: counterpart_engine::card_code::KeyId::of(&public).to_string(),
                public_key: data_encoding::HEXLOWER.encode(public.as_bytes()),
            },
        ),
        old_event(
            2,
            Some(ana),
            EventBody::StaffAdded {
                staff: uuid::Uuid::from_u128(72),
                name: "Zofia".into(),
                role: Role::Barista,
                pin_hash: hash_pin("5555").expect("hash"),
                public_key: None,
            },
        ),
    ];
    b.store
        .apply_pulled(&numbered(&old, high + 1), Some((high + 2, None)))
        .expect("pulled");
    assert!(
        b.store.held().expect("held").is_empty(),
        "{:?}",
        b.store.held()
    );
    // Zofia signs in on the updated till: her key is announced, signed with
    // it, and what she does is signed.
    let z = Typed::signed_in(sign_in(&b, "Zofia", "5555"));
    let anna = enrol(&z);
    z.record_visit(anna, visit(5_00), None).expect("a visit");
    let me = b.store.device().expect("device");
    let mine: Vec<Event> = b
        .store
        .events()
        .expect("events")
        .into_iter()
        // Its key, and what Zofia did (not the program it published at its
        // set-up, alone, long before: a manager's action by nobody).
        .filter(|e| e.device == me && e.body.kind() != "program_published")
        .collect();
    assert!(
        mine.iter().any(|e| e.body.kind() == "staff_key_set"),
        "{:?}",
        mine.iter().map(|e| e.body.kind()).collect::<Vec<_>>()
    );
    // A third till pulls the whole stream as the server numbers it: all of
    // it stands.
    let mut stream = a.store.events().expect("events");
    stream.extend(old);
    stream.extend(mine);
    let c = points_cafe();
    c.store
        .apply_pulled(&numbered(&stream, 1), None)
        .expect("pulled");
    assert!(
        c.store.held().expect("held").is_empty(),
        "{:?}",
        c.store.held()
    );
    assert_eq!(staff_names(&c), ["Ana", "Ben", "Zofia"]);
    // The next sign-in announces nothing more.
    let before = b.store.events().expect("events").len();
    sign_in(&b, "Zofia", "5555");
    assert_eq!(b.store.events().expect("events").len(), before);
}

#[test]
fn a_visit_beyond_what_its_program_gives_is_held_aside() {
    use counterpart_engine::ledger::{Account, Delta};
    // An open shop: nobody's authority to check, only the program's bound.
    let a = points_cafe();
    let anna = enrol(&a.store);
    let (b, high) = caught_up(&a);
    let version = a
        .store
        .store()
        .program()
        .expect("program")
        .expect("published")
        .version;
    let next = a.store.events().expect("events").len() as i64 + 1;
    let billion = |cites: Option<u32>| EventBody::Visit {
        customer: anna,
        amount: 1_00,
        currency: "USD".into(),
        items: Vec::new(),
        coupon: None,
        business_date: utc(2026, 12, 8, 11, 0).date_naive(),
        deltas: vec![Delta {
            account: Account::Points,
            amount: 1_000_000_000,
            rule: "points".into(),
            why: "forged".into(),
            message: None,
        }],
        program_version: cites,
    };
    let cases = [
        (
            forged(&a, next, high, None, None, billion(Some(version))),
            "gives at most",
        ),
        (
            forged(&a, next + 1, high, None, None, billion(None)),
            "does not cite",
        ),
        (
            forged(&a, next + 2, high, None, None, billion(Some(40))),
            "never published",
        ),
    ];
    for (n, (event, why)) in cases.into_iter().enumerate() {
        held_on_pull(&b, high + 1 + n as i64, event, why);
    }
    assert_eq!(
        bal(&b.store.customer(anna).expect("anna"), "points"),
        bal(&a.store.customer(anna).expect("anna"), "points")
    );
}

#[test]
fn a_staffed_tills_events_imported_from_a_file_stand() {
    // A file import has no server numbers: each event is judged by its own
    // till's earlier events, which came in before it.
    let (a, _, _) = staffed();
    let bens = Typed::signed_in(sign_in(&a, "Ben", BEN_PIN));
    let anna = enrol(&bens);
    bens.record_visit(anna, visit(5_00), None).expect("a visit");
    let b = points_cafe();
    let report = b
        .store
        .import_events(&a.store.events().expect("events"))
        .expect("every event stands");
    assert!(report.applied > 0);
    assert_eq!(staff_names(&b), ["Ana", "Ben"]);
    // A manager forged in Ben's name (the last event was his) does not.
    let mut forged_one = a.store.events().expect("events").pop().expect("last");
    forged_one.id = counterpart_engine::ids::new_v7(utc(2026, 12, 8, 12, 0));
    forged_one.device_seq += 1;
    forged_one.body = mallory();
    forged_one.author_sig = None;
    a.store
        .store()
        .sign_as_this_till(&mut forged_one)
        .expect("signed");
    let e = b.store.import_events(&[forged_one]).expect_err("refused");
    assert!(e.to_string().contains("Ben is a barista"), "{e}");
}
