//! Reproduction of seed 004's published tables (Bereźnicka & Franc-Dąbrowska, the
//! modified Du Pont model) from its transcribed inputs, and reconciliation of every
//! published cell.
//!
//! The transcription is data (`fixtures/seeds/seed004_dupont.toml`): Table 1's inputs
//! and, for each of Tables 2–7, every row with the catalogue ratio that recomputes it.
//! Each published cell is recomputed twice: exactly, and "as published" with every
//! intermediate ratio rounded to the printed precision first
//! ([`Rounding::Intermediates`]), then classified by
//! [`bilans_model::reconcile::classify`].

use bilans_model::reconcile::ReconciledCell;
use bilans_model::{Entity, Finding, LineItem, Period, Scale, Statements, Unit, validate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{Basis, EvalConfig, NotComputable, Rounding, find};

/// The transcribed seed: inputs and published tables.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PublishedSeed {
    /// The seed's number, `004`.
    pub seed: String,
    /// The paper's title (in English).
    pub title: String,
    /// The entity the data describe.
    pub entity: String,
    /// How many companies were averaged.
    pub members: Option<u32>,
    /// Currency code.
    pub currency: String,
    /// Scale of the amounts.
    pub scale: Scale,
    /// The years, in column order.
    pub periods: Vec<i32>,
    /// Table 1: one row per line item.
    pub inputs: Vec<InputRow>,
    /// Tables 2–7 (absent in a plain statements file).
    #[serde(default)]
    pub tables: Vec<PublishedTable>,
    /// Notes on published cells: what the transcriber found (a suspected typo, a value
    /// the stated method cannot give), shown beside the reconciliation.
    #[serde(default)]
    pub notes: Vec<CellNote>,
}

/// A note on one published cell.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct CellNote {
    /// The table, e.g. `table 2`.
    pub table: String,
    /// The row label as in the table.
    pub row: String,
    /// The column's period.
    pub period: String,
    /// The note.
    pub note: String,
}

/// One row of the input table.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct InputRow {
    /// The paper's label.
    pub label: String,
    /// The line item.
    pub item: LineItem,
    /// One amount per period.
    pub values: Vec<Decimal>,
}

/// One published table of ratios.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PublishedTable {
    /// E.g. `table 2`.
    pub id: String,
    /// The paper's caption.
    pub title: String,
    /// Printed decimals.
    pub decimals: u32,
    /// The rows, in published order.
    pub rows: Vec<PublishedRow>,
}

/// One published row.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PublishedRow {
    /// The paper's label.
    pub label: String,
    /// The catalogue ratio that recomputes the row.
    pub ratio: String,
    /// One published value per period, as printed.
    pub values: Vec<Decimal>,
}

/// A recomputed table, in the published layout.
#[derive(Debug, Clone, Serialize)]
pub struct ReproducedTable {
    /// E.g. `table 2`.
    pub id: String,
    /// The caption.
    pub title: String,
    /// Printed decimals.
    pub decimals: u32,
    /// The column periods.
    pub periods: Vec<Period>,
    /// The rows with exact values.
    pub rows: Vec<ReproducedRow>,
}

/// One recomputed row.
#[derive(Debug, Clone, Serialize)]
pub struct ReproducedRow {
    /// The paper's label.
    pub label: String,
    /// The catalogue ratio.
    pub ratio: String,
    /// Exact values per period.
    pub values: Vec<Result<Decimal, NotComputable>>,
}

/// The whole reproduction.
#[derive(Debug, Clone, Serialize)]
pub struct Reproduction {
    /// The statements built from Table 1.
    pub statements: Statements,
    /// Table 1's identity checks.
    pub findings: Vec<Finding>,
    /// Tables 2–7 recomputed.
    pub tables: Vec<ReproducedTable>,
    /// Every published cell, reconciled.
    pub reconciliation: Vec<ReconciledCell>,
}

