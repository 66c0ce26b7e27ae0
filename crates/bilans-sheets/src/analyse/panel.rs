//! The panel workbook: many companies in one file, a sheet per company (its statements
//! and, below them, every ratio as a live formula) and a comparison sheet of the
//! headline ratios across companies.

use std::borrow::Cow;
use std::collections::BTreeSet;

use bilans_model::{Finding, Period, Statements, validate};
use bilans_ratios::analysis::{Analysis, HEADLINE_RATIOS};
use bilans_ratios::{CellRefs, EvalConfig, RatioTable, evaluate_all};
use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use crate::SheetsError;
use crate::analyse::{
    Formats, Layout, Sources, WorkbookOptions, period_header, printable, set_properties,
    size_ratio_columns, write_header, write_ratios_block, write_statements_block,
};
use crate::cells::{fit_cell_text, write_computed_in};
use crate::lang::{Sheet, message, sheet_name_in, text};

/// The comparison sheet's name in English ([`sheet_name_in`] in every language).
pub const COMPARISON: &str = "Comparison";
/// The panel's checks sheet.
pub const PANEL_CHECKS: &str = "Checks";
/// The sheet that defines every ratio once.
pub const DEFINITIONS: &str = "Definitions";
/// The deflate level of a panel workbook (rust_xlsxwriter's default is 6): compressing
/// is single-threaded and was the largest part of saving a panel; docs/performance.md
/// gives each level's time and file size.
pub const PANEL_ZIP_COMPRESSION_LEVEL: u8 = 3;

/// Builds one workbook for a panel of analysed companies.
///
/// # Errors
///
/// [`SheetsError::Workbook`] when the writer rejects a value.
pub fn panel_workbook(
    analyses: &[Analysis],
    options: &WorkbookOptions,
) -> Result<Workbook, SheetsError> {
    build_panel(analyses.iter().map(Company::Analysed).collect(), options)
        .map_err(|source| SheetsError::Workbook { source })
}

/// Builds the panel workbook of `statements` as [`panel_workbook`] does of their
/// analyses (the same bytes), analysing each company as its sheet is written and
/// keeping only what the Comparison and Checks sheets need of it: the companies'
/// ratios are never all in memory at once. A panel writes the statements, the
/// validation findings and every ratio, so that is all it computes (no Du Pont,
/// distress, structure, liquidity or conclusion, which only the company workbook and
/// the text outputs show).
///
/// # Errors
///
/// [`SheetsError::Workbook`] when the writer rejects a value.
pub fn panel_workbook_of(
    statements: Vec<Statements>,
    config: &EvalConfig,
    options: &WorkbookOptions,
) -> Result<Workbook, SheetsError> {
    let companies = statements
        .into_iter()
        .map(|statements| Company::Unanalysed(statements, *config))
        .collect();
    build_panel(companies, options).map_err(|source| SheetsError::Workbook { source })
}

