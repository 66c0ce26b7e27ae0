//! The card report: scores per owner and period, weighted totals, the balance report
//! and the findings (type/scale mismatches, refused ratios, normalised weights,
//! neglected sides, individual : team proportions).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::kpi::card::{Card, DirectionKind, Kpi, Level, Side, TypePair};
use crate::kpi::scale::ScaleKind;
use crate::kpi::score::{Light, Score, score};

/// Everything `bilans kpi` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The periods, in order of first appearance.
    pub periods: Vec<String>,
    /// One card per owner, in order of first appearance.
    pub cards: Vec<OwnerCard>,
    /// The balance of types per level.
    pub balance: Vec<LevelBalance>,
    /// Warnings and notes, in a stable order.
    pub findings: Vec<KpiFinding>,
}

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
    /// The actual and score per period, in [`Report::periods`] order.
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
        /// Why.
        reason: String,
    },
}

/// The balance of one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelBalance {
    /// The level.
    pub level: Level,
    /// The owners at this level.
    pub n_owners: usize,
    /// Their KPIs.
    pub n_kpis: usize,
    /// One entry per type pair.
    pub pairs: Vec<PairBalance>,
    /// The weight share of individual KPIs (mean over the owners' cards).
    pub individual_share: Option<Decimal>,
    /// The configured target for it.
    pub individual_share_target: Option<Decimal>,
}

/// The balance of one type pair at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairBalance {
    /// The pair.
    pub pair: TypePair,
    /// The left side's word.
    pub left: String,
    /// The right (neglected) side's word.
    pub right: String,
    /// KPIs on the left side.
    pub left_count: usize,
    /// KPIs on the right side.
    pub right_count: usize,
    /// Mean over the owners of the share of their card weight on the left side.
    pub left_weight_share: Option<Decimal>,
    /// The same for the right side.
    pub right_weight_share: Option<Decimal>,
}

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

/// Scores a card: every KPI in every period, the totals, the balance and the findings.
///
/// # Formula
///
/// Scores as in [`score`]. Card total per owner and period: Σᵢ ŵᵢ sᵢ with
/// ŵᵢ = wᵢ / Σw (the weights as given when they sum to 1, else normalised with a
/// warning); not computable when a score is. Balance: per level and pair, the KPI
/// counts and the mean over owners of the card weight on each side.
pub fn report(card: &Card) -> Report {
    let settings = &card.settings;
    let mut findings = Vec::new();
    for kpi in &card.kpis {
        findings.extend(type_scale_mismatches(kpi));
    }
    let mut owners: Vec<(&str, Level)> = Vec::new();
    for kpi in &card.kpis {
        if !owners.iter().any(|(owner, _)| *owner == kpi.owner()) {
            owners.push((kpi.owner(), kpi.level()));
        }
    }
    let mut cards = Vec::new();
    // Keyed by owner and name: KPI names are unique per owner, not per card.
    let mut refused: BTreeMap<(String, String), String> = BTreeMap::new();
    for (owner, level) in &owners {
        let kpis: Vec<&Kpi> = card
            .kpis
            .iter()
            .filter(|kpi| kpi.owner() == *owner)
            .collect();
        // Each weight is at most `MAX_WEIGHT` (10^9), so the sum cannot overflow.
        let weight_sum: Decimal = kpis.iter().map(|kpi| kpi.weight()).sum();
        if weight_sum.is_zero() {
            findings.push(KpiFinding {
                kind: FindingKind::WeightsZero,
                subject: (*owner).to_owned(),
                message: "the weights sum to 0, so the card has no total".to_owned(),
            });
        } else if weight_sum != Decimal::ONE {
            findings.push(KpiFinding {
                kind: FindingKind::WeightsNormalised,
                subject: (*owner).to_owned(),
                message: format!(
                    "the weights sum to {weight_sum}, not 1; each was divided by {weight_sum}"
                ),
            });
        }
        let mut rows = Vec::new();
        for kpi in &kpis {
            let weight_used = (!weight_sum.is_zero()).then(|| kpi.weight() / weight_sum);
            let mut cells = Vec::new();
            for period in &card.periods {
                let actual = kpi.actual(period);
                let score = match actual {
                    Some(actual) => score(kpi, actual, settings),
                    None => Score::NotComputable {
                        reason: format!("no actual value for {period}"),
                    },
                };
                if let Score::Computed {
                    note: Some(note), ..
                } = &score
                {
                    refused
                        .entry(((*owner).to_owned(), kpi.name().to_owned()))
                        .or_insert_with(|| note.clone());
                }
                let light = score.value().map(|value| Light::of(value, settings));
                cells.push(ScoreCell {
                    period: period.clone(),
                    actual,
                    score,
                    light,
                });
            }
            rows.push(CardRow {
                kpi: kpi.name().to_owned(),
                unit: kpi.unit().to_owned(),
                scale: kpi.scale(),
                direction: kpi.direction().kind(),
                plan: kpi.direction().plan_text(),
                weight: kpi.weight(),
                weight_used,
                cells,
            });
        }
        let totals = card
            .periods
            .iter()
            .enumerate()
            .map(|(period_idx, period)| {
                let total = card_total(&rows, period_idx);
                let light = match &total {
                    Total::Computed { value } => Some(Light::of(*value, settings)),
                    Total::NotComputable { .. } => None,
                };
                PeriodTotal {
                    period: period.clone(),
                    total,
                    light,
                }
            })
            .collect();
        cards.push(OwnerCard {
            owner: (*owner).to_owned(),
            level: *level,
            weight_sum,
            rows,
            totals,
        });
    }
    for ((_, kpi), note) in refused {
        findings.push(KpiFinding {
            kind: FindingKind::RatioRefused,
            subject: kpi,
            message: note,
        });
    }
    let balance = crate::kpi::balance::balance(card, &cards, &mut findings);
    Report {
        periods: card.periods.clone(),
        cards,
        balance,
        findings,
    }
}

