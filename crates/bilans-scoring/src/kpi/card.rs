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
            let message = format!(
                "KPI `{}` appears twice on the card of `{}`; names must be unique per owner",
                kpi.name, kpi.owner
            );
            return Err(InputError {
                location: at(KpiField::Name),
                message,
            });
        }
        match owner_levels.get(&kpi.owner) {
            Some(level) if *level != kpi.level => {
                let message = format!(
                    "owner `{}` is at level {} on an earlier row, here {}; an owner has one level",
                    kpi.owner, level, kpi.level
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
    type Err = String;

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
                return Err(format!(
                    "`{word}` is not a KPI type; expected one of: {}",
                    all_type_words()
                ));
            };
            if found[pair.index()].is_some() {
                return Err(format!("the pair {} is given twice", pair.label()));
            }
            found[pair.index()] = Some(side);
        }
        let mut sides = [Side::Left; 8];
        for pair in TypePair::ALL {
            match found[pair.index()] {
                Some(side) => sides[pair.index()] = side,
                None => return Err(format!("no side of the pair {} is given", pair.label())),
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
            format!("{left}/{right}")
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
    fn error(&self, field: KpiField, message: String) -> InputError {
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

    fn required(&self, field: KpiField, why: &str) -> Result<&str, InputError> {
        self.text(field)
            .ok_or_else(|| self.error(field, format!("`{}` is missing: {why}", field.name())))
    }

    fn parsed<T: FromStr<Err = String>>(
        &self,
        field: KpiField,
        why: &str,
    ) -> Result<T, InputError> {
        let text = self.required(field, why)?;
        text.parse().map_err(|message| self.error(field, message))
    }

    fn number(&self, field: KpiField) -> Result<Option<Decimal>, InputError> {
        match self.text(field) {
            None => Ok(None),
            Some(text) => parse_number(text)
                .map(Some)
                .map_err(|message| self.error(field, format!("{}: {message}", field.name()))),
        }
    }

    fn refuse(&self, field: KpiField, why: &str) -> Result<(), InputError> {
        match self.text(field) {
            None => Ok(()),
            Some(_) => Err(self.error(field, format!("`{}` does not apply: {why}", field.name()))),
        }
    }
}

fn build_kpi(kpi_idx: usize, record: &KpiRecord) -> Result<Kpi, InputError> {
    let reader = RecordReader { kpi_idx, record };
    let name = reader
        .required(KpiField::Name, "every KPI needs a name")?
        .to_owned();
    let owner = reader
        .required(KpiField::Owner, "every KPI is on someone's card")?
        .to_owned();
    let level: Level = reader.parsed(KpiField::Level, "organisation, unit or employee")?;
    let types: KpiTypes = reader.parsed(KpiField::Types, "one side of each of the eight pairs")?;
    let scale: ScaleKind =
        reader.parsed(KpiField::Scale, "the measurement scale decides the score")?;
    let kind: DirectionKind =
        reader.parsed(KpiField::Direction, "positive, negative or interval")?;
    let direction = build_direction(&reader, scale, kind)?;
    let weight = reader.number(KpiField::Weight)?.ok_or_else(|| {
        reader.error(
            KpiField::Weight,
            "`weight` is missing: the card total needs it".to_owned(),
        )
    })?;
    if weight < Decimal::ZERO {
        return Err(reader.error(KpiField::Weight, format!("weight {weight} is negative")));
    }
    if MAX_WEIGHT < weight {
        return Err(reader.error(
            KpiField::Weight,
            format!("weight {weight} is above {MAX_WEIGHT}: weights are relative, scale them down"),
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
            message: format!("actual for {period}: {message}"),
        })?;
        if !scale.admits(value) {
            let message = format!(
                "actual for {period}: {value} is not a value of the {scale} scale (0 or 1)"
            );
            return Err(InputError {
                location: at,
                message,
            });
        }
        if actuals.iter().any(|(earlier, _)| earlier == period) {
            let message = format!("period {period} has two actual values");
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
        let message = "a nominal scale has no order, so it has no direction of preference and \
                       cannot be scored; use an ordinal or binary scale"
            .to_owned();
        return Err(reader.error(KpiField::Scale, message));
    }
    let plan = reader.number(KpiField::Plan)?;
    let zero_at = reader.number(KpiField::ZeroAt)?;
    match kind {
        DirectionKind::Positive | DirectionKind::Negative => {
            let interval_only = "it applies to interval KPIs only";
            reader.refuse(KpiField::Low, interval_only)?;
            reader.refuse(KpiField::High, interval_only)?;
            reader.refuse(KpiField::Tolerance, interval_only)?;
            reader.refuse(KpiField::Deviation, interval_only)?;
            let plan = match (plan, scale) {
                (Some(plan), ScaleKind::Binary) if !scale.admits(plan) => {
                    let message =
                        format!("plan {plan} is not a value of the binary scale (0 or 1)");
                    return Err(reader.error(KpiField::Plan, message));
                }
                (Some(plan), _) => plan,
                (None, ScaleKind::Binary) if kind == DirectionKind::Positive => Decimal::ONE,
                (None, ScaleKind::Binary) => Decimal::ZERO,
                (None, _) => {
                    let role = if kind == DirectionKind::Positive {
                        "floor"
                    } else {
                        "ceiling"
                    };
                    let message =
                        format!("`plan` is missing: a {kind} KPI needs its plan as a {role}");
                    return Err(reader.error(KpiField::Plan, message));
                }
            };
            if let Some(zero) = zero_at {
                if !scale.is_metric() {
                    let message = format!(
                        "`zero_at` needs a metric scale: partial credit between two values is a \
                         ratio of differences, which the {scale} scale does not have"
                    );
                    return Err(reader.error(KpiField::ZeroAt, message));
                }
                let on_the_wrong_side = if kind == DirectionKind::Positive {
                    plan <= zero
                } else {
                    zero <= plan
                };
                if on_the_wrong_side {
                    let side = if kind == DirectionKind::Positive {
                        "below"
                    } else {
                        "above"
                    };
                    let message = format!("`zero_at` {zero} must lie {side} the plan {plan}");
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
        let message = format!(
            "an interval KPI is scored by its deviation from the optimum, a difference, which \
             the {scale} scale does not have; use an interval, ratio or absolute scale"
        );
        return Err(reader.error(KpiField::Direction, message));
    }
    if zero_at.is_some() {
        let message =
            "`zero_at` does not apply: an interval KPI scores by its tolerance".to_owned();
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
                let message = format!("unknown deviation `{text}`; expected absolute or relative");
                return Err(reader.error(KpiField::Deviation, message));
            }
        },
    };
    let (optimum, tolerance) = match (plan, tolerance, low, high) {
        (Some(optimum), Some(tolerance), None, None) => (optimum, tolerance),
        (None, None, Some(low), Some(high)) => {
            if deviation == Deviation::Relative {
                let message = "a range gives an absolute deviation; drop `deviation` or give \
                               `plan` and `tolerance`"
                    .to_owned();
                return Err(reader.error(KpiField::Deviation, message));
            }
            if high < low {
                let message = format!("`high` {high} is below `low` {low}");
                return Err(reader.error(KpiField::High, message));
            }
            // low ≤ high: the midpoint low + (high − low)/2 stays between them; the
            // half-width overflows only for a range wider than a Decimal's span.
            let Some(half_width) = high.checked_sub(low).map(|width| width / Decimal::TWO) else {
                let message = format!("the range {low}..{high} is wider than a decimal's range");
                return Err(reader.error(KpiField::High, message));
            };
            (low + half_width, half_width)
        }
        (Some(_), None, _, _) => {
            let message = "`tolerance` is missing: an interval KPI with a `plan` (its optimum) \
                           needs the largest acceptable deviation"
                .to_owned();
            return Err(reader.error(KpiField::Tolerance, message));
        }
        (None, _, Some(_), None) => {
            let message = "`high` is missing: a range needs both ends".to_owned();
            return Err(reader.error(KpiField::High, message));
        }
        (None, _, None, Some(_)) => {
            let message = "`low` is missing: a range needs both ends".to_owned();
            return Err(reader.error(KpiField::Low, message));
        }
        (None, _, None, None) => {
            let message = "`plan` is missing: an interval KPI needs its optimum (`plan` with \
                           `tolerance`) or its range (`low` and `high`)"
                .to_owned();
            return Err(reader.error(KpiField::Plan, message));
        }
        _ => {
            let message =
                "give either `plan` with `tolerance`, or `low` and `high`, not both".to_owned();
            return Err(reader.error(KpiField::Low, message));
        }
    };
    if tolerance < Decimal::ZERO {
        let message = format!("tolerance {tolerance} is negative");
        return Err(reader.error(KpiField::Tolerance, message));
    }
    if deviation == Deviation::Relative {
        if !scale.has_natural_zero() {
            let message = format!(
                "a relative deviation divides by the optimum, a ratio of values, which the \
                 {scale} scale does not allow; use an absolute deviation"
            );
            return Err(reader.error(KpiField::Deviation, message));
        }
        if optimum.is_zero() {
            let message = "a relative deviation from an optimum of 0 has no meaning".to_owned();
            return Err(reader.error(KpiField::Plan, message));
        }
    }
    Ok(Direction::Interval {
        optimum,
        tolerance,
        deviation,
    })
}
