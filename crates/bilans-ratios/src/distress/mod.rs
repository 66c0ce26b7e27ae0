//! Distress (bankruptcy) models, each defined once as data.
//!
//! A model is a linear score: a constant plus coefficients (exact [`Decimal`]s) times
//! variables, each variable an [`Expr`] over line items and catalogue ratios. Its zones
//! name the ranges of the score, with the side each cut-off belongs to. Every model
//! cites its primary source and names the versions other sources give where they
//! disagree (see `docs/distress.md`, generated from the table in `models.rs`).
//!
//! A model whose input is missing is not computable, naming every variable that lacks
//! an input and the line items they need ("X4 needs market capitalisation: …"): there
//! is never a partial score. Arithmetic is
//! checked: a score that leaves the decimal range is "not computable: overflow".
//!
//! # Example
//!
//! ```
//! use bilans_model::{Entity, LineItem, Period, Statements, Unit};
//! use bilans_ratios::EvalConfig;
//! use bilans_ratios::distress::DistressId;
//! use rust_decimal::Decimal;
//!
//! let mut statements = Statements::new(Entity::company("Example"), Unit::thousands("PLN"));
//! let year = Period::year(2024);
//! for (item, value) in [
//!     (LineItem::TotalAssets, 1_000),
//!     (LineItem::CurrentAssets, 400),
//!     (LineItem::CurrentLiabilities, 200),
//!     (LineItem::RetainedEarnings, 150),
//!     (LineItem::ProfitBeforeTax, 80),
//!     (LineItem::InterestExpense, 20),
//!     (LineItem::Revenue, 1_500),
//!     (LineItem::Equity, 500),
//!     (LineItem::TotalLiabilities, 500),
//! ] {
//!     statements.set(year, item, Decimal::from(value));
//! }
//! let config = EvalConfig::default();
//!
//! // Z' (private firms, book equity): 0.717 × 0.2 + 0.847 × 0.15 + 3.107 × 0.1
//! // + 0.420 × 1 + 0.998 × 1.5 = 2.49815.
//! let z_prime = DistressId::ALTMAN_Z_PRIME_1983.model().evaluate(&statements, year, &config);
//! let score = z_prime.unwrap();
//! assert_eq!(score.score, Decimal::new(249815, 5));
//! assert_eq!(score.zone.unwrap(), "grey zone");
//!
//! // The 1968 Z needs the market value of equity, an optional input.
//! let z = DistressId::ALTMAN_Z_1968.model().evaluate(&statements, year, &config);
//! assert_eq!(
//!     z.unwrap_err().to_string(),
//!     "X4 needs market capitalisation: market capitalisation is missing in 2024",
//! );
//! ```

use std::fmt;
use std::fmt::Write as _;
use std::sync::OnceLock;

use bilans_model::{Lang, LineItem, Period, Statements};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::eval::Evaluator;
use crate::expr::{Basis, CellRefs, EvalConfig, Expr};
use crate::lang::messages;
use crate::{NotComputable, Outcome, PeriodResult, RatioId};

mod models;
mod render;

pub use crate::distress::models::models;
pub use crate::distress::render::{distress_family_pages, distress_markdown};

/// A family of models, for grouping in documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Altman's Z, Z′ and Z″.
    Altman,
    /// Other models estimated on American, Canadian or British firms.
    Western,
    /// Models estimated on Polish firms.
    Polish,
    /// Models estimated on Russian firms.
    Russian,
    /// Models estimated on Ukrainian firms.
    Ukrainian,
}

impl Family {
    /// A readable name.
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// The name in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Family::Altman => "distress.family.altman",
            Family::Western => "distress.family.western",
            Family::Polish => "distress.family.polish",
            Family::Russian => "distress.family.russian",
            Family::Ukrainian => "distress.family.ukrainian",
        };
        messages().get(lang, key)
    }

    /// The family's page name in `docs/distress/`.
    pub fn slug(self) -> &'static str {
        match self {
            Family::Altman => "altman",
            Family::Western => "western",
            Family::Polish => "polish",
            Family::Russian => "russian",
            Family::Ukrainian => "ukrainian",
        }
    }
}

/// A zone's name (as the model table gives it, in English) in `lang`.
pub fn zone_in(zone: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::En => zone,
        _ => messages().get(lang, &format!("zone.{zone}")),
    }
}

