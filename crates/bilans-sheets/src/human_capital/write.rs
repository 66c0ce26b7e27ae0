//! Writing workbooks: the analysed report (people, group chart, company metrics) and
//! a staff file in the input layout that [`crate::human_capital::load`] reads.

use std::fmt::Display;

use bilans_scoring::human_capital::{
    Group, MARKET_VALUE_CAVEAT, Outcome, PersonResult, Report, StaffFile,
};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use bilans_model::Lang;

use crate::cells::{cell_number, write_computed};
use crate::human_capital::read::{STAFF_COLUMNS, component_column};
use crate::lang::{message, text};

/// Builds the report workbook in `lang` (the staff file's ids, names and positions
/// as written).
pub(crate) fn report_workbook(report: &Report, lang: Lang) -> Result<Workbook, XlsxError> {
    let w = |key: &str| text(lang, &format!("hc_workbook.{key}"));
    let mut workbook = crate::new_workbook(w("title"));
    let people_sheet = w("people");
    let bold = Format::new().set_bold();
    let number = Format::new().set_num_format("#,##0.00");
    let ratio = Format::new().set_num_format("0.0000");

    let people = workbook.add_worksheet().set_name(people_sheet)?;
    let headers = [
        w("id"),
        w("name"),
        w("position"),
        "FTE",
        "FZ",
        "PP",
        "PR",
        "L",
        w("hc_3"),
        "IK",
        w("invested_funds"),
        w("hc_1"),
        w("baseline"),
        w("baseline_hc"),
        w("change_ratio"),
        w("change"),
        w("wage"),
        w("investment"),
        w("periods"),
        w("profit_index"),
        w("cost_index"),
        w("prospects"),
        w("goodwill"),
        w("worker_value"),
        w("not_computable"),
    ];
    for (column, title) in headers.iter().enumerate() {
        people.write_string_with_format(0, col(column), *title, &bold)?;
    }
    for (person_idx, person) in report.people.iter().enumerate() {
        write_person(people, row(person_idx + 1), person, &number, &ratio, lang)?;
    }
    people.set_freeze_panes(1, 2)?;
    people.set_column_width(1, 22)?;
    people.set_column_width(24, 60)?;

    let n_people = report.people.len();
    let chart_sheet = workbook.add_worksheet().set_name(w("groups"))?;
    chart_sheet.write_string_with_format(0, 0, w("groups_title"), &bold)?;
    if 0 < n_people {
        let mut chart = Chart::new(ChartType::ColumnStacked);
        let last = row(n_people);
        for (group_idx, group) in Group::ALL.iter().enumerate() {
            let column = col(4 + group_idx);
            let series_name = format!("{} ({})", group.symbol(), group.name());
            chart
                .add_series()
                .set_name(&series_name)
                .set_categories((people_sheet, 1, 0, last, 0))
                .set_values((people_sheet, 1, column, last, column));
        }
        chart.title().set_name(w("chart_title"));
        chart.y_axis().set_name(w("points"));
        chart_sheet.insert_chart(2, 0, &chart)?;
    }

    let company_sheet = workbook.add_worksheet().set_name(w("company_sheet"))?;
    write_company(company_sheet, report, &bold, &number, &ratio, lang)?;
    Ok(workbook)
}

