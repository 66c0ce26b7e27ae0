//! The input of a human capital assessment: the company, the staff with their
//! assessments, and the configuration of every normalisation the seed leaves open.
//!
//! The types deserialize from TOML (see `fixtures/hc/staff.toml`); the workbook reader
//! in `bilans-sheets` builds the same types from cells.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A whole staff file: company figures, configuration and people.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StaffFile {
    /// Company-level figures for one period.
    pub company: Company,
    /// Normalisations and aggregations; every field has a documented default.
    #[serde(default)]
    pub config: Config,
    /// The people, in the order they are reported.
    pub staff: Vec<Person>,
}

/// Company-level figures for one period (usually a year).
///
/// Every money figure is optional: a metric whose input is missing is reported as not
/// computable, with the missing field as the reason.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// The company's name.
    pub name: String,
    /// The currency of every money figure, for display only.
    #[serde(default)]
    pub currency: String,
    /// The period the figures cover, for display only.
    #[serde(default)]
    pub period: String,
    /// Revenue of the period.
    pub revenue: Option<Decimal>,
    /// Profit of the period (the figure the user chooses, e.g. profit before tax; it
    /// may be negative).
    pub profit: Option<Decimal>,
    /// Operating expense of the period, pay and benefits included.
    pub operating_expense: Option<Decimal>,
    /// Pay and benefits of all staff for the period (total personnel cost).
    pub pay_and_benefits: Option<Decimal>,
    /// Market value of the company (an appraisal or a sale price).
    pub market_value: Option<Decimal>,
    /// Book value of the company (equity in the balance sheet).
    pub book_value: Option<Decimal>,
    /// Full-time equivalents of the whole company; when absent, the sum of the staff's.
    pub fte: Option<Decimal>,
}

/// One person with the data the formulas need.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// A unique identifier (personnel number).
    pub id: String,
    /// The person's name.
    pub name: String,
    /// The position held, for display only.
    #[serde(default)]
    pub position: String,
    /// Full-time equivalent: 1 for full time, 0.5 for half time; never negative.
    pub fte: Decimal,
    /// Wage paid for the period (ZP in formula (2)).
    pub wage: Decimal,
    /// Benefits paid for the period on top of the wage.
    #[serde(default)]
    pub benefits: Decimal,
    /// Individual efficiency coefficient IK of formulas (1) and (5); must be positive.
    pub efficiency_coefficient: Decimal,
    /// Money invested in the person so far (SVvCh of formula (1)), when recorded.
    pub invested_funds: Option<Decimal>,
    /// The employer's investments in the person per period (I of formula (2)).
    #[serde(default)]
    pub annual_investment: Decimal,
    /// The number of periods t of formula (2); when absent, the configured default.
    pub investment_periods: Option<Decimal>,
    /// Education level, a key of the configured education points.
    pub education: String,
    /// Years of professional experience (tenure).
    pub tenure_years: Decimal,
    /// Age in years.
    pub age: Decimal,
    /// The assessment the report is about.
    pub assessment: Assessment,
    /// The baseline the change of human capital is measured against.
    pub baseline: Option<Baseline>,
}

/// Component scores of one assessment, by group name, then component name.
pub type Scores = BTreeMap<String, BTreeMap<String, Decimal>>;

/// One assessment of a person: a date and the component scores.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The assessment date, as written (for display only).
    #[serde(default)]
    pub date: String,
    /// Component scores by group, then component.
    pub scores: Scores,
}

/// The earlier state the change of human capital is measured against.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Which kind of baseline this is.
    pub kind: BaselineKind,
    /// The baseline's date, as written (for display only).
    #[serde(default)]
    pub date: String,
    /// Component scores by group, then component.
    pub scores: Scores,
}

/// Kinds of baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineKind {
    /// The seed's "passport of an able-bodied person" filled at age 15.
    #[serde(rename = "passport_age_15")]
    PassportAge15,
    /// Any earlier assessment.
    EarlierAssessment,
}

impl BaselineKind {
    /// Every kind, in declaration order.
    pub const ALL: [BaselineKind; 2] =
        [BaselineKind::PassportAge15, BaselineKind::EarlierAssessment];

