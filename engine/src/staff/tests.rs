use super::*;
use crate::ledger::Event;
use chrono::{TimeZone, Utc};
use uuid::Uuid;

fn event(device: u128, seq: i64, seen: i64, body: EventBody) -> Event {
    Event {
        id: Uuid::from_u128((device << 64) | seq as u128),
        device: Uuid::from_u128(device),
        device_seq: seq,
        seen_server_seq: seen,
        device_time: Utc
            .with_ymd_and_hms(2026, 12, 4, 9, 0, 0)
            .single()
            .expect("time"),
        staff: None,
        body,
        author_sig: None,
        sig: None,
    }
}

fn add(id: u128, name: &str, role: Role) -> EventBody {
    EventBody::StaffAdded {
        staff: Uuid::from_u128(id),
        name: name.into(),
        role,
        pin_hash: format!("hash-of-{name}"),
        public_key: None,
    }
}

/// Every order of the same staff events folds to the same roster.
fn permutations(items: &[Event]) -> Vec<Vec<Event>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(i);
        for mut p in permutations(&rest) {
            p.insert(0, first.clone());
            out.push(p);
        }
    }
    out
}

fn summary(r: &Roster) -> Vec<(String, Role, bool, String)> {
    r.members
        .values()
        .map(|m| (m.name.clone(), m.role, m.removed, m.pin_hash.clone()))
        .collect()
}

#[test]
fn the_roster_is_the_same_in_every_order_of_arrival() {
    // Till 1 adds Ola and Piotr; then, offline at the same time, till 1 makes
    // Piotr a manager with a new PIN and till 2 changes his PIN and removes Ola.
    let events = vec![
        event(1, 1, 0, add(10, "Ola", Role::Manager)),
        event(1, 2, 0, add(11, "Piotr", Role::Barista)),
        event(
            1,
            3,
            2,
            EventBody::StaffRoleChanged {
                staff: Uuid::from_u128(11),
                role: Role::Manager,
                pin_hash: Some("promoted".into()),
                public_key: None,
            },
        ),
        event(
            2,
            1,
            2,
            EventBody::StaffPinChanged {
                staff: Uuid::from_u128(11),
                pin_hash: "changed at till 2".into(),
                checked_for: Role::Barista,
                public_key: None,
            },
        ),
        event(
            2,
            2,
            2,
            EventBody::StaffRemoved {
                staff: Uuid::from_u128(10),
            },
        ),
    ];
    let first = summary(&Roster::fold(&events));
    for order in permutations(&events) {
        assert_eq!(summary(&Roster::fold(&order)), first);
    }
    // Of the promotion and the PIN change seen after the same server
    // sequence, the higher device id's comes later on every till: a PIN
    // checked for a barista's length then does not replace a manager's.
    assert_eq!(
        first,
        vec![
            ("Ola".into(), Role::Manager, true, "hash-of-Ola".into()),
            ("Piotr".into(), Role::Manager, false, "promoted".into()),
        ]
    );
}

#[test]
fn an_empty_staff_runs_open_and_a_removed_one_cannot_be_found_by_name() {
    assert!(Roster::fold(&[]).runs_open());
    let events = vec![
        event(1, 1, 0, add(10, "Ola", Role::Manager)),
        event(1, 2, 0, add(11, "Ula", Role::Manager)),
        event(
            1,
            3,
            0,
            EventBody::StaffRemoved {
                staff: Uuid::from_u128(10),
            },
        ),
    ];
    let roster = Roster::fold(&events);
    assert!(
        !roster.runs_open(),
        "a shop that had staff never runs open again"
    );
    assert!(roster.by_name("ola").is_err());
    assert!(roster.get(Uuid::from_u128(10)).is_some_and(|m| m.removed));
}

#[test]
fn two_offline_tills_removing_each_others_manager_leave_one() {
    // Ola and Ula are the managers; offline, till 1 removes Ula and till 2
    // removes Ola, and till 2 demotes Ula too.
    let events = vec![
        event(1, 1, 0, add(10, "Ola", Role::Manager)),
        event(1, 2, 0, add(11, "Ula", Role::Manager)),
        event(
            1,
            3,
            2,
            EventBody::StaffRemoved {
                staff: Uuid::from_u128(11),
            },
        ),
        event(
            2,
            1,
            2,
            EventBody::StaffRemoved {
                staff: Uuid::from_u128(10),
            },
        ),
        event(
            2,
            2,
            2,
            EventBody::StaffRoleChanged {
                staff: Uuid::from_u128(11),
                role: Role::Barista,
                pin_hash: None,
                public_key: None,
            },
        ),
    ];
    for order in permutations(&events) {
        let roster = Roster::fold(&order);
        assert_eq!(roster.managers(), 1);
        let left: Vec<&str> = roster.active().map(|m| m.name.as_str()).collect();
        assert_eq!(left, ["Ola"], "till 1's removal came first; Ola stays");
    }
}

#[test]
fn a_promotion_without_a_pin_changes_nothing() {
    let events = vec![
        event(1, 1, 0, add(10, "Ola", Role::Manager)),
        event(1, 2, 0, add(11, "Bo", Role::Barista)),
        event(
            1,
            3,
            0,
            EventBody::StaffRoleChanged {
                staff: Uuid::from_u128(11),
                role: Role::Manager,
                pin_hash: None,
                public_key: None,
            },
        ),
    ];
    let roster = Roster::fold(&events);
    assert_eq!(
        roster.get(Uuid::from_u128(11)).map(|m| m.role),
        Some(Role::Barista)
    );
}

