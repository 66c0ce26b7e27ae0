//! Why a ratio cannot be computed.

use std::fmt;

use bilans_model::{Lang, LineItem, Period};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::Expr;
use crate::lang::{messages, text};

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
        /// The denominator (serialised as its English text).
        #[serde(serialize_with = "expression_text")]
        denominator: Box<Expr>,
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
        #[serde(serialize_with = "item_labels")]
        needs: Vec<LineItem>,
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
        /// overflow). Serialised as English phrases.
        #[serde(serialize_with = "requirement_labels")]
        needs: Vec<Need>,
        /// Why the first of them cannot be computed.
        cause: Box<NotComputable>,
    },
    /// The value needs the previous period, which the statements do not hold.
    NoPreviousPeriod {
        /// The period.
        period: Period,
        /// What needs the previous period, in English (its translations are keyed by it).
        needed_for: &'static str,
    },
}

impl NotComputable {
    /// The reason as a sentence in `lang`, with line items named in that language.
    pub fn text(&self, lang: Lang) -> String {
        let messages = messages();
        let format = |key: &str, args: &[(&str, &dyn fmt::Display)]| {
            messages.format(lang, &format!("not_computable.{key}"), args)
        };
        match self {
            NotComputable::MissingItem { item, period } => format(
                "missing_item",
                &[("item", &item.label_in(lang)), ("period", period)],
            ),
            NotComputable::NoOpeningBalance { item, period } => {
                let opening = match (period.previous(), period.opening_date()) {
                    (Some(previous), _) => format("opening_for", &[("previous", &previous)]),
                    (None, Some(date)) => format("opening_at", &[("date", &date)]),
                    (None, None) => format("opening_unknown", &[]),
                };
                format(
                    "no_opening_balance",
                    &[
                        ("item", &item.label_in(lang)),
                        ("opening", &opening),
                        ("period", period),
                    ],
                )
            }
            NotComputable::IncompleteInterimBalances {
                item,
                period,
                missing,
            } => format(
                "incomplete_interim",
                &[
                    ("item", &item.label_in(lang)),
                    ("missing", missing),
                    ("period", period),
                ],
            ),
            NotComputable::NoDuration { period } => format("no_duration", &[("period", period)]),
            NotComputable::ZeroDenominator {
                denominator,
                period,
            } => format(
                "zero_denominator",
                &[
                    ("denominator", &denominator.to_text_in(lang)),
                    ("period", period),
                ],
            ),
            NotComputable::NotMeaningful {
                item,
                value,
                period,
            } => format(
                "not_meaningful",
                &[
                    ("item", &item.label_in(lang)),
                    ("value", value),
                    ("period", period),
                ],
            ),
            NotComputable::UnknownRatio { id } => format("unknown_ratio", &[("id", id)]),
            NotComputable::Overflow => format("overflow", &[]),
            NotComputable::DistressVariable {
                variables,
                needs,
                cause,
            } => {
                let key = match (variables.len(), needs.is_empty()) {
                    (1, true) => "variable_not_computable",
                    (_, true) => "variables_not_computable",
                    (1, false) => "variable_needs",
                    (_, false) => "variables_need",
                };
                format(
                    key,
                    &[
                        ("variables", &enumerate(variables, lang)),
                        (
                            "needs",
                            &enumerate(
                                &needs
                                    .iter()
                                    .map(|item| item.label_in(lang))
                                    .collect::<Vec<_>>(),
                                lang,
                            ),
                        ),
                        ("cause", &cause.text(lang)),
                    ],
                )
            }
            NotComputable::Component {
                components,
                needs,
                cause,
            } => {
                let key = match (components.len(), needs.is_empty()) {
                    (1, true) => "variable_not_computable",
                    (_, true) => "variables_not_computable",
                    (1, false) => "variable_needs",
                    (_, false) => "variables_need",
                };
                let needs: Vec<String> = needs.iter().map(|need| need.text(lang)).collect();
                let needs: Vec<&str> = needs.iter().map(String::as_str).collect();
                format(
                    key,
                    &[
                        ("variables", &enumerate(components, lang)),
                        ("needs", &enumerate(&needs, lang)),
                        ("cause", &cause.text(lang)),
                    ],
                )
            }
            NotComputable::NoPreviousPeriod { period, needed_for } => format(
                "no_previous_period",
                &[
                    (
                        "needed_for",
                        &text(lang, &format!("needed_for.{needed_for}")),
                    ),
                    ("period", period),
                ],
            ),
        }
    }
}

impl fmt::Display for NotComputable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// `a`, `a and b`, `a, b and c`.
fn enumerate(names: &[&str], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!(
            "{} {} {last}",
            init.join(", "),
            text(lang, "not_computable.and")
        ),
    }
}

/// What a component lacks: a line item, or alternatives any one of which will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// A line item.
    Item(LineItem),
    /// Alternatives (at least two), any one of which will do.
    AnyOf(Vec<Need>),
}

impl Need {
    /// The need in `lang`: the item's name, or `a, b or c`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Need::Item(item) => item.label_in(lang).to_owned(),
            Need::AnyOf(needs) => match needs.as_slice() {
                [] => String::new(),
                [only] => only.text(lang),
                [init @ .., last] => {
                    let init: Vec<String> = init.iter().map(|need| need.text(lang)).collect();
                    format!(
                        "{} {} {}",
                        init.join(", "),
                        text(lang, "not_computable.or"),
                        last.text(lang)
                    )
                }
            },
        }
    }
}

/// Requirements serialised as English phrases (`a, b or c`), as JSON has always shown
/// them.
fn requirement_labels<S: Serializer>(needs: &[Need], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(needs.iter().map(|need| need.text(Lang::En)))
}

/// An expression serialised as its English text, as JSON has always shown it.
fn expression_text<S: Serializer>(expr: &Expr, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&expr.to_text())
}

/// Line items serialised as their English labels, as JSON has always shown them.
fn item_labels<S: Serializer>(items: &[LineItem], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(items.iter().map(|item| item.label()))
}
