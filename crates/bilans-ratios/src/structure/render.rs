//! The Markdown section of the horizontal and vertical analysis.
//!
//! Percentages are the fractions × 100, rounded half away from zero to 2 decimals;
//! changes are exact differences of the amounts as held.

use std::fmt::Write as _;

use bilans_model::reconcile::fixed;
use bilans_model::{Lang, LineItem, Period};
use rust_decimal::Decimal;

use crate::NotComputable;
use crate::lang::{message, text};
use crate::structure::{
    LARGE_CHANGE, MATERIAL_SHARE, Structure, StructureCell, StructureLine, share_totals,
};
use crate::text::markdown_table;

/// The horizontal and vertical analysis as a Markdown section (`## Structure and
/// dynamics`), with the large moves listed and every not-computable value's reason.
pub fn structure_markdown(structure: &Structure) -> String {
    structure_markdown_in(structure, Lang::En)
}

/// [`structure_markdown`] in `lang`: the words in `lang`, and outside English the line
/// items and totals by their names in `lang` rather than by machine name.
pub fn structure_markdown_in(structure: &Structure, lang: Lang) -> String {
    let words = |key: &str| text(lang, &format!("structure.{key}"));
    let not_computable = words("not_computable_short");
    let percent = |fraction: Decimal| match fraction.checked_mul(Decimal::ONE_HUNDRED) {
        Some(percent) => fixed(percent, 2),
        None => words("overflow").to_owned(),
    };
    let mut out = format!("\n## {}\n\n", words("heading"));
    let _ = writeln!(
        out,
        "{}",
        message(
            lang,
            "structure.introduction",
            &[
                ("large", &threshold_text(structure.large_change)),
                ("material", &threshold_text(structure.material_share)),
            ],
        )
    );
    // Periods compared with nothing are left out of the horizontal table.
    let compared = structure.compared_periods();
    let _ = write!(out, "\n### {}\n\n", words("horizontal"));
    let uncompared: Vec<String> = structure
        .periods
        .iter()
        .filter(|period| !compared.contains(period))
        .map(ToString::to_string)
        .collect();
    if !uncompared.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            message(
                lang,
                "structure.uncompared",
                &[("periods", &uncompared.join(", "))],
            )
        );
    }
    if !compared.is_empty() {
        let mut header = vec![words("line_item").to_owned()];
        for period in &compared {
            header.push(message(lang, "structure.change", &[("period", period)]));
            header.push(message(
                lang,
                "structure.change_percent",
                &[("period", period)],
            ));
        }
        let rows: Vec<Vec<String>> = structure
            .lines
            .iter()
            .map(|line| {
                let mut cells = vec![item_name(line.item, lang).to_owned()];
                for period in &compared {
                    let Some(cell) = line.cell(*period) else {
                        cells.extend([String::new(), String::new()]);
                        continue;
                    };
                    let emphasis = |text: String| match cell.large_move {
                        true => format!("**{text}**"),
                        false => text,
                    };
                    cells.push(emphasis(outcome(
                        &cell.change,
                        signed_amount,
                        not_computable,
                    )));
                    cells.push(emphasis(outcome(
                        &cell.relative_change,
                        |value| signed(percent(value)),
                        not_computable,
                    )));
                }
                cells
            })
            .collect();
        out.push_str(&markdown_table(&header, &rows));
    }
    let _ = write!(out, "\n### {}\n\n", words("vertical"));
    let mut header = vec![words("line_item").to_owned(), words("of").to_owned()];
    header.extend(structure.periods.iter().map(ToString::to_string));
    let rows: Vec<Vec<String>> = structure
        .lines
        .iter()
        .map(|line| {
            let mut cells = vec![
                item_name(line.item, lang).to_owned(),
                totals_text(line, lang),
            ];
            cells.extend(
                line.values
                    .iter()
                    .map(|cell| outcome(&cell.share, percent, not_computable)),
            );
            cells
        })
        .collect();
    out.push_str(&markdown_table(&header, &rows));
    let _ = write!(out, "\n{}\n\n", words("large_moves"));
    let mut any = false;
    for (line, cell) in structure.large_moves() {
        any = true;
        let _ = writeln!(out, "- {}", large_move_text(line, cell, &percent, lang));
    }
    if !any {
        let _ = writeln!(out, "- {}", words("none"));
    }
    let reasons = reasons(structure, &compared, lang);
    if !reasons.is_empty() {
        let _ = write!(out, "\n{}\n\n", words("not_computable"));
        out.push_str(&reasons.join("\n"));
        out.push('\n');
    }
    out
}

