//! Agreement of the experts: Kendall's coefficient of concordance W with the tie
//! correction, and its significance.
//!
//! Beyond seed 000 (standard practice, see METHODS.md). Each expert (a "judge", m of
//! them) ranks the n criteria of one partner by the scores they gave; ties get the
//! mean of the ranks they span.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;

/// The number of random permutations of the small-n test.
pub const PERMUTATIONS: u32 = 9999;

/// Up to this many objects the χ² approximation is not used; a permutation test is.
pub const SMALL_N: usize = 7;

/// How the significance of W was tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignificanceTest {
    /// χ² = m(n − 1)W on n − 1 degrees of freedom (n > 7).
    ChiSquare,
    /// Each judge's ranks permuted independently, `permutations` times, with a fixed
    /// seed so that results are reproducible; p = (k + 1)/(N + 1), k the permutations
    /// whose S reaches the observed S.
    Permutation {
        /// N.
        permutations: u32,
    },
}

/// Why Kendall's W is not computable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConcordanceError {
    /// Fewer than two judges.
    #[error("{judges} judge(s): at least 2 are needed")]
    TooFewJudges {
        /// m.
        judges: usize,
    },
    /// Fewer than two objects.
    #[error("{objects} object(s): at least 2 are needed")]
    TooFewObjects {
        /// n.
        objects: usize,
    },
    /// The judges' rows have different lengths.
    #[error("judges rated different numbers of objects")]
    UnequalRows,
    /// The denominator m²(n³ − n) − m Σ(t³ − t) is zero.
    #[error("every judge tied every object")]
    AllTied,
    /// An intermediate sum exceeds a Decimal's range (28 significant digits).
    #[error("the rank sums exceed a decimal's range (28 digits)")]
    Overflow,
}

impl Serialize for ConcordanceError {
    /// Serialised as its message, the reason a reader needs.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Kendall's W and its test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concordance {
    /// m, the number of judges (experts).
    pub judges: usize,
    /// n, the number of objects ranked (criteria).
    pub objects: usize,
    /// R_j, the rank sums per object.
    pub rank_sums: Vec<Decimal>,
    /// S = Σ (R_j − R̄)².
    pub s: Decimal,
    /// Σ (t³ − t) over every group of t tied ranks of every judge.
    pub ties: Decimal,
    /// W_t = 12S / (m²(n³ − n) − m Σ(t³ − t)).
    pub w: Decimal,
    /// χ² = m(n − 1)W_t (reported for every n; the Friedman statistic).
    pub chi_square: Decimal,
    /// n − 1.
    pub degrees_of_freedom: u32,
    /// The p-value of the test used.
    pub p_value: Decimal,
    /// The test used.
    pub test: SignificanceTest,
}

