//! Validation of realistic complete statements (none may raise an error) and of broken
//! versions of them (each must raise the error naming the identity, the period, the
//! total, the parts used and the gap).

use rust_decimal::Decimal;

use crate::LineItem::*;
use crate::{Entity, LineItem, Period, Severity, Statements, Unit, validate};

/// Russian balance sheet (Order 66n), lines 1110–1700, thousands of roubles.
const RUSSIAN_BALANCE_SHEET: &[(LineItem, i64)] = &[
    (IntangibleAssets, 1_200),            // 1110
    (PropertyPlantAndEquipment, 45_300),  // 1150
    (LongTermInvestments, 2_500),         // 1170
    (DeferredTaxAssets, 800),             // 1180
    (OtherFixedAssets, 700),              // 1190
    (FixedAssets, 50_500),                // 1100
    (Inventories, 18_400),                // 1210
    (RecoverableVat, 1_100),              // 1220
    (Receivables, 22_600),                // 1230
    (ShortTermInvestments, 3_000),        // 1240
    (CashAndEquivalents, 4_700),          // 1250
    (OtherCurrentAssets, 400),            // 1260
    (CurrentAssets, 50_200),              // 1200
    (TotalAssets, 100_700),               // 1600
    (ShareCapital, 10_000),               // 1310
    (TreasuryShares, 500),                // 1320, printed (500)
    (RevaluationReserve, 6_000),          // 1340
    (AdditionalCapital, 2_000),           // 1350
    (ReserveCapital, 1_500),              // 1360
    (RetainedEarnings, 31_000),           // 1370
    (Equity, 50_000),                     // 1300
    (LongTermDebt, 12_000),               // 1410
    (DeferredTaxLiabilities, 1_300),      // 1420
    (LongTermProvisions, 400),            // 1430
    (OtherLongTermLiabilities, 300),      // 1450
    (LongTermLiabilities, 14_000),        // 1400
    (ShortTermDebt, 9_000),               // 1510
    (TradePayables, 21_500),              // 1520
    (DeferredIncome, 600),                // 1530
    (ShortTermProvisions, 4_800),         // 1540
    (OtherCurrentLiabilities, 800),       // 1550
    (CurrentLiabilities, 36_700),         // 1500
    (TotalEquityAndLiabilities, 100_700), // 1700
];

/// Polish balance sheet (Załącznik 1), thousands of złoty: prepayments (B.IV) among
/// current assets, equity split into A.I…A.VI.
const POLISH_BALANCE_SHEET: &[(LineItem, i64)] = &[
    (IntangibleAssets, 500),              // A.I
    (PropertyPlantAndEquipment, 30_000),  // A.II
    (LongTermReceivables, 200),           // A.III
    (LongTermInvestments, 1_000),         // A.IV
    (DeferredTaxAssets, 300),             // A.V.1
    (FixedAssets, 32_000),                // A
    (Inventories, 8_000),                 // B.I
    (Receivables, 12_000),                // B.II
    (ShortTermInvestmentsAndCash, 5_000), // B.III
    (CashAndEquivalents, 4_200),          // B.III.1.c
    (Prepayments, 1_000),                 // B.IV
    (CurrentAssets, 26_000),              // B
    (CalledUpCapitalNotPaid, 0),          // C
    (OwnSharesAsAssets, 0),               // D
    (TotalAssets, 58_000),                // Aktywa razem
    (ShareCapital, 10_000),               // A.I
    (AdditionalCapital, 15_000),          // A.II
    (RevaluationReserve, 2_000),          // A.III
    (ReserveCapital, 1_000),              // A.IV
    (PriorYearsResult, -500),             // A.V
    (CurrentYearResult, 3_500),           // A.VI
    (Equity, 31_000),                     // A
    (Provisions, 1_500),                  // B.I
    (LongTermLiabilities, 9_000),         // B.II
    (CurrentLiabilities, 15_500),         // B.III
    (AccrualsAndDeferredIncome, 1_000),   // B.IV
    (TotalLiabilities, 27_000),           // B
    (TotalEquityAndLiabilities, 58_000),  // Pasywa razem
];

