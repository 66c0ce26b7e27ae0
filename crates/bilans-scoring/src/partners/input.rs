//! The panel input as users write it (TOML, JSON or a workbook) and its validation
//! into a [`Panel`] whose invariants the scoring relies on.
//!
//! Every validation error carries an [`InputLocation`]: a structured place in the
//! input that renders as a TOML/JSON field path and that `bilans-sheets` maps back to
//! a sheet and cell.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::lang::Words;
use crate::partners::compliance::ComplianceInput;
use crate::partners::error::{Form, InputError, InputLocation};
use crate::partners::monitoring::MonitoringInput;

/// The whole input of a partner selection, as written by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelInput {
    /// A title for the outputs.
    #[serde(default)]
    pub title: Option<String>,
    /// The declared panel size QΣ (the number of experts).
    pub experts: i64,
    /// The score scale; 1..5 when absent.
    #[serde(default)]
    pub scale: ScaleInput,
    /// The divisor of T_i; the declared panel (the article's) when absent.
    #[serde(default)]
    pub divisor: Divisor,
    /// The criteria, in the order of the outputs.
    pub criteria: Vec<String>,
    /// Optional criterion weights, by criterion name (missing criteria weigh 1).
    #[serde(default)]
    pub weights: BTreeMap<String, Decimal>,
    /// The potential partners.
    pub partners: Vec<PartnerInput>,
    /// The compliance matrix of stage 2, if any.
    #[serde(default)]
    pub compliance: Option<ComplianceInput>,
    /// The monitoring of stage 3, if any.
    #[serde(default)]
    pub monitoring: Option<MonitoringInput>,
}

/// A score scale `min..=max` in whole points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleInput {
    /// The lowest score L.
    pub min: i64,
    /// The highest score U.
    pub max: i64,
}

impl Default for ScaleInput {
    /// The article's five-point scale.
    fn default() -> ScaleInput {
        ScaleInput { min: 1, max: 5 }
    }
}

/// What T_i is divided by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Divisor {
    /// The declared panel size QΣ, as the article does (its Table 1 is reproduced only
    /// this way).
    #[default]
    Panel,
    /// The number of votes actually cast for the criterion (a true mean score).
    VotesCast,
}

/// One potential partner: either vote counts per score (the article's Table 1 form)
/// or every expert's individual score, per criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerInput {
    /// The partner's name (e.g. `A`).
    pub name: String,
    /// What the partner is (e.g. `logistics`).
    #[serde(default)]
    pub description: Option<String>,
    /// Per criterion, the number of experts who gave each score, from the lowest score
    /// of the scale to the highest.
    #[serde(default)]
    pub votes: BTreeMap<String, Vec<i64>>,
    /// Per criterion, every expert's score, experts in the same order for every
    /// criterion.
    #[serde(default)]
    pub scores: BTreeMap<String, Vec<i64>>,
}

impl PartnerInput {
    /// The lists of one form, by criterion.
    pub fn lists(&self, form: Form) -> &BTreeMap<String, Vec<i64>> {
        match form {
            Form::Votes => &self.votes,
            Form::Scores => &self.scores,
        }
    }

    /// The lists of one form, by criterion, to fill them.
    pub fn lists_mut(&mut self, form: Form) -> &mut BTreeMap<String, Vec<i64>> {
        match form {
            Form::Votes => &mut self.votes,
            Form::Scores => &mut self.scores,
        }
    }
}

/// The most points a scale may have.
pub const MAX_SCALE_POINTS: usize = 1000;

/// The most votes one partner may receive on one criterion (Σ Q of a row): more is not
/// a panel of experts, and the bound keeps every sum of the scoring far inside a
/// Decimal's range.
pub const MAX_VOTES_PER_ROW: u64 = 1_000_000_000;

/// The largest panel: the declared panel size and the number of experts who give
/// individual scores. It is the most votes a row may have ([`MAX_VOTES_PER_ROW`], 10⁹),
/// since a full panel casts one vote per expert on every criterion: more is not a
/// panel of experts but a typo or a wrapped-around number.
pub const MAX_EXPERTS: u64 = MAX_VOTES_PER_ROW;

/// A validated score scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scale {
    min: i64,
    max: i64,
}

impl Scale {
    /// A scale `min..=max`; `None` unless `min < max`.
    pub fn new(min: i64, max: i64) -> Option<Scale> {
        (min < max).then_some(Scale { min, max })
    }

    /// The lowest score L.
    pub fn min(self) -> i64 {
        self.min
    }

    /// The highest score U.
    pub fn max(self) -> i64 {
        self.max
    }

    /// The number of points on the scale, U − L + 1; `None` when it does not fit a
    /// `usize` (a scale such as `i64::MIN..=i64::MAX`).
    pub fn n_points(self) -> Option<usize> {
        let span = i128::from(self.max) - i128::from(self.min);
        usize::try_from(span.checked_add(1)?).ok()
    }

