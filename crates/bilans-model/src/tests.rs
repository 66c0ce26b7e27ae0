//! Unit tests of the model: parsing, identities, findings.

use rust_decimal::Decimal;

use crate::{Entity, FindingKind, LineItem, Period, Severity, Statements, Unit, validate};

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
        Period::Quarter {
            year: 2002,
            quarter: 1
        }
        .previous()
        .to_string(),
        "2001Q4"
    );
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
        (LineItem::CurrentAssets, 100),
        (LineItem::Inventories, 40),
        (LineItem::Receivables, 50),
        (LineItem::CashAndEquivalents, 5),
    ]));
    let breaks: Vec<_> = findings
        .iter()
        .filter(|finding| finding.gap().is_some())
        .collect();
    assert_eq!(breaks.len(), 1);
    assert_eq!(breaks[0].gap(), Some(Decimal::from(5)));
    assert_eq!(breaks[0].severity, Severity::Error);
}

#[test]
fn missing_items_make_an_identity_unchecked_not_broken() {
    let found = kinds(&[(LineItem::TotalAssets, 100), (LineItem::Equity, 50)]);
    assert!(found.iter().any(|kind| matches!(
        kind,
        FindingKind::IdentityNotChecked { identity, missing }
            if identity == "balance" && missing.contains(&LineItem::CurrentLiabilities)
    )));
    assert!(
        found
            .iter()
            .all(|kind| !matches!(kind, FindingKind::IdentityBreak { .. }))
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
    assert!(found.contains(&FindingKind::PartExceedsTotal {
        part: LineItem::Inventories,
        total: LineItem::CurrentAssets,
        excess: Decimal::from(10),
    }));
}

#[test]
fn statements_serialize_with_period_keys() {
    let json = serde_json::to_value(statements(&[(LineItem::Revenue, 7)])).unwrap();
    assert_eq!(json["periods"]["2001"]["revenue"]["value"], "7");
}
