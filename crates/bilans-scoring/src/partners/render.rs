//! Markdown rendering of partner-selection results, shared by the CLI, the tests and
//! the workbook export.
//!
//! Rounding happens here only, for display: scores T_i, PT and weighted totals to 2
//! decimals, harmony, W and p-values to 4, half away from zero
//! ([`bilans_model::reconcile::round_as_printed`]).

use std::fmt::Write;

use bilans_model::reconcile::ReconciledCell;
use rust_decimal::Decimal;

use crate::partners::transcription::{Reproduction, Seed000, Table1};
use crate::partners::{
    Analysis, Compliance, Monitoring, RuleComparison, Scoring, SignificanceTest,
};

/// Table 1 in the published layout: vote counts per score for every partner, then
/// the recomputed T_i per partner, then PT.
pub fn table1_markdown(table: &Table1, scoring: &Scoring) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", table.title);
    let _ = writeln!(out);
    let scores: Vec<String> = scoring
        .scale
        .scores()
        .map(|score| score.to_string())
        .collect();
    let mut header = vec!["Критерій, i".to_owned()];
    for partner in &table.partners {
        header.extend(scores.iter().map(|score| format!("{partner}: {score}")));
    }
    header.extend(table.partners.iter().map(|partner| format!("T {partner}")));
    push_row(&mut out, &header);
    push_row(&mut out, &vec!["---".to_owned(); header.len()]);
    for (row_idx, row) in table.rows.iter().enumerate() {
        let mut cells = vec![row.criterion.clone()];
        for votes in &row.votes {
            cells.extend(votes.iter().map(|count| count.to_string()));
        }
        for partner in &scoring.partners {
            cells.push(two(partner
                .criteria
                .get(row_idx)
                .and_then(|score| score.score)));
        }
        push_row(&mut out, &cells);
    }
    let mut total = vec![table.total.label.clone()];
    total.extend(std::iter::repeat_n(
        String::new(),
        scores.len() * table.partners.len(),
    ));
    total.extend(scoring.partners.iter().map(|partner| two(partner.total)));
    push_row(&mut out, &total);
    out
}

/// The scores of any panel: T_i per criterion and partner, then PT, the weighted
/// total, harmony, agreement, the rules' winners and the findings.
pub fn scoring_markdown(scoring: &Scoring) -> String {
    let mut out = String::new();
    let mut header = vec!["criterion".to_owned(), "weight".to_owned()];
    header.extend(
        scoring
            .partners
            .iter()
            .map(|partner| format!("T {}", partner.name)),
    );
    push_row(&mut out, &header);
    push_row(&mut out, &vec!["---".to_owned(); header.len()]);
    for (criterion_idx, (criterion, weight)) in scoring.criteria.iter().enumerate() {
        let mut cells = vec![criterion.clone(), weight.normalize().to_string()];
        cells.extend(
            scoring
                .partners
                .iter()
                .map(|partner| two(partner.criteria[criterion_idx].score)),
        );
        push_row(&mut out, &cells);
    }
    let mut rows: Vec<(&str, Vec<String>)> = vec![
        (
            "PT = Σ T_i",
            scoring.partners.iter().map(|p| two(p.total)).collect(),
        ),
        (
            "weighted Σ w_i T_i",
            scoring
                .partners
                .iter()
                .map(|p| two(p.weighted_total))
                .collect(),
        ),
        (
            "harmony H = 1 − σ/σ_max",
            scoring
                .partners
                .iter()
                .map(|p| four(p.harmony.as_ref().map(|h| h.index)))
                .collect(),
        ),
        (
            "σ of the T_i",
            scoring
                .partners
                .iter()
                .map(|p| four(p.harmony.as_ref().map(|h| h.std_dev)))
                .collect(),
        ),
        (
            "min T_i / max T_i",
            scoring
                .partners
                .iter()
                .map(|p| four(p.harmony.as_ref().and_then(|h| h.min_over_max)))
                .collect(),
        ),
    ];
    if scoring
        .partners
        .iter()
        .any(|partner| partner.agreement.is_some())
    {
        let agreement = |f: fn(&crate::partners::Concordance) -> String| -> Vec<String> {
            scoring
                .partners
                .iter()
                .map(|partner| match &partner.agreement {
                    Some(Ok(concordance)) => f(concordance),
                    Some(Err(reason)) => format!("not computable: {reason}"),
                    None => "—".to_owned(),
                })
                .collect()
        };
        rows.push((
            "Kendall's W (tie-corrected)",
            agreement(|c| four(Some(c.w))),
        ));
        rows.push((
            "χ² = m(n − 1)W",
            agreement(|c| format!("{} (df {})", four(Some(c.chi_square)), c.degrees_of_freedom)),
        ));
        rows.push((
            "p-value",
            agreement(|c| match c.test {
                SignificanceTest::ChiSquare => format!("{} (χ²)", four(Some(c.p_value))),
                SignificanceTest::Permutation { permutations } => {
                    format!("{} (permutation, {permutations})", four(Some(c.p_value)))
                }
            }),
        ));
    }
    for (label, values) in rows {
        let mut cells = vec![label.to_owned(), String::new()];
        cells.extend(values);
        push_row(&mut out, &cells);
    }
    let _ = writeln!(out);
    for line in selection_lines(&scoring.selection) {
        let _ = writeln!(out, "- {line}");
    }
    for row in &scoring.stability {
        let lower = row
            .lower
            .as_ref()
            .map(|t| format!("down to {} ({} ties)", four(Some(t.weight)), t.challenger))
            .unwrap_or_else(|| "down to 0".to_owned());
        let upper = row
            .upper
            .as_ref()
            .map(|t| format!("up to {} ({} ties)", four(Some(t.weight)), t.challenger))
            .unwrap_or_else(|| "without limit upwards".to_owned());
        let _ = writeln!(
            out,
            "- weight of {} ({}): the winner holds {lower}, {upper}",
            row.criterion,
            row.weight.normalize()
        );
    }
    for finding in &scoring.vote_findings {
        let _ = writeln!(
            out,
            "- finding: {} / {}: {} votes cast for a panel of {}",
            finding.partner, finding.criterion, finding.votes_cast, finding.panel
        );
    }
    for finding in &scoring.scale_findings {
        let _ = writeln!(
            out,
            "- finding: {} / {}: T = {} lies outside the scale {}..{} (not clamped; harmony may fall below 0)",
            finding.partner,
            finding.criterion,
            two(Some(finding.score)),
            scoring.scale.min(),
            scoring.scale.max()
        );
    }
    out
}

