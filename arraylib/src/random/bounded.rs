//! Bounded random integers as NumPy draws them: masked rejection sampling (the legacy
//! `randint`, `shuffle` and `permutation`) and Lemire's multiply-shift method (`Generator`),
//! with the 8- and 16-bit draws carved out of buffered 32-bit words.

/// The raw streams a bit generator provides.
pub(crate) trait BitGen {
    /// 32 random bits.
    fn next_u32(&mut self) -> u32;
    /// 64 random bits.
    fn next_u64(&mut self) -> u64;
    /// A double in `[0, 1)`.
    fn next_double(&mut self) -> f64;
}

/// The smallest all-ones bit mask covering `max`.
pub(crate) fn gen_mask(max: u64) -> u64 {
    let mut mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    mask
}

/// A uniform integer in `[0, max]` by masked rejection (NumPy's `random_interval`, used by
/// `shuffle` and `permutation`).
pub(crate) fn random_interval<G: BitGen>(g: &mut G, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = gen_mask(max);
    if max <= 0xffff_ffff {
        loop {
            let v = g.next_u32() as u64 & mask;
            if v <= max {
                return v;
            }
        }
    } else {
        loop {
            let v = g.next_u64() & mask;
            if v <= max {
                return v;
            }
        }
    }
}

/// 32-bit word buffer shared by consecutive 8-, 16- and 1-bit draws of one fill.
#[derive(Default)]
struct Buffered {
    buf: u32,
    count: u32,
}

impl Buffered {
    #[inline]
    fn next_u16<G: BitGen>(&mut self, g: &mut G) -> u16 {
        if self.count == 0 {
            self.buf = g.next_u32();
            self.count = 1;
        } else {
            self.buf >>= 16;
            self.count -= 1;
        }
        self.buf as u16
    }

    #[inline]
    fn next_u8<G: BitGen>(&mut self, g: &mut G) -> u8 {
        if self.count == 0 {
            self.buf = g.next_u32();
            self.count = 3;
        } else {
            self.buf >>= 8;
            self.count -= 1;
        }
        self.buf as u8
    }

    #[inline]
    fn next_bit<G: BitGen>(&mut self, g: &mut G) -> bool {
        if self.count == 0 {
            self.buf = g.next_u32();
            self.count = 31;
        } else {
            self.buf >>= 1;
            self.count -= 1;
        }
        self.buf & 1 != 0
    }
}

