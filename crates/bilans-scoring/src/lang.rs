//! The scoring methods' words in each language: the message files `locales/*.toml`
//! (the Markdown reports' headings, headers and sentences), read through [`text`] and
//! [`message`].

bilans_model::message_files!();

/// A sentence as data: a message key of this crate's files and its arguments (texts,
/// or sentences of their own), worded in any language when written
/// ([`Words::text_in`]); `Display` writes it in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Words`]: a text kept as it is, or a sentence worded in the
/// same language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    Words(Words),
}

impl Words {
    /// The message `key` with `args` (each written out now).
    pub(crate) fn new(key: &'static str, args: &[(&'static str, &dyn std::fmt::Display)]) -> Words {
        Words {
            key,
            args: args
                .iter()
                .map(|(name, value)| (*name, Arg::Text(value.to_string())))
                .collect(),
        }
    }

    /// This sentence with one more argument, `name`, itself a sentence.
    #[must_use]
    pub(crate) fn with(mut self, name: &'static str, words: Words) -> Words {
        self.args.push((name, Arg::Words(words)));
        self
    }

    /// The message key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The sentence in `lang`.
    pub fn text_in(&self, lang: bilans_model::Lang) -> String {
        let texts: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let text = match value {
                    Arg::Text(text) => text.clone(),
                    Arg::Words(words) => words.text_in(lang),
                };
                (*name, text)
            })
            .collect();
        let args: Vec<(&str, &dyn std::fmt::Display)> = texts
            .iter()
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        message(lang, self.key, &args)
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(bilans_model::Lang::En))
    }
}
