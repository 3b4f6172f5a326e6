//! Reductions: `sum`, `prod`, `mean`, `var`, `std`, `min`/`max` (`amin`/`amax`), `argmin`,
//! `argmax`, `any`, `all`, `ptp`, `count_nonzero` and the NaN-ignoring `nansum`, `nanprod`,
//! `nanmean`, `nanvar`, `nanstd`, `nanmin`, `nanmax`, over all elements or along axes.
//!
//! Result dtypes, NaN propagation, errors and warnings follow NumPy: `sum`/`prod` of bool and
//! signed integers give int64 and of unsigned integers uint64, `mean`/`var`/`std` of integers
//! give float64 and of float32 stay float32, `min`/`max` keep the dtype, `argmax` gives int64.
//! Float sums use NumPy's pairwise summation along contiguous runs, and reductions along an
//! outer axis accumulate whole rows (as NumPy's iterator does), so results agree with NumPy to
//! the last bit for contiguous arrays and within a few ulp otherwise.
//!
//! A reduction along axes that leaves no axis (`v.sum_axis(0, false)` on a 1-D `v`) gives a
//! 0-d array standing for the scalar NumPy returns there ([`Array::is_scalar`]), which prints
//! as `np.float64(6.0)`.

use crate::array::Array;
use crate::casting::CastTo;
use crate::dispatch;
use crate::dtype::{Complex64, Complex128, DType, Element};
use crate::error::{ArrayError, OrPanic, Result};
use crate::scalar::Scalar;
use crate::shape_arg::{IntoAxes, normalize_axes};
use ndarray::IxDyn;
use std::borrow::Cow;

// ===== element arithmetic ==================================================================

/// Accumulator arithmetic; integer accumulators wrap on overflow as NumPy's do.
pub(crate) trait Acc: Element {
    const ZERO: Self;
    const ONE: Self;
    fn add(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
}

macro_rules! acc_int {
    ($($t:ty),*) => {$(
        impl Acc for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            #[inline(always)]
            fn add(self, o: Self) -> Self { self.wrapping_add(o) }
            #[inline(always)]
            fn mul(self, o: Self) -> Self { self.wrapping_mul(o) }
        }
    )*};
}
acc_int!(i64, u64);

macro_rules! acc_float {
    ($($t:ty),*) => {$(
        impl Acc for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            #[inline(always)]
            fn add(self, o: Self) -> Self { self + o }
            #[inline(always)]
            fn mul(self, o: Self) -> Self { self * o }
        }
    )*};
}
acc_float!(f32, f64);

macro_rules! acc_complex {
    ($($t:ty),*) => {$(
        impl Acc for $t {
            const ZERO: Self = <$t>::new(0.0, 0.0);
            const ONE: Self = <$t>::new(1.0, 0.0);
            #[inline(always)]
            fn add(self, o: Self) -> Self { self + o }
            #[inline(always)]
            fn mul(self, o: Self) -> Self { self * o }
        }
    )*};
}
acc_complex!(Complex64, Complex128);

/// A real float type (the result of `var`/`std`, and the values they work on).
pub(crate) trait RealFloat: Acc + Copy + PartialOrd + CastTo<f64> {
    fn from_f64(x: f64) -> Self;
    fn div(self, o: Self) -> Self;
}

macro_rules! real_float {
    ($($t:ty),*) => {$(
        impl RealFloat for $t {
            #[inline(always)]
            fn from_f64(x: f64) -> Self { x as $t }
            #[inline(always)]
            fn div(self, o: Self) -> Self { self / o }
        }
    )*};
}
real_float!(f32, f64);

/// The float (or complex) type a mean is computed in, with the operations `var` needs.
pub(crate) trait MeanAcc: Acc {
    /// The real type of `|x - mean|^2`.
    type Real: RealFloat + Element;
    fn div_count(self, n: Self::Real) -> Self;
    fn mul_real(self, r: Self::Real) -> Self;
    fn sub(self, o: Self) -> Self;
    fn abs2(self) -> Self::Real;
    fn is_nan(self) -> bool;
}

macro_rules! mean_real {
    ($($t:ty),*) => {$(
        impl MeanAcc for $t {
            type Real = $t;
            #[inline(always)]
            fn div_count(self, n: $t) -> Self { self / n }
            #[inline(always)]
            fn mul_real(self, r: $t) -> Self { self * r }
            #[inline(always)]
            fn sub(self, o: Self) -> Self { self - o }
            #[inline(always)]
            fn abs2(self) -> $t { self * self }
            #[inline(always)]
            fn is_nan(self) -> bool { <$t>::is_nan(self) }
        }
    )*};
}
mean_real!(f32, f64);

macro_rules! mean_complex {
    ($($t:ty => $r:ty),*) => {$(
        impl MeanAcc for $t {
            type Real = $r;
            #[inline(always)]
            fn div_count(self, n: $r) -> Self {
                // NumPy's complex division by `n + 0j` (Smith's method), for identical bits.
                if n == 0.0 {
                    return <$t>::new(self.re / n, self.im / n);
                }
                let rat = 0.0 / n;
                let scl = 1.0 / (n + 0.0 * rat);
                <$t>::new((self.re + self.im * rat) * scl, (self.im - self.re * rat) * scl)
            }
            #[inline(always)]
            fn mul_real(self, r: $r) -> Self { <$t>::new(self.re * r, self.im * r) }
            #[inline(always)]
            fn sub(self, o: Self) -> Self { self - o }
            #[inline(always)]
            fn abs2(self) -> $r { self.re * self.re + self.im * self.im }
            #[inline(always)]
            fn is_nan(self) -> bool { self.re.is_nan() || self.im.is_nan() }
        }
    )*};
}
mean_complex!(Complex64 => f32, Complex128 => f64);

/// Comparisons used by `min`/`max`/`argmin`/`argmax` (complex numbers compare
/// lexicographically, as in NumPy); `ge`/`le` are false when either side is NaN.
pub(crate) trait OrdElem: Element + CastTo<bool> {
    fn ge(self, o: Self) -> bool;
    fn le(self, o: Self) -> bool;
    fn gt(self, o: Self) -> bool;
    fn lt(self, o: Self) -> bool;
    fn is_nan(self) -> bool;
}

macro_rules! ord_int {
    ($($t:ty),*) => {$(
        impl OrdElem for $t {
            #[inline(always)]
            fn ge(self, o: Self) -> bool { self >= o }
            #[inline(always)]
            fn le(self, o: Self) -> bool { self <= o }
            #[inline(always)]
            fn gt(self, o: Self) -> bool { self > o }
            #[inline(always)]
            fn lt(self, o: Self) -> bool { self < o }
            #[inline(always)]
            fn is_nan(self) -> bool { false }
        }
    )*};
}
ord_int!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! ord_float {
    ($($t:ty),*) => {$(
        impl OrdElem for $t {
            #[inline(always)]
            fn ge(self, o: Self) -> bool { self >= o }
            #[inline(always)]
            fn le(self, o: Self) -> bool { self <= o }
            #[inline(always)]
            fn gt(self, o: Self) -> bool { self > o }
            #[inline(always)]
            fn lt(self, o: Self) -> bool { self < o }
            #[inline(always)]
            fn is_nan(self) -> bool { <$t>::is_nan(self) }
        }
    )*};
}
ord_float!(f32, f64);

macro_rules! ord_complex {
    ($($t:ty),*) => {$(
        impl OrdElem for $t {
            #[inline(always)]
            fn ge(self, o: Self) -> bool {
                self.re > o.re || (self.re == o.re && self.im >= o.im)
            }
            #[inline(always)]
            fn le(self, o: Self) -> bool {
                self.re < o.re || (self.re == o.re && self.im <= o.im)
            }
            #[inline(always)]
            fn gt(self, o: Self) -> bool {
                self.re > o.re || (self.re == o.re && self.im > o.im)
            }
            #[inline(always)]
            fn lt(self, o: Self) -> bool {
                self.re < o.re || (self.re == o.re && self.im < o.im)
            }
            #[inline(always)]
            fn is_nan(self) -> bool { self.re.is_nan() || self.im.is_nan() }
        }
    )*};
}
ord_complex!(Complex64, Complex128);

/// NaN-propagating maximum (NumPy's `maximum`).
#[inline(always)]
fn max_prop<T: OrdElem>(acc: T, x: T) -> T {
    if acc.ge(x) || acc.is_nan() { acc } else { x }
}

/// NaN-propagating minimum (NumPy's `minimum`).
#[inline(always)]
fn min_prop<T: OrdElem>(acc: T, x: T) -> T {
    if acc.le(x) || acc.is_nan() { acc } else { x }
}

/// NaN-ignoring maximum (NumPy's `fmax`).
#[inline(always)]
fn fmax<T: OrdElem>(acc: T, x: T) -> T {
    if acc.ge(x) || x.is_nan() { acc } else { x }
}

/// NaN-ignoring minimum (NumPy's `fmin`).
#[inline(always)]
fn fmin<T: OrdElem>(acc: T, x: T) -> T {
    if acc.le(x) || x.is_nan() { acc } else { x }
}

// ===== warnings ============================================================================

/// Prints a NumPy `RuntimeWarning` to stderr, as Python shows it.
pub(crate) fn runtime_warning(message: &str) {
    eprintln!("RuntimeWarning: {message}");
}

// ===== layout planning =====================================================================

/// A reduction seen as a contiguous run of elements of shape `(outer, n, inner)`, where `n`
/// counts the reduced elements; the output has `outer * inner` elements laid out over the
/// kept axes in the order `out_order` (original axis numbers, size-1 axes left out).
pub(crate) struct Plan<'a, T: Clone> {
    pub(crate) data: Cow<'a, [T]>,
    pub(crate) outer: usize,
    pub(crate) n: usize,
    pub(crate) inner: usize,
    pub(crate) out_order: Vec<usize>,
}

/// Where the reduced axes sit in `order`: `Some((start, end))` if they form one block.
fn reduced_block(order: &[usize], reduce: &[bool]) -> Option<(usize, usize)> {
    let pos: Vec<usize> = (0..order.len()).filter(|&p| reduce[order[p]]).collect();
    match (pos.first(), pos.last()) {
        (Some(&s), Some(&e)) if e - s + 1 == pos.len() => Some((s, e + 1)),
        (None, None) => Some((order.len(), order.len())),
        _ => None,
    }
}

/// Lays out the elements of `a` so that the reduced axes form the middle of a contiguous
/// `(outer, n, inner)` block, without copying when the array's memory already allows it
/// (any C- or F-ordered array, or any permutation of one, reducing a block of its axes).
pub(crate) fn plan<'a, T: Element>(a: &'a Array, reduce: &[bool]) -> Plan<'a, T> {
    let shape = a.shape();
    let ndim = shape.len();
    let mut order: Vec<usize> = (0..ndim).filter(|&i| shape[i] != 1).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(a.strides[i].unsigned_abs()));
    let kept_then_reduced = |order: &[usize]| -> Vec<usize> {
        let mut o: Vec<usize> = order.iter().copied().filter(|&i| !reduce[i]).collect();
        o.extend(order.iter().copied().filter(|&i| reduce[i]));
        o
    };
    if reduced_block(&order, reduce).is_none() {
        let mut natural: Vec<usize> = order.clone();
        natural.sort_unstable();
        order = kept_then_reduced(&natural);
    }
    let (b0, b1) = reduced_block(&order, reduce).expect("reduced axes form a block");
    let outer = order[..b0].iter().map(|&i| shape[i]).product();
    let n = order[b0..b1].iter().map(|&i| shape[i]).product();
    let inner = order[b1..].iter().map(|&i| shape[i]).product();
    let mut out_order: Vec<usize> = order[..b0].to_vec();
    out_order.extend_from_slice(&order[b1..]);

    let mut perm = order.clone();
    perm.extend((0..ndim).filter(|&i| shape[i] == 1));
    let v = a.view::<T>().permuted_axes(IxDyn(&perm));
    let data = if a.size() == 0 {
        Cow::Owned(Vec::new())
    } else {
        match v.to_slice() {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(v.iter().copied().collect()),
        }
    };
    Plan {
        data,
        outer,
        n,
        inner,
        out_order,
    }
}

/// The shape of a reduction's result.
fn out_shape(shape: &[usize], reduce: &[bool], keepdims: bool) -> Vec<usize> {
    (0..shape.len())
        .filter_map(|i| {
            if reduce[i] {
                keepdims.then_some(1)
            } else {
                Some(shape[i])
            }
        })
        .collect()
}

/// Wraps a reduction's output (laid out over `out_order`) as a row-major array. Every
/// reduction along axes ends here, so a 0-d result is marked as NumPy's scalar.
pub(crate) fn finish<A: Element>(
    out: Vec<A>,
    shape: &[usize],
    reduce: &[bool],
    out_order: &[usize],
    keepdims: bool,
) -> Array {
    let final_shape = out_shape(shape, reduce, keepdims);
    if out_order.windows(2).all(|w| w[0] < w[1]) {
        return Array::from_vec(out, final_shape).scalar_if_0d();
    }
    let dims: Vec<usize> = out_order.iter().map(|&i| shape[i]).collect();
    let nd = ndarray::ArrayD::from_shape_vec(IxDyn(&dims), out).expect("output size");
    let mut perm: Vec<usize> = (0..out_order.len()).collect();
    perm.sort_by_key(|&p| out_order[p]);
    let data: Vec<A> = nd.permuted_axes(IxDyn(&perm)).iter().copied().collect();
    Array::from_vec(data, final_shape).scalar_if_0d()
}

/// Resolves an axis argument into a mask of reduced axes.
pub(crate) fn axis_mask(axes: &[isize], ndim: usize) -> Result<Vec<bool>> {
    let axes = normalize_axes(axes, ndim)?;
    let mut mask = vec![false; ndim];
    for a in axes {
        mask[a] = true;
    }
    Ok(mask)
}

