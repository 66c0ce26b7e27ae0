//! Reading a staff workbook (xlsx, xls, ods) into a [`StaffFile`], remembering the cell
//! of every field so that validation errors can name it.

use std::collections::BTreeMap;
use std::path::Path;

use bilans_scoring::human_capital::{
    AggregationMethod, Assessment, Band, Baseline, BaselineKind, Company, Config, Group,
    GroupAggregation, Person, PersonnelCostBasis, Scores, StaffFile,
};
use calamine::{Data, Range};
use rust_decimal::Decimal;

use crate::cells::a1;
use crate::numbers::{NumberError, NumberRules, number_in_cell, parse_number};
use crate::reader::open_workbook;
use crate::{Detail, ErrorKind, SheetsError};

/// The sheet and cell of each field path (`staff[0].fte`, `company.revenue`, ...).
pub(crate) type Provenance = BTreeMap<String, (String, String)>;

/// The staff columns, in the order the template writes them; `true` when required.
pub(crate) const STAFF_COLUMNS: [(&str, bool); 13] = [
    ("id", true),
    ("name", true),
    ("position", false),
    ("fte", true),
    ("wage", true),
    ("benefits", false),
    ("efficiency_coefficient", true),
    ("invested_funds", false),
    ("annual_investment", false),
    ("investment_periods", false),
    ("education", true),
    ("tenure_years", true),
    ("age", true),
];

/// Reads the workbook at `path`.
pub(crate) fn read_workbook(path: &Path) -> Result<(StaffFile, Provenance), SheetsError> {
    let file = path.display().to_string();
    let mut workbook = open_workbook(path)?;
    let names = workbook.sheet_names();
    let mut grid = |name: &str, required: bool| -> Result<Option<Grid>, SheetsError> {
        if !names.iter().any(|sheet| sheet == name) {
            if required {
                let message = Detail::new(
                    "error.hc_missing_sheet",
                    &[("name", &name), ("present", &names.join(", "))],
                );
                return Err(SheetsError::InFile {
                    file: file.clone(),
                    kind: ErrorKind::Invalid(message),
                });
            }
            return Ok(None);
        }
        let range = workbook.worksheet_range(name)?;
        Ok(Some(Grid {
            file: file.clone(),
            sheet: name.to_owned(),
            range,
        }))
    };
    let company_grid = grid("Company", true)?;
    let config_grid = grid("Config", false)?;
    let staff_grid = grid("Staff", true)?;
    let scores_grid = grid("Scores", true)?;
    let mut provenance = Provenance::new();
    let company = match &company_grid {
        Some(grid) => read_company(grid, &mut provenance)?,
        None => Company::default(),
    };
    let config = match &config_grid {
        Some(grid) => read_config(grid, &mut provenance)?,
        None => Config::default(),
    };
    let mut staff = match &staff_grid {
        Some(grid) => read_staff(grid, &mut provenance)?,
        None => Vec::new(),
    };
    if let (Some(grid), Some(staff_grid)) = (&scores_grid, &staff_grid) {
        read_scores(grid, staff_grid, &mut staff, &mut provenance)?;
    }
    let staff = staff.into_iter().map(|(person, _)| person).collect();
    Ok((
        StaffFile {
            company,
            config,
            staff,
        },
        provenance,
    ))
}

/// One sheet's cells.
struct Grid {
    file: String,
    sheet: String,
    range: Range<Data>,
}

impl Grid {
    fn get(&self, row: u32, column: u32) -> &Data {
        self.range.get_value((row, column)).unwrap_or(&Data::Empty)
    }

    fn n_rows(&self) -> u32 {
        self.range.end().map_or(0, |(row, _)| row + 1)
    }

    fn n_columns(&self) -> u32 {
        self.range.end().map_or(0, |(_, column)| column + 1)
    }

    fn at(&self, row: u32, column: u32) -> (String, String) {
        (self.sheet.clone(), a1(row, column))
    }

    fn error(&self, row: u32, column: u32, message: impl Into<Detail>) -> SheetsError {
        SheetsError::AtCell {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            cell: a1(row, column),
            kind: ErrorKind::Invalid(message.into()),
        }
    }

    fn text(&self, row: u32, column: u32) -> Option<String> {
        match self.get(row, column) {
            Data::Empty => None,
            Data::String(text) if text.trim().is_empty() => None,
            Data::String(text) => Some(text.trim().to_owned()),
            Data::Float(value) => Some(value.to_string()),
            Data::Int(value) => Some(value.to_string()),
            other => Some(other.to_string()),
        }
    }

