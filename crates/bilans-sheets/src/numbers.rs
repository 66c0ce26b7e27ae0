//! The one number parser for every workbook bilans reads: statements, partner panels,
//! KPI cards and staff files turn a cell into a number here, and nowhere else.
//!
//! A numeric cell is taken as it is (a floating-point cell as the shortest decimal that
//! reads back as the same double: 0.1 stays 0.1). A text cell is read by
//! [`parse_number`], whose rules are in `docs/import.md` ("Numbers written as text"):
//!
//! - thousands are grouped by spaces (also no-break, narrow no-break and thin spaces),
//!   apostrophes (`'`, `’`), commas or points; every group after the first has three
//!   digits, and one text uses one grouping character;
//! - the decimal separator is a point or a comma: the last of the two when both occur,
//!   the one that occurs once after space or apostrophe grouping, the one that occurs
//!   once where it cannot group thousands (not followed by exactly three digits, or
//!   after `0` or more than three digits);
//! - a lone `,` or `.` followed by exactly three digits after one to three digits
//!   (`1,234`) is ambiguous: [`NumberRules::lone_separator`] decides (thousands for
//!   statement amounts, refused for everything else);
//! - a negative is written `-`, `−` or `–` before the number, or in parentheses
//!   (`(4 218)`); `+` is allowed;
//! - a dash alone (`-`, `–`, `—`, `−`, or `(-)`) is nil: zero for statement amounts,
//!   empty elsewhere ([`NumberRules::dash`]); an empty text is empty;
//! - a currency sign or code before or after the number (`$`, `€`, `£`, `¥`, `₽`, `₴`,
//!   `zł`, `руб.`, `USD`, ...) is dropped;
//! - a percent sign makes a fraction (`12,5%` is 0.125) where percentages are numbers
//!   ([`NumberRules::percent`]) and is refused for statement amounts;
//! - a plain number in scientific notation (`1.5E3`) is read.

use std::fmt;
use std::str::FromStr;

use bilans_model::Lang;
use calamine::Data;
use rust_decimal::Decimal;

use crate::lang::{message, text};

/// How the few context-dependent cases of [`parse_number`] are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberRules {
    /// How a lone `,` or `.` followed by exactly three digits (`1,234`) is read.
    pub lone_separator: LoneSeparator,
    /// What a dash alone (`-`, `—`, `(-)`) means.
    pub dash: Dash,
    /// Whether `12%` is a number (0.12).
    pub percent: Percent,
}

/// How a lone `,` or `.` before exactly three digits (`1,234`, `12.500`) is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoneSeparator {
    /// As a thousands separator (`1,234` is 1234): statement amounts are whole numbers
    /// far more often than numbers with three decimals.
    Thousands,
    /// Refused as [`NumberError::Ambiguous`], naming both readings.
    Refuse,
}

/// What a dash alone means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    /// Zero: a statement's dash is a nil line.
    Zero,
    /// No value, as an empty cell.
    Empty,
}

/// Whether a percent sign is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// `12,5%` is 0.125, as a spreadsheet stores it.
    Fraction,
    /// A percentage is refused ([`NumberError::Percentage`]).
    Refuse,
}

impl NumberRules {
    /// Statement amounts: `1,234` is 1234, a dash is zero, a percentage is refused.
    pub const AMOUNTS: NumberRules = NumberRules {
        lone_separator: LoneSeparator::Thousands,
        dash: Dash::Zero,
        percent: Percent::Refuse,
    };
    /// Scores, weights, counts, rates, KPI values and staff data: `1,234` is refused
    /// as ambiguous, a dash is empty, `12%` is 0.12.
    pub const FIGURES: NumberRules = NumberRules {
        lone_separator: LoneSeparator::Refuse,
        dash: Dash::Empty,
        percent: Percent::Fraction,
    };
}

