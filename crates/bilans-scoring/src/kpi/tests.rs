//! Unit tests of KPI cards: the seed's examples, every direction and scale, input
//! errors, findings, and property tests of invariance under admissible
//! transformations.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::kpi::{
    Card, CardInput, FindingKind, InputLocation, KpiField, KpiRecord, Method, Score, Settings,
    Total, build_card, report, score,
};

const TYPES: &str =
    "financial individual quantitative operational leading result absolute functional";

fn record(fields: &[(KpiField, &str)], actuals: &[(&str, &str)]) -> KpiRecord {
    let mut record = KpiRecord::default();
    let defaults = [
        (KpiField::Name, "K"),
        (KpiField::Owner, "Owner"),
        (KpiField::Level, "unit"),
        (KpiField::Types, TYPES),
        (KpiField::Weight, "1"),
    ];
    for (field, text) in defaults.iter().chain(fields) {
        record.fields.insert(*field, (*text).to_owned());
    }
    record.actuals = actuals
        .iter()
        .map(|(period, value)| ((*period).to_owned(), (*value).to_owned()))
        .collect();
    record
}

fn card(
    fields: &[(KpiField, &str)],
    settings: &[(&str, &str)],
) -> Result<Card, crate::kpi::InputError> {
    let settings = settings
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect();
    build_card(&CardInput {
        kpis: vec![record(fields, &[])],
        settings,
    })
}

