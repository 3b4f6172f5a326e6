//! Sorting: `np::sort`, `np::argsort`, `np::partition`, `np::argpartition`, and the in-place
//! `a.sort()` method.
//!
//! The order is NumPy's: NaN after every number (for complex numbers the values with a NaN
//! part come last, grouped as `R+Rj < R+nanj < nan+Rj < nan+nanj`), and `-0.0 == 0.0`.
//! `argsort` is always stable, which is one valid outcome of NumPy's default `quicksort` and
//! exactly its `kind="stable"`; the `kind` argument is validated but every kind gives the same
//! result.
//!
//! As in NumPy, the method `a.sort()` sorts the array in place and returns nothing, while the
//! free function `np::sort(&a)` returns a sorted copy.
//!
//! ```
//! use arraylib as np;
//! let a = np::array![3.0, f64::NAN, 1.0, 2.0];
//! assert_eq!(np::argsort(&a).to_vec::<i64>(), vec![2, 3, 0, 1]);
//! let s = np::sort(&a).to_vec::<f64>();
//! assert_eq!(&s[..3], &[1.0, 2.0, 3.0]);
//! assert!(s[3].is_nan());
//! ```

use crate::array::Array;
use crate::dtype::{Complex64, Complex128, Element};
use crate::error::{ArrayError, OrPanic, Result};
use crate::operand::from_data;
use crate::reductions::single_axis;
use crate::shape_arg::IntoAxes;
use crate::simd_sort::KeyMap;
use std::cmp::Ordering;

/// An element type with NumPy's sort order.
pub(crate) trait SortElem: Element {
    /// NumPy's order: NaN last, `-0.0 == 0.0`.
    fn ord(a: &Self, b: &Self) -> Ordering;
    /// True for NaN (or a complex number with a NaN part).
    fn is_nan(&self) -> bool {
        false
    }
    /// Sorts a slice in NumPy's order (not necessarily stable).
    fn sort_slice(v: &mut [Self]) {
        v.sort_unstable_by(Self::ord);
    }
    /// Appends `src` sorted to `dst` (not necessarily stable).
    fn sort_into(src: &[Self], dst: &mut Vec<Self>) {
        if !Self::sort_into_by_keys(src, dst) {
            let start = dst.len();
            dst.extend_from_slice(src);
            Self::sort_slice(&mut dst[start..]);
        }
    }
    /// [`SortElem::sort_into`] by the vectorized sort of keys, which makes the keys as it
    /// copies; false (leaving `dst` as it was) where that sort does not apply.
    fn sort_into_by_keys(_src: &[Self], _dst: &mut Vec<Self>) -> bool {
        false
    }
    /// True if [`SortElem::radix_key`] gives keys in this order.
    const HAS_RADIX_KEY: bool = false;
    /// An unsigned key whose order is NumPy's order of the values (equal values, such as
    /// `-0.0` and `0.0` or two NaNs, get equal keys).
    fn radix_key(&self) -> u64 {
        0
    }
}

/// A number that maps one to one onto a `u64` key in its own order, so that the vectorized
/// sort of `u64` keys can sort it: map, sort, map back. Floats map by their IEEE total order,
/// which puts `-0.0` before `0.0` (equal for NumPy, so either order is a valid sort); their
/// NaNs are set aside before.
trait SortKey: Copy {
    fn to_key(self) -> u64;
    fn from_key(key: u64) -> Self;
    /// NaNs have no key: they are sorted last, apart.
    fn is_nan(self) -> bool {
        false
    }
    /// For eight-byte numbers, [`SortKey::to_key`] and [`SortKey::from_key`] on the bits, as
    /// the vectorized sort applies them while it reads and places the numbers.
    const MAPS: Option<[KeyMap; 2]> = None;
    /// True when the numbers have NaNs.
    const FLOAT: bool = false;
}

macro_rules! sort_key_int {
    ($($t:ty => $flip:expr),*) => {$(
        impl SortKey for $t {
            #[inline]
            fn to_key(self) -> u64 {
                (self as i64 as u64) ^ $flip
            }
            #[inline]
            fn from_key(key: u64) -> Self {
                (key ^ $flip) as Self
            }
            const MAPS: Option<[KeyMap; 2]> = if std::mem::size_of::<$t>() == 8 {
                Some([KeyMap { and: 0, xor: $flip }; 2])
            } else {
                None
            };
        }
    )*};
}
// Signed integers flip the sign bit of their 64-bit extension so negatives come first.
sort_key_int!(
    u8 => 0, u16 => 0, u32 => 0, u64 => 0,
    i8 => 1 << 63, i16 => 1 << 63, i32 => 1 << 63, i64 => 1 << 63
);

impl SortKey for bool {
    #[inline]
    fn to_key(self) -> u64 {
        self as u64
    }
    #[inline]
    fn from_key(key: u64) -> Self {
        key != 0
    }
}

