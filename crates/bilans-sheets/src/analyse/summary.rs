//! The Summary sheet: what was analysed, what to look at first, the headline ratios
//! with their trend, and the written conclusion, each sentence followed by the cells
//! of the figures it rests on.

use bilans_model::Lang;
use bilans_ratios::CellRefs;
use bilans_ratios::analysis::Analysis;
use bilans_ratios::conclusion::Figure;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::analyse::{Formats, Layout, WorkbookOptions, write_header};
use crate::cells::{cell_number, fit_cell_text, write_computed_in};
use crate::lang::{Sheet, message, sheet_name_in, text};

pub(crate) fn write_summary(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    options: &WorkbookOptions,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Summary, lang))?;
    let statements = &analysis.statements;
    sheet.write_string_with_format(
        0,
        0,
        fit_cell_text(&message(
            lang,
            "workbook.title",
            &[("entity", &statements.entity.name)],
        )),
        &formats.title,
    )?;
    let periods = statements.period_list();
    let period_text = match (periods.first(), periods.last()) {
        (Some(first), Some(last)) => message(
            lang,
            "summary.periods_value",
            &[("first", first), ("last", last), ("count", &periods.len())],
        ),
        _ => text(lang, "summary.none").to_owned(),
    };
    let basis = analysis.config.basis.label_in(lang);
    let mut facts = vec![
        ("summary.input", options.input.clone()),
        ("summary.entity", statements.entity.name.clone()),
        ("summary.periods", period_text),
        ("summary.unit", statements.unit.text_in(lang)),
        ("summary.basis", basis.to_owned()),
        (
            "summary.days_in_year",
            analysis.config.days_in_year.days().to_string(),
        ),
        (
            "summary.generator",
            format!("bilans {}", env!("CARGO_PKG_VERSION")),
        ),
    ];
    if let Some(note) = analysis.interim_note_in(lang) {
        facts.insert(facts.len() - 1, ("summary.interim", note.to_owned()));
    }
    for (index, (label, value)) in facts.iter().enumerate() {
        let row = index as u32 + 2;
        sheet.write_string_with_format(row, 0, text(lang, label), &formats.header)?;
        sheet.write_string(row, 1, fit_cell_text(value))?;
    }
    let mut row = facts.len() as u32 + 3;
    sheet.write_string_with_format(row, 0, text(lang, "summary.look_at_first"), &formats.title)?;
    for point in &analysis.attention {
        row += 1;
        sheet.write_string(row, 0, fit_cell_text(&format!("• {}", point.text(lang))))?;
    }
    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        text(lang, "summary.headline_ratios"),
        &formats.title,
    )?;
    row += 1;
    let header = [
        "summary.ratio",
        "summary.first",
        "summary.value",
        "summary.last",
        "summary.value",
        "summary.trend",
    ]
    .map(|key| text(lang, key).to_owned());
    write_header(sheet, row, &header, formats)?;
    for headline in &analysis.headlines {
        row += 1;
        let unit = headline.id.ratio().unit;
        sheet.write_string(row, 0, headline.id.label_in(lang))?;
        for (offset, point) in [(1u16, headline.first), (3u16, headline.last)] {
            match point {
                Some((period, value)) => {
                    sheet.write_string(row, offset, period.to_string())?;
                    sheet.write_number_with_format(
                        row,
                        offset + 1,
                        cell_number(value),
                        formats.for_unit(unit),
                    )?;
                }
                None => {
                    let reason = text(lang, "workbook.not_computable_anywhere").to_owned();
                    write_computed_in(
                        sheet,
                        row,
                        offset,
                        Err(reason),
                        formats.for_unit(unit),
                        lang,
                    )?;
                }
            }
        }
        sheet.write_string(row, 5, headline.trend.label_in(lang))?;
    }
    write_conclusion(sheet, row + 2, analysis, layout, formats)?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 40)?;
    for column in 2..6 {
        sheet.set_column_width(column, 12)?;
    }
    Ok(())
}

/// The conclusion from `row` down: per paragraph its heading, then each sentence with,
/// on the row below, every figure it states and the cell that holds it.
fn write_conclusion(
    sheet: &mut Worksheet,
    mut row: u32,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.write_string_with_format(row, 0, text(lang, "summary.conclusion"), &formats.title)?;
    let trace = Format::new().set_italic().set_font_color("#595959");
    for paragraph in &analysis.conclusion.paragraphs {
        row += 2;
        sheet.write_string_with_format(
            row,
            0,
            paragraph.topic.heading_in(lang),
            &formats.section,
        )?;
        for sentence in &paragraph.sentences {
            row += 1;
            sheet.write_string(row, 0, fit_cell_text(sentence.text_in(lang)))?;
            let figures: Vec<String> = sentence
                .figures
                .iter()
                .filter_map(|figure| figure_trace(figure, analysis, layout, lang))
                .collect();
            if !figures.is_empty() {
                row += 1;
                let figures = message(
                    lang,
                    "summary.figures_from",
                    &[("figures", &figures.join("; "))],
                );
                sheet.write_string_with_format(
                    row,
                    0,
                    fit_cell_text(&format!("    {figures}")),
                    &trace,
                )?;
            }
        }
    }
    Ok(())
}

/// A figure with the cell that holds it, e.g. `current ratio 2024 = 0.75 at
/// 'Ratios'!$D$5`.
fn figure_trace(
    figure: &Figure,
    analysis: &Analysis,
    layout: &Layout,
    lang: Lang,
) -> Option<String> {
    let at =
        |name: &str, period: &dyn std::fmt::Display, value: &dyn std::fmt::Display, cell: &str| {
            message(
                lang,
                "summary.figure_at",
                &[
                    ("name", &name),
                    ("period", period),
                    ("value", value),
                    ("cell", &cell),
                ],
            )
        };
    match figure {
        Figure::Ratio { id, period, value } => {
            let cell = layout.ratio(*id, *period)?;
            Some(at(id.label_in(lang), period, value, &cell))
        }
        Figure::Amount {
            item,
            period,
            value,
        } => {
            let cell = layout.item(*item, *period)?;
            Some(at(item.label_in(lang), period, value, &cell))
        }
        Figure::Distress {
            model,
            period,
            value,
        } => {
            let row = analysis.distress.get(*model)?;
            let index = row.values.iter().position(|(at, _)| at == period)?;
            let column = 1 + 2 * u16::try_from(index).ok()?;
            let row_number = 1 + u32::try_from(*model).ok()?;
            let cell = crate::analyse::prefixed_absolute(
                &format!("'{}'!", sheet_name_in(Sheet::Distress, lang)),
                row_number,
                column,
            );
            Some(at(row.id.model().name_in(lang), period, value, &cell))
        }
        Figure::Measure {
            label,
            period,
            value,
            ..
        } => Some(message(
            lang,
            "summary.figure_on_sheets",
            &[
                ("name", &label.text_in(lang)),
                ("period", period),
                ("value", value),
                ("liquidity", &sheet_name_in(Sheet::Liquidity, lang)),
                ("stability", &sheet_name_in(Sheet::Stability, lang)),
            ],
        )),
        Figure::Findings { .. } => None,
    }
}
