//! `bilans partners` (not yet implemented).

use std::process::ExitCode;

/// Subcommands of `bilans partners`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {}

/// Runs `bilans partners`.
pub(crate) fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {}
}

/// Runs `bilans reproduce` for this method.
pub(crate) fn reproduce(_args: &crate::reproduce::Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("reproduction of this method is not implemented yet")
}
