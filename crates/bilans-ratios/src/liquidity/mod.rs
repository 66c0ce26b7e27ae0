//! The Russian balance-sheet analyses that peers offer beside the ratios: balance
//! liquidity by groups (assets A1–A4 against liabilities P1–P4), the financial-stability
//! type from the three-component indicator ([`stability`]) and net assets against share
//! capital ([`net_assets`]).
//!
//! Each group and amount is defined once, as an [`Expr`] over line items, in the tables
//! of this module and its children; the values, the workbook's formulas and the
//! documentation (`docs/liquidity.md`, [`render::liquidity_markdown`]) come from those
//! definitions. Every amount here is a balance at the period's end: the analyses
//! compare balances at a date, so they use year-end balances whatever the ratios' basis.
//!
//! A group that cannot be computed makes every condition that uses it, and the verdict,
//! not computable with the group and the line items it needs; never a partial value.
//!
//! # Example
//!
//! ```
//! use bilans_model::{Entity, LineItem, Period, Statements, Unit};
//! use bilans_ratios::EvalConfig;
//! use bilans_ratios::liquidity::{GroupId, balance_liquidity};
//! use rust_decimal::Decimal;
//!
//! let mut statements = Statements::new(Entity::company("Example"), Unit::thousands("RUB"));
//! let year = Period::year(2024);
//! statements.set(year, LineItem::CashAndEquivalents, Decimal::from(90));
//! statements.set(year, LineItem::ShortTermInvestments, Decimal::from(10));
//! let liquidity = balance_liquidity(&statements, &EvalConfig::default());
//! assert_eq!(liquidity[0].group(GroupId::A1), Ok(Decimal::from(100)));
//! // Without trade payables, P1 and the first condition are not computable.
//! let reason = liquidity[0].conditions[0].holds.clone().unwrap_err();
//! assert!(reason.to_string().starts_with("P1 needs trade payables"), "{reason}");
//! ```

use std::fmt;
use std::sync::LazyLock;

use bilans_model::{Lang, LineItem, Period, Statements};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::eval::Evaluator;
use crate::{Basis, EvalConfig, Expr, Need, NotComputable, Outcome, RatioId, Rounding};

pub mod net_assets;
pub mod render;
pub mod stability;

/// A liquidity group of the balance sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupId {
    /// Most liquid assets.
    A1,
    /// Quickly realisable assets.
    A2,
    /// Slowly realisable assets.
    A3,
    /// Hard-to-realise assets.
    A4,
    /// Most urgent liabilities.
    P1,
    /// Short-term liabilities.
    P2,
    /// Long-term liabilities.
    P3,
    /// Permanent liabilities (own capital).
    P4,
}

impl GroupId {
    /// Every group, assets first, in the order of the method.
    pub const ALL: [GroupId; 8] = [
        GroupId::A1,
        GroupId::A2,
        GroupId::A3,
        GroupId::A4,
        GroupId::P1,
        GroupId::P2,
        GroupId::P3,
        GroupId::P4,
    ];

    /// The group's definition.
    pub fn group(self) -> &'static Group {
        &GROUPS[self as usize]
    }
}

impl fmt::Display for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.group().symbol)
    }
}

/// One liquidity group: its symbols, names and single definition.
#[derive(Debug, Clone)]
pub struct Group {
    /// The group.
    pub id: GroupId,
    /// The Latin symbol, e.g. `A1`, `P1`.
    pub symbol: &'static str,
    /// The Russian symbol, e.g. `А1`, `П1`.
    pub symbol_ru: &'static str,
    /// The definition.
    pub expr: Expr,
    /// What the group holds, in words, and where sources place lines differently.
    pub note: &'static str,
}

impl Group {
    /// The name in English, e.g. `most liquid assets`.
    pub fn name(&self) -> &'static str {
        self.name_in(Lang::En)
    }

    /// The name in Russian, the method's own language, e.g. `наиболее ликвидные активы`.
    pub fn name_ru(&self) -> &'static str {
        self.name_in(Lang::Ru)
    }

    /// The name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &'static str {
        name_of("group", self.symbol, lang)
    }
}

/// The name of a group or amount (`kind`) in `lang`, from its message by symbol
/// (`liquidity.group.a1`, `liquidity.amount.owc`).
pub(crate) fn name_of(kind: &str, symbol: &str, lang: Lang) -> &'static str {
    crate::lang::text(lang, &format!("liquidity.{kind}.{}", symbol.to_lowercase()))
}

/// Whether an asset group must be at least or at most its liability group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Assets ≥ liabilities.
    AtLeast,
    /// Assets ≤ liabilities.
    AtMost,
}

