//! `bilans wc`: the working-capital calculators of seed 002, and `bilans reproduce
//! working-capital`.
//!
//! Every subcommand parses flags, calls one function of
//! `bilans_ratios::working_capital` and prints its result: as text (values rounded half
//! away from zero to 2 decimals, months and ratios to 4) or, with `--json`, as the
//! inputs and the full-precision results. Rates and shares are in percent (2 = 2 %).

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Context;
use bilans_model::Lang;
use bilans_model::reconcile::round_as_printed;
use bilans_ratios::DaysInYear;
use bilans_ratios::working_capital::{
    self as wc, BillInput, CashDiscountInput, Compounding, DeferralInput, EarlyPaymentComparison,
    EarlyPaymentCost, FactoringInput, Mean, NAMING_NOTE, PayFrequency, PolicyBands,
    PolicyClassification, PolicyConfig, PolicyIndicators, WorkingCapitalError,
};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::output::print;
use crate::reproduce_args::{self, fixture_text};
use crate::wc::args::*;

pub(crate) mod args;

pub(crate) use crate::wc::args::Command;

/// Runs `bilans wc`.
/// FIXME(issue 15): its reports are still English whatever `--lang` says.
pub(crate) fn run(command: Command, _lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::SupplierDeferral(args) => supplier_deferral(&args),
        Command::Discount(args) => discount(&args),
        Command::Bill(args) => bill(&args),
        Command::Factoring(args) => factoring(&args),
        Command::Wages(args) => wages(&args),
        Command::ExpressPayables(args) => express_payables(&args),
        Command::Mean(args) => mean(&args),
        Command::DepositShare(args) => deposit_share(&args),
        Command::DepositIncome(args) => deposit_income(&args),
        Command::Policy(args) => policy(&args),
    }?;
    Ok(ExitCode::SUCCESS)
}

/// The transcription of seed 002 shipped with bilans.
const SEED002: &str = include_str!("../../../../fixtures/seeds/seed002_working_capital.toml");

