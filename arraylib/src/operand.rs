//! Operands of elementwise operations: an array (borrowed or owned), a NumPy scalar, or a
//! "weak" Rust number that behaves like a Python scalar under NumPy 2's promotion rules (NEP 50).
//!
//! Rust numbers (`1`, `2.5`, `true`) are weak: they take the array's dtype when they fit its
//! kind (`int8_array + 1` stays int8, `float32_array * 2.0` stays float32) and only raise the
//! kind (`int_array * 1.5` is float64). A [`Scalar`] (such as a reduction result) is strong,
//! like a 0-d array of its dtype.

use crate::array::Array;
use crate::casting::CastTo;
use crate::dtype::{Complex64, Complex128, DType, Kind};
use crate::error::{ArrayError, ErrorKind, Result};
use crate::scalar::Scalar;
use std::mem::MaybeUninit;

/// A Python-like number without a dtype of its own (NEP 50 "weak" scalar).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WeakScalar {
    /// A Python `bool`.
    Bool(bool),
    /// A Python `int` (any Rust integer).
    Int(i128),
    /// A Python `float` (`f64` or `f32`).
    Float(f64),
    /// A Python `complex`.
    Complex(Complex128),
}

impl WeakScalar {
    /// The dtype the value gets on its own (`int64`, `float64`, `complex128`, `bool`).
    ///
    /// ```
    /// use arraylib::operand::WeakScalar;
    /// assert_eq!(WeakScalar::Int(3).default_dtype(), arraylib::DType::Int64);
    /// ```
    pub fn default_dtype(self) -> DType {
        match self {
            WeakScalar::Bool(_) => DType::Bool,
            WeakScalar::Int(_) => DType::Int64,
            WeakScalar::Float(_) => DType::Float64,
            WeakScalar::Complex(_) => DType::Complex128,
        }
    }

    /// The value as a strong [`Scalar`] of its default dtype (integers beyond `int64` become
    /// `uint64`).
    ///
    /// ```
    /// use arraylib::operand::WeakScalar;
    /// assert_eq!(WeakScalar::Float(1.5).to_scalar(), arraylib::Scalar::from(1.5));
    /// ```
    pub fn to_scalar(self) -> Scalar {
        match self {
            WeakScalar::Bool(b) => Scalar::Bool(b),
            WeakScalar::Int(i) => {
                if i >= i64::MIN as i128 && i <= i64::MAX as i128 {
                    Scalar::Int64(i as i64)
                } else {
                    Scalar::UInt64(i as u64)
                }
            }
            WeakScalar::Float(f) => Scalar::Float64(f),
            WeakScalar::Complex(c) => Scalar::Complex128(c),
        }
    }

    /// The dtype this weak value takes next to an array of `dtype` (NEP 50), or NumPy's
    /// `OverflowError` when a Python int does not fit an integer dtype.
    ///
    /// ```
    /// use arraylib::{operand::WeakScalar, DType};
    /// assert_eq!(WeakScalar::Int(1).result_with(DType::Int8).unwrap(), DType::Int8);
    /// assert_eq!(WeakScalar::Float(1.5).result_with(DType::Int8).unwrap(), DType::Float64);
    /// let e = WeakScalar::Int(300).result_with(DType::Int8).unwrap_err();
    /// assert_eq!(e.to_string(), "OverflowError: Python integer 300 out of bounds for int8");
    /// ```
    pub fn result_with(self, dtype: DType) -> Result<DType> {
        let kind = dtype.kind();
        if kind == Kind::Str {
            return Err(crate::strings::promotion_error(dtype, self));
        }
        Ok(match self {
            WeakScalar::Bool(_) => dtype,
            WeakScalar::Int(v) => match kind {
                Kind::Bool => DType::Int64,
                Kind::Int | Kind::UInt => {
                    check_int_fits(v, dtype)?;
                    dtype
                }
                Kind::Float | Kind::Complex | Kind::Str => dtype,
            },
            WeakScalar::Float(_) => match kind {
                Kind::Bool | Kind::Int | Kind::UInt => DType::Float64,
                Kind::Float | Kind::Complex | Kind::Str => dtype,
            },
            WeakScalar::Complex(_) => match dtype {
                DType::Float32 | DType::Complex64 => DType::Complex64,
                _ => DType::Complex128,
            },
        })
    }
}

/// The range of an integer dtype, as `i128`.
pub(crate) fn int_range(dtype: DType) -> (i128, i128) {
    match dtype {
        DType::Int8 => (i8::MIN as i128, i8::MAX as i128),
        DType::Int16 => (i16::MIN as i128, i16::MAX as i128),
        DType::Int32 => (i32::MIN as i128, i32::MAX as i128),
        DType::Int64 => (i64::MIN as i128, i64::MAX as i128),
        DType::UInt8 => (0, u8::MAX as i128),
        DType::UInt16 => (0, u16::MAX as i128),
        DType::UInt32 => (0, u32::MAX as i128),
        DType::UInt64 => (0, u64::MAX as i128),
        DType::Bool => (0, 1),
        _ => (i128::MIN, i128::MAX),
    }
}

