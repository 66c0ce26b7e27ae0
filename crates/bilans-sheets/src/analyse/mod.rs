//! The analysed workbook: statements with their sources, every ratio as a live Excel
//! formula with the value bilans cached, both Du Pont models with charts, the checks,
//! and a summary.
//!
//! Layout (one sheet each, in this order): Summary, Statements, Horizontal and
//! Vertical (the structure and dynamics of every line), Ratios, Du Pont, Distress,
//! Liquidity, Stability, Working capital, Checks. A panel of companies gets one workbook with a sheet per
//! company and a comparison sheet ([`panel`]). Formulas never divide by zero: a ratio that is not computable is written as
//! the text `n/c: <reason>` instead of a formula.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use bilans_model::{Lang, LineItem, Period, Source, StatementKind, Statements};
use bilans_ratios::analysis::Analysis;
use bilans_ratios::working_capital::{PolicyConfig, WorkingCapitalConfig};
use bilans_ratios::{CellRefs, NotComputable, RatioId, RatioTable, RatioUnit, catalogue};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Note, Workbook, Worksheet, XlsxError,
};

use crate::SheetsError;
use crate::cells::{
    NOT_COMPUTABLE_FORMAT, cell_number, fit_cell_text, fit_note_text, not_computable_text_in,
    unit_format, write_formula_cell, write_not_computable,
};
pub use crate::lang::{Sheet, sheet_name_in};
use crate::lang::{message, text};

mod checks;
mod distress;
mod dupont;
mod liquidity;
pub mod panel;
mod structure;
mod summary;
use crate::analyse::checks::write_checks;
pub use crate::analyse::distress::DISTRESS;
use crate::analyse::distress::write_distress;
use crate::analyse::dupont::write_dupont;
pub use crate::analyse::liquidity::{LIQUIDITY, STABILITY};
use crate::analyse::liquidity::{write_liquidity, write_stability};
pub use crate::analyse::panel::{panel_workbook, panel_workbook_of, sheet_name};
pub use crate::analyse::structure::{HORIZONTAL, VERTICAL};
use crate::analyse::structure::{write_horizontal, write_vertical};
use crate::analyse::summary::write_summary;
use crate::working_capital::write_linked_working_capital_sheet;

/// Options of the analysed workbook.
#[derive(Debug, Clone)]
pub struct WorkbookOptions {
    /// The input file, shown on the summary.
    pub input: String,
    /// The creation date written to the workbook properties, as `YYYY-MM-DDTHH:MM:SS`;
    /// `None` writes the fixed date 2000-01-01T00:00:00 so that the same input always
    /// gives the same bytes.
    pub created: Option<String>,
    /// What the import noticed (unit origin, unrecognised rows, missing items), listed
    /// on the Checks sheet.
    pub import_notes: Vec<String>,
    /// Whether every amount gets a cell note naming its source (file, sheet, cell).
    pub source_notes: bool,
    /// The working-capital policy bands of the Working capital sheet.
    pub policy: PolicyConfig,
    /// The language of every sheet name, header, label, note and chart title (machine
    /// names, ids and formulas stay as they are).
    pub lang: Lang,
}

impl Default for WorkbookOptions {
    fn default() -> WorkbookOptions {
        WorkbookOptions {
            input: String::new(),
            created: None,
            import_notes: Vec::new(),
            source_notes: true,
            policy: PolicyConfig::default(),
            lang: Lang::En,
        }
    }
}

/// Sheet names, in English ([`sheet_name_in`] gives them in every language).
pub const SUMMARY: &str = "Summary";
/// The statements sheet.
pub const STATEMENTS: &str = "Statements";
/// The ratios sheet.
pub const RATIOS: &str = "Ratios";
/// The Du Pont sheet.
pub const DUPONT: &str = "Du Pont";
/// The working-capital sheet (written by [`crate::working_capital`]).
pub const WORKING_CAPITAL: &str = "Working capital";
/// The checks sheet.
pub const CHECKS: &str = "Checks";

