//! Unit tests of the partners module: hand-computed cases, with the arithmetic in the
//! comments, and textbook values for Kendall's W and the χ² tail.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::partners::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn votes_partner(name: &str, votes: &[(&str, &[i64])]) -> PartnerInput {
    PartnerInput {
        name: name.to_owned(),
        description: None,
        votes: votes
            .iter()
            .map(|(c, v)| ((*c).to_owned(), v.to_vec()))
            .collect(),
        scores: BTreeMap::new(),
    }
}

fn panel(experts: i64, criteria: &[&str], partners: Vec<PartnerInput>) -> PanelInput {
    PanelInput {
        title: None,
        experts,
        scale: ScaleInput::default(),
        divisor: Divisor::Panel,
        criteria: criteria.iter().map(|c| (*c).to_owned()).collect(),
        weights: BTreeMap::new(),
        partners,
        compliance: None,
        monitoring: None,
    }
}

fn check_error(input: &PanelInput, location: &str, message: &str) {
    let error = analyse(input).unwrap_err();
    assert_eq!(error.location.to_string(), location);
    assert!(error.message.to_string().contains(message), "{error}");
}

#[test]
fn scores_totals_and_the_two_rules() {
    // A: x = (5·4)/4 = 5, y = (1·4)/4 = 1 → PT 6, σ = 2, H = 1 − 2/2 = 0.
    // B: x = (3·4)/4 = 3, y = (3·2 + 2·2)/4 = 2.5 → PT 5.5, σ = 0.25, H = 0.875.
    let input = panel(
        4,
        &["x", "y"],
        vec![
            votes_partner("A", &[("x", &[0, 0, 0, 0, 4]), ("y", &[4, 0, 0, 0, 0])]),
            votes_partner("B", &[("x", &[0, 0, 4, 0, 0]), ("y", &[0, 2, 2, 0, 0])]),
        ],
    );
    let scoring = analyse(&input).unwrap().scoring;
    assert_eq!(scoring.partners[0].total, Some(d("6")));
    assert_eq!(scoring.partners[1].total, Some(d("5.5")));
    assert_eq!(scoring.partners[0].harmony.as_ref().unwrap().index, d("0"));
    assert_eq!(
        scoring.partners[1].harmony.as_ref().unwrap().index,
        d("0.875")
    );
    assert_eq!(
        scoring.partners[1].harmony.as_ref().unwrap().min_over_max,
        Some(d("2.5") / d("3"))
    );
    assert_eq!(scoring.selection.by_total, ["A"]);
    assert_eq!(scoring.selection.by_harmony, ["B"]);
    assert_eq!(scoring.selection.rules, RuleComparison::Disagree);
    // B / y: scores 2, 2, 3, 3: median 2.5, σ 0.5.
    let y = &scoring.partners[1].criteria[1];
    assert_eq!(
        (y.median, y.lowest, y.highest, y.std_dev),
        (Some(d("2.5")), Some(2), Some(3), Some(d("0.5")))
    );
}

#[test]
fn vote_counts_give_medians_and_spreads_without_expanding_them() {
    // 900 000 000 votes of 4 and 100 000 000 of 5 (10^9, the most a row may have):
    // the median is 4 (votes 499 999 999 and 500 000 000 are both 4), the mean 4.1,
    // σ = √(0.9 · 0.1² + 0.1 · 0.9²) = √0.09 = 0.3.
    let input = panel(
        1_000_000_000,
        &["x", "y"],
        vec![votes_partner(
            "A",
            &[
                ("x", &[0, 0, 0, 900_000_000, 100_000_000]),
                ("y", &[0, 0, 1_000_000_000, 0, 0]),
            ],
        )],
    );
    let scoring = analyse(&input).unwrap().scoring;
    let x = &scoring.partners[0].criteria[0];
    assert_eq!((x.median, x.std_dev), (Some(d("4")), Some(d("0.3"))));
    assert_eq!(x.score, Some(d("4.1")));
    // Even count with different middle votes: 1, 1, 2, 5 → median (1 + 2)/2 = 1.5.
    let input = panel(
        4,
        &["x", "y"],
        vec![votes_partner(
            "A",
            &[("x", &[2, 1, 0, 0, 1]), ("y", &[0, 0, 4, 0, 0])],
        )],
    );
    let x = &analyse(&input).unwrap().scoring.partners[0].criteria[0];
    assert_eq!(x.median, Some(d("1.5")));
}

