//! Unit tests of the staff workbook reader: how date cells become text, and numbers
//! read by the one number parser.

use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Range};

use crate::human_capital::read::Grid;

fn check_date(cell: Data, expect: Option<&str>) {
    let mut range = Range::new((0, 0), (0, 0));
    range.set_value((0, 0), cell);
    let grid = Grid {
        file: "staff.xlsx".to_owned(),
        sheet: "Scores".to_owned(),
        range,
    };
    assert_eq!(grid.date_text(0, 0).as_deref(), expect);
}

#[test]
fn date_cells_become_iso_dates() {
    // Serial 45616 is 2024-11-20 in the 1900 date system.
    let serial = ExcelDateTime::new(45616.0, ExcelDateTimeType::DateTime, false);
    check_date(Data::DateTime(serial), Some("2024-11-20"));
    check_date(
        Data::DateTimeIso("2024-11-20T00:00:00".to_owned()),
        Some("2024-11-20"),
    );
    check_date(Data::String(" 2024-13-45 ".to_owned()), Some("2024-13-45"));
    check_date(Data::Empty, None);
}

/// The staff workbook reads numbers with the one parser, by the figures rules.
fn check_number(cell: Data, expect: Result<Option<&str>, &str>) {
    let mut range = Range::new((0, 0), (0, 0));
    range.set_value((0, 0), cell);
    let grid = Grid {
        file: "staff.xlsx".to_owned(),
        sheet: "Staff".to_owned(),
        range,
    };
    let got = grid
        .decimal(0, 0)
        .map(|value| value.map(|value| value.to_string()))
        .map_err(|error| error.to_string());
    match expect {
        Ok(expect) => assert_eq!(got, Ok(expect.map(str::to_owned))),
        Err(part) => {
            let message = got.unwrap_err();
            assert!(message.contains(part), "{message}");
            assert!(
                message.starts_with("staff.xlsx: sheet `Staff`, cell A1: "),
                "{message}"
            );
        }
    }
}

#[test]
fn numbers_are_read_by_the_one_parser() {
    check_number(Data::String("4 218,5".to_owned()), Ok(Some("4218.5")));
    check_number(Data::String("0,75".to_owned()), Ok(Some("0.75")));
    check_number(Data::String("(1 200)".to_owned()), Ok(Some("-1200")));
    check_number(Data::String("12,5 %".to_owned()), Ok(Some("0.125")));
    check_number(Data::String("—".to_owned()), Ok(None));
    check_number(Data::Float(0.1), Ok(Some("0.1")));
    check_number(
        Data::String("45,000".to_owned()),
        Err(
            "`45,000` is ambiguous: 45000 if `,` groups thousands, 45.000 if it is the decimal separator",
        ),
    );
    check_number(
        Data::String("abc".to_owned()),
        Err("expected a number, found `abc`"),
    );
}
