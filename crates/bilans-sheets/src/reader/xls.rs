//! A check of an `.xls` file before calamine reads it.
//!
//! calamine reads every sheet of an `.xls` when the file is opened, into dense grids, and
//! some malformed files make it loop over a sector chain until memory runs out or reserve
//! more memory than exists: those end the process and cannot be caught. This module
//! walks the OLE compound file (header, sector tables, directory, every stream's sector
//! chain) and the cell records of each sheet without building anything, and refuses a
//! file whose chains leave the file or loop, or whose sheets would be too large.

use crate::reader::{Limits, SheetExtent};

/// The end of a sector chain.
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Sector ids from here on are markers, not sectors.
const FIRST_MARKER: u32 = 0xFFFF_FFFA;
/// calamine keeps sector-table ids below this one (`DIFSECT`).
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
/// Streams shorter than this live in the mini stream.
const MINI_STREAM_CUTOFF: u64 = 4096;
const MINI_SECTOR_SIZE: usize = 64;

/// What was found in the workbook stream: each sheet's name and the extent of its cells.
pub(crate) fn check(bytes: &[u8], limits: &Limits) -> Result<Vec<SheetExtent>, String> {
    let container = Container::parse(bytes)?;
    let stream = container.workbook_stream()?;
    scan_workbook(&stream, limits)
}

struct Container<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    n_sectors: usize,
    fat: Vec<u32>,
    directory: Vec<Entry>,
    mini_fat: Vec<u32>,
    mini_stream: Vec<u8>,
}

struct Entry {
    name: String,
    kind: u8,
    start: u32,
    size: u64,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let slice = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([slice[0], slice[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let slice = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([slice[0], slice[1], slice[2], slice[3]]))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let low = u32_at(bytes, at)?;
    let high = u32_at(bytes, at.checked_add(4)?)?;
    Some(u64::from(low) | (u64::from(high) << 32))
}

fn u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|word| u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
}

impl<'a> Container<'a> {
    fn parse(bytes: &'a [u8]) -> Result<Container<'a>, String> {
        let header = |what: &str| format!("the compound-file header is damaged ({what})");
        let shift = u16_at(bytes, 0x1E).ok_or_else(|| header("too short"))?;
        let sector_size = match shift {
            9 => 512,
            12 => 4096,
            _ => return Err(header("sector size")),
        };
        let n_sectors = bytes
            .len()
            .saturating_sub(sector_size)
            .div_ceil(sector_size);
        let mut container = Container {
            bytes,
            sector_size,
            n_sectors,
            fat: Vec::new(),
            directory: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
        };
        // The sector-allocation table: its sector ids are listed in the header, then in a
        // chain of further sectors whose last word points to the next.
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|index| u32_at(bytes, 0x4C + 4 * index))
            .collect();
        let mut next = u32_at(bytes, 0x44).ok_or_else(|| header("too short"))?;
        let mut n_hops = 0;
        while next < FIRST_MARKER {
            n_hops += 1;
            if container.n_sectors < n_hops {
                return Err("the sector table's chain loops".to_owned());
            }
            let sector = container.sector(next)?;
            fat_sectors.extend(u32s(sector));
            next = fat_sectors.pop().unwrap_or(END_OF_CHAIN);
        }
        for id in fat_sectors.into_iter().filter(|id| *id < DIFAT_SECTOR) {
            let sector = container.sector(id)?;
            container.fat.extend(u32s(sector));
        }
        let directory_start = u32_at(bytes, 0x30).ok_or_else(|| header("too short"))?;
        let directory = container.chain_bytes(directory_start, u64::MAX)?;
        container.directory = directory
            .chunks_exact(128)
            .map(|entry| Entry::parse(entry, sector_size))
            .collect();
        let Some(root) = container.directory.first() else {
            return Err("the compound file has no directory".to_owned());
        };
        let (root_start, root_size) = (root.start, root.size);
        let n_mini_fat = u32_at(bytes, 0x40).ok_or_else(|| header("too short"))?;
        if 0 < n_mini_fat {
            let mini_fat_start = u32_at(bytes, 0x3C).ok_or_else(|| header("too short"))?;
            let mini_fat_bytes = u64::from(n_mini_fat).saturating_mul(sector_size as u64);
            let mini_fat = container.chain_bytes(mini_fat_start, mini_fat_bytes)?;
            container.mini_fat = u32s(&mini_fat).collect();
            container.mini_stream = container.chain_bytes(root_start, root_size)?;
        }
        for index in 1..container.directory.len() {
            let entry = &container.directory[index];
            if entry.kind == 2 {
                let (start, size) = (entry.start, entry.size);
                container.stream(start, size)?;
            }
        }
        Ok(container)
    }

