//! Project automation: `cargo xtask <task>`, one module per task.
//!
//! - `cargo xtask fixtures [--check] [--libreoffice]`: regenerate (or check) the
//!   fixture workbooks from the text fixtures (see `fixtures.rs`).
//! - `cargo xtask reports [--check]`: regenerate (or check) `reports/` from `fixtures/`
//!   (see `reports.rs`).
//! - `cargo xtask bench`: the performance measurements of the README (see `bench.rs`).

use std::path::PathBuf;
use std::process::ExitCode;

mod bench;
mod fixtures;
mod reports;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("fixtures") => fixtures::run(&args[1..]),
        Some("reports") => reports::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some(other) => Err(anyhow::anyhow!("unknown task `{other}`\n{USAGE}")),
        None => Err(anyhow::anyhow!("no task given\n{USAGE}")),
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

const USAGE: &str =
    "usage: cargo xtask fixtures [--check] [--libreoffice] | reports [--check] | bench";

/// The workspace root.
pub(crate) fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}
