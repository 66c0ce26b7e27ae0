//! Import of balance sheets and income statements from workbooks (xlsx, xlsm, xlsb, xls,
//! ods, all read with calamine) into [`bilans_model::Statements`], with the file, sheet
//! and cell of every amount.
//!
//! What is read (details and examples in `docs/import.md`):
//! - line items in rows with periods in columns, or transposed; period headers such as
//!   `2001`, `2001 r.`, `FY2001`, `2001 г.`, `31.12.2001` or a date cell;
//! - several period headers on one sheet (a balance-sheet block above an
//!   income-statement block), statements spread over sheets, companies as sheets or in
//!   a company column (or, transposed, a company row);
//! - labels in English, Polish, Russian, Ukrainian, Swedish and Vietnamese (the dictionary is data:
//!   [`BUILTIN_LABELS`]), and the line codes of the Russian and Ukrainian forms, under a
//!   `Код строки` / `Код рядка` / `Code` header; a [`Mapping`] file adds or overrides
//!   labels and cells;
//! - numbers in numeric cells or written as text (`328 294`, `328,294`, `328.294,5`,
//!   `(5 202)`, `-`), and the unit declared in a cell such as `tys. zł` or `тыс. руб.`.
//!
//! Anything that cannot be trusted is an error naming the file, sheet and cell; rows
//! that are not recognised are listed in the report, never silently dropped.
//!
//! # Example
//!
//! ```
//! use bilans_model::{LineItem, Period};
//! use bilans_sheets::import::{ImportOptions, import_file};
//!
//! # let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/workbooks/seed004_pl.xlsx");
//! let report = import_file(std::path::Path::new(path), &ImportOptions::default()).unwrap();
//! let statements = &report.entities[0];
//! let assets = statements.amount(Period::year(2001), LineItem::TotalAssets).unwrap();
//! assert_eq!(assets.value.to_string(), "328294");
//! assert_eq!(assets.source.as_ref().unwrap().cell, "B4");
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap, btree_map};
use std::path::Path;

use bilans_model::{Entity, LineItem, Period, Scale, Source, StatementKind, Statements, Unit};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::cells::{MAX_CELL_TEXT, excel_length};
use crate::error::Detail;
use crate::import::grid::{Grid, Value};
use crate::import::labels::Dictionary;
use crate::import::layout::{Context, SheetScan, scan_sheet};
use crate::{ErrorKind, SheetsError};

mod balance_dates;
mod balance_sides;
mod formula;
mod grid;
mod header_cell;
mod labels;
mod layout;
mod mapping;
mod needs;
mod note;
mod numbers;
mod period_text;
mod periods;
mod precedence;
mod read;
mod render;

pub use crate::import::labels::{BUILTIN_LABELS, Form, normalise};
pub use crate::import::layout::Layout;
pub use crate::import::mapping::{DeclaredPeriod, MappedCell, Mapping, Target};
pub use crate::import::needs::ratio_needs;
pub use crate::import::note::{ImportNote, Preference, SkipReason};
pub use crate::numbers::AmountError;

/// What to import and what the work that follows needs.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Read only these sheets (all when empty): `--sheet A --sheet B` reads A and B,
    /// in workbook order, as one company where they are its statements.
    pub sheets: Vec<String>,
    /// The name of the file in every amount's source and in errors; by default the path
    /// as given.
    pub name: Option<String>,
    /// The user's mapping file, if any.
    pub mapping: Option<Mapping>,
    /// The declared scale; overrides the mapping file and detection.
    pub scale: Option<Scale>,
    /// The declared currency; overrides the mapping file and detection.
    pub currency: Option<String>,
    /// The entity name for sheets that do not name their companies; overrides the
    /// mapping file; the default is the file name without extension.
    pub entity: Option<String>,
    /// Line items the requested work cannot do without: a missing one is an error.
    pub required: Vec<LineItem>,
    /// Parts of the requested work (e.g. ratios) and the items each needs: a missing
    /// item is a [`MissingItem`] finding naming the parts it blocks, not an error.
    pub needs: Vec<Need>,
}

/// A named part of the requested work and the line items it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    /// Its name, e.g. `quick_ratio`.
    pub name: String,
    /// The line items it reads.
    pub items: Vec<LineItem>,
}

/// Everything an import found.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// The file as given.
    pub file: String,
    /// The unit of every amount (amounts are kept as written, not rescaled).
    pub unit: Unit,
    /// Where the unit came from.
    pub unit_origin: UnitOrigin,
    /// One set of statements per entity, in order of first appearance; every amount
    /// has its [`Source`].
    pub entities: Vec<Statements>,
    /// What each sheet was found to hold, in workbook order.
    pub sheets: Vec<SheetSummary>,
    /// Rows and cells with data that were not recognised.
    pub unrecognised: Vec<Unrecognised>,
    /// Line items the requested work needs but that are missing.
    pub missing: Vec<MissingItem>,
    /// Anything else worth knowing (e.g. a declared unit that contradicts the sheet).
    pub notes: Vec<ImportNote>,
}