    /// Sector `id`; the last one may be short.
    fn sector(&self, id: u32) -> Result<&'a [u8], String> {
        let index = usize::try_from(id).unwrap_or(usize::MAX);
        if self.n_sectors <= index {
            return Err(format!(
                "sector {id} is beyond the end of the file ({} sectors)",
                self.n_sectors
            ));
        }
        let start = (index + 1) * self.sector_size;
        let end = (start + self.sector_size).min(self.bytes.len());
        Ok(&self.bytes[start..end])
    }

    /// The bytes of the chain from `start`, at most `size` of them.
    fn chain_bytes(&self, start: u32, size: u64) -> Result<Vec<u8>, String> {
        let mut data = Vec::new();
        let mut seen = vec![false; self.n_sectors];
        let mut id = start;
        while id != END_OF_CHAIN && (data.len() as u64) < size {
            let index = usize::try_from(id).unwrap_or(usize::MAX);
            let Some(next) = self.fat.get(index) else {
                return Err(format!(
                    "a sector chain points to sector {id}, outside the sector table"
                ));
            };
            let sector = self.sector(id)?;
            if std::mem::replace(&mut seen[index], true) {
                return Err(format!("a sector chain loops back to sector {id}"));
            }
            let remaining = usize::try_from(size - data.len() as u64).unwrap_or(usize::MAX);
            data.extend_from_slice(&sector[..sector.len().min(remaining)]);
            id = *next;
        }
        Ok(data)
    }

    /// A stream's bytes, from the mini stream when it is short.
    fn stream(&self, start: u32, size: u64) -> Result<Vec<u8>, String> {
        if MINI_STREAM_CUTOFF <= size {
            return self.chain_bytes(start, size);
        }
        let n_mini_sectors = self.mini_stream.len().div_ceil(MINI_SECTOR_SIZE);
        let mut data = Vec::new();
        let mut seen = vec![false; n_mini_sectors];
        let mut id = start;
        while id != END_OF_CHAIN && (data.len() as u64) < size {
            let index = usize::try_from(id).unwrap_or(usize::MAX);
            let (Some(next), true) = (self.mini_fat.get(index), index < n_mini_sectors) else {
                return Err(format!(
                    "a short stream points to mini sector {id}, outside the mini stream"
                ));
            };
            if std::mem::replace(&mut seen[index], true) {
                return Err(format!("a short stream loops back to mini sector {id}"));
            }
            let begin = index * MINI_SECTOR_SIZE;
            let end = (begin + MINI_SECTOR_SIZE).min(self.mini_stream.len());
            let remaining = usize::try_from(size - data.len() as u64).unwrap_or(usize::MAX);
            let sector = &self.mini_stream[begin..end];
            data.extend_from_slice(&sector[..sector.len().min(remaining)]);
            id = *next;
        }
        Ok(data)
    }

    /// The `Workbook` (or, before Excel 97, `Book`) stream, the one calamine reads.
    fn workbook_stream(&self) -> Result<Vec<u8>, String> {
        for name in ["Workbook", "Book"] {
            if let Some(entry) = self
                .directory
                .iter()
                .find(|entry| entry.name.eq_ignore_ascii_case(name))
            {
                return self.stream(entry.start, entry.size);
            }
        }
        Err("there is no Workbook stream".to_owned())
    }
}

