//! Unit tests of formula evaluation: exact arithmetic, what is refused and why, and
//! the bounds on chains and nesting.

use calamine::{Cell, Data};
use rust_decimal::Decimal;

use super::{Book, MAX_DEPTH, MAX_NESTING};
use crate::import::grid::parse_a1;
use crate::reader::SheetCells;

/// A sheet of `values` (A1 name, value) and uncached `formulas` (A1 name, formula).
fn sheet(name: &str, values: &[(&str, Data)], formulas: &[(&str, &str)]) -> (String, SheetCells) {
    let at = |cell: &str| parse_a1(cell).unwrap();
    let cells = values
        .iter()
        .map(|(cell, value)| Cell::new(at(cell), value.clone()))
        .collect();
    let uncached = formulas
        .iter()
        .map(|(cell, formula)| Cell::new(at(cell), (*formula).to_owned()))
        .collect();
    (name.to_owned(), SheetCells::from_parts(cells, uncached))
}

fn evaluate(sheets: &[(String, SheetCells)], cell: &str) -> Result<Decimal, String> {
    let (row, column) = parse_a1(cell).unwrap();
    Book::new(sheets).evaluate(0, row, column)
}

fn decimal(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn values() -> Vec<(&'static str, Data)> {
    vec![
        ("A1", Data::Float(0.1)),
        ("A2", Data::Float(0.2)),
        ("A3", Data::Int(7)),
        ("A4", Data::String("Total".to_owned())),
        ("A5", Data::String("1 234,50".to_owned())),
        ("A6", Data::Error(calamine::CellErrorType::Div0)),
    ]
}

#[test]
fn arithmetic_is_exact_and_follows_precedence() {
    let cases = [
        ("=A1+A2", "0.3"),
        ("A1 + A2 * 10", "2.1"),
        ("=(A1+A2)*10", "3.0"),
        ("=-A3+-(-2)", "-5"),
        ("=+A3/4", "1.75"),
        ("=$A$3*$A3-A$3", "42"),
        ("=SUM(A1:A4)", "7.3"),
        ("=sum(A1, A3, -1, A1:A2)", "6.4"),
        ("=SUM(A4:A1)", "7.3"),
        ("=SUM()", "0"),
        ("=ROUND(A3/3,2)", "2.33"),
        ("=ROUND(2.5,0)", "3"),
        ("=ROUND(-2.5,0)", "-3"),
        ("=Z99+1", "1"),
        ("=B1*2", "14.2"),
        ("=B2", "7.1"),
        ("='O''Brien & Co'!C1-Other!C1", "0"),
        ("=SUM('O''Brien & Co'!C1:C2)", "15"),
    ];
    for (formula, expected) in cases {
        let sheets = [
            sheet(
                "Main",
                &values(),
                &[("B1", "A3+A1"), ("B2", "=B1*2/2"), ("C9", formula)],
            ),
            sheet(
                "O'Brien & Co",
                &[("C1", Data::Int(5)), ("C2", Data::Int(10))],
                &[],
            ),
            sheet("other", &[("C1", Data::Int(5))], &[]),
        ];
        assert_eq!(evaluate(&sheets, "C9"), Ok(decimal(expected)), "{formula}");
    }
}

#[test]
fn what_is_not_arithmetic_over_numbers_is_refused_with_its_reason() {
    let cases = [
        ("=VLOOKUP(A1,A1:A3,1)", "it uses the function VLOOKUP"),
        ("=IF(A1>0,1,2)", "it uses the function IF"),
        ("=A1>0", "it goes on with `>0`, which bilans does not read"),
        ("=A4+1", "Main!A4 holds the text `Total`"),
        ("=A5+1", "Main!A5 holds the text `1 234,50`"),
        ("=SUM(A5:A6)", "Main!A6 holds the spreadsheet error #DIV/0!"),
        ("=A3/(A1-A1)", "it divides by zero"),
        ("=A1:A3", "it uses a range outside SUM"),
        (
            "=Nowhere!A1",
            "it refers to the sheet `Nowhere`, which the workbook does not have",
        ),
        (
            "=ROUND(A1,-1)",
            "it uses ROUND other than ROUND(amount, 0 or more digits)",
        ),
        ("=A1+", "it ends unexpectedly"),
        ("=(A1", "it ends unexpectedly"),
        (
            "=B1",
            "it refers back to itself, a cycle: Main!C9 → Main!B1 → Main!C9",
        ),
        (
            "=B3",
            "Main!B3 holds the formula =A3&\"x\" with no cached value, and it goes on with `&\"x\"`, which bilans does not read",
        ),
        ("=B4*2", "Main!A4 holds the text `Total`"),
    ];
    for (formula, expected) in cases {
        let sheets = [sheet(
            "Main",
            &values(),
            &[
                ("B1", "C9+1"),
                ("B3", "A3&\"x\""),
                ("B4", "=A4"),
                ("C9", formula),
            ],
        )];
        let got = evaluate(&sheets, "C9");
        assert!(
            got.as_ref().is_err_and(|reason| reason == expected),
            "{formula}: {got:?}"
        );
    }
}

#[test]
fn a_chain_of_formulas_is_bounded() {
    let names: Vec<String> = (1..=MAX_DEPTH as u32 + 10)
        .map(|row| format!("A{row}"))
        .collect();
    let formulas: Vec<String> = (1..=MAX_DEPTH + 10)
        .map(|row| {
            if row == MAX_DEPTH + 10 {
                "1".to_owned()
            } else {
                format!("A{}+1", row + 1)
            }
        })
        .collect();
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .zip(&formulas)
        .map(|(name, formula)| (name.as_str(), formula.as_str()))
        .collect();
    let sheets = [sheet("Main", &[], &pairs)];
    let got = evaluate(&sheets, "A1");
    assert!(
        got.as_ref()
            .is_err_and(|reason| reason.contains("a chain of more than 64 formulas")),
        "{got:?}"
    );
    // The last ten formulas are a chain short enough: A266 = 1, each above adds 1.
    let row = u32::try_from(MAX_DEPTH).unwrap();
    assert_eq!(
        evaluate(&sheets, &format!("A{}", row + 1)),
        Ok(Decimal::from(10))
    );
}

#[test]
fn nesting_is_bounded() {
    let deep = format!(
        "={}1{}",
        "(".repeat(MAX_NESTING * 50),
        ")".repeat(MAX_NESTING * 50)
    );
    let signs = format!("={}1", "-".repeat(MAX_NESTING * 50));
    let fine = format!(
        "={}1{}",
        "(".repeat(MAX_NESTING / 2),
        ")".repeat(MAX_NESTING / 2)
    );
    for (formula, expected) in [(&deep, None), (&signs, None), (&fine, Some(Decimal::ONE))] {
        let sheets = [sheet("Main", &[], &[("A1", formula.as_str())])];
        let got = evaluate(&sheets, "A1");
        match expected {
            Some(value) => assert_eq!(got, Ok(value)),
            None => assert!(
                got.as_ref()
                    .is_err_and(|reason| reason.starts_with("it nests more than 100 levels")),
                "{got:?}"
            ),
        }
    }
}