/// Which balance-sheet values a variable uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Balances {
    /// The balances of the evaluation's [`Basis`] (year-end by default).
    AsConfigured,
    /// The average of the opening and closing balances, whatever the evaluation's
    /// basis (the source defines the variable on averages); the chronological basis is
    /// kept when chosen. The first period has no opening balance and is not computable.
    Average,
}

/// What a variable measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// The value of an expression.
    Expr(Expr),
    /// A loss as a positive amount, over a denominator: −`profit` / `per` when `profit`
    /// is negative, else 0 (Zaitseva's loss ratios, where a profit counts as no loss).
    Loss {
        /// The result whose loss is measured.
        profit: LineItem,
        /// The denominator.
        per: Expr,
    },
}

/// One variable of a model.
#[derive(Debug, Clone)]
pub struct Variable {
    /// Its symbol in the source, e.g. `X1`.
    pub symbol: &'static str,
    /// What it measures.
    pub measure: Measure,
    /// Which balances it uses.
    pub balances: Balances,
    /// The definition as text, rendered once.
    text: OnceLock<String>,
}

/// A coefficient times a variable.
#[derive(Debug, Clone)]
pub struct Term {
    /// The coefficient, exactly as published.
    pub coefficient: Decimal,
    /// The variable.
    pub variable: Variable,
}

/// Which way the score points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A higher score means a sounder firm (Altman and most models).
    HigherIsSafer,
    /// A higher score means more risk (Zaitseva).
    HigherIsRiskier,
}

/// Which zone a score exactly at a cut-off falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AtCutoff {
    /// The zone above the cut-off (the cut-off is that zone's inclusive lower bound).
    Above,
    /// The zone below the cut-off (the cut-off is that zone's inclusive upper bound).
    Below,
}

/// A boundary between two zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cutoff {
    /// The score at the boundary.
    pub value: Decimal,
    /// Which zone the boundary itself belongs to.
    pub at_cutoff: AtCutoff,
}

/// The zones of a model.
#[derive(Debug, Clone)]
pub enum Zones {
    /// Fixed cut-offs, in increasing order, between `names.len()` zones named from the
    /// lowest score up (`names.len() == cutoffs.len() + 1`).
    Ladder {
        /// The cut-offs, increasing.
        cutoffs: Vec<Cutoff>,
        /// The zone names, from the lowest score up.
        names: Vec<&'static str>,
    },
    /// One cut-off computed from the previous period (Zaitseva's norm):
    /// `constant + coefficient × variable(previous period)`.
    PreviousPeriodNorm {
        /// The constant of the norm.
        constant: Decimal,
        /// The coefficient of the previous period's variable.
        coefficient: Decimal,
        /// The variable, evaluated for the previous period.
        variable: Expr,
        /// The zone at or below the norm.
        at_or_below: &'static str,
        /// The zone above the norm.
        above: &'static str,
    },
}

/// One distress model: its single definition.
#[derive(Debug, Clone)]
pub struct DistressModel {
    /// The model's typed id; its name (`altman_z_1968`) is stable.
    pub id: DistressId,
    /// Readable name, e.g. `Altman Z (1968)`.
    pub name: &'static str,
    /// The family, for documents.
    pub family: Family,
    /// The symbol of the score (`Z`, `W`, `R`).
    pub symbol: &'static str,
    /// The constant term (zero when the model has none).
    pub constant: Decimal,
    /// The terms, in the source's order.
    pub terms: Vec<Term>,
    /// Which way the score points.
    pub direction: Direction,
    /// The zones.
    pub zones: Zones,
    /// The primary source: author, year, journal or book.
    pub source: &'static str,
    /// Where other sources disagree (a coefficient, a variable, a cut-off), what they
    /// say, and why this version was chosen.
    pub disagreements: &'static [&'static str],
    /// The formula as text, rendered once.
    text: OnceLock<String>,
}

