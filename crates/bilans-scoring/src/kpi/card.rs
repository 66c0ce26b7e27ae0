//! The KPI card model (seed 001): the eight type pairs and the validated [`Kpi`], built
//! from text records with located errors.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::kpi::direction::{Deviation, Direction, DirectionKind};
use crate::kpi::input::{CardInput, InputError, InputLocation, KpiField, KpiRecord, parse_number};
use crate::kpi::level::Level;
use crate::kpi::scale::ScaleKind;
use crate::kpi::settings::Settings;
use crate::lang::Words;

/// The largest weight a KPI may have: weights are relative, and the bound keeps every
/// sum of weights far inside a Decimal's range.
pub const MAX_WEIGHT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// The eight pairs of KPI types of the seed; the right-hand side of each is the one
/// managers neglect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TypePair {
    /// Financial / non-financial.
    Financial,
    /// Individual / team.
    Responsibility,
    /// Quantitative / qualitative.
    Quantification,
    /// Operational / strategic.
    Horizon,
    /// Lagging / leading.
    Timing,
    /// Result (effect) / efficiency.
    Output,
    /// Absolute / relative.
    Expression,
    /// Functional / project.
    Activity,
}

/// Which side of a [`TypePair`] a KPI is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The first-named side (financial, individual, quantitative, ...).
    Left,
    /// The neglected side (non-financial, team, qualitative, ...).
    Right,
}

/// One side of each of the eight pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiTypes {
    sides: [Side; 8],
}

/// A validated KPI: one row of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kpi {
    name: String,
    owner: String,
    level: Level,
    types: KpiTypes,
    scale: ScaleKind,
    direction: Direction,
    weight: Decimal,
    unit: String,
    actuals: Vec<(String, Decimal)>,
}

/// A validated card file: the KPIs of every owner and the settings.
#[derive(Debug, Clone)]
pub struct Card {
    /// The KPIs, in input order.
    pub kpis: Vec<Kpi>,
    /// The settings (caps, thresholds, targets).
    pub settings: Settings,
    /// Every period with an actual value, in order of first appearance.
    pub periods: Vec<String>,
}

/// Validates a card read from a file.
///
/// # Errors
///
/// The first [`InputError`] met: unknown words (scale, direction, level, type), numbers
/// that are not numbers, a plan missing where the direction needs one, fields that do not
/// apply, duplicate names or periods, values the scale does not admit, bad settings.
pub fn build_card(input: &CardInput) -> Result<Card, InputError> {
    let settings = Settings::from_pairs(&input.settings)?;
    let mut kpis: Vec<Kpi> = Vec::new();
    let mut periods: Vec<String> = Vec::new();
    let mut owner_levels: BTreeMap<String, Level> = BTreeMap::new();
    for (kpi_idx, record) in input.kpis.iter().enumerate() {
        let kpi = build_kpi(kpi_idx, record)?;
        let at = |field| InputLocation::Field { kpi_idx, field };
        if kpis
            .iter()
            .any(|earlier| earlier.name == kpi.name && earlier.owner == kpi.owner)
        {
            let message = Words::new(
                "kpi_input.duplicate_kpi",
                &[("name", &kpi.name), ("owner", &kpi.owner)],
            );
            return Err(InputError {
                location: at(KpiField::Name),
                message,
            });
        }
        match owner_levels.get(&kpi.owner) {
            Some(level) if *level != kpi.level => {
                let message = Words::new(
                    "kpi_input.owner_two_levels",
                    &[
                        ("owner", &kpi.owner),
                        ("earlier", level),
                        ("level", &kpi.level),
                    ],
                );
                return Err(InputError {
                    location: at(KpiField::Level),
                    message,
                });
            }
            _ => {
                owner_levels.insert(kpi.owner.clone(), kpi.level);
            }
        }
        for (period, _) in &kpi.actuals {
            if !periods.contains(period) {
                periods.push(period.clone());
            }
        }
        kpis.push(kpi);
    }
    Ok(Card {
        kpis,
        settings,
        periods,
    })
}

