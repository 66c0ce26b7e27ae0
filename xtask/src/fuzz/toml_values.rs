//! Mutations of TOML inputs (panels, KPI cards, staff files, mappings, seed
//! transcriptions): one value of the parsed document is replaced, deleted or
//! multiplied, and the document is written back. Text the `toml` crate cannot read
//! (or write back) gets a byte mutation instead, from the caller.

use toml::Value;

use crate::fuzz::rng::Rng;
use crate::fuzz::workbook::abbreviate;

/// The TOML mutations, by name.
pub(crate) const TOML_MUTATIONS: [&str; 11] = [
    "huge-integer",
    "huge-float",
    "huge-decimal-text",
    "negative",
    "zero",
    "invalid-date",
    "delete-key",
    "change-type",
    "long-string",
    "huge-array",
    "duplicate-element",
];

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A key of a table.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// Mutates one value of the TOML text `text`, returning the new text and a
/// description, or `None` when the text is not a TOML document this module can
/// rewrite.
pub(crate) fn mutate_toml(text: &str, rng: &mut Rng) -> Option<(String, String)> {
    let name = *rng.pick(&TOML_MUTATIONS);
    apply_toml_mutation(name, text, rng)
}

/// Applies the TOML mutation called `name` (one of [`TOML_MUTATIONS`]).
pub(crate) fn apply_toml_mutation(
    name: &str,
    text: &str,
    rng: &mut Rng,
) -> Option<(String, String)> {
    let mut document: toml::Table = toml::from_str(text).ok()?;
    let paths = if name == "duplicate-element" {
        array_paths(&document)
    } else {
        value_paths(&document)
    };
    if paths.is_empty() {
        return None;
    }
    let path = rng.pick(&paths).clone();
    let shown = show_path(&path);
    let description = if name == "delete-key" {
        remove_at(&mut document, &path)?;
        format!("deleted `{shown}`")
    } else {
        let slot = value_at(&mut document, &path)?;
        let (value, what) = replacement(name, slot, rng)?;
        *slot = value;
        format!("`{shown}`: {what}")
    };
    let text = toml::to_string(&document).ok()?;
    Some((text, description))
}

/// Every path to a value in `document`, containers included, in document order.
pub(crate) fn value_paths(document: &toml::Table) -> Vec<Vec<Step>> {
    let mut paths = Vec::new();
    for (key, value) in document {
        collect_paths(value, vec![Step::Key(key.clone())], &mut paths, &|_| true);
    }
    paths
}

/// Every path to a non-empty array in `document`.
fn array_paths(document: &toml::Table) -> Vec<Vec<Step>> {
    let mut paths = Vec::new();
    let wanted = |value: &Value| {
        value
            .as_array()
            .is_some_and(|elements| !elements.is_empty())
    };
    for (key, value) in document {
        collect_paths(value, vec![Step::Key(key.clone())], &mut paths, &wanted);
    }
    paths
}

fn collect_paths(
    value: &Value,
    path: Vec<Step>,
    paths: &mut Vec<Vec<Step>>,
    wanted: &dyn Fn(&Value) -> bool,
) {
    match value {
        Value::Table(table) => {
            for (key, child) in table {
                let mut child_path = path.clone();
                child_path.push(Step::Key(key.clone()));
                collect_paths(child, child_path, paths, wanted);
            }
        }
        Value::Array(elements) => {
            for (element_idx, child) in elements.iter().enumerate() {
                let mut child_path = path.clone();
                child_path.push(Step::Index(element_idx));
                collect_paths(child, child_path, paths, wanted);
            }
        }
        _ => {}
    }
    if wanted(value) {
        paths.push(path);
    }
}

/// `panel.criteria[2].name`.
pub(crate) fn show_path(path: &[Step]) -> String {
    let mut shown = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !shown.is_empty() {
                    shown.push('.');
                }
                shown.push_str(key);
            }
            Step::Index(index) => shown.push_str(&format!("[{index}]")),
        }
    }
    shown
}

fn value_at<'a>(document: &'a mut toml::Table, path: &[Step]) -> Option<&'a mut Value> {
    let (Step::Key(first), rest) = path.split_first()? else {
        return None;
    };
    let mut value = document.get_mut(first)?;
    for step in rest {
        value = match (step, value) {
            (Step::Key(key), Value::Table(table)) => table.get_mut(key)?,
            (Step::Index(index), Value::Array(elements)) => elements.get_mut(*index)?,
            _ => return None,
        };
    }
    Some(value)
}

