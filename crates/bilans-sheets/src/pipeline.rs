//! The one way from an input file to its analysis and outputs: [`analyse_file`] reads
//! the statements (a workbook, or a statements TOML file), analyses every company, and
//! the [`AnalysedFile`] it returns builds each output (a company's workbook, the panel
//! workbook, JSON, CSV, Markdown). [`read_input`] is its first half: a panel workbook
//! built from the [`ImportedFile`] it returns analyses each company as its sheet is
//! written, so that the analyses are never all held at once.
//!
//! `bilans analyse`, `cargo xtask reports`, `cargo xtask bench` and the tests all call
//! them, so the committed reports are exactly what users get.

use std::path::Path;

use bilans_model::Statements;
use bilans_ratios::analysis::{Analysis, analyse};
use bilans_ratios::{EvalConfig, render, seed004};
use rayon::prelude::*;
use rust_xlsxwriter::Workbook;

use crate::SheetsError;
use crate::analyse::{WorkbookOptions, analysed_workbook, panel_workbook, panel_workbook_of};
use crate::error::{Detail, ErrorKind};
use crate::import::{ImportOptions, import_file, ratio_needs};

/// How to read and analyse one input.
///
/// Built with `..AnalyseOptions::default()`, so that a new option (a language, say) is
/// one more field with its default.
#[derive(Debug, Clone, Default)]
pub struct AnalyseOptions {
    /// How to read a workbook (sheets, mapping file, entity name, ...). The import
    /// also reports what every ratio needs ([`ratio_needs`]), besides `import.needs`.
    pub import: ImportOptions,
    /// How the ratios are evaluated (basis, days in a year, annualising).
    pub eval: EvalConfig,
    /// What goes into the workbooks (creation date, source notes, policy bands); its
    /// `input` and `import_notes` are set by [`analyse_file`].
    pub workbook: WorkbookOptions,
    /// The name of the input in every output and error (the provenance of each
    /// amount, the summary): by default the path as given.
    pub input_name: Option<String>,
}

/// A text output of an [`AnalysedFile`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// The whole analysis of every company as JSON (amounts and ratios as exact decimal
    /// strings).
    Json,
    /// Every ratio per period as CSV (long form), one header line for all companies.
    Csv,
    /// A Markdown report per company.
    Markdown,
}

/// The analysis of every company of one input, and what its import noticed.
#[derive(Debug, Clone)]
pub struct AnalysedFile {
    /// One analysis per company, in the order of the input.
    pub analyses: Vec<Analysis>,
    /// The import notes of each company (the file's own notes, and the rows and items
    /// that concern that company), by the index of its analysis.
    pub import_notes: Vec<Vec<String>>,
    /// The workbook options shared by every workbook of this input; their
    /// `import_notes` are empty (a company's own are in [`AnalysedFile::import_notes`]).
    pub options: WorkbookOptions,
}

/// The statements of every company of one input, read but not yet analysed, and what
/// the import noticed: [`ImportedFile::analyse`] gives the [`AnalysedFile`],
/// [`ImportedFile::panel_workbook`] the panel workbook without holding every analysis.
#[derive(Debug, Clone)]
pub struct ImportedFile {
    /// One company's statements each, in the order of the input.
    pub statements: Vec<Statements>,
    /// The import notes of each company, by its index (see [`AnalysedFile::import_notes`]).
    pub import_notes: Vec<Vec<String>>,
    /// How the ratios are evaluated.
    pub eval: EvalConfig,
    /// The workbook options shared by every workbook of this input (see
    /// [`AnalysedFile::options`]).
    pub options: WorkbookOptions,
}

/// Reads the statements in `path` (a workbook, or a statements TOML file by its `.toml`
/// extension) and analyses every company, in parallel: [`read_input`], then
/// [`ImportedFile::analyse`].
///
/// # Errors
///
/// A [`SheetsError`] naming the file and, where there is one, the sheet and cell (see
/// [`import_file`]).
///
/// # Examples
///
/// ```
/// use bilans_sheets::{AnalyseOptions, TextFormat, analyse_file};
///
/// # let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/workbooks/seed004_pl.xlsx");
/// let analysed = analyse_file(std::path::Path::new(path), &AnalyseOptions::default()).unwrap();
/// assert_eq!(analysed.analyses.len(), 1);
/// let markdown = analysed.text(TextFormat::Markdown).unwrap();
/// assert!(markdown.contains("Du Pont"));
/// let workbook = analysed.company_workbook(0).unwrap();
/// # drop(workbook);
/// ```
pub fn analyse_file(path: &Path, options: &AnalyseOptions) -> Result<AnalysedFile, SheetsError> {
    Ok(read_input(path, options)?.analyse())
}

