//! The one way bilans opens a workbook to read it: statements, KPI cards, staff files and
//! partner panels all come through [`open_workbook`].
//!
//! A workbook is untrusted input, and calamine, which parses it, can panic on malformed
//! bytes or be asked by a few bytes for gigabytes. So, before calamine sees a file:
//! - the file must be at most [`LIMITS`]`.file_bytes`, a zip (xlsx, xlsm, xlsb, ods) or an
//!   OLE compound file (xls), not encrypted;
//! - a zip's central directory must declare at most `part_bytes` per part and
//!   `total_bytes` in all (the zip reader enforces the declared sizes), and a shared
//!   string table may not announce more strings than its size can hold;
//! - an ods's tables and an xls's sheets are measured without being built ([`ods`],
//!   [`xls`]), because calamine builds all of them, densely, when it opens the file;
//!
//! then every call into calamine runs under [`contain::contain`], which turns a panic
//! into a located error. Sheets of xlsx and xlsb are read cell by cell, never as a dense
//! range, and every sheet's cells are checked: positions inside the format, each cell
//! once (a cell written twice with two values is an error), and a used area of at most
//! `sheet_cells` cells, else the error names the far-away cell that stretches it.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{
    Cell, Data, DataRef, Ods, Range, Reader, Sheets, Xls, Xlsb, Xlsx, XlsxError,
    XlsxFormulaMetadata, expand_shared_formula, open_workbook_from_rs,
};

use crate::cells::a1;
use crate::error::Detail;
use crate::{ErrorKind, SheetsError};

mod contain;
mod ods;
mod xls;

/// How much one workbook may make bilans read and allocate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// The file itself, which is read into memory.
    pub(crate) file_bytes: u64,
    /// One part of a zip (a sheet's XML, the shared strings, ...), uncompressed.
    pub(crate) part_bytes: u64,
    /// All parts of a zip together, uncompressed.
    pub(crate) total_bytes: u64,
    /// A sheet's used area: rows × columns of the rectangle around its cells.
    pub(crate) sheet_cells: u64,
    /// The cells calamine expands for all sheets of an ods or xls together (it builds
    /// them all when it opens the file).
    pub(crate) workbook_cells: u64,
    /// Rows of an xlsx, xlsb or ods sheet (Excel's limit).
    pub(crate) rows: u64,
    /// Columns of an xlsx, xlsb or ods sheet (Excel's limit, XFD).
    pub(crate) columns: u64,
    /// Rows of an xls sheet.
    pub(crate) xls_rows: u32,
    /// Columns of an xls sheet (IV).
    pub(crate) xls_columns: u64,
}

/// The limits bilans applies (documented in `docs/import.md`, "Limits").
pub(crate) const LIMITS: Limits = Limits {
    file_bytes: 1 << 30,
    part_bytes: 512 << 20,
    total_bytes: 1 << 30,
    sheet_cells: 5_000_000,
    workbook_cells: 20_000_000,
    rows: 1_048_576,
    columns: 16_384,
    xls_rows: 65_536,
    xls_columns: 256,
};

/// The extensions bilans reads.
pub(crate) const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// A workbook opened for reading, its file name kept for errors.
pub(crate) struct Workbook {
    file: String,
    sheets: Sheets<Cursor<Vec<u8>>>,
    limits: Limits,
}

/// The non-empty cells of one sheet, each position once, in row-major order.
#[derive(Debug, Clone, Default)]
pub(crate) struct SheetCells {
    cells: Vec<Cell<Data>>,
    /// The formulas of the cells that hold one but no cached value (xlsx only), in
    /// row-major order, without the leading `=`.
    uncached: Vec<Cell<String>>,
}

/// The rectangle around a sheet's cells, measured before calamine reads it.
#[derive(Debug, Clone)]
pub(crate) struct SheetExtent {
    name: String,
    /// (first row, last row, first column, last column), zero-based.
    bounds: Option<(u64, u64, u64, u64)>,
}

