//! The one error type of the sheets crate: every variant names the file, and where it
//! can, the sheet and cell; what is wrong is an [`ErrorKind`], which callers and tests
//! match on rather than on a message.
//!
//! Every message is worded from this crate's message files (`locales/*.toml`, section
//! `error`): [`SheetsError::text_in`] in any language, `Display` in English. A detail
//! that another library wrote (the TOML parser's, the reader's, the disk's) stays as
//! that library wrote it.

use std::fmt;
use std::path::PathBuf;

use bilans_model::{Lang, LineItem, Period};

use crate::lang::{message, text};
use crate::numbers::{AmountError, NumberError};

/// What can go wrong reading or writing spreadsheets.
#[derive(Debug)]
#[non_exhaustive]
pub enum SheetsError {
    /// A problem at a known cell.
    AtCell {
        /// The file as given.
        file: String,
        /// The sheet name.
        sheet: String,
        /// The cell in A1 notation.
        cell: String,
        /// What is wrong.
        kind: ErrorKind,
    },
    /// A problem with a whole sheet.
    InSheet {
        /// The file as given.
        file: String,
        /// The sheet name.
        sheet: String,
        /// What is wrong.
        kind: ErrorKind,
    },
    /// A problem with a whole file (not a spreadsheet, corrupt, encrypted, ...).
    InFile {
        /// The file as given.
        file: String,
        /// What is wrong.
        kind: ErrorKind,
    },
    /// The output exists and overwriting was not asked for.
    OutputExists(PathBuf),
    /// An I/O error on a path.
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The workbook writer failed.
    Xlsx {
        /// The output path.
        path: PathBuf,
        /// The underlying error.
        source: rust_xlsxwriter::XlsxError,
    },
    /// The workbook could not be built (before any file is written).
    Workbook {
        /// The underlying error.
        source: rust_xlsxwriter::XlsxError,
    },
}

/// What is wrong in an input, wherever it is ([`SheetsError::AtCell`],
/// [`SheetsError::InSheet`] or [`SheetsError::InFile`]); messages are in lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file is not a workbook bilans reads (its extension or content), or is empty.
    NotAWorkbook(Detail),
    /// The workbook is password-protected.
    Encrypted,
    /// The file cannot be read from the disk.
    CannotRead(String),
    /// The workbook (or one sheet, or one cell) is corrupt, or the reader failed on it.
    Corrupt(Detail),
    /// The file, a sheet or a cell is beyond what bilans reads (`reader::LIMITS`).
    TooLarge(Detail),
    /// A sheet asked for is not in the workbook.
    NoSuchSheet {
        /// The sheet asked for.
        name: Box<str>,
        /// The sheets of the workbook, in workbook order.
        present: Box<[String]>,
    },
    /// A sheet that a workbook of this kind must have is missing.
    MissingSheet {
        /// The sheet's name.
        name: Box<str>,
        /// What the sheet is for, if the message says it.
        why: Option<Detail>,
    },
    /// No row label is a known line item.
    NoLineItems {
        /// The sheets read, named in the message of a whole-file error (empty for an
        /// error about one sheet).
        sheets: Vec<String>,
    },
    /// A cell that must hold a number holds text that is none (by the rules of
    /// [`crate::numbers`]): ambiguous, badly grouped, a percentage, out of range.
    Number(Box<NumberError>),
    /// An amount cell of a statement that holds no trustworthy amount.
    BadAmount {
        /// Why it is not an amount.
        reason: Box<AmountError>,
        /// The line item of its row (or column).
        item: LineItem,
        /// The period of its column (or row).
        period: Period,
    },
    /// A cell that must hold a number holds something else.
    ExpectedNumber {
        /// What the cell holds, described (`text `x``, `an empty cell`).
        found: String,
    },
    /// A TOML input that does not parse, with its line and column.
    Toml(Detail),
    /// Anything else, described in words.
    Invalid(Detail),
}

impl From<NumberError> for ErrorKind {
    fn from(error: NumberError) -> ErrorKind {
        ErrorKind::Number(Box::new(error))
    }
}

impl SheetsError {
    /// An error at `cell` of `sheet` in `file`.
    pub(crate) fn at_cell(file: &str, sheet: &str, cell: &str, kind: ErrorKind) -> SheetsError {
        SheetsError::AtCell {
            file: file.to_owned(),
            sheet: sheet.to_owned(),
            cell: cell.to_owned(),
            kind,
        }
    }

