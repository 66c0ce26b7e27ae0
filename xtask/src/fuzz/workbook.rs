//! Mutations inside a zip workbook (xlsx, xlsm, ods): change an XML part's text and
//! rezip, so that the container stays readable and the mutation reaches the XML and
//! cell parsers instead of stopping at a CRC check.
//!
//! Each mutation returns a one-line description, or `None` when it does not apply to
//! this workbook (no shared strings, not an ods…); [`mutate_archive`] then tries
//! another.

use std::ops::Range;

use crate::archive::{Archive, Flavor};
use crate::fuzz::rng::Rng;

/// Numbers near, at and beyond the edges of `Decimal` (28 digits, about 7.9e28) and
/// `f64`: those just inside the range pass the import and overflow in sums and ratios.
pub(crate) const HUGE_NUMBERS: [&str; 19] = [
    "7e28",
    "-7e28",
    "4e28",
    "39614081257132168796771975168",
    "0.0000000000000000000000000001",
    "9e28",
    "-9e28",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "-79228162514264337593543950336",
    "1e29",
    "1e308",
    "1.7976931348623157e308",
    "1e309",
    "-1e308",
    "4.9e-324",
    "1e-29",
    "NaN",
    "inf",
];

/// Cell references at and beyond the last cell of a sheet (`XFD1048576`).
pub(crate) const FAR_CELLS: [&str; 9] = [
    "XFD1048576",
    "XFE1",
    "A1048577",
    "XFD1",
    "A1048576",
    "ZZZZZZ1",
    "A4294967297",
    "A99999999999999999999",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1",
];

/// Repetition counts for ods `number-columns-repeated` / `number-rows-repeated`.
const REPEATS: [&str; 7] = [
    "16384",
    "65536",
    "1048576",
    "2147483647",
    "4294967296",
    "99999999999",
    "0",
];

/// The mutations of a zip workbook, by name.
pub(crate) const ARCHIVE_MUTATIONS: [&str; 14] = [
    "digits",
    "huge-number",
    "huge-numbers-everywhere",
    "duplicate-cell",
    "far-cell",
    "huge-dimension",
    "ods-repeat",
    "duplicate-attribute",
    "long-string",
    "shared-string-bomb",
    "many-sheets",
    "truncate-part",
    "flip-part",
    "delete-part",
];

/// Applies one mutation, chosen at random among those that apply, and describes it.
pub(crate) fn mutate_archive(archive: &mut Archive, rng: &mut Rng) -> Option<String> {
    for _attempt in 0..32 {
        let name = *rng.pick(&ARCHIVE_MUTATIONS);
        if let Some(description) = apply_archive_mutation(name, archive, rng) {
            return Some(description);
        }
    }
    None
}

