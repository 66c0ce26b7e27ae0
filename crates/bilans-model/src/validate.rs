//! Checks the [identities](crate::identities) and signs of every period, producing
//! findings rather than errors.
//!
//! # Rules
//!
//! - A part is *given* when the statements state it, or when they state every part of
//!   one of its own identities (then it is their signed sum; where several such
//!   identities give different sums, it is not given).
//! - For a total the statements state, each identity whose parts are all given is
//!   *complete*. The total holds when any complete identity holds within rounding;
//!   only when every complete identity fails beyond rounding is it a break, of the
//!   identity's severity (an error for the table's totals and for `balance`, a warning
//!   for `closing_cash` and `net_income_in_equity`). A gap within rounding is a
//!   warning.
//! - Where no identity of a total is complete, the parts not given are an unstated
//!   remainder (`identity_not_checked`, info), never a break, except for a total of
//!   assets or liabilities, which cannot be negative: there the parts given (or the
//!   parts of theirs given) summing to more than the total beyond rounding is an error
//!   (`parts_exceed_total`).
//! - Rounding: every printed amount may be off by half a unit of its last printed
//!   digit, so a sum of `n` amounts compared with a total may be off by
//!   `(n + 1) × ½` unit. The last printed digit is the finest one among the amounts
//!   compared (the largest number of decimals, trailing zeros aside).
//! - Every sum and gap is checked arithmetic: one that overflows the decimal range is
//!   `identity_overflow`, a warning, never a panic.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::identity::{Origin, identities_of};
use crate::{
    Amount, Finding, FindingKind, Identity, LineItem, Part, Period, Severity, Sign, Statements,
    identities,
};

/// Checks every identity and sign in every period (see the [module](self) for the
/// rules).
///
/// Never fails: what cannot be checked is itself a finding (`identity_not_checked`, or
/// `identity_overflow` when the amounts are too large to add, a warning).
///
/// # Examples
///
/// ```
/// use bilans_model::{Entity, FindingKind, LineItem, Period, Severity, Statements, Unit, validate};
/// use rust_decimal::Decimal;
///
/// let mut statements = Statements::new(Entity::company("Example"), Unit::thousands("PLN"));
/// let year = Period::year(2001);
/// statements.set(year, LineItem::Revenue, Decimal::from(100));
/// statements.set(year, LineItem::CostOfSales, Decimal::from(60));
/// statements.set(year, LineItem::GrossProfit, Decimal::from(45));
/// let findings = validate(&statements);
/// assert_eq!(findings[0].severity, Severity::Error);
/// assert_eq!(findings[0].identity(), Some("gross_profit"));
/// assert_eq!(findings[0].gap(), Some(Decimal::from(5)));
/// ```
pub fn validate(statements: &Statements) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (period, stated) in &statements.periods {
        let given = Given::derive(stated);
        let mut checked = 0;
        let all = identities();
        while checked < all.len() {
            let total = all[checked].total;
            let origin = all[checked].origin;
            let group_len = all[checked..]
                .iter()
                .take_while(|identity| identity.total == total && identity.origin == origin)
                .count();
            let group = &all[checked..checked + group_len];
            checked += group_len;
            if let Some(kind_and_severity) = check_total(&given, group) {
                let (severity, kind) = kind_and_severity;
                findings.push(Finding {
                    severity,
                    period: *period,
                    kind,
                });
            }
        }
        findings.extend(check_signs(stated, *period));
    }
    findings
}

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

/// The amounts of one period that are given: stated, or derived from parts stated.
struct Given {
    /// Per item (by index): its value and the stated amounts it is the sum of (itself
    /// alone when stated).
    values: Vec<Option<(Decimal, Vec<Part>)>>,
    /// Per item: whether it is stated.
    stated: Vec<bool>,
}