    /// An error about the whole `sheet` of `file`.
    pub(crate) fn in_sheet(file: &str, sheet: &str, kind: ErrorKind) -> SheetsError {
        SheetsError::InSheet {
            file: file.to_owned(),
            sheet: sheet.to_owned(),
            kind,
        }
    }

    /// An error about the whole `file`.
    pub(crate) fn in_file(file: &str, kind: ErrorKind) -> SheetsError {
        SheetsError::InFile {
            file: file.to_owned(),
            kind,
        }
    }

    /// What is wrong in the input, for an error located in one; `None` for an output
    /// that exists, an I/O error on a path, or a workbook that cannot be written.
    pub fn kind(&self) -> Option<&ErrorKind> {
        match self {
            SheetsError::AtCell { kind, .. }
            | SheetsError::InSheet { kind, .. }
            | SheetsError::InFile { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

/// An error's detail in words: a message of this crate's files (`locales/*.toml`) with
/// its arguments, worded in any language, or a text another library wrote, kept as it
/// is. (Boxed, so that an error stays small.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail(Box<DetailText>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum DetailText {
    /// A message `key` with its placeholders' values (each itself worded in the
    /// language, if it is a message).
    Message {
        key: &'static str,
        args: Vec<(&'static str, Detail)>,
    },
    /// A text written elsewhere (a library's, the disk's), in English.
    Verbatim(String),
    /// A sentence of the scoring methods' message files (what is wrong in a KPI card,
    /// a staff file, a partner panel).
    Scoring(bilans_scoring::Words),
}

impl Detail {
    /// The message `key` with `args` (each written out now).
    pub(crate) fn new(key: &'static str, args: &[(&'static str, &dyn fmt::Display)]) -> Detail {
        Detail::nested(
            key,
            args.iter()
                .map(|(name, value)| (*name, Detail::verbatim(value.to_string())))
                .collect(),
        )
    }

    /// The message `key` whose placeholders are details of their own.
    pub(crate) fn nested(key: &'static str, args: Vec<(&'static str, Detail)>) -> Detail {
        Detail(Box::new(DetailText::Message { key, args }))
    }

    /// A text another library wrote, kept as it is.
    pub fn verbatim(text: impl Into<String>) -> Detail {
        Detail(Box::new(DetailText::Verbatim(text.into())))
    }

    /// The message key, for a detail bilans words itself.
    pub fn key(&self) -> Option<&'static str> {
        match &*self.0 {
            DetailText::Message { key, .. } => Some(key),
            DetailText::Scoring(words) => Some(words.key()),
            DetailText::Verbatim(_) => None,
        }
    }

    /// The detail in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match &*self.0 {
            DetailText::Message { key, args } => {
                let texts: Vec<(&str, String)> = args
                    .iter()
                    .map(|(name, value)| (*name, value.text_in(lang)))
                    .collect();
                let args: Vec<(&str, &dyn fmt::Display)> = texts
                    .iter()
                    .map(|(name, value)| (*name, value as &dyn fmt::Display))
                    .collect();
                message(lang, key, &args)
            }
            DetailText::Scoring(words) => words.text_in(lang),
            DetailText::Verbatim(text) => text.clone(),
        }
    }
}

