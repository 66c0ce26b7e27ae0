//! Unit tests of the distress models.
//!
//! No model is checked on a published worked example: none of the primary texts, nor
//! the anchors, gives one with every input. Each model is instead recomputed here from
//! the raw amounts of one invented firm, by hand-written Decimal arithmetic that does
//! not call the engine's expressions, and its zone boundaries, reasons for not being
//! computable and behaviour at the ends of the decimal range are checked.

use std::str::FromStr;

use bilans_model::{Entity, LineItem, Period, Statements, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::distress::{DistressId, DistressModel, evaluate_all_models, ladder_zone, models};
use crate::{Basis, EvalConfig, NotComputable, Rounding};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn year() -> Period {
    Period::year(2024)
}

fn previous_year() -> Period {
    Period::year(2023)
}

/// An invented firm in 2023 and 2024 (by-function income statement, all inputs every
/// model needs).
fn firm() -> Statements {
    use LineItem::*;
    let mut statements = Statements::new(Entity::company("Firm"), Unit::thousands("PLN"));
    let rows_2024: [(LineItem, &str); 25] = [
        (TotalAssets, "1000"),
        (FixedAssets, "600"),
        (CurrentAssets, "400"),
        (Inventories, "100"),
        (Receivables, "150"),
        (CashAndEquivalents, "60"),
        (ShortTermInvestments, "20"),
        (Equity, "500"),
        (RetainedEarnings, "150"),
        (TotalLiabilities, "500"),
        (LongTermLiabilities, "300"),
        (CurrentLiabilities, "200"),
        (TradePayables, "120"),
        (Revenue, "1500"),
        (CostOfSales, "1100"),
        (SellingExpenses, "100"),
        (AdministrativeExpenses, "80"),
        (SalesResult, "220"),
        (OtherOperatingIncome, "10"),
        (FinancialIncome, "5"),
        (InterestExpense, "20"),
        (ProfitBeforeTax, "80"),
        (NetIncome, "64"),
        (DepreciationAndAmortisation, "50"),
        (MarketCapitalisation, "800"),
    ];
    for (item, value) in rows_2024 {
        statements.set(year(), item, d(value));
    }
    let rows_2023: [(LineItem, &str); 4] = [
        (TotalAssets, "900"),
        (CurrentLiabilities, "180"),
        (Revenue, "1200"),
        (NetIncome, "-30"),
    ];
    for (item, value) in rows_2023 {
        statements.set(previous_year(), item, d(value));
    }
    statements
}

/// The firm's 2024 amounts, for the hand computations.
struct Amounts {
    total_assets: Decimal,
    fixed_assets: Decimal,
    current_assets: Decimal,
    inventories: Decimal,
    receivables: Decimal,
    cash: Decimal,
    short_term_investments: Decimal,
    equity: Decimal,
    retained_earnings: Decimal,
    total_liabilities: Decimal,
    long_term_liabilities: Decimal,
    current_liabilities: Decimal,
    trade_payables: Decimal,
    revenue: Decimal,
    cost_of_sales: Decimal,
    selling: Decimal,
    administrative: Decimal,
    sales_result: Decimal,
    other_operating_income: Decimal,
    financial_income: Decimal,
    interest: Decimal,
    profit_before_tax: Decimal,
    net_income: Decimal,
    depreciation: Decimal,
    market_capitalisation: Decimal,
    total_assets_2023: Decimal,
    current_liabilities_2023: Decimal,
}

fn amounts() -> Amounts {
    Amounts {
        total_assets: d("1000"),
        fixed_assets: d("600"),
        current_assets: d("400"),
        inventories: d("100"),
        receivables: d("150"),
        cash: d("60"),
        short_term_investments: d("20"),
        equity: d("500"),
        retained_earnings: d("150"),
        total_liabilities: d("500"),
        long_term_liabilities: d("300"),
        current_liabilities: d("200"),
        trade_payables: d("120"),
        revenue: d("1500"),
        cost_of_sales: d("1100"),
        selling: d("100"),
        administrative: d("80"),
        sales_result: d("220"),
        other_operating_income: d("10"),
        financial_income: d("5"),
        interest: d("20"),
        profit_before_tax: d("80"),
        net_income: d("64"),
        depreciation: d("50"),
        market_capitalisation: d("800"),
        total_assets_2023: d("900"),
        current_liabilities_2023: d("180"),
    }
}

/// The independent recomputation of each model's 2024 score for the firm.
fn expected_score(id: DistressId) -> Decimal {
    let a = amounts();
    let ta = a.total_assets;
    let wc = a.current_assets - a.current_liabilities;
    let ebit = a.profit_before_tax + a.interest;
    let operating_costs = a.cost_of_sales + a.selling + a.administrative;
    let average_ta = (a.total_assets_2023 + a.total_assets) / d("2");
    let average_cl = (a.current_liabilities_2023 + a.current_liabilities) / d("2");
    let hundred = d("100");
    match id {
        DistressId::ALTMAN_Z_1968 => {
            d("1.2") * (wc / ta)
                + d("1.4") * (a.retained_earnings / ta)
                + d("3.3") * (ebit / ta)
                + d("0.6") * (a.market_capitalisation / a.total_liabilities)
                + d("1.0") * (a.revenue / ta)
        }
        DistressId::ALTMAN_Z_PRIME_1983 => {
            d("0.717") * (wc / ta)
                + d("0.847") * (a.retained_earnings / ta)
                + d("3.107") * (ebit / ta)
                + d("0.420") * (a.equity / a.total_liabilities)
                + d("0.998") * (a.revenue / ta)
        }
        DistressId::ALTMAN_Z_DOUBLE_PRIME_1995 => {
            d("6.56") * (wc / ta)
                + d("3.26") * (a.retained_earnings / ta)
                + d("6.72") * (ebit / ta)
                + d("1.05") * (a.equity / a.total_liabilities)
        }
        DistressId::SPRINGATE_1978 => {
            d("1.03") * (wc / ta)
                + d("3.07") * (ebit / ta)
                + d("0.66") * (a.profit_before_tax / a.current_liabilities)
                + d("0.4") * (a.revenue / ta)
        }
        DistressId::TAFFLER_1977 => {
            d("0.53") * (a.profit_before_tax / a.current_liabilities)
                + d("0.13") * (a.current_assets / a.total_liabilities)
                + d("0.18") * (a.current_liabilities / ta)
                + d("0.16") * (a.revenue / ta)
        }
        DistressId::TAFFLER_1983 => {
            let daily_costs = (operating_costs - a.depreciation) / d("365");
            let no_credit_interval =
                (a.current_assets - a.inventories - a.current_liabilities) / daily_costs;
            d("3.20")
                + d("12.18") * (a.profit_before_tax / a.current_liabilities)
                + d("2.50") * (a.current_assets / a.total_liabilities)
                - d("10.68") * (a.current_liabilities / ta)
                + d("0.029") * no_credit_interval
        }
        DistressId::MACZYNSKA_1994 => {
            d("1.5") * ((a.profit_before_tax + a.depreciation) / a.total_liabilities)
                + d("0.08") * (ta / a.total_liabilities)
                + d("10") * (a.profit_before_tax / ta)
                + d("5") * (a.profit_before_tax / a.revenue)
                + d("0.3") * (a.inventories / a.revenue)
                + d("0.1") * (a.revenue / ta)
        }
        DistressId::GAJDKA_STOS_1996 => {
            d("0.7732059") - d("0.0856425") * (a.revenue / ta)
                + d("0.0007747") * (a.current_liabilities / a.cost_of_sales * d("360"))
                + d("0.9220985") * (a.net_income / ta)
                + d("0.6535995") * (a.profit_before_tax / a.revenue)
                - d("0.594687") * (a.total_liabilities / ta)
        }
        DistressId::HOLDA_2001 => {
            let total_income = a.revenue + a.other_operating_income + a.financial_income;
            d("0.605") + d("0.681") * (a.current_assets / a.current_liabilities)
                - d("0.0196") * (a.total_liabilities / ta * hundred)
                + d("0.00969") * (a.net_income / average_ta * hundred)
                + d("0.000672") * (average_cl / a.cost_of_sales * d("360"))
                + d("0.157") * (total_income / average_ta)
        }
        DistressId::POZNANSKI_2004 => {
            d("-2.368")
                + d("3.562") * (a.net_income / ta)
                + d("1.588") * ((a.current_assets - a.inventories) / a.current_liabilities)
                + d("4.288") * ((a.equity + a.long_term_liabilities) / ta)
                + d("6.719") * (a.sales_result / a.revenue)
        }
        DistressId::PRUSAK_BP2_2005 => {
            d("-1.8713")
                + d("1.4383") * ((a.net_income + a.depreciation) / a.total_liabilities)
                + d("0.1878") * (operating_costs / a.current_liabilities)
                + d("5.0229") * (a.sales_result / ta)
        }
        DistressId::HADASIK_1998 => {
            d("2.59323") + d("0.335969") * (a.current_assets / a.current_liabilities)
                - d("0.71245") * ((a.current_assets - a.inventories) / a.current_liabilities)
                - d("2.4716") * (a.total_liabilities / ta)
                + d("1.46434") * (wc / ta)
                + d("0.00246069") * (a.receivables * d("365") / a.revenue)
                - d("0.0138937") * (a.inventories * d("365") / a.revenue)
                + d("0.00243387") * (a.net_income / a.inventories)
        }
        DistressId::SAIFULLIN_KADYKOV_1996 => {
            d("2") * ((a.equity - a.fixed_assets) / a.current_assets)
                + d("0.1") * (a.current_assets / a.current_liabilities)
                + d("0.08") * (a.revenue / average_ta)
                + d("0.45") * (a.sales_result / a.revenue)
                + a.net_income / a.equity
        }
        DistressId::ZAITSEVA_1998 => {
            // A profit: the loss ratios K1 and K4 are 0.
            d("0.1") * (a.trade_payables / a.receivables)
                + d("0.2") * (a.current_liabilities / (a.cash + a.short_term_investments))
                + d("0.1") * (a.total_liabilities / a.equity)
                + d("0.1") * (ta / a.revenue)
        }
        DistressId::IGEA_1999 => {
            d("8.38") * (wc / ta)
                + a.net_income / a.equity
                + d("0.054") * (a.revenue / ta)
                + d("0.63") * (a.net_income / operating_costs)
        }
        DistressId::TERESHCHENKO_2003 => {
            d("1.5") * ((a.net_income + a.depreciation) / a.total_liabilities)
                + d("0.08") * (ta / a.total_liabilities)
                + d("10") * (a.net_income / ta)
                + d("5") * (a.net_income / a.revenue)
                + d("0.3") * (a.inventories / a.revenue)
                + d("0.1") * (a.revenue / ta)
        }
        _ => unreachable!("a model without a recomputation: add one"),
    }
}

/// The expected zones for the firm in 2024, from the scores above (checked by hand
/// against each model's cut-offs).
const EXPECTED_ZONES: &[(DistressId, &str)] = &[
    (DistressId::ALTMAN_Z_1968, "safe zone"),
    (DistressId::ALTMAN_Z_PRIME_1983, "grey zone"),
    (DistressId::ALTMAN_Z_DOUBLE_PRIME_1995, "safe zone"),
    (DistressId::SPRINGATE_1978, "not failing"),
    (DistressId::TAFFLER_1977, "low risk"),
    (DistressId::TAFFLER_1983, "solvent"),
    (DistressId::MACZYNSKA_1994, "good"),
    (DistressId::GAJDKA_STOS_1996, "no bankruptcy risk"),
    (DistressId::HOLDA_2001, "no bankruptcy risk"),
    (DistressId::POZNANSKI_2004, "no bankruptcy risk"),
    (DistressId::PRUSAK_BP2_2005, "no bankruptcy risk"),
    (DistressId::HADASIK_1998, "no bankruptcy risk"),
    (DistressId::SAIFULLIN_KADYKOV_1996, "unsatisfactory"),
    (DistressId::ZAITSEVA_1998, "low risk"),
    (DistressId::IGEA_1999, "minimal risk (below 10 %)"),
    (DistressId::TERESHCHENKO_2003, "equilibrium disturbed"),
];

fn evaluate(
    id: DistressId,
    statements: &Statements,
    period: Period,
) -> Result<crate::distress::DistressScore, NotComputable> {
    id.model()
        .evaluate(statements, period, &EvalConfig::default())
}

#[test]
fn every_model_matches_its_independent_recomputation() {
    let statements = firm();
    assert_eq!(EXPECTED_ZONES.len(), DistressId::ALL.len());
    for (id, zone) in EXPECTED_ZONES {
        let score = evaluate(*id, &statements, year()).unwrap();
        let expected = expected_score(*id);
        // Divisions at 28 significant digits may round in another order.
        let gap = (score.score - expected).abs();
        assert!(
            gap < Decimal::new(1, 20),
            "{id}: {} against {expected}",
            score.score
        );
        assert_eq!(
            score.zone.as_ref().copied(),
            Ok(*zone),
            "{id}: score {}",
            score.score
        );
    }
}

/// Spot values computed with pencil and paper, so the recomputation itself is checked.
#[test]
fn spot_scores() {
    let statements = firm();
    let check = |id: DistressId, expected: &str| {
        let score = evaluate(id, &statements, year()).unwrap().score;
        // Thirds are rounded at the 28th digit.
        assert_eq!(score.round_dp(20), d(expected).round_dp(20), "{id}");
    };
    // 1.2 × 0.2 + 1.4 × 0.15 + 3.3 × 0.1 + 0.6 × 1.6 + 1.0 × 1.5.
    check(DistressId::ALTMAN_Z_1968, "3.24");
    // 0.717 × 0.2 + 0.847 × 0.15 + 3.107 × 0.1 + 0.420 × 1 + 0.998 × 1.5.
    check(DistressId::ALTMAN_Z_PRIME_1983, "2.49815");
    // 6.56 × 0.2 + 3.26 × 0.15 + 6.72 × 0.1 + 1.05 × 1.
    check(DistressId::ALTMAN_Z_DOUBLE_PRIME_1995, "3.523");
    // 1.03 × 0.2 + 3.07 × 0.1 + 0.66 × 0.4 + 0.4 × 1.5.
    check(DistressId::SPRINGATE_1978, "1.377");
    // 1.5 × 0.26 + 0.08 × 2 + 10 × 0.08 + 5 × (80 / 1500) + 0.3 × (100 / 1500) + 0.1 × 1.5.
    check(DistressId::MACZYNSKA_1994, "1.7866666666666666666666666667");
}

#[test]
fn the_table_and_the_ids_agree() {
    for (index, model) in models().iter().enumerate() {
        assert_eq!(DistressId::ALL[index], model.id);
        assert_eq!(model.id.model().name, model.name);
        if let crate::distress::Zones::Ladder { cutoffs, names } = &model.zones {
            assert_eq!(names.len(), cutoffs.len() + 1, "{}", model.id);
            assert!(cutoffs.windows(2).all(|pair| pair[0].value < pair[1].value));
        }
        assert!(!model.source.is_empty());
    }
}

#[test]
fn formula_text_names_the_line_items() {
    let cases: &[(DistressId, &str)] = &[
        (
            DistressId::ALTMAN_Z_1968,
            "Z = 1.2 × X1 + 1.4 × X2 + 3.3 × X3 + 0.6 × X4 + 1.0 × X5; X1 = working capital / total assets; X2 = retained earnings / total assets; X3 = EBIT / total assets; X4 = market capitalisation / total liabilities; X5 = revenue / total assets; where working capital = current assets - current liabilities; EBIT = profit before tax + (interest expense, else financial costs); total liabilities = (total liabilities, else total equity and liabilities - equity, else long-term liabilities + current liabilities)",
        ),
        (
            DistressId::GAJDKA_STOS_1996,
            "Z = 0.7732059 - 0.0856425 × X1 + 0.0007747 × X2 + 0.9220985 × X3 + 0.6535995 × X4 - 0.594687 × X5; X1 = revenue / total assets; X2 = current liabilities / cost of sales × 360; X3 = net income / total assets; X4 = profit before tax / revenue; X5 = total liabilities / total assets; where total liabilities = (total liabilities, else total equity and liabilities - equity, else long-term liabilities + current liabilities)",
        ),
        (
            DistressId::ZAITSEVA_1998,
            "Kfact = 0.25 × K1 + 0.1 × K2 + 0.2 × K3 + 0.25 × K4 + 0.1 × K5 + 0.1 × K6; K1 = loss (-net income when negative, else 0) / equity; K2 = trade payables / (receivables, else trade receivables); K3 = current liabilities / (cash and equivalents + short-term investments, where present); K4 = loss (-net income when negative, else 0) / revenue; K5 = total liabilities / equity; K6 = total assets / revenue; where total liabilities = (total liabilities, else total equity and liabilities - equity, else long-term liabilities + current liabilities)",
        ),
    ];
    for (id, expected) in cases {
        assert_eq!(id.model().formula_text(), *expected);
    }
}

fn zone(model: &DistressModel, score: &str) -> &'static str {
    let crate::distress::Zones::Ladder { cutoffs, names } = &model.zones else {
        unreachable!("a ladder")
    };
    ladder_zone(d(score), cutoffs, names)
}

