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

/// `bilans analyse INPUT` in process: the library entry point the CLI calls, with the
/// default options but for `eval`.
pub(crate) fn analysed_in_process(
    input: &std::path::Path,
    eval: bilans_ratios::EvalConfig,
) -> bilans_sheets::AnalysedFile {
    let options = bilans_sheets::AnalyseOptions {
        eval,
        ..bilans_sheets::AnalyseOptions::default()
    };
    bilans_sheets::analyse_file(input, &options).unwrap()
}

/// `bilans analyse INPUT -o OUTPUT [FLAGS…]`: the exit code and standard error.
pub(crate) fn analyse_into(
    input: &std::path::Path,
    output: &std::path::Path,
    flags: &[&str],
) -> (i32, String) {
    let mut args = vec![
        "analyse",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ];
    args.extend_from_slice(flags);
    let (code, _, error) = run_bilans(&args);
    (code, error)
}

/// `bilans reproduce METHOD --json`: checks the exit code and that every cell has the
/// fields the issues ask for, and returns the cells.
pub(crate) fn reconciliation_json(method: &str) -> Vec<serde_json::Value> {
    let (code, json, error) = run_bilans(&["reproduce", method, "--json"]);
    assert_eq!(code, 0, "{error}");
    let cells: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    for field in [
        "table",
        "row",
        "period",
        "published",
        "exact",
        "as_published",
        "status",
        "gap",
    ] {
        assert!(
            cells.iter().all(|cell| cell.get(field).is_some()),
            "missing field {field}"
        );
    }
    cells
}

/// A copy of the fixture at `relative` with `from` replaced by `to`, in `folder`.
pub(crate) fn broken_fixture(
    folder: &std::path::Path,
    relative: &str,
    from: &str,
    to: &str,
) -> PathBuf {
    let text = std::fs::read_to_string(fixture(relative)).unwrap();
    assert!(text.contains(from), "{relative} has no `{from}`");
    let path = folder.join("broken.toml");
    std::fs::write(&path, text.replace(from, to)).unwrap();
    path
}
