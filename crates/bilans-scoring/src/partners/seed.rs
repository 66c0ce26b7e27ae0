//! The reproduction of seed 000's Tables 1 and 2 from their transcription
//! (`fixtures/seeds/seed000_partners.toml`): recomputed with the same engine as user
//! input, rendered in the published layout, every published cell reconciled.

use bilans_model::reconcile::{ReconciledCell, Status, round_as_printed};
use rust_decimal::Decimal;

use crate::lang::Words;
use crate::partners::compliance::evaluate_compliance;
use crate::partners::error::{InputError, InputLocation};
use crate::partners::input::validate_panel;
use crate::partners::render;
use crate::partners::score::score_panel;
use crate::partners::transcription::{Reproduction, Seed000, Seed000Note};

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
                Words::new(
                    "partners_input.seed_row",
                    &[("partners", &table.partners.len())],
                ),
            ));
        }
    }
    if table.total.published.len() != table.partners.len() {
        return Err(InputError::new(
            InputLocation::Field("table1.total.published".to_owned()),
            Words::new("partners_input.seed_total", &[]),
        ));
    }
    let panel = validate_panel(&seed.panel_input())?;
    let scoring = score_panel(&panel)?;
    let mut cells = Vec::new();
    let mut notes = Vec::new();
    for finding in &scoring.vote_findings {
        notes.push(Seed000Note::VotesCast {
            row: finding.criterion.clone(),
            partner: finding.partner.clone(),
            votes: finding.votes_cast,
            panel: finding.panel,
        });
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
            notes.push(Seed000Note::TotalOfPublishedRows {
                row: table.total.label.clone(),
                partner: partner.name.clone(),
                sum: printed_sum,
            });
        }
        cells.push(cell);
    }
    let compliance = evaluate_compliance(&seed.compliance_input())?;
    if seed.table2.total.published.len() != compliance.totals.len() {
        return Err(InputError::new(
            InputLocation::Field("table2.total.published".to_owned()),
            Words::new("partners_input.seed_total_models", &[]),
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
            notes.push(Seed000Note::VotesDiffer {
                row: cell.row.clone(),
                partner: cell.period.clone(),
                published: cell.published,
                votes: cell
                    .exact
                    .map(|value| round_as_printed(value, table.decimals))
                    .unwrap_or_default(),
                gap: cell.gap.unwrap_or_default(),
            });
        }
    }
    Ok(Reproduction {
        table1: render::table1_markdown(table, &scoring),
        table2: render::compliance_markdown(&compliance, &seed.table2.total.label),
        cells,
        conclusion: render::selection_lines(&scoring.selection),
        selection: scoring.selection.clone(),
        notes,
    })
}
