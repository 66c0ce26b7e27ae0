//! `cargo xtask fixtures`: writes the fixture workbooks under `fixtures/workbooks/` and
//! `fixtures/bad/` from the seed 004 Table 1 transcription
//! (`fixtures/seeds/seed004_dupont.toml`).
//!
//! rust_xlsxwriter writes every `.xlsx` (deterministically: the document date is
//! fixed). The formats it cannot write were converted once with LibreOffice 7.4 and
//! committed; `cargo xtask fixtures --libreoffice` redoes that, running for each
//! converted file (`SOURCE` being the `.xlsx` this task writes into a temporary folder):
//!
//! ```text
//! soffice -env:UserInstallation=file:///tmp/bilans-xtask-lo --headless \
//!     --convert-to ods --outdir fixtures/workbooks SOURCE/seed004_ru_transposed.xlsx
//! soffice -env:UserInstallation=file:///tmp/bilans-xtask-lo --headless \
//!     --convert-to xls --outdir fixtures/workbooks SOURCE/seed004_en.xlsx
//! soffice -env:UserInstallation=file:///tmp/bilans-xtask-lo --headless \
//!     --convert-to 'xlsm:Calc MS Excel 2007 VBA XML' --outdir fixtures/workbooks SOURCE/seed004_pl.xlsx
//! ```
//!
//! and `fixtures/bad/password.xlsx` (password `bilans`) was encrypted with
//! msoffcrypto-tool 6.1 (`pip install msoffcrypto-tool`), which the same flag runs:
//!
//! ```text
//! msoffcrypto-tool -e -p bilans fixtures/workbooks/seed004_pl.xlsx fixtures/bad/password.xlsx
//! ```

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use bilans_model::{LineItem, StatementKind};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook};
use serde::Deserialize;

use crate::project_root;

/// Runs the task: `--check` compares instead of writing, `--libreoffice` also redoes
/// the conversions.
pub(crate) fn run(args: &[String]) -> anyhow::Result<()> {
    let mut libreoffice = false;
    let mut check_only = false;
    for arg in args {
        match arg.as_str() {
            "--libreoffice" => libreoffice = true,
            "--check" => check_only = true,
            _ => bail!("usage: cargo xtask fixtures [--check] [--libreoffice]"),
        }
    }
    if check_only {
        return check();
    }
    let fixtures = project_root().join("fixtures");
    let seed = read_seed()?;
    generate(&fixtures, &seed)?;
    if libreoffice {
        convert_with_libreoffice(&fixtures, &seed)?;
    }
    Ok(())
}