fn write_person(
    sheet: &mut Worksheet,
    at: u32,
    person: &PersonResult,
    number: &Format,
    ratio: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let w = |key: &str| text(lang, &format!("hc_workbook.{key}"));
    let mut reasons = Vec::new();
    let excel_row = at + 1;
    sheet.write_string(at, 0, &person.id)?;
    sheet.write_string(at, 1, &person.name)?;
    sheet.write_string(at, 2, &person.position)?;
    sheet.write_number(at, 3, cell_number(person.fte))?;
    for (group_idx, group) in Group::ALL.iter().enumerate() {
        if let Some(score) = person.group_scores.get(group) {
            sheet.write_number_with_format(at, col(4 + group_idx), cell_number(*score), number)?;
        }
    }
    // Formula (3) and (5) are live formulas with the exact results cached.
    let sum = format!("=SUM(E{excel_row}:H{excel_row})");
    write_computed(sheet, at, 8, Ok((&sum, person.human_capital)), number)?;
    sheet.write_number_with_format(at, 9, cell_number(person.efficiency_coefficient), ratio)?;
    let recovered = format!("=I{excel_row}/J{excel_row}");
    let reason_text = |outcome: &Outcome| match outcome {
        Outcome::NotComputable { reason } => reason.text_in(lang),
        Outcome::Value(_) => String::new(),
    };
    let recovered_reason = reason_text(&person.invested_funds_recovered);
    let recovered = match &person.invested_funds_recovered {
        Outcome::Value(value) => Ok((recovered.as_str(), *value)),
        Outcome::NotComputable { .. } => Err(&recovered_reason as &dyn Display),
    };
    write_computed(sheet, at, 10, recovered, number)?;
    let mut outcome =
        |column: usize, label: &str, outcome: &Outcome, format: &Format| -> Result<(), XlsxError> {
            match outcome {
                Outcome::Value(value) => {
                    sheet.write_number_with_format(at, col(column), cell_number(*value), format)?;
                }
                Outcome::NotComputable { reason } => {
                    let reason = reason.text_in(lang);
                    write_computed(sheet, at, col(column), Err(&reason), format)?;
                    reasons.push(format!("{label}: {reason}"));
                }
            }
            Ok(())
        };
    outcome(
        11,
        w("hc_1_short"),
        &person.human_capital_from_investment,
        number,
    )?;
    outcome(
        13,
        w("baseline_hc"),
        &person.change.baseline_human_capital,
        number,
    )?;
    outcome(14, w("change_ratio"), &person.change.ratio, ratio)?;
    outcome(15, w("change"), &person.change.difference, number)?;
    outcome(19, w("profit_index"), &person.goodwill.profit_index, ratio)?;
    outcome(
        20,
        w("cost_index"),
        &person.goodwill.personnel_cost_index,
        ratio,
    )?;
    outcome(22, w("goodwill_short"), &person.goodwill.total, ratio)?;
    outcome(23, w("worker_value_short"), &person.worker_value, number)?;
    let baseline = person
        .change
        .baseline_kind
        .map_or(w("no_baseline"), |kind| kind.name());
    sheet.write_string(at, 12, baseline)?;
    sheet.write_number_with_format(at, 16, cell_number(person.wage), number)?;
    sheet.write_number_with_format(at, 17, cell_number(person.annual_investment), number)?;
    sheet.write_number(at, 18, cell_number(person.investment_periods))?;
    sheet.write_number_with_format(at, 21, cell_number(person.goodwill.prospects), ratio)?;
    reasons.dedup();
    sheet.write_string(at, 24, reasons.join("; "))?;
    Ok(())
}

