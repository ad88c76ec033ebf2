//! Program files: every problem reported at once, each naming its field.

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
