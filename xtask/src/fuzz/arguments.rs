//! Mutations of the `bilans wc` calculators' flags: their inputs are numbers on the
//! command line, so a case replaces one or two of them with an edge of `Decimal` (or of
//! `u32`), a negative, a zero or text, or drops a flag.

use crate::fuzz::rng::Rng;

/// The calculator invocations of the README and the tests, the starting points.
#[rustfmt::skip]
pub(crate) const WC_COMMANDS: [&[&str]; 11] = [
    &[
        "wc", "discount", "--discount-percent", "2", "--discount-days", "10",
        "--payment-term-days", "30", "--bank-rate-percent", "20",
    ],
    &["wc", "supplier-deferral", "--monthly-turnover", "100", "--monthly-purchases", "50"],
    &[
        "wc", "bill", "--face-value", "100000", "--discount-rate-percent", "12",
        "--days-to-maturity", "90", "--return-on-funds-percent", "25",
    ],
    &[
        "wc", "factoring", "--invoice-amount", "100000", "--commission-percent", "2",
        "--advance-percent", "80", "--interest-rate-percent", "15", "--days-early", "60",
    ],
    &[
        "wc", "policy", "--current-asset-share-percent", "54.55",
        "--short-term-credit-share-percent", "5",
    ],
    &["wc", "wages", "--interval-days", "14"],
    &["wc", "express-payables", "--payables", "50", "--annual-revenue", "3600"],
    &["wc", "mean", "100", "120", "140", "110", "130"],
    &[
        "wc", "deposit-share", "--balances", "20,30,40", "--revenue-of-period", "300",
        "--expected-revenue", "360",
    ],
    &[
        "wc", "deposit-income", "--principal", "100000", "--annual-rate-percent", "12",
        "--term-months", "12", "--compounding", "monthly",
    ],
    &[
        "wc", "policy", "--current-asset-share-percent", "50",
        "--short-term-credit-share-percent", "30", "--turnover-days", "40",
        "--asset-share-bands", "45,50", "--credit-share-bands", "10,50",
    ],
];

/// Values at the edges of what the calculators read.
pub(crate) const EDGE_VALUES: [&str; 19] = [
    "0",
    "-0",
    "-1",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "7922816251426433759354395033.5",
    "0.0000000000000000000000000001",
    "-0.0000000000000000000000000001",
    "1e28",
    "9e28",
    "1e-28",
    "99.9999999999999999999999999",
    "100",
    "36500000",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "NaN",
    "1,1",
];

/// Mutates the numbers of a calculator invocation; describes what changed.
pub(crate) fn mutate_arguments(args: &mut Vec<String>, rng: &mut Rng) -> String {
    // The values: every argument after the subcommand that is not a flag.
    let value_positions: Vec<usize> = (2..args.len())
        .filter(|&arg_idx| !args[arg_idx].starts_with("--"))
        .collect();
    let flag_positions: Vec<usize> = (2..args.len())
        .filter(|&arg_idx| args[arg_idx].starts_with("--"))
        .collect();
    if !flag_positions.is_empty() && rng.chance(1, 10) {
        let flag_idx = *rng.pick(&flag_positions);
        let flag = args.remove(flag_idx);
        if flag_idx < args.len() && !args[flag_idx].starts_with("--") {
            args.remove(flag_idx);
        }
        return format!("dropped {flag}");
    }
    if value_positions.is_empty() {
        return "unchanged".to_owned();
    }
    let n_changes = rng.between(1, 2);
    let mut changes = Vec::new();
    for _ in 0..n_changes {
        let value_idx = *rng.pick(&value_positions);
        let new_value = if args[value_idx].contains(',') && rng.chance(1, 2) {
            // A list: make it long, or of huge members (one argument stays below the
            // kernel's 128 KiB limit).
            let member = *rng.pick(&EDGE_VALUES);
            vec![member; *rng.pick(&[2, 1_000, 3_000])].join(",")
        } else {
            (*rng.pick(&EDGE_VALUES)).to_owned()
        };
        let flag = args[value_idx - 1].clone();
        changes.push(format!(
            "{flag} {} -> {}",
            args[value_idx],
            crate::fuzz::workbook::abbreviate(&new_value)
        ));
        args[value_idx] = new_value;
    }
    changes.join("; ")
}