/// A model's score in one period, with the values of its variables.
#[derive(Debug, Clone, Serialize)]
pub struct DistressScore {
    /// The score, at full precision.
    pub score: Decimal,
    /// The zone's name, or why the zone is unknown (Zaitseva's norm needs the previous
    /// period).
    #[serde(serialize_with = "serialize_zone")]
    pub zone: Result<&'static str, NotComputable>,
    /// Each variable's symbol and value, in the model's order.
    pub variables: Vec<(&'static str, Decimal)>,
}

/// One model over the periods.
#[derive(Debug, Clone, Serialize)]
pub struct DistressRow {
    /// The model's id (serialised as its name).
    pub id: DistressId,
    /// Its readable name.
    pub name: &'static str,
    /// Its formula as text, with the line items used.
    pub formula: &'static str,
    /// Per period, in order, the score and zone or why there is none.
    #[serde(serialize_with = "serialize_scores")]
    pub values: Vec<(Period, Result<DistressScore, NotComputable>)>,
}

/// Evaluates every model for every period of `statements`.
pub fn evaluate_all_models(statements: &Statements, config: &EvalConfig) -> Vec<DistressRow> {
    let periods = statements.period_list();
    let averaged = averaged_config(config);
    // One set of evaluators per period, shared by every model: the line items are
    // fetched and the catalogue ratios computed once per period, not per variable.
    let mut evaluators: Vec<PeriodEvaluators<'_>> = periods
        .iter()
        .map(|period| PeriodEvaluators::new(statements, *period, config, &averaged))
        .collect();
    models()
        .iter()
        .map(|model| DistressRow {
            id: model.id,
            name: model.name,
            formula: model.formula_text(),
            values: periods
                .iter()
                .zip(&mut evaluators)
                .map(|(period, evaluators)| {
                    (*period, model.evaluate_in(statements, *period, evaluators))
                })
                .collect(),
        })
        .collect()
}

/// The configuration of a variable defined on average balances: the average basis
/// where the evaluation's is year-end (a chronological basis is kept).
fn averaged_config(config: &EvalConfig) -> EvalConfig {
    match config.basis {
        Basis::YearEnd => EvalConfig {
            basis: Basis::Average,
            ..*config
        },
        _ => *config,
    }
}

/// The evaluators of one period: on the evaluation's balances, and (made when first
/// needed) on average balances for the variables a source defines on averages.
pub(crate) struct PeriodEvaluators<'a> {
    statements: &'a Statements,
    period: Period,
    config: &'a EvalConfig,
    given: Evaluator<'a>,
    averaged_config: &'a EvalConfig,
    averaged: Option<Evaluator<'a>>,
}

impl<'a> PeriodEvaluators<'a> {
    fn new(
        statements: &'a Statements,
        period: Period,
        config: &'a EvalConfig,
        averaged_config: &'a EvalConfig,
    ) -> PeriodEvaluators<'a> {
        PeriodEvaluators {
            statements,
            period,
            config,
            given: Evaluator::new(statements, period, config),
            averaged_config,
            averaged: None,
        }
    }

    /// The evaluator for a variable on `balances`.
    fn on(&mut self, balances: Balances) -> &mut Evaluator<'a> {
        let PeriodEvaluators {
            statements,
            period,
            config,
            given,
            averaged_config,
            averaged,
        } = self;
        if balances == Balances::Average && config.basis == Basis::YearEnd {
            averaged.get_or_insert_with(|| Evaluator::new(statements, *period, averaged_config))
        } else {
            given
        }
    }
}

pub use crate::distress::models::DistressId;

impl DistressId {
    /// The model this id names.
    pub fn model(self) -> &'static DistressModel {
        &models()[self.index()]
    }
}

impl Serialize for DistressId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl fmt::Display for DistressId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Variable {
    /// A variable over the evaluation's balances.
    pub fn new(symbol: &'static str, expr: Expr) -> Variable {
        Variable::with(symbol, Measure::Expr(expr), Balances::AsConfigured)
    }

    /// A variable with the given measure and balances.
    pub fn with(symbol: &'static str, measure: Measure, balances: Balances) -> Variable {
        Variable {
            symbol,
            measure,
            balances,
            text: OnceLock::new(),
        }
    }

    /// The definition as text, e.g. `working capital / total assets`.
    pub fn formula_text(&self) -> &str {
        self.text.get_or_init(|| self.render_formula(Lang::En))
    }

