//! The label dictionary: line items by their labels in six languages and by the line
//! codes of the Russian and Ukrainian statement forms (both from the model's line-item
//! table, `bilans_model::LineItem::table`), plus the words that mark a company column,
//! a code column and a unit (`labels.toml`, embedded).

use std::collections::{BTreeMap, BTreeSet};

use bilans_model::{LineItem, Scale};
use serde::Deserialize;

use crate::{Detail, ErrorKind, SheetsError};

/// The dictionary as shipped, in TOML.
pub const BUILTIN_LABELS: &str = include_str!("labels.toml");

/// A language of labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Language {
    English,
    Polish,
    Russian,
    Ukrainian,
    Swedish,
    Vietnamese,
}

/// A national statement form whose lines have codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// The Russian balance sheet and income statement (lines like 1600, 2110).
    Russian,
    /// The Ukrainian forms 1 and 2 (lines like 1300, 2000).
    Ukrainian,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DictionaryFile {
    words: Words,
    units: Units,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    company: Vec<String>,
    code: Vec<String>,
    code_ru: Vec<String>,
    code_uk: Vec<String>,
    total: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Units {
    thousands: Vec<String>,
    millions: Vec<String>,
    billions: Vec<String>,
    lakhs: Vec<String>,
    crores: Vec<String>,
    fillers: Vec<String>,
    currencies: BTreeMap<String, Vec<String>>,
}

/// The parsed dictionary, keyed by normalised text.
#[derive(Debug)]
pub(crate) struct Dictionary {
    /// Normalised label → the item and the languages that use the label.
    labels: BTreeMap<String, (LineItem, BTreeSet<Language>)>,
    codes: BTreeMap<(Form, String), LineItem>,
    company_words: BTreeSet<String>,
    code_words: BTreeSet<String>,
    code_words_ru: BTreeSet<String>,
    code_words_uk: BTreeSet<String>,
    total_words: BTreeSet<String>,
    scale_words: BTreeMap<String, Scale>,
    currency_words: BTreeMap<String, String>,
    filler_words: BTreeSet<String>,
}

/// A label's line item, the languages that name it so, and whether it was found only
/// once stripped of its qualifiers.
pub(crate) type LabelMatch<'a> = (LineItem, &'a BTreeSet<Language>, bool);

/// A unit read from a cell's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnitWords {
    pub(crate) scale: Scale,
    pub(crate) currency: Option<String>,
}

/// Currency signs that name one currency, and its code.
const CURRENCY_SIGNS: [(&str, &str); 4] = [("₹", "INR"), ("€", "EUR"), ("£", "GBP"), ("₴", "UAH")];

impl Dictionary {
    /// The built-in dictionary.
    pub(crate) fn builtin() -> Result<Dictionary, SheetsError> {
        Dictionary::parse(BUILTIN_LABELS)
    }

