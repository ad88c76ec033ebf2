//! The segments and the at-risk list against hand computations.

use counterpart_engine::command::{Commands, SegmentsBy, SegmentsTableFile};
use counterpart_engine::ledger::{CustomerId, Profile};
use counterpart_engine::report::{Cell, Segment, SegmentRules, Segments};

use crate::common::*;

/// The points café (UTC, days from midnight) and eight customers, the report
/// on Friday 4 December 2026:
///
/// | who | joined | visits                          | each  |
/// |-----|--------|---------------------------------|-------|
/// | N   | 20 Nov | 20 Nov                          | $5    |
/// | O   | 1 Sep  | 1 Sep                           | $5    |
/// | L   | 10 Jan | 10 Jan, 10 Feb                  | $5    |
/// | R1  | 6 Nov  | 6, 13, 20, 27 Nov, 4 Dec        | $30   |
/// | R2  | 1 Oct  | 1, 15 Oct, 1 Nov, 1 Dec         | $5    |
/// | R3  | 1 Jun  | 1 Jun, 1 Jul, 1 Aug             | $30   |
/// | R4  | 25 Nov | 25, 30 Nov                      | $3    |
/// | R5  | 10 Jul | 10, 20 Jul                      | $4    |
struct Fixture {
    shop: Shop,
    n: CustomerId,
    r1: CustomerId,
    r2: CustomerId,
    r3: CustomerId,
    r4: CustomerId,
    r5: CustomerId,
}

fn fixture() -> Fixture {
    let day = |m: u32, d: u32| utc(2026, m, d, 10, 0);
    let shop = points_cafe_at(day(1, 10));
    let s = &shop.store;
    let customer = |joined: (u32, u32), visits: &[(u32, u32)], each: i64, profile: Profile| {
        shop.at(day(joined.0, joined.1));
        let (id, _) = shop.enrol(profile);
        for (m, d) in visits {
            shop.at(day(*m, *d));
            s.record_visit(id, visit(each), None).expect("visit");
        }
        id
    };
    let none = Profile::default;
    customer((1, 10), &[(1, 10), (2, 10)], 5_00, none());
    customer((9, 1), &[(9, 1)], 5_00, none());
    let r3 = customer(
        (6, 1),
        &[(6, 1), (7, 1), (8, 1)],
        30_00,
        Profile {
            name: Some("Rita".into()),
            phone: Some("+48600100200".into()),
            email: Some("rita@example.com".into()),
            marketing_consent: true,
            ..Profile::default()
        },
    );
    let r5 = customer((7, 10), &[(7, 10), (7, 20)], 4_00, none());
    let r2 = customer(
        (10, 1),
        &[(10, 1), (10, 15), (11, 1), (12, 1)],
        5_00,
        none(),
    );
    let r1 = customer(
        (11, 6),
        &[(11, 6), (11, 13), (11, 20), (11, 27), (12, 4)],
        30_00,
        Profile {
            name: Some("Ray".into()),
            phone: Some("+48600100300".into()),
            ..Profile::default()
        },
    );
    // N joined on the 20th; R4 on the 25th.
    let n = customer((11, 20), &[(11, 20)], 5_00, none());
    let r4 = customer((11, 25), &[(11, 25), (11, 30)], 3_00, none());
    shop.at(utc(2026, 12, 4, 18, 0));
    Fixture {
        shop,
        n,
        r1,
        r2,
        r3,
        r4,
        r5,
    }
}

fn till(f: &Fixture) -> Commands {
    Commands::over(f.shop.store.store().clone())
}

fn sizes(s: &Segments) -> Vec<(Segment, i64)> {
    s.sizes.iter().map(|z| (z.segment, z.customers)).collect()
}

