//! Generated documentation stays fresh: `docs/ratios.md` is rendered from the ratio
//! catalogue, `docs/distress.md` from the distress model table, `docs/liquidity.md`
//! from the liquidity group and stability tables, `docs/line_items.md`
//! and the dictionary of `docs/import.md` from the line-item table. The test fails when
//! the committed file is stale (`docs/languages.md` from the message files too); `BILANS_UPDATE=1`
//! rewrites it.

use crate::support::project_root;

/// Compares the committed `relative` file with `expected` (`BILANS_UPDATE=1` rewrites
/// it first).
fn assert_fresh(relative: &str, expected: &str) {
    let path = project_root().join(relative);
    if std::env::var_os("BILANS_UPDATE").is_some() {
        std::fs::write(&path, expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{relative} is stale: run `BILANS_UPDATE=1 cargo test -p bilans-tests docs`"
    );
}

#[test]
fn ratio_catalogue_document_is_fresh() {
    assert_fresh(
        "docs/ratios.md",
        &bilans_ratios::render::ratio_catalogue_markdown(),
    );
}

#[test]
fn distress_model_document_is_fresh() {
    assert_fresh(
        "docs/distress.md",
        &bilans_ratios::distress::distress_markdown(),
    );
    for (relative, page) in bilans_ratios::distress::distress_family_pages() {
        assert_fresh(&relative, &page);
    }
}

#[test]
fn liquidity_document_is_fresh() {
    assert_fresh(
        "docs/liquidity.md",
        &bilans_ratios::liquidity::render::liquidity_markdown(),
    );
}

#[test]
fn languages_document_is_fresh() {
    assert_fresh(
        "docs/languages.md",
        &bilans_ratios::render::languages_markdown(),
    );
}

#[test]
fn line_item_document_is_fresh() {
    assert_fresh("docs/line_items.md", &bilans_model::line_items_markdown());
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

#[test]
fn structure_document_is_fresh() {
    assert_fresh(
        "docs/structure.md",
        &bilans_ratios::structure::structure_document(),
    );
}
