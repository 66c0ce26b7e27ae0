//! Entities, units, amounts with provenance, and the statements of one entity.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{Lang, LineItem, ModelError, Period};

/// Who the statements describe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The entity's name as the user wrote it.
    pub name: String,
    /// A single company, or a group whose data are averaged.
    pub kind: EntityKind,
}

/// A single company, or an averaged group of companies (as in seed 004, where 15
/// listed companies are averaged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum EntityKind {
    /// One company.
    Company,
    /// The average of a group of companies.
    AveragedGroup {
        /// How many companies were averaged, where known.
        members: Option<u32>,
    },
}

impl Entity {
    /// A single company named `name`.
    pub fn company(name: &str) -> Entity {
        Entity {
            name: name.to_owned(),
            kind: EntityKind::Company,
        }
    }

    /// An averaged group of `members` companies.
    pub fn averaged_group(name: &str, members: Option<u32>) -> Entity {
        Entity {
            name: name.to_owned(),
            kind: EntityKind::AveragedGroup { members },
        }
    }
}

/// The scale in which amounts are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Amounts in currency units.
    Units,
    /// Amounts in thousands.
    Thousands,
    /// Amounts in millions.
    Millions,
    /// Amounts in billions (thousand millions: `bn`, `mld`, `млрд`).
    Billions,
    /// Amounts in lakhs (Indian numbering: 100,000).
    Lakhs,
    /// Amounts in crores (Indian numbering: 10,000,000).
    Crores,
}

impl Scale {
    /// The factor that turns a written amount into currency units.
    pub fn factor(self) -> Decimal {
        match self {
            Scale::Units => Decimal::ONE,
            Scale::Thousands => Decimal::from(1_000),
            Scale::Millions => Decimal::from(1_000_000),
            Scale::Billions => Decimal::from(1_000_000_000),
            Scale::Lakhs => Decimal::from(100_000),
            Scale::Crores => Decimal::from(10_000_000),
        }
    }
}

impl FromStr for Scale {
    type Err = ModelError;

    fn from_str(text: &str) -> Result<Scale, ModelError> {
        match text.trim() {
            "units" => Ok(Scale::Units),
            "thousands" => Ok(Scale::Thousands),
            "millions" => Ok(Scale::Millions),
            "billions" => Ok(Scale::Billions),
            "lakhs" => Ok(Scale::Lakhs),
            "crores" => Ok(Scale::Crores),
            other => Err(ModelError::BadScale(other.to_owned())),
        }
    }
}

/// The declared unit of every amount in a set of statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// Units, thousands or millions.
    pub scale: Scale,
    /// An ISO 4217 code (`PLN`) or whatever the source says; may be empty when unknown.
    pub currency: String,
}

impl Unit {
    /// Thousands of `currency`.
    pub fn thousands(currency: &str) -> Unit {
        Unit {
            scale: Scale::Thousands,
            currency: currency.to_owned(),
        }
    }

    /// Plain units of `currency`.
    pub fn units(currency: &str) -> Unit {
        Unit {
            scale: Scale::Units,
            currency: currency.to_owned(),
        }
    }
}

impl Unit {
    /// The unit in `lang`, e.g. `thousands PLN`, `tys. PLN`, `тыс. RUB`.
    pub fn text_in(&self, lang: Lang) -> String {
        let messages = crate::lang::messages();
        let key = match self.scale {
            Scale::Units => "unit.units",
            Scale::Thousands => "unit.thousands",
            Scale::Millions => "unit.millions",
            Scale::Billions => "unit.billions",
            Scale::Lakhs => "unit.lakhs",
            Scale::Crores => "unit.crores",
        };
        let currency = if self.currency.is_empty() {
            messages.get(lang, "unit.currency_unknown")
        } else {
            &self.currency
        };
        messages.format(lang, key, &[("currency", &currency)])
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

/// Where an amount was read from: a file, a sheet and a cell (`C7`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Source {
    /// The file name or path as given by the user.
    pub file: String,
    /// The sheet name; empty for sources that have no sheets.
    pub sheet: String,
    /// The cell in A1 notation; empty for sources that have no cells.
    pub cell: String,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.sheet.is_empty(), self.cell.is_empty()) {
            (true, true) => write!(f, "{}", self.file),
            (false, true) => write!(f, "{}: {}", self.file, self.sheet),
            _ => write!(f, "{}: {}!{}", self.file, self.sheet, self.cell),
        }
    }
}

/// An amount in the statements' unit, and where it came from, if known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    /// The amount, exactly as written, in the statements' unit.
    pub value: Decimal,
    /// Its provenance, when it was read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// The statements of one entity: line item amounts per period, in one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statements {
    /// Who the statements describe.
    pub entity: Entity,
    /// The unit of every amount.
    pub unit: Unit,
    /// Amounts per period and line item.
    pub periods: BTreeMap<Period, BTreeMap<LineItem, Amount>>,
}

impl Statements {
    /// Empty statements for `entity` in `unit`.
    pub fn new(entity: Entity, unit: Unit) -> Statements {
        Statements {
            entity,
            unit,
            periods: BTreeMap::new(),
        }
    }

    /// Sets `item` in `period` to `value`, with no provenance.
    pub fn set(&mut self, period: Period, item: LineItem, value: Decimal) {
        self.set_amount(
            period,
            item,
            Amount {
                value,
                source: None,
            },
        );
    }

    /// Sets `item` in `period` to `amount`, replacing any earlier value.
    pub fn set_amount(&mut self, period: Period, item: LineItem, amount: Amount) {
        self.periods.entry(period).or_default().insert(item, amount);
    }

    /// The value of `item` in `period`, if present.
    pub fn get(&self, period: Period, item: LineItem) -> Option<Decimal> {
        self.amount(period, item).map(|amount| amount.value)
    }

    /// The amount of `item` in `period` with its provenance, if present.
    pub fn amount(&self, period: Period, item: LineItem) -> Option<&Amount> {
        self.periods.get(&period)?.get(&item)
    }

    /// The periods, in chronological order.
    pub fn period_list(&self) -> Vec<Period> {
        self.periods.keys().copied().collect()
    }

    /// The line items present in at least one period, in catalogue order.
    pub fn item_list(&self) -> Vec<LineItem> {
        // A line item's order is its catalogue order (`LineItem::ALL`).
        self.periods
            .values()
            .flat_map(BTreeMap::keys)
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }
}