/// The five customers with two visits or more, scored against each other
/// (`1 + ⌊5 × worse ÷ 5⌋`, so one more for each who does worse):
///
/// | who | days since | R | visits | F | spend  | R F M | segment    |
/// |-----|-----------:|---|-------:|---|-------:|-------|------------|
/// | R1  | 0          | 5 | 5      | 5 | 150.00 | 5 5 5 | high-value |
/// | R2  | 3          | 4 | 4      | 4 | 20.00  | 4 4 3 | regular    |
/// | R4  | 4          | 3 | 2      | 1 | 6.00   | 3 1 1 | occasional |
/// | R3  | 125        | 2 | 3      | 3 | 90.00  | 2 3 4 | at-risk    |
/// | R5  | 137        | 1 | 2      | 1 | 8.00   | 1 1 2 | occasional |
///
/// N (one visit, 14 days ago) is new; O (one visit, joined 94 days ago) is
/// occasional; L (297 days since) has lapsed.
#[test]
fn segments_computed_by_hand() {
    let f = fixture();
    let s = till(&f).segments(&SegmentsBy::default()).expect("segments");
    assert_eq!(s.as_of.to_string(), "2026-12-04");
    assert_eq!(s.customers, 8);
    assert_eq!(
        sizes(&s),
        vec![
            (Segment::New, 1),
            (Segment::Occasional, 3),
            (Segment::Regular, 1),
            (Segment::HighValue, 1),
            (Segment::AtRisk, 1),
            (Segment::Lapsed, 1),
        ]
    );
    assert_eq!(s.sizes[1].share, Some(3.0 / 8.0));
    assert!(s.moves.is_empty(), "the till's own rules move no one");

    // What each score stands for today.
    let band =
        |b: &Option<counterpart_engine::report::ScoreRange>| b.as_ref().map(|r| (r.low, r.high));
    let days: Vec<_> = s.bands.iter().map(|b| band(&b.days_since)).collect();
    let visits: Vec<_> = s.bands.iter().map(|b| band(&b.visits)).collect();
    let spend: Vec<_> = s.bands.iter().map(|b| band(&b.spend)).collect();
    assert_eq!(
        days,
        [
            Some((137, 137)),
            Some((125, 125)),
            Some((4, 4)),
            Some((3, 3)),
            Some((0, 0))
        ]
    );
    assert_eq!(
        visits,
        [Some((2, 2)), None, Some((3, 3)), Some((4, 4)), Some((5, 5))],
        "R4 and R5 tie at two visits: both score 1, and no one scores 2"
    );
    assert_eq!(
        spend,
        [
            Some((600, 600)),
            Some((800, 800)),
            Some((2000, 2000)),
            Some((9000, 9000)),
            Some((15000, 15000))
        ]
    );

    // The at-risk list: R3, with what they hold and how to reach them.
    assert_eq!(s.at_risk.len(), 1);
    let r = &s.at_risk[0];
    assert_eq!(r.customer, f.r3);
    assert_eq!(r.name.as_deref(), Some("Rita"));
    assert_eq!(r.last_visit.to_string(), "2026-08-01");
    assert_eq!(r.days_since, 125);
    assert_eq!(
        r.usual_gap, 30,
        "the median of 30 and 31 days, rounded down"
    );
    assert_eq!((r.visits, r.spend.as_str()), (3, "90.00"));
    assert_eq!(r.points, 20 + 90, "20 for joining and a point a dollar");
    assert!(r.consent);
    assert_eq!(r.phone.as_deref(), Some("+48600100200"));
    assert_eq!(r.email.as_deref(), Some("rita@example.com"));

    // The sizes at each month's end, from January, when L joined.
    let first = &s.over_time[0];
    assert_eq!(first.day.to_string(), "2026-01-31");
    assert_eq!(first.customers, [1, 0, 0, 0, 0, 0], "L, new for 21 days");
    assert_eq!(
        s.over_time[1].customers,
        [0, 1, 0, 0, 0, 0],
        "L came back on 10 February: scored alone, 1 1 1, occasional"
    );
    assert_eq!(s.over_time.len(), 12, "11 month ends, then the day");
    let last = s.over_time.last().expect("the day");
    assert_eq!(last.day, s.as_of);
    assert_eq!(last.customers, [1, 3, 1, 1, 1, 1]);
    let _ = (f.n, f.r1, f.r2, f.r4, f.r5);
}