/// Where the unit came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum UnitOrigin {
    /// Declared by the options or the mapping file.
    Declared,
    /// Read from a cell such as `dane [tys. zł]`.
    Detected {
        /// The cell.
        source: Source,
        /// Its text.
        text: String,
    },
    /// Nothing declared or found: plain units, currency unknown.
    Assumed,
}

/// What one sheet was found to hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetSummary {
    /// The sheet name.
    pub name: String,
    /// Its layout.
    pub layout: Layout,
    /// The form whose line codes were read, if any.
    pub form: Option<Form>,
    /// How many amounts were read from it.
    pub amounts: usize,
}

/// A row or cell with data that import did not recognise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unrecognised {
    /// Where it is.
    pub source: Source,
    /// Its text (the row label, or the header), empty when there is none.
    pub text: String,
    /// Why it was not read.
    pub reason: SkipReason,
    /// The company it belongs to: named in the row's company column, or the one company
    /// of its sheet; `None` when the sheet holds several companies and the row names
    /// none.
    pub entity: Option<String>,
}

/// A line item that the requested work needs and that is missing in some periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingItem {
    /// The entity.
    pub entity: String,
    /// The missing item.
    pub item: LineItem,
    /// The periods where it is missing.
    pub periods: Vec<Period>,
    /// The names of the needs it blocks.
    pub blocks: Vec<String>,
}

/// Imports the statements in the workbook at `path`.
///
/// # Errors
///
/// A [`SheetsError`] naming the file and, where there is one, the sheet and cell: not a
/// spreadsheet, password-protected or corrupt, no line item recognised, no period
/// header, a period twice in a header, an amount cell that holds text that is not a
/// number, an error value, a date or a logical value, the same item with two different
/// values, contradicting unit declarations, a required item missing. The file is only
/// read.
pub fn import_file(path: &Path, options: &ImportOptions) -> Result<ImportReport, SheetsError> {
    let file = options
        .name
        .clone()
        .unwrap_or_else(|| path.display().to_string());
    let (sheets, evaluated) = read::read_sheets(path, &file, &options.sheets)?;
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut report = import_grids(&file, &stem, &sheets, options)?;
    if evaluated.is_empty() {
        return Ok(report);
    }
    // Each amount read from an evaluated formula says so, in workbook order.
    // (sheet index, cell position, note).
    let mut used: Vec<_> = report
        .entities
        .iter()
        .flat_map(|statements| statements.periods.values())
        .flat_map(BTreeMap::values)
        .filter_map(|amount| amount.source.as_ref())
        .filter_map(|source| {
            let note = evaluated.get(&(source.sheet.clone(), source.cell.clone()))?;
            let sheet = sheets.iter().position(|(name, _)| *name == source.sheet);
            Some((sheet, grid::parse_a1(&source.cell), note))
        })
        .collect();
    used.sort_by_key(|(sheet, cell, _)| (*sheet, *cell));
    used.dedup_by_key(|(sheet, cell, _)| (*sheet, *cell));
    let used: Vec<ImportNote> = used.into_iter().map(|(_, _, note)| note.clone()).collect();
    report.notes.extend(used);
    Ok(report)
}

