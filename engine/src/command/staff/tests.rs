//! Staff and roles through the command layer: every action for each role,
//! undo of one's own last action, lockout, PINs kept out of the database, and
//! the open till of a one-person shop.

use std::sync::Arc;

use chrono::{TimeZone, Utc};

use crate::clock::ManualClock;
use crate::command::*;
use crate::error::{ErrorCode, ErrorReport};
use crate::ledger::{CustomerId, EventId, Role};
use crate::staff::Permission;

const PROGRAM: &str = include_str!("../../../../examples/programs/points-cafe.toml");
const MANAGER_PIN: &str = "90817263";
const BARISTA_PIN: &str = "5813";

struct Shop {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    clock: Arc<ManualClock>,
    /// Nobody signed in.
    till: Commands,
}

fn pin(p: &str) -> Pin {
    Pin(p.to_string())
}

/// A shop with a manager (Mia), a barista (Bo) and the points program.
fn shop() -> Shop {
    let (dir, clock, till) = crate::command::tests::set_up(Some(FirstManager {
        name: "Mia".into(),
        pin: pin(MANAGER_PIN),
    }));
    let path = dir.path().join("till.db");
    assert!(
        !till.shop_info().expect("info").runs_open,
        "the first manager closes the till"
    );
    let mia = sign_in(&till, "Mia", MANAGER_PIN);
    mia.publish_program(&PublishProgram {
        source: PROGRAM.into(),
        key: None,
    })
    .expect("publish");
    mia.add_staff(&AddStaff {
        name: "Bo".into(),
        role: Role::Barista,
        pin: pin(BARISTA_PIN),
    })
    .expect("add Bo");
    Shop {
        _dir: dir,
        path,
        clock,
        till,
    }
}

fn sign_in(till: &Commands, who: &str, p: &str) -> Commands {
    till.sign_in(&SignIn {
        staff: who.into(),
        pin: pin(p),
    })
    .expect("sign in")
}

fn events(till: &Commands) -> i64 {
    till.store
        .conn()
        .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))
        .expect("count")
}

fn code<T: std::fmt::Debug>(r: crate::error::Result<T>) -> Option<ErrorCode> {
    r.err().map(|e| e.error_code())
}

type Action = Box<dyn Fn(&Commands) -> Option<ErrorCode>>;

