//! Tidy checks of the source tree (STYLE.md §8): every Rust file documents itself, no
//! test is switched off, every member takes the workspace lints, the crates depend on
//! each other only downward, and no snapshot awaits review.

use std::path::{Path, PathBuf};

use crate::support::project_root;

fn files_with_extension(folder: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                files_with_extension(&path, extension, found);
            }
        } else if name.ends_with(extension) {
            found.push(path);
        }
    }
}

fn sources() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for folder in ["crates", "xtask", "tests"] {
        files_with_extension(&project_root().join(folder), ".rs", &mut found);
    }
    assert!(20 < found.len(), "the tidy checks found too few sources");
    found
}

#[test]
fn every_rust_file_starts_with_a_module_comment() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            !text.trim_start().starts_with("//!")
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` comment:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_test_is_switched_off() {
    let forbidden = [concat!("#[", "ignore"), concat!("#[", "should_panic")];
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            forbidden.iter().any(|attribute| text.contains(attribute))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "ignored or should_panic tests in:\n{}",
        offenders.join("\n")
    );
}

fn members() -> Vec<(String, String)> {
    let mut manifests = vec![
        project_root().join("xtask/Cargo.toml"),
        project_root().join("tests/Cargo.toml"),
    ];
    for entry in std::fs::read_dir(project_root().join("crates")).unwrap() {
        manifests.push(entry.unwrap().path().join("Cargo.toml"));
    }
    manifests
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let manifest: toml::Table = toml::from_str(&text).unwrap();
            let name = manifest["package"]["name"].as_str().unwrap().to_owned();
            (name, text)
        })
        .collect()
}

#[test]
fn every_member_takes_the_workspace_lints() {
    for (name, text) in members() {
        let manifest: toml::Table = toml::from_str(&text).unwrap();
        let workspace = manifest
            .get("lints")
            .and_then(|lints| lints.get("workspace"))
            .and_then(|value| value.as_bool());
        assert_eq!(
            workspace,
            Some(true),
            "{name} does not set `[lints] workspace = true`"
        );
    }
}

#[test]
fn crates_depend_on_each_other_only_downward() {
    let allowed: &[(&str, &[&str])] = &[
        ("bilans-model", &[]),
        ("bilans-ratios", &["bilans-model"]),
        ("bilans-scoring", &["bilans-model"]),
        (
            "bilans-sheets",
            &["bilans-model", "bilans-ratios", "bilans-scoring"],
        ),
        (
            "bilans-cli",
            &[
                "bilans-model",
                "bilans-ratios",
                "bilans-scoring",
                "bilans-sheets",
            ],
        ),
    ];
    for (name, text) in members() {
        let Some((_, permitted)) = allowed.iter().find(|(crate_name, _)| *crate_name == name)
        else {
            continue;
        };
        let manifest: toml::Table = toml::from_str(&text).unwrap();
        let Some(dependencies) = manifest
            .get("dependencies")
            .and_then(|value| value.as_table())
        else {
            continue;
        };
        for dependency in dependencies.keys().filter(|key| key.starts_with("bilans-")) {
            assert!(
                permitted.contains(&dependency.as_str()),
                "{name} may not depend on {dependency}"
            );
        }
    }
}

#[test]
fn no_snapshot_awaits_review() {
    let mut pending = Vec::new();
    files_with_extension(&project_root().join("tests"), ".snap.new", &mut pending);
    files_with_extension(&project_root().join("tests"), ".pending-snap", &mut pending);
    assert!(pending.is_empty(), "snapshots await review: {pending:?}");
}
