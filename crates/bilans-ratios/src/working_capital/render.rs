//! Plain-text (Markdown) renderings of the seed 002 reproduction, shared by the CLI and
//! the tests.

use std::fmt::Write as _;

use bilans_model::reconcile::round_as_printed;
use rust_decimal::Decimal;

use crate::render::{markdown_table, reconciliation, value_cell};
use crate::working_capital::policy::{NAMING_NOTE, PolicyConfig};
use crate::working_capital::seed002::{
    FirmReproduction, Reproduction002, Table7Reproduction, Table8Cell,
};

/// Table 7 in the published layout, with the classification of each column.
pub fn table7(table: &Table7Reproduction) -> String {
    let mut header = vec!["Row".to_owned()];
    header.extend(table.columns.iter().cloned());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (label, values) in &table.inputs {
        let mut cells = vec![format!("{label} (input)")];
        cells.extend(values.iter().map(|value| value.to_string()));
        rows.push(cells);
    }
    for row in &table.results {
        let mut cells = vec![row.label.clone()];
        cells.extend(
            row.values
                .iter()
                .map(|value| value_cell(value, row.decimals)),
        );
        rows.push(cells);
    }
    let mut out = format!(
        "### Table 7 (recomputed): {}\n\n{}",
        table.title,
        markdown_table(&header, &rows)
    );
    let bands = PolicyConfig::default().current_asset_share_percent;
    let _ = writeln!(
        out,
        "\nCurrent-asset policy by the share of current assets (default bands: conservative below {} %, aggressive from {} %):",
        bands.conservative_below(),
        bands.aggressive_from()
    );
    for (column, (printed, classified)) in table.columns.iter().zip(&table.policies) {
        let line = match classified {
            Ok(policy) => {
                let verdict = if policy.policy == *printed {
                    "agrees"
                } else {
                    "DISAGREES"
                };
                format!(
                    "classified {} (the seed: {printed}; {verdict})",
                    policy.policy
                )
            }
            Err(reason) => format!("not computable: {reason}"),
        };
        let _ = writeln!(out, "- {column}: {line}");
    }
    out
}

/// The A/B example recomputed.
pub fn example(firms: &[FirmReproduction]) -> String {
    let mut header = vec!["Row".to_owned()];
    header.extend(firms.iter().map(|firm| firm.label.clone()));
    let row = |label: &str, pick: &dyn Fn(&FirmReproduction) -> Decimal| {
        let mut cells = vec![label.to_owned()];
        cells.extend(
            firms
                .iter()
                .map(|firm| format!("{}", round_as_printed(pick(firm), 4).normalize())),
        );
        cells
    };
    let rows = vec![
        row("receivables (turnover × client months)", &|firm| {
            firm.result.receivables
        }),
        row("payables (raw materials × supplier months)", &|firm| {
            firm.result.payables
        }),
        row("receivables not covered by supplier credit", &|firm| {
            firm.result.uncovered_receivables
        }),
        row("supplier months that offset the client deferral", &|firm| {
            firm.result.required_supplier_deferral_months
        }),
        row("supplier deferral per month of client deferral", &|firm| {
            firm.result.supplier_to_client_deferral_ratio
        }),
        row("supplier months above which FEP is negative", &|firm| {
            firm.result.negative_needs_threshold_months
        }),
    ];
    let mut out = format!(
        "### Example A/B (recomputed, millions of RUB per month)\n\n{}",
        markdown_table(&header, &rows)
    );
    out.push_str("\nThe seed's advice for negative financial-operating needs:\n");
    for firm in firms {
        let [low, high] = firm.advised_range_months;
        let verdict = if firm.advised_range_is_above_threshold {
            "above the computed threshold, as it must be"
        } else {
            "NOT above the computed threshold"
        };
        let _ = writeln!(
            out,
            "- {}: {low}–{high} months, {verdict} ({} months)",
            firm.label,
            firm.result.negative_needs_threshold_months.normalize()
        );
    }
    out
}

/// Table 8: the printed matrix and the library's, cell by cell.
pub fn table8(cells: &[Table8Cell]) -> String {
    let header: Vec<String> = [
        "Current-liability policy",
        "Current-asset policy",
        "Printed",
        "Printed meaning",
        "bilans",
    ]
    .iter()
    .map(|text| (*text).to_owned())
    .collect();
    let rows: Vec<Vec<String>> = cells
        .iter()
        .map(|cell| {
            vec![
                cell.liability_policy.to_string(),
                cell.asset_policy.to_string(),
                cell.printed.clone(),
                cell.printed_meaning.to_string(),
                cell.library.to_string(),
            ]
        })
        .collect();
    let n_agree = cells
        .iter()
        .filter(|cell| cell.printed_meaning == cell.library)
        .count();
    format!(
        "### Table 8 (as data)\n\n{}\n{n_agree} of {} cells agree with the library's matrix.\n",
        markdown_table(&header, &rows),
        cells.len()
    )
}

/// The whole seed 002 reproduction.
pub fn seed002_report(reproduction: &Reproduction002) -> String {
    let mut out = format!(
        "## Seed 002: working-capital management (exact Decimal arithmetic)\n\nNote: {NAMING_NOTE}.\n\n"
    );
    out.push_str(&table7(&reproduction.table7));
    out.push('\n');
    out.push_str(&example(&reproduction.example));
    out.push('\n');
    out.push_str(&table8(&reproduction.table8));
    out.push('\n');
    out.push_str(&reconciliation(&reproduction.reconciliation));
    out
}