#[test]
fn absurd_vote_counts_and_scales_are_located_errors() {
    let row = |votes: &'static [i64]| panel(4, &["x"], vec![votes_partner("A", &[("x", votes)])]);
    check_error(
        &row(&[0, 0, 0, 0, 9_000_000_000_000_000_000]),
        "partners[0].votes.\"x\"[4]",
        "more than 1000000000 votes",
    );
    check_error(
        &row(&[0, 0, 600_000_000, 0, 600_000_000]),
        "partners[0].votes.\"x\"[4]",
        "more than 1000000000 votes",
    );
    let mut input = row(&[0, 0, 0, 0, 4]);
    input.scale = ScaleInput {
        min: i64::MIN,
        max: i64::MAX,
    };
    check_error(&input, "scale", "more than 1000 points");
}

#[test]
fn extreme_weights_are_located_errors() {
    // T_x = 5, weight 2 · 10^28: 10^29 is beyond a Decimal's 7.9 · 10^28.
    let mut input = panel(
        1,
        &["x", "y"],
        vec![votes_partner(
            "A",
            &[("x", &[0, 0, 0, 0, 1]), ("y", &[0, 0, 0, 0, 1])],
        )],
    );
    input
        .weights
        .insert("x".into(), d("20000000000000000000000000000"));
    check_error(
        &input,
        "partners[0]",
        "the weighted total of partner `A` exceeds",
    );
}

#[test]
fn harmony_is_zero_for_the_most_uneven_profile_of_any_size() {
    let scale = Scale::new(1, 5).unwrap();
    // Even n = 2: 1 and 5, σ = 2 = (5 − 1)/2, H = 0.
    let even = harmony(&[d("1"), d("5")], scale).unwrap();
    assert_eq!((even.max_std_dev, even.index), (d("2"), d("0")));
    // Odd n = 3: 1, 1, 5, mean 7/3, σ = √(32/9) = 4√2/3 = 2 · √(1 − 1/9) = σ_max, H = 0
    // (to the precision of the two square roots).
    let odd = harmony(&[d("1"), d("1"), d("5")], scale).unwrap();
    assert_eq!(odd.index.round_dp(20), d("0"));
    assert_eq!(odd.max_std_dev.round_dp(20), d("1.88561808316412673174"));
    // A single criterion has no σ_max: no harmony.
    assert_eq!(harmony(&[d("3")], scale), None);
}

#[test]
fn scores_outside_the_scale_are_findings_and_harmony_can_be_negative() {
    // Panel of 4, only 2 votes, both 1: T_x = 2/4 = 0.5 < L = 1; T_y = 20/4 = 5.
    // σ = 2.25, σ_max = 2, H = 1 − 2.25/2 = −0.125 (not clamped).
    let input = panel(
        4,
        &["x", "y"],
        vec![votes_partner(
            "A",
            &[("x", &[2, 0, 0, 0, 0]), ("y", &[0, 0, 0, 0, 4])],
        )],
    );
    let scoring = analyse(&input).unwrap().scoring;
    assert_eq!(
        scoring.scale_findings,
        [ScaleFinding {
            partner: "A".into(),
            criterion: "x".into(),
            score: d("0.5")
        }]
    );
    assert_eq!(
        scoring.partners[0].harmony.as_ref().unwrap().index,
        d("-0.125")
    );
    let text = render::scoring_markdown(&scoring);
    assert!(
        text.contains("T = 0.50 lies outside the scale 1..5"),
        "{text}"
    );
}

