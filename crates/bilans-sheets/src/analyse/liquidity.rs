//! The Liquidity and Stability sheets: the balance-liquidity groups A1–A4 and P1–P4
//! with the four conditions and the verdict, the three-component stability indicator
//! with its type, and net assets against share capital. Every amount is a live formula
//! over the Statements sheet (from the group's one definition in
//! `bilans_ratios::liquidity`), every surplus, condition and verdict a formula over
//! those cells, each with the value bilans computed cached; what is not computable is
//! `n/c: reason`. Conditions are 1 (holds) or 0 (fails), shown as words by their
//! number format, so that they recalculate as numbers.

use bilans_model::{Lang, LineItem, Period};
use bilans_ratios::analysis::Analysis;
use bilans_ratios::liquidity::net_assets::{Coverage, NetAssetsPeriod};
use bilans_ratios::liquidity::stability::{SOURCES, amounts};
use bilans_ratios::liquidity::{CONDITIONS, Relation, balance_config, groups};
use bilans_ratios::{CellRefs, EvalConfig, Expr, NotComputable, RatioUnit};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::analyse::{Formats, Layout, period_header, write_header};
use crate::cells::{a1, fit_cell_text, write_computed_in};
use crate::lang::{Sheet, message, sheet_name_in, text};

/// The liquidity sheet's name.
pub const LIQUIDITY: &str = "Liquidity";
/// The stability sheet's name (the stability type and net assets).
pub const STABILITY: &str = "Stability";

/// The first period column (A: symbol, B: name).
const FIRST_COLUMN: u16 = 2;

/// Names the sheet and writes its header (`first` column, name, one column per period,
/// definition); returns the definition column.
fn start_sheet(
    sheet: &mut Worksheet,
    which: Sheet,
    first: &str,
    periods: &[Period],
    formats: &Formats,
) -> Result<u16, XlsxError> {
    let lang = formats.lang;
    let words = |key: &str| text(lang, &format!("liquidity.{key}"));
    sheet.set_name(sheet_name_in(which, lang))?;
    let mut header = period_header(&[words(first), words("name")], periods);
    header.push(words("definition").to_owned());
    write_header(sheet, 0, &header, formats)?;
    Ok(FIRST_COLUMN + periods.len() as u16)
}

/// Writes the Liquidity sheet.
pub(crate) fn write_liquidity(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    let words = |key: &str| text(lang, &format!("liquidity.{key}"));
    let config = balance_config(&analysis.config);
    let cells = ItemsOnly(layout);
    let periods: Vec<Period> = analysis
        .balance_liquidity
        .iter()
        .map(|period| period.period)
        .collect();
    let amount = formats.for_unit(RatioUnit::Amount);
    let definition_column = start_sheet(sheet, Sheet::Liquidity, "group", &periods, formats)?;
    let group_row = |index: usize| 1 + index as u32;
    for (index, group) in groups().iter().enumerate() {
        let definition = Definition {
            symbol: group.symbol,
            symbol_ru: group.symbol_ru,
            name: group.name_in(lang),
            name_ru: group.name_ru(),
            expr: &group.expr,
        };
        let values = analysis
            .balance_liquidity
            .iter()
            .map(|result| (result.period, result.group(group.id)));
        definition.write_row(
            sheet,
            group_row(index),
            values,
            (&config, &cells),
            definition_column,
            amount,
            lang,
        )?;
    }
    let mut row = group_row(groups().len()) + 1;
    write_header(
        sheet,
        row,
        &period_header(&[words("condition"), ""], &periods),
        formats,
    )?;
    row += 1;
    let surplus_row = row;
    let holds_row = row + CONDITIONS.len() as u32;
    let holds = Format::new().set_num_format(format!(
        "\"{holds}\";\"{holds}\";\"{fails}\"",
        holds = words("holds"),
        fails = words("fails")
    ));
    for (index, condition) in CONDITIONS.iter().enumerate() {
        let assets_row = group_row(condition.assets as usize);
        let liabilities_row = group_row(condition.liabilities as usize);
        let condition_text = condition.text();
        let say = |key: &str| {
            message(
                lang,
                &format!("liquidity.{key}"),
                &[("condition", &condition_text)],
            )
        };
        sheet.write_string(surplus_row + index as u32, 0, say("surplus"))?;
        sheet.write_string(
            surplus_row + index as u32,
            1,
            format!("{} - {}", condition.assets, condition.liabilities),
        )?;
        sheet.write_string(holds_row + index as u32, 0, say("holds_question"))?;
        let operator = match condition.relation {
            Relation::AtLeast => ">=",
            Relation::AtMost => "<=",
        };
        for (period_idx, result) in analysis.balance_liquidity.iter().enumerate() {
            let column = FIRST_COLUMN + period_idx as u16;
            let assets = a1(assets_row, u32::from(column));
            let liabilities = a1(liabilities_row, u32::from(column));
            let outcome = &result.conditions[index];
            let formula = format!("{assets}-{liabilities}");
            computed(
                sheet,
                (surplus_row + index as u32, column),
                outcome
                    .surplus
                    .as_ref()
                    .map(|value| (formula.as_str(), *value)),
                amount,
                lang,
            )?;
            let formula = format!("IF({assets}{operator}{liabilities},1,0)");
            computed(
                sheet,
                (holds_row + index as u32, column),
                outcome
                    .holds
                    .as_ref()
                    .map(|holds| (formula.as_str(), flag(*holds))),
                &holds,
                lang,
            )?;
        }
    }
    let verdict_row = holds_row + CONDITIONS.len() as u32;
    let verdict_format = Format::new().set_num_format(format!(
        "\"{liquid}\";\"{liquid}\";\"{not_liquid}\"",
        liquid = words("liquid"),
        not_liquid = words("not_liquid")
    ));
    sheet.write_string(verdict_row, 0, words("verdict"))?;
    sheet.write_string(verdict_row, 1, words("all_hold"))?;
    sheet.write_string(verdict_row + 1, 0, words("failing"))?;
    for (period_idx, result) in analysis.balance_liquidity.iter().enumerate() {
        let column = FIRST_COLUMN + period_idx as u16;
        let first = a1(holds_row, u32::from(column));
        let last = a1(holds_row + CONDITIONS.len() as u32 - 1, u32::from(column));
        let formula = format!("IF(SUM({first}:{last})={},1,0)", CONDITIONS.len());
        let verdict = result
            .verdict
            .as_ref()
            .map(|verdict| matches!(verdict, bilans_ratios::liquidity::Verdict::AbsolutelyLiquid));
        computed(
            sheet,
            (verdict_row, column),
            verdict.map(|liquid| (formula.as_str(), flag(liquid))),
            &verdict_format,
            lang,
        )?;
        if let Ok(bilans_ratios::liquidity::Verdict::NotAbsolutelyLiquid { failed }) =
            &result.verdict
        {
            sheet.write_string(verdict_row + 1, column, failed.join(", "))?;
        }
    }
    size_columns(sheet, periods.len())?;
    sheet.set_column_width(definition_column, 90)?;
    sheet.set_freeze_panes(1, FIRST_COLUMN)?;
    Ok(())
}