/// IFRS or US GAAP balance sheet with total liabilities, thousands.
const IFRS_BALANCE_SHEET: &[(LineItem, i64)] = &[
    (PropertyPlantAndEquipment, 40_000),
    (IntangibleAssets, 5_000),
    (LongTermInvestments, 3_000),
    (DeferredTaxAssets, 1_000),
    (OtherFixedAssets, 1_000),
    (FixedAssets, 50_000),
    (Inventories, 12_000),
    (TradeReceivables, 12_500),
    (OtherReceivables, 1_500),
    (TaxReceivables, 1_000),
    (Receivables, 15_000),
    (ShortTermInvestments, 2_000),
    (CashAndEquivalents, 6_000),
    (Prepayments, 1_500),
    (OtherCurrentAssets, 500),
    (CurrentAssets, 37_000),
    (TotalAssets, 87_000),
    (ShareCapital, 5_000),
    (AdditionalCapital, 20_000),
    (TreasuryShares, 1_000),
    (ReserveCapital, 1_000),
    (RetainedEarnings, 25_000),
    (Equity, 50_000),
    (LongTermDebt, 15_000),
    (DeferredTaxLiabilities, 2_000),
    (LongTermProvisions, 1_000),
    (LongTermLiabilities, 18_000),
    (ShortTermDebt, 3_000),
    (CurrentPortionOfLongTermDebt, 2_000),
    (TradePayables, 9_000),
    (TaxLiabilities, 1_000),
    (WageLiabilities, 1_500),
    (OtherCurrentLiabilities, 2_500),
    (CurrentLiabilities, 19_000),
    (TotalLiabilities, 37_000),
    (TotalEquityAndLiabilities, 87_000),
];

/// Polish income statement by nature (RZiS wariant porównawczy), thousands.
const INCOME_BY_NATURE: &[(LineItem, i64)] = &[
    (Revenue, 100_000),                   // A
    (DepreciationAndAmortisation, 5_000), // B.I
    (MaterialsAndEnergy, 30_000),         // B.II
    (ExternalServices, 15_000),           // B.III
    (TaxesAndCharges, 1_000),             // B.IV
    (WagesAndSalaries, 20_000),           // B.V
    (SocialSecurity, 4_000),              // B.VI
    (OtherCostsByNature, 2_000),          // B.VII
    (GoodsForResaleSold, 13_000),         // B.VIII
    (OperatingExpenses, 90_000),          // B
    (SalesResult, 10_000),                // C
    (OtherOperatingIncome, 1_500),        // D
    (OtherOperatingExpenses, 500),        // E
    (OperatingResult, 11_000),            // F
    (FinancialIncome, 800),               // G
    (FinancialCosts, 1_200),              // H
    (InterestExpense, 900),               // H.I, one of H's four lines
    (ProfitBeforeTax, 10_600),            // I
    (IncomeTax, 2_000),                   // J
    (OtherProfitReductions, 100),         // K
    (NetIncome, 8_500),                   // L
];

/// Polish income statement by function (RZiS wariant kalkulacyjny), thousands.
const INCOME_BY_FUNCTION: &[(LineItem, i64)] = &[
    (Revenue, 200_000),               // A
    (CostOfSales, 150_000),           // B
    (GrossProfit, 50_000),            // C
    (SellingExpenses, 10_000),        // D
    (AdministrativeExpenses, 15_000), // E
    (SalesResult, 25_000),            // F
    (OtherOperatingIncome, 2_000),    // G
    (OtherOperatingExpenses, 3_000),  // H
    (OperatingResult, 24_000),        // I
    (FinancialIncome, 1_000),         // J
    (FinancialCosts, 4_000),          // K
    (ProfitBeforeTax, 21_000),        // L
    (IncomeTax, 4_000),               // M
    (OtherProfitReductions, 0),       // N
    (NetIncome, 17_000),              // O
];

