//! Reading a workbook's sheets into [`Grid`]s, through the one safe reader
//! ([`crate::reader`]), which locates every error and bounds what a file may cost.

use std::collections::BTreeMap;
use std::path::Path;

use crate::cells::a1;
use crate::import::formula::Book;
use crate::import::grid::{Grid, Value, value_of};
use crate::import::note::ImportNote;
use crate::reader::{LIMITS, SheetCells, open_with_limits};
use crate::{ErrorKind, SheetsError};

/// The sheets read, in workbook order, and the note for each cell whose formula had
/// no cached value and was evaluated, by (sheet, cell).
pub(crate) type ReadSheets = (Vec<(String, Grid)>, BTreeMap<(String, String), ImportNote>);

/// Reads every worksheet of the workbook at `path`, or only those named in `only`, in
/// workbook order, evaluating the formulas that have no cached value
/// ([`crate::import::formula`]).
///
/// # Errors
///
/// [`ErrorKind::NoSuchSheet`] naming the first sheet of `only` that the workbook does
/// not have, and listing those it has; the reader's errors.
pub(crate) fn read_sheets(
    path: &Path,
    file: &str,
    only: &[String],
) -> Result<ReadSheets, SheetsError> {
    let mut workbook = open_with_limits(path, file, LIMITS)?;
    let names = workbook.worksheet_names();
    if let Some(missing) = only.iter().find(|name| !names.contains(name)) {
        return Err(SheetsError::in_file(
            file,
            ErrorKind::NoSuchSheet {
                name: missing.as_str().into(),
                present: names.into(),
            },
        ));
    }
    let (wanted, others): (Vec<String>, Vec<String>) = names
        .into_iter()
        .partition(|name| only.is_empty() || only.contains(name));
    let mut read = Vec::new();
    for name in wanted {
        let cells = workbook.sheet_cells(&name)?;
        read.push((name, cells));
    }
    let n_wanted = read.len();
    let mut notes = BTreeMap::new();
    if read
        .iter()
        .all(|(_, cells)| cells.uncached_formulas().is_empty())
    {
        let sheets = read
            .iter()
            .map(|(name, cells)| (name.clone(), grid_of(cells, &BTreeMap::new())))
            .collect();
        return Ok((sheets, notes));
    }
    // A formula may refer to a sheet that was not asked for; one that cannot be read
    // is left out, and a formula referring to it says the workbook lacks it.
    for name in others {
        if let Ok(cells) = workbook.sheet_cells(&name) {
            read.push((name, cells));
        }
    }
    let mut book = Book::new(&read);
    let mut sheets = Vec::new();
    for (index, (name, cells)) in read.iter().enumerate().take(n_wanted) {
        let mut evaluated = BTreeMap::new();
        for cell in cells.uncached_formulas() {
            let (row, column) = cell.get_position();
            let formula = cell.get_value().trim();
            let formula = formula.strip_prefix('=').unwrap_or(formula);
            let value = match book.evaluate(index, row, column) {
                Ok(value) => {
                    notes.insert(
                        (name.clone(), a1(row, column)),
                        ImportNote::Evaluated {
                            at: format!("{name}!{}", a1(row, column)),
                            formula: formula.to_owned(),
                            value,
                        },
                    );
                    Value::Number(value)
                }
                Err(reason) => Value::Unevaluated(format!(
                    "the formula ={formula} with no cached value: bilans evaluates only arithmetic over cells, and {reason}; open and save the workbook in a spreadsheet so it stores the values"
                )),
            };
            evaluated.insert((row, column), value);
        }
        sheets.push((name.clone(), grid_of(cells, &evaluated)));
    }
    Ok((sheets, notes))
}

/// The grid of a sheet's cells, with the values of its `evaluated` formulas: its
/// origin is the first row and column holding a cell, and each row is only as long as
/// its last cell.
fn grid_of(cells: &SheetCells, evaluated: &BTreeMap<(u32, u32), Value>) -> Grid {
    let cells = cells.cells();
    let positions = || {
        cells
            .iter()
            .map(calamine::Cell::get_position)
            .chain(evaluated.keys().copied())
    };
    let first_row = positions().map(|(row, _)| row).min().unwrap_or(0);
    let first_column = positions().map(|(_, column)| column).min().unwrap_or(0);
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut put = |(row, column): (u32, u32), value: Value| {
        let row_idx = (row - first_row) as usize;
        let column_idx = (column - first_column) as usize;
        if rows.len() <= row_idx {
            rows.resize_with(row_idx + 1, Vec::new);
        }
        let values = &mut rows[row_idx];
        if values.len() <= column_idx {
            values.resize(column_idx + 1, Value::Empty);
        }
        values[column_idx] = value;
    };
    for cell in cells {
        put(cell.get_position(), value_of(cell.get_value()));
    }
    for (position, value) in evaluated {
        put(*position, value.clone());
    }
    Grid::new(rows, (first_row, first_column))
}
