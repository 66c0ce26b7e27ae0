//! Reproduction of seed 002's Table 7 and A/B example from their transcription, with
//! every published cell reconciled, and Table 8 read as data.
//!
//! The transcription is `fixtures/seeds/seed002_working_capital.toml`. Table 7's
//! printed inputs (revenue, net result of operating investments, current and fixed
//! assets) become statements, one period per column; total assets come from the
//! model's identity (fixed + current assets) and the two percentages from catalogue
//! ratios. The A/B example goes through [`supplier_deferral`].

use bilans_model::reconcile::ReconciledCell;
use bilans_model::{Entity, Lang, LineItem, Period, Scale, Sign, Statements, Unit, identities};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::lang::messages;
use crate::working_capital::WorkingCapitalError;
use crate::working_capital::policy::{AssetPolicy, CombinedPolicy, Policy, combined_policy};
use crate::working_capital::statements::{WorkingCapitalConfig, assess_policies};
use crate::working_capital::trade_credit::{DeferralInput, DeferralResult, supplier_deferral};
use crate::{EvalConfig, NotComputable, Rounding, find};

/// The transcribed seed.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct PublishedSeed002 {
    /// `002`.
    pub seed: String,
    /// The section's title in English.
    pub title: String,
    /// Currency code.
    pub currency: String,
    /// Table 7.
    pub table7: Table7,
    /// Table 8.
    pub table8: Table8,
    /// The A/B example.
    pub example: ExampleAb,
}

/// Table 7 as printed.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Table7 {
    /// `table 7`.
    pub id: String,
    /// The seed's caption.
    pub title: String,
    /// Scale of the amounts.
    pub scale: Scale,
    /// The columns (policies) in printed order.
    pub columns: Vec<Table7Column>,
    /// The rows printed as inputs.
    pub inputs: Vec<Table7Input>,
    /// The rows printed as results.
    pub published: Vec<Table7Published>,
}

/// A column of Table 7.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Table7Column {
    /// The seed's heading.
    pub label: String,
    /// The policy the column illustrates.
    pub policy: Policy,
}

/// An input row of Table 7.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Table7Input {
    /// The seed's label.
    pub label: String,
    /// The line item.
    pub item: LineItem,
    /// One value per column.
    pub values: Vec<Decimal>,
}

/// A result row of Table 7: either an item derived by an identity or a catalogue ratio.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Table7Published {
    /// The seed's label.
    pub label: String,
    /// An item derived from the inputs by the model's identity.
    #[serde(default)]
    pub item: Option<LineItem>,
    /// A catalogue ratio.
    #[serde(default)]
    pub ratio: Option<String>,
    /// Whether the seed prints the ratio × 100.
    #[serde(default)]
    pub percent: bool,
    /// Printed decimals.
    pub decimals: u32,
    /// One printed value per column.
    pub values: Vec<Decimal>,
}

/// Table 8 as printed.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Table8 {
    /// `table 8`.
    pub id: String,
    /// The seed's caption.
    pub title: String,
    /// The column headings (current-asset policies).
    pub column_labels: Vec<String>,
    /// The current-asset policy of each column.
    pub columns: Vec<Policy>,
    /// The rows (current-liability policies).
    pub rows: Vec<Table8Row>,
}

/// A row of Table 8.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Table8Row {
    /// The seed's heading.
    pub label: String,
    /// The current-liability policy of the row.
    pub liability_policy: Policy,
    /// The printed cells.
    pub cells: Vec<String>,
}

/// The A/B example.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ExampleAb {
    /// `example A/B`.
    pub id: String,
    /// A caption.
    pub title: String,
    /// Scale of the amounts.
    pub scale: Scale,
    /// Months of deferral given to clients.
    pub client_deferral_months: Decimal,
    /// Months of deferral obtained from suppliers.
    pub supplier_deferral_months: Decimal,
    /// The firms.
    pub firms: Vec<ExampleFirm>,
}