fn write_company(
    sheet: &mut Worksheet,
    report: &Report,
    bold: &Format,
    number: &Format,
    ratio: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let w = |key: &str| text(lang, &format!("hc_workbook.{key}"));
    let hc = |key: &str| bilans_scoring::human_capital::label_in(lang, key);
    let company = &report.company;
    sheet.write_string_with_format(0, 0, w("metric"), bold)?;
    sheet.write_string_with_format(0, 1, w("value"), bold)?;
    sheet.write_string_with_format(0, 2, w("note"), bold)?;
    let fte_source = match company.fte_source.as_str() {
        "sum of staff fte" => hc("fte_from_staff"),
        other => other,
    };
    let caveat = if company.market_value_caveat == MARKET_VALUE_CAVEAT {
        hc("market_value_caveat")
    } else {
        company.market_value_caveat.as_str()
    };
    let rows: [(&str, Outcome, &Format, &str); 9] = [
        ("FTE", Outcome::Value(company.fte), number, fte_source),
        (
            hc("revenue_per_fte"),
            company.revenue_per_fte.clone(),
            number,
            "",
        ),
        (
            hc("profit_per_fte"),
            company.profit_per_fte.clone(),
            number,
            "",
        ),
        (
            hc("personnel_cost_per_fte"),
            company.personnel_cost_per_fte.clone(),
            number,
            "",
        ),
        (
            w("market_value_per_fte"),
            company.market_value_of_human_capital_per_fte.clone(),
            number,
            caveat,
        ),
        (hc("roi"), company.human_capital_roi.clone(), ratio, ""),
        (
            hc("value_added_per_fte"),
            company.human_capital_value_added_per_fte.clone(),
            number,
            "",
        ),
        (hc("profit_index"), company.profit_index.clone(), ratio, ""),
        (
            hc("total_human_capital"),
            Outcome::Value(company.total_human_capital),
            number,
            "",
        ),
    ];
    for (row_idx, (label, outcome, format, note)) in rows.iter().enumerate() {
        let at = row(row_idx + 1);
        sheet.write_string(at, 0, *label)?;
        match outcome {
            Outcome::Value(value) => {
                sheet.write_number_with_format(at, 1, cell_number(*value), format)?;
                sheet.write_string(at, 2, *note)?;
            }
            Outcome::NotComputable { reason } => {
                sheet.write_string(at, 1, hc("not_available"))?;
                sheet.write_string(
                    at,
                    2,
                    message(
                        lang,
                        "hc_workbook.not_computable_reason",
                        &[("reason", reason)],
                    ),
                )?;
            }
        }
    }
    let mut at = row(rows.len() + 2);
    sheet.write_string_with_format(at, 0, w("company"), bold)?;
    sheet.write_string(
        at,
        1,
        format!(
            "{} ({}, {})",
            company.name, company.period, company.currency
        ),
    )?;
    for warning in &report.warnings {
        at += 1;
        sheet.write_string(at, 0, w("warning"))?;
        sheet.write_string(at, 2, warning)?;
    }
    sheet.set_column_width(0, 44)?;
    sheet.set_column_width(1, 18)?;
    sheet.set_column_width(2, 90)?;
    Ok(())
}

