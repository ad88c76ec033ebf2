//! The languages Counterpart speaks. Kept apart from the catalogues
//! (`i18n`, a feature) because money is written per language everywhere,
//! the cloud server's English problem texts included.

/// The languages Counterpart speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    En,
    /// Polish.
    Pl,
    /// French.
    Fr,
    /// Russian.
    Ru,
}

impl Language {
    /// Every language, English first (the fallback).
    pub const ALL: [Language; 4] = [Language::En, Language::Pl, Language::Fr, Language::Ru];

    /// Its BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Pl => "pl",
            Language::Fr => "fr",
            Language::Ru => "ru",
        }
    }

    /// Its catalogue's source.
    pub fn catalogue(self) -> &'static str {
        match self {
            Language::En => include_str!("../../locales/en.ftl"),
            Language::Pl => include_str!("../../locales/pl.ftl"),
            Language::Fr => include_str!("../../locales/fr.ftl"),
            Language::Ru => include_str!("../../locales/ru.ftl"),
        }
    }

    /// The language of a tag or a POSIX locale (`pl`, `pl-PL`, `fr_FR.UTF-8`).
    pub fn parse(text: &str) -> Option<Language> {
        let primary = text
            .trim()
            .split(['-', '_', '.', '@'])
            .next()?
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`,
    /// as POSIX orders them), English when none is spoken here.
    pub fn from_env() -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Language::parse(&v))
            .unwrap_or(Language::En)
    }
}

impl std::str::FromStr for Language {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse(s).ok_or_else(|| format!("`{s}` is not one of en, pl, fr, ru"))
    }
}
