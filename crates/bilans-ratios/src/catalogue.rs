//! The ratio catalogue: every ratio bilans computes, each defined once.
//!
//! The definitions follow seed 004 (Bereźnicka & Franc-Dąbrowska) where it defines a
//! ratio, and the standard textbook definitions elsewhere; `source` says which.

use std::sync::{LazyLock, OnceLock};

use std::collections::BTreeMap;

use bilans_model::{LineItem, Period, Statements};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::NotComputable;
use crate::eval::Evaluator;
use crate::expr::{CellRefs, EvalConfig, Expr};

/// A family of ratios, for grouping in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Liquidity (seed 004, Table 2).
    Liquidity,
    /// Profitability and its Du Pont factors.
    Profitability,
    /// Turnover (rotation) and turnover periods in days.
    Turnover,
    /// Capital structure and debt.
    Structure,
    /// The modified Du Pont model of Kowalczyk & Kusak (seed 004, Tables 5–7).
    ModifiedDuPont,
    /// Working capital.
    WorkingCapital,
}

impl Group {
    /// A readable name.
    pub fn label(self) -> &'static str {
        match self {
            Group::Liquidity => "Liquidity",
            Group::Profitability => "Profitability",
            Group::Turnover => "Turnover",
            Group::Structure => "Structure",
            Group::ModifiedDuPont => "Modified Du Pont",
            Group::WorkingCapital => "Working capital",
        }
    }
}

/// What a ratio's value measures, for number formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatioUnit {
    /// A multiple ("times"), e.g. the current ratio.
    Times,
    /// A fraction of one, e.g. return on equity 0.19 (printed as a fraction by seed 004).
    Fraction,
    /// A number of days.
    Days,
    /// An amount in the statements' unit.
    Amount,
}

/// One ratio: an id, a name, and its single definition.
#[derive(Debug, Clone)]
pub struct Ratio {
    /// Stable machine id, e.g. `return_on_equity`.
    pub id: &'static str,
    /// Readable name, e.g. `return on equity`.
    pub name: &'static str,
    /// The family.
    pub group: Group,
    /// What the value measures.
    pub unit: RatioUnit,
    /// The definition.
    pub expr: Expr,
    /// Items that must be positive for the ratio to mean anything (equity for return
    /// on equity): otherwise the ratio is not computable, with that reason.
    pub requires_positive: &'static [LineItem],
    /// Where the definition comes from.
    pub source: &'static str,
    /// The definition as text, rendered once.
    text: OnceLock<String>,
}

impl Ratio {
    /// Evaluates the ratio for `period`.
    ///
    /// # Errors
    ///
    /// [`NotComputable`] with the reason (see [`Expr::evaluate`]), including
    /// [`NotComputable::NotMeaningful`] when an item in `requires_positive` is not positive.
    pub fn evaluate(
        &self,
        statements: &Statements,
        period: Period,
        config: &EvalConfig,
    ) -> Result<Decimal, NotComputable> {
        let mut evaluator = Evaluator::new(statements, period, config);
        match position(self.id) {
            Some(index) if std::ptr::eq(&CATALOGUE[index], self) => evaluator.ratio(index),
            _ => evaluator.unlisted_ratio(self),
        }
    }

    /// The definition as readable text, e.g. `net income / equity`.
    pub fn formula_text(&self) -> &str {
        self.text.get_or_init(|| self.expr.to_text())
    }

    /// The definition as an Excel formula, with the leading `=`.
    ///
    /// # Errors
    ///
    /// As [`Expr::to_excel`].
    pub fn excel_formula(
        &self,
        period: Period,
        config: &EvalConfig,
        cells: &dyn CellRefs,
    ) -> Result<String, NotComputable> {
        Ok(format!("={}", self.expr.to_excel(period, config, cells)?))
    }
}

/// Every ratio, in report order.
pub fn catalogue() -> &'static [Ratio] {
    &CATALOGUE
}

/// The ratio with `id`, if any.
pub fn find(id: &str) -> Option<&'static Ratio> {
    position(id).map(|index| &CATALOGUE[index])
}

/// The position of ratio `id` in the catalogue.
pub(crate) fn position(id: &str) -> Option<usize> {
    INDEX.get(id).copied()
}

static INDEX: LazyLock<BTreeMap<&'static str, usize>> = LazyLock::new(|| {
    CATALOGUE
        .iter()
        .enumerate()
        .map(|(index, ratio)| (ratio.id, index))
        .collect()
});

static CATALOGUE: LazyLock<Vec<Ratio>> = LazyLock::new(build);

