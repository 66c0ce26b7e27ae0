//! Reading a partner-selection panel from a workbook, with the cell of every value,
//! so that validation errors name their sheet and cell.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Range};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use bilans_scoring::partners::{
    Analysis, ComplianceInput, ComplianceRowInput, Direction, Divisor, Form, IndicatorInput,
    InputError, InputLocation, MonitoringInput, PanelInput, PartnerInput, ScaleInput, analyse,
};

use crate::cells::a1;
use crate::numbers::{NumberError, NumberRules, number_in_cell};
use crate::partners::form_sheet;
use crate::reader::open_workbook;
use crate::{Detail, ErrorKind, SheetsError};

/// Reads a panel input from a workbook and analyses it.
///
/// # Errors
///
/// [`SheetsError::AtCell`] for a cell that cannot be read or a value that is invalid
/// (negative count, score outside the scale, ...), [`SheetsError::InSheet`] for a
/// missing sheet or criterion, [`SheetsError::InFile`] for an unreadable file.
pub fn analyse_workbook(path: &Path) -> Result<Analysis, SheetsError> {
    let (input, cells) = read_panel_workbook(path)?;
    analyse(&input).map_err(|error| locate(path, &cells, error))
}

/// Reads a panel input from a workbook, with the cell of every value read.
///
/// # Errors
///
/// As [`analyse_workbook`], for problems found while reading.
pub fn read_panel_workbook(path: &Path) -> Result<(PanelInput, CellMap), SheetsError> {
    let file = path.display().to_string();
    let mut workbook = open_workbook(path)?;
    let names = workbook.sheet_names();
    let mut sheet = |name: &str| -> Result<Option<Sheet>, SheetsError> {
        if !names.iter().any(|candidate| candidate == name) {
            return Ok(None);
        }
        let range = workbook.worksheet_range(name)?;
        Ok(Some(Sheet {
            file: file.clone(),
            name: name.to_owned(),
            range,
        }))
    };
    let missing = |name: &str| {
        SheetsError::in_file(
            &file,
            ErrorKind::MissingSheet {
                name: name.into(),
                why: None,
            },
        )
    };
    let mut cells = CellMap::default();

    let panel = sheet("Panel")?.ok_or_else(|| missing("Panel"))?;
    let mut keys = BTreeMap::new();
    for row in panel.first_row()..panel.end_row() {
        if let Some(key) = panel.text(row, 0) {
            keys.insert(key.trim().to_lowercase(), row);
        }
    }
    let key_cell = |key: &str| keys.get(key).copied();
    let experts_row = key_cell("experts")
        .ok_or_else(|| panel.sheet_error(Detail::new("error.partners_no_experts", &[])))?;
    cells.insert(
        InputLocation::Field("experts".into()),
        panel.at(experts_row, 1),
    );
    let experts = panel.integer(experts_row, 1)?;
    let mut scale = ScaleInput::default();
    if let Some(row) = key_cell("scale_min") {
        scale.min = panel.integer(row, 1)?;
        cells.insert(InputLocation::Field("scale".into()), panel.at(row, 1));
    }
    if let Some(row) = key_cell("scale_max") {
        scale.max = panel.integer(row, 1)?;
    }
    let divisor =
        match key_cell("divisor").and_then(|row| panel.text(row, 1).map(|text| (row, text))) {
            None => Divisor::Panel,
            Some((_, text)) if text.trim() == "panel" => Divisor::Panel,
            Some((_, text)) if text.trim() == "votes_cast" => Divisor::VotesCast,
            Some((row, text)) => {
                return Err(panel.cell_error(
                    row,
                    1,
                    Detail::new("error.partners_divisor", &[("text", &text)]),
                ));
            }
        };
    let title = key_cell("title").and_then(|row| panel.text(row, 1));

    let criteria_sheet = sheet("Criteria")?.ok_or_else(|| missing("Criteria"))?;
    let mut criteria = Vec::new();
    let mut weights = BTreeMap::new();
    for row in criteria_sheet.first_row() + 1..criteria_sheet.end_row() {
        let Some(name) = criteria_sheet.text(row, 0) else {
            continue;
        };
        if !criteria_sheet.is_empty(row, 1) {
            weights.insert(name.clone(), criteria_sheet.decimal(row, 1)?);
            cells.insert(
                InputLocation::Weight {
                    criterion: name.clone(),
                },
                criteria_sheet.at(row, 1),
            );
        }
        criteria.push(name);
    }

    let mut partners: Vec<PartnerInput> = Vec::new();
    for form in [Form::Votes, Form::Scores] {
        let name = form_sheet(form);
        let Some(table) = sheet(name)? else { continue };
        let width = table.end_column();
        for row in table.first_row() + 1..table.end_row() {
            let Some(partner_name) = table.text(row, 0) else {
                continue;
            };
            let criterion = table.text(row, 1).ok_or_else(|| {
                table.cell_error(row, 1, Detail::new("error.partners_no_criterion", &[]))
            })?;
            let partner_idx = match partners.iter().position(|p| p.name == partner_name) {
                Some(index) => index,
                None => {
                    partners.push(PartnerInput {
                        name: partner_name.clone(),
                        description: None,
                        votes: BTreeMap::new(),
                        scores: BTreeMap::new(),
                    });
                    partners.len() - 1
                }
            };
            cells.insert(
                InputLocation::Partner {
                    partner: partner_idx,
                },
                table.at(row, 0),
            );
            cells.insert(
                InputLocation::Criterion {
                    partner: partner_idx,
                    form,
                    criterion: criterion.clone(),
                },
                table.at(row, 1),
            );
            let mut values = Vec::new();
            for column in 2..width {
                if table.is_empty(row, column) {
                    if form == Form::Scores {
                        continue;
                    }
                    values.push(0);
                } else {
                    values.push(table.integer(row, column)?);
                }
                let index = values.len() - 1;
                cells.insert(
                    InputLocation::Entry {
                        partner: partner_idx,
                        form,
                        criterion: criterion.clone(),
                        index,
                    },
                    table.at(row, column),
                );
            }
            if form == Form::Votes {
                // Trailing header-less columns are not scores.
                values.truncate(table.header_width().saturating_sub(2));
            }
            partners[partner_idx]
                .lists_mut(form)
                .insert(criterion, values);
        }
        cells.sheets.insert(form, name.to_owned());
    }

    if let Some(table) = sheet("Partners")? {
        for row in table.first_row() + 1..table.end_row() {
            let Some(name) = table.text(row, 0) else {
                continue;
            };
            if let Some(partner) = partners.iter_mut().find(|partner| partner.name == name) {
                partner.description = table.text(row, 1);
            }
        }
    }

    let compliance = match sheet("Compliance")? {
        Some(table) => Some(read_compliance(&table, &mut cells)?),
        None => None,
    };
    let monitoring = match sheet("Monitoring")? {
        Some(table) => Some(read_monitoring(&table, &mut cells)?),
        None => None,
    };
    let input = PanelInput {
        title,
        experts,
        scale,
        divisor,
        criteria,
        weights,
        partners,
        compliance,
        monitoring,
    };
    Ok((input, cells))
}

