//! The scored KPI report as a workbook: sheet `Cards` (one block per owner with
//! actuals, scores in traffic-light colours and the weighted total as a live
//! `SUMPRODUCT` formula), `Balance`, `Findings` and `Method`.

use std::path::Path;

use bilans_model::Lang;
use bilans_scoring::kpi::{Report, Score, Settings, Total};
use rust_xlsxwriter::{ConditionalFormatFormula, Format, Workbook, Worksheet, XlsxError};

use crate::cells::{a1, cell_number, write_computed};
use crate::kpi::workbook::{column_number, row_number, write_header};
use crate::lang::{message, text};
use crate::{Overwrite, SheetsError, save_workbook};

/// Writes the report workbook to `path` atomically.
///
/// Scores and totals are written unrounded, displayed with 4 decimals; each total is a
/// `SUMPRODUCT` of the used weights and the scores, with its value cached.
///
/// # Errors
///
/// [`SheetsError::Xlsx`] when the workbook cannot be built, and the errors of
/// [`save_workbook`].
pub fn write_report(
    report: &Report,
    settings: &Settings,
    path: &Path,
    overwrite: Overwrite,
) -> Result<(), SheetsError> {
    write_report_in(report, settings, path, overwrite, Lang::En)
}

/// [`write_report`] in `lang`: sheet names, headers, notes and the method in `lang`;
/// the card's own names (KPIs, owners, levels, scales, directions, types) as written.
///
/// # Errors
///
/// As [`write_report`].
pub fn write_report_in(
    report: &Report,
    settings: &Settings,
    path: &Path,
    overwrite: Overwrite,
    lang: Lang,
) -> Result<(), SheetsError> {
    let mut workbook = crate::new_workbook(text(lang, "kpi_workbook.title"));
    build(&mut workbook, report, settings, lang).map_err(|source| SheetsError::Xlsx {
        path: path.to_owned(),
        source,
    })?;
    save_workbook(&mut workbook, path, overwrite)
}

const FIRST_PERIOD_COLUMN: usize = 7;
const WEIGHT_USED_COLUMN: usize = 6;

