//! The ratio catalogue: every ratio bilans computes, each defined once.
//!
//! The definitions follow seed 004 (Bereźnicka & Franc-Dąbrowska) where it defines a
//! ratio, and the standard textbook definitions elsewhere; `source` says which.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::{LazyLock, OnceLock};

use bilans_model::{LineItem, Period};
use serde::Serialize;

use crate::NotComputable;
use crate::expr::{CellRefs, EvalConfig, Expr};
use crate::id::RatioId;

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
    /// The ratio's typed id; its name (`return_on_equity`) is stable.
    pub id: RatioId,
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

/// The ratio named `name` (`return_on_equity`), if any: for names given by users; code
/// refers to ratios by their typed id ([`RatioId::ratio`]).
pub fn find(name: &str) -> Option<&'static Ratio> {
    INDEX.get(name).map(|index| &CATALOGUE[*index])
}

impl RatioId {
    /// The ratio this id names.
    pub fn ratio(self) -> &'static Ratio {
        &CATALOGUE[self.index()]
    }
}

impl FromStr for RatioId {
    type Err = NotComputable;

    fn from_str(name: &str) -> Result<RatioId, NotComputable> {
        find(name)
            .map(|ratio| ratio.id)
            .ok_or_else(|| NotComputable::UnknownRatio {
                id: name.to_owned(),
            })
    }
}

static INDEX: LazyLock<BTreeMap<&'static str, usize>> = LazyLock::new(|| {
    CATALOGUE
        .iter()
        .enumerate()
        .map(|(index, ratio)| (ratio.id.name(), index))
        .collect()
});

static CATALOGUE: LazyLock<Vec<Ratio>> = LazyLock::new(build);

const SEED_004: &str = "seed 004";
const STANDARD: &str = "standard";

/// Short names for the table's expressions.
type R = RatioId;

fn item(item: LineItem) -> Expr {
    Expr::Item(item)
}

fn ratio(id: RatioId) -> Expr {
    Expr::Ratio(id)
}

fn days() -> Expr {
    Expr::DaysInYear
}

