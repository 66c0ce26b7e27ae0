//! The command's own messages per language (`locales/*.toml`): notes on standard
//! error, the error prefix and hints, and the location frame of spreadsheet errors.

use std::fmt;
use std::sync::LazyLock;

use bilans_model::{Lang, Messages};
use bilans_sheets::SheetsError;

fn messages() -> &'static Messages {
    static MESSAGES: LazyLock<Messages> = LazyLock::new(|| bilans_model::embedded_messages!());
    &MESSAGES
}

/// The message `key` in `lang`.
pub(crate) fn text(lang: Lang, key: &str) -> &'static str {
    messages().get(lang, key)
}

/// The message `key` in `lang` with its placeholders filled.
pub(crate) fn message(lang: Lang, key: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    messages().format(lang, key, args)
}

/// The error in `lang` when it is a spreadsheet error whose frame bilans words itself
/// (the file, sheet and cell, an output that exists); `None` leaves it as it is. The
/// detail after the location comes from the reader and stays as it is written.
pub(crate) fn translated_error(error: &anyhow::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let sheets = error.downcast_ref::<SheetsError>()?;
    Some(match sheets {
        SheetsError::AtCell {
            file,
            sheet,
            cell,
            kind: detail,
        } => message(
            lang,
            "sheets_error.at_cell",
            &[
                ("file", file),
                ("sheet", sheet),
                ("cell", cell),
                ("message", detail),
            ],
        ),
        SheetsError::InSheet {
            file,
            sheet,
            kind: detail,
        } => message(
            lang,
            "sheets_error.in_sheet",
            &[("file", file), ("sheet", sheet), ("message", detail)],
        ),
        SheetsError::OutputExists(path) => message(
            lang,
            "sheets_error.output_exists",
            &[("path", &path.display())],
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::lang::messages;

    #[test]
    fn every_message_is_in_every_language() {
        assert_eq!(messages().problems(), Vec::<String>::new());
    }
}
