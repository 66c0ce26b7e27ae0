//! Unit tests of the working-capital calculators, each against a worked example whose
//! arithmetic is shown, and of their parameter checks.

use bilans_model::{Entity, LineItem, Period, Statements, Unit};
use rust_decimal::Decimal;

use crate::working_capital::*;
use crate::{DaysInYear, EvalConfig, RatioId};

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn check_error<T: std::fmt::Debug>(
    result: Result<T, WorkingCapitalError>,
    parameter: &str,
    message: &str,
) {
    let error = result.unwrap_err();
    assert_eq!(error.parameter(), Some(parameter), "{error}");
    assert_eq!(error.to_string(), message);
}

fn firm(turnover: i64, purchases: i64) -> DeferralInput {
    DeferralInput {
        monthly_turnover: Decimal::from(turnover),
        monthly_purchases: Decimal::from(purchases),
        client_deferral_months: Decimal::ONE,
        supplier_deferral_months: Decimal::ONE,
        inventories: Decimal::ZERO,
    }
}

#[test]
fn supplier_deferral_reproduces_firms_a_and_b() {
    // Seed 002: A: 100 − 50 = 50 uncovered, 100 / 50 = 2 months (2:1);
    // B: 100 − 25 = 75 uncovered, 100 / 25 = 4 months (4:1).
    let a = supplier_deferral(&firm(100, 50)).unwrap();
    assert_eq!(
        (
            a.uncovered_receivables,
            a.required_supplier_deferral_months,
            a.supplier_to_client_deferral_ratio
        ),
        (d("50"), d("2"), d("2"))
    );
    let b = supplier_deferral(&firm(100, 25)).unwrap();
    assert_eq!(
        (
            b.uncovered_receivables,
            b.required_supplier_deferral_months,
            b.supplier_to_client_deferral_ratio
        ),
        (d("75"), d("4"), d("4"))
    );
}

#[test]
fn inventories_raise_the_deferral_that_makes_needs_negative() {
    // A with 25 of inventories: (25 + 100) / 50 = 2.5 months; with 3 months of supplier
    // credit the narrow needs are 25 + 100 − 150 = −25.
    let input = DeferralInput {
        inventories: d("25"),
        supplier_deferral_months: d("3"),
        ..firm(100, 50)
    };
    let result = supplier_deferral(&input).unwrap();
    assert_eq!(result.negative_needs_threshold_months, d("2.5"));
    assert_eq!(result.financial_operating_needs, d("-25"));
}

#[test]
fn supplier_deferral_rejects_bad_parameters() {
    let input = DeferralInput {
        supplier_deferral_months: d("-1"),
        ..firm(100, 50)
    };
    check_error(
        supplier_deferral(&input),
        "supplier_deferral_months",
        "invalid `supplier_deferral_months`: -1 must not be negative",
    );
    check_error(
        supplier_deferral(&firm(100, 0)),
        "monthly_purchases",
        "invalid `monthly_purchases`: 0 must be positive",
    );
}

fn discount(
    percent: &str,
    discount_days: &str,
    term_days: &str,
    days_in_year: DaysInYear,
) -> CashDiscountInput {
    CashDiscountInput {
        discount_percent: d(percent),
        discount_days: d(discount_days),
        payment_term_days: d(term_days),
        bank_rate_percent: d("20"),
        days_in_year,
    }
}

#[test]
fn cash_discount_cost_matches_the_textbook_example() {
    // "2/10 net 30" (Brigham & Houston, Fundamentals of Financial Management, ch. on
    // trade credit): nominal 2/98 × 365/20 = 37.24 %, effective (1 + 2/98)^(365/20) − 1
    // = 44.59 %. With a 360-day year: 2/98 × 18 = 36.73 %, (1 + 2/98)^18 − 1 = 43.86 %.
    let cost = cash_discount_cost(&discount("2", "10", "30", DaysInYear::Days365)).unwrap();
    assert_eq!(cost.nominal_annual_percent.round_dp(2), d("37.24"));
    assert_eq!(cost.effective_annual_percent.round_dp(2), d("44.59"));
    let cost = cash_discount_cost(&discount("2", "10", "30", DaysInYear::Days360)).unwrap();
    assert_eq!(cost.nominal_annual_percent.round_dp(2), d("36.73"));
    assert_eq!(cost.effective_annual_percent.round_dp(6), d("43.856880"));
    assert_eq!(cost.decision, DiscountDecision::TakeDiscount);
}