const SEED_004: &str = "seed 004";
const STANDARD: &str = "standard";

fn build() -> Vec<Ratio> {
    use LineItem::*;
    let item = Expr::item;
    let ratio = Expr::ratio;
    let days = || Expr::DaysInPeriod;
    let equity_positive: &'static [LineItem] = &[Equity];
    let define = |id, name, group, unit, expr, requires_positive, source| Ratio {
        id,
        name,
        group,
        unit,
        expr,
        requires_positive,
        source,
        text: OnceLock::new(),
    };
    let none: &'static [LineItem] = &[];
    vec![
        // Liquidity, seed 004 Table 2.
        define(
            "current_ratio",
            "current ratio",
            Group::Liquidity,
            RatioUnit::Times,
            item(CurrentAssets) / item(CurrentLiabilities),
            none,
            SEED_004,
        ),
        define(
            "quick_ratio",
            "quick ratio",
            Group::Liquidity,
            RatioUnit::Times,
            (item(CurrentAssets) - item(Inventories)) / item(CurrentLiabilities),
            none,
            SEED_004,
        ),
        define(
            "immediate_liquidity_ratio",
            "immediate liquidity ratio (seed 004)",
            Group::Liquidity,
            RatioUnit::Times,
            Expr::sum_of_present(vec![item(OtherCurrentAssets), item(CashAndEquivalents)])
                / item(CurrentLiabilities),
            none,
            "seed 004 (no cash line there: other current assets, which include cash, stand in for cash)",
        ),
        define(
            "cash_ratio",
            "cash ratio",
            Group::Liquidity,
            RatioUnit::Times,
            item(CashAndEquivalents) / item(CurrentLiabilities),
            none,
            STANDARD,
        ),
        // Profitability, seed 004 Tables 3 and 4.
        define(
            "return_on_sales",
            "return on sales",
            Group::Profitability,
            RatioUnit::Fraction,
            item(NetIncome) / item(Revenue),
            none,
            SEED_004,
        ),
        define(
            "return_on_assets",
            "return on assets",
            Group::Profitability,
            RatioUnit::Fraction,
            item(NetIncome) / item(TotalAssets),
            none,
            SEED_004,
        ),
        define(
            "return_on_equity",
            "return on equity",
            Group::Profitability,
            RatioUnit::Fraction,
            item(NetIncome) / item(Equity),
            equity_positive,
            SEED_004,
        ),
        define(
            "operating_margin",
            "operating margin",
            Group::Profitability,
            RatioUnit::Fraction,
            item(OperatingResult) / item(Revenue),
            none,
            STANDARD,
        ),
        define(
            "gross_margin",
            "gross margin",
            Group::Profitability,
            RatioUnit::Fraction,
            (item(Revenue) - item(CostOfSales)) / item(Revenue),
            none,
            STANDARD,
        ),
        define(
            "classic_dupont_return_on_equity",
            "classic Du Pont return on equity",
            Group::Profitability,
            RatioUnit::Fraction,
            ratio("return_on_sales") * ratio("asset_turnover") * ratio("equity_multiplier"),
            equity_positive,
            "seed 004 (classic Du Pont: an identity)",
        ),
        define(
            "classic_dupont_check",
            "classic Du Pont product / return on equity",
            Group::Profitability,
            RatioUnit::Times,
            ratio("classic_dupont_return_on_equity") / ratio("return_on_equity"),
            equity_positive,
            "bilans: 1 where the classic identity holds",
        ),
        // Turnover, seed 004 Table 3, and turnover periods (standard).
        define(
            "asset_turnover",
            "asset turnover",
            Group::Turnover,
            RatioUnit::Times,
            item(Revenue) / item(TotalAssets),
            none,
            SEED_004,
        ),
        define(
            "current_asset_turnover",
            "current asset turnover",
            Group::Turnover,
            RatioUnit::Times,
            item(Revenue) / item(CurrentAssets),
            none,
            SEED_004,
        ),
        define(
            "inventory_days",
            "inventory turnover period in days",
            Group::Turnover,
            RatioUnit::Days,
            item(Inventories) * days() / item(CostOfSales),
            none,
            STANDARD,
        ),
        define(
            "receivables_days",
            "receivables turnover period in days",
            Group::Turnover,
            RatioUnit::Days,
            item(Receivables) * days() / item(Revenue),
            none,
            STANDARD,
        ),
        define(
            "payables_days",
            "payables turnover period in days",
            Group::Turnover,
            RatioUnit::Days,
            item(TradePayables) * days() / item(CostOfSales),
            none,
            STANDARD,
        ),
        define(
            "operating_cycle_days",
            "operating cycle in days",
            Group::Turnover,
            RatioUnit::Days,
            ratio("inventory_days") + ratio("receivables_days"),
            none,
            STANDARD,
        ),
        define(
            "cash_conversion_cycle_days",
            "cash conversion cycle in days",
            Group::Turnover,
            RatioUnit::Days,
            ratio("inventory_days") + ratio("receivables_days") - ratio("payables_days"),
            none,
            STANDARD,
        ),
        // Structure, seed 004 Table 3, and standard debt ratios.
        define(
            "equity_multiplier",
            "equity multiplier",
            Group::Structure,
            RatioUnit::Times,
            item(TotalAssets) / item(Equity),
            equity_positive,
            SEED_004,
        ),
        define(
            "current_liabilities_to_assets",
            "current liabilities to total assets",
            Group::Structure,
            RatioUnit::Fraction,
            item(CurrentLiabilities) / item(TotalAssets),
            none,
            SEED_004,
        ),
        define(
            "equity_ratio",
            "equity ratio",
            Group::Structure,
            RatioUnit::Fraction,
            item(Equity) / item(TotalAssets),
            none,
            STANDARD,
        ),
        define(
            "debt_ratio",
            "debt ratio",
            Group::Structure,
            RatioUnit::Fraction,
            (item(LongTermLiabilities) + item(CurrentLiabilities)) / item(TotalAssets),
            none,
            STANDARD,
        ),
        define(
            "debt_to_equity",
            "debt to equity",
            Group::Structure,
            RatioUnit::Times,
            (item(LongTermLiabilities) + item(CurrentLiabilities)) / item(Equity),
            equity_positive,
            STANDARD,
        ),
        // The modified Du Pont model, seed 004 Tables 5-7.
        define(
            "current_assets_to_assets",
            "current assets to total assets",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            item(CurrentAssets) / item(TotalAssets),
            none,
            SEED_004,
        ),
        define(
            "asset_to_current_asset_turnover",
            "asset turnover to current asset turnover (OA/OAb)",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            ratio("asset_turnover") / ratio("current_asset_turnover"),
            none,
            "seed 004 (OA/OAb as the paper writes it; equals current assets / total assets)",
        ),
        define(
            "fixed_assets_to_sales",
            "fixed assets to sales",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            (item(TotalAssets) - item(CurrentAssets)) / item(Revenue),
            none,
            SEED_004,
        ),
        define(
            "receivables_to_sales",
            "receivables to sales",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            item(Receivables) / item(Revenue),
            none,
            SEED_004,
        ),
        define(
            "inventories_to_sales",
            "inventories to sales",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            item(Inventories) / item(Revenue),
            none,
            SEED_004,
        ),
        define(
            "other_current_assets_to_sales",
            "other current assets to sales",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            item(OtherCurrentAssets) / item(Revenue),
            none,
            SEED_004,
        ),
        define(
            "cash_to_sales",
            "cash to sales",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            item(CashAndEquivalents) / item(Revenue),
            none,
            "seed 004 extended: cash reported apart from other current assets",
        ),
        define(
            "modified_return_on_equity",
            "modified Du Pont return on equity",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            ratio("return_on_sales") * ratio("current_ratio") * ratio("equity_multiplier"),
            equity_positive,
            "seed 004 (Kowalczyk & Kusak: ROE = ROS × WBP × MN, not an identity)",
        ),
        define(
            "modified_return_on_assets",
            "modified Du Pont return on assets",
            Group::ModifiedDuPont,
            RatioUnit::Fraction,
            ratio("return_on_sales") * ratio("current_ratio"),
            none,
            "seed 004 (the modified model without the equity multiplier: ROS × WBP)",
        ),
        define(
            "modified_residual_factor",
            "modified-to-classic ROE factor",
            Group::ModifiedDuPont,
            RatioUnit::Times,
            item(CurrentAssets) / item(Revenue) * (item(TotalAssets) / item(CurrentLiabilities)),
            none,
            "bilans: ROE_mod / ROE = (AO/S) × (A/ZB), derived analytically",
        ),
        define(
            "modified_to_classic_return_on_equity",
            "modified ROE / traditional ROE",
            Group::ModifiedDuPont,
            RatioUnit::Times,
            ratio("modified_return_on_equity") / ratio("return_on_equity"),
            equity_positive,
            "bilans: the observed ratio that the residual factor explains",
        ),
        define(
            "modified_current_ratio",
            "modified Du Pont current ratio",
            Group::ModifiedDuPont,
            RatioUnit::Times,
            (ratio("receivables_to_sales")
                + ratio("inventories_to_sales")
                + Expr::sum_of_present(vec![
                    ratio("other_current_assets_to_sales"),
                    ratio("cash_to_sales"),
                ]))
                * ratio("asset_turnover")
                / ratio("current_liabilities_to_assets"),
            none,
            SEED_004,
        ),
        define(
            "modified_quick_ratio",
            "modified Du Pont quick ratio",
            Group::ModifiedDuPont,
            RatioUnit::Times,
            (ratio("receivables_to_sales")
                + Expr::sum_of_present(vec![
                    ratio("other_current_assets_to_sales"),
                    ratio("cash_to_sales"),
                ]))
                * ratio("asset_turnover")
                / ratio("current_liabilities_to_assets"),
            none,
            SEED_004,
        ),
        define(
            "modified_immediate_liquidity_ratio",
            "modified Du Pont immediate liquidity ratio",
            Group::ModifiedDuPont,
            RatioUnit::Times,
            Expr::sum_of_present(vec![
                ratio("other_current_assets_to_sales"),
                ratio("cash_to_sales"),
            ]) * ratio("asset_turnover")
                / ratio("current_liabilities_to_assets"),
            none,
            SEED_004,
        ),
        // Working capital.
        define(
            "working_capital",
            "working capital",
            Group::WorkingCapital,
            RatioUnit::Amount,
            item(CurrentAssets) - item(CurrentLiabilities),
            none,
            STANDARD,
        ),
        // Working-capital management, seed 002 (its formulas were images: the
        // definitions below are the standard ones, see docs/working_capital.md).
        define(
            "financial_operating_needs_broad",
            "financial-operating needs, broad (FEP)",
            Group::WorkingCapital,
            RatioUnit::Amount,
            ratio("working_capital"),
            none,
            "seed 002 (standard: current assets - current liabilities, i.e. working capital)",
        ),
        define(
            "financial_operating_needs_narrow",
            "financial-operating needs, narrow (FEP)",
            Group::WorkingCapital,
            RatioUnit::Amount,
            item(Inventories) + item(Receivables) - item(TradePayables),
            none,
            "seed 002 (standard: inventories + receivables - trade payables)",
        ),
        define(
            "financial_operating_needs_broad_to_revenue",
            "broad FEP to revenue",
            Group::WorkingCapital,
            RatioUnit::Fraction,
            ratio("financial_operating_needs_broad") / item(Revenue),
            none,
            "seed 002 (standard: FEP / annual revenue; the seed prints it × 100 as %)",
        ),
        define(
            "financial_operating_needs_broad_days",
            "broad FEP in days of revenue",
            Group::WorkingCapital,
            RatioUnit::Days,
            ratio("financial_operating_needs_broad_to_revenue") * days(),
            none,
            "seed 002 (standard: FEP share of revenue × days in year; 50 % = 180 days)",
        ),
        define(
            "financial_operating_needs_narrow_to_revenue",
            "narrow FEP to revenue",
            Group::WorkingCapital,
            RatioUnit::Fraction,
            ratio("financial_operating_needs_narrow") / item(Revenue),
            none,
            "seed 002 (standard: FEP / annual revenue; the seed prints it × 100 as %)",
        ),
        define(
            "financial_operating_needs_narrow_days",
            "narrow FEP in days of revenue",
            Group::WorkingCapital,
            RatioUnit::Days,
            ratio("financial_operating_needs_narrow_to_revenue") * days(),
            none,
            "seed 002 (standard: FEP share of revenue × days in year; 50 % = 180 days)",
        ),
        define(
            "economic_return_on_assets",
            "economic return on assets",
            Group::WorkingCapital,
            RatioUnit::Fraction,
            item(OperatingResult) / item(TotalAssets),
            none,
            "seed 002 Table 7 (net result of operating investments / total assets; the operating result stands in for that net result)",
        ),
        define(
            "short_term_debt_to_total_assets",
            "short-term credit to total liabilities and equity",
            Group::WorkingCapital,
            RatioUnit::Fraction,
            item(ShortTermDebt) / item(TotalAssets),
            none,
            "seed 002 (share of short-term credit in all liabilities; the balance-sheet total is taken from the assets side)",
        ),
        define(
            "payables_days_express",
            "payables period, US express approximation",
            Group::WorkingCapital,
            RatioUnit::Days,
            item(TradePayables) / (item(Revenue) / days() / Expr::constant(2)),
            none,
            "seed 002 (trade payables / (half of average daily revenue))",
        ),
    ]
}
