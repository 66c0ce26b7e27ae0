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

use bilans_model::reconcile::{fixed, round_as_printed};
use bilans_model::{Lang, LineItem, Period, Severity};
use rust_decimal::Decimal;
use serde::Serialize;

use bilans_model::{Finding, Statements};

use crate::distress::{DistressRow, ZoneRisk};
use crate::lang::{message, text};
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
        self.heading_in(Lang::En)
    }

    /// The paragraph's heading in `lang`.
    pub fn heading_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Topic::Checks => "checks",
            Topic::Liquidity => "liquidity",
            Topic::Financing => "financing",
            Topic::Profitability => "profitability",
            Topic::Trends => "trends",
            Topic::Distress => "distress",
            Topic::NextSteps => "next_steps",
        };
        text(lang, &format!("conclusion.heading.{key}"))
    }
}

/// One sentence: what it claims, its text, and the figures it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// The claim, as data.
    pub claim: Claim,
    /// The claim in words, in English (the JSON's text).
    pub text: String,
    /// The claim in words in each language of [`Lang::ALL`].
    #[serde(skip)]
    texts: [String; 4],
    /// The figures the claim states or rests on.
    pub figures: Vec<Figure>,
}

impl Sentence {
    /// The claim in words in `lang`.
    pub fn text_in(&self, lang: Lang) -> &str {
        &self.texts[lang.index()]
    }
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
        /// What it is, in English, e.g. `A1 >= P1 (surplus)`.
        name: String,
        /// What it is, to be worded in any language.
        #[serde(skip)]
        label: MeasureName,
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

/// What a [`Figure::Measure`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeasureName {
    /// The surplus of a liquidity condition, e.g. `A1 >= P1`.
    Surplus(String),
    /// A stability surplus, by its symbol (`S1`).
    StabilitySurplus(&'static str),
    /// Net assets.
    NetAssets,
    /// The share capital.
    ShareCapital,
}

impl MeasureName {
    /// The measure's name in `lang`, e.g. `A1 >= P1 (nadwyżka)`.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            MeasureName::Surplus(condition) => {
                say(lang, "measure.surplus", &[("condition", condition)])
            }
            MeasureName::StabilitySurplus(symbol) => {
                say(lang, "measure.stability_surplus", &[("symbol", symbol)])
            }
            MeasureName::NetAssets => say(lang, "measure.net_assets", &[]),
            MeasureName::ShareCapital => say(lang, "measure.share_capital", &[]),
        }
    }
}

/// A [`Figure::Measure`] of `label` (named in English too).
fn measure(label: MeasureName, period: Period, value: Decimal) -> Figure {
    Figure::Measure {
        name: label.text_in(Lang::En),
        label,
        period,
        value,
    }
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
    let texts = Lang::ALL.map(|lang| claim_text(analysis, &claim, lang));
    Sentence {
        text: texts[Lang::En.index()].clone(),
        texts,
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
                Some(measure(
                    MeasureName::Surplus(condition.condition.clone()),
                    liquidity.period,
                    *condition.surplus.as_ref().ok()?,
                ))
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
                Some(measure(
                    MeasureName::StabilitySurplus(symbol),
                    stability.period,
                    *surplus.value.as_ref().ok()?,
                ))
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
            measure(MeasureName::NetAssets, period, net_assets),
            measure(MeasureName::ShareCapital, period, share_capital),
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
        .map(|(claim, figures)| {
            let texts = Lang::ALL.map(|lang| step_text(&claim, lang));
            Sentence {
                text: texts[Lang::En.index()].clone(),
                texts,
                claim,
                figures,
            }
        })
        .collect()
}

/// The sentence `key` of the conclusion in `lang` with its placeholders filled.
fn say(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    message(lang, &format!("conclusion.{key}"), args)
}

/// The text of a step of [`next_steps`] in `lang`.
fn step_text(claim: &Claim, lang: Lang) -> String {
    match claim {
        Claim::CheckReconcile => say(lang, "check_reconcile", &[]),
        Claim::CheckShortTermFunding => say(lang, "check_short_term_funding", &[]),
        Claim::CheckDistressInputs => say(lang, "check_distress_inputs", &[]),
        Claim::CheckInventoryFinancing => say(lang, "check_inventory_financing", &[]),
        Claim::CheckNetAssets => say(lang, "check_net_assets", &[]),
        Claim::CheckMissingInputs { ratios } => {
            let names: Vec<&str> = ratios.iter().map(|id| id.label_in(lang)).collect();
            say(
                lang,
                "check_missing_inputs",
                &[("ratios", &names.join(", "))],
            )
        }
        _ => String::new(),
    }
}

/// Why `id` is not computable in `period`, in `lang`; `english` (the claim's reason)
/// when the ratio table no longer holds it.
fn reason_in(
    analysis: &Facts<'_>,
    id: RatioId,
    period: Period,
    english: &str,
    lang: Lang,
) -> String {
    analysis
        .ratios
        .row(id)
        .and_then(|row| row.value(period))
        .and_then(|value| value.as_ref().err())
        .map_or_else(|| english.to_owned(), |reason| reason.text(lang))
}

/// The name of the distress model called `name` (its English name) in `lang`.
fn model_name_in(analysis: &Facts<'_>, name: &'static str, lang: Lang) -> &'static str {
    analysis
        .distress
        .iter()
        .find(|row| row.name == name)
        .map_or(name, |row| row.id.model().name_in(lang))
}

