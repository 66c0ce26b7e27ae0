//! Cell helpers shared by every workbook module: a `Decimal` as the number a cell
//! stores, the one writer of a computed cell (a live formula with its cached value,
//! or `n/c: reason`), A1 cell names, and text cut to what a cell can hold.

use std::borrow::Cow;
use std::fmt::{Display, Write};
use std::sync::LazyLock;

use bilans_model::Lang;
use bilans_ratios::RatioUnit;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ColNum, Format, Formula, RowNum, Worksheet, XlsxError};

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

/// The one style of a cell that is not computable: dark red italic on light red, as
/// Excel's "bad" style.
pub(crate) static NOT_COMPUTABLE_FORMAT: LazyLock<Format> = LazyLock::new(|| {
    Format::new()
        .set_italic()
        .set_font_color("#9C0006")
        .set_background_color("#FFC7CE")
});

/// The number format of a value in `unit`, the same on every sheet: times and
/// fractions to two decimals (fractions as percentages), days to one, amounts whole
/// with negatives red.
pub(crate) fn unit_format(unit: RatioUnit) -> &'static Format {
    static TIMES: LazyLock<Format> = LazyLock::new(|| Format::new().set_num_format("0.00"));
    static FRACTION: LazyLock<Format> = LazyLock::new(|| Format::new().set_num_format("0.00%"));
    static DAYS: LazyLock<Format> = LazyLock::new(|| Format::new().set_num_format("0.0"));
    static AMOUNT: LazyLock<Format> =
        LazyLock::new(|| Format::new().set_num_format("#,##0;[Red]-#,##0"));
    match unit {
        RatioUnit::Times => &TIMES,
        RatioUnit::Fraction => &FRACTION,
        RatioUnit::Days => &DAYS,
        RatioUnit::Amount => &AMOUNT,
    }
}

/// The text of a cell that is not computable in `lang` (`nie do obliczenia: reason`),
/// `reason` already in that language.
pub(crate) fn not_computable_text_in(reason: &str, lang: Lang) -> String {
    crate::lang::message(lang, "workbook.not_computable", &[("reason", &reason)])
}

/// Writes one computed cell, the one way every sheet does it: `Ok((formula, value))`
/// is the live formula (with or without its leading `=`) with `value` cached in
/// `format`, so that a spreadsheet shows the figure bilans computed before it
/// recalculates; `Err(reason)` is the text `n/c: reason` in
/// [`NOT_COMPUTABLE_FORMAT`], so no formula ever divides by zero or refers to a
/// missing amount.
pub(crate) fn write_computed(
    sheet: &mut Worksheet,
    row: RowNum,
    column: ColNum,
    value: Result<(&str, Decimal), &dyn Display>,
    format: &Format,
) -> Result<(), XlsxError> {
    let value = value.map_err(|reason| reason.to_string());
    write_computed_in(sheet, row, column, value, format, Lang::En)
}

/// [`write_computed`] in `lang`: the reason is already in that language, and the
/// `n/c` prefix is put in it.
pub(crate) fn write_computed_in(
    sheet: &mut Worksheet,
    row: RowNum,
    column: ColNum,
    value: Result<(&str, Decimal), String>,
    format: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    match value {
        Ok((formula, value)) => {
            write_formula_cell(sheet, row, column, formula, value, Some(format))
        }
        Err(reason) => {
            let text = not_computable_text_in(&reason, lang);
            write_not_computable(sheet, row, column, &text)
        }
    }
}

/// The computed cell of [`write_computed_in`] with a value: the live `formula` with
/// `value` cached, in `format`, or without a format of its own to take its row's (see
/// `write_ratios_block`).
pub(crate) fn write_formula_cell(
    sheet: &mut Worksheet,
    row: RowNum,
    column: ColNum,
    formula: &str,
    value: Decimal,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let formula = Formula::new(formula).set_result(cached_result(value));
    match format {
        Some(format) => sheet.write_formula_with_format(row, column, formula, format)?,
        None => sheet.write_formula(row, column, formula)?,
    };
    Ok(())
}