#[inline]
fn lemire_u64<G: BitGen>(g: &mut G, rng: u64) -> u64 {
    let excl = rng + 1;
    let mut m = g.next_u64() as u128 * excl as u128;
    let mut leftover = m as u64;
    if leftover < excl {
        let threshold = (u64::MAX - rng) % excl;
        while leftover < threshold {
            m = g.next_u64() as u128 * excl as u128;
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

#[inline]
fn lemire_u32<G: BitGen>(g: &mut G, rng: u32) -> u32 {
    let excl = rng + 1;
    let mut m = g.next_u32() as u64 * excl as u64;
    let mut leftover = m as u32;
    if leftover < excl {
        let threshold = (u32::MAX - rng) % excl;
        while leftover < threshold {
            m = g.next_u32() as u64 * excl as u64;
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

#[inline]
fn masked_u32<G: BitGen>(g: &mut G, rng: u32, mask: u32) -> u32 {
    loop {
        let v = g.next_u32() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// How a fill rejects out-of-range draws.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// Masked rejection, as the legacy `RandomState` does.
    Masked,
    /// Lemire's method, as `Generator` does.
    Lemire,
}

/// How often long fills poll for a kernel interrupt.
pub(crate) const POLL: usize = 1 << 16;

fn fill_chunks<T>(out: &mut [T], mut f: impl FnMut(&mut T)) {
    for chunk in out.chunks_mut(POLL) {
        chunk.iter_mut().for_each(&mut f);
        crate::interrupt::check();
    }
}

/// Fills `out` with integers in `[off, off + rng]` (wrapping), as `random_bounded_uint64_fill`.
pub(crate) fn fill_u64<G: BitGen>(g: &mut G, off: u64, rng: u64, method: Method, out: &mut [u64]) {
    if rng == 0 {
        out.fill(off);
    } else if rng <= 0xffff_ffff {
        let r = rng as u32;
        match method {
            Method::Masked => {
                let mask = gen_mask(rng) as u32;
                fill_chunks(out, |o| {
                    *o = off.wrapping_add(masked_u32(g, r, mask) as u64)
                });
            }
            Method::Lemire => {
                fill_chunks(out, |o| *o = off.wrapping_add(lemire_u32(g, r) as u64));
            }
        }
    } else if rng == u64::MAX {
        fill_chunks(out, |o| *o = off.wrapping_add(g.next_u64()));
    } else {
        match method {
            Method::Masked => {
                let mask = gen_mask(rng);
                fill_chunks(out, |o| {
                    *o = off.wrapping_add(loop {
                        let v = g.next_u64() & mask;
                        if v <= rng {
                            break v;
                        }
                    })
                });
            }
            Method::Lemire => fill_chunks(out, |o| *o = off.wrapping_add(lemire_u64(g, rng))),
        }
    }
}

/// Fills `out` with integers in `[off, off + rng]`, as `random_bounded_uint32_fill`.
pub(crate) fn fill_u32<G: BitGen>(g: &mut G, off: u32, rng: u32, method: Method, out: &mut [u32]) {
    if rng == 0 {
        out.fill(off);
    } else if rng == u32::MAX {
        fill_chunks(out, |o| *o = off.wrapping_add(g.next_u32()));
    } else {
        match method {
            Method::Masked => {
                let mask = gen_mask(rng as u64) as u32;
                fill_chunks(out, |o| *o = off.wrapping_add(masked_u32(g, rng, mask)));
            }
            Method::Lemire => fill_chunks(out, |o| *o = off.wrapping_add(lemire_u32(g, rng))),
        }
    }
}

/// Fills `out` with integers in `[off, off + rng]`, as `random_bounded_uint16_fill`.
pub(crate) fn fill_u16<G: BitGen>(g: &mut G, off: u16, rng: u16, method: Method, out: &mut [u16]) {
    let mut b = Buffered::default();
    if rng == 0 {
        out.fill(off);
    } else if rng == u16::MAX {
        fill_chunks(out, |o| *o = off.wrapping_add(b.next_u16(g)));
    } else {
        match method {
            Method::Masked => {
                let mask = gen_mask(rng as u64) as u16;
                fill_chunks(out, |o| {
                    *o = off.wrapping_add(loop {
                        let v = b.next_u16(g) & mask;
                        if v <= rng {
                            break v;
                        }
                    })
                });
            }
            Method::Lemire => {
                let excl = rng as u32 + 1;
                let excl16 = rng.wrapping_add(1);
                fill_chunks(out, |o| {
                    let mut m = b.next_u16(g) as u32 * excl;
                    let mut leftover = m as u16;
                    if leftover < excl16 {
                        let threshold = (u16::MAX - rng) % excl16;
                        while leftover < threshold {
                            m = b.next_u16(g) as u32 * excl;
                            leftover = m as u16;
                        }
                    }
                    *o = off.wrapping_add((m >> 16) as u16);
                });
            }
        }
    }
}

/// Fills `out` with integers in `[off, off + rng]`, as `random_bounded_uint8_fill`.
pub(crate) fn fill_u8<G: BitGen>(g: &mut G, off: u8, rng: u8, method: Method, out: &mut [u8]) {
    let mut b = Buffered::default();
    if rng == 0 {
        out.fill(off);
    } else if rng == u8::MAX {
        fill_chunks(out, |o| *o = off.wrapping_add(b.next_u8(g)));
    } else {
        match method {
            Method::Masked => {
                let mask = gen_mask(rng as u64) as u8;
                fill_chunks(out, |o| {
                    *o = off.wrapping_add(loop {
                        let v = b.next_u8(g) & mask;
                        if v <= rng {
                            break v;
                        }
                    })
                });
            }
            Method::Lemire => {
                let excl = rng as u16 + 1;
                let excl8 = rng.wrapping_add(1);
                fill_chunks(out, |o| {
                    let mut m = b.next_u8(g) as u16 * excl;
                    let mut leftover = m as u8;
                    if leftover < excl8 {
                        let threshold = (u8::MAX - rng) % excl8;
                        while leftover < threshold {
                            m = b.next_u8(g) as u16 * excl;
                            leftover = m as u8;
                        }
                    }
                    *o = off.wrapping_add((m >> 8) as u8);
                });
            }
        }
    }
}

/// Fills `out` with booleans in `[off, off + rng]`, as `random_bounded_bool_fill`.
pub(crate) fn fill_bool<G: BitGen>(g: &mut G, off: bool, rng: bool, out: &mut [bool]) {
    let mut b = Buffered::default();
    if !rng {
        out.fill(off);
    } else {
        fill_chunks(out, |o| *o = b.next_bit(g));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(gen_mask(0), 0);
        assert_eq!(gen_mask(5), 7);
        assert_eq!(gen_mask(8), 15);
        assert_eq!(gen_mask(u64::MAX), u64::MAX);
    }
}
