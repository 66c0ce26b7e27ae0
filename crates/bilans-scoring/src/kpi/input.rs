//! A card file as text: KPI records of fields, the settings as pairs, where in them an
//! error is, and the one number parser for cells and TOML values.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::lang::Words;

/// The fields of a KPI record; [`KpiField::name`] is the column header and TOML key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum KpiField {
    /// `name`: unique on its owner's card.
    Name,
    /// `owner`: whose card the KPI is on.
    Owner,
    /// `level`: organisation, unit or employee.
    Level,
    /// `types`: one side of each of the eight pairs.
    Types,
    /// `scale`: nominal, ordinal, binary, interval, ratio, absolute.
    Scale,
    /// `direction`: positive, negative, interval.
    Direction,
    /// `plan`: the floor, the ceiling, or the optimum.
    Plan,
    /// `zero_at`: the value scoring 0 (optional).
    ZeroAt,
    /// `low`: the lower end of an interval KPI's range.
    Low,
    /// `high`: the upper end of an interval KPI's range.
    High,
    /// `tolerance`: the largest acceptable deviation of an interval KPI.
    Tolerance,
    /// `deviation`: absolute or relative.
    Deviation,
    /// `weight`: the KPI's weight on its owner's card.
    Weight,
    /// `unit`: free text for display.
    Unit,
}

/// One KPI as read from a file: every field as the text of its cell or value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KpiRecord {
    /// The non-empty fields.
    pub fields: BTreeMap<KpiField, String>,
    /// The actual values: (period label, value text), in input order.
    pub actuals: Vec<(String, String)>,
}

/// A whole card file as text records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardInput {
    /// The KPI records.
    pub kpis: Vec<KpiRecord>,
    /// The settings as (key, value) pairs, e.g. `("cap.positive.ratio", "1.2")`.
    pub settings: Vec<(String, String)>,
}

/// Where in a [`CardInput`] an error is; readers turn it into a cell or a TOML key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputLocation {
    /// A field of a KPI record.
    Field {
        /// The record's index.
        kpi_idx: usize,
        /// The field.
        field: KpiField,
    },
    /// One actual value of a KPI record.
    Actual {
        /// The record's index.
        kpi_idx: usize,
        /// The index in [`KpiRecord::actuals`].
        actual_idx: usize,
    },
    /// One setting.
    Setting {
        /// The index in [`CardInput::settings`].
        setting_idx: usize,
    },
}

/// A located input error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Where.
    pub location: InputLocation,
    /// What is wrong, in lower case, worded in any language.
    pub message: Words,
}

/// Text that is not a decimal number; its message names the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANumber {
    /// The text, trimmed.
    pub text: String,
}

impl NotANumber {
    /// What is wrong, as a sentence worded in any language.
    pub fn words(&self) -> Words {
        Words::new("kpi_input.not_a_number", &[("text", &self.text)])
    }
}

impl fmt::Display for NotANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.words())
    }
}

/// Machine names (a card's words, its fields) as a message lists them: each in
/// backticks, as written in every language.
pub fn code_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

/// Parses a number written in a cell or a TOML value.
///
/// # Errors
///
/// [`NotANumber`] when the text is not a decimal number.
pub fn parse_number(text: &str) -> Result<Decimal, NotANumber> {
    let trimmed = text.trim();
    Decimal::from_str(trimmed)
        .or_else(|_| Decimal::from_scientific(trimmed))
        .map_err(|_| NotANumber {
            text: trimmed.to_owned(),
        })
}

impl KpiField {
    /// Every field, in column order.
    pub const ALL: [KpiField; 14] = [
        KpiField::Name,
        KpiField::Owner,
        KpiField::Level,
        KpiField::Types,
        KpiField::Scale,
        KpiField::Direction,
        KpiField::Plan,
        KpiField::ZeroAt,
        KpiField::Low,
        KpiField::High,
        KpiField::Tolerance,
        KpiField::Deviation,
        KpiField::Weight,
        KpiField::Unit,
    ];

    /// Whether the field holds a number (a reader of cells turns its cell into the
    /// number's plain text before [`parse_number`] reads it).
    pub fn is_number(self) -> bool {
        matches!(
            self,
            KpiField::Plan
                | KpiField::ZeroAt
                | KpiField::Low
                | KpiField::High
                | KpiField::Tolerance
                | KpiField::Weight
        )
    }

    /// The column header and TOML key.
    pub fn name(self) -> &'static str {
        match self {
            KpiField::Name => "name",
            KpiField::Owner => "owner",
            KpiField::Level => "level",
            KpiField::Types => "types",
            KpiField::Scale => "scale",
            KpiField::Direction => "direction",
            KpiField::Plan => "plan",
            KpiField::ZeroAt => "zero_at",
            KpiField::Low => "low",
            KpiField::High => "high",
            KpiField::Tolerance => "tolerance",
            KpiField::Deviation => "deviation",
            KpiField::Weight => "weight",
            KpiField::Unit => "unit",
        }
    }

    /// The field named `name` (case-insensitive), if any.
    pub fn from_name(name: &str) -> Option<KpiField> {
        let wanted = name.trim().to_lowercase();
        KpiField::ALL
            .into_iter()
            .find(|field| field.name() == wanted)
    }
}

impl InputError {
    /// What is wrong, in `lang`.
    pub fn text_in(&self, lang: bilans_model::Lang) -> String {
        self.message.text_in(lang)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}
