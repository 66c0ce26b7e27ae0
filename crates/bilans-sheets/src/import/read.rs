//! Reading a workbook's sheets into [`Grid`]s, through the one safe reader
//! ([`crate::reader`]), which locates every error and bounds what a file may cost.

use std::path::Path;

use bilans_model::Date;
use calamine::Data;
use rust_decimal::Decimal;

use crate::import::grid::{Grid, Value};
use crate::numbers::{NumberError, float_decimal};
use crate::reader::{LIMITS, SheetCells, open_with_limits};
use crate::{ErrorKind, SheetsError};

/// Reads every worksheet of the workbook at `path`, or only those named in `only`, in
/// workbook order.
///
/// # Errors
///
/// [`ErrorKind::NoSuchSheet`] naming the first sheet of `only` that the workbook does
/// not have, and listing those it has; the reader's errors.
pub(crate) fn read_sheets(
    path: &Path,
    file: &str,
    only: &[String],
) -> Result<Vec<(String, Grid)>, SheetsError> {
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
    let wanted: Vec<String> = names
        .into_iter()
        .filter(|name| only.is_empty() || only.contains(name))
        .collect();
    let mut sheets = Vec::new();
    for name in wanted {
        let cells = workbook.sheet_cells(&name)?;
        sheets.push((name, grid_of(&cells)));
    }
    Ok(sheets)
}

/// The grid of a sheet's cells: its origin is the first row and column holding a cell,
/// and each row is only as long as its last cell.
fn grid_of(cells: &SheetCells) -> Grid {
    let cells = cells.cells();
    let first_row = cells.first().map_or(0, |cell| cell.get_position().0);
    let first_column = cells
        .iter()
        .map(|cell| cell.get_position().1)
        .min()
        .unwrap_or(0);
    let mut rows: Vec<Vec<Value>> = Vec::new();
    for cell in cells {
        let (row, column) = cell.get_position();
        let row_idx = (row - first_row) as usize;
        let column_idx = (column - first_column) as usize;
        if rows.len() <= row_idx {
            rows.resize_with(row_idx + 1, Vec::new);
        }
        let values = &mut rows[row_idx];
        if values.len() <= column_idx {
            values.resize(column_idx + 1, Value::Empty);
        }
        values[column_idx] = value_of(cell.get_value());
    }
    Grid::new(rows, (first_row, first_column))
}

fn value_of(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::Int(number) => Value::Number(Decimal::from(*number)),
        Data::Float(number) => float_value(*number),
        Data::String(text) if text.trim().is_empty() => Value::Empty,
        Data::String(text) => Value::Text(text.clone()),
        Data::Bool(flag) => Value::Untrusted(format!(
            "the logical value {}",
            if *flag { "TRUE" } else { "FALSE" }
        )),
        Data::DateTime(date) if date.is_duration() => Value::Untrusted("a duration".to_owned()),
        Data::DateTime(date) => {
            let (year, month, day, ..) = date.to_ymd_hms_milli();
            match Date::new(i32::from(year), month, day) {
                Ok(date) => Value::Date(date),
                Err(_) => Value::Untrusted(format!("the date {year:04}-{month:02}-{day:02}")),
            }
        }
        Data::DateTimeIso(text) => match text.get(..10).and_then(|date| date.parse().ok()) {
            Some(date) => Value::Date(date),
            None => Value::Untrusted(format!("the date-time `{text}`")),
        },
        Data::DurationIso(text) => Value::Untrusted(format!("the duration `{text}`")),
        Data::Error(error) => Value::Untrusted(format!("the spreadsheet error {error}")),
    }
}

/// A floating-point cell through the one number parser ([`float_decimal`]): 0.1 stays
/// 0.1.
fn float_value(number: f64) -> Value {
    match float_decimal(number) {
        Ok(value) => Value::Number(value),
        Err(NumberError::OutOfRange { .. }) => {
            Value::Untrusted(format!("the number {number:e}, out of range"))
        }
        Err(_) => Value::Untrusted("a number that is not finite".to_owned()),
    }
}
