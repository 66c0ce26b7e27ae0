//! The pure I/O floor: what reading the input and writing the output cost with no
//! analysis at all.
//!
//! "The same cells" is defined from the pipeline's own output: every non-empty cell of
//! every sheet of the analysed panel workbook, as calamine reads it back (a formula cell
//! gives its cached value), at the same sheet, row and column. The floor writes them as
//! plain values (numbers as numbers, text as text) with no formats, formulas, notes,
//! charts or column widths: that is everything the pipeline adds over I/O.
//!
//! It writes them with the panel's writer settings: the same deflate level, and every
//! sheet built on every core as a constant-memory worksheet (rows streamed to a
//! temporary file, strings inline).

use std::path::Path;

use anyhow::Context;
use bilans_sheets::analyse::panel::PANEL_ZIP_COMPRESSION_LEVEL;
use calamine::{Data, Reader, open_workbook_auto};
use rayon::prelude::*;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

/// A cell value as written by the floor.
enum Value {
    Number(f64),
    Text(String),
    Bool(bool),
}

/// One sheet's cells.
struct Sheet {
    name: String,
    cells: Vec<(u32, u16, Value)>,
}

/// The cells of a workbook, sheet by sheet.
pub(crate) struct Cells {
    sheets: Vec<Sheet>,
}

impl Cells {
    /// Every non-empty cell of every sheet of `path`.
    pub(crate) fn read(path: &Path) -> anyhow::Result<Cells> {
        let mut workbook =
            open_workbook_auto(path).with_context(|| format!("opening {}", path.display()))?;
        let mut sheets = Vec::new();
        for name in workbook.sheet_names() {
            let range = workbook
                .worksheet_range(&name)
                .with_context(|| format!("reading sheet {name} of {}", path.display()))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            let mut cells = Vec::new();
            for (row, column, data) in range.used_cells() {
                let row = top + u32::try_from(row)?;
                let column = u16::try_from(left + u32::try_from(column)?)?;
                let value = match data {
                    Data::Empty => continue,
                    Data::Float(value) => Value::Number(*value),
                    #[allow(clippy::cast_precision_loss)]
                    Data::Int(value) => Value::Number(*value as f64),
                    Data::Bool(value) => Value::Bool(*value),
                    Data::DateTime(value) => Value::Number(value.as_f64()),
                    other => Value::Text(other.to_string()),
                };
                cells.push((row, column, value));
            }
            sheets.push(Sheet { name, cells });
        }
        Ok(Cells { sheets })
    }

    /// The number of cells.
    pub(crate) fn len(&self) -> usize {
        self.sheets.iter().map(|sheet| sheet.cells.len()).sum()
    }

    /// Writes the cells as plain values to a new workbook at `path`, with the panel
    /// workbook's writer settings.
    pub(crate) fn write(&self, path: &Path) -> anyhow::Result<()> {
        let mut workbook = Workbook::new();
        workbook.set_zip_compression_level(PANEL_ZIP_COMPRESSION_LEVEL);
        let mut worksheets: Vec<Worksheet> = self
            .sheets
            .iter()
            .map(|_| workbook.new_worksheet_with_constant_memory())
            .collect::<Result<_, _>>()?;
        worksheets
            .par_iter_mut()
            .zip(self.sheets.par_iter())
            .try_for_each(|(worksheet, sheet)| -> Result<(), XlsxError> {
                worksheet.set_name(&sheet.name)?;
                for (row, column, value) in &sheet.cells {
                    match value {
                        Value::Number(number) => worksheet.write_number(*row, *column, *number)?,
                        Value::Text(text) => worksheet.write_string(*row, *column, text)?,
                        Value::Bool(flag) => worksheet.write_boolean(*row, *column, *flag)?,
                    };
                }
                Ok(())
            })?;
        for worksheet in worksheets {
            workbook.push_worksheet(worksheet);
        }
        workbook
            .save(path)
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(())
    }
}

/// Reads every sheet of `path` with calamine; the number of non-empty cells.
pub(crate) fn read_all(path: &Path) -> anyhow::Result<usize> {
    let mut workbook =
        open_workbook_auto(path).with_context(|| format!("opening {}", path.display()))?;
    let mut count = 0;
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .with_context(|| format!("reading sheet {name} of {}", path.display()))?;
        count += range.used_cells().count();
    }
    Ok(count)
}