impl SortKey for f64 {
    #[inline]
    fn is_nan(self) -> bool {
        f64::is_nan(self)
    }
    #[inline]
    fn to_key(self) -> u64 {
        Self::MAPS.unwrap()[0].apply(self.to_bits())
    }
    #[inline]
    fn from_key(key: u64) -> Self {
        f64::from_bits(Self::MAPS.unwrap()[1].apply(key))
    }
    /// Negative numbers flip every bit, the others set the top bit; keys map back by
    /// clearing the top bit if set, flipping every bit otherwise.
    const MAPS: Option<[KeyMap; 2]> = Some([
        KeyMap {
            and: !(1 << 63),
            xor: 1 << 63,
        },
        KeyMap {
            and: !(1 << 63),
            xor: !0,
        },
    ]);
    const FLOAT: bool = true;
}

impl SortKey for f32 {
    #[inline]
    fn is_nan(self) -> bool {
        f32::is_nan(self)
    }
    #[inline]
    fn to_key(self) -> u64 {
        (self as f64).to_key()
    }
    #[inline]
    fn from_key(key: u64) -> Self {
        f64::from_key(key) as f32
    }
}

/// Sorts `v` with the vectorized sort of keys, NaNs last; false (leaving `v` as it was)
/// when the CPU has no such sort.
fn sort_by_keys<T: SortKey>(v: &mut [T]) -> bool {
    if !crate::simd_sort::available() {
        return false;
    }
    let p = v.as_mut_ptr();
    // SAFETY: `p` covers `v.len()` elements; reading and writing the same slice is allowed.
    unsafe { sort_by_keys_raw(p, p, v.len()) };
    true
}

/// Appends `src` sorted to `dst` as [`sort_by_keys`] does; false when the CPU has no
/// vectorized sort. Making the keys is the copy, so the numbers are read once.
fn sort_by_keys_into<T: SortKey>(src: &[T], dst: &mut Vec<T>) -> bool {
    if !crate::simd_sort::available() {
        return false;
    }
    let n = src.len();
    dst.reserve(n);
    let start = dst.len();
    // SAFETY: the spare capacity holds `n` elements, all written before `set_len`.
    unsafe {
        sort_by_keys_raw(src.as_ptr(), dst.as_mut_ptr().add(start), n);
        dst.set_len(start + n);
    }
    true
}

/// Writes the `n` numbers at `src` sorted to `dst`, which may be `src` itself. Eight-byte
/// numbers become their keys in `dst` and get their bits back from the sort itself
/// ([`SortKey::MAPS`]), so the array is read once before sorting and not after; NaNs are
/// set aside in the same pass.
///
/// # Safety
/// `src` and `dst` cover `n` elements; only `src` needs to be initialized; the CPU has the
/// vectorized sort.
unsafe fn sort_by_keys_raw<T: SortKey>(src: *const T, dst: *mut T, n: usize) {
    use crate::simd_sort::{sort_u64, to_keys};
    if let Some([to_key, from_key]) = T::MAPS {
        // An eight-byte number's bits are a valid `u64`, and its alignment is the same.
        let keys = dst.cast::<u64>();
        let mut nan_bits = Vec::new();
        // SAFETY: passed on from the caller; the first `m` keys are written, and the NaNs'
        // bits fill the remaining `n - m` places.
        unsafe {
            let m = to_keys(src.cast(), keys, n, to_key, T::FLOAT, &mut nan_bits);
            sort_u64(std::slice::from_raw_parts_mut(keys, m), from_key);
            keys.add(m)
                .copy_from_nonoverlapping(nan_bits.as_ptr(), nan_bits.len());
        }
        return;
    }
    // SAFETY: `src` covers `n` initialized numbers.
    let src = unsafe { std::slice::from_raw_parts(src, n) };
    let mut keys: Vec<u64> = src
        .iter()
        .filter(|x| !x.is_nan())
        .map(|x| x.to_key())
        .collect();
    let nans: Vec<T> = if keys.len() < n {
        src.iter().copied().filter(|x| x.is_nan()).collect()
    } else {
        Vec::new()
    };
    sort_u64(&mut keys, KeyMap::NONE);
    let values = keys.iter().map(|&k| T::from_key(k)).chain(nans);
    for (i, x) in values.enumerate() {
        // SAFETY: `dst` covers `n` elements: the keys and NaNs of `src`.
        unsafe { dst.add(i).write(x) };
    }
}

macro_rules! sort_ord {
    ($($t:ty),*) => {$(
        impl SortElem for $t {
            #[inline]
            fn ord(a: &Self, b: &Self) -> Ordering {
                a.cmp(b)
            }
            fn sort_slice(v: &mut [Self]) {
                if !sort_by_keys(v) {
                    v.sort_unstable();
                }
            }
            fn sort_into_by_keys(src: &[Self], dst: &mut Vec<Self>) -> bool {
                sort_by_keys_into(src, dst)
            }
            const HAS_RADIX_KEY: bool = true;
            #[inline]
            fn radix_key(&self) -> u64 {
                self.to_key()
            }
        }
    )*};
}
sort_ord!(bool, u8, u16, u32, u64, i8, i16, i32, i64);

/// Moves the NaNs of `v` to its end (keeping no particular order) and returns how many
/// numbers come before them.
fn nans_to_end<T: Copy>(v: &mut [T], is_nan: impl Fn(&T) -> bool) -> usize {
    let mut k = 0;
    for i in 0..v.len() {
        if !is_nan(&v[i]) {
            v.swap(i, k);
            k += 1;
        }
    }
    k
}

