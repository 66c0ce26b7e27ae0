//! Tests of the balance analyses: each expected value is recomputed here from the
//! inputs by the method's line codes, independently of the group table.

use bilans_model::{Entity, LineItem, Period, Statements, Unit};
use rust_decimal::Decimal;

use crate::EvalConfig;
use crate::liquidity::net_assets::{Coverage, NetAssetsMethod, net_assets};
use crate::liquidity::render::{Scheme, in_scheme, liquidity_markdown};
use crate::liquidity::stability::{AmountId, StabilityType, financial_stability};
use crate::liquidity::{GroupId, Verdict, balance_liquidity};

fn year() -> Period {
    Period::year(2024)
}

/// A Russian balance sheet (Order 66n codes): the three-statement fixture's 2024
/// balance, with VAT (1220), deferred income (1530) and short-term provisions (1540)
/// added so that every group has a line that sources place differently.
const RU_BALANCE: &[(&str, i64)] = &[
    ("1110", 35),
    ("1150", 560),
    ("1170", 45),
    ("1100", 640),
    ("1210", 170),
    ("1220", 15),
    ("1230", 130),
    ("1240", 10),
    ("1250", 90),
    ("1260", 20),
    ("1200", 435),
    ("1600", 1075),
    ("1310", 100),
    ("1350", 50),
    ("1370", 340),
    ("1300", 490),
    ("1410", 240),
    ("1420", 20),
    ("1400", 260),
    ("1510", 70),
    ("1520", 200),
    ("1530", 10),
    ("1540", 5),
    ("1550", 40),
    ("1500", 325),
    ("1700", 1075),
];

/// The line item whose Russian codes include `code`.
fn item_of(code: &str) -> LineItem {
    LineItem::ALL
        .into_iter()
        .find(|item| item.info().ru_codes.contains(&code))
        .unwrap_or_else(|| panic!("no item has code {code}"))
}

fn statements(currency: &str, lines: &[(&str, i64)]) -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands(currency));
    for (code, value) in lines {
        statements.set(year(), item_of(code), Decimal::from(*value));
    }
    statements
}

/// The amount of `code` in `lines`, zero when absent.
fn line(lines: &[(&str, i64)], code: &str) -> Decimal {
    lines
        .iter()
        .find(|(candidate, _)| *candidate == code)
        .map_or(Decimal::ZERO, |(_, value)| Decimal::from(*value))
}

fn sum(lines: &[(&str, i64)], codes: &[&str]) -> Decimal {
    codes.iter().map(|code| line(lines, code)).sum()
}

#[test]
fn groups_follow_the_textbook_codes_of_the_russian_form() {
    let liquidity = balance_liquidity(&statements("RUB", RU_BALANCE), &EvalConfig::default());
    let period = &liquidity[0];
    let expected = [
        (GroupId::A1, sum(RU_BALANCE, &["1240", "1250"])),
        (GroupId::A2, sum(RU_BALANCE, &["1230"])),
        (GroupId::A3, sum(RU_BALANCE, &["1210", "1220", "1260"])),
        (GroupId::A4, sum(RU_BALANCE, &["1100"])),
        (GroupId::P1, sum(RU_BALANCE, &["1520"])),
        (GroupId::P2, sum(RU_BALANCE, &["1510", "1540", "1550"])),
        (GroupId::P3, sum(RU_BALANCE, &["1400"])),
        (GroupId::P4, sum(RU_BALANCE, &["1300", "1530"])),
    ];
    for (group, value) in expected {
        assert_eq!(period.group(group), Ok(value), "{group}");
    }
    // The groups cover the balance sheet on both sides.
    let assets: Decimal = GroupId::ALL[..4]
        .iter()
        .map(|group| period.group(*group).unwrap())
        .sum();
    let liabilities: Decimal = GroupId::ALL[4..]
        .iter()
        .map(|group| period.group(*group).unwrap())
        .sum();
    assert_eq!(assets, line(RU_BALANCE, "1600"));
    assert_eq!(liabilities, line(RU_BALANCE, "1700"));
}

#[test]
fn conditions_and_verdict_compare_each_pair() {
    let liquidity = balance_liquidity(&statements("RUB", RU_BALANCE), &EvalConfig::default());
    let period = &liquidity[0];
    let pairs = [
        (["1240", "1250"].as_slice(), ["1520"].as_slice(), true),
        (&["1230"], &["1510", "1540", "1550"], true),
        (&["1210", "1220", "1260"], &["1400"], true),
        (&["1100"], &["1300", "1530"], false),
    ];
    let mut failed = Vec::new();
    for (index, (assets, liabilities, at_least)) in pairs.iter().enumerate() {
        let (assets, liabilities) = (sum(RU_BALANCE, assets), sum(RU_BALANCE, liabilities));
        let holds = if *at_least {
            liabilities <= assets
        } else {
            assets <= liabilities
        };
        let result = &period.conditions[index];
        assert_eq!(
            result.surplus,
            Ok(assets - liabilities),
            "{}",
            result.condition
        );
        assert_eq!(result.holds, Ok(holds), "{}", result.condition);
        if !holds {
            failed.push(result.condition.clone());
        }
    }
    // By hand: A1 = 100 < P1 = 200, A3 = 205 < P3 = 260 and A4 = 640 > P4 = 500.
    assert_eq!(failed, ["A1 >= P1", "A3 >= P3", "A4 <= P4"]);
    assert_eq!(period.verdict, Ok(Verdict::NotAbsolutelyLiquid { failed }));
}