    fn parse(text: &str) -> Result<Dictionary, SheetsError> {
        let bad = |message: Detail| SheetsError::InFile {
            file: "labels.toml (built in)".to_owned(),
            kind: ErrorKind::Invalid(message),
        };
        let file: DictionaryFile =
            toml::from_str(text).map_err(|error| bad(crate::toml_text::parse_error(&error)))?;
        let mut dictionary = Dictionary {
            labels: BTreeMap::new(),
            codes: BTreeMap::new(),
            company_words: normalised_set(&file.words.company),
            code_words: normalised_set(&file.words.code),
            code_words_ru: normalised_set(&file.words.code_ru),
            code_words_uk: normalised_set(&file.words.code_uk),
            total_words: normalised_set(&file.words.total),
            scale_words: BTreeMap::new(),
            currency_words: BTreeMap::new(),
            filler_words: normalised_set(&file.units.fillers),
        };
        // The line items' labels and codes come from the model's line-item table.
        for info in LineItem::table() {
            let item = info.item;
            let languages = [
                (Language::English, info.labels.en),
                (Language::Polish, info.labels.pl),
                (Language::Russian, info.labels.ru),
                (Language::Ukrainian, info.labels.uk),
                (Language::Swedish, info.labels.sv),
                (Language::Vietnamese, info.labels.vi),
            ];
            for (language, texts) in languages {
                for text in texts {
                    let key = normalise(text);
                    let entry = dictionary
                        .labels
                        .entry(key)
                        .or_insert_with(|| (item, BTreeSet::new()));
                    if entry.0 != item {
                        return Err(bad(Detail::verbatim(format!(
                            "label `{text}` names both `{}` and `{item}`",
                            entry.0
                        ))));
                    }
                    entry.1.insert(language);
                }
            }
            for (form, codes) in [
                (Form::Russian, info.ru_codes),
                (Form::Ukrainian, info.uk_codes),
            ] {
                for code in codes {
                    if let Some(other) = dictionary.codes.insert((form, (*code).to_owned()), item) {
                        return Err(bad(Detail::verbatim(format!(
                            "code {code} names both `{other}` and `{item}`"
                        ))));
                    }
                }
            }
        }
        for (words, scale) in [
            (&file.units.thousands, Scale::Thousands),
            (&file.units.millions, Scale::Millions),
            (&file.units.billions, Scale::Billions),
            (&file.units.lakhs, Scale::Lakhs),
            (&file.units.crores, Scale::Crores),
        ] {
            for word in words {
                dictionary.scale_words.insert(normalise(word), scale);
            }
        }
        for (currency, words) in &file.units.currencies {
            for word in words {
                dictionary
                    .currency_words
                    .insert(normalise(word), currency.clone());
            }
        }
        Ok(dictionary)
    }

    /// The item a label names, with the languages that use the label.
    ///
    /// A label that carries its unit (`Przychody ze sprzedaży (tys. zł)`) is also
    /// found: unit and filler words are dropped when the whole label is not known.
    #[cfg(test)]
    pub(crate) fn label(&self, text: &str) -> Option<(LineItem, &BTreeSet<Language>)> {
        self.label_match(text)
            .map(|(item, languages, _)| (item, languages))
    }

