//! A complete analysis of one entity's statements: validation findings, every ratio,
//! both Du Pont models, every distress model, the horizontal and vertical analysis,
//! and what to look at first.

use std::fmt;

use bilans_model::{Finding, FindingKind, Lang, Length, Period, Severity, Statements, validate};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::conclusion::{Conclusion, Facts, conclude};
use crate::distress::{DistressId, DistressRow, ZoneRisk, evaluate_all_models, zone_in};
use crate::dupont::{self, ClassicDuPont, ModifiedDuPont};
use crate::lang::messages;
use crate::liquidity::net_assets::{Coverage, NetAssetsPeriod, net_assets};
use crate::liquidity::stability::{StabilityPeriod, StabilityType, financial_stability};
use crate::liquidity::{LiquidityPeriod, balance_liquidity};
use crate::structure::{Structure, analyse_structure};
use crate::{EvalConfig, PeriodResult, RatioId, RatioTable, evaluate_all};

/// The ratios shown on a summary, in order.
pub const HEADLINE_RATIOS: [RatioId; 7] = [
    RatioId::CURRENT_RATIO,
    RatioId::QUICK_RATIO,
    RatioId::RETURN_ON_SALES,
    RatioId::RETURN_ON_ASSETS,
    RatioId::RETURN_ON_EQUITY,
    RatioId::EQUITY_MULTIPLIER,
    RatioId::ASSET_TURNOVER,
];

/// Everything bilans computes from one set of statements.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The statements analysed.
    pub statements: Statements,
    /// How ratios were evaluated.
    pub config: EvalConfig,
    /// Validation findings.
    pub findings: Vec<Finding>,
    /// Every ratio per period.
    pub ratios: RatioTable,
    /// The classic Du Pont decomposition per period.
    pub classic_dupont: Vec<PeriodResult<ClassicDuPont>>,
    /// The modified Du Pont model per period.
    pub modified_dupont: Vec<PeriodResult<ModifiedDuPont>>,
    /// Every distress model per period: its score and zone, or why it is not
    /// computable.
    pub distress: Vec<DistressRow>,
    /// The horizontal and vertical analysis: every statement line's change from the
    /// comparison period and share of its total, per period, with large moves flagged.
    pub structure: Structure,
    /// Balance liquidity by groups (A1–A4 against P1–P4) per period.
    pub balance_liquidity: Vec<LiquidityPeriod>,
    /// The financial-stability type (three-component indicator) per period.
    pub financial_stability: Vec<StabilityPeriod>,
    /// Net assets against share capital per period.
    pub net_assets: Vec<NetAssetsPeriod>,
    /// Headline ratios with their trend from the first to the last computable period.
    pub headlines: Vec<Headline>,
    /// What the user should look at first, most important first.
    pub attention: Vec<Attention>,
    /// The written conclusion, each sentence with the figures it rests on.
    pub conclusion: Conclusion,
}

/// A point to look at first. Serialised as its English sentence.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Attention {
    /// Identity or consistency errors: how many, and the first.
    Errors {
        /// How many error findings there are.
        count: usize,
        /// The first of them.
        first: Finding,
    },
    /// A negative-equity finding.
    NegativeEquity(Finding),
    /// The periods whose current ratio is below 1.
    CurrentRatioBelowOne(Vec<Period>),
    /// The periods whose return on equity is negative.
    NegativeReturnOnEquity(Vec<Period>),
    /// How many headline ratio values are not computable.
    HeadlineGaps(usize),
    /// The distress models whose latest score is in their danger zone: the model, the
    /// zone (its English name in the model table) and the period.
    DistressDanger(Vec<(DistressId, &'static str, Period)>),
    /// The periods of a crisis financial stability type.
    CrisisStability(Vec<Period>),
    /// The periods whose net assets are negative.
    NegativeNetAssets(Vec<Period>),
    /// The periods whose net assets are below the share capital.
    NetAssetsBelowShareCapital(Vec<Period>),
    /// Nothing stands out.
    Nothing,
}

impl Trend {
    /// The word in `lang`: up, down, flat or unknown.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Trend::Up => "trend.up",
            Trend::Down => "trend.down",
            Trend::Flat => "trend.flat",
            Trend::Unknown => "trend.unknown",
        };
        messages().get(lang, key)
    }
}

/// The direction of a headline ratio between the first and last computable period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Higher at the end.
    Up,
    /// Lower at the end.
    Down,
    /// Unchanged.
    Flat,
    /// Fewer than two computable periods.
    Unknown,
}

