//! A vectorized quicksort of `u64` keys for CPUs with AVX-512, optionally moving a `u64`
//! payload (an index) with each key: the engine of `sort` and `argsort` for every dtype that
//! maps to order-preserving integer keys.
//!
//! NumPy sorts with x86-simd-sort on such CPUs, about five times faster than a scalar
//! comparison sort. The scheme here is the same kind:
//! - partitioning compares eight keys at once against the pivot and writes the smaller ones
//!   to the left end and the others to the right end of a free gap, reordering lanes in
//!   registers (the store form of `vpcompressq` is slow on some CPUs);
//! - blocks of at most [`SMALL`] keys are sorted by a bitonic network held in registers;
//! - the pivot is the median of eight keys sampled across the range, and a range that
//!   recurses too deep goes to the standard library's sort, so the worst case stays
//!   `O(n log n)`.
//!
//! Equal keys end up in no particular order; `argsort` restores index order within runs of
//! equal keys afterwards.

/// True if this CPU has the vectorized sort (AVX-512).
pub(crate) fn available() -> bool {
    imp::available()
}

/// A map between eight-byte numbers (as bits) and sort keys, in either direction:
/// `x ^ (xor ^ (fill & and))`, where `fill` is all ones when the top bit of `x` is set and
/// zero otherwise. Covers every eight-byte number: nothing for `u64`, the sign bit for `i64`,
/// and the IEEE total order for `f64`. The sort applies the map back as each part of the
/// array gets its final place, which saves a pass over the array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeyMap {
    pub(crate) and: u64,
    pub(crate) xor: u64,
}

impl KeyMap {
    /// Bits stay as they are.
    pub(crate) const NONE: KeyMap = KeyMap { and: 0, xor: 0 };

    /// The image of one number or key.
    #[inline]
    pub(crate) fn apply(self, x: u64) -> u64 {
        let fill = ((x as i64) >> 63) as u64;
        x ^ (self.xor ^ (fill & self.and))
    }
}

/// Writes the keys (by `map`) of the `n` numbers at `src` to `dst`, which may be `src`
/// itself, and returns how many; when `floats`, NaNs get no key and their bits are pushed
/// to `nans` instead. Only on CPUs where [`available`] is true.
///
/// # Safety
/// `src` and `dst` cover `n` elements, `src` initialized.
pub(crate) unsafe fn to_keys(
    src: *const u64,
    dst: *mut u64,
    n: usize,
    map: KeyMap,
    floats: bool,
    nans: &mut Vec<u64>,
) -> usize {
    // SAFETY: passed on from the caller.
    unsafe { imp::to_keys(src, dst, n, map, floats, nans) }
}

/// Sorts `keys` ascending, then maps them by `map_back`. Only on CPUs where [`available`] is
/// true.
pub(crate) fn sort_u64(keys: &mut [u64], map_back: KeyMap) {
    imp::sort(keys, None, map_back)
}

/// Sorts `keys` ascending, applying the same permutation to `vals` (same length), with equal
/// keys in no particular order. Only on CPUs where [`available`] is true.
pub(crate) fn sort_u64_pairs(keys: &mut [u64], vals: &mut [u64]) {
    assert_eq!(keys.len(), vals.len());
    imp::sort(keys, Some(vals), KeyMap::NONE)
}

/// Blocks of at most this many keys (16 vectors) are sorted by the bitonic network: measured,
/// 128 beats 256, whose 32 vectors do not fit in the 32 registers with the network's
/// temporaries.
const SMALL: usize = 128;

#[cfg(not(target_arch = "x86_64"))]
mod imp {
    pub(super) fn sort(_keys: &mut [u64], _vals: Option<&mut [u64]>, _map_back: super::KeyMap) {
        unreachable!("the vectorized sort needs AVX-512");
    }

    pub(super) fn available() -> bool {
        false
    }

    pub(super) unsafe fn to_keys(
        _src: *const u64,
        _dst: *mut u64,
        _n: usize,
        _map: super::KeyMap,
        _floats: bool,
        _nans: &mut Vec<u64>,
    ) -> usize {
        unreachable!("the vectorized sort needs AVX-512");
    }
}

#[cfg(target_arch = "x86_64")]
mod imp {
    use super::{KeyMap, SMALL};
    use std::arch::x86_64::*;