/// Builds the analysed workbook of `analysis`.
///
/// # Errors
///
/// [`SheetsError::Workbook`] when the writer rejects a value (e.g. a bad creation date).
pub fn analysed_workbook(
    analysis: &Analysis,
    options: &WorkbookOptions,
) -> Result<Workbook, SheetsError> {
    let wrap = |source| SheetsError::Workbook { source };
    let (mut workbook, layout, formats) = build(analysis, options).map_err(wrap)?;
    let working_capital = WorkingCapitalConfig {
        eval: analysis.config,
        policy: options.policy,
    };
    write_linked_working_capital_sheet(
        &mut workbook,
        analysis,
        &working_capital,
        &layout,
        options.lang,
    )?;
    let working_capital_sheet = sheet_name_in(Sheet::WorkingCapital, options.lang);
    if let Ok(sheet) = workbook.worksheet_from_name(working_capital_sheet) {
        printable(sheet);
    }
    write_checks(
        printable(workbook.add_worksheet()),
        analysis,
        &options.import_notes,
        &layout,
        &formats,
    )
    .map_err(wrap)?;
    Ok(workbook)
}

pub(crate) struct Formats {
    /// The language every writer uses for its words.
    pub(crate) lang: Lang,
    header: Format,
    /// The first header cell: left-aligned, as long section titles start there.
    header_first: Format,
    title: Format,
    /// A statement's title within a statements block.
    section: Format,
    amount: Format,
    wrap: Format,
}

impl Formats {
    pub(crate) fn new(lang: Lang) -> Formats {
        Formats {
            lang,
            header: Format::new()
                .set_bold()
                .set_background_color("#DDEBF7")
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin)
                .set_align(FormatAlign::Center),
            header_first: Format::new()
                .set_bold()
                .set_background_color("#DDEBF7")
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
            title: Format::new().set_bold().set_font_size(14),
            section: Format::new().set_bold().set_italic(),
            amount: unit_format(RatioUnit::Amount).clone(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }

    pub(crate) fn for_unit(&self, unit: RatioUnit) -> &'static Format {
        unit_format(unit)
    }

    /// Gives every format the sheets write (these, each unit's, and the not-computable
    /// one) its index in `workbook`, in this order: sheets written on several threads
    /// then only look indices up, so the bytes do not depend on which thread wrote a
    /// format first.
    pub(crate) fn register(&self, workbook: &mut Workbook) {
        let Formats {
            lang: _,
            header,
            header_first,
            title,
            section,
            amount,
            wrap,
        } = self;
        for format in [header, header_first, title, section, amount, wrap] {
            workbook.register_format(format);
        }
        for unit in RatioUnit::ALL {
            workbook.register_format(unit_format(unit));
        }
        workbook.register_format(&NOT_COMPUTABLE_FORMAT);
    }
}

/// How the statements block shows the source cell of each amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sources {
    /// A note on every amount, and a column listing each row's source cells.
    NotesAndColumn,
    /// Only the column (a panel of a thousand companies would carry 170,000 notes).
    Column,
    /// Neither (`--no-source-notes`).
    Omitted,
}

/// Where each line item and ratio lives in the workbook.
pub(crate) struct Layout {
    pub(crate) periods: Vec<Period>,
    /// The statements block: its sheet and header row.
    pub(crate) statements_sheet: String,
    pub(crate) statements_header: u32,
    /// The ratios block's header row (its sheet is in `ratios_prefix`).
    pub(crate) ratios_header: u32,
    pub(crate) item_rows: BTreeMap<LineItem, u32>,
    /// The title row of each statement the block holds, above its items.
    pub(crate) statement_titles: Vec<(StatementKind, u32)>,
    pub(crate) ratio_rows: BTreeMap<RatioId, u32>,
    /// `'Statements'!`: the quoted statements sheet, ready to prefix a reference.
    statements_prefix: String,
    /// `'Ratios'!`: the quoted ratios sheet, ready to prefix a reference.
    ratios_prefix: String,
    /// How the statements block shows where each amount came from.
    pub(crate) sources: Sources,
    /// Whether each ratio row repeats its definition, group and source (a panel lists
    /// them once, on its Definitions sheet).
    pub(crate) ratio_details: bool,
    /// Ratio values that are not computable: their cells hold text, so no formula may
    /// refer to them (a reference to one is expanded instead, and fails with its reason).
    pub(crate) not_computable: BTreeSet<(RatioId, Period)>,
    /// The amounts the statements hold: an absent one has no cell to refer to.
    pub(crate) present: BTreeSet<(LineItem, Period)>,
}

