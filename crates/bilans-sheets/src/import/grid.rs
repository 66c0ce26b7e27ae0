//! A sheet as a rectangle of cell values in one orientation (line items in rows), with
//! the A1 name of every cell in the original sheet.

use bilans_model::Date;
use calamine::Data;
use rust_decimal::Decimal;

use crate::cells::a1;
use crate::numbers::{NumberError, float_decimal};

/// One cell's value, as far as import cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// Nothing, or only spaces.
    Empty,
    /// A numeric cell.
    Number(Decimal),
    /// A text cell (not empty).
    Text(String),
    /// A date cell.
    Date(Date),
    /// A cell that holds something no amount can be read from: an error value such as
    /// `#DIV/0!`, a boolean, a duration, a number out of range. The text says what.
    Untrusted(String),
    /// A formula without a cached value that bilans cannot evaluate; the text says
    /// which formula and why.
    Unevaluated(String),
}

/// A sheet's cells, possibly transposed, remembering where each cell came from.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    cells: Vec<Vec<Value>>,
    n_cols: usize,
    /// Absolute (row, column) of the first cell in the original sheet.
    origin: (u32, u32),
    transposed: bool,
}

const EMPTY: Value = Value::Empty;

impl Grid {
    /// A grid of `rows` (of any lengths) whose first cell is at `origin` (row, column).
    pub(crate) fn new(rows: Vec<Vec<Value>>, origin: (u32, u32)) -> Grid {
        let n_cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        Grid {
            cells: rows,
            n_cols,
            origin,
            transposed: false,
        }
    }

    /// The number of rows.
    pub(crate) fn n_rows(&self) -> usize {
        self.cells.len()
    }

    /// The number of columns.
    pub(crate) fn n_cols(&self) -> usize {
        self.n_cols
    }

    /// The value at (row, column); empty outside the grid.
    pub(crate) fn get(&self, row: usize, col: usize) -> &Value {
        self.cells
            .get(row)
            .and_then(|cells| cells.get(col))
            .unwrap_or(&EMPTY)
    }

    /// The same cells with rows and columns swapped; cell names still point to the
    /// original sheet.
    pub(crate) fn transposed(&self) -> Grid {
        let cells = (0..self.n_cols)
            .map(|col| {
                (0..self.n_rows())
                    .map(|row| self.get(row, col).clone())
                    .collect()
            })
            .collect();
        Grid {
            cells,
            n_cols: self.n_rows(),
            origin: self.origin,
            transposed: !self.transposed,
        }
    }

    /// Whether the grid is the transposed sheet.
    pub(crate) fn is_transposed(&self) -> bool {
        self.transposed
    }

    /// The A1 name, in the original sheet, of the cell at (row, column) of this grid.
    pub(crate) fn cell_name(&self, row: usize, col: usize) -> String {
        let (row, col) = if self.transposed {
            (col, row)
        } else {
            (row, col)
        };
        let to_u32 = |index: usize| u32::try_from(index).unwrap_or(u32::MAX);
        a1(
            self.origin.0.saturating_add(to_u32(row)),
            self.origin.1.saturating_add(to_u32(col)),
        )
    }

    /// The absolute column, in the original sheet, of column `col` of an untransposed
    /// grid; `None` for a transposed grid.
    pub(crate) fn sheet_col(&self, col: usize) -> Option<u32> {
        let col = u32::try_from(col).ok()?;
        (!self.transposed).then(|| self.origin.1.saturating_add(col))
    }

    /// The (row, column) of this grid for an absolute sheet position, if inside.
    pub(crate) fn position_of(&self, sheet_row: u32, sheet_col: u32) -> Option<(usize, usize)> {
        let row = usize::try_from(sheet_row.checked_sub(self.origin.0)?).ok()?;
        let col = usize::try_from(sheet_col.checked_sub(self.origin.1)?).ok()?;
        let (row, col) = if self.transposed {
            (col, row)
        } else {
            (row, col)
        };
        (row < self.n_rows() && col < self.n_cols).then_some((row, col))
    }
}

/// Parses an A1 name (`C7`, `$C$7`, `aa10`) into zero-based (row, column).
pub(crate) fn parse_a1(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().replace('$', "");
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || 3 < letters.len() || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let mut col: u32 = 0;
    for letter in letters.chars() {
        let value = u32::from(letter.to_ascii_uppercase()) - u32::from('A') + 1;
        col = col * 26 + value;
    }
    let row: u32 = digits.parse().ok()?;
    (1 <= row).then(|| (row - 1, col - 1))
}

/// A cell's value as import reads it.
pub(crate) fn value_of(data: &Data) -> Value {
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
