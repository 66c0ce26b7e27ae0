//! Achievement scores (seed 001 names no arithmetic; this is bilans' documented
//! definition, see `docs/kpi.md`).
//!
//! The run-time scale of a KPI is dispatched once to a marker type of
//! [`crate::kpi::scale`]; from there every formula is generic over the scale and bounded
//! by what the scale admits, so a ratio is only ever taken on a scale with a natural zero
//! and a deviation only on a metric scale.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::lang::Words;

use crate::kpi::card::Kpi;
use crate::kpi::direction::{Deviation, Direction};
use crate::kpi::scale::{
    Absolute, Binary, Difference, Interval, Measurement, Metric, NaturalZero, NotOnScale, Ordered,
    Ordinal, Ratio, RatioError, Scale, ScaleKind, difference, difference_ratio, ratio,
};
use crate::kpi::settings::Settings;

/// The achievement score of one KPI in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Score {
    /// A score in 0..=cap.
    Computed {
        /// The score, capped, not rounded.
        value: Decimal,
        /// The formula used.
        method: Method,
        /// Why a simpler formula than the usual one was used, if it was (its English
        /// text in JSON).
        note: Option<Words>,
    },
    /// No score, with the reason.
    NotComputable {
        /// Why (its English text in JSON).
        reason: Words,
    },
}

/// The formula behind a score (see `docs/kpi.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Positive KPI on a ratio or absolute scale: actual / plan.
    ActualOverPlan,
    /// Negative KPI on a ratio or absolute scale: plan / actual.
    PlanOverActual,
    /// Positive or negative KPI with a `zero_at` value: (actual − zero) / (plan − zero).
    Interpolation,
    /// All-or-nothing: 1 when the plan is met, else 0 (ordinal and binary scales, and
    /// metric scales where actual/plan is refused).
    Threshold,
    /// Interval KPI: 1 inside the tolerance, tolerance / |actual − optimum| outside.
    AbsoluteDeviation,
    /// Interval KPI: as [`Method::AbsoluteDeviation`] with the deviation a fraction of
    /// the optimum.
    RelativeDeviation,
}

/// A traffic light for a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// The plan is met.
    Green,
    /// Close to the plan.
    Amber,
    /// Far from the plan.
    Red,
}

/// Scores `actual` for `kpi`.
///
/// # Formula
///
/// Seed 001 gives directions and scales but no score; bilans defines, with x the actual,
/// p the plan, z the optional `zero_at`, o the optimum, t the tolerance and c the cap of
/// the KPI's direction and scale, every score clamped to 0..=c:
///
/// - positive, ratio or absolute scale, p > 0: x / p;
/// - negative, ratio or absolute scale, p ≥ 0: p / x (c when x ≤ 0);
/// - positive or negative with z (any metric scale): (x − z) / (p − z);
/// - ordinal, binary, and metric scales where x / p is refused (interval scale, or a
///   plan of the wrong sign): 1 when the plan is met, else 0, with a note;
/// - interval direction: d = |x − o| (absolute) or |x − o| / |o| (relative, ratio and
///   absolute scales only); 1 when d ≤ t, else t / d.
///
/// Each score is invariant under its scale's admissible transformations (property
/// tests in `tests.rs`).
pub fn score(kpi: &Kpi, actual: Decimal, settings: &Settings) -> Score {
    let cap = settings.cap(kpi.direction().kind(), kpi.scale());
    let direction = kpi.direction();
    let outcome = match kpi.scale() {
        ScaleKind::Nominal => Err(Refusal::Unordered),
        ScaleKind::Ordinal => by_order::<Ordinal>(direction, actual),
        ScaleKind::Binary => by_order::<Binary>(direction, actual),
        ScaleKind::Interval => by_metric::<Interval>(direction, actual, &without_natural_zero()),
        ScaleKind::Ratio => by_metric::<Ratio>(direction, actual, &with_natural_zero()),
        ScaleKind::Absolute => by_metric::<Absolute>(direction, actual, &with_natural_zero()),
    };
    match outcome {
        Ok(Raw {
            value,
            method,
            note,
        }) => {
            let value = value.min(cap).max(Decimal::ZERO);
            Score::Computed {
                value,
                method,
                note,
            }
        }
        Err(refusal) => Score::NotComputable {
            reason: refusal.words(),
        },
    }
}