/// A line item as the section names it: its machine name in English, its name in
/// `lang` otherwise.
fn item_name(item: LineItem, lang: Lang) -> &'static str {
    match lang {
        Lang::En => item.name(),
        _ => item.label_in(lang),
    }
}

/// A threshold fraction as a percentage, exactly: `0.25` is `25 %`, `0.125` is
/// `12.5 %`.
pub fn threshold_text(fraction: Decimal) -> String {
    match fraction.checked_mul(Decimal::ONE_HUNDRED) {
        Some(percent) => format!("{} %", percent.normalize()),
        None => format!("{fraction} × 100 %"),
    }
}

/// `inventories, 2002 (from 2001): +300 (+30.00 %); 12.00 % of total assets`.
fn large_move_text(
    line: &StructureLine,
    cell: &StructureCell,
    percent: &dyn Fn(Decimal) -> String,
    lang: Lang,
) -> String {
    let not_computable = text(lang, "structure.not_computable_short");
    let mut out = format!("{}, {}", item_name(line.item, lang), cell.period);
    if let Some(previous) = cell.compared_with {
        let _ = write!(
            out,
            " ({})",
            message(lang, "structure.from", &[("period", &previous)])
        );
    }
    let _ = write!(
        out,
        ": {}",
        outcome(&cell.change, signed_amount, not_computable)
    );
    if let Ok(relative) = &cell.relative_change {
        let _ = write!(out, " ({} %)", signed(percent(*relative)));
    }
    if let (Ok(share), Some(total)) = (&cell.share, cell.total) {
        let total = match lang {
            Lang::En => total.label(),
            _ => total.label_in(lang),
        };
        let _ = write!(
            out,
            "; {}",
            message(
                lang,
                "structure.share_of_total",
                &[("share", &percent(*share)), ("total", &total)],
            )
        );
    }
    out
}

/// The totals a line's shares are of: machine names in English, names otherwise.
fn totals_text(line: &StructureLine, lang: Lang) -> String {
    let names: Vec<&str> = line
        .totals()
        .iter()
        .map(|total| item_name(*total, lang))
        .collect();
    names.join(", ")
}

/// One line per line item, measure and reason, with the periods it applies to
/// (periods compared with nothing are stated once above the table instead).
fn reasons(structure: &Structure, compared: &[Period], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for line in &structure.lines {
        type Measure = fn(&StructureCell) -> &Result<Decimal, NotComputable>;
        let measures: [(&str, Measure, bool); 3] = [
            ("structure.measure_change", |cell| &cell.change, true),
            (
                "structure.measure_change_percent",
                |cell| &cell.relative_change,
                true,
            ),
            ("structure.measure_share", |cell| &cell.share, false),
        ];
        for (key, measure, horizontal) in measures {
            let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
            for cell in &line.values {
                if horizontal && !compared.contains(&cell.period) {
                    continue;
                }
                let Err(reason) = measure(cell) else { continue };
                let reason = reason.text(lang);
                match grouped.iter_mut().find(|(existing, _)| *existing == reason) {
                    Some((_, periods)) => periods.push(cell.period.to_string()),
                    None => grouped.push((reason, vec![cell.period.to_string()])),
                }
            }
            for (reason, periods) in grouped {
                out.push(format!(
                    "- {} {} ({}): {reason}",
                    item_name(line.item, lang),
                    text(lang, key),
                    periods.join(", ")
                ));
            }
        }
    }
    out
}

fn outcome(
    value: &Result<Decimal, NotComputable>,
    show: impl Fn(Decimal) -> String,
    not_computable: &str,
) -> String {
    match value {
        Ok(value) => show(*value),
        Err(_) => not_computable.to_owned(),
    }
}

