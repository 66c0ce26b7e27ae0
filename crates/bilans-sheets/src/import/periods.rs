//! Period header cells: `2001`, `2001 r.`, `FY2001`, `2001 г.`, `2001Q1`, `Q1 2001`,
//! `H1 2001`, `9M 2001`, `FY2024 (to 31 March 2024)` (any rendering of a period), a
//! whole number 1900..=2100, or a date (`31.12.2001`, `2001-12-31`, `12/31/2001`, a
//! date cell).
//!
//! A date names a period ending that day, read from every date of its header row:
//! when the dates are all last days of one month (`31.12.2001`, `31.12.2002`), each is
//! the fiscal year ending then; when they are consecutive calendar quarter-ends
//! (`31.03.2024`, `30.06.2024`), each is the quarter ending then; otherwise each is a
//! balance date (an instant), so a balance at 1 July is not a year-end.

use bilans_model::{Date, Period};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::import::grid::Value;

/// What a header cell names: a period, or a date whose period depends on the other
/// dates of its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderCell {
    /// A period named on its own (`2001`, `2001Q1`, `H1 2001`).
    Period(Period),
    /// A date (`31.12.2001`, a date cell).
    Date(Date),
}

/// Words around a year that do not change it: `r.`/`rok` (Polish), `г.`/`год`
/// (Russian), `р.`/`рік` (Ukrainian), `FY`, `year`, `za`/`за`/`на`/`as of`/`at`/`end`.
const YEAR_WORDS: &[&str] = &[
    "r", "rok", "г", "год", "гг", "р", "рік", "fy", "year", "za", "на", "за", "as", "of", "at",
    "end", "stan", "na", "dzień", "dzien",
];

/// What a header cell names, if it names a period or a date.
pub(crate) fn header_cell(value: &Value) -> Option<HeaderCell> {
    match value {
        Value::Date(date) => plausible_date(*date).map(HeaderCell::Date),
        Value::Number(number) => {
            if number.fract() != Decimal::ZERO {
                return None;
            }
            plausible(Period::year(number.to_i32()?)).map(HeaderCell::Period)
        }
        Value::Text(text) => cell_from_text(text),
        Value::Empty | Value::Untrusted(_) => None,
    }
}

/// The periods of a header row's cells (see the module documentation for dates).
pub(crate) fn resolve(cells: &[(usize, HeaderCell)]) -> Vec<(usize, Period)> {
    let mut dates: Vec<Date> = cells
        .iter()
        .filter_map(|(_, cell)| match cell {
            HeaderCell::Date(date) => Some(*date),
            HeaderCell::Period(_) => None,
        })
        .collect();
    dates.sort();
    dates.dedup();
    let all_month_ends = dates.iter().all(|date| date.is_last_of_month());
    let one_month = dates
        .windows(2)
        .all(|pair| pair[0].month() == pair[1].month());
    let consecutive_quarter_ends = 2 <= dates.len()
        && dates.iter().all(|date| date.month() % 3 == 0)
        && dates.windows(2).all(|pair| {
            let months = |date: Date| i64::from(date.year()) * 12 + i64::from(date.month());
            months(pair[1]) - months(pair[0]) == 3
        });
    let period_of = |date: Date| {
        if all_month_ends && one_month {
            Period::fiscal_year_ending(date.year(), date.month()).ok()
        } else if all_month_ends && consecutive_quarter_ends {
            Period::quarter(date.year(), date.month() / 3).ok()
        } else {
            Period::instant(date, 12).ok()
        }
    };
    cells
        .iter()
        .filter_map(|(col, cell)| match cell {
            HeaderCell::Period(period) => Some((*col, *period)),
            HeaderCell::Date(date) => period_of(*date).map(|period| (*col, period)),
        })
        .collect()
}

/// The period a header cell names when it is read on its own, if it names one.
#[cfg(test)]
pub(crate) fn period(value: &Value) -> Option<Period> {
    let cell = header_cell(value)?;
    resolve(&[(0, cell)]).first().map(|(_, period)| *period)
}

fn plausible(period: Period) -> Option<Period> {
    (1900..=2100)
        .contains(&period.fiscal_year())
        .then_some(period)
}

fn plausible_date(date: Date) -> Option<Date> {
    (1900..=2100).contains(&date.year()).then_some(date)
}

fn cell_from_text(text: &str) -> Option<HeaderCell> {
    let trimmed = text.trim();
    // A rendering with a note, `FY2024 (to 31 March 2024)`, is read as bilans writes it.
    if trimmed.ends_with(')') {
        let period: Period = trimmed.parse().ok()?;
        return plausible(period).map(HeaderCell::Period);
    }
    let lower = trimmed.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .filter(|word| !word.is_empty())
        .collect();
    words.retain(|word| !YEAR_WORDS.contains(&word.trim_end_matches('.')));
    let [word] = words.as_slice() else {
        return part_of_year(&words).map(HeaderCell::Period);
    };
    let word = word.trim_end_matches('.');
    let word = word.strip_prefix("fy").unwrap_or(word);
    if let Some(year) = year_of(word) {
        return plausible(Period::year(year)).map(HeaderCell::Period);
    }
    if let Some(period) = part_of_year(&[word]) {
        return Some(HeaderCell::Period(period));
    }
    date_from_text(word).map(HeaderCell::Date)
}

/// `31.12.2001`, `2001-12-31` or `12/31/2001`: day before month unless that is no date.
fn date_from_text(word: &str) -> Option<Date> {
    let parts: Vec<&str> = word.split(['.', '-', '/']).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let (year, day, month) = if first.len() == 4 {
        (first, third, second)
    } else {
        (third, first, second)
    };
    let year = year_of(year)?;
    let day: u8 = day.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let date = Date::new(year, month, day).or_else(|_| Date::new(year, day, month));
    plausible_date(date.ok()?)
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// `2001q1`, `2001 q1`, `q1 2001`, `h1 2001`, `9m 2001`; `i kw. 2001` is not attempted.
fn part_of_year(words: &[&str]) -> Option<Period> {
    if let [first, year] = words
        && let Some(year) = year_of(year)
    {
        if let Some(half) = first.strip_prefix('h') {
            return plausible(Period::half_year(year, half.parse().ok()?).ok()?);
        }
        if *first == "9m" {
            return plausible(Period::nine_months(year));
        }
    }
    quarter(words)
}

fn quarter(words: &[&str]) -> Option<Period> {
    let joined: String = words.concat();
    let (year, quarter) = joined.split_once('q')?;
    let (year, quarter) = if year.is_empty() {
        (quarter.get(1..)?, quarter.get(..1)?)
    } else {
        (year, quarter)
    };
    let year = year_of(year)?;
    let quarter: u8 = quarter.parse().ok()?;
    plausible(Period::quarter(year, quarter).ok()?)
}
