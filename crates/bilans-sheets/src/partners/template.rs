//! The partner-selection input workbook, in the layout `read.rs` reads: the example
//! fixture and a template for users.

use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

use bilans_scoring::partners::{Direction, Divisor, Form, IndicatorInput, PanelInput};

use crate::SheetsError;
use crate::cells::cell_number;
use crate::partners::{column, form_sheet};

/// Writes `input` as an input workbook in the layout [`read_panel_workbook`] reads
/// (used to produce `fixtures/partners/example.xlsx` and as a template for users).
///
/// # Errors
///
/// [`SheetsError::Xlsx`] (with `path` as the destination) if the writer refuses.
pub fn panel_input_workbook(input: &PanelInput, path: &Path) -> Result<Workbook, SheetsError> {
    let xlsx = |source| SheetsError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let mut workbook = crate::new_workbook("bilans partner panel input");
    let sheet = workbook.add_worksheet().set_name("Panel").map_err(xlsx)?;
    let divisor = match input.divisor {
        Divisor::Panel => "panel",
        Divisor::VotesCast => "votes_cast",
    };
    sheet.write_string(0, 0, "title").map_err(xlsx)?;
    sheet
        .write_string(0, 1, input.title.as_deref().unwrap_or_default())
        .map_err(xlsx)?;
    for (row, (key, value)) in [
        ("experts", input.experts),
        ("scale_min", input.scale.min),
        ("scale_max", input.scale.max),
    ]
    .iter()
    .enumerate()
    {
        let row = 1 + u32::try_from(row).unwrap_or(0);
        sheet.write_string(row, 0, *key).map_err(xlsx)?;
        sheet
            .write_number(row, 1, cell_number(Decimal::from(*value)))
            .map_err(xlsx)?;
    }
    sheet.write_string(4, 0, "divisor").map_err(xlsx)?;
    sheet.write_string(4, 1, divisor).map_err(xlsx)?;

    let sheet = workbook
        .add_worksheet()
        .set_name("Criteria")
        .map_err(xlsx)?;
    sheet.write_string(0, 0, "criterion").map_err(xlsx)?;
    sheet.write_string(0, 1, "weight").map_err(xlsx)?;
    for (row, criterion) in input.criteria.iter().enumerate() {
        let row = 1 + u32::try_from(row).unwrap_or(0);
        sheet
            .write_string(row, 0, criterion.as_str())
            .map_err(xlsx)?;
        if let Some(weight) = input.weights.get(criterion) {
            sheet
                .write_number(row, 1, cell_number(*weight))
                .map_err(xlsx)?;
        }
    }

    if input
        .partners
        .iter()
        .any(|partner| partner.description.is_some())
    {
        let sheet = workbook
            .add_worksheet()
            .set_name("Partners")
            .map_err(xlsx)?;
        sheet.write_string(0, 0, "partner").map_err(xlsx)?;
        sheet.write_string(0, 1, "description").map_err(xlsx)?;
        for (row, partner) in input.partners.iter().enumerate() {
            let row = 1 + u32::try_from(row).unwrap_or(0);
            sheet
                .write_string(row, 0, partner.name.as_str())
                .map_err(xlsx)?;
            sheet
                .write_string(row, 1, partner.description.as_deref().unwrap_or_default())
                .map_err(xlsx)?;
        }
    }

    for form in [Form::Votes, Form::Scores] {
        let rows: Vec<(&str, &str, &Vec<i64>)> = input
            .partners
            .iter()
            .flat_map(|partner| {
                let lists = partner.lists(form);
                input.criteria.iter().filter_map(move |criterion| {
                    Some((
                        partner.name.as_str(),
                        criterion.as_str(),
                        lists.get(criterion)?,
                    ))
                })
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let sheet = workbook
            .add_worksheet()
            .set_name(form_sheet(form))
            .map_err(xlsx)?;
        sheet.write_string(0, 0, "partner").map_err(xlsx)?;
        sheet.write_string(0, 1, "criterion").map_err(xlsx)?;
        let width = rows
            .iter()
            .map(|(_, _, values)| values.len())
            .max()
            .unwrap_or(0);
        for column_idx in 0..width {
            let header_column = column(2 + column_idx);
            match form {
                Form::Votes => {
                    let score = input.scale.min + i64::try_from(column_idx).unwrap_or(0);
                    sheet
                        .write_number(0, header_column, cell_number(Decimal::from(score)))
                        .map_err(xlsx)?
                }
                Form::Scores => sheet
                    .write_string(0, header_column, format!("expert {}", column_idx + 1))
                    .map_err(xlsx)?,
            };
        }
        for (row, (partner, criterion, values)) in rows.iter().enumerate() {
            let row = 1 + u32::try_from(row).unwrap_or(0);
            sheet.write_string(row, 0, *partner).map_err(xlsx)?;
            sheet.write_string(row, 1, *criterion).map_err(xlsx)?;
            for (column_idx, value) in values.iter().enumerate() {
                let value_column = column(2 + column_idx);
                sheet
                    .write_number(row, value_column, cell_number(Decimal::from(*value)))
                    .map_err(xlsx)?;
            }
        }
    }

    if let Some(compliance) = &input.compliance {
        let sheet = workbook
            .add_worksheet()
            .set_name("Compliance")
            .map_err(xlsx)?;
        sheet.write_string(0, 0, "indicator").map_err(xlsx)?;
        let weight_column = column(1 + compliance.models.len());
        for (column_idx, model) in compliance.models.iter().enumerate() {
            sheet
                .write_string(0, column(1 + column_idx), model.as_str())
                .map_err(xlsx)?;
        }
        sheet
            .write_string(0, weight_column, "weight")
            .map_err(xlsx)?;
        for (row, line) in compliance.rows.iter().enumerate() {
            let row = 1 + u32::try_from(row).unwrap_or(0);
            sheet
                .write_string(row, 0, line.indicator.as_str())
                .map_err(xlsx)?;
            for (column_idx, mark) in line.marks.iter().enumerate() {
                sheet
                    .write_string(row, column(1 + column_idx), mark.as_str())
                    .map_err(xlsx)?;
            }
            if let Some(weight) = compliance.weights.get(&line.indicator) {
                sheet
                    .write_number(row, weight_column, cell_number(*weight))
                    .map_err(xlsx)?;
            }
        }
        if !compliance.exclude.is_empty() {
            let row = 1 + u32::try_from(compliance.rows.len()).unwrap_or(0);
            sheet.write_string(row, 0, "exclude").map_err(xlsx)?;
            for (column_idx, model) in compliance.models.iter().enumerate() {
                if compliance.exclude.contains(model) {
                    sheet
                        .write_string(row, column(1 + column_idx), "x")
                        .map_err(xlsx)?;
                }
            }
        }
    }

    if let Some(monitoring) = &input.monitoring {
        let sheet = workbook
            .add_worksheet()
            .set_name("Monitoring")
            .map_err(xlsx)?;
        sheet.write_string(0, 0, "model").map_err(xlsx)?;
        sheet
            .write_string(0, 1, monitoring.model.as_str())
            .map_err(xlsx)?;
        for (column_idx, label) in ["indicator", "kind", "direction", "target", "unit", "levels"]
            .iter()
            .enumerate()
        {
            sheet
                .write_string(1, column(column_idx), *label)
                .map_err(xlsx)?;
        }
        for (column_idx, period) in monitoring.periods.iter().enumerate() {
            sheet
                .write_string(1, column(6 + column_idx), period.as_str())
                .map_err(xlsx)?;
        }
        for (row, indicator) in monitoring.indicators.iter().enumerate() {
            let row = 2 + u32::try_from(row).unwrap_or(0);
            match indicator {
                IndicatorInput::Quantitative {
                    name,
                    unit,
                    direction,
                    target,
                    actual,
                } => {
                    sheet.write_string(row, 0, name.as_str()).map_err(xlsx)?;
                    sheet.write_string(row, 1, "quantitative").map_err(xlsx)?;
                    let direction = match direction {
                        Direction::AtLeast => "at_least",
                        Direction::AtMost => "at_most",
                    };
                    sheet.write_string(row, 2, direction).map_err(xlsx)?;
                    sheet
                        .write_number(row, 3, cell_number(*target))
                        .map_err(xlsx)?;
                    if let Some(unit) = unit {
                        sheet.write_string(row, 4, unit.as_str()).map_err(xlsx)?;
                    }
                    for (column_idx, value) in actual.iter().enumerate() {
                        sheet
                            .write_number(row, column(6 + column_idx), cell_number(*value))
                            .map_err(xlsx)?;
                    }
                }
                IndicatorInput::Qualitative {
                    name,
                    levels,
                    target,
                    actual,
                } => {
                    sheet.write_string(row, 0, name.as_str()).map_err(xlsx)?;
                    sheet.write_string(row, 1, "qualitative").map_err(xlsx)?;
                    sheet.write_string(row, 3, target.as_str()).map_err(xlsx)?;
                    sheet
                        .write_string(row, 5, levels.join("; "))
                        .map_err(xlsx)?;
                    for (column_idx, value) in actual.iter().enumerate() {
                        sheet
                            .write_string(row, column(6 + column_idx), value.as_str())
                            .map_err(xlsx)?;
                    }
                }
            }
        }
    }
    Ok(workbook)
}
