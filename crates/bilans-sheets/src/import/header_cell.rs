//! What one period header cell names, before its row and the sheet's title are known:
//! the type shared by the text forms (`period_text`) and the header rows (`periods`).

use bilans_model::{Date, Period};

/// What a header cell names: a period, or something whose period depends on the other
/// cells of its header row or on the sheet's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderCell {
    /// A period named on its own (`2001`, `2001Q1`, `H1 2001`).
    Period(Period),
    /// A date (`31.12.2001`, a date cell).
    Date(Date),
    /// A duration without its end (`12 Months Ended`), the upper row of a two-row header.
    Duration(u8),
    /// A number of months ending on a date (`3 Months Ended Mar. 31, 2024`).
    Months {
        /// 3, 6, 9 or 12.
        months: u8,
        /// The last day.
        end: Date,
    },
    /// A stated range of days (`01.01.2024 - 31.12.2024`).
    Range {
        /// The first day.
        first: Date,
        /// The last day.
        last: Date,
    },
    /// A fiscal year written with both its calendar years (`2023/24`), named by the
    /// second; its end month comes from the sheet.
    SplitYear(i32),
    /// A period relative to the sheet's reporting date.
    Relative(Relative),
    /// A trailing-twelve-months column (`TTM`, `LTM`): not a fiscal year, not read.
    TrailingTwelveMonths,
}

/// A header that names a period relative to the reporting date of its sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relative {
    /// The balance at the reporting date (`На кінець звітного періоду`).
    ReportingDate,
    /// The balance at the end of the fiscal year this many years before the reporting
    /// date's (`На початок звітного року` is 1: the opening balance of the year).
    YearEndBefore(u8),
    /// The flows from the start of the fiscal year to the reporting date
    /// (`За звітний період`, `Rok bieżący`).
    ReportingPeriod,
    /// The same flows a year earlier (`За аналогічний період попереднього року`,
    /// `Rok poprzedni`).
    SamePeriodYearBefore,
}

/// `period` if its fiscal year is one statements are about (1900 to 2100).
pub(crate) fn plausible(period: Period) -> Option<Period> {
    (1900..=2100)
        .contains(&period.fiscal_year())
        .then_some(period)
}

/// `date` if its year is one statements are about (1900 to 2100).
pub(crate) fn plausible_date(date: Date) -> Option<Date> {
    (1900..=2100).contains(&date.year()).then_some(date)
}