fn number(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// Scores `actual` for the KPI given by `fields` with default settings.
fn check(fields: &[(KpiField, &str)], actual: &str, expect: &str, method: Method) {
    check_with(fields, &[], actual, expect, method);
}

fn check_with(
    fields: &[(KpiField, &str)],
    settings: &[(&str, &str)],
    actual: &str,
    expect: &str,
    method: Method,
) {
    let card = card(fields, settings).unwrap();
    match score(&card.kpis[0], number(actual), &card.settings) {
        Score::Computed {
            value,
            method: used,
            ..
        } => {
            assert_eq!(value.round_dp(10), number(expect), "score of {actual}");
            assert_eq!(used, method);
        }
        Score::NotComputable { reason } => panic!("not computable: {reason}"),
    }
}

fn check_error(fields: &[(KpiField, &str)], field: KpiField, expect: &str) {
    let error = card(fields, &[]).unwrap_err();
    assert_eq!(error.location, InputLocation::Field { kpi_idx: 0, field });
    assert!(error.to_string().contains(expect), "{error}");
}

use KpiField::{Direction as Dir, Plan, Scale, Tolerance, ZeroAt};

const SALES: [(KpiField, &str); 3] = [(Scale, "ratio"), (Dir, "positive"), (Plan, "2000000")];

#[test]
fn seed_sales_at_least_two_million_a_month() {
    // 1 800 000 / 2 000 000 = 0.9.
    check(&SALES, "1800000", "0.9", Method::ActualOverPlan);
    // 2 100 000 / 2 000 000 = 1.05, capped at the default cap 1.
    check(&SALES, "2100000", "1", Method::ActualOverPlan);
    // With the cap for positive ratio-scale KPIs raised to 1.2, 1.05 stands.
    check_with(
        &SALES,
        &[("cap.positive.ratio", "1.2")],
        "2100000",
        "1.05",
        Method::ActualOverPlan,
    );
    // 3 000 000 / 2 000 000 = 1.5, capped at 1.2.
    check_with(
        &SALES,
        &[("cap.positive", "1.2")],
        "3000000",
        "1.2",
        Method::ActualOverPlan,
    );
}

const OVERDUE: [(KpiField, &str); 3] = [(Scale, "ratio"), (Dir, "negative"), (Plan, "0.05")];

#[test]
fn seed_overdue_receivables_at_most_five_percent() {
    // 0.05 / 0.06 = 0.8333333333.
    check(&OVERDUE, "0.06", "0.8333333333", Method::PlanOverActual);
    // 0.05 / 0.10 = 0.5.
    check(&OVERDUE, "0.10", "0.5", Method::PlanOverActual);
    // 0.05 / 0.04 = 1.25, capped at 1; nothing overdue at all is the best, capped.
    check(&OVERDUE, "0.04", "1", Method::PlanOverActual);
    check(&OVERDUE, "0", "1", Method::PlanOverActual);
}

#[test]
fn seed_internal_defects_at_most_two_percent() {
    let defects = [(Scale, "ratio"), (Dir, "negative"), (Plan, "0.02")];
    // 0.02 / 0.025 = 0.8.
    check(&defects, "0.025", "0.8", Method::PlanOverActual);
    check(&defects, "0.02", "1", Method::PlanOverActual);
    // With zero_at 0.04: (0.04 − 0.03) / (0.04 − 0.02) = 0.5.
    let linear = [
        (Scale, "ratio"),
        (Dir, "negative"),
        (Plan, "0.02"),
        (ZeroAt, "0.04"),
    ];
    check(&linear, "0.03", "0.5", Method::Interpolation);
    check(&linear, "0.05", "0", Method::Interpolation);
}

const BUDGET: [(KpiField, &str); 5] = [
    (Scale, "ratio"),
    (Dir, "interval"),
    (Plan, "1000000"),
    (Tolerance, "0.05"),
    (KpiField::Deviation, "relative"),
];

#[test]
fn seed_budget_deviation_at_most_five_percent() {
    // |1 040 000 − 1 000 000| / 1 000 000 = 0.04 <= 0.05: 1.
    check(&BUDGET, "1040000", "1", Method::RelativeDeviation);
    // Overspending and underspending alike: deviation 0.1, 0.05 / 0.1 = 0.5.
    check(&BUDGET, "1100000", "0.5", Method::RelativeDeviation);
    check(&BUDGET, "900000", "0.5", Method::RelativeDeviation);
    // Exactly at the tolerance: 1.
    check(&BUDGET, "1050000", "1", Method::RelativeDeviation);
}

#[test]
fn seed_order_lead_time_within_one_hour() {
    let lead_time = [
        (Scale, "interval"),
        (Dir, "interval"),
        (Plan, "48"),
        (Tolerance, "1"),
    ];
    // |47.2 − 48| = 0.8 <= 1: 1.
    check(&lead_time, "47.2", "1", Method::AbsoluteDeviation);
    // |50 − 48| = 2, 1 / 2 = 0.5.
    check(&lead_time, "50", "0.5", Method::AbsoluteDeviation);
    // A range 47..49 is the same optimum 48 and tolerance 1.
    let range = [
        (Scale, "interval"),
        (Dir, "interval"),
        (KpiField::Low, "47"),
        (KpiField::High, "49"),
    ];
    check(&range, "50", "0.5", Method::AbsoluteDeviation);
}

#[test]
fn seed_customer_satisfaction_at_least_0_90_on_an_ordinal_scale() {
    let index = [(Scale, "ordinal"), (Dir, "positive"), (Plan, "0.90")];
    // Ordinal values are only compared: met or not.
    check(&index, "0.90", "1", Method::Threshold);
    check(&index, "0.95", "1", Method::Threshold);
    check(&index, "0.89", "0", Method::Threshold);
}

#[test]
fn binary_contract_signed_is_all_or_nothing() {
    let signed = [(Scale, "binary"), (Dir, "positive")];
    check(&signed, "1", "1", Method::Threshold);
    check(&signed, "0", "0", Method::Threshold);
    let error = build_card(&CardInput {
        kpis: vec![record(&signed, &[("2024-01", "0.99")])],
        settings: vec![],
    })
    .unwrap_err();
    assert_eq!(
        error.location,
        InputLocation::Actual {
            kpi_idx: 0,
            actual_idx: 0
        }
    );
    assert!(error.to_string().contains("binary"), "{error}");
}

#[test]
fn actual_over_plan_is_refused_on_an_interval_scale_and_for_a_non_positive_plan() {
    let interval = [(Scale, "interval"), (Dir, "positive"), (Plan, "20")];
    let card = card(&interval, &[]).unwrap();
    let Score::Computed {
        value,
        method,
        note,
    } = score(&card.kpis[0], number("19"), &card.settings)
    else {
        panic!("expected a score");
    };
    assert_eq!((value, method), (Decimal::ZERO, Method::Threshold));
    assert!(note.unwrap().to_string().contains("no natural zero"));
    // With zero_at, partial credit is a ratio of differences: (19 − 10) / (20 − 10) = 0.9.
    check(
        &[
            (Scale, "interval"),
            (Dir, "positive"),
            (Plan, "20"),
            (ZeroAt, "10"),
        ],
        "19",
        "0.9",
        Method::Interpolation,
    );
    let loss = [(Scale, "ratio"), (Dir, "positive"), (Plan, "-100")];
    let card = self::card(&loss, &[]).unwrap();
    let Score::Computed { note, .. } = score(&card.kpis[0], number("-50"), &card.settings) else {
        panic!("expected a score");
    };
    assert!(note.unwrap().to_string().contains("not positive"));
}

#[test]
fn actual_over_plan_on_an_interval_scale_would_depend_on_the_origin() {
    // Why it is refused: 30 / 20 = 1.5, but after f(F) = F + 10 it is 40 / 30 = 1.333...
    let before = Decimal::from(30) / Decimal::from(20);
    let after = Decimal::from(40) / Decimal::from(30);
    assert_ne!(before, after);
}

#[test]
fn bad_input_is_located() {
    check_error(
        &[(Scale, "metric"), (Dir, "positive"), (Plan, "1")],
        Scale,
        "unknown scale `metric`",
    );
    check_error(
        &[(Scale, "ratio"), (Dir, "up"), (Plan, "1")],
        Dir,
        "unknown direction",
    );
    check_error(
        &[
            (Scale, "ratio"),
            (Dir, "positive"),
            (Plan, "1"),
            (KpiField::Weight, "a lot"),
        ],
        KpiField::Weight,
        "`a lot` is not a number",
    );
    check_error(
        &[(Scale, "ratio"), (Dir, "positive")],
        Plan,
        "`plan` is missing",
    );
    check_error(&[(Scale, "ratio"), (Dir, "negative")], Plan, "as a ceiling");
    check_error(
        &[(Scale, "ratio"), (Dir, "interval"), (Plan, "5")],
        Tolerance,
        "`tolerance` is missing",
    );
    check_error(
        &[(Scale, "ratio"), (Dir, "interval")],
        Plan,
        "`plan` is missing",
    );
    check_error(
        &[(Scale, "nominal"), (Dir, "positive"), (Plan, "1")],
        Scale,
        "no order",
    );
    check_error(
        &[
            (Scale, "ordinal"),
            (Dir, "interval"),
            (Plan, "3"),
            (Tolerance, "1"),
        ],
        Dir,
        "difference",
    );
    check_error(
        &[
            (Scale, "interval"),
            (Dir, "interval"),
            (Plan, "3"),
            (Tolerance, "1"),
            (KpiField::Deviation, "relative"),
        ],
        KpiField::Deviation,
        "ratio of values",
    );
    check_error(
        &[
            (Scale, "ordinal"),
            (Dir, "positive"),
            (Plan, "3"),
            (ZeroAt, "1"),
        ],
        ZeroAt,
        "metric scale",
    );
    check_error(
        &[
            (Scale, "ratio"),
            (Dir, "positive"),
            (Plan, "3"),
            (Tolerance, "1"),
        ],
        Tolerance,
        "does not apply",
    );
    check_error(
        &[
            (Scale, "ratio"),
            (Dir, "positive"),
            (Plan, "3"),
            (KpiField::Types, "financial team"),
        ],
        KpiField::Types,
        "no side of the pair",
    );
    check_error(
        &[
            (Scale, "ratio"),
            (Dir, "positive"),
            (Plan, "3"),
            (KpiField::Level, "board"),
        ],
        KpiField::Level,
        "unknown level",
    );
    let error = card(&SALES, &[("cap.positive", "lots")]).unwrap_err();
    assert_eq!(error.location, InputLocation::Setting { setting_idx: 0 });
    let error = card(&SALES, &[("cap.positive", "0.9")]).unwrap_err();
    assert!(error.to_string().contains("below 1"), "{error}");
}

#[test]
fn type_and_scale_mismatches_are_findings() {
    // Quantitative and financial on an ordinal scale.
    let card = card(&[(Scale, "ordinal"), (Dir, "positive"), (Plan, "3")], &[]).unwrap();
    let report = report(&card);
    let mismatches: Vec<_> = report
        .findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::TypeScaleMismatch)
        .collect();
    assert_eq!(mismatches.len(), 2);
    assert!(mismatches[0].message.contains("quantitative"));
    assert!(mismatches[1].message.contains("financial"));
}

