//! The catalogue of standard line items, defined once as data in [`table`](self): each
//! entry gives the stable machine name, the statement, stock or flow, the place in the
//! statement's hierarchy (parent and sign, per presentation), the English label, the
//! labels and synonyms in English, Polish, Russian and Ukrainian, the line codes of the
//! Russian and Ukrainian forms, the Polish statutory positions and the XBRL concepts.
//!
//! # Adding a line item
//!
//! A new line item is one entry in `crates/bilans-model/src/item/table.rs` and nothing
//! else: the enum variant, [`LineItem::ALL`], the name, the statement, the hierarchy,
//! the import dictionary and the generated documentation (`docs/line_items.md`) all come
//! from that entry. An entry reads:
//!
//! ```text
//! /// Inventories.
//! Inventories = "inventories" {
//!     statement: BalanceSheet, flow: Stock, label: "inventories",
//!     parents: [(CurrentAssets, +, Any)],
//!     en: ["Inventories", "Inventory"], pl: ["Zapasy"], ru: ["Запасы"], uk: ["Запаси"],
//!     ru_codes: ["1210"], uk_codes: ["1100"],
//!     pl_positions: ["Aktywa B.I"],
//!     xbrl: ["us-gaap:InventoryNet", "ifrs-full:Inventories"],
//! }
//! ```
//!
//! Then regenerate the documentation with `BILANS_UPDATE=1 cargo test -p bilans-tests
//! docs` (a test fails while it is stale). A parent must itself be an entry (the table
//! does not compile otherwise); labels must name one item only within a language, and
//! codes one item only within a form (checked by tests).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Lang, ModelError};

mod table;

pub use table::LineItem;
use table::TABLE;

/// Which statement a line item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// The balance sheet: stocks at the end of a period.
    BalanceSheet,
    /// The income statement: flows over a period.
    IncomeStatement,
    /// The cash-flow statement: flows over a period, and the opening and closing cash.
    CashFlowStatement,
    /// Market data, an optional input beside the statements (market capitalisation,
    /// shares, price): valuation ratios and Altman's original Z need it.
    MarketData,
}

impl StatementKind {
    /// Every statement, in the order statements are printed.
    pub const ALL: [StatementKind; 4] = [
        StatementKind::BalanceSheet,
        StatementKind::IncomeStatement,
        StatementKind::CashFlowStatement,
        StatementKind::MarketData,
    ];

    /// The English name, e.g. `balance sheet`.
    pub fn label(self) -> &'static str {
        match self {
            StatementKind::BalanceSheet => "balance sheet",
            StatementKind::IncomeStatement => "income statement",
            StatementKind::CashFlowStatement => "cash-flow statement",
            StatementKind::MarketData => "market data",
        }
    }
}

impl StatementKind {
    /// The statement's name in `lang`, e.g. `rachunek zysków i strat`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            StatementKind::BalanceSheet => "statement.balance_sheet",
            StatementKind::IncomeStatement => "statement.income_statement",
            StatementKind::CashFlowStatement => "statement.cash_flow_statement",
            StatementKind::MarketData => "statement.market_data",
        };
        crate::lang::messages().get(lang, key)
    }
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

/// How an item adds to its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// The item is added (an asset within its group, a revenue, an inflow).
    Add,
    /// The item is deducted: a cost, an outflow, own shares within equity. It is held
    /// as a positive amount whether the statement prints it negative, in parentheses or
    /// positive.
    Subtract,
}

/// The presentation a link between an item and its parent belongs to. A parent may be
/// the sum of different children in different presentations (the income statement by
/// nature or by function); a link marked [`Presentation::Any`] belongs to all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presentation {
    /// Every presentation.
    Any,
    /// The income statement by nature of expense (Polish wariant porównawczy).
    ByNature,
    /// The income statement by function of expense (cost of sales; Polish wariant
    /// kalkulacyjny; the Russian and Ukrainian forms).
    ByFunction,
    /// The small-enterprise income statement (Ukrainian form 2-м): total income less
    /// total expenses.
    SmallForm,
    /// The cash-flow statement by the direct method (receipts less payments).
    Direct,
    /// The cash-flow statement by the indirect method (the result adjusted).
    Indirect,
    /// The net change in cash includes the effect of exchange rates (US GAAP, IFRS).
    FxInChange,
    /// The exchange-rate effect is shown beside the net change in cash (the Russian and
    /// Ukrainian forms).
    FxBesideChange,
}