/// Opens the workbook at `path`, named in errors as `path.display()`.
///
/// # Errors
///
/// [`SheetsError::InFile`] when the file cannot be read, is not a workbook, is encrypted,
/// corrupt or beyond [`LIMITS`]; [`SheetsError::InSheet`] or [`SheetsError::AtCell`]
/// when an ods or xls sheet is beyond them.
pub(crate) fn open_workbook(path: &Path) -> Result<Workbook, SheetsError> {
    open_with_limits(path, &path.display().to_string(), LIMITS)
}

/// [`open_workbook`], naming the file `file` in errors and applying `limits`.
pub(crate) fn open_with_limits(
    path: &Path,
    file: &str,
    limits: Limits,
) -> Result<Workbook, SheetsError> {
    let in_file = |kind: ErrorKind| SheetsError::InFile {
        file: file.to_owned(),
        kind,
    };
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let bytes = read_file(path, &limits).map_err(in_file)?;
    if !EXTENSIONS.contains(&extension.as_str()) {
        return Err(in_file(ErrorKind::NotAWorkbook(Detail::new(
            "error.not_a_spreadsheet",
            &[],
        ))));
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if !is_zip && !is_ole {
        let key = if bytes.is_empty() {
            "error.empty_file"
        } else {
            "error.not_a_workbook"
        };
        return Err(in_file(ErrorKind::NotAWorkbook(Detail::new(key, &[]))));
    }
    if is_ole && extension != "xls" && is_encrypted_ooxml(&bytes) {
        return Err(in_file(ErrorKind::Encrypted));
    }
    if is_zip {
        check_zip(file, &bytes, &extension, &limits)?;
    }
    if is_ole && extension == "xls" {
        let extents = xls::check(&bytes, &limits).map_err(|message| {
            in_file(ErrorKind::Corrupt(Detail::new(
                "error.corrupt",
                &[("detail", &message)],
            )))
        })?;
        check_extents(
            file,
            &extents,
            limits.xls_rows.into(),
            limits.xls_columns,
            &limits,
        )?;
    }
    let reader = Cursor::new(bytes);
    let opened = contain::contain(|| -> Result<Sheets<Cursor<Vec<u8>>>, calamine::Error> {
        Ok(match extension.as_str() {
            "xls" => Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(reader)?),
            "xlsb" => Sheets::Xlsb(open_workbook_from_rs::<Xlsb<_>, _>(reader)?),
            "ods" => Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(reader)?),
            _ => Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(reader)?),
        })
    });
    let sheets = match opened {
        Ok(Ok(sheets)) => sheets,
        Ok(Err(error)) => return Err(in_file(describe(&error))),
        Err(failure) => return Err(in_file(ErrorKind::Corrupt(reader_failed(&failure)))),
    };
    Ok(Workbook {
        file: file.to_owned(),
        sheets,
        limits,
    })
}

impl Workbook {
    /// Every sheet's name, in workbook order.
    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }

    /// The worksheets' names, in workbook order: chart, dialog and macro sheets hold no
    /// cells to read.
    pub(crate) fn worksheet_names(&self) -> Vec<String> {
        self.sheets
            .sheets_metadata()
            .iter()
            .filter(|sheet| sheet.typ == calamine::SheetType::WorkSheet)
            .map(|sheet| sheet.name.clone())
            .collect()
    }

    /// The cells of the sheet `name`.
    ///
    /// # Errors
    ///
    /// [`SheetsError::InSheet`] when the sheet cannot be read (the reader failed, or it
    /// holds more cells than [`LIMITS`] allow), [`SheetsError::AtCell`] for a cell beyond
    /// the format's last row or column, written twice with two values, or so far from
    /// the others that the used area would exceed the limit.
    pub(crate) fn sheet_cells(&mut self, name: &str) -> Result<SheetCells, SheetsError> {
        let file = self.file.clone();
        let limits = self.limits;
        let in_sheet = |kind: ErrorKind| SheetsError::InSheet {
            file: file.clone(),
            sheet: name.to_owned(),
            kind,
        };
        let read = contain::contain(|| read_cells(&mut self.sheets, &file, name, &limits));
        let (cells, mut uncached) = match read {
            Ok(Ok(read)) => read,
            Ok(Err(error)) => return Err(error),
            Err(failure) => return Err(in_sheet(ErrorKind::Corrupt(reader_failed(&failure)))),
        };
        let mut sheet = finish(&file, name, cells, &limits)?;
        uncached.sort_by_key(Cell::get_position);
        uncached.dedup_by_key(|cell| cell.get_position());
        sheet.uncached = uncached;
        Ok(sheet)
    }

    /// The cells of the sheet `name` as a calamine range (dense, but over a used area
    /// that [`Workbook::sheet_cells`] has bounded).
    ///
    /// # Errors
    ///
    /// As [`Workbook::sheet_cells`].
    pub(crate) fn worksheet_range(&mut self, name: &str) -> Result<Range<Data>, SheetsError> {
        Ok(Range::from_sparse(self.sheet_cells(name)?.cells))
    }
}