impl Given {
    fn derive(stated_amounts: &BTreeMap<LineItem, Amount>) -> Given {
        let mut values: Vec<Option<(Decimal, Vec<Part>)>> = vec![None; LineItem::ALL.len()];
        let mut stated = vec![false; LineItem::ALL.len()];
        for (item, amount) in stated_amounts {
            let part = Part {
                item: *item,
                sign: Sign::Add,
            };
            values[item.index()] = Some((amount.value, vec![part]));
            stated[item.index()] = true;
        }
        let mut given = Given { values, stated };
        // Each round derives the totals one level up; the hierarchy is shallower than
        // the number of items.
        for _ in 0..LineItem::ALL.len() {
            let mut changed = false;
            for item in LineItem::ALL {
                if given.values[item.index()].is_some() {
                    continue;
                }
                let sums: Vec<(Decimal, Vec<Part>)> = identities_of(item)
                    .filter_map(|identity| given.sum(&identity.parts))
                    .filter_map(|(terms, sum)| sum.map(|sum| (sum, terms)))
                    .collect();
                let Some((first, terms)) = sums.first() else {
                    continue;
                };
                if sums.iter().all(|(sum, _)| sum == first) {
                    given.values[item.index()] = Some((*first, terms.clone()));
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        given
    }

    fn value(&self, item: LineItem) -> Option<Decimal> {
        self.values[item.index()].as_ref().map(|(value, _)| *value)
    }

    fn is_stated(&self, item: LineItem) -> bool {
        self.stated[item.index()]
    }

    /// When every part is given: the stated amounts they come to, with their signs,
    /// and their signed sum (`None` when it overflows).
    fn sum(&self, parts: &[Part]) -> Option<(Vec<Part>, Option<Decimal>)> {
        let mut terms = Vec::new();
        for part in parts {
            let (_, part_terms) = self.values[part.item.index()].as_ref()?;
            terms.extend(part_terms.iter().map(|term| term.within(part.sign)));
        }
        let sum = self.signed_sum(&terms);
        Some((terms, sum))
    }

    /// The signed sum of stated `terms`, `None` when it overflows.
    fn signed_sum(&self, terms: &[Part]) -> Option<Decimal> {
        terms.iter().try_fold(Decimal::ZERO, |sum, term| {
            let value = self.value(term.item)?;
            match term.sign {
                Sign::Add => sum.checked_add(value),
                Sign::Subtract => sum.checked_sub(value),
            }
        })
    }

    /// The stated amounts within `parts` (all added): each part stated, or else the
    /// stated amounts within its own parts.
    fn stated_within(&self, parts: &[Part], depth: usize) -> Vec<Part> {
        let mut terms = Vec::new();
        for part in parts {
            if self.is_stated(part.item) {
                terms.push(*part);
            } else if depth < LineItem::ALL.len()
                && let Some(identity) = identities_of(part.item).next()
            {
                terms.extend(self.stated_within(&identity.parts, depth + 1));
            }
        }
        terms
    }
}

/// One complete identity of a total, evaluated.
enum Outcome<'a> {
    /// The sum and the gap are representable.
    Gap {
        identity: &'a Identity,
        terms: Vec<Part>,
        sum: Decimal,
        gap: Decimal,
        tolerance: Decimal,
    },
    /// The sum or the gap overflows.
    Overflow {
        identity: &'a Identity,
        terms: Vec<Part>,
    },
}

/// Checks the identities of one total (all its presentations), if it is stated.
fn check_total(given: &Given, group: &[Identity]) -> Option<(Severity, FindingKind)> {
    let first = group.first()?;
    let parent = first.total;
    if !given.is_stated(parent) {
        return None;
    }
    let total = given.value(parent)?;
    let outcomes: Vec<Outcome<'_>> = group
        .iter()
        .filter_map(|identity| {
            let (terms, sum) = given.sum(&identity.parts)?;
            let evaluated = sum.and_then(|sum| Some((sum, total.checked_sub(sum)?)));
            Some(match evaluated {
                Some((sum, gap)) => Outcome::Gap {
                    identity,
                    tolerance: tolerance(given, parent, &terms),
                    terms,
                    sum,
                    gap,
                },
                None => Outcome::Overflow { identity, terms },
            })
        })
        .collect();
    if outcomes.is_empty() {
        return check_incomplete(given, group, total);
    }
    let any_overflow = outcomes
        .iter()
        .any(|outcome| matches!(outcome, Outcome::Overflow { .. }));
    let closest = outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            Outcome::Gap {
                identity,
                terms,
                sum,
                gap,
                tolerance,
            } => Some((*identity, terms, *sum, *gap, *tolerance)),
            Outcome::Overflow { .. } => None,
        })
        .min_by_key(|(_, _, _, gap, _)| gap.abs());
    match closest {
        Some((.., gap, _)) if gap.is_zero() => None,
        // A gap within rounding in the closest presentation; or beyond it in every
        // presentation whose sum is representable.
        Some((identity, terms, sum, gap, tolerance)) if gap.abs() <= tolerance || !any_overflow => {
            // A total that statements may print more lines under than the table holds
            // (`open`): a shortfall of the parts may be a line bilans does not read, so
            // it is a warning; parts that cannot be negative exceeding it stay an error.
            let parts_exceed = identity.parts_non_negative && gap < Decimal::ZERO;
            let severity =
                if gap.abs() <= tolerance || (identity.total.info().open && !parts_exceed) {
                    Severity::Warning
                } else {
                    identity.severity
                };
            let kind = FindingKind::IdentityBreak {
                identity: identity.name.clone(),
                parent,
                total,
                parts: terms.clone(),
                sum_of_parts: sum,
                gap,
                tolerance,
            };
            Some((severity, kind))
        }
        // The presentation whose sum overflows may hold: it cannot be checked.
        _ => outcomes.iter().find_map(|outcome| match outcome {
            Outcome::Overflow { identity, terms } => {
                Some((Severity::Warning, overflow(identity, terms)))
            }
            Outcome::Gap { .. } => None,
        }),
    }
}

