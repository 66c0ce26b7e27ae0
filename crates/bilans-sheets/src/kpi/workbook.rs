//! A KPI card as an input workbook: sheet `KPI` (one row per KPI, one column per
//! field), sheet `Actuals` (owner, kpi, then one column per period) and an optional
//! sheet `Settings` (key, value).

use std::collections::BTreeMap;
use std::path::Path;

use bilans_scoring::kpi::{
    Card, CardInput, InputLocation, KpiField, KpiRecord, build_card, code_list, parse_number,
};
use calamine::{Data, Range};
use rust_xlsxwriter::Format;

use crate::cells::{a1, cell_number};
use crate::numbers::{NumberError, NumberRules, number_in_cell};
use crate::reader::open_workbook;
use crate::{Detail, ErrorKind, Overwrite, SheetsError, save_workbook};

/// The sheet of KPI rows.
pub const KPI_SHEET: &str = "KPI";
/// The sheet of actual values.
pub const ACTUALS_SHEET: &str = "Actuals";
/// The optional sheet of settings.
pub const SETTINGS_SHEET: &str = "Settings";

/// Reads and validates a card workbook.
///
/// # Errors
///
/// [`SheetsError::AtCell`] naming the sheet and cell of a bad value,
/// [`SheetsError::InSheet`] for a missing column, [`SheetsError::InFile`] for a file
/// that is not a workbook or lacks a sheet.
pub fn read_card_workbook(path: &Path) -> Result<Card, SheetsError> {
    let (input, cells) = read_input_workbook(path)?;
    build_card(&input).map_err(|error| {
        let (sheet, cell) = match error.location {
            InputLocation::Field { kpi_idx, field } => {
                let cell = cells
                    .fields
                    .get(&(kpi_idx, field))
                    .copied()
                    .unwrap_or_else(|| {
                        // A field without a column: point at the row's first cell.
                        (cells.kpi_rows.get(kpi_idx).copied().unwrap_or(0), 0)
                    });
                (KPI_SHEET, cell)
            }
            InputLocation::Actual {
                kpi_idx,
                actual_idx,
            } => (
                ACTUALS_SHEET,
                cells
                    .actuals
                    .get(&(kpi_idx, actual_idx))
                    .copied()
                    .unwrap_or((0, 0)),
            ),
            InputLocation::Setting { setting_idx } => (
                SETTINGS_SHEET,
                cells.settings.get(setting_idx).copied().unwrap_or((0, 0)),
            ),
        };
        at_cell(path, sheet, cell, error.message)
    })
}

/// Where each value of a [`CardInput`] came from: (row, column), 0-based.
#[derive(Debug, Clone, Default)]
pub struct CellMap {
    fields: BTreeMap<(usize, KpiField), (u32, u32)>,
    kpi_rows: Vec<u32>,
    actuals: BTreeMap<(usize, usize), (u32, u32)>,
    settings: Vec<(u32, u32)>,
}

/// Reads the records of a card workbook without validating them, with the cell of
/// each value.
///
/// # Errors
///
/// As [`read_card_workbook`], for the structure of the sheets.
pub fn read_input_workbook(path: &Path) -> Result<(CardInput, CellMap), SheetsError> {
    let file = path.display().to_string();
    let mut workbook = open_workbook(path)?;
    let names = workbook.sheet_names();
    let mut range_of = |sheet: &str| -> Result<Option<Range<Data>>, SheetsError> {
        if !names.iter().any(|name| name == sheet) {
            return Ok(None);
        }
        workbook.worksheet_range(sheet).map(Some)
    };
    let Some(kpi_range) = range_of(KPI_SHEET)? else {
        return Err(SheetsError::in_file(
            &file,
            ErrorKind::MissingSheet {
                name: KPI_SHEET.into(),
                why: Some(Detail::new(
                    "error.card_sheets",
                    &[("kpi", &KPI_SHEET), ("actuals", &ACTUALS_SHEET)],
                )),
            },
        ));
    };
    let actuals_range = range_of(ACTUALS_SHEET)?;
    let settings_range = range_of(SETTINGS_SHEET)?;
    let mut input = CardInput::default();
    let mut cells = CellMap::default();

    let kpi_rows = rows_with_cells(&kpi_range);
    let Some((header_row, headers)) = kpi_rows.first() else {
        return Err(in_sheet(
            path,
            KPI_SHEET,
            Detail::new("error.sheet_empty", &[]),
        ));
    };
    let mut columns: Vec<(u32, KpiField)> = Vec::new();
    for (column, text) in headers {
        let Some(text) = text else { continue };
        let Some(field) = KpiField::from_name(text) else {
            let names: Vec<&str> = KpiField::ALL.iter().map(|field| field.name()).collect();
            let message = Detail::new(
                "error.kpi_unknown_column",
                &[("text", &text), ("expected", &code_list(&names))],
            );
            return Err(at_cell(path, KPI_SHEET, (*header_row, *column), message));
        };
        columns.push((*column, field));
    }
    for required in [
        KpiField::Name,
        KpiField::Owner,
        KpiField::Scale,
        KpiField::Direction,
        KpiField::Weight,
    ] {
        if !columns.iter().any(|(_, field)| *field == required) {
            return Err(in_sheet(
                path,
                KPI_SHEET,
                Detail::new("error.kpi_no_column", &[("name", &required.name())]),
            ));
        }
    }
    for (row, values) in kpi_rows.iter().skip(1) {
        let kpi_idx = input.kpis.len();
        let mut record = KpiRecord::default();
        for (column, field) in &columns {
            cells.fields.insert((kpi_idx, *field), (*row, *column));
            let value = if field.is_number() {
                number_text(path, KPI_SHEET, &kpi_range, (*row, *column))?
            } else {
                values
                    .iter()
                    .find(|(at, _)| at == column)
                    .and_then(|(_, text)| text.clone())
            };
            if let Some(text) = value {
                record.fields.insert(*field, text);
            }
        }
        cells.kpi_rows.push(*row);
        input.kpis.push(record);
    }

    if let Some(range) = actuals_range {
        read_actuals(path, &range, &mut input, &mut cells)?;
    }
    if let Some(range) = settings_range {
        for (row, values) in rows_with_cells(&range).iter().skip(1) {
            let key = values.first().and_then(|(_, text)| text.clone());
            let value = match values.get(1) {
                Some((column, _)) => number_text(path, SETTINGS_SHEET, &range, (*row, *column))?,
                None => None,
            };
            let (Some(key), Some(value)) = (key, value) else {
                let message = Detail::new("error.kpi_setting_row", &[]);
                return Err(at_cell(path, SETTINGS_SHEET, (*row, 0), message));
            };
            cells.settings.push((*row, 1));
            input.settings.push((key, value));
        }
    }
    Ok((input, cells))
}

