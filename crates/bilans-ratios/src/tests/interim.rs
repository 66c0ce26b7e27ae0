//! Ratios over interim periods: days per period, annualisation, opening balances by
//! date, and annual and interim columns side by side.

use bilans_model::{Date, Entity, FiscalPart, LineItem, Period, Statements, Unit};
use rust_decimal::Decimal;

use crate::tests::Named;
use crate::{Basis, DaysInYear, EvalConfig, NotComputable, RatioId, evaluate_all};

fn quarter(year: i32, quarter: u8) -> Period {
    Period::quarter(year, quarter).unwrap()
}

fn data(rows: &[(Period, LineItem, i64)]) -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
    for (period, item, value) in rows {
        statements.set(*period, *item, Decimal::from(*value));
    }
    statements
}

/// Ratio `id` of `period` evaluated and as a formula.
fn check(
    id: RatioId,
    statements: &Statements,
    period: Period,
    config: &EvalConfig,
    value: &str,
    formula: &str,
) {
    let ratio = id.ratio();
    assert_eq!(
        ratio.evaluate(statements, period, config).unwrap(),
        value.parse::<Decimal>().unwrap(),
        "{id} {period}"
    );
    assert_eq!(
        ratio
            .excel_formula(period, config, &Named(statements))
            .unwrap(),
        formula,
        "{id} {period}"
    );
}

fn average() -> EvalConfig {
    EvalConfig {
        basis: Basis::Average,
        ..EvalConfig::default()
    }
}

#[test]
fn turnover_days_of_a_quarter_use_the_quarters_days() {
    let q1 = quarter(2024, 1);
    let statements = data(&[
        (q1, LineItem::Receivables, 50),
        (q1, LineItem::Revenue, 150),
    ]);
    // 50 / 150 × 90 = 30 (360 × 3 / 12 days); × 91.25 (365 × 3 / 12) = 30.41666…
    check(
        RatioId::RECEIVABLES_DAYS,
        &statements,
        q1,
        &EvalConfig::default(),
        "30",
        "=receivables_2024Q1*90/revenue_2024Q1",
    );
    let days365 = EvalConfig {
        days_in_year: DaysInYear::Days365,
        ..EvalConfig::default()
    };
    assert_eq!(days365.days_in_period(q1).unwrap(), Decimal::new(9125, 2));
    // Annualised, the revenue is a year's (× 12 / 3) and the days are a year's: the
    // same turnover period.
    let annualised = EvalConfig {
        annualise: true,
        ..EvalConfig::default()
    };
    check(
        RatioId::RECEIVABLES_DAYS,
        &statements,
        q1,
        &annualised,
        "30",
        "=receivables_2024Q1*360/(revenue_2024Q1*12/3)",
    );
    let nine_months = Period::nine_months(2024);
    assert_eq!(
        days365.days_in_period(nine_months).unwrap(),
        Decimal::new(27375, 2)
    );
    let range = Period::day_range(
        Date::new(2024, 1, 1).unwrap(),
        Date::new(2024, 2, 15).unwrap(),
        12,
    )
    .unwrap();
    assert_eq!(days365.days_in_period(range).unwrap(), Decimal::from(46));
}

#[test]
fn return_on_equity_of_a_quarter_annualised_or_not() {
    let q1 = quarter(2024, 1);
    let statements = data(&[(q1, LineItem::NetIncome, 5), (q1, LineItem::Equity, 100)]);
    check(
        RatioId::RETURN_ON_EQUITY,
        &statements,
        q1,
        &EvalConfig::default(),
        "0.05",
        "=net_income_2024Q1/equity_2024Q1",
    );
    let annualised = EvalConfig {
        annualise: true,
        ..EvalConfig::default()
    };
    check(
        RatioId::RETURN_ON_EQUITY,
        &statements,
        q1,
        &annualised,
        "0.2",
        "=(net_income_2024Q1*12/3)/equity_2024Q1",
    );
    // A year is never scaled.
    let year = data(&[
        (Period::year(2024), LineItem::NetIncome, 5),
        (Period::year(2024), LineItem::Equity, 100),
    ]);
    check(
        RatioId::RETURN_ON_EQUITY,
        &year,
        Period::year(2024),
        &annualised,
        "0.05",
        "=net_income_2024/equity_2024",
    );
}

