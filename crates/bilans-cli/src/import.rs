//! `bilans import` (not yet implemented).

use std::process::ExitCode;

/// Arguments of `bilans import`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

/// Runs `bilans import`.
pub(crate) fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bilans import` is not implemented yet")
}
