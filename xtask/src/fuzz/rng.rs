//! A small deterministic pseudo-random generator (SplitMix64), so that a seed and a
//! case number always give the same mutated input, on every machine and every Rust
//! version (a registry generator may change its stream between releases).

/// SplitMix64: one 64-bit state, advanced by a fixed odd constant and mixed.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    /// The generator of case `case_idx` of a run seeded with `seed`: each case has its
    /// own stream, so a case can be regenerated without the ones before it.
    pub(crate) fn for_case(seed: u64, case_idx: u64) -> Rng {
        let mut mixer = Rng { state: seed };
        let base = mixer.next_u64();
        Rng {
            state: base ^ case_idx.wrapping_mul(0xD6E8_FEB8_6659_FD93),
        }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be zero. (The modulo bias is irrelevant here.)
    pub(crate) fn below(&mut self, n: usize) -> usize {
        assert!(0 < n, "Rng::below(0)");
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `numerator / denominator`.
    pub(crate) fn chance(&mut self, numerator: usize, denominator: usize) -> bool {
        self.below(denominator) < numerator
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
