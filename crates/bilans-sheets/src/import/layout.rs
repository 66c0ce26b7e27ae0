//! Layout detection on one sheet: where the labels are (a column, or a row for the
//! transposed layout), which rows are period headers, company headers and line items,
//! and which cells hold the amounts.
//!
//! The sheet is first turned so that line items run down a column (a sheet whose
//! recognised labels line up in a row is transposed); from then on one code path reads
//! both layouts, and cell names still point to the original sheet.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use bilans_model::{LineItem, Period, Scale};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Detail;
use crate::import::balance_sides::Sides;
use crate::import::grid::{Grid, Value};
use crate::import::labels::{Dictionary, Form, LabelMatch, Language, UnitWords, normalise};
use crate::import::mapping::{Mapping, Target};
use crate::import::note::SkipReason;
use crate::import::periods::{HeaderCell, SheetContext};
use crate::import::{numbers, periods};
use crate::{ErrorKind, SheetsError};

/// How a sheet is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Line items in rows, periods in columns (the common case).
    ItemsInRows,
    /// Line items in columns, periods in rows (transposed).
    ItemsInColumns,
    /// No line item was recognised on the sheet.
    NoLineItems,
}

/// One amount read from a cell.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub(crate) entity: Option<String>,
    pub(crate) period: Period,
    pub(crate) item: LineItem,
    pub(crate) value: Decimal,
    pub(crate) cell: String,
    /// Which of the sheet's period headers it is under, counted from 0: statements
    /// stacked on one sheet are each under a header of their own.
    pub(crate) block: usize,
    /// Its line, counted from 0 down the sheet (across, when transposed).
    pub(crate) line: usize,
    /// Whether its label was found only once stripped of its qualifiers.
    pub(crate) qualified: bool,
    /// Whether its label is written as a total (`Total …`, `Итого …`).
    pub(crate) total: bool,
}

/// An empty cell where an amount of a recognised line item could have been.
#[derive(Debug, Clone)]
pub(crate) struct Gap {
    pub(crate) entity: Option<String>,
    pub(crate) period: Period,
    pub(crate) item: LineItem,
    pub(crate) cell: String,
}

/// A cell whose text declares a unit.
#[derive(Debug, Clone)]
pub(crate) struct UnitCell {
    pub(crate) scale: Scale,
    pub(crate) currency: Option<String>,
    pub(crate) cell: String,
    pub(crate) text: String,
}

/// A row (or column) with data that was not recognised.
#[derive(Debug, Clone)]
pub(crate) struct Skipped {
    /// The company named in the row's company column, if any.
    pub(crate) entity: Option<String>,
    pub(crate) cell: String,
    pub(crate) text: String,
    pub(crate) reason: SkipReason,
}

/// What one sheet holds.
#[derive(Debug, Clone)]
pub(crate) struct SheetScan {
    pub(crate) layout: Layout,
    pub(crate) form: Option<Form>,
    pub(crate) records: Vec<Record>,
    pub(crate) gaps: Vec<Gap>,
    pub(crate) units: Vec<UnitCell>,
    pub(crate) skipped: Vec<Skipped>,
}

/// What a scan needs besides the grid.
pub(crate) struct Context<'a> {
    pub(crate) file: &'a str,
    pub(crate) sheet: &'a str,
    pub(crate) dictionary: &'a Dictionary,
    pub(crate) mapping: Option<&'a Mapping>,
}

/// How a label was recognised; the first is the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Via {
    MappedCell,
    MappedLabel,
    Code,
    Label,
    /// A label found once stripped of its qualifiers (`Net income attributable to the
    /// parent`).
    QualifiedLabel,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    row: usize,
    col: usize,
    target: Target,
    via: Via,
}

struct Header {
    periods: Vec<(usize, Period)>,
    first_col: usize,
    company_col: Option<usize>,
}

