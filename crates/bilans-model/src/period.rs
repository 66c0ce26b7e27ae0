//! Reporting periods: years, and quarters within a year.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ModelError;

/// A reporting period. Periods order chronologically: 2001 < 2001Q1 is not a
/// meaningful comparison in practice, but the order is total (years first) so that
/// periods can key ordered maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    /// A financial year, named by the calendar year in which it ends.
    Year(i32),
    /// A quarter (1..=4) of a year.
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1 to 4.
        quarter: u8,
    },
}

impl Period {
    /// The financial year `year`.
    pub fn year(year: i32) -> Period {
        Period::Year(year)
    }

    /// The period immediately before this one (2001 before 2002, 2001Q4 before 2002Q1).
    pub fn previous(self) -> Period {
        match self {
            Period::Year(year) => Period::Year(year - 1),
            Period::Quarter { year, quarter: 1 } => Period::Quarter {
                year: year - 1,
                quarter: 4,
            },
            Period::Quarter { year, quarter } => Period::Quarter {
                year,
                quarter: quarter - 1,
            },
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(year) => write!(f, "{year}"),
            Period::Quarter { year, quarter } => write!(f, "{year}Q{quarter}"),
        }
    }
}

impl FromStr for Period {
    type Err = ModelError;

    fn from_str(text: &str) -> Result<Period, ModelError> {
        let bad = || ModelError::BadPeriod(text.to_owned());
        let trimmed = text.trim();
        if let Some((year, quarter)) = trimmed.split_once(['Q', 'q']) {
            let year: i32 = year.parse().map_err(|_| bad())?;
            let quarter: u8 = quarter.parse().map_err(|_| bad())?;
            if !(1000..=9999).contains(&year) || !(1..=4).contains(&quarter) {
                return Err(bad());
            }
            return Ok(Period::Quarter { year, quarter });
        }
        let year: i32 = trimmed.parse().map_err(|_| bad())?;
        if !(1000..=9999).contains(&year) {
            return Err(bad());
        }
        Ok(Period::Year(year))
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
