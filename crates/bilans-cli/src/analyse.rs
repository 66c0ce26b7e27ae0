//! `bilans analyse` (not yet implemented).

use std::process::ExitCode;

/// Arguments of `bilans analyse`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

/// Runs `bilans analyse`.
pub(crate) fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bilans analyse` is not implemented yet")
}
