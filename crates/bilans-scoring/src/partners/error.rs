//! The one error of partner selection: an invalid input with its [`InputLocation`], a
//! structured place in the input that renders as a TOML/JSON field path and that
//! `bilans-sheets` maps back to a sheet and cell. Validation, scoring, the compliance
//! matrix and monitoring all report it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Words;

/// Which of a partner's two input forms a location refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// Vote counts per score.
    Votes,
    /// Individual scores.
    Scores,
}

impl Form {
    /// The field name in the input.
    pub fn field(self) -> &'static str {
        match self {
            Form::Votes => "votes",
            Form::Scores => "scores",
        }
    }
}

/// A place in the input, for error messages (TOML/JSON path) and for mapping back to
/// a workbook cell.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputLocation {
    /// A top-level field such as `experts` or `scale`.
    Field(String),
    /// The weight of a criterion.
    Weight {
        /// The criterion name.
        criterion: String,
    },
    /// A whole partner entry.
    Partner {
        /// The partner's position in `partners`.
        partner: usize,
    },
    /// A criterion of a partner (missing or unknown).
    Criterion {
        /// The partner's position in `partners`.
        partner: usize,
        /// The form (votes or scores).
        form: Form,
        /// The criterion name.
        criterion: String,
    },
    /// One vote count or one individual score.
    Entry {
        /// The partner's position in `partners`.
        partner: usize,
        /// The form (votes or scores).
        form: Form,
        /// The criterion name.
        criterion: String,
        /// The position in the list (score index for votes, expert index for scores).
        index: usize,
    },
    /// A mark of the compliance matrix.
    ComplianceMark {
        /// The row (indicator) position.
        indicator: usize,
        /// The column (model) position.
        model: usize,
    },
    /// An actual value of a monitoring indicator.
    MonitoringValue {
        /// The indicator position.
        indicator: usize,
        /// The period position.
        period: usize,
    },
}

impl fmt::Display for InputLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputLocation::Field(name) => f.write_str(name),
            InputLocation::Weight { criterion } => write!(f, "weights.{criterion:?}"),
            InputLocation::Partner { partner } => write!(f, "partners[{partner}]"),
            InputLocation::Criterion {
                partner,
                form,
                criterion,
            } => {
                write!(f, "partners[{partner}].{}.{criterion:?}", form.field())
            }
            InputLocation::Entry {
                partner,
                form,
                criterion,
                index,
            } => {
                write!(
                    f,
                    "partners[{partner}].{}.{criterion:?}[{index}]",
                    form.field()
                )
            }
            InputLocation::ComplianceMark { indicator, model } => {
                write!(f, "compliance.rows[{indicator}].marks[{model}]")
            }
            InputLocation::MonitoringValue { indicator, period } => {
                write!(f, "monitoring.indicators[{indicator}].actual[{period}]")
            }
        }
    }
}

/// An invalid input, with its location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct InputError {
    /// Where.
    pub location: InputLocation,
    /// What is wrong, in lower case, worded in any language.
    pub message: Words,
}

impl InputError {
    /// Builds an error.
    pub fn new(location: InputLocation, message: Words) -> InputError {
        InputError { location, message }
    }

    /// The error in `lang`: where and what is wrong.
    pub fn text_in(&self, lang: bilans_model::Lang) -> String {
        format!("{}: {}", self.location, self.message.text_in(lang))
    }
}
