//! Working capital from statements: the catalogue measures seed 002 uses, and the
//! policies they indicate for a period.

use bilans_model::{Period, Statements};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::working_capital::policy::{
    AssetPolicy, CombinedPolicy, Policy, PolicyConfig, combined_policy, current_asset_policy,
    current_liability_policy,
};
use crate::{EvalConfig, NotComputable, find};

/// The catalogue ratios of a working-capital report, in report order.
pub const WORKING_CAPITAL_RATIOS: [&str; 18] = [
    "financial_operating_needs_broad",
    "financial_operating_needs_narrow",
    "financial_operating_needs_broad_to_revenue",
    "financial_operating_needs_broad_days",
    "financial_operating_needs_narrow_to_revenue",
    "financial_operating_needs_narrow_days",
    "inventory_days",
    "receivables_days",
    "payables_days",
    "payables_days_express",
    "operating_cycle_days",
    "cash_conversion_cycle_days",
    "current_asset_turnover",
    "current_assets_to_assets",
    "short_term_debt_to_total_assets",
    "economic_return_on_assets",
    "current_ratio",
    "quick_ratio",
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
    let value = |id: &str| -> Result<Decimal, NotComputable> {
        let ratio = find(id).ok_or_else(|| NotComputable::UnknownRatio { id: id.to_owned() })?;
        ratio.evaluate(statements, period, &config.eval)
    };
    let percent = |id: &str| {
        value(id).and_then(|fraction| {
            fraction
                .checked_mul(Decimal::ONE_HUNDRED)
                .ok_or(NotComputable::Overflow)
        })
    };
    let current_asset_share_percent = percent("current_assets_to_assets");
    let turnover_days = value("cash_conversion_cycle_days");
    let short_term_credit_share_percent = percent("short_term_debt_to_total_assets");
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
