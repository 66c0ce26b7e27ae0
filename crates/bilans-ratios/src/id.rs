//! Typed references to the ratios of the catalogue.
//!
//! A [`RatioId`] is a constant of the catalogue (`RatioId::RETURN_ON_EQUITY`): a typo
//! does not compile, and no id is looked up by name at run time. The constants are
//! defined with the ratios, one entry each, in `catalogue.rs`. This module depends on
//! nothing else of the engine, so expressions can hold ratio references without
//! depending on the catalogue.

use std::fmt;

use serde::{Serialize, Serializer};

/// A ratio of the catalogue: its position and its stable machine name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RatioId {
    index: u16,
    name: &'static str,
    label: &'static str,
}

impl RatioId {
    /// The id of the ratio at catalogue position `index`, named `name` and read as
    /// `label`; only the catalogue makes them.
    pub(crate) const fn new(index: u16, name: &'static str, label: &'static str) -> RatioId {
        RatioId { index, name, label }
    }

    /// The readable name, e.g. `return on equity`.
    pub fn label(self) -> &'static str {
        self.label
    }

    /// The stable machine name, e.g. `return_on_equity`, used in JSON, CSV and sheets.
    pub fn name(self) -> &'static str {
        self.name
    }

    /// The position in the catalogue.
    pub(crate) fn index(self) -> usize {
        usize::from(self.index)
    }
}

impl fmt::Display for RatioId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl Serialize for RatioId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name)
    }
}
