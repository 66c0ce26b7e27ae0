//! The one error type of the sheets crate: every variant names the file, and where it
//! can, the sheet and cell; what is wrong is an [`ErrorKind`], which callers and tests
//! match on rather than on a message.

use std::path::PathBuf;

use bilans_model::{LineItem, Period};

use crate::numbers::{AmountError, NumberError};

/// What can go wrong reading or writing spreadsheets.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SheetsError {
    /// A problem at a known cell.
    #[error("{file}: sheet `{sheet}`, cell {cell}: {kind}")]
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
    #[error("{file}: sheet `{sheet}`: {kind}")]
    InSheet {
        /// The file as given.
        file: String,
        /// The sheet name.
        sheet: String,
        /// What is wrong.
        kind: ErrorKind,
    },
    /// A problem with a whole file (not a spreadsheet, corrupt, encrypted, ...).
    #[error("{file}: {kind}")]
    InFile {
        /// The file as given.
        file: String,
        /// What is wrong.
        kind: ErrorKind,
    },
    /// The output exists and overwriting was not asked for.
    #[error("{0} already exists; refusing to overwrite it")]
    OutputExists(PathBuf),
    /// An I/O error on a path.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The workbook writer failed.
    #[error("{path}: cannot write the workbook: {source}")]
    Xlsx {
        /// The output path.
        path: PathBuf,
        /// The underlying error.
        source: rust_xlsxwriter::XlsxError,
    },
    /// The workbook could not be built (before any file is written).
    #[error("cannot build the workbook: {source}")]
    Workbook {
        /// The underlying error.
        source: rust_xlsxwriter::XlsxError,
    },
}

/// What is wrong in an input, wherever it is ([`SheetsError::AtCell`],
/// [`SheetsError::InSheet`] or [`SheetsError::InFile`]); messages are in lower case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file is not a workbook bilans reads (its extension or content), or is empty.
    #[error("{0}")]
    NotAWorkbook(String),
    /// The workbook is password-protected.
    #[error(
        "the workbook is password-protected (encrypted); save an unprotected copy and import that"
    )]
    Encrypted,
    /// The file cannot be read from the disk.
    #[error("cannot read the file: {0}")]
    CannotRead(String),
    /// The workbook (or one sheet, or one cell) is corrupt, or the reader failed on it.
    #[error("{0}")]
    Corrupt(String),
    /// The file, a sheet or a cell is beyond what bilans reads (`reader::LIMITS`).
    #[error("{0}")]
    TooLarge(String),
    /// A sheet asked for is not in the workbook.
    #[error("no sheet named `{name}` (the sheets are: {})", present.join(", "))]
    NoSuchSheet {
        /// The sheet asked for.
        name: Box<str>,
        /// The sheets of the workbook, in workbook order.
        present: Box<[String]>,
    },
    /// A sheet that a workbook of this kind must have is missing.
    #[error("no sheet `{name}`{why}")]
    MissingSheet {
        /// The sheet's name.
        name: Box<str>,
        /// What the sheet is for, starting with `: ` (or empty).
        why: Box<str>,
    },
    /// No row label is a known line item.
    #[error("{}", no_line_items(sheets))]
    NoLineItems {
        /// The sheets read, named in the message of a whole-file error (empty for an
        /// error about one sheet).
        sheets: Vec<String>,
    },
    /// A cell that must hold a number holds text that is none (by the rules of
    /// [`crate::numbers`]): ambiguous, badly grouped, a percentage, out of range.
    #[error("{0}")]
    Number(Box<NumberError>),
    /// An amount cell of a statement that holds no trustworthy amount.
    #[error("{reason} (line item `{item}`, period {period})")]
    BadAmount {
        /// Why it is not an amount.
        reason: Box<AmountError>,
        /// The line item of its row (or column).
        item: LineItem,
        /// The period of its column (or row).
        period: Period,
    },
    /// A cell that must hold a number holds something else.
    #[error("expected a number, found {found}")]
    ExpectedNumber {
        /// What the cell holds, described (`text `x``, `an empty cell`).
        found: String,
    },
    /// A TOML input that does not parse, with its line and column.
    #[error("{0}")]
    Toml(String),
    /// Anything else, described in words.
    #[error("{0}")]
    Invalid(String),
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

fn no_line_items(sheets: &[String]) -> String {
    let message = "no line item label recognised (labels are matched against the dictionary in docs/import.md; a mapping file can name others)";
    if sheets.is_empty() {
        message.to_owned()
    } else {
        format!("{message}; sheets: {}", sheets.join(", "))
    }
}