/// Where each input value was read, to locate validation errors.
#[derive(Debug, Clone, Default)]
pub struct CellMap {
    at: BTreeMap<InputLocation, (String, String)>,
    sheets: BTreeMap<Form, String>,
}

impl CellMap {
    fn insert(&mut self, location: InputLocation, at: (String, String)) {
        self.at.entry(location).or_insert(at);
    }
}

/// Turns a validation error into a located sheets error.
fn locate(path: &Path, cells: &CellMap, error: InputError) -> SheetsError {
    let file = path.display().to_string();
    if let Some((sheet, cell)) = cells.at.get(&error.location) {
        return SheetsError::AtCell {
            file,
            sheet: sheet.clone(),
            cell: cell.clone(),
            kind: ErrorKind::Invalid(Detail::from(error.message)),
        };
    }
    let sheet = match &error.location {
        InputLocation::Criterion { form, .. } | InputLocation::Entry { form, .. } => cells
            .sheets
            .get(form)
            .cloned()
            .unwrap_or_else(|| "Votes".to_owned()),
        InputLocation::Weight { .. } => "Criteria".to_owned(),
        InputLocation::ComplianceMark { .. } => "Compliance".to_owned(),
        InputLocation::MonitoringValue { .. } => "Monitoring".to_owned(),
        InputLocation::Partner { .. } => cells
            .sheets
            .values()
            .next()
            .cloned()
            .unwrap_or_else(|| "Votes".to_owned()),
        InputLocation::Field(name) if name.starts_with("compliance") => "Compliance".to_owned(),
        InputLocation::Field(name) if name.starts_with("monitoring") => "Monitoring".to_owned(),
        InputLocation::Field(name) if name == "criteria" => "Criteria".to_owned(),
        InputLocation::Field(_) => "Panel".to_owned(),
    };
    SheetsError::InSheet {
        file,
        sheet,
        kind: ErrorKind::Invalid(Detail::from(error.message)),
    }
}

