//! The error of the working-capital calculators: a parameter outside its domain.
//! Worded from this crate's message files (`wc_error`): [`WorkingCapitalError::text_in`]
//! in any language, `Display` in English.

use std::fmt;

use bilans_model::Lang;
use rust_decimal::Decimal;

use crate::NotComputable;
use crate::lang::message;

/// What a parameter's value must satisfy: a message key of this crate's files
/// (`wc_error.*`) and its arguments, worded in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    key: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Requirement {
    /// The message `key` with `args` (each written out now).
    pub(crate) fn new(
        key: &'static str,
        args: &[(&'static str, &dyn fmt::Display)],
    ) -> Requirement {
        Requirement {
            key,
            args: args
                .iter()
                .map(|(name, value)| (*name, value.to_string()))
                .collect(),
        }
    }

    /// The requirement in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let args: Vec<(&str, &dyn fmt::Display)> = self
            .args
            .iter()
            .map(|(name, value)| (*name, value as &dyn fmt::Display))
            .collect();
        message(lang, self.key, &args)
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

/// A calculator parameter or a transcription that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WorkingCapitalError {
    /// A parameter is outside its domain; the message names it and says what it must be.
    InvalidParameter {
        /// The parameter's name, as in the library API (`discount_percent`).
        parameter: &'static str,
        /// The value given.
        value: Decimal,
        /// What the value must satisfy, e.g. `must be below 100`.
        requirement: Requirement,
    },
    /// A list of values is too short for the calculation.
    TooFewValues {
        /// The parameter's name.
        parameter: &'static str,
        /// Values given.
        found: usize,
        /// Values needed.
        needed: usize,
    },
    /// A value needed from the statements cannot be computed.
    NotComputable(NotComputable),
    /// The result does not fit a Decimal (28 significant digits); the calculation's
    /// name (`bill discount`), worded from `wc_error.calculation`.
    Overflow(&'static str),
    /// A transcribed published table is inconsistent (a fixture's words, in English).
    Transcription {
        /// The table, e.g. `table 8`.
        table: String,
        /// What is wrong.
        message: String,
    },
}

impl WorkingCapitalError {
    /// The error in `lang`; a parameter's name stays as the library API spells it.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            WorkingCapitalError::InvalidParameter {
                parameter,
                value,
                requirement,
            } => message(
                lang,
                "wc_error.invalid",
                &[
                    ("parameter", parameter),
                    ("value", value),
                    ("requirement", &requirement.text_in(lang)),
                ],
            ),
            WorkingCapitalError::TooFewValues {
                parameter,
                found,
                needed,
            } => message(
                lang,
                "wc_error.too_few",
                &[
                    ("parameter", parameter),
                    ("found", found),
                    ("needed", needed),
                ],
            ),
            WorkingCapitalError::NotComputable(reason) => reason.text(lang),
            WorkingCapitalError::Overflow(calculation) => {
                let key = format!("wc_error.calculation.{}", calculation.replace(' ', "_"));
                message(
                    lang,
                    "wc_error.overflow",
                    &[("calculation", &message(lang, &key, &[]))],
                )
            }
            WorkingCapitalError::Transcription { table, message } => format!("{table}: {message}"),
        }
    }

    /// The name of the offending parameter, when the error is about one.
    pub fn parameter(&self) -> Option<&'static str> {
        match self {
            WorkingCapitalError::InvalidParameter { parameter, .. }
            | WorkingCapitalError::TooFewValues { parameter, .. } => Some(parameter),
            _ => None,
        }
    }
}

/// `value` must not be negative.
pub(crate) fn non_negative(
    parameter: &'static str,
    value: Decimal,
) -> Result<(), WorkingCapitalError> {
    if Decimal::ZERO <= value {
        return Ok(());
    }
    Err(WorkingCapitalError::InvalidParameter {
        parameter,
        value,
        requirement: Requirement::new("wc_error.non_negative", &[]),
    })
}

/// `value` must be positive.
pub(crate) fn positive(parameter: &'static str, value: Decimal) -> Result<(), WorkingCapitalError> {
    if Decimal::ZERO < value {
        return Ok(());
    }
    Err(WorkingCapitalError::InvalidParameter {
        parameter,
        value,
        requirement: Requirement::new("wc_error.positive", &[]),
    })
}

/// `value` must be a percentage in `[0, 100)`.
pub(crate) fn percent_below_100(
    parameter: &'static str,
    value: Decimal,
) -> Result<(), WorkingCapitalError> {
    if Decimal::ZERO <= value && value < Decimal::ONE_HUNDRED {
        return Ok(());
    }
    Err(WorkingCapitalError::InvalidParameter {
        parameter,
        value,
        requirement: Requirement::new("wc_error.percent_below_100", &[]),
    })
}

/// `value` must be a share in percent, in `[0, 100]`.
pub(crate) fn share_percent(
    parameter: &'static str,
    value: Decimal,
) -> Result<(), WorkingCapitalError> {
    if Decimal::ZERO <= value && value <= Decimal::ONE_HUNDRED {
        return Ok(());
    }
    Err(WorkingCapitalError::InvalidParameter {
        parameter,
        value,
        requirement: Requirement::new("wc_error.share_percent", &[]),
    })
}

impl fmt::Display for WorkingCapitalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for WorkingCapitalError {}

/// Checked arithmetic for one calculation: every operation on user-given values goes
/// through it, so that a result beyond a Decimal's range is
/// [`WorkingCapitalError::Overflow`] naming the calculation, never a panic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checked(pub(crate) &'static str);

impl Checked {
    /// The overflow error of this calculation.
    pub(crate) fn overflow(self) -> WorkingCapitalError {
        WorkingCapitalError::Overflow(self.0)
    }

    /// `a + b`.
    pub(crate) fn add(self, a: Decimal, b: Decimal) -> Result<Decimal, WorkingCapitalError> {
        a.checked_add(b).ok_or(self.overflow())
    }

    /// `a − b`.
    pub(crate) fn sub(self, a: Decimal, b: Decimal) -> Result<Decimal, WorkingCapitalError> {
        a.checked_sub(b).ok_or(self.overflow())
    }

    /// `a × b`.
    pub(crate) fn mul(self, a: Decimal, b: Decimal) -> Result<Decimal, WorkingCapitalError> {
        a.checked_mul(b).ok_or(self.overflow())
    }

    /// `a / b`; the callers have checked that `b` is not zero, so `None` is an overflow.
    pub(crate) fn div(self, a: Decimal, b: Decimal) -> Result<Decimal, WorkingCapitalError> {
        a.checked_div(b).ok_or(self.overflow())
    }

    /// `part / whole × 100`.
    pub(crate) fn percent_of(
        self,
        part: Decimal,
        whole: Decimal,
    ) -> Result<Decimal, WorkingCapitalError> {
        self.mul(self.div(part, whole)?, Decimal::ONE_HUNDRED)
    }
}
