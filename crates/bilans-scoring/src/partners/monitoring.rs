//! Stage 3 of seed 000 (Fig. 2): monitoring the functionality of the chosen model.
//!
//! Each indicator has the level it must reach; a period is functional when every
//! indicator reaches its level. The next steps are the article's: forecast profit and
//! non-financial results with ongoing analysis and control when functional; otherwise
//! analyse the deviations and their causes and change the form of partnership (or
//! leave it).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::lang::Words;
use crate::partners::error::{InputError, InputLocation};

/// The article's next steps when the model is functional.
pub const NEXT_STEPS_FUNCTIONAL: &[&str] = &[
    "forecast profit and non-financial results",
    "ongoing analysis and control",
];

/// The article's next steps when it is not.
pub const NEXT_STEPS_NOT_FUNCTIONAL: &[&str] = &[
    "analyse the deviations from optimality and identify their causes",
    "change the form of partnership (association, alliance, concern, holding, ...) or leave the partnership",
];

/// The monitoring input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringInput {
    /// The chosen partnership model.
    pub model: String,
    /// The periods observed, in order.
    pub periods: Vec<String>,
    /// The indicators.
    pub indicators: Vec<IndicatorInput>,
}

/// Which way an indicator must go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The actual value must be at least the target.
    #[default]
    AtLeast,
    /// The actual value must be at most the target.
    AtMost,
}

/// One indicator of functionality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum IndicatorInput {
    /// A measured indicator (growth of sales, profit, market share, ...).
    Quantitative {
        /// The indicator.
        name: String,
        /// Its unit, for display.
        #[serde(default)]
        unit: Option<String>,
        /// Which way it must go.
        #[serde(default)]
        direction: Direction,
        /// The level to reach.
        target: Decimal,
        /// Actual values, one per period.
        actual: Vec<Decimal>,
    },
    /// An assessed indicator on an ordered list of levels (e.g. competitive advantages
    /// reached: no / partly / yes).
    Qualitative {
        /// The indicator.
        name: String,
        /// The levels, worst first.
        levels: Vec<String>,
        /// The level to reach.
        target: String,
        /// Actual levels, one per period.
        actual: Vec<String>,
    },
}

/// An indicator that falls short in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortfall {
    /// The indicator.
    pub indicator: String,
    /// The target, as text.
    pub target: String,
    /// The actual value, as text.
    pub actual: String,
    /// How far short: target − actual (at least), actual − target (at most), or the
    /// number of levels missing (qualitative).
    pub gap: Decimal,
    /// The gap as a share of |target|, for quantitative indicators with a non-zero
    /// target.
    pub relative_gap: Option<Decimal>,
}

/// The verdict for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodVerdict {
    /// The period.
    pub period: String,
    /// Whether every indicator reached its level.
    pub functional: bool,
    /// The indicators that fall short.
    pub shortfalls: Vec<Shortfall>,
    /// The article's next steps.
    pub next_steps: Vec<String>,
}

impl PeriodVerdict {
    /// `functional` or `not functional`, as the reports print it.
    pub fn status(&self) -> &'static str {
        if self.functional {
            "functional"
        } else {
            "not functional"
        }
    }
}

/// The monitoring result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Monitoring {
    /// The chosen model.
    pub model: String,
    /// One verdict per period.
    pub verdicts: Vec<PeriodVerdict>,
}

