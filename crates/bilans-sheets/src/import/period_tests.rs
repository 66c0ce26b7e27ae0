//! Unit tests of period headers as real statements write them: text dates in four
//! languages, EDGAR's two-row headers, quarters, fiscal years, ranges, headers relative
//! to the reporting date, TTM columns, and the error for a header nothing can read.

use bilans_model::Period;
use rust_decimal::Decimal;

use crate::import::grid::{Grid, Value};
use crate::import::periods::{header_cell, period, resolve};
use crate::import::{ImportOptions, import_grids};

fn text(text: &str) -> Value {
    Value::Text(text.to_owned())
}

fn number(value: i64) -> Value {
    Value::Number(Decimal::from(value))
}

/// The period one header cell names on its own, as text (`-` for none).
fn check_cell(header: &str, expect: &str) {
    let found = period(&text(header)).map_or("-".to_owned(), |period| period.to_string());
    assert_eq!(found, expect, "{header}");
}

/// The periods a header row of text cells names, under the title `title`.
fn check_row(title: &str, cells: &[&str], expect: &[&str]) {
    let found: Vec<_> = cells
        .iter()
        .enumerate()
        .filter_map(|(col, cell)| Some((col, header_cell(&text(cell))?)))
        .collect();
    let context = crate::import::periods::sheet_context([title].into_iter());
    let periods: Vec<String> = resolve(&found, &context)
        .unwrap()
        .into_iter()
        .map(|(_, period)| period.to_string())
        .collect();
    assert_eq!(periods, expect, "{cells:?}");
}

/// Every amount of a one-sheet import, with its period and cell, or the error.
fn outcome(rows: Vec<Vec<Value>>) -> String {
    let sheets = vec![("S".to_owned(), Grid::new(rows, (0, 0)))];
    match import_grids("test.xlsx", "test", &sheets, &ImportOptions::default()) {
        Ok(report) => {
            let mut lines = Vec::new();
            for statements in &report.entities {
                for (period, items) in &statements.periods {
                    for (item, amount) in items {
                        let cell = amount.source.as_ref().map_or("", |at| at.cell.as_str());
                        lines.push(format!("{item} {period} = {} at {cell}", amount.value));
                    }
                }
            }
            for unrecognised in &report.unrecognised {
                lines.push(format!(
                    "skipped {} `{}`: {}",
                    unrecognised.source.cell, unrecognised.text, unrecognised.reason
                ));
            }
            lines.join("\n")
        }
        Err(error) => error.to_string(),
    }
}

#[test]
fn text_dates_in_each_language() {
    // A date on its own is the fiscal year ending then if it is a month's last day.
    for header in [
        "Dec. 31, 2022",
        "December 31, 2022",
        "31 December 2022",
        "31.12.2022",
        "2022-12-31",
        "31 grudnia 2022",
        "31 декабря 2022 г.",
        "31 грудня 2022 р.",
        "На 31 декабря 2022 г.",
        "На 31 декабря 2022 г.3",
        "Stan na 31.12.2022",
        "31.12.2022*",
        "March\u{a0}31, 2022",
    ] {
        let expect = if header.starts_with("March") {
            "FY2022 (to 31 March 2022)"
        } else {
            "2022"
        };
        check_cell(header, expect);
    }
    check_cell("Jul. 01, 2023", "2023-07-01");
    check_cell("На 30.06.24", "FY2024 (to 30 June 2024)");
    // A row of balance dates follows the rules for a row of dates.
    check_row(
        "",
        &["Jun. 30, 2018", "Dec. 31, 2017"],
        &["2018-06-30", "2017-12-31"],
    );
    check_row(
        "",
        &["Mar. 31, 2024", "Dec. 31, 2023"],
        &["2024Q1", "2023Q4"],
    );
    for not_date in [
        "31 Decembre 2022",
        "Dec. 32, 2022",
        "31 2022 грудня x",
        "December 2022 31 x",
    ] {
        check_cell(not_date, "-");
    }
}

