//! Card settings: score caps per direction and scale, traffic-light thresholds, the
//! "thin" share of the balance report and the individual : team targets per level.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::kpi::direction::DirectionKind;
use crate::kpi::input::{InputError, InputLocation, parse_number};
use crate::kpi::level::Level;
use crate::kpi::scale::ScaleKind;
use crate::lang::Words;

/// The settings of a card; [`Settings::default`] holds the documented defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    caps: BTreeMap<(DirectionKind, ScaleKind), Decimal>,
    /// A score at or above this is green (default 1: the plan is met).
    pub green_from: Decimal,
    /// A score at or above this (and below green) is amber (default 0.8).
    pub amber_from: Decimal,
    /// A neglected side whose weight share at a level is below this is "thin"
    /// (default 0.2).
    pub thin_share: Decimal,
    /// The target weight share of individual KPIs per level (none by default: the
    /// seed's table of proportions is lost, so targets are the user's).
    pub individual_share_target: BTreeMap<Level, Decimal>,
    /// How far the individual share may stray from its target (default 0.1).
    pub individual_share_tolerance: Decimal,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            caps: BTreeMap::new(),
            green_from: Decimal::ONE,
            amber_from: Decimal::new(8, 1),
            thin_share: Decimal::new(2, 1),
            individual_share_target: BTreeMap::new(),
            individual_share_tolerance: Decimal::new(1, 1),
        }
    }
}

impl Settings {
    /// The cap on the score of a KPI of this direction and scale (default 1).
    pub fn cap(&self, direction: DirectionKind, scale: ScaleKind) -> Decimal {
        self.caps
            .get(&(direction, scale))
            .copied()
            .unwrap_or(Decimal::ONE)
    }

    /// Sets the cap for a direction on some scales.
    ///
    /// # Errors
    ///
    /// A message when the cap is below 1 (a met plan scores 1) or the direction is
    /// interval (its score never exceeds 1).
    pub fn set_cap(
        &mut self,
        direction: DirectionKind,
        scales: &[ScaleKind],
        cap: Decimal,
    ) -> Result<(), Words> {
        if direction == DirectionKind::Interval {
            return Err(Words::new("kpi_input.cap_interval", &[]));
        }
        if cap < Decimal::ONE {
            return Err(Words::new("kpi_input.cap_below_one", &[("cap", &cap)]));
        }
        for scale in scales {
            self.caps.insert((direction, *scale), cap);
        }
        Ok(())
    }

    /// Reads settings from (key, value) pairs.
    ///
    /// Keys: `cap.<direction>` or `cap.<direction>.<scale>`, `traffic_light.green`,
    /// `traffic_light.amber`, `thin_share`, `individual_share.<level>`,
    /// `individual_share_tolerance`.
    ///
    /// # Errors
    ///
    /// An [`InputError`] at the setting: unknown key, value not a number, value out of
    /// range.
    pub fn from_pairs(pairs: &[(String, String)]) -> Result<Settings, InputError> {
        let mut settings = Settings::default();
        for (setting_idx, (key, value)) in pairs.iter().enumerate() {
            let located = |message: Words| InputError {
                location: InputLocation::Setting { setting_idx },
                message: Words::new("kpi_input.setting", &[("key", key)]).with("message", message),
            };
            let number = parse_number(value).map_err(|error| located(error.words()))?;
            settings.apply(key.trim(), number).map_err(located)?;
        }
        if settings.green_from < settings.amber_from {
            let message = Words::new(
                "kpi_input.green_below_amber",
                &[
                    ("green", &settings.green_from),
                    ("amber", &settings.amber_from),
                ],
            );
            let setting_idx = pairs.len().saturating_sub(1);
            return Err(InputError {
                location: InputLocation::Setting { setting_idx },
                message,
            });
        }
        Ok(settings)
    }

    fn apply(&mut self, key: &str, number: Decimal) -> Result<(), Words> {
        let share = |number: Decimal| {
            if Decimal::ZERO <= number && number <= Decimal::ONE {
                Ok(number)
            } else {
                Err(Words::new("kpi_input.not_a_share", &[("number", &number)]))
            }
        };
        let parts: Vec<&str> = key.split('.').collect();
        match parts.as_slice() {
            ["cap", direction] => {
                let direction: DirectionKind = direction.parse()?;
                self.set_cap(direction, &ScaleKind::ALL, number)
            }
            ["cap", direction, scale] => {
                let direction: DirectionKind = direction.parse()?;
                let scale: ScaleKind = scale.parse()?;
                self.set_cap(direction, &[scale], number)
            }
            ["traffic_light", "green"] => {
                self.green_from = number;
                Ok(())
            }
            ["traffic_light", "amber"] => {
                self.amber_from = number;
                Ok(())
            }
            ["thin_share"] => {
                self.thin_share = share(number)?;
                Ok(())
            }
            ["individual_share", level] => {
                let level: Level = level.parse()?;
                self.individual_share_target.insert(level, share(number)?);
                Ok(())
            }
            ["individual_share_tolerance"] => {
                self.individual_share_tolerance = share(number)?;
                Ok(())
            }
            _ => Err(Words::new("kpi_input.unknown_setting", &[])),
        }
    }
}