macro_rules! sort_float {
    ($($t:ty),*) => {$(
        impl SortElem for $t {
            #[inline]
            fn ord(a: &Self, b: &Self) -> Ordering {
                match (a.is_nan(), b.is_nan()) {
                    (false, false) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                }
            }
            fn is_nan(&self) -> bool {
                <$t>::is_nan(*self)
            }
            const HAS_RADIX_KEY: bool = true;
            #[inline]
            fn radix_key(&self) -> u64 {
                // The sort key, with `-0.0` taken as `0.0` and every NaN above `inf`, as
                // NumPy orders them.
                if self.is_nan() {
                    return u64::MAX;
                }
                (if *self == 0.0 { 0.0 } else { *self }).to_key()
            }
            fn sort_slice(v: &mut [Self]) {
                // Without NaNs, IEEE total order is NumPy's order up to the sign of zero, and
                // comparing bit patterns is cheaper than partial_cmp.
                if !sort_by_keys(v) {
                    let k = nans_to_end(v, |x| x.is_nan());
                    v[..k].sort_unstable_by(<$t>::total_cmp);
                }
            }
            fn sort_into_by_keys(src: &[Self], dst: &mut Vec<Self>) -> bool {
                sort_by_keys_into(src, dst)
            }
        }
    )*};
}
sort_float!(f32, f64);

