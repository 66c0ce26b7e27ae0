//! Shared output helpers: stdout for data, atomic files for outputs.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::Context;
use bilans_sheets::{Overwrite, write_atomic};

use crate::lang::{lang, message, text};

/// Writes `text` to stdout (data goes to stdout, messages to stderr).
pub(crate) fn print(data: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(data.as_bytes())
        .with_context(|| text(lang(), "context.stdout"))?;
    if !data.ends_with('\n') {
        stdout
            .write_all(b"\n")
            .with_context(|| text(lang(), "context.stdout"))?;
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

/// Where `path` leads once symlinks are followed and `.` and `..` are taken out, for a
/// path that may not exist yet.
///
/// Each existing prefix is canonicalised (so a symlink is followed to the file it names);
/// a name that does not exist yet cannot be a symlink, so the rest is taken as written,
/// with `..` undoing the name before it, as it will once that folder is created
/// (`in/new/..` is `in`).
pub(crate) fn resolve(path: &Path) -> anyhow::Result<PathBuf> {
    let mut resolved = if path.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir()
            .and_then(|folder| folder.canonicalize())
            .with_context(|| text(lang(), "context.current_folder"))?
    };
    for component in path.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                if let Ok(real) = resolved.canonicalize() {
                    resolved = real;
                }
            }
        }
    }
    Ok(resolved)
}

/// The real locations of everything a command reads, so that no output lands on one of
/// them, whatever path (symlink, `..`, a folder not created yet) leads there.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// Input files.
    files: BTreeSet<PathBuf>,
    /// Input folders, and the folders that hold the input files.
    folders: BTreeSet<PathBuf>,
    /// Input folders given as such.
    given_folders: BTreeSet<PathBuf>,
}

impl Inputs {
    /// The real locations of `paths` (files or folders; each must exist).
    pub(crate) fn new<'a>(paths: impl IntoIterator<Item = &'a Path>) -> anyhow::Result<Self> {
        let mut inputs = Inputs::default();
        for path in paths {
            let real = resolve(path)?;
            if real.is_dir() {
                inputs.given_folders.insert(real.clone());
                inputs.folders.insert(real);
            } else {
                if let Some(parent) = real.parent() {
                    inputs.folders.insert(parent.to_owned());
                }
                inputs.files.insert(real);
            }
        }
        Ok(inputs)
    }

    /// Refuses an output file that is (or leads to) one of the inputs, or that is an
    /// input folder.
    pub(crate) fn refuse_file(&self, output: &Path) -> anyhow::Result<()> {
        let real = resolve(output)?;
        if self.files.contains(&real) || self.given_folders.contains(&real) {
            anyhow::bail!(message(
                lang(),
                "context.input_as_output",
                &[("output", &output.display()), ("real", &real.display())],
            ));
        }
        Ok(())
    }

    /// Refuses an output folder that holds one of the input files (or is an input
    /// folder): outputs written there could replace an input.
    pub(crate) fn refuse_folder(&self, output: &Path) -> anyhow::Result<()> {
        let real = resolve(output)?;
        if self.folders.contains(&real) {
            anyhow::bail!(message(
                lang(),
                "context.input_folder_as_output",
                &[("output", &output.display()), ("real", &real.display())],
            ));
        }
        Ok(())
    }
}

/// Refuses an output that is the input itself (or, for folders, the input folder):
/// bilans never writes over what it reads, not even with `--force`.
pub(crate) fn refuse_input_as_output(input: &Path, output: &Path) -> anyhow::Result<()> {
    if !input.exists() {
        // Reading the input will report it missing.
        return Ok(());
    }
    let inputs = Inputs::new([input])?;
    if input.is_dir() {
        inputs.refuse_folder(output)
    } else {
        inputs.refuse_file(output)
    }
}