/// Evaluates the monitoring.
///
/// # Errors
///
/// A located error when an indicator has a number of actual values different from the
/// number of periods, or a qualitative level that is not among its levels.
pub fn evaluate_monitoring(input: &MonitoringInput) -> Result<Monitoring, InputError> {
    let indicator_field = |indicator_idx: usize, name: &str| {
        InputLocation::Field(format!("monitoring.indicators[{indicator_idx}].{name}"))
    };
    for (indicator_idx, indicator) in input.indicators.iter().enumerate() {
        let n_actual = match indicator {
            IndicatorInput::Quantitative { actual, .. } => actual.len(),
            IndicatorInput::Qualitative { actual, .. } => actual.len(),
        };
        if n_actual != input.periods.len() {
            return Err(InputError::new(
                indicator_field(indicator_idx, "actual"),
                Words::new(
                    "partners_input.value_count",
                    &[("values", &n_actual), ("periods", &input.periods.len())],
                ),
            ));
        }
        if let IndicatorInput::Qualitative {
            levels,
            target,
            actual,
            ..
        } = indicator
        {
            if !levels.contains(target) {
                return Err(InputError::new(
                    indicator_field(indicator_idx, "target"),
                    Words::new("partners_input.not_a_level", &[("text", target)]),
                ));
            }
            if let Some(period_idx) = actual.iter().position(|value| !levels.contains(value)) {
                return Err(InputError::new(
                    InputLocation::MonitoringValue {
                        indicator: indicator_idx,
                        period: period_idx,
                    },
                    Words::new(
                        "partners_input.not_a_level",
                        &[("text", &actual[period_idx])],
                    ),
                ));
            }
        }
    }
    let verdicts = input
        .periods
        .iter()
        .enumerate()
        .map(|(period_idx, period)| {
            let mut shortfalls = Vec::new();
            for (indicator_idx, indicator) in input.indicators.iter().enumerate() {
                let found = shortfall(indicator, period_idx).ok_or_else(|| {
                    InputError::new(
                        InputLocation::MonitoringValue {
                            indicator: indicator_idx,
                            period: period_idx,
                        },
                        Words::new("partners_input.gap_overflow", &[]),
                    )
                })?;
                shortfalls.extend(found);
            }
            let functional = shortfalls.is_empty();
            let steps = if functional {
                NEXT_STEPS_FUNCTIONAL
            } else {
                NEXT_STEPS_NOT_FUNCTIONAL
            };
            Ok(PeriodVerdict {
                period: period.clone(),
                functional,
                shortfalls,
                next_steps: steps.iter().map(|step| (*step).to_owned()).collect(),
            })
        })
        .collect::<Result<Vec<PeriodVerdict>, InputError>>()?;
    Ok(Monitoring {
        model: input.model.clone(),
        verdicts,
    })
}

/// The shortfall of `indicator` in a period: `Some(None)` when it reaches its level,
/// `None` when the gap exceeds a Decimal's range.
fn shortfall(indicator: &IndicatorInput, period_idx: usize) -> Option<Option<Shortfall>> {
    match indicator {
        IndicatorInput::Quantitative {
            name,
            unit,
            direction,
            target,
            actual,
        } => {
            let value = actual[period_idx];
            let gap = match direction {
                Direction::AtLeast => target.checked_sub(value)?,
                Direction::AtMost => value.checked_sub(*target)?,
            };
            if gap <= Decimal::ZERO {
                return Some(None);
            }
            let relative_gap = if target.is_zero() {
                None
            } else {
                Some(gap.checked_div(target.abs())?)
            };
            let unit = unit
                .as_deref()
                .map(|unit| format!(" {unit}"))
                .unwrap_or_default();
            let bound = match direction {
                Direction::AtLeast => "≥",
                Direction::AtMost => "≤",
            };
            Some(Some(Shortfall {
                indicator: name.clone(),
                target: format!("{bound} {target}{unit}"),
                actual: format!("{value}{unit}"),
                gap,
                relative_gap,
            }))
        }
        IndicatorInput::Qualitative {
            name,
            levels,
            target,
            actual,
        } => {
            let position = |level: &str| {
                levels
                    .iter()
                    .position(|candidate| candidate == level)
                    .unwrap_or(0)
            };
            let wanted = position(target);
            let reached = position(&actual[period_idx]);
            if wanted <= reached {
                return Some(None);
            }
            Some(Some(Shortfall {
                indicator: name.clone(),
                target: format!("≥ {target}"),
                actual: actual[period_idx].clone(),
                gap: Decimal::from(wanted - reached),
                relative_gap: None,
            }))
        }
    }
}