/// A valid, unique Excel sheet name for `wanted`: no `[]:*?/\` or control characters
/// (each becomes `_`), at most 31 characters (UTF-16 units, as Excel counts them), not
/// starting or ending with `'`, not `History` or a reserved name, unique ignoring case.
///
/// The result is also a safe file name on Unix (no `/`, no NUL).
pub fn sheet_name(wanted: &str, used: &mut BTreeSet<String>) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|character| {
            if "[]:*?/\\".contains(character) || character.is_control() {
                '_'
            } else {
                character
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').to_owned();
    let base =
        if cleaned.is_empty() || cleaned.eq_ignore_ascii_case("history") || reserved(&cleaned) {
            format!("Company {cleaned}").trim().to_owned()
        } else {
            cleaned
        };
    let numbered = |counter: u64| {
        let suffix = if counter == 1 {
            String::new()
        } else {
            format!(" ({counter})")
        };
        let room = 31 - suffix.len();
        let mut n_units = 0;
        let truncated: String = base
            .chars()
            .take_while(|character| {
                n_units += character.len_utf16();
                n_units <= room
            })
            .collect();
        truncated.trim_end_matches('\'').to_owned() + &suffix
    };
    let is_free =
        |counter: u64, used: &BTreeSet<String>| !used.contains(&numbered(counter).to_lowercase());
    // Names that share their first 31 characters are numbered 2, 3, 4, …: the first
    // free number is found by doubling and then halving the gap (a few lookups, not one
    // per earlier name, which made thousands of such names quadratic).
    let (mut taken, mut free) = (0, 1);
    while !is_free(free, used) {
        taken = free;
        free *= 2;
    }
    while taken + 1 < free {
        let middle = taken + (free - taken) / 2;
        if is_free(middle, used) {
            free = middle;
        } else {
            taken = middle;
        }
    }
    let name = numbered(free);
    used.insert(name.to_lowercase());
    name
}

fn reserved(name: &str) -> bool {
    [super::SUMMARY, COMPARISON, PANEL_CHECKS, DEFINITIONS]
        .iter()
        .any(|taken| taken.eq_ignore_ascii_case(name))
}

/// A company of a panel: analysed already, or to be analysed as its sheet is written.
enum Company<'a> {
    Analysed(&'a Analysis),
    Unanalysed(Statements, EvalConfig),
}

impl Company<'_> {
    fn statements(&self) -> &Statements {
        match self {
            Company::Analysed(analysis) => &analysis.statements,
            Company::Unanalysed(statements, _) => statements,
        }
    }

    /// The validation findings and every ratio, as [`analyse`](bilans_ratios::analysis::analyse)
    /// gives them.
    fn findings_and_ratios(&self) -> (Cow<'_, [Finding]>, Cow<'_, RatioTable>) {
        match self {
            Company::Analysed(analysis) => (
                Cow::Borrowed(analysis.findings.as_slice()),
                Cow::Borrowed(&analysis.ratios),
            ),
            Company::Unanalysed(statements, config) => (
                Cow::Owned(validate(statements)),
                Cow::Owned(evaluate_all(statements, config)),
            ),
        }
    }
}

/// A cell of the Comparison sheet: a reference to the company sheet's cell with its
/// value, or the reason it is not computable.
type ComparisonCell = Result<(String, Decimal), String>;

/// What the Comparison and Checks sheets need of a company, kept once its sheet is
/// written.
struct Kept {
    name: String,
    findings: Vec<Finding>,
    /// Per headline ratio, its cells per period of the panel (`None`: the company has
    /// no row for that ratio).
    comparison: Vec<Option<Vec<ComparisonCell>>>,
}

