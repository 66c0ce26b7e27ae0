//! Period header cells: `2001`, `2001 r.`, `FY2001`, `2001 г.`, `2001Q1`, `Q1 2001`,
//! `H1 2001`, `9M 2001`, `FY2024 (to 31 March 2024)` (any rendering of a period), a
//! whole number 1900..=2100, a date (`31.12.2001`, `2001-12-31`, `12/31/2001`,
//! `Dec. 31, 2001`, `31 grudnia 2001`, a date cell), a duration ending on a date
//! (`12 Months Ended Dec. 31, 2001`, or `12 Months Ended` above a row of dates), a range
//! (`01.01.2001 - 31.12.2001`), or a header relative to the sheet's reporting date
//! (`На кінець звітного періоду`); text forms are in `period_text`.
//!
//! A date names a period ending that day, read from every date of its header row:
//! when the dates are all last days of one month (`31.12.2001`, `31.12.2002`), each is
//! the fiscal year ending then; when they are consecutive calendar quarter-ends
//! (`31.03.2024`, `30.06.2024`), each is the quarter ending then; otherwise each is a
//! balance date (an instant), so a balance at 1 July is not a year-end.
//! A date under a duration (`3 Months Ended` merged over the columns of its row of
//! dates) is the period of that many months ending then.

use bilans_model::{Date, Length, Period};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::import::grid::Value;
pub(crate) use crate::import::header_cell::{HeaderCell, Relative, plausible, plausible_date};
use crate::import::period_text;

/// What a header row's title rows say, for headers that depend on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SheetContext {
    /// The reporting date a title names (`Баланс на 31 грудня 2024 р.`; `за 2024 рік`
    /// is 31 December 2024).
    pub(crate) reporting_date: Option<Date>,
    /// The month the fiscal year ends in, where a title says it (`Year ended 31 March 2024`).
    pub(crate) year_end_month: Option<u8>,
}

/// A header cell whose period cannot be known: its column and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unresolved {
    pub(crate) col: usize,
    pub(crate) message: String,
}

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
        Value::Text(text) => period_text::cell_from_text(text),
        Value::Empty | Value::Untrusted(_) | Value::Unevaluated(_) => None,
    }
}

/// Whether the cell's period depends on the sheet's title.
pub(crate) fn needs_context(cell: &HeaderCell) -> bool {
    matches!(cell, HeaderCell::Relative(_) | HeaderCell::SplitYear(_))
}

/// What the title texts above a header say: the first date (else year) named, and a
/// fiscal year-end where a title is one (`Year ended 31 March 2024`).
pub(crate) fn sheet_context<'a>(titles: impl Iterator<Item = &'a str>) -> SheetContext {
    let mut context = SheetContext::default();
    let mut year_only: Option<Date> = None;
    for title in titles {
        if context.year_end_month.is_none()
            && let Some(end) = period_text::year_end_in(title)
        {
            context.year_end_month = Some(end.month());
        }
        if context.reporting_date.is_none()
            && let Some((date, whole_date)) = period_text::reporting_date_in(title)
        {
            if whole_date {
                context.reporting_date = Some(date);
            } else if year_only.is_none() {
                year_only = Some(date);
            }
        }
    }
    context.reporting_date = context.reporting_date.or(year_only);
    context
}

/// The cells of a row of dates under a row of durations: each date under a duration
/// (carried right over the empty cells of a merged range) becomes the months ending
/// then; `above` are the non-empty cells of the row above, with the months of those
/// that are durations.
pub(crate) fn under_durations(cells: &mut [(usize, HeaderCell)], above: &[(usize, Option<u8>)]) {
    for (col, cell) in cells.iter_mut() {
        let HeaderCell::Date(end) = *cell else {
            continue;
        };
        let nearest = above.iter().rev().find(|(above_col, _)| *above_col <= *col);
        if let Some((_, Some(months))) = nearest {
            *cell = HeaderCell::Months {
                months: *months,
                end,
            };
        }
    }
}

/// The periods of a header row's cells (see the module documentation for dates).
///
/// # Errors
///
/// [`Unresolved`] for a cell relative to a reporting date the title does not name, or a
/// fiscal year (`2023/24`) whose end month the sheet does not say.
pub(crate) fn resolve(
    cells: &[(usize, HeaderCell)],
    context: &SheetContext,
) -> Result<Vec<(usize, Period)>, Unresolved> {
    let year_end_month = context.year_end_month.or_else(|| {
        cells.iter().find_map(|(_, cell)| match cell {
            HeaderCell::Months { months: 12, end } => Some(end.month()),
            HeaderCell::Period(period) if period.months() == Some(12) => {
                Some(period.fiscal_year_end_month())
            }
            _ => None,
        })
    });
    // Relative headers become dates and ranges first, so that dates follow one rule.
    let mut concrete: Vec<(usize, HeaderCell)> = Vec::new();
    for (col, cell) in cells {
        let cell = match cell {
            HeaderCell::Relative(relative) => {
                let Some(reporting_date) = context.reporting_date else {
                    return Err(Unresolved {
                        col: *col,
                        message: "this period header is relative to the reporting date, and no title row above it names a date or a year (such as `Баланс на 31 грудня 2024 р.` or `za 2024 rok`): add one, or declare the column's period in the mapping file's [periods]".to_owned(),
                    });
                };
                relative_cell(*relative, reporting_date, year_end_month.unwrap_or(12))
            }
            HeaderCell::SplitYear(year) => {
                let Some(month) = year_end_month else {
                    return Err(Unresolved {
                        col: *col,
                        message: format!(
                            "this header names a fiscal year ending in {year} without its month: add a title such as `Year ended 31 March {year}`, or declare the column's period in the mapping file's [periods]"
                        ),
                    });
                };
                Period::fiscal_year_ending(*year, month)
                    .ok()
                    .map(HeaderCell::Period)
            }
            other => Some(*other),
        };
        if let Some(cell) = cell {
            concrete.push((*col, cell));
        }
    }
    Ok(resolve_concrete(&concrete, year_end_month))
}

