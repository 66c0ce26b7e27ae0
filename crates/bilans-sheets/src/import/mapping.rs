//! The mapping file: a user's own labels and cells for line items, and declarations
//! (unit, currency, entity, form) that override what import would detect.
//!
//! ```toml
//! unit = "thousands"          # units, thousands or millions
//! currency = "PLN"
//! entity = "Agro S.A."
//! form = "ru"                 # ru or uk: which form's line codes to read
//!
//! [labels]                    # label (any case, spacing, numbering) -> line item
//! "Sprzedaż netto" = "revenue"
//! "Liczba pracowników" = "ignore"
//!
//! [cells]                     # label cell (Sheet!A1, or A1 in every sheet) -> line item
//! "Bilans!A12" = "trade_payables"
//!
//! [periods]                   # period column (Sheet!C, or C in every sheet) -> period
//! "Bilans!C" = "2024"         # what the header cell of that column names
//! "Bilans!D" = "2023-12-31"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use bilans_model::{LineItem, Period, Scale};
use serde::Deserialize;

use crate::import::grid::parse_a1;
use crate::import::labels::{Form, normalise};
use crate::{Detail, ErrorKind, SheetsError};

/// What a mapped label or cell stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A line item.
    Item(LineItem),
    /// A known row that is not imported and not reported as unrecognised.
    Ignore,
}

/// A label cell named in a mapping file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedCell {
    /// The sheet, or `None` for the cell in every sheet.
    pub sheet: Option<String>,
    /// Zero-based row.
    pub row: u32,
    /// Zero-based column.
    pub col: u32,
    /// What the row (or, transposed, column) of this cell holds.
    pub target: Target,
}

/// A period declared for a column of period headers in a mapping file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredPeriod {
    /// The sheet, or `None` for the column in every sheet.
    pub sheet: Option<String>,
    /// Zero-based column.
    pub col: u32,
    /// The period that column's header cell names, whatever its text says.
    pub period: Period,
}

/// A parsed mapping file (see the module documentation for the format).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// The declared scale, overriding detection.
    pub scale: Option<Scale>,
    /// The declared currency, overriding detection.
    pub currency: Option<String>,
    /// The entity name for sheets that do not name their companies.
    pub entity: Option<String>,
    /// Which national form's line codes to read.
    pub form: Option<Form>,
    /// Normalised label → target; these override the built-in dictionary.
    pub labels: BTreeMap<String, Target>,
    /// Label cells → target; these override every label.
    pub cells: Vec<MappedCell>,
    /// Period columns → period; these override what their header cells name.
    pub periods: Vec<DeclaredPeriod>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    unit: Option<String>,
    currency: Option<String>,
    entity: Option<String>,
    form: Option<String>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    cells: BTreeMap<String, String>,
    #[serde(default)]
    periods: BTreeMap<String, String>,
}

impl Mapping {
    /// Reads and checks a mapping file.
    ///
    /// # Errors
    ///
    /// [`SheetsError::InFile`] naming the file and the TOML field at fault: not TOML,
    /// an unknown key, an unknown line item, a bad cell reference, a bad unit or form.
    pub fn load(path: &Path) -> Result<Mapping, SheetsError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| SheetsError::InFile {
            file: file.clone(),
            kind: ErrorKind::Invalid(Detail::new(
                "error.cannot_read_mapping",
                &[("detail", &error)],
            )),
        })?;
        Mapping::parse(&text, &file)
    }

    /// Parses mapping TOML; `file` names it in errors.
    ///
    /// # Errors
    ///
    /// As [`Mapping::load`].
    ///
    /// # Examples
    ///
    /// ```
    /// use bilans_model::LineItem;
    /// use bilans_sheets::import::{Mapping, Target};
    ///
    /// let mapping = Mapping::parse("[labels]\n\"Sprzedaż netto\" = \"revenue\"\n", "map.toml").unwrap();
    /// assert_eq!(mapping.labels["sprzedaż netto"], Target::Item(LineItem::Revenue));
    /// ```
    pub fn parse(text: &str, file: &str) -> Result<Mapping, SheetsError> {
        let bad = |message: Detail| SheetsError::InFile {
            file: file.to_owned(),
            kind: ErrorKind::Invalid(message),
        };
        let parsed: MappingFile = toml::from_str(text).map_err(|error| SheetsError::InFile {
            file: file.to_owned(),
            kind: ErrorKind::Invalid(Detail::nested(
                "error.not_a_mapping",
                vec![("detail", crate::toml_text::parse_error(&error))],
            )),
        })?;
        let target = |field: String, name: &str| -> Result<Target, SheetsError> {
            if name.trim() == "ignore" {
                return Ok(Target::Ignore);
            }
            name.parse::<LineItem>().map(Target::Item).map_err(|_| {
                let known: Vec<&str> = LineItem::ALL.iter().map(|item| item.name()).collect();
                bad(Detail::new(
                    "error.mapping_unknown_item",
                    &[
                        ("field", &field),
                        ("name", &name),
                        ("known", &known.join(", ")),
                    ],
                ))
            })
        };
        let mut mapping = Mapping {
            currency: parsed.currency.clone(),
            entity: parsed.entity.clone(),
            ..Mapping::default()
        };
        if let Some(unit) = &parsed.unit {
            mapping.scale = Some(
                unit.parse()
                    .map_err(|_| bad(Detail::new("error.mapping_unit", &[("unit", unit)])))?,
            );
        }
        if let Some(form) = &parsed.form {
            mapping.form = Some(match form.trim() {
                "ru" => Form::Russian,
                "uk" => Form::Ukrainian,
                other => return Err(bad(Detail::new("error.mapping_form", &[("form", &other)]))),
            });
        }
        for (label, name) in &parsed.labels {
            let key = normalise(label);
            if key.is_empty() {
                return Err(bad(Detail::new(
                    "error.mapping_empty_label",
                    &[("label", label)],
                )));
            }
            mapping
                .labels
                .insert(key, target(format!("labels.\"{label}\""), name)?);
        }
        for (reference, name) in &parsed.cells {
            let (sheet, cell) = match reference.rsplit_once('!') {
                Some((sheet, cell)) => (Some(sheet.trim_matches('\'').to_owned()), cell),
                None => (None, reference.as_str()),
            };
            let Some((row, col)) = parse_a1(cell) else {
                return Err(bad(Detail::new(
                    "error.mapping_cell",
                    &[("reference", reference)],
                )));
            };
            let target = target(format!("cells.\"{reference}\""), name)?;
            mapping.cells.push(MappedCell {
                sheet,
                row,
                col,
                target,
            });
        }
        for (reference, text) in &parsed.periods {
            let (sheet, column) = match reference.rsplit_once('!') {
                Some((sheet, column)) => (Some(sheet.trim_matches('\'').to_owned()), column),
                None => (None, reference.as_str()),
            };
            let letters = column.trim().trim_start_matches('$');
            let col = (!letters.is_empty() && letters.chars().all(|c| c.is_ascii_alphabetic()))
                .then(|| parse_a1(&format!("{letters}1")))
                .flatten();
            let Some((_, col)) = col else {
                return Err(bad(Detail::new(
                    "error.mapping_column",
                    &[("reference", reference)],
                )));
            };
            let period: Period = text.parse().map_err(|_| {
                bad(Detail::new(
                    "error.mapping_period",
                    &[("reference", reference), ("text", text)],
                ))
            })?;
            mapping.periods.push(DeclaredPeriod { sheet, col, period });
        }
        Ok(mapping)
    }
}
