//! Ratio expressions: one definition, three readings (a Decimal value, an Excel
//! formula, readable text).

use std::fmt::Write as _;
use std::ops;

use bilans_model::{Date, Flow, Lang, Length, LineItem, Period};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::NotComputable;
use crate::id::RatioId;
use crate::lang::text;

/// An expression over line items, other ratios, constants and parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A line item's amount; missing means not computable.
    Item(LineItem),
    /// The sum of the terms that are present: a term missing because a line item is
    /// absent is left out (statements often fold one component into another, such as
    /// cash within other current assets); any other reason a term cannot be computed
    /// propagates, and if every term is missing the sum is not computable.
    SumOfPresent(Vec<Expr>),
    /// The first of the alternatives that is present: a term missing because a line
    /// item is absent gives way to the next (interest expense, else the financial costs
    /// a form prints instead); any other reason propagates; if every alternative is
    /// missing, the first one's reason is given. The formula text names every
    /// alternative, and the Excel formula refers to the one used.
    FirstPresent(Vec<Expr>),
    /// Another ratio of the catalogue.
    Ratio(RatioId),
    /// A constant.
    Constant(Decimal),
    /// The number of days in the period: the days in a year (360 or 365, a parameter of
    /// the evaluation) × the period's months / 12, or a day range's actual days (see
    /// [`EvalConfig::days_in_period`]).
    DaysInPeriod,
    /// Sum.
    Add(Box<Expr>, Box<Expr>),
    /// Difference.
    Sub(Box<Expr>, Box<Expr>),
    /// Product.
    Mul(Box<Expr>, Box<Expr>),
    /// Quotient; a zero denominator makes the ratio not computable.
    Div(Box<Expr>, Box<Expr>),
}

/// Which balance-sheet values ratios use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Year-end (closing) balances, as seed 004 does.
    #[default]
    YearEnd,
    /// The average of the opening and closing balance, (previous + current) / 2, for
    /// stock items; flows are taken as they are. The first period has no opening
    /// balance and is not computable.
    Average,
    /// The chronological mean of every balance date in the period:
    /// (x₁/2 + x₂ + … + x_{n−1} + x_n/2) / (n − 1), seed 002's average. For a period of
    /// six months or more whose statements also hold balances at its interim fiscal
    /// quarter-ends (for a year: Q1–Q3), the dates are the opening balance, those
    /// quarter-ends and the closing balance; otherwise (no interim balances) it equals
    /// [`Basis::Average`]. Some but not all interim quarter-ends is not computable (the
    /// dates would not be evenly spaced).
    Chronological,
}

impl Basis {
    /// The description in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Basis::YearEnd => "basis.year_end",
            Basis::Chronological => "basis.chronological",
            Basis::Average => "basis.average",
        };
        text(lang, key)
    }

    /// A readable description, e.g. `year-end balances`.
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }
}

/// Whether intermediate ratios are rounded before they are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "mode")]
pub enum Rounding {
    /// Full Decimal precision throughout (28 significant digits).
    #[default]
    Exact,
    /// "As published": every referenced ratio is rounded half away from zero to
    /// `decimals` places before it enters the referencing ratio, as a table computed
    /// from printed intermediate values would be. The final value is not rounded.
    Intermediates {
        /// The printed precision.
        decimals: u32,
    },
}

/// The days in a year used by turnover periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DaysInYear {
    /// 360 days (banking year, the seeds' convention).
    #[default]
    #[serde(rename = "360")]
    Days360,
    /// 365 days.
    #[serde(rename = "365")]
    Days365,
}

impl DaysInYear {
    /// The number of days.
    pub fn days(self) -> Decimal {
        match self {
            DaysInYear::Days360 => Decimal::from(360),
            DaysInYear::Days365 => Decimal::from(365),
        }
    }
}

/// How ratios are evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EvalConfig {
    /// Year-end or average balances.
    pub basis: Basis,
    /// Exact or with rounded intermediates.
    pub rounding: Rounding,
    /// 360 or 365 days.
    pub days_in_year: DaysInYear,
    /// Whether the flows of an interim period (a quarter, a half-year, nine months, a
    /// day range) are scaled to a year before ratios use them, so that returns and
    /// turnover rates are annual rates. Off by default: ratios over an interim period
    /// are for that period, not annualised, and outputs say so.
    #[serde(default)]
    pub annualise: bool,
}

