//! The languages bilans writes (English, Polish, Russian, Ukrainian) and the message
//! files that hold its words.
//!
//! Every crate that writes text keeps its messages as data: one TOML file per language
//! under its `locales/` folder, embedded with [`embedded_messages!`] and read through
//! [`Messages`]. A key names one message (`sheet.summary`); a message may hold
//! placeholders in braces (`{period}`), filled by [`Messages::format`]. The English file
//! is the reference: [`Messages::problems`] lists every key another language lacks or
//! adds, every placeholder that differs, and every empty message, and each crate's
//! tests assert that the list is empty.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::ModelError;

// The model's own messages (statements, severities, findings, units).
crate::message_files!();

/// The names of line items that a language's import dictionary has no caption for
/// (`locales/items.toml`): item name → language → name.
pub(crate) fn item_names() -> &'static BTreeMap<String, BTreeMap<String, String>> {
    static NAMES: LazyLock<BTreeMap<String, BTreeMap<String, String>>> =
        LazyLock::new(|| toml::from_str(include_str!("../locales/items.toml")).unwrap_or_default());
    &NAMES
}

/// A language of bilans's output. JSON keys and machine names never change with it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Polish.
    Pl,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
}

impl Lang {
    /// Every language, English (the reference) first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Pl, Lang::Ru, Lang::Uk];

    /// The ISO 639-1 code: `en`, `pl`, `ru`, `uk`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pl => "pl",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
        }
    }

    /// The position in [`Lang::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = ModelError;

    /// Parses a language code (`en`, `pl`, `ru`, `uk`, any case); a region after it
    /// (`pl_PL.UTF-8`, `uk-UA`) is ignored, so a locale variable's value parses too.
    fn from_str(text: &str) -> Result<Lang, ModelError> {
        let code: String = text
            .trim()
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code() == code)
            .ok_or_else(|| ModelError::UnknownLanguage(text.to_owned()))
    }
}

/// What [`Messages::get`] gives for a key that no message file has.
pub const MISSING_MESSAGE: &str = "[missing message]";

/// A crate's messages in every language, parsed from its message files.
#[derive(Debug, Clone)]
pub struct Messages {
    /// Per language (in the order of [`Lang::ALL`]): key → message.
    tables: [BTreeMap<String, String>; 4],
    /// Files that did not parse, with the parser's message.
    parse_errors: Vec<String>,
}

/// Embeds a crate's message files `locales/{en,pl,ru,uk}.toml` and parses them into
/// [`Messages`]: `static MESSAGES: LazyLock<Messages> = LazyLock::new(|| crate::embedded_messages!());`.
#[macro_export]
macro_rules! embedded_messages {
    () => {
        $crate::Messages::parse([
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.toml")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/pl.toml")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ru.toml")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/uk.toml")),
        ])
    };
}

/// Defines, in the calling module, `messages()` (the crate's message files, embedded
/// with [`embedded_messages!`] and parsed once), `text(lang, key)`, `message(lang, key,
/// args)`, and the test that every message is in every language.
#[macro_export]
macro_rules! message_files {
    () => {
        /// This crate's messages (`locales/*.toml`), parsed once.
        pub(crate) fn messages() -> &'static $crate::Messages {
            static MESSAGES: std::sync::LazyLock<$crate::Messages> =
                std::sync::LazyLock::new(|| $crate::embedded_messages!());
            &MESSAGES
        }

        /// The message `key` in `lang`.
        #[allow(dead_code)]
        pub(crate) fn text(lang: $crate::Lang, key: &str) -> &'static str {
            messages().get(lang, key)
        }

        /// The message `key` in `lang` with its placeholders filled.
        #[allow(dead_code)]
        pub(crate) fn message(
            lang: $crate::Lang,
            key: &str,
            args: &[(&str, &dyn std::fmt::Display)],
        ) -> String {
            messages().format(lang, key, args)
        }

        #[cfg(test)]
        #[test]
        fn every_message_is_in_every_language() {
            assert_eq!(messages().problems(), Vec::<String>::new());
        }
    };
}