    /// The definition as text in `lang`.
    pub fn formula_text_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.formula_text().to_owned(),
            _ => self.render_formula(lang),
        }
    }

    fn render_formula(&self, lang: Lang) -> String {
        let messages = messages();
        let text = match &self.measure {
            Measure::Expr(expr) => expr.to_text_in(lang),
            Measure::Loss { profit, per } => messages.format(
                lang,
                "distress.loss",
                &[
                    ("profit", &profit.label_in(lang)),
                    ("per", &per.to_text_in(lang)),
                ],
            ),
        };
        match self.balances {
            Balances::AsConfigured => text,
            Balances::Average => messages.format(lang, "distress.on_average", &[("text", &text)]),
        }
    }

    /// The variable's value in `period`.
    ///
    /// # Errors
    ///
    /// [`NotComputable`] with the reason, as [`Expr::evaluate`].
    pub fn evaluate(
        &self,
        statements: &Statements,
        period: Period,
        config: &EvalConfig,
    ) -> Result<Decimal, NotComputable> {
        let averaged = averaged_config(config);
        let mut evaluators = PeriodEvaluators::new(statements, period, config, &averaged);
        self.evaluate_in(period, &mut evaluators)
    }

    /// The variable's value with the evaluators of `period`.
    fn evaluate_in(
        &self,
        period: Period,
        evaluators: &mut PeriodEvaluators<'_>,
    ) -> Result<Decimal, NotComputable> {
        let evaluator = evaluators.on(self.balances);
        match &self.measure {
            Measure::Expr(expr) => evaluator.expression(expr),
            Measure::Loss { profit, per } => {
                let profit = evaluator.expression(&Expr::Item(*profit))?;
                let per_value = evaluator.expression(per)?;
                if per_value.is_zero() {
                    return Err(NotComputable::ZeroDenominator {
                        denominator: Box::new(per.clone()),
                        period,
                    });
                }
                if Decimal::ZERO <= profit {
                    return Ok(Decimal::ZERO);
                }
                (-profit)
                    .checked_div(per_value)
                    .ok_or(NotComputable::Overflow)
            }
        }
    }
}

impl DistressModel {
    /// The formula as text: the score, each variable with its definition, and the
    /// catalogue amounts the definitions use, e.g. `Z = 1.2 × X1 + …; X1 = working
    /// capital / total assets; …; where working capital = current assets - current
    /// liabilities; …`.
    pub fn formula_text(&self) -> &str {
        self.text.get_or_init(|| self.render_formula(Lang::En))
    }