    pub(super) fn available() -> bool {
        is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("popcnt")
    }

    pub(super) fn sort(keys: &mut [u64], vals: Option<&mut [u64]>, map_back: KeyMap) {
        // The kernels below would be undefined behaviour without AVX-512.
        assert!(available(), "the vectorized sort needs AVX-512");
        let n = keys.len();
        let depth = 2 * (usize::BITS - n.leading_zeros()) + 4;
        // SAFETY: the CPU has AVX-512F (checked above); the pointers cover `n` elements.
        unsafe {
            match vals {
                None => {
                    quicksort::<false>(keys.as_mut_ptr(), std::ptr::null_mut(), n, depth, map_back)
                }
                Some(v) => quicksort::<true>(keys.as_mut_ptr(), v.as_mut_ptr(), n, depth, map_back),
            }
        }
    }

    #[target_feature(enable = "avx512f,popcnt")]
    pub(super) unsafe fn to_keys(
        src: *const u64,
        dst: *mut u64,
        n: usize,
        map: KeyMap,
        floats: bool,
        nans: &mut Vec<u64>,
    ) -> usize {
        const ABS: u64 = !(1 << 63);
        const INF: u64 = 0x7ff0_0000_0000_0000;
        let (and, xor) = (
            _mm512_set1_epi64(map.and as i64),
            _mm512_set1_epi64(map.xor as i64),
        );
        let (abs, inf) = (_mm512_set1_epi64(ABS as i64), _mm512_set1_epi64(INF as i64));
        let mut m = 0;
        let mut i = 0;
        // SAFETY (whole loop): reads stay below `n`; a store at `m <= i` writes slots that
        // are already read, as the keys written never outnumber the numbers read.
        unsafe {
            while i + 8 <= n {
                let x = _mm512_loadu_si512(src.add(i).cast());
                let key = apply(x, and, xor);
                let nan = if floats {
                    _mm512_cmpgt_epu64_mask(_mm512_and_si512(x, abs), inf)
                } else {
                    0
                };
                if nan == 0 {
                    _mm512_storeu_si512(dst.add(m).cast(), key);
                    m += 8;
                } else {
                    let mut bits = [0u64; 8];
                    _mm512_storeu_si512(bits.as_mut_ptr().cast(), x);
                    nans.extend((0..8).filter(|j| nan >> j & 1 == 1).map(|j| bits[j]));
                    let keep = !nan;
                    _mm512_storeu_si512(dst.add(m).cast(), _mm512_maskz_compress_epi64(keep, key));
                    m += keep.count_ones() as usize;
                }
                i += 8;
            }
            for i in i..n {
                let x = src.add(i).read();
                if floats && x & ABS > INF {
                    nans.push(x);
                } else {
                    dst.add(m).write(map.apply(x));
                    m += 1;
                }
            }
        }
        m
    }