#[test]
fn a_tie_on_one_rule_is_reported_as_a_tie_not_a_disagreement() {
    // A: 5, 1 (PT 6, H 0); B: 3, 3 (PT 6, H 1); C: 2, 2 (PT 4, H 1).
    // PT ties A and B; harmony ties B and C.
    let input = panel(
        1,
        &["x", "y"],
        vec![
            votes_partner("A", &[("x", &[0, 0, 0, 0, 1]), ("y", &[1, 0, 0, 0, 0])]),
            votes_partner("B", &[("x", &[0, 0, 1, 0, 0]), ("y", &[0, 0, 1, 0, 0])]),
            votes_partner("C", &[("x", &[0, 1, 0, 0, 0]), ("y", &[0, 1, 0, 0, 0])]),
        ],
    );
    let scoring = analyse(&input).unwrap().scoring;
    assert_eq!(scoring.selection.by_total, ["A", "B"]);
    assert_eq!(scoring.selection.by_harmony, ["B", "C"]);
    assert_eq!(scoring.selection.rules, RuleComparison::Tie);
    let text = render::scoring_markdown(&scoring);
    assert!(text.contains("- PT ties between A, B\n"), "{text}");
    assert!(text.contains("- harmony ties between B, C\n"), "{text}");
}

#[test]
fn harmony_does_not_depend_on_the_order_of_the_axes() {
    let scale = Scale::new(1, 5).unwrap();
    let values = [d("3.88"), d("3.26"), d("4.2"), d("3.06")];
    let reordered = [d("3.06"), d("4.2"), d("3.88"), d("3.26")];
    assert_eq!(harmony(&values, scale), harmony(&reordered, scale));
}

#[test]
fn votes_that_differ_from_the_panel_are_reported_and_the_divisor_is_a_choice() {
    // 6 votes of 5 on a panel of 4: T = 30/4 = 7.5 by the panel, 30/6 = 5 by votes cast.
    let mut input = panel(
        4,
        &["x"],
        vec![votes_partner("A", &[("x", &[0, 0, 0, 0, 6])])],
    );
    let scoring = analyse(&input).unwrap().scoring;
    assert_eq!(scoring.partners[0].criteria[0].score, Some(d("7.5")));
    assert_eq!(
        scoring.vote_findings,
        [VoteFinding {
            partner: "A".into(),
            criterion: "x".into(),
            votes_cast: 6,
            panel: 4
        }]
    );
    input.divisor = Divisor::VotesCast;
    assert_eq!(
        analyse(&input).unwrap().scoring.partners[0].criteria[0].score,
        Some(d("5"))
    );
}

#[test]
fn weight_stability_finds_where_the_winner_ties() {
    // A: x 5, y 1; B: x 3, y 3 (all votes on one score, panel of 1). Weights 1, 1:
    // A 6, B 6 would tie, so weight x = 2: A 11, B 9. Lead 2, d_x = 2, d_y = −2.
    // x: A ties B at 2 − 2/2 = 1; y: at 1 + 2/2 = 2.
    let mut input = panel(
        1,
        &["x", "y"],
        vec![
            votes_partner("A", &[("x", &[0, 0, 0, 0, 1]), ("y", &[1, 0, 0, 0, 0])]),
            votes_partner("B", &[("x", &[0, 0, 1, 0, 0]), ("y", &[0, 0, 1, 0, 0])]),
        ],
    );
    input.weights.insert("x".into(), d("2"));
    let scoring = analyse(&input).unwrap().scoring;
    assert_eq!(
        scoring.selection.by_weighted_total,
        Some(vec!["A".to_owned()])
    );
    let x = &scoring.stability[0];
    assert_eq!(
        (x.lower.as_ref().unwrap().weight, x.upper.clone()),
        (d("1"), None)
    );
    let y = &scoring.stability[1];
    assert_eq!(
        (y.lower.clone(), y.upper.as_ref().unwrap().weight),
        (None, d("2"))
    );
}

#[test]
fn kendall_w_without_ties_siegel() {
    // Siegel (1956), Nonparametric Statistics for the Behavioral Sciences, ch. 9: three
    // executives rank six job applicants. R_j = 8, 14, 11, 11, 11, 8, R̄ = 10.5,
    // S = 25.5, W = 12·25.5 / (9·(216 − 6)) = 306/1890 = 0.16 as printed there.
    let ranks = [[1, 6, 3, 2, 5, 4], [1, 5, 6, 4, 2, 3], [6, 3, 2, 5, 4, 1]];
    let ratings: Vec<Vec<Decimal>> = ranks
        .iter()
        .map(|row| row.iter().map(|&r| Decimal::from(r)).collect())
        .collect();
    let concordance = kendall_w(&ratings).unwrap();
    assert_eq!(concordance.s, d("25.5"));
    assert_eq!(concordance.w, d("306") / d("1890"));
    assert_eq!(concordance.w.round_dp(2), d("0.16"));
    assert!(matches!(
        concordance.test,
        SignificanceTest::Permutation { .. }
    ));
}

