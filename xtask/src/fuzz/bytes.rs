//! Mutations of raw bytes, for any input: flips anywhere, truncation, interesting
//! integers over a header field, and a repeated block. On a zip workbook they mostly
//! test the container reader (a flip inside compressed data fails its CRC); on xls and
//! xlsb (compound files) they reach the sector tables and records.

use crate::fuzz::rng::Rng;

/// Little-endian integers that make sector counts, offsets and lengths absurd.
const INTERESTING_WORDS: [u32; 7] = [
    0xFFFF_FFFF,
    0xFFFF_FFFE,
    0x7FFF_FFFF,
    0x8000_0000,
    0x0001_0000,
    0x0000_FFFF,
    0,
];

/// The byte mutations, by name.
pub(crate) const BYTE_MUTATIONS: [&str; 4] =
    ["flip", "truncate", "interesting-word", "repeat-block"];

/// Applies one byte mutation, chosen at random, and describes it.
pub(crate) fn mutate_bytes(data: &mut Vec<u8>, rng: &mut Rng) -> String {
    let name = *rng.pick(&BYTE_MUTATIONS);
    apply_byte_mutation(name, data, rng)
}

/// Applies the byte mutation called `name` (one of [`BYTE_MUTATIONS`]).
pub(crate) fn apply_byte_mutation(name: &str, data: &mut Vec<u8>, rng: &mut Rng) -> String {
    if data.is_empty() {
        data.push(rng.below(256) as u8);
        return "an empty input became one byte".to_owned();
    }
    match name {
        "truncate" => {
            let length = rng.below(data.len());
            data.truncate(length);
            format!("truncated to {length} of its bytes")
        }
        "interesting-word" => {
            let word = *rng.pick(&INTERESTING_WORDS);
            let offset = rng.below(data.len().div_ceil(4)) * 4;
            for (byte_idx, byte) in word.to_le_bytes().into_iter().enumerate() {
                if let Some(slot) = data.get_mut(offset + byte_idx) {
                    *slot = byte;
                }
            }
            format!("wrote 0x{word:08X} at offset {offset}")
        }
        "repeat-block" => {
            let start = rng.below(data.len());
            let length = rng.between(1, (data.len() - start).min(4_096));
            let n_copies = rng.between(1, 64);
            let block = data[start..start + length].repeat(n_copies);
            data.splice(start..start, block);
            format!("repeated the {length} bytes at offset {start} {n_copies} more times")
        }
        _ => {
            let n_flips = rng.between(1, 16);
            let mut offsets = Vec::with_capacity(n_flips);
            for _ in 0..n_flips {
                let offset = rng.below(data.len());
                data[offset] ^= rng.between(1, 255) as u8;
                offsets.push(offset);
            }
            offsets.sort_unstable();
            format!("flipped bytes at offsets {offsets:?}")
        }
    }
}
