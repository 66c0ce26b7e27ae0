//! KPI cards (seed 001) on disk: reading a card from TOML or from a workbook (xlsx, ods,
//! ...) with located errors, writing a card as an input workbook, and exporting the
//! scored report as a workbook with traffic lights.
//!
//! The analysis is `bilans_scoring::kpi`; this module only turns files into a
//! [`CardInput`] and back, and turns each [`InputError`] into a [`SheetsError`] naming
//! the file and the sheet and cell (workbooks) or the TOML field.
//!
//! # Example
//!
//! ```
//! # let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/kpi/example_card.toml");
//! let card = bilans_sheets::kpi::read_card(std::path::Path::new(path)).unwrap();
//! let report = bilans_scoring::kpi::report(&card);
//! assert_eq!(report.cards.len(), 4);
//! ```

use std::path::Path;

use bilans_scoring::kpi::{
    Card, CardInput, InputError, InputLocation, KpiField, KpiRecord, build_card, code_list,
};

use crate::toml_text::{Located, Step};
use crate::{Detail, ErrorKind, SheetsError};

mod export;
mod workbook;

pub use crate::kpi::export::{write_report, write_report_in};
pub use crate::kpi::workbook::{
    ACTUALS_SHEET, CellMap, KPI_SHEET, SETTINGS_SHEET, read_card_workbook, read_input_workbook,
    write_input_workbook,
};

/// Reads and validates a card: TOML when the file name ends in `.toml`, otherwise a
/// workbook.
///
/// # Errors
///
/// A [`SheetsError`] naming the file and the TOML field or the sheet and cell.
pub fn read_card(path: &Path) -> Result<Card, SheetsError> {
    let is_toml = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("toml"));
    if is_toml {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| SheetsError::Io {
            path: path.to_owned(),
            source,
        })?;
        parse_card_toml(&text, &file)
    } else {
        read_card_workbook(path)
    }
}

/// Parses and validates a card written in TOML; `file` names it in errors.
///
/// # Errors
///
/// [`SheetsError::InFile`] naming the line and column and the TOML field.
pub fn parse_card_toml(text: &str, file: &str) -> Result<Card, SheetsError> {
    let located = Located::parse(text).map_err(|message| in_file(file, message))?;
    let input = card_input(&located, text, file)?;
    build_card(&input).map_err(|error| toml_error(file, &located, &input, &error))
}

/// Reads the records of a TOML card without validating them.
///
/// The file has an optional `[settings]` table (nested keys such as
/// `cap.positive.ratio = 1.2`) and one `[[kpi]]` table per KPI, whose keys are the
/// [`KpiField`] names plus `actual`, a table of period label to value. `types` may be
/// an array of words or one string.
///
/// # Errors
///
/// [`SheetsError::InFile`] for TOML syntax and for keys or values of the wrong kind,
/// with the line and column.
pub fn card_input_from_toml(text: &str, file: &str) -> Result<CardInput, SheetsError> {
    let located = Located::parse(text).map_err(|message| in_file(file, message))?;
    card_input(&located, text, file)
}

fn in_file(file: &str, message: impl Into<Detail>) -> SheetsError {
    SheetsError::InFile {
        file: file.to_owned(),
        kind: ErrorKind::Invalid(message.into()),
    }
}

/// Where in a TOML card an error is.
enum Place {
    /// A top-level key.
    Root(String),
    /// A `[[kpi]]` table, one of its keys, or one period of its `actual` table.
    Kpi {
        kpi_idx: usize,
        key: Option<String>,
        period: Option<String>,
    },
    /// A setting, by its dotted path under `[settings]`.
    Setting(String),
}

impl Place {
    /// `line L, column C: message`.
    fn message(&self, located: &Located<'_>, message: Detail) -> Detail {
        let steps: Vec<Step<'_>> = match self {
            Place::Root(key) => vec![Step::Key(key)],
            Place::Kpi {
                kpi_idx,
                key,
                period,
            } => {
                let mut steps = vec![Step::Key("kpi"), Step::Index(*kpi_idx)];
                steps.extend(key.as_deref().map(Step::Key));
                steps.extend(period.as_deref().map(Step::Key));
                steps
            }
            Place::Setting(path) => std::iter::once("settings")
                .chain(path.split('.'))
                .map(Step::Key)
                .collect(),
        };
        let (line, column) = located.line_column(&steps);
        Detail::nested(
            "error.toml_place",
            vec![
                ("line", Detail::verbatim(line.to_string())),
                ("column", Detail::verbatim(column.to_string())),
                ("message", message),
            ],
        )
    }
}

fn card_input(located: &Located<'_>, text: &str, file: &str) -> Result<CardInput, SheetsError> {
    let located_error =
        |(place, message): (Place, Detail)| in_file(file, place.message(located, message));
    let table: toml::Table = text
        .parse()
        .map_err(|error: toml::de::Error| in_file(file, crate::toml_text::parse_error(&error)))?;
    let mut input = CardInput::default();
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("settings", toml::Value::Table(settings)) => {
                flatten_settings("", settings, &mut input.settings).map_err(located_error)?;
            }
            ("kpi", toml::Value::Array(kpis)) => {
                for (kpi_idx, kpi) in kpis.iter().enumerate() {
                    let record = toml_record(kpi_idx, kpi).map_err(located_error)?;
                    input.kpis.push(record);
                }
            }
            _ => {
                return Err(located_error((
                    Place::Root(key.clone()),
                    Detail::new("error.kpi_unknown_root", &[("key", key)]),
                )));
            }
        }
    }
    if input.kpis.is_empty() {
        return Err(in_file(file, Detail::new("error.kpi_empty_card", &[])));
    }
    Ok(input)
}

