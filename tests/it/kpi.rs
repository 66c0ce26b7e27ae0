//! Integration tests of KPI cards (seed 001): the shipped example card from TOML and
//! from its workbook, the report workbook, the `bilans kpi` command and its located
//! errors.

use std::path::Path;

use bilans_scoring::kpi::{
    CardInput, KpiField, Report, Total, build_card, render_markdown, report,
};
use bilans_sheets::Overwrite;
use bilans_sheets::kpi::{
    card_input_from_toml, read_card, read_input_workbook, write_input_workbook,
};
use rust_decimal::Decimal;

use crate::support::{fixture, run_bilans};

const EXAMPLE_TOML: &str = "kpi/example_card.toml";
const EXAMPLE_XLSX: &str = "kpi/example_card.xlsx";

fn example_report() -> Report {
    report(&read_card(&fixture(EXAMPLE_TOML)).unwrap())
}

fn total(report: &Report, owner: &str, period_idx: usize) -> Decimal {
    let card = report
        .cards
        .iter()
        .find(|card| card.owner == owner)
        .unwrap();
    match &card.totals[period_idx].total {
        Total::Computed { value } => *value,
        Total::NotComputable { reason } => panic!("{owner}: {reason}"),
    }
}

#[test]
fn example_card_report() {
    insta::assert_snapshot!("kpi_example_card", render_markdown(&example_report()));
}

#[test]
fn example_card_totals_by_hand() {
    let report = example_report();
    // Sales department, 2024-02: 0.4 × 1 800 000/2 000 000 + 0.3 × 0.05/0.06 + 0.3 × 0
    // = 0.36 + 0.25 + 0 = 0.61.
    assert_eq!(
        total(&report, "Sales department", 1).round_dp(20),
        Decimal::new(61, 2)
    );
    // Warehouse, 2024-01: 0.3 × min(1, 0.02/0.015) + 0.4 × 1 (|48.5 − 48| <= 1) + 0.3 × 0
    // = 0.7.
    assert_eq!(
        total(&report, "Warehouse and installation", 0),
        Decimal::new(7, 1)
    );
    // Sales manager, 2024-01, weights 0.5, 0.2, 0.25 normalised by 0.95:
    // (0.5 × 640/600 + 0.2 × 0 + 0.25 × 2150/2000) / 0.95
    // = (0.533333... + 0.26875) / 0.95 = 0.844298...
    let expected = (Decimal::new(5, 1) * Decimal::from(640) / Decimal::from(600)
        + Decimal::new(25, 2) * Decimal::new(1075, 3))
        / Decimal::new(95, 2);
    let gap = (total(&report, "O. Ivanova, sales manager", 0) - expected).abs();
    assert!(gap < Decimal::new(1, 20), "gap {gap}");
}

/// The workbook fixture holds the same card as the TOML. It was written from the TOML
/// by this test with `BILANS_UPDATE=1` (see docs/kpi.md); without it, the test checks
/// that both read to the same card and report.
#[test]
fn example_workbook_is_the_toml_card() {
    let text = std::fs::read_to_string(fixture(EXAMPLE_TOML)).unwrap();
    let from_toml = card_input_from_toml(&text, EXAMPLE_TOML).unwrap();
    let xlsx = fixture(EXAMPLE_XLSX);
    if std::env::var_os("BILANS_UPDATE").is_some() {
        write_input_workbook(&from_toml, &xlsx, Overwrite::Allowed).unwrap();
    }
    let (from_xlsx, _) = read_input_workbook(&xlsx).unwrap();
    assert_eq!(
        report(&build_card(&from_xlsx).unwrap()),
        report(&build_card(&from_toml).unwrap())
    );
}