/// One of the four conditions of an absolutely liquid balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    /// The asset group.
    pub assets: GroupId,
    /// The liability group it is compared with.
    pub liabilities: GroupId,
    /// The required relation.
    pub relation: Relation,
}

impl Condition {
    /// The condition as text, e.g. `A1 >= P1`.
    pub fn text(&self) -> String {
        let operator = match self.relation {
            Relation::AtLeast => ">=",
            Relation::AtMost => "<=",
        };
        format!("{} {operator} {}", self.assets, self.liabilities)
    }

    /// Whether the condition holds for the two amounts.
    pub fn holds_for(&self, assets: Decimal, liabilities: Decimal) -> bool {
        match self.relation {
            Relation::AtLeast => liabilities <= assets,
            Relation::AtMost => assets <= liabilities,
        }
    }
}

/// The four conditions: A1 ≥ P1, A2 ≥ P2, A3 ≥ P3, A4 ≤ P4.
pub const CONDITIONS: [Condition; 4] = [
    Condition {
        assets: GroupId::A1,
        liabilities: GroupId::P1,
        relation: Relation::AtLeast,
    },
    Condition {
        assets: GroupId::A2,
        liabilities: GroupId::P2,
        relation: Relation::AtLeast,
    },
    Condition {
        assets: GroupId::A3,
        liabilities: GroupId::P3,
        relation: Relation::AtLeast,
    },
    Condition {
        assets: GroupId::A4,
        liabilities: GroupId::P4,
        relation: Relation::AtMost,
    },
];

/// Every group, in [`GroupId::ALL`] order.
pub fn groups() -> &'static [Group] {
    &GROUPS
}

/// The balance liquidity of one period.
#[derive(Debug, Clone, Serialize)]
pub struct LiquidityPeriod {
    /// The balance date's period.
    pub period: Period,
    /// Each group's amount, in [`GroupId::ALL`] order.
    pub groups: Vec<GroupValue>,
    /// The four conditions, in [`CONDITIONS`] order.
    pub conditions: Vec<ConditionResult>,
    /// Whether the balance is absolutely liquid, and if not, which conditions fail.
    #[serde(serialize_with = "serialize_outcome")]
    pub verdict: Result<Verdict, NotComputable>,
}

/// One group's amount in a period.
#[derive(Debug, Clone, Serialize)]
pub struct GroupValue {
    /// The group.
    pub group: GroupId,
    /// The amount, or why it is not computable.
    #[serde(serialize_with = "serialize_outcome")]
    pub value: Result<Decimal, NotComputable>,
}

/// One condition in a period.
#[derive(Debug, Clone, Serialize)]
pub struct ConditionResult {
    /// The condition as text, e.g. `A1 >= P1`.
    pub condition: String,
    /// The asset group minus the liability group (a surplus when positive).
    #[serde(serialize_with = "serialize_outcome")]
    pub surplus: Result<Decimal, NotComputable>,
    /// Whether the condition holds.
    #[serde(serialize_with = "serialize_outcome")]
    pub holds: Result<bool, NotComputable>,
}

/// The verdict on the balance's liquidity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// All four conditions hold.
    AbsolutelyLiquid,
    /// Some condition fails.
    NotAbsolutelyLiquid {
        /// The conditions that fail, e.g. `A1 >= P1`.
        failed: Vec<String>,
    },
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl Verdict {
    /// The verdict in words in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            Verdict::AbsolutelyLiquid => {
                crate::lang::text(lang, "liquidity.verdict.liquid").to_owned()
            }
            Verdict::NotAbsolutelyLiquid { failed } => crate::lang::message(
                lang,
                "liquidity.verdict.not_liquid",
                &[("failed", &failed.join(", "))],
            ),
        }
    }
}

impl LiquidityPeriod {
    /// The amount of `group`.
    pub fn group(&self, group: GroupId) -> Result<Decimal, NotComputable> {
        self.groups[group as usize].value.clone()
    }
}

/// The balance liquidity of every period of `statements`, on the period-end balances.
pub fn balance_liquidity(statements: &Statements, config: &EvalConfig) -> Vec<LiquidityPeriod> {
    let parts = groups().iter().map(|group| (group.symbol, &group.expr));
    components_by_period(statements, config, parts)
        .into_iter()
        .map(|(period, values)| {
            let conditions: Vec<ConditionResult> = CONDITIONS
                .iter()
                .map(|condition| {
                    let assets = &values[condition.assets as usize];
                    let liabilities = &values[condition.liabilities as usize];
                    ConditionResult {
                        condition: condition.text(),
                        surplus: difference(assets, liabilities),
                        holds: both(assets, liabilities)
                            .map(|(assets, liabilities)| condition.holds_for(assets, liabilities)),
                    }
                })
                .collect();
            let verdict = verdict(&conditions);
            LiquidityPeriod {
                period,
                groups: GroupId::ALL
                    .iter()
                    .zip(values)
                    .map(|(group, value)| GroupValue {
                        group: *group,
                        value,
                    })
                    .collect(),
                conditions,
                verdict,
            }
        })
        .collect()
}

