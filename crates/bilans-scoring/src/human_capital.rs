//! Human capital valuation after seed 003 (Maklakova, "Human capital: notion,
//! assessment, accounting"), with the standard company metrics of Fitz-enz.
//!
//! Per person: the four group scores FZ, PP, PR, L built from their components,
//! human capital as their sum (formula (3)), the invested funds recovered from it
//! (formula (5)), human capital from recorded invested funds (formula (1)), the change
//! against a baseline, and the worker value `B = ZP x G + I x t` (formula (2)).
//! Per company: revenue, profit and personnel cost per FTE, the market value of human
//! capital per FTE with the seed's caveat, human capital ROI and value added per FTE.
//!
//! Everything is exact `Decimal` arithmetic; nothing is rounded until
//! [`render_markdown`] rounds for display. A figure that cannot be computed is an
//! [`Outcome::NotComputable`] with its reason, never a zero.
//!
//! # Example
//!
//! ```
//! use bilans_scoring::human_capital::{assess, StaffFile};
//!
//! let text = r#"
//! [company]
//! name = "Example"
//! revenue = 1000
//! operating_expense = 900
//! pay_and_benefits = 400
//!
//! [[staff]]
//! id = "E1"
//! name = "Anna"
//! fte = 1
//! wage = 400
//! efficiency_coefficient = 2
//! education = "master"
//! tenure_years = 5
//! age = 31
//! [staff.assessment.scores]
//! physical_health = { health = 8 }
//! professional_competence = { education = 9, qualification = 6, competences = 6 }
//! mental_development = { adaptation = 7, intellect = 7 }
//! personality = { professional_abilities = 6, world_view = 8 }
//! "#;
//! let file: StaffFile = toml::from_str(text).unwrap();
//! let report = assess(&file).unwrap();
//! // Groups by the mean: FZ 8, PP (9 + 6 + 6) / 3 = 7, PR 7, L 7; HC = 29 points.
//! assert_eq!(report.people[0].human_capital, 29.into());
//! // Formula (5): 29 / 2 = 14.5.
//! assert_eq!(report.people[0].invested_funds_recovered.value(), Some("14.5".parse().unwrap()));
//! // Fitz-enz ROI: (1000 - (900 - 400)) / 400 = 1.25.
//! assert_eq!(report.company.human_capital_roi.value(), Some("1.25".parse().unwrap()));
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::lang::Words;

mod error;
mod formulas;
mod input;
mod outcome;
mod render;
mod validate;

pub use crate::human_capital::error::InputError;
pub use crate::human_capital::formulas::{
    MARKET_VALUE_CAVEAT, adjusted_profit, band_points, change_ratio, goodwill, group_score,
    human_capital_from_groups, human_capital_from_investment, human_capital_roi,
    human_capital_value_added_per_fte, invested_funds_from_groups, market_value_per_fte, median,
    per_fte, worker_value,
};
pub use crate::human_capital::input::{
    AggregationMethod, Assessment, Band, Baseline, BaselineKind, Company, Config, Group,
    GroupAggregation, Person, PersonnelCostBasis, ProspectsConfig, ScoreScale, Scores, StaffFile,
    WorkerValueConfig,
};
pub use crate::human_capital::outcome::Outcome;
pub use crate::human_capital::render::{label_in, render_markdown, render_markdown_in};

/// Assesses every person and the company.
///
/// # Errors
///
/// [`InputError`] naming the field of the first invalid input: a negative FTE, wage or
/// revenue, a non-positive efficiency coefficient, a missing or unknown group or
/// component, a score outside the scale, an unknown education level, an age or tenure
/// below the first band, an inconsistent configuration, or points (formula 3) or a
/// total FTE so large that they exceed a Decimal's range. A money figure beyond that
/// range is not an error: it is [`Outcome::NotComputable`] with the reason.
pub fn assess(file: &StaffFile) -> Result<Report, InputError> {
    validate::validate(file)?;
    let company = company_metrics(file)?;
    let cost_median = median_personnel_cost_per_fte(&file.staff);
    let people = file
        .staff
        .iter()
        .enumerate()
        .map(|(person_idx, person)| assess_person(person_idx, person, file, &company, cost_median))
        .collect::<Result<Vec<PersonResult>, InputError>>()?;
    let mut company = company;
    company.total_human_capital =
        formulas::checked_sum(people.iter().map(|person| person.human_capital))
            .ok_or_else(|| too_large("staff", Words::new("hc_input.total_human_capital", &[])))?;
    Ok(Report {
        company,
        people,
        warnings: warnings(file),
        config: file.config.clone(),
    })
}

/// The assessment of a staff file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Company-level metrics.
    pub company: CompanyMetrics,
    /// One result per person, in input order.
    pub people: Vec<PersonResult>,
    /// Plausibility warnings that do not stop the assessment.
    pub warnings: Vec<String>,
    /// The configuration the results were computed with.
    pub config: Config,
}

