//! Plain-text (Markdown) renderings shared by the CLI, xtask and tests.
//!
//! Values are printed with an explicit rounding step: half away from zero to the
//! stated number of decimals ([`round_as_printed`]).

use std::fmt::Write as _;

use bilans_model::reconcile::{ReconciledCell, Status, fixed};
use bilans_model::{Finding, FindingKind, Lang, Severity, Statements};
use rust_decimal::Decimal;

use crate::analysis::Analysis;
use crate::conclusion::Conclusion;
use crate::lang::messages;
use crate::seed004::{ReproducedTable, Reproduction};
pub use crate::text::markdown_table;
use crate::text::{add_period, capitalise};
use crate::{NotComputable, RatioId, catalogue};

/// A value rounded half away from zero to `decimals` places, or `n/c` when not
/// computable.
pub fn value_cell(value: &Result<Decimal, NotComputable>, decimals: u32) -> String {
    match value {
        Ok(value) => fixed(*value, decimals),
        Err(_) => "n/c".to_owned(),
    }
}

/// The statements as a Markdown table: one row per line item (machine name), one
/// column per period, amounts exactly as held.
pub fn statements_table(statements: &Statements) -> String {
    statements_table_in(statements, Lang::En)
}

/// [`statements_table`] in `lang`: outside English the items are named in `lang`
/// rather than by machine name.
pub fn statements_table_in(statements: &Statements, lang: Lang) -> String {
    let periods = statements.period_list();
    let mut header = vec![words(lang, "line_item").to_owned()];
    header.extend(periods.iter().map(|period| period.to_string()));
    let rows: Vec<Vec<String>> = statements
        .item_list()
        .into_iter()
        .map(|item| {
            let name = match lang {
                Lang::En => item.name(),
                _ => item.label_in(lang),
            };
            let mut cells = vec![name.to_owned()];
            cells.extend(periods.iter().map(|period| {
                statements
                    .get(*period, item)
                    .map(|value| value.to_string())
                    .unwrap_or_default()
            }));
            cells
        })
        .collect();
    markdown_table(&header, &rows)
}

/// A reproduced table in the published layout: rows as in the paper, periods as
/// columns, values rounded as printed.
pub fn reproduced_table(table: &ReproducedTable) -> String {
    reproduced_table_in(table, Lang::En)
}

/// [`reproduced_table`] in `lang`: the rows and the title keep the publication's own
/// words, the words around them are in `lang`.
pub fn reproduced_table_in(table: &ReproducedTable, lang: Lang) -> String {
    let not_computable = words(lang, "not_computable_short");
    let mut header = vec![words(lang, "row").to_owned()];
    header.extend(table.periods.iter().map(|period| period.to_string()));
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.label.clone()];
            cells.extend(row.values.iter().map(|value| match value {
                Ok(_) => value_cell(value, table.decimals),
                Err(_) => not_computable.to_owned(),
            }));
            cells
        })
        .collect();
    let heading = messages().format(
        lang,
        "render.recomputed",
        &[
            ("id", &table_name(&table.id, lang)),
            ("title", &table.title),
        ],
    );
    format!("### {heading}\n\n{}", markdown_table(&header, &rows))
}

/// A table's id as a heading names it: `table 2` is `Table 2` in English, `Tabela 2`
/// in Polish; another id is capitalised as it is.
fn table_name(id: &str, lang: Lang) -> String {
    match id.strip_prefix("table ") {
        Some(number) => messages().format(lang, "render.table", &[("number", &number)]),
        None => capitalise(id),
    }
}

/// A reconciled cell's table as the reconciliation names it: its id as the
/// transcription writes it (`table 2`) in English, [`table_name`] otherwise.
fn cell_table(id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => id.to_owned(),
        _ => table_name(id, lang),
    }
}

/// The reconciliation of every published cell, with a count per status.
pub fn reconciliation(cells: &[ReconciledCell]) -> String {
    reconciliation_in(cells, Lang::En)
}

