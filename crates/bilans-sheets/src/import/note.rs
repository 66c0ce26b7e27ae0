//! The import's own notes and the reasons a row is not read, as data: each a typed
//! value with its fields (sheets, cells, amounts, line items), worded in a language
//! only when written ([`ImportNote::text_in`], [`SkipReason::text_in`]), so the JSON
//! report keeps stable machine data and every language words the same note.

use std::fmt;

use bilans_model::{Lang, LineItem, Period, Scale, StatementKind};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::ErrorKind;
use crate::lang::{message, text};

/// Something the import noticed about the file as a whole, or about two cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
pub enum ImportNote {
    /// A sheet that cannot be read, skipped beside the statements that could.
    SheetSkipped {
        /// The sheet.
        sheet: String,
        /// The cell at fault, if the error names one.
        cell: Option<String>,
        /// What is wrong (in JSON, its English text).
        #[serde(serialize_with = "english")]
        error: ErrorKind,
    },
    /// A sheet of line items without a statement's total, beside a statement of its
    /// kind: read as a note, and skipped.
    NotAStatement {
        /// The sheet.
        sheet: String,
        /// How many distinct line items it holds.
        items: usize,
    },
    /// A sheet that prints its costs and outflows as negative amounts: they are held
    /// as positive deductions.
    DeductionsNegated {
        /// The sheet.
        sheet: String,
        /// How many of its deductions are negative.
        negative: usize,
        /// How many of its deductions are not zero.
        of: usize,
        /// The line items negated.
        items: Vec<LineItem>,
    },
    /// A sheet whose unit differs from the file's first one: skipped.
    OtherUnit {
        /// The sheet.
        sheet: String,
        /// Its unit's text.
        unit: String,
        /// The cell of its unit (`Sheet!A2`).
        at: String,
        /// The file's unit text.
        reference: String,
        /// The cell of the file's unit.
        reference_at: String,
    },
    /// A unit cell contradicting an earlier one, where a unit is declared.
    UnitContradicts {
        /// The cell (`Sheet!A2`).
        at: String,
        /// Its text.
        unit: String,
        /// The earlier unit's text.
        first: String,
        /// The earlier unit's cell.
        first_at: String,
    },
    /// A declared scale that differs from the one a cell states.
    DeclaredScale {
        /// The scale declared (and used).
        scale: Scale,
        /// The text of the cell.
        unit: String,
        /// The cell.
        at: String,
    },
    /// Two rows give one amount different values; one is kept by a rule.
    Disagree {
        /// The line item.
        item: LineItem,
        /// The period.
        period: Period,
        /// The company.
        entity: String,
        /// The value kept.
        kept: Decimal,
        /// Its cell.
        kept_at: String,
        /// The value left out.
        other: Decimal,
        /// Its cell.
        other_at: String,
        /// Why the kept one is kept.
        rule: Preference,
    },
    /// Two rows give one amount different values and no rule tells which: neither is used.
    Ambiguous {
        /// The line item.
        item: LineItem,
        /// The period.
        period: Period,
        /// The company.
        entity: String,
        /// One value.
        value: Decimal,
        /// Its cell.
        at: String,
        /// The other value.
        other: Decimal,
        /// Its cell.
        other_at: String,
    },
    /// A formula without a cached value that bilans evaluated.
    Evaluated {
        /// The cell (`Sheet!B6`).
        at: String,
        /// The formula, without its `=`.
        formula: String,
        /// The value it gives.
        value: Decimal,
    },
}

/// Why one of two rows giving one amount is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Preference {
    /// It is on its own statement.
    OwnStatement,
    /// It is on the statement, the other on a note.
    StatementNotNote,
    /// It is on the first statement of its kind in the workbook.
    FirstStatement,
    /// It is the line itself, the other a qualified part of it.
    LineNotPart,
    /// It is the total line.
    TotalLine,
    /// It is the statement's line, the other a breakdown below its bottom line.
    NotBreakdown,
}

/// Why a row (or a header cell) with data was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
pub enum SkipReason {
    /// The first days of the periods whose last days are in the next row.
    PeriodStarts,
    /// Above the sheet's first period header.
    AboveFirstHeader,
    /// Trailing twelve months, which are not a fiscal year.
    TrailingTwelveMonths,
    /// A header that is not a period.
    HeaderNotPeriod,
    /// A label that is not a line item.
    LabelNotRecognised,
    /// Amounts without a label.
    NoLabel,
    /// A balance-sheet line on another statement.
    BalanceLine {
        /// The statement it is on.
        statement: StatementKind,
    },
}

