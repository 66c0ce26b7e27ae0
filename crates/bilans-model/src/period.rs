//! Reporting periods: an end date and a duration (an instant for balances; 3, 6, 9 or
//! 12 months, or a stated day range, for flows), within a fiscal year that may end in
//! any month.
//!
//! A column of statements is one period: its balance-sheet items are the balances at
//! the end date, its flows cover the duration.
//! Fiscal years end on the last day of a month and are named by the calendar year in
//! which they end (`FY2024 (to 31 March 2024)` runs from 1 April 2023).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::date::{Date, MONTH_NAMES};

/// A reporting period: an end date, a duration and the fiscal year it belongs to.
///
/// Periods order chronologically by end date, then by duration (shortest first: an
/// instant, then 3, 6, 9 and 12 months), so that they can key ordered maps; two
/// periods ending the same day with different durations (a quarter's three-month and
/// six-month columns) are different periods.
///
/// They print and parse as `2024` (a calendar year), `2024Q2`, `H1 2024`, `9M 2024`,
/// `FY2024 (to 31 March 2024)`, `Q1 FY2025 (to 30 June 2024)`, `2024-07-01` (a balance
/// date) or `2024-01-01..2024-02-15` (a day range); serde uses the same text.
///
/// # Examples
///
/// ```
/// use bilans_model::{Length, Period};
///
/// let march = Period::fiscal_year_ending(2024, 3).unwrap();
/// assert_eq!(march.to_string(), "FY2024 (to 31 March 2024)");
/// assert_eq!("FY2024 (to 31 March 2024)".parse::<Period>().unwrap(), march);
/// assert_eq!(march.first_day().unwrap().to_string(), "2023-04-01");
///
/// let half = Period::half_year(2024, 1).unwrap();
/// assert_eq!(half.to_string(), "H1 2024");
/// assert_eq!(half.length(), Length::Months(6));
/// assert!(Period::quarter(2024, 2).unwrap() < half);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    end: Date,
    length: Length,
    fiscal_year_end_month: u8,
}

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Length {
    /// A balance date, with no duration.
    Instant,
    /// 3, 6, 9 or 12 whole months ending on the last day of a month: a fiscal quarter,
    /// half-year, the first nine months or the fiscal year.
    Months(u8),
    /// A stated number of days, ending on (and including) the end date.
    Days(u32),
}

/// Which part of its fiscal year a period of whole months covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiscalPart {
    /// Quarter 1 to 4 (three months).
    Quarter(u8),
    /// Half 1 or 2 (six months).
    Half(u8),
    /// The first nine months.
    NineMonths,
    /// The whole fiscal year (twelve months).
    Year,
}

impl Period {
    /// The calendar year `year` (a fiscal year ending on 31 December).
    pub fn year(year: i32) -> Period {
        Period {
            end: Date::last_of_known_month(year, 12),
            length: Length::Months(12),
            fiscal_year_end_month: 12,
        }
    }

    /// Quarter `quarter` (1 to 4) of the calendar year `year`.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidPeriod`] for a quarter outside 1 to 4.
    pub fn quarter(year: i32, quarter: u8) -> Result<Period, ModelError> {
        Period::fiscal(year, 12, FiscalPart::Quarter(quarter))
    }

    /// Half `half` (1 or 2) of the calendar year `year`.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidPeriod`] for a half other than 1 or 2.
    pub fn half_year(year: i32, half: u8) -> Result<Period, ModelError> {
        Period::fiscal(year, 12, FiscalPart::Half(half))
    }

    /// The first nine months of the calendar year `year`, to 30 September.
    pub fn nine_months(year: i32) -> Period {
        Period {
            end: Date::last_of_known_month(year, 9),
            length: Length::Months(9),
            fiscal_year_end_month: 12,
        }
    }

    /// The fiscal year ending on the last day of `end_month` (1 to 12) of `year`.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidPeriod`] for a month outside 1 to 12.
    pub fn fiscal_year_ending(year: i32, end_month: u8) -> Result<Period, ModelError> {
        Period::fiscal(year, end_month, FiscalPart::Year)
    }

