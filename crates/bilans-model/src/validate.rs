//! Accounting identities and sign checks, producing findings rather than errors.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{LineItem, Period, Statements};

/// An accounting identity: `total` equals the sum of `parts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// Stable name, e.g. `current_assets_components`.
    pub name: &'static str,
    /// The item that should equal the sum.
    pub total: LineItem,
    /// Parts that must all be present for the identity to be checked.
    pub required: &'static [LineItem],
    /// Parts that count as zero when absent; when the list is not empty, at least one
    /// must be present (otherwise the residual is unknown and nothing is checked).
    pub optional: &'static [LineItem],
}

/// The identities bilans checks, in order.
///
/// - `current_assets_components`: current assets = inventories + receivables + cash and
///   equivalents + other current assets (cash and other current assets may be reported
///   together, as in seed 004, so either may be absent).
/// - `total_assets_split`: total assets = fixed assets + current assets.
/// - `balance`: total assets = equity + long-term liabilities + current liabilities.
/// - `balance_total`: total assets = total equity and liabilities.
pub fn identities() -> &'static [Identity] {
    const IDENTITIES: &[Identity] = &[
        Identity {
            name: "current_assets_components",
            total: LineItem::CurrentAssets,
            required: &[LineItem::Inventories, LineItem::Receivables],
            optional: &[LineItem::CashAndEquivalents, LineItem::OtherCurrentAssets],
        },
        Identity {
            name: "total_assets_split",
            total: LineItem::TotalAssets,
            required: &[LineItem::FixedAssets, LineItem::CurrentAssets],
            optional: &[],
        },
        Identity {
            name: "balance",
            total: LineItem::TotalAssets,
            required: &[
                LineItem::Equity,
                LineItem::LongTermLiabilities,
                LineItem::CurrentLiabilities,
            ],
            optional: &[],
        },
        Identity {
            name: "balance_total",
            total: LineItem::TotalAssets,
            required: &[LineItem::TotalEquityAndLiabilities],
            optional: &[],
        },
    ];
    IDENTITIES
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing: something could not be checked.
    Info,
    /// Suspicious: a rounding-size gap, a sign that needs a look.
    Warning,
    /// The statements contradict themselves.
    Error,
}

impl Severity {
    /// The lower-case name: `info`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "Info",
            Severity::Warning => "Warning",
            Severity::Error => "Error",
        })
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum FindingKind {
    /// An identity does not hold: `total − sum(parts) = gap`.
    IdentityBreak {
        /// The identity's name.
        identity: String,
        /// The total as reported.
        total: Decimal,
        /// The sum of the parts.
        sum_of_parts: Decimal,
        /// `total − sum_of_parts`.
        gap: Decimal,
    },
    /// An identity could not be checked because items are missing.
    IdentityNotChecked {
        /// The identity's name.
        identity: String,
        /// The items that are missing.
        missing: Vec<LineItem>,
    },
    /// An identity could not be checked because its arithmetic overflows the decimal
    /// range (about ±7.9 × 10²⁸): the sum of the parts, or the gap between the total
    /// and that sum, is not representable.
    IdentityOverflow {
        /// The identity's name.
        identity: String,
        /// The items whose amounts overflow: the total, then the parts present.
        items: Vec<LineItem>,
    },
    /// A part is larger than the total it belongs to.
    PartExceedsTotal {
        /// The part.
        part: LineItem,
        /// The total.
        total: LineItem,
        /// `part − total`, positive.
        excess: Decimal,
    },
    /// A part is larger than its total by more than the decimal range can hold (a part
    /// and a total of opposite extreme signs), so the excess has no value.
    PartExceedsTotalBeyondRange {
        /// The part.
        part: LineItem,
        /// The total.
        total: LineItem,
    },
    /// Equity is negative: equity-based ratios (ROE, equity multiplier) lose their
    /// usual meaning.
    NegativeEquity {
        /// The equity amount.
        equity: Decimal,
    },
    /// An item that is normally not negative is negative.
    NegativeAmount {
        /// The item.
        item: LineItem,
        /// The amount.
        value: Decimal,
    },
}

/// One validation finding, for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// The period it concerns.
    pub period: Period,
    /// What it is.
    pub kind: FindingKind,
}

