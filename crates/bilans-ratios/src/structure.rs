//! Horizontal and vertical analysis (structure and dynamics) of every statement line:
//! per period, the change from the comparison period, absolute and relative, and the
//! line's share of its statement's total, with large moves flagged.
//!
//! Definitions (see `docs/structure.md`):
//!
//! - **Comparison period.** A flow (an income-statement or cash-flow line) is compared
//!   with the previous period of the same duration ([`Period::previous`]: 2001 before
//!   2002, 2002Q1 before 2002Q2). A balance (a balance-sheet line, cash at the
//!   beginning or end) is compared with the balance at the period's opening date (the
//!   previous period when held, otherwise any period the statements hold that ends that
//!   day); a balance date (an instant) with the latest earlier balance date held.
//! - **Change** = amount − amount in the comparison period.
//! - **Relative change** = change / amount in the comparison period, as a fraction
//!   (0.25 is 25 %); not computable when that amount is zero or negative.
//! - **Share** = amount / the statement's total in the same period: assets over total
//!   assets; equity and liabilities over total equity and liabilities (total assets
//!   when that is not given, equal to it by the balance-sheet identity);
//!   income-statement and cash-flow lines over revenue (a common-size cash-flow
//!   statement).
//! - **Large move**: |change| ≥ [`LARGE_CHANGE`] × |amount in the comparison period|
//!   and a non-zero change, for a line that is at least [`MATERIAL_SHARE`] of its total
//!   (in absolute value) in either period.
//!
//! Amounts are the statements' own: never averaged and never annualised (the ratio
//! engine's [`crate::EvalConfig`] does not apply). Values are at full Decimal precision;
//! rendering rounds them.

use bilans_model::{Flow, LineItem, Period, StatementKind, Statements};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::{NotComputable, Outcome};

mod render;

pub use crate::structure::render::{
    structure_document, structure_markdown, structure_markdown_in, threshold_text,
};

/// A change is large when its size is at least this fraction of the amount it
/// changes from: 0.25 (25 %).
pub const LARGE_CHANGE: Decimal = Decimal::from_parts(25, 0, 0, false, 2);

/// A line's change is flagged only when the line is at least this fraction of its
/// total (in absolute value) in the period or in the comparison period: 0.05 (5 %).
pub const MATERIAL_SHARE: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

/// The horizontal and vertical analysis of one set of statements.
#[derive(Debug, Clone, Serialize)]
pub struct Structure {
    /// [`LARGE_CHANGE`], the threshold this analysis used.
    pub large_change: Decimal,
    /// [`MATERIAL_SHARE`], the threshold this analysis used.
    pub material_share: Decimal,
    /// The periods, in order.
    pub periods: Vec<Period>,
    /// One line per line item the statements hold (market data excepted), in
    /// catalogue order.
    pub lines: Vec<StructureLine>,
}

/// One statement line over the periods.
#[derive(Debug, Clone, Serialize)]
pub struct StructureLine {
    /// The line item (serialised as its machine name).
    pub item: LineItem,
    /// Its statement.
    pub statement: StatementKind,
    /// Per period, in order.
    pub values: Vec<StructureCell>,
}

/// One line in one period.
#[derive(Debug, Clone, Serialize)]
pub struct StructureCell {
    /// The period.
    pub period: Period,
    /// The amount, when the statements hold it.
    pub amount: Option<Decimal>,
    /// The period the amount is compared with, when the statements hold one.
    pub compared_with: Option<Period>,
    /// Amount − amount in the comparison period.
    #[serde(serialize_with = "serialize_outcome")]
    pub change: Result<Decimal, NotComputable>,
    /// The change over the amount in the comparison period, as a fraction.
    #[serde(serialize_with = "serialize_outcome")]
    pub relative_change: Result<Decimal, NotComputable>,
    /// The total the share is of, when the statements hold it.
    pub total: Option<LineItem>,
    /// The amount over the total, as a fraction.
    #[serde(serialize_with = "serialize_outcome")]
    pub share: Result<Decimal, NotComputable>,
    /// Whether the change is a large move (see [`LARGE_CHANGE`], [`MATERIAL_SHARE`]).
    pub large_move: bool,
}