/// Company-level metrics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyMetrics {
    /// The company's name.
    pub name: String,
    /// The currency, for display.
    pub currency: String,
    /// The period, for display.
    pub period: String,
    /// FTE used for every per-FTE figure.
    pub fte: Decimal,
    /// Where the FTE comes from: `company.fte` or the sum of the staff's.
    pub fte_source: String,
    /// Revenue / FTE.
    pub revenue_per_fte: Outcome,
    /// Profit / FTE (seed 003's profit index before normalisation).
    pub profit_per_fte: Outcome,
    /// Pay and benefits / FTE (seed 003's personnel cost index before normalisation).
    pub personnel_cost_per_fte: Outcome,
    /// (Market value - book value) / FTE.
    pub market_value_of_human_capital_per_fte: Outcome,
    /// The seed's caveat on the previous figure.
    pub market_value_caveat: String,
    /// Fitz-enz human capital ROI.
    pub human_capital_roi: Outcome,
    /// Fitz-enz human capital value added per FTE.
    pub human_capital_value_added_per_fte: Outcome,
    /// The goodwill profit index: profit per FTE / industry median profit per FTE.
    pub profit_index: Outcome,
    /// Sum of the staff's human capital by formula (3), in points.
    pub total_human_capital: Decimal,
}

/// One person's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonResult {
    /// The person id.
    pub id: String,
    /// The person's name.
    pub name: String,
    /// The position.
    pub position: String,
    /// The person's FTE.
    pub fte: Decimal,
    /// The individual efficiency coefficient IK.
    pub efficiency_coefficient: Decimal,
    /// Wage ZP of formula (2).
    pub wage: Decimal,
    /// Investment per period I of formula (2).
    pub annual_investment: Decimal,
    /// Number of periods t of formula (2) (the person's, or the configured default).
    pub investment_periods: Decimal,
    /// The four group scores, in the seed's order.
    pub group_scores: BTreeMap<Group, Decimal>,
    /// Formula (3): FZ + PP + PR + L, in points.
    pub human_capital: Decimal,
    /// Formula (5): (FZ + PP + PR + L) / IK, in points.
    pub invested_funds_recovered: Outcome,
    /// Formula (1): recorded invested funds x IK, in money.
    pub human_capital_from_investment: Outcome,
    /// The change against the baseline.
    pub change: Change,
    /// Human capital goodwill and its parts.
    pub goodwill: Goodwill,
    /// Formula (2): wage x goodwill + investment x t, in money.
    pub worker_value: Outcome,
}

/// The change of a person's human capital against a baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The baseline's kind, when there is one.
    pub baseline_kind: Option<BaselineKind>,
    /// The baseline's date as written.
    pub baseline_date: String,
    /// Formula (3) at the baseline.
    pub baseline_human_capital: Outcome,
    /// The seed's ratio: current / baseline.
    pub ratio: Outcome,
    /// Current - baseline, in points.
    pub difference: Outcome,
}

/// Human capital goodwill G of formula (2) and its three parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goodwill {
    /// Profit per FTE, normalised (the same for everyone).
    pub profit_index: Outcome,
    /// Personnel cost per FTE, normalised as configured.
    pub personnel_cost_index: Outcome,
    /// Points for education.
    pub education_points: Decimal,
    /// Points for tenure.
    pub tenure_points: Decimal,
    /// Points for age.
    pub age_points: Decimal,
    /// The professional prospects coefficient: the sum of the three kinds of points.
    pub prospects: Decimal,
    /// G = profit index + personnel cost index + prospects.
    pub total: Outcome,
}

/// An error for a value at `field` that exceeds a Decimal's range.
fn too_large(field: &str, what: Words) -> InputError {
    InputError::new(
        field,
        Words::new("hc_input.too_large", &[]).with("what", what),
    )
}

/// A reason a figure is not computable, as an input error.
fn not_computable(field: String, reason: &Words) -> InputError {
    InputError::new(
        field,
        Words::new("hc_input.not_computable", &[]).with("reason", reason.clone()),
    )
}