/// The core of [`import_file`] over sheets already read.
pub(crate) fn import_grids(
    file: &str,
    stem: &str,
    sheets: &[(String, Grid)],
    options: &ImportOptions,
) -> Result<ImportReport, SheetsError> {
    let dictionary = Dictionary::builtin()?;
    let mut scans: Vec<(&str, SheetScan)> = Vec::new();
    let mut failed: Vec<(&str, SheetsError)> = Vec::new();
    for (name, grid) in sheets {
        check_text_lengths(file, name, grid)?;
        let context = Context {
            file,
            sheet: name,
            dictionary: &dictionary,
            mapping: options.mapping.as_ref(),
        };
        match scan_sheet(&context, grid) {
            Ok(scan) => scans.push((name, scan)),
            // A sheet bilans cannot read (a note, a model or a cover sheet with text
            // where an amount could be, a label-like heading without periods) does
            // not stop the others: it is skipped with its reason, unless no sheet
            // can be read at all.
            Err(error) => failed.push((name.as_str(), error)),
        }
    }
    // Sheets that fail are skipped only beside a sheet that is a statement (a note
    // sheet's few lines must not stand in for a statement that could not be read).
    let statements_read = scans.iter().any(|(_, scan)| is_statement_sheet(scan));
    if !statements_read && !failed.is_empty() {
        return Err(failed.swap_remove(0).1);
    }
    // A sheet that is not a statement is skipped where a statement of its kind was
    // read (a note breaking down the receivables beside the balance sheet).
    let statement_kinds: BTreeSet<StatementKind> = scans
        .iter()
        .filter(|(_, scan)| is_statement_sheet(scan))
        .filter_map(|(_, scan)| home_statement(scan))
        .collect();
    let mut not_statements = Vec::new();
    if statements_read {
        scans.retain(|(sheet, scan)| {
            let keep = scan.records.is_empty()
                || is_statement_sheet(scan)
                || home_statement(scan).is_none_or(|home| !statement_kinds.contains(&home));
            if !keep {
                not_statements.push(ImportNote::NotAStatement {
                    sheet: (*sheet).to_owned(),
                    items: distinct_items(scan),
                });
            }
            keep
        });
    }
    if scans
        .iter()
        .all(|(_, scan)| scan.layout == Layout::NoLineItems)
    {
        let names: Vec<String> = scans.iter().map(|(name, _)| (*name).to_owned()).collect();
        return Err(match options.sheets.as_slice() {
            [sheet] => {
                SheetsError::in_sheet(file, sheet, ErrorKind::NoLineItems { sheets: Vec::new() })
            }
            _ => SheetsError::in_file(file, ErrorKind::NoLineItems { sheets: names }),
        });
    }
    // The statement each sheet presents, found once: reading its lines off the balance
    // sheet and its deductions' signs do not change it.
    let home_of_sheet: Vec<Option<StatementKind>> =
        scans.iter().map(|(_, scan)| home_statement(scan)).collect();
    for ((_, scan), home) in scans.iter_mut().zip(&home_of_sheet) {
        balance_lines_off_the_balance_sheet(scan, *home);
        let homes = block_homes(scan, *home);
        balance_dates::name_balance_dates(scan, &homes);
    }
    let mut notes: Vec<ImportNote> = failed
        .into_iter()
        .map(|(sheet, error)| skipped_sheet(sheet, error))
        .chain(not_statements)
        .collect();
    for ((sheet, scan), home) in scans.iter_mut().zip(&home_of_sheet) {
        hold_deductions_positive(sheet, scan, *home, &mut notes);
    }
    skip_sheets_of_another_unit(&mut scans, options, &mut notes);
    let (unit, unit_origin) = resolve_unit(file, &scans, options, &mut notes)?;
    // Again for the sheets the unit kept.
    let home_of_sheet: Vec<Option<StatementKind>> =
        scans.iter().map(|(_, scan)| home_statement(scan)).collect();
    let entity_of_sheet = sheet_entities(stem, &scans, &home_of_sheet, options);
    let mut report = ImportReport {
        file: file.to_owned(),
        unit: unit.clone(),
        unit_origin,
        entities: Vec::new(),
        sheets: Vec::new(),
        unrecognised: Vec::new(),
        missing: Vec::new(),
        notes,
    };
    // Entity name -> its index in `report.entities` (entities keep first-seen order).
    let mut entity_index: BTreeMap<String, usize> = BTreeMap::new();
    // The entity of the record before: consecutive records mostly share one.
    let mut last_entity: Option<(&str, usize)> = None;
    // The sheet each entity was first seen on, by the same index.
    let mut first_sheets: Vec<&str> = Vec::new();
    // Where each amount came from, for the rules that settle two rows giving one amount
    // different values: each sheet's claims, by record; the earlier row of a
    // disagreement is found by its cell (most workbooks have none, so nothing is kept
    // per amount).
    let sheet_claims: Vec<Vec<precedence::Claim>> = scans
        .iter()
        .zip(&home_of_sheet)
        .enumerate()
        .map(|(sheet_index, ((_, scan), home))| {
            precedence::claims(
                sheet_index,
                scan,
                is_statement_sheet(scan),
                &block_homes(scan, *home),
            )
        })
        .collect();
    let mut claim_finder = ClaimFinder::new(&scans, &sheet_claims);
    // Per entity, the amounts two rows gave different values for: neither is used.
    let mut ambiguous: Vec<BTreeSet<(Period, LineItem)>> = Vec::new();
    for (((sheet, scan), default_entity), claims) in
        scans.iter().zip(&entity_of_sheet).zip(&sheet_claims)
    {
        let source = |cell: &str| Source {
            file: file.to_owned(),
            sheet: (*sheet).to_owned(),
            cell: cell.to_owned(),
        };
        for (record, claim) in scan.records.iter().zip(claims) {
            let name: &str = record.entity.as_deref().unwrap_or(default_entity);
            let index = match last_entity {
                Some((last, index)) if last == name => index,
                _ => match entity_index.get(name) {
                    Some(index) => *index,
                    None => {
                        report
                            .entities
                            .push(Statements::new(Entity::company(name), unit.clone()));
                        first_sheets.push(sheet);
                        ambiguous.push(BTreeSet::new());
                        entity_index.insert(name.to_owned(), report.entities.len() - 1);
                        report.entities.len() - 1
                    }
                },
            };
            last_entity = Some((name, index));
            let statements = &mut report.entities[index];
            let key = (record.period, record.item);
            // An amount two rows gave different values for stays out (it is never set
            // again, so it has no earlier value here).
            if ambiguous[index].contains(&key) {
                continue;
            }
            // The common case, the first value for its item and period: one lookup.
            if let btree_map::Entry::Vacant(vacant) = statements
                .periods
                .entry(record.period)
                .or_default()
                .entry(record.item)
            {
                vacant.insert(bilans_model::Amount {
                    value: record.value,
                    source: Some(source(&record.cell)),
                });
                continue;
            }
            if let Some(earlier) = statements.amount(record.period, record.item) {
                if earlier.value == record.value {
                    continue;
                }
                let at = |source: &Option<Source>| {
                    source
                        .as_ref()
                        .map_or_else(String::new, |at| format!("{}!{}", at.sheet, at.cell))
                };
                let entity = name.to_owned();
                let earlier_claim = earlier
                    .source
                    .as_ref()
                    .and_then(|at| claim_finder.claim(at, record.item));
                let choice = earlier_claim
                    .and_then(|earlier| precedence::prefer(&earlier, claim, record.item));
                let this = bilans_model::Amount {
                    value: record.value,
                    source: Some(source(&record.cell)),
                };
                if let Some((keep, why)) = choice {
                    // One of the two rows is the line by the statement's own rules
                    // (a statement's line over a note's copy, a total over a section
                    // title, …): it is kept and the other noted.
                    let (kept, other) = match keep {
                        precedence::Keep::Earlier => (earlier.clone(), this),
                        precedence::Keep::This => (this, earlier.clone()),
                    };
                    report.notes.push(ImportNote::Disagree {
                        item: record.item,
                        period: record.period,
                        entity,
                        kept: kept.value,
                        kept_at: at(&kept.source),
                        other: other.value,
                        other_at: at(&other.source),
                        rule: why,
                    });
                    if keep == precedence::Keep::This {
                        statements.set_amount(record.period, record.item, kept);
                    }
                    continue;
                }
                // Two rows read as the same line item with different values, and no
                // rule tells which one the statement means: neither is used.
                report.notes.push(ImportNote::Ambiguous {
                    item: record.item,
                    period: record.period,
                    entity,
                    value: record.value,
                    at: format!("{sheet}!{}", record.cell),
                    other: earlier.value,
                    other_at: at(&earlier.source),
                });
                if let Some(items) = statements.periods.get_mut(&record.period) {
                    items.remove(&record.item);
                    if items.is_empty() {
                        statements.periods.remove(&record.period);
                    }
                }
                ambiguous[index].insert(key);
            }
        }
        // A sheet whose amounts name no company holds one company's statements.
        let sheet_entity = scan
            .records
            .iter()
            .all(|record| record.entity.is_none())
            .then_some(default_entity);
        for skipped in &scan.skipped {
            report.unrecognised.push(Unrecognised {
                source: source(&skipped.cell),
                text: skipped.text.clone(),
                reason: skipped.reason,
                entity: skipped.entity.clone().or_else(|| sheet_entity.cloned()),
            });
        }
        report.sheets.push(SheetSummary {
            name: (*sheet).to_owned(),
            layout: scan.layout,
            form: scan.form,
            amounts: scan.records.len(),
        });
    }
    check_required(
        file,
        &scans,
        &entity_of_sheet,
        &first_sheets,
        &report,
        options,
    )?;
    report.missing = missing_items(&report.entities, &options.needs);
    Ok(report)
}