    /// `part` of the fiscal year `fiscal_year` that ends on the last day of `end_month`
    /// (1 to 12) of the calendar year `fiscal_year`.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidPeriod`] for a month outside 1 to 12, a quarter outside 1
    /// to 4, a half other than 1 or 2, or a year whose dates do not fit.
    ///
    /// # Examples
    ///
    /// ```
    /// use bilans_model::{FiscalPart, Period};
    ///
    /// let first_quarter = Period::fiscal(2025, 3, FiscalPart::Quarter(1)).unwrap();
    /// assert_eq!(first_quarter.end().to_string(), "2024-06-30");
    /// assert_eq!(first_quarter.to_string(), "Q1 FY2025 (to 30 June 2024)");
    /// ```
    pub fn fiscal(fiscal_year: i32, end_month: u8, part: FiscalPart) -> Result<Period, ModelError> {
        let invalid = |what: String| ModelError::InvalidPeriod(what);
        if !(1..=12).contains(&end_month) {
            return Err(invalid(format!(
                "a fiscal year cannot end in month {end_month}"
            )));
        }
        let (months, months_before_year_end) = match part {
            FiscalPart::Quarter(quarter @ 1..=4) => (3, 3 * (4 - quarter)),
            FiscalPart::Half(half @ 1..=2) => (6, 6 * (2 - half)),
            FiscalPart::NineMonths => (9, 3),
            FiscalPart::Year => (12, 0),
            FiscalPart::Quarter(other) => {
                return Err(invalid(format!("there is no quarter {other}")));
            }
            FiscalPart::Half(other) => {
                return Err(invalid(format!("there is no half-year {other}")));
            }
        };
        let year_end = Date::last_of_known_month(fiscal_year, end_month);
        let end = year_end
            .month_end_after(-i64::from(months_before_year_end))
            .ok_or_else(|| invalid(format!("fiscal year {fiscal_year} is out of range")))?;
        Ok(Period {
            end,
            length: Length::Months(months),
            fiscal_year_end_month: end_month,
        })
    }

    /// The balance date `date`, in a fiscal year ending in `fiscal_year_end_month`.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidPeriod`] for a month outside 1 to 12.
    pub fn instant(date: Date, fiscal_year_end_month: u8) -> Result<Period, ModelError> {
        check_month(fiscal_year_end_month)?;
        Ok(Period {
            end: date,
            length: Length::Instant,
            fiscal_year_end_month,
        })
    }

    /// The days from `first` to `last`, both included, in a fiscal year ending in
    /// `fiscal_year_end_month`. A range that is exactly a quarter, half-year, nine months
    /// or fiscal year is that period.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidPeriod`] for a month outside 1 to 12, or a range that ends
    /// before it starts.
    pub fn day_range(
        first: Date,
        last: Date,
        fiscal_year_end_month: u8,
    ) -> Result<Period, ModelError> {
        check_month(fiscal_year_end_month)?;
        let n_days = u32::try_from(last.days_since(first) + 1).ok();
        let Some(n_days) = n_days.filter(|n_days| 0 < *n_days) else {
            return Err(ModelError::InvalidPeriod(format!(
                "the day range {first}..{last} is empty (it ends before it starts) or too long"
            )));
        };
        let as_months = [3, 6, 9, 12].into_iter().find_map(|months| {
            Period::of_months(last, months, fiscal_year_end_month)
                .filter(|period| period.first_day() == Some(first))
        });
        Ok(as_months.unwrap_or(Period {
            end: last,
            length: Length::Days(n_days),
            fiscal_year_end_month,
        }))
    }

    /// The last day of the period: the balance date of its balance-sheet items.
    pub fn end(self) -> Date {
        self.end
    }

    /// The period's duration.
    pub fn length(self) -> Length {
        self.length
    }

    /// The month (1 to 12) in whose last day the period's fiscal year ends.
    pub fn fiscal_year_end_month(self) -> u8 {
        self.fiscal_year_end_month
    }

    /// The fiscal year the period belongs to, named by the calendar year in which it
    /// ends: the fiscal year that holds the end date.
    pub fn fiscal_year(self) -> i32 {
        if self.end.month() <= self.fiscal_year_end_month {
            self.end.year()
        } else {
            self.end.year().saturating_add(1)
        }
    }

