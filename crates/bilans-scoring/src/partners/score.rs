//! Stage 1 of seed 000: T_i, PT, harmony, the two selection rules, weighted totals
//! and the weight-stability of the winner.

use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;

use crate::partners::agreement::{Concordance, kendall_w};
use crate::partners::input::{Divisor, Panel, Ratings, Scale};

/// The scores of one partner on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    /// The criterion.
    pub criterion: String,
    /// Number of experts per score, lowest score first.
    pub counts: Vec<u64>,
    /// Votes cast, Σ Q.
    pub votes_cast: u64,
    /// Σ P·Q.
    pub points: Decimal,
    /// The divisor used (QΣ or Σ Q).
    pub divisor: u64,
    /// T_i = Σ P·Q / divisor, full precision; `None` when no vote was cast and the
    /// divisor is the votes cast.
    pub score: Option<Decimal>,
    /// The median score of the experts.
    pub median: Option<Decimal>,
    /// The lowest score given.
    pub lowest: Option<i64>,
    /// The highest score given.
    pub highest: Option<i64>,
    /// The population standard deviation of the experts' scores.
    pub std_dev: Option<Decimal>,
}

/// Harmony of a partner's profile T_1..T_n, independent of the order of the axes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Harmony {
    /// σ, the population standard deviation of the T_i.
    pub std_dev: Decimal,
    /// H = 1 − σ / σ_max with σ_max = (U − L) / 2: 1 for a regular polygon, 0 for the
    /// most uneven profile the scale allows.
    pub index: Decimal,
    /// min T_i / max T_i (1 for a regular polygon); `None` when max T_i is 0.
    pub min_over_max: Option<Decimal>,
}

/// One partner's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerScore {
    /// The partner's name.
    pub name: String,
    /// What the partner is.
    pub description: Option<String>,
    /// Per criterion, in the panel's order.
    pub criteria: Vec<CriterionScore>,
    /// PT = Σ T_i; `None` when some T_i is not computable.
    pub total: Option<Decimal>,
    /// Σ w_i T_i.
    pub weighted_total: Option<Decimal>,
    /// The harmony of the T_i profile.
    pub harmony: Option<Harmony>,
    /// Kendall's W of the experts over the criteria, with individual scores only.
    pub agreement: Option<Result<Concordance, String>>,
}

/// A row whose votes do not add up to the declared panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteFinding {
    /// The partner.
    pub partner: String,
    /// The criterion.
    pub criterion: String,
    /// Σ Q.
    pub votes_cast: u64,
    /// QΣ.
    pub panel: u64,
}

/// Where the winner changes when one weight moves (the others fixed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeightThreshold {
    /// The weight at which another partner ties with the winner.
    pub weight: Decimal,
    /// The partner that ties (and wins beyond).
    pub challenger: String,
}

/// The weight-stability of the weighted winner along one criterion's weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeightStability {
    /// The criterion.
    pub criterion: String,
    /// Its current weight.
    pub weight: Decimal,
    /// Lowering the weight to this value makes a challenger tie; `None`: the winner
    /// stays down to 0.
    pub lower: Option<WeightThreshold>,
    /// Raising the weight to this value makes a challenger tie; `None`: the winner
    /// stays for any larger weight.
    pub upper: Option<WeightThreshold>,
}

/// Both selection rules and their verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// The partners with the highest PT (several on a tie).
    pub by_total: Vec<String>,
    /// The partners with the highest harmony index H.
    pub by_harmony: Vec<String>,
    /// The partners with the highest weighted total, when weights are given.
    pub by_weighted_total: Option<Vec<String>>,
    /// Whether the PT rule and the harmony rule pick different partners.
    pub rules_disagree: bool,
}

/// The whole stage-1 result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scoring {
    /// The divisor used.
    pub divisor: Divisor,
    /// The scale.
    pub scale: Scale,
    /// The criteria and their weights.
    pub criteria: Vec<(String, Decimal)>,
    /// Per partner, in input order.
    pub partners: Vec<PartnerScore>,
    /// Rows whose votes differ from the declared panel.
    pub vote_findings: Vec<VoteFinding>,
    /// The two rules' winners.
    pub selection: Selection,
    /// Weight-stability of the (weighted) winner, per criterion; empty unless a single
    /// partner wins the weighted total.
    pub stability: Vec<WeightStability>,
}

