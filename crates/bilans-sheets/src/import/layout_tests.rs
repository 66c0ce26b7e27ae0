//! Tests of layouts met in real statement workbooks, on small grids written here: a
//! vendor's data sheet with market data above stacked statement blocks, and the
//! rules that read them.

use bilans_model::{Date, LineItem, Period};
use rust_decimal::Decimal;

use crate::import::grid::{Grid, Value};
use crate::import::{ImportOptions, ImportReport, import_grids};

fn text(text: &str) -> Value {
    Value::Text(text.to_owned())
}

fn number(value: i64) -> Value {
    Value::Number(Decimal::from(value))
}

fn date(text: &str) -> Value {
    Value::Date(text.parse::<Date>().unwrap())
}

fn import_sheets(sheets: Vec<(&str, Vec<Vec<Value>>)>) -> Result<ImportReport, crate::SheetsError> {
    let sheets: Vec<(String, Grid)> = sheets
        .into_iter()
        .map(|(name, rows)| (name.to_owned(), Grid::new(rows, (0, 0))))
        .collect();
    import_grids("test.xlsx", "test", &sheets, &ImportOptions::default())
}

fn amount(report: &ImportReport, period: Period, item: LineItem) -> Option<Decimal> {
    report.entities[0].get(period, item)
}

/// A screener-style data sheet: a block of market data with no period header, then
/// the income statement, the balance sheet and the cash flows, each under its own
/// `Report Date` row of fiscal year ends (31 March).
fn data_sheet() -> Vec<Vec<Value>> {
    let dates = |label: &str| vec![text(label), date("2023-03-31"), date("2024-03-31")];
    vec![
        vec![text("COMPANY NAME"), text("Some Bank Ltd")],
        vec![text("META")],
        vec![text("Market Capitalization"), number(922_985)],
        vec![text("PROFIT & LOSS")],
        dates("Report Date"),
        vec![text("Sales"), number(121_066), number(159_515)],
        vec![text("Depreciation"), number(1514), number(1935)],
        vec![text("Net profit"), number(34_036), number(44_256)],
        vec![],
        vec![text("BALANCE SHEET")],
        dates("Report Date"),
        vec![text("Equity Share Capital"), number(1396), number(1404)],
        vec![text("Reserves"), number(213_101), number(254_739)],
        vec![text("Receivables")],
        vec![text("Cash & Bank"), number(136_456), number(162_768)],
        vec![],
        vec![text("CASH FLOW:")],
        dates("Report Date"),
        vec![
            text("Cash from Operating Activity"),
            number(-3771),
            number(157_284),
        ],
        vec![
            text("Cash from Investing Activity"),
            number(-67_689),
            number(-144_736),
        ],
        vec![text("Net Cash Flow"), number(-46_669), number(26_312)],
    ]
}

#[test]
fn labels_above_the_first_period_header_are_listed_not_an_error() {
    let report = import_sheets(vec![("Data Sheet", data_sheet())]).unwrap();
    let fy2024 = Period::fiscal_year_ending(2024, 3).unwrap();
    assert_eq!(
        amount(&report, fy2024, LineItem::Revenue),
        Some(Decimal::from(159_515))
    );
    let above = report
        .unrecognised
        .iter()
        .find(|row| row.source.cell == "A3")
        .expect("the market data row is listed");
    assert!(
        above
            .reason
            .contains("above the sheet's first period header"),
        "{above:?}"
    );
    assert!(
        report.entities[0]
            .periods
            .values()
            .all(|items| !items.contains_key(&LineItem::MarketCapitalisation))
    );
}

#[test]
fn a_label_without_any_period_header_on_its_sheet_stays_an_error() {
    let rows = vec![
        vec![text("Market Capitalization"), number(922_985)],
        vec![text("Net profit"), number(10)],
    ];
    let error = import_sheets(vec![("S", rows)]).unwrap_err().to_string();
    assert!(error.contains("cell A1: no period header found"), "{error}");
}