/// Applies the mutation called `name` (one of [`ARCHIVE_MUTATIONS`]).
pub(crate) fn apply_archive_mutation(
    name: &str,
    archive: &mut Archive,
    rng: &mut Rng,
) -> Option<String> {
    let flavor = archive.flavor();
    match name {
        "digits" => digits(archive, rng),
        "huge-number" => match flavor {
            Flavor::OfficeOpenXml => {
                let value = *rng.pick(&HUGE_NUMBERS);
                replace_in_sheet(archive, rng, "<v>", "</v>", value)
            }
            Flavor::OpenDocument => {
                let value = *rng.pick(&HUGE_NUMBERS);
                replace_in_sheet(archive, rng, " office:value=\"", "\"", value)
            }
            Flavor::Other => None,
        },
        "huge-numbers-everywhere" => huge_numbers_everywhere(archive, rng, flavor),
        "duplicate-cell" => duplicate_cell(archive, rng, flavor),
        "far-cell" if flavor == Flavor::OfficeOpenXml => far_cell(archive, rng),
        "huge-dimension" if flavor == Flavor::OfficeOpenXml => huge_dimension(archive, rng),
        "ods-repeat" if flavor == Flavor::OpenDocument => ods_repeat(archive, rng),
        "duplicate-attribute" => duplicate_attribute(archive, rng),
        "long-string" => long_string(archive, rng, flavor),
        "shared-string-bomb" if flavor == Flavor::OfficeOpenXml => shared_string_bomb(archive, rng),
        "many-sheets" => many_sheets(archive, rng, flavor),
        "truncate-part" => {
            let part_idx = pick_part(archive, rng, &archive.xml_parts(|_| true))?;
            let part = &mut archive.parts[part_idx];
            let length = rng.below(part.data.len().max(1));
            part.data.truncate(length);
            Some(format!("truncated {} to {length} bytes", part.name))
        }
        "flip-part" => {
            let part_idx = pick_part(archive, rng, &archive.xml_parts(|_| true))?;
            let part = &mut archive.parts[part_idx];
            if part.data.is_empty() {
                return None;
            }
            let n_flips = rng.between(1, 8);
            for _ in 0..n_flips {
                let byte_idx = rng.below(part.data.len());
                part.data[byte_idx] ^= rng.between(1, 255) as u8;
            }
            Some(format!("flipped {n_flips} bytes in {}", part.name))
        }
        "delete-part" => {
            if archive.parts.is_empty() {
                return None;
            }
            let part_idx = rng.below(archive.parts.len());
            let part = archive.parts.remove(part_idx);
            Some(format!("deleted the part {}", part.name))
        }
        _ => None,
    }
}

/// The text of a part, when it is UTF-8.
fn text_of(archive: &Archive, part_idx: usize) -> Option<String> {
    String::from_utf8(archive.parts[part_idx].data.clone()).ok()
}

fn set_text(archive: &mut Archive, part_idx: usize, text: String) {
    archive.parts[part_idx].data = text.into_bytes();
}

fn pick_part(archive: &Archive, rng: &mut Rng, candidates: &[usize]) -> Option<usize> {
    let candidates: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&part_idx| !archive.parts[part_idx].data.is_empty())
        .collect();
    if candidates.is_empty() {
        return None;
    }
    Some(*rng.pick(&candidates))
}

/// Every start of `pattern` in `text`.
pub(crate) fn occurrences(text: &str, pattern: &str) -> Vec<usize> {
    text.match_indices(pattern)
        .map(|(start, _)| start)
        .collect()
}

/// The span of the element opening at `start` (a `<`): up to its `/>`, or up to its
/// closing `</tag>`.
pub(crate) fn element_span(text: &str, start: usize, tag: &str) -> Option<Range<usize>> {
    let open_end = start + text[start..].find('>')? + 1;
    if text[..open_end].ends_with("/>") {
        return Some(start..open_end);
    }
    let close = format!("</{tag}>");
    let close_start = open_end + text[open_end..].find(&close)?;
    Some(start..close_start + close.len())
}

/// The span of the value of attribute `attribute` in the opening tag starting at
/// `start`.
pub(crate) fn attribute_value(text: &str, start: usize, attribute: &str) -> Option<Range<usize>> {
    let open_end = start + text[start..].find('>')?;
    let needle = format!(" {attribute}=\"");
    let value_start = start + text[start..open_end].find(&needle)? + needle.len();
    let value_end = value_start + text[value_start..].find('"')?;
    Some(value_start..value_end)
}

/// Replaces the text between a random `open` and the next `close` in a sheet part.
fn replace_in_sheet(
    archive: &mut Archive,
    rng: &mut Rng,
    open: &str,
    close: &str,
    value: &str,
) -> Option<String> {
    let part_idx = pick_part(archive, rng, &archive.sheet_parts())?;
    let mut text = text_of(archive, part_idx)?;
    let starts = occurrences(&text, open);
    if starts.is_empty() {
        return None;
    }
    let value_start = *rng.pick(&starts) + open.len();
    let value_end = value_start + text[value_start..].find(close)?;
    let old = text[value_start..value_end].to_owned();
    text.replace_range(value_start..value_end, value);
    let name = archive.parts[part_idx].name.clone();
    set_text(archive, part_idx, text);
    Some(format!("{name}: number {} -> {value}", abbreviate(&old)))
}

