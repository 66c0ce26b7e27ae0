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
use bilans_model::LineItem;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook};
use serde::Deserialize;

use crate::archive::Archive;
use crate::project_root;

mod bad;
mod shapes;
mod statements;

use crate::fixtures::bad::write_bad;
use crate::fixtures::shapes::{
    companies_as_sheets, custom_labels, english_table, long_table, polish_table, russian_form,
    russian_transposed, statements_on_sheets, two_blocks, ukrainian_form,
};

/// The flags of `cargo xtask fixtures`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Compare the generated workbooks with the committed ones instead of writing them.
    #[arg(long)]
    check: bool,
    /// Also redo the LibreOffice conversions (ods, xls, xlsm) and the encryption.
    #[arg(long)]
    libreoffice: bool,
}

/// Runs the task: `--check` compares instead of writing, `--libreoffice` also redoes
/// the conversions.
pub(crate) fn run(args: &Args) -> anyhow::Result<()> {
    if args.check {
        return check();
    }
    let fixtures = project_root().join("fixtures");
    let seed = read_seed()?;
    generate(&fixtures, &seed)?;
    if args.libreoffice {
        convert_with_libreoffice(&fixtures, &seed)?;
    }
    Ok(())
}

/// Generates the fixtures into a temporary folder and compares them with the committed
/// ones (zip workbooks part by part, other files byte for byte).
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
            match std::fs::read(committed.join(&relative)) {
                Ok(old) => {
                    if let Some(difference) = Archive::difference(&old, &fresh) {
                        stale.push(format!("{} ({difference})", relative.display()));
                    }
                }
                Err(_) => stale.push(format!("{} (missing)", relative.display())),
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
    for (name, sheets) in [
        ("three_statements_en.xlsx", statements::english()),
        ("three_statements_ru.xlsx", statements::russian()),
        ("three_statements_pl.xlsx", statements::polish()),
        ("quarterly_en.xlsx", statements::quarterly()),
    ] {
        write_xlsx(&workbooks.join(name), &sheets)?;
    }
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

#[cfg(test)]
mod tests {
    /// The committed fixtures are what `cargo xtask fixtures` writes today;
    /// `BILANS_UPDATE=1` rewrites them.
    #[test]
    fn fixtures_are_fresh() {
        if std::env::var_os("BILANS_UPDATE").is_some() {
            let args = super::Args {
                check: false,
                libreoffice: false,
            };
            super::run(&args).unwrap();
        }
        super::check().unwrap();
    }
}
