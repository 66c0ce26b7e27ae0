//! The analysed workbook: written from the seed 004 statements, opened and
//! recalculated by a real spreadsheet application (LibreOffice, headless), and rendered
//! to PDF to check that the charts exist.
//!
//! Under `.ci/run` (`BILANS_REQUIRE_LIBREOFFICE=1`) a missing LibreOffice fails the
//! test; elsewhere the LibreOffice part says it is skipped and returns.

use std::path::{Path, PathBuf};
use std::process::Command;

use bilans_model::Lang;
use bilans_ratios::{Basis, EvalConfig};
use bilans_sheets::analyse::WorkbookOptions;
use bilans_sheets::{AnalyseOptions, Overwrite, analyse_file, save_workbook};
use calamine::{Data, Reader, open_workbook_auto};

use crate::support::{analyse_into, analysed_in_process, fixture, run_bilans};

/// The seed 004 statements as the library entry point imports them from the Polish
/// workbook, with provenance.
fn seed004_statements() -> bilans_model::Statements {
    let analysed =
        analysed_in_process(&fixture("workbooks/seed004_pl.xlsx"), EvalConfig::default());
    assert_eq!(analysed.analyses.len(), 1);
    analysed.analyses[0].statements.clone()
}

/// The analysed workbook of the Polish seed 004 workbook under `config`, named
/// `seed004_pl.xlsx` in it.
fn write_analysed(folder: &Path, name: &str, config: &EvalConfig) -> PathBuf {
    write_analysed_in(folder, name, config, Lang::En)
}

/// The seed 004 workbook analysed under `config`, its words in `lang`.
pub(crate) fn write_analysed_in(
    folder: &Path,
    name: &str,
    config: &EvalConfig,
    lang: Lang,
) -> PathBuf {
    let options = AnalyseOptions {
        eval: *config,
        input_name: Some("seed004_pl.xlsx".to_owned()),
        workbook: WorkbookOptions {
            lang,
            ..WorkbookOptions::default()
        },
        ..AnalyseOptions::default()
    };
    let analysed = analyse_file(&fixture("workbooks/seed004_pl.xlsx"), &options).unwrap();
    save(
        &mut analysed.company_workbook(0).unwrap(),
        &folder.join(name),
    )
}

fn save(workbook: &mut rust_xlsxwriter::Workbook, path: &Path) -> PathBuf {
    save_workbook(workbook, path, Overwrite::Never).unwrap();
    path.to_owned()
}

/// A workbook with a year and its last quarter ending the same day, quarters under
/// quarter-end date cells, and a half-year.
fn write_interim_input(folder: &Path) -> PathBuf {
    let path = folder.join("interim.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    sheet.write_string(0, 0, "Item").unwrap();
    sheet.write_string(0, 1, "2023").unwrap();
    for (column, (year, month, day)) in [(2023, 12, 31), (2024, 3, 31), (2024, 6, 30)]
        .into_iter()
        .enumerate()
    {
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(year, month, day).unwrap();
        sheet
            .write_datetime_with_format(0, column as u16 + 2, &date, &date_format)
            .unwrap();
    }
    sheet.write_string(0, 5, "H1 2024").unwrap();
    let rows: [(&str, [f64; 5]); 7] = [
        ("Total assets", [500.0, 500.0, 520.0, 560.0, 560.0]),
        ("Current assets", [200.0, 200.0, 210.0, 230.0, 230.0]),
        ("Current liabilities", [100.0, 100.0, 105.0, 115.0, 115.0]),
        ("Receivables", [80.0, 80.0, 90.0, 100.0, 100.0]),
        ("Equity", [100.0, 100.0, 120.0, 140.0, 140.0]),
        ("Revenue", [1200.0, 300.0, 320.0, 330.0, 650.0]),
        ("Net income", [40.0, 10.0, 6.0, 13.0, 19.0]),
    ];
    for (row, (label, values)) in rows.iter().enumerate() {
        sheet.write_string(row as u32 + 1, 0, *label).unwrap();
        for (column, value) in values.iter().enumerate() {
            sheet
                .write_number(row as u32 + 1, column as u16 + 1, *value)
                .unwrap();
        }
    }
    workbook.save(&path).unwrap();
    path
}

/// The interim workbook analysed on average balances with annualised flows.
fn write_interim_analysed(folder: &Path, name: &str) -> PathBuf {
    let input = write_interim_input(folder);
    let config = EvalConfig {
        basis: Basis::Average,
        annualise: true,
        ..EvalConfig::default()
    };
    let analysed = analysed_in_process(&input, config);
    save(
        &mut analysed.company_workbook(0).unwrap(),
        &folder.join(name),
    )
}

/// The analysed workbook of a fixture's one company, under `config`.
fn write_fixture_analysed(
    folder: &Path,
    relative: &str,
    name: &str,
    config: &EvalConfig,
) -> PathBuf {
    let analysed = analysed_in_process(&fixture(relative), *config);
    assert_eq!(analysed.analyses.len(), 1, "{relative}");
    save(
        &mut analysed.company_workbook(0).unwrap(),
        &folder.join(name),
    )
}

fn write_panel(folder: &Path, name: &str) -> PathBuf {
    let analysed =
        analysed_in_process(&fixture("workbooks/long_table.xlsx"), EvalConfig::default());
    assert!(1 < analysed.analyses.len());
    save(&mut analysed.panel_workbook().unwrap(), &folder.join(name))
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|folder| names.iter().map(move |name| folder.join(name)))
        .find(|candidate| candidate.is_file())
}

/// LibreOffice, or `None` (after saying so) where it is not required.
fn libreoffice() -> Option<PathBuf> {
    let found = find_program(&["soffice", "libreoffice"]);
    if found.is_none() {
        assert!(
            std::env::var_os("BILANS_REQUIRE_LIBREOFFICE").is_none(),
            "LibreOffice (soffice) is required here but not found; .ci/run installs libreoffice-calc-nogui"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("LibreOffice not found: the real-client check is skipped outside CI");
        }
    }
    found
}