/// A 0-d array seen as a 1-element 1-d view, as NumPy's `argmax`/`cumsum` treat it when
/// given an axis.
pub(crate) fn as_1d_if_0d(a: &Array) -> Cow<'_, Array> {
    if a.ndim() == 0 {
        Cow::Owned(a.view_with(a.offset, vec![1], vec![1]))
    } else {
        Cow::Borrowed(a)
    }
}

/// Resolves a single-axis argument (`argmax`, `cumsum`, `median`-style functions that take
/// one axis).
pub(crate) fn single_axis(axes: &[isize], ndim: usize) -> Result<usize> {
    match axes {
        [a] => crate::shape_arg::normalize_axis(*a, ndim),
        _ => Err(ArrayError::type_error(
            "'tuple' object cannot be interpreted as an integer",
        )),
    }
}

// ===== kernels =============================================================================

/// NumPy's pairwise summation of `f(x)` over a run (blocks of 128 with eight accumulators,
/// split in halves above that), giving bit-identical float sums.
#[inline]
fn pairwise<T: Copy, A: Acc>(a: &[T], f: &impl Fn(T) -> A) -> A {
    let n = a.len();
    if n < 8 {
        let mut res = A::ZERO;
        for &x in a {
            res = res.add(f(x));
        }
        res
    } else if n <= 128 {
        let mut r = [A::ZERO; 8];
        for j in 0..8 {
            r[j] = f(a[j]);
        }
        let end = n - n % 8;
        for chunk in a[8..end].chunks_exact(8) {
            for j in 0..8 {
                r[j] = r[j].add(f(chunk[j]));
            }
        }
        let mut res =
            ((r[0].add(r[1])).add(r[2].add(r[3]))).add((r[4].add(r[5])).add(r[6].add(r[7])));
        for &x in &a[end..] {
            res = res.add(f(x));
        }
        res
    } else {
        let n2 = pairwise_split(n);
        pairwise(&a[..n2], f).add(pairwise(&a[n2..], f))
    }
}

/// Where [`pairwise`] splits a run longer than 128: NumPy's half, rounded down to a multiple
/// of eight. Every variant of the sum must split there to add in the same order.
#[inline]
fn pairwise_split(n: usize) -> usize {
    let n2 = n / 2;
    n2 - n2 % 8
}

/// Pairwise sums of contiguous float runs compiled for AVX2 when the CPU has it, as NumPy
/// dispatches its own loops at run time. The order of additions is the same as
/// [`pairwise`], so results are identical; only the speed differs.
mod fast_sum {
    use super::{pairwise, pairwise_split};

    macro_rules! avx2_pairwise {
        ($name:ident, $t:ty) => {
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx2")]
            unsafe fn $name(a: &[$t]) -> $t {
                if a.len() <= 128 {
                    pairwise(a, &|x: $t| x)
                } else {
                    let n2 = pairwise_split(a.len());
                    // SAFETY: the caller checked AVX2, as for this call.
                    unsafe { $name(&a[..n2]) + $name(&a[n2..]) }
                }
            }
        };
    }
    avx2_pairwise!(avx2_f32, f32);

    /// [`pairwise`] for float64 with the leaves written in AVX2 intrinsics: left to the
    /// compiler, the eight accumulators became 128-bit shuffles. Lane `j` of the two vectors
    /// is accumulator `j`, so the additions happen in the same order and the sum is the same.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn avx2_f64(a: &[f64]) -> f64 {
        use std::arch::x86_64::{_mm256_add_pd, _mm256_loadu_pd, _mm256_storeu_pd};
        let n = a.len();
        if n < 8 {
            return pairwise(a, &|x: f64| x);
        }
        if n > 128 {
            let n2 = pairwise_split(n);
            // SAFETY: the caller checked AVX2, as for this call.
            return unsafe { avx2_f64(&a[..n2]) + avx2_f64(&a[n2..]) };
        }
        let end = n - n % 8;
        let p = a.as_ptr();
        let mut r = [0.0f64; 8];
        // SAFETY: every load reads 4 elements below `end <= n`; AVX2 was checked by the caller.
        unsafe {
            let mut lo = _mm256_loadu_pd(p);
            let mut hi = _mm256_loadu_pd(p.add(4));
            let mut i = 8;
            while i < end {
                lo = _mm256_add_pd(lo, _mm256_loadu_pd(p.add(i)));
                hi = _mm256_add_pd(hi, _mm256_loadu_pd(p.add(i + 4)));
                i += 8;
            }
            _mm256_storeu_pd(r.as_mut_ptr(), lo);
            _mm256_storeu_pd(r.as_mut_ptr().add(4), hi);
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[end..] {
            res += x;
        }
        res
    }

    /// Adds each `acc.len()`-long row of `block` to `acc`, in AVX2 (or AVX-512) vectors when the
    /// CPU has them, for float64; false (nothing done) for other types.
    pub(super) fn add_rows<A: 'static, T: 'static>(acc: &mut [A], block: &[T]) -> bool {
        use std::any::TypeId;
        if TypeId::of::<A>() != TypeId::of::<f64>() || TypeId::of::<T>() != TypeId::of::<f64>() {
            return false;
        }
        // SAFETY: A and T are f64 (checked through TypeId), so the casts are identities.
        let (acc, block) = unsafe {
            (
                &mut *(acc as *mut [A] as *mut [f64]),
                &*(block as *const [T] as *const [f64]),
            )
        };
        add_rows_f64(acc, block);
        true
    }

    /// The row-by-row adds of [`add_rows`] for float64; the order of additions is the plain
    /// loop's, so results are identical.
    fn add_rows_f64(acc: &mut [f64], block: &[f64]) {
        #[inline(always)]
        fn body(acc: &mut [f64], block: &[f64]) {
            for row in block.chunks_exact(acc.len()) {
                for (a, &x) in acc.iter_mut().zip(row) {
                    *a += x;
                }
            }
        }
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx512f,avx2")]
        unsafe fn avx512(acc: &mut [f64], block: &[f64]) {
            body(acc, block)
        }
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2")]
        unsafe fn avx2(acc: &mut [f64], block: &[f64]) {
            body(acc, block)
        }
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f") {
                // SAFETY: the CPU supports AVX-512F and AVX2.
                return unsafe { avx512(acc, block) };
            }
            if crate::operand::has_avx2() {
                // SAFETY: the CPU supports AVX2.
                return unsafe { avx2(acc, block) };
            }
        }
        body(acc, block)
    }

    /// `0 + pairwise(a)` for float64.
    pub(super) fn sum_f64(a: &[f64]) -> f64 {
        #[cfg(target_arch = "x86_64")]
        if crate::operand::has_avx2() {
            // SAFETY: the CPU supports AVX2 (checked above).
            return 0.0 + unsafe { avx2_f64(a) };
        }
        0.0 + pairwise(a, &|x: f64| x)
    }

    /// `0 + pairwise(a)` for float32.
    pub(super) fn sum_f32(a: &[f32]) -> f32 {
        #[cfg(target_arch = "x86_64")]
        if crate::operand::has_avx2() {
            // SAFETY: the CPU supports AVX2 (checked above).
            return 0.0 + unsafe { avx2_f32(a) };
        }
        0.0 + pairwise(a, &|x: f32| x)
    }
}

/// Sum of a run whose elements need no conversion (`T` is `A`), using the fast float sums.
#[inline]
fn plain_run_sum<T: Element, A: Acc>(a: &[T], f: &impl Fn(T) -> A) -> A {
    use std::any::TypeId;
    if TypeId::of::<T>() == TypeId::of::<f64>() && TypeId::of::<A>() == TypeId::of::<f64>() {
        // SAFETY: T and A are f64 (checked through TypeId), so the casts are identities.
        let s = fast_sum::sum_f64(unsafe { &*(a as *const [T] as *const [f64]) });
        return unsafe { *(&s as *const f64 as *const A) };
    }
    if TypeId::of::<T>() == TypeId::of::<f32>() && TypeId::of::<A>() == TypeId::of::<f32>() {
        // SAFETY: T and A are f32 (checked through TypeId).
        let s = fast_sum::sum_f32(unsafe { &*(a as *const [T] as *const [f32]) });
        return unsafe { *(&s as *const f32 as *const A) };
    }
    run_sum(a, false, f)
}

/// Sum of `f(x)` over a run, in NumPy's order: pairwise, and for inputs NumPy casts through
/// its buffer (`buffered`), pairwise within buffer-sized chunks added in sequence.
#[inline]
fn run_sum<T: Copy, A: Acc>(a: &[T], buffered: bool, f: &impl Fn(T) -> A) -> A {
    const BUFSIZE: usize = 8192;
    if buffered && a.len() > BUFSIZE {
        let mut acc = A::ZERO;
        for chunk in a.chunks(BUFSIZE) {
            acc = acc.add(pairwise(chunk, f));
        }
        acc
    } else {
        A::ZERO.add(pairwise(a, f))
    }
}

/// Sums `f(x)` over the middle axis of an `(outer, n, inner)` block; `plain_ok` says `f` is
/// the identity when `T` is `A` (so the fast float sums may be used).
fn sum_kernel<T: Element, A: Acc>(
    p: &Plan<'_, T>,
    buffered: bool,
    plain_ok: bool,
    f: impl Fn(T) -> A,
) -> Vec<A> {
    let (outer, n, inner) = (p.outer, p.n, p.inner);
    let data = &p.data[..];
    let mut out = vec![A::ZERO; outer * inner];
    if n == 0 || outer * inner == 0 {
        return out;
    }
    if inner == 1 {
        let plain = !buffered && std::any::TypeId::of::<T>() == std::any::TypeId::of::<A>();
        for (o, dst) in out.iter_mut().enumerate() {
            let run = &data[o * n..(o + 1) * n];
            *dst = if plain && plain_ok {
                plain_run_sum(run, &f)
            } else {
                run_sum(run, buffered, &f)
            };
        }
    } else {
        let plain =
            plain_ok && !buffered && std::any::TypeId::of::<T>() == std::any::TypeId::of::<A>();
        for o in 0..outer {
            let acc = &mut out[o * inner..(o + 1) * inner];
            let block = &data[o * n * inner..(o + 1) * n * inner];
            if !(plain && fast_sum::add_rows(acc, block)) {
                for row in block.chunks_exact(inner) {
                    for (a, &x) in acc.iter_mut().zip(row) {
                        *a = a.add(f(x));
                    }
                }
            }
            crate::interrupt::check();
        }
    }
    out
}

/// Folds the middle axis of an `(outer, n, inner)` block with `step`, starting from `init`
/// of the first element; `n` must be positive.
fn fold_kernel<T: Element, A: Copy + Default>(
    p: &Plan<'_, T>,
    init: impl Fn(T) -> A,
    step: impl Fn(A, T) -> A,
) -> Vec<A> {
    let (outer, n, inner) = (p.outer, p.n, p.inner);
    let data = &p.data[..];
    let mut out = vec![A::default(); outer * inner];
    if n == 0 || outer * inner == 0 {
        return out;
    }
    if inner == 1 {
        for (o, dst) in out.iter_mut().enumerate() {
            let run = &data[o * n..(o + 1) * n];
            let mut acc = init(run[0]);
            for &x in &run[1..] {
                acc = step(acc, x);
            }
            *dst = acc;
        }
    } else {
        for o in 0..outer {
            let acc = &mut out[o * inner..(o + 1) * inner];
            let block = &data[o * n * inner..(o + 1) * n * inner];
            let mut rows = block.chunks_exact(inner);
            let first = rows.next().expect("n > 0");
            for (a, &x) in acc.iter_mut().zip(first) {
                *a = init(x);
            }
            for row in rows {
                for (a, &x) in acc.iter_mut().zip(row) {
                    *a = step(*a, x);
                }
            }
            crate::interrupt::check();
        }
    }
    out
}

/// Maximum (`MAX`) or minimum of a non-empty contiguous run, NaN-propagating or, with
/// `skip_nan`, NaN-ignoring (NaN only when every element is NaN). Eight independent lanes
/// keep the loop free of a dependency chain so it vectorizes; NaNs are tracked on the side.
/// Runs the AVX2 copies of the loops on CPUs that have it.
#[inline]
fn extreme_run<T: OrdElem, const MAX: bool>(run: &[T], skip_nan: bool) -> T {
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn avx2<T: OrdElem, const MAX: bool>(run: &[T], skip_nan: bool) -> T {
        extreme_run_body::<T, MAX>(run, skip_nan)
    }
    // The NaN-propagating loop gets a function of its own: inlined next to the other loops,
    // LLVM vectorizes it with shuffles and scalar lanes at half the speed.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn avx2_propagating<T: OrdElem, const MAX: bool>(run: &[T]) -> T {
        extreme_propagating::<T, MAX>(run)
    }
    let propagating = !skip_nan && run.len() >= 16;
    #[cfg(target_arch = "x86_64")]
    if crate::operand::has_avx2() {
        // SAFETY: the CPU supports AVX2.
        return unsafe {
            if propagating {
                avx2_propagating::<T, MAX>(run)
            } else {
                avx2::<T, MAX>(run, skip_nan)
            }
        };
    }
    if propagating {
        extreme_propagating::<T, MAX>(run)
    } else {
        extreme_run_body::<T, MAX>(run, skip_nan)
    }
}