fn english<S: serde::Serializer>(error: &ErrorKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&error.to_string())
}

fn items_text(items: &[LineItem], lang: Lang) -> String {
    let names: Vec<&str> = items
        .iter()
        .map(|item| match lang {
            Lang::En => item.name(),
            _ => item.label_in(lang),
        })
        .collect();
    names.join(", ")
}

/// A line item as a note names it: its machine name in English, its name otherwise.
fn item_text(item: LineItem, lang: Lang) -> &'static str {
    match lang {
        Lang::En => item.name(),
        _ => item.label_in(lang),
    }
}

impl ImportNote {
    /// The note in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            ImportNote::SheetSkipped {
                sheet,
                cell: Some(cell),
                error,
            } => message(
                lang,
                "import_note.sheet_skipped_at",
                &[
                    ("sheet", sheet),
                    ("cell", cell),
                    ("error", &error.text_in(lang)),
                ],
            ),
            ImportNote::SheetSkipped {
                sheet,
                cell: None,
                error,
            } => message(
                lang,
                "import_note.sheet_skipped",
                &[("sheet", sheet), ("error", &error.text_in(lang))],
            ),
            ImportNote::NotAStatement { sheet, items } => message(
                lang,
                "import_note.not_a_statement",
                &[("sheet", sheet), ("items", items)],
            ),
            ImportNote::DeductionsNegated {
                sheet,
                negative,
                of,
                items,
            } => message(
                lang,
                "import_note.deductions_negated",
                &[
                    ("sheet", sheet),
                    ("negative", negative),
                    ("of", of),
                    ("items", &items_text(items, lang)),
                ],
            ),
            ImportNote::OtherUnit {
                sheet,
                unit,
                at,
                reference,
                reference_at,
            } => message(
                lang,
                "import_note.other_unit",
                &[
                    ("sheet", sheet),
                    ("unit", unit),
                    ("at", at),
                    ("reference", reference),
                    ("reference_at", reference_at),
                ],
            ),
            ImportNote::UnitContradicts {
                at,
                unit,
                first,
                first_at,
            } => message(
                lang,
                "import_note.unit_contradicts",
                &[
                    ("at", at),
                    ("unit", unit),
                    ("first", first),
                    ("first_at", first_at),
                ],
            ),
            ImportNote::DeclaredScale { scale, unit, at } => message(
                lang,
                "import_note.declared_scale",
                &[
                    ("scale", &text(lang, scale_key(*scale))),
                    ("unit", unit),
                    ("at", at),
                ],
            ),
            ImportNote::Disagree {
                item,
                period,
                entity,
                kept,
                kept_at,
                other,
                other_at,
                rule,
            } => message(
                lang,
                "import_note.disagree",
                &[
                    ("item", &item_text(*item, lang)),
                    ("period", period),
                    ("entity", entity),
                    ("kept", kept),
                    ("kept_at", kept_at),
                    ("other", other),
                    ("other_at", other_at),
                    ("rule", &text(lang, rule.key())),
                ],
            ),
            ImportNote::Ambiguous {
                item,
                period,
                entity,
                value,
                at,
                other,
                other_at,
            } => message(
                lang,
                "import_note.ambiguous",
                &[
                    ("item", &item_text(*item, lang)),
                    ("period", period),
                    ("entity", entity),
                    ("value", value),
                    ("at", at),
                    ("other", other),
                    ("other_at", other_at),
                ],
            ),
            ImportNote::Evaluated { at, formula, value } => message(
                lang,
                "import_note.evaluated",
                &[("at", at), ("formula", formula), ("value", value)],
            ),
        }
    }
}

fn scale_key(scale: Scale) -> &'static str {
    match scale {
        Scale::Units => "import_note.scale.units",
        Scale::Thousands => "import_note.scale.thousands",
        Scale::Millions => "import_note.scale.millions",
        Scale::Billions => "import_note.scale.billions",
        Scale::Lakhs => "import_note.scale.lakhs",
        Scale::Crores => "import_note.scale.crores",
    }
}

impl Preference {
    fn key(self) -> &'static str {
        match self {
            Preference::OwnStatement => "import_note.rule.own_statement",
            Preference::StatementNotNote => "import_note.rule.statement_not_note",
            Preference::FirstStatement => "import_note.rule.first_statement",
            Preference::LineNotPart => "import_note.rule.line_not_part",
            Preference::TotalLine => "import_note.rule.total_line",
            Preference::NotBreakdown => "import_note.rule.not_breakdown",
        }
    }
}

