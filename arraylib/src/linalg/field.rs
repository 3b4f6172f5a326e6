//! The element types the factorizations run in, stacks of matrices, and the shared checks.
//!
//! Every real input (bool, integers, float32, float64) is factorized in float64 and every
//! complex input in complex128, so faer's generic kernels are instantiated for two types only;
//! float32 and complex64 results are rounded back to their dtype at the end, as NumPy returns
//! them (the float64 computation is at least as accurate as LAPACK's single-precision one).

use crate::array::Array;
use crate::dtype::{Complex128, DType, Element};
use crate::error::{ArrayError, ErrorKind, Result};
use crate::operand::{cast_array, from_data};
use faer::MatRef;
use std::borrow::Cow;
use std::ops::{Add, Div, Mul, MulAssign, Neg, Sub};

/// A kernel element type: float64 or complex128.
pub(crate) trait Field:
    Element
    + faer::traits::ComplexField<Real = f64>
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + MulAssign
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// The absolute value.
    fn modulus(self) -> f64;
    /// The squared absolute value.
    fn modulus_sqr(self) -> f64;
    /// A real number as this type.
    fn from_real(x: f64) -> Self;
    /// The complex conjugate.
    fn conjugate(self) -> Self;
    /// The real part.
    fn re_part(self) -> f64;
    /// `self / |self|`, the sign (real) or phase (complex) of a nonzero number.
    fn unit(self) -> Self {
        let m = self.modulus();
        self / Self::from_real(m)
    }
}

impl Field for f64 {
    fn modulus(self) -> f64 {
        self.abs()
    }
    fn modulus_sqr(self) -> f64 {
        self * self
    }
    fn from_real(x: f64) -> Self {
        x
    }
    fn conjugate(self) -> Self {
        self
    }
    fn re_part(self) -> f64 {
        self
    }
}

impl Field for Complex128 {
    fn modulus(self) -> f64 {
        self.norm()
    }
    fn modulus_sqr(self) -> f64 {
        self.norm_sqr()
    }
    fn from_real(x: f64) -> Self {
        Complex128::new(x, 0.0)
    }
    fn conjugate(self) -> Self {
        self.conj()
    }
    fn re_part(self) -> f64 {
        self.re
    }
}

/// A `LinAlgError` with NumPy's message.
pub(crate) fn linalg_error(message: impl Into<String>) -> ArrayError {
    ArrayError::new(ErrorKind::LinAlgError, message)
}

/// NumPy's error for an exactly singular matrix.
pub(crate) fn singular() -> ArrayError {
    linalg_error("Singular matrix")
}

/// NumPy's `_assert_stacked_2d`.
pub(crate) fn check_2d(a: &Array) -> Result<()> {
    if a.ndim() < 2 {
        return Err(linalg_error(format!(
            "{}-dimensional array given. Array must be at least two-dimensional",
            a.ndim()
        )));
    }
    Ok(())
}

/// NumPy's `_assert_stacked_2d` and `_assert_stacked_square`.
pub(crate) fn check_square(a: &Array) -> Result<()> {
    check_2d(a)?;
    let s = a.shape();
    if s[s.len() - 1] != s[s.len() - 2] {
        return Err(linalg_error(
            "Last 2 dimensions of the array must be square",
        ));
    }
    Ok(())
}

/// True for complex64 and complex128.
pub(crate) fn is_complex(dtype: DType) -> bool {
    matches!(dtype, DType::Complex64 | DType::Complex128)
}

/// The dtype NumPy's linalg returns for an input dtype: float32 and the complex types keep
/// theirs, everything else gives float64.
pub(crate) fn result_dtype(dtype: DType) -> DType {
    match dtype {
        DType::Float32 | DType::Complex64 | DType::Complex128 => dtype,
        _ => DType::Float64,
    }
}

/// The real dtype matching a result dtype (singular values, norms, `logabsdet`).
pub(crate) fn real_dtype(dtype: DType) -> DType {
    match result_dtype(dtype) {
        DType::Float32 | DType::Complex64 => DType::Float32,
        _ => DType::Float64,
    }
}

