//! Every command's output in Polish, Russian and Ukrainian holds no English word of
//! bilans's own: no word of an English message file (`crates/*/locales/en.toml`) that no
//! other language's file has, unless the input itself holds it (a panel's criteria,
//! a publication's quoted title). Error messages too: bad input in Polish is Polish,
//! still naming the file, sheet and cell.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};

use crate::support::{fixture, project_root, run_bilans};

/// The words of message texts: letters only, lower case, placeholders (`{name}`)
/// and quoted code (`` `text` ``) left out.
fn words_of(text: &str) -> BTreeSet<String> {
    let mut kept = String::new();
    let (mut in_braces, mut in_code) = (false, false);
    for character in text.chars() {
        match character {
            '{' => in_braces = true,
            '}' => in_braces = false,
            '`' => in_code = !in_code,
            _ if in_braces || in_code => {}
            _ => kept.push(character),
        }
    }
    kept.split(|character: char| !(character.is_alphanumeric() || character == '_'))
        .filter(|word| {
            word.len() >= 4
                && word
                    .chars()
                    .all(|character| character.is_ascii_alphabetic())
        })
        .map(str::to_lowercase)
        .collect()
}

/// The values of a message file, whatever their nesting.
fn message_texts(path: &Path) -> Vec<String> {
    fn collect(value: &toml::Value, out: &mut Vec<String>) {
        match value {
            toml::Value::String(text) => out.push(text.clone()),
            toml::Value::Table(table) => table.values().for_each(|inner| collect(inner, out)),
            _ => {}
        }
    }
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    let mut out = Vec::new();
    table.values().for_each(|value| collect(value, &mut out));
    out
}

/// The English words of bilans's message files that no other language's file uses.
fn english_words() -> BTreeSet<String> {
    let mut english = BTreeSet::new();
    let mut others = BTreeSet::new();
    let crates = project_root().join("crates");
    for entry in std::fs::read_dir(crates).unwrap() {
        let locales = entry.unwrap().path().join("locales");
        for code in ["en", "pl", "ru", "uk"] {
            let path = locales.join(format!("{code}.toml"));
            if !path.exists() {
                continue;
            }
            let texts = message_texts(&path);
            let words = texts.iter().flat_map(|text| words_of(text));
            match code {
                "en" => english.extend(words),
                _ => others.extend(words),
            }
        }
    }
    assert!(english.len() > 500, "{} English words", english.len());
    english.difference(&others).cloned().collect()
}

/// Every word of an input: its text, or every text cell of a workbook.
fn input_words(path: &Path) -> BTreeSet<String> {
    let text = match open_workbook_auto(path) {
        Ok(mut workbook) => {
            let mut cells = Vec::new();
            for sheet in workbook.sheet_names() {
                if let Ok(range) = workbook.worksheet_range(&sheet) {
                    cells.push(sheet.clone());
                    cells.extend(range.used_cells().filter_map(|(_, _, cell)| match cell {
                        Data::String(text) => Some(text.clone()),
                        _ => None,
                    }));
                }
            }
            cells.join("\n")
        }
        Err(_) => std::fs::read_to_string(path).unwrap_or_default(),
    };
    text.split(|character: char| !character.is_alphanumeric())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `word` is a machine name, the same in every language: a line item
/// (`revenue`, as `bilans import` prints it for a mapping file) or a ratio.
fn is_machine_name(word: &str) -> bool {
    word.parse::<bilans_model::LineItem>().is_ok() || bilans_ratios::find(word).is_some()
}

/// bilans's English words in `output` that the inputs (files and arguments) do not
/// hold and that are no machine names.
fn leaks(output: &str, english: &BTreeSet<String>, inputs: &[&Path], args: &[&str]) -> Vec<String> {
    let mut from_inputs: BTreeSet<String> =
        inputs.iter().flat_map(|path| input_words(path)).collect();
    from_inputs.extend(args.iter().flat_map(|arg| {
        arg.split(|character: char| !character.is_alphanumeric())
            .map(str::to_lowercase)
    }));
    let found: BTreeSet<String> = words_of(output)
        .into_iter()
        .filter(|word| {
            english.contains(word) && !from_inputs.contains(word) && !is_machine_name(word)
        })
        .collect();
    found.into_iter().collect()
}

/// A command checked: its arguments (after `--lang`), the inputs whose words may
/// appear in its output, and the English words it still prints (a constant below
/// gives the reason).
type Case = (Vec<String>, Vec<PathBuf>, &'static [&'static str]);