#[test]
fn a_balance_meeting_all_four_conditions_is_absolutely_liquid() {
    let lines = [
        ("1100", 100),
        ("1250", 300),
        ("1230", 200),
        ("1210", 100),
        ("1200", 600),
        ("1520", 300),
        ("1510", 200),
        ("1500", 500),
        ("1400", 0),
        ("1300", 200),
    ];
    let liquidity = balance_liquidity(&statements("RUB", &lines), &EvalConfig::default());
    assert_eq!(liquidity[0].verdict, Ok(Verdict::AbsolutelyLiquid));
    // Equal groups meet a condition: A1 = P1 = 300.
    assert_eq!(liquidity[0].conditions[0].surplus, Ok(Decimal::ZERO));
}

#[test]
fn a_missing_line_makes_its_group_and_what_uses_it_not_computable() {
    let lines: Vec<(&str, i64)> = RU_BALANCE
        .iter()
        .copied()
        .filter(|(code, _)| *code != "1520")
        .collect();
    let liquidity = balance_liquidity(&statements("RUB", &lines), &EvalConfig::default());
    let period = &liquidity[0];
    let reason = period.group(GroupId::P1).unwrap_err().to_string();
    assert!(
        reason.starts_with("P1 needs trade payables, tax liabilities"),
        "{reason}"
    );
    assert!(period.conditions[0].holds.is_err());
    assert!(period.conditions[0].surplus.is_err());
    assert!(period.verdict.is_err());
    // The other groups and the conditions on them are still computed.
    assert_eq!(
        period.group(GroupId::A1),
        Ok(sum(RU_BALANCE, &["1240", "1250"]))
    );
    assert!(period.conditions[2].holds.is_ok());
}

#[test]
fn stability_compares_inventories_with_three_sources() {
    let analysis = financial_stability(&statements("RUB", RU_BALANCE), &EvalConfig::default());
    let period = &analysis[0];
    let inventories = sum(RU_BALANCE, &["1210", "1220"]);
    let own = line(RU_BALANCE, "1300") - line(RU_BALANCE, "1100");
    let functioning = own + line(RU_BALANCE, "1400");
    let total = functioning + line(RU_BALANCE, "1510");
    assert_eq!(period.amount(AmountId::Inventories), Ok(inventories));
    assert_eq!(period.amount(AmountId::OwnWorkingCapital), Ok(own));
    assert_eq!(period.amount(AmountId::FunctioningCapital), Ok(functioning));
    assert_eq!(period.amount(AmountId::TotalSources), Ok(total));
    let surpluses: Vec<Decimal> = period
        .surpluses
        .iter()
        .map(|surplus| surplus.value.clone().unwrap())
        .collect();
    assert_eq!(
        surpluses,
        [
            own - inventories,
            functioning - inventories,
            total - inventories
        ]
    );
    let s = [
        Decimal::ZERO <= own - inventories,
        Decimal::ZERO <= functioning - inventories,
        Decimal::ZERO <= total - inventories,
    ];
    assert_eq!(period.indicator, Ok(s));
    // By hand: own working capital 490 - 640 = -150 and functioning capital -150 + 260
    // = 110 fall short of the inventories 185; the total sources 110 + 70 = 180 too.
    assert_eq!(s, [false, false, false]);
    assert_eq!(period.stability_type, Ok(StabilityType::Crisis));
}

#[test]
fn each_indicator_has_its_type() {
    let cases = [
        ([true, true, true], StabilityType::Absolute),
        ([false, true, true], StabilityType::Normal),
        ([false, false, true], StabilityType::Unstable),
        ([false, false, false], StabilityType::Crisis),
        ([true, false, true], StabilityType::Irregular),
        ([true, true, false], StabilityType::Irregular),
    ];
    for (s, kind) in cases {
        assert_eq!(StabilityType::of(s), kind, "{s:?}");
    }
}