fn toml_record(kpi_idx: usize, kpi: &toml::Value) -> Result<KpiRecord, (Place, Detail)> {
    let here = format!("[[kpi]] #{}", kpi_idx + 1);
    let at = |key: &str, period: Option<&str>| Place::Kpi {
        kpi_idx,
        key: Some(key.to_owned()),
        period: period.map(str::to_owned),
    };
    let toml::Value::Table(table) = kpi else {
        let place = Place::Kpi {
            kpi_idx,
            key: None,
            period: None,
        };
        return Err((
            place,
            Detail::new("error.kpi_not_a_table", &[("kpi", &here)]),
        ));
    };
    let mut record = KpiRecord::default();
    for (key, value) in table {
        if key == "actual" {
            let toml::Value::Table(actuals) = value else {
                return Err((
                    at(key, None),
                    Detail::new(
                        "error.kpi_actual_not_a_table",
                        &[("kpi", &here), ("example", &r#"{ "2024-01" = 2150000 }"#)],
                    ),
                ));
            };
            for (period, value) in actuals {
                let text = toml_text(value).ok_or_else(|| {
                    (
                        at(key, Some(period)),
                        Detail::new(
                            "error.kpi_actual_not_a_number",
                            &[("kpi", &here), ("period", period)],
                        ),
                    )
                })?;
                record.actuals.push((period.clone(), text));
            }
            continue;
        }
        let Some(field) = KpiField::from_name(key) else {
            let names: Vec<&str> = KpiField::ALL.iter().map(|field| field.name()).collect();
            return Err((
                at(key, None),
                Detail::new(
                    "error.kpi_unknown_field",
                    &[
                        ("kpi", &here),
                        ("key", key),
                        ("expected", &code_list(&names)),
                    ],
                ),
            ));
        };
        let text = match value {
            toml::Value::Array(words) if field == KpiField::Types => {
                let words: Option<Vec<String>> = words.iter().map(toml_text).collect();
                words.map(|words| words.join(" "))
            }
            other => toml_text(other),
        };
        let text = text.ok_or_else(|| {
            (
                at(key, None),
                Detail::new("error.kpi_not_text", &[("kpi", &here), ("key", key)]),
            )
        })?;
        record.fields.insert(field, text);
    }
    Ok(record)
}

/// The text of a scalar TOML value, as a cell would hold it.
fn toml_text(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(text) => Some(text.clone()),
        toml::Value::Integer(number) => Some(number.to_string()),
        toml::Value::Float(number) => Some(number.to_string()),
        toml::Value::Boolean(flag) => Some(flag.to_string()),
        _ => None,
    }
}

fn flatten_settings(
    prefix: &str,
    table: &toml::Table,
    out: &mut Vec<(String, String)>,
) -> Result<(), (Place, Detail)> {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten_settings(&path, inner, out)?,
            other => {
                let Some(text) = toml_text(other) else {
                    let message = Detail::new("error.kpi_setting_not_a_number", &[("path", &path)]);
                    return Err((Place::Setting(path), message));
                };
                out.push((path, text));
            }
        }
    }
    Ok(())
}

fn toml_error(
    file: &str,
    located: &Located<'_>,
    input: &CardInput,
    error: &InputError,
) -> SheetsError {
    let kpi_label = |kpi_idx: usize| {
        let name = input
            .kpis
            .get(kpi_idx)
            .and_then(|record| record.fields.get(&KpiField::Name));
        match name {
            Some(name) => format!("[[kpi]] #{} (`{name}`)", kpi_idx + 1),
            None => format!("[[kpi]] #{}", kpi_idx + 1),
        }
    };
    let (place, description) = match error.location {
        InputLocation::Field { kpi_idx, field } => (
            Place::Kpi {
                kpi_idx,
                key: Some(field.name().to_owned()),
                period: None,
            },
            (
                "error.kpi_field",
                kpi_label(kpi_idx),
                field.name().to_owned(),
            ),
        ),
        InputLocation::Actual {
            kpi_idx,
            actual_idx,
        } => {
            let period = input
                .kpis
                .get(kpi_idx)
                .and_then(|record| record.actuals.get(actual_idx))
                .map_or("?", |(period, _)| period.as_str());
            (
                Place::Kpi {
                    kpi_idx,
                    key: Some("actual".to_owned()),
                    period: Some(period.to_owned()),
                },
                (
                    "error.kpi_field",
                    kpi_label(kpi_idx),
                    format!("actual.\"{period}\""),
                ),
            )
        }
        InputLocation::Setting { setting_idx } => {
            let key = input
                .settings
                .get(setting_idx)
                .map_or("?", |(key, _)| key.as_str());
            (
                Place::Setting(key.to_owned()),
                (
                    "error.kpi_setting_field",
                    String::new(),
                    format!("settings.{key}"),
                ),
            )
        }
    };
    let (key, kpi, field) = description;
    let message = Detail::nested(
        key,
        vec![
            ("kpi", Detail::verbatim(kpi)),
            ("field", Detail::verbatim(field)),
            ("message", Detail::from(error.message.clone())),
        ],
    );
    in_file(file, place.message(located, message))
}
