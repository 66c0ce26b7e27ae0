//! The ratio engine's overhead: its cost per value beside the cost of the bare `Decimal`
//! operations it performs.
//!
//! [`Trace::of`] walks every ratio's expression for every company and period, with the
//! line items of the statements and the engine's own results for referenced ratios
//! (which the engine computes once per period), and records each `Decimal` operation
//! the engine's evaluation performs on the way, with its operands: the additions of a
//! sum of present terms, the four operations of the expression, the `≤ 0` checks of the
//! items a ratio needs positive. Operations the engine skips (after a missing item, a
//! zero denominator) are skipped too. [`Trace::replay`] then performs exactly those
//! operations in a loop over a flat array: what the ratios cost with no expression
//! tree, no lookups, no memo and no reasons.
//!
//! The trace follows the year-end basis without annualisation (the bench's
//! configuration): under it an item's value is its closing amount.

use bilans_model::{Period, Statements};
use bilans_ratios::{EvalConfig, Expr, RatioTable, catalogue};
use rust_decimal::Decimal;

/// A `Decimal` operation.
#[derive(Debug, Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    /// `left ≤ 0`, the check of an item a ratio needs positive.
    NotPositive,
}

/// The operations the engine performs, in order, with their operands.
pub(crate) struct Trace {
    ops: Vec<(Op, Decimal, Decimal)>,
}

impl Trace {
    /// The operations of evaluating every ratio of `tables` (one per statements, as
    /// `evaluate_all` returned them) for every period.
    pub(crate) fn of(
        statements: &[Statements],
        tables: &[RatioTable],
        config: &EvalConfig,
    ) -> Trace {
        let mut trace = Trace { ops: Vec::new() };
        for (statements, table) in statements.iter().zip(tables) {
            for period in &table.periods {
                let walk = Walk {
                    statements,
                    table,
                    period: *period,
                    config,
                };
                for ratio in catalogue() {
                    let mut positive = true;
                    for item in ratio.requires_positive {
                        let Some(value) = statements.get(*period, *item) else {
                            positive = false;
                            break;
                        };
                        trace.ops.push((Op::NotPositive, value, Decimal::ZERO));
                        if value <= Decimal::ZERO {
                            positive = false;
                            break;
                        }
                    }
                    if positive {
                        walk.value(&ratio.expr, &mut trace.ops);
                    }
                }
            }
        }
        trace
    }

    /// The number of operations.
    pub(crate) fn len(&self) -> usize {
        self.ops.len()
    }

    /// Performs every operation once; the number of results that are not `None`
    /// (kept so that the work cannot be optimised away).
    pub(crate) fn replay(&self) -> usize {
        let mut done = 0;
        for (op, left, right) in &self.ops {
            let (left, right) = (std::hint::black_box(*left), std::hint::black_box(*right));
            let result = match op {
                Op::Add => left.checked_add(right),
                Op::Sub => left.checked_sub(right),
                Op::Mul => left.checked_mul(right),
                Op::Div => left.checked_div(right),
                Op::NotPositive => (left <= right).then_some(left),
            };
            if std::hint::black_box(result).is_some() {
                done += 1;
            }
        }
        done
    }
}

/// One company's period, for the walk.
struct Walk<'a> {
    statements: &'a Statements,
    table: &'a RatioTable,
    period: Period,
    config: &'a EvalConfig,
}

impl Walk<'_> {
    /// The value of `expr` as the engine computes it, recording its operations;
    /// `None` where the engine stops with a reason.
    fn value(&self, expr: &Expr, ops: &mut Vec<(Op, Decimal, Decimal)>) -> Option<Decimal> {
        let binary = |op: Op, left: &Expr, right: &Expr, ops: &mut Vec<_>| {
            let left = self.value(left, ops)?;
            let right = self.value(right, ops)?;
            if matches!(op, Op::Div) && right.is_zero() {
                return None;
            }
            ops.push((op, left, right));
            match op {
                Op::Add => left.checked_add(right),
                Op::Sub => left.checked_sub(right),
                Op::Mul => left.checked_mul(right),
                Op::Div => left.checked_div(right),
                Op::NotPositive => None,
            }
        };
        match expr {
            Expr::Item(item) => self.statements.get(self.period, *item),
            Expr::SumOfPresent(terms) => {
                let mut sum: Option<Decimal> = None;
                for term in terms {
                    if let Some(value) = self.value(term, ops) {
                        let total = sum.unwrap_or(Decimal::ZERO);
                        ops.push((Op::Add, total, value));
                        sum = Some(total.checked_add(value)?);
                    }
                }
                sum
            }
            Expr::FirstPresent(alternatives) => alternatives
                .iter()
                .find_map(|alternative| self.value(alternative, ops)),
            Expr::Ratio(id) => self
                .table
                .row(*id)
                .and_then(|row| row.value(self.period))
                .and_then(|value| value.as_ref().ok().copied()),
            Expr::Constant(value) => Some(*value),
            Expr::DaysInPeriod => self.config.days_in_period(self.period).ok(),
            Expr::Add(left, right) => binary(Op::Add, left, right, ops),
            Expr::Sub(left, right) => binary(Op::Sub, left, right, ops),
            Expr::Mul(left, right) => binary(Op::Mul, left, right, ops),
            Expr::Div(left, right) => binary(Op::Div, left, right, ops),
        }
    }
}