impl Presentation {
    /// A readable name, e.g. `by nature`.
    pub fn label(self) -> &'static str {
        match self {
            Presentation::Any => "any presentation",
            Presentation::ByNature => "by nature",
            Presentation::ByFunction => "by function",
            Presentation::SmallForm => "small-enterprise form",
            Presentation::Direct => "direct method",
            Presentation::Indirect => "indirect method",
            Presentation::FxInChange => "exchange-rate effect within the change",
            Presentation::FxBesideChange => "exchange-rate effect beside the change",
        }
    }

    /// The stable machine name, e.g. `by_nature` (as in JSON).
    pub fn name(self) -> &'static str {
        match self {
            Presentation::Any => "any",
            Presentation::ByNature => "by_nature",
            Presentation::ByFunction => "by_function",
            Presentation::SmallForm => "small_form",
            Presentation::Direct => "direct",
            Presentation::Indirect => "indirect",
            Presentation::FxInChange => "fx_in_change",
            Presentation::FxBesideChange => "fx_beside_change",
        }
    }
}

/// One place of an item in its statement's hierarchy: it adds to `parent` with `sign`
/// in `presentation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The total the item is part of.
    pub parent: LineItem,
    /// How the item adds to the total.
    pub sign: Sign,
    /// The presentation in which the total is built this way.
    pub presentation: Presentation,
}

/// One term of a sum: an item and the sign it adds with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The item.
    pub item: LineItem,
    /// Whether it is added or deducted.
    pub sign: Sign,
}

impl Part {
    /// `self` within a total that itself adds to its own total with `outer`: the sign of
    /// `self` in the outer total.
    pub fn within(self, outer: Sign) -> Part {
        let sign = if self.sign == outer {
            Sign::Add
        } else {
            Sign::Subtract
        };
        Part {
            item: self.item,
            sign,
        }
    }
}

/// The labels of an item, in each language of the import dictionary. The first English
/// label is the one printed in statements bilans writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// English (IFRS and US GAAP captions).
    pub en: &'static [&'static str],
    /// Polish (the Accounting Act's Załącznik 1 captions and common variants).
    pub pl: &'static [&'static str],
    /// Russian (Order 66n captions and common variants).
    pub ru: &'static [&'static str],
    /// Ukrainian (НП(С)БО 1 captions and common variants).
    pub uk: &'static [&'static str],
    /// Swedish (the Annual Accounts Act's captions, ÅRL, and the key-figure names of
    /// Swedish data vendors); only the items such tables print.
    pub sv: &'static [&'static str],
    /// Vietnamese (the captions of form B 01-DN, Circular 200/2014/TT-BTC); only the
    /// items such tables print.
    pub vi: &'static [&'static str],
}

/// Everything the catalogue says about one line item (one entry of the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemInfo {
    /// The item.
    pub item: LineItem,
    /// The stable machine name, e.g. `total_assets`.
    pub name: &'static str,
    /// What the item is, in a sentence.
    pub description: &'static str,
    /// The English label used in readable formulas, e.g. `total assets`.
    pub label: &'static str,
    /// The statement the item belongs to.
    pub statement: StatementKind,
    /// Stock or flow.
    pub flow: Flow,
    /// Where the item adds up in the hierarchy; empty for a statement's totals.
    pub parents: &'static [Link],
    /// Labels and synonyms per language.
    pub labels: Labels,
    /// Line codes of the Russian forms (Order 66n: balance sheet, income statement,
    /// cash flows).
    pub ru_codes: &'static [&'static str],
    /// Line codes of the Ukrainian forms (НП(С)БО 1 forms 1–3 and the small-enterprise
    /// forms 1-м and 2-м).
    pub uk_codes: &'static [&'static str],
    /// Positions in the Polish Accounting Act's Załącznik 1: `Aktywa A.II`,
    /// `Pasywa B.III`, `RZiS-P B.I` (by nature), `RZiS-K B` (by function), `RPP A.III`
    /// (cash flows).
    pub pl_positions: &'static [&'static str],
    /// XBRL concepts (`us-gaap:…`, `ifrs-full:…`).
    pub xbrl: &'static [&'static str],
    /// Whether statements print lines under this total that the table does not hold
    /// (goodwill among non-current assets, impairments within the operating result,
    /// other adjustments in the operating cash flow): then all of the table's children
    /// given and summing to something else is a warning, not an error, as the
    /// difference may be a line bilans does not read. An entry marks it `open: true`.
    pub open: bool,
}

impl ItemInfo {
    /// What the item is, in a sentence (the entry's documentation).
    pub fn description(&self) -> &'static str {
        self.description.trim()
    }
}

/// An entry's `open` flag: `false` unless the entry says `open: true`.
macro_rules! open_or_closed {
    () => {
        false
    };
    ($open:literal) => {
        $open
    };
}
use open_or_closed;

macro_rules! sign {
    (+) => {
        Sign::Add
    };
    (-) => {
        Sign::Subtract
    };
}
use sign;

