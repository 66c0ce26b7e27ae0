//! Unit tests of periods and dates: renderings, parsing, order, fiscal calendars.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::{Date, Entity, FiscalPart, Length, LineItem, Period, Statements, Unit};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// `period` prints as `text`, and `text` parses back to `period`.
fn check(period: Period, text: &str) {
    assert_eq!(period.to_string(), text);
    assert_eq!(text.parse::<Period>().unwrap(), period, "{text}");
}

#[test]
fn periods_print_and_parse_back() {
    check(Period::year(2024), "2024");
    check(Period::quarter(2024, 2).unwrap(), "2024Q2");
    check(Period::half_year(2024, 1).unwrap(), "H1 2024");
    check(Period::half_year(2024, 2).unwrap(), "H2 2024");
    check(Period::nine_months(2024), "9M 2024");
    check(
        Period::fiscal_year_ending(2024, 3).unwrap(),
        "FY2024 (to 31 March 2024)",
    );
    check(
        Period::fiscal(2025, 3, FiscalPart::Quarter(1)).unwrap(),
        "Q1 FY2025 (to 30 June 2024)",
    );
    check(
        Period::fiscal(2025, 3, FiscalPart::Half(2)).unwrap(),
        "H2 FY2025 (to 31 March 2025)",
    );
    check(
        Period::fiscal(2025, 6, FiscalPart::NineMonths).unwrap(),
        "9M FY2025 (to 31 March 2025)",
    );
    check(
        Period::instant(date("2024-07-01"), 12).unwrap(),
        "2024-07-01",
    );
    check(
        Period::instant(date("2024-07-01"), 3).unwrap(),
        "2024-07-01 (in FY2025 to 31 March 2025)",
    );
    check(
        Period::day_range(date("2024-01-01"), date("2024-02-15"), 12).unwrap(),
        "2024-01-01..2024-02-15",
    );
}

#[test]
fn other_spellings_parse_to_the_same_period() {
    for (text, period) in [
        ("FY2024", Period::year(2024)),
        ("fy 2024", Period::year(2024)),
        (" 2024q2 ", Period::quarter(2024, 2).unwrap()),
        ("Q2 2024", Period::quarter(2024, 2).unwrap()),
        ("h1 2024", Period::half_year(2024, 1).unwrap()),
        ("FY2024 (to 31 December 2024)", Period::year(2024)),
        (
            "FY2024 (to 2024-03-31)",
            Period::fiscal_year_ending(2024, 3).unwrap(),
        ),
        // A day range that is a whole quarter is the quarter.
        ("2024-01-01..2024-03-31", Period::quarter(2024, 1).unwrap()),
    ] {
        assert_eq!(text.parse::<Period>().unwrap(), period, "{text}");
    }
}

#[test]
fn malformed_periods_are_refused() {
    for text in [
        "abc",
        "2001Q5",
        "H3 2024",
        "6M 2024",
        "24",
        "FY2024 (to 30 March 2024)",
        "FY2024 (to 31 March 2023)",
        "Q1 FY2026 (to 31 March 2025)",
        "2024-02-30",
        "2024-03-01..2024-02-01",
        "2024-07-01 (in FY2024 to 31 March 2025)",
    ] {
        assert!(text.parse::<Period>().is_err(), "{text}");
    }
    assert!(Period::quarter(2024, 0).is_err());
    assert!(Period::fiscal_year_ending(2024, 13).is_err());
}

#[test]
fn periods_are_strings_in_json() {
    let json = serde_json::to_string(&Period::quarter(2001, 1).unwrap()).unwrap();
    assert_eq!(json, "\"2001Q1\"");
    let back: Period = serde_json::from_str("\"H1 2001\"").unwrap();
    assert_eq!(back, Period::half_year(2001, 1).unwrap());
}

#[test]
fn periods_order_by_end_date_then_duration() {
    let ordered = [
        Period::year(2023),
        Period::quarter(2024, 1).unwrap(),
        Period::instant(date("2024-06-30"), 12).unwrap(),
        Period::quarter(2024, 2).unwrap(),
        Period::half_year(2024, 1).unwrap(),
        Period::instant(date("2024-07-01"), 12).unwrap(),
        Period::nine_months(2024),
        Period::quarter(2024, 4).unwrap(),
        Period::half_year(2024, 2).unwrap(),
        Period::year(2024),
    ];
    for pair in ordered.windows(2) {
        assert!(pair[0] < pair[1], "{} < {}", pair[0], pair[1]);
    }
}