fn company_metrics(file: &StaffFile) -> Result<CompanyMetrics, InputError> {
    let company = &file.company;
    let (fte, fte_source) = match company.fte {
        Some(fte) => (fte, "company.fte"),
        None => (
            formulas::checked_sum(file.staff.iter().map(|person| person.fte))
                .ok_or_else(|| too_large("staff", Words::new("hc_input.fte_sum", &[])))?,
            "sum of staff fte",
        ),
    };
    let per_company_fte = |value: Option<Decimal>, field: &str| {
        Outcome::required(value, field).and_then(|amount| per_fte(amount, fte))
    };
    let profit_per_fte = per_company_fte(company.profit, "company.profit");
    let fitz_enz = |next: &dyn Fn(Decimal, Decimal, Decimal) -> Outcome| {
        Outcome::required(company.revenue, "company.revenue").and_then(|revenue| {
            Outcome::required(company.operating_expense, "company.operating_expense").and_then(
                |expense| {
                    Outcome::required(company.pay_and_benefits, "company.pay_and_benefits")
                        .and_then(|pay| next(revenue, expense, pay))
                },
            )
        })
    };
    let profit_index = profit_per_fte.clone().and_then(|profit| {
        let median = file.config.worker_value.industry_median_profit_per_fte;
        Outcome::required(median, "config.worker_value.industry_median_profit_per_fte").and_then(
            |median| Outcome::divide(profit, median, "hc_quantity.industry_median_profit_per_fte"),
        )
    });
    Ok(CompanyMetrics {
        name: company.name.clone(),
        currency: company.currency.clone(),
        period: company.period.clone(),
        fte,
        fte_source: fte_source.to_owned(),
        revenue_per_fte: per_company_fte(company.revenue, "company.revenue"),
        profit_per_fte,
        personnel_cost_per_fte: per_company_fte(
            company.pay_and_benefits,
            "company.pay_and_benefits",
        ),
        market_value_of_human_capital_per_fte: Outcome::required(
            company.market_value,
            "company.market_value",
        )
        .and_then(|market| {
            Outcome::required(company.book_value, "company.book_value")
                .and_then(|book| market_value_per_fte(market, book, fte))
        }),
        market_value_caveat: MARKET_VALUE_CAVEAT.to_owned(),
        human_capital_roi: fitz_enz(&human_capital_roi),
        human_capital_value_added_per_fte: fitz_enz(&|revenue, expense, pay| {
            human_capital_value_added_per_fte(revenue, expense, pay, fte)
        }),
        profit_index,
        total_human_capital: Decimal::ZERO,
    })
}

/// The person's (wage + benefits) / FTE, not computable at zero FTE.
fn personnel_cost_per_fte(person: &Person) -> Outcome {
    Outcome::checked(
        person.wage.checked_add(person.benefits),
        "hc_quantity.wage_plus_benefits",
    )
    .and_then(|cost| per_fte(cost, person.fte))
}

fn median_personnel_cost_per_fte(staff: &[Person]) -> Option<Decimal> {
    let costs: Vec<Decimal> = staff
        .iter()
        .filter_map(|person| personnel_cost_per_fte(person).value())
        .collect();
    median(&costs)
}

/// The group scores of `scores` (at `path`); validation leaves only an overflow as a
/// reason for a group score not to be computable, and that is an error at the group.
fn scores_by_group(
    scores: &Scores,
    config: &Config,
    path: &str,
) -> Result<BTreeMap<Group, Decimal>, InputError> {
    let mut group_scores = BTreeMap::new();
    for group in Group::ALL {
        let default_aggregation = GroupAggregation {
            method: AggregationMethod::Mean,
            weights: BTreeMap::new(),
        };
        let aggregation = config
            .aggregation
            .get(&group)
            .unwrap_or(&default_aggregation);
        let empty = BTreeMap::new();
        let components = scores.get(group.name()).unwrap_or(&empty);
        match group_score(aggregation, components) {
            Outcome::Value(score) => {
                group_scores.insert(group, score);
            }
            Outcome::NotComputable { reason } => {
                return Err(not_computable(format!("{path}.{}", group.name()), &reason));
            }
        }
    }
    Ok(group_scores)
}