/// Every action of the command layer that needs a permission, with the
/// permission it needs. Each runs against a shop where customer `c` has 200
/// points and `d` is a second customer.
fn actions(
    c: CustomerId,
    d: CustomerId,
    d_card: String,
    last_visit: EventId,
) -> Vec<(Permission, &'static str, Action)> {
    let who = move || CustomerRef::Customer(c);
    vec![
        (
            Permission::ReplaceCard,
            "replace a card",
            Box::new(move |t: &Commands| {
                code(t.replace_card(&ReplaceCard {
                    card: d_card.clone(),
                    key: None,
                }))
            }),
        ),
        (
            Permission::Enrol,
            "enrol",
            Box::new(|t: &Commands| code(t.enrol(&Enrol::default()))),
        ),
        (
            Permission::RecordVisit,
            "visit",
            Box::new(move |t: &Commands| {
                code(t.record_visit(&RecordVisit {
                    customer: who(),
                    amount: "4.50".into(),
                    items: vec![],
                    coupon: None,
                    key: None,
                }))
            }),
        ),
        (
            Permission::Redeem,
            "redeem",
            Box::new(move |t: &Commands| {
                code(t.redeem(&Redeem {
                    customer: who(),
                    reward: "drink".into(),
                    key: None,
                }))
            }),
        ),
        (
            Permission::Redeem,
            "spend cashback",
            Box::new(move |t: &Commands| {
                code(t.spend_cashback(&SpendCashback {
                    customer: who(),
                    amount: "1.00".into(),
                    key: None,
                }))
            }),
        ),
        (
            Permission::Redeem,
            "donate",
            Box::new(move |t: &Commands| {
                code(t.donate(&Donate {
                    customer: who(),
                    cause: "food-bank".into(),
                    points: 10,
                    key: None,
                }))
            }),
        ),
        (
            Permission::Void,
            "void another's event",
            Box::new(move |t: &Commands| {
                code(t.void(&Void {
                    event: last_visit,
                    reason: "rang up twice".into(),
                    allow_negative: false,
                    key: None,
                }))
            }),
        ),
        (
            Permission::Adjust,
            "adjust",
            Box::new(move |t: &Commands| {
                code(t.adjust(&Adjust {
                    customer: who(),
                    account: "points".into(),
                    amount: "5".into(),
                    reason: "goodwill".into(),
                    allow_negative: false,
                    key: None,
                }))
            }),
        ),
        (
            Permission::UpdateProfile,
            "update profile",
            Box::new(move |t: &Commands| {
                code(t.update_profile(&UpdateProfile {
                    customer: who(),
                    profile: ProfileForm {
                        name: Some("Ada L".into()),
                        ..ProfileForm::default()
                    },
                    key: None,
                }))
            }),
        ),
        (
            Permission::Subscribe,
            "subscribe",
            Box::new(move |t: &Commands| {
                code(t.subscribe(&Subscribe {
                    customer: who(),
                    plan: "no-such-plan".into(),
                    key: None,
                }))
            }),
        ),
        (
            Permission::Export,
            "export",
            Box::new(move |t: &Commands| code(t.export_customer(&who()))),
        ),
        (
            Permission::PrintCards,
            "card sheets",
            Box::new(|t: &Commands| code(t.card_sheets(1))),
        ),
        (
            Permission::PublishProgram,
            "publish",
            Box::new(|t: &Commands| {
                code(t.publish_program(&PublishProgram {
                    source: PROGRAM.into(),
                    key: None,
                }))
            }),
        ),
        (
            Permission::ManageStaff,
            "add staff",
            Box::new(|t: &Commands| {
                code(t.add_staff(&AddStaff {
                    name: "Cy".into(),
                    role: Role::Barista,
                    pin: pin("2468"),
                }))
            }),
        ),
        (
            Permission::Pair,
            "pair",
            Box::new(|t: &Commands| {
                code(t.pair(&PairTill {
                    code: "not a code".into(),
                    server: None,
                    name: "till 2".into(),
                }))
            }),
        ),
        (
            Permission::Maintain,
            "rebuild",
            Box::new(|t: &Commands| code(t.rebuild(false, |_, _| {}))),
        ),
        (
            Permission::Reports,
            "audit",
            Box::new(|t: &Commands| code(t.audit(&AuditRange::default()))),
        ),
        (
            Permission::Reports,
            "open the refused events",
            Box::new(|t: &Commands| code(t.refused_events())),
        ),
        (
            Permission::Merge,
            "merge",
            Box::new(move |t: &Commands| {
                code(t.merge(&Merge {
                    from: d,
                    into: c,
                    key: None,
                }))
            }),
        ),
        (
            Permission::Erase,
            "erase",
            Box::new(move |t: &Commands| {
                code(t.erase(&Erase {
                    customer: d,
                    key: None,
                }))
            }),
        ),
    ]
}

