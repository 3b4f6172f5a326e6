//! Matrix products: `a.matmul(&b)` / `np::matmul` (Python's `@`), `np::dot`, `np::inner`,
//! `np::outer`, `np::vdot`.
//!
//! `matmul` handles 1-D operands (as row or column vectors, the added axis removed again) and
//! stacks of matrices, broadcasting the leading dimensions. float32/float64 products use
//! faer's blocked SIMD kernels (single-threaded) for large matrices and `matrixmultiply`'s
//! through ndarray for small ones.
//!
//! ```
//! use arraylib as np;
//! let a = np::arange(6).reshape([2, 3]);
//! let b = np::arange(3);
//! assert_eq!(a.matmul(&b).to_vec::<i64>(), vec![5, 14]);
//! assert_eq!(np::matmul(&a, &a.t()).shape(), &[2, 2]);
//! ```

use crate::array::Array;
use crate::dtype::promote;
use crate::error::{ArrayError, OrPanic, Result, compact_shape};
use crate::operand::{Operand, cast_array, from_data};
use crate::scalar::Scalar;
use ndarray::{ArrayView2, ArrayViewD, ArrayViewMut2, Axis, Ix2, linalg::general_mat_mul};

const SIGNATURE: &str = "(n?,k),(k,m?)->(n?,m?)";

/// The 2-D matrix at batch index `idx` of a view whose last two axes are the matrix.
fn matrix_at<'v, T>(v: &'v ArrayViewD<'_, T>, idx: &[usize]) -> ArrayView2<'v, T> {
    let mut m = v.view();
    for &i in idx {
        m = m.index_axis_move(Axis(0), i);
    }
    m.into_dimensionality::<Ix2>().expect("2-D core")
}

/// One 2-D product `c = a @ b` for every numeric element type.
trait MatElem: crate::dtype::Element {
    fn gemm(a: &ArrayView2<Self>, b: &ArrayView2<Self>, c: &mut ArrayViewMut2<Self>);
}

/// Products with at least this many multiply-adds go to faer's kernels, which are faster than
/// `matrixmultiply`'s on large matrices; small ones stay on `matrixmultiply`, which has less
/// overhead per call.
const FAER_MIN_WORK: usize = 64 * 64 * 64;

/// `c = a @ b` with faer's single-threaded matrix product; any strides.
fn faer_gemm<T: faer::traits::ComplexField + Copy>(
    a: &ArrayView2<T>,
    b: &ArrayView2<T>,
    c: &mut ArrayViewMut2<T>,
    one: T,
) {
    let (sa, sb, sc) = (a.strides(), b.strides(), c.strides());
    let (sc0, sc1) = (sc[0], sc[1]);
    // SAFETY: pointers, dimensions and element strides come from live ndarray views of the
    // same shapes; `c` is borrowed mutably for the duration of the product.
    let (ar, br, cm) = unsafe {
        (
            faer::MatRef::from_raw_parts(a.as_ptr(), a.nrows(), a.ncols(), sa[0], sa[1]),
            faer::MatRef::from_raw_parts(b.as_ptr(), b.nrows(), b.ncols(), sb[0], sb[1]),
            faer::MatMut::from_raw_parts_mut(c.as_mut_ptr(), c.nrows(), c.ncols(), sc0, sc1),
        )
    };
    faer::linalg::matmul::matmul(cm, faer::Accum::Replace, ar, br, one, faer::Par::Seq);
}

macro_rules! mat_linalg {
    ($($t:ty),*) => {$(
        impl MatElem for $t {
            fn gemm(a: &ArrayView2<Self>, b: &ArrayView2<Self>, c: &mut ArrayViewMut2<Self>) {
                let (n, k) = a.dim();
                if n * k * b.ncols() >= FAER_MIN_WORK {
                    faer_gemm(a, b, c, 1 as $t);
                } else {
                    general_mat_mul(1 as $t, a, b, 0 as $t, c);
                }
            }
        }
    )*};
}
mat_linalg!(f32, f64);