    /// The formula as text in `lang`, with the line items' and ratios' names in it.
    pub fn formula_text_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.formula_text().to_owned(),
            _ => self.render_formula(lang),
        }
    }

    /// The readable name in `lang` (the table's `name` in English).
    pub fn name_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.name,
            _ => messages().get(lang, &format!("distress.model.{}", self.id.name())),
        }
    }

    fn render_formula(&self, lang: Lang) -> String {
        let mut parts = vec![self.score_text()];
        parts.extend(self.terms.iter().map(|term| {
            format!(
                "{} = {}",
                term.variable.symbol,
                term.variable.formula_text_in(lang)
            )
        }));
        let derived: Vec<String> = self
            .derived_amounts()
            .iter()
            .map(|id| {
                format!(
                    "{} = {}",
                    id.label_in(lang),
                    id.ratio().formula_text_in(lang)
                )
            })
            .collect();
        let mut text = parts.join("; ");
        if !derived.is_empty() {
            text.push_str("; ");
            text.push_str(messages().get(lang, "distress.where"));
            text.push(' ');
            text.push_str(&derived.join("; "));
        }
        text
    }

    /// The score alone, e.g. `Z = 1.2 × X1 + 1.4 × X2 + …`.
    pub fn score_text(&self) -> String {
        let mut score = format!("{} = ", self.symbol);
        let mut first = true;
        if !self.constant.is_zero() {
            score.push_str(&self.constant.to_string());
            first = false;
        }
        for term in &self.terms {
            let negative = term.coefficient.is_sign_negative();
            match (first, negative) {
                (true, true) => score.push('-'),
                (true, false) => {}
                (false, true) => score.push_str(" - "),
                (false, false) => score.push_str(" + "),
            }
            let _ = write!(
                score,
                "{} × {}",
                term.coefficient.abs(),
                term.variable.symbol
            );
            first = false;
        }
        score
    }

    /// The score as an Excel formula (with the leading `=`) over the cells `cells`
    /// names: `=constant + coefficient*(variable) + …`, each variable rendered from its
    /// catalogue expression. A variable the source defines on average balances refers
    /// to the line items, never to a ratio's cell, when the evaluation's balances are
    /// year-end (the cell holds the year-end value); a loss variable is
    /// `IF(profit<0,-(profit)/(per),0)`.
    ///
    /// # Errors
    ///
    /// As [`Expr::to_excel`]: a needed cell that does not exist.
    pub fn excel_formula(
        &self,
        period: Period,
        config: &EvalConfig,
        cells: &dyn CellRefs,
    ) -> Result<String, NotComputable> {
        let averaged = averaged_config(config);
        let expanded = ItemsOnly(cells);
        let mut formula = String::from("=");
        if !self.constant.is_zero() {
            formula.push_str(&self.constant.to_string());
        }
        for term in &self.terms {
            let variable = &term.variable;
            let (config, cells): (&EvalConfig, &dyn CellRefs) =
                match (variable.balances, averaged == *config) {
                    (Balances::Average, false) => (&averaged, &expanded),
                    (Balances::Average, true) | (Balances::AsConfigured, _) => (config, cells),
                };
            let value = match &variable.measure {
                Measure::Expr(expr) => expr.to_excel(period, config, cells)?,
                Measure::Loss { profit, per } => {
                    let profit = Expr::Item(*profit).to_excel(period, config, cells)?;
                    let per = per.to_excel(period, config, cells)?;
                    format!("IF({profit}<0,-({profit})/({per}),0)")
                }
            };
            if term.coefficient.is_sign_negative() {
                formula.push('-');
            } else if formula.len() > 1 {
                formula.push('+');
            }
            let _ = write!(formula, "{}*({value})", term.coefficient.abs());
        }
        Ok(formula)
    }

    /// The catalogue ratios and amounts the variables refer to, directly or through
    /// one another, in order of first use.
    pub fn derived_amounts(&self) -> Vec<RatioId> {
        let mut found = Vec::new();
        for term in &self.terms {
            match &term.variable.measure {
                Measure::Expr(expr) => referenced_ratios(expr, &mut found),
                Measure::Loss { per, .. } => referenced_ratios(per, &mut found),
            }
        }
        found
    }

    /// The score and zone in `period`.
    ///
    /// # Errors
    ///
    /// [`NotComputable::DistressVariable`] naming every variable that lacks an input and
    /// the line items they need, or the first variable that cannot be computed for
    /// another reason (a zero denominator, an overflow) and why; never a partial score.
    /// [`NotComputable::Overflow`] when the score itself leaves the decimal range.
    pub fn evaluate(
        &self,
        statements: &Statements,
        period: Period,
        config: &EvalConfig,
    ) -> Result<DistressScore, NotComputable> {
        let averaged = averaged_config(config);
        let mut evaluators = PeriodEvaluators::new(statements, period, config, &averaged);
        self.evaluate_in(statements, period, &mut evaluators)
    }

    /// The score and zone in `period`, with the evaluators of that period.
    fn evaluate_in(
        &self,
        statements: &Statements,
        period: Period,
        evaluators: &mut PeriodEvaluators<'_>,
    ) -> Result<DistressScore, NotComputable> {
        let config = evaluators.config;
        let mut score = self.constant;
        let mut variables = Vec::with_capacity(self.terms.len());
        let mut missing: Option<NotComputable> = None;
        let mut missing_variables = Vec::new();
        let mut missing_items = Vec::new();
        for term in &self.terms {
            let symbol = term.variable.symbol;
            let value = match term.variable.evaluate_in(period, evaluators) {
                Ok(value) => value,
                Err(reason) => {
                    let Some(item) = needs(&reason) else {
                        return Err(NotComputable::DistressVariable {
                            variables: vec![symbol],
                            needs: Vec::new(),
                            cause: Box::new(reason),
                        });
                    };
                    missing_variables.push(symbol);
                    if !missing_items.contains(&item) {
                        missing_items.push(item);
                    }
                    missing.get_or_insert(reason);
                    continue;
                }
            };
            let weighted = term
                .coefficient
                .checked_mul(value)
                .ok_or(NotComputable::Overflow)?;
            score = score.checked_add(weighted).ok_or(NotComputable::Overflow)?;
            variables.push((symbol, value));
        }
        if let Some(cause) = missing {
            return Err(NotComputable::DistressVariable {
                variables: missing_variables,
                needs: missing_items,
                cause: Box::new(cause),
            });
        }
        let zone = self.zone(score, statements, period, config);
        Ok(DistressScore {
            score,
            zone,
            variables,
        })
    }

    /// The zone of `score` in `period`.
    fn zone(
        &self,
        score: Decimal,
        statements: &Statements,
        period: Period,
        config: &EvalConfig,
    ) -> Result<&'static str, NotComputable> {
        match &self.zones {
            Zones::Ladder { cutoffs, names } => Ok(ladder_zone(score, cutoffs, names)),
            Zones::PreviousPeriodNorm {
                constant,
                coefficient,
                variable,
                at_or_below,
                above,
            } => {
                let previous = period.previous().ok_or(NotComputable::NoPreviousPeriod {
                    period,
                    needed_for: "the zone's norm",
                })?;
                let value = variable
                    .evaluate(statements, previous, config)
                    .map_err(|reason| NotComputable::DistressVariable {
                        variables: vec!["the zone's norm"],
                        needs: needs(&reason).into_iter().collect(),
                        cause: Box::new(reason),
                    })?;
                let norm = coefficient
                    .checked_mul(value)
                    .and_then(|weighted| weighted.checked_add(*constant))
                    .ok_or(NotComputable::Overflow)?;
                Ok(if score <= norm { at_or_below } else { above })
            }
        }
    }
}