    /// Whether `score` is on the scale.
    pub fn contains(self, score: i64) -> bool {
        self.min <= score && score <= self.max
    }

    /// The scores of the scale, lowest first.
    pub fn scores(self) -> impl Iterator<Item = i64> {
        self.min..=self.max
    }
}

/// One partner's ratings on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ratings {
    /// Number of experts per score, lowest score first.
    pub counts: Vec<u64>,
    /// The individual scores, when given.
    pub scores: Option<Vec<i64>>,
}

/// A validated partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    /// The partner's name.
    pub name: String,
    /// What the partner is.
    pub description: Option<String>,
    /// Ratings per criterion, in the order of [`Panel::criteria`].
    pub ratings: Vec<Ratings>,
}

/// A validated panel: every partner rated on every criterion, on the scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel {
    /// The title.
    pub title: Option<String>,
    /// The declared panel size QΣ.
    pub experts: u64,
    /// The scale.
    pub scale: Scale,
    /// The divisor of T_i.
    pub divisor: Divisor,
    /// The criteria.
    pub criteria: Vec<String>,
    /// The criterion weights (1 unless given), in the order of `criteria`.
    pub weights: Vec<Decimal>,
    /// Whether weights were given.
    pub weighted: bool,
    /// The partners.
    pub partners: Vec<Partner>,
}

/// Validates the panel part of an input.
///
/// # Errors
///
/// The first problem found, located: a panel size or scale that is not positive, more
/// than [`MAX_EXPERTS`] experts, a scale of more than [`MAX_SCALE_POINTS`] points, a
/// negative weight, an unknown or missing criterion for a partner, a vote list of the
/// wrong length, a negative count, more than [`MAX_VOTES_PER_ROW`] votes in a row, a
/// score outside the scale, experts missing from some criteria of a partner given
/// individual scores.
pub fn validate_panel(input: &PanelInput) -> Result<Panel, InputError> {
    let Ok(experts) = u64::try_from(input.experts) else {
        return Err(InputError::new(
            field("experts"),
            Words::new("partners_input.experts_negative", &[]),
        ));
    };
    if experts == 0 {
        return Err(InputError::new(
            field("experts"),
            Words::new("partners_input.experts_zero", &[]),
        ));
    }
    if MAX_EXPERTS < experts {
        return Err(InputError::new(
            field("experts"),
            Words::new(
                "partners_input.experts_too_many",
                &[("experts", &experts), ("max", &MAX_EXPERTS)],
            ),
        ));
    }
    let Some(scale) = Scale::new(input.scale.min, input.scale.max) else {
        let message = Words::new("partners_input.scale_order", &[]);
        return Err(InputError::new(field("scale"), message));
    };
    let Some(n_points) = scale
        .n_points()
        .filter(|n_points| *n_points <= MAX_SCALE_POINTS)
    else {
        return Err(InputError::new(
            field("scale"),
            Words::new(
                "partners_input.scale_too_long",
                &[
                    ("min", &scale.min()),
                    ("max", &scale.max()),
                    ("points", &MAX_SCALE_POINTS),
                ],
            ),
        ));
    };
    if input.criteria.is_empty() {
        let message = Words::new("partners_input.no_criteria", &[]);
        return Err(InputError::new(field("criteria"), message));
    }
    for (criterion_idx, criterion) in input.criteria.iter().enumerate() {
        if input.criteria[..criterion_idx].contains(criterion) {
            return Err(InputError::new(
                field("criteria"),
                Words::new(
                    "partners_input.criterion_twice",
                    &[("criterion", criterion)],
                ),
            ));
        }
    }
    for (criterion, weight) in &input.weights {
        let problem = if !input.criteria.contains(criterion) {
            Words::new(
                "partners_input.unknown_criterion",
                &[("criterion", criterion)],
            )
        } else if weight.is_sign_negative() {
            Words::new("partners_input.negative_weight", &[("weight", weight)])
        } else {
            continue;
        };
        let location = InputLocation::Weight {
            criterion: criterion.clone(),
        };
        return Err(InputError::new(location, problem));
    }
    let weights = input
        .criteria
        .iter()
        .map(|criterion| {
            input
                .weights
                .get(criterion)
                .copied()
                .unwrap_or(Decimal::ONE)
        })
        .collect();
    if input.partners.is_empty() {
        let message = Words::new("partners_input.no_partners", &[]);
        return Err(InputError::new(field("partners"), message));
    }
    let mut partners = Vec::with_capacity(input.partners.len());
    for (partner_idx, partner) in input.partners.iter().enumerate() {
        if input.partners[..partner_idx]
            .iter()
            .any(|other| other.name == partner.name)
        {
            let location = InputLocation::Partner {
                partner: partner_idx,
            };
            return Err(InputError::new(
                location,
                Words::new(
                    "partners_input.partner_twice",
                    &[("partner", &partner.name)],
                ),
            ));
        }
        partners.push(validate_partner(
            partner_idx,
            partner,
            &input.criteria,
            scale,
            n_points,
        )?);
    }
    Ok(Panel {
        title: input.title.clone(),
        experts,
        scale,
        divisor: input.divisor,
        criteria: input.criteria.clone(),
        weights,
        weighted: !input.weights.is_empty(),
        partners,
    })
}

