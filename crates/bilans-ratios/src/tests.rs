//! Unit and property tests of the ratio engine.

use bilans_model::{Entity, LineItem, Period, Statements, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::{
    Basis, CellRefs, EvalConfig, NotComputable, RatioId, Rounding, catalogue, dupont, find,
};

fn year() -> Period {
    Period::year(2001)
}

fn statements(rows: &[(LineItem, i64)]) -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
    for (item, value) in rows {
        statements.set(year(), *item, Decimal::from(*value));
    }
    statements
}

fn evaluate(
    id: RatioId,
    statements: &Statements,
    config: &EvalConfig,
) -> Result<Decimal, NotComputable> {
    id.ratio().evaluate(statements, year(), config)
}

struct Columns;

/// The rows of the test layout: one per item, from row 2.
const ROWS: [LineItem; 17] = [
    LineItem::TotalAssets,
    LineItem::FixedAssets,
    LineItem::CurrentAssets,
    LineItem::Inventories,
    LineItem::Receivables,
    LineItem::CashAndEquivalents,
    LineItem::OtherCurrentAssets,
    LineItem::Equity,
    LineItem::LongTermLiabilities,
    LineItem::CurrentLiabilities,
    LineItem::ShortTermDebt,
    LineItem::TradePayables,
    LineItem::TotalEquityAndLiabilities,
    LineItem::Revenue,
    LineItem::CostOfSales,
    LineItem::OperatingResult,
    LineItem::NetIncome,
];

impl CellRefs for Columns {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        let column = if period == Period::year(2000) {
            "B"
        } else if period == Period::year(2001) {
            "C"
        } else {
            return None;
        };
        let row = ROWS.iter().position(|candidate| *candidate == item)? + 2;
        Some(format!("{column}{row}"))
    }
}

/// Like [`Columns`], but only for the items the statements hold.
struct PresentColumns<'a>(&'a Statements);

impl CellRefs for PresentColumns<'_> {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        self.0.get(period, item)?;
        Columns.item(item, period)
    }
}

#[test]
fn every_reference_in_the_catalogue_resolves_and_ids_are_unique() {
    assert_eq!(RatioId::ALL.len(), catalogue().len());
    for (index, ratio) in catalogue().iter().enumerate() {
        // The typed id is the ratio's own, at its position, and its name finds it.
        assert_eq!(RatioId::ALL[index], ratio.id);
        assert!(std::ptr::eq(find(ratio.id.name()).unwrap(), ratio));
        assert_eq!(ratio.id.label(), ratio.name);
        assert_eq!(
            catalogue()
                .iter()
                .filter(|other| other.id == ratio.id)
                .count(),
            1,
            "{}",
            ratio.id
        );
        assert!(
            !ratio.formula_text().contains('_'),
            "unresolved reference in {}",
            ratio.id
        );
    }
}

#[test]
fn text_rendering_brackets_only_where_needed() {
    assert_eq!(
        RatioId::RETURN_ON_EQUITY.ratio().formula_text(),
        "net income / equity"
    );
    assert_eq!(
        RatioId::QUICK_RATIO.ratio().formula_text(),
        "(current assets - inventories) / current liabilities"
    );
    assert_eq!(
        RatioId::MODIFIED_RETURN_ON_EQUITY.ratio().formula_text(),
        "return on sales × current ratio × equity multiplier"
    );
}

#[test]
fn excel_rendering_uses_cells_and_averages() {
    let config = EvalConfig::default();
    let quick = RatioId::QUICK_RATIO.ratio();
    // Rows: current assets is the 3rd item (row 4), inventories 4th (row 5),
    // current liabilities 10th (row 11).
    assert_eq!(
        quick.excel_formula(year(), &config, &Columns).unwrap(),
        "=(C4-C5)/C11"
    );
    let average = EvalConfig {
        basis: Basis::Average,
        ..config
    };
    let roe = RatioId::RETURN_ON_EQUITY.ratio();
    assert_eq!(
        roe.excel_formula(year(), &average, &Columns).unwrap(),
        "=C18/((B9+C9)/2)"
    );
    let rounded = EvalConfig {
        rounding: Rounding::Intermediates { decimals: 2 },
        ..config
    };
    let modified = RatioId::MODIFIED_RETURN_ON_ASSETS.ratio();
    assert_eq!(
        modified.excel_formula(year(), &rounded, &Columns).unwrap(),
        "=ROUND((C18/C15),2)*ROUND((C4/C11),2)"
    );
}

