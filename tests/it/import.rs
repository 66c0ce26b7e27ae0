//! Integration tests: import. Every seed 004 fixture shape is imported and compared
//! exactly with Table 1 as transcribed in `fixtures/seeds/seed004_dupont.toml`; every
//! amount's source cell is read back with calamine; every bad-input case gives a
//! located error, a non-zero exit and an untouched file.

use std::path::{Path, PathBuf};

use bilans_model::{LineItem, Period, Scale, Statements};
use bilans_ratios::seed004::PublishedSeed;
use bilans_sheets::import::{ImportNote, ImportOptions, ImportReport, Mapping, Need, import_file};
use calamine::{Data, Reader, open_workbook_auto};
use rust_decimal::Decimal;

use crate::support::{fixture, run_bilans};

/// Table 1 of seed 004: (period, item) → amount, read from the transcription.
fn table1() -> Vec<(Period, LineItem, Decimal)> {
    let text = std::fs::read_to_string(fixture("seeds/seed004_dupont.toml")).unwrap();
    let seed: PublishedSeed = toml::from_str(&text).unwrap();
    let mut cells = Vec::new();
    for input in &seed.inputs {
        for (year, value) in seed.periods.iter().zip(&input.values) {
            cells.push((Period::year(*year), input.item, *value));
        }
    }
    cells
}