/// One headline ratio and its trend.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// The ratio id.
    pub id: RatioId,
    /// Its name.
    pub name: &'static str,
    /// First computable value and its period.
    pub first: Option<(Period, Decimal)>,
    /// Last computable value and its period.
    pub last: Option<(Period, Decimal)>,
    /// The direction.
    pub trend: Trend,
}

/// Analyses `statements` with `config`.
pub fn analyse(statements: &Statements, config: &EvalConfig) -> Analysis {
    let findings = validate(statements);
    let ratios = evaluate_all(statements, config);
    let periods = statements.period_list();
    let classic_dupont = periods
        .iter()
        .map(|period| PeriodResult {
            period: *period,
            outcome: dupont::classic_from_table(&ratios, *period).into(),
        })
        .collect();
    let modified_dupont = periods
        .iter()
        .map(|period| PeriodResult {
            period: *period,
            outcome: dupont::modified_from_table(&ratios, *period).into(),
        })
        .collect();
    let distress = evaluate_all_models(statements, config);
    let structure = analyse_structure(statements);
    let headlines = HEADLINE_RATIOS
        .iter()
        .filter_map(|id| headline(&ratios, *id))
        .collect();
    let balance_liquidity = balance_liquidity(statements, config);
    let financial_stability = financial_stability(statements, config);
    let net_assets = net_assets(statements, config);
    let mut attention = attention(&findings, &ratios, &distress);
    balance_attention(&mut attention, &financial_stability, &net_assets);
    let conclusion = conclude(&Facts {
        statements,
        findings: &findings,
        ratios: &ratios,
        distress: &distress,
        structure: &structure,
        balance_liquidity: &balance_liquidity,
        financial_stability: &financial_stability,
        net_assets: &net_assets,
    });
    Analysis {
        statements: statements.clone(),
        config: *config,
        findings,
        ratios,
        classic_dupont,
        modified_dupont,
        distress,
        structure,
        balance_liquidity,
        financial_stability,
        net_assets,
        headlines,
        attention,
        conclusion,
    }
}

impl Analysis {
    /// How the ratios of interim periods are stated, when the statements hold a period
    /// that is not a year (a quarter, a half-year, nine months, a balance date, a day
    /// range): e.g. `not annualised (ratios are for the period's months)`.
    pub fn interim_note(&self) -> Option<&'static str> {
        self.interim_note_in(Lang::En)
    }

    /// [`Analysis::interim_note`] in `lang`.
    pub fn interim_note_in(&self, lang: Lang) -> Option<&'static str> {
        let interim = self
            .statements
            .periods
            .keys()
            .any(|period| period.length() != Length::Months(12));
        interim.then(|| self.config.annualisation_label_in(lang))
    }
}

fn headline(ratios: &RatioTable, id: RatioId) -> Option<Headline> {
    let row = ratios.row(id)?;
    let computed: Vec<(Period, Decimal)> = row
        .values
        .iter()
        .filter_map(|(period, value)| value.as_ref().ok().map(|value| (*period, *value)))
        .collect();
    let first = computed.first().copied();
    let last = computed.last().copied();
    let trend = match (first, last) {
        (Some((first_period, first_value)), Some((last_period, last_value)))
            if first_period != last_period =>
        {
            if first_value < last_value {
                Trend::Up
            } else if last_value < first_value {
                Trend::Down
            } else {
                Trend::Flat
            }
        }
        _ => Trend::Unknown,
    };
    Some(Headline {
        id: row.id,
        name: row.name,
        first,
        last,
        trend,
    })
}