macro_rules! mat_int {
    ($($t:ty),*) => {$(
        impl MatElem for $t {
            fn gemm(a: &ArrayView2<Self>, b: &ArrayView2<Self>, c: &mut ArrayViewMut2<Self>) {
                // i-k-j order: the inner loop runs along rows of b and c.
                let (n, k) = a.dim();
                for i in 0..n {
                    let mut crow = c.row_mut(i);
                    crow.fill(0 as $t);
                    for p in 0..k {
                        let x = a[[i, p]];
                        if x == 0 as $t { continue; }
                        let brow = b.row(p);
                        crow.zip_mut_with(&brow, |o, &y| *o = o.wrapping_add(x.wrapping_mul(y)));
                    }
                }
            }
        }
    )*};
}
mat_int!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! mat_complex {
    ($($t:ty),*) => {$(
        impl MatElem for $t {
            fn gemm(a: &ArrayView2<Self>, b: &ArrayView2<Self>, c: &mut ArrayViewMut2<Self>) {
                c.assign(&a.dot(b));
            }
        }
    )*};
}
mat_complex!(crate::dtype::Complex64, crate::dtype::Complex128);

impl MatElem for bool {
    fn gemm(a: &ArrayView2<Self>, b: &ArrayView2<Self>, c: &mut ArrayViewMut2<Self>) {
        let (n, k) = a.dim();
        for i in 0..n {
            let mut crow = c.row_mut(i);
            crow.fill(false);
            for p in 0..k {
                if a[[i, p]] {
                    crow.zip_mut_with(&b.row(p), |o, &y| *o |= y);
                }
            }
        }
    }
}

/// Multiply-adds per tile of `c` between interrupt checks: tens of milliseconds of work, so an
/// interrupt stops a large product within a fraction of a second, while each tile is still
/// large enough for the blocked kernels to run at full speed.
const TILE_WORK: usize = 1 << 28;

/// `c = a @ b` tile by tile of `c`, checking for a kernel interrupt after each tile.
fn gemm_interruptible<T: MatElem>(a: &ArrayView2<T>, b: &ArrayView2<T>, c: &mut ArrayViewMut2<T>) {
    gemm_tiled(a, b, c, TILE_WORK, 64);
}

fn gemm_tiled<T: MatElem>(
    a: &ArrayView2<T>,
    b: &ArrayView2<T>,
    c: &mut ArrayViewMut2<T>,
    tile_work: usize,
    min_side: usize,
) {
    let (n, k) = a.dim();
    let m = b.ncols();
    if n.saturating_mul(k).saturating_mul(m) <= tile_work {
        T::gemm(a, b, c);
        return;
    }
    // Square tiles whose product with the shared dimension is about `tile_work`.
    let side = ((tile_work / k.max(1)) as f64).sqrt() as usize;
    let side = side.clamp(min_side, 2048);
    for r in (0..n).step_by(side) {
        let rows = r..(r + side).min(n);
        for col in (0..m).step_by(side) {
            let cols = col..(col + side).min(m);
            let at = a.slice(ndarray::s![rows.clone(), ..]);
            let bt = b.slice(ndarray::s![.., cols.clone()]);
            let mut ct = c.slice_mut(ndarray::s![rows.clone(), cols]);
            T::gemm(&at, &bt, &mut ct);
            crate::interrupt::check();
        }
    }
}

