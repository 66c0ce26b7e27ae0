//! `bilans reproduce METHOD`: reproduce a seed's published tables and reconcile them.

use std::path::PathBuf;
use std::process::ExitCode;

/// Which published method to reproduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Method {
    /// Seed 004: liquidity and profitability in the modified Du Pont model.
    Dupont,
    /// Seed 000: partner selection by an expert panel (Tables 1 and 2).
    Partners,
    /// Seed 002: working-capital policies (Table 7) and the A/B example.
    WorkingCapital,
}

/// Arguments of `bilans reproduce`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The method whose published tables to reproduce.
    pub(crate) method: Method,
    /// Print the reconciliation as a JSON array instead of text tables.
    #[arg(long)]
    pub(crate) json: bool,
    /// Read the transcribed tables from this TOML file instead of the embedded fixture.
    #[arg(long, value_name = "TOML")]
    pub(crate) fixture: Option<PathBuf>,
}

/// Runs `bilans reproduce`.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.method {
        Method::Dupont => anyhow::bail!("not implemented yet"),
        Method::Partners => crate::partners::reproduce(&args),
        Method::WorkingCapital => crate::wc::reproduce(&args),
    }
}