/// Generates the fixtures into a temporary folder and compares them byte for byte with
/// the committed ones.
pub(crate) fn check() -> anyhow::Result<()> {
    let seed = read_seed()?;
    let temporary =
        std::env::temp_dir().join(format!("bilans-fixtures-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&temporary);
    generate(&temporary, &seed)?;
    let committed = project_root().join("fixtures");
    let mut stale = Vec::new();
    for folder in ["workbooks", "bad"] {
        for entry in std::fs::read_dir(temporary.join(folder))? {
            let path = entry?.path();
            let relative = Path::new(folder).join(path.file_name().unwrap_or_default());
            let fresh = std::fs::read(&path)?;
            if std::fs::read(committed.join(&relative)).ok().as_deref() != Some(fresh.as_slice()) {
                stale.push(relative.display().to_string());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&temporary);
    if !stale.is_empty() {
        bail!(
            "stale fixtures (run `cargo xtask fixtures`): {}",
            stale.join(", ")
        );
    }
    Ok(())
}

fn read_seed() -> anyhow::Result<Seed> {
    let seed_path = project_root().join("fixtures/seeds/seed004_dupont.toml");
    let text = std::fs::read_to_string(&seed_path)
        .with_context(|| format!("reading {}", seed_path.display()))?;
    toml::from_str(&text).with_context(|| format!("parsing {}", seed_path.display()))
}

/// Writes every fixture rust_xlsxwriter can write under `fixtures`.
fn generate(fixtures: &Path, seed: &Seed) -> anyhow::Result<()> {
    let workbooks = fixtures.join("workbooks");
    let bad = fixtures.join("bad");
    std::fs::create_dir_all(&workbooks)?;
    std::fs::create_dir_all(&bad)?;
    write_xlsx(&workbooks.join("seed004_pl.xlsx"), &[polish_table(seed)])?;
    write_xlsx(&workbooks.join("long_table.xlsx"), &[long_table(seed)?])?;
    write_xlsx(
        &workbooks.join("companies_as_sheets.xlsx"),
        &companies_as_sheets(seed),
    )?;
    write_xlsx(&workbooks.join("two_blocks.xlsx"), &[two_blocks(seed)?])?;
    write_xlsx(
        &workbooks.join("statements_on_sheets.xlsx"),
        &statements_on_sheets(seed)?,
    )?;
    write_xlsx(
        &workbooks.join("ru_form_codes.xlsx"),
        &[russian_form(seed)?],
    )?;
    write_xlsx(
        &workbooks.join("ua_form_codes.xlsx"),
        &[ukrainian_form(seed)?],
    )?;
    write_xlsx(
        &workbooks.join("custom_labels.xlsx"),
        &[custom_labels(seed)?],
    )?;
    write_bad(&bad, seed)
}

/// The conversions done once and committed: `.ods`, `.xls`, `.xlsm`, and the encrypted
/// `bad/password.xlsx`.
fn convert_with_libreoffice(fixtures: &Path, seed: &Seed) -> anyhow::Result<()> {
    let workbooks = fixtures.join("workbooks");
    let bad = fixtures.join("bad");
    let temporary = std::env::temp_dir().join("bilans-xtask-fixtures");
    std::fs::create_dir_all(&temporary)?;
    let russian = temporary.join("seed004_ru_transposed.xlsx");
    write_xlsx(&russian, &[russian_transposed(seed)?])?;
    convert(&russian, "ods", &workbooks)?;
    let english = temporary.join("seed004_en.xlsx");
    write_xlsx(&english, &[english_table(seed)?])?;
    convert(&english, "xls", &workbooks)?;
    convert(
        &workbooks.join("seed004_pl.xlsx"),
        "xlsm:Calc MS Excel 2007 VBA XML",
        &workbooks,
    )?;
    let status = Command::new("msoffcrypto-tool")
        .args(["-e", "-p", "bilans"])
        .arg(workbooks.join("seed004_pl.xlsx"))
        .arg(bad.join("password.xlsx"))
        .status()
        .context("running msoffcrypto-tool (pip install msoffcrypto-tool)")?;
    if !status.success() {
        bail!("msoffcrypto-tool failed to encrypt fixtures/bad/password.xlsx");
    }
    Ok(())
}

#[derive(Debug, Deserialize)]
struct Seed {
    periods: Vec<i32>,
    inputs: Vec<Input>,
}

#[derive(Debug, Deserialize)]
struct Input {
    label: String,
    item: String,
    values: Vec<i64>,
}

impl Input {
    fn line_item(&self) -> anyhow::Result<LineItem> {
        self.item
            .parse()
            .with_context(|| format!("line item of `{}`", self.label))
    }
}

/// A cell to write.
#[derive(Debug, Clone)]
enum Cell {
    Empty,
    Text(String),
    Number(i64),
    Date(u16, u8, u8),
    Formula(&'static str, &'static str),
    Bool(bool),
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

struct Sheet {
    name: String,
    rows: Vec<Vec<Cell>>,
}

fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet {
        name: name.to_owned(),
        rows,
    }
}

/// A workbook with a fixed document date, so that its bytes are reproducible.
fn new_workbook() -> anyhow::Result<Workbook> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(workbook)
}

fn write_xlsx(path: &Path, sheets: &[Sheet]) -> anyhow::Result<()> {
    let mut workbook = new_workbook()?;
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        worksheet.set_column_width(0, 40)?;
        for (row_idx, row) in sheet.rows.iter().enumerate() {
            let row_num = u32::try_from(row_idx)?;
            for (col_idx, cell) in row.iter().enumerate() {
                let col_num = u16::try_from(col_idx)?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(value) => {
                        worksheet.write_string(row_num, col_num, value)?;
                    }
                    Cell::Number(value) => {
                        #[allow(clippy::cast_precision_loss)]
                        worksheet.write_number(row_num, col_num, *value as f64)?;
                    }
                    Cell::Date(year, month, day) => {
                        let date = ExcelDateTime::from_ymd(*year, *month, *day)?;
                        worksheet.write_datetime_with_format(
                            row_num,
                            col_num,
                            &date,
                            &date_format,
                        )?;
                    }
                    Cell::Formula(formula, result) => {
                        worksheet.write_formula(
                            row_num,
                            col_num,
                            Formula::new(*formula).set_result(*result),
                        )?;
                    }
                    Cell::Bool(value) => {
                        worksheet.write_boolean(row_num, col_num, *value)?;
                    }
                }
            }
        }
    }
    workbook
        .save(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn convert(source: &Path, filter: &str, out_dir: &Path) -> anyhow::Result<()> {
    let status = Command::new("soffice")
        .arg("-env:UserInstallation=file:///tmp/bilans-xtask-lo")
        .arg("--headless")
        .arg("--convert-to")
        .arg(filter)
        .arg("--outdir")
        .arg(out_dir)
        .arg(source)
        .status()
        .context("running soffice (install LibreOffice: see docs/import.md)")?;
    if !status.success() {
        bail!("soffice failed to convert {} to {filter}", source.display());
    }
    Ok(())
}

fn year_header(seed: &Seed, format: impl Fn(i32) -> Cell) -> Vec<Cell> {
    seed.periods.iter().map(|year| format(*year)).collect()
}

fn numbers(input: &Input) -> Vec<Cell> {
    input
        .values
        .iter()
        .map(|value| Cell::Number(*value))
        .collect()
}

/// Seed 004 Table 1 as printed: Polish labels in rows, `2001 r.` headers, `tys. zł`.
fn polish_table(seed: &Seed) -> Sheet {
    let mut rows = vec![
        vec![text(
            "Tabela 1. Wybrane wyniki charakteryzujące spółki giełdowe sektora rolno-spożywczego w latach 2001-2006",
        )],
        vec![text("dane [tys. zł]")],
        [
            vec![text("Wyszczególnienie")],
            year_header(seed, |year| Cell::Text(format!("{year} r."))),
        ]
        .concat(),
    ];
    for input in &seed.inputs {
        rows.push([vec![Cell::Text(input.label.clone())], numbers(input)].concat());
    }
    sheet("Tabela 1", rows)
}

fn english_label(item: LineItem) -> &'static str {
    match item {
        LineItem::TotalAssets => "Total assets",
        LineItem::CurrentAssets => "Current assets",
        LineItem::Inventories => "Inventories",
        LineItem::Receivables => "Receivables",
        LineItem::OtherCurrentAssets => "Other current assets",
        LineItem::CurrentLiabilities => "Current liabilities",
        LineItem::Equity => "Equity",
        LineItem::NetIncome => "Net income (loss)",
        LineItem::Revenue => "Sales revenue",
        _ => "Other",
    }
}

fn russian_label(item: LineItem) -> &'static str {
    match item {
        LineItem::TotalAssets => "Итого активов",
        LineItem::CurrentAssets => "Оборотные активы",
        LineItem::Inventories => "Запасы",
        LineItem::Receivables => "Дебиторская задолженность",
        LineItem::OtherCurrentAssets => "Прочие оборотные активы",
        LineItem::CurrentLiabilities => "Краткосрочные обязательства",
        LineItem::Equity => "Собственный капитал",
        LineItem::NetIncome => "Чистая прибыль (убыток)",
        LineItem::Revenue => "Выручка",
        _ => "Прочее",
    }
}

/// English labels, `FY2001` headers, a `PLN thousands` note; converted to `.xls`.
fn english_table(seed: &Seed) -> anyhow::Result<Sheet> {
    let mut rows = vec![
        vec![text(
            "Selected results of listed agri-food companies, 2001-2006",
        )],
        vec![text("PLN thousands")],
        [
            vec![text("Item")],
            year_header(seed, |year| Cell::Text(format!("FY{year}"))),
        ]
        .concat(),
    ];
    for input in &seed.inputs {
        rows.push(
            [
                vec![text(english_label(input.line_item()?))],
                numbers(input),
            ]
            .concat(),
        );
    }
    Ok(sheet("Table 1", rows))
}

/// Russian labels across the top, `2001 г.` down the side (transposed); to `.ods`.
fn russian_transposed(seed: &Seed) -> anyhow::Result<Sheet> {
    let mut header = vec![text("Год")];
    for input in &seed.inputs {
        header.push(text(russian_label(input.line_item()?)));
    }
    let mut rows = vec![vec![text("Показатели, тыс. злотых")], vec![], header];
    for (period_idx, year) in seed.periods.iter().enumerate() {
        let mut row = vec![Cell::Text(format!("{year} г."))];
        for input in &seed.inputs {
            row.push(Cell::Number(input.values[period_idx]));
        }
        rows.push(row);
    }
    Ok(sheet("Таблица 1", rows))
}

/// One record per company and year: `Spółka | Rok | <items>`; company A has the first
/// three periods of Table 1, company B the last three.
fn long_table(seed: &Seed) -> anyhow::Result<Sheet> {
    let mut header = vec![text("Spółka"), text("Rok")];
    for input in &seed.inputs {
        header.push(Cell::Text(input.label.clone()));
    }
    let mut rows = vec![vec![text("Dane w tys. zł")], header];
    for (period_idx, year) in seed.periods.iter().enumerate() {
        let company = if period_idx < 3 { "Grupa A" } else { "Grupa B" };
        let mut row = vec![text(company), Cell::Number(i64::from(*year))];
        for input in &seed.inputs {
            row.push(Cell::Number(input.values[period_idx]));
        }
        rows.push(row);
    }
    Ok(sheet("Dane", rows))
}

/// The same split as `long_table`, one sheet per company, numeric year headers.
fn companies_as_sheets(seed: &Seed) -> Vec<Sheet> {
    let mut sheets = Vec::new();
    for (name, range) in [("Grupa A", 0..3), ("Grupa B", 3..6)] {
        let header: Vec<Cell> = seed.periods[range.clone()]
            .iter()
            .map(|year| Cell::Number(i64::from(*year)))
            .collect();
        let mut rows = vec![
            vec![text("tys. zł")],
            [vec![text("Pozycja")], header].concat(),
        ];
        for input in &seed.inputs {
            let values = input.values[range.clone()]
                .iter()
                .map(|value| Cell::Number(*value));
            rows.push([vec![Cell::Text(input.label.clone())], values.collect()].concat());
        }
        sheets.push(sheet(name, rows));
    }
    sheets
}

/// Groups digits in threes with `separator`.
fn grouped(value: i64, separator: &str) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut groups = Vec::new();
    let mut end = digits.len();
    while 3 < end {
        groups.push(&digits[end - 3..end]);
        end -= 3;
    }
    groups.push(&digits[..end]);
    groups.reverse();
    groups.join(separator)
}