/// The claim of the row an amount was read from, found by its sheet and cell: built
/// for a sheet at its first disagreement, so a workbook without any costs nothing.
struct ClaimFinder<'a> {
    scans: &'a [(&'a str, SheetScan)],
    claims: &'a [Vec<precedence::Claim>],
    /// Per sheet, once needed: its records' positions by cell and item.
    by_cell: Vec<Option<HashMap<(&'a str, LineItem), usize>>>,
}

impl<'a> ClaimFinder<'a> {
    fn new(scans: &'a [(&'a str, SheetScan)], claims: &'a [Vec<precedence::Claim>]) -> Self {
        ClaimFinder {
            scans,
            claims,
            by_cell: vec![None; scans.len()],
        }
    }

    fn claim(&mut self, source: &Source, item: LineItem) -> Option<precedence::Claim> {
        let sheet = self
            .scans
            .iter()
            .position(|(name, _)| *name == source.sheet)?;
        let scan = &self.scans[sheet].1;
        let by_cell = self.by_cell[sheet].get_or_insert_with(|| {
            scan.records
                .iter()
                .enumerate()
                .map(|(position, record)| ((record.cell.as_str(), record.item), position))
                .collect()
        });
        let position = *by_cell.get(&(source.cell.as_str(), item))?;
        self.claims[sheet].get(position).copied()
    }
}