impl EvalConfig {
    /// The days of `period` that turnover periods multiply by: the days in year × the
    /// period's months / 12 (360 or 365 for a year, 90 or 91.25 for a quarter, 180 or
    /// 182.5 for a half-year, 270 or 273.75 for nine months), or the actual days of a
    /// stated day range. When flows are annualised, every period counts as a year.
    ///
    /// # Errors
    ///
    /// [`NotComputable::NoDuration`] for a balance date (an instant).
    ///
    /// # Examples
    ///
    /// ```
    /// use bilans_model::Period;
    /// use bilans_ratios::EvalConfig;
    /// use rust_decimal::Decimal;
    ///
    /// let quarter = Period::quarter(2024, 1).unwrap();
    /// let days = EvalConfig::default().days_in_period(quarter).unwrap();
    /// assert_eq!(days, Decimal::from(90));
    /// ```
    pub fn days_in_period(&self, period: Period) -> Result<Decimal, NotComputable> {
        let year = self.days_in_year.days();
        match period.length() {
            Length::Instant => Err(NotComputable::NoDuration { period }),
            _ if self.annualise => Ok(year),
            Length::Months(12) => Ok(year),
            Length::Months(months) => {
                Ok((year * Decimal::from(months) / Decimal::from(12)).normalize())
            }
            Length::Days(n_days) => Ok(Decimal::from(n_days)),
        }
    }

    /// How the flows of interim periods are treated, for outputs: `not annualised` or
    /// `annualised (× 12 / months)`.
    pub fn annualisation_label_in(&self, lang: Lang) -> &'static str {
        if self.annualise {
            text(lang, "annualisation.annualised")
        } else {
            text(lang, "annualisation.not_annualised")
        }
    }

    /// How interim flows are stated, in English.
    pub fn annualisation_label(&self) -> &'static str {
        self.annualisation_label_in(Lang::En)
    }

    /// A flow of `period` as it enters ratios: itself, or scaled to a year when
    /// annualising an interim period.
    pub(crate) fn flow(&self, value: Decimal, period: Period) -> Result<Decimal, NotComputable> {
        let Some((numerator, denominator)) = self.annualisation(period) else {
            return Ok(value);
        };
        value
            .checked_mul(numerator)
            .and_then(|scaled| scaled.checked_div(denominator))
            .ok_or(NotComputable::Overflow)
    }

    /// The fraction that scales a flow of `period` to a year, when flows are annualised
    /// and the period is shorter or longer than a year.
    fn annualisation(&self, period: Period) -> Option<(Decimal, Decimal)> {
        if !self.annualise {
            return None;
        }
        match period.length() {
            Length::Instant | Length::Months(12) => None,
            Length::Months(months) => Some((Decimal::from(12), Decimal::from(months))),
            Length::Days(n_days) => Some((self.days_in_year.days(), Decimal::from(n_days))),
        }
    }
}

/// Where line items (and optionally ratios) live in a worksheet, for Excel rendering.
pub trait CellRefs {
    /// The cell holding `item` in `period` (e.g. `Statements!$C$7` or a defined name),
    /// or `None` when the item is absent.
    fn item(&self, item: LineItem, period: Period) -> Option<String>;

    /// The cell holding ratio `id` in `period`, when ratios have cells of their own;
    /// `None` makes the renderer expand the referenced ratio inline.
    fn ratio(&self, _id: RatioId, _period: Period) -> Option<String> {
        None
    }

    /// Appends the cell of `item` in `period` to `out` and returns `true`, or returns
    /// `false` when the item is absent: [`CellRefs::item`] without its allocation, for
    /// a map that can render a reference in place (a panel renders a million).
    fn write_item(&self, out: &mut String, item: LineItem, period: Period) -> bool {
        self.item(item, period)
            .map(|reference| out.push_str(&reference))
            .is_some()
    }

    /// [`CellRefs::ratio`] appended to `out`, as [`CellRefs::write_item`].
    fn write_ratio(&self, out: &mut String, id: RatioId, period: Period) -> bool {
        self.ratio(id, period)
            .map(|reference| out.push_str(&reference))
            .is_some()
    }
}

impl Expr {
    /// A line item.
    pub fn item(item: LineItem) -> Expr {
        Expr::Item(item)
    }

