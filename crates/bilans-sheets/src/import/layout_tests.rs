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
    assert_eq!(
        above.reason,
        crate::import::SkipReason::AboveFirstHeader,
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

/// An EDGAR-style income statement: two quarters, the consolidated net income, the
/// parent's share as a qualified caption, then revenue broken down by kind below the
/// bottom line (a dimension block).
fn edgar_income_statement() -> Vec<Vec<Value>> {
    vec![
        vec![
            text("Statements of Income - USD ($) $ in Millions"),
            text("3 Months Ended"),
        ],
        vec![Value::Empty, text("Jun. 30, 2018"), text("Jun. 30, 2017")],
        vec![text("Revenues"), number(5548), number(3015)],
        vec![text("Operating income (loss)"), number(78), number(-66)],
        vec![text("Net income (loss)"), number(-38), number(-20)],
        vec![
            text("Less: Net income (loss) attributable to noncontrolling interests"),
            number(-19),
            number(6),
        ],
        vec![
            text("Net income (loss) attributable to Baker Hughes, a GE company"),
            number(-19),
            number(0),
        ],
        vec![text("Sales of goods")],
        vec![text("Revenues"), number(3119), number(2270)],
        vec![text("Sales of services")],
        vec![text("Revenues"), number(2429), number(745)],
    ]
}

#[test]
fn a_statement_keeps_its_lines_over_qualified_parts_and_breakdowns_below_its_bottom_line() {
    let report = import_sheets(vec![("Income", edgar_income_statement())]).unwrap();
    let q2 = |year| Period::quarter(year, 2).unwrap();
    assert_eq!(
        amount(&report, q2(2018), LineItem::Revenue),
        Some(Decimal::from(5548))
    );
    assert_eq!(
        amount(&report, q2(2017), LineItem::Revenue),
        Some(Decimal::from(3015))
    );
    assert_eq!(
        amount(&report, q2(2018), LineItem::NetIncome),
        Some(Decimal::from(-38))
    );
    assert_eq!(
        amount(&report, q2(2017), LineItem::NetIncome),
        Some(Decimal::from(-20))
    );
    assert!(
        report.notes.iter().any(|note| matches!(
            note,
            crate::import::ImportNote::Disagree {
                rule: crate::import::Preference::NotBreakdown,
                ..
            }
        )),
        "{:?}",
        report.notes
    );
}

#[test]
fn a_section_title_carrying_another_amount_gives_way_to_its_total() {
    // The title row of section IV carries the borrowings' amount, one row too high;
    // the section's `Итого` line is the section's amount.
    let rows = vec![
        vec![text("ПАССИВ"), text("На 30.06.24"), text("На 31.12.23")],
        vec![
            text("IV. ДОЛГОСРОЧНЫЕ ОБЯЗАТЕЛЬСТВА"),
            number(9867),
            number(11_274),
        ],
        vec![text("Заемные средства"), number(1504), number(814)],
        vec![text("Итого по разделу IV"), number(11_371), number(12_088)],
    ];
    let report = import_sheets(vec![("S", rows)]).unwrap();
    // The balance at 30 June closes the second quarter.
    let june = Period::quarter(2024, 2).unwrap();
    assert_eq!(
        amount(&report, june, LineItem::LongTermLiabilities),
        Some(Decimal::from(11_371))
    );
}

#[test]
fn a_statement_keeps_its_line_over_a_note_that_repeats_it() {
    let note = vec![
        vec![text("Segment information"), text("2018"), text("2017")],
        vec![text("Revenue"), number(3119), number(2270)],
        vec![text("Interest expense"), number(63), number(14)],
    ];
    let statement = vec![
        vec![text("Income statement"), text("2018"), text("2017")],
        vec![text("Revenue"), number(5548), number(3015)],
        vec![text("Operating income"), number(78), number(-66)],
        vec![text("Net income"), number(-38), number(-20)],
    ];
    // The note comes first in the workbook: the statement still wins.
    let report = import_sheets(vec![("Note", note), ("Income", statement)]).unwrap();
    assert_eq!(
        amount(&report, Period::year(2018), LineItem::Revenue),
        Some(Decimal::from(5548))
    );
}

#[test]
fn two_lines_no_rule_tells_apart_are_both_left_out() {
    // A table in reverse order (net income first): no bottom line to tell a breakdown
    // by, and neither caption is a total or qualified.
    let rows = vec![
        vec![Value::Empty, text("2021")],
        vec![text("Net income"), number(94_680)],
        vec![text("EBIT"), number(111_852)],
        vec![text("Operating income"), number(108_949)],
        vec![text("Total revenue"), number(365_817)],
    ];
    let report = import_sheets(vec![("S", rows)]).unwrap();
    assert_eq!(
        amount(&report, Period::year(2021), LineItem::OperatingResult),
        None
    );
    assert_eq!(
        amount(&report, Period::year(2021), LineItem::NetIncome),
        Some(Decimal::from(94_680))
    );
}

/// A Vietnamese monthly balance sheet (form B 01-DN): the decree the form follows in
/// parentheses, the month as the title, the unit, a header relative to the reporting
/// date, line codes and captions carrying their own formulas.
fn vietnamese_balance_sheet() -> Vec<Vec<Value>> {
    vec![
        vec![text("CÔNG TY TNHH"), Value::Empty, text("Mẫu số B 01 - DN")],
        vec![
            Value::Empty,
            Value::Empty,
            text("(Ban hành theo QĐ số 15/2006/QĐ-BTC Ngày 20/03/2006 của Bộ trưởng BTC)"),
        ],
        vec![text("BẢNG CÂN ĐỐI KẾ TOÁN")],
        vec![text("Tháng 04 Năm 2015")],
        vec![Value::Empty, Value::Empty, Value::Empty, text("ĐVT: Đồng")],
        vec![
            text("TÀI SẢN"),
            text("Mã số"),
            text("Số cuối kỳ"),
            text("Số đầu kỳ"),
        ],
        vec![
            text("A. Tài sản ngắn hạn (100=110+120+130+140+150)"),
            text("100"),
            number(693_436_184),
            number(436_145_950),
        ],
        vec![
            text("  I. Tiền và các khoản tương đương tiền"),
            text("110"),
            number(319_024_400),
            number(-78_650),
        ],
        vec![
            text(" IV. Hàng tồn kho"),
            text("140"),
            number(340_374_349),
            number(310_887_818),
        ],
        vec![
            text("   1. Hàng tồn kho"),
            text("141"),
            number(340_374_349),
            number(310_887_818),
        ],
        vec![
            text("Tổng cộng tài sản (270 = 100 + 200)"),
            text("270"),
            number(693_436_184),
            number(436_145_950),
        ],
        vec![
            text("A. Nợ phải trả (300 = 310 + 330)"),
            text("300"),
            number(607_276_184),
            number(349_985_950),
        ],
        vec![
            text("  I. Nợ ngắn hạn"),
            text("310"),
            number(607_276_184),
            number(349_985_950),
        ],
    ]
}

#[test]
fn a_vietnamese_monthly_balance_sheet_reads_its_closing_column() {
    let report = import_sheets(vec![("BalanceSheet", vietnamese_balance_sheet())]).unwrap();
    let april = Period::instant("2015-04-30".parse().unwrap(), 12).unwrap();
    // Only the closing balances: `Số đầu kỳ` may open the month or the year.
    assert_eq!(report.entities[0].period_list(), [april]);
    for (item, value) in [
        (LineItem::CurrentAssets, 693_436_184),
        (LineItem::CashAndEquivalents, 319_024_400),
        (LineItem::Inventories, 340_374_349),
        (LineItem::TotalAssets, 693_436_184),
        (LineItem::TotalLiabilities, 607_276_184),
        (LineItem::CurrentLiabilities, 607_276_184),
    ] {
        assert_eq!(
            amount(&report, april, item),
            Some(Decimal::from(value)),
            "{item}"
        );
    }
    assert_eq!(report.unit.currency, "VND");
    assert!(
        report.unrecognised.iter().any(|row| row.text == "Số đầu kỳ"
            && row.reason == crate::import::SkipReason::HeaderNotPeriod),
        "{:?}",
        report.unrecognised
    );
}

/// A vendor's condensed balance sheet: each side closed by a bare `Total`, with lines
/// bilans does not know (`Borrowings`, `Other Assets`) in both.
fn condensed_balance_sheet(assets_total: i64) -> Vec<Vec<Value>> {
    vec![
        vec![text("Report Date"), date("2024-03-31")],
        vec![text("Equity Share Capital"), number(1404)],
        vec![text("Reserves"), number(254_739)],
        vec![text("Borrowings"), number(1_651_007)],
        vec![text("Other Liabilities"), number(456_911)],
        vec![text("Total"), number(2_364_061)],
        vec![text("Net Block"), number(15_714)],
        vec![text("Investments"), number(827_162)],
        vec![text("Other Assets"), number(1_521_185)],
        vec![text("Total"), number(assets_total)],
        vec![text("Cash & Bank"), number(162_768)],
    ]
}

#[test]
fn two_bare_totals_that_balance_are_the_two_sides_of_the_balance_sheet() {
    let report = import_sheets(vec![("S", condensed_balance_sheet(2_364_061))]).unwrap();
    let fy2024 = Period::fiscal_year_ending(2024, 3).unwrap();
    assert_eq!(
        amount(&report, fy2024, LineItem::TotalAssets),
        Some(Decimal::from(2_364_061))
    );
    assert_eq!(
        amount(&report, fy2024, LineItem::TotalEquityAndLiabilities),
        Some(Decimal::from(2_364_061))
    );
    let cells: Vec<&str> = report
        .unrecognised
        .iter()
        .map(|row| row.source.cell.as_str())
        .collect();
    assert!(
        !cells.contains(&"A6") && !cells.contains(&"A10"),
        "{cells:?}"
    );
}

#[test]
fn bare_totals_that_do_not_add_up_or_balance_are_not_read() {
    // The assets' total is not the sum of the lines above it: neither total is read.
    let report = import_sheets(vec![("S", condensed_balance_sheet(2_364_000))]).unwrap();
    let fy2024 = Period::fiscal_year_ending(2024, 3).unwrap();
    assert_eq!(amount(&report, fy2024, LineItem::TotalAssets), None);
    assert_eq!(
        amount(&report, fy2024, LineItem::TotalEquityAndLiabilities),
        None
    );
}

#[test]
fn indian_and_billion_scales_are_read_from_the_unit_cell() {
    for (unit, scale, currency) in [
        ("Rs. in Crores", bilans_model::Scale::Crores, "INR"),
        ("₹ in lakhs", bilans_model::Scale::Lakhs, "INR"),
        ("USD in billions", bilans_model::Scale::Billions, "USD"),
        ("w mld zł", bilans_model::Scale::Billions, "PLN"),
        ("€'000", bilans_model::Scale::Thousands, "EUR"),
    ] {
        let report = import_sheets(vec![(
            "Balance",
            vec![
                vec![text(unit)],
                vec![Value::Empty, text("2024")],
                vec![text("Total assets"), number(1_000)],
                vec![text("Total equity"), number(400)],
            ],
        )])
        .unwrap();
        assert_eq!(report.unit.scale, scale, "{unit}");
        assert_eq!(report.unit.currency, currency, "{unit}");
    }
    // A crore is ten million, a lakh a hundred thousand.
    assert_eq!(
        bilans_model::Scale::Crores.factor(),
        Decimal::from(10_000_000)
    );
    assert_eq!(bilans_model::Scale::Lakhs.factor(), Decimal::from(100_000));
}
