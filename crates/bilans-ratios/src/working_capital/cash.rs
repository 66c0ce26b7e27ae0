//! Cash: wage deferral, the US express payables period, chronological means, the share
//! of revenue that can go on deposit, and deposit income.

use bilans_model::{LineItem, Period, Statements};
use rust_decimal::{Decimal, MathematicalOps};
use serde::{Deserialize, Serialize};

use crate::working_capital::WorkingCapitalError;
use crate::working_capital::error::{Checked, Requirement, non_negative, positive};
use crate::{DaysInYear, NotComputable};

/// How often wages are paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayFrequency {
    /// Once a month: 15 days of deferral on average.
    Monthly,
    /// Every two weeks: 7 days.
    Fortnightly,
    /// Every `n` days: n / 2 days.
    EveryDays(Decimal),
}

/// The average deferral, in days, that paying wages in arrears gives the firm.
///
/// # Formula
///
/// Seed 002: monthly pay = 15 days, fortnightly = 7 days. Both are half the pay
/// interval (30 / 2, 14 / 2), which bilans applies to any interval.
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] for a negative interval.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{PayFrequency, wage_deferral_days};
/// use rust_decimal::Decimal;
///
/// assert_eq!(wage_deferral_days(PayFrequency::Monthly).unwrap(), Decimal::from(15));
/// assert_eq!(wage_deferral_days(PayFrequency::Fortnightly).unwrap(), Decimal::from(7));
/// ```
pub fn wage_deferral_days(frequency: PayFrequency) -> Result<Decimal, WorkingCapitalError> {
    let interval = match frequency {
        PayFrequency::Monthly => Decimal::from(30),
        PayFrequency::Fortnightly => Decimal::from(14),
        PayFrequency::EveryDays(days) => {
            non_negative("interval_days", days)?;
            days
        }
    };
    Ok(interval / Decimal::TWO)
}

/// The US express approximation of the payables period in days.
///
/// # Formula
///
/// Seed 002: payables / (½ × average daily revenue), with average daily revenue =
/// annual revenue / D. The same definition is the catalogue ratio
/// `payables_days_express`.
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] for negative payables or non-positive
/// revenue.
///
/// # Examples
///
/// ```
/// use bilans_ratios::DaysInYear;
/// use bilans_ratios::working_capital::express_payables_days;
/// use rust_decimal::Decimal;
///
/// // 50 / (½ × 3 600 / 360) = 50 / 5 = 10 days.
/// let days = express_payables_days(Decimal::from(50), Decimal::from(3_600), DaysInYear::Days360);
/// assert_eq!(days.unwrap(), Decimal::from(10));
/// ```
pub fn express_payables_days(
    payables: Decimal,
    annual_revenue: Decimal,
    days_in_year: DaysInYear,
) -> Result<Decimal, WorkingCapitalError> {
    non_negative("payables", payables)?;
    positive("annual_revenue", annual_revenue)?;
    let half_daily_revenue = annual_revenue / days_in_year.days() / Decimal::TWO;
    Checked("express payables period").div(payables, half_daily_revenue)
}

/// The chronological mean of balances at equally spaced dates.
///
/// # Formula
///
/// Seed 002: (x₁/2 + x₂ + … + x_{n−1} + x_n/2) / (n − 1): quarterly balance sheets give
/// five sums divided by four.
///
/// # Errors
///
/// [`WorkingCapitalError::TooFewValues`] with fewer than two values.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::chronological_mean;
/// use rust_decimal::Decimal;
///
/// // (100/2 + 120 + 140 + 110 + 130/2) / 4 = 485 / 4 = 121.25.
/// let values = [100, 120, 140, 110, 130].map(Decimal::from);
/// assert_eq!(chronological_mean(&values).unwrap(), Decimal::new(12125, 2));
/// ```
pub fn chronological_mean(values: &[Decimal]) -> Result<Decimal, WorkingCapitalError> {
    if values.len() < 2 {
        return Err(WorkingCapitalError::TooFewValues {
            parameter: "values",
            found: values.len(),
            needed: 2,
        });
    }
    crate::eval::chronological_mean(values)
        .ok_or(WorkingCapitalError::Overflow("chronological mean"))
}

/// The arithmetic mean, the seed's fallback when the chronological mean cannot be used.
///
/// # Errors
///
/// [`WorkingCapitalError::TooFewValues`] with no value.
pub fn arithmetic_mean(values: &[Decimal]) -> Result<Decimal, WorkingCapitalError> {
    if values.is_empty() {
        return Err(WorkingCapitalError::TooFewValues {
            parameter: "values",
            found: 0,
            needed: 1,
        });
    }
    let mut sum = Decimal::ZERO;
    for value in values {
        sum = sum
            .checked_add(*value)
            .ok_or(WorkingCapitalError::Overflow("arithmetic mean"))?;
    }
    Ok(sum / Decimal::from(values.len()))
}

/// The chronological mean of a balance-sheet item over `dates` (in the given order).
///
/// # Errors
///
/// [`WorkingCapitalError::NotComputable`] when the item is missing at a date;
/// [`WorkingCapitalError::TooFewValues`] with fewer than two dates.
pub fn chronological_mean_of_item(
    statements: &Statements,
    item: LineItem,
    dates: &[Period],
) -> Result<Decimal, WorkingCapitalError> {
    let mut values = Vec::with_capacity(dates.len());
    for period in dates {
        let value = statements
            .get(*period, item)
            .ok_or(WorkingCapitalError::NotComputable(
                NotComputable::MissingItem {
                    item,
                    period: *period,
                },
            ))?;
        values.push(value);
    }
    chronological_mean(&values)
}

