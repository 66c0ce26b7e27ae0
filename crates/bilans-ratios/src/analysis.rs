//! A complete analysis of one entity's statements: validation findings, every ratio,
//! both Du Pont models, every distress model, the horizontal and vertical analysis,
//! and what to look at first.

use bilans_model::{Finding, FindingKind, Length, Period, Severity, Statements, validate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::conclusion::{Conclusion, Facts, conclude};
use crate::distress::{DistressRow, ZoneRisk, evaluate_all_models};
use crate::dupont::{self, ClassicDuPont, ModifiedDuPont};
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
    pub attention: Vec<String>,
    /// The written conclusion, each sentence with the figures it rests on.
    pub conclusion: Conclusion,
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
        let interim = self
            .statements
            .periods
            .keys()
            .any(|period| period.length() != Length::Months(12));
        interim.then(|| self.config.annualisation_label())
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

fn attention(findings: &[Finding], ratios: &RatioTable, distress: &[DistressRow]) -> Vec<String> {
    let mut points = Vec::new();
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        points.push(format!(
            "{} identity or consistency error(s) in the statements (see Checks), first: {}",
            errors.len(),
            errors[0]
        ));
    }
    for finding in findings {
        if let FindingKind::NegativeEquity { .. } = finding.kind {
            points.push(format!("{finding}"));
        }
    }
    if let Some(row) = ratios.row(RatioId::CURRENT_RATIO) {
        let below: Vec<String> = row
            .values
            .iter()
            .filter(|(_, value)| value.as_ref().is_ok_and(|value| *value < Decimal::ONE))
            .map(|(period, _)| period.to_string())
            .collect();
        if !below.is_empty() {
            points.push(format!(
                "current ratio below 1 in {}: current liabilities exceed current assets",
                below.join(", ")
            ));
        }
    }
    if let Some(row) = ratios.row(RatioId::RETURN_ON_EQUITY) {
        let losses: Vec<String> = row
            .values
            .iter()
            .filter(|(_, value)| value.as_ref().is_ok_and(|value| *value < Decimal::ZERO))
            .map(|(period, _)| period.to_string())
            .collect();
        if !losses.is_empty() {
            points.push(format!(
                "negative return on equity (a loss) in {}",
                losses.join(", ")
            ));
        }
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
        points.push(format!(
            "{headline_gaps} headline ratio value(s) not computable (see Ratios for the reasons)"
        ));
    }
    // Distress models whose latest score falls in their riskiest zone.
    let in_danger: Vec<String> = distress
        .iter()
        .filter_map(|row| {
            let (period, score) =
                row.values.iter().rev().find_map(|(period, value)| {
                    value.as_ref().ok().map(|score| (*period, score))
                })?;
            let zone = score.zone.as_ref().ok()?;
            (row.id.model().zone_risk(zone) == ZoneRisk::Danger)
                .then(|| format!("{} ({zone}, {period})", row.name))
        })
        .collect();
    if !in_danger.is_empty() {
        points.push(format!(
            "distress models in their danger zone (see Distress): {}",
            in_danger.join("; ")
        ));
    }
    if points.is_empty() {
        points.push(
            "no identity breaks, no negative equity, headline ratios all computable".to_owned(),
        );
    }
    points
}

/// Adds the balance analyses' warnings before the closing all-clear line (which it
/// removes when there is a warning): a crisis stability type, net assets below the
/// share capital or negative.
fn balance_attention(
    points: &mut Vec<String>,
    stability: &[StabilityPeriod],
    net_assets: &[NetAssetsPeriod],
) {
    let mut added = Vec::new();
    let crisis: Vec<String> = stability
        .iter()
        .filter(|period| period.stability_type == Ok(StabilityType::Crisis))
        .map(|period| period.period.to_string())
        .collect();
    if !crisis.is_empty() {
        added.push(format!(
            "crisis financial stability in {}: own working capital, long-term liabilities and short-term borrowings together do not cover the inventories (see Stability)",
            crisis.join(", ")
        ));
    }
    let negative: Vec<String> = net_assets
        .iter()
        .filter(|period| {
            period
                .net_assets
                .as_ref()
                .is_ok_and(|value| *value < Decimal::ZERO)
        })
        .map(|period| period.period.to_string())
        .collect();
    if !negative.is_empty() {
        added.push(format!("negative net assets in {}", negative.join(", ")));
    }
    let below: Vec<String> = net_assets
        .iter()
        .filter(|period| period.coverage == Ok(Coverage::BelowShareCapital))
        .map(|period| period.period.to_string())
        .collect();
    if !below.is_empty() {
        added.push(format!(
            "net assets below share capital in {} (see Stability)",
            below.join(", ")
        ));
    }
    if added.is_empty() {
        return;
    }
    if points.len() == 1 && points[0].starts_with("no identity breaks") {
        points.clear();
    }
    points.extend(added);
}
