//! The Distress sheet: every distress model's score per period, as a live formula
//! over the Statements and Ratios sheets with the engine's score cached, and its zone
//! (coloured: red for the model's danger zone, amber between, green for its safest
//! zone), or why it is not computable; then the formula with the line items used and
//! the primary source. The scores are the engine's (`bilans_ratios::distress`).

use bilans_ratios::analysis::Analysis;
use bilans_ratios::distress::{ZoneRisk, zone_in};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::analyse::{Formats, Layout, write_header};
use crate::cells::{fit_cell_text, write_computed_in};
use crate::lang::{Sheet, message, sheet_name_in, text};

/// The sheet's name in English ([`crate::lang::sheet_name_in`] in every language).
pub const DISTRESS: &str = "Distress";

/// Writes the Distress sheet.
pub(crate) fn write_distress(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Distress, lang))?;
    let periods = &analysis.ratios.periods;
    let mut header = vec![text(lang, "distress.model").to_owned()];
    for period in periods {
        header.push(message(lang, "distress.score", &[("period", period)]));
        header.push(message(lang, "distress.zone", &[("period", period)]));
    }
    header.push(text(lang, "distress.formula").to_owned());
    header.push(text(lang, "distress.source").to_owned());
    write_header(sheet, 0, &header, formats)?;
    let zone_format = |risk: ZoneRisk| -> Format {
        let colour = match risk {
            ZoneRisk::Danger => "#FFC7CE",
            ZoneRisk::Between => "#FFEB9C",
            ZoneRisk::Safe => "#C6EFCE",
        };
        Format::new().set_background_color(colour)
    };
    let score_format = Format::new().set_num_format("0.000");
    let formula_column = 1 + 2 * periods.len() as u16;
    for (index, row) in analysis.distress.iter().enumerate() {
        let sheet_row = 1 + index as u32;
        let model = row.id.model();
        sheet.write_string(sheet_row, 0, model.name_in(lang))?;
        for (period_index, (period, value)) in row.values.iter().enumerate() {
            let column = 1 + 2 * period_index as u16;
            match value {
                Ok(score) => {
                    let formula = model.excel_formula(*period, &analysis.config, layout);
                    let value = match &formula {
                        Ok(formula) => Ok((formula.as_str(), score.score)),
                        Err(reason) => Err(reason.text(lang)),
                    };
                    write_computed_in(sheet, sheet_row, column, value, &score_format, lang)?;
                    match &score.zone {
                        Ok(zone) => {
                            sheet.write_string_with_format(
                                sheet_row,
                                column + 1,
                                zone_in(zone, lang),
                                &zone_format(model.zone_risk(zone)),
                            )?;
                        }
                        Err(reason) => {
                            write_computed_in(
                                sheet,
                                sheet_row,
                                column + 1,
                                Err(reason.text(lang)),
                                &Format::new(),
                                lang,
                            )?;
                        }
                    }
                }
                Err(reason) => write_computed_in(
                    sheet,
                    sheet_row,
                    column,
                    Err(reason.text(lang)),
                    &Format::new(),
                    lang,
                )?,
            }
        }
        sheet.write_string(
            sheet_row,
            formula_column,
            fit_cell_text(&model.formula_text_in(lang)),
        )?;
        sheet.write_string(sheet_row, formula_column + 1, model.source)?;
    }
    sheet.set_column_width(0, 44)?;
    for column in 1..formula_column {
        sheet.set_column_width(column, 12)?;
    }
    sheet.set_column_width(formula_column, 80)?;
    sheet.set_column_width(formula_column + 1, 50)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}
