//! The serialised event format is pinned: every kind has a byte-exact fixture in
//! `tests/fixtures/events/`, which must still decode to the same event after any
//! change. Set `UPDATE_GOLDEN=1` to write fixtures for new kinds, never to paper
//! over a change to an existing one.

use chrono::NaiveDate;
use counterpart_engine::language::Language;
use counterpart_engine::ledger::{
    Account, Arg, CardId, Delta, Event, EventBody, Item, Message, Profile, Role, Shortfall,
    SignatureVersion,
};
use counterpart_engine::money::{Currency, Money};
use counterpart_engine::program::Name;
use counterpart_engine::staff::staff_public_key_text;
use uuid::Uuid;

use crate::common::{repo_root, utc};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 | n)
}

fn delta(account: Account, amount: i64, rule: &str, why: &str) -> Delta {
    Delta {
        account,
        amount,
        rule: rule.into(),
        why: why.into(),
        message: None,
    }
}

fn samples() -> Vec<(&'static str, EventBody)> {
    let customer = id(10);
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    vec![
        (
            "program_published",
            EventBody::ProgramPublished {
                version: 3,
                name: "Points Café".into(),
                source: "format = 1\nname = \"Points Café\"\n".into(),
            },
        ),
        (
            "enrolled",
            EventBody::Enrolled {
                customer,
                card: CardId(Uuid::from_u128(0x29ed_5553_809b_4ba9_8551_68d6_b395_ee9f)),
                code: None,
                profile: Some(Profile {
                    name: Some("Anna Nowak".into()),
                    phone: Some("+15551234567".into()),
                    email: Some("anna@example.com".into()),
                    birthday: NaiveDate::from_ymd_opt(1990, 11, 24),
                    marketing_consent: true,
                    tags: vec!["student".into()],
                }),
                deltas: vec![delta(
                    Account::Points,
                    20,
                    "offer:welcome",
                    "+20 points: Welcome bonus",
                )],
            },
        ),
        (
            "profile_updated",
            EventBody::ProfileUpdated {
                customer,
                profile: None,
            },
        ),
        (
            "visit",
            EventBody::Visit {
                customer,
                amount: 450,
                currency: "USD".into(),
                items: vec![Item {
                    product: "latte".into(),
                    category: Some("coffee".into()),
                    quantity: 1,
                }],
                coupon: Some("SPRING".into()),
                business_date: date,
                deltas: vec![
                    delta(
                        Account::Uses("coupon:SPRING".into()),
                        1,
                        "offer:spring",
                        "coupon SPRING used",
                    ),
                    delta(
                        Account::Points,
                        9,
                        "points+offer:early-bird",
                        "+9 points at $1.00 = 1 point, ×2 before 9:00",
                    ),
                    delta(
                        Account::Stamps("coffee".into()),
                        1,
                        "stamps:coffee",
                        "stamp 3 of 9 on Coffee card",
                    ),
                    delta(Account::Cashback, 22, "cashback", "+$0.22 cashback at 5 %"),
                    delta(
                        Account::Voucher("drink".into()),
                        1,
                        "offer:birthday",
                        "Any drink unlocked: Birthday drink",
                    ),
                ],
                program_version: None,
            },
        ),
        (
            "redeemed",
            EventBody::Redeemed {
                customer,
                reward: "drink".into(),
                business_date: date,
                deltas: vec![delta(
                    Account::Points,
                    -100,
                    "reward:drink",
                    "-100 points for Any drink",
                )],
            },
        ),
        (
            "voided",
            EventBody::Voided {
                target: id(20),
                customer,
                reason: "wrong customer".into(),
                deltas: vec![delta(Account::Points, -9, "points", "undone: +9 points")],
            },
        ),
        (
            "adjusted",
            EventBody::Adjusted {
                customer,
                reason: "goodwill".into(),
                deltas: vec![delta(
                    Account::Points,
                    5,
                    "adjustment",
                    "+5 points adjusted by a manager: goodwill",
                )],
            },
        ),
        (
            "card_replaced",
            EventBody::CardReplaced {
                customer,
                old_card: CardId(Uuid::from_u128(1)),
                new_card: CardId(Uuid::from_u128(2)),
                new_code: None,
            },
        ),
        (
            "subscription_bought",
            EventBody::SubscriptionBought {
                customer,
                plan: "club".into(),
                price: 2500,
                starts: date,
                ends: NaiveDate::from_ymd_opt(2026, 12, 22).expect("date"),
            },
        ),
        (
            "donated",
            EventBody::Donated {
                customer,
                cause: "food-bank".into(),
                deltas: vec![delta(
                    Account::Points,
                    -50,
                    "cause:food-bank",
                    "-50 points given to City Food Bank",
                )],
            },
        ),
        (
            "merged",
            EventBody::Merged {
                from: id(11),
                into: customer,
            },
        ),
        ("erased", EventBody::Erased { customer }),
        (
            "enrolled_with_code",
            EventBody::Enrolled {
                customer,
                card: CardId(Uuid::from_u128(3)),
                code: Some("CP1.AEBAGBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB".into()),
                profile: None,
                deltas: vec![],
            },
        ),
        (
            "card_replaced_with_code",
            EventBody::CardReplaced {
                customer,
                old_card: CardId(Uuid::from_u128(1)),
                new_card: CardId(Uuid::from_u128(2)),
                new_code: Some("CP1.AEBAGBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into()),
            },
        ),
        (
            "till_key_added",
            EventBody::TillKeyAdded {
                device: id(1),
                key_id: "a1b2c3d4".into(),
                public_key: "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"
                    .into(),
            },
        ),
        (
            "overdrawn",
            EventBody::Overdrawn {
                redemption: id(104),
                customer,
                shortfalls: vec![Shortfall {
                    account: Account::Points,
                    balance: -80,
                }],
            },
        ),
        // Since the catalogues: each delta says what it means as a message
        // beside its English words. The `visit` fixture above is the older
        // form, without messages, and still decodes.
        (
            "visit_with_messages",
            EventBody::Visit {
                customer,
                amount: 450,
                currency: "USD".into(),
                items: vec![],
                coupon: None,
                business_date: date,
                deltas: vec![
                    Delta {
                        message: Some(
                            Message::new("earn-points-boosted")
                                .num("points", 9)
                                .money("per", Money::new(100, Currency::parse("USD").expect("usd")))
                                .num("earn", 1)
                                .message("boosts", Message::new("label-offer").text("offer", "×2 before 9:00")),
                        ),
                        ..delta(Account::Points, 9, "points+offer:early-bird", "+9 points at $1.00 = 1 point, ×2 before 9:00")
                    },
                    Delta {
                        message: Some(Message::new("stamp-one").num("stamp", 3).num("of", 9).text("card", "Coffee card")),
                        ..delta(Account::Stamps("coffee".into()), 1, "stamps:coffee", "stamp 3 of 9 on Coffee card")
                    },
                ],
                program_version: None,
            },
        ),
        (
            "staff_added",
            EventBody::StaffAdded {
                staff: id(20),
                name: "Bo".into(),
                role: Role::Barista,
                pin_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY".into(),
                public_key: None,
            },
        ),
        (
            "staff_role_changed",
            EventBody::StaffRoleChanged {
                staff: id(20),
                role: Role::Manager,
                pin_hash: Some("$argon2id$v=19$m=19456,t=2,p=1$b3RoZXJzYWx0b3RoZXI$MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXY".into()),
                public_key: None,
            },
        ),
        (
            "staff_pin_changed",
            EventBody::StaffPinChanged {
                staff: id(20),
                pin_hash: "$argon2id$v=19$m=19456,t=2,p=1$dGhpcmRzYWx0dGhpcmQ$enl4d3Z1dHNycXBvbm1sa2ppaGdmZWRjYmEwOTg3NjU".into(),
                checked_for: Role::Manager,
                public_key: None,
            },
        ),
        ("staff_removed", EventBody::StaffRemoved { staff: id(20) }),
        // Since protocol 2: signed by its till (a fixed key here, and
        // Ed25519 signatures are deterministic). The hash is the unsigned one.
        (
            "visit_signed",
            EventBody::Visit {
                customer,
                amount: 450,
                currency: "USD".into(),
                items: vec![],
                coupon: None,
                business_date: date,
                deltas: vec![delta(Account::Points, 4, "points", "+4 points")],
                program_version: None,
            },
        ),
        // Since protocol 3: a staff member's key with their addition, the
        // key announced by someone added before, and a visit signed by its
        // author (a key from a fixed PIN) and then by its till.
        (
            "staff_added_with_key",
            EventBody::StaffAdded {
                staff: id(22),
                name: "Zofia".into(),
                role: Role::Barista,
                pin_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g".into(),
                public_key: Some(staff_public_key_text(&author_key())),
            },
        ),
        (
            "staff_key_set",
            EventBody::StaffKeySet {
                staff: id(21),
                public_key: staff_public_key_text(&author_key()),
            },
        ),
        (
            "visit_authored",
            EventBody::Visit {
                customer,
                amount: 450,
                currency: "USD".into(),
                items: vec![],
                coupon: None,
                business_date: date,
                deltas: vec![delta(Account::Points, 4, "points", "+4 points")],
                program_version: Some(3),
            },
        ),
        (
            // A program that names its rewards in several languages: the
            // name goes with its translations, and each reader sees theirs.
            "visit_with_names",
            EventBody::Visit {
                customer,
                amount: 450,
                currency: "USD".into(),
                items: vec![],
                coupon: None,
                business_date: date,
                deltas: vec![Delta {
                    message: Some(
                        Message::new("card-reward")
                            .name(
                                "reward",
                                &Name {
                                    text: "Free coffee".into(),
                                    translations: [
                                        (Language::Pl, "Kawa gratis".to_string()),
                                        (Language::Fr, "Café offert".to_string()),
                                    ]
                                    .into(),
                                },
                            )
                            .text("card", "Coffee card"),
                    ),
                    ..delta(
                        Account::Voucher("free-coffee".into()),
                        1,
                        "stamps:coffee",
                        "Free coffee unlocked by a full Coffee card",
                    )
                }],
                program_version: None,
            },
        ),
    ]
}

/// The key a fixed PIN derives for staff member 21 (derivation is
/// deterministic, so the fixtures are too).
fn author_key() -> ed25519_dalek::SigningKey {
    counterpart_engine::staff::staff_key("1357", id(21)).expect("a staff key")
}

#[test]
fn every_event_kind_matches_its_fixture() {
    let dir = repo_root().join("engine/tests/fixtures/events");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for (n, (kind, body)) in samples().into_iter().enumerate() {
        assert!(
            kind.starts_with(body.kind()),
            "{kind} is not a {}",
            body.kind()
        );
        let mut event = Event {
            id: id(100 + n as u128),
            device: id(1),
            device_seq: 41 + n as i64,
            seen_server_seq: 7,
            device_time: utc(2026, 11, 23, 7, 5) + chrono::Duration::milliseconds(123),
            staff: match kind {
                "adjusted" => Some("manager-1".to_string()),
                k if k.starts_with("staff_")
                    || k == "visit_with_messages"
                    || k == "visit_authored" =>
                {
                    Some(id(21).to_string())
                }
                _ => None,
            },
            body,
            author_sig: None,
            sig: None,
        };
        let till = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
        if kind == "visit_signed" {
            // Protocol 2's signature: what tills wrote before staff signed.
            event.sign_unauthored(&till);
            assert_eq!(
                event.signature_version(&till.verifying_key()),
                Some(SignatureVersion::Unauthored)
            );
        }
        if kind == "visit_authored" || kind == "staff_key_set" {
            event.sign_as_author(&author_key());
            event.sign(&till);
            assert_eq!(
                event.signature_version(&till.verifying_key()),
                Some(SignatureVersion::Authored)
            );
            assert!(event.authored_by(&author_key().verifying_key()));
        }
        let json = serde_json::to_string_pretty(&event).expect("json") + "\n";
        let path = dir.join(format!("{kind}.json"));
        if update && !path.exists() {
            std::fs::create_dir_all(&dir).expect("dir");
            std::fs::write(&path, &json).expect("write fixture");
        }
        let fixture = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing fixture {}", path.display()));
        assert_eq!(json, fixture, "the serialised form of `{kind}` changed");
        let decoded: Event = serde_json::from_str(&fixture).expect("fixture decodes");
        assert_eq!(
            decoded, event,
            "the fixture of `{kind}` no longer decodes to the same event"
        );
    }
}

/// The content hash of every fixture, written out literally: the server takes
/// a changed hash for a forked device, so a change in how events serialise
/// (a field renamed, reordered, defaulted) must fail here before it reaches a
/// till. `UPDATE_GOLDEN=1` writes the file only when it is missing.
#[test]
fn every_fixture_has_its_literal_content_hash() {
    let dir = repo_root().join("engine/tests/fixtures/events");
    let path = dir.join("content_hashes.txt");
    let mut lines = Vec::new();
    for (kind, _) in samples() {
        let fixture = std::fs::read_to_string(dir.join(format!("{kind}.json"))).expect("fixture");
        let event: Event = serde_json::from_str(&fixture).expect("fixture decodes");
        let hash = event.content_hash();
        assert_eq!(
            event.json_and_hash().1,
            hash,
            "the two ways of hashing `{kind}` disagree"
        );
        lines.push(format!("{kind} {hash}"));
    }
    let text = lines.join("\n") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() && !path.exists() {
        std::fs::write(&path, &text).expect("write hashes");
    }
    let golden =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {}", path.display()));
    assert_eq!(text, golden, "an event's content hash changed");
}

/// `docs/error-codes.md` lists every error code, in order, with whether it is
/// retryable: a code added, renamed or changed without the table fails here.
#[test]
fn the_error_code_table_lists_every_code() {
    use counterpart_engine::error::ErrorCode;
    let doc = std::fs::read_to_string(repo_root().join("docs/error-codes.md")).expect("table");
    let rows: Vec<(String, bool)> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (code, rest) = l.split_once("` | ")?;
            let retryable = rest.split(' ').next()? == "yes";
            Some((code.to_string(), retryable))
        })
        .collect();
    let codes: Vec<(String, bool)> = ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), c.retryable()))
        .collect();
    assert_eq!(rows, codes, "docs/error-codes.md is stale");
}

