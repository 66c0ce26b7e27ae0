//! The financial-stability type from the three-component indicator: inventories
//! compared with own working capital, with functioning capital (own working capital and
//! long-term liabilities) and with the total main sources (functioning capital and
//! short-term borrowings). S = (S1, S2, S3), each 1 when the source covers the
//! inventories: (1, 1, 1) absolute, (0, 1, 1) normal, (0, 0, 1) unstable, (0, 0, 0)
//! crisis stability.

use std::fmt;
use std::sync::LazyLock;

use bilans_model::{Lang, LineItem, Period, Statements};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::liquidity::{
    components_by_period, difference, long_term_liabilities, present_or_zero, serialize_outcome,
};
use crate::{EvalConfig, Expr, NotComputable};

/// An amount of the stability analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountId {
    /// The inventories to be financed (запасы).
    Inventories,
    /// Own working capital (собственные оборотные средства, СОС).
    OwnWorkingCapital,
    /// Functioning capital (функционирующий капитал, КФ): own working capital and
    /// long-term liabilities.
    FunctioningCapital,
    /// The total main sources of inventories (общая величина основных источников, ВИ):
    /// functioning capital and short-term borrowings.
    TotalSources,
}

impl AmountId {
    /// Every amount, in order.
    pub const ALL: [AmountId; 4] = [
        AmountId::Inventories,
        AmountId::OwnWorkingCapital,
        AmountId::FunctioningCapital,
        AmountId::TotalSources,
    ];

    /// The amount's definition.
    pub fn amount(self) -> &'static Amount {
        &AMOUNTS[self as usize]
    }
}

/// One amount: its symbols, names and single definition.
#[derive(Debug, Clone)]
pub struct Amount {
    /// The amount.
    pub id: AmountId,
    /// The short symbol, e.g. `OWC`.
    pub symbol: &'static str,
    /// The Russian symbol, e.g. `СОС`.
    pub symbol_ru: &'static str,
    /// The definition.
    pub expr: Expr,
}

impl Amount {
    /// The name in English, e.g. `own working capital`.
    pub fn name(&self) -> &'static str {
        self.name_in(Lang::En)
    }

    /// The name in Russian, the method's own language.
    pub fn name_ru(&self) -> &'static str {
        self.name_in(Lang::Ru)
    }

    /// The name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &'static str {
        super::name_of("amount", self.symbol, lang)
    }
}

/// Every amount, in [`AmountId::ALL`] order.
pub fn amounts() -> &'static [Amount] {
    &AMOUNTS
}

/// The three sources compared with the inventories, in the order of S1, S2, S3.
pub const SOURCES: [AmountId; 3] = [
    AmountId::OwnWorkingCapital,
    AmountId::FunctioningCapital,
    AmountId::TotalSources,
];

/// The financial-stability type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StabilityType {
    /// S = (1, 1, 1): own working capital covers the inventories.
    Absolute,
    /// S = (0, 1, 1): own working capital and long-term liabilities cover them.
    Normal,
    /// S = (0, 0, 1): only with short-term borrowings are they covered.
    Unstable,
    /// S = (0, 0, 0): not even the short-term borrowings cover them.
    Crisis,
    /// Another S (possible only with negative long-term liabilities or short-term
    /// borrowings, that is with inconsistent statements): no type.
    Irregular,
}

impl StabilityType {
    /// The type of the indicator `s`.
    pub fn of(s: [bool; 3]) -> StabilityType {
        match s {
            [true, true, true] => StabilityType::Absolute,
            [false, true, true] => StabilityType::Normal,
            [false, false, true] => StabilityType::Unstable,
            [false, false, false] => StabilityType::Crisis,
            _ => StabilityType::Irregular,
        }
    }

    /// The Russian name, e.g. `кризисное состояние`.
    pub fn name_ru(self) -> &'static str {
        self.label_in(Lang::Ru)
    }

    /// The type's name in `lang`, e.g. `absolute stability`, `кризисное состояние`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            StabilityType::Absolute => "absolute",
            StabilityType::Normal => "normal",
            StabilityType::Unstable => "unstable",
            StabilityType::Crisis => "crisis",
            StabilityType::Irregular => "irregular",
        };
        crate::lang::text(lang, &format!("stability_type.{key}"))
    }
}