/// The human capital report still prints these in English: the reasons a figure is
/// not computable (`Outcome::NotComputable`'s text, `invested_funds is not given`).
const HC_REASONS: &[&str] = &["given"];

fn case(args: &[&str], inputs: &[&str], still_english: &'static [&'static str]) -> Case {
    (
        args.iter().map(|arg| (*arg).to_owned()).collect(),
        inputs.iter().map(|input| fixture(input)).collect(),
        still_english,
    )
}

/// The commands checked: every subcommand.
fn commands() -> Vec<Case> {
    let path = |relative: &str| fixture(relative).display().to_string();
    let seed004 = path("workbooks/seed004_pl.xlsx");
    let panel = path("partners/example.toml");
    let card = path("kpi/example_card.toml");
    let staff = path("hc/staff.toml");
    let wc = |args: &[&str]| {
        let mut all = vec!["wc"];
        all.extend(args);
        case(&all, &[], &[])
    };
    vec![
        case(&["import", &seed004], &["workbooks/seed004_pl.xlsx"], &[]),
        case(
            &["reproduce", "dupont"],
            &["seeds/seed004_dupont.toml"],
            &[],
        ),
        case(
            &["reproduce", "partners"],
            &["seeds/seed000_partners.toml"],
            &[],
        ),
        case(
            &["reproduce", "working-capital"],
            &["seeds/seed002_working_capital.toml"],
            &[],
        ),
        case(
            &["partners", "score", &panel],
            &["partners/example.toml"],
            &[],
        ),
        case(&["kpi", &card], &["kpi/example_card.toml"], &[]),
        case(&["hc", &staff], &["hc/staff.toml"], HC_REASONS),
        wc(&[
            "discount",
            "--discount-percent",
            "2",
            "--discount-days",
            "10",
            "--payment-term-days",
            "30",
            "--bank-rate-percent",
            "20",
        ]),
        wc(&[
            "factoring",
            "--invoice-amount",
            "1000",
            "--commission-percent",
            "2",
            "--advance-percent",
            "80",
            "--interest-rate-percent",
            "20",
            "--days-early",
            "30",
            "--return-on-funds-percent",
            "30",
            "--inflation-percent",
            "5",
        ]),
        wc(&[
            "policy",
            "--current-asset-share-percent",
            "55",
            "--short-term-credit-share-percent",
            "30",
        ]),
    ]
}

/// `bilans --lang LANG ARGS...`.
fn run_in(lang: &str, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--lang", lang];
    all.extend(args);
    run_bilans(&all)
}