/// What went wrong with a transcription.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeedError {
    /// A row has a different number of values than there are periods.
    #[error("{table}, row `{row}`: {found} values for {expected} periods")]
    WrongLength {
        /// The table.
        table: String,
        /// The row label.
        row: String,
        /// Values found.
        found: usize,
        /// Periods declared.
        expected: usize,
    },
    /// A note names a cell that no table has.
    #[error("note on {table}, row `{row}`, {period}: no such published cell")]
    UnknownNoteCell {
        /// The table.
        table: String,
        /// The row label.
        row: String,
        /// The period.
        period: String,
    },
    /// A row names a ratio that is not in the catalogue.
    #[error("{table}, row `{row}`: unknown ratio `{ratio}`")]
    UnknownRatio {
        /// The table.
        table: String,
        /// The row label.
        row: String,
        /// The ratio id.
        ratio: String,
    },
}

impl PublishedSeed {
    /// The statements of Table 1.
    ///
    /// # Errors
    ///
    /// [`SeedError::WrongLength`] when a row does not have one value per period.
    pub fn statements(&self) -> Result<Statements, SeedError> {
        let mut statements = Statements::new(
            Entity::averaged_group(&self.entity, self.members),
            Unit {
                scale: self.scale,
                currency: self.currency.clone(),
            },
        );
        for row in &self.inputs {
            check_length("table 1", &row.label, row.values.len(), self.periods.len())?;
            for (year, value) in self.periods.iter().zip(&row.values) {
                statements.set(Period::year(*year), row.item, *value);
            }
        }
        Ok(statements)
    }
}

fn check_length(table: &str, row: &str, found: usize, expected: usize) -> Result<(), SeedError> {
    if found == expected {
        return Ok(());
    }
    Err(SeedError::WrongLength {
        table: table.to_owned(),
        row: row.to_owned(),
        found,
        expected,
    })
}

/// Recomputes every published table of `seed` and reconciles every published cell.
///
/// Ratios use year-end balances, as the paper does.
///
/// # Errors
///
/// [`SeedError`] when the transcription is inconsistent (row lengths, ratio ids).
pub fn reproduce(seed: &PublishedSeed) -> Result<Reproduction, SeedError> {
    let statements = seed.statements()?;
    let findings = validate(&statements);
    let periods: Vec<Period> = seed
        .periods
        .iter()
        .map(|year| Period::year(*year))
        .collect();
    let mut tables = Vec::new();
    let mut reconciliation = Vec::new();
    for table in &seed.tables {
        let exact = EvalConfig {
            basis: Basis::YearEnd,
            ..EvalConfig::default()
        };
        let as_published = EvalConfig {
            rounding: Rounding::Intermediates {
                decimals: table.decimals,
            },
            ..exact
        };
        let mut rows = Vec::new();
        for row in &table.rows {
            check_length(&table.id, &row.label, row.values.len(), periods.len())?;
            let ratio = find(&row.ratio).ok_or_else(|| SeedError::UnknownRatio {
                table: table.id.clone(),
                row: row.label.clone(),
                ratio: row.ratio.clone(),
            })?;
            let mut values = Vec::new();
            for (period, published) in periods.iter().zip(&row.values) {
                let exact_value = ratio.evaluate(&statements, *period, &exact);
                let as_published_value = ratio.evaluate(&statements, *period, &as_published);
                reconciliation.push(ReconciledCell::new(
                    &table.id,
                    &row.label,
                    &period.to_string(),
                    *published,
                    table.decimals,
                    exact_value.clone().ok(),
                    as_published_value.ok(),
                ));
                values.push(exact_value);
            }
            rows.push(ReproducedRow {
                label: row.label.clone(),
                ratio: row.ratio.clone(),
                values,
            });
        }
        tables.push(ReproducedTable {
            id: table.id.clone(),
            title: table.title.clone(),
            decimals: table.decimals,
            periods: periods.clone(),
            rows,
        });
    }
    for note in &seed.notes {
        let cell = reconciliation
            .iter_mut()
            .find(|cell| {
                cell.table == note.table && cell.row == note.row && cell.period == note.period
            })
            .ok_or_else(|| SeedError::UnknownNoteCell {
                table: note.table.clone(),
                row: note.row.clone(),
                period: note.period.clone(),
            })?;
        cell.note = Some(note.note.clone());
    }
    Ok(Reproduction {
        statements,
        findings,
        tables,
        reconciliation,
    })
}