/// Reads one sheet.
///
/// # Errors
///
/// [`SheetsError::AtCell`] for a line item without a period header, a period twice in
/// one header, or an amount cell that holds no trustworthy number.
pub(crate) fn scan_sheet(context: &Context<'_>, original: &Grid) -> Result<SheetScan, SheetsError> {
    let units = unit_cells(context.dictionary, original);
    let (mut hits, languages) = label_hits(context, original);
    let form = form_of(context, original, languages);
    if let Some(form) = form {
        hits.extend(code_hits(context.dictionary, original, form, &hits));
    }
    let mut scan = SheetScan {
        layout: Layout::NoLineItems,
        form,
        records: Vec::new(),
        gaps: Vec::new(),
        units,
        skipped: Vec::new(),
    };
    if hits.is_empty() {
        return Ok(scan);
    }
    if labels_line_up_in_a_row(&hits) {
        for hit in &mut hits {
            std::mem::swap(&mut hit.row, &mut hit.col);
        }
        scan.layout = Layout::ItemsInColumns;
        read_rows(context, &original.transposed(), &hits, &mut scan)?;
    } else {
        scan.layout = Layout::ItemsInRows;
        read_rows(context, original, &hits, &mut scan)?;
    }
    Ok(scan)
}

fn unit_cells(dictionary: &Dictionary, grid: &Grid) -> Vec<UnitCell> {
    let mut units = Vec::new();
    // A text repeated down a sheet (a company's name on each of its rows) is read once.
    let mut read: HashMap<&str, Option<UnitWords>> = HashMap::new();
    for row in 0..grid.n_rows() {
        for col in 0..grid.n_cols() {
            if let Value::Text(text) = grid.get(row, col)
                && let Some(unit) = read
                    .entry(text.as_str())
                    .or_insert_with(|| dictionary.unit(text))
                    .clone()
            {
                units.push(UnitCell {
                    scale: unit.scale,
                    currency: unit.currency,
                    cell: grid.cell_name(row, col),
                    text: text.clone(),
                });
            }
        }
    }
    units
}

/// Recognised labels and mapped cells, and how many labels are Russian-only and
/// Ukrainian-only.
///
/// One pass over the cells, with a set lookup for the mapped ones: the work grows with
/// the number of cells, not with cells times labels (a fuzzed sheet of a million
/// identical label rows must not hang).
fn label_hits(context: &Context<'_>, grid: &Grid) -> (Vec<Hit>, (usize, usize)) {
    let mut hits = Vec::new();
    let (mut russian, mut ukrainian) = (0, 0);
    if let Some(mapping) = context.mapping {
        for cell in &mapping.cells {
            if cell
                .sheet
                .as_deref()
                .is_some_and(|sheet| sheet != context.sheet)
            {
                continue;
            }
            if let Some((row, col)) = grid.position_of(cell.row, cell.col) {
                hits.push(Hit {
                    row,
                    col,
                    target: cell.target,
                    via: Via::MappedCell,
                });
            }
        }
    }
    let mapped_cells = positions(&hits);
    // A text repeated down a sheet (a company's name on each of its rows) is matched
    // once.
    let mut matched: HashMap<&str, Option<LabelMatch<'_>>> = HashMap::new();
    for row in 0..grid.n_rows() {
        for col in 0..grid.n_cols() {
            let Value::Text(text) = grid.get(row, col) else {
                continue;
            };
            if mapped_cells.contains(&(row, col)) {
                continue;
            }
            let mapped = context
                .mapping
                .and_then(|mapping| mapping.labels.get(&normalise(text)));
            if let Some(target) = mapped {
                hits.push(Hit {
                    row,
                    col,
                    target: *target,
                    via: Via::MappedLabel,
                });
            } else if let Some((item, languages, qualified)) = *matched
                .entry(text.as_str())
                .or_insert_with(|| context.dictionary.label_match(text))
            {
                let has = |language| languages.contains(&language);
                if has(Language::Russian) && !has(Language::Ukrainian) {
                    russian += 1;
                }
                if has(Language::Ukrainian) && !has(Language::Russian) {
                    ukrainian += 1;
                }
                hits.push(Hit {
                    row,
                    col,
                    target: Target::Item(item),
                    via: if qualified {
                        Via::QualifiedLabel
                    } else {
                        Via::Label
                    },
                });
            }
        }
    }
    (hits, (russian, ukrainian))
}

