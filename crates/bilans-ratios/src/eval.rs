//! Evaluation of expressions for one period: line items are fetched once, and every
//! ratio is computed at most once (referenced ratios are memoised).

use bilans_model::reconcile::round_as_printed;
use bilans_model::{Flow, LineItem, Period, Statements};
use rust_decimal::Decimal;

use crate::expr::{Basis, EvalConfig, Expr, Rounding, balance_dates};
use crate::id::RatioId;
use crate::{NotComputable, Ratio, catalogue};

/// The values of one period, and the ratios computed so far.
pub(crate) struct Evaluator<'a> {
    period: Period,
    config: &'a EvalConfig,
    items: [Result<Decimal, NotComputable>; LineItem::ALL.len()],
    memo: Vec<Option<Result<Decimal, NotComputable>>>,
}

/// The chronological mean of balances at evenly spaced dates, seed 002's average:
/// (x₁/2 + x₂ + … + x_{n−1} + x_n/2) / (n − 1). `None` for fewer than two balances or
/// when the sum overflows. The engine's one definition, used by the chronological basis
/// and by [`crate::working_capital::chronological_mean`].
pub(crate) fn chronological_mean(values: &[Decimal]) -> Option<Decimal> {
    let [first, middle @ .., last] = values else {
        return None;
    };
    let mut sum = (*first / Decimal::TWO).checked_add(*last / Decimal::TWO)?;
    for value in middle {
        sum = sum.checked_add(*value)?;
    }
    Some(sum / Decimal::from(values.len() - 1))
}

/// The mean balance over the period: for two dates the plain average (opening +
/// closing) / 2, for more the chronological mean; a single balance is itself.
fn mean_balance(values: &[Decimal]) -> Result<Decimal, NotComputable> {
    if let [only] = values {
        return Ok(*only);
    }
    if let [opening, closing] = values {
        let sum = opening
            .checked_add(*closing)
            .ok_or(NotComputable::Overflow)?;
        return Ok(sum / Decimal::TWO);
    }
    chronological_mean(values).ok_or(NotComputable::Overflow)
}

