//! `cargo xtask bench` (being written).

/// Runs the task.
pub(crate) fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("not implemented yet")
}