/// The horizontal and vertical analysis of `statements`.
pub fn analyse_structure(statements: &Statements) -> Structure {
    let periods = statements.period_list();
    let lines = statements
        .item_list()
        .into_iter()
        .filter(|item| item.statement() != StatementKind::MarketData)
        .map(|item| structure_line(statements, &periods, item))
        .collect();
    Structure {
        large_change: LARGE_CHANGE,
        material_share: MATERIAL_SHARE,
        periods,
        lines,
    }
}

impl Structure {
    /// The line of `item`, if the statements hold it.
    pub fn line(&self, item: LineItem) -> Option<&StructureLine> {
        self.lines.iter().find(|line| line.item == item)
    }

    /// The periods in which at least one line has a comparison period, in order.
    pub fn compared_periods(&self) -> Vec<Period> {
        self.periods
            .iter()
            .copied()
            .filter(|period| {
                self.lines.iter().any(|line| {
                    line.cell(*period)
                        .is_some_and(|cell| cell.compared_with.is_some())
                })
            })
            .collect()
    }

    /// Every large move, in line then period order.
    pub fn large_moves(&self) -> impl Iterator<Item = (&StructureLine, &StructureCell)> {
        self.lines.iter().flat_map(|line| {
            line.values
                .iter()
                .filter(|cell| cell.large_move)
                .map(move |cell| (line, cell))
        })
    }
}

impl StructureLine {
    /// The cell of `period`, if it is one of the statements' periods.
    pub fn cell(&self, period: Period) -> Option<&StructureCell> {
        self.values.iter().find(|cell| cell.period == period)
    }

    /// The totals the line's shares are of, in first-used order: one, or two when the
    /// statements give total equity and liabilities in some periods and only total
    /// assets in others.
    pub fn totals(&self) -> Vec<LineItem> {
        let mut totals = Vec::new();
        for total in self.values.iter().filter_map(|cell| cell.total) {
            if !totals.contains(&total) {
                totals.push(total);
            }
        }
        totals
    }
}

/// The totals a line's share may be of, in order of preference: the first the
/// statements hold in a period is used.
///
/// A balance-sheet line belongs to the side whose total its chain of parents reaches;
/// non-controlling interests, which have no parent in the catalogue, are on the
/// equity-and-liabilities side.
pub fn share_totals(item: LineItem) -> &'static [LineItem] {
    match item.statement() {
        StatementKind::BalanceSheet if balance_sheet_root(item) == LineItem::TotalAssets => {
            &[LineItem::TotalAssets]
        }
        StatementKind::BalanceSheet => {
            &[LineItem::TotalEquityAndLiabilities, LineItem::TotalAssets]
        }
        StatementKind::IncomeStatement | StatementKind::CashFlowStatement => &[LineItem::Revenue],
        StatementKind::MarketData => &[],
    }
}

/// The period whose amount of `item` the amount in `period` is compared with (see the
/// module documentation), or why there is none.
///
/// # Errors
///
/// [`NotComputable::NoPreviousPeriod`] when the statements hold no such period.
pub fn comparison_period(
    statements: &Statements,
    item: LineItem,
    period: Period,
) -> Result<Period, NotComputable> {
    let none = NotComputable::NoPreviousPeriod {
        period,
        needed_for: "the change",
    };
    let previous = period.previous();
    if item.flow() == Flow::Flow {
        return previous
            .filter(|previous| statements.periods.contains_key(previous))
            .ok_or(none);
    }
    let date = match period.opening_date() {
        Some(date) => date,
        None => match statements
            .periods
            .keys()
            .map(|held| held.end())
            .filter(|end| *end < period.end())
            .max()
        {
            Some(date) => date,
            None => return Err(none),
        },
    };
    let candidates: Vec<Period> = previous
        .into_iter()
        .chain(statements.periods.keys().copied())
        .filter(|held| held.end() == date && statements.periods.contains_key(held))
        .collect();
    candidates
        .iter()
        .find(|held| statements.get(**held, item).is_some())
        .or(candidates.first())
        .copied()
        .ok_or(none)
}