/// Scores a validated panel.
///
/// # Formula
///
/// Seed 000 (Kaluhina), stage 1: T_i = Σ P·Q / QΣ per criterion, with QΣ the declared
/// panel size (the article's variant, default) or the votes cast (option), and
/// PT = Σ T_i. Harmony (beyond the paper, which judges the radar polygon by eye):
/// H = 1 − σ/σ_max, σ the population standard deviation of the T_i and
/// σ_max = (U − L)/2, plus min T_i / max T_i; both are symmetric in the criteria, so
/// independent of the order of the radar's axes.
pub fn score_panel(panel: &Panel) -> Scoring {
    let mut vote_findings = Vec::new();
    let mut partners = Vec::with_capacity(panel.partners.len());
    for partner in &panel.partners {
        let mut criteria = Vec::with_capacity(panel.criteria.len());
        for (criterion, ratings) in panel.criteria.iter().zip(&partner.ratings) {
            let score = score_criterion(criterion, ratings, panel);
            if score.votes_cast != panel.experts {
                vote_findings.push(VoteFinding {
                    partner: partner.name.clone(),
                    criterion: criterion.clone(),
                    votes_cast: score.votes_cast,
                    panel: panel.experts,
                });
            }
            criteria.push(score);
        }
        let values: Option<Vec<Decimal>> = criteria.iter().map(|score| score.score).collect();
        let total = values.as_ref().map(|values| values.iter().copied().sum());
        let weighted_total = values.as_ref().map(|values| {
            values
                .iter()
                .zip(&panel.weights)
                .map(|(value, weight)| value * weight)
                .sum()
        });
        let harmony = values.as_deref().map(|values| harmony(values, panel.scale));
        let agreement = individual_scores(&partner.ratings).map(|table| kendall_w(&table));
        partners.push(PartnerScore {
            name: partner.name.clone(),
            description: partner.description.clone(),
            criteria,
            total,
            weighted_total,
            harmony,
            agreement,
        });
    }
    let by_total = best(&partners, |partner| partner.total);
    let by_harmony = best(&partners, |partner| {
        partner.harmony.as_ref().map(|harmony| harmony.index)
    });
    let by_weighted_total = panel
        .weighted
        .then(|| best(&partners, |partner| partner.weighted_total));
    let rules_disagree = by_total != by_harmony;
    let stability = weight_stability(panel, &partners);
    Scoring {
        divisor: panel.divisor,
        scale: panel.scale,
        criteria: panel
            .criteria
            .iter()
            .cloned()
            .zip(panel.weights.iter().copied())
            .collect(),
        partners,
        vote_findings,
        selection: Selection {
            by_total,
            by_harmony,
            by_weighted_total,
            rules_disagree,
        },
        stability,
    }
}

/// The harmony of a profile of criterion scores on `scale`.
///
/// # Formula
///
/// H = 1 − σ/σ_max, σ = √(Σ (T_i − T̄)² / n), σ_max = (U − L)/2 (the largest σ possible
/// on the scale: half the criteria at L, half at U). Square root by `rust_decimal`'s
/// `MathematicalOps::sqrt`.
pub fn harmony(values: &[Decimal], scale: Scale) -> Harmony {
    let std_dev = population_std_dev(values).unwrap_or(Decimal::ZERO);
    let sigma_max = Decimal::from(scale.max() - scale.min()) / Decimal::TWO;
    let index = Decimal::ONE - std_dev / sigma_max;
    let lowest = values.iter().copied().min().unwrap_or(Decimal::ZERO);
    let highest = values.iter().copied().max().unwrap_or(Decimal::ZERO);
    let min_over_max = (!highest.is_zero()).then(|| lowest / highest);
    Harmony {
        std_dev,
        index,
        min_over_max,
    }
}

