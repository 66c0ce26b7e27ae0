//! Helpers shared by the integration tests: paths to fixtures and to the binary.

use std::path::PathBuf;

/// The workspace root.
pub(crate) fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A path under `fixtures/`.
pub(crate) fn fixture(relative: &str) -> PathBuf {
    project_root().join("fixtures").join(relative)
}

/// The `bilans` binary, which `cargo test --workspace` builds beside the test executable
/// (the `bilans-cli` package has an integration test, so cargo builds its binary first).
pub(crate) fn bilans_binary() -> PathBuf {
    let test_executable = std::env::current_exe().unwrap();
    let profile_folder = test_executable
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_owned();
    let binary = profile_folder.join(format!("bilans{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.exists(),
        "{} is missing: run `cargo test --workspace`, or `cargo build -p bilans-cli` first",
        binary.display()
    );
    binary
}

/// Runs `bilans` with `args` and returns (exit code, stdout, stderr).
pub(crate) fn run_bilans(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(bilans_binary())
        .args(args)
        .current_dir(project_root())
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
