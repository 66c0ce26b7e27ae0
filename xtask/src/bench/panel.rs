//! The synthetic panel: N companies × Y years of consistent statements (every identity
//! of `bilans_model::identities` holds), written as one long table with a company
//! column, the layout `bilans_sheets::import` reads as "one long table with a company
//! column" (docs/import.md, layout 6).
//!
//! ```text
//! A1: PLN thousands
//! row 2:  Company | Year | Total assets | Fixed assets | … | Net income
//! row 3:  C0001   | 2015 | 412 907      | 233 018      | … | 19 402
//! ```
//!
//! Amounts are whole thousands drawn by a fixed xorshift generator, so the same N and Y
//! always give the same workbook (byte for byte: the document date is fixed).

use std::path::Path;

use anyhow::Context;
use bilans_model::LineItem;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

/// The first year of every company.
pub(crate) const FIRST_YEAR: i32 = 2015;

/// The columns after `Company` and `Year`: every line item of the catalogue, with the
/// English label the import dictionary knows.
pub(crate) const COLUMNS: [(LineItem, &str); 17] = [
    (LineItem::TotalAssets, "Total assets"),
    (LineItem::FixedAssets, "Fixed assets"),
    (LineItem::CurrentAssets, "Current assets"),
    (LineItem::Inventories, "Inventories"),
    (LineItem::Receivables, "Receivables"),
    (LineItem::CashAndEquivalents, "Cash and cash equivalents"),
    (LineItem::OtherCurrentAssets, "Other current assets"),
    (LineItem::Equity, "Equity"),
    (LineItem::LongTermLiabilities, "Long-term liabilities"),
    (LineItem::CurrentLiabilities, "Current liabilities"),
    (LineItem::ShortTermDebt, "Short-term debt"),
    (LineItem::TradePayables, "Trade payables"),
    (
        LineItem::TotalEquityAndLiabilities,
        "Total equity and liabilities",
    ),
    (LineItem::Revenue, "Revenue"),
    (LineItem::CostOfSales, "Cost of sales"),
    (LineItem::OperatingResult, "Operating profit"),
    (LineItem::NetIncome, "Net income"),
];

/// One company-year: the company's name, the year, and one amount per [`COLUMNS`] entry.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub(crate) company: String,
    pub(crate) year: i32,
    pub(crate) amounts: [i64; 17],
}

/// A deterministic xorshift64 generator.
struct Draw(u64);

impl Draw {
    /// A whole number in `low..high` (`low` when the range is empty).
    fn between(&mut self, low: i64, high: i64) -> i64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        if high <= low {
            return low;
        }
        let span = u64::try_from(high - low).unwrap_or(1);
        low + i64::try_from(self.0 % span).unwrap_or(0)
    }
}