impl TypePair {
    /// Every pair, in the seed's order.
    pub const ALL: [TypePair; 8] = [
        TypePair::Financial,
        TypePair::Responsibility,
        TypePair::Quantification,
        TypePair::Horizon,
        TypePair::Timing,
        TypePair::Output,
        TypePair::Expression,
        TypePair::Activity,
    ];

    /// The words for the (left, right) sides.
    pub fn side_names(self) -> (&'static str, &'static str) {
        match self {
            TypePair::Financial => ("financial", "non_financial"),
            TypePair::Responsibility => ("individual", "team"),
            TypePair::Quantification => ("quantitative", "qualitative"),
            TypePair::Horizon => ("operational", "strategic"),
            TypePair::Timing => ("lagging", "leading"),
            TypePair::Output => ("result", "efficiency"),
            TypePair::Expression => ("absolute", "relative"),
            TypePair::Activity => ("functional", "project"),
        }
    }

    /// The word for one side.
    pub fn side_name(self, side: Side) -> &'static str {
        let (left, right) = self.side_names();
        match side {
            Side::Left => left,
            Side::Right => right,
        }
    }

    /// The pair as `left/right`.
    pub fn label(self) -> String {
        let (left, right) = self.side_names();
        format!("{left}/{right}")
    }

    fn index(self) -> usize {
        TypePair::ALL
            .iter()
            .position(|pair| *pair == self)
            .unwrap_or(0)
    }
}

impl KpiTypes {
    /// The types from one side per pair, in [`TypePair::ALL`] order.
    pub fn new(sides: [Side; 8]) -> Self {
        KpiTypes { sides }
    }

    /// The side of `pair`.
    pub fn side(&self, pair: TypePair) -> Side {
        self.sides[pair.index()]
    }

    /// The eight words, in pair order.
    pub fn words(&self) -> Vec<&'static str> {
        TypePair::ALL
            .iter()
            .map(|pair| pair.side_name(self.side(*pair)))
            .collect()
    }
}

impl FromStr for KpiTypes {
    type Err = Words;

    /// Parses eight words separated by commas, semicolons or spaces, one per pair, in
    /// any order; `non-financial` and `non_financial` are the same word.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut found: [Option<Side>; 8] = [None; 8];
        let words = text
            .split([',', ';', ' ', '\t', '\n'])
            .filter(|word| !word.is_empty());
        for word in words {
            let normalised = word.trim().to_lowercase().replace('-', "_");
            let hit = TypePair::ALL.iter().find_map(|pair| {
                let (left, right) = pair.side_names();
                if normalised == left {
                    Some((*pair, Side::Left))
                } else if normalised == right {
                    Some((*pair, Side::Right))
                } else {
                    None
                }
            });
            let Some((pair, side)) = hit else {
                return Err(Words::new(
                    "kpi_input.unknown_type",
                    &[("word", &word), ("expected", &all_type_words())],
                ));
            };
            if found[pair.index()].is_some() {
                return Err(Words::new(
                    "kpi_input.pair_twice",
                    &[("pair", &pair.label())],
                ));
            }
            found[pair.index()] = Some(side);
        }
        let mut sides = [Side::Left; 8];
        for pair in TypePair::ALL {
            match found[pair.index()] {
                Some(side) => sides[pair.index()] = side,
                None => {
                    return Err(Words::new(
                        "kpi_input.pair_missing",
                        &[("pair", &pair.label())],
                    ));
                }
            }
        }
        Ok(KpiTypes { sides })
    }
}

impl Kpi {
    /// The name, unique on its owner's card.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whose card the KPI is on.
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// The owner's level.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The side of each type pair.
    pub fn types(&self) -> &KpiTypes {
        &self.types
    }

    /// The measurement scale.
    pub fn scale(&self) -> ScaleKind {
        self.scale
    }

    /// The direction of preference with its plan.
    pub fn direction(&self) -> &Direction {
        &self.direction
    }