fn assess_person(
    person_idx: usize,
    person: &Person,
    file: &StaffFile,
    company: &CompanyMetrics,
    cost_median: Option<Decimal>,
) -> Result<PersonResult, InputError> {
    let config = &file.config;
    let path = format!("staff[{person_idx}]");
    let points =
        |scores: &Scores, field: &str| -> Result<(BTreeMap<Group, Decimal>, Decimal), InputError> {
            let scores_path = format!("{path}.{field}.scores");
            let group_scores = scores_by_group(scores, config, &scores_path)?;
            match human_capital_from_groups(&group_scores) {
                Outcome::Value(points) => Ok((group_scores, points)),
                Outcome::NotComputable { reason } => Err(not_computable(scores_path, &reason)),
            }
        };
    let (group_scores, human_capital) = points(&person.assessment.scores, "assessment")?;
    let change = match &person.baseline {
        None => {
            let reason = Words::new("hc_reason.no_baseline", &[]);
            Change {
                baseline_kind: None,
                baseline_date: String::new(),
                baseline_human_capital: Outcome::not_computable(reason.clone()),
                ratio: Outcome::not_computable(reason.clone()),
                difference: Outcome::not_computable(reason),
            }
        }
        Some(baseline) => {
            let (_, baseline_human_capital) = points(&baseline.scores, "baseline")?;
            Change {
                baseline_kind: Some(baseline.kind),
                baseline_date: baseline.date.clone(),
                baseline_human_capital: Outcome::Value(baseline_human_capital),
                ratio: change_ratio(human_capital, baseline_human_capital),
                difference: Outcome::checked(
                    human_capital.checked_sub(baseline_human_capital),
                    "hc_quantity.current_minus_baseline",
                ),
            }
        }
    };
    let goodwill = person_goodwill(person, file, company, cost_median)?;
    let periods = person
        .investment_periods
        .unwrap_or(config.worker_value.investment_periods);
    let worker_value = goodwill.total.clone().and_then(|goodwill| {
        worker_value(person.wage, goodwill, person.annual_investment, periods)
    });
    Ok(PersonResult {
        id: person.id.clone(),
        name: person.name.clone(),
        position: person.position.clone(),
        fte: person.fte,
        efficiency_coefficient: person.efficiency_coefficient,
        wage: person.wage,
        annual_investment: person.annual_investment,
        investment_periods: periods,
        group_scores,
        human_capital,
        invested_funds_recovered: invested_funds_from_groups(
            human_capital,
            person.efficiency_coefficient,
        ),
        human_capital_from_investment: Outcome::required(person.invested_funds, "invested_funds")
            .and_then(|funds| human_capital_from_investment(funds, person.efficiency_coefficient)),
        change,
        goodwill,
        worker_value,
    })
}

fn person_goodwill(
    person: &Person,
    file: &StaffFile,
    company: &CompanyMetrics,
    cost_median: Option<Decimal>,
) -> Result<Goodwill, InputError> {
    let worker_value_config = &file.config.worker_value;
    let personnel_cost_index = match worker_value_config.personnel_cost_basis {
        PersonnelCostBasis::CompanyMedian => personnel_cost_per_fte(person).and_then(|cost| {
            Outcome::required(
                cost_median,
                "the company median personnel cost per FTE (no staff with positive FTE)",
            )
            .and_then(|median| {
                Outcome::divide(cost, median, "hc_quantity.company_median_cost_per_fte")
            })
        }),
        PersonnelCostBasis::Industry => company.personnel_cost_per_fte.clone().and_then(|cost| {
            let median = worker_value_config.industry_median_personnel_cost_per_fte;
            Outcome::required(
                median,
                "config.worker_value.industry_median_personnel_cost_per_fte",
            )
            .and_then(|median| {
                Outcome::divide(cost, median, "hc_quantity.industry_median_cost_per_fte")
            })
        }),
    };
    let prospects_config = &file.config.prospects;
    // Validation guarantees a known education level and values inside the bands.
    let education_points = prospects_config
        .education
        .get(&person.education)
        .copied()
        .unwrap_or_default();
    let tenure_points =
        band_points(&prospects_config.tenure, person.tenure_years).unwrap_or_default();
    let age_points = band_points(&prospects_config.age, person.age).unwrap_or_default();
    let prospects =
        formulas::checked_sum([education_points, tenure_points, age_points].into_iter())
            .ok_or_else(|| {
                too_large(
                    "config.prospects",
                    Words::new("hc_input.prospects_of", &[("id", &person.id)]),
                )
            })?;
    let total = company.profit_index.clone().and_then(|profit_index| {
        personnel_cost_index
            .clone()
            .and_then(|cost_index| goodwill(profit_index, cost_index, prospects))
    });
    Ok(Goodwill {
        profit_index: company.profit_index.clone(),
        personnel_cost_index,
        education_points,
        tenure_points,
        age_points,
        prospects,
        total,
    })
}

fn warnings(file: &StaffFile) -> Vec<String> {
    let company = &file.company;
    let mut warnings = Vec::new();
    if let (Some(expense), Some(pay)) = (company.operating_expense, company.pay_and_benefits)
        && expense < pay
    {
        warnings.push(format!(
            "company.pay_and_benefits ({pay}) exceeds company.operating_expense ({expense}); operating expense should include pay"
        ));
    }
    if let Some(pay) = company.pay_and_benefits {
        let staff_pay = formulas::checked_sum(
            file.staff
                .iter()
                .flat_map(|person| [person.wage, person.benefits]),
        );
        let Some(staff_pay) = staff_pay else {
            warnings.push(
                "the staff's wages and benefits exceed a decimal's range (28 digits)".to_owned(),
            );
            return warnings;
        };
        if pay < staff_pay {
            warnings.push(format!(
                "the staff's wages and benefits ({staff_pay}) exceed company.pay_and_benefits ({pay})"
            ));
        }
    }
    warnings
}

#[cfg(test)]
mod tests;
