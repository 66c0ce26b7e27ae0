//! The formulas of seed 003 and the standard company metrics, each on plain numbers.
//!
//! Every function here is exact `Decimal` arithmetic with no rounding; rounding happens
//! only when a report is rendered. A division by zero, or a result beyond a Decimal's
//! range (28 significant digits), is an [`Outcome::NotComputable`] with its reason.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::Words;
use crate::human_capital::input::{AggregationMethod, Band, Group, GroupAggregation};
use crate::human_capital::outcome::Outcome;

/// Human capital from the funds invested in a person.
///
/// # Formula
///
/// Seed 003, formula (1): `HC = SVvCh x IK`, invested funds times the individual
/// efficiency coefficient. Implemented as written; the result is in money.
pub fn human_capital_from_investment(invested_funds: Decimal, coefficient: Decimal) -> Outcome {
    Outcome::checked(
        invested_funds.checked_mul(coefficient),
        "hc_quantity.invested_times_ik",
    )
}

/// Human capital as the sum of the four group scores.
///
/// # Formula
///
/// Seed 003, formula (3): `HC = FZ + PP + PR + L`, in conventional units (points).
/// A group absent from `group_scores` counts as zero; the validated input never lacks one.
pub fn human_capital_from_groups(group_scores: &BTreeMap<Group, Decimal>) -> Outcome {
    Outcome::checked(
        checked_sum(group_scores.values().copied()),
        "hc_quantity.group_scores_sum",
    )
}

/// Σ `values`, `None` on overflow.
pub(crate) fn checked_sum(mut values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |sum, value| sum.checked_add(value))
}

/// The funds invested in a person, recovered from the group scores.
///
/// # Formula
///
/// Seed 003, formula (5): `SVvCh = (FZ + PP + PR + L) / IK`, the sum of formula (3)
/// divided by the individual efficiency coefficient; in points, like formula (3).
pub fn invested_funds_from_groups(human_capital: Decimal, coefficient: Decimal) -> Outcome {
    Outcome::divide(
        human_capital,
        coefficient,
        "hc_quantity.efficiency_coefficient",
    )
}

/// A group score from its component scores, by the configured aggregation.
///
/// # Formula
///
/// Seed 003 asks for "a generalising indicator" per group without fixing it. `mean` is
/// the arithmetic mean, `sum` the sum, and `weighted_mean` is
/// `sum(weight x score) / sum(weight)` over the components; a component without a weight
/// has weight zero.
pub fn group_score(
    aggregation: &GroupAggregation,
    components: &BTreeMap<String, Decimal>,
) -> Outcome {
    if components.is_empty() {
        return Outcome::not_computable(Words::new("hc_reason.no_components", &[]));
    }
    let Some(sum) = checked_sum(components.values().copied()) else {
        return Outcome::checked(None, "hc_quantity.component_scores_sum");
    };
    match aggregation.method {
        AggregationMethod::Sum => Outcome::Value(sum),
        AggregationMethod::Mean => Outcome::divide(
            sum,
            Decimal::from(components.len()),
            "hc_quantity.components_count",
        ),
        AggregationMethod::WeightedMean => {
            let weight_of = |name: &String| {
                aggregation
                    .weights
                    .get(name)
                    .copied()
                    .unwrap_or(Decimal::ZERO)
            };
            let weighted = components
                .iter()
                .map(|(name, score)| weight_of(name).checked_mul(*score))
                .collect::<Option<Vec<Decimal>>>()
                .and_then(|products| checked_sum(products.into_iter()));
            let Some(weighted) = weighted else {
                return Outcome::checked(None, "hc_quantity.weighted_scores_sum");
            };
            let Some(total_weight) = checked_sum(components.keys().map(weight_of)) else {
                return Outcome::checked(None, "hc_quantity.weights_sum");
            };
            Outcome::divide(weighted, total_weight, "hc_quantity.weights_sum")
        }
    }
}

/// The change of human capital against a baseline, as the seed's ratio.
///
/// # Formula
///
/// Seed 003: the sum of the characteristics (FZ, PP, PR, L) at the assessment date
/// divided by the same sum at age 15 (or at any earlier assessment).
pub fn change_ratio(current: Decimal, baseline: Decimal) -> Outcome {
    Outcome::divide(current, baseline, "hc_quantity.baseline_human_capital")
}

/// The estimated value of a worker.
///
/// # Formula
///
/// Seed 003, formula (2) (after Tuguskina): `B = ZP x G + I x t`, wage times human
/// capital goodwill plus investments per period times the number of periods.
pub fn worker_value(
    wage: Decimal,
    goodwill: Decimal,
    investment: Decimal,
    periods: Decimal,
) -> Outcome {
    let value = wage
        .checked_mul(goodwill)
        .zip(investment.checked_mul(periods))
        .and_then(|(pay, invested)| pay.checked_add(invested));
    Outcome::checked(value, "hc_quantity.wage_goodwill_investment")
}