/// An exact difference of amounts with its sign: `+300`, `-12.5`, `0`.
fn signed_amount(value: Decimal) -> String {
    signed(value.normalize().to_string())
}

/// A number with an explicit sign, except zero: `+0.01`, `-0.01`, `0.00`.
fn signed(text: String) -> String {
    let zero = text.chars().all(|character| "0.".contains(character));
    if text.starts_with('-') || zero {
        text
    } else {
        format!("+{text}")
    }
}

/// The definitions of the horizontal and vertical analysis (`docs/structure.md`),
/// with the thresholds and every line's total generated from the code.
pub fn structure_document() -> String {
    let percent =
        |fraction: Decimal| format!("{} %", (fraction * Decimal::ONE_HUNDRED).normalize());
    let mut out = String::from(
        "<!-- generated from crates/bilans-ratios/src/structure.rs; do not edit: BILANS_UPDATE=1 cargo test -p bilans-tests rewrites it -->\n\n# Structure and dynamics (horizontal and vertical analysis)\n\n",
    );
    out.push_str(DOCUMENT_INTRODUCTION);
    let _ = write!(
        out,
        "\n## Large moves\n\n\
         A change is flagged as a large move when both hold:\n\n\
         - its size is at least {large} of the earlier amount's size, |change| ≥ {large_fraction} × |earlier amount|, and it is not zero (a line that appears from zero counts; so does a change from a negative amount, measured against the negative amount's size);\n\
         - the line is at least {material} of its total, in absolute value, in the period or in the comparison period (a line that falls from a tenth of the assets to nothing counts).\n\n\
         A change that is not computable, or a line with no share in either period, is never flagged.\n\
         Both thresholds are bilans's convention, not a published standard: a quarter is a change an analyst looks at on any line, and a line under a twentieth of its total moves by large percentages without weighing on the whole.\n\
         They are `LARGE_CHANGE` ({large_fraction}) and `MATERIAL_SHARE` ({material_fraction}) in `bilans_ratios::structure`, and the JSON output carries them (`structure.large_change`, `structure.material_share`).\n\
         The workbook's highlight is bilans's flag when it was written: it does not follow later edits of the Statements sheet, while the formulas do.\n",
        large = percent(LARGE_CHANGE),
        large_fraction = LARGE_CHANGE,
        material = percent(MATERIAL_SHARE),
        material_fraction = MATERIAL_SHARE,
    );
    out.push_str(DOCUMENT_OUTPUT);
    out.push_str("\n## The total of each line\n\n");
    out.push_str(
        "Generated from the line-item table: the first total listed that the statements hold in a period is the one used.\n\n",
    );
    let header = vec![
        "Line item".to_owned(),
        "Statement".to_owned(),
        "Share of".to_owned(),
    ];
    let rows: Vec<Vec<String>> = LineItem::ALL
        .into_iter()
        .filter(|item| !share_totals(*item).is_empty())
        .map(|item| {
            let totals: Vec<String> = share_totals(item)
                .iter()
                .map(|total| format!("`{}`", total.name()))
                .collect();
            vec![
                format!("`{}`", item.name()),
                item.statement().label().to_owned(),
                totals.join(", else "),
            ]
        })
        .collect();
    out.push_str(&markdown_table(&header, &rows));
    out
}

const DOCUMENT_INTRODUCTION: &str = "\
Every statement line bilans holds (market data aside) gets, per period, its change from a comparison period (horizontal analysis, dynamics) and its share of its statement's total (vertical analysis, structure), as every Russian, Polish and Ukrainian analysis tool opens with (горизонтальный и вертикальный анализ, analiza pozioma i pionowa, горизонтальний і вертикальний аналіз).
The amounts are the statements' own, as the Statements sheet shows them: never averaged, never annualised (the ratio options `--basis` and `--annualise` do not apply).
Deductions (costs, outflows, own shares) are held positive, so a cost that grows has a positive change.
Values are exact decimals; the Markdown report rounds percentages half away from zero to 2 decimals, and the workbook shows them to 2 decimals of a per cent.

## Comparison period