    /// A date cell as `YYYY-MM-DD` (spreadsheets turn a typed `2024-11-20` into one);
    /// any other cell as [`Grid::text`], for the validation to judge.
    fn date_text(&self, row: u32, column: u32) -> Option<String> {
        match self.get(row, column) {
            Data::DateTime(date) if date.is_datetime() => date
                .as_datetime()
                .map(|moment| moment.date().to_string())
                .or_else(|| self.text(row, column)),
            Data::DateTimeIso(text) => Some(text.get(..10).unwrap_or(text).to_owned()),
            _ => self.text(row, column),
        }
    }

    fn decimal(&self, row: u32, column: u32) -> Result<Option<Decimal>, SheetsError> {
        let data = self.get(row, column);
        number_in_cell(data, NumberRules::FIGURES).map_err(|error| {
            let kind = match error {
                NumberError::NotANumber { .. } | NumberError::NotNumeric { .. } => {
                    ErrorKind::ExpectedNumber {
                        found: format!("`{data}`"),
                    }
                }
                NumberError::OutOfRange { .. } => {
                    ErrorKind::Invalid(Detail::new("error.hc_out_of_range", &[("data", data)]))
                }
                other => ErrorKind::from(other),
            };
            SheetsError::at_cell(&self.file, &self.sheet, &a1(row, column), kind)
        })
    }

    fn required_decimal(&self, row: u32, column: u32, what: &str) -> Result<Decimal, SheetsError> {
        self.decimal(row, column)?.ok_or_else(|| {
            self.error(
                row,
                column,
                Detail::new("error.hc_empty", &[("what", &what)]),
            )
        })
    }

    fn required_text(&self, row: u32, column: u32, what: &str) -> Result<String, SheetsError> {
        self.text(row, column).ok_or_else(|| {
            self.error(
                row,
                column,
                Detail::new("error.hc_empty", &[("what", &what)]),
            )
        })
    }
}

/// Rows of a two-column `field | value` sheet, skipping blanks and the header.
fn key_rows(grid: &Grid) -> Vec<(u32, String)> {
    (0..grid.n_rows())
        .filter_map(|row| grid.text(row, 0).map(|key| (row, key)))
        .filter(|(row, key)| !(*row == 0 && key == "field"))
        .collect()
}

fn read_company(grid: &Grid, provenance: &mut Provenance) -> Result<Company, SheetsError> {
    let mut company = Company::default();
    for (row, key) in key_rows(grid) {
        provenance.insert(format!("company.{key}"), grid.at(row, 1));
        let text = || grid.text(row, 1).unwrap_or_default();
        let number = || grid.decimal(row, 1);
        match key.as_str() {
            "name" => company.name = text(),
            "currency" => company.currency = text(),
            "period" => company.period = text(),
            "revenue" => company.revenue = number()?,
            "profit" => company.profit = number()?,
            "operating_expense" => company.operating_expense = number()?,
            "pay_and_benefits" => company.pay_and_benefits = number()?,
            "market_value" => company.market_value = number()?,
            "book_value" => company.book_value = number()?,
            "fte" => company.fte = number()?,
            _ => {
                let message = Detail::new("error.hc_unknown_company_field", &[("key", &key)]);
                return Err(grid.error(row, 0, message));
            }
        }
    }
    Ok(company)
}

