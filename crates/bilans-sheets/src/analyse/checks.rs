//! The Checks sheet: every validation finding and import note, with the cells it
//! concerns on the Statements sheet and in the input.

use bilans_model::{Finding, FindingKind, LineItem};
use bilans_ratios::CellRefs;
use bilans_ratios::analysis::Analysis;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::analyse::{CHECKS, Formats, Layout, write_header};

pub(crate) fn write_checks(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    import_notes: &[String],
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(CHECKS)?;
    write_header(
        sheet,
        0,
        &[
            "Severity",
            "Period",
            "Check",
            "Finding",
            "Cells (Statements sheet)",
            "Source in the input",
        ]
        .map(String::from),
        formats,
    )?;
    let mut row = 0;
    for finding in &analysis.findings {
        row += 1;
        let (check, items) = describe(finding);
        sheet.write_string(row, 0, finding.severity.name())?;
        sheet.write_string(row, 1, finding.period.to_string())?;
        sheet.write_string(row, 2, check)?;
        sheet.write_string_with_format(row, 3, finding.to_string(), &formats.wrap)?;
        let cells: Vec<String> = items
            .iter()
            .filter_map(|item| layout.item(*item, finding.period))
            .collect();
        let sources: Vec<String> = items
            .iter()
            .filter_map(|item| analysis.statements.amount(finding.period, *item))
            .filter_map(|amount| amount.source.as_ref().map(ToString::to_string))
            .collect();
        sheet.write_string_with_format(row, 4, cells.join(", "), &formats.wrap)?;
        sheet.write_string_with_format(row, 5, sources.join(", "), &formats.wrap)?;
    }
    for note in import_notes {
        row += 1;
        sheet.write_string(row, 0, "info")?;
        sheet.write_string(row, 2, "import")?;
        sheet.write_string_with_format(row, 3, note, &formats.wrap)?;
    }
    if row == 0 {
        sheet.write_string(
            1,
            3,
            "No findings: every identity that could be checked holds.",
        )?;
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

fn describe(finding: &Finding) -> (String, Vec<LineItem>) {
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
            (format!("identity {identity}"), items)
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
            (format!("identity {identity}"), items)
        }
        FindingKind::IdentityOverflow { identity, items } => {
            (format!("identity {identity}"), items.clone())
        }
        FindingKind::NegativeEquity { .. } => {
            ("negative equity".to_owned(), vec![LineItem::Equity])
        }
        FindingKind::NegativeAmount { item, .. } => ("sign".to_owned(), vec![*item]),
    }
}
