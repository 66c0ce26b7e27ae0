//! Partner selection for a small business by an expert panel (seed 000, Kaluhina):
//! stage 1 scores potential partners on criteria of competitive advantage (T_i, PT,
//! harmony, agreement of the experts), stage 2 picks a partnership model with a
//! compliance matrix, stage 3 monitors the chosen model period by period.
//!
//! # Example
//!
//! ```
//! use bilans_scoring::partners::{PanelInput, analyse};
//!
//! let input = PanelInput {
//!     title: None,
//!     experts: 2,
//!     scale: Default::default(),
//!     divisor: Default::default(),
//!     criteria: vec!["quality".into(), "speed".into()],
//!     weights: Default::default(),
//!     partners: vec![bilans_scoring::partners::PartnerInput {
//!         name: "A".into(),
//!         description: None,
//!         votes: [("quality".into(), vec![0, 0, 0, 1, 1]), ("speed".into(), vec![0, 0, 2, 0, 0])]
//!             .into_iter()
//!             .collect(),
//!         scores: Default::default(),
//!     }],
//!     compliance: None,
//!     monitoring: None,
//! };
//! let analysis = analyse(&input).unwrap();
//! // T_quality = (4·1 + 5·1) / 2 = 4.5, T_speed = 3·2 / 2 = 3, PT = 7.5.
//! assert_eq!(analysis.scoring.partners[0].total, Some(rust_decimal::Decimal::new(75, 1)));
//! ```

mod agreement;
mod compliance;
mod error;
mod input;
mod monitoring;
pub mod render;
mod score;
mod seed;
mod transcription;

use rust_decimal::Decimal;
use serde::Serialize;

pub use crate::partners::agreement::{
    Concordance, ConcordanceError, PERMUTATIONS, SMALL_N, SignificanceTest, chi_square_survival,
    kendall_w, mid_ranks,
};
pub use crate::partners::compliance::{
    Compliance, ComplianceInput, ComplianceRowInput, Mark, ModelTotal, evaluate_compliance,
};
pub use crate::partners::error::{Form, InputError, InputLocation};
pub use crate::partners::input::{
    Divisor, MAX_EXPERTS, MAX_SCALE_POINTS, MAX_VOTES_PER_ROW, Panel, PanelInput, Partner,
    PartnerInput, Ratings, Scale, ScaleInput, validate_panel,
};
pub use crate::partners::monitoring::{
    Direction, IndicatorInput, Monitoring, MonitoringInput, NEXT_STEPS_FUNCTIONAL,
    NEXT_STEPS_NOT_FUNCTIONAL, PeriodVerdict, Shortfall, evaluate_monitoring,
};
pub use crate::partners::score::{
    CriterionScore, Harmony, PartnerScore, RuleComparison, ScaleFinding, Scoring, Selection,
    VoteFinding, WeightStability, WeightThreshold, harmony, population_std_dev, score_panel,
};
pub use crate::partners::seed::reproduce_seed000;
pub use crate::partners::transcription::{Reproduction, Seed000, Seed000Note};

/// Everything computed from one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// The title.
    pub title: Option<String>,
    /// Stage 1.
    pub scoring: Scoring,
    /// Stage 2, when given.
    pub compliance: Option<Compliance>,
    /// Stage 3, when given.
    pub monitoring: Option<Monitoring>,
}

/// Validates and analyses a whole input: scores, compliance matrix, monitoring.
///
/// # Errors
///
/// The first invalid input found, with its location (including values so extreme
/// that the scores exceed a Decimal's range).
pub fn analyse(input: &PanelInput) -> Result<Analysis, InputError> {
    let panel = validate_panel(input)?;
    let scoring = score_panel(&panel)?;
    let compliance = input
        .compliance
        .as_ref()
        .map(evaluate_compliance)
        .transpose()?;
    let monitoring = input
        .monitoring
        .as_ref()
        .map(evaluate_monitoring)
        .transpose()?;
    Ok(Analysis {
        title: input.title.clone(),
        scoring,
        compliance,
        monitoring,
    })
}

/// The names with the highest value (several on a tie, in input order); none when no
/// value is known. Shared by the partner rules and the compliance optima.
fn top_names<'a>(named: impl Iterator<Item = (&'a str, Option<Decimal>)> + Clone) -> Vec<String> {
    let Some(top) = named.clone().filter_map(|(_, value)| value).max() else {
        return Vec::new();
    };
    named
        .filter(|(_, value)| *value == Some(top))
        .map(|(name, _)| name.to_owned())
        .collect()
}

#[cfg(test)]
mod tests;