    /// The first of `alternatives` that is present (see [`Expr::FirstPresent`]).
    pub fn first_present(alternatives: Vec<Expr>) -> Expr {
        Expr::FirstPresent(alternatives)
    }

    /// The sum of the `terms` that are present (see [`Expr::SumOfPresent`]).
    pub fn sum_of_present(terms: Vec<Expr>) -> Expr {
        Expr::SumOfPresent(terms)
    }

    /// A reference to another ratio.
    pub fn ratio(id: RatioId) -> Expr {
        Expr::Ratio(id)
    }

    /// An integer constant.
    pub fn constant(value: i64) -> Expr {
        Expr::Constant(Decimal::from(value))
    }

    /// Renders the expression as readable text, e.g. `net income / equity`.
    pub fn to_text(&self) -> String {
        self.to_text_in(Lang::En)
    }

    /// Renders the expression as readable text in `lang`, with the line items' and
    /// ratios' names in that language, e.g. `Zysk netto / Kapitał własny`.
    pub fn to_text_in(&self, lang: Lang) -> String {
        let mut text = String::new();
        self.write_text(&mut text, Precedence::Lowest, lang);
        text
    }

    pub(crate) fn precedence(&self) -> Precedence {
        match self {
            Expr::Add(..) | Expr::Sub(..) => Precedence::Sum,
            Expr::Mul(..) | Expr::Div(..) => Precedence::Product,
            _ => Precedence::Atom,
        }
    }

