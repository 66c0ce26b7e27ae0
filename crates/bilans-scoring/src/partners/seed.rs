//! The transcription of seed 000's Tables 1 and 2 (`fixtures/seeds/seed000_partners.toml`)
//! and their reproduction: recomputed with the same engine as user input, rendered in
//! the published layout, every published cell reconciled.

use std::collections::BTreeMap;

use bilans_model::reconcile::{ReconciledCell, Status, round_as_printed};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::partners::compliance::{ComplianceInput, ComplianceRowInput, evaluate_compliance};
use crate::partners::error::{InputError, InputLocation};
use crate::partners::input::{PanelInput, PartnerInput, ScaleInput, validate_panel};
use crate::partners::render;
use crate::partners::score::score_panel;

/// The transcribed seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seed000 {
    /// The seed number, `000`.
    pub seed: String,
    /// The source document.
    pub source: String,
    /// Table 1.
    pub table1: Table1,
    /// Table 2.
    pub table2: Table2,
}

/// Table 1: vote counts and published T_i, PT.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table1 {
    /// The caption as printed.
    pub title: String,
    /// The panel size stated in the text.
    pub experts: i64,
    /// The scale.
    pub scale: ScaleInput,
    /// Decimals the table is printed with (trailing zeros dropped in print).
    pub decimals: u32,
    /// The partners' column labels as printed.
    pub partners: Vec<String>,
    /// What each partner is, from the text.
    pub descriptions: Vec<String>,
    /// One row per criterion.
    pub rows: Vec<Table1Row>,
    /// The PT row.
    pub total: PublishedRow,
}

/// One criterion row of Table 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table1Row {
    /// The criterion as printed.
    pub criterion: String,
    /// Vote counts per score 1..5, one list per partner.
    pub votes: Vec<Vec<i64>>,
    /// The published T_i, one per partner.
    pub published: Vec<Decimal>,
}

/// A published totals row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedRow {
    /// The row label as printed.
    pub label: String,
    /// The published values, one per column.
    pub published: Vec<Decimal>,
}

/// Table 2: the compliance matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table2 {
    /// The caption as printed.
    pub title: String,
    /// The models (columns) as printed.
    pub models: Vec<String>,
    /// The indicator rows with their marks as printed.
    pub rows: Vec<ComplianceRowInput>,
    /// The published totals row.
    pub total: PublishedRow,
}

impl Seed000 {
    /// Table 1 as a panel input for the engine (declared-panel divisor, as printed).
    pub fn panel_input(&self) -> PanelInput {
        let table = &self.table1;
        let partners = table
            .partners
            .iter()
            .enumerate()
            .map(|(partner_idx, name)| PartnerInput {
                name: name.clone(),
                description: table.descriptions.get(partner_idx).cloned(),
                votes: table
                    .rows
                    .iter()
                    .filter_map(|row| {
                        Some((row.criterion.clone(), row.votes.get(partner_idx)?.clone()))
                    })
                    .collect(),
                scores: BTreeMap::new(),
            })
            .collect();
        PanelInput {
            title: Some(table.title.clone()),
            experts: table.experts,
            scale: table.scale,
            divisor: Default::default(),
            criteria: table.rows.iter().map(|row| row.criterion.clone()).collect(),
            weights: BTreeMap::new(),
            partners,
            compliance: None,
            monitoring: None,
        }
    }

    /// Table 2 as a compliance input.
    pub fn compliance_input(&self) -> ComplianceInput {
        ComplianceInput {
            models: self.table2.models.clone(),
            rows: self.table2.rows.clone(),
            exclude: Vec::new(),
            weights: BTreeMap::new(),
        }
    }
}

/// The reproduced tables and their reconciliation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reproduction {
    /// Table 1 recomputed, in the published layout (Markdown).
    pub table1: String,
    /// Table 2 recomputed, in the published layout (Markdown).
    pub table2: String,
    /// Every published cell, reconciled.
    pub cells: Vec<ReconciledCell>,
    /// Observations: vote rows that differ from the panel, and what explains each
    /// cell that is not reproducible.
    pub notes: Vec<String>,
}