/// NumPy's `OverflowError: Python integer 300 out of bounds for int8` (or, for values beyond
/// the 64-bit range of the conversion, `Python int too large to convert to C long`).
pub(crate) fn check_int_fits(v: i128, dtype: DType) -> Result<()> {
    let too_large = if dtype == DType::UInt64 {
        v > u64::MAX as i128
    } else {
        v > i64::MAX as i128 || v < i64::MIN as i128
    };
    if too_large {
        return Err(ArrayError::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C long",
        ));
    }
    let (lo, hi) = int_range(dtype);
    if v < lo || v > hi {
        return Err(ArrayError::new(
            ErrorKind::OverflowError,
            format!("Python integer {v} out of bounds for {dtype}"),
        ));
    }
    Ok(())
}

/// An operand of an elementwise operation: an array, a NumPy scalar, or a weak Rust number.
///
/// Functions such as `np::exp` and `np::maximum` take `impl IntoOperand`, so `&a`, `a`,
/// `-&a`, `0`, `2.5` and a [`Scalar`] are all accepted.
///
/// ```
/// use arraylib::operand::Operand;
/// let a = arraylib::arange(3);
/// assert!(Operand::from(&a).as_array().is_some());
/// assert!(Operand::from(2.5).is_weak());
/// ```
#[derive(Clone)]
pub enum Operand<'a> {
    /// A borrowed array.
    Borrowed(&'a Array),
    /// An owned array (or a temporary such as `-&a`).
    Owned(Array),
    /// A NumPy scalar: strong, promotes like a 0-d array of its dtype.
    Scalar(Scalar),
    /// A Rust number: weak, promotes like a Python scalar.
    Weak(WeakScalar),
    /// The left side of an in-place operator (`a += &b`): read like a borrowed array, and the
    /// operation may write its result straight into it (NumPy's `np.add(a, b, out=a)`).
    #[doc(hidden)]
    InPlace(&'a Array),
}

impl<'a> Operand<'a> {
    /// The array, if this operand is one.
    ///
    /// ```
    /// let a = arraylib::zeros(2);
    /// assert_eq!(arraylib::operand::Operand::from(&a).as_array().unwrap().shape(), &[2]);
    /// ```
    pub fn as_array(&self) -> Option<&Array> {
        match self {
            Operand::Borrowed(a) | Operand::InPlace(a) => Some(a),
            Operand::Owned(a) => Some(a),
            _ => None,
        }
    }

    /// True for a weak Rust number.
    ///
    /// ```
    /// assert!(arraylib::operand::Operand::from(1).is_weak());
    /// ```
    pub fn is_weak(&self) -> bool {
        matches!(self, Operand::Weak(_))
    }

    /// The shape: the array's, or `()` for scalars.
    ///
    /// ```
    /// assert_eq!(arraylib::operand::Operand::from(1.0).shape(), &[] as &[usize]);
    /// ```
    pub fn shape(&self) -> &[usize] {
        match self.as_array() {
            Some(a) => a.shape(),
            None => &[],
        }
    }

    /// The dtype the operand has on its own (weak numbers: `int64`, `float64`, ...).
    ///
    /// ```
    /// assert_eq!(arraylib::operand::Operand::from(1).dtype(), arraylib::DType::Int64);
    /// ```
    pub fn dtype(&self) -> DType {
        match self {
            Operand::Borrowed(a) | Operand::InPlace(a) => a.dtype(),
            Operand::Owned(a) => a.dtype(),
            Operand::Scalar(s) => s.dtype(),
            Operand::Weak(w) => w.default_dtype(),
        }
    }

    /// The single value of a scalar operand (weak numbers as their default dtype).
    ///
    /// ```
    /// assert_eq!(arraylib::operand::Operand::from(2).scalar(), Some(arraylib::Scalar::from(2i64)));
    /// ```
    pub fn scalar(&self) -> Option<Scalar> {
        match self {
            Operand::Scalar(s) => Some(*s),
            Operand::Weak(w) => Some(w.to_scalar()),
            _ => None,
        }
    }

    /// The operand as an array: arrays as they are (no copy), scalars as 0-d arrays.
    ///
    /// ```
    /// assert_eq!(arraylib::operand::Operand::from(2.5).into_array().ndim(), 0);
    /// ```
    pub fn into_array(self) -> Array {
        match self {
            Operand::Borrowed(a) | Operand::InPlace(a) => a.clone(),
            Operand::Owned(a) => a,
            Operand::Scalar(s) => s.to_array(),
            Operand::Weak(w) => w.to_scalar().to_array(),
        }
    }
}

/// `a` converted to `dtype` with `astype` semantics; no copy if it already has that dtype.
pub(crate) fn cast_array(a: &Array, dtype: DType) -> Array {
    if a.dtype() == dtype {
        return a.clone();
    }
    let shape = a.shape().to_vec();
    crate::dispatch!(a.dtype(), S => {
        let src = a.view::<S>();
        crate::dispatch!(dtype, T => {
            match a.as_slice::<S>() {
                Some(s) => from_data(s.iter().map(|&x| CastTo::<T>::cast(x)).collect(), shape),
                None => from_data(src.iter().map(|&x| CastTo::<T>::cast(x)).collect(), shape),
            }
        })
    })
}

/// NumPy's result dtype of a binary operation on two operands (NEP 50): arrays and NumPy
/// scalars promote by dtype, weak Rust numbers adapt to the other side.
///
/// ```
/// use arraylib::operand::{result_type, Operand};
/// let a = arraylib::Array::from_vec(vec![1i8, 2], [2]);
/// assert_eq!(result_type(&Operand::from(&a), &Operand::from(1)).unwrap(), arraylib::DType::Int8);
/// assert_eq!(result_type(&Operand::from(&a), &Operand::from(1.5)).unwrap(), arraylib::DType::Float64);
/// ```
pub fn result_type(a: &Operand, b: &Operand) -> Result<DType> {
    match (a, b) {
        (Operand::Weak(x), Operand::Weak(y)) => {
            // Two Python numbers: Python's own rules (bool < int < float < complex).
            let rank = |w: &WeakScalar| match w {
                WeakScalar::Bool(_) => 0,
                WeakScalar::Int(_) => 1,
                WeakScalar::Float(_) => 2,
                WeakScalar::Complex(_) => 3,
            };
            Ok(if rank(x) >= rank(y) {
                x.default_dtype()
            } else {
                y.default_dtype()
            })
        }
        (Operand::Weak(w), other) | (other, Operand::Weak(w)) => w.result_with(other.dtype()),
        _ => Ok(crate::dtype::promote(a.dtype(), b.dtype())),
    }
}

/// Anything that can be an elementwise operand: `&Array`, `Array`, `&&Array`, [`Scalar`] and
/// Rust numbers. Implemented for every type with `Into<Operand>`.
pub trait IntoOperand<'a> {
    /// The operand.
    fn into_operand(self) -> Operand<'a>;
}