/// [`reconciliation`] in `lang` (the published row names and notes stay as printed).
pub fn reconciliation_in(cells: &[ReconciledCell], lang: Lang) -> String {
    let header: Vec<String> = [
        "table",
        "row",
        "period",
        "published",
        "exact",
        "as_published",
        "status",
        "gap",
    ]
    .iter()
    .map(|key| words(lang, &format!("reconciliation.{key}")).to_owned())
    .collect();
    let not_computable = words(lang, "not_computable_short");
    let optional = |value: Option<Decimal>| match value {
        Some(value) => fixed(value, 6),
        None => not_computable.to_owned(),
    };
    let rows: Vec<Vec<String>> = cells
        .iter()
        .map(|cell| {
            vec![
                cell_table(&cell.table, lang),
                cell.row.clone(),
                cell.period.clone(),
                cell.published.to_string(),
                optional(cell.exact),
                optional(cell.as_published),
                cell.status.label_in(lang).to_owned(),
                cell.gap
                    .map(|gap| signed(fixed(gap, 6)))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let mut out = format!("### {}\n\n", words(lang, "reconciliation.heading"));
    out.push_str(&markdown_table(&header, &rows));
    out.push('\n');
    out.push_str(&status_summary_in(cells, lang));
    let notes: Vec<String> = cells
        .iter()
        .filter_map(|cell| {
            let note = cell.note.as_ref()?;
            Some(format!(
                "- {}, {}, {} ({}): {note}",
                cell_table(&cell.table, lang),
                cell.row,
                cell.period,
                cell.status.label_in(lang)
            ))
        })
        .collect();
    if !notes.is_empty() {
        let _ = write!(out, "\n{}\n\n", words(lang, "reconciliation.notes"));
        out.push_str(&notes.join("\n"));
        out.push('\n');
    }
    out
}

/// One line per status: how many cells have it.
pub fn status_summary(cells: &[ReconciledCell]) -> String {
    status_summary_in(cells, Lang::En)
}

/// [`status_summary`] in `lang`.
pub fn status_summary_in(cells: &[ReconciledCell], lang: Lang) -> String {
    let statuses = [
        Status::ReproducedExactly,
        Status::ReproducedWithRoundedIntermediates,
        Status::NotReproducible,
        Status::NotComputable,
    ];
    let mut out = messages().format(
        lang,
        "render.reconciliation.cells",
        &[("count", &cells.len())],
    );
    out.push('\n');
    for status in statuses {
        let count = cells.iter().filter(|cell| cell.status == status).count();
        let _ = writeln!(out, "- {}: {count}", status.label_in(lang));
    }
    out
}

/// The whole seed 004 reproduction: Table 1 with its identity checks, Tables 2–7
/// recomputed, and the reconciliation.
pub fn seed004_report(reproduction: &Reproduction) -> String {
    seed004_report_in(reproduction, Lang::En)
}

/// [`seed004_report`] in `lang`: the publication's row names, titles and notes stay
/// as published; everything around them, line items and findings are in `lang`.
pub fn seed004_report_in(reproduction: &Reproduction, lang: Lang) -> String {
    let statements = &reproduction.statements;
    let heading = messages().format(
        lang,
        "render.seed004.heading",
        &[("entity", &statements.entity.name)],
    );
    let table1 = messages().format(
        lang,
        "render.seed004.table1",
        &[("unit", &statements.unit.text_in(lang))],
    );
    let mut out = format!("## {heading}\n\n### {table1}\n\n");
    out.push_str(&statements_table_in(statements, lang));
    let _ = writeln!(out, "\n{}", words(lang, "seed004.identity_checks"));
    out.push_str(&findings_list_in(&reproduction.findings, lang));
    for table in &reproduction.tables {
        out.push('\n');
        out.push_str(&reproduced_table_in(table, lang));
    }
    out.push('\n');
    out.push_str(&reconciliation_in(&reproduction.reconciliation, lang));
    out
}

/// Findings as a Markdown list; identities that could not be checked for the same
/// reason are grouped on one line with their periods.
pub fn findings_list(findings: &[Finding]) -> String {
    findings_list_in(findings, Lang::En)
}

/// [`findings_list`] in `lang`.
pub fn findings_list_in(findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    let mut unchecked: Vec<(String, Vec<String>)> = Vec::new();
    for finding in findings {
        if let FindingKind::IdentityNotChecked { .. } = &finding.kind {
            // The sentence without its leading `period: `, shared by every period.
            let text = finding.text(lang);
            let prefix = format!("{}: ", finding.period);
            let key = text.strip_prefix(&prefix).unwrap_or(&text).to_owned();
            add_period(&mut unchecked, key, finding.period.to_string());
            continue;
        }
        let _ = writeln!(
            out,
            "- {}: {}",
            capitalise(finding.severity.label_in(lang)),
            finding.text(lang)
        );
    }
    for (text, periods) in unchecked {
        let _ = writeln!(
            out,
            "- {}: {text} ({})",
            capitalise(Severity::Info.label_in(lang)),
            periods.join(", ")
        );
    }
    if findings.is_empty() {
        let _ = writeln!(out, "- {}", words(lang, "every_identity_holds"));
    }
    out
}

/// A number with an explicit sign: `+0.01`, `-0.01`.
fn signed(text: String) -> String {
    if text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

/// The analysis as Markdown: summary, statements, their structure and dynamics, every
/// ratio, Du Pont and checks.
pub fn analysis_markdown(analysis: &Analysis) -> String {
    analysis_markdown_in(analysis, Lang::En)
}

/// [`analysis_markdown`] in `lang`: headings, names, definitions, reasons and findings
/// in that language (outside English, ratios and items by name rather than id).
pub fn analysis_markdown_in(analysis: &Analysis, lang: Lang) -> String {
    let statements = &analysis.statements;
    let periods = statements.period_list();
    let mut out = format!(
        "# {}\n\n",
        messages().format(lang, "render.title", &[("entity", &statements.entity.name)])
    );
    let _ = writeln!(
        out,
        "- {}: {}",
        words(lang, "unit"),
        statements.unit.text_in(lang)
    );
    let basis = messages().format(
        lang,
        "render.basis",
        &[
            ("basis", &analysis.config.basis.label_in(lang)),
            ("days", &analysis.config.days_in_year.days()),
        ],
    );
    let _ = writeln!(out, "- {basis}");
    if let Some(note) = analysis.interim_note_in(lang) {
        let _ = writeln!(out, "- {}: {note}", words(lang, "interim"));
    }
    let _ = write!(out, "\n## {}\n\n", words(lang, "look_at_first"));
    for point in &analysis.attention {
        let _ = writeln!(out, "- {}", point.text(lang));
    }
    out.push_str(&conclusion_markdown_in(&analysis.conclusion, lang));
    let _ = write!(out, "\n## {}\n\n", words(lang, "statements"));
    out.push_str(&statements_table_in(statements, lang));
    out.push_str(&crate::structure::structure_markdown_in(
        &analysis.structure,
        lang,
    ));
    let _ = write!(out, "\n## {}\n\n", words(lang, "ratios"));
    let mut header = vec![words(lang, "ratio").to_owned()];
    header.extend(periods.iter().map(|period| period.to_string()));
    header.push(words(lang, "definition").to_owned());
    let not_computable = words(lang, "not_computable_short");
    let rows: Vec<Vec<String>> = analysis
        .ratios
        .rows
        .iter()
        .map(|row| {
            let (name, formula) = match lang {
                Lang::En => (row.id.name(), row.formula.to_owned()),
                _ => (row.id.label_in(lang), row.id.ratio().formula_text_in(lang)),
            };
            let mut cells = vec![name.to_owned()];
            cells.extend(row.values.iter().map(|(_, value)| match value {
                Ok(_) => value_cell(value, 4),
                Err(_) => not_computable.to_owned(),
            }));
            cells.push(formula);
            cells
        })
        .collect();
    out.push_str(&markdown_table(&header, &rows));
    // One line per ratio and reason, with the periods it applies to.
    let mut reasons: Vec<String> = Vec::new();
    for row in &analysis.ratios.rows {
        let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
        for (period, value) in &row.values {
            let Err(reason) = value else { continue };
            // In English the period is cut from the reason so that periods sharing
            // it share a line; other languages keep it (their word order differs).
            let text = match lang {
                Lang::En => reason.to_string().replace(&format!(" in {period}"), ""),
                _ => reason.text(lang),
            };
            add_period(&mut grouped, text, period.to_string());
        }
        let name = match lang {
            Lang::En => row.id.name(),
            _ => row.id.label_in(lang),
        };
        for (text, periods) in grouped {
            reasons.push(format!("- {name} ({}): {text}", periods.join(", ")));
        }
    }
    if !reasons.is_empty() {
        let _ = write!(out, "\n{}:\n\n", words(lang, "not_computable"));
        out.push_str(&reasons.join("\n"));
        out.push('\n');
    }
    out.push_str(&dupont_markdown(analysis, lang));
    out.push_str(&crate::liquidity::render::analysis_section(
        &analysis.balance_liquidity,
        &analysis.financial_stability,
        &analysis.net_assets,
        lang,
    ));
    let _ = write!(out, "\n## {}\n\n", words(lang, "checks"));
    out.push_str(&findings_list_in(&analysis.findings, lang));
    out
}

/// The message `render.<key>` in `lang`.
fn words(lang: Lang, key: &str) -> &'static str {
    messages().get(lang, &format!("render.{key}"))
}

/// The written conclusion: one paragraph per topic, its heading in bold.
pub fn conclusion_markdown(conclusion: &Conclusion) -> String {
    conclusion_markdown_in(conclusion, Lang::En)
}

/// [`conclusion_markdown`] in `lang`.
pub fn conclusion_markdown_in(conclusion: &Conclusion, lang: Lang) -> String {
    let mut out = format!("\n## {}\n", words(lang, "conclusion"));
    for paragraph in &conclusion.paragraphs {
        let sentences: Vec<&str> = paragraph
            .sentences
            .iter()
            .map(|sentence| sentence.text_in(lang))
            .collect();
        let _ = write!(
            out,
            "\n**{}.** {}\n",
            paragraph.topic.heading_in(lang),
            sentences.join(" ")
        );
    }
    out
}

/// The classic and modified Du Pont models per period (4 decimals).
fn dupont_markdown(analysis: &Analysis, lang: Lang) -> String {
    let rows_of = |ids: &[(&str, RatioId)]| -> Vec<Vec<String>> {
        ids.iter()
            .filter_map(|(label, id)| {
                let row = analysis.ratios.row(*id)?;
                let mut cells = vec![words(lang, label).to_owned()];
                cells.extend(row.values.iter().map(|(_, value)| value_cell(value, 4)));
                Some(cells)
            })
            .collect()
    };
    let mut header = vec![words(lang, "du_pont").to_owned()];
    header.extend(analysis.ratios.periods.iter().map(ToString::to_string));
    let rows = rows_of(&[
        ("classic_product", RatioId::CLASSIC_DUPONT_RETURN_ON_EQUITY),
        ("return_on_equity", RatioId::RETURN_ON_EQUITY),
        ("classic_check", RatioId::CLASSIC_DUPONT_CHECK),
        ("modified_product", RatioId::MODIFIED_RETURN_ON_EQUITY),
        (
            "modified_to_classic",
            RatioId::MODIFIED_TO_CLASSIC_RETURN_ON_EQUITY,
        ),
        ("residual_factor", RatioId::MODIFIED_RESIDUAL_FACTOR),
    ]);
    format!(
        "\n## {}\n\n{}",
        words(lang, "du_pont"),
        markdown_table(&header, &rows)
    )
}

/// Every ratio value as CSV in long form: `entity,period,ratio,value,status,reason`.
/// Values are written at full Decimal precision, not rounded.
pub fn analysis_csv(analysis: &Analysis) -> String {
    analysis_csv_in(analysis, Lang::En)
}

/// [`analysis_csv`] in `lang`: the header and the reasons in that language; ratio ids
/// and the status (`ok`, `not_computable`) stay machine names.
pub fn analysis_csv_in(analysis: &Analysis, lang: Lang) -> String {
    let mut out = format!("{}\n", words(lang, "csv_header"));
    let entity = csv_field(&analysis.statements.entity.name);
    for ratio in catalogue() {
        let Some(row) = analysis.ratios.row(ratio.id) else {
            continue;
        };
        for (period, value) in &row.values {
            match value {
                Ok(value) => {
                    let _ = writeln!(out, "{entity},{period},{},{value},ok,", ratio.id);
                }
                Err(reason) => {
                    let _ = writeln!(
                        out,
                        "{entity},{period},{},,not_computable,{}",
                        ratio.id,
                        csv_field(&reason.text(lang))
                    );
                }
            }
        }
    }
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The ratio catalogue as Markdown (`docs/ratios.md`): id, name, group, definition and
/// its source, generated from the one definition of each ratio.
pub fn ratio_catalogue_markdown() -> String {
    let mut out = String::from(
        "<!-- generated from the ratio catalogue (crates/bilans-ratios/src/catalogue.rs); do not edit: BILANS_UPDATE=1 cargo test -p bilans-tests rewrites it -->\n\n# Ratio catalogue\n\n",
    );
    out.push_str(
        "Every ratio bilans computes, each defined once. \\\n\
         Balance-sheet items use period-end values, or with `--basis average` the mean of opening and closing balances, or with `--basis chronological` the chronological mean (x₁/2 + x₂ + … + x_n/2)/(n − 1) over the opening balance, the interim quarter-ends the statements hold, and the closing balance (flows are never averaged). \\\n\
         The opening balance is the balance at the day before the period starts: the previous year-end for a year or for nine months, the previous quarter-end for a quarter, the previous 31 March for a fiscal year ending in March. \\\n\
         A ratio that cannot be computed is reported with its reason (missing item, zero denominator, no opening balance, non-positive equity where the ratio needs positive equity, a flow at a balance date). \\\n\
         `days in period` is the days in year (360, or 365 with `--days 365`) × the period's months / 12: 360 for a year, 90 for a quarter, 180 for a half-year, 270 for nine months; a stated day range counts its days. \\\n\
         Ratios over an interim period are for that period (a quarter's return on equity is a quarter's), not annualised, unless `--annualise` is given: then its flows are scaled to a year (× 12 / months) and `days in period` is the days in year.\n\n",
    );
    let header: Vec<String> = [
        "Id",
        "Name",
        "Group",
        "Definition",
        "Needs positive",
        "Source",
    ]
    .iter()
    .map(|text| (*text).to_owned())
    .collect();
    let rows: Vec<Vec<String>> = catalogue()
        .iter()
        .map(|ratio| {
            let positive: Vec<&str> = ratio
                .requires_positive
                .iter()
                .map(|item| item.name())
                .collect();
            vec![
                format!("`{}`", ratio.id),
                ratio.name.to_owned(),
                ratio.group.label().to_owned(),
                ratio.formula_text().to_owned(),
                positive.join(", "),
                ratio.source.to_owned(),
            ]
        })
        .collect();
    out.push_str(&markdown_table(&header, &rows));
    out
}

/// The languages document (`docs/languages.md`): every ratio's and group's name, and
/// every line item's, in English, Polish, Russian and Ukrainian, from the message
/// files and the line-item table.
pub fn languages_markdown() -> String {
    let mut out = String::from(
        "<!-- generated from the message files (crates/*/locales/*.toml) and the line-item table; do not edit: BILANS_UPDATE=1 cargo test -p bilans-tests rewrites it -->\n\n# Languages\n\n",
    );
    out.push_str(
        "`--lang en|pl|ru|uk` (or `BILANS_LANG`) chooses the language of workbooks, Markdown and CSV reports and messages; JSON keys and machine names never change.\n\
         Each crate keeps its words in `locales/{en,pl,ru,uk}.toml` (English is the reference: a test asserts that every message is in every language with the same placeholders).\n\
         A line item's name is the first caption of its import dictionary in that language (`crates/bilans-model/src/item/table.rs`), else `crates/bilans-model/locales/items.toml`.\n\
         The written conclusion is worded per language from typed claims (the `conclusion` messages of `crates/bilans-ratios/locales`); the JSON keeps its English `text`. Its numbers keep the same rounding; in Polish, Russian and Ukrainian they are written with a decimal comma and thousands grouped by a no-break space (`1 234,5`), as those languages write them, while tables, CSV and workbook cells keep their own number formats.\n\n\
         ## Commands, notes and errors\n\n\
         Every command takes `--lang`: `analyse` (workbook, Markdown, CSV), `import` (its report), `reproduce dupont|partners|working-capital`, `partners score`, `kpi` and `hc` (their reports and the workbooks they write with `-o`) and every `wc` calculator.\n\
         A reproduction keeps the publication's own words (its tables' rows and titles, its printed cells, its notes) and words everything around them in the language.\n\
         The import's notes (rows that disagree or are ambiguous, sheets skipped, costs held positive, evaluated formulas) and the reasons a row is not read are data (`bilans_sheets::import::ImportNote`, `SkipReason`), worded when a workbook or report is written; the JSON of `bilans import --json` keeps their fields (`type`, sheets, cells, amounts).\n\
         Errors are worded in the language too, with the file, sheet and cell: the spreadsheet errors (`SheetsError::text_in`, whose details are `Detail`s, a message key and its arguments), the model's (`ModelError::text_in`) and the command's own (its contexts and refusals).\n\
         Staying as written: machine names (line items, ratios, JSON keys, the names a card or staff file uses such as `positive` or `organisation`), the inputs' own words, the detail another library writes (the spreadsheet reader's, the TOML parser's, the disk's), the command-line help and argument errors (clap's). The validation messages of KPI cards, staff files and partner panels (`bilans_scoring::kpi::InputError`, `human_capital::InputError`, `partners::InputError`, whose `message` is a `Words`, a message key and its arguments) are worded in the language with the file, the TOML line, column and field or the sheet and cell. The reasons a human capital figure is not computable (`human_capital::Outcome::NotComputable`, a `Words` whose JSON is its English text as before) are worded in the reports and workbooks, and where such a reason stops a staff file. A mapping file's field errors are worded in the language too. The built-in dictionary's consistency errors (a label or code naming two line items) stay in English: they are for bilans's developers, and a test keeps the dictionary free of them. The KPI scores' not-computable reasons and refusal notes (`Score::NotComputable`, `Total::NotComputable`, a score's `note`: `Words`, whose JSON is its English text as before) are worded in the reports and workbooks. The working-capital calculators' errors (`WorkingCapitalError::text_in`, a parameter's requirement a `Requirement`, a message key and its arguments) are worded too, the parameter named as the library spells it; only a transcribed fixture's inconsistency (`Transcription`) keeps its English words.\n\n",
    );
    let header = |first: &str| -> Vec<String> {
        let mut header = vec![first.to_owned()];
        header.extend(["English", "Polski", "Русский", "Українська"].map(String::from));
        header
    };
    out.push_str("## Ratios\n\n");
    let rows: Vec<Vec<String>> = catalogue()
        .iter()
        .map(|ratio| {
            let mut cells = vec![format!("`{}`", ratio.id)];
            cells.extend(Lang::ALL.map(|lang| ratio.name_in(lang).to_owned()));
            cells
        })
        .collect();
    out.push_str(&markdown_table(&header("Id"), &rows));
    out.push_str("\n## Line items\n\n");
    let rows: Vec<Vec<String>> = bilans_model::LineItem::ALL
        .iter()
        .map(|item| {
            let mut cells = vec![format!("`{}`", item.name())];
            cells.extend(Lang::ALL.map(|lang| item.label_in(lang).to_owned()));
            cells
        })
        .collect();
    out.push_str(&markdown_table(&header("Name"), &rows));
    out
}
