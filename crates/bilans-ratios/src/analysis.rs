//! A complete analysis of one entity's statements: validation findings, every ratio,
//! both Du Pont models, every distress model, and what to look at first.

use bilans_model::{Finding, FindingKind, Length, Period, Severity, Statements, validate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::conclusion::{Conclusion, Facts, conclude};
use crate::distress::{DistressRow, ZoneRisk, evaluate_all_models};
use crate::dupont::{self, ClassicDuPont, ModifiedDuPont};
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
    let headlines = HEADLINE_RATIOS
        .iter()
        .filter_map(|id| headline(&ratios, *id))
        .collect();
    let attention = attention(&findings, &ratios, &distress);
    let conclusion = conclude(&Facts {
        statements,
        findings: &findings,
        ratios: &ratios,
        distress: &distress,
    });
    Analysis {
        statements: statements.clone(),
        config: *config,
        findings,
        ratios,
        classic_dupont,
        modified_dupont,
        distress,
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
