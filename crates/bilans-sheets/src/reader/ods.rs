//! A scan of an `.ods` file's `content.xml` before calamine reads it.
//!
//! calamine reads every table of an ods when the file is opened and expands repeated
//! cells and rows (`table:number-columns-repeated`, `table:number-rows-repeated`) into
//! dense grids, so a few bytes can ask for billions of cells. This scan streams the XML
//! and measures, per table, the extent of the cells that hold something, as calamine will
//! expand them, without building anything.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use crate::reader::SheetExtent;

/// The extent of every table in `content`, in document order, and the number of cells
/// calamine materialises before trimming (every row up to its last value).
pub(crate) fn scan(content: impl Read) -> Result<(Vec<SheetExtent>, u64), String> {
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buffer = Vec::new();
    let mut skipped = Vec::new();
    let mut tables = Vec::new();
    let mut materialised: u64 = 0;
    // The current table, row (its first expanded index and repeat count) and column.
    let mut table: Option<SheetExtent> = None;
    let mut row: u64 = 0;
    let mut row_repeats: u64 = 1;
    let mut column: u64 = 0;
    let mut row_cells: Option<(u64, u64)> = None;
    loop {
        buffer.clear();
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|error| format!("content.xml is not well-formed ({error})"))?;
        match event {
            Event::Start(element) | Event::Empty(element)
                if element.name().as_ref() == "table:table" =>
            {
                let name = attribute(&element, "table:name").unwrap_or_default();
                table = Some(SheetExtent::new(name));
                row = 0;
            }
            Event::End(element) if element.name().as_ref() == "table:table" => {
                tables.extend(table.take());
            }
            Event::Start(element) | Event::Empty(element)
                if element.name().as_ref() == "table:table-row" =>
            {
                row_repeats = repeats(&element, "table:number-rows-repeated");
                column = 0;
                row_cells = None;
            }
            Event::End(element) if element.name().as_ref() == "table:table-row" => {
                if let (Some(extent), Some((first, end))) = (table.as_mut(), row_cells.take()) {
                    let last_row = row.saturating_add(row_repeats - 1);
                    extent.add(row, first);
                    extent.add(last_row, end - 1);
                    materialised = materialised.saturating_add(end);
                }
                row = row.saturating_add(row_repeats);
            }
            Event::Start(ref element) | Event::Empty(ref element)
                if matches!(
                    element.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let n_columns = repeats(element, "table:number-columns-repeated");
                let has_content = matches!(event, Event::Start(_));
                let holds_value = has_content
                    || element.attributes().with_checks(false).flatten().any(|a| {
                        matches!(
                            a.key.as_ref(),
                            "office:value-type"
                                | "office:value"
                                | "office:string-value"
                                | "office:date-value"
                                | "office:time-value"
                                | "office:boolean-value"
                                | "table:formula"
                        )
                    });
                if holds_value {
                    let end = column.saturating_add(n_columns);
                    row_cells = Some(match row_cells {
                        Some((first, _)) => (first, end),
                        None => (column, end),
                    });
                }
                column = column.saturating_add(n_columns);
                if has_content {
                    let name = element.name().as_ref().to_owned();
                    skipped.clear();
                    reader
                        .read_to_end_into(QName(&name), &mut skipped)
                        .map_err(|error| format!("content.xml is not well-formed ({error})"))?;
                }
            }
            Event::Eof => break,
            _ => (),
        }
    }
    Ok((tables, materialised))
}

fn attribute(element: &BytesStart<'_>, key: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|attribute| attribute.key.as_ref() == key)
        .map(|attribute| attribute.value.into_owned())
}

/// A repeat count; at least 1 (calamine refuses one that is not a number).
fn repeats(element: &BytesStart<'_>, key: &str) -> u64 {
    attribute(element, key)
        .and_then(|text| text.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}
