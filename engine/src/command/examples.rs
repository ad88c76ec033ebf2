//! The example programs a new shop starts from (examples/programs/), set in
//! the shop's currency.

use serde::Serialize;

use super::Commands;
use crate::error::Result;
use crate::ledger::Message;
use crate::program::Name;
use crate::staff::Permission;

/// The examples, as shipped: (id, file).
const EXAMPLES: &[(&str, &str)] = &[
    (
        "points-cafe",
        include_str!("../../../examples/programs/points-cafe.toml"),
    ),
    (
        "stamp-cafe",
        include_str!("../../../examples/programs/stamp-cafe.toml"),
    ),
    (
        "cashback-bakery",
        include_str!("../../../examples/programs/cashback-bakery.toml"),
    ),
    (
        "coffee-club",
        include_str!("../../../examples/programs/coffee-club.toml"),
    ),
];

/// An example program, ready to publish in this shop's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExampleProgram {
    /// Its id (`points-cafe`).
    pub id: String,
    /// Its name (`Points Café`), in the four languages.
    pub name: Name,
    /// What it does, from the catalogues (`example-<id>`): the comment that
    /// opens the file says the same for whoever reads the file.
    pub summary: Message,
    /// The program file, in the shop's currency.
    pub source: String,
}

/// `source` with its top-level `currency = "…"` set to `currency`.
fn in_currency(source: &str, currency: &str) -> String {
    let mut done = false;
    let mut in_table = false;
    let lines: Vec<String> = source
        .lines()
        .map(|line| {
            in_table |= line.trim_start().starts_with('[');
            if !done && !in_table && line.trim_start().starts_with("currency") {
                done = true;
                format!("currency = \"{currency}\"")
            } else {
                line.to_string()
            }
        })
        .collect();
    lines.join("\n") + "\n"
}

impl Commands {
    /// The example programs set in this shop's currency, those that check out
    /// in it (amounts with cents do not fit a currency without them).
    pub fn example_programs(&self) -> Result<Vec<ExampleProgram>> {
        self.authorise(Permission::PublishProgram)?;
        let currency = self.store.location()?.currency.code().to_string();
        Ok(Commands::examples_in(&currency))
    }

    /// The example programs set in `currency`, for a shop not set up yet
    /// (the first-run screen offers them): public, shipped text.
    pub fn examples_in(currency: &str) -> Vec<ExampleProgram> {
        EXAMPLES
            .iter()
            .filter_map(|(id, file)| {
                let source = in_currency(file, currency);
                let program = crate::program::parse_program(&source).ok()?;
                Some(ExampleProgram {
                    id: id.to_string(),
                    name: program.name,
                    summary: Message::new(&format!("example-{id}")),
                    source,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_top_level_currency_changes() {
        let source = "name = \"x\"\ncurrency = \"USD\"\n[points]\ncurrency = \"keep\"\n";
        assert_eq!(
            in_currency(source, "PLN"),
            "name = \"x\"\ncurrency = \"PLN\"\n[points]\ncurrency = \"keep\"\n"
        );
    }

    #[cfg(feature = "i18n")]
    #[test]
    fn every_example_says_what_it_does_in_every_language() {
        use crate::i18n::{Catalogue, Language};
        for example in Commands::examples_in("USD") {
            for language in Language::ALL {
                let said = Catalogue::new(language).render(&example.summary);
                assert_ne!(said, example.summary.id, "{language:?}");
                let english = Catalogue::new(Language::En).render(&example.summary);
                assert!(
                    language == Language::En || said != english,
                    "{}: {language:?} says it in English",
                    example.id
                );
            }
        }
    }

    #[test]
    fn every_example_checks_out_in_the_currency_it_ships_in() {
        for (id, file) in EXAMPLES {
            assert!(crate::program::parse_program(file).is_ok(), "{id}");
        }
    }
}
