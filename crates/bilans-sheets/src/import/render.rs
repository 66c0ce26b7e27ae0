//! The import report as plain text, for `bilans import`.

use std::collections::BTreeMap;
use std::fmt::Write;

use bilans_model::Lang;

use crate::import::{ImportReport, Layout, MissingItem, UnitOrigin, Unrecognised};
use crate::lang::{message, text};

impl ImportReport {
    /// One line per thing the import noticed, for a workbook's Checks sheet: its notes,
    /// where the unit came from, every row not recognised, every missing item and the
    /// ratios it blocks.
    pub fn check_notes(&self) -> Vec<String> {
        let mut notes = self.file_notes(Lang::En);
        notes.extend(
            self.unrecognised
                .iter()
                .map(|row| unrecognised_note(row, Lang::En)),
        );
        notes.extend(
            self.missing
                .iter()
                .map(|missing| missing_note(missing, Lang::En)),
        );
        notes
    }

    /// [`ImportReport::check_notes`] for each entity's own workbook, in the order of
    /// `entities`: the notes about the whole file, the rows not recognised that belong
    /// to that entity or to no entity with amounts, and that entity's missing items.
    ///
    /// A company's list does not grow with the number of other companies in the file
    /// (unless the file has rows that name no company), so one workbook per company
    /// stays the size of its own statements.
    pub fn check_notes_by_entity(&self) -> Vec<Vec<String>> {
        self.check_notes_by_entity_in(Lang::En)
    }

    /// [`ImportReport::check_notes_by_entity`] in `lang`: the unit's origin and the
    /// frame of each note are worded in it.
    ///
    /// FIXME(issue 15): the import's own notes (`notes`: disagreeing rows, skipped
    /// sheets, negative deductions) and the reasons a row is not recognised are
    /// English text the import writes.
    pub fn check_notes_by_entity_in(&self, lang: Lang) -> Vec<Vec<String>> {
        let index_of: BTreeMap<&str, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(index, statements)| (statements.entity.name.as_str(), index))
            .collect();
        let index = |entity: Option<&str>| entity.and_then(|name| index_of.get(name).copied());
        let mut lists = vec![self.file_notes(lang); self.entities.len()];
        for row in &self.unrecognised {
            let note = unrecognised_note(row, lang);
            match index(row.entity.as_deref()) {
                Some(entity_idx) => lists[entity_idx].push(note),
                None => lists.iter_mut().for_each(|list| list.push(note.clone())),
            }
        }
        for missing in &self.missing {
            if let Some(entity_idx) = index(Some(missing.entity.as_str())) {
                lists[entity_idx].push(missing_note(missing, lang));
            }
        }
        lists
    }

    /// The notes that concern the whole file: the import's own notes and the unit.
    fn file_notes(&self, lang: Lang) -> Vec<String> {
        let mut notes = self.notes.clone();
        let origin = match &self.unit_origin {
            UnitOrigin::Declared => text(lang, "import_note.declared").to_owned(),
            UnitOrigin::Detected { source, text } => message(
                lang,
                "import_note.detected",
                &[("source", source), ("text", text)],
            ),
            UnitOrigin::Assumed => text(lang, "import_note.assumed").to_owned(),
        };
        notes.push(message(
            lang,
            "import_note.unit",
            &[("unit", &self.unit.text_in(lang)), ("origin", &origin)],
        ));
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
            // Each period's items and printed name, found once (a line per amount).
            let columns: Vec<_> = statements.periods.values().zip(&names).collect();
            for item in statements.item_list() {
                for (items, period) in &columns {
                    let Some(amount) = items.get(&item) else {
                        continue;
                    };
                    let _ = write!(
                        out,
                        "  {:<30} {period:<7} {:>16}  ",
                        item.name(),
                        amount.value
                    );
                    // Written in place: one line per amount read.
                    if let Some(source) = &amount.source {
                        let _ = write!(out, "{}!{}", source.sheet, source.cell);
                    }
                    out.push('\n');
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

fn unrecognised_note(row: &Unrecognised, lang: Lang) -> String {
    message(
        lang,
        "import_note.not_recognised",
        &[
            ("source", &row.source),
            ("text", &row.text),
            ("reason", &row.reason),
        ],
    )
}

fn missing_note(missing: &MissingItem, lang: Lang) -> String {
    let periods: Vec<String> = missing.periods.iter().map(ToString::to_string).collect();
    message(
        lang,
        "import_note.missing",
        &[
            ("entity", &missing.entity),
            ("item", &missing.item.name()),
            ("periods", &periods.join(", ")),
            ("blocks", &missing.blocks.join(", ")),
        ],
    )
}