/// The period a header cell names when it is read on its own, if it names one.
#[cfg(test)]
pub(crate) fn period(value: &Value) -> Option<Period> {
    let cell = header_cell(value)?;
    let periods = resolve(&[(0, cell)], &SheetContext::default()).ok()?;
    periods.first().map(|(_, period)| *period)
}

fn resolve_concrete(
    cells: &[(usize, HeaderCell)],
    year_end_month: Option<u8>,
) -> Vec<(usize, Period)> {
    let mut dates: Vec<Date> = cells
        .iter()
        .filter_map(|(_, cell)| match cell {
            HeaderCell::Date(date) => Some(*date),
            _ => None,
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
    let period_of_date = |date: Date| {
        if all_month_ends && one_month {
            Period::fiscal_year_ending(date.year(), date.month()).ok()
        } else if all_month_ends && consecutive_quarter_ends {
            Period::quarter(date.year(), date.month() / 3).ok()
        } else {
            Period::instant(date, year_end_month.unwrap_or(12)).ok()
        }
    };
    cells
        .iter()
        .filter_map(|(col, cell)| {
            let period = match cell {
                HeaderCell::Period(period) => Some(*period),
                HeaderCell::Date(date) => period_of_date(*date),
                HeaderCell::Months { months, end } => months_ending(*end, *months, year_end_month),
                HeaderCell::Range { first, last } => range_period(*first, *last, year_end_month),
                HeaderCell::Duration(_)
                | HeaderCell::SplitYear(_)
                | HeaderCell::Relative(_)
                | HeaderCell::TrailingTwelveMonths => None,
            };
            Some((*col, plausible(period?)?))
        })
        .collect()
}

fn relative_cell(
    relative: Relative,
    reporting_date: Date,
    year_end_month: u8,
) -> Option<HeaderCell> {
    let year_start = fiscal_year_start(reporting_date, year_end_month)?;
    match relative {
        // A reporting date within the fiscal year (a monthly or quarterly form) is a
        // balance date, not the end of a fiscal year ending that month.
        Relative::ReportingDate if reporting_date.month() != year_end_month => {
            Period::instant(reporting_date, year_end_month)
                .ok()
                .map(HeaderCell::Period)
        }
        Relative::ReportingDate => Some(HeaderCell::Date(reporting_date)),
        Relative::YearEndBefore(n_years) => {
            let end = year_start.add_days(-1)?;
            let year = end.year() - i32::from(n_years) + 1;
            let date = Date::last_of_month(year, end.month()).ok()?;
            // Beside a balance date within the fiscal year, a balance date too.
            if reporting_date.month() == year_end_month {
                Some(HeaderCell::Date(date))
            } else {
                Period::instant(date, year_end_month)
                    .ok()
                    .map(HeaderCell::Period)
            }
        }
        Relative::ReportingPeriod => Some(HeaderCell::Range {
            first: year_start,
            last: reporting_date,
        }),
        Relative::SamePeriodYearBefore => Some(HeaderCell::Range {
            first: year_earlier(year_start)?,
            last: year_earlier(reporting_date)?,
        }),
    }
}

/// The first day of the fiscal year (ending in `year_end_month`) that holds `date`.
fn fiscal_year_start(date: Date, year_end_month: u8) -> Option<Date> {
    let previous_end_year = if year_end_month < date.month() {
        date.year()
    } else {
        date.year() - 1
    };
    Date::last_of_month(previous_end_year, year_end_month)
        .ok()?
        .add_days(1)
}

/// The same day a year earlier (the last day of the month for a month's last day).
fn year_earlier(date: Date) -> Option<Date> {
    let last = Date::last_of_month(date.year() - 1, date.month()).ok()?;
    if date.is_last_of_month() || last.day() < date.day() {
        return Some(last);
    }
    Date::new(date.year() - 1, date.month(), date.day()).ok()
}

/// The `months` months ending on `end`, in the fiscal calendar of `year_end_month` if
/// they are a part of it, else of any calendar they are a part of, else a day range.
fn months_ending(end: Date, months: u8, year_end_month: Option<u8>) -> Option<Period> {
    let index = i64::from(end.year()) * 12 + i64::from(end.month()) - 1 - i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    let first = if end.is_last_of_month() {
        Date::last_of_month(year, month).ok()?.add_days(1)?
    } else {
        let last = Date::last_of_month(year, month).ok()?;
        Date::new(year, month, end.day().min(last.day()))
            .ok()?
            .add_days(1)?
    };
    let candidates = year_end_month.into_iter().chain([12]).chain(1..=12);
    for candidate in candidates {
        if let Ok(period) = Period::day_range(first, end, candidate)
            && period.length() == Length::Months(months)
        {
            return Some(period);
        }
    }
    Period::day_range(first, end, year_end_month.unwrap_or(12)).ok()
}

/// The days from `first` to `last`: a whole fiscal year ending in `last`'s month if they
/// are one, else in the calendar of `year_end_month`.
fn range_period(first: Date, last: Date, year_end_month: Option<u8>) -> Option<Period> {
    if let Ok(period) = Period::day_range(first, last, last.month())
        && period.length() == Length::Months(12)
    {
        return Some(period);
    }
    Period::day_range(first, last, year_end_month.unwrap_or(12)).ok()
}
