//! Unit tests of the model: parsing, identities, findings.

use rust_decimal::Decimal;

use crate::{
    Entity, FindingKind, LineItem, Period, Severity, StatementKind, Statements, Unit, validate,
};

fn statements(rows: &[(LineItem, i64)]) -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
    for (item, value) in rows {
        statements.set(Period::year(2001), *item, Decimal::from(*value));
    }
    statements
}

fn kinds(rows: &[(LineItem, i64)]) -> Vec<FindingKind> {
    validate(&statements(rows))
        .into_iter()
        .map(|finding| finding.kind)
        .collect()
}

#[test]
fn periods_parse_and_print() {
    assert_eq!("2001".parse::<Period>().unwrap(), Period::year(2001));
    assert_eq!("2001Q4".parse::<Period>().unwrap().to_string(), "2001Q4");
    assert!("2001Q5".parse::<Period>().is_err());
    assert!("abc".parse::<Period>().is_err());
    assert_eq!(
        Period::quarter(2002, 1)
            .unwrap()
            .previous()
            .unwrap()
            .to_string(),
        "2001Q4"
    );
}

/// A period takes a width as a string does.
#[test]
fn periods_pad_to_a_width() {
    assert_eq!(format!("{:<7}|", Period::year(2001)), "2001   |");
    assert_eq!(
        format!("{:>8}", Period::quarter(2002, 1).unwrap()),
        "  2002Q1"
    );
    assert_eq!(format!("{}", Period::year(2001)), "2001");
}

#[test]
fn line_items_round_trip_through_names() {
    for item in LineItem::ALL {
        assert_eq!(item.name().parse::<LineItem>().unwrap(), item);
        let json = serde_json::to_string(&item).unwrap();
        assert_eq!(json, format!("\"{}\"", item.name()));
    }
    assert!("assets".parse::<LineItem>().is_err());
}

/// `Statements::item_list` relies on a line item's order being its catalogue order.
#[test]
fn line_items_order_as_the_catalogue_lists_them() {
    assert!(LineItem::ALL.is_sorted());
    let mut statements = statements(&[(LineItem::NetIncome, 1), (LineItem::TotalAssets, 2)]);
    statements.set(Period::year(2002), LineItem::Revenue, Decimal::ONE);
    let listed = statements.item_list();
    let in_catalogue: Vec<LineItem> = LineItem::ALL
        .into_iter()
        .filter(|item| listed.contains(item))
        .collect();
    assert_eq!(listed, in_catalogue);
    assert_eq!(listed.len(), 3);
}

#[test]
fn consistent_current_assets_give_no_break() {
    let found = kinds(&[
        (LineItem::CurrentAssets, 123_734),
        (LineItem::Inventories, 39_893),
        (LineItem::Receivables, 60_868),
        (LineItem::OtherCurrentAssets, 22_973),
    ]);
    assert!(
        found
            .iter()
            .all(|kind| !matches!(kind, FindingKind::IdentityBreak { .. }))
    );
}

#[test]
fn identity_break_reports_the_gap() {
    let findings = validate(&statements(&[
        (LineItem::Receivables, 100),
        (LineItem::TradeReceivables, 40),
        (LineItem::OtherReceivables, 50),
        (LineItem::TaxReceivables, 5),
    ]));
    let breaks: Vec<_> = findings
        .iter()
        .filter(|finding| finding.gap().is_some())
        .collect();
    assert_eq!(breaks.len(), 1);
    assert_eq!(breaks[0].gap(), Some(Decimal::from(5)));
    // Receivables are an open total (statements print more lines under it than the
    // table holds): parts short of it are a warning, parts above it an error.
    assert_eq!(breaks[0].severity, Severity::Warning);
    assert_eq!(breaks[0].identity(), Some("receivables"));
}

#[test]
fn missing_items_make_an_identity_unchecked_not_broken() {
    let found = kinds(&[
        (LineItem::TotalEquityAndLiabilities, 100),
        (LineItem::Equity, 50),
    ]);
    assert_eq!(
        found,
        [FindingKind::IdentityNotChecked {
            identity: "total_equity_and_liabilities".to_owned(),
            missing: vec![LineItem::TotalLiabilities],
        }]
    );
}