/// Reproduces Tables 1 and 2 of seed 000.
///
/// # Formula
///
/// Table 1: T_i = Σ P·Q / QΣ with QΣ = 50 (the declared panel, the article's divisor),
/// PT = Σ T_i; exact values are compared with the published ones rounded half away
/// from zero to the printed decimals; PT "with rounded intermediates" is the sum of
/// the recomputed T_i rounded as printed. Table 2: the number of `+` per model.
///
/// # Errors
///
/// A located error when the transcription is not a valid input (a missing partner
/// column, a bad mark, ...).
pub fn reproduce_seed000(seed: &Seed000) -> Result<Reproduction, InputError> {
    let table = &seed.table1;
    for (row_idx, row) in table.rows.iter().enumerate() {
        if row.votes.len() != table.partners.len() || row.published.len() != table.partners.len() {
            return Err(InputError::new(
                InputLocation::Field(format!("table1.rows[{row_idx}]")),
                format!(
                    "needs one `votes` list and one `published` value per partner ({})",
                    table.partners.len()
                ),
            ));
        }
    }
    if table.total.published.len() != table.partners.len() {
        return Err(InputError::new(
            InputLocation::Field("table1.total.published".to_owned()),
            "needs one value per partner",
        ));
    }
    let panel = validate_panel(&seed.panel_input())?;
    let scoring = score_panel(&panel)?;
    let mut cells = Vec::new();
    let mut notes = Vec::new();
    for finding in &scoring.vote_findings {
        notes.push(format!(
            "table 1, {} / partner {}: {} votes cast for a panel of {}; T_i divides by the panel, as the article does",
            finding.criterion, finding.partner, finding.votes_cast, finding.panel
        ));
    }
    for (partner_idx, partner) in scoring.partners.iter().enumerate() {
        let mut rounded_sum = Some(Decimal::ZERO);
        for (row, score) in table.rows.iter().zip(&partner.criteria) {
            let rounded = score
                .score
                .map(|value| round_as_printed(value, table.decimals));
            rounded_sum = rounded_sum.zip(rounded).map(|(sum, value)| sum + value);
            cells.push(ReconciledCell::new(
                "table 1",
                &row.criterion,
                &partner.name,
                row.published[partner_idx],
                table.decimals,
                score.score,
                score.score,
            ));
        }
        let published_total = table.total.published[partner_idx];
        let cell = ReconciledCell::new(
            "table 1",
            &table.total.label,
            &partner.name,
            published_total,
            table.decimals,
            partner.total,
            rounded_sum,
        );
        let printed_sum: Decimal = table
            .rows
            .iter()
            .map(|row| row.published[partner_idx])
            .sum();
        if cell.status == Status::NotReproducible && printed_sum == published_total {
            notes.push(format!(
                "table 1, {} / partner {}: the published total equals the sum of the published T_i ({printed_sum}); \
                 the gap comes from the T_i row(s) that are not reproducible",
                table.total.label, partner.name
            ));
        }
        cells.push(cell);
    }
    let compliance = evaluate_compliance(&seed.compliance_input())?;
    if seed.table2.total.published.len() != compliance.totals.len() {
        return Err(InputError::new(
            InputLocation::Field("table2.total.published".to_owned()),
            "needs one value per model",
        ));
    }
    for (total, published) in compliance.totals.iter().zip(&seed.table2.total.published) {
        cells.push(ReconciledCell::new(
            "table 2",
            &seed.table2.total.label,
            &total.model,
            *published,
            0,
            Some(total.total),
            Some(total.total),
        ));
    }
    for cell in cells
        .iter()
        .filter(|cell| cell.status == Status::NotReproducible)
    {
        if cell.table == "table 1" && cell.row != table.total.label {
            notes.push(format!(
                "table 1, {} / partner {}: published {}, the votes give {} (gap {})",
                cell.row,
                cell.period,
                cell.published,
                cell.exact
                    .map(|value| round_as_printed(value, table.decimals))
                    .unwrap_or_default(),
                cell.gap.unwrap_or_default()
            ));
        }
    }
    Ok(Reproduction {
        table1: render::table1_markdown(table, &scoring),
        table2: render::compliance_markdown(&compliance, &seed.table2.total.label),
        cells,
        notes,
    })
}
