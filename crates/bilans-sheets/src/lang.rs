//! The words of the workbooks bilans writes, per language: the message files
//! `locales/*.toml` (sheet names, headers, notes, chart titles), read through
//! [`text`] and [`message`].

use bilans_model::Lang;

bilans_model::message_files!();

/// The name of one of the analysed workbook's sheets in `lang`, e.g. `Wskaźniki`.
pub fn sheet_name_in(sheet: Sheet, lang: Lang) -> &'static str {
    text(lang, sheet.key())
}

/// A sheet of the analysed (or panel) workbook whose name is translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Sheet {
    /// What was analysed and what to look at first.
    Summary,
    /// The statements with their sources.
    Statements,
    /// The horizontal analysis (changes between periods).
    Horizontal,
    /// The vertical analysis (shares of a total).
    Vertical,
    /// Every ratio as a formula.
    Ratios,
    /// Both Du Pont models.
    DuPont,
    /// The distress models.
    Distress,
    /// The balance liquidity groups (A1–A4, P1–P4).
    Liquidity,
    /// The financial stability type and net assets.
    Stability,
    /// Seed 002's working capital.
    WorkingCapital,
    /// Findings and import notes.
    Checks,
    /// The panel's comparison of headline ratios.
    Comparison,
    /// The panel's ratio definitions.
    Definitions,
}

impl Sheet {
    /// Every translated sheet.
    pub const ALL: [Sheet; 13] = [
        Sheet::Summary,
        Sheet::Statements,
        Sheet::Horizontal,
        Sheet::Vertical,
        Sheet::Liquidity,
        Sheet::Stability,
        Sheet::Ratios,
        Sheet::DuPont,
        Sheet::Distress,
        Sheet::WorkingCapital,
        Sheet::Checks,
        Sheet::Comparison,
        Sheet::Definitions,
    ];

    fn key(self) -> &'static str {
        match self {
            Sheet::Summary => "sheet.summary",
            Sheet::Statements => "sheet.statements",
            Sheet::Horizontal => "sheet.horizontal",
            Sheet::Vertical => "sheet.vertical",
            Sheet::Liquidity => "sheet.liquidity",
            Sheet::Stability => "sheet.stability",
            Sheet::Ratios => "sheet.ratios",
            Sheet::DuPont => "sheet.du_pont",
            Sheet::Distress => "sheet.distress",
            Sheet::WorkingCapital => "sheet.working_capital",
            Sheet::Checks => "sheet.checks",
            Sheet::Comparison => "sheet.comparison",
            Sheet::Definitions => "sheet.definitions",
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use bilans_model::Lang;

    use crate::lang::{Sheet, messages, sheet_name_in};

    #[test]
    fn sheet_names_are_valid_excel_names_and_distinct_in_every_language() {
        let n_sheet_keys = messages()
            .keys()
            .filter(|key| key.starts_with("sheet."))
            .count();
        assert_eq!(n_sheet_keys, Sheet::ALL.len());
        for lang in Lang::ALL {
            let mut seen = BTreeSet::new();
            for sheet in Sheet::ALL {
                let name = sheet_name_in(sheet, lang);
                assert!(name.encode_utf16().count() <= 31, "{lang}: {name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{lang}: {name}"
                );
                assert!(
                    rust_xlsxwriter::utility::check_sheet_name(name).is_ok(),
                    "{lang}: {name}"
                );
                assert!(seen.insert(name.to_lowercase()), "{lang}: {name} twice");
            }
        }
    }
}
