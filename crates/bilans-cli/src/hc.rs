//! `bilans hc` (not yet implemented).

use std::process::ExitCode;

/// Arguments of `bilans hc`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

/// Runs `bilans hc`.
pub(crate) fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bilans hc` is not implemented yet")
}
