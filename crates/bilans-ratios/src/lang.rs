//! The engine's words in each language: its message files (`locales/*.toml`), and the
//! ratio names they hold, keyed by ratio id.
//!
//! This module depends only on [`RatioId`], so every other module of the engine may
//! use it.

use bilans_model::Lang;

use crate::RatioId;

bilans_model::message_files!();

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