/// The error JSON, byte for byte, for a few errors of each family.
#[test]
fn error_reports_match_their_fixtures() {
    use counterpart_engine::error::{ErrorReport, InvalidInput, Refusal};
    use counterpart_engine::sync::SyncError;
    use counterpart_engine::EngineError;
    let dir = repo_root().join("engine/tests/fixtures/errors");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let reports: Vec<(&str, ErrorReport)> = vec![
        (
            "invalid_input",
            ErrorReport::from(&EngineError::Invalid(InvalidInput::new(
                "amount",
                "cannot be negative; to undo a visit, void it",
            ))),
        ),
        (
            "refused_not_enough",
            ErrorReport::from(&EngineError::from(Refusal::NotEnough {
                account: "points".into(),
                needed: "100".into(),
                available: "40".into(),
                amounts: (Arg::Number(100), Arg::Number(40)),
            })),
        ),
        (
            "card_ambiguous",
            ErrorReport::from(&EngineError::Card(
                counterpart_engine::card_code::CodeError::Ambiguous {
                    code: "HNU6-VDG-G59".into(),
                    customers: vec![id(10), id(11)],
                },
            )),
        ),
        (
            "idempotency_mismatch",
            ErrorReport::from(&EngineError::IdempotencyMismatch("till-1/42".into())),
        ),
        (
            "sync_offline",
            ErrorReport::from(&SyncError::Offline("connection refused".into())),
        ),
        (
            "sync_gap",
            ErrorReport::from(&SyncError::Server {
                status: 409,
                code: "gap".into(),
                message: "the server expects event 41 next".into(),
                expected_seq: Some(41),
            }),
        ),
    ];
    for (name, report) in reports {
        let json = serde_json::to_string_pretty(&serde_json::json!({ "error": report }))
            .expect("json")
            + "\n";
        let path = dir.join(format!("{name}.json"));
        if update && !path.exists() {
            std::fs::create_dir_all(&dir).expect("dir");
            std::fs::write(&path, &json).expect("write fixture");
        }
        let fixture = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing fixture {}", path.display()));
        assert_eq!(json, fixture, "the error JSON of `{name}` changed");
        let back: serde_json::Value = serde_json::from_str(&fixture).expect("json");
        let decoded: ErrorReport = serde_json::from_value(back["error"].clone()).expect("decodes");
        assert_eq!(decoded, report);
    }
}
