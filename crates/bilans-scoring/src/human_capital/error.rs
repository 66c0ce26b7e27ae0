//! The error of a human capital assessment: invalid input, located by a field path.

use crate::lang::Words;

/// Invalid input, located by the path of the offending field.
///
/// Paths follow the TOML layout with zero-based list indices: `staff[0].fte` is the
/// first person's FTE, `staff[2].assessment.scores.personality` the third person's
/// personality group. The workbook reader maps each path back to its sheet and cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InputError {
    /// The path of the offending field.
    pub field: String,
    /// What is wrong, in lower case, worded in any language.
    pub message: Words,
}

impl InputError {
    /// An error at `field`.
    pub(crate) fn new(field: impl Into<String>, message: Words) -> InputError {
        InputError {
            field: field.into(),
            message,
        }
    }

    /// The error in `lang`: the field and what is wrong.
    pub fn text_in(&self, lang: bilans_model::Lang) -> String {
        format!("{}: {}", self.field, self.message.text_in(lang))
    }
}
