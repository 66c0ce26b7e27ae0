//! The ratio engine on a synthetic panel of 1,000 companies × 10 years: every ratio of
//! the catalogue for every company and year.

use bilans_model::{Entity, LineItem, Period, Statements, Unit};
use bilans_ratios::{EvalConfig, evaluate_all};
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

/// Consistent synthetic statements (identities hold) from a simple deterministic
/// generator, so that runs are comparable.
fn panel(n_companies: u32, n_years: i32) -> Vec<Statements> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |low: i64, high: i64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        low + (state % (high - low) as u64) as i64
    };
    (0..n_companies)
        .map(|company| {
            let mut statements = Statements::new(
                Entity::company(&format!("Company {company}")),
                Unit::thousands("PLN"),
            );
            for year in 0..n_years {
                let period = Period::year(2015 + year);
                let inventories = next(1_000, 50_000);
                let receivables = next(1_000, 80_000);
                let cash = next(100, 20_000);
                let other = next(0, 10_000);
                let current_assets = inventories + receivables + cash + other;
                let fixed_assets = next(10_000, 400_000);
                let total_assets = current_assets + fixed_assets;
                let current_liabilities = next(5_000, current_assets);
                let long_term = next(0, total_assets - current_liabilities);
                let equity = total_assets - current_liabilities - long_term;
                let revenue = next(50_000, 900_000);
                let cost_of_sales = revenue * next(50, 95) / 100;
                let operating = revenue - cost_of_sales - next(0, revenue / 10);
                let net_income = operating * 8 / 10;
                let trade_payables = current_liabilities * next(20, 80) / 100;
                for (item, value) in [
                    (LineItem::TotalAssets, total_assets),
                    (LineItem::FixedAssets, fixed_assets),
                    (LineItem::CurrentAssets, current_assets),
                    (LineItem::Inventories, inventories),
                    (LineItem::Receivables, receivables),
                    (LineItem::CashAndEquivalents, cash),
                    (LineItem::OtherCurrentAssets, other),
                    (LineItem::Equity, equity),
                    (LineItem::LongTermLiabilities, long_term),
                    (LineItem::CurrentLiabilities, current_liabilities),
                    (LineItem::TradePayables, trade_payables),
                    (LineItem::Revenue, revenue),
                    (LineItem::CostOfSales, cost_of_sales),
                    (LineItem::OperatingResult, operating),
                    (LineItem::NetIncome, net_income),
                ] {
                    statements.set(period, item, Decimal::from(value));
                }
            }
            statements
        })
        .collect()
}

fn engine(criterion: &mut Criterion) {
    let panel = panel(1_000, 10);
    let config = EvalConfig::default();
    let mut group = criterion.benchmark_group("ratio engine, 1,000 companies × 10 years");
    group.sample_size(10);
    group.bench_function("every ratio, year-end balances", |bencher| {
        bencher.iter(|| {
            panel
                .iter()
                .map(|statements| evaluate_all(statements, &config).rows.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