/// Kendall's W of `ratings` (judges × objects; higher rating = better).
///
/// # Formula
///
/// W_t = 12S / (m²(n³ − n) − m Σ(t³ − t)), χ² = m(n − 1)W_t on n − 1 degrees of
/// freedom for n > 7, otherwise a permutation test (see [`SignificanceTest`]).
///
/// # Errors
///
/// A [`ConcordanceError`] when W is not computable: fewer than 2 judges or objects,
/// rows of different lengths, every judge tying every object, or sums beyond a
/// Decimal's range.
pub fn kendall_w(ratings: &[Vec<Decimal>]) -> Result<Concordance, ConcordanceError> {
    let judges = ratings.len();
    if judges < 2 {
        return Err(ConcordanceError::TooFewJudges { judges });
    }
    let objects = ratings[0].len();
    if objects < 2 {
        return Err(ConcordanceError::TooFewObjects { objects });
    }
    if ratings.iter().any(|row| row.len() != objects) {
        return Err(ConcordanceError::UnequalRows);
    }
    let mut ranks = Vec::with_capacity(judges);
    let mut ties = Decimal::ZERO;
    for row in ratings {
        let (row_ranks, row_ties) = mid_ranks(row);
        ranks.push(row_ranks);
        ties = checked(ties.checked_add(row_ties))?;
    }
    let m = Decimal::from(judges);
    let n = Decimal::from(objects);
    let mut rank_sums = Vec::with_capacity(objects);
    for object_idx in 0..objects {
        let sum = ranks
            .iter()
            .try_fold(Decimal::ZERO, |sum, row| sum.checked_add(row[object_idx]));
        rank_sums.push(checked(sum)?);
    }
    // Every factor below is a count of judges or objects, or a sum of their ranks: only
    // inputs of astronomical size overflow, and then W is not computable.
    let mean = checked(m.checked_mul(n + Decimal::ONE))? / Decimal::TWO;
    let mut s = Decimal::ZERO;
    for sum in &rank_sums {
        let deviation = sum - mean;
        s = checked(
            deviation
                .checked_mul(deviation)
                .and_then(|square| s.checked_add(square)),
        )?;
    }
    let n_cubed_minus_n = n
        .checked_mul(n)
        .and_then(|square| square.checked_mul(n))
        .map(|cube| cube - n);
    let denominator = checked(
        m.checked_mul(m)
            .zip(n_cubed_minus_n)
            .and_then(|(m_squared, n_term)| m_squared.checked_mul(n_term))
            .zip(m.checked_mul(ties))
            .and_then(|(total, tied)| total.checked_sub(tied)),
    )?;
    if denominator.is_zero() {
        return Err(ConcordanceError::AllTied);
    }
    let w = checked(
        Decimal::from(12)
            .checked_mul(s)
            .and_then(|twelve_s| twelve_s.checked_div(denominator)),
    )?;
    let degrees_of_freedom = u32::try_from(objects - 1).unwrap_or(u32::MAX);
    let chi_square = checked(
        m.checked_mul(n - Decimal::ONE)
            .and_then(|factor| factor.checked_mul(w)),
    )?;
    let (p_value, test) = if SMALL_N < objects {
        (
            chi_square_survival(chi_square, degrees_of_freedom),
            SignificanceTest::ChiSquare,
        )
    } else {
        let p_value = permutation_p_value(&ranks, PERMUTATIONS);
        (
            p_value,
            SignificanceTest::Permutation {
                permutations: PERMUTATIONS,
            },
        )
    };
    Ok(Concordance {
        judges,
        objects,
        rank_sums,
        s,
        ties,
        w,
        chi_square,
        degrees_of_freedom,
        p_value,
        test,
    })
}

/// The value, or [`ConcordanceError::Overflow`].
fn checked(value: Option<Decimal>) -> Result<Decimal, ConcordanceError> {
    value.ok_or(ConcordanceError::Overflow)
}

/// Ranks 1..n of `values`, lowest value first, ties at the mean of their ranks; and
/// Σ (t³ − t) over the tie groups.
pub fn mid_ranks(values: &[Decimal]) -> (Vec<Decimal>, Decimal) {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].cmp(&values[b]));
    let mut ranks = vec![Decimal::ZERO; values.len()];
    let mut ties = Decimal::ZERO;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean is (start+1+end)/2.
        let rank = Decimal::from(start + 1 + end) / Decimal::TWO;
        for &index in &order[start..end] {
            ranks[index] = rank;
        }
        let t = Decimal::from(end - start);
        ties += t * t * t - t;
        start = end;
    }
    (ranks, ties)
}

/// P(X ≥ x) for X ~ χ²(df), by the closed forms for integer degrees of freedom
/// (Abramowitz & Stegun 26.4.4 and 26.4.5), each term evaluated as exp of its
/// logarithm so that large x underflows to 0 instead of overflowing.
pub fn chi_square_survival(x: Decimal, degrees_of_freedom: u32) -> Decimal {
    if x <= Decimal::ZERO || degrees_of_freedom == 0 {
        return Decimal::ONE;
    }
    let half = x / Decimal::TWO;
    let exp_or_zero = |exponent: Decimal| exponent.checked_exp().unwrap_or(Decimal::ZERO);
    let result = if degrees_of_freedom.is_multiple_of(2) {
        // Q = e^{−x/2} Σ_{j=0}^{df/2−1} (x/2)^j / j!
        let ln_half = half.ln();
        let mut log_factorial = Decimal::ZERO;
        let mut sum = Decimal::ZERO;
        for j in 0..degrees_of_freedom / 2 {
            if 0 < j {
                log_factorial += Decimal::from(j).ln();
            }
            sum += exp_or_zero(-half + Decimal::from(j) * ln_half - log_factorial);
        }
        sum
    } else {
        // Q = 2(1 − Φ(√x)) + 2φ(√x) Σ_{j=1}^{(df−1)/2} x^{(2j−1)/2} / (1·3·…·(2j−1))
        let Some(root) = x.sqrt() else {
            return Decimal::ONE;
        };
        let tail = Decimal::TWO * normal_upper_tail(root);
        let ln_x = x.ln();
        let ln_density = -half - (Decimal::TWO * Decimal::PI).ln() / Decimal::TWO;
        let mut log_double_factorial = Decimal::ZERO;
        let mut sum = Decimal::ZERO;
        for j in 1..=(degrees_of_freedom - 1) / 2 {
            let odd = Decimal::from(2 * j - 1);
            log_double_factorial += odd.ln();
            sum += exp_or_zero(ln_density + odd / Decimal::TWO * ln_x - log_double_factorial);
        }
        tail + Decimal::TWO * sum
    };
    result.clamp(Decimal::ZERO, Decimal::ONE)
}