/// Defines the [`RatioId`] constants, [`RatioId::ALL`] and the catalogue from one list
/// of entries: a new ratio is one entry.
macro_rules! ratios {
    ($(
        $(#[doc = $doc:literal])*
        $constant:ident = $id:literal {
            name: $name:literal, group: $group:ident, unit: $unit:ident,
            positive: [$($positive:ident),* $(,)?], source: $source:expr,
            expr: $expr:expr $(,)?
        }
    )*) => {
        /// Catalogue positions, in entry order.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u16)]
        enum Position {
            $($constant,)*
        }

        impl RatioId {
            $(
                #[doc = concat!("`", $id, "`: ", $name, ".")]
                pub const $constant: RatioId = RatioId::new(Position::$constant as u16, $id, $name);
            )*

            /// Every ratio, in catalogue (report) order.
            pub const ALL: [RatioId; [$($id),*].len()] = [$(RatioId::$constant),*];
        }

        fn build() -> Vec<Ratio> {
            use LineItem::*;
            vec![$(
                Ratio {
                    id: RatioId::$constant,
                    name: $name,
                    group: Group::$group,
                    unit: RatioUnit::$unit,
                    expr: $expr,
                    requires_positive: &[$($positive),*],
                    source: $source,
                    text: OnceLock::new(),
                },
            )*]
        }
    };
}

ratios! {
    // Liquidity, seed 004 Table 2.
    CURRENT_RATIO = "current_ratio" {
        name: "current ratio", group: Liquidity, unit: Times,
        positive: [], source: SEED_004,
        expr: item(CurrentAssets) / item(CurrentLiabilities),
    }
    QUICK_RATIO = "quick_ratio" {
        name: "quick ratio", group: Liquidity, unit: Times,
        positive: [], source: SEED_004,
        expr: (item(CurrentAssets) - item(Inventories)) / item(CurrentLiabilities),
    }
    IMMEDIATE_LIQUIDITY_RATIO = "immediate_liquidity_ratio" {
        name: "immediate liquidity ratio (seed 004)", group: Liquidity, unit: Times,
        positive: [], source: "seed 004 (no cash line there: other current assets, which include cash, stand in for cash)",
        expr: Expr::sum_of_present(vec![item(OtherCurrentAssets), item(CashAndEquivalents)]) / item(CurrentLiabilities),
    }
    CASH_RATIO = "cash_ratio" {
        name: "cash ratio", group: Liquidity, unit: Times,
        positive: [], source: STANDARD,
        expr: item(CashAndEquivalents) / item(CurrentLiabilities),
    }
    // Profitability, seed 004 Tables 3 and 4.
    RETURN_ON_SALES = "return_on_sales" {
        name: "return on sales", group: Profitability, unit: Fraction,
        positive: [], source: SEED_004,
        expr: item(NetIncome) / item(Revenue),
    }
    RETURN_ON_ASSETS = "return_on_assets" {
        name: "return on assets", group: Profitability, unit: Fraction,
        positive: [], source: SEED_004,
        expr: item(NetIncome) / item(TotalAssets),
    }
    RETURN_ON_EQUITY = "return_on_equity" {
        name: "return on equity", group: Profitability, unit: Fraction,
        positive: [Equity], source: SEED_004,
        expr: item(NetIncome) / item(Equity),
    }
    OPERATING_MARGIN = "operating_margin" {
        name: "operating margin", group: Profitability, unit: Fraction,
        positive: [], source: STANDARD,
        expr: item(OperatingResult) / item(Revenue),
    }
    GROSS_MARGIN = "gross_margin" {
        name: "gross margin", group: Profitability, unit: Fraction,
        positive: [], source: STANDARD,
        expr: (item(Revenue) - item(CostOfSales)) / item(Revenue),
    }
    CLASSIC_DUPONT_RETURN_ON_EQUITY = "classic_dupont_return_on_equity" {
        name: "classic Du Pont return on equity", group: Profitability, unit: Fraction,
        positive: [Equity], source: "seed 004 (classic Du Pont: an identity)",
        expr: ratio(R::RETURN_ON_SALES) * ratio(R::ASSET_TURNOVER) * ratio(R::EQUITY_MULTIPLIER),
    }
    CLASSIC_DUPONT_CHECK = "classic_dupont_check" {
        name: "classic Du Pont product / return on equity", group: Profitability, unit: Times,
        positive: [Equity], source: "bilans: 1 where the classic identity holds",
        expr: ratio(R::CLASSIC_DUPONT_RETURN_ON_EQUITY) / ratio(R::RETURN_ON_EQUITY),
    }
    // Turnover, seed 004 Table 3, and turnover periods (standard).
    ASSET_TURNOVER = "asset_turnover" {
        name: "asset turnover", group: Turnover, unit: Times,
        positive: [], source: SEED_004,
        expr: item(Revenue) / item(TotalAssets),
    }
    CURRENT_ASSET_TURNOVER = "current_asset_turnover" {
        name: "current asset turnover", group: Turnover, unit: Times,
        positive: [], source: SEED_004,
        expr: item(Revenue) / item(CurrentAssets),
    }
    INVENTORY_DAYS = "inventory_days" {
        name: "inventory turnover period in days", group: Turnover, unit: Days,
        positive: [], source: STANDARD,
        expr: item(Inventories) * days() / item(CostOfSales),
    }
    RECEIVABLES_DAYS = "receivables_days" {
        name: "receivables turnover period in days", group: Turnover, unit: Days,
        positive: [], source: STANDARD,
        expr: item(Receivables) * days() / item(Revenue),
    }
    PAYABLES_DAYS = "payables_days" {
        name: "payables turnover period in days", group: Turnover, unit: Days,
        positive: [], source: STANDARD,
        expr: item(TradePayables) * days() / item(CostOfSales),
    }
    OPERATING_CYCLE_DAYS = "operating_cycle_days" {
        name: "operating cycle in days", group: Turnover, unit: Days,
        positive: [], source: STANDARD,
        expr: ratio(R::INVENTORY_DAYS) + ratio(R::RECEIVABLES_DAYS),
    }
    CASH_CONVERSION_CYCLE_DAYS = "cash_conversion_cycle_days" {
        name: "cash conversion cycle in days", group: Turnover, unit: Days,
        positive: [], source: STANDARD,
        expr: ratio(R::INVENTORY_DAYS) + ratio(R::RECEIVABLES_DAYS) - ratio(R::PAYABLES_DAYS),
    }
    // Structure, seed 004 Table 3, and standard debt ratios.
    EQUITY_MULTIPLIER = "equity_multiplier" {
        name: "equity multiplier", group: Structure, unit: Times,
        positive: [Equity], source: SEED_004,
        expr: item(TotalAssets) / item(Equity),
    }
    CURRENT_LIABILITIES_TO_ASSETS = "current_liabilities_to_assets" {
        name: "current liabilities to total assets", group: Structure, unit: Fraction,
        positive: [], source: SEED_004,
        expr: item(CurrentLiabilities) / item(TotalAssets),
    }
    EQUITY_RATIO = "equity_ratio" {
        name: "equity ratio", group: Structure, unit: Fraction,
        positive: [], source: STANDARD,
        expr: item(Equity) / item(TotalAssets),
    }
    DEBT_RATIO = "debt_ratio" {
        name: "debt ratio", group: Structure, unit: Fraction,
        positive: [], source: STANDARD,
        expr: (item(LongTermLiabilities) + item(CurrentLiabilities)) / item(TotalAssets),
    }
    DEBT_TO_EQUITY = "debt_to_equity" {
        name: "debt to equity", group: Structure, unit: Times,
        positive: [Equity], source: STANDARD,
        expr: (item(LongTermLiabilities) + item(CurrentLiabilities)) / item(Equity),
    }
    // The modified Du Pont model, seed 004 Tables 5-7.
    CURRENT_ASSETS_TO_ASSETS = "current_assets_to_assets" {
        name: "current assets to total assets", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: SEED_004,
        expr: item(CurrentAssets) / item(TotalAssets),
    }
    ASSET_TO_CURRENT_ASSET_TURNOVER = "asset_to_current_asset_turnover" {
        name: "asset turnover to current asset turnover (OA/OAb)", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: "seed 004 (OA/OAb as the paper writes it; equals current assets / total assets)",
        expr: ratio(R::ASSET_TURNOVER) / ratio(R::CURRENT_ASSET_TURNOVER),
    }
    FIXED_ASSETS_TO_SALES = "fixed_assets_to_sales" {
        name: "fixed assets to sales", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: SEED_004,
        expr: (item(TotalAssets) - item(CurrentAssets)) / item(Revenue),
    }
    RECEIVABLES_TO_SALES = "receivables_to_sales" {
        name: "receivables to sales", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: SEED_004,
        expr: item(Receivables) / item(Revenue),
    }
    INVENTORIES_TO_SALES = "inventories_to_sales" {
        name: "inventories to sales", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: SEED_004,
        expr: item(Inventories) / item(Revenue),
    }
    OTHER_CURRENT_ASSETS_TO_SALES = "other_current_assets_to_sales" {
        name: "other current assets to sales", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: SEED_004,
        expr: item(OtherCurrentAssets) / item(Revenue),
    }
    CASH_TO_SALES = "cash_to_sales" {
        name: "cash to sales", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: "seed 004 extended: cash reported apart from other current assets",
        expr: item(CashAndEquivalents) / item(Revenue),
    }
    MODIFIED_RETURN_ON_EQUITY = "modified_return_on_equity" {
        name: "modified Du Pont return on equity", group: ModifiedDuPont, unit: Fraction,
        positive: [Equity], source: "seed 004 (Kowalczyk & Kusak: ROE = ROS × WBP × MN, not an identity)",
        expr: ratio(R::RETURN_ON_SALES) * ratio(R::CURRENT_RATIO) * ratio(R::EQUITY_MULTIPLIER),
    }
    MODIFIED_RETURN_ON_ASSETS = "modified_return_on_assets" {
        name: "modified Du Pont return on assets", group: ModifiedDuPont, unit: Fraction,
        positive: [], source: "seed 004 (the modified model without the equity multiplier: ROS × WBP)",
        expr: ratio(R::RETURN_ON_SALES) * ratio(R::CURRENT_RATIO),
    }
    MODIFIED_RESIDUAL_FACTOR = "modified_residual_factor" {
        name: "modified-to-classic ROE factor", group: ModifiedDuPont, unit: Times,
        positive: [], source: "bilans: ROE_mod / ROE = (AO/S) × (A/ZB), derived analytically",
        expr: item(CurrentAssets) / item(Revenue) * (item(TotalAssets) / item(CurrentLiabilities)),
    }
    MODIFIED_TO_CLASSIC_RETURN_ON_EQUITY = "modified_to_classic_return_on_equity" {
        name: "modified ROE / traditional ROE", group: ModifiedDuPont, unit: Times,
        positive: [Equity], source: "bilans: the observed ratio that the residual factor explains",
        expr: ratio(R::MODIFIED_RETURN_ON_EQUITY) / ratio(R::RETURN_ON_EQUITY),
    }
    MODIFIED_CURRENT_RATIO = "modified_current_ratio" {
        name: "modified Du Pont current ratio", group: ModifiedDuPont, unit: Times,
        positive: [], source: SEED_004,
        expr: (ratio(R::RECEIVABLES_TO_SALES) + ratio(R::INVENTORIES_TO_SALES) + Expr::sum_of_present(vec![ ratio(R::OTHER_CURRENT_ASSETS_TO_SALES), ratio(R::CASH_TO_SALES), ])) * ratio(R::ASSET_TURNOVER) / ratio(R::CURRENT_LIABILITIES_TO_ASSETS),
    }
    MODIFIED_QUICK_RATIO = "modified_quick_ratio" {
        name: "modified Du Pont quick ratio", group: ModifiedDuPont, unit: Times,
        positive: [], source: SEED_004,
        expr: (ratio(R::RECEIVABLES_TO_SALES) + Expr::sum_of_present(vec![ ratio(R::OTHER_CURRENT_ASSETS_TO_SALES), ratio(R::CASH_TO_SALES), ])) * ratio(R::ASSET_TURNOVER) / ratio(R::CURRENT_LIABILITIES_TO_ASSETS),
    }
    MODIFIED_IMMEDIATE_LIQUIDITY_RATIO = "modified_immediate_liquidity_ratio" {
        name: "modified Du Pont immediate liquidity ratio", group: ModifiedDuPont, unit: Times,
        positive: [], source: SEED_004,
        expr: Expr::sum_of_present(vec![ ratio(R::OTHER_CURRENT_ASSETS_TO_SALES), ratio(R::CASH_TO_SALES), ]) * ratio(R::ASSET_TURNOVER) / ratio(R::CURRENT_LIABILITIES_TO_ASSETS),
    }
    // Working capital.
    WORKING_CAPITAL = "working_capital" {
        name: "working capital", group: WorkingCapital, unit: Amount,
        positive: [], source: STANDARD,
        expr: item(CurrentAssets) - item(CurrentLiabilities),
    }
    // Working-capital management, seed 002 (its formulas were images: the
    // definitions below are the standard ones, see docs/working_capital.md).
    FINANCIAL_OPERATING_NEEDS_BROAD = "financial_operating_needs_broad" {
        name: "financial-operating needs, broad (FEP)", group: WorkingCapital, unit: Amount,
        positive: [], source: "seed 002 (standard: current assets - current liabilities, i.e. working capital)",
        expr: ratio(R::WORKING_CAPITAL),
    }
    FINANCIAL_OPERATING_NEEDS_NARROW = "financial_operating_needs_narrow" {
        name: "financial-operating needs, narrow (FEP)", group: WorkingCapital, unit: Amount,
        positive: [], source: "seed 002 (standard: inventories + receivables - trade payables)",
        expr: item(Inventories) + item(Receivables) - item(TradePayables),
    }
    FINANCIAL_OPERATING_NEEDS_BROAD_TO_REVENUE = "financial_operating_needs_broad_to_revenue" {
        name: "broad FEP to revenue", group: WorkingCapital, unit: Fraction,
        positive: [], source: "seed 002 (standard: FEP / annual revenue; the seed prints it × 100 as %)",
        expr: ratio(R::FINANCIAL_OPERATING_NEEDS_BROAD) / item(Revenue),
    }
    FINANCIAL_OPERATING_NEEDS_BROAD_DAYS = "financial_operating_needs_broad_days" {
        name: "broad FEP in days of revenue", group: WorkingCapital, unit: Days,
        positive: [], source: "seed 002 (standard: FEP share of revenue × days in year; 50 % = 180 days)",
        expr: ratio(R::FINANCIAL_OPERATING_NEEDS_BROAD_TO_REVENUE) * days(),
    }
    FINANCIAL_OPERATING_NEEDS_NARROW_TO_REVENUE = "financial_operating_needs_narrow_to_revenue" {
        name: "narrow FEP to revenue", group: WorkingCapital, unit: Fraction,
        positive: [], source: "seed 002 (standard: FEP / annual revenue; the seed prints it × 100 as %)",
        expr: ratio(R::FINANCIAL_OPERATING_NEEDS_NARROW) / item(Revenue),
    }
    FINANCIAL_OPERATING_NEEDS_NARROW_DAYS = "financial_operating_needs_narrow_days" {
        name: "narrow FEP in days of revenue", group: WorkingCapital, unit: Days,
        positive: [], source: "seed 002 (standard: FEP share of revenue × days in year; 50 % = 180 days)",
        expr: ratio(R::FINANCIAL_OPERATING_NEEDS_NARROW_TO_REVENUE) * days(),
    }
    ECONOMIC_RETURN_ON_ASSETS = "economic_return_on_assets" {
        name: "economic return on assets", group: WorkingCapital, unit: Fraction,
        positive: [], source: "seed 002 Table 7 (net result of operating investments / total assets; the operating result stands in for that net result)",
        expr: item(OperatingResult) / item(TotalAssets),
    }
    SHORT_TERM_DEBT_TO_TOTAL_ASSETS = "short_term_debt_to_total_assets" {
        name: "short-term credit to total liabilities and equity", group: WorkingCapital, unit: Fraction,
        positive: [], source: "seed 002 (share of short-term credit in all liabilities; the balance-sheet total is taken from the assets side)",
        expr: item(ShortTermDebt) / item(TotalAssets),
    }
    PAYABLES_DAYS_EXPRESS = "payables_days_express" {
        name: "payables period, US express approximation", group: WorkingCapital, unit: Days,
        positive: [], source: "seed 002 (trade payables / (half of average daily revenue))",
        expr: item(TradePayables) / (item(Revenue) / days() / Expr::constant(2)),
    }
}
