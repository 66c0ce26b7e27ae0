//! Markdown rendering of partner-selection results, shared by the CLI, the tests and
//! the workbook export.
//!
//! Rounding happens here only, for display: scores T_i, PT and weighted totals to 2
//! decimals, harmony, W and p-values to 4, half away from zero
//! ([`bilans_model::reconcile::round_as_printed`]).

use std::fmt::Write;

use bilans_model::Lang;
use bilans_model::reconcile::ReconciledCell;
use rust_decimal::Decimal;

use crate::lang::{message, text};
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
    scoring_markdown_in(scoring, Lang::En)
}

/// [`scoring_markdown`] in `lang` (criteria and partners keep the panel's names).
pub fn scoring_markdown_in(scoring: &Scoring, lang: Lang) -> String {
    let w = |key: &str| words(lang, key);
    let mut out = String::new();
    let mut header = vec![w("criterion").to_owned(), w("weight").to_owned()];
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
            w("pt"),
            scoring.partners.iter().map(|p| two(p.total)).collect(),
        ),
        (
            w("weighted"),
            scoring
                .partners
                .iter()
                .map(|p| two(p.weighted_total))
                .collect(),
        ),
        (
            w("harmony"),
            scoring
                .partners
                .iter()
                .map(|p| four(p.harmony.as_ref().map(|h| h.index)))
                .collect(),
        ),
        (
            w("sigma"),
            scoring
                .partners
                .iter()
                .map(|p| four(p.harmony.as_ref().map(|h| h.std_dev)))
                .collect(),
        ),
        (
            w("min_over_max"),
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
        let agreement = |f: &dyn Fn(&crate::partners::Concordance) -> String| -> Vec<String> {
            scoring
                .partners
                .iter()
                .map(|partner| match &partner.agreement {
                    Some(Ok(concordance)) => f(concordance),
                    Some(Err(reason)) => {
                        message(lang, "partners.not_computable", &[("reason", reason)])
                    }
                    None => "—".to_owned(),
                })
                .collect()
        };
        rows.push((w("kendall"), agreement(&|c| four(Some(c.w)))));
        rows.push((
            w("chi_square"),
            agreement(&|c| {
                message(
                    lang,
                    "partners.df",
                    &[
                        ("value", &four(Some(c.chi_square))),
                        ("df", &c.degrees_of_freedom),
                    ],
                )
            }),
        ));
        rows.push((
            w("p_value"),
            agreement(&|c| match c.test {
                SignificanceTest::ChiSquare => format!("{} (χ²)", four(Some(c.p_value))),
                SignificanceTest::Permutation { permutations } => message(
                    lang,
                    "partners.permutation",
                    &[
                        ("value", &four(Some(c.p_value))),
                        ("permutations", &permutations),
                    ],
                ),
            }),
        ));
    }
    for (label, values) in rows {
        let mut cells = vec![label.to_owned(), String::new()];
        cells.extend(values);
        push_row(&mut out, &cells);
    }
    let _ = writeln!(out);
    for line in selection_lines_in(&scoring.selection, lang) {
        let _ = writeln!(out, "- {line}");
    }
    for row in &scoring.stability {
        let lower = row
            .lower
            .as_ref()
            .map(|t| {
                message(
                    lang,
                    "partners.down_to",
                    &[
                        ("weight", &four(Some(t.weight))),
                        ("challenger", &t.challenger),
                    ],
                )
            })
            .unwrap_or_else(|| w("down_to_zero").to_owned());
        let upper = row
            .upper
            .as_ref()
            .map(|t| {
                message(
                    lang,
                    "partners.up_to",
                    &[
                        ("weight", &four(Some(t.weight))),
                        ("challenger", &t.challenger),
                    ],
                )
            })
            .unwrap_or_else(|| w("no_upper_limit").to_owned());
        let _ = writeln!(
            out,
            "- {}",
            message(
                lang,
                "partners.stability",
                &[
                    ("criterion", &row.criterion),
                    ("weight", &row.weight.normalize()),
                    ("lower", &lower),
                    ("upper", &upper),
                ],
            )
        );
    }
    for finding in &scoring.vote_findings {
        let _ = writeln!(
            out,
            "- {}",
            message(
                lang,
                "partners.votes_finding",
                &[
                    ("partner", &finding.partner),
                    ("criterion", &finding.criterion),
                    ("votes", &finding.votes_cast),
                    ("panel", &finding.panel),
                ],
            )
        );
    }
    for finding in &scoring.scale_findings {
        let _ = writeln!(
            out,
            "- {}",
            message(
                lang,
                "partners.scale_finding",
                &[
                    ("partner", &finding.partner),
                    ("criterion", &finding.criterion),
                    ("score", &two(Some(finding.score))),
                    ("min", &scoring.scale.min()),
                    ("max", &scoring.scale.max()),
                ],
            )
        );
    }
    out
}