impl<'a, T: Into<Operand<'a>>> IntoOperand<'a> for T {
    fn into_operand(self) -> Operand<'a> {
        self.into()
    }
}

impl<'a> From<&'a Array> for Operand<'a> {
    fn from(a: &'a Array) -> Self {
        Operand::Borrowed(a)
    }
}

impl<'a> From<&'a mut Array> for Operand<'a> {
    fn from(a: &'a mut Array) -> Self {
        Operand::Borrowed(a)
    }
}

impl<'a> From<&&'a Array> for Operand<'a> {
    fn from(a: &&'a Array) -> Self {
        Operand::Borrowed(a)
    }
}

impl From<Array> for Operand<'_> {
    fn from(a: Array) -> Self {
        Operand::Owned(a)
    }
}

impl From<Scalar> for Operand<'_> {
    fn from(s: Scalar) -> Self {
        Operand::Scalar(s)
    }
}

impl From<&Scalar> for Operand<'_> {
    fn from(s: &Scalar) -> Self {
        Operand::Scalar(*s)
    }
}

impl From<WeakScalar> for Operand<'_> {
    fn from(w: WeakScalar) -> Self {
        Operand::Weak(w)
    }
}

/// A Rust number type that acts as a weak (Python-like) scalar: the integer types, `f32`,
/// `f64` and `bool`.
pub trait WeakNumber: Into<WeakScalar> + Copy {}

impl WeakNumber for bool {}

macro_rules! weak_int {
    ($($t:ty),*) => {$(
        impl From<$t> for WeakScalar {
            fn from(x: $t) -> Self { WeakScalar::Int(x as i128) }
        }
        impl WeakNumber for $t {}
        impl From<$t> for Operand<'_> {
            fn from(x: $t) -> Self { Operand::Weak(WeakScalar::Int(x as i128)) }
        }
    )*};
}
weak_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

macro_rules! weak_float {
    ($($t:ty),*) => {$(
        impl From<$t> for WeakScalar {
            fn from(x: $t) -> Self { WeakScalar::Float(x as f64) }
        }
        impl WeakNumber for $t {}
        impl From<$t> for Operand<'_> {
            fn from(x: $t) -> Self { Operand::Weak(WeakScalar::Float(x as f64)) }
        }
    )*};
}
weak_float!(f32, f64);