/// A throw-away LibreOffice profile that recalculates every formula on load.
fn recalculating_profile(folder: &Path) -> String {
    let user = folder.join("profile").join("user");
    std::fs::create_dir_all(&user).unwrap();
    let settings = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;
    std::fs::write(user.join("registrymodifications.xcu"), settings).unwrap();
    format!(
        "-env:UserInstallation=file://{}",
        folder.join("profile").display()
    )
}

fn convert(soffice: &Path, profile: &str, target: &str, out: &Path, inputs: &[&Path]) {
    let status = Command::new(soffice)
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
        ])
        .arg(out)
        .args(inputs)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "LibreOffice conversion to {target} failed"
    );
}

fn number(cell: Option<&Data>) -> Option<f64> {
    match cell? {
        Data::Float(value) => Some(*value),
        Data::Int(value) => Some(*value as f64),
        _ => None,
    }
}

/// Every formula cell of `original` whose recalculated value in `recalculated`
/// differs from the cached one by a relative 1e-9 or more: (sheet, cell, cached, recalculated).
fn mismatches(original: &Path, recalculated: &Path) -> (usize, Vec<String>) {
    let (per_sheet, problems) = mismatches_per_sheet(original, recalculated);
    (
        per_sheet.iter().map(|(_, n_formulas)| n_formulas).sum(),
        problems,
    )
}

/// [`mismatches`], with the number of formulas on each sheet.
fn mismatches_per_sheet(
    original: &Path,
    recalculated: &Path,
) -> (Vec<(String, usize)>, Vec<String>) {
    let mut written = open_workbook_auto(original).unwrap();
    let mut recomputed = open_workbook_auto(recalculated).unwrap();
    let mut per_sheet = Vec::new();
    let mut problems = Vec::new();
    for sheet in written.sheet_names() {
        let mut n_formulas = 0;
        let formulas = written.worksheet_formula(&sheet).unwrap();
        let cached = written.worksheet_range(&sheet).unwrap();
        let fresh = recomputed.worksheet_range(&sheet).unwrap();
        let (start_row, start_column) = formulas.start().unwrap_or((0, 0));
        for (row, column, formula) in formulas.used_cells() {
            if formula.is_empty() {
                continue;
            }
            n_formulas += 1;
            let position = (start_row + row as u32, start_column + column as u32);
            let before = number(cached.get_value(position));
            let after = number(fresh.get_value(position));
            let agree = match (before, after) {
                (Some(before), Some(after)) => {
                    (before - after).abs() <= 1e-9 * before.abs().max(after.abs())
                }
                _ => false,
            };
            if !agree {
                problems.push(format!(
                    "{sheet}!R{}C{} ={formula}: cached {before:?}, recalculated {after:?}",
                    position.0 + 1,
                    position.1 + 1
                ));
            }
        }
        per_sheet.push((sheet, n_formulas));
    }
    (per_sheet, problems)
}

