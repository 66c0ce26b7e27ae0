//! The arguments of `bilans reproduce` and the reading of the fixture they name, one
//! file below the modules that reproduce a seed (`reproduce`, `partners`, `wc`).

use std::path::PathBuf;

use anyhow::Context;
use bilans_model::Lang;

use crate::lang::{message, text};

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

/// Reads the fixture given by `--fixture`, or returns the embedded one.
pub(crate) fn fixture_text(
    args: &Args,
    embedded: &'static str,
    lang: Lang,
) -> anyhow::Result<(String, String)> {
    match &args.fixture {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| message(lang, "context.reading", &[("path", &path.display())]))?;
            Ok((text, path.display().to_string()))
        }
        None => Ok((
            embedded.to_owned(),
            text(lang, "context.embedded_fixture").to_owned(),
        )),
    }
}