/// Defines [`LineItem`], [`LineItem::ALL`] and the table of [`ItemInfo`] from one list
/// of entries (see the module documentation for an entry's shape).
macro_rules! line_items {
    ($(
        $(#[doc = $description:literal])+
        $variant:ident = $name:literal {
            statement: $statement:ident, flow: $flow:ident, label: $label:literal,
            parents: [$(($parent:ident, $sign:tt, $presentation:ident)),* $(,)?],
            en: [$($en:literal),* $(,)?],
            pl: [$($pl:literal),* $(,)?],
            ru: [$($ru:literal),* $(,)?],
            uk: [$($uk:literal),* $(,)?],
            ru_codes: [$($ru_code:literal),* $(,)?],
            uk_codes: [$($uk_code:literal),* $(,)?],
            pl_positions: [$($pl_position:literal),* $(,)?],
            xbrl: [$($xbrl:literal),* $(,)?]
            $(, sv: [$($sv:literal),* $(,)?])?
            $(, vi: [$($vi:literal),* $(,)?])?
            $(, open: $open:literal)? $(,)?
        }
    )*) => {
        /// A standard line item. The machine name (`total_assets`) is stable: it is used
        /// in files, JSON, mapping files and Excel defined names. The variants and every
        /// fact about them come from one table (see the [module](self) documentation).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[non_exhaustive]
        pub enum LineItem {
            $(
                $(#[doc = $description])+
                #[serde(rename = $name)]
                $variant,
            )*
        }

        impl LineItem {
            /// Every line item, in catalogue order (balance sheet, income statement,
            /// cash-flow statement; each in its printed order).
            pub const ALL: [LineItem; [$($name),*].len()] = [$(LineItem::$variant),*];
        }

        /// The catalogue, one entry per item, in the order of [`LineItem::ALL`].
        pub(super) static TABLE: [ItemInfo; LineItem::ALL.len()] = [$(
            ItemInfo {
                item: LineItem::$variant,
                name: $name,
                description: concat!($($description),+),
                label: $label,
                statement: StatementKind::$statement,
                flow: Flow::$flow,
                parents: &[$(Link {
                    parent: LineItem::$parent,
                    sign: sign!($sign),
                    presentation: Presentation::$presentation,
                }),*],
                labels: Labels {
                    en: &[$($en),*],
                    pl: &[$($pl),*],
                    ru: &[$($ru),*],
                    uk: &[$($uk),*],
                    sv: &[$($($sv),*)?],
                    vi: &[$($($vi),*)?],
                },
                ru_codes: &[$($ru_code),*],
                uk_codes: &[$($uk_code),*],
                pl_positions: &[$($pl_position),*],
                xbrl: &[$($xbrl),*],
                open: open_or_closed!($($open)?),
            },
        )*];
    };
}
use line_items;

impl LineItem {
    /// The item's position in [`LineItem::ALL`] (and in the catalogue table): a dense
    /// index for per-item arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Everything the catalogue says about the item.
    pub fn info(self) -> &'static ItemInfo {
        &TABLE[self.index()]
    }

    /// The catalogue, in the order of [`LineItem::ALL`].
    pub fn table() -> &'static [ItemInfo] {
        &TABLE
    }

    /// The stable machine name, e.g. `total_assets`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The English label, e.g. `total assets`, used in readable formulas.
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// The statement the item belongs to.
    pub fn statement(self) -> StatementKind {
        self.info().statement
    }

    /// Whether the item is a stock or a flow.
    pub fn flow(self) -> Flow {
        self.info().flow
    }

    /// Where the item adds up in its statement's hierarchy.
    pub fn parents(self) -> &'static [Link] {
        self.info().parents
    }

    /// Whether the item is a deduction: its sign within its statement's total (the
    /// product of the signs up its first chain of parents) is negative, as for a cost,
    /// an outflow or own shares. Such an amount is held positive however the statement
    /// prints it.
    pub fn is_deduction(self) -> bool {
        let mut negative = false;
        let mut item = self;
        for _ in 0..LineItem::ALL.len() {
            let Some(link) = item
                .parents()
                .iter()
                .find(|link| link.parent.statement() == self.statement())
            else {
                break;
            };
            negative ^= link.sign == Sign::Subtract;
            item = link.parent;
        }
        negative
    }

    /// The items that add up to `self`, with their sign and presentation.
    pub fn children(self) -> impl Iterator<Item = (LineItem, Link)> {
        TABLE.iter().flat_map(move |info| {
            info.parents
                .iter()
                .filter(move |link| link.parent == self)
                .map(move |link| (info.item, *link))
        })
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

impl LineItem {
    /// The item's name in `lang`, as bilans prints it in statements and formulas:
    /// the English label (`total assets`), else the first caption of the language's
    /// import dictionary (`Aktywa razem`), else the name `locales/items.toml` gives.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let info = self.info();
        let captions = match lang {
            Lang::En => return info.label,
            Lang::Pl => info.labels.pl,
            Lang::Ru => info.labels.ru,
            Lang::Uk => info.labels.uk,
        };
        if let Some(first) = captions.first() {
            return first;
        }
        crate::lang::item_names()
            .get(info.name)
            .and_then(|names| names.get(lang.code()))
            .map_or(info.label, String::as_str)
    }
}