/// Russian cash-flow statement (form 0710005), direct method, the exchange-rate effect
/// (4490) beside the net change (4400), thousands of roubles.
const RUSSIAN_CASH_FLOWS: &[(LineItem, i64)] = &[
    (OperatingReceipts, 500_000), // 4110
    (OperatingPayments, 460_000), // 4120
    (OperatingCashFlow, 40_000),  // 4100
    (CapitalExpenditure, 30_000), // 4221
    (InvestingCashFlow, -25_000), // 4200
    (DividendsPaid, 3_000),       // 4322
    (FinancingCashFlow, -5_000),  // 4300
    (NetChangeInCash, 10_000),    // 4400
    (CashAtBeginning, 20_000),    // 4450
    (FxEffectOnCash, 1_500),      // 4490
    (CashAtEnd, 31_500),          // 4500
];

/// US GAAP cash-flow statement, indirect method, the exchange-rate effect within the
/// net change, with the income-statement lines it starts from and the balance sheet's
/// cash, thousands of dollars.
const US_CASH_FLOWS: &[(LineItem, i64)] = &[
    (NetIncome, 12_000),
    (DepreciationAndAmortisation, 4_000),
    (ChangeInReceivables, -1_500),
    (ChangeInInventories, -800),
    (ChangeInPayables, 600),
    (OperatingCashFlow, 14_300),
    (CapitalExpenditure, 6_000),
    (InvestingCashFlow, -6_000),
    (ProceedsFromBorrowings, 5_000),
    (RepaymentOfBorrowings, 7_000),
    (DividendsPaid, 2_000),
    (FinancingCashFlow, -4_000),
    (FxEffectOnCash, -300),
    (NetChangeInCash, 4_000),
    (CashAtBeginning, 10_000),
    (CashAtEnd, 14_000),
    (CashAndEquivalents, 14_000),
];

fn statements(rows: &[(LineItem, i64)], changes: &[(LineItem, i64)]) -> Statements {
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("XXX"));
    for (item, value) in rows.iter().chain(changes) {
        statements.set(Period::year(2024), *item, Decimal::from(*value));
    }
    statements
}

/// Validates `rows` with `changes` applied and compares the findings of `severity`.
fn check(
    rows: &[(LineItem, i64)],
    changes: &[(LineItem, i64)],
    severity: Severity,
    expect: &[&str],
) {
    let found: Vec<String> = validate(&statements(rows, changes))
        .into_iter()
        .filter(|finding| finding.severity == severity)
        .map(|finding| finding.to_string())
        .collect();
    assert_eq!(found, expect);
}

fn check_errors(rows: &[(LineItem, i64)], changes: &[(LineItem, i64)], expect: &[&str]) {
    check(rows, changes, Severity::Error, expect);
}

#[test]
fn complete_statements_raise_no_error_or_warning() {
    for rows in [
        RUSSIAN_BALANCE_SHEET,
        POLISH_BALANCE_SHEET,
        IFRS_BALANCE_SHEET,
        INCOME_BY_NATURE,
        INCOME_BY_FUNCTION,
        RUSSIAN_CASH_FLOWS,
        US_CASH_FLOWS,
    ] {
        check_errors(rows, &[], &[]);
        check(rows, &[], Severity::Warning, &[]);
    }
}

#[test]
fn a_polish_balance_sheet_with_its_income_statement_agrees_on_the_result() {
    let both: Vec<(LineItem, i64)> = POLISH_BALANCE_SHEET
        .iter()
        .chain(INCOME_BY_NATURE)
        .copied()
        .collect();
    check_errors(&both, &[], &[]);
    check(
        &both,
        &[],
        Severity::Warning,
        &[
            "2024: identity `net_income_in_equity` breaks: current_year_result 3500, net_income = 8500, gap -5000 (rounding explains up to 1)",
        ],
    );
    check(
        &both,
        &[
            (CurrentYearResult, 8_500),
            (Equity, 36_000),
            (TotalLiabilities, 22_000),
        ],
        Severity::Warning,
        &[],
    );
}