#[test]
fn zone_boundaries() {
    let cases: &[(DistressId, &str, &str)] = &[
        (DistressId::ALTMAN_Z_1968, "1.8099", "distress zone"),
        (DistressId::ALTMAN_Z_1968, "1.81", "grey zone"),
        (DistressId::ALTMAN_Z_1968, "2.99", "grey zone"),
        (DistressId::ALTMAN_Z_1968, "2.9901", "safe zone"),
        (DistressId::ALTMAN_Z_PRIME_1983, "1.2299", "distress zone"),
        (DistressId::ALTMAN_Z_PRIME_1983, "2.90", "grey zone"),
        (DistressId::ALTMAN_Z_DOUBLE_PRIME_1995, "1.10", "grey zone"),
        (
            DistressId::ALTMAN_Z_DOUBLE_PRIME_1995,
            "2.6001",
            "safe zone",
        ),
        (DistressId::SPRINGATE_1978, "0.8619", "failing"),
        (DistressId::SPRINGATE_1978, "0.862", "not failing"),
        (DistressId::TAFFLER_1977, "0.1999", "high risk"),
        (DistressId::TAFFLER_1977, "0.3", "grey zone"),
        (DistressId::MACZYNSKA_1994, "-0.0001", "bankruptcy risk"),
        (DistressId::MACZYNSKA_1994, "0", "weak"),
        (DistressId::MACZYNSKA_1994, "2", "very good"),
        (DistressId::GAJDKA_STOS_1996, "0.4499", "bankruptcy risk"),
        (DistressId::GAJDKA_STOS_1996, "0.45", "no bankruptcy risk"),
        (DistressId::HOLDA_2001, "-0.3", "bankruptcy risk"),
        (DistressId::HOLDA_2001, "0.0999", "grey zone"),
        (DistressId::HOLDA_2001, "0.1", "no bankruptcy risk"),
        (DistressId::PRUSAK_BP2_2005, "-0.7", "grey zone"),
        (DistressId::PRUSAK_BP2_2005, "0.2001", "no bankruptcy risk"),
        (DistressId::POZNANSKI_2004, "-0.0001", "bankruptcy risk"),
        (
            DistressId::SAIFULLIN_KADYKOV_1996,
            "0.9999",
            "unsatisfactory",
        ),
        (DistressId::SAIFULLIN_KADYKOV_1996, "1", "satisfactory"),
        (DistressId::IGEA_1999, "-0.01", "maximum risk (90-100 %)"),
        (DistressId::IGEA_1999, "0.18", "medium risk (35-50 %)"),
        (DistressId::IGEA_1999, "0.42", "low risk (15-20 %)"),
        (DistressId::IGEA_1999, "0.4201", "minimal risk (below 10 %)"),
        (DistressId::TERESHCHENKO_2003, "0.5", "bankruptcy threat"),
    ];
    for (id, score, expected) in cases {
        assert_eq!(zone(id.model(), score), *expected, "{id} at {score}");
    }
}