    /// As [`Dictionary::label`], and whether the label was found only once stripped of
    /// its qualifiers (`Net income attributable to the parent`): a part of the line
    /// the dictionary names, weaker than the line itself.
    pub(crate) fn label_match(&self, text: &str) -> Option<LabelMatch<'_>> {
        let normalised = normalise(text);
        let found = self.labels.get(&normalised).or_else(|| {
            let without_unit: Vec<&str> = normalised
                .split(' ')
                .filter(|word| {
                    !self.scale_words.contains_key(*word)
                        && !self.currency_words.contains_key(*word)
                        && !self.filler_words.contains(*word)
                })
                .collect();
            self.labels.get(&without_unit.join(" "))
        });
        // Then the label as statements qualify it: footnote marks, `, net`, `net of
        // allowances of …`, `attributable to …`, parenthesised asides.
        if let Some((item, languages)) = found {
            return Some((*item, languages, false));
        }
        let unmarked = without_footnote_marks(text);
        qualified_forms(text).iter().find_map(|form| {
            let (item, languages) = self.labels.get(&normalise(form))?;
            // Footnote marks alone do not qualify a caption (`Total assets (1)`).
            Some((*item, languages, *form != unmarked))
        })
    }

    /// Whether a label is written as a total (`Total current assets`, `Итого по
    /// разделу IV`, `Aktywa razem`): its first or last word is a total word.
    pub(crate) fn is_total(&self, text: &str) -> bool {
        let normalised = normalise(text);
        let mut words = normalised.split(' ');
        let first = words.next();
        let last = normalised.rsplit(' ').next();
        [first, last]
            .into_iter()
            .flatten()
            .any(|word| self.total_words.contains(word))
    }

    /// The item a form line code names.
    pub(crate) fn code(&self, form: Form, code: &str) -> Option<LineItem> {
        self.codes.get(&(form, code.to_owned())).copied()
    }

    /// Whether a header text marks a company column.
    pub(crate) fn is_company_word(&self, text: &str) -> bool {
        self.company_words.contains(&normalise(text))
    }

    /// Whether a header text marks a code column, and the form it names, if any.
    pub(crate) fn code_word(&self, text: &str) -> Option<Option<Form>> {
        let key = normalise(text);
        if self.code_words_ru.contains(&key) {
            return Some(Some(Form::Russian));
        }
        if self.code_words_uk.contains(&key) {
            return Some(Some(Form::Ukrainian));
        }
        self.code_words.contains(&key).then_some(None)
    }

    /// The unit a text declares, if it declares one.
    pub(crate) fn unit(&self, text: &str) -> Option<UnitWords> {
        // Currency signs that name one currency are read as its code (`₹ in lakhs`,
        // `€'000`); `$` names several and is left to the words around it (`USD ($)`).
        let mut text = text.to_owned();
        for (sign, code) in CURRENCY_SIGNS {
            if text.contains(sign) {
                text = text.replace(sign, &format!(" {code} "));
            }
        }
        let normalised = normalise(&text);
        let words: Vec<&str> = normalised
            .split(' ')
            .filter(|word| !word.is_empty())
            .collect();
        let scale = words
            .iter()
            .find_map(|word| self.scale_words.get(*word).copied());
        let currency = words
            .iter()
            .find_map(|word| self.currency_words.get(*word).cloned());
        match (scale, currency) {
            (Some(scale), currency) => Some(UnitWords { scale, currency }),
            (None, Some(currency)) => {
                let only_unit_words = words.iter().all(|word| {
                    self.currency_words.contains_key(*word) || self.filler_words.contains(*word)
                });
                only_unit_words.then_some(UnitWords {
                    scale: Scale::Units,
                    currency: Some(currency),
                })
            }
            (None, None) => None,
        }
    }
}