#[test]
fn weights_are_normalised_with_a_warning_and_totals_follow() {
    let first = record(
        &[
            (KpiField::Name, "A"),
            (Scale, "ratio"),
            (Dir, "positive"),
            (Plan, "100"),
            (KpiField::Weight, "3"),
        ],
        &[("p", "50")],
    );
    let second = record(
        &[
            (KpiField::Name, "B"),
            (Scale, "binary"),
            (Dir, "positive"),
            (KpiField::Weight, "1"),
        ],
        &[("p", "1")],
    );
    let card = build_card(&CardInput {
        kpis: vec![first, second],
        settings: vec![],
    })
    .unwrap();
    let report = report(&card);
    assert!(
        report
            .findings
            .iter()
            .any(|finding| finding.kind == FindingKind::WeightsNormalised)
    );
    // Weights 3/4 and 1/4: 0.75 × 0.5 + 0.25 × 1 = 0.625.
    assert_eq!(
        report.cards[0].totals[0].total,
        Total::Computed {
            value: number("0.625")
        }
    );
}

#[test]
fn a_missing_actual_makes_the_total_not_computable() {
    let first = record(
        &[
            (KpiField::Name, "A"),
            (Scale, "binary"),
            (Dir, "positive"),
            (KpiField::Weight, "0.5"),
        ],
        &[("p", "1")],
    );
    let second = record(
        &[
            (KpiField::Name, "B"),
            (Scale, "binary"),
            (Dir, "positive"),
            (KpiField::Weight, "0.5"),
        ],
        &[],
    );
    let card = build_card(&CardInput {
        kpis: vec![first, second],
        settings: vec![],
    })
    .unwrap();
    let report = report(&card);
    let Total::NotComputable { reason } = &report.cards[0].totals[0].total else {
        panic!("expected n/c")
    };
    assert!(
        reason.to_string().contains("B: no actual value for p"),
        "{reason}"
    );
}