#[test]
fn zero_denominator_is_not_computable_with_reason() {
    let data = statements(&[
        (LineItem::CurrentAssets, 10),
        (LineItem::CurrentLiabilities, 0),
    ]);
    let reason = evaluate(RatioId::CURRENT_RATIO, &data, &EvalConfig::default()).unwrap_err();
    assert_eq!(
        reason.to_string(),
        "division by zero: current liabilities is 0 in 2001"
    );
}

#[test]
fn negative_equity_makes_return_on_equity_not_meaningful() {
    let data = statements(&[(LineItem::NetIncome, -5), (LineItem::Equity, -10)]);
    let reason = evaluate(RatioId::RETURN_ON_EQUITY, &data, &EvalConfig::default()).unwrap_err();
    assert!(matches!(
        reason,
        NotComputable::NotMeaningful {
            item: LineItem::Equity,
            ..
        }
    ));
}

#[test]
fn first_period_under_average_balances_has_no_opening_balance() {
    let data = statements(&[(LineItem::NetIncome, 5), (LineItem::Equity, 10)]);
    let average = EvalConfig {
        basis: Basis::Average,
        ..EvalConfig::default()
    };
    let reason = evaluate(RatioId::RETURN_ON_EQUITY, &data, &average).unwrap_err();
    assert_eq!(
        reason,
        NotComputable::NoOpeningBalance {
            item: LineItem::Equity,
            period: year()
        }
    );
}

#[test]
fn average_balances_average_stocks_but_not_flows() {
    let mut data = statements(&[(LineItem::NetIncome, 30), (LineItem::Equity, 200)]);
    data.set(Period::year(2000), LineItem::Equity, Decimal::from(100));
    data.set(Period::year(2000), LineItem::NetIncome, Decimal::from(999));
    let average = EvalConfig {
        basis: Basis::Average,
        ..EvalConfig::default()
    };
    // 30 / ((100 + 200) / 2) = 0.2
    assert_eq!(
        evaluate(RatioId::RETURN_ON_EQUITY, &data, &average).unwrap(),
        Decimal::new(2, 1)
    );
}

#[test]
fn turnover_days_follow_the_days_in_year_parameter() {
    let data = statements(&[(LineItem::Receivables, 50), (LineItem::Revenue, 600)]);
    // 50 / 600 × 360 = 30; × 365 = 30.41666…
    let config = EvalConfig::default();
    assert_eq!(
        evaluate(RatioId::RECEIVABLES_DAYS, &data, &config).unwrap(),
        Decimal::from(30)
    );
    let days365 = EvalConfig {
        days_in_year: crate::DaysInYear::Days365,
        ..config
    };
    assert_eq!(
        evaluate(RatioId::RECEIVABLES_DAYS, &data, &days365)
            .unwrap()
            .round_dp(4),
        Decimal::new(304167, 4)
    );
}

#[test]
fn missing_optional_cash_counts_as_zero_only_where_declared() {
    let data = statements(&[
        (LineItem::OtherCurrentAssets, 20),
        (LineItem::CurrentLiabilities, 100),
    ]);
    let config = EvalConfig::default();
    assert_eq!(
        evaluate(RatioId::IMMEDIATE_LIQUIDITY_RATIO, &data, &config).unwrap(),
        Decimal::new(2, 1)
    );
    let reason = evaluate(RatioId::CASH_RATIO, &data, &config).unwrap_err();
    assert!(matches!(
        reason,
        NotComputable::MissingItem {
            item: LineItem::CashAndEquivalents,
            ..
        }
    ));
}

