//! Positions of nonzero elements: `np.nonzero` (also `np.where` with one argument),
//! `np.argwhere` and `np.flatnonzero`.

use crate::array::Array;
use crate::dtype::DType;
use crate::error::{ArrayError, OrPanic, Result};

/// Row-major flat positions of the true elements of a bool array.
pub(crate) fn true_positions(mask: &Array) -> Vec<i64> {
    let scan = |s: &[bool], out: &mut Vec<i64>, base: usize| {
        for (i, &b) in s.iter().enumerate() {
            if b {
                out.push((base + i) as i64);
            }
        }
    };
    let owned;
    let s = match mask.as_slice::<bool>() {
        Some(s) => s,
        None => {
            owned = mask.to_vec::<bool>();
            &owned[..]
        }
    };
    let mut out = Vec::with_capacity(crate::fancy_indexing::count_true(s));
    for (c, chunk) in s.chunks(1 << 16).enumerate() {
        crate::interrupt::check();
        scan(chunk, &mut out, c << 16);
    }
    out
}

/// `np.nonzero` of a bool array of at least one dimension: one int64 array per axis.
pub(crate) fn nonzero_bool(mask: &Array) -> Vec<Array> {
    let flat = true_positions(mask);
    if mask.ndim() == 1 {
        return vec![Array::from(flat)];
    }
    let shape = mask.shape();
    let mut out: Vec<Vec<i64>> = vec![Vec::with_capacity(flat.len()); shape.len()];
    for &p in &flat {
        let mut rest = p;
        for ax in (0..shape.len()).rev() {
            let n = shape[ax] as i64;
            out[ax].push(rest % n);
            rest /= n;
        }
    }
    out.into_iter().map(Array::from).collect()
}

fn as_bool(a: &Array) -> Array {
    if a.dtype() == DType::Bool {
        a.clone()
    } else {
        a.astype(DType::Bool)
    }
}

/// `np.nonzero(a)`, also NumPy's one-argument `np.where(a)`: for each axis, the int64
/// indices of the nonzero elements, in row-major order.
///
/// Panics for a 0-d array, as NumPy raises; see [`try_nonzero`].
///
/// ```
/// use arraylib as np;
/// let a = np::array![[3, 0], [0, 4]];
/// let idx = np::nonzero(&a);
/// assert_eq!(idx[0].to_vec::<i64>(), vec![0, 1]);
/// assert_eq!(idx[1].to_vec::<i64>(), vec![0, 1]);
/// ```
#[track_caller]
pub fn nonzero(a: impl AsRef<Array>) -> Vec<Array> {
    try_nonzero(a).or_panic()
}

/// Fallible form of [`nonzero`].
///
/// ```
/// let e = arraylib::try_nonzero(arraylib::Scalar::from(1.0).to_array()).unwrap_err();
/// assert_eq!(e.kind, arraylib::ErrorKind::ValueError);
/// ```
pub fn try_nonzero(a: impl AsRef<Array>) -> Result<Vec<Array>> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array) -> Result<Vec<Array>> {
        if a.ndim() == 0 {
            return Err(ArrayError::value(
                "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.",
            ));
        }
        Ok(nonzero_bool(&as_bool(a)))
    }
    inner(a.as_ref())
}

/// `np.flatnonzero(a)`: int64 positions of the nonzero elements of the flattened array.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::flatnonzero(np::array![0, 5, 0, 7]).to_vec::<i64>(), vec![1, 3]);
/// ```
pub fn flatnonzero(a: impl AsRef<Array>) -> Array {
    Array::from(true_positions(&as_bool(a.as_ref())))
}

/// `np.argwhere(a)`: the indices of the nonzero elements as rows of an int64 array of shape
/// `(count, a.ndim)`.
///
/// ```
/// use arraylib as np;
/// let w = np::argwhere(np::array![[1, 0], [0, 1]]);
/// assert_eq!(w.shape(), &[2, 2]);
/// assert_eq!(w.to_vec::<i64>(), vec![0, 0, 1, 1]);
/// ```
pub fn argwhere(a: impl AsRef<Array>) -> Array {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: Array) -> Array {
        if a.ndim() == 0 {
            let n = a.to_vec::<bool>()[0] as usize;
            return Array::from_vec(Vec::<i64>::new(), [n, 0]);
        }
        let cols = nonzero_bool(&a);
        let count = cols[0].size();
        let nd = a.ndim();
        let cols: Vec<Vec<i64>> = cols.iter().map(|c| c.to_vec::<i64>()).collect();
        let mut data = Vec::with_capacity(count * nd);
        for i in 0..count {
            for c in &cols {
                data.push(c[i]);
            }
        }
        Array::from_vec(data, [count, nd])
    }
    inner(as_bool(a.as_ref()))
}

impl Array {
    /// `arr.nonzero()`: see [`nonzero`].
    ///
    /// ```
    /// assert_eq!(arraylib::array![0, 2, 3].nonzero()[0].to_vec::<i64>(), vec![1, 2]);
    /// ```
    #[track_caller]
    pub fn nonzero(&self) -> Vec<Array> {
        nonzero(self)
    }
}