/// Human capital goodwill.
///
/// # Formula
///
/// Seed 003: `G = profit index + personnel cost index + professional prospects
/// coefficient`. The indices are normalised as configured (see `docs/human_capital.md`).
pub fn goodwill(
    profit_index: Decimal,
    personnel_cost_index: Decimal,
    prospects: Decimal,
) -> Outcome {
    Outcome::checked(
        checked_sum([profit_index, personnel_cost_index, prospects].into_iter()),
        "hc_quantity.goodwill",
    )
}

/// The points of the band `value` falls in, or `None` below the first band.
///
/// Each band covers `from <= value < next band's from`; the last band is open-ended.
/// `bands` must be sorted by `from` (the validated configuration is).
pub fn band_points(bands: &[Band], value: Decimal) -> Option<Decimal> {
    bands
        .iter()
        .rev()
        .find(|band| band.from <= value)
        .map(|band| band.points)
}

/// The median: the middle value, or the mean of the two middle values.
pub fn median(values: &[Decimal]) -> Option<Decimal> {
    let mut sorted = values.to_vec();
    sorted.sort();
    let n_values = sorted.len();
    if n_values == 0 {
        return None;
    }
    let middle = n_values / 2;
    if n_values % 2 == 1 {
        return Some(sorted[middle]);
    }
    let (lower, upper) = (sorted[middle - 1], sorted[middle]);
    // When lower + upper overflows, both have the same sign, so upper − lower cannot
    // overflow and lower + (upper − lower)/2 lies between them; it may differ from
    // (lower + upper)/2 in the 28th digit, so it is the fallback only.
    Some(
        lower
            .checked_add(upper)
            .map(|sum| sum / Decimal::TWO)
            .unwrap_or_else(|| lower + (upper - lower) / Decimal::TWO),
    )
}

/// An amount per full-time equivalent.
///
/// # Formula
///
/// `amount / FTE`; used for revenue, profit and personnel cost per FTE (the indices of
/// seed 003's goodwill before normalisation, and the standard per-FTE metrics).
pub fn per_fte(amount: Decimal, fte: Decimal) -> Outcome {
    Outcome::divide(amount, fte, "hc_quantity.fte")
}

/// Market value of human capital per FTE.
///
/// # Formula
///
/// Seed 003 (after Lesnikov): `(market value - book value) / FTE`. The seed objects that
/// the difference is goodwill, known only when the company is sold; see
/// [`MARKET_VALUE_CAVEAT`].
pub fn market_value_per_fte(market_value: Decimal, book_value: Decimal, fte: Decimal) -> Outcome {
    Outcome::checked(
        market_value.checked_sub(book_value),
        "hc_quantity.market_minus_book",
    )
    .and_then(|difference| Outcome::divide(difference, fte, "hc_quantity.fte"))
}

/// The seed's caveat, printed beside the market value of human capital per FTE.
pub const MARKET_VALUE_CAVEAT: &str = "the difference between market and book value is \
    goodwill (business reputation): the market value is known only when the company is \
    sold, and goodwill is booked as an intangible asset, so this figure cannot be read as \
    the market price of human capital (seed 003)";

/// The human capital value added numerator: revenue less non-personnel expense.
///
/// # Formula
///
/// Fitz-enz (standard, beyond the seed): `revenue - (operating expense - pay and benefits)`.
pub fn adjusted_profit(
    revenue: Decimal,
    operating_expense: Decimal,
    pay_and_benefits: Decimal,
) -> Outcome {
    let value = operating_expense
        .checked_sub(pay_and_benefits)
        .and_then(|other_expense| revenue.checked_sub(other_expense));
    Outcome::checked(value, "hc_quantity.adjusted_profit")
}

/// Human capital return on investment.
///
/// # Formula
///
/// Fitz-enz (standard, beyond the seed):
/// `(revenue - (operating expense - pay and benefits)) / pay and benefits`, as stated in
/// the issue (the variant without the final `- 1`).
pub fn human_capital_roi(
    revenue: Decimal,
    operating_expense: Decimal,
    pay_and_benefits: Decimal,
) -> Outcome {
    adjusted_profit(revenue, operating_expense, pay_and_benefits).and_then(|numerator| {
        Outcome::divide(numerator, pay_and_benefits, "hc_quantity.pay_and_benefits")
    })
}

/// Human capital value added per FTE.
///
/// # Formula
///
/// Fitz-enz (standard, beyond the seed):
/// `(revenue - (operating expense - pay and benefits)) / FTE`.
pub fn human_capital_value_added_per_fte(
    revenue: Decimal,
    operating_expense: Decimal,
    pay_and_benefits: Decimal,
    fte: Decimal,
) -> Outcome {
    adjusted_profit(revenue, operating_expense, pay_and_benefits)
        .and_then(|numerator| per_fte(numerator, fte))
}