#[test]
fn kendall_w_with_ties_hollander_wolfe() {
    // Hollander & Wolfe (1973), Nonparametric Statistical Methods, Friedman test
    // example (Woodward's times of 22 players rounding first base by 3 methods, with
    // ties), also the example of R's `friedman.test`: χ²_F = 11.143 on 2 df,
    // p = 0.0038. The tie-corrected Friedman statistic is m(n − 1)W_t, so
    // W_t = 11.143 / (22·2) = 0.2532.
    let times = [
        ["5.40", "5.50", "5.55"],
        ["5.85", "5.70", "5.75"],
        ["5.20", "5.60", "5.50"],
        ["5.55", "5.50", "5.40"],
        ["5.90", "5.85", "5.70"],
        ["5.45", "5.55", "5.60"],
        ["5.40", "5.40", "5.35"],
        ["5.45", "5.50", "5.35"],
        ["5.25", "5.15", "5.00"],
        ["5.85", "5.80", "5.70"],
        ["5.25", "5.20", "5.10"],
        ["5.65", "5.55", "5.45"],
        ["5.60", "5.35", "5.45"],
        ["5.05", "5.00", "4.95"],
        ["5.50", "5.50", "5.40"],
        ["5.45", "5.55", "5.50"],
        ["5.55", "5.55", "5.35"],
        ["5.45", "5.50", "5.55"],
        ["5.50", "5.45", "5.25"],
        ["5.65", "5.60", "5.40"],
        ["5.70", "5.65", "5.55"],
        ["6.30", "6.30", "6.25"],
    ];
    let ratings: Vec<Vec<Decimal>> = times
        .iter()
        .map(|row| row.iter().map(|t| d(t)).collect())
        .collect();
    let concordance = kendall_w(&ratings).unwrap();
    assert_eq!(concordance.chi_square.round_dp(3), d("11.143"));
    assert_eq!(concordance.w.round_dp(4), d("0.2532"));
    // The χ² tail on 2 df at the statistic: e^{−χ²/2}.
    assert_eq!(
        chi_square_survival(concordance.chi_square, 2).round_dp(4),
        d("0.0038")
    );
}

#[test]
fn chi_square_tail_matches_the_tables() {
    // 95th percentiles from any χ² table: 3.841 (1 df), 5.991 (2), 7.815 (3),
    // 14.067 (7), 18.307 (10); 99th: 6.635 (1), 18.475 (7).
    for (x, df, p) in [
        ("3.841", 1, "0.05"),
        ("5.991", 2, "0.05"),
        ("7.815", 3, "0.05"),
        ("14.067", 7, "0.05"),
        ("18.307", 10, "0.05"),
        ("6.635", 1, "0.01"),
        ("18.475", 7, "0.01"),
    ] {
        let tail = chi_square_survival(d(x), df);
        assert_eq!(tail.round_dp(3), d(p), "χ²({df}) tail at {x}: {tail}");
    }
}

#[test]
fn mid_ranks_average_ties() {
    // 3, 1, 3, 2 → ranks 3.5, 1, 3.5, 2; one tie of 2: Σ(t³ − t) = 6.
    let (ranks, ties) = mid_ranks(&[d("3"), d("1"), d("3"), d("2")]);
    assert_eq!(ranks, [d("3.5"), d("1"), d("3.5"), d("2")]);
    assert_eq!(ties, d("6"));
}

#[test]
fn agreement_is_computed_from_individual_scores() {
    // Four experts all score x > y > z: W = 1; n = 3, so a permutation test, whose
    // p-value is then small ((k + 1)/10000 with k ≈ 10000/6³ = 46 ties or better).
    let mut partner = votes_partner("A", &[]);
    partner.scores = [
        ("x", vec![5, 5, 4, 5]),
        ("y", vec![3, 4, 3, 3]),
        ("z", vec![1, 2, 1, 2]),
    ]
    .into_iter()
    .map(|(c, s)| (c.to_owned(), s))
    .collect();
    let scoring = analyse(&panel(4, &["x", "y", "z"], vec![partner]))
        .unwrap()
        .scoring;
    let concordance = scoring.partners[0].agreement.clone().unwrap().unwrap();
    assert_eq!(concordance.w, Decimal::ONE);
    assert!(concordance.p_value < d("0.02"), "{}", concordance.p_value);
}