/// The compliance matrix with its totals row labelled `total_label`.
pub fn compliance_markdown(compliance: &Compliance, total_label: &str) -> String {
    compliance_markdown_in(compliance, total_label, Lang::En)
}

/// [`compliance_markdown`] in `lang`.
pub fn compliance_markdown_in(compliance: &Compliance, total_label: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut header = vec![words(lang, "indicator").to_owned()];
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
    compliance_report_in(compliance, Lang::En)
}

/// [`compliance_report`] in `lang`.
pub fn compliance_report_in(compliance: &Compliance, lang: Lang) -> String {
    let mut out = compliance_markdown_in(compliance, words(lang, "total"), lang);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "- {}",
        message(
            lang,
            "partners.optimum",
            &[("models", &names(&compliance.optimum, lang))],
        )
    );
    let excluded: Vec<String> = compliance
        .totals
        .iter()
        .filter(|t| t.excluded)
        .map(|t| t.model.clone())
        .collect();
    if !excluded.is_empty() {
        let _ = writeln!(
            out,
            "- {}",
            message(
                lang,
                "partners.excluded",
                &[("models", &names(&excluded, lang))],
            )
        );
    }
    let _ = writeln!(
        out,
        "- {}",
        message(
            lang,
            "partners.constrained_optimum",
            &[("models", &names(&compliance.constrained_optimum, lang))],
        )
    );
    out
}

/// The monitoring verdicts.
pub fn monitoring_markdown(monitoring: &Monitoring) -> String {
    monitoring_markdown_in(monitoring, Lang::En)
}

/// [`monitoring_markdown`] in `lang` (the article's next steps in `lang` too).
pub fn monitoring_markdown_in(monitoring: &Monitoring, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        message(lang, "partners.model", &[("model", &monitoring.model)])
    );
    let _ = writeln!(out);
    for verdict in &monitoring.verdicts {
        let status = if verdict.functional {
            words(lang, "functional")
        } else {
            words(lang, "not_functional")
        };
        let _ = writeln!(out, "- {}: {status}", verdict.period);
        for shortfall in &verdict.shortfalls {
            let relative = shortfall
                .relative_gap
                .map(|gap| {
                    let percent = gap.checked_mul(Decimal::ONE_HUNDRED);
                    message(lang, "partners.of_target", &[("percent", &two(percent))])
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  - {}",
                message(
                    lang,
                    "partners.shortfall",
                    &[
                        ("indicator", &shortfall.indicator),
                        ("actual", &shortfall.actual),
                        ("target", &shortfall.target),
                        ("gap", &shortfall.gap.normalize()),
                        ("relative", &relative),
                    ],
                )
            );
        }
        let steps = if verdict.functional {
            words(lang, "next_functional")
        } else {
            words(lang, "next_not_functional")
        };
        let _ = writeln!(
            out,
            "  - {}",
            message(lang, "partners.next", &[("steps", &steps)])
        );
    }
    out
}

/// The whole analysis as Markdown.
pub fn analysis_markdown(analysis: &Analysis) -> String {
    analysis_markdown_in(analysis, Lang::En)
}

/// [`analysis_markdown`] in `lang`.
pub fn analysis_markdown_in(analysis: &Analysis, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(title) = &analysis.title {
        let _ = writeln!(out, "# {title}\n");
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}",
        words(lang, "scores"),
        scoring_markdown_in(&analysis.scoring, lang)
    );
    if let Some(compliance) = &analysis.compliance {
        let _ = writeln!(
            out,
            "## {}\n\n{}",
            words(lang, "compliance"),
            compliance_report_in(compliance, lang)
        );
    }
    if let Some(monitoring) = &analysis.monitoring {
        let _ = writeln!(
            out,
            "## {}\n\n{}",
            words(lang, "monitoring"),
            monitoring_markdown_in(monitoring, lang)
        );
    }
    out
}