#[test]
fn a_cheap_discount_is_forgone_when_the_bank_costs_more() {
    // 1/10 net 60 at 360 days: 1/99 × 360/50 = 7.27 % < 20 %: pay at the term.
    let cost = cash_discount_cost(&discount("1", "10", "60", DaysInYear::Days360)).unwrap();
    assert_eq!(cost.nominal_annual_percent.round_dp(2), d("7.27"));
    assert_eq!(cost.decision, DiscountDecision::PayAtTerm);
}

#[test]
fn cash_discount_rejects_bad_parameters() {
    check_error(
        cash_discount_cost(&discount("100", "10", "30", DaysInYear::Days360)),
        "discount_percent",
        "invalid `discount_percent`: 100 must be a percentage from 0 to below 100",
    );
    check_error(
        cash_discount_cost(&discount("2", "30", "30", DaysInYear::Days360)),
        "payment_term_days",
        "invalid `payment_term_days`: 30 must be longer than the discount period `discount_days` (30)",
    );
    check_error(
        cash_discount_cost(&discount("2", "-5", "30", DaysInYear::Days360)),
        "discount_days",
        "invalid `discount_days`: -5 must not be negative",
    );
}

fn bill(face: &str, rate: &str, days: &str) -> BillInput {
    BillInput {
        face_value: d(face),
        discount_rate_percent: d(rate),
        days_to_maturity: d(days),
        days_in_year: DaysInYear::Days360,
    }
}

#[test]
fn bill_discount_matches_the_hand_computation() {
    // 100 000 × 12 % × 90 / 360 = 3 000; proceeds 97 000; cost 3 % of the face;
    // effective 3 000 / 97 000 × 360 / 90 = 12.371 %.
    let result = discount_bill(&bill("100000", "12", "90")).unwrap();
    assert_eq!(result.discount, d("3000"));
    assert_eq!(result.proceeds, d("97000"));
    assert_eq!(result.cost_for_period_percent, d("3"));
    assert_eq!(result.effective_annual_percent.round_dp(3), d("12.371"));
}

#[test]
fn bill_discount_rejects_bad_parameters() {
    check_error(
        discount_bill(&bill("100000", "12", "-1")),
        "days_to_maturity",
        "invalid `days_to_maturity`: -1 must be positive",
    );
    check_error(
        discount_bill(&bill("100000", "400", "90")),
        "discount_rate_percent",
        "invalid `discount_rate_percent`: 400 is too high: over 90 days the discount (100000) would consume the face value",
    );
}

fn factoring(commission: &str, advance: &str) -> FactoringInput {
    FactoringInput {
        invoice_amount: d("100000"),
        commission_percent: d(commission),
        advance_percent: d(advance),
        interest_rate_percent: d("15"),
        days_early: d("60"),
        days_in_year: DaysInYear::Days360,
    }
}

#[test]
fn factoring_cost_matches_the_hand_computation() {
    // Commission 100 000 × 2 % = 2 000; advance 80 000; interest 80 000 × 15 % × 60/360
    // = 2 000; cost 4 000 = 4 % of the invoice; net 76 000; effective 4 000 / 76 000 × 6
    // = 31.579 %.
    let cost = factoring_cost(&factoring("2", "80")).unwrap();
    assert_eq!(
        (cost.commission, cost.interest, cost.total_cost),
        (d("2000"), d("2000"), d("4000"))
    );
    assert_eq!(cost.net_proceeds, d("76000"));
    assert_eq!(cost.cost_for_period_percent, d("4"));
    assert_eq!(cost.effective_annual_percent.round_dp(3), d("31.579"));
}

