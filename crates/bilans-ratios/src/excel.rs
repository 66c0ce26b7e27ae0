//! Excel rendering of expressions: a formula over worksheet cells, with referenced
//! ratios read from their cells or expanded inline from the catalogue.

use std::fmt::Write as _;

use bilans_model::Period;

use crate::NotComputable;
use crate::expr::{CellRefs, EvalConfig, Expr, Precedence, Rounding, write_item_excel};

impl Expr {
    /// Renders the expression as the body of an Excel formula (without the leading
    /// `=`), reading line items from `cells`.
    ///
    /// Under the average basis a stock item becomes `(opening+closing)/2`. A ratio
    /// reference becomes its cell when `cells` gives one, otherwise it is expanded
    /// inline; under [`Rounding::Intermediates`] it is wrapped in `ROUND(…, decimals)`.
    ///
    /// # Errors
    ///
    /// [`NotComputable::MissingItem`] or [`NotComputable::NoOpeningBalance`] when a
    /// needed cell does not exist, [`NotComputable::UnknownRatio`] for a bad reference.
    pub fn to_excel(
        &self,
        period: Period,
        config: &EvalConfig,
        cells: &dyn CellRefs,
    ) -> Result<String, NotComputable> {
        let mut formula = String::new();
        self.write_excel(&mut formula, Precedence::Lowest, period, config, cells)?;
        Ok(formula)
    }

    /// [`Expr::to_excel`] appended to `out`, which a caller rendering many formulas
    /// reuses; on an error `out` holds a part of the formula.
    ///
    /// # Errors
    ///
    /// As [`Expr::to_excel`].
    pub fn write_excel_to(
        &self,
        out: &mut String,
        period: Period,
        config: &EvalConfig,
        cells: &dyn CellRefs,
    ) -> Result<(), NotComputable> {
        self.write_excel(out, Precedence::Lowest, period, config, cells)
    }

    fn write_excel(
        &self,
        out: &mut String,
        context: Precedence,
        period: Period,
        config: &EvalConfig,
        cells: &dyn CellRefs,
    ) -> Result<(), NotComputable> {
        let wrap = self.precedence() < context;
        if wrap {
            out.push('(');
        }
        // `left operator right`; as in `binary_text`, the right operand of a
        // non-associative operator is bracketed at equal precedence.
        let binary = |out: &mut String, left: &Expr, operator: char, right: &Expr, level| {
            left.write_excel(out, level, period, config, cells)?;
            out.push(operator);
            let right_level = match level {
                Precedence::Sum => Precedence::Product,
                _ => Precedence::Atom,
            };
            right.write_excel(out, right_level, period, config, cells)
        };
        match self {
            Expr::Item(item) => write_item_excel(out, *item, period, config, cells)?,
            Expr::SumOfPresent(terms) => {
                // Each term is rendered in place; a missing one is cut off again.
                out.push('(');
                let first = out.len();
                let mut first_missing = None;
                for term in terms {
                    let mark = out.len();
                    if first < mark {
                        out.push('+');
                    }
                    match term.write_excel(out, Precedence::Sum, period, config, cells) {
                        Ok(()) => {}
                        Err(missing @ NotComputable::MissingItem { .. }) => {
                            out.truncate(mark);
                            first_missing.get_or_insert(missing);
                        }
                        Err(other) => return Err(other),
                    }
                }
                if out.len() == first {
                    return Err(first_missing.unwrap_or(NotComputable::Overflow));
                }
                out.push(')');
            }
            Expr::FirstPresent(alternatives) => {
                let mut first_missing = None;
                let mut chosen = false;
                for term in alternatives {
                    let mark = out.len();
                    // The alternative stands where the expression stands: it brackets
                    // itself as that place needs.
                    match term.write_excel(out, context, period, config, cells) {
                        Ok(()) => {
                            chosen = true;
                            break;
                        }
                        Err(missing @ NotComputable::MissingItem { .. }) => {
                            out.truncate(mark);
                            first_missing.get_or_insert(missing);
                        }
                        Err(other) => return Err(other),
                    }
                }
                if !chosen {
                    return Err(first_missing.unwrap_or(NotComputable::Overflow));
                }
            }
            Expr::Ratio(id) => {
                let id = *id;
                if let Rounding::Intermediates { .. } = config.rounding {
                    out.push_str("ROUND(");
                }
                if !cells.write_ratio(out, id, period) {
                    out.push('(');
                    id.ratio()
                        .expr
                        .write_excel(out, Precedence::Lowest, period, config, cells)?;
                    out.push(')');
                }
                if let Rounding::Intermediates { decimals } = config.rounding {
                    let _ = write!(out, ",{decimals})");
                }
            }
            Expr::Constant(value) => {
                let _ = write!(out, "{value}");
            }
            Expr::DaysInPeriod => {
                let _ = write!(out, "{}", config.days_in_period(period)?);
            }
            Expr::Add(left, right) => binary(out, left, '+', right, Precedence::Sum)?,
            Expr::Sub(left, right) => binary(out, left, '-', right, Precedence::Sum)?,
            Expr::Mul(left, right) => binary(out, left, '*', right, Precedence::Product)?,
            Expr::Div(left, right) => binary(out, left, '/', right, Precedence::Product)?,
        }
        if wrap {
            out.push(')');
        }
        Ok(())
    }
}
