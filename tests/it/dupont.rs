//! Seed 004 (the modified Du Pont model): every published table reproduced in its
//! published layout, and every published cell reconciled.

use bilans_ratios::render;
use bilans_ratios::seed004::{self, PublishedSeed, Reproduction};

use crate::support::{broken_fixture, fixture, reconciliation_json, run_bilans};

fn reproduction() -> Reproduction {
    let text = std::fs::read_to_string(fixture("seeds/seed004_dupont.toml")).unwrap();
    let seed: PublishedSeed = toml::from_str(&text).unwrap();
    seed004::reproduce(&seed).unwrap()
}

#[test]
fn each_table_is_reproduced_in_the_published_layout() {
    let reproduction = reproduction();
    assert_eq!(reproduction.tables.len(), 6);
    for table in &reproduction.tables {
        let name = format!("seed004_{}", table.id.replace(' ', ""));
        insta::assert_snapshot!(name, render::reproduced_table(table));
    }
}

#[test]
fn every_published_cell_is_reconciled() {
    let reproduction = reproduction();
    let published_cells: usize = reproduction
        .tables
        .iter()
        .map(|table| table.rows.len() * table.periods.len())
        .sum();
    assert_eq!(reproduction.reconciliation.len(), published_cells);
    insta::assert_snapshot!(
        "seed004_reconciliation",
        render::reconciliation(&reproduction.reconciliation)
    );
}

#[test]
fn table1_identity_checks_are_reported() {
    let reproduction = reproduction();
    let findings: Vec<String> = reproduction
        .findings
        .iter()
        .map(|finding| finding.to_string())
        .collect();
    insta::assert_snapshot!("seed004_table1_checks", findings.join("\n"));
}

#[test]
fn cli_prints_the_report_and_json_reconciliation() {
    let (code, text, _) = run_bilans(&["reproduce", "dupont"]);
    assert_eq!(code, 0);
    assert_eq!(
        text.trim_end(),
        render::seed004_report(&reproduction()).trim_end()
    );

    let cells = reconciliation_json("dupont");
    assert_eq!(cells.len(), reproduction().reconciliation.len());
    insta::assert_json_snapshot!("seed004_reconciliation_json_first_cells", &cells[..3]);
}

#[test]
fn cli_rejects_a_broken_transcription_with_its_location() {
    let folder = tempfile::tempdir().unwrap();
    let path = broken_fixture(
        folder.path(),
        "seeds/seed004_dupont.toml",
        "\"current_ratio\"",
        "\"no_such_ratio\"",
    );
    let (code, _, error) =
        run_bilans(&["reproduce", "dupont", "--fixture", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        error.contains("table 2, row `Płynność bieżąca`: unknown ratio `no_such_ratio`"),
        "{error}"
    );
}
