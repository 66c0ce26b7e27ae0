//! The ratio catalogue: every ratio bilans computes, each defined once.
//!
//! The definitions follow seed 004 (Bereźnicka & Franc-Dąbrowska) where it defines a
//! ratio, and the standard textbook definitions elsewhere; `source` says which.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::{LazyLock, OnceLock};

use bilans_model::{Lang, LineItem, Period};
use serde::Serialize;

use crate::NotComputable;
use crate::expr::{CellRefs, EvalConfig, Expr};
use crate::id::RatioId;
use crate::lang::text;

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
    /// Amounts derived from the statements (EBIT, EBITDA, debt, free cash flow), each
    /// one expression like a ratio.
    Amounts,
    /// Interest and debt coverage, and solvency on total liabilities.
    Solvency,
    /// Ratios on the cash-flow statement.
    CashFlow,
    /// Valuation: needs the market capitalisation (market data, an optional input).
    Valuation,
}

impl Group {
    /// A readable name, in English.
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// The name in `lang`, e.g. `Płynność`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Group::Liquidity => "group.liquidity",
            Group::Profitability => "group.profitability",
            Group::Turnover => "group.turnover",
            Group::Structure => "group.structure",
            Group::ModifiedDuPont => "group.modified_du_pont",
            Group::WorkingCapital => "group.working_capital",
            Group::Amounts => "group.amounts",
            Group::Solvency => "group.solvency",
            Group::CashFlow => "group.cash_flow",
            Group::Valuation => "group.valuation",
        };
        text(lang, key)
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

impl RatioUnit {
    /// Every unit, in declaration order.
    pub const ALL: [RatioUnit; 4] = [
        RatioUnit::Times,
        RatioUnit::Fraction,
        RatioUnit::Days,
        RatioUnit::Amount,
    ];
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

    /// The name in `lang` (the catalogue's `name` in English).
    pub fn name_in(&self, lang: Lang) -> &'static str {
        self.id.label_in(lang)
    }

    /// The definition as readable text in `lang`, with the items' and ratios' names in
    /// that language.
    pub fn formula_text_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.formula_text().to_owned(),
            _ => self.expr.to_text_in(lang),
        }
    }

    /// Where the definition comes from, in `lang`: in English the catalogue's full
    /// note; in another language the kind of source (seed 004, seed 002, a standard
    /// textbook definition, the five-factor Du Pont model, a check of bilans), as the
    /// notes themselves are English prose.
    pub fn source_in(&self, lang: Lang) -> &'static str {
        if lang == Lang::En {
            return self.source;
        }
        text(lang, source_kind_key(self.source))
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
        let mut formula = String::new();
        self.write_excel_formula(&mut formula, period, config, cells)?;
        Ok(formula)
    }

    /// [`Ratio::excel_formula`] written into `formula` (cleared first), which a caller
    /// rendering many formulas reuses.
    ///
    /// # Errors
    ///
    /// As [`Expr::to_excel`]; `formula` then holds a part of the formula.
    pub fn write_excel_formula(
        &self,
        formula: &mut String,
        period: Period,
        config: &EvalConfig,
        cells: &dyn CellRefs,
    ) -> Result<(), NotComputable> {
        formula.clear();
        formula.push('=');
        self.expr.write_excel_to(formula, period, config, cells)
    }
}

/// The message key of a source note's kind, read from how the note starts (every note
/// starts with one of them: a test checks it).
fn source_kind_key(source: &str) -> &'static str {
    const KINDS: [(&str, &str); 5] = [
        ("seed 004", "source.seed_004"),
        ("seed 002", "source.seed_002"),
        ("standard", "source.standard"),
        ("five-factor Du Pont", "source.five_factor"),
        ("bilans", "source.bilans"),
    ];
    KINDS
        .iter()
        .find(|(start, _)| source.starts_with(start))
        .map_or("source.unknown", |(_, key)| key)
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
    Expr::DaysInPeriod
}

/// Interest expense, else the financial costs that the Ukrainian form (2250) and some
/// statements print instead of an interest line.
fn interest() -> Expr {
    Expr::first_present(vec![
        Expr::Item(LineItem::InterestExpense),
        Expr::Item(LineItem::FinancialCosts),
    ])
}