#[test]
fn every_action_is_allowed_or_refused_by_the_permission_table_for_each_role() {
    for role in [Role::Barista, Role::Manager] {
        let shop = shop();
        let mia = sign_in(&shop.till, "Mia", MANAGER_PIN);
        let c = mia
            .enrol(&Enrol::default())
            .expect("enrol")
            .customer
            .expect("c")
            .record
            .id;
        let d_record = mia
            .enrol(&Enrol::default())
            .expect("enrol")
            .customer
            .expect("d")
            .record;
        let (d, d_card) = (d_record.id, d_record.card_codes[0].card.clone());
        mia.adjust(&Adjust {
            customer: CustomerRef::Customer(c),
            account: "points".into(),
            amount: "200".into(),
            reason: "start".into(),
            allow_negative: false,
            key: None,
        })
        .expect("points");
        let last_visit = mia
            .record_visit(&RecordVisit {
                customer: CustomerRef::Customer(c),
                amount: "3.00".into(),
                items: vec![],
                coupon: None,
                key: None,
            })
            .expect("visit")
            .event_id;
        let actor = match role {
            Role::Barista => sign_in(&shop.till, "Bo", BARISTA_PIN),
            Role::Manager => mia.clone(),
        };
        let mut covered = std::collections::BTreeSet::new();
        for (permission, name, action) in actions(c, d, d_card, last_visit) {
            covered.insert(permission);
            let before = events(&shop.till);
            let answer = action(&actor);
            if permission.allows(role) {
                assert!(
                    !answer.is_some_and(|c| c.as_str().starts_with("auth.")),
                    "{role:?} may {name}, but got {answer:?}"
                );
            } else {
                assert_eq!(
                    answer,
                    Some(ErrorCode::AuthForbidden),
                    "{role:?} may not {name}"
                );
                assert_eq!(
                    events(&shop.till),
                    before,
                    "a refused {name} recorded something"
                );
            }
            // Nobody signed in: refused whatever the table says.
            assert_eq!(
                action(&shop.till),
                Some(ErrorCode::AuthSignInRequired),
                "{name} with nobody signed in"
            );
        }
        let missing: Vec<_> = Permission::ALL
            .iter()
            // Undo has its own test: it needs the actor's own last action.
            .filter(|p| !covered.contains(p) && **p != Permission::UndoOwnLast)
            .collect();
        assert!(missing.is_empty(), "no action tried for {missing:?}");
    }
}

#[test]
fn a_barista_undoes_only_their_own_last_action_within_two_minutes() {
    let shop = shop();
    let bo = sign_in(&shop.till, "Bo", BARISTA_PIN);
    let mia = sign_in(&shop.till, "Mia", MANAGER_PIN);
    let c = bo
        .enrol(&Enrol::default())
        .expect("enrol")
        .customer
        .expect("c")
        .record
        .id;
    let visit = |t: &Commands| {
        t.record_visit(&RecordVisit {
            customer: CustomerRef::Customer(c),
            amount: "5.00".into(),
            items: vec![],
            coupon: None,
            key: None,
        })
        .expect("visit")
        .event_id
    };
    let undo = |t: &Commands, event, allow_negative| {
        code(t.void(&Void {
            event,
            reason: "wrong customer".into(),
            allow_negative,
            key: None,
        }))
    };
    // Her own last action, at once: undone.
    let first = visit(&bo);
    assert_eq!(undo(&bo, first, false), None);
    // Not her last any more once she did something after it.
    let second = visit(&bo);
    visit(&bo);
    assert_eq!(undo(&bo, second, false), Some(ErrorCode::AuthForbidden));
    // Someone else's.
    let mias = visit(&mia);
    assert_eq!(undo(&bo, mias, false), Some(ErrorCode::AuthForbidden));
    // Her last, but after two minutes.
    let late = visit(&bo);
    shop.clock.advance(chrono::Duration::seconds(121));
    assert_eq!(undo(&bo, late, false), Some(ErrorCode::AuthForbidden));
    // Leaving a balance below zero is a manager's call, even for her own.
    let mine = visit(&bo);
    assert_eq!(undo(&bo, mine, true), Some(ErrorCode::AuthForbidden));
    // A manager voids anything.
    assert_eq!(undo(&mia, late, false), None);
}