/// Stacked matrix product of `a (..., n, k)` and `b (..., k, m)` with broadcast batch axes.
fn batched<T: MatElem>(
    a: &Array,
    b: &Array,
    batch: &[usize],
    n: usize,
    k: usize,
    m: usize,
) -> Result<Array> {
    let mut ashape = batch.to_vec();
    ashape.extend([n, k]);
    let mut bshape = batch.to_vec();
    bshape.extend([k, m]);
    let av = a.broadcast_view(&ashape)?;
    let bv = b.broadcast_view(&bshape)?;
    let at = av.view::<T>();
    let bt = bv.view::<T>();
    let mut oshape = batch.to_vec();
    oshape.extend([n, m]);
    let total: usize = oshape.iter().product();
    // Every element is written below (each `gemm` writes all of `c` without reading it, as
    // BLAS with beta = 0 does), so the buffer is not zeroed first: as NumPy's `np.empty`
    // output, which saved a few percent of a product's time.
    let mut data: Vec<std::mem::MaybeUninit<T>> = Vec::with_capacity(total);
    // SAFETY: `MaybeUninit` elements need no initialization.
    unsafe { data.set_len(total) };
    {
        // SAFETY: the view covers exactly `total` elements of `data` in C order; it is only
        // written through (by the products) before the elements are read.
        let mut ov = unsafe {
            ndarray::ArrayViewMutD::from_shape_ptr(
                ndarray::IxDyn(&oshape),
                data.as_mut_ptr() as *mut T,
            )
        };
        let nb: usize = batch.iter().product();
        let mut idx = vec![0usize; batch.len()];
        for _ in 0..nb {
            let a2 = matrix_at(&at, &idx);
            let b2 = matrix_at(&bt, &idx);
            let mut o = ov.view_mut();
            for &i in &idx {
                o = o.index_axis_move(Axis(0), i);
            }
            let mut o2 = o.into_dimensionality::<Ix2>().expect("2-D core");
            if k == 0 {
                o2.fill(T::default());
            } else {
                gemm_interruptible(&a2, &b2, &mut o2);
            }
            for ax in (0..batch.len()).rev() {
                idx[ax] += 1;
                if idx[ax] < batch[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
    }
    let mut data = std::mem::ManuallyDrop::new(data);
    // SAFETY: every element was written above; `MaybeUninit<T>` has the layout of `T`.
    let data =
        unsafe { Vec::from_raw_parts(data.as_mut_ptr() as *mut T, data.len(), data.capacity()) };
    Ok(from_data(data, oshape))
}

/// Fallible form of [`matmul`].
///
/// ```
/// let e = arraylib::try_matmul(&arraylib::ones([3, 4]), &arraylib::ones(5)).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 5 is different from 4)");
/// ```
pub fn try_matmul(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, b: &Array) -> Result<Array> {
        if a.dtype().is_str() || b.dtype().is_str() {
            use crate::operand::Operand;
            return Err(crate::strings::no_loop_binary(
                "matmul",
                &Operand::Borrowed(a),
                &Operand::Borrowed(b),
            ));
        }
        for (i, x) in [a, b].iter().enumerate() {
            if x.ndim() == 0 {
                return Err(ArrayError::value(format!(
                    "matmul: Input operand {i} does not have enough dimensions (has 0, gufunc core with signature {SIGNATURE} requires 1)"
                )));
            }
        }
        let dt = promote(a.dtype(), b.dtype());
        let a_vec = a.ndim() == 1;
        let b_vec = b.ndim() == 1;
        let mut ash = a.shape().to_vec();
        if a_vec {
            ash.insert(0, 1);
        }
        let mut bsh = b.shape().to_vec();
        if b_vec {
            bsh.push(1);
        }
        let (n, k) = (ash[ash.len() - 2], ash[ash.len() - 1]);
        let (k2, m) = (bsh[bsh.len() - 2], bsh[bsh.len() - 1]);
        if k != k2 {
            return Err(ArrayError::value(format!(
                "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature {SIGNATURE} (size {k2} is different from {k})"
            )));
        }
        let abatch = &ash[..ash.len() - 2];
        let bbatch = &bsh[..bsh.len() - 2];
        let batch = crate::broadcast::broadcast_shapes(&[abatch, bbatch]).map_err(|_| {
            let remap = |orig: &[usize], batch: &[usize]| {
                let mut s = String::from("(");
                s.push_str(&batch.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(","));
                s.push_str(",newaxis,newaxis)");
                format!("{}->{}", compact_shape(orig), s)
            };
            ArrayError::value(format!(
                "operands could not be broadcast together with remapped shapes [original->remapped]: {} {}  and requested shape ({},{})",
                remap(a.shape(), abatch),
                remap(b.shape(), bbatch),
                n,
                m
            ))
        })?;
        let a2 = {
            // re-view with the vector axis added (no copy)
            let ac = cast_array(a, dt);
            let mut st = ac.strides.clone();
            if a_vec {
                st.insert(0, 0);
            }
            ac.view_with(ac.offset, ash.clone(), st)
        };
        let b2 = {
            let bc = cast_array(b, dt);
            let mut st = bc.strides.clone();
            if b_vec {
                st.push(0);
            }
            bc.view_with(bc.offset, bsh.clone(), st)
        };
        let out = crate::dispatch!(dt, T => batched::<T>(&a2, &b2, &batch, n, k, m))?;
        // drop the added vector axes
        let mut oshape = batch.clone();
        if !a_vec {
            oshape.push(n);
        }
        if !b_vec {
            oshape.push(m);
        }
        let strides = crate::array::c_strides(&oshape);
        let mut r = out.view_with(0, oshape, strides);
        r.is_view = false;
        Ok(r)
    }
    // 1-D @ 1-D is NumPy's scalar.
    inner(a.as_ref(), b.as_ref()).map(Array::scalar_if_0d)
}

/// `np.matmul(a, b)`, Python's `a @ b`: matrix product with NumPy's rules for 1-D operands
/// and broadcast batch dimensions. The product of two 1-D arrays is 0-d and stands for
/// NumPy's scalar ([`Array::is_scalar`]).
///
/// ```
/// use arraylib as np;
/// let a = np::ones([4, 3]);
/// let b = np::ones([3, 2]);
/// assert_eq!(np::matmul(&a, &b).shape(), &[4, 2]);
/// assert_eq!(np::matmul(&np::ones([5, 4, 3]), &b).shape(), &[5, 4, 2]);
/// assert_eq!(format!("{:?}", np::matmul(&np::ones(3), &np::ones(3))), "np.float64(3.0)");
/// ```
#[track_caller]
pub fn matmul(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Array {
    try_matmul(a, b).or_panic()
}

/// `np.dot(a, b)`: for 1-D and 2-D operands the matrix (or inner) product; with a 0-d operand
/// the elementwise product; for N-D operands the sum product over the last axis of `a` and
/// the second-to-last of `b`. A 1-D · 1-D product is a 0-d array that stands for NumPy's
/// scalar ([`Array::is_scalar`]) and prints as `np.float64(...)`.
///
/// ```
/// use arraylib as np;
/// let x = np::ones([2, 3]);
/// let w = np::ones([3, 4]);
/// let b = np::arange(4);
/// let y = np::dot(&x, &w) + &b;
/// assert_eq!(y.shape(), &[2, 4]);
/// assert_eq!(np::dot(&np::arange(3), &np::arange(3)).to_vec::<i64>(), vec![5]);
/// assert_eq!(format!("{:?}", np::dot(&np::arange(3.0), &np::arange(3.0))), "np.float64(5.0)");
/// ```
#[track_caller]
pub fn dot(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Array {
    try_dot(a, b).or_panic()
}

fn not_aligned(a: &[usize], b: &[usize], da: usize, db: usize) -> ArrayError {
    ArrayError::value(format!(
        "shapes {} and {} not aligned: {} (dim {}) != {} (dim {})",
        compact_shape(a),
        compact_shape(b),
        a[da],
        da,
        b[db],
        db
    ))
}

/// Fallible form of [`dot`].
///
/// ```
/// let e = arraylib::try_dot(&arraylib::ones([2, 3]), &arraylib::ones(4)).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: shapes (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)");
/// ```
pub fn try_dot(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, b: &Array) -> Result<Array> {
        if (a.dtype().is_str() || b.dtype().is_str()) && a.ndim() > 0 && b.ndim() > 0 {
            return Err(ArrayError::value("data type must provide an itemsize"));
        }
        if a.ndim() == 0 || b.ndim() == 0 {
            return crate::arithmetic::try_multiply(a, b);
        }
        let ka = a.ndim() - 1;
        let kb = if b.ndim() == 1 { 0 } else { b.ndim() - 2 };
        if a.shape()[ka] != b.shape()[kb] {
            return Err(not_aligned(a.shape(), b.shape(), ka, kb));
        }
        if b.ndim() <= 2 && a.ndim() <= 2 || b.ndim() == 1 {
            return try_matmul(a, b);
        }
        // N-D: move b's contraction axis to the front and flatten the rest.
        let k = a.shape()[ka];
        let a2 = crate::shape::reshape(a, [-1, k as isize]);
        let mut perm: Vec<usize> = (0..b.ndim()).collect();
        perm.remove(kb);
        perm.insert(0, kb);
        let shape: Vec<usize> = perm.iter().map(|&p| b.shape()[p]).collect();
        let strides: Vec<isize> = perm.iter().map(|&p| b.strides[p]).collect();
        let bp = b.view_with(b.offset, shape, strides);
        let b2 = crate::shape::reshape(&bp, [k as isize, -1]);
        let r = try_matmul(&a2, &b2)?;
        let mut oshape: Vec<usize> = a.shape()[..ka].to_vec();
        for (i, &d) in b.shape().iter().enumerate() {
            if i != kb {
                oshape.push(d);
            }
        }
        Ok(crate::shape::reshape(&r, oshape))
    }
    // A 0-d product (1-D with 1-D, or with a 0-d operand) is NumPy's scalar.
    inner(a.as_ref(), b.as_ref()).map(Array::scalar_if_0d)
}

/// `np.inner(a, b)`: sum product over the last axes (for 1-D, the dot product, a 0-d array
/// that stands for NumPy's scalar, [`Array::is_scalar`]).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::inner(&np::arange(3), &np::arange(3)).to_vec::<i64>(), vec![5]);
/// assert_eq!(format!("{:?}", np::inner(&np::arange(3), &np::arange(3))), "np.int64(5)");
/// assert_eq!(np::inner(&np::ones([2, 3]), &np::ones([4, 3])).shape(), &[2, 4]);
/// ```
#[track_caller]
pub fn inner(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Array {
    try_inner(a, b).or_panic()
}

/// Fallible form of [`inner`].
///
/// ```
/// assert!(arraylib::try_inner(&arraylib::ones([2, 3]), &arraylib::ones([2, 4])).is_err());
/// ```
pub fn try_inner(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, b: &Array) -> Result<Array> {
        if a.ndim() == 0 || b.ndim() == 0 {
            return crate::arithmetic::try_multiply(a, b);
        }
        let (ka, kb) = (a.ndim() - 1, b.ndim() - 1);
        if a.shape()[ka] != b.shape()[kb] {
            // NumPy reports the shapes after moving b's last axis first
            let mut bs: Vec<usize> = b.shape().to_vec();
            let last = bs.pop().unwrap();
            bs.insert(0, last);
            return Err(not_aligned(a.shape(), &bs, ka, 0));
        }
        let k = a.shape()[ka] as isize;
        let a2 = crate::shape::reshape(a, [-1, k]);
        let b2 = crate::shape::reshape(b, [-1, k]);
        let r = try_matmul(&a2, b2.t())?;
        let mut oshape: Vec<usize> = a.shape()[..ka].to_vec();
        oshape.extend_from_slice(&b.shape()[..kb]);
        Ok(crate::shape::reshape(&r, oshape))
    }
    // A 0-d product (1-D with 1-D, or with a 0-d operand) is NumPy's scalar.
    inner(a.as_ref(), b.as_ref()).map(Array::scalar_if_0d)
}

/// `np.outer(a, b)`: `a.ravel()[:, None] * b.ravel()[None, :]`.
///
/// ```
/// use arraylib as np;
/// let o = np::outer(&np::arange((1, 3)), &np::arange(3));
/// assert_eq!(o.to_vec::<i64>(), vec![0, 1, 2, 0, 2, 4]);
/// ```
pub fn outer(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, b: &Array) -> Array {
        let col = crate::shape::reshape(a, [-1, 1]);
        let row = crate::shape::reshape(b, [1, -1]);
        crate::arithmetic::multiply(&col, &row)
    }
    inner(a.as_ref(), b.as_ref())
}

/// `np.vdot(a, b)`: the dot product of the flattened arrays, conjugating `a` if complex.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::vdot(&np::ones([2, 2]), &np::ones(4)), np::Scalar::from(4.0));
/// ```
#[track_caller]
pub fn vdot(a: impl AsRef<Array>, b: impl AsRef<Array>) -> Scalar {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, b: &Array) -> Scalar {
        let fa = crate::shape::reshape(a, [-1]);
        let fb = crate::shape::reshape(b, [-1]);
        if fa.size() != fb.size() {
            std::panic::panic_any(
                ArrayError::value("cannot reshape array of size into shape").to_string(),
            );
        }
        let fa = if fa.dtype().is_complex() {
            crate::dispatch_complex!(fa.dtype(), T => crate::operand::unary::<T, T>(&Operand::Borrowed(&fa), |z| z.conj()), _ => fa.clone())
        } else {
            fa
        };
        crate::arithmetic::first_scalar(&try_matmul(&fa, &fb).or_panic())
    }
    inner(a.as_ref(), b.as_ref())
}

impl Array {
    /// `a @ b` (`np.matmul`); see [`matmul`].
    ///
    /// ```
    /// let a = arraylib::arange(4).reshape([2, 2]);
    /// assert_eq!(a.matmul(&a).to_vec::<i64>(), vec![2, 3, 6, 11]);
    /// ```
    #[track_caller]
    pub fn matmul(&self, other: impl AsRef<Array>) -> Array {
        matmul(self, other)
    }

    /// `a.dot(b)` (`np.dot`); see [`dot`].
    ///
    /// ```
    /// let a = arraylib::ones([2, 3]);
    /// assert_eq!(a.dot(&arraylib::ones(3)).to_vec::<f64>(), vec![3.0, 3.0]);
    /// ```
    #[track_caller]
    pub fn dot(&self, other: impl AsRef<Array>) -> Array {
        dot(self, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate as np;
    use crate::DType;

    /// Tiles (small ones here) give the same product as one call, for every kernel.
    fn tiles_agree<T: MatElem + PartialEq + std::fmt::Debug>(dtype: DType) {
        let a = np::arange(50 * 40).reshape([50, 40]).astype(dtype);
        let b = (np::arange(40 * 30).reshape([40, 30]) % 7).astype(dtype);
        let (av, bv) = (a.view::<T>(), b.view::<T>());
        let (a2, b2) = (
            av.view().into_dimensionality::<Ix2>().unwrap(),
            bv.view().into_dimensionality::<Ix2>().unwrap(),
        );
        let whole = np::zeros([50, 30]).astype(dtype);
        let tiled = np::zeros([50, 30]).astype(dtype);
        {
            let mut w = whole.view_mut::<T>();
            let mut w2 = w.view_mut().into_dimensionality::<Ix2>().unwrap();
            T::gemm(&a2, &b2, &mut w2);
            let mut t = tiled.view_mut::<T>();
            let mut t2 = t.view_mut().into_dimensionality::<Ix2>().unwrap();
            gemm_tiled(&a2, &b2, &mut t2, 1000, 3);
        }
        assert_eq!(whole.to_vec::<T>(), tiled.to_vec::<T>(), "{dtype:?}");
    }

    #[test]
    fn tiled_products_match() {
        tiles_agree::<f64>(DType::Float64);
        tiles_agree::<f32>(DType::Float32);
        tiles_agree::<i64>(DType::Int64);
        tiles_agree::<bool>(DType::Bool);
        tiles_agree::<crate::dtype::Complex128>(DType::Complex128);
    }

    #[test]
    fn shapes_and_values() {
        let a = np::arange(6).reshape([2, 3]);
        let b = np::arange(6).reshape([3, 2]);
        assert_eq!(a.matmul(&b).to_vec::<i64>(), vec![10, 13, 28, 40]);
        let af = a.astype(DType::Float64);
        let bf = b.astype(DType::Float64);
        assert_eq!(af.matmul(&bf).to_vec::<f64>(), vec![10.0, 13.0, 28.0, 40.0]);
        // transposed (non-contiguous) operands
        assert_eq!(
            bf.t().matmul(af.t()).to_vec::<f64>(),
            vec![10.0, 28.0, 13.0, 40.0]
        );
        assert_eq!(np::arange(3).matmul(&b).to_vec::<i64>(), vec![10, 13]);
        let s = np::arange(3).matmul(np::arange(3));
        assert_eq!(s.ndim(), 0);
        let batch = np::ones([5, 2, 3]).matmul(np::ones([3, 4]));
        assert_eq!(batch.shape(), &[5, 2, 4]);
        assert_eq!(
            np::matmul(np::ones([0, 3]), np::ones([3, 2])).shape(),
            &[0, 2]
        );
        let e = try_matmul(np::ones([2, 3, 4]), np::ones([3, 4, 5])).unwrap_err();
        assert_eq!(
            e.message,
            "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)"
        );
        assert!(try_matmul(np::ones(()), np::ones(3)).is_err());
    }

    #[test]
    fn dot_inner_outer() {
        let d = np::dot(np::ones([2, 3, 4]), np::ones([5, 4, 2]));
        assert_eq!(d.shape(), &[2, 3, 5, 2]);
        assert_eq!(d.to_vec::<f64>()[0], 4.0);
        let e = try_inner(np::ones([2, 3]), np::ones([2, 4])).unwrap_err();
        assert_eq!(
            e.message,
            "shapes (2,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)"
        );
        assert_eq!(np::outer(np::arange(2), np::arange(2)).shape(), &[2, 2]);
        let m = np::arange(4).reshape([2, 2]);
        assert_eq!(np::inner(&m, &m).to_vec::<i64>(), vec![1, 3, 3, 13]);
    }
}
