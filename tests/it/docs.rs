//! Generated documentation stays fresh: `docs/ratios.md` is rendered from the ratio
//! catalogue and `docs/distress.md` from the distress model table. The test fails when the committed file is stale; `BILANS_UPDATE=1`
//! rewrites it.

use crate::support::project_root;

#[test]
fn ratio_catalogue_document_is_fresh() {
    let path = project_root().join("docs/ratios.md");
    let expected = bilans_ratios::render::ratio_catalogue_markdown();
    if std::env::var_os("BILANS_UPDATE").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/ratios.md is stale: run `BILANS_UPDATE=1 cargo test -p bilans-tests docs`"
    );
}

#[test]
fn distress_model_document_is_fresh() {
    let path = project_root().join("docs/distress.md");
    let expected = bilans_ratios::distress::distress_markdown();
    if std::env::var_os("BILANS_UPDATE").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/distress.md is stale: run `BILANS_UPDATE=1 cargo test -p bilans-tests docs`"
    );
}

#[test]
fn line_item_document_is_fresh() {
    let path = project_root().join("docs/line_items.md");
    let expected = bilans_model::line_items_markdown();
    if std::env::var_os("BILANS_UPDATE").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/line_items.md is stale: run `BILANS_UPDATE=1 cargo test -p bilans-tests docs`"
    );
}

/// The dictionary table of docs/import.md sits between two markers.
#[test]
fn import_dictionary_table_is_fresh() {
    const START: &str = "<!-- generated: dictionary -->\n";
    const END: &str = "<!-- end generated -->";
    let path = project_root().join("docs/import.md");
    let committed = std::fs::read_to_string(&path).unwrap();
    let (before, rest) = committed.split_once(START).expect("the start marker");
    let (_, after) = rest.split_once(END).expect("the end marker");
    let expected = format!(
        "{before}{START}{}{END}{after}",
        bilans_model::dictionary_markdown()
    );
    if std::env::var_os("BILANS_UPDATE").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    assert!(
        committed == expected,
        "the dictionary in docs/import.md is stale: run `BILANS_UPDATE=1 cargo test -p bilans-tests docs`"
    );
}
