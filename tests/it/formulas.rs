//! Integration tests: formulas without cached values, as scripts write them
//! (rust_xlsxwriter with an empty default result: `<f>` and an empty `<v>`). Arithmetic
//! over cells is evaluated, in decimals, and the note says so; any other formula, and a
//! cycle, stop the import with the file, sheet, cell and formula; a cached value is
//! used as it is.

use std::path::{Path, PathBuf};

use bilans_model::{LineItem, Period, Statements};
use bilans_sheets::import::{ImportNote, ImportOptions, ImportReport, import_file};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Formula, Workbook};

use crate::support::run_bilans;

/// A balance sheet for 2024 whose totals are formulas: current assets `=SUM(B3:B5)`,
/// fixed assets on another sheet, total assets `=B6+B7`, equity `=B8-B9`. `totals`
/// replaces the formulas of B6, B7, B8 and B10 where given; `cached` stores the result
/// of the formula of B6.
struct Shape<'a> {
    totals: [(&'a str, &'a str); 4],
    cached: Option<&'a str>,
}

const TOTALS: [(&str, &str); 4] = [
    ("B6", "=SUM(B3:B5)"),
    ("B7", "='Fixed assets, net'!$C$4"),
    ("B8", "=B6+B7"),
    ("B10", "=B8-B9"),
];

fn write(folder: &Path, shape: &Shape<'_>) -> PathBuf {
    let path = folder.join("scripted.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Balance").unwrap();
    sheet.set_formula_result_default("");
    sheet.write_string(1, 0, "Item").unwrap();
    sheet.write_number(1, 1, 2024).unwrap();
    let lines = [
        (2, "Inventories", Some(100.25)),
        (3, "Trade receivables", Some(200.5)),
        (4, "Cash and cash equivalents", Some(0.1)),
        (5, "Total current assets", None),
        (6, "Property, plant and equipment", None),
        (7, "Total assets", None),
        (8, "Total current liabilities", Some(300.0)),
        (9, "Total equity", None),
    ];
    for (row, label, value) in lines {
        sheet.write_string(row, 0, label).unwrap();
        if let Some(value) = value {
            sheet.write_number(row, 1, value).unwrap();
        }
    }
    for (cell, formula) in shape.totals {
        let row: u32 = cell[1..].parse::<u32>().unwrap() - 1;
        let mut formula = Formula::new(formula);
        if cell == "B6"
            && let Some(result) = shape.cached
        {
            formula = formula.set_result(result);
        }
        sheet.write_formula(row, 1, formula).unwrap();
    }
    let fixed = workbook
        .add_worksheet()
        .set_name("Fixed assets, net")
        .unwrap();
    fixed.write_number(3, 2, 650.0).unwrap();
    workbook.save(&path).unwrap();
    path
}

fn import(path: &Path) -> Result<ImportReport, String> {
    import_file(path, &ImportOptions::default()).map_err(|error| error.to_string())
}

fn amount(statements: &Statements, item: LineItem) -> Decimal {
    statements.periods[&Period::year(2024)][&item].value
}

fn decimal(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn totals_without_cached_values_are_evaluated_with_a_note() {
    let folder = tempfile::tempdir().unwrap();
    let path = write(
        folder.path(),
        &Shape {
            totals: TOTALS,
            cached: None,
        },
    );
    let report = import(&path).unwrap();
    let statements = &report.entities[0];
    assert_eq!(
        amount(statements, LineItem::CurrentAssets),
        decimal("300.85")
    );
    assert_eq!(amount(statements, LineItem::TotalAssets), decimal("950.85"));
    assert_eq!(amount(statements, LineItem::Equity), decimal("650.85"));
    let evaluated: Vec<String> = report
        .notes
        .iter()
        .filter(|note| matches!(note, ImportNote::Evaluated { .. }))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        evaluated,
        [
            "Balance!B6: evaluated =SUM(B3:B5) (no cached value) = 300.85",
            "Balance!B7: evaluated ='Fixed assets, net'!$C$4 (no cached value) = 650",
            "Balance!B8: evaluated =B6+B7 (no cached value) = 950.85",
            "Balance!B10: evaluated =B8-B9 (no cached value) = 650.85",
        ]
    );
}

#[test]
fn a_cached_value_is_used_as_it_is() {
    let folder = tempfile::tempdir().unwrap();
    let path = write(
        folder.path(),
        &Shape {
            totals: TOTALS,
            cached: Some("301"),
        },
    );
    let report = import(&path).unwrap();
    let statements = &report.entities[0];
    assert_eq!(amount(statements, LineItem::CurrentAssets), decimal("301"));
    // B8 refers to B6: it takes B6's cached value.
    assert_eq!(amount(statements, LineItem::TotalAssets), decimal("951"));
    assert!(
        !report
            .notes
            .iter()
            .any(|note| note.to_string().starts_with("Balance!B6:")),
        "{:?}",
        report.notes
    );
}

#[test]
fn other_functions_and_cycles_stop_with_the_cell_and_its_formula() {
    let cases = [
        (
            [
                TOTALS[0],
                TOTALS[1],
                ("B8", "=VLOOKUP(A8,A3:B7,2,FALSE)"),
                TOTALS[3],
            ],
            "sheet `Balance`, cell B8: the cell holds the formula =VLOOKUP(A8,A3:B7,2,FALSE) with no cached value: bilans evaluates only arithmetic over cells, and it uses the function VLOOKUP; open and save the workbook in a spreadsheet so it stores the values",
        ),
        (
            [("B6", "=B8-B7"), TOTALS[1], TOTALS[2], TOTALS[3]],
            "sheet `Balance`, cell B6: the cell holds the formula =B8-B7 with no cached value: bilans evaluates only arithmetic over cells, and it refers back to itself, a cycle: Balance!B6 → Balance!B8 → Balance!B6",
        ),
        (
            [TOTALS[0], ("B7", "=Missing!C4"), TOTALS[2], TOTALS[3]],
            "cell B7: the cell holds the formula =Missing!C4 with no cached value: bilans evaluates only arithmetic over cells, and it refers to the sheet `Missing`, which the workbook does not have",
        ),
    ];
    for (totals, expected) in cases {
        let folder = tempfile::tempdir().unwrap();
        let path = write(
            folder.path(),
            &Shape {
                totals,
                cached: None,
            },
        );
        let shown = path.display().to_string();
        let error = import(&path).unwrap_err();
        assert!(error.starts_with(&shown), "{error}");
        assert!(error.contains(expected), "{error}");
        let (code, stdout, stderr) = run_bilans(&["import", &shown]);
        assert_eq!(code, 1, "{stdout}");
        assert!(stderr.contains(expected), "{stderr}");
    }
}