/// Builds a workbook in the input layout holding `file`.
pub(crate) fn staff_workbook(file: &StaffFile) -> Result<Workbook, XlsxError> {
    let mut workbook = crate::new_workbook("bilans staff input");
    let bold = Format::new().set_bold();
    let company = &file.company;
    let sheet = workbook.add_worksheet().set_name("Company")?;
    let mut rows: Vec<(&str, Cell)> = vec![
        ("name", Cell::Text(company.name.clone())),
        ("currency", Cell::Text(company.currency.clone())),
        ("period", Cell::Text(company.period.clone())),
    ];
    for (key, value) in [
        ("revenue", company.revenue),
        ("profit", company.profit),
        ("operating_expense", company.operating_expense),
        ("pay_and_benefits", company.pay_and_benefits),
        ("market_value", company.market_value),
        ("book_value", company.book_value),
        ("fte", company.fte),
    ] {
        if let Some(value) = value {
            rows.push((key, Cell::Number(value)));
        }
    }
    write_key_values(sheet, &rows, &bold)?;

    let config = &file.config;
    let sheet = workbook.add_worksheet().set_name("Config")?;
    let mut rows: Vec<(String, Cell)> = vec![
        (
            "score_scale.min".into(),
            Cell::Number(config.score_scale.min),
        ),
        (
            "score_scale.max".into(),
            Cell::Number(config.score_scale.max),
        ),
    ];
    for (group, aggregation) in &config.aggregation {
        rows.push((
            format!("aggregation.{group}.method"),
            Cell::Text(aggregation.method.name().into()),
        ));
        for (component, weight) in &aggregation.weights {
            rows.push((
                format!("aggregation.{group}.weights.{component}"),
                Cell::Number(*weight),
            ));
        }
    }
    let worker_value = &config.worker_value;
    if let Some(median) = worker_value.industry_median_profit_per_fte {
        rows.push((
            "worker_value.industry_median_profit_per_fte".into(),
            Cell::Number(median),
        ));
    }
    rows.push((
        "worker_value.personnel_cost_basis".into(),
        Cell::Text(worker_value.personnel_cost_basis.name().into()),
    ));
    if let Some(median) = worker_value.industry_median_personnel_cost_per_fte {
        rows.push((
            "worker_value.industry_median_personnel_cost_per_fte".into(),
            Cell::Number(median),
        ));
    }
    rows.push((
        "worker_value.investment_periods".into(),
        Cell::Number(worker_value.investment_periods),
    ));
    for (level, points) in &config.prospects.education {
        rows.push((
            format!("prospects.education.{level}"),
            Cell::Number(*points),
        ));
    }
    for band in &config.prospects.tenure {
        rows.push((
            format!("prospects.tenure.{}", band.from),
            Cell::Number(band.points),
        ));
    }
    for band in &config.prospects.age {
        rows.push((
            format!("prospects.age.{}", band.from),
            Cell::Number(band.points),
        ));
    }
    write_key_values(sheet, &rows, &bold)?;

    let sheet = workbook.add_worksheet().set_name("Staff")?;
    for (column, (name, _)) in STAFF_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col(column), *name, &bold)?;
    }
    for (person_idx, person) in file.staff.iter().enumerate() {
        let at = row(person_idx + 1);
        let cells = [
            Cell::Text(person.id.clone()),
            Cell::Text(person.name.clone()),
            Cell::Text(person.position.clone()),
            Cell::Number(person.fte),
            Cell::Number(person.wage),
            Cell::Number(person.benefits),
            Cell::Number(person.efficiency_coefficient),
            person.invested_funds.map_or(Cell::Empty, Cell::Number),
            Cell::Number(person.annual_investment),
            person.investment_periods.map_or(Cell::Empty, Cell::Number),
            Cell::Text(person.education.clone()),
            Cell::Number(person.tenure_years),
            Cell::Number(person.age),
        ];
        for (column, cell) in cells.iter().enumerate() {
            cell.write(sheet, at, col(column))?;
        }
    }
    sheet.set_freeze_panes(1, 1)?;

    let sheet = workbook.add_worksheet().set_name("Scores")?;
    let mut titles = vec![
        "id".to_owned(),
        "kind".to_owned(),
        "baseline_kind".to_owned(),
        "date".to_owned(),
    ];
    for group in Group::ALL {
        titles.extend(
            group
                .components()
                .iter()
                .map(|component| component_column(group, component)),
        );
    }
    for (column, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, col(column), title, &bold)?;
    }
    let mut at = 1;
    for person in &file.staff {
        let mut entries = vec![(
            "assessment",
            "",
            &person.assessment.date,
            &person.assessment.scores,
        )];
        if let Some(baseline) = &person.baseline {
            entries.push((
                "baseline",
                baseline.kind.name(),
                &baseline.date,
                &baseline.scores,
            ));
        }
        for (kind, baseline_kind, date, scores) in entries {
            sheet.write_string(at, 0, &person.id)?;
            sheet.write_string(at, 1, kind)?;
            sheet.write_string(at, 2, baseline_kind)?;
            sheet.write_string(at, 3, date.as_str())?;
            let mut column = 4;
            for group in Group::ALL {
                for component in group.components() {
                    let score = scores
                        .get(group.name())
                        .and_then(|components| components.get(*component));
                    if let Some(score) = score {
                        sheet.write_number(at, column, cell_number(*score))?;
                    }
                    column += 1;
                }
            }
            at += 1;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(workbook)
}

enum Cell {
    Text(String),
    Number(Decimal),
    Empty,
}

impl Cell {
    fn write(&self, sheet: &mut Worksheet, at: u32, column: u16) -> Result<(), XlsxError> {
        match self {
            Cell::Text(text) if text.is_empty() => {}
            Cell::Text(text) => {
                sheet.write_string(at, column, text)?;
            }
            Cell::Number(value) => {
                sheet.write_number(at, column, cell_number(*value))?;
            }
            Cell::Empty => {}
        }
        Ok(())
    }
}

fn write_key_values<K: AsRef<str>>(
    sheet: &mut Worksheet,
    rows: &[(K, Cell)],
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, "field", bold)?;
    sheet.write_string_with_format(0, 1, "value", bold)?;
    for (row_idx, (key, cell)) in rows.iter().enumerate() {
        let at = row(row_idx + 1);
        sheet.write_string(at, 0, key.as_ref())?;
        cell.write(sheet, at, 1)?;
    }
    sheet.set_column_width(0, 48)?;
    Ok(())
}

fn row(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}
