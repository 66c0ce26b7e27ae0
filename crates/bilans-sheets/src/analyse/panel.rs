//! The panel workbook: many companies in one file, a sheet per company (its statements
//! and, below them, every ratio as a live formula) and a comparison sheet of the
//! headline ratios across companies.

use std::collections::BTreeSet;

use bilans_model::Period;
use bilans_ratios::CellRefs;
use bilans_ratios::analysis::{Analysis, HEADLINE_RATIOS};
use rayon::prelude::*;
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

/// Builds one workbook for a panel of companies.
///
/// # Errors
///
/// [`SheetsError::Workbook`] when the writer rejects a value.
pub fn panel_workbook(
    analyses: &[Analysis],
    options: &WorkbookOptions,
) -> Result<Workbook, SheetsError> {
    build_panel(analyses, options, write_company_sheets)
        .map_err(|source| SheetsError::Workbook { source })
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

/// Writes the company sheets, one per analysis with its layout.
type CompanySheetsWriter =
    fn(&mut [Worksheet], &[Analysis], &[Layout], &Formats) -> Result<(), XlsxError>;

fn build_panel(
    analyses: &[Analysis],
    options: &WorkbookOptions,
    write_companies: CompanySheetsWriter,
) -> Result<Workbook, XlsxError> {
    let lang = options.lang;
    let formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    // A format's index in the workbook is given when it is first written; the company
    // sheets are written on several threads at once, so every format is given its
    // index here, in one order, or which thread came first would change the bytes.
    formats.register(&mut workbook);
    workbook.set_zip_compression_level(PANEL_ZIP_COMPRESSION_LEVEL);
    let title = message(lang, "workbook.panel_title", &[("count", &analyses.len())]);
    set_properties(&mut workbook, &title, options)?;
    let mut used = BTreeSet::new();
    for taken in [Sheet::Comparison, Sheet::Checks, Sheet::Definitions] {
        used.insert(sheet_name_in(taken, lang).to_lowercase());
    }
    let layouts: Vec<Layout> = analyses
        .iter()
        .map(|analysis| {
            let name = sheet_name(&analysis.statements.entity.name, &mut used);
            let n_items = crate::analyse::statement_rows(&analysis.statements).len() as u32;
            let mut layout = Layout::new(&analysis.statements, &name, 0, &name, n_items + 2)
                .with_outcomes(analysis);
            layout.sources = if options.source_notes {
                Sources::Column
            } else {
                Sources::Omitted
            };
            layout.ratio_details = false;
            layout
        })
        .collect();
    let periods: Vec<Period> = analyses
        .iter()
        .flat_map(|analysis| analysis.statements.period_list())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Every sheet is written row after row as a constant-memory worksheet (see below).
    let mut comparison = workbook.new_worksheet_with_constant_memory()?;
    write_comparison(
        printable(&mut comparison),
        analyses,
        &layouts,
        &periods,
        &formats,
    )?;
    workbook.push_worksheet(comparison);
    let mut company_sheets: Vec<Worksheet> = analyses
        .iter()
        .map(|_| workbook.new_worksheet_with_constant_memory())
        .collect::<Result<_, _>>()?;
    write_companies(&mut company_sheets, analyses, &layouts, &formats)?;
    for sheet in company_sheets {
        workbook.push_worksheet(sheet);
    }
    let mut checks = workbook.new_worksheet_with_constant_memory()?;
    write_panel_checks(printable(&mut checks), analyses, &formats)?;
    workbook.push_worksheet(checks);
    let mut definitions = workbook.new_worksheet_with_constant_memory()?;
    write_definitions(printable(&mut definitions), &formats)?;
    workbook.push_worksheet(definitions);
    Ok(workbook)
}

/// The company sheets are independent: they are built on every core, then added in
/// order. Each streams its rows to a temporary file as they are written ("constant
/// memory" worksheets, written row by row with their strings inline, and every format
/// registered beforehand, so that no thread's order can change the bytes): a panel's
/// cells and their XML are never all in memory at once.
fn write_company_sheets(
    sheets: &mut [Worksheet],
    analyses: &[Analysis],
    layouts: &[Layout],
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheets
        .par_iter_mut()
        .zip(analyses.par_iter().zip(layouts.par_iter()))
        .try_for_each(|(sheet, (analysis, layout))| company_sheet(sheet, analysis, layout, formats))
}

/// One company's sheet: its statements, then every ratio as a live formula, written
/// row after row (as a constant-memory worksheet requires).
fn company_sheet(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    printable(sheet);
    sheet.set_name(&layout.statements_sheet)?;
    write_statements_block(sheet, &analysis.statements, layout, formats)?;
    write_ratios_block(sheet, analysis, layout, formats)?;
    size_ratio_columns(sheet, layout)?;
    Ok(())
}

fn write_comparison(
    sheet: &mut Worksheet,
    analyses: &[Analysis],
    layouts: &[Layout],
    periods: &[Period],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    sheet.set_name(sheet_name_in(Sheet::Comparison, lang))?;
    let mut row = 0;
    for id in HEADLINE_RATIOS {
        let ratio = id.ratio();
        write_header(
            sheet,
            row,
            &period_header(&[ratio.name_in(lang)], periods),
            formats,
        )?;
        for (analysis, layout) in analyses.iter().zip(layouts) {
            row += 1;
            sheet.write_string(row, 0, fit_cell_text(&analysis.statements.entity.name))?;
            let Some(values) = analysis.ratios.row(id) else {
                continue;
            };
            for (period_idx, period) in periods.iter().enumerate() {
                let column = 1 + period_idx as u16;
                let reference = layout.ratio(id, *period);
                let value = match (values.value(*period), &reference) {
                    (Some(Ok(value)), Some(reference)) => Ok((reference.as_str(), *value)),
                    (Some(Err(reason)), _) => Err(reason.text(lang)),
                    _ => Err(text(lang, "workbook.no_statements").to_owned()),
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
    analyses: &[Analysis],
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
    for analysis in analyses {
        for finding in &analysis.findings {
            row += 1;
            sheet.write_string(row, 0, fit_cell_text(&analysis.statements.entity.name))?;
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
    use crate::{AnalyseOptions, analyse_file};

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