/// Refuses a text cell longer than a spreadsheet cell can hold: no spreadsheet program
/// writes one, and the analysed workbook could not show it.
fn check_text_lengths(file: &str, sheet: &str, grid: &Grid) -> Result<(), SheetsError> {
    for row in 0..grid.n_rows() {
        for col in 0..grid.n_cols() {
            let Value::Text(text) = grid.get(row, col) else {
                continue;
            };
            // No character takes more UTF-16 units than UTF-8 bytes.
            if text.len() <= MAX_CELL_TEXT {
                continue;
            }
            let length = excel_length(text);
            if MAX_CELL_TEXT < length {
                return Err(SheetsError::AtCell {
                    file: file.to_owned(),
                    sheet: sheet.to_owned(),
                    cell: grid.cell_name(row, col),
                    kind: ErrorKind::Invalid(Detail::new(
                        "error.cell_too_long",
                        &[("length", &length), ("limit", &MAX_CELL_TEXT)],
                    )),
                });
            }
        }
    }
    Ok(())
}

/// The declared unit, else the one detected in cells (all detections must agree),
/// else plain units of an unknown currency.
/// A sheet's shape: the statement it presents and every line item it holds.
type Shape = (Option<StatementKind>, Vec<LineItem>);

/// How many statements a sheet holds lines of, not counting lines that a statement
/// shares with another.
fn statements_held(scan: &SheetScan) -> usize {
    scan.records
        .iter()
        .filter(|record| record.entity.is_none() && !is_shared(record.item))
        .map(|record| record.item.statement())
        .collect::<BTreeSet<_>>()
        .len()
}

/// Drops, from a sheet that presents the income statement or the cash-flow statement,
/// the lines of the balance sheet: there they are changes or notes, not balances (a
/// cash-flow statement's `Inventories` under changes in operating assets is the
/// change in inventories). On a cash-flow statement, inventories, receivables and
/// trade payables are read as their changes; other balance-sheet lines are listed as
/// not read.
///
/// Statements stacked on one sheet, each under its own period header (a vendor's data
/// sheet: income statement, balance sheet, cash flows), are each judged by their own
/// block's statement.
fn balance_lines_off_the_balance_sheet(scan: &mut SheetScan, sheet_home: Option<StatementKind>) {
    let homes = block_homes(scan, sheet_home);
    let mut kept = Vec::with_capacity(scan.records.len());
    for mut record in std::mem::take(&mut scan.records) {
        let home = homes.get(&record.block).copied().flatten();
        let Some(home) = home.filter(|home| *home != StatementKind::BalanceSheet) else {
            kept.push(record);
            continue;
        };
        if record.item.statement() != StatementKind::BalanceSheet {
            kept.push(record);
            continue;
        }
        let change = match (home, record.item) {
            (StatementKind::CashFlowStatement, LineItem::Inventories) => {
                Some(LineItem::ChangeInInventories)
            }
            (
                StatementKind::CashFlowStatement,
                LineItem::Receivables | LineItem::TradeReceivables,
            ) => Some(LineItem::ChangeInReceivables),
            (StatementKind::CashFlowStatement, LineItem::TradePayables) => {
                Some(LineItem::ChangeInPayables)
            }
            _ => None,
        };
        match change {
            Some(change) => {
                record.item = change;
                kept.push(record);
            }
            None => scan.skipped.push(layout::Skipped {
                entity: record.entity.clone(),
                cell: record.cell.clone(),
                text: record.item.label().to_owned(),
                reason: SkipReason::BalanceLine { statement: home },
            }),
        }
    }
    scan.records = kept;
}

/// The totals that make a sheet a statement rather than a note: a balance sheet's,
/// an income statement's or a cash-flow statement's main lines.
const STATEMENT_TOTALS: [LineItem; 13] = [
    LineItem::TotalAssets,
    LineItem::FixedAssets,
    LineItem::NetIncome,
    LineItem::OperatingResult,
    LineItem::FinancingCashFlow,
    LineItem::TotalEquityAndLiabilities,
    LineItem::CurrentAssets,
    LineItem::CurrentLiabilities,
    LineItem::Equity,
    LineItem::Revenue,
    LineItem::ProfitBeforeTax,
    LineItem::OperatingCashFlow,
    LineItem::NetChangeInCash,
];

fn distinct_items(scan: &SheetScan) -> usize {
    scan.records
        .iter()
        .map(|record| record.item)
        .collect::<BTreeSet<_>>()
        .len()
}

/// The note on a sheet skipped because it cannot be read: the cell (if the error
/// names one) and what is wrong.
fn skipped_sheet(sheet: &str, error: SheetsError) -> ImportNote {
    let (cell, error) = match error {
        SheetsError::AtCell { cell, kind, .. } => (Some(cell), kind),
        SheetsError::InSheet { kind, .. } | SheetsError::InFile { kind, .. } => (None, kind),
        other => (None, ErrorKind::Invalid(other.to_string().into())),
    };
    ImportNote::SheetSkipped {
        sheet: sheet.to_owned(),
        cell,
        error,
    }
}

