//! The engine's words in each language: its message files (`locales/*.toml`), and the
//! ratio names they hold, keyed by ratio id.
//!
//! This module depends only on [`RatioId`], so every other module of the engine may
//! use it.

use std::sync::LazyLock;

use bilans_model::{Lang, Messages};

use crate::RatioId;

/// The engine's messages.
pub(crate) fn messages() -> &'static Messages {
    static MESSAGES: LazyLock<Messages> = LazyLock::new(|| bilans_model::embedded_messages!());
    &MESSAGES
}

/// The message `key` in `lang`.
pub(crate) fn text(lang: Lang, key: &str) -> &'static str {
    messages().get(lang, key)
}

impl RatioId {
    /// The readable name in `lang`, e.g. `wskaźnik bieżącej płynności`; in English the
    /// catalogue's own name.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label(),
            _ => text(lang, &format!("ratio.{}", self.name())),
        }
    }
}
