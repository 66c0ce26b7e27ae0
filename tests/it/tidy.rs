//! Tidy checks of the source tree (STYLE.md §8): every Rust file documents itself, no
//! test is switched off, every member takes the workspace lints, the crates depend on
//! each other only downward, no two modules of a crate import each other, and no
//! snapshot awaits review.

use std::collections::{BTreeMap, BTreeSet};
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

/// The modules of one crate's `src/`, by path (`kpi::card`; `crate` for the root), with
/// their text; test modules are left out, since nothing imports them.
fn crate_modules(src: &Path) -> BTreeMap<String, String> {
    let mut files = Vec::new();
    files_with_extension(src, ".rs", &mut files);
    let mut modules = BTreeMap::new();
    for path in files {
        let relative = path.strip_prefix(src).unwrap().with_extension("");
        let mut parts: Vec<String> = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.iter().any(|part| part == "tests") {
            continue;
        }
        if matches!(
            parts.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            parts.pop();
        }
        let name = if parts.is_empty() {
            "crate".to_owned()
        } else {
            parts.join("::")
        };
        modules.insert(name, std::fs::read_to_string(&path).unwrap());
    }
    modules
}

/// The modules each module names by a `crate::` path (in a `use`, an expression or a
/// doc link), leaving out its own ancestors and descendants. A path is attributed to the
/// longest module it starts with: `crate::kpi::card::Kpi` to `kpi::card`, but
/// `crate::kpi::Kpi`, through a re-export, to `kpi`.
fn crate_imports(modules: &BTreeMap<String, String>) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut imports = BTreeMap::new();
    for (module, text) in modules {
        let imported: &mut BTreeSet<&str> = imports.entry(module.as_str()).or_default();
        for (start, _) in text.match_indices("crate::") {
            let rest = &text[start + "crate::".len()..];
            let length = rest
                .find(|character: char| {
                    !(character.is_ascii_lowercase()
                        || character.is_ascii_digit()
                        || character == '_'
                        || character == ':')
                })
                .unwrap_or(rest.len());
            let segments: Vec<&str> = rest[..length]
                .split("::")
                .take_while(|segment| !segment.is_empty() && !segment.contains(':'))
                .collect();
            let target = (1..=segments.len())
                .rev()
                .map(|n_segments| segments[..n_segments].join("::"))
                .find_map(|candidate| modules.get_key_value(&candidate).map(|(key, _)| key));
            let Some(target) = target else {
                continue;
            };
            let related = target == module
                || module.starts_with(&format!("{target}::"))
                || target.starts_with(&format!("{module}::"));
            if !related {
                imported.insert(target.as_str());
            }
        }
    }
    imports
}

/// STYLE.md §10: when two files import each other, the shared type belongs one file
/// lower.
#[test]
fn no_two_modules_of_a_crate_import_each_other() {
    let mut circles = Vec::new();
    let mut n_crates = 0;
    for entry in std::fs::read_dir(project_root().join("crates")).unwrap() {
        let folder = entry.unwrap().path();
        let modules = crate_modules(&folder.join("src"));
        if modules.is_empty() {
            continue;
        }
        n_crates += 1;
        let imports = crate_imports(&modules);
        for (module, imported) in &imports {
            for other in imported {
                if module < other && imports[other].contains(module) {
                    let name = folder.file_name().unwrap().to_string_lossy();
                    circles.push(format!("{name}: {module} <-> {other}"));
                }
            }
        }
    }
    assert!(3 < n_crates, "the circle check found too few crates");
    assert!(
        circles.is_empty(),
        "modules that import each other (move the shared type one file lower):\n{}",
        circles.join("\n")
    );
}

#[test]
fn no_snapshot_awaits_review() {
    let mut pending = Vec::new();
    files_with_extension(&project_root().join("tests"), ".snap.new", &mut pending);
    files_with_extension(&project_root().join("tests"), ".pending-snap", &mut pending);
    assert!(pending.is_empty(), "snapshots await review: {pending:?}");
}