#[test]
fn stability_types_from_balances() {
    // (equity, fixed assets, long-term liabilities, short-term debt, inventories)
    let cases = [
        ((500, 300, 0, 0, 150), StabilityType::Absolute),
        ((300, 300, 200, 0, 150), StabilityType::Normal),
        ((300, 300, 100, 100, 150), StabilityType::Unstable),
        ((300, 300, 50, 50, 150), StabilityType::Crisis),
    ];
    for ((equity, fixed, long_term, short_debt, inventories), kind) in cases {
        let lines = [
            ("1300", equity),
            ("1100", fixed),
            ("1400", long_term),
            ("1510", short_debt),
            ("1210", inventories),
        ];
        let analysis = financial_stability(&statements("RUB", &lines), &EvalConfig::default());
        assert_eq!(analysis[0].stability_type, Ok(kind), "{lines:?}");
    }
}

#[test]
fn net_assets_by_order_84n_add_back_deferred_income() {
    let analysis = net_assets(&statements("RUB", RU_BALANCE), &EvalConfig::default());
    let period = &analysis[0];
    assert_eq!(period.method, NetAssetsMethod::Order84n);
    // 1600 - (1400 + 1500 - 1530); the form prints no total liabilities, so they are
    // 1700 - 1300, which is 1400 + 1500 in a balanced sheet.
    let liabilities = line(RU_BALANCE, "1400") + line(RU_BALANCE, "1500");
    let expected = line(RU_BALANCE, "1600") - (liabilities - line(RU_BALANCE, "1530"));
    assert_eq!(period.net_assets, Ok(expected));
    assert_eq!(period.deferred_income_added_back, line(RU_BALANCE, "1530"));
    assert_eq!(
        period.excess_over_share_capital,
        Ok(expected - line(RU_BALANCE, "1310"))
    );
    assert_eq!(period.coverage, Ok(Coverage::AtLeastShareCapital));
}

#[test]
fn net_assets_of_other_currencies_are_equity_based() {
    let analysis = net_assets(&statements("EUR", RU_BALANCE), &EvalConfig::default());
    let period = &analysis[0];
    assert_eq!(period.method, NetAssetsMethod::EquityBased);
    let liabilities = line(RU_BALANCE, "1400") + line(RU_BALANCE, "1500");
    assert_eq!(
        period.net_assets,
        Ok(line(RU_BALANCE, "1600") - liabilities)
    );
    assert_eq!(period.deferred_income_added_back, Decimal::ZERO);
}

#[test]
fn coverage_that_depends_on_the_deferred_income_is_undetermined() {
    // Net assets 100 + 30 = 130 with deferred income 30 added back, share capital 120:
    // at least the capital with all of it from government aid, below it with none.
    let lines = [
        ("1600", 400),
        ("1700", 400),
        ("1300", 100),
        ("1310", 120),
        ("1530", 30),
    ];
    let analysis = net_assets(&statements("RUB", &lines), &EvalConfig::default());
    assert_eq!(analysis[0].net_assets, Ok(Decimal::from(130)));
    assert_eq!(analysis[0].coverage, Ok(Coverage::Undetermined));
    let lines = [("1600", 400), ("1700", 400), ("1300", 100), ("1310", 150)];
    let analysis = net_assets(&statements("RUB", &lines), &EvalConfig::default());
    assert_eq!(analysis[0].coverage, Ok(Coverage::BelowShareCapital));
}

#[test]
fn net_assets_without_share_capital_cannot_be_compared() {
    let lines = [("1600", 400), ("1700", 400), ("1300", 100)];
    let analysis = net_assets(&statements("RUB", &lines), &EvalConfig::default());
    assert_eq!(analysis[0].net_assets, Ok(Decimal::from(100)));
    let reason = analysis[0].coverage.clone().unwrap_err().to_string();
    assert_eq!(reason, "share capital is missing in 2024");
}

#[test]
fn balances_are_period_end_whatever_the_basis() {
    let mut statements = statements("RUB", RU_BALANCE);
    for (code, value) in RU_BALANCE {
        statements.set(Period::year(2023), item_of(code), Decimal::from(value * 2));
    }
    let average = EvalConfig {
        basis: crate::Basis::Average,
        ..EvalConfig::default()
    };
    let liquidity = balance_liquidity(&statements, &average);
    assert_eq!(
        liquidity[1].group(GroupId::A4),
        Ok(line(RU_BALANCE, "1100"))
    );
}

#[test]
fn groups_are_written_in_each_scheme() {
    let text = |group: GroupId, scheme| in_scheme(&group.group().expr, scheme);
    assert_eq!(text(GroupId::A1, Scheme::Russian).unwrap(), "(1240 + 1250)");
    assert_eq!(text(GroupId::A1, Scheme::Polish).unwrap(), "Aktywa B.III");
    assert_eq!(
        text(GroupId::A3, Scheme::Russian).unwrap(),
        "1200 - (1240 + 1250) - 1230"
    );
    assert_eq!(text(GroupId::A4, Scheme::Ukrainian).unwrap(), "1095 - 1040");
    assert!(liquidity_markdown().contains("| P4 (П4) |"));
}
