//! The workbooks in Polish, Russian and Ukrainian: no English string leaks into them.
//!
//! The same statements are analysed into an English workbook and into one per
//! language; every text cell of a translated workbook that is also a text cell of the
//! English one is a leak, unless it is the same in both by nature: a machine name, a
//! period, an amount's source cell, the entity or file name, a bibliographic source,
//! or one of the few words the languages share (listed below with their reason).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bilans_model::{Lang, LineItem, Period};
use bilans_ratios::analysis::analyse;
use bilans_ratios::liquidity::groups;
use bilans_ratios::liquidity::stability::amounts;
use bilans_ratios::{Basis, EvalConfig};
use bilans_sheets::analyse::{WorkbookOptions, analysed_workbook, panel_workbook};
use bilans_sheets::import::{ImportOptions, import_file};
use bilans_sheets::{Overwrite, save_workbook};
use calamine::{Data, Reader, open_workbook_auto};

use crate::support::{fixture, run_bilans};

/// Texts that are the same in English and in a translated workbook by nature.
const SHARED: [&str; 3] = [
    // An acronym every language writes as is.
    "EBITDA", // The distress sheet's first header: the word is Polish too.
    "Model",  // The check of an import note: the word is Polish too.
    "import",
];

/// Every text cell of every sheet of the workbook at `path`, with its sheet.
fn texts(path: &Path) -> Vec<(String, String)> {
    let mut workbook = open_workbook_auto(path).unwrap();
    let mut cells = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet).unwrap();
        for (_, _, cell) in range.used_cells() {
            if let Data::String(text) = cell {
                cells.push((sheet.clone(), text.clone()));
            }
        }
    }
    cells
}

/// Whether `text` lists source cells: `Tabela 1!B5, C5, D5`, or in full,
/// `book.xlsx: Tabela 1!B5, book.xlsx: Tabela 1!B6`.
fn is_source_list(text: &str) -> bool {
    let is_cell = |cell: &str| {
        let letters = cell.trim_end_matches(|c: char| c.is_ascii_digit());
        !letters.is_empty()
            && letters.len() < cell.len()
            && letters.chars().all(|c| c.is_ascii_uppercase())
    };
    text.contains('!')
        && text.split(", ").all(|part| {
            let cell = part.rsplit_once('!').map_or(part, |(_, cell)| cell);
            is_cell(cell)
        })
}

/// Whether `text` is a proper name followed by a year, as some distress models are
/// called in every language (`Hadasik (1998)`, `Prusak BP2 (2005)`).
fn is_proper_name_and_year(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some((year, names)) = words.split_last() else {
        return false;
    };
    let is_year = year.len() == 6 && year.starts_with('(') && year.ends_with(')');
    is_year
        && !names.is_empty()
        && names
            .iter()
            .all(|name| name.chars().next().is_some_and(char::is_uppercase))
}