/// [`extreme_run`] without `skip_nan`, for runs of at least 8 elements: NaN wins.
///
/// `x > m ? x : m` is one max instruction per vector; it passes over a NaN `x`, which `seen`
/// catches with one more compare and blend. (A side array seeded from the data, or of bools,
/// or `!(m >= x)` each keep LLVM from vectorizing this as well; so do sixteen lanes.)
#[inline(always)]
fn extreme_propagating<T: OrdElem, const MAX: bool>(run: &[T]) -> T {
    const LANES: usize = 8;
    let n = run.len();
    let mut m = [run[0]; LANES];
    m.copy_from_slice(&run[..LANES]);
    let mut seen = [T::default(); LANES];
    let step = |m: T, x: T| {
        let wins = if MAX { x.gt(m) } else { x.lt(m) };
        if wins { x } else { m }
    };
    let end = n - n % LANES;
    for chunk in run[LANES..end].chunks_exact(LANES) {
        let chunk: &[T; LANES] = chunk.try_into().expect("a full chunk");
        for j in 0..LANES {
            let x = chunk[j];
            m[j] = step(m[j], x);
            seen[j] = if x.is_nan() { x } else { seen[j] };
        }
    }
    // The tail joins after the lanes: updating a lane here would make LLVM treat that lane
    // apart in the main loop, with scalar loads and shuffles.
    let mut acc = m[0];
    for &x in m[1..].iter().chain(&run[end..]) {
        acc = if MAX {
            max_prop(acc, x)
        } else {
            min_prop(acc, x)
        };
    }
    if acc.is_nan() || seen.iter().any(|x| x.is_nan()) {
        return *run.iter().find(|x| x.is_nan()).expect("a NaN was seen");
    }
    acc
}

/// `max` (`MAX`) or `min` over the middle axis of blocks whose rows are `p.inner` long, NaN
/// winning: row by row with the max instruction of [`extreme_propagating`], NaNs caught in
/// `seen`. Compiled for AVX2 on CPUs that have it.
fn extreme_rows<T: OrdElem, const MAX: bool>(p: &Plan<'_, T>) -> Vec<T> {
    #[inline(always)]
    fn body<T: OrdElem, const MAX: bool>(p: &Plan<'_, T>) -> Vec<T> {
        let (outer, n, inner) = (p.outer, p.n, p.inner);
        let mut out = Vec::with_capacity(outer * inner);
        let mut seen = vec![T::default(); inner];
        for block in p.data.chunks_exact(n * inner).take(outer) {
            let mut rows = block.chunks_exact(inner);
            let mut acc = rows.next().expect("n > 0").to_vec();
            seen.fill(T::default());
            for row in rows {
                for ((a, s), &x) in acc.iter_mut().zip(seen.iter_mut()).zip(row) {
                    let wins = if MAX { x.gt(*a) } else { x.lt(*a) };
                    *a = if wins { x } else { *a };
                    *s = if x.is_nan() { x } else { *s };
                }
            }
            for (a, &s) in acc.iter_mut().zip(&seen) {
                if s.is_nan() && !a.is_nan() {
                    *a = s;
                }
            }
            out.extend(acc);
            crate::interrupt::check();
        }
        out
    }
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn avx2<T: OrdElem, const MAX: bool>(p: &Plan<'_, T>) -> Vec<T> {
        body::<T, MAX>(p)
    }
    #[cfg(target_arch = "x86_64")]
    if crate::operand::has_avx2() {
        // SAFETY: the CPU supports AVX2.
        return unsafe { avx2::<T, MAX>(p) };
    }
    body::<T, MAX>(p)
}

/// The loops of [`extreme_run`] for short runs and for `skip_nan`.
#[inline(always)]
fn extreme_run_body<T: OrdElem, const MAX: bool>(run: &[T], skip_nan: bool) -> T {
    let better = |m: T, x: T| if MAX { m.ge(x) } else { m.le(x) };
    let n = run.len();
    if n < 16 {
        let mut acc = run[0];
        for &x in &run[1..] {
            acc = match (MAX, skip_nan) {
                (true, false) => max_prop(acc, x),
                (false, false) => min_prop(acc, x),
                (true, true) => fmax(acc, x),
                (false, true) => fmin(acc, x),
            };
        }
        return acc;
    }
    let mut m = [run[0]; 8];
    m.copy_from_slice(&run[..8]);
    let end = n - n % 8;
    // Only `skip_nan` gets here: a NaN lane value is replaced by the next number.
    for chunk in run[8..end].chunks_exact(8) {
        for j in 0..8 {
            let x = chunk[j];
            m[j] = if better(m[j], x) { m[j] } else { x };
        }
    }
    for &x in &run[end..] {
        m[0] = if better(m[0], x) || x.is_nan() {
            m[0]
        } else {
            x
        };
    }
    let mut acc = m[0];
    for &x in &m[1..] {
        acc = if MAX { fmax(acc, x) } else { fmin(acc, x) };
    }
    acc
}

/// `min`/`max`/`nanmin`/`nanmax` of the middle axis of a block with `n > 0`.
fn extreme_kernel<T: OrdElem>(p: &Plan<'_, T>, max: bool, skip_nan: bool) -> Vec<T> {
    if p.inner == 1 && p.n > 0 {
        let n = p.n;
        return (0..p.outer)
            .map(|o| {
                let run = &p.data[o * n..(o + 1) * n];
                if max {
                    extreme_run::<T, true>(run, skip_nan)
                } else {
                    extreme_run::<T, false>(run, skip_nan)
                }
            })
            .collect();
    }
    if p.inner > 1 && p.n > 0 && !skip_nan {
        return if max {
            extreme_rows::<T, true>(p)
        } else {
            extreme_rows::<T, false>(p)
        };
    }
    match (max, skip_nan) {
        (true, false) => fold_kernel::<T, T>(p, |x| x, max_prop),
        (false, false) => fold_kernel::<T, T>(p, |x| x, min_prop),
        (true, true) => fold_kernel::<T, T>(p, |x| x, fmax),
        (false, true) => fold_kernel::<T, T>(p, |x| x, fmin),
    }
}

/// Index of the first maximum (`MAX`) or minimum of a non-empty run, or of its first NaN.
///
/// A compare-and-remember loop over every element cannot vectorize, so the run goes in
/// blocks: the vectorized [`extreme_run`] gives each block's extreme, a block replaces the
/// best so far only if its extreme is strictly better (so the first of equal values wins),
/// and only the winning block is searched for the position.
#[inline(always)]
fn arg_run<T: OrdElem, const MAX: bool>(run: &[T]) -> usize {
    const BLOCK: usize = 2048;
    if run.len() < 64 {
        // Short rows (argmax along a small axis): one plain pass costs less than the calls.
        let mut best = run[0];
        let mut idx = 0;
        if !best.is_nan() {
            for (i, &x) in run.iter().enumerate().skip(1) {
                let better = if MAX { !x.le(best) } else { !x.ge(best) };
                if better {
                    best = x;
                    idx = i;
                    if x.is_nan() {
                        break;
                    }
                }
            }
        }
        return idx;
    }
    let mut best = run[0];
    let mut best_block = 0;
    for (b, block) in run.chunks(BLOCK).enumerate() {
        let m = extreme_run::<T, MAX>(block, false);
        if m.is_nan() {
            let at = block.iter().position(|x| x.is_nan());
            return b * BLOCK + at.expect("the extreme is NaN");
        }
        let better = if MAX { !m.le(best) } else { !m.ge(best) };
        if b == 0 || better {
            best = m;
            best_block = b;
        }
    }
    let start = best_block * BLOCK;
    let block = &run[start..(start + BLOCK).min(run.len())];
    let at = block.iter().position(|&x| x.ge(best) && x.le(best));
    start + at.expect("the extreme is in its block")
}

/// Index of the first maximum (`is_max`) or minimum along the middle axis, NaN winning as in
/// NumPy's `argmax`; `n` must be positive.
fn arg_kernel<T: OrdElem>(p: &Plan<'_, T>, is_max: bool) -> Vec<i64> {
    let (outer, n, inner) = (p.outer, p.n, p.inner);
    let data = &p.data[..];
    let mut out = vec![0i64; outer * inner];
    // `better(x, best)`: x replaces the current best (x is NaN, or strictly better).
    let better = |x: T, best: T| if is_max { !x.le(best) } else { !x.ge(best) };
    if inner == 1 {
        for (o, dst) in out.iter_mut().enumerate() {
            let run = &data[o * n..(o + 1) * n];
            *dst = if is_max {
                arg_run::<T, true>(run)
            } else {
                arg_run::<T, false>(run)
            } as i64;
        }
    } else {
        let mut best: Vec<T> = vec![T::default(); inner];
        for o in 0..outer {
            let idx = &mut out[o * inner..(o + 1) * inner];
            let block = &data[o * n * inner..(o + 1) * n * inner];
            best.copy_from_slice(&block[..inner]);
            for (k, row) in block.chunks_exact(inner).enumerate().skip(1) {
                for ((b, i), &x) in best.iter_mut().zip(idx.iter_mut()).zip(row) {
                    if !b.is_nan() && better(x, *b) {
                        *b = x;
                        *i = k as i64;
                    }
                }
            }
            crate::interrupt::check();
        }
    }
    out
}

/// Population-style variance pieces along the middle axis: for each output, the sum of
/// `|x - mean|^2` over the non-NaN (`skip_nan`) or all elements, with `means` given per output.
fn sq_dev_kernel<T: Element + CastTo<A>, A: MeanAcc>(
    p: &Plan<'_, T>,
    means: &[A],
    buffered: bool,
    skip_nan: bool,
) -> Vec<A::Real> {
    let (outer, n, inner) = (p.outer, p.n, p.inner);
    let data = &p.data[..];
    let zero = <A::Real as Acc>::ZERO;
    let mut out = vec![zero; outer * inner];
    if n == 0 || outer * inner == 0 {
        return out;
    }
    if inner == 1 {
        for (o, dst) in out.iter_mut().enumerate() {
            let m = means[o];
            let run = &data[o * n..(o + 1) * n];
            *dst = if skip_nan {
                run_sum(run, buffered, &|x: T| {
                    let d = x.cast().sub(m);
                    if d.is_nan() { zero } else { d.abs2() }
                })
            } else {
                run_sum(run, buffered, &|x: T| x.cast().sub(m).abs2())
            };
        }
    } else {
        for o in 0..outer {
            let acc = &mut out[o * inner..(o + 1) * inner];
            let m = &means[o * inner..(o + 1) * inner];
            let block = &data[o * n * inner..(o + 1) * n * inner];
            for row in block.chunks_exact(inner) {
                if skip_nan {
                    for ((a, &x), &mu) in acc.iter_mut().zip(row).zip(m) {
                        let d = x.cast().sub(mu);
                        if !d.is_nan() {
                            *a = a.add(d.abs2());
                        }
                    }
                } else {
                    for ((a, &x), &mu) in acc.iter_mut().zip(row).zip(m) {
                        *a = a.add(x.cast().sub(mu).abs2());
                    }
                }
            }
            crate::interrupt::check();
        }
    }
    out
}

// ===== dtype tables ========================================================================

/// Binds `$T` to the element type and `$A` to NumPy's `sum`/`prod` accumulator type.
macro_rules! dispatch_sum {
    ($dtype:expr, $T:ident, $A:ident => $body:expr) => {
        match $dtype {
            $crate::DType::Bool => {
                type $T = bool;
                type $A = i64;
                $body
            }
            $crate::DType::Int8 => {
                type $T = i8;
                type $A = i64;
                $body
            }
            $crate::DType::Int16 => {
                type $T = i16;
                type $A = i64;
                $body
            }
            $crate::DType::Int32 => {
                type $T = i32;
                type $A = i64;
                $body
            }
            $crate::DType::Int64 => {
                type $T = i64;
                type $A = i64;
                $body
            }
            $crate::DType::UInt8 => {
                type $T = u8;
                type $A = u64;
                $body
            }
            $crate::DType::UInt16 => {
                type $T = u16;
                type $A = u64;
                $body
            }
            $crate::DType::UInt32 => {
                type $T = u32;
                type $A = u64;
                $body
            }
            $crate::DType::UInt64 => {
                type $T = u64;
                type $A = u64;
                $body
            }
            $crate::DType::Float32 => {
                type $T = f32;
                type $A = f32;
                $body
            }
            $crate::DType::Float64 => {
                type $T = f64;
                type $A = f64;
                $body
            }
            $crate::DType::Complex64 => {
                type $T = $crate::Complex64;
                type $A = $crate::Complex64;
                $body
            }
            $crate::DType::Complex128 => {
                type $T = $crate::Complex128;
                type $A = $crate::Complex128;
                $body
            }
            __dtype @ $crate::DType::Str(_) => $crate::strings::unsupported(__dtype),
        }
    };
}
pub(crate) use dispatch_sum;

/// Binds `$T` to the element type and `$A` to the type NumPy computes a mean in.
macro_rules! dispatch_mean {
    ($dtype:expr, $T:ident, $A:ident => $body:expr) => {
        match $dtype {
            $crate::DType::Bool => {
                type $T = bool;
                type $A = f64;
                $body
            }
            $crate::DType::Int8 => {
                type $T = i8;
                type $A = f64;
                $body
            }
            $crate::DType::Int16 => {
                type $T = i16;
                type $A = f64;
                $body
            }
            $crate::DType::Int32 => {
                type $T = i32;
                type $A = f64;
                $body
            }
            $crate::DType::Int64 => {
                type $T = i64;
                type $A = f64;
                $body
            }
            $crate::DType::UInt8 => {
                type $T = u8;
                type $A = f64;
                $body
            }
            $crate::DType::UInt16 => {
                type $T = u16;
                type $A = f64;
                $body
            }
            $crate::DType::UInt32 => {
                type $T = u32;
                type $A = f64;
                $body
            }
            $crate::DType::UInt64 => {
                type $T = u64;
                type $A = f64;
                $body
            }
            $crate::DType::Float32 => {
                type $T = f32;
                type $A = f32;
                $body
            }
            $crate::DType::Float64 => {
                type $T = f64;
                type $A = f64;
                $body
            }
            $crate::DType::Complex64 => {
                type $T = $crate::Complex64;
                type $A = $crate::Complex64;
                $body
            }
            $crate::DType::Complex128 => {
                type $T = $crate::Complex128;
                type $A = $crate::Complex128;
                $body
            }
            __dtype @ $crate::DType::Str(_) => $crate::strings::unsupported(__dtype),
        }
    };
}
pub(crate) use dispatch_mean;

