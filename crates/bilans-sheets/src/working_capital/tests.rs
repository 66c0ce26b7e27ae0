//! Tests of the "Working capital" sheet: written, saved and read back with calamine.

use bilans_model::{Entity, LineItem, Period, Statements, Unit};
use bilans_ratios::working_capital::WorkingCapitalConfig;
use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

use crate::working_capital::{SHEET_NAME, write_working_capital_sheet};
use crate::{Overwrite, save_workbook};

fn statements() -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("RUB"));
    let rows = [
        (LineItem::TotalAssets, 1100),
        (LineItem::CurrentAssets, 600),
        (LineItem::CurrentLiabilities, 350),
        (LineItem::ShortTermDebt, 20),
        (LineItem::Inventories, 200),
        (LineItem::Receivables, 250),
        (LineItem::TradePayables, 150),
        (LineItem::Revenue, 1000),
        (LineItem::CostOfSales, 720),
        (LineItem::OperatingResult, 200),
    ];
    for (item, value) in rows {
        statements.set(Period::year(2001), item, Decimal::from(value));
    }
    statements
}

/// The row whose first cell is `label`, as (formula-or-empty, cached value) in column B.
fn row_of(path: &std::path::Path, label: &str) -> (String, Data) {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let values = workbook.worksheet_range(SHEET_NAME).unwrap();
    let formulas = workbook.worksheet_formula(SHEET_NAME).unwrap();
    let (row, _) = values
        .rows()
        .enumerate()
        .find(|(_, cells)| cells.first() == Some(&Data::String(label.to_owned())))
        .unwrap();
    let row = u32::try_from(row).unwrap();
    let value = values.get_value((row, 1)).cloned().unwrap();
    let formula = formulas.get_value((row, 1)).cloned().unwrap_or_default();
    (formula, value)
}

#[test]
fn measures_are_live_formulas_with_cached_values_and_policies_are_text() {
    let mut workbook = Workbook::new();
    write_working_capital_sheet(
        &mut workbook,
        &statements(),
        &WorkingCapitalConfig::default(),
    )
    .unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("wc.xlsx");
    save_workbook(&mut workbook, &path, Overwrite::Never).unwrap();

    // Broad FEP = 600 − 350 = 250, over the copied line items.
    let (formula, value) = row_of(&path, "financial-operating needs, broad (FEP)");
    assert_eq!(value, Data::Float(250.0));
    assert!(formula.contains('-'), "{formula}");
    // Broad FEP in days refers to the share's cell: 250 / 1 000 × 360 = 90.
    let (_, value) = row_of(&path, "broad FEP in days of revenue");
    assert_eq!(value, Data::Float(90.0));
    // 600 / 1 100 = 54.5 % of current assets: aggressive; 20 / 1 100 = 1.8 % of
    // short-term credit: conservative; together not compatible.
    let (_, value) = row_of(&path, "current-asset policy");
    assert_eq!(value, Data::String("aggressive".to_owned()));
    let (_, value) = row_of(&path, "combined policy (Table 8)");
    assert_eq!(value, Data::String("not compatible".to_owned()));
}

#[test]
fn missing_items_are_reported_in_place_of_values() {
    let mut statements = statements();
    statements.periods.values_mut().for_each(|items| {
        items.remove(&LineItem::TradePayables);
    });
    let mut workbook = Workbook::new();
    write_working_capital_sheet(&mut workbook, &statements, &WorkingCapitalConfig::default())
        .unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("wc.xlsx");
    save_workbook(&mut workbook, &path, Overwrite::Never).unwrap();
    let (_, value) = row_of(&path, "financial-operating needs, narrow (FEP)");
    assert_eq!(
        value,
        Data::String("n/c: trade payables is missing in 2001".to_owned())
    );
}

#[test]
fn a_second_sheet_of_the_same_name_is_an_error_naming_the_sheet() {
    let mut workbook = Workbook::new();
    let config = WorkingCapitalConfig::default();
    write_working_capital_sheet(&mut workbook, &statements(), &config).unwrap();
    let error = write_working_capital_sheet(&mut workbook, &statements(), &config).unwrap_err();
    assert!(error.to_string().contains("Working capital"), "{error}");
}