/// An amount written as text, in one of several national forms.
fn as_text(value: i64, style: usize) -> Cell {
    if value < 0 {
        return Cell::Text(format!("({})", grouped(value, " ")));
    }
    Cell::Text(match style % 3 {
        0 => grouped(value, " "),
        1 => grouped(value, ","),
        _ => format!("{},0", grouped(value, ".")),
    })
}

/// A balance-sheet block (date-cell headers, amounts as text) above an income
/// statement block (`2001 r.` headers), with a dash row and an unrecognised row.
fn two_blocks(seed: &Seed) -> anyhow::Result<Sheet> {
    let mut rows = vec![
        vec![text("Sprawozdanie finansowe (w tys. zł)")],
        [
            vec![text("Bilans")],
            year_header(seed, |year| {
                Cell::Date(u16::try_from(year).unwrap_or(0), 12, 31)
            }),
        ]
        .concat(),
    ];
    let mut style = 0;
    for input in &seed.inputs {
        if input.line_item()?.statement() == StatementKind::BalanceSheet {
            let values = input.values.iter().map(|value| {
                style += 1;
                as_text(*value, style)
            });
            rows.push([vec![Cell::Text(input.label.clone())], values.collect()].concat());
        }
    }
    rows.push(
        [
            vec![text("Zobowiązania długoterminowe")],
            seed.periods.iter().map(|_| text("-")).collect(),
        ]
        .concat(),
    );
    rows.push(vec![]);
    rows.push(
        [
            vec![text("Rachunek zysków i strat")],
            year_header(seed, |year| Cell::Text(format!("{year} r."))),
        ]
        .concat(),
    );
    for input in &seed.inputs {
        if input.line_item()?.statement() == StatementKind::IncomeStatement {
            let values = input.values.iter().map(|value| {
                if *value < 0 {
                    as_text(*value, 0)
                } else {
                    Cell::Number(*value)
                }
            });
            rows.push([vec![Cell::Text(input.label.clone())], values.collect()].concat());
        }
    }
    rows.push(
        [
            vec![text("Liczba pracowników")],
            seed.periods.iter().map(|_| Cell::Number(120)).collect(),
        ]
        .concat(),
    );
    Ok(sheet("Sprawozdanie", rows))
}