- A flow (an income-statement or cash-flow line) is compared with the previous period of the same length: 2024 with 2023, 2024Q2 with 2024Q1, H2 2024 with H1 2024.
  Nine months have no previous nine months, and a first quarter has no previous quarter unless the statements hold the last quarter of the year before.
- A balance (a balance-sheet line; cash at the beginning and at the end) is compared with the balance at the period's opening date: the previous period when the statements hold it, otherwise any period they hold that ends that day (a balance date, a year whose last quarter ends then), preferring one that holds the line.
  So the half-year and the nine months of 2024 are compared with the balance at 31 December 2023.
- A balance date (a column of balances with no duration) is compared with the latest earlier date the statements hold a period ending on.
- With no such period, the change is `n/c: no previous period: the change needs the period before …`; the Markdown report and the Horizontal sheet leave out a period in which no line has a comparison period (the first, usually) and say so.

## Definitions

- **Change** = amount − amount in the comparison period.
- **Relative change** = change / amount in the comparison period, a fraction (0.25 is 25 %; shown as %).
- **Share** = amount / the total in the same period, a fraction (shown as %).

Not computable, with the reason:

- the line is missing in the period or in the comparison period (`n/c: inventories is missing in 2003`);
- the relative change from a zero amount (`n/c: division by zero: inventories is 0 in 2002`);
- the relative change from a negative amount (`n/c: not meaningful: net income is -5202 in 2001 (must be positive)`): a change from a loss to a profit has no meaningful percentage, and dividing by the negative amount would give it the wrong sign;
- the share when the total is missing, zero or negative (`n/c: revenue is missing in 2003`).

## Totals

- Assets (the lines whose chain of parents reaches total assets) over **total assets**.
- Equity and liabilities (the lines whose chain reaches total equity and liabilities, and non-controlling interests, which have no parent in the line-item table) over **total equity and liabilities**; where the statements do not give it (seed 004 does not), over **total assets**, which the balance-sheet identity makes equal (the Checks sheet reports a break when both are given and differ).
- Income-statement lines over **revenue**, the common-size income statement.
- Cash-flow lines over **revenue** too.
  Of the two common-size cash-flow statements of the CFA Institute curriculum (each inflow or outflow over total inflows or outflows, or each line over net revenue; secondary summaries: https://zheli.com.au/ratios-and-common-size-analysis-2, https://365financialanalyst.com/knowledge-hub/accounting/what-is-a-common-size-cash-flow-statement/), only the second can be computed from statements by the indirect method, which have no total of inflows.
  Operating cash flow or the net change in cash would be a poor base: either can be negative or near zero, and they are results, not totals, of the lines beside them.
  A cash-flow line over revenue reads as \"so many cents of each unit of sales\", as the cash-flow margin does.
- Market data (market capitalisation, shares outstanding) are not statement lines and are left out.
";

const DOCUMENT_OUTPUT: &str = "
## Where it appears

- JSON: `structure` of the analysis: `large_change`, `material_share`, `periods`, and `lines`, one per line item (`item`, `statement`, `values`), each value with `period`, `amount`, `compared_with`, `change`, `relative_change`, `total`, `share` (each `{\"value\": …}` or `{\"not_computable\": {\"reason\": …, \"text\": …}}`) and `large_move`.
- Markdown: the section \"Structure and dynamics\" after the statements: the horizontal table (large moves in bold), the vertical table with each line's total, the list of large moves, and every reason a value is not computable.
- Workbook: the **Horizontal** sheet (per period the change and the change in %; large moves highlighted) and the **Vertical** sheet (per period the share; the total it is of), after the Statements sheet, each line on the same row as on the Statements sheet.
  Every value is a live formula over the Statements sheet (`='Statements'!$D$5-'Statements'!$C$5`, `=('Statements'!$D$5-'Statements'!$C$5)/'Statements'!$C$5`, `='Statements'!$D$5/'Statements'!$D$3`) with bilans's value cached; a value that is not computable is the text `n/c: reason`.
- CSV (`--format csv`) lists ratios only, and the panel workbook (`--panel`) has no structure sheets: a panel's company sheet would need three more formulas per line and period, for a thousand companies; the panel's JSON carries the structure of every company.
";
