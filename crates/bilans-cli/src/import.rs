//! `bilans import FILE [--mapping MAP.toml] [--sheet NAME]... [--require ITEMS] [--json]`:
//! shows what was recognised in a workbook, amount by amount with its cell, and which
//! ratios of the catalogue each missing line item blocks.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Lang;
use bilans_model::LineItem;
use bilans_sheets::import::{ImportOptions, Mapping, import_file, ratio_needs};

use crate::lang::text;
use crate::output::print;

/// Arguments of `bilans import`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The workbook (.xlsx, .xlsm, .xlsb, .xls or .ods); it is only read.
    file: PathBuf,
    /// A mapping file (TOML) naming labels or cells as line items (see docs/import.md).
    #[arg(long, value_name = "MAP.toml")]
    mapping: Option<PathBuf>,
    /// Read only this sheet; repeat it to read several (`--sheet A --sheet B`), which
    /// are one company where they are its statements.
    #[arg(long = "sheet", value_name = "NAME")]
    sheets: Vec<String>,
    /// The entity name for sheets that do not name their companies (default: the
    /// file name).
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// Line items that must be present in every period (comma-separated machine
    /// names, e.g. `total_assets,revenue`); a missing one is an error.
    #[arg(long, value_name = "ITEMS", value_delimiter = ',')]
    require: Vec<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `bilans import`: the report in `lang` (JSON keeps its machine names and data).
pub(crate) fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let mapping = args.mapping.as_deref().map(Mapping::load).transpose()?;
    let required = args
        .require
        .iter()
        .map(|name| name.parse::<LineItem>())
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| text(lang, "context.require"))?;
    let options = ImportOptions {
        sheets: args.sheets,
        mapping,
        entity: args.entity,
        required,
        needs: ratio_needs(),
        ..ImportOptions::default()
    };
    let report = import_file(&args.file, &options)?;
    if args.json {
        print(&serde_json::to_string_pretty(&report)?)?;
    } else {
        print(&report.to_text_in(lang))?;
    }
    Ok(ExitCode::SUCCESS)
}
