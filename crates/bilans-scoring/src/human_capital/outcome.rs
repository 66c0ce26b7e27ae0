//! A computed value, or the reason it cannot be computed.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::Words;

/// A computed value, or the reason it cannot be computed (never a silent zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The exact value.
    Value(Decimal),
    /// Why there is no value.
    NotComputable {
        /// The reason, a sentence worded in any language (in JSON, its English text).
        reason: Words,
    },
}

impl Outcome {
    /// A value that cannot be computed, for `reason`.
    pub fn not_computable(reason: Words) -> Outcome {
        Outcome::NotComputable { reason }
    }

    /// The value, if computed.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Outcome::Value(value) => Some(*value),
            Outcome::NotComputable { .. } => None,
        }
    }

    /// `numerator / denominator`, not computable when the denominator (named by the
    /// message key `what`, an `hc_quantity`) is zero.
    pub fn divide(numerator: Decimal, denominator: Decimal, what: &'static str) -> Outcome {
        if denominator.is_zero() {
            return Outcome::not_computable(
                Words::new("hc_reason.zero", &[]).with("what", Words::new(what, &[])),
            );
        }
        match numerator.checked_div(denominator) {
            Some(value) => Outcome::Value(value),
            None => Outcome::not_computable(Words::new("hc_reason.quotient_overflows", &[])),
        }
    }

    /// A checked result: the value, or not computable because `what` exceeds a
    /// Decimal's range (28 significant digits).
    pub fn checked(value: Option<Decimal>, what: &'static str) -> Outcome {
        match value {
            Some(value) => Outcome::Value(value),
            None => Outcome::not_computable(
                Words::new("hc_reason.exceeds", &[]).with("what", Words::new(what, &[])),
            ),
        }
    }

    /// An input that may be missing: a value, or not computable naming the field.
    pub fn required(value: Option<Decimal>, field: &str) -> Outcome {
        match value {
            Some(value) => Outcome::Value(value),
            None => {
                Outcome::not_computable(Words::new("hc_reason.not_given", &[("field", &field)]))
            }
        }
    }

    /// Applies `next` to the value; a missing value passes its reason on.
    pub fn and_then(self, next: impl FnOnce(Decimal) -> Outcome) -> Outcome {
        match self {
            Outcome::Value(value) => next(value),
            missing @ Outcome::NotComputable { .. } => missing,
        }
    }
}