fn build_panel(
    companies: Vec<Company<'_>>,
    options: &WorkbookOptions,
) -> Result<Workbook, XlsxError> {
    let lang = options.lang;
    let formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    // A format's index in the workbook is given when it is first written; the company
    // sheets are written on several threads at once, so every format is given its
    // index here, in one order, or which thread came first would change the bytes.
    formats.register(&mut workbook);
    workbook.set_zip_compression_level(PANEL_ZIP_COMPRESSION_LEVEL);
    let title = message(lang, "workbook.panel_title", &[("count", &companies.len())]);
    set_properties(&mut workbook, &title, options)?;
    let mut used = BTreeSet::new();
    for taken in [Sheet::Comparison, Sheet::Checks, Sheet::Definitions] {
        used.insert(sheet_name_in(taken, lang).to_lowercase());
    }
    let names: Vec<String> = companies
        .iter()
        .map(|company| sheet_name(&company.statements().entity.name, &mut used))
        .collect();
    let periods: Vec<Period> = companies
        .iter()
        .flat_map(|company| company.statements().period_list())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Every sheet is written row after row as a constant-memory worksheet (see
    // `company_sheet`); the Comparison sheet comes first in the workbook but is written
    // last, from what each company sheet kept.
    let mut comparison = workbook.new_worksheet_with_constant_memory()?;
    let mut company_sheets: Vec<Worksheet> = companies
        .iter()
        .map(|_| workbook.new_worksheet_with_constant_memory())
        .collect::<Result<_, _>>()?;
    let source_notes = options.source_notes;
    // The company sheets are independent: they are built on every core, each company
    // dropped as soon as its sheet is written.
    let kept: Vec<Kept> = company_sheets
        .par_iter_mut()
        .zip(companies.into_par_iter().zip(names.par_iter()))
        .map(|(sheet, (company, name))| {
            company_sheet(sheet, &company, name, source_notes, &periods, &formats)
        })
        .collect::<Result<_, _>>()?;
    write_comparison(printable(&mut comparison), &kept, &periods, &formats)?;
    workbook.push_worksheet(comparison);
    for sheet in company_sheets {
        workbook.push_worksheet(sheet);
    }
    let mut checks = workbook.new_worksheet_with_constant_memory()?;
    write_panel_checks(printable(&mut checks), &kept, &formats)?;
    workbook.push_worksheet(checks);
    let mut definitions = workbook.new_worksheet_with_constant_memory()?;
    write_definitions(printable(&mut definitions), &formats)?;
    workbook.push_worksheet(definitions);
    Ok(workbook)
}

/// One company's sheet: its statements, then every ratio as a live formula, written
/// row after row. It is a constant-memory worksheet: each row goes to a temporary file
/// as soon as the next starts, with its strings inline, and every format was
/// registered beforehand, so that no thread's order can change the bytes.
fn company_sheet(
    sheet: &mut Worksheet,
    company: &Company<'_>,
    name: &str,
    source_notes: bool,
    periods: &[Period],
    formats: &Formats,
) -> Result<Kept, XlsxError> {
    let statements = company.statements();
    let (findings, ratios) = company.findings_and_ratios();
    let n_items = crate::analyse::statement_rows(statements).len() as u32;
    let mut layout = Layout::new(statements, name, 0, name, n_items + 2).with_outcomes(&ratios);
    layout.sources = if source_notes {
        Sources::Column
    } else {
        Sources::Omitted
    };
    layout.ratio_details = false;
    printable(sheet);
    sheet.set_name(&layout.statements_sheet)?;
    write_statements_block(sheet, statements, &layout, formats)?;
    write_ratios_block(sheet, &ratios, &layout, formats)?;
    size_ratio_columns(sheet, &layout)?;
    let lang = formats.lang;
    let comparison = HEADLINE_RATIOS
        .iter()
        .map(|id| {
            let values = ratios.row(*id)?;
            Some(
                periods
                    .iter()
                    .map(
                        |period| match (values.value(*period), layout.ratio(*id, *period)) {
                            (Some(Ok(value)), Some(reference)) => Ok((reference, *value)),
                            (Some(Err(reason)), _) => Err(reason.text(lang)),
                            _ => Err(text(lang, "workbook.no_statements").to_owned()),
                        },
                    )
                    .collect(),
            )
        })
        .collect();
    Ok(Kept {
        name: statements.entity.name.clone(),
        findings: findings.into_owned(),
        comparison,
    })
}

fn write_comparison(
    sheet: &mut Worksheet,
    kept: &[Kept],
    periods: &[Period],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Comparison, lang))?;
    let mut row = 0;
    for (index, id) in HEADLINE_RATIOS.iter().enumerate() {
        let ratio = id.ratio();
        write_header(
            sheet,
            row,
            &period_header(&[ratio.name_in(lang)], periods),
            formats,
        )?;
        for company in kept {
            row += 1;
            sheet.write_string(row, 0, fit_cell_text(&company.name))?;
            let Some(cells) = &company.comparison[index] else {
                continue;
            };
            for (period_idx, cell) in cells.iter().enumerate() {
                let column = 1 + period_idx as u16;
                let value = match cell {
                    Ok((reference, value)) => Ok((reference.as_str(), *value)),
                    Err(reason) => Err(reason.clone()),
                };
                write_computed_in(
                    sheet,
                    row,
                    column,
                    value,
                    formats.for_unit(ratio.unit),
                    lang,
                )?;
            }
        }
        row += 2;
    }
    sheet.set_column_width(0, 40)?;
    for index in 0..periods.len() as u16 {
        sheet.set_column_width(1 + index, 14)?;
    }
    sheet.set_freeze_panes(0, 1)?;
    Ok(())
}

