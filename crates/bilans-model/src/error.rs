//! The one error type of the model crate.

/// What can go wrong when building model values from text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A line item name that is not in the catalogue.
    #[error("unknown line item `{0}`; see `LineItem::ALL` for the catalogue")]
    UnknownLineItem(String),
    /// A period that cannot be parsed.
    #[error("not a period: `{0}` (expected a year like 2001 or a quarter like 2001Q1)")]
    BadPeriod(String),
    /// A unit scale that cannot be parsed.
    #[error("unknown unit scale `{0}` (expected units, thousands or millions)")]
    BadScale(String),
}
