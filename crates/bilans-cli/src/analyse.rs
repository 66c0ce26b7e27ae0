//! `bilans analyse INPUT -o OUTPUT`: the analysed workbook (or JSON, CSV, Markdown), for
//! one file, a panel of companies, or a folder of workbooks.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Context;
use bilans_model::Lang;
use bilans_ratios::{Basis, DaysInYear, EvalConfig};
use bilans_sheets::analyse::{Sheet, WorkbookOptions, sheet_name, sheet_name_in};
use bilans_sheets::import::{ImportOptions, Mapping};
use bilans_sheets::{
    AnalyseOptions, AnalysedFile, TextFormat, read_input, save_workbook, workbook_bytes,
    write_atomic,
};
use rayon::prelude::*;

use crate::lang::{lang, message, text};
use crate::output::{Inputs, note, overwrite, print, refuse_input_as_output, write_file};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// The analysed Excel workbook (live formulas, cached values, charts, checks).
    Xlsx,
    /// The whole analysis as JSON (amounts and ratios as exact decimal strings).
    Json,
    /// Every ratio per period as CSV (long form).
    Csv,
    /// A Markdown report.
    Md,
}

impl Format {
    /// The text output of this format; the workbook's format has none.
    fn text_format(self) -> Option<TextFormat> {
        match self {
            Format::Xlsx => None,
            Format::Json => Some(TextFormat::Json),
            Format::Csv => Some(TextFormat::Csv),
            Format::Md => Some(TextFormat::Markdown),
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
        }
    }
}

/// Balance-sheet basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum BasisArg {
    /// Year-end balances (seed 004's way).
    YearEnd,
    /// Average of opening and closing balances (the first period is not computable).
    Average,
    /// Chronological mean of the balances in each period: opening, interim
    /// quarter-ends (when the statements hold all three) and closing.
    Chronological,
}

/// Arguments of `bilans analyse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The statements: a workbook (xlsx, xlsm, xlsb, xls, ods), a statements TOML file,
    /// or a folder of workbooks (each analysed in parallel).
    pub(crate) input: PathBuf,
    /// Where to write: a file; a folder for a folder input or for a panel analysed one
    /// workbook per company. JSON, CSV and Markdown of one file go to standard output
    /// without it.
    #[arg(short, long, value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,
    /// Output format (default: from the output's extension, else xlsx).
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    /// For an input with several companies: one panel workbook (a sheet per company and
    /// a comparison sheet) instead of one workbook per company.
    #[arg(long)]
    pub(crate) panel: bool,
    /// Replace existing output files.
    #[arg(long)]
    pub(crate) force: bool,
    /// Balance-sheet basis of the ratios.
    #[arg(long, value_enum, default_value = "year-end")]
    pub(crate) basis: BasisArg,
    /// Days in a year for turnover periods: 360 or 365 (an interim period counts its
    /// share: a quarter 90 or 91.25).
    #[arg(long, default_value = "360", value_parser = ["360", "365"])]
    pub(crate) days: String,
    /// Annualise ratios over interim periods (quarters, half-years, nine months): their
    /// flows are scaled to a year (× 12 / months). Without it they are for the period.
    #[arg(long)]
    pub(crate) annualise: bool,
    /// Creation date written into workbooks (YYYY-MM-DDTHH:MM:SS); the default is a
    /// fixed date so that the same input gives the same file.
    #[arg(long, value_name = "DATETIME")]
    pub(crate) created: Option<String>,
    /// Leave out the source cells of the statements (the per-amount notes and the
    /// "Source cells" column): smaller, faster workbooks, no provenance.
    #[arg(long)]
    pub(crate) no_source_notes: bool,
    /// How to read a workbook.
    #[command(flatten)]
    pub(crate) import: ImportArgs,
    /// Working-capital policy bands for the Working capital sheet.
    #[command(flatten)]
    pub(crate) bands: crate::wc::args::PolicyBandsArgs,
}

