//! Documentation generated from the line-item table: `docs/line_items.md` and the
//! dictionary table of `docs/import.md` (a test keeps both fresh).

use std::fmt::Write as _;

use crate::{Flow, LineItem, Origin, Presentation, Sign, StatementKind, identities};

/// `docs/line_items.md`: every line item per statement, in its hierarchy, with its
/// codes, positions and XBRL concepts; then the identities validation checks, with
/// their severity rules.
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
    out.push_str(&identities_markdown());
    out
}

/// The "Identities checked" section: the rules, then every identity.
fn identities_markdown() -> String {
    let mut out = String::from(
        "\n## Identities checked\n\n\
         `bilans_model::validate` checks these identities in every period; they are derived \
         from the hierarchy above (`bilans_model::identities`).\n\
         A total has one identity per presentation: its children linked in any \
         presentation, plus those of that presentation; the children of any presentation \
         alone are one more where a total has both (a presentation that adds nothing of its \
         own, as the closing cash where the exchange-rate effect is inside the net change).\n\
         A single child is an \"of which\" line (interest within financial costs) and gives \
         no identity.\n\n\
         - A part is given when the statements state it, or state every part of one of its \
         own identities (it is then their signed sum).\n\
         - Deductions (costs, outflows, own shares) are held positive and subtract, as the \
         signs below show.\n\
         - Rounding: each printed amount may be off by half a unit of its last printed \
         digit, so a total compared with `n` parts may be off by (n + 1) × ½ unit (the \
         finest digit printed among them).\n\
         - Where every part of at least one identity of a total is given, the total holds \
         when any such identity holds within rounding.\n  A gap within rounding is a warning; \
         a gap beyond it in every such identity is a break of the severity below.\n\
         - Where no identity of a total has every part given, the rest is an unstated \
         remainder: info (`identity_not_checked`), never an error.\n  For a total of assets or \
         liabilities (marked *non-negative* below), whose parts cannot be negative, the \
         parts given summing to more than the total beyond rounding is an error \
         (`parts_exceed_total`).\n\
         - A total marked *open* in the table (statements print lines under it that the \
         table does not hold: goodwill among non-current assets, impairments within the \
         operating result, other adjustments of the operating cash flow) is a warning, not \
         an error, where its parts fall short of it or, for parts that can be negative, \
         miss it: the difference may be a line bilans does not read. Parts that cannot be \
         negative exceeding it stay an error.\n\
         - A sum or gap beyond the decimal range is a warning (`identity_overflow`).\n\n\
         | identity | formula | severity beyond rounding | partial |\n\
         | --- | --- | --- | --- |\n",
    );
    for identity in identities() {
        let partial = if identity.parts_non_negative {
            "non-negative: excess is an error"
        } else if identity.origin == Origin::Equality {
            "not checked"
        } else {
            "remainder"
        };
        let _ = writeln!(
            out,
            "| `{}` | `{}` | {} | {partial} |",
            identity.name,
            identity.formula(),
            if identity.origin == Origin::Hierarchy && identity.total.info().open {
                "error when parts exceed it, else warning (open)"
            } else {
                identity.severity.name()
            }
        );
    }
    out.push_str(
        "\nThe equalities across statements: `balance` is an error (the two sides of a \
         balance sheet must agree); `closing_cash` is a warning, as the balance sheet's cash \
         and the cash-flow statement's closing cash may be defined differently (restricted \
         cash, overdrafts netted against cash); `net_income_in_equity` is a warning, as a \
         consolidated net income may include the non-controlling interests' share that the \
         equity's result of the year leaves out.\n",
    );
    out
}

/// The dictionary table of `docs/import.md`: every item's labels in each language and
/// its Russian and Ukrainian form codes.
pub fn dictionary_markdown() -> String {
    let mut out = String::from(
        "| line item | EN | PL | RU | UK | SV | VI | RU code | UA code |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for info in LineItem::table() {
        let labels = info.labels;
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} |",
            info.name,
            labels.en.join("; "),
            labels.pl.join("; "),
            labels.ru.join("; "),
            labels.uk.join("; "),
            labels.sv.join("; "),
            labels.vi.join("; "),
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