/// √(Σ (x − x̄)² / n); `None` for an empty list.
pub fn population_std_dev(values: &[Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let n = Decimal::from(values.len());
    let mean = values.iter().copied().sum::<Decimal>() / n;
    let variance = values
        .iter()
        .map(|value| (value - mean) * (value - mean))
        .sum::<Decimal>()
        / n;
    variance.sqrt()
}

fn score_criterion(criterion: &str, ratings: &Ratings, panel: &Panel) -> CriterionScore {
    let votes_cast: u64 = ratings.counts.iter().sum();
    let points: Decimal = panel
        .scale
        .scores()
        .zip(&ratings.counts)
        .map(|(score, &count)| Decimal::from(score) * Decimal::from(count))
        .sum();
    let divisor = match panel.divisor {
        Divisor::Panel => panel.experts,
        Divisor::VotesCast => votes_cast,
    };
    let score = (divisor != 0).then(|| points / Decimal::from(divisor));
    let expanded: Vec<Decimal> = panel
        .scale
        .scores()
        .zip(&ratings.counts)
        .flat_map(|(score, &count)| {
            std::iter::repeat_n(Decimal::from(score), usize::try_from(count).unwrap_or(0))
        })
        .collect();
    let lowest = panel
        .scale
        .scores()
        .zip(&ratings.counts)
        .find(|(_, count)| 0 < **count)
        .map(|(s, _)| s);
    let highest = panel
        .scale
        .scores()
        .zip(&ratings.counts)
        .filter(|(_, count)| 0 < **count)
        .map(|(s, _)| s)
        .last();
    CriterionScore {
        criterion: criterion.to_owned(),
        counts: ratings.counts.clone(),
        votes_cast,
        points,
        divisor,
        score,
        median: median(&expanded),
        lowest,
        highest,
        std_dev: population_std_dev(&expanded),
    }
}

/// The median of sorted `values` (mean of the two middle ones for an even count).
fn median(sorted: &[Decimal]) -> Option<Decimal> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    Some((sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO)
}

/// Experts × criteria, when every criterion has individual scores.
fn individual_scores(ratings: &[Ratings]) -> Option<Vec<Vec<Decimal>>> {
    let columns: Option<Vec<&Vec<i64>>> = ratings.iter().map(|r| r.scores.as_ref()).collect();
    let columns = columns?;
    let n_experts = columns.first()?.len();
    Some(
        (0..n_experts)
            .map(|expert_idx| {
                columns
                    .iter()
                    .map(|column| Decimal::from(column[expert_idx]))
                    .collect()
            })
            .collect(),
    )
}

fn best(partners: &[PartnerScore], key: impl Fn(&PartnerScore) -> Option<Decimal>) -> Vec<String> {
    let top = partners.iter().filter_map(&key).max();
    let Some(top) = top else { return Vec::new() };
    partners
        .iter()
        .filter(|partner| key(partner) == Some(top))
        .map(|partner| partner.name.clone())
        .collect()
}

/// For each criterion, how far its weight can move (others fixed) before the winner
/// of the weighted total ties with a challenger.
///
/// With D_c = WT_winner − WT_c > 0 and d_c = T_winner,i − T_c,i, moving w_i by δ
/// changes the lead to D_c + δ·d_c, which reaches 0 at δ = −D_c/d_c.
fn weight_stability(panel: &Panel, partners: &[PartnerScore]) -> Vec<WeightStability> {
    let winners = best(partners, |partner| partner.weighted_total);
    let [winner_name] = winners.as_slice() else {
        return Vec::new();
    };
    let Some(winner) = partners.iter().find(|partner| &partner.name == winner_name) else {
        return Vec::new();
    };
    let Some(winner_total) = winner.weighted_total else {
        return Vec::new();
    };
    let mut rows = Vec::with_capacity(panel.criteria.len());
    for (criterion_idx, criterion) in panel.criteria.iter().enumerate() {
        let weight = panel.weights[criterion_idx];
        let mut lower: Option<WeightThreshold> = None;
        let mut upper: Option<WeightThreshold> = None;
        for challenger in partners
            .iter()
            .filter(|partner| partner.name != winner.name)
        {
            let (Some(total), Some(winner_score), Some(score)) = (
                challenger.weighted_total,
                winner.criteria[criterion_idx].score,
                challenger.criteria[criterion_idx].score,
            ) else {
                continue;
            };
            let lead = winner_total - total;
            let difference = winner_score - score;
            if difference.is_zero() {
                continue;
            }
            let tie_weight = weight - lead / difference;
            let threshold = WeightThreshold {
                weight: tie_weight,
                challenger: challenger.name.clone(),
            };
            if Decimal::ZERO < difference {
                if Decimal::ZERO <= tie_weight
                    && lower.as_ref().is_none_or(|t| t.weight < tie_weight)
                {
                    lower = Some(threshold);
                }
            } else if upper.as_ref().is_none_or(|t| tie_weight < t.weight) {
                upper = Some(threshold);
            }
        }
        rows.push(WeightStability {
            criterion: criterion.clone(),
            weight,
            lower,
            upper,
        });
    }
    rows
}
