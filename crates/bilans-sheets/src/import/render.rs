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

    /// [`ImportReport::check_notes_by_entity`] in `lang`: every note is worded in it
    /// (the texts read from the workbook stay as written).
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
        let mut notes: Vec<String> = self.notes.iter().map(|note| note.text_in(lang)).collect();
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
        self.to_text_in(Lang::En)
    }

    /// [`ImportReport::to_text`] in `lang`: the words are in `lang`, line items keep
    /// their machine names (they are what a mapping file and `--require` take).
    pub fn to_text_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            message(lang, "import_report.file", &[("file", &self.file)])
        );
        let origin = match &self.unit_origin {
            UnitOrigin::Declared => text(lang, "import_note.declared").to_owned(),
            UnitOrigin::Detected { source, text } => message(
                lang,
                "import_report.detected",
                &[
                    ("at", &format!("{}!{}", source.sheet, source.cell)),
                    ("text", text),
                ],
            ),
            UnitOrigin::Assumed => text(lang, "import_note.assumed").to_owned(),
        };
        let _ = writeln!(
            out,
            "{}",
            message(
                lang,
                "import_note.unit",
                &[("unit", &self.unit.text_in(lang)), ("origin", &origin)],
            )
        );
        for sheet in &self.sheets {
            let layout = match sheet.layout {
                Layout::ItemsInRows => text(lang, "import_report.in_rows"),
                Layout::ItemsInColumns => text(lang, "import_report.in_columns"),
                Layout::NoLineItems => text(lang, "import_report.no_items"),
            };
            let form = match sheet.form {
                Some(form) => message(
                    lang,
                    "import_report.form",
                    &[("form", &format!("{form:?}"))],
                ),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "{}",
                message(
                    lang,
                    "import_report.sheet",
                    &[
                        ("sheet", &sheet.name),
                        ("layout", &layout),
                        ("form", &form),
                        ("amounts", &sheet.amounts),
                    ],
                )
            );
        }
        for statements in &self.entities {
            let periods = statements.period_list();
            let names: Vec<String> = periods.iter().map(ToString::to_string).collect();
            let _ = writeln!(
                out,
                "\n{}",
                message(
                    lang,
                    "import_report.entity",
                    &[("entity", &statements.entity.name)]
                )
            );
            let _ = writeln!(
                out,
                "{}",
                message(
                    lang,
                    "import_report.periods",
                    &[("periods", &names.join(", "))]
                )
            );
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
            let _ = writeln!(out, "\n{}", text(lang, "import_report.not_recognised"));
            for skipped in &self.unrecognised {
                let _ = writeln!(
                    out,
                    "  {}!{}  `{}`: {}",
                    skipped.source.sheet,
                    skipped.source.cell,
                    skipped.text,
                    skipped.reason.text_in(lang)
                );
            }
        }
        if !self.missing.is_empty() {
            let _ = writeln!(out, "\n{}", text(lang, "import_report.missing"));
            for missing in &self.missing {
                let periods: Vec<String> =
                    missing.periods.iter().map(ToString::to_string).collect();
                let line = message(
                    lang,
                    "import_report.missing_item",
                    &[
                        ("entity", &missing.entity),
                        ("item", &missing.item.name()),
                        ("periods", &periods.join(", ")),
                        ("blocks", &missing.blocks.join(", ")),
                    ],
                );
                let _ = writeln!(out, "  {line}");
            }
        }
        for note in &self.notes {
            let _ = writeln!(
                out,
                "{}",
                message(lang, "import_report.note", &[("note", &note.text_in(lang))])
            );
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
            ("reason", &row.reason.text_in(lang)),
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
