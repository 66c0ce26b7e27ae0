//! The `bilans` command-line tool: a thin layer over the bilans library crates.
//!
//! It parses arguments, reads and writes files through `bilans-sheets`, prints results
//! and maps errors to exit codes. It holds no analysis logic of its own.

use std::process::ExitCode;

use bilans_model::Lang;
use clap::{Parser, Subcommand};

use crate::lang::text;

mod analyse;
mod hc;
mod import;
mod kpi;
mod lang;
mod output;
mod partners;
mod reproduce;
mod reproduce_args;
mod wc;

/// bilans: analysed, auditable workbooks from a company's spreadsheets.
#[derive(Debug, Parser)]
#[command(name = "bilans", version, about, long_about = None)]
struct Cli {
    /// The language of workbooks, reports and messages: en, pl, ru or uk (JSON keys
    /// and machine names stay as they are).
    #[arg(
        long,
        global = true,
        env = "BILANS_LANG",
        default_value = "en",
        value_name = "LANG"
    )]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Reproduce a published method's tables from its transcribed fixtures and
    /// reconcile every published cell.
    Reproduce(reproduce_args::Args),
    /// Import statements from a workbook and show what was recognised.
    Import(import::Args),
    /// Analyse statements: write the analysed workbook (or JSON, CSV, Markdown).
    Analyse(analyse::Args),
    /// Partner selection by an expert panel (seed 000).
    #[command(subcommand)]
    Partners(partners::Command),
    /// Working-capital calculators (seed 002).
    #[command(subcommand)]
    Wc(wc::Command),
    /// KPI cards: achievement scores and balance (seed 001).
    Kpi(kpi::Args),
    /// Human capital valuation (seed 003).
    Hc(hc::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    lang::set_lang(lang);
    let result = match cli.command {
        Command::Reproduce(args) => reproduce::run(args, lang),
        Command::Import(args) => import::run(args, lang),
        Command::Analyse(args) => analyse::run(args, lang),
        Command::Partners(command) => partners::run(command, lang),
        Command::Wc(command) => wc::run(command, lang),
        Command::Kpi(args) => kpi::run(args, lang),
        Command::Hc(args) => hc::run(args, lang),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{}: {}", text(lang, "error"), error_chain(&error, lang));
            }
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, `a: b: c`, each in `lang` where bilans words
/// it (its contexts, the spreadsheet errors), leaving out a cause whose text the
/// message already holds (library errors often print their source themselves).
fn error_chain(error: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut english = String::new();
    for cause in error.chain() {
        let cause_english = cause.to_string();
        if english.contains(&cause_english) {
            continue;
        }
        english.push_str(&cause_english);
        if let Some(sheets) = cause.downcast_ref::<bilans_sheets::SheetsError>() {
            parts.push(sheets.text_in(lang));
        } else if let Some(model) = cause.downcast_ref::<bilans_model::ModelError>() {
            parts.push(model.text_in(lang));
        } else {
            parts.push(cause_english);
        }
    }
    let mut message = parts.join(": ");
    let output_exists = error.chain().any(|cause| {
        matches!(
            cause.downcast_ref(),
            Some(bilans_sheets::SheetsError::OutputExists(_))
        )
    });
    if output_exists {
        message.push('\n');
        message.push_str(text(lang, "hint_force"));
    }
    message
}