/// Shorter forms of a label, in the order they are tried when the label itself is not
/// in the dictionary: without footnote marks (`Total assets (1)`, `Выручка5`,
/// `Revenue*`), then also without the qualifiers statements add to a caption
/// (`Accounts receivable, net of allowances of $6,676 and $5,994`, `Inventories, net`,
/// `Net income attributable to the parent`, `Retained earnings (deficiency)`), then
/// without any parenthesised aside.
///
/// # Examples
///
/// ```text
/// Accounts receivable, net of allowances of $6,676 and $5,994 → Accounts receivable
/// Net income attributable to owners of the parent              → Net income
/// Выручка5                                                      → Выручка
/// ```
pub(crate) fn qualified_forms(text: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let unmarked = without_footnote_marks(text);
    let unqualified = without_qualifiers(&unmarked);
    let bare = without_parentheses(&unqualified);
    for form in [unmarked, unqualified, bare] {
        if form.trim() != text.trim() && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// Removes footnote marks: `(1)`, `[2]`, `*`, and digits glued to the end of a word
/// (`Выручка5`, `г.3`).
fn without_footnote_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let characters: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < characters.len() {
        let character = characters[index];
        // `(12)` or `[12]`: a bracketed number of at most three digits.
        if matches!(character, '(' | '[') {
            let close = if character == '(' { ')' } else { ']' };
            let digits = characters[index + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if (1..=3).contains(&digits) && characters.get(index + 1 + digits) == Some(&close) {
                index += digits + 2;
                continue;
            }
        }
        if character == '*' {
            index += 1;
            continue;
        }
        // Digits right after a letter, ending the word: a footnote number.
        if character.is_ascii_digit() && index > 0 && characters[index - 1].is_alphabetic() {
            let digits = characters[index..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = characters.get(index + digits);
            if digits <= 2 && after.is_none_or(|c| !c.is_alphanumeric()) {
                index += digits;
                continue;
            }
        }
        out.push(character);
        index += 1;
    }
    out.trim().to_owned()
}

/// Removes the qualifiers statements add after a caption.
fn without_qualifiers(text: &str) -> String {
    let lower = text.to_lowercase();
    // The non-controlling interests' share is a line of its own, not the caption
    // qualified: it keeps its words.
    let minority = [
        "noncontrolling",
        "non-controlling",
        "minority",
        "niekontroluj",
        "неконтрол",
        "minoritet",
        "bestämmande inflytande",
    ]
    .iter()
    .any(|word| lower.contains(word));
    let mut markers = vec![
        ", net of ",
        " net of ",
        ", less ",
        " less allowance",
        ", including ",
        ", w tym",
        ", в том числе",
        ", у тому числі",
    ];
    if !minority {
        // The parent's share, in English and in Swedish (`Eget kapital hänförligt till
        // moderbolagets aktieägare`, `Eget kapital - Moderbolagets ägare`).
        markers.extend([
            " attributable to ",
            " hänförligt till ",
            " - moderbolagets ",
        ]);
    }
    let mut end = text.len();
    for marker in markers {
        if let Some(at) = lower.find(marker) {
            end = end.min(at);
        }
    }
    let mut kept = text[..end].trim_end().to_owned();
    for suffix in [", net", " - net", ", total", " total"] {
        if kept.to_lowercase().ends_with(suffix) {
            kept.truncate(kept.len() - suffix.len());
        }
    }
    kept.trim_end_matches([',', ':', ';', ' ']).to_owned()
}

/// Removes every parenthesised aside: `Retained earnings (deficiency)`.
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for character in text.chars() {
        match character {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(character),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn normalised_set(texts: &[String]) -> BTreeSet<String> {
    texts.iter().map(|text| normalise(text)).collect()
}

/// Normalises a label for comparison: leading numbering removed, lower case, `ё` as
/// `е`, every character that is not a letter or digit as a space, spaces collapsed.
///
/// # Examples
///
/// ```
/// use bilans_sheets::import::normalise;
///
/// assert_eq!(normalise("  II. Aktywa  OBROTOWE:"), "aktywa obrotowe");
/// assert_eq!(normalise("1.2) Итого активов"), "итого активов");
/// assert_eq!(normalise("A. Zysk (strata) netto"), "zysk strata netto");
/// ```
pub fn normalise(text: &str) -> String {
    let stripped = strip_numbering(text);
    let mut out = String::with_capacity(stripped.len());
    for character in stripped.chars().flat_map(char::to_lowercase) {
        let character = if character == 'ё' { 'е' } else { character };
        if character.is_alphanumeric() {
            out.push(character);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Removes leading outline numbering: `1.`, `1.2.`, `1)`, `A.`, `a)`, `II.`, `б)`.
fn strip_numbering(text: &str) -> &str {
    let mut rest = text.trim_start();
    loop {
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let after = rest[token_end..].trim_start();
        if after.is_empty() || !is_numbering(&rest[..token_end]) {
            return rest;
        }
        rest = after;
    }
}

/// Whether a token is an outline number followed by `.` or `)`.
fn is_numbering(token: &str) -> bool {
    let Some(body) = token.strip_suffix(['.', ')']) else {
        return false;
    };
    // Every dot-separated segment is a number, a single letter or a Roman numeral:
    // `2`, `a`, `II`, and their outlines `II.2`, `A.III.1.c`, `1.2`.
    !body.is_empty() && body.split('.').all(is_outline_segment)
}

fn is_outline_segment(segment: &str) -> bool {
    let mut characters = segment.chars();
    let Some(first) = characters.next() else {
        return false;
    };
    let is_number = segment.chars().all(|c| c.is_ascii_digit());
    let is_letter = first.is_alphabetic() && characters.next().is_none();
    let is_roman = segment.len() <= 5 && segment.chars().all(|c| "IVXLCivxlc".contains(c));
    is_number || is_letter || is_roman
}
