//! The accounting identities bilans checks, derived from the line-item table: one per
//! total and presentation, plus three equalities across statements.
//!
//! A total's parts in a presentation are its children linked in
//! [`Presentation::Any`] and those linked in that presentation. A total whose children
//! are all linked in `Any` has one identity. A total with children of specific
//! presentations has one identity per such presentation and, where its `Any` children
//! are not empty, one more of those alone: a presentation that adds no children of its
//! own builds the total from the `Any` children (the closing cash where the
//! exchange-rate effect is inside the net change; the profit before tax by nature).
//! A presentation with a single child is an "of which" line (interest within
//! financial costs, capital expenditure within investing cash flows): the child is
//! part of the total, not its definition, so it gives no identity.

use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

use crate::finding::sum_text;
use crate::{LineItem, Part, Presentation, Severity, Sign, StatementKind};

/// An accounting identity: `total` equals the signed sum of `parts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// Stable name: the total's machine name, followed by `.` and the presentation
    /// where the total is built differently in different presentations
    /// (`profit_before_tax.by_function`); for the equalities across statements,
    /// `balance`, `closing_cash` and `net_income_in_equity`.
    pub name: String,
    /// The item that should equal the sum.
    pub total: LineItem,
    /// The presentation the parts belong to; [`Presentation::Any`] for the parts common
    /// to every presentation and for the equalities.
    pub presentation: Presentation,
    /// The parts, in the table's order, with the sign each adds with.
    pub parts: Vec<Part>,
    /// Where the identity comes from.
    pub origin: Origin,
    /// The severity of a gap beyond rounding.
    pub severity: Severity,
    /// Whether every part is an asset or a liability, which cannot be negative: then
    /// the parts given summing to more than the total is a break even where some parts
    /// are not given.
    pub parts_non_negative: bool,
}

/// Where an identity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A total and its children in the line-item table.
    Hierarchy,
    /// Two amounts, usually of different statements, that should agree.
    Equality,
}

impl Identity {
    /// The identity as a formula: `current_assets = inventories + receivables + …`.
    pub fn formula(&self) -> String {
        format!("{} = {}", self.total.name(), sum_text(&self.parts))
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formula())
    }
}

/// The identities bilans checks, in order: the table's totals in catalogue order (the
/// identities of one total together), then the equalities across statements.
///
/// - Per total and presentation: the total equals the signed sum of its children
///   (deductions, held positive, subtract), e.g. `current_assets = inventories +
///   recoverable_vat + receivables + short_term_investments_and_cash + prepayments +
///   other_current_assets`; an error beyond rounding.
/// - `balance`: total assets = total equity and liabilities; an error beyond rounding.
/// - `closing_cash`: the balance sheet's cash and equivalents = the cash-flow
///   statement's closing cash; a warning, as the two may be defined differently
///   (restricted cash, overdrafts netted against cash).
/// - `net_income_in_equity`: the result of the year within equity (Polish Pasywa A.VI)
///   = net income; a warning, as a consolidated result may include the
///   non-controlling interests' share.
///
/// # Examples
///
/// ```
/// use bilans_model::{LineItem, identities};
///
/// let gross_profit = identities()
///     .iter()
///     .find(|identity| identity.total == LineItem::GrossProfit)
///     .unwrap();
/// assert_eq!(gross_profit.formula(), "gross_profit = revenue − cost_of_sales");
/// ```
pub fn identities() -> &'static [Identity] {
    static IDENTITIES: OnceLock<Vec<Identity>> = OnceLock::new();
    IDENTITIES.get_or_init(derive_identities)
}

/// The identities of `total` from the table (none for an item without children).
pub(crate) fn identities_of(total: LineItem) -> impl Iterator<Item = &'static Identity> {
    identities()
        .iter()
        .filter(move |identity| identity.total == total && identity.origin == Origin::Hierarchy)
}

fn derive_identities() -> Vec<Identity> {
    let mut identities = Vec::new();
    for info in LineItem::table() {
        identities.extend(hierarchy_identities(info.item));
    }
    let equalities = [
        (
            "balance",
            LineItem::TotalAssets,
            LineItem::TotalEquityAndLiabilities,
            Severity::Error,
        ),
        (
            "closing_cash",
            LineItem::CashAndEquivalents,
            LineItem::CashAtEnd,
            Severity::Warning,
        ),
        (
            "net_income_in_equity",
            LineItem::CurrentYearResult,
            LineItem::NetIncome,
            Severity::Warning,
        ),
    ];
    for (name, total, other, severity) in equalities {
        identities.push(Identity {
            name: name.to_owned(),
            total,
            presentation: Presentation::Any,
            parts: vec![Part {
                item: other,
                sign: Sign::Add,
            }],
            origin: Origin::Equality,
            severity,
            parts_non_negative: false,
        });
    }
    identities
}

fn hierarchy_identities(total: LineItem) -> Vec<Identity> {
    let children: Vec<(LineItem, crate::Link)> = total.children().collect();
    let mut presentations: Vec<Presentation> = Vec::new();
    if children
        .iter()
        .any(|(_, link)| link.presentation == Presentation::Any)
    {
        presentations.push(Presentation::Any);
    }
    for (_, link) in &children {
        if link.presentation != Presentation::Any && !presentations.contains(&link.presentation) {
            presentations.push(link.presentation);
        }
    }
    presentations.sort();
    let several = 1 < presentations.len();
    let parts_non_negative = total.statement() == StatementKind::BalanceSheet
        && children
            .iter()
            .all(|(child, link)| link.sign == Sign::Add && on_asset_or_liability_side(*child));
    let identities = presentations
        .into_iter()
        .map(|presentation| {
            let parts = children
                .iter()
                .filter(|(_, link)| {
                    link.presentation == Presentation::Any || link.presentation == presentation
                })
                .map(|(item, link)| Part {
                    item: *item,
                    sign: link.sign,
                })
                .collect();
            let name = if several && presentation != Presentation::Any {
                format!("{}.{}", total.name(), presentation.name())
            } else {
                total.name().to_owned()
            };
            Identity {
                name,
                total,
                presentation,
                parts,
                origin: Origin::Hierarchy,
                severity: Severity::Error,
                parts_non_negative,
            }
        })
        // A single child is an "of which" line (interest within financial costs): part
        // of the total, not its definition.
        .filter(|identity| 2 <= identity.parts.len());
    identities.collect()
}

/// Whether `item` is an asset (within total assets) or a liability (within total
/// liabilities), added all the way up: an amount that cannot be negative.
fn on_asset_or_liability_side(item: LineItem) -> bool {
    let mut current = item;
    for _ in 0..LineItem::ALL.len() {
        if current == LineItem::TotalAssets || current == LineItem::TotalLiabilities {
            return true;
        }
        let Some(link) = current
            .parents()
            .iter()
            .find(|link| link.parent.statement() == item.statement())
        else {
            return false;
        };
        if link.sign == Sign::Subtract {
            return false;
        }
        current = link.parent;
    }
    false
}