impl From<bool> for WeakScalar {
    fn from(x: bool) -> Self {
        WeakScalar::Bool(x)
    }
}

impl From<bool> for Operand<'_> {
    fn from(x: bool) -> Self {
        Operand::Weak(WeakScalar::Bool(x))
    }
}

impl From<Complex128> for Operand<'_> {
    fn from(x: Complex128) -> Self {
        Operand::Weak(WeakScalar::Complex(x))
    }
}

impl From<Complex64> for Operand<'_> {
    fn from(x: Complex64) -> Self {
        Operand::Weak(WeakScalar::Complex(Complex128::new(
            x.re as f64,
            x.im as f64,
        )))
    }
}

// ----- the elementwise engine ---------------------------------------------------------------

/// An element type that a [`Scalar`] can be converted to; implemented for every dtype's type.
pub(crate) trait Elem: crate::dtype::Element {
    /// The scalar converted with `astype` semantics.
    fn from_scalar(s: Scalar) -> Self;
}

macro_rules! elem_impls {
    ($($t:ty),*) => {$(
        impl Elem for $t {
            #[inline]
            fn from_scalar(s: Scalar) -> Self { s.cast::<$t>() }
        }
    )*};
}
elem_impls!(
    bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex64, Complex128
);

/// A new row-major array owning `data`.
pub(crate) fn from_data<T: crate::dtype::Element>(data: Vec<T>, shape: Vec<usize>) -> Array {
    let buf = crate::storage::Buffer::new(data, shape.clone());
    Array::from_storage_c(T::into_storage(buf), shape)
}

/// One input of the engine after conversion to the loop's element type.
enum Side<T> {
    Arr(Array),
    Val(T),
}

fn side<T: Elem>(op: &Operand) -> Side<T> {
    match op {
        Operand::Borrowed(a) | Operand::InPlace(a) => Side::Arr(cast_array(a, T::DTYPE)),
        Operand::Owned(a) => Side::Arr(cast_array(a, T::DTYPE)),
        Operand::Scalar(s) => Side::Val(T::from_scalar(*s)),
        Operand::Weak(w) => Side::Val(T::from_scalar(w.to_scalar())),
    }
}

/// The buffer of an array that nothing else refers to, so an operation may write its result
/// into it (NumPy's temporary elision for `a * b + c`).
fn reusable<T: Elem>(a: &Array, shape: &[usize]) -> bool {
    a.dtype() == T::DTYPE
        && !a.is_view
        && a.writeable
        && a.offset == 0
        && a.shape == shape
        && crate::array::is_c_contiguous(&a.shape, &a.strides)
        && !a.storage.is_external()
        && T::from_storage(&a.storage).is_some_and(|b| std::sync::Arc::strong_count(b) == 1)
}

/// True if the result of an in-place operation can be written straight into `out`, its first
/// operand: it has the result's dtype and shape, is row-major, and `other` reads no element
/// that the loop overwrites before reading it (it lies elsewhere, or is `out` element for
/// element). Otherwise the result is made apart and copied in, as NumPy does on overlap.
fn writable_in_place<T: Elem>(out: &Array, shape: &[usize], other: &Operand) -> bool {
    let other_ok = match other.as_array() {
        None => true,
        Some(b) => {
            !out.shares_memory(b)
                || (b.storage.addr() == out.storage.addr()
                    && b.offset == out.offset
                    && b.shape == out.shape
                    && b.strides == out.strides)
        }
    };
    out.dtype() == T::DTYPE
        && out.writeable
        && out.shape == shape
        && crate::array::is_c_contiguous(&out.shape, &out.strides)
        && other_ok
}

/// Merges axes that every operand walks contiguously, drops length-1 axes, and returns
/// `(lengths, strides per operand)` with the innermost axis last. The output is row-major.
fn coalesce(shape: &[usize], strides: &[&[isize]]) -> (Vec<usize>, Vec<Vec<isize>>) {
    let mut lens: Vec<usize> = Vec::new();
    let mut st: Vec<Vec<isize>> = vec![Vec::new(); strides.len()];
    for (i, &n) in shape.iter().enumerate() {
        if n == 1 {
            continue;
        }
        if let Some(&last) = lens.last() {
            let merge = strides
                .iter()
                .zip(&st)
                .all(|(s, acc)| *acc.last().unwrap() == s[i] * n as isize);
            if merge {
                let k = lens.len() - 1;
                lens[k] = last * n;
                for (s, acc) in strides.iter().zip(st.iter_mut()) {
                    *acc.last_mut().unwrap() = s[i];
                }
                continue;
            }
        }
        lens.push(n);
        for (s, acc) in strides.iter().zip(st.iter_mut()) {
            acc.push(s[i]);
        }
    }
    if lens.is_empty() {
        lens.push(1);
        for acc in st.iter_mut() {
            acc.push(0);
        }
    }
    (lens, st)
}

