//! A name the shop gives something in its program (a reward, a tier, an
//! offer), in the program's own words and, where the program gives them, in
//! the till's other languages, so a Polish screen says "Dowolny napój" where
//! an English one says "Any drink".

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::language::Language;

/// A name from the program.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Name {
    /// The program's `name`: shown in every language the program gives no
    /// word for, and written into the ledger's English `why`.
    pub text: String,
    /// The same name in other languages, from the program's `names`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<BTreeMap<Language, String>>", optional)
    )]
    pub translations: BTreeMap<Language, String>,
}

impl Name {
    /// A name in one language only.
    pub fn plain(text: impl Into<String>) -> Name {
        Name {
            text: text.into(),
            translations: BTreeMap::new(),
        }
    }

    /// The name as a reader of `language` sees it: the program's word in
    /// that language when it has one, its own `name` otherwise.
    pub fn in_language(&self, language: Language) -> &str {
        self.translations
            .get(&language)
            .map_or(self.text.as_str(), String::as_str)
    }

    /// True when the program gives it in more than one language.
    pub fn is_translated(&self) -> bool {
        !self.translations.is_empty()
    }
}

impl fmt::Display for Name {
    /// The program's own `name` (problems, logs, the ledger's `why`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_sees_their_language_when_the_program_has_it_and_its_name_otherwise() {
        let name = Name {
            text: "Any drink".into(),
            translations: BTreeMap::from([(Language::Pl, "Dowolny napój".into())]),
        };
        assert_eq!(name.in_language(Language::Pl), "Dowolny napój");
        assert_eq!(name.in_language(Language::Fr), "Any drink");
        assert_eq!(name.in_language(Language::En), "Any drink");
        assert_eq!(name.to_string(), "Any drink");
    }

    #[test]
    fn a_name_in_one_language_says_so_on_the_wire_by_its_text_alone() {
        let json = serde_json::to_string(&Name::plain("Pastry")).expect("json");
        assert_eq!(json, r#"{"text":"Pastry"}"#);
    }
}