/// Whether a sheet reads as a statement: at least three line items, one of them a
/// statement's main total.
fn is_statement_sheet(scan: &SheetScan) -> bool {
    distinct_items(scan) >= 3
        && scan
            .records
            .iter()
            .any(|record| STATEMENT_TOTALS.contains(&record.item))
}

/// Keeps the amounts of one file in one unit: the unit of the first sheet that holds
/// amounts and states a unit. A sheet without amounts states nothing about them (its
/// unit cells are ignored); another sheet with amounts whose unit contradicts it (a
/// note in millions beside statements in thousands) is skipped with a note, unless a
/// unit is declared. Contradicting unit cells within one sheet stay an error.
fn skip_sheets_of_another_unit(
    scans: &mut Vec<(&str, SheetScan)>,
    options: &ImportOptions,
    notes: &mut Vec<ImportNote>,
) {
    for (_, scan) in scans.iter_mut() {
        if scan.records.is_empty() {
            scan.units.clear();
        }
    }
    let declared = options.scale.is_some()
        || options
            .mapping
            .as_ref()
            .is_some_and(|mapping| mapping.scale.is_some());
    if declared {
        return;
    }
    let Some((reference_sheet, reference)) = scans
        .iter()
        .find_map(|(sheet, scan)| scan.units.first().map(|cell| (*sheet, cell.clone())))
    else {
        return;
    };
    scans.retain(|(sheet, scan)| {
        let Some(cell) = scan.units.first() else {
            return true;
        };
        let currencies_differ = matches!(
            (&reference.currency, &cell.currency), (Some(known), Some(other)) if known != other
        );
        if *sheet == reference_sheet || (cell.scale == reference.scale && !currencies_differ) {
            return true;
        }
        notes.push(ImportNote::OtherUnit {
            sheet: (*sheet).to_owned(),
            unit: cell.text.clone(),
            at: format!("{sheet}!{}", cell.cell),
            reference: reference.text.clone(),
            reference_at: format!("{reference_sheet}!{}", reference.cell),
        });
        false
    });
}

fn resolve_unit(
    file: &str,
    scans: &[(&str, SheetScan)],
    options: &ImportOptions,
    notes: &mut Vec<ImportNote>,
) -> Result<(Unit, UnitOrigin), SheetsError> {
    let mapping = options.mapping.as_ref();
    let declared_scale = options.scale.or(mapping.and_then(|mapping| mapping.scale));
    let declared_currency = options
        .currency
        .clone()
        .or_else(|| mapping.and_then(|mapping| mapping.currency.clone()));
    let mut detected: Option<(&str, &layout::UnitCell)> = None;
    let mut currency: Option<String> = None;
    for (sheet, scan) in scans {
        for cell in &scan.units {
            if let Some((first_sheet, first)) = detected {
                let currencies_differ = matches!(
                    (&currency, &cell.currency), (Some(known), Some(other)) if known != other
                );
                if first.scale != cell.scale || currencies_differ {
                    let first_at = format!("{first_sheet}!{}", first.cell);
                    if declared_scale.is_none() {
                        return Err(SheetsError::AtCell {
                            file: file.to_owned(),
                            sheet: (*sheet).to_owned(),
                            cell: cell.cell.clone(),
                            kind: ErrorKind::Invalid(Detail::new(
                                "error.unit_contradicts",
                                &[
                                    ("unit", &cell.text),
                                    ("first", &first.text),
                                    ("at", &first_at),
                                ],
                            )),
                        });
                    }
                    notes.push(ImportNote::UnitContradicts {
                        at: format!("{sheet}!{}", cell.cell),
                        unit: cell.text.clone(),
                        first: first.text.clone(),
                        first_at,
                    });
                }
            } else {
                detected = Some((sheet, cell));
            }
            if currency.is_none() {
                currency.clone_from(&cell.currency);
            }
        }
    }
    let unit = Unit {
        scale: declared_scale
            .or(detected.map(|(_, cell)| cell.scale))
            .unwrap_or(Scale::Units),
        currency: declared_currency.clone().or(currency).unwrap_or_default(),
    };
    if let (Some(scale), Some((sheet, cell))) = (declared_scale, detected)
        && scale != cell.scale
    {
        notes.push(ImportNote::DeclaredScale {
            scale,
            unit: cell.text.clone(),
            at: format!("{sheet}!{}", cell.cell),
        });
    }
    let origin = match (declared_scale, detected) {
        (Some(_), _) => UnitOrigin::Declared,
        (None, Some((sheet, cell))) => UnitOrigin::Detected {
            source: Source {
                file: file.to_owned(),
                sheet: sheet.to_owned(),
                cell: cell.cell.clone(),
            },
            text: cell.text.clone(),
        },
        (None, None) if declared_currency.is_some() => UnitOrigin::Declared,
        (None, None) => UnitOrigin::Assumed,
    };
    Ok((unit, origin))
}

