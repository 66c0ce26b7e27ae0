//! Formulas without a cached value (workbooks written by scripts leave `<f>` with no
//! `<v>`): arithmetic over the workbook's cells is evaluated, in exact decimals; any
//! other formula is reported, never read as an empty cell.
//!
//! Evaluated: numbers, `+ - * /`, unary minus and plus, parentheses, references (`B5`,
//! `$B$5`, `'Sheet name'!B5`, `Sheet1!B5`), ranges inside `SUM` (`SUM(B3:B5, C7, -1)`)
//! and `ROUND(x, digits)` (half away from zero, as spreadsheets round). A referenced
//! cell that is itself a formula without a cached value is evaluated in turn; a cycle,
//! a chain deeper than [`MAX_DEPTH`], text in arithmetic or a division by zero is an
//! error saying so. An empty cell counts as zero; `SUM` skips text, as spreadsheets do.

use std::collections::{BTreeMap, HashMap};

use calamine::Data;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::cells::a1;
use crate::import::grid::{Value, parse_a1, value_of};
use crate::reader::SheetCells;

/// How deep a chain of formulas that refer to formulas may go.
pub(crate) const MAX_DEPTH: usize = 64;

/// How deep expressions may nest (parentheses, signs, and the formulas of a chain),
/// which bounds the stack evaluation takes.
pub(crate) const MAX_NESTING: usize = 100;

/// How the reason for a cycle begins.
const CYCLE: &str = "it refers back to itself";

/// A cell of the workbook: (sheet index, row, column).
type Key = (usize, u32, u32);

/// The workbook's sheets, as evaluation sees them.
pub(crate) struct Book<'a> {
    names: Vec<&'a str>,
    values: Vec<BTreeMap<(u32, u32), &'a Data>>,
    formulas: Vec<BTreeMap<(u32, u32), &'a str>>,
    memo: HashMap<Key, Result<Decimal, String>>,
    active: Vec<Key>,
    nesting: usize,
}

impl<'a> Book<'a> {
    /// The book of `sheets` (name, cells).
    pub(crate) fn new(sheets: &'a [(String, SheetCells)]) -> Book<'a> {
        Book {
            names: sheets.iter().map(|(name, _)| name.as_str()).collect(),
            values: sheets
                .iter()
                .map(|(_, cells)| {
                    cells
                        .cells()
                        .iter()
                        .map(|cell| (cell.get_position(), cell.get_value()))
                        .collect()
                })
                .collect(),
            formulas: sheets
                .iter()
                .map(|(_, cells)| {
                    cells
                        .uncached_formulas()
                        .iter()
                        .map(|cell| (cell.get_position(), cell.get_value().as_str()))
                        .collect()
                })
                .collect(),
            memo: HashMap::new(),
            active: Vec::new(),
            nesting: 0,
        }
    }

    /// The value of the uncached formula at (row, column) of sheet `sheet`: its
    /// amount, or why bilans cannot evaluate it.
    pub(crate) fn evaluate(
        &mut self,
        sheet: usize,
        row: u32,
        column: u32,
    ) -> Result<Decimal, String> {
        let key = (sheet, row, column);
        if let Some(result) = self.memo.get(&key) {
            return result.clone();
        }
        let Some(formula) = self.formulas[sheet].get(&(row, column)).copied() else {
            return self.plain(key);
        };
        if let Some(first) = self.active.iter().position(|active| *active == key) {
            let path: Vec<String> = self.active[first..]
                .iter()
                .chain([&key])
                .map(|key| self.name(*key))
                .collect();
            return Err(format!("{CYCLE}, a cycle: {}", path.join(" → ")));
        }
        if MAX_DEPTH <= self.active.len() {
            return Err(format!(
                "it refers to a chain of more than {MAX_DEPTH} formulas without cached values"
            ));
        }
        self.active.push(key);
        let result = Parser::new(formula, sheet).expression_to_end(self);
        self.active.pop();
        self.memo.insert(key, result.clone());
        result
    }

    fn name(&self, (sheet, row, column): Key) -> String {
        format!("{}!{}", quoted(self.names[sheet]), a1(row, column))
    }

    fn sheet_named(&self, name: &str) -> Result<usize, String> {
        self.names
            .iter()
            .position(|candidate| candidate.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                format!("it refers to the sheet `{name}`, which the workbook does not have")
            })
    }