/// The (row, column) of every hit, for lookups that must not scan the hits.
fn positions(hits: &[Hit]) -> BTreeSet<(usize, usize)> {
    hits.iter().map(|hit| (hit.row, hit.col)).collect()
}

/// Whether the labels line up along a row rather than down a column.
fn labels_line_up_in_a_row(hits: &[Hit]) -> bool {
    let most = |key: fn(&Hit) -> usize| {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for hit in hits {
            *counts.entry(key(hit)).or_default() += 1;
        }
        counts.into_values().max().unwrap_or(0)
    };
    most(|hit| hit.col) < most(|hit| hit.row)
}

/// The form whose codes to read: declared in the mapping, named by the code column's
/// header, or the language of the labels.
fn form_of(
    context: &Context<'_>,
    grid: &Grid,
    (russian, ukrainian): (usize, usize),
) -> Option<Form> {
    if let Some(form) = context.mapping.and_then(|mapping| mapping.form) {
        return Some(form);
    }
    for row in 0..grid.n_rows() {
        for col in 0..grid.n_cols() {
            if let Value::Text(text) = grid.get(row, col)
                && let Some(Some(form)) = context.dictionary.code_word(text)
            {
                return Some(form);
            }
        }
    }
    match russian.cmp(&ukrainian) {
        std::cmp::Ordering::Greater => Some(Form::Russian),
        std::cmp::Ordering::Less => Some(Form::Ukrainian),
        std::cmp::Ordering::Equal => None,
    }
}

/// Line codes in code columns (a column under a `Код`/`Code`/`Kod` header cell), except
/// in cells already mapped.
fn code_hits(dictionary: &Dictionary, grid: &Grid, form: Form, taken: &[Hit]) -> Vec<Hit> {
    let taken = positions(taken);
    let mut hits = Vec::new();
    for col in 0..grid.n_cols() {
        let header_row = (0..grid.n_rows()).find(|row| match grid.get(*row, col) {
            Value::Text(text) => dictionary.code_word(text).is_some(),
            _ => false,
        });
        let Some(header_row) = header_row else {
            continue;
        };
        for row in header_row + 1..grid.n_rows() {
            let code = match grid.get(row, col) {
                Value::Number(number) if number.fract().is_zero() => number.trunc().to_string(),
                Value::Text(text) => text.trim().to_owned(),
                _ => continue,
            };
            let is_taken = taken.contains(&(row, col));
            if let Some(item) = dictionary.code(form, &code).filter(|_| !is_taken) {
                hits.push(Hit {
                    row,
                    col,
                    target: Target::Item(item),
                    via: Via::Code,
                });
            }
        }
    }
    hits
}

/// The period cells of a row, if the row is a period header: at least one period and
/// no number that is not a period.
///
/// Dates under a row of durations (`3 Months Ended` over `Mar. 31, 2024`) take their
/// duration from it; headers relative to the reporting date take it from the title rows
/// above.
fn header_periods(
    context: &Context<'_>,
    grid: &Grid,
    row: usize,
) -> Result<Option<Vec<(usize, Period)>>, SheetsError> {
    let mut found = Vec::new();
    for col in 0..grid.n_cols() {
        let value = grid.get(row, col);
        match periods::header_cell(value) {
            Some(cell) => found.push((col, cell)),
            None if matches!(value, Value::Number(_)) => return Ok(None),
            None => {}
        }
    }
    declare_periods(context, grid, &mut found);
    let names_periods = found.iter().any(|(_, cell)| {
        !matches!(
            cell,
            HeaderCell::Duration(_) | HeaderCell::TrailingTwelveMonths
        )
    });
    if !names_periods || !plausible_number_years(grid, row, &found) {
        return Ok(None);
    }
    if let Some(above) = row.checked_sub(1) {
        let cells_above: Vec<(usize, Option<u8>)> = (0..grid.n_cols())
            .filter_map(|col| match grid.get(above, col) {
                Value::Empty => None,
                Value::Text(text) if text.trim().is_empty() => None,
                value => Some((
                    col,
                    match periods::header_cell(value) {
                        Some(HeaderCell::Duration(months)) => Some(months),
                        _ => None,
                    },
                )),
            })
            .collect();
        periods::under_durations(&mut found, &cells_above);
    }
    let sheet_context = if found.iter().any(|(_, cell)| periods::needs_context(cell)) {
        let titles = (row.saturating_sub(TITLE_ROWS)..row).flat_map(|title_row| {
            (0..grid.n_cols()).filter_map(move |col| match grid.get(title_row, col) {
                Value::Text(text) => Some(text.as_str()),
                _ => None,
            })
        });
        periods::sheet_context(titles)
    } else {
        SheetContext::default()
    };
    let found =
        periods::resolve(&found, &sheet_context).map_err(|unresolved| SheetsError::AtCell {
            file: context.file.to_owned(),
            sheet: context.sheet.to_owned(),
            cell: grid.cell_name(row, unresolved.col),
            kind: ErrorKind::Invalid(unresolved.message.into()),
        })?;
    Ok((!found.is_empty()).then_some(found))
}