impl fmt::Display for StabilityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_in(Lang::En))
    }
}

/// The stability analysis of one period.
#[derive(Debug, Clone, Serialize)]
pub struct StabilityPeriod {
    /// The balance date's period.
    pub period: Period,
    /// Each amount, in [`AmountId::ALL`] order.
    pub amounts: Vec<AmountValue>,
    /// Each source minus the inventories (a surplus when not negative), in the order
    /// of [`SOURCES`].
    pub surpluses: Vec<AmountValue>,
    /// The indicator S = (S1, S2, S3): whether each surplus is not negative.
    #[serde(serialize_with = "serialize_outcome")]
    pub indicator: Result<[bool; 3], NotComputable>,
    /// The type.
    #[serde(serialize_with = "serialize_outcome")]
    pub stability_type: Result<StabilityType, NotComputable>,
}

/// One amount in a period.
#[derive(Debug, Clone, Serialize)]
pub struct AmountValue {
    /// The amount.
    pub amount: AmountId,
    /// Its value, or why it is not computable.
    #[serde(serialize_with = "serialize_outcome")]
    pub value: Result<Decimal, NotComputable>,
}

impl StabilityPeriod {
    /// The value of `amount`.
    pub fn amount(&self, amount: AmountId) -> Result<Decimal, NotComputable> {
        self.amounts[amount as usize].value.clone()
    }
}

/// The stability analysis of every period of `statements`, on period-end balances.
pub fn financial_stability(statements: &Statements, config: &EvalConfig) -> Vec<StabilityPeriod> {
    let parts = amounts().iter().map(|amount| (amount.symbol, &amount.expr));
    components_by_period(statements, config, parts)
        .into_iter()
        .map(|(period, values)| {
            let inventories = &values[AmountId::Inventories as usize];
            let surpluses: Vec<Result<Decimal, NotComputable>> = SOURCES
                .iter()
                .map(|source| difference(&values[*source as usize], inventories))
                .collect();
            let indicator = surpluses
                .iter()
                .map(|surplus| surplus.clone().map(|surplus| Decimal::ZERO <= surplus))
                .collect::<Result<Vec<bool>, NotComputable>>()
                .map(|s| [s[0], s[1], s[2]]);
            let stability_type = indicator.clone().map(StabilityType::of);
            StabilityPeriod {
                period,
                amounts: AmountId::ALL
                    .iter()
                    .zip(values)
                    .map(|(amount, value)| AmountValue {
                        amount: *amount,
                        value,
                    })
                    .collect(),
                surpluses: SOURCES
                    .iter()
                    .zip(surpluses)
                    .map(|(amount, value)| AmountValue {
                        amount: *amount,
                        value,
                    })
                    .collect(),
                indicator,
                stability_type,
            }
        })
        .collect()
}

fn item(item: LineItem) -> Expr {
    Expr::Item(item)
}

fn own_working_capital() -> Expr {
    item(LineItem::Equity) - item(LineItem::FixedAssets)
}

fn functioning_capital() -> Expr {
    own_working_capital() + long_term_liabilities()
}

static AMOUNTS: LazyLock<Vec<Amount>> = LazyLock::new(|| {
    vec![
        Amount {
            id: AmountId::Inventories,
            symbol: "INV",
            symbol_ru: "З",
            expr: item(LineItem::Inventories) + present_or_zero(LineItem::RecoverableVat),
        },
        Amount {
            id: AmountId::OwnWorkingCapital,
            symbol: "OWC",
            symbol_ru: "СОС",
            expr: own_working_capital(),
        },
        Amount {
            id: AmountId::FunctioningCapital,
            symbol: "FC",
            symbol_ru: "КФ",
            expr: functioning_capital(),
        },
        Amount {
            id: AmountId::TotalSources,
            symbol: "TS",
            symbol_ru: "ВИ",
            expr: functioning_capital() + item(LineItem::ShortTermDebt),
        },
    ]
});
