//! Markdown rendering of a human capital report, shared by the CLI and the tests.

use std::fmt::Write;

use bilans_model::Lang;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::human_capital::input::Group;
use crate::human_capital::outcome::Outcome;
use crate::human_capital::{MARKET_VALUE_CAVEAT, PersonResult, Report};
use crate::lang::{message, text};

/// Renders `report` as Markdown: company metrics, then one table per topic.
///
/// Rounding happens here and only here: every figure is rounded to 2 decimal places,
/// half away from zero (`RoundingStrategy::MidpointAwayFromZero`), ratios and
/// coefficients to 4. A figure that cannot be computed shows `n/a` and its reason in a
/// note below the table.
pub fn render_markdown(report: &Report) -> String {
    render_markdown_in(report, Lang::En)
}

/// [`render_markdown`] in `lang`: headings, headers, labels and the caveat in `lang`;
/// the staff file's names and ids, the reasons of not-computable figures and the
/// warnings stay as they are.
pub fn render_markdown_in(report: &Report, lang: Lang) -> String {
    let words = |key: &str| text(lang, &format!("hc.{key}"));
    let mut text = String::new();
    let company = &report.company;
    let _ = writeln!(
        text,
        "# {}\n",
        message(
            lang,
            "hc.title",
            &[("company", &company.name), ("period", &company.period)],
        )
    );
    let fte_source = match company.fte_source.as_str() {
        "sum of staff fte" => words("fte_from_staff"),
        other => other,
    };
    let _ = writeln!(
        text,
        "{}\n",
        message(
            lang,
            "hc.currency_fte",
            &[
                ("currency", &company.currency),
                ("fte", &company.fte),
                ("source", &fte_source),
            ],
        )
    );
    let mut notes = Notes::new(lang);
    let _ = writeln!(text, "## {}\n", words("company_metrics"));
    let _ = writeln!(
        text,
        "| {} | {} |\n|---|---:|",
        words("metric"),
        words("value")
    );
    let rows: [(&str, &Outcome, u32); 8] = [
        ("revenue_per_fte", &company.revenue_per_fte, 2),
        ("profit_per_fte", &company.profit_per_fte, 2),
        ("personnel_cost_per_fte", &company.personnel_cost_per_fte, 2),
        (
            "market_value_per_fte",
            &company.market_value_of_human_capital_per_fte,
            2,
        ),
        ("roi", &company.human_capital_roi, 4),
        (
            "value_added_per_fte",
            &company.human_capital_value_added_per_fte,
            2,
        ),
        ("profit_index", &company.profit_index, 4),
        (
            "total_human_capital",
            &Outcome::Value(company.total_human_capital),
            2,
        ),
    ];
    for (key, outcome, decimals) in rows {
        let label = words(key);
        let cell = notes.cell(label, outcome, decimals);
        let _ = writeln!(text, "| {label} | {cell} |");
    }
    let caveat = if company.market_value_caveat == MARKET_VALUE_CAVEAT {
        words("market_value_caveat")
    } else {
        company.market_value_caveat.as_str()
    };
    let _ = writeln!(
        text,
        "\n{}",
        message(lang, "hc.caveat", &[("caveat", &caveat)])
    );
    notes.flush(&mut text);

    let _ = writeln!(text, "\n## {}\n", words("per_person"));
    let symbols: Vec<&str> = Group::ALL.iter().map(|group| group.symbol()).collect();
    let _ = writeln!(
        text,
        "| {} | {} | {} | {} |",
        words("id"),
        words("name"),
        symbols.join(" | "),
        words("per_person_columns")
    );
    let _ = writeln!(
        text,
        "|---|---|{}---:|---:|---:|---:|---|---:|---:|",
        "---:|".repeat(Group::ALL.len())
    );
    let not_available = words("not_available");
    for person in &report.people {
        let groups: Vec<String> = Group::ALL
            .iter()
            .map(|group| {
                person
                    .group_scores
                    .get(group)
                    .map_or_else(|| not_available.to_owned(), |score| round(*score, 2))
            })
            .collect();
        let subject = |key: &str| format!("{} {}", person.id, words(key));
        let baseline = person
            .change
            .baseline_kind
            .map_or(words("no_baseline"), |kind| kind.name());
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            person.id,
            person.name,
            groups.join(" | "),
            round(person.human_capital, 2),
            round(person.efficiency_coefficient, 2),
            notes.cell(
                &subject("invested_funds"),
                &person.invested_funds_recovered,
                2
            ),
            notes.cell(&subject("hc_1"), &person.human_capital_from_investment, 2),
            baseline,
            notes.cell(&subject("change_ratio"), &person.change.ratio, 4),
            notes.cell(&subject("change"), &person.change.difference, 2),
        );
    }
    notes.flush(&mut text);

    let _ = writeln!(text, "\n## {}\n", words("worker_value_heading"));
    let _ = writeln!(text, "| {} |", words("worker_value_columns"));
    let _ = writeln!(
        text,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for person in &report.people {
        write_worker_value_row(&mut text, &mut notes, person, lang);
    }
    notes.flush(&mut text);

    if !report.warnings.is_empty() {
        let _ = writeln!(text, "\n## {}\n", words("warnings"));
        for warning in &report.warnings {
            let _ = writeln!(text, "- {warning}");
        }
    }
    text
}