/// Runs `bilans reproduce working-capital`.
pub(crate) fn reproduce(args: &reproduce_args::Args) -> anyhow::Result<ExitCode> {
    let (text, origin) = fixture_text(args, SEED002)?;
    let seed: wc::seed002::PublishedSeed002 =
        toml::from_str(&text).with_context(|| format!("reading {origin}"))?;
    let reproduction =
        wc::seed002::reproduce(&seed).with_context(|| format!("checking {origin}"))?;
    if args.json {
        print(&serde_json::to_string_pretty(&reproduction.reconciliation)?)?;
    } else {
        print(&wc::render::seed002_report(&reproduction))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A library error, with the flag that sets the offending parameter.
fn library_error(error: WorkingCapitalError) -> anyhow::Error {
    match error.parameter() {
        Some(parameter) if parameter != "values" => {
            anyhow::anyhow!(
                "{error}\nhint: it is set by --{}",
                parameter.replace('_', "-")
            )
        }
        _ => anyhow::Error::new(error),
    }
}

/// Text lines "label: value".
fn lines(rows: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (label, value) in rows {
        let _ = writeln!(out, "{label}: {value}");
    }
    out
}

/// Rounded half away from zero to 2 decimals.
fn two(value: Decimal) -> String {
    bilans_model::reconcile::fixed(value, 2)
}

/// Rounded half away from zero to 4 decimals, without trailing zeros.
fn four(value: Decimal) -> String {
    round_as_printed(value, 4).normalize().to_string()
}

/// Prints `input` and `result` as JSON (with `--json`), or `text`.
fn emit<I: Serialize, R: Serialize>(
    output: &OutputArgs,
    input: &I,
    result: &R,
    text: &str,
) -> anyhow::Result<()> {
    if output.json {
        let value = serde_json::json!({ "input": input, "result": result });
        return print(&serde_json::to_string_pretty(&value)?);
    }
    print(text)
}

fn supplier_deferral(args: &SupplierDeferralArgs) -> anyhow::Result<()> {
    let input = DeferralInput {
        monthly_turnover: args.monthly_turnover,
        monthly_purchases: args.monthly_purchases,
        client_deferral_months: args.client_deferral_months,
        supplier_deferral_months: args.supplier_deferral_months,
        inventories: args.inventories,
    };
    let result = wc::supplier_deferral(&input).map_err(library_error)?;
    let text = lines(&[
        ("receivables", two(result.receivables)),
        ("payables (supplier credit)", two(result.payables)),
        (
            "receivables not covered by supplier credit",
            two(result.uncovered_receivables),
        ),
        (
            "financial-operating needs (narrow)",
            two(result.financial_operating_needs),
        ),
        (
            "supplier deferral that offsets the receivables (months)",
            four(result.required_supplier_deferral_months),
        ),
        (
            "supplier months per client month",
            format!("{}:1", four(result.supplier_to_client_deferral_ratio)),
        ),
        (
            "needs are negative beyond (supplier months)",
            four(result.negative_needs_threshold_months),
        ),
    ]);
    emit(&args.output, &input, &result, &text)
}

fn discount(args: &DiscountArgs) -> anyhow::Result<()> {
    let input = CashDiscountInput {
        discount_percent: args.discount_percent,
        discount_days: args.discount_days,
        payment_term_days: args.payment_term_days,
        bank_rate_percent: args.bank_rate_percent,
        days_in_year: args.year.days_in_year.into(),
    };
    let result = wc::cash_discount_cost(&input).map_err(library_error)?;
    let decision = match result.decision {
        wc::DiscountDecision::TakeDiscount => {
            "take the discount: pay within the discount period, on bank credit if needed"
        }
        wc::DiscountDecision::PayAtTerm => "forgo the discount: pay at the end of the term",
        wc::DiscountDecision::Indifferent => "indifferent: the cost equals the bank rate",
    };
    let text = lines(&[
        (
            "cost of forgoing the discount, nominal annual (%)",
            two(result.nominal_annual_percent),
        ),
        (
            "cost of forgoing the discount, effective annual (%)",
            two(result.effective_annual_percent),
        ),
        ("bank rate (%)", two(result.bank_rate_percent)),
        ("decision", decision.to_owned()),
    ]);
    emit(&args.output, &input, &result, &text)
}

fn comparison_lines(comparison: &EarlyPaymentComparison) -> Vec<(&'static str, String)> {
    let verdict = |test: &wc::EarlyPaymentTest, benchmark: &str, cost: &str| {
        let word = if test.worthwhile {
            "worth it"
        } else {
            "not worth it"
        };
        format!(
            "{word} ({benchmark} {} % vs {cost} {} %)",
            two(test.benchmark_percent),
            two(test.cost_percent)
        )
    };
    let mut rows = Vec::new();
    if let Some(test) = &comparison.return_on_funds {
        rows.push((
            "return on the funds vs cost",
            verdict(test, "return", "effective annual cost"),
        ));
    }
    if let Some(test) = &comparison.inflation {
        rows.push((
            "inflation vs cost",
            verdict(test, "inflation", "cost for the period"),
        ));
    }
    rows
}

#[derive(Serialize)]
struct WithComparison<'a, R: Serialize> {
    #[serde(flatten)]
    result: &'a R,
    comparison: EarlyPaymentComparison,
}

/// Emits a discounted bill or factoring: its `rows`, then the seed's comparisons of its
/// `cost` with the benchmarks given, which the JSON adds to `result`.
fn emit_early_payment<I: Serialize, R: Serialize>(
    output: &OutputArgs,
    early: &EarlyPaymentArgs,
    input: &I,
    result: &R,
    cost: &EarlyPaymentCost,
    mut rows: Vec<(&str, String)>,
) -> anyhow::Result<()> {
    let comparison =
        wc::compare_early_payment(cost, early.return_on_funds_percent, early.inflation_percent);
    rows.extend(comparison_lines(&comparison));
    let result = WithComparison { result, comparison };
    emit(output, input, &result, &lines(&rows))
}

fn bill(args: &BillArgs) -> anyhow::Result<()> {
    let input = BillInput {
        face_value: args.face_value,
        discount_rate_percent: args.discount_rate_percent,
        days_to_maturity: args.days_to_maturity,
        days_in_year: args.year.days_in_year.into(),
    };
    let result = wc::discount_bill(&input).map_err(library_error)?;
    let rows = vec![
        ("discount", two(result.discount)),
        ("proceeds", two(result.proceeds)),
        (
            "cost for the period (% of face value)",
            two(result.cost_for_period_percent),
        ),
        (
            "effective annual cost (%)",
            two(result.effective_annual_percent),
        ),
    ];
    let cost = EarlyPaymentCost::from(&result);
    emit_early_payment(&args.output, &args.early, &input, &result, &cost, rows)
}

fn factoring(args: &FactoringArgs) -> anyhow::Result<()> {
    let input = FactoringInput {
        invoice_amount: args.invoice_amount,
        commission_percent: args.commission_percent,
        advance_percent: args.advance_percent,
        interest_rate_percent: args.interest_rate_percent,
        days_early: args.days_early,
        days_in_year: args.year.days_in_year.into(),
    };
    let result = wc::factoring_cost(&input).map_err(library_error)?;
    let rows = vec![
        ("commission", two(result.commission)),
        ("amount paid early", two(result.advance)),
        ("interest on the early payment", two(result.interest)),
        ("total cost", two(result.total_cost)),
        ("net proceeds", two(result.net_proceeds)),
        (
            "cost for the period (% of invoice)",
            two(result.cost_for_period_percent),
        ),
        (
            "effective annual cost (%)",
            two(result.effective_annual_percent),
        ),
    ];
    let cost = EarlyPaymentCost::from(&result);
    emit_early_payment(&args.output, &args.early, &input, &result, &cost, rows)
}

fn wages(args: &WagesArgs) -> anyhow::Result<()> {
    let frequency = match (args.frequency, args.interval_days) {
        (Some(Frequency::Monthly), _) => PayFrequency::Monthly,
        (Some(Frequency::Fortnightly), _) => PayFrequency::Fortnightly,
        (None, Some(days)) => PayFrequency::EveryDays(days),
        (None, None) => anyhow::bail!("give --frequency or --interval-days"),
    };
    let days = wc::wage_deferral_days(frequency).map_err(library_error)?;
    let text = lines(&[("average wage deferral (days)", four(days))]);
    emit(
        &args.output,
        &frequency,
        &serde_json::json!({ "deferral_days": days }),
        &text,
    )
}

fn express_payables(args: &ExpressPayablesArgs) -> anyhow::Result<()> {
    let days_in_year: DaysInYear = args.year.days_in_year.into();
    let days = wc::express_payables_days(args.payables, args.annual_revenue, days_in_year)
        .map_err(library_error)?;
    let input = serde_json::json!({
        "payables": args.payables,
        "annual_revenue": args.annual_revenue,
        "days_in_year": days_in_year,
    });
    let text = lines(&[(
        "payables period, US express approximation (days)",
        two(days),
    )]);
    emit(
        &args.output,
        &input,
        &serde_json::json!({ "payables_days": days }),
        &text,
    )
}

fn mean(args: &MeanArgs) -> anyhow::Result<()> {
    let mean = wc::chronological_mean(&args.values).map_err(library_error)?;
    let text = lines(&[("chronological mean", four(mean))]);
    emit(
        &args.output,
        &serde_json::json!({ "values": args.values }),
        &serde_json::json!({ "chronological_mean": mean }),
        &text,
    )
}

fn deposit_share(args: &DepositShareArgs) -> anyhow::Result<()> {
    let mean = match args.mean {
        MeanKind::Chronological => Mean::Chronological,
        MeanKind::Arithmetic => Mean::Arithmetic,
    };
    let result = wc::deposit_share(
        &args.balances,
        mean,
        args.revenue_of_period,
        args.expected_revenue,
    )
    .map_err(library_error)?;
    let mut rows = vec![
        ("average balance", two(result.average_balance)),
        (
            "share of revenue that can go on deposit (%)",
            two(result.share_percent),
        ),
    ];
    if let Some(amount) = result.depositable_amount {
        rows.push((
            "amount for the deposit out of the expected revenue",
            two(amount),
        ));
    }
    let input = serde_json::json!({
        "balances": args.balances,
        "mean": mean,
        "revenue_of_period": args.revenue_of_period,
        "expected_revenue": args.expected_revenue,
    });
    emit(&args.output, &input, &result, &lines(&rows))
}

fn deposit_income(args: &DepositIncomeArgs) -> anyhow::Result<()> {
    let compounding = match args.compounding {
        CompoundingKind::AtMaturity => Compounding::AtMaturity,
        CompoundingKind::Annually => Compounding::Annually,
        CompoundingKind::SemiAnnually => Compounding::SemiAnnually,
        CompoundingKind::Quarterly => Compounding::Quarterly,
        CompoundingKind::Monthly => Compounding::Monthly,
    };
    let result = wc::deposit_income(
        args.principal,
        args.annual_rate_percent,
        args.term_months,
        compounding,
    )
    .map_err(library_error)?;
    let text = lines(&[
        ("final amount", two(result.final_amount)),
        ("income", two(result.income)),
    ]);
    let input = serde_json::json!({
        "principal": args.principal,
        "annual_rate_percent": args.annual_rate_percent,
        "term_months": args.term_months,
        "compounding": compounding,
    });
    emit(&args.output, &input, &result, &text)
}

/// Which values a band flag takes.
#[derive(Clone, Copy)]
enum BandValues {
    /// Shares in percent, from 0 to 100.
    Shares,
    /// Any number (turnover days: the cash conversion cycle may be negative).
    Any,
}

/// Parses "LOW,HIGH" for the flag named `parameter` (snake case).
fn bands(parameter: &'static str, text: &str, values: BandValues) -> anyhow::Result<PolicyBands> {
    let flag = parameter.replace('_', "-");
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let [low, high] = parts.as_slice() else {
        anyhow::bail!("--{flag}: expected CONSERVATIVE_BELOW,AGGRESSIVE_FROM, got `{text}`");
    };
    let number = |part: &str| -> anyhow::Result<Decimal> {
        part.parse()
            .with_context(|| format!("--{flag}: `{part}` is not a number"))
    };
    let (low, high) = (number(low)?, number(high)?);
    match values {
        BandValues::Shares => PolicyBands::shares(parameter, low, high),
        BandValues::Any => PolicyBands::new(parameter, low, high),
    }
    .map_err(library_error)
}

/// The policy configuration the band flags describe.
pub(crate) fn policy_config(args: &PolicyBandsArgs) -> anyhow::Result<PolicyConfig> {
    Ok(PolicyConfig {
        current_asset_share_percent: bands(
            "asset_share_bands",
            &args.asset_share_bands,
            BandValues::Shares,
        )?,
        turnover_days: args
            .turnover_bands
            .as_deref()
            .map(|text| bands("turnover_bands", text, BandValues::Any))
            .transpose()?,
        short_term_credit_share_percent: bands(
            "credit_share_bands",
            &args.credit_share_bands,
            BandValues::Shares,
        )?,
    })
}

fn policy(args: &PolicyArgs) -> anyhow::Result<()> {
    let config = policy_config(&args.bands)?;
    let indicators = PolicyIndicators {
        current_asset_share_percent: args.current_asset_share_percent,
        short_term_credit_share_percent: args.short_term_credit_share_percent,
        turnover_days: args.turnover_days,
    };
    let PolicyClassification {
        assets,
        liabilities,
        combined,
    } = wc::classify_policies(&indicators, &config).map_err(library_error)?;
    let mut rows = vec![("current-asset policy", assets.policy.to_string())];
    if let Some(by_turnover) = assets.by_turnover {
        rows.push((
            "  indicators",
            format!(
                "share says {}, turnover says {by_turnover}",
                assets.by_share
            ),
        ));
    }
    rows.push(("current-liability policy", liabilities.to_string()));
    rows.push(("combined policy (Table 8)", combined.to_string()));
    let mut text = lines(&rows);
    let _ = writeln!(text, "note: {NAMING_NOTE}");
    let input = serde_json::json!({
        "current_asset_share_percent": args.current_asset_share_percent,
        "short_term_credit_share_percent": args.short_term_credit_share_percent,
        "turnover_days": args.turnover_days,
        "bands": config,
    });
    let result = serde_json::json!({
        "assets": assets,
        "liabilities": liabilities,
        "combined": combined,
        "naming_note": NAMING_NOTE,
    });
    emit(&args.output, &input, &result, &text)
}
