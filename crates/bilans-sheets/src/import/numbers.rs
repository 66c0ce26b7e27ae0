//! Amounts from cells: numeric cells as they are, text cells such as `328 294`,
//! `328,294`, `328.294,5` or `(5 202)`, a dash for zero, and refusals for whatever
//! cannot be trusted as a number.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::import::grid::Value;

/// The amount in a cell: `Ok(None)` for an empty cell, `Err(reason)` for a cell that
/// holds something that is not an amount.
pub(crate) fn amount(value: &Value) -> Result<Option<Decimal>, String> {
    match value {
        Value::Empty => Ok(None),
        Value::Number(number) => Ok(Some(*number)),
        Value::Text(text) => amount_from_text(text),
        Value::Date(_) => Err("the cell holds a date where an amount is expected".to_owned()),
        Value::Untrusted(what) => Err(format!("the cell holds {what}, not an amount")),
    }
}

/// Parses an amount written as text.
///
/// Accepted: digits with an optional decimal part; thousands grouped by spaces
/// (including no-break and thin spaces), by `.` or by `,`; the decimal separator is
/// the last of `.`/`,` when both occur, and a lone `.` or `,` is a thousands separator
/// when exactly three digits follow it and no space grouping is used (`328,294` is
/// 328294, `1,5` is 1.5); a leading `-`, `−` or `+`, or parentheses for a negative; a
/// lone dash (`-`, `–`, `—`) for zero; an empty text for no value.
pub(crate) fn amount_from_text(text: &str) -> Result<Option<Decimal>, String> {
    let not_a_number = || format!("`{text}` is not a number");
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if matches!(trimmed, "-" | "–" | "—" | "−") {
        return Ok(Some(Decimal::ZERO));
    }
    if trimmed.contains('%') {
        return Err(format!("`{text}` is a percentage, not an amount"));
    }
    let (negative, body) = if let Some(inner) = trimmed
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
    {
        (true, inner.trim())
    } else if let Some(rest) = trimmed.strip_prefix(['-', '−', '–']) {
        (true, rest.trim_start())
    } else if let Some(rest) = trimmed.strip_prefix('+') {
        (false, rest.trim_start())
    } else {
        (false, trimmed)
    };
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space(c))
    {
        return Err(not_a_number());
    }
    let spaced = body.contains(is_space);
    let n_dots = body.matches('.').count();
    let n_commas = body.matches(',').count();
    let decimal_separator = match (n_dots, n_commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let separator = if 0 < n_dots { '.' } else { ',' };
            let count = n_dots + n_commas;
            let digits_after = body.rsplit(separator).next().map_or(0, str::len);
            if 1 < count || (!spaced && digits_after == 3 && !body.starts_with(['0', separator])) {
                None
            } else {
                Some(separator)
            }
        }
        _ => body
            .rfind(['.', ','])
            .and_then(|index| body[index..].chars().next()),
    };
    let (integer_part, fraction) = match decimal_separator {
        Some(separator) => {
            if body.matches(separator).count() != 1 {
                return Err(not_a_number());
            }
            let (integer, fraction) = body.split_once(separator).ok_or_else(not_a_number)?;
            (integer, Some(fraction))
        }
        None => (body, None),
    };
    let groups: Vec<&str> = integer_part
        .split(|c: char| c == '.' || c == ',' || is_space(c))
        .collect();
    let grouped = 1 < groups.len();
    for (index, group) in groups.iter().enumerate() {
        let valid = if index == 0 {
            !group.is_empty() && (!grouped || group.len() <= 3)
        } else {
            group.len() == 3
        };
        if !valid {
            return Err(format!(
                "`{text}` is not a number (its digit groups are not thousands)"
            ));
        }
    }
    let mut digits: String = groups.concat();
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number());
        }
        digits.push('.');
        digits.push_str(fraction);
    }
    let value = Decimal::from_str(&digits).map_err(|_| format!("`{text}` is out of range"))?;
    Ok(Some(if negative { -value } else { value }))
}