    /// A cell that is not an uncached formula, as a number in arithmetic.
    fn plain(&self, key: Key) -> Result<Decimal, String> {
        let (sheet, row, column) = key;
        match self.values[sheet].get(&(row, column)) {
            None => Ok(Decimal::ZERO),
            Some(data) => match value_of(data) {
                Value::Empty => Ok(Decimal::ZERO),
                Value::Number(number) => Ok(number),
                Value::Text(text) => Err(format!("{} holds the text `{text}`", self.name(key))),
                Value::Date(date) => Err(format!("{} holds the date {date}", self.name(key))),
                Value::Untrusted(what) | Value::Unevaluated(what) => {
                    Err(format!("{} holds {what}", self.name(key)))
                }
            },
        }
    }

    /// The sum of the numbers in a rectangle: text, dates and empty cells are skipped.
    fn sum_range(
        &mut self,
        sheet: usize,
        from: (u32, u32),
        to: (u32, u32),
    ) -> Result<Decimal, String> {
        let (top, bottom) = (from.0.min(to.0), from.0.max(to.0));
        let (left, right) = (from.1.min(to.1), from.1.max(to.1));
        let inside = |&(row, column): &(u32, u32)| {
            left <= column && column <= right && top <= row && row <= bottom
        };
        let formulas: Vec<(u32, u32)> = self.formulas[sheet]
            .range((top, left)..=(bottom, right))
            .map(|(position, _)| *position)
            .filter(inside)
            .collect();
        let mut total = Decimal::ZERO;
        for (row, column) in formulas {
            total = add(total, self.evaluate(sheet, row, column)?)?;
        }
        for (position, data) in self.values[sheet].range((top, left)..=(bottom, right)) {
            if !inside(position) || self.formulas[sheet].contains_key(position) {
                continue;
            }
            match value_of(data) {
                Value::Number(number) => total = add(total, number)?,
                Value::Untrusted(what) | Value::Unevaluated(what) => {
                    return Err(format!(
                        "{} holds {what}",
                        self.name((sheet, position.0, position.1))
                    ));
                }
                Value::Empty | Value::Text(_) | Value::Date(_) => {}
            }
        }
        Ok(total)
    }
}

fn add(left: Decimal, right: Decimal) -> Result<Decimal, String> {
    left.checked_add(right).ok_or_else(out_of_range)
}

fn out_of_range() -> String {
    "its result is out of the range of amounts".to_owned()
}

/// A sheet name as a formula writes it: quoted when it is not a bare word.
fn quoted(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// What an operand of `SUM` is: a number, or a rectangle of cells.
enum Operand {
    Number(Decimal),
    Range(usize, (u32, u32), (u32, u32)),
}

/// A recursive-descent reader of one formula, evaluating as it reads.
struct Parser<'f> {
    text: &'f str,
    at: usize,
    sheet: usize,
}

impl<'f> Parser<'f> {
    fn new(formula: &'f str, sheet: usize) -> Parser<'f> {
        let text = formula.trim();
        Parser {
            text: text.strip_prefix('=').unwrap_or(text),
            at: 0,
            sheet,
        }
    }

    fn rest(&self) -> &'f str {
        &self.text[self.at..]
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, symbol: char) -> bool {
        self.skip_spaces();
        if self.rest().starts_with(symbol) {
            self.at += symbol.len_utf8();
            true
        } else {
            false
        }
    }

    fn unsupported(&self) -> String {
        let rest = self.rest().trim();
        if rest.is_empty() {
            "it ends unexpectedly".to_owned()
        } else {
            format!("it goes on with `{rest}`, which bilans does not read")
        }
    }