#[test]
fn negative_equity_and_parts_above_totals_are_flagged() {
    let found = kinds(&[
        (LineItem::Equity, -10),
        (LineItem::CurrentAssets, 50),
        (LineItem::Inventories, 60),
    ]);
    assert!(found.contains(&FindingKind::NegativeEquity {
        equity: Decimal::from(-10)
    }));
    assert!(found.contains(&FindingKind::PartsExceedTotal {
        identity: "current_assets".to_owned(),
        parent: LineItem::CurrentAssets,
        total: Decimal::from(50),
        parts: vec![crate::Part {
            item: LineItem::Inventories,
            sign: crate::Sign::Add
        }],
        sum_of_parts: Decimal::from(60),
        gap: Decimal::from(-10),
        tolerance: Decimal::ONE,
    }));
}

#[test]
fn statements_serialize_with_period_keys() {
    let json = serde_json::to_value(statements(&[(LineItem::Revenue, 7)])).unwrap();
    assert_eq!(json["periods"]["2001"]["revenue"]["value"], "7");
}

fn statements_of(rows: &[(LineItem, Decimal)]) -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
    for (item, value) in rows {
        statements.set(Period::year(2001), *item, *value);
    }
    statements
}

fn kinds_of(rows: &[(LineItem, Decimal)]) -> Vec<FindingKind> {
    validate(&statements_of(rows))
        .into_iter()
        .map(|finding| finding.kind)
        .collect()
}

/// 6 × 10²⁸: two of them exceed `Decimal::MAX` (about 7.9 × 10²⁸).
fn six_e28() -> Decimal {
    Decimal::from_i128_with_scale(60_000_000_000_000_000_000_000_000_000, 0)
}

#[test]
fn an_overflowing_sum_of_parts_is_a_finding_naming_the_items() {
    let findings = validate(&statements_of(&[
        (LineItem::TotalAssets, Decimal::ONE),
        (LineItem::FixedAssets, six_e28()),
        (LineItem::CurrentAssets, six_e28()),
    ]));
    let overflow = findings
        .iter()
        .find(|finding| matches!(finding.kind, FindingKind::IdentityOverflow { .. }))
        .unwrap();
    assert_eq!(
        overflow.kind,
        FindingKind::IdentityOverflow {
            identity: "total_assets".to_owned(),
            items: vec![
                LineItem::TotalAssets,
                LineItem::FixedAssets,
                LineItem::CurrentAssets
            ],
        }
    );
    assert_eq!(overflow.severity, Severity::Warning);
    assert_eq!(
        overflow.to_string(),
        "2001: identity `total_assets` not checked: the amounts of total_assets, \
         fixed_assets, current_assets overflow the decimal range (about ±7.9e28) when added"
    );
}

#[test]
fn an_overflowing_gap_is_a_finding() {
    // The sum of the parts fits, but total − sum does not.
    let found: Vec<FindingKind> = validate(&statements_of(&[
        (LineItem::TotalAssets, -six_e28()),
        (LineItem::TotalEquityAndLiabilities, six_e28()),
    ]))
    .into_iter()
    .map(|finding| finding.kind)
    .collect();
    assert!(found.contains(&FindingKind::IdentityOverflow {
        identity: "balance".to_owned(),
        items: vec![LineItem::TotalAssets, LineItem::TotalEquityAndLiabilities],
    }));
}

#[test]
fn a_part_beyond_its_total_by_more_than_the_range_is_an_overflow_finding() {
    let found = kinds_of(&[
        (LineItem::CurrentAssets, -six_e28()),
        (LineItem::Inventories, six_e28()),
    ]);
    assert!(found.contains(&FindingKind::IdentityOverflow {
        identity: "current_assets".to_owned(),
        items: vec![LineItem::CurrentAssets, LineItem::Inventories],
    }));
}

#[test]
fn quarters_outside_the_year_range_are_refused() {
    assert!("-2147483648Q1".parse::<Period>().is_err());
    assert!("999Q1".parse::<Period>().is_err());
}

