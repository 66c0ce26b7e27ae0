//! Opening workbooks with calamine, with a located, plain-words error for every way a
//! file can fail to be a readable spreadsheet.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use rust_decimal::Decimal;

use crate::SheetsError;
use crate::import::grid::{Grid, Value};

/// The extensions calamine reads.
pub(crate) const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Reads every sheet of the workbook at `path` (or only `only`), in workbook order.
pub(crate) fn read_sheets(
    path: &Path,
    file: &str,
    only: Option<&str>,
) -> Result<Vec<(String, Grid)>, SheetsError> {
    let in_file = |message: String| SheetsError::InFile {
        file: file.to_owned(),
        message,
    };
    check_container(path, file)?;
    let mut workbook = open_workbook_auto(path).map_err(|error| in_file(describe(&error)))?;
    // Chart sheets, dialog and macro sheets hold no cells to read.
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == calamine::SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect();
    let wanted: Vec<String> = match only {
        Some(name) => {
            if !names.iter().any(|sheet| sheet == name) {
                return Err(in_file(format!(
                    "no sheet named `{name}` (the sheets are: {})",
                    names.join(", ")
                )));
            }
            vec![name.to_owned()]
        }
        None => names,
    };
    let mut sheets = Vec::new();
    for name in wanted {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|error| SheetsError::InSheet {
                file: file.to_owned(),
                sheet: name.clone(),
                message: format!("cannot read the sheet: {}", describe(&error)),
            })?;
        let origin = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|row| row.iter().map(value_of).collect())
            .collect();
        sheets.push((name, Grid::new(rows, origin)));
    }
    Ok(sheets)
}

/// Checks the first bytes: a zip (xlsx, xlsm, xlsb, ods) or an OLE compound file (xls,
/// or an encrypted OOXML workbook).
fn check_container(path: &Path, file: &str) -> Result<(), SheetsError> {
    let in_file = |message: String| SheetsError::InFile {
        file: file.to_owned(),
        message,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|handle| handle.take(1 << 20).read_to_end(&mut bytes))
        .map_err(|error| in_file(format!("cannot read the file: {error}")))?;
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let expected = "expected an .xlsx, .xlsm, .xlsb, .xls or .ods workbook";
    if !EXTENSIONS.contains(&extension.as_str()) {
        return Err(in_file(format!("not a spreadsheet ({expected})")));
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if is_ole && extension != "xls" {
        let marker: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes
            .windows(marker.len())
            .any(|window| window == marker.as_slice())
        {
            return Err(in_file(password_message()));
        }
    }
    if !is_zip && !is_ole {
        let what = if bytes.is_empty() {
            "the file is empty"
        } else {
            "its content is not a workbook"
        };
        return Err(in_file(format!("not a spreadsheet: {what} ({expected})")));
    }
    Ok(())
}

fn password_message() -> String {
    "the workbook is password-protected (encrypted); save an unprotected copy and import that"
        .to_owned()
}

fn describe(error: &calamine::Error) -> String {
    let password = matches!(
        error,
        calamine::Error::Xls(calamine::XlsError::Password)
            | calamine::Error::Ods(calamine::OdsError::Password)
    );
    if password {
        return password_message();
    }
    format!("corrupt or unreadable workbook ({error})")
}

fn value_of(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::Int(number) => Value::Number(Decimal::from(*number)),
        Data::Float(number) => float_value(*number),
        Data::String(text) if text.trim().is_empty() => Value::Empty,
        Data::String(text) => Value::Text(text.clone()),
        Data::Bool(flag) => Value::Untrusted(format!(
            "the logical value {}",
            if *flag { "TRUE" } else { "FALSE" }
        )),
        Data::DateTime(date) if date.is_duration() => Value::Untrusted("a duration".to_owned()),
        Data::DateTime(date) => Value::Date {
            year: i32::from(date.to_ymd_hms_milli().0),
        },
        Data::DateTimeIso(text) => match text.get(..4).and_then(|year| year.parse().ok()) {
            Some(year) => Value::Date { year },
            None => Value::Untrusted(format!("the date-time `{text}`")),
        },
        Data::DurationIso(text) => Value::Untrusted(format!("the duration `{text}`")),
        Data::Error(error) => Value::Untrusted(format!("the spreadsheet error {error}")),
    }
}

/// A floating-point cell as the shortest decimal that reads back as the same double
/// (what a spreadsheet shows at full precision): 0.1 stays 0.1.
fn float_value(number: f64) -> Value {
    if !number.is_finite() {
        return Value::Untrusted("a number that is not finite".to_owned());
    }
    match format!("{number}").parse::<Decimal>() {
        Ok(value) => Value::Number(value),
        Err(_) => Value::Untrusted(format!("the number {number:e}, out of range")),
    }
}
