//! The analysed partner-selection workbook: scores with live formulas and a radar
//! chart, the selection, the agreement of the experts, the compliance matrix and the
//! monitoring, every number written as a number from the analysis (never re-parsed
//! from rendered text).

use std::fmt::Display;
use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet};

use bilans_scoring::partners::{Analysis, Compliance, Monitoring, SignificanceTest};

use bilans_model::Lang;

use crate::SheetsError;
use crate::cells::{a1, cell_number, write_computed};
use crate::lang::{message, text};
use crate::partners::column;

/// Builds the output workbook: `Scores` (votes per score and T_i as live formulas
/// with cached values, PT, harmony, and the radar chart of all partners),
/// `Selection`, `Agreement` (with individual scores), `Compliance`, `Monitoring`.
///
/// # Errors
///
/// [`SheetsError::Xlsx`] (with `path` as the destination) if the writer refuses.
pub fn analysis_workbook(analysis: &Analysis, path: &Path) -> Result<Workbook, SheetsError> {
    analysis_workbook_in(analysis, path, Lang::En)
}

/// [`analysis_workbook`] in `lang`: sheet names, headers, labels and the selection in
/// `lang`; the panel's criteria, partners and models as written.
///
/// # Errors
///
/// As [`analysis_workbook`].
pub fn analysis_workbook_in(
    analysis: &Analysis,
    path: &Path,
    lang: Lang,
) -> Result<Workbook, SheetsError> {
    let w = |key: &str| text(lang, &format!("partners_workbook.{key}"));
    let xlsx = |source| SheetsError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let mut workbook = crate::new_workbook(w("title"));
    let scores_sheet = w("scores");
    let no_vote = w("no_vote");
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("0.00");
    let scoring = &analysis.scoring;
    let scale: Vec<i64> = scoring.scale.scores().collect();
    // The Scores sheet takes a block of scale columns per partner, then a T column per
    // partner: refuse a layout wider than a sheet before any u16 column arithmetic.
    let scores_width = scale
        .len()
        .checked_add(1)
        .and_then(|block| block.checked_mul(scoring.partners.len()))
        .and_then(|width| width.checked_add(1));
    if scores_width.is_none_or(|width| MAX_COLUMNS < width) {
        return Err(xlsx(rust_xlsxwriter::XlsxError::RowColumnLimitError));
    }
    let n_scores = u16::try_from(scale.len()).unwrap_or(u16::MAX);
    let n_partners = u16::try_from(scoring.partners.len()).unwrap_or(u16::MAX);
    let n_criteria = u32::try_from(scoring.criteria.len()).unwrap_or(u32::MAX);
    {
        let sheet = workbook
            .add_worksheet()
            .set_name(scores_sheet)
            .map_err(xlsx)?;
        sheet
            .write_string_with_format(
                0,
                0,
                analysis.title.as_deref().unwrap_or(w("scores_title")),
                &bold,
            )
            .map_err(xlsx)?;
        // Row 2: scores per block; row 3: partner names; criteria from row 4.
        sheet
            .write_string_with_format(2, 0, w("criterion"), &bold)
            .map_err(xlsx)?;
        let t_column = 1 + n_scores * n_partners;
        for (partner_idx, partner) in scoring.partners.iter().enumerate() {
            let block = 1 + n_scores * u16::try_from(partner_idx).unwrap_or(0);
            sheet
                .write_string_with_format(1, block, partner.name.as_str(), &bold)
                .map_err(xlsx)?;
            for (score_idx, score) in scale.iter().enumerate() {
                let column = block + u16::try_from(score_idx).unwrap_or(0);
                sheet
                    .write_number_with_format(2, column, cell_number(Decimal::from(*score)), &bold)
                    .map_err(xlsx)?;
            }
            let column = t_column + u16::try_from(partner_idx).unwrap_or(0);
            sheet
                .write_string_with_format(2, column, format!("T {}", partner.name), &bold)
                .map_err(xlsx)?;
        }
        for (criterion_idx, (criterion, _)) in scoring.criteria.iter().enumerate() {
            let row = 3 + u32::try_from(criterion_idx).unwrap_or(0);
            sheet
                .write_string(row, 0, criterion.as_str())
                .map_err(xlsx)?;
            for (partner_idx, partner) in scoring.partners.iter().enumerate() {
                let block = 1 + n_scores * u16::try_from(partner_idx).unwrap_or(0);
                let score = &partner.criteria[criterion_idx];
                let counts = &score.counts;
                for (score_idx, count) in counts.iter().enumerate() {
                    let column = block + u16::try_from(score_idx).unwrap_or(0);
                    sheet
                        .write_number(row, column, cell_number(Decimal::from(*count)))
                        .map_err(xlsx)?;
                }
                let first = a1(row, u32::from(block));
                let last = a1(row, u32::from(block + n_scores - 1));
                let header_first =
                    a1(2, u32::from(block)).replace(|c: char| c.is_ascii_digit(), "") + "$3";
                let header_last = a1(2, u32::from(block + n_scores - 1))
                    .replace(|c: char| c.is_ascii_digit(), "")
                    + "$3";
                let formula = format!(
                    "=SUMPRODUCT({first}:{last},${}:${})/{}",
                    header_first, header_last, score.divisor
                );
                let column = t_column + u16::try_from(partner_idx).unwrap_or(0);
                let value = score
                    .score
                    .map(|value| (formula.as_str(), value))
                    .ok_or(&no_vote as &dyn Display);
                write_computed(sheet, row, column, value, &two).map_err(xlsx)?;
            }
        }
        let total_row = 3 + n_criteria;
        let rows: [(&str, Vec<Option<Decimal>>); 3] = [
            (w("pt"), scoring.partners.iter().map(|p| p.total).collect()),
            (
                w("weighted_total"),
                scoring.partners.iter().map(|p| p.weighted_total).collect(),
            ),
            (
                w("harmony"),
                scoring
                    .partners
                    .iter()
                    .map(|p| p.harmony.as_ref().map(|h| h.index))
                    .collect(),
            ),
        ];
        for (offset, (label, values)) in rows.iter().enumerate() {
            let row = total_row + u32::try_from(offset).unwrap_or(0);
            sheet
                .write_string_with_format(row, 0, *label, &bold)
                .map_err(xlsx)?;
            for (partner_idx, value) in values.iter().enumerate() {
                let column = t_column + u16::try_from(partner_idx).unwrap_or(0);
                if let Some(value) = value {
                    sheet
                        .write_number_with_format(row, column, cell_number(*value), &two)
                        .map_err(xlsx)?;
                } else {
                    let reason = if offset == 2 {
                        w("harmony_not_computable")
                    } else {
                        w("score_not_computable")
                    };
                    write_computed(sheet, row, column, Err(&reason), &two).map_err(xlsx)?;
                }
            }
        }
        sheet.set_column_width(0, 24).map_err(xlsx)?;
        let mut chart = Chart::new(ChartType::Radar);
        chart.title().set_name(w("chart_title"));
        for partner_idx in 0..n_partners {
            let column = t_column + partner_idx;
            chart
                .add_series()
                .set_categories((scores_sheet, 3, 0, 2 + n_criteria, 0))
                .set_values((scores_sheet, 3, column, 2 + n_criteria, column))
                .set_name((scores_sheet, 2, column));
        }
        sheet.insert_chart(total_row + 5, 0, &chart).map_err(xlsx)?;
    }
    write_text_sheet(
        &mut workbook,
        w("selection"),
        &bilans_scoring::partners::render::scoring_markdown_in(scoring, lang),
    )
    .map_err(xlsx)?;
    if scoring
        .partners
        .iter()
        .any(|partner| partner.agreement.is_some())
    {
        let sheet = workbook
            .add_worksheet()
            .set_name(w("agreement"))
            .map_err(xlsx)?;
        let header = [
            w("partner"),
            w("judges"),
            w("criteria"),
            "S",
            "Σ(t³−t)",
            "W",
            "χ²",
            w("df"),
            w("p_value"),
            w("test"),
        ];
        for (column, label) in header.iter().enumerate() {
            sheet
                .write_string_with_format(0, u16::try_from(column).unwrap_or(0), *label, &bold)
                .map_err(xlsx)?;
        }
        for (partner_idx, partner) in scoring.partners.iter().enumerate() {
            let row = 1 + u32::try_from(partner_idx).unwrap_or(0);
            sheet
                .write_string(row, 0, partner.name.as_str())
                .map_err(xlsx)?;
            match &partner.agreement {
                Some(Ok(c)) => {
                    let numbers = [
                        Decimal::from(c.judges),
                        Decimal::from(c.objects),
                        c.s,
                        c.ties,
                        c.w,
                        c.chi_square,
                        Decimal::from(c.degrees_of_freedom),
                        c.p_value,
                    ];
                    for (offset, number) in numbers.iter().enumerate() {
                        sheet
                            .write_number(
                                row,
                                1 + u16::try_from(offset).unwrap_or(0),
                                cell_number(*number),
                            )
                            .map_err(xlsx)?;
                    }
                    let test = match c.test {
                        SignificanceTest::ChiSquare => w("chi_square").to_owned(),
                        SignificanceTest::Permutation { permutations } => message(
                            lang,
                            "partners_workbook.permutation",
                            &[("permutations", &permutations)],
                        ),
                    };
                    sheet.write_string(row, 9, test).map_err(xlsx)?;
                }
                Some(Err(reason)) => {
                    sheet
                        .write_string(
                            row,
                            1,
                            message(
                                lang,
                                "partners_workbook.not_computable",
                                &[("reason", reason)],
                            ),
                        )
                        .map_err(xlsx)?;
                }
                None => {
                    sheet
                        .write_string(row, 1, w("vote_counts_only"))
                        .map_err(xlsx)?;
                }
            }
        }
        let row = 2 + u32::from(n_partners);
        let header = [
            w("partner"),
            w("criterion"),
            w("median"),
            w("lowest"),
            w("highest"),
            "σ",
        ];
        for (column, label) in header.iter().enumerate() {
            sheet
                .write_string_with_format(row, u16::try_from(column).unwrap_or(0), *label, &bold)
                .map_err(xlsx)?;
        }
        let mut row = row + 1;
        for partner in &scoring.partners {
            for score in &partner.criteria {
                sheet
                    .write_string(row, 0, partner.name.as_str())
                    .map_err(xlsx)?;
                sheet
                    .write_string(row, 1, score.criterion.as_str())
                    .map_err(xlsx)?;
                let values = [
                    score.median,
                    score.lowest.map(Decimal::from),
                    score.highest.map(Decimal::from),
                    score.std_dev,
                ];
                for (offset, value) in values.iter().enumerate() {
                    if let Some(value) = value {
                        sheet
                            .write_number(
                                row,
                                2 + u16::try_from(offset).unwrap_or(0),
                                cell_number(*value),
                            )
                            .map_err(xlsx)?;
                    }
                }
                row += 1;
            }
        }
    }
    if let Some(compliance) = &analysis.compliance {
        write_compliance(&mut workbook, compliance, lang).map_err(xlsx)?;
    }
    if let Some(monitoring) = &analysis.monitoring {
        write_monitoring(&mut workbook, monitoring, lang).map_err(xlsx)?;
    }
    Ok(workbook)
}

