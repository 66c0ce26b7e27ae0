//! The written conclusion: a few paragraphs generated from the analysis (liquidity,
//! financing, profitability, trends, distress verdicts, the statements' checks, and
//! what to check next).
//!
//! Every sentence is a [`Claim`] built from figures of the analysis, and carries those
//! figures ([`Figure`]: a ratio, an amount, a distress score, a count of findings) so
//! that a reader (and the workbook, which prints each figure's cell beside the
//! sentence) can trace it. A claim only states what its figures show: a comparison
//! of two numbers, a sign, a count, or a zone the model's own cut-offs assign. No
//! norm that the figures cannot carry is applied: the one benchmark used is 1 for the
//! current ratio, where "below 1" means, by arithmetic, that current liabilities
//! exceed current assets. Numbers in the text are rounded half away from zero (ratios
//! to 2 decimals, percentages to 1, amounts to whole units of the statements); the
//! figures keep full precision.

use std::fmt::Write as _;

use bilans_model::{LineItem, Period, Severity};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use bilans_model::{Finding, Statements};

use crate::distress::{DistressRow, ZoneRisk};
use crate::liquidity::net_assets::{Coverage, NetAssetsPeriod};
use crate::liquidity::stability::{StabilityPeriod, StabilityType};
use crate::liquidity::{LiquidityPeriod, Verdict};
use crate::structure::Structure;
use crate::text::capitalise;
use crate::{NotComputable, RatioId, RatioTable};

/// The conclusion: its paragraphs, in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct Conclusion {
    /// The paragraphs; a topic with nothing to say is left out.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph: a topic and its sentences.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// What the paragraph is about.
    pub topic: Topic,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// The topic of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Whether the statements hold together.
    Checks,
    /// Short-term liquidity.
    Liquidity,
    /// How assets are financed.
    Financing,
    /// Profitability.
    Profitability,
    /// Revenue and net income from the first to the last period.
    Trends,
    /// The distress models' verdicts.
    Distress,
    /// What to check next.
    NextSteps,
}

impl Topic {
    /// The paragraph's heading.
    pub fn heading(self) -> &'static str {
        match self {
            Topic::Checks => "Checks",
            Topic::Liquidity => "Liquidity",
            Topic::Financing => "Financing",
            Topic::Profitability => "Profitability",
            Topic::Trends => "Trends",
            Topic::Distress => "Distress models",
            Topic::NextSteps => "What to check next",
        }
    }
}

/// One sentence: what it claims, its text, and the figures it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// The claim, as data.
    pub claim: Claim,
    /// The claim in words.
    pub text: String,
    /// The figures the claim states or rests on.
    pub figures: Vec<Figure>,
}

/// A figure a sentence rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Figure {
    /// A ratio's value in a period.
    Ratio {
        /// The ratio.
        id: RatioId,
        /// The period.
        period: Period,
        /// Its value.
        value: Decimal,
    },
    /// A statement amount.
    Amount {
        /// The line item.
        item: LineItem,
        /// The period.
        period: Period,
        /// The amount.
        value: Decimal,
    },
    /// A distress model's score, by the model's position in [`Facts::distress`].
    Distress {
        /// The model's position in [`Facts::distress`].
        model: usize,
        /// The period.
        period: Period,
        /// The score.
        value: Decimal,
    },
    /// An amount of the balance analyses (a liquidity group's surplus, a stability
    /// surplus, net assets), on the Liquidity or Stability sheet.
    Measure {
        /// What it is, e.g. `A1 >= P1 (surplus)`.
        name: String,
        /// The period.
        period: Period,
        /// Its value.
        value: Decimal,
    },
    /// How many findings of a severity the checks raised.
    Findings {
        /// The severity.
        severity: Severity,
        /// How many.
        count: usize,
    },
}