    fn expression_to_end(&mut self, book: &mut Book<'_>) -> Result<Decimal, String> {
        let value = self.expression(book)?;
        self.skip_spaces();
        if !self.rest().is_empty() {
            return Err(self.unsupported());
        }
        Ok(value)
    }

    /// `inner`, one level deeper, within [`MAX_NESTING`].
    fn nested(
        &mut self,
        book: &mut Book<'_>,
        inner: fn(&mut Self, &mut Book<'_>) -> Result<Decimal, String>,
    ) -> Result<Decimal, String> {
        if MAX_NESTING <= book.nesting {
            return Err(format!(
                "it nests more than {MAX_NESTING} levels deep (parentheses, signs and the formulas it refers to)"
            ));
        }
        book.nesting += 1;
        let result = inner(self, book);
        book.nesting -= 1;
        result
    }

    fn expression(&mut self, book: &mut Book<'_>) -> Result<Decimal, String> {
        self.nested(book, Self::sum_of_terms)
    }

    fn sum_of_terms(&mut self, book: &mut Book<'_>) -> Result<Decimal, String> {
        let mut value = self.term(book)?;
        loop {
            if self.eat('+') {
                value = add(value, self.term(book)?)?;
            } else if self.eat('-') {
                value = value
                    .checked_sub(self.term(book)?)
                    .ok_or_else(out_of_range)?;
            } else {
                return Ok(value);
            }
        }
    }

    fn term(&mut self, book: &mut Book<'_>) -> Result<Decimal, String> {
        let mut value = self.unary(book)?;
        loop {
            if self.eat('*') {
                value = value
                    .checked_mul(self.unary(book)?)
                    .ok_or_else(out_of_range)?;
            } else if self.eat('/') {
                let divisor = self.unary(book)?;
                if divisor.is_zero() {
                    return Err("it divides by zero".to_owned());
                }
                value = value.checked_div(divisor).ok_or_else(out_of_range)?;
            } else {
                return Ok(value);
            }
        }
    }

    fn unary(&mut self, book: &mut Book<'_>) -> Result<Decimal, String> {
        if self.eat('-') {
            return Ok(-self.nested(book, Self::unary)?);
        }
        if self.eat('+') {
            return self.nested(book, Self::unary);
        }
        match self.operand(book)? {
            Operand::Number(number) => Ok(number),
            Operand::Range(..) => Err("it uses a range outside SUM".to_owned()),
        }
    }

    /// A number, a parenthesised expression, a function call, a cell or a range.
    fn operand(&mut self, book: &mut Book<'_>) -> Result<Operand, String> {
        self.skip_spaces();
        if self.eat('(') {
            let value = self.expression(book)?;
            if !self.eat(')') {
                return Err(self.unsupported());
            }
            return Ok(Operand::Number(value));
        }
        let rest = self.rest();
        if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            let length = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let number = rest[..length]
                .parse::<Decimal>()
                .map_err(|_| self.unsupported())?;
            self.at += length;
            return Ok(Operand::Number(number));
        }
        let start = self.at;
        let sheet = if rest.starts_with('\'') {
            Some(self.quoted_sheet().ok_or_else(|| self.unsupported())?)
        } else {
            None
        };
        let word = self.word();
        if sheet.is_none() && self.rest().starts_with('!') {
            self.at += 1;
            return self.reference(book, Some(word.to_owned()));
        }
        if sheet.is_none() && self.rest().starts_with('(') {
            return self.call(book, word, start);
        }
        self.at = start;
        if let Some(sheet) = sheet {
            self.quoted_sheet();
            return self.reference(book, Some(sheet));
        }
        self.reference(book, None)
    }

    /// `'Sheet name'!`, returning the name and leaving the parser after the `!`.
    fn quoted_sheet(&mut self) -> Option<String> {
        let mut name = String::new();
        let mut chars = self.rest().char_indices().skip(1).peekable();
        while let Some((index, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().is_some_and(|(_, next)| *next == '\'') {
                    chars.next();
                    name.push('\'');
                    continue;
                }
                let after = self.at + index + 1;
                if self.text[after..].starts_with('!') {
                    self.at = after + 1;
                    return Some(name);
                }
                return None;
            }
            name.push(c);
        }
        None
    }