    /// Which part of its fiscal year a period of whole months is; `None` for an
    /// instant or a day range.
    pub fn part(self) -> Option<FiscalPart> {
        let Length::Months(months) = self.length else {
            return None;
        };
        let to_year_end =
            (i32::from(self.fiscal_year_end_month) - i32::from(self.end.month())).rem_euclid(12);
        let quarter = u8::try_from(4 - to_year_end / 3).ok()?;
        match months {
            3 => Some(FiscalPart::Quarter(quarter)),
            6 => Some(FiscalPart::Half(quarter / 2)),
            9 => Some(FiscalPart::NineMonths),
            _ => Some(FiscalPart::Year),
        }
    }

    /// Whether the period is a balance date without duration.
    pub fn is_instant(self) -> bool {
        self.length == Length::Instant
    }

    /// The number of whole months a period of months covers.
    pub fn months(self) -> Option<u8> {
        match self.length {
            Length::Months(months) => Some(months),
            Length::Instant | Length::Days(_) => None,
        }
    }

    /// The first day of the period; `None` for an instant.
    pub fn first_day(self) -> Option<Date> {
        match self.length {
            Length::Instant => None,
            Length::Months(months) => self.end.month_end_after(-i64::from(months))?.add_days(1),
            Length::Days(n_days) => self.end.add_days(1 - i64::from(n_days)),
        }
    }

    /// The number of days the period covers, end date included; `None` for an instant.
    pub fn n_days(self) -> Option<i64> {
        Some(self.end.days_since(self.first_day()?) + 1)
    }

    /// The date of the period's opening balance: the day before its first day (the end
    /// of the previous quarter for a quarter, of the previous fiscal year for a year or
    /// for the first nine months). `None` for an instant.
    pub fn opening_date(self) -> Option<Date> {
        self.first_day()?.add_days(-1)
    }

    /// The period of the same duration that ends on this period's opening date (2001
    /// before 2002, 2001Q4 before 2002Q1, H1 2024 before H2 2024), if there is one
    /// (nine months are never preceded by nine months; an instant has none).
    pub fn previous(self) -> Option<Period> {
        let opening = self.opening_date()?;
        match self.length {
            Length::Instant => None,
            Length::Months(months) => {
                Period::of_months(opening, months, self.fiscal_year_end_month)
            }
            Length::Days(n_days) => Some(Period {
                end: opening,
                length: Length::Days(n_days),
                fiscal_year_end_month: self.fiscal_year_end_month,
            }),
        }
    }

    /// The fiscal quarter-ends strictly inside a period of six months or more (for a
    /// year: the ends of its first three quarters), earliest first.
    pub fn interim_quarter_ends(self) -> Vec<Date> {
        let Length::Months(months) = self.length else {
            return Vec::new();
        };
        (1..i64::from(months / 3))
            .rev()
            .filter_map(|n_quarters| self.end.month_end_after(-3 * n_quarters))
            .collect()
    }

    /// The periods (of the fiscal calendar ending in `fiscal_year_end_month`) whose
    /// balance-sheet items are balances at `date`: the instant, then every quarter,
    /// half-year, nine months or year that ends on `date`, shortest first. Day ranges
    /// are not listed.
    pub fn ending_on(date: Date, fiscal_year_end_month: u8) -> Vec<Period> {
        let mut periods: Vec<Period> = Period::instant(date, fiscal_year_end_month)
            .into_iter()
            .collect();
        periods.extend(
            [3, 6, 9, 12]
                .into_iter()
                .filter_map(|months| Period::of_months(date, months, fiscal_year_end_month)),
        );
        periods
    }

    /// The period of `months` months ending on `end`, if that is a quarter, half-year,
    /// nine months or year of the fiscal calendar ending in `fiscal_year_end_month`.
    fn of_months(end: Date, months: u8, fiscal_year_end_month: u8) -> Option<Period> {
        let to_year_end =
            (i32::from(fiscal_year_end_month) - i32::from(end.month())).rem_euclid(12);
        let valid = end.is_last_of_month()
            && to_year_end % 3 == 0
            && match months {
                3 => true,
                6 => to_year_end % 6 == 0,
                9 => to_year_end == 3,
                12 => to_year_end == 0,
                _ => false,
            };
        valid.then_some(Period {
            end,
            length: Length::Months(months),
            fiscal_year_end_month,
        })
    }

