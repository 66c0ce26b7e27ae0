//! The number parser's rules as a table of cases under both rule sets, and properties:
//! any number written with thousands grouping reads back as itself, and no text panics.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::numbers::{NumberError, NumberRules, parse_number};

/// What a text reads as: a value, empty, or an error of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Value(&'static str),
    Empty,
    NotANumber,
    Groups,
    Ambiguous,
    Percentage,
}

fn outcome(result: &Result<Option<Decimal>, NumberError>) -> String {
    match result {
        Ok(Some(value)) => format!("{value}"),
        Ok(None) => "empty".to_owned(),
        Err(NumberError::NotANumber { .. }) => "not a number".to_owned(),
        Err(NumberError::Groups { .. }) => "groups".to_owned(),
        Err(NumberError::Ambiguous { .. }) => "ambiguous".to_owned(),
        Err(NumberError::Percentage { .. }) => "percentage".to_owned(),
        Err(other) => format!("{other:?}"),
    }
}

fn expected(expect: Expect) -> String {
    match expect {
        Expect::Value(value) => value.parse::<Decimal>().unwrap().to_string(),
        Expect::Empty => "empty".to_owned(),
        Expect::NotANumber => "not a number".to_owned(),
        Expect::Groups => "groups".to_owned(),
        Expect::Ambiguous => "ambiguous".to_owned(),
        Expect::Percentage => "percentage".to_owned(),
    }
}