#[test]
fn factoring_rejects_bad_parameters() {
    check_error(
        factoring_cost(&factoring("100", "80")),
        "commission_percent",
        "invalid `commission_percent`: 100 must be a percentage from 0 to below 100",
    );
    check_error(
        factoring_cost(&factoring("2", "120")),
        "advance_percent",
        "invalid `advance_percent`: 120 must not exceed 100",
    );
}

#[test]
fn early_payment_comparisons_follow_the_seed() {
    // Factoring above: 31.58 % a year, 4 % for the period. A 40 % return on the funds
    // beats it; 3 % inflation over the period does not, 5 % does.
    let cost = factoring_cost(&factoring("2", "80")).unwrap();
    let comparison = compare_early_payment(&(&cost).into(), Some(d("40")), Some(d("3")));
    assert!(comparison.return_on_funds.unwrap().worthwhile);
    assert!(!comparison.inflation.unwrap().worthwhile);
    let comparison = compare_early_payment(&(&cost).into(), None, Some(d("5")));
    assert!(comparison.return_on_funds.is_none());
    assert!(comparison.inflation.unwrap().worthwhile);
}

#[test]
fn wage_deferral_follows_the_seed() {
    // Seed 002: monthly 15 days, fortnightly 7 days; weekly 7 / 2 = 3.5.
    assert_eq!(wage_deferral_days(PayFrequency::Monthly).unwrap(), d("15"));
    assert_eq!(
        wage_deferral_days(PayFrequency::Fortnightly).unwrap(),
        d("7")
    );
    assert_eq!(
        wage_deferral_days(PayFrequency::EveryDays(d("7"))).unwrap(),
        d("3.5")
    );
    check_error(
        wage_deferral_days(PayFrequency::EveryDays(d("-7"))),
        "interval_days",
        "invalid `interval_days`: -7 must not be negative",
    );
}

#[test]
fn express_payables_matches_the_catalogue_ratio() {
    // 50 / (½ × 3 650 / 365) = 50 / 5 = 10 days, by the calculator and by the catalogue.
    let days = express_payables_days(d("50"), d("3650"), DaysInYear::Days365).unwrap();
    assert_eq!(days, d("10"));
    let mut statements = Statements::new(Entity::company("Test"), Unit::units("RUB"));
    let year = Period::year(2001);
    statements.set(year, LineItem::TradePayables, d("50"));
    statements.set(year, LineItem::Revenue, d("3650"));
    let config = EvalConfig {
        days_in_year: DaysInYear::Days365,
        ..EvalConfig::default()
    };
    let ratio = RatioId::PAYABLES_DAYS_EXPRESS.ratio();
    assert_eq!(ratio.evaluate(&statements, year, &config).unwrap(), days);
}

#[test]
fn chronological_mean_of_quarterly_balances() {
    // Seed 002: quarterly balances give five sums divided by four:
    // (100/2 + 120 + 140 + 110 + 130/2) / 4 = 485 / 4 = 121.25.
    let values = ["100", "120", "140", "110", "130"].map(d);
    assert_eq!(chronological_mean(&values).unwrap(), d("121.25"));
    // Two dates: the simple average of opening and closing.
    assert_eq!(chronological_mean(&[d("10"), d("20")]).unwrap(), d("15"));
    let error = chronological_mean(&[d("10")]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid `values`: 1 values given, at least 2 needed"
    );
}