/// The periods bounded by a row of first days (`Startdatum`, `Period start`) and the
/// row of last days under it (`Slutdatum`, `Period end`): two rows of date cells in the
/// same columns, each last day after its first day, with no line item label in either.
fn period_bounds(
    context: &Context<'_>,
    grid: &Grid,
    row: usize,
    hits_by_row: &BTreeMap<usize, Vec<Hit>>,
) -> Result<Option<Vec<(usize, Period)>>, SheetsError> {
    let dates = |row: usize| -> Vec<(usize, bilans_model::Date)> {
        (0..grid.n_cols())
            .filter_map(|col| match grid.get(row, col) {
                Value::Date(date) => Some((col, *date)),
                _ => None,
            })
            .collect()
    };
    let next = row + 1;
    let (firsts, lasts) = (dates(row), dates(next));
    let same_columns = firsts.len() == lasts.len()
        && firsts
            .iter()
            .zip(&lasts)
            .all(|((first_col, first), (last_col, last))| first_col == last_col && first < last);
    let only_dates = |row: usize, n_dates: usize| {
        (0..grid.n_cols())
            .filter(|col| matches!(grid.get(row, *col), Value::Number(_) | Value::Date(_)))
            .count()
            == n_dates
    };
    if firsts.is_empty()
        || !same_columns
        || hits_by_row.contains_key(&next)
        || !only_dates(row, firsts.len())
        || !only_dates(next, lasts.len())
    {
        return Ok(None);
    }
    let cells: Vec<(usize, HeaderCell)> = firsts
        .iter()
        .zip(&lasts)
        .map(|((col, first), (_, last))| {
            (
                *col,
                HeaderCell::Range {
                    first: *first,
                    last: *last,
                },
            )
        })
        .collect();
    let periods = periods::resolve(&cells, &SheetContext::default()).map_err(|unresolved| {
        SheetsError::AtCell {
            file: context.file.to_owned(),
            sheet: context.sheet.to_owned(),
            cell: grid.cell_name(row, unresolved.col),
            kind: ErrorKind::Invalid(unresolved.message.into()),
        }
    })?;
    Ok((periods.len() == cells.len()).then_some(periods))
}

/// How bounded periods refine a header of bare years in the same columns: each year
/// (`2024`, read as the calendar year) becomes the twelve months of that fiscal year
/// the bounds state (1 April 2023 to 31 March 2024). `None` when the columns differ or
/// any bound period is not twelve months of the year its column is headed with.
fn refinement(
    header: &[(usize, Period)],
    bounds: &[(usize, Period)],
) -> Option<BTreeMap<Period, Period>> {
    if header.len() != bounds.len() {
        return None;
    }
    let mut map = BTreeMap::new();
    for ((col, year), (bound_col, bounded)) in header.iter().zip(bounds) {
        let refines = col == bound_col
            && *year == Period::year(year.fiscal_year())
            && bounded.months() == Some(12)
            && bounded.fiscal_year() == year.fiscal_year();
        if !refines
            || map
                .insert(*year, *bounded)
                .is_some_and(|other| other != *bounded)
        {
            return None;
        }
    }
    Some(map)
}