/// Receivables, else the trade receivables that US GAAP balance sheets print
/// (`Accounts receivable, net`) without a total of receivables.
fn receivables() -> Expr {
    Expr::first_present(vec![
        Expr::Item(LineItem::Receivables),
        Expr::Item(LineItem::TradeReceivables),
    ])
}

const EBIT_SOURCE: &str = "standard: earnings before interest and taxes taken as profit before tax + interest expense (computable on every national form: the Russian form prints no operating result, and the operating result leaves out financial and other income)";

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
        expr: receivables() * days() / item(Revenue),
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
    // Derived amounts: each defined once, used by the ratios below.
    EBIT = "ebit" {
        name: "EBIT", group: Amounts, unit: Amount,
        positive: [], source: EBIT_SOURCE,
        expr: item(ProfitBeforeTax) + interest(),
    }
    EBITDA = "ebitda" {
        name: "EBITDA", group: Amounts, unit: Amount,
        positive: [], source: "standard: EBIT + depreciation and amortisation",
        expr: ratio(R::EBIT) + item(DepreciationAndAmortisation),
    }
    TOTAL_DEBT = "total_debt" {
        name: "total debt", group: Amounts, unit: Amount,
        positive: [], source: "standard: interest-bearing borrowings (long-term, short-term and the current portion of long-term debt, where present)",
        expr: Expr::sum_of_present(vec![item(LongTermDebt), item(ShortTermDebt), item(CurrentPortionOfLongTermDebt)]),
    }
    NET_DEBT = "net_debt" {
        name: "net debt", group: Amounts, unit: Amount,
        positive: [], source: "standard: total debt - cash and cash equivalents",
        expr: ratio(R::TOTAL_DEBT) - item(CashAndEquivalents),
    }
    TOTAL_LIABILITIES = "total_liabilities" {
        name: "total liabilities", group: Amounts, unit: Amount,
        positive: [], source: "standard: the statement's total liabilities, else total equity and liabilities - equity (the Russian and Ukrainian forms print no total), else long-term + current liabilities (which leaves out provisions and accruals shown apart, as the Polish form does)",
        expr: Expr::first_present(vec![item(TotalLiabilities), item(TotalEquityAndLiabilities) - item(Equity), item(LongTermLiabilities) + item(CurrentLiabilities)]),
    }
    CAPITAL_EMPLOYED = "capital_employed" {
        name: "capital employed", group: Amounts, unit: Amount,
        positive: [], source: "standard: total assets - current liabilities",
        expr: item(TotalAssets) - item(CurrentLiabilities),
    }
    FREE_CASH_FLOW = "free_cash_flow" {
        name: "free cash flow", group: Amounts, unit: Amount,
        positive: [], source: "standard: operating cash flow - capital expenditure",
        expr: item(OperatingCashFlow) - item(CapitalExpenditure),
    }
    // Profitability on the full income statement, and the five-factor Du Pont.
    EBIT_MARGIN = "ebit_margin" {
        name: "EBIT margin", group: Profitability, unit: Fraction,
        positive: [], source: STANDARD,
        expr: ratio(R::EBIT) / item(Revenue),
    }
    EBITDA_MARGIN = "ebitda_margin" {
        name: "EBITDA margin", group: Profitability, unit: Fraction,
        positive: [], source: STANDARD,
        expr: ratio(R::EBITDA) / item(Revenue),
    }
    PRETAX_MARGIN = "pretax_margin" {
        name: "profit before tax to revenue", group: Profitability, unit: Fraction,
        positive: [], source: STANDARD,
        expr: item(ProfitBeforeTax) / item(Revenue),
    }
    EFFECTIVE_TAX_RATE = "effective_tax_rate" {
        name: "effective tax rate", group: Profitability, unit: Fraction,
        positive: [ProfitBeforeTax], source: "standard: income tax / profit before tax (not meaningful for a loss)",
        expr: item(IncomeTax) / item(ProfitBeforeTax),
    }
    RETURN_ON_CAPITAL_EMPLOYED = "return_on_capital_employed" {
        name: "return on capital employed", group: Profitability, unit: Fraction,
        positive: [], source: "standard: EBIT / (total assets - current liabilities)",
        expr: ratio(R::EBIT) / ratio(R::CAPITAL_EMPLOYED),
    }
    RETURN_ON_INVESTED_CAPITAL = "return_on_invested_capital" {
        name: "return on invested capital", group: Profitability, unit: Fraction,
        positive: [Equity, ProfitBeforeTax], source: "standard: EBIT × (1 - effective tax rate) / (equity + total debt)",
        expr: ratio(R::EBIT) * (Expr::constant(1) - ratio(R::EFFECTIVE_TAX_RATE)) / (item(Equity) + ratio(R::TOTAL_DEBT)),
    }
    TAX_BURDEN = "tax_burden" {
        name: "tax burden", group: Profitability, unit: Fraction,
        positive: [], source: "five-factor Du Pont: net income / profit before tax",
        expr: item(NetIncome) / item(ProfitBeforeTax),
    }
    INTEREST_BURDEN = "interest_burden" {
        name: "interest burden", group: Profitability, unit: Fraction,
        positive: [], source: "five-factor Du Pont: profit before tax / EBIT",
        expr: item(ProfitBeforeTax) / ratio(R::EBIT),
    }
    FIVE_FACTOR_DUPONT_RETURN_ON_EQUITY = "five_factor_dupont_return_on_equity" {
        name: "five-factor Du Pont return on equity", group: Profitability, unit: Fraction,
        positive: [Equity], source: "five-factor Du Pont: tax burden × interest burden × EBIT margin × asset turnover × equity multiplier (an identity: equals net income / equity)",
        expr: ratio(R::TAX_BURDEN) * ratio(R::INTEREST_BURDEN) * ratio(R::EBIT_MARGIN) * ratio(R::ASSET_TURNOVER) * ratio(R::EQUITY_MULTIPLIER),
    }
    // Turnover rates (the periods in days are above).
    RECEIVABLES_TURNOVER = "receivables_turnover" {
        name: "receivables turnover", group: Turnover, unit: Times,
        positive: [], source: STANDARD,
        expr: item(Revenue) / receivables(),
    }
    INVENTORY_TURNOVER = "inventory_turnover" {
        name: "inventory turnover", group: Turnover, unit: Times,
        positive: [], source: STANDARD,
        expr: item(CostOfSales) / item(Inventories),
    }
    PAYABLES_TURNOVER = "payables_turnover" {
        name: "payables turnover", group: Turnover, unit: Times,
        positive: [], source: STANDARD,
        expr: item(CostOfSales) / item(TradePayables),
    }
    FIXED_ASSET_TURNOVER = "fixed_asset_turnover" {
        name: "fixed asset turnover", group: Turnover, unit: Times,
        positive: [], source: "standard: revenue / property, plant and equipment",
        expr: item(Revenue) / item(PropertyPlantAndEquipment),
    }
    SELLING_AND_ADMINISTRATIVE_TO_REVENUE = "selling_and_administrative_to_revenue" {
        name: "selling and administrative expenses to revenue", group: Turnover, unit: Fraction,
        positive: [], source: "standard: (SG&A, else selling + administrative expenses) / revenue",
        expr: Expr::first_present(vec![item(SellingGeneralAndAdministrative), item(SellingExpenses) + item(AdministrativeExpenses)]) / item(Revenue),
    }
    // Solvency and coverage.
    INTEREST_COVERAGE = "interest_coverage" {
        name: "interest coverage", group: Solvency, unit: Times,
        positive: [], source: "standard: EBIT / interest expense",
        expr: ratio(R::EBIT) / interest(),
    }
    DEBT_SERVICE_COVERAGE = "debt_service_coverage" {
        name: "debt service coverage", group: Solvency, unit: Times,
        positive: [], source: "standard: EBIT / (interest expense + debt due within a year, where present)",
        expr: ratio(R::EBIT) / (interest() + Expr::sum_of_present(vec![item(ShortTermDebt), item(CurrentPortionOfLongTermDebt)])),
    }
    DEBT_TO_ASSETS = "debt_to_assets" {
        name: "total debt to total assets", group: Solvency, unit: Fraction,
        positive: [], source: STANDARD,
        expr: ratio(R::TOTAL_DEBT) / item(TotalAssets),
    }
    DEBT_TO_EBITDA = "debt_to_ebitda" {
        name: "total debt to EBITDA", group: Solvency, unit: Times,
        positive: [], source: STANDARD,
        expr: ratio(R::TOTAL_DEBT) / ratio(R::EBITDA),
    }
    NET_DEBT_TO_EBITDA = "net_debt_to_ebitda" {
        name: "net debt to EBITDA", group: Solvency, unit: Times,
        positive: [], source: STANDARD,
        expr: ratio(R::NET_DEBT) / ratio(R::EBITDA),
    }
    NET_DEBT_TO_EQUITY = "net_debt_to_equity" {
        name: "net debt to equity", group: Solvency, unit: Times,
        positive: [Equity], source: STANDARD,
        expr: ratio(R::NET_DEBT) / item(Equity),
    }
    TOTAL_LIABILITIES_TO_EQUITY = "total_liabilities_to_equity" {
        name: "total liabilities to equity", group: Solvency, unit: Times,
        positive: [Equity], source: STANDARD,
        expr: ratio(R::TOTAL_LIABILITIES) / item(Equity),
    }
    TOTAL_LIABILITIES_TO_ASSETS = "total_liabilities_to_assets" {
        name: "total liabilities to total assets", group: Solvency, unit: Fraction,
        positive: [], source: STANDARD,
        expr: ratio(R::TOTAL_LIABILITIES) / item(TotalAssets),
    }
    RETAINED_EARNINGS_TO_ASSETS = "retained_earnings_to_assets" {
        name: "retained earnings to total assets", group: Solvency, unit: Fraction,
        positive: [], source: "standard (Altman's X2)",
        expr: item(RetainedEarnings) / item(TotalAssets),
    }
    // Cash flow.
    OPERATING_CASH_FLOW_RATIO = "operating_cash_flow_ratio" {
        name: "operating cash flow to current liabilities", group: CashFlow, unit: Times,
        positive: [], source: STANDARD,
        expr: item(OperatingCashFlow) / item(CurrentLiabilities),
    }
    OPERATING_CASH_FLOW_TO_TOTAL_LIABILITIES = "operating_cash_flow_to_total_liabilities" {
        name: "operating cash flow to total liabilities", group: CashFlow, unit: Times,
        positive: [], source: STANDARD,
        expr: item(OperatingCashFlow) / ratio(R::TOTAL_LIABILITIES),
    }
    OPERATING_CASH_FLOW_TO_REVENUE = "operating_cash_flow_to_revenue" {
        name: "operating cash flow to revenue", group: CashFlow, unit: Fraction,
        positive: [], source: STANDARD,
        expr: item(OperatingCashFlow) / item(Revenue),
    }
    OPERATING_CASH_FLOW_TO_NET_INCOME = "operating_cash_flow_to_net_income" {
        name: "operating cash flow to net income", group: CashFlow, unit: Times,
        positive: [NetIncome], source: "standard (quality of earnings; not meaningful for a loss)",
        expr: item(OperatingCashFlow) / item(NetIncome),
    }
    FREE_CASH_FLOW_TO_OPERATING_CASH_FLOW = "free_cash_flow_to_operating_cash_flow" {
        name: "free cash flow to operating cash flow", group: CashFlow, unit: Fraction,
        positive: [], source: STANDARD,
        expr: ratio(R::FREE_CASH_FLOW) / item(OperatingCashFlow),
    }
    CAPITAL_EXPENDITURE_COVERAGE = "capital_expenditure_coverage" {
        name: "capital expenditure coverage", group: CashFlow, unit: Times,
        positive: [], source: "standard: operating cash flow / capital expenditure",
        expr: item(OperatingCashFlow) / item(CapitalExpenditure),
    }
    DIVIDEND_AND_CAPEX_COVERAGE = "dividend_and_capex_coverage" {
        name: "dividend and capital expenditure coverage", group: CashFlow, unit: Times,
        positive: [], source: "standard: operating cash flow / (capital expenditure + dividends paid)",
        expr: item(OperatingCashFlow) / (item(CapitalExpenditure) + item(DividendsPaid)),
    }
    CASH_FLOW_COVERAGE = "cash_flow_coverage" {
        name: "operating cash flow to total debt", group: CashFlow, unit: Times,
        positive: [], source: STANDARD,
        expr: item(OperatingCashFlow) / ratio(R::TOTAL_DEBT),
    }
    SHORT_TERM_COVERAGE = "short_term_coverage" {
        name: "operating cash flow to short-term debt", group: CashFlow, unit: Times,
        positive: [], source: STANDARD,
        expr: item(OperatingCashFlow) / item(ShortTermDebt),
    }
    // Valuation: needs the market capitalisation, an optional input.
    ENTERPRISE_VALUE = "enterprise_value" {
        name: "enterprise value", group: Valuation, unit: Amount,
        positive: [], source: "standard: market capitalisation + net debt",
        expr: item(MarketCapitalisation) + ratio(R::NET_DEBT),
    }
    PRICE_TO_EARNINGS = "price_to_earnings" {
        name: "price to earnings", group: Valuation, unit: Times,
        positive: [NetIncome], source: "standard: market capitalisation / net income (not meaningful for a loss)",
        expr: item(MarketCapitalisation) / item(NetIncome),
    }
    PRICE_TO_BOOK = "price_to_book" {
        name: "price to book", group: Valuation, unit: Times,
        positive: [Equity], source: "standard: market capitalisation / equity",
        expr: item(MarketCapitalisation) / item(Equity),
    }
    PRICE_TO_SALES = "price_to_sales" {
        name: "price to sales", group: Valuation, unit: Times,
        positive: [], source: "standard: market capitalisation / revenue",
        expr: item(MarketCapitalisation) / item(Revenue),
    }
    PRICE_TO_FREE_CASH_FLOW = "price_to_free_cash_flow" {
        name: "price to free cash flow", group: Valuation, unit: Times,
        positive: [], source: "standard: market capitalisation / free cash flow",
        expr: item(MarketCapitalisation) / ratio(R::FREE_CASH_FLOW),
    }
    EV_TO_EBITDA = "ev_to_ebitda" {
        name: "enterprise value to EBITDA", group: Valuation, unit: Times,
        positive: [], source: STANDARD,
        expr: ratio(R::ENTERPRISE_VALUE) / ratio(R::EBITDA),
    }
    EV_TO_SALES = "ev_to_sales" {
        name: "enterprise value to revenue", group: Valuation, unit: Times,
        positive: [], source: STANDARD,
        expr: ratio(R::ENTERPRISE_VALUE) / item(Revenue),
    }
    EARNINGS_YIELD = "earnings_yield" {
        name: "earnings yield", group: Valuation, unit: Fraction,
        positive: [MarketCapitalisation], source: "standard: net income / market capitalisation",
        expr: item(NetIncome) / item(MarketCapitalisation),
    }
    DIVIDEND_YIELD = "dividend_yield" {
        name: "dividend yield", group: Valuation, unit: Fraction,
        positive: [MarketCapitalisation], source: "standard: dividends paid / market capitalisation",
        expr: item(DividendsPaid) / item(MarketCapitalisation),
    }
    FREE_CASH_FLOW_YIELD = "free_cash_flow_yield" {
        name: "free cash flow yield", group: Valuation, unit: Fraction,
        positive: [MarketCapitalisation], source: "standard: free cash flow / market capitalisation",
        expr: ratio(R::FREE_CASH_FLOW) / item(MarketCapitalisation),
    }
    EARNINGS_PER_SHARE = "earnings_per_share" {
        name: "earnings per share", group: Valuation, unit: Amount,
        positive: [SharesOutstanding], source: "standard: net income / shares outstanding (in the statements' unit per share)",
        expr: item(NetIncome) / item(SharesOutstanding),
    }
    BOOK_VALUE_PER_SHARE = "book_value_per_share" {
        name: "book value per share", group: Valuation, unit: Amount,
        positive: [SharesOutstanding], source: "standard: equity / shares outstanding (in the statements' unit per share)",
        expr: item(Equity) / item(SharesOutstanding),
    }
}