impl Messages {
    /// Parses the message files of [`Lang::ALL`], in that order. Nested tables give
    /// dotted keys (`[sheet] summary = "…"` is `sheet.summary`). A file that does not
    /// parse gives no messages and is listed by [`Messages::problems`].
    pub fn parse(files: [&str; 4]) -> Messages {
        let mut parse_errors = Vec::new();
        let tables = std::array::from_fn(|lang_idx| {
            let mut table = BTreeMap::new();
            match files[lang_idx].parse::<toml::Table>() {
                Ok(parsed) => flatten("", &parsed, &mut table, &mut parse_errors),
                Err(error) => parse_errors.push(format!(
                    "{}.toml does not parse: {error}",
                    Lang::ALL[lang_idx]
                )),
            }
            table
        });
        Messages {
            tables,
            parse_errors,
        }
    }

    /// The message `key` in `lang`; the English one if `lang` lacks it, and
    /// [`MISSING_MESSAGE`] if English lacks it too (so a missing message shows, and the
    /// tests of [`Messages::problems`] and of each output catch it).
    pub fn get(&self, lang: Lang, key: &str) -> &str {
        self.lookup(lang, key)
            .or_else(|| self.lookup(Lang::En, key))
            .unwrap_or(MISSING_MESSAGE)
    }

    /// The message `key` in `lang`, if that language has it.
    pub fn lookup(&self, lang: Lang, key: &str) -> Option<&str> {
        self.tables[lang.index()].get(key).map(String::as_str)
    }

    /// The message `key` in `lang` with each `{name}` replaced by its value in `args`
    /// (a placeholder without a value stays as written; a value is never searched
    /// for placeholders of its own).
    ///
    /// One pass over the message, each value written in place: workbooks and reports
    /// format a message for thousands of cells and lines.
    pub fn format(&self, lang: Lang, key: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
        use fmt::Write;
        let template = self.get(lang, key);
        let mut text = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let (before, from_brace) = rest.split_at(open);
            text.push_str(before);
            let Some(close) = from_brace.find('}') else {
                rest = from_brace;
                break;
            };
            let (placeholder, after) = from_brace.split_at(close + 1);
            let name = &placeholder[1..placeholder.len() - 1];
            if name.contains('{') {
                // A brace of the text itself, before a placeholder: kept, and the
                // placeholder looked for after it.
                text.push('{');
                rest = &from_brace[1..];
                continue;
            }
            match args.iter().find(|(wanted, _)| *wanted == name) {
                Some((_, value)) => {
                    let _ = write!(text, "{value}");
                }
                None => text.push_str(placeholder),
            }
            rest = after;
        }
        text.push_str(rest);
        text
    }

    /// Every key of the reference (English) file.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.tables[Lang::En.index()].keys().map(String::as_str)
    }

    /// Every message of `lang`.
    pub fn texts(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.tables[lang.index()].values().map(String::as_str)
    }

    /// What is wrong with the files: parse errors; keys a language lacks or has beyond
    /// English; messages whose placeholders differ from the English one; empty messages.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = self.parse_errors.clone();
        let reference = &self.tables[Lang::En.index()];
        for lang in Lang::ALL {
            let table = &self.tables[lang.index()];
            for (key, text) in table {
                if text.trim().is_empty() {
                    problems.push(format!("{lang}: `{key}` is empty"));
                }
                let Some(english) = reference.get(key) else {
                    problems.push(format!("{lang}: `{key}` is not in en.toml"));
                    continue;
                };
                if placeholders(text) != placeholders(english) {
                    problems.push(format!(
                        "{lang}: `{key}` has placeholders {:?}, en.toml {:?}",
                        placeholders(text),
                        placeholders(english)
                    ));
                }
            }
            for key in reference.keys() {
                if !table.contains_key(key) {
                    problems.push(format!("{lang}: `{key}` is missing"));
                }
            }
        }
        problems
    }
}