/// Replaces every number of a sheet with one just inside `Decimal`'s range: each
/// imports, and their sums and products overflow (one huge number among small ones
/// rarely does).
fn huge_numbers_everywhere(archive: &mut Archive, rng: &mut Rng, flavor: Flavor) -> Option<String> {
    let value = *rng.pick(&["7e28", "-7e28", "4e28", "39614081257132168796771975168"]);
    let part_idx = pick_part(archive, rng, &archive.sheet_parts())?;
    let mut text = text_of(archive, part_idx)?;
    // The spans of the numbers, found first and replaced from the end.
    let mut spans = Vec::new();
    match flavor {
        Flavor::OfficeOpenXml => {
            for start in occurrences(&text, "<c ") {
                let Some(span) = element_span(&text, start, "c") else {
                    continue;
                };
                let element = &text[span.clone()];
                let open_end = element.find('>').unwrap_or(element.len());
                let typed = element[..open_end].contains(" t=\"");
                if typed && !element[..open_end].contains(" t=\"n\"") {
                    continue;
                }
                if let Some(value_start) = element.find("<v>")
                    && let Some(value_end) = element.find("</v>")
                {
                    spans.push(span.start + value_start + 3..span.start + value_end);
                }
            }
        }
        Flavor::OpenDocument => {
            for start in occurrences(&text, " office:value=\"") {
                let value_start = start + " office:value=\"".len();
                if let Some(length) = text[value_start..].find('"') {
                    spans.push(value_start..value_start + length);
                }
            }
        }
        Flavor::Other => return None,
    }
    if spans.is_empty() {
        return None;
    }
    for span in spans.iter().rev() {
        text.replace_range(span.clone(), value);
    }
    let name = archive.parts[part_idx].name.clone();
    set_text(archive, part_idx, text);
    Some(format!("{name}: all {} numbers -> {value}", spans.len()))
}

fn digits(archive: &mut Archive, rng: &mut Rng) -> Option<String> {
    let part_idx = pick_part(archive, rng, &archive.xml_parts(|_| true))?;
    let part = &mut archive.parts[part_idx];
    let positions: Vec<usize> = (0..part.data.len())
        .filter(|&byte_idx| part.data[byte_idx].is_ascii_digit())
        .collect();
    if positions.is_empty() {
        return None;
    }
    let n_changes = rng.between(1, 4);
    for _ in 0..n_changes {
        let byte_idx = *rng.pick(&positions);
        let digit = part.data[byte_idx] - b'0';
        part.data[byte_idx] = b'0' + (digit + rng.between(1, 9) as u8) % 10;
    }
    // Sometimes lengthen one number by many digits as well.
    if rng.chance(1, 3) {
        let byte_idx = *rng.pick(&positions);
        let extra = vec![b'9'; rng.between(10, 40)];
        part.data.splice(byte_idx..byte_idx, extra);
    }
    Some(format!("changed digits in {}", part.name))
}

fn duplicate_cell(archive: &mut Archive, rng: &mut Rng, flavor: Flavor) -> Option<String> {
    let (open, tag) = match flavor {
        Flavor::OfficeOpenXml => ("<c ", "c"),
        Flavor::OpenDocument => ("<table:table-cell", "table:table-cell"),
        Flavor::Other => return None,
    };
    let part_idx = pick_part(archive, rng, &archive.sheet_parts())?;
    let mut text = text_of(archive, part_idx)?;
    // `<table:table-cell` also starts longer element names: require the name to end.
    let name_ends = |start: usize| {
        open.ends_with(' ')
            || matches!(
                text.as_bytes().get(start + open.len()),
                Some(b' ' | b'/' | b'>')
            )
    };
    let starts: Vec<usize> = occurrences(&text, open)
        .into_iter()
        .filter(|&start| name_ends(start))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let span = element_span(&text, *rng.pick(&starts), tag)?;
    let n_copies = *rng.pick(&[1, 1, 2, 1_000]);
    let copy = text[span.clone()].repeat(n_copies);
    text.insert_str(span.end, &copy);
    let name = archive.parts[part_idx].name.clone();
    set_text(archive, part_idx, text);
    Some(format!(
        "{name}: duplicated a cell element {n_copies} times"
    ))
}

