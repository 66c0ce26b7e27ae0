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

use bilans_model::{Lang, LineItem, Period, Statements};
use bilans_ratios::analysis::Analysis;
use bilans_ratios::working_capital::{
    PolicyAssessment, PolicyBands, WORKING_CAPITAL_RATIOS, WorkingCapitalConfig, assess_policies,
    naming_note_in,
};
use bilans_ratios::{Basis, CellRefs, NotComputable, RatioId};
use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet, XlsxError};

use crate::SheetsError;
use crate::cells::{
    cell_number, fit_cell_text, not_computable_text_in, unit_format, write_computed_in,
};
use crate::lang::{Sheet, message, sheet_name_in, text};

/// The sheet's name in English ([`crate::lang::sheet_name_in`] in every language).
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
    add_sheet(workbook, statements, config, Measures::Evaluated, Lang::En)
}

/// Adds the "Working capital" sheet to a workbook that already holds `analysis` (its
/// statements and ratios, at the cells `linked` names): every measure refers to its
/// ratio's cell with the analysis's value cached, so an edit of the statements flows
/// through, and no amount is copied and no ratio evaluated again. Its words are in
/// `lang`.
///
/// # Errors
///
/// As [`write_working_capital_sheet`].
pub(crate) fn write_linked_working_capital_sheet(
    workbook: &mut Workbook,
    analysis: &Analysis,
    config: &WorkingCapitalConfig,
    linked: &dyn CellRefs,
    lang: Lang,
) -> Result<(), SheetsError> {
    add_sheet(
        workbook,
        &analysis.statements,
        config,
        Measures::FromAnalysis { analysis, linked },
        lang,
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
    lang: Lang,
) -> Result<(), SheetsError> {
    let sheet_error = |source| SheetsError::Workbook { source };
    let name = sheet_name_in(Sheet::WorkingCapital, lang);
    if workbook.worksheet_from_name(name).is_ok() {
        return Err(sheet_error(XlsxError::SheetnameReused(name.to_owned())));
    }
    let worksheet = workbook.add_worksheet();
    write_sheet(worksheet, statements, config, measures, lang).map_err(sheet_error)
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
    lang: Lang,
) -> Result<(), XlsxError> {
    let linked = measures.linked();
    worksheet.set_name(sheet_name_in(Sheet::WorkingCapital, lang))?;
    let bold = Format::new().set_bold();
    let periods = statements.period_list();
    let first_column: ColNum = 1;
    let definition_column =
        first_column + ColNum::try_from(periods.len()).unwrap_or(ColNum::MAX - 1);
    worksheet.set_column_width(0, 55)?;
    worksheet.set_column_width(definition_column, 70)?;

    let basis = text(
        lang,
        match config.eval.basis {
            Basis::YearEnd => "working_capital.year_end",
            Basis::Average => "working_capital.average",
            Basis::Chronological => "working_capital.chronological",
        },
    );
    worksheet.write_string_with_format(0, 0, text(lang, "working_capital.title"), &bold)?;
    let heading = message(
        lang,
        "working_capital.heading",
        &[
            ("entity", &statements.entity.name),
            ("basis", &basis),
            ("days", &config.eval.days_in_year.days()),
            ("unit", &statements.unit.text_in(lang)),
        ],
    );
    worksheet.write_string(1, 0, fit_cell_text(&heading))?;
    worksheet.write_string(
        2,
        0,
        message(
            lang,
            "working_capital.note",
            &[("note", &naming_note_in(lang))],
        ),
    )?;

    let mut cells = Cells {
        columns: BTreeMap::new(),
        item_rows: BTreeMap::new(),
        ratio_rows: BTreeMap::new(),
        linked,
    };
    let mut row: RowNum = 4;
    let first_header = if linked.is_some() {
        text(lang, "working_capital.line_items_linked")
    } else {
        text(lang, "working_capital.line_item")
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
        worksheet.write_string(row, 0, item.label_in(lang))?;
        for period in &periods {
            if let Some(value) = statements.get(*period, item) {
                worksheet.write_number(row, cells.columns[period], cell_number(value))?;
            }
        }
    }

    row += 2;
    worksheet.write_string_with_format(row, 0, text(lang, "working_capital.measure"), &bold)?;
    worksheet.write_string_with_format(
        row,
        definition_column,
        text(lang, "working_capital.definition"),
        &bold,
    )?;
    for id in WORKING_CAPITAL_RATIOS {
        let ratio = id.ratio();
        row += 1;
        let format = unit_format(ratio.unit);
        worksheet.write_string(row, 0, ratio.name_in(lang))?;
        worksheet.write_string(
            row,
            definition_column,
            fit_cell_text(&format!(
                "{} ({})",
                ratio.formula_text_in(lang),
                ratio.source_in(lang)
            )),
        )?;
        for period in &periods {
            let column = cells.columns[period];
            match measures {
                Measures::Evaluated => {
                    let value = ratio.evaluate(statements, *period, &config.eval);
                    let formula = ratio.excel_formula(*period, &config.eval, &cells);
                    let value = match (&value, &formula) {
                        (Ok(value), Ok(formula)) => Ok((formula.as_str(), *value)),
                        (Err(reason), _) | (_, Err(reason)) => Err(reason.text(lang)),
                    };
                    write_computed_in(worksheet, row, column, value, format, lang)?;
                }
                Measures::FromAnalysis { analysis, linked } => {
                    let value = analysis.ratios.row(id).and_then(|row| row.value(*period));
                    let reference = linked.ratio(id, *period).map(|cell| format!("={cell}"));
                    let value = match (value, &reference) {
                        (Some(Ok(value)), Some(reference)) => Ok((reference.as_str(), *value)),
                        (Some(Err(reason)), _) => Err(reason.text(lang)),
                        (Some(Ok(_)), None) => {
                            Err(text(lang, "workbook.ratio_has_no_cell").to_owned())
                        }
                        (None, _) => Err(text(lang, "workbook.not_evaluated").to_owned()),
                    };
                    write_computed_in(worksheet, row, column, value, format, lang)?;
                }
            }
        }
        cells.ratio_rows.insert(id, row);
    }

    row += 2;
    worksheet.write_string_with_format(row, 0, text(lang, "working_capital.policy"), &bold)?;
    let percent = Format::new().set_num_format("0.00");
    let assessments: Vec<_> = periods
        .iter()
        .map(|period| assess_policies(statements, *period, config))
        .collect();
    let policy_rows: [PolicyRow; 5] = [
        ("working_capital.current_asset_share", |assessment, lang| {
            PolicyCell::from_value(&assessment.current_asset_share_percent, lang)
        }),
        (
            "working_capital.short_term_credit_share",
            |assessment, lang| {
                PolicyCell::from_value(&assessment.short_term_credit_share_percent, lang)
            },
        ),
        ("working_capital.asset_policy", |assessment, lang| {
            let text = assessment
                .assets
                .as_ref()
                .map(|assets| match assets.by_turnover {
                    Some(by_turnover) if by_turnover != assets.by_share => message(
                        lang,
                        "working_capital.share_and_turnover",
                        &[
                            ("policy", &assets.policy.label_in(lang)),
                            ("share", &assets.by_share.label_in(lang)),
                            ("turnover", &by_turnover.label_in(lang)),
                        ],
                    ),
                    _ => assets.policy.label_in(lang).to_owned(),
                });
            PolicyCell::from_text(text, lang)
        }),
        ("working_capital.liability_policy", |assessment, lang| {
            let text = assessment
                .liabilities
                .as_ref()
                .map(|policy| policy.label_in(lang).to_owned());
            PolicyCell::from_text(text, lang)
        }),
        ("working_capital.combined_policy", |assessment, lang| {
            let text = assessment
                .combined
                .as_ref()
                .map(|policy| policy.label_in(lang).to_owned());
            PolicyCell::from_text(text, lang)
        }),
    ];
    for (label, cell_of) in policy_rows {
        row += 1;
        worksheet.write_string(row, 0, text(lang, label))?;
        for assessment in &assessments {
            let column = cells.columns[&assessment.period];
            match cell_of(assessment, lang) {
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
            "working_capital.band_current_asset_share",
            &policy.current_asset_share_percent,
            lang,
        ),
        bands_text(
            "working_capital.band_short_term_credit_share",
            &policy.short_term_credit_share_percent,
            lang,
        ),
    ];
    match &policy.turnover_days {
        Some(turnover) => bands.push(bands_text("working_capital.band_turnover", turnover, lang)),
        None => bands.push(text(lang, "working_capital.turnover_not_used").to_owned()),
    }
    worksheet.write_string(
        row,
        0,
        fit_cell_text(&message(
            lang,
            "working_capital.bands",
            &[("bands", &bands.join("; "))],
        )),
    )?;
    Ok(())
}

/// A row of the policy block: its label, and its cell in a period's assessment.
type PolicyRow = (&'static str, fn(&PolicyAssessment, Lang) -> PolicyCell);

/// A cell of the policy block: a number, or text (a policy or why there is none).
enum PolicyCell {
    Number(Decimal),
    Text(String),
}

impl PolicyCell {
    fn from_value(value: &Result<Decimal, NotComputable>, lang: Lang) -> PolicyCell {
        match value {
            Ok(value) => PolicyCell::Number(*value),
            Err(reason) => PolicyCell::Text(not_computable(reason, lang)),
        }
    }

    fn from_text(text: Result<String, &NotComputable>, lang: Lang) -> PolicyCell {
        PolicyCell::Text(text.unwrap_or_else(|reason| not_computable(reason, lang)))
    }
}

fn not_computable(reason: &NotComputable, lang: Lang) -> String {
    not_computable_text_in(&reason.text(lang), lang)
}

fn bands_text(name_key: &str, bands: &PolicyBands, lang: Lang) -> String {
    message(
        lang,
        "working_capital.band",
        &[
            ("name", &text(lang, name_key)),
            ("below", &bands.conservative_below()),
            ("from", &bands.aggressive_from()),
        ],
    )
}

#[cfg(test)]
mod tests;