#[test]
fn libreoffice_recalculates_every_formula_to_the_cached_value() {
    let Some(soffice) = libreoffice() else { return };
    let folder = tempfile::tempdir().unwrap();
    let year_end = write_analysed(folder.path(), "year_end.xlsx", &EvalConfig::default());
    let average_config = EvalConfig {
        basis: Basis::Average,
        ..EvalConfig::default()
    };
    let average = write_analysed(folder.path(), "average.xlsx", &average_config);
    // The same workbook in Polish and (on average balances, with its `n/c` texts) in
    // Russian: translated sheet names in every reference must recalculate alike.
    let polish_words = write_analysed_in(
        folder.path(),
        "polish_words.xlsx",
        &EvalConfig::default(),
        Lang::Pl,
    );
    let russian_words = write_analysed_in(
        folder.path(),
        "russian_words.xlsx",
        &average_config,
        Lang::Ru,
    );
    let panel = write_panel(folder.path(), "panel.xlsx");
    let interim = write_interim_analysed(folder.path(), "interim_analysed.xlsx");
    // Three statements on three sheets (the cash-flow statement and the ratios on it),
    // and a quarterly report on the average basis.
    let three = write_fixture_analysed(
        folder.path(),
        "workbooks/three_statements_en.xlsx",
        "three_statements.xlsx",
        &EvalConfig::default(),
    );
    let quarterly = write_fixture_analysed(
        folder.path(),
        "workbooks/quarterly_en.xlsx",
        "quarterly.xlsx",
        &average_config,
    );
    // The distress scores are live formulas (LibreOffice recalculates them below from
    // the statements, independently of the Decimal engine).
    let distress_formulas = open_workbook_auto(&three)
        .unwrap()
        .worksheet_formula("Distress")
        .unwrap()
        .used_cells()
        .filter(|(_, _, formula)| !formula.is_empty())
        .count();
    assert!(20 <= distress_formulas, "{distress_formulas}");
    // The Russian and Polish forms, whose lines the liquidity groups, the stability
    // amounts and the net assets (Order 84n for roubles) read; the Russian one on the
    // average basis, which those sheets must not use.
    let russian = write_fixture_analysed(
        folder.path(),
        "workbooks/three_statements_ru.xlsx",
        "three_statements_ru.xlsx",
        &average_config,
    );
    let polish = write_fixture_analysed(
        folder.path(),
        "workbooks/three_statements_pl.xlsx",
        "three_statements_pl.xlsx",
        &EvalConfig::default(),
    );
    // A control: one formula whose cached value is wrong must be caught.
    let control = folder.path().join("control.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_number(0, 0, 2.0).unwrap();
    sheet
        .write_formula(0, 1, rust_xlsxwriter::Formula::new("=A1*3").set_result("5"))
        .unwrap();
    workbook.save(&control).unwrap();

    let profile = recalculating_profile(folder.path());
    let out = folder.path().join("recalculated");
    convert(
        &soffice,
        &profile,
        "xlsx:Calc MS Excel 2007 XML",
        &out,
        &[
            &year_end,
            &average,
            &polish_words,
            &russian_words,
            &panel,
            &interim,
            &three,
            &quarterly,
            &russian,
            &polish,
            &control,
        ],
    );

    // The structure sheets are live too: every change, relative change and share of
    // the three statements (none of the first year's changes has a formula).
    let (per_sheet, _) = mismatches_per_sheet(&three, &out.join("three_statements.xlsx"));
    for (sheet, min_formulas) in [("Horizontal", 80), ("Vertical", 80)] {
        let n_formulas = per_sheet
            .iter()
            .find(|(name, _)| name == sheet)
            .map_or(0, |(_, n_formulas)| *n_formulas);
        assert!(
            min_formulas < n_formulas,
            "{sheet}: only {n_formulas} formulas"
        );
    }
    for (name, path, min_formulas) in [
        ("year_end.xlsx", &year_end, 100),
        ("average.xlsx", &average, 100),
        ("polish_words.xlsx", &polish_words, 100),
        ("russian_words.xlsx", &russian_words, 100),
        ("panel.xlsx", &panel, 100),
        ("interim_analysed.xlsx", &interim, 20),
        ("three_statements.xlsx", &three, 150),
        ("quarterly.xlsx", &quarterly, 50),
        ("three_statements_ru.xlsx", &russian, 150),
        ("three_statements_pl.xlsx", &polish, 150),
    ] {
        let (n_formulas, problems) = mismatches(path, &out.join(name));
        assert!(
            min_formulas < n_formulas,
            "{name}: only {n_formulas} formulas"
        );
        assert!(
            problems.is_empty(),
            "{name}: {} formulas disagree:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    // The balance sheets hold live formulas in every period: the groups, conditions and
    // verdict; the stability amounts, surpluses and indicator; the net assets.
    for path in [&russian, &polish] {
        let mut workbook = open_workbook_auto(path).unwrap();
        for (sheet, min_formulas) in [("Liquidity", 2 * 17), ("Stability", 2 * 16)] {
            let formulas = workbook.worksheet_formula(sheet).unwrap();
            let n_formulas = formulas
                .used_cells()
                .filter(|(_, _, formula)| !formula.is_empty())
                .count();
            assert!(
                min_formulas <= n_formulas,
                "{path:?} {sheet}: only {n_formulas} formulas"
            );
        }
    }
    // The scoring workbooks (partners, KPI cards, human capital) carry formulas with
    // cached values too: the committed reports are fresh (`reports_are_fresh`), so
    // recalculate those.
    let scoring: Vec<PathBuf> = [
        "partners_example.xlsx",
        "kpi_example_card.xlsx",
        "hc_staff.xlsx",
    ]
    .iter()
    .map(|name| {
        let copy = folder.path().join(name);
        std::fs::copy(
            crate::support::project_root()
                .join("reports/workbooks")
                .join(name),
            &copy,
        )
        .unwrap();
        copy
    })
    .collect();
    let scoring_refs: Vec<&Path> = scoring.iter().map(PathBuf::as_path).collect();
    let scoring_out = folder.path().join("recalculated-scoring");
    convert(
        &soffice,
        &profile,
        "xlsx:Calc MS Excel 2007 XML",
        &scoring_out,
        &scoring_refs,
    );
    for path in &scoring {
        let name = path.file_name().unwrap();
        let (n_formulas, problems) = mismatches(path, &scoring_out.join(name));
        assert!(0 < n_formulas, "{name:?}: no formulas");
        assert!(
            problems.is_empty(),
            "{name:?}: {} formulas disagree:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    let (n_formulas, problems) = mismatches(&control, &out.join("control.xlsx"));
    assert_eq!(
        (n_formulas, problems.len()),
        (1, 1),
        "the control's wrong cached value was not caught"
    );
}

#[test]
fn libreoffice_renders_both_charts_to_pdf() {
    let Some(soffice) = libreoffice() else { return };
    let folder = tempfile::tempdir().unwrap();
    let config = EvalConfig::default();
    let books = [
        write_analysed(folder.path(), "analysed.xlsx", &config),
        write_analysed_in(folder.path(), "polish.xlsx", &config, Lang::Pl),
        write_analysed_in(folder.path(), "russian.xlsx", &config, Lang::Ru),
    ];
    let profile = recalculating_profile(folder.path());
    let inputs: Vec<&Path> = books.iter().map(PathBuf::as_path).collect();
    convert(&soffice, &profile, "pdf", folder.path(), &inputs);
    // Each workbook's chart titles and two legends, as its language's message file
    // words them, and a line item and ratio of its Statements and Ratios sheets.
    let expected: [(&str, [&str; 6]); 3] = [
        (
            "analysed.pdf",
            [
                "ROE and ROA: traditional vs modified Du Pont",
                "Liquidity: traditional vs modified Du Pont",
                "ROE modified",
                "Quick, modified",
                "current assets",
                "current ratio",
            ],
        ),
        (
            "polish.pdf",
            [
                "ROE i ROA: model Du Ponta tradycyjny i zmodyfikowany",
                "Płynność: model Du Ponta tradycyjny i zmodyfikowany",
                "ROE zmodyfikowane",
                "Szybka, zmodyfikowana",
                "Aktywa obrotowe",
                "wskaźnik bieżącej płynności",
            ],
        ),
        (
            "russian.pdf",
            [
                "ROE и ROA: традиционная и модифицированная модели Дюпона",
                "Ликвидность: традиционная и модифицированная модели Дюпона",
                "ROE модифицированная",
                "Быстрая, модифицированная",
                "Оборотные активы",
                "коэффициент текущей ликвидности",
            ],
        ),
    ];
    let pdftotext =
        find_program(&["pdftotext"]).expect("pdftotext (poppler-utils) is needed to read the PDF");
    for (pdf, words) in expected {
        let output = Command::new(&pdftotext)
            .arg(folder.path().join(pdf))
            .arg("-")
            .output()
            .unwrap();
        // Chart titles wrap over lines: compare with whitespace collapsed.
        let text = String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for phrase in words {
            assert!(text.contains(phrase), "{pdf}: `{phrase}` not found");
        }
        if pdf != "analysed.pdf" {
            continue;
        }
        // The structure sheets print too: their headers and notes.
        for words in [
            "2002 change %",
            "2006 share",
            "Highlighted: a large move",
            "income-statement and cash-flow lines over revenue",
            // The Distress, Liquidity and Stability sheets and the Summary's
            // conclusion print too.
            "Altman Z (1968), public manufacturers",
            "most liquid assets",
            "own working capital",
            "Conclusion Checks The statements contradict themselves",
        ] {
            assert!(text.contains(words), "`{words}` not found in the PDF");
        }
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let folder = tempfile::tempdir().unwrap();
    let first = write_analysed(folder.path(), "first.xlsx", &EvalConfig::default());
    let second = write_analysed(folder.path(), "second.xlsx", &EvalConfig::default());
    assert_eq!(
        std::fs::read(first).unwrap(),
        std::fs::read(second).unwrap()
    );
}

#[test]
fn workbook_has_every_sheet_and_marks_what_is_not_computable() {
    let folder = tempfile::tempdir().unwrap();
    let average_config = EvalConfig {
        basis: Basis::Average,
        ..EvalConfig::default()
    };
    let path = write_analysed(folder.path(), "average.xlsx", &average_config);
    let mut workbook = open_workbook_auto(&path).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Summary",
            "Statements",
            "Horizontal",
            "Vertical",
            "Ratios",
            "Du Pont",
            "Distress",
            "Liquidity",
            "Stability",
            "Working capital",
            "Checks"
        ]
    );
    // Every amount's source cell is listed beside its row (and noted on the cell).
    let statements = workbook.worksheet_range("Statements").unwrap();
    let header: Vec<Data> = statements.rows().next().unwrap().to_vec();
    let source_column = header
        .iter()
        .position(|cell| *cell == Data::String("Source cells".into()))
        .unwrap();
    let imported = seed004_statements();
    for row in statements.rows().skip(1) {
        let Data::String(name) = &row[1] else {
            continue;
        };
        let item: bilans_model::LineItem = name.parse().unwrap();
        let cells: Vec<String> = imported
            .period_list()
            .into_iter()
            .filter_map(|period| {
                imported
                    .amount(period, item)?
                    .source
                    .as_ref()
                    .map(|source| source.cell.clone())
            })
            .collect();
        let Data::String(listed) = &row[source_column] else {
            panic!("no sources for {name}")
        };
        assert_eq!(*listed, format!("Tabela 1!{}", cells.join(", ")), "{name}");
    }
    let ratios = workbook.worksheet_range("Ratios").unwrap();
    // Under average balances the first year has no opening balance.
    let first_roe = ratios
        .rows()
        .find(|row| row[1] == Data::String("return_on_equity".into()))
        .unwrap()[3]
        .clone();
    assert_eq!(
        first_roe,
        Data::String("n/c: no opening balance: equity for 2000 is missing, so its average for 2001 is unknown".into())
    );
}

#[test]
fn cli_writes_json_and_markdown_analyses() {
    let input = "fixtures/workbooks/seed004_pl.xlsx";
    let (code, json, _) = run_bilans(&["analyse", input, "--format", "json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    insta::assert_json_snapshot!("seed004_analysis_json", value, {
        "[].statements.entity.name" => "[entity]",
    });
    let (code, markdown, _) = run_bilans(&["analyse", input, "--format", "md"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("seed004_analysis_md", markdown);
    let (code, csv, _) = run_bilans(&["analyse", input, "--format", "csv", "--basis", "average"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("seed004_analysis_average_csv", csv);
}

#[test]
fn cli_never_overwrites_without_force() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("out.xlsx");
    std::fs::write(&output, b"precious").unwrap();
    let input = fixture("seeds/seed004_dupont.toml");
    let args = [
        "analyse",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ];
    let (code, _, error) = run_bilans(&args);
    assert_eq!(code, 1);
    assert!(
        error.contains(
            "already exists; refusing to overwrite it\nhint: pass --force to overwrite it"
        ),
        "{error}"
    );
    assert_eq!(std::fs::read(&output).unwrap(), b"precious");
    let mut forced = args.to_vec();
    forced.push("--force");
    let (code, _, _) = run_bilans(&forced);
    assert_eq!(code, 0);
    assert!(std::fs::read(&output).unwrap().starts_with(b"PK"));
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        1,
        "a temporary file was left behind"
    );
}

#[test]
fn cli_analyses_every_seed004_shape_to_the_same_ratios() {
    let folder = tempfile::tempdir().unwrap();
    let mut ratio_sheets = Vec::new();
    for shape in [
        "seed004_pl.xlsx",
        "seed004_ru_transposed.ods",
        "seed004_en.xls",
    ] {
        let output = folder.path().join(format!("{shape}.analysed.xlsx"));
        let input = fixture(&format!("workbooks/{shape}"));
        let (code, _, error) = run_bilans(&[
            "analyse",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{shape}: {error}");
        let mut workbook = open_workbook_auto(&output).unwrap();
        ratio_sheets.push(workbook.worksheet_range("Ratios").unwrap());
    }
    assert!(
        ratio_sheets.windows(2).all(|pair| pair[0] == pair[1]),
        "the three shapes give different ratios"
    );
}

#[test]
fn cli_writes_a_panel_workbook_or_one_workbook_per_company() {
    let folder = tempfile::tempdir().unwrap();
    let input = fixture("workbooks/long_table.xlsx");
    let panel = folder.path().join("panel.xlsx");
    let (code, _, error) = run_bilans(&[
        "analyse",
        input.to_str().unwrap(),
        "--panel",
        "-o",
        panel.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{error}");
    let workbook = open_workbook_auto(&panel).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("Comparison"));
    assert_eq!(&names[names.len() - 2..], ["Checks", "Definitions"]);
    let per_company = folder.path().join("companies");
    let (code, _, error) = run_bilans(&[
        "analyse",
        input.to_str().unwrap(),
        "-o",
        per_company.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{error}");
    assert_eq!(
        std::fs::read_dir(&per_company).unwrap().count(),
        names.len() - 3
    );
}

#[test]
fn cli_analyses_a_folder_and_reports_failures_without_stopping() {
    let folder = tempfile::tempdir().unwrap();
    let inputs = folder.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    for name in ["seed004_pl.xlsx", "seed004_en.xls"] {
        std::fs::copy(fixture(&format!("workbooks/{name}")), inputs.join(name)).unwrap();
    }
    std::fs::write(inputs.join("broken.xlsx"), b"not a workbook").unwrap();
    let outputs = folder.path().join("outputs");
    let (code, _, error) = run_bilans(&[
        "analyse",
        inputs.to_str().unwrap(),
        "-o",
        outputs.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "a failed file must make the exit code non-zero");
    assert!(
        error.contains("3 workbook(s) read, 2 output(s) written"),
        "{error}"
    );
    assert!(
        error.contains("failed: ") && error.contains("broken.xlsx"),
        "{error}"
    );
    let mut written: Vec<String> = std::fs::read_dir(&outputs)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["seed004_en.xlsx", "seed004_pl.xlsx"]);
}

#[test]
fn cli_never_writes_over_its_input_even_with_force() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("statements.xlsx");
    std::fs::copy(fixture("workbooks/seed004_pl.xlsx"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let input_text = input.to_str().unwrap();
    let (code, _, error) = run_bilans(&["analyse", input_text, "-o", input_text, "--force"]);
    assert_eq!(code, 1);
    assert!(
        error.contains("is the input; bilans never writes over its input"),
        "{error}"
    );
    let folder_text = folder.path().to_str().unwrap();
    let (code, _, error) = run_bilans(&["analyse", folder_text, "-o", folder_text, "--force"]);
    assert_eq!(code, 1);
    assert!(error.contains("is the input folder"), "{error}");
    let card = folder.path().join("card.xlsx");
    std::fs::copy(fixture("kpi/example_card.xlsx"), &card).unwrap();
    let card_before = std::fs::read(&card).unwrap();
    let card_text = card.to_str().unwrap();
    let (code, _, error) = run_bilans(&["kpi", card_text, "-o", card_text, "--force"]);
    assert_eq!(code, 1, "{error}");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(std::fs::read(&card).unwrap(), card_before);
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        2,
        "nothing else may be written"
    );
}

/// A folder of two workbooks and each file's bytes, to check that nothing changed.
fn input_folder(root: &Path, name: &str) -> (PathBuf, Vec<(PathBuf, Vec<u8>)>) {
    let inputs = root.join(name);
    std::fs::create_dir(&inputs).unwrap();
    let mut files = Vec::new();
    for fixture_name in ["seed004_pl.xlsx", "seed004_en.xls"] {
        let path = inputs.join(fixture_name);
        std::fs::copy(fixture(&format!("workbooks/{fixture_name}")), &path).unwrap();
        files.push((path.clone(), std::fs::read(&path).unwrap()));
    }
    (inputs, files)
}

fn assert_unchanged(files: &[(PathBuf, Vec<u8>)]) {
    for (path, bytes) in files {
        assert_eq!(
            &std::fs::read(path).unwrap(),
            bytes,
            "{} was changed",
            path.display()
        );
    }
}

#[test]
fn cli_refuses_an_output_folder_that_leads_back_to_the_input_through_a_new_folder() {
    let root = tempfile::tempdir().unwrap();
    let (inputs, files) = input_folder(root.path(), "in");
    // `in/new/..` is `in` once `new` exists; `new` does not exist yet.
    let output = inputs.join("new").join("..");
    let (code, error) = analyse_into(&inputs, &output, &["--force"]);
    assert_eq!(code, 1, "{error}");
    assert!(
        error.contains("never writes into the folder of its input"),
        "{error}"
    );
    assert_unchanged(&files);
    assert!(!inputs.join("new").exists(), "nothing may be created");
}

#[cfg(unix)]
#[test]
fn cli_refuses_an_output_folder_that_holds_a_symlinked_input() {
    let root = tempfile::tempdir().unwrap();
    let (inputs, files) = input_folder(root.path(), "in");
    let links = root.path().join("links");
    std::fs::create_dir(&links).unwrap();
    for (path, _) in &files {
        std::os::unix::fs::symlink(path, links.join(path.file_name().unwrap())).unwrap();
    }
    let (code, error) = analyse_into(&links, &inputs, &["--force"]);
    assert_eq!(code, 1, "{error}");
    assert!(
        error.contains("never writes into the folder of its input"),
        "{error}"
    );
    assert_unchanged(&files);
    // An output folder that is a symlink to the input folder.
    let alias = root.path().join("alias");
    std::os::unix::fs::symlink(&inputs, &alias).unwrap();
    let (code, error) = analyse_into(&inputs, &alias, &["--force"]);
    assert_eq!(code, 1, "{error}");
    assert_unchanged(&files);
    // An output file that is a symlink to the input file.
    let input = &files[0].0;
    let link = root.path().join("out.xlsx");
    std::os::unix::fs::symlink(input, &link).unwrap();
    let (code, error) = analyse_into(input, &link, &["--force"]);
    assert_eq!(code, 1, "{error}");
    assert!(error.contains("is the input"), "{error}");
    assert_unchanged(&files);
}

#[test]
fn cli_refuses_a_workbook_name_as_the_folder_for_several_companies() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("companies.xlsx");
    let (code, _, error) = run_bilans(&[
        "analyse",
        fixture("workbooks/long_table.xlsx").to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{error}");
    assert!(error.contains("need an output folder"), "{error}");
    assert!(error.contains("--panel"), "{error}");
    assert!(
        !output.exists(),
        "no folder named companies.xlsx may be created"
    );
}

#[test]
fn cli_policy_bands_reach_the_working_capital_sheet() {
    let folder = tempfile::tempdir().unwrap();
    let input = fixture("workbooks/seed004_pl.xlsx");
    let policy_of = |bands: &str| {
        let output = folder.path().join(format!("{bands}.xlsx"));
        let args = [
            "analyse",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--asset-share-bands",
            bands,
        ];
        let (code, _, error) = run_bilans(&args);
        assert_eq!(code, 0, "{error}");
        let mut workbook = open_workbook_auto(&output).unwrap();
        let sheet = workbook.worksheet_range("Working capital").unwrap();
        let row = sheet
            .rows()
            .find(|row| row[0] == Data::String("current-asset policy".into()))
            .unwrap()
            .to_vec();
        row[1].to_string()
    };
    // Seed 004's current assets are 37.7 % of total assets in 2001.
    assert_eq!(policy_of("45,50"), "conservative");
    assert_eq!(policy_of("10,20"), "aggressive");
    let (code, _, error) = run_bilans(&[
        "analyse",
        input.to_str().unwrap(),
        "--format",
        "md",
        "--asset-share-bands",
        "50,40",
    ]);
    assert_eq!(code, 1);
    assert!(error.contains("--asset-share-bands"), "{error}");
}

#[test]
fn cli_chronological_basis_reads_interim_quarters_from_a_workbook() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("quarters.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let headers = ["Item", "2000", "2001Q1", "2001Q2", "2001Q3", "2001"];
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Equity").unwrap();
    for (column, equity) in [100.0, 120.0, 140.0, 160.0, 180.0].iter().enumerate() {
        sheet.write_number(1, column as u16 + 1, *equity).unwrap();
    }
    sheet.write_string(2, 0, "Net income").unwrap();
    sheet.write_number(2, 5, 28.0).unwrap();
    workbook.save(&input).unwrap();
    let (code, json, error) = run_bilans(&[
        "analyse",
        input.to_str().unwrap(),
        "--format",
        "json",
        "--basis",
        "chronological",
    ]);
    assert_eq!(code, 0, "{error}");
    let analyses: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = analyses[0]["ratios"]["rows"].as_array().unwrap();
    let roe = rows
        .iter()
        .find(|row| row["id"] == "return_on_equity")
        .unwrap();
    let year = roe["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|value| value["period"] == "2001")
        .unwrap();
    // (100/2 + 120 + 140 + 160 + 180/2) / 4 = 140; 28 / 140 = 0.2.
    let value: rust_decimal::Decimal = year["value"].as_str().unwrap().parse().unwrap();
    assert_eq!(value, rust_decimal::Decimal::new(2, 1), "{year}");
}

#[test]
fn cli_analyses_annual_and_interim_columns_ending_the_same_day() {
    let folder = tempfile::tempdir().unwrap();
    let input = write_interim_input(folder.path());
    let return_on_equity = |extra: &[&str]| -> Vec<(String, Option<String>)> {
        let mut args = vec!["analyse", input.to_str().unwrap(), "--format", "json"];
        args.extend_from_slice(extra);
        let (code, json, error) = run_bilans(&args);
        assert_eq!(code, 0, "{error}");
        let analyses: serde_json::Value = serde_json::from_str(&json).unwrap();
        let rows = analyses[0]["ratios"]["rows"].as_array().unwrap();
        let row = rows
            .iter()
            .find(|row| row["id"] == "return_on_equity")
            .unwrap();
        row["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|value| {
                let number = value["value"].as_str().map(|text| {
                    let number: rust_decimal::Decimal = text.parse().unwrap();
                    format!("{:.4}", number.round_dp(4))
                });
                (value["period"].as_str().unwrap().to_owned(), number)
            })
            .collect()
    };
    let values = |pairs: &[(&str, Option<&str>)]| -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(period, value)| ((*period).to_owned(), value.map(str::to_owned)))
            .collect()
    };
    // The date cells are quarters; the year and its last quarter end the same day.
    assert_eq!(
        return_on_equity(&[]),
        values(&[
            ("2023Q4", Some("0.1000")),
            ("2023", Some("0.4000")),
            ("2024Q1", Some("0.0500")),
            ("2024Q2", Some("0.0929")),
            ("H1 2024", Some("0.1357")),
        ])
    );
    // Average balances open at the previous quarter-end (2024Q2: (120 + 140) / 2), or
    // for the half-year at 31 December (the 2023Q4 column); annualised, a quarter's
    // net income counts four times: 13 × 4 / 130 = 0.4.
    assert_eq!(
        return_on_equity(&["--basis", "average", "--annualise"]),
        values(&[
            ("2023Q4", None),
            ("2023", None),
            ("2024Q1", Some("0.2182")),
            ("2024Q2", Some("0.4000")),
            ("H1 2024", Some("0.3167")),
        ])
    );
    let (code, markdown, _) = run_bilans(&["analyse", input.to_str().unwrap(), "--format", "md"]);
    assert_eq!(code, 0);
    assert!(
        markdown.contains("- Interim periods: not annualised"),
        "{markdown}"
    );
    let output = folder.path().join("analysed.xlsx");
    let (code, error) = analyse_into(&input, &output, &[]);
    assert_eq!(code, 0, "{error}");
}

#[test]
fn cli_reports_identities_whose_amounts_overflow_instead_of_panicking() {
    // Total assets 1, fixed and current assets 6e28 each: their sum exceeds the
    // decimal range (about 7.9e28).
    let six_e28 = "60000000000000000000000000000";
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("overflow.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows = [
        ("Item", "2001"),
        ("Total assets", "1"),
        ("Fixed assets", six_e28),
        ("Current assets", six_e28),
    ];
    for (row, (label, value)) in rows.iter().enumerate() {
        sheet.write_string(row as u32, 0, *label).unwrap();
        sheet.write_string(row as u32, 1, *value).unwrap();
    }
    workbook.save(&input).unwrap();
    let (code, json, error) = run_bilans(&["analyse", input.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{error}");
    let analyses: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings = analyses[0]["findings"].as_array().unwrap();
    let overflow = findings
        .iter()
        .find(|finding| finding["kind"]["type"] == "identity_overflow")
        .unwrap_or_else(|| panic!("no overflow finding in {findings:?}"));
    assert_eq!(overflow["kind"]["identity"], "total_assets");
    assert_eq!(
        overflow["kind"]["items"],
        serde_json::json!(["total_assets", "fixed_assets", "current_assets"])
    );
    // The workbook is written too, with the finding on the Checks sheet.
    let output = folder.path().join("analysed.xlsx");
    let (code, error) = analyse_into(&input, &output, &[]);
    assert_eq!(code, 0, "{error}");
}

/// Two writers racing for one output: without `--force` exactly one wins and the file
/// is whole; with it, the file is whole and one writer's (never a mix).
#[test]
fn two_concurrent_writers_never_leave_a_mixed_or_clobbered_file() {
    use bilans_sheets::write_atomic;
    let folder = tempfile::tempdir().unwrap();
    let first = vec![b'a'; 256 * 1024];
    let second = vec![b'b'; 300 * 1024];
    for round in 0..20 {
        let path = folder.path().join(format!("out{round}.bin"));
        let results: Vec<bool> = std::thread::scope(|scope| {
            let writers: Vec<_> = [&first, &second]
                .into_iter()
                .map(|bytes| {
                    let path = &path;
                    scope.spawn(move || write_atomic(path, bytes, Overwrite::Never).is_ok())
                })
                .collect();
            writers
                .into_iter()
                .map(|writer| writer.join().unwrap())
                .collect()
        });
        assert_eq!(
            results.iter().filter(|won| **won).count(),
            1,
            "round {round}: exactly one writer may create the file"
        );
        let written = std::fs::read(&path).unwrap();
        let winner = if results[0] { &first } else { &second };
        assert_eq!(&written, winner, "round {round}");
        std::thread::scope(|scope| {
            for bytes in [&first, &second] {
                let path = &path;
                scope.spawn(move || write_atomic(path, bytes, Overwrite::Allowed).unwrap());
            }
        });
        let written = std::fs::read(&path).unwrap();
        assert!(
            written == first || written == second,
            "round {round}: a mix"
        );
    }
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".bilans-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A write that fails half-way (here: the file-size limit a full disk also imposes)
/// leaves the earlier output whole, even with `--force`.
#[cfg(unix)]
#[test]
fn a_write_that_runs_out_of_space_leaves_the_earlier_output_whole() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("analysed.xlsx");
    std::fs::write(&output, b"the earlier output").unwrap();
    let binary = crate::support::bilans_binary();
    let input = fixture("workbooks/seed004_pl.xlsx");
    // `ulimit -f 8`: no file may grow past 8 KiB, far less than the workbook; writing
    // beyond it fails (or the process is stopped), as on a full disk.
    let status = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 8; exec \"$0\" analyse \"$1\" -o \"$2\" --force")
        .arg(&binary)
        .arg(&input)
        .arg(&output)
        .status()
        .unwrap();
    assert!(!status.success(), "the write must fail");
    assert_eq!(std::fs::read(&output).unwrap(), b"the earlier output");
}

/// The Distress sheet lists every model per period: a score with its zone, or why it
/// is not computable (Altman's original Z needs the market capitalisation).
#[test]
fn the_distress_sheet_scores_every_model_or_says_why_not() {
    let folder = tempfile::tempdir().unwrap();
    let path = write_fixture_analysed(
        folder.path(),
        "workbooks/three_statements_en.xlsx",
        "three.xlsx",
        &EvalConfig::default(),
    );
    let mut workbook = open_workbook_auto(&path).unwrap();
    let sheet = workbook.worksheet_range("Distress").unwrap();
    let rows: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows.len(), 1 + bilans_ratios::distress::models().len());
    let row_of = |name: &str| {
        rows.iter()
            .find(|row| row[0].to_string().starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}"))
    };
    // 2024 is the first period column pair after 2023: Z′ has a score and a zone.
    let z_prime = row_of("Altman Z' (1983)");
    assert!(matches!(z_prime[3], Data::Float(_)), "{:?}", z_prime[3]);
    assert!(!z_prime[4].to_string().is_empty());
    let z = row_of("Altman Z (1968)");
    assert!(
        z[3].to_string().starts_with("n/c:") && z[3].to_string().contains("market capitalisation"),
        "{:?}",
        z[3]
    );
}

#[test]
fn every_figure_of_the_summary_conclusion_is_at_the_cell_it_names() {
    let folder = tempfile::tempdir().unwrap();
    let path = write_analysed(folder.path(), "conclusion.xlsx", &EvalConfig::default());
    let mut workbook = open_workbook_auto(&path).unwrap();
    let summary = workbook.worksheet_range("Summary").unwrap();
    let texts: Vec<String> = summary
        .rows()
        .filter_map(|row| match row.first() {
            Some(Data::String(text)) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let start = texts.iter().position(|text| text == "Conclusion").unwrap();
    let traces: Vec<&String> = texts[start..]
        .iter()
        .filter(|text| text.starts_with("    from "))
        .collect();
    assert!(5 <= traces.len(), "{traces:?}");
    let mut checked = 0;
    for trace in traces {
        for figure in trace.trim_start_matches("    from ").split("; ") {
            // `<name> <period> = <value> at '<sheet>'!$C$R`; the balance analyses'
            // amounts name their sheets instead.
            let Some((left, cell)) = figure.rsplit_once(" at ") else {
                assert!(figure.ends_with("sheets)"), "{figure}");
                continue;
            };
            let value: f64 = left.rsplit_once(" = ").unwrap().1.parse().unwrap();
            let (sheet, reference) = cell.split_once('!').unwrap();
            let sheet = sheet.trim_matches('\'');
            let reference = reference.replace('$', "");
            let split = reference.find(|c: char| c.is_ascii_digit()).unwrap();
            let (letters, digits) = reference.split_at(split);
            let column = letters.bytes().fold(0u32, |column, letter| {
                column * 26 + u32::from(letter - b'A' + 1)
            }) - 1;
            let row: u32 = digits.parse::<u32>().unwrap() - 1;
            let range = workbook.worksheet_range(sheet).unwrap();
            let at = range.get_value((row, column));
            let stored = number(at).unwrap_or_else(|| panic!("{figure}: {at:?}"));
            assert!(
                (stored - value).abs() <= 1e-9 * value.abs().max(1.0),
                "{figure}: the cell holds {stored}"
            );
            checked += 1;
        }
    }
    assert!(10 <= checked, "{checked}");
}

#[test]
fn structure_sheets_follow_the_statements_row_by_row() {
    let folder = tempfile::tempdir().unwrap();
    let path = write_analysed(folder.path(), "structure.xlsx", &EvalConfig::default());
    let mut workbook = open_workbook_auto(&path).unwrap();
    let statements = workbook.worksheet_range("Statements").unwrap();
    let horizontal = workbook.worksheet_range("Horizontal").unwrap();
    let vertical = workbook.worksheet_range("Vertical").unwrap();
    let header = |range: &calamine::Range<Data>| -> Vec<String> {
        range.rows().next().unwrap()[2..]
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    // Seed 004 has 2001–2006; 2001 has nothing to compare with and is left out.
    assert_eq!(header(&horizontal)[..2], ["2002 change", "2002 change %"]);
    assert_eq!(header(&horizontal).len(), 2 * 5);
    assert_eq!(header(&vertical)[0], "2001 share");
    let row_of = |range: &calamine::Range<Data>, name: &str| -> Vec<Data> {
        range
            .rows()
            .find(|row| row.get(1) == Some(&Data::String(name.to_owned())))
            .unwrap()
            .to_vec()
    };
    let amounts = |name: &str| -> Vec<f64> {
        row_of(&statements, name)[2..8]
            .iter()
            .map(|cell| number(Some(cell)).unwrap())
            .collect()
    };
    let (inventories, total_assets) = (amounts("inventories"), amounts("total_assets"));
    let changes = row_of(&horizontal, "inventories");
    let shares = row_of(&vertical, "inventories");
    for year_idx in 1..6 {
        let change = number(changes.get(2 * year_idx)).unwrap();
        let relative = number(changes.get(2 * year_idx + 1)).unwrap();
        let expected = inventories[year_idx] - inventories[year_idx - 1];
        assert!((change - expected).abs() < 1e-9, "{change} vs {expected}");
        let expected = expected / inventories[year_idx - 1];
        assert!(
            (relative - expected).abs() < 1e-12,
            "{relative} vs {expected}"
        );
    }
    for year_idx in 0..6 {
        let share = number(shares.get(2 + year_idx)).unwrap();
        let expected = inventories[year_idx] / total_assets[year_idx];
        assert!((share - expected).abs() < 1e-12, "{share} vs {expected}");
    }
    // Net income was a loss in 2001: no relative change from it, with the reason.
    let net_income = row_of(&horizontal, "net_income");
    assert_eq!(
        net_income[3],
        Data::String(
            "n/c: not meaningful: net income is -5202 in 2001 (must be positive)".to_owned()
        )
    );
}

#[test]
fn structure_markdown_of_three_statements() {
    let analysed = analysed_in_process(
        &fixture("workbooks/three_statements_en.xlsx"),
        EvalConfig::default(),
    );
    let analysis = &analysed.analyses[0];
    insta::assert_snapshot!(
        "three_statements_structure_md",
        bilans_ratios::structure::structure_markdown(&analysis.structure)
    );
}

#[test]
fn the_conclusion_states_the_balance_analyses_of_the_latest_period() {
    use bilans_ratios::conclusion::Claim;
    use bilans_ratios::liquidity::GroupId;
    let analysed = analysed_in_process(
        &fixture("workbooks/three_statements_ru.xlsx"),
        EvalConfig::default(),
    );
    let analysis = &analysed.analyses[0];
    let claims: Vec<&Claim> = analysis
        .conclusion
        .paragraphs
        .iter()
        .flat_map(|paragraph| &paragraph.sentences)
        .map(|sentence| &sentence.claim)
        .collect();
    // The failing conditions, recomputed from the group amounts of the last period.
    let last = analysis.balance_liquidity.last().unwrap();
    let group = |id| last.group(id).unwrap();
    let mut expected = Vec::new();
    for (assets, liabilities, name) in [
        (GroupId::A1, GroupId::P1, "A1 >= P1"),
        (GroupId::A2, GroupId::P2, "A2 >= P2"),
        (GroupId::A3, GroupId::P3, "A3 >= P3"),
    ] {
        if group(assets) < group(liabilities) {
            expected.push(name.to_owned());
        }
    }
    if group(GroupId::P4) < group(GroupId::A4) {
        expected.push("A4 <= P4".to_owned());
    }
    assert!(
        claims.iter().any(|claim| **claim
            == Claim::BalanceLiquidity {
                period: last.period,
                failed: expected.clone(),
            }),
        "{expected:?} in {claims:#?}"
    );
    let stability = analysis.financial_stability.last().unwrap();
    assert!(claims.iter().any(|claim| matches!(
        claim,
        Claim::Stability { period, stability_type, .. }
            if *period == stability.period
                && Ok(*stability_type) == stability.stability_type.clone()
    )));
}