macro_rules! sort_complex {
    ($($t:ty),*) => {$(
        impl SortElem for $t {
            fn ord(a: &Self, b: &Self) -> Ordering {
                let class = |z: &Self| (z.re.is_nan() as u8) * 2 + z.im.is_nan() as u8;
                let real = |x: f64, y: f64| x.partial_cmp(&y).unwrap_or(Ordering::Equal);
                let (ca, cb) = (class(a), class(b));
                if ca != cb {
                    return ca.cmp(&cb);
                }
                let (are, aim, bre, bim) = (a.re as f64, a.im as f64, b.re as f64, b.im as f64);
                match ca {
                    0 => real(are, bre).then(real(aim, bim)),
                    1 => real(are, bre),
                    2 => real(aim, bim),
                    _ => Ordering::Equal,
                }
            }
            fn is_nan(&self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
        }
    )*};
}
sort_complex!(Complex64, Complex128);

/// The elements of `a` with `axis` moved last, row-major, and the length of that axis.
pub(crate) fn lanes<T: Element>(a: &Array, axis: usize) -> (Vec<T>, Vec<usize>, usize) {
    let moved = crate::shape::moveaxis(a, axis as isize, -1);
    let n = a.shape()[axis];
    (moved.to_vec::<T>(), moved.shape().to_vec(), n)
}

/// Inverse of [`lanes`]: an array of `a`'s shape from lanes laid out with `axis` last.
pub(crate) fn from_lanes<O: Element>(data: Vec<O>, moved_shape: Vec<usize>, axis: usize) -> Array {
    let last = moved_shape.len() - 1;
    let out = from_data(data, moved_shape);
    if axis == last {
        out
    } else {
        crate::shape::moveaxis(&out, -1, axis as isize).copy()
    }
}

/// Calls `f` on every lane of `n` elements, polling for interrupts between lanes.
fn for_lanes<T>(data: &mut [T], n: usize, mut f: impl FnMut(&mut [T])) {
    if n == 0 {
        return;
    }
    let mut done = 0usize;
    for lane in data.chunks_exact_mut(n) {
        f(lane);
        done += n;
        if done >= 1 << 16 {
            crate::interrupt::check();
            done = 0;
        }
    }
}

/// Lanes longer than this are sorted in runs of this many elements that are then merged, with
/// an interrupt check after each run and each merge: one run takes a fraction of a second, so
/// the kernel can stop the sort of a huge array.
const RUN: usize = 1 << 22;

/// Sorts `v` with `sort_run` on runs of at most `run` elements, then merges neighbouring runs
/// (taking from the left run on ties, so a stable `sort_run` gives a stable sort), checking
/// for an interrupt between steps.
fn sort_in_runs<E: Copy>(
    v: &mut [E],
    run: usize,
    sort_run: impl Fn(&mut [E]),
    ord: impl Fn(&E, &E) -> Ordering,
) {
    if v.len() <= run {
        sort_run(v);
        return;
    }
    for chunk in v.chunks_mut(run) {
        sort_run(chunk);
        crate::interrupt::check();
    }
    let mut src = v.to_vec();
    let mut dst = Vec::with_capacity(v.len());
    let mut width = run;
    while width < v.len() {
        dst.clear();
        for pair in src.chunks(2 * width) {
            let (left, right) = pair.split_at(width.min(pair.len()));
            merge_into(left, right, &mut dst, &ord);
            crate::interrupt::check();
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    v.copy_from_slice(&src);
}

fn merge_into<E: Copy>(a: &[E], b: &[E], out: &mut Vec<E>, ord: &impl Fn(&E, &E) -> Ordering) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if ord(&b[j], &a[i]) == Ordering::Less {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

fn sort_impl(a: &Array, axis: usize) -> Array {
    if a.dtype().is_str() {
        // Strings sort as their ranks among the distinct values.
        let (r, values) = crate::strings::ranks(a);
        return crate::strings::from_ranks(&sort_impl(&r, axis), &values, crate::strings::width(a));
    }
    crate::dispatch!(a.dtype(), T => {
        let n = a.shape()[axis];
        if let Some(src) = a.as_slice::<T>().filter(|_| axis + 1 == a.ndim() && n > 0 && n <= RUN) {
            // Sorting row-major lanes straight into the result saves copying them first.
            let mut data = Vec::with_capacity(src.len());
            for lane in src.chunks_exact(n) {
                T::sort_into(lane, &mut data);
                if data.len() % (1 << 16) < n {
                    // Polled about every 65536 elements, as `for_lanes` does.
                    crate::interrupt::check();
                }
            }
            return from_data(data, a.shape().to_vec());
        }
        let (mut data, shape, n) = lanes::<T>(a, axis);
        for_lanes(&mut data, n, |lane| sort_in_runs(lane, RUN, T::sort_slice, T::ord));
        from_lanes(data, shape, axis)
    })
}

/// Lanes at least this long are argsorted by radix sort when the dtype has radix keys; for
/// shorter ones the histograms cost more than a comparison sort.
const RADIX_MIN: usize = 256;

/// Stable argsort of one lane into `out` (length n) by radix sort on the elements' keys, in
/// runs of `run` elements ([`RUN`] outside tests) that are then merged, like [`sort_in_runs`].
fn argsort_lane_radix<T: SortElem>(
    lane: &[T],
    out: &mut [i64],
    pairs: &mut Vec<(u64, u64)>,
    spare: &mut Vec<(u64, u64)>,
    run: usize,
) {
    pairs.clear();
    pairs.extend(
        lane.iter()
            .enumerate()
            .map(|(i, x)| (x.radix_key(), i as u64)),
    );
    if pairs.len() <= run {
        crate::radix_sort::radix_sort_pairs(pairs, spare);
    } else {
        sort_in_runs(
            pairs,
            run,
            |chunk| {
                let mut run = chunk.to_vec();
                crate::radix_sort::radix_sort_pairs(&mut run, &mut Vec::new());
                chunk.copy_from_slice(&run);
            },
            |x, y| x.0.cmp(&y.0),
        );
    }
    for (o, p) in out.iter_mut().zip(pairs.iter()) {
        *o = p.1 as i64;
    }
}

/// Stable argsort of one lane into `out` (length n) by the vectorized sort of
/// `(key, index)` pairs, which leaves equal keys in no particular order: each run of equal
/// keys then gets its indices sorted. Only where [`crate::simd_sort::available`].
fn argsort_lane_simd<T: SortElem>(
    lane: &[T],
    out: &mut [i64],
    keys: &mut Vec<u64>,
    idx: &mut Vec<u64>,
) {
    keys.clear();
    keys.extend(lane.iter().map(|x| x.radix_key()));
    idx.clear();
    idx.extend(0..lane.len() as u64);
    crate::simd_sort::sort_u64_pairs(keys, idx);
    let mut start = 0;
    while start < keys.len() {
        let key = keys[start];
        let end = start
            + keys[start..]
                .iter()
                .position(|&k| k != key)
                .unwrap_or(keys.len() - start);
        if end - start > 1 {
            crate::simd_sort::sort_u64(&mut idx[start..end], KeyMap::NONE);
        }
        start = end;
    }
    for (o, &i) in out.iter_mut().zip(idx.iter()) {
        *o = i as i64;
    }
}

/// Stable argsort of one lane into `out` (length n).
fn argsort_lane<T: SortElem>(lane: &[T], out: &mut [i64], pairs: &mut Vec<(T, i64)>) {
    pairs.clear();
    pairs.extend(lane.iter().enumerate().map(|(i, &x)| (x, i as i64)));
    let ord = |x: &(T, i64), y: &(T, i64)| T::ord(&x.0, &y.0);
    sort_in_runs(pairs, RUN, |run| run.sort_by(ord), ord);
    for (o, p) in out.iter_mut().zip(pairs.iter()) {
        *o = p.1;
    }
}

fn argsort_impl(a: &Array, axis: usize) -> Array {
    if a.dtype().is_str() {
        return argsort_impl(&crate::strings::ranks(a).0, axis);
    }
    crate::dispatch!(a.dtype(), T => {
        let (data, shape, n) = lanes::<T>(a, axis);
        let mut out = vec![0i64; data.len()];
        let mut pairs = Vec::new();
        let (mut keyed, mut spare) = (Vec::new(), Vec::new());
        let (mut keys, mut idx) = (Vec::new(), Vec::new());
        let simd = T::HAS_RADIX_KEY && n <= RUN && crate::simd_sort::available();
        if n > 0 {
            for (k, (lane, o)) in data.chunks_exact(n).zip(out.chunks_exact_mut(n)).enumerate() {
                if simd {
                    argsort_lane_simd(lane, o, &mut keys, &mut idx);
                } else if T::HAS_RADIX_KEY && n >= RADIX_MIN {
                    argsort_lane_radix(lane, o, &mut keyed, &mut spare, RUN);
                } else {
                    argsort_lane(lane, o, &mut pairs);
                }
                if k % 64 == 63 {
                    crate::interrupt::check();
                }
            }
        }
        from_lanes(out, shape, axis)
    })
}

/// A 0-d array as 1-D for the `axis=None` forms.
fn flat(a: &Array) -> Array {
    if a.ndim() == 1 {
        a.clone()
    } else {
        a.reshape(-1)
    }
}

// The sort-like calls on one axis as given (possibly negative). They are not generic, so the
// public functions compile once here, not in every caller.

/// A sorted copy of `a` along `axis`.
fn sort_axes(a: &Array, axis: &[isize]) -> Result<Array> {
    let ax = single_axis(axis, a.ndim())?;
    Ok(sort_impl(a, ax))
}

/// The indices that sort `a` along `axis`.
fn argsort_axes(a: &Array, axis: &[isize]) -> Result<Array> {
    if a.ndim() == 0 {
        // NumPy's argsort (unlike sort) treats a 0-d array as one element.
        return Ok(from_data(vec![0i64], vec![1]));
    }
    let ax = single_axis(axis, a.ndim())?;
    Ok(argsort_impl(a, ax))
}

/// `a` partitioned at `kth` along `axis`.
fn partition_axes(a: &Array, kth: &[isize], axis: &[isize]) -> Result<Array> {
    let ax = single_axis(axis, a.ndim())?;
    partition_impl(a, kth, ax, false)
}

/// The indices that partition `a` at `kth` along `axis`.
fn argpartition_axes(a: &Array, kth: &[isize], axis: &[isize]) -> Result<Array> {
    if a.ndim() == 0 {
        return partition_impl(&flat(a), kth, 0, true);
    }
    let ax = single_axis(axis, a.ndim())?;
    partition_impl(a, kth, ax, true)
}

/// Checks a `kind=` argument as NumPy does (only the first letter counts).
fn check_kind(kind: &str) -> Result<()> {
    match kind.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('q' | 'h' | 's' | 'm') => Ok(()),
        _ => Err(ArrayError::value(format!(
            "sort kind must be one of 'quick', 'heap', or 'stable' (got '{kind}')"
        ))),
    }
}

/// Resolves the `kth` list of a partition against a lane of length `n`: sorted, unique.
fn kth_list(kth: &[isize], n: usize) -> Result<Vec<usize>> {
    let mut ks = Vec::with_capacity(kth.len());
    for &k in kth {
        let kk = if k < 0 { k + n as isize } else { k };
        if kk < 0 || kk >= n as isize {
            return Err(ArrayError::value(format!("kth(={kk}) out of bounds ({n})")));
        }
        ks.push(kk as usize);
    }
    ks.sort_unstable();
    ks.dedup();
    Ok(ks)
}

/// Partitions `v` so that each position in `ks` (ascending) holds its sorted element.
fn partition_lane<E>(v: &mut [E], ks: &[usize], ord: impl Fn(&E, &E) -> Ordering + Copy) {
    let mut start = 0;
    for &k in ks {
        if k >= start {
            v[start..].select_nth_unstable_by(k - start, ord);
            start = k + 1;
        }
    }
}

fn partition_impl(a: &Array, kth: &[isize], axis: usize, want_indices: bool) -> Result<Array> {
    if a.dtype().is_str() {
        let (r, values) = crate::strings::ranks(a);
        let p = partition_impl(&r, kth, axis, want_indices)?;
        return Ok(if want_indices {
            p
        } else {
            crate::strings::from_ranks(&p, &values, crate::strings::width(a))
        });
    }
    let ks = kth_list(kth, a.shape()[axis])?;
    Ok(crate::dispatch!(a.dtype(), T => {
        let (data, shape, n) = lanes::<T>(a, axis);
        if want_indices {
            let mut pairs: Vec<(T, i64)> = Vec::with_capacity(n);
            let mut out = vec![0i64; data.len()];
            if n > 0 {
                for (lane, o) in data.chunks_exact(n).zip(out.chunks_exact_mut(n)) {
                    pairs.clear();
                    pairs.extend(lane.iter().enumerate().map(|(i, &x)| (x, i as i64)));
                    partition_lane(&mut pairs, &ks, |x, y| T::ord(&x.0, &y.0));
                    for (o, p) in o.iter_mut().zip(&pairs) {
                        *o = p.1;
                    }
                }
            }
            from_lanes(out, shape, axis)
        } else {
            let mut data = data;
            for_lanes(&mut data, n, |lane| partition_lane(lane, &ks, T::ord));
            from_lanes(data, shape, axis)
        }
    }))
}

impl Array {
    /// NumPy's in-place `a.sort()`: sorts along the last axis, writing into this array (and
    /// every view of the same memory). Use [`sort`] for a sorted copy.
    ///
    /// ```
    /// let a = arraylib::array![3, 1, 2];
    /// a.sort();
    /// assert_eq!(a.to_vec::<i64>(), vec![1, 2, 3]);
    /// ```
    #[track_caller]
    pub fn sort(&self) {
        self.try_sort_axis(-1).or_panic()
    }

    /// NumPy's in-place `a.sort(axis=...)`.
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![4i64, 1, 3, 2], [2, 2]);
    /// a.sort_axis(0);
    /// assert_eq!(a.to_vec::<i64>(), vec![3, 1, 4, 2]);
    /// ```
    #[track_caller]
    pub fn sort_axis(&self, axis: impl IntoAxes) {
        self.try_sort_axis(axis).or_panic()
    }

    /// Fallible form of [`Array::sort_axis`] (`AxisError`, or `ValueError` for a read-only
    /// broadcast view).
    ///
    /// ```
    /// let a = arraylib::arange(3);
    /// assert!(a.try_sort_axis(1).is_err());
    /// ```
    pub fn try_sort_axis(&self, axis: impl IntoAxes) -> Result<()> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(a: &Array, axis: Vec<isize>) -> Result<()> {
            let ax = single_axis(&axis, a.ndim())?;
            if !a.writeable {
                return Err(ArrayError::value("assignment destination is read-only"));
            }
            let sorted = sort_impl(a, ax);
            crate::assign::copyto(a, &sorted);
            Ok(())
        }
        inner(self, axis.into_axes())
    }

    /// `a.argsort()`: the indices that sort along the last axis (stable), int64.
    ///
    /// ```
    /// let a = arraylib::array![3, 1, 2];
    /// assert_eq!(a.argsort().to_vec::<i64>(), vec![1, 2, 0]);
    /// ```
    #[track_caller]
    pub fn argsort(&self) -> Array {
        argsort(self)
    }

    /// `a.argsort(axis=...)`.
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![4i64, 1, 3, 2], [2, 2]);
    /// assert_eq!(a.argsort_axis(0).to_vec::<i64>(), vec![1, 0, 0, 1]);
    /// ```
    #[track_caller]
    pub fn argsort_axis(&self, axis: impl IntoAxes) -> Array {
        argsort_axes(self, &axis.into_axes()).or_panic()
    }
}