fn write_panel_checks(
    sheet: &mut Worksheet,
    kept: &[Kept],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Checks, lang))?;
    let header = [
        "checks.company",
        "checks.severity",
        "checks.period",
        "checks.finding",
    ]
    .map(|key| text(lang, key).to_owned());
    write_header(sheet, 0, &header, formats)?;
    let mut row = 0;
    for company in kept {
        for finding in &company.findings {
            row += 1;
            sheet.write_string(row, 0, fit_cell_text(&company.name))?;
            sheet.write_string(row, 1, finding.severity.label_in(lang))?;
            sheet.write_string(row, 2, finding.period.to_string())?;
            sheet.write_string(row, 3, fit_cell_text(&finding.text(lang)))?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(3, 100)?;
    Ok(())
}

/// Every ratio of the catalogue once: id, name, definition, group, source.
fn write_definitions(sheet: &mut Worksheet, formats: &Formats) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Definitions, lang))?;
    let header = [
        "ratios.id",
        "ratios.ratio",
        "ratios.definition",
        "ratios.group",
        "ratios.source",
    ]
    .map(|key| text(lang, key).to_owned());
    write_header(sheet, 0, &header, formats)?;
    for (index, ratio) in bilans_ratios::catalogue().iter().enumerate() {
        let row = 1 + index as u32;
        sheet.write_string(row, 0, ratio.id.name())?;
        sheet.write_string(row, 1, ratio.name_in(lang))?;
        sheet.write_string(row, 2, fit_cell_text(&ratio.formula_text_in(lang)))?;
        sheet.write_string(row, 3, ratio.group.label_in(lang))?;
        sheet.write_string(row, 4, ratio.source_in(lang))?;
    }
    sheet.set_freeze_panes(1, 1)?;
    for (column, width) in [(0, 34), (1, 44), (2, 90), (3, 18), (4, 60)] {
        sheet.set_column_width(column, width)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use bilans_model::Lang;
    use rust_xlsxwriter::Workbook;

    use crate::analyse::Formats;
    use crate::{AnalyseOptions, analyse_file, read_input};

    /// The parts of a saved workbook whose names start with `prefix`, as text.
    fn parts(bytes: &[u8], prefix: &str) -> Vec<(String, String)> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut found = Vec::new();
        for index in 0..archive.len() {
            let mut part = archive.by_index(index).unwrap();
            let name = part.name().unwrap().into_owned();
            if name.starts_with(prefix) {
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                found.push((name, text));
            }
        }
        found
    }

    /// The cell formats of a saved workbook's styles, in index order.
    fn cell_formats(bytes: &[u8]) -> Vec<String> {
        let (_, styles) = parts(bytes, "xl/styles.xml").remove(0);
        let (_, cell_xfs) = styles.split_once("<cellXfs").unwrap();
        let (cell_xfs, _) = cell_xfs.split_once("</cellXfs>").unwrap();
        cell_xfs
            .split("<xf ")
            .skip(1)
            .map(|xf| xf.to_owned())
            .collect()
    }

    /// `bilans analyse --panel` analyses each company as its sheet is written and keeps
    /// only what the Comparison and Checks sheets need; the workbook must be the one
    /// built from every analysis at once, byte for byte, in every language.
    #[test]
    fn a_panel_analysed_as_it_is_written_is_the_panel_of_its_analyses() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/workbooks/long_table.xlsx"
        );
        for lang in Lang::ALL {
            let mut options = AnalyseOptions::default();
            options.workbook.lang = lang;
            let imported = read_input(path.as_ref(), &options).unwrap();
            assert!(1 < imported.statements.len());
            let analysed = imported.clone().analyse();
            assert!(
                analysed
                    .analyses
                    .iter()
                    .any(|analysis| !analysis.findings.is_empty()),
                "the Checks sheet has findings to list"
            );
            let all_at_once = analysed.panel_workbook().unwrap().save_to_buffer().unwrap();
            let as_written = imported.panel_workbook().unwrap().save_to_buffer().unwrap();
            assert!(all_at_once == as_written, "{lang:?}: the panels differ");
        }
    }

    /// The company sheets are written on several threads at once, so each must only
    /// use formats given their index beforehand: one first written by a thread gets
    /// the next free index, which would depend on which thread came first.
    #[test]
    fn the_sheets_of_a_panel_use_only_formats_registered_before_they_are_written() {
        let mut registered = Workbook::new();
        Formats::new(Lang::En).register(&mut registered);
        registered.add_worksheet();
        let registered = cell_formats(&registered.save_to_buffer().unwrap());
        assert!(registered.len() > 5, "{registered:?}");

        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/workbooks/long_table.xlsx"
        );
        let analysed = analyse_file(path.as_ref(), &AnalyseOptions::default()).unwrap();
        let bytes = analysed.panel_workbook().unwrap().save_to_buffer().unwrap();
        assert_eq!(
            cell_formats(&bytes).get(..registered.len()),
            Some(registered.as_slice()),
            "the panel's first formats are the registered ones, in their order"
        );
        let registered = registered.len();
        let sheets = parts(&bytes, "xl/worksheets/sheet");
        assert!(sheets.len() > 3);
        for (name, xml) in sheets {
            for used in xml.split(" s=\"").skip(1) {
                let index: usize = used[..used.find('"').unwrap()].parse().unwrap();
                assert!(
                    index < registered,
                    "{name} uses format {index}, not one of the {registered} registered"
                );
            }
        }
    }
}
