//! Classic and modified Du Pont analyses for one period.
//!
//! # Formula
//!
//! Classic (seed 004, eq. 1): ROE = Zn/S × S/A × A/Kw, an identity: the product equals
//! net income / equity whenever all three factors exist.
//!
//! Modified (Kowalczyk & Kusak 2006, as written in seed 004): ROE_mod = ROS × WBP × MN,
//! with WBP = AO/ZB (current ratio) and MN = A/Kw (equity multiplier). It is not an
//! identity: ROE_mod / ROE = (Zn/S · AO/ZB · A/Kw) / (Zn/Kw) = (AO/S) · (A/ZB), the
//! residual factor, which bilans reports per period. Where the factor is 1 the two
//! models agree; the paper observed the gap empirically, the factor explains it.

use bilans_model::{Period, Statements};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::{EvalConfig, NotComputable, find};

/// The classic three-factor Du Pont decomposition of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassicDuPont {
    /// The period.
    pub period: Period,
    /// Net income / revenue.
    pub return_on_sales: Decimal,
    /// Revenue / total assets.
    pub asset_turnover: Decimal,
    /// Total assets / equity.
    pub equity_multiplier: Decimal,
    /// The product of the three factors.
    pub product: Decimal,
    /// Net income / equity, computed directly.
    pub return_on_equity: Decimal,
    /// `product − return_on_equity`: zero up to Decimal precision (28 digits).
    pub difference: Decimal,
}

/// The modified (Kowalczyk & Kusak) model of one period, beside the classic ROE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModifiedDuPont {
    /// The period.
    pub period: Period,
    /// Net income / revenue.
    pub return_on_sales: Decimal,
    /// Current assets / current liabilities (WBP).
    pub current_ratio: Decimal,
    /// Total assets / equity (MN).
    pub equity_multiplier: Decimal,
    /// ROS × WBP × MN.
    pub modified_return_on_equity: Decimal,
    /// ROS × WBP.
    pub modified_return_on_assets: Decimal,
    /// Net income / equity.
    pub return_on_equity: Decimal,
    /// Net income / total assets.
    pub return_on_assets: Decimal,
    /// (AO/S) × (A/ZB), the analytical ratio ROE_mod / ROE.
    pub residual_factor: Decimal,
}

fn value(
    id: &str,
    statements: &Statements,
    period: Period,
    config: &EvalConfig,
) -> Result<Decimal, NotComputable> {
    let ratio = find(id).ok_or_else(|| NotComputable::UnknownRatio { id: id.to_owned() })?;
    ratio.evaluate(statements, period, config)
}

/// The classic decomposition of `period`.
///
/// # Errors
///
/// [`NotComputable`] when any factor or ROE itself cannot be computed.
pub fn classic(
    statements: &Statements,
    period: Period,
    config: &EvalConfig,
) -> Result<ClassicDuPont, NotComputable> {
    let return_on_sales = value("return_on_sales", statements, period, config)?;
    let asset_turnover = value("asset_turnover", statements, period, config)?;
    let equity_multiplier = value("equity_multiplier", statements, period, config)?;
    let return_on_equity = value("return_on_equity", statements, period, config)?;
    let product = value(
        "classic_dupont_return_on_equity",
        statements,
        period,
        config,
    )?;
    Ok(ClassicDuPont {
        period,
        return_on_sales,
        asset_turnover,
        equity_multiplier,
        product,
        return_on_equity,
        difference: product - return_on_equity,
    })
}

/// The modified model of `period`.
///
/// # Errors
///
/// [`NotComputable`] when any part cannot be computed.
pub fn modified(
    statements: &Statements,
    period: Period,
    config: &EvalConfig,
) -> Result<ModifiedDuPont, NotComputable> {
    Ok(ModifiedDuPont {
        period,
        return_on_sales: value("return_on_sales", statements, period, config)?,
        current_ratio: value("current_ratio", statements, period, config)?,
        equity_multiplier: value("equity_multiplier", statements, period, config)?,
        modified_return_on_equity: value("modified_return_on_equity", statements, period, config)?,
        modified_return_on_assets: value("modified_return_on_assets", statements, period, config)?,
        return_on_equity: value("return_on_equity", statements, period, config)?,
        return_on_assets: value("return_on_assets", statements, period, config)?,
        residual_factor: value("modified_residual_factor", statements, period, config)?,
    })
}
