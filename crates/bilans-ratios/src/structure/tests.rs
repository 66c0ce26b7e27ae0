//! Unit tests of the horizontal and vertical analysis: every expected value is worked
//! out by hand from the inputs written here.

use bilans_model::{Date, Entity, LineItem, Period, StatementKind, Statements, Unit};
use rust_decimal::Decimal;

use crate::NotComputable;
use crate::structure::{
    LARGE_CHANGE, MATERIAL_SHARE, Structure, StructureCell, analyse_structure, comparison_period,
    share_totals,
};

fn year(year: i32) -> Period {
    Period::year(year)
}

fn instant(year: i32, month: u8, day: u8) -> Period {
    Period::instant(Date::new(year, month, day).unwrap(), 12).unwrap()
}

/// `value` as a decimal written with `scale` decimals: `dec(-1, 1)` is -0.1.
fn dec(value: i64, scale: u32) -> Decimal {
    Decimal::new(value, scale)
}

/// Three years; total equity and liabilities is not given in 2003 and revenue and
/// cost of sales are missing in 2003.
fn three_years() -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
    let rows: [(LineItem, [Option<i64>; 3]); 10] = [
        (
            LineItem::TotalAssets,
            [Some(1_000), Some(1_200), Some(1_200)],
        ),
        (LineItem::FixedAssets, [Some(600), Some(600), Some(700)]),
        (LineItem::CurrentAssets, [Some(400), Some(600), Some(500)]),
        (LineItem::Inventories, [Some(100), Some(0), Some(30)]),
        (LineItem::Equity, [Some(500), Some(450), Some(450)]),
        (LineItem::RetainedEarnings, [Some(-50), Some(-20), Some(10)]),
        (
            LineItem::TotalLiabilities,
            [Some(500), Some(750), Some(750)],
        ),
        (
            LineItem::TotalEquityAndLiabilities,
            [Some(1_000), Some(1_200), None],
        ),
        (LineItem::Revenue, [Some(1_000), Some(1_250), None]),
        (LineItem::NetIncome, [Some(50), Some(100), Some(80)]),
    ];
    for (item, values) in rows {
        for (index, value) in values.into_iter().enumerate() {
            if let Some(value) = value {
                statements.set(year(2001 + index as i32), item, Decimal::from(value));
            }
        }
    }
    statements.set(year(2001), LineItem::CostOfSales, Decimal::from(700));
    statements.set(year(2002), LineItem::CostOfSales, Decimal::from(800));
    statements
}

fn cell(structure: &Structure, item: LineItem, period: Period) -> &StructureCell {
    structure.line(item).unwrap().cell(period).unwrap()
}

/// What one cell should hold: the change, relative change and share (a value, or
/// the reason's text), and the flag.
struct Expect {
    change: Result<Decimal, &'static str>,
    relative: Result<Decimal, &'static str>,
    share: Result<Decimal, &'static str>,
    large: bool,
}

fn check(structure: &Structure, item: LineItem, period: Period, expect: Expect) {
    let got = cell(structure, item, period);
    let text = |value: &Result<Decimal, NotComputable>| value.clone().map_err(|r| r.to_string());
    let wanted = |value: Result<Decimal, &str>| value.map_err(str::to_owned);
    let context = format!("{item} {period}");
    assert_eq!(
        text(&got.change),
        wanted(expect.change),
        "change, {context}"
    );
    assert_eq!(
        text(&got.relative_change),
        wanted(expect.relative),
        "relative change, {context}"
    );
    assert_eq!(text(&got.share), wanted(expect.share), "share, {context}");
    assert_eq!(got.large_move, expect.large, "large move, {context}");
}

#[test]
fn thresholds_are_a_quarter_and_a_twentieth() {
    assert_eq!(LARGE_CHANGE, dec(25, 2));
    assert_eq!(MATERIAL_SHARE, dec(5, 2));
    let structure = analyse_structure(&three_years());
    assert_eq!(structure.large_change, LARGE_CHANGE);
    assert_eq!(structure.material_share, MATERIAL_SHARE);
}