/// Whether `text` is written only in the balance analyses' notation: the symbols of
/// the liquidity groups and stability amounts (`A1 (А1)`, `OWC - INV`, `A1 >= P1,
/// A2 >= P2`) and of the indicator (`S1`), which every language writes alike.
fn is_balance_notation(text: &str) -> bool {
    let symbols: Vec<&str> = groups()
        .iter()
        .flat_map(|group| [group.symbol, group.symbol_ru])
        .chain(
            amounts()
                .iter()
                .flat_map(|amount| [amount.symbol, amount.symbol_ru]),
        )
        .chain(["S1", "S2", "S3"])
        .collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .all(|word| symbols.contains(&word) || word.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `text` is the same in every language by nature.
fn shared_by_nature(text: &str, entity: &str) -> bool {
    let machine_name = text.parse::<LineItem>().is_ok()
        || bilans_ratios::find(text).is_some()
        || bilans_ratios::distress::models()
            .iter()
            .any(|model| model.id.name() == text || model.source == text);
    let no_words = !text.chars().any(char::is_alphabetic);
    machine_name
        || no_words
        || text.parse::<Period>().is_ok()
        || text == entity
        || text.ends_with(".xlsx")
        || text.starts_with("bilans ")
        || is_source_list(text)
        || is_proper_name_and_year(text)
        || is_balance_notation(text)
        || SHARED.contains(&text)
}

fn analysed(folder: &Path, input: &str, config: &EvalConfig, lang: Lang) -> PathBuf {
    let report = import_file(&fixture(input), &ImportOptions::default()).unwrap();
    let notes = report.check_notes_by_entity_in(lang);
    let analysis = analyse(&report.entities[0], config);
    let options = WorkbookOptions {
        input: input.to_owned(),
        import_notes: notes[0].clone(),
        lang,
        ..WorkbookOptions::default()
    };
    let mut workbook = analysed_workbook(&analysis, &options).unwrap();
    let path = folder.join(format!("{}.{lang}.xlsx", input.replace('/', "_")));
    save_workbook(&mut workbook, &path, Overwrite::Never).unwrap();
    path
}

fn panel(folder: &Path, lang: Lang) -> PathBuf {
    let report = import_file(
        &fixture("workbooks/long_table.xlsx"),
        &ImportOptions::default(),
    )
    .unwrap();
    let analyses: Vec<_> = report
        .entities
        .iter()
        .map(|statements| analyse(statements, &EvalConfig::default()))
        .collect();
    let options = WorkbookOptions {
        lang,
        ..WorkbookOptions::default()
    };
    let mut workbook = panel_workbook(&analyses, &options).unwrap();
    let path = folder.join(format!("panel.{lang}.xlsx"));
    save_workbook(&mut workbook, &path, Overwrite::Never).unwrap();
    path
}

/// The leaks of the translated workbook `translated` against the English `english`.
fn leaks(english: &Path, translated: &Path, entities: &[String]) -> Vec<String> {
    let english_texts: BTreeSet<String> =
        texts(english).into_iter().map(|(_, text)| text).collect();
    texts(translated)
        .into_iter()
        .filter(|(_, text)| english_texts.contains(text))
        .filter(|(_, text)| !entities.iter().any(|entity| shared_by_nature(text, entity)))
        .map(|(sheet, text)| format!("{sheet}: {text}"))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

#[test]
fn no_english_string_leaks_into_a_translated_workbook() {
    let folder = tempfile::tempdir().unwrap();
    let average = EvalConfig {
        basis: Basis::Average,
        ..EvalConfig::default()
    };
    let inputs = [
        ("workbooks/seed004_pl.xlsx", &average),
        ("workbooks/three_statements_en.xlsx", &EvalConfig::default()),
        ("workbooks/quarterly_en.xlsx", &average),
    ];
    let mut problems = Vec::new();
    for (input, config) in inputs {
        let english = analysed(folder.path(), input, config, Lang::En);
        let report = import_file(&fixture(input), &ImportOptions::default()).unwrap();
        let entities = vec![report.entities[0].entity.name.clone()];
        for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
            let translated = analysed(folder.path(), input, config, lang);
            for leak in leaks(&english, &translated, &entities) {
                problems.push(format!("{input} ({lang}) {leak}"));
            }
        }
    }
    let english = panel(folder.path(), Lang::En);
    let report = import_file(
        &fixture("workbooks/long_table.xlsx"),
        &ImportOptions::default(),
    )
    .unwrap();
    let entities: Vec<String> = report
        .entities
        .iter()
        .map(|statements| statements.entity.name.clone())
        .collect();
    for lang in [Lang::Pl, Lang::Ru, Lang::Uk] {
        for leak in leaks(&english, &panel(folder.path(), lang), &entities) {
            problems.push(format!("panel ({lang}) {leak}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} English texts in translated workbooks:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_control_leak_is_caught() {
    // An English workbook compared with itself leaks every English text.
    let folder = tempfile::tempdir().unwrap();
    let english = analysed(
        folder.path(),
        "workbooks/seed004_pl.xlsx",
        &EvalConfig::default(),
        Lang::En,
    );
    let leaks = leaks(&english, &english, &[String::new()]);
    assert!(
        leaks.iter().any(|leak| leak.ends_with(": current ratio")),
        "{leaks:?}"
    );
}

#[test]
fn cli_lang_flag_and_environment_choose_the_language() {
    let folder = tempfile::tempdir().unwrap();
    let input = fixture("seeds/seed004_dupont.toml");
    let input = input.to_str().unwrap();
    let (code, markdown, error) = run_bilans(&["analyse", input, "--format", "md", "--lang", "uk"]);
    assert_eq!(code, 0, "{error}");
    assert!(
        markdown.contains("коефіцієнт поточної ліквідності"),
        "{markdown}"
    );
    // The conclusion and the balance analyses are in Ukrainian too.
    for ukrainian in [
        "## Висновок",
        "Коефіцієнт поточної ліквідності у 2006: 1,08",
        "## Ліквідність балансу",
        "## Чисті активи",
        "Не обчислюється:",
    ] {
        assert!(markdown.contains(ukrainian), "{ukrainian}: {markdown}");
    }
    for english in ["## Conclusion", "## Net assets", " needs "] {
        assert!(!markdown.contains(english), "{english}: {markdown}");
    }
    let output = folder.path().join("ru.xlsx");
    let status = std::process::Command::new(crate::support::bilans_binary())
        .args(["analyse", input, "-o", output.to_str().unwrap()])
        .env("BILANS_LANG", "ru")
        .output()
        .unwrap();
    assert!(status.status.success());
    let workbook = open_workbook_auto(&output).unwrap();
    assert_eq!(workbook.sheet_names()[0], "Сводка");
    let (code, _, error) = run_bilans(&["analyse", input, "--format", "md", "--lang", "de"]);
    assert_ne!(code, 0);
    assert!(error.contains("unknown language `de`"), "{error}");
}

/// Messages whose Polish is the English text: `plan` is the Polish word too.
const SAME_IN_POLISH: &[(&str, &str)] = &[("pl", "what_plan_above_zero")];

/// The validation messages of KPI cards, staff files, partner panels and their readers,
/// and the working-capital calculators' errors: every one is in
/// every language, and each that holds a word (not only placeholders) is worded
/// differently from English, so none is an English copy.
#[test]
fn validation_messages_are_translated() {
    let root = crate::support::project_root().join("crates");
    let sections: [(&str, &str, &[&str]); 9] = [
        ("bilans-ratios", "wc_error", &[""]),
        ("bilans-scoring", "hc_reason", &[""]),
        ("bilans-scoring", "hc_quantity", &[""]),
        ("bilans-ratios", "wc_error.calculation", &[""]),
        ("bilans-scoring", "kpi_input", &[""]),
        ("bilans-scoring", "hc_input", &[""]),
        ("bilans-scoring", "partners_input", &[""]),
        ("bilans-scoring", "kpi_refusal", &[""]),
        (
            "bilans-sheets",
            "error",
            &[
                "kpi_",
                "hc_",
                "partners_",
                "toml_place",
                "sheet_empty",
                "mapping_",
            ],
        ),
    ];
    let table = |krate: &str, code: &str, section: &str| -> toml::Table {
        let path = root
            .join(krate)
            .join("locales")
            .join(format!("{code}.toml"));
        let file: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
        let mut table = &file;
        for part in section.split('.') {
            table = table[part].as_table().unwrap();
        }
        table.clone()
    };
    let has_words = |text: &str| {
        let mut outside = String::new();
        let mut depth = 0;
        for character in text.chars() {
            match character {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => outside.push(character),
                _ => {}
            }
        }
        outside.chars().any(char::is_alphabetic)
    };
    let mut checked = 0;
    let mut problems = Vec::new();
    for (krate, section, prefixes) in sections {
        let english = table(krate, "en", section);
        for code in ["pl", "ru", "uk"] {
            let other = table(krate, code, section);
            for (key, text) in &english {
                if !prefixes.iter().any(|prefix| key.starts_with(prefix)) {
                    continue;
                }
                let Some(text) = text.as_str() else {
                    continue;
                };
                match other.get(key).and_then(toml::Value::as_str) {
                    None => problems.push(format!("{code} {krate} {section}.{key}: missing")),
                    Some(translated)
                        if has_words(text)
                            && translated == text
                            && !SAME_IN_POLISH.contains(&(code, key.as_str())) =>
                    {
                        problems.push(format!("{code} {krate} {section}.{key}: English"));
                    }
                    Some(_) => checked += 1,
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked > 3 * 140, "{checked} messages checked");
}

/// Every calculation the working-capital calculators name in an overflow error
/// (`Checked("…")`, `Overflow("…")` in their sources) has its name in every language.
#[test]
fn every_overflowing_calculation_is_named_in_every_language() {
    use bilans_ratios::working_capital::WorkingCapitalError;

    let folder = crate::support::project_root().join("crates/bilans-ratios/src/working_capital");
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for opening in ["Checked(\"", "Overflow(\""] {
            for piece in text.split(opening).skip(1) {
                names.insert(piece.split('"').next().unwrap().to_owned());
            }
        }
    }
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let name: &'static str = Box::leak(name.into_boxed_str());
        let error = WorkingCapitalError::Overflow(name);
        for lang in Lang::ALL {
            let text = error.text_in(lang);
            assert!(
                !text.contains(bilans_model::lang::MISSING_MESSAGE),
                "{lang:?} {name}: {text}"
            );
            if lang != Lang::En {
                assert_ne!(text, error.text_in(Lang::En), "{lang:?} {name}");
            }
        }
    }
}