/// Writes a card's records as an input workbook (the layout [`read_card_workbook`]
/// reads): numbers as numbers, words as text.
///
/// # Errors
///
/// As [`save_workbook`].
pub fn write_input_workbook(
    input: &CardInput,
    path: &Path,
    overwrite: Overwrite,
) -> Result<(), SheetsError> {
    let xlsx = |source| SheetsError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let mut workbook = crate::new_workbook("bilans KPI card input");
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet().set_name(KPI_SHEET).map_err(xlsx)?;
    let fields: Vec<&str> = KpiField::ALL.iter().map(|field| field.name()).collect();
    write_header(sheet, 0, &fields, &bold).map_err(xlsx)?;
    for (column, field) in KpiField::ALL.iter().enumerate() {
        let column = column_number(column);
        for (kpi_idx, record) in input.kpis.iter().enumerate() {
            if let Some(text) = record.fields.get(field) {
                write_value(sheet, row_number(kpi_idx + 1), column, text).map_err(xlsx)?;
            }
        }
    }
    let mut periods: Vec<&str> = Vec::new();
    for record in &input.kpis {
        for (period, _) in &record.actuals {
            if !periods.contains(&period.as_str()) {
                periods.push(period);
            }
        }
    }
    let sheet = workbook
        .add_worksheet()
        .set_name(ACTUALS_SHEET)
        .map_err(xlsx)?;
    let headers: Vec<&str> = ["owner", "kpi"]
        .into_iter()
        .chain(periods.iter().copied())
        .collect();
    write_header(sheet, 0, &headers, &bold).map_err(xlsx)?;
    for (kpi_idx, record) in input.kpis.iter().enumerate() {
        let row = row_number(kpi_idx + 1);
        let text_of = |field| record.fields.get(&field).map_or("", String::as_str);
        sheet
            .write_string(row, 0, text_of(KpiField::Owner))
            .map_err(xlsx)?;
        sheet
            .write_string(row, 1, text_of(KpiField::Name))
            .map_err(xlsx)?;
        for (period, value) in &record.actuals {
            let period_idx = periods
                .iter()
                .position(|known| known == period)
                .unwrap_or(0);
            write_value(sheet, row, column_number(period_idx + 2), value).map_err(xlsx)?;
        }
    }
    if !input.settings.is_empty() {
        let sheet = workbook
            .add_worksheet()
            .set_name(SETTINGS_SHEET)
            .map_err(xlsx)?;
        write_header(sheet, 0, &["key", "value"], &bold).map_err(xlsx)?;
        for (setting_idx, (key, value)) in input.settings.iter().enumerate() {
            let row = row_number(setting_idx + 1);
            sheet.write_string(row, 0, key).map_err(xlsx)?;
            write_value(sheet, row, 1, value).map_err(xlsx)?;
        }
    }
    save_workbook(&mut workbook, path, overwrite)
}