/// First period column on the Statements sheet (A: label, B: machine name).
const STATEMENT_FIRST_COLUMN: u16 = 2;
/// First period column on the Ratios sheet (A: name, B: id, C: definition).
const RATIO_FIRST_COLUMN: u16 = 3;

impl Layout {
    /// Statements and ratios on their own sheets, or (panel) one below the other.
    pub(crate) fn new(
        statements: &Statements,
        statements_sheet: &str,
        statements_header: u32,
        ratios_sheet: &str,
        ratios_header: u32,
    ) -> Layout {
        let mut item_rows = BTreeMap::new();
        let mut statement_titles = Vec::new();
        for (index, row) in statement_rows(statements).into_iter().enumerate() {
            let row_number = statements_header + 1 + index as u32;
            match row {
                StatementRow::Title(statement) => statement_titles.push((statement, row_number)),
                StatementRow::Item(item) => {
                    item_rows.insert(item, row_number);
                }
            }
        }
        Layout {
            periods: statements.period_list(),
            statements_sheet: statements_sheet.to_owned(),
            statements_prefix: format!("{}!", quote_sheet(statements_sheet)),
            ratios_prefix: format!("{}!", quote_sheet(ratios_sheet)),
            statements_header,
            ratios_header,
            item_rows,
            statement_titles,
            ratio_rows: catalogue()
                .iter()
                .enumerate()
                .map(|(index, ratio)| (ratio.id, ratios_header + 1 + index as u32))
                .collect(),
            sources: Sources::NotesAndColumn,
            ratio_details: true,
            not_computable: BTreeSet::new(),
            present: statements
                .periods
                .iter()
                .flat_map(|(period, items)| items.keys().map(move |item| (*item, *period)))
                .collect(),
        }
    }

    /// Records which ratio cells of `ratios` hold `n/c` text instead of a value.
    pub(crate) fn with_outcomes(mut self, ratios: &RatioTable) -> Layout {
        self.not_computable = ratios
            .rows
            .iter()
            .flat_map(|row| {
                row.values
                    .iter()
                    .filter(|(_, value)| value.is_err())
                    .map(move |(period, _)| (row.id, *period))
            })
            .collect();
        self
    }

    fn period_column(&self, period: Period, first: u16) -> Option<u16> {
        let index = self
            .periods
            .iter()
            .position(|candidate| *candidate == period)?;
        u16::try_from(index).ok().map(|index| first + index)
    }
}

/// The layout as seen from a formula on the ratios block's own sheet: references to
/// that sheet need no sheet name, which keeps the formulas short (a panel workbook
/// holds half a million of them).
pub(crate) struct FromRatiosSheet<'a>(pub(crate) &'a Layout);

impl CellRefs for FromRatiosSheet<'_> {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        let mut reference = String::new();
        self.write_item(&mut reference, item, period)
            .then_some(reference)
    }

    fn ratio(&self, id: RatioId, period: Period) -> Option<String> {
        let mut reference = String::new();
        self.write_ratio(&mut reference, id, period)
            .then_some(reference)
    }

    fn write_item(&self, out: &mut String, item: LineItem, period: Period) -> bool {
        let layout = self.0;
        let same_sheet = layout.statements_prefix == layout.ratios_prefix;
        let prefix = if same_sheet {
            ""
        } else {
            layout.statements_prefix.as_str()
        };
        layout.write_item_cell(out, prefix, item, period)
    }

    fn write_ratio(&self, out: &mut String, id: RatioId, period: Period) -> bool {
        self.0.write_ratio_cell(out, "", id, period)
    }
}

impl CellRefs for Layout {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        let mut reference = String::new();
        self.write_item_cell(&mut reference, &self.statements_prefix, item, period)
            .then_some(reference)
    }

    fn ratio(&self, id: RatioId, period: Period) -> Option<String> {
        let mut reference = String::new();
        self.write_ratio_cell(&mut reference, &self.ratios_prefix, id, period)
            .then_some(reference)
    }

    fn write_item(&self, out: &mut String, item: LineItem, period: Period) -> bool {
        self.write_item_cell(out, &self.statements_prefix, item, period)
    }

    fn write_ratio(&self, out: &mut String, id: RatioId, period: Period) -> bool {
        self.write_ratio_cell(out, &self.ratios_prefix, id, period)
    }
}

