//! Workbook support for partner selection (seed 000): import of a panel input from a
//! workbook, with every value's cell remembered so that validation errors name their
//! sheet and cell, and export of the analysis with a radar chart of all partners.
//!
//! # Input workbook layout
//!
//! - `Panel`: keys in column A, values in column B: `title`, `experts`, `scale_min`,
//!   `scale_max`, `divisor` (`panel` or `votes_cast`).
//! - `Criteria`: header row, then one criterion per row in column A, an optional
//!   weight in column B.
//! - `Votes`: header `partner | criterion | <L> | … | <U>` (the scores), then one row
//!   per partner and criterion with the number of experts per score; or `Scores`:
//!   header `partner | criterion | expert 1 | …`, one row per partner and criterion
//!   with every expert's score.
//! - `Partners` (optional): header, then a partner name in column A and what it is
//!   in column B.
//! - `Compliance` (optional): header `indicator | <model> | … [| weight]`, one row per
//!   indicator with `+`, `-` or `±`; a row whose first cell is `exclude` marks excluded
//!   models with `x`.
//! - `Monitoring` (optional): A1 `model`, B1 the model; row 2 the header
//!   `indicator | kind | direction | target | unit | levels | <period> | …`; one row
//!   per indicator (`levels` separated by `;`, qualitative only).

//!
//! The module reads in [`read`](self) (`read.rs`), writes the analysed workbook in
//! `write.rs` and the input workbook (a template) in `template.rs`.

mod read;
mod template;
mod write;

pub use crate::partners::read::{CellMap, analyse_workbook, read_panel_workbook};
pub use crate::partners::template::panel_input_workbook;
pub use crate::partners::write::{analysis_workbook, analysis_workbook_in};

use bilans_scoring::partners::Form;

/// The sheet that holds a partner input form, in the layout read and written here.
fn form_sheet(form: Form) -> &'static str {
    match form {
        Form::Votes => "Votes",
        Form::Scores => "Scores",
    }
}

/// A sheet column from a position.
fn column(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}
