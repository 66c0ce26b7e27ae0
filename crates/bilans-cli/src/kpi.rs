//! `bilans kpi` (not yet implemented).

use std::process::ExitCode;

/// Arguments of `bilans kpi`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

/// Runs `bilans kpi`.
pub(crate) fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bilans kpi` is not implemented yet")
}