/// `np.sort(a)`: a sorted copy along the last axis.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![3i64, 1, 2, 9, 8, 7], [2, 3]);
/// assert_eq!(np::sort(&a).to_vec::<i64>(), vec![1, 2, 3, 7, 8, 9]);
/// ```
#[track_caller]
pub fn sort(a: impl AsRef<Array>) -> Array {
    sort_axes(a.as_ref(), &[-1]).or_panic()
}

/// `np.sort(a, axis=...)`: a sorted copy along one axis.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![3i64, 1, 2, 0], [2, 2]);
/// assert_eq!(np::sort_axis(&a, 0).to_vec::<i64>(), vec![2, 0, 3, 1]);
/// ```
#[track_caller]
pub fn sort_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Array {
    sort_axes(a.as_ref(), &axis.into_axes()).or_panic()
}

/// Fallible form of [`sort_axis`].
///
/// ```
/// let e = arraylib::try_sort_axis(arraylib::arange(3), 1).unwrap_err();
/// assert_eq!(e.to_string(), "AxisError: axis 1 is out of bounds for array of dimension 1");
/// ```
pub fn try_sort_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Result<Array> {
    sort_axes(a.as_ref(), &axis.into_axes())
}

/// `np.sort(a, axis=None)`: the flattened array, sorted.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![3i64, 1, 2, 0], [2, 2]);
/// assert_eq!(np::sort_flat(&a).to_vec::<i64>(), vec![0, 1, 2, 3]);
/// ```
pub fn sort_flat(a: impl AsRef<Array>) -> Array {
    sort_impl(&flat(a.as_ref()), 0)
}