    /// The weight as given (before any normalisation).
    pub fn weight(&self) -> Decimal {
        self.weight
    }

    /// The unit, for display (may be empty).
    pub fn unit(&self) -> &str {
        &self.unit
    }

    /// The actual values per period, in input order.
    pub fn actuals(&self) -> &[(String, Decimal)] {
        &self.actuals
    }

    /// The actual value of `period`, if any.
    pub fn actual(&self, period: &str) -> Option<Decimal> {
        self.actuals
            .iter()
            .find(|(label, _)| label == period)
            .map(|(_, value)| *value)
    }
}

fn all_type_words() -> String {
    let words: Vec<String> = TypePair::ALL
        .iter()
        .map(|pair| {
            let (left, right) = pair.side_names();
            format!("`{left}/{right}`")
        })
        .collect();
    words.join(", ")
}

/// Reads the fields of one record; every error names the field.
struct RecordReader<'a> {
    kpi_idx: usize,
    record: &'a KpiRecord,
}

impl RecordReader<'_> {
    fn error(&self, field: KpiField, message: Words) -> InputError {
        InputError {
            location: InputLocation::Field {
                kpi_idx: self.kpi_idx,
                field,
            },
            message,
        }
    }

    fn text(&self, field: KpiField) -> Option<&str> {
        self.record
            .fields
            .get(&field)
            .map(|text| text.trim())
            .filter(|text| !text.is_empty())
    }

    fn required(&self, field: KpiField, why: &'static str) -> Result<&str, InputError> {
        self.text(field)
            .ok_or_else(|| self.error(field, missing(field, why)))
    }

    fn parsed<T: FromStr<Err = Words>>(
        &self,
        field: KpiField,
        why: &'static str,
    ) -> Result<T, InputError> {
        let text = self.required(field, why)?;
        text.parse().map_err(|message| self.error(field, message))
    }

    fn number(&self, field: KpiField) -> Result<Option<Decimal>, InputError> {
        match self.text(field) {
            None => Ok(None),
            Some(text) => parse_number(text).map(Some).map_err(|error| {
                let message = Words::new("kpi_input.field_value", &[("field", &field.name())]);
                self.error(field, message.with("message", error.words()))
            }),
        }
    }

    fn refuse(&self, field: KpiField, why: &'static str) -> Result<(), InputError> {
        match self.text(field) {
            None => Ok(()),
            Some(_) => {
                let message = Words::new("kpi_input.does_not_apply", &[("field", &field.name())]);
                Err(self.error(field, message.with("why", Words::new(why, &[]))))
            }
        }
    }
}

/// `field` is missing, and `why` (a message key) it is needed.
fn missing(field: KpiField, why: &'static str) -> Words {
    Words::new("kpi_input.missing", &[("field", &field.name())]).with("why", Words::new(why, &[]))
}