#[test]
fn cli_prints_markdown_and_json_and_writes_the_workbook() {
    let (code, stdout, _) = run_bilans(&["kpi", "fixtures/kpi/example_card.toml"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, render_markdown(&example_report()));

    let (code, stdout, _) = run_bilans(&["kpi", "fixtures/kpi/example_card.xlsx", "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["cards"][1]["owner"], "Sales department");
    assert_eq!(json["cards"][1]["totals"][1]["total"]["status"], "computed");
    assert_eq!(
        json["cards"][1]["rows"][0]["cells"][1]["score"]["method"],
        "actual_over_plan"
    );
    assert_eq!(json["cards"][1]["rows"][0]["cells"][1]["light"], "amber");

    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("cards.xlsx");
    let output_text = output.to_str().unwrap();
    let (code, _, stderr) =
        run_bilans(&["kpi", "fixtures/kpi/example_card.toml", "-o", output_text]);
    assert_eq!(code, 0, "{stderr}");
    let written = std::fs::read(&output).unwrap();
    assert!(written.starts_with(b"PK"), "an xlsx is a zip file");
    let (code, _, stderr) =
        run_bilans(&["kpi", "fixtures/kpi/example_card.toml", "-o", output_text]);
    assert_ne!(code, 0);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read(&output).unwrap(), written);
    let (code, _, stderr) = run_bilans(&[
        "kpi",
        "fixtures/kpi/example_card.toml",
        "-o",
        output_text,
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn bad_toml_cards_give_located_errors() {
    let mut text = String::new();
    for name in ["unknown_scale", "weight_not_a_number", "plan_missing"] {
        let path = format!("fixtures/kpi/bad/{name}.toml");
        let (code, stdout, stderr) = run_bilans(&["kpi", &path]);
        assert_eq!((code, stdout.as_str()), (1, ""));
        text.push_str(&stderr);
    }
    insta::assert_snapshot!("kpi_bad_toml", text);
}

/// A change that makes a good card bad.
type Spoil = fn(&mut CardInput);

#[test]
fn bad_workbook_cards_give_located_errors() {
    let toml = std::fs::read_to_string(fixture(EXAMPLE_TOML)).unwrap();
    let good = card_input_from_toml(&toml, EXAMPLE_TOML).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mut text = String::new();
    let cases: [(&str, Spoil); 4] = [
        ("unknown_scale", |input| {
            input.kpis[4]
                .fields
                .insert(KpiField::Scale, "metric".to_owned());
        }),
        ("weight_not_a_number", |input| {
            input.kpis[5]
                .fields
                .insert(KpiField::Weight, "a lot".to_owned());
        }),
        ("plan_missing", |input| {
            input.kpis[0].fields.remove(&KpiField::Plan);
        }),
        ("actual_not_a_number", |input| {
            input.kpis[2].actuals[1].1 = "n/a".to_owned();
        }),
    ];
    for (name, spoil) in cases {
        let mut input = good.clone();
        spoil(&mut input);
        let path = folder.path().join(format!("{name}.xlsx"));
        write_input_workbook(&input, &path, Overwrite::Never).unwrap();
        let (code, _, stderr) = run_bilans(&["kpi", path.to_str().unwrap()]);
        assert_eq!(code, 1);
        text.push_str(&stderr.replace(&folder.path().display().to_string(), "<dir>"));
    }
    insta::assert_snapshot!("kpi_bad_workbook", text);
}

#[test]
fn inputs_are_never_modified() {
    let path = fixture(EXAMPLE_XLSX);
    let before = std::fs::read(&path).unwrap();
    let (code, _, _) = run_bilans(&["kpi", "fixtures/kpi/example_card.xlsx"]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read(Path::new(&path)).unwrap(), before);
}

/// Extreme values: a quotient or deviation beyond a Decimal's range is not computable
/// (or refused) with its reason, an absurd weight is a located error; never a panic.
#[test]
fn extreme_values_are_not_computable_or_located_errors() {
    let folder = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(fixture("kpi/example_card.toml")).unwrap();
    let run = |name: &str, text: String| {
        let path = folder.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        run_bilans(&["kpi", path.to_str().unwrap()])
    };
    // Net profit's plan of 10^-28: actual / plan is about 1.6 · 10^33.
    let (code, stdout, stderr) = run(
        "plan",
        example.replacen("plan = 150000", "plan = 0.0000000000000000000000000001", 1),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Net profit: actual / plan exceeds a decimal's range (28 digits)"),
        "{stdout}"
    );
    // An actual of −7 · 10^28 against an optimum of 7 · 10^28: the deviation overflows.
    let (code, stdout, stderr) = run(
        "deviation",
        example
            .replacen("plan = 1200000", "plan = 7e28", 1)
            .replacen("\"2024-01\" = 1230000", "\"2024-01\" = -7e28", 1),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "Operating budget deviation 2024-01: not computable: the deviation from the optimum exceeds a decimal's range (28 digits)"
        ),
        "{stdout}"
    );
    // A relative tolerance of 7 · 10^28 is 7 · 10^30 %: shown as the fraction.
    let (code, stdout, stderr) = run(
        "tolerance",
        example.replacen("tolerance = 0.05", "tolerance = 7e28", 1),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("± 70000000000000000000000000000 (a fraction)"),
        "{stdout}"
    );
    let (code, stdout, stderr) = run(
        "weight",
        example.replacen("weight = 0.3", "weight = 7e28", 1),
    );
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains("field `weight`: weight 70000000000000000000000000000 is above 1000000000"),
        "{stderr}"
    );
}

/// Every error of a TOML card names the line and column, as the errors of the other
/// TOML inputs (staff files, partner panels) do.
#[test]
fn toml_card_errors_have_a_line_and_column() {
    let check = |text: &str, expect: &str| {
        let error = bilans_sheets::kpi::parse_card_toml(text, "card.toml").unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with(expect), "{message}");
    };
    // Syntax: the parser's own message, with the offending line.
    check(
        "[[kpi]]\nname = \n",
        "card.toml: TOML parse error at line 2, column 8",
    );
    // Keys and values of the wrong kind.
    check(
        "[[kpi]]\nname = \"A\"\ncolour = \"red\"\n",
        "card.toml: line 3, column 10: [[kpi]] #1, field `colour`: unknown field",
    );
    check(
        "[[kpi]]\nname = \"A\"\nactual = 5\n",
        "card.toml: line 3, column 10: [[kpi]] #1, field `actual`: expected a table",
    );
    check(
        "[settings]\ncap = { positive = { ratio = [1] } }\n[[kpi]]\nname = \"A\"\n",
        "card.toml: line 2, column 30: field `settings.cap.positive.ratio`: expected a number",
    );
    check(
        "colour = 1\n[[kpi]]\nname = \"A\"\n",
        "card.toml: line 1, column 10: field `colour`: unknown",
    );
    // Validation: the value's place, or the KPI's table when the field is missing.
    let example = std::fs::read_to_string(fixture(EXAMPLE_TOML)).unwrap();
    let bad_scale = example.replacen("scale = \"ratio\"", "scale = \"metric\"", 1);
    let line = bad_scale
        .lines()
        .position(|line| line.starts_with("scale = \"metric\""))
        .unwrap()
        + 1;
    check(
        &bad_scale,
        &format!("card.toml: line {line}, column 9: [[kpi]] #1 ("),
    );
}