fn far_cell(archive: &mut Archive, rng: &mut Rng) -> Option<String> {
    let part_idx = pick_part(archive, rng, &archive.sheet_parts())?;
    let mut text = text_of(archive, part_idx)?;
    let starts = occurrences(&text, "<c ");
    if starts.is_empty() {
        return None;
    }
    let span = attribute_value(&text, *rng.pick(&starts), "r")?;
    let old = text[span.clone()].to_owned();
    let far = *rng.pick(&FAR_CELLS);
    text.replace_range(span, far);
    let name = archive.parts[part_idx].name.clone();
    set_text(archive, part_idx, text);
    Some(format!("{name}: cell reference r=\"{old}\" -> r=\"{far}\""))
}

fn huge_dimension(archive: &mut Archive, rng: &mut Rng) -> Option<String> {
    let part_idx = pick_part(archive, rng, &archive.sheet_parts())?;
    let mut text = text_of(archive, part_idx)?;
    let reference = *rng.pick(&[
        "A1:XFD1048576",
        "A1:XFE1048577",
        "A1:ZZZZZZ99999999999",
        "XFD1048576",
        "B2:A1",
    ]);
    match occurrences(&text, "<dimension ").first() {
        Some(&start) => {
            let span = attribute_value(&text, start, "ref")?;
            text.replace_range(span, reference);
        }
        None => {
            let worksheet = occurrences(&text, "<worksheet").first().copied()?;
            let open_end = worksheet + text[worksheet..].find('>')? + 1;
            text.insert_str(open_end, &format!("<dimension ref=\"{reference}\"/>"));
        }
    }
    let name = archive.parts[part_idx].name.clone();
    set_text(archive, part_idx, text);
    Some(format!("{name}: <dimension ref=\"{reference}\"/>"))
}

fn ods_repeat(archive: &mut Archive, rng: &mut Rng) -> Option<String> {
    let part_idx = archive.part("content.xml")?;
    let mut text = text_of(archive, part_idx)?;
    let (open, attribute) = *rng.pick(&[
        ("<table:table-cell ", "table:number-columns-repeated"),
        ("<table:table-cell ", "table:number-columns-repeated"),
        ("<table:table-row ", "table:number-rows-repeated"),
        ("<table:table-column ", "table:number-columns-repeated"),
    ]);
    let starts = occurrences(&text, open);
    if starts.is_empty() {
        return None;
    }
    let start = *rng.pick(&starts);
    let count = *rng.pick(&REPEATS);
    match attribute_value(&text, start, attribute) {
        Some(span) => text.replace_range(span, count),
        None => {
            let tag_end = start + open.trim_end().len();
            text.insert_str(tag_end, &format!(" {attribute}=\"{count}\""));
        }
    }
    set_text(archive, part_idx, text);
    Some(format!(
        "content.xml: {attribute}=\"{count}\" on a {}",
        open.trim()
    ))
}