/// The balance sheet on one sheet and the income statement on another.
fn statements_on_sheets(seed: &Seed) -> anyhow::Result<Vec<Sheet>> {
    let mut sheets = Vec::new();
    for (name, kind) in [
        ("Bilans", StatementKind::BalanceSheet),
        ("RZiS", StatementKind::IncomeStatement),
    ] {
        let mut rows = vec![
            vec![text("tys. zł")],
            [
                vec![text("Wyszczególnienie")],
                year_header(seed, |year| Cell::Text(format!("{year}"))),
            ]
            .concat(),
        ];
        for input in &seed.inputs {
            if input.line_item()?.statement() == kind {
                rows.push([vec![Cell::Text(input.label.clone())], numbers(input)].concat());
            }
        }
        sheets.push(sheet(name, rows));
    }
    Ok(sheets)
}

/// The Russian form: labels the dictionary does not know, read by their line codes.
fn russian_form(seed: &Seed) -> anyhow::Result<Sheet> {
    let form_line = |item: LineItem| match item {
        LineItem::TotalAssets => ("БАЛАНС (актив)", 1600),
        LineItem::CurrentAssets => ("Итого по разделу II (оборотные)", 1200),
        LineItem::Inventories => ("Запасы, всего по строке", 1210),
        LineItem::Receivables => ("Дебиторская задолженность, всего по строке", 1230),
        LineItem::OtherCurrentAssets => ("Прочие оборотные активы, всего по строке", 1260),
        LineItem::CurrentLiabilities => ("Итого по разделу V (краткосрочные)", 1500),
        LineItem::Equity => ("Итого по разделу III (капитал)", 1300),
        LineItem::NetIncome => ("Чистая прибыль (убыток) отчетного периода", 2400),
        LineItem::Revenue => ("Выручка (нетто) от продажи", 2110),
        _ => ("Прочее", 0),
    };
    let mut rows = vec![
        vec![text(
            "Бухгалтерский баланс и отчет о финансовых результатах",
        )],
        vec![text("Единица измерения: тыс. злотых")],
        [
            vec![text("Наименование показателя"), text("Код строки")],
            year_header(seed, |year| Cell::Text(format!("За {year} г."))),
        ]
        .concat(),
    ];
    for input in &seed.inputs {
        let (label, code) = form_line(input.line_item()?);
        rows.push([vec![text(label), Cell::Number(code)], numbers(input)].concat());
    }
    Ok(sheet("Форма", rows))
}

