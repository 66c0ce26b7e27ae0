//! Integration tests over real workbooks: the SEC EDGAR `Financial_Report.xlsx` exports
//! in `fixtures/real/` (public domain), whose statement sheets' period headers must be
//! read as EDGAR writes them (durations merged above a row of dates; balance sheets
//! with the dates alone).

use bilans_sheets::import::{ImportOptions, import_file};

use crate::support::fixture;

/// The periods found on one sheet of a real workbook, in order, or the import error.
fn periods_of(file: &str, sheet: &str) -> Result<Vec<String>, String> {
    let options = ImportOptions {
        sheet: Some(sheet.to_owned()),
        ..ImportOptions::default()
    };
    let report = import_file(&fixture(&format!("real/{file}")), &options)
        .map_err(|error| error.to_string())?;
    Ok(report
        .entities
        .iter()
        .flat_map(|statements| statements.period_list())
        .map(|period| period.to_string())
        .collect())
}

#[test]
fn edgar_statement_sheets_have_their_periods_read() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "edgar_ghc_10k_fy2018.xlsx",
            "Consolidated Statements of Oper",
            &[
                "2016", "2017Q1", "2017Q2", "2017Q3", "2017Q4", "2017", "2018Q1", "2018Q2",
                "2018Q3", "2018Q4", "2018",
            ],
        ),
        (
            "edgar_ghc_10k_fy2018.xlsx",
            "Consolidated Statements of Cash",
            &["2016", "2017", "2018"],
        ),
        (
            "edgar_bkr_10q_2018q2.xlsx",
            "Condensed Consolidated and Com4",
            &["2017-12-31", "2018-06-30"],
        ),
        (
            "edgar_bkr_10q_2018q2.xlsx",
            "Condensed Consolidated and Com8",
            &["H1 2017", "H1 2018"],
        ),
        (
            "edgar_eaf_10q_2024q1.xlsx",
            "Condensed Consolidated Balance ",
            &["2023Q4", "2024Q1"],
        ),
        (
            "edgar_eaf_10q_2024q1.xlsx",
            "Condensed Consolidated Statemen",
            &["2023Q1", "2024Q1"],
        ),
        (
            "edgar_eaf_10q_2024q1.xlsx",
            "Condensed Consolidated Statem_3",
            &["2023Q1", "2023", "2024Q1"],
        ),
        (
            "edgar_citizens_10k_fy2014.xlsx",
            "Consolidated_Statements_of_Com",
            &["2012", "2013", "2014"],
        ),
        (
            "edgar_citizens_10k_fy2014.xlsx",
            "Consolidated_Statements_of_Cas",
            &["2012", "2013", "2014"],
        ),
    ];
    for (file, sheet, expect) in cases {
        let expect: Vec<String> = expect.iter().map(|period| (*period).to_owned()).collect();
        assert_eq!(periods_of(file, sheet), Ok(expect), "{file} `{sheet}`");
    }
}

#[test]
fn edgar_sheets_stopped_by_repeated_labels_still_read_their_headers() {
    // FIXME: these statements repeat a label below their totals (dimension blocks such
    // as `Class A Common Stock [Member]`, or revenue split by kind), which stops the
    // import; the error names a period, so the header above was read.
    let cases = [
        (
            "edgar_ghc_10k_fy2018.xlsx",
            "Consolidated Balance Sheets",
            "`share_capital` for 2018 of",
        ),
        (
            "edgar_bkr_10q_2018q2.xlsx",
            "Condensed Consolidated and Comb",
            "`revenue` for 2018Q2 of",
        ),
        (
            "edgar_citizens_10k_fy2014.xlsx",
            "Consolidated_Statements_of_Fin",
            "`share_capital` for 2014 of",
        ),
    ];
    for (file, sheet, fragment) in cases {
        let error = periods_of(file, sheet).unwrap_err();
        assert!(
            error.contains(fragment) && error.contains("cannot have two values"),
            "{file} `{sheet}`: {error}"
        );
    }
}