#[test]
fn sum_of_present_leaves_out_missing_items_but_not_other_reasons() {
    let config = EvalConfig::default();
    // Cash reported, no "other current assets": 30 / 100.
    let cash_only = statements(&[
        (LineItem::CashAndEquivalents, 30),
        (LineItem::CurrentLiabilities, 100),
    ]);
    assert_eq!(
        evaluate(RatioId::IMMEDIATE_LIQUIDITY_RATIO, &cash_only, &config).unwrap(),
        Decimal::new(3, 1)
    );
    let cells = PresentColumns(&cash_only);
    assert_eq!(
        RatioId::IMMEDIATE_LIQUIDITY_RATIO
            .ratio()
            .excel_formula(year(), &config, &cells)
            .unwrap(),
        "=(C7)/C11"
    );
    // Neither: not computable, naming the first missing item, never zero.
    let neither = statements(&[(LineItem::CurrentLiabilities, 100)]);
    let reason = evaluate(RatioId::IMMEDIATE_LIQUIDITY_RATIO, &neither, &config).unwrap_err();
    assert!(matches!(
        reason,
        NotComputable::MissingItem {
            item: LineItem::OtherCurrentAssets,
            ..
        }
    ));
    // A zero revenue is not "missing": it propagates.
    let zero_revenue = statements(&[
        (LineItem::OtherCurrentAssets, 20),
        (LineItem::Revenue, 0),
        (LineItem::TotalAssets, 100),
        (LineItem::CurrentLiabilities, 50),
    ]);
    let reason = evaluate(
        RatioId::MODIFIED_IMMEDIATE_LIQUIDITY_RATIO,
        &zero_revenue,
        &config,
    )
    .unwrap_err();
    assert!(
        matches!(reason, NotComputable::ZeroDenominator { .. }),
        "{reason:?}"
    );
}

fn amount() -> impl Strategy<Value = i64> {
    1i64..1_000_000_000
}

proptest! {
    #[test]
    fn classic_dupont_product_equals_return_on_equity(
        net_income in -1_000_000_000i64..1_000_000_000,
        revenue in amount(),
        total_assets in amount(),
        equity in amount(),
    ) {
        let data = statements(&[
            (LineItem::NetIncome, net_income),
            (LineItem::Revenue, revenue),
            (LineItem::TotalAssets, total_assets),
            (LineItem::Equity, equity),
        ]);
        let analysis = dupont::classic(&data, year(), &EvalConfig::default()).unwrap();
        // Three divisions at 28 significant digits: the product may differ from the
        // direct quotient only in the last digits.
        let tolerance = Decimal::new(1, 20) * analysis.return_on_equity.abs().max(Decimal::ONE);
        prop_assert!(analysis.difference.abs() <= tolerance, "{analysis:?}");
    }

    #[test]
    fn residual_factor_explains_the_modified_model_exactly(
        net_income in 1i64..1_000_000_000,
        revenue in amount(),
        total_assets in amount(),
        current_assets in amount(),
        current_liabilities in amount(),
        equity in amount(),
        negative in any::<bool>(),
    ) {
        let net_income = if negative { -net_income } else { net_income };
        let data = statements(&[
            (LineItem::NetIncome, net_income),
            (LineItem::Revenue, revenue),
            (LineItem::TotalAssets, total_assets),
            (LineItem::CurrentAssets, current_assets),
            (LineItem::CurrentLiabilities, current_liabilities),
            (LineItem::Equity, equity),
        ]);
        let model = dupont::modified(&data, year(), &EvalConfig::default()).unwrap();
        let explained = model.return_on_equity * model.residual_factor;
        let tolerance = Decimal::new(1, 18) * model.modified_return_on_equity.abs().max(Decimal::ONE);
        prop_assert!((explained - model.modified_return_on_equity).abs() <= tolerance, "{model:?}");
    }
}