impl SkipReason {
    /// The reason in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let key = match self {
            SkipReason::PeriodStarts => "skip_reason.period_starts",
            SkipReason::AboveFirstHeader => "skip_reason.above_first_header",
            SkipReason::TrailingTwelveMonths => "skip_reason.trailing_twelve_months",
            SkipReason::HeaderNotPeriod => "skip_reason.header_not_period",
            SkipReason::LabelNotRecognised => "skip_reason.label_not_recognised",
            SkipReason::NoLabel => "skip_reason.no_label",
            SkipReason::BalanceLine { statement } => {
                return message(
                    lang,
                    "skip_reason.balance_line",
                    &[("statement", &statement.label_in(lang))],
                );
            }
        };
        text(lang, key).to_owned()
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use bilans_model::{Lang, LineItem, Period, Scale, StatementKind};
    use rust_decimal::Decimal;

    use super::{ImportNote, Preference, SkipReason};
    use crate::ErrorKind;

    fn notes() -> Vec<ImportNote> {
        let year = Period::year(2024);
        let (sheet, at) = ("Bilans".to_owned(), "Bilans!C7".to_owned());
        let mut notes = vec![
            ImportNote::SheetSkipped {
                sheet: sheet.clone(),
                cell: Some("B3".to_owned()),
                error: ErrorKind::Encrypted,
            },
            ImportNote::SheetSkipped {
                sheet: sheet.clone(),
                cell: None,
                error: ErrorKind::NoLineItems { sheets: Vec::new() },
            },
            ImportNote::NotAStatement {
                sheet: sheet.clone(),
                items: 2,
            },
            ImportNote::DeductionsNegated {
                sheet: sheet.clone(),
                negative: 3,
                of: 4,
                items: vec![LineItem::CostOfSales],
            },
            ImportNote::OtherUnit {
                sheet: sheet.clone(),
                unit: "mln zł".to_owned(),
                at: at.clone(),
                reference: "tys. zł".to_owned(),
                reference_at: at.clone(),
            },
            ImportNote::UnitContradicts {
                at: at.clone(),
                unit: "mln zł".to_owned(),
                first: "tys. zł".to_owned(),
                first_at: at.clone(),
            },
            ImportNote::DeclaredScale {
                scale: Scale::Thousands,
                unit: "mln zł".to_owned(),
                at: at.clone(),
            },
            ImportNote::Ambiguous {
                item: LineItem::Revenue,
                period: year,
                entity: "Firma".to_owned(),
                value: Decimal::ONE,
                at: at.clone(),
                other: Decimal::TWO,
                other_at: at.clone(),
            },
            ImportNote::Evaluated {
                at: at.clone(),
                formula: "SUM(B3:B5)".to_owned(),
                value: Decimal::TEN,
            },
        ];
        for rule in [
            Preference::OwnStatement,
            Preference::StatementNotNote,
            Preference::FirstStatement,
            Preference::LineNotPart,
            Preference::TotalLine,
            Preference::NotBreakdown,
        ] {
            notes.push(ImportNote::Disagree {
                item: LineItem::Revenue,
                period: year,
                entity: "Firma".to_owned(),
                kept: Decimal::ONE,
                kept_at: at.clone(),
                other: Decimal::TWO,
                other_at: at.clone(),
                rule,
            });
        }
        notes
    }

    /// Every note and reason is worded in every language, each differently from
    /// English, and keeps its cells.
    #[test]
    fn every_note_and_reason_is_translated() {
        for note in notes() {
            let english = note.text_in(Lang::En);
            assert!(!english.contains("[missing message]"), "{english}");
            for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
                let text = note.text_in(lang);
                assert_ne!(text, english, "{lang}");
                assert!(text.contains("Bilans"), "{lang}: {text}");
            }
        }
        let reasons = [
            SkipReason::PeriodStarts,
            SkipReason::AboveFirstHeader,
            SkipReason::TrailingTwelveMonths,
            SkipReason::HeaderNotPeriod,
            SkipReason::LabelNotRecognised,
            SkipReason::NoLabel,
            SkipReason::BalanceLine {
                statement: StatementKind::CashFlowStatement,
            },
        ];
        for reason in reasons {
            let english = reason.text_in(Lang::En);
            for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
                assert_ne!(reason.text_in(lang), english, "{lang}");
            }
        }
    }

    /// The JSON of a note is its machine data: a type and its fields, the error as
    /// its English text.
    #[test]
    fn a_note_serialises_as_data() {
        let json = serde_json::to_value(&notes()[0]).unwrap();
        assert_eq!(json["type"], "sheet_skipped");
        assert_eq!(json["cell"], "B3");
        assert_eq!(json["error"], ErrorKind::Encrypted.to_string());
    }
}