// ===== the operations (non-generic entry points) ===========================================

/// Everything a reduction needs: the array, which axes are reduced, and keepdims.
struct Red<'a> {
    a: &'a Array,
    mask: Vec<bool>,
    keepdims: bool,
}

impl<'a> Red<'a> {
    fn all(a: &'a Array) -> Red<'a> {
        Red {
            a,
            mask: vec![true; a.ndim()],
            keepdims: false,
        }
    }

    fn axes(a: &'a Array, axes: &[isize], keepdims: bool) -> Result<Red<'a>> {
        Ok(Red {
            a,
            mask: axis_mask(axes, a.ndim())?,
            keepdims,
        })
    }

    /// Like [`Red::axes`] for the reductions NumPy implements as ufunc reductions, which
    /// also accept `axis=0` or `axis=-1` on a 0-d array (reducing nothing).
    fn ufunc_axes(a: &'a Array, axes: &[isize], keepdims: bool) -> Result<Red<'a>> {
        if a.ndim() == 0 && matches!(axes, [0] | [-1]) {
            return Ok(Red {
                a,
                mask: Vec::new(),
                keepdims,
            });
        }
        Red::axes(a, axes, keepdims)
    }

    fn plan<T: Element>(&self) -> Plan<'a, T> {
        plan(self.a, &self.mask)
    }

    fn finish<A: Element>(&self, out: Vec<A>, out_order: &[usize]) -> Array {
        finish(out, self.a.shape(), &self.mask, out_order, self.keepdims)
    }

    /// Number of elements reduced into each output.
    fn count(&self) -> usize {
        (0..self.a.ndim())
            .filter(|&i| self.mask[i])
            .map(|i| self.a.shape()[i])
            .product()
    }

    /// Number of outputs.
    fn out_size(&self) -> usize {
        (0..self.a.ndim())
            .filter(|&i| !self.mask[i])
            .map(|i| self.a.shape()[i])
            .product()
    }
}

/// The one element of a full reduction's result.
fn scalar_of(r: Array) -> Scalar {
    r.get(())
}

/// True when NumPy casts this input through its buffer while summing (integer to float etc.).
fn buffered(from: DType, to: DType) -> bool {
    from != to
}

fn sum_impl(r: &Red<'_>) -> Array {
    if r.a.dtype().is_str() {
        crate::strings::reject(crate::strings::no_reduce(r.a, false));
    }
    let d = r.a.dtype();
    dispatch_sum!(d, T, A => {
        let p = r.plan::<T>();
        let out = sum_kernel::<T, A>(&p, buffered(d, <A as Element>::DTYPE), true, |x: T| x.cast());
        r.finish(out, &p.out_order)
    })
}

fn nansum_impl(r: &Red<'_>) -> Array {
    if r.a.dtype().is_str() {
        crate::strings::reject(crate::strings::no_reduce(r.a, false));
    }
    let d = r.a.dtype();
    if !(d.is_float() || d.is_complex()) {
        return sum_impl(r);
    }
    dispatch_sum!(d, T, A => {
        let p = r.plan::<T>();
        let out = sum_kernel::<T, A>(&p, false, false, |x: T| if x.is_nan() { A::ZERO } else { x.cast() });
        r.finish(out, &p.out_order)
    })
}

fn prod_impl(r: &Red<'_>, skip_nan: bool) -> Array {
    if r.a.dtype().is_str() {
        crate::strings::reject(crate::strings::no_loop_reduce("multiply", r.a));
    }
    let d = r.a.dtype();
    dispatch_sum!(d, T, A => {
        let p = r.plan::<T>();
        let out = if p.n == 0 {
            vec![A::ONE; p.outer * p.inner]
        } else {
            let conv = |x: T| -> A { if skip_nan && x.is_nan() { A::ONE } else { x.cast() } };
            fold_kernel::<T, A>(&p, |x| A::ONE.mul(conv(x)), |acc, x| acc.mul(conv(x)))
        };
        r.finish(out, &p.out_order)
    })
}

/// Means along the reduced axes, in the mean dtype; warns like NumPy when a slice is empty.
fn mean_impl(r: &Red<'_>) -> Array {
    if r.a.dtype().is_str() {
        crate::strings::reject(crate::strings::no_reduce(r.a, false));
    }
    let d = r.a.dtype();
    let count = r.count();
    if count == 0 && r.out_size() > 0 {
        runtime_warning("Mean of empty slice");
        runtime_warning(
            if r.out_size() == 1 && !r.keepdims && r.mask.iter().all(|&m| m) {
                "invalid value encountered in scalar divide"
            } else {
                "invalid value encountered in divide"
            },
        );
    }
    dispatch_mean!(d, T, A => {
        let p = r.plan::<T>();
        let sums = sum_kernel::<T, A>(&p, buffered(d, <A as Element>::DTYPE), true, |x: T| x.cast());
        let n = <A as MeanAcc>::Real::from_f64(count as f64);
        let out: Vec<A> = sums.into_iter().map(|s| s.div_count(n)).collect();
        r.finish(out, &p.out_order)
    })
}

/// Variance along the reduced axes (`ddof` as in NumPy), or its square root.
fn var_impl(r: &Red<'_>, ddof: f64, sqrt: bool) -> Array {
    if r.a.dtype().is_str() {
        crate::strings::reject(crate::strings::no_reduce(r.a, false));
    }
    let d = r.a.dtype();
    let count = r.count();
    let dof = (count as f64 - ddof).max(0.0);
    if dof <= 0.0 && r.out_size() > 0 {
        runtime_warning("Degrees of freedom <= 0 for slice");
    }
    dispatch_mean!(d, T, A => {
        let p = r.plan::<T>();
        let buf = buffered(d, <A as Element>::DTYPE);
        let n = <A as MeanAcc>::Real::from_f64(count as f64);
        let means: Vec<A> = sum_kernel::<T, A>(&p, buf, true, |x: T| x.cast())
            .into_iter()
            .map(|s| s.div_count(n))
            .collect();
        // NumPy squares the deviations into a float temporary and sums that unbuffered.
        let ss = sq_dev_kernel::<T, A>(&p, &means, false, false);
        let dof = <A as MeanAcc>::Real::from_f64(dof);
        let out: Vec<<A as MeanAcc>::Real> = ss
            .into_iter()
            .map(|s| {
                let v = s.div(dof);
                if sqrt { v.sqrt() } else { v }
            })
            .collect();
        r.finish(out, &p.out_order)
    })
}

/// `nanmean`, or `nanvar`/`nanstd` when `var` is `Some((ddof, sqrt))`.
fn nanstat_impl(r: &Red<'_>, var: Option<(f64, bool)>) -> Array {
    if r.a.dtype().is_str() {
        crate::strings::reject(crate::strings::no_reduce(r.a, false));
    }
    let d = r.a.dtype();
    if !(d.is_float() || d.is_complex()) {
        return match var {
            None => mean_impl(r),
            Some((ddof, sqrt)) => var_impl(r, ddof, sqrt),
        };
    }
    dispatch_mean!(d, T, A => {
        let p = r.plan::<T>();
        let sums = sum_kernel::<T, A>(&p, false, false, |x: T| if x.is_nan() { A::ZERO } else { x.cast() });
        let counts = sum_kernel::<T, i64>(&p, false, false, |x: T| (!x.is_nan()) as i64);
        type R = <A as MeanAcc>::Real;
        let means: Vec<A> = sums
            .iter()
            .zip(&counts)
            .map(|(&s, &c)| s.div_count(R::from_f64(c as f64)))
            .collect();
        match var {
            None => {
                if counts.contains(&0) {
                    runtime_warning("Mean of empty slice");
                }
                r.finish(means, &p.out_order)
            }
            Some((ddof, sqrt)) => {
                let ss = sq_dev_kernel::<T, A>(&p, &means, false, true);
                if counts.iter().any(|&c| c as f64 - ddof <= 0.0) {
                    runtime_warning("Degrees of freedom <= 0 for slice.");
                }
                let out: Vec<R> = ss
                    .iter()
                    .zip(&counts)
                    .map(|(&s, &c)| {
                        let dof = c as f64 - ddof;
                        let v = if dof <= 0.0 { R::NAN } else { s.div(R::from_f64(dof)) };
                        if sqrt { v.sqrt() } else { v }
                    })
                    .collect();
                r.finish(out, &p.out_order)
            }
        }
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Extreme {
    Min,
    Max,
}

impl Extreme {
    fn ufunc(self, nan: bool) -> &'static str {
        match (self, nan) {
            (Extreme::Min, false) => "minimum",
            (Extreme::Max, false) => "maximum",
            (Extreme::Min, true) => "fmin",
            (Extreme::Max, true) => "fmax",
        }
    }
}

/// `min`/`max` (NaN-propagating) or `nanmin`/`nanmax` (NaN-ignoring) along the reduced axes.
fn extreme_impl(r: &Red<'_>, which: Extreme, skip_nan: bool) -> Result<Array> {
    if r.a.dtype().is_str() {
        return Err(crate::strings::no_loop_reduce(which.ufunc(skip_nan), r.a));
    }
    if r.count() == 0 && r.out_size() > 0 {
        return Err(ArrayError::value(format!(
            "zero-size array to reduction operation {} which has no identity",
            which.ufunc(skip_nan)
        )));
    }
    let d = r.a.dtype();
    Ok(dispatch!(d, T => {
        let p = r.plan::<T>();
        let out: Vec<T> = extreme_kernel(&p, which == Extreme::Max, skip_nan);
        if skip_nan && out.iter().any(|x| x.is_nan()) {
            runtime_warning("All-NaN slice encountered");
        }
        r.finish(out, &p.out_order)
    }))
}

/// `max - min` along the reduced axes, in the input dtype (integers wrap).
fn ptp_impl(r: &Red<'_>) -> Result<Array> {
    if r.a.dtype().is_str() {
        return Err(crate::strings::no_loop_reduce("maximum", r.a));
    }
    let d = r.a.dtype();
    if d == DType::Bool {
        return Err(ArrayError::type_error(
            "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        ));
    }
    if r.count() == 0 && r.out_size() > 0 {
        return Err(ArrayError::value(
            "zero-size array to reduction operation maximum which has no identity",
        ));
    }
    macro_rules! ptp_body {
        ($T:ty, $sub:expr) => {{
            let p = r.plan::<$T>();
            let out: Vec<$T> = fold_kernel::<$T, ($T, $T)>(
                &p,
                |x| (x, x),
                |(lo, hi), x| (min_prop(lo, x), max_prop(hi, x)),
            )
            .into_iter()
            .map(|(lo, hi)| $sub(hi, lo))
            .collect();
            r.finish(out, &p.out_order)
        }};
    }
    Ok(
        crate::dispatch!(d, [Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64], T => {
        ptp_body!(T, |a: T, b: T| a.wrapping_sub(b))
    }, _ => crate::dispatch!(d, [Float32, Float64, Complex64, Complex128], T => {
        ptp_body!(T, |a: T, b: T| a - b)
    }, _ => crate::strings::unsupported(d))),
    )
}

/// `argmin`/`argmax` along one axis (or all elements when `axis` is `None`).
fn arg_impl(a: &Array, axis: Option<usize>, keepdims: bool, which: Extreme) -> Result<Array> {
    if a.dtype().is_str() {
        // Strings order as their ranks among the distinct values.
        return arg_impl(&crate::strings::ranks(a).0, axis, keepdims, which);
    }
    let name = if which == Extreme::Max {
        "argmax"
    } else {
        "argmin"
    };
    let mask = match axis {
        Some(ax) => {
            let mut m = vec![false; a.ndim()];
            m[ax] = true;
            m
        }
        None => vec![true; a.ndim()],
    };
    let r = Red { a, mask, keepdims };
    if r.count() == 0 && (r.out_size() > 0 || axis.is_none()) {
        return Err(ArrayError::value(format!(
            "attempt to get {name} of an empty sequence"
        )));
    }
    let d = a.dtype();
    Ok(dispatch!(d, T => {
        // A flat index counts in row-major order, which plan() may not keep for a full
        // reduction of a non-contiguous array; along one axis its order is always kept.
        let p = if axis.is_some() {
            r.plan::<T>()
        } else {
            let data = match a.as_slice::<T>() {
                Some(s) => Cow::Borrowed(s),
                None => Cow::Owned(a.to_vec::<T>()),
            };
            Plan { data, outer: 1, n: a.size(), inner: 1, out_order: vec![] }
        };
        let out = arg_kernel(&p, which == Extreme::Max);
        r.finish(out, &p.out_order)
    }))
}

/// `nanargmin`/`nanargmax`: NaN never wins; a slice of only NaN is NumPy's `ValueError`.
fn nanarg_impl(a: &Array, axis: Option<usize>, keepdims: bool, which: Extreme) -> Result<Array> {
    let d = a.dtype();
    if !(d.is_float() || d.is_complex()) || a.size() == 0 {
        return arg_impl(a, axis, keepdims, which);
    }
    let mask = match axis {
        Some(ax) => (0..a.ndim()).map(|i| i == ax).collect(),
        None => vec![true; a.ndim()],
    };
    let r = Red { a, mask, keepdims };
    crate::dispatch!(d, [Float32, Float64, Complex64, Complex128], T => {
        let p = r.plan::<T>();
        let counts = sum_kernel::<T, i64>(&p, false, false, |x: T| (!x.is_nan()) as i64);
        if counts.contains(&0) {
            return Err(ArrayError::value("All-NaN slice encountered"));
        }
        // As NumPy: NaN becomes -inf for argmax (+inf for argmin), ties go to the first.
        let fill: T = if which == Extreme::Max { f64::NEG_INFINITY } else { f64::INFINITY }.cast();
        let replaced: Vec<T> = a
            .to_vec::<T>()
            .into_iter()
            .map(|x| if x.is_nan() { fill } else { x })
            .collect();
        arg_impl(&Array::from_vec(replaced, a.shape().to_vec()), axis, keepdims, which)
    }, _ => unreachable!())
}

/// `any` (`is_all` false) or `all` along the reduced axes.
fn anyall_impl(r: &Red<'_>, is_all: bool) -> Array {
    if r.a.dtype().is_str() {
        // A string is true when it is not empty.
        let b = r.a.astype(DType::Bool);
        return anyall_impl(
            &Red {
                a: &b,
                mask: r.mask.clone(),
                keepdims: r.keepdims,
            },
            is_all,
        );
    }
    let d = r.a.dtype();
    dispatch!(d, T => {
        let p = r.plan::<T>();
        let out: Vec<bool> = if p.n == 0 {
            vec![is_all; p.outer * p.inner]
        } else if is_all {
            fold_kernel::<T, bool>(&p, CastTo::<bool>::cast, |acc, x| acc & CastTo::<bool>::cast(x))
        } else {
            fold_kernel::<T, bool>(&p, CastTo::<bool>::cast, |acc, x| acc | CastTo::<bool>::cast(x))
        };
        r.finish(out, &p.out_order)
    })
}

fn count_nonzero_impl(r: &Red<'_>) -> Array {
    if r.a.dtype().is_str() {
        let b = r.a.astype(DType::Bool);
        return count_nonzero_impl(&Red {
            a: &b,
            mask: r.mask.clone(),
            keepdims: r.keepdims,
        });
    }
    let d = r.a.dtype();
    dispatch!(d, T => {
        let p = r.plan::<T>();
        let out = sum_kernel::<T, i64>(&p, false, false, |x: T| CastTo::<bool>::cast(x) as i64);
        r.finish(out, &p.out_order)
    })
}

// ===== public API: methods =================================================================

fn axes_vec(axis: impl IntoAxes) -> Vec<isize> {
    axis.into_axes()
}

impl Array {
    /// Sum of all elements (`a.sum()`); bool and signed integers sum in int64, unsigned in
    /// uint64, floats pairwise in their own dtype.
    ///
    /// ```
    /// let a = arraylib::arange(5);
    /// assert_eq!(a.sum().to_i64(), 10);
    /// ```
    pub fn sum(&self) -> Scalar {
        scalar_of(sum_impl(&Red::all(self)))
    }

    /// Sum along one or more axes (`a.sum(axis=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.sum_axis(0, false).to_vec::<i64>(), vec![3, 5, 7]);
    /// assert_eq!(a.sum_axis(-1, true).shape(), &[2, 1]);
    /// ```
    #[track_caller]
    pub fn sum_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_sum_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::sum_axis`] (`AxisError` for a bad axis).
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_sum_axis(1, false).is_err());
    /// ```
    pub fn try_sum_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        Ok(sum_impl(&Red::ufunc_axes(self, &axes_vec(axis), keepdims)?))
    }

    /// Product of all elements (`a.prod()`), in the same dtype as [`Array::sum`].
    ///
    /// ```
    /// assert_eq!(arraylib::arange((1, 5)).prod().to_i64(), 24);
    /// ```
    pub fn prod(&self) -> Scalar {
        scalar_of(prod_impl(&Red::all(self), false))
    }

    /// Product along axes (`a.prod(axis=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::arange((1, 7)).reshape([2, 3]);
    /// assert_eq!(a.prod_axis(1, false).to_vec::<i64>(), vec![6, 120]);
    /// ```
    #[track_caller]
    pub fn prod_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_prod_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::prod_axis`].
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_prod_axis(-2, false).is_err());
    /// ```
    pub fn try_prod_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        Ok(prod_impl(
            &Red::ufunc_axes(self, &axes_vec(axis), keepdims)?,
            false,
        ))
    }

    /// Mean of all elements (`a.mean()`): float64 for integer and bool input, float32 stays
    /// float32. An empty array gives NaN with NumPy's `RuntimeWarning`.
    ///
    /// ```
    /// assert_eq!(arraylib::arange(4).mean().to_f64(), 1.5);
    /// ```
    pub fn mean(&self) -> Scalar {
        scalar_of(mean_impl(&Red::all(self)))
    }

    /// Mean along axes (`a.mean(axis=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.mean_axis(1, false).to_vec::<f64>(), vec![1.0, 4.0]);
    /// assert_eq!(a.mean_axis(-1, true).shape(), &[2, 1]);
    /// ```
    #[track_caller]
    pub fn mean_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_mean_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::mean_axis`].
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_mean_axis(2, false).is_err());
    /// ```
    pub fn try_mean_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        Ok(mean_impl(&Red::axes(self, &axes_vec(axis), keepdims)?))
    }

    /// Population variance of all elements (`a.var()`, `ddof=0`).
    ///
    /// ```
    /// assert_eq!(arraylib::arange(4).var().to_f64(), 1.25);
    /// ```
    pub fn var(&self) -> Scalar {
        scalar_of(var_impl(&Red::all(self), 0.0, false))
    }

    /// Variance with `ddof` delta degrees of freedom (`a.var(ddof=1)` is the sample variance).
    ///
    /// ```
    /// let v = arraylib::arange(4).var_ddof(1).to_f64();
    /// assert!((v - 5.0 / 3.0).abs() < 1e-15);
    /// ```
    pub fn var_ddof(&self, ddof: impl Into<f64>) -> Scalar {
        scalar_of(var_impl(&Red::all(self), ddof.into(), false))
    }

    /// Population variance along axes (`a.var(axis=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.var_axis(0, false).to_vec::<f64>(), vec![2.25, 2.25, 2.25]);
    /// ```
    #[track_caller]
    pub fn var_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_var_axis_ddof(axis, 0.0, keepdims).or_panic()
    }

    /// Variance along axes with `ddof` (`a.var(axis=..., ddof=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.var_axis_ddof(1, 1, false).to_vec::<f64>(), vec![1.0, 1.0]);
    /// ```
    #[track_caller]
    pub fn var_axis_ddof(
        &self,
        axis: impl IntoAxes,
        ddof: impl Into<f64>,
        keepdims: bool,
    ) -> Array {
        self.try_var_axis_ddof(axis, ddof, keepdims).or_panic()
    }

    /// Fallible form of [`Array::var_axis_ddof`].
    ///
    /// ```
    /// assert!(arraylib::zeros([2, 2]).try_var_axis_ddof(3, 0, false).is_err());
    /// ```
    pub fn try_var_axis_ddof(
        &self,
        axis: impl IntoAxes,
        ddof: impl Into<f64>,
        keepdims: bool,
    ) -> Result<Array> {
        Ok(var_impl(
            &Red::axes(self, &axes_vec(axis), keepdims)?,
            ddof.into(),
            false,
        ))
    }

    /// Population standard deviation of all elements (`a.std()`, `ddof=0`).
    ///
    /// ```
    /// assert_eq!(arraylib::Array::from(vec![1.0, 3.0]).std().to_f64(), 1.0);
    /// ```
    pub fn std(&self) -> Scalar {
        scalar_of(var_impl(&Red::all(self), 0.0, true))
    }

    /// Standard deviation with `ddof` (`a.std(ddof=1)`).
    ///
    /// ```
    /// let s = arraylib::Array::from(vec![1.0, 3.0]).std_ddof(1).to_f64();
    /// assert!((s - 2f64.sqrt()).abs() < 1e-15);
    /// ```
    pub fn std_ddof(&self, ddof: impl Into<f64>) -> Scalar {
        scalar_of(var_impl(&Red::all(self), ddof.into(), true))
    }

    /// Population standard deviation along axes (`a.std(axis=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.std_axis(0, false).to_vec::<f64>(), vec![1.5, 1.5, 1.5]);
    /// ```
    #[track_caller]
    pub fn std_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_std_axis_ddof(axis, 0.0, keepdims).or_panic()
    }

    /// Standard deviation along axes with `ddof`.
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.std_axis_ddof(1, 1, true).to_vec::<f64>(), vec![1.0, 1.0]);
    /// ```
    #[track_caller]
    pub fn std_axis_ddof(
        &self,
        axis: impl IntoAxes,
        ddof: impl Into<f64>,
        keepdims: bool,
    ) -> Array {
        self.try_std_axis_ddof(axis, ddof, keepdims).or_panic()
    }