#[test]
fn average_balances_of_a_quarter_open_at_the_previous_quarter_end() {
    let (q4, q1) = (quarter(2023, 4), quarter(2024, 1));
    let statements = data(&[
        (Period::year(2023), LineItem::Equity, 90),
        (q4, LineItem::Equity, 100),
        (q1, LineItem::Equity, 200),
        (q1, LineItem::NetIncome, 15),
    ]);
    // 15 / ((100 + 200) / 2) = 0.1: the previous quarter's column is preferred.
    check(
        RatioId::RETURN_ON_EQUITY,
        &statements,
        q1,
        &average(),
        "0.1",
        "=net_income_2024Q1/((equity_2023Q4+equity_2024Q1)/2)",
    );
    // Without it, the balance at 31 December 2023 comes from the year's column.
    let mut yearly = statements.clone();
    yearly.periods.remove(&q4);
    check(
        RatioId::RETURN_ON_EQUITY,
        &yearly,
        q1,
        &average(),
        "0.1034482758620689655172413793",
        "=net_income_2024Q1/((equity_2023+equity_2024Q1)/2)",
    );
    // A balance at another date is no opening balance.
    let mut elsewhere = yearly.clone();
    elsewhere.periods.remove(&Period::year(2023));
    elsewhere.set(quarter(2023, 3), LineItem::Equity, Decimal::from(80));
    let reason = RatioId::RETURN_ON_EQUITY
        .ratio()
        .evaluate(&elsewhere, q1, &average())
        .unwrap_err();
    assert_eq!(
        reason,
        NotComputable::NoOpeningBalance {
            item: LineItem::Equity,
            period: q1,
        }
    );
    assert_eq!(
        reason.to_string(),
        "no opening balance: equity for 2023Q4 is missing, so its average for 2024Q1 is unknown"
    );
}

#[test]
fn average_balances_of_a_march_fiscal_year_open_at_the_previous_march() {
    let this_year = Period::fiscal_year_ending(2024, 3).unwrap();
    let last_year = Period::fiscal_year_ending(2023, 3).unwrap();
    let statements = data(&[
        (Period::year(2023), LineItem::Equity, 1_000),
        (last_year, LineItem::Equity, 100),
        (this_year, LineItem::Equity, 300),
        (this_year, LineItem::NetIncome, 20),
    ]);
    // 20 / ((100 + 300) / 2) = 0.1; the calendar year-end balance is not the opening.
    let ratio = RatioId::RETURN_ON_EQUITY.ratio();
    assert_eq!(
        ratio.evaluate(&statements, this_year, &average()).unwrap(),
        Decimal::new(1, 1)
    );
}

#[test]
fn nine_months_and_second_halves_open_at_their_first_day() {
    let h1 = Period::half_year(2024, 1).unwrap();
    let h2 = Period::half_year(2024, 2).unwrap();
    let nine_months = Period::nine_months(2024);
    let statements = data(&[
        (Period::year(2023), LineItem::Equity, 100),
        (h1, LineItem::Equity, 140),
        (h2, LineItem::Equity, 160),
        (h2, LineItem::NetIncome, 15),
        (nine_months, LineItem::Equity, 200),
        (nine_months, LineItem::NetIncome, 15),
    ]);
    check(
        RatioId::RETURN_ON_EQUITY,
        &statements,
        h2,
        &average(),
        "0.1",
        "=net_income_H2 2024/((equity_H1 2024+equity_H2 2024)/2)",
    );
    check(
        RatioId::RETURN_ON_EQUITY,
        &statements,
        nine_months,
        &average(),
        "0.1",
        "=net_income_9M 2024/((equity_2023+equity_9M 2024)/2)",
    );
    // Chronologically, the first half's interim quarter-end is missing; with it, the
    // mean runs over 31 December, 31 March and 30 June.
    let chronological = EvalConfig {
        basis: Basis::Chronological,
        ..EvalConfig::default()
    };
    let mut with_h1_income = statements.clone();
    with_h1_income.set(h1, LineItem::NetIncome, Decimal::from(12));
    check(
        RatioId::RETURN_ON_EQUITY,
        &with_h1_income,
        h1,
        &chronological,
        "0.1",
        "=net_income_H1 2024/((equity_2023+equity_H1 2024)/2)",
    );
    with_h1_income.set(quarter(2024, 1), LineItem::Equity, Decimal::from(110));
    // (100/2 + 110 + 140/2) / 2 = 115; 12 / 115.
    check(
        RatioId::RETURN_ON_EQUITY,
        &with_h1_income,
        h1,
        &chronological,
        "0.1043478260869565217391304348",
        "=net_income_H1 2024/((equity_2023/2+equity_2024Q1+equity_H1 2024/2)/2)",
    );
}