/// The `Compliance` sheet from the evaluated matrix: marks as text, weights and totals
/// as numbers at full precision (a number format shows 2 decimals), then the optima.
fn write_compliance(
    workbook: &mut Workbook,
    compliance: &Compliance,
    lang: Lang,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let w = |key: &str| text(lang, &format!("partners_workbook.{key}"));
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("0.00");
    let sheet = workbook.add_worksheet().set_name(w("compliance"))?;
    let weight_column = column(1 + compliance.models.len());
    sheet.write_string_with_format(0, 0, w("indicator"), &bold)?;
    for (model_idx, model) in compliance.models.iter().enumerate() {
        sheet.write_string_with_format(0, column(1 + model_idx), model, &bold)?;
    }
    sheet.write_string_with_format(0, weight_column, w("weight"), &bold)?;
    let mut row = 1;
    for ((indicator, weight), marks) in compliance.indicators.iter().zip(&compliance.marks) {
        sheet.write_string(row, 0, indicator)?;
        for (model_idx, mark) in marks.iter().enumerate() {
            sheet.write_string(row, column(1 + model_idx), mark.to_string())?;
        }
        sheet.write_number_with_format(row, weight_column, cell_number(*weight), &two)?;
        row += 1;
    }
    let rows = [
        (
            w("total"),
            compliance
                .totals
                .iter()
                .map(|total| total.total)
                .collect::<Vec<Decimal>>(),
        ),
        (
            w("weighted_total"),
            compliance
                .totals
                .iter()
                .map(|total| total.weighted_total)
                .collect(),
        ),
    ];
    for (label, values) in rows {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        for (model_idx, value) in values.into_iter().enumerate() {
            sheet.write_number_with_format(row, column(1 + model_idx), cell_number(value), &two)?;
        }
        row += 1;
    }
    sheet.write_string_with_format(row, 0, w("excluded"), &bold)?;
    for (model_idx, total) in compliance.totals.iter().enumerate() {
        if total.excluded {
            sheet.write_string(row, column(1 + model_idx), "x")?;
        }
    }
    row += 2;
    sheet.write_string(row, 0, w("optimum"))?;
    sheet.write_string(row, 1, compliance.optimum.join(", "))?;
    sheet.write_string(row + 1, 0, w("constrained_optimum"))?;
    sheet.write_string(row + 1, 1, compliance.constrained_optimum.join(", "))?;
    sheet.set_column_width(0, 28)?;
    Ok(())
}

