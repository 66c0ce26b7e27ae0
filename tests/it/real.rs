//! Integration tests over real workbooks: the SEC EDGAR `Financial_Report.xlsx` exports
//! in `fixtures/real/` (public domain), whose statement sheets' period headers must be
//! read as EDGAR writes them (durations merged above a row of dates; balance sheets
//! with the dates alone, each balance named by the year or quarter it closes).

use bilans_model::Period;
use bilans_sheets::import::{ImportOptions, import_file};

use crate::support::fixture;

/// The periods found on one sheet of a real workbook, in order, or the import error.
fn periods_of(file: &str, sheet: &str) -> Result<Vec<String>, String> {
    let options = ImportOptions {
        sheets: vec![sheet.to_owned()],
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
            &["2017", "2018Q2"],
        ),
        (
            "edgar_bkr_10q_2018q2.xlsx",
            "Condensed Consolidated and Com8",
            &["H1 2017", "H1 2018"],
        ),
        (
            "edgar_eaf_10q_2024q1.xlsx",
            "Condensed Consolidated Balance ",
            &["2023", "2024Q1"],
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
fn edgar_statements_that_repeat_a_label_below_their_totals_still_import() {
    // These statements repeat a label below their totals (dimension blocks such as
    // `Class A Common Stock [Member]`, or revenue split by kind): the statement's own
    // line is kept (or, where no rule tells the two apart, neither is used), and the
    // rest of the sheet imports.
    for (file, sheet) in [
        ("edgar_ghc_10k_fy2018.xlsx", "Consolidated Balance Sheets"),
        (
            "edgar_bkr_10q_2018q2.xlsx",
            "Condensed Consolidated and Comb",
        ),
        (
            "edgar_citizens_10k_fy2014.xlsx",
            "Consolidated_Statements_of_Fin",
        ),
    ] {
        let periods = periods_of(file, sheet).unwrap_or_else(|error| panic!("{file}: {error}"));
        assert!(!periods.is_empty(), "{file} `{sheet}`");
    }
}

/// Whether `period` is the one an expected key names: `2018Q2` or `2018` as bilans
/// writes them, `2018-06-30/6M` (six months to that day), or `2017` for a balance at
/// 31 December 2017 that a balance sheet gives as a date.
fn period_matches(period: Period, key: &str) -> bool {
    if period.to_string() == key {
        return true;
    }
    let end = period.end();
    let end_text = format!("{:04}-{:02}-{:02}", end.year(), end.month(), end.day());
    if let Some((date, months)) = key.split_once('/') {
        return date == end_text
            && months.trim_end_matches('M').parse::<u8>().ok() == period.months();
    }
    period.is_instant() && key == format!("{}", end.year()) && end.month() == 12 && end.day() == 31
}

/// The key amounts of each EDGAR export (transcribed from the filings into
/// `fixtures/real/expected.json`), imported from the whole workbook with default
/// options: no amount may come out under the wrong item or period with another value
/// (a wrong value is worse than a missing one), and at least `floor` must be found.
/// The floors are a ratchet: raise them as the importer improves.
#[test]
fn edgar_workbooks_import_whole_with_no_wrong_value() {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("real/expected.json")).unwrap())
            .unwrap();
    for (file, floor) in [
        ("edgar_ghc_10k_fy2018.xlsx", 50),
        ("edgar_bkr_10q_2018q2.xlsx", 28),
        ("edgar_eaf_10q_2024q1.xlsx", 22),
        ("edgar_citizens_10k_fy2014.xlsx", 17),
    ] {
        let report = import_file(&fixture(&format!("real/{file}")), &ImportOptions::default())
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        let mut right = 0;
        let mut wrong = Vec::new();
        for (period, items) in expected[file]["periods"].as_object().unwrap() {
            for (item, value) in items.as_object().unwrap() {
                let want = value.as_i64().unwrap();
                let found: Vec<i64> = report
                    .entities
                    .iter()
                    .flat_map(|statements| statements.periods.iter())
                    .filter(|(key, _)| period_matches(**key, period))
                    .filter_map(|(_, amounts)| {
                        amounts
                            .iter()
                            .find(|(line, _)| line.name() == item)
                            .map(|(_, amount)| amount.value)
                    })
                    .filter_map(|amount| i64::try_from(amount.trunc().mantissa()).ok())
                    .collect();
                if found.contains(&want) {
                    right += 1;
                } else if !found.is_empty() {
                    wrong.push(format!("{item} {period}: {found:?}, expected {want}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{file}: wrong values {wrong:?}");
        assert!(floor <= right, "{file}: {right} right, fewer than {floor}");
    }
}
