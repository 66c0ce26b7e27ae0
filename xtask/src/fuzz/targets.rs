//! What the fuzzer runs: every fixture that `bilans` reads, with the commands that
//! read it, and how one case is made from them (a fixture, a command, mutated input).
//!
//! Command templates are words with placeholders: `{input}` is the mutated input,
//! `{fixture:PATH}` a copy of an unchanged fixture (a mapping's workbook), and
//! `out.xlsx` an output in the case's folder. A template that names `{input}` as its
//! output checks that bilans refuses to write over its input even with `--force`.

use std::path::Path;

use anyhow::Context;

use crate::archive::Archive;
use crate::fuzz::arguments::{WC_COMMANDS, mutate_arguments};
use crate::fuzz::bytes::mutate_bytes;
use crate::fuzz::rng::Rng;
use crate::fuzz::toml_values::mutate_toml;
use crate::fuzz::workbook::mutate_archive;

/// What kind of input a target mutates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputKind {
    /// A workbook: zip mutations when it is a readable zip, byte mutations always.
    Spreadsheet,
    /// A TOML document: value mutations, byte mutations when it does not parse.
    Toml,
    /// No input file: the command line's numbers are mutated (`bilans wc`).
    Arguments,
}

/// A fixture and the commands that read it.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// The group of fixtures, for the summary: `workbooks`, `bad`, `partners`…
    pub(crate) family: &'static str,
    /// The fixture, relative to the project root (`None` for `wc`).
    pub(crate) source: Option<String>,
    /// Its bytes.
    pub(crate) bytes: Vec<u8>,
    /// How it is mutated.
    pub(crate) kind: InputKind,
    /// The command templates, one chosen per case.
    pub(crate) commands: Vec<Vec<String>>,
}

/// One generated case.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    /// The target's family.
    pub(crate) family: &'static str,
    /// The fixture it started from, relative to the project root.
    pub(crate) source: Option<String>,
    /// The input's file name in the case folder (the fixture's own name, so that the
    /// extension chooses the reader as it would for a user).
    pub(crate) input_name: Option<String>,
    /// The mutated input.
    pub(crate) input: Vec<u8>,
    /// The command template.
    pub(crate) args: Vec<String>,
    /// What was done to the input, one line per mutation.
    pub(crate) mutations: Vec<String>,
}

const WORKBOOK_COMMANDS: [&str; 7] = [
    "import {input}",
    "import {input} --json",
    "analyse {input} -o out.xlsx",
    "analyse {input} --format json",
    "analyse {input} --format csv --basis average",
    "analyse {input} --panel -o out.xlsx",
    "analyse {input} -o {input} --force",
];

const BAD_COMMANDS: [&str; 2] = ["import {input}", "analyse {input} --format json"];

const MAPPING_COMMANDS: [&str; 2] = [
    "import {fixture:fixtures/workbooks/custom_labels.xlsx} --mapping {input}",
    "analyse {fixture:fixtures/workbooks/custom_labels.xlsx} --mapping {input} --format json",
];

fn report_commands(command: &str) -> Vec<String> {
    vec![
        format!("{command} {{input}}"),
        format!("{command} {{input}} --json"),
        format!("{command} {{input}} -o out.xlsx"),
        format!("{command} {{input}} -o {{input}} --force"),
    ]
}

