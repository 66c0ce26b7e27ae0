//! Workbook support for partner selection (seed 000): import of a panel input from a
//! workbook, with every value's cell remembered so that validation errors name their
//! sheet and cell, and export of the analysis with a radar chart of all partners.
//!
//! # Input workbook layout
//!
//! - `Panel`: keys in column A, values in column B: `title`, `experts`, `scale_min`,
//!   `scale_max`, `divisor` (`panel` or `votes_cast`).
//! - `Criteria`: header row, then one criterion per row in column A, an optional
//!   weight in column B.
//! - `Votes`: header `partner | criterion | <L> | … | <U>` (the scores), then one row
//!   per partner and criterion with the number of experts per score; or `Scores`:
//!   header `partner | criterion | expert 1 | …`, one row per partner and criterion
//!   with every expert's score.
//! - `Partners` (optional): header, then a partner name in column A and what it is
//!   in column B.
//! - `Compliance` (optional): header `indicator | <model> | … [| weight]`, one row per
//!   indicator with `+`, `-` or `±`; a row whose first cell is `exclude` marks excluded
//!   models with `x`.
//! - `Monitoring` (optional): A1 `model`, B1 the model; row 2 the header
//!   `indicator | kind | direction | target | unit | levels | <period> | …`; one row
//!   per indicator (`levels` separated by `;`, qualitative only).

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Range, Reader, open_workbook_auto};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Chart, ChartType, Format, Formula, Workbook, Worksheet};

use bilans_scoring::partners::{
    Analysis, ComplianceInput, ComplianceRowInput, Direction, Divisor, Form, IndicatorInput,
    InputError, InputLocation, MonitoringInput, PanelInput, PartnerInput, ScaleInput,
    SignificanceTest, analyse,
};

