//! Expert scoring for small-business management analysis: partner selection by an
//! expert panel (seed 000), KPI cards (seed 001) and human capital valuation (seed 003).
//!
//! Each method lives in its own module and is usable on its own from other Rust
//! programs; none of them does I/O (reading and writing workbooks is `bilans-sheets`).

#![deny(clippy::float_arithmetic)]

pub mod human_capital;
pub mod kpi;
pub mod partners;