/// Which mean to use for the average balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mean {
    /// The chronological mean (the seed's choice).
    #[default]
    Chronological,
    /// The arithmetic mean ("in the worst case").
    Arithmetic,
}

/// The share of revenue that can go on deposit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DepositShare {
    /// The average balance on the current account over last year's period.
    pub average_balance: Decimal,
    /// average balance / revenue of the period, in percent.
    pub share_percent: Decimal,
    /// The amount that can go on deposit out of the expected revenue, when given.
    pub depositable_amount: Option<Decimal>,
}

/// The share of revenue that was not needed during a period as long as the deposit,
/// last year, and what it allows out of this year's expected revenue.
///
/// # Formula
///
/// Seed 002: average balance on the current account over the same period last year /
/// actual revenue of that period; the same share of the new revenue may go on deposit.
/// The average is the chronological mean of the balances (or the arithmetic mean).
///
/// # Errors
///
/// [`WorkingCapitalError`] when there are too few balances, a balance is negative, or
/// a revenue is not positive.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{Mean, deposit_share};
/// use rust_decimal::Decimal;
///
/// // Balances 20, 30, 40 over a quarter with revenue 300: mean (10 + 30 + 20) / 2 = 30,
/// // share 10 %; out of an expected 360, 36 can go on deposit.
/// let balances = [20, 30, 40].map(Decimal::from);
/// let share = deposit_share(&balances, Mean::Chronological, Decimal::from(300), Some(Decimal::from(360)));
/// assert_eq!(share.unwrap().depositable_amount, Some(Decimal::from(36)));
/// ```
pub fn deposit_share(
    balances: &[Decimal],
    mean: Mean,
    revenue_of_period: Decimal,
    expected_revenue: Option<Decimal>,
) -> Result<DepositShare, WorkingCapitalError> {
    for balance in balances {
        non_negative("balances", *balance)?;
    }
    positive("revenue_of_period", revenue_of_period)?;
    let average_balance = match mean {
        Mean::Chronological => chronological_mean(balances)?,
        Mean::Arithmetic => arithmetic_mean(balances)?,
    };
    let checked = Checked("deposit share");
    let share = checked.div(average_balance, revenue_of_period)?;
    let depositable_amount = match expected_revenue {
        Some(revenue) => {
            positive("expected_revenue", revenue)?;
            Some(Checked("depositable amount").mul(revenue, share)?)
        }
        None => None,
    };
    Ok(DepositShare {
        average_balance,
        share_percent: checked.mul(share, Decimal::ONE_HUNDRED)?,
        depositable_amount,
    })
}

/// How often deposit interest is added to the principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compounding {
    /// Simple interest paid at maturity.
    AtMaturity,
    /// Once a year.
    Annually,
    /// Twice a year.
    SemiAnnually,
    /// Every quarter.
    Quarterly,
    /// Every month.
    Monthly,
}

impl Compounding {
    /// Months between two capitalisations (`None` for simple interest).
    pub fn months(self) -> Option<u32> {
        match self {
            Compounding::AtMaturity => None,
            Compounding::Annually => Some(12),
            Compounding::SemiAnnually => Some(6),
            Compounding::Quarterly => Some(3),
            Compounding::Monthly => Some(1),
        }
    }
}

/// The outcome of a deposit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DepositIncome {
    /// Principal plus interest at maturity.
    pub final_amount: Decimal,
    /// Interest earned: final amount − principal.
    pub income: Decimal,
}

/// Deposit income with interest capitalised at the given frequency.
///
/// # Formula
///
/// Standard compound interest: P × (1 + r/100 × m/12)^(T/m) with m the months between
/// capitalisations and T the term in months; simple interest at maturity:
/// P × (1 + r/100 × T/12). The seed: the more often interest is paid, the higher the
/// income, because new interest accrues on capitalised interest.
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] for a non-positive principal or term, a
/// negative rate, or a term that is not a whole number of compounding periods.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{Compounding, deposit_income};
/// use rust_decimal::Decimal;
///
/// // 100 000 at 12 % for a year, quarterly: 100 000 × 1.03^4 − 100 000 = 12 550.881.
/// let deposit = deposit_income(Decimal::from(100_000), Decimal::from(12), 12, Compounding::Quarterly);
/// assert_eq!(deposit.unwrap().income, Decimal::new(12_550_881, 3));
/// ```
pub fn deposit_income(
    principal: Decimal,
    annual_rate_percent: Decimal,
    term_months: u32,
    compounding: Compounding,
) -> Result<DepositIncome, WorkingCapitalError> {
    positive("principal", principal)?;
    non_negative("annual_rate_percent", annual_rate_percent)?;
    positive("term_months", Decimal::from(term_months))?;
    let checked = Checked("deposit income");
    let monthly_rate = annual_rate_percent / Decimal::ONE_HUNDRED / Decimal::from(12);
    let growth = match compounding.months() {
        None => checked.add(
            Decimal::ONE,
            checked.mul(monthly_rate, Decimal::from(term_months))?,
        )?,
        Some(months) => {
            if !term_months.is_multiple_of(months) {
                return Err(WorkingCapitalError::InvalidParameter {
                    parameter: "term_months",
                    value: Decimal::from(term_months),
                    requirement: Requirement::new(
                        "wc_error.compounding_periods",
                        &[("months", &months)],
                    ),
                });
            }
            checked
                .add(
                    Decimal::ONE,
                    checked.mul(monthly_rate, Decimal::from(months))?,
                )?
                .checked_powi(i64::from(term_months / months))
                .ok_or(checked.overflow())?
        }
    };
    let final_amount = checked.mul(principal, growth)?;
    Ok(DepositIncome {
        final_amount,
        income: checked.sub(final_amount, principal)?,
    })
}
