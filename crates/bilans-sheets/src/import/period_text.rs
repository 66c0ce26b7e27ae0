//! Period headers written as text, in the four languages of the dictionary: dates
//! (`Dec. 31, 2022`, `31 December 2024`, `31 grudnia 2024`, `31 декабря 2024 г.`,
//! `31.12.2024`), durations (`12 Months Ended`, `Year ended 31 March 2024`), ranges
//! (`01.01.2024 - 31.12.2024`, `za okres od 01.01.2024 do 31.12.2024`,
//! `за январь - декабрь 2024 г.`), quarters (`Q1 '17`, `1Q2017`, `2017Q1`), fiscal
//! years (`FY2024`, `2023/24`), headers relative to the reporting date of the sheet's
//! title (`На кінець звітного періоду`, `Rok poprzedni`), and trailing-twelve-month
//! columns, which are recognised only to be skipped.
//!
//! Footnote marks glued to a header (`2024 г.3`, `31.12.2019*`) are dropped.

use bilans_model::{Date, Period};

use crate::import::header_cell::{HeaderCell, Relative, plausible, plausible_date};

/// Month names and their inflected forms, January first: English (and its
/// abbreviations, matched as prefixes of at least three letters), Polish, Russian and
/// Ukrainian (nominative and genitive).
const MONTH_WORDS: [&[&str]; 12] = [
    &[
        "stycznia",
        "styczeń",
        "styczen",
        "января",
        "январь",
        "січня",
        "січень",
    ],
    &["lutego", "luty", "февраля", "февраль", "лютого", "лютий"],
    &["marca", "marzec", "марта", "март", "березня", "березень"],
    &[
        "kwietnia",
        "kwiecień",
        "kwiecien",
        "апреля",
        "апрель",
        "квітня",
        "квітень",
    ],
    &["maja", "maj", "мая", "май", "травня", "травень"],
    &["czerwca", "czerwiec", "июня", "июнь", "червня", "червень"],
    &["lipca", "lipiec", "июля", "июль", "липня", "липень"],
    &[
        "sierpnia",
        "sierpień",
        "sierpien",
        "августа",
        "август",
        "серпня",
        "серпень",
    ],
    &[
        "września",
        "wrzesień",
        "wrzesnia",
        "wrzesien",
        "сентября",
        "сентябрь",
        "вересня",
        "вересень",
    ],
    &[
        "października",
        "październik",
        "pazdziernika",
        "pazdziernik",
        "октября",
        "октябрь",
        "жовтня",
        "жовтень",
    ],
    &[
        "listopada",
        "listopad",
        "ноября",
        "ноябрь",
        "листопада",
        "листопад",
    ],
    &[
        "grudnia",
        "grudzień",
        "grudzien",
        "декабря",
        "декабрь",
        "грудня",
        "грудень",
    ],
];

const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words around a period that do not change it: `r.`/`rok` (Polish), `г.`/`год`
/// (Russian), `р.`/`рік` (Ukrainian), `FY`, `year`, `za`/`за`/`на`/`as of`/`at`/`end`,
/// `stan na`, `okres`, `od`, `с`/`з` (from).
const FILLER_WORDS: &[&str] = &[
    "r",
    "rok",
    "roku",
    "г",
    "год",
    "года",
    "гг",
    "р",
    "рік",
    "року",
    "fy",
    "year",
    "za",
    "на",
    "за",
    "as",
    "of",
    "at",
    "end",
    "stan",
    "na",
    "dzień",
    "dzien",
    "okres",
    "od",
    "с",
    "з",
    "from",
    "the",
    "period",
    "период",
    "період",
];

/// Words between the two ends of a range.
const RANGE_WORDS: &[&str] = &["-", "do", "по", "to", "until", "till", "through"];

