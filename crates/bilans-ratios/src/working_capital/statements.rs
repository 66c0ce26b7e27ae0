//! Working capital from statements: the catalogue measures seed 002 uses, and the
//! policies they indicate for a period.

use bilans_model::{Period, Statements};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::working_capital::policy::{
    AssetPolicy, CombinedPolicy, Policy, PolicyConfig, combined_policy, current_asset_policy,
    current_liability_policy,
};
use crate::{EvalConfig, NotComputable, RatioId};

/// The catalogue ratios of a working-capital report, in report order.
pub const WORKING_CAPITAL_RATIOS: [RatioId; 18] = [
    RatioId::FINANCIAL_OPERATING_NEEDS_BROAD,
    RatioId::FINANCIAL_OPERATING_NEEDS_NARROW,
    RatioId::FINANCIAL_OPERATING_NEEDS_BROAD_TO_REVENUE,
    RatioId::FINANCIAL_OPERATING_NEEDS_BROAD_DAYS,
    RatioId::FINANCIAL_OPERATING_NEEDS_NARROW_TO_REVENUE,
    RatioId::FINANCIAL_OPERATING_NEEDS_NARROW_DAYS,
    RatioId::INVENTORY_DAYS,
    RatioId::RECEIVABLES_DAYS,
    RatioId::PAYABLES_DAYS,
    RatioId::PAYABLES_DAYS_EXPRESS,
    RatioId::OPERATING_CYCLE_DAYS,
    RatioId::CASH_CONVERSION_CYCLE_DAYS,
    RatioId::CURRENT_ASSET_TURNOVER,
    RatioId::CURRENT_ASSETS_TO_ASSETS,
    RatioId::SHORT_TERM_DEBT_TO_TOTAL_ASSETS,
    RatioId::ECONOMIC_RETURN_ON_ASSETS,
    RatioId::CURRENT_RATIO,
    RatioId::QUICK_RATIO,
];

/// How working capital is evaluated and classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct WorkingCapitalConfig {
    /// Basis (year-end or average), rounding and days in the year of the ratios.
    pub eval: EvalConfig,
    /// The bands of the policies.
    pub policy: PolicyConfig,
}

/// The policies one period's statements indicate, with their indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyAssessment {
    /// The period.
    pub period: Period,
    /// Current assets / total assets × 100.
    pub current_asset_share_percent: Result<Decimal, NotComputable>,
    /// The seed's turnover period of working funds: the cash conversion cycle
    /// (inventory + receivables − payables days).
    pub turnover_days: Result<Decimal, NotComputable>,
    /// Short-term credit / balance-sheet total × 100.
    pub short_term_credit_share_percent: Result<Decimal, NotComputable>,
    /// The current-asset policy.
    pub assets: Result<AssetPolicy, NotComputable>,
    /// The current-liability policy.
    pub liabilities: Result<Policy, NotComputable>,
    /// The combined policy of Table 8.
    pub combined: Result<CombinedPolicy, NotComputable>,
}

/// Classifies the working-capital policies of `period`.
///
/// The turnover period enters the current-asset policy only when its bands are set;
/// when it is then not computable, the share alone decides.
pub fn assess_policies(
    statements: &Statements,
    period: Period,
    config: &WorkingCapitalConfig,
) -> PolicyAssessment {
    let value = |id: RatioId| -> Result<Decimal, NotComputable> {
        id.ratio().evaluate(statements, period, &config.eval)
    };
    let percent = |id: RatioId| {
        value(id).and_then(|fraction| {
            fraction
                .checked_mul(Decimal::ONE_HUNDRED)
                .ok_or(NotComputable::Overflow)
        })
    };
    let current_asset_share_percent = percent(RatioId::CURRENT_ASSETS_TO_ASSETS);
    let turnover_days = value(RatioId::CASH_CONVERSION_CYCLE_DAYS);
    let short_term_credit_share_percent = percent(RatioId::SHORT_TERM_DEBT_TO_TOTAL_ASSETS);
    let assets = current_asset_share_percent
        .clone()
        .map(|share| current_asset_policy(share, turnover_days.clone().ok(), &config.policy));
    let liabilities = short_term_credit_share_percent
        .clone()
        .map(|share| current_liability_policy(share, &config.policy));
    let combined = match (&assets, &liabilities) {
        (Ok(assets), Ok(liabilities)) => Ok(combined_policy(assets.policy, *liabilities)),
        (Err(reason), _) | (_, Err(reason)) => Err(reason.clone()),
    };
    PolicyAssessment {
        period,
        current_asset_share_percent,
        turnover_days,
        short_term_credit_share_percent,
        assets,
        liabilities,
        combined,
    }
}
