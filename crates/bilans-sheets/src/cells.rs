//! Cell helpers shared by every workbook module: a `Decimal` as the number a cell
//! stores and A1 cell names.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The number a spreadsheet cell stores for `value`: the `f64` nearest to the decimal.
///
/// Spreadsheet numbers are binary floating point, so this is the one place a `Decimal`
/// becomes an `f64`, for storage and display only (results stay `Decimal` in the
/// analysis and the JSON). The decimal's text always parses, and the parse rounds
/// correctly to the nearest `f64`; `to_f64` is the fallback for completeness.
pub(crate) fn cell_number(value: Decimal) -> f64 {
    value
        .to_string()
        .parse::<f64>()
        .unwrap_or_else(|_| value.to_f64().unwrap_or(f64::NAN))
}

/// The cached result written with a formula: the shortest text of [`cell_number`],
/// which is all a spreadsheet keeps (the 28-digit decimal would only lengthen the file).
pub(crate) fn cached_result(value: Decimal) -> String {
    cell_number(value).to_string()
}

/// The A1 name of the cell at zero-based (row, column): `a1(6, 2)` is `C7`.
///
/// Columns are `u32` because calamine reads them so; rust_xlsxwriter's
/// `row_col_to_cell` takes a `u16` column and could not name every cell read.
pub(crate) fn a1(row: u32, column: u32) -> String {
    let mut name = String::with_capacity(8);
    push_column_letters(&mut name, column);
    name.push_str(&(u64::from(row) + 1).to_string());
    name
}

/// Appends the letters of the zero-based `column` (bijective base 26: 0 → A, 25 → Z,
/// 26 → AA, 16383 → XFD, Excel's last column).
pub(crate) fn push_column_letters(text: &mut String, column: u32) {
    // A u32 column fits in seven letters.
    let mut index = u64::from(column) + 1;
    let mut letters = [0u8; 7];
    let mut start = letters.len();
    while 0 < index && 0 < start {
        let remainder = (index - 1) % 26;
        start -= 1;
        letters[start] = b'A' + remainder as u8;
        index = (index - 1) / 26;
    }
    for letter in &letters[start..] {
        text.push(char::from(*letter));
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::cells::{a1, cell_number};

    #[test]
    fn cell_numbers_are_the_nearest_f64() {
        assert_eq!(cell_number(Decimal::new(1, 1)), 0.1);
        assert_eq!(cell_number(Decimal::new(-2_968, 2)), -29.68);
        assert_eq!(cell_number(Decimal::MAX), 7.922_816_251_426_434e28);
    }

    #[test]
    fn a1_names() {
        assert_eq!(a1(6, 2), "C7");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(9, 701), "ZZ10");
        assert_eq!(a1(0, 702), "AAA1");
    }
}