#[test]
fn five_wrong_pins_lock_a_person_out_on_this_till_for_five_minutes() {
    let shop = shop();
    let try_pin = |p: &str| {
        shop.till
            .sign_in(&SignIn {
                staff: "Bo".into(),
                pin: pin(p),
            })
            .err()
            .map(|e| crate::error::ErrorReport::from(&e))
    };
    for left in (1..=4).rev() {
        let e = try_pin("0000").expect("wrong");
        assert_eq!(e.code, ErrorCode::AuthWrongPin);
        assert_eq!(e.detail["tries_left"], left);
    }
    assert_eq!(
        try_pin("0000").expect("fifth").code,
        ErrorCode::AuthLockedOut
    );
    // Locked: the right PIN does not help.
    let locked = try_pin(BARISTA_PIN).expect("locked");
    assert_eq!(locked.code, ErrorCode::AuthLockedOut);
    assert!(locked.retryable);
    // Another person is not locked out.
    sign_in(&shop.till, "Mia", MANAGER_PIN);
    shop.clock.advance(chrono::Duration::seconds(299));
    assert_eq!(
        try_pin(BARISTA_PIN).map(|e| e.code),
        Some(ErrorCode::AuthLockedOut)
    );
    shop.clock.advance(chrono::Duration::seconds(2));
    assert!(
        try_pin(BARISTA_PIN).is_none(),
        "five minutes on, the right PIN works"
    );
    // A right PIN forgets the wrong ones before it.
    for _ in 0..4 {
        try_pin("1111");
    }
    assert!(try_pin(BARISTA_PIN).is_none());
    assert_eq!(try_pin("1111").expect("wrong").detail["tries_left"], 4);
}

#[test]
fn no_pin_is_anywhere_in_the_database_files() {
    let shop = shop();
    let bo = sign_in(&shop.till, "Bo", BARISTA_PIN);
    let own = |current: Option<&str>| {
        bo.set_pin(&SetPin {
            staff: "Bo".into(),
            pin: pin("60718293"),
            current: current.map(pin),
        })
    };
    assert_eq!(
        code(own(None)),
        Some(ErrorCode::InvalidInput),
        "her own, without the old one"
    );
    assert_eq!(
        code(own(Some("9999"))),
        Some(ErrorCode::AuthWrongPin),
        "a wrong old one"
    );
    own(Some(BARISTA_PIN)).expect("her own PIN, with the old one");
    let mia = sign_in(&shop.till, "Mia", MANAGER_PIN);
    mia.set_role(&SetRole {
        staff: "Bo".into(),
        role: Role::Manager,
        pin: Some(pin("71829304")),
    })
    .expect("promoted");
    shop.till
        .sign_in(&SignIn {
            staff: "Bo".into(),
            pin: pin("00000000"),
        })
        .expect_err("wrong");
    let mut wal = shop.path.clone().into_os_string();
    wal.push("-wal");
    for file in [shop.path.clone(), wal.into()] {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        // Eight-digit PINs only: a four-digit one turns up by chance in the
        // hex ids, hashes and timestamps of any database this size (1 run in
        // 40), and a test that fails by chance turns a green run red. Every
        // PIN is stored by the same code whatever its length.
        for p in [MANAGER_PIN, "60718293", "71829304"] {
            assert!(
                !bytes.windows(p.len()).any(|w| w == p.as_bytes()),
                "the PIN {p} is in {}",
                file.display()
            );
        }
    }
    assert!(
        format!("{:?}", pin("60718293")).find("6071").is_none(),
        "a PIN in debug output"
    );
}