/// The `{name}` placeholders of a message.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            break;
        };
        names.insert(&after[..end]);
        rest = &after[end + 1..];
    }
    names
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut BTreeMap<String, String>,
    errors: &mut Vec<String>,
) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(text) => {
                out.insert(full, text.clone());
            }
            toml::Value::Table(inner) => flatten(&full, inner, out, errors),
            _ => errors.push(format!("`{full}` is not a string or a table")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Lang, Messages, item_names, placeholders};
    use crate::LineItem;

    #[test]
    fn messages_fill_each_placeholder_once_and_keep_other_braces() {
        let messages = Messages::parse([
            "a = \"{n} of {n}, {missing}, {x {n}} and {\"\nb = \"no placeholders\"",
            "a = \"{n} z {n}\"",
            "",
            "",
        ]);
        let value = "{n}";
        let args: [(&str, &dyn std::fmt::Display); 2] = [("n", &7), ("x", &value)];
        assert_eq!(
            messages.format(Lang::En, "a", &args),
            "7 of 7, {missing}, {x 7} and {"
        );
        assert_eq!(messages.format(Lang::Pl, "a", &args), "7 z 7");
        // A value that looks like a placeholder is written as it is.
        assert_eq!(
            messages.format(Lang::En, "a", &[("n", &value)]),
            "{n} of {n}, {missing}, {x {n}} and {"
        );
        assert_eq!(messages.format(Lang::Ru, "b", &args), "no placeholders");
    }

    #[test]
    fn every_item_has_one_name_per_language() {
        assert!(
            !item_names().is_empty(),
            "locales/items.toml does not parse"
        );
        for (name, names) in item_names() {
            let item: LineItem = name.parse().unwrap();
            for (code, text) in names {
                let lang: Lang = code.parse().unwrap();
                let captions = match lang {
                    Lang::En => item.info().labels.en,
                    Lang::Pl => item.info().labels.pl,
                    Lang::Ru => item.info().labels.ru,
                    Lang::Uk => item.info().labels.uk,
                };
                assert!(
                    lang != Lang::En && captions.is_empty(),
                    "{name}: `{text}` in items.toml, but the {lang} dictionary names it already"
                );
            }
        }
        for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
            for item in LineItem::ALL {
                assert_ne!(
                    item.label_in(lang),
                    item.label(),
                    "{item} has no {lang} name: give one in locales/items.toml"
                );
            }
        }
    }

    #[test]
    fn codes_and_locales_parse() {
        for (text, lang) in [
            ("en", Lang::En),
            ("PL", Lang::Pl),
            ("ru_RU.UTF-8", Lang::Ru),
            ("uk-UA", Lang::Uk),
        ] {
            assert_eq!(text.parse::<Lang>().unwrap(), lang);
        }
        for text in ["", "de", "english", "C"] {
            assert!(text.parse::<Lang>().is_err(), "{text}");
        }
    }

    #[test]
    fn problems_name_missing_keys_placeholders_and_empty_messages() {
        let messages = Messages::parse([
            "a = \"A {x}\"\n[b]\nc = \"C\"",
            "a = \"A {y}\"\n[b]\nc = \"C\"",
            "a = \"A {x}\"",
            "a = \"A {x}\"\nd = \"\"\n[b]\nc = \"C\"",
        ]);
        assert_eq!(
            messages.problems(),
            [
                "pl: `a` has placeholders {\"y\"}, en.toml {\"x\"}",
                "ru: `b.c` is missing",
                "uk: `d` is empty",
                "uk: `d` is not in en.toml",
            ]
        );
        assert_eq!(messages.get(Lang::Ru, "b.c"), "C");
        assert_eq!(messages.get(Lang::Ru, "nowhere"), super::MISSING_MESSAGE);
        assert_eq!(messages.format(Lang::En, "a", &[("x", &7)]), "A 7");
        assert_eq!(
            placeholders("{a} and {b}").into_iter().collect::<Vec<_>>(),
            ["a", "b"]
        );
    }
}