/// The findings on a KPI whose declared types do not fit its scale.
pub fn type_scale_mismatches(kpi: &Kpi) -> Vec<KpiFinding> {
    let scale = kpi.scale();
    let types = kpi.types();
    let mut messages = Vec::new();
    match types.side(TypePair::Quantification) {
        Side::Left if !scale.is_metric() => messages.push(format!(
            "declared quantitative but measured on the {scale} scale; quantitative means a \
             metric scale (interval, ratio, absolute)"
        )),
        Side::Right if scale.is_metric() => messages.push(format!(
            "declared qualitative but measured on the metric {scale} scale; qualitative means \
             a nominal or ordinal scale"
        )),
        _ => {}
    }
    if types.side(TypePair::Financial) == Side::Left && !scale.is_metric() {
        messages.push(format!(
            "declared financial but measured on the {scale} scale; financial KPIs are \
             quantitative (seed 001)"
        ));
    }
    if types.side(TypePair::Expression) == Side::Right && !scale.has_natural_zero() {
        messages.push(format!(
            "declared relative but measured on the {scale} scale, which has no natural zero, \
             so its values cannot be ratios"
        ));
    }
    messages
        .into_iter()
        .map(|message| KpiFinding {
            kind: FindingKind::TypeScaleMismatch,
            subject: kpi.name().to_owned(),
            message,
        })
        .collect()
}

fn card_total(rows: &[CardRow], period_idx: usize) -> Total {
    let mut value = Decimal::ZERO;
    let mut missing = Vec::new();
    for row in rows {
        let Some(weight) = row.weight_used else {
            return Total::NotComputable {
                reason: "the weights sum to 0".to_owned(),
            };
        };
        match row.cells.get(period_idx).map(|cell| &cell.score) {
            Some(Score::Computed { value: score, .. }) => {
                match weight
                    .checked_mul(*score)
                    .and_then(|term| value.checked_add(term))
                {
                    Some(sum) => value = sum,
                    None => {
                        return Total::NotComputable {
                            reason: "the weighted sum exceeds a decimal's range (28 digits)"
                                .to_owned(),
                        };
                    }
                }
            }
            Some(Score::NotComputable { reason }) => missing.push(format!("{}: {reason}", row.kpi)),
            None => missing.push(format!("{}: no score", row.kpi)),
        }
    }
    if missing.is_empty() {
        Total::Computed { value }
    } else {
        Total::NotComputable {
            reason: format!("not every KPI has a score ({})", missing.join("; ")),
        }
    }
}