#[test]
fn a_till_runs_open_until_its_first_manager_and_every_event_records_who() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 3, 15, 0, 0).unwrap(),
    ));
    let till = Commands::open(&dir.path().join("till.db"), clock).expect("open");
    let info = till
        .set_up_shop(&SetUpShop {
            shop: "One-person café".into(),
            currency: "USD".into(),
            timezone: "America/New_York".into(),
            day_starts_at: 4,
            manager: None,
            example: None,
        })
        .expect("set up");
    assert!(info.runs_open);
    till.publish_program(&PublishProgram {
        source: PROGRAM.into(),
        key: None,
    })
    .expect("publish");
    let open = till
        .enrol(&Enrol::default())
        .expect("anyone enrols while open");
    let staff_of = |t: &Commands, event: EventId| -> Option<String> {
        t.store
            .conn()
            .query_row(
                "SELECT staff FROM events WHERE id = ?",
                [event.to_string()],
                |r| r.get(0),
            )
            .expect("event")
    };
    assert_eq!(staff_of(&till, open.event_id), None);
    let barista_first = till.add_staff(&AddStaff {
        name: "Bo".into(),
        role: Role::Barista,
        pin: pin("1234"),
    });
    assert_eq!(
        code(barista_first),
        Some(ErrorCode::InvalidInput),
        "the first is a manager"
    );
    let ana = till
        .add_staff(&AddStaff {
            name: "Ana".into(),
            role: Role::Manager,
            pin: pin("135790"),
        })
        .expect("first manager");
    assert!(!till.shop_info().expect("info").runs_open);
    assert_eq!(
        code(till.enrol(&Enrol::default())),
        Some(ErrorCode::AuthSignInRequired)
    );
    let signed = sign_in(&till, "ana", "135790");
    assert_eq!(signed.signed_in().map(|s| s.staff), Some(ana.id));
    let enrolled = signed.enrol(&Enrol::default()).expect("enrol");
    assert_eq!(staff_of(&till, enrolled.event_id), Some(ana.id.to_string()));
    // She is the only manager: not demoted, and not removed while others work here.
    signed
        .add_staff(&AddStaff {
            name: "Bo".into(),
            role: Role::Barista,
            pin: pin("1234"),
        })
        .expect("Bo");
    assert_eq!(
        code(signed.set_role(&SetRole {
            staff: "Ana".into(),
            role: Role::Barista,
            pin: None
        })),
        Some(ErrorCode::InvalidInput)
    );
    assert_eq!(
        code(signed.remove_staff(&RemoveStaff {
            staff: "Ana".into()
        })),
        Some(ErrorCode::InvalidInput)
    );
    // A promotion to manager needs a manager's PIN.
    assert_eq!(
        code(signed.set_role(&SetRole {
            staff: "Bo".into(),
            role: Role::Manager,
            pin: None
        })),
        Some(ErrorCode::InvalidInput)
    );
    assert_eq!(
        code(signed.set_role(&SetRole {
            staff: "Bo".into(),
            role: Role::Manager,
            pin: Some(pin("12345"))
        })),
        Some(ErrorCode::InvalidInput)
    );
    // Two of one name are refused on the till that adds the second.
    assert_eq!(
        code(signed.add_staff(&AddStaff {
            name: "BO".into(),
            role: Role::Barista,
            pin: pin("1234")
        })),
        Some(ErrorCode::InvalidInput)
    );
}

#[test]
fn a_role_changed_or_a_person_removed_counts_for_a_session_already_signed_in() {
    let shop = shop();
    let mia = sign_in(&shop.till, "Mia", MANAGER_PIN);
    mia.set_role(&SetRole {
        staff: "Bo".into(),
        role: Role::Manager,
        pin: Some(pin("24681357")),
    })
    .expect("promote");
    let bo = sign_in(&shop.till, "Bo", "24681357");
    let c = bo
        .enrol(&Enrol::default())
        .expect("enrol")
        .customer
        .expect("c")
        .record
        .id;
    let adjust = |t: &Commands| {
        code(t.adjust(&Adjust {
            customer: CustomerRef::Customer(c),
            account: "points".into(),
            amount: "5".into(),
            reason: "goodwill".into(),
            allow_negative: false,
            key: None,
        }))
    };
    assert_eq!(adjust(&bo), None);
    mia.set_role(&SetRole {
        staff: "Bo".into(),
        role: Role::Barista,
        pin: None,
    })
    .expect("demote");
    assert_eq!(adjust(&bo), Some(ErrorCode::AuthForbidden));
    mia.remove_staff(&RemoveStaff { staff: "Bo".into() })
        .expect("remove");
    assert_eq!(
        code(bo.enrol(&Enrol::default())),
        Some(ErrorCode::AuthSignInRequired)
    );
    assert_eq!(
        code(shop.till.sign_in(&SignIn {
            staff: "Bo".into(),
            pin: pin("24681357")
        })),
        Some(ErrorCode::NotFound)
    );
    mia.backup(&shop.path.with_extension("backup.db"))
        .expect("a backup, which writes no event");
    let audit = mia.audit(&AuditRange::default()).expect("audit");
    let kinds: Vec<(&str, Option<&str>)> = audit
        .iter()
        .map(|l| (l.kind.as_str(), l.staff.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("staff_added", None),
            ("program_published", Some("Mia")),
            ("staff_added", Some("Mia")),
            ("staff_role_changed", Some("Mia")),
            ("adjusted", Some("Bo")),
            ("staff_role_changed", Some("Mia")),
            ("staff_removed", Some("Mia")),
            ("backup", Some("Mia")),
        ]
    );
    assert_eq!(audit[6].what, "removed Bo from the staff");
}