/// Writes the Stability sheet: the three-component indicator and net assets.
pub(crate) fn write_stability(
    sheet: &mut Worksheet,
    analysis: &Analysis,
    layout: &Layout,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    let words = |key: &str| text(lang, &format!("liquidity.{key}"));
    let config = balance_config(&analysis.config);
    let cells = ItemsOnly(layout);
    let periods: Vec<Period> = analysis
        .financial_stability
        .iter()
        .map(|period| period.period)
        .collect();
    let amount = formats.for_unit(RatioUnit::Amount);
    let definition_column = start_sheet(sheet, Sheet::Stability, "amount", &periods, formats)?;
    let amount_row = |index: usize| 1 + index as u32;
    for (index, stability_amount) in amounts().iter().enumerate() {
        let definition = Definition {
            symbol: stability_amount.symbol,
            symbol_ru: stability_amount.symbol_ru,
            name: stability_amount.name_in(lang),
            name_ru: stability_amount.name_ru(),
            expr: &stability_amount.expr,
        };
        let values = analysis
            .financial_stability
            .iter()
            .map(|result| (result.period, result.amount(stability_amount.id)));
        definition.write_row(
            sheet,
            amount_row(index),
            values,
            (&config, &cells),
            definition_column,
            amount,
            lang,
        )?;
    }
    let surplus_row = amount_row(amounts().len());
    let indicator_row = surplus_row + SOURCES.len() as u32;
    let inventories_row = amount_row(0);
    let bit = Format::new().set_num_format("0");
    for (index, source) in SOURCES.iter().enumerate() {
        let definition = source.amount();
        let row = surplus_row + index as u32;
        sheet.write_string(row, 0, format!("{} - INV", definition.symbol))?;
        sheet.write_string(
            row,
            1,
            message(
                lang,
                "liquidity.source_surplus",
                &[("name", &definition.name_in(lang))],
            ),
        )?;
        sheet.write_string(indicator_row + index as u32, 0, format!("S{}", index + 1))?;
        sheet.write_string(
            indicator_row + index as u32,
            1,
            message(lang, "liquidity.covers", &[("symbol", &definition.symbol)]),
        )?;
        for (period_idx, result) in analysis.financial_stability.iter().enumerate() {
            let column = FIRST_COLUMN + period_idx as u16;
            let source_cell = a1(amount_row(*source as usize), u32::from(column));
            let inventories = a1(inventories_row, u32::from(column));
            let surplus = &result.surpluses[index].value;
            let formula = format!("{source_cell}-{inventories}");
            computed(
                sheet,
                (row, column),
                surplus.as_ref().map(|value| (formula.as_str(), *value)),
                amount,
                lang,
            )?;
            let formula = format!("IF({}>=0,1,0)", a1(row, u32::from(column)));
            computed(
                sheet,
                (indicator_row + index as u32, column),
                result
                    .indicator
                    .as_ref()
                    .map(|s| (formula.as_str(), flag(s[index]))),
                &bit,
                lang,
            )?;
        }
    }
    let type_row = indicator_row + SOURCES.len() as u32;
    sheet.write_string(type_row, 0, words("type"))?;
    sheet.write_string(type_row, 1, words("type_from"))?;
    for (period_idx, result) in analysis.financial_stability.iter().enumerate() {
        let column = FIRST_COLUMN + period_idx as u16;
        match &result.stability_type {
            Ok(kind) => {
                sheet.write_string(
                    type_row,
                    column,
                    named(kind.label_in(lang), kind.name_ru(), lang),
                )?;
            }
            Err(reason) => computed(sheet, (type_row, column), Err(reason), amount, lang)?,
        }
    }
    write_net_assets(
        sheet,
        type_row + 2,
        &analysis.net_assets,
        (&config, &cells),
        formats,
    )?;
    size_columns(sheet, periods.len())?;
    sheet.set_column_width(definition_column, 90)?;
    sheet.set_freeze_panes(1, FIRST_COLUMN)?;
    Ok(())
}

