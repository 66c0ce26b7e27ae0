//! Tests of the safe reader over small malformed workbooks built here, in memory: far
//! cells, references beyond the last cell, cells written twice, bombs, many sheets,
//! formulas without cached values (shared ones too).

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use calamine::Data;

use crate::SheetsError;
use crate::reader::{LIMITS, Limits, contain::contain, open_with_limits};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A zip of the named parts.
fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        writer.start_file(name.as_str(), options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// An xlsx whose sheets hold the given `<sheetData>` content, with `extra` parts.
fn xlsx(sheets: &[(&str, String)], extra: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut list = String::new();
    let mut relations = String::new();
    let mut parts = Vec::new();
    for (index, (name, data)) in sheets.iter().enumerate() {
        let id = index + 1;
        list.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{id}" r:id="rId{id}"/>"#
        ));
        relations.push_str(&format!(
            r#"<Relationship Id="rId{id}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{id}.xml"/>"#
        ));
        let sheet =
            format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData></worksheet>"#);
        parts.push((format!("xl/worksheets/sheet{id}.xml"), sheet.into_bytes()));
    }
    let workbook = format!(
        r#"<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>{list}</sheets></workbook>"#
    );
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relations}</Relationships>"#
    );
    let package = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    parts.push(("_rels/.rels".to_owned(), package.into_bytes()));
    parts.push(("xl/workbook.xml".to_owned(), workbook.into_bytes()));
    parts.push(("xl/_rels/workbook.xml.rels".to_owned(), rels.into_bytes()));
    parts.extend(extra.iter().cloned());
    zip_of(&parts)
}