/// What a sentence claims. Each variant states only what its figures show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "claim", rename_all = "snake_case")]
pub enum Claim {
    /// No identity or consistency error was found.
    ChecksPass {
        /// Warnings raised (worth a look, not contradictions).
        warnings: usize,
    },
    /// The statements contradict themselves somewhere.
    ChecksFail {
        /// Errors.
        errors: usize,
        /// The first error, as text.
        first: String,
    },
    /// A ratio's value in its latest computable period, and the period before.
    RatioLevel {
        /// The ratio.
        id: RatioId,
        /// The period and value.
        period: Period,
        /// Its value.
        value: Decimal,
        /// The previous computable period and value, if any.
        previous: Option<(Period, Decimal)>,
    },
    /// A headline ratio that is not computable in the latest period.
    RatioNotComputable {
        /// The ratio.
        id: RatioId,
        /// The period.
        period: Period,
        /// Why.
        reason: String,
    },
    /// Current liabilities exceed current assets (current ratio below 1).
    CurrentLiabilitiesExceedCurrentAssets {
        /// The period.
        period: Period,
    },
    /// Net income below zero.
    NetLoss {
        /// The period.
        period: Period,
    },
    /// An amount from its first to its last period.
    AmountChange {
        /// The line item.
        item: LineItem,
        /// First period and amount.
        first: (Period, Decimal),
        /// Last period and amount.
        last: (Period, Decimal),
    },
    /// The distress models' zones in one period.
    DistressZones {
        /// The period.
        period: Period,
        /// The models in their danger zone.
        danger: Vec<&'static str>,
        /// The models between their zones.
        between: Vec<&'static str>,
        /// The models in their safest zone.
        safe: Vec<&'static str>,
        /// Models not computable in that period.
        not_computable: usize,
    },
    /// The verdict of balance liquidity by groups.
    BalanceLiquidity {
        /// The period.
        period: Period,
        /// The conditions that fail (none: absolutely liquid).
        failed: Vec<String>,
    },
    /// The financial-stability type from the three-component indicator.
    Stability {
        /// The period.
        period: Period,
        /// The indicator S.
        indicator: [bool; 3],
        /// The type.
        stability_type: StabilityType,
    },
    /// Net assets against share capital.
    NetAssets {
        /// The period.
        period: Period,
        /// Net assets.
        net_assets: Decimal,
        /// The share capital.
        share_capital: Decimal,
        /// At least or below the share capital.
        coverage: Coverage,
    },
    /// The lines that moved most in the latest period (large moves: see
    /// `docs/structure.md`).
    LargeMoves {
        /// The period.
        period: Period,
        /// Each line and its relative change, largest first (at most three).
        lines: Vec<(LineItem, Decimal)>,
        /// How many lines moved that much in all.
        count: usize,
    },
    /// No distress model is computable in any period.
    DistressNoneComputable {
        /// How many models there are.
        models: usize,
    },
    /// Reconcile the statements before relying on the figures.
    CheckReconcile,
    /// Look at the maturity of current liabilities and the sources of cash.
    CheckShortTermFunding,
    /// Read the inputs of the models in their danger zone.
    CheckDistressInputs,
    /// Look at how the inventories are financed (an unstable or crisis type).
    CheckInventoryFinancing,
    /// Net assets below share capital: what company law requires.
    CheckNetAssets,
    /// Add the missing inputs the not-computable headline ratios need.
    CheckMissingInputs {
        /// The ratios.
        ratios: Vec<RatioId>,
    },
}

/// The headline ratios the conclusion states, by topic.
const LIQUIDITY: [RatioId; 2] = [RatioId::CURRENT_RATIO, RatioId::QUICK_RATIO];
const FINANCING: [RatioId; 2] = [RatioId::EQUITY_RATIO, RatioId::DEBT_TO_EQUITY];
const PROFITABILITY: [RatioId; 3] = [
    RatioId::RETURN_ON_SALES,
    RatioId::RETURN_ON_ASSETS,
    RatioId::RETURN_ON_EQUITY,
];

/// What the conclusion is drawn from: the parts of an analysis it reads.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The statements.
    pub statements: &'a Statements,
    /// The validation findings.
    pub findings: &'a [Finding],
    /// Every ratio per period.
    pub ratios: &'a RatioTable,
    /// Every distress model per period.
    pub distress: &'a [DistressRow],
    /// The horizontal and vertical analysis.
    pub structure: &'a Structure,
    /// Balance liquidity by groups per period.
    pub balance_liquidity: &'a [LiquidityPeriod],
    /// The financial-stability type per period.
    pub financial_stability: &'a [StabilityPeriod],
    /// Net assets against share capital per period.
    pub net_assets: &'a [NetAssetsPeriod],
}