    /// A run of letters, digits, `_`, `.` and `$`.
    fn word(&mut self) -> &'f str {
        let rest = self.rest();
        let length = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '$')))
            .unwrap_or(rest.len());
        self.at += length;
        &rest[..length]
    }

    /// A cell or a range (`B3`, `$B$3:B5`), on `sheet` or the formula's own.
    fn reference(&mut self, book: &mut Book<'_>, sheet: Option<String>) -> Result<Operand, String> {
        let sheet = match sheet {
            Some(name) => book.sheet_named(&name)?,
            None => self.sheet,
        };
        let first = self.cell()?;
        if self.rest().starts_with(':') {
            self.at += 1;
            let last = self.cell()?;
            return Ok(Operand::Range(sheet, first, last));
        }
        let result = book.evaluate(sheet, first.0, first.1);
        // A referenced formula's own reason, said of it (a cycle already names its
        // cells, and a located reason its cell).
        match (result, book.formulas[sheet].get(&first)) {
            (Err(reason), Some(formula))
                if reason.starts_with("it ") && !reason.starts_with(CYCLE) =>
            {
                let formula = formula.trim();
                Err(format!(
                    "{} holds the formula ={} with no cached value, and {reason}",
                    book.name((sheet, first.0, first.1)),
                    formula.strip_prefix('=').unwrap_or(formula)
                ))
            }
            (result, _) => result.map(Operand::Number),
        }
    }

    fn cell(&mut self) -> Result<(u32, u32), String> {
        let start = self.at;
        let word = self.word();
        parse_a1(word).ok_or_else(|| {
            self.at = start;
            self.unsupported()
        })
    }

    /// `SUM(...)` or `ROUND(x, digits)`; any other function is not evaluated.
    fn call(&mut self, book: &mut Book<'_>, name: &str, start: usize) -> Result<Operand, String> {
        let upper = name.to_ascii_uppercase();
        if !matches!(upper.as_str(), "SUM" | "ROUND") {
            self.at = start;
            return Err(format!("it uses the function {upper}"));
        }
        self.at += 1;
        let mut operands = Vec::new();
        if !self.eat(')') {
            loop {
                self.skip_spaces();
                operands.push(self.argument(book)?);
                if self.eat(')') {
                    break;
                }
                if !self.eat(',') {
                    return Err(self.unsupported());
                }
            }
        }
        if upper == "SUM" {
            let mut total = Decimal::ZERO;
            for operand in operands {
                total = add(
                    total,
                    match operand {
                        Operand::Number(number) => number,
                        Operand::Range(sheet, from, to) => book.sum_range(sheet, from, to)?,
                    },
                )?;
            }
            return Ok(Operand::Number(total));
        }
        match operands.as_slice() {
            [Operand::Number(value), Operand::Number(digits)]
                if digits.is_integer()
                    && !digits.is_sign_negative()
                    && *digits <= Decimal::from(28) =>
            {
                let digits =
                    u32::try_from(digits.mantissa() / 10_i128.pow(digits.scale())).unwrap_or(0);
                Ok(Operand::Number(value.round_dp_with_strategy(
                    digits,
                    RoundingStrategy::MidpointAwayFromZero,
                )))
            }
            _ => Err("it uses ROUND other than ROUND(amount, 0 or more digits)".to_owned()),
        }
    }

    /// An argument of a function: an expression, or a lone range.
    fn argument(&mut self, book: &mut Book<'_>) -> Result<Operand, String> {
        let start = self.at;
        if let Ok(Operand::Range(sheet, from, to)) = self.operand(book) {
            self.skip_spaces();
            if self.rest().starts_with([',', ')']) {
                return Ok(Operand::Range(sheet, from, to));
            }
        }
        self.at = start;
        self.expression(book).map(Operand::Number)
    }
}

#[cfg(test)]
mod tests;
