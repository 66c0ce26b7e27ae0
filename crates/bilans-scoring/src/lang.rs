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
    /// Sentences joined by a separator.
    List(Vec<Words>, &'static str),
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

    /// This sentence with one more argument, `name`: `items` joined by `separator`.
    #[must_use]
    pub(crate) fn with_list(
        mut self,
        name: &'static str,
        items: Vec<Words>,
        separator: &'static str,
    ) -> Words {
        self.args.push((name, Arg::List(items, separator)));
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
                    Arg::List(items, separator) => {
                        let texts: Vec<String> =
                            items.iter().map(|words| words.text_in(lang)).collect();
                        texts.join(separator)
                    }
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

/// A sentence serialises as its English text (the JSON keeps the text it had when it
/// was a string).
impl serde::Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text_in(bilans_model::Lang::En))
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(bilans_model::Lang::En))
    }
}
