//! Integration tests: human capital (seed 003) end to end over `fixtures/hc/`.
//!
//! `fixtures/hc/staff.xlsx` is written from `fixtures/hc/staff.toml` by
//! `BILANS_UPDATE=1 cargo test -p bilans-tests human_capital`; without that variable the
//! test checks that the two files hold the same data.

use std::path::Path;

use bilans_scoring::human_capital::{StaffFile, render_markdown};
use bilans_sheets::Overwrite;
use bilans_sheets::human_capital::{assess_file, load, write_staff_workbook};
use rust_decimal::Decimal;

use crate::support::{fixture, run_bilans};

fn example_toml() -> StaffFile {
    load(&fixture("hc/staff.toml")).unwrap()
}

#[test]
fn example_workbook_holds_the_toml_data() {
    let xlsx = fixture("hc/staff.xlsx");
    if std::env::var_os("BILANS_UPDATE").is_some() {
        write_staff_workbook(&example_toml(), &xlsx, Overwrite::Allowed).unwrap();
    }
    assert_eq!(load(&xlsx).unwrap(), example_toml());
}

#[test]
fn example_report() {
    let report = assess_file(&fixture("hc/staff.toml")).unwrap();
    insta::assert_snapshot!("seed003_example_report", render_markdown(&report));
    let json = serde_json::to_string_pretty(&report).unwrap();
    insta::assert_snapshot!("seed003_example_json", json);
}

#[test]
fn workbook_and_toml_give_the_same_report() {
    let from_toml = assess_file(&fixture("hc/staff.toml")).unwrap();
    let from_xlsx = assess_file(&fixture("hc/staff.xlsx")).unwrap();
    assert_eq!(from_xlsx, from_toml);
}

#[test]
fn example_identities_hold() {
    // Formula (4): HC (3) = invested funds (5) x IK for every person, and the company
    // total is the sum of the people's HC; checked on the computed report, not on
    // hard-coded values.
    let report = assess_file(&fixture("hc/staff.toml")).unwrap();
    let mut total = Decimal::ZERO;
    for person in &report.people {
        let invested = person.invested_funds_recovered.value().unwrap();
        let back = invested * person.efficiency_coefficient;
        assert!(
            (back - person.human_capital).abs() < Decimal::new(1, 20),
            "{}",
            person.id
        );
        let groups: Decimal = person.group_scores.values().copied().sum();
        assert_eq!(groups, person.human_capital);
        total += person.human_capital;
    }
    assert_eq!(report.company.total_human_capital, total);
}