/// Writes the conclusion drawn from `analysis`.
pub fn conclude(analysis: &Facts<'_>) -> Conclusion {
    let mut paragraphs: Vec<Paragraph> = [
        (Topic::Checks, checks(analysis)),
        (Topic::Liquidity, liquidity(analysis)),
        (Topic::Financing, financing(analysis)),
        (Topic::Profitability, profitability(analysis)),
        (Topic::Trends, trends(analysis)),
        (Topic::Trends, large_moves(analysis)),
        (Topic::Distress, distress(analysis)),
    ]
    .into_iter()
    .fold(
        Vec::new(),
        |mut paragraphs: Vec<Paragraph>, (topic, sentences)| {
            match paragraphs.last_mut() {
                Some(last) if last.topic == topic => last.sentences.extend(sentences),
                _ => paragraphs.push(Paragraph { topic, sentences }),
            }
            paragraphs
        },
    );
    let next = next_steps(&paragraphs);
    paragraphs.push(Paragraph {
        topic: Topic::NextSteps,
        sentences: next,
    });
    paragraphs.retain(|paragraph| !paragraph.sentences.is_empty());
    Conclusion { paragraphs }
}

fn sentence(analysis: &Facts<'_>, claim: Claim, figures: Vec<Figure>) -> Sentence {
    Sentence {
        text: claim_text(analysis, &claim),
        claim,
        figures,
    }
}

