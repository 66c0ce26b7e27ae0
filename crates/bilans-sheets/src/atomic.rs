//! Atomic, non-clobbering output: write a temporary file beside the destination, then
//! rename it into place; temporary files that a killed run left behind are removed
//! once they are an hour old.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use rust_xlsxwriter::Workbook;

use crate::{Detail, ErrorKind, SheetsError};

/// Whether an existing output may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse with [`SheetsError::OutputExists`] when the destination exists.
    Never,
    /// Replace the destination (the user passed `--force`).
    Allowed,
}

/// The name of bilans's temporary files: `.bilans-<random>.tmp`.
const TEMPORARY_PREFIX: &str = ".bilans-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// How old a temporary file must be before it counts as left behind by a killed run:
/// far longer than any write takes, so a concurrent writer's file is never touched.
pub const STALE_TEMPORARY_AGE: Duration = Duration::from_secs(60 * 60);

/// The folders already swept in this process (each is swept once, not on every write).
static SWEPT_FOLDERS: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Writes `bytes` to `path` atomically.
///
/// The bytes go to a temporary file in the same folder, which is then renamed onto
/// `path`, so a reader never sees a half-written file and a failure leaves any earlier
/// file intact. With [`Overwrite::Never`] an existing `path` is an error, checked
/// atomically (no race between the check and the rename).
///
/// The first write into a folder also removes the temporary files of earlier runs that
/// were killed while writing there (see [`remove_stale_temporaries`]).
///
/// # Errors
///
/// [`SheetsError::OutputExists`] when `path` exists and `overwrite` is `Never`;
/// [`SheetsError::Io`] when the folder cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), SheetsError> {
    write_atomic_with(path, overwrite, |file| {
        file.write_all(bytes).map_err(|source| SheetsError::Io {
            path: path.to_owned(),
            source,
        })
    })
}

/// [`write_atomic`] with the content written by `write` into the temporary file, so
/// that a large output need not be built in memory first.
fn write_atomic_with(
    path: &Path,
    overwrite: Overwrite,
    write: impl FnOnce(&mut std::fs::File) -> Result<(), SheetsError>,
) -> Result<(), SheetsError> {
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
            kind: ErrorKind::Invalid(Detail::new(
                "error.no_folder",
                &[("folder", &folder.display())],
            )),
        });
    }
    let first_write_here = SWEPT_FOLDERS
        .lock()
        .map(|mut swept| swept.insert(folder.to_owned()))
        .unwrap_or(false);
    if first_write_here {
        // Best effort: a file that cannot be removed stays, and the write goes on.
        let _ = remove_stale_temporaries(folder, STALE_TEMPORARY_AGE);
    }
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(folder)
        .map_err(io_error)?;
    write(temporary.as_file_mut())?;
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

/// Removes, from `folder` only (not its subfolders), bilans's own temporary files
/// (regular files named `.bilans-*.tmp`) last modified more than `older_than` ago, and
/// returns their paths.
///
/// A run killed while writing leaves its temporary file behind; a younger one may be
/// a concurrent run's live file and is kept.
///
/// # Errors
///
/// [`SheetsError::Io`] when the folder cannot be listed or a stale file cannot be
/// removed.
pub fn remove_stale_temporaries(
    folder: &Path,
    older_than: Duration,
) -> Result<Vec<PathBuf>, SheetsError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| SheetsError::Io { path, source }
    };
    let now = SystemTime::now();
    let mut removed = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(io_error(folder))? {
        let entry = entry.map_err(io_error(folder))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let is_ours = name.starts_with(TEMPORARY_PREFIX)
            && name.ends_with(TEMPORARY_SUFFIX)
            && TEMPORARY_PREFIX.len() + TEMPORARY_SUFFIX.len() < name.len();
        if !is_ours {
            continue;
        }
        // The entry itself, not what a symbolic link points to.
        let Ok(metadata) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let age = metadata
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok());
        let is_stale = age.is_some_and(|age| older_than < age);
        if metadata.is_file() && is_stale {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(io_error(&path))?;
            removed.push(path);
        }
    }
    Ok(removed)
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
    // Straight into the temporary file: a panel workbook's tens of megabytes are not
    // held in memory as well.
    write_atomic_with(path, overwrite, |file| {
        let mut writer = std::io::BufWriter::new(file);
        workbook
            .save_to_writer(&mut writer)
            .map_err(|source| SheetsError::Xlsx {
                path: path.to_owned(),
                source,
            })?;
        writer.flush().map_err(|source| SheetsError::Io {
            path: path.to_owned(),
            source,
        })
    })
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
    use std::time::{Duration, SystemTime};

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

    #[test]
    fn stale_temporaries_of_killed_runs_are_removed_and_nothing_else() {
        let folder = tempfile::tempdir().unwrap();
        let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
        let make = |name: &str, modified: SystemTime| {
            let file = std::fs::File::create(folder.path().join(name)).unwrap();
            file.set_modified(modified).unwrap();
        };
        make(".bilans-k1Ll3d.tmp", two_hours_ago);
        make(".bilans-L1ve99.tmp", SystemTime::now());
        make(".other-k1Ll3d.tmp", two_hours_ago);
        make(".bilans-k1Ll3d.txt", two_hours_ago);
        make("analysed.xlsx", two_hours_ago);
        std::fs::create_dir(folder.path().join(".bilans-folder.tmp")).unwrap();
        let nested = folder.path().join("nested");
        std::fs::create_dir(&nested).unwrap();
        let nested_stale = nested.join(".bilans-n3st3d.tmp");
        std::fs::File::create(&nested_stale)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
        write_atomic(&folder.path().join("out.txt"), b"new", Overwrite::Never).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".bilans-L1ve99.tmp",
                ".bilans-folder.tmp",
                ".bilans-k1Ll3d.txt",
                ".other-k1Ll3d.tmp",
                "analysed.xlsx",
                "nested",
                "out.txt",
            ]
        );
        assert!(nested_stale.exists(), "only the output folder is swept");
    }
}