#[test]
fn every_command_prints_no_english_word_in_another_language() {
    let english = english_words();
    let mut problems = Vec::new();
    for (args, inputs, still_english) in commands() {
        let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, english_output, error) = run_in("en", &args);
        assert_eq!(code, 0, "{args:?}: {error}");
        // The check can fail: the English output is full of the words it looks for.
        assert!(
            !leaks(&english_output, &english, &inputs, &args).is_empty(),
            "{args:?}: no English word found in the English output"
        );
        for lang in ["pl", "ru", "uk"] {
            let (code, output, error) = run_in(lang, &args);
            assert_eq!(code, 0, "{lang} {args:?}: {error}");
            for text in [&english_output, &output, &error] {
                assert!(
                    !text.contains(bilans_model::lang::MISSING_MESSAGE),
                    "{lang} {args:?}: {text}"
                );
            }
            let found: Vec<String> = leaks(&output, &english, &inputs, &args)
                .into_iter()
                .filter(|word| !still_english.contains(&word.as_str()))
                .collect();
            if !found.is_empty() {
                problems.push(format!("{lang} {}: {}", args.join(" "), found.join(", ")));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "English words in translated output:\n{}",
        problems.join("\n")
    );
}

/// A bad input: the arguments, the texts its message must hold (file, sheet, cell),
/// and the words of a detail another library writes, which stay English.
type Bad = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

/// The spreadsheet reader's own detail of a corrupt zip (`Zip error: invalid Zip
/// archive: Could not find EOCD`).
const READER_DETAIL: &[&str] = &["could", "error", "invalid"];

/// The TOML parser's own detail (`expected ...`).
const TOML_DETAIL: &[&str] = &["expected"];

/// Bad inputs, one per kind of error the import words, and bad KPI cards, staff files
/// and partner panels (their validation messages, with the TOML line, column and field).
const BAD: &[Bad] = &[
    (&["wc", "mean", "5"], &["`values`", "1", "2"], &[]),
    (
        &[
            "wc",
            "bill",
            "--face-value",
            "-1000",
            "--discount-rate-percent",
            "9",
            "--days-to-maturity",
            "30",
        ],
        &["`face_value`", "-1000", "--face-value"],
        &[],
    ),
    (
        &[
            "wc",
            "discount",
            "--discount-percent",
            "2",
            "--discount-days",
            "30",
            "--payment-term-days",
            "10",
            "--bank-rate-percent",
            "12",
        ],
        &["`payment_term_days`", "`discount_days`", "30"],
        &[],
    ),
    (
        &[
            "partners",
            "score",
            "fixtures/partners/bad/missing_criterion.toml",
        ],
        &[
            "missing_criterion.toml",
            "partners[1].votes",
            "`uniqueness`",
            "`B`",
        ],
        &[],
    ),
    (
        &[
            "partners",
            "score",
            "fixtures/partners/bad/negative_count.toml",
        ],
        &["negative_count.toml", "partners[0].votes", "-2"],
        &[],
    ),
    (
        &[
            "partners",
            "score",
            "fixtures/partners/bad/score_outside_scale.toml",
        ],
        &[
            "score_outside_scale.toml",
            "partners[1].scores",
            "6",
            "1..5",
        ],
        &[],
    ),
    (
        &["kpi", "fixtures/kpi/bad/plan_missing.toml"],
        &["plan_missing.toml", "2", "`plan`", "Sales revenue"],
        &[],
    ),
    (
        &["kpi", "fixtures/kpi/bad/unknown_scale.toml"],
        &["unknown_scale.toml", "7", "9", "`scale`", "`metric`"],
        &[],
    ),
    (
        &["kpi", "fixtures/kpi/bad/weight_not_a_number.toml"],
        &["weight_not_a_number.toml", "10", "`weight`", "`a lot`"],
        &[],
    ),
    (
        &["hc", "fixtures/hc/bad/missing_group.toml"],
        &[
            "missing_group.toml",
            "`staff[1].assessment.scores.personality`",
            "`X2`",
        ],
        &[],
    ),
    (
        &["hc", "fixtures/hc/bad/negative_fte.toml"],
        &["negative_fte.toml", "`staff[1].fte`", "-0.5"],
        &[],
    ),
    (
        &["hc", "fixtures/hc/bad/zero_coefficient.toml"],
        &["zero_coefficient.toml", "`staff[1].efficiency_coefficient`"],
        &[],
    ),
    (
        &["import", "fixtures/bad/not_a_spreadsheet.xlsx"],
        &["not_a_spreadsheet.xlsx"],
        &[],
    ),
    (&["import", "fixtures/bad/notes.txt"], &["notes.txt"], &[]),
    (
        &["import", "fixtures/bad/corrupt.xlsx"],
        &["corrupt.xlsx"],
        READER_DETAIL,
    ),
    (
        &["import", "fixtures/bad/password.xlsx"],
        &["password.xlsx"],
        &[],
    ),
    (
        &["import", "fixtures/bad/no_line_items.xlsx"],
        &["no_line_items.xlsx"],
        &[],
    ),
    (
        &["import", "fixtures/bad/duplicate_period.xlsx"],
        &["duplicate_period.xlsx"],
        &[],
    ),
    (
        &["import", "fixtures/bad/conflicting_units.xlsx"],
        &["conflicting_units.xlsx"],
        &[],
    ),
    (
        &["import", "fixtures/bad/text_not_number.xlsx"],
        &["text_not_number.xlsx"],
        &[],
    ),
    (
        &["import", "fixtures/bad/bad_grouping.xlsx"],
        &["bad_grouping.xlsx"],
        &[],
    ),
    (
        &[
            "import",
            "fixtures/workbooks/seed004_pl.xlsx",
            "--mapping",
            "fixtures/bad/mapping_bad_cell.toml",
        ],
        &["mapping_bad_cell.toml", "Dane!7C"],
        &[],
    ),
    (
        &[
            "import",
            "fixtures/workbooks/seed004_pl.xlsx",
            "--mapping",
            "fixtures/bad/mapping_unknown_item.toml",
        ],
        &["mapping_unknown_item.toml"],
        &[],
    ),
    (
        &["import", "fixtures/bad/date_in_amount.xlsx"],
        &["date_in_amount.xlsx"],
        &[],
    ),
    (
        &[
            "import",
            "fixtures/workbooks/seed004_pl.xlsx",
            "--sheet",
            "Nothing",
        ],
        &["seed004_pl.xlsx", "Nothing"],
        &[],
    ),
    (
        &[
            "import",
            "fixtures/workbooks/seed004_pl.xlsx",
            "--mapping",
            "fixtures/bad/mapping_not_toml.toml",
        ],
        &["mapping_not_toml.toml"],
        TOML_DETAIL,
    ),
    (
        &[
            "analyse",
            "fixtures/bad/percent_in_amount.xlsx",
            "--format",
            "md",
        ],
        &["percent_in_amount.xlsx"],
        &[],
    ),
];

#[test]
fn errors_are_worded_in_the_language_asked_for() {
    let english = english_words();
    let mut problems = Vec::new();
    for (args, named, library_words) in BAD {
        let inputs: Vec<PathBuf> = args
            .iter()
            .filter(|arg| arg.starts_with("fixtures/"))
            .map(|arg| project_root().join(arg))
            .collect();
        let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
        let (code, _, english_error) = run_in("en", args);
        assert_ne!(code, 0, "{args:?}");
        for lang in ["pl", "ru", "uk"] {
            let (code, _, error) = run_in(lang, args);
            assert_ne!(code, 0, "{lang} {args:?}");
            assert!(
                !error.contains(bilans_model::lang::MISSING_MESSAGE),
                "{lang} {args:?}: {error}"
            );
            assert_ne!(error, english_error, "{lang} {args:?}");
            for name in *named {
                assert!(error.contains(name), "{lang} {args:?}: {error}");
            }
            let found: Vec<String> = leaks(&error, &english, &inputs, args)
                .into_iter()
                .filter(|word| !library_words.contains(&word.as_str()))
                .collect();
            if !found.is_empty() {
                problems.push(format!(
                    "{lang} {}: {} ({error})",
                    args.join(" "),
                    found.join(", ")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The text cells and sheet names of the workbook at `path`, one per line.
fn workbook_text(path: &Path) -> String {
    let mut workbook = open_workbook_auto(path).unwrap();
    let mut lines = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet).unwrap();
        lines.push(sheet.clone());
        lines.extend(range.used_cells().filter_map(|(_, _, cell)| match cell {
            Data::String(text) => Some(text.clone()),
            _ => None,
        }));
    }
    lines.join("\n")
}

/// The workbooks the scoring commands write (`-o`): the inputs, and the English words
/// they still write (a constant above gives the reason).
const WORKBOOKS: &[(&[&str], &str, &[&str])] = &[
    (&["kpi"], "kpi/example_card.toml", &[]),
    (&["partners", "score"], "partners/example.toml", &[]),
    (&["hc"], "hc/staff.toml", HC_REASONS),
];

#[test]
fn command_workbooks_hold_no_english_word_in_another_language() {
    let english = english_words();
    let folder = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for (command, input, still_english) in WORKBOOKS {
        let input = fixture(input);
        let run = |lang: &str| {
            let output = folder
                .path()
                .join(format!("{}.{lang}.xlsx", command.join("_")));
            let mut args: Vec<String> = command.iter().map(|arg| (*arg).to_owned()).collect();
            args.push(input.display().to_string());
            args.extend(["-o".to_owned(), output.display().to_string()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, _, error) = run_in(lang, &args);
            assert_eq!(code, 0, "{lang} {args:?}: {error}");
            let text = workbook_text(&output);
            assert!(
                !text.contains(bilans_model::lang::MISSING_MESSAGE),
                "{lang} {args:?}: {text}"
            );
            text
        };
        let inputs = [input.as_path()];
        assert!(
            !leaks(&run("en"), &english, &inputs, command).is_empty(),
            "{command:?}: no English word found in the English workbook"
        );
        for lang in ["pl", "ru", "uk"] {
            let found: Vec<String> = leaks(&run(lang), &english, &inputs, command)
                .into_iter()
                .filter(|word| !still_english.contains(&word.as_str()))
                .collect();
            if !found.is_empty() {
                problems.push(format!("{lang} {command:?}: {}", found.join(", ")));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A change that makes a good card bad.
type Spoil = fn(&mut bilans_scoring::kpi::CardInput);

/// A KPI card workbook made bad in one cell: its error in Polish, Russian and Ukrainian
/// names the sheet and cell, differs from the English one and holds no English word.
#[test]
fn bad_card_workbooks_are_worded_in_the_language_asked_for() {
    use bilans_scoring::kpi::KpiField;
    use bilans_sheets::kpi::{card_input_from_toml, write_input_workbook};

    let english = english_words();
    let toml = std::fs::read_to_string(fixture("kpi/example_card.toml")).unwrap();
    let good = card_input_from_toml(&toml, "example_card.toml").unwrap();
    let folder = tempfile::tempdir().unwrap();
    let spoils: [(&str, &str, Spoil); 4] = [
        ("weight", "a lot", |input| {
            input.kpis[5]
                .fields
                .insert(KpiField::Weight, "a lot".to_owned());
        }),
        ("scale", "", |input| {
            input.kpis[4]
                .fields
                .insert(KpiField::Scale, "nominal".to_owned());
        }),
        ("level", "galaxy", |input| {
            input.kpis[1]
                .fields
                .insert(KpiField::Level, "galaxy".to_owned());
        }),
        ("tolerance", "-1", |input| {
            let interval = input
                .kpis
                .iter_mut()
                .find(|record| record.fields.contains_key(&KpiField::Tolerance))
                .unwrap();
            interval.fields.insert(KpiField::Tolerance, "-1".to_owned());
        }),
    ];
    let mut problems = Vec::new();
    for (name, value, spoil) in spoils {
        let mut input = good.clone();
        spoil(&mut input);
        let path = folder.path().join(format!("{name}.xlsx"));
        write_input_workbook(&input, &path, bilans_sheets::Overwrite::Never).unwrap();
        let args = ["kpi", path.to_str().unwrap()];
        let (code, _, english_error) = run_in("en", &args);
        assert_eq!(code, 1, "{english_error}");
        let cell = english_error
            .split("cell ")
            .nth(1)
            .and_then(|rest| rest.split(':').next())
            .unwrap_or_else(|| panic!("no cell: {english_error}"))
            .to_owned();
        for lang in ["pl", "ru", "uk"] {
            let (code, _, error) = run_in(lang, &args);
            assert_eq!(code, 1, "{lang}: {error}");
            assert_ne!(error, english_error, "{lang}");
            assert!(
                !error.contains(bilans_model::lang::MISSING_MESSAGE),
                "{lang}: {error}"
            );
            for named in [&format!("{name}.xlsx"), cell.as_str(), value, "`KPI`"] {
                assert!(error.contains(named), "{lang}: {named} in {error}");
            }
            let found = leaks(&error, &english, &[&path], &args);
            if !found.is_empty() {
                problems.push(format!("{lang} {name}: {} ({error})", found.join(", ")));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