/// Why a text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberError {
    /// Characters that no number holds.
    NotANumber {
        /// The text as written.
        text: String,
    },
    /// Digit groups that are not thousands (`3 28 294`), or two grouping characters.
    Groups {
        /// The text as written.
        text: String,
    },
    /// `1,234` where [`LoneSeparator::Refuse`] applies.
    Ambiguous {
        /// The text as written.
        text: String,
        /// The separator.
        separator: char,
        /// The value with the separator grouping thousands.
        as_thousands: Decimal,
        /// The value with the separator as the decimal separator.
        as_decimal: Decimal,
    },
    /// A percentage where an amount is expected.
    Percentage {
        /// The text as written.
        text: String,
    },
    /// More digits than a decimal holds.
    OutOfRange {
        /// The text as written.
        text: String,
    },
    /// A cell that holds something other than a number or text.
    NotNumeric {
        /// What it holds (a date, a logical value, an error value, ...).
        what: String,
    },
}

/// Why a statement's amount cell holds no amount.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AmountError {
    /// Text that is not an amount by [`NumberRules::AMOUNTS`].
    Number(NumberError),
    /// A date.
    Date,
    /// A value that cannot be trusted as a number: a logical value, an error value, a
    /// duration, a number out of range.
    Untrusted(String),
    /// A formula without a cached value that bilans cannot evaluate.
    Formula(String),
}

impl NumberError {
    /// What is wrong, in `lang` (the text as written stays as it is).
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            NumberError::NotANumber { text } => {
                message(lang, "number.not_a_number", &[("text", text)])
            }
            NumberError::Groups { text } => message(lang, "number.groups", &[("text", text)]),
            NumberError::Ambiguous {
                text,
                separator,
                as_thousands,
                as_decimal,
            } => message(
                lang,
                "number.ambiguous",
                &[
                    ("text", text),
                    ("separator", separator),
                    ("as_thousands", as_thousands),
                    ("as_decimal", as_decimal),
                ],
            ),
            NumberError::Percentage { text } => {
                message(lang, "number.percentage", &[("text", text)])
            }
            NumberError::OutOfRange { text } => {
                message(lang, "number.out_of_range", &[("text", text)])
            }
            NumberError::NotNumeric { what } => {
                message(lang, "number.not_numeric", &[("what", what)])
            }
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for NumberError {}

impl AmountError {
    /// Why the cell holds no amount, in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            AmountError::Number(error) => error.text_in(lang),
            AmountError::Date => text(lang, "number.date").to_owned(),
            AmountError::Untrusted(what) => message(lang, "number.untrusted", &[("what", what)]),
            AmountError::Formula(what) => message(lang, "number.formula", &[("what", what)]),
        }
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for AmountError {}

/// Parses a number written as text, by the rules of the module documentation.
///
/// `Ok(None)` is an empty text (or a dash under [`Dash::Empty`]).
///
/// # Errors
///
/// A [`NumberError`] naming the text and what is wrong with it.
///
/// # Examples
///
/// ```
/// use bilans_sheets::numbers::{NumberError, NumberRules, parse_number};
///
/// let amount = |text| parse_number(text, NumberRules::AMOUNTS).unwrap().unwrap().to_string();
/// assert_eq!(amount("(4 218)"), "-4218");
/// assert_eq!(amount("1.234.567,5"), "1234567.5");
/// assert_eq!(amount("1,234"), "1234");
/// assert_eq!(amount("—"), "0");
/// assert!(matches!(
///     parse_number("1,234", NumberRules::FIGURES),
///     Err(NumberError::Ambiguous { .. })
/// ));
/// assert_eq!(parse_number("12,5 %", NumberRules::FIGURES).unwrap().unwrap().to_string(), "0.125");
/// ```
pub fn parse_number(text: &str, rules: NumberRules) -> Result<Option<Decimal>, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let unsigned = strip_currency(trimmed);
    if is_dash(unsigned) {
        return Ok(match rules.dash {
            Dash::Zero => Some(Decimal::ZERO),
            Dash::Empty => None,
        });
    }
    let (negative, body) = if let Some(inner) = unsigned
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
    {
        (true, inner.trim())
    } else if let Some(rest) = unsigned.strip_prefix(['-', '−', '–']) {
        (true, rest.trim_start())
    } else if let Some(rest) = unsigned.strip_prefix('+') {
        (false, rest.trim_start())
    } else {
        (false, unsigned)
    };
    let body = strip_currency(body);
    let (percent, body) = match body.strip_suffix('%') {
        Some(rest) if !rest.trim().is_empty() => (true, rest.trim_end()),
        _ => (false, body),
    };
    if percent && rules.percent == Percent::Refuse {
        return Err(NumberError::Percentage {
            text: text.to_owned(),
        });
    }
    let value = unsigned_number(text, body, rules.lone_separator)?;
    let value = if percent {
        value / Decimal::ONE_HUNDRED
    } else {
        value
    };
    Ok(Some(if negative && !value.is_zero() {
        -value
    } else {
        value
    }))
}

