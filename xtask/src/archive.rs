//! A zip container (xlsx, xlsm, ods) as a list of parts in memory: read, change a
//! part, write back with each part's original compression (an ods `mimetype` must stay
//! stored and first). Also what "the same workbook" means for the freshness checks:
//! the same parts with the same bytes, whatever the compressor made of them.

use std::io::{Cursor, Read, Write};

use anyhow::Context;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// The parts of a zip container, in their original order.
#[derive(Debug, Clone)]
pub(crate) struct Archive {
    /// The parts.
    pub(crate) parts: Vec<Part>,
}

/// One member of a zip container.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// Its path in the container, e.g. `xl/worksheets/sheet1.xml`.
    pub(crate) name: String,
    /// Its uncompressed bytes.
    pub(crate) data: Vec<u8>,
    /// Stored without compression.
    pub(crate) stored: bool,
}

/// The workbook formats built on zip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// Office Open XML: xlsx, xlsm.
    OfficeOpenXml,
    /// OpenDocument: ods.
    OpenDocument,
    /// Some other zip (or a container missing its workbook part).
    Other,
}

impl Archive {
    /// Reads a zip container, or `None` when the bytes are not one that the `zip`
    /// crate reads completely.
    pub(crate) fn read(bytes: &[u8]) -> Option<Archive> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let mut parts = Vec::with_capacity(archive.len());
        for part_idx in 0..archive.len() {
            let mut file = archive.by_index(part_idx).ok()?;
            if file.is_dir() {
                continue;
            }
            let mut data = Vec::new();
            file.read_to_end(&mut data).ok()?;
            parts.push(Part {
                name: file.name().ok()?.into_owned(),
                stored: file.compression() == CompressionMethod::Stored,
                data,
            });
        }
        Some(Archive { parts })
    }

    /// Whether two files hold the same content: the same bytes, or two zip containers
    /// with the same parts, in the same order, with the same uncompressed bytes
    /// (however each part is compressed).
    ///
    /// Deflate output is not the same on every machine (the deflate library picks
    /// code paths by CPU features: a panel workbook unchanged on one machine came out
    /// with other bytes on CI's), so a generated workbook is compared by its parts,
    /// never by its compressed bytes.
    pub(crate) fn same_content(left: &[u8], right: &[u8]) -> bool {
        Archive::difference(left, right).is_none()
    }

    /// Where two files differ in content (see [`Archive::same_content`]), said for a
    /// person: the first part missing or changed, and the first changed bytes.
    pub(crate) fn difference(left: &[u8], right: &[u8]) -> Option<String> {
        if left == right {
            return None;
        }
        let (Some(left), Some(right)) = (Archive::read(left), Archive::read(right)) else {
            return Some(format!(
                "bytes differ from byte {}",
                first_difference(left, right)
            ));
        };
        let names = |archive: &Archive| {
            archive
                .parts
                .iter()
                .map(|part| part.name.clone())
                .collect::<Vec<_>>()
        };
        if names(&left) != names(&right) {
            return Some(format!(
                "parts differ: {:?} against {:?}",
                names(&left),
                names(&right)
            ));
        }
        left.parts
            .iter()
            .zip(&right.parts)
            .find(|(left, right)| left.data != right.data)
            .map(|(left, right)| {
                let at = first_difference(&left.data, &right.data);
                let around = |data: &[u8]| {
                    let from = at.saturating_sub(40);
                    let to = (at + 40).min(data.len());
                    String::from_utf8_lossy(data.get(from..to).unwrap_or_default()).into_owned()
                };
                format!(
                    "part {} differs from byte {at}: {:?} against {:?}",
                    left.name,
                    around(&left.data),
                    around(&right.data)
                )
            })
    }

    /// Writes the container.
    ///
    /// # Errors
    ///
    /// When the `zip` crate refuses a part (e.g. a duplicate name).
    pub(crate) fn write(&self) -> anyhow::Result<Vec<u8>> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for part in &self.parts {
            let method = if part.stored {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            let options = SimpleFileOptions::default()
                .compression_method(method)
                .large_file(u32::MAX as usize <= part.data.len());
            writer
                .start_file(part.name.as_str(), options)
                .with_context(|| format!("zipping {}", part.name))?;
            writer.write_all(&part.data)?;
        }
        Ok(writer.finish().context("finishing the zip")?.into_inner())
    }

    /// Which workbook format the container holds.
    pub(crate) fn flavor(&self) -> Flavor {
        if self.part("xl/workbook.xml").is_some() {
            Flavor::OfficeOpenXml
        } else if self.part("content.xml").is_some() {
            Flavor::OpenDocument
        } else {
            Flavor::Other
        }
    }

    /// The index of the part named `name`.
    pub(crate) fn part(&self, name: &str) -> Option<usize> {
        self.parts.iter().position(|part| part.name == name)
    }

    /// The indexes of the XML parts whose name satisfies `wanted`.
    pub(crate) fn xml_parts(&self, wanted: impl Fn(&str) -> bool) -> Vec<usize> {
        (0..self.parts.len())
            .filter(|&part_idx| {
                let name = &self.parts[part_idx].name;
                (name.ends_with(".xml") || name.ends_with(".rels")) && wanted(name)
            })
            .collect()
    }

    /// The worksheet parts: `xl/worksheets/*.xml` or `content.xml`.
    pub(crate) fn sheet_parts(&self) -> Vec<usize> {
        self.xml_parts(|name| name.starts_with("xl/worksheets/sheet") || name == "content.xml")
    }
}

/// The offset of the first byte where two byte strings differ (the shorter one's length
/// when one is a prefix of the other).
fn first_difference(left: &[u8], right: &[u8]) -> usize {
    left.iter()
        .zip(right)
        .position(|(left, right)| left != right)
        .unwrap_or(left.len().min(right.len()))
}

#[cfg(test)]
mod tests {
    use crate::archive::{Archive, Part};

    fn archive(stored: bool, sheet: &str) -> Vec<u8> {
        let part = |name: &str, text: &str| Part {
            name: name.to_owned(),
            data: text.repeat(50).into_bytes(),
            stored,
        };
        let parts = vec![
            part("[Content_Types].xml", "<Types/>"),
            part("xl/worksheets/sheet1.xml", sheet),
        ];
        Archive { parts }.write().unwrap()
    }

    #[test]
    fn workbooks_are_the_same_when_their_parts_are_whatever_the_compression() {
        let deflated = archive(false, "<row>1</row>");
        let stored = archive(true, "<row>1</row>");
        assert_ne!(deflated, stored);
        assert!(Archive::same_content(&deflated, &stored));
        let changed = Archive::difference(&deflated, &archive(false, "<row>2</row>"));
        assert!(
            changed.as_deref().is_some_and(
                |said| said.starts_with("part xl/worksheets/sheet1.xml differs from byte 5")
            ),
            "{changed:?}"
        );
    }

    #[test]
    fn other_files_are_compared_byte_for_byte() {
        assert!(Archive::same_content(b"# Report\n", b"# Report\n"));
        assert!(!Archive::same_content(b"# Report\n", b"# Report \n"));
        let workbook = archive(false, "<row>1</row>");
        assert!(!Archive::same_content(
            &workbook,
            &workbook[..workbook.len() - 1]
        ));
    }
}