/// A reconciliation as a Markdown table.
pub fn reconciliation_markdown(cells: &[ReconciledCell]) -> String {
    reconciliation_markdown_in(cells, Lang::En)
}

/// [`reconciliation_markdown`] in `lang` (the published row names stay as printed).
pub fn reconciliation_markdown_in(cells: &[ReconciledCell], lang: Lang) -> String {
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
        .map(|key| words(lang, &format!("reconciliation.{key}")).to_owned()),
    );
    push_row(&mut out, &vec!["---".to_owned(); 7]);
    for cell in cells {
        push_row(
            &mut out,
            &[
                table_name(&cell.table, lang),
                cell.row.clone(),
                cell.period.clone(),
                cell.published.to_string(),
                cell.exact
                    .map(|value| value.normalize().to_string())
                    .unwrap_or_else(|| "—".to_owned()),
                cell.status.label_in(lang).to_owned(),
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
    selection_lines_in(selection, Lang::En)
}

/// [`selection_lines`] in `lang`.
pub fn selection_lines_in(
    selection: &crate::partners::score::Selection,
    lang: Lang,
) -> Vec<String> {
    let named =
        |key: &str, winners: &[String]| message(lang, key, &[("names", &names(winners, lang))]);
    let mut lines = Vec::new();
    lines.push(named("partners.winner_pt", &selection.by_total));
    lines.push(named("partners.winner_harmony", &selection.by_harmony));
    if let Some(weighted) = &selection.by_weighted_total {
        lines.push(named("partners.winner_weighted", weighted));
    }
    match selection.rules {
        RuleComparison::Agree => {
            lines.push(words(lang, "rules_agree").to_owned());
        }
        RuleComparison::Disagree => {
            lines.push(message(
                lang,
                "partners.rules_disagree",
                &[
                    ("pt", &names(&selection.by_total, lang)),
                    ("harmony", &names(&selection.by_harmony, lang)),
                ],
            ));
        }
        RuleComparison::Tie => {
            for (key, winners) in [
                ("partners.pt_ties", &selection.by_total),
                ("partners.harmony_ties", &selection.by_harmony),
            ] {
                if 1 < winners.len() {
                    lines.push(named(key, winners));
                }
            }
            lines.push(words(lang, "tie").to_owned());
        }
        RuleComparison::NoWinner => {
            lines.push(words(lang, "no_winner").to_owned());
        }
    }
    lines
}

fn names(names: &[String], lang: Lang) -> String {
    if names.is_empty() {
        words(lang, "none").to_owned()
    } else {
        names.join(", ")
    }
}

/// A reconciled cell's table: its id as transcribed (`table 1`) in English, the
/// table's name in `lang` otherwise.
fn table_name(id: &str, lang: Lang) -> String {
    match (lang, id.strip_prefix("table ")) {
        (Lang::En, _) | (_, None) => id.to_owned(),
        (_, Some(number)) => message(lang, "partners.table", &[("number", &number)]),
    }
}

/// The message `partners.{key}` in `lang`.
fn words(lang: Lang, key: &str) -> &'static str {
    text(lang, &format!("partners.{key}"))
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
    seed000_report_in(seed, reproduction, Lang::En)
}

/// [`seed000_report`] in `lang`: Tables 1 and 2 keep the article's layout and words;
/// the conclusion, the reconciliation and the notes are in `lang`.
pub fn seed000_report_in(seed: &Seed000, reproduction: &Reproduction, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&reproduction.table1);
    out.push('\n');
    out.push_str(&seed.table2.title);
    out.push_str("\n\n");
    out.push_str(&reproduction.table2);
    let _ = write!(out, "\n{}\n\n", words(lang, "conclusion"));
    for line in selection_lines_in(&reproduction.selection, lang) {
        out.push_str("- ");
        out.push_str(&line);
        out.push('\n');
    }
    let _ = write!(out, "\n{}\n\n", words(lang, "reconciliation_heading"));
    out.push_str(&reconciliation_markdown_in(&reproduction.cells, lang));
    if !reproduction.notes.is_empty() {
        let _ = write!(out, "\n{}\n\n", words(lang, "notes"));
        for note in &reproduction.notes {
            out.push_str("- ");
            out.push_str(&note.text_in(lang));
            out.push('\n');
        }
    }
    out
}