/// The records of `n_companies` × `n_years`, company by company, year by year.
///
/// Every company has a size (total assets about 10,000 to 1,000,000 thousand) that grows
/// or shrinks a little each year; within a year:
/// - current assets = inventories + receivables + cash + other current assets;
/// - total assets = fixed assets + current assets;
/// - equity = total assets − long-term − current liabilities (always positive);
/// - total equity and liabilities = total assets;
/// - short-term debt and trade payables are parts of current liabilities;
/// - operating profit = revenue − cost of sales − overheads, net income 80% of it
///   (both may be losses).
pub(crate) fn records(n_companies: u32, n_years: u32) -> Vec<Record> {
    let mut draw = Draw(0x2545_F491_4F6C_DD1D);
    let mut records = Vec::new();
    for company in 1..=n_companies {
        let mut size = draw.between(10_000, 1_000_000);
        for year_index in 0..n_years {
            size = size * draw.between(90, 120) / 100;
            let current_assets_target = size * draw.between(25, 60) / 100;
            let inventories = current_assets_target * draw.between(15, 45) / 100;
            let receivables = current_assets_target * draw.between(20, 45) / 100;
            let other_current_assets = current_assets_target * draw.between(0, 10) / 100;
            let cash =
                (current_assets_target - inventories - receivables - other_current_assets).max(1);
            let current_assets = inventories + receivables + cash + other_current_assets;
            let fixed_assets = (size - current_assets).max(size / 10);
            let total_assets = fixed_assets + current_assets;
            let current_liabilities = current_assets * draw.between(40, 140) / 100;
            let long_term = (total_assets - current_liabilities).max(0) * draw.between(0, 50) / 100;
            let equity = total_assets - current_liabilities - long_term;
            let short_term_debt = current_liabilities * draw.between(0, 40) / 100;
            let trade_payables = current_liabilities * draw.between(20, 55) / 100;
            let revenue = total_assets * draw.between(50, 250) / 100;
            let cost_of_sales = revenue * draw.between(55, 90) / 100;
            let overheads = revenue * draw.between(2, 15) / 100;
            let operating = revenue - cost_of_sales - overheads;
            let net_income = operating * 8 / 10;
            records.push(Record {
                company: format!("C{company:04}"),
                year: FIRST_YEAR + i32::try_from(year_index).unwrap_or(0),
                amounts: [
                    total_assets,
                    fixed_assets,
                    current_assets,
                    inventories,
                    receivables,
                    cash,
                    other_current_assets,
                    equity,
                    long_term,
                    current_liabilities,
                    short_term_debt,
                    trade_payables,
                    total_assets,
                    revenue,
                    cost_of_sales,
                    operating,
                    net_income,
                ],
            });
        }
    }
    records
}