/// Each case: the text, what it is as a statement amount, what it is as a figure.
fn check(cases: &[(&str, Expect, Expect)]) {
    let mut failures = Vec::new();
    for (text, amount, figure) in cases {
        for (rules, expect) in [
            (NumberRules::AMOUNTS, amount),
            (NumberRules::FIGURES, figure),
        ] {
            let got = outcome(&parse_number(text, rules));
            if got != expected(*expect) {
                failures.push(format!(
                    "{text:?} under {rules:?}: got {got}, expected {}",
                    expected(*expect)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use Expect::{Ambiguous, Empty, Groups, NotANumber, Percentage, Value};

#[test]
fn plain_and_grouped_numbers() {
    check(&[
        ("328294", Value("328294"), Value("328294")),
        ("  42 ", Value("42"), Value("42")),
        ("328 294", Value("328294"), Value("328294")),
        ("328\u{a0}294", Value("328294"), Value("328294")),
        ("328\u{202f}294", Value("328294"), Value("328294")),
        ("328\u{2009}294", Value("328294"), Value("328294")),
        ("1'234'567.89", Value("1234567.89"), Value("1234567.89")),
        ("1\u{2019}234", Value("1234"), Value("1234")),
        ("1,234,567", Value("1234567"), Value("1234567")),
        ("1.234.567", Value("1234567"), Value("1234567")),
        ("1 234 567,25", Value("1234567.25"), Value("1234567.25")),
        ("1 234.5", Value("1234.5"), Value("1234.5")),
        ("328.294,5", Value("328294.5"), Value("328294.5")),
        ("328,294.5", Value("328294.5"), Value("328294.5")),
        ("1.234.567,891", Value("1234567.891"), Value("1234567.891")),
    ]);
}

#[test]
fn decimal_separators() {
    check(&[
        ("1,5", Value("1.5"), Value("1.5")),
        ("12.75", Value("12.75"), Value("12.75")),
        ("0,125", Value("0.125"), Value("0.125")),
        ("0.125", Value("0.125"), Value("0.125")),
        (",5", Value("0.5"), Value("0.5")),
        (".500", Value("0.500"), Value("0.500")),
        ("1234,567", Value("1234.567"), Value("1234.567")),
        ("1,2345", Value("1.2345"), Value("1.2345")),
        ("1 234,567", Value("1234.567"), Value("1234.567")),
        ("1.5E3", Value("1500"), Value("1500")),
        ("2.5e-2", Value("0.025"), Value("0.025")),
    ]);
}

#[test]
fn a_lone_separator_before_three_digits_is_thousands_for_amounts_only() {
    check(&[
        ("1,234", Value("1234"), Ambiguous),
        ("328,294", Value("328294"), Ambiguous),
        ("328.294", Value("328294"), Ambiguous),
        ("45,000", Value("45000"), Ambiguous),
        ("(1,234)", Value("-1234"), Ambiguous),
    ]);
    let error = parse_number("1,234", NumberRules::FIGURES).unwrap_err();
    assert_eq!(
        error.to_string(),
        "`1,234` is ambiguous: 1234 if `,` groups thousands, 1.234 if it is the decimal separator; write it without grouping (1234) or with a point for decimals (1.234)"
    );
}

#[test]
fn signs_dashes_and_blanks() {
    check(&[
        ("(5 202)", Value("-5202"), Value("-5202")),
        ("( 4 218 )", Value("-4218"), Value("-4218")),
        ("-5 202", Value("-5202"), Value("-5202")),
        ("−5202", Value("-5202"), Value("-5202")),
        ("–12,5", Value("-12.5"), Value("-12.5")),
        ("+7", Value("7"), Value("7")),
        ("-0", Value("0"), Value("0")),
        ("-", Value("0"), Empty),
        ("—", Value("0"), Empty),
        ("–", Value("0"), Empty),
        ("(-)", Value("0"), Empty),
        ("( — )", Value("0"), Empty),
        ("", Empty, Empty),
        ("   ", Empty, Empty),
        ("\u{a0}", Empty, Empty),
    ]);
}

#[test]
fn currencies_and_percentages() {
    check(&[
        ("$1,234.50", Value("1234.50"), Value("1234.50")),
        ("-$1,234.50", Value("-1234.50"), Value("-1234.50")),
        ("($1,234.50)", Value("-1234.50"), Value("-1234.50")),
        ("€ 1.234,5", Value("1234.5"), Value("1234.5")),
        ("1 234 zł", Value("1234"), Value("1234")),
        ("1 234,50 руб.", Value("1234.50"), Value("1234.50")),
        ("12 500 PLN", Value("12500"), Value("12500")),
        ("US$ 12", Value("12"), Value("12")),
        ("12%", Percentage, Value("0.12")),
        ("12,5 %", Percentage, Value("0.125")),
        ("-3.5%", Percentage, Value("-0.035")),
    ]);
}

#[test]
fn what_is_not_a_number() {
    check(&[
        ("3 28 294", Groups, Groups),
        ("1,23,456", Groups, Groups),
        ("1 234,567,890", Groups, Groups),
        ("1'234 567", Groups, Groups),
        ("12a", NotANumber, NotANumber),
        ("1.234,5,6", NotANumber, NotANumber),
        ("()", NotANumber, NotANumber),
        ("%", NotANumber, NotANumber),
        ("$", NotANumber, NotANumber),
        ("1,", NotANumber, NotANumber),
        ("--5", NotANumber, NotANumber),
        ("1e", NotANumber, NotANumber),
        ("n/a", NotANumber, NotANumber),
        ("2024-01-01", NotANumber, NotANumber),
    ]);
}

/// `value` with its whole part grouped in threes by `separator`, and `fraction` after
/// `decimal`.
fn grouped(whole: u64, separator: char, fraction: Option<(char, &str)>) -> String {
    let digits = whole.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if 0 < index && (digits.len() - index).is_multiple_of(3) {
            text.push(separator);
        }
        text.push(digit);
    }
    if let Some((decimal, fraction)) = fraction {
        text.push(decimal);
        text.push_str(fraction);
    }
    text
}

proptest! {
    #[test]
    fn grouped_amounts_read_back(
        whole in 1_000u64..1_000_000_000_000,
        separator in prop::sample::select(vec![' ', '\u{a0}', '\u{202f}', '\'', ',', '.']),
        negative in any::<bool>(),
    ) {
        let text = grouped(whole, separator, None);
        let text = if negative { format!("({text})") } else { text };
        let value = Decimal::from(whole);
        let value = if negative { -value } else { value };
        prop_assert_eq!(parse_number(&text, NumberRules::AMOUNTS), Ok(Some(value)));
    }

    #[test]
    fn grouped_numbers_with_decimals_read_back_under_both_rules(
        whole in 0u64..1_000_000_000,
        fraction in "[0-9]{1,2}|[0-9]{4,6}",
        style in 0usize..4,
    ) {
        let (separator, decimal) = [(' ', ','), ('.', ','), (',', '.'), ('\'', '.')][style];
        let text = grouped(whole, separator, Some((decimal, &fraction)));
        let value: Decimal = format!("{whole}.{fraction}").parse().unwrap();
        for rules in [NumberRules::AMOUNTS, NumberRules::FIGURES] {
            prop_assert_eq!(parse_number(&text, rules), Ok(Some(value)), "{}", text);
        }
    }

    #[test]
    fn no_text_panics(text in "\\PC{0,24}") {
        let _ = parse_number(&text, NumberRules::AMOUNTS);
        let _ = parse_number(&text, NumberRules::FIGURES);
    }

    #[test]
    fn no_number_like_text_panics(text in "[-−–+()$€% 0-9.,'\u{a0}eE]{0,16}") {
        let _ = parse_number(&text, NumberRules::AMOUNTS);
        let _ = parse_number(&text, NumberRules::FIGURES);
    }
}

/// The shortest decimal of a double, through its text: what `float_decimal` must give
/// on every path.
fn through_text(number: f64) -> Decimal {
    format!("{number}").parse().unwrap()
}

proptest! {
    /// Whole numbers take a shortcut past the text: it gives the same decimal, with
    /// the same scale, at every magnitude up to where doubles stop being exact.
    #[test]
    fn whole_floats_read_as_their_text_does(whole in -9_007_199_254_740_991_i64..=9_007_199_254_740_991, scale in 0_u32..6) {
        #[expect(clippy::cast_precision_loss, reason = "the range is exact in a double")]
        let number = whole as f64 / f64::from(10_u32.pow(scale));
        let read = crate::numbers::float_decimal(number).unwrap();
        let text = through_text(number);
        prop_assert_eq!(read, text);
        prop_assert_eq!(read.scale(), text.scale());
        prop_assert_eq!(read.to_string(), text.to_string());
    }
}

#[test]
fn whole_floats_at_the_edges_of_the_shortcut() {
    for number in [
        0.0,
        1.0,
        -1.0,
        1e15,
        9_007_199_254_740_991.0,
        -9_007_199_254_740_991.0,
        9_007_199_254_740_992.0,
        1e20,
        0.1,
        1234.5,
    ] {
        let read = crate::numbers::float_decimal(number).unwrap();
        assert_eq!(
            read.to_string(),
            through_text(number).to_string(),
            "{number}"
        );
    }
    // Negative zero reads as zero.
    assert_eq!(
        crate::numbers::float_decimal(-0.0).unwrap().to_string(),
        "0"
    );
}
