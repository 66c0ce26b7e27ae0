//! Amounts from cells: numeric cells as they are, text cells read by the one number
//! parser ([`crate::numbers`]) under the rules for statement amounts (`328,294` is
//! 328294, a dash is zero, a percentage is refused).

use rust_decimal::Decimal;

use crate::import::grid::Value;
use crate::numbers::{AmountError, NumberError, NumberRules, parse_number};

/// The amount in a cell: `Ok(None)` for an empty cell, an [`AmountError`] for a cell
/// that holds something that is not an amount.
pub(crate) fn amount(value: &Value) -> Result<Option<Decimal>, AmountError> {
    match value {
        Value::Empty => Ok(None),
        Value::Number(number) => Ok(Some(*number)),
        Value::Text(text) => amount_from_text(text).map_err(AmountError::Number),
        Value::Date(_) => Err(AmountError::Date),
        Value::Untrusted(what) => Err(AmountError::Untrusted(what.clone())),
        Value::Unevaluated(what) => Err(AmountError::Formula(what.clone())),
    }
}

/// Parses an amount written as text, by [`NumberRules::AMOUNTS`].
pub(crate) fn amount_from_text(text: &str) -> Result<Option<Decimal>, NumberError> {
    parse_number(text, NumberRules::AMOUNTS)
}