/// The number in a cell read by calamine: `Ok(None)` for an empty cell.
///
/// # Errors
///
/// A [`NumberError`] for text that is not a number (by [`parse_number`]), a float out
/// of the decimal range, a date, a logical value or an error value.
pub(crate) fn number_in_cell(
    data: &Data,
    rules: NumberRules,
) -> Result<Option<Decimal>, NumberError> {
    match data {
        Data::Empty => Ok(None),
        Data::Int(number) => Ok(Some(Decimal::from(*number))),
        Data::Float(number) => float_decimal(*number).map(Some),
        Data::String(text) => parse_number(text, rules),
        Data::Bool(flag) => Err(NumberError::NotNumeric {
            what: format!("the logical value {}", if *flag { "TRUE" } else { "FALSE" }),
        }),
        Data::DateTime(_) | Data::DateTimeIso(_) => Err(NumberError::NotNumeric {
            what: format!("the date `{data}`"),
        }),
        Data::DurationIso(text) => Err(NumberError::NotNumeric {
            what: format!("the duration `{text}`"),
        }),
        Data::Error(error) => Err(NumberError::NotNumeric {
            what: format!("the spreadsheet error {error}"),
        }),
    }
}

/// A floating-point cell as the shortest decimal that reads back as the same double
/// (what a spreadsheet shows at full precision): 0.1 stays 0.1.
///
/// # Errors
///
/// [`NumberError::NotNumeric`] for a value that is not finite,
/// [`NumberError::OutOfRange`] beyond what a decimal holds.
pub(crate) fn float_decimal(number: f64) -> Result<Decimal, NumberError> {
    if !number.is_finite() {
        return Err(NumberError::NotNumeric {
            what: "a number that is not finite".to_owned(),
        });
    }
    // A whole number below 2^53 is exactly that integer, which is its own shortest
    // form: most amounts are, and they skip the text round trip.
    const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;
    if number.fract() == 0.0 && number.abs() < EXACT_INTEGERS {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "a whole number below 2^53 in magnitude fits an i64 exactly"
        )]
        return Ok(Decimal::from(number as i64));
    }
    format!("{number}")
        .parse::<Decimal>()
        .map_err(|_| NumberError::OutOfRange {
            text: format!("{number:e}"),
        })
}

/// Thousands grouping characters that cannot be a decimal separator.
fn is_group_space(character: char) -> bool {
    matches!(
        character,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}'
    )
}

/// The grouping character's family: every space is one, every apostrophe another.
fn group_family(character: char) -> char {
    match character {
        '\'' | '\u{2019}' => '\'',
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
        other => other,
    }
}

fn is_dash(text: &str) -> bool {
    let inner = text
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .map_or(text, str::trim);
    matches!(inner, "-" | "–" | "—" | "−")
}

/// Currency signs and codes dropped before or after a number, longest first where one
/// begins another.
const CURRENCIES: [&str; 22] = [
    "US$", "$", "€", "£", "¥", "₽", "₴", "₸", "₹", "zł", "zl", "руб.", "руб", "грн.", "грн", "USD",
    "EUR", "GBP", "PLN", "RUB", "UAH", "CHF",
];