/// The computed cell of [`write_computed_in`] that is not computable, its whole text
/// (`n/c: reason`, see [`not_computable_text_in`]) given.
pub(crate) fn write_not_computable(
    sheet: &mut Worksheet,
    row: RowNum,
    column: ColNum,
    text: &str,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, column, fit_cell_text(text), &NOT_COMPUTABLE_FORMAT)?;
    Ok(())
}

/// The last row of a worksheet (zero-based: Excel's 1,048,576 rows).
pub(crate) const LAST_ROW: u32 = 1_048_575;

/// The most characters (UTF-16 code units, as Excel counts them) a cell holds.
pub(crate) const MAX_CELL_TEXT: usize = 32_767;

/// The most characters a cell note holds (rust_xlsxwriter keeps 54 for its markup).
pub(crate) const MAX_NOTE_TEXT: usize = MAX_CELL_TEXT - 54;

/// The length of `text` as Excel counts it, in UTF-16 code units.
pub(crate) fn excel_length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// `text` as it fits in a cell: unchanged when it does, otherwise cut to what a cell
/// holds and marked as cut, so that a workbook never fails to be written over a
/// long label or a list of many cells.
pub(crate) fn fit_cell_text(text: &str) -> Cow<'_, str> {
    fit_text(text, MAX_CELL_TEXT)
}

/// `text` as it fits in a cell note (see [`fit_cell_text`]).
pub(crate) fn fit_note_text(text: &str) -> Cow<'_, str> {
    fit_text(text, MAX_NOTE_TEXT)
}

fn fit_text(text: &str, limit: usize) -> Cow<'_, str> {
    // No character takes more UTF-16 units than UTF-8 bytes: a short text fits.
    if text.len() <= limit {
        return Cow::Borrowed(text);
    }
    let length = excel_length(text);
    if length <= limit {
        return Cow::Borrowed(text);
    }
    let marker = format!(" [… cut: {length} characters in all]");
    let room = limit - excel_length(&marker);
    let mut used = 0;
    let mut end = 0;
    for (index, character) in text.char_indices() {
        if room < used + character.len_utf16() {
            break;
        }
        used += character.len_utf16();
        end = index + character.len_utf8();
    }
    Cow::Owned(format!("{}{marker}", &text[..end]))
}

/// The A1 name of the cell at zero-based (row, column): `a1(6, 2)` is `C7`.
///
/// Columns are `u32` because calamine reads them so; rust_xlsxwriter's
/// `row_col_to_cell` takes a `u16` column and could not name every cell read.
pub(crate) fn a1(row: u32, column: u32) -> String {
    let mut name = String::with_capacity(8);
    push_column_letters(&mut name, column);
    // Written in place: a cell name is made for every amount read.
    let _ = write!(name, "{}", u64::from(row) + 1);
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

    use crate::cells::{MAX_CELL_TEXT, a1, cell_number, excel_length, fit_cell_text};

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

    #[test]
    fn long_texts_are_cut_to_what_a_cell_holds() {
        assert_eq!(fit_cell_text("Total assets"), "Total assets");
        let exact = "z".repeat(MAX_CELL_TEXT);
        assert_eq!(fit_cell_text(&exact), exact);
        // Cyrillic takes two bytes but one UTF-16 unit; an emoji takes two units.
        for long in ["z".repeat(40_000), "ж".repeat(40_000), "😀".repeat(20_000)] {
            let fitted = fit_cell_text(&long);
            assert!(
                excel_length(&fitted) <= MAX_CELL_TEXT,
                "{}",
                excel_length(&fitted)
            );
            assert!(
                fitted.ends_with("characters in all]"),
                "{}",
                &fitted[fitted.len() - 40..]
            );
        }
    }
}