use crate::SheetsError;

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
    let mut workbook = open_workbook_auto(path).map_err(|error| SheetsError::InFile {
        file: file.clone(),
        message: error.to_string(),
    })?;
    let names = workbook.sheet_names();
    let mut sheet = |name: &str| -> Result<Option<Sheet>, SheetsError> {
        if !names.iter().any(|candidate| candidate == name) {
            return Ok(None);
        }
        let range = workbook
            .worksheet_range(name)
            .map_err(|error| SheetsError::InSheet {
                file: file.clone(),
                sheet: name.to_owned(),
                message: error.to_string(),
            })?;
        Ok(Some(Sheet {
            file: file.clone(),
            name: name.to_owned(),
            range,
        }))
    };
    let missing = |name: &str| SheetsError::InFile {
        file: file.clone(),
        message: format!("no sheet `{name}`"),
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
    let experts_row =
        key_cell("experts").ok_or_else(|| panel.sheet_error("no `experts` row in column A"))?;
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
                    format!("divisor `{text}`: use `panel` or `votes_cast`"),
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
        let name = match form {
            Form::Votes => "Votes",
            Form::Scores => "Scores",
        };
        let Some(table) = sheet(name)? else { continue };
        let width = table.end_column();
        for row in table.first_row() + 1..table.end_row() {
            let Some(partner_name) = table.text(row, 0) else {
                continue;
            };
            let criterion = table
                .text(row, 1)
                .ok_or_else(|| table.cell_error(row, 1, "no criterion"))?;
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
            let partner = &mut partners[partner_idx];
            let lists = match form {
                Form::Votes => &mut partner.votes,
                Form::Scores => &mut partner.scores,
            };
            lists.insert(criterion, values);
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
            message: error.message,
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
        message: error.message,
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
        .ok_or_else(|| table.cell_error(first, 1, "no model name"))?;
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
                            format!("direction `{other}`: use `at_least` or `at_most`"),
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
                    format!("kind `{other}`: use `quantitative` or `qualitative`"),
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
        (self.name.clone(), cell_name(row, column))
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
        let parsed = match self.get(row, column) {
            Data::Int(value) => Some(Decimal::from(*value)),
            Data::Float(value) => value.to_string().parse().ok(),
            Data::String(text) => text.trim().replace(',', ".").parse().ok(),
            _ => None,
        };
        parsed.ok_or_else(|| {
            self.cell_error(
                row,
                column,
                format!(
                    "expected a number, found {}",
                    describe(self.get(row, column))
                ),
            )
        })
    }

    fn integer(&self, row: u32, column: u32) -> Result<i64, SheetsError> {
        let value = self.decimal(row, column)?;
        match value.normalize().to_i64() {
            Some(integer) if value.fract().is_zero() => Ok(integer),
            _ => Err(self.cell_error(
                row,
                column,
                format!("expected a whole number, found {value}"),
            )),
        }
    }

    fn cell_error(&self, row: u32, column: u32, message: impl Into<String>) -> SheetsError {
        SheetsError::AtCell {
            file: self.file.clone(),
            sheet: self.name.clone(),
            cell: cell_name(row, column),
            message: message.into(),
        }
    }

    fn sheet_error(&self, message: &str) -> SheetsError {
        SheetsError::InSheet {
            file: self.file.clone(),
            sheet: self.name.clone(),
            message: message.to_owned(),
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

/// A1 notation of a 0-based (row, column).
fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = column + 1;
    while 0 < rest {
        let remainder = (rest - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(remainder).unwrap_or(0)));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// Builds the output workbook: `Scores` (votes per score and T_i as live formulas
/// with cached values, PT, harmony, and the radar chart of all partners),
/// `Selection`, `Agreement` (with individual scores), `Compliance`, `Monitoring`.
///
/// # Errors
///
/// [`SheetsError::Xlsx`] (with `path` as the destination) if the writer refuses.
pub fn analysis_workbook(analysis: &Analysis, path: &Path) -> Result<Workbook, SheetsError> {
    let xlsx = |source| SheetsError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let mut workbook = crate::new_workbook("bilans partner selection");
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("0.00");
    let scoring = &analysis.scoring;
    let scale: Vec<i64> = scoring.scale.scores().collect();
    let n_scores = u16::try_from(scale.len()).unwrap_or(u16::MAX);
    let n_partners = u16::try_from(scoring.partners.len()).unwrap_or(u16::MAX);
    let n_criteria = u32::try_from(scoring.criteria.len()).unwrap_or(u32::MAX);
    {
        let sheet = workbook.add_worksheet().set_name("Scores").map_err(xlsx)?;
        sheet
            .write_string_with_format(
                0,
                0,
                analysis.title.as_deref().unwrap_or("Partner scores"),
                &bold,
            )
            .map_err(xlsx)?;
        // Row 2: scores per block; row 3: partner names; criteria from row 4.
        sheet
            .write_string_with_format(2, 0, "criterion", &bold)
            .map_err(xlsx)?;
        let t_column = 1 + n_scores * n_partners;
        for (partner_idx, partner) in scoring.partners.iter().enumerate() {
            let block = 1 + n_scores * u16::try_from(partner_idx).unwrap_or(0);
            sheet
                .write_string_with_format(1, block, partner.name.as_str(), &bold)
                .map_err(xlsx)?;
            for (score_idx, score) in scale.iter().enumerate() {
                let column = block + u16::try_from(score_idx).unwrap_or(0);
                sheet
                    .write_number_with_format(
                        2,
                        column,
                        decimal_to_f64(Decimal::from(*score)),
                        &bold,
                    )
                    .map_err(xlsx)?;
            }
            let column = t_column + u16::try_from(partner_idx).unwrap_or(0);
            sheet
                .write_string_with_format(2, column, format!("T {}", partner.name), &bold)
                .map_err(xlsx)?;
        }
        for (criterion_idx, (criterion, _)) in scoring.criteria.iter().enumerate() {
            let row = 3 + u32::try_from(criterion_idx).unwrap_or(0);
            sheet
                .write_string(row, 0, criterion.as_str())
                .map_err(xlsx)?;
            for (partner_idx, partner) in scoring.partners.iter().enumerate() {
                let block = 1 + n_scores * u16::try_from(partner_idx).unwrap_or(0);
                let score = &partner.criteria[criterion_idx];
                let counts = &score.counts;
                for (score_idx, count) in counts.iter().enumerate() {
                    let column = block + u16::try_from(score_idx).unwrap_or(0);
                    sheet
                        .write_number(row, column, decimal_to_f64(Decimal::from(*count)))
                        .map_err(xlsx)?;
                }
                let first = cell_name(row, u32::from(block));
                let last = cell_name(row, u32::from(block + n_scores - 1));
                let header_first =
                    cell_name(2, u32::from(block)).replace(|c: char| c.is_ascii_digit(), "") + "$3";
                let header_last = cell_name(2, u32::from(block + n_scores - 1))
                    .replace(|c: char| c.is_ascii_digit(), "")
                    + "$3";
                let formula = format!(
                    "=SUMPRODUCT({first}:{last},${}:${})/{}",
                    header_first, header_last, score.divisor
                );
                let column = t_column + u16::try_from(partner_idx).unwrap_or(0);
                let cached = score
                    .score
                    .map(decimal_to_f64)
                    .unwrap_or_default()
                    .to_string();
                sheet
                    .write_formula_with_format(
                        row,
                        column,
                        Formula::new(formula).set_result(cached),
                        &two,
                    )
                    .map_err(xlsx)?;
            }
        }
        let total_row = 3 + n_criteria;
        let rows: [(&str, Vec<Option<Decimal>>); 3] = [
            (
                "PT = Σ T_i",
                scoring.partners.iter().map(|p| p.total).collect(),
            ),
            (
                "weighted total",
                scoring.partners.iter().map(|p| p.weighted_total).collect(),
            ),
            (
                "harmony H",
                scoring
                    .partners
                    .iter()
                    .map(|p| p.harmony.as_ref().map(|h| h.index))
                    .collect(),
            ),
        ];
        for (offset, (label, values)) in rows.iter().enumerate() {
            let row = total_row + u32::try_from(offset).unwrap_or(0);
            sheet
                .write_string_with_format(row, 0, *label, &bold)
                .map_err(xlsx)?;
            for (partner_idx, value) in values.iter().enumerate() {
                let column = t_column + u16::try_from(partner_idx).unwrap_or(0);
                if let Some(value) = value {
                    sheet
                        .write_number_with_format(row, column, decimal_to_f64(*value), &two)
                        .map_err(xlsx)?;
                } else {
                    sheet
                        .write_string(row, column, "not computable")
                        .map_err(xlsx)?;
                }
            }
        }
        sheet.set_column_width(0, 24).map_err(xlsx)?;
        let mut chart = Chart::new(ChartType::Radar);
        chart.title().set_name("Competitive advantages by partner");
        for partner_idx in 0..n_partners {
            let column = t_column + partner_idx;
            chart
                .add_series()
                .set_categories(("Scores", 3, 0, 2 + n_criteria, 0))
                .set_values(("Scores", 3, column, 2 + n_criteria, column))
                .set_name(("Scores", 2, column));
        }
        sheet.insert_chart(total_row + 5, 0, &chart).map_err(xlsx)?;
    }
    write_text_sheet(
        &mut workbook,
        "Selection",
        &bilans_scoring::partners::render::scoring_markdown(scoring),
    )
    .map_err(xlsx)?;
    if scoring
        .partners
        .iter()
        .any(|partner| partner.agreement.is_some())
    {
        let sheet = workbook
            .add_worksheet()
            .set_name("Agreement")
            .map_err(xlsx)?;
        let header = [
            "partner",
            "judges m",
            "criteria n",
            "S",
            "Σ(t³−t)",
            "W",
            "χ²",
            "df",
            "p-value",
            "test",
        ];
        for (column, label) in header.iter().enumerate() {
            sheet
                .write_string_with_format(0, u16::try_from(column).unwrap_or(0), *label, &bold)
                .map_err(xlsx)?;
        }
        for (partner_idx, partner) in scoring.partners.iter().enumerate() {
            let row = 1 + u32::try_from(partner_idx).unwrap_or(0);
            sheet
                .write_string(row, 0, partner.name.as_str())
                .map_err(xlsx)?;
            match &partner.agreement {
                Some(Ok(c)) => {
                    let numbers = [
                        Decimal::from(c.judges),
                        Decimal::from(c.objects),
                        c.s,
                        c.ties,
                        c.w,
                        c.chi_square,
                        Decimal::from(c.degrees_of_freedom),
                        c.p_value,
                    ];
                    for (offset, number) in numbers.iter().enumerate() {
                        sheet
                            .write_number(
                                row,
                                1 + u16::try_from(offset).unwrap_or(0),
                                decimal_to_f64(*number),
                            )
                            .map_err(xlsx)?;
                    }
                    let test = match c.test {
                        SignificanceTest::ChiSquare => "chi-square".to_owned(),
                        SignificanceTest::Permutation { permutations } => {
                            format!("permutation ({permutations})")
                        }
                    };
                    sheet.write_string(row, 9, test).map_err(xlsx)?;
                }
                Some(Err(reason)) => {
                    sheet
                        .write_string(row, 1, format!("not computable: {reason}"))
                        .map_err(xlsx)?;
                }
                None => {
                    sheet
                        .write_string(row, 1, "vote counts only: no individual scores")
                        .map_err(xlsx)?;
                }
            }
        }
        let row = 2 + u32::from(n_partners);
        let header = ["partner", "criterion", "median", "lowest", "highest", "σ"];
        for (column, label) in header.iter().enumerate() {
            sheet
                .write_string_with_format(row, u16::try_from(column).unwrap_or(0), *label, &bold)
                .map_err(xlsx)?;
        }
        let mut row = row + 1;
        for partner in &scoring.partners {
            for score in &partner.criteria {
                sheet
                    .write_string(row, 0, partner.name.as_str())
                    .map_err(xlsx)?;
                sheet
                    .write_string(row, 1, score.criterion.as_str())
                    .map_err(xlsx)?;
                let values = [
                    score.median,
                    score.lowest.map(Decimal::from),
                    score.highest.map(Decimal::from),
                    score.std_dev,
                ];
                for (offset, value) in values.iter().enumerate() {
                    if let Some(value) = value {
                        sheet
                            .write_number(
                                row,
                                2 + u16::try_from(offset).unwrap_or(0),
                                decimal_to_f64(*value),
                            )
                            .map_err(xlsx)?;
                    }
                }
                row += 1;
            }
        }
    }
    if let Some(compliance) = &analysis.compliance {
        write_text_sheet(
            &mut workbook,
            "Compliance",
            &bilans_scoring::partners::render::compliance_report(compliance),
        )
        .map_err(xlsx)?;
    }
    if let Some(monitoring) = &analysis.monitoring {
        write_text_sheet(
            &mut workbook,
            "Monitoring",
            &bilans_scoring::partners::render::monitoring_markdown(monitoring),
        )
        .map_err(xlsx)?;
    }
    Ok(workbook)
}

/// Writes Markdown-ish text into a sheet: table rows split on `|` into cells, other
/// lines in column A.
fn write_text_sheet(
    workbook: &mut Workbook,
    name: &str,
    text: &str,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let sheet: &mut Worksheet = workbook.add_worksheet().set_name(name)?;
    let mut row = 0;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("| ---") || trimmed.starts_with("|---") {
            continue;
        }
        if trimmed.starts_with('|') {
            let cells: Vec<&str> = trimmed
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            for (column, cell) in cells.iter().enumerate() {
                let column = u16::try_from(column).unwrap_or(0);
                match cell.parse::<f64>() {
                    Ok(number) => sheet.write_number(row, column, number)?,
                    Err(_) => sheet.write_string(row, column, *cell)?,
                };
            }
        } else {
            sheet.write_string(row, 0, line)?;
        }
        row += 1;
    }
    sheet.set_column_width(0, 28)?;
    Ok(())
}

/// Decimal → f64 for the workbook's cells (display and charts only; results stay
/// Decimal in the analysis and the JSON).
fn decimal_to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

/// Writes `input` as an input workbook in the layout [`read_panel_workbook`] reads
/// (used to produce `fixtures/partners/example.xlsx` and as a template for users).
///
/// # Errors
///
/// [`SheetsError::Xlsx`] (with `path` as the destination) if the writer refuses.
pub fn panel_input_workbook(input: &PanelInput, path: &Path) -> Result<Workbook, SheetsError> {
    let xlsx = |source| SheetsError::Xlsx {
        path: path.to_owned(),
        source,
    };
    let mut workbook = crate::new_workbook("bilans partner panel input");
    let sheet = workbook.add_worksheet().set_name("Panel").map_err(xlsx)?;
    let divisor = match input.divisor {
        Divisor::Panel => "panel",
        Divisor::VotesCast => "votes_cast",
    };
    sheet.write_string(0, 0, "title").map_err(xlsx)?;
    sheet
        .write_string(0, 1, input.title.as_deref().unwrap_or_default())
        .map_err(xlsx)?;
    for (row, (key, value)) in [
        ("experts", input.experts),
        ("scale_min", input.scale.min),
        ("scale_max", input.scale.max),
    ]
    .iter()
    .enumerate()
    {
        let row = 1 + u32::try_from(row).unwrap_or(0);
        sheet.write_string(row, 0, *key).map_err(xlsx)?;
        sheet
            .write_number(row, 1, decimal_to_f64(Decimal::from(*value)))
            .map_err(xlsx)?;
    }
    sheet.write_string(4, 0, "divisor").map_err(xlsx)?;
    sheet.write_string(4, 1, divisor).map_err(xlsx)?;

    let sheet = workbook
        .add_worksheet()
        .set_name("Criteria")
        .map_err(xlsx)?;
    sheet.write_string(0, 0, "criterion").map_err(xlsx)?;
    sheet.write_string(0, 1, "weight").map_err(xlsx)?;
    for (row, criterion) in input.criteria.iter().enumerate() {
        let row = 1 + u32::try_from(row).unwrap_or(0);
        sheet
            .write_string(row, 0, criterion.as_str())
            .map_err(xlsx)?;
        if let Some(weight) = input.weights.get(criterion) {
            sheet
                .write_number(row, 1, decimal_to_f64(*weight))
                .map_err(xlsx)?;
        }
    }

    if input
        .partners
        .iter()
        .any(|partner| partner.description.is_some())
    {
        let sheet = workbook
            .add_worksheet()
            .set_name("Partners")
            .map_err(xlsx)?;
        sheet.write_string(0, 0, "partner").map_err(xlsx)?;
        sheet.write_string(0, 1, "description").map_err(xlsx)?;
        for (row, partner) in input.partners.iter().enumerate() {
            let row = 1 + u32::try_from(row).unwrap_or(0);
            sheet
                .write_string(row, 0, partner.name.as_str())
                .map_err(xlsx)?;
            sheet
                .write_string(row, 1, partner.description.as_deref().unwrap_or_default())
                .map_err(xlsx)?;
        }
    }

    for form in [Form::Votes, Form::Scores] {
        let rows: Vec<(&str, &str, &Vec<i64>)> = input
            .partners
            .iter()
            .flat_map(|partner| {
                let lists = match form {
                    Form::Votes => &partner.votes,
                    Form::Scores => &partner.scores,
                };
                input.criteria.iter().filter_map(move |criterion| {
                    Some((
                        partner.name.as_str(),
                        criterion.as_str(),
                        lists.get(criterion)?,
                    ))
                })
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let name = match form {
            Form::Votes => "Votes",
            Form::Scores => "Scores",
        };
        let sheet = workbook.add_worksheet().set_name(name).map_err(xlsx)?;
        sheet.write_string(0, 0, "partner").map_err(xlsx)?;
        sheet.write_string(0, 1, "criterion").map_err(xlsx)?;
        let width = rows
            .iter()
            .map(|(_, _, values)| values.len())
            .max()
            .unwrap_or(0);
        for column in 0..width {
            let header_column = 2 + u16::try_from(column).unwrap_or(0);
            match form {
                Form::Votes => {
                    let score = input.scale.min + i64::try_from(column).unwrap_or(0);
                    sheet
                        .write_number(0, header_column, decimal_to_f64(Decimal::from(score)))
                        .map_err(xlsx)?
                }
                Form::Scores => sheet
                    .write_string(0, header_column, format!("expert {}", column + 1))
                    .map_err(xlsx)?,
            };
        }
        for (row, (partner, criterion, values)) in rows.iter().enumerate() {
            let row = 1 + u32::try_from(row).unwrap_or(0);
            sheet.write_string(row, 0, *partner).map_err(xlsx)?;
            sheet.write_string(row, 1, *criterion).map_err(xlsx)?;
            for (column, value) in values.iter().enumerate() {
                let column = 2 + u16::try_from(column).unwrap_or(0);
                sheet
                    .write_number(row, column, decimal_to_f64(Decimal::from(*value)))
                    .map_err(xlsx)?;
            }
        }
    }

    if let Some(compliance) = &input.compliance {
        let sheet = workbook
            .add_worksheet()
            .set_name("Compliance")
            .map_err(xlsx)?;
        sheet.write_string(0, 0, "indicator").map_err(xlsx)?;
        let weight_column = 1 + u16::try_from(compliance.models.len()).unwrap_or(0);
        for (column, model) in compliance.models.iter().enumerate() {
            sheet
                .write_string(0, 1 + u16::try_from(column).unwrap_or(0), model.as_str())
                .map_err(xlsx)?;
        }
        sheet
            .write_string(0, weight_column, "weight")
            .map_err(xlsx)?;
        for (row, line) in compliance.rows.iter().enumerate() {
            let row = 1 + u32::try_from(row).unwrap_or(0);
            sheet
                .write_string(row, 0, line.indicator.as_str())
                .map_err(xlsx)?;
            for (column, mark) in line.marks.iter().enumerate() {
                sheet
                    .write_string(row, 1 + u16::try_from(column).unwrap_or(0), mark.as_str())
                    .map_err(xlsx)?;
            }
            if let Some(weight) = compliance.weights.get(&line.indicator) {
                sheet
                    .write_number(row, weight_column, decimal_to_f64(*weight))
                    .map_err(xlsx)?;
            }
        }
        if !compliance.exclude.is_empty() {
            let row = 1 + u32::try_from(compliance.rows.len()).unwrap_or(0);
            sheet.write_string(row, 0, "exclude").map_err(xlsx)?;
            for (column, model) in compliance.models.iter().enumerate() {
                if compliance.exclude.contains(model) {
                    sheet
                        .write_string(row, 1 + u16::try_from(column).unwrap_or(0), "x")
                        .map_err(xlsx)?;
                }
            }
        }
    }

    if let Some(monitoring) = &input.monitoring {
        let sheet = workbook
            .add_worksheet()
            .set_name("Monitoring")
            .map_err(xlsx)?;
        sheet.write_string(0, 0, "model").map_err(xlsx)?;
        sheet
            .write_string(0, 1, monitoring.model.as_str())
            .map_err(xlsx)?;
        for (column, label) in ["indicator", "kind", "direction", "target", "unit", "levels"]
            .iter()
            .enumerate()
        {
            sheet
                .write_string(1, u16::try_from(column).unwrap_or(0), *label)
                .map_err(xlsx)?;
        }
        for (column, period) in monitoring.periods.iter().enumerate() {
            sheet
                .write_string(1, 6 + u16::try_from(column).unwrap_or(0), period.as_str())
                .map_err(xlsx)?;
        }
        for (row, indicator) in monitoring.indicators.iter().enumerate() {
            let row = 2 + u32::try_from(row).unwrap_or(0);
            match indicator {
                IndicatorInput::Quantitative {
                    name,
                    unit,
                    direction,
                    target,
                    actual,
                } => {
                    sheet.write_string(row, 0, name.as_str()).map_err(xlsx)?;
                    sheet.write_string(row, 1, "quantitative").map_err(xlsx)?;
                    let direction = match direction {
                        Direction::AtLeast => "at_least",
                        Direction::AtMost => "at_most",
                    };
                    sheet.write_string(row, 2, direction).map_err(xlsx)?;
                    sheet
                        .write_number(row, 3, decimal_to_f64(*target))
                        .map_err(xlsx)?;
                    if let Some(unit) = unit {
                        sheet.write_string(row, 4, unit.as_str()).map_err(xlsx)?;
                    }
                    for (column, value) in actual.iter().enumerate() {
                        sheet
                            .write_number(
                                row,
                                6 + u16::try_from(column).unwrap_or(0),
                                decimal_to_f64(*value),
                            )
                            .map_err(xlsx)?;
                    }
                }
                IndicatorInput::Qualitative {
                    name,
                    levels,
                    target,
                    actual,
                } => {
                    sheet.write_string(row, 0, name.as_str()).map_err(xlsx)?;
                    sheet.write_string(row, 1, "qualitative").map_err(xlsx)?;
                    sheet.write_string(row, 3, target.as_str()).map_err(xlsx)?;
                    sheet
                        .write_string(row, 5, levels.join("; "))
                        .map_err(xlsx)?;
                    for (column, value) in actual.iter().enumerate() {
                        sheet
                            .write_string(
                                row,
                                6 + u16::try_from(column).unwrap_or(0),
                                value.as_str(),
                            )
                            .map_err(xlsx)?;
                    }
                }
            }
        }
    }
    Ok(workbook)
}
