//! Inputs a mutation fuzzer makes: sheets of thousands of identical rows, many
//! companies, company names and labels that no sheet name, file name or cell can hold.
//! Each workbook is generated here, small enough to run in a second or two; the
//! outcomes are asserted, never the time (a quadratic scan would not finish).

use std::path::Path;
use std::time::{Duration, SystemTime};

use bilans_model::{LineItem, Period};
use bilans_sheets::import::{ImportOptions, import_file};
use calamine::{Data, Reader, open_workbook_auto};
use rust_decimal::Decimal;

use crate::support::{analyse_into, run_bilans};

/// A long table (`Company | Item | 2001`) holding, for each company, its total assets,
/// revenue and one row whose label is not recognised.
fn write_long_table(path: &Path, companies: &[String], unrecognised_label: &str) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in ["Company", "Item", "2001"].into_iter().enumerate() {
        sheet.write_string(0, column as u16, header).unwrap();
    }
    let mut row = 1;
    for company in companies {
        for (label, value) in [
            ("Total assets", 100.0),
            ("Revenue", 50.0),
            (unrecognised_label, 7.0),
        ] {
            sheet.write_string(row, 0, company).unwrap();
            sheet.write_string(row, 1, label).unwrap();
            sheet.write_number(row, 2, value).unwrap();
            row += 1;
        }
    }
    workbook.save(path).unwrap();
}

/// The rows of `sheet` in the workbook at `path`, as text.
fn sheet_rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut workbook = open_workbook_auto(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| row.iter().map(Data::to_string).collect())
        .collect()
}

fn file_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_workbook_of_twenty_thousand_identical_label_rows_is_read() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("repeated.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Item").unwrap();
    sheet.write_string(0, 1, "2001").unwrap();
    for row in 1..=20_000 {
        sheet.write_string(row, 0, "Total assets").unwrap();
        sheet.write_number(row, 1, 10.0).unwrap();
    }
    workbook.save(&path).unwrap();
    let report = import_file(&path, &ImportOptions::default()).unwrap();
    let amount = report.entities[0]
        .amount(Period::year(2001), LineItem::TotalAssets)
        .unwrap();
    assert_eq!(amount.value, Decimal::from(10));
    assert_eq!(amount.source.as_ref().unwrap().cell, "B2");
}

#[test]
fn a_company_workbook_does_not_grow_with_the_other_companies() {
    let folder = tempfile::tempdir().unwrap();
    let checks_of_first = |n_companies: usize| {
        let companies: Vec<String> = (0..n_companies)
            .map(|company_idx| format!("Company {company_idx}"))
            .collect();
        let run = folder.path().join(format!("run{n_companies}"));
        std::fs::create_dir(&run).unwrap();
        let input = run.join("panel.xlsx");
        write_long_table(&input, &companies, "Mystery");
        let output = run.join("out");
        let (code, error) = analyse_into(&input, &output, &[]);
        assert_eq!(code, 0, "{error}");
        assert_eq!(file_names(&output).len(), n_companies);
        // The input's path differs between the runs, as it should.
        let run = run.display().to_string();
        let rows = sheet_rows(&output.join("panel.Company 0.xlsx"), "Checks");
        rows.into_iter()
            .map(|row| row.iter().map(|cell| cell.replace(&run, "RUN")).collect())
            .collect::<Vec<Vec<String>>>()
    };
    let few = checks_of_first(2);
    let many = checks_of_first(12);
    assert_eq!(few, many);
    let notes: Vec<&str> = few.iter().map(|row| row[3].as_str()).collect();
    assert!(
        notes.iter().any(|note| note.contains("B4 `Mystery`")),
        "{notes:?}"
    );
    assert!(
        notes.iter().all(|note| !note.contains("Company 1")),
        "{notes:?}"
    );
}

#[test]
fn names_and_labels_no_sheet_file_or_cell_can_hold_are_made_to_fit() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("names.xlsx");
    let long_name = "y".repeat(32_700);
    let companies = [
        "Be\u{0}ta".to_owned(),
        "x".repeat(40),
        "a<b>|c\"d/e".to_owned(),
        long_name.clone(),
    ];
    // The label fits in a cell, but not the note that quotes it.
    write_long_table(&input, &companies, &"z".repeat(32_700));
    let output = folder.path().join("out");
    std::fs::create_dir(&output).unwrap();
    // A temporary file of a run killed two hours ago, and a concurrent run's live one.
    let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
    let stale = output.join(".bilans-St4le0.tmp");
    std::fs::File::create(&stale)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    std::fs::write(output.join(".bilans-L1ve00.tmp"), b"").unwrap();
    let (code, error) = analyse_into(&input, &output, &[]);
    assert_eq!(code, 0, "{error}");
    let y31 = "y".repeat(31);
    let x31 = "x".repeat(31);
    let expected = [
        ".bilans-L1ve00.tmp".to_owned(),
        "names.Be_ta.xlsx".to_owned(),
        "names.a_b__c_d_e.xlsx".to_owned(),
        format!("names.{x31}.xlsx"),
        format!("names.{y31}.xlsx"),
    ];
    assert_eq!(file_names(&output), expected);
    let checks = sheet_rows(&output.join(format!("names.{y31}.xlsx")), "Checks");
    let cut = checks
        .iter()
        .find(|row| row[3].starts_with("not recognised"))
        .unwrap();
    assert!(cut[3].ends_with("characters in all]"), "{}", &cut[3][..80]);
    let summary = sheet_rows(&output.join(format!("names.{y31}.xlsx")), "Summary");
    assert!(summary[0][0].starts_with("bilans analysis: yyy"));
    let panel = folder.path().join("panel.xlsx");
    let (code, _, error) = run_bilans(&[
        "analyse",
        input.to_str().unwrap(),
        "--panel",
        "-o",
        panel.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{error}");
    let sheets = open_workbook_auto(&panel).unwrap().sheet_names();
    assert_eq!(&sheets[1..5], ["Be_ta", &x31, "a<b>|c\"d_e", &y31]);
}

#[test]
fn an_existing_output_stops_the_set_of_company_workbooks_before_any_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("panel.xlsx");
    write_long_table(&input, &["Alfa".to_owned(), "Beta".to_owned()], "Mystery");
    let output = folder.path().join("out");
    std::fs::create_dir(&output).unwrap();
    std::fs::write(output.join("panel.Beta.xlsx"), b"earlier").unwrap();
    let (code, error) = analyse_into(&input, &output, &[]);
    assert_eq!(code, 1);
    assert!(
        error.contains("panel.Beta.xlsx already exists") && error.contains("no workbook"),
        "{error}"
    );
    assert_eq!(file_names(&output), ["panel.Beta.xlsx"]);
    assert_eq!(
        std::fs::read(output.join("panel.Beta.xlsx")).unwrap(),
        b"earlier"
    );
}