/// Holds a sheet's deductions (costs, outflows, own shares: the items the table
/// subtracts) as positive amounts, whatever the statement's printing convention.
///
/// Statements print costs either as negative numbers (`-4218`, `(4 218)`) or as
/// positive ones under a heading that says they are costs. The sheet's convention is
/// the one most of its own statement's deduction lines follow: where most are negative, every
/// deduction of the sheet is negated (a cost printed positive there is then a credit,
/// such as a tax benefit), and a note says so; otherwise the amounts are kept as
/// printed.
fn hold_deductions_positive(
    sheet: &str,
    scan: &mut SheetScan,
    sheet_home: Option<StatementKind>,
    notes: &mut Vec<ImportNote>,
) {
    // Only the lines of the statement the sheet (or its block) presents: a cash-flow
    // statement adds back depreciation (an income-statement cost) as a positive amount.
    let homes = block_homes(scan, sheet_home);
    let own_deduction = |record: &layout::Record| {
        record.item.is_deduction()
            && Some(record.item.statement()) == homes.get(&record.block).copied().flatten()
    };
    let (negative, positive) = scan
        .records
        .iter()
        .filter(|record| own_deduction(record))
        .fold((0usize, 0usize), |(negative, positive), record| {
            if record.value < Decimal::ZERO {
                (negative + 1, positive)
            } else if Decimal::ZERO < record.value {
                (negative, positive + 1)
            } else {
                (negative, positive)
            }
        });
    if negative <= positive {
        return;
    }
    let mut items: Vec<LineItem> = Vec::new();
    for record in scan
        .records
        .iter_mut()
        .filter(|record| own_deduction(record))
    {
        record.value = -record.value;
        if !items.contains(&record.item) {
            items.push(record.item);
        }
    }
    notes.push(ImportNote::DeductionsNegated {
        sheet: sheet.to_owned(),
        negative,
        of: negative + positive,
        items,
    });
}

/// Whether a statement other than its own prints the item too (net income and
/// depreciation open the indirect cash-flow statement): such a line tells neither
/// which statement a sheet holds nor that two sheets are two companies.
fn is_shared(item: LineItem) -> bool {
    item.parents()
        .iter()
        .any(|link| link.parent.statement() != item.statement())
}

/// The statement a sheet holds: the one most of its unshared unnamed records belong
/// to.
fn home_statement(scan: &SheetScan) -> Option<StatementKind> {
    home_of_records(scan.records.iter())
}

/// The statement of each block of a sheet (the records under one period header): the
/// block's own where its records tell one, else the sheet's.
fn block_homes(
    scan: &SheetScan,
    sheet_home: Option<StatementKind>,
) -> BTreeMap<usize, Option<StatementKind>> {
    let mut blocks: BTreeMap<usize, Vec<&layout::Record>> = BTreeMap::new();
    for record in &scan.records {
        blocks.entry(record.block).or_default().push(record);
    }
    blocks
        .into_iter()
        .map(|(block, records)| (block, home_of_records(records.into_iter()).or(sheet_home)))
        .collect()
}

fn home_of_records<'a>(records: impl Iterator<Item = &'a layout::Record>) -> Option<StatementKind> {
    let mut counts: BTreeMap<StatementKind, usize> = BTreeMap::new();
    for record in records.filter(|record| record.entity.is_none()) {
        if !is_shared(record.item) {
            *counts.entry(record.item.statement()).or_default() += 1;
        }
    }
    // The largest count; among equals the statement printed first.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(statement, _)| statement)
}

