//! Human capital (seed 003) files: reading a staff file (TOML, or a workbook with the
//! sheets `Company`, `Config`, `Staff`, `Scores`) with located errors, and exporting the
//! assessment as a workbook (people table, group-score chart, company metrics).
//!
//! The workbook layout is documented in `docs/human_capital.md`;
//! [`write_staff_workbook`] writes it from a [`StaffFile`], which is how
//! `fixtures/hc/staff.xlsx` is made from `fixtures/hc/staff.toml`.
//!
//! # Example
//!
//! ```
//! # let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/hc/staff.toml");
//! let report = bilans_sheets::human_capital::assess_file(std::path::Path::new(path)).unwrap();
//! assert!(!report.people.is_empty());
//! ```

use std::path::Path;

use bilans_model::Lang;
use bilans_scoring::human_capital::{InputError, Report, StaffFile, assess};

use crate::human_capital::read::{Provenance, read_workbook};
use crate::{Detail, ErrorKind, Overwrite, SheetsError, save_workbook};

mod read;
mod write;

/// Reads the staff file at `path`: TOML when it ends in `.toml`, a workbook otherwise.
///
/// # Errors
///
/// [`SheetsError`] naming the file and the sheet and cell (or the TOML line and key)
/// of the problem; nothing is validated beyond the file's shape (see [`assess_file`]).
pub fn load(path: &Path) -> Result<StaffFile, SheetsError> {
    Ok(load_with_provenance(path)?.0)
}

/// Reads and assesses the staff file at `path`.
///
/// # Errors
///
/// As [`load`], plus every [`InputError`] of [`assess`] located at its cell (workbook)
/// or field (TOML): for example a negative FTE, a zero efficiency coefficient or a
/// missing group.
pub fn assess_file(path: &Path) -> Result<Report, SheetsError> {
    let (file, provenance) = load_with_provenance(path)?;
    assess(&file).map_err(|error| locate(path, &provenance, error))
}

/// Writes the assessment workbook: sheets `People` (one row per person, formulas (3)
/// and (5) as live formulas), `Groups` (a stacked column chart of FZ, PP, PR, L per
/// person) and `Company` (metrics, with the seed's caveat on market value).
///
/// # Errors
///
/// As [`save_workbook`].
pub fn write_report(report: &Report, path: &Path, overwrite: Overwrite) -> Result<(), SheetsError> {
    write_report_in(report, path, overwrite, Lang::En)
}

/// [`write_report`] in `lang`: sheet names, headers, labels and notes in `lang`.
///
/// # Errors
///
/// As [`write_report`].
pub fn write_report_in(
    report: &Report,
    path: &Path,
    overwrite: Overwrite,
    lang: Lang,
) -> Result<(), SheetsError> {
    let mut workbook =
        write::report_workbook(report, lang).map_err(|source| SheetsError::Xlsx {
            path: path.to_owned(),
            source,
        })?;
    save_workbook(&mut workbook, path, overwrite)
}

/// Writes `file` as a staff workbook in the layout [`load`] reads.
///
/// # Errors
///
/// As [`save_workbook`].
pub fn write_staff_workbook(
    file: &StaffFile,
    path: &Path,
    overwrite: Overwrite,
) -> Result<(), SheetsError> {
    let mut workbook = write::staff_workbook(file).map_err(|source| SheetsError::Xlsx {
        path: path.to_owned(),
        source,
    })?;
    save_workbook(&mut workbook, path, overwrite)
}

fn load_with_provenance(path: &Path) -> Result<(StaffFile, Provenance), SheetsError> {
    let is_toml = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("toml"));
    if !is_toml {
        return read_workbook(path);
    }
    let text = std::fs::read_to_string(path).map_err(|source| SheetsError::Io {
        path: path.to_owned(),
        source,
    })?;
    let file = toml::from_str(&text).map_err(|error: toml::de::Error| SheetsError::InFile {
        file: path.display().to_string(),
        kind: ErrorKind::Toml(crate::toml_text::parse_error(&error)),
    })?;
    Ok((file, Provenance::new()))
}

/// Maps an input error to the cell it came from, or to its TOML field.
fn locate(path: &Path, provenance: &Provenance, error: InputError) -> SheetsError {
    let file = path.display().to_string();
    match find_cell(provenance, &error.field) {
        Some((sheet, cell)) => SheetsError::AtCell {
            file,
            sheet: sheet.clone(),
            cell: cell.clone(),
            kind: ErrorKind::Invalid(Detail::nested(
                "error.hc_at_cell",
                vec![
                    ("message", Detail::from(error.message)),
                    ("field", Detail::verbatim(error.field)),
                ],
            )),
        },
        None => SheetsError::InFile {
            file,
            kind: ErrorKind::Invalid(Detail::nested(
                "error.hc_field",
                vec![
                    ("field", Detail::verbatim(error.field)),
                    ("message", Detail::from(error.message)),
                ],
            )),
        },
    }
}

/// The cell of `field`: its own, else the first cell inside it (`x.weights` is located
/// at `x.weights.health`), else the cell of the nearest enclosing field.
fn find_cell<'a>(provenance: &'a Provenance, field: &str) -> Option<&'a (String, String)> {
    if let Some(cell) = provenance.get(field) {
        return Some(cell);
    }
    let inside = provenance
        .range(field.to_owned()..)
        .take_while(|(key, _)| key.starts_with(field))
        .find(|(key, _)| key[field.len()..].starts_with(['.', '[']))
        .map(|(_, cell)| cell);
    if inside.is_some() {
        return inside;
    }
    let mut enclosing = field;
    while let Some(end) = enclosing.rfind(['.', '[']) {
        enclosing = &enclosing[..end];
        if let Some(cell) = provenance.get(enclosing) {
            return Some(cell);
        }
    }
    None
}