    fn write_text(&self, out: &mut String, context: Precedence, lang: Lang) {
        let wrap = self.precedence() < context;
        if wrap {
            out.push('(');
        }
        match self {
            Expr::Item(item) => out.push_str(item.label_in(lang)),
            Expr::SumOfPresent(terms) => {
                out.push('(');
                for (index, term) in terms.iter().enumerate() {
                    if 0 < index {
                        out.push_str(" + ");
                    }
                    term.write_text(out, Precedence::Sum, lang);
                }
                out.push_str(", ");
                out.push_str(text(lang, "expr.where_present"));
                out.push(')');
            }
            Expr::FirstPresent(alternatives) => {
                out.push('(');
                for (index, term) in alternatives.iter().enumerate() {
                    if 0 < index {
                        out.push_str(", ");
                        out.push_str(text(lang, "expr.else"));
                        out.push(' ');
                    }
                    term.write_text(out, Precedence::Sum, lang);
                }
                out.push(')');
            }
            Expr::Ratio(id) => out.push_str(id.label_in(lang)),
            Expr::Constant(value) => {
                let _ = write!(out, "{value}");
            }
            Expr::DaysInPeriod => out.push_str(text(lang, "expr.days_in_period")),
            Expr::Add(left, right) => binary_text(out, left, " + ", right, Precedence::Sum, lang),
            Expr::Sub(left, right) => binary_text(out, left, " - ", right, Precedence::Sum, lang),
            Expr::Mul(left, right) => {
                binary_text(out, left, " × ", right, Precedence::Product, lang)
            }
            Expr::Div(left, right) => {
                binary_text(out, left, " / ", right, Precedence::Product, lang)
            }
        }
        if wrap {
            out.push(')');
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Precedence {
    Lowest,
    Sum,
    Product,
    Atom,
}

fn binary_text(
    out: &mut String,
    left: &Expr,
    operator: &str,
    right: &Expr,
    level: Precedence,
    lang: Lang,
) {
    left.write_text(out, level, lang);
    out.push_str(operator);
    // The right operand of a non-associative operator needs brackets at equal level.
    let right_level = match level {
        Precedence::Sum => Precedence::Product,
        _ => Precedence::Atom,
    };
    right.write_text(out, right_level, lang);
}

/// Appends the reference to `item` in `period` to `out` (see [`Expr::to_excel`]); on an
/// error `out` is as it was.
pub(crate) fn write_item_excel(
    out: &mut String,
    item: LineItem,
    period: Period,
    config: &EvalConfig,
    cells: &dyn CellRefs,
) -> Result<(), NotComputable> {
    let mark = out.len();
    let is_flow = item.flow() == Flow::Flow;
    let annualisation = if is_flow && !period.is_instant() {
        config.annualisation(period)
    } else {
        None
    };
    if annualisation.is_some() {
        out.push('(');
    }
    if !cells.write_item(out, item, period) {
        out.truncate(mark);
        return Err(NotComputable::MissingItem { item, period });
    }
    if is_flow {
        if period.is_instant() {
            out.truncate(mark);
            return Err(NotComputable::NoDuration { period });
        }
        if let Some((numerator, denominator)) = annualisation {
            let _ = write!(out, "*{numerator}/{denominator})");
        }
        return Ok(());
    }
    if config.basis == Basis::YearEnd {
        return Ok(());
    }
    out.truncate(mark);
    out.push_str(&averaged_excel(item, period, config, cells)?);
    Ok(())
}

/// The average of a stock item's balances in `period` as a formula (see
/// [`balance_dates`]).
fn averaged_excel(
    item: LineItem,
    period: Period,
    config: &EvalConfig,
    cells: &dyn CellRefs,
) -> Result<String, NotComputable> {
    let dates = balance_dates(item, period, config.basis, &|date| {
        cells.item(item, date).is_some()
    })?;
    let references: Vec<String> = dates
        .iter()
        .filter_map(|date| cells.item(item, *date))
        .collect();
    if let [only] = references.as_slice() {
        return Ok(only.clone());
    }
    if let [opening, closing] = references.as_slice() {
        return Ok(format!("(({opening}+{closing})/2)"));
    }
    let n_intervals = references.len() - 1;
    let last = references.len() - 1;
    let terms: Vec<String> = references
        .iter()
        .enumerate()
        .map(|(index, reference)| {
            if index == 0 || index == last {
                format!("{reference}/2")
            } else {
                reference.clone()
            }
        })
        .collect();
    Ok(format!("(({})/{n_intervals})", terms.join("+")))
}

/// The periods whose balances of a stock item are averaged in `period` under `basis`,
/// given which periods hold a balance: the opening balance (the balance at the day
/// before the period starts), under [`Basis::Chronological`] the balances at the interim
/// fiscal quarter-ends, and the closing balance, `period` itself. A balance at a date
/// is taken from the period of the same duration ending then (the previous period), or
/// else from the first period of [`Period::ending_on`] that holds it. A balance date
/// (an instant) is its own balance.
///
/// # Errors
///
/// [`NotComputable::NoOpeningBalance`] without an opening balance;
/// [`NotComputable::IncompleteInterimBalances`] when only some interim quarter-ends of
/// the period are present under [`Basis::Chronological`].
pub(crate) fn balance_dates(
    item: LineItem,
    period: Period,
    basis: Basis,
    present: &dyn Fn(Period) -> bool,
) -> Result<Vec<Period>, NotComputable> {
    let Some(opening_date) = period.opening_date() else {
        return Ok(vec![period]);
    };
    let fiscal_year_end_month = period.fiscal_year_end_month();
    let balance_at = |date: Date, preferred: Option<Period>| {
        preferred
            .into_iter()
            .chain(Period::ending_on(date, fiscal_year_end_month))
            .find(|candidate| candidate.end() == date && present(*candidate))
    };
    let opening = balance_at(opening_date, period.previous())
        .ok_or(NotComputable::NoOpeningBalance { item, period })?;
    let mut dates = vec![opening];
    if basis == Basis::Chronological {
        let interim = period.interim_quarter_ends();
        let found: Vec<Option<Period>> =
            interim.iter().map(|date| balance_at(*date, None)).collect();
        if found.iter().all(Option::is_some) {
            dates.extend(found.into_iter().flatten());
        } else if found.iter().any(Option::is_some) {
            let missing = interim
                .iter()
                .zip(&found)
                .find(|(_, found)| found.is_none())
                .and_then(|(date, _)| {
                    Period::ending_on(*date, fiscal_year_end_month)
                        .into_iter()
                        .find(|candidate| candidate.months() == Some(3))
                })
                .unwrap_or(period);
            return Err(NotComputable::IncompleteInterimBalances {
                item,
                period,
                missing,
            });
        }
    }
    dates.push(period);
    Ok(dates)
}

macro_rules! binary_operator {
    ($trait:ident, $method:ident, $variant:ident) => {
        impl ops::$trait for Expr {
            type Output = Expr;

            fn $method(self, right: Expr) -> Expr {
                Expr::$variant(Box::new(self), Box::new(right))
            }
        }
    };
}

binary_operator!(Add, add, Add);
binary_operator!(Sub, sub, Sub);
binary_operator!(Mul, mul, Mul);
binary_operator!(Div, div, Div);
