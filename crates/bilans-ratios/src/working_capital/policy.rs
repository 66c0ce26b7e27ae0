//! Policies of current-asset and current-liability management in seed 002's sense,
//! and Table 8, the matrix that combines them.
//!
//! Seed 002 calls **aggressive** the current-asset policy of a firm that puts no limit
//! on its current assets (the "fat cat": high share of current assets, long turnover)
//! and **conservative** the one that keeps them to a minimum. Common US usage names
//! these the other way round (a "conservative" policy holds ample current assets). bilans
//! follows the seed and says so in every output.
//!
//! The seed gives no numeric thresholds: the [`PolicyBands`] are parameters with
//! documented defaults.

use std::fmt;

use bilans_model::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::lang::messages;
use crate::working_capital::WorkingCapitalError;
use crate::working_capital::error::{Requirement, non_negative, share_percent};

/// The note every output that names a policy carries.
pub const NAMING_NOTE: &str = "policy names follow seed 002: \"aggressive\" current-asset management holds MANY current assets (the \"fat cat\"), \"conservative\" holds few; this is the reverse of common US naming";

/// A policy of current-asset or current-liability management.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Few current assets / little or no short-term credit.
    Conservative,
    /// The middle ("centrist") position.
    Moderate,
    /// Many current assets / short-term credit predominant.
    Aggressive,
}

impl Policy {
    /// The three policies, in Table 8's column order.
    pub const ALL: [Policy; 3] = [Policy::Conservative, Policy::Moderate, Policy::Aggressive];

    /// A lower-case label.
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// The lower-case label in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Policy::Conservative => "policy.conservative",
            Policy::Moderate => "policy.moderate",
            Policy::Aggressive => "policy.aggressive",
        };
        messages().get(lang, key)
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The combined policy of Table 8, or "not compatible".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CombinedPolicy {
    /// A compatible pair and the combined policy it makes.
    Compatible(Policy),
    /// The pair does not go together ("не сочетается").
    NotCompatible,
}

impl CombinedPolicy {
    /// The combined policy, or "not compatible", in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match self {
            CombinedPolicy::Compatible(policy) => policy.label_in(lang),
            CombinedPolicy::NotCompatible => messages().get(lang, "policy.not_compatible"),
        }
    }
}

/// [`NAMING_NOTE`] in `lang`.
pub fn naming_note_in(lang: Lang) -> &'static str {
    match lang {
        Lang::En => NAMING_NOTE,
        _ => messages().get(lang, "policy.naming_note"),
    }
}

impl fmt::Display for CombinedPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_in(Lang::En))
    }
}

/// Table 8 of seed 002, as printed: rows are current-liability policies (aggressive,
/// moderate, conservative), columns current-asset policies (conservative, moderate,
/// aggressive).
pub const TABLE_8: [(Policy, [CombinedPolicy; 3]); 3] = {
    use CombinedPolicy::{Compatible, NotCompatible};
    use Policy::{Aggressive, Conservative, Moderate};
    [
        (
            Aggressive,
            [NotCompatible, Compatible(Moderate), Compatible(Aggressive)],
        ),
        (
            Moderate,
            [
                Compatible(Moderate),
                Compatible(Moderate),
                Compatible(Moderate),
            ],
        ),
        (
            Conservative,
            [
                Compatible(Conservative),
                Compatible(Moderate),
                NotCompatible,
            ],
        ),
    ]
};

/// The combined policy of a current-asset and a current-liability policy (Table 8).
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{CombinedPolicy, Policy, combined_policy};
///
/// assert_eq!(
///     combined_policy(Policy::Aggressive, Policy::Conservative),
///     CombinedPolicy::NotCompatible
/// );
/// ```
pub fn combined_policy(assets: Policy, liabilities: Policy) -> CombinedPolicy {
    let column = match assets {
        Policy::Conservative => 0,
        Policy::Moderate => 1,
        Policy::Aggressive => 2,
    };
    let mut found = CombinedPolicy::NotCompatible;
    for (row, cells) in TABLE_8 {
        if row == liabilities {
            found = cells[column];
        }
    }
    found
}

/// Numeric bands that turn an indicator into a policy: conservative below
/// `conservative_below`, aggressive from `aggressive_from` on, moderate in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyBands {
    conservative_below: Decimal,
    aggressive_from: Decimal,
}

