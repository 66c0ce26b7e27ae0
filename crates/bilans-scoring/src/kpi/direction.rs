//! Directions of preference (seed 001): more is better, less is better, or pulled to a
//! point, each with the plan it needs; the settings cap scores per direction kind.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;

/// The direction of preference, with the plan it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Direction {
    /// More is better; the plan is a floor.
    Positive {
        /// The plan: the value to reach at least.
        floor: Decimal,
        /// The value that scores 0 (optional, metric scales only), below the floor.
        zero_at: Option<Decimal>,
    },
    /// Less is better; the plan is a ceiling.
    Negative {
        /// The plan: the value not to exceed.
        ceiling: Decimal,
        /// The value that scores 0 (optional, metric scales only), above the ceiling.
        zero_at: Option<Decimal>,
    },
    /// Pulled to a point: the deviation from the optimum must not exceed a tolerance.
    Interval {
        /// The optimum (the middle of the range when a range was given).
        optimum: Decimal,
        /// The largest acceptable deviation (absolute units, or a fraction of the
        /// optimum for a relative deviation).
        tolerance: Decimal,
        /// How the deviation is measured.
        deviation: Deviation,
    },
}

/// How an interval KPI's deviation from its optimum is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deviation {
    /// |actual − optimum|, in the KPI's units.
    Absolute,
    /// |actual − optimum| / |optimum|, a fraction (needs a natural zero).
    Relative,
}

/// The kind of a [`Direction`], without its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectionKind {
    /// More is better.
    Positive,
    /// Less is better.
    Negative,
    /// Pulled to a point.
    Interval,
}

impl Direction {
    /// The kind of direction.
    pub fn kind(&self) -> DirectionKind {
        match self {
            Direction::Positive { .. } => DirectionKind::Positive,
            Direction::Negative { .. } => DirectionKind::Negative,
            Direction::Interval { .. } => DirectionKind::Interval,
        }
    }

    /// The plan in words: `>= 2000000`, `<= 0.05`, `10 ± 1`, `1500000 ± 5 %`.
    pub fn plan_text(&self) -> String {
        match self {
            Direction::Positive { floor, .. } => format!(">= {floor}"),
            Direction::Negative { ceiling, .. } => format!("<= {ceiling}"),
            Direction::Interval {
                optimum,
                tolerance,
                deviation: Deviation::Absolute,
            } => {
                format!("{optimum} ± {tolerance}")
            }
            Direction::Interval {
                optimum,
                tolerance,
                deviation: Deviation::Relative,
            } => match tolerance.checked_mul(Decimal::ONE_HUNDRED) {
                Some(percent) => format!("{optimum} ± {} %", percent.normalize()),
                // Beyond the decimal range as a percentage: the fraction itself.
                None => format!("{optimum} ± {tolerance} (a fraction)"),
            },
        }
    }
}

impl DirectionKind {
    /// Every direction.
    pub const ALL: [DirectionKind; 3] = [
        DirectionKind::Positive,
        DirectionKind::Negative,
        DirectionKind::Interval,
    ];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            DirectionKind::Positive => "positive",
            DirectionKind::Negative => "negative",
            DirectionKind::Interval => "interval",
        }
    }
}

impl fmt::Display for DirectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DirectionKind {
    type Err = crate::lang::Words;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_lowercase();
        DirectionKind::ALL
            .into_iter()
            .find(|kind| kind.name() == wanted)
            .ok_or_else(|| {
                crate::lang::Words::new("kpi_input.unknown_direction", &[("text", &text.trim())])
            })
    }
}