#[test]
fn undo_takes_back_ones_own_last_action_within_two_minutes_open_or_signed_in() {
    let shop = shop();
    let bo = sign_in(&shop.till, "Bo", BARISTA_PIN);
    let c = bo
        .enrol(&Enrol::default())
        .expect("enrol")
        .customer
        .expect("c")
        .record
        .id;
    let visit = RecordVisit {
        customer: CustomerRef::Customer(c),
        amount: "5.00".into(),
        items: vec![],
        coupon: None,
        key: None,
    };
    let recorded = bo.record_visit(&visit).expect("visit");
    let undone = bo.undo_last(&UndoLast::default()).expect("undo");
    assert_eq!(undone.kind, "voided");
    assert_eq!(
        undone.deltas.iter().map(|d| d.amount).sum::<i64>(),
        -recorded.deltas.iter().map(|d| d.amount).sum::<i64>()
    );
    // Her last action is now the undo itself, which cannot be undone.
    assert_eq!(
        code(bo.undo_last(&UndoLast::default())),
        Some(ErrorCode::RefusedCannotVoid)
    );
    bo.record_visit(&visit).expect("visit");
    shop.clock.advance(chrono::Duration::seconds(121));
    let late = bo.undo_last(&UndoLast::default()).expect_err("too late");
    assert_eq!(late.error_code(), ErrorCode::RefusedCannotVoid);
    assert_eq!(
        late.message().map(|m| m.args["why"].clone()),
        Some(crate::ledger::Arg::Message(Box::new(
            crate::ledger::Message::new("why-undo-too-late")
        )))
    );
    // An open till where nothing was recorded yet has nothing to undo.
    let fresh = super::super::tests::set_up(None).2;
    assert_eq!(
        code(fresh.undo_last(&UndoLast::default())),
        Some(ErrorCode::RefusedCannotVoid),
        "an open till with nothing recorded by anyone"
    );
}

#[test]
fn example_programs_come_in_the_shops_currency_and_publish() {
    let shop = shop();
    let mia = sign_in(&shop.till, "Mia", MANAGER_PIN);
    let examples = mia.example_programs().expect("examples");
    let ids: Vec<&str> = examples.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "points-cafe",
            "stamp-cafe",
            "cashback-bakery",
            "coffee-club"
        ]
    );
    let club = examples
        .iter()
        .find(|e| e.id == "coffee-club")
        .expect("club");
    assert!(
        club.source.contains("currency = \"USD\""),
        "shipped in EUR, set in USD"
    );
    assert_eq!(club.summary.id, "example-coffee-club");
    mia.publish_program(&PublishProgram {
        source: club.source.clone(),
        key: None,
    })
    .expect("publish the example");
    let bo = sign_in(&shop.till, "Bo", BARISTA_PIN);
    assert_eq!(code(bo.example_programs()), Some(ErrorCode::AuthForbidden));
}