#[test]
fn compliance_totals_optimum_and_constraints() {
    // Marks: M1 + + ±  → 2.5; M2 + + + → 3 (excluded); M3 + − + → 2, weighted with
    // c = 2: M1 1 + 1 + 1 = 3, M3 1 + 0 + 2 = 3 → tie under the constraints.
    let input = ComplianceInput {
        models: vec!["M1".into(), "M2".into(), "M3".into()],
        rows: vec![
            ComplianceRowInput {
                indicator: "a".into(),
                marks: vec!["+".into(), "+".into(), "+".into()],
            },
            ComplianceRowInput {
                indicator: "b".into(),
                marks: vec!["+".into(), "+".into(), "–".into()],
            },
            ComplianceRowInput {
                indicator: "c".into(),
                marks: vec!["±".into(), "+".into(), "+".into()],
            },
        ],
        exclude: vec!["M2".into()],
        weights: [("c".to_owned(), d("2"))].into_iter().collect(),
    };
    let compliance = evaluate_compliance(&input).unwrap();
    let totals: Vec<Decimal> = compliance.totals.iter().map(|t| t.total).collect();
    assert_eq!(totals, [d("2.5"), d("3"), d("2")]);
    assert_eq!(compliance.optimum, ["M2"]);
    assert_eq!(compliance.constrained_optimum, ["M1", "M3"]);
}

#[test]
fn monitoring_verdicts_per_period() {
    let input = MonitoringInput {
        model: "alliance".into(),
        periods: vec!["2023".into(), "2024".into()],
        indicators: vec![
            IndicatorInput::Quantitative {
                name: "sales growth".into(),
                unit: Some("%".into()),
                direction: Direction::AtLeast,
                target: d("10"),
                actual: vec![d("12"), d("8")],
            },
            IndicatorInput::Qualitative {
                name: "long-term cooperation".into(),
                levels: vec!["no".into(), "partly".into(), "yes".into()],
                target: "yes".into(),
                actual: vec!["yes".into(), "partly".into()],
            },
        ],
    };
    let monitoring = evaluate_monitoring(&input).unwrap();
    assert!(monitoring.verdicts[0].functional);
    assert_eq!(
        monitoring.verdicts[0].next_steps[0],
        NEXT_STEPS_FUNCTIONAL[0]
    );
    let second = &monitoring.verdicts[1];
    assert!(!second.functional);
    // Sales: 10 − 8 = 2 short, 2/10 = 20 %; cooperation: one level short.
    assert_eq!(second.shortfalls[0].gap, d("2"));
    assert_eq!(second.shortfalls[0].relative_gap, Some(d("0.2")));
    assert_eq!(second.shortfalls[1].gap, d("1"));
    assert_eq!(second.next_steps[1], NEXT_STEPS_NOT_FUNCTIONAL[1]);
}

#[test]
fn a_score_outside_the_scale_is_located() {
    let mut partner = votes_partner("A", &[]);
    partner.scores = [("x".to_owned(), vec![3, 7])].into_iter().collect();
    check_error(
        &panel(2, &["x"], vec![partner]),
        "partners[0].scores.\"x\"[1]",
        "score 7 outside the scale 1..5",
    );
}

#[test]
fn a_negative_count_is_located() {
    let input = panel(
        2,
        &["x"],
        vec![votes_partner("A", &[("x", &[0, -1, 0, 3, 0])])],
    );
    check_error(&input, "partners[0].votes.\"x\"[1]", "negative count -1");
}

#[test]
fn a_missing_criterion_is_located() {
    let input = panel(
        2,
        &["x", "y"],
        vec![
            votes_partner("A", &[("x", &[0, 0, 2, 0, 0]), ("y", &[0, 0, 2, 0, 0])]),
            votes_partner("B", &[("x", &[0, 0, 2, 0, 0])]),
        ],
    );
    check_error(
        &input,
        "partners[1].votes.\"y\"",
        "criterion `y` is missing for partner `B`",
    );
}