fn read_actuals(
    path: &Path,
    range: &Range<Data>,
    input: &mut CardInput,
    cells: &mut CellMap,
) -> Result<(), SheetsError> {
    let rows = rows_with_cells(range);
    let Some((header_row, headers)) = rows.first() else {
        return Ok(());
    };
    let header = |column: u32| {
        headers
            .iter()
            .find(|(at, _)| *at == column)
            .and_then(|(_, text)| text.clone())
    };
    let first_column = range.start().map_or(0, |(_, column)| column);
    if header(first_column).as_deref() != Some("owner")
        || header(first_column + 1).as_deref() != Some("kpi")
    {
        let message = Detail::new("error.kpi_actuals_header", &[]);
        return Err(at_cell(
            path,
            ACTUALS_SHEET,
            (*header_row, first_column),
            message,
        ));
    }
    for (row, values) in rows.iter().skip(1) {
        let text_at = |column: u32| {
            values
                .iter()
                .find(|(at, _)| *at == column)
                .and_then(|(_, text)| text.clone())
        };
        let owner = text_at(first_column).unwrap_or_default();
        let name = text_at(first_column + 1).unwrap_or_default();
        let kpi_idx = input.kpis.iter().position(|record| {
            record.fields.get(&KpiField::Owner).map(|text| text.trim()) == Some(owner.trim())
                && record.fields.get(&KpiField::Name).map(|text| text.trim()) == Some(name.trim())
        });
        let Some(kpi_idx) = kpi_idx else {
            let message = Detail::new(
                "error.kpi_no_such_kpi",
                &[("name", &name), ("owner", &owner), ("sheet", &KPI_SHEET)],
            );
            return Err(at_cell(
                path,
                ACTUALS_SHEET,
                (*row, first_column + 1),
                message,
            ));
        };
        for (column, text) in values {
            if *column < first_column + 2 {
                continue;
            }
            if text.is_none() {
                continue;
            }
            let Some(text) = number_text(path, ACTUALS_SHEET, range, (*row, *column))? else {
                continue;
            };
            let Some(period) = header(*column) else {
                let message = Detail::new("error.kpi_no_period", &[]);
                return Err(at_cell(path, ACTUALS_SHEET, (*row, *column), message));
            };
            let record = &mut input.kpis[kpi_idx];
            cells
                .actuals
                .insert((kpi_idx, record.actuals.len()), (*row, *column));
            record.actuals.push((period, text));
        }
    }
    Ok(())
}

/// The number in the cell at `cell` (absolute row and column) of `range`, as the plain
/// decimal text that [`parse_number`] reads: every number of a card workbook goes
/// through the one number parser ([`NumberRules::FIGURES`]). `None` for an empty cell.
fn number_text(
    path: &Path,
    sheet: &str,
    range: &Range<Data>,
    cell: (u32, u32),
) -> Result<Option<String>, SheetsError> {
    let data = range.get_value(cell).unwrap_or(&Data::Empty);
    match number_in_cell(data, NumberRules::FIGURES) {
        Ok(number) => Ok(number.map(|number| number.to_string())),
        // Text that is no number at all goes on as written: the card's validation
        // says which field or period it was meant for.
        Err(NumberError::NotANumber { .. } | NumberError::NotNumeric { .. }) => {
            Ok(Some(data.to_string()))
        }
        Err(error) => Err(SheetsError::at_cell(
            &path.display().to_string(),
            sheet,
            &a1(cell.0, cell.1),
            ErrorKind::from(error),
        )),
    }
}

/// One row of text cells: (absolute row, [(absolute column, text or None)]).
type TextRow = (u32, Vec<(u32, Option<String>)>);

/// The non-empty rows of a range: (absolute row, [(absolute column, text or None)]).
fn rows_with_cells(range: &Range<Data>) -> Vec<TextRow> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (row_idx, row) in range.rows().enumerate() {
        let values: Vec<(u32, Option<String>)> = row
            .iter()
            .enumerate()
            .map(|(column_idx, cell)| {
                let text = match cell {
                    Data::Empty => None,
                    Data::String(text) if text.trim().is_empty() => None,
                    other => Some(other.to_string()),
                };
                (
                    first_column + u32::try_from(column_idx).unwrap_or(u32::MAX),
                    text,
                )
            })
            .collect();
        if values.iter().any(|(_, text)| text.is_some()) {
            rows.push((
                first_row + u32::try_from(row_idx).unwrap_or(u32::MAX),
                values,
            ));
        }
    }
    rows
}

/// Writes `headers` in bold along `row`, from column A.
pub(crate) fn write_header(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    headers: &[&str],
    bold: &Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(row, column_number(column), *header, bold)?;
    }
    Ok(())
}

fn write_value(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    column: u16,
    text: &str,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    match parse_number(text) {
        Ok(number) => sheet
            .write_number(row, column, cell_number(number))
            .map(|_| ()),
        Err(_) => sheet.write_string(row, column, text).map(|_| ()),
    }
}

pub(crate) fn column_number(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

pub(crate) fn row_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn at_cell(path: &Path, sheet: &str, cell: (u32, u32), message: impl Into<Detail>) -> SheetsError {
    SheetsError::AtCell {
        file: path.display().to_string(),
        sheet: sheet.to_owned(),
        cell: a1(cell.0, cell.1),
        kind: ErrorKind::Invalid(message.into()),
    }
}

fn in_sheet(path: &Path, sheet: &str, message: impl Into<Detail>) -> SheetsError {
    SheetsError::InSheet {
        file: path.display().to_string(),
        sheet: sheet.to_owned(),
        kind: ErrorKind::Invalid(message.into()),
    }
}