#[test]
fn the_first_period_has_shares_but_no_change() {
    let structure = analyse_structure(&three_years());
    let none = "no previous period: the change needs the period before 2001";
    // Current assets are 400 of total assets 1,000.
    check(
        &structure,
        LineItem::CurrentAssets,
        year(2001),
        Expect {
            change: Err(none),
            relative: Err(none),
            share: Ok(dec(4, 1)),
            large: false,
        },
    );
    // Net income 50 of revenue 1,000.
    check(
        &structure,
        LineItem::NetIncome,
        year(2001),
        Expect {
            change: Err(none),
            relative: Err(none),
            share: Ok(dec(5, 2)),
            large: false,
        },
    );
}

#[test]
fn changes_shares_and_large_moves_of_the_balance_sheet() {
    let structure = analyse_structure(&three_years());
    // 1,200 − 1,000 = 200, 200 / 1,000 = 0.2: not 0.25, so not large.
    check(
        &structure,
        LineItem::TotalAssets,
        year(2002),
        Expect {
            change: Ok(dec(200, 0)),
            relative: Ok(dec(2, 1)),
            share: Ok(Decimal::ONE),
            large: false,
        },
    );
    // 600 − 400 = 200, 200 / 400 = 0.5, share 600 / 1,200 = 0.5: large.
    check(
        &structure,
        LineItem::CurrentAssets,
        year(2002),
        Expect {
            change: Ok(dec(200, 0)),
            relative: Ok(dec(5, 1)),
            share: Ok(dec(5, 1)),
            large: true,
        },
    );
    // Inventories 100 → 0: −100, −1; the share falls from 0.1 to 0: large, as the
    // line was 10 % of its total in 2001.
    check(
        &structure,
        LineItem::Inventories,
        year(2002),
        Expect {
            change: Ok(dec(-100, 0)),
            relative: Ok(dec(-1, 0)),
            share: Ok(Decimal::ZERO),
            large: true,
        },
    );
    // Inventories 0 → 30: no relative change from zero; 30 / 1,200 = 0.025 and 0
    // before: under 5 % both years, so not large.
    check(
        &structure,
        LineItem::Inventories,
        year(2003),
        Expect {
            change: Ok(dec(30, 0)),
            relative: Err("division by zero: inventories is 0 in 2002"),
            share: Ok(dec(25, 3)),
            large: false,
        },
    );
    // Equity 500 → 450 over total equity and liabilities 1,200: −50, −0.1, 0.375.
    check(
        &structure,
        LineItem::Equity,
        year(2002),
        Expect {
            change: Ok(dec(-50, 0)),
            relative: Ok(dec(-1, 1)),
            share: Ok(dec(375, 3)),
            large: false,
        },
    );
    // Retained earnings −50 → −20: +30, no relative change from a negative amount;
    // |30| ≥ 0.25 × |−50| and |−50 / 1,000| = 0.05: large.
    check(
        &structure,
        LineItem::RetainedEarnings,
        year(2002),
        Expect {
            change: Ok(dec(30, 0)),
            relative: Err("not meaningful: retained earnings is -50 in 2001 (must be positive)"),
            share: Ok(dec(-2, 0) / dec(120, 0)),
            large: true,
        },
    );
    // −20 → 10: +30 ≥ 0.25 × 20, but the shares −20 / 1,200 and 10 / 1,200 are under
    // 5 %: not large.
    check(
        &structure,
        LineItem::RetainedEarnings,
        year(2003),
        Expect {
            change: Ok(dec(30, 0)),
            relative: Err("not meaningful: retained earnings is -20 in 2002 (must be positive)"),
            share: Ok(dec(1, 0) / dec(120, 0)),
            large: false,
        },
    );
}