fn read_compliance(table: &Sheet, cells: &mut CellMap) -> Result<ComplianceInput, SheetsError> {
    let header = table.first_row();
    let mut models = Vec::new();
    let mut weight_column = None;
    for column in 1..table.end_column() {
        match table.text(header, column) {
            Some(text) if text.trim().eq_ignore_ascii_case("weight") => {
                weight_column = Some(column)
            }
            Some(text) => models.push((column, text)),
            None => {}
        }
    }
    let mut input = ComplianceInput {
        models: models.iter().map(|(_, model)| model.clone()).collect(),
        rows: Vec::new(),
        exclude: Vec::new(),
        weights: BTreeMap::new(),
    };
    for row in header + 1..table.end_row() {
        let Some(indicator) = table.text(row, 0) else {
            continue;
        };
        if indicator.trim().eq_ignore_ascii_case("exclude") {
            for (column, model) in &models {
                if table
                    .text(row, *column)
                    .is_some_and(|mark| mark.trim().eq_ignore_ascii_case("x"))
                {
                    input.exclude.push(model.clone());
                }
            }
            continue;
        }
        let indicator_idx = input.rows.len();
        let mut marks = Vec::new();
        for (model_idx, (column, _)) in models.iter().enumerate() {
            marks.push(table.text(row, *column).unwrap_or_default());
            cells.insert(
                InputLocation::ComplianceMark {
                    indicator: indicator_idx,
                    model: model_idx,
                },
                table.at(row, *column),
            );
        }
        if let Some(column) = weight_column.filter(|&column| !table.is_empty(row, column)) {
            input
                .weights
                .insert(indicator.clone(), table.decimal(row, column)?);
        }
        input.rows.push(ComplianceRowInput { indicator, marks });
    }
    Ok(input)
}

fn read_monitoring(table: &Sheet, cells: &mut CellMap) -> Result<MonitoringInput, SheetsError> {
    let first = table.first_row();
    let model = table
        .text(first, 1)
        .ok_or_else(|| table.cell_error(first, 1, Detail::new("error.partners_no_model", &[])))?;
    let header = first + 1;
    let periods: Vec<String> = (6..table.end_column())
        .filter_map(|column| table.text(header, column))
        .collect();
    let mut indicators = Vec::new();
    for row in header + 1..table.end_row() {
        let Some(name) = table.text(row, 0) else {
            continue;
        };
        let indicator_idx = indicators.len();
        let kind = table
            .text(row, 1)
            .unwrap_or_else(|| "quantitative".to_owned());
        for period_idx in 0..periods.len() {
            cells.insert(
                InputLocation::MonitoringValue {
                    indicator: indicator_idx,
                    period: period_idx,
                },
                table.at(row, 6 + u32::try_from(period_idx).unwrap_or(0)),
            );
        }
        let period_columns = 6..6 + u32::try_from(periods.len()).unwrap_or(0);
        let indicator = match kind.trim() {
            "quantitative" => IndicatorInput::Quantitative {
                name,
                unit: table.text(row, 4),
                direction: match table.text(row, 2).as_deref().map(str::trim) {
                    None | Some("at_least") => Direction::AtLeast,
                    Some("at_most") => Direction::AtMost,
                    Some(other) => {
                        return Err(table.cell_error(
                            row,
                            2,
                            Detail::new("error.partners_direction", &[("text", &other)]),
                        ));
                    }
                },
                target: table.decimal(row, 3)?,
                actual: period_columns
                    .map(|column| table.decimal(row, column))
                    .collect::<Result<_, _>>()?,
            },
            "qualitative" => IndicatorInput::Qualitative {
                name,
                levels: table
                    .text(row, 5)
                    .unwrap_or_default()
                    .split(';')
                    .map(|level| level.trim().to_owned())
                    .filter(|level| !level.is_empty())
                    .collect(),
                target: table.text(row, 3).unwrap_or_default(),
                actual: period_columns
                    .map(|column| table.text(row, column).unwrap_or_default())
                    .collect(),
            },
            other => {
                return Err(table.cell_error(
                    row,
                    1,
                    Detail::new("error.partners_kind", &[("text", &other)]),
                ));
            }
        };
        indicators.push(indicator);
    }
    Ok(MonitoringInput {
        model,
        periods,
        indicators,
    })
}

