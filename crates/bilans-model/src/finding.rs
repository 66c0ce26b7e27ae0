//! Validation findings: what [`validate`](crate::validate) reports, with its severity.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{Lang, LineItem, Part, Period, Sign};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing: something could not be checked.
    Info,
    /// Suspicious: a rounding-size gap, a sign that needs a look, two amounts that
    /// should agree but may be defined differently.
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

impl Severity {
    /// The lower-case name in `lang` (`info`, `ostrzeżenie`, `ошибка`).
    pub fn label_in(self, lang: Lang) -> &'static str {
        crate::lang::messages().get(lang, &format!("severity.{}", self.name()))
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
    /// The statements give every part of an identity, and `total − sum(parts) = gap`
    /// is not zero: in every presentation whose parts are all given, where a total has
    /// several.
    IdentityBreak {
        /// The identity's name (of the presentation whose gap is the smallest).
        identity: String,
        /// The item that should equal the sum.
        parent: LineItem,
        /// The total as reported.
        total: Decimal,
        /// The amounts added, with their signs: the identity's parts, or, for a part
        /// the statements do not give but give all parts of, those parts.
        parts: Vec<Part>,
        /// The signed sum of the parts.
        sum_of_parts: Decimal,
        /// `total − sum_of_parts`.
        gap: Decimal,
        /// The largest gap that rounding of the printed amounts explains.
        tolerance: Decimal,
    },
    /// The statements give only some parts of a total whose parts cannot be negative
    /// (assets, liabilities), and those parts already sum to more than the total.
    PartsExceedTotal {
        /// The identity's name.
        identity: String,
        /// The total.
        parent: LineItem,
        /// The total as reported.
        total: Decimal,
        /// The parts given, all added.
        parts: Vec<Part>,
        /// Their sum.
        sum_of_parts: Decimal,
        /// `total − sum_of_parts`, negative.
        gap: Decimal,
        /// The largest gap that rounding of the printed amounts explains.
        tolerance: Decimal,
    },
    /// An identity could not be checked because the statements give only some of its
    /// parts: the rest is an unstated remainder.
    IdentityNotChecked {
        /// The identity's name (of the presentation that misses the fewest parts).
        identity: String,
        /// The parts that are missing.
        missing: Vec<LineItem>,
    },
    /// An identity could not be checked because its arithmetic overflows the decimal
    /// range (about ±7.9 × 10²⁸): the sum of the parts, or the gap between the total
    /// and that sum, is not representable.
    IdentityOverflow {
        /// The identity's name.
        identity: String,
        /// The items whose amounts overflow: the total, then the parts added.
        items: Vec<LineItem>,
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
    /// The identity gap (`total − sum of parts`), for identity breaks and for parts
    /// that exceed their total.
    pub fn gap(&self) -> Option<Decimal> {
        match &self.kind {
            FindingKind::IdentityBreak { gap, .. } | FindingKind::PartsExceedTotal { gap, .. } => {
                Some(*gap)
            }
            _ => None,
        }
    }

    /// The name of the identity the finding is about, if any.
    pub fn identity(&self) -> Option<&str> {
        match &self.kind {
            FindingKind::IdentityBreak { identity, .. }
            | FindingKind::PartsExceedTotal { identity, .. }
            | FindingKind::IdentityNotChecked { identity, .. }
            | FindingKind::IdentityOverflow { identity, .. } => Some(identity),
            FindingKind::NegativeEquity { .. } | FindingKind::NegativeAmount { .. } => None,
        }
    }
}

/// An item as findings name it: its machine name in English, its name in `lang`
/// otherwise.
fn item_name_in(item: LineItem, lang: Lang) -> &'static str {
    match lang {
        Lang::En => item.name(),
        _ => item.label_in(lang),
    }
}

/// Parts as a readable sum: `inventories + receivables − treasury_shares`.
pub(crate) fn sum_text(parts: &[Part]) -> String {
    sum_text_in(parts, Lang::En)
}

/// [`sum_text`] with the items named as in `lang`.
fn sum_text_in(parts: &[Part], lang: Lang) -> String {
    let mut text = String::new();
    for (part_idx, part) in parts.iter().enumerate() {
        let operator = match (part_idx, part.sign) {
            (0, Sign::Add) => "",
            (0, Sign::Subtract) => "−",
            (_, Sign::Add) => " + ",
            (_, Sign::Subtract) => " − ",
        };
        text.push_str(operator);
        text.push_str(item_name_in(part.item, lang));
    }
    text
}

impl Finding {
    /// The finding as a sentence in `lang`, e.g. `2001: identity `…` breaks: …`.
    /// Identities keep their machine names (`total_assets`), which are codes; items
    /// keep theirs in English (as the identities name them) and are named in `lang`
    /// otherwise.
    pub fn text(&self, lang: Lang) -> String {
        let messages = crate::lang::messages();
        let period = &self.period;
        let item_name = |item: &LineItem| item_name_in(*item, lang);
        let sum_text = |parts: &[Part]| sum_text_in(parts, lang);
        let names = |items: &[LineItem]| names_in(items, lang);
        match &self.kind {
            FindingKind::IdentityBreak {
                identity,
                parent,
                total,
                parts,
                sum_of_parts,
                gap,
                tolerance,
            } => messages.format(
                lang,
                "finding.identity_break",
                &[
                    ("period", period),
                    ("identity", identity),
                    ("parent", &item_name(parent)),
                    ("total", total),
                    ("parts", &sum_text(parts)),
                    ("sum", sum_of_parts),
                    ("gap", gap),
                    ("tolerance", tolerance),
                ],
            ),
            FindingKind::PartsExceedTotal {
                identity,
                parent,
                total,
                parts,
                sum_of_parts,
                gap,
                tolerance: _,
            } => messages.format(
                lang,
                "finding.parts_exceed_total",
                &[
                    ("period", period),
                    ("identity", identity),
                    ("parent", &item_name(parent)),
                    ("total", total),
                    ("parts", &sum_text(parts)),
                    ("sum", sum_of_parts),
                    ("gap", gap),
                ],
            ),
            FindingKind::IdentityNotChecked { identity, missing } => messages.format(
                lang,
                "finding.identity_not_checked",
                &[
                    ("period", period),
                    ("identity", identity),
                    ("missing", &names(missing)),
                ],
            ),
            FindingKind::IdentityOverflow { identity, items } => messages.format(
                lang,
                "finding.identity_overflow",
                &[
                    ("period", period),
                    ("identity", identity),
                    ("items", &names(items)),
                ],
            ),
            FindingKind::NegativeEquity { equity } => messages.format(
                lang,
                "finding.negative_equity",
                &[("period", period), ("equity", equity)],
            ),
            FindingKind::NegativeAmount { item, value } => messages.format(
                lang,
                "finding.negative_amount",
                &[
                    ("period", period),
                    ("item", &item_name(item)),
                    ("value", value),
                ],
            ),
        }
    }
}

/// Items as findings name them, comma-separated.
fn names_in(items: &[LineItem], lang: Lang) -> String {
    let names: Vec<&str> = items.iter().map(|item| item_name_in(*item, lang)).collect();
    names.join(", ")
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