/// Reads the statements in `path` (a workbook, or a statements TOML file by its `.toml`
/// extension), with what every ratio needs reported by the import, as [`analyse_file`]
/// does before it analyses them.
///
/// # Errors
///
/// As [`analyse_file`].
pub fn read_input(path: &Path, options: &AnalyseOptions) -> Result<ImportedFile, SheetsError> {
    let input = options
        .input_name
        .clone()
        .unwrap_or_else(|| path.display().to_string());
    let (statements, import_notes) = if is_toml(path) {
        let statements = read_statements_toml(path, &input)?;
        (vec![statements], vec![Vec::new()])
    } else {
        let mut import = options.import.clone();
        import.name = Some(input.clone());
        for need in ratio_needs() {
            if !import.needs.iter().any(|known| known.name == need.name) {
                import.needs.push(need);
            }
        }
        let report = import_file(path, &import)?;
        let notes = report.check_notes_by_entity_in(options.workbook.lang);
        (report.entities, notes)
    };
    Ok(ImportedFile {
        statements,
        import_notes,
        eval: options.eval,
        options: WorkbookOptions {
            input,
            import_notes: Vec::new(),
            ..options.workbook.clone()
        },
    })
}

impl ImportedFile {
    /// Analyses every company, in parallel.
    pub fn analyse(self) -> AnalysedFile {
        let analyses = self
            .statements
            .par_iter()
            .map(|statements| analyse(statements, &self.eval))
            .collect();
        AnalysedFile {
            analyses,
            import_notes: self.import_notes,
            options: self.options,
        }
    }

    /// One panel workbook of every company, the same bytes as
    /// [`AnalysedFile::panel_workbook`], each company analysed as its sheet is written
    /// and then dropped (see [`panel_workbook_of`]): what `bilans analyse --panel` writes.
    ///
    /// # Errors
    ///
    /// [`SheetsError::Workbook`] when the workbook cannot be built.
    pub fn panel_workbook(self) -> Result<Workbook, SheetsError> {
        panel_workbook_of(self.statements, &self.eval, &self.options)
    }
}

impl AnalysedFile {
    /// The workbook options of the company at `index`: the shared ones with its own
    /// import notes, so that no company's workbook carries the others' notes.
    pub fn workbook_options(&self, index: usize) -> WorkbookOptions {
        WorkbookOptions {
            import_notes: self.import_notes.get(index).cloned().unwrap_or_default(),
            ..self.options.clone()
        }
    }

    /// The analysed workbook of the company at `index` (see [`analysed_workbook`]).
    ///
    /// # Errors
    ///
    /// [`SheetsError::Workbook`] when the workbook cannot be built, or
    /// [`SheetsError::InFile`] when there is no company at `index`.
    pub fn company_workbook(&self, index: usize) -> Result<Workbook, SheetsError> {
        let Some(analysis) = self.analyses.get(index) else {
            return Err(SheetsError::in_file(
                &self.options.input,
                ErrorKind::Invalid(Detail::new(
                    "error.no_company",
                    &[("number", &(index + 1)), ("count", &self.analyses.len())],
                )),
            ));
        };
        analysed_workbook(analysis, &self.workbook_options(index))
    }

    /// One panel workbook of every company (see [`panel_workbook`]).
    ///
    /// # Errors
    ///
    /// [`SheetsError::Workbook`] when the workbook cannot be built.
    pub fn panel_workbook(&self) -> Result<Workbook, SheetsError> {
        panel_workbook(&self.analyses, &self.options)
    }

    /// The analyses of every company as `format`.
    ///
    /// # Errors
    ///
    /// [`SheetsError::InFile`] when the analysis cannot be written as JSON (it always
    /// can: amounts and ratios are decimals, names are strings).
    pub fn text(&self, format: TextFormat) -> Result<String, SheetsError> {
        Ok(match format {
            TextFormat::Json => serde_json::to_string_pretty(&self.analyses).map_err(|error| {
                SheetsError::in_file(
                    &self.options.input,
                    ErrorKind::Invalid(Detail::new("error.json", &[("detail", &error)])),
                )
            })?,
            TextFormat::Csv => {
                let mut text = String::new();
                for (index, analysis) in self.analyses.iter().enumerate() {
                    let csv = render::analysis_csv_in(analysis, self.options.lang);
                    // One header line for the whole file.
                    let body = if index == 0 {
                        csv.as_str()
                    } else {
                        csv.split_once('\n').map_or("", |(_, rest)| rest)
                    };
                    text.push_str(body);
                }
                text
            }
            TextFormat::Markdown => self
                .analyses
                .iter()
                .map(|analysis| render::analysis_markdown_in(analysis, self.options.lang))
                .collect::<Vec<_>>()
                .join("\n"),
        })
    }
}

fn is_toml(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| extension.eq_ignore_ascii_case("toml"))
}

/// The statements of a statements TOML file (the shape of `fixtures/seeds/seed004_dupont.toml`).
fn read_statements_toml(path: &Path, input: &str) -> Result<bilans_model::Statements, SheetsError> {
    let text = std::fs::read_to_string(path).map_err(|source| SheetsError::Io {
        path: path.to_owned(),
        source,
    })?;
    let seed: seed004::PublishedSeed = toml::from_str(&text).map_err(|error| {
        SheetsError::in_file(
            input,
            ErrorKind::Toml(crate::toml_text::parse_error(&error)),
        )
    })?;
    seed.statements()
        .map_err(|error| SheetsError::in_file(input, ErrorKind::Invalid(error.to_string().into())))
}