/// A total stated with no complete identity: a remainder, unless the parts given of
/// a total that cannot have negative parts already exceed it.
fn check_incomplete(
    given: &Given,
    group: &[Identity],
    total: Decimal,
) -> Option<(Severity, FindingKind)> {
    let (identity, missing) = group
        .iter()
        .map(|identity| {
            let missing: Vec<LineItem> = identity
                .parts
                .iter()
                .map(|part| part.item)
                .filter(|item| given.value(*item).is_none())
                .collect();
            (identity, missing)
        })
        .min_by_key(|(_, missing)| missing.len())?;
    if identity.parts_non_negative {
        let terms = given.stated_within(&identity.parts, 0);
        if terms.is_empty() {
            return None;
        }
        let Some(sum) = given.signed_sum(&terms) else {
            return Some((Severity::Warning, overflow(identity, &terms)));
        };
        if total < sum {
            let Some(gap) = total.checked_sub(sum) else {
                return Some((Severity::Warning, overflow(identity, &terms)));
            };
            let tolerance = tolerance(given, identity.total, &terms);
            let severity = if gap.abs() <= tolerance {
                Severity::Warning
            } else {
                identity.severity
            };
            return Some((
                severity,
                FindingKind::PartsExceedTotal {
                    identity: identity.name.clone(),
                    parent: identity.total,
                    total,
                    parts: terms,
                    sum_of_parts: sum,
                    gap,
                    tolerance,
                },
            ));
        }
    }
    if identity.origin == Origin::Equality || missing.len() == identity.parts.len() {
        // Nothing to compare: no part is given.
        return None;
    }
    Some((
        Severity::Info,
        FindingKind::IdentityNotChecked {
            identity: identity.name.clone(),
            missing,
        },
    ))
}

fn overflow(identity: &Identity, terms: &[Part]) -> FindingKind {
    let mut items = vec![identity.total];
    items.extend(terms.iter().map(|term| term.item));
    FindingKind::IdentityOverflow {
        identity: identity.name.clone(),
        items,
    }
}

/// `(n + 1) × ½` unit of the finest printed digit among the total and the `n` terms.
fn tolerance(given: &Given, total: LineItem, terms: &[Part]) -> Decimal {
    let decimals = std::iter::once(total)
        .chain(terms.iter().map(|term| term.item))
        .filter_map(|item| given.value(item))
        .map(|value| value.normalize().scale())
        .max()
        .unwrap_or(0)
        .min(27);
    let n_amounts = i64::try_from(terms.len()).unwrap_or(i64::MAX / 10) + 1;
    // n × 5 × 10^-(decimals + 1) = n × ½ × 10^-decimals.
    Decimal::try_new(n_amounts.saturating_mul(5), decimals + 1)
        .map_or(Decimal::MAX, |tolerance| tolerance.normalize())
}

fn check_signs(stated: &BTreeMap<LineItem, Amount>, period: Period) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(equity) = stated.get(&LineItem::Equity)
        && equity.value < Decimal::ZERO
    {
        findings.push(Finding {
            severity: Severity::Warning,
            period,
            kind: FindingKind::NegativeEquity {
                equity: equity.value,
            },
        });
    }
    for item in NEVER_NEGATIVE {
        if let Some(amount) = stated.get(item)
            && amount.value < Decimal::ZERO
        {
            findings.push(Finding {
                severity: Severity::Warning,
                period,
                kind: FindingKind::NegativeAmount {
                    item: *item,
                    value: amount.value,
                },
            });
        }
    }
    findings
}

#[cfg(test)]
mod tests;
