//! The balance dates of a balance sheet named as the periods they close: a balance at
//! the end of a fiscal year is that year's closing balance, a balance at the end of a
//! fiscal quarter that quarter's. An interim balance sheet compares the quarter's end
//! with the previous year-end (`Mar. 31, 2024` beside `Dec. 31, 2023`, `Jun. 30, 2018`
//! beside `Dec. 31, 2017`): the first column closes the quarter, the second the year,
//! not the fourth quarter. The dates themselves never change.

use std::collections::{BTreeMap, BTreeSet};

use bilans_model::{FiscalPart, Length, Period, StatementKind};

use crate::import::layout::SheetScan;

/// The period a balance dated at the end of `period` closes, in `period`'s fiscal
/// calendar: the fiscal year at its last day, else the quarter at a quarter's last
/// day; `None` when it is neither, or `period` is not a balance date or a quarter.
fn closed_period(period: Period) -> Option<Period> {
    if !matches!(period.length(), Length::Instant | Length::Months(3)) {
        return None;
    }
    let end = period.end();
    if !end.is_last_of_month() {
        return None;
    }
    let year_end_month = period.fiscal_year_end_month();
    let months_to_year_end = (i32::from(year_end_month) - i32::from(end.month())).rem_euclid(12);
    let part = match months_to_year_end {
        0 => FiscalPart::Year,
        3 | 6 | 9 => FiscalPart::Quarter(u8::try_from(4 - months_to_year_end / 3).ok()?),
        _ => return None,
    };
    let closed = Period::fiscal(period.fiscal_year(), year_end_month, part).ok()?;
    (closed.end() == end).then_some(closed)
}

/// Names the balances of each balance-sheet block of `scan` by the periods they close.
/// Only a block that holds balances alone: where a block's columns also hold flows,
/// each column is the period its header names (a `2023Q4` column beside a `2023`
/// column).
pub(crate) fn name_balance_dates(
    scan: &mut SheetScan,
    homes: &BTreeMap<usize, Option<StatementKind>>,
) {
    let mut with_flows = BTreeSet::new();
    for record in &scan.records {
        if record.item.statement() != StatementKind::BalanceSheet {
            with_flows.insert(record.block);
        }
    }
    let on_balance_sheet = |block: usize| {
        homes.get(&block).copied().flatten() == Some(StatementKind::BalanceSheet)
            && !with_flows.contains(&block)
    };
    for record in &mut scan.records {
        if on_balance_sheet(record.block)
            && record.item.statement() == StatementKind::BalanceSheet
            && let Some(closed) = closed_period(record.period)
        {
            record.period = closed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::closed_period;
    use bilans_model::Period;

    fn instant(date: &str) -> Period {
        Period::instant(date.parse().unwrap(), 12).unwrap()
    }

    #[test]
    fn balance_dates_close_the_fiscal_year_or_quarter_they_end() {
        assert_eq!(
            closed_period(instant("2017-12-31")),
            Some(Period::year(2017))
        );
        assert_eq!(
            closed_period(instant("2018-06-30")),
            Some(Period::quarter(2018, 2).unwrap())
        );
        assert_eq!(
            closed_period(Period::quarter(2023, 4).unwrap()),
            Some(Period::year(2023))
        );
        assert_eq!(
            closed_period(Period::quarter(2024, 1).unwrap()),
            Some(Period::quarter(2024, 1).unwrap())
        );
        // Not a quarter's end, or not a balance date or a quarter: as it is.
        assert_eq!(closed_period(instant("2024-07-01")), None);
        assert_eq!(closed_period(instant("2024-05-31")), None);
        assert_eq!(closed_period(Period::half_year(2024, 1).unwrap()), None);
        let june_year = Period::fiscal_year_ending(2024, 6).unwrap();
        assert_eq!(closed_period(june_year), None);
        let june_instant = Period::instant("2024-06-30".parse().unwrap(), 6).unwrap();
        assert_eq!(closed_period(june_instant), Some(june_year));
    }
}
