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
    customer((11, 20), &[(11, 20)], 5_00, none());
    let r4 = customer((11, 25), &[(11, 25), (11, 30)], 3_00, none());
    shop.at(utc(2026, 12, 4, 18, 0));
    Fixture {
        shop,
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

    // At risk from a recency score of 5, every frequent or big customer is:
    // R1 (5 5 5), R3 (2 3 4) and R2 (4 4 3), the biggest spender first; R4
    // and R5 are neither.
    let wide = till(&f)
        .segments(&SegmentsBy {
            rules: Some(SegmentRules {
                at_risk_recency: 5,
                ..SegmentRules::default()
            }),
        })
        .expect("preview");
    let listed: Vec<_> = wide.at_risk.iter().map(|c| c.customer).collect();
    assert_eq!(listed, [f.r1, f.r3, f.r2]);
    assert!(!listed.contains(&f.r4) && !listed.contains(&f.r5));
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

    let (_, bo) = manager_and_barista(&till);
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
