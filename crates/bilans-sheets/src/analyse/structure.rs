//! The Horizontal and Vertical sheets: every statement line's change from its
//! comparison period (absolute and in %) and its share of its statement's total, as
//! live formulas over the Statements sheet with the values bilans computed
//! (`bilans_ratios::structure`) cached; `n/c: reason` where there is no value.
//!
//! Each line sits on the same row as on the Statements sheet. Large moves are
//! highlighted on the Horizontal sheet: the highlight is bilans's flag when the
//! workbook was written, and does not follow later edits of the amounts.

use bilans_model::{Lang, LineItem, StatementKind};
use bilans_ratios::analysis::Analysis;
use bilans_ratios::structure::{
    LARGE_CHANGE, MATERIAL_SHARE, Structure, StructureCell, StructureLine, threshold_text,
};
use bilans_ratios::{CellRefs, NotComputable, RatioUnit};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::analyse::{Formats, Layout, write_header, write_statement_title};
use crate::cells::{unit_format, write_computed_in};
use crate::lang::{Sheet, message, sheet_name_in, text};

/// The sheet of changes from the comparison period.
pub const HORIZONTAL: &str = "Horizontal";
/// The sheet of shares of the statement's total.
pub const VERTICAL: &str = "Vertical";

/// First period column (A: label, B: machine name), as on the Statements sheet.
const FIRST_COLUMN: u16 = 2;

/// Writes the Horizontal sheet: per period, the change and the change in %.
pub(crate) fn write_horizontal(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Horizontal, lang))?;
    let structure = &analysis.structure;
    // Periods compared with nothing are left out (the note below names them).
    let compared = structure.compared_periods();
    let mut header = first_header(analysis, lang);
    for period in &compared {
        header.push(message(lang, "structure.change", &[("period", period)]));
        header.push(message(
            lang,
            "structure.change_percent",
            &[("period", period)],
        ));
    }
    write_header(sheet, layout.statements_header, &header, formats)?;
    let highlight = |format: &Format| format.clone().set_bold().set_background_color("#FFEB9C");
    let amount = unit_format(RatioUnit::Amount);
    let fraction = unit_format(RatioUnit::Fraction);
    let (amount_large, fraction_large) = (highlight(amount), highlight(fraction));
    let last_row = write_titles_and_labels(sheet, structure, layout, formats)?;
    for line in &structure.lines {
        let Some(row) = layout.item_rows.get(&line.item).copied() else {
            continue;
        };
        for (period_idx, period) in compared.iter().enumerate() {
            let Some(cell) = line.cell(*period) else {
                continue;
            };
            let column = FIRST_COLUMN + 2 * period_idx as u16;
            let (amount_format, fraction_format) = match cell.large_move {
                true => (&amount_large, &fraction_large),
                false => (amount, fraction),
            };
            let cells = Cells::of(layout, line.item, cell);
            write_value(
                sheet,
                row,
                column,
                cells.change(),
                &cell.change,
                amount_format,
                lang,
            )?;
            write_value(
                sheet,
                row,
                column + 1,
                cells.relative_change(),
                &cell.relative_change,
                fraction_format,
                lang,
            )?;
        }
    }
    let mut notes = vec![
        message(
            lang,
            "structure.highlighted",
            &[("threshold", &threshold_text(LARGE_CHANGE))],
        ),
        message(
            lang,
            "structure.material",
            &[("share", &threshold_text(MATERIAL_SHARE))],
        ),
        text(lang, "structure.compared").to_owned(),
    ];
    let uncompared: Vec<String> = structure
        .periods
        .iter()
        .filter(|period| !compared.contains(period))
        .map(ToString::to_string)
        .collect();
    if !uncompared.is_empty() {
        notes.push(message(
            lang,
            "structure.uncompared",
            &[("periods", &uncompared.join(", "))],
        ));
    }
    write_notes(sheet, last_row + 2, &notes, lang)?;
    size_columns(sheet, 2 * compared.len() as u16)?;
    sheet.set_freeze_panes(layout.statements_header + 1, FIRST_COLUMN)?;
    Ok(())
}