fn build(
    workbook: &mut Workbook,
    report: &Report,
    settings: &Settings,
    lang: Lang,
) -> Result<(), XlsxError> {
    let w = |key: &str| text(lang, &format!("kpi_workbook.{key}"));
    let bold = Format::new().set_bold();
    let score_format = Format::new().set_num_format("0.0000");
    let total_format = Format::new().set_bold().set_num_format("0.0000");
    let share_format = Format::new().set_num_format("0.0%");

    let sheet = workbook.add_worksheet().set_name(w("cards"))?;
    sheet.write_string_with_format(0, 0, w("cards_title"), &bold)?;
    let mut row: u32 = 2;
    for card in &report.cards {
        sheet.write_string_with_format(
            row,
            0,
            format!("{} ({})", card.owner, card.level),
            &bold,
        )?;
        row += 1;
        let headers = [
            w("kpi"),
            w("scale"),
            w("direction"),
            w("plan"),
            w("unit"),
            w("weight"),
            w("weight_used"),
        ];
        write_header(sheet, row, &headers, &bold)?;
        for (period_idx, period) in report.periods.iter().enumerate() {
            let column = FIRST_PERIOD_COLUMN + 2 * period_idx;
            sheet.write_string_with_format(
                row,
                column_number(column),
                message(lang, "kpi_workbook.actual", &[("period", period)]),
                &bold,
            )?;
            sheet.write_string_with_format(
                row,
                column_number(column + 1),
                message(lang, "kpi_workbook.score", &[("period", period)]),
                &bold,
            )?;
        }
        row += 1;
        let first_kpi_row = row;
        let mut notes = Vec::new();
        for kpi in &card.rows {
            sheet.write_string(row, 0, &kpi.kpi)?;
            sheet.write_string(row, 1, kpi.scale.name())?;
            sheet.write_string(row, 2, kpi.direction.name())?;
            sheet.write_string(row, 3, &kpi.plan)?;
            sheet.write_string(row, 4, &kpi.unit)?;
            sheet.write_number(row, 5, cell_number(kpi.weight))?;
            match kpi.weight_used {
                Some(weight) => {
                    sheet.write_number_with_format(row, 6, cell_number(weight), &score_format)?;
                }
                None => {
                    write_computed(sheet, row, 6, Err(&w("weights_zero")), &score_format)?;
                }
            };
            for (period_idx, cell) in kpi.cells.iter().enumerate() {
                let column = FIRST_PERIOD_COLUMN + 2 * period_idx;
                if let Some(actual) = cell.actual {
                    sheet.write_number(row, column_number(column), cell_number(actual))?;
                }
                match &cell.score {
                    Score::Computed { value, note, .. } => {
                        sheet.write_number_with_format(
                            row,
                            column_number(column + 1),
                            cell_number(*value),
                            &score_format,
                        )?;
                        let line = note
                            .as_ref()
                            .map(|note| format!("{}: {}", kpi.kpi, note.text_in(lang)));
                        if let Some(line) = line.filter(|line| !notes.contains(line)) {
                            notes.push(line);
                        }
                    }
                    Score::NotComputable { reason } => {
                        let reason = &reason.text_in(lang);
                        let column = column_number(column + 1);
                        write_computed(sheet, row, column, Err(reason), &score_format)?;
                        notes.push(message(
                            lang,
                            "kpi_workbook.not_computable",
                            &[
                                ("kpi", &kpi.kpi),
                                ("period", &cell.period),
                                ("reason", reason),
                            ],
                        ));
                    }
                }
            }
            row += 1;
        }
        let last_kpi_row = row.saturating_sub(1);
        sheet.write_string_with_format(row, 0, w("total"), &bold)?;
        for (period_idx, total) in card.totals.iter().enumerate() {
            let column = FIRST_PERIOD_COLUMN + 2 * period_idx + 1;
            match &total.total {
                Total::Computed { value } => {
                    let weights = range_name(first_kpi_row, last_kpi_row, WEIGHT_USED_COLUMN);
                    let scores = range_name(first_kpi_row, last_kpi_row, column);
                    let formula = format!("=SUMPRODUCT({weights},{scores})");
                    let value = Ok((formula.as_str(), *value));
                    write_computed(sheet, row, column_number(column), value, &total_format)?;
                }
                Total::NotComputable { reason } => {
                    let reason = &reason.text_in(lang);
                    write_computed(
                        sheet,
                        row,
                        column_number(column),
                        Err(reason),
                        &total_format,
                    )?;
                    notes.push(message(
                        lang,
                        "kpi_workbook.total_note",
                        &[("period", &total.period), ("reason", reason)],
                    ));
                }
            }
        }
        for period_idx in 0..report.periods.len() {
            let column = column_number(FIRST_PERIOD_COLUMN + 2 * period_idx + 1);
            add_traffic_lights(sheet, first_kpi_row, row, column, settings)?;
        }
        row += 1;
        for note in notes {
            sheet.write_string(row, 0, note)?;
            row += 1;
        }
        row += 1;
    }
    sheet.set_column_width(0, 32)?;
    sheet.set_column_width(3, 20)?;
    sheet.set_column_width(4, 18)?;

    let sheet = workbook.add_worksheet().set_name(w("balance"))?;
    sheet.write_string_with_format(0, 0, w("balance_title"), &bold)?;
    let mut row: u32 = 2;
    for level in &report.balance {
        let title = message(
            lang,
            "kpi_workbook.level",
            &[
                ("level", &level.level),
                ("owners", &level.n_owners),
                ("kpis", &level.n_kpis),
            ],
        );
        sheet.write_string_with_format(row, 0, title, &bold)?;
        row += 1;
        let headers = [
            w("pair"),
            w("left"),
            w("right"),
            w("left_count"),
            w("right_count"),
            w("left_share"),
            w("right_share"),
        ];
        write_header(sheet, row, &headers, &bold)?;
        row += 1;
        for pair in &level.pairs {
            sheet.write_string(row, 0, pair.pair.label())?;
            sheet.write_string(row, 1, &pair.left)?;
            sheet.write_string(row, 2, &pair.right)?;
            sheet.write_number(row, 3, count(pair.left_count))?;
            sheet.write_number(row, 4, count(pair.right_count))?;
            for (column, share) in [(5, pair.left_weight_share), (6, pair.right_weight_share)] {
                match share {
                    Some(share) => {
                        sheet.write_number_with_format(
                            row,
                            column,
                            cell_number(share),
                            &share_format,
                        )?;
                    }
                    None => write_computed(sheet, row, column, Err(&w("no_owner")), &share_format)?,
                };
            }
            row += 1;
        }
        sheet.write_string(row, 0, w("individual_share"))?;
        if let Some(share) = level.individual_share {
            sheet.write_number_with_format(row, 1, cell_number(share), &share_format)?;
        }
        sheet.write_string(row, 2, w("target"))?;
        match level.individual_share_target {
            Some(target) => {
                sheet.write_number_with_format(row, 3, cell_number(target), &share_format)?
            }
            None => sheet.write_string(row, 3, w("none_set"))?,
        };
        row += 2;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(2, 18)?;

    let sheet = workbook.add_worksheet().set_name(w("findings"))?;
    write_header(sheet, 0, &[w("kind"), w("subject"), w("message")], &bold)?;
    for (finding_idx, finding) in report.findings.iter().enumerate() {
        let row = row_number(finding_idx + 1);
        sheet.write_string(row, 0, finding.kind.name())?;
        sheet.write_string(row, 1, finding.subject_in(lang))?;
        sheet.write_string(row, 2, finding.text_in(lang))?;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 30)?;

    let sheet = workbook.add_worksheet().set_name(w("method"))?;
    let lines = [
        w("method_scores"),
        w("method_positive"),
        w("method_negative"),
        w("method_zero_at"),
        w("method_ordinal"),
        w("method_interval"),
        w("method_total"),
    ];
    for (line_idx, line) in lines.iter().enumerate() {
        sheet.write_string(row_number(line_idx), 0, *line)?;
    }
    let thresholds = message(
        lang,
        "kpi_workbook.lights",
        &[
            ("green", &settings.green_from),
            ("amber", &settings.amber_from),
        ],
    );
    sheet.write_string(row_number(lines.len()), 0, thresholds)?;
    Ok(())
}

/// Green, amber and red fills on numeric cells of one column, by formula rules (text
/// such as `n/c` stays uncoloured).
fn add_traffic_lights(
    sheet: &mut Worksheet,
    first_row: u32,
    last_row: u32,
    column: u16,
    settings: &Settings,
) -> Result<(), XlsxError> {
    let top_left = a1(first_row, u32::from(column));
    let green = Format::new()
        .set_background_color("C6EFCE")
        .set_font_color("006100");
    let amber = Format::new()
        .set_background_color("FFEB9C")
        .set_font_color("9C5700");
    let red = Format::new()
        .set_background_color("FFC7CE")
        .set_font_color("9C0006");
    let rules = [
        (
            format!(
                "=AND(ISNUMBER({top_left}),{top_left}>={})",
                settings.green_from
            ),
            green,
        ),
        (
            format!(
                "=AND(ISNUMBER({top_left}),{top_left}>={},{top_left}<{})",
                settings.amber_from, settings.green_from
            ),
            amber,
        ),
        (
            format!(
                "=AND(ISNUMBER({top_left}),{top_left}<{})",
                settings.amber_from
            ),
            red,
        ),
    ];
    for (rule, format) in rules {
        let conditional = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(format);
        sheet.add_conditional_format(first_row, column, last_row, column, &conditional)?;
    }
    Ok(())
}

fn range_name(first_row: u32, last_row: u32, column: usize) -> String {
    let column = u32::from(column_number(column));
    format!("{}:{}", a1(first_row, column), a1(last_row, column))
}

fn count(value: usize) -> f64 {
    u32::try_from(value).map(f64::from).unwrap_or(f64::MAX)
}