    /// The value named `name` in files.
    pub fn from_name(name: &str) -> Option<BaselineKind> {
        BaselineKind::ALL
            .into_iter()
            .find(|value| value.name() == name)
    }

    /// The snake_case name used in files.
    pub fn name(self) -> &'static str {
        match self {
            BaselineKind::PassportAge15 => "passport_age_15",
            BaselineKind::EarlierAssessment => "earlier_assessment",
        }
    }
}

/// The four groups of formula (3), in the seed's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// FZ: level of physical health (physiological characteristics).
    PhysicalHealth,
    /// PP: education, qualification and competences (professional competence).
    ProfessionalCompetence,
    /// PR: personal adaptation potential and intellect (mental development).
    MentalDevelopment,
    /// L: professional abilities and world view (personality).
    Personality,
}

impl Group {
    /// The four groups in the seed's order FZ, PP, PR, L.
    pub const ALL: [Group; 4] = [
        Group::PhysicalHealth,
        Group::ProfessionalCompetence,
        Group::MentalDevelopment,
        Group::Personality,
    ];

    /// The snake_case name used in files.
    pub fn name(self) -> &'static str {
        match self {
            Group::PhysicalHealth => "physical_health",
            Group::ProfessionalCompetence => "professional_competence",
            Group::MentalDevelopment => "mental_development",
            Group::Personality => "personality",
        }
    }

    /// The seed's symbol (transliterated): FZ, PP, PR or L.
    pub fn symbol(self) -> &'static str {
        match self {
            Group::PhysicalHealth => "FZ",
            Group::ProfessionalCompetence => "PP",
            Group::MentalDevelopment => "PR",
            Group::Personality => "L",
        }
    }

    /// The components of the group (seed 003, Fig. 3), by their file names.
    pub fn components(self) -> &'static [&'static str] {
        match self {
            Group::PhysicalHealth => &["health"],
            Group::ProfessionalCompetence => &["education", "qualification", "competences"],
            Group::MentalDevelopment => &["adaptation", "intellect"],
            Group::Personality => &["professional_abilities", "world_view"],
        }
    }

    /// The group with file name `name`.
    pub fn from_name(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|group| group.name() == name)
    }
}

impl fmt::Display for Group {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())
    }
}

/// Every normalisation and aggregation the seed leaves open.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The scale of component scores; a score outside it is an input error.
    pub score_scale: ScoreScale,
    /// How each group's score is built from its components.
    pub aggregation: BTreeMap<Group, GroupAggregation>,
    /// Normalisation of the goodwill indices and formula (2)'s period.
    pub worker_value: WorkerValueConfig,
    /// The professional prospects coefficient's bands.
    pub prospects: ProspectsConfig,
}

/// The inclusive range of component scores.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreScale {
    /// The lowest allowed score.
    pub min: Decimal,
    /// The highest allowed score.
    pub max: Decimal,
}

/// How one group's score is built from its component scores.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupAggregation {
    /// The aggregation method.
    pub method: AggregationMethod,
    /// Component weights, required by (and only by) `weighted_mean`.
    #[serde(default)]
    pub weights: BTreeMap<String, Decimal>,
}

/// Aggregation methods for a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AggregationMethod {
    /// The arithmetic mean of the components (keeps the group on the score scale).
    Mean,
    /// The sum of the components (a group with more components weighs more).
    Sum,
    /// Sum of weight x score divided by the sum of weights.
    WeightedMean,
}

impl AggregationMethod {
    /// Every kind, in declaration order.
    pub const ALL: [AggregationMethod; 3] = [
        AggregationMethod::Mean,
        AggregationMethod::Sum,
        AggregationMethod::WeightedMean,
    ];

    /// The value named `name` in files.
    pub fn from_name(name: &str) -> Option<AggregationMethod> {
        AggregationMethod::ALL
            .into_iter()
            .find(|value| value.name() == name)
    }

    /// The snake_case name used in files.
    pub fn name(self) -> &'static str {
        match self {
            AggregationMethod::Mean => "mean",
            AggregationMethod::Sum => "sum",
            AggregationMethod::WeightedMean => "weighted_mean",
        }
    }
}

