//! Unit tests of the panel workbook reader: numbers read by the one number parser
//! (`1,234` was 1.234 here and 1234 in statements; now it is refused as ambiguous).

use calamine::{Data, Range};

use crate::ErrorKind;
use crate::numbers::NumberError;
use crate::partners::read::Sheet;

fn sheet(cell: Data) -> Sheet {
    let mut range = Range::new((0, 0), (0, 0));
    range.set_value((0, 0), cell);
    Sheet {
        file: "panel.xlsx".to_owned(),
        name: "Criteria".to_owned(),
        range,
    }
}

#[test]
fn numbers_are_read_by_the_one_parser() {
    let value = |text: &str| {
        sheet(Data::String(text.to_owned()))
            .decimal(0, 0)
            .unwrap()
            .to_string()
    };
    assert_eq!(value("0,25"), "0.25");
    assert_eq!(value("1 250,5"), "1250.5");
    assert_eq!(value("25%"), "0.25");
    let error = sheet(Data::String("1,234".to_owned()))
        .decimal(0, 0)
        .unwrap_err();
    assert!(
        matches!(error.kind(), Some(ErrorKind::Number(number)) if matches!(**number, NumberError::Ambiguous { .. })),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "panel.xlsx: sheet `Criteria`, cell A1: `1,234` is ambiguous: 1234 if `,` groups thousands, 1.234 if it is the decimal separator; write it without grouping (1234) or with a point for decimals (1.234)"
    );
    let error = sheet(Data::String("-".to_owned()))
        .decimal(0, 0)
        .unwrap_err();
    assert_eq!(
        error.kind(),
        Some(&ErrorKind::ExpectedNumber {
            found: "text `-`".to_owned()
        })
    );
}