/// One firm of the A/B example, with its printed figures.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ExampleFirm {
    /// `A` or `B`.
    pub name: String,
    /// The seed's name.
    pub label: String,
    /// Average monthly turnover.
    pub monthly_turnover: Decimal,
    /// Monthly consumption of raw materials (bought on supplier credit).
    pub monthly_raw_materials: Decimal,
    /// Printed client receivables.
    pub published_receivables: Decimal,
    /// Printed supplier credit.
    pub published_payables: Decimal,
    /// Printed receivables not covered by supplier credit.
    pub published_uncovered_receivables: Decimal,
    /// Printed months of supplier deferral per month of client deferral.
    pub published_supplier_to_client_deferral_ratio: Decimal,
    /// The printed range of supplier deferral (months) the seed advises for negative
    /// financial-operating needs.
    pub published_negative_needs_deferral_months: [Decimal; 2],
}

/// The reproduction.
#[derive(Debug, Clone, Serialize)]
pub struct Reproduction002 {
    /// Table 7 recomputed.
    pub table7: Table7Reproduction,
    /// The A/B example recomputed.
    pub example: Vec<FirmReproduction>,
    /// Table 8: each printed cell against the library's matrix.
    pub table8: Vec<Table8Cell>,
    /// Every published cell of Table 7 and the example, reconciled.
    pub reconciliation: Vec<ReconciledCell>,
}

/// Table 7 recomputed.
#[derive(Debug, Clone, Serialize)]
pub struct Table7Reproduction {
    /// The caption.
    pub title: String,
    /// The column headings.
    pub columns: Vec<String>,
    /// The statements, one period per column (the period is only an index).
    pub statements: Statements,
    /// Input rows: label and values as given.
    pub inputs: Vec<(String, Vec<Decimal>)>,
    /// Result rows, recomputed.
    pub results: Vec<Table7ResultRow>,
    /// Per column: the policy the seed names and the one bilans classifies with the
    /// default bands.
    pub policies: Vec<(Policy, Result<AssetPolicy, NotComputable>)>,
}

/// A result row of Table 7, recomputed.
#[derive(Debug, Clone, Serialize)]
pub struct Table7ResultRow {
    /// The seed's label.
    pub label: String,
    /// Printed decimals.
    pub decimals: u32,
    /// Exact values per column.
    pub values: Vec<Result<Decimal, NotComputable>>,
}

/// One firm of the example recomputed.
#[derive(Debug, Clone, Serialize)]
pub struct FirmReproduction {
    /// `A` or `B`.
    pub name: String,
    /// The seed's name.
    pub label: String,
    /// The computation.
    pub result: DeferralResult,
    /// The seed's advised range for negative needs.
    pub advised_range_months: [Decimal; 2],
    /// Whether the advised range lies above the computed threshold, as it must.
    pub advised_range_is_above_threshold: bool,
}

/// One cell of Table 8.
#[derive(Debug, Clone, Serialize)]
pub struct Table8Cell {
    /// The row's current-liability policy.
    pub liability_policy: Policy,
    /// The column's current-asset policy.
    pub asset_policy: Policy,
    /// The cell as printed.
    pub printed: String,
    /// What the printed cell means.
    pub printed_meaning: CombinedPolicy,
    /// What the library's matrix says.
    pub library: CombinedPolicy,
}

/// What a printed cell of Table 8 means: `Не сочетается` (not compatible) or
/// `<policy> ПКОУ`.
///
/// # Errors
///
/// [`WorkingCapitalError::Transcription`] for any other text.
pub fn table8_cell_meaning(printed: &str) -> Result<CombinedPolicy, WorkingCapitalError> {
    let text = printed.trim();
    if text == "Не сочетается" {
        return Ok(CombinedPolicy::NotCompatible);
    }
    let policy = match text.strip_suffix("ПКОУ").map(str::trim) {
        Some("Консервативная") => Policy::Conservative,
        Some("Умеренная") => Policy::Moderate,
        Some("Агрессивная") => Policy::Aggressive,
        _ => {
            return Err(WorkingCapitalError::Transcription {
                table: "table 8".to_owned(),
                message: format!("cannot read the cell `{printed}`"),
            });
        }
    };
    Ok(CombinedPolicy::Compatible(policy))
}

