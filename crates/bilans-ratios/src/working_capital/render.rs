//! Plain-text (Markdown) renderings of the seed 002 reproduction, shared by the CLI and
//! the tests.

use std::fmt::Write as _;

use bilans_model::Lang;
use bilans_model::reconcile::round_as_printed;
use rust_decimal::Decimal;

use crate::lang::messages;
use crate::render::{markdown_table, reconciliation_in, value_cell};
use crate::working_capital::policy::{PolicyConfig, naming_note_in};
use crate::working_capital::seed002::{
    FirmReproduction, Reproduction002, Table7Reproduction, Table8Cell,
};

/// The message `render.seed002.{key}` in `lang`.
fn words(lang: Lang, key: &str) -> &'static str {
    messages().get(lang, &format!("render.seed002.{key}"))
}

/// Table 7 in the published layout, with the classification of each column.
pub fn table7(table: &Table7Reproduction) -> String {
    table7_in(table, Lang::En)
}

/// [`table7`] in `lang` (the seed's row names and title stay as printed).
pub fn table7_in(table: &Table7Reproduction, lang: Lang) -> String {
    let not_computable = messages().get(lang, "render.not_computable_short");
    let mut header = vec![messages().get(lang, "render.row").to_owned()];
    header.extend(table.columns.iter().cloned());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (label, values) in &table.inputs {
        let mut cells = vec![messages().format(lang, "render.seed002.input", &[("label", label)])];
        cells.extend(values.iter().map(|value| value.to_string()));
        rows.push(cells);
    }
    for row in &table.results {
        let mut cells = vec![row.label.clone()];
        cells.extend(row.values.iter().map(|value| match value {
            Ok(_) => value_cell(value, row.decimals),
            Err(_) => not_computable.to_owned(),
        }));
        rows.push(cells);
    }
    let heading = messages().format(
        lang,
        "render.recomputed",
        &[("id", &words(lang, "table7")), ("title", &table.title)],
    );
    let mut out = format!("### {heading}\n\n{}", markdown_table(&header, &rows));
    let bands = PolicyConfig::default().current_asset_share_percent;
    let _ = writeln!(
        out,
        "\n{}",
        messages().format(
            lang,
            "render.seed002.bands",
            &[
                ("below", &bands.conservative_below()),
                ("from", &bands.aggressive_from()),
            ],
        )
    );
    for (column, (printed, classified)) in table.columns.iter().zip(&table.policies) {
        let line = match classified {
            Ok(policy) => {
                let verdict = if policy.policy == *printed {
                    words(lang, "agrees")
                } else {
                    words(lang, "disagrees")
                };
                messages().format(
                    lang,
                    "render.seed002.classified",
                    &[
                        ("policy", &policy.policy.label_in(lang)),
                        ("printed", &printed.label_in(lang)),
                        ("verdict", &verdict),
                    ],
                )
            }
            Err(reason) => messages().format(
                lang,
                "render.seed002.not_computable",
                &[("reason", &reason.text(lang))],
            ),
        };
        let _ = writeln!(out, "- {column}: {line}");
    }
    out
}

/// The A/B example recomputed.
pub fn example(firms: &[FirmReproduction]) -> String {
    example_in(firms, Lang::En)
}

/// [`example`] in `lang`.
pub fn example_in(firms: &[FirmReproduction], lang: Lang) -> String {
    let mut header = vec![messages().get(lang, "render.row").to_owned()];
    header.extend(firms.iter().map(|firm| firm.label.clone()));
    let row = |key: &str, pick: &dyn Fn(&FirmReproduction) -> Decimal| {
        let mut cells = vec![words(lang, key).to_owned()];
        cells.extend(
            firms
                .iter()
                .map(|firm| format!("{}", round_as_printed(pick(firm), 4).normalize())),
        );
        cells
    };
    let rows = vec![
        row("receivables", &|firm| firm.result.receivables),
        row("payables", &|firm| firm.result.payables),
        row("uncovered", &|firm| firm.result.uncovered_receivables),
        row("offsetting_months", &|firm| {
            firm.result.required_supplier_deferral_months
        }),
        row("deferral_ratio", &|firm| {
            firm.result.supplier_to_client_deferral_ratio
        }),
        row("threshold", &|firm| {
            firm.result.negative_needs_threshold_months
        }),
    ];
    let mut out = format!(
        "### {}\n\n{}",
        words(lang, "example"),
        markdown_table(&header, &rows)
    );
    let _ = writeln!(out, "\n{}", words(lang, "advice"));
    for firm in firms {
        let [low, high] = firm.advised_range_months;
        let verdict = if firm.advised_range_is_above_threshold {
            words(lang, "above_threshold")
        } else {
            words(lang, "not_above_threshold")
        };
        let _ = writeln!(
            out,
            "- {}",
            messages().format(
                lang,
                "render.seed002.advised",
                &[
                    ("firm", &firm.label),
                    ("low", &low),
                    ("high", &high),
                    ("verdict", &verdict),
                    (
                        "threshold",
                        &firm.result.negative_needs_threshold_months.normalize()
                    ),
                ],
            )
        );
    }
    out
}

/// Table 8: the printed matrix and the library's, cell by cell.
pub fn table8(cells: &[Table8Cell]) -> String {
    table8_in(cells, Lang::En)
}

/// [`table8`] in `lang` (the printed cells stay as printed).
pub fn table8_in(cells: &[Table8Cell], lang: Lang) -> String {
    let header: Vec<String> = [
        "liability_policy",
        "asset_policy",
        "printed",
        "printed_meaning",
        "library",
    ]
    .iter()
    .map(|key| words(lang, key).to_owned())
    .collect();
    let rows: Vec<Vec<String>> = cells
        .iter()
        .map(|cell| {
            vec![
                cell.liability_policy.label_in(lang).to_owned(),
                cell.asset_policy.label_in(lang).to_owned(),
                cell.printed.clone(),
                cell.printed_meaning.label_in(lang).to_owned(),
                cell.library.label_in(lang).to_owned(),
            ]
        })
        .collect();
    let n_agree = cells
        .iter()
        .filter(|cell| cell.printed_meaning == cell.library)
        .count();
    format!(
        "### {}\n\n{}\n{}\n",
        words(lang, "table8"),
        markdown_table(&header, &rows),
        messages().format(
            lang,
            "render.seed002.agree",
            &[("agree", &n_agree), ("count", &cells.len())],
        )
    )
}

/// The whole seed 002 reproduction.
pub fn seed002_report(reproduction: &Reproduction002) -> String {
    seed002_report_in(reproduction, Lang::En)
}

/// [`seed002_report`] in `lang`: the seed's own row names, titles and printed cells
/// stay as published; the words around them are in `lang`.
pub fn seed002_report_in(reproduction: &Reproduction002, lang: Lang) -> String {
    let mut out = format!(
        "## {}\n\n{}\n\n",
        words(lang, "heading"),
        messages().format(
            lang,
            "render.seed002.note",
            &[("note", &naming_note_in(lang))]
        )
    );
    out.push_str(&table7_in(&reproduction.table7, lang));
    out.push('\n');
    out.push_str(&example_in(&reproduction.example, lang));
    out.push('\n');
    out.push_str(&table8_in(&reproduction.table8, lang));
    out.push('\n');
    out.push_str(&reconciliation_in(&reproduction.reconciliation, lang));
    out
}