/// `np.sort(a, axis, kind=...)`: `kind` is checked as NumPy does (`"quicksort"`,
/// `"mergesort"`, `"heapsort"`, `"stable"`); all kinds give NumPy's sorted values.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::sort_kind(np::arange(3), -1, "stable").to_vec::<i64>(), vec![0, 1, 2]);
/// ```
#[track_caller]
pub fn sort_kind(a: impl AsRef<Array>, axis: impl IntoAxes, kind: &str) -> Array {
    try_sort_kind(a, axis, kind).or_panic()
}

/// Fallible form of [`sort_kind`].
///
/// ```
/// let e = arraylib::try_sort_kind(arraylib::arange(3), -1, "foo").unwrap_err();
/// assert_eq!(e.message, "sort kind must be one of 'quick', 'heap', or 'stable' (got 'foo')");
/// ```
pub fn try_sort_kind(a: impl AsRef<Array>, axis: impl IntoAxes, kind: &str) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, axis: Vec<isize>, kind: &str) -> Result<Array> {
        check_kind(kind)?;
        sort_axes(a, &axis)
    }
    inner(a.as_ref(), axis.into_axes(), kind)
}

/// `np.argsort(a)`: indices (int64) that sort along the last axis. Stable: equal elements
/// keep their order, as NumPy's `kind="stable"`.
///
/// ```
/// use arraylib as np;
/// let a = np::array![2.0, 1.0, 2.0, 0.5];
/// assert_eq!(np::argsort(&a).to_vec::<i64>(), vec![3, 1, 0, 2]);
/// ```
#[track_caller]
pub fn argsort(a: impl AsRef<Array>) -> Array {
    argsort_axes(a.as_ref(), &[-1]).or_panic()
}