impl From<bilans_scoring::Words> for Detail {
    fn from(words: bilans_scoring::Words) -> Detail {
        Detail(Box::new(DetailText::Scoring(words)))
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl From<String> for Detail {
    fn from(text: String) -> Detail {
        Detail::verbatim(text)
    }
}

impl From<&str> for Detail {
    fn from(text: &str) -> Detail {
        Detail::verbatim(text)
    }
}

impl ErrorKind {
    /// What is wrong, in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            ErrorKind::NotAWorkbook(detail)
            | ErrorKind::Corrupt(detail)
            | ErrorKind::TooLarge(detail)
            | ErrorKind::Toml(detail)
            | ErrorKind::Invalid(detail) => detail.text_in(lang),
            ErrorKind::Encrypted => text(lang, "error.encrypted").to_owned(),
            ErrorKind::CannotRead(detail) => {
                message(lang, "error.cannot_read", &[("detail", detail)])
            }
            ErrorKind::NoSuchSheet { name, present } => message(
                lang,
                "error.no_such_sheet",
                &[("name", name), ("present", &present.join(", "))],
            ),
            ErrorKind::MissingSheet { name, why: None } => {
                message(lang, "error.missing_sheet", &[("name", name)])
            }
            ErrorKind::MissingSheet {
                name,
                why: Some(why),
            } => message(
                lang,
                "error.missing_sheet_for",
                &[("name", name), ("why", &why.text_in(lang))],
            ),
            ErrorKind::NoLineItems { sheets } if sheets.is_empty() => {
                text(lang, "error.no_line_items").to_owned()
            }
            ErrorKind::NoLineItems { sheets } => message(
                lang,
                "error.no_line_items_in",
                &[("sheets", &sheets.join(", "))],
            ),
            ErrorKind::Number(error) => error.text_in(lang),
            ErrorKind::BadAmount {
                reason,
                item,
                period,
            } => message(
                lang,
                "error.bad_amount",
                &[
                    ("reason", &reason.text_in(lang)),
                    ("item", &item.name()),
                    ("period", period),
                ],
            ),
            ErrorKind::ExpectedNumber { found } => {
                message(lang, "error.expected_number", &[("found", found)])
            }
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for ErrorKind {}

impl SheetsError {
    /// The error in `lang`: where it is (file, sheet, cell) and what is wrong. The
    /// detail of an I/O or workbook-writer error is the library's own.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            SheetsError::AtCell {
                file,
                sheet,
                cell,
                kind,
            } => message(
                lang,
                "error.at_cell",
                &[
                    ("file", file),
                    ("sheet", sheet),
                    ("cell", cell),
                    ("message", &kind.text_in(lang)),
                ],
            ),
            SheetsError::InSheet { file, sheet, kind } => message(
                lang,
                "error.in_sheet",
                &[
                    ("file", file),
                    ("sheet", sheet),
                    ("message", &kind.text_in(lang)),
                ],
            ),
            SheetsError::InFile { file, kind } => message(
                lang,
                "error.in_file",
                &[("file", file), ("message", &kind.text_in(lang))],
            ),
            SheetsError::OutputExists(path) => {
                message(lang, "error.output_exists", &[("path", &path.display())])
            }
            SheetsError::Io { path, source } => message(
                lang,
                "error.io",
                &[("path", &path.display()), ("detail", source)],
            ),
            SheetsError::Xlsx { path, source } => message(
                lang,
                "error.cannot_write",
                &[("path", &path.display()), ("detail", source)],
            ),
            SheetsError::Workbook { source } => {
                message(lang, "error.cannot_build", &[("detail", source)])
            }
        }
    }
}

