//! Markdown rendering of a human capital report, shared by the CLI and the tests.

use std::fmt::Write;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::human_capital::input::Group;
use crate::human_capital::outcome::Outcome;
use crate::human_capital::{PersonResult, Report};

/// Renders `report` as Markdown: company metrics, then one table per topic.
///
/// Rounding happens here and only here: every figure is rounded to 2 decimal places,
/// half away from zero (`RoundingStrategy::MidpointAwayFromZero`), ratios and
/// coefficients to 4. A figure that cannot be computed shows `n/a` and its reason in a
/// note below the table.
pub fn render_markdown(report: &Report) -> String {
    let mut text = String::new();
    let company = &report.company;
    let _ = writeln!(
        text,
        "# Human capital: {} ({})\n",
        company.name, company.period
    );
    let _ = writeln!(
        text,
        "Currency: {}. FTE: {} ({}).\n",
        company.currency, company.fte, company.fte_source
    );
    let mut notes = Notes::default();
    let _ = writeln!(text, "## Company metrics\n");
    let _ = writeln!(text, "| metric | value |\n|---|---:|");
    let rows: [(&str, &Outcome, u32); 8] = [
        ("revenue per FTE", &company.revenue_per_fte, 2),
        ("profit per FTE", &company.profit_per_fte, 2),
        ("personnel cost per FTE", &company.personnel_cost_per_fte, 2),
        (
            "market value of human capital per FTE (see caveat)",
            &company.market_value_of_human_capital_per_fte,
            2,
        ),
        (
            "human capital ROI (Fitz-enz)",
            &company.human_capital_roi,
            4,
        ),
        (
            "human capital value added per FTE (Fitz-enz)",
            &company.human_capital_value_added_per_fte,
            2,
        ),
        ("goodwill profit index", &company.profit_index, 4),
        (
            "total human capital, formula (3), points",
            &Outcome::Value(company.total_human_capital),
            2,
        ),
    ];
    for (label, outcome, decimals) in rows {
        let cell = notes.cell(label, outcome, decimals);
        let _ = writeln!(text, "| {label} | {cell} |");
    }
    let _ = writeln!(text, "\nCaveat: {}.", company.market_value_caveat);
    notes.flush(&mut text);

    let _ = writeln!(text, "\n## Human capital per person (points)\n");
    let symbols: Vec<&str> = Group::ALL.iter().map(|group| group.symbol()).collect();
    let _ = writeln!(
        text,
        "| id | name | {} | HC (3) | IK | invested (5) | HC (1), money | baseline | change ratio | change |",
        symbols.join(" | ")
    );
    let _ = writeln!(
        text,
        "|---|---|{}---:|---:|---:|---:|---|---:|---:|",
        "---:|".repeat(Group::ALL.len())
    );
    for person in &report.people {
        let groups: Vec<String> = Group::ALL
            .iter()
            .map(|group| {
                person
                    .group_scores
                    .get(group)
                    .map_or_else(|| "n/a".to_owned(), |score| round(*score, 2))
            })
            .collect();
        let subject = |what: &str| format!("{} {what}", person.id);
        let baseline = person
            .change
            .baseline_kind
            .map_or("none", |kind| kind.name());
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            person.id,
            person.name,
            groups.join(" | "),
            round(person.human_capital, 2),
            round(person.efficiency_coefficient, 2),
            notes.cell(
                &subject("invested funds (5)"),
                &person.invested_funds_recovered,
                2
            ),
            notes.cell(&subject("HC (1)"), &person.human_capital_from_investment, 2),
            baseline,
            notes.cell(&subject("change ratio"), &person.change.ratio, 4),
            notes.cell(&subject("change"), &person.change.difference, 2),
        );
    }
    notes.flush(&mut text);

    let _ = writeln!(text, "\n## Worker value, formula (2)\n");
    let _ = writeln!(
        text,
        "| id | wage ZP | investment I | periods t | profit index | cost index | education | tenure | age | prospects | goodwill | worker value |"
    );
    let _ = writeln!(
        text,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for person in &report.people {
        write_worker_value_row(&mut text, &mut notes, person);
    }
    notes.flush(&mut text);

    if !report.warnings.is_empty() {
        let _ = writeln!(text, "\n## Warnings\n");
        for warning in &report.warnings {
            let _ = writeln!(text, "- {warning}");
        }
    }
    text
}

fn write_worker_value_row(text: &mut String, notes: &mut Notes, person: &PersonResult) {
    let goodwill = &person.goodwill;
    let subject = |what: &str| format!("{} {what}", person.id);
    let _ = writeln!(
        text,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        person.id,
        round(person.wage, 2),
        round(person.annual_investment, 2),
        round(person.investment_periods, 2),
        notes.cell(&subject("profit index"), &goodwill.profit_index, 4),
        notes.cell(&subject("cost index"), &goodwill.personnel_cost_index, 4),
        round(goodwill.education_points, 2),
        round(goodwill.tenure_points, 2),
        round(goodwill.age_points, 2),
        round(goodwill.prospects, 2),
        notes.cell(&subject("goodwill"), &goodwill.total, 4),
        notes.cell(&subject("worker value"), &person.worker_value, 2),
    );
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
#[derive(Default)]
struct Notes {
    lines: Vec<String>,
}

impl Notes {
    fn cell(&mut self, subject: &str, outcome: &Outcome, decimals: u32) -> String {
        match outcome {
            Outcome::Value(value) => round(*value, decimals),
            Outcome::NotComputable { reason } => {
                let line = format!("{subject}: not computable: {reason}");
                if !self.lines.contains(&line) {
                    self.lines.push(line);
                }
                "n/a".to_owned()
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