impl PolicyBands {
    /// Bands with the given limits.
    ///
    /// # Errors
    ///
    /// [`WorkingCapitalError::InvalidParameter`] naming `parameter` when
    /// `aggressive_from` is below `conservative_below`.
    pub fn new(
        parameter: &'static str,
        conservative_below: Decimal,
        aggressive_from: Decimal,
    ) -> Result<PolicyBands, WorkingCapitalError> {
        if aggressive_from < conservative_below {
            return Err(WorkingCapitalError::InvalidParameter {
                parameter,
                value: aggressive_from,
                requirement: Requirement::new(
                    "wc_error.aggressive_below_conservative",
                    &[("limit", &conservative_below)],
                ),
            });
        }
        Ok(PolicyBands {
            conservative_below,
            aggressive_from,
        })
    }

    /// Bands of a share in percent: as [`PolicyBands::new`], with both limits from 0 to
    /// 100.
    ///
    /// # Errors
    ///
    /// [`WorkingCapitalError::InvalidParameter`] naming `parameter` when a limit is
    /// not a share from 0 to 100 percent or the limits are out of order.
    ///
    /// # Examples
    ///
    /// ```
    /// use bilans_ratios::working_capital::PolicyBands;
    /// use rust_decimal::Decimal;
    ///
    /// assert!(PolicyBands::shares("asset_share_bands", Decimal::from(45), Decimal::from(50)).is_ok());
    /// assert!(PolicyBands::shares("asset_share_bands", Decimal::from(-5), Decimal::from(50)).is_err());
    /// ```
    pub fn shares(
        parameter: &'static str,
        conservative_below: Decimal,
        aggressive_from: Decimal,
    ) -> Result<PolicyBands, WorkingCapitalError> {
        share_percent(parameter, conservative_below)?;
        share_percent(parameter, aggressive_from)?;
        PolicyBands::new(parameter, conservative_below, aggressive_from)
    }

    /// The value below which the policy is conservative.
    pub fn conservative_below(&self) -> Decimal {
        self.conservative_below
    }

    /// The value from which the policy is aggressive.
    pub fn aggressive_from(&self) -> Decimal {
        self.aggressive_from
    }

    /// The policy that `value` indicates.
    pub fn classify(&self, value: Decimal) -> Policy {
        if value < self.conservative_below {
            return Policy::Conservative;
        }
        if self.aggressive_from <= value {
            return Policy::Aggressive;
        }
        Policy::Moderate
    }
}

/// The bands of every policy indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyConfig {
    /// Share of current assets in total assets, in percent. Default: conservative
    /// below 45 %, aggressive from 50 %: the seed gives no thresholds; these put
    /// Table 7's two columns (54.55 % and 44.44 %) in their printed classes.
    pub current_asset_share_percent: PolicyBands,
    /// Turnover period of current assets in days (the seed's "period of turnover of
    /// working funds": inventory + receivables − payables days). Default: not used,
    /// since the seed gives no figure.
    pub turnover_days: Option<PolicyBands>,
    /// Share of short-term credit in all liabilities, in percent. Default:
    /// conservative below 10 % ("absent or very low"), aggressive from 50 % ("absolute
    /// predominance").
    pub short_term_credit_share_percent: PolicyBands,
}

impl Default for PolicyConfig {
    fn default() -> PolicyConfig {
        PolicyConfig {
            current_asset_share_percent: PolicyBands {
                conservative_below: Decimal::from(45),
                aggressive_from: Decimal::from(50),
            },
            turnover_days: None,
            short_term_credit_share_percent: PolicyBands {
                conservative_below: Decimal::from(10),
                aggressive_from: Decimal::from(50),
            },
        }
    }
}

/// The current-asset policy, with what each indicator says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AssetPolicy {
    /// What the share of current assets says.
    pub by_share: Policy,
    /// What the turnover period says, when its bands are set.
    pub by_turnover: Option<Policy>,
    /// The policy: `by_share` when the turnover is not used or agrees, otherwise
    /// moderate (the indicators disagree, so the firm is not at either extreme).
    pub policy: Policy,
}

