//! The two sides of a balance sheet printed with a bare `Total` under each (a vendor's
//! condensed balance sheet: share capital, reserves, borrowings, other liabilities,
//! `Total`; fixed assets, investments, other assets, `Total`). A bare total names no
//! line, but a balance sheet's two sides are known by the balance identity: where a
//! block has exactly two bare totals, each the sum of the lines above it (back to the
//! header or the other total), equal in every column, and the recognised lines above
//! one are all assets and above the other all equity and liabilities, the first is the
//! total assets and the second the total equity and liabilities. Anything less is left
//! unread, as before.

use std::collections::BTreeMap;

use bilans_model::{LineItem, Period};
use rust_decimal::Decimal;

/// An amount the two sides give: its period, item, value, cell and line.
pub(crate) type SideAmount = (Period, LineItem, Decimal, String, usize);

/// Which side of the balance sheet the recognised lines of a segment are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Assets,
    EquityAndLiabilities,
}

/// A bare total row that adds up the lines above it.
#[derive(Debug, Clone)]
struct Candidate {
    line: usize,
    label_cell: String,
    side: Option<Side>,
    /// Per column: its period, amount and cell name.
    amounts: BTreeMap<usize, (Period, Decimal, String)>,
}

/// The segments of one block, fed row by row.
#[derive(Debug, Default)]
pub(crate) struct Sides {
    sums: BTreeMap<usize, Decimal>,
    items: Vec<LineItem>,
    candidates: Vec<Candidate>,
}

fn descends_from(item: LineItem, root: LineItem) -> bool {
    let mut stack = vec![(item, 0)];
    while let Some((current, depth)) = stack.pop() {
        if current == root {
            return true;
        }
        if depth < 12 {
            stack.extend(
                current
                    .parents()
                    .iter()
                    .map(|link| (link.parent, depth + 1)),
            );
        }
    }
    false
}

impl Sides {
    /// A row of amounts under the block's header: `item` its recognised line, if any.
    pub(crate) fn add(&mut self, item: Option<LineItem>, amounts: &BTreeMap<usize, Decimal>) {
        for (col, value) in amounts {
            let sum = self.sums.entry(*col).or_default();
            *sum = sum.checked_add(*value).unwrap_or(*sum);
        }
        self.items.extend(item);
    }

    /// A bare total row: kept as a candidate if each amount is its segment's sum.
    pub(crate) fn total(
        &mut self,
        line: usize,
        label_cell: String,
        amounts: BTreeMap<usize, (Period, Decimal, String)>,
    ) {
        let adds_up = !amounts.is_empty()
            && amounts
                .iter()
                .all(|(col, (_, value, _))| self.sums.get(col) == Some(value));
        let on = |root| {
            !self.items.is_empty() && self.items.iter().all(|item| descends_from(*item, root))
        };
        let side = if on(LineItem::TotalAssets) {
            Some(Side::Assets)
        } else if on(LineItem::TotalEquityAndLiabilities) {
            Some(Side::EquityAndLiabilities)
        } else {
            None
        };
        if adds_up {
            self.candidates.push(Candidate {
                line,
                label_cell,
                side,
                amounts,
            });
        } else {
            // Two bare totals must both add up: one that does not spoils the pair.
            self.candidates.push(Candidate {
                line,
                label_cell,
                side: None,
                amounts: BTreeMap::new(),
            });
        }
        self.sums.clear();
        self.items.clear();
    }

    /// The records the block's two sides give, if they are two sides, and the label
    /// cells of the rows they were read from.
    pub(crate) fn finish(&mut self) -> (Vec<SideAmount>, Vec<String>) {
        let candidates = std::mem::take(&mut self.candidates);
        self.sums.clear();
        self.items.clear();
        let [first, second] = candidates.as_slice() else {
            return (Vec::new(), Vec::new());
        };
        let sides = (first.side, second.side);
        let equal = first.amounts.len() == second.amounts.len()
            && first.amounts.iter().zip(&second.amounts).all(
                |((col, (_, value, _)), (other_col, (_, other, _)))| {
                    col == other_col && value == other
                },
            );
        let (assets, other) = match sides {
            (Some(Side::Assets), Some(Side::EquityAndLiabilities)) => (first, second),
            (Some(Side::EquityAndLiabilities), Some(Side::Assets)) => (second, first),
            _ => return (Vec::new(), Vec::new()),
        };
        if !equal {
            return (Vec::new(), Vec::new());
        }
        let mut records = Vec::new();
        for (candidate, item) in [
            (assets, LineItem::TotalAssets),
            (other, LineItem::TotalEquityAndLiabilities),
        ] {
            for (period, value, cell) in candidate.amounts.values() {
                records.push((*period, item, *value, cell.clone(), candidate.line));
            }
        }
        let cells = vec![assets.label_cell.clone(), other.label_cell.clone()];
        (records, cells)
    }
}