/// The net-assets block from `first_row`: assets and liabilities taken (formulas over
/// the statements), net assets, the deferred income added back, share capital, the
/// excess and how net assets compare (1 at least, -1 below, 0 undetermined).
fn write_net_assets(
    sheet: &mut Worksheet,
    first_row: u32,
    net_assets: &[NetAssetsPeriod],
    (config, cells): (&EvalConfig, &ItemsOnly<'_>),
    formats: &Formats,
) -> Result<(), XlsxError> {
    let lang = formats.lang;
    let words = |key: &str| text(lang, &format!("liquidity.{key}"));
    let periods: Vec<Period> = net_assets.iter().map(|period| period.period).collect();
    let amount = formats.for_unit(RatioUnit::Amount);
    write_header(
        sheet,
        first_row,
        &period_header(&[words("net_assets_header"), ""], &periods),
        formats,
    )?;
    let Some(first) = net_assets.first() else {
        return Ok(());
    };
    let method = first.method;
    sheet.write_string(first_row + 1, 0, words("method"))?;
    sheet.write_string(first_row + 1, 1, method.text_in(lang))?;
    let rows = [
        ("assets_taken", Some("assets_taken_note")),
        ("liabilities_taken", Some("liabilities_taken_note")),
        ("net_assets", Some("net_assets_note")),
        ("added_back", Some("added_back_note")),
        ("share_capital", Some("share_capital_note")),
        ("excess", None),
        ("against", Some("against_note")),
    ];
    let row_of = |index: usize| first_row + 2 + index as u32;
    for (index, (name, note)) in rows.iter().enumerate() {
        sheet.write_string(row_of(index), 0, words(name))?;
        sheet.write_string(row_of(index), 1, note.map_or("", words))?;
    }
    let coverage_format = Format::new().set_num_format(format!(
        "\"{}\";\"{}\";\"{}\"",
        words("at_least"),
        words("below"),
        words("undetermined")
    ));
    let (assets_expr, liabilities_expr) = (method.assets(), method.liabilities());
    let share_capital = Expr::Item(LineItem::ShareCapital);
    for (period_idx, result) in net_assets.iter().enumerate() {
        let column = FIRST_COLUMN + period_idx as u16;
        let at = |index: usize| a1(row_of(index), u32::from(column));
        let refs = (result.period, config, cells);
        write_expr(
            sheet,
            (row_of(0), column),
            &assets_expr,
            &result.assets,
            refs,
            amount,
            lang,
        )?;
        write_expr(
            sheet,
            (row_of(1), column),
            &liabilities_expr,
            &result.liabilities,
            refs,
            amount,
            lang,
        )?;
        let formula = format!("{}-{}", at(0), at(1));
        computed(
            sheet,
            (row_of(2), column),
            result
                .net_assets
                .as_ref()
                .map(|value| (formula.as_str(), *value)),
            amount,
            lang,
        )?;
        match cells.item(LineItem::DeferredIncome, result.period) {
            Some(reference) if !result.deferred_income_added_back.is_zero() => computed(
                sheet,
                (row_of(3), column),
                Ok((reference.as_str(), result.deferred_income_added_back)),
                amount,
                lang,
            )?,
            _ => {
                sheet.write_number_with_format(row_of(3), column, 0.0, amount)?;
            }
        }
        write_expr(
            sheet,
            (row_of(4), column),
            &share_capital,
            &result.share_capital,
            refs,
            amount,
            lang,
        )?;
        let formula = format!("{}-{}", at(2), at(4));
        computed(
            sheet,
            (row_of(5), column),
            result
                .excess_over_share_capital
                .as_ref()
                .map(|value| (formula.as_str(), *value)),
            amount,
            lang,
        )?;
        let formula = format!(
            "IF({excess}-{added}>=0,1,IF({excess}<0,-1,0))",
            excess = at(5),
            added = at(3)
        );
        computed(
            sheet,
            (row_of(6), column),
            result
                .coverage
                .as_ref()
                .map(|coverage| (formula.as_str(), coverage_code(*coverage))),
            &coverage_format,
            lang,
        )?;
    }
    Ok(())
}

/// Line items from the Statements sheet; catalogue ratios (total liabilities) expanded
/// inline, as the Ratios sheet may hold them on another basis than period-end balances.
struct ItemsOnly<'a>(&'a Layout);