#[test]
fn zaitseva_norm_uses_the_previous_year_and_a_loss_counts() {
    let mut statements = firm();
    // A loss: K1 = 40 / 500 and K4 = 40 / 1500 enter the score; little cash.
    statements.set(year(), LineItem::NetIncome, d("-40"));
    statements.set(year(), LineItem::CashAndEquivalents, d("10"));
    statements.set(year(), LineItem::ShortTermInvestments, d("0"));
    let score = evaluate(DistressId::ZAITSEVA_1998, &statements, year()).unwrap();
    let a = amounts();
    let expected = d("0.25") * (d("40") / a.equity)
        + d("0.1") * (a.trade_payables / a.receivables)
        + d("0.2") * (a.current_liabilities / d("10"))
        + d("0.25") * (d("40") / a.revenue)
        + d("0.1") * (a.total_liabilities / a.equity)
        + d("0.1") * (a.total_assets / a.revenue);
    assert!((score.score - expected).abs() < Decimal::new(1, 20));
    // The norm: 1.57 + 0.1 × 900 / 1200 = 1.645; the score, about 4.27, is above it.
    assert_eq!(score.zone, Ok("high risk"));
    // In the first year there is no previous year: a score, but no zone.
    let first = evaluate(DistressId::ZAITSEVA_1998, &statements, previous_year());
    assert!(first.is_err(), "2023 lacks most inputs: {first:?}");
    let mut only_2024 = firm();
    only_2024.periods.remove(&previous_year());
    let without_2023 = evaluate(DistressId::ZAITSEVA_1998, &only_2024, year()).unwrap();
    assert_eq!(
        without_2023.zone.unwrap_err().to_string(),
        "the zone's norm needs total assets: total assets is missing in 2023"
    );
    let nine_months = Period::nine_months(2024);
    let mut only_2024 = Statements::new(Entity::company("Q"), Unit::thousands("PLN"));
    for (item, amount) in &firm().periods[&year()] {
        only_2024.set(nine_months, *item, amount.value);
    }
    let alone = evaluate(DistressId::ZAITSEVA_1998, &only_2024, nine_months).unwrap();
    assert_eq!(
        alone.zone.unwrap_err().to_string(),
        "no previous period: the zone's norm needs the period before 9M 2024"
    );
}