impl Layout {
    /// Appends the cell of `item` in `period` after `prefix` (a quoted sheet name and
    /// `!`, or nothing on the same sheet) to `out`, if the statements hold that amount.
    fn write_item_cell(
        &self,
        out: &mut String,
        prefix: &str,
        item: LineItem,
        period: Period,
    ) -> bool {
        if !self.present.contains(&(item, period)) {
            return false;
        }
        let (Some(row), Some(column)) = (
            self.item_rows.get(&item),
            self.period_column(period, STATEMENT_FIRST_COLUMN),
        ) else {
            return false;
        };
        push_absolute(out, prefix, *row, column);
        true
    }

    /// Appends the cell of ratio `id` in `period` after `prefix` to `out`, if it holds
    /// a value (not an `n/c` text).
    fn write_ratio_cell(
        &self,
        out: &mut String,
        prefix: &str,
        id: RatioId,
        period: Period,
    ) -> bool {
        let Some((id, row)) = self.ratio_rows.get_key_value(&id) else {
            return false;
        };
        if self.not_computable.contains(&(*id, period)) {
            return false;
        }
        let Some(column) = self.period_column(period, RATIO_FIRST_COLUMN) else {
            return false;
        };
        push_absolute(out, prefix, *row, column);
        true
    }
}

fn build(
    analysis: &Analysis,
    options: &WorkbookOptions,
) -> Result<(Workbook, Layout, Formats), XlsxError> {
    let statements = &analysis.statements;
    let lang = options.lang;
    let mut layout = Layout::new(
        statements,
        sheet_name_in(Sheet::Statements, lang),
        0,
        sheet_name_in(Sheet::Ratios, lang),
        0,
    )
    .with_outcomes(&analysis.ratios);
    if !options.source_notes {
        layout.sources = Sources::Omitted;
    }
    let formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    let title = message(
        lang,
        "workbook.title",
        &[("entity", &statements.entity.name)],
    );
    set_properties(&mut workbook, &title, options)?;
    write_summary(
        printable(workbook.add_worksheet()),
        analysis,
        options,
        &layout,
        &formats,
    )?;
    write_statements(
        printable(workbook.add_worksheet()),
        statements,
        &layout,
        &formats,
    )?;
    write_horizontal(
        printable(workbook.add_worksheet()),
        analysis,
        &layout,
        &formats,
    )?;
    write_vertical(
        printable(workbook.add_worksheet()),
        analysis,
        &layout,
        &formats,
    )?;
    write_ratios(
        printable(workbook.add_worksheet()),
        analysis,
        &layout,
        &formats,
    )?;
    write_dupont(
        printable(workbook.add_worksheet()),
        analysis,
        &layout,
        &formats,
    )?;
    write_distress(
        printable(workbook.add_worksheet()),
        analysis,
        &layout,
        &formats,
    )?;
    write_liquidity(
        printable(workbook.add_worksheet()),
        analysis,
        &layout,
        &formats,
    )?;
    write_stability(
        printable(workbook.add_worksheet()),
        analysis,
        &layout,
        &formats,
    )?;
    Ok((workbook, layout, formats))
}

/// Title, subject, generator and a creation date that is fixed unless given, so that
/// the same input gives the same bytes.
pub(crate) fn set_properties(
    workbook: &mut Workbook,
    title: &str,
    options: &WorkbookOptions,
) -> Result<(), XlsxError> {
    let created = match &options.created {
        Some(text) => ExcelDateTime::parse_from_str(text)?,
        None => ExcelDateTime::from_ymd(2000, 1, 1)?,
    };
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_subject(text(options.lang, "workbook.subject"))
            .set_comment(format!("generated by bilans {}", env!("CARGO_PKG_VERSION")))
            .set_creation_datetime(&created),
    );
    Ok(())
}

/// Prints in landscape, one page wide, so that a PDF or paper copy keeps rows whole.
pub(crate) fn printable(sheet: &mut Worksheet) -> &mut Worksheet {
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet
}

/// `prefix` then the absolute reference `$C$5`, built in one allocation (formulas
/// reference thousands of cells in a panel).
pub(crate) fn prefixed_absolute(prefix: &str, row: u32, column: u16) -> String {
    let mut reference = String::with_capacity(prefix.len() + 12);
    push_absolute(&mut reference, prefix, row, column);
    reference
}

