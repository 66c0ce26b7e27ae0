//! Turning receivables into money before they fall due: discounting a bill of
//! exchange and factoring, and the seed's tests of whether it is worth it.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::DaysInYear;
use crate::working_capital::WorkingCapitalError;
use crate::working_capital::error::{
    Checked, Requirement, non_negative, percent_below_100, positive,
};

/// A bill of exchange presented to a bank for discounting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BillInput {
    /// The bill's face value.
    pub face_value: Decimal,
    /// The bank's annual discount rate in percent.
    pub discount_rate_percent: Decimal,
    /// Days from discounting to maturity.
    pub days_to_maturity: Decimal,
    /// 360 or 365 days in the year.
    pub days_in_year: DaysInYear,
}

/// The discount the bank keeps and what the holder receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BillDiscount {
    /// face value × rate × days / D.
    pub discount: Decimal,
    /// face value − discount.
    pub proceeds: Decimal,
    /// The cost for the period in percent of the face value: discount / face × 100.
    pub cost_for_period_percent: Decimal,
    /// The effective annual cost of the money received, simple interest:
    /// discount / proceeds × D / days × 100.
    pub effective_annual_percent: Decimal,
}

/// Discounts a bill of exchange.
///
/// # Formula
///
/// Standard (seed 002's formula was an image; the seed says the discount is directly
/// proportional to the face value, the days to maturity and the discount rate):
/// discount = face value × rate / 100 × days / D; proceeds = face value − discount.
/// bilans adds the effective annual cost of the proceeds, discount / proceeds × D /
/// days × 100, for comparison with other annual rates.
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] for a face value or a number of days that
/// is not positive, a negative rate, or a discount that would consume the face value;
/// [`WorkingCapitalError::Overflow`] when a result exceeds a Decimal's range.
///
/// # Examples
///
/// ```
/// use bilans_ratios::DaysInYear;
/// use bilans_ratios::working_capital::{BillInput, discount_bill};
/// use rust_decimal::Decimal;
///
/// // 100 000 at 12 % for 90 days: 100 000 × 0.12 × 90/360 = 3 000.
/// let bill = discount_bill(&BillInput {
///     face_value: Decimal::from(100_000),
///     discount_rate_percent: Decimal::from(12),
///     days_to_maturity: Decimal::from(90),
///     days_in_year: DaysInYear::Days360,
/// })
/// .unwrap();
/// assert_eq!(bill.proceeds, Decimal::from(97_000));
/// ```
pub fn discount_bill(input: &BillInput) -> Result<BillDiscount, WorkingCapitalError> {
    positive("face_value", input.face_value)?;
    non_negative("discount_rate_percent", input.discount_rate_percent)?;
    positive("days_to_maturity", input.days_to_maturity)?;
    let days_in_year = input.days_in_year.days();
    let checked = Checked("bill discount");
    let discount = checked.mul(input.face_value, input.discount_rate_percent)?;
    let discount = checked.mul(discount, input.days_to_maturity)?;
    let discount = discount / Decimal::ONE_HUNDRED / days_in_year;
    let proceeds = checked.sub(input.face_value, discount)?;
    if proceeds <= Decimal::ZERO {
        return Err(WorkingCapitalError::InvalidParameter {
            parameter: "discount_rate_percent",
            value: input.discount_rate_percent,
            requirement: Requirement::new(
                "wc_error.discount_too_high",
                &[("days", &input.days_to_maturity), ("discount", &discount)],
            ),
        });
    }
    let annual = checked.mul(checked.div(discount, proceeds)?, days_in_year)?;
    Ok(BillDiscount {
        discount,
        proceeds,
        cost_for_period_percent: checked.percent_of(discount, input.face_value)?,
        effective_annual_percent: checked.percent_of(annual, input.days_to_maturity)?,
    })
}

