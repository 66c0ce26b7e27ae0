//! Calendar dates (proleptic Gregorian), just enough for reporting periods: validation,
//! month-end arithmetic and day counts, with no time of day and no time zone.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ModelError;

/// The English month names, for renderings such as `31 March 2024`.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar day. Dates order chronologically; they print and parse as ISO 8601
/// (`2024-03-31`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date `year`-`month`-`day`.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidDate`] when the month is not 1 to 12 or the day does not
    /// exist in that month (29 February only in leap years).
    ///
    /// # Examples
    ///
    /// ```
    /// use bilans_model::Date;
    ///
    /// assert_eq!(Date::new(2024, 2, 29).unwrap().to_string(), "2024-02-29");
    /// assert!(Date::new(2023, 2, 29).is_err());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, ModelError> {
        if !(1..=12).contains(&month) || day < 1 || days_in_month(year, month) < day {
            return Err(ModelError::InvalidDate(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        Ok(Date { year, month, day })
    }

    /// The last day of `month` (1 to 12) in `year`.
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidDate`] when the month is not 1 to 12.
    pub fn last_of_month(year: i32, month: u8) -> Result<Date, ModelError> {
        if !(1..=12).contains(&month) {
            return Err(ModelError::InvalidDate(format!("{year:04}-{month:02}")));
        }
        Ok(Date {
            year,
            month,
            day: days_in_month(year, month),
        })
    }

    /// The last day of `month`, which the caller guarantees to be 1 to 12.
    pub(crate) fn last_of_known_month(year: i32, month: u8) -> Date {
        debug_assert!((1..=12).contains(&month));
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Whether this is the last day of its month.
    pub fn is_last_of_month(self) -> bool {
        self.day == days_in_month(self.year, self.month)
    }

    /// The number of days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// The date `days` days later (earlier when negative), if its year fits an `i32`.
    pub fn add_days(self, days: i64) -> Option<Date> {
        from_day_number(self.day_number().checked_add(days)?)
    }

    /// The last day of the month `months` months after this date's month (before it
    /// when negative), if its year fits an `i32`.
    pub(crate) fn month_end_after(self, months: i64) -> Option<Date> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Date::last_of_month(year, month).ok()
    }

    /// The date as `31 March 2024`.
    pub(crate) fn long_text(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTH_NAMES[usize::from(self.month) - 1],
            self.year
        )
    }

    /// Days since 1970-01-01 (the civil-from-days algorithm, in whole days, with 400-year
    /// eras of 146,097 days).
    fn day_number(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let shifted_month = (month + 9) % 12; // March is 0, February is 11.
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = ModelError;

    /// Parses an ISO 8601 date, `2024-03-31`, with a four-digit year.
    fn from_str(text: &str) -> Result<Date, ModelError> {
        let bad = || ModelError::InvalidDate(text.to_owned());
        let trimmed = text.trim();
        let mut parts = trimmed.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let digits = |part: &str, length: usize| {
            part.len() == length && part.chars().all(|c| c.is_ascii_digit())
        };
        if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
            return Err(bad());
        }
        let (Ok(year), Ok(month), Ok(day)) = (year.parse(), month.parse(), day.parse()) else {
            return Err(bad());
        };
        Date::new(year, month, day)
    }
}

impl TryFrom<String> for Date {
    type Error = ModelError;

    fn try_from(text: String) -> Result<Date, ModelError> {
        text.parse()
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date `number` days after 1970-01-01 (the inverse of [`Date::day_number`]).
fn from_day_number(number: i64) -> Option<Date> {
    let shifted = number.checked_add(719_468)?;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March is 0.
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Some(Date {
        year: i32::try_from(year).ok()?,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}