#[test]
fn chronological_mean_of_an_item_over_quarters() {
    let mut statements = Statements::new(Entity::company("Test"), Unit::units("RUB"));
    let quarters: Vec<Period> = (1..=4)
        .map(|quarter| Period::quarter(2001, quarter).unwrap())
        .collect();
    for (quarter, value) in quarters.iter().zip(["10", "20", "30", "40"]) {
        statements.set(*quarter, LineItem::Inventories, d(value));
    }
    // (10/2 + 20 + 30 + 40/2) / 3 = 75 / 3 = 25.
    let mean = chronological_mean_of_item(&statements, LineItem::Inventories, &quarters).unwrap();
    assert_eq!(mean, d("25"));
    let error =
        chronological_mean_of_item(&statements, LineItem::Receivables, &quarters).unwrap_err();
    assert_eq!(error.to_string(), "receivables is missing in 2001Q1");
}

#[test]
fn deposit_share_and_amount() {
    // Balances 20, 30, 40 over last year's quarter with revenue 300:
    // chronological mean (10 + 30 + 20) / 2 = 30 → 10 %; arithmetic mean 30 → 10 %;
    // 10 % of an expected 360 = 36.
    let balances = ["20", "30", "40"].map(d);
    let share = deposit_share(&balances, Mean::Chronological, d("300"), Some(d("360"))).unwrap();
    assert_eq!(
        (share.average_balance, share.share_percent),
        (d("30"), d("10"))
    );
    assert_eq!(share.depositable_amount, Some(d("36")));
    // Balances 10, 50, 30: chronological (5 + 50 + 15) / 2 = 35; arithmetic 90 / 3 = 30.
    let balances = ["10", "50", "30"].map(d);
    let chronological = deposit_share(&balances, Mean::Chronological, d("350"), None).unwrap();
    let arithmetic = deposit_share(&balances, Mean::Arithmetic, d("350"), None).unwrap();
    assert_eq!(chronological.share_percent, d("10"));
    assert_eq!(arithmetic.average_balance, d("30"));
    check_error(
        deposit_share(&balances, Mean::Chronological, d("0"), None),
        "revenue_of_period",
        "invalid `revenue_of_period`: 0 must be positive",
    );
}

#[test]
fn deposit_income_grows_with_compounding_frequency() {
    // 100 000 at 12 % for 12 months: simple 12 000; annually 12 000;
    // semiannually 1.06² = 1.1236 → 12 360; quarterly 1.03⁴ = 1.12550881 → 12 550.881;
    // monthly 1.01¹² = 1.126825030131969720661201 → 12 682.50301319697...
    let income = |compounding| {
        deposit_income(d("100000"), d("12"), 12, compounding)
            .unwrap()
            .income
    };
    assert_eq!(income(Compounding::AtMaturity), d("12000"));
    assert_eq!(income(Compounding::Annually), d("12000"));
    assert_eq!(income(Compounding::SemiAnnually), d("12360"));
    assert_eq!(income(Compounding::Quarterly), d("12550.881"));
    assert_eq!(income(Compounding::Monthly).round_dp(6), d("12682.503013"));
    check_error(
        deposit_income(d("100000"), d("12"), 4, Compounding::SemiAnnually),
        "term_months",
        "invalid `term_months`: 4 must be a whole number of compounding periods of 6 months",
    );
}

#[test]
fn policy_bands_classify_at_their_limits() {
    let bands = PolicyBands::new("bands", d("45"), d("50")).unwrap();
    assert_eq!(bands.classify(d("44.99")), Policy::Conservative);
    assert_eq!(bands.classify(d("45")), Policy::Moderate);
    assert_eq!(bands.classify(d("49.99")), Policy::Moderate);
    assert_eq!(bands.classify(d("50")), Policy::Aggressive);
    check_error(
        PolicyBands::new("current_asset_share_percent", d("50"), d("45")),
        "current_asset_share_percent",
        "invalid `current_asset_share_percent`: 45 (aggressive from) must not be below the conservative limit 50",
    );
}