impl<'a> Evaluator<'a> {
    /// Fetches every line item of `period`: stocks averaged under [`Basis::Average`] and
    /// [`Basis::Chronological`], flows annualised when [`EvalConfig::annualise`] is on.
    pub(crate) fn new(
        statements: &Statements,
        period: Period,
        config: &'a EvalConfig,
    ) -> Evaluator<'a> {
        let closing_items = statements.periods.get(&period);
        let items = LineItem::ALL.map(|item| {
            let value_at = |date: Period| statements.get(date, item);
            let closing = closing_items
                .and_then(|items| items.get(&item))
                .map(|amount| amount.value)
                .ok_or(NotComputable::MissingItem { item, period })?;
            if item.flow() == Flow::Flow {
                if period.is_instant() {
                    return Err(NotComputable::NoDuration { period });
                }
                return config.flow(closing, period);
            }
            if config.basis == Basis::YearEnd {
                return Ok(closing);
            }
            let dates =
                balance_dates(item, period, config.basis, &|date| value_at(date).is_some())?;
            let balances: Vec<Decimal> = dates.iter().filter_map(|date| value_at(*date)).collect();
            mean_balance(&balances)
        });
        Evaluator {
            period,
            config,
            items,
            memo: vec![None; catalogue().len()],
        }
    }

    /// The value of the catalogue's ratio `id`, computed once.
    pub(crate) fn ratio(&mut self, id: RatioId) -> Result<Decimal, NotComputable> {
        let index = id.index();
        if let Some(done) = &self.memo[index] {
            return done.clone();
        }
        let value = self.unlisted_ratio(id.ratio());
        self.memo[index] = Some(value.clone());
        value
    }

    /// The value of `ratio`, which need not be in the catalogue.
    pub(crate) fn unlisted_ratio(&mut self, ratio: &Ratio) -> Result<Decimal, NotComputable> {
        for item in ratio.requires_positive {
            let value = self.item(*item)?;
            if value <= Decimal::ZERO {
                return Err(NotComputable::NotMeaningful {
                    item: *item,
                    value,
                    period: self.period,
                });
            }
        }
        self.expression(&ratio.expr)
    }

    fn item(&self, item: LineItem) -> Result<Decimal, NotComputable> {
        self.items[item.index()].clone()
    }

    /// The value of `expr`.
    pub(crate) fn expression(&mut self, expr: &Expr) -> Result<Decimal, NotComputable> {
        match expr {
            Expr::Item(item) => self.item(*item),
            Expr::SumOfPresent(terms) => {
                let mut sum: Option<Decimal> = None;
                let mut first_missing = None;
                for term in terms {
                    match self.expression(term) {
                        Ok(value) => {
                            let total = sum.unwrap_or(Decimal::ZERO);
                            sum = Some(total.checked_add(value).ok_or(NotComputable::Overflow)?);
                        }
                        Err(missing @ NotComputable::MissingItem { .. }) => {
                            first_missing.get_or_insert(missing);
                        }
                        Err(other) => return Err(other),
                    }
                }
                match (sum, first_missing) {
                    (Some(sum), _) => Ok(sum),
                    (None, Some(missing)) => Err(missing),
                    (None, None) => Err(NotComputable::Overflow),
                }
            }
            Expr::FirstPresent(alternatives) => {
                let mut first_missing = None;
                for term in alternatives {
                    match self.expression(term) {
                        Ok(value) => return Ok(value),
                        Err(missing @ NotComputable::MissingItem { .. }) => {
                            first_missing.get_or_insert(missing);
                        }
                        Err(other) => return Err(other),
                    }
                }
                Err(first_missing.unwrap_or(NotComputable::Overflow))
            }
            Expr::Ratio(id) => {
                let value = self.ratio(*id)?;
                match self.config.rounding {
                    Rounding::Exact => Ok(value),
                    Rounding::Intermediates { decimals } => Ok(round_as_printed(value, decimals)),
                }
            }
            Expr::Constant(value) => Ok(*value),
            Expr::DaysInPeriod => self.config.days_in_period(self.period),
            Expr::Add(left, right) => {
                let (left, right) = (self.expression(left)?, self.expression(right)?);
                left.checked_add(right).ok_or(NotComputable::Overflow)
            }
            Expr::Sub(left, right) => {
                let (left, right) = (self.expression(left)?, self.expression(right)?);
                left.checked_sub(right).ok_or(NotComputable::Overflow)
            }
            Expr::Mul(left, right) => {
                let (left, right) = (self.expression(left)?, self.expression(right)?);
                left.checked_mul(right).ok_or(NotComputable::Overflow)
            }
            Expr::Div(numerator, denominator) => {
                let (top, bottom) = (self.expression(numerator)?, self.expression(denominator)?);
                if bottom.is_zero() {
                    return Err(NotComputable::ZeroDenominator {
                        denominator: denominator.clone(),
                        period: self.period,
                    });
                }
                top.checked_div(bottom).ok_or(NotComputable::Overflow)
            }
        }
    }
}

impl Expr {
    /// Evaluates the expression for `period`.
    ///
    /// # Errors
    ///
    /// [`NotComputable`] with the reason: a missing item or opening balance, a zero
    /// denominator, a value not meaningful for a ratio, or an arithmetic overflow.
    pub fn evaluate(
        &self,
        statements: &Statements,
        period: Period,
        config: &EvalConfig,
    ) -> Result<Decimal, NotComputable> {
        Evaluator::new(statements, period, config).expression(self)
    }
}

impl Ratio {
    /// Evaluates the ratio for `period`.
    ///
    /// # Errors
    ///
    /// [`NotComputable`] with the reason (see [`Expr::evaluate`]), including
    /// [`NotComputable::NotMeaningful`] when an item in `requires_positive` is not positive.
    pub fn evaluate(
        &self,
        statements: &Statements,
        period: Period,
        config: &EvalConfig,
    ) -> Result<Decimal, NotComputable> {
        let mut evaluator = Evaluator::new(statements, period, config);
        if std::ptr::eq(self.id.ratio(), self) {
            evaluator.ratio(self.id)
        } else {
            evaluator.unlisted_ratio(self)
        }
    }
}
