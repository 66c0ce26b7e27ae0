//! The flags of `bilans wc` subcommands (clap derive).

use bilans_ratios::DaysInYear;
use rust_decimal::Decimal;

/// Subcommands of `bilans wc`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Supplier deferral that offsets the deferral given to clients, and the deferral
    /// beyond which financial-operating needs turn negative (the seed's A/B example).
    SupplierDeferral(SupplierDeferralArgs),
    /// Cost of forgoing a cash discount (nominal and effective annual) against the
    /// bank rate, with the decision.
    Discount(DiscountArgs),
    /// Discount a bill of exchange: discount, proceeds, cost; optionally compare with
    /// the return on the funds and with inflation.
    Bill(BillArgs),
    /// Cost of factoring (commission + interest on the early payment) and its effective
    /// annual rate; optionally compare with the return on the funds and with inflation.
    Factoring(FactoringArgs),
    /// Average deferral that paying wages in arrears gives (monthly 15 days,
    /// fortnightly 7).
    Wages(WagesArgs),
    /// US express approximation of the payables period: payables / (½ × daily revenue).
    ExpressPayables(ExpressPayablesArgs),
    /// Chronological mean of balances at equally spaced dates.
    Mean(MeanArgs),
    /// Share of revenue that can go on deposit, from last year's average balance.
    DepositShare(DepositShareArgs),
    /// Deposit income with interest capitalised at a given frequency.
    DepositIncome(DepositIncomeArgs),
    /// Current-asset, current-liability and combined policy (Table 8).
    Policy(PolicyArgs),
}

/// 360 or 365 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Days {
    /// 360 days (banking year).
    #[value(name = "360")]
    Days360,
    /// 365 days.
    #[value(name = "365")]
    Days365,
}

impl From<Days> for DaysInYear {
    fn from(days: Days) -> DaysInYear {
        match days {
            Days::Days360 => DaysInYear::Days360,
            Days::Days365 => DaysInYear::Days365,
        }
    }
}