fn attention(
    findings: &[Finding],
    ratios: &RatioTable,
    distress: &[DistressRow],
) -> Vec<Attention> {
    let mut points = Vec::new();
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .collect();
    if let Some(first) = errors.first() {
        points.push(Attention::Errors {
            count: errors.len(),
            first: (*first).clone(),
        });
    }
    for finding in findings {
        if let FindingKind::NegativeEquity { .. } = finding.kind {
            points.push(Attention::NegativeEquity(finding.clone()));
        }
    }
    let periods_where = |id: RatioId, test: fn(&Decimal) -> bool| -> Vec<Period> {
        ratios.row(id).map_or_else(Vec::new, |row| {
            row.values
                .iter()
                .filter(|(_, value)| value.as_ref().is_ok_and(test))
                .map(|(period, _)| *period)
                .collect()
        })
    };
    let below = periods_where(RatioId::CURRENT_RATIO, |value| *value < Decimal::ONE);
    if !below.is_empty() {
        points.push(Attention::CurrentRatioBelowOne(below));
    }
    let losses = periods_where(RatioId::RETURN_ON_EQUITY, |value| *value < Decimal::ZERO);
    if !losses.is_empty() {
        points.push(Attention::NegativeReturnOnEquity(losses));
    }
    let headline_gaps: usize = ratios
        .rows
        .iter()
        .filter(|row| HEADLINE_RATIOS.contains(&row.id))
        .map(|row| {
            row.values
                .iter()
                .filter(|(_, value)| value.is_err())
                .count()
        })
        .sum();
    if 0 < headline_gaps {
        points.push(Attention::HeadlineGaps(headline_gaps));
    }
    // Distress models whose latest score falls in their riskiest zone.
    let in_danger: Vec<(DistressId, &'static str, Period)> = distress
        .iter()
        .filter_map(|row| {
            let (period, score) =
                row.values.iter().rev().find_map(|(period, value)| {
                    value.as_ref().ok().map(|score| (*period, score))
                })?;
            let zone = *score.zone.as_ref().ok()?;
            (row.id.model().zone_risk(zone) == ZoneRisk::Danger).then_some((row.id, zone, period))
        })
        .collect();
    if !in_danger.is_empty() {
        points.push(Attention::DistressDanger(in_danger));
    }
    if points.is_empty() {
        points.push(Attention::Nothing);
    }
    points
}

impl Attention {
    /// The point as a sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let messages = messages();
        let periods_text = |periods: &[Period]| {
            let texts: Vec<String> = periods.iter().map(ToString::to_string).collect();
            texts.join(", ")
        };
        match self {
            Attention::Errors { count, first } => messages.format(
                lang,
                "attention.errors",
                &[("count", count), ("first", &first.text(lang))],
            ),
            Attention::NegativeEquity(finding) => finding.text(lang),
            Attention::CurrentRatioBelowOne(periods) => messages.format(
                lang,
                "attention.current_below_one",
                &[("periods", &periods_text(periods))],
            ),
            Attention::NegativeReturnOnEquity(periods) => messages.format(
                lang,
                "attention.negative_return_on_equity",
                &[("periods", &periods_text(periods))],
            ),
            Attention::HeadlineGaps(count) => {
                messages.format(lang, "attention.headline_gaps", &[("count", count)])
            }
            Attention::DistressDanger(models) => {
                let models: Vec<String> = models
                    .iter()
                    .map(|(id, zone, period)| {
                        messages.format(
                            lang,
                            "attention.distress_model",
                            &[
                                ("model", &id.model().name_in(lang)),
                                ("zone", &zone_in(zone, lang)),
                                ("period", period),
                            ],
                        )
                    })
                    .collect();
                messages.format(
                    lang,
                    "attention.distress_danger",
                    &[("models", &models.join("; "))],
                )
            }
            Attention::CrisisStability(periods) => messages.format(
                lang,
                "attention.crisis_stability",
                &[("periods", &periods_text(periods))],
            ),
            Attention::NegativeNetAssets(periods) => messages.format(
                lang,
                "attention.negative_net_assets",
                &[("periods", &periods_text(periods))],
            ),
            Attention::NetAssetsBelowShareCapital(periods) => messages.format(
                lang,
                "attention.net_assets_below_share_capital",
                &[("periods", &periods_text(periods))],
            ),
            Attention::Nothing => messages.get(lang, "attention.none").to_owned(),
        }
    }
}

impl fmt::Display for Attention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl Serialize for Attention {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(Lang::En))
    }
}

/// Adds the balance analyses' warnings before the closing all-clear line (which it
/// removes when there is a warning): a crisis stability type, net assets below the
/// share capital or negative.
fn balance_attention(
    points: &mut Vec<Attention>,
    stability: &[StabilityPeriod],
    net_assets: &[NetAssetsPeriod],
) {
    let mut added = Vec::new();
    let crisis: Vec<Period> = stability
        .iter()
        .filter(|period| period.stability_type == Ok(StabilityType::Crisis))
        .map(|period| period.period)
        .collect();
    if !crisis.is_empty() {
        added.push(Attention::CrisisStability(crisis));
    }
    let negative: Vec<Period> = net_assets
        .iter()
        .filter(|period| {
            period
                .net_assets
                .as_ref()
                .is_ok_and(|value| *value < Decimal::ZERO)
        })
        .map(|period| period.period)
        .collect();
    if !negative.is_empty() {
        added.push(Attention::NegativeNetAssets(negative));
    }
    let below: Vec<Period> = net_assets
        .iter()
        .filter(|period| period.coverage == Ok(Coverage::BelowShareCapital))
        .map(|period| period.period)
        .collect();
    if !below.is_empty() {
        added.push(Attention::NetAssetsBelowShareCapital(below));
    }
    if added.is_empty() {
        return;
    }
    if points.as_slice() == [Attention::Nothing] {
        points.clear();
    }
    points.extend(added);
}