/// Elementwise loops check for an interrupt after this many elements of a long row...
const INTERRUPT_CHUNK: usize = 1 << 16;
/// ...or after this many short rows.
const INTERRUPT_ROWS: usize = 1 << 10;

/// Walks the outer axes of a coalesced iteration space, calling `inner(offsets)` with the
/// element offset of each operand at the start of every innermost row.
#[inline(always)]
fn for_each_row(lens: &[usize], strides: &[Vec<isize>], mut inner: impl FnMut(&[isize])) {
    let nd = lens.len();
    let nops = strides.len();
    let mut idx = vec![0usize; nd];
    let mut offs = vec![0isize; nops];
    let rows: usize = lens[..nd - 1].iter().product();
    for _ in 0..rows {
        inner(&offs);
        // advance the odometer over the outer axes
        let mut ax = nd - 1;
        while ax > 0 {
            ax -= 1;
            idx[ax] += 1;
            for (o, s) in offs.iter_mut().zip(strides) {
                *o += s[ax];
            }
            if idx[ax] < lens[ax] {
                break;
            }
            for (o, s) in offs.iter_mut().zip(strides) {
                *o -= s[ax] * lens[ax] as isize;
            }
            idx[ax] = 0;
        }
    }
}

/// A vector with room for `n` elements. Large buffers are advised to use transparent huge
/// pages, as NumPy does, which saves most of the page faults of touching fresh memory.
pub(crate) fn new_vec<T>(n: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(n);
    advise_huge_vec(&mut v);
    v
}

/// Advises huge pages for the whole capacity of a large vector; call it before the memory is
/// first written, since pages already touched stay small.
pub(crate) fn advise_huge_vec<T>(v: &mut Vec<T>) {
    advise_huge(
        v.as_mut_ptr() as *mut u8,
        v.capacity() * std::mem::size_of::<T>(),
    );
}

