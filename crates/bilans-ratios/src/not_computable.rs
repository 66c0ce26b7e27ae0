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
    /// Under average balances, the opening balance (at the day before the period
    /// starts) is absent.
    NoOpeningBalance {
        /// The item.
        item: LineItem,
        /// The period whose opening balance is missing.
        period: Period,
    },
    /// Under the chronological basis, a period has some but not all interim
    /// quarter-end balances, so its balance dates are not evenly spaced.
    IncompleteInterimBalances {
        /// The item.
        item: LineItem,
        /// The period.
        period: Period,
        /// The quarter ending on the first interim quarter-end without a balance.
        missing: Period,
    },
    /// The period is a balance date (an instant): it has no flows and no days.
    NoDuration {
        /// The period.
        period: Period,
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
    /// Variables of a distress model cannot be computed, so neither can the score (a
    /// model never gives a partial score).
    DistressVariable {
        /// The symbols of the variables that cannot be computed, e.g. `X4`.
        variables: Vec<&'static str>,
        /// The line items they need, when inputs are missing; empty otherwise.
        needs: Vec<&'static str>,
        /// Why the first of them cannot be computed.
        cause: Box<NotComputable>,
    },
    /// Components of a balance analysis (a liquidity group, own working capital, the
    /// net assets) cannot be computed, so neither can what is built on them.
    Component {
        /// The components, e.g. `A1`.
        components: Vec<&'static str>,
        /// The line items they lack, each entry one requirement (`trade payables or
        /// tax liabilities` where any one will do); empty when none is missing (an
        /// overflow).
        needs: Vec<String>,
        /// Why the first of them cannot be computed.
        cause: Box<NotComputable>,
    },
    /// The value needs the previous period, which the statements do not hold.
    NoPreviousPeriod {
        /// The period.
        period: Period,
        /// What needs the previous period.
        needed_for: &'static str,
    },
}

impl fmt::Display for NotComputable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotComputable::MissingItem { item, period } => {
                write!(f, "{} is missing in {period}", item.label())
            }
            NotComputable::NoOpeningBalance { item, period } => {
                let opening = match (period.previous(), period.opening_date()) {
                    (Some(previous), _) => format!("for {previous}"),
                    (None, Some(date)) => format!("at {date}"),
                    (None, None) => "at the opening".to_owned(),
                };
                write!(
                    f,
                    "no opening balance: {} {opening} is missing, so its average for {period} is unknown",
                    item.label(),
                )
            }
            NotComputable::IncompleteInterimBalances {
                item,
                period,
                missing,
            } => write!(
                f,
                "incomplete interim balances: {} for {missing} is missing, so the chronological mean for {period} is unknown",
                item.label()
            ),
            NotComputable::NoDuration { period } => write!(
                f,
                "no duration: {period} is a balance date, so it has no flows and no turnover days"
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
            NotComputable::DistressVariable {
                variables,
                needs,
                cause,
            } => {
                let (verb, copula) = match variables.len() {
                    1 => ("needs", "is"),
                    _ => ("need", "are"),
                };
                if needs.is_empty() {
                    write!(
                        f,
                        "{} {copula} not computable: {cause}",
                        enumerate(variables)
                    )
                } else {
                    write!(
                        f,
                        "{} {verb} {}: {cause}",
                        enumerate(variables),
                        enumerate(needs)
                    )
                }
            }
            NotComputable::Component {
                components,
                needs,
                cause,
            } => {
                let (verb, copula) = match components.len() {
                    1 => ("needs", "is"),
                    _ => ("need", "are"),
                };
                if needs.is_empty() {
                    write!(
                        f,
                        "{} {copula} not computable: {cause}",
                        enumerate(components)
                    )
                } else {
                    let needs: Vec<&str> = needs.iter().map(String::as_str).collect();
                    write!(
                        f,
                        "{} {verb} {}: {cause}",
                        enumerate(components),
                        enumerate(&needs)
                    )
                }
            }
            NotComputable::NoPreviousPeriod { period, needed_for } => write!(
                f,
                "no previous period: {needed_for} needs the period before {period}"
            ),
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn enumerate(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
