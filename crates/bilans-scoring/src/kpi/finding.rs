//! The findings of a card report: warnings and notes about KPIs, owners and levels,
//! each with a kind callers can match on.

use serde::Serialize;

/// A warning or note about a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KpiFinding {
    /// What kind.
    pub kind: FindingKind,
    /// The KPI, owner or level concerned.
    pub subject: String,
    /// In words.
    pub message: String,
}

/// The kinds of [`KpiFinding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The declared type does not fit the scale (e.g. quantitative on an ordinal scale).
    TypeScaleMismatch,
    /// actual/plan was refused and the KPI was scored all-or-nothing.
    RatioRefused,
    /// The weights of a card did not sum to 1 and were normalised.
    WeightsNormalised,
    /// The weights of a card sum to 0: no total.
    WeightsZero,
    /// A level has no KPI on the neglected side of a pair.
    NeglectedSideMissing,
    /// A level has little weight on the neglected side of a pair.
    NeglectedSideThin,
    /// The individual share of a level is off its target.
    IndividualShareOffTarget,
}

impl FindingKind {
    /// The snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::TypeScaleMismatch => "type_scale_mismatch",
            FindingKind::RatioRefused => "ratio_refused",
            FindingKind::WeightsNormalised => "weights_normalised",
            FindingKind::WeightsZero => "weights_zero",
            FindingKind::NeglectedSideMissing => "neglected_side_missing",
            FindingKind::NeglectedSideThin => "neglected_side_thin",
            FindingKind::IndividualShareOffTarget => "individual_share_off_target",
        }
    }
}
