//! The only bilans crate that knows spreadsheets: import with `calamine` (xlsx, xlsm,
//! xlsb, xls, ods) into the core model with provenance, and export with
//! `rust_xlsxwriter` (live formulas with cached values, charts, a checks sheet).
//!
//! Every output goes through [`write_atomic`]: a temporary file in the destination's
//! folder, then a rename, and never over an existing file unless asked.

pub mod analyse;
mod atomic;
mod error;
pub mod human_capital;
pub mod import;
pub mod kpi;
pub mod partners;
pub mod working_capital;

pub use crate::atomic::{Overwrite, save_workbook, write_atomic};
pub use crate::error::SheetsError;
