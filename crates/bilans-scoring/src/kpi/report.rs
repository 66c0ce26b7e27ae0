//! The card report: scores per owner and period, weighted totals, the balance report
//! and the findings (type/scale mismatches, refused ratios, normalised weights,
//! neglected sides, individual : team proportions).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::kpi::balance::{LevelBalance, balance};
use crate::kpi::card::{Card, Kpi, Side, TypePair};
use crate::kpi::finding::{FindingKind, KpiFinding};
use crate::kpi::level::Level;
use crate::kpi::owner_card::{CardRow, OwnerCard, PeriodTotal, ScoreCell, Total};
use crate::kpi::score::{Light, Score, score};
use crate::lang::Words;

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
    let mut refused: BTreeMap<(String, String), Words> = BTreeMap::new();
    for (owner, level) in &owners {
        let kpis: Vec<&Kpi> = card
            .kpis
            .iter()
            .filter(|kpi| kpi.owner() == *owner)
            .collect();
        // Each weight is at most `MAX_WEIGHT` (10^9), so the sum cannot overflow.
        let weight_sum: Decimal = kpis.iter().map(|kpi| kpi.weight()).sum();
        if weight_sum.is_zero() {
            findings.push(KpiFinding::worded(
                FindingKind::WeightsZero,
                (*owner).to_owned(),
                Words::new("kpi_finding.weights_zero", &[]),
            ));
        } else if weight_sum != Decimal::ONE {
            findings.push(KpiFinding::worded(
                FindingKind::WeightsNormalised,
                (*owner).to_owned(),
                Words::new("kpi_finding.weights_normalised", &[("sum", &weight_sum)]),
            ));
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
                        reason: Words::new("kpi_refusal.no_actual", &[("period", period)]),
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
            message: note.text_in(bilans_model::Lang::En),
            words: Some(note),
            subject_words: None,
        });
    }
    let balance = balance(card, &cards, &mut findings);
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
    let mut keys = Vec::new();
    match types.side(TypePair::Quantification) {
        Side::Left if !scale.is_metric() => keys.push("kpi_finding.quantitative"),
        Side::Right if scale.is_metric() => keys.push("kpi_finding.qualitative"),
        _ => {}
    }
    if types.side(TypePair::Financial) == Side::Left && !scale.is_metric() {
        keys.push("kpi_finding.financial");
    }
    if types.side(TypePair::Expression) == Side::Right && !scale.has_natural_zero() {
        keys.push("kpi_finding.relative");
    }
    keys.into_iter()
        .map(|key| {
            KpiFinding::worded(
                FindingKind::TypeScaleMismatch,
                kpi.name().to_owned(),
                Words::new(key, &[("scale", &scale)]),
            )
        })
        .collect()
}

fn card_total(rows: &[CardRow], period_idx: usize) -> Total {
    let mut value = Decimal::ZERO;
    let mut missing = Vec::new();
    for row in rows {
        let Some(weight) = row.weight_used else {
            return Total::NotComputable {
                reason: Words::new("kpi_refusal.weights_zero", &[]),
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
                            reason: Words::new("kpi_refusal.weighted_sum_overflow", &[]),
                        };
                    }
                }
            }
            Some(Score::NotComputable { reason }) => {
                missing.push((row.kpi.clone(), reason.clone()))
            }
            None => missing.push((row.kpi.clone(), Words::new("kpi_refusal.no_score", &[]))),
        }
    }
    if missing.is_empty() {
        Total::Computed { value }
    } else {
        Total::NotComputable {
            reason: Words::new("kpi_refusal.not_every_score", &[]).with_list(
                "missing",
                missing
                    .into_iter()
                    .map(|(kpi, reason)| {
                        Words::new("kpi_refusal.kpi_reason", &[("kpi", &kpi)])
                            .with("reason", reason)
                    })
                    .collect(),
                "; ",
            ),
        }
    }
}
