//! Why a ratio cannot be computed.

use std::fmt;

use bilans_model::{LineItem, Period};
use rust_decimal::Decimal;
use serde::Serialize;

/// The reason a ratio has no value in a period. Not an error of the program: a fact
/// about the data, reported to the user in place of the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
#[non_exhaustive]
pub enum NotComputable {
    /// A line item the ratio needs is absent.
    MissingItem {
        /// The item.
        item: LineItem,
        /// The period.
        period: Period,
    },
    /// Under average balances, the previous period's balance is absent.
    NoOpeningBalance {
        /// The item.
        item: LineItem,
        /// The period whose opening balance is missing.
        period: Period,
    },
    /// Under the chronological basis, a year has some but not all interim quarter-end
    /// balances, so its balance dates are not evenly spaced.
    IncompleteInterimBalances {
        /// The item.
        item: LineItem,
        /// The year.
        period: Period,
        /// The first quarter-end without a balance.
        missing: Period,
    },
    /// The denominator is zero.
    ZeroDenominator {
        /// The denominator, as text.
        denominator: String,
        /// The period.
        period: Period,
    },
    /// An item is not positive, which makes the ratio meaningless (negative equity
    /// for return on equity).
    NotMeaningful {
        /// The item.
        item: LineItem,
        /// Its value.
        value: Decimal,
        /// The period.
        period: Period,
    },
    /// A ratio definition refers to an id that is not in the catalogue.
    UnknownRatio {
        /// The id.
        id: String,
    },
    /// The result does not fit a Decimal (28 significant digits).
    Overflow,
}

impl fmt::Display for NotComputable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotComputable::MissingItem { item, period } => {
                write!(f, "{} is missing in {period}", item.label())
            }
            NotComputable::NoOpeningBalance { item, period } => write!(
                f,
                "no opening balance: {} for {} is missing, so its average for {period} is unknown",
                item.label(),
                period.previous()
            ),
            NotComputable::IncompleteInterimBalances {
                item,
                period,
                missing,
            } => write!(
                f,
                "incomplete interim balances: {} for {missing} is missing, so the chronological mean for {period} is unknown",
                item.label()
            ),
            NotComputable::ZeroDenominator {
                denominator,
                period,
            } => {
                write!(f, "division by zero: {denominator} is 0 in {period}")
            }
            NotComputable::NotMeaningful {
                item,
                value,
                period,
            } => write!(
                f,
                "not meaningful: {} is {value} in {period} (must be positive)",
                item.label()
            ),
            NotComputable::UnknownRatio { id } => write!(f, "unknown ratio `{id}`"),
            NotComputable::Overflow => f.write_str(
                "arithmetic overflow: a result exceeds the decimal range (about ±7.9e28)",
            ),
        }
    }
}
