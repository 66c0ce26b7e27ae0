//! The Markdown section of the horizontal and vertical analysis.
//!
//! Percentages are the fractions × 100, rounded half away from zero to 2 decimals;
//! changes are exact differences of the amounts as held.

use std::fmt::Write as _;

use bilans_model::Period;
use bilans_model::reconcile::fixed;
use rust_decimal::Decimal;

use crate::NotComputable;
use crate::render::markdown_table;
use crate::structure::{Structure, StructureCell, StructureLine};

/// The horizontal and vertical analysis as a Markdown section (`## Structure and
/// dynamics`), with the large moves listed and every not-computable value's reason.
pub fn structure_markdown(structure: &Structure) -> String {
    let percent = |fraction: Decimal| match fraction.checked_mul(Decimal::ONE_HUNDRED) {
        Some(percent) => fixed(percent, 2),
        None => "overflow".to_owned(),
    };
    let mut out = String::from("\n## Structure and dynamics\n\n");
    let _ = writeln!(
        out,
        "Change from the comparison period (flows: the previous period of the same length; \
         balances: the opening balance), in % of the earlier amount, and share of the \
         statement's total in % (assets over total assets, equity and liabilities over \
         total equity and liabilities, income and cash-flow lines over revenue); \
         2 decimals, half away from zero; n/c = not computable. \\\n\
         Large moves, in bold: a change of at least {} % of the earlier amount, on a \
         line that is at least {} % of its total in either period.",
        percent(structure.large_change).trim_end_matches(".00"),
        percent(structure.material_share).trim_end_matches(".00"),
    );
    // Periods compared with nothing are left out of the horizontal table.
    let compared = structure.compared_periods();
    out.push_str("\n### Horizontal analysis\n\n");
    let uncompared: Vec<String> = structure
        .periods
        .iter()
        .filter(|period| !compared.contains(period))
        .map(ToString::to_string)
        .collect();
    if !uncompared.is_empty() {
        let _ = writeln!(
            out,
            "No comparison period in the statements for {}.\n",
            uncompared.join(", ")
        );
    }
    if !compared.is_empty() {
        let mut header = vec!["Line item".to_owned()];
        for period in &compared {
            header.push(format!("{period} change"));
            header.push(format!("{period} change %"));
        }
        let rows: Vec<Vec<String>> = structure
            .lines
            .iter()
            .map(|line| {
                let mut cells = vec![line.item.name().to_owned()];
                for period in &compared {
                    let Some(cell) = line.cell(*period) else {
                        cells.extend([String::new(), String::new()]);
                        continue;
                    };
                    let emphasis = |text: String| match cell.large_move {
                        true => format!("**{text}**"),
                        false => text,
                    };
                    cells.push(emphasis(outcome(&cell.change, signed_amount)));
                    cells.push(emphasis(outcome(&cell.relative_change, |value| {
                        signed(percent(value))
                    })));
                }
                cells
            })
            .collect();
        out.push_str(&markdown_table(&header, &rows));
    }
    out.push_str("\n### Vertical analysis (share of the total, %)\n\n");
    let mut header = vec!["Line item".to_owned(), "Of".to_owned()];
    header.extend(structure.periods.iter().map(ToString::to_string));
    let rows: Vec<Vec<String>> = structure
        .lines
        .iter()
        .map(|line| {
            let mut cells = vec![line.item.name().to_owned(), totals_text(line)];
            cells.extend(line.values.iter().map(|cell| outcome(&cell.share, percent)));
            cells
        })
        .collect();
    out.push_str(&markdown_table(&header, &rows));
    out.push_str("\nLarge moves:\n\n");
    let mut any = false;
    for (line, cell) in structure.large_moves() {
        any = true;
        let _ = writeln!(out, "- {}", large_move_text(line, cell, &percent));
    }
    if !any {
        out.push_str("- none\n");
    }
    let reasons = reasons(structure, &compared);
    if !reasons.is_empty() {
        out.push_str("\nNot computable:\n\n");
        out.push_str(&reasons.join("\n"));
        out.push('\n');
    }
    out
}

/// `inventories, 2002 (from 2001): +300 (+30.00 %); 12.00 % of total assets`.
fn large_move_text(
    line: &StructureLine,
    cell: &StructureCell,
    percent: &dyn Fn(Decimal) -> String,
) -> String {
    let mut text = format!("{}, {}", line.item.name(), cell.period);
    if let Some(previous) = cell.compared_with {
        let _ = write!(text, " (from {previous})");
    }
    let _ = write!(text, ": {}", outcome(&cell.change, signed_amount));
    if let Ok(relative) = &cell.relative_change {
        let _ = write!(text, " ({} %)", signed(percent(*relative)));
    }
    if let (Ok(share), Some(total)) = (&cell.share, cell.total) {
        let _ = write!(text, "; {} % of {}", percent(*share), total.label());
    }
    text
}

/// The machine names of the totals a line's shares are of.
fn totals_text(line: &StructureLine) -> String {
    let names: Vec<&str> = line.totals().iter().map(|total| total.name()).collect();
    names.join(", ")
}

/// One line per line item, measure and reason, with the periods it applies to
/// (periods compared with nothing are stated once above the table instead).
fn reasons(structure: &Structure, compared: &[Period]) -> Vec<String> {
    let mut out = Vec::new();
    for line in &structure.lines {
        type Measure = fn(&StructureCell) -> &Result<Decimal, NotComputable>;
        let measures: [(&str, Measure, bool); 3] = [
            ("change", |cell| &cell.change, true),
            ("change %", |cell| &cell.relative_change, true),
            ("share", |cell| &cell.share, false),
        ];
        for (name, measure, horizontal) in measures {
            let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
            for cell in &line.values {
                if horizontal && !compared.contains(&cell.period) {
                    continue;
                }
                let Err(reason) = measure(cell) else { continue };
                let text = reason.to_string();
                match grouped.iter_mut().find(|(existing, _)| *existing == text) {
                    Some((_, periods)) => periods.push(cell.period.to_string()),
                    None => grouped.push((text, vec![cell.period.to_string()])),
                }
            }
            for (text, periods) in grouped {
                out.push(format!(
                    "- {} {name} ({}): {text}",
                    line.item.name(),
                    periods.join(", ")
                ));
            }
        }
    }
    out
}

fn outcome(value: &Result<Decimal, NotComputable>, show: impl Fn(Decimal) -> String) -> String {
    match value {
        Ok(value) => show(*value),
        Err(_) => "n/c".to_owned(),
    }
}

/// An exact difference of amounts with its sign: `+300`, `-12.5`, `0`.
fn signed_amount(value: Decimal) -> String {
    signed(value.normalize().to_string())
}

/// A number with an explicit sign, except zero: `+0.01`, `-0.01`, `0.00`.
fn signed(text: String) -> String {
    let zero = text.chars().all(|character| "0.".contains(character));
    if text.starts_with('-') || zero {
        text
    } else {
        format!("+{text}")
    }
}