    /// The key of the order: end date, then duration in days, then kind, then the
    /// fiscal calendar.
    fn order_key(self) -> (Date, i64, u8, u8) {
        let (span, kind) = match self.length {
            Length::Instant => (0, 0),
            Length::Months(months) => (self.n_days().unwrap_or(i64::from(months) * 31), 1),
            Length::Days(n_days) => (i64::from(n_days), 2),
        };
        (self.end, span, kind, self.fiscal_year_end_month)
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Period) -> Ordering {
        // The order of `order_key`, whose first element is the end date: that decides
        // between periods ending on different days without the span's date arithmetic
        // (maps keyed by period compare them millions of times in a panel).
        self.end.cmp(&other.end).then_with(|| {
            if self == other {
                Ordering::Equal
            } else {
                self.order_key().cmp(&other.order_key())
            }
        })
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Period) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A width (`{period:<7}`) pads the whole text, as it does a string's.
        if f.width().is_some() {
            let mut text = String::new();
            self.write_text(&mut text)?;
            return f.pad(&text);
        }
        self.write_text(f)
    }
}

impl Period {
    /// The period's text (see [`Period`]'s `Display`), without padding.
    fn write_text(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let fiscal_year = self.fiscal_year();
        let calendar = self.fiscal_year_end_month == 12;
        if let Some(part) = self.part() {
            if calendar {
                return match part {
                    FiscalPart::Year => write!(f, "{fiscal_year}"),
                    FiscalPart::Quarter(quarter) => write!(f, "{fiscal_year}Q{quarter}"),
                    FiscalPart::Half(half) => write!(f, "H{half} {fiscal_year}"),
                    FiscalPart::NineMonths => write!(f, "9M {fiscal_year}"),
                };
            }
            match part {
                FiscalPart::Year => write!(f, "FY{fiscal_year}")?,
                FiscalPart::Quarter(quarter) => write!(f, "Q{quarter} FY{fiscal_year}")?,
                FiscalPart::Half(half) => write!(f, "H{half} FY{fiscal_year}")?,
                FiscalPart::NineMonths => write!(f, "9M FY{fiscal_year}")?,
            }
            return write!(f, " (to {})", self.end.long_text());
        }
        match self.first_day() {
            Some(first) if !self.is_instant() => write!(f, "{first}..{}", self.end)?,
            _ => write!(f, "{}", self.end)?,
        }
        if !calendar {
            let year_end = Date::last_of_known_month(fiscal_year, self.fiscal_year_end_month);
            write!(f, " (in FY{fiscal_year} to {})", year_end.long_text())?;
        }
        Ok(())
    }
}

impl FromStr for Period {
    type Err = ModelError;

    fn from_str(text: &str) -> Result<Period, ModelError> {
        let bad = || ModelError::BadPeriod(text.to_owned());
        let trimmed = text.trim();
        let (head, note) = match trimmed
            .strip_suffix(')')
            .and_then(|rest| rest.split_once('('))
        {
            Some((head, note)) => (head.trim(), Some(note.trim())),
            None => (trimmed, None),
        };
        match note {
            None => calendar_period(head).ok_or_else(bad),
            Some(note) => {
                let lower = note.to_lowercase();
                if let Some(end) = lower.strip_prefix("to ") {
                    let end = long_date(end).ok_or_else(bad)?;
                    let (part, fiscal_year) = fiscal_part(head).ok_or_else(bad)?;
                    let end_month = year_end_month(end, part);
                    let period = Period::fiscal(fiscal_year, end_month, part)?;
                    return (period.end == end).then_some(period).ok_or_else(bad);
                }
                let rest = lower.strip_prefix("in fy").ok_or_else(bad)?;
                let (fiscal_year, year_end) = rest.split_once(" to ").ok_or_else(bad)?;
                let fiscal_year = four_digit_year(fiscal_year.trim()).ok_or_else(bad)?;
                let year_end = long_date(year_end).ok_or_else(bad)?;
                if year_end.year() != fiscal_year || !year_end.is_last_of_month() {
                    return Err(bad());
                }
                let period = dated_period(head, year_end.month()).ok_or_else(bad)?;
                (period.fiscal_year() == fiscal_year)
                    .then_some(period)
                    .ok_or_else(bad)
            }
        }
    }
}

