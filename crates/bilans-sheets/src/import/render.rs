//! The import report as plain text, for `bilans import`.

use std::fmt::Write;

use crate::import::{ImportReport, Layout, UnitOrigin};

impl ImportReport {
    /// One line per thing the import noticed, for a workbook's Checks sheet: its notes,
    /// where the unit came from, every row not recognised, every missing item and the
    /// ratios it blocks.
    pub fn check_notes(&self) -> Vec<String> {
        let mut notes = self.notes.clone();
        let origin = match &self.unit_origin {
            UnitOrigin::Declared => "declared".to_owned(),
            UnitOrigin::Detected { source, text } => format!("read from {source} `{text}`"),
            UnitOrigin::Assumed => "assumed: nothing declared or found".to_owned(),
        };
        notes.push(format!("unit: {} ({origin})", self.unit));
        for row in &self.unrecognised {
            notes.push(format!(
                "not recognised: {} `{}`: {}",
                row.source, row.text, row.reason
            ));
        }
        for missing in &self.missing {
            let periods: Vec<String> = missing.periods.iter().map(ToString::to_string).collect();
            notes.push(format!(
                "{}: {} missing in {}; blocks {}",
                missing.entity,
                missing.item.name(),
                periods.join(", "),
                missing.blocks.join(", ")
            ));
        }
        notes
    }

    /// The report as text: unit, sheets, every amount with its cell, every row not
    /// recognised, every missing item.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "file: {}", self.file);
        let origin = match &self.unit_origin {
            UnitOrigin::Declared => "declared".to_owned(),
            UnitOrigin::Detected { source, text } => {
                format!("detected in {}!{}: `{text}`", source.sheet, source.cell)
            }
            UnitOrigin::Assumed => "assumed: no unit found".to_owned(),
        };
        let _ = writeln!(out, "unit: {} ({origin})", self.unit);
        for sheet in &self.sheets {
            let layout = match sheet.layout {
                Layout::ItemsInRows => "line items in rows",
                Layout::ItemsInColumns => "line items in columns (transposed)",
                Layout::NoLineItems => "no line items",
            };
            let form = match sheet.form {
                Some(form) => format!(", {form:?} form codes"),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "sheet `{}`: {layout}{form}, {} amounts",
                sheet.name, sheet.amounts
            );
        }
        for statements in &self.entities {
            let periods = statements.period_list();
            let names: Vec<String> = periods.iter().map(ToString::to_string).collect();
            let _ = writeln!(out, "\nentity: {}", statements.entity.name);
            let _ = writeln!(out, "periods: {}", names.join(", "));
            for item in statements.item_list() {
                for &period in &periods {
                    let Some(amount) = statements.amount(period, item) else {
                        continue;
                    };
                    let at = amount
                        .source
                        .as_ref()
                        .map(|source| format!("{}!{}", source.sheet, source.cell))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "  {:<30} {period:<7} {:>16}  {at}",
                        item.name(),
                        amount.value
                    );
                }
            }
        }
        if !self.unrecognised.is_empty() {
            let _ = writeln!(out, "\nnot recognised:");
            for skipped in &self.unrecognised {
                let _ = writeln!(
                    out,
                    "  {}!{}  `{}`: {}",
                    skipped.source.sheet, skipped.source.cell, skipped.text, skipped.reason
                );
            }
        }
        if !self.missing.is_empty() {
            let _ = writeln!(out, "\nmissing:");
            for missing in &self.missing {
                let periods: Vec<String> =
                    missing.periods.iter().map(ToString::to_string).collect();
                let _ = writeln!(
                    out,
                    "  {}: `{}` missing in {}; blocks {}",
                    missing.entity,
                    missing.item,
                    periods.join(", "),
                    missing.blocks.join(", ")
                );
            }
        }
        for note in &self.notes {
            let _ = writeln!(out, "note: {note}");
        }
        out
    }
}
