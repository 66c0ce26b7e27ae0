//! Unit tests of the human capital formulas, each against a hand-computed case.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::human_capital::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn check(outcome: Outcome, expect: &str) {
    assert_eq!(outcome, Outcome::Value(d(expect)));
}

/// Compares at 10 decimal places (half away from zero) for repeating decimals, whose
/// last of 28 digits depends on the order of operations.
fn check_10dp(outcome: Outcome, expect: &str) {
    let value = outcome.value().unwrap();
    let rounded =
        value.round_dp_with_strategy(10, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    assert_eq!(rounded, d(expect), "{value}");
}

fn check_not_computable(outcome: Outcome, expect_reason: &str) {
    match outcome {
        Outcome::NotComputable { reason } => {
            assert!(reason.to_string().contains(expect_reason), "{reason}")
        }
        Outcome::Value(value) => panic!("expected not computable, got {value}"),
    }
}

fn components(pairs: &[(&str, &str)]) -> BTreeMap<String, Decimal> {
    pairs
        .iter()
        .map(|(name, score)| (name.to_string(), d(score)))
        .collect()
}

fn aggregation(method: AggregationMethod, weights: &[(&str, &str)]) -> GroupAggregation {
    GroupAggregation {
        method,
        weights: components(weights),
    }
}

#[test]
fn formula_1_human_capital_from_investment() {
    // 250 000 x 1.2 = 300 000.
    check(
        human_capital_from_investment(d("250000"), d("1.2")),
        "300000",
    );
}

#[test]
fn formula_3_sum_of_groups() {
    // 8 + 7 + 6.5 + 7.25 = 28.75.
    let groups = BTreeMap::from([
        (Group::PhysicalHealth, d("8")),
        (Group::ProfessionalCompetence, d("7")),
        (Group::MentalDevelopment, d("6.5")),
        (Group::Personality, d("7.25")),
    ]);
    check(human_capital_from_groups(&groups), "28.75");
}

#[test]
fn formula_5_invested_funds_recovered() {
    // 28.75 / 1.25 = 23.
    check(invested_funds_from_groups(d("28.75"), d("1.25")), "23");
    check_not_computable(
        invested_funds_from_groups(d("28.75"), Decimal::ZERO),
        "coefficient is zero",
    );
}

#[test]
fn formulas_1_and_5_are_inverse() {
    // (5) then (1): (28.75 / 1.25) x 1.25 = 28.75, which is formula (4).
    let invested = invested_funds_from_groups(d("28.75"), d("1.25"))
        .value()
        .unwrap();
    check(human_capital_from_investment(invested, d("1.25")), "28.75");
}

#[test]
fn group_aggregations() {
    let scores = components(&[
        ("education", "9"),
        ("qualification", "6"),
        ("competences", "7"),
    ]);
    // Mean: (9 + 6 + 7) / 3 = 22 / 3 = 7.333...
    check_10dp(
        group_score(&aggregation(AggregationMethod::Mean, &[]), &scores),
        "7.3333333333",
    );
    // Sum: 9 + 6 + 7 = 22.
    check(
        group_score(&aggregation(AggregationMethod::Sum, &[]), &scores),
        "22",
    );
    // Weighted: (0.5 x 9 + 0.3 x 6 + 0.2 x 7) / (0.5 + 0.3 + 0.2) = (4.5 + 1.8 + 1.4) / 1 = 7.7.
    let weights = [
        ("education", "0.5"),
        ("qualification", "0.3"),
        ("competences", "0.2"),
    ];
    check(
        group_score(
            &aggregation(AggregationMethod::WeightedMean, &weights),
            &scores,
        ),
        "7.7",
    );
    // Weights need not sum to 1: (2 x 9 + 1 x 6 + 1 x 7) / 4 = 31 / 4 = 7.75.
    let weights = [
        ("education", "2"),
        ("qualification", "1"),
        ("competences", "1"),
    ];
    check(
        group_score(
            &aggregation(AggregationMethod::WeightedMean, &weights),
            &scores,
        ),
        "7.75",
    );
    check_not_computable(
        group_score(&aggregation(AggregationMethod::WeightedMean, &[]), &scores),
        "sum of the weights is zero",
    );
}

#[test]
fn change_against_baseline() {
    // 28.75 / 23 = 1.25.
    check(change_ratio(d("28.75"), d("23")), "1.25");
    check_not_computable(
        change_ratio(d("28.75"), Decimal::ZERO),
        "baseline human capital is zero",
    );
}

#[test]
fn formula_2_worker_value() {
    // 600 000 x 2.35 + 40 000 x 3 = 1 410 000 + 120 000 = 1 530 000.
    check(
        worker_value(d("600000"), d("2.35"), d("40000"), d("3")),
        "1530000",
    );
    // Goodwill: 1.2 + 0.95 + 0.2 = 2.35.
    check(goodwill(d("1.2"), d("0.95"), d("0.2")), "2.35");
    // A wage of 10^27 times a goodwill of 100 is 10^29, beyond a Decimal's 7.9 · 10^28.
    check_not_computable(
        worker_value(d("1e27"), d("100"), d("0"), d("0")),
        "wage x goodwill + investment x periods exceeds a decimal's range",
    );
}

#[test]
fn bands_and_median() {
    let bands = vec![
        Band {
            from: d("15"),
            points: d("0.3"),
        },
        Band {
            from: d("30"),
            points: d("0.2"),
        },
        Band {
            from: d("45"),
            points: d("0.1"),
        },
    ];
    // 29.9 is in [15, 30); 30 starts the second band; 70 is in the open last band.
    assert_eq!(band_points(&bands, d("29.9")), Some(d("0.3")));
    assert_eq!(band_points(&bands, d("30")), Some(d("0.2")));
    assert_eq!(band_points(&bands, d("70")), Some(d("0.1")));
    assert_eq!(band_points(&bands, d("14")), None);
    // Odd count: the middle of 1, 3, 8 is 3; even count: (3 + 8) / 2 = 5.5.
    assert_eq!(median(&[d("8"), d("1"), d("3")]), Some(d("3")));
    assert_eq!(median(&[d("8"), d("1"), d("3"), d("20")]), Some(d("5.5")));
    assert_eq!(median(&[]), None);
}

#[test]
fn company_metrics_formulas() {
    // Revenue per FTE: 48 000 000 / 12.5 = 3 840 000.
    check(per_fte(d("48000000"), d("12.5")), "3840000");
    check_not_computable(per_fte(d("48000000"), Decimal::ZERO), "FTE is zero");
    // (30 000 000 - 18 500 000) / 12.5 = 11 500 000 / 12.5 = 920 000.
    check(
        market_value_per_fte(d("30000000"), d("18500000"), d("12.5")),
        "920000",
    );
    // Fitz-enz: 48 000 000 - (44 000 000 - 20 000 000) = 24 000 000;
    // ROI 24 000 000 / 20 000 000 = 1.2; value added per FTE 24 000 000 / 12.5 = 1 920 000.
    check(
        adjusted_profit(d("48000000"), d("44000000"), d("20000000")),
        "24000000",
    );
    check(
        human_capital_roi(d("48000000"), d("44000000"), d("20000000")),
        "1.2",
    );
    check(
        human_capital_value_added_per_fte(d("48000000"), d("44000000"), d("20000000"), d("12.5")),
        "1920000",
    );
    check_not_computable(
        human_capital_roi(d("1"), d("1"), Decimal::ZERO),
        "pay and benefits is zero",
    );
}

/// A two-person file whose every figure is computed by hand in the tests below.
fn two_people() -> StaffFile {
    let text = r#"
        [company]
        name = "Hand"
        revenue = 1000
        profit = 100
        operating_expense = 900
        pay_and_benefits = 300
        market_value = 700
        book_value = 500

        [config.worker_value]
        industry_median_profit_per_fte = 40
        investment_periods = 2

        [[staff]]
        id = "A"
        name = "Anna"
        fte = 1
        wage = 120
        benefits = 30
        efficiency_coefficient = 2
        invested_funds = 50
        annual_investment = 10
        education = "master"
        tenure_years = 5
        age = 31
        [staff.assessment.scores]
        physical_health = { health = 8 }
        professional_competence = { education = 9, qualification = 6, competences = 6 }
        mental_development = { adaptation = 7, intellect = 7 }
        personality = { professional_abilities = 6, world_view = 8 }
        [staff.baseline]
        kind = "passport_age_15"
        [staff.baseline.scores]
        physical_health = { health = 9 }
        professional_competence = { education = 3, qualification = 0, competences = 0 }
        mental_development = { adaptation = 5, intellect = 6 }
        personality = { professional_abilities = 2, world_view = 4 }

        [[staff]]
        id = "B"
        name = "Boris"
        fte = 0.5
        wage = 60
        efficiency_coefficient = 0.8
        education = "secondary"
        tenure_years = 12
        age = 50
        [staff.assessment.scores]
        physical_health = { health = 6 }
        professional_competence = { education = 4, qualification = 7, competences = 7 }
        mental_development = { adaptation = 6, intellect = 5 }
        personality = { professional_abilities = 7, world_view = 6 }
    "#;
    toml::from_str(text).unwrap()
}

#[test]
fn assessment_by_hand() {
    let report = assess(&two_people()).unwrap();
    let company = &report.company;
    // FTE = 1 + 0.5 = 1.5.
    assert_eq!(company.fte, d("1.5"));
    // Profit per FTE 100 / 1.5 = 66.66...; profit index = 66.66... / 40 = 1.666...
    check_10dp(company.profit_index.clone(), "1.6666666667");
    // ROI (1000 - (900 - 300)) / 300 = 400 / 300 = 1.333...
    check_10dp(company.human_capital_roi.clone(), "1.3333333333");
    // (700 - 500) / 1.5 = 133.33...
    check_10dp(
        company.market_value_of_human_capital_per_fte.clone(),
        "133.3333333333",
    );

    let anna = &report.people[0];
    // Groups (mean): FZ 8, PP (9 + 6 + 6) / 3 = 7, PR 7, L 7; HC = 29.
    assert_eq!(anna.human_capital, d("29"));
    // (5): 29 / 2 = 14.5; (1): 50 x 2 = 100.
    check(anna.invested_funds_recovered.clone(), "14.5");
    check(anna.human_capital_from_investment.clone(), "100");
    // Baseline: 9 + 1 + 5.5 + 3 = 18.5; ratio 29 / 18.5 = 1.567...; difference 10.5.
    check(anna.change.baseline_human_capital.clone(), "18.5");
    check_10dp(anna.change.ratio.clone(), "1.5675675676");
    check(anna.change.difference.clone(), "10.5");
    // Personnel cost per FTE: Anna (120 + 30) / 1 = 150, Boris 60 / 0.5 = 120;
    // median (120 + 150) / 2 = 135; Anna's index 150 / 135 = 1.111...
    check_10dp(anna.goodwill.personnel_cost_index.clone(), "1.1111111111");
    // Prospects: master 0.4 + tenure 5 in [3, 10) 0.2 + age 31 in [30, 45) 0.2 = 0.8.
    assert_eq!(anna.goodwill.prospects, d("0.8"));
    // Goodwill = 5/3 + 10/9 + 0.8 = 15/9 + 10/9 + 0.8 = 25/9 + 0.8 = 3.5777...
    check_10dp(anna.goodwill.total.clone(), "3.5777777778");
    // B = 120 x 3.5777... + 10 x 2 = 429.3333... + 20 = 449.3333...
    check_10dp(anna.worker_value.clone(), "449.3333333333");

    let boris = &report.people[1];
    // No invested funds and no baseline: not computable, with reasons.
    check_not_computable(
        boris.human_capital_from_investment.clone(),
        "invested_funds is not given",
    );
    check_not_computable(boris.change.ratio.clone(), "no baseline");
    // Cost index 120 / 135 = 0.888...; prospects 0.1 + 0.3 + 0.1 = 0.5.
    check_10dp(boris.goodwill.personnel_cost_index.clone(), "0.8888888889");
    assert_eq!(boris.goodwill.prospects, d("0.5"));
}

#[test]
fn not_computable_without_fte_or_pay() {
    let mut file = two_people();
    for person in &mut file.staff {
        person.fte = Decimal::ZERO;
    }
    file.company.pay_and_benefits = Some(Decimal::ZERO);
    let report = assess(&file).unwrap();
    check_not_computable(report.company.revenue_per_fte.clone(), "the FTE is zero");
    check_not_computable(
        report.company.human_capital_value_added_per_fte.clone(),
        "the FTE is zero",
    );
    check_not_computable(
        report.company.human_capital_roi.clone(),
        "pay and benefits is zero",
    );
    check_not_computable(
        report.people[0].goodwill.personnel_cost_index.clone(),
        "the FTE is zero",
    );
    check_not_computable(report.people[0].worker_value.clone(), "the FTE is zero");
}

#[test]
fn industry_basis_needs_its_median() {
    let mut file = two_people();
    file.config.worker_value.personnel_cost_basis = PersonnelCostBasis::Industry;
    let report = assess(&file).unwrap();
    check_not_computable(
        report.people[0].goodwill.personnel_cost_index.clone(),
        "industry_median_personnel_cost_per_fte is not given",
    );
    // With a median of 250: company cost per FTE 300 / 1.5 = 200; index 200 / 250 = 0.8.
    file.config
        .worker_value
        .industry_median_personnel_cost_per_fte = Some(d("250"));
    let report = assess(&file).unwrap();
    check(
        report.people[1].goodwill.personnel_cost_index.clone(),
        "0.8",
    );
}

fn check_error(edit: impl FnOnce(&mut StaffFile), field: &str, message: &str) {
    let mut file = two_people();
    edit(&mut file);
    let error = assess(&file).unwrap_err();
    assert_eq!(error.field, field);
    assert!(error.message.to_string().contains(message), "{error}");
}

#[test]
fn bad_input_is_located() {
    check_error(
        |file| file.staff[1].fte = d("-0.5"),
        "staff[1].fte",
        "must not be negative",
    );
    check_error(
        |file| file.staff[0].efficiency_coefficient = Decimal::ZERO,
        "staff[0].efficiency_coefficient",
        "must be positive",
    );
    check_error(
        |file| {
            file.staff[1].assessment.scores.remove("personality");
        },
        "staff[1].assessment.scores.personality",
        "missing group `personality`",
    );
    check_error(
        |file| {
            let baseline = file.staff[0].baseline.as_mut().unwrap();
            baseline
                .scores
                .get_mut("mental_development")
                .unwrap()
                .remove("intellect");
        },
        "staff[0].baseline.scores.mental_development.intellect",
        "missing component",
    );
    check_error(
        |file| {
            file.staff[0]
                .assessment
                .scores
                .insert("luck".into(), BTreeMap::new());
        },
        "staff[0].assessment.scores.luck",
        "unknown group",
    );
    check_error(
        |file| {
            let health = file.staff[0]
                .assessment
                .scores
                .get_mut("physical_health")
                .unwrap();
            health.insert("health".into(), d("11"));
        },
        "staff[0].assessment.scores.physical_health.health",
        "outside the scale 0 to 10",
    );
    check_error(
        |file| file.staff[1].education = "phd".into(),
        "staff[1].education",
        "unknown education level",
    );
    check_error(
        |file| file.staff[1].age = d("14"),
        "staff[1].age",
        "below the first band",
    );
    check_error(
        |file| file.staff[1].id = "A".into(),
        "staff[1].id",
        "appears twice",
    );
    check_error(
        |file| file.company.fte = Some(d("-1")),
        "company.fte",
        "must not be negative",
    );
    check_error(
        |file| {
            file.config.aggregation.insert(
                Group::Personality,
                aggregation(AggregationMethod::WeightedMean, &[("world_view", "1")]),
            );
        },
        "config.aggregation.personality.weights.professional_abilities",
        "needs a weight",
    );
    check_error(
        |file| file.config.worker_value.industry_median_profit_per_fte = Some(Decimal::ZERO),
        "config.worker_value.industry_median_profit_per_fte",
        "must be positive",
    );
}

#[test]
fn dates_are_calendar_dates() {
    for (date, message) in [
        (
            "2024-13-45",
            "`2024-13-45` is not a date: month 13 is not 1 to 12 (expected YYYY-MM-DD)",
        ),
        ("2024-00-10", "month 0 is not 1 to 12"),
        (
            "2023-02-29",
            "day 29 does not exist in 2023-02, which has 28 days",
        ),
        ("1900-02-29", "day 29 does not exist in 1900-02"),
        (
            "2024-04-31",
            "day 31 does not exist in 2024-04, which has 30 days",
        ),
        ("2024-01-00", "day 0 does not exist"),
        ("20.11.2024", "a year, a month and a day"),
        ("2024-1-5", "the year needs 4 digits"),
        ("2024-+1-05", "the year needs 4 digits"),
    ] {
        check_error(
            |file| file.staff[1].assessment.date = date.to_owned(),
            "staff[1].assessment.date",
            message,
        );
    }
    check_error(
        |file| file.staff[0].baseline.as_mut().unwrap().date = "2021-02-30".to_owned(),
        "staff[0].baseline.date",
        "day 30 does not exist in 2021-02",
    );
    for date in ["", "2024-02-29", "2000-02-29", "2024-12-31", "2024-11-20"] {
        let mut file = two_people();
        file.staff[0].assessment.date = date.to_owned();
        assert!(assess(&file).is_ok(), "{date}");
    }
}

/// A figure's reason for not being computable is worded in the language asked for,
/// each part of it (`the FTE is zero`: the quantity and the sentence around it).
#[test]
fn not_computable_reasons_are_worded_per_language() {
    let Outcome::NotComputable { reason } = per_fte(d("48000000"), Decimal::ZERO) else {
        panic!("a zero FTE must not be computable");
    };
    assert_eq!(reason.text_in(bilans_model::Lang::En), "the FTE is zero");
    for lang in [
        bilans_model::Lang::Pl,
        bilans_model::Lang::Ru,
        bilans_model::Lang::Uk,
    ] {
        let text = reason.text_in(lang);
        assert!(
            !text.contains("is zero") && !text.contains("the FTE"),
            "{lang}: {text}"
        );
        assert!(text.contains("FTE"), "{lang}: {text}");
    }
}
