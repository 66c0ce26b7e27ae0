//! Trade credit: the supplier deferral that offsets the deferral given to clients (the
//! A/B example of seed 002) and the cost of forgoing a cash discount.

use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;

use crate::DaysInYear;
use crate::working_capital::WorkingCapitalError;
use crate::working_capital::error::{
    Checked, Requirement, non_negative, percent_below_100, positive,
};

/// The monthly flows and deferrals of the A/B example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeferralInput {
    /// Average monthly turnover (sales).
    pub monthly_turnover: Decimal,
    /// Average monthly purchases of raw materials (bought on supplier credit).
    pub monthly_purchases: Decimal,
    /// Months of payment deferral granted to clients.
    pub client_deferral_months: Decimal,
    /// Months of payment deferral obtained from suppliers.
    pub supplier_deferral_months: Decimal,
    /// Inventories to finance as well (zero in the seed's example).
    pub inventories: Decimal,
}

/// What the deferrals imply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeferralResult {
    /// Client receivables: monthly turnover × client deferral.
    pub receivables: Decimal,
    /// Supplier credit: monthly purchases × supplier deferral.
    pub payables: Decimal,
    /// Receivables not covered by supplier credit: receivables − payables.
    pub uncovered_receivables: Decimal,
    /// Narrow financial-operating needs: inventories + receivables − payables.
    pub financial_operating_needs: Decimal,
    /// Supplier deferral (months) that exactly covers the receivables:
    /// monthly turnover × client deferral / monthly purchases.
    pub required_supplier_deferral_months: Decimal,
    /// Months of supplier deferral per month of client deferral (2 for A, 4 for B):
    /// monthly turnover / monthly purchases.
    pub supplier_to_client_deferral_ratio: Decimal,
    /// Supplier deferral (months) above which the financial-operating needs are
    /// negative: (inventories + receivables) / monthly purchases.
    pub negative_needs_threshold_months: Decimal,
}

/// The supplier deferral needed to offset the deferral given to clients.
///
/// # Formula
///
/// Seed 002, the A/B example: receivables = monthly turnover × client months; supplier
/// credit = monthly purchases × supplier months; the supplier deferral that offsets the
/// receivables is turnover × client months / purchases, the ratio turnover / purchases
/// (2:1 for A, 4:1 for B). With inventories (bilans' extension; zero in the seed) the
/// narrow needs turn negative beyond (inventories + receivables) / purchases months.
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] for negative amounts or months, zero
/// purchases or zero client deferral; [`WorkingCapitalError::Overflow`] when a result
/// exceeds a Decimal's range.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{DeferralInput, supplier_deferral};
/// use rust_decimal::Decimal;
///
/// // Firm A of seed 002: turnover 100, raw materials 50, one month each way.
/// let a = supplier_deferral(&DeferralInput {
///     monthly_turnover: Decimal::from(100),
///     monthly_purchases: Decimal::from(50),
///     client_deferral_months: Decimal::ONE,
///     supplier_deferral_months: Decimal::ONE,
///     inventories: Decimal::ZERO,
/// })
/// .unwrap();
/// assert_eq!(a.uncovered_receivables, Decimal::from(50));
/// assert_eq!(a.supplier_to_client_deferral_ratio, Decimal::from(2));
/// ```
pub fn supplier_deferral(input: &DeferralInput) -> Result<DeferralResult, WorkingCapitalError> {
    non_negative("monthly_turnover", input.monthly_turnover)?;
    positive("monthly_purchases", input.monthly_purchases)?;
    positive("client_deferral_months", input.client_deferral_months)?;
    non_negative("supplier_deferral_months", input.supplier_deferral_months)?;
    non_negative("inventories", input.inventories)?;
    let checked = Checked("supplier deferral");
    let receivables = checked.mul(input.monthly_turnover, input.client_deferral_months)?;
    let payables = checked.mul(input.monthly_purchases, input.supplier_deferral_months)?;
    let to_finance = checked.add(input.inventories, receivables)?;
    Ok(DeferralResult {
        receivables,
        payables,
        uncovered_receivables: checked.sub(receivables, payables)?,
        financial_operating_needs: checked.sub(to_finance, payables)?,
        required_supplier_deferral_months: checked.div(receivables, input.monthly_purchases)?,
        supplier_to_client_deferral_ratio: checked
            .div(input.monthly_turnover, input.monthly_purchases)?,
        negative_needs_threshold_months: checked.div(to_finance, input.monthly_purchases)?,
    })
}