/// One sheet read with calamine; rows and columns are absolute (0-based).
struct Sheet {
    file: String,
    name: String,
    range: Range<Data>,
}

impl Sheet {
    fn first_row(&self) -> u32 {
        self.range.start().map_or(0, |(row, _)| row)
    }

    fn end_row(&self) -> u32 {
        self.range.end().map_or(0, |(row, _)| row + 1)
    }

    fn end_column(&self) -> u32 {
        self.range.end().map_or(0, |(_, column)| column + 1)
    }

    /// The number of non-empty header cells from column A.
    fn header_width(&self) -> usize {
        let header = self.first_row();
        (0..self.end_column())
            .take_while(|&column| !self.is_empty(header, column))
            .count()
    }

    fn get(&self, row: u32, column: u32) -> &Data {
        self.range.get_value((row, column)).unwrap_or(&Data::Empty)
    }

    fn is_empty(&self, row: u32, column: u32) -> bool {
        match self.get(row, column) {
            Data::Empty => true,
            Data::String(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    fn at(&self, row: u32, column: u32) -> (String, String) {
        (self.name.clone(), a1(row, column))
    }

    fn text(&self, row: u32, column: u32) -> Option<String> {
        match self.get(row, column) {
            Data::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            Data::Int(value) => Some(value.to_string()),
            Data::Float(value) => Some(value.to_string()),
            _ => None,
        }
    }

    fn decimal(&self, row: u32, column: u32) -> Result<Decimal, SheetsError> {
        let kind = match number_in_cell(self.get(row, column), NumberRules::FIGURES) {
            Ok(Some(value)) => return Ok(value),
            Ok(None) | Err(NumberError::NotANumber { .. } | NumberError::NotNumeric { .. }) => {
                ErrorKind::ExpectedNumber {
                    found: describe(self.get(row, column)),
                }
            }
            Err(error) => ErrorKind::from(error),
        };
        Err(SheetsError::at_cell(
            &self.file,
            &self.name,
            &a1(row, column),
            kind,
        ))
    }

    fn integer(&self, row: u32, column: u32) -> Result<i64, SheetsError> {
        let value = self.decimal(row, column)?;
        match value.normalize().to_i64() {
            Some(integer) if value.fract().is_zero() => Ok(integer),
            _ => Err(self.cell_error(
                row,
                column,
                Detail::new("error.partners_whole_number", &[("value", &value)]),
            )),
        }
    }

    fn cell_error(&self, row: u32, column: u32, message: impl Into<Detail>) -> SheetsError {
        SheetsError::AtCell {
            file: self.file.clone(),
            sheet: self.name.clone(),
            cell: a1(row, column),
            kind: ErrorKind::Invalid(message.into()),
        }
    }

    fn sheet_error(&self, message: Detail) -> SheetsError {
        SheetsError::InSheet {
            file: self.file.clone(),
            sheet: self.name.clone(),
            kind: ErrorKind::Invalid(message),
        }
    }
}

fn describe(data: &Data) -> String {
    match data {
        Data::Empty => "an empty cell".to_owned(),
        Data::String(text) => format!("text `{text}`"),
        other => format!("`{other}`"),
    }
}

#[cfg(test)]
mod tests;