/// Proposed rules: new for 10 days, lapsed after 120. N is no longer new;
/// R3 and R5 lapse, which leaves R1, R2 and R4 to score against each other
/// (`1 + ⌊5 × worse ÷ 3⌋`): R1 4 4 4, a regular now that no one outspends
/// them by a fifth; R2 2 2 2 and R4 1 1 1, occasional.
#[test]
fn proposed_rules_say_whom_they_move() {
    let f = fixture();
    let proposed = SegmentRules {
        new_days: 10,
        lapsed_days: 120,
        ..SegmentRules::default()
    };
    let till = till(&f);
    let s = till
        .segments(&SegmentsBy {
            rules: Some(proposed),
        })
        .expect("preview");
    assert_eq!(s.rules, proposed);
    assert_eq!(s.saved_rules, SegmentRules::default());
    let moves: Vec<_> = s
        .moves
        .iter()
        .map(|m| (m.from, m.to, m.customers))
        .collect();
    assert_eq!(
        moves,
        [
            (Segment::New, Segment::Occasional, 1),
            (Segment::Regular, Segment::Occasional, 1),
            (Segment::HighValue, Segment::Regular, 1),
            (Segment::AtRisk, Segment::Lapsed, 1),
            (Segment::Occasional, Segment::Lapsed, 1),
        ]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>(),
        "N, R2, R1, R3 and R5"
    );
    let view = till
        .segments_view(&SegmentsBy {
            rules: Some(proposed),
        })
        .expect("view");
    assert!(view.tables.iter().any(|t| t.id == "segments-moves"));

    // Kept, they are the till's: nothing moves any more.
    till.set_segment_rules(&proposed).expect("keep");
    assert_eq!(till.segment_rules().expect("rules"), proposed);
    let kept = till.segments(&SegmentsBy::default()).expect("segments");
    assert_eq!(kept.rules, proposed);
    assert!(kept.moves.is_empty());
    assert_eq!(
        sizes(&kept),
        vec![
            (Segment::New, 0),
            (Segment::Occasional, 4),
            (Segment::Regular, 1),
            (Segment::HighValue, 0),
            (Segment::AtRisk, 0),
            (Segment::Lapsed, 3),
        ]
    );
    assert!(
        !till
            .segments_view(&SegmentsBy::default())
            .expect("view")
            .tables
            .iter()
            .any(|t| t.id == "segments-moves"),
        "no moves table without a proposal"
    );

    // Bad rules are refused and change nothing.
    for (rules, field) in [
        (
            SegmentRules {
                new_days: 0,
                ..proposed
            },
            "new_days",
        ),
        (
            SegmentRules {
                lapsed_days: 10,
                ..proposed
            },
            "lapsed_days",
        ),
        (
            SegmentRules {
                new_days: 200,
                lapsed_days: 180,
                ..proposed
            },
            "lapsed_days",
        ),
        (
            SegmentRules {
                high_value_spend: 6,
                ..proposed
            },
            "high_value_spend",
        ),
    ] {
        let e = till.set_segment_rules(&rules).expect_err("bad rules");
        assert_eq!(e.code(), "invalid_input");
        let report = counterpart_engine::error::ErrorReport::from(&e);
        assert_eq!(report.field.as_deref(), Some(field), "{rules:?}");
        let e = till
            .segments(&SegmentsBy { rules: Some(rules) })
            .expect_err("bad rules");
        assert_eq!(e.code(), "invalid_input");
    }
    assert_eq!(till.segment_rules().expect("rules"), proposed);
}