/// `<c>` elements: (reference, number).
fn cells(cells: &[(&str, i64)]) -> String {
    cells
        .iter()
        .map(|(reference, value)| format!(r#"<c r="{reference}"><v>{value}</v></c>"#))
        .collect()
}

/// Writes `bytes` as `book.<extension>` in a fresh folder.
fn file(bytes: &[u8], extension: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(format!("book.{extension}"));
    std::fs::write(&path, bytes).unwrap();
    (folder, path)
}

/// Opens and reads every sheet within a second, returning the first error.
fn read_all(bytes: &[u8], extension: &str, limits: Limits) -> Result<Vec<Vec<Data>>, SheetsError> {
    let (_folder, path) = file(bytes, extension);
    let started = Instant::now();
    let result = (|| {
        let mut workbook = open_with_limits(&path, "book", limits)?;
        let mut sheets = Vec::new();
        for name in workbook.worksheet_names() {
            let cells = workbook.sheet_cells(&name)?;
            sheets.push(
                cells
                    .cells()
                    .iter()
                    .map(|cell| cell.get_value().clone())
                    .collect(),
            );
        }
        Ok(sheets)
    })();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    result
}

/// Asserts an error at `expect_cell` whose message contains `expect_text`.
fn check_at_cell(
    result: Result<Vec<Vec<Data>>, SheetsError>,
    expect_cell: &str,
    expect_text: &str,
) {
    match result {
        Err(SheetsError::AtCell { cell, kind, .. }) => {
            let message = kind.to_string();
            assert_eq!(cell, expect_cell, "{message}");
            assert!(message.contains(expect_text), "{message}");
        }
        other => panic!("expected an error at {expect_cell}, got {other:?}"),
    }
}

/// Asserts a file-level error whose message contains `expect_text`.
fn check_in_file(result: Result<Vec<Vec<Data>>, SheetsError>, expect_text: &str) {
    match result {
        Err(SheetsError::InFile { kind, .. }) => {
            let message = kind.to_string();
            assert!(message.contains(expect_text), "{message}");
        }
        other => panic!("expected a file error, got {other:?}"),
    }
}

/// Asserts a sheet-level error whose message contains `expect_text`.
fn check_in_sheet(
    result: Result<Vec<Vec<Data>>, SheetsError>,
    expect_sheet: &str,
    expect_text: &str,
) {
    match result {
        Err(SheetsError::InSheet { sheet, kind, .. }) => {
            let message = kind.to_string();
            assert_eq!(sheet, expect_sheet);
            assert!(message.contains(expect_text), "{message}");
        }
        other => panic!("expected a sheet error, got {other:?}"),
    }
}

#[test]
fn a_small_sheet_is_read_in_row_major_order() {
    let bytes = xlsx(&[("S", cells(&[("B2", 3), ("A1", 1), ("B1", 2)]))], &[]);
    let sheets = read_all(&bytes, "xlsx", LIMITS).unwrap();
    assert_eq!(
        sheets,
        [[Data::Float(1.0), Data::Float(2.0), Data::Float(3.0)]]
    );
}

#[test]
fn cells_at_a1_and_xfd1048576_are_refused_naming_the_far_one() {
    let bytes = xlsx(&[("S", cells(&[("A1", 1), ("XFD1048576", 2)]))], &[]);
    check_at_cell(
        read_all(&bytes, "xlsx", LIMITS),
        "XFD1048576",
        "A1:XFD1048576",
    );
}

#[test]
fn one_far_cell_beside_a_statement_is_named() {
    let mut statement: Vec<(String, i64)> = Vec::new();
    for row in 1..=30 {
        for column in ["A", "B", "C", "D", "E", "F"] {
            statement.push((format!("{column}{row}"), row));
        }
    }
    statement.push(("XFD5000".to_owned(), 1));
    let refs: Vec<(&str, i64)> = statement
        .iter()
        .map(|(at, value)| (at.as_str(), *value))
        .collect();
    let bytes = xlsx(&[("S", cells(&refs))], &[]);
    check_at_cell(
        read_all(&bytes, "xlsx", LIMITS),
        "XFD5000",
        "lies far from the others",
    );
}

#[test]
fn a_far_top_right_cell_is_named_not_the_statement() {
    let mut refs: Vec<String> = (1..=400).map(|row| format!("A{row}")).collect();
    refs.push("XFD1".to_owned());
    let cells_text: Vec<(&str, i64)> = refs.iter().map(|at| (at.as_str(), 1)).collect();
    let bytes = xlsx(&[("S", cells(&cells_text))], &[]);
    check_at_cell(read_all(&bytes, "xlsx", LIMITS), "XFD1", "far");
}

#[test]
fn references_beyond_the_last_column_or_row_are_refused() {
    let bytes = xlsx(&[("S", cells(&[("A1", 1), ("XFE1", 2)]))], &[]);
    check_at_cell(
        read_all(&bytes, "xlsx", LIMITS),
        "XFE1",
        "beyond the last cell",
    );
    let bytes = xlsx(&[("S", cells(&[("A1048577", 2)]))], &[]);
    check_at_cell(read_all(&bytes, "xlsx", LIMITS), "A1048577", "(XFD1048576)");
}

#[test]
fn a_cell_written_twice_with_two_values_is_an_error() {
    let bytes = xlsx(&[("S", cells(&[("A1", 1), ("B2", 5), ("B2", 7)]))], &[]);
    check_at_cell(
        read_all(&bytes, "xlsx", LIMITS),
        "B2",
        "written twice in the file, as `5` and as `7`",
    );
}

#[test]
fn a_cell_written_twice_with_the_same_value_is_read_once() {
    let bytes = xlsx(&[("S", cells(&[("B2", 5), ("B2", 5)]))], &[]);
    assert_eq!(
        read_all(&bytes, "xlsx", LIMITS).unwrap(),
        [[Data::Float(5.0)]]
    );
}

#[test]
fn a_part_larger_than_the_limit_is_refused_before_it_is_unpacked() {
    let limits = Limits {
        part_bytes: 4096,
        ..LIMITS
    };
    let text = "x".repeat(5000);
    let data = format!(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>{text}</t></is></c></row>"#);
    let bytes = xlsx(&[("S", data)], &[]);
    check_in_file(
        read_all(&bytes, "xlsx", limits),
        "`xl/worksheets/sheet1.xml` unpacks to",
    );
    let limits = Limits {
        total_bytes: 4096,
        ..LIMITS
    };
    check_in_file(read_all(&bytes, "xlsx", limits), "decompression bomb");
}

#[test]
fn shared_strings_announcing_more_strings_than_they_hold_are_refused() {
    let strings = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>"#;
    let extra = [(
        "xl/sharedStrings.xml".to_owned(),
        strings.as_bytes().to_vec(),
    )];
    let bytes = xlsx(&[("S", cells(&[("A1", 1)]))], &extra);
    check_in_file(
        read_all(&bytes, "xlsx", LIMITS),
        "announces 4000000000 strings",
    );
}

#[test]
fn thousands_of_sheets_open_in_bounded_time() {
    let sheets: Vec<(String, String)> = (1..=3000)
        .map(|index| (format!("S{index}"), cells(&[("A1", index)])))
        .collect();
    let sheets: Vec<(&str, String)> = sheets
        .iter()
        .map(|(name, data)| (name.as_str(), data.clone()))
        .collect();
    let bytes = xlsx(&sheets, &[]);
    assert_eq!(read_all(&bytes, "xlsx", LIMITS).unwrap().len(), 3000);
}

/// An ods whose one table holds the rows given as XML.
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="T">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        (
            "mimetype".to_owned(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        ("content.xml".to_owned(), content.into_bytes()),
        (
            "META-INF/manifest.xml".to_owned(),
            br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_vec(),
        ),
    ])
}

const ODS_VALUE: &str = r#"office:value-type="float" office:value="1""#;

#[test]
fn an_ods_is_read_and_its_trailing_empty_repeats_cost_nothing() {
    let rows = format!(
        r#"<table:table-row><table:table-cell {ODS_VALUE}><text:p>1</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#
    );
    assert_eq!(
        read_all(&ods(&rows), "ods", LIMITS).unwrap(),
        [[Data::Float(1.0)]]
    );
}

#[test]
fn an_ods_repeat_bomb_is_refused_before_it_is_expanded() {
    let rows = format!(
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell {ODS_VALUE} table:number-columns-repeated="16384"/></table:table-row>"#
    );
    check_in_sheet(read_all(&ods(&rows), "ods", LIMITS), "T", "A1:XFD1000000");
}

#[test]
fn an_ods_value_repeated_beyond_the_last_column_is_refused() {
    let rows = format!(
        r#"<table:table-row><table:table-cell {ODS_VALUE} table:number-columns-repeated="20000"/></table:table-row>"#
    );
    check_at_cell(
        read_all(&ods(&rows), "ods", LIMITS),
        "ACOF1",
        "beyond the last cell",
    );
}

#[test]
fn ods_rows_whose_values_sit_far_right_are_counted_from_column_a() {
    // calamine keeps every row from column A to its last value before trimming.
    let row = format!(
        r#"<table:table-row><table:table-cell table:number-columns-repeated="16000"/><table:table-cell {ODS_VALUE}/></table:table-row>"#
    );
    let limits = Limits {
        workbook_cells: 100_000,
        ..LIMITS
    };
    check_in_file(
        read_all(&ods(&row.repeat(10)), "ods", limits),
        "would expand to 160010 cells",
    );
}

#[test]
fn a_panic_of_the_reader_becomes_its_message_and_place() {
    let failure = contain(|| -> u8 { panic!("the reader broke") }).unwrap_err();
    assert!(failure.starts_with("the reader broke at "), "{failure}");
    assert!(failure.contains("reader/tests.rs:"), "{failure}");
    assert_eq!(contain(|| 7), Ok(7));
}

/// The formulas a sheet's cells hold without a cached value, by A1 name.
fn uncached(data: String) -> Vec<(String, String)> {
    let (_folder, path) = file(&xlsx(&[("S", data)], &[]), "xlsx");
    let mut workbook = open_with_limits(&path, "book", LIMITS).unwrap();
    let cells = workbook.sheet_cells("S").unwrap();
    cells
        .uncached_formulas()
        .iter()
        .map(|cell| {
            let (row, column) = cell.get_position();
            (crate::cells::a1(row, column), cell.get_value().clone())
        })
        .collect()
}

#[test]
fn formulas_without_cached_values_are_kept_and_shared_ones_expanded() {
    let data = concat!(
        r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>"#,
        r#"<row r="2"><c r="A2"><f>A1*2</f><v>2</v></c>"#,
        r#"<c r="B2"><f>B1*2</f></c>"#,
        r#"<c r="C2" t="str"><f>A2+B2</f><v></v></c></row>"#,
        r#"<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">A1+$A$2</f></c>"#,
        r#"<c r="B3"><f t="shared" si="0"/><v>7</v></c>"#,
        r#"<c r="C3"><f t="shared" si="0"/></c></row>"#,
    );
    let expected: Vec<(String, String)> = [
        ("B2", "B1*2"),
        ("C2", "A2+B2"),
        ("A3", "A1+$A$2"),
        ("C3", "C1+$A$2"),
    ]
    .iter()
    .map(|(cell, formula)| ((*cell).to_owned(), (*formula).to_owned()))
    .collect();
    assert_eq!(uncached(data.to_owned()), expected);
}

#[test]
fn a_shared_formula_index_far_out_is_not_a_table_size() {
    let data = concat!(
        r#"<row r="1"><c r="A1"><f t="shared" ref="A1:B1" si="4000000000">1+1</f></c>"#,
        r#"<c r="B1"><f t="shared" si="4000000000"/></c></row>"#,
    );
    let started = Instant::now();
    assert_eq!(uncached(data.to_owned()).len(), 2);
    assert!(started.elapsed() < Duration::from_secs(2));
}
