//! The transcription of seed 000's Tables 1 and 2 (`fixtures/seeds/seed000_partners.toml`)
//! as data, and the shape of their reproduction. The seed module reproduces them and
//! the render module lays them out; both build on this one.

use std::collections::BTreeMap;
use std::fmt;

use bilans_model::Lang;
use bilans_model::reconcile::ReconciledCell;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::lang::message;
use crate::partners::compliance::{ComplianceInput, ComplianceRowInput};
use crate::partners::input::{PanelInput, PartnerInput, ScaleInput};
use crate::partners::score::Selection;

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
    /// The selection the conclusion words, for wording it in another language.
    pub selection: Selection,
    /// Observations: vote rows that differ from the panel, and what explains each
    /// cell that is not reproducible.
    pub notes: Vec<Seed000Note>,
}

/// An observation on a published cell of seed 000 that is not reproducible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Seed000Note {
    /// A row whose votes do not add up to the panel: T_i divides by the panel, as the
    /// article does.
    VotesCast {
        /// The criterion.
        row: String,
        /// The partner.
        partner: String,
        /// The votes cast.
        votes: u64,
        /// The panel's size.
        panel: u64,
    },
    /// A published total equals the sum of the published T_i: the gap comes from the
    /// T_i rows that are not reproducible.
    TotalOfPublishedRows {
        /// The total's row label.
        row: String,
        /// The partner.
        partner: String,
        /// The sum of the published T_i.
        sum: Decimal,
    },
    /// A published T_i that the votes do not give.
    VotesDiffer {
        /// The criterion.
        row: String,
        /// The partner.
        partner: String,
        /// The published value.
        published: Decimal,
        /// The value the votes give, rounded as printed.
        votes: Decimal,
        /// The gap.
        gap: Decimal,
    },
}

impl Seed000Note {
    /// The note in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            Seed000Note::VotesCast {
                row,
                partner,
                votes,
                panel,
            } => message(
                lang,
                "partners.note_votes_cast",
                &[
                    ("row", row),
                    ("partner", partner),
                    ("votes", votes),
                    ("panel", panel),
                ],
            ),
            Seed000Note::TotalOfPublishedRows { row, partner, sum } => message(
                lang,
                "partners.note_total",
                &[("row", row), ("partner", partner), ("sum", sum)],
            ),
            Seed000Note::VotesDiffer {
                row,
                partner,
                published,
                votes,
                gap,
            } => message(
                lang,
                "partners.note_votes",
                &[
                    ("row", row),
                    ("partner", partner),
                    ("published", published),
                    ("votes", votes),
                    ("gap", gap),
                ],
            ),
        }
    }
}

impl fmt::Display for Seed000Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}