/// Names every cell `item_period`, for any period the statements hold.
struct Named<'a>(&'a Statements);

impl CellRefs for Named<'_> {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        self.0.get(period, item)?;
        Some(format!("{}_{period}", item.name()))
    }
}

#[test]
fn chronological_mean_uses_every_quarter_end_of_the_year() {
    let mut data = statements(&[(LineItem::NetIncome, 28), (LineItem::Equity, 180)]);
    data.set(Period::year(2000), LineItem::Equity, Decimal::from(100));
    for (quarter, equity) in [(1, 120), (2, 140), (3, 160)] {
        data.set(
            Period::quarter(2001, quarter).unwrap(),
            LineItem::Equity,
            Decimal::from(equity),
        );
    }
    let chronological = EvalConfig {
        basis: Basis::Chronological,
        ..EvalConfig::default()
    };
    // (100/2 + 120 + 140 + 160 + 180/2) / 4 = 140; 28 / 140 = 0.2.
    assert_eq!(
        evaluate(RatioId::RETURN_ON_EQUITY, &data, &chronological).unwrap(),
        Decimal::new(2, 1)
    );
    assert_eq!(
        RatioId::RETURN_ON_EQUITY
            .ratio()
            .excel_formula(year(), &chronological, &Named(&data))
            .unwrap(),
        "=net_income_2001/((equity_2000/2+equity_2001Q1+equity_2001Q2+equity_2001Q3+equity_2001/2)/4)"
    );
    // Without the interim quarter-ends it is the plain average of two dates.
    let mut yearly = statements(&[(LineItem::NetIncome, 28), (LineItem::Equity, 180)]);
    yearly.set(Period::year(2000), LineItem::Equity, Decimal::from(100));
    assert_eq!(
        RatioId::RETURN_ON_EQUITY
            .ratio()
            .excel_formula(year(), &chronological, &Named(&yearly))
            .unwrap(),
        "=net_income_2001/((equity_2000+equity_2001)/2)"
    );
    // Some but not all quarter-ends: the dates would not be evenly spaced.
    let mut gappy = data.clone();
    gappy.periods.remove(&Period::quarter(2001, 2).unwrap());
    let reason = evaluate(RatioId::RETURN_ON_EQUITY, &gappy, &chronological).unwrap_err();
    assert_eq!(
        reason,
        NotComputable::IncompleteInterimBalances {
            item: LineItem::Equity,
            period: year(),
            missing: Period::quarter(2001, 2).unwrap(),
        }
    );
}