#[test]
fn a_fiscal_year_ending_in_march() {
    let year = Period::fiscal_year_ending(2024, 3).unwrap();
    assert_eq!(year.fiscal_year(), 2024);
    assert_eq!(year.first_day(), Some(date("2023-04-01")));
    assert_eq!(year.opening_date(), Some(date("2023-03-31")));
    assert_eq!(
        year.previous(),
        Some(Period::fiscal_year_ending(2023, 3).unwrap())
    );
    assert_eq!(year.n_days(), Some(366));
    assert_eq!(
        year.interim_quarter_ends(),
        [date("2023-06-30"), date("2023-09-30"), date("2023-12-31")]
    );
    let first_quarter = Period::fiscal(2024, 3, FiscalPart::Quarter(1)).unwrap();
    assert_eq!(first_quarter.end(), date("2023-06-30"));
    assert_eq!(first_quarter.fiscal_year(), 2024);
    assert_eq!(first_quarter.part(), Some(FiscalPart::Quarter(1)));
    // The calendar's 2023Q2 ends the same day but is another fiscal calendar's quarter.
    assert_ne!(first_quarter, Period::quarter(2023, 2).unwrap());
    let fourth_quarter = Period::fiscal(2024, 3, FiscalPart::Quarter(4)).unwrap();
    assert_eq!(fourth_quarter.end(), year.end());
    assert_eq!(
        fourth_quarter.previous(),
        Some(Period::fiscal(2024, 3, FiscalPart::Quarter(3)).unwrap())
    );
}

#[test]
fn interim_periods_have_their_own_openings() {
    let quarter = Period::quarter(2024, 1).unwrap();
    assert_eq!(quarter.opening_date(), Some(date("2023-12-31")));
    assert_eq!(quarter.previous(), Some(Period::quarter(2023, 4).unwrap()));
    assert_eq!(quarter.n_days(), Some(91));
    let second_half = Period::half_year(2024, 2).unwrap();
    assert_eq!(second_half.previous(), Period::half_year(2024, 1).ok());
    assert_eq!(second_half.interim_quarter_ends(), [date("2024-09-30")]);
    let nine_months = Period::nine_months(2024);
    assert_eq!(nine_months.opening_date(), Some(date("2023-12-31")));
    assert_eq!(nine_months.previous(), None);
    let range = Period::day_range(date("2024-01-01"), date("2024-02-15"), 12).unwrap();
    assert_eq!(range.length(), Length::Days(46));
    assert_eq!(
        range.previous().unwrap().to_string(),
        "2023-11-16..2023-12-31"
    );
}

#[test]
fn a_balance_at_the_first_of_july_is_not_a_year_end() {
    let instant = Period::instant(date("2024-07-01"), 12).unwrap();
    assert!(instant.is_instant());
    assert_eq!(instant.part(), None);
    assert_eq!(instant.fiscal_year(), 2024);
    assert_eq!(instant.opening_date(), None);
    assert!(Period::ending_on(date("2024-07-01"), 12) == [instant]);
    assert_eq!(
        Period::ending_on(date("2024-06-30"), 12),
        [
            Period::instant(date("2024-06-30"), 12).unwrap(),
            Period::quarter(2024, 2).unwrap(),
            Period::half_year(2024, 1).unwrap(),
        ]
    );
}

#[test]
fn annual_and_interim_columns_ending_the_same_day_coexist() {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("PLN"));
    let periods = [
        Period::year(2024),
        Period::quarter(2024, 4).unwrap(),
        Period::half_year(2024, 2).unwrap(),
    ];
    for (revenue, period) in [400, 100, 200].into_iter().zip(periods) {
        statements.set(period, LineItem::Revenue, Decimal::from(revenue));
    }
    assert_eq!(
        statements.period_list(),
        [periods[1], periods[2], periods[0]]
    );
    assert_eq!(
        statements.get(periods[2], LineItem::Revenue),
        Some(Decimal::from(200))
    );
    let json = serde_json::to_value(&statements).unwrap();
    let keys: Vec<&String> = json["periods"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3);
}

