//! Generated documentation stays fresh: `docs/ratios.md` is rendered from the ratio
//! catalogue. The test fails when the committed file is stale; `BILANS_UPDATE=1`
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