/// The configuration the balance analyses evaluate under: `config`'s days and
/// annualisation, but period-end balances and no rounding of intermediates, as the
/// analyses compare the balances at a date.
pub fn balance_config(config: &EvalConfig) -> EvalConfig {
    EvalConfig {
        basis: Basis::YearEnd,
        rounding: Rounding::Exact,
        ..*config
    }
}

/// The value of a component (`symbol`, defined by `expr`) in `period`; when it is not
/// computable, the reason names the component and what it lacks ([`missing`]).
pub(crate) fn component(
    symbol: &'static str,
    expr: &Expr,
    statements: &Statements,
    period: Period,
    evaluator: &mut Evaluator<'_>,
) -> Result<Decimal, NotComputable> {
    evaluator.expression(expr).map_err(|cause| {
        // A single line item's own reason says it all.
        if let Expr::Item(_) = expr {
            return cause;
        }
        let present = |item: LineItem| statements.get(period, item).is_some();
        NotComputable::Component {
            components: vec![symbol],
            needs: missing(expr, &present),
            cause: Box::new(cause),
        }
    })
}

/// What `expr` lacks, given which line items are `present`: one entry per requirement;
/// a sum of the terms present or a choice of alternatives lacks something only when
/// every term does, and then any of them will do (`a, b or c`).
pub fn missing(expr: &Expr, present: &dyn Fn(LineItem) -> bool) -> Vec<Need> {
    match expr {
        Expr::Item(item) if present(*item) => Vec::new(),
        Expr::Item(item) => vec![Need::Item(*item)],
        Expr::Ratio(id) => missing(&id.ratio().expr, present),
        Expr::Constant(_) | Expr::DaysInPeriod => Vec::new(),
        Expr::SumOfPresent(terms) | Expr::FirstPresent(terms) => {
            let mut alternatives = Vec::new();
            for term in terms {
                let lacks = missing(term, present);
                if lacks.is_empty() {
                    return Vec::new();
                }
                alternatives.extend(lacks);
            }
            match alternatives.as_slice() {
                [] => Vec::new(),
                [only] => vec![only.clone()],
                _ => vec![Need::AnyOf(alternatives)],
            }
        }
        Expr::Add(left, right)
        | Expr::Sub(left, right)
        | Expr::Mul(left, right)
        | Expr::Div(left, right) => {
            let mut lacks = missing(left, present);
            lacks.extend(missing(right, present));
            lacks
        }
    }
}

/// Both values, or the first one's reason.
pub(crate) fn both(
    left: &Result<Decimal, NotComputable>,
    right: &Result<Decimal, NotComputable>,
) -> Result<(Decimal, Decimal), NotComputable> {
    Ok((left.clone()?, right.clone()?))
}

/// `left − right`, or why not: either is not computable, or the difference overflows.
pub(crate) fn difference(
    left: &Result<Decimal, NotComputable>,
    right: &Result<Decimal, NotComputable>,
) -> Result<Decimal, NotComputable> {
    let (left, right) = both(left, right)?;
    left.checked_sub(right).ok_or(NotComputable::Overflow)
}

/// Every period of `statements` with the value of each of `parts` (a symbol and its
/// definition) in it, as [`component`] gives it, on period-end balances.
pub(crate) fn components_by_period<'a>(
    statements: &Statements,
    config: &EvalConfig,
    parts: impl Iterator<Item = (&'static str, &'a Expr)> + Clone,
) -> Vec<(Period, Vec<Result<Decimal, NotComputable>>)> {
    let config = balance_config(config);
    statements
        .period_list()
        .into_iter()
        .map(|period| {
            let mut evaluator = Evaluator::new(statements, period, &config);
            let values = parts
                .clone()
                .map(|(symbol, expr)| component(symbol, expr, statements, period, &mut evaluator))
                .collect();
            (period, values)
        })
        .collect()
}

/// `item` where the statements give it, else zero: for lines the forms leave out when
/// they are empty and that only adjust a total (deferred income, long-term receivables).
pub(crate) fn present_or_zero(item: LineItem) -> Expr {
    Expr::sum_of_present(vec![Expr::Item(item), Expr::constant(0)])
}

/// Serialises a result as an [`Outcome`] (`value`, or `not_computable` with the reason).
pub(crate) fn serialize_outcome<T: Serialize + Clone, S: Serializer>(
    value: &Result<T, NotComputable>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    Outcome::from(value.clone()).serialize(serializer)
}

