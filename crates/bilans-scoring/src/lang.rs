//! The scoring methods' words in each language: the message files `locales/*.toml`
//! (the Markdown reports' headings, headers and sentences), read through [`text`] and
//! [`message`].

bilans_model::message_files!();

/// A sentence as data: a message key of this crate's files and its arguments, worded
/// in any language when written ([`Words::text_in`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    key: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Words {
    /// The message `key` with `args` (each written out now).
    pub(crate) fn new(key: &'static str, args: &[(&'static str, &dyn std::fmt::Display)]) -> Words {
        Words {
            key,
            args: args
                .iter()
                .map(|(name, value)| (*name, value.to_string()))
                .collect(),
        }
    }

    /// The sentence in `lang`.
    pub fn text_in(&self, lang: bilans_model::Lang) -> String {
        let args: Vec<(&str, &dyn std::fmt::Display)> = self
            .args
            .iter()
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        message(lang, self.key, &args)
    }
}