#[cfg(feature = "print")]
#[test]
fn a_barista_prints_the_card_of_the_customer_just_enrolled_and_no_other() {
    let shop = shop();
    let bo = sign_in(&shop.till, "Bo", BARISTA_PIN);
    let enrolled = bo.enrol(&Enrol::default()).expect("enrol");
    let customer = enrolled.customer.expect("the customer");
    let card = bo
        .enrolment_card(enrolled.event_id)
        .expect("her own enrolment");
    assert_eq!(customer.record.cards, vec![card.card.clone()]);
    let fallback = customer.record.card_codes[0].fallback.clone();
    assert_eq!(
        Some(card.typed.clone()),
        fallback,
        "the typed code under the QR"
    );
    assert!(card.qr_svg.starts_with("<svg"), "an element for the page");
    assert_eq!(card.shop, shop.till.shop_info().expect("info").shop_name);
    // The QR holds the card's signed code: a scan finds her.
    let signed = customer.record.card_codes[0].code.clone().expect("signed");
    assert_eq!(
        bo.scan(&signed).expect("scan").customer.record.id,
        customer.record.id
    );

    // Once she has done something else, or two minutes have gone, it is a
    // manager's to print.
    let second = bo.enrol(&Enrol::default()).expect("enrol");
    assert_eq!(
        code(bo.enrolment_card(enrolled.event_id)),
        Some(ErrorCode::AuthForbidden)
    );
    shop.clock.advance(chrono::Duration::seconds(121));
    assert_eq!(
        code(bo.enrolment_card(second.event_id)),
        Some(ErrorCode::AuthForbidden)
    );
    let mia = sign_in(&shop.till, "Mia", MANAGER_PIN);
    assert_eq!(
        mia.enrolment_card(enrolled.event_id)
            .expect("a manager's")
            .card,
        card.card
    );
    // Only enrolments carry a card to hand over.
    let visit = mia
        .record_visit(&RecordVisit {
            customer: CustomerRef::Customer(customer.record.id),
            amount: "5.00".into(),
            items: vec![],
            coupon: None,
            key: None,
        })
        .expect("visit");
    assert_eq!(
        code(mia.enrolment_card(visit.event_id)),
        Some(ErrorCode::InvalidInput)
    );
    // A card replaced since is not printed again.
    mia.replace_card(&ReplaceCard {
        card: card.card.clone(),
        key: None,
    })
    .expect("replace");
    let refused = mia.enrolment_card(enrolled.event_id).expect_err("replaced");
    assert_eq!(refused.error_code(), ErrorCode::InvalidInput);
}

/// A visit for a new customer, as `till` (the error code when refused).
fn a_visit(till: &Commands, customer: CustomerId) -> Option<ErrorCode> {
    code(till.record_visit(&RecordVisit {
        customer: CustomerRef::Customer(customer),
        amount: "4.50".into(),
        items: vec![],
        coupon: None,
        key: None,
    }))
}

fn new_customer(till: &Commands) -> CustomerId {
    till.enrol(&Enrol::default())
        .expect("enrol")
        .customer
        .expect("customer")
        .record
        .id
}

/// A sign-in ends after the idle time of the person's role (30 minutes for a
/// barista, 10 for a manager by default); each action starts it again; the
/// screens' polling of the overview does not. Once ended, every action is
/// refused as `auth.signed_out_idle` and the overview shows nobody signed in
/// and who was signed out.
#[test]
fn a_sign_in_ends_after_its_idle_time_and_each_action_starts_it_again() {
    let s = shop();
    let minutes = chrono::Duration::minutes;
    let bo = sign_in(&s.till, "Bo", BARISTA_PIN);
    let c = new_customer(&bo);
    for _ in 0..3 {
        s.clock.advance(minutes(29));
        assert_eq!(a_visit(&bo, c), None, "used within 30 minutes");
    }
    let until = bo
        .overview()
        .expect("overview")
        .signed_in_until
        .expect("until");
    assert_eq!(until, s.clock.now() + minutes(30));
    // Only the overview, asked again and again, for 31 minutes.
    for _ in 0..31 {
        s.clock.advance(minutes(1));
        bo.overview().expect("overview");
    }
    assert_eq!(a_visit(&bo, c), Some(ErrorCode::AuthSignedOutIdle));
    let o = bo.overview().expect("overview");
    assert!(o.signed_in.is_none() && o.signed_in_until.is_none());
    assert_eq!(o.signed_out_idle.as_deref(), Some("Bo"));
    assert!(o.permissions.is_empty());
    let e = bo.enrol(&Enrol::default()).expect_err("signed out");
    assert_eq!(ErrorReport::from(&e).detail["minutes"], 30);
    // Signing in again starts a new sign-in.
    let bo = sign_in(&s.till, "Bo", BARISTA_PIN);
    assert_eq!(a_visit(&bo, c), None);

    // A manager's ends sooner.
    let mia = sign_in(&s.till, "Mia", MANAGER_PIN);
    s.clock.advance(minutes(9));
    assert!(
        mia.audit(&AuditRange::default()).is_ok(),
        "a read counts as use"
    );
    s.clock.advance(minutes(9));
    assert_eq!(a_visit(&mia, c), None);
    s.clock.advance(minutes(11));
    assert_eq!(a_visit(&mia, c), Some(ErrorCode::AuthSignedOutIdle));
}