/// An invoice sold to a factor with financing (early payment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FactoringInput {
    /// The invoice amount.
    pub invoice_amount: Decimal,
    /// The factor's commission in percent of the invoice.
    pub commission_percent: Decimal,
    /// The share of the invoice paid early, in percent (up to 100).
    pub advance_percent: Decimal,
    /// The annual interest rate on the amount paid early, in percent.
    pub interest_rate_percent: Decimal,
    /// Days between the early payment and the invoice's due date.
    pub days_early: Decimal,
    /// 360 or 365 days in the year.
    pub days_in_year: DaysInYear,
}

/// The cost of factoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FactoringCost {
    /// invoice × commission / 100.
    pub commission: Decimal,
    /// The amount paid early: invoice × advance / 100.
    pub advance: Decimal,
    /// Interest on the early payment: advance × rate / 100 × days / D.
    pub interest: Decimal,
    /// commission + interest.
    pub total_cost: Decimal,
    /// What the client receives early: advance − commission − interest.
    pub net_proceeds: Decimal,
    /// The cost for the period in percent of the invoice: total cost / invoice × 100.
    pub cost_for_period_percent: Decimal,
    /// The effective annual cost of the money received early, simple interest:
    /// total cost / net proceeds × D / days × 100.
    pub effective_annual_percent: Decimal,
}

/// The cost of factoring with financing.
///
/// # Formula
///
/// Seed 002: the cost of factoring is a commission (percent of the invoice) plus
/// interest on the amount paid early. Variant implemented (standard receivables
/// financing): both are deducted from the advance, and the effective annual rate is
/// total cost / net proceeds × D / days × 100.
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] for a non-positive invoice or number of
/// days, a commission outside [0, 100), an advance outside (0, 100], a negative rate,
/// or costs that consume the advance; [`WorkingCapitalError::Overflow`] when a result
/// exceeds a Decimal's range.
///
/// # Examples
///
/// ```
/// use bilans_ratios::DaysInYear;
/// use bilans_ratios::working_capital::{FactoringInput, factoring_cost};
/// use rust_decimal::Decimal;
///
/// // 100 000, 2 % commission, 80 % advanced at 15 % for 60 days:
/// // commission 2 000, interest 80 000 × 0.15 × 60/360 = 2 000.
/// let cost = factoring_cost(&FactoringInput {
///     invoice_amount: Decimal::from(100_000),
///     commission_percent: Decimal::from(2),
///     advance_percent: Decimal::from(80),
///     interest_rate_percent: Decimal::from(15),
///     days_early: Decimal::from(60),
///     days_in_year: DaysInYear::Days360,
/// })
/// .unwrap();
/// assert_eq!(cost.total_cost, Decimal::from(4_000));
/// ```
pub fn factoring_cost(input: &FactoringInput) -> Result<FactoringCost, WorkingCapitalError> {
    positive("invoice_amount", input.invoice_amount)?;
    percent_below_100("commission_percent", input.commission_percent)?;
    positive("advance_percent", input.advance_percent)?;
    if Decimal::ONE_HUNDRED < input.advance_percent {
        return Err(WorkingCapitalError::InvalidParameter {
            parameter: "advance_percent",
            value: input.advance_percent,
            requirement: Requirement::new("wc_error.at_most_100", &[]),
        });
    }
    non_negative("interest_rate_percent", input.interest_rate_percent)?;
    positive("days_early", input.days_early)?;
    let days_in_year = input.days_in_year.days();
    let checked = Checked("factoring cost");
    let percent_of = |base: Decimal, percent: Decimal| {
        Ok::<_, WorkingCapitalError>(checked.mul(base, percent)? / Decimal::ONE_HUNDRED)
    };
    let commission = percent_of(input.invoice_amount, input.commission_percent)?;
    let advance = percent_of(input.invoice_amount, input.advance_percent)?;
    let interest = checked.mul(
        percent_of(advance, input.interest_rate_percent)?,
        input.days_early,
    )? / days_in_year;
    let total_cost = checked.add(commission, interest)?;
    let net_proceeds = checked.sub(advance, total_cost)?;
    if net_proceeds <= Decimal::ZERO {
        return Err(WorkingCapitalError::InvalidParameter {
            parameter: "advance_percent",
            value: input.advance_percent,
            requirement: Requirement::new(
                "wc_error.advance_too_small",
                &[("cost", &total_cost), ("advance", &advance)],
            ),
        });
    }
    let annual = checked.mul(checked.div(total_cost, net_proceeds)?, days_in_year)?;
    Ok(FactoringCost {
        commission,
        advance,
        interest,
        total_cost,
        net_proceeds,
        cost_for_period_percent: checked.percent_of(total_cost, input.invoice_amount)?,
        effective_annual_percent: checked.percent_of(annual, input.days_early)?,
    })
}