/// Replaces the cells of a header row whose columns the mapping file declares, once the
/// row is a header (some cell of it names a period, or is relative to one).
fn declare_periods(context: &Context<'_>, grid: &Grid, found: &mut Vec<(usize, HeaderCell)>) {
    let Some(mapping) = context.mapping else {
        return;
    };
    let is_header = found.iter().any(|(_, cell)| {
        !matches!(
            cell,
            HeaderCell::Duration(_) | HeaderCell::TrailingTwelveMonths
        )
    });
    if !is_header || mapping.periods.is_empty() {
        return;
    }
    for declared in &mapping.periods {
        if declared
            .sheet
            .as_deref()
            .is_some_and(|sheet| sheet != context.sheet)
        {
            continue;
        }
        let Some(col) = (0..grid.n_cols()).find(|col| grid.sheet_col(*col) == Some(declared.col))
        else {
            continue;
        };
        found.retain(|(found_col, _)| *found_col != col);
        found.push((col, HeaderCell::Period(declared.period)));
    }
    found.sort_by_key(|(col, _)| *col);
}

/// Whether a row whose periods are all numbers could be a row of years: distinct and
/// close together (`2020 2019 2018`), not the amounts 1911 and 2044 of a row whose label
/// was not recognised.
fn plausible_number_years(grid: &Grid, row: usize, found: &[(usize, HeaderCell)]) -> bool {
    let mut years = Vec::new();
    for (col, cell) in found {
        match (grid.get(row, *col), cell) {
            (Value::Number(_), HeaderCell::Period(period)) => years.push(period.fiscal_year()),
            _ => return true,
        }
    }
    years.sort_unstable();
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for year in &years {
        *counts.entry(*year).or_default() += 1;
    }
    // Distinct years, or every year as often as the others: the year column of a long
    // table holding several companies (`C1 2015, C1 2016, C2 2015, C2 2016`).
    let evenly_repeated = counts
        .values()
        .all(|count| Some(count) == counts.values().next());
    years.dedup();
    let n_distinct = years.len();
    let span = years
        .last()
        .zip(years.first())
        .map_or(0, |(last, first)| last - first);
    evenly_repeated && span < 3 * i32::try_from(n_distinct).unwrap_or(i32::MAX)
}

/// How many rows above a header are searched for a title naming the reporting date.
const TITLE_ROWS: usize = 30;

