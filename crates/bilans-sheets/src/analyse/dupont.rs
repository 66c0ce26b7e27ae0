//! The Du Pont sheet: the classic and the modified model side by side, then liquidity
//! both ways, each row a formula over the Ratios sheet (so every figure comes from the
//! ratio catalogue's single definition), and the two line charts of seed 004's
//! Figures 3 and 4.

use bilans_ratios::analysis::Analysis;
use bilans_ratios::{CellRefs, RatioId};
use std::fmt::Display;

use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use crate::analyse::{DUPONT, Formats, Layout, period_header, write_header};
use crate::cells::write_computed;

/// The sections of the sheet: a title and its rows (label, ratio id).
const SECTIONS: [(&str, &[(&str, RatioId)]); 3] = [
    (
        "Classic Du Pont: ROE = ROS × asset turnover × equity multiplier",
        &[
            ("Return on sales (Zn/S)", RatioId::RETURN_ON_SALES),
            ("Asset turnover (S/A)", RatioId::ASSET_TURNOVER),
            ("Equity multiplier (A/Kw)", RatioId::EQUITY_MULTIPLIER),
            (
                "Product of the three factors",
                RatioId::CLASSIC_DUPONT_RETURN_ON_EQUITY,
            ),
            ("ROE = Zn/Kw (traditional)", RatioId::RETURN_ON_EQUITY),
            (
                "Product ÷ ROE (1 = the identity holds)",
                RatioId::CLASSIC_DUPONT_CHECK,
            ),
            ("ROA = Zn/A (traditional)", RatioId::RETURN_ON_ASSETS),
        ],
    ),
    (
        "Modified Du Pont (Kowalczyk & Kusak): ROE = ROS × current ratio × equity multiplier",
        &[
            ("Current ratio (AO/ZB)", RatioId::CURRENT_RATIO),
            ("ROE, modified model", RatioId::MODIFIED_RETURN_ON_EQUITY),
            (
                "ROA, modified model (ROS × current ratio)",
                RatioId::MODIFIED_RETURN_ON_ASSETS,
            ),
            (
                "ROE modified ÷ ROE traditional",
                RatioId::MODIFIED_TO_CLASSIC_RETURN_ON_EQUITY,
            ),
            (
                "Residual factor (AO/S) × (A/ZB)",
                RatioId::MODIFIED_RESIDUAL_FACTOR,
            ),
        ],
    ),
    (
        "Liquidity: traditional (Table 2) and from the modified model (Table 7)",
        &[
            ("Current ratio, traditional", RatioId::CURRENT_RATIO),
            (
                "Current ratio, modified model",
                RatioId::MODIFIED_CURRENT_RATIO,
            ),
            ("Quick ratio, traditional", RatioId::QUICK_RATIO),
            ("Quick ratio, modified model", RatioId::MODIFIED_QUICK_RATIO),
            (
                "Immediate liquidity, traditional",
                RatioId::IMMEDIATE_LIQUIDITY_RATIO,
            ),
            (
                "Immediate liquidity, modified model",
                RatioId::MODIFIED_IMMEDIATE_LIQUIDITY_RATIO,
            ),
        ],
    ),
];

/// A chart series: the section index, the row index within it, and the legend.
type Series = (usize, usize, &'static str);

/// The charts: a title and its series.
const CHARTS: [(&str, &[Series]); 2] = [
    (
        "ROE and ROA: traditional vs modified Du Pont",
        &[
            (0, 4, "ROE traditional"),
            (0, 6, "ROA traditional"),
            (1, 1, "ROE modified"),
            (1, 2, "ROA modified"),
        ],
    ),
    (
        "Liquidity: traditional vs modified Du Pont",
        &[
            (2, 0, "Current, traditional"),
            (2, 1, "Current, modified"),
            (2, 2, "Quick, traditional"),
            (2, 3, "Quick, modified"),
            (2, 4, "Immediate, traditional"),
            (2, 5, "Immediate, modified"),
        ],
    ),
];

const FIRST_COLUMN: u16 = 1;

/// Writes the Du Pont sheet.
pub(crate) fn write_dupont(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(DUPONT)?;
    let mut row = 0;
    // The sheet row of each (section, row) for the charts.
    let mut rows_of_sections: Vec<Vec<u32>> = Vec::new();
    for (title, lines) in SECTIONS {
        write_header(
            sheet,
            row,
            &period_header(&[title], &layout.periods),
            formats,
        )?;
        let mut sheet_rows = Vec::new();
        for (label, id) in lines {
            row += 1;
            sheet_rows.push(row);
            write_ratio_line(sheet, row, label, *id, analysis, layout, formats)?;
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
                .set_name(*legend)
                .set_categories((DUPONT, 0, FIRST_COLUMN, 0, last_column))
                .set_values((DUPONT, sheet_row, FIRST_COLUMN, sheet_row, last_column));
        }
        chart.title().set_name(*title);
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
            (Err(reason), _) => Err(reason as &dyn Display),
            (Ok(_), None) => Err(&"no cell" as &dyn Display),
        };
        write_computed(sheet, row, column, value, formats.for_unit(unit))?;
    }
    Ok(())
}