#[test]
fn a_broken_russian_balance_sheet_names_its_breaks() {
    check_errors(RUSSIAN_BALANCE_SHEET, &[(Equity, 50_300)], &[]);
    // A total that statements may print more lines under (`open` in the table):
    // a shortfall of its parts is a warning, as it may be a line bilans does not read.
    check(
        RUSSIAN_BALANCE_SHEET,
        &[(Equity, 50_300)],
        Severity::Warning,
        &[
            "2024: identity `equity` breaks: equity 50300, share_capital − treasury_shares + revaluation_reserve + additional_capital + reserve_capital + retained_earnings = 50000, gap 300 (rounding explains up to 3.5)",
        ],
    );
    check_errors(
        RUSSIAN_BALANCE_SHEET,
        &[(TotalAssets, 100_000)],
        &[
            "2024: identity `total_assets` breaks: the parts given, fixed_assets + current_assets = 100700, exceed total_assets 100000, gap -700 (the parts not given cannot be negative)",
            "2024: identity `balance` breaks: total_assets 100000, total_equity_and_liabilities = 100700, gap -700 (rounding explains up to 1)",
        ],
    );
    // Current assets of 1210–1260 summing to more than 1200; cash and short-term
    // investments count within the Polish B.III the Russian form has no line for.
    check_errors(
        RUSSIAN_BALANCE_SHEET,
        &[
            (CurrentAssets, 49_200),
            (TotalAssets, 99_700),
            (TotalEquityAndLiabilities, 99_700),
            (Equity, 49_000),
            (RetainedEarnings, 30_000),
        ],
        &[
            "2024: identity `current_assets` breaks: the parts given, inventories + recoverable_vat + receivables + short_term_investments + cash_and_equivalents + other_current_assets = 50200, exceed current_assets 49200, gap -1000 (the parts not given cannot be negative)",
        ],
    );
    check_errors(RUSSIAN_BALANCE_SHEET, &[(LongTermLiabilities, 14_200)], &[]);
    // An open total: a shortfall (or, for parts that can be negative, any gap) is a
    // warning, as the difference may be a line bilans does not read.
    check(
        RUSSIAN_BALANCE_SHEET,
        &[(LongTermLiabilities, 14_200)],
        Severity::Warning,
        &[
            "2024: identity `long_term_liabilities` breaks: long_term_liabilities 14200, long_term_debt + deferred_tax_liabilities + long_term_provisions + other_long_term_liabilities = 14000, gap 200 (rounding explains up to 2.5)",
        ],
    );
}

#[test]
fn a_broken_polish_balance_sheet_names_its_breaks() {
    // Prepayments left out of the current assets' total.
    check_errors(
        POLISH_BALANCE_SHEET,
        &[
            (CurrentAssets, 25_000),
            (TotalAssets, 57_000),
            (TotalEquityAndLiabilities, 57_000),
            (Equity, 30_000),
            (CurrentYearResult, 2_500),
        ],
        &[
            "2024: identity `current_assets` breaks: the parts given, inventories + receivables + short_term_investments_and_cash + prepayments = 26000, exceed current_assets 25000, gap -1000 (the parts not given cannot be negative)",
        ],
    );
    check_errors(
        POLISH_BALANCE_SHEET,
        &[(TotalEquityAndLiabilities, 58_500)],
        &[
            "2024: identity `balance` breaks: total_assets 58000, total_equity_and_liabilities = 58500, gap -500 (rounding explains up to 1)",
        ],
    );
    // A total that statements may print more lines under (`open` in the table):
    // a shortfall of its parts is a warning, as it may be a line bilans does not read.
    check(
        POLISH_BALANCE_SHEET,
        &[(TotalEquityAndLiabilities, 58_500)],
        Severity::Warning,
        &[
            "2024: identity `total_equity_and_liabilities` breaks: total_equity_and_liabilities 58500, equity + total_liabilities = 58000, gap 500 (rounding explains up to 1.5)",
        ],
    );
    check_errors(
        POLISH_BALANCE_SHEET,
        &[(CashAndEquivalents, 5_200)],
        &[
            "2024: identity `short_term_investments_and_cash` breaks: the parts given, cash_and_equivalents = 5200, exceed short_term_investments_and_cash 5000, gap -200 (the parts not given cannot be negative)",
        ],
    );
}