fn duplicate_attribute(archive: &mut Archive, rng: &mut Rng) -> Option<String> {
    let candidates = archive.xml_parts(|_| true);
    let part_idx = pick_part(archive, rng, &candidates)?;
    let mut text = text_of(archive, part_idx)?;
    // Opening tags that have an attribute: `<name attr="value"`.
    let starts: Vec<usize> = occurrences(&text, "=\"")
        .into_iter()
        .filter_map(|equals| {
            let open = text[..equals].rfind('<')?;
            let closed = text[open..equals].contains('>');
            (!closed && text.as_bytes().get(open + 1)?.is_ascii_alphabetic()).then_some(equals)
        })
        .collect();
    if starts.is_empty() {
        return None;
    }
    let equals = *rng.pick(&starts);
    let name_start = text[..equals].rfind([' ', '\n', '\t'])? + 1;
    let value_end = equals + 2 + text[equals + 2..].find('"')? + 1;
    let attribute = text[name_start..value_end].to_owned();
    let copy = if rng.chance(1, 2) {
        attribute.clone()
    } else {
        // The same attribute with another value.
        format!(
            "{}=\"{}\"",
            &text[name_start..equals],
            rng.pick(&HUGE_NUMBERS)
        )
    };
    text.insert_str(value_end, &format!(" {copy}"));
    let name = archive.parts[part_idx].name.clone();
    set_text(archive, part_idx, text);
    Some(format!(
        "{name}: repeated the attribute {} as {}",
        abbreviate(&attribute),
        abbreviate(&copy)
    ))
}

fn long_string(archive: &mut Archive, rng: &mut Rng, flavor: Flavor) -> Option<String> {
    let targets: &[(&str, &str, &str)] = match flavor {
        Flavor::OfficeOpenXml => &[
            ("xl/sharedStrings.xml", "<t>", "</t>"),
            ("xl/sharedStrings.xml", "<t xml:space=\"preserve\">", "</t>"),
            ("xl/workbook.xml", "<sheet name=\"", "\""),
        ],
        Flavor::OpenDocument => &[
            ("content.xml", "<text:p>", "</text:p>"),
            ("content.xml", " table:name=\"", "\""),
        ],
        Flavor::Other => return None,
    };
    let present: Vec<(&str, &str, &str, usize, String)> = targets
        .iter()
        .filter_map(|&(part_name, open, close)| {
            let part_idx = archive.part(part_name)?;
            let text = text_of(archive, part_idx)?;
            text.contains(open)
                .then_some((part_name, open, close, part_idx, text))
        })
        .collect();
    if present.is_empty() {
        return None;
    }
    let (part_name, open, close, part_idx, mut text) = rng.pick(&present).clone();
    let starts = occurrences(&text, open);
    let value_start = *rng.pick(&starts) + open.len();
    let value_end = value_start + text[value_start..].find(close)?;
    let (value, description) = match rng.below(6) {
        0 => ("Bil\0ans".to_owned(), "a NUL byte".to_owned()),
        1 => ("Bil&#0;ans".to_owned(), "a `&#0;` reference".to_owned()),
        2 => ("\u{0}".repeat(1_000), "1,000 NUL bytes".to_owned()),
        3 => (
            "Bil\u{FFFF}\u{202E}ans".to_owned(),
            "U+FFFF and U+202E".to_owned(),
        ),
        _ => {
            // Longer strings only measure the debug build's speed per character
            // (5 MB takes 5 s): 1 MB still shows anything worse than linear.
            let length = *rng.pick(&[256, 32_768, 1_000_000]);
            ("A".repeat(length), format!("{length} characters"))
        }
    };
    text.replace_range(value_start..value_end, &value);
    set_text(archive, part_idx, text);
    Some(format!(
        "{part_name}: a {} string holding {description}",
        open.trim()
    ))
}

fn shared_string_bomb(archive: &mut Archive, rng: &mut Rng) -> Option<String> {
    let part_idx = archive.part("xl/sharedStrings.xml")?;
    let mut text = text_of(archive, part_idx)?;
    let description = if rng.chance(1, 2) {
        let start = occurrences(&text, "<sst").first().copied()?;
        let count = *rng.pick(&["4294967295", "18446744073709551615", "99999999999", "-1"]);
        for attribute in ["uniqueCount", "count"] {
            let Some(span) = attribute_value(&text, start, attribute) else {
                continue;
            };
            text.replace_range(span, count);
        }
        format!("count and uniqueCount of <sst> = {count}")
    } else {
        let starts = occurrences(&text, "<si>");
        if starts.is_empty() {
            return None;
        }
        let span = element_span(&text, *rng.pick(&starts), "si")?;
        let n_copies = *rng.pick(&[10_000, 200_000]);
        let copy = text[span.clone()].repeat(n_copies);
        text.insert_str(span.end, &copy);
        format!("a shared string <si> repeated {n_copies} times")
    };
    set_text(archive, part_idx, text);
    Some(format!("xl/sharedStrings.xml: {description}"))
}