#[test]
fn the_liabilities_side_falls_back_to_total_assets() {
    let structure = analyse_structure(&three_years());
    // 2002: over total equity and liabilities; 2003 (not given): over total assets.
    let liabilities_2002 = cell(&structure, LineItem::TotalLiabilities, year(2002));
    assert_eq!(
        liabilities_2002.total,
        Some(LineItem::TotalEquityAndLiabilities)
    );
    assert_eq!(liabilities_2002.share, Ok(dec(625, 3)));
    assert!(liabilities_2002.large_move, "500 → 750 is +50 %");
    let liabilities_2003 = cell(&structure, LineItem::TotalLiabilities, year(2003));
    assert_eq!(liabilities_2003.total, Some(LineItem::TotalAssets));
    assert_eq!(liabilities_2003.share, Ok(dec(625, 3)));
    assert_eq!(liabilities_2003.change, Ok(Decimal::ZERO));
    assert_eq!(liabilities_2003.relative_change, Ok(Decimal::ZERO));
    assert!(!liabilities_2003.large_move);
    // Assets never use the other side's total.
    let fixed = cell(&structure, LineItem::FixedAssets, year(2003));
    assert_eq!(fixed.total, Some(LineItem::TotalAssets));
    // 700 / 1,200, and +100 / 600.
    assert_eq!(fixed.share, Ok(dec(7, 0) / dec(12, 0)));
    assert_eq!(fixed.relative_change, Ok(dec(1, 0) / dec(6, 0)));
    assert!(!fixed.large_move);
}

#[test]
fn changes_and_shares_of_the_income_statement() {
    let structure = analyse_structure(&three_years());
    // Revenue 1,000 → 1,250: +250 = exactly 25 %: the threshold is inclusive.
    check(
        &structure,
        LineItem::Revenue,
        year(2002),
        Expect {
            change: Ok(dec(250, 0)),
            relative: Ok(dec(25, 2)),
            share: Ok(Decimal::ONE),
            large: true,
        },
    );
    // Net income 50 → 100: +50, +1, 100 / 1,250 = 0.08.
    check(
        &structure,
        LineItem::NetIncome,
        year(2002),
        Expect {
            change: Ok(dec(50, 0)),
            relative: Ok(Decimal::ONE),
            share: Ok(dec(8, 2)),
            large: true,
        },
    );
    // 100 → 80: −20, −0.2; no revenue in 2003, so no share; the 2002 share (0.08)
    // makes it material, but −20 % is not large.
    check(
        &structure,
        LineItem::NetIncome,
        year(2003),
        Expect {
            change: Ok(dec(-20, 0)),
            relative: Ok(dec(-2, 1)),
            share: Err("revenue is missing in 2003"),
            large: false,
        },
    );
    // Cost of sales is missing in 2003.
    check(
        &structure,
        LineItem::CostOfSales,
        year(2003),
        Expect {
            change: Err("cost of sales is missing in 2003"),
            relative: Err("cost of sales is missing in 2003"),
            share: Err("revenue is missing in 2003"),
            large: false,
        },
    );
    // 700 → 800: +100 / 700 = 1/7, not large; 800 / 1,250 = 0.64.
    check(
        &structure,
        LineItem::CostOfSales,
        year(2002),
        Expect {
            change: Ok(dec(100, 0)),
            relative: Ok(dec(1, 0) / dec(7, 0)),
            share: Ok(dec(64, 2)),
            large: false,
        },
    );
}

#[test]
fn an_item_missing_in_the_comparison_period_is_named() {
    let mut statements = three_years();
    statements.set(year(2002), LineItem::Receivables, Decimal::from(300));
    let structure = analyse_structure(&statements);
    let receivables = cell(&structure, LineItem::Receivables, year(2002));
    assert_eq!(receivables.compared_with, Some(year(2001)));
    let reason = "receivables is missing in 2001";
    assert_eq!(receivables.change.clone().unwrap_err().to_string(), reason);
    assert_eq!(
        receivables.relative_change.clone().unwrap_err().to_string(),
        reason
    );
    assert_eq!(receivables.share, Ok(dec(25, 2)));
    // Material (300 / 1,200) but with no change known: not flagged.
    assert!(!receivables.large_move);
}