/// Normalisation of the human capital goodwill indices and the period t of (2).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkerValueConfig {
    /// Industry median profit per FTE; the profit index is the company's profit per
    /// FTE divided by it. Without it the index (and the worker value) is not computable.
    pub industry_median_profit_per_fte: Option<Decimal>,
    /// What the personnel cost per FTE is compared with.
    pub personnel_cost_basis: PersonnelCostBasis,
    /// Industry median personnel cost per FTE, required by the `industry` basis.
    pub industry_median_personnel_cost_per_fte: Option<Decimal>,
    /// The default number of periods t in formula (2).
    pub investment_periods: Decimal,
}

/// Bases of the personnel cost index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonnelCostBasis {
    /// The person's (wage + benefits) / FTE over the company median of the same figure.
    CompanyMedian,
    /// The company's pay and benefits / FTE over the industry median.
    Industry,
}

impl PersonnelCostBasis {
    /// Every kind, in declaration order.
    pub const ALL: [PersonnelCostBasis; 2] = [
        PersonnelCostBasis::CompanyMedian,
        PersonnelCostBasis::Industry,
    ];

    /// The value named `name` in files.
    pub fn from_name(name: &str) -> Option<PersonnelCostBasis> {
        PersonnelCostBasis::ALL
            .into_iter()
            .find(|value| value.name() == name)
    }

    /// The snake_case name used in files.
    pub fn name(self) -> &'static str {
        match self {
            PersonnelCostBasis::CompanyMedian => "company_median",
            PersonnelCostBasis::Industry => "industry",
        }
    }
}

/// Points of the professional prospects coefficient: education, tenure and age.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProspectsConfig {
    /// Points by education level.
    pub education: BTreeMap<String, Decimal>,
    /// Points by years of tenure; each band runs from its `from` to the next band's.
    pub tenure: Vec<Band>,
    /// Points by age in years; each band runs from its `from` to the next band's.
    pub age: Vec<Band>,
}

/// One band: values from `from` (inclusive) up to the next band's `from` (exclusive).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The band's lower bound, inclusive.
    pub from: Decimal,
    /// The points a value in the band earns.
    pub points: Decimal,
}

impl Default for ScoreScale {
    fn default() -> ScoreScale {
        ScoreScale {
            min: Decimal::ZERO,
            max: Decimal::TEN,
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        let aggregation = Group::ALL
            .into_iter()
            .map(|group| {
                (
                    group,
                    GroupAggregation {
                        method: AggregationMethod::Mean,
                        weights: BTreeMap::new(),
                    },
                )
            })
            .collect();
        Config {
            score_scale: ScoreScale::default(),
            aggregation,
            worker_value: WorkerValueConfig::default(),
            prospects: ProspectsConfig::default(),
        }
    }
}

impl Default for WorkerValueConfig {
    fn default() -> WorkerValueConfig {
        WorkerValueConfig {
            industry_median_profit_per_fte: None,
            personnel_cost_basis: PersonnelCostBasis::CompanyMedian,
            industry_median_personnel_cost_per_fte: None,
            investment_periods: Decimal::ONE,
        }
    }
}

impl Default for ProspectsConfig {
    fn default() -> ProspectsConfig {
        // Points are written as (mantissa, scale): (5, 2) is 0.05.
        let education = [
            ("secondary", 1),
            ("vocational", 2),
            ("bachelor", 3),
            ("master", 4),
            ("doctorate", 5),
        ]
        .into_iter()
        .map(|(level, tenths)| (level.to_owned(), Decimal::new(tenths, 1)))
        .collect();
        let bands = |rows: &[(i64, i64, u32)]| {
            rows.iter()
                .map(|&(from, mantissa, scale)| Band {
                    from: Decimal::from(from),
                    points: Decimal::new(mantissa, scale),
                })
                .collect()
        };
        ProspectsConfig {
            education,
            tenure: bands(&[(0, 1, 1), (3, 2, 1), (10, 3, 1)]),
            age: bands(&[(15, 3, 1), (30, 2, 1), (45, 1, 1), (55, 5, 2)]),
        }
    }
}
