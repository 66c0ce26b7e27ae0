//! Net assets against share capital. For statements in roubles, by the Russian order
//! (Приказ Минфина России от 28.08.2014 № 84н, «Порядок определения стоимости чистых
//! активов»): the assets taken into account (all assets but the debt of the owners for
//! contributions to the share capital) less the liabilities taken into account (all
//! liabilities but the deferred income recognised on government aid and on property
//! received free of charge). For other statements, equity-based: total assets less
//! total liabilities.
//!
//! The balance sheet prints one line of deferred income (1530) and does not say how
//! much of it comes from government aid or free receipt: bilans adds the whole line
//! back, and states the range the order allows (down to none of it added back), so a
//! comparison with share capital that depends on that split is reported as undetermined.

use std::fmt;

use bilans_model::{Lang, LineItem, Period, Statements};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::eval::Evaluator;
use crate::liquidity::{
    balance_config, component, present_or_zero, serialize_outcome, total_liabilities,
};
use crate::{EvalConfig, Expr, NotComputable};

/// How net assets are defined for a set of statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NetAssetsMethod {
    /// Order 84n of the Russian Ministry of Finance (statements in roubles).
    Order84n,
    /// Total assets − total liabilities (every other currency).
    EquityBased,
}

impl NetAssetsMethod {
    /// The method for statements in `currency`: the Russian order for roubles (`RUB`,
    /// the older `RUR`), the equity-based definition otherwise.
    pub fn for_currency(currency: &str) -> NetAssetsMethod {
        let currency = currency.trim();
        if currency.eq_ignore_ascii_case("RUB") || currency.eq_ignore_ascii_case("RUR") {
            NetAssetsMethod::Order84n
        } else {
            NetAssetsMethod::EquityBased
        }
    }

    /// The assets taken into account.
    pub fn assets(self) -> Expr {
        match self {
            NetAssetsMethod::Order84n => {
                Expr::Item(LineItem::TotalAssets)
                    - present_or_zero(LineItem::CalledUpCapitalNotPaid)
            }
            NetAssetsMethod::EquityBased => Expr::Item(LineItem::TotalAssets),
        }
    }

    /// The liabilities taken into account.
    pub fn liabilities(self) -> Expr {
        match self {
            NetAssetsMethod::Order84n => {
                total_liabilities() - present_or_zero(LineItem::DeferredIncome)
            }
            NetAssetsMethod::EquityBased => total_liabilities(),
        }
    }
}

impl NetAssetsMethod {
    /// The method in words in `lang`.
    pub fn text_in(self, lang: Lang) -> &'static str {
        let key = match self {
            NetAssetsMethod::Order84n => "order_84n",
            NetAssetsMethod::EquityBased => "equity_based",
        };
        crate::lang::text(lang, &format!("liquidity.method.{key}"))
    }
}

impl fmt::Display for NetAssetsMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text_in(Lang::En))
    }
}

/// How net assets compare with share capital.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// Net assets are at least the share capital.
    AtLeastShareCapital,
    /// Net assets are below the share capital.
    BelowShareCapital,
    /// It depends on how much of the deferred income is on government aid or free
    /// receipt, which the balance sheet does not say.
    Undetermined,
}

impl Coverage {
    /// How net assets compare with share capital, in words in `lang`.
    pub fn text_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Coverage::AtLeastShareCapital => "at_least",
            Coverage::BelowShareCapital => "below",
            Coverage::Undetermined => "undetermined",
        };
        crate::lang::text(lang, &format!("liquidity.coverage.{key}"))
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text_in(Lang::En))
    }
}

/// Net assets of one period.
#[derive(Debug, Clone, Serialize)]
pub struct NetAssetsPeriod {
    /// The balance date's period.
    pub period: Period,
    /// The definition used.
    pub method: NetAssetsMethod,
    /// The assets taken into account.
    #[serde(serialize_with = "serialize_outcome")]
    pub assets: Result<Decimal, NotComputable>,
    /// The liabilities taken into account.
    #[serde(serialize_with = "serialize_outcome")]
    pub liabilities: Result<Decimal, NotComputable>,
    /// Net assets: assets − liabilities taken into account.
    #[serde(serialize_with = "serialize_outcome")]
    pub net_assets: Result<Decimal, NotComputable>,
    /// Under Order 84n, the deferred income added back (the whole line); the order
    /// allows net assets down to `net_assets` minus this. Zero for the equity-based
    /// definition or without deferred income.
    pub deferred_income_added_back: Decimal,
    /// The share capital.
    #[serde(serialize_with = "serialize_outcome")]
    pub share_capital: Result<Decimal, NotComputable>,
    /// Net assets − share capital.
    #[serde(serialize_with = "serialize_outcome")]
    pub excess_over_share_capital: Result<Decimal, NotComputable>,
    /// How net assets compare with the share capital.
    #[serde(serialize_with = "serialize_outcome")]
    pub coverage: Result<Coverage, NotComputable>,
}

/// Net assets of every period of `statements`, on period-end balances, by the method
/// for the statements' currency ([`NetAssetsMethod::for_currency`]).
pub fn net_assets(statements: &Statements, config: &EvalConfig) -> Vec<NetAssetsPeriod> {
    let config = balance_config(config);
    let method = NetAssetsMethod::for_currency(&statements.unit.currency);
    let (assets_expr, liabilities_expr) = (method.assets(), method.liabilities());
    let share_capital_expr = Expr::Item(LineItem::ShareCapital);
    statements
        .period_list()
        .into_iter()
        .map(|period| {
            let mut evaluator = Evaluator::new(statements, period, &config);
            let mut value =
                |symbol, expr: &Expr| component(symbol, expr, statements, period, &mut evaluator);
            let assets = value("assets taken", &assets_expr);
            let liabilities = value("liabilities taken", &liabilities_expr);
            let share_capital = value("share capital", &share_capital_expr);
            let net_assets = crate::liquidity::difference(&assets, &liabilities);
            let deferred_income_added_back = match method {
                NetAssetsMethod::Order84n => statements
                    .get(period, LineItem::DeferredIncome)
                    .unwrap_or_default(),
                NetAssetsMethod::EquityBased => Decimal::ZERO,
            };
            let excess_over_share_capital =
                crate::liquidity::difference(&net_assets, &share_capital);
            let coverage = excess_over_share_capital.clone().map(|excess| {
                let lowest = excess.saturating_sub(deferred_income_added_back.max(Decimal::ZERO));
                if Decimal::ZERO <= lowest {
                    Coverage::AtLeastShareCapital
                } else if excess < Decimal::ZERO {
                    Coverage::BelowShareCapital
                } else {
                    Coverage::Undetermined
                }
            });
            NetAssetsPeriod {
                period,
                method,
                assets,
                liabilities,
                net_assets,
                deferred_income_added_back,
                share_capital,
                excess_over_share_capital,
                coverage,
            }
        })
        .collect()
}
