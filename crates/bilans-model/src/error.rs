//! The one error type of the model crate.

/// What can go wrong when building model values from text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A line item name that is not in the catalogue.
    #[error("unknown line item `{0}`; see `LineItem::ALL` for the catalogue")]
    UnknownLineItem(String),
    /// A period that cannot be parsed.
    #[error(
        "not a period: `{0}` (expected a year like 2001, a quarter like 2001Q1, H1 2001, 9M 2001, FY2001 (to 31 March 2001), a date like 2001-07-01 or a day range like 2001-01-01..2001-02-15)"
    )]
    BadPeriod(String),
    /// A calendar date that does not exist or cannot be parsed.
    #[error("not a valid date: `{0}` (expected a date like 2001-12-31)")]
    InvalidDate(String),
    /// Period parts that do not make a period (a fifth quarter, a fiscal year ending in
    /// month 13, a day range that ends before it starts).
    #[error("not a valid period: {0}")]
    InvalidPeriod(String),
    /// A unit scale that cannot be parsed.
    #[error("unknown unit scale `{0}` (expected units, thousands or millions)")]
    BadScale(String),
    /// A language code that bilans does not write.
    #[error("unknown language `{0}` (expected en, pl, ru or uk)")]
    UnknownLanguage(String),
}
