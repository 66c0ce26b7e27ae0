//! The Summary sheet: what was analysed, what to look at first, the headline ratios
//! with their trend, and the written conclusion, each sentence followed by the cells
//! of the figures it rests on.

use bilans_ratios::CellRefs;
use bilans_ratios::analysis::{Analysis, Trend};
use bilans_ratios::conclusion::Figure;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::analyse::{
    DISTRESS, Formats, LIQUIDITY, Layout, STABILITY, SUMMARY, WorkbookOptions, write_header,
};
use crate::cells::{cell_number, fit_cell_text, write_computed};

pub(crate) fn write_summary(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    options: &WorkbookOptions,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(SUMMARY)?;
    let statements = &analysis.statements;
    sheet.write_string_with_format(
        0,
        0,
        fit_cell_text(&format!("bilans analysis: {}", statements.entity.name)),
        &formats.title,
    )?;
    let periods = statements.period_list();
    let period_text = match (periods.first(), periods.last()) {
        (Some(first), Some(last)) => format!("{first}–{last} ({} periods)", periods.len()),
        _ => "none".to_owned(),
    };
    let basis = analysis.config.basis.label();
    let mut facts = vec![
        ("Input", options.input.clone()),
        ("Entity", statements.entity.name.clone()),
        ("Periods", period_text),
        ("Unit", statements.unit.to_string()),
        ("Balance basis", basis.to_owned()),
        (
            "Days in year",
            analysis.config.days_in_year.days().to_string(),
        ),
        ("Generator", format!("bilans {}", env!("CARGO_PKG_VERSION"))),
    ];
    if let Some(note) = analysis.interim_note() {
        facts.insert(facts.len() - 1, ("Interim periods", note.to_owned()));
    }
    for (index, (label, value)) in facts.iter().enumerate() {
        let row = index as u32 + 2;
        sheet.write_string_with_format(row, 0, *label, &formats.header)?;
        sheet.write_string(row, 1, fit_cell_text(value))?;
    }
    let mut row = facts.len() as u32 + 3;
    sheet.write_string_with_format(row, 0, "Look at first", &formats.title)?;
    for point in &analysis.attention {
        row += 1;
        sheet.write_string(row, 0, fit_cell_text(&format!("• {point}")))?;
    }
    row += 2;
    sheet.write_string_with_format(row, 0, "Headline ratios", &formats.title)?;
    row += 1;
    write_header(
        sheet,
        row,
        &["Ratio", "First", "Value", "Last", "Value", "Trend"].map(String::from),
        formats,
    )?;
    for headline in &analysis.headlines {
        row += 1;
        let unit = headline.id.ratio().unit;
        sheet.write_string(row, 0, headline.name)?;
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
                    let reason = &"not computable in any period";
                    write_computed(sheet, row, offset, Err(reason), formats.for_unit(unit))?;
                }
            }
        }
        let trend = match headline.trend {
            Trend::Up => "up",
            Trend::Down => "down",
            Trend::Flat => "flat",
            Trend::Unknown => "unknown",
        };
        sheet.write_string(row, 5, trend)?;
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
    sheet.write_string_with_format(row, 0, "Conclusion", &formats.title)?;
    let trace = Format::new().set_italic().set_font_color("#595959");
    for paragraph in &analysis.conclusion.paragraphs {
        row += 2;
        sheet.write_string_with_format(row, 0, paragraph.topic.heading(), &formats.section)?;
        for sentence in &paragraph.sentences {
            row += 1;
            sheet.write_string(row, 0, fit_cell_text(&sentence.text))?;
            let figures: Vec<String> = sentence
                .figures
                .iter()
                .filter_map(|figure| figure_trace(figure, analysis, layout))
                .collect();
            if !figures.is_empty() {
                row += 1;
                let text = format!("    from {}", figures.join("; "));
                sheet.write_string_with_format(row, 0, fit_cell_text(&text), &trace)?;
            }
        }
    }
    Ok(())
}

/// A figure with the cell that holds it, e.g. `current ratio 2024 = 0.75 at
/// 'Ratios'!$D$5`.
fn figure_trace(figure: &Figure, analysis: &Analysis, layout: &Layout) -> Option<String> {
    match figure {
        Figure::Ratio { id, period, value } => {
            let cell = layout.ratio(*id, *period)?;
            Some(format!("{} {period} = {value} at {cell}", id.label()))
        }
        Figure::Amount {
            item,
            period,
            value,
        } => {
            let cell = layout.item(*item, *period)?;
            Some(format!("{} {period} = {value} at {cell}", item.label()))
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
            let cell =
                crate::analyse::prefixed_absolute(&format!("'{DISTRESS}'!"), row_number, column);
            Some(format!("{} {period} = {value} at {cell}", row.name))
        }
        Figure::Measure {
            name,
            period,
            value,
        } => Some(format!(
            "{name} {period} = {value} (on the {LIQUIDITY} and {STABILITY} sheets)"
        )),
        Figure::Findings { .. } => None,
    }
}
