//! Period header cells: `2001`, `2001 r.`, `FY2001`, `2001 г.`, `31.12.2001`,
//! `2001-12-31`, `2001Q1`, a date cell, or a whole number 1900..=2100.

use bilans_model::Period;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::import::grid::Value;

/// Words around a year that do not change it: `r.`/`rok` (Polish), `г.`/`год`
/// (Russian), `р.`/`рік` (Ukrainian), `FY`, `year`, `za`/`за`/`на`/`as of`/`at`/`end`.
const YEAR_WORDS: &[&str] = &[
    "r", "rok", "г", "год", "гг", "р", "рік", "fy", "year", "za", "на", "за", "as", "of", "at",
    "end", "stan", "na", "dzień", "dzien",
];

/// The period a header cell names, if it names one.
///
/// A date (cell or text) names the financial year in which it falls, so `31.12.2001`
/// and `30.06.2001` both name 2001.
pub(crate) fn period(value: &Value) -> Option<Period> {
    match value {
        Value::Date { year } => plausible(*year),
        Value::Number(number) => {
            if number.fract() != Decimal::ZERO {
                return None;
            }
            plausible(number.to_i32()?)
        }
        Value::Text(text) => period_from_text(text),
        Value::Empty | Value::Untrusted(_) => None,
    }
}

fn plausible(year: i32) -> Option<Period> {
    (1900..=2100).contains(&year).then_some(Period::year(year))
}

fn period_from_text(text: &str) -> Option<Period> {
    let lower = text.trim().to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .filter(|word| !word.is_empty())
        .collect();
    words.retain(|word| !YEAR_WORDS.contains(&word.trim_end_matches('.')));
    let [word] = words.as_slice() else {
        return quarter(&words);
    };
    let word = word.trim_end_matches('.');
    let word = word.strip_prefix("fy").unwrap_or(word);
    if let Some(year) = year_of(word) {
        return plausible(year);
    }
    if let Some(period) = quarter(&[word]) {
        return Some(period);
    }
    let parts: Vec<&str> = word.split(['.', '-', '/']).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let (year, a, b) = if first.len() == 4 {
        (first, second, third)
    } else {
        (third, first, second)
    };
    let year = year_of(year)?;
    let a: u32 = a.parse().ok()?;
    let b: u32 = b.parse().ok()?;
    let valid = |day: u32, month: u32| (1..=31).contains(&day) && (1..=12).contains(&month);
    if !(valid(a, b) || valid(b, a)) {
        return None;
    }
    plausible(year)
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// `2001q1`, `2001 q1`, `q1 2001`, `i kw. 2001` is not attempted.
fn quarter(words: &[&str]) -> Option<Period> {
    let joined: String = words.concat();
    let (year, quarter) = if let Some((year, quarter)) = joined.split_once('q') {
        if year.is_empty() {
            (quarter.get(1..)?, quarter.get(..1)?)
        } else {
            (year, quarter)
        }
    } else {
        return None;
    };
    let year = year_of(year)?;
    let quarter: u8 = quarter.parse().ok()?;
    plausible(year)?;
    Period::quarter(year, quarter).ok()
}
