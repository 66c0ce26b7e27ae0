//! Reconciliation of published figures against recomputed ones.
//!
//! Every published cell is classified by comparing it with the recomputed value
//! rounded the way publications round: half away from zero ("Excel-style"), to the
//! number of decimals printed.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::Lang;

/// How a published cell compares with the recomputation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The exact (full-precision) value, rounded as printed, equals the published one.
    ReproducedExactly,
    /// Only the value computed from intermediates rounded as printed matches.
    ReproducedWithRoundedIntermediates,
    /// Neither matches: the published figure cannot be obtained from the published
    /// inputs by the stated method.
    NotReproducible,
    /// The value cannot be computed at all (e.g. a zero denominator).
    NotComputable,
}

impl Status {
    /// A short human label.
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// The status in words, in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Status::ReproducedExactly => "status.reproduced_exactly",
            Status::ReproducedWithRoundedIntermediates => "status.rounded_intermediates",
            Status::NotReproducible => "status.not_reproducible",
            Status::NotComputable => "status.not_computable",
        };
        crate::lang::messages().get(lang, key)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One published cell, reconciled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconciledCell {
    /// The published table, e.g. `table 2`.
    pub table: String,
    /// The row as labelled in the publication (or its machine name).
    pub row: String,
    /// The column: a period such as `2001`, or whatever the table's columns are.
    pub period: String,
    /// The published value.
    pub published: Decimal,
    /// The full-precision recomputation, if computable.
    pub exact: Option<Decimal>,
    /// The recomputation from intermediates rounded as printed, if computable.
    pub as_published: Option<Decimal>,
    /// The classification.
    pub status: Status,
    /// For cells that are not reproducible: `published − exact` (absent when that
    /// difference overflows the decimal range).
    pub gap: Option<Decimal>,
    /// What the transcription says about this cell (a suspected typo, another method).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Rounds `value` to `decimals` places, half away from zero, as publications do.
pub fn round_as_printed(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// `value` rounded half away from zero to `decimals` places and written with exactly
/// that many decimals (`0.10`), for any Decimal, however large.
///
/// # Examples
///
/// ```
/// use bilans_model::reconcile::fixed;
/// use rust_decimal::Decimal;
///
/// assert_eq!(fixed(Decimal::new(1005, 3), 2), "1.01");
/// assert_eq!(fixed(Decimal::new(-5, 1), 2), "-0.50");
/// ```
pub fn fixed(value: Decimal, decimals: u32) -> String {
    let mut shown = round_as_printed(value, decimals);
    shown.rescale(decimals);
    shown.to_string()
}

/// Classifies one published cell printed with `decimals` decimals.
///
/// # Examples
///
/// ```
/// use bilans_model::reconcile::{Status, classify};
/// use rust_decimal::Decimal;
///
/// let published = Decimal::new(13, 2); // 0.13
/// let exact = Some(Decimal::new(12117, 5)); // 0.12117
/// let as_published = Some(Decimal::new(1283, 4)); // 0.1283
/// assert_eq!(
///     classify(published, 2, exact, as_published).0,
///     Status::ReproducedWithRoundedIntermediates
/// );
/// ```
pub fn classify(
    published: Decimal,
    decimals: u32,
    exact: Option<Decimal>,
    as_published: Option<Decimal>,
) -> (Status, Option<Decimal>) {
    let matches = |value: Option<Decimal>| {
        value.is_some_and(|value| round_as_printed(value, decimals) == published)
    };
    let Some(exact_value) = exact else {
        return (Status::NotComputable, None);
    };
    if matches(exact) {
        return (Status::ReproducedExactly, None);
    }
    if matches(as_published) {
        return (Status::ReproducedWithRoundedIntermediates, None);
    }
    (Status::NotReproducible, published.checked_sub(exact_value))
}

impl ReconciledCell {
    /// Builds and classifies a cell.
    pub fn new(
        table: &str,
        row: &str,
        period: &str,
        published: Decimal,
        decimals: u32,
        exact: Option<Decimal>,
        as_published: Option<Decimal>,
    ) -> ReconciledCell {
        let (status, gap) = classify(published, decimals, exact, as_published);
        ReconciledCell {
            table: table.to_owned(),
            row: row.to_owned(),
            period: period.to_owned(),
            published,
            exact,
            as_published,
            status,
            gap,
            note: None,
        }
    }
}