    /// [`KeyMap::apply`] to eight lanes.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn apply(x: __m512i, and: __m512i, xor: __m512i) -> __m512i {
        let fill = _mm512_srai_epi64::<63>(x);
        _mm512_xor_si512(x, _mm512_ternarylogic_epi64::<0x78>(xor, fill, and))
    }

    /// Eight keys and, when `P`, their eight payloads.
    #[derive(Clone, Copy)]
    struct Lanes {
        k: __m512i,
        v: __m512i,
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    unsafe fn load<const P: bool>(k: *const u64, v: *const u64, i: usize) -> Lanes {
        unsafe {
            Lanes {
                k: _mm512_loadu_si512(k.add(i).cast()),
                v: if P {
                    _mm512_loadu_si512(v.add(i).cast())
                } else {
                    _mm512_setzero_si512()
                },
            }
        }
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    unsafe fn store<const P: bool>(k: *mut u64, v: *mut u64, i: usize, x: Lanes) {
        unsafe {
            _mm512_storeu_si512(k.add(i).cast(), x.k);
            if P {
                _mm512_storeu_si512(v.add(i).cast(), x.v);
            }
        }
    }

    /// Stores the lanes of `mask` only.
    #[inline]
    #[target_feature(enable = "avx512f")]
    unsafe fn store_lanes<const P: bool>(
        k: *mut u64,
        v: *mut u64,
        i: usize,
        x: Lanes,
        mask: __mmask8,
    ) {
        unsafe {
            _mm512_mask_storeu_epi64(k.add(i).cast(), mask, x.k);
            if P {
                _mm512_mask_storeu_epi64(v.add(i).cast(), mask, x.v);
            }
        }
    }

    /// `f` applied to the keys and, when `P`, to the payloads, so that payloads move with
    /// their keys.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn each<const P: bool>(x: Lanes, f: impl Fn(__m512i) -> __m512i) -> Lanes {
        Lanes {
            k: f(x.k),
            v: if P { f(x.v) } else { x.v },
        }
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn permute<const P: bool>(x: Lanes, idx: __m512i) -> Lanes {
        each::<P>(x, |r| _mm512_permutexvar_epi64(idx, r))
    }

    /// Lanes of `b` where `mask` is set, of `a` elsewhere.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn blend<const P: bool>(mask: __mmask8, a: Lanes, b: Lanes) -> Lanes {
        Lanes {
            k: _mm512_mask_blend_epi64(mask, a.k, b.k),
            v: if P {
                _mm512_mask_blend_epi64(mask, a.v, b.v)
            } else {
                a.v
            },
        }
    }

    /// The lanes of `mask`, moved to the low end in order.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn compress<const P: bool>(x: Lanes, mask: __mmask8) -> Lanes {
        each::<P>(x, |r| _mm512_maskz_compress_epi64(mask, r))
    }

    /// The low lanes of `x`, moved in order to the lanes of `mask`.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn expand<const P: bool>(x: Lanes, mask: __mmask8) -> Lanes {
        each::<P>(x, |r| _mm512_maskz_expand_epi64(mask, r))
    }

    /// `(min, max)` lane by lane.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn min_max<const P: bool>(a: Lanes, b: Lanes) -> (Lanes, Lanes) {
        if P {
            let b_less = _mm512_cmplt_epu64_mask(b.k, a.k);
            (blend::<P>(b_less, a, b), blend::<P>(b_less, b, a))
        } else {
            let lo = Lanes {
                k: _mm512_min_epu64(a.k, b.k),
                v: a.v,
            };
            let hi = Lanes {
                k: _mm512_max_epu64(a.k, b.k),
                v: a.v,
            };
            (lo, hi)
        }
    }

    /// How lanes meet their partners in one layer of compare-exchanges inside a vector.
    #[derive(Clone, Copy)]
    enum Partner {
        /// Lane `i` meets lane `i ^ 1` (and so on): shuffles with an immediate operand, which
        /// need no index vector in a register.
        Xor1,
        Xor2,
        Xor3,
        Xor4,
        Xor7,
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn shuffle(x: __m512i, partner: Partner) -> __m512i {
        match partner {
            Partner::Xor1 => _mm512_permutex_epi64::<0b10_11_00_01>(x),
            Partner::Xor2 => _mm512_permutex_epi64::<0b01_00_11_10>(x),
            Partner::Xor3 => _mm512_permutex_epi64::<0b00_01_10_11>(x),
            Partner::Xor4 => _mm512_shuffle_i64x2::<0b01_00_11_10>(x, x),
            Partner::Xor7 => {
                let x = _mm512_permutex_epi64::<0b00_01_10_11>(x);
                _mm512_shuffle_i64x2::<0b01_00_11_10>(x, x)
            }
        }
    }

    /// One layer of compare-exchanges inside a vector: each lane meets its `partner`, and
    /// the lanes in `upper` (the higher index of each pair) keep the larger key.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn layer<const P: bool>(x: Lanes, partner: Partner, upper: __mmask8) -> Lanes {
        let y = each::<P>(x, |r| shuffle(r, partner));
        if P {
            // Take the partner only when strictly smaller (lower lanes) or strictly larger
            // (upper lanes), so that equal keys keep their own payloads.
            let take = (!upper & _mm512_cmplt_epu64_mask(y.k, x.k))
                | (upper & _mm512_cmpgt_epu64_mask(y.k, x.k));
            blend::<P>(take, x, y)
        } else {
            let (lo, hi) = min_max::<P>(x, y);
            blend::<P>(upper, lo, hi)
        }
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn reverse<const P: bool>(x: Lanes) -> Lanes {
        each::<P>(x, |r| shuffle(r, Partner::Xor7))
    }

    /// Sorts the eight lanes (bitonic, every merge ascending with a flip first).
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn sort8<const P: bool>(x: Lanes) -> Lanes {
        let x = layer::<P>(x, Partner::Xor1, 0b1010_1010);
        let x = layer::<P>(x, Partner::Xor3, 0b1100_1100);
        let x = layer::<P>(x, Partner::Xor1, 0b1010_1010);
        let x = layer::<P>(x, Partner::Xor7, 0b1111_0000);
        let x = layer::<P>(x, Partner::Xor2, 0b1100_1100);
        layer::<P>(x, Partner::Xor1, 0b1010_1010)
    }

    /// The in-vector half-cleaners that end a bitonic merge: distances 4, 2, 1.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn clean8<const P: bool>(x: Lanes) -> Lanes {
        let x = layer::<P>(x, Partner::Xor4, 0b1111_0000);
        let x = layer::<P>(x, Partner::Xor2, 0b1100_1100);
        layer::<P>(x, Partner::Xor1, 0b1010_1010)
    }

    // The network's steps take their sizes as const parameters and each is one loop with
    // a constant trip count, small enough for LLVM to unroll whole; the vectors then stay
    // in registers instead of an array in memory.

    /// Merges the sorted runs of `W` vectors in `r` pairwise into sorted runs of `2 * W`.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn merge_runs<const P: bool, const N: usize, const W: usize>(r: &mut [Lanes; N]) {
        // The second run, reversed, against the first: the halves of a bitonic sequence.
        for t in 0..N / 2 {
            let (run, i) = (t / W, t % W);
            let (a, b) = (2 * W * run + i, 2 * W * run + 2 * W - 1 - i);
            let (lo, hi) = min_max::<P>(r[a], reverse::<P>(r[b]));
            r[a] = lo;
            r[b] = reverse::<P>(hi);
        }
        if W >= 16 {
            half_clean::<P, N, 8>(r);
        }
        if W >= 8 {
            half_clean::<P, N, 4>(r);
        }
        if W >= 4 {
            half_clean::<P, N, 2>(r);
        }
        if W >= 2 {
            half_clean::<P, N, 1>(r);
        }
        for x in r.iter_mut() {
            *x = clean8::<P>(*x);
        }
    }

    /// Compare-exchanges vectors `D` apart within runs of `2 * D`.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn half_clean<const P: bool, const N: usize, const D: usize>(r: &mut [Lanes; N]) {
        for t in 0..N / 2 {
            let a = (t / D) * 2 * D + t % D;
            let (lo, hi) = min_max::<P>(r[a], r[a + D]);
            r[a] = lo;
            r[a + D] = hi;
        }
    }

    /// Sorts `n <= 8 * N` elements with a network over `N` vectors (a power of two), the
    /// missing lanes padded with the largest key.
    #[inline]
    #[target_feature(enable = "avx512f")]
    unsafe fn network<const P: bool, const N: usize>(
        k: *mut u64,
        v: *mut u64,
        n: usize,
        map_back: KeyMap,
    ) {
        let pad = _mm512_set1_epi64(-1);
        let mut r = [Lanes { k: pad, v: pad }; N];
        for (i, x) in r.iter_mut().enumerate() {
            let valid = n.saturating_sub(8 * i).min(8);
            let mask = ((1u32 << valid) - 1) as __mmask8;
            // SAFETY: the mask limits the loads to the first `n` elements.
            unsafe {
                x.k = _mm512_mask_loadu_epi64(pad, mask, k.add(8 * i).cast());
                if P {
                    x.v = _mm512_mask_loadu_epi64(pad, mask, v.add(8 * i).cast());
                }
            }
            *x = sort8::<P>(*x);
        }
        if N >= 2 {
            merge_runs::<P, N, 1>(&mut r);
        }
        if N >= 4 {
            merge_runs::<P, N, 2>(&mut r);
        }
        if N >= 8 {
            merge_runs::<P, N, 4>(&mut r);
        }
        if N >= 16 {
            merge_runs::<P, N, 8>(&mut r);
        }
        if N >= 32 {
            merge_runs::<P, N, 16>(&mut r);
        }
        let (and, xor) = (
            _mm512_set1_epi64(map_back.and as i64),
            _mm512_set1_epi64(map_back.xor as i64),
        );
        for (i, x) in r.iter().enumerate() {
            let valid = n.saturating_sub(8 * i).min(8);
            if valid > 0 {
                let out = Lanes {
                    k: apply(x.k, and, xor),
                    v: x.v,
                };
                // SAFETY: as for the loads.
                unsafe { store_lanes::<P>(k, v, 8 * i, out, ((1u32 << valid) - 1) as __mmask8) };
            }
        }
    }

    /// Sorts `n <= SMALL` elements.
    #[target_feature(enable = "avx512f")]
    unsafe fn small_sort<const P: bool>(k: *mut u64, v: *mut u64, n: usize, map_back: KeyMap) {
        if n <= 1 {
            // SAFETY: the caller's pointers cover `n` elements.
            return unsafe { finish(k, n, map_back) };
        }
        // SAFETY: the caller's pointers cover `n` elements.
        unsafe {
            if P && std::slice::from_raw_parts(k, n).contains(&u64::MAX) {
                // The padding's keys would tie with these and could take their payloads'
                // places; rare enough for the standard library's sort.
                return fallback::<P>(k, v, n, map_back);
            }
            match n.div_ceil(8) {
                1 => network::<P, 1>(k, v, n, map_back),
                2 => network::<P, 2>(k, v, n, map_back),
                3..=4 => network::<P, 4>(k, v, n, map_back),
                5..=8 => network::<P, 8>(k, v, n, map_back),
                _ => {
                    const { assert!(SMALL <= 8 * 16) };
                    network::<P, 16>(k, v, n, map_back)
                }
            }
        }
    }

    /// The standard library's sort, for ranges that recurse too deep.
    unsafe fn fallback<const P: bool>(k: *mut u64, v: *mut u64, n: usize, map_back: KeyMap) {
        // SAFETY: the caller's pointers cover `n` elements.
        let keys = unsafe { std::slice::from_raw_parts_mut(k, n) };
        if P {
            let vals = unsafe { std::slice::from_raw_parts_mut(v, n) };
            let mut pairs: Vec<(u64, u64)> =
                keys.iter().copied().zip(vals.iter().copied()).collect();
            pairs.sort_unstable_by_key(|p| p.0);
            for (i, (a, b)) in pairs.into_iter().enumerate() {
                keys[i] = a;
                vals[i] = b;
            }
        } else {
            keys.sort_unstable();
        }
        // SAFETY: as above.
        unsafe { finish(k, n, map_back) };
    }

    /// Applies `map_back` to `n` keys that are in their final places.
    unsafe fn finish(k: *mut u64, n: usize, map_back: KeyMap) {
        if map_back != KeyMap::NONE {
            // SAFETY: the caller's pointer covers `n` elements.
            let keys = unsafe { std::slice::from_raw_parts_mut(k, n) };
            keys.iter_mut().for_each(|x| *x = map_back.apply(*x));
        }
    }

    /// The median of eight keys spread over the range (`n >= 16`).
    #[target_feature(enable = "avx512f")]
    unsafe fn pivot(k: *const u64, n: usize) -> u64 {
        let step = n / 8;
        let mut sample = [0u64; 8];
        for (j, s) in sample.iter_mut().enumerate() {
            // SAFETY: `step / 2 + j * step < n`.
            *s = unsafe { *k.add(step / 2 + j * step) };
        }
        // SAFETY: the sample is eight keys.
        let x = unsafe { load::<false>(sample.as_ptr(), std::ptr::null(), 0) };
        let sorted = sort8::<false>(x);
        // SAFETY: as above.
        unsafe { store::<false>(sample.as_mut_ptr(), std::ptr::null_mut(), 0, sorted) };
        sample[4]
    }

    /// Vectors held at each end by partitioning, and read per step once the span allows:
    /// reading several at a time lets their compares overlap, and the side is chosen once
    /// per step.
    const U: usize = 8;
    /// Blocks of `8 * U` keys that partitioning fetches ahead on each side.
    const AHEAD: usize = 1;

    /// Asks for the cache lines of `8 * U` keys (and payloads) from `i`; harmless anywhere.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn prefetch<const P: bool>(k: *const u64, v: *const u64, i: usize) {
        // A prefetch never faults; wrapping keeps the address arithmetic defined.
        for line in 0..U {
            _mm_prefetch::<_MM_HINT_T0>(k.wrapping_add(i + 8 * line).cast());
            if P {
                _mm_prefetch::<_MM_HINT_T0>(v.wrapping_add(i + 8 * line).cast());
            }
        }
    }

    /// Writes the eight keys of `x` into the gap `[lw, rw)`: those below the pivot (at most
    /// the pivot when `LE`) at its left end, the others at its right end.
    #[inline]
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn put_full<const P: bool, const LE: bool, const ROOMY: bool>(
        k: *mut u64,
        v: *mut u64,
        pv: __m512i,
        x: Lanes,
        lw: &mut usize,
        rw: &mut usize,
    ) {
        let big = if LE {
            _mm512_cmpgt_epu64_mask(x.k, pv)
        } else {
            _mm512_cmpge_epu64_mask(x.k, pv)
        };
        let n_big = big.count_ones() as usize;
        // One permutation puts the small keys first and the big ones last, each in order.
        let idx = _mm512_cvtepu8_epi64(_mm_cvtsi64_si128(SMALL_FIRST[!big as usize] as i64));
        let y = permute::<P>(x, idx);
        // SAFETY: the caller keeps at least 8 free slots in [lw, rw), and when `ROOMY` at
        // least 8 before the unread keys at each end; the left store may spill past the
        // small keys into free slots, and so may the right one when `ROOMY`.
        unsafe {
            store::<P>(k, v, *lw, y);
            if ROOMY {
                store::<P>(k, v, *rw - 8, y);
            } else {
                store_lanes::<P>(k, v, *rw - 8, y, (0xff00u32 >> n_big) as __mmask8);
            }
        }
        *lw += 8 - n_big;
        *rw -= n_big;
    }

    /// For each mask of small lanes, the lane indices (one per byte) that list the small
    /// lanes first and then the others, each in order.
    const SMALL_FIRST: [u64; 256] = {
        let mut table = [0u64; 256];
        let mut m = 0;
        while m < 256 {
            let (mut packed, mut pos) = (0u64, 0);
            let mut pass = 0;
            while pass < 2 {
                let mut i = 0;
                while i < 8 {
                    if ((m >> i) & 1 == 1) == (pass == 0) {
                        packed |= (i as u64) << (8 * pos);
                        pos += 1;
                    }
                    i += 1;
                }
                pass += 1;
            }
            table[m] = packed;
            m += 1;
        }
        table
    };

    /// [`put_full`] for a vector of which only the lanes in `valid` count.
    #[inline]
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn put<const P: bool, const LE: bool>(
        k: *mut u64,
        v: *mut u64,
        pv: __m512i,
        x: Lanes,
        valid: __mmask8,
        lw: &mut usize,
        rw: &mut usize,
    ) {
        let big = valid
            & if LE {
                _mm512_cmpgt_epu64_mask(x.k, pv)
            } else {
                _mm512_cmpge_epu64_mask(x.k, pv)
            };
        let small = valid & !big;
        let n_small = small.count_ones() as usize;
        let n_big = big.count_ones() as usize;
        let high = (0xff00u32 >> n_big) as __mmask8;
        // SAFETY: the caller keeps at least 8 free slots in [lw, rw); the left store may
        // spill past the small keys into free slots, the right one writes only its keys.
        unsafe {
            store::<P>(k, v, *lw, compress::<P>(x, small));
            let right = expand::<P>(compress::<P>(x, big), high);
            store_lanes::<P>(k, v, *rw - 8, right, high);
        }
        *lw += n_small;
        *rw -= n_big;
    }

    /// Reorders the range so that the keys below `pivot` (at most `pivot` when `LE`) come
    /// first, and returns their count (`n >= 16 * U`).
    ///
    /// The first and last `U` vectors are held in registers, which leaves a gap of `16 * U`
    /// free slots; each block of `U` vectors is read from the side whose share of the gap
    /// is smaller, and each vector is written as its small keys at the gap's left end and
    /// its large keys at the right end. Both sides then keep at least 8 free slots for
    /// every write (at least `8 * U` before a block is read, at most `8 * U` consumed).
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn partition<const P: bool, const LE: bool>(
        k: *mut u64,
        v: *mut u64,
        n: usize,
        pivot: u64,
    ) -> usize {
        // Ranges longer than SMALL are partitioned; they must fill the held vectors.
        const { assert!(SMALL >= 16 * U) };
        let pv = _mm512_set1_epi64(pivot as i64);
        let (mut lw, mut rw) = (0usize, n);
        let (mut lr, mut rr) = (8 * U, n - 8 * U);
        // SAFETY: every load reads 8 keys inside [0, n); the gap [lw, rw) keeps at least 8
        // free slots at each end for every `put` (see the module's notes).
        unsafe {
            let first: [Lanes; U] = std::array::from_fn(|j| load::<P>(k, v, 8 * j));
            let last: [Lanes; U] = std::array::from_fn(|j| load::<P>(k, v, n - 8 * (U - j)));
            let rem = (rr - lr) % 8;
            if rem > 0 {
                // Reads into the held slots at the right, still intact; only `rem` lanes count.
                let x = load::<P>(k, v, lr);
                lr += rem;
                let valid = ((1u32 << rem) - 1) as __mmask8;
                put::<P, LE>(k, v, pv, x, valid, &mut lw, &mut rw);
            }
            while (rr - lr) % (8 * U) != 0 {
                let x = if lr - lw <= rw - rr {
                    lr += 8;
                    load::<P>(k, v, lr - 8)
                } else {
                    rr -= 8;
                    load::<P>(k, v, rr)
                };
                put_full::<P, LE, false>(k, v, pv, x, &mut lw, &mut rw);
            }
            while lr < rr {
                // The side is chosen from the keys just written, so the next loads cannot
                // start before that; fetching both sides' next blocks ahead hides it.
                prefetch::<P>(k, v, lr + 8 * U * AHEAD);
                prefetch::<P>(k, v, rr.wrapping_sub(8 * U * (AHEAD + 1)));
                // Two copies of the step make the choice a branch rather than a conditional
                // move: the loads then start on the predicted side without waiting.
                if lr - lw <= rw - rr {
                    let xs: [Lanes; U] = std::array::from_fn(|j| load::<P>(k, v, lr + 8 * j));
                    lr += 8 * U;
                    for x in xs {
                        put_full::<P, LE, true>(k, v, pv, x, &mut lw, &mut rw);
                    }
                } else {
                    rr -= 8 * U;
                    let xs: [Lanes; U] = std::array::from_fn(|j| load::<P>(k, v, rr + 8 * j));
                    for x in xs {
                        put_full::<P, LE, true>(k, v, pv, x, &mut lw, &mut rw);
                    }
                }
            }
            for x in first.into_iter().chain(last) {
                put_full::<P, LE, false>(k, v, pv, x, &mut lw, &mut rw);
            }
        }
        lw
    }

    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn quicksort<const P: bool>(
        mut k: *mut u64,
        mut v: *mut u64,
        mut n: usize,
        depth: u32,
        map_back: KeyMap,
    ) {
        let mut depth = depth;
        // SAFETY (whole body): every range handed on lies inside the caller's range.
        unsafe {
            loop {
                if n <= SMALL {
                    return small_sort::<P>(k, v, n, map_back);
                }
                if depth == 0 {
                    return fallback::<P>(k, v, n, map_back);
                }
                depth -= 1;
                let p = pivot(k, n);
                let mid = partition::<P, false>(k, v, n, p);
                if mid == 0 {
                    // The pivot is the smallest key: its copies are done.
                    let eq = partition::<P, true>(k, v, n, p);
                    finish(k, eq, map_back);
                    k = k.add(eq);
                    if P {
                        v = v.add(eq);
                    }
                    n -= eq;
                    continue;
                }
                // Recurse into the smaller side, loop on the larger.
                let (kr, vr) = (k.add(mid), if P { v.add(mid) } else { v });
                if mid <= n - mid {
                    quicksort::<P>(k, v, mid, depth, map_back);
                    (k, v, n) = (kr, vr, n - mid);
                } else {
                    quicksort::<P>(kr, vr, n - mid, depth, map_back);
                    n = mid;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so failures reproduce.
    fn keys(n: usize, seed: u64, modulo: u64) -> Vec<u64> {
        let mut s = seed | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                if modulo == 0 { s } else { s % modulo }
            })
            .collect()
    }

    fn check(data: Vec<u64>) {
        let mut want = data.clone();
        want.sort_unstable();
        if !available() {
            return; // no AVX-512 on this CPU: nothing to test
        }
        let mut got = data.clone();
        sort_u64(&mut got, KeyMap::NONE);
        assert_eq!(got, want, "keys-only sort of {} keys", data.len());
        // The maps back of i64 and f64 keys, applied in every part of the sort.
        for map_back in [
            KeyMap {
                and: 0,
                xor: 1 << 63,
            },
            KeyMap {
                and: !(1 << 63),
                xor: !0,
            },
        ] {
            let mut got = data.clone();
            sort_u64(&mut got, map_back);
            let mapped: Vec<u64> = want.iter().map(|&k| map_back.apply(k)).collect();
            assert_eq!(got, mapped, "sort of {} keys mapped back", data.len());
        }
        let mut k = data.clone();
        let mut idx: Vec<u64> = (0..data.len() as u64).collect();
        sort_u64_pairs(&mut k, &mut idx);
        assert_eq!(k, want, "pairs sort of {} keys", data.len());
        // Each payload still sits with its own key, and is used once.
        for (key, &i) in k.iter().zip(&idx) {
            assert_eq!(data[i as usize], *key);
        }
        let mut seen = idx.clone();
        seen.sort_unstable();
        assert!(seen.iter().enumerate().all(|(i, &x)| i as u64 == x));
    }

    #[test]
    fn makes_keys_and_sets_nans_aside() {
        if !available() {
            return;
        }
        let map = KeyMap {
            and: !(1 << 63),
            xor: 1 << 63,
        };
        for n in [0, 5, 8, 21, 64] {
            let bits: Vec<u64> = (0..n)
                .map(|i| match i % 7 {
                    3 => f64::NAN.to_bits(),
                    5 => (-f64::NAN).to_bits(),
                    _ => (i as f64 - 10.5).to_bits(),
                })
                .collect();
            let is_nan = |b: &u64| f64::from_bits(*b).is_nan();
            let want: Vec<u64> = bits
                .iter()
                .filter(|b| !is_nan(b))
                .map(|&b| map.apply(b))
                .collect();
            let want_nans: Vec<u64> = bits.iter().copied().filter(is_nan).collect();
            // Into another buffer, then in place.
            let mut out = vec![0u64; n];
            let mut nans = Vec::new();
            let m = unsafe { to_keys(bits.as_ptr(), out.as_mut_ptr(), n, map, true, &mut nans) };
            assert_eq!((&out[..m], &nans), (&want[..], &want_nans));
            let mut inplace = bits.clone();
            let p = inplace.as_mut_ptr();
            nans.clear();
            let m = unsafe { to_keys(p, p, n, map, true, &mut nans) };
            assert_eq!((&inplace[..m], &nans), (&want[..], &want_nans));
        }
    }

    #[test]
    fn sorts_every_small_size() {
        for n in 0..300 {
            check(keys(n, n as u64 + 1, 0));
            check(keys(n, n as u64 + 7, 5));
        }
    }

    #[test]
    fn sorts_large_and_awkward_inputs() {
        for &n in &[1000, 4099, 100_000] {
            check(keys(n, 3, 0));
            check(keys(n, 4, 2)); // two distinct keys
            check(keys(n, 5, 1000));
            check(vec![7; n]); // all equal
            check((0..n as u64).collect()); // sorted
            check((0..n as u64).rev().collect()); // reversed
            check((0..n as u64).map(|i| i % 17).collect()); // sawtooth
            let mut organ: Vec<u64> = (0..n as u64 / 2).collect();
            organ.extend((0..n as u64 / 2).rev());
            check(organ); // organ pipe
            let mut extremes = keys(n, 6, 3);
            extremes
                .iter_mut()
                .for_each(|x| *x = [0, u64::MAX, 1 << 63][*x as usize]);
            check(extremes); // the largest key too, which ties with the padding
        }
    }
}
