//! The command's own messages per language (`locales/*.toml`): notes on standard
//! error, the error prefix and hints, and the location frame of spreadsheet errors.

use bilans_model::Lang;
use bilans_sheets::{ErrorKind, SheetsError};

bilans_model::message_files!();

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
                ("message", &kind_text(detail, lang)),
            ],
        ),
        SheetsError::InSheet {
            file,
            sheet,
            kind: detail,
        } => message(
            lang,
            "sheets_error.in_sheet",
            &[
                ("file", file),
                ("sheet", sheet),
                ("message", &kind_text(detail, lang)),
            ],
        ),
        SheetsError::InFile { file, kind } => message(
            lang,
            "sheets_error.in_file",
            &[("file", file), ("message", &kind_text(kind, lang))],
        ),
        SheetsError::OutputExists(path) => message(
            lang,
            "sheets_error.output_exists",
            &[("path", &path.display())],
        ),
        _ => return None,
    })
}

/// An error's kind in `lang`: the kinds bilans words itself (an encrypted workbook, a
/// sheet that is not there, a file that cannot be read, no line item recognised, a
/// cell that is no number); the others, whose detail the reader or parser writes,
/// as they are.
fn kind_text(kind: &ErrorKind, lang: Lang) -> String {
    match kind {
        ErrorKind::Encrypted => text(lang, "error_kind.encrypted").to_owned(),
        ErrorKind::NoSuchSheet { name, present } => message(
            lang,
            "error_kind.no_such_sheet",
            &[("name", name), ("present", &present.join(", "))],
        ),
        ErrorKind::CannotRead(detail) => {
            message(lang, "error_kind.cannot_read", &[("detail", detail)])
        }
        ErrorKind::NoLineItems { sheets } if sheets.is_empty() => {
            text(lang, "error_kind.no_line_items").to_owned()
        }
        ErrorKind::NoLineItems { sheets } => message(
            lang,
            "error_kind.no_line_items_in",
            &[("sheets", &sheets.join(", "))],
        ),
        ErrorKind::ExpectedNumber { found } => {
            message(lang, "error_kind.expected_number", &[("found", found)])
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use bilans_model::Lang;
    use bilans_sheets::ErrorKind;

    use crate::lang::kind_text;

    /// The English messages of the kinds the CLI words itself say what the library's
    /// own messages say, and the other languages say something else.
    #[test]
    fn error_kinds_match_the_library_in_english_and_are_translated() {
        let kinds = [
            ErrorKind::Encrypted,
            ErrorKind::NoSuchSheet {
                name: "Bilans".into(),
                present: vec!["Arkusz1".to_owned(), "RZiS".to_owned()].into(),
            },
            ErrorKind::CannotRead("denied".to_owned()),
            ErrorKind::NoLineItems { sheets: Vec::new() },
            ErrorKind::NoLineItems {
                sheets: vec!["Arkusz1".to_owned()],
            },
            ErrorKind::ExpectedNumber {
                found: "text `x`".to_owned(),
            },
        ];
        for kind in &kinds {
            assert_eq!(kind_text(kind, Lang::En), kind.to_string());
            for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
                assert_ne!(kind_text(kind, lang), kind.to_string(), "{lang}: {kind}");
            }
        }
    }
}