#[test]
fn disagreeing_asset_indicators_make_a_moderate_policy() {
    let config = PolicyConfig {
        turnover_days: Some(PolicyBands::new("turnover_days", d("30"), d("90")).unwrap()),
        ..PolicyConfig::default()
    };
    let agree = current_asset_policy(d("60"), Some(d("120")), &config);
    assert_eq!(
        (agree.by_turnover, agree.policy),
        (Some(Policy::Aggressive), Policy::Aggressive)
    );
    let disagree = current_asset_policy(d("60"), Some(d("20")), &config);
    assert_eq!(
        (disagree.by_share, disagree.policy),
        (Policy::Aggressive, Policy::Moderate)
    );
}

#[test]
fn policies_are_assessed_from_statements() {
    // Current assets 600 of 1 100 (54.5 %): aggressive; short-term debt 20 of 1 100
    // (1.8 %): conservative; Table 8: not compatible.
    let mut statements = Statements::new(Entity::company("Test"), Unit::units("RUB"));
    let year = Period::year(2001);
    for (item, value) in [
        (LineItem::CurrentAssets, "600"),
        (LineItem::TotalAssets, "1100"),
        (LineItem::ShortTermDebt, "20"),
    ] {
        statements.set(year, item, d(value));
    }
    let assessment = assess_policies(&statements, year, &WorkingCapitalConfig::default());
    assert_eq!(assessment.assets.unwrap().policy, Policy::Aggressive);
    assert_eq!(assessment.liabilities.unwrap(), Policy::Conservative);
    assert_eq!(assessment.combined.unwrap(), CombinedPolicy::NotCompatible);
    // The turnover is not computable (no inventories), which does not matter here.
    assert!(assessment.turnover_days.is_err());
}

#[test]
fn financial_operating_needs_from_statements() {
    // Broad: 600 − 350 = 250, 250 / 1 000 = 25 %, × 360 = 90 days.
    // Narrow: 200 + 250 − 150 = 300, 30 %, 108 days. Economic return: 200 / 1 100.
    let mut statements = Statements::new(Entity::company("Test"), Unit::units("RUB"));
    let year = Period::year(2001);
    for (item, value) in [
        (LineItem::CurrentAssets, "600"),
        (LineItem::CurrentLiabilities, "350"),
        (LineItem::Inventories, "200"),
        (LineItem::Receivables, "250"),
        (LineItem::TradePayables, "150"),
        (LineItem::Revenue, "1000"),
        (LineItem::OperatingResult, "200"),
        (LineItem::TotalAssets, "1100"),
    ] {
        statements.set(year, item, d(value));
    }
    let value = |id: RatioId| {
        id.ratio()
            .evaluate(&statements, year, &EvalConfig::default())
            .unwrap()
    };
    assert_eq!(value(RatioId::FINANCIAL_OPERATING_NEEDS_BROAD), d("250"));
    assert_eq!(
        value(RatioId::FINANCIAL_OPERATING_NEEDS_BROAD_TO_REVENUE),
        d("0.25")
    );
    assert_eq!(
        value(RatioId::FINANCIAL_OPERATING_NEEDS_BROAD_DAYS),
        d("90")
    );
    assert_eq!(value(RatioId::FINANCIAL_OPERATING_NEEDS_NARROW), d("300"));
    assert_eq!(
        value(RatioId::FINANCIAL_OPERATING_NEEDS_NARROW_TO_REVENUE),
        d("0.3")
    );
    assert_eq!(
        value(RatioId::FINANCIAL_OPERATING_NEEDS_NARROW_DAYS),
        d("108")
    );
    assert_eq!(
        value(RatioId::ECONOMIC_RETURN_ON_ASSETS).round_dp(4),
        d("0.1818")
    );
    for id in WORKING_CAPITAL_RATIOS {
        assert_eq!(id.ratio().id, id);
    }
}

