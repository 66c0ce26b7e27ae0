//! The bilans ratio engine.
//!
//! Each ratio is defined **once**, as an [`Expr`] over line items, other ratios,
//! constants and parameters (see [`catalogue`]). From that one definition the engine
//! evaluates the ratio in [`Decimal`](rust_decimal::Decimal), renders it as an Excel
//! formula over worksheet cells ([`Ratio::excel_formula`]) and prints it as text
//! ([`Ratio::formula_text`]).
//!
//! A ratio that cannot be computed is a [`NotComputable`] with the reason (a missing
//! item, a zero denominator, no opening balance under average balances, a value that
//! makes the ratio meaningless such as negative equity), never a zero and never a panic.
//!
//! The crate also holds the classic and modified Du Pont analyses ([`dupont`]), the
//! reproduction of seed 004's published tables ([`seed004`]), working-capital
//! management ([`working_capital`]) and the horizontal and vertical analysis of the
//! statements ([`structure`]). It does no I/O.
//!
//! # Example
//!
//! ```
//! use bilans_model::{Entity, LineItem, Period, Statements, Unit};
//! use bilans_ratios::{EvalConfig, RatioId};
//! use rust_decimal::Decimal;
//!
//! let mut statements = Statements::new(Entity::company("Example"), Unit::thousands("PLN"));
//! let year = Period::year(2006);
//! statements.set(year, LineItem::NetIncome, Decimal::from(46_350));
//! statements.set(year, LineItem::Equity, Decimal::from(233_200));
//!
//! let roe = RatioId::RETURN_ON_EQUITY.ratio();
//! assert_eq!(roe.formula_text(), "net income / equity");
//! let value = roe.evaluate(&statements, year, &EvalConfig::default()).unwrap();
//! assert_eq!(value.round_dp(4), Decimal::new(1988, 4));
//!
//! // Without revenue, return on sales is not computable, and says why.
//! let ros = RatioId::RETURN_ON_SALES.ratio();
//! let reason = ros.evaluate(&statements, year, &EvalConfig::default()).unwrap_err();
//! assert_eq!(reason.to_string(), "revenue is missing in 2006");
//! ```

#![deny(clippy::float_arithmetic)]

pub mod analysis;
mod catalogue;
pub mod conclusion;
pub mod distress;
pub mod dupont;
mod eval;
mod excel;
mod expr;
mod id;
mod lang;
pub mod liquidity;
mod not_computable;
pub mod render;
pub mod seed004;
pub mod structure;
mod table;
mod text;
pub mod working_capital;

pub use crate::catalogue::{Group, Ratio, RatioUnit, catalogue, find};
pub use crate::expr::{Basis, CellRefs, DaysInYear, EvalConfig, Expr, Rounding};
pub use crate::id::RatioId;
pub use crate::not_computable::{Need, NotComputable};
pub use crate::table::{Outcome, PeriodResult, RatioRow, RatioTable, evaluate_all};

#[cfg(test)]
mod tests;