/// `np.argsort(a, axis=...)`.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![3i64, 1, 2, 0], [2, 2]);
/// assert_eq!(np::argsort_axis(&a, 0).to_vec::<i64>(), vec![1, 1, 0, 0]);
/// ```
#[track_caller]
pub fn argsort_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Array {
    argsort_axes(a.as_ref(), &axis.into_axes()).or_panic()
}

/// Fallible form of [`argsort_axis`].
///
/// ```
/// assert!(arraylib::try_argsort_axis(arraylib::zeros([2, 2]), -3).is_err());
/// ```
pub fn try_argsort_axis(a: impl AsRef<Array>, axis: impl IntoAxes) -> Result<Array> {
    argsort_axes(a.as_ref(), &axis.into_axes())
}

/// `np.argsort(a, axis=None)`: indices that sort the flattened array.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![3i64, 1, 2, 0], [2, 2]);
/// assert_eq!(np::argsort_flat(&a).to_vec::<i64>(), vec![3, 1, 2, 0]);
/// ```
pub fn argsort_flat(a: impl AsRef<Array>) -> Array {
    argsort_impl(&flat(a.as_ref()), 0)
}

/// `np.argsort(a, axis, kind=...)`; see [`sort_kind`]. The result is always stable.
///
/// ```
/// use arraylib as np;
/// let a = np::array![1, 0, 1];
/// assert_eq!(np::argsort_kind(&a, -1, "stable").to_vec::<i64>(), vec![1, 0, 2]);
/// ```
#[track_caller]
pub fn argsort_kind(a: impl AsRef<Array>, axis: impl IntoAxes, kind: &str) -> Array {
    try_argsort_kind(a, axis, kind).or_panic()
}

/// Fallible form of [`argsort_kind`].
///
/// ```
/// assert!(arraylib::try_argsort_kind(arraylib::arange(3), -1, "bogo").is_err());
/// ```
pub fn try_argsort_kind(a: impl AsRef<Array>, axis: impl IntoAxes, kind: &str) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, axis: Vec<isize>, kind: &str) -> Result<Array> {
        check_kind(kind)?;
        argsort_axes(a, &axis)
    }
    inner(a.as_ref(), axis.into_axes(), kind)
}

/// `np.partition(a, kth)` along the last axis: element `kth` (an index or a list of indices,
/// negative counting from the end) is where a full sort would put it, smaller-or-equal
/// elements before it and larger-or-equal after. The order within the parts is unspecified.
///
/// ```
/// use arraylib as np;
/// let a = np::array![5, 1, 4, 2, 3];
/// let p = np::partition(&a, 2).to_vec::<i64>();
/// assert_eq!(p[2], 3);
/// assert!(p[..2].iter().all(|&x| x < 3) && p[3..].iter().all(|&x| x > 3));
/// ```
#[track_caller]
pub fn partition(a: impl AsRef<Array>, kth: impl IntoAxes) -> Array {
    partition_axes(a.as_ref(), &kth.into_axes(), &[-1]).or_panic()
}

/// `np.partition(a, kth, axis=...)`.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![3i64, 0, 1, 2], [2, 2]);
/// assert_eq!(np::partition_axis(&a, 0, 0).to_vec::<i64>(), vec![1, 0, 3, 2]);
/// ```
#[track_caller]
pub fn partition_axis(a: impl AsRef<Array>, kth: impl IntoAxes, axis: impl IntoAxes) -> Array {
    partition_axes(a.as_ref(), &kth.into_axes(), &axis.into_axes()).or_panic()
}

/// Fallible form of [`partition_axis`].
///
/// ```
/// let e = arraylib::try_partition_axis(arraylib::arange(3), 5, -1).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: kth(=5) out of bounds (3)");
/// ```
pub fn try_partition_axis(
    a: impl AsRef<Array>,
    kth: impl IntoAxes,
    axis: impl IntoAxes,
) -> Result<Array> {
    partition_axes(a.as_ref(), &kth.into_axes(), &axis.into_axes())
}

/// `np.argpartition(a, kth)`: indices that partition along the last axis; see [`partition`].
///
/// ```
/// use arraylib as np;
/// let a = np::array![5, 1, 4, 2, 3];
/// assert_eq!(np::argpartition(&a, 0).to_vec::<i64>()[0], 1);
/// ```
#[track_caller]
pub fn argpartition(a: impl AsRef<Array>, kth: impl IntoAxes) -> Array {
    argpartition_axes(a.as_ref(), &kth.into_axes(), &[-1]).or_panic()
}

/// `np.argpartition(a, kth, axis=...)`.
///
/// ```
/// use arraylib as np;
/// let a = np::Array::from_vec(vec![3i64, 0, 1, 2], [2, 2]);
/// assert_eq!(np::argpartition_axis(&a, 1, 0).to_vec::<i64>()[2..], [0, 1]);
/// ```
#[track_caller]
pub fn argpartition_axis(a: impl AsRef<Array>, kth: impl IntoAxes, axis: impl IntoAxes) -> Array {
    argpartition_axes(a.as_ref(), &kth.into_axes(), &axis.into_axes()).or_panic()
}

