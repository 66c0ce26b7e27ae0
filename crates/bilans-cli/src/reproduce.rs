//! `bilans reproduce METHOD`: reproduce a seed's published tables and reconcile them.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use bilans_ratios::{render, seed004};

use crate::output::print;

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

/// The transcription of seed 004 shipped with bilans.
const SEED004: &str = include_str!("../../../fixtures/seeds/seed004_dupont.toml");

/// Runs `bilans reproduce`.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.method {
        Method::Dupont => dupont(&args),
        Method::Partners => crate::partners::reproduce(&args),
        Method::WorkingCapital => crate::wc::reproduce(&args),
    }
}

/// Reads the fixture given by `--fixture`, or returns the embedded one.
pub(crate) fn fixture_text(
    args: &Args,
    embedded: &'static str,
) -> anyhow::Result<(String, String)> {
    match &args.fixture {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            Ok((text, path.display().to_string()))
        }
        None => Ok((embedded.to_owned(), "the embedded fixture".to_owned())),
    }
}

fn dupont(args: &Args) -> anyhow::Result<ExitCode> {
    let (text, origin) = fixture_text(args, SEED004)?;
    let seed: seed004::PublishedSeed =
        toml::from_str(&text).with_context(|| format!("reading {origin}"))?;
    let reproduction = seed004::reproduce(&seed).with_context(|| format!("checking {origin}"))?;
    if args.json {
        print(&serde_json::to_string_pretty(&reproduction.reconciliation)?)?;
    } else {
        print(&render::seed004_report(&reproduction))?;
    }
    Ok(ExitCode::SUCCESS)
}