/// An amount anywhere in a Decimal's range, often at its ends.
fn extreme_amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
        (any::<i128>(), 0u32..=28).prop_map(|(mantissa, scale)| {
            // The 96-bit mantissa is all a Decimal holds.
            Decimal::from_i128_with_scale(mantissa % (1_i128 << 96), scale)
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every ratio, both Du Pont models and the working-capital policies, on two years
    /// of amounts near the ends of the range, under every basis: values or reasons,
    /// never a panic.
    #[test]
    fn extreme_amounts_give_values_or_reasons(
        opening in proptest::collection::vec(extreme_amount(), LineItem::ALL.len()),
        closing in proptest::collection::vec(extreme_amount(), LineItem::ALL.len()),
    ) {
        let mut data = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
        for (item_idx, item) in LineItem::ALL.iter().enumerate() {
            data.set(Period::year(2000), *item, opening[item_idx]);
            data.set(year(), *item, closing[item_idx]);
        }
        for basis in [Basis::YearEnd, Basis::Average, Basis::Chronological] {
            let config = EvalConfig { basis, ..EvalConfig::default() };
            let analysis = crate::analysis::analyse(&data, &config);
            prop_assert_eq!(analysis.ratios.rows.len(), catalogue().len());
            let _ = dupont::classic(&data, year(), &config);
            let _ = dupont::modified(&data, year(), &config);
            let working_capital = crate::working_capital::WorkingCapitalConfig {
                eval: config,
                ..Default::default()
            };
            let _ = crate::working_capital::assess_policies(&data, year(), &working_capital);
        }
    }
}

/// A complete year of a company with all three statements and market data (in
/// thousands), for the ratios on the new line items.
fn full_year() -> Statements {
    use LineItem::*;
    statements(&[
        (TotalAssets, 1_000),
        (FixedAssets, 600),
        (PropertyPlantAndEquipment, 500),
        (CurrentAssets, 400),
        (Inventories, 150),
        (Receivables, 120),
        (CashAndEquivalents, 80),
        (Equity, 450),
        (RetainedEarnings, 200),
        (LongTermLiabilities, 300),
        (LongTermDebt, 250),
        (CurrentLiabilities, 250),
        (ShortTermDebt, 70),
        (TradePayables, 100),
        (TotalEquityAndLiabilities, 1_000),
        (Revenue, 2_000),
        (CostOfSales, 1_500),
        (SellingExpenses, 150),
        (AdministrativeExpenses, 100),
        (OperatingResult, 250),
        (InterestExpense, 40),
        (ProfitBeforeTax, 200),
        (IncomeTax, 50),
        (NetIncome, 150),
        (DepreciationAndAmortisation, 60),
        (OperatingCashFlow, 220),
        (CapitalExpenditure, 90),
        (DividendsPaid, 30),
        (MarketCapitalisation, 1_800),
        (SharesOutstanding, 100),
    ])
}

/// `numerator / denominator` of integers, as the expected value of a ratio.
fn q(numerator: i64, denominator: i64) -> Decimal {
    Decimal::from(numerator) / Decimal::from(denominator)
}

#[test]
fn derived_amounts_and_the_new_ratios_recompute_by_hand() {
    let data = full_year();
    let config = EvalConfig::default();
    let value = |id: RatioId| evaluate(id, &data, &config).unwrap();
    // EBIT = 200 + 40 = 240; EBITDA = 300; total debt = 250 + 70 = 320; net debt = 240;
    // capital employed = 750; free cash flow = 130; total liabilities = 1000 − 450 = 550.
    let expected = [
        (RatioId::EBIT, q(240, 1)),
        (RatioId::EBITDA, q(300, 1)),
        (RatioId::TOTAL_DEBT, q(320, 1)),
        (RatioId::NET_DEBT, q(240, 1)),
        (RatioId::TOTAL_LIABILITIES, q(550, 1)),
        (RatioId::CAPITAL_EMPLOYED, q(750, 1)),
        (RatioId::FREE_CASH_FLOW, q(130, 1)),
        (RatioId::EBIT_MARGIN, q(240, 2_000)),
        (RatioId::EBITDA_MARGIN, q(300, 2_000)),
        (RatioId::PRETAX_MARGIN, q(200, 2_000)),
        (RatioId::EFFECTIVE_TAX_RATE, q(50, 200)),
        (RatioId::RETURN_ON_CAPITAL_EMPLOYED, q(240, 750)),
        (RatioId::TAX_BURDEN, q(150, 200)),
        (RatioId::INTEREST_BURDEN, q(200, 240)),
        (RatioId::RECEIVABLES_TURNOVER, q(2_000, 120)),
        (RatioId::INVENTORY_TURNOVER, q(1_500, 150)),
        (RatioId::PAYABLES_TURNOVER, q(1_500, 100)),
        (RatioId::FIXED_ASSET_TURNOVER, q(2_000, 500)),
        (
            RatioId::SELLING_AND_ADMINISTRATIVE_TO_REVENUE,
            q(250, 2_000),
        ),
        (RatioId::INTEREST_COVERAGE, q(240, 40)),
        (RatioId::DEBT_SERVICE_COVERAGE, q(240, 110)),
        (RatioId::DEBT_TO_ASSETS, q(320, 1_000)),
        (RatioId::DEBT_TO_EBITDA, q(320, 300)),
        (RatioId::NET_DEBT_TO_EBITDA, q(240, 300)),
        (RatioId::NET_DEBT_TO_EQUITY, q(240, 450)),
        (RatioId::TOTAL_LIABILITIES_TO_EQUITY, q(550, 450)),
        (RatioId::TOTAL_LIABILITIES_TO_ASSETS, q(550, 1_000)),
        (RatioId::RETAINED_EARNINGS_TO_ASSETS, q(200, 1_000)),
        (RatioId::OPERATING_CASH_FLOW_RATIO, q(220, 250)),
        (
            RatioId::OPERATING_CASH_FLOW_TO_TOTAL_LIABILITIES,
            q(220, 550),
        ),
        (RatioId::OPERATING_CASH_FLOW_TO_REVENUE, q(220, 2_000)),
        (RatioId::OPERATING_CASH_FLOW_TO_NET_INCOME, q(220, 150)),
        (RatioId::FREE_CASH_FLOW_TO_OPERATING_CASH_FLOW, q(130, 220)),
        (RatioId::CAPITAL_EXPENDITURE_COVERAGE, q(220, 90)),
        (RatioId::DIVIDEND_AND_CAPEX_COVERAGE, q(220, 120)),
        (RatioId::CASH_FLOW_COVERAGE, q(220, 320)),
        (RatioId::SHORT_TERM_COVERAGE, q(220, 70)),
        (RatioId::ENTERPRISE_VALUE, q(2_040, 1)),
        (RatioId::PRICE_TO_EARNINGS, q(1_800, 150)),
        (RatioId::PRICE_TO_BOOK, q(1_800, 450)),
        (RatioId::PRICE_TO_SALES, q(1_800, 2_000)),
        (RatioId::PRICE_TO_FREE_CASH_FLOW, q(1_800, 130)),
        (RatioId::EV_TO_EBITDA, q(2_040, 300)),
        (RatioId::EV_TO_SALES, q(2_040, 2_000)),
        (RatioId::EARNINGS_YIELD, q(150, 1_800)),
        (RatioId::DIVIDEND_YIELD, q(30, 1_800)),
        (RatioId::FREE_CASH_FLOW_YIELD, q(130, 1_800)),
        (RatioId::EARNINGS_PER_SHARE, q(150, 100)),
        (RatioId::BOOK_VALUE_PER_SHARE, q(450, 100)),
    ];
    for (id, expected) in expected {
        assert_eq!(value(id), expected, "{id}");
    }
    // ROIC = EBIT × (1 − 0.25) / (450 + 320) = 180 / 770.
    assert_eq!(
        value(RatioId::RETURN_ON_INVESTED_CAPITAL).round_dp(20),
        q(180, 770).round_dp(20)
    );
    // The five-factor Du Pont product is return on equity, 150 / 450.
    let five = value(RatioId::FIVE_FACTOR_DUPONT_RETURN_ON_EQUITY);
    assert!((five - q(150, 450)).abs() < Decimal::new(1, 20), "{five}");
}

#[test]
fn first_present_takes_the_first_alternative_a_statement_gives() {
    use LineItem::*;
    let mut data = full_year();
    // Without an interest line, the financial costs stand in (the Ukrainian form).
    data.periods
        .get_mut(&year())
        .unwrap()
        .remove(&InterestExpense);
    let config = EvalConfig::default();
    let reason = evaluate(RatioId::INTEREST_COVERAGE, &data, &config).unwrap_err();
    assert_eq!(
        reason,
        NotComputable::MissingItem {
            item: InterestExpense,
            period: year()
        },
        "with neither alternative the first one's absence is the reason"
    );
    data.set(year(), FinancialCosts, Decimal::from(48));
    assert_eq!(
        evaluate(RatioId::INTEREST_COVERAGE, &data, &config).unwrap(),
        q(248, 48)
    );
    assert_eq!(
        RatioId::INTEREST_COVERAGE.ratio().formula_text(),
        "EBIT / (interest expense, else financial costs)"
    );
    // The Excel formula refers to the alternative used.
    let formula = RatioId::EBIT
        .ratio()
        .excel_formula(year(), &config, &NamedCells(&data))
        .unwrap();
    assert_eq!(formula, "=profit_before_tax+financial_costs");
    // Trade receivables stand in for receivables (US GAAP balance sheets).
    data.periods.get_mut(&year()).unwrap().remove(&Receivables);
    data.set(year(), TradeReceivables, Decimal::from(100));
    assert_eq!(
        evaluate(RatioId::RECEIVABLES_TURNOVER, &data, &config).unwrap(),
        q(2_000, 100)
    );
}

/// Cells named after the items the statements hold.
struct NamedCells<'a>(&'a Statements);