#[test]
fn durations_and_ranges() {
    check_cell("12 Months Ended Dec. 31, 2023", "2023");
    check_cell("3 Months Ended Mar. 31, 2024", "2024Q1");
    check_cell("Six months ended June 30, 2024", "H1 2024");
    check_cell("9 Months Ended Sep. 30, 2024", "9M 2024");
    check_cell("Year ended 31 March 2024", "FY2024 (to 31 March 2024)");
    check_cell(
        "12 Months Ended Sep. 28, 2024",
        "2023-09-29..2024-09-28 (in FY2024 to 30 September 2024)",
    );
    check_cell("12 Months Ended", "-");
    check_cell("01.01.2024 - 31.12.2024", "2024");
    check_cell("01.01.2024–31.12.2024", "2024");
    check_cell("za okres od 01.01.2024 do 31.12.2024", "2024");
    check_cell("01.04.2023 - 31.03.2024", "FY2024 (to 31 March 2024)");
    check_cell("01.01.2024 - 30.06.2024", "H1 2024");
    check_cell("01.01.2024 - 15.02.2024", "2024-01-01..2024-02-15");
    check_cell("за январь - декабрь 2024 г.", "2024");
    check_cell("За январь - декабрь 2024 г.5", "2024");
    check_cell("за січень - березень 2024 р.", "2024Q1");
    check_cell("31.12.2024 - 01.01.2024", "-");
}

#[test]
fn quarters_and_fiscal_years() {
    for header in [
        "Q1 '17",
        "1Q2017",
        "Q1 2017",
        "2017Q1",
        "1Q17",
        "Q1 2017 r.",
    ] {
        check_cell(header, "2017Q1");
    }
    for header in ["FY2024", "FY 2024", "За 2024 г.", "2024 г.5", "za 2024 rok"] {
        check_cell(header, "2024");
    }
    check_cell("FY2024 (to 31 March 2024)", "FY2024 (to 31 March 2024)");
    for not_header in ["Q5 2017", "5Q17", "2023/25", "Equity", "Quarter"] {
        check_cell(not_header, "-");
    }
    // `2023/24` is a fiscal year ending in 2024, in the month the sheet names.
    check_row(
        "Income statement, year ended 31 March 2024",
        &["2023/24", "2022/23"],
        &["FY2024 (to 31 March 2024)", "FY2023 (to 31 March 2023)"],
    );
    check_row(
        "",
        &["2023/2024", "FY2023 (to 31 March 2023)"],
        &["FY2024 (to 31 March 2024)", "FY2023 (to 31 March 2023)"],
    );
}

#[test]
fn headers_relative_to_the_title_date() {
    check_row(
        "Баланс на 31 грудня 2024 р.",
        &["На кінець звітного періоду", "На початок звітного року"],
        &["2024", "2023"],
    );
    check_row(
        "Звіт про фінансові результати за 2024 рік",
        &[
            "За звітний період",
            "За аналогічний період попереднього року",
        ],
        &["2024", "2023"],
    );
    check_row(
        "Бухгалтерский баланс на 30 июня 2024 г.",
        &["На отчетную дату", "На 31 декабря предыдущего года"],
        &["2024-06-30", "2023-12-31"],
    );
    check_row(
        "Отчет о финансовых результатах за январь - июнь 2024 г.",
        &[
            "За отчетный период",
            "За аналогичный период предыдущего года",
        ],
        &["H1 2024", "H1 2023"],
    );
    check_row(
        "Bilans na dzień 31.12.2024",
        &["Rok bieżący", "Rok poprzedni"],
        &["2024", "2023"],
    );
    check_row(
        "Rachunek zysków i strat za 2024 rok",
        &["Okres bieżący", "Okres poprzedni"],
        &["2024", "2023"],
    );
    // Other cells of the Russian register exports read on their own.
    check_row(
        "",
        &["На 31 декабря 2024 г.", "На 31 декабря 2023 г.3"],
        &["2024", "2023"],
    );
}