/// The `Monitoring` sheet from the verdicts: one row per period and shortfall, gaps as
/// numbers at full precision (the relative gap with a percent format).
fn write_monitoring(
    workbook: &mut Workbook,
    monitoring: &Monitoring,
    lang: Lang,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let w = |key: &str| text(lang, &format!("partners_workbook.{key}"));
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.00%");
    let sheet = workbook.add_worksheet().set_name(w("monitoring"))?;
    sheet.write_string_with_format(0, 0, w("model"), &bold)?;
    sheet.write_string(0, 1, &monitoring.model)?;
    let header = [
        w("period"),
        w("verdict"),
        w("indicator"),
        w("target"),
        w("actual"),
        w("short_by"),
        w("share_of_target"),
        w("next_steps"),
    ];
    for (column_idx, title) in header.iter().enumerate() {
        sheet.write_string_with_format(2, column(column_idx), *title, &bold)?;
    }
    let mut row = 3;
    for verdict in &monitoring.verdicts {
        let (status, next_steps) = if verdict.functional {
            (w("functional"), w("next_functional"))
        } else {
            (w("not_functional"), w("next_not_functional"))
        };
        if verdict.shortfalls.is_empty() {
            sheet.write_string(row, 0, &verdict.period)?;
            sheet.write_string(row, 1, status)?;
            sheet.write_string(row, 7, next_steps)?;
            row += 1;
        }
        for shortfall in &verdict.shortfalls {
            sheet.write_string(row, 0, &verdict.period)?;
            sheet.write_string(row, 1, status)?;
            sheet.write_string(row, 2, &shortfall.indicator)?;
            sheet.write_string(row, 3, &shortfall.target)?;
            sheet.write_string(row, 4, &shortfall.actual)?;
            sheet.write_number(row, 5, cell_number(shortfall.gap))?;
            if let Some(share) = shortfall.relative_gap {
                sheet.write_number_with_format(row, 6, cell_number(share), &percent)?;
            }
            sheet.write_string(row, 7, next_steps)?;
            row += 1;
        }
    }
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(2, 28)?;
    Ok(())
}

/// The columns of a worksheet (A..XFD).
const MAX_COLUMNS: usize = 16_384;

/// Writes the rendered selection report into a sheet: table rows split on `|` into
/// cells, other lines in column A. Every cell is text: the figures here are rounded for
/// reading, and the values of record (full precision) are on the Scores sheet.
fn write_text_sheet(
    workbook: &mut Workbook,
    name: &str,
    text: &str,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let sheet: &mut Worksheet = workbook.add_worksheet().set_name(name)?;
    let mut row = 0;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("| ---") || trimmed.starts_with("|---") {
            continue;
        }
        if trimmed.starts_with('|') {
            let cells: Vec<&str> = trimmed
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            for (column, cell) in cells.iter().enumerate() {
                let column = u16::try_from(column).unwrap_or(0);
                sheet.write_string(row, column, *cell)?;
            }
        } else {
            sheet.write_string(row, 0, line)?;
        }
        row += 1;
    }
    sheet.set_column_width(0, 28)?;
    Ok(())
}