fn build_kpi(kpi_idx: usize, record: &KpiRecord) -> Result<Kpi, InputError> {
    let reader = RecordReader { kpi_idx, record };
    let name = reader
        .required(KpiField::Name, "kpi_input.why_name")?
        .to_owned();
    let owner = reader
        .required(KpiField::Owner, "kpi_input.why_owner")?
        .to_owned();
    let level: Level = reader.parsed(KpiField::Level, "kpi_input.why_level")?;
    let types: KpiTypes = reader.parsed(KpiField::Types, "kpi_input.why_types")?;
    let scale: ScaleKind = reader.parsed(KpiField::Scale, "kpi_input.why_scale")?;
    let kind: DirectionKind = reader.parsed(KpiField::Direction, "kpi_input.why_direction")?;
    let direction = build_direction(&reader, scale, kind)?;
    let weight = reader.number(KpiField::Weight)?.ok_or_else(|| {
        reader.error(
            KpiField::Weight,
            missing(KpiField::Weight, "kpi_input.why_weight"),
        )
    })?;
    if weight < Decimal::ZERO {
        let message = Words::new("kpi_input.weight_negative", &[("weight", &weight)]);
        return Err(reader.error(KpiField::Weight, message));
    }
    if MAX_WEIGHT < weight {
        return Err(reader.error(
            KpiField::Weight,
            Words::new(
                "kpi_input.weight_above",
                &[("weight", &weight), ("max", &MAX_WEIGHT)],
            ),
        ));
    }
    let unit = reader.text(KpiField::Unit).unwrap_or_default().to_owned();
    let mut actuals: Vec<(String, Decimal)> = Vec::new();
    for (actual_idx, (period, text)) in record.actuals.iter().enumerate() {
        let at = InputLocation::Actual {
            kpi_idx,
            actual_idx,
        };
        let value = parse_number(text).map_err(|message| InputError {
            location: at,
            message: Words::new("kpi_input.actual", &[("period", period)])
                .with("message", message.words()),
        })?;
        if !scale.admits(value) {
            let message = Words::new(
                "kpi_input.actual_not_binary",
                &[("period", period), ("value", &value), ("scale", &scale)],
            );
            return Err(InputError {
                location: at,
                message,
            });
        }
        if actuals.iter().any(|(earlier, _)| earlier == period) {
            let message = Words::new("kpi_input.actual_twice", &[("period", period)]);
            return Err(InputError {
                location: at,
                message,
            });
        }
        actuals.push((period.trim().to_owned(), value));
    }
    Ok(Kpi {
        name,
        owner,
        level,
        types,
        scale,
        direction,
        weight,
        unit,
        actuals,
    })
}

fn build_direction(
    reader: &RecordReader<'_>,
    scale: ScaleKind,
    kind: DirectionKind,
) -> Result<Direction, InputError> {
    if scale == ScaleKind::Nominal {
        let message = Words::new("kpi_input.nominal", &[]);
        return Err(reader.error(KpiField::Scale, message));
    }
    let plan = reader.number(KpiField::Plan)?;
    let zero_at = reader.number(KpiField::ZeroAt)?;
    match kind {
        DirectionKind::Positive | DirectionKind::Negative => {
            let interval_only = "kpi_input.why_interval_only";
            reader.refuse(KpiField::Low, interval_only)?;
            reader.refuse(KpiField::High, interval_only)?;
            reader.refuse(KpiField::Tolerance, interval_only)?;
            reader.refuse(KpiField::Deviation, interval_only)?;
            let plan = match (plan, scale) {
                (Some(plan), ScaleKind::Binary) if !scale.admits(plan) => {
                    let message = Words::new("kpi_input.plan_not_binary", &[("plan", &plan)]);
                    return Err(reader.error(KpiField::Plan, message));
                }
                (Some(plan), _) => plan,
                (None, ScaleKind::Binary) if kind == DirectionKind::Positive => Decimal::ONE,
                (None, ScaleKind::Binary) => Decimal::ZERO,
                (None, _) => {
                    let key = if kind == DirectionKind::Positive {
                        "kpi_input.plan_missing_floor"
                    } else {
                        "kpi_input.plan_missing_ceiling"
                    };
                    let message = Words::new(key, &[("kind", &kind)]);
                    return Err(reader.error(KpiField::Plan, message));
                }
            };
            if let Some(zero) = zero_at {
                if !scale.is_metric() {
                    let message = Words::new("kpi_input.zero_at_metric", &[("scale", &scale)]);
                    return Err(reader.error(KpiField::ZeroAt, message));
                }
                let on_the_wrong_side = if kind == DirectionKind::Positive {
                    plan <= zero
                } else {
                    zero <= plan
                };
                if on_the_wrong_side {
                    let key = if kind == DirectionKind::Positive {
                        "kpi_input.zero_at_below"
                    } else {
                        "kpi_input.zero_at_above"
                    };
                    let message = Words::new(key, &[("zero", &zero), ("plan", &plan)]);
                    return Err(reader.error(KpiField::ZeroAt, message));
                }
            }
            Ok(match kind {
                DirectionKind::Positive => Direction::Positive {
                    floor: plan,
                    zero_at,
                },
                _ => Direction::Negative {
                    ceiling: plan,
                    zero_at,
                },
            })
        }
        DirectionKind::Interval => build_interval(reader, scale, plan, zero_at),
    }
}

