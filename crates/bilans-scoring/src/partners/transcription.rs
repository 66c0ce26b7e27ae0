//! The transcription of seed 000's Tables 1 and 2 (`fixtures/seeds/seed000_partners.toml`)
//! as data, and the shape of their reproduction. The seed module reproduces them and
//! the render module lays them out; both build on this one.

use std::collections::BTreeMap;

use bilans_model::reconcile::ReconciledCell;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::partners::compliance::{ComplianceInput, ComplianceRowInput};
use crate::partners::input::{PanelInput, PartnerInput, ScaleInput};

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
    /// The article's conclusion recomputed: the partner each selection rule picks (by
    /// total and by harmony) and whether the rules agree.
    pub conclusion: Vec<String>,
    /// Observations: vote rows that differ from the panel, and what explains each
    /// cell that is not reproducible.
    pub notes: Vec<String>,
}
