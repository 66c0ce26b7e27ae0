//! Unit tests of the staff workbook reader: how date cells become text.

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