fn build_interval(
    reader: &RecordReader<'_>,
    scale: ScaleKind,
    plan: Option<Decimal>,
    zero_at: Option<Decimal>,
) -> Result<Direction, InputError> {
    if !scale.is_metric() {
        let message = Words::new("kpi_input.interval_metric", &[("scale", &scale)]);
        return Err(reader.error(KpiField::Direction, message));
    }
    if zero_at.is_some() {
        let message = Words::new("kpi_input.zero_at_interval", &[]);
        return Err(reader.error(KpiField::ZeroAt, message));
    }
    let tolerance = reader.number(KpiField::Tolerance)?;
    let low = reader.number(KpiField::Low)?;
    let high = reader.number(KpiField::High)?;
    let deviation = match reader.text(KpiField::Deviation) {
        None => Deviation::Absolute,
        Some(text) => match text.to_lowercase().as_str() {
            "absolute" => Deviation::Absolute,
            "relative" => Deviation::Relative,
            _ => {
                let message = Words::new("kpi_input.unknown_deviation", &[("text", &text)]);
                return Err(reader.error(KpiField::Deviation, message));
            }
        },
    };
    let (optimum, tolerance) = match (plan, tolerance, low, high) {
        (Some(optimum), Some(tolerance), None, None) => (optimum, tolerance),
        (None, None, Some(low), Some(high)) => {
            if deviation == Deviation::Relative {
                let message = Words::new("kpi_input.range_relative", &[]);
                return Err(reader.error(KpiField::Deviation, message));
            }
            if high < low {
                let message = Words::new(
                    "kpi_input.high_below_low",
                    &[("high", &high), ("low", &low)],
                );
                return Err(reader.error(KpiField::High, message));
            }
            // low ≤ high: the midpoint low + (high − low)/2 stays between them; the
            // half-width overflows only for a range wider than a Decimal's span.
            let Some(half_width) = high.checked_sub(low).map(|width| width / Decimal::TWO) else {
                let message = Words::new(
                    "kpi_input.range_too_wide",
                    &[("low", &low), ("high", &high)],
                );
                return Err(reader.error(KpiField::High, message));
            };
            (low + half_width, half_width)
        }
        (Some(_), None, _, _) => {
            let message = missing(KpiField::Tolerance, "kpi_input.why_tolerance");
            return Err(reader.error(KpiField::Tolerance, message));
        }
        (None, _, Some(_), None) => {
            let message = missing(KpiField::High, "kpi_input.why_both_ends");
            return Err(reader.error(KpiField::High, message));
        }
        (None, _, None, Some(_)) => {
            let message = missing(KpiField::Low, "kpi_input.why_both_ends");
            return Err(reader.error(KpiField::Low, message));
        }
        (None, _, None, None) => {
            let message = missing(KpiField::Plan, "kpi_input.why_optimum");
            return Err(reader.error(KpiField::Plan, message));
        }
        _ => {
            let message = Words::new("kpi_input.plan_and_range", &[]);
            return Err(reader.error(KpiField::Low, message));
        }
    };
    if tolerance < Decimal::ZERO {
        let message = Words::new("kpi_input.tolerance_negative", &[("tolerance", &tolerance)]);
        return Err(reader.error(KpiField::Tolerance, message));
    }
    if deviation == Deviation::Relative {
        if !scale.has_natural_zero() {
            let message = Words::new("kpi_input.relative_scale", &[("scale", &scale)]);
            return Err(reader.error(KpiField::Deviation, message));
        }
        if optimum.is_zero() {
            let message = Words::new("kpi_input.relative_zero", &[]);
            return Err(reader.error(KpiField::Plan, message));
        }
    }
    Ok(Direction::Interval {
        optimum,
        tolerance,
        deviation,
    })
}