impl CellRefs for NamedCells<'_> {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        self.0.get(period, item).map(|_| item.name().to_owned())
    }
}

proptest! {
    #[test]
    fn five_factor_dupont_product_equals_return_on_equity(
        net_income in 1i64..1_000_000_000,
        tax in 0i64..1_000_000,
        interest in 1i64..1_000_000,
        revenue in amount(),
        total_assets in amount(),
        equity in amount(),
    ) {
        let data = statements(&[
            (LineItem::NetIncome, net_income),
            (LineItem::ProfitBeforeTax, net_income + tax),
            (LineItem::InterestExpense, interest),
            (LineItem::Revenue, revenue),
            (LineItem::TotalAssets, total_assets),
            (LineItem::Equity, equity),
        ]);
        let config = EvalConfig::default();
        let five = evaluate(RatioId::FIVE_FACTOR_DUPONT_RETURN_ON_EQUITY, &data, &config).unwrap();
        let roe = evaluate(RatioId::RETURN_ON_EQUITY, &data, &config).unwrap();
        let tolerance = Decimal::new(1, 18) * roe.abs().max(Decimal::ONE);
        prop_assert!((five - roe).abs() <= tolerance, "{five} vs {roe}");
    }
}

mod conclusion;
mod interim;
mod lang;