impl SheetCells {
    /// The cells, in row-major order.
    pub(crate) fn cells(&self) -> &[Cell<Data>] {
        &self.cells
    }

    /// The formulas (without `=`) of the cells that hold one and no cached value, in
    /// row-major order: only xlsx and xlsm files can have them (xls, xlsb and ods
    /// writers always store a formula's value).
    pub(crate) fn uncached_formulas(&self) -> &[Cell<String>] {
        &self.uncached
    }
}

#[cfg(test)]
impl SheetCells {
    /// Cells as given, for tests of what reads them.
    pub(crate) fn from_parts(cells: Vec<Cell<Data>>, uncached: Vec<Cell<String>>) -> SheetCells {
        SheetCells { cells, uncached }
    }
}

impl SheetExtent {
    pub(crate) fn new(name: String) -> SheetExtent {
        SheetExtent { name, bounds: None }
    }

    /// Widens the extent to the cell at (row, column).
    pub(crate) fn add(&mut self, row: u64, column: u64) {
        self.bounds = Some(match self.bounds {
            None => (row, row, column, column),
            Some((first_row, last_row, first_column, last_column)) => (
                first_row.min(row),
                last_row.max(row),
                first_column.min(column),
                last_column.max(column),
            ),
        });
    }

    /// Rows × columns of the extent.
    fn area(&self) -> u64 {
        self.bounds
            .map_or(0, |(first_row, last_row, first_column, last_column)| {
                (last_row - first_row + 1).saturating_mul(last_column - first_column + 1)
            })
    }
}

/// The detail of a panic of the reader.
fn reader_failed(failure: &str) -> Detail {
    Detail::new("error.reader_failed", &[("failure", &failure)])
}

fn describe(error: &calamine::Error) -> ErrorKind {
    let password = matches!(
        error,
        calamine::Error::Xls(calamine::XlsError::Password)
            | calamine::Error::Ods(calamine::OdsError::Password)
    );
    if password {
        return ErrorKind::Encrypted;
    }
    ErrorKind::Corrupt(Detail::new("error.unreadable", &[("detail", error)]))
}

fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, ErrorKind> {
    let cannot = |error: std::io::Error| ErrorKind::CannotRead(error.to_string());
    let handle = std::fs::File::open(path).map_err(cannot)?;
    let size = handle.metadata().map_err(cannot)?.len();
    if limits.file_bytes < size {
        return Err(ErrorKind::TooLarge(Detail::new(
            "error.file_too_large",
            &[
                ("size", &bytes_text(size)),
                ("limit", &bytes_text(limits.file_bytes)),
            ],
        )));
    }
    let mut bytes = Vec::new();
    handle
        .take(limits.file_bytes)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    Ok(bytes)
}

/// An OLE file with an `EncryptionInfo` stream is an encrypted OOXML workbook.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let marker: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes
        .windows(marker.len())
        .any(|window| window == marker.as_slice())
}

fn bytes_text(n_bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    if n_bytes < MIB {
        return format!("{n_bytes} bytes");
    }
    format!("{} MiB", n_bytes.div_ceil(MIB))
}