#[test]
fn statements_stacked_on_one_sheet_are_each_read_as_their_own_statement() {
    let report = import_sheets(vec![("Data Sheet", data_sheet())]).unwrap();
    let fy2024 = Period::fiscal_year_ending(2024, 3).unwrap();
    // The balance-sheet block's lines are balances, though most of the sheet's lines
    // belong to the other statements.
    assert_eq!(
        amount(&report, fy2024, LineItem::CashAndEquivalents),
        Some(Decimal::from(162_768))
    );
    assert_eq!(
        amount(&report, fy2024, LineItem::ShareCapital),
        Some(Decimal::from(1404))
    );
    assert_eq!(
        amount(&report, fy2024, LineItem::OperatingCashFlow),
        Some(Decimal::from(157_284))
    );
    assert_eq!(
        amount(&report, fy2024, LineItem::NetChangeInCash),
        Some(Decimal::from(26_312))
    );
}

/// A Swedish key-figure sheet as data vendors lay it out: bare years over a short
/// income block, the unit and the fiscal year's first and last days as data rows, then
/// a short balance block.
fn swedish_company(first_day: &str, last_day: &str) -> Vec<Vec<Value>> {
    let days = |label: &str, day: &str| vec![text(label), date(day)];
    vec![
        vec![Value::Empty, number(2024)],
        vec![text("Intäkter"), number(20_019)],
        vec![text("Rörelseresultat"), number(2426)],
        vec![text("Nettoresultat"), number(1691)],
        vec![text("Valuta"), text("MSEK")],
        days("Startdatum Resultaträkning", first_day),
        days("Slutdatum Resultaträkning", last_day),
        vec![text("Varulager"), number(3125)],
        vec![text("Kassa och bank"), number(798)],
        vec![text("Totala tillgångar"), number(16_657)],
        vec![text("Eget kapital - Moderbolagets ägare"), number(6478)],
        vec![text("Minoritetsintressen"), number(0)],
        vec![text("Kortfristiga skulder"), number(5254)],
        vec![text("Totalt eget kapital och skulder"), number(16_657)],
    ]
}

#[test]
fn swedish_labels_and_units_are_read() {
    let report = import_sheets(vec![("AAK", swedish_company("2024-01-01", "2024-12-31"))]).unwrap();
    let year = Period::year(2024);
    for (item, value) in [
        (LineItem::Revenue, 20_019),
        (LineItem::OperatingResult, 2426),
        (LineItem::NetIncome, 1691),
        (LineItem::Inventories, 3125),
        (LineItem::CashAndEquivalents, 798),
        (LineItem::TotalAssets, 16_657),
        (LineItem::Equity, 6478),
        (LineItem::NonControllingInterests, 0),
        (LineItem::CurrentLiabilities, 5254),
        (LineItem::TotalEquityAndLiabilities, 16_657),
    ] {
        assert_eq!(
            amount(&report, year, item),
            Some(Decimal::from(value)),
            "{item}"
        );
    }
    assert_eq!(report.unit.scale, bilans_model::Scale::Millions);
    assert_eq!(report.unit.currency, "SEK");
}

#[test]
fn first_and_last_day_rows_bound_the_bare_years_above_them() {
    // `2024` heads a fiscal year from 1 April 2023 to 31 March 2024: every amount of
    // the sheet is of that fiscal year, none of the calendar year 2024.
    let report = import_sheets(vec![(
        "Addtech",
        swedish_company("2023-04-01", "2024-03-31"),
    )])
    .unwrap();
    let fiscal = Period::fiscal_year_ending(2024, 3).unwrap();
    assert_eq!(report.entities[0].period_list(), [fiscal]);
    assert_eq!(
        amount(&report, fiscal, LineItem::Revenue),
        Some(Decimal::from(20_019))
    );
    assert_eq!(
        amount(&report, fiscal, LineItem::TotalAssets),
        Some(Decimal::from(16_657))
    );
}

#[test]
fn bounds_of_another_year_start_a_new_header() {
    // Bounds whose fiscal year is not the one above head the lines below them only.
    let report = import_sheets(vec![("S", swedish_company("2022-04-01", "2023-03-31"))]).unwrap();
    let fiscal = Period::fiscal_year_ending(2023, 3).unwrap();
    assert_eq!(
        amount(&report, Period::year(2024), LineItem::Revenue),
        Some(Decimal::from(20_019))
    );
    assert_eq!(
        amount(&report, fiscal, LineItem::TotalAssets),
        Some(Decimal::from(16_657))
    );
    assert_eq!(amount(&report, fiscal, LineItem::Revenue), None);
}
