//! The balance report (seed 001): per level and type pair, how much of the cards sits
//! on each side, with warnings where the side managers neglect is missing or thin, and
//! the individual : team proportion against its target.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::kpi::card::{Card, Kpi, Side, TypePair};
use crate::kpi::finding::{FindingKind, KpiFinding};
use crate::kpi::level::Level;
use crate::kpi::owner_card::OwnerCard;
use crate::lang::Words;

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

/// Builds the balance of every level that has cards, adding its findings.
///
/// # Formula
///
/// For level L with owners O (those whose weights do not sum to 0) and pair P:
/// counts of KPIs per side; weight share of a side = (1/|O|) Σ_o Σ_{i on the side} ŵᵢ.
/// A neglected side is missing when no KPI of L is on it, thin when its weight share
/// is below `thin_share` (for individual/team only when the level has no
/// individual-share target, which then rules). The individual share is the weight share of the individual
/// side; it is off target when |share − target| > tolerance.
pub(crate) fn balance(
    card: &Card,
    cards: &[OwnerCard],
    findings: &mut Vec<KpiFinding>,
) -> Vec<LevelBalance> {
    let settings = &card.settings;
    let mut levels = Vec::new();
    for level in Level::ALL {
        let level_cards: Vec<&OwnerCard> =
            cards.iter().filter(|owner| owner.level == level).collect();
        if level_cards.is_empty() {
            continue;
        }
        let kpis: Vec<_> = card
            .kpis
            .iter()
            .filter(|kpi| kpi.level() == level)
            .collect();
        let weighted: Vec<&OwnerCard> = level_cards
            .iter()
            .copied()
            .filter(|owner| !owner.weight_sum.is_zero())
            .collect();
        // The KPI and used weight of every row of those cards, looked up once per level.
        let weighted_rows: Vec<Vec<(&Kpi, Decimal)>> = weighted
            .iter()
            .map(|owner| {
                owner
                    .rows
                    .iter()
                    .filter_map(|row| {
                        card.kpis
                            .iter()
                            .find(|kpi| kpi.owner() == owner.owner && kpi.name() == row.kpi)
                            .map(|kpi| (kpi, row.weight_used.unwrap_or_default()))
                    })
                    .collect()
            })
            .collect();
        let mut pairs = Vec::new();
        for pair in TypePair::ALL {
            let count = |side: Side| {
                kpis.iter()
                    .filter(|kpi| kpi.types().side(pair) == side)
                    .count()
            };
            let share = |side: Side| -> Option<Decimal> {
                if weighted_rows.is_empty() {
                    return None;
                }
                let mut sum = Decimal::ZERO;
                for (kpi, weight_used) in weighted_rows.iter().flatten() {
                    if kpi.types().side(pair) == side {
                        sum += *weight_used;
                    }
                }
                Some(sum / Decimal::from(weighted_rows.len()))
            };
            let (left, right) = pair.side_names();
            let entry = PairBalance {
                pair,
                left: left.to_owned(),
                right: right.to_owned(),
                left_count: count(Side::Left),
                right_count: count(Side::Right),
                left_weight_share: share(Side::Left),
                right_weight_share: share(Side::Right),
            };
            let has_target = settings.individual_share_target.contains_key(&level);
            if pair == TypePair::Responsibility && has_target {
                // The configured individual : team target is checked below instead.
            } else if entry.right_count == 0 {
                findings.push(KpiFinding::about_level(
                    FindingKind::NeglectedSideMissing,
                    level,
                    Words::new(
                        "kpi_finding.neglected_missing",
                        &[("side", &right), ("pair", &pair.label())],
                    ),
                ));
            } else if let Some(share) = entry
                .right_weight_share
                .filter(|share| *share < settings.thin_share)
            {
                findings.push(KpiFinding::about_level(
                    FindingKind::NeglectedSideThin,
                    level,
                    Words::new(
                        "kpi_finding.neglected_thin",
                        &[
                            ("side", &right),
                            ("share", &percent(share)),
                            ("pair", &pair.label()),
                            ("thin", &percent(settings.thin_share)),
                        ],
                    ),
                ));
            }
            pairs.push(entry);
        }
        let individual_share = pairs
            .iter()
            .find(|entry| entry.pair == TypePair::Responsibility)
            .and_then(|entry| entry.left_weight_share);
        let target = settings.individual_share_target.get(&level).copied();
        if let (Some(share), Some(target)) = (individual_share, target) {
            let tolerance = settings.individual_share_tolerance;
            if tolerance < (share - target).abs() {
                findings.push(KpiFinding::about_level(
                    FindingKind::IndividualShareOffTarget,
                    level,
                    Words::new(
                        "kpi_finding.individual_share",
                        &[
                            ("individual", &percent(share)),
                            ("team", &percent(Decimal::ONE - share)),
                            ("target_individual", &percent(target)),
                            ("target_team", &percent(Decimal::ONE - target)),
                            ("tolerance", &percent(tolerance)),
                        ],
                    ),
                ));
            }
        }
        levels.push(LevelBalance {
            level,
            n_owners: level_cards.len(),
            n_kpis: kpis.len(),
            pairs,
            individual_share,
            individual_share_target: target,
        });
    }
    levels
}

/// A share as a percentage with one decimal, rounded half away from zero (display
/// only).
pub(crate) fn percent(share: Decimal) -> String {
    let value = (share * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    format!("{value:.1} %")
}