#[test]
fn a_balance_date_has_balances_but_no_flows() {
    let instant = Period::instant(Date::new(2024, 7, 1).unwrap(), 12).unwrap();
    let statements = data(&[
        (instant, LineItem::CurrentAssets, 150),
        (instant, LineItem::CurrentLiabilities, 100),
        (instant, LineItem::NetIncome, 5),
        (instant, LineItem::Equity, 100),
    ]);
    for config in [EvalConfig::default(), average()] {
        check(
            RatioId::CURRENT_RATIO,
            &statements,
            instant,
            &config,
            "1.5",
            "=current_assets_2024-07-01/current_liabilities_2024-07-01",
        );
        assert_eq!(
            RatioId::RETURN_ON_EQUITY
                .ratio()
                .evaluate(&statements, instant, &config),
            Err(NotComputable::NoDuration { period: instant })
        );
    }
}

#[test]
fn annual_and_interim_columns_ending_the_same_day_are_analysed_apart() {
    let (year, q4, h2) = (
        Period::year(2024),
        quarter(2024, 4),
        Period::half_year(2024, 2).unwrap(),
    );
    let statements = data(&[
        (Period::year(2023), LineItem::Equity, 100),
        (quarter(2024, 3), LineItem::Equity, 100),
        (Period::half_year(2024, 1).unwrap(), LineItem::Equity, 100),
        (year, LineItem::NetIncome, 40),
        (q4, LineItem::NetIncome, 10),
        (h2, LineItem::NetIncome, 20),
        (year, LineItem::Equity, 300),
        (q4, LineItem::Equity, 300),
        (h2, LineItem::Equity, 300),
    ]);
    let table = evaluate_all(&statements, &average());
    let row = table.row(RatioId::RETURN_ON_EQUITY).unwrap();
    let values: Vec<(String, Result<Decimal, NotComputable>)> = row
        .values
        .iter()
        .filter(|(period, _)| period.end() == year.end())
        .map(|(period, value)| (period.to_string(), value.clone()))
        .collect();
    assert_eq!(
        values,
        [
            ("2024Q4".to_owned(), Ok(Decimal::new(5, 2))),
            ("H2 2024".to_owned(), Ok(Decimal::new(1, 1))),
            ("2024".to_owned(), Ok(Decimal::new(2, 1))),
        ]
    );
    let fiscal_quarter = Period::fiscal(2025, 3, FiscalPart::Quarter(3)).unwrap();
    assert_eq!(fiscal_quarter.end(), year.end());
    assert_ne!(fiscal_quarter, q4);
}

#[test]
fn outputs_state_whether_interim_ratios_are_annualised() {
    let q1 = quarter(2024, 1);
    let interim = data(&[(q1, LineItem::NetIncome, 5), (q1, LineItem::Equity, 100)]);
    let annual = data(&[(Period::year(2024), LineItem::Equity, 100)]);
    let note = |statements: &Statements, annualise| {
        let config = EvalConfig {
            annualise,
            ..EvalConfig::default()
        };
        let analysis = crate::analysis::analyse(statements, &config);
        let markdown = crate::render::analysis_markdown(&analysis);
        let line = markdown
            .lines()
            .find(|line| line.starts_with("- Interim periods: "))
            .map(str::to_owned);
        assert_eq!(analysis.interim_note().is_some(), line.is_some());
        line
    };
    assert_eq!(
        note(&interim, false).as_deref(),
        Some("- Interim periods: not annualised (ratios are for the period's months)")
    );
    assert_eq!(
        note(&interim, true).as_deref(),
        Some("- Interim periods: annualised (flows × 12 / months, or × days in year / days)")
    );
    assert_eq!(note(&annual, false), None);
}