/// A merge counts two records as one customer; an erased customer is
/// counted and never listed; the tables and the CSV file say what the
/// report says; a barista may not read any of it.
#[test]
fn merges_erasures_files_and_permissions() {
    let f = fixture();
    let s = &f.shop.store;
    let till = till(&f);

    let view = till.segments_view(&SegmentsBy::default()).expect("view");
    let ids: Vec<_> = view.tables.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "segments",
            "segments-over-time",
            "segments-scores",
            "at-risk"
        ]
    );
    assert_eq!(view.listed, 1);
    let list = &view.tables[3];
    assert_eq!(
        list.columns,
        [
            "customer",
            "last-visit",
            "days-since",
            "usual-gap",
            "visits-year",
            "spend-year",
            "points",
            "consent",
            "phone",
            "email"
        ],
        "no one on the list holds stamps or cashback"
    );
    assert_eq!(
        list.rows[0],
        [
            Cell::Text("Rita".into()),
            Cell::Date("2026-08-01".into()),
            Cell::Count(125),
            Cell::Count(30),
            Cell::Count(3),
            Cell::Money("90.00".into()),
            Cell::Count(110),
            Cell::Label("report-cell-yes".into()),
            Cell::Text("+48600100200".into()),
            Cell::Text("rita@example.com".into()),
        ]
    );
    assert!(list.attention);
    let file = till
        .segments_csv(&SegmentsTableFile {
            rules: None,
            table: "at-risk".into(),
            language: "pl".into(),
        })
        .expect("csv");
    assert_eq!(file.file_name, "at-risk-2026-12-04.csv");
    assert!(file.text.starts_with('\u{feff}'));
    // A phone starting with + is written as text, never read as a
    // spreadsheet formula (the quote).
    assert!(
        file.text
            .contains("Rita,2026-08-01,125,30,3,90.00,110,tak,'+48600100200,rita@example.com"),
        "{}",
        file.text
    );
    let sizes_file = till
        .segments_csv(&SegmentsTableFile {
            rules: None,
            table: "segments".into(),
            language: "en".into(),
        })
        .expect("csv");
    assert!(
        sizes_file.text.contains("At risk,1,0.1250"),
        "{}",
        sizes_file.text
    );

    s.merge(f.r4, f.r5, None).expect("R4 is R5");
    let merged = till.segments(&SegmentsBy::default()).expect("segments");
    assert_eq!(merged.customers, 7, "R4 and R5 are one customer now");

    s.erase(f.r3, None).expect("erase R3");
    let erased = till.segments(&SegmentsBy::default()).expect("segments");
    assert_eq!(erased.customers, 7, "an erased customer is still counted");
    assert!(
        erased.at_risk.iter().all(|c| c.customer != f.r3),
        "and never listed"
    );

    let _ = (f.n, f.r1, f.r2);
    let bo = barista(&till);
    for refused in [
        bo.segments(&SegmentsBy::default()).map(drop),
        bo.segments_view(&SegmentsBy::default()).map(drop),
        bo.segment_rules().map(drop),
        bo.set_segment_rules(&SegmentRules::default()).map(drop),
        bo.segments_csv(&SegmentsTableFile {
            rules: None,
            table: "at-risk".into(),
            language: "en".into(),
        })
        .map(drop),
    ] {
        assert_eq!(refused.expect_err("a barista").code(), "auth.forbidden");
    }
}

/// A manager and a barista on `till`: the barista signed in.
fn barista(till: &Commands) -> Commands {
    use counterpart_engine::command::{AddStaff, Pin, SignIn};
    use counterpart_engine::ledger::Role;
    till.add_staff(&AddStaff {
        name: "Mia".into(),
        role: Role::Manager,
        pin: Pin("246813".into()),
    })
    .expect("manager");
    let mia = till
        .sign_in(&SignIn {
            staff: "Mia".into(),
            pin: Pin("246813".into()),
        })
        .expect("Mia");
    mia.add_staff(&AddStaff {
        name: "Bo".into(),
        role: Role::Barista,
        pin: Pin("1357".into()),
    })
    .expect("Bo");
    till.sign_in(&SignIn {
        staff: "Bo".into(),
        pin: Pin("1357".into()),
    })
    .expect("Bo")
}

mod properties {
    //! Whatever the customers and their visits, and whatever the rules: every
    //! customer who has joined is in exactly one segment, every score is 1 to
    //! 5, the at-risk list is the at-risk segment less the erased, and rules
    //! that equal the kept ones move no one.