fn remove_at(document: &mut toml::Table, path: &[Step]) -> Option<()> {
    let (last, parent_path) = path.split_last()?;
    if parent_path.is_empty() {
        let Step::Key(key) = last else {
            return None;
        };
        return document.remove(key).map(|_| ());
    }
    match (last, value_at(document, parent_path)?) {
        (Step::Key(key), Value::Table(table)) => table.remove(key).map(|_| ()),
        (Step::Index(index), Value::Array(elements)) if *index < elements.len() => {
            elements.remove(*index);
            Some(())
        }
        _ => None,
    }
}

/// The value that mutation `name` puts in place of `old`, and what it did.
fn replacement(name: &str, old: &Value, rng: &mut Rng) -> Option<(Value, String)> {
    let replaced = match name {
        "huge-integer" => {
            let integer = *rng.pick(&[i64::MAX, i64::MIN, 4_294_967_296, 9_007_199_254_740_993]);
            Value::Integer(integer)
        }
        "huge-float" => Value::Float(*rng.pick(&[
            7e28,
            4e28,
            9e28,
            -9e28,
            7.922_816_251_426_434e28,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ])),
        "huge-decimal-text" => Value::String(
            (*rng.pick(&[
                "79228162514264337593543950336",
                "-79228162514264337593543950336",
                "9e28",
                "1e-28",
                "0.00000000000000000000000000001",
                "1e400",
            ]))
            .to_owned(),
        ),
        "negative" => match old {
            Value::Integer(0) => Value::Integer(-1),
            Value::Integer(integer) => Value::Integer(integer.checked_neg().unwrap_or(-1)),
            Value::Float(float) if *float == 0.0 => Value::Float(-1.0),
            Value::Float(float) => Value::Float(-float),
            Value::String(text) if text.starts_with(|c: char| c.is_ascii_digit()) => {
                Value::String(format!("-{text}"))
            }
            _ => Value::Integer(-1),
        },
        "zero" => match old {
            Value::Float(_) => Value::Float(0.0),
            Value::String(_) => Value::String("0".to_owned()),
            _ => Value::Integer(0),
        },
        "invalid-date" => {
            if rng.chance(1, 4) {
                Value::Datetime("1979-05-27".parse().ok()?)
            } else {
                Value::String(
                    (*rng.pick(&[
                        "2023-02-30",
                        "2023-13-01",
                        "0000-00-00",
                        "31.12.99999",
                        "-2023-01-01",
                        "2023-01-01T25:61:61",
                    ]))
                    .to_owned(),
                )
            }
        }
        "change-type" => match old {
            Value::String(_) => Value::Integer(1),
            Value::Integer(_) | Value::Float(_) => Value::String("not a number".to_owned()),
            Value::Boolean(_) => Value::String("yes".to_owned()),
            Value::Array(_) => Value::Table(toml::Table::new()),
            Value::Table(_) => Value::Array(Vec::new()),
            Value::Datetime(_) => Value::Boolean(true),
        },
        "long-string" => match rng.below(3) {
            0 => Value::String("Bil\0ans".to_owned()),
            1 => Value::String(String::new()),
            _ => Value::String("A".repeat(*rng.pick(&[1_000, 100_000, 1_000_000]))),
        },
        "huge-array" => {
            // Keep the document below a few megabytes when the elements are tables.
            let nested = |value: &Value| value.is_table() || value.is_array();
            let n_elements = match old {
                Value::Array(elements) if elements.iter().any(nested) => *rng.pick(&[100, 1_000]),
                Value::Table(_) => *rng.pick(&[100, 1_000]),
                _ => *rng.pick(&[1_000, 10_000, 100_000]),
            };
            match old {
                Value::Array(elements) if !elements.is_empty() => {
                    Value::Array(elements.iter().cycle().take(n_elements).cloned().collect())
                }
                other => Value::Array(vec![other.clone(); n_elements]),
            }
        }
        "duplicate-element" => match old {
            Value::Array(elements) if !elements.is_empty() => {
                let mut elements = elements.clone();
                let element_idx = rng.below(elements.len());
                elements.insert(element_idx, elements[element_idx].clone());
                Value::Array(elements)
            }
            _ => return None,
        },
        _ => return None,
    };
    let what = format!(
        "{} -> {}",
        abbreviate(&show_value(old)),
        abbreviate(&show_value(&replaced))
    );
    Some((replaced, what))
}

fn show_value(value: &Value) -> String {
    match value {
        Value::Array(elements) => format!("an array of {}", elements.len()),
        Value::Table(table) => format!("a table of {}", table.len()),
        Value::String(text) if 60 < text.len() => format!("a string of {} bytes", text.len()),
        other => other.to_string(),
    }
}
