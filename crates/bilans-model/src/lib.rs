//! The bilans core model: entities, periods, statements and their line items, with
//! amounts in [`rust_decimal::Decimal`], and the accounting identities between items.
//!
//! This crate owns the vocabulary every other bilans crate speaks.
//! It does no I/O: reading spreadsheets lives in `bilans-sheets`, ratios in
//! `bilans-ratios`.
//! Validation never fails: it returns [`Finding`]s that say which identity broke, in
//! which period, and by how much.
//!
//! # Example
//!
//! ```
//! use bilans_model::{Entity, LineItem, Period, Statements, Unit, validate};
//! use rust_decimal::Decimal;
//!
//! let mut statements = Statements::new(Entity::company("Example"), Unit::thousands("PLN"));
//! let year = Period::year(2001);
//! statements.set(year, LineItem::CurrentAssets, Decimal::from(100));
//! statements.set(year, LineItem::Inventories, Decimal::from(40));
//! statements.set(year, LineItem::Receivables, Decimal::from(50));
//! statements.set(year, LineItem::OtherCurrentAssets, Decimal::from(9));
//! let findings = validate(&statements);
//! assert_eq!(findings[0].gap(), Some(Decimal::from(1)));
//! ```

#![deny(clippy::float_arithmetic)]

mod date;
mod error;
mod item;
mod period;
pub mod reconcile;
mod statement;
mod validate;

pub use crate::date::Date;
pub use crate::error::ModelError;
pub use crate::item::{
    Flow, ItemInfo, Labels, LineItem, Link, Presentation, Sign, StatementKind, dictionary_markdown,
    line_items_markdown,
};
pub use crate::period::{Length, Part, Period};
pub use crate::statement::{Amount, Entity, EntityKind, Scale, Source, Statements, Unit};
pub use crate::validate::{Finding, FindingKind, Identity, Severity, identities, validate};

#[cfg(test)]
mod tests;