#[test]
fn a_broken_ifrs_balance_sheet_names_its_breaks() {
    check_errors(
        IFRS_BALANCE_SHEET,
        &[(TotalLiabilities, 36_000)],
        &[
            "2024: identity `total_liabilities` breaks: the parts given, long_term_liabilities + current_liabilities = 37000, exceed total_liabilities 36000, gap -1000 (the parts not given cannot be negative)",
        ],
    );
    // A total that statements may print more lines under (`open` in the table):
    // a shortfall of its parts is a warning, as it may be a line bilans does not read.
    check(
        IFRS_BALANCE_SHEET,
        &[(TotalLiabilities, 36_000)],
        Severity::Warning,
        &[
            "2024: identity `total_equity_and_liabilities` breaks: total_equity_and_liabilities 87000, equity + total_liabilities = 86000, gap 1000 (rounding explains up to 1.5)",
        ],
    );
    check_errors(
        IFRS_BALANCE_SHEET,
        &[(TaxReceivables, 1_200)],
        &[
            "2024: identity `receivables` breaks: receivables 15000, trade_receivables + other_receivables + tax_receivables = 15200, gap -200 (rounding explains up to 2)",
        ],
    );
}

#[test]
fn broken_income_statements_name_their_breaks() {
    check_errors(
        INCOME_BY_NATURE,
        &[
            (OperatingExpenses, 91_000),
            (SalesResult, 9_000),
            (OperatingResult, 10_000),
            (ProfitBeforeTax, 9_600),
            (NetIncome, 7_500),
        ],
        &[
            "2024: identity `operating_expenses` breaks: operating_expenses 91000, depreciation_and_amortisation + materials_and_energy + external_services + taxes_and_charges + wages_and_salaries + social_security + other_costs_by_nature + goods_for_resale_sold = 90000, gap 1000 (rounding explains up to 4.5)",
        ],
    );
    check_errors(INCOME_BY_NATURE, &[(NetIncome, 8_600)], &[]);
    // A total that statements may print more lines under (`open` in the table):
    // a shortfall of its parts is a warning, as it may be a line bilans does not read.
    check(
        INCOME_BY_NATURE,
        &[(NetIncome, 8_600)],
        Severity::Warning,
        &[
            "2024: identity `net_income` breaks: net_income 8600, profit_before_tax − income_tax − other_profit_reductions = 8500, gap 100 (rounding explains up to 2)",
        ],
    );
    check_errors(
        INCOME_BY_FUNCTION,
        &[
            (SalesResult, 26_000),
            (OperatingResult, 25_000),
            (ProfitBeforeTax, 22_000),
            (NetIncome, 18_000),
        ],
        &[
            "2024: identity `sales_result.by_function` breaks: sales_result 26000, gross_profit − selling_expenses − administrative_expenses = 25000, gap 1000 (rounding explains up to 2)",
        ],
    );
    check_errors(
        INCOME_BY_FUNCTION,
        &[(CostOfSales, 151_000)],
        &[
            "2024: identity `gross_profit` breaks: gross_profit 50000, revenue − cost_of_sales = 49000, gap 1000 (rounding explains up to 1.5)",
        ],
    );
}

#[test]
fn broken_cash_flow_statements_name_their_breaks() {
    // Closing cash off by 500 beside the exchange-rate effect (and by 2 000 without it).
    check_errors(
        RUSSIAN_CASH_FLOWS,
        &[(CashAtEnd, 32_000)],
        &[
            "2024: identity `cash_at_end.fx_beside_change` breaks: cash_at_end 32000, fx_effect_on_cash + net_change_in_cash + cash_at_beginning = 31500, gap 500 (rounding explains up to 2)",
        ],
    );
    check_errors(RUSSIAN_CASH_FLOWS, &[(OperatingPayments, 461_000)], &[]);
    // A total that statements may print more lines under (`open` in the table):
    // a shortfall of its parts is a warning, as it may be a line bilans does not read.
    check(
        RUSSIAN_CASH_FLOWS,
        &[(OperatingPayments, 461_000)],
        Severity::Warning,
        &[
            "2024: identity `operating_cash_flow.direct` breaks: operating_cash_flow 40000, operating_receipts − operating_payments = 39000, gap 1000 (rounding explains up to 1.5)",
        ],
    );
    check_errors(
        US_CASH_FLOWS,
        &[
            (OperatingCashFlow, 14_000),
            (NetChangeInCash, 3_700),
            (CashAtEnd, 13_700),
            (CashAndEquivalents, 13_700),
        ],
        &[],
    );
    // An open total: a shortfall (or, for parts that can be negative, any gap) is a
    // warning, as the difference may be a line bilans does not read.
    check(
        US_CASH_FLOWS,
        &[
            (OperatingCashFlow, 14_000),
            (NetChangeInCash, 3_700),
            (CashAtEnd, 13_700),
            (CashAndEquivalents, 13_700),
        ],
        Severity::Warning,
        &[
            "2024: identity `operating_cash_flow.indirect` breaks: operating_cash_flow 14000, depreciation_and_amortisation + net_income + change_in_inventories + change_in_receivables + change_in_payables = 14300, gap -300 (rounding explains up to 3)",
        ],
    );
    check_errors(
        US_CASH_FLOWS,
        &[
            (NetChangeInCash, 4_500),
            (CashAtEnd, 14_500),
            (CashAndEquivalents, 14_500),
        ],
        &[
            "2024: identity `net_change_in_cash` breaks: net_change_in_cash 4500, operating_cash_flow + investing_cash_flow + financing_cash_flow = 4300, gap 200 (rounding explains up to 2)",
        ],
    );
}