/// Headers that name a period relative to the sheet's reporting date, normalised
/// (lower case, single spaces, no punctuation or footnote marks).
const RELATIVE_HEADERS: &[(&str, Relative)] = &[
    ("на кінець звітного періоду", Relative::ReportingDate),
    ("на кінець звітного року", Relative::ReportingDate),
    ("на конец отчетного периода", Relative::ReportingDate),
    ("на конец отчётного периода", Relative::ReportingDate),
    ("на конец отчетного года", Relative::ReportingDate),
    ("на отчетную дату", Relative::ReportingDate),
    ("на отчётную дату", Relative::ReportingDate),
    ("stan na koniec okresu", Relative::ReportingDate),
    ("stan na koniec roku", Relative::ReportingDate),
    ("на початок звітного року", Relative::YearEndBefore(1)),
    ("на початок звітного періоду", Relative::YearEndBefore(1)),
    ("на начало отчетного года", Relative::YearEndBefore(1)),
    ("на начало отчётного года", Relative::YearEndBefore(1)),
    ("на 31 декабря предыдущего года", Relative::YearEndBefore(1)),
    ("на 31 грудня попереднього року", Relative::YearEndBefore(1)),
    ("stan na początek okresu", Relative::YearEndBefore(1)),
    ("stan na początek roku", Relative::YearEndBefore(1)),
    (
        "на 31 декабря года предшествующего предыдущему",
        Relative::YearEndBefore(2),
    ),
    ("за звітний період", Relative::ReportingPeriod),
    ("за звітний рік", Relative::ReportingPeriod),
    ("за отчетный период", Relative::ReportingPeriod),
    ("за отчётный период", Relative::ReportingPeriod),
    ("за отчетный год", Relative::ReportingPeriod),
    ("okres bieżący", Relative::ReportingPeriod),
    ("bieżący okres", Relative::ReportingPeriod),
    ("rok bieżący", Relative::ReportingPeriod),
    (
        "за аналогічний період попереднього року",
        Relative::SamePeriodYearBefore,
    ),
    ("за попередній рік", Relative::SamePeriodYearBefore),
    (
        "за аналогичный период предыдущего года",
        Relative::SamePeriodYearBefore,
    ),
    (
        "за аналогичный период прошлого года",
        Relative::SamePeriodYearBefore,
    ),
    ("за предыдущий год", Relative::SamePeriodYearBefore),
    ("okres poprzedni", Relative::SamePeriodYearBefore),
    ("poprzedni okres", Relative::SamePeriodYearBefore),
    ("rok poprzedni", Relative::SamePeriodYearBefore),
    // Vietnamese form B 01-DN: the balances at the end of the period (or year) and at
    // the start of the year. `Số đầu kỳ` (at the start of the period) is not here: of
    // a monthly form it may be the start of the month or of the year, which the form
    // does not say.
    ("số cuối kỳ", Relative::ReportingDate),
    ("số cuối năm", Relative::ReportingDate),
    ("số cuối quý", Relative::ReportingDate),
    ("số đầu năm", Relative::YearEndBefore(1)),
];

/// What a text header cell names, if anything.
pub(crate) fn cell_from_text(text: &str) -> Option<HeaderCell> {
    let trimmed = text.trim().trim_end_matches('*').trim();
    // A rendering with a note, `FY2024 (to 31 March 2024)`, is read as bilans writes it.
    if trimmed.ends_with(')') {
        let period: Period = trimmed.parse().ok()?;
        return plausible(period).map(HeaderCell::Period);
    }
    let words = words(trimmed);
    let phrase = words.join(" ");
    if is_trailing_twelve_months(&phrase) {
        return Some(HeaderCell::TrailingTwelveMonths);
    }
    if let Some((_, relative)) = RELATIVE_HEADERS.iter().find(|(known, _)| *known == phrase) {
        return Some(HeaderCell::Relative(*relative));
    }
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|word| !FILLER_WORDS.contains(word))
        .collect();
    if let Some((months, rest)) = duration_prefix(&words) {
        return match rest {
            [] => Some(HeaderCell::Duration(months)),
            rest => {
                let end = date_of(rest)?;
                Some(HeaderCell::Months { months, end })
            }
        };
    }
    if let Some(cell) = range(&words) {
        return Some(cell);
    }
    if let Some(date) = date_of(&words) {
        return Some(HeaderCell::Date(date));
    }
    named_period(&words)
}