fn structure_line(statements: &Statements, periods: &[Period], item: LineItem) -> StructureLine {
    let shares: Vec<(Option<LineItem>, Result<Decimal, NotComputable>)> = periods
        .iter()
        .map(|period| share(statements, item, *period))
        .collect();
    let share_in = |period: Period| {
        periods
            .iter()
            .position(|candidate| *candidate == period)
            .and_then(|index| shares[index].1.as_ref().ok().copied())
    };
    let values = periods
        .iter()
        .zip(&shares)
        .map(|(period, (total, share))| {
            let amount = statements.get(*period, item);
            let compared_with = comparison_period(statements, item, *period);
            let previous = compared_with.clone().and_then(|previous| {
                let amount = statements
                    .get(previous, item)
                    .ok_or(NotComputable::MissingItem {
                        item,
                        period: previous,
                    })?;
                Ok((previous, amount))
            });
            let change = change(item, *period, amount, previous.clone());
            let relative_change = relative_change(item, &change, previous.clone());
            let material = [
                share.as_ref().ok().copied(),
                compared_with.clone().ok().and_then(share_in),
            ]
            .into_iter()
            .flatten()
            .any(|share| MATERIAL_SHARE <= share.abs());
            let large_move = material
                && match (&change, &previous) {
                    (Ok(change), Ok((_, base))) => {
                        !change.is_zero() && large_relative_to(*change, base.abs())
                    }
                    _ => false,
                };
            StructureCell {
                period: *period,
                amount,
                compared_with: compared_with.ok(),
                change,
                relative_change,
                total: *total,
                share: share.clone(),
                large_move,
            }
        })
        .collect();
    StructureLine {
        item,
        statement: item.statement(),
        values,
    }
}

/// Whether |change| ≥ [`LARGE_CHANGE`] × `base` (a non-negative amount). The product
/// is smaller than `base` and cannot overflow; it is checked all the same, and an
/// overflow would not be large.
fn large_relative_to(change: Decimal, base: Decimal) -> bool {
    match LARGE_CHANGE.checked_mul(base) {
        Some(threshold) => threshold <= change.abs(),
        None => false,
    }
}

fn change(
    item: LineItem,
    period: Period,
    amount: Option<Decimal>,
    previous: Result<(Period, Decimal), NotComputable>,
) -> Result<Decimal, NotComputable> {
    let amount = amount.ok_or(NotComputable::MissingItem { item, period })?;
    let (_, previous_amount) = previous?;
    amount
        .checked_sub(previous_amount)
        .ok_or(NotComputable::Overflow)
}

fn relative_change(
    item: LineItem,
    change: &Result<Decimal, NotComputable>,
    previous: Result<(Period, Decimal), NotComputable>,
) -> Result<Decimal, NotComputable> {
    let change = change.clone()?;
    let (previous, base) = previous?;
    positive_base(item, base, previous)?;
    change.checked_div(base).ok_or(NotComputable::Overflow)
}

/// `Ok` when `value` (of `item` in `period`) is positive, so that dividing by it is
/// meaningful; the reason otherwise.
fn positive_base(item: LineItem, value: Decimal, period: Period) -> Result<(), NotComputable> {
    if value.is_zero() {
        return Err(NotComputable::ZeroDenominator {
            denominator: Box::new(crate::Expr::Item(item)),
            period,
        });
    }
    if value < Decimal::ZERO {
        return Err(NotComputable::NotMeaningful {
            item,
            value,
            period,
        });
    }
    Ok(())
}

/// The total `item`'s share is of in `period` (when held), and the share or why
/// there is none.
fn share(
    statements: &Statements,
    item: LineItem,
    period: Period,
) -> (Option<LineItem>, Result<Decimal, NotComputable>) {
    let totals = share_totals(item);
    let Some((total, total_amount)) = totals.iter().find_map(|total| {
        statements
            .get(period, *total)
            .map(|amount| (*total, amount))
    }) else {
        let missing = totals.first().copied().unwrap_or(item);
        return (
            None,
            Err(NotComputable::MissingItem {
                item: missing,
                period,
            }),
        );
    };
    let share = (|| {
        let amount = statements
            .get(period, item)
            .ok_or(NotComputable::MissingItem { item, period })?;
        positive_base(total, total_amount, period)?;
        amount
            .checked_div(total_amount)
            .ok_or(NotComputable::Overflow)
    })();
    (Some(total), share)
}

/// The total at the top of `item`'s first chain of parents within its statement.
fn balance_sheet_root(item: LineItem) -> LineItem {
    let mut current = item;
    for _ in 0..LineItem::ALL.len() {
        let Some(link) = current
            .parents()
            .iter()
            .find(|link| link.parent.statement() == item.statement())
        else {
            break;
        };
        current = link.parent;
    }
    current
}

fn serialize_outcome<S: Serializer>(
    value: &Result<Decimal, NotComputable>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    Outcome::from(value.clone()).serialize(serializer)
}

#[cfg(test)]
mod tests;
