//! KPI cards (seed 001, "kinds of KPI"): the eight type pairs, measurement scales,
//! directions of preference, achievement scores, weighted card totals and the balance
//! report.
//!
//! The seed classifies KPIs and says what each scale admits; it gives no arithmetic for
//! a card. bilans defines a documented achievement score per direction and scale
//! ([`score::score`]), a weighted total per owner and a balance report
//! ([`report::report`]); `docs/kpi.md` has the formulas and every decision.
//!
//! The scale decides what may be computed: [`scale`] makes that a compile-time fact for
//! code working with typed [`scale::Measurement`]s, and a run-time refusal with a reason
//! for values read from files.
//!
//! # Example
//!
//! ```
//! use bilans_scoring::kpi::{CardInput, KpiField, KpiRecord, build_card, report};
//!
//! let mut record = KpiRecord::default();
//! for (field, text) in [
//!     (KpiField::Name, "Sales"),
//!     (KpiField::Owner, "Sales department"),
//!     (KpiField::Level, "unit"),
//!     (KpiField::Types, "financial team quantitative operational leading result absolute functional"),
//!     (KpiField::Scale, "ratio"),
//!     (KpiField::Direction, "positive"),
//!     (KpiField::Plan, "2000000"),
//!     (KpiField::Weight, "1"),
//! ] {
//!     record.fields.insert(field, text.to_owned());
//! }
//! record.actuals.push(("2024-01".to_owned(), "1800000".to_owned()));
//! let card = build_card(&CardInput { kpis: vec![record], settings: vec![] }).unwrap();
//! let report = report(&card);
//! // 1 800 000 / 2 000 000 = 0.9
//! assert_eq!(report.cards[0].rows[0].cells[0].score.value(), Some(rust_decimal::Decimal::new(9, 1)));
//! ```

mod balance;
mod card;
mod direction;
mod finding;
mod input;
mod level;
mod owner_card;
mod render;
mod report;
pub mod scale;
mod score;
mod settings;

pub use crate::kpi::balance::{LevelBalance, PairBalance};
pub use crate::kpi::card::{Card, Kpi, KpiTypes, MAX_WEIGHT, Side, TypePair, build_card};
pub use crate::kpi::direction::{Deviation, Direction, DirectionKind};
pub use crate::kpi::finding::{FindingKind, KpiFinding};
pub use crate::kpi::input::{
    CardInput, InputError, InputLocation, KpiField, KpiRecord, NotANumber, code_list, parse_number,
};
pub use crate::kpi::level::Level;
pub use crate::kpi::owner_card::{CardRow, OwnerCard, PeriodTotal, ScoreCell, Total};
pub use crate::kpi::render::{DISPLAY_DECIMALS, display, render_markdown, render_markdown_in};
pub use crate::kpi::report::{Report, report, type_scale_mismatches};
pub use crate::kpi::scale::ScaleKind;
pub use crate::kpi::score::{Light, Method, Score, score};
pub use crate::kpi::settings::Settings;

#[cfg(test)]
mod tests;
