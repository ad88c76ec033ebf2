//! Program files: every problem reported at once, each naming its field.

use counterpart_engine::language::Language;
use counterpart_engine::program::parse_program;

use crate::common::example;

#[test]
fn every_example_program_is_valid() {
    for f in [
        "stamp-cafe.toml",
        "points-cafe.toml",
        "cashback-bakery.toml",
        "coffee-club.toml",
    ] {
        parse_program(&example(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
}

#[test]
fn all_problems_are_reported_together_with_their_fields() {
    let src = r#"
format = 1
name = "Broken"
currency = "USD"
colour = "blue"

[points]
earn = 0
per = "1.005"

[[rewards]]
id = "Drink!"
cost_points = -5

[[stamp_cards]]
id = "coffee"
stamps = 10
reward = "nothing-like-this"

[[offers]]
id = "early"
kind = "multiplier"
multiplier = 0.5
from = "9:00x"
until = "08:00"
days = ["funday"]

[[offers]]
id = "early"
kind = "teleport"
"#;
    let errors = parse_program(src).expect_err("broken").0;
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for expected in [
        "colour",
        "points.earn",
        "points.per",
        "rewards[0].id",
        "rewards[0].cost_points",
        "stamp_cards[0].reward",
        "offers[0].multiplier",
        "offers[0].from",
        "offers[0].days[0]",
        "offers[1].id",
        "offers[1].kind",
    ] {
        assert!(
            fields.contains(&expected),
            "no error for {expected}; got {errors:#?}"
        );
    }
    assert!(errors.iter().all(|e| !e.problem.is_empty()));
}

#[test]
fn syntax_errors_name_the_line_and_wrong_types_the_field() {
    let e = parse_program("format = 1\nname = \"x\nccurrency")
        .expect_err("syntax")
        .0;
    assert_eq!(e.len(), 1);
    assert!(e[0].field.starts_with("line "), "{e:?}");
    let e = parse_program(
        "format = 1\nname = 'x'\ncurrency = 'USD'\n[points]\nearn = 'lots'\nper = '1.00'\n",
    )
    .expect_err("type")
    .0;
    assert!(e.iter().any(|x| x.field == "points"), "{e:?}");
    let e = parse_program("name = 'x'\ncurrency = 'USD'\n[cashback]\npercent = 5\n")
        .expect_err("format")
        .0;
    assert!(e.iter().any(|x| x.field == "format"), "{e:?}");
}

#[test]
fn names_come_in_the_tills_languages_where_the_program_gives_them() {
    let src = r#"
format = 1
name = "Points Café"
names = { pl = "Kawiarnia z punktami" }
currency = "USD"

[points]
earn = 1
per = "1.00"

[tiers]
basis = "visits"
window_days = 90

[[tiers.levels]]
id = "gold"
name = "Gold"
names = { fr = "Or" }
from = 0
perks = ["free oat milk", { name = "free size upgrade", names = { ru = "больший размер бесплатно" } }]

[[rewards]]
id = "drink"
name = "Any drink"
names = { pl = "Dowolny napój", fr = "Une boisson au choix" }
cost_points = 100
"#;
    let program = parse_program(src).expect("valid");
    assert_eq!(
        program.name.in_language(Language::Pl),
        "Kawiarnia z punktami"
    );
    assert_eq!(program.name.in_language(Language::Ru), "Points Café");
    let drink = program.reward("drink").expect("drink");
    assert_eq!(drink.name.in_language(Language::Fr), "Une boisson au choix");
    assert_eq!(drink.name.in_language(Language::En), "Any drink");
    let gold = &program.tiers.as_ref().expect("tiers").levels[0];
    assert_eq!(gold.name.in_language(Language::Fr), "Or");
    let perks: Vec<&str> = gold
        .perks
        .iter()
        .map(|p| p.in_language(Language::Ru))
        .collect();
    assert_eq!(perks, ["free oat milk", "больший размер бесплатно"]);
}

#[test]
fn a_name_in_a_language_the_till_does_not_speak_or_too_long_is_refused_by_its_field() {
    let long = "x".repeat(81);
    let src = format!(
        r#"
format = 1
name = "Points Café"
names = {{ de = "Punkte-Café" }}
currency = "USD"

[points]
earn = 1
per = "1.00"

[[rewards]]
id = "drink"
name = "Any drink"
names = {{ pl = "{long}", fr = "  " }}
cost_points = 100

[tiers]
basis = "visits"
window_days = 90

[[tiers.levels]]
id = "gold"
from = 0
perks = [{{ name = "" }}]
"#
    );
    let errors = parse_program(&src).expect_err("refused").0;
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for expected in [
        "names.de",
        "rewards[0].names.pl",
        "rewards[0].names.fr",
        "tiers.levels[0].perks[0].name",
    ] {
        assert!(fields.contains(&expected), "{expected} not in {fields:?}");
    }
    let de = errors.iter().find(|e| e.field == "names.de").expect("de");
    assert!(de.problem.contains("en, pl, fr, ru"), "{}", de.problem);
}

#[test]
fn every_example_program_names_everything_in_the_four_languages() {
    for f in [
        "stamp-cafe.toml",
        "points-cafe.toml",
        "cashback-bakery.toml",
        "coffee-club.toml",
    ] {
        let program = parse_program(&example(f)).expect("valid");
        let mut names = vec![("name".to_string(), &program.name)];
        for r in &program.rewards {
            names.push((format!("reward {}", r.id), &r.name));
        }
        for c in &program.stamp_cards {
            names.push((format!("stamp card {}", c.id), &c.name));
        }
        for o in &program.offers {
            names.push((format!("offer {}", o.id), &o.name));
        }
        for p in &program.subscriptions {
            names.push((format!("plan {}", p.id), &p.name));
        }
        for c in &program.causes {
            names.push((format!("cause {}", c.id), &c.name));
        }
        for l in program.tiers.iter().flat_map(|t| &t.levels) {
            names.push((format!("tier {}", l.id), &l.name));
            for p in &l.perks {
                names.push((format!("perk of {}", l.id), p));
            }
        }
        for (what, name) in names {
            for language in [Language::Pl, Language::Fr, Language::Ru] {
                assert!(
                    name.translations.contains_key(&language),
                    "{f}: {what} ({}) has no {language:?} name",
                    name.text
                );
            }
        }
    }
}

#[test]
fn the_offline_allowance_limits_at_least_one_balance_each_by_its_own_unit() {
    let with = |offline: &str| {
        format!(
            "format = 1\nname = \"x\"\ncurrency = \"USD\"\n[points]\nearn = 1\nper = \"1.00\"\n[offline]\nunsynced_after_hours = 24\n{offline}"
        )
    };
    let program = parse_program(&with(
        "max_cashback_redeemed = \"5.50\"\nmax_vouchers_redeemed = 2\n",
    ))
    .expect("valid");
    let offline = program.offline.expect("an allowance");
    assert_eq!(offline.max_points_redeemed, None);
    assert_eq!(offline.max_cashback_redeemed, Some(550));
    assert_eq!(offline.max_vouchers_redeemed, Some(2));

    let errors = parse_program(&with("")).expect_err("limits nothing").0;
    assert_eq!(errors[0].field, "offline", "{errors:?}");
    let errors = parse_program(&with(
        "max_cashback_redeemed = \"5.005\"\nmax_vouchers_redeemed = -1\n",
    ))
    .expect_err("bad limits")
    .0;
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "offline.max_vouchers_redeemed",
            "offline.max_cashback_redeemed"
        ],
        "{errors:?}"
    );
}