/// Recomputes Table 7 and the A/B example, reconciles every published cell, and
/// checks Table 8 against the library's matrix.
///
/// # Errors
///
/// [`WorkingCapitalError::Transcription`] when the transcription is inconsistent (row
/// lengths, unknown ratios, unreadable Table 8 cells); other variants when the example's
/// figures are outside the calculator's domain.
pub fn reproduce(seed: &PublishedSeed002) -> Result<Reproduction002, WorkingCapitalError> {
    let mut reconciliation = Vec::new();
    let table7 = reproduce_table7(seed, &mut reconciliation)?;
    let example = reproduce_example(&seed.example, &mut reconciliation)?;
    let table8 = read_table8(&seed.table8)?;
    Ok(Reproduction002 {
        table7,
        example,
        table8,
        reconciliation,
    })
}

fn transcription(table: &str, message: String) -> WorkingCapitalError {
    WorkingCapitalError::Transcription {
        table: table.to_owned(),
        message,
    }
}

fn column_period(index: usize) -> Period {
    Period::year(i32::try_from(index).unwrap_or(i32::MAX).saturating_add(1))
}

fn reproduce_table7(
    seed: &PublishedSeed002,
    reconciliation: &mut Vec<ReconciledCell>,
) -> Result<Table7Reproduction, WorkingCapitalError> {
    let table = &seed.table7;
    let n_columns = table.columns.len();
    let check_length = |label: &str, found: usize| {
        if found == n_columns {
            return Ok(());
        }
        Err(transcription(
            &table.id,
            format!("row `{label}`: {found} values for {n_columns} columns"),
        ))
    };
    let mut statements = Statements::new(
        Entity::company("Table 7"),
        Unit {
            scale: table.scale,
            currency: seed.currency.clone(),
        },
    );
    for row in &table.inputs {
        check_length(&row.label, row.values.len())?;
        for (index, value) in row.values.iter().enumerate() {
            statements.set(column_period(index), row.item, *value);
        }
    }
    let exact_config = EvalConfig::default();
    let mut results = Vec::new();
    for row in &table.published {
        check_length(&row.label, row.values.len())?;
        let as_published_config = EvalConfig {
            rounding: Rounding::Intermediates {
                decimals: row.decimals,
            },
            ..exact_config
        };
        let mut values = Vec::new();
        for (index, (column, published)) in table.columns.iter().zip(&row.values).enumerate() {
            let period = column_period(index);
            let (exact, as_published) = match (&row.item, &row.ratio) {
                (Some(item), None) => {
                    let derived = derive_item(&statements, *item, period).ok_or_else(|| {
                        transcription(
                            &table.id,
                            format!(
                                "row `{}`: no identity derives {} from the inputs",
                                row.label,
                                item.name()
                            ),
                        )
                    })?;
                    (Ok(derived), Ok(derived))
                }
                (None, Some(id)) => {
                    let ratio = find(id).ok_or_else(|| {
                        transcription(
                            &table.id,
                            format!("row `{}`: unknown ratio `{id}`", row.label),
                        )
                    })?;
                    let scale = |value: Decimal| {
                        if row.percent {
                            value
                                .checked_mul(Decimal::ONE_HUNDRED)
                                .ok_or(NotComputable::Overflow)
                        } else {
                            Ok(value)
                        }
                    };
                    (
                        ratio
                            .evaluate(&statements, period, &exact_config)
                            .and_then(scale),
                        ratio
                            .evaluate(&statements, period, &as_published_config)
                            .and_then(scale),
                    )
                }
                _ => {
                    return Err(transcription(
                        &table.id,
                        format!(
                            "row `{}`: give exactly one of `item` and `ratio`",
                            row.label
                        ),
                    ));
                }
            };
            reconciliation.push(ReconciledCell::new(
                &table.id,
                &row.label,
                &column.label,
                *published,
                row.decimals,
                exact.clone().ok(),
                as_published.ok(),
            ));
            if let (Some(item), Ok(value)) = (row.item, &exact) {
                statements.set(period, item, *value);
            }
            values.push(exact);
        }
        results.push(Table7ResultRow {
            label: row.label.clone(),
            decimals: row.decimals,
            values,
        });
    }
    // The default bands classify by the current-asset share alone.
    let config = WorkingCapitalConfig::default();
    let policies = table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let assessment = assess_policies(&statements, column_period(index), &config);
            (column.policy, assessment.assets)
        })
        .collect();
    Ok(Table7Reproduction {
        title: table.title.clone(),
        columns: table
            .columns
            .iter()
            .map(|column| column.label.clone())
            .collect(),
        inputs: table
            .inputs
            .iter()
            .map(|row| (row.label.clone(), row.values.clone()))
            .collect(),
        results,
        statements,
        policies,
    })
}

