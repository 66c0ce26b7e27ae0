//! Measurement scales (seed 001): what each scale admits, in the type system and at run
//! time.
//!
//! The seed orders the scales by perfection: nominal, ordinal (binary 0/1 included),
//! interval, ratio, absolute.
//! Each admits a set of transformations, and an operation is meaningful on a scale only
//! when its result survives them.
//! This module encodes that twice:
//!
//! - at compile time, a [`Measurement<S>`] carries its scale `S` as a marker type, and
//!   the operations are bounded by sealed traits ([`Ordered`], [`Metric`],
//!   [`NaturalZero`]), so a mean of nominal codes or a ratio of interval values does not
//!   compile;
//! - at run time, a [`ScaleKind`] read from a file answers the same questions, so a card
//!   read from a workbook is refused with a reason.
//!
//! ```compile_fail
//! use bilans_scoring::kpi::scale::{Measurement, Nominal, mean};
//! use rust_decimal::Decimal;
//! // Nominal codes have no mean: `Nominal` is not `Metric`.
//! let codes = [Measurement::<Nominal>::new(Decimal::ONE).unwrap()];
//! let _ = mean(&codes);
//! ```
//!
//! ```compile_fail
//! use bilans_scoring::kpi::scale::{Interval, Measurement, ratio};
//! use rust_decimal::Decimal;
//! // Interval values have no ratio: `Interval` has no natural zero.
//! let a = Measurement::<Interval>::new(Decimal::TWO).unwrap();
//! let _ = ratio(a, a);
//! ```
//!
//! ```compile_fail
//! use bilans_scoring::kpi::scale::{Measurement, Nominal};
//! use rust_decimal::Decimal;
//! // Nominal codes are not ordered: `<` does not compile.
//! let a = Measurement::<Nominal>::new(Decimal::ONE).unwrap();
//! let _ = a < a;
//! ```
//!
//! The same operations compile where the scale admits them:
//!
//! ```
//! use bilans_scoring::kpi::scale::{Interval, Measurement, Ordinal, Ratio, mean, ratio};
//! use rust_decimal::Decimal;
//! let actual = Measurement::<Ratio>::new(Decimal::from(2_100_000)).unwrap();
//! let plan = Measurement::<Ratio>::new(Decimal::from(2_000_000)).unwrap();
//! assert_eq!(ratio(actual, plan).unwrap(), Decimal::new(105, 2));
//! let hours = [Measurement::<Interval>::new(Decimal::from(47)).unwrap(),
//!              Measurement::<Interval>::new(Decimal::from(49)).unwrap()];
//! assert_eq!(mean(&hours).unwrap().value(), Decimal::from(48));
//! let good = Measurement::<Ordinal>::new(Decimal::from(4)).unwrap();
//! let fair = Measurement::<Ordinal>::new(Decimal::from(3)).unwrap();
//! assert!(fair < good);
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;

/// A measurement scale named at run time (read from a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleKind {
    /// Classes only: any one-to-one relabelling is admissible.
    Nominal,
    /// Order only: any order-preserving map is admissible.
    Ordinal,
    /// The two-valued ordinal scale of the seed: 0 (not done) and 1 (done).
    Binary,
    /// Differences: f(F) = aF + b, a > 0.
    Interval,
    /// Ratios, with a natural zero: f(F) = aF, a > 0.
    Ratio,
    /// Counts and probabilities: only f(F) = F.
    Absolute,
}

/// The marker types of the scales; the trait is sealed, so no other scale exists.
pub trait Scale: sealed::Sealed + Copy {
    /// The run-time name of the scale.
    const KIND: ScaleKind;
}

/// Scales whose values may be compared (`<`): all but nominal.
pub trait Ordered: Scale {}

/// Metric scales: differences and means are meaningful (interval, ratio, absolute).
pub trait Metric: Ordered {}

/// Metric scales with a natural zero: ratios are meaningful (ratio, absolute).
pub trait NaturalZero: Metric {}

/// Marker of the nominal scale.
#[derive(Debug, Clone, Copy)]
pub struct Nominal;
/// Marker of the ordinal scale.
#[derive(Debug, Clone, Copy)]
pub struct Ordinal;
/// Marker of the binary (0/1) ordinal scale.
#[derive(Debug, Clone, Copy)]
pub struct Binary;
/// Marker of the interval scale.
#[derive(Debug, Clone, Copy)]
pub struct Interval;
/// Marker of the ratio scale.
#[derive(Debug, Clone, Copy)]
pub struct Ratio;
/// Marker of the absolute scale.
#[derive(Debug, Clone, Copy)]
pub struct Absolute;

