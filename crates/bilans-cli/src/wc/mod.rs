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

use crate::lang::{lang, message, text};
use crate::output::print;
use crate::reproduce_args::{self, fixture_text};
use crate::wc::args::*;

pub(crate) mod args;

pub(crate) use crate::wc::args::Command;

/// Runs `bilans wc`: the results worded in `lang` (JSON keeps its machine names).
pub(crate) fn run(command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::SupplierDeferral(args) => supplier_deferral(&args, lang),
        Command::Discount(args) => discount(&args, lang),
        Command::Bill(args) => bill(&args, lang),
        Command::Factoring(args) => factoring(&args, lang),
        Command::Wages(args) => wages(&args, lang),
        Command::ExpressPayables(args) => express_payables(&args, lang),
        Command::Mean(args) => mean(&args, lang),
        Command::DepositShare(args) => deposit_share(&args, lang),
        Command::DepositIncome(args) => deposit_income(&args, lang),
        Command::Policy(args) => policy(&args, lang),
    }?;
    Ok(ExitCode::SUCCESS)
}

/// The transcription of seed 002 shipped with bilans.
const SEED002: &str = include_str!("../../../../fixtures/seeds/seed002_working_capital.toml");

/// Runs `bilans reproduce working-capital`.
pub(crate) fn reproduce(args: &reproduce_args::Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let (fixture, origin) = fixture_text(args, SEED002, lang)?;
    let seed: wc::seed002::PublishedSeed002 = toml::from_str(&fixture)
        .with_context(|| message(lang, "context.reading", &[("path", &origin)]))?;
    let reproduction = wc::seed002::reproduce(&seed)
        .with_context(|| message(lang, "context.checking", &[("path", &origin)]))?;
    if args.json {
        print(&serde_json::to_string_pretty(&reproduction.reconciliation)?)?;
    } else {
        print(&wc::render::seed002_report_in(&reproduction, lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A library error, with the flag that sets the offending parameter.
fn library_error(error: WorkingCapitalError) -> anyhow::Error {
    match error.parameter() {
        Some(parameter) if parameter != "values" => {
            anyhow::anyhow!(message(
                lang(),
                "context.set_by",
                &[
                    ("error", &error.text_in(lang())),
                    ("flag", &parameter.replace('_', "-")),
                ],
            ))
        }
        _ => anyhow::anyhow!(error.text_in(lang())),
    }
}

/// Text lines "label: value", each label a message key of `wc` worded in `lang`.
fn lines(rows: &[(&str, String)], lang: Lang) -> String {
    let mut out = String::new();
    for (key, value) in rows {
        let _ = writeln!(out, "{}: {value}", text(lang, key));
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

fn supplier_deferral(args: &SupplierDeferralArgs, lang: Lang) -> anyhow::Result<()> {
    let input = DeferralInput {
        monthly_turnover: args.monthly_turnover,
        monthly_purchases: args.monthly_purchases,
        client_deferral_months: args.client_deferral_months,
        supplier_deferral_months: args.supplier_deferral_months,
        inventories: args.inventories,
    };
    let result = wc::supplier_deferral(&input).map_err(library_error)?;
    let text = lines(
        &[
            ("wc.receivables", two(result.receivables)),
            ("wc.payables", two(result.payables)),
            (
                "wc.uncovered_receivables",
                two(result.uncovered_receivables),
            ),
            (
                "wc.financial_operating_needs",
                two(result.financial_operating_needs),
            ),
            (
                "wc.required_supplier_deferral",
                four(result.required_supplier_deferral_months),
            ),
            (
                "wc.supplier_to_client",
                format!("{}:1", four(result.supplier_to_client_deferral_ratio)),
            ),
            (
                "wc.negative_needs_threshold",
                four(result.negative_needs_threshold_months),
            ),
        ],
        lang,
    );
    emit(&args.output, &input, &result, &text)
}

fn discount(args: &DiscountArgs, lang: Lang) -> anyhow::Result<()> {
    let input = CashDiscountInput {
        discount_percent: args.discount_percent,
        discount_days: args.discount_days,
        payment_term_days: args.payment_term_days,
        bank_rate_percent: args.bank_rate_percent,
        days_in_year: args.year.days_in_year.into(),
    };
    let result = wc::cash_discount_cost(&input).map_err(library_error)?;
    let decision = match result.decision {
        wc::DiscountDecision::TakeDiscount => text(lang, "wc.take_discount"),
        wc::DiscountDecision::PayAtTerm => text(lang, "wc.pay_at_term"),
        wc::DiscountDecision::Indifferent => text(lang, "wc.indifferent"),
    };
    let text = lines(
        &[
            ("wc.nominal_annual", two(result.nominal_annual_percent)),
            (
                "wc.effective_annual_forgoing",
                two(result.effective_annual_percent),
            ),
            ("wc.bank_rate", two(result.bank_rate_percent)),
            ("wc.decision", decision.to_owned()),
        ],
        lang,
    );
    emit(&args.output, &input, &result, &text)
}

fn comparison_lines(
    comparison: &EarlyPaymentComparison,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    let verdict = |test: &wc::EarlyPaymentTest, benchmark: &str, cost: &str| {
        let word = if test.worthwhile {
            text(lang, "wc.worth_it")
        } else {
            text(lang, "wc.not_worth_it")
        };
        message(
            lang,
            "wc.verdict",
            &[
                ("word", &word),
                ("benchmark", &text(lang, benchmark)),
                ("benchmark_percent", &two(test.benchmark_percent)),
                ("cost", &text(lang, cost)),
                ("cost_percent", &two(test.cost_percent)),
            ],
        )
    };
    let mut rows = Vec::new();
    if let Some(test) = &comparison.return_on_funds {
        rows.push((
            "wc.return_vs_cost",
            verdict(test, "wc.return", "wc.effective_annual"),
        ));
    }
    if let Some(test) = &comparison.inflation {
        rows.push((
            "wc.inflation_vs_cost",
            verdict(test, "wc.inflation", "wc.cost_for_period"),
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
    lang: Lang,
    output: &OutputArgs,
    early: &EarlyPaymentArgs,
    input: &I,
    result: &R,
    cost: &EarlyPaymentCost,
    mut rows: Vec<(&str, String)>,
) -> anyhow::Result<()> {
    let comparison =
        wc::compare_early_payment(cost, early.return_on_funds_percent, early.inflation_percent);
    rows.extend(comparison_lines(&comparison, lang));
    let result = WithComparison { result, comparison };
    emit(output, input, &result, &lines(&rows, lang))
}

fn bill(args: &BillArgs, lang: Lang) -> anyhow::Result<()> {
    let input = BillInput {
        face_value: args.face_value,
        discount_rate_percent: args.discount_rate_percent,
        days_to_maturity: args.days_to_maturity,
        days_in_year: args.year.days_in_year.into(),
    };
    let result = wc::discount_bill(&input).map_err(library_error)?;
    let rows = vec![
        ("wc.discount", two(result.discount)),
        ("wc.proceeds", two(result.proceeds)),
        ("wc.cost_of_face_value", two(result.cost_for_period_percent)),
        (
            "wc.effective_annual_cost",
            two(result.effective_annual_percent),
        ),
    ];
    let cost = EarlyPaymentCost::from(&result);
    emit_early_payment(
        lang,
        &args.output,
        &args.early,
        &input,
        &result,
        &cost,
        rows,
    )
}

fn factoring(args: &FactoringArgs, lang: Lang) -> anyhow::Result<()> {
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
        ("wc.commission", two(result.commission)),
        ("wc.advance", two(result.advance)),
        ("wc.interest", two(result.interest)),
        ("wc.total_cost", two(result.total_cost)),
        ("wc.net_proceeds", two(result.net_proceeds)),
        ("wc.cost_of_invoice", two(result.cost_for_period_percent)),
        (
            "wc.effective_annual_cost",
            two(result.effective_annual_percent),
        ),
    ];
    let cost = EarlyPaymentCost::from(&result);
    emit_early_payment(
        lang,
        &args.output,
        &args.early,
        &input,
        &result,
        &cost,
        rows,
    )
}

fn wages(args: &WagesArgs, lang: Lang) -> anyhow::Result<()> {
    let frequency = match (args.frequency, args.interval_days) {
        (Some(Frequency::Monthly), _) => PayFrequency::Monthly,
        (Some(Frequency::Fortnightly), _) => PayFrequency::Fortnightly,
        (None, Some(days)) => PayFrequency::EveryDays(days),
        (None, None) => anyhow::bail!(text(lang, "context.frequency_or_interval").to_owned()),
    };
    let days = wc::wage_deferral_days(frequency).map_err(library_error)?;
    let text = lines(&[("wc.wage_deferral", four(days))], lang);
    emit(
        &args.output,
        &frequency,
        &serde_json::json!({ "deferral_days": days }),
        &text,
    )
}

fn express_payables(args: &ExpressPayablesArgs, lang: Lang) -> anyhow::Result<()> {
    let days_in_year: DaysInYear = args.year.days_in_year.into();
    let days = wc::express_payables_days(args.payables, args.annual_revenue, days_in_year)
        .map_err(library_error)?;
    let input = serde_json::json!({
        "payables": args.payables,
        "annual_revenue": args.annual_revenue,
        "days_in_year": days_in_year,
    });
    let text = lines(&[("wc.express_payables", two(days))], lang);
    emit(
        &args.output,
        &input,
        &serde_json::json!({ "payables_days": days }),
        &text,
    )
}

fn mean(args: &MeanArgs, lang: Lang) -> anyhow::Result<()> {
    let mean = wc::chronological_mean(&args.values).map_err(library_error)?;
    let text = lines(&[("wc.chronological_mean", four(mean))], lang);
    emit(
        &args.output,
        &serde_json::json!({ "values": args.values }),
        &serde_json::json!({ "chronological_mean": mean }),
        &text,
    )
}

fn deposit_share(args: &DepositShareArgs, lang: Lang) -> anyhow::Result<()> {
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
        ("wc.average_balance", two(result.average_balance)),
        ("wc.deposit_share", two(result.share_percent)),
    ];
    if let Some(amount) = result.depositable_amount {
        rows.push(("wc.depositable_amount", two(amount)));
    }
    let input = serde_json::json!({
        "balances": args.balances,
        "mean": mean,
        "revenue_of_period": args.revenue_of_period,
        "expected_revenue": args.expected_revenue,
    });
    emit(&args.output, &input, &result, &lines(&rows, lang))
}

fn deposit_income(args: &DepositIncomeArgs, lang: Lang) -> anyhow::Result<()> {
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
    let text = lines(
        &[
            ("wc.final_amount", two(result.final_amount)),
            ("wc.income", two(result.income)),
        ],
        lang,
    );
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
fn bands(parameter: &'static str, given: &str, values: BandValues) -> anyhow::Result<PolicyBands> {
    let flag = parameter.replace('_', "-");
    let parts: Vec<&str> = given.split(',').map(str::trim).collect();
    let [low, high] = parts.as_slice() else {
        anyhow::bail!(message(
            lang(),
            "context.expected_bounds",
            &[("flag", &flag), ("text", &given)],
        ));
    };
    let number = |part: &str| -> anyhow::Result<Decimal> {
        part.parse().with_context(|| {
            message(
                lang(),
                "context.not_a_number",
                &[("flag", &flag), ("part", &part)],
            )
        })
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

fn policy(args: &PolicyArgs, lang: Lang) -> anyhow::Result<()> {
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
    let mut rows = vec![("wc.asset_policy", assets.policy.label_in(lang).to_owned())];
    if let Some(by_turnover) = assets.by_turnover {
        rows.push((
            "wc.indicators",
            message(
                lang,
                "wc.share_and_turnover",
                &[
                    ("share", &assets.by_share.label_in(lang)),
                    ("turnover", &by_turnover.label_in(lang)),
                ],
            ),
        ));
    }
    rows.push(("wc.liability_policy", liabilities.label_in(lang).to_owned()));
    rows.push(("wc.combined_policy", combined.label_in(lang).to_owned()));
    let mut text = lines(&rows, lang);
    let _ = writeln!(
        text,
        "{}",
        message(lang, "wc.note", &[("note", &wc::naming_note_in(lang))])
    );
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