/// Extreme but valid parameters: results beyond a Decimal's range are an overflow
/// error naming the calculation, never a panic.
#[test]
fn extreme_parameters_overflow_without_panicking() {
    let tiny = d("0.0000000000000000000000001");
    let overflow = |result: Result<(), WorkingCapitalError>, calculation: &'static str| {
        assert_eq!(result, Err(WorkingCapitalError::Overflow(calculation)));
    };
    // A discount of (36 000 − 1e-20) / 36 000 leaves proceeds of about 2.8e-25, so
    // discount / proceeds × 360 / 1 day × 100 is about 1.3e29.
    let result = discount_bill(&BillInput {
        face_value: Decimal::ONE,
        discount_rate_percent: d("35999.99999999999999999999"),
        days_to_maturity: Decimal::ONE,
        days_in_year: DaysInYear::Days360,
    });
    overflow(result.map(|_| ()), "bill discount");
    // Commission 99.99…% leaves 1e-25 of net proceeds; the annual rate divides by it.
    let result = factoring_cost(&FactoringInput {
        invoice_amount: Decimal::ONE,
        commission_percent: d("99.99999999999999999999999"),
        advance_percent: Decimal::ONE_HUNDRED,
        interest_rate_percent: Decimal::ZERO,
        days_early: tiny,
        days_in_year: DaysInYear::Days360,
    });
    overflow(result.map(|_| ()), "factoring cost");
    let result = supplier_deferral(&DeferralInput {
        monthly_turnover: d("1e27"),
        monthly_purchases: tiny,
        ..firm(1, 1)
    });
    overflow(result.map(|_| ()), "supplier deferral");
    let result = cash_discount_cost(&CashDiscountInput {
        discount_percent: d("99.9999999"),
        discount_days: Decimal::ZERO,
        payment_term_days: tiny,
        bank_rate_percent: Decimal::ONE,
        days_in_year: DaysInYear::Days360,
    });
    overflow(result.map(|_| ()), "cash discount cost");
    let balances = [d("1e27"), d("1e27")];
    let result = deposit_share(&balances, Mean::Chronological, tiny, None);
    overflow(result.map(|_| ()), "deposit share");
    let result = deposit_income(Decimal::ONE, d("1e27"), u32::MAX, Compounding::AtMaturity);
    overflow(result.map(|_| ()), "deposit income");
}

fn indicators(assets: &str, credit: &str, turnover: Option<&str>) -> PolicyIndicators {
    PolicyIndicators {
        current_asset_share_percent: d(assets),
        short_term_credit_share_percent: d(credit),
        turnover_days: turnover.map(d),
    }
}

#[test]
fn policy_indicators_are_shares_and_days() {
    let config = PolicyConfig::default();
    check_error(
        classify_policies(&indicators("-5", "5", None), &config),
        "current_asset_share_percent",
        "invalid `current_asset_share_percent`: -5 must be a share from 0 to 100 percent",
    );
    check_error(
        classify_policies(&indicators("50", "100.5", None), &config),
        "short_term_credit_share_percent",
        "invalid `short_term_credit_share_percent`: 100.5 must be a share from 0 to 100 percent",
    );
    check_error(
        classify_policies(&indicators("50", "5", Some("-30")), &config),
        "turnover_days",
        "invalid `turnover_days`: -30 must not be negative",
    );
    // The ends of the range are shares; 54.55 % and 5 % are Table 7's first column.
    for (assets, credit) in [("0", "100"), ("100", "0")] {
        assert!(classify_policies(&indicators(assets, credit, Some("0")), &config).is_ok());
    }
    let policies = classify_policies(&indicators("54.55", "5", None), &config).unwrap();
    assert_eq!(
        (
            policies.assets.policy,
            policies.liabilities,
            policies.combined
        ),
        (
            Policy::Aggressive,
            Policy::Conservative,
            CombinedPolicy::NotCompatible
        )
    );
    check_error(
        PolicyBands::shares("asset_share_bands", d("-1"), d("50")),
        "asset_share_bands",
        "invalid `asset_share_bands`: -1 must be a share from 0 to 100 percent",
    );
    check_error(
        PolicyBands::shares("credit_share_bands", d("10"), d("150")),
        "credit_share_bands",
        "invalid `credit_share_bands`: 150 must be a share from 0 to 100 percent",
    );
}