impl CellRefs for ItemsOnly<'_> {
    fn item(&self, item: LineItem, period: Period) -> Option<String> {
        self.0.item(item, period)
    }
}

/// A group's or an amount's row: its symbols, its name, its value in each period as a
/// live formula over the statements, and its definition in words.
struct Definition<'a> {
    symbol: &'a str,
    symbol_ru: &'a str,
    name: &'a str,
    name_ru: &'a str,
    expr: &'a Expr,
}

impl Definition<'_> {
    #[expect(
        clippy::too_many_arguments,
        reason = "the sheet's place, the values and how to write them"
    )]
    fn write_row(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        values: impl Iterator<Item = (Period, Result<Decimal, NotComputable>)>,
        (config, cells): (&EvalConfig, &ItemsOnly<'_>),
        definition_column: u16,
        format: &Format,
        lang: Lang,
    ) -> Result<(), XlsxError> {
        sheet.write_string(row, 0, format!("{} ({})", self.symbol, self.symbol_ru))?;
        sheet.write_string(row, 1, named(self.name, self.name_ru, lang))?;
        for (period_idx, (period, value)) in values.enumerate() {
            let column = FIRST_COLUMN + period_idx as u16;
            write_expr(
                sheet,
                (row, column),
                self.expr,
                &value,
                (period, config, cells),
                format,
                lang,
            )?;
        }
        sheet.write_string(
            row,
            definition_column,
            fit_cell_text(&self.expr.to_text_in(lang)),
        )?;
        Ok(())
    }
}

/// One amount: the formula of `expr` over the statements with `value` cached, or why
/// it is not computable.
fn write_expr(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    expr: &Expr,
    value: &Result<Decimal, NotComputable>,
    (period, config, cells): (Period, &EvalConfig, &ItemsOnly<'_>),
    format: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let value = match value {
        Ok(value) => *value,
        Err(reason) => return computed(sheet, (row, column), Err(reason), format, lang),
    };
    match expr.to_excel(period, config, cells) {
        Ok(formula) => computed(
            sheet,
            (row, column),
            Ok((formula.as_str(), value)),
            format,
            lang,
        ),
        Err(reason) => computed(sheet, (row, column), Err(&reason), format, lang),
    }
}

/// A formula with its cached value, or why it is not computable, in `lang`.
fn computed(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    value: Result<(&str, Decimal), &NotComputable>,
    format: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let value = value.map_err(|reason| reason.text(lang));
    write_computed_in(sheet, row, column, value, format, lang)
}

/// A name in `lang`; in English followed by the Russian name of the method.
fn named(name: &str, name_ru: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({name_ru})"),
        Lang::Pl | Lang::Ru | Lang::Uk => name.to_owned(),
    }
}

fn flag(holds: bool) -> Decimal {
    if holds { Decimal::ONE } else { Decimal::ZERO }
}

fn coverage_code(coverage: Coverage) -> Decimal {
    match coverage {
        Coverage::AtLeastShareCapital => Decimal::ONE,
        Coverage::BelowShareCapital => Decimal::NEGATIVE_ONE,
        Coverage::Undetermined => Decimal::ZERO,
    }
}

fn size_columns(sheet: &mut Worksheet, n_periods: usize) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 26)?;
    sheet.set_column_width(1, 48)?;
    for index in 0..n_periods {
        sheet.set_column_width(FIRST_COLUMN + index as u16, 16)?;
    }
    Ok(())
}