    /// Fallible form of [`Array::std_axis_ddof`].
    ///
    /// ```
    /// assert!(arraylib::zeros(2).try_std_axis_ddof(1, 0, false).is_err());
    /// ```
    pub fn try_std_axis_ddof(
        &self,
        axis: impl IntoAxes,
        ddof: impl Into<f64>,
        keepdims: bool,
    ) -> Result<Array> {
        Ok(var_impl(
            &Red::axes(self, &axes_vec(axis), keepdims)?,
            ddof.into(),
            true,
        ))
    }

    /// Smallest element (`a.min()`), NaN if any element is NaN. Panics with NumPy's
    /// `ValueError` for an empty array.
    ///
    /// ```
    /// assert_eq!(arraylib::Array::from(vec![3, 1, 2]).min().to_i64(), 1);
    /// ```
    #[track_caller]
    pub fn min(&self) -> Scalar {
        self.try_min().or_panic()
    }

    /// Fallible form of [`Array::min`].
    ///
    /// ```
    /// let e = arraylib::zeros(0).try_min().unwrap_err();
    /// assert_eq!(e.message, "zero-size array to reduction operation minimum which has no identity");
    /// ```
    pub fn try_min(&self) -> Result<Scalar> {
        extreme_impl(&Red::all(self), Extreme::Min, false).map(scalar_of)
    }

    /// Largest element (`a.max()`), NaN if any element is NaN.
    ///
    /// ```
    /// assert_eq!(arraylib::Array::from(vec![3.0, 1.0, 2.0]).max().to_f64(), 3.0);
    /// ```
    #[track_caller]
    pub fn max(&self) -> Scalar {
        self.try_max().or_panic()
    }

    /// Fallible form of [`Array::max`].
    ///
    /// ```
    /// assert!(arraylib::zeros(0).try_max().is_err());
    /// ```
    pub fn try_max(&self) -> Result<Scalar> {
        extreme_impl(&Red::all(self), Extreme::Max, false).map(scalar_of)
    }

    /// Minimum along axes (`a.min(axis=..., keepdims=...)`), keeping the dtype.
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.min_axis(0, false).to_vec::<i64>(), vec![0, 1, 2]);
    /// ```
    #[track_caller]
    pub fn min_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_min_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::min_axis`].
    ///
    /// ```
    /// assert!(arraylib::zeros([0, 3]).try_min_axis(0, false).is_err());
    /// assert_eq!(arraylib::zeros([0, 3]).try_min_axis(1, false).unwrap().shape(), &[0]);
    /// ```
    pub fn try_min_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        extreme_impl(
            &Red::ufunc_axes(self, &axes_vec(axis), keepdims)?,
            Extreme::Min,
            false,
        )
    }

    /// Maximum along axes (`a.max(axis=..., keepdims=...)`), keeping the dtype.
    ///
    /// ```
    /// let a = arraylib::arange(6).reshape([2, 3]);
    /// assert_eq!(a.max_axis(-1, true).to_vec::<i64>(), vec![2, 5]);
    /// ```
    #[track_caller]
    pub fn max_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_max_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::max_axis`].
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_max_axis(1, false).is_err());
    /// ```
    pub fn try_max_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        extreme_impl(
            &Red::ufunc_axes(self, &axes_vec(axis), keepdims)?,
            Extreme::Max,
            false,
        )
    }

    /// Flat index of the first largest element (`a.argmax()`); a NaN counts as largest.
    /// Panics with `ValueError: attempt to get argmax of an empty sequence` when empty.
    ///
    /// ```
    /// assert_eq!(arraylib::Array::from(vec![1, 5, 5, 2]).argmax(), 1);
    /// ```
    #[track_caller]
    pub fn argmax(&self) -> usize {
        self.try_argmax().or_panic()
    }

    /// Fallible form of [`Array::argmax`].
    ///
    /// ```
    /// assert!(arraylib::zeros(0).try_argmax().is_err());
    /// ```
    pub fn try_argmax(&self) -> Result<usize> {
        arg_impl(self, None, false, Extreme::Max).map(|r| scalar_of(r).to_i64() as usize)
    }

    /// Flat index of the first smallest element (`a.argmin()`); a NaN counts as smallest.
    ///
    /// ```
    /// assert_eq!(arraylib::Array::from(vec![3, 1, 1]).argmin(), 1);
    /// ```
    #[track_caller]
    pub fn argmin(&self) -> usize {
        self.try_argmin().or_panic()
    }

    /// Fallible form of [`Array::argmin`].
    ///
    /// ```
    /// assert!(arraylib::zeros(0).try_argmin().is_err());
    /// ```
    pub fn try_argmin(&self) -> Result<usize> {
        arg_impl(self, None, false, Extreme::Min).map(|r| scalar_of(r).to_i64() as usize)
    }

    /// Indices of the maxima along one axis, as int64 (`a.argmax(axis=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![1.0, 9.0, 3.0, 7.0, 2.0, 8.0], [2, 3]);
    /// assert_eq!(a.argmax_axis(1, false).to_vec::<i64>(), vec![1, 2]);
    /// ```
    #[track_caller]
    pub fn argmax_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_argmax_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::argmax_axis`].
    ///
    /// ```
    /// assert!(arraylib::zeros([0, 2]).try_argmax_axis(0, false).is_err());
    /// ```
    pub fn try_argmax_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        let a = as_1d_if_0d(self);
        let ax = single_axis(&axes_vec(axis), a.ndim())?;
        arg_impl(&a, Some(ax), keepdims, Extreme::Max)
    }

    /// Indices of the minima along one axis, as int64 (`a.argmin(axis=..., keepdims=...)`).
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![1.0, 9.0, 3.0, 7.0, 2.0, 8.0], [2, 3]);
    /// assert_eq!(a.argmin_axis(0, false).to_vec::<i64>(), vec![0, 1, 0]);
    /// ```
    #[track_caller]
    pub fn argmin_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_argmin_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::argmin_axis`].
    ///
    /// ```
    /// assert!(arraylib::zeros(3).try_argmin_axis(1, false).is_err());
    /// ```
    pub fn try_argmin_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        let a = as_1d_if_0d(self);
        let ax = single_axis(&axes_vec(axis), a.ndim())?;
        arg_impl(&a, Some(ax), keepdims, Extreme::Min)
    }

    /// True if any element is nonzero (`a.any()`); NaN counts as true.
    ///
    /// ```
    /// assert!(arraylib::Array::from(vec![0, 0, 3]).any());
    /// assert!(!arraylib::zeros(0).any());
    /// ```
    pub fn any(&self) -> bool {
        scalar_of(anyall_impl(&Red::all(self), false)).to_bool()
    }

    /// True if every element is nonzero (`a.all()`); true for an empty array.
    ///
    /// ```
    /// assert!(!arraylib::Array::from(vec![1, 0, 3]).all());
    /// assert!(arraylib::zeros(0).all());
    /// ```
    pub fn all(&self) -> bool {
        scalar_of(anyall_impl(&Red::all(self), true)).to_bool()
    }

    /// `any` along axes, as a bool array.
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![0, 0, 1, 0], [2, 2]);
    /// assert_eq!(a.any_axis(1, false).to_vec::<bool>(), vec![false, true]);
    /// ```
    #[track_caller]
    pub fn any_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_any_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::any_axis`].
    ///
    /// ```
    /// assert!(arraylib::zeros(2).try_any_axis(1, false).is_err());
    /// ```
    pub fn try_any_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        Ok(anyall_impl(
            &Red::ufunc_axes(self, &axes_vec(axis), keepdims)?,
            false,
        ))
    }

    /// `all` along axes, as a bool array.
    ///
    /// ```
    /// let a = arraylib::Array::from_vec(vec![1, 0, 1, 1], [2, 2]);
    /// assert_eq!(a.all_axis(0, false).to_vec::<bool>(), vec![true, false]);
    /// ```
    #[track_caller]
    pub fn all_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Array {
        self.try_all_axis(axis, keepdims).or_panic()
    }

    /// Fallible form of [`Array::all_axis`].
    ///
    /// ```
    /// assert!(arraylib::zeros(2).try_all_axis(-2, false).is_err());
    /// ```
    pub fn try_all_axis(&self, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
        Ok(anyall_impl(
            &Red::ufunc_axes(self, &axes_vec(axis), keepdims)?,
            true,
        ))
    }
}

