//! Shared output helpers: stdout for data, atomic files for outputs.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use bilans_sheets::{Overwrite, write_atomic};

/// Writes `text` to stdout (data goes to stdout, messages to stderr).
pub(crate) fn print(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .context("writing to standard output")?;
    if !text.ends_with('\n') {
        stdout
            .write_all(b"\n")
            .context("writing to standard output")?;
    }
    Ok(())
}

/// Writes `text` to `path` atomically, refusing to overwrite unless `force`.
pub(crate) fn write_file(path: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    let overwrite = if force {
        Overwrite::Allowed
    } else {
        Overwrite::Never
    };
    write_atomic(path, text.as_bytes(), overwrite)?;
    Ok(())
}

/// The overwrite policy for `--force`.
pub(crate) fn overwrite(force: bool) -> Overwrite {
    if force {
        Overwrite::Allowed
    } else {
        Overwrite::Never
    }
}

/// Prints a message to stderr.
pub(crate) fn note(message: &str) {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{message}");
    }
}