/// The idle times are a manager's to set, from 1 to 720 minutes, on this till.
#[test]
fn a_manager_sets_the_idle_times() {
    let s = shop();
    let limits = |b, m| SignInIdle {
        barista_minutes: b,
        manager_minutes: m,
    };
    let bo = sign_in(&s.till, "Bo", BARISTA_PIN);
    assert_eq!(
        code(bo.set_sign_in_idle(&limits(600, 600))),
        Some(ErrorCode::AuthForbidden)
    );
    let mia = sign_in(&s.till, "Mia", MANAGER_PIN);
    for bad in [limits(0, 5), limits(5, 721)] {
        assert_eq!(
            code(mia.set_sign_in_idle(&bad)),
            Some(ErrorCode::InvalidInput)
        );
    }
    assert_eq!(mia.sign_in_idle().expect("read"), SignInIdle::default());
    mia.set_sign_in_idle(&limits(5, 2)).expect("set");
    assert_eq!(
        s.till.overview().expect("overview").sign_in_idle,
        limits(5, 2)
    );
    let bo = sign_in(&s.till, "Bo", BARISTA_PIN);
    let c = new_customer(&bo);
    s.clock.advance(chrono::Duration::minutes(6));
    assert_eq!(a_visit(&bo, c), Some(ErrorCode::AuthSignedOutIdle));
}

/// Changing one's own PIN asks for the current one: a wrong one counts toward
/// the same lockout as signing in (it did not: a till left signed in was a
/// way to try every PIN without limit).
#[test]
fn a_wrong_current_pin_counts_toward_the_lockout() {
    let shop = shop();
    let bo = sign_in(&shop.till, "Bo", BARISTA_PIN);
    let own = |current: &str| {
        bo.set_pin(&SetPin {
            staff: "Bo".into(),
            pin: pin("8642"),
            current: Some(pin(current)),
        })
        .err()
        .map(|e| crate::error::ErrorReport::from(&e))
    };
    for left in (1..=4).rev() {
        let e = own("0000").expect("wrong");
        assert_eq!(e.code, ErrorCode::AuthWrongPin);
        assert_eq!(e.detail["tries_left"], left);
    }
    assert_eq!(own("0000").expect("fifth").code, ErrorCode::AuthLockedOut);
    assert_eq!(
        own(BARISTA_PIN).expect("locked").code,
        ErrorCode::AuthLockedOut,
        "locked: the right PIN does not help"
    );
    // The lockout is the sign-in's too.
    let e = shop
        .till
        .sign_in(&SignIn {
            staff: "Bo".into(),
            pin: pin(BARISTA_PIN),
        })
        .expect_err("locked out");
    assert_eq!(code(Err::<(), _>(e)), Some(ErrorCode::AuthLockedOut));
    shop.clock.advance(chrono::Duration::seconds(301));
    assert!(own(BARISTA_PIN).is_none(), "five minutes on, it works");
}