fn verdict(conditions: &[ConditionResult]) -> Result<Verdict, NotComputable> {
    let mut failed = Vec::new();
    for result in conditions {
        if !result.holds.clone()? {
            failed.push(result.condition.clone());
        }
    }
    if failed.is_empty() {
        Ok(Verdict::AbsolutelyLiquid)
    } else {
        Ok(Verdict::NotAbsolutelyLiquid { failed })
    }
}

fn item(item: LineItem) -> Expr {
    Expr::Item(item)
}

/// A1: cash and short-term financial investments; the Polish `Inwestycje
/// krótkoterminowe` (B.III) hold both, so they are A1 whole.
fn most_liquid_assets() -> Expr {
    Expr::first_present(vec![
        item(LineItem::ShortTermInvestmentsAndCash),
        Expr::sum_of_present(vec![
            item(LineItem::ShortTermInvestments),
            item(LineItem::CashAndEquivalents),
        ]),
    ])
}

/// A2: short-term receivables (trade receivables where no total is printed).
fn quickly_realisable_assets() -> Expr {
    Expr::first_present(vec![
        item(LineItem::Receivables),
        item(LineItem::TradeReceivables),
    ])
}

/// P1: payables: trade payables and, where the form prints them apart (Ukraine), the
/// payables to the budget, social insurance and staff that the Russian 1520 includes.
fn most_urgent_liabilities() -> Vec<Expr> {
    vec![
        item(LineItem::TradePayables),
        item(LineItem::TaxLiabilities),
        item(LineItem::SocialInsuranceLiabilities),
        item(LineItem::WageLiabilities),
    ]
}

static GROUPS: LazyLock<Vec<Group>> = LazyLock::new(|| {
    use LineItem::*;
    let mut urgent_and_deferred = most_urgent_liabilities();
    urgent_and_deferred.push(item(DeferredIncome));
    vec![
        Group {
            id: GroupId::A1,
            symbol: "A1",
            symbol_ru: "А1",
            expr: most_liquid_assets(),
            note: "cash and cash equivalents and short-term financial investments",
        },
        Group {
            id: GroupId::A2,
            symbol: "A2",
            symbol_ru: "А2",
            expr: quickly_realisable_assets(),
            note: "short-term receivables; the Russian 1230 also holds receivables due after 12 months, which only the notes separate",
        },
        Group {
            id: GroupId::A3,
            symbol: "A3",
            symbol_ru: "А3",
            expr: item(CurrentAssets) - most_liquid_assets() - quickly_realisable_assets()
                + present_or_zero(LongTermReceivables),
            note: "the rest of current assets (on the Russian form inventories 1210, VAT 1220 and other current assets 1260), and long-term receivables where the form prints them apart",
        },
        Group {
            id: GroupId::A4,
            symbol: "A4",
            symbol_ru: "А4",
            expr: item(FixedAssets) - present_or_zero(LongTermReceivables),
            note: "non-current assets, less the long-term receivables counted in A3",
        },
        Group {
            id: GroupId::P1,
            symbol: "P1",
            symbol_ru: "П1",
            expr: Expr::sum_of_present(most_urgent_liabilities()),
            note: "payables (кредиторская задолженность)",
        },
        Group {
            id: GroupId::P2,
            symbol: "P2",
            symbol_ru: "П2",
            expr: item(CurrentLiabilities) - Expr::sum_of_present(urgent_and_deferred),
            note: "the rest of current liabilities but deferred income: short-term borrowings 1510, short-term provisions 1540 and other current liabilities 1550 on the Russian form",
        },
        Group {
            id: GroupId::P3,
            symbol: "P3",
            symbol_ru: "П3",
            expr: long_term_liabilities(),
            note: "long-term liabilities; the Polish provisions (Pasywa B.I), which the form does not split by term, are counted here",
        },
        Group {
            id: GroupId::P4,
            symbol: "P4",
            symbol_ru: "П4",
            expr: item(Equity)
                + present_or_zero(DeferredIncome)
                + present_or_zero(AccrualsAndDeferredIncome),
            note: "equity and deferred income (1530; the Polish Pasywa B.IV)",
        },
    ]
});

/// Long-term liabilities, with the Polish provisions (Pasywa B.I), which the form
/// prints apart from the liabilities and does not split by term: P3, and the long-term
/// source of the functioning capital.
pub(crate) fn long_term_liabilities() -> Expr {
    item(LineItem::LongTermLiabilities) + present_or_zero(LineItem::Provisions)
}

/// The total liabilities as the ratio catalogue defines them.
pub(crate) fn total_liabilities() -> Expr {
    Expr::Ratio(RatioId::TOTAL_LIABILITIES)
}

#[cfg(test)]
mod tests;