/// Terms of sale with a cash discount ("2/10 net 30").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CashDiscountInput {
    /// The discount d in percent of the price (2 for 2 %); below 100.
    pub discount_percent: Decimal,
    /// The discount period in days (10).
    pub discount_days: Decimal,
    /// The payment term in days (30); longer than the discount period.
    pub payment_term_days: Decimal,
    /// The bank's annual credit rate in percent, to compare with.
    pub bank_rate_percent: Decimal,
    /// 360 or 365 days in the year.
    pub days_in_year: DaysInYear,
}

/// What to do with a cash discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscountDecision {
    /// Forgoing the discount costs more than the bank: borrow if needed and pay
    /// within the discount period.
    TakeDiscount,
    /// The bank costs more: pay at the end of the term.
    PayAtTerm,
    /// Both cost the same.
    Indifferent,
}

/// The cost of forgoing a cash discount, and the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CashDiscountCost {
    /// Nominal annual cost in percent: d / (100 − d) × D / (N − D_d) × 100.
    pub nominal_annual_percent: Decimal,
    /// Effective annual cost in percent: ((1 + d / (100 − d))^(D / (N − D_d)) − 1) × 100.
    pub effective_annual_percent: Decimal,
    /// The bank rate compared with.
    pub bank_rate_percent: Decimal,
    /// The decision, from the nominal cost against the (nominal) bank rate.
    pub decision: DiscountDecision,
}

/// The cost of forgoing a cash discount, compared with the bank rate.
///
/// # Formula
///
/// Standard (seed 002's formula was an image): nominal annual cost =
/// d / (100 − d) × D / (N − D_d) × 100, with d the discount in percent, D_d the discount
/// period, N the payment term and D the days in the year. The effective annual cost
/// compounds the period rate: ((1 + d / (100 − d))^(D / (N − D_d)) − 1) × 100, with a
/// fractional power computed by `rust_decimal`'s `powd` (exp/ln series, accurate to
/// about 1e-8 here). The seed compares the cost with the bank's rate, both annual:
/// when the cost is higher, take the discount (even on bank credit).
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] when the discount is not in [0, 100), a
/// number of days is negative, or the payment term is not longer than the discount
/// period; [`WorkingCapitalError::Overflow`] when a result exceeds a Decimal's range.
///
/// # Examples
///
/// ```
/// use bilans_ratios::DaysInYear;
/// use bilans_ratios::working_capital::{CashDiscountInput, DiscountDecision, cash_discount_cost};
/// use rust_decimal::Decimal;
///
/// // 2/10 net 30 against a 20 % bank rate: 2/98 × 360/20 = 36.73 %.
/// let cost = cash_discount_cost(&CashDiscountInput {
///     discount_percent: Decimal::from(2),
///     discount_days: Decimal::from(10),
///     payment_term_days: Decimal::from(30),
///     bank_rate_percent: Decimal::from(20),
///     days_in_year: DaysInYear::Days360,
/// })
/// .unwrap();
/// assert_eq!(cost.nominal_annual_percent.round_dp(2), Decimal::new(3673, 2));
/// assert_eq!(cost.decision, DiscountDecision::TakeDiscount);
/// ```
pub fn cash_discount_cost(
    input: &CashDiscountInput,
) -> Result<CashDiscountCost, WorkingCapitalError> {
    percent_below_100("discount_percent", input.discount_percent)?;
    non_negative("discount_days", input.discount_days)?;
    non_negative("payment_term_days", input.payment_term_days)?;
    non_negative("bank_rate_percent", input.bank_rate_percent)?;
    if input.payment_term_days <= input.discount_days {
        return Err(WorkingCapitalError::InvalidParameter {
            parameter: "payment_term_days",
            value: input.payment_term_days,
            requirement: Requirement::new(
                "wc_error.term_not_longer",
                &[("days", &input.discount_days)],
            ),
        });
    }
    let checked = Checked("cash discount cost");
    let period_rate = checked.div(
        input.discount_percent,
        Decimal::ONE_HUNDRED - input.discount_percent,
    )?;
    let periods_per_year = checked.div(
        input.days_in_year.days(),
        input.payment_term_days - input.discount_days,
    )?;
    let nominal = checked.mul(
        checked.mul(period_rate, periods_per_year)?,
        Decimal::ONE_HUNDRED,
    )?;
    let growth = checked
        .add(Decimal::ONE, period_rate)?
        .checked_powd(periods_per_year)
        .ok_or(checked.overflow())?;
    let effective = checked.mul(growth - Decimal::ONE, Decimal::ONE_HUNDRED)?;
    let decision = if input.bank_rate_percent < nominal {
        DiscountDecision::TakeDiscount
    } else if nominal < input.bank_rate_percent {
        DiscountDecision::PayAtTerm
    } else {
        DiscountDecision::Indifferent
    };
    Ok(CashDiscountCost {
        nominal_annual_percent: nominal,
        effective_annual_percent: effective,
        bank_rate_percent: input.bank_rate_percent,
        decision,
    })
}
