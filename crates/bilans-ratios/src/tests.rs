//! Unit and property tests of the ratio engine.

use bilans_model::{Entity, LineItem, Period, Statements, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::{Basis, CellRefs, EvalConfig, NotComputable, Rounding, catalogue, dupont, find};

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
    id: &str,
    statements: &Statements,
    config: &EvalConfig,
) -> Result<Decimal, NotComputable> {
    find(id).unwrap().evaluate(statements, year(), config)
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
    for ratio in catalogue() {
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
        find("return_on_equity").unwrap().formula_text(),
        "net income / equity"
    );
    assert_eq!(
        find("quick_ratio").unwrap().formula_text(),
        "(current assets - inventories) / current liabilities"
    );
    assert_eq!(
        find("modified_return_on_equity").unwrap().formula_text(),
        "return on sales × current ratio × equity multiplier"
    );
}

#[test]
fn excel_rendering_uses_cells_and_averages() {
    let config = EvalConfig::default();
    let quick = find("quick_ratio").unwrap();
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
    let roe = find("return_on_equity").unwrap();
    assert_eq!(
        roe.excel_formula(year(), &average, &Columns).unwrap(),
        "=C18/((B9+C9)/2)"
    );
    let rounded = EvalConfig {
        rounding: Rounding::Intermediates { decimals: 2 },
        ..config
    };
    let modified = find("modified_return_on_assets").unwrap();
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
    let reason = evaluate("current_ratio", &data, &EvalConfig::default()).unwrap_err();
    assert_eq!(
        reason.to_string(),
        "division by zero: current liabilities is 0 in 2001"
    );
}

#[test]
fn negative_equity_makes_return_on_equity_not_meaningful() {
    let data = statements(&[(LineItem::NetIncome, -5), (LineItem::Equity, -10)]);
    let reason = evaluate("return_on_equity", &data, &EvalConfig::default()).unwrap_err();
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
    let reason = evaluate("return_on_equity", &data, &average).unwrap_err();
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
        evaluate("return_on_equity", &data, &average).unwrap(),
        Decimal::new(2, 1)
    );
}

#[test]
fn turnover_days_follow_the_days_in_year_parameter() {
    let data = statements(&[(LineItem::Receivables, 50), (LineItem::Revenue, 600)]);
    // 50 / 600 × 360 = 30; × 365 = 30.41666…
    let config = EvalConfig::default();
    assert_eq!(
        evaluate("receivables_days", &data, &config).unwrap(),
        Decimal::from(30)
    );
    let days365 = EvalConfig {
        days_in_year: crate::DaysInYear::Days365,
        ..config
    };
    assert_eq!(
        evaluate("receivables_days", &data, &days365)
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
        evaluate("immediate_liquidity_ratio", &data, &config).unwrap(),
        Decimal::new(2, 1)
    );
    let reason = evaluate("cash_ratio", &data, &config).unwrap_err();
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
        evaluate("immediate_liquidity_ratio", &cash_only, &config).unwrap(),
        Decimal::new(3, 1)
    );
    let cells = PresentColumns(&cash_only);
    assert_eq!(
        find("immediate_liquidity_ratio")
            .unwrap()
            .excel_formula(year(), &config, &cells)
            .unwrap(),
        "=(C7)/C11"
    );
    // Neither: not computable, naming the first missing item, never zero.
    let neither = statements(&[(LineItem::CurrentLiabilities, 100)]);
    let reason = evaluate("immediate_liquidity_ratio", &neither, &config).unwrap_err();
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
    let reason =
        evaluate("modified_immediate_liquidity_ratio", &zero_revenue, &config).unwrap_err();
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
        evaluate("return_on_equity", &data, &chronological).unwrap(),
        Decimal::new(2, 1)
    );
    assert_eq!(
        find("return_on_equity")
            .unwrap()
            .excel_formula(year(), &chronological, &Named(&data))
            .unwrap(),
        "=net_income_2001/((equity_2000/2+equity_2001Q1+equity_2001Q2+equity_2001Q3+equity_2001/2)/4)"
    );
    // Without the interim quarter-ends it is the plain average of two dates.
    let mut yearly = statements(&[(LineItem::NetIncome, 28), (LineItem::Equity, 180)]);
    yearly.set(Period::year(2000), LineItem::Equity, Decimal::from(100));
    assert_eq!(
        find("return_on_equity")
            .unwrap()
            .excel_formula(year(), &chronological, &Named(&yearly))
            .unwrap(),
        "=net_income_2001/((equity_2000+equity_2001)/2)"
    );
    // Some but not all quarter-ends: the dates would not be evenly spaced.
    let mut gappy = data.clone();
    gappy.periods.remove(&Period::quarter(2001, 2).unwrap());
    let reason = evaluate("return_on_equity", &gappy, &chronological).unwrap_err();
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

mod interim;