fn read_config(grid: &Grid, provenance: &mut Provenance) -> Result<Config, SheetsError> {
    let mut config = Config::default();
    let mut education = BTreeMap::new();
    let mut tenure = Vec::new();
    let mut age = Vec::new();
    for (row, key) in key_rows(grid) {
        let parts: Vec<&str> = key.split('.').collect();
        let number = || grid.required_decimal(row, 1, &key);
        let unknown = || {
            grid.error(
                row,
                0,
                Detail::new("error.hc_unknown_key", &[("key", &key)]),
            )
        };
        match parts.as_slice() {
            ["score_scale", "min"] => config.score_scale.min = number()?,
            ["score_scale", "max"] => config.score_scale.max = number()?,
            ["aggregation", group, rest @ ..] => {
                let group = Group::from_name(group).ok_or_else(unknown)?;
                let entry = config.aggregation.entry(group).or_insert(GroupAggregation {
                    method: AggregationMethod::Mean,
                    weights: BTreeMap::new(),
                });
                match rest {
                    ["method"] => {
                        let text = grid.required_text(row, 1, &key)?;
                        entry.method = AggregationMethod::from_name(&text).ok_or_else(|| {
                            let message =
                                Detail::new("error.hc_unknown_method", &[("text", &text)]);
                            grid.error(row, 1, message)
                        })?;
                    }
                    ["weights", component] => {
                        entry.weights.insert((*component).to_owned(), number()?);
                    }
                    _ => return Err(unknown()),
                }
            }
            ["worker_value", "industry_median_profit_per_fte"] => {
                config.worker_value.industry_median_profit_per_fte = Some(number()?);
            }
            ["worker_value", "industry_median_personnel_cost_per_fte"] => {
                config.worker_value.industry_median_personnel_cost_per_fte = Some(number()?);
            }
            ["worker_value", "investment_periods"] => {
                config.worker_value.investment_periods = number()?
            }
            ["worker_value", "personnel_cost_basis"] => {
                let text = grid.required_text(row, 1, &key)?;
                config.worker_value.personnel_cost_basis = PersonnelCostBasis::from_name(&text)
                    .ok_or_else(|| {
                        let message = Detail::new("error.hc_unknown_basis", &[("text", &text)]);
                        grid.error(row, 1, message)
                    })?;
            }
            ["prospects", "education", level] => {
                education.insert((*level).to_owned(), number()?);
            }
            ["prospects", kind @ ("tenure" | "age"), from] => {
                let from = match parse_number(from, NumberRules::FIGURES) {
                    Ok(Some(from)) => from,
                    _ => {
                        return Err(grid.error(
                            row,
                            0,
                            Detail::new(
                                "error.hc_band_not_a_number",
                                &[("key", &key), ("from", &from)],
                            ),
                        ));
                    }
                };
                let bands = if *kind == "tenure" {
                    &mut tenure
                } else {
                    &mut age
                };
                bands.push((
                    Band {
                        from,
                        points: number()?,
                    },
                    row,
                ));
            }
            _ => return Err(unknown()),
        }
        provenance.insert(format!("config.{key}"), grid.at(row, 1));
    }
    if !education.is_empty() {
        config.prospects.education = education;
    }
    for (kind, mut bands, target) in [
        ("tenure", tenure, &mut config.prospects.tenure),
        ("age", age, &mut config.prospects.age),
    ] {
        if bands.is_empty() {
            continue;
        }
        bands.sort_by_key(|band| band.0.from);
        for (band_idx, (_, row)) in bands.iter().enumerate() {
            provenance.insert(
                format!("config.prospects.{kind}[{band_idx}].from"),
                grid.at(*row, 0),
            );
        }
        *target = bands.into_iter().map(|(band, _)| band).collect();
    }
    Ok(config)
}

/// A person being read and the sheet row it came from.
type StaffRow = (Person, u32);

fn header(grid: &Grid) -> BTreeMap<String, u32> {
    (0..grid.n_columns())
        .filter_map(|column| grid.text(0, column).map(|name| (name, column)))
        .collect()
}

fn read_staff(grid: &Grid, provenance: &mut Provenance) -> Result<Vec<StaffRow>, SheetsError> {
    let columns = header(grid);
    for (name, column) in &columns {
        if !STAFF_COLUMNS.iter().any(|(known, _)| known == name) {
            let message = Detail::new("error.hc_unknown_staff_column", &[("name", name)]);
            return Err(grid.error(0, *column, message));
        }
    }
    for (name, required) in STAFF_COLUMNS {
        if required && !columns.contains_key(name) {
            let message = Detail::new("error.hc_required_column", &[("name", &name)]);
            return Err(SheetsError::InSheet {
                file: grid.file.clone(),
                sheet: grid.sheet.clone(),
                kind: ErrorKind::Invalid(message),
            });
        }
    }
    let column = |name: &str| columns.get(name).copied();
    let mut staff = Vec::new();
    for row in 1..grid.n_rows() {
        if (0..grid.n_columns()).all(|column| grid.text(row, column).is_none()) {
            continue;
        }
        let path = format!("staff[{}]", staff.len());
        for (name, column) in &columns {
            provenance.insert(format!("{path}.{name}"), grid.at(row, *column));
        }
        let required_text = |name: &str| grid.required_text(row, columns[name], name);
        let required_number = |name: &str| grid.required_decimal(row, columns[name], name);
        let optional_number = |name: &str| match column(name) {
            Some(column) => grid.decimal(row, column),
            None => Ok(None),
        };
        let person = Person {
            id: required_text("id")?,
            name: required_text("name")?,
            position: column("position")
                .and_then(|column| grid.text(row, column))
                .unwrap_or_default(),
            fte: required_number("fte")?,
            wage: required_number("wage")?,
            benefits: optional_number("benefits")?.unwrap_or_default(),
            efficiency_coefficient: required_number("efficiency_coefficient")?,
            invested_funds: optional_number("invested_funds")?,
            annual_investment: optional_number("annual_investment")?.unwrap_or_default(),
            investment_periods: optional_number("investment_periods")?,
            education: required_text("education")?,
            tenure_years: required_number("tenure_years")?,
            age: required_number("age")?,
            assessment: Assessment {
                date: String::new(),
                scores: Scores::new(),
            },
            baseline: None,
        };
        staff.push((person, row));
    }
    Ok(staff)
}

