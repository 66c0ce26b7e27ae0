//! Atomic, non-clobbering output: write a temporary file beside the destination, then
//! rename it into place.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::Workbook;

use crate::SheetsError;

/// Whether an existing output may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse with [`SheetsError::OutputExists`] when the destination exists.
    Never,
    /// Replace the destination (the user passed `--force`).
    Allowed,
}

/// Writes `bytes` to `path` atomically.
///
/// The bytes go to a temporary file in the same folder, which is then renamed onto
/// `path`, so a reader never sees a half-written file and a failure leaves any earlier
/// file intact. With [`Overwrite::Never`] an existing `path` is an error, checked
/// atomically (no race between the check and the rename).
///
/// # Errors
///
/// [`SheetsError::OutputExists`] when `path` exists and `overwrite` is `Never`;
/// [`SheetsError::Io`] when the folder cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), SheetsError> {
    let io_error = |source| SheetsError::Io {
        path: path.to_owned(),
        source,
    };
    if overwrite == Overwrite::Never && path.exists() {
        return Err(SheetsError::OutputExists(path.to_owned()));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(SheetsError::InFile {
            file: path.display().to_string(),
            message: format!(
                "cannot write here: the folder {} does not exist",
                folder.display()
            ),
        });
    }
    let mut temporary = tempfile::Builder::new()
        .prefix(".bilans-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(io_error)?;
    temporary.write_all(bytes).map_err(io_error)?;
    // Temporary files are private (0600); an output is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::Permissions::from_mode(0o644);
        temporary
            .as_file()
            .set_permissions(permissions)
            .map_err(io_error)?;
    }
    temporary.as_file().sync_all().map_err(io_error)?;
    match overwrite {
        Overwrite::Allowed => temporary
            .persist(path)
            .map_err(|error| io_error(error.error))?,
        Overwrite::Never => temporary.persist_noclobber(path).map_err(|error| {
            if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                SheetsError::OutputExists(path.to_owned())
            } else {
                io_error(error.error)
            }
        })?,
    };
    Ok(())
}

/// Saves `workbook` to `path` atomically (see [`write_atomic`]).
///
/// # Errors
///
/// As [`write_atomic`], plus [`SheetsError::Xlsx`] when the workbook cannot be built.
pub fn save_workbook(
    workbook: &mut Workbook,
    path: &Path,
    overwrite: Overwrite,
) -> Result<(), SheetsError> {
    let bytes = workbook_bytes(workbook, path)?;
    write_atomic(path, &bytes, overwrite)
}

/// The bytes of `workbook`, destined for `path`, built in memory: a caller writing
/// several workbooks can build them all before it writes any.
///
/// # Errors
///
/// [`SheetsError::Xlsx`] naming `path` when the workbook cannot be built.
pub fn workbook_bytes(workbook: &mut Workbook, path: &Path) -> Result<Vec<u8>, SheetsError> {
    workbook
        .save_to_buffer()
        .map_err(|source| SheetsError::Xlsx {
            path: path.to_owned(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use crate::{Overwrite, SheetsError, write_atomic};

    #[test]
    fn refuses_to_overwrite_without_permission() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.txt");
        write_atomic(&path, b"first", Overwrite::Never).unwrap();
        let error = write_atomic(&path, b"second", Overwrite::Never).unwrap_err();
        assert!(matches!(error, SheetsError::OutputExists(_)));
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomic(&path, b"second", Overwrite::Allowed).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let leftovers = std::fs::read_dir(folder.path()).unwrap().count();
        assert_eq!(leftovers, 1);
    }
}
