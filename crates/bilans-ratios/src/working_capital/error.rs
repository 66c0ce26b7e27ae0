//! The error of the working-capital calculators: a parameter outside its domain.

use rust_decimal::Decimal;

use crate::NotComputable;

/// A calculator parameter or a transcription that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WorkingCapitalError {
    /// A parameter is outside its domain; the message names it and says what it must be.
    #[error("invalid `{parameter}`: {value} {requirement}")]
    InvalidParameter {
        /// The parameter's name, as in the library API (`discount_percent`).
        parameter: &'static str,
        /// The value given.
        value: Decimal,
        /// What the value must satisfy, e.g. `must be below 100`.
        requirement: String,
    },
    /// A list of values is too short for the calculation.
    #[error("invalid `{parameter}`: {found} values given, at least {needed} needed")]
    TooFewValues {
        /// The parameter's name.
        parameter: &'static str,
        /// Values given.
        found: usize,
        /// Values needed.
        needed: usize,
    },
    /// A value needed from the statements cannot be computed.
    #[error("{0}")]
    NotComputable(NotComputable),
    /// The result does not fit a Decimal (28 significant digits).
    #[error("arithmetic overflow in {0}")]
    Overflow(&'static str),
    /// A transcribed published table is inconsistent.
    #[error("{table}: {message}")]
    Transcription {
        /// The table, e.g. `table 8`.
        table: String,
        /// What is wrong.
        message: String,
    },
}

impl WorkingCapitalError {
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
        requirement: "must not be negative".to_owned(),
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
        requirement: "must be positive".to_owned(),
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
        requirement: "must be a percentage from 0 to below 100".to_owned(),
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
        requirement: "must be a share from 0 to 100 percent".to_owned(),
    })
}

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