/// The value of `item` as the signed sum of the parts of its first identity that the
/// statements give, the parts not given counting as zero (the seed's Table 7 derives
/// total assets as fixed + current assets).
fn derive_item(statements: &Statements, item: LineItem, period: Period) -> Option<Decimal> {
    identities()
        .iter()
        .filter(|identity| identity.total == item)
        .find_map(|identity| {
            let mut sum: Option<Decimal> = None;
            for part in &identity.parts {
                let Some(value) = statements.get(period, part.item) else {
                    continue;
                };
                let before = sum.unwrap_or(Decimal::ZERO);
                sum = Some(match part.sign {
                    Sign::Add => before.checked_add(value)?,
                    Sign::Subtract => before.checked_sub(value)?,
                });
            }
            sum
        })
}

/// The message keys of the rows of the A/B example's reconciled cells: the cells hold
/// the English row (as the JSON reconciliation does), a report in another language
/// words it from the same key ([`example_row_in`]).
const EXAMPLE_ROWS: [&str; 4] = [
    "render.seed002.row_receivables",
    "render.seed002.row_payables",
    "render.seed002.row_uncovered",
    "render.seed002.row_deferral_ratio",
];

/// A reconciled cell's row in `lang`: the A/B example's rows, which bilans names, in
/// `lang`; a published row as printed.
pub fn example_row_in(row: &str, lang: Lang) -> &str {
    EXAMPLE_ROWS
        .iter()
        .find(|key| messages().get(Lang::En, key) == row)
        .map_or(row, |key| messages().get(lang, key))
}

fn reproduce_example(
    example: &ExampleAb,
    reconciliation: &mut Vec<ReconciledCell>,
) -> Result<Vec<FirmReproduction>, WorkingCapitalError> {
    let mut firms = Vec::new();
    for firm in &example.firms {
        let result = supplier_deferral(&DeferralInput {
            monthly_turnover: firm.monthly_turnover,
            monthly_purchases: firm.monthly_raw_materials,
            client_deferral_months: example.client_deferral_months,
            supplier_deferral_months: example.supplier_deferral_months,
            inventories: Decimal::ZERO,
        })?;
        let cells = [
            (
                EXAMPLE_ROWS[0],
                firm.published_receivables,
                result.receivables,
            ),
            (EXAMPLE_ROWS[1], firm.published_payables, result.payables),
            (
                EXAMPLE_ROWS[2],
                firm.published_uncovered_receivables,
                result.uncovered_receivables,
            ),
            (
                EXAMPLE_ROWS[3],
                firm.published_supplier_to_client_deferral_ratio,
                result.supplier_to_client_deferral_ratio,
            ),
        ];
        for (key, published, exact) in cells {
            let decimals = published.scale();
            reconciliation.push(ReconciledCell::new(
                &example.id,
                messages().get(Lang::En, key),
                &firm.name,
                published,
                decimals,
                Some(exact),
                Some(exact),
            ));
        }
        let [low, _] = firm.published_negative_needs_deferral_months;
        firms.push(FirmReproduction {
            name: firm.name.clone(),
            label: firm.label.clone(),
            result,
            advised_range_months: firm.published_negative_needs_deferral_months,
            advised_range_is_above_threshold: result.negative_needs_threshold_months < low,
        });
    }
    Ok(firms)
}

fn read_table8(table: &Table8) -> Result<Vec<Table8Cell>, WorkingCapitalError> {
    let mut cells = Vec::new();
    for row in &table.rows {
        if row.cells.len() != table.columns.len() {
            return Err(transcription(
                &table.id,
                format!(
                    "row `{}`: {} cells for {} columns",
                    row.label,
                    row.cells.len(),
                    table.columns.len()
                ),
            ));
        }
        for (asset_policy, printed) in table.columns.iter().zip(&row.cells) {
            cells.push(Table8Cell {
                liability_policy: row.liability_policy,
                asset_policy: *asset_policy,
                printed: printed.clone(),
                printed_meaning: table8_cell_meaning(printed)?,
                library: combined_policy(*asset_policy, row.liability_policy),
            });
        }
    }
    Ok(cells)
}
