//! Integration tests of partner selection (seed 000): reproduction of Tables 1 and 2
//! with the reconciliation of every published cell, the example inputs (TOML and
//! workbook), the CLI, and located errors for bad input.

use std::path::Path;

use bilans_scoring::partners::{PanelInput, Seed000, analyse, render, reproduce_seed000};
use bilans_sheets::{Overwrite, SheetsError, save_workbook};

use crate::support::{fixture, run_bilans};

fn seed() -> Seed000 {
    toml::from_str(&std::fs::read_to_string(fixture("seeds/seed000_partners.toml")).unwrap())
        .unwrap()
}

fn input(relative: &str) -> PanelInput {
    toml::from_str(&std::fs::read_to_string(fixture(relative)).unwrap()).unwrap()
}

fn write_input_workbook(input: &PanelInput, path: &Path, overwrite: Overwrite) {
    let mut workbook = bilans_sheets::partners::panel_input_workbook(input, path).unwrap();
    save_workbook(&mut workbook, path, overwrite).unwrap();
}

#[test]
fn seed000_tables_are_reproduced_and_reconciled() {
    let seed = seed();
    let reproduction = reproduce_seed000(&seed).unwrap();
    insta::assert_snapshot!("seed000_table1", reproduction.table1);
    insta::assert_snapshot!("seed000_table2", reproduction.table2);
    let mut reconciliation = render::reconciliation_markdown(&reproduction.cells);
    reconciliation.push_str("\nNotes\n\n");
    for line in &reproduction.notes {
        reconciliation.push_str(&format!("- {line}\n"));
    }
    insta::assert_snapshot!("seed000_reconciliation", reconciliation);
    // Every published cell is reconciled: 8 criteria × 2 partners + 2 totals, 6 models.
    let published = seed.table1.rows.len() * 2 + 2 + seed.table2.models.len();
    assert_eq!(reproduction.cells.len(), published);
}