/// A value measured on scale `S`.
///
/// Equality is available on every scale, order on [`Ordered`] scales, differences and
/// means on [`Metric`] scales, ratios on [`NaturalZero`] scales.
#[derive(Debug, Clone, Copy)]
pub struct Measurement<S: Scale> {
    value: Decimal,
    scale: PhantomData<S>,
}

/// A difference of two values of a metric scale.
///
/// Differences have a natural zero whatever the scale, so two differences of the same
/// scale may be divided (the basis of every interval-scale score).
#[derive(Debug, Clone, Copy)]
pub struct Difference<S: Metric> {
    value: Decimal,
    scale: PhantomData<S>,
}

/// A value the scale does not admit (only the binary scale restricts its values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotOnScale {
    /// The value.
    pub value: Decimal,
    /// The scale.
    pub scale: ScaleKind,
}

/// Why a ratio of two measurements cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioError {
    /// The denominator is zero.
    ZeroDenominator,
    /// The quotient exceeds a Decimal's range (28 significant digits).
    Overflow,
}

/// A result beyond a Decimal's range (28 significant digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

/// The difference `a - b` of two metric measurements.
///
/// # Errors
///
/// [`Overflow`] when the difference exceeds a Decimal's range.
pub fn difference<S: Metric>(
    a: Measurement<S>,
    b: Measurement<S>,
) -> Result<Difference<S>, Overflow> {
    Ok(Difference {
        value: a.value.checked_sub(b.value).ok_or(Overflow)?,
        scale: PhantomData,
    })
}

/// The arithmetic mean of metric measurements, `None` for no values or when their sum
/// exceeds a Decimal's range.
///
/// # Formula
///
/// Σ xᵢ / n; meaningful on interval, ratio and absolute scales only (seed 001).
pub fn mean<S: Metric>(values: &[Measurement<S>]) -> Option<Measurement<S>> {
    if values.is_empty() {
        return None;
    }
    let sum = values
        .iter()
        .try_fold(Decimal::ZERO, |sum, value| sum.checked_add(value.value))?;
    Some(Measurement {
        value: sum / Decimal::from(values.len()),
        scale: PhantomData,
    })
}

/// The ratio `numerator / denominator` of two measurements on a scale with a natural
/// zero.
///
/// # Errors
///
/// [`RatioError::ZeroDenominator`] when the denominator is zero,
/// [`RatioError::Overflow`] when the quotient exceeds a Decimal's range.
pub fn ratio<S: NaturalZero>(
    numerator: Measurement<S>,
    denominator: Measurement<S>,
) -> Result<Decimal, RatioError> {
    checked_quotient(numerator.value, denominator.value)
}

/// `numerator / denominator`, checked.
fn checked_quotient(numerator: Decimal, denominator: Decimal) -> Result<Decimal, RatioError> {
    if denominator.is_zero() {
        return Err(RatioError::ZeroDenominator);
    }
    numerator
        .checked_div(denominator)
        .ok_or(RatioError::Overflow)
}

/// The ratio of two differences of the same metric scale.
///
/// # Errors
///
/// [`RatioError::ZeroDenominator`] when the denominator is zero,
/// [`RatioError::Overflow`] when the quotient exceeds a Decimal's range.
pub fn difference_ratio<S: Metric>(
    numerator: Difference<S>,
    denominator: Difference<S>,
) -> Result<Decimal, RatioError> {
    checked_quotient(numerator.value, denominator.value)
}

