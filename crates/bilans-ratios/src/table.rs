//! Every ratio of the catalogue for every period of one set of statements.

use bilans_model::{Period, Statements};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::eval::Evaluator;
use crate::{EvalConfig, NotComputable, Ratio, RatioId, catalogue};

/// One ratio's values over the periods.
#[derive(Debug, Clone, Serialize)]
pub struct RatioRow {
    /// The ratio's id (serialised as its name).
    pub id: RatioId,
    /// Its readable name.
    pub name: &'static str,
    /// Its definition as text.
    pub formula: &'static str,
    /// Per period (in order), the value or why there is none.
    #[serde(serialize_with = "serialize_values")]
    pub values: Vec<(Period, Result<Decimal, NotComputable>)>,
}

/// The whole catalogue evaluated over one set of statements.
#[derive(Debug, Clone, Serialize)]
pub struct RatioTable {
    /// The periods, in order.
    pub periods: Vec<Period>,
    /// How the ratios were evaluated.
    pub config: EvalConfig,
    /// One row per ratio, in catalogue order.
    pub rows: Vec<RatioRow>,
}

impl RatioTable {
    /// The row of ratio `id`, if present.
    pub fn row(&self, id: RatioId) -> Option<&RatioRow> {
        self.rows.iter().find(|row| row.id == id)
    }
}

impl RatioRow {
    /// The value in `period`, if computed.
    pub fn value(&self, period: Period) -> Option<&Result<Decimal, NotComputable>> {
        self.values
            .iter()
            .find(|(row_period, _)| *row_period == period)
            .map(|(_, value)| value)
    }
}

/// Evaluates every ratio of the catalogue for every period of `statements`.
pub fn evaluate_all(statements: &Statements, config: &EvalConfig) -> RatioTable {
    let periods = statements.period_list();
    let ratios = catalogue();
    let mut rows: Vec<RatioRow> = ratios
        .iter()
        .map(|ratio: &'static Ratio| RatioRow {
            id: ratio.id,
            name: ratio.name,
            formula: ratio.formula_text(),
            values: Vec::with_capacity(periods.len()),
        })
        .collect();
    for period in &periods {
        let mut evaluator = Evaluator::new(statements, *period, config);
        for row in &mut rows {
            row.values.push((*period, evaluator.ratio(row.id)));
        }
    }
    RatioTable {
        periods,
        config: *config,
        rows,
    }
}

/// A per-period result: a value or why there is none.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodResult<T> {
    /// The period.
    pub period: Period,
    /// The value, or the reason it is not computable.
    #[serde(flatten)]
    pub outcome: Outcome<T>,
}

/// A value, or the reason it cannot be computed (serialized as `value` or
/// `not_computable`, with the reason's text).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome<T> {
    /// The computed value.
    Value(T),
    /// Why there is no value.
    NotComputable {
        /// The structured reason.
        reason: NotComputable,
        /// The reason as a sentence.
        text: String,
    },
}

impl<T> From<Result<T, NotComputable>> for Outcome<T> {
    fn from(result: Result<T, NotComputable>) -> Outcome<T> {
        match result {
            Ok(value) => Outcome::Value(value),
            Err(reason) => {
                let text = reason.to_string();
                Outcome::NotComputable { reason, text }
            }
        }
    }
}

fn serialize_values<S: Serializer>(
    values: &[(Period, Result<Decimal, NotComputable>)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(|(period, value)| PeriodResult {
        period: *period,
        outcome: value.clone().into(),
    }))
}
