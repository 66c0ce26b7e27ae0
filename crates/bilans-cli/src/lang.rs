//! The command's own messages per language (`locales/*.toml`): notes on standard
//! error, the error prefix, hints and the contexts of its errors.

bilans_model::message_files!();

/// The language of this run (`--lang`), for the output helpers every command shares
/// (`output.rs`); the commands themselves take it as an argument.
static LANG: std::sync::OnceLock<bilans_model::Lang> = std::sync::OnceLock::new();

/// Sets the language of this run; only the first call counts.
pub(crate) fn set_lang(lang: bilans_model::Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run (English before [`set_lang`]).
pub(crate) fn lang() -> bilans_model::Lang {
    LANG.get().copied().unwrap_or_default()
}