#[test]
fn dates_count_days_across_leap_years() {
    assert_eq!(date("2024-03-01").days_since(date("2024-02-28")), 2);
    assert_eq!(date("2023-03-01").days_since(date("2023-02-28")), 1);
    assert_eq!(date("2001-01-01").days_since(date("2000-01-01")), 366);
    assert_eq!(date("1970-01-01").add_days(-1), Some(date("1969-12-31")));
    assert!(Date::new(1900, 2, 29).is_err());
    assert!(Date::new(2000, 2, 29).is_ok());
    assert!("2024-7-1".parse::<Date>().is_err());
}

/// Any quarter, half-year, nine months, fiscal year (ending in any month), instant or
/// day range with a four-digit fiscal year.
fn any_period() -> impl Strategy<Value = Period> {
    let part = prop_oneof![
        (1u8..=4).prop_map(FiscalPart::Quarter),
        (1u8..=2).prop_map(FiscalPart::Half),
        Just(FiscalPart::NineMonths),
        Just(FiscalPart::Year),
    ];
    prop_oneof![
        (1001i32..=9998, 1u8..=12, part)
            .prop_map(|(year, month, part)| Period::fiscal(year, month, part).unwrap()),
        (1001i32..=9998, 1u8..=12, 1u8..=28, 1u8..=12).prop_map(|(year, month, day, end)| {
            Period::instant(Date::new(year, month, day).unwrap(), end).unwrap()
        }),
        (1001i32..=9998, 1u8..=12, 1u8..=28, 0i64..=800, 1u8..=12).prop_map(
            |(year, month, day, n_days, end)| {
                let last = Date::new(year, month, day).unwrap();
                Period::day_range(last.add_days(-n_days).unwrap(), last, end).unwrap()
            }
        ),
    ]
}

proptest! {
    #[test]
    fn every_period_parses_back_from_its_text(period in any_period()) {
        let text = period.to_string();
        prop_assert_eq!(text.parse::<Period>().unwrap(), period, "{}", text);
    }

    #[test]
    fn the_order_is_by_end_date_and_agrees_with_equality(a in any_period(), b in any_period()) {
        if a.end() < b.end() {
            prop_assert!(a < b);
        }
        prop_assert_eq!(a == b, a.cmp(&b) == std::cmp::Ordering::Equal);
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
    }

    #[test]
    fn the_order_is_the_order_of_the_keys(a in any_period(), b in any_period()) {
        prop_assert_eq!(a.cmp(&b), a.order_key().cmp(&b.order_key()));
    }

    #[test]
    fn dates_survive_a_trip_through_day_numbers(days in -700_000i64..=2_900_000) {
        let origin = Date::new(1970, 1, 1).unwrap();
        let moved = origin.add_days(days).unwrap();
        prop_assert_eq!(moved.days_since(origin), days);
        prop_assert_eq!(moved.to_string().parse::<Date>().unwrap(), moved);
    }
}

/// Periods ending on the same day order by their span, as their keys do (the order's
/// shortcut compares end dates first and works out spans only for such periods).
#[test]
fn periods_ending_the_same_day_order_by_their_keys() {
    let end = date("2024-12-31");
    let periods = [
        Period::instant(end, 12).unwrap(),
        Period::instant(end, 6).unwrap(),
        Period::quarter(2024, 4).unwrap(),
        Period::day_range(date("2024-10-01"), end, 6).unwrap(),
        Period::day_range(date("2024-12-01"), end, 12).unwrap(),
        Period::half_year(2024, 2).unwrap(),
        Period::fiscal(2025, 6, FiscalPart::Half(1)).unwrap(),
        Period::day_range(date("2024-02-01"), end, 12).unwrap(),
        Period::year(2024),
        Period::fiscal(2025, 3, FiscalPart::NineMonths).unwrap(),
    ];
    for a in &periods {
        for b in &periods {
            assert_eq!(a.cmp(b), a.order_key().cmp(&b.order_key()), "{a} vs {b}");
        }
    }
}