/// The component column name `group.component`.
pub(crate) fn component_column(group: Group, component: &str) -> String {
    format!("{}.{component}", group.name())
}

fn read_scores(
    grid: &Grid,
    staff_grid: &Grid,
    staff: &mut [StaffRow],
    provenance: &mut Provenance,
) -> Result<(), SheetsError> {
    let columns = header(grid);
    for fixed in ["id", "kind"] {
        if !columns.contains_key(fixed) {
            let message = Detail::new("error.hc_required_column", &[("name", &fixed)]);
            return Err(SheetsError::InSheet {
                file: grid.file.clone(),
                sheet: grid.sheet.clone(),
                kind: ErrorKind::Invalid(message),
            });
        }
    }
    let mut component_columns = Vec::new();
    for (name, column) in &columns {
        if ["id", "kind", "baseline_kind", "date"].contains(&name.as_str()) {
            continue;
        }
        let known = Group::ALL.into_iter().find_map(|group| {
            group
                .components()
                .iter()
                .find(|component| component_column(group, component) == *name)
                .map(|component| (group, (*component).to_owned()))
        });
        match known {
            Some((group, component)) => component_columns.push((group, component, *column)),
            None => {
                return Err(grid.error(
                    0,
                    *column,
                    Detail::new("error.hc_unknown_score_column", &[("name", name)]),
                ));
            }
        }
    }
    let mut seen = BTreeMap::new();
    for row in 1..grid.n_rows() {
        let Some(id) = grid.text(row, columns["id"]) else {
            continue;
        };
        let Some(person_idx) = staff.iter().position(|(person, _)| person.id == id) else {
            return Err(grid.error(
                row,
                columns["id"],
                Detail::new("error.hc_no_person", &[("id", &id), ("sheet", &"Staff")]),
            ));
        };
        let kind = grid.required_text(row, columns["kind"], "kind")?;
        if kind != "assessment" && kind != "baseline" {
            let message = Detail::new("error.hc_unknown_kind", &[("kind", &kind)]);
            return Err(grid.error(row, columns["kind"], message));
        }
        if let Some(first_row) = seen.insert((person_idx, kind.clone()), row) {
            let message = Detail::new(
                "error.hc_second_row",
                &[("kind", &kind), ("id", &id), ("row", &(first_row + 1))],
            );
            return Err(grid.error(row, columns["kind"], message));
        }
        let path = format!("staff[{person_idx}].{kind}.scores");
        let mut scores = Scores::new();
        for group in Group::ALL {
            // A group is missing when none of its cells holds a score; its location is
            // the cell of its first component (or the id cell when the column is absent).
            let first_column = component_columns
                .iter()
                .find(|(owner, ..)| *owner == group)
                .map(|(_, _, column)| *column);
            provenance.insert(
                format!("{path}.{group}"),
                grid.at(row, first_column.unwrap_or(columns["id"])),
            );
            let mut components = BTreeMap::new();
            for (_, component, column) in component_columns
                .iter()
                .filter(|(owner, ..)| *owner == group)
            {
                provenance.insert(format!("{path}.{group}.{component}"), grid.at(row, *column));
                if let Some(score) = grid.decimal(row, *column)? {
                    components.insert(component.clone(), score);
                }
            }
            if !components.is_empty() {
                scores.insert(group.name().to_owned(), components);
            }
        }
        let date = match columns.get("date") {
            Some(column) => {
                provenance.insert(
                    format!("staff[{person_idx}].{kind}.date"),
                    grid.at(row, *column),
                );
                grid.date_text(row, *column).unwrap_or_default()
            }
            None => String::new(),
        };
        let person = &mut staff[person_idx].0;
        if kind == "assessment" {
            person.assessment = Assessment { date, scores };
            continue;
        }
        let kind_column = columns
            .get("baseline_kind")
            .copied()
            .unwrap_or(columns["kind"]);
        let kind_text = grid.text(row, kind_column).unwrap_or_default();
        let Some(baseline_kind) = BaselineKind::from_name(&kind_text) else {
            let message = Detail::new("error.hc_baseline_kind", &[("found", &kind_text)]);
            return Err(grid.error(row, kind_column, message));
        };
        person.baseline = Some(Baseline {
            kind: baseline_kind,
            date,
            scores,
        });
    }
    for (person_idx, (person, staff_row)) in staff.iter().enumerate() {
        if !seen.contains_key(&(person_idx, "assessment".to_owned())) {
            let message = Detail::new(
                "error.hc_no_assessment",
                &[("id", &person.id), ("sheet", &"Scores")],
            );
            return Err(staff_grid.error(*staff_row, 0, message));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