/// Appends `prefix` and the absolute reference of the cell at `row` and `column`
/// (zero-based) to `out`: `'Ratios'!$C$5`.
fn push_absolute(out: &mut String, prefix: &str, row: u32, column: u16) {
    use std::fmt::Write as _;
    out.push_str(prefix);
    out.push('$');
    crate::cells::push_column_letters(out, u32::from(column));
    let _ = write!(out, "${}", row + 1);
}

/// A sheet name as it appears in a formula reference: always quoted, quotes doubled.
fn quote_sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

pub(crate) fn write_header(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[String],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (column, text) in cells.iter().enumerate() {
        let format = if column == 0 {
            &formats.header_first
        } else {
            &formats.header
        };
        sheet.write_string_with_format(row, column as u16, text, format)?;
    }
    Ok(())
}

pub(crate) fn period_header(first: &[&str], periods: &[Period]) -> Vec<String> {
    let mut header: Vec<String> = first.iter().map(|text| (*text).to_owned()).collect();
    header.extend(periods.iter().map(|period| period.to_string()));
    header
}

fn write_statements(
    sheet: &mut Worksheet,
    statements: &Statements,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name_in(Sheet::Statements, formats.lang))?;
    write_statements_block(sheet, statements, layout, formats)?;
    sheet.set_freeze_panes(1, STATEMENT_FIRST_COLUMN)?;
    size_statement_columns(sheet, layout)
}

fn size_statement_columns(sheet: &mut Worksheet, layout: &Layout) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 28)?;
    for index in 0..layout.periods.len() as u16 {
        sheet.set_column_width(STATEMENT_FIRST_COLUMN + index, 14)?;
    }
    Ok(())
}

/// A row of a statements block: a statement's title, or one of its line items.
pub(crate) enum StatementRow {
    /// The title above a statement's items (balance sheet, income statement, …).
    Title(StatementKind),
    /// A line item's amounts.
    Item(LineItem),
}

/// The rows of a statements block: each statement the statements hold, titled, with
/// its items in the catalogue's order.
pub(crate) fn statement_rows(statements: &Statements) -> Vec<StatementRow> {
    let mut rows = Vec::new();
    let mut current = None;
    for item in statements.item_list() {
        if current != Some(item.statement()) {
            current = Some(item.statement());
            rows.push(StatementRow::Title(item.statement()));
        }
        rows.push(StatementRow::Item(item));
    }
    rows
}

/// A statement's title (`Balance sheet`) at the start of `row`.
pub(crate) fn write_statement_title(
    sheet: &mut Worksheet,
    row: u32,
    statement: StatementKind,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let title = statement.label_in(formats.lang);
    let mut characters = title.chars();
    let mut capitalised: String = characters
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect();
    capitalised.push_str(characters.as_str());
    sheet.write_string_with_format(row, 0, &capitalised, &formats.section)?;
    Ok(())
}

pub(crate) fn write_statements_block(
    sheet: &mut Worksheet,
    statements: &Statements,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    let unit = statements.unit.text_in(lang);
    let label = message(lang, "statements.line_item", &[("unit", &unit)]);
    write_header(
        sheet,
        layout.statements_header,
        &period_header(
            &[label.as_str(), text(lang, "statements.name")],
            &layout.periods,
        ),
        formats,
    )?;
    let source_column = STATEMENT_FIRST_COLUMN + layout.periods.len() as u16;
    if layout.sources != Sources::Omitted {
        sheet.write_string_with_format(
            layout.statements_header,
            source_column,
            text(lang, "statements.source_cells"),
            &formats.header,
        )?;
        sheet.set_column_width(source_column, 60)?;
    }
    // Row after row, titles among the items (a constant-memory worksheet takes its rows
    // in order).
    let mut rows: Vec<(u32, StatementRow)> = layout
        .statement_titles
        .iter()
        .map(|(statement, row)| (*row, StatementRow::Title(*statement)))
        .chain(
            layout
                .item_rows
                .iter()
                .map(|(item, row)| (*row, StatementRow::Item(*item))),
        )
        .collect();
    rows.sort_by_key(|(row, _)| *row);
    for (row, content) in rows {
        let item = match content {
            StatementRow::Title(statement) => {
                write_statement_title(sheet, row, statement, formats)?;
                continue;
            }
            StatementRow::Item(item) => item,
        };
        sheet.write_string(row, 0, item.label_in(lang))?;
        sheet.write_string(row, 1, item.name())?;
        let mut sources = Vec::new();
        for period in &layout.periods {
            let Some(column) = layout.period_column(*period, STATEMENT_FIRST_COLUMN) else {
                continue;
            };
            let Some(amount) = statements.amount(*period, item) else {
                continue;
            };
            sheet.write_number_with_format(
                row,
                column,
                cell_number(amount.value),
                &formats.amount,
            )?;
            sources.push(amount.source.as_ref());
            if layout.sources != Sources::NotesAndColumn {
                continue;
            }
            let source = match &amount.source {
                Some(source) => message(lang, "statements.source", &[("source", source)]),
                None => text(lang, "statements.entered_directly_note").to_owned(),
            };
            let note = Note::new(fit_note_text(&source)).set_author("bilans");
            sheet.insert_note(row, column, &note)?;
        }
        if layout.sources != Sources::Omitted {
            let text = sources_text(&sources, lang);
            sheet.write_string(row, source_column, fit_cell_text(&text))?;
        }
    }
    Ok(())
}