#[test]
fn edgar_two_row_headers_take_the_duration_from_the_upper_row() {
    let rows = vec![
        vec![
            text("Statements of Operations - USD ($) $ in Thousands"),
            text("3 Months Ended"),
            Value::Empty,
            text("12 Months Ended"),
            Value::Empty,
        ],
        vec![
            Value::Empty,
            text("Dec. 31, 2018"),
            text("Sep. 30, 2018"),
            text("Dec. 31, 2018"),
            text("Dec. 31, 2017"),
        ],
        vec![text("Revenue"), number(1), number(2), number(3), number(4)],
    ];
    assert_eq!(
        outcome(rows),
        "revenue 2017 = 4 at E3\nrevenue 2018Q3 = 2 at C3\nrevenue 2018Q4 = 1 at B3\nrevenue 2018 = 3 at D3"
    );
    // A text that is not a duration stops a merged duration from reaching further: the
    // date under it is alone in its row, so it is a year-end.
    let rows = vec![
        vec![
            Value::Empty,
            text("6 Months Ended"),
            Value::Empty,
            text("Note"),
        ],
        vec![
            Value::Empty,
            text("Jun. 30, 2018"),
            text("Jun. 30, 2017"),
            text("Dec. 31, 2017"),
        ],
        vec![text("Revenue"), number(1), number(2), number(3)],
    ];
    assert_eq!(
        outcome(rows),
        "revenue H1 2017 = 2 at C3\nrevenue 2017 = 3 at D3\nrevenue H1 2018 = 1 at B3"
    );
}

#[test]
fn relative_headers_without_a_reporting_year_are_a_located_error() {
    let rows = vec![
        vec![text("Стаття"), text("На кінець звітного періоду")],
        vec![text("Усього активів"), number(1)],
    ];
    let error = outcome(rows);
    assert!(
        error.starts_with(
            "test.xlsx: sheet `S`, cell B1: this period header is relative to the reporting date"
        ),
        "{error}"
    );
    let rows = vec![
        vec![text("Item"), text("2023/24")],
        vec![text("Total assets"), number(1)],
    ];
    let error = outcome(rows);
    assert!(error.starts_with("test.xlsx: sheet `S`, cell B1: this header names a fiscal year ending in 2024 without its month"), "{error}");
}

#[test]
fn trailing_twelve_months_are_skipped_with_a_note() {
    let rows = vec![
        vec![
            text("Breakdown"),
            text("TTM"),
            text("12/31/2022"),
            text("12/31/2021"),
        ],
        vec![text("Revenue"), number(9), number(8), number(7)],
    ];
    assert_eq!(
        outcome(rows),
        "revenue 2021 = 7 at D2\nrevenue 2022 = 8 at C2\nskipped B1 `TTM`: trailing twelve months (TTM) are not a fiscal year; its cells are not read"
    );
    check_cell("LTM", "-");
    check_cell("Trailing 12 months", "-");
}

#[test]
fn an_unreadable_header_is_the_error_cell() {
    let rows = vec![
        vec![text("Item"), text("Financial year one")],
        vec![text("Total assets"), number(10)],
    ];
    let error = outcome(rows);
    assert!(
        error.starts_with("test.xlsx: sheet `S`, cell B1: no period header found: `Financial year one` is not a period"),
        "{error}"
    );
}

#[test]
fn a_row_of_numbers_far_apart_is_not_a_header() {
    let rows = vec![
        vec![text("Item"), text("2018"), text("2017")],
        vec![text("Total assets"), number(10), number(11)],
        vec![text("Unknown line"), number(1911), number(2044)],
        vec![text("Revenue"), number(20), number(21)],
    ];
    let found = outcome(rows);
    assert!(found.contains("revenue 2018 = 20 at B4"), "{found}");
    assert_eq!(period(&number(2018)), Some(Period::year(2018)));
}

#[test]
fn a_mapping_declares_the_periods_of_relative_headers() {
    let mapping = crate::import::Mapping::parse(
        "[periods]\n\"S!B\" = \"2024\"\n\"C\" = \"FY2023 (to 31 March 2023)\"\n",
        "map.toml",
    )
    .unwrap();
    let rows = vec![
        vec![text("Item"), text("Rok bieżący"), text("Rok poprzedni")],
        vec![text("Total assets"), number(10), number(11)],
    ];
    let sheets = vec![("S".to_owned(), Grid::new(rows, (0, 0)))];
    let options = ImportOptions {
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let report = import_grids("test.xlsx", "test", &sheets, &options).unwrap();
    let periods: Vec<String> = report.entities[0]
        .period_list()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(periods, ["FY2023 (to 31 March 2023)", "2024"]);
    for (text, message) in [
        ("[periods]\n\"S!7\" = \"2024\"\n", "not a column like"),
        (
            "[periods]\n\"B\" = \"next year\"\n",
            "`next year` is not a period",
        ),
    ] {
        let error = crate::import::Mapping::parse(text, "map.toml").unwrap_err();
        assert!(error.to_string().contains(message), "{error}");
    }
}