/// Fallible form of [`argpartition_axis`].
///
/// ```
/// let e = arraylib::try_argpartition_axis(arraylib::arange(3), -4, -1).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: kth(=-1) out of bounds (3)");
/// ```
pub fn try_argpartition_axis(
    a: impl AsRef<Array>,
    kth: impl IntoAxes,
    axis: impl IntoAxes,
) -> Result<Array> {
    argpartition_axes(a.as_ref(), &kth.into_axes(), &axis.into_axes())
}

#[cfg(test)]
mod tests {
    use super::{SortElem, argsort_lane, argsort_lane_radix, sort_in_runs};
    use crate::{Array, arange};

    #[test]
    fn radix_argsort_in_runs_matches_the_comparison_argsort() {
        // Ties, signed zeros, infinities and NaNs, in runs of 37 that are then merged.
        let mut v: Vec<f64> = (0..1000)
            .map(|i| (((i * 7919) % 211) as f64 - 105.0) / 4.0)
            .collect();
        for (i, x) in [
            f64::NAN,
            -0.0,
            0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -f64::NAN,
        ]
        .into_iter()
        .enumerate()
        {
            v[i * 97 + 3] = x;
        }
        let mut expected = vec![0i64; v.len()];
        argsort_lane(&v, &mut expected, &mut Vec::new());
        for run in [37, 1000] {
            let mut got = vec![0i64; v.len()];
            argsort_lane_radix(&v, &mut got, &mut Vec::new(), &mut Vec::new(), run);
            assert_eq!(got, expected);
        }
        let ints: Vec<i16> = (0..700).map(|i| ((i * 7919) % 601 - 300) as i16).collect();
        let mut expected = vec![0i64; ints.len()];
        argsort_lane(&ints, &mut expected, &mut Vec::new());
        let mut got = vec![0i64; ints.len()];
        argsort_lane_radix(&ints, &mut got, &mut Vec::new(), &mut Vec::new(), 64);
        assert_eq!(got, expected);
    }

    #[test]
    fn runs_merge_into_one_sorted_stable_order() {
        // Small runs so the merge passes (odd run counts too) are exercised.
        let mut v: Vec<f64> = (0..1000)
            .map(|i| ((i * 7919) % 1009) as f64 / 3.0)
            .collect();
        v[17] = f64::NAN;
        v[400] = f64::NAN;
        let mut expected = v.clone();
        <f64 as SortElem>::sort_slice(&mut expected);
        sort_in_runs(
            &mut v,
            37,
            <f64 as SortElem>::sort_slice,
            <f64 as SortElem>::ord,
        );
        assert_eq!(v[..998], expected[..998]);
        assert!(v[998].is_nan() && v[999].is_nan());
        // Stability: equal keys keep their original order.
        let mut pairs: Vec<(i64, i64)> = (0..500).map(|i| (i % 5, i)).collect();
        let ord = |x: &(i64, i64), y: &(i64, i64)| x.0.cmp(&y.0);
        sort_in_runs(&mut pairs, 19, |r| r.sort_by(ord), ord);
        assert!(
            pairs
                .windows(2)
                .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1))
        );
    }

    #[test]
    fn sorts_along_axes_with_nan_last() {
        let a = Array::from_vec(vec![3.0, f64::NAN, -1.0, 0.0, 2.0, 1.0], [2, 3]);
        let s = crate::sort(&a).to_vec::<f64>();
        assert_eq!(&s[..2], &[-1.0, 3.0]);
        assert!(s[2].is_nan());
        assert_eq!(&s[3..], &[0.0, 1.0, 2.0]);
        let s0 = crate::sort_axis(&a, 0).to_vec::<f64>();
        assert_eq!(s0[0], 0.0);
        assert!(s0[4].is_nan());
        let idx = crate::argsort_axis(&a, 0).to_vec::<i64>();
        assert_eq!(idx, vec![1, 1, 0, 0, 0, 1]);
        let t = arange(12).reshape([3, 4]).t();
        assert_eq!(crate::sort_axis(&t, 0).to_vec::<i64>(), t.to_vec::<i64>());
    }

    #[test]
    fn in_place_sort_writes_through_views() {
        let a = crate::array![5, 4, 3, 2, 1, 0];
        let v = a.slice(crate::s![..;2]);
        v.sort();
        assert_eq!(a.to_vec::<i64>(), vec![1, 4, 3, 2, 5, 0]);
        let b = arange(3).broadcast_to([2, 3]);
        assert_eq!(
            b.try_sort_axis(-1).unwrap_err().to_string(),
            "ValueError: assignment destination is read-only"
        );
    }

    #[test]
    fn partition_property() {
        let a = crate::array![9, 3, 7, 1, 8, 2, 6];
        let p = crate::partition(&a, [1, 5]).to_vec::<i64>();
        assert_eq!(p[1], 2);
        assert_eq!(p[5], 8);
        assert!(p[0] <= 2 && p[2..5].iter().all(|&x| (2..=8).contains(&x)) && p[6] >= 8);
        let ip = crate::argpartition(&a, -1).to_vec::<i64>();
        assert_eq!(ip[6], 0);
    }
}