/// Checks the uncompressed sizes a zip declares (the zip reader refuses to unpack more
/// than declared), the shared strings' announced count, and an ods's tables.
fn check_zip(
    file: &str,
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
) -> Result<(), SheetsError> {
    let in_file = |kind: ErrorKind| SheetsError::InFile {
        file: file.to_owned(),
        kind,
    };
    // A zip the zip reader cannot open is left to calamine, which says why.
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    let mut shared_strings = None;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(index) else {
            continue;
        };
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let size = entry.size();
        if limits.part_bytes < size {
            return Err(in_file(ErrorKind::Corrupt(Detail::new(
                "error.part_bomb",
                &[
                    ("name", &name),
                    ("size", &bytes_text(size)),
                    ("limit", &bytes_text(limits.part_bytes)),
                ],
            ))));
        }
        total = total.saturating_add(size);
        if name.to_lowercase().ends_with("sharedstrings.xml") {
            shared_strings = Some((index, name, size));
        }
    }
    if limits.total_bytes < total {
        return Err(in_file(ErrorKind::Corrupt(Detail::new(
            "error.workbook_bomb",
            &[
                ("size", &bytes_text(total)),
                ("limit", &bytes_text(limits.total_bytes)),
            ],
        ))));
    }
    if let Some((index, name, size)) = shared_strings
        && let Ok(part) = archive.by_index(index)
    {
        let mut head = Vec::new();
        // The count is an attribute of the first element.
        if part.take(4096).read_to_end(&mut head).is_ok()
            && let Some(count) = announced_count(&head)
            && size / 5 < count
        {
            return Err(in_file(ErrorKind::Corrupt(Detail::new(
                "error.strings_announced",
                &[
                    ("name", &name),
                    ("count", &count),
                    ("size", &bytes_text(size)),
                ],
            ))));
        }
    }
    if extension == "ods" {
        let content = archive.by_name("content.xml").map_err(|error| {
            in_file(ErrorKind::Corrupt(Detail::new(
                "error.no_content",
                &[("detail", &error)],
            )))
        })?;
        let (extents, materialised) = ods::scan(content).map_err(|message| {
            in_file(ErrorKind::Corrupt(Detail::new(
                "error.corrupt",
                &[("detail", &message)],
            )))
        })?;
        check_extents(file, &extents, limits.rows, limits.columns, limits)?;
        if limits.workbook_cells < materialised {
            return Err(in_file(ErrorKind::TooLarge(Detail::new(
                "error.tables_expand",
                &[("cells", &materialised), ("limit", &limits.workbook_cells)],
            ))));
        }
    }
    Ok(())
}

/// The `uniqueCount` (or `count`) announced in a shared-strings part's first element.
fn announced_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let at = text.find("uniqueCount=\"")? + "uniqueCount=\"".len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Checks extents measured before reading: each inside the format and at most
/// `sheet_cells`, all together at most `workbook_cells`.
fn check_extents(
    file: &str,
    extents: &[SheetExtent],
    rows: u64,
    columns: u64,
    limits: &Limits,
) -> Result<(), SheetsError> {
    let mut total: u64 = 0;
    for extent in extents {
        let Some((first_row, last_row, first_column, last_column)) = extent.bounds else {
            continue;
        };
        let at_cell = |row: u64, column: u64, message: Detail| SheetsError::AtCell {
            file: file.to_owned(),
            sheet: extent.name.clone(),
            cell: name_of(row, column),
            kind: ErrorKind::TooLarge(message),
        };
        if rows <= last_row || columns <= last_column {
            return Err(at_cell(
                last_row,
                last_column,
                beyond_message(rows, columns),
            ));
        }
        let area = extent.area();
        if limits.sheet_cells < area {
            return Err(SheetsError::InSheet {
                file: file.to_owned(),
                sheet: extent.name.clone(),
                kind: ErrorKind::TooLarge(area_message(
                    &name_of(first_row, first_column),
                    &name_of(last_row, last_column),
                    area,
                    limits,
                )),
            });
        }
        total = total.saturating_add(area);
    }
    if limits.workbook_cells < total {
        return Err(SheetsError::InFile {
            file: file.to_owned(),
            kind: ErrorKind::TooLarge(Detail::new(
                "error.areas_too_large",
                &[("cells", &total), ("limit", &limits.workbook_cells)],
            )),
        });
    }
    Ok(())
}