/// The cells of line items only: every ratio is expanded into its definition.
struct ItemsOnly<'a>(&'a dyn CellRefs);

impl CellRefs for ItemsOnly<'_> {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        self.0.item(item, period)
    }

    fn ratio(&self, _: RatioId, _: Period) -> Option<String> {
        None
    }
}

/// Adds the ratios `expr` refers to, and those they refer to, to `found`.
fn referenced_ratios(expr: &Expr, found: &mut Vec<RatioId>) {
    match expr {
        Expr::Ratio(id) => {
            if !found.contains(id) {
                found.push(*id);
                referenced_ratios(&id.ratio().expr, found);
            }
        }
        Expr::SumOfPresent(terms) | Expr::FirstPresent(terms) => {
            for term in terms {
                referenced_ratios(term, found);
            }
        }
        Expr::Add(left, right)
        | Expr::Sub(left, right)
        | Expr::Mul(left, right)
        | Expr::Div(left, right) => {
            referenced_ratios(left, found);
            referenced_ratios(right, found);
        }
        Expr::Item(_) | Expr::Constant(_) | Expr::DaysInPeriod => {}
    }
}

/// The zone of `score` on a ladder: the number of cut-offs the score is past decides.
fn ladder_zone(score: Decimal, cutoffs: &[Cutoff], names: &[&'static str]) -> &'static str {
    let n_passed = cutoffs
        .iter()
        .filter(|cutoff| match cutoff.at_cutoff {
            AtCutoff::Above => cutoff.value <= score,
            AtCutoff::Below => cutoff.value < score,
        })
        .count();
    names.get(n_passed).copied().unwrap_or("unnamed zone")
}

/// The line item a variable needs, when it is not computable for want of an input
/// (a missing item or opening balance).
fn needs(reason: &NotComputable) -> Option<LineItem> {
    match reason {
        NotComputable::MissingItem { item, .. } | NotComputable::NoOpeningBalance { item, .. } => {
            Some(*item)
        }
        _ => None,
    }
}

fn serialize_zone<S: Serializer>(
    zone: &Result<&'static str, NotComputable>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    Outcome::from(zone.clone()).serialize(serializer)
}

fn serialize_scores<S: Serializer>(
    values: &[(Period, Result<DistressScore, NotComputable>)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(|(period, value)| PeriodResult {
        period: *period,
        outcome: value.clone().into(),
    }))
}

#[cfg(test)]
mod tests;

/// How risky a zone is, for colouring and for what to look at first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneRisk {
    /// The model's riskiest zone (distress, bankruptcy risk).
    Danger,
    /// Between the riskiest and the safest zone (the grey zone).
    Between,
    /// The model's safest zone.
    Safe,
}

impl DistressModel {
    /// How risky `zone` is in this model: its riskiest zone is the lowest scores when
    /// a higher score means a sounder firm, the highest when it means more risk.
    pub fn zone_risk(&self, zone: &str) -> ZoneRisk {
        let (riskiest, safest) = match &self.zones {
            Zones::Ladder { names, .. } => {
                let lowest = names.first().copied().unwrap_or_default();
                let highest = names.last().copied().unwrap_or_default();
                match self.direction {
                    Direction::HigherIsSafer => (lowest, highest),
                    Direction::HigherIsRiskier => (highest, lowest),
                }
            }
            Zones::PreviousPeriodNorm {
                at_or_below, above, ..
            } => match self.direction {
                Direction::HigherIsSafer => (*at_or_below, *above),
                Direction::HigherIsRiskier => (*above, *at_or_below),
            },
        };
        if zone == riskiest {
            ZoneRisk::Danger
        } else if zone == safest {
            ZoneRisk::Safe
        } else {
            ZoneRisk::Between
        }
    }
}