#[test]
fn default_settings_are_documented_values() {
    let settings = Settings::default();
    assert_eq!(settings.green_from, Decimal::ONE);
    assert_eq!(settings.amber_from, number("0.8"));
    assert_eq!(settings.thin_share, number("0.2"));
}

// Property tests: a score depends only on what the scale's admissible
// transformations preserve. Decimal division keeps 28 significant digits, so two
// computations of the same ratio may differ in the last digit: compare within 1e-20.

fn close(a: &Score, b: &Score) -> bool {
    match (a.value(), b.value()) {
        (Some(a), Some(b)) => (a - b).abs() <= Decimal::new(1, 20),
        _ => a == b,
    }
}

fn score_of(fields: &[(KpiField, String)], actual: Decimal) -> Score {
    let fields: Vec<(KpiField, &str)> = fields
        .iter()
        .map(|(field, text)| (*field, text.as_str()))
        .collect();
    let card = card(&fields, &[("cap.positive", "2"), ("cap.negative", "2")]).unwrap();
    score(&card.kpis[0], actual, &card.settings)
}

fn decimal(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

proptest! {
    #[test]
    fn ratio_scale_scores_survive_a_change_of_unit(
        plan in 1i64..1_000_000, actual in 0i64..2_000_000, scale in 1i64..10_000, negative in any::<bool>(),
    ) {
        // f(F) = aF, a > 0: 1 UAH = a kopecks, shares as percentages, ...
        let a = decimal(scale);
        let direction = if negative { "negative" } else { "positive" };
        let fields = |plan: Decimal| vec![(Scale, "ratio".to_owned()), (Dir, direction.to_owned()), (Plan, plan.to_string())];
        let before = score_of(&fields(decimal(plan)), decimal(actual));
        let after = score_of(&fields(a * decimal(plan)), a * decimal(actual));
        prop_assert!(close(&before, &after), "{before:?} vs {after:?}");
    }

    #[test]
    fn interval_scale_scores_survive_a_change_of_unit_and_origin(
        plan in -100_000i64..100_000, gap in 1i64..100_000, actual in -300_000i64..300_000,
        tolerance in 0i64..50_000, scale in 1i64..10_000, shift in -1_000_000i64..1_000_000,
    ) {
        // f(F) = aF + b, a > 0: hours from another origin, Celsius to Fahrenheit, ...
        let (a, b) = (decimal(scale), decimal(shift));
        let f = |x: Decimal| a * x + b;
        let (plan, zero, actual, tolerance) = (decimal(plan), decimal(plan - gap), decimal(actual), decimal(tolerance));
        // Positive with zero_at: (x − z) / (p − z).
        let linear = |plan: Decimal, zero: Decimal| vec![(Scale, "interval".to_owned()), (Dir, "positive".to_owned()), (Plan, plan.to_string()), (ZeroAt, zero.to_string())];
        let before = score_of(&linear(plan, zero), actual);
        let after = score_of(&linear(f(plan), f(zero)), f(actual));
        prop_assert!(close(&before, &after), "{before:?} vs {after:?}");
        // Without zero_at: all-or-nothing.
        let threshold = |plan: Decimal| vec![(Scale, "interval".to_owned()), (Dir, "negative".to_owned()), (Plan, plan.to_string())];
        prop_assert_eq!(score_of(&threshold(plan), actual), score_of(&threshold(f(plan)), f(actual)));
        // Interval direction: the tolerance is a difference, so it scales by a only.
        let interval = |optimum: Decimal, tolerance: Decimal| vec![(Scale, "interval".to_owned()), (Dir, "interval".to_owned()), (Plan, optimum.to_string()), (Tolerance, tolerance.to_string())];
        let before = score_of(&interval(plan, tolerance), actual);
        let after = score_of(&interval(f(plan), a * tolerance), f(actual));
        prop_assert!(close(&before, &after), "{before:?} vs {after:?}");
    }

    #[test]
    fn relative_deviation_survives_a_change_of_unit(
        optimum in 1i64..1_000_000, actual in 0i64..2_000_000, tolerance in 0i64..100, scale in 1i64..10_000,
    ) {
        let a = decimal(scale);
        let fields = |optimum: Decimal| vec![(Scale, "ratio".to_owned()), (Dir, "interval".to_owned()), (Plan, optimum.to_string()), (Tolerance, decimal(tolerance).to_string()), (KpiField::Deviation, "relative".to_owned())];
        let before = score_of(&fields(decimal(optimum)), decimal(actual));
        let after = score_of(&fields(a * decimal(optimum)), a * decimal(actual));
        prop_assert!(close(&before, &after), "{before:?} vs {after:?}");
    }

    #[test]
    fn ordinal_scores_survive_any_order_preserving_map(
        plan in -1_000i64..1_000, actual in -1_000i64..1_000, shift in -1_000i64..1_000, negative in any::<bool>(),
    ) {
        // f(F) = F·|F| + F + b is strictly increasing but not linear.
        let f = |x: Decimal| x * x.abs() + x + Decimal::from(shift);
        let direction = if negative { "negative" } else { "positive" };
        let fields = |plan: Decimal| vec![(Scale, "ordinal".to_owned()), (Dir, direction.to_owned()), (Plan, plan.to_string())];
        let (plan, actual) = (Decimal::from(plan), Decimal::from(actual));
        prop_assert_eq!(score_of(&fields(plan), actual), score_of(&fields(f(plan)), f(actual)));
    }
}

#[test]
fn a_refused_ratio_is_reported_for_every_owner_of_a_kpi_name() {
    use KpiField::{Direction as Dir, Owner, Plan, Scale};
    // The same KPI name on two owners' cards, both on an interval scale: each card's
    // refusal is a finding of its own (names are unique per owner, not per card).
    let kpi = |owner: &str| {
        record(
            &[
                (Owner, owner),
                (Scale, "interval"),
                (Dir, "positive"),
                (Plan, "20"),
            ],
            &[("2024", "19")],
        )
    };
    let card = build_card(&CardInput {
        kpis: vec![kpi("North"), kpi("South")],
        settings: Default::default(),
    })
    .unwrap();
    let refused = report(&card)
        .findings
        .iter()
        .filter(|finding| finding.kind == FindingKind::RatioRefused)
        .count();
    assert_eq!(refused, 2);
}