/// The Ukrainian form: numbered labels and `Код рядка`, `2001 р.` headers.
fn ukrainian_form(seed: &Seed) -> anyhow::Result<Sheet> {
    let form_line = |item: LineItem| match item {
        LineItem::TotalAssets => ("Баланс", "1300"),
        LineItem::CurrentAssets => ("II. Усього за розділом II", "1195"),
        LineItem::Inventories => ("1. Запаси", "1100"),
        LineItem::Receivables => (
            "2. Дебіторська заборгованість за продукцію, товари, роботи, послуги",
            "1125",
        ),
        LineItem::OtherCurrentAssets => ("3. Інші оборотні активи", "1190"),
        LineItem::CurrentLiabilities => ("IV. Усього за розділом III", "1695"),
        LineItem::Equity => ("I. Усього за розділом I", "1495"),
        LineItem::NetIncome => ("Чистий фінансовий результат: прибуток", "2350"),
        LineItem::Revenue => (
            "Чистий дохід від реалізації продукції (товарів, робіт, послуг)",
            "2000",
        ),
        _ => ("Інше", "0"),
    };
    let mut rows = vec![
        vec![text("Фінансова звітність, тис. злотих")],
        [
            vec![text("Стаття"), text("Код рядка")],
            year_header(seed, |year| Cell::Text(format!("{year} р."))),
        ]
        .concat(),
    ];
    for input in &seed.inputs {
        let (label, code) = form_line(input.line_item()?);
        rows.push([vec![text(label), text(code)], numbers(input)].concat());
    }
    Ok(sheet("Звіт", rows))
}

