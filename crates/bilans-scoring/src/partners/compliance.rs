//! Stage 2 of seed 000: the compliance matrix of partnership models against result
//! indicators, its totals, the optimum, and the user's constraints.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::lang::Words;
use crate::partners::error::{InputError, InputLocation};
use crate::partners::top_names;

/// The compliance matrix as written by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceInput {
    /// The partnership models (columns).
    pub models: Vec<String>,
    /// One row per result indicator.
    pub rows: Vec<ComplianceRowInput>,
    /// Models to exclude from the optimum (e.g. those that cost the firm its
    /// independence).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Indicator weights by indicator name (missing indicators weigh 1).
    #[serde(default)]
    pub weights: std::collections::BTreeMap<String, Decimal>,
}

/// One indicator row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceRowInput {
    /// The result indicator.
    pub indicator: String,
    /// One mark per model: `+`; `-` (also `–`, `−`); or `±` / `~` / `partly`.
    pub marks: Vec<String>,
}

/// One mark of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// The model is likely to deliver the indicator (`+`), worth 1.
    Yes,
    /// It is not (`−`), worth 0.
    No,
    /// Partly (`±`), worth ½.
    Partly,
}

impl Mark {
    /// Parses a printed mark.
    pub fn parse(text: &str) -> Option<Mark> {
        match text.trim() {
            "+" => Some(Mark::Yes),
            "-" | "–" | "−" | "—" => Some(Mark::No),
            "±" | "~" | "partly" | "+/-" => Some(Mark::Partly),
            _ => None,
        }
    }

    /// The value counted in the totals: 1, 0 or ½.
    pub fn value(self) -> Decimal {
        match self {
            Mark::Yes => Decimal::ONE,
            Mark::No => Decimal::ZERO,
            Mark::Partly => Decimal::new(5, 1),
        }
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mark::Yes => "+",
            Mark::No => "–",
            Mark::Partly => "±",
        })
    }
}

/// One model's column totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelTotal {
    /// The model.
    pub model: String,
    /// Σ of mark values (the article's "Усього" when no mark is partly).
    pub total: Decimal,
    /// Σ weight × mark value.
    pub weighted_total: Decimal,
    /// Whether the user excluded the model.
    pub excluded: bool,
}

/// The evaluated matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compliance {
    /// The models.
    pub models: Vec<String>,
    /// The indicators and their weights.
    pub indicators: Vec<(String, Decimal)>,
    /// Marks, indicators × models.
    pub marks: Vec<Vec<Mark>>,
    /// Totals per model.
    pub totals: Vec<ModelTotal>,
    /// The models with the most (unweighted) marks: the article's optimum.
    pub optimum: Vec<String>,
    /// The best by weighted total among the models not excluded.
    pub constrained_optimum: Vec<String>,
}

/// Evaluates a compliance matrix.
///
/// # Formula
///
/// Seed 000, stage 2 (Table 2): total per model = number of `+` (a partly mark counts
/// ½); the optimum is the model with the largest total. Constraints (beyond the
/// paper, which asks to adapt the optimum to the firm's strategy): excluded models
/// leave the running, and the constrained optimum maximises Σ weight × mark.
///
/// # Errors
///
/// A located error for an unknown mark, a row of the wrong length, an unknown
/// excluded model or weighted indicator, or a negative weight.
pub fn evaluate_compliance(input: &ComplianceInput) -> Result<Compliance, InputError> {
    let field = |name: &str| InputLocation::Field(format!("compliance.{name}"));
    if input.models.is_empty() {
        let message = Words::new("partners_input.no_models", &[]);
        return Err(InputError::new(field("models"), message));
    }
    for excluded in &input.exclude {
        if !input.models.contains(excluded) {
            return Err(InputError::new(
                field("exclude"),
                Words::new("partners_input.unknown_model", &[("model", excluded)]),
            ));
        }
    }
    for (indicator, weight) in &input.weights {
        if !input.rows.iter().any(|row| &row.indicator == indicator) {
            return Err(InputError::new(
                field("weights"),
                Words::new(
                    "partners_input.unknown_indicator",
                    &[("indicator", indicator)],
                ),
            ));
        }
        if weight.is_sign_negative() {
            return Err(InputError::new(
                field("weights"),
                Words::new(
                    "partners_input.negative_indicator_weight",
                    &[("weight", weight), ("indicator", indicator)],
                ),
            ));
        }
    }
    let mut marks = Vec::with_capacity(input.rows.len());
    let mut indicators = Vec::with_capacity(input.rows.len());
    for (indicator_idx, row) in input.rows.iter().enumerate() {
        if row.marks.len() != input.models.len() {
            return Err(InputError::new(
                InputLocation::Field(format!("compliance.rows[{indicator_idx}].marks")),
                Words::new(
                    "partners_input.mark_count",
                    &[("marks", &row.marks.len()), ("models", &input.models.len())],
                ),
            ));
        }
        let mut row_marks = Vec::with_capacity(row.marks.len());
        for (model_idx, text) in row.marks.iter().enumerate() {
            let Some(mark) = Mark::parse(text) else {
                return Err(InputError::new(
                    InputLocation::ComplianceMark {
                        indicator: indicator_idx,
                        model: model_idx,
                    },
                    Words::new("partners_input.not_a_mark", &[("text", text)]),
                ));
            };
            row_marks.push(mark);
        }
        marks.push(row_marks);
        indicators.push((
            row.indicator.clone(),
            input
                .weights
                .get(&row.indicator)
                .copied()
                .unwrap_or(Decimal::ONE),
        ));
    }
    let mut totals: Vec<ModelTotal> = Vec::with_capacity(input.models.len());
    for (model_idx, model) in input.models.iter().enumerate() {
        // A mark is worth 0, ½ or 1, so each term is at most its weight; only the sum
        // of the weights can exceed a Decimal's range.
        let weighted_total = marks
            .iter()
            .zip(&indicators)
            .try_fold(Decimal::ZERO, |sum, (row, (_, weight))| {
                sum.checked_add(row[model_idx].value() * weight)
            })
            .ok_or_else(|| {
                InputError::new(
                    field("weights"),
                    Words::new("partners_input.weighted_total_overflow", &[]),
                )
            })?;
        totals.push(ModelTotal {
            model: model.clone(),
            total: marks.iter().map(|row| row[model_idx].value()).sum(),
            weighted_total,
            excluded: input.exclude.contains(model),
        });
    }
    let optimum = best(totals.iter(), |total| total.total);
    let constrained_optimum = best(totals.iter().filter(|total| !total.excluded), |total| {
        total.weighted_total
    });
    Ok(Compliance {
        models: input.models.clone(),
        indicators,
        marks,
        totals,
        optimum,
        constrained_optimum,
    })
}

fn best<'a>(
    totals: impl Iterator<Item = &'a ModelTotal> + Clone,
    key: impl Fn(&ModelTotal) -> Decimal,
) -> Vec<String> {
    top_names(totals.map(|total| (total.model.as_str(), Some(key(total)))))
}
