//! Expert scoring for small-business management analysis: partner selection by an
//! expert panel (seed 000), KPI cards (seed 001) and human capital valuation (seed 003).
//!
//! Each method lives in its own module and is usable on its own from other Rust
//! programs; none of them does I/O (reading and writing workbooks is `bilans-sheets`).
//! Results are `Decimal`; a value that cannot be computed (a zero divisor, a result
//! beyond a Decimal's range) carries its reason, and invalid input is a typed error
//! that names its field.
//!
//! # Example
//!
//! Scoring the example panel of `fixtures/partners/example.toml`:
//!
//! ```
//! use bilans_scoring::partners::{PanelInput, RuleComparison, analyse};
//! # let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/partners/example.toml");
//! # let text = std::fs::read_to_string(path).unwrap();
//! let input: PanelInput = toml::from_str(&text).unwrap();
//! let analysis = analyse(&input).unwrap();
//! let selection = &analysis.scoring.selection;
//! // The PT rule and the harmony rule are compared; a tie is reported as such.
//! if selection.rules == RuleComparison::Disagree {
//!     assert_ne!(selection.by_total, selection.by_harmony);
//! }
//! assert!(analysis.scoring.partners.iter().all(|partner| partner.total.is_some()));
//!
//! // Human capital, formula (2) of seed 003: wage × goodwill + investment × periods,
//! // 600 000 × 2.35 + 40 000 × 3 = 1 530 000.
//! use bilans_scoring::human_capital::{Outcome, worker_value};
//! use rust_decimal::Decimal;
//! let value = worker_value(
//!     Decimal::from(600_000),
//!     Decimal::new(235, 2),
//!     Decimal::from(40_000),
//!     Decimal::from(3),
//! );
//! assert_eq!(value, Outcome::Value(Decimal::from(1_530_000)));
//! ```

#![deny(clippy::float_arithmetic)]

pub mod human_capital;
pub mod kpi;
mod lang;
pub mod partners;

pub use crate::lang::Words;
