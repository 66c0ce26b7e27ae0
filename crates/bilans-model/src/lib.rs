//! The bilans core model: entities, periods, statements and their line items, with
//! amounts in [`rust_decimal::Decimal`], and the accounting identities between items.
//!
//! This crate owns the vocabulary every other bilans crate speaks.
//! It does no I/O: reading spreadsheets lives in `bilans-sheets`, ratios in
//! `bilans-ratios`.
//! Validation never fails: it returns [`Finding`]s that say which identity broke, in
//! which period, and by how much.
//! The identities come from the line-item table (see [`identities`]).
//!
//! # Example
//!
//! ```
//! use bilans_model::{Entity, LineItem, Period, Severity, Statements, Unit, validate};
//! use rust_decimal::Decimal;
//!
//! let mut statements = Statements::new(Entity::company("Example"), Unit::thousands("PLN"));
//! let year = Period::year(2001);
//! statements.set(year, LineItem::CurrentAssets, Decimal::from(100));
//! statements.set(year, LineItem::Inventories, Decimal::from(40));
//! statements.set(year, LineItem::Receivables, Decimal::from(50));
//! statements.set(year, LineItem::OtherCurrentAssets, Decimal::from(19));
//! let findings = validate(&statements);
//! // Prepayments and the rest are not given, but cannot be negative: the parts given
//! // already exceed the current assets.
//! assert_eq!(findings[0].severity, Severity::Error);
//! assert_eq!(findings[0].gap(), Some(Decimal::from(-9)));
//! ```

#![deny(clippy::float_arithmetic)]

mod date;
mod docs;
mod error;
mod finding;
mod identity;
mod item;
pub mod lang;
mod period;
pub mod reconcile;
mod statement;
mod validate;

pub use crate::date::Date;
pub use crate::docs::{dictionary_markdown, line_items_markdown};
pub use crate::error::ModelError;
pub use crate::finding::{Finding, FindingKind, Severity};
pub use crate::identity::{Identity, Origin, identities};
pub use crate::item::{
    Flow, ItemInfo, Labels, LineItem, Link, Part, Presentation, Sign, StatementKind,
};
pub use crate::lang::{Lang, Messages};
pub use crate::period::{FiscalPart, Length, Period};
pub use crate::statement::{Amount, Entity, EntityKind, Scale, Source, Statements, Unit};
pub use crate::validate::validate;

#[cfg(test)]
mod tests;
