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

use crate::eval::Evaluator;
use crate::{EvalConfig, NotComputable, RatioId, RatioTable};

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

/// Where the models read their ratios: a fresh evaluation, or a table already computed.
fn evaluated(
    statements: &Statements,
    period: Period,
    config: &EvalConfig,
) -> impl FnMut(RatioId) -> Result<Decimal, NotComputable> {
    let mut evaluator = Evaluator::new(statements, period, config);
    move |id: RatioId| evaluator.ratio(id)
}

fn tabulated(
    table: &RatioTable,
    period: Period,
) -> impl FnMut(RatioId) -> Result<Decimal, NotComputable> {
    move |id: RatioId| {
        table
            .row(id)
            .and_then(|row| row.value(period).cloned())
            .unwrap_or_else(|| {
                Err(NotComputable::UnknownRatio {
                    id: id.name().to_owned(),
                })
            })
    }
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
    classic_with(period, evaluated(statements, period, config))
}

/// The classic decomposition of `period` from ratios already in `table`.
///
/// # Errors
///
/// As [`classic`].
pub fn classic_from_table(
    table: &RatioTable,
    period: Period,
) -> Result<ClassicDuPont, NotComputable> {
    classic_with(period, tabulated(table, period))
}

fn classic_with(
    period: Period,
    mut value: impl FnMut(RatioId) -> Result<Decimal, NotComputable>,
) -> Result<ClassicDuPont, NotComputable> {
    let return_on_sales = value(RatioId::RETURN_ON_SALES)?;
    let asset_turnover = value(RatioId::ASSET_TURNOVER)?;
    let equity_multiplier = value(RatioId::EQUITY_MULTIPLIER)?;
    let return_on_equity = value(RatioId::RETURN_ON_EQUITY)?;
    let product = value(RatioId::CLASSIC_DUPONT_RETURN_ON_EQUITY)?;
    let difference = product
        .checked_sub(return_on_equity)
        .ok_or(NotComputable::Overflow)?;
    Ok(ClassicDuPont {
        period,
        return_on_sales,
        asset_turnover,
        equity_multiplier,
        product,
        return_on_equity,
        difference,
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
    modified_with(period, evaluated(statements, period, config))
}

/// The modified model of `period` from ratios already in `table`.
///
/// # Errors
///
/// As [`modified`].
pub fn modified_from_table(
    table: &RatioTable,
    period: Period,
) -> Result<ModifiedDuPont, NotComputable> {
    modified_with(period, tabulated(table, period))
}

fn modified_with(
    period: Period,
    mut value: impl FnMut(RatioId) -> Result<Decimal, NotComputable>,
) -> Result<ModifiedDuPont, NotComputable> {
    Ok(ModifiedDuPont {
        period,
        return_on_sales: value(RatioId::RETURN_ON_SALES)?,
        current_ratio: value(RatioId::CURRENT_RATIO)?,
        equity_multiplier: value(RatioId::EQUITY_MULTIPLIER)?,
        modified_return_on_equity: value(RatioId::MODIFIED_RETURN_ON_EQUITY)?,
        modified_return_on_assets: value(RatioId::MODIFIED_RETURN_ON_ASSETS)?,
        return_on_equity: value(RatioId::RETURN_ON_EQUITY)?,
        return_on_assets: value(RatioId::RETURN_ON_ASSETS)?,
        residual_factor: value(RatioId::MODIFIED_RESIDUAL_FACTOR)?,
    })
}
