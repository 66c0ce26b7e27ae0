//! The management levels a KPI's owner works at (seed 001): the card and its settings
//! share them.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// The management level a KPI's owner works at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The organisation as a whole (the chief executive's card).
    Organisation,
    /// A structural unit (department, shop, warehouse).
    Unit,
    /// One employee.
    Employee,
}

impl Level {
    /// Every level, top down.
    pub const ALL: [Level; 3] = [Level::Organisation, Level::Unit, Level::Employee];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Level::Organisation => "organisation",
            Level::Unit => "unit",
            Level::Employee => "employee",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Level {
    type Err = crate::lang::Words;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_lowercase().as_str() {
            "organisation" | "organization" => Ok(Level::Organisation),
            "unit" => Ok(Level::Unit),
            "employee" => Ok(Level::Employee),
            other => Err(crate::lang::Words::new(
                "kpi_input.unknown_level",
                &[("text", &other)],
            )),
        }
    }
}