#[test]
fn not_computable_names_the_variable_and_what_it_needs() {
    let mut without_market_data = firm();
    without_market_data
        .periods
        .get_mut(&year())
        .unwrap()
        .remove(&LineItem::MarketCapitalisation);
    let cases: Vec<(DistressId, &Statements, Period, &str)> = vec![
        (
            DistressId::ALTMAN_Z_1968,
            &without_market_data,
            year(),
            "X4 needs market capitalisation: market capitalisation is missing in 2024",
        ),
        (
            DistressId::HOLDA_2001,
            &without_market_data,
            previous_year(),
            // Every variable lacking an input is named; the reason is the first one's
            // (2023 holds no opening balance for the averages of X3-X5).
            "X1, X2, X3, X4 and X5 need current assets, total liabilities, total assets and current liabilities: current assets is missing in 2023",
        ),
    ];
    for (id, statements, period, expected) in cases {
        let reason = evaluate(id, statements, period).unwrap_err();
        assert_eq!(reason.to_string(), expected, "{id}");
    }
    let mut without_retained_earnings = without_market_data.clone();
    without_retained_earnings
        .periods
        .get_mut(&year())
        .unwrap()
        .remove(&LineItem::RetainedEarnings);
    let reason = evaluate(
        DistressId::ALTMAN_Z_1968,
        &without_retained_earnings,
        year(),
    )
    .unwrap_err();
    assert_eq!(
        reason.to_string(),
        "X2 and X4 need retained earnings and market capitalisation: retained earnings is missing in 2024"
    );
    // Hołda's averages need the opening balance.
    let mut one_year = firm();
    one_year.periods.remove(&previous_year());
    let reason = evaluate(DistressId::HOLDA_2001, &one_year, year()).unwrap_err();
    assert_eq!(
        reason.to_string(),
        "X3, X4 and X5 need total assets and current liabilities: no opening balance: total assets for 2023 is missing, so its average for 2024 is unknown"
    );
    // A zero denominator is not a missing input.
    let mut no_current_liabilities = firm();
    no_current_liabilities.set(year(), LineItem::CurrentLiabilities, Decimal::ZERO);
    let reason = evaluate(DistressId::SPRINGATE_1978, &no_current_liabilities, year()).unwrap_err();
    assert_eq!(
        reason.to_string(),
        "C is not computable: division by zero: current liabilities is 0 in 2024"
    );
}