/// The entity of each sheet's unnamed records: the sheet's name when several sheets
/// hold the same line items of the statement they present (one company per sheet),
/// else one name for all (the statements of one company spread over sheets: a
/// balance sheet, an income statement and a cash-flow statement that repeats the net
/// income are one company).
fn sheet_entities(
    stem: &str,
    scans: &[(&str, SheetScan)],
    homes: &[Option<StatementKind>],
    options: &ImportOptions,
) -> Vec<String> {
    let default = options
        .entity
        .clone()
        .or_else(|| {
            options
                .mapping
                .as_ref()
                .and_then(|mapping| mapping.entity.clone())
        })
        .unwrap_or_else(|| stem.to_owned());
    // How many sheets hold each line item of the statement they present, without
    // naming its company: counted in one pass, as a workbook may have thousands of
    // sheets.
    // A sheet is a company of its own when it holds a whole company (lines of two
    // statements or more, as a sheet per company does) sharing the lines of the
    // statement it presents with another such sheet, or when it repeats the very same
    // lines as another sheet (a balance sheet per company). Other sheets (a balance
    // sheet, an income statement, notes: one statement each) are one company.
    let items_of = |scan: &SheetScan, home: Option<StatementKind>, own_only: bool| {
        scan.records
            .iter()
            .filter(|record| {
                record.entity.is_none()
                    && (!own_only
                        || (!is_shared(record.item) && Some(record.item.statement()) == home))
            })
            .map(|record| record.item)
            .collect::<BTreeSet<LineItem>>()
    };
    // Per sheet, once: the lines of its own statement where it holds a whole company,
    // and its shape (its statement and every line item it holds).
    let sheets: Vec<(BTreeSet<LineItem>, Shape)> = scans
        .iter()
        .zip(homes)
        .map(|((_, scan), home)| {
            let whole_company = if 2 <= statements_held(scan) {
                items_of(scan, *home, true)
            } else {
                BTreeSet::new()
            };
            let shape = (*home, items_of(scan, *home, false).into_iter().collect());
            (whole_company, shape)
        })
        .collect();
    let mut n_sheets_of_item: BTreeMap<LineItem, usize> = BTreeMap::new();
    let mut n_sheets_of_shape: BTreeMap<&Shape, usize> = BTreeMap::new();
    for (whole_company, shape) in &sheets {
        for item in whole_company {
            *n_sheets_of_item.entry(*item).or_default() += 1;
        }
        if !shape.1.is_empty() {
            *n_sheets_of_shape.entry(shape).or_default() += 1;
        }
    }
    let own_company: Vec<bool> = sheets
        .iter()
        .map(|(whole_company, shape)| {
            let whole_company_shared = whole_company
                .iter()
                .any(|item| 1 < n_sheets_of_item.get(item).copied().unwrap_or(0));
            let repeated = 1 < n_sheets_of_shape.get(shape).copied().unwrap_or(0);
            whole_company_shared || repeated
        })
        .collect();
    // A repeated shape makes companies only where the whole workbook is laid out that
    // way (every sheet with amounts a company): an annual report's quarterly summary
    // repeating its income statement is not a second company.
    let one_company_per_sheet = scans
        .iter()
        .zip(&own_company)
        .all(|((_, scan), own)| *own || scan.records.is_empty());
    scans
        .iter()
        .zip(&own_company)
        .map(|((sheet, _), own)| {
            if one_company_per_sheet && *own {
                (*sheet).to_owned()
            } else {
                default.clone()
            }
        })
        .collect()
}

fn check_required(
    file: &str,
    scans: &[(&str, SheetScan)],
    entity_of_sheet: &[String],
    first_sheets: &[&str],
    report: &ImportReport,
    options: &ImportOptions,
) -> Result<(), SheetsError> {
    for (statements, first_sheet) in report.entities.iter().zip(first_sheets) {
        let name = &statements.entity.name;
        for period in statements.period_list() {
            for item in &options.required {
                if statements.get(period, *item).is_some() {
                    continue;
                }
                let gap = scans
                    .iter()
                    .zip(entity_of_sheet)
                    .find_map(|((sheet, scan), default)| {
                        scan.gaps
                            .iter()
                            .find(|gap| {
                                gap.period == period
                                    && gap.item == *item
                                    && gap.entity.as_ref().unwrap_or(default) == name
                            })
                            .map(|gap| (*sheet, gap.cell.clone()))
                    });
                return Err(match gap {
                    Some((sheet, cell)) => SheetsError::AtCell {
                        file: file.to_owned(),
                        sheet: sheet.to_owned(),
                        cell,
                        kind: ErrorKind::Invalid(Detail::new(
                            "error.required_empty",
                            &[("item", item), ("period", &period), ("entity", name)],
                        )),
                    },
                    None => SheetsError::InSheet {
                        file: file.to_owned(),
                        sheet: (*first_sheet).to_owned(),
                        kind: ErrorKind::Invalid(Detail::new(
                            "error.required_missing",
                            &[("item", item), ("period", &period), ("entity", name)],
                        )),
                    },
                });
            }
        }
    }
    Ok(())
}

fn missing_items(entities: &[Statements], needs: &[Need]) -> Vec<MissingItem> {
    // The needs each line item blocks, the same for every entity.
    let blocked: Vec<(LineItem, Vec<String>)> = LineItem::ALL
        .into_iter()
        .map(|item| {
            let blocks = needs
                .iter()
                .filter(|need| need.items.contains(&item))
                .map(|need| need.name.clone())
                .collect();
            (item, blocks)
        })
        .filter(|(_, blocks): &(LineItem, Vec<String>)| !blocks.is_empty())
        .collect();
    let mut missing = Vec::new();
    for statements in entities {
        // One pass over the periods: the periods each blocking item is missing in.
        let mut missing_in: Vec<Vec<Period>> = vec![Vec::new(); blocked.len()];
        for (period, items) in &statements.periods {
            for ((item, _), periods) in blocked.iter().zip(&mut missing_in) {
                if !items.contains_key(item) {
                    periods.push(*period);
                }
            }
        }
        for ((item, blocks), periods) in blocked.iter().zip(missing_in) {
            if !periods.is_empty() {
                missing.push(MissingItem {
                    entity: statements.entity.name.clone(),
                    item: *item,
                    periods,
                    blocks: blocks.clone(),
                });
            }
        }
    }
    missing
}

#[cfg(test)]
mod layout_tests;
#[cfg(test)]
mod period_tests;
#[cfg(test)]
mod tests;