fn field(name: &str) -> InputLocation {
    InputLocation::Field(name.to_owned())
}

fn validate_partner(
    partner_idx: usize,
    partner: &PartnerInput,
    criteria: &[String],
    scale: Scale,
    n_points: usize,
) -> Result<Partner, InputError> {
    let form = match (partner.votes.is_empty(), partner.scores.is_empty()) {
        (false, true) => Form::Votes,
        (true, false) => Form::Scores,
        (empty, _) => {
            let problem = if empty {
                Words::new("partners_input.no_form", &[])
            } else {
                Words::new("partners_input.both_forms", &[])
            };
            let location = InputLocation::Partner {
                partner: partner_idx,
            };
            return Err(InputError::new(location, problem));
        }
    };
    let lists = partner.lists(form);
    let at_criterion = |criterion: &str| InputLocation::Criterion {
        partner: partner_idx,
        form,
        criterion: criterion.to_owned(),
    };
    if let Some(unknown) = lists.keys().find(|name| !criteria.contains(name)) {
        return Err(InputError::new(
            at_criterion(unknown),
            Words::new(
                "partners_input.unknown_criterion",
                &[("criterion", unknown)],
            ),
        ));
    }
    let mut ratings = Vec::with_capacity(criteria.len());
    let mut n_experts: Option<(usize, &str)> = None;
    for criterion in criteria {
        let entry = |index| InputLocation::Entry {
            partner: partner_idx,
            form,
            criterion: criterion.clone(),
            index,
        };
        let Some(list) = lists.get(criterion) else {
            return Err(InputError::new(
                at_criterion(criterion),
                Words::new(
                    "partners_input.criterion_missing",
                    &[("criterion", criterion), ("partner", &partner.name)],
                ),
            ));
        };
        match form {
            Form::Votes => {
                if list.len() != n_points {
                    return Err(InputError::new(
                        at_criterion(criterion),
                        Words::new(
                            "partners_input.vote_count",
                            &[
                                ("given", &list.len()),
                                ("min", &scale.min()),
                                ("max", &scale.max()),
                                ("needed", &n_points),
                            ],
                        ),
                    ));
                }
                let mut counts = Vec::with_capacity(list.len());
                let mut votes_cast: u64 = 0;
                for (score_idx, &count) in list.iter().enumerate() {
                    let Ok(count) = u64::try_from(count) else {
                        return Err(InputError::new(
                            entry(score_idx),
                            Words::new("partners_input.negative_count", &[("count", &count)]),
                        ));
                    };
                    votes_cast = votes_cast.saturating_add(count);
                    if MAX_VOTES_PER_ROW < votes_cast {
                        return Err(InputError::new(
                            entry(score_idx),
                            Words::new(
                                "partners_input.votes_too_many",
                                &[("max", &MAX_VOTES_PER_ROW)],
                            ),
                        ));
                    }
                    counts.push(count);
                }
                ratings.push(Ratings {
                    counts,
                    scores: None,
                });
            }
            Form::Scores => {
                if MAX_EXPERTS < u64::try_from(list.len()).unwrap_or(u64::MAX) {
                    return Err(InputError::new(
                        at_criterion(criterion),
                        Words::new(
                            "partners_input.scores_too_many",
                            &[("given", &list.len()), ("max", &MAX_EXPERTS)],
                        ),
                    ));
                }
                let mut counts = vec![0; n_points];
                for (expert_idx, &score) in list.iter().enumerate() {
                    if !scale.contains(score) {
                        return Err(InputError::new(
                            entry(expert_idx),
                            Words::new(
                                "partners_input.score_outside",
                                &[
                                    ("score", &score),
                                    ("min", &scale.min()),
                                    ("max", &scale.max()),
                                ],
                            ),
                        ));
                    }
                    // On the scale, score − L is in 0..n_points.
                    let score_idx =
                        usize::try_from(i128::from(score) - i128::from(scale.min())).unwrap_or(0);
                    counts[score_idx] += 1;
                }
                match n_experts {
                    None => n_experts = Some((list.len(), criterion)),
                    Some((expected, first)) if expected != list.len() => {
                        return Err(InputError::new(
                            at_criterion(criterion),
                            Words::new(
                                "partners_input.scores_uneven",
                                &[
                                    ("given", &list.len()),
                                    ("expected", &expected),
                                    ("first", &first),
                                ],
                            ),
                        ));
                    }
                    Some(_) => {}
                }
                ratings.push(Ratings {
                    counts,
                    scores: Some(list.clone()),
                });
            }
        }
    }
    Ok(Partner {
        name: partner.name.clone(),
        description: partner.description.clone(),
        ratings,
    })
}