/// Every target under `root`'s `fixtures/`, in a fixed order.
///
/// # Errors
///
/// When a fixture folder cannot be read.
pub(crate) fn discover(root: &Path) -> anyhow::Result<Vec<Target>> {
    let mut targets = Vec::new();
    let words = |template: &str| template.split_whitespace().map(str::to_owned).collect();
    let spreadsheet = |name: &str| {
        [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]
            .iter()
            .any(|extension| name.ends_with(extension))
    };
    let mut add = |family, folder: &str, wanted: &dyn Fn(&str) -> bool, commands: &[String]| {
        for name in file_names(&root.join(folder))? {
            if !wanted(&name) {
                continue;
            }
            let source = format!("{folder}/{name}");
            let bytes =
                std::fs::read(root.join(&source)).with_context(|| format!("reading {source}"))?;
            let kind = if name.ends_with(".toml") {
                InputKind::Toml
            } else {
                InputKind::Spreadsheet
            };
            targets.push(Target {
                family,
                source: Some(source),
                bytes,
                kind,
                commands: commands.iter().map(|command| words(command)).collect(),
            });
        }
        anyhow::Ok(())
    };
    let strings = |templates: &[&str]| -> Vec<String> {
        templates
            .iter()
            .map(|&template| template.to_owned())
            .collect()
    };
    add(
        "workbooks",
        "fixtures/workbooks",
        &spreadsheet,
        &strings(&WORKBOOK_COMMANDS),
    )?;
    add("bad", "fixtures/bad", &spreadsheet, &strings(&BAD_COMMANDS))?;
    let mapping = |name: &str| name.ends_with(".toml") && name.contains("mapping");
    add(
        "mapping",
        "fixtures/workbooks",
        &mapping,
        &strings(&MAPPING_COMMANDS),
    )?;
    add(
        "mapping",
        "fixtures/bad",
        &mapping,
        &strings(&MAPPING_COMMANDS),
    )?;
    let input = |name: &str| name.ends_with(".toml") || name.ends_with(".xlsx");
    for (family, command) in [("partners", "partners score"), ("kpi", "kpi"), ("hc", "hc")] {
        let commands = report_commands(command);
        add(family, &format!("fixtures/{family}"), &input, &commands)?;
        add(family, &format!("fixtures/{family}/bad"), &input, &commands)?;
    }
    for (seed, method) in [
        ("seed004_dupont.toml", "dupont"),
        ("seed000_partners.toml", "partners"),
        ("seed002_working_capital.toml", "working-capital"),
    ] {
        let commands = [
            format!("reproduce {method} --fixture {{input}}"),
            format!("reproduce {method} --fixture {{input}} --json"),
        ];
        add(
            "seeds",
            "fixtures/seeds",
            &|name: &str| name == seed,
            &commands,
        )?;
    }
    targets.push(Target {
        family: "wc",
        source: None,
        bytes: Vec::new(),
        kind: InputKind::Arguments,
        commands: WC_COMMANDS
            .iter()
            .map(|command| command.iter().map(|&word| word.to_owned()).collect())
            .collect(),
    });
    Ok(targets)
}

/// Makes case `rng`'s case: a family, a fixture in it and a command, each chosen
/// uniformly (so that the twenty bad workbooks do not crowd out the three TOML
/// families), then one or more mutations of the input.
pub(crate) fn generate(targets: &[Target], rng: &mut Rng) -> Case {
    let mut families: Vec<&str> = targets.iter().map(|target| target.family).collect();
    families.sort_unstable();
    families.dedup();
    let family = *rng.pick(&families);
    let in_family: Vec<&Target> = targets
        .iter()
        .filter(|target| target.family == family)
        .collect();
    let target = *rng.pick(&in_family);
    let mut args = rng.pick(&target.commands).clone();
    let mut input = target.bytes.clone();
    let mut mutations = Vec::new();
    match target.kind {
        InputKind::Spreadsheet => mutate_spreadsheet(&mut input, rng, &mut mutations),
        InputKind::Toml => mutate_toml_input(&mut input, rng, &mut mutations),
        InputKind::Arguments => mutations.push(mutate_arguments(&mut args, rng)),
    }
    let input_name = target.source.as_deref().map(|source| {
        Path::new(source)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    Case {
        family,
        source: target.source.clone(),
        input_name,
        input,
        args,
        mutations,
    }
}

fn mutate_spreadsheet(input: &mut Vec<u8>, rng: &mut Rng, mutations: &mut Vec<String>) {
    if rng.chance(4, 5)
        && let Some(mut archive) = Archive::read(input)
    {
        let n_mutations = if rng.chance(1, 3) { 2 } else { 1 };
        for _ in 0..n_mutations {
            if let Some(description) = mutate_archive(&mut archive, rng) {
                mutations.push(description);
            }
        }
        match archive.write() {
            Ok(bytes) => *input = bytes,
            Err(error) => mutations.push(format!("(rezipping failed: {error:#}; unchanged)")),
        }
        if rng.chance(1, 10) {
            mutations.push(mutate_bytes(input, rng));
        }
        if !mutations.is_empty() {
            return;
        }
    }
    mutations.push(mutate_bytes(input, rng));
}

fn mutate_toml_input(input: &mut Vec<u8>, rng: &mut Rng, mutations: &mut Vec<String>) {
    if rng.chance(4, 5)
        && let Ok(mut text) = String::from_utf8(input.clone())
    {
        let n_mutations = if rng.chance(1, 3) { 2 } else { 1 };
        for _ in 0..n_mutations {
            if let Some((mutated, description)) = mutate_toml(&text, rng) {
                text = mutated;
                mutations.push(description);
            }
        }
        if !mutations.is_empty() {
            *input = text.into_bytes();
            return;
        }
    }
    mutations.push(mutate_bytes(input, rng));
}

/// The names of the files directly in `folder`, sorted.
fn file_names(folder: &Path) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in
        std::fs::read_dir(folder).with_context(|| format!("reading {}", folder.display()))?
    {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}
