//! Unit tests of import: numbers, periods, labels, layout detection on small grids, and
//! a property test that layout detection never panics.

use bilans_model::{Date, LineItem, Period};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::cells::a1;
use crate::import::grid::{Grid, Value, parse_a1};
use crate::import::labels::{Dictionary, normalise};
use crate::import::numbers::amount_from_text;
use crate::import::periods::{HeaderCell, SheetContext, header_cell, period, resolve};
use crate::import::{ImportOptions, import_grids};

fn check_amount(text: &str, expected: Option<&str>) {
    let parsed = amount_from_text(text);
    match expected {
        Some(expected) => assert_eq!(
            parsed,
            Ok(Some(expected.parse::<Decimal>().unwrap())),
            "{text}"
        ),
        None => assert!(parsed.is_err(), "{text} should not parse, got {parsed:?}"),
    }
}

#[test]
fn text_amounts() {
    check_amount("328 294", Some("328294"));
    check_amount("328\u{a0}294", Some("328294"));
    check_amount("328,294", Some("328294"));
    check_amount("328.294", Some("328294"));
    check_amount("328.294,5", Some("328294.5"));
    check_amount("328,294.5", Some("328294.5"));
    check_amount("1 234 567,25", Some("1234567.25"));
    check_amount("(5 202)", Some("-5202"));
    check_amount("-5 202", Some("-5202"));
    check_amount("−5202", Some("-5202"));
    check_amount("1,5", Some("1.5"));
    check_amount("0,125", Some("0.125"));
    check_amount("12.75", Some("12.75"));
    check_amount("-", Some("0"));
    check_amount("—", Some("0"));
    check_amount("3 28 294", None);
    check_amount("12a", None);
    check_amount("5%", None);
    check_amount("1.234,5,6", None);
    check_amount("()", None);
    assert_eq!(amount_from_text("   "), Ok(None));
}