// ===== public API: free functions ==========================================================

/// `np.sum(a)`: sum of all elements. See [`Array::sum`].
///
/// ```
/// assert_eq!(arraylib::sum(arraylib::arange(4)).to_i64(), 6);
/// ```
pub fn sum(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().sum()
}

/// `np.sum(a, axis=..., keepdims=...)`. See [`Array::sum_axis`].
///
/// ```
/// let a = arraylib::ones([2, 3]);
/// assert_eq!(arraylib::sum_axis(&a, 1, true).shape(), &[2, 1]);
/// ```
#[track_caller]
pub fn sum_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().sum_axis(axis, keepdims)
}

/// `np.prod(a)`. See [`Array::prod`].
///
/// ```
/// assert_eq!(arraylib::prod(arraylib::arange((1, 4))).to_i64(), 6);
/// ```
pub fn prod(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().prod()
}

/// `np.prod(a, axis=..., keepdims=...)`. See [`Array::prod_axis`].
///
/// ```
/// assert_eq!(arraylib::prod_axis(arraylib::ones([2, 3]), 0, false).shape(), &[3]);
/// ```
#[track_caller]
pub fn prod_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().prod_axis(axis, keepdims)
}

/// `np.mean(a)`. See [`Array::mean`].
///
/// ```
/// assert_eq!(arraylib::mean(arraylib::arange(5)).to_f64(), 2.0);
/// ```
pub fn mean(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().mean()
}

/// `np.mean(a, axis=..., keepdims=...)`. See [`Array::mean_axis`].
///
/// ```
/// let a = arraylib::arange(6).reshape([3, 2]);
/// assert_eq!(arraylib::mean_axis(&a, 0, false).to_vec::<f64>(), vec![2.0, 3.0]);
/// ```
#[track_caller]
pub fn mean_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().mean_axis(axis, keepdims)
}

/// `np.var(a)`. See [`Array::var`].
///
/// ```
/// assert_eq!(arraylib::var(arraylib::arange(3)).to_f64(), 2.0 / 3.0);
/// ```
pub fn var(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().var()
}

/// `np.var(a, ddof=...)`. See [`Array::var_ddof`].
///
/// ```
/// assert_eq!(arraylib::var_ddof(arraylib::arange(3), 1).to_f64(), 1.0);
/// ```
pub fn var_ddof(a: impl AsRef<Array>, ddof: impl Into<f64>) -> Scalar {
    a.as_ref().var_ddof(ddof)
}

/// `np.var(a, axis=..., keepdims=...)`. See [`Array::var_axis`].
///
/// ```
/// assert_eq!(arraylib::var_axis(arraylib::ones([2, 2]), 0, false).to_vec::<f64>(), vec![0.0, 0.0]);
/// ```
#[track_caller]
pub fn var_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().var_axis(axis, keepdims)
}

/// `np.var(a, axis=..., ddof=..., keepdims=...)`. See [`Array::var_axis_ddof`].
///
/// ```
/// let a = arraylib::arange(4).reshape([2, 2]);
/// assert_eq!(arraylib::var_axis_ddof(&a, 0, 1, false).to_vec::<f64>(), vec![2.0, 2.0]);
/// ```
#[track_caller]
pub fn var_axis_ddof(
    a: impl AsRef<Array>,
    axis: impl IntoAxes,
    ddof: impl Into<f64>,
    keepdims: bool,
) -> Array {
    a.as_ref().var_axis_ddof(axis, ddof, keepdims)
}

/// `np.std(a)`. See [`Array::std`].
///
/// ```
/// assert_eq!(arraylib::std(arraylib::Array::from(vec![2.0, 4.0])).to_f64(), 1.0);
/// ```
pub fn std(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().std()
}

/// `np.std(a, ddof=...)`. See [`Array::std_ddof`].
///
/// ```
/// assert_eq!(arraylib::std_ddof(arraylib::arange(3), 1).to_f64(), 1.0);
/// ```
pub fn std_ddof(a: impl AsRef<Array>, ddof: impl Into<f64>) -> Scalar {
    a.as_ref().std_ddof(ddof)
}

/// `np.std(a, axis=..., keepdims=...)`. See [`Array::std_axis`].
///
/// ```
/// let a = arraylib::arange(4).reshape([2, 2]);
/// assert_eq!(arraylib::std_axis(&a, 0, false).to_vec::<f64>(), vec![1.0, 1.0]);
/// ```
#[track_caller]
pub fn std_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().std_axis(axis, keepdims)
}

/// `np.std(a, axis=..., ddof=..., keepdims=...)`. See [`Array::std_axis_ddof`].
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// assert_eq!(arraylib::std_axis_ddof(&a, 1, 1, false).to_vec::<f64>(), vec![1.0, 1.0]);
/// ```
#[track_caller]
pub fn std_axis_ddof(
    a: impl AsRef<Array>,
    axis: impl IntoAxes,
    ddof: impl Into<f64>,
    keepdims: bool,
) -> Array {
    a.as_ref().std_axis_ddof(axis, ddof, keepdims)
}

/// `np.min(a)`. See [`Array::min`].
///
/// ```
/// assert_eq!(arraylib::min(arraylib::arange(3)).to_i64(), 0);
/// ```
#[track_caller]
pub fn min(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().min()
}

/// `np.max(a)`. See [`Array::max`].
///
/// ```
/// assert_eq!(arraylib::max(arraylib::arange(3)).to_i64(), 2);
/// ```
#[track_caller]
pub fn max(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().max()
}

/// `np.amin(a)`, another name for [`min`].
///
/// ```
/// assert_eq!(arraylib::amin(arraylib::arange(3)).to_i64(), 0);
/// ```
#[track_caller]
pub fn amin(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().min()
}

/// `np.amax(a)`, another name for [`max`].
///
/// ```
/// assert_eq!(arraylib::amax(arraylib::arange(3)).to_i64(), 2);
/// ```
#[track_caller]
pub fn amax(a: impl AsRef<Array>) -> Scalar {
    a.as_ref().max()
}

/// `np.min(a, axis=..., keepdims=...)`. See [`Array::min_axis`].
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// assert_eq!(arraylib::min_axis(&a, 1, false).to_vec::<i64>(), vec![0, 3]);
/// ```
#[track_caller]
pub fn min_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().min_axis(axis, keepdims)
}

/// `np.max(a, axis=..., keepdims=...)`. See [`Array::max_axis`].
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// assert_eq!(arraylib::max_axis(&a, 1, true).shape(), &[2, 1]);
/// ```
#[track_caller]
pub fn max_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().max_axis(axis, keepdims)
}

/// `np.amin(a, axis=..., keepdims=...)`, another name for [`min_axis`].
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// assert_eq!(arraylib::amin_axis(&a, 0, false).to_vec::<i64>(), vec![0, 1, 2]);
/// ```
#[track_caller]
pub fn amin_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().min_axis(axis, keepdims)
}

/// `np.amax(a, axis=..., keepdims=...)`, another name for [`max_axis`].
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// assert_eq!(arraylib::amax_axis(&a, 0, false).to_vec::<i64>(), vec![3, 4, 5]);
/// ```
#[track_caller]
pub fn amax_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().max_axis(axis, keepdims)
}

/// `np.argmax(a)`: flat index of the first maximum. See [`Array::argmax`].
///
/// ```
/// assert_eq!(arraylib::argmax(arraylib::Array::from(vec![1.0, 3.0, 2.0])), 1);
/// ```
#[track_caller]
pub fn argmax(a: impl AsRef<Array>) -> usize {
    a.as_ref().argmax()
}

/// `np.argmin(a)`: flat index of the first minimum. See [`Array::argmin`].
///
/// ```
/// assert_eq!(arraylib::argmin(arraylib::Array::from(vec![1.0, 3.0, 0.5])), 2);
/// ```
#[track_caller]
pub fn argmin(a: impl AsRef<Array>) -> usize {
    a.as_ref().argmin()
}

/// `np.argmax(a, axis=..., keepdims=...)`: int64 indices. See [`Array::argmax_axis`].
///
/// ```
/// let p = arraylib::Array::from_vec(vec![0.1, 0.9, 0.7, 0.3], [2, 2]);
/// assert_eq!(arraylib::argmax_axis(&p, 1, false).to_vec::<i64>(), vec![1, 0]);
/// ```
#[track_caller]
pub fn argmax_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().argmax_axis(axis, keepdims)
}

/// `np.argmin(a, axis=..., keepdims=...)`: int64 indices. See [`Array::argmin_axis`].
///
/// ```
/// let p = arraylib::Array::from_vec(vec![0.1, 0.9, 0.7, 0.3], [2, 2]);
/// assert_eq!(arraylib::argmin_axis(&p, 1, false).to_vec::<i64>(), vec![0, 1]);
/// ```
#[track_caller]
pub fn argmin_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().argmin_axis(axis, keepdims)
}

/// `np.nanargmax(a)`: flat index of the largest non-NaN element. Panics with
/// `ValueError: All-NaN slice encountered` if every element is NaN.
///
/// ```
/// let a = arraylib::Array::from(vec![1.0, f64::NAN, 3.0]);
/// assert_eq!(arraylib::nanargmax(&a), 2);
/// ```
#[track_caller]
pub fn nanargmax(a: impl AsRef<Array>) -> usize {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> usize {
        nanarg_impl(a, None, false, Extreme::Max)
            .map(|r| scalar_of(r).to_i64() as usize)
            .or_panic()
    }
    inner(a.as_ref())
}

/// `np.nanargmin(a)`: flat index of the smallest non-NaN element.
///
/// ```
/// let a = arraylib::Array::from(vec![f64::NAN, 2.0, 1.0]);
/// assert_eq!(arraylib::nanargmin(&a), 2);
/// ```
#[track_caller]
pub fn nanargmin(a: impl AsRef<Array>) -> usize {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> usize {
        nanarg_impl(a, None, false, Extreme::Min)
            .map(|r| scalar_of(r).to_i64() as usize)
            .or_panic()
    }
    inner(a.as_ref())
}

/// `np.nanargmax(a, axis=..., keepdims=...)`: int64 indices ignoring NaN.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![f64::NAN, 1.0, 4.0, 2.0], [2, 2]);
/// assert_eq!(arraylib::nanargmax_axis(&a, 1, false).to_vec::<i64>(), vec![1, 0]);
/// ```
#[track_caller]
pub fn nanargmax_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    let a = as_1d_if_0d(a.as_ref());
    single_axis(&axes_vec(axis), a.ndim())
        .and_then(|ax| nanarg_impl(&a, Some(ax), keepdims, Extreme::Max))
        .or_panic()
}

/// `np.nanargmin(a, axis=..., keepdims=...)`: int64 indices ignoring NaN.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![f64::NAN, 1.0, 4.0, 2.0], [2, 2]);
/// assert_eq!(arraylib::nanargmin_axis(&a, 0, false).to_vec::<i64>(), vec![1, 0]);
/// ```
#[track_caller]
pub fn nanargmin_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    let a = as_1d_if_0d(a.as_ref());
    single_axis(&axes_vec(axis), a.ndim())
        .and_then(|ax| nanarg_impl(&a, Some(ax), keepdims, Extreme::Min))
        .or_panic()
}