/// Adds a thousand or more sheets, all empty or holding one label: the import must
/// get through them quickly (copies of a data sheet would be as many companies, whose
/// analysis legitimately takes long).
fn many_sheets(archive: &mut Archive, rng: &mut Rng, flavor: Flavor) -> Option<String> {
    let n_sheets = *rng.pick(&[1_000, 5_000]);
    let content = if rng.chance(1, 2) {
        "empty"
    } else {
        "one label"
    };
    match flavor {
        Flavor::OfficeOpenXml => {
            let workbook_idx = archive.part("xl/workbook.xml")?;
            let rels_idx = archive.part("xl/_rels/workbook.xml.rels")?;
            let mut workbook = text_of(archive, workbook_idx)?;
            let mut rels = text_of(archive, rels_idx)?;
            let sheets_end = workbook.find("</sheets>")?;
            let mut sheets = String::new();
            for sheet_idx in 0..n_sheets {
                sheets.push_str(&format!(
                    "<sheet name=\"Fuzz{sheet_idx}\" sheetId=\"{}\" r:id=\"rIdFuzz\"/>",
                    10_000 + sheet_idx
                ));
            }
            workbook.insert_str(sheets_end, &sheets);
            let rels_end = rels.find("</Relationships>")?;
            rels.insert_str(
                rels_end,
                "<Relationship Id=\"rIdFuzz\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheetFuzz.xml\"/>",
            );
            set_text(archive, workbook_idx, workbook);
            set_text(archive, rels_idx, rels);
            if let Some(types_idx) = archive.part("[Content_Types].xml")
                && let Some(mut types) = text_of(archive, types_idx)
                && let Some(types_end) = types.find("</Types>")
            {
                types.insert_str(
                    types_end,
                    "<Override PartName=\"/xl/worksheets/sheetFuzz.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                );
                set_text(archive, types_idx, types);
            }
            let data = if content == "empty" {
                "<sheetData/>"
            } else {
                r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Fuzz</t></is></c></row></sheetData>"#
            };
            archive.parts.push(crate::archive::Part {
                name: "xl/worksheets/sheetFuzz.xml".to_owned(),
                data: format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{data}</worksheet>"#
                )
                .into_bytes(),
                stored: false,
            });
        }
        Flavor::OpenDocument => {
            let part_idx = archive.part("content.xml")?;
            let mut text = text_of(archive, part_idx)?;
            let end = text.find("</office:spreadsheet>")?;
            let cell = if content == "empty" {
                "<table:table-cell/>".to_owned()
            } else {
                "<table:table-cell office:value-type=\"string\"><text:p>Fuzz</text:p></table:table-cell>".to_owned()
            };
            let mut tables = String::new();
            for sheet_idx in 0..n_sheets {
                tables.push_str(&format!(
                    "<table:table table:name=\"Fuzz{sheet_idx}\"><table:table-row>{cell}</table:table-row></table:table>"
                ));
            }
            text.insert_str(end, &tables);
            set_text(archive, part_idx, text);
        }
        Flavor::Other => return None,
    }
    Some(format!("{n_sheets} more sheets, each {content}"))
}

/// At most 60 characters of `text`, for descriptions.
pub(crate) fn abbreviate(text: &str) -> String {
    abbreviate_to(text, 60)
}

/// At most `limit` characters of `text` (NUL shown as `\0`).
pub(crate) fn abbreviate_to(text: &str, limit: usize) -> String {
    let shown = text.replace('\0', "\\0");
    if shown.chars().count() <= limit {
        return shown;
    }
    let head: String = shown.chars().take(limit.saturating_sub(1)).collect();
    format!("{head}…")
}
