//! Stage 1 of seed 000: T_i, PT, harmony, the two selection rules, weighted totals
//! and the weight-stability of the winner.

use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;

use crate::lang::Words;
use crate::partners::agreement::{Concordance, ConcordanceError, kendall_w};
use crate::partners::error::{InputError, InputLocation};
use crate::partners::input::{Divisor, Panel, Ratings, Scale};
use crate::partners::top_names;

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
    /// σ_max, the largest σ that n criteria scored on [L, U] can have: (U − L)/2 for
    /// an even n, (U − L)/2 · √(1 − 1/n²) for an odd n.
    pub max_std_dev: Decimal,
    /// H = 1 − σ / σ_max: 1 for a regular polygon, 0 for the most uneven profile the
    /// scale allows; below 0 only when some T_i lies outside [L, U] (reported as a
    /// [`ScaleFinding`]).
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
    /// The harmony of the T_i profile; `None` when some T_i is not computable or there
    /// is a single criterion (σ_max = 0: every one-criterion profile is regular).
    pub harmony: Option<Harmony>,
    /// Kendall's W of the experts over the criteria, with individual scores only.
    pub agreement: Option<Result<Concordance, ConcordanceError>>,
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

/// A criterion score T_i outside the scale [L, U]: possible when the divisor is the
/// declared panel and the votes cast differ from it (fewer votes pull T_i below L,
/// more push it above U). Nothing is clamped: T_i, PT and the harmony are computed from
/// the value as it is, so H can fall below 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScaleFinding {
    /// The partner.
    pub partner: String,
    /// The criterion.
    pub criterion: String,
    /// T_i.
    pub score: Decimal,
}

