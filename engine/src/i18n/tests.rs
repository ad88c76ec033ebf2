//! The catalogues are complete: every message the engine sends exists in every
//! language, with the plural forms that language needs, and renders.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// The plural categories a count must be given in (CLDR): Polish and Russian
/// say 1 punkt, 2 punkty, 5 punktów.
fn required_plurals(language: Language) -> &'static [&'static str] {
    match language {
        Language::En | Language::Fr => &["one", "other"],
        Language::Pl | Language::Ru => &["one", "few", "many", "other"],
    }
}

/// Each message's selects: the variable selected on, and its variants' keys.
type Selects = Vec<(String, BTreeSet<String>)>;

fn selects_in(pattern: &ast::Pattern<&str>, out: &mut Selects) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { selector, variants },
        } = element
        {
            if let ast::InlineExpression::VariableReference { id } = selector {
                let keys = variants
                    .iter()
                    .map(|v| match &v.key {
                        ast::VariantKey::Identifier { name } => name.to_string(),
                        ast::VariantKey::NumberLiteral { value } => value.to_string(),
                    })
                    .collect();
                out.push((id.name.to_string(), keys));
            }
            for v in variants {
                selects_in(&v.value, out);
            }
        }
    }
}

fn messages(language: Language) -> BTreeMap<String, Selects> {
    let resource = fluent_syntax::parser::parse(language.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", language.tag()));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut selects = Vec::new();
                if let Some(value) = &m.value {
                    selects_in(value, &mut selects);
                }
                assert!(
                    out.insert(m.id.name.to_string(), selects).is_none(),
                    "{}: {} twice",
                    language.tag(),
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => panic!("{}: junk {content:?}", language.tag()),
            _ => {}
        }
    }
    out
}

