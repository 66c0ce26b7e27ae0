//! The one library entry point (`bilans_sheets::analyse_file`): what the CLI writes is
//! byte for byte what the library builds (which xtask's `reports_are_fresh` compares,
//! part by part, with what `reports/` holds); `--sheet` repeated
//! reads exactly the sheets named; errors are matched on their kind; and the one number
//! parser serves the KPI card workbook too.

use std::path::Path;

use bilans_model::{LineItem, Period, StatementKind};
use bilans_scoring::kpi::KpiField;
use bilans_sheets::import::{AmountError, ImportOptions};
use bilans_sheets::numbers::NumberError;
use bilans_sheets::{AnalyseOptions, ErrorKind, Overwrite, SheetsError, TextFormat, analyse_file};

use crate::support::{fixture, project_root, run_bilans};

/// The library's analysis of a fixture, named as the CLI names it when run from the
/// project root with the relative path.
fn analysed(relative: &str, sheets: &[&str]) -> Result<bilans_sheets::AnalysedFile, SheetsError> {
    let options = AnalyseOptions {
        import: ImportOptions {
            sheets: sheets.iter().map(|sheet| (*sheet).to_owned()).collect(),
            ..ImportOptions::default()
        },
        input_name: Some(relative.to_owned()),
        ..AnalyseOptions::default()
    };
    analyse_file(&project_root().join(relative), &options)
}

