//! One owner's scored card: a row per KPI with its score per period, and the weighted
//! total per period.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::lang::Words;

use crate::kpi::direction::DirectionKind;
use crate::kpi::level::Level;
use crate::kpi::scale::ScaleKind;
use crate::kpi::score::{Light, Score};

/// One owner's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnerCard {
    /// The owner.
    pub owner: String,
    /// The owner's level.
    pub level: Level,
    /// The sum of the weights as given.
    pub weight_sum: Decimal,
    /// The KPI rows.
    pub rows: Vec<CardRow>,
    /// The weighted total per period.
    pub totals: Vec<PeriodTotal>,
}

/// One KPI on a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardRow {
    /// The KPI's name.
    pub kpi: String,
    /// The unit, for display.
    pub unit: String,
    /// The scale.
    pub scale: ScaleKind,
    /// The direction.
    pub direction: DirectionKind,
    /// The plan in words.
    pub plan: String,
    /// The weight as given.
    pub weight: Decimal,
    /// The weight used in the total (given / sum), `None` when the weights sum to 0.
    pub weight_used: Option<Decimal>,
    /// The actual and score per period, in [`Report::periods`](crate::kpi::Report::periods)
    /// order.
    pub cells: Vec<ScoreCell>,
}

/// One KPI in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreCell {
    /// The period.
    pub period: String,
    /// The actual value, if recorded.
    pub actual: Option<Decimal>,
    /// The score.
    pub score: Score,
    /// The traffic light, for computed scores.
    pub light: Option<Light>,
}

/// A card total for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodTotal {
    /// The period.
    pub period: String,
    /// Σ weight_used × score, or why not.
    pub total: Total,
    /// The traffic light of the total.
    pub light: Option<Light>,
}

/// A weighted card total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Total {
    /// Computed.
    Computed {
        /// Σ weight_used × score, not rounded.
        value: Decimal,
    },
    /// Not computable.
    NotComputable {
        /// Why (its English text in JSON).
        reason: Words,
    },
}
