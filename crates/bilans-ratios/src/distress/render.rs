//! `docs/distress.md` (the index) and `docs/distress/<family>.md` (one page per
//! family), generated from the model table.

use std::fmt::Write as _;

use crate::distress::{AtCutoff, Direction, DistressModel, Family, Zones, models};

/// The distress models' index as Markdown (`docs/distress.md`): the conventions,
/// every model with its family page, and what is not implemented.
pub fn distress_markdown() -> String {
    let mut out = format!("{GENERATED}\n\n# Distress (bankruptcy) models\n\n");
    out.push_str(INTRODUCTION);
    out.push_str("\n| Family | Model | Id |\n| --- | --- | --- |\n");
    for model in models() {
        let family = model.family;
        let _ = writeln!(
            out,
            "| [{}](distress/{}.md) | {} | `{}` |",
            family.label(),
            family.slug(),
            model.name,
            model.id
        );
    }
    out.push_str(NOT_IMPLEMENTED);
    out
}

/// One page per family (`docs/distress/<family>.md`): per model its formula,
/// coefficients, variables over line items, zones, primary source and the
/// disagreements between sources with the choice made.
pub fn distress_family_pages() -> Vec<(String, String)> {
    let mut families: Vec<Family> = models().iter().map(|model| model.family).collect();
    families.dedup();
    families
        .into_iter()
        .map(|family| {
            let mut out = format!(
                "{GENERATED}\n\n# {}\n\nThe conventions every model follows are in \
                 [the index](../distress.md).\n\n",
                family.label()
            );
            for model in models().iter().filter(|model| model.family == family) {
                model_section(&mut out, model);
            }
            (format!("docs/distress/{}.md", family.slug()), out)
        })
        .collect()
}

const GENERATED: &str = "<!-- generated from the distress model table (crates/bilans-ratios/src/distress/models.rs); do not edit: BILANS_UPDATE=1 cargo test -p bilans-tests rewrites it -->";

const INTRODUCTION: &str = "\
Each model is one entry of a table: its variables as expressions over line items and catalogue ratios (see [ratios.md](ratios.md) and [line_items.md](line_items.md)), its coefficients as exact decimals, its constant, its zones and its primary source.
The score is the constant plus each coefficient times its variable, in exact decimal arithmetic.
A model whose input is missing is not computable, naming every variable that lacks an input and the line items they need (`X4 needs market capitalisation: …`, `X2 and X4 need retained earnings and market capitalisation: …`); there is never a partial score.
A score beyond the decimal range is not computable (overflow), never a panic.
Balance-sheet items use the evaluation's basis (year-end by default) unless a variable is defined on average balances, as Hołda's and Saifullin–Kadykov's turnover variables are.

Conventions:

- The Polish \"zysk brutto\" is profit before tax, not gross profit (\"zysk brutto ze sprzedaży\").
- EBIT is the catalogue's: profit before tax + interest expense (else financial costs).
- Total liabilities is the catalogue's: the statement's total, else total equity and liabilities − equity, else long-term + current liabilities.
- Where a source leaves a boundary open on both sides (`0 < W < 1`, `1 < W < 2`), the boundary belongs to the zone above it; where a closed range meets \"more than\" (Altman's 1.81–2.99 and `Z > 2.99`), the boundary belongs to the closed range.
  Each model's zones below state it.
- Bibliographic details of the primary sources are from secondary literature; the coefficients were compared across the implementations listed in the project's anchors, and none of the primary texts was available to check them against.
";

const NOT_IMPLEMENTED: &str = "
## Not implemented

- Beaver (1966): descriptive, no score (five ratios against group profiles whose values are unverified).
- Lis (1972), Matviychuk, the Ukrainian Ministry of Economy method: coefficients or thresholds not retrieved.
- Mączyńska–Zawadzki (INE PAN), Wierzba (2000), Jagiełło, Wilcox–Gambler, Prusak BP1/1r/2l, Savitskaya, Chupis, the Russian two-factor Altman: each in one implementation only or from memory, without a primary source to check.
";

fn model_section(out: &mut String, model: &DistressModel) {
    let _ = writeln!(out, "### {} (`{}`)\n", model.name, model.id);
    let _ = writeln!(out, "`{}`\n", model.score_text());
    out.push_str("| Variable | Coefficient | Definition |\n| --- | ---: | --- |\n");
    if !model.constant.is_zero() {
        let _ = writeln!(out, "| constant | {} | |", model.constant);
    }
    for term in &model.terms {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            term.variable.symbol,
            term.coefficient,
            term.variable.formula_text()
        );
    }
    let derived = model.derived_amounts();
    if !derived.is_empty() {
        out.push_str("\nCatalogue amounts used:\n\n");
        for id in derived {
            let _ = writeln!(out, "- {} = {}", id.label(), id.ratio().formula_text());
        }
    }
    let direction = match model.direction {
        Direction::HigherIsSafer => "a higher score is sounder",
        Direction::HigherIsRiskier => "a higher score is riskier",
    };
    let _ = writeln!(out, "\nZones ({direction}):\n");
    match &model.zones {
        Zones::Ladder { cutoffs, names } => {
            for (index, name) in names.iter().enumerate() {
                let lower = index.checked_sub(1).and_then(|below| cutoffs.get(below));
                let upper = cutoffs.get(index);
                let range = match (lower, upper) {
                    (None, Some(upper)) => {
                        format!("{} {}", upper_sign(upper.at_cutoff), upper.value)
                    }
                    (Some(lower), None) => {
                        format!("{} {}", lower_sign(lower.at_cutoff), lower.value)
                    }
                    (Some(lower), Some(upper)) => format!(
                        "{} {} and {} {}",
                        lower_sign(lower.at_cutoff),
                        lower.value,
                        upper_sign(upper.at_cutoff),
                        upper.value
                    ),
                    (None, None) => "any score".to_owned(),
                };
                let _ = writeln!(out, "- {} {range}: {name}", model.symbol);
            }
        }
        Zones::PreviousPeriodNorm {
            constant,
            coefficient,
            variable,
            at_or_below,
            above,
        } => {
            let norm = format!(
                "{constant} + {coefficient} × ({}, previous period)",
                variable.to_text()
            );
            let _ = writeln!(out, "- {} ≤ {norm}: {at_or_below}", model.symbol);
            let _ = writeln!(out, "- {} > {norm}: {above}", model.symbol);
        }
    }
    let _ = writeln!(out, "\nSource: {}\n", model.source);
    if !model.disagreements.is_empty() {
        out.push_str("Where sources disagree, and the choice made:\n\n");
        for disagreement in model.disagreements {
            let _ = writeln!(out, "- {disagreement}");
        }
        out.push('\n');
    }
}

/// The comparison of a score with a cut-off above it.
fn upper_sign(at_cutoff: AtCutoff) -> &'static str {
    match at_cutoff {
        AtCutoff::Above => "<",
        AtCutoff::Below => "≤",
    }
}

/// The comparison of a score with a cut-off below it.
fn lower_sign(at_cutoff: AtCutoff) -> &'static str {
    match at_cutoff {
        AtCutoff::Above => "≥",
        AtCutoff::Below => ">",
    }
}