fn write_worker_value_row(text: &mut String, notes: &mut Notes, person: &PersonResult, lang: Lang) {
    let goodwill = &person.goodwill;
    let subject = |key: &str| {
        format!(
            "{} {}",
            person.id,
            crate::lang::text(lang, &format!("hc.{key}"))
        )
    };
    let _ = writeln!(
        text,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        person.id,
        round(person.wage, 2),
        round(person.annual_investment, 2),
        round(person.investment_periods, 2),
        notes.cell(&subject("profit_index_short"), &goodwill.profit_index, 4),
        notes.cell(&subject("cost_index"), &goodwill.personnel_cost_index, 4),
        round(goodwill.education_points, 2),
        round(goodwill.tenure_points, 2),
        round(goodwill.age_points, 2),
        round(goodwill.prospects, 2),
        notes.cell(&subject("goodwill"), &goodwill.total, 4),
        notes.cell(&subject("worker_value"), &person.worker_value, 2),
    );
}

/// The report's word `key` in `lang` (`revenue_per_fte`, `market_value_caveat`,
/// `fte_from_staff`, `not_available`, ...: the `hc` messages of this crate), for the
/// workbook that shows the same metrics.
pub fn label_in(lang: Lang, key: &str) -> &'static str {
    text(lang, &format!("hc.{key}"))
}

/// Rounds `value` to `decimals` places, half away from zero, for display.
pub(crate) fn round(value: Decimal, decimals: u32) -> String {
    let mut rounded =
        value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    // Pad with zeros so that a column shows a fixed number of decimals.
    rounded.rescale(decimals);
    rounded.to_string()
}

/// Reasons of the not-computable cells of one table, printed below it.
struct Notes {
    lang: Lang,
    lines: Vec<String>,
}

impl Notes {
    fn new(lang: Lang) -> Notes {
        Notes {
            lang,
            lines: Vec::new(),
        }
    }

    fn cell(&mut self, subject: &str, outcome: &Outcome, decimals: u32) -> String {
        match outcome {
            Outcome::Value(value) => round(*value, decimals),
            Outcome::NotComputable { reason } => {
                let line = message(
                    self.lang,
                    "hc.not_computable",
                    &[
                        ("subject", &subject),
                        ("reason", &reason.text_in(self.lang)),
                    ],
                );
                if !self.lines.contains(&line) {
                    self.lines.push(line);
                }
                crate::lang::text(self.lang, "hc.not_available").to_owned()
            }
        }
    }

    fn flush(&mut self, text: &mut String) {
        if self.lines.is_empty() {
            return;
        }
        let _ = writeln!(text);
        for line in self.lines.drain(..) {
            let _ = writeln!(text, "- {line}");
        }
    }
}