/// House labels that only a mapping file (`custom_labels.mapping.toml`) explains.
fn custom_labels(seed: &Seed) -> anyhow::Result<Sheet> {
    let house_label = |item: LineItem| match item {
        LineItem::TotalAssets => "Majątek razem",
        LineItem::CurrentAssets => "Majątek obrotowy",
        LineItem::Inventories => "Magazyn",
        LineItem::Receivables => "Do zapłaty od odbiorców",
        LineItem::OtherCurrentAssets => "Reszta majątku obrotowego",
        LineItem::CurrentLiabilities => "ZB",
        LineItem::Equity => "Kapitały",
        LineItem::NetIncome => "Wynik na czysto",
        LineItem::Revenue => "Sprzedaż netto",
        _ => "Inne",
    };
    let mut rows = vec![
        [
            vec![text("Pozycja")],
            year_header(seed, |year| Cell::Text(format!("{year}"))),
        ]
        .concat(),
    ];
    for input in &seed.inputs {
        rows.push([vec![text(house_label(input.line_item()?))], numbers(input)].concat());
    }
    rows.push(
        [
            vec![text("Liczba pracowników")],
            seed.periods.iter().map(|_| Cell::Number(120)).collect(),
        ]
        .concat(),
    );
    Ok(sheet("Dane", rows))
}

/// A small valid table: `2001`, `2002` headers and the first two periods of Table 1.
fn small_table(seed: &Seed) -> Vec<Vec<Cell>> {
    let mut rows = vec![
        [
            vec![text("Wyszczególnienie")],
            vec![text("2001"), text("2002")],
        ]
        .concat(),
    ];
    for input in &seed.inputs {
        rows.push(vec![
            Cell::Text(input.label.clone()),
            Cell::Number(input.values[0]),
            Cell::Number(input.values[1]),
        ]);
    }
    rows
}

/// Replaces the cell at (row, col) of a small table.
fn with_cell(mut rows: Vec<Vec<Cell>>, row: usize, col: usize, cell: Cell) -> Vec<Vec<Cell>> {
    if let Some(cells) = rows.get_mut(row) {
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = cell;
    }
    rows
}