/// The text without one currency sign or code at its start and one at its end.
fn strip_currency(text: &str) -> &str {
    let mut rest = text;
    for currency in CURRENCIES {
        if let Some(after) = rest.strip_prefix(currency) {
            rest = after.trim_start();
            break;
        }
    }
    for currency in CURRENCIES {
        if let Some(before) = rest.strip_suffix(currency) {
            rest = before.trim_end();
            break;
        }
    }
    rest
}

/// The value of an unsigned number's text `body` (of the cell text `text`, for errors).
fn unsigned_number(text: &str, body: &str, lone: LoneSeparator) -> Result<Decimal, NumberError> {
    let not_a_number = || NumberError::NotANumber {
        text: text.to_owned(),
    };
    let out_of_range = || NumberError::OutOfRange {
        text: text.to_owned(),
    };
    if body.is_empty() {
        return Err(not_a_number());
    }
    if body.contains(['e', 'E']) {
        return scientific(body).ok_or_else(not_a_number);
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_group_space(c))
    {
        return Err(not_a_number());
    }
    let spaced = body.contains(is_group_space);
    let n_points = body.matches('.').count();
    let n_commas = body.matches(',').count();
    let decimal_separator = match (n_points, n_commas) {
        (0, 0) => None,
        (0, 1) | (1, 0) => {
            let separator = if n_points == 1 { '.' } else { ',' };
            let (before, after) = body.split_once(separator).ok_or_else(not_a_number)?;
            let can_group = !spaced
                && after.len() == 3
                && !before.is_empty()
                && before.len() <= 3
                && !before.starts_with('0');
            match (can_group, lone) {
                (false, _) => Some(separator),
                (true, LoneSeparator::Thousands) => None,
                (true, LoneSeparator::Refuse) => {
                    let as_thousands = Decimal::from_str(&format!("{before}{after}"))
                        .map_err(|_| out_of_range())?;
                    let as_decimal = Decimal::from_str(&format!("{before}.{after}"))
                        .map_err(|_| out_of_range())?;
                    return Err(NumberError::Ambiguous {
                        text: text.to_owned(),
                        separator,
                        as_thousands,
                        as_decimal,
                    });
                }
            }
        }
        (_, 0) | (0, _) => None,
        _ => body
            .rfind(['.', ','])
            .and_then(|index| body[index..].chars().next()),
    };
    let (integer_part, fraction) = match decimal_separator {
        Some(separator) => {
            if body.matches(separator).count() != 1 {
                return Err(not_a_number());
            }
            let (integer, fraction) = body.split_once(separator).ok_or_else(not_a_number)?;
            (integer, Some(fraction))
        }
        None => (body, None),
    };
    let groups_error = || NumberError::Groups {
        text: text.to_owned(),
    };
    let is_group_separator = |c: char| c == '.' || c == ',' || is_group_space(c);
    let mut families = integer_part
        .chars()
        .filter(|c| is_group_separator(*c))
        .map(group_family);
    if let Some(first) = families.next()
        && families.any(|family| family != first)
    {
        return Err(groups_error());
    }
    let groups: Vec<&str> = integer_part.split(is_group_separator).collect();
    let grouped = 1 < groups.len();
    for (index, group) in groups.iter().enumerate() {
        let valid = match (index, grouped) {
            (0, true) => !group.is_empty() && group.len() <= 3,
            (0, false) => !group.is_empty() || fraction.is_some(),
            _ => group.len() == 3,
        };
        if !valid {
            return Err(groups_error());
        }
    }
    let mut digits: String = groups.concat();
    if digits.is_empty() {
        digits.push('0');
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number());
        }
        digits.push('.');
        digits.push_str(fraction);
    }
    Decimal::from_str(&digits).map_err(|_| out_of_range())
}

/// A plain number in scientific notation: digits, an optional point and digits, `e` or
/// `E`, an optional sign and digits.
fn scientific(body: &str) -> Option<Decimal> {
    let (mantissa, exponent) = body.split_once(['e', 'E'])?;
    let exponent_digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || exponent_digits.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || !all_digits(exponent_digits)
    {
        return None;
    }
    Decimal::from_scientific(body).ok()
}

#[cfg(test)]
mod tests;