/// Classifies current-asset management from the share of current assets in total
/// assets (percent) and, when its bands are configured, the turnover period in days.
///
/// # Formula
///
/// Seed 002: aggressive = high share and long turnover, conservative = low share and
/// short turnover, moderate otherwise. Variant implemented: each indicator is banded by
/// [`PolicyConfig`]; when both are used and disagree the policy is moderate.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{Policy, PolicyConfig, current_asset_policy};
/// use rust_decimal::Decimal;
///
/// let policy = current_asset_policy(Decimal::new(5455, 2), None, &PolicyConfig::default());
/// assert_eq!(policy.policy, Policy::Aggressive);
/// ```
pub fn current_asset_policy(
    share_percent: Decimal,
    turnover_days: Option<Decimal>,
    config: &PolicyConfig,
) -> AssetPolicy {
    let by_share = config.current_asset_share_percent.classify(share_percent);
    let by_turnover = match (config.turnover_days, turnover_days) {
        (Some(bands), Some(days)) => Some(bands.classify(days)),
        _ => None,
    };
    let policy = match by_turnover {
        Some(other) if other != by_share => Policy::Moderate,
        _ => by_share,
    };
    AssetPolicy {
        by_share,
        by_turnover,
        policy,
    }
}

/// Classifies current-liability management from the share of short-term credit in
/// all liabilities (percent).
pub fn current_liability_policy(
    short_term_credit_share_percent: Decimal,
    config: &PolicyConfig,
) -> Policy {
    config
        .short_term_credit_share_percent
        .classify(short_term_credit_share_percent)
}

/// The indicators a user gives for a policy classification (`bilans wc policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PolicyIndicators {
    /// Share of current assets in total assets, in percent (0 to 100).
    pub current_asset_share_percent: Decimal,
    /// Share of short-term credit in all liabilities, in percent (0 to 100).
    pub short_term_credit_share_percent: Decimal,
    /// Turnover period of working funds in days (not negative), used only when
    /// [`PolicyConfig::turnover_days`] is set.
    pub turnover_days: Option<Decimal>,
}

/// The current-asset, current-liability and combined policies of some indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PolicyClassification {
    /// The current-asset policy, with what each indicator says.
    pub assets: AssetPolicy,
    /// The current-liability policy.
    pub liabilities: Policy,
    /// The combined policy of Table 8.
    pub combined: CombinedPolicy,
}

/// Checks user-given indicators and classifies them: [`current_asset_policy`],
/// [`current_liability_policy`] and [`combined_policy`].
///
/// The statements' own indicators go through those functions unchecked: there the
/// turnover period is the cash conversion cycle, which may be negative.
///
/// # Errors
///
/// [`WorkingCapitalError::InvalidParameter`] when a share is not from 0 to 100
/// percent or the turnover period is negative.
///
/// # Examples
///
/// ```
/// use bilans_ratios::working_capital::{
///     CombinedPolicy, Policy, PolicyConfig, PolicyIndicators, classify_policies,
/// };
/// use rust_decimal::Decimal;
///
/// let indicators = PolicyIndicators {
///     current_asset_share_percent: Decimal::new(5455, 2),
///     short_term_credit_share_percent: Decimal::from(5),
///     turnover_days: None,
/// };
/// let policies = classify_policies(&indicators, &PolicyConfig::default()).unwrap();
/// assert_eq!(policies.assets.policy, Policy::Aggressive);
/// assert_eq!(policies.combined, CombinedPolicy::NotCompatible);
/// ```
pub fn classify_policies(
    indicators: &PolicyIndicators,
    config: &PolicyConfig,
) -> Result<PolicyClassification, WorkingCapitalError> {
    share_percent(
        "current_asset_share_percent",
        indicators.current_asset_share_percent,
    )?;
    share_percent(
        "short_term_credit_share_percent",
        indicators.short_term_credit_share_percent,
    )?;
    if let Some(days) = indicators.turnover_days {
        non_negative("turnover_days", days)?;
    }
    let assets = current_asset_policy(
        indicators.current_asset_share_percent,
        indicators.turnover_days,
        config,
    );
    let liabilities = current_liability_policy(indicators.short_term_credit_share_percent, config);
    Ok(PolicyClassification {
        assets,
        liabilities,
        combined: combined_policy(assets.policy, liabilities),
    })
}