/// `--json`, shared by every calculator.
#[derive(Debug, clap::Args)]
pub(crate) struct OutputArgs {
    /// Print JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

/// `--days-in-year`, shared by the calculators that annualise.
#[derive(Debug, clap::Args)]
pub(crate) struct YearArgs {
    /// Days in the year.
    #[arg(long, value_enum, default_value = "360")]
    pub(crate) days_in_year: Days,
}

/// Flags of `bilans wc supplier-deferral`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct SupplierDeferralArgs {
    /// Average monthly turnover (sales).
    #[arg(long)]
    pub(crate) monthly_turnover: Decimal,
    /// Average monthly purchases of raw materials on supplier credit.
    #[arg(long)]
    pub(crate) monthly_purchases: Decimal,
    /// Months of deferral given to clients.
    #[arg(long, default_value = "1")]
    pub(crate) client_deferral_months: Decimal,
    /// Months of deferral obtained from suppliers.
    #[arg(long, default_value = "1")]
    pub(crate) supplier_deferral_months: Decimal,
    /// Inventories to finance as well.
    #[arg(long, default_value = "0")]
    pub(crate) inventories: Decimal,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Flags of `bilans wc discount`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct DiscountArgs {
    /// Cash discount in percent of the price (2 for "2/10 net 30"); below 100.
    #[arg(long)]
    pub(crate) discount_percent: Decimal,
    /// Discount period in days (10 for "2/10 net 30").
    #[arg(long)]
    pub(crate) discount_days: Decimal,
    /// Payment term in days (30 for "2/10 net 30"); longer than the discount period.
    #[arg(long)]
    pub(crate) payment_term_days: Decimal,
    /// The bank's annual credit rate in percent.
    #[arg(long)]
    pub(crate) bank_rate_percent: Decimal,
    #[command(flatten)]
    pub(crate) year: YearArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Benchmarks for early payment.
#[derive(Debug, clap::Args)]
pub(crate) struct EarlyPaymentArgs {
    /// Annual return the firm can earn on the funds, in percent.
    #[arg(long)]
    pub(crate) return_on_funds_percent: Option<Decimal>,
    /// Expected inflation over the period, in percent.
    #[arg(long)]
    pub(crate) inflation_percent: Option<Decimal>,
}

/// Flags of `bilans wc bill`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct BillArgs {
    /// The bill's face value.
    #[arg(long)]
    pub(crate) face_value: Decimal,
    /// The bank's annual discount rate in percent.
    #[arg(long)]
    pub(crate) discount_rate_percent: Decimal,
    /// Days from discounting to maturity.
    #[arg(long)]
    pub(crate) days_to_maturity: Decimal,
    #[command(flatten)]
    pub(crate) year: YearArgs,
    #[command(flatten)]
    pub(crate) early: EarlyPaymentArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Flags of `bilans wc factoring`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct FactoringArgs {
    /// The invoice amount.
    #[arg(long)]
    pub(crate) invoice_amount: Decimal,
    /// The factor's commission in percent of the invoice.
    #[arg(long)]
    pub(crate) commission_percent: Decimal,
    /// Share of the invoice paid early, in percent.
    #[arg(long, default_value = "100")]
    pub(crate) advance_percent: Decimal,
    /// Annual interest rate on the early payment, in percent.
    #[arg(long)]
    pub(crate) interest_rate_percent: Decimal,
    /// Days between the early payment and the due date.
    #[arg(long)]
    pub(crate) days_early: Decimal,
    #[command(flatten)]
    pub(crate) year: YearArgs,
    #[command(flatten)]
    pub(crate) early: EarlyPaymentArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// How often wages are paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Frequency {
    /// Once a month.
    Monthly,
    /// Every two weeks.
    Fortnightly,
}

/// Flags of `bilans wc wages`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct WagesArgs {
    /// Pay frequency.
    #[arg(
        long,
        value_enum,
        conflicts_with = "interval_days",
        required_unless_present = "interval_days"
    )]
    pub(crate) frequency: Option<Frequency>,
    /// Or any pay interval in days.
    #[arg(long)]
    pub(crate) interval_days: Option<Decimal>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Flags of `bilans wc express-payables`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct ExpressPayablesArgs {
    /// Trade payables.
    #[arg(long)]
    pub(crate) payables: Decimal,
    /// Annual revenue.
    #[arg(long)]
    pub(crate) annual_revenue: Decimal,
    #[command(flatten)]
    pub(crate) year: YearArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Flags of `bilans wc mean`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct MeanArgs {
    /// Balances at equally spaced dates, in order (at least two).
    #[arg(required = true)]
    pub(crate) values: Vec<Decimal>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Which mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum MeanKind {
    /// Chronological mean (the seed's choice).
    Chronological,
    /// Arithmetic mean.
    Arithmetic,
}

/// Flags of `bilans wc deposit-share`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct DepositShareArgs {
    /// Current-account balances over last year's period as long as the deposit,
    /// comma-separated, at equally spaced dates.
    #[arg(long, value_delimiter = ',', required = true)]
    pub(crate) balances: Vec<Decimal>,
    /// Revenue of that period last year.
    #[arg(long)]
    pub(crate) revenue_of_period: Decimal,
    /// Expected revenue of the coming period, to get the amount for the deposit.
    #[arg(long)]
    pub(crate) expected_revenue: Option<Decimal>,
    /// The mean of the balances.
    #[arg(long, value_enum, default_value = "chronological")]
    pub(crate) mean: MeanKind,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Compounding frequency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CompoundingKind {
    /// Simple interest paid at maturity.
    AtMaturity,
    /// Once a year.
    Annually,
    /// Twice a year.
    SemiAnnually,
    /// Every quarter.
    Quarterly,
    /// Every month.
    Monthly,
}

/// Flags of `bilans wc deposit-income`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct DepositIncomeArgs {
    /// The amount deposited.
    #[arg(long)]
    pub(crate) principal: Decimal,
    /// Annual interest rate in percent.
    #[arg(long)]
    pub(crate) annual_rate_percent: Decimal,
    /// Term in months.
    #[arg(long)]
    pub(crate) term_months: u32,
    /// How often interest is capitalised.
    #[arg(long, value_enum, default_value = "at-maturity")]
    pub(crate) compounding: CompoundingKind,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Flags of `bilans wc policy`.
#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub(crate) struct PolicyArgs {
    /// Share of current assets in total assets, in percent.
    #[arg(long)]
    pub(crate) current_asset_share_percent: Decimal,
    /// Share of short-term credit in all liabilities, in percent.
    #[arg(long)]
    pub(crate) short_term_credit_share_percent: Decimal,
    /// Turnover period of working funds in days (used only with --turnover-bands).
    #[arg(long)]
    pub(crate) turnover_days: Option<Decimal>,
    /// The policy bands.
    #[command(flatten)]
    pub(crate) bands: PolicyBandsArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// The working-capital policy bands (seed 002's naming), shared by `bilans wc policy`
/// and `bilans analyse`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct PolicyBandsArgs {
    /// Current-asset share bands "CONSERVATIVE_BELOW,AGGRESSIVE_FROM" in percent.
    #[arg(long, default_value = "45,50")]
    pub(crate) asset_share_bands: String,
    /// Turnover bands in days "CONSERVATIVE_BELOW,AGGRESSIVE_FROM" (off by default).
    #[arg(long)]
    pub(crate) turnover_bands: Option<String>,
    /// Short-term credit share bands in percent "CONSERVATIVE_BELOW,AGGRESSIVE_FROM".
    #[arg(long, default_value = "10,50")]
    pub(crate) credit_share_bands: String,
}