#[allow(clippy::too_many_lines)] // One arm per claim, each a message and its arguments.
fn claim_text(analysis: &Facts<'_>, claim: &Claim, lang: Lang) -> String {
    let unit = analysis.statements.unit.text_in(lang);
    match claim {
        Claim::ChecksPass { warnings: 0 } => say(lang, "checks_pass", &[]),
        Claim::ChecksPass { warnings } => {
            say(lang, "checks_pass_warnings", &[("warnings", warnings)])
        }
        Claim::ChecksFail { errors, first } => {
            let first = analysis
                .findings
                .iter()
                .find(|finding| finding.severity == Severity::Error)
                .map_or_else(|| first.clone(), |finding| finding.text(lang));
            say(
                lang,
                "checks_fail",
                &[("errors", errors), ("first", &first)],
            )
        }
        Claim::RatioLevel {
            id,
            period,
            value,
            previous,
        } => {
            let ratio = capitalise(id.label_in(lang));
            let stated = ratio_value(*id, *value, lang);
            let formula = id.ratio().formula_text_in(lang);
            match previous {
                None => say(
                    lang,
                    "ratio_level",
                    &[
                        ("ratio", &ratio),
                        ("value", &stated),
                        ("period", period),
                        ("formula", &formula),
                    ],
                ),
                Some((previous_period, previous_value)) => {
                    let key = match value.cmp(previous_value) {
                        std::cmp::Ordering::Greater => "ratio_level_up",
                        std::cmp::Ordering::Less => "ratio_level_down",
                        std::cmp::Ordering::Equal => "ratio_level_same",
                    };
                    say(
                        lang,
                        key,
                        &[
                            ("ratio", &ratio),
                            ("value", &stated),
                            ("period", period),
                            ("previous", &ratio_value(*id, *previous_value, lang)),
                            ("previous_period", previous_period),
                            ("formula", &formula),
                        ],
                    )
                }
            }
        }
        Claim::RatioNotComputable { id, period, reason } => say(
            lang,
            "ratio_not_computable",
            &[
                ("ratio", &capitalise(id.label_in(lang))),
                ("period", period),
                ("reason", &reason_in(analysis, *id, *period, reason, lang)),
            ],
        ),
        Claim::CurrentLiabilitiesExceedCurrentAssets { period } => {
            say(lang, "current_liabilities_exceed", &[("period", period)])
        }
        Claim::NetLoss { period } => say(lang, "net_loss", &[("period", period)]),
        Claim::AmountChange { item, first, last } => {
            let (first_period, first_value) = first;
            let (last_period, last_value) = last;
            let key = match last_value.cmp(first_value) {
                std::cmp::Ordering::Greater => "amount_rose",
                std::cmp::Ordering::Less => "amount_fell",
                std::cmp::Ordering::Equal => "amount_stayed",
            };
            let change = last_value
                .checked_sub(*first_value)
                .and_then(|change| change.checked_div(*first_value));
            let change = match change.and_then(|change| signed_percent(change, lang)) {
                Some(percent) if first_value.is_sign_positive() && !first_value.is_zero() => {
                    format!(", {percent}")
                }
                _ => String::new(),
            };
            say(
                lang,
                key,
                &[
                    ("item", &capitalise(item.label_in(lang))),
                    ("first", &amount(*first_value, lang)),
                    ("first_period", first_period),
                    ("last", &amount(*last_value, lang)),
                    ("last_period", last_period),
                    ("unit", &unit),
                    ("change", &change),
                ],
            )
        }
        Claim::DistressZones {
            period,
            danger,
            between,
            safe,
            not_computable,
        } => {
            let computed = danger.len() + between.len() + safe.len();
            let parts: Vec<String> = [
                ("zone_danger", danger),
                ("zone_between", between),
                ("zone_safe", safe),
            ]
            .into_iter()
            .filter(|(_, models)| !models.is_empty())
            .map(|(key, models)| {
                let names: Vec<&str> = models
                    .iter()
                    .map(|name| model_name_in(analysis, name, lang))
                    .collect();
                say(
                    lang,
                    key,
                    &[("count", &models.len()), ("models", &names.join(", "))],
                )
            })
            .collect();
            let mut text = say(
                lang,
                "distress_zones",
                &[
                    ("period", period),
                    ("computed", &computed),
                    ("parts", &parts.join("; ")),
                ],
            );
            if !danger.is_empty() && !safe.is_empty() {
                text.push(' ');
                text.push_str(&say(lang, "models_disagree", &[]));
            }
            if 0 < *not_computable {
                text.push(' ');
                text.push_str(&say(
                    lang,
                    "models_not_computable",
                    &[("count", not_computable), ("period", period)],
                ));
            }
            text
        }
        Claim::BalanceLiquidity { period, failed } => {
            if failed.is_empty() {
                say(lang, "balance_liquid", &[("period", period)])
            } else {
                say(
                    lang,
                    "balance_not_liquid",
                    &[("period", period), ("failed", &failed.join(", "))],
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
            say(
                lang,
                "stability",
                &[
                    ("bits", &bits.join(", ")),
                    ("type", &stability_type.label_in(lang)),
                    ("period", period),
                ],
            )
        }
        Claim::NetAssets {
            period,
            net_assets,
            share_capital,
            coverage,
        } => {
            let key = match coverage {
                Coverage::BelowShareCapital => "net_assets_below",
                Coverage::AtLeastShareCapital | Coverage::Undetermined => "net_assets_at_least",
            };
            say(
                lang,
                key,
                &[
                    ("net_assets", &amount(*net_assets, lang)),
                    ("period", period),
                    ("share_capital", &amount(*share_capital, lang)),
                    ("unit", &unit),
                ],
            )
        }
        Claim::LargeMoves {
            period,
            lines,
            count,
        } => {
            let named: Vec<String> = lines
                .iter()
                .map(|(item, change)| {
                    let percent = signed_percent(*change, lang)
                        .unwrap_or_else(|| text(lang, "render.not_computable_short").to_owned());
                    format!("{} {percent}", item.label_in(lang))
                })
                .collect();
            say(
                lang,
                "large_moves",
                &[
                    ("count", count),
                    ("period", period),
                    ("lines", &named.join(", ")),
                ],
            )
        }
        Claim::DistressNoneComputable { models } => {
            say(lang, "distress_none", &[("models", models)])
        }
        Claim::CheckReconcile
        | Claim::CheckShortTermFunding
        | Claim::CheckDistressInputs
        | Claim::CheckInventoryFinancing
        | Claim::CheckNetAssets
        | Claim::CheckMissingInputs { .. } => step_text(claim, lang),
    }
}

/// `number` (written `1,234.5`) in the notation of `lang`: English keeps it; Polish,
/// Russian and Ukrainian group thousands with a no-break space and write a decimal
/// comma (`1 234,5`).
fn number_in(number: String, lang: Lang) -> String {
    match lang {
        Lang::En => number,
        Lang::Pl | Lang::Ru | Lang::Uk => number
            .chars()
            .map(|c| match c {
                ',' => '\u{a0}',
                '.' => ',',
                other => other,
            })
            .collect(),
    }
}

/// A ratio's value in words: a percentage for fractions, times, days, amounts.
fn ratio_value(id: RatioId, value: Decimal, lang: Lang) -> String {
    use crate::RatioUnit;
    match id.ratio().unit {
        RatioUnit::Fraction => match value.checked_mul(Decimal::ONE_HUNDRED) {
            Some(percent) => number_in(format!("{}%", fixed(percent, 1)), lang),
            // Beyond what a percentage can hold: the fraction itself.
            None => say(
                lang,
                "as_fraction",
                &[(
                    "value",
                    &number_in(round_as_printed(value, 2).to_string(), lang),
                )],
            ),
        },
        RatioUnit::Times => number_in(fixed(value, 2), lang),
        RatioUnit::Days => say(
            lang,
            "days",
            &[("value", &number_in(fixed(value, 1), lang))],
        ),
        RatioUnit::Amount => amount(value, lang),
    }
}

/// `+25.0%` for a fraction of 0.25; `None` beyond what a percentage can hold.
fn signed_percent(fraction: Decimal, lang: Lang) -> Option<String> {
    let percent = round_as_printed(fraction.checked_mul(Decimal::ONE_HUNDRED)?, 1);
    let text = if percent.is_zero() {
        "0.0%".to_owned()
    } else if percent.is_sign_negative() {
        format!("{percent:.1}%")
    } else {
        format!("+{percent:.1}%")
    };
    Some(number_in(text, lang))
}

/// An amount in whole units with a comma grouping, `1,234,567` (in `lang`'s notation).
fn amount(value: Decimal, lang: Lang) -> String {
    let whole = round_as_printed(value, 0).normalize();
    let text = whole.abs().to_string();
    let mut grouped = String::new();
    for (index, digit) in text.chars().enumerate() {
        if 0 < index && (text.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let signed = if whole.is_sign_negative() && !whole.is_zero() {
        format!("-{grouped}")
    } else {
        grouped
    };
    number_in(signed, lang)
}