impl Entry {
    fn parse(bytes: &[u8], sector_size: usize) -> Entry {
        let units: Vec<u16> = bytes[..64]
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .take_while(|unit| *unit != 0)
            .collect();
        let size = if sector_size == 512 {
            u32_at(bytes, 120).map(u64::from)
        } else {
            u64_at(bytes, 120)
        };
        Entry {
            name: String::from_utf16_lossy(&units),
            kind: bytes[66],
            start: u32_at(bytes, 116).unwrap_or(END_OF_CHAIN),
            size: size.unwrap_or(0),
        }
    }
}

/// One BIFF record: its type and data.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, data))
    })
}

/// The sheets listed in the workbook globals, and the extent of each one's cells.
fn scan_workbook(stream: &[u8], limits: &Limits) -> Result<Vec<SheetExtent>, String> {
    let mut sheets = Vec::new();
    for (kind, data) in records(stream, 0) {
        match kind {
            // BoundSheet8: the stream position of the sheet, its state and type, its name.
            0x0085 => {
                let position = u32_at(data, 0).unwrap_or(u32::MAX);
                sheets.push((position, sheet_name(data)));
            }
            0x000A => break,
            _ => (),
        }
    }
    let mut extents = Vec::new();
    for (position, name) in sheets {
        let from = usize::try_from(position).unwrap_or(usize::MAX);
        extents.push(scan_sheet(stream, from, name, limits)?);
    }
    Ok(extents)
}

fn sheet_name(data: &[u8]) -> String {
    let Some(&n_chars) = data.get(6) else {
        return String::new();
    };
    let n_chars = usize::from(n_chars);
    match data.get(7) {
        // BIFF8: a flags byte, then 8-bit or UTF-16 characters.
        Some(flags) if flags & 1 == 1 && data.len() == 8 + 2 * n_chars => {
            let units: Vec<u16> = data[8..]
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Some(_) if data.len() == 8 + n_chars => data[8..].iter().map(|b| char::from(*b)).collect(),
        // BIFF5: the characters follow the count.
        _ => data
            .get(7..)
            .unwrap_or_default()
            .iter()
            .take(n_chars)
            .map(|b| char::from(*b))
            .collect(),
    }
}

/// The extent of the cells of the sheet whose BOF is at `from`, as calamine reads them.
fn scan_sheet(
    stream: &[u8],
    from: usize,
    name: String,
    limits: &Limits,
) -> Result<SheetExtent, String> {
    let mut extent = SheetExtent::new(name);
    let mut seen_bof = false;
    let mut depth = 0_usize;
    for (kind, data) in records(stream, from) {
        if 0 < depth {
            match kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => (),
            }
            continue;
        }
        let position = || (u16_at(data, 0), u16_at(data, 2));
        match kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            // Dimensions: calamine reserves room for this many cells.
            0x0200 => {
                let (first_row, last_row) = match data.len() {
                    10 => (
                        u16_at(data, 0).map(u32::from),
                        u16_at(data, 2).map(u32::from),
                    ),
                    14 | 16 => (u32_at(data, 0), u32_at(data, 4)),
                    _ => (None, None),
                };
                let (Some(first_row), Some(last_row)) = (first_row, last_row) else {
                    continue;
                };
                if !(first_row <= last_row && last_row <= limits.xls_rows) {
                    return Err(format!(
                        "sheet `{}`: its declared dimensions (rows {first_row} to {last_row}) are impossible in an .xls (at most {} rows)",
                        extent.name, limits.xls_rows
                    ));
                }
            }
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: one cell each.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(column)) = position() {
                    extent.add(u64::from(row), u64::from(column));
                }
            }
            // MulRk: a run of cells in one row.
            0x00BD => {
                let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                if let ((Some(row), Some(first)), Some(last)) = (position(), last)
                    && first <= last
                {
                    extent.add(u64::from(row), u64::from(first));
                    extent.add(u64::from(row), u64::from(last));
                }
            }
            _ => (),
        }
    }
    Ok(extent)
}
