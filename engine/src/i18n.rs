//! Messages in the person's language: the shared Fluent catalogues
//! (`locales/*.ftl`, the same files the app's screens load with
//! `@fluent/bundle`) rendered with `fluent-bundle`, with money and numbers
//! written for the locale.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::ledger::{Arg, Message};
use crate::money::{written, Currency, Money};

pub use crate::language::Language;

/// One language's messages, ready to render.
pub struct Catalogue {
    language: Language,
    bundle: FluentBundle<FluentResource>,
    /// English, for a message this language lacks (a test keeps that from
    /// happening; a screen still never shows an id).
    fallback: Option<Box<Catalogue>>,
}

fn bundle_of(language: Language) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language
        .tag()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals and log lines show the isolation marks as noise.
    bundle.set_use_isolating(false);
    // The catalogues are this crate's own, checked by its tests: a syntax
    // error there keeps the messages that did parse.
    let resource = match FluentResource::try_new(language.catalogue().to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

impl Catalogue {
    /// The catalogue of `language`.
    pub fn new(language: Language) -> Catalogue {
        Catalogue {
            language,
            bundle: bundle_of(language),
            fallback: (language != Language::En).then(|| Box::new(Catalogue::new(Language::En))),
        }
    }

    /// Its language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The message in words.
    pub fn render(&self, message: &Message) -> String {
        let Some(pattern) = self.bundle.get_message(&message.id).and_then(|m| m.value()) else {
            return match &self.fallback {
                Some(english) => english.render(message),
                None => message.id.clone(),
            };
        };
        let mut args = FluentArgs::new();
        for (name, arg) in &message.args {
            let value = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Name(n) => FluentValue::from(n.in_language(self.language).to_string()),
                Arg::Money { minor, currency } => {
                    FluentValue::from(self.money_text(*minor, currency))
                }
                Arg::Message(inner) => FluentValue::from(self.render(inner)),
                Arg::Date(date) => FluentValue::from(self.date_text(*date)),
            };
            args.set(name.clone(), value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id = %message.id, ?errors, "a message did not render cleanly");
        }
        text.into_owned()
    }

    /// A date written for this language: `3 Dec 2026`, `3.12.2026` (Polish),
    /// `03/12/2026` (French), `03.12.2026` (Russian).
    pub fn date_text(&self, date: chrono::NaiveDate) -> String {
        date.format(match self.language {
            Language::En => "%-d %b %Y",
            Language::Pl => "%-d.%m.%Y",
            Language::Fr => "%d/%m/%Y",
            Language::Ru => "%d.%m.%Y",
        })
        .to_string()
    }

    /// Money written for this language: `$4.50` in English, `4,50 zł` in
    /// Polish (`money::written`).
    pub fn money_text(&self, minor: i64, currency: &str) -> String {
        match Currency::parse(currency) {
            Ok(currency) => written::money(self.language, Money::new(minor, currency)),
            Err(_) => format!("{minor} {currency}"),
        }
    }
}

#[cfg(test)]
mod tests;