/// One of the seed's tests of early payment: a benchmark against the cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EarlyPaymentTest {
    /// The benchmark in percent (annual return on the funds, or inflation over the
    /// period).
    pub benchmark_percent: Decimal,
    /// The cost it is compared with, in percent on the same basis.
    pub cost_percent: Decimal,
    /// Whether the benchmark exceeds the cost, which makes early payment worth it.
    pub worthwhile: bool,
}

/// The seed's comparisons for a discounted bill or factoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EarlyPaymentComparison {
    /// Annual return the firm can earn on the funds against the effective annual cost.
    pub return_on_funds: Option<EarlyPaymentTest>,
    /// Expected inflation over the period against the cost for the period.
    pub inflation: Option<EarlyPaymentTest>,
}

/// The cost of early payment, in the two bases the seed compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EarlyPaymentCost {
    /// Effective annual cost in percent.
    pub effective_annual_percent: Decimal,
    /// Cost for the period in percent of the face value or invoice.
    pub cost_for_period_percent: Decimal,
}

impl From<&BillDiscount> for EarlyPaymentCost {
    fn from(bill: &BillDiscount) -> EarlyPaymentCost {
        EarlyPaymentCost {
            effective_annual_percent: bill.effective_annual_percent,
            cost_for_period_percent: bill.cost_for_period_percent,
        }
    }
}

impl From<&FactoringCost> for EarlyPaymentCost {
    fn from(factoring: &FactoringCost) -> EarlyPaymentCost {
        EarlyPaymentCost {
            effective_annual_percent: factoring.effective_annual_percent,
            cost_for_period_percent: factoring.cost_for_period_percent,
        }
    }
}

/// Is discounting or factoring worth it?
///
/// # Formula
///
/// Seed 002: early money pays when (1) the firm can use the funds at a return above
/// the discount or factoring cost, or (2) the inflation expected over the period
/// exceeds the cost for that period. Variant implemented: (1) compares the annual
/// return with the effective annual cost (the time value of money enters through the
/// annualisation); (2) compares inflation over the period with the cost for the period
/// in percent of the face value. A benchmark equal to the cost is not worthwhile.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{EarlyPaymentCost, compare_early_payment};
/// use rust_decimal::Decimal;
///
/// let cost = EarlyPaymentCost {
///     effective_annual_percent: Decimal::new(1237, 2),
///     cost_for_period_percent: Decimal::from(3),
/// };
/// let comparison = compare_early_payment(&cost, Some(Decimal::from(25)), Some(Decimal::from(2)));
/// assert!(comparison.return_on_funds.unwrap().worthwhile);
/// assert!(!comparison.inflation.unwrap().worthwhile);
/// ```
pub fn compare_early_payment(
    cost: &EarlyPaymentCost,
    return_on_funds_annual_percent: Option<Decimal>,
    inflation_for_period_percent: Option<Decimal>,
) -> EarlyPaymentComparison {
    let test = |benchmark: Decimal, cost: Decimal| EarlyPaymentTest {
        benchmark_percent: benchmark,
        cost_percent: cost,
        worthwhile: cost < benchmark,
    };
    EarlyPaymentComparison {
        return_on_funds: return_on_funds_annual_percent
            .map(|benchmark| test(benchmark, cost.effective_annual_percent)),
        inflation: inflation_for_period_percent
            .map(|benchmark| test(benchmark, cost.cost_for_period_percent)),
    }
}