    use chrono::{Duration, NaiveDate, TimeZone, Utc};
    use counterpart_engine::report::{segments_of, SegmentRules, SegmentsOf};
    use counterpart_engine::store::{Client, Clientele, VisitRow};
    use counterpart_engine::Location;
    use proptest::prelude::*;

    fn clientele() -> impl Strategy<Value = Clientele> {
        let client = (0..400i64, any::<bool>(), any::<bool>(), 0..6usize);
        let visit = (0..30usize, 0..400i64, 0..5_000i64);
        (
            prop::collection::vec(client, 1..30),
            prop::collection::vec(visit, 0..200),
        )
            .prop_map(|(clients, visits)| {
                let start = Utc
                    .with_ymd_and_hms(2026, 1, 1, 12, 0, 0)
                    .single()
                    .expect("a time");
                let ids: Vec<uuid::Uuid> = (0..clients.len())
                    .map(|i| uuid::Uuid::from_u128(i as u128 + 1))
                    .collect();
                let clients: Vec<Client> = clients
                    .iter()
                    .enumerate()
                    .map(|(i, (joined, consent, erased, merge))| Client {
                        id: ids[i],
                        name: Some(format!("C{i}")),
                        phone: None,
                        email: None,
                        consent: *consent,
                        erased: *erased,
                        enrolled: Some(start + Duration::days(*joined)),
                        // Merged into an earlier record now and then.
                        merged_into: (*merge == 0 && i > 0).then(|| ids[i / 2]),
                    })
                    .collect();
                let first = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a day");
                let visits = visits
                    .iter()
                    .map(|(who, day, amount)| VisitRow {
                        customer: ids[who % ids.len()],
                        day: first + Duration::days(*day),
                        amount: *amount,
                    })
                    .collect();
                Clientele { clients, visits }
            })
    }

    fn rules() -> impl Strategy<Value = SegmentRules> {
        (1..=90u32, 14..=400u32, 1..=5u8, 1..=5u8, 1..=5u8).prop_map(
            |(new_days, lapsed, at_risk_recency, regular_frequency, high_value_spend)| {
                SegmentRules {
                    new_days,
                    lapsed_days: lapsed.max(new_days + 1),
                    at_risk_recency,
                    regular_frequency,
                    high_value_spend,
                }
            },
        )
    }

    proptest! {
        #[test]
        fn everyone_once_scores_in_range(c in clientele(), rules in rules(), day in 0..420i64) {
            let location = Location::new("Test", "USD", "UTC", 0).expect("location");
            let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a day") + Duration::days(day);
            let s = segments_of(
                &SegmentsOf { as_of, location: &location, rules, saved: rules, last_sync: None },
                &c,
            );
            let sizes: i64 = s.sizes.iter().map(|z| z.customers).sum();
            prop_assert_eq!(sizes, s.customers);
            let last = s.over_time.last().expect("the day");
            prop_assert_eq!(last.day, as_of);
            prop_assert_eq!(last.customers.iter().sum::<i64>(), s.customers);
            // Who has joined by the day: a record not merged away, enrolled or visiting by then.
            let survivors = c.clients.iter().filter(|x| x.merged_into.is_none()).count();
            prop_assert!(s.customers <= i64::try_from(survivors).expect("few"));
            prop_assert!(s.moves.is_empty());
            for band in &s.bands {
                prop_assert!((1..=5).contains(&band.score));
                for r in [&band.days_since, &band.visits, &band.spend].into_iter().flatten() {
                    prop_assert!(r.low <= r.high);
                }
            }
            let at_risk = s.sizes.iter().find(|z| z.segment == counterpart_engine::report::Segment::AtRisk).expect("at risk").customers;
            prop_assert!(i64::try_from(s.at_risk.len()).expect("few") <= at_risk);
            for c in &s.at_risk {
                prop_assert!(c.days_since >= 0 && c.last_visit <= as_of);
                prop_assert!(c.visits >= 1);
            }
        }
    }
}
