//! The one error type of the sheets crate: every variant names the file, and where it
//! can, the sheet and cell.

use std::path::PathBuf;

/// What can go wrong reading or writing spreadsheets.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SheetsError {
    /// A problem at a known cell.
    #[error("{file}: sheet `{sheet}`, cell {cell}: {message}")]
    AtCell {
        /// The file as given.
        file: String,
        /// The sheet name.
        sheet: String,
        /// The cell in A1 notation.
        cell: String,
        /// What is wrong, in lower case.
        message: String,
    },
    /// A problem with a whole sheet.
    #[error("{file}: sheet `{sheet}`: {message}")]
    InSheet {
        /// The file as given.
        file: String,
        /// The sheet name.
        sheet: String,
        /// What is wrong.
        message: String,
    },
    /// A problem with a whole file (not a spreadsheet, corrupt, encrypted, ...).
    #[error("{file}: {message}")]
    InFile {
        /// The file as given.
        file: String,
        /// What is wrong.
        message: String,
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
