//! Excel rendering of expressions: a formula over worksheet cells, with referenced
//! ratios read from their cells or expanded inline from the catalogue.

use std::fmt::Write as _;

use bilans_model::Period;

use crate::NotComputable;
use crate::expr::{CellRefs, EvalConfig, Expr, Precedence, Rounding, item_excel};

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
            Expr::Item(item) => out.push_str(&item_excel(*item, period, config, cells)?),
            Expr::SumOfPresent(terms) => {
                let mut rendered = Vec::new();
                let mut first_missing = None;
                for term in terms {
                    let mut text = String::new();
                    match term.write_excel(&mut text, Precedence::Sum, period, config, cells) {
                        Ok(()) => rendered.push(text),
                        Err(missing @ NotComputable::MissingItem { .. }) => {
                            first_missing.get_or_insert(missing);
                        }
                        Err(other) => return Err(other),
                    }
                }
                if rendered.is_empty() {
                    return Err(first_missing.unwrap_or(NotComputable::Overflow));
                }
                let _ = write!(out, "({})", rendered.join("+"));
            }
            Expr::FirstPresent(alternatives) => {
                let mut first_missing = None;
                let mut chosen = None;
                for term in alternatives {
                    let mut text = String::new();
                    // The alternative stands where the expression stands: it brackets
                    // itself as that place needs.
                    match term.write_excel(&mut text, context, period, config, cells) {
                        Ok(()) => {
                            chosen = Some(text);
                            break;
                        }
                        Err(missing @ NotComputable::MissingItem { .. }) => {
                            first_missing.get_or_insert(missing);
                        }
                        Err(other) => return Err(other),
                    }
                }
                match chosen {
                    Some(text) => out.push_str(&text),
                    None => return Err(first_missing.unwrap_or(NotComputable::Overflow)),
                }
            }
            Expr::Ratio(id) => {
                let id = *id;
                let ratio = id.ratio();
                let inner = match cells.ratio(id, period) {
                    Some(reference) => reference,
                    None => {
                        let mut inner = String::from("(");
                        ratio.expr.write_excel(
                            &mut inner,
                            Precedence::Lowest,
                            period,
                            config,
                            cells,
                        )?;
                        inner.push(')');
                        inner
                    }
                };
                match config.rounding {
                    Rounding::Exact => out.push_str(&inner),
                    Rounding::Intermediates { decimals } => {
                        let _ = write!(out, "ROUND({inner},{decimals})");
                    }
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