#[test]
fn not_computable_is_reported_with_reasons() {
    let (code, stdout, stderr) = run_bilans(&["hc", "fixtures/hc/not_computable.toml"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("seed003_not_computable", stdout);
}

#[test]
fn cli_writes_the_workbook_and_refuses_to_overwrite() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("hc.xlsx");
    let output_text = output.to_str().unwrap();
    let (code, stdout, stderr) = run_bilans(&["hc", "fixtures/hc/staff.xlsx", "-o", output_text]);
    assert_eq!(code, 0, "{stderr}");
    let report = assess_file(&fixture("hc/staff.toml")).unwrap();
    assert_eq!(stdout.trim_end(), render_markdown(&report).trim_end());
    let written = std::fs::read(&output).unwrap();
    assert!(written.starts_with(b"PK"), "an xlsx file is a zip archive");

    let (code, _, stderr) = run_bilans(&["hc", "fixtures/hc/staff.xlsx", "-o", output_text]);
    assert_ne!(code, 0);
    assert!(
        stderr.contains("already exists; refusing to overwrite it\nhint: pass --force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&output).unwrap(), written);

    let (code, _, stderr) =
        run_bilans(&["hc", "fixtures/hc/staff.toml", "-o", output_text, "--force"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn cli_json_is_the_report() {
    let (code, stdout, stderr) = run_bilans(&["hc", "fixtures/hc/staff.toml", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let report = assess_file(&fixture("hc/staff.toml")).unwrap();
    assert_eq!(
        stdout.trim_end(),
        serde_json::to_string_pretty(&report).unwrap()
    );
}

#[test]
fn bad_toml_inputs_are_located() {
    insta::glob!("../../fixtures/hc/bad", "*.toml", |path| {
        let relative = path
            .strip_prefix(crate::support::project_root().canonicalize().unwrap())
            .unwrap();
        let relative = relative.to_str().unwrap();
        let (code, stdout, stderr) = run_bilans(&["hc", relative]);
        assert_ne!(code, 0);
        assert!(stdout.is_empty());
        insta::assert_snapshot!(stderr);
    });
}

/// Writes the example with `edit` applied as a workbook and returns the error text.
fn workbook_error(edit: impl FnOnce(&mut StaffFile)) -> String {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("staff.xlsx");
    let mut file = example_toml();
    edit(&mut file);
    write_staff_workbook(&file, &path, Overwrite::Never).unwrap();
    let error = assess_file(&path).unwrap_err().to_string();
    error.replace(path.to_str().unwrap(), "<tmp>/staff.xlsx")
}

#[test]
fn bad_workbook_inputs_are_located() {
    let negative_fte = workbook_error(|file| file.staff[2].fte = Decimal::NEGATIVE_ONE);
    let zero_coefficient =
        workbook_error(|file| file.staff[4].efficiency_coefficient = Decimal::ZERO);
    let missing_group = workbook_error(|file| {
        file.staff[1].assessment.scores.remove("mental_development");
    });
    let missing_baseline_group = workbook_error(|file| {
        file.staff[0]
            .baseline
            .as_mut()
            .unwrap()
            .scores
            .remove("personality");
    });
    let bad_weights = workbook_error(|file| {
        let aggregation = file.config.aggregation.values_mut().next().unwrap();
        aggregation.weights.insert("health".into(), Decimal::ONE);
    });
    let text = [
        negative_fte,
        zero_coefficient,
        missing_group,
        missing_baseline_group,
        bad_weights,
    ]
    .join("\n");
    insta::assert_snapshot!("seed003_bad_workbook", text);
}

#[test]
fn workbook_shape_errors_are_located() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("not_a_workbook.xlsx");
    std::fs::write(&path, "plain text").unwrap();
    let error = assess_file(&path).unwrap_err().to_string();
    assert!(error.contains("not a spreadsheet"), "{error}");
    let error = assess_file(Path::new("no/such/file.toml"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("no/such/file.toml"), "{error}");
}

/// Extreme values: a money figure beyond a Decimal's range is not computable with its
/// reason; points beyond it are an error naming the field; never a panic.
#[test]
fn extreme_values_are_not_computable_or_located_errors() {
    let folder = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(fixture("hc/staff.toml")).unwrap();
    let run = |name: &str, text: String| {
        let path = folder.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        run_bilans(&["hc", path.to_str().unwrap()])
    };
    // E01's wage of 10^27 times a goodwill above 1 is beyond 7.9 · 10^28.
    let (code, stdout, stderr) = run("wage", example.replacen("wage = 1800000", "wage = 1e27", 1));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "- E01 worker value: not computable: wage x goodwill + investment x periods exceeds a decimal's range (28 digits)"
        ),
        "{stdout}"
    );
    // Two components of 7 · 10^28 on a scale that admits them: their sum overflows.
    let (code, stdout, stderr) = run(
        "scores",
        example.replacen("max = 10", "max = 7e28", 1).replacen(
            "mental_development = { adaptation = 8, intellect = 9 }",
            "mental_development = { adaptation = 7e28, intellect = 7e28 }",
            1,
        ),
    );
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains(
            "field `staff[0].assessment.scores.mental_development`: the sum of the component scores exceeds a decimal's range (28 digits)"
        ),
        "{stderr}"
    );
}

/// An impossible date is a located error: the TOML field, or the workbook cell.
#[test]
fn impossible_dates_are_located_errors() {
    let folder = tempfile::tempdir().unwrap();
    let path = crate::support::broken_fixture(
        folder.path(),
        "hc/staff.toml",
        "date = \"2024-11-20\"",
        "date = \"2024-13-45\"",
    );
    let (code, stdout, stderr) = run_bilans(&["hc", path.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains(&path.display().to_string())
            && stderr.contains("staff[0].assessment.date")
            && stderr.contains("`2024-13-45` is not a date: month 13 is not 1 to 12"),
        "{stderr}"
    );
    let error = workbook_error(|file| {
        file.staff[1].baseline.as_mut().unwrap().date = "2023-02-29".to_owned();
    });
    assert!(
        error.starts_with("<tmp>/staff.xlsx: sheet `Scores`, cell D")
            && error.contains("day 29 does not exist in 2023-02"),
        "{error}"
    );
}