/// Writes the Vertical sheet: per period, the share of the statement's total.
pub(crate) fn write_vertical(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Vertical, lang))?;
    let structure = &analysis.structure;
    let mut header = first_header(analysis, lang);
    header.extend(
        structure
            .periods
            .iter()
            .map(|period| message(lang, "structure.share", &[("period", period)])),
    );
    header.push(text(lang, "structure.share_of").to_owned());
    write_header(sheet, layout.statements_header, &header, formats)?;
    let fraction = unit_format(RatioUnit::Fraction);
    let last_row = write_titles_and_labels(sheet, structure, layout, formats)?;
    let totals_column = FIRST_COLUMN + structure.periods.len() as u16;
    for line in &structure.lines {
        let Some(row) = layout.item_rows.get(&line.item).copied() else {
            continue;
        };
        for (period_idx, cell) in line.values.iter().enumerate() {
            let column = FIRST_COLUMN + period_idx as u16;
            let formula = Cells::of(layout, line.item, cell).share();
            write_value(sheet, row, column, formula, &cell.share, fraction, lang)?;
        }
        sheet.write_string(row, totals_column, totals_text(line, lang))?;
    }
    let notes = ["structure.shares_of_totals", "structure.shares_of_revenue"]
        .map(|key| text(lang, key).to_owned());
    write_notes(sheet, last_row + 2, &notes, lang)?;
    size_columns(sheet, structure.periods.len() as u16)?;
    sheet.set_column_width(totals_column, 30)?;
    sheet.set_freeze_panes(layout.statements_header + 1, FIRST_COLUMN)?;
    Ok(())
}

/// The first two headers: the line item (in the statements' unit) and its name.
fn first_header(analysis: &Analysis, lang: Lang) -> Vec<String> {
    let unit = analysis.statements.unit.text_in(lang);
    vec![
        message(lang, "statements.line_item", &[("unit", &unit)]),
        text(lang, "statements.name").to_owned(),
    ]
}

/// `notes` one per row from `first_row`, then what `n/c` means.
fn write_notes(
    sheet: &mut Worksheet,
    first_row: u32,
    notes: &[String],
    lang: Lang,
) -> Result<(), XlsxError> {
    let end = text(lang, "structure.not_computable");
    for (index, note) in notes.iter().map(String::as_str).chain([end]).enumerate() {
        sheet.write_string(first_row + index as u32, 0, note)?;
    }
    Ok(())
}

/// The cells one structure value refers to on the Statements sheet.
struct Cells {
    amount: Option<String>,
    previous: Option<String>,
    total: Option<String>,
}

impl Cells {
    fn of(layout: &Layout, item: LineItem, cell: &StructureCell) -> Cells {
        Cells {
            amount: layout.item(item, cell.period),
            previous: cell
                .compared_with
                .and_then(|previous| layout.item(item, previous)),
            total: cell.total.and_then(|total| layout.item(total, cell.period)),
        }
    }

    fn change(&self) -> Option<String> {
        let (amount, previous) = (self.amount.as_ref()?, self.previous.as_ref()?);
        Some(format!("{amount}-{previous}"))
    }

    fn relative_change(&self) -> Option<String> {
        let (amount, previous) = (self.amount.as_ref()?, self.previous.as_ref()?);
        Some(format!("({amount}-{previous})/{previous}"))
    }

    fn share(&self) -> Option<String> {
        let (amount, total) = (self.amount.as_ref()?, self.total.as_ref()?);
        Some(format!("{amount}/{total}"))
    }
}

/// Writes the engine's `value` as `formula` with the value cached, or its reason (a
/// value whose formula lacks a cell, which the engine's use of the same amounts rules
/// out, says so rather than showing a number no formula backs).
fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    formula: Option<String>,
    value: &Result<Decimal, NotComputable>,
    format: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let value = match (value, &formula) {
        (Ok(value), Some(formula)) => Ok((formula.as_str(), *value)),
        (Err(reason), _) => Err(reason.text(lang)),
        (Ok(_), None) => Err(text(lang, "structure.no_cell").to_owned()),
    };
    write_computed_in(sheet, row, column, value, format, lang)
}

/// The statement titles and each line's label and name, on the rows of the
/// Statements sheet; returns the last row written.
fn write_titles_and_labels(
    sheet: &mut Worksheet,
    structure: &Structure,
    layout: &Layout,
    formats: &Formats,
) -> Result<u32, XlsxError> {
    let mut last_row = layout.statements_header;
    for (statement, row) in &layout.statement_titles {
        if *statement == StatementKind::MarketData {
            continue;
        }
        write_statement_title(sheet, *row, *statement, formats)?;
        last_row = last_row.max(*row);
    }
    for line in &structure.lines {
        let Some(row) = layout.item_rows.get(&line.item).copied() else {
            continue;
        };
        sheet.write_string(row, 0, line.item.label_in(formats.lang))?;
        sheet.write_string(row, 1, line.item.name())?;
        last_row = last_row.max(row);
    }
    Ok(last_row)
}

/// The labels of the totals a line's shares are of.
fn totals_text(line: &StructureLine, lang: Lang) -> String {
    let labels: Vec<&str> = line
        .totals()
        .iter()
        .map(|total| total.label_in(lang))
        .collect();
    labels.join(", ")
}

fn size_columns(sheet: &mut Worksheet, n_value_columns: u16) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 28)?;
    for index in 0..n_value_columns {
        sheet.set_column_width(FIRST_COLUMN + index, 14)?;
    }
    Ok(())
}