#[test]
fn reproduce_partners_prints_the_reconciliation_as_json() {
    let (code, stdout, stderr) = run_bilans(&["reproduce", "partners", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let cells: Vec<bilans_model::reconcile::ReconciledCell> =
        serde_json::from_str(&stdout).unwrap();
    assert_eq!(cells, reproduce_seed000(&seed()).unwrap().cells);
    let (code, stdout, _) = run_bilans(&["reproduce", "partners"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Reconciliation"));
    // The article's conclusion, stated as `partners score` states it: A by total, B by
    // harmony.
    let conclusion = stdout
        .split_once("Conclusion\n\n")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    assert!(
        conclusion.starts_with(
            "- winner by PT: А\n- winner by harmony: Б\n- the rules disagree: PT picks А, harmony picks Б\n"
        ),
        "{stdout}"
    );
}

#[test]
fn the_article_rules_disagree_on_the_seed_panel() {
    // The article: A wins by PT, B by harmony (judged by eye on the radar chart).
    let analysis = analyse(&seed().panel_input()).unwrap();
    assert_eq!(analysis.scoring.selection.by_total, ["А"]);
    assert_eq!(analysis.scoring.selection.by_harmony, ["Б"]);
    assert_eq!(
        analysis.scoring.selection.rules,
        bilans_scoring::partners::RuleComparison::Disagree
    );
}

#[test]
fn example_analysis() {
    let analysis = analyse(&input("partners/example.toml")).unwrap();
    insta::assert_snapshot!("partners_example", render::analysis_markdown(&analysis));
    let individual = analyse(&input("partners/individual.toml")).unwrap();
    insta::assert_snapshot!(
        "partners_individual",
        render::scoring_markdown(&individual.scoring)
    );
}

/// The example workbook is the example TOML written by `panel_input_workbook`;
/// `BILANS_UPDATE=1` rewrites it. Either way, reading it back gives the same analysis.
#[test]
fn example_workbook_matches_the_toml() {
    let toml_input = input("partners/example.toml");
    let path = fixture("partners/example.xlsx");
    if std::env::var_os("BILANS_UPDATE").is_some() {
        write_input_workbook(&toml_input, &path, Overwrite::Allowed);
    }
    let from_workbook = bilans_sheets::partners::analyse_workbook(&path).unwrap();
    assert_eq!(from_workbook, analyse(&toml_input).unwrap());
}

#[test]
fn score_writes_a_workbook_and_refuses_to_overwrite() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("out.xlsx");
    let output = output.to_str().unwrap();
    let (code, _, stderr) = run_bilans(&[
        "partners",
        "score",
        "fixtures/partners/example.xlsx",
        "-o",
        output,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let written = std::fs::read(output).unwrap();
    assert!(written.starts_with(b"PK"));
    let (code, _, stderr) = run_bilans(&[
        "partners",
        "score",
        "fixtures/partners/example.toml",
        "-o",
        output,
    ]);
    assert_ne!(code, 0);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read(output).unwrap(), written);
    let (code, stdout, stderr) = run_bilans(&[
        "partners",
        "score",
        "fixtures/partners/example.toml",
        "-o",
        output,
        "--force",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["scoring"]["selection"]["by_total"][0], "A");
}

fn check_bad_toml(name: &str, expected: &str) {
    let path = format!("fixtures/partners/bad/{name}.toml");
    let (code, stdout, stderr) = run_bilans(&["partners", "score", &path]);
    assert_ne!(code, 0);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(&path) && stderr.contains(expected),
        "{stderr}"
    );
}

#[test]
fn bad_toml_input_is_located() {
    check_bad_toml(
        "score_outside_scale",
        "partners[1].scores.\"legitimacy\"[2]: score 6 outside the scale 1..5",
    );
    check_bad_toml(
        "negative_count",
        "partners[0].votes.\"uniqueness\"[1]: negative count -2",
    );
    check_bad_toml(
        "missing_criterion",
        "partners[1].votes.\"uniqueness\": criterion `uniqueness` is missing for partner `B`",
    );
}

#[test]
fn bad_workbook_input_is_located() {
    let folder = tempfile::tempdir().unwrap();
    let check = |name: &str, expected: &str| {
        let path = folder.path().join(format!("{name}.xlsx"));
        write_input_workbook(
            &input(&format!("partners/bad/{name}.toml")),
            &path,
            Overwrite::Never,
        );
        let error = bilans_sheets::partners::analyse_workbook(&path).unwrap_err();
        let message = error.to_string();
        let file = path.display().to_string();
        assert_eq!(message, format!("{file}: {expected}"));
        error
    };
    // Row 4 of `Scores` is B / legitimacy (after the header and A's two rows); expert 3
    // is column E.
    let error = check(
        "score_outside_scale",
        "sheet `Scores`, cell E4: score 6 outside the scale 1..5",
    );
    assert!(matches!(error, SheetsError::AtCell { .. }));
    // Row 3 of `Votes` is A / uniqueness; score 2 is column D.
    check(
        "negative_count",
        "sheet `Votes`, cell D3: negative count -2",
    );
    check(
        "missing_criterion",
        "sheet `Votes`: criterion `uniqueness` is missing for partner `B`",
    );
}

/// Extreme values: an absurd vote count or scale is a located error (exit 1), a large
/// but admissible count is scored at once from the counts (it used to be expanded into
/// one value per vote, which hung or panicked).
#[test]
fn extreme_values_are_located_errors_not_panics_or_hangs() {
    let folder = tempfile::tempdir().unwrap();
    let run = |name: &str, scale: &str, votes: &str| {
        let path = folder.path().join(format!("{name}.toml"));
        let text = format!(
            "experts = 10\n{scale}criteria = [\"x\", \"y\"]\n\n[[partners]]\nname = \"A\"\n\
             [partners.votes]\n\"x\" = {votes}\n\"y\" = [0, 0, 10, 0, 0]\n"
        );
        std::fs::write(&path, text).unwrap();
        run_bilans(&["partners", "score", path.to_str().unwrap()])
    };
    let (code, stdout, stderr) = run("overflow", "", "[0, 0, 0, 0, 9000000000000000000]");
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains("partners[0].votes.\"x\"[4]: more than 1000000000 votes for one criterion"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(
        "scale",
        "scale = { min = -9223372036854775808, max = 9223372036854775807 }\n",
        "[0, 0, 0, 0, 10]",
    );
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains(
            "scale: the scale -9223372036854775808..9223372036854775807 has more than 1000 points"
        ),
        "{stderr}"
    );
    let (code, stdout, stderr) = run("large", "", "[0, 0, 0, 0, 900000000]");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("900000000 votes cast for a panel of 10"),
        "{stdout}"
    );
}

/// A declared panel beyond `MAX_EXPERTS` (10⁹) is a located error; 26 experts in
/// perfect agreement (which overflowed the χ² tail) are scored, with W = 1.
#[test]
fn absurd_panels_are_refused_and_unanimous_panels_scored() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.toml");
    std::fs::write(
        &path,
        "experts = 9223372036854775807\ncriteria = [\"x\"]\n\n[[partners]]\nname = \"A\"\n\
         [partners.votes]\n\"x\" = [0, 0, 0, 0, 10]\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_bilans(&["partners", "score", path.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains(&path.display().to_string())
            && stderr.contains(
                "experts: a panel of 9223372036854775807 experts is more than the 1000000000 bilans accepts"
            ),
        "{stderr}"
    );
    // Eight criteria (the χ² test), scored 1..8 by every one of 26 experts.
    let path = folder.path().join("unanimous.toml");
    let mut text = String::from(
        "experts = 26\nscale = { min = 1, max = 8 }\n\
         criteria = [\"c1\", \"c2\", \"c3\", \"c4\", \"c5\", \"c6\", \"c7\", \"c8\"]\n\n\
         [[partners]]\nname = \"A\"\n[partners.scores]\n",
    );
    for points in 1..=8 {
        text.push_str(&format!("\"c{points}\" = {:?}\n", vec![points; 26]));
    }
    std::fs::write(&path, text).unwrap();
    let (code, stdout, stderr) =
        run_bilans(&["partners", "score", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let agreement = &json["scoring"]["partners"][0]["agreement"]["Ok"];
    assert_eq!(agreement["w"], "1", "{agreement}");
    assert_eq!(agreement["test"], "chi_square", "{agreement}");
}

/// A Scores sheet wider than a worksheet (a 1000-point scale for 70 partners: 70 blocks
/// of 1000 columns overflow even a u16 column index) is a writer error, not a panic or
/// a wrapped-around layout.
#[test]
fn too_wide_a_scores_sheet_is_an_error() {
    let mut panel = input("partners/example.toml");
    panel.scale = bilans_scoring::partners::ScaleInput { min: 1, max: 1000 };
    panel.compliance = None;
    panel.monitoring = None;
    let mut votes = vec![0; 1000];
    votes[0] = panel.experts;
    let template = panel.partners[0].clone();
    panel.partners = (0..70)
        .map(|partner_idx| bilans_scoring::partners::PartnerInput {
            name: format!("P{partner_idx}"),
            votes: panel
                .criteria
                .iter()
                .map(|criterion| (criterion.clone(), votes.clone()))
                .collect(),
            scores: Default::default(),
            ..template.clone()
        })
        .collect();
    let analysis = analyse(&panel).unwrap();
    let result = bilans_sheets::partners::analysis_workbook(&analysis, Path::new("wide.xlsx"));
    assert!(
        matches!(result, Err(SheetsError::Xlsx { .. })),
        "{:?}",
        result.err()
    );
}

/// The `Compliance` and `Monitoring` sheets hold the analysis' numbers as numbers at
/// full precision (they used to be re-parsed from Markdown rounded to 2 decimals).
#[test]
fn compliance_and_monitoring_sheets_hold_unrounded_numbers() {
    use calamine::{Data, Reader, open_workbook_auto};

    let mut panel = input("partners/example.toml");
    let compliance = panel.compliance.as_mut().unwrap();
    compliance
        .weights
        .insert("marketing".into(), "1.23456789".parse().unwrap());
    let monitoring = panel.monitoring.as_mut().unwrap();
    let bilans_scoring::partners::IndicatorInput::Quantitative { actual, .. } =
        &mut monitoring.indicators[0]
    else {
        panic!("the example's first indicator is quantitative");
    };
    actual[1] = "7.654321".parse().unwrap();
    let analysis = analyse(&panel).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("analysis.xlsx");
    let mut workbook = bilans_sheets::partners::analysis_workbook(&analysis, &path).unwrap();
    save_workbook(&mut workbook, &path, Overwrite::Never).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    let float = |value: rust_decimal::Decimal| value.to_string().parse::<f64>().unwrap();

    let sheet = book.worksheet_range("Compliance").unwrap();
    let compliance = analysis.compliance.as_ref().unwrap();
    let weighted_row = compliance.indicators.len() + 2;
    assert_eq!(
        sheet.get((weighted_row, 0)),
        Some(&Data::String("weighted total".into()))
    );
    for (model_idx, total) in compliance.totals.iter().enumerate() {
        // Association: marketing 1.23456789 + business processes 1 = 2.23456789.
        assert_eq!(
            sheet.get((weighted_row, 1 + model_idx)),
            Some(&Data::Float(float(total.weighted_total))),
            "{}",
            total.model
        );
    }
    assert_eq!(
        sheet.get((weighted_row, 1)),
        Some(&Data::Float(2.234_567_89))
    );

    let sheet = book.worksheet_range("Monitoring").unwrap();
    // 2025, sales growth: short by 10 − 7.654321 = 2.345679, 23.45679 % of the target.
    let row = (0..sheet.height())
        .find(|row| {
            sheet.get((*row, 0)) == Some(&Data::String("2025".into()))
                && sheet.get((*row, 2)) == Some(&Data::String("sales growth".into()))
        })
        .unwrap();
    assert_eq!(sheet.get((row, 5)), Some(&Data::Float(2.345_679)));
    assert_eq!(sheet.get((row, 6)), Some(&Data::Float(0.234_567_9)));
}
