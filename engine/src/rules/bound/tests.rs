use super::*;
use crate::location::Location;
use crate::program::parse_program;
use crate::rules::{earn, CustomerContext, VisitInput};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

const PROGRAMS: &[(&str, &str)] = &[
    (
        "points-cafe",
        include_str!("../../../../examples/programs/points-cafe.toml"),
    ),
    (
        "stamp-cafe",
        include_str!("../../../../examples/programs/stamp-cafe.toml"),
    ),
    (
        "cashback-bakery",
        include_str!("../../../../examples/programs/cashback-bakery.toml"),
    ),
    (
        "coffee-club",
        include_str!("../../../../examples/programs/coffee-club.toml"),
    ),
];

fn program(source: &str) -> Program {
    parse_program(source).expect("an example program")
}

/// Every product and category the example programs name, and one none does.
const PRODUCTS: &[(&str, &str)] = &[
    ("latte", "coffee"),
    ("flat-white", "coffee"),
    ("espresso", "coffee"),
    ("tea", "tea"),
    ("croissant", "pastry"),
    ("cake", "pastry"),
    ("bread", "bread"),
    ("sourdough", "bread"),
    ("juice", "cold"),
    ("soup", "food"),
    ("pain-au-chocolat", "viennoiserie"),
    ("cheesecake", "cake"),
];

fn items() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec((0..PRODUCTS.len(), 1i64..6), 0..6).prop_map(|v| {
        v.into_iter()
            .map(|(i, q)| Item {
                product: PRODUCTS[i].0.into(),
                category: Some(PRODUCTS[i].1.into()),
                quantity: q,
            })
            .collect()
    })
}

fn customer(
    tier_measure: i64,
    lifetime: i64,
    stamps: i64,
    away_days: i64,
    birthday_today: bool,
    today: NaiveDate,
) -> CustomerContext {
    let mut accounts = BTreeMap::new();
    for card in ["coffee", "pastry", "bread", "drink", "cake"] {
        accounts.insert(Account::Stamps(card.into()), stamps);
    }
    CustomerContext {
        id: uuid::Uuid::from_u128(9),
        tags: vec!["student".into(), "office".into()],
        birthday: birthday_today.then_some(today),
        accounts,
        tier_measure,
        lifetime_spend: lifetime,
        last_visit: Some(today - Duration::days(away_days)),
        stamps_today: BTreeMap::new(),
        points_expired: 0,
        active_plans: Vec::new(),
        coupon_uses: BTreeMap::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Whatever the customer, the hour and the basket, what an honest till's
    /// program gives a visit is within the bound the server checks.
    #[test]
    fn an_honest_visit_is_always_within_the_bound(
        which in 0..PROGRAMS.len(),
        amount in 0i64..20_000,
        items in items(),
        tier_measure in 0i64..100_000,
        lifetime in 0i64..1_000_000,
        stamps in 0i64..12,
        away_days in 0i64..200,
        birthday_today in any::<bool>(),
        minutes in 0i64..(7 * 24 * 60),
        coupon in prop::option::of(prop::sample::select(vec!["SPRING", "WELCOME10", "SUMMER"])),
    ) {
        let (name, source) = PROGRAMS[which];
        let p = program(source);
        let location = Location::new("Test", &p.currency.to_string(), "Europe/Warsaw", 0)
            .expect("location");
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).single().expect("time")
            + Duration::minutes(minutes);
        let today = location.business_date(at);
        let c = customer(tier_measure, lifetime, stamps, away_days, birthday_today, today);
        let visit = VisitInput { amount, items: items.clone(), coupon: coupon.map(str::to_string) };
        // A coupon that is not running is refused by the till: nothing to bound.
        if let Ok(earned) = earn(&p, &location, &c, &visit, at) {
            prop_assert_eq!(
                visit_refusal(&p, amount, &items, &earned.deltas),
                None,
                "{} gave {:?}",
                name,
                earned.deltas
            );
        }
    }
}

fn delta(account: Account, amount: i64) -> Delta {
    Delta {
        account,
        amount,
        rule: "forged".into(),
        why: "forged".into(),
        message: None,
    }
}

#[test]
fn a_billion_points_or_a_card_never_filled_is_refused() {
    let p = program(PROGRAMS[0].1);
    let why =
        visit_refusal(&p, 1_00, &[], &[delta(Account::Points, 1_000_000_000)]).expect("refused");
    assert!(why.contains("gives at most"), "{why}");
    // Points taken on a visit: no visit takes any.
    let why = visit_refusal(&p, 1_00, &[], &[delta(Account::Points, -500)]).expect("refused");
    assert!(why.contains("which no visit takes"), "{why}");
    // Vouchers without the stamps that fill a card.
    let s = program(PROGRAMS[1].1);
    let drink = s.stamp_cards[0].reward.clone();
    assert!(visit_refusal(&s, 4_50, &[], &[delta(Account::Voucher(drink), 3)]).is_some());
    // An account the program has nothing to do with.
    assert!(visit_refusal(&p, 4_50, &[], &[delta(Account::Stamps("gold".into()), 1)]).is_some());
}

#[test]
fn the_bound_for_points_counts_every_multiplier_at_once() {
    let p = program(PROGRAMS[0].1);
    let most = most_earned(&p, 10_00, &[]);
    let rule = p.points.as_ref().expect("points");
    let base = 10_00 * rule.earn / rule.per_minor;
    assert!(
        most.get("points").copied().unwrap_or(0) > base,
        "{most:?} against a base of {base}"
    );
}