#[test]
fn balance_sheet_cash_differing_from_closing_cash_is_a_warning() {
    check_errors(US_CASH_FLOWS, &[(CashAndEquivalents, 14_500)], &[]);
    check(
        US_CASH_FLOWS,
        &[(CashAndEquivalents, 14_500)],
        Severity::Warning,
        &[
            "2024: identity `closing_cash` breaks: cash_and_equivalents 14500, cash_at_end = 14000, gap 500 (rounding explains up to 1)",
        ],
    );
}

#[test]
fn a_gap_within_rounding_is_a_warning_and_scales_with_the_printed_digits() {
    // Three amounts printed in whole thousands: up to 1.5 is rounding.
    check(
        INCOME_BY_FUNCTION,
        &[(GrossProfit, 50_001)],
        Severity::Warning,
        &[
            "2024: identity `gross_profit` breaks: gross_profit 50001, revenue − cost_of_sales = 50000, gap 1 (rounding explains up to 1.5)",
            "2024: identity `sales_result.by_function` breaks: sales_result 25000, gross_profit − selling_expenses − administrative_expenses = 25001, gap -1 (rounding explains up to 2)",
        ],
    );
    let mut statements = Statements::new(Entity::company("Test"), Unit::thousands("XXX"));
    for (item, value) in [
        (Revenue, "200.0"),
        (CostOfSales, "150.4"),
        (GrossProfit, "49.8"),
    ] {
        statements.set(Period::year(2024), item, value.parse().unwrap());
    }
    let found: Vec<(Severity, String)> = validate(&statements)
        .into_iter()
        .map(|finding| (finding.severity, finding.to_string()))
        .collect();
    assert_eq!(found, [(
        Severity::Error,
        "2024: identity `gross_profit` breaks: gross_profit 49.8, revenue − cost_of_sales = 49.6, gap 0.2 (rounding explains up to 0.15)".to_owned(),
    )]);
}

#[test]
fn absent_totals_are_derived_from_their_complete_parts_only() {
    // Receivables from its three parts; the current assets then miss only what the
    // statement does not give.
    let found: Vec<String> = validate(&statements(
        &[
            (CurrentAssets, 10),
            (TradeReceivables, 4),
            (OtherReceivables, 3),
            (TaxReceivables, 2),
        ],
        &[],
    ))
    .into_iter()
    .map(|finding| finding.to_string())
    .collect();
    assert_eq!(
        found,
        [
            "2024: identity `current_assets` not checked: missing inventories, recoverable_vat, short_term_investments_and_cash, prepayments, other_current_assets",
        ]
    );
}

#[test]
fn seed_004s_current_assets_break_is_reported() {
    check_errors(
        &[
            (CurrentAssets, 147_787),
            (Inventories, 43_802),
            (Receivables, 69_705),
            (OtherCurrentAssets, 43_280),
        ],
        &[],
        &[
            "2024: identity `current_assets` breaks: the parts given, inventories + receivables + other_current_assets = 156787, exceed current_assets 147787, gap -9000 (the parts not given cannot be negative)",
        ],
    );
}
