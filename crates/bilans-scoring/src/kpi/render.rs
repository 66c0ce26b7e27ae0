//! Plain-text (Markdown) rendering of a [`Report`], shared by the CLI and the tests.

use std::fmt::Write;

use bilans_model::Lang;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::kpi::balance::percent;
use crate::kpi::owner_card::Total;
use crate::kpi::report::Report;
use crate::kpi::score::{Light, Score};
use crate::lang::{message, text};

/// Decimals shown for scores, weights and totals.
pub const DISPLAY_DECIMALS: u32 = 4;

/// Renders a report as Markdown: one table per owner, the balance per level, the
/// findings.
///
/// Scores, weights and totals are rounded for display only, to [`DISPLAY_DECIMALS`]
/// decimals, half away from zero.
pub fn render_markdown(report: &Report) -> String {
    render_markdown_in(report, Lang::En)
}

/// [`render_markdown`] in `lang`: headings, headers and sentences in `lang`; the names
/// a card file uses (KPIs, owners, levels, scales, directions, KPI types) and the
/// findings' own messages stay as they are.
pub fn render_markdown_in(report: &Report, lang: Lang) -> String {
    let words = |key: &str| text(lang, &format!("kpi.{key}"));
    let not_computable = words("not_computable_short");
    let mut out = String::new();
    for card in &report.cards {
        let _ = writeln!(out, "## {} ({})\n", card.owner, card.level);
        let mut header = format!(
            "| {} | {} | {} | {} | {} |",
            words("kpi"),
            words("scale"),
            words("direction"),
            words("plan"),
            words("weight")
        );
        let mut rule = "|---|---|---|---|---:|".to_owned();
        for period in &report.periods {
            let _ = write!(
                header,
                " {} | {} |",
                message(lang, "kpi.actual", &[("period", period)]),
                message(lang, "kpi.score", &[("period", period)])
            );
            rule.push_str("---:|---:|");
        }
        let _ = writeln!(out, "{header}\n{rule}");
        for row in &card.rows {
            let weight = row
                .weight_used
                .map_or_else(|| not_computable.to_owned(), display);
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
                        format!("{} {}", display(*value), light(cell.light, lang))
                    }
                    Score::NotComputable { .. } => not_computable.to_owned(),
                };
                let _ = write!(out, " {actual} | {score} |");
            }
            out.push('\n');
        }
        let _ = write!(
            out,
            "| **{}** | | | | {} |",
            words("total"),
            display(Decimal::ONE)
        );
        for total in &card.totals {
            let text = match &total.total {
                Total::Computed { value } => {
                    format!("**{}** {}", display(*value), light(total.light, lang))
                }
                Total::NotComputable { .. } => not_computable.to_owned(),
            };
            let _ = write!(out, " | {text} |");
        }
        out.push_str("\n\n");
        for row in &card.rows {
            for cell in &row.cells {
                if let Score::NotComputable { reason } = &cell.score {
                    let _ = writeln!(
                        out,
                        "- {}",
                        message(
                            lang,
                            "kpi.not_computable",
                            &[
                                ("kpi", &row.kpi),
                                ("period", &cell.period),
                                ("reason", &reason.text_in(lang))
                            ],
                        )
                    );
                }
            }
        }
    }
    let _ = write!(out, "## {}\n\n", words("balance"));
    for level in &report.balance {
        let _ = writeln!(
            out,
            "### {}\n",
            message(
                lang,
                "kpi.level",
                &[
                    ("level", &level.level),
                    ("owners", &level.n_owners),
                    ("kpis", &level.n_kpis),
                ],
            )
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|",
            words("pair"),
            words("left"),
            words("right"),
            words("count"),
            words("weight_share")
        );
        for pair in &level.pairs {
            let share = match (pair.left_weight_share, pair.right_weight_share) {
                (Some(left), Some(right)) => format!("{} : {}", percent(left), percent(right)),
                _ => not_computable.to_owned(),
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
            || words("no_target").to_owned(),
            |target| {
                message(
                    lang,
                    "kpi.target",
                    &[
                        ("individual", &percent(target)),
                        ("team", &percent(Decimal::ONE - target)),
                    ],
                )
            },
        );
        let share = level.individual_share.map_or_else(
            || not_computable.to_owned(),
            |share| format!("{} : {}", percent(share), percent(Decimal::ONE - share)),
        );
        let _ = writeln!(
            out,
            "\n{}\n",
            message(
                lang,
                "kpi.individual_team",
                &[("share", &share), ("target", &target)],
            )
        );
    }
    let _ = write!(out, "## {}\n\n", words("findings"));
    if report.findings.is_empty() {
        let _ = writeln!(out, "{}", words("none"));
    }
    for finding in &report.findings {
        let kind = finding.kind.name();
        let _ = writeln!(
            out,
            "- [{kind}] {}: {}",
            finding.subject_in(lang),
            finding.text_in(lang)
        );
    }
    out
}

/// A score, weight or total rounded for display.
pub fn display(value: Decimal) -> String {
    let rounded =
        value.round_dp_with_strategy(DISPLAY_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
    format!("{rounded:.4}")
}

fn light(light: Option<Light>, lang: Lang) -> &'static str {
    match light {
        Some(Light::Green) => text(lang, "kpi.green"),
        Some(Light::Amber) => text(lang, "kpi.amber"),
        Some(Light::Red) => text(lang, "kpi.red"),
        None => "",
    }
}