/// The reporting date a title names: its first date (`Баланс на 31 грудня 2024 р.`),
/// else the end of the first year it names (`за 2024 рік`, 31 December 2024), with
/// whether it was a whole date.
pub(crate) fn reporting_date_in(text: &str) -> Option<(Date, bool)> {
    // A cell wholly in parentheses is an aside (the decree a form follows, `(Ban hành
    // theo QĐ số 15/2006/QĐ-BTC Ngày 20/03/2006 …)`), not the title.
    let trimmed = text.trim();
    if trimmed.starts_with('(') && trimmed.ends_with(')') {
        return None;
    }
    let words = words(text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // A month's title, `Tháng 04 Năm 2015` (month 4 of 2015): its last day.
    for found in words.windows(4) {
        if found[0] == "tháng"
            && found[2] == "năm"
            && let (Ok(month), Some(year)) = (found[1].parse::<u8>(), year_of(found[3]))
            && let Ok(last) = Date::last_of_month(year, month)
        {
            return Some((last, true));
        }
    }
    for start in 0..words.len() {
        // A range's end, not its first day: `za okres od 01.01.2024 do 30.06.2024`.
        for n_words in [4, 3] {
            if let Some(found) = words.get(start..start + n_words)
                && let Some(HeaderCell::Range { last, .. }) = range(found)
            {
                return Some((last, true));
            }
        }
        for n_words in [3, 1] {
            if let Some(found) = words.get(start..start + n_words)
                && let Some(date) = date_of(found)
            {
                return Some((date, true));
            }
        }
    }
    let year = words.iter().find_map(|word| year_of(word))?;
    Some((Date::new(year, 12, 31).ok()?, false))
}

/// The fiscal year-end a title states (`Income statement, year ended 31 March 2024`).
pub(crate) fn year_end_in(text: &str) -> Option<Date> {
    let words = words(text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let ended = words
        .windows(2)
        .position(|pair| pair[0] == "year" && matches!(pair[1], "ended" | "ending"))?;
    let rest = words.get(ended + 2..)?;
    [3, 1]
        .into_iter()
        .find_map(|n_words| date_of(rest.get(..n_words)?))
}

/// The cell's words in lower case, split at spaces and commas, with dashes as words of
/// their own and footnote marks (`г.3`, `2024*`) dropped.
fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace(['–', '—', '−'], " - ");
    lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == ';')
        .map(|word| without_footnote(word.trim_matches(|c: char| c == '*' || c == '"')))
        .filter(|word| !word.is_empty())
        .collect()
}

/// `г.3` → `г`, `2024*` → `2024`, `dec.` → `dec`; a word that is only a date keeps its dots.
fn without_footnote(word: &str) -> String {
    if let Some((head, tail)) = word.split_once('.')
        && !head.is_empty()
        && head.chars().all(char::is_alphabetic)
        && tail.chars().all(|c| c.is_ascii_digit())
    {
        return head.to_owned();
    }
    word.trim_end_matches('.').to_owned()
}

fn is_trailing_twelve_months(phrase: &str) -> bool {
    matches!(
        phrase,
        "ttm"
            | "ltm"
            | "trailing"
            | "trailing 12 months"
            | "trailing twelve months"
            | "last 12 months"
            | "last twelve months"
    )
}

/// `12 months ended`, `three months ending`, `year ended`, `quarter ended`: the number
/// of months and the words after.
fn duration_prefix<'a, 'b>(words: &'a [&'b str]) -> Option<(u8, &'a [&'b str])> {
    let ended = |word: &str| matches!(word, "ended" | "ending");
    match words {
        [count, unit, word, rest @ ..] if unit.starts_with("month") && ended(word) => {
            let months = match *count {
                "three" => 3,
                "six" => 6,
                "nine" => 9,
                "twelve" => 12,
                number => number.parse().ok()?,
            };
            [3, 6, 9, 12].contains(&months).then_some((months, rest))
        }
        // `year` is a filler word, so `Year ended 31 March 2024` arrives as `ended …`.
        [word, rest @ ..] if ended(word) => Some((12, rest)),
        ["quarter", word, rest @ ..] if ended(word) => Some((3, rest)),
        _ => None,
    }
}

/// `01.01.2024 - 31.12.2024`, `od 01.01.2024 do 31.12.2024` (the filler words already
/// gone), `январь - декабрь 2024`.
fn range(words: &[&str]) -> Option<HeaderCell> {
    let split = words.iter().position(|word| RANGE_WORDS.contains(word))?;
    let (left, right) = (&words[..split], &words[split + 1..]);
    let last = date_of(right).or_else(|| match right {
        [month, year] => Date::last_of_month(year_of(year)?, month_of(month)?).ok(),
        _ => None,
    })?;
    let first = date_of(left).or_else(|| match left {
        [month] => Date::new(last.year(), month_of(month)?, 1).ok(),
        _ => None,
    })?;
    Some(HeaderCell::Range { first, last })
}

