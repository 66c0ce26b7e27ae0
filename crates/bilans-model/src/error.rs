//! The one error type of the model crate, worded from the model's message files
//! (`locales/*.toml`, section `error`): [`ModelError::text_in`] in any language,
//! `Display` in English.

use std::fmt;

use crate::Lang;

/// What can go wrong when building model values from text.
#[derive(Debug)]
#[non_exhaustive]
pub enum ModelError {
    /// A line item name that is not in the catalogue.
    UnknownLineItem(String),
    /// A period that cannot be parsed.
    BadPeriod(String),
    /// A calendar date that does not exist or cannot be parsed.
    InvalidDate(String),
    /// Period parts that do not make a period (a fifth quarter, a fiscal year ending in
    /// month 13, a day range that ends before it starts).
    InvalidPeriod(String),
    /// A unit scale that cannot be parsed.
    BadScale(String),
    /// A language code that bilans does not write.
    UnknownLanguage(String),
}

impl ModelError {
    /// What is wrong, in `lang` (the text given stays as it is).
    pub fn text_in(&self, lang: Lang) -> String {
        let (key, text) = match self {
            ModelError::UnknownLineItem(text) => ("error.unknown_line_item", text),
            ModelError::BadPeriod(text) => ("error.bad_period", text),
            ModelError::InvalidDate(text) => ("error.invalid_date", text),
            ModelError::InvalidPeriod(text) => ("error.invalid_period", text),
            ModelError::BadScale(text) => ("error.bad_scale", text),
            ModelError::UnknownLanguage(text) => ("error.unknown_language", text),
        };
        crate::lang::messages().format(lang, key, &[("text", text)])
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for ModelError {}