/// The compliance matrix with its totals row labelled `total_label`.
pub fn compliance_markdown(compliance: &Compliance, total_label: &str) -> String {
    let mut out = String::new();
    let mut header = vec!["indicator".to_owned()];
    header.extend(compliance.models.iter().cloned());
    push_row(&mut out, &header);
    push_row(&mut out, &vec!["---".to_owned(); header.len()]);
    for ((indicator, _), marks) in compliance.indicators.iter().zip(&compliance.marks) {
        let mut cells = vec![indicator.clone()];
        cells.extend(marks.iter().map(|mark| mark.to_string()));
        push_row(&mut out, &cells);
    }
    let mut total = vec![total_label.to_owned()];
    total.extend(
        compliance
            .totals
            .iter()
            .map(|t| t.total.normalize().to_string()),
    );
    push_row(&mut out, &total);
    out
}

/// The compliance matrix, its optimum and the constrained optimum.
pub fn compliance_report(compliance: &Compliance) -> String {
    let mut out = compliance_markdown(compliance, "total");
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "- optimum (most marks): {}",
        names(&compliance.optimum)
    );
    let excluded: Vec<String> = compliance
        .totals
        .iter()
        .filter(|t| t.excluded)
        .map(|t| t.model.clone())
        .collect();
    if !excluded.is_empty() {
        let _ = writeln!(out, "- excluded: {}", names(&excluded));
    }
    let _ = writeln!(
        out,
        "- optimum under the constraints: {}",
        names(&compliance.constrained_optimum)
    );
    out
}

/// The monitoring verdicts.
pub fn monitoring_markdown(monitoring: &Monitoring) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Model: {}", monitoring.model);
    let _ = writeln!(out);
    for verdict in &monitoring.verdicts {
        let status = verdict.status();
        let _ = writeln!(out, "- {}: {status}", verdict.period);
        for shortfall in &verdict.shortfalls {
            let relative = shortfall
                .relative_gap
                .map(|gap| {
                    let percent = gap.checked_mul(Decimal::ONE_HUNDRED);
                    format!(", {}% of the target", two(percent))
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  - {}: {} against {}, short by {}{relative}",
                shortfall.indicator,
                shortfall.actual,
                shortfall.target,
                shortfall.gap.normalize()
            );
        }
        let _ = writeln!(out, "  - next: {}", verdict.next_steps.join("; "));
    }
    out
}