fn checks(analysis: &Facts<'_>) -> Vec<Sentence> {
    let count = |severity| {
        analysis
            .findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let figures = vec![
        Figure::Findings {
            severity: Severity::Error,
            count: errors,
        },
        Figure::Findings {
            severity: Severity::Warning,
            count: warnings,
        },
    ];
    let claim = match analysis
        .findings
        .iter()
        .find(|finding| finding.severity == Severity::Error)
    {
        Some(first) => Claim::ChecksFail {
            errors,
            first: first.to_string(),
        },
        None => Claim::ChecksPass { warnings },
    };
    vec![sentence(analysis, claim, figures)]
}

/// The latest computable value of `id` and the one before it; or, when the latest
/// period has none, why.
enum Level {
    Value {
        period: Period,
        value: Decimal,
        previous: Option<(Period, Decimal)>,
    },
    NotComputable {
        period: Period,
        reason: NotComputable,
    },
    Absent,
}

fn level(analysis: &Facts<'_>, id: RatioId) -> Level {
    let Some(row) = analysis.ratios.row(id) else {
        return Level::Absent;
    };
    let computed: Vec<(Period, Decimal)> = row
        .values
        .iter()
        .filter_map(|(period, value)| value.as_ref().ok().map(|value| (*period, *value)))
        .collect();
    match (row.values.last(), computed.last()) {
        (Some((period, Err(reason))), _) => Level::NotComputable {
            period: *period,
            reason: reason.clone(),
        },
        (_, Some((period, value))) => Level::Value {
            period: *period,
            value: *value,
            previous: computed.iter().rev().nth(1).copied(),
        },
        _ => Level::Absent,
    }
}

fn ratio_sentence(analysis: &Facts<'_>, id: RatioId) -> Option<Sentence> {
    match level(analysis, id) {
        Level::Value {
            period,
            value,
            previous,
        } => {
            let mut figures = vec![Figure::Ratio { id, period, value }];
            if let Some((period, value)) = previous {
                figures.push(Figure::Ratio { id, period, value });
            }
            let claim = Claim::RatioLevel {
                id,
                period,
                value,
                previous,
            };
            Some(sentence(analysis, claim, figures))
        }
        Level::NotComputable { period, reason } => {
            let claim = Claim::RatioNotComputable {
                id,
                period,
                reason: reason.to_string(),
            };
            Some(sentence(analysis, claim, Vec::new()))
        }
        Level::Absent => None,
    }
}

fn ratio_levels(analysis: &Facts<'_>, ids: &[RatioId]) -> Vec<Sentence> {
    ids.iter()
        .filter_map(|id| ratio_sentence(analysis, *id))
        .collect()
}

fn liquidity(analysis: &Facts<'_>) -> Vec<Sentence> {
    let mut sentences = ratio_levels(analysis, &LIQUIDITY);
    if let Level::Value { period, value, .. } = level(analysis, RatioId::CURRENT_RATIO)
        && value < Decimal::ONE
    {
        let figures = vec![Figure::Ratio {
            id: RatioId::CURRENT_RATIO,
            period,
            value,
        }];
        let claim = Claim::CurrentLiabilitiesExceedCurrentAssets { period };
        sentences.push(sentence(analysis, claim, figures));
    }
    let latest = analysis
        .balance_liquidity
        .iter()
        .rev()
        .find_map(|period| Some((period, period.verdict.as_ref().ok()?)));
    if let Some((liquidity, verdict)) = latest {
        let figures = liquidity
            .conditions
            .iter()
            .filter_map(|condition| {
                Some(Figure::Measure {
                    name: format!("{} (surplus)", condition.condition),
                    period: liquidity.period,
                    value: *condition.surplus.as_ref().ok()?,
                })
            })
            .collect();
        let failed = match verdict {
            Verdict::AbsolutelyLiquid => Vec::new(),
            Verdict::NotAbsolutelyLiquid { failed } => failed.clone(),
        };
        let claim = Claim::BalanceLiquidity {
            period: liquidity.period,
            failed,
        };
        sentences.push(sentence(analysis, claim, figures));
    }
    sentences
}

fn financing(analysis: &Facts<'_>) -> Vec<Sentence> {
    let mut sentences = ratio_levels(analysis, &FINANCING);
    let latest = analysis
        .financial_stability
        .iter()
        .rev()
        .find_map(|period| {
            Some((
                period,
                *period.indicator.as_ref().ok()?,
                *period.stability_type.as_ref().ok()?,
            ))
        });
    if let Some((stability, indicator, stability_type)) = latest {
        let figures = stability
            .surpluses
            .iter()
            .zip(["S1", "S2", "S3"])
            .filter_map(|(surplus, symbol)| {
                Some(Figure::Measure {
                    name: format!("{symbol} surplus"),
                    period: stability.period,
                    value: *surplus.value.as_ref().ok()?,
                })
            })
            .collect();
        let claim = Claim::Stability {
            period: stability.period,
            indicator,
            stability_type,
        };
        sentences.push(sentence(analysis, claim, figures));
    }
    let latest = analysis.net_assets.iter().rev().find_map(|period| {
        Some((
            period.period,
            *period.net_assets.as_ref().ok()?,
            *period.share_capital.as_ref().ok()?,
            *period.coverage.as_ref().ok()?,
        ))
    });
    if let Some((period, net_assets, share_capital, coverage)) = latest
        && coverage != Coverage::Undetermined
    {
        let figures = vec![
            Figure::Measure {
                name: "net assets".to_owned(),
                period,
                value: net_assets,
            },
            Figure::Measure {
                name: "share capital".to_owned(),
                period,
                value: share_capital,
            },
        ];
        let claim = Claim::NetAssets {
            period,
            net_assets,
            share_capital,
            coverage,
        };
        sentences.push(sentence(analysis, claim, figures));
    }
    sentences
}

fn large_moves(analysis: &Facts<'_>) -> Vec<Sentence> {
    let structure = analysis.structure;
    let Some(period) = structure.periods.last().copied() else {
        return Vec::new();
    };
    let mut moves: Vec<(LineItem, Decimal, Decimal)> = structure
        .lines
        .iter()
        .filter_map(|line| {
            let cell = line.values.iter().find(|cell| cell.period == period)?;
            let change = *cell.relative_change.as_ref().ok()?;
            (cell.large_move).then_some((line.item, change, cell.amount?))
        })
        .collect();
    if moves.is_empty() {
        return Vec::new();
    }
    let count = moves.len();
    moves.sort_by_key(|(_, change, _)| std::cmp::Reverse(change.abs()));
    moves.truncate(3);
    let figures = moves
        .iter()
        .map(|(item, _, amount)| Figure::Amount {
            item: *item,
            period,
            value: *amount,
        })
        .collect();
    let claim = Claim::LargeMoves {
        period,
        lines: moves
            .iter()
            .map(|(item, change, _)| (*item, *change))
            .collect(),
        count,
    };
    vec![sentence(analysis, claim, figures)]
}

fn profitability(analysis: &Facts<'_>) -> Vec<Sentence> {
    let mut sentences = ratio_levels(analysis, &PROFITABILITY);
    let statements = &analysis.statements;
    let last_income = statements
        .period_list()
        .into_iter()
        .rev()
        .find_map(|period| Some((period, statements.get(period, LineItem::NetIncome)?)));
    if let Some((period, value)) = last_income
        && value < Decimal::ZERO
    {
        let figures = vec![Figure::Amount {
            item: LineItem::NetIncome,
            period,
            value,
        }];
        sentences.push(sentence(analysis, Claim::NetLoss { period }, figures));
    }
    sentences
}

fn trends(analysis: &Facts<'_>) -> Vec<Sentence> {
    let statements = &analysis.statements;
    let mut sentences = Vec::new();
    for item in [
        LineItem::Revenue,
        LineItem::NetIncome,
        LineItem::TotalAssets,
    ] {
        // Compare periods of one length only: a quarter after a year is no trend.
        let periods: Vec<Period> = statements
            .period_list()
            .into_iter()
            .filter(|period| statements.get(*period, item).is_some())
            .collect();
        let Some(last) = periods.last().copied() else {
            continue;
        };
        let Some(first) = periods
            .iter()
            .copied()
            .find(|period| period.length() == last.length() && *period != last)
        else {
            continue;
        };
        let (Some(first_value), Some(last_value)) =
            (statements.get(first, item), statements.get(last, item))
        else {
            continue;
        };
        let figures = vec![
            Figure::Amount {
                item,
                period: first,
                value: first_value,
            },
            Figure::Amount {
                item,
                period: last,
                value: last_value,
            },
        ];
        let claim = Claim::AmountChange {
            item,
            first: (first, first_value),
            last: (last, last_value),
        };
        sentences.push(sentence(analysis, claim, figures));
    }
    sentences
}

fn distress(analysis: &Facts<'_>) -> Vec<Sentence> {
    let computable_period = analysis.ratios.periods.iter().rev().find(|period| {
        analysis.distress.iter().any(|row| {
            row.values
                .iter()
                .any(|(at, value)| at == *period && value.is_ok())
        })
    });
    let Some(period) = computable_period.copied() else {
        if analysis.distress.is_empty() {
            return Vec::new();
        }
        let claim = Claim::DistressNoneComputable {
            models: analysis.distress.len(),
        };
        return vec![sentence(analysis, claim, Vec::new())];
    };
    let (mut danger, mut between, mut safe) = (Vec::new(), Vec::new(), Vec::new());
    let mut not_computable = 0;
    let mut figures = Vec::new();
    for (model, row) in analysis.distress.iter().enumerate() {
        let score = row
            .values
            .iter()
            .find(|(at, _)| *at == period)
            .and_then(|(_, value)| value.as_ref().ok());
        let Some(score) = score else {
            not_computable += 1;
            continue;
        };
        let Ok(zone) = score.zone else {
            not_computable += 1;
            continue;
        };
        figures.push(Figure::Distress {
            model,
            period,
            value: score.score,
        });
        match row.id.model().zone_risk(zone) {
            ZoneRisk::Danger => danger.push(row.name),
            ZoneRisk::Between => between.push(row.name),
            ZoneRisk::Safe => safe.push(row.name),
        }
    }
    let claim = Claim::DistressZones {
        period,
        danger,
        between,
        safe,
        not_computable,
    };
    vec![sentence(analysis, claim, figures)]
}

/// What to check next, from the claims already made: each step carries the figures
/// of the claim that calls for it.
fn next_steps(paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut steps: Vec<(Claim, Vec<Figure>)> = Vec::new();
    let mut missing = Vec::new();
    for sentence in paragraphs.iter().flat_map(|paragraph| &paragraph.sentences) {
        let figures = sentence.figures.clone();
        match &sentence.claim {
            Claim::ChecksFail { .. } => steps.push((Claim::CheckReconcile, figures)),
            Claim::CurrentLiabilitiesExceedCurrentAssets { .. } => {
                steps.push((Claim::CheckShortTermFunding, figures));
            }
            Claim::DistressZones { danger, .. } if !danger.is_empty() => {
                steps.push((Claim::CheckDistressInputs, figures));
            }
            Claim::RatioNotComputable { id, .. } => missing.push(*id),
            Claim::Stability {
                stability_type: StabilityType::Unstable | StabilityType::Crisis,
                ..
            } => steps.push((Claim::CheckInventoryFinancing, figures)),
            Claim::NetAssets {
                coverage: Coverage::BelowShareCapital,
                ..
            } => steps.push((Claim::CheckNetAssets, figures)),
            _ => {}
        }
    }
    if !missing.is_empty() {
        steps.push((Claim::CheckMissingInputs { ratios: missing }, Vec::new()));
    }
    steps
        .into_iter()
        .map(|(claim, figures)| Sentence {
            text: step_text(&claim),
            claim,
            figures,
        })
        .collect()
}

fn step_text(claim: &Claim) -> String {
    match claim {
        Claim::CheckReconcile => {
            "Reconcile the statements first (the Checks list the contradictions): every \
             ratio built on a contradicted amount is uncertain."
                .to_owned()
        }
        Claim::CheckShortTermFunding => {
            "Look at when the current liabilities fall due and what cash, credit lines or \
             collections will meet them."
                .to_owned()
        }
        Claim::CheckDistressInputs => {
            "Read the inputs of the models in their danger zone (the Distress sheet lists \
             each model's variables and source) before drawing a verdict: each model was \
             estimated on its own country, industry and years."
                .to_owned()
        }
        Claim::CheckInventoryFinancing => {
            "Look at how the inventories are financed: the Stability sheet shows which \
             sources (own working capital, long-term liabilities, short-term borrowings) \
             fall short of them."
                .to_owned()
        }
        Claim::CheckNetAssets => {
            "Net assets are below the share capital: check what company law requires \
             where the company is registered when this lasts."
                .to_owned()
        }
        Claim::CheckMissingInputs { ratios } => {
            let names: Vec<&str> = ratios.iter().map(|id| id.label()).collect();
            format!(
                "Not computable in the latest period (the Ratios sheet gives each reason): {}.",
                names.join(", ")
            )
        }
        _ => String::new(),
    }
}

fn claim_text(analysis: &Facts<'_>, claim: &Claim) -> String {
    let unit = analysis.statements.unit.to_string();
    match claim {
        Claim::ChecksPass { warnings: 0 } => {
            "The statements pass every identity and consistency check.".to_owned()
        }
        Claim::ChecksPass { warnings } => format!(
            "The statements pass every identity and consistency check; {warnings} \
             warning(s) are worth a look (see Checks)."
        ),
        Claim::ChecksFail { errors, first } => format!(
            "The statements contradict themselves in {errors} place(s) (see Checks); the \
             first: {first}."
        ),
        Claim::RatioLevel {
            id,
            period,
            value,
            previous,
        } => {
            let mut text = format!(
                "{} was {} in {period}",
                capitalise(id.label()),
                ratio_value(*id, *value)
            );
            if let Some((previous_period, previous_value)) = previous {
                let direction = match value.cmp(previous_value) {
                    std::cmp::Ordering::Greater => "up from",
                    std::cmp::Ordering::Less => "down from",
                    std::cmp::Ordering::Equal => "the same as",
                };
                let _ = write!(
                    text,
                    ", {direction} {} in {previous_period}",
                    ratio_value(*id, *previous_value)
                );
            }
            let _ = write!(text, " ({}).", id.ratio().formula_text());
            text
        }
        Claim::RatioNotComputable { id, period, reason } => format!(
            "{} is not computable for {period}: {reason}.",
            capitalise(id.label())
        ),
        Claim::CurrentLiabilitiesExceedCurrentAssets { period } => format!(
            "With a current ratio below 1, current liabilities exceed current assets in \
             {period}."
        ),
        Claim::NetLoss { period } => format!("The company made a net loss in {period}."),
        Claim::AmountChange { item, first, last } => {
            let (first_period, first_value) = first;
            let (last_period, last_value) = last;
            let verb = match last_value.cmp(first_value) {
                std::cmp::Ordering::Greater => "rose",
                std::cmp::Ordering::Less => "fell",
                std::cmp::Ordering::Equal => "stayed",
            };
            let mut text = format!(
                "{} {verb} from {} in {first_period} to {} in {last_period} ({unit})",
                capitalise(item.label()),
                amount(*first_value),
                amount(*last_value)
            );
            let change = last_value
                .checked_sub(*first_value)
                .and_then(|change| change.checked_div(*first_value));
            if let Some(percent) = change.and_then(signed_percent)
                && first_value.is_sign_positive()
                && !first_value.is_zero()
            {
                let _ = write!(text, ", {percent}");
            }
            text.push('.');
            text
        }
        Claim::DistressZones {
            period,
            danger,
            between,
            safe,
            not_computable,
        } => {
            let computed = danger.len() + between.len() + safe.len();
            let mut text = format!("In {period}, {computed} distress model(s) give a zone: ");
            let mut parts = Vec::new();
            for (label, models) in [
                ("in their danger zone", danger),
                ("between zones", between),
                ("in their safe zone", safe),
            ] {
                if !models.is_empty() {
                    parts.push(format!("{} {label} ({})", models.len(), models.join(", ")));
                }
            }
            text.push_str(&parts.join("; "));
            text.push('.');
            if !danger.is_empty() && !safe.is_empty() {
                text.push_str(" The models disagree.");
            }
            if 0 < *not_computable {
                let _ = write!(
                    text,
                    " {not_computable} model(s) are not computable for {period} (see Distress \
                     for what each needs)."
                );
            }
            text
        }
        Claim::BalanceLiquidity { period, failed } => {
            if failed.is_empty() {
                format!(
                    "By liquidity groups the balance is absolutely liquid in {period}: all \
                     four conditions A1 >= P1, A2 >= P2, A3 >= P3, A4 <= P4 hold."
                )
            } else {
                format!(
                    "By liquidity groups the balance is not absolutely liquid in {period}: \
                     {} fail(s).",
                    failed.join(", ")
                )
            }
        }
        Claim::Stability {
            period,
            indicator,
            stability_type,
        } => {
            let bits: Vec<&str> = indicator
                .iter()
                .map(|bit| if *bit { "1" } else { "0" })
                .collect();
            format!(
                "The three-component indicator S = ({}) gives the financial-stability type \
                 \"{stability_type}\" in {period}.",
                bits.join(", ")
            )
        }
        Claim::NetAssets {
            period,
            net_assets,
            share_capital,
            coverage,
        } => format!(
            "Net assets were {} in {period}, {coverage} of {} ({unit}).",
            amount(*net_assets),
            amount(*share_capital)
        ),
        Claim::LargeMoves {
            period,
            lines,
            count,
        } => {
            let named: Vec<String> = lines
                .iter()
                .map(|(item, change)| {
                    let percent = signed_percent(*change).unwrap_or_else(|| "n/c".to_owned());
                    format!("{} {percent}", item.label())
                })
                .collect();
            format!(
                "{count} line(s) moved by a quarter or more of their amount in {period} \
                 while weighing at least 5% of their total; the largest: {}.",
                named.join(", ")
            )
        }
        Claim::DistressNoneComputable { models } => format!(
            "None of the {models} distress models is computable (see Distress for what \
             each needs)."
        ),
        Claim::CheckReconcile
        | Claim::CheckShortTermFunding
        | Claim::CheckDistressInputs
        | Claim::CheckInventoryFinancing
        | Claim::CheckNetAssets
        | Claim::CheckMissingInputs { .. } => step_text(claim),
    }
}

fn rounded(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// A ratio's value in words: a percentage for fractions, times, days, amounts.
fn ratio_value(id: RatioId, value: Decimal) -> String {
    use crate::RatioUnit;
    match id.ratio().unit {
        RatioUnit::Fraction => match value.checked_mul(Decimal::ONE_HUNDRED) {
            Some(percent) => format!("{:.1}%", rounded(percent, 1)),
            // Beyond what a percentage can hold: the fraction itself.
            None => format!("{} (as a fraction)", rounded(value, 2)),
        },
        RatioUnit::Times => format!("{:.2}", rounded(value, 2)),
        RatioUnit::Days => format!("{:.1} days", rounded(value, 1)),
        RatioUnit::Amount => amount(value),
    }
}

/// `+25.0%` for a fraction of 0.25; `None` beyond what a percentage can hold.
fn signed_percent(fraction: Decimal) -> Option<String> {
    let percent = rounded(fraction.checked_mul(Decimal::ONE_HUNDRED)?, 1);
    Some(if percent.is_zero() {
        "0.0%".to_owned()
    } else if percent.is_sign_negative() {
        format!("{percent:.1}%")
    } else {
        format!("+{percent:.1}%")
    })
}

/// An amount in whole units with a thin-space-free comma grouping: `1,234,567`.
fn amount(value: Decimal) -> String {
    let whole = rounded(value, 0).normalize();
    let text = whole.abs().to_string();
    let mut grouped = String::new();
    for (index, digit) in text.chars().enumerate() {
        if 0 < index && (text.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if whole.is_sign_negative() && !whole.is_zero() {
        format!("-{grouped}")
    } else {
        grouped
    }
}