/// Runs `bilans analyse`.
pub(crate) fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let config = EvalConfig {
        basis: match args.basis {
            BasisArg::YearEnd => Basis::YearEnd,
            BasisArg::Average => Basis::Average,
            BasisArg::Chronological => Basis::Chronological,
        },
        days_in_year: if args.days == "365" {
            DaysInYear::Days365
        } else {
            DaysInYear::Days360
        },
        annualise: args.annualise,
        ..EvalConfig::default()
    };
    let format = args
        .format
        .unwrap_or_else(|| format_from_extension(args.output.as_deref()));
    if let Some(output) = &args.output {
        refuse_input_as_output(&args.input, output)?;
        if let Some(mapping) = &args.import.mapping {
            refuse_input_as_output(mapping, output)?;
        }
    }
    let options = analyse_options(&args, config, lang)?;
    if args.input.is_dir() {
        return analyse_folder(&args, &options, format);
    }
    // A panel workbook analyses each company as its sheet is written (the analyses are
    // never all held); every other output analyses them all first.
    let input = read_input(&args.input, &options)?;
    match (format, input.statements.len(), args.panel) {
        (Format::Xlsx, 1, _) => {
            let output = args
                .output
                .as_ref()
                .context(text(lang, "analyse.needs_output"))?;
            let mut workbook = input.analyse().company_workbook(0)?;
            save_workbook(&mut workbook, output, overwrite(args.force))?;
            note(&message(
                lang,
                "analyse.wrote_workbook",
                &[
                    ("path", &output.display()),
                    ("summary", &sheet_name_in(Sheet::Summary, lang)),
                ],
            ));
        }
        (Format::Xlsx, n_companies, true) => {
            let output = args
                .output
                .as_ref()
                .context(text(lang, "analyse.panel_needs_output"))?;
            let mut workbook = input.panel_workbook()?;
            save_workbook(&mut workbook, output, overwrite(args.force))?;
            note(&message(
                lang,
                "analyse.wrote_panel",
                &[
                    ("path", &output.display()),
                    ("count", &n_companies),
                    ("comparison", &sheet_name_in(Sheet::Comparison, lang)),
                ],
            ));
        }
        (Format::Xlsx, n_companies, false) => {
            let folder = args.output.as_ref().with_context(|| {
                message(
                    lang,
                    "context.several_companies",
                    &[("input", &args.input.display()), ("count", &n_companies)],
                )
            })?;
            refuse_file_name_as_folder(folder, Some(n_companies))?;
            let inputs = Inputs::new([args.input.as_path()])?;
            std::fs::create_dir_all(folder).with_context(|| {
                message(lang, "context.creating", &[("path", &folder.display())])
            })?;
            let analysed = input.analyse();
            for path in write_per_company(
                &analysed,
                &file_stem(&args.input),
                folder,
                args.force,
                &inputs,
            )? {
                note(&message(
                    lang,
                    "analyse.wrote",
                    &[("path", &path.display())],
                ));
            }
        }
        (format, _, _) => emit(&args, &text_output(format, &input.analyse())?)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The library's options for this command line: how to read, evaluate and write.
fn analyse_options(args: &Args, eval: EvalConfig, lang: Lang) -> anyhow::Result<AnalyseOptions> {
    let mapping = args
        .import
        .mapping
        .as_deref()
        .map(Mapping::load)
        .transpose()?;
    Ok(AnalyseOptions {
        import: ImportOptions {
            sheets: args.import.sheets.clone(),
            mapping,
            entity: args.import.entity.clone(),
            ..ImportOptions::default()
        },
        eval,
        workbook: WorkbookOptions {
            lang,
            created: args.created.clone(),
            source_notes: !args.no_source_notes,
            policy: crate::wc::policy_config(&args.bands)?,
            ..WorkbookOptions::default()
        },
        input_name: None,
    })
}

/// One workbook per company, named `<input stem>.<company>.xlsx` (or `<stem>.xlsx` for
/// a single company), in `folder`.
///
/// Every workbook is built in memory (in parallel) before any is written, and without
/// `--force` nothing is written when one of the files exists: a company whose workbook
/// cannot be built leaves no partial set behind. Only a failure while writing (a full
/// disk, say) can stop part-way, and its error says how many files were written.
fn write_per_company(
    analysed: &AnalysedFile,
    stem: &str,
    folder: &Path,
    force: bool,
    inputs: &Inputs,
) -> anyhow::Result<Vec<PathBuf>> {
    let analyses = &analysed.analyses;
    let mut used = std::collections::BTreeSet::new();
    let paths: Vec<PathBuf> = analyses
        .iter()
        .map(|analysis| {
            let name = if analyses.len() == 1 {
                format!("{stem}.xlsx")
            } else {
                let company = file_name_part(&analysis.statements.entity.name);
                format!("{stem}.{}.xlsx", sheet_name(&company, &mut used))
            };
            folder.join(name)
        })
        .collect();
    for path in &paths {
        inputs.refuse_file(path)?;
    }
    let built: Vec<Vec<u8>> = analyses
        .par_iter()
        .zip(paths.par_iter())
        .enumerate()
        .map(|(index, (analysis, path))| {
            let mut workbook = analysed.company_workbook(index).with_context(|| {
                message(
                    lang(),
                    "context.building_company",
                    &[
                        ("entity", &analysis.statements.entity.name),
                        ("stem", &stem),
                    ],
                )
            })?;
            Ok(workbook_bytes(&mut workbook, path)?)
        })
        .collect::<anyhow::Result<_>>()?;
    if !force && let Some(existing) = paths.iter().find(|path| path.exists()) {
        anyhow::bail!(message(
            lang(),
            "context.exists_none_written",
            &[("path", &existing.display()), ("stem", &stem)],
        ));
    }
    let mut written = Vec::new();
    for (path, bytes) in paths.iter().zip(&built) {
        if let Err(error) = write_atomic(path, bytes, overwrite(force)) {
            return Err(anyhow::Error::new(error).context(message(
                lang(),
                "context.written_before_failure",
                &[
                    ("written", &written.len()),
                    ("count", &paths.len()),
                    ("stem", &stem),
                    ("folder", &folder.display()),
                ],
            )));
        }
        written.push(path.clone());
    }
    Ok(written)
}

/// A company name without the characters Windows forbids in file names that a sheet
/// name may hold (`<>"|`); [`sheet_name`] then removes the others (`/\:*?`, control
/// characters) and keeps the names unique.
fn file_name_part(company: &str) -> String {
    company
        .chars()
        .map(|character| {
            if "<>\"|".contains(character) {
                '_'
            } else {
                character
            }
        })
        .collect()
}

fn text_output(format: Format, analysed: &AnalysedFile) -> anyhow::Result<String> {
    // The workbook format asked for on standard output prints the Markdown report.
    let format = format.text_format().unwrap_or(TextFormat::Markdown);
    Ok(analysed.text(format)?)
}

/// Analyses every workbook in a folder, in parallel; one failure does not stop the rest.
fn analyse_folder(
    args: &Args,
    options: &AnalyseOptions,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let lang = options.workbook.lang;
    let output = args
        .output
        .as_ref()
        .context(text(lang, "analyse.folder_needs_output"))?;
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&args.input)
        .with_context(|| message(lang, "context.reading", &[("path", &args.input.display())]))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && is_workbook(path))
        .collect();
    inputs.sort();
    if inputs.is_empty() {
        anyhow::bail!(message(
            lang,
            "context.no_workbook_in_folder",
            &[("folder", &args.input.display())],
        ));
    }
    // Every input's real location (through symlinks), checked before anything is
    // created or written: no output may land where an input lives.
    let guard = Inputs::new(
        std::iter::once(args.input.as_path()).chain(inputs.iter().map(PathBuf::as_path)),
    )?;
    guard.refuse_folder(output)?;
    refuse_file_name_as_folder(output, None)?;
    std::fs::create_dir_all(output)
        .with_context(|| message(lang, "context.creating", &[("path", &output.display())]))?;
    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(inputs.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let stems = unique_stems(&inputs);
    let failures = Mutex::new(Vec::new());
    let n_written: usize = inputs
        .par_iter()
        .zip(&stems)
        .map(|(input, stem)| {
            let result = analyse_one(args, options, format, input, stem, output, &guard);
            progress.inc(1);
            match result {
                Ok(n_written) => n_written,
                Err(error) => {
                    if let Ok(mut failures) = failures.lock() {
                        failures.push(format!("{}: {error:#}", input.display()));
                    }
                    0
                }
            }
        })
        .sum();
    progress.finish_and_clear();
    let mut failures = failures.into_inner().unwrap_or_default();
    failures.sort();
    note(&message(
        lang,
        "analyse.folder_summary",
        &[
            ("read", &inputs.len()),
            ("written", &n_written),
            ("folder", &output.display()),
            ("failures", &failures.len()),
        ],
    ));
    for failure in &failures {
        note(&message(lang, "analyse.failed", &[("failure", failure)]));
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[allow(clippy::too_many_arguments)]
fn analyse_one(
    args: &Args,
    options: &AnalyseOptions,
    format: Format,
    input: &Path,
    stem: &str,
    folder: &Path,
    inputs: &Inputs,
) -> anyhow::Result<usize> {
    let imported = read_input(input, options)?;
    match format {
        Format::Xlsx if args.panel && 1 < imported.statements.len() => {
            let mut workbook = imported.panel_workbook()?;
            let path = folder.join(format!("{stem}.xlsx"));
            inputs.refuse_file(&path)?;
            save_workbook(&mut workbook, &path, overwrite(args.force))?;
            Ok(1)
        }
        Format::Xlsx => {
            Ok(write_per_company(&imported.analyse(), stem, folder, args.force, inputs)?.len())
        }
        other => {
            let path = folder.join(format!("{stem}.{}", other.extension()));
            inputs.refuse_file(&path)?;
            write_file(&path, &text_output(other, &imported.analyse())?, args.force)?;
            Ok(1)
        }
    }
}

/// The file stem, which names the outputs of one input.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("analysed")
        .to_owned()
}

/// Output stems for the inputs of a folder: the file stem, or `stem_extension` where
/// two inputs share a stem (`book.xlsx` and `book.ods`), so no output overwrites another.
fn unique_stems(inputs: &[PathBuf]) -> Vec<String> {
    let stems: Vec<String> = inputs.iter().map(|input| file_stem(input)).collect();
    inputs
        .iter()
        .zip(&stems)
        .map(|(input, stem)| {
            if stems.iter().filter(|other| *other == stem).count() == 1 {
                return stem.clone();
            }
            let extension = input
                .extension()
                .and_then(|extension| extension.to_str())
                .unwrap_or("");
            format!("{stem}_{extension}")
        })
        .collect()
}

/// Refuses an output folder named like a workbook (`-o NAME.xlsx` for an input with
/// several companies would otherwise create a folder called `NAME.xlsx`).
fn refuse_file_name_as_folder(folder: &Path, n_companies: Option<usize>) -> anyhow::Result<()> {
    if is_workbook(folder) && !folder.is_dir() {
        let count = n_companies.map_or_else(
            || text(lang(), "context.several").to_owned(),
            |n| n.to_string(),
        );
        anyhow::bail!(message(
            lang(),
            "context.file_name_as_folder",
            &[
                ("folder", &folder.display()),
                ("count", &count),
                ("panel", &folder.display()),
            ],
        ));
    }
    Ok(())
}

fn is_workbook(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
}

fn emit(args: &Args, text: &str) -> anyhow::Result<()> {
    match &args.output {
        Some(path) => write_file(path, text, args.force),
        None => print(text),
    }
}

fn format_from_extension(output: Option<&Path>) -> Format {
    let extension = output
        .and_then(Path::extension)
        .and_then(|extension| extension.to_str())
        .unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "json" => Format::Json,
        "csv" => Format::Csv,
        "md" | "markdown" => Format::Md,
        _ => Format::Xlsx,
    }
}

/// How to read a workbook (the options of `bilans import`).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ImportArgs {
    /// A mapping file (TOML) naming labels or cells as line items (see docs/import.md).
    #[arg(long, value_name = "MAP.toml")]
    pub(crate) mapping: Option<PathBuf>,
    /// Read only this sheet; repeat it to read several (`--sheet A --sheet B`), which
    /// are one company where they are its statements.
    #[arg(long = "sheet", value_name = "NAME")]
    pub(crate) sheets: Vec<String>,
    /// The entity name for sheets that do not name their companies.
    #[arg(long, value_name = "NAME")]
    pub(crate) entity: Option<String>,
}