#[test]
fn balances_compare_with_the_opening_balance_and_flows_with_the_previous_period() {
    let mut statements = Statements::new(Entity::company("Test"), Unit::units("EUR"));
    let opening = instant(2023, 12, 31);
    let quarter_1 = Period::quarter(2024, 1).unwrap();
    let quarter_2 = Period::quarter(2024, 2).unwrap();
    let half = Period::half_year(2024, 1).unwrap();
    let nine_months = Period::nine_months(2024);
    let later = instant(2024, 11, 15);
    for period in [opening, quarter_1, quarter_2, half, nine_months, later] {
        statements.set(period, LineItem::TotalAssets, Decimal::from(100));
    }
    for period in [quarter_1, quarter_2, half, nine_months] {
        statements.set(period, LineItem::Revenue, Decimal::from(10));
    }
    let balance = |period| comparison_period(&statements, LineItem::TotalAssets, period);
    let flow = |period| comparison_period(&statements, LineItem::Revenue, period);
    // A quarter's balance: the previous quarter-end (here a balance date); its flows:
    // the previous quarter, which the statements do not hold for Q1.
    assert_eq!(balance(quarter_1), Ok(opening));
    assert_eq!(
        flow(quarter_1).unwrap_err().to_string(),
        "no previous period: the change needs the period before 2024Q1"
    );
    assert_eq!(balance(quarter_2), Ok(quarter_1));
    assert_eq!(flow(quarter_2), Ok(quarter_1));
    // The half-year and the nine months open at the year-end before; nine months have
    // no previous nine months.
    assert_eq!(balance(half), Ok(opening));
    assert_eq!(balance(nine_months), Ok(opening));
    assert!(flow(nine_months).is_err());
    assert!(flow(half).is_err());
    // A balance date: the latest earlier balance date held, 30 September (nine
    // months); the first balance date has none.
    assert_eq!(balance(later), Ok(nine_months));
    assert!(balance(opening).is_err());
}

#[test]
fn an_opening_balance_is_taken_from_a_period_that_holds_the_item() {
    // Q4 2023 and the year 2023 both end on 31 December 2023; only the year holds
    // inventories.
    let mut statements = Statements::new(Entity::company("Test"), Unit::units("EUR"));
    let quarter_4 = Period::quarter(2023, 4).unwrap();
    statements.set(quarter_4, LineItem::TotalAssets, Decimal::from(90));
    statements.set(year(2023), LineItem::TotalAssets, Decimal::from(90));
    statements.set(year(2023), LineItem::Inventories, Decimal::from(40));
    statements.set(year(2024), LineItem::TotalAssets, Decimal::from(120));
    statements.set(year(2024), LineItem::Inventories, Decimal::from(60));
    assert_eq!(
        comparison_period(&statements, LineItem::Inventories, year(2024)),
        Ok(year(2023))
    );
    let structure = analyse_structure(&statements);
    // 60 − 40 = 20, 20 / 40 = 0.5, 60 / 120 = 0.5.
    let inventories = cell(&structure, LineItem::Inventories, year(2024));
    assert_eq!(inventories.change, Ok(dec(20, 0)));
    assert_eq!(inventories.relative_change, Ok(dec(5, 1)));
    assert_eq!(inventories.share, Ok(dec(5, 1)));
    assert!(inventories.large_move);
}

