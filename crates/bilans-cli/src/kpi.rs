//! `bilans kpi FILE`: score a KPI card (seed 001) and show its balance.
//!
//! Reads the card (TOML, or a workbook with sheets `KPI`, `Actuals`, `Settings`),
//! prints the report as Markdown (or JSON with `--json`) and, with `-o`, writes the
//! report workbook.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Lang;
use bilans_scoring::kpi::{render_markdown_in, report};

use crate::lang::{message, text};
use crate::output::{note, overwrite, print, refuse_input_as_output};

/// Arguments of `bilans kpi`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The card: a `.toml` file or a workbook (xlsx, xlsm, xls, ods).
    file: PathBuf,
    /// Write the report workbook (cards with traffic lights, balance, findings) here.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print the report as JSON instead of Markdown.
    #[arg(long)]
    json: bool,
    /// Overwrite the output workbook if it exists.
    #[arg(long)]
    force: bool,
}

/// Runs `bilans kpi`.
pub(crate) fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let card = bilans_sheets::kpi::read_card(&args.file)?;
    let report = report(&card);
    if args.json {
        let text =
            serde_json::to_string_pretty(&report).with_context(|| text(lang, "context.json"))?;
        print(&text)?;
    } else {
        print(&render_markdown_in(&report, lang))?;
    }
    if let Some(output) = &args.output {
        refuse_input_as_output(&args.file, output)?;
        bilans_sheets::kpi::write_report(&report, &card.settings, output, overwrite(args.force))?;
        note(&message(lang, "wrote", &[("path", &output.display())]));
    }
    if !report.findings.is_empty() {
        note(&message(
            lang,
            "kpi.findings",
            &[("count", &report.findings.len())],
        ));
    }
    Ok(ExitCode::SUCCESS)
}
