//! The error of a human capital assessment: invalid input, located by a field path.

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
    /// What is wrong, in lower case.
    pub message: String,
}

impl InputError {
    /// An error at `field`.
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            field: field.into(),
            message: message.into(),
        }
    }
}