impl Score {
    /// The value, when computed.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Score::Computed { value, .. } => Some(*value),
            Score::NotComputable { .. } => None,
        }
    }
}

impl Light {
    /// The light of `value` under the settings' thresholds.
    pub fn of(value: Decimal, settings: &Settings) -> Light {
        if settings.green_from <= value {
            Light::Green
        } else if settings.amber_from <= value {
            Light::Amber
        } else {
            Light::Red
        }
    }
}

/// Why a formula gives no score. Its text is the reported reason or, for a ratio
/// refused on a metric scale, the start of the all-or-nothing note.
#[derive(Debug)]
enum Refusal {
    /// A nominal scale has no order.
    Unordered,
    /// A value the KPI's scale does not admit.
    NotOnScale(NotOnScale),
    /// An interval direction on a scale without differences.
    IntervalNeedsMetric(ScaleKind),
    /// A ratio of values on a scale without a natural zero.
    NoNaturalZero(ScaleKind),
    /// actual / plan with a plan that is not positive.
    PlanNotPositive(Decimal),
    /// plan / actual with a negative ceiling.
    CeilingNegative(Decimal),
    /// (x − z) / (p − z) with z = p.
    ZeroAtIsPlan,
    /// tolerance / deviation with a zero deviation.
    ZeroDeviation,
    /// actual / plan with a zero plan.
    ZeroPlan,
    /// plan / actual with a zero actual.
    ZeroActual,
    /// A relative deviation from an optimum of 0.
    ZeroOptimum,
    /// A result beyond a Decimal's range: what was being computed.
    Overflow(&'static str),
}

impl Refusal {
    /// The reason, worded in any language (messages `kpi_refusal.*`).
    fn words(&self) -> Words {
        match self {
            Refusal::Unordered => Words::new("kpi_refusal.unordered", &[]),
            Refusal::NotOnScale(error) => Words::new(
                "kpi_refusal.not_on_scale",
                &[("value", &error.value), ("scale", &error.scale)],
            ),
            Refusal::IntervalNeedsMetric(scale) => {
                Words::new("kpi_refusal.interval_needs_metric", &[("scale", scale)])
            }
            Refusal::NoNaturalZero(scale) => {
                Words::new("kpi_refusal.no_natural_zero", &[("scale", scale)])
            }
            Refusal::PlanNotPositive(plan) => {
                Words::new("kpi_refusal.plan_not_positive", &[("plan", plan)])
            }
            Refusal::CeilingNegative(ceiling) => {
                Words::new("kpi_refusal.ceiling_negative", &[("ceiling", ceiling)])
            }
            Refusal::ZeroAtIsPlan => Words::new("kpi_refusal.zero_at_is_plan", &[]),
            Refusal::ZeroDeviation => Words::new("kpi_refusal.zero_deviation", &[]),
            Refusal::ZeroPlan => Words::new("kpi_refusal.zero_plan", &[]),
            Refusal::ZeroActual => Words::new("kpi_refusal.zero_actual", &[]),
            Refusal::ZeroOptimum => Words::new("kpi_refusal.zero_optimum", &[]),
            Refusal::Overflow(what) => {
                Words::new("kpi_refusal.overflow", &[]).with("what", Words::new(what, &[]))
            }
        }
    }
}

/// The refusal for a failed ratio: `zero` when the denominator is zero, an overflow of
/// `what` otherwise.
fn ratio_refusal(zero: Refusal, what: &'static str) -> impl FnOnce(RatioError) -> Refusal {
    move |error| match error {
        RatioError::ZeroDenominator => zero,
        RatioError::Overflow => Refusal::Overflow(what),
    }
}

/// A score before clamping.
struct Raw {
    value: Decimal,
    method: Method,
    note: Option<Words>,
}

/// The operations that need a natural zero, present only for scales that have one.
struct NaturalZeroOperations<S: Metric> {
    actual_over_plan: fn(Measurement<S>, Measurement<S>) -> Result<Decimal, Refusal>,
    plan_over_actual: fn(Measurement<S>, Measurement<S>) -> Result<Decimal, Refusal>,
    relative_deviation: fn(Measurement<S>, Measurement<S>) -> Result<Decimal, Refusal>,
}

fn with_natural_zero<S: NaturalZero>() -> NaturalZeroOperations<S> {
    NaturalZeroOperations {
        actual_over_plan: actual_over_plan::<S>,
        plan_over_actual: plan_over_actual::<S>,
        relative_deviation: relative_deviation::<S>,
    }
}

fn without_natural_zero<S: Metric>() -> NaturalZeroOperations<S> {
    fn refuse<S: Metric>(_: Measurement<S>, _: Measurement<S>) -> Result<Decimal, Refusal> {
        Err(Refusal::NoNaturalZero(S::KIND))
    }
    NaturalZeroOperations {
        actual_over_plan: refuse::<S>,
        plan_over_actual: refuse::<S>,
        relative_deviation: refuse::<S>,
    }
}

fn measure<S: Scale>(value: Decimal) -> Result<Measurement<S>, Refusal> {
    Measurement::<S>::new(value).map_err(Refusal::NotOnScale)
}

fn threshold<S: Ordered>(
    direction: &Direction,
    actual: Measurement<S>,
    note: Option<Words>,
) -> Result<Raw, Refusal> {
    let met = match direction {
        Direction::Positive { floor, .. } => measure::<S>(*floor)? <= actual,
        Direction::Negative { ceiling, .. } => actual <= measure::<S>(*ceiling)?,
        Direction::Interval { .. } => {
            return Err(Refusal::IntervalNeedsMetric(S::KIND));
        }
    };
    let value = if met { Decimal::ONE } else { Decimal::ZERO };
    Ok(Raw {
        value,
        method: Method::Threshold,
        note,
    })
}

fn by_order<S: Ordered>(direction: &Direction, actual: Decimal) -> Result<Raw, Refusal> {
    threshold::<S>(direction, measure::<S>(actual)?, None)
}

fn by_metric<S: Metric>(
    direction: &Direction,
    actual: Decimal,
    operations: &NaturalZeroOperations<S>,
) -> Result<Raw, Refusal> {
    let x = measure::<S>(actual)?;
    match direction {
        Direction::Positive {
            floor,
            zero_at: Some(zero),
        } => interpolation(x, measure::<S>(*floor)?, measure::<S>(*zero)?),
        Direction::Negative {
            ceiling,
            zero_at: Some(zero),
        } => interpolation(x, measure::<S>(*ceiling)?, measure::<S>(*zero)?),
        Direction::Positive {
            floor,
            zero_at: None,
        } => match (operations.actual_over_plan)(x, measure::<S>(*floor)?) {
            Ok(value) => Ok(Raw {
                value,
                method: Method::ActualOverPlan,
                note: None,
            }),
            Err(refusal) => threshold(direction, x, Some(all_or_nothing(&refusal))),
        },
        Direction::Negative {
            ceiling,
            zero_at: None,
        } => match (operations.plan_over_actual)(x, measure::<S>(*ceiling)?) {
            Ok(value) => Ok(Raw {
                value,
                method: Method::PlanOverActual,
                note: None,
            }),
            Err(refusal) => threshold(direction, x, Some(all_or_nothing(&refusal))),
        },
        Direction::Interval {
            optimum,
            tolerance,
            deviation: Deviation::Absolute,
        } => {
            let optimum = measure::<S>(*optimum)?;
            let deviation = difference(x, optimum)
                .map_err(|_| Refusal::Overflow("kpi_refusal.what_deviation"))?
                .magnitude();
            let value = within_tolerance(deviation, Difference::of(*tolerance))?;
            Ok(Raw {
                value,
                method: Method::AbsoluteDeviation,
                note: None,
            })
        }
        Direction::Interval {
            optimum,
            tolerance,
            deviation: Deviation::Relative,
        } => {
            let deviation = (operations.relative_deviation)(x, measure::<S>(*optimum)?)?;
            let value =
                within_tolerance::<Ratio>(Difference::of(deviation), Difference::of(*tolerance))?;
            Ok(Raw {
                value,
                method: Method::RelativeDeviation,
                note: None,
            })
        }
    }
}

fn all_or_nothing(reason: &Refusal) -> Words {
    Words::new("kpi_refusal.all_or_nothing", &[]).with("reason", reason.words())
}

/// (x − z) / (p − z): 1 at the plan, 0 at `zero`, for either direction.
fn interpolation<S: Metric>(
    actual: Measurement<S>,
    plan: Measurement<S>,
    zero: Measurement<S>,
) -> Result<Raw, Refusal> {
    let above_zero = difference(actual, zero)
        .map_err(|_| Refusal::Overflow("kpi_refusal.what_actual_above_zero"))?;
    let plan_above_zero = difference(plan, zero)
        .map_err(|_| Refusal::Overflow("kpi_refusal.what_plan_above_zero"))?;
    let value = difference_ratio(above_zero, plan_above_zero).map_err(ratio_refusal(
        Refusal::ZeroAtIsPlan,
        "kpi_refusal.what_interpolation",
    ))?;
    Ok(Raw {
        value,
        method: Method::Interpolation,
        note: None,
    })
}

/// 1 when the deviation is within the tolerance, else tolerance / deviation.
fn within_tolerance<S: Metric>(
    deviation: Difference<S>,
    tolerance: Difference<S>,
) -> Result<Decimal, Refusal> {
    if deviation <= tolerance {
        return Ok(Decimal::ONE);
    }
    // Here deviation > tolerance >= 0, so the division is defined.
    difference_ratio(tolerance, deviation).map_err(ratio_refusal(
        Refusal::ZeroDeviation,
        "kpi_refusal.what_tolerance_over_deviation",
    ))
}

fn actual_over_plan<S: NaturalZero>(
    actual: Measurement<S>,
    plan: Measurement<S>,
) -> Result<Decimal, Refusal> {
    if plan.value() <= Decimal::ZERO {
        return Err(Refusal::PlanNotPositive(plan.value()));
    }
    ratio(actual, plan).map_err(ratio_refusal(
        Refusal::ZeroPlan,
        "kpi_refusal.what_actual_over_plan",
    ))
}

fn plan_over_actual<S: NaturalZero>(
    actual: Measurement<S>,
    plan: Measurement<S>,
) -> Result<Decimal, Refusal> {
    if plan.value() < Decimal::ZERO {
        return Err(Refusal::CeilingNegative(plan.value()));
    }
    if actual.value() <= Decimal::ZERO {
        // Nothing at all of a "less is better" quantity: the best possible, capped.
        return Ok(Decimal::MAX);
    }
    ratio(plan, actual).map_err(ratio_refusal(
        Refusal::ZeroActual,
        "kpi_refusal.what_plan_over_actual",
    ))
}

fn relative_deviation<S: NaturalZero>(
    actual: Measurement<S>,
    optimum: Measurement<S>,
) -> Result<Decimal, Refusal> {
    let deviation = difference(actual, optimum)
        .map_err(|_| Refusal::Overflow("kpi_refusal.what_deviation"))?
        .magnitude();
    let optimum_size = optimum.value().abs();
    if optimum_size.is_zero() {
        return Err(Refusal::ZeroOptimum);
    }
    deviation
        .value()
        .checked_div(optimum_size)
        .ok_or(Refusal::Overflow("deviation / optimum"))
}
