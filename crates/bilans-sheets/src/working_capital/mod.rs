//! The "Working capital" sheet of the analysed workbook (seed 002).
//!
//! Standing alone (`bilans wc`), the sheet is self-contained and auditable: it copies
//! the statements' line items, then writes every working-capital measure of
//! [`WORKING_CAPITAL_RATIOS`] as a live Excel formula over those cells with its cached
//! result (the Decimal value computed by `bilans-ratios`), then the policies per
//! period as text, with the bands used and the naming note. In the analysed workbook
//! it reads the analysis instead: each measure is a reference to its cell on the
//! Ratios sheet with the analysis's value cached, so no ratio is evaluated twice.

use std::collections::BTreeMap;
use std::fmt::Display;

use bilans_model::{LineItem, Period, Statements};
use bilans_ratios::analysis::Analysis;
use bilans_ratios::working_capital::{
    NAMING_NOTE, PolicyAssessment, PolicyBands, WORKING_CAPITAL_RATIOS, WorkingCapitalConfig,
    assess_policies,
};
use bilans_ratios::{Basis, CellRefs, NotComputable, RatioId};
use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet, XlsxError};

use crate::SheetsError;
use crate::cells::{cell_number, fit_cell_text, not_computable_text, unit_format, write_computed};

/// The sheet's name.
pub const SHEET_NAME: &str = "Working capital";

/// Adds the "Working capital" sheet to `workbook`.
///
/// Layout: a title block (basis, days in year, naming note); the line items (rows) by
/// period (columns); the measures as formulas with cached values, or `n/c: reason`
/// when not computable, and their definition in the last column; the policies.
///
/// # Errors
///
/// [`SheetsError::Workbook`] when the workbook already has a sheet of that name or the
/// writer rejects a cell.
pub fn write_working_capital_sheet(
    workbook: &mut Workbook,
    statements: &Statements,
    config: &WorkingCapitalConfig,
) -> Result<(), SheetsError> {
    add_sheet(workbook, statements, config, Measures::Evaluated)
}

/// Adds the "Working capital" sheet to a workbook that already holds `analysis` (its
/// statements and ratios, at the cells `linked` names): every measure refers to its
/// ratio's cell with the analysis's value cached, so an edit of the statements flows
/// through, and no amount is copied and no ratio evaluated again.
///
/// # Errors
///
/// As [`write_working_capital_sheet`].
pub(crate) fn write_linked_working_capital_sheet(
    workbook: &mut Workbook,
    analysis: &Analysis,
    config: &WorkingCapitalConfig,
    linked: &dyn CellRefs,
) -> Result<(), SheetsError> {
    add_sheet(
        workbook,
        &analysis.statements,
        config,
        Measures::FromAnalysis { analysis, linked },
    )
}

/// Where the sheet's measures come from.
#[derive(Clone, Copy)]
enum Measures<'a> {
    /// Evaluated here, as formulas over the line items the sheet copies.
    Evaluated,
    /// Read from the analysis, as references to the cells `linked` names.
    FromAnalysis {
        analysis: &'a Analysis,
        linked: &'a dyn CellRefs,
    },
}

impl<'a> Measures<'a> {
    fn linked(self) -> Option<&'a dyn CellRefs> {
        match self {
            Measures::Evaluated => None,
            Measures::FromAnalysis { linked, .. } => Some(linked),
        }
    }
}

/// Adds the sheet, its line items copied or linked.
fn add_sheet(
    workbook: &mut Workbook,
    statements: &Statements,
    config: &WorkingCapitalConfig,
    measures: Measures<'_>,
) -> Result<(), SheetsError> {
    let sheet_error = |source| SheetsError::Workbook { source };
    if workbook.worksheet_from_name(SHEET_NAME).is_ok() {
        return Err(sheet_error(XlsxError::SheetnameReused(
            SHEET_NAME.to_owned(),
        )));
    }
    let worksheet = workbook.add_worksheet();
    write_sheet(worksheet, statements, config, measures).map_err(sheet_error)
}

/// Where line items and measures live in the sheet.
struct Cells<'a> {
    columns: BTreeMap<Period, ColNum>,
    item_rows: BTreeMap<LineItem, RowNum>,
    ratio_rows: BTreeMap<RatioId, RowNum>,
    /// Where the line items (and other ratios) live when the sheet is part of a larger
    /// workbook, such as the analysed workbook's Statements and Ratios sheets.
    linked: Option<&'a dyn CellRefs>,
}

