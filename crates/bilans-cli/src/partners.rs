//! `bilans partners score FILE` and `bilans reproduce partners`: partner selection by
//! an expert panel (seed 000). Reading, analysing and rendering live in the library
//! crates; this module picks the reader by file extension and routes the output.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Lang;
use bilans_scoring::partners::{Analysis, PanelInput, Seed000, analyse, render, reproduce_seed000};

use crate::lang::{message, text};
use crate::output::{note, overwrite, print, refuse_input_as_output};
use crate::reproduce_args::{self, fixture_text};

/// The transcription of seed 000's Tables 1 and 2, the default of `bilans reproduce
/// partners`.
const SEED_FIXTURE: &str = include_str!("../../../fixtures/seeds/seed000_partners.toml");

/// Subcommands of `bilans partners`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Score potential partners from a panel input (TOML, JSON or a workbook): T_i,
    /// PT, harmony, both rules' winners, agreement, compliance matrix, monitoring.
    Score(ScoreArgs),
}

/// Arguments of `bilans partners score`.
#[derive(Debug, clap::Args)]
pub(crate) struct ScoreArgs {
    /// The panel input: `.toml`, `.json`, or a workbook (`.xlsx`, `.xlsm`, `.xls`,
    /// `.ods`); see docs/partners.md.
    file: PathBuf,
    /// Write the analysed workbook (scores, radar chart, selection, agreement,
    /// compliance, monitoring) here.
    #[arg(short, long, value_name = "OUT.xlsx")]
    output: Option<PathBuf>,
    /// Print the analysis as JSON instead of Markdown.
    #[arg(long)]
    json: bool,
    /// Overwrite the output workbook if it exists.
    #[arg(long)]
    force: bool,
}

/// Runs `bilans partners`.
pub(crate) fn run(command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::Score(args) => score(&args, lang),
    }
}

fn score(args: &ScoreArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let analysis = read_and_analyse(&args.file, lang)?;
    if let Some(output) = &args.output {
        refuse_input_as_output(&args.file, output)?;
        let mut workbook = bilans_sheets::partners::analysis_workbook_in(&analysis, output, lang)?;
        bilans_sheets::save_workbook(&mut workbook, output, overwrite(args.force))?;
        note(&message(lang, "wrote", &[("path", &output.display())]));
    }
    if args.json {
        print(
            &serde_json::to_string_pretty(&analysis).with_context(|| text(lang, "context.json"))?,
        )?;
    } else if args.output.is_none() {
        print(&render::analysis_markdown_in(&analysis, lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn read_and_analyse(path: &Path, lang: Lang) -> anyhow::Result<Analysis> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase();
    if matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        return Ok(bilans_sheets::partners::analyse_workbook(path)?);
    }
    let path_text = path.display();
    let invalid = || message(lang, "context.invalid_panel", &[("path", &path_text)]);
    let input_text = std::fs::read_to_string(path)
        .with_context(|| message(lang, "context.reading", &[("path", &path_text)]))?;
    let input: PanelInput = match extension.as_str() {
        "toml" => toml::from_str(&input_text).with_context(invalid)?,
        "json" => serde_json::from_str(&input_text).with_context(invalid)?,
        _ => anyhow::bail!(message(
            lang,
            "context.unknown_panel_type",
            &[("path", &path_text)]
        )),
    };
    analyse(&input)
        .map_err(|error| anyhow::anyhow!(error.text_in(lang)))
        .with_context(invalid)
}

/// Runs `bilans reproduce partners`: Tables 1 and 2 of seed 000 recomputed in the
/// published layout, every published cell reconciled.
pub(crate) fn reproduce(args: &reproduce_args::Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let (fixture, origin) = fixture_text(args, SEED_FIXTURE, lang)?;
    let invalid = || message(lang, "context.invalid_seed", &[("path", &origin)]);
    let seed: Seed000 = toml::from_str(&fixture).with_context(invalid)?;
    let reproduction = reproduce_seed000(&seed)
        .map_err(|error| anyhow::anyhow!(error.text_in(lang)))
        .with_context(invalid)?;
    if args.json {
        print(
            &serde_json::to_string_pretty(&reproduction.cells)
                .with_context(|| text(lang, "context.json"))?,
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let out = render::seed000_report_in(&seed, &reproduction, lang);
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
