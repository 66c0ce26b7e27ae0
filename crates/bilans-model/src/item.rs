//! The catalogue of standard line items, with stable machine names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ModelError;

/// Which statement a line item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// The balance sheet: stocks at the end of a period.
    BalanceSheet,
    /// The income statement: flows over a period.
    IncomeStatement,
}

/// Whether an item is a stock (a balance at a date) or a flow (over a period).
///
/// Only stocks have an opening balance, so only stocks are averaged when ratios use
/// average balances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    /// A balance at the end of the period.
    Stock,
    /// An amount accumulated over the period.
    Flow,
}

/// A standard line item. The machine name (`total_assets`) is stable: it is used in
/// files, JSON, mapping files and Excel defined names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineItem {
    /// Total assets (balance sheet total).
    TotalAssets,
    /// Fixed (non-current) assets.
    FixedAssets,
    /// Current assets.
    CurrentAssets,
    /// Inventories.
    Inventories,
    /// Short-term receivables.
    Receivables,
    /// Cash and cash equivalents.
    CashAndEquivalents,
    /// Other current assets: current assets that are not inventories, receivables or,
    /// where cash is reported separately, cash.
    OtherCurrentAssets,
    /// Equity.
    Equity,
    /// Long-term liabilities.
    LongTermLiabilities,
    /// Current (short-term) liabilities.
    CurrentLiabilities,
    /// Short-term bank credit and loans, part of current liabilities.
    ShortTermDebt,
    /// Trade payables, part of current liabilities.
    TradePayables,
    /// Total equity and liabilities (the liabilities side's total).
    TotalEquityAndLiabilities,
    /// Sales revenue.
    Revenue,
    /// Cost of sales.
    CostOfSales,
    /// Operating result (profit or loss from operations).
    OperatingResult,
    /// Net income (net profit or loss).
    NetIncome,
}

impl LineItem {
    /// Every line item, in catalogue order (balance sheet, then income statement).
    pub const ALL: [LineItem; 17] = [
        LineItem::TotalAssets,
        LineItem::FixedAssets,
        LineItem::CurrentAssets,
        LineItem::Inventories,
        LineItem::Receivables,
        LineItem::CashAndEquivalents,
        LineItem::OtherCurrentAssets,
        LineItem::Equity,
        LineItem::LongTermLiabilities,
        LineItem::CurrentLiabilities,
        LineItem::ShortTermDebt,
        LineItem::TradePayables,
        LineItem::TotalEquityAndLiabilities,
        LineItem::Revenue,
        LineItem::CostOfSales,
        LineItem::OperatingResult,
        LineItem::NetIncome,
    ];

    /// The stable machine name, e.g. `total_assets`.
    pub fn name(self) -> &'static str {
        match self {
            LineItem::TotalAssets => "total_assets",
            LineItem::FixedAssets => "fixed_assets",
            LineItem::CurrentAssets => "current_assets",
            LineItem::Inventories => "inventories",
            LineItem::Receivables => "receivables",
            LineItem::CashAndEquivalents => "cash_and_equivalents",
            LineItem::OtherCurrentAssets => "other_current_assets",
            LineItem::Equity => "equity",
            LineItem::LongTermLiabilities => "long_term_liabilities",
            LineItem::CurrentLiabilities => "current_liabilities",
            LineItem::ShortTermDebt => "short_term_debt",
            LineItem::TradePayables => "trade_payables",
            LineItem::TotalEquityAndLiabilities => "total_equity_and_liabilities",
            LineItem::Revenue => "revenue",
            LineItem::CostOfSales => "cost_of_sales",
            LineItem::OperatingResult => "operating_result",
            LineItem::NetIncome => "net_income",
        }
    }

    /// The English label, e.g. `total assets`, used in readable formulas.
    pub fn label(self) -> &'static str {
        match self {
            LineItem::TotalAssets => "total assets",
            LineItem::FixedAssets => "fixed assets",
            LineItem::CurrentAssets => "current assets",
            LineItem::Inventories => "inventories",
            LineItem::Receivables => "receivables",
            LineItem::CashAndEquivalents => "cash and equivalents",
            LineItem::OtherCurrentAssets => "other current assets",
            LineItem::Equity => "equity",
            LineItem::LongTermLiabilities => "long-term liabilities",
            LineItem::CurrentLiabilities => "current liabilities",
            LineItem::ShortTermDebt => "short-term debt",
            LineItem::TradePayables => "trade payables",
            LineItem::TotalEquityAndLiabilities => "total equity and liabilities",
            LineItem::Revenue => "revenue",
            LineItem::CostOfSales => "cost of sales",
            LineItem::OperatingResult => "operating result",
            LineItem::NetIncome => "net income",
        }
    }

    /// The statement the item belongs to.
    pub fn statement(self) -> StatementKind {
        match self {
            LineItem::Revenue
            | LineItem::CostOfSales
            | LineItem::OperatingResult
            | LineItem::NetIncome => StatementKind::IncomeStatement,
            _ => StatementKind::BalanceSheet,
        }
    }

    /// Whether the item is a stock or a flow.
    pub fn flow(self) -> Flow {
        match self.statement() {
            StatementKind::BalanceSheet => Flow::Stock,
            StatementKind::IncomeStatement => Flow::Flow,
        }
    }
}

impl fmt::Display for LineItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for LineItem {
    type Err = ModelError;

    fn from_str(text: &str) -> Result<LineItem, ModelError> {
        let wanted = text.trim();
        LineItem::ALL
            .into_iter()
            .find(|item| item.name() == wanted)
            .ok_or_else(|| ModelError::UnknownLineItem(wanted.to_owned()))
    }
}
