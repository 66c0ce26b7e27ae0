//! The binary starts and answers `--version`.
//!
//! This test also makes `cargo test --workspace` build the `bilans` binary, which the
//! end-to-end tests in `tests/` run.

#[test]
fn version_is_printed() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bilans"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("bilans "));
}
