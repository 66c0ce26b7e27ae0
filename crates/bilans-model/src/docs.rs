//! Documentation generated from the line-item table: `docs/line_items.md` and the
//! dictionary table of `docs/import.md` (a test keeps both fresh).

use std::fmt::Write as _;

use crate::{Flow, LineItem, Presentation, Sign, StatementKind};

/// `docs/line_items.md`: every line item per statement, in its hierarchy, with its
/// codes, positions and XBRL concepts.
pub fn line_items_markdown() -> String {
    let mut out = String::new();
    out.push_str(
        "# Line items\n\n\
         Generated from the line-item table (`crates/bilans-model/src/item/table.rs`) by \
         `bilans_model::line_items_markdown`; a test fails while this file is stale \
         (`BILANS_UPDATE=1 cargo test -p bilans-tests docs` rewrites it).\n\n\
         Each item has a stable machine name (used in JSON, mapping files and defined \
         names), a statement, stock or flow, and its place in the statement's hierarchy: \
         the total it adds up into, with its sign and the presentation in which the total \
         is built that way. A deduction (a cost, an outflow) is held as a positive amount \
         however the statement prints it. Where a statement gives all of a total's \
         children, the total must equal their sum; where it gives only some, the rest is \
         an unstated remainder, not an error.\n\n\
         Codes: Russian forms of Order 66n (balance sheet 1100–1700, income statement \
         2100–2500, cash flows 4100–4500); Ukrainian forms of НП(С)БО 1 (1000–1900, \
         2000–2520, 3000–3415) and the small-enterprise forms 1-м/2-м; Polish positions \
         of the Accounting Act's Załącznik 1 (`Aktywa`, `Pasywa`, `RZiS-P` by nature, \
         `RZiS-K` by function, `RPP` cash flows); XBRL concepts of us-gaap and \
         ifrs-full.\n",
    );
    for statement in StatementKind::ALL {
        let _ = write!(
            out,
            "\n## {}\n\n| item | name | kind | adds up into | RU | UA | PL | XBRL |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n",
            capitalised(statement.label())
        );
        for info in LineItem::table()
            .iter()
            .filter(|info| info.statement == statement)
        {
            let indent = "· ".repeat(depth(info.item));
            let parents: Vec<String> = info
                .parents
                .iter()
                .map(|link| {
                    let sign = match link.sign {
                        Sign::Add => "+",
                        Sign::Subtract => "−",
                    };
                    let presentation = match link.presentation {
                        Presentation::Any => String::new(),
                        other => format!(" ({})", other.label()),
                    };
                    format!("{sign} `{}`{presentation}", link.parent.name())
                })
                .collect();
            let kind = match info.flow {
                Flow::Stock => "stock",
                Flow::Flow => "flow",
            };
            let _ = writeln!(
                out,
                "| {indent}{} | `{}` | {kind} | {} | {} | {} | {} | {} |",
                info.label,
                info.name,
                parents.join("; "),
                info.ru_codes.join(", "),
                info.uk_codes.join(", "),
                info.pl_positions.join("; "),
                info.xbrl
                    .iter()
                    .map(|concept| format!("`{concept}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    out.push_str("\n## What each item is\n\n");
    for info in LineItem::table() {
        let _ = writeln!(out, "- `{}`: {}", info.name, info.description());
    }
    out
}

/// The dictionary table of `docs/import.md`: every item's labels in each language and
/// its Russian and Ukrainian form codes.
pub fn dictionary_markdown() -> String {
    let mut out = String::from(
        "| line item | EN | PL | RU | UK | RU code | UA code |\n| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for info in LineItem::table() {
        let labels = info.labels;
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            info.name,
            labels.en.join("; "),
            labels.pl.join("; "),
            labels.ru.join("; "),
            labels.uk.join("; "),
            info.ru_codes.join(", "),
            info.uk_codes.join(", ")
        );
    }
    out
}

/// How many totals of the same statement stand above `item` (by first parents).
fn depth(item: LineItem) -> usize {
    let mut depth = 0;
    let mut current = item;
    while let Some(link) = current
        .parents()
        .iter()
        .find(|link| link.parent.statement() == item.statement())
    {
        depth += 1;
        current = link.parent;
        if depth > LineItem::ALL.len() {
            break;
        }
    }
    depth
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}