#[test]
fn period_headers() {
    let text = |text: &str| period(&Value::Text(text.to_owned()));
    for header in [
        "2001",
        "2001 r.",
        "FY2001",
        "FY 2001",
        "2001 г.",
        "2001 р.",
        "31.12.2001",
        "31.12.2001 r.",
        "2001-12-31",
        "12/31/2001",
        "na 31.12.2001",
    ] {
        assert_eq!(text(header), Some(Period::year(2001)), "{header}");
    }
    for (header, quarter) in [("2001Q3", 3), ("Q3 2001", 3), ("2001 q1", 1)] {
        assert_eq!(
            text(header),
            Period::quarter(2001, quarter).ok(),
            "{header}"
        );
    }
    assert_eq!(text("H1 2024"), Period::half_year(2024, 1).ok());
    assert_eq!(text("9M 2024"), Some(Period::nine_months(2024)));
    assert_eq!(text("FY2024"), Some(Period::year(2024)));
    assert_eq!(
        text("FY2024 (to 31 March 2024)"),
        Period::fiscal_year_ending(2024, 3).ok()
    );
    for not_header in [
        "Aktywa",
        "2001 2002",
        "32.13.2001",
        "30.02.2001",
        "1600",
        "FY",
        "Q5 2001",
        "H3 2001",
        "2001 (restated)",
    ] {
        assert_eq!(text(not_header), None, "{not_header}");
    }
    assert_eq!(
        period(&Value::Number(Decimal::from(2003))),
        Some(Period::year(2003))
    );
    assert_eq!(period(&Value::Number(Decimal::from(328_294))), None);
    assert_eq!(
        period(&Value::Date(date("2004-12-31"))),
        Some(Period::year(2004))
    );
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// The periods a header row of `cells` names.
fn check_header(cells: &[Value], expect: &[&str]) {
    let found: Vec<(usize, HeaderCell)> = cells
        .iter()
        .enumerate()
        .filter_map(|(col, value)| Some((col, header_cell(value)?)))
        .collect();
    let periods: Vec<String> = resolve(&found, &SheetContext::default())
        .unwrap()
        .into_iter()
        .map(|(_, period)| period.to_string())
        .collect();
    assert_eq!(periods, expect, "{cells:?}");
}

#[test]
fn dates_in_a_header_name_periods_ending_that_day() {
    let dates = |texts: &[&str]| -> Vec<Value> {
        texts.iter().map(|text| Value::Date(date(text))).collect()
    };
    // Year-ends, as today.
    check_header(&dates(&["2023-12-31", "2024-12-31"]), &["2023", "2024"]);
    // Consecutive quarter-ends are quarters.
    check_header(
        &dates(&["2024-03-31", "2024-06-30", "2024-09-30"]),
        &["2024Q1", "2024Q2", "2024Q3"],
    );
    // The same month-end every year is a fiscal year ending in that month.
    check_header(
        &[
            Value::Text("31.03.2023".to_owned()),
            Value::Text("31.03.2024".to_owned()),
        ],
        &["FY2023 (to 31 March 2023)", "FY2024 (to 31 March 2024)"],
    );
    // A balance at 1 July is a balance date, not a year-end.
    check_header(
        &dates(&["2023-12-31", "2024-07-01"]),
        &["2023-12-31", "2024-07-01"],
    );
    // Named periods keep their names beside dates.
    check_header(
        &[
            Value::Text("H1 2024".to_owned()),
            Value::Text("2024Q2".to_owned()),
            Value::Date(date("2024-06-30")),
        ],
        &["H1 2024", "2024Q2", "FY2024 (to 30 June 2024)"],
    );
}

#[test]
fn annual_and_interim_columns_ending_the_same_day_are_not_duplicates() {
    let rows = vec![
        vec![
            Value::Empty,
            Value::Text("2024".to_owned()),
            Value::Text("2024Q4".to_owned()),
            Value::Text("H2 2024".to_owned()),
        ],
        vec![
            Value::Text("Revenue".to_owned()),
            Value::Number(Decimal::from(400)),
            Value::Number(Decimal::from(100)),
            Value::Number(Decimal::from(200)),
        ],
    ];
    let report = import(rows).unwrap();
    let statements = &report.entities[0];
    assert_eq!(
        statements.period_list(),
        [
            Period::quarter(2024, 4).unwrap(),
            Period::half_year(2024, 2).unwrap(),
            Period::year(2024),
        ]
    );
    assert_eq!(
        statements.get(Period::half_year(2024, 2).unwrap(), LineItem::Revenue),
        Some(Decimal::from(200))
    );
}

#[test]
fn labels_are_normalised_and_found_in_four_languages() {
    let dictionary = Dictionary::builtin().unwrap();
    let item = |text: &str| dictionary.label(text).map(|(item, _)| item);
    assert_eq!(item("Aktywa ogółem"), Some(LineItem::TotalAssets));
    assert_eq!(item("TOTAL ASSETS:"), Some(LineItem::TotalAssets));
    assert_eq!(item("  Итого   активов "), Some(LineItem::TotalAssets));
    assert_eq!(item("Баланс"), Some(LineItem::TotalAssets));
    assert_eq!(item("Усього активів"), Some(LineItem::TotalAssets));
    assert_eq!(item("II. Aktywa obrotowe"), Some(LineItem::CurrentAssets));
    assert_eq!(item("A. Zysk (strata) netto"), Some(LineItem::NetIncome));
    assert_eq!(item("1.2) Запасы"), Some(LineItem::Inventories));
    assert_eq!(
        item("Поточні зобов’язання"),
        Some(LineItem::CurrentLiabilities)
    );
    assert_eq!(
        item("Przychody ze sprzedaży (tys. zł)"),
        Some(LineItem::Revenue)
    );
    assert_eq!(item("Revenue, USD thousands"), Some(LineItem::Revenue));
    assert_eq!(item("Employees"), None);
    assert_eq!(
        normalise("Kapitał (fundusz) własny"),
        "kapitał fundusz własny"
    );
}

#[test]
fn dictionary_has_no_conflicts() {
    // Dictionary::builtin() refuses a label or code that names two items.
    assert!(Dictionary::builtin().is_ok());
}

#[test]
fn units_are_read_from_text() {
    let dictionary = Dictionary::builtin().unwrap();
    let unit = dictionary.unit("dane [tys. zł]").unwrap();
    assert_eq!(unit.scale, bilans_model::Scale::Thousands);
    assert_eq!(unit.currency.as_deref(), Some("PLN"));
    let unit = dictionary.unit("в тыс. руб.").unwrap();
    assert_eq!(unit.currency.as_deref(), Some("RUB"));
    assert_eq!(
        dictionary.unit("PLN").unwrap().scale,
        bilans_model::Scale::Units
    );
    assert_eq!(dictionary.unit("Przychody ze sprzedaży"), None);
}

#[test]
fn cell_names() {
    assert_eq!(a1(6, 2), "C7");
    assert_eq!(a1(0, 26), "AA1");
    assert_eq!(parse_a1("C7"), Some((6, 2)));
    assert_eq!(parse_a1("$AA$1"), Some((0, 26)));
    assert_eq!(parse_a1("7C"), None);
    assert_eq!(parse_a1("C0"), None);
}

fn text(text: &str) -> Value {
    Value::Text(text.to_owned())
}

fn number(value: i64) -> Value {
    Value::Number(Decimal::from(value))
}

fn import(rows: Vec<Vec<Value>>) -> Result<crate::import::ImportReport, crate::SheetsError> {
    let sheets = vec![("S".to_owned(), Grid::new(rows, (0, 0)))];
    import_grids("test.xlsx", "test", &sheets, &ImportOptions::default())
}

#[test]
fn transposed_grid_reads_the_same_amounts() {
    // Rows layout: B2 holds total assets for 2001.
    let rows = vec![
        vec![text("Item"), text("2001"), text("2002")],
        vec![text("Total assets"), number(10), number(11)],
        vec![text("Revenue"), number(20), number(21)],
    ];
    let transposed = vec![
        vec![text("Year"), text("Total assets"), text("Revenue")],
        vec![text("2001"), number(10), number(20)],
        vec![text("2002"), number(11), number(21)],
    ];
    let by_rows = import(rows).unwrap();
    let by_columns = import(transposed).unwrap();
    for report in [&by_rows, &by_columns] {
        let statements = &report.entities[0];
        assert_eq!(
            statements.get(Period::year(2002), LineItem::Revenue),
            Some(Decimal::from(21))
        );
    }
    let cell = |report: &crate::import::ImportReport| {
        report.entities[0]
            .amount(Period::year(2001), LineItem::Revenue)
            .unwrap()
            .source
            .clone()
            .unwrap()
            .cell
    };
    assert_eq!(cell(&by_rows), "B3");
    assert_eq!(cell(&by_columns), "C2");
}

#[test]
fn a_company_column_in_the_rows_layout_names_each_row() {
    // The company cell of `Beta` is empty on its second row (a merged cell): the name
    // above carries over.
    let rows = vec![
        vec![text("Company"), text("Item"), text("2001"), text("2002")],
        vec![text("Alfa"), text("Total assets"), number(10), number(11)],
        vec![Value::Empty, text("Revenue"), number(20), number(21)],
        vec![text("Beta"), text("Total assets"), number(30), number(31)],
        vec![Value::Empty, text("Revenue"), number(40), number(41)],
    ];
    let report = import(rows).unwrap();
    let names: Vec<&str> = report
        .entities
        .iter()
        .map(|statements| statements.entity.name.as_str())
        .collect();
    assert_eq!(names, ["Alfa", "Beta"]);
    assert_eq!(
        report.entities[1].get(Period::year(2002), LineItem::Revenue),
        Some(Decimal::from(41))
    );
    assert_eq!(
        report.entities[0].get(Period::year(2001), LineItem::Revenue),
        Some(Decimal::from(20))
    );
}

#[test]
fn a_mapped_cell_wins_over_the_dictionary() {
    let rows = vec![
        vec![text("Item"), text("2001")],
        vec![text("Total assets"), number(10)],
        vec![text("ZB"), number(4)],
    ];
    let mapping =
        crate::import::Mapping::parse("[cells]\n\"S!A3\" = \"current_liabilities\"\n", "map.toml")
            .unwrap();
    let options = ImportOptions {
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let sheets = vec![("S".to_owned(), Grid::new(rows, (0, 0)))];
    let report = import_grids("test.xlsx", "test", &sheets, &options).unwrap();
    assert_eq!(
        report.entities[0].get(Period::year(2001), LineItem::CurrentLiabilities),
        Some(Decimal::from(4))
    );
}

#[test]
fn header_with_a_number_that_is_not_a_year_is_not_a_header() {
    let rows = vec![vec![text("Total assets"), number(10), number(11)]];
    let error = import(rows).unwrap_err().to_string();
    assert!(
        error.contains("cell A1") && error.contains("no period header"),
        "{error}"
    );
}

/// The outcome of importing `rows` in one line: every amount with its source cell, or
/// the error.
fn outcome(rows: Vec<Vec<Value>>) -> String {
    match import(rows) {
        Ok(report) => {
            let mut amounts = Vec::new();
            for statements in &report.entities {
                for (period, items) in &statements.periods {
                    for (item, amount) in items {
                        let cell = amount.source.as_ref().map_or("", |at| at.cell.as_str());
                        amounts.push(format!("{item} {period} = {} at {cell}", amount.value));
                    }
                }
            }
            amounts.join("; ")
        }
        Err(error) => error.to_string(),
    }
}

fn check_amounts(rows: Vec<Vec<Value>>, expected: &str) {
    assert_eq!(outcome(rows), expected);
}

fn check_error(rows: Vec<Vec<Value>>, expected_start: &str) {
    let actual = outcome(rows);
    assert!(actual.starts_with(expected_start), "{actual}");
}

fn repeated(n_rows: usize, row: &[Value]) -> Vec<Vec<Value>> {
    vec![row.to_vec(); n_rows]
}

// Sheets of many identical label rows (or columns), as a mutation fuzzer makes them:
// each scan is linear in the cells, so these finish at once; a scan comparing every
// label with every other one would take minutes.

#[test]
fn twenty_thousand_label_rows_without_a_header_are_one_located_error() {
    check_error(
        repeated(20_000, &[text("Total assets")]),
        "test.xlsx: sheet `S`, cell A1: no period header found",
    );
}

#[test]
fn twenty_thousand_identical_rows_under_a_header_give_one_amount() {
    let mut rows = vec![vec![text("Item"), text("2001")]];
    rows.extend(repeated(20_000, &[text("Total assets"), number(10)]));
    check_amounts(rows, "total_assets 2001 = 10 at B2");
}

#[test]
fn twenty_thousand_identical_code_rows_give_one_amount() {
    let mut rows = vec![vec![text("Показатель"), text("Код строки"), text("2001")]];
    rows.extend(repeated(
        20_000,
        &[text("Итого активов"), text("1600"), number(10)],
    ));
    check_amounts(rows, "total_assets 2001 = 10 at C2");
}

#[test]
fn a_row_of_sixteen_thousand_labels_is_read_transposed() {
    let mut labels = vec![text("Year")];
    labels.extend(vec![text("Total assets"); 16_000]);
    let mut values = vec![text("2001")];
    values.extend(vec![number(10); 16_000]);
    check_amounts(vec![labels, values], "total_assets 2001 = 10 at B2");
    check_error(
        vec![vec![text("Total assets"); 16_000]],
        "test.xlsx: sheet `S`, cell A1: no period header found",
    );
}

#[test]
fn a_text_longer_than_a_cell_can_hold_is_a_located_error() {
    let rows = vec![
        vec![text("Item"), text("2001")],
        vec![text("Total assets"), number(10)],
        vec![Value::Text("ж".repeat(32_768)), number(5)],
    ];
    check_error(
        rows,
        "test.xlsx: sheet `S`, cell A3: the cell holds 32768 characters, more than a spreadsheet cell can hold (32767)",
    );
    let rows = vec![
        vec![text("Item"), text("2001")],
        vec![text("Total assets"), number(10)],
        vec![Value::Text("ж".repeat(32_767)), number(5)],
    ];
    check_amounts(rows, "total_assets 2001 = 10 at B2");
}

/// The Checks notes of each company when `n_sheets` identical sheets hold one company
/// each (every sheet has one unrecognised row, and misses the items most ratios need).
fn notes_of_companies_as_sheets(n_sheets: usize) -> Vec<Vec<String>> {
    let rows = vec![
        vec![text("Item"), text("2001")],
        vec![text("Total assets"), number(10)],
        vec![text("Mystery"), number(5)],
    ];
    let sheets: Vec<(String, Grid)> = (0..n_sheets)
        .map(|sheet_idx| (format!("S{sheet_idx}"), Grid::new(rows.clone(), (0, 0))))
        .collect();
    let options = ImportOptions {
        needs: crate::import::ratio_needs(),
        ..ImportOptions::default()
    };
    let report = import_grids("test.xlsx", "test", &sheets, &options).unwrap();
    assert_eq!(report.entities.len(), n_sheets);
    report.check_notes_by_entity()
}

#[test]
fn each_company_gets_only_its_own_import_notes() {
    let two = notes_of_companies_as_sheets(2);
    let many = notes_of_companies_as_sheets(3_000);
    assert_eq!(many[0], two[0]);
    assert!(
        two[0].iter().any(|note| note.contains("S0!A3 `Mystery`")),
        "{:?}",
        two[0]
    );
    assert!(
        two[0].iter().all(|note| !note.contains("S1")),
        "{:?}",
        two[0]
    );
    let last = &many[2_999];
    assert_eq!(last.len(), two[1].len());
    assert!(last.iter().any(|note| note.contains("S2999!A3 `Mystery`")));
}

#[test]
fn rows_of_a_company_column_are_noted_for_their_company() {
    let rows = vec![
        vec![text("Company"), text("Item"), text("2001")],
        vec![text("Alfa"), text("Total assets"), number(10)],
        vec![text("Alfa"), text("Mystery"), number(1)],
        vec![text("Beta"), text("Total assets"), number(30)],
        vec![Value::Empty, text("Enigma"), number(2)],
    ];
    let report = import(rows).unwrap();
    let notes = report.check_notes_by_entity();
    let unrecognised = |notes: &[String]| -> Vec<String> {
        notes
            .iter()
            .filter(|note| note.starts_with("not recognised"))
            .cloned()
            .collect()
    };
    assert_eq!(
        unrecognised(&notes[0]),
        ["not recognised: test.xlsx: S!B3 `Mystery`: label not recognised as a line item"]
    );
    assert_eq!(
        unrecognised(&notes[1]),
        ["not recognised: test.xlsx: S!B5 `Enigma`: label not recognised as a line item"]
    );
}

fn value_strategy() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Empty),
        (-1_000_000_i64..3_000_000).prop_map(|value| Value::Number(Decimal::from(value))),
        (1990_i64..2010).prop_map(|value| Value::Number(Decimal::from(value))),
        prop::sample::select(vec![
            "Total assets",
            "Aktywa obrotowe",
            "Итого активов",
            "Баланс",
            "Усього активів",
            "Revenue",
            "2001",
            "2002 r.",
            "FY2003",
            "31.12.2004",
            "Company",
            "Код строки",
            "1600",
            "2110",
            "tys. zł",
            "тыс. руб.",
            "(5 202)",
            "328 294",
            "-",
            "abc",
            "Zapasy",
        ])
        .prop_map(|text| Value::Text(text.to_owned())),
        "\\PC{0,12}".prop_map(Value::Text),
        (1990_i32..2010, 1u8..=12, 1u8..=28)
            .prop_map(|(year, month, day)| Value::Date(Date::new(year, month, day).unwrap())),
        Just(Value::Untrusted("the spreadsheet error #DIV/0!".to_owned())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn layout_detection_never_panics(
        rows in prop::collection::vec(prop::collection::vec(value_strategy(), 0..8), 0..10),
        row_origin in 0_u32..5,
        col_origin in 0_u32..5,
    ) {
        let sheets = vec![("S".to_owned(), Grid::new(rows, (row_origin, col_origin)))];
        let result = import_grids("random.xlsx", "random", &sheets, &ImportOptions::default());
        if let Ok(report) = result {
            for statements in &report.entities {
                for items in statements.periods.values() {
                    prop_assert!(items.values().all(|amount| amount.source.is_some()));
                }
            }
        }
    }
}

fn three_statements(cash_flow_net_income: i64) -> Vec<(String, Grid)> {
    let header = || vec![text("Item"), text("2023"), text("2024")];
    let balance = vec![
        header(),
        vec![text("Total assets"), number(900), number(1000)],
        vec![text("Current assets"), number(350), number(400)],
        vec![text("Total equity"), number(400), number(450)],
    ];
    let income = vec![
        header(),
        vec![text("Revenue"), number(1800), number(2000)],
        vec![text("Profit before tax"), number(180), number(200)],
        vec![text("Net income"), number(135), number(150)],
    ];
    let cash_flows = vec![
        header(),
        vec![
            text("Net income"),
            number(135),
            number(cash_flow_net_income),
        ],
        vec![
            text("Depreciation and amortization"),
            number(55),
            number(60),
        ],
        vec![
            text("Net cash provided by operating activities"),
            number(200),
            number(220),
        ],
    ];
    [
        ("Balance sheet", balance),
        ("Income statement", income),
        ("Cash flows", cash_flows),
    ]
    .into_iter()
    .map(|(name, rows)| (name.to_owned(), Grid::new(rows, (0, 0))))
    .collect()
}

#[test]
fn three_statements_on_three_sheets_are_one_company() {
    let sheets = three_statements(150);
    let report = import_grids("test.xlsx", "test", &sheets, &ImportOptions::default()).unwrap();
    assert_eq!(report.entities.len(), 1, "{:?}", report.entities);
    let statements = &report.entities[0];
    let year = Period::year(2024);
    assert_eq!(
        statements.get(year, LineItem::OperatingCashFlow),
        Some(Decimal::from(220))
    );
    // The shared line keeps its own statement's cell.
    let source = statements
        .amount(year, LineItem::NetIncome)
        .and_then(|amount| amount.source.clone())
        .unwrap();
    assert_eq!(
        (source.sheet.as_str(), source.cell.as_str()),
        ("Income statement", "C4")
    );
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn a_shared_line_that_disagrees_is_noted_and_its_own_statement_kept() {
    let sheets = three_statements(149);
    let report = import_grids("test.xlsx", "test", &sheets, &ImportOptions::default()).unwrap();
    assert_eq!(report.entities.len(), 1);
    assert_eq!(
        report.entities[0].get(Period::year(2024), LineItem::NetIncome),
        Some(Decimal::from(150))
    );
    let note = report
        .notes
        .iter()
        .find(|note| matches!(note, crate::import::ImportNote::Disagree { .. }))
        .expect("a note on the disagreement")
        .to_string();
    assert!(
        note.contains("the two rows disagree")
            && note.contains("Income statement!C4")
            && note.contains("Cash flows!C2"),
        "{note}"
    );
}

#[test]
fn labels_as_statements_qualify_them_are_found() {
    let dictionary = Dictionary::builtin().unwrap();
    for (label, item) in [
        ("Total assets (1)", LineItem::TotalAssets),
        ("Total assets [2]", LineItem::TotalAssets),
        ("Выручка5", LineItem::Revenue),
        ("Revenue*", LineItem::Revenue),
        (
            "Accounts receivable, net of allowances of $6,676 and $5,994",
            LineItem::TradeReceivables,
        ),
        ("Accounts receivable, net", LineItem::TradeReceivables),
        ("Inventories, net", LineItem::Inventories),
        ("Net income attributable to the parent", LineItem::NetIncome),
        ("Retained earnings (deficiency)", LineItem::RetainedEarnings),
        ("Total stockholders' equity", LineItem::Equity),
        ("Net Operating Revenues", LineItem::Revenue),
        ("Sales, net", LineItem::Revenue),
        ("Consolidated Net Income", LineItem::NetIncome),
        ("I. Kapitał własny ogółem", LineItem::Equity),
        (
            "A. Przychody netto ze sprzedaży i zrównane z nimi, w tym:",
            LineItem::Revenue,
        ),
        (
            "II.2. Zobowiązania krótkoterminowe",
            LineItem::CurrentLiabilities,
        ),
        ("A.III.1.c) Środki pieniężne", LineItem::CashAndEquivalents),
    ] {
        assert_eq!(
            dictionary.label(label).map(|(found, _)| found),
            Some(item),
            "{label}"
        );
    }
    // A cash-flow line about inventories is not the inventories, and a word is not
    // numbering.
    assert_eq!(
        dictionary
            .label("Inventories increase")
            .map(|(found, _)| found),
        None
    );
    assert_eq!(normalise("Co. Revenue"), "co revenue");
}

#[test]
fn note_sheets_beside_the_statements_are_skipped_and_listed() {
    let header = || vec![text("Item"), text("2023"), text("2024")];
    let balance = vec![
        header(),
        vec![text("Total assets"), number(900), number(1000)],
        vec![text("Current assets"), number(350), number(400)],
        vec![text("Receivables"), number(100), number(120)],
    ];
    // A note breaking the receivables down (another value for `receivables`), and a
    // model sheet with text where an amount could be.
    let note = vec![header(), vec![text("Receivables"), number(40), number(45)]];
    let model = vec![
        vec![text("WACC"), text("2024")],
        vec![text("Total equity"), text("see above")],
    ];
    let sheets: Vec<(String, Grid)> = [("Balance", balance), ("Note 7", note), ("WACC", model)]
        .into_iter()
        .map(|(name, rows)| (name.to_owned(), Grid::new(rows, (0, 0))))
        .collect();
    let report = import_grids("test.xlsx", "test", &sheets, &ImportOptions::default()).unwrap();
    assert_eq!(report.entities.len(), 1);
    assert_eq!(
        report.entities[0].get(Period::year(2024), LineItem::Receivables),
        Some(Decimal::from(120))
    );
    for sheet in ["Note 7", "WACC"] {
        assert!(
            report.notes.iter().any(|note| note
                .to_string()
                .starts_with(&format!("sheet `{sheet}` skipped"))),
            "{sheet}: {:?}",
            report.notes
        );
    }
    // Without the statement, the model sheet's error is the answer: a note sheet's
    // lines never stand in for a statement that could not be read.
    let without: Vec<(String, Grid)> = sheets.into_iter().skip(1).collect();
    let error = import_grids("test.xlsx", "test", &without, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("WACC"), "{error}");
}