/// Writes the panel of `n_companies` × `n_years` to `path` (sheet `Panel`).
pub(crate) fn write_panel(path: &Path, n_companies: u32, n_years: u32) -> anyhow::Result<()> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = workbook.add_worksheet();
    sheet.set_name("Panel")?;
    sheet.write_string(0, 0, "PLN thousands")?;
    sheet.write_string(1, 0, "Company")?;
    sheet.write_string(1, 1, "Year")?;
    for (index, (_, label)) in COLUMNS.iter().enumerate() {
        sheet.write_string(1, u16::try_from(index + 2)?, *label)?;
    }
    for (index, record) in records(n_companies, n_years).iter().enumerate() {
        let row = u32::try_from(index + 2)?;
        sheet.write_string(row, 0, &record.company)?;
        sheet.write_number(row, 1, f64::from(record.year))?;
        for (column, amount) in record.amounts.iter().enumerate() {
            // Whole thousands well below 2^53: exact as a double.
            #[allow(clippy::cast_precision_loss)]
            sheet.write_number(row, u16::try_from(column + 2)?, *amount as f64)?;
        }
    }
    workbook
        .save(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Writes one single-company workbook per company of the panel of `n_companies` ×
/// `n_years` into `folder`, `C0001.xlsx` …: sheet `Statements`, `PLN thousands` in A1,
/// then line items in rows and years in columns (docs/import.md, layout 1), the same
/// amounts as the panel's.
pub(crate) fn write_folder(folder: &Path, n_companies: u32, n_years: u32) -> anyhow::Result<()> {
    let records = records(n_companies, n_years);
    for company in records.chunk_by(|left, right| left.company == right.company) {
        let mut workbook = Workbook::new();
        let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
        let sheet = workbook.add_worksheet();
        sheet.set_name("Statements")?;
        sheet.write_string(0, 0, "PLN thousands")?;
        sheet.write_string(1, 0, "Line item")?;
        for (index, record) in company.iter().enumerate() {
            let column = u16::try_from(index + 1)?;
            sheet.write_number(1, column, f64::from(record.year))?;
            for (row, amount) in record.amounts.iter().enumerate() {
                // Whole thousands well below 2^53: exact as a double.
                #[allow(clippy::cast_precision_loss)]
                sheet.write_number(u32::try_from(row + 2)?, column, *amount as f64)?;
            }
        }
        for (row, (_, label)) in COLUMNS.iter().enumerate() {
            sheet.write_string(u32::try_from(row + 2)?, 0, *label)?;
        }
        let path = folder.join(format!("{}.xlsx", company[0].company));
        workbook
            .save(&path)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use bilans_model::{LineItem, Period, validate};
    use bilans_sheets::import::{ImportOptions, import_file};
    use rust_decimal::Decimal;

    use super::{COLUMNS, FIRST_YEAR, records, write_folder, write_panel};

    /// 3 companies × 2 years: the import reads every amount back into the right
    /// company, year and line item, and every identity holds (validation finds nothing).
    #[test]
    fn small_panel_imports_and_identities_hold() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("panel.xlsx");
        write_panel(&path, 3, 2).unwrap();
        let report = import_file(&path, &ImportOptions::default()).unwrap();
        assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
        let names: Vec<&str> = report
            .entities
            .iter()
            .map(|statements| statements.entity.name.as_str())
            .collect();
        assert_eq!(names, ["C0001", "C0002", "C0003"]);
        let expected = records(3, 2);
        for record in &expected {
            let statements = report
                .entities
                .iter()
                .find(|statements| statements.entity.name == record.company)
                .unwrap();
            let period = Period::year(record.year);
            for ((item, _), amount) in COLUMNS.iter().zip(record.amounts) {
                let read = statements.amount(period, *item).unwrap();
                assert_eq!(read.value, Decimal::from(amount), "{item:?} {period}");
            }
        }
        for statements in &report.entities {
            assert_eq!(
                statements.period_list(),
                [Period::year(FIRST_YEAR), Period::year(FIRST_YEAR + 1)]
            );
            // Only identities the panel does not give every part of (info) remain.
            let findings = validate(statements);
            assert!(
                findings
                    .iter()
                    .all(|finding| finding.severity == bilans_model::Severity::Info),
                "{findings:?}"
            );
        }
    }

    /// The folder of single-company workbooks holds the panel's companies, one per
    /// file, each read back with the panel's amounts.
    #[test]
    fn each_company_workbook_imports_back() {
        let folder = tempfile::tempdir().unwrap();
        write_folder(folder.path(), 2, 3).unwrap();
        let expected = records(2, 3);
        for company in ["C0001", "C0002"] {
            let path = folder.path().join(format!("{company}.xlsx"));
            let report = import_file(&path, &ImportOptions::default()).unwrap();
            assert!(report.unrecognised.is_empty(), "{:?}", report.unrecognised);
            let [statements] = report.entities.as_slice() else {
                panic!("{company}: {} entities", report.entities.len());
            };
            for record in expected.iter().filter(|record| record.company == company) {
                let period = Period::year(record.year);
                for ((item, _), amount) in COLUMNS.iter().zip(record.amounts) {
                    let read = statements.amount(period, *item).unwrap();
                    assert_eq!(
                        read.value,
                        Decimal::from(amount),
                        "{company} {item:?} {period}"
                    );
                }
            }
        }
    }

    /// The identities hold on a larger draw too, and equity stays positive.
    #[test]
    fn identities_hold_on_many_draws() {
        let index = |wanted: LineItem| COLUMNS.iter().position(|(item, _)| *item == wanted);
        let at = |record: &super::Record, item| record.amounts[index(item).unwrap()];
        for record in records(200, 10) {
            use LineItem::*;
            assert_eq!(
                at(&record, CurrentAssets),
                at(&record, Inventories)
                    + at(&record, Receivables)
                    + at(&record, CashAndEquivalents)
                    + at(&record, OtherCurrentAssets)
            );
            assert_eq!(
                at(&record, TotalAssets),
                at(&record, FixedAssets) + at(&record, CurrentAssets)
            );
            assert_eq!(
                at(&record, TotalAssets),
                at(&record, Equity)
                    + at(&record, LongTermLiabilities)
                    + at(&record, CurrentLiabilities)
            );
            assert_eq!(
                at(&record, TotalAssets),
                at(&record, TotalEquityAndLiabilities)
            );
            assert!(0 < at(&record, Equity));
            assert!(
                at(&record, ShortTermDebt) + at(&record, TradePayables)
                    <= at(&record, CurrentLiabilities)
            );
        }
    }
}
