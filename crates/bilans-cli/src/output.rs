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

/// Refuses an output that is the input itself (or, for folders, the input folder):
/// bilans never writes over what it reads, not even with `--force`.
pub(crate) fn refuse_input_as_output(input: &Path, output: &Path) -> anyhow::Result<()> {
    let (Ok(input), Ok(output_path)) = (input.canonicalize(), output.canonicalize()) else {
        // An output that does not exist yet cannot be the input.
        return Ok(());
    };
    if input == output_path {
        anyhow::bail!(
            "{} is the input; bilans never writes over its input, not even with --force\nhint: choose another output with -o",
            output.display()
        );
    }
    Ok(())
}
