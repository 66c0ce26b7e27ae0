//! Checks of a staff file before anything is computed: every error names its field.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::human_capital::error::InputError;
use crate::human_capital::formulas::checked_sum;
use crate::human_capital::input::{
    AggregationMethod, Band, Company, Config, Group, Person, ScoreScale, Scores, StaffFile,
};
use crate::lang::Words;

/// Checks `file`; the first problem found, in file order, is the error.
pub(crate) fn validate(file: &StaffFile) -> Result<(), InputError> {
    validate_company(&file.company)?;
    validate_config(&file.config)?;
    let mut ids = BTreeSet::new();
    for (person_idx, person) in file.staff.iter().enumerate() {
        let path = format!("staff[{person_idx}]");
        if person.id.trim().is_empty() {
            return Err(InputError::new(
                format!("{path}.id"),
                Words::new("hc_input.id_empty", &[]),
            ));
        }
        if !ids.insert(person.id.as_str()) {
            let message = Words::new("hc_input.id_twice", &[("id", &person.id)]);
            return Err(InputError::new(format!("{path}.id"), message));
        }
        validate_person(&path, person, &file.config).map_err(|error| InputError {
            message: Words::new("hc_input.person", &[("id", &person.id)])
                .with("message", error.message),
            ..error
        })?;
    }
    Ok(())
}

fn validate_company(company: &Company) -> Result<(), InputError> {
    let fields = [
        ("revenue", company.revenue),
        ("operating_expense", company.operating_expense),
        ("pay_and_benefits", company.pay_and_benefits),
        ("fte", company.fte),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            not_negative(&format!("company.{name}"), value)?;
        }
    }
    Ok(())
}

fn validate_config(config: &Config) -> Result<(), InputError> {
    let ScoreScale { min, max } = &config.score_scale;
    if max <= min {
        let message = Words::new("hc_input.scale_order", &[("min", min), ("max", max)]);
        return Err(InputError::new("config.score_scale", message));
    }
    for (group, aggregation) in &config.aggregation {
        let path = format!("config.aggregation.{group}");
        let components = group.components();
        if aggregation.method != AggregationMethod::WeightedMean {
            if !aggregation.weights.is_empty() {
                let message = Words::new(
                    "hc_input.weights_unused",
                    &[("method", &aggregation.method.name())],
                );
                return Err(InputError::new(format!("{path}.weights"), message));
            }
            continue;
        }
        for (name, weight) in &aggregation.weights {
            let weight_path = format!("{path}.weights.{name}");
            if !components.contains(&name.as_str()) {
                return Err(InputError::new(
                    weight_path,
                    unknown_component(*group, name),
                ));
            }
            not_negative(&weight_path, *weight)?;
        }
        for component in components {
            if !aggregation.weights.contains_key(*component) {
                let message = Words::new("hc_input.weight_missing", &[("component", component)]);
                return Err(InputError::new(
                    format!("{path}.weights.{component}"),
                    message,
                ));
            }
        }
        let Some(weight_sum) = checked_sum(aggregation.weights.values().copied()) else {
            let message = Words::new("hc_input.weights_overflow", &[]);
            return Err(InputError::new(format!("{path}.weights"), message));
        };
        if weight_sum.is_zero() {
            let message = Words::new("hc_input.weights_zero", &[]);
            return Err(InputError::new(format!("{path}.weights"), message));
        }
    }
    let worker_value = &config.worker_value;
    let medians = [
        (
            "industry_median_profit_per_fte",
            worker_value.industry_median_profit_per_fte,
        ),
        (
            "industry_median_personnel_cost_per_fte",
            worker_value.industry_median_personnel_cost_per_fte,
        ),
    ];
    for (name, value) in medians {
        if let Some(value) = value {
            positive(&format!("config.worker_value.{name}"), value)?;
        }
    }
    not_negative(
        "config.worker_value.investment_periods",
        worker_value.investment_periods,
    )?;
    validate_bands("config.prospects.tenure", &config.prospects.tenure)?;
    validate_bands("config.prospects.age", &config.prospects.age)?;
    Ok(())
}

fn validate_bands(path: &str, bands: &[Band]) -> Result<(), InputError> {
    if bands.is_empty() {
        return Err(InputError::new(path, Words::new("hc_input.no_band", &[])));
    }
    for (band_idx, pair) in bands.windows(2).enumerate() {
        if pair[1].from <= pair[0].from {
            let message = Words::new(
                "hc_input.band_order",
                &[("from", &pair[1].from), ("previous", &pair[0].from)],
            );
            return Err(InputError::new(
                format!("{path}[{}].from", band_idx + 1),
                message,
            ));
        }
    }
    Ok(())
}