/// How the winners of the PT rule and of the harmony rule compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleComparison {
    /// Each rule picks a single partner, the same one.
    Agree,
    /// Each rule picks a single partner, different ones.
    Disagree,
    /// At least one rule ends in a tie between several partners, so there is no single
    /// pick to compare (the tied partners are in `by_total` / `by_harmony`).
    Tie,
    /// A rule has no winner: no partner's PT or harmony is computable.
    NoWinner,
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
    /// How the PT rule's and the harmony rule's winners compare (ties reported as such).
    pub rules: RuleComparison,
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
    /// Criterion scores outside the scale.
    pub scale_findings: Vec<ScaleFinding>,
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
/// H = 1 − σ/σ_max (see [`harmony`]), plus min T_i / max T_i; both are symmetric in
/// the criteria, so independent of the order of the radar's axes.
///
/// # Errors
///
/// An [`InputError`] located at the partner (or at the weight) whose totals, harmony
/// or weight thresholds exceed a Decimal's range (28 significant digits); validation
/// bounds the votes, so only extreme scales or weights get there.
pub fn score_panel(panel: &Panel) -> Result<Scoring, InputError> {
    let mut vote_findings = Vec::new();
    let mut scale_findings = Vec::new();
    let mut partners = Vec::with_capacity(panel.partners.len());
    for (partner_idx, partner) in panel.partners.iter().enumerate() {
        let overflow = |what: Words| {
            InputError::new(
                InputLocation::Partner {
                    partner: partner_idx,
                },
                Words::new(
                    "partners_input.partner_overflow",
                    &[("partner", &partner.name)],
                )
                .with("what", what),
            )
        };
        let mut criteria = Vec::with_capacity(panel.criteria.len());
        for (criterion, ratings) in panel.criteria.iter().zip(&partner.ratings) {
            let score = score_criterion(criterion, ratings, panel).ok_or_else(|| {
                overflow(Words::new(
                    "partners_input.score_on",
                    &[("criterion", criterion)],
                ))
            })?;
            if score.votes_cast != panel.experts {
                vote_findings.push(VoteFinding {
                    partner: partner.name.clone(),
                    criterion: criterion.clone(),
                    votes_cast: score.votes_cast,
                    panel: panel.experts,
                });
            }
            if let Some(value) = score.score
                && !(Decimal::from(panel.scale.min()) <= value
                    && value <= Decimal::from(panel.scale.max()))
            {
                scale_findings.push(ScaleFinding {
                    partner: partner.name.clone(),
                    criterion: criterion.clone(),
                    score: value,
                });
            }
            criteria.push(score);
        }
        let values: Option<Vec<Decimal>> = criteria.iter().map(|score| score.score).collect();
        let (total, weighted_total, harmony) = match values.as_deref() {
            None => (None, None, None),
            Some(values) => {
                let total = checked_sum(values.iter().copied())
                    .ok_or_else(|| overflow(Words::new("partners_input.total_pt", &[])))?;
                let products: Option<Vec<Decimal>> = values
                    .iter()
                    .zip(&panel.weights)
                    .map(|(value, weight)| value.checked_mul(*weight))
                    .collect();
                let weighted_total = products
                    .and_then(|products| checked_sum(products.into_iter()))
                    .ok_or_else(|| overflow(Words::new("partners_input.weighted_total", &[])))?;
                let harmony = if values.len() < 2 {
                    None
                } else {
                    Some(
                        harmony(values, panel.scale)
                            .ok_or_else(|| overflow(Words::new("partners_input.harmony", &[])))?,
                    )
                };
                (Some(total), Some(weighted_total), harmony)
            }
        };
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
    let rules = match (by_total.as_slice(), by_harmony.as_slice()) {
        ([], _) | (_, []) => RuleComparison::NoWinner,
        ([by_total], [by_harmony]) if by_total == by_harmony => RuleComparison::Agree,
        ([_], [_]) => RuleComparison::Disagree,
        _ => RuleComparison::Tie,
    };
    let stability = weight_stability(panel, &partners)?;
    Ok(Scoring {
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
        scale_findings,
        selection: Selection {
            by_total,
            by_harmony,
            by_weighted_total,
            rules,
        },
        stability,
    })
}

/// The harmony of a profile of criterion scores on `scale`; `None` for fewer than two
/// scores (σ_max = 0) or when a value exceeds a Decimal's range.
///
/// # Formula
///
/// H = 1 − σ/σ_max, σ = √(Σ (T_i − T̄)² / n) and σ_max the largest σ attainable by n
/// values on [L, U]: with an even n, half at L and half at U, σ_max = (U − L)/2; with an
/// odd n one value is left over, and the best is (n + 1)/2 at one end and (n − 1)/2 at
/// the other, σ_max = (U − L)/2 · √(1 − 1/n²). So H is 1 for a regular polygon and 0
/// for the most uneven profile the scale allows, for every n. A T_i outside [L, U]
/// (see [`ScaleFinding`]) can make σ exceed σ_max and H negative; nothing is clamped.
/// Square roots by `rust_decimal`'s `MathematicalOps::sqrt`.
pub fn harmony(values: &[Decimal], scale: Scale) -> Option<Harmony> {
    if values.len() < 2 {
        return None;
    }
    let std_dev = population_std_dev(values)?;
    let n = Decimal::from(values.len());
    let half_range =
        Decimal::from(i128::from(scale.max()) - i128::from(scale.min())) / Decimal::TWO;
    let max_std_dev = if values.len().is_multiple_of(2) {
        half_range
    } else {
        let shrink = (Decimal::ONE - Decimal::ONE / n.checked_mul(n)?).sqrt()?;
        half_range.checked_mul(shrink)?
    };
    let index = Decimal::ONE - std_dev.checked_div(max_std_dev)?;
    let lowest = values.iter().copied().min()?;
    let highest = values.iter().copied().max()?;
    let min_over_max = if highest.is_zero() {
        None
    } else {
        Some(lowest.checked_div(highest)?)
    };
    Some(Harmony {
        std_dev,
        max_std_dev,
        index,
        min_over_max,
    })
}

/// √(Σ (x − x̄)² / n); `None` for an empty list or when a value exceeds a Decimal's
/// range.
pub fn population_std_dev(values: &[Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let n = Decimal::from(values.len());
    let mean = checked_sum(values.iter().copied())?.checked_div(n)?;
    let squares: Option<Vec<Decimal>> = values
        .iter()
        .map(|value| {
            let deviation = value.checked_sub(mean)?;
            deviation.checked_mul(deviation)
        })
        .collect();
    let variance = checked_sum(squares?.into_iter())?.checked_div(n)?;
    variance.sqrt()
}

/// Σ `values`, `None` on overflow.
fn checked_sum(mut values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |sum, value| sum.checked_add(value))
}

/// The scores of one criterion, from the vote counts alone (never expanding a count
/// into that many values); `None` when a sum exceeds a Decimal's range.
fn score_criterion(criterion: &str, ratings: &Ratings, panel: &Panel) -> Option<CriterionScore> {
    let votes_cast = ratings
        .counts
        .iter()
        .try_fold(0_u64, |sum, count| sum.checked_add(*count))?;
    let weighted: Vec<(i64, u64)> = panel
        .scale
        .scores()
        .zip(ratings.counts.iter().copied())
        .collect();
    let points = checked_sum(
        weighted
            .iter()
            .map(|(score, count)| Decimal::from(*score).checked_mul(Decimal::from(*count)))
            .collect::<Option<Vec<Decimal>>>()?
            .into_iter(),
    )?;
    let divisor = match panel.divisor {
        Divisor::Panel => panel.experts,
        Divisor::VotesCast => votes_cast,
    };
    let score = if divisor == 0 {
        None
    } else {
        Some(points.checked_div(Decimal::from(divisor))?)
    };
    let voted = || weighted.iter().filter(|(_, count)| 0 < *count);
    let std_dev = if votes_cast == 0 {
        None
    } else {
        let n = Decimal::from(votes_cast);
        let mean = points.checked_div(n)?;
        let squares = voted()
            .map(|(score, count)| {
                let deviation = Decimal::from(*score).checked_sub(mean)?;
                deviation
                    .checked_mul(deviation)?
                    .checked_mul(Decimal::from(*count))
            })
            .collect::<Option<Vec<Decimal>>>()?;
        checked_sum(squares.into_iter())?.checked_div(n)?.sqrt()
    };
    Some(CriterionScore {
        criterion: criterion.to_owned(),
        counts: ratings.counts.clone(),
        votes_cast,
        points,
        divisor,
        score,
        median: median_of_counts(&weighted, votes_cast),
        lowest: voted().next().map(|(score, _)| *score),
        highest: voted().next_back().map(|(score, _)| *score),
        std_dev,
    })
}

/// The median of the scores given `(score, count)` pairs in increasing score order
/// with `n_votes` votes in all: the middle vote, or the mean of the two middle votes
/// for an even count; `None` without votes.
fn median_of_counts(counts: &[(i64, u64)], n_votes: u64) -> Option<Decimal> {
    if n_votes == 0 {
        return None;
    }
    // The score of the vote at 0-based position `position` in increasing order.
    let at = |position: u64| {
        let mut seen = 0_u64;
        for (score, count) in counts {
            seen = seen.saturating_add(*count);
            if position < seen {
                return Some(Decimal::from(*score));
            }
        }
        None
    };
    let middle = n_votes / 2;
    if n_votes % 2 == 1 {
        return at(middle);
    }
    let (lower, upper) = (at(middle - 1)?, at(middle)?);
    Some((lower + upper) / Decimal::TWO)
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
    top_names(
        partners
            .iter()
            .map(|partner| (partner.name.as_str(), key(partner))),
    )
}

/// For each criterion, how far its weight can move (others fixed) before the winner
/// of the weighted total ties with a challenger.
///
/// With D_c = WT_winner − WT_c > 0 and d_c = T_winner,i − T_c,i, moving w_i by δ
/// changes the lead to D_c + δ·d_c, which reaches 0 at δ = −D_c/d_c.
fn weight_stability(
    panel: &Panel,
    partners: &[PartnerScore],
) -> Result<Vec<WeightStability>, InputError> {
    let winners = best(partners, |partner| partner.weighted_total);
    let [winner_name] = winners.as_slice() else {
        return Ok(Vec::new());
    };
    let Some(winner) = partners.iter().find(|partner| &partner.name == winner_name) else {
        return Ok(Vec::new());
    };
    let Some(winner_total) = winner.weighted_total else {
        return Ok(Vec::new());
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
            let overflow = || {
                InputError::new(
                    InputLocation::Weight {
                        criterion: criterion.clone(),
                    },
                    Words::new(
                        "partners_input.tie_weight_overflow",
                        &[("partner", &challenger.name)],
                    ),
                )
            };
            let lead = winner_total.checked_sub(total).ok_or_else(overflow)?;
            let difference = winner_score.checked_sub(score).ok_or_else(overflow)?;
            if difference.is_zero() {
                continue;
            }
            let tie_weight = lead
                .checked_div(difference)
                .and_then(|shift| weight.checked_sub(shift))
                .ok_or_else(overflow)?;
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
    Ok(rows)
}
