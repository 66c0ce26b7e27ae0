//! Text helpers shared by every rendering (the reports, the liquidity and structure
//! sections, the conclusion): a Markdown table, periods grouped under one text, and a
//! capitalised first letter.

use std::fmt::Write as _;

/// A Markdown table with `header` and `rows` (cells already formatted).
pub fn markdown_table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let separators: Vec<&str> = header
        .iter()
        .enumerate()
        .map(|(index, _)| if index == 0 { "---" } else { "---:" })
        .collect();
    let _ = writeln!(out, "| {} |", separators.join(" | "));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out
}

/// Adds `period` to the group of `text`, keeping groups in first-seen order.
pub(crate) fn add_period(groups: &mut Vec<(String, Vec<String>)>, text: String, period: String) {
    match groups.iter_mut().find(|(existing, _)| *existing == text) {
        Some((_, periods)) => periods.push(period),
        None => groups.push((text, vec![period])),
    }
}

/// `text` with its first letter in upper case.
pub(crate) fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}