impl Finding {
    /// The identity gap, for identity breaks.
    pub fn gap(&self) -> Option<Decimal> {
        match &self.kind {
            FindingKind::IdentityBreak { gap, .. } => Some(*gap),
            _ => None,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let period = self.period;
        match &self.kind {
            FindingKind::IdentityBreak {
                identity,
                total,
                sum_of_parts,
                gap,
            } => write!(
                f,
                "{period}: identity `{identity}` breaks: total {total}, sum of parts {sum_of_parts}, gap {gap}"
            ),
            FindingKind::IdentityNotChecked { identity, missing } => {
                let names: Vec<&str> = missing.iter().map(|item| item.name()).collect();
                write!(
                    f,
                    "{period}: identity `{identity}` not checked: missing {}",
                    names.join(", ")
                )
            }
            FindingKind::IdentityOverflow { identity, items } => {
                let names: Vec<&str> = items.iter().map(|item| item.name()).collect();
                write!(
                    f,
                    "{period}: identity `{identity}` not checked: the amounts of {} overflow the decimal range (about ±7.9e28) when added",
                    names.join(", ")
                )
            }
            FindingKind::PartExceedsTotal {
                part,
                total,
                excess,
            } => {
                write!(f, "{period}: {part} exceeds {total} by {excess}")
            }
            FindingKind::PartExceedsTotalBeyondRange { part, total } => write!(
                f,
                "{period}: {part} exceeds {total} by more than the decimal range holds (about 7.9e28)"
            ),
            FindingKind::NegativeEquity { equity } => write!(
                f,
                "{period}: negative equity ({equity}): return on equity and the equity multiplier are not meaningful"
            ),
            FindingKind::NegativeAmount { item, value } => {
                write!(f, "{period}: {item} is negative ({value})")
            }
        }
    }
}

/// Checks every identity, part-within-total relation and sign in every period.
///
/// Never fails: what cannot be checked is itself a finding (`identity_not_checked`, or
/// `identity_overflow` when the amounts are too large to add, a warning).
/// An identity gap of at most one unit of the statements' scale is a warning (it is
/// usually rounding in the source); a larger gap is an error.
/// Every sum and difference is checked: amounts near the decimal range never panic.
pub fn validate(statements: &Statements) -> Vec<Finding> {
    let mut findings = Vec::new();
    for period in statements.period_list() {
        for identity in identities() {
            findings.extend(check_identity(statements, period, identity));
        }
        findings.extend(check_parts(statements, period));
        findings.extend(check_signs(statements, period));
    }
    findings
}

const PARTS_WITHIN_TOTALS: &[(LineItem, LineItem)] = &[
    (LineItem::CurrentAssets, LineItem::TotalAssets),
    (LineItem::FixedAssets, LineItem::TotalAssets),
    (LineItem::Inventories, LineItem::CurrentAssets),
    (LineItem::Receivables, LineItem::CurrentAssets),
    (LineItem::CashAndEquivalents, LineItem::CurrentAssets),
    (LineItem::OtherCurrentAssets, LineItem::CurrentAssets),
    (LineItem::ShortTermDebt, LineItem::CurrentLiabilities),
    (LineItem::TradePayables, LineItem::CurrentLiabilities),
];

const NEVER_NEGATIVE: &[LineItem] = &[
    LineItem::TotalAssets,
    LineItem::FixedAssets,
    LineItem::CurrentAssets,
    LineItem::Inventories,
    LineItem::Receivables,
    LineItem::CashAndEquivalents,
    LineItem::LongTermLiabilities,
    LineItem::CurrentLiabilities,
    LineItem::ShortTermDebt,
    LineItem::TradePayables,
    LineItem::Revenue,
];

fn check_identity(statements: &Statements, period: Period, identity: &Identity) -> Option<Finding> {
    let get = |item: LineItem| statements.get(period, item);
    let mut missing: Vec<LineItem> = Vec::new();
    if get(identity.total).is_none() {
        missing.push(identity.total);
    }
    missing.extend(
        identity
            .required
            .iter()
            .copied()
            .filter(|item| get(*item).is_none()),
    );
    let optional_present = identity.optional.iter().any(|item| get(*item).is_some());
    if !identity.optional.is_empty() && !optional_present {
        missing.extend(identity.optional.iter().copied());
    }
    if !missing.is_empty() {
        return Some(Finding {
            severity: Severity::Info,
            period,
            kind: FindingKind::IdentityNotChecked {
                identity: identity.name.to_owned(),
                missing,
            },
        });
    }
    let total = get(identity.total)?;
    let parts: Vec<(LineItem, Decimal)> = identity
        .required
        .iter()
        .chain(identity.optional)
        .filter_map(|item| get(*item).map(|value| (*item, value)))
        .collect();
    let sum_and_gap = parts
        .iter()
        .try_fold(Decimal::ZERO, |sum, (_, value)| sum.checked_add(*value))
        .and_then(|sum_of_parts| Some((sum_of_parts, total.checked_sub(sum_of_parts)?)));
    let Some((sum_of_parts, gap)) = sum_and_gap else {
        let mut items = vec![identity.total];
        items.extend(parts.iter().map(|(item, _)| *item));
        return Some(Finding {
            severity: Severity::Warning,
            period,
            kind: FindingKind::IdentityOverflow {
                identity: identity.name.to_owned(),
                items,
            },
        });
    };
    if gap.is_zero() {
        return None;
    }
    let severity = if gap.abs() <= Decimal::ONE {
        Severity::Warning
    } else {
        Severity::Error
    };
    Some(Finding {
        severity,
        period,
        kind: FindingKind::IdentityBreak {
            identity: identity.name.to_owned(),
            total,
            sum_of_parts,
            gap,
        },
    })
}

fn check_parts(statements: &Statements, period: Period) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (part, total) in PARTS_WITHIN_TOTALS {
        let (Some(part_value), Some(total_value)) = (
            statements.get(period, *part),
            statements.get(period, *total),
        ) else {
            continue;
        };
        if total_value < part_value {
            let kind = match part_value.checked_sub(total_value) {
                Some(excess) => FindingKind::PartExceedsTotal {
                    part: *part,
                    total: *total,
                    excess,
                },
                None => FindingKind::PartExceedsTotalBeyondRange {
                    part: *part,
                    total: *total,
                },
            };
            findings.push(Finding {
                severity: Severity::Error,
                period,
                kind,
            });
        }
    }
    findings
}

fn check_signs(statements: &Statements, period: Period) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(equity) = statements.get(period, LineItem::Equity)
        && equity < Decimal::ZERO
    {
        findings.push(Finding {
            severity: Severity::Warning,
            period,
            kind: FindingKind::NegativeEquity { equity },
        });
    }
    for item in NEVER_NEGATIVE {
        if let Some(value) = statements.get(period, *item)
            && value < Decimal::ZERO
        {
            findings.push(Finding {
                severity: Severity::Warning,
                period,
                kind: FindingKind::NegativeAmount { item: *item, value },
            });
        }
    }
    findings
}
