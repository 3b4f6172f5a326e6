//! PCG64 (XSL-RR 128/64), the bit generator of `default_rng`, seeded through `SeedSequence`.

use super::bounded::BitGen;
use super::seed_sequence::SeedSequence;

const MULTIPLIER: u128 = (2_549_297_995_355_413_924u128 << 64) + 4_865_540_595_714_422_341;

/// A 128-bit LCG with a fixed odd increment; 64-bit outputs by xor-shift-low, random rotate.
#[derive(Clone)]
pub(crate) struct Pcg64 {
    state: u128,
    inc: u128,
    /// The upper half of the last 64-bit output, served by the next 32-bit draw.
    pending_u32: Option<u32>,
}

impl Pcg64 {
    /// Seeds as `PCG64(SeedSequence(entropy))`.
    pub(crate) fn from_entropy(entropy: &[u32]) -> Pcg64 {
        let s = SeedSequence::new(entropy).generate_u64(4);
        let initstate = (s[0] as u128) << 64 | s[1] as u128;
        let initseq = (s[2] as u128) << 64 | s[3] as u128;
        let mut g = Pcg64 {
            state: 0,
            inc: (initseq << 1) | 1,
            pending_u32: None,
        };
        g.step();
        g.state = g.state.wrapping_add(initstate);
        g.step();
        g
    }

    #[inline]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
    }
}

impl BitGen for Pcg64 {
    #[inline]
    fn next_u64(&mut self) -> u64 {
        self.step();
        let s = self.state;
        ((s >> 64) as u64 ^ s as u64).rotate_right((s >> 122) as u32)
    }

    #[inline]
    fn next_u32(&mut self) -> u32 {
        if let Some(v) = self.pending_u32.take() {
            return v;
        }
        let next = self.next_u64();
        self.pending_u32 = Some((next >> 32) as u32);
        next as u32
    }

    #[inline]
    fn next_double(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
}
