//! The Checks sheet: every validation finding and import note, with the cells it
//! concerns on the Statements sheet and in the input.
//!
//! A sheet holds 1,048,576 rows: import notes beyond that (a fuzzed sheet of two
//! million unrecognised rows) end in one row saying how many are not shown.

use bilans_model::{Finding, FindingKind, Lang, LineItem, Severity};
use bilans_ratios::CellRefs;
use bilans_ratios::analysis::Analysis;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::analyse::{Formats, Layout, write_header};
use crate::cells::{LAST_ROW, fit_cell_text};
use crate::lang::{Sheet, message, sheet_name_in, text};

pub(crate) fn write_checks(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    import_notes: &[String],
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Checks, lang))?;
    let header = [
        "checks.severity",
        "checks.period",
        "checks.check",
        "checks.finding",
        "checks.cells",
        "checks.source",
    ]
    .map(|key| text(lang, key).to_owned());
    write_header(sheet, 0, &header, formats)?;
    let mut row = 0;
    for finding in &analysis.findings {
        row += 1;
        let (check, items) = describe(finding, lang);
        sheet.write_string(row, 0, finding.severity.label_in(lang))?;
        sheet.write_string(row, 1, finding.period.to_string())?;
        sheet.write_string(row, 2, check)?;
        let sentence = finding.text(lang);
        sheet.write_string_with_format(row, 3, fit_cell_text(&sentence), &formats.wrap)?;
        let cells: Vec<String> = items
            .iter()
            .filter_map(|item| layout.item(*item, finding.period))
            .collect();
        let sources: Vec<String> = items
            .iter()
            .filter_map(|item| analysis.statements.amount(finding.period, *item))
            .filter_map(|amount| amount.source.as_ref().map(ToString::to_string))
            .collect();
        let (cells, sources) = (cells.join(", "), sources.join(", "));
        sheet.write_string_with_format(row, 4, fit_cell_text(&cells), &formats.wrap)?;
        sheet.write_string_with_format(row, 5, fit_cell_text(&sources), &formats.wrap)?;
    }
    let (n_shown, n_hidden) = notes_that_fit(import_notes.len(), row);
    let info = Severity::Info.label_in(lang);
    for note in &import_notes[..n_shown] {
        row += 1;
        sheet.write_string(row, 0, info)?;
        sheet.write_string(row, 2, text(lang, "checks.import"))?;
        sheet.write_string_with_format(row, 3, fit_cell_text(note), &formats.wrap)?;
    }
    if 0 < n_hidden {
        row += 1;
        sheet.write_string(row, 0, info)?;
        sheet.write_string(row, 2, text(lang, "checks.import"))?;
        sheet.write_string(
            row,
            3,
            message(
                lang,
                "checks.more_notes",
                &[("count", &n_hidden), ("rows", &(u64::from(LAST_ROW) + 1))],
            ),
        )?;
    }
    if row == 0 {
        sheet.write_string(1, 3, text(lang, "checks.no_findings"))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 28)?;
    sheet.set_column_width(3, 80)?;
    sheet.set_column_width(4, 40)?;
    sheet.set_column_width(5, 40)?;
    Ok(())
}

/// How many of `n_notes` notes fit below `last_used_row`, keeping one row to say how
/// many do not, and how many do not.
fn notes_that_fit(n_notes: usize, last_used_row: u32) -> (usize, usize) {
    let room = usize::try_from(LAST_ROW.saturating_sub(last_used_row)).unwrap_or(usize::MAX);
    if n_notes <= room {
        return (n_notes, 0);
    }
    let n_shown = room.saturating_sub(1);
    (n_shown, n_notes - n_shown)
}

fn describe(finding: &Finding, lang: Lang) -> (String, Vec<LineItem>) {
    let identity_check =
        |identity: &str| message(lang, "checks.identity", &[("identity", &identity)]);
    match &finding.kind {
        FindingKind::IdentityBreak {
            identity,
            parent,
            parts,
            ..
        }
        | FindingKind::PartsExceedTotal {
            identity,
            parent,
            parts,
            ..
        } => {
            let mut items = vec![*parent];
            items.extend(parts.iter().map(|part| part.item));
            (identity_check(identity), items)
        }
        FindingKind::IdentityNotChecked { identity, .. } => {
            let items = bilans_model::identities()
                .iter()
                .find(|candidate| candidate.name == *identity)
                .map(|candidate| {
                    let mut items = vec![candidate.total];
                    items.extend(candidate.parts.iter().map(|part| part.item));
                    items
                })
                .unwrap_or_default();
            (identity_check(identity), items)
        }
        FindingKind::IdentityOverflow { identity, items } => {
            (identity_check(identity), items.clone())
        }
        FindingKind::NegativeEquity { .. } => (
            text(lang, "checks.negative_equity").to_owned(),
            vec![LineItem::Equity],
        ),
        FindingKind::NegativeAmount { item, .. } => {
            (text(lang, "checks.sign").to_owned(), vec![*item])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analyse::checks::notes_that_fit;
    use crate::cells::LAST_ROW;

    #[test]
    fn notes_beyond_the_last_row_are_counted_not_written() {
        assert_eq!(notes_that_fit(10, 4), (10, 0));
        let room = (LAST_ROW - 4) as usize;
        assert_eq!(notes_that_fit(room, 4), (room, 0));
        assert_eq!(notes_that_fit(room + 1, 4), (room - 1, 2));
        assert_eq!(
            notes_that_fit(2_000_000, 4),
            (room - 1, 2_000_000 - (room - 1))
        );
    }
}