/// The source cells of one row, compactly: `Tabela 1!B5, C5, D5` when they share a
/// file and sheet, every source in full otherwise.
fn sources_text(sources: &[Option<&Source>], lang: Lang) -> String {
    let known: Vec<&Source> = sources.iter().flatten().copied().collect();
    if known.is_empty() {
        return text(lang, "statements.entered_directly_row").to_owned();
    }
    let first = known[0];
    let shared = known.len() == sources.len()
        && known
            .iter()
            .all(|source| source.file == first.file && source.sheet == first.sheet);
    if shared {
        let cells: Vec<&str> = known.iter().map(|source| source.cell.as_str()).collect();
        return format!("{}!{}", first.sheet, cells.join(", "));
    }
    let full: Vec<String> = sources
        .iter()
        .map(|source| {
            source.map_or_else(
                || text(lang, "statements.entered_directly").to_owned(),
                ToString::to_string,
            )
        })
        .collect();
    full.join("; ")
}

fn write_ratios(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name_in(Sheet::Ratios, formats.lang))?;
    write_ratios_block(sheet, &analysis.ratios, layout, formats)?;
    sheet.set_freeze_panes(1, RATIO_FIRST_COLUMN)?;
    size_ratio_columns(sheet, layout)
}

pub(crate) fn size_ratio_columns(sheet: &mut Worksheet, layout: &Layout) -> Result<(), XlsxError> {
    let after_periods = RATIO_FIRST_COLUMN + layout.periods.len() as u16;
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 30)?;
    sheet.set_column_width(2, 60)?;
    for index in 0..layout.periods.len() as u16 {
        sheet.set_column_width(RATIO_FIRST_COLUMN + index, 14)?;
    }
    sheet.set_column_width(after_periods, 18)?;
    sheet.set_column_width(after_periods + 1, 60)?;
    Ok(())
}