fn write_bad(bad: &Path, seed: &Seed) -> anyhow::Result<()> {
    std::fs::write(
        bad.join("not_a_spreadsheet.xlsx"),
        "This is a text file, not a workbook.\n",
    )?;
    std::fs::write(bad.join("notes.txt"), "Aktywa ogółem 2001 328294\n")?;
    let mut workbook = new_workbook()?;
    workbook
        .add_worksheet()
        .write_string(0, 0, "Aktywa ogółem")?;
    let bytes = workbook.save_to_buffer()?;
    std::fs::write(bad.join("corrupt.xlsx"), &bytes[..bytes.len() / 2])?;
    // A zip holding an xlsx, named .xlsb: calamine's xlsb reader must refuse it.
    std::fs::write(bad.join("not_really.xlsb"), &bytes)?;
    let table = || small_table(seed);
    // Row 2 (index 1) is the first input, `Aktywa ogółem`; B2 its 2001 amount.
    let cases: Vec<(&str, Vec<Vec<Cell>>)> = vec![
        (
            "no_period_header.xlsx",
            with_cell(
                with_cell(table(), 0, 1, text("Rok bieżący")),
                0,
                2,
                text("Rok poprzedni"),
            ),
        ),
        (
            "text_not_number.xlsx",
            with_cell(table(), 3, 2, text("12a")),
        ),
        (
            "error_cell.xlsx",
            with_cell(table(), 2, 1, Cell::Formula("=1/0", "#DIV/0!")),
        ),
        (
            "date_in_amount.xlsx",
            with_cell(table(), 4, 2, Cell::Date(2001, 12, 31)),
        ),
        (
            "boolean_in_amount.xlsx",
            with_cell(table(), 5, 1, Cell::Bool(true)),
        ),
        (
            "percent_in_amount.xlsx",
            with_cell(table(), 6, 2, text("12%")),
        ),
        (
            "bad_grouping.xlsx",
            with_cell(table(), 1, 2, text("3 15 236")),
        ),
        ("duplicate_item.xlsx", {
            let mut rows = table();
            rows.push(vec![
                text("Suma aktywów"),
                Cell::Number(seed.inputs[0].values[0]),
                Cell::Number(1),
            ]);
            rows
        }),
        (
            "duplicate_period.xlsx",
            with_cell(table(), 0, 2, text("2001 r.")),
        ),
        (
            "conflicting_units.xlsx",
            [vec![vec![text("tys. zł")], vec![text("mln zł")]], table()].concat(),
        ),
        (
            "no_line_items.xlsx",
            vec![
                vec![text("Lista zakupów")],
                vec![text("Chleb"), Cell::Number(2)],
            ],
        ),
        ("missing_revenue.xlsx", {
            let mut rows = table();
            rows.retain(|row| !matches!(row.first(), Some(Cell::Text(label)) if label == "Przychody ze sprzedaży"));
            rows
        }),
        ("empty_required_cell.xlsx", {
            let revenue = seed
                .inputs
                .iter()
                .position(|input| input.item == "revenue")
                .unwrap_or(0);
            with_cell(table(), revenue + 1, 2, Cell::Empty)
        }),
    ];
    for (name, rows) in cases {
        write_xlsx(&bad.join(name), &[sheet("Dane", rows)])?;
    }
    let mappings = [
        (
            "mapping_unknown_item.toml",
            "[labels]\n\"Sprzedaż netto\" = \"sales\"\n",
        ),
        (
            "mapping_bad_cell.toml",
            "[cells]\n\"Dane!7C\" = \"revenue\"\n",
        ),
        ("mapping_not_toml.toml", "labels = [this is not toml\n"),
        (
            "mapping_unknown_key.toml",
            "[lables]\n\"Sprzedaż netto\" = \"revenue\"\n",
        ),
    ];
    for (name, text) in mappings {
        std::fs::write(bad.join(name), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The committed fixtures are what `cargo xtask fixtures` writes today;
    /// `BILANS_UPDATE=1` rewrites them.
    #[test]
    fn fixtures_are_fresh() {
        if std::env::var_os("BILANS_UPDATE").is_some() {
            super::run(&[]).unwrap();
        }
        super::check().unwrap();
    }
}