#[test]
fn kendall_w_not_computable_has_a_typed_reason() {
    let one_judge = [vec![d("1"), d("2")]];
    assert_eq!(
        kendall_w(&one_judge).unwrap_err(),
        ConcordanceError::TooFewJudges { judges: 1 }
    );
    let all_tied = [vec![d("3"), d("3")], vec![d("4"), d("4")]];
    let error = kendall_w(&all_tied).unwrap_err();
    assert_eq!(error, ConcordanceError::AllTied);
    assert_eq!(error.to_string(), "every judge tied every object");
}

#[test]
fn chi_square_tail_is_accurate_far_out() {
    // On 1 df the tail is 2(1 − Φ(√x)); reference values from the complementary error
    // function (erfc in double precision, relative error ~1e-15).
    for (x, tail) in [
        ("1", "0.31731050786291415"),
        ("9", "0.0026997960632601913"),
        ("24.99", "5.762843271868794e-7"),
        ("25", "5.733031437583892e-7"),
        ("36", "1.9731752900754024e-9"),
        ("64", "1.2441921148543639e-15"),
        ("100", "1.5239706048321186e-23"),
    ] {
        let expected = Decimal::from_scientific(tail).unwrap_or_else(|_| d(tail));
        let computed = chi_square_survival(d(x), 1);
        // A Decimal holds 28 decimal places: tiny tails keep few significant digits.
        let tolerance = d("1e-12") * expected + d("1e-27");
        assert!(
            (computed - expected).abs() < tolerance,
            "χ²(1) tail at {x}: {computed}, expected {expected}"
        );
    }
    // Beyond a Decimal's precision the tail is 0, not an overflow.
    assert_eq!(chi_square_survival(d("182"), 1), Decimal::ZERO);
    assert_eq!(chi_square_survival(d("7000"), 7), Decimal::ZERO);
    assert_eq!(chi_square_survival(d("8000"), 8), Decimal::ZERO);
}

/// A panel in which every one of `experts` experts scores criterion `c{k}` with k
/// points, on a scale 1..`n_criteria`: perfect agreement.
fn unanimous_panel(experts: usize, n_criteria: usize) -> PanelInput {
    let criteria: Vec<String> = (1..=n_criteria).map(|k| format!("c{k}")).collect();
    let scores = criteria
        .iter()
        .zip(1..)
        .map(|(criterion, points)| (criterion.clone(), vec![points; experts]))
        .collect();
    let partner = PartnerInput {
        name: "A".to_owned(),
        description: None,
        votes: BTreeMap::new(),
        scores,
    };
    let names: Vec<&str> = criteria.iter().map(String::as_str).collect();
    let mut input = panel(experts as i64, &names, vec![partner]);
    input.scale = ScaleInput {
        min: 1,
        max: n_criteria as i64,
    };
    input
}

#[test]
fn perfect_agreement_of_many_experts_has_a_vanishing_p_value() {
    // 26 experts overflowed rust_decimal's norm_cdf (χ² = 26 · 7 = 182 on 7 df).
    for experts in [26, 1000] {
        for n_criteria in [8, 9] {
            let scoring = analyse(&unanimous_panel(experts, n_criteria))
                .unwrap()
                .scoring;
            let concordance = scoring.partners[0].agreement.clone().unwrap().unwrap();
            assert_eq!(concordance.w, Decimal::ONE);
            assert_eq!(concordance.test, SignificanceTest::ChiSquare);
            assert_eq!(
                concordance.chi_square,
                Decimal::from(experts * (n_criteria - 1))
            );
            assert!(
                concordance.p_value < d("1e-20"),
                "{experts} experts, {n_criteria} criteria: p = {}",
                concordance.p_value
            );
        }
    }
}

#[test]
fn panels_larger_than_a_billion_experts_are_refused() {
    let votes = votes_partner("A", &[("x", &[0, 0, 0, 0, 4])]);
    check_error(
        &panel(i64::MAX, &["x"], vec![votes.clone()]),
        "experts",
        "a panel of 9223372036854775807 experts is more than the 1000000000 bilans accepts",
    );
    check_error(
        &panel(1_000_000_001, &["x"], vec![votes.clone()]),
        "experts",
        "more than the 1000000000",
    );
    assert!(analyse(&panel(1_000_000_000, &["x"], vec![votes])).is_ok());
}