fn name_of(row: u64, column: u64) -> String {
    a1(
        u32::try_from(row).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

fn beyond_message(rows: u64, columns: u64) -> Detail {
    let last = name_of(rows - 1, columns - 1);
    Detail::new("error.beyond_last_cell", &[("last", &last)])
}

fn area_message(first: &str, last: &str, area: u64, limits: &Limits) -> Detail {
    Detail::new(
        "error.area_too_large",
        &[
            ("first", &first),
            ("last", &last),
            ("cells", &area),
            ("limit", &limits.sheet_cells),
        ],
    )
}

/// The cells of a sheet as read, and the formulas of those without a cached value.
type ReadCells = (Vec<Cell<Data>>, Vec<Cell<String>>);

/// Reads a sheet's non-empty cells, and the formulas of xlsx cells that have no cached
/// value; xlsx and xlsb cell by cell, stopping at the limits.
fn read_cells(
    sheets: &mut Sheets<Cursor<Vec<u8>>>,
    file: &str,
    name: &str,
    limits: &Limits,
) -> Result<ReadCells, SheetsError> {
    let in_sheet = |kind: ErrorKind| SheetsError::InSheet {
        file: file.to_owned(),
        sheet: name.to_owned(),
        kind,
    };
    let cannot = |error: calamine::Error| {
        in_sheet(ErrorKind::Corrupt(Detail::new(
            "error.cannot_read_sheet",
            &[("detail", &error)],
        )))
    };
    let mut cells = Vec::new();
    let mut uncached = Vec::new();
    let mut keep = |(row, column): (u32, u32), value: Data| -> Result<(), SheetsError> {
        if limits.rows <= u64::from(row) || limits.columns <= u64::from(column) {
            return Err(SheetsError::AtCell {
                file: file.to_owned(),
                sheet: name.to_owned(),
                cell: a1(row, column),
                kind: ErrorKind::TooLarge(beyond_message(limits.rows, limits.columns)),
            });
        }
        if value == Data::Empty {
            return Ok(());
        }
        if limits.sheet_cells <= cells.len() as u64 {
            return Err(in_sheet(ErrorKind::TooLarge(Detail::new(
                "error.sheet_cells",
                &[("limit", &limits.sheet_cells)],
            ))));
        }
        cells.push(Cell::new((row, column), value));
        Ok(())
    };
    match sheets {
        Sheets::Xlsx(workbook) => {
            let mut reader = match workbook.worksheet_cells_reader(name) {
                Ok(reader) => reader,
                Err(XlsxError::NotAWorksheet(_)) => return Ok((Vec::new(), Vec::new())),
                Err(error) => return Err(cannot(calamine::Error::Xlsx(error))),
            };
            // The templates of shared formulas (`si` -> formula, anchor cell), kept
            // only for expanding a derived cell that has no cached value. calamine's
            // own expansion would size a table by the file's `si`, so it is not asked.
            let mut templates: std::collections::HashMap<usize, (String, (u32, u32))> =
                std::collections::HashMap::new();
            while let Some(record) = reader
                .next_cell_with_formula_metadata()
                .map_err(|error| cannot(calamine::Error::Xlsx(error)))?
            {
                let no_value = match &record.value {
                    DataRef::Empty => true,
                    DataRef::String(text) => text.is_empty(),
                    DataRef::SharedString(text) => text.is_empty(),
                    _ => false,
                };
                let formula = match record.formula {
                    Some(XlsxFormulaMetadata::Normal { formula }) => Some(formula),
                    Some(XlsxFormulaMetadata::Shared {
                        shared_index,
                        range,
                        formula,
                    }) => {
                        let anchor = range.map_or(record.pos, |range| range.start);
                        let text = no_value.then(|| formula.clone());
                        templates.insert(shared_index, (formula, anchor));
                        text
                    }
                    Some(XlsxFormulaMetadata::SharedDerived { shared_index }) if no_value => {
                        templates.get(&shared_index).and_then(|(template, anchor)| {
                            expand_shared_formula(template, *anchor, record.pos).ok()
                        })
                    }
                    _ => None,
                };
                if no_value
                    && let Some(formula) = formula
                    && !formula.trim().is_empty()
                {
                    if limits.sheet_cells <= uncached.len() as u64 {
                        return Err(in_sheet(ErrorKind::TooLarge(Detail::new(
                            "error.sheet_formulas",
                            &[("limit", &limits.sheet_cells)],
                        ))));
                    }
                    uncached.push(Cell::new(record.pos, formula));
                }
                keep(record.pos, Data::from(record.value))?;
            }
        }
        Sheets::Xlsb(workbook) => {
            let mut reader = workbook
                .worksheet_cells_reader(name)
                .map_err(|error| cannot(calamine::Error::Xlsb(error)))?;
            while let Some(cell) = reader
                .next_cell()
                .map_err(|error| cannot(calamine::Error::Xlsb(error)))?
            {
                keep(cell.get_position(), Data::from(cell.get_value().clone()))?;
            }
        }
        // calamine has built these ranges when it opened the file, within the extents
        // checked before.
        Sheets::Xls(_) | Sheets::Ods(_) => {
            let range = sheets.worksheet_range(name).map_err(cannot)?;
            let (first_row, first_column) = range.start().unwrap_or((0, 0));
            for (row, column, value) in range.used_cells() {
                let position = (
                    first_row.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
                    first_column.saturating_add(u32::try_from(column).unwrap_or(u32::MAX)),
                );
                keep(position, value.clone())?;
            }
        }
    }
    Ok((cells, uncached))
}

/// Sorts the cells, refuses a cell written twice with two values, and bounds the used
/// area, naming the far cell that stretches it.
fn finish(
    file: &str,
    sheet: &str,
    mut cells: Vec<Cell<Data>>,
    limits: &Limits,
) -> Result<SheetCells, SheetsError> {
    cells.sort_by_key(Cell::get_position);
    let mut unique: Vec<Cell<Data>> = Vec::with_capacity(cells.len());
    for cell in cells {
        if let Some(previous) = unique.last()
            && previous.get_position() == cell.get_position()
        {
            if previous.get_value() != cell.get_value() {
                let (row, column) = cell.get_position();
                return Err(SheetsError::AtCell {
                    file: file.to_owned(),
                    sheet: sheet.to_owned(),
                    cell: a1(row, column),
                    kind: ErrorKind::Corrupt(Detail::new(
                        "error.written_twice",
                        &[
                            ("first", previous.get_value()),
                            ("second", cell.get_value()),
                        ],
                    )),
                });
            }
            continue;
        }
        unique.push(cell);
    }
    let extent_of = |skip: Option<usize>| {
        let mut extent = SheetExtent::new(sheet.to_owned());
        for (index, cell) in unique.iter().enumerate() {
            if Some(index) != skip {
                let (row, column) = cell.get_position();
                extent.add(u64::from(row), u64::from(column));
            }
        }
        extent
    };
    let extent = extent_of(None);
    if extent.area() <= limits.sheet_cells {
        return Ok(SheetCells {
            cells: unique,
            uncached: Vec::new(),
        });
    }
    // The far cell is the extreme one (top, bottom, leftmost or rightmost) without
    // which the area shrinks most.
    let by_column = |cell: &&Cell<Data>| cell.get_position().1;
    let extremes = [
        Some(0),
        Some(unique.len() - 1),
        unique
            .iter()
            .enumerate()
            .min_by_key(|(_, cell)| by_column(cell))
            .map(|(index, _)| index),
        unique
            .iter()
            .enumerate()
            .max_by_key(|(_, cell)| by_column(cell))
            .map(|(index, _)| index),
    ];
    let far = extremes
        .into_iter()
        .flatten()
        .min_by_key(|index| {
            // Between equals, the cell farther from A1 is the stray one.
            let (row, column) = unique[*index].get_position();
            let distance = u64::from(row) + u64::from(column);
            (extent_of(Some(*index)).area(), std::cmp::Reverse(distance))
        })
        .unwrap_or(0);
    let (row, column) = unique[far].get_position();
    let (first_row, last_row, first_column, last_column) = extent.bounds.unwrap_or_default();
    Err(SheetsError::AtCell {
        file: file.to_owned(),
        sheet: sheet.to_owned(),
        cell: a1(row, column),
        kind: ErrorKind::TooLarge(Detail::new(
            "error.far_cell",
            &[
                ("first", &name_of(first_row, first_column)),
                ("last", &name_of(last_row, last_column)),
                ("cells", &extent.area()),
                ("limit", &limits.sheet_cells),
            ],
        )),
    })
}

#[cfg(test)]
mod tests;