/// A date in one word (`31.12.2024`, `2024-12-31`, `12/31/2024`, `30.06.24`) or three
/// (`31 december 2024`, `dec 31 2024`).
fn date_of(words: &[&str]) -> Option<Date> {
    let date = match words {
        [word] => numeric_date(word)?,
        [first, second, year] => {
            let year = year_of(year)?;
            let (day, month) = match (month_of(first), month_of(second)) {
                (None, Some(month)) => (first, month),
                (Some(month), None) => (second, month),
                _ => return None,
            };
            let day: u8 = day.parse().ok()?;
            Date::new(year, month, day).ok()?
        }
        _ => return None,
    };
    plausible_date(date)
}

/// `31.12.2001`, `2001-12-31`, `12/31/2001` or with a two-digit year (`30.06.24`): day
/// before month unless that is no date.
fn numeric_date(word: &str) -> Option<Date> {
    let parts: Vec<&str> = word.split(['.', '-', '/']).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let (year, day, month) = if first.len() == 4 {
        (first, third, second)
    } else {
        (third, first, second)
    };
    let year = year_of(year).or_else(|| two_digit_year(year))?;
    let day: u8 = day.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    Date::new(year, month, day)
        .or_else(|_| Date::new(year, day, month))
        .ok()
}

fn month_of(word: &str) -> Option<u8> {
    let index = MONTH_WORDS
        .iter()
        .position(|forms| forms.contains(&word))
        .or_else(|| {
            let alphabetic = word.chars().all(|c| c.is_ascii_alphabetic());
            (3 <= word.len() && alphabetic)
                .then(|| {
                    ENGLISH_MONTHS
                        .iter()
                        .position(|name| name.starts_with(word))
                })
                .flatten()
        })?;
    u8::try_from(index + 1).ok()
}

pub(crate) fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|year| (1900..=2100).contains(year))
}

/// `'17` or `17`: 2017 (two-digit years are read as 2000 to 2099).
fn two_digit_year(word: &str) -> Option<i32> {
    let word = word.strip_prefix(['\'', '’']).unwrap_or(word);
    (word.len() == 2 && word.chars().all(|c| c.is_ascii_digit()))
        .then(|| word.parse::<i32>().ok())
        .flatten()
        .map(|year| 2000 + year)
}

/// `2024`, `FY2024`, `2023/24`, `H1 2024`, `9M 2024`, and quarters (`2024Q1`, `Q1 2024`,
/// `Q1 '24`, `1Q2024`, `1Q24`).
fn named_period(words: &[&str]) -> Option<HeaderCell> {
    if let [word] = words {
        let word = word.strip_prefix("fy").unwrap_or(word);
        if let Some(year) = year_of(word) {
            return plausible(Period::year(year)).map(HeaderCell::Period);
        }
        if let Some((first, second)) = word.split_once('/')
            && let Some(first) = year_of(first)
            && let Some(second) = year_of(second).or_else(|| two_digit_year(second))
        {
            return (second == first + 1).then_some(HeaderCell::SplitYear(second));
        }
    }
    if let [first, year] = words
        && let Some(year) = year_of(year)
    {
        if let Some(half) = first.strip_prefix('h') {
            return plausible(Period::half_year(year, half.parse().ok()?).ok()?)
                .map(HeaderCell::Period);
        }
        if *first == "9m" {
            return plausible(Period::nine_months(year)).map(HeaderCell::Period);
        }
    }
    quarter(words).map(HeaderCell::Period)
}

fn quarter(words: &[&str]) -> Option<Period> {
    let joined: String = words.concat();
    let (before, after) = joined.split_once('q')?;
    let (year, quarter) = match (before.len(), after.len()) {
        // `q1 2024`, `q1'24`
        (0, _) => (after.get(1..)?, after.get(..1)?),
        // `1q2024`, `1q24`
        (1, _) => (after, before),
        // `2024q1`
        _ => (before, after),
    };
    let year = year_of(year).or_else(|| two_digit_year(year))?;
    let quarter: u8 = (quarter.len() == 1).then(|| quarter.parse().ok())??;
    plausible(Period::quarter(year, quarter).ok()?)
}