impl fmt::Display for SheetsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for SheetsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // What is wrong is part of the message, not a cause of its own.
        match self {
            SheetsError::Io { source, .. } => Some(source),
            SheetsError::Xlsx { source, .. } | SheetsError::Workbook { source } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use bilans_model::{Lang, LineItem, Period};

    use super::{Detail, ErrorKind, SheetsError};
    use crate::numbers::{AmountError, NumberError};

    /// One error of every kind bilans words itself (a detail of each message key the
    /// reader and the import use).
    fn kinds() -> Vec<ErrorKind> {
        let detail = |key: &'static str| {
            Detail::new(
                key,
                &[
                    ("detail", &"x"),
                    ("failure", &"x"),
                    ("name", &"x"),
                    ("size", &"1 MB"),
                    ("limit", &7),
                    ("count", &3),
                    ("cells", &9),
                    ("first", &"A1"),
                    ("last", &"B2"),
                    ("second", &"y"),
                    ("length", &40000),
                    ("unit", &"mln"),
                    ("at", &"Bilans!A1"),
                    ("item", &"revenue"),
                    ("period", &"2024"),
                    ("entity", &"Firma"),
                    ("other", &"C3"),
                    ("folder", &"out"),
                    ("number", &2),
                    ("line", &1),
                    ("column", &2),
                    ("rest", &""),
                    ("kpi", &"KPI"),
                    ("actuals", &"Actuals"),
                ],
            )
        };
        let mut kinds: Vec<ErrorKind> = [
            "error.not_a_spreadsheet",
            "error.empty_file",
            "error.not_a_workbook",
        ]
        .into_iter()
        .map(|key| ErrorKind::NotAWorkbook(detail(key)))
        .collect();
        for key in [
            "error.corrupt",
            "error.reader_failed",
            "error.unreadable",
            "error.no_content",
            "error.cannot_read_sheet",
            "error.part_bomb",
            "error.workbook_bomb",
            "error.strings_announced",
            "error.written_twice",
        ] {
            kinds.push(ErrorKind::Corrupt(detail(key)));
        }
        for key in [
            "error.file_too_large",
            "error.tables_expand",
            "error.areas_too_large",
            "error.beyond_last_cell",
            "error.area_too_large",
            "error.far_cell",
            "error.sheet_cells",
            "error.sheet_formulas",
        ] {
            kinds.push(ErrorKind::TooLarge(detail(key)));
        }
        kinds.push(ErrorKind::Toml(detail("error.toml")));
        for key in [
            "error.cell_too_long",
            "error.unit_contradicts",
            "error.required_empty",
            "error.required_missing",
            "error.period_twice",
            "error.no_folder",
            "error.no_company",
            "error.json",
            "error.cannot_read_mapping",
        ] {
            kinds.push(ErrorKind::Invalid(detail(key)));
        }
        kinds.push(ErrorKind::Invalid(Detail::nested(
            "error.not_a_mapping",
            vec![("detail", detail("error.toml"))],
        )));
        kinds.extend([
            ErrorKind::Encrypted,
            ErrorKind::CannotRead("denied".to_owned()),
            ErrorKind::NoSuchSheet {
                name: "Bilans".into(),
                present: vec!["Arkusz1".to_owned()].into(),
            },
            ErrorKind::MissingSheet {
                name: "KPI".into(),
                why: None,
            },
            ErrorKind::MissingSheet {
                name: "KPI".into(),
                why: Some(detail("error.card_sheets")),
            },
            ErrorKind::NoLineItems { sheets: Vec::new() },
            ErrorKind::NoLineItems {
                sheets: vec!["Arkusz1".to_owned()],
            },
            ErrorKind::ExpectedNumber {
                found: "`x`".to_owned(),
            },
            ErrorKind::BadAmount {
                reason: Box::new(AmountError::Date),
                item: LineItem::Revenue,
                period: Period::year(2024),
            },
        ]);
        let numbers = [
            NumberError::NotANumber { text: "x".into() },
            NumberError::Groups {
                text: "1 23".into(),
            },
            NumberError::Ambiguous {
                text: "1,234".into(),
                separator: ',',
                as_thousands: 1234.into(),
                as_decimal: rust_decimal::Decimal::new(1234, 3),
            },
            NumberError::Percentage { text: "5%".into() },
            NumberError::OutOfRange {
                text: "9e99".into(),
            },
            NumberError::NotNumeric {
                what: "TRUE".into(),
            },
        ];
        kinds.extend(numbers.into_iter().map(ErrorKind::from));
        for reason in [
            AmountError::Untrusted("TRUE".into()),
            AmountError::Formula("=A1".into()),
        ] {
            kinds.push(ErrorKind::BadAmount {
                reason: Box::new(reason),
                item: LineItem::Revenue,
                period: Period::year(2024),
            });
        }
        kinds
    }

    /// Every kind is worded in English as before (its `Display`) and differently in
    /// every other language, with no message missing.
    #[test]
    fn every_error_kind_is_translated() {
        for kind in kinds() {
            let english = kind.text_in(Lang::En);
            assert_eq!(english, kind.to_string());
            assert!(!english.contains("[missing message]"), "{english}");
            for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
                let text = kind.text_in(lang);
                assert_ne!(text, english, "{lang}: {english}");
                assert!(!text.contains("[missing message]"), "{lang}: {text}");
            }
        }
    }

    /// Every error names where it is, in every language.
    #[test]
    fn every_error_keeps_its_file_sheet_and_cell() {
        let errors = [
            SheetsError::at_cell("book.xlsx", "Bilans", "C7", ErrorKind::Encrypted),
            SheetsError::in_sheet("book.xlsx", "Bilans", ErrorKind::Encrypted),
            SheetsError::in_file("book.xlsx", ErrorKind::Encrypted),
            SheetsError::OutputExists(PathBuf::from("book.xlsx")),
        ];
        for error in &errors {
            for lang in Lang::ALL {
                let text = error.text_in(lang);
                assert!(text.contains("book.xlsx"), "{lang}: {text}");
                if let SheetsError::AtCell { .. } = error {
                    assert!(text.contains("Bilans") && text.contains("C7"), "{text}");
                }
            }
        }
    }
}
