//! The Du Pont sheet: the classic and the modified model side by side, then liquidity
//! both ways, each row a formula over the Ratios sheet (so every figure comes from the
//! ratio catalogue's single definition), and the two line charts of seed 004's
//! Figures 3 and 4.

use bilans_model::Lang;
use bilans_ratios::analysis::Analysis;
use bilans_ratios::{CellRefs, RatioId};

use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use crate::analyse::{Formats, Layout, period_header, write_header};
use crate::cells::write_computed_in;
use crate::lang::{Sheet, sheet_name_in, text};

/// The sections of the sheet: a title and its rows (label, ratio id), as message keys
/// under `du_pont.`.
const SECTIONS: [(&str, &[(&str, RatioId)]); 3] = [
    (
        "classic",
        &[
            ("return_on_sales", RatioId::RETURN_ON_SALES),
            ("asset_turnover", RatioId::ASSET_TURNOVER),
            ("equity_multiplier", RatioId::EQUITY_MULTIPLIER),
            ("product", RatioId::CLASSIC_DUPONT_RETURN_ON_EQUITY),
            ("return_on_equity", RatioId::RETURN_ON_EQUITY),
            ("check", RatioId::CLASSIC_DUPONT_CHECK),
            ("return_on_assets", RatioId::RETURN_ON_ASSETS),
        ],
    ),
    (
        "modified",
        &[
            ("current_ratio", RatioId::CURRENT_RATIO),
            (
                "modified_return_on_equity",
                RatioId::MODIFIED_RETURN_ON_EQUITY,
            ),
            (
                "modified_return_on_assets",
                RatioId::MODIFIED_RETURN_ON_ASSETS,
            ),
            (
                "modified_to_classic",
                RatioId::MODIFIED_TO_CLASSIC_RETURN_ON_EQUITY,
            ),
            ("residual_factor", RatioId::MODIFIED_RESIDUAL_FACTOR),
        ],
    ),
    (
        "liquidity",
        &[
            ("current_traditional", RatioId::CURRENT_RATIO),
            ("current_modified", RatioId::MODIFIED_CURRENT_RATIO),
            ("quick_traditional", RatioId::QUICK_RATIO),
            ("quick_modified", RatioId::MODIFIED_QUICK_RATIO),
            ("immediate_traditional", RatioId::IMMEDIATE_LIQUIDITY_RATIO),
            (
                "immediate_modified",
                RatioId::MODIFIED_IMMEDIATE_LIQUIDITY_RATIO,
            ),
        ],
    ),
];

/// A chart series: the section index, the row index within it, and the legend's key.
type Series = (usize, usize, &'static str);

/// The charts: a title's key and the series.
const CHARTS: [(&str, &[Series]); 2] = [
    (
        "chart_returns",
        &[
            (0, 4, "legend_roe_traditional"),
            (0, 6, "legend_roa_traditional"),
            (1, 1, "legend_roe_modified"),
            (1, 2, "legend_roa_modified"),
        ],
    ),
    (
        "chart_liquidity",
        &[
            (2, 0, "legend_current_traditional"),
            (2, 1, "legend_current_modified"),
            (2, 2, "legend_quick_traditional"),
            (2, 3, "legend_quick_modified"),
            (2, 4, "legend_immediate_traditional"),
            (2, 5, "legend_immediate_modified"),
        ],
    ),
];

/// The message `du_pont.<key>` in `lang`.
fn words(lang: Lang, key: &str) -> &'static str {
    text(lang, &format!("du_pont.{key}"))
}

const FIRST_COLUMN: u16 = 1;

/// Writes the Du Pont sheet.
pub(crate) fn write_dupont(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    let sheet_name = sheet_name_in(Sheet::DuPont, lang);
    sheet.set_name(sheet_name)?;
    let mut row = 0;
    // The sheet row of each (section, row) for the charts.
    let mut rows_of_sections: Vec<Vec<u32>> = Vec::new();
    for (title, lines) in SECTIONS {
        write_header(
            sheet,
            row,
            &period_header(&[words(lang, title)], &layout.periods),
            formats,
        )?;
        let mut sheet_rows = Vec::new();
        for (label, id) in lines {
            row += 1;
            sheet_rows.push(row);
            write_ratio_line(
                sheet,
                row,
                words(lang, label),
                *id,
                analysis,
                layout,
                formats,
            )?;
        }
        rows_of_sections.push(sheet_rows);
        row += 2;
    }
    let n_periods = layout.periods.len() as u16;
    sheet.set_column_width(0, 48)?;
    for index in 0..n_periods {
        sheet.set_column_width(FIRST_COLUMN + index, 14)?;
    }
    sheet.set_freeze_panes(0, FIRST_COLUMN)?;
    let last_column = FIRST_COLUMN + n_periods.saturating_sub(1);
    for (chart_idx, (title, series)) in CHARTS.iter().enumerate() {
        let mut chart = Chart::new(ChartType::Line);
        for (section, line, legend) in *series {
            let sheet_row = rows_of_sections[*section][*line];
            chart
                .add_series()
                .set_name(words(lang, legend))
                .set_categories((sheet_name, 0, FIRST_COLUMN, 0, last_column))
                .set_values((sheet_name, sheet_row, FIRST_COLUMN, sheet_row, last_column));
        }
        chart.title().set_name(words(lang, title));
        sheet.insert_chart(row + 16 * chart_idx as u32, 0, &chart)?;
    }
    Ok(())
}

/// One line: per period a formula pointing at the ratio's cell on the Ratios sheet,
/// with the cached value, or the reason it is not computable.
fn write_ratio_line(
    sheet: &mut Worksheet,
    row: u32,
    label: &str,
    id: RatioId,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.write_string(row, 0, label)?;
    let unit = id.ratio().unit;
    let Some(values) = analysis.ratios.row(id) else {
        return Ok(());
    };
    for (period_idx, (period, value)) in values.values.iter().enumerate() {
        let column = FIRST_COLUMN + period_idx as u16;
        let reference = layout.ratio(id, *period);
        let value = match (value, &reference) {
            (Ok(value), Some(reference)) => Ok((reference.as_str(), *value)),
            (Err(reason), _) => Err(reason.text(lang)),
            (Ok(_), None) => Err(text(lang, "workbook.no_cell").to_owned()),
        };
        write_computed_in(sheet, row, column, value, formats.for_unit(unit), lang)?;
    }
    Ok(())
}