#[test]
fn zero_totals_and_market_data() {
    let mut statements = Statements::new(Entity::company("Test"), Unit::units("EUR"));
    statements.set(year(2024), LineItem::Revenue, Decimal::ZERO);
    statements.set(year(2024), LineItem::NetIncome, Decimal::from(-5));
    statements.set(year(2024), LineItem::OperatingCashFlow, Decimal::from(7));
    statements.set(year(2024), LineItem::MarketCapitalisation, Decimal::from(1));
    let structure = analyse_structure(&statements);
    assert!(structure.line(LineItem::MarketCapitalisation).is_none());
    for item in [LineItem::NetIncome, LineItem::OperatingCashFlow] {
        let got = cell(&structure, item, year(2024));
        assert_eq!(got.total, Some(LineItem::Revenue));
        assert_eq!(
            got.share.clone().unwrap_err().to_string(),
            "division by zero: revenue is 0 in 2024"
        );
    }
}

#[test]
fn every_balance_sheet_line_has_a_side() {
    // A new top-level balance-sheet item must choose its side here deliberately.
    let mut roots = Vec::new();
    for item in LineItem::ALL {
        if item.statement() != StatementKind::BalanceSheet {
            continue;
        }
        let totals = share_totals(item);
        assert!(!totals.is_empty(), "{item}");
        if item.parents().is_empty() {
            roots.push(item);
        }
    }
    assert_eq!(
        roots,
        [
            LineItem::TotalAssets,
            LineItem::NonControllingInterests,
            LineItem::TotalEquityAndLiabilities,
        ]
    );
    assert_eq!(share_totals(LineItem::Inventories), [LineItem::TotalAssets]);
    assert_eq!(
        share_totals(LineItem::NonControllingInterests),
        [LineItem::TotalEquityAndLiabilities, LineItem::TotalAssets]
    );
    assert_eq!(
        share_totals(LineItem::TradePayables),
        [LineItem::TotalEquityAndLiabilities, LineItem::TotalAssets]
    );
}

#[test]
fn thresholds_print_as_exact_percentages() {
    assert_eq!(crate::structure::threshold_text(dec(25, 2)), "25 %");
    assert_eq!(crate::structure::threshold_text(dec(125, 3)), "12.5 %");
}

/// Amounts from ordinary to the edges of the decimal range.
fn any_amount() -> impl proptest::strategy::Strategy<Value = Option<Decimal>> {
    use proptest::prelude::*;
    prop_oneof![
        Just(None),
        Just(Some(Decimal::ZERO)),
        Just(Some(Decimal::MAX)),
        Just(Some(Decimal::MIN)),
        Just(Some(Decimal::new(1, 28))),
        Just(Some(Decimal::new(-1, 28))),
        any::<i64>().prop_map(|value| Some(Decimal::new(value, 2))),
    ]
}

proptest::proptest! {
    /// Whatever the amounts, the analysis and its Markdown never panic, a flagged move
    /// has a change, and a share always names its total.
    #[test]
    fn any_amounts_give_values_or_reasons(
        amounts in proptest::collection::vec(any_amount(), 15),
    ) {
        let items = [
            LineItem::TotalAssets,
            LineItem::Inventories,
            LineItem::Revenue,
            LineItem::NetIncome,
            LineItem::CashAtEnd,
        ];
        let mut statements = Statements::new(Entity::company("Test"), Unit::units("EUR"));
        for (index, amount) in amounts.iter().enumerate() {
            if let Some(amount) = amount {
                statements.set(year(2001 + (index / 5) as i32), items[index % 5], *amount);
            }
        }
        let structure = analyse_structure(&statements);
        let _ = crate::structure::structure_markdown(&structure);
        for line in &structure.lines {
            for cell in &line.values {
                proptest::prop_assert!(!cell.large_move || cell.change.is_ok());
                proptest::prop_assert!(cell.share.is_err() || cell.total.is_some());
                if let (Ok(change), Some(amount)) = (&cell.change, cell.amount) {
                    let previous = statements.get(cell.compared_with.unwrap(), line.item).unwrap();
                    proptest::prop_assert_eq!(*change, amount - previous);
                }
            }
        }
    }
}