/// The dtype the kernels compute in for an input dtype.
pub(crate) fn kernel_dtype(dtype: DType) -> DType {
    if is_complex(dtype) {
        DType::Complex128
    } else {
        DType::Float64
    }
}

/// A new array from kernel results, cast to the dtype NumPy returns. A 0-d result (the
/// determinant, norm or condition number of one matrix) is marked as NumPy's scalar.
pub(crate) fn finish<T: Element>(data: Vec<T>, shape: Vec<usize>, dtype: DType) -> Array {
    let a = from_data(data, shape);
    let a = if dtype == T::DTYPE {
        a
    } else {
        cast_array(&a, dtype)
    };
    a.scalar_if_0d()
}

/// The batch shape of a stack of matrices followed by the given core dimensions.
pub(crate) fn with_core(batch: &[usize], core: &[usize]) -> Vec<usize> {
    let mut s = batch.to_vec();
    s.extend_from_slice(core);
    s
}

/// The matrices of an array of shape `(..., m, n)`, in row-major order, as faer views.
pub(crate) struct Stack<'a, T: Clone> {
    data: Cow<'a, [T]>,
    /// The leading (batch) dimensions.
    pub batch: Vec<usize>,
    /// Rows of each matrix.
    pub m: usize,
    /// Columns of each matrix.
    pub n: usize,
}

impl<'a, T: Field> Stack<'a, T> {
    /// The stack of an array whose dtype is `T` and which has at least two dimensions.
    pub fn new(a: &'a Array) -> Self {
        let s = a.shape();
        let (m, n) = (s[s.len() - 2], s[s.len() - 1]);
        let data = match a.as_slice::<T>() {
            Some(d) => Cow::Borrowed(d),
            None => Cow::Owned(a.to_vec::<T>()),
        };
        Stack {
            data,
            batch: s[..s.len() - 2].to_vec(),
            m,
            n,
        }
    }

    /// Number of matrices.
    pub fn len(&self) -> usize {
        self.batch.iter().product()
    }

    /// Matrix `k` (a row-major view).
    pub fn mat(&self, k: usize) -> MatRef<'_, T> {
        let sz = self.m * self.n;
        MatRef::from_row_major_slice(&self.data[k * sz..(k + 1) * sz], self.m, self.n)
    }
}

/// Appends a matrix to a row-major output buffer.
pub(crate) fn push_mat<T: Field>(out: &mut Vec<T>, m: MatRef<'_, T>) {
    let (rows, cols) = (m.nrows(), m.ncols());
    if rows * cols == 0 {
        return;
    }
    out.reserve(rows * cols);
    // SAFETY: `m`'s pointer and strides address its `rows x cols` elements, and `out` has
    // room for that many past its length; `copy_2d` writes every one of them. Going through
    // `copy_2d` gives column-major factors (the usual case) its register-tiled transpose.
    unsafe {
        let dst = out.as_mut_ptr().add(out.len());
        crate::shape::copy_2d(m.as_ptr(), rows, cols, m.row_stride(), m.col_stride(), dst);
        out.set_len(out.len() + rows * cols);
    }
}

/// Appends the conjugate transpose of a matrix to a row-major output buffer.
pub(crate) fn push_adjoint<T: Field>(out: &mut Vec<T>, m: MatRef<'_, T>) {
    let start = out.len();
    push_mat(out, m.transpose());
    if is_complex(T::DTYPE) {
        out[start..].iter_mut().for_each(|x| *x = x.conjugate());
    }
}

/// Runs `f` with the array cast to its kernel type (`f64` or `Complex128`).
macro_rules! with_kernel {
    ($a:expr, $x:ident, $T:ident => $body:expr) => {{
        let __a: &$crate::Array = $a;
        if $crate::linalg::field::is_complex(__a.dtype()) {
            type $T = $crate::Complex128;
            let $x = $crate::operand::cast_array(__a, $crate::DType::Complex128);
            $body
        } else {
            type $T = f64;
            let $x = $crate::operand::cast_array(__a, $crate::DType::Float64);
            $body
        }
    }};
}
pub(crate) use with_kernel;