fn validate_person(path: &str, person: &Person, config: &Config) -> Result<(), InputError> {
    not_negative(&format!("{path}.fte"), person.fte)?;
    not_negative(&format!("{path}.wage"), person.wage)?;
    not_negative(&format!("{path}.benefits"), person.benefits)?;
    positive(
        &format!("{path}.efficiency_coefficient"),
        person.efficiency_coefficient,
    )?;
    if let Some(invested_funds) = person.invested_funds {
        not_negative(&format!("{path}.invested_funds"), invested_funds)?;
    }
    not_negative(
        &format!("{path}.annual_investment"),
        person.annual_investment,
    )?;
    if let Some(periods) = person.investment_periods {
        not_negative(&format!("{path}.investment_periods"), periods)?;
    }
    not_negative(&format!("{path}.tenure_years"), person.tenure_years)?;
    if !config.prospects.education.contains_key(&person.education) {
        let known: Vec<&str> = config
            .prospects
            .education
            .keys()
            .map(String::as_str)
            .collect();
        let message = Words::new(
            "hc_input.unknown_education",
            &[("level", &person.education), ("known", &known.join(", "))],
        );
        return Err(InputError::new(format!("{path}.education"), message));
    }
    for (field, bands, value) in [
        (
            "tenure_years",
            &config.prospects.tenure,
            person.tenure_years,
        ),
        ("age", &config.prospects.age, person.age),
    ] {
        if let Some(first) = bands.first()
            && value < first.from
        {
            let message = Words::new(
                "hc_input.below_first_band",
                &[("value", &value), ("from", &first.from)],
            );
            return Err(InputError::new(format!("{path}.{field}"), message));
        }
    }
    validate_date(&format!("{path}.assessment.date"), &person.assessment.date)?;
    if let Some(baseline) = &person.baseline {
        validate_date(&format!("{path}.baseline.date"), &baseline.date)?;
    }
    validate_scores(
        &format!("{path}.assessment.scores"),
        &person.assessment.scores,
        &config.score_scale,
    )?;
    if let Some(baseline) = &person.baseline {
        validate_scores(
            &format!("{path}.baseline.scores"),
            &baseline.scores,
            &config.score_scale,
        )?;
    }
    Ok(())
}

fn validate_scores(path: &str, scores: &Scores, scale: &ScoreScale) -> Result<(), InputError> {
    for name in scores.keys() {
        if Group::from_name(name).is_none() {
            let known: Vec<&str> = Group::ALL.iter().map(|group| group.name()).collect();
            let message = Words::new(
                "hc_input.unknown_group",
                &[("name", name), ("known", &known.join(", "))],
            );
            return Err(InputError::new(format!("{path}.{name}"), message));
        }
    }
    for group in Group::ALL {
        let group_path = format!("{path}.{group}");
        let Some(components) = scores.get(group.name()) else {
            let message = Words::new(
                "hc_input.missing_group",
                &[
                    ("group", &group),
                    ("symbol", &group.symbol()),
                    ("components", &group.components().join(", ")),
                ],
            );
            return Err(InputError::new(group_path, message));
        };
        for name in components.keys() {
            if !group.components().contains(&name.as_str()) {
                return Err(InputError::new(
                    format!("{group_path}.{name}"),
                    unknown_component(group, name),
                ));
            }
        }
        for component in group.components() {
            let component_path = format!("{group_path}.{component}");
            let Some(score) = components.get(*component) else {
                let message = Words::new(
                    "hc_input.missing_component",
                    &[("component", component), ("group", &group)],
                );
                return Err(InputError::new(component_path, message));
            };
            if *score < scale.min || scale.max < *score {
                let message = Words::new(
                    "hc_input.score_outside",
                    &[("score", score), ("min", &scale.min), ("max", &scale.max)],
                );
                return Err(InputError::new(component_path, message));
            }
        }
    }
    Ok(())
}

/// An assessment date is empty (not given) or a calendar date `YYYY-MM-DD`: a month
/// from 1 to 12 and a day that exists in that month (29 February only in leap years of
/// the Gregorian calendar).
fn validate_date(path: &str, text: &str) -> Result<(), InputError> {
    if text.is_empty() {
        return Ok(());
    }
    let problem = match calendar_date(text) {
        Ok(()) => return Ok(()),
        Err(problem) => problem,
    };
    Err(InputError::new(
        path,
        Words::new("hc_input.not_a_date", &[("text", &text)]).with("problem", problem),
    ))
}

/// Why `text` is not a calendar date `YYYY-MM-DD`.
fn calendar_date(text: &str) -> Result<(), Words> {
    let fields: Vec<&str> = text.split('-').collect();
    let [year, month, day] = fields.as_slice() else {
        return Err(Words::new("hc_input.date_fields", &[]));
    };
    let number = |field: &str, digits: usize| -> Option<u32> {
        let all_digits = field.len() == digits && field.bytes().all(|byte| byte.is_ascii_digit());
        all_digits.then(|| field.parse().ok()).flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return Err(Words::new("hc_input.date_digits", &[]));
    };
    if !(1..=12).contains(&month) {
        return Err(Words::new("hc_input.date_month", &[("month", &month)]));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days_in_month).contains(&day) {
        return Err(Words::new(
            "hc_input.date_day",
            &[
                ("day", &day),
                ("month", &format!("{year:04}-{month:02}")),
                ("days", &days_in_month),
            ],
        ));
    }
    Ok(())
}

fn unknown_component(group: Group, name: &str) -> Words {
    Words::new(
        "hc_input.unknown_component",
        &[
            ("name", &name),
            ("group", &group),
            ("components", &group.components().join(", ")),
        ],
    )
}

fn not_negative(path: &str, value: Decimal) -> Result<(), InputError> {
    if value < Decimal::ZERO {
        return Err(InputError::new(
            path,
            Words::new("hc_input.negative", &[("value", &value)]),
        ));
    }
    Ok(())
}

fn positive(path: &str, value: Decimal) -> Result<(), InputError> {
    if value <= Decimal::ZERO {
        return Err(InputError::new(
            path,
            Words::new("hc_input.not_positive", &[("value", &value)]),
        ));
    }
    Ok(())
}
