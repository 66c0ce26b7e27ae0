//! Seed 002 (working-capital management): Table 7 and the A/B example reproduced and
//! reconciled, Table 8 checked cell by cell against the transcription, and the `bilans
//! wc` calculators end to end, including their errors.

use bilans_model::reconcile::Status;
use bilans_ratios::working_capital::seed002::{self, PublishedSeed002, Reproduction002};
use bilans_ratios::working_capital::{CombinedPolicy, Policy, combined_policy, render};

use crate::support::{broken_fixture, fixture, reconciliation_json, run_bilans};

fn seed() -> PublishedSeed002 {
    let text = std::fs::read_to_string(fixture("seeds/seed002_working_capital.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

fn reproduction() -> Reproduction002 {
    seed002::reproduce(&seed()).unwrap()
}

#[test]
fn table7_is_reproduced_in_the_published_layout() {
    insta::assert_snapshot!("seed002_table7", render::table7(&reproduction().table7));
}

#[test]
fn example_ab_is_reproduced() {
    insta::assert_snapshot!(
        "seed002_example_ab",
        render::example(&reproduction().example)
    );
}

#[test]
fn every_published_cell_is_reconciled() {
    let reproduction = reproduction();
    let seed = seed();
    let table7_cells = seed.table7.published.len() * seed.table7.columns.len();
    let example_cells = 4 * seed.example.firms.len();
    assert_eq!(
        reproduction.reconciliation.len(),
        table7_cells + example_cells
    );
    insta::assert_snapshot!(
        "seed002_reconciliation",
        bilans_ratios::render::reconciliation(&reproduction.reconciliation)
    );
}

#[test]
fn a_mistyped_published_cell_is_reported_not_reproducible_with_its_gap() {
    let mut seed = seed();
    seed.table7.published[1].values[0] = "54.56".parse().unwrap();
    let reproduction = seed002::reproduce(&seed).unwrap();
    let cell = &reproduction.reconciliation[2];
    assert_eq!(cell.status, Status::NotReproducible);
    // 54.56 − 54.5454… = 0.0145…
    assert_eq!(cell.gap.unwrap().round_dp(4).to_string(), "0.0145");
}

/// Table 8: the printed cell at (liability row, asset column) against the library.
fn check_table8_cell(liabilities: Policy, assets: Policy, expected: CombinedPolicy) {
    let seed = seed();
    let row = seed
        .table8
        .rows
        .iter()
        .find(|row| row.liability_policy == liabilities)
        .unwrap();
    let column = seed
        .table8
        .columns
        .iter()
        .position(|policy| *policy == assets)
        .unwrap();
    let printed = seed002::table8_cell_meaning(&row.cells[column]).unwrap();
    assert_eq!(printed, expected, "transcription");
    assert_eq!(combined_policy(assets, liabilities), printed, "library");
}

mod table8 {
    use super::check_table8_cell;
    use bilans_ratios::working_capital::CombinedPolicy::{Compatible, NotCompatible};
    use bilans_ratios::working_capital::Policy::{Aggressive, Conservative, Moderate};

    #[test]
    fn aggressive_liabilities_conservative_assets() {
        check_table8_cell(Aggressive, Conservative, NotCompatible);
    }

    #[test]
    fn aggressive_liabilities_moderate_assets() {
        check_table8_cell(Aggressive, Moderate, Compatible(Moderate));
    }

    #[test]
    fn aggressive_liabilities_aggressive_assets() {
        check_table8_cell(Aggressive, Aggressive, Compatible(Aggressive));
    }

    #[test]
    fn moderate_liabilities_conservative_assets() {
        check_table8_cell(Moderate, Conservative, Compatible(Moderate));
    }

    #[test]
    fn moderate_liabilities_moderate_assets() {
        check_table8_cell(Moderate, Moderate, Compatible(Moderate));
    }

    #[test]
    fn moderate_liabilities_aggressive_assets() {
        check_table8_cell(Moderate, Aggressive, Compatible(Moderate));
    }

    #[test]
    fn conservative_liabilities_conservative_assets() {
        check_table8_cell(Conservative, Conservative, Compatible(Conservative));
    }

    #[test]
    fn conservative_liabilities_moderate_assets() {
        check_table8_cell(Conservative, Moderate, Compatible(Moderate));
    }

    #[test]
    fn conservative_liabilities_aggressive_assets() {
        check_table8_cell(Conservative, Aggressive, NotCompatible);
    }
}

#[test]
fn an_unreadable_table8_cell_is_a_transcription_error() {
    let error = seed002::table8_cell_meaning("Умеренно").unwrap_err();
    assert_eq!(
        error.to_string(),
        "table 8: cannot read the cell `Умеренно`"
    );
}

#[test]
fn cli_prints_the_report_and_json_reconciliation() {
    let (code, text, _) = run_bilans(&["reproduce", "working-capital"]);
    assert_eq!(code, 0);
    assert_eq!(
        text.trim_end(),
        render::seed002_report(&reproduction()).trim_end()
    );
    insta::assert_snapshot!("seed002_report", text);

    let cells = reconciliation_json("working-capital");
    assert_eq!(cells.len(), reproduction().reconciliation.len());
    insta::assert_json_snapshot!("seed002_reconciliation_json_first_cells", &cells[..2]);
}

#[test]
fn cli_rejects_a_broken_transcription_with_its_location() {
    let folder = tempfile::tempdir().unwrap();
    let path = broken_fixture(
        folder.path(),
        "seeds/seed002_working_capital.toml",
        "\"economic_return_on_assets\"",
        "\"no_such_ratio\"",
    );
    let path = path.to_str().unwrap();
    let (code, _, error) = run_bilans(&["reproduce", "working-capital", "--fixture", path]);
    assert_eq!(code, 1);
    assert!(
        error.contains(
            "table 7: row `Экономическая рентабельность активов, %`: unknown ratio `no_such_ratio`"
        ),
        "{error}"
    );
}

/// Runs `bilans wc ARGS` and returns stdout, asserting success.
fn wc(args: &[&str]) -> String {
    let mut all = vec!["wc"];
    all.extend_from_slice(args);
    let (code, out, error) = run_bilans(&all);
    assert_eq!(code, 0, "{error}");
    out
}

/// Runs `bilans wc ARGS` and returns stderr, asserting failure.
fn wc_error(args: &[&str]) -> String {
    let mut all = vec!["wc"];
    all.extend_from_slice(args);
    let (code, out, error) = run_bilans(&all);
    assert_ne!(code, 0, "{out}");
    assert!(out.is_empty(), "{out}");
    error
}

#[test]
fn cli_calculators_print_text() {
    let outputs = [
        // Seed 002's firm A.
        wc(&[
            "supplier-deferral",
            "--monthly-turnover",
            "100",
            "--monthly-purchases",
            "50",
        ]),
        // "2/10 net 30" against 20 %.
        wc(&[
            "discount",
            "--discount-percent",
            "2",
            "--discount-days",
            "10",
            "--payment-term-days",
            "30",
            "--bank-rate-percent",
            "20",
            "--days-in-year",
            "365",
        ]),
        wc(&[
            "bill",
            "--face-value",
            "100000",
            "--discount-rate-percent",
            "12",
            "--days-to-maturity",
            "90",
            "--return-on-funds-percent",
            "25",
            "--inflation-percent",
            "2",
        ]),
        wc(&[
            "factoring",
            "--invoice-amount",
            "100000",
            "--commission-percent",
            "2",
            "--advance-percent",
            "80",
            "--interest-rate-percent",
            "15",
            "--days-early",
            "60",
            "--inflation-percent",
            "5",
        ]),
        wc(&["wages", "--frequency", "fortnightly"]),
        wc(&[
            "express-payables",
            "--payables",
            "50",
            "--annual-revenue",
            "3600",
        ]),
        wc(&["mean", "100", "120", "140", "110", "130"]),
        wc(&[
            "deposit-share",
            "--balances",
            "20,30,40",
            "--revenue-of-period",
            "300",
            "--expected-revenue",
            "360",
        ]),
        wc(&[
            "deposit-income",
            "--principal",
            "100000",
            "--annual-rate-percent",
            "12",
            "--term-months",
            "12",
            "--compounding",
            "monthly",
        ]),
        wc(&[
            "policy",
            "--current-asset-share-percent",
            "54.55",
            "--short-term-credit-share-percent",
            "5",
        ]),
        wc(&[
            "policy",
            "--current-asset-share-percent",
            "54.55",
            "--short-term-credit-share-percent",
            "30",
            "--turnover-days",
            "20",
            "--turnover-bands",
            "30,90",
        ]),
    ];
    insta::assert_snapshot!("seed002_cli_calculators", outputs.join("\n"));
}

#[test]
fn cli_calculators_print_json() {
    let json = wc(&[
        "discount",
        "--discount-percent",
        "2",
        "--discount-days",
        "10",
        "--payment-term-days",
        "30",
        "--bank-rate-percent",
        "40",
        "--json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["result"]["decision"], "pay_at_term");
    assert_eq!(value["input"]["discount_percent"], "2");
    let json = wc(&[
        "factoring",
        "--invoice-amount",
        "100000",
        "--commission-percent",
        "2",
        "--advance-percent",
        "80",
        "--interest-rate-percent",
        "15",
        "--days-early",
        "60",
        "--return-on-funds-percent",
        "40",
        "--json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["result"]["total_cost"], "4000");
    assert_eq!(
        value["result"]["comparison"]["return_on_funds"]["worthwhile"],
        true
    );
}

#[test]
fn cli_rejects_invalid_parameters_naming_them() {
    let errors = [
        wc_error(&[
            "discount",
            "--discount-percent",
            "100",
            "--discount-days",
            "10",
            "--payment-term-days",
            "30",
            "--bank-rate-percent",
            "20",
        ]),
        wc_error(&[
            "discount",
            "--discount-percent",
            "2",
            "--discount-days",
            "30",
            "--payment-term-days",
            "30",
            "--bank-rate-percent",
            "20",
        ]),
        wc_error(&[
            "discount",
            "--discount-percent",
            "2",
            "--discount-days",
            "-10",
            "--payment-term-days",
            "30",
            "--bank-rate-percent",
            "20",
        ]),
        wc_error(&[
            "bill",
            "--face-value",
            "1000",
            "--discount-rate-percent",
            "12",
            "--days-to-maturity",
            "-5",
        ]),
        wc_error(&[
            "factoring",
            "--invoice-amount",
            "1000",
            "--commission-percent",
            "100",
            "--interest-rate-percent",
            "15",
            "--days-early",
            "60",
        ]),
        wc_error(&["wages", "--interval-days", "-14"]),
        wc_error(&["mean", "100"]),
        wc_error(&[
            "deposit-income",
            "--principal",
            "1000",
            "--annual-rate-percent",
            "12",
            "--term-months",
            "4",
            "--compounding",
            "quarterly",
        ]),
        wc_error(&[
            "policy",
            "--current-asset-share-percent",
            "50",
            "--short-term-credit-share-percent",
            "5",
            "--asset-share-bands",
            "50,40",
        ]),
    ];
    insta::assert_snapshot!("seed002_cli_errors", errors.join("---\n"));
}

/// Extreme but valid parameters whose results exceed a Decimal's range: an error
/// naming the calculation and exit code 1, never a panic (exit code 101).
#[test]
fn cli_reports_overflow_on_extreme_parameters() {
    let tiny = "0.0000000000000000000000001";
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "bill",
                "--face-value",
                "1",
                "--discount-rate-percent",
                "35999.99999999999999999999",
                "--days-to-maturity",
                "1",
            ],
            "bill discount",
        ),
        (
            &[
                "factoring",
                "--invoice-amount",
                "1",
                "--commission-percent",
                "99.99999999999999999999999",
                "--advance-percent",
                "100",
                "--interest-rate-percent",
                "0",
                "--days-early",
                tiny,
            ],
            "factoring cost",
        ),
        (
            &[
                "supplier-deferral",
                "--monthly-turnover",
                "1e27",
                "--monthly-purchases",
                tiny,
            ],
            "supplier deferral",
        ),
        (
            &[
                "discount",
                "--discount-percent",
                "99.9999999",
                "--discount-days",
                "0",
                "--payment-term-days",
                tiny,
                "--bank-rate-percent",
                "1",
            ],
            "cash discount cost",
        ),
        (
            &[
                "deposit-share",
                "--balances",
                "1e27,1e27",
                "--revenue-of-period",
                tiny,
            ],
            "deposit share",
        ),
    ];
    for (args, calculation) in cases {
        let mut all = vec!["wc"];
        all.extend_from_slice(args);
        let (code, out, error) = run_bilans(&all);
        assert_eq!((code, out.as_str()), (1, ""), "{args:?}: {error}");
        assert_eq!(
            error.trim_end(),
            format!("error: arithmetic overflow in {calculation}"),
            "{args:?}"
        );
    }
}

/// `wc policy` takes shares from 0 to 100 percent and a turnover period that is not
/// negative; each refusal names the flag.
#[test]
fn cli_policy_refuses_impossible_shares_and_days() {
    fn policy<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec![
            "policy",
            "--current-asset-share-percent",
            "50",
            "--short-term-credit-share-percent",
            "5",
        ];
        args.extend_from_slice(extra);
        args
    }
    for (args, flag) in [
        (
            vec![
                "policy",
                "--current-asset-share-percent",
                "-5",
                "--short-term-credit-share-percent",
                "5",
            ],
            "--current-asset-share-percent",
        ),
        (
            vec![
                "policy",
                "--current-asset-share-percent",
                "50",
                "--short-term-credit-share-percent",
                "120",
            ],
            "--short-term-credit-share-percent",
        ),
        (
            policy(&["--turnover-days", "-30", "--turnover-bands", "30,60"]),
            "--turnover-days",
        ),
        (
            policy(&["--asset-share-bands=-10,50"]),
            "--asset-share-bands",
        ),
        (
            policy(&["--credit-share-bands", "10,500"]),
            "--credit-share-bands",
        ),
    ] {
        let error = wc_error(&args);
        assert!(
            error.contains(&format!("hint: it is set by {flag}")),
            "{args:?}: {error}"
        );
    }
    // Turnover bands may be negative: from statements the turnover period is the cash
    // conversion cycle.
    // (A value starting with `-` that is not a number needs `=`.)
    wc(&policy(&[
        "--turnover-days",
        "10",
        "--turnover-bands=-10,40",
    ]));
}