impl CellRefs for Cells<'_> {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        if let Some(linked) = self.linked {
            return linked.item(item, period);
        }
        let row = *self.item_rows.get(&item)?;
        let column = *self.columns.get(&period)?;
        Some(row_col_to_cell(row, column))
    }

    fn ratio(&self, id: RatioId, period: Period) -> Option<String> {
        let Some(row) = self.ratio_rows.get(&id) else {
            return self.linked.and_then(|linked| linked.ratio(id, period));
        };
        let column = *self.columns.get(&period)?;
        Some(row_col_to_cell(*row, column))
    }
}

fn write_sheet(
    worksheet: &mut Worksheet,
    statements: &Statements,
    config: &WorkingCapitalConfig,
    measures: Measures<'_>,
) -> Result<(), XlsxError> {
    let linked = measures.linked();
    worksheet.set_name(SHEET_NAME)?;
    let bold = Format::new().set_bold();
    let periods = statements.period_list();
    let first_column: ColNum = 1;
    let definition_column =
        first_column + ColNum::try_from(periods.len()).unwrap_or(ColNum::MAX - 1);
    worksheet.set_column_width(0, 55)?;
    worksheet.set_column_width(definition_column, 70)?;

    let basis = match config.eval.basis {
        Basis::YearEnd => "year-end balances",
        Basis::Average => "average balances ((opening + closing) / 2)",
        Basis::Chronological => {
            "chronological mean of the balances ((x1/2 + x2 + … + xn/2) / (n − 1))"
        }
    };
    worksheet.write_string_with_format(0, 0, "Working capital (seed 002)", &bold)?;
    let heading = format!(
        "{}; {basis}; {} days in the year; amounts in {}",
        statements.entity.name,
        config.eval.days_in_year.days(),
        statements.unit
    );
    worksheet.write_string(1, 0, fit_cell_text(&heading))?;
    worksheet.write_string(2, 0, format!("Note: {NAMING_NOTE}."))?;

    let mut cells = Cells {
        columns: BTreeMap::new(),
        item_rows: BTreeMap::new(),
        ratio_rows: BTreeMap::new(),
        linked,
    };
    let mut row: RowNum = 4;
    let first_header = if linked.is_some() {
        "Line items: see the Statements sheet"
    } else {
        "Line item"
    };
    worksheet.write_string_with_format(row, 0, first_header, &bold)?;
    for (offset, period) in periods.iter().enumerate() {
        let column = first_column + ColNum::try_from(offset).unwrap_or(0);
        cells.columns.insert(*period, column);
        worksheet.write_string_with_format(row, column, period.to_string(), &bold)?;
    }
    let copied_items = if linked.is_some() {
        Vec::new()
    } else {
        statements.item_list()
    };
    for item in copied_items {
        row += 1;
        cells.item_rows.insert(item, row);
        worksheet.write_string(row, 0, item.label())?;
        for period in &periods {
            if let Some(value) = statements.get(*period, item) {
                worksheet.write_number(row, cells.columns[period], cell_number(value))?;
            }
        }
    }

    row += 2;
    worksheet.write_string_with_format(row, 0, "Measure", &bold)?;
    worksheet.write_string_with_format(row, definition_column, "Definition (source)", &bold)?;
    for id in WORKING_CAPITAL_RATIOS {
        let ratio = id.ratio();
        row += 1;
        let format = unit_format(ratio.unit);
        worksheet.write_string(row, 0, ratio.name)?;
        worksheet.write_string(
            row,
            definition_column,
            format!("{} ({})", ratio.formula_text(), ratio.source),
        )?;
        for period in &periods {
            let column = cells.columns[period];
            match measures {
                Measures::Evaluated => {
                    let value = ratio.evaluate(statements, *period, &config.eval);
                    let formula = ratio.excel_formula(*period, &config.eval, &cells);
                    let value = match (&value, &formula) {
                        (Ok(value), Ok(formula)) => Ok((formula.as_str(), *value)),
                        (Err(reason), _) | (_, Err(reason)) => Err(reason as &dyn Display),
                    };
                    write_computed(worksheet, row, column, value, format)?;
                }
                Measures::FromAnalysis { analysis, linked } => {
                    let value = analysis.ratios.row(id).and_then(|row| row.value(*period));
                    let reference = linked.ratio(id, *period).map(|cell| format!("={cell}"));
                    let value = match (value, &reference) {
                        (Some(Ok(value)), Some(reference)) => Ok((reference.as_str(), *value)),
                        (Some(Err(reason)), _) => Err(reason as &dyn Display),
                        (Some(Ok(_)), None) => Err(&"the ratio has no cell" as &dyn Display),
                        (None, _) => Err(&"not evaluated for this period" as &dyn Display),
                    };
                    write_computed(worksheet, row, column, value, format)?;
                }
            }
        }
        cells.ratio_rows.insert(id, row);
    }

    row += 2;
    worksheet.write_string_with_format(row, 0, "Policy (seed 002 naming)", &bold)?;
    let percent = Format::new().set_num_format("0.00");
    let assessments: Vec<_> = periods
        .iter()
        .map(|period| assess_policies(statements, *period, config))
        .collect();
    let policy_rows: [PolicyRow; 5] = [
        ("current assets / total assets (%)", |assessment| {
            PolicyCell::from_value(&assessment.current_asset_share_percent)
        }),
        (
            "short-term credit / balance-sheet total (%)",
            |assessment| PolicyCell::from_value(&assessment.short_term_credit_share_percent),
        ),
        ("current-asset policy", |assessment| {
            PolicyCell::from_text(assessment.assets.as_ref().map(
                |assets| match assets.by_turnover {
                    Some(by_turnover) if by_turnover != assets.by_share => format!(
                        "{} (share: {}, turnover: {by_turnover})",
                        assets.policy, assets.by_share
                    ),
                    _ => assets.policy.to_string(),
                },
            ))
        }),
        ("current-liability policy", |assessment| {
            PolicyCell::from_text(assessment.liabilities.as_ref().map(ToString::to_string))
        }),
        ("combined policy (Table 8)", |assessment| {
            PolicyCell::from_text(assessment.combined.as_ref().map(ToString::to_string))
        }),
    ];
    for (label, cell_of) in policy_rows {
        row += 1;
        worksheet.write_string(row, 0, label)?;
        for assessment in &assessments {
            let column = cells.columns[&assessment.period];
            match cell_of(assessment) {
                PolicyCell::Number(value) => {
                    worksheet.write_number_with_format(
                        row,
                        column,
                        cell_number(value),
                        &percent,
                    )?;
                }
                PolicyCell::Text(text) => {
                    worksheet.write_string(row, column, text)?;
                }
            }
        }
    }
    row += 2;
    let policy = &config.policy;
    let mut bands = vec![
        bands_text(
            "current-asset share (%)",
            &policy.current_asset_share_percent,
        ),
        bands_text(
            "short-term credit share (%)",
            &policy.short_term_credit_share_percent,
        ),
    ];
    match &policy.turnover_days {
        Some(turnover) => bands.push(bands_text("turnover of working funds (days)", turnover)),
        None => bands.push("turnover of working funds: not used".to_owned()),
    }
    worksheet.write_string(row, 0, format!("Bands: {}", bands.join("; ")))?;
    Ok(())
}

/// A row of the policy block: its label, and its cell in a period's assessment.
type PolicyRow = (&'static str, fn(&PolicyAssessment) -> PolicyCell);

/// A cell of the policy block: a number, or text (a policy or why there is none).
enum PolicyCell {
    Number(Decimal),
    Text(String),
}

impl PolicyCell {
    fn from_value(value: &Result<Decimal, NotComputable>) -> PolicyCell {
        match value {
            Ok(value) => PolicyCell::Number(*value),
            Err(reason) => PolicyCell::Text(not_computable_text(reason)),
        }
    }

    fn from_text(text: Result<String, &NotComputable>) -> PolicyCell {
        PolicyCell::Text(text.unwrap_or_else(|reason| not_computable_text(reason)))
    }
}

fn bands_text(name: &str, bands: &PolicyBands) -> String {
    format!(
        "{name}: conservative below {}, aggressive from {}",
        bands.conservative_below(),
        bands.aggressive_from()
    )
}

#[cfg(test)]
mod tests;
