//! Project automation: `cargo xtask <task>`, one module per task; `cargo xtask --help`
//! lists them and `cargo xtask <task> --help` gives each one's flags.
//!
//! - `cargo xtask fixtures [--check] [--libreoffice]`: regenerate (or check) the
//!   fixture workbooks from the text fixtures (see `fixtures.rs`).
//! - `cargo xtask reports [--check]`: regenerate (or check) `reports/` from `fixtures/`
//!   (see `reports.rs`).
//! - `cargo xtask bench`: the performance measurements of the README (see `bench/`).
//! - `cargo xtask fuzz`: mutate the fixtures and run the `bilans` binary on them under
//!   a memory limit and a timeout (see `fuzz/`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod archive;
mod bench;
mod fixtures;
mod fuzz;
mod reports;

/// Project automation for bilans.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Regenerate (or check) the fixture workbooks from fixtures/seeds/seed004_dupont.toml.
    Fixtures(fixtures::Args),
    /// Regenerate (or check) reports/ from fixtures/.
    Reports(reports::Args),
    /// Measure the performance figures of the README on a synthetic panel.
    Bench(bench::Args),
    /// Mutate the fixtures and run `bilans` on them, looking for panics, crashes,
    /// runaway memory or time, and modified inputs.
    Fuzz(fuzz::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Fixtures(args) => fixtures::run(&args),
        Task::Reports(args) => reports::run(&args),
        Task::Bench(args) => bench::run(&args),
        Task::Fuzz(args) => fuzz::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {error:#}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub(crate) fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[cfg(test)]
mod tests;