/// Every `Message::new("…")` id in the engine's sources (tests aside: they
/// make up ids on purpose).
fn ids_in_code() -> BTreeSet<String> {
    fn walk(dir: &std::path::Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("read src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                let text = std::fs::read_to_string(&path).expect("read source");
                for part in text.split("Message::new(\"").skip(1) {
                    if let Some(id) = part.split('"').next() {
                        out.insert(id.to_string());
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

#[test]
fn every_language_has_every_message_with_the_plural_forms_it_needs() {
    let english = messages(Language::En);
    for id in ids_in_code() {
        assert!(
            english.contains_key(&id),
            "en lacks `{id}`, which the engine sends"
        );
    }
    for language in Language::ALL {
        let these = messages(language);
        let missing: Vec<_> = english.keys().filter(|k| !these.contains_key(*k)).collect();
        let extra: Vec<_> = these.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in English {extra:?}",
            language.tag()
        );
        for (id, selects) in &these {
            for (var, keys) in selects {
                for category in required_plurals(language) {
                    assert!(
                        keys.contains(*category),
                        "{}: `{id}` gives ${var} no `{category}` form",
                        language.tag()
                    );
                }
            }
            // A count English gives a plural form must have one in every language.
            for (var, _) in &english[id] {
                assert!(
                    selects.iter().any(|(v, _)| v == var),
                    "{}: `{id}` does not choose a form for ${var}",
                    language.tag()
                );
            }
        }
    }
}

fn points(n: i64) -> Message {
    Message::new("balance-points").num("points", n)
}

#[test]
fn counts_take_each_language_s_plural_forms() {
    let pl = Catalogue::new(Language::Pl);
    let said: Vec<String> = [1, 2, 4, 5, 12, 22, 25]
        .map(|n| pl.render(&points(n)))
        .into();
    assert_eq!(
        said,
        [
            "1 punkt",
            "2 punkty",
            "4 punkty",
            "5 punktów",
            "12 punktów",
            "22 punkty",
            "25 punktów"
        ]
    );
    let ru = Catalogue::new(Language::Ru);
    let said: Vec<String> = [1, 2, 5, 11, 21].map(|n| ru.render(&points(n))).into();
    assert_eq!(
        said,
        ["1 балл", "2 балла", "5 баллов", "11 баллов", "21 балл"]
    );
    let fr = Catalogue::new(Language::Fr);
    assert_eq!(fr.render(&points(1)), "1 point");
    assert_eq!(fr.render(&points(3)), "3 points");
    let en = Catalogue::new(Language::En);
    assert_eq!(en.render(&points(1)), "1 point");
    assert_eq!(en.render(&points(0)), "0 points");
}

#[test]
fn money_and_nested_labels_render_for_the_locale() {
    let usd = Currency::parse("USD").expect("usd");
    let pln = Currency::parse("PLN").expect("pln");
    let grant = Message::new("grant-credit")
        .money("amount", Money::new(450, usd))
        .message(
            "label",
            Message::new("label-winback")
                .text("offer", "Hello again")
                .num("days", 5),
        );
    assert_eq!(
        Catalogue::new(Language::En).render(&grant),
        "+$4.50 to spend: Hello again (5 days away)"
    );
    assert_eq!(
        Catalogue::new(Language::Pl).render(&grant),
        "+4,50\u{a0}US$ do wydania: Hello again (5 dni nieobecności)"
    );
    let spent = Message::new("cashback-spent").money("amount", Money::new(1250, pln));
    assert_eq!(
        Catalogue::new(Language::Pl).render(&spent),
        "wydano 12,50\u{a0}zł zwrotu"
    );
}

#[test]
fn a_message_the_catalogue_lacks_falls_back_to_english_then_its_id() {
    let ru = Catalogue::new(Language::Ru);
    assert_eq!(
        ru.render(&Message::new("no-such-message")),
        "no-such-message"
    );
    // Words recorded before messages existed are shown as they were written.
    let old = Message::new("text").text("text", "+4 points: Welcome");
    assert_eq!(ru.render(&old), "+4 points: Welcome");
}

#[test]
fn languages_come_from_tags_and_posix_locales() {
    assert_eq!(Language::parse("pl_PL.UTF-8"), Some(Language::Pl));
    assert_eq!(Language::parse("fr-CA"), Some(Language::Fr));
    assert_eq!(Language::parse("RU"), Some(Language::Ru));
    assert_eq!(Language::parse("de_DE"), None);
    assert_eq!(Language::parse("C"), None);
}

/// Where the screens' test of the same renderings lives (`ui/src/lib/i18n.test.ts`).
const UI_FIXTURE: &str = "ui/src/lib/messages.fixture.json";

/// Every variable a pattern names, selectors included.
fn variables_in(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables_in(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

/// Messages as the engine sends them: every English message with counts
/// that pick each plural form for the variables it selects on and words for
/// the rest, and money in several currencies.
fn ui_samples() -> Vec<Message> {
    use crate::money::{Currency, Money};
    let resource = fluent_syntax::parser::parse(Language::En.catalogue()).expect("en parses");
    let mut samples = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let Some(value) = &m.value else { continue };
        let mut vars = BTreeSet::new();
        variables_in(value, &mut vars);
        let mut selects = Vec::new();
        selects_in(value, &mut selects);
        let counted: BTreeSet<String> = selects.into_iter().map(|(v, _)| v).collect();
        let counts: &[i64] = if counted.is_empty() {
            &[0]
        } else {
            &[1, 2, 5, 22, 1234]
        };
        for n in counts {
            let mut message = Message::new(m.id.name);
            for var in &vars {
                message = match counted.contains(var) {
                    true => message.num(var, *n),
                    false => message.text(var, format!("«{var}»")),
                };
            }
            samples.push(message);
        }
    }
    for (minor, code) in [
        (1250, "USD"),
        (450, "PLN"),
        (-450, "EUR"),
        (1200, "JPY"),
        (99, "RUB"),
        (1005, "CHF"),
        (12345, "KWD"),
        // Grouping, and where each language starts it (Polish from five digits).
        (123_456, "PLN"),
        (1_349_100, "USD"),
        (-98_765_432, "EUR"),
        (123_456, "GBP"),
        (1_234_567, "CAD"),
        (123_456, "HUF"),
        (-1_234_500, "RUB"),
        (1_234_567, "JPY"),
    ] {
        let currency = Currency::parse(code).expect("currency");
        samples.push(Message::new("cashback-spent").money("amount", Money::new(minor, currency)));
    }
    samples.push(
        Message::new("staff-added")
            .text("name", "Bo")
            .message("role", Message::new("role-barista")),
    );
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    samples.push(
        Message::new("plan-sold")
            .text("plan", "Coffee Club")
            .money(
                "price",
                Money::new(2900, Currency::parse("EUR").expect("eur")),
            )
            .date("starts", date(2026, 12, 3))
            .date("ends", date(2027, 1, 1)),
    );
    // A name the program gives in several languages, alone and inside a
    // nested list (a visit's multipliers).
    let drink = crate::program::Name {
        text: "Any drink".into(),
        translations: BTreeMap::from([
            (Language::Pl, "Dowolny napój".into()),
            (Language::Fr, "Une boisson au choix".into()),
        ]),
    };
    samples.push(
        Message::new("redeem-points")
            .num("points", 100)
            .name("reward", &drink),
    );
    let early = crate::program::Name {
        text: "before 9:00".into(),
        translations: BTreeMap::from([(Language::Ru, "до 9:00".into())]),
    };
    samples.push(
        Message::new("earn-points-boosted")
            .num("points", 24)
            .money("per", Money::new(100, Currency::parse("USD").expect("usd")))
            .num("earn", 1)
            .message(
                "boosts",
                Message::new("boost-list")
                    .message(
                        "first",
                        Message::new("boost")
                            .text("times", "×2")
                            .name("name", &early),
                    )
                    .message(
                        "rest",
                        Message::new("boost")
                            .text("times", "×1.5")
                            .name("name", &crate::program::Name::plain("Gold")),
                    ),
            ),
    );
    samples.push(Message::new("no-such-message"));
    samples
}

#[test]
fn a_programs_name_is_written_in_the_readers_language_when_the_program_gives_it() {
    let drink = crate::program::Name {
        text: "Any drink".into(),
        translations: BTreeMap::from([(Language::Pl, "Dowolny napój".into())]),
    };
    let message = Message::new("redeem-voucher").name("reward", &drink);
    assert_eq!(
        Catalogue::new(Language::Pl).render(&message),
        Catalogue::new(Language::Pl)
            .render(&Message::new("redeem-voucher").text("reward", "Dowolny napój"))
    );
    assert!(Catalogue::new(Language::Fr)
        .render(&message)
        .contains("Any drink"));
    // A name in one language goes as plain text, as before names had languages.
    assert_eq!(
        Message::new("x")
            .name("reward", &crate::program::Name::plain("Pastry"))
            .args["reward"],
        Arg::Text("Pastry".into())
    );
}

/// The file the screens' test reads: each sample in each language as the
/// engine renders it. Written with `COUNTERPART_WRITE_BINDINGS=1`, like the
/// bindings; stale fails.
#[test]
fn the_screens_fixture_of_renderings_is_current() {
    let mut rows = Vec::new();
    for language in Language::ALL {
        let catalogue = Catalogue::new(language);
        for message in ui_samples() {
            rows.push(serde_json::json!({
                "language": language.tag(),
                "message": message,
                "text": catalogue.render(&message),
            }));
        }
    }
    let fresh = serde_json::to_string_pretty(&rows).expect("json") + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(UI_FIXTURE);
    if std::env::var_os("COUNTERPART_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write the fixture");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{UI_FIXTURE} is stale: run COUNTERPART_WRITE_BINDINGS=1 cargo test -p counterpart-engine --lib i18n"
    );
}

#[test]
fn a_refusal_names_a_reward_a_coupon_or_a_redemption_in_the_readers_words() {
    use crate::error::{Refusal, Subject, Why};
    let refusal = |reward: Subject| Refusal::NotAvailable {
        reward,
        why: Why::new(
            "all its uses are taken",
            Message::new("why-coupon-all-used"),
        ),
    };
    let pl = Catalogue::new(Language::Pl);
    let drink = crate::program::Name {
        text: "Any drink".into(),
        translations: BTreeMap::from([(Language::Pl, "Dowolny napój".into())]),
    };
    assert_eq!(
        pl.render(&refusal(Subject::Reward(drink)).message()),
        "Nagroda „Dowolny napój” jest niedostępna: wszystkie użycia są wykorzystane"
    );
    assert_eq!(
        pl.render(&refusal(Subject::Coupon("SPRING".into())).message()),
        "Kupon SPRING jest niedostępny: wszystkie użycia są wykorzystane"
    );
    let redemption = refusal(Subject::Redemption);
    assert!(pl
        .render(&redemption.message())
        .starts_with("Tej wymiany nie można"));
    // The English words (problems, logs, the command line's JSON) stay.
    assert_eq!(
        redemption.to_string(),
        "this redemption is not available: all its uses are taken"
    );
}

/// `locales/README.md`: English and French write the ASCII apostrophe
/// everywhere (a catalogue that mixes two reads as two hands), and a
/// French « » holds its words with no-break spaces.
#[test]
fn english_and_french_write_one_apostrophe_and_french_quotes_hold_their_words() {
    for language in [Language::En, Language::Fr] {
        for (n, line) in language.catalogue().lines().enumerate() {
            assert!(
                !line.contains('\u{2019}'),
                "{}.ftl line {}: a typographic apostrophe: {line}",
                language.tag(),
                n + 1
            );
        }
    }
    for (n, line) in Language::Fr.catalogue().lines().enumerate() {
        assert!(
            !line.contains("« ") && !line.contains(" »"),
            "fr.ftl line {}: « » with a breaking space: {line}",
            n + 1
        );
    }
}