#[test]
fn two_people_of_one_name_added_offline_are_asked_for_by_id() {
    let events = vec![
        event(1, 1, 0, add(10, "Ola", Role::Manager)),
        event(2, 1, 0, add(20, "ola", Role::Barista)),
    ];
    let roster = Roster::fold(&events);
    let e = roster.by_name("Ola").expect_err("ambiguous");
    let text = e.to_string();
    assert!(text.contains(&Uuid::from_u128(10).to_string()), "{text}");
    assert!(text.contains(&Uuid::from_u128(20).to_string()), "{text}");
}

#[test]
fn pins_are_digits_of_the_length_the_role_needs() {
    assert!(check_pin("1234", Role::Barista).is_ok());
    assert!(check_pin("123", Role::Barista).is_err());
    assert!(check_pin("12345", Role::Manager).is_err());
    assert!(check_pin("123456", Role::Manager).is_ok());
    assert!(check_pin("12ab", Role::Barista).is_err());
    assert!(
        check_pin("１２３４", Role::Barista).is_err(),
        "full-width digits"
    );
    assert!(
        check_pin("1234567890123", Role::Manager).is_err(),
        "13 digits"
    );
}

#[test]
fn a_pin_hash_is_argon2id_salted_and_checks_only_its_pin() {
    let a = hash_pin("4821").expect("hash");
    let b = hash_pin("4821").expect("hash");
    assert!(a.starts_with("$argon2id$"), "{a}");
    assert_ne!(a, b, "a random salt per hash");
    assert!(!a.contains("4821"));
    assert!(pin_matches("4821", &a));
    assert!(!pin_matches("4822", &a));
    assert!(!pin_matches("4821", "not a hash"));
    assert!(is_pin_hash(&a));
    assert!(!is_pin_hash(
        "$argon2i$v=19$m=16,t=2,p=1$c29tZXNhbHQ$YWJjZGVmZ2hpamtsbW5vcA"
    ));
    assert!(!is_pin_hash("4821"));
    // Other settings than ours are refused, even for the right PIN: a
    // hand-made hash could ask for gigabytes, or for no work at all.
    use argon2::password_hash::{PasswordHasher, SaltString};
    let weak = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(8, 1, 1, None).expect("params"),
    )
    .hash_password(
        b"4821",
        &SaltString::from_b64("c29tZXNhbHRzYWx0").expect("salt"),
    )
    .expect("hash")
    .to_string();
    assert!(!is_pin_hash(&weak));
    assert!(!pin_matches("4821", &weak));
    let roster = Roster::fold(&[event(
        1,
        1,
        0,
        EventBody::StaffAdded {
            staff: Uuid::from_u128(1),
            name: "Ola".into(),
            role: Role::Manager,
            pin_hash: a.clone(),
            public_key: None,
        },
    )]);
    assert!(
        !format!("{roster:?}").contains("argon2"),
        "a PIN hash in debug output"
    );
}

#[test]
fn staff_names_are_short_and_printable() {
    assert_eq!(check_name("  Ola ").expect("name"), "Ola");
    assert!(check_name("").is_err());
    assert!(check_name("O\tla").is_err());
    assert!(check_name(&"x".repeat(41)).is_err());
}

/// `docs/permissions.md` lists every permission, in order, with what each role
/// may do, as `Permission::allows` decides.
#[test]
fn the_permission_table_in_docs_matches_the_code() {
    let doc = include_str!("../../../docs/permissions.md");
    let rows: Vec<(String, bool, bool)> = doc
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some((name.to_string(), cells[2] == "yes", cells[3] == "yes"))
        })
        .collect();
    let code: Vec<(String, bool, bool)> = Permission::ALL
        .iter()
        .map(|p| {
            (
                p.as_str().to_string(),
                p.allows(Role::Barista),
                p.allows(Role::Manager),
            )
        })
        .collect();
    assert_eq!(rows, code, "docs/permissions.md is stale");
}

proptest::proptest! {
    /// Random staff histories written at three tills, in any order of
    /// arrival, fold to one roster.
    #[test]
    fn any_order_of_arrival_folds_to_the_same_roster(
        writes in proptest::collection::vec((0u128..3, 0u8..4, 0u128..4, 0i64..5, proptest::bool::ANY), 1..25),
        order in proptest::collection::vec(proptest::num::usize::ANY, 25),
    ) {
        let mut seqs = [0i64; 3];
        let events: Vec<Event> = writes
            .iter()
            .map(|(device, what, person, seen, manager)| {
                let d = *device as usize;
                seqs[d] += 1;
                let staff = Uuid::from_u128(100 + person);
                let role = if *manager { Role::Manager } else { Role::Barista };
                let body = match what {
                    0 => EventBody::StaffAdded { staff, name: format!("P{person}"), role, pin_hash: format!("h{device}{}", seqs[d]), public_key: None },
                    1 => EventBody::StaffRoleChanged { staff, role, pin_hash: manager.then(|| format!("r{device}{}", seqs[d])), public_key: None },
                    2 => EventBody::StaffPinChanged { staff, pin_hash: format!("p{device}{}", seqs[d]), checked_for: role, public_key: None },
                    _ => EventBody::StaffRemoved { staff },
                };
                event(*device + 1, seqs[d], *seen, body)
            })
            .collect();
        let first = summary(&Roster::fold(&events));
        let mut shuffled = events.clone();
        for (i, j) in order.iter().enumerate().take(shuffled.len()) {
            let k = j % shuffled.len();
            shuffled.swap(i, k);
        }
        proptest::prop_assert_eq!(summary(&Roster::fold(&shuffled)), first);
    }
}
