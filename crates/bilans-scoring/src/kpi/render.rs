//! Plain-text (Markdown) rendering of a [`Report`], shared by the CLI and the tests.

use std::fmt::Write;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::kpi::balance::percent;
use crate::kpi::owner_card::Total;
use crate::kpi::report::Report;
use crate::kpi::score::{Light, Score};

/// Decimals shown for scores, weights and totals.
pub const DISPLAY_DECIMALS: u32 = 4;

/// Renders a report as Markdown: one table per owner, the balance per level, the
/// findings.
///
/// Scores, weights and totals are rounded for display only, to [`DISPLAY_DECIMALS`]
/// decimals, half away from zero.
pub fn render_markdown(report: &Report) -> String {
    let mut out = String::new();
    for card in &report.cards {
        let _ = writeln!(out, "## {} ({})\n", card.owner, card.level);
        let mut header = "| KPI | scale | direction | plan | weight |".to_owned();
        let mut rule = "|---|---|---|---|---:|".to_owned();
        for period in &report.periods {
            let _ = write!(header, " {period} actual | {period} score |");
            rule.push_str("---:|---:|");
        }
        let _ = writeln!(out, "{header}\n{rule}");
        for row in &card.rows {
            let weight = row.weight_used.map_or_else(|| "n/c".to_owned(), display);
            let _ = write!(
                out,
                "| {} | {} | {} | {} | {} |",
                row.kpi, row.scale, row.direction, row.plan, weight
            );
            for cell in &row.cells {
                let actual = cell
                    .actual
                    .map_or_else(|| "".to_owned(), |value| value.normalize().to_string());
                let score = match &cell.score {
                    Score::Computed { value, .. } => {
                        format!("{} {}", display(*value), light(cell.light))
                    }
                    Score::NotComputable { .. } => "n/c".to_owned(),
                };
                let _ = write!(out, " {actual} | {score} |");
            }
            out.push('\n');
        }
        let _ = write!(out, "| **total** | | | | {} |", display(Decimal::ONE));
        for total in &card.totals {
            let text = match &total.total {
                Total::Computed { value } => {
                    format!("**{}** {}", display(*value), light(total.light))
                }
                Total::NotComputable { .. } => "n/c".to_owned(),
            };
            let _ = write!(out, " | {text} |");
        }
        out.push_str("\n\n");
        for row in &card.rows {
            for cell in &row.cells {
                if let Score::NotComputable { reason } = &cell.score {
                    let _ = writeln!(
                        out,
                        "- {} {}: not computable: {reason}",
                        row.kpi, cell.period
                    );
                }
            }
        }
    }
    out.push_str("## Balance\n\n");
    for level in &report.balance {
        let _ = writeln!(
            out,
            "### Level {} ({} owners, {} KPIs)\n",
            level.level, level.n_owners, level.n_kpis
        );
        out.push_str("| pair | left | right | count | weight share |\n|---|---|---|---:|---:|\n");
        for pair in &level.pairs {
            let share = match (pair.left_weight_share, pair.right_weight_share) {
                (Some(left), Some(right)) => format!("{} : {}", percent(left), percent(right)),
                _ => "n/c".to_owned(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} : {} | {share} |",
                pair.pair.label(),
                pair.left,
                pair.right,
                pair.left_count,
                pair.right_count
            );
        }
        let target = level.individual_share_target.map_or_else(
            || "no target set".to_owned(),
            |target| {
                format!(
                    "target {} : {}",
                    percent(target),
                    percent(Decimal::ONE - target)
                )
            },
        );
        let share = level.individual_share.map_or_else(
            || "n/c".to_owned(),
            |share| format!("{} : {}", percent(share), percent(Decimal::ONE - share)),
        );
        let _ = writeln!(out, "\nindividual : team = {share} ({target})\n");
    }
    out.push_str("## Findings\n\n");
    if report.findings.is_empty() {
        out.push_str("none\n");
    }
    for finding in &report.findings {
        let kind = finding.kind.name();
        let _ = writeln!(out, "- [{kind}] {}: {}", finding.subject, finding.message);
    }
    out
}

/// A score, weight or total rounded for display.
pub fn display(value: Decimal) -> String {
    let rounded =
        value.round_dp_with_strategy(DISPLAY_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
    format!("{rounded:.4}")
}

fn light(light: Option<Light>) -> &'static str {
    match light {
        Some(Light::Green) => "(green)",
        Some(Light::Amber) => "(amber)",
        Some(Light::Red) => "(red)",
        None => "",
    }
}
