//! `bilans analyse INPUT -o OUTPUT`: the analysed workbook (or JSON, CSV, Markdown).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Statements;
use bilans_ratios::analysis::{Analysis, analyse};
use bilans_ratios::{Basis, DaysInYear, EvalConfig, render, seed004};
use bilans_sheets::analyse::{WorkbookOptions, analysed_workbook};
use bilans_sheets::save_workbook;

use crate::output::{note, overwrite, print, write_file};

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

/// Balance-sheet basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum BasisArg {
    /// Year-end balances (seed 004's way).
    YearEnd,
    /// Average of opening and closing balances (the first period is not computable).
    Average,
}

/// Arguments of `bilans analyse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The statements: a workbook (xlsx, xlsm, xlsb, xls, ods) or a statements TOML file.
    pub(crate) input: PathBuf,
    /// Where to write the result; JSON, CSV and Markdown go to standard output without it.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Output format (default: from the output's extension, else xlsx).
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    /// Replace an existing output file.
    #[arg(long)]
    pub(crate) force: bool,
    /// Balance-sheet basis of the ratios.
    #[arg(long, value_enum, default_value = "year-end")]
    pub(crate) basis: BasisArg,
    /// Days in a year for turnover periods: 360 or 365.
    #[arg(long, default_value = "360", value_parser = ["360", "365"])]
    pub(crate) days: String,
    /// Creation date written into the workbook (YYYY-MM-DDTHH:MM:SS); the default is a
    /// fixed date so that the same input gives the same file.
    #[arg(long, value_name = "DATETIME")]
    pub(crate) created: Option<String>,
}

/// Runs `bilans analyse`.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let config = EvalConfig {
        basis: match args.basis {
            BasisArg::YearEnd => Basis::YearEnd,
            BasisArg::Average => Basis::Average,
        },
        days_in_year: if args.days == "365" {
            DaysInYear::Days365
        } else {
            DaysInYear::Days360
        },
        ..EvalConfig::default()
    };
    let format = args
        .format
        .unwrap_or_else(|| format_from_extension(args.output.as_deref()));
    let statements = load_statements(&args.input)?;
    let analyses: Vec<Analysis> = statements
        .iter()
        .map(|statements| analyse(statements, &config))
        .collect();
    let input = args.input.display().to_string();
    match format {
        Format::Xlsx => {
            let Some(output) = &args.output else {
                anyhow::bail!("the workbook needs an output file\nhint: add `-o analysed.xlsx`");
            };
            if analyses.len() != 1 {
                anyhow::bail!(
                    "{input} holds {} entities; the analysed workbook takes one\nhint: choose one with `bilans import` and `--sheet`",
                    analyses.len()
                );
            }
            let options = WorkbookOptions {
                input,
                created: args.created.clone(),
            };
            let mut workbook = analysed_workbook(&analyses[0], &options)?;
            save_workbook(&mut workbook, output, overwrite(args.force))?;
            note(&format!(
                "wrote {}: open it in Excel or LibreOffice; start with the Summary sheet",
                output.display()
            ));
        }
        Format::Json => emit(&args, &serde_json::to_string_pretty(&analyses)?)?,
        Format::Csv => {
            let mut text = String::new();
            for (index, analysis) in analyses.iter().enumerate() {
                let csv = render::analysis_csv(analysis);
                // One header line for the whole file.
                let body = if index == 0 {
                    csv.as_str()
                } else {
                    csv.split_once('\n').map_or("", |(_, rest)| rest)
                };
                text.push_str(body);
            }
            emit(&args, &text)?;
        }
        Format::Md => {
            let text: Vec<String> = analyses.iter().map(render::analysis_markdown).collect();
            emit(&args, &text.join("\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
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

/// Reads statements from a workbook or a statements TOML file.
pub(crate) fn load_statements(path: &Path) -> anyhow::Result<Vec<Statements>> {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if extension == "toml" {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let seed: seed004::PublishedSeed =
            toml::from_str(&text).with_context(|| format!("reading {}", path.display()))?;
        return Ok(vec![
            seed.statements()
                .with_context(|| format!("reading {}", path.display()))?,
        ]);
    }
    anyhow::bail!(
        "{}: reading workbooks arrives with `bilans import`",
        path.display()
    )
}