/// Byte for byte on one machine; the committed `reports/` are compared with the
/// library's output part by part by xtask's `reports_are_fresh` (deflate output differs
/// between machines), so a test here comparing them by bytes would fail on another CPU.
#[test]
fn the_cli_writes_what_the_library_builds() {
    let folder = tempfile::tempdir().unwrap();
    for relative in [
        "fixtures/workbooks/seed004_pl.xlsx",
        "fixtures/workbooks/seed004_en.xls",
    ] {
        let output = folder.path().join("out.xlsx");
        let (code, _, error) = run_bilans(&[
            "analyse",
            relative,
            "-o",
            output.to_str().unwrap(),
            "--force",
        ]);
        assert_eq!(code, 0, "{error}");
        let written = std::fs::read(&output).unwrap();
        let built = analysed(relative, &[])
            .unwrap()
            .company_workbook(0)
            .unwrap()
            .save_to_buffer()
            .unwrap();
        assert!(
            written == built,
            "{relative}: the CLI and the library differ"
        );
    }
    let output = folder.path().join("panel.xlsx");
    let relative = "fixtures/workbooks/long_table.xlsx";
    let (code, _, error) = run_bilans(&[
        "analyse",
        relative,
        "--panel",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{error}");
    let built = analysed(relative, &[])
        .unwrap()
        .panel_workbook()
        .unwrap()
        .save_to_buffer()
        .unwrap();
    assert!(
        std::fs::read(&output).unwrap() == built,
        "{relative}: the CLI's panel workbook and the library's differ"
    );
}

#[test]
fn the_cli_prints_the_library_text_outputs() {
    let relative = "fixtures/workbooks/seed004_pl.xlsx";
    let library = analysed(relative, &[]).unwrap();
    for (format, text_format) in [
        ("md", TextFormat::Markdown),
        ("json", TextFormat::Json),
        ("csv", TextFormat::Csv),
    ] {
        let (code, printed, error) = run_bilans(&["analyse", relative, "--format", format]);
        assert_eq!(code, 0, "{error}");
        let expected = library.text(text_format).unwrap();
        assert_eq!(printed.trim_end(), expected.trim_end(), "{format}");
    }
}

/// The statements a company's amounts come from, and the sheets.
fn statements_and_sheets(
    analysed: &bilans_sheets::AnalysedFile,
) -> (Vec<StatementKind>, Vec<String>) {
    let statements = &analysed.analyses[0].statements;
    let mut kinds = Vec::new();
    let mut sheets = Vec::new();
    for items in statements.periods.values() {
        for (item, amount) in items {
            let kind = item.info().statement;
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
            if let Some(source) = &amount.source
                && !sheets.contains(&source.sheet)
            {
                sheets.push(source.sheet.clone());
            }
        }
    }
    kinds.sort();
    sheets.sort();
    (kinds, sheets)
}

#[test]
fn repeated_sheets_are_read_exactly_and_as_one_company() {
    let relative = "fixtures/workbooks/three_statements_en.xlsx";
    let all = analysed(relative, &[]).unwrap();
    let two = analysed(relative, &["Income statement", "Balance sheet"]).unwrap();
    assert_eq!(two.analyses.len(), 1);
    let (kinds, sheets) = statements_and_sheets(&two);
    assert_eq!(sheets, ["Balance sheet", "Income statement"]);
    assert!(
        !kinds.contains(&StatementKind::CashFlowStatement),
        "{kinds:?}"
    );
    let (all_kinds, all_sheets) = statements_and_sheets(&all);
    assert!(
        all_kinds.contains(&StatementKind::CashFlowStatement),
        "{all_kinds:?}"
    );
    assert_eq!(all_sheets.len(), 3);
    let one = analysed(relative, &["Cash flows"]).unwrap();
    let (_, sheets) = statements_and_sheets(&one);
    assert_eq!(sheets, ["Cash flows"]);
}

#[test]
fn a_missing_sheet_is_named_with_the_sheets_present() {
    let relative = "fixtures/workbooks/three_statements_en.xlsx";
    let error = analysed(relative, &["Balance sheet", "Notes"]).unwrap_err();
    match error.kind() {
        Some(ErrorKind::NoSuchSheet { name, present }) => {
            assert_eq!(&**name, "Notes");
            assert_eq!(
                present.as_ref(),
                ["Balance sheet", "Income statement", "Cash flows"]
            );
        }
        other => panic!("expected NoSuchSheet, got {other:?}"),
    }
    let (code, printed, message) = run_bilans(&[
        "analyse",
        relative,
        "--sheet",
        "Balance sheet",
        "--sheet",
        "Notes",
        "--format",
        "md",
    ]);
    assert_eq!(code, 1);
    assert!(printed.is_empty());
    assert_eq!(
        message.trim_end(),
        format!(
            "error: {relative}: no sheet named `Notes` (the sheets are: Balance sheet, Income statement, Cash flows)"
        )
    );
}

#[test]
fn error_kinds_can_be_matched() {
    let kind_of = |relative: &str| {
        let error = analyse_file(&fixture(relative), &AnalyseOptions::default()).unwrap_err();
        error.kind().cloned()
    };
    assert!(matches!(
        kind_of("bad/no_line_items.xlsx"),
        Some(ErrorKind::NoLineItems { sheets }) if sheets == ["Dane"]
    ));
    assert_eq!(kind_of("bad/password.xlsx"), Some(ErrorKind::Encrypted));
    assert!(matches!(
        kind_of("bad/not_a_spreadsheet.xlsx"),
        Some(ErrorKind::NotAWorkbook(_))
    ));
    assert!(matches!(
        kind_of("bad/notes.txt"),
        Some(ErrorKind::NotAWorkbook(_))
    ));
    assert!(matches!(
        kind_of("bad/corrupt.xlsx"),
        Some(ErrorKind::Corrupt(_))
    ));
    assert!(matches!(
        kind_of("bad/mapping_not_toml.toml"),
        Some(ErrorKind::Toml(_))
    ));
    let Some(ErrorKind::BadAmount {
        reason,
        item,
        period,
    }) = kind_of("bad/text_not_number.xlsx")
    else {
        panic!("expected BadAmount");
    };
    assert!(matches!(
        *reason,
        AmountError::Number(NumberError::NotANumber { .. })
    ));
    assert_eq!((item, period), (LineItem::Inventories, Period::year(2002)));
    for (relative, expected) in [
        ("bad/percent_in_amount.xlsx", "percentage"),
        ("bad/bad_grouping.xlsx", "groups"),
        ("bad/error_cell.xlsx", "untrusted"),
        ("bad/date_in_amount.xlsx", "date"),
    ] {
        let reason = match kind_of(relative) {
            Some(ErrorKind::BadAmount { reason, .. }) => match *reason {
                AmountError::Number(NumberError::Percentage { .. }) => "percentage",
                AmountError::Number(NumberError::Groups { .. }) => "groups",
                AmountError::Untrusted(_) => "untrusted",
                AmountError::Date => "date",
                _ => "another reason",
            },
            _ => "another kind",
        };
        assert_eq!(reason, expected, "{relative}");
    }
}

/// A KPI card workbook whose first KPI's weight is the text `weight`.
fn card_with_weight(folder: &Path, weight: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("kpi/example_card.toml")).unwrap();
    let mut input = bilans_sheets::kpi::card_input_from_toml(&text, "example_card.toml").unwrap();
    input.kpis[0]
        .fields
        .insert(KpiField::Weight, weight.to_owned());
    let path = folder.join(format!("card_{}.xlsx", input.kpis.len()));
    let _ = std::fs::remove_file(&path);
    bilans_sheets::kpi::write_input_workbook(&input, &path, Overwrite::Never).unwrap();
    path
}

#[test]
fn card_workbooks_read_numbers_with_the_one_parser() {
    let folder = tempfile::tempdir().unwrap();
    // `0,5` is written as text (it is not a plain decimal) and read as 0.5.
    let path = card_with_weight(folder.path(), "0,5");
    let card = bilans_sheets::kpi::read_card_workbook(&path).unwrap();
    assert_eq!(card.kpis[0].weight().to_string(), "0.5");
    // `1,250` could be 1250 or 1.250: refused, naming the cell and both readings.
    let path = card_with_weight(folder.path(), "1,250");
    let error = bilans_sheets::kpi::read_card_workbook(&path).unwrap_err();
    match &error {
        SheetsError::AtCell { sheet, kind, .. } => {
            assert_eq!(sheet, "KPI");
            assert!(
                matches!(
                    kind,
                    ErrorKind::Number(number) if matches!(**number, NumberError::Ambiguous { .. })
                ),
                "{kind:?}"
            );
        }
        other => panic!("expected an error at a cell, got {other:?}"),
    }
    assert!(error.to_string().contains("`1,250` is ambiguous: 1250 if `,` groups thousands, 1.250 if it is the decimal separator"), "{error}");
}