pub(crate) fn write_ratios_block(
    sheet: &mut Worksheet,
    ratios: &RatioTable,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    let definition = if layout.ratio_details {
        text(lang, "ratios.definition")
    } else {
        text(lang, "ratios.definition_elsewhere")
    };
    let mut header = period_header(
        &[
            text(lang, "ratios.ratio"),
            text(lang, "ratios.id"),
            definition,
        ],
        &layout.periods,
    );
    if layout.ratio_details {
        header.push(text(lang, "ratios.group").to_owned());
        header.push(text(lang, "ratios.source").to_owned());
    }
    write_header(sheet, layout.ratios_header, &header, formats)?;
    let after_periods = RATIO_FIRST_COLUMN + layout.periods.len() as u16;
    // One buffer for every formula, and each reason's `n/c` text rendered once: a
    // panel writes a million of these cells, and a reason (an item missing in a
    // period) recurs in every ratio that needs the item.
    let mut formula = String::new();
    let mut reasons: Vec<(NotComputable, String)> = Vec::new();
    for ratio in catalogue() {
        let row = layout.ratio_rows[&ratio.id];
        // The row's number format is the ratio's, and its values are written without
        // one of their own, so they take it: the writer looks a cell's format up by
        // hashing it, which was a tenth of a panel's time with one on every cell.
        sheet.set_row_format(row, formats.for_unit(ratio.unit))?;
        sheet.write_string(row, 0, ratio.name_in(lang))?;
        sheet.write_string(row, 1, ratio.id.name())?;
        if layout.ratio_details {
            sheet.write_string(row, 2, fit_cell_text(&ratio.formula_text_in(lang)))?;
            sheet.write_string(row, after_periods, ratio.group.label_in(lang))?;
            sheet.write_string(row, after_periods + 1, ratio.source_in(lang))?;
        }
        let Some(values) = ratios.row(ratio.id) else {
            continue;
        };
        for (period, value) in &values.values {
            let Some(column) = layout.period_column(*period, RATIO_FIRST_COLUMN) else {
                continue;
            };
            // The formula only where there is a value to cache (it has no cell otherwise).
            let reason = match value {
                Ok(value) => match ratio.write_excel_formula(
                    &mut formula,
                    *period,
                    &ratios.config,
                    &FromRatiosSheet(layout),
                ) {
                    Ok(()) => {
                        write_formula_cell(sheet, row, column, &formula, *value, None)?;
                        continue;
                    }
                    Err(reason) => Cow::Owned(reason),
                },
                Err(reason) => Cow::Borrowed(reason),
            };
            let index = match reasons.iter().position(|(known, _)| *known == *reason) {
                Some(index) => index,
                None => {
                    let text = not_computable_text_in(&reason.text(lang), lang);
                    reasons.push((reason.into_owned(), text));
                    reasons.len() - 1
                }
            };
            write_not_computable(sheet, row, column, &reasons[index].1)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::prefixed_absolute;
    use crate::analyse::sheet_name;
    use crate::cells::push_column_letters;

    fn column_name(column: u32) -> String {
        let mut name = String::new();
        push_column_letters(&mut name, column);
        name
    }

    #[test]
    fn column_letters_and_references() {
        // Bijective base 26: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA, 16383 → XFD
        // (Excel's last column).
        for (column, letters) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (701, "ZZ"),
            (702, "AAA"),
            (16383, "XFD"),
        ] {
            assert_eq!(column_name(column), letters);
        }
        assert_eq!(prefixed_absolute("'Ratios'!", 4, 2), "'Ratios'!$C$5");
    }

    #[test]
    fn sheet_names_are_valid_unique_and_safe_as_file_names() {
        let mut used = BTreeSet::new();
        let long = "x".repeat(40);
        let emoji = "😀".repeat(20);
        let cut_at_apostrophe = format!("{}'b", "a".repeat(30));
        let wanted = [
            "Be\u{0}ta",
            "a/b\\c:d",
            &long,
            &long,
            &emoji,
            &cut_at_apostrophe,
            "'",
            "history",
        ];
        let names: Vec<String> = wanted
            .iter()
            .map(|name| sheet_name(name, &mut used))
            .collect();
        let expected_long = "x".repeat(31);
        let expected_long_2 = format!("{} (2)", "x".repeat(27));
        let expected_emoji = "😀".repeat(15);
        let expected_apostrophe = "a".repeat(30);
        assert_eq!(
            names,
            [
                "Be_ta",
                "a_b_c_d",
                expected_long.as_str(),
                expected_long_2.as_str(),
                expected_emoji.as_str(),
                expected_apostrophe.as_str(),
                "Company",
                "Company history",
            ]
        );
        for name in &names {
            assert!(
                rust_xlsxwriter::utility::check_sheet_name(name).is_ok(),
                "{name}"
            );
        }
    }

    #[test]
    fn thousands_of_names_sharing_their_first_31_characters_are_numbered_in_turn() {
        let mut used = BTreeSet::new();
        let stem = "Przedsiębiorstwo Handlowo-Usługowe";
        let names: Vec<String> = (0..3_000)
            .map(|company_idx| sheet_name(&format!("{stem} {company_idx}"), &mut used))
            .collect();
        assert_eq!(names[0], "Przedsiębiorstwo Handlowo-Usług");
        assert_eq!(names[1], "Przedsiębiorstwo Handlowo-U (2)");
        assert_eq!(names[2_999], "Przedsiębiorstwo Handlow (3000)");
        assert_eq!(used.len(), 3_000);
    }
}