/// The whole analysis as Markdown.
pub fn analysis_markdown(analysis: &Analysis) -> String {
    let mut out = String::new();
    if let Some(title) = &analysis.title {
        let _ = writeln!(out, "# {title}\n");
    }
    let _ = writeln!(out, "## Scores\n\n{}", scoring_markdown(&analysis.scoring));
    if let Some(compliance) = &analysis.compliance {
        let _ = writeln!(
            out,
            "## Compliance matrix\n\n{}",
            compliance_report(compliance)
        );
    }
    if let Some(monitoring) = &analysis.monitoring {
        let _ = writeln!(out, "## Monitoring\n\n{}", monitoring_markdown(monitoring));
    }
    out
}

/// A reconciliation as a Markdown table.
pub fn reconciliation_markdown(cells: &[ReconciledCell]) -> String {
    let mut out = String::new();
    push_row(
        &mut out,
        &[
            "table",
            "row",
            "column",
            "published",
            "recomputed",
            "status",
            "gap",
        ]
        .map(str::to_owned),
    );
    push_row(&mut out, &vec!["---".to_owned(); 7]);
    for cell in cells {
        push_row(
            &mut out,
            &[
                cell.table.clone(),
                cell.row.clone(),
                cell.period.clone(),
                cell.published.to_string(),
                cell.exact
                    .map(|value| value.normalize().to_string())
                    .unwrap_or_else(|| "—".to_owned()),
                cell.status.to_string(),
                cell.gap
                    .map(|gap| gap.normalize().to_string())
                    .unwrap_or_default(),
            ],
        );
    }
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// The partner each selection rule picks, and whether the rules agree: the
/// conclusion of a panel's scores (the article's, for seed 000).
pub fn selection_lines(selection: &crate::partners::score::Selection) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(format!("winner by PT: {}", names(&selection.by_total)));
    lines.push(format!(
        "winner by harmony: {}",
        names(&selection.by_harmony)
    ));
    if let Some(weighted) = &selection.by_weighted_total {
        lines.push(format!("winner by weighted total: {}", names(weighted)));
    }
    match selection.rules {
        RuleComparison::Agree => {
            lines.push("the rules agree".to_owned());
        }
        RuleComparison::Disagree => {
            lines.push(format!(
                "the rules disagree: PT picks {}, harmony picks {}",
                names(&selection.by_total),
                names(&selection.by_harmony)
            ));
        }
        RuleComparison::Tie => {
            for (rule, winners) in [
                ("PT", &selection.by_total),
                ("harmony", &selection.by_harmony),
            ] {
                if 1 < winners.len() {
                    lines.push(format!("{rule} ties between {}", names(winners)));
                }
            }
            lines.push("the rules cannot be compared: a tie leaves no single pick".to_owned());
        }
        RuleComparison::NoWinner => {
            lines.push("the rules cannot be compared: a rule has no computable winner".to_owned());
        }
    }
    lines
}

fn names(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

fn two(value: Option<Decimal>) -> String {
    value
        .map(|value| bilans_model::reconcile::fixed(value, 2))
        .unwrap_or_else(|| "—".to_owned())
}

fn four(value: Option<Decimal>) -> String {
    value
        .map(|value| bilans_model::reconcile::fixed(value, 4))
        .unwrap_or_else(|| "—".to_owned())
}

/// The whole seed 000 reproduction as text: Table 1, Table 2, the reconciliation of
/// every published cell and the notes. Shared by `bilans reproduce partners` and
/// `cargo xtask reports`.
pub fn seed000_report(seed: &Seed000, reproduction: &Reproduction) -> String {
    let mut out = String::new();
    out.push_str(&reproduction.table1);
    out.push('\n');
    out.push_str(&seed.table2.title);
    out.push_str("\n\n");
    out.push_str(&reproduction.table2);
    out.push_str("\nConclusion\n\n");
    for line in &reproduction.conclusion {
        out.push_str("- ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("\nReconciliation\n\n");
    out.push_str(&reconciliation_markdown(&reproduction.cells));
    if !reproduction.notes.is_empty() {
        out.push_str("\nNotes\n\n");
        for line in &reproduction.notes {
            out.push_str("- ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