#[cfg(target_os = "linux")]
fn advise_huge(ptr: *mut u8, bytes: usize) {
    unsafe extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    const MADV_HUGEPAGE: i32 = 14;
    if bytes < (4 << 20) {
        return;
    }
    let page = 4096usize;
    let start = (ptr as usize + page - 1) & !(page - 1);
    let end = (ptr as usize + bytes) & !(page - 1);
    if end > start {
        // SAFETY: the range lies inside the allocation; the advice only affects paging.
        unsafe {
            madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_ptr: *mut u8, _bytes: usize) {}

/// The axis order (outermost first) in which an array's elements lie in memory, when that
/// is not the row-major order and the array has no broadcast (zero-stride) axes.
fn memory_order(shape: &[usize], strides: &[isize]) -> Option<Vec<usize>> {
    if crate::array::is_c_contiguous(shape, strides) {
        return None;
    }
    if shape.iter().zip(strides).any(|(&n, &s)| n > 1 && s == 0) {
        return None;
    }
    let mut perm: Vec<usize> = (0..shape.len()).collect();
    perm.sort_by_key(|&i| std::cmp::Reverse(strides[i].unsigned_abs()));
    if perm.iter().enumerate().all(|(k, &i)| k == i) {
        return None;
    }
    Some(perm)
}

/// The binary inner loop over one row of `n` elements written to `out`, which may be the
/// first or the second operand itself (a reused temporary, contiguous).
///
/// # Safety
/// The pointers must be valid for `n` elements at the given strides; `out` is either
/// disjoint from both operands or equal to one of them with stride 1 and the same size of
/// element.
#[inline(always)]
unsafe fn binary_row<A: Copy, B: Copy, O>(
    out: *mut O,
    n: usize,
    pa: *const A,
    sa: isize,
    pb: *const B,
    sb: isize,
    f: &impl Fn(A, B) -> O,
) {
    unsafe {
        if size_of::<A>() == size_of::<O>() && std::ptr::eq(out.cast::<A>(), pa) {
            return row_over_first(out, n, pb, sb, f);
        }
        if size_of::<B>() == size_of::<O>() && std::ptr::eq(out.cast::<B>(), pb) {
            return row_over_first(out, n, pa, sa, &|y: B, x: A| f(x, y));
        }
        // A fresh output: no operand overlaps it.
        let out = std::slice::from_raw_parts_mut(out.cast::<MaybeUninit<O>>(), n);
        match (sa, sb) {
            (1, 1) => {
                let a = std::slice::from_raw_parts(pa, n);
                let b = std::slice::from_raw_parts(pb, n);
                for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
                    o.write(f(x, y));
                }
            }
            (1, 0) => {
                let a = std::slice::from_raw_parts(pa, n);
                let y = *pb;
                for (o, &x) in out.iter_mut().zip(a) {
                    o.write(f(x, y));
                }
            }
            (0, 1) => {
                let x = *pa;
                let b = std::slice::from_raw_parts(pb, n);
                for (o, &y) in out.iter_mut().zip(b) {
                    o.write(f(x, y));
                }
            }
            _ => {
                for (i, o) in out.iter_mut().enumerate() {
                    let i = i as isize;
                    o.write(f(*pa.offset(i * sa), *pb.offset(i * sb)));
                }
            }
        }
    }
}

/// True if the CPU has AVX2 (cached by the standard library after the first query).
#[inline(always)]
pub(crate) fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// True if the CPU has AVX2 and FMA, which the hand-written float kernels need.
#[inline(always)]
pub(crate) fn has_avx2_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        has_avx2() && std::arch::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The row of [`binary_row`] whose output holds its first operand (read as `X`): reads
/// and writes go through the one pointer `out`, so the compiler sees that each element is
/// read before it is overwritten and vectorizes the loop.
///
/// # Safety
/// `out` is valid for `n` elements of `X`, of the same size as `O`; `py` as in
/// [`binary_row`].
#[inline(always)]
unsafe fn row_over_first<X: Copy, Y: Copy, O>(
    out: *mut O,
    n: usize,
    py: *const Y,
    sy: isize,
    f: &impl Fn(X, Y) -> O,
) {
    // SAFETY: as the caller promises.
    unsafe {
        let x = |i: usize| out.add(i).cast::<X>().read();
        match sy {
            1 => (0..n).for_each(|i| out.add(i).write(f(x(i), py.add(i).read()))),
            0 => {
                let y = py.read();
                (0..n).for_each(|i| out.add(i).write(f(x(i), y)));
            }
            _ => (0..n).for_each(|i| out.add(i).write(f(x(i), py.offset(i as isize * sy).read()))),
        }
    }
}

/// [`binary_row`] compiled for AVX2: the same loops, vectorized 4-wide for f64 (no FMA
/// contraction, so results are bit-identical).
///
/// # Safety
/// As [`binary_row`], and the CPU must support AVX2.
#[cfg_attr(target_arch = "x86_64", target_feature(enable = "avx2"))]
unsafe fn binary_row_avx2<A: Copy, B: Copy, O>(
    out: *mut O,
    n: usize,
    pa: *const A,
    sa: isize,
    pb: *const B,
    sb: isize,
    f: &impl Fn(A, B) -> O,
) {
    unsafe { binary_row(out, n, pa, sa, pb, sb, f) }
}

/// Applies `f` elementwise to two operands with broadcasting; the operands are converted to
/// `A` and `B` first (no copy when they already have those types). The result is a new
/// row-major array, or the buffer of an owned temporary operand when nothing else uses it.
/// Every binary ufunc and operator runs here, so a 0-d result is marked as NumPy's scalar.
pub(crate) fn binary<A: Elem, B: Elem, O: Elem>(
    a: &Operand,
    b: &Operand,
    f: impl Fn(A, B) -> O,
) -> Result<Array> {
    binary_with_rows(a, b, f, None)
}

/// A hand-vectorized row loop for [`binary_with_rows`]: writes `f` of the row into `out` and
/// returns true, or returns false (writing nothing) for strides it does not handle.
pub(crate) type RowKernel<A, B, O> =
    unsafe fn(&mut [MaybeUninit<O>], *const A, isize, *const B, isize) -> bool;

/// [`binary`], trying `rows` on each row before the generic loop.
pub(crate) fn binary_with_rows<A: Elem, B: Elem, O: Elem>(
    a: &Operand,
    b: &Operand,
    f: impl Fn(A, B) -> O,
    rows: Option<RowKernel<A, B, O>>,
) -> Result<Array> {
    let shape = crate::broadcast::broadcast_shapes(&[a.shape(), b.shape()])?;
    let n: usize = shape.iter().product();
    // Write into an owned temporary operand when nothing else uses it, as NumPy's temporary
    // elision does for `a * b + c`. Decided before the sides below take handles on it.
    let reuse = match (a, b) {
        (Operand::Owned(x), _) if reusable::<O>(x, &shape) => Some(x.clone()),
        (Operand::InPlace(x), _) if writable_in_place::<O>(x, &shape, b) => Some((*x).clone()),
        (_, Operand::Owned(y)) if reusable::<O>(y, &shape) => Some(y.clone()),
        _ => None,
    };
    let sa = side::<A>(a);
    let sb = side::<B>(b);
    // Views of each side, stretched to the result shape (kept alive during the loop).
    let va = match &sa {
        Side::Arr(x) => Some(x.broadcast_view(&shape)?),
        Side::Val(_) => None,
    };
    let vb = match &sb {
        Side::Arr(x) => Some(x.broadcast_view(&shape)?),
        Side::Val(_) => None,
    };
    let ta = va.as_ref().map(|v| v.view::<A>());
    let tb = vb.as_ref().map(|v| v.view::<B>());
    let zeros = vec![0isize; shape.len()];
    let (pa, stra): (*const A, &[isize]) = match (&ta, &sa) {
        (Some(v), _) => (v.as_ptr(), v.strides()),
        (None, Side::Val(x)) => (x as *const A, &zeros),
        _ => unreachable!(),
    };
    let (pb, strb): (*const B, &[isize]) = match (&tb, &sb) {
        (Some(v), _) => (v.as_ptr(), v.strides()),
        (None, Side::Val(x)) => (x as *const B, &zeros),
        _ => unreachable!(),
    };
    if n == 0 {
        return Ok(from_data(Vec::<O>::new(), shape));
    }
    // Iterate in the memory order of the first array operand (NumPy's `K` order), so that
    // `a.T + 1` walks memory contiguously and gives a result with the same layout.
    let perm = match (&ta, &tb) {
        (Some(v), _) => memory_order(v.shape(), v.strides()),
        (None, Some(v)) => memory_order(v.shape(), v.strides()),
        _ => None,
    };
    let (shape_p, stra_p, strb_p) = match &perm {
        Some(p) => (
            p.iter().map(|&i| shape[i]).collect::<Vec<_>>(),
            p.iter().map(|&i| stra[i]).collect::<Vec<_>>(),
            p.iter().map(|&i| strb[i]).collect::<Vec<_>>(),
        ),
        None => (shape.clone(), stra.to_vec(), strb.to_vec()),
    };
    let (lens, strides) = coalesce(&shape_p, &[&stra_p, &strb_p]);
    let inner = *lens.last().unwrap();
    let nd = lens.len();
    let avx2 = has_avx2();
    let in_place = reuse.is_some();
    let run = |out: &mut [MaybeUninit<O>]| {
        let mut row = 0usize;
        for_each_row(&lens, &strides, |offs| {
            let o = &mut out[row * inner..(row + 1) * inner];
            let (ra, rb) = (strides[0][nd - 1], strides[1][nd - 1]);
            // SAFETY: offsets and strides come from valid views of the operands; the AVX2
            // version runs only on CPUs that have it.
            unsafe {
                let (xa, xb) = (pa.offset(offs[0]), pb.offset(offs[1]));
                // Long rows go in chunks so that an interrupt stops a huge operation.
                let mut start = 0;
                for o in o.chunks_mut(INTERRUPT_CHUNK) {
                    let (ya, yb) = (
                        xa.offset(start as isize * ra),
                        xb.offset(start as isize * rb),
                    );
                    // The row kernels assume a fresh output.
                    if !in_place && rows.is_some_and(|k| k(o, ya, ra, yb, rb)) {
                    } else if avx2 {
                        binary_row_avx2(o.as_mut_ptr().cast(), o.len(), ya, ra, yb, rb, &f);
                    } else {
                        binary_row(o.as_mut_ptr().cast(), o.len(), ya, ra, yb, rb, &f);
                    }
                    start += o.len();
                    if inner > INTERRUPT_CHUNK || row.is_multiple_of(INTERRUPT_ROWS) {
                        crate::interrupt::check();
                    }
                }
            }
            row += 1;
        })
    };
    if let Some(p) = perm {
        let mut data: Vec<O> = new_vec(n);
        run(&mut data.spare_capacity_mut()[..n]);
        // SAFETY: `run` wrote all `n` elements.
        unsafe { data.set_len(n) };
        let c = crate::array::c_strides(&shape_p);
        let mut out_strides = vec![0isize; shape.len()];
        for (k, &ax) in p.iter().enumerate() {
            out_strides[ax] = c[k];
        }
        let owner = from_data(data, shape_p);
        let mut r = owner.view_with(0, shape, out_strides);
        r.is_view = false;
        return Ok(r.scalar_if_0d());
    }
    if let Some(dst) = reuse {
        {
            let mut v = dst.view_mut::<O>();
            let out = v.as_slice_mut().expect("contiguous");
            // SAFETY: initialized elements may be viewed as `MaybeUninit` and overwritten.
            let out: &mut [MaybeUninit<O>] = unsafe {
                std::slice::from_raw_parts_mut(out.as_mut_ptr() as *mut MaybeUninit<O>, out.len())
            };
            run(out);
        }
        return Ok(dst.scalar_if_0d());
    }
    let mut data: Vec<O> = new_vec(n);
    run(&mut data.spare_capacity_mut()[..n]);
    // SAFETY: `run` wrote all `n` elements.
    unsafe { data.set_len(n) };
    Ok(from_data(data, shape).scalar_if_0d())
}

#[inline(always)]
fn unary_slice<A: Copy, O>(src: &[A], out: &mut [MaybeUninit<O>], f: &impl Fn(A) -> O) {
    for (o, &x) in out.iter_mut().zip(src) {
        o.write(f(x));
    }
}

/// [`unary_slice`] compiled for AVX2.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg_attr(target_arch = "x86_64", target_feature(enable = "avx2"))]
unsafe fn unary_slice_avx2<A: Copy, O>(src: &[A], out: &mut [MaybeUninit<O>], f: &impl Fn(A) -> O) {
    unary_slice(src, out, f)
}

/// Applies `f` to every element of an operand converted to `A`; returns a row-major array.
/// Every unary ufunc runs here, so a 0-d result is marked as NumPy's scalar.
pub(crate) fn unary<A: Elem, O: Elem>(a: &Operand, f: impl Fn(A) -> O) -> Array {
    if let Operand::Owned(x) = a {
        // An owned temporary that nothing else uses takes the result (NumPy's elision).
        if A::DTYPE == O::DTYPE && reusable::<O>(x, x.shape()) {
            let x = x.clone();
            {
                let mut v = x.view_mut::<O>();
                let buf = v.as_slice_mut().expect("contiguous");
                let avx2 = has_avx2();
                // The binary row loop with the buffer as its first operand and no second.
                let g = |x: A, _: ()| f(x);
                for chunk in buf.chunks_mut(INTERRUPT_CHUNK) {
                    let (p, n) = (chunk.as_mut_ptr(), chunk.len());
                    // SAFETY: A and O are the same type (same dtype); the CPU has AVX2 when
                    // that version runs.
                    unsafe {
                        if avx2 {
                            binary_row_avx2(p, n, p.cast::<A>(), 1, &(), 0, &g);
                        } else {
                            binary_row(p, n, p.cast::<A>(), 1, &(), 0, &g);
                        }
                    }
                    crate::interrupt::check();
                }
            }
            return x.scalar_if_0d();
        }
    }
    match side::<A>(a) {
        Side::Val(x) => Array::from_vec(vec![f(x)], ()).scalar_if_0d(),
        Side::Arr(x) => {
            let shape = x.shape().to_vec();
            if let Some(s) = x.as_slice::<A>() {
                let n = s.len();
                let mut data: Vec<O> = new_vec(n);
                let out = &mut data.spare_capacity_mut()[..n];
                let avx2 = has_avx2();
                for (s, out) in s
                    .chunks(INTERRUPT_CHUNK)
                    .zip(out.chunks_mut(INTERRUPT_CHUNK))
                {
                    if avx2 {
                        // SAFETY: the CPU supports AVX2.
                        unsafe { unary_slice_avx2(s, out, &f) };
                    } else {
                        unary_slice(s, out, &f);
                    }
                    crate::interrupt::check();
                }
                // SAFETY: every element was written.
                unsafe { data.set_len(n) };
                return from_data(data, shape).scalar_if_0d();
            }
            // strided input: the binary engine's row loops, in memory order
            let dummy = Operand::Weak(WeakScalar::Bool(false));
            binary::<A, bool, O>(&Operand::Owned(x), &dummy, |v, _| f(v)).expect("same shape")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promotion_rules() {
        let i8a = Array::from_vec(vec![1i8], [1]);
        let f32a = Array::from_vec(vec![1f32], [1]);
        let ba = Array::from_vec(vec![true], [1]);
        let rt = |a: Operand, b: Operand| result_type(&a, &b);
        assert_eq!(rt((&i8a).into(), 1.into()).unwrap(), DType::Int8);
        assert_eq!(rt((&f32a).into(), 2.0.into()).unwrap(), DType::Float32);
        assert_eq!(
            rt((&f32a).into(), Scalar::from(2.0).into()).unwrap(),
            DType::Float64
        );
        assert_eq!(rt((&ba).into(), 1.into()).unwrap(), DType::Int64);
        assert_eq!(rt((&ba).into(), true.into()).unwrap(), DType::Bool);
        assert_eq!(rt(1.into(), 2.5.into()).unwrap(), DType::Float64);
        assert!(rt((&i8a).into(), (-129).into()).is_err());
        let u8a = Array::from_vec(vec![1u8], [1]);
        assert_eq!(
            rt((&u8a).into(), (-1).into()).unwrap_err().to_string(),
            "OverflowError: Python integer -1 out of bounds for uint8"
        );
    }
}
