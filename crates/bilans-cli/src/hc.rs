//! `bilans hc`: human capital valuation (seed 003) of a staff file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Lang;
use bilans_scoring::human_capital::render_markdown_in;
use bilans_sheets::human_capital::{assess_file, write_report};

use crate::lang::{message, text};
use crate::output::{note, overwrite, print, refuse_input_as_output};

/// Arguments of `bilans hc`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The staff file: a workbook (xlsx, xls, ods) or TOML (see docs/human_capital.md).
    file: PathBuf,
    /// Write the assessment workbook (people, group chart, company metrics) here.
    #[arg(short, long, value_name = "OUT.xlsx")]
    output: Option<PathBuf>,
    /// Print the assessment as JSON instead of Markdown.
    #[arg(long)]
    json: bool,
    /// Overwrite the output workbook if it exists.
    #[arg(long)]
    force: bool,
}

/// Runs `bilans hc`: assesses the file, prints the report and writes the workbook.
pub(crate) fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    // The error already names the file, sheet and cell (or TOML field).
    let report = assess_file(&args.file)?;
    if args.json {
        print(&serde_json::to_string_pretty(&report).with_context(|| text(lang, "context.json"))?)?;
    } else {
        print(&render_markdown_in(&report, lang))?;
    }
    if let Some(output) = &args.output {
        refuse_input_as_output(&args.file, output)?;
        write_report(&report, output, overwrite(args.force))?;
        note(&message(lang, "wrote", &[("path", &output.display())]));
    }
    Ok(ExitCode::SUCCESS)
}