fn import(relative: &str, options: &ImportOptions) -> ImportReport {
    import_file(&fixture(relative), options).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// Asserts that `statements` hold exactly the Table 1 amounts of `periods` (and, for
/// `extra`, nothing else but those items).
fn assert_table1(statements: &Statements, periods: &[i32], extra: &[LineItem]) {
    let expected: Vec<_> = table1()
        .into_iter()
        .filter(|(period, _, _)| periods.iter().any(|year| Period::year(*year) == *period))
        .collect();
    for (period, item, value) in &expected {
        assert_eq!(
            statements.get(*period, *item),
            Some(*value),
            "{} {period} {item}",
            statements.entity.name
        );
    }
    let n_amounts: usize = statements.periods.values().map(|items| items.len()).sum();
    let n_extra: usize = statements
        .periods
        .values()
        .map(|items| items.keys().filter(|item| extra.contains(item)).count())
        .sum();
    assert_eq!(
        n_amounts,
        expected.len() + n_extra,
        "{}: unexpected amounts",
        statements.entity.name
    );
    let listed: Vec<Period> = periods.iter().map(|year| Period::year(*year)).collect();
    assert_eq!(statements.period_list(), listed);
}

/// Reads every amount's source cell back with calamine and checks it holds the amount.
fn assert_provenance(report: &ImportReport, path: &Path) {
    let mut workbook = open_workbook_auto(path).unwrap();
    for statements in &report.entities {
        for items in statements.periods.values() {
            for amount in items.values() {
                let source = amount.source.as_ref().expect("every amount has a source");
                assert_eq!(source.file, path.display().to_string());
                let range = workbook.worksheet_range(&source.sheet).unwrap();
                let (row, col) = parse_cell(&source.cell);
                let cell = range.get_value((row, col)).cloned().unwrap_or(Data::Empty);
                let digits =
                    |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
                match cell {
                    Data::Float(number) => {
                        assert_eq!(Decimal::try_from(number).unwrap(), amount.value, "{source}")
                    }
                    Data::Int(number) => {
                        assert_eq!(Decimal::from(number), amount.value, "{source}")
                    }
                    Data::String(text) => {
                        let wanted = digits(&amount.value.abs().normalize().to_string());
                        assert!(
                            digits(&text).starts_with(&wanted) || text.trim() == "-",
                            "{source}: `{text}` vs {}",
                            amount.value
                        );
                    }
                    other => panic!("{source}: {other:?}"),
                }
            }
        }
    }
}

fn parse_cell(cell: &str) -> (u32, u32) {
    let split = cell.find(|c: char| c.is_ascii_digit()).unwrap();
    let col = cell[..split]
        .chars()
        .fold(0, |acc, c| acc * 26 + (u32::from(c) - u32::from('A') + 1))
        - 1;
    (cell[split..].parse::<u32>().unwrap() - 1, col)
}

const ALL_YEARS: [i32; 6] = [2001, 2002, 2003, 2004, 2005, 2006];

#[test]
fn every_single_company_shape_gives_exactly_table1() {
    let mapping = Mapping::load(&fixture("workbooks/custom_labels.mapping.toml")).unwrap();
    let with_mapping = ImportOptions {
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let plain = ImportOptions::default();
    let shapes: [(&str, &ImportOptions, &[LineItem]); 10] = [
        ("workbooks/seed004_pl.xlsx", &plain, &[]),
        ("workbooks/seed004_pl.xlsm", &plain, &[]),
        ("workbooks/seed004_ru_transposed.ods", &plain, &[]),
        ("workbooks/seed004_en.xls", &plain, &[]),
        (
            "workbooks/two_blocks.xlsx",
            &plain,
            &[LineItem::LongTermLiabilities],
        ),
        ("workbooks/statements_on_sheets.xlsx", &plain, &[]),
        ("workbooks/ru_form_codes.xlsx", &plain, &[]),
        ("workbooks/ua_form_codes.xlsx", &plain, &[]),
        ("workbooks/custom_labels.xlsx", &with_mapping, &[]),
        (
            "workbooks/seed004_pl.xlsx",
            &ImportOptions {
                sheets: vec!["Tabela 1".to_owned()],
                ..ImportOptions::default()
            },
            &[],
        ),
    ];
    for (relative, options, extra) in shapes {
        let report = import(relative, options);
        assert_eq!(report.entities.len(), 1, "{relative}");
        assert_table1(&report.entities[0], &ALL_YEARS, extra);
        assert_eq!(report.unit.scale, Scale::Thousands, "{relative}");
        assert_eq!(report.unit.currency, "PLN", "{relative}");
        assert_provenance(&report, &fixture(relative));
    }
}

#[test]
fn transposed_and_english_shapes_are_detected_as_such() {
    let report = import(
        "workbooks/seed004_ru_transposed.ods",
        &ImportOptions::default(),
    );
    assert_eq!(
        report.sheets[0].layout,
        bilans_sheets::import::Layout::ItemsInColumns
    );
    let report = import("workbooks/seed004_en.xls", &ImportOptions::default());
    assert_eq!(
        report.sheets[0].layout,
        bilans_sheets::import::Layout::ItemsInRows
    );
}

#[test]
fn companies_in_a_column_or_as_sheets_become_separate_entities() {
    for relative in [
        "workbooks/long_table.xlsx",
        "workbooks/companies_as_sheets.xlsx",
    ] {
        let report = import(relative, &ImportOptions::default());
        let names: Vec<&str> = report
            .entities
            .iter()
            .map(|statements| statements.entity.name.as_str())
            .collect();
        assert_eq!(names, ["Grupa A", "Grupa B"], "{relative}");
        assert_table1(&report.entities[0], &ALL_YEARS[..3], &[]);
        assert_table1(&report.entities[1], &ALL_YEARS[3..], &[]);
        assert_provenance(&report, &fixture(relative));
    }
}

#[test]
fn one_sheet_of_several_companies_is_one_entity() {
    let options = ImportOptions {
        sheets: vec!["Grupa B".to_owned()],
        entity: Some("B".to_owned()),
        ..ImportOptions::default()
    };
    let report = import("workbooks/companies_as_sheets.xlsx", &options);
    assert_eq!(report.entities.len(), 1);
    assert_eq!(report.entities[0].entity.name, "B");
    assert_table1(&report.entities[0], &ALL_YEARS[3..], &[]);
}

#[test]
fn two_blocks_read_dashes_as_zero_and_list_what_they_skip() {
    let report = import("workbooks/two_blocks.xlsx", &ImportOptions::default());
    let statements = &report.entities[0];
    for year in ALL_YEARS {
        assert_eq!(
            statements.get(Period::year(year), LineItem::LongTermLiabilities),
            Some(Decimal::ZERO)
        );
    }
    let skipped: Vec<(&str, &str)> = report
        .unrecognised
        .iter()
        .map(|skipped| (skipped.source.cell.as_str(), skipped.text.as_str()))
        .collect();
    assert_eq!(skipped, [("A15", "Liczba pracowników")]);
}

#[test]
fn a_mapping_ignore_silences_a_row_and_declares_the_unit() {
    let mapping = Mapping::load(&fixture("workbooks/custom_labels.mapping.toml")).unwrap();
    let options = ImportOptions {
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let report = import("workbooks/custom_labels.xlsx", &options);
    assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
    assert_eq!(
        report.unit_origin,
        bilans_sheets::import::UnitOrigin::Declared
    );
    assert_eq!(report.entities[0].entity.name, "Spółki rolno-spożywcze");
    let liabilities = report.entities[0]
        .amount(Period::year(2001), LineItem::CurrentLiabilities)
        .unwrap();
    assert_eq!(liabilities.source.as_ref().unwrap().cell, "B7");
}

#[test]
fn a_missing_item_some_work_needs_is_a_finding_not_an_error() {
    let options = ImportOptions {
        needs: vec![
            Need {
                name: "return_on_sales".to_owned(),
                items: vec![LineItem::NetIncome, LineItem::Revenue],
            },
            Need {
                name: "asset_turnover".to_owned(),
                items: vec![LineItem::Revenue, LineItem::TotalAssets],
            },
            Need {
                name: "current_ratio".to_owned(),
                items: vec![LineItem::CurrentAssets, LineItem::CurrentLiabilities],
            },
        ],
        ..ImportOptions::default()
    };
    let report = import("bad/missing_revenue.xlsx", &options);
    assert_eq!(report.missing.len(), 1);
    let missing = &report.missing[0];
    assert_eq!(missing.item, LineItem::Revenue);
    assert_eq!(missing.blocks, ["return_on_sales", "asset_turnover"]);
    assert_eq!(missing.periods, [Period::year(2001), Period::year(2002)]);
}

#[test]
fn a_declared_unit_settles_contradicting_unit_cells() {
    let options = ImportOptions {
        scale: Some(Scale::Thousands),
        ..ImportOptions::default()
    };
    let report = import("bad/conflicting_units.xlsx", &options);
    assert_eq!(report.unit.scale, Scale::Thousands);
    assert!(
        report
            .notes
            .iter()
            .map(ToString::to_string)
            .any(|note| note.contains("Dane!A2") && note.contains("mln zł")),
        "{:?}",
        report.notes
    );
}

/// Each bad input: the file, extra CLI arguments, and what the message must name.
const BAD_INPUTS: &[(&str, &[&str], &[&str])] = &[
    ("bad/not_a_spreadsheet.xlsx", &[], &["not a spreadsheet"]),
    ("bad/notes.txt", &[], &["not a spreadsheet"]),
    ("bad/corrupt.xlsx", &[], &["corrupt"]),
    ("bad/not_really.xlsb", &[], &["corrupt", "Xlsb"]),
    ("bad/password.xlsx", &[], &["password-protected"]),
    (
        "bad/no_line_items.xlsx",
        &[],
        &["no line item label recognised", "sheets: Dane"],
    ),
    (
        "bad/no_period_header.xlsx",
        &[],
        // `Rok bieżący` needs the reporting year from a title, and the sheet has none:
        // the error is at the header cell.
        &["sheet `Dane`, cell B1", "relative to the reporting date"],
    ),
    (
        "bad/text_not_number.xlsx",
        &[],
        &[
            "sheet `Dane`, cell C4",
            "`12a` is not a number",
            "inventories",
        ],
    ),
    (
        "bad/bad_grouping.xlsx",
        &[],
        &["sheet `Dane`, cell C2", "`3 15 236` is not a number"],
    ),
    (
        "bad/percent_in_amount.xlsx",
        &[],
        &["sheet `Dane`, cell C7", "percentage"],
    ),
    (
        "bad/error_cell.xlsx",
        &[],
        &["sheet `Dane`, cell B3", "#DIV/0!"],
    ),
    (
        "bad/date_in_amount.xlsx",
        &[],
        &[
            "sheet `Dane`, cell C5",
            "a date where an amount is expected",
        ],
    ),
    (
        "bad/boolean_in_amount.xlsx",
        &[],
        &["sheet `Dane`, cell B6", "logical value TRUE"],
    ),
    (
        "bad/duplicate_period.xlsx",
        &[],
        &["sheet `Dane`, cell C1", "period 2001 appears twice", "B1"],
    ),
    (
        "bad/conflicting_units.xlsx",
        &[],
        &[
            "sheet `Dane`, cell A2",
            "`mln zł` contradicts `tys. zł` at Dane!A1",
        ],
    ),
    (
        "bad/missing_revenue.xlsx",
        &["--require", "revenue"],
        &["sheet `Dane`", "`revenue` is required"],
    ),
    (
        "bad/empty_required_cell.xlsx",
        &["--require", "total_assets,revenue"],
        &["sheet `Dane`, cell C10", "empty", "`revenue`"],
    ),
    (
        "workbooks/seed004_pl.xlsx",
        &["--sheet", "Nope"],
        &["no sheet named `Nope`", "Tabela 1"],
    ),
    (
        "workbooks/custom_labels.xlsx",
        &["--mapping", "fixtures/bad/mapping_unknown_item.toml"],
        &[
            "mapping_unknown_item.toml",
            "field `labels.\"Sprzedaż netto\"`",
            "unknown line item `sales`",
        ],
    ),
    (
        "workbooks/custom_labels.xlsx",
        &["--mapping", "fixtures/bad/mapping_bad_cell.toml"],
        &["mapping_bad_cell.toml", "field `cells.\"Dane!7C\"`"],
    ),
    (
        "workbooks/custom_labels.xlsx",
        &["--mapping", "fixtures/bad/mapping_not_toml.toml"],
        &["mapping_not_toml.toml", "line 1, column 27"],
    ),
    (
        "workbooks/custom_labels.xlsx",
        &["--mapping", "fixtures/bad/mapping_unknown_key.toml"],
        &["mapping_unknown_key.toml", "unknown field `lables`"],
    ),
];

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn every_bad_input_fails_with_a_located_message_and_leaves_the_file_untouched() {
    for (relative, extra, wanted) in BAD_INPUTS {
        let path: PathBuf = fixture(relative);
        let before = file_bytes(&path);
        let shown = format!("fixtures/{relative}");
        let mut args = vec!["import", shown.as_str()];
        args.extend_from_slice(extra);
        let (code, stdout, stderr) = run_bilans(&args);
        assert_ne!(code, 0, "{relative}: exit code");
        assert!(stdout.is_empty(), "{relative}: printed {stdout}");
        assert!(!stderr.contains("panicked"), "{relative}: {stderr}");
        assert!(
            stderr.starts_with("error: fixtures/"),
            "{relative}: {stderr}"
        );
        for fragment in *wanted {
            assert!(
                stderr.contains(fragment),
                "{relative}: `{fragment}` not in {stderr}"
            );
        }
        assert_eq!(file_bytes(&path), before, "{relative} was modified");
    }
}

#[test]
fn bad_inputs_fail_the_same_way_through_the_library() {
    let options = ImportOptions {
        required: vec![LineItem::Revenue],
        ..ImportOptions::default()
    };
    for (relative, wanted) in [
        ("bad/text_not_number.xlsx", "cell C4"),
        ("bad/password.xlsx", "password-protected"),
        ("bad/missing_revenue.xlsx", "`revenue` is required"),
    ] {
        let error = import_file(&fixture(relative), &options)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(wanted) && error.contains(relative),
            "{relative}: {error}"
        );
    }
}

#[test]
fn cli_prints_every_amount_with_its_cell() {
    let (code, stdout, stderr) = run_bilans(&["import", "fixtures/workbooks/seed004_pl.xlsx"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("import_seed004_pl", stdout);
}

#[test]
fn cli_json_gives_the_same_as_data() {
    let (code, stdout, stderr) =
        run_bilans(&["import", "fixtures/workbooks/two_blocks.xlsx", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let assets = &json["entities"][0]["periods"]["2001"]["total_assets"];
    assert_eq!(assets["source"]["sheet"], "Sprawozdanie");
    assert_eq!(assets["source"]["cell"], "B3");
    let value: Decimal = assets["value"].as_str().unwrap().parse().unwrap();
    let expected = table1()
        .into_iter()
        .find(|(period, item, _)| *period == Period::year(2001) && *item == LineItem::TotalAssets);
    assert_eq!(Some(value), expected.map(|(_, _, value)| value));
    assert_eq!(json["unrecognised"][0]["text"], "Liczba pracowników");
    assert_eq!(json["unit"]["scale"], "thousands");
}

/// The English `.xls` fixture with byte `index` flipped by `mask`, as `book.xls` in a
/// fresh folder (mutations found by flipping every byte of the fixture).
fn flipped_xls(index: usize, mask: u8) -> (tempfile::TempDir, PathBuf) {
    let mut bytes = file_bytes(&fixture("workbooks/seed004_en.xls"));
    bytes[index] ^= mask;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("book.xls");
    std::fs::write(&path, bytes).unwrap();
    (folder, path)
}

/// Each mutation: byte, mask, what calamine 0.38 did with it, what the message says.
const XLS_MUTATIONS: &[(usize, u8, &str, &str)] = &[
    (
        1624,
        0x7f,
        "panics at cfb.rs:320",
        "outside the mini stream",
    ),
    (
        3001,
        0xff,
        "panics at xls.rs:633",
        "spreadsheet reader failed at range start index",
    ),
    (
        2512,
        0x01,
        "panics at xls.rs:838",
        "spreadsheet reader failed at index out of bounds",
    ),
    (
        552,
        0x01,
        "follows a looping sector chain until memory runs out",
        "loops back",
    ),
    (
        3726,
        0x01,
        "reserves memory for 16,777,228 rows × 256 columns",
        "declared dimensions",
    ),
];

#[test]
fn one_flipped_byte_in_an_xls_is_a_located_corrupt_file_error() {
    for (index, mask, calamine_did, wanted) in XLS_MUTATIONS {
        let (_folder, path) = flipped_xls(*index, *mask);
        let started = std::time::Instant::now();
        let error = import_file(&path, &ImportOptions::default())
            .unwrap_err()
            .to_string();
        let context = format!("byte {index} ^ {mask:#04x} (calamine {calamine_did})");
        assert!(started.elapsed().as_secs() < 2, "{context}: too slow");
        assert!(
            error.starts_with(&format!("{}: the file is corrupt", path.display())),
            "{context}: {error}"
        );
        assert!(error.contains(wanted), "{context}: {error}");
    }
}

#[test]
fn the_cli_reports_a_corrupt_xls_without_a_panic_message() {
    let (_folder, path) = flipped_xls(3001, 0xff);
    let shown = path.display().to_string();
    let (code, stdout, stderr) = run_bilans(&["import", &shown]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("the file is corrupt: the spreadsheet reader failed at")
            && stderr.contains("xls.rs:633"),
        "{stderr}"
    );
}

#[test]
fn the_cli_refuses_a_sheet_with_cells_at_a1_and_xfd1048576_quickly() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("far.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Dane").unwrap();
    sheet.write_string(0, 0, "Aktywa ogółem").unwrap();
    sheet.write_number(1_048_575, 16_383, 1.0).unwrap();
    workbook.save(&path).unwrap();
    let shown = path.display().to_string();
    let started = std::time::Instant::now();
    let (code, stdout, stderr) = run_bilans(&["import", &shown]);
    assert!(started.elapsed().as_secs() < 5, "too slow");
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("sheet `Dane`, cell XFD1048576: this cell lies far from the others"),
        "{stderr}"
    );
}

/// The same company's three statements in English (IFRS captions, costs negative),
/// Russian (form codes, costs in parentheses, the direct cash-flow method) and Polish
/// (statutory captions, the income statement by nature): one company each, the same
/// key amounts, deductions held positive, and no identity error.
#[test]
fn three_statements_on_three_sheets_import_alike_in_three_languages() {
    let year = Period::year(2024);
    let key = [
        (LineItem::TotalAssets, 1060),
        (LineItem::CurrentAssets, 420),
        (LineItem::Inventories, 170),
        (LineItem::Receivables, 130),
        (LineItem::CashAndEquivalents, 90),
        (LineItem::Equity, 490),
        (LineItem::CurrentLiabilities, 310),
        (LineItem::Revenue, 2000),
        (LineItem::ProfitBeforeTax, 240),
        (LineItem::IncomeTax, 48),
        (LineItem::NetIncome, 192),
        (LineItem::OperatingCashFlow, 242),
        (LineItem::CapitalExpenditure, 100),
        (LineItem::DividendsPaid, 122),
        (LineItem::InvestingCashFlow, -100),
        (LineItem::FinancingCashFlow, -122),
        (LineItem::NetChangeInCash, 20),
        (LineItem::CashAtEnd, 90),
    ];
    for relative in [
        "workbooks/three_statements_en.xlsx",
        "workbooks/three_statements_ru.xlsx",
        "workbooks/three_statements_pl.xlsx",
    ] {
        let report = import(relative, &ImportOptions::default());
        assert_eq!(report.entities.len(), 1, "{relative}: one company");
        let statements = &report.entities[0];
        for (item, value) in key {
            assert_eq!(
                statements.get(year, item),
                Some(Decimal::from(value)),
                "{relative} {item}"
            );
        }
        let errors: Vec<String> = bilans_model::validate(statements)
            .into_iter()
            .filter(|finding| finding.severity != bilans_model::Severity::Info)
            .map(|finding| finding.to_string())
            .collect();
        assert!(errors.is_empty(), "{relative}: {errors:?}");
        // Every printed line is read: nothing with an amount is left unrecognised.
        let unread: Vec<&str> = report
            .unrecognised
            .iter()
            .map(|row| row.text.as_str())
            .filter(|text| !text.is_empty())
            .collect();
        assert!(unread.is_empty(), "{relative}: {unread:?}");
    }
    // Costs: printed negative in English and Russian, positive in Polish; held positive.
    let english = import(
        "workbooks/three_statements_en.xlsx",
        &ImportOptions::default(),
    );
    assert_eq!(
        english.entities[0].get(year, LineItem::CostOfSales),
        Some(Decimal::from(1500))
    );
    assert!(
        english
            .notes
            .iter()
            .any(|note| matches!(note, ImportNote::DeductionsNegated { .. })),
        "{:?}",
        english.notes
    );
    // Depreciation added back on the cash-flow statement stays positive.
    assert_eq!(
        english.entities[0].get(year, LineItem::DepreciationAndAmortisation),
        Some(Decimal::from(60))
    );
    let polish = import(
        "workbooks/three_statements_pl.xlsx",
        &ImportOptions::default(),
    );
    assert_eq!(
        polish.entities[0].get(year, LineItem::OperatingExpenses),
        Some(Decimal::from(1730))
    );
    assert!(
        polish
            .notes
            .iter()
            .all(|note| !matches!(note, ImportNote::DeductionsNegated { .. }))
    );
}

#[test]
fn a_quarterly_report_holds_quarters_beside_the_year_end() {
    let report = import("workbooks/quarterly_en.xlsx", &ImportOptions::default());
    assert_eq!(report.entities.len(), 1);
    let statements = &report.entities[0];
    let q2 = Period::quarter(2024, 2).unwrap();
    assert_eq!(
        statements.period_list(),
        [Period::year(2023), Period::quarter(2024, 1).unwrap(), q2]
    );
    assert_eq!(
        statements.get(q2, LineItem::Revenue),
        Some(Decimal::from(520))
    );
    // Return on equity of a quarter, not annualised: 13 / 515.
    let roe = bilans_ratios::RatioId::RETURN_ON_EQUITY
        .ratio()
        .evaluate(statements, q2, &bilans_ratios::EvalConfig::default())
        .unwrap();
    assert_eq!(roe, Decimal::from(13) / Decimal::from(515));
}

/// The same line item on two rows with different values: which one is meant cannot
/// be known, so neither is used and a note names both cells (never a silent pick,
/// never an abort of the whole workbook).
#[test]
fn an_item_read_twice_with_two_values_is_ambiguous_and_left_out() {
    let report = import("bad/duplicate_item.xlsx", &ImportOptions::default());
    let note = report
        .notes
        .iter()
        .find(|note| matches!(note, ImportNote::Ambiguous { .. }))
        .expect("a note on the ambiguity")
        .to_string();
    assert!(
        note.contains("Dane!C11") && note.contains("Dane!C2"),
        "{note}"
    );
    let statements = &report.entities[0];
    assert_eq!(
        statements.get(Period::year(2002), LineItem::TotalAssets),
        None
    );
    // The other years of the item are read.
    assert!(
        statements
            .get(Period::year(2001), LineItem::TotalAssets)
            .is_some()
    );
}