/// The nearest cell above a line item label, right of it, with text (other than a TTM
/// column, which is known and skipped): the header that could not be read, for the
/// error.
fn unreadable_header(grid: &Grid, hit: &Hit) -> Option<(usize, usize, String)> {
    (0..hit.row).rev().find_map(|row| {
        (hit.col + 1..grid.n_cols()).find_map(|col| match grid.get(row, col) {
            Value::Text(text)
                if !text.trim().is_empty()
                    && periods::header_cell(grid.get(row, col))
                        != Some(HeaderCell::TrailingTwelveMonths) =>
            {
                Some((row, col, text.trim().to_owned()))
            }
            _ => None,
        })
    })
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Text(text) => Some(text.trim().to_owned()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn read_rows(
    context: &Context<'_>,
    grid: &Grid,
    hits: &[Hit],
    scan: &mut SheetScan,
) -> Result<(), SheetsError> {
    let mut hits_by_row: BTreeMap<usize, Vec<Hit>> = BTreeMap::new();
    for hit in hits {
        hits_by_row.entry(hit.row).or_default().push(*hit);
    }
    let mut header: Option<Header> = None;
    let mut column_entities: BTreeMap<usize, String> = BTreeMap::new();
    let mut row_entity: Option<String> = None;
    // The error for the first label without a header above it, and those labels.
    let mut headless: Option<SheetsError> = None;
    let mut headless_rows: Vec<Hit> = Vec::new();
    // The current header's block, and a row already read as the last days of a row of
    // period bounds.
    let mut block = Block::default();
    let mut bounds_end_row: Option<usize> = None;
    for row in 0..grid.n_rows() {
        if bounds_end_row == Some(row) {
            continue;
        }
        let row_hits = hits_by_row.get(&row).map(Vec::as_slice).unwrap_or_default();
        if row_hits.is_empty()
            && let Some(bounds) = period_bounds(context, grid, row, &hits_by_row)?
        {
            bounds_end_row = Some(row + 1);
            scan.skipped.push(Skipped {
                entity: None,
                cell: grid.cell_name(row, 0),
                text: text_of(grid.get(row, 0)).unwrap_or_default(),
                reason: SkipReason::PeriodStarts,
            });
            let refined = header.as_mut().and_then(|header| {
                let map = refinement(&header.periods, &bounds)?;
                header.periods = bounds.clone();
                Some(map)
            });
            if let Some(map) = refined {
                // The block's bare years, bounded by these dates (a fiscal year
                // from 1 April headed `2024`): its amounts take the bounded periods.
                for record in &mut scan.records[block.first_record..] {
                    if let Some(bounded) = map.get(&record.period) {
                        record.period = *bounded;
                    }
                }
                for gap in &mut scan.gaps[block.first_gap..] {
                    if let Some(bounded) = map.get(&gap.period) {
                        gap.period = *bounded;
                    }
                }
                continue;
            }
            header = Some(start_header(
                context,
                grid,
                row + 1,
                bounds,
                &column_entities,
                scan,
            )?);
            row_entity = None;
            block.start_next(scan);
            continue;
        }
        let chosen = row_hits
            .iter()
            .filter(|hit| {
                header
                    .as_ref()
                    .is_none_or(|header| hit.col < header.first_col)
            })
            .min_by_key(|hit| (hit.via, hit.col));
        if row_hits.is_empty() {
            if let Some(periods) = header_periods(context, grid, row)? {
                header = Some(start_header(
                    context,
                    grid,
                    row,
                    periods,
                    &column_entities,
                    scan,
                )?);
                row_entity = None;
                block.start_next(scan);
                for hit in headless_rows.drain(..) {
                    scan.skipped.push(Skipped {
                        entity: None,
                        cell: grid.cell_name(hit.row, hit.col),
                        text: text_of(grid.get(hit.row, hit.col)).unwrap_or_default(),
                        reason: SkipReason::AboveFirstHeader,
                    });
                }
                continue;
            }
            if let Some(word_col) = (0..grid.n_cols()).find(|col| {
                matches!(grid.get(row, *col), Value::Text(text) if context.dictionary.is_company_word(text))
            }) {
                column_entities = company_row(grid, row, word_col);
                continue;
            }
        }
        let Some(hit) = chosen else {
            if let Some(header) = header.as_ref() {
                let entity = header
                    .company_col
                    .and_then(|company_col| text_of(grid.get(row, company_col)))
                    .or_else(|| row_entity.clone());
                if header.company_col.is_none() && column_entities.is_empty() {
                    feed_sides(context, grid, row, header, None, &mut block.sides);
                }
                note_unrecognised(grid, row, header, entity, scan);
            }
            continue;
        };
        let Some(header) = header.as_ref() else {
            // A label above the sheet's first period header (a block of market data
            // over the statements, `Number of shares` or `Market Capitalization`) is
            // an error only if no header follows: otherwise it is listed as not read.
            if headless.is_none() {
                headless = Some(no_header_error(context, grid, hit));
            }
            headless_rows.push(*hit);
            continue;
        };
        let Target::Item(item) = hit.target else {
            continue;
        };
        if let Some(company_col) = header.company_col
            && let Some(name) = text_of(grid.get(row, company_col))
        {
            row_entity = Some(name);
        }
        let total = match grid.get(row, hit.col) {
            Value::Text(text) => context.dictionary.is_total(text),
            _ => false,
        };
        if header.company_col.is_none() && column_entities.is_empty() {
            feed_sides(context, grid, row, header, Some(item), &mut block.sides);
        }
        for (col, period) in header.periods.iter().filter(|(col, _)| hit.col < *col) {
            let entity = row_entity
                .clone()
                .or_else(|| column_entities.get(col).cloned());
            let cell = grid.cell_name(row, *col);
            match numbers::amount(grid.get(row, *col)) {
                Ok(Some(value)) => {
                    scan.records.push(Record {
                        entity,
                        period: *period,
                        item,
                        value,
                        cell,
                        block: block.index,
                        line: row,
                        qualified: hit.via == Via::QualifiedLabel,
                        total,
                    });
                }
                Ok(None) => scan.gaps.push(Gap {
                    entity,
                    period: *period,
                    item,
                    cell,
                }),
                Err(reason) => {
                    return Err(SheetsError::at_cell(
                        context.file,
                        context.sheet,
                        &cell,
                        ErrorKind::BadAmount {
                            reason: Box::new(reason),
                            item,
                            period: *period,
                        },
                    ));
                }
            }
        }
    }
    block.finish(scan);
    match headless {
        Some(error) if !headless_rows.is_empty() => Err(error),
        _ => Ok(()),
    }
}

/// Feeds a row under `header` to the block's balance sides: a bare total (`Total`,
/// `Razem`, `Итого` alone) as a candidate, any other row's amounts to the sums.
fn feed_sides(
    context: &Context<'_>,
    grid: &Grid,
    row: usize,
    header: &Header,
    item: Option<LineItem>,
    sides: &mut Sides,
) {
    let label = (0..header.first_col).find_map(|col| match grid.get(row, col) {
        Value::Text(text) => Some((col, text.as_str())),
        _ => None,
    });
    let bare_total = item.is_none()
        && label.is_some_and(|(_, text)| {
            let normalised = normalise(text);
            !normalised.contains(' ') && context.dictionary.is_total(text)
        });
    let mut amounts = BTreeMap::new();
    let mut cells = BTreeMap::new();
    for (col, period) in &header.periods {
        if let Ok(Some(value)) = numbers::amount(grid.get(row, *col)) {
            amounts.insert(*col, value);
            cells.insert(*col, (*period, value, grid.cell_name(row, *col)));
        }
    }
    match label {
        Some((col, _)) if bare_total => sides.total(row, grid.cell_name(row, col), cells),
        _ => sides.add(item, &amounts),
    }
}

/// The period header being read and what belongs to its block: its index (counted
/// from 0 down the sheet), where its records and gaps start, and its bare `Total` rows
/// for the two sides of a balance sheet.
#[derive(Default)]
struct Block {
    index: usize,
    headers_seen: usize,
    first_record: usize,
    first_gap: usize,
    sides: Sides,
}

impl Block {
    /// Ends the current block (adding its balance sides' records) and starts the next
    /// one, whose records and gaps start at the end of `scan`'s.
    fn start_next(&mut self, scan: &mut SheetScan) {
        self.finish(scan);
        self.index = self.headers_seen;
        self.headers_seen += 1;
        (self.first_record, self.first_gap) = (scan.records.len(), scan.gaps.len());
    }

    /// Ends the current block: adds its balance sides' records.
    fn finish(&mut self, scan: &mut SheetScan) {
        finish_sides(&mut self.sides, self.index, scan);
    }
}

/// Adds the records of the block's two balance sides, if it has them, and drops their
/// rows from the unrecognised ones.
fn finish_sides(sides: &mut Sides, block: usize, scan: &mut SheetScan) {
    let (amounts, cells) = sides.finish();
    if amounts.is_empty() {
        return;
    }
    scan.skipped
        .retain(|skipped| !cells.contains(&skipped.cell));
    for (period, item, value, cell, line) in amounts {
        scan.records.push(Record {
            entity: None,
            period,
            item,
            value,
            cell,
            block,
            line,
            qualified: false,
            total: true,
        });
    }
}

/// The error for a line item label without a period header above it: the header text
/// that could not be read, else the label.
fn no_header_error(context: &Context<'_>, grid: &Grid, hit: &Hit) -> SheetsError {
    let at = |row: usize, col: usize, message: String| SheetsError::AtCell {
        file: context.file.to_owned(),
        sheet: context.sheet.to_owned(),
        cell: grid.cell_name(row, col),
        kind: ErrorKind::Invalid(message.into()),
    };
    if let Some((header_row, header_col, text)) = unreadable_header(grid, hit) {
        return at(
            header_row,
            header_col,
            format!(
                "no period header found: `{text}` is not a period bilans can read, and the line item labels below it have no other header (expected cells like 2001, FY2001, 2001Q1, 31.12.2001, Dec. 31, 2001, 31 grudnia 2001, 12 Months Ended over a row of dates, or a date)"
            ),
        );
    }
    let (line, direction) = if grid.is_transposed() {
        ("column", "to its left")
    } else {
        ("row", "above it")
    };
    at(
        hit.row,
        hit.col,
        format!(
            "no period header found: this line item label has no {line} of periods {direction} (expected cells like 2001, 2001 r., FY2001, 2001 г., 31.12.2001 or a date)"
        ),
    )
}

fn start_header(
    context: &Context<'_>,
    grid: &Grid,
    row: usize,
    periods: Vec<(usize, Period)>,
    column_entities: &BTreeMap<usize, String>,
    scan: &mut SheetScan,
) -> Result<Header, SheetsError> {
    let first_col = periods.first().map_or(0, |(col, _)| *col);
    let mut seen: BTreeMap<(Option<&String>, Period), usize> = BTreeMap::new();
    for (col, period) in &periods {
        if let Some(other) = seen.insert((column_entities.get(col), *period), *col) {
            return Err(SheetsError::AtCell {
                file: context.file.to_owned(),
                sheet: context.sheet.to_owned(),
                cell: grid.cell_name(row, *col),
                kind: ErrorKind::Invalid(Detail::new(
                    "error.period_twice",
                    &[("period", period), ("other", &grid.cell_name(row, other))],
                )),
            });
        }
    }
    let company_col = (0..first_col).find(
        |col| matches!(grid.get(row, *col), Value::Text(text) if context.dictionary.is_company_word(text)),
    );
    for col in 0..grid.n_cols() {
        let Value::Text(text) = grid.get(row, col) else {
            continue;
        };
        let reason = match periods::header_cell(grid.get(row, col)) {
            Some(HeaderCell::TrailingTwelveMonths) => SkipReason::TrailingTwelveMonths,
            None if first_col <= col => SkipReason::HeaderNotPeriod,
            _ => continue,
        };
        scan.skipped.push(Skipped {
            entity: None,
            cell: grid.cell_name(row, col),
            text: text.clone(),
            reason,
        });
    }
    Ok(Header {
        periods,
        first_col,
        company_col,
    })
}

/// The company of each column right of the company word, carried over empty (merged)
/// cells.
fn company_row(grid: &Grid, row: usize, word_col: usize) -> BTreeMap<usize, String> {
    let mut entities = BTreeMap::new();
    let mut current: Option<String> = None;
    for col in word_col + 1..grid.n_cols() {
        if let Some(name) = text_of(grid.get(row, col)) {
            current = Some(name);
        }
        if let Some(name) = &current {
            entities.insert(col, name.clone());
        }
    }
    entities
}

/// Records a row that has data under the current header but no recognised label.
fn note_unrecognised(
    grid: &Grid,
    row: usize,
    header: &Header,
    entity: Option<String>,
    scan: &mut SheetScan,
) {
    let has_data = header
        .periods
        .iter()
        .any(|(col, _)| !matches!(grid.get(row, *col), Value::Empty));
    if !has_data {
        return;
    }
    // The label is the first text left of the amounts, not the company's name.
    let label = (0..header.first_col)
        .filter(|col| header.company_col != Some(*col))
        .find_map(|col| match grid.get(row, col) {
            Value::Text(text) => Some((col, text.clone())),
            _ => None,
        });
    let (cell, text, reason) = match label {
        Some((col, text)) => (
            grid.cell_name(row, col),
            text,
            SkipReason::LabelNotRecognised,
        ),
        None => {
            let col = header.first_col;
            (grid.cell_name(row, col), String::new(), SkipReason::NoLabel)
        }
    };
    scan.skipped.push(Skipped {
        entity,
        cell,
        text,
        reason,
    });
}
