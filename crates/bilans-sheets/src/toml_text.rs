//! TOML errors with their line and column: one wording for every TOML file bilans
//! reads (staff files, KPI cards, mapping files, the label dictionary).

use std::ops::Range;

use toml::Spanned;

use crate::Detail;
use toml::de::{DeTable, DeValue};

/// The message of a TOML parse error: `TOML parse error at line L, column C`, the
/// offending line with a caret, and what is wrong (in the parser's words).
pub(crate) fn parse_error(error: &toml::de::Error) -> Detail {
    let text = error.to_string().trim_end().to_owned();
    let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    let at = first
        .strip_prefix("TOML parse error at line ")
        .and_then(|rest| rest.split_once(", column "));
    match at {
        Some((line, column)) => Detail::new(
            "error.toml",
            &[
                ("line", &line),
                ("column", &column),
                ("rest", &format!("\n{rest}")),
            ],
        ),
        None => Detail::verbatim(text),
    }
}

/// A parsed TOML document that knows where each key and value is written, so that
/// errors found after parsing can name a line and column too.
pub(crate) struct Located<'i> {
    text: &'i str,
    root: Spanned<DeTable<'i>>,
}

impl<'i> Located<'i> {
    /// Parses `text`.
    ///
    /// # Errors
    ///
    /// The TOML parse error, as [`parse_error`] words it.
    pub(crate) fn parse(text: &'i str) -> Result<Located<'i>, Detail> {
        let root = DeTable::parse(text).map_err(|error| parse_error(&error))?;
        Ok(Located { text, root })
    }

    /// The value at `path` (table keys and array positions) and, when a key is absent,
    /// the deepest value found on the way: the table the key is missing from.
    pub(crate) fn span(&self, path: &[Step<'_>]) -> Range<usize> {
        let mut span = self.root.span();
        let mut table = Some(self.root.get_ref());
        let mut array: Option<&[Spanned<DeValue<'i>>]> = None;
        for step in path {
            let next = match (step, table, array) {
                (Step::Key(name), Some(current), _) => current
                    .iter()
                    .find(|(key, _)| key.get_ref() == name)
                    .map(|(_, value)| value),
                (Step::Index(index), _, Some(items)) => items.get(*index),
                _ => None,
            };
            let Some(next) = next else {
                break;
            };
            span = next.span();
            (table, array) = match next.get_ref() {
                DeValue::Table(inner) => (Some(inner), None),
                DeValue::Array(items) => (None, Some(&items[..])),
                _ => (None, None),
            };
        }
        span
    }

    /// `line L, column C` (both from 1) of the value at `path`, as [`Located::span`]
    /// finds it.
    pub(crate) fn line_column(&self, path: &[Step<'_>]) -> (usize, usize) {
        let start = self.span(path).start.min(self.text.len());
        let before = self.text.get(..start).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

/// One step of a path into a TOML document.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    /// A key of a table.
    Key(&'a str),
    /// A position in an array.
    Index(usize),
}
