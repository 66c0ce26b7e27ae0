//! Which of two rows wins when both give the same line item for the same period with
//! different amounts, by the rules a statement's writer follows: a statement's own line
//! over the copy another statement or a note prints, the first statement of its kind in
//! the workbook over later schedules, and within one statement block the line itself
//! over a qualified part of it, the total over a section title, and the statement's
//! lines over the breakdowns printed below its bottom line (dimension blocks). Where no
//! rule tells them apart, neither is used.

use std::collections::BTreeMap;

use bilans_model::{LineItem, StatementKind};

use crate::import::layout::{Record, SheetScan};
use crate::import::note::Preference;

/// Where an amount came from, as far as precedence cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Claim {
    /// The statement its block presents.
    pub(crate) home: Option<StatementKind>,
    /// Its sheet, by position in the workbook.
    pub(crate) sheet: usize,
    /// Whether its sheet reads as a statement rather than a note.
    pub(crate) statement_sheet: bool,
    /// Its block (period header) on the sheet.
    pub(crate) block: usize,
    /// Whether its label names a qualified part (`… attributable to the parent`).
    pub(crate) qualified: bool,
    /// Whether its label is written as a total.
    pub(crate) total: bool,
    /// Whether it is below its block's bottom line (the balance sheet's total equity
    /// and liabilities, the income statement's net income, the closing cash).
    pub(crate) below_bottom_line: bool,
}

/// Which of two claims is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    Earlier,
    This,
}

/// The claim kept between an `earlier` one and `this` one for `item`, and why; `None`
/// when no rule tells them apart.
pub(crate) fn prefer(earlier: &Claim, this: &Claim, item: LineItem) -> Option<(Keep, Preference)> {
    let pick = |earlier_wins: bool| {
        if earlier_wins {
            Keep::Earlier
        } else {
            Keep::This
        }
    };
    let guest = |claim: &Claim| claim.home != Some(item.statement());
    if guest(earlier) != guest(this) {
        return Some((pick(!guest(earlier)), Preference::OwnStatement));
    }
    if earlier.statement_sheet != this.statement_sheet {
        return Some((pick(earlier.statement_sheet), Preference::StatementNotNote));
    }
    if earlier.sheet != this.sheet {
        return earlier
            .statement_sheet
            .then_some((Keep::Earlier, Preference::FirstStatement));
    }
    if earlier.block != this.block {
        return None;
    }
    if earlier.qualified != this.qualified {
        return Some((pick(!earlier.qualified), Preference::LineNotPart));
    }
    if earlier.total != this.total {
        return Some((pick(earlier.total), Preference::TotalLine));
    }
    if earlier.below_bottom_line != this.below_bottom_line {
        return Some((pick(!earlier.below_bottom_line), Preference::NotBreakdown));
    }
    None
}

/// The lines that open and close a statement written top down: what follows the
/// closing line on the same block is a breakdown.
fn top_and_bottom_lines(home: StatementKind) -> Option<(LineItem, LineItem)> {
    match home {
        StatementKind::BalanceSheet => {
            Some((LineItem::TotalAssets, LineItem::TotalEquityAndLiabilities))
        }
        StatementKind::IncomeStatement => Some((LineItem::Revenue, LineItem::NetIncome)),
        StatementKind::CashFlowStatement => {
            Some((LineItem::OperatingCashFlow, LineItem::CashAtEnd))
        }
        _ => None,
    }
}

/// The claim of each record of a sheet, in record order.
pub(crate) fn claims(
    sheet: usize,
    scan: &SheetScan,
    statement_sheet: bool,
    homes: &BTreeMap<usize, Option<StatementKind>>,
) -> Vec<Claim> {
    // The first line of each block that holds its statement's top line and bottom line.
    let mut tops: BTreeMap<usize, usize> = BTreeMap::new();
    let mut bottoms: BTreeMap<usize, usize> = BTreeMap::new();
    for record in &scan.records {
        let Some((top, bottom)) = homes
            .get(&record.block)
            .copied()
            .flatten()
            .and_then(top_and_bottom_lines)
        else {
            continue;
        };
        for (item, lines) in [(top, &mut tops), (bottom, &mut bottoms)] {
            if item == record.item {
                let line = lines.entry(record.block).or_insert(record.line);
                *line = (*line).min(record.line);
            }
        }
    }
    // Only a statement written top down (its top line above its bottom line; not a
    // vendor's table in reverse order) has a breakdown below its bottom line.
    let bottom_of = |block: usize| {
        let bottom = *bottoms.get(&block)?;
        (*tops.get(&block)? < bottom).then_some(bottom)
    };
    scan.records
        .iter()
        .map(|record: &Record| Claim {
            home: homes.get(&record.block).copied().flatten(),
            sheet,
            statement_sheet,
            block: record.block,
            qualified: record.qualified,
            total: record.total,
            below_bottom_line: bottom_of(record.block).is_some_and(|line| line < record.line),
        })
        .collect()
}