#[test]
fn an_overflowing_reconciliation_gap_is_absent() {
    let (status, gap) = crate::reconcile::classify(Decimal::MAX, 0, Some(Decimal::MIN), None);
    assert_eq!(status, crate::reconcile::Status::NotReproducible);
    assert_eq!(gap, None);
}

mod extreme_amounts {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use crate::{LineItem, validate};

    fn amount() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            Just(Decimal::MAX),
            Just(Decimal::MIN),
            Just(Decimal::ZERO),
            (any::<i128>(), 0u32..=28).prop_map(|(mantissa, scale)| {
                // The 96-bit mantissa is all a Decimal holds.
                Decimal::from_i128_with_scale(mantissa % (1_i128 << 96), scale)
            }),
        ]
    }

    proptest! {
        #[test]
        fn validation_never_panics(values in proptest::collection::vec(amount(), LineItem::ALL.len())) {
            let statements = super::statements_of(
                &LineItem::ALL.iter().copied().zip(values).collect::<Vec<_>>(),
            );
            let findings = validate(&statements);
            for finding in &findings {
                prop_assert!(!finding.to_string().is_empty());
            }
        }
    }
}

#[test]
fn the_line_item_table_is_in_the_order_of_all_and_names_are_unique() {
    let table = LineItem::table();
    assert_eq!(table.len(), LineItem::ALL.len());
    let mut names = std::collections::BTreeSet::new();
    for (index, (info, item)) in table.iter().zip(LineItem::ALL).enumerate() {
        assert_eq!(info.item, item);
        assert_eq!(item.index(), index);
        assert!(names.insert(info.name), "{} twice", info.name);
        // The serde name is the machine name.
        assert_eq!(
            serde_json::to_string(&item).unwrap(),
            format!("\"{}\"", info.name)
        );
        assert!(!info.description().is_empty() && !info.label.is_empty());
    }
}

#[test]
fn the_hierarchy_stays_within_a_statement_and_has_no_cycle() {
    use crate::item::Presentation;
    for info in LineItem::table() {
        for link in info.parents {
            // Only the indirect cash-flow method adds items of another statement (the
            // result and depreciation) into the operating cash flow.
            if link.presentation != Presentation::Indirect {
                assert_eq!(
                    link.parent.statement(),
                    info.statement,
                    "{} adds up into {} of another statement",
                    info.name,
                    link.parent
                );
            }
        }
        // Walking up any chain of parents ends at a statement's total.
        let mut frontier = vec![(info.item, 0)];
        while let Some((item, depth)) = frontier.pop() {
            assert!(depth < 20, "a cycle through {}", info.name);
            frontier.extend(item.parents().iter().map(|link| (link.parent, depth + 1)));
        }
    }
}

#[test]
fn form_codes_and_polish_positions_name_one_item_each() {
    let mut seen = std::collections::BTreeMap::new();
    for info in LineItem::table() {
        let keys = info
            .ru_codes
            .iter()
            .map(|code| format!("ru {code}"))
            .chain(info.uk_codes.iter().map(|code| format!("uk {code}")))
            .chain(
                info.pl_positions
                    .iter()
                    .map(|position| format!("pl {position}")),
            )
            .chain(info.xbrl.iter().map(|concept| format!("xbrl {concept}")));
        for key in keys {
            if let Some(other) = seen.insert(key.clone(), info.name) {
                panic!("{key} names both {other} and {}", info.name);
            }
        }
    }
}

#[test]
fn statement_items_and_deductions_follow_the_table() {
    assert_eq!(
        LineItem::OperatingCashFlow.statement(),
        StatementKind::CashFlowStatement
    );
    assert_eq!(LineItem::OperatingCashFlow.flow(), crate::Flow::Flow);
    assert_eq!(LineItem::CashAtEnd.flow(), crate::Flow::Stock);
    assert!(LineItem::CostOfSales.is_deduction());
    assert!(LineItem::CapitalExpenditure.is_deduction());
    assert!(!LineItem::Revenue.is_deduction());
    let children: Vec<LineItem> = LineItem::TotalAssets
        .children()
        .map(|(item, _)| item)
        .collect();
    assert!(children.contains(&LineItem::FixedAssets));
    assert!(children.contains(&LineItem::CurrentAssets));
}