/// `np.any(a)`. See [`Array::any`].
///
/// ```
/// assert!(arraylib::any(arraylib::arange(3)));
/// ```
pub fn any(a: impl AsRef<Array>) -> bool {
    a.as_ref().any()
}

/// `np.all(a)`. See [`Array::all`].
///
/// ```
/// assert!(!arraylib::all(arraylib::arange(3)));
/// ```
pub fn all(a: impl AsRef<Array>) -> bool {
    a.as_ref().all()
}

/// `np.any(a, axis=..., keepdims=...)`. See [`Array::any_axis`].
///
/// ```
/// assert_eq!(arraylib::any_axis(arraylib::zeros([2, 3]), 0, false).shape(), &[3]);
/// ```
#[track_caller]
pub fn any_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().any_axis(axis, keepdims)
}

/// `np.all(a, axis=..., keepdims=...)`. See [`Array::all_axis`].
///
/// ```
/// assert_eq!(arraylib::all_axis(arraylib::ones([2, 3]), 1, false).to_vec::<bool>(), vec![true, true]);
/// ```
#[track_caller]
pub fn all_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    a.as_ref().all_axis(axis, keepdims)
}

/// `np.ptp(a)`: `max - min` in the input dtype ("peak to peak").
///
/// ```
/// assert_eq!(arraylib::ptp(arraylib::Array::from(vec![4, 9, 2])).to_i64(), 7);
/// ```
#[track_caller]
pub fn ptp(a: impl AsRef<Array>) -> Scalar {
    try_ptp(a).or_panic()
}

/// Fallible form of [`ptp`].
///
/// ```
/// assert!(arraylib::try_ptp(arraylib::zeros(0)).is_err());
/// ```
pub fn try_ptp(a: impl AsRef<Array>) -> Result<Scalar> {
    ptp_impl(&Red::all(a.as_ref())).map(scalar_of)
}

/// `np.ptp(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::arange(6).reshape([2, 3]);
/// assert_eq!(arraylib::ptp_axis(&a, 1, false).to_vec::<i64>(), vec![2, 2]);
/// ```
#[track_caller]
pub fn ptp_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    try_ptp_axis(a, axis, keepdims).or_panic()
}

/// Fallible form of [`ptp_axis`].
///
/// ```
/// assert!(arraylib::try_ptp_axis(arraylib::zeros(2), 1, false).is_err());
/// ```
pub fn try_ptp_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Result<Array> {
    let a = a.as_ref();
    ptp_impl(&Red::ufunc_axes(a, &axes_vec(axis), keepdims)?)
}

/// `np.count_nonzero(a)`: how many elements are nonzero (true for bool).
///
/// ```
/// assert_eq!(arraylib::count_nonzero(arraylib::Array::from(vec![0, 3, 0, 1])), 2);
/// ```
pub fn count_nonzero(a: impl AsRef<Array>) -> usize {
    scalar_of(count_nonzero_impl(&Red::all(a.as_ref()))).to_i64() as usize
}

/// `np.count_nonzero(a, axis=..., keepdims=...)`: int64 counts along axes.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![0, 1, 2, 0], [2, 2]);
/// assert_eq!(arraylib::count_nonzero_axis(&a, 0, false).to_vec::<i64>(), vec![1, 1]);
/// ```
#[track_caller]
pub fn count_nonzero_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    try_count_nonzero_axis(a, axis, keepdims).or_panic()
}

/// Fallible form of [`count_nonzero_axis`].
///
/// ```
/// assert!(arraylib::try_count_nonzero_axis(arraylib::zeros(2), 1, false).is_err());
/// ```
pub fn try_count_nonzero_axis(
    a: impl AsRef<Array>,
    axis: impl IntoAxes,
    keepdims: bool,
) -> Result<Array> {
    let a = a.as_ref();
    Ok(count_nonzero_impl(&Red::ufunc_axes(
        a,
        &axes_vec(axis),
        keepdims,
    )?))
}

/// `np.nansum(a)`: sum treating NaN as zero.
///
/// ```
/// let a = arraylib::Array::from(vec![1.0, f64::NAN, 2.0]);
/// assert_eq!(arraylib::nansum(&a).to_f64(), 3.0);
/// ```
pub fn nansum(a: impl AsRef<Array>) -> Scalar {
    scalar_of(nansum_impl(&Red::all(a.as_ref())))
}

/// `np.nansum(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN, 2.0, 3.0], [2, 2]);
/// assert_eq!(arraylib::nansum_axis(&a, 1, false).to_vec::<f64>(), vec![1.0, 5.0]);
/// ```
#[track_caller]
pub fn nansum_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    let a = a.as_ref();
    nansum_impl(&Red::ufunc_axes(a, &axes_vec(axis), keepdims).or_panic())
}

/// `np.nanprod(a)`: product treating NaN as one.
///
/// ```
/// let a = arraylib::Array::from(vec![2.0, f64::NAN, 3.0]);
/// assert_eq!(arraylib::nanprod(&a).to_f64(), 6.0);
/// ```
pub fn nanprod(a: impl AsRef<Array>) -> Scalar {
    scalar_of(prod_impl(&Red::all(a.as_ref()), true))
}

/// `np.nanprod(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![2.0, f64::NAN, 3.0, 4.0], [2, 2]);
/// assert_eq!(arraylib::nanprod_axis(&a, 0, false).to_vec::<f64>(), vec![6.0, 4.0]);
/// ```
#[track_caller]
pub fn nanprod_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    let a = a.as_ref();
    prod_impl(
        &Red::ufunc_axes(a, &axes_vec(axis), keepdims).or_panic(),
        true,
    )
}

/// `np.nanmean(a)`: mean of the non-NaN elements (NaN with a `RuntimeWarning` if none).
///
/// ```
/// let a = arraylib::Array::from(vec![1.0, f64::NAN, 3.0]);
/// assert_eq!(arraylib::nanmean(&a).to_f64(), 2.0);
/// ```
pub fn nanmean(a: impl AsRef<Array>) -> Scalar {
    scalar_of(nanstat_impl(&Red::all(a.as_ref()), None))
}

/// `np.nanmean(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN, 3.0, 4.0], [2, 2]);
/// assert_eq!(arraylib::nanmean_axis(&a, 0, false).to_vec::<f64>(), vec![2.0, 4.0]);
/// ```
#[track_caller]
pub fn nanmean_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    let a = a.as_ref();
    nanstat_impl(
        &Red::ufunc_axes(a, &axes_vec(axis), keepdims).or_panic(),
        None,
    )
}

/// `np.nanvar(a, ddof=...)`: variance of the non-NaN elements.
///
/// ```
/// let a = arraylib::Array::from(vec![1.0, f64::NAN, 3.0]);
/// assert_eq!(arraylib::nanvar(&a, 0).to_f64(), 1.0);
/// ```
pub fn nanvar(a: impl AsRef<Array>, ddof: impl Into<f64>) -> Scalar {
    scalar_of(nanstat_impl(
        &Red::all(a.as_ref()),
        Some((ddof.into(), false)),
    ))
}

/// `np.nanvar(a, axis=..., ddof=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN, 3.0, 4.0], [2, 2]);
/// assert_eq!(arraylib::nanvar_axis(&a, 0, 0, false).to_vec::<f64>(), vec![1.0, 0.0]);
/// ```
#[track_caller]
pub fn nanvar_axis(
    a: impl AsRef<Array>,
    axis: impl IntoAxes,
    ddof: impl Into<f64>,
    keepdims: bool,
) -> Array {
    let a = a.as_ref();
    let r = Red::axes(a, &axes_vec(axis), keepdims).or_panic();
    nanstat_impl(&r, Some((ddof.into(), false)))
}

/// `np.nanstd(a, ddof=...)`: standard deviation of the non-NaN elements.
///
/// ```
/// let a = arraylib::Array::from(vec![1.0, f64::NAN, 3.0]);
/// assert_eq!(arraylib::nanstd(&a, 0).to_f64(), 1.0);
/// ```
pub fn nanstd(a: impl AsRef<Array>, ddof: impl Into<f64>) -> Scalar {
    scalar_of(nanstat_impl(
        &Red::all(a.as_ref()),
        Some((ddof.into(), true)),
    ))
}

/// `np.nanstd(a, axis=..., ddof=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![1.0, f64::NAN, 3.0, 4.0], [2, 2]);
/// assert_eq!(arraylib::nanstd_axis(&a, 0, 0, false).to_vec::<f64>(), vec![1.0, 0.0]);
/// ```
#[track_caller]
pub fn nanstd_axis(
    a: impl AsRef<Array>,
    axis: impl IntoAxes,
    ddof: impl Into<f64>,
    keepdims: bool,
) -> Array {
    let a = a.as_ref();
    let r = Red::axes(a, &axes_vec(axis), keepdims).or_panic();
    nanstat_impl(&r, Some((ddof.into(), true)))
}

/// `np.nanmin(a)`: smallest non-NaN element (NaN with a `RuntimeWarning` if all are NaN).
///
/// ```
/// let a = arraylib::Array::from(vec![f64::NAN, 3.0, 1.0]);
/// assert_eq!(arraylib::nanmin(&a).to_f64(), 1.0);
/// ```
#[track_caller]
pub fn nanmin(a: impl AsRef<Array>) -> Scalar {
    extreme_impl(&Red::all(a.as_ref()), Extreme::Min, true)
        .map(scalar_of)
        .or_panic()
}

/// `np.nanmax(a)`: largest non-NaN element.
///
/// ```
/// let a = arraylib::Array::from(vec![f64::NAN, 3.0, 1.0]);
/// assert_eq!(arraylib::nanmax(&a).to_f64(), 3.0);
/// ```
#[track_caller]
pub fn nanmax(a: impl AsRef<Array>) -> Scalar {
    extreme_impl(&Red::all(a.as_ref()), Extreme::Max, true)
        .map(scalar_of)
        .or_panic()
}

/// `np.nanmin(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![f64::NAN, 3.0, 1.0, 4.0], [2, 2]);
/// assert_eq!(arraylib::nanmin_axis(&a, 0, false).to_vec::<f64>(), vec![1.0, 3.0]);
/// ```
#[track_caller]
pub fn nanmin_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    let a = a.as_ref();
    Red::ufunc_axes(a, &axes_vec(axis), keepdims)
        .and_then(|r| extreme_impl(&r, Extreme::Min, true))
        .or_panic()
}

/// `np.nanmax(a, axis=..., keepdims=...)`.
///
/// ```
/// let a = arraylib::Array::from_vec(vec![f64::NAN, 3.0, 1.0, 4.0], [2, 2]);
/// assert_eq!(arraylib::nanmax_axis(&a, 1, false).to_vec::<f64>(), vec![3.0, 4.0]);
/// ```
#[track_caller]
pub fn nanmax_axis(a: impl AsRef<Array>, axis: impl IntoAxes, keepdims: bool) -> Array {
    let a = a.as_ref();
    Red::ufunc_axes(a, &axes_vec(axis), keepdims)
        .and_then(|r| extreme_impl(&r, Extreme::Max, true))
        .or_panic()
}

#[cfg(test)]
mod tests {
    //! Expected values come from NumPy 2.4 on the same data (as exact bit patterns where NumPy's
    //! summation order is reproduced, otherwise with the stated tolerance).
    use crate::{Array, DType, arange, s};

    #[test]
    fn fast_float_sums_add_in_numpys_order() {
        // Values of very different sizes, so any change in the order of additions shows.
        let x: Vec<f64> = (0..5000u64)
            .map(|i| ((i * 2_654_435_761) % 1000) as f64 * 10f64.powi((i % 17) as i32 - 8))
            .collect();
        for n in [
            0, 1, 7, 8, 9, 15, 16, 127, 128, 129, 255, 256, 1000, 4999, 5000,
        ] {
            let fast = super::fast_sum::sum_f64(&x[..n]);
            let plain = 0.0 + super::pairwise(&x[..n], &|v: f64| v);
            assert_eq!(fast.to_bits(), plain.to_bits(), "sum of {n}");
        }
        // Rows added with vector instructions give the plain loop's sums, bit for bit.
        let (rows, cols) = (37, 53);
        let mut fast = vec![0.0; cols];
        assert!(super::fast_sum::add_rows(&mut fast, &x[..rows * cols]));
        let mut plain = vec![0.0; cols];
        for row in x[..rows * cols].chunks(cols) {
            for (a, &v) in plain.iter_mut().zip(row) {
                *a += v;
            }
        }
        assert_eq!(fast, plain);
    }

    /// 100000 exactly reproducible floats: `((i * 7919) % 10007) / 1013`.
    fn data() -> Array {
        let v: Vec<f64> = (0..100_000i64)
            .map(|i| ((i * 7919) % 10007) as f64 / 1013.0)
            .collect();
        Array::from(v)
    }

    fn bits(a: &Array, idx: &[usize]) -> Vec<u64> {
        let v = a.to_vec::<f64>();
        idx.iter().map(|&i| v[i].to_bits()).collect()
    }

    #[test]
    fn float_sums_match_numpy_bit_for_bit() {
        let x = data();
        assert_eq!(x.sum().to_f64().to_bits(), 0x411e24f1aea0389c);
        assert_eq!(x.mean().to_f64().to_bits(), 0x4013c1606017bce6);
        assert_eq!(x.std().to_f64().to_bits(), 0x4006d055f8699101);
        let m = x.reshape([1000, 100]);
        let s0 = [0x40b36eb470349090, 0x40b31cf665976047, 0x40b35d836961ccf5];
        assert_eq!(bits(&m.sum_axis(0, false), &[0, 57, 99]), s0);
        assert_eq!(bits(&m.t().sum_axis(1, false), &[0, 57, 99]), s0);
        assert_eq!(
            bits(&m.sum_axis(1, false), &[0, 501, 999]),
            [0x407ef89fb737d996, 0x407ed102c7a505cf, 0x407e6d0febc8671c]
        );
        assert_eq!(
            bits(&m.mean_axis(0, false), &[0, 57, 99]),
            [0x4013e619065ab0b4, 0x40139264c22439a1, 0x4013d47e5f9f8a32]
        );
        assert_eq!(
            bits(&m.mean_axis(1, false), &[0, 501, 999]),
            [0x4013d251bcf08b41, 0x4013b8f78a0336eb, 0x401378fff30f9e26]
        );
        assert_eq!(
            bits(&m.std_axis(0, false), &[0, 57, 99]),
            [0x4006d1b7c4b5d81c, 0x4006ca60ec6bd58b, 0x4006c846bdd818ff]
        );
        assert_eq!(
            bits(&m.std_axis(1, false), &[0, 501, 999]),
            [0x4006d5d407a1df2e, 0x4006ed12ac6bd205, 0x4006e1cc1b58aece]
        );
        assert_eq!(
            bits(&m.var_axis_ddof(1, 1, false), &[0, 501, 999]),
            [0x402075bb865f77f7, 0x4020974f26440f24, 0x402087014861fae4]
        );
    }