/// A firm with negative working capital, accumulated losses and an operating loss is in
/// Altman Z′'s distress zone, and the analysis names it among what to look at first.
#[test]
fn a_model_in_its_danger_zone_is_named_first() {
    use crate::distress::{DistressId, ZoneRisk};
    use LineItem::*;
    let data = statements(&[
        (TotalAssets, 1_000),
        (CurrentAssets, 200),
        (CurrentLiabilities, 500),
        (RetainedEarnings, -300),
        (ProfitBeforeTax, -120),
        (InterestExpense, 40),
        (Equity, 100),
        (TotalLiabilities, 900),
        (Revenue, 600),
        (NetIncome, -120),
    ]);
    let analysis = crate::analysis::analyse(&data, &EvalConfig::default());
    let row = analysis
        .distress
        .iter()
        .find(|row| row.id == DistressId::ALTMAN_Z_PRIME_1983)
        .unwrap();
    let score = row.values[0].1.as_ref().unwrap();
    // Z′ = 0.717 × (−0.3) + 0.847 × (−0.3) + 3.107 × (−0.08) + 0.420 × (100/900) + 0.998 × 0.6
    let expected = Decimal::new(717, 3) * Decimal::new(-3, 1)
        + Decimal::new(847, 3) * Decimal::new(-3, 1)
        + Decimal::new(3107, 3) * Decimal::new(-8, 2)
        + Decimal::new(420, 3) * (Decimal::from(100) / Decimal::from(900))
        + Decimal::new(998, 3) * Decimal::new(6, 1);
    assert_eq!(score.score.round_dp(12), expected.round_dp(12));
    let zone = *score.zone.as_ref().unwrap();
    assert_eq!(row.id.model().zone_risk(zone), ZoneRisk::Danger);
    assert!(
        analysis
            .attention
            .iter()
            .any(|point| point.to_string().contains("danger zone")
                && point.to_string().contains("Altman Z'")),
        "{:?}",
        analysis.attention
    );
}