/// Below this z the upper normal tail is summed as a series, from it on as a
/// continued fraction (both are accurate to far below 1e-20 there).
const SERIES_BELOW: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

/// Levels of the continued fraction, evaluated from the deepest up.
const FRACTION_LEVELS: u32 = 200;

/// 1 − Φ(z) for z ≥ 0, the upper tail of the standard normal distribution.
///
/// # Formula
///
/// With φ(z) = e^{−z²/2} / √(2π): below z = 5 the series
/// 1 − Φ(z) = ½ − φ(z) Σ_{k≥0} z^{2k+1} / (1·3·…·(2k+1)), whose terms are all
/// positive; from z = 5 on Laplace's continued fraction
/// 1 − Φ(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))).
/// φ(z) is the exponential of its logarithm, so that a large z gives 0 (the tail is
/// then below a Decimal's precision) instead of overflowing; `rust_decimal`'s
/// `norm_cdf` overflows from z ≈ 13 (a polynomial to the 16th power) and is accurate
/// only to about 3e-7.
fn normal_upper_tail(z: Decimal) -> Decimal {
    let ln_sqrt_two_pi = (Decimal::TWO * Decimal::PI).ln() / Decimal::TWO;
    let Some(half_square) = z.checked_mul(z).map(|square| square / Decimal::TWO) else {
        return Decimal::ZERO;
    };
    let density = (-half_square - ln_sqrt_two_pi)
        .checked_exp()
        .unwrap_or(Decimal::ZERO);
    if density.is_zero() {
        return Decimal::ZERO;
    }
    if z < SERIES_BELOW {
        let square = z * z;
        let mut term = z;
        let mut sum = z;
        let mut odd = Decimal::ONE;
        // Past the largest term (k ≈ z²/2 ≤ 12.5) the terms shrink faster than 1/2 each.
        while Decimal::new(1, 28) < term {
            odd += Decimal::TWO;
            term = term * square / odd;
            sum += term;
        }
        let below_half = density * sum;
        return (Decimal::new(5, 1) - below_half).max(Decimal::ZERO);
    }
    let mut fraction = z;
    for level in (1..=FRACTION_LEVELS).rev() {
        fraction = z + Decimal::from(level) / fraction;
    }
    density / fraction
}

/// The permutation p-value of S for `ranks` (judges × objects).
fn permutation_p_value(ranks: &[Vec<Decimal>], permutations: u32) -> Decimal {
    // Ranks are whole or half numbers: doubled, they are integers, and so is 4S.
    let doubled: Vec<Vec<i64>> = ranks
        .iter()
        .map(|row| {
            row.iter()
                .map(|rank| (rank * Decimal::TWO).to_i64().unwrap_or(0))
                .collect()
        })
        .collect();
    let objects = doubled[0].len();
    let four_s = |rows: &[Vec<i64>]| -> i128 {
        let sums: Vec<i128> = (0..objects)
            .map(|j| rows.iter().map(|row| i128::from(row[j])).sum())
            .collect();
        let total: i128 = sums.iter().sum();
        let n = i128::try_from(objects).unwrap_or(1);
        // Σ (R_j − R̄)² · n = n Σ R_j² − (Σ R_j)², kept in integers.
        n * sums.iter().map(|sum| sum * sum).sum::<i128>() - total * total
    };
    let observed = four_s(&doubled);
    let mut state: u64 = 0x5EED_0000_0000_0000;
    let mut shuffled = doubled.clone();
    let mut reaching: u32 = 0;
    for _ in 0..permutations {
        for row in &mut shuffled {
            for index in (1..row.len()).rev() {
                let bound = u64::try_from(index + 1).unwrap_or(1);
                let other = usize::try_from(split_mix(&mut state) % bound).unwrap_or(0);
                row.swap(index, other);
            }
        }
        if observed <= four_s(&shuffled) {
            reaching += 1;
        }
    }
    Decimal::from(reaching + 1) / Decimal::from(permutations + 1)
}

/// SplitMix64: a small, well-known deterministic generator (integers only).
fn split_mix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