#[test]
fn average_basis_is_kept_and_year_end_is_averaged_where_the_source_says() {
    let statements = firm();
    let average = EvalConfig {
        basis: Basis::Average,
        ..EvalConfig::default()
    };
    let year_end = DistressId::HOLDA_2001
        .model()
        .evaluate(&statements, year(), &EvalConfig::default())
        .unwrap();
    let averaged = DistressId::HOLDA_2001
        .model()
        .evaluate(&statements, year(), &average);
    // Under the average basis every balance is averaged, so X1 needs the opening
    // current assets, which the firm lacks.
    assert!(averaged.is_err());
    assert_eq!(year_end.variables[2].0, "X3");
}

#[test]
fn overflow_is_not_computable() {
    let mut statements = Statements::new(Entity::company("Huge"), Unit::thousands("PLN"));
    for item in LineItem::ALL {
        statements.set(year(), item, Decimal::MAX);
    }
    statements.set(year(), LineItem::TotalAssets, Decimal::new(1, 28));
    // A = working capital / total assets is 0 / 1e-28; B's EBIT = profit before tax +
    // interest overflows.
    let reason = evaluate(DistressId::SPRINGATE_1978, &statements, year()).unwrap_err();
    assert_eq!(
        reason.to_string(),
        "B is not computable: arithmetic overflow: a result exceeds the decimal range (about ±7.9e28)"
    );
}

fn extreme() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
        (any::<i64>(), 0u32..=28).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every model on two years of amounts near the ends of the decimal range: a score
    /// or a reason, never a panic.
    #[test]
    fn scores_never_panic(values in proptest::collection::vec(extreme(), 2 * LineItem::ALL.len())) {
        let mut statements = Statements::new(Entity::company("Extreme"), Unit::thousands("PLN"));
        for (index, item) in LineItem::ALL.iter().enumerate() {
            statements.set(previous_year(), *item, values[index]);
            statements.set(year(), *item, values[LineItem::ALL.len() + index]);
        }
        for basis in [Basis::YearEnd, Basis::Average, Basis::Chronological] {
            for rounding in [Rounding::Exact, Rounding::Intermediates { decimals: 2 }] {
                let config = EvalConfig { basis, rounding, ..EvalConfig::default() };
                let rows = evaluate_all_models(&statements, &config);
                prop_assert_eq!(rows.len(), models().len());
            }
        }
    }
}
