//! A zip container (xlsx, xlsm, ods) as a list of parts in memory: read, change a
//! part, write back with each part's original compression (an ods `mimetype` must stay
//! stored and first).

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