impl TryFrom<String> for Period {
    type Error = ModelError;

    fn try_from(text: String) -> Result<Period, ModelError> {
        text.parse()
    }
}

impl From<Period> for String {
    fn from(period: Period) -> String {
        period.to_string()
    }
}

fn check_month(month: u8) -> Result<(), ModelError> {
    if !(1..=12).contains(&month) {
        return Err(ModelError::InvalidPeriod(format!(
            "a fiscal year cannot end in month {month}"
        )));
    }
    Ok(())
}

/// The month in which the fiscal year ends, given a `part` of it that ends on `end`.
fn year_end_month(end: Date, part: FiscalPart) -> u8 {
    let months_to_year_end = match part {
        FiscalPart::Quarter(quarter) => 3 * (4 - i32::from(quarter.min(4))),
        FiscalPart::Half(half) => 6 * (2 - i32::from(half.min(2))),
        FiscalPart::NineMonths => 3,
        FiscalPart::Year => 0,
    };
    let month = (i32::from(end.month()) - 1 + months_to_year_end).rem_euclid(12) + 1;
    u8::try_from(month).unwrap_or(12)
}

/// `2024`, `FY2024`, `2024Q2`, `Q2 2024`, `H1 2024`, `9M 2024`, or a balance date or day
/// range of the calendar fiscal year.
fn calendar_period(text: &str) -> Option<Period> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [word] => {
            let word = word.strip_prefix("fy").unwrap_or(word);
            if let Some(year) = four_digit_year(word) {
                return Some(Period::year(year));
            }
            if let Some((year, quarter)) = word.split_once('q') {
                return Period::quarter(four_digit_year(year)?, digit(quarter)?).ok();
            }
            dated_period(word, 12)
        }
        ["fy", year] => Some(Period::year(four_digit_year(year)?)),
        [first, year] => {
            let year = four_digit_year(year)?;
            if let Some(quarter) = first.strip_prefix('q') {
                return Period::quarter(year, digit(quarter)?).ok();
            }
            if let Some(half) = first.strip_prefix('h') {
                return Period::half_year(year, digit(half)?).ok();
            }
            (*first == "9m").then_some(Period::nine_months(year))
        }
        _ => None,
    }
}

/// `FY2024`, `Q1 FY2025`, `H1 FY2025` or `9M FY2025`: the part and the fiscal year.
fn fiscal_part(text: &str) -> Option<(FiscalPart, i32)> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (part, year) = match words.as_slice() {
        [year] => (FiscalPart::Year, *year),
        [first, year] => {
            let part = if let Some(quarter) = first.strip_prefix('q') {
                FiscalPart::Quarter(digit(quarter)?)
            } else if let Some(half) = first.strip_prefix('h') {
                FiscalPart::Half(digit(half)?)
            } else if *first == "9m" {
                FiscalPart::NineMonths
            } else {
                return None;
            };
            (part, *year)
        }
        _ => return None,
    };
    Some((part, four_digit_year(year.strip_prefix("fy")?)?))
}

/// `2024-07-01` (an instant) or `2024-01-01..2024-02-15` (a day range).
fn dated_period(text: &str, fiscal_year_end_month: u8) -> Option<Period> {
    let text = text.trim();
    if let Some((first, last)) = text.split_once("..") {
        return Period::day_range(iso_date(first)?, iso_date(last)?, fiscal_year_end_month).ok();
    }
    Period::instant(iso_date(text)?, fiscal_year_end_month).ok()
}

fn iso_date(text: &str) -> Option<Date> {
    let date: Date = text.trim().parse().ok()?;
    (1000..=9999).contains(&date.year()).then_some(date)
}

/// `31 March 2024` (any case) or `2024-03-31`.
fn long_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = words.as_slice() else {
        return iso_date(text);
    };
    let month = MONTH_NAMES
        .iter()
        .position(|name| name.eq_ignore_ascii_case(month))?;
    Date::new(
        four_digit_year(year)?,
        u8::try_from(month + 1).ok()?,
        day.parse().ok()?,
    )
    .ok()
}

fn four_digit_year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
        .filter(|year| 1000 <= *year)
}

fn digit(text: &str) -> Option<u8> {
    (text.len() == 1).then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests;