    #[test]
    fn float32_and_int_statistics() {
        let x32 = data().astype(DType::Float32);
        let s = x32.sum();
        assert_eq!(s.dtype(), DType::Float32);
        assert_eq!(s.cast::<f32>().to_bits(), 0x48f1278e);
        assert_eq!(x32.mean().cast::<f32>().to_bits(), 0x409e0b03);
        assert_eq!(x32.std().dtype(), DType::Float32);
        // NumPy's float32 var subtracts and squares in float32; allow 2 ulp.
        let std32 = x32.std().cast::<f32>();
        assert!((std32 - f32::from_bits(0x403682af)).abs() <= 2.0 * f32::EPSILON * std32);
        let xi: Vec<i64> = (0..100_000i64).map(|i| (i * 7919) % 10007).collect();
        let xi = Array::from(xi);
        assert_eq!(xi.mean().to_f64().to_bits(), 0x40b38b0c970f7b9e);
        assert_eq!(xi.std().to_f64().to_bits(), 0x40a691990bfe6eb2);
    }

    #[test]
    fn result_dtypes() {
        use DType::*;
        let cases = [
            (Bool, Int64, Float64, Bool),
            (Int8, Int64, Float64, Int8),
            (Int32, Int64, Float64, Int32),
            (UInt8, UInt64, Float64, UInt8),
            (UInt32, UInt64, Float64, UInt32),
            (Float32, Float32, Float32, Float32),
            (Float64, Float64, Float64, Float64),
            (Complex64, Complex64, Complex64, Complex64),
        ];
        for (d, sum_d, mean_d, max_d) in cases {
            let a = arange(6).astype(d).reshape([2, 3]);
            assert_eq!(a.sum().dtype(), sum_d, "{d}");
            assert_eq!(a.prod_axis(0, false).dtype(), sum_d, "{d}");
            assert_eq!(a.mean().dtype(), mean_d, "{d}");
            assert_eq!(a.max_axis(1, false).dtype(), max_d, "{d}");
            assert_eq!(a.argmax_axis(1, false).dtype(), Int64, "{d}");
            assert_eq!(a.any_axis(1, false).dtype(), Bool, "{d}");
            assert_eq!(a.cumsum().dtype(), sum_d, "{d}");
        }
        let c = arange(4).astype(Complex64);
        assert_eq!(c.std().dtype(), Float32);
        assert_eq!(c.var_axis(0, false).dtype(), Float32);
    }

    #[test]
    fn axes_keepdims_and_views() {
        let a = arange(24).reshape([2, 3, 4]);
        let r = a.sum_axis([0, 2], false);
        assert_eq!(r.shape(), &[3]);
        assert_eq!(r.to_vec::<i64>(), vec![60, 92, 124]);
        let r = a.sum_axis([2, 0], true);
        assert_eq!(r.shape(), &[1, 3, 1]);
        assert_eq!(
            a.sum_axis(-1, false).to_vec::<i64>(),
            vec![6, 22, 38, 54, 70, 86]
        );
        // non-block axes on a transposed view
        let t = a.transpose([2, 0, 1]);
        assert_eq!(t.sum_axis([0, 2], false).to_vec::<i64>(), vec![66, 210]);
        assert_eq!(
            t.sum_axis(1, false).to_vec::<i64>(),
            vec![12, 20, 28, 14, 22, 30, 16, 24, 32, 18, 26, 34]
        );
        // negative strides
        let v = arange(10).slice(s![..;-3]);
        assert_eq!(v.to_vec::<i64>(), vec![9, 6, 3, 0]);
        assert_eq!(v.argmax(), 0);
        assert_eq!(v.argmin(), 3);
        assert_eq!(v.cumsum().to_vec::<i64>(), vec![9, 15, 18, 18]);
        let m = arange(12).reshape([3, 4]).slice(s![..;-1, 1..;2]);
        assert_eq!(m.to_vec::<i64>(), vec![9, 11, 5, 7, 1, 3]);
        assert_eq!(m.argmin_axis(0, false).to_vec::<i64>(), vec![2, 2]);
        assert_eq!(m.argmax(), 1);
        assert_eq!(m.min_axis(1, true).to_vec::<i64>(), vec![9, 5, 1]);
        assert_eq!(m.t().argmax(), 3);
        // 0-d arrays
        let z = Array::from_vec(vec![2.5], ());
        assert_eq!(z.sum().to_f64(), 2.5);
        assert_eq!(z.argmax(), 0);
        assert_eq!(z.sum_axis(Vec::<isize>::new(), false).ndim(), 0);
        // NumPy's ufunc reductions accept axis 0 / -1 on a 0-d array; mean does not.
        assert_eq!(z.sum_axis(-1, true).to_vec::<f64>(), vec![2.5]);
        assert_eq!(
            z.try_sum_axis(1, false).unwrap_err().to_string(),
            "AxisError: axis 1 is out of bounds for array of dimension 0"
        );
        assert_eq!(
            z.try_mean_axis(0, false).unwrap_err().to_string(),
            "AxisError: axis 0 is out of bounds for array of dimension 0"
        );
        assert_eq!(
            a.try_sum_axis([0, -3], false).unwrap_err().to_string(),
            "ValueError: duplicate value in 'axis'"
        );
    }

    #[test]
    fn nan_and_empty() {
        let a = Array::from(vec![1.0, f64::NAN, 3.0, 0.5]);
        assert!(a.sum().to_f64().is_nan());
        assert!(a.max().to_f64().is_nan());
        assert!(a.min().to_f64().is_nan());
        assert_eq!(a.argmax(), 1);
        assert_eq!(a.argmin(), 1);
        assert_eq!(crate::nanmax(&a).to_f64(), 3.0);
        assert_eq!(crate::nanmin(&a).to_f64(), 0.5);
        assert_eq!(crate::nansum(&a).to_f64(), 4.5);
        assert_eq!(crate::nanmean(&a).to_f64(), 1.5);
        assert!(a.any());
        assert!(Array::from(vec![f64::NAN]).all());
        let e = crate::zeros([0, 3]);
        assert_eq!(e.sum().to_f64(), 0.0);
        assert_eq!(e.prod().to_f64(), 1.0);
        assert!(e.mean().to_f64().is_nan());
        assert_eq!(e.sum_axis(0, false).to_vec::<f64>(), vec![0.0; 3]);
        assert_eq!(e.mean_axis(1, false).shape(), &[0]);
        assert!(
            e.mean_axis(0, false)
                .to_vec::<f64>()
                .iter()
                .all(|x| x.is_nan())
        );
        assert_eq!(
            e.try_max().unwrap_err().to_string(),
            "ValueError: zero-size array to reduction operation maximum which has no identity"
        );
        assert_eq!(
            e.try_argmax().unwrap_err().to_string(),
            "ValueError: attempt to get argmax of an empty sequence"
        );
        assert_eq!(
            e.try_argmin_axis(0, false).unwrap_err().to_string(),
            "ValueError: attempt to get argmin of an empty sequence"
        );
        assert_eq!(e.argmax_axis(1, false).shape(), &[0]);
        assert!(crate::try_ptp(&e).is_err());
        assert!(crate::var_ddof(crate::ones(2), 2).to_f64().is_nan());
        assert!(crate::var_ddof(arange(2), 3).to_f64().is_infinite());
    }

    #[test]
    fn extremes_and_their_positions_match_a_plain_loop_with_nans_anywhere() {
        // NumPy's rules, one element at a time: a NaN wins, and the first of equal values.
        fn reference(v: &[f64], max: bool) -> (f64, usize) {
            let mut best = (v[0], 0);
            for (i, &x) in v.iter().enumerate() {
                if best.0.is_nan() {
                    break;
                }
                if x.is_nan() || (max && x > best.0) || (!max && x < best.0) {
                    best = (x, i);
                }
            }
            best
        }
        let mut state = 7u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Few distinct values, so ties are common.
            (state % 50) as f64
        };
        for n in [1usize, 7, 8, 15, 16, 17, 31, 100, 2048, 2049, 5000] {
            let base: Vec<f64> = (0..n).map(|_| next()).collect();
            for nan_at in [None, Some(0), Some(n / 2), Some(n - 1)] {
                let mut v = base.clone();
                if let Some(i) = nan_at {
                    v[i] = f64::NAN;
                }
                let a = Array::from_vec(v.clone(), [n]);
                for max in [true, false] {
                    let (value, at) = reference(&v, max);
                    let (got, got_at) = if max {
                        (a.max().to_f64(), a.argmax())
                    } else {
                        (a.min().to_f64(), a.argmin())
                    };
                    assert!(
                        got == value || (got.is_nan() && value.is_nan()),
                        "{n} {nan_at:?}"
                    );
                    assert_eq!(got_at, at, "{n} {nan_at:?} max={max}");
                    let f32s = a.astype(DType::Float32);
                    let got32 = if max { f32s.max() } else { f32s.min() }.to_f64();
                    assert!(got32 == value || (got32.is_nan() && value.is_nan()));
                    let ints = Array::from_vec(base.iter().map(|&x| x as i64).collect(), [n]);
                    let (iv, iat) = reference(&base, max);
                    let ig = if max { ints.max() } else { ints.min() }.to_f64();
                    assert_eq!(ig, iv);
                    assert_eq!(if max { ints.argmax() } else { ints.argmin() }, iat);
                }
                // Along the first axis of (n, 3): each column as its own run.
                let cols: Vec<f64> = v.iter().flat_map(|&x| [x, -x, 1.0]).collect();
                let m = Array::from_vec(cols, [n, 3]);
                for max in [true, false] {
                    let got = if max {
                        m.max_axis(0, false)
                    } else {
                        m.min_axis(0, false)
                    }
                    .to_vec::<f64>();
                    let neg: Vec<f64> = v.iter().map(|&x| -x).collect();
                    for (g, col) in got.iter().zip([v.clone(), neg, vec![1.0; n]]) {
                        let want = reference(&col, max).0;
                        assert!(
                            *g == want || (g.is_nan() && want.is_nan()),
                            "{n} {nan_at:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn integer_wrapping_and_ptp() {
        let a = Array::from(vec![100i8, 100, 100]);
        assert_eq!(a.sum().to_i64(), 300);
        assert_eq!(crate::ptp(Array::from(vec![-100i8, 100])).to_i64(), -56);
        let u = Array::from(vec![u64::MAX, 1]);
        assert_eq!(u.sum().cast::<u64>(), 0);
        let b = Array::from(vec![true, false, true]);
        assert_eq!(b.sum().to_i64(), 2);
        assert_eq!(b.mean().to_f64(), 2.0 / 3.0);
        assert!(b.max().to_bool());
        assert!(crate::try_ptp(&b).is_err());
        assert_eq!(crate::count_nonzero(&b), 2);
    }

    /// Timings of the performance targets; run with
    /// `cargo test --release -p arraylib --lib perf_targets -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn perf_targets() {
        fn rand(n: usize) -> Vec<f64> {
            let mut state = 0x2545f4914f6cdd1du64;
            (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 11) as f64 / (1u64 << 53) as f64
                })
                .collect()
        }
        fn best<R>(f: impl Fn() -> R) -> f64 {
            (0..20)
                .map(|_| {
                    let t = std::time::Instant::now();
                    std::hint::black_box(f());
                    t.elapsed().as_secs_f64() * 1e3
                })
                .fold(f64::INFINITY, f64::min)
        }
        let x = Array::from(rand(10_000_000));
        let m = Array::from(rand(1_000_000)).reshape([1000, 1000]);
        let a = Array::from(rand(1_000_000)).reshape([100_000, 10]);
        let s = Array::from(rand(2_000_000)).reshape([100_000, 20]);
        eprintln!("sum 1e7: {:.2} ms", best(|| std::hint::black_box(x.sum())));
        eprintln!(
            "mean axis 0 (1000,1000): {:.2} ms",
            best(|| std::hint::black_box(m.mean_axis(0, false)))
        );
        eprintln!(
            "mean axis 1 (1000,1000): {:.2} ms",
            best(|| std::hint::black_box(m.mean_axis(1, false)))
        );
        eprintln!(
            "argmax axis 1 (100000,10): {:.2} ms",
            best(|| std::hint::black_box(a.argmax_axis(1, false)))
        );
        eprintln!(
            "mean+std axis 0 (100000,20): {:.2} ms",
            best(|| std::hint::black_box((s.mean_axis(0, false), s.std_axis(0, false))))
        );
        eprintln!("max 1e7: {:.2} ms", best(|| std::hint::black_box(x.max())));
        eprintln!("std 1e7: {:.2} ms", best(|| std::hint::black_box(x.std())));
        eprintln!(
            "median 1e6: {:.2} ms",
            best(|| std::hint::black_box(crate::median(x.slice(crate::s![..1_000_000]))))
        );
        eprintln!(
            "cumsum 1e7: {:.2} ms",
            best(|| std::hint::black_box(x.cumsum()))
        );
    }
}
