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
