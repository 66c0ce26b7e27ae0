//! Working-capital management after seed 002: financial-operating needs, turnover
//! periods, the policies of current-asset and current-liability management with
//! Table 8's matrix, and the calculators of trade credit, discounts, bills, factoring
//! and cash.
//!
//! The statement-based measures are catalogue ratios (group
//! [`Group::WorkingCapital`](crate::Group::WorkingCapital), listed in
//! [`WORKING_CAPITAL_RATIOS`]); this module adds what is not a ratio of one period:
//! policy classification, chronological means and the calculators. Rates and shares
//! are in **percent** throughout this module (2 for 2 %), as the seed writes them.
//!
//! Policy names follow the seed, the reverse of common US naming: see [`NAMING_NOTE`].
//!
//! # Example
//!
//! ```
//! use bilans_ratios::working_capital::{CombinedPolicy, Policy, PolicyConfig};
//! use bilans_ratios::working_capital::{combined_policy, current_asset_policy, current_liability_policy};
//! use rust_decimal::Decimal;
//!
//! let config = PolicyConfig::default();
//! let assets = current_asset_policy(Decimal::from(60), None, &config).policy;
//! let liabilities = current_liability_policy(Decimal::from(5), &config);
//! assert_eq!((assets, liabilities), (Policy::Aggressive, Policy::Conservative));
//! assert_eq!(combined_policy(assets, liabilities), CombinedPolicy::NotCompatible);
//! ```

mod cash;
mod error;
mod policy;
mod receivables_finance;
pub mod render;
pub mod seed002;
mod statements;
mod trade_credit;

pub use crate::working_capital::cash::{
    Compounding, DepositIncome, DepositShare, Mean, PayFrequency, arithmetic_mean,
    chronological_mean, chronological_mean_of_item, deposit_income, deposit_share,
    express_payables_days, wage_deferral_days,
};
pub use crate::working_capital::error::{Requirement, WorkingCapitalError};
pub use crate::working_capital::policy::{
    AssetPolicy, CombinedPolicy, NAMING_NOTE, Policy, PolicyBands, PolicyClassification,
    PolicyConfig, PolicyIndicators, TABLE_8, classify_policies, combined_policy,
    current_asset_policy, current_liability_policy, naming_note_in,
};
pub use crate::working_capital::receivables_finance::{
    BillDiscount, BillInput, EarlyPaymentComparison, EarlyPaymentCost, EarlyPaymentTest,
    FactoringCost, FactoringInput, compare_early_payment, discount_bill, factoring_cost,
};
pub use crate::working_capital::statements::{
    PolicyAssessment, WORKING_CAPITAL_RATIOS, WorkingCapitalConfig, assess_policies,
};
pub use crate::working_capital::trade_credit::{
    CashDiscountCost, CashDiscountInput, DeferralInput, DeferralResult, DiscountDecision,
    cash_discount_cost, supplier_deferral,
};

#[cfg(test)]
mod tests;