impl ScaleKind {
    /// Every scale, from the least to the most perfect.
    pub const ALL: [ScaleKind; 6] = [
        ScaleKind::Nominal,
        ScaleKind::Ordinal,
        ScaleKind::Binary,
        ScaleKind::Interval,
        ScaleKind::Ratio,
        ScaleKind::Absolute,
    ];

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            ScaleKind::Nominal => "nominal",
            ScaleKind::Ordinal => "ordinal",
            ScaleKind::Binary => "binary",
            ScaleKind::Interval => "interval",
            ScaleKind::Ratio => "ratio",
            ScaleKind::Absolute => "absolute",
        }
    }

    /// Whether values may be compared.
    pub fn is_ordered(self) -> bool {
        self != ScaleKind::Nominal
    }

    /// Whether the scale is metric (differences and means meaningful): the seed's
    /// "quantitative" scales.
    pub fn is_metric(self) -> bool {
        matches!(
            self,
            ScaleKind::Interval | ScaleKind::Ratio | ScaleKind::Absolute
        )
    }

    /// Whether the scale has a natural zero (ratios meaningful).
    pub fn has_natural_zero(self) -> bool {
        matches!(self, ScaleKind::Ratio | ScaleKind::Absolute)
    }

    /// The admissible transformations, as the seed states them.
    pub fn admissible_transformations(self) -> &'static str {
        match self {
            ScaleKind::Nominal => "any one-to-one relabelling",
            ScaleKind::Ordinal => "any order-preserving map",
            ScaleKind::Binary => "none that keeps the values 0 and 1 (order-preserving)",
            ScaleKind::Interval => "f(F) = aF + b, a > 0",
            ScaleKind::Ratio => "f(F) = aF, a > 0",
            ScaleKind::Absolute => "only f(F) = F",
        }
    }

    /// Whether `value` belongs to the scale.
    pub fn admits(self, value: Decimal) -> bool {
        match self {
            ScaleKind::Binary => value == Decimal::ZERO || value == Decimal::ONE,
            _ => true,
        }
    }
}

impl fmt::Display for ScaleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ScaleKind {
    type Err = crate::lang::Words;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_lowercase();
        for scale in ScaleKind::ALL {
            if scale.name() == wanted {
                return Ok(scale);
            }
        }
        let names: Vec<&str> = ScaleKind::ALL.iter().map(|scale| scale.name()).collect();
        Err(crate::lang::Words::new(
            "kpi_input.unknown_scale",
            &[
                ("text", &text.trim()),
                ("expected", &crate::kpi::input::code_list(&names)),
            ],
        ))
    }
}

impl<S: Scale> Measurement<S> {
    /// A measurement of `value` on scale `S`.
    ///
    /// # Errors
    ///
    /// [`NotOnScale`] when the scale does not admit the value (binary: only 0 and 1).
    pub fn new(value: Decimal) -> Result<Self, NotOnScale> {
        if !S::KIND.admits(value) {
            return Err(NotOnScale {
                value,
                scale: S::KIND,
            });
        }
        Ok(Measurement {
            value,
            scale: PhantomData,
        })
    }

    /// The number recorded (a code, a rank or a quantity, depending on the scale).
    pub fn value(self) -> Decimal {
        self.value
    }
}

impl<S: Scale> PartialEq for Measurement<S> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<S: Scale> Eq for Measurement<S> {}

impl<S: Ordered> PartialOrd for Measurement<S> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.value.cmp(&other.value))
    }
}

impl<S: Metric> PartialEq for Difference<S> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<S: Metric> PartialOrd for Difference<S> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.value.cmp(&other.value))
    }
}

impl<S: Metric> Difference<S> {
    /// The absolute value of the difference.
    pub fn magnitude(self) -> Self {
        Difference {
            value: self.value.abs(),
            scale: PhantomData,
        }
    }

    /// A difference given directly (a tolerance in the scale's units).
    pub fn of(value: Decimal) -> Self {
        Difference {
            value,
            scale: PhantomData,
        }
    }

    /// The size of the difference.
    pub fn value(self) -> Decimal {
        self.value
    }
}

impl fmt::Display for NotOnScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not a value of the {} scale",
            self.value, self.scale
        )
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Nominal {}
    impl Sealed for super::Ordinal {}
    impl Sealed for super::Binary {}
    impl Sealed for super::Interval {}
    impl Sealed for super::Ratio {}
    impl Sealed for super::Absolute {}
}

impl Scale for Nominal {
    const KIND: ScaleKind = ScaleKind::Nominal;
}
impl Scale for Ordinal {
    const KIND: ScaleKind = ScaleKind::Ordinal;
}
impl Scale for Binary {
    const KIND: ScaleKind = ScaleKind::Binary;
}
impl Scale for Interval {
    const KIND: ScaleKind = ScaleKind::Interval;
}
impl Scale for Ratio {
    const KIND: ScaleKind = ScaleKind::Ratio;
}
impl Scale for Absolute {
    const KIND: ScaleKind = ScaleKind::Absolute;
}

impl Ordered for Ordinal {}
impl Ordered for Binary {}
impl Ordered for Interval {}
impl Ordered for Ratio {}
impl Ordered for Absolute {}

impl Metric for Interval {}
impl Metric for Ratio {}
impl Metric for Absolute {}

impl NaturalZero for Ratio {}
impl NaturalZero for Absolute {}
