//! Products of matrices: `multi_dot`, `matrix_power`, and `np.trace`.

use super::field::{check_square, linalg_error};
use super::solve::try_inv;
use crate::array::Array;
use crate::error::{ArrayError, OrPanic, Result};
use crate::matmul::try_matmul;
use crate::scalar::Scalar;

/// Fallible form of [`matrix_power`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_matrix_power(&np::ones([2, 3]), 2).unwrap_err();
/// assert_eq!(e.to_string(), "LinAlgError: Last 2 dimensions of the array must be square");
/// ```
pub fn try_matrix_power(a: impl AsRef<Array>, n: i64) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, n: i64) -> Result<Array> {
        check_square(a)?;
        if n == 0 {
            let m = a.shape()[a.ndim() - 1];
            let eye = crate::eye(m).astype(a.dtype());
            let out = crate::zeros_dtype(a.shape().to_vec(), a.dtype());
            crate::copyto(&out, &eye);
            return Ok(out);
        }
        let a = if n < 0 { try_inv(a)? } else { a.clone() };
        let mut n = n.unsigned_abs();
        match n {
            1 => return Ok(a.copy()),
            2 => return try_matmul(&a, &a),
            3 => return try_matmul(try_matmul(&a, &a)?, &a),
            _ => {}
        }
        // Repeated squaring in NumPy's order, so results match it bit for bit.
        let mut z: Option<Array> = None;
        let mut result: Option<Array> = None;
        while n > 0 {
            let zz = match z {
                None => a.clone(),
                Some(z) => try_matmul(&z, &z)?,
            };
            if n % 2 == 1 {
                result = Some(match result {
                    None => zz.clone(),
                    Some(r) => try_matmul(&r, &zz)?,
                });
            }
            z = Some(zz);
            n /= 2;
        }
        Ok(result.expect("n > 0"))
    }
    inner(a.as_ref(), n)
}

/// `a` raised to an integer power by repeated matrix products (`np.linalg.matrix_power`);
/// `n = 0` gives the identity in `a`'s dtype and negative powers invert `a` first.
/// Works on stacks.
///
/// ```
/// use arraylib as np;
/// let a = np::array![[1, 1], [1, 0]];
/// assert_eq!(np::linalg::matrix_power(&a, 5).to_vec::<i64>(), vec![8, 5, 5, 3]);
/// let b = np::array![[2.0, 0.0], [0.0, 4.0]];
/// assert!(np::allclose(&np::linalg::matrix_power(&b, -1), &np::array![[0.5, 0.0], [0.0, 0.25]]));
/// ```
#[track_caller]
pub fn matrix_power(a: impl AsRef<Array>, n: i64) -> Array {
    try_matrix_power(a, n).or_panic()
}

/// Cost in multiplications of the cheapest order of a chain of matrices, with the split
/// points (the textbook dynamic programme NumPy's `multi_dot` uses).
fn chain_order(dims: &[usize]) -> Vec<Vec<usize>> {
    let n = dims.len() - 1;
    let mut cost = vec![vec![0u128; n]; n];
    let mut split = vec![vec![0usize; n]; n];
    for len in 1..n {
        for i in 0..n - len {
            let j = i + len;
            cost[i][j] = u128::MAX;
            for k in i..j {
                let c = cost[i][k] + cost[k + 1][j] + (dims[i] * dims[k + 1] * dims[j + 1]) as u128;
                if c < cost[i][j] {
                    cost[i][j] = c;
                    split[i][j] = k;
                }
            }
        }
    }
    split
}

fn chain_product(arrays: &[Array], split: &[Vec<usize>], i: usize, j: usize) -> Result<Array> {
    if i == j {
        return Ok(arrays[i].clone());
    }
    let k = split[i][j];
    try_matmul(
        chain_product(arrays, split, i, k)?,
        chain_product(arrays, split, k + 1, j)?,
    )
}

/// Fallible form of [`multi_dot`].
///
/// ```
/// use arraylib as np;
/// let e = np::linalg::try_multi_dot(&[np::ones(2)]).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Expecting at least two arrays.");
/// ```
pub fn try_multi_dot<A: AsRef<Array>>(arrays: &[A]) -> Result<Array> {
    let mats: Vec<Array> = arrays.iter().map(|a| a.as_ref().clone()).collect();
    // A row vector times a column vector is NumPy's scalar.
    multi_dot_owned(mats).map(Array::scalar_if_0d)
}

/// The body of [`try_multi_dot`], not generic, so it is compiled once here.
fn multi_dot_owned(mut mats: Vec<Array>) -> Result<Array> {
    let n = mats.len();
    if n < 2 {
        return Err(ArrayError::value("Expecting at least two arrays."));
    }
    if n == 2 {
        return crate::matmul::try_dot(&mats[0], &mats[1]);
    }
    let first_1d = mats[0].ndim() == 1;
    let last_1d = mats[n - 1].ndim() == 1;
    if first_1d {
        mats[0] = mats[0].reshape([1, -1]);
    }
    if last_1d {
        mats[n - 1] = mats[n - 1].reshape([-1, 1]);
    }
    for m in &mats {
        if m.ndim() != 2 {
            return Err(linalg_error(format!(
                "{}-dimensional array given. Array must be two-dimensional",
                m.ndim()
            )));
        }
    }
    let mut dims = vec![mats[0].shape()[0]];
    dims.extend(mats.iter().map(|m| m.shape()[1]));
    let split = chain_order(&dims);
    let r = chain_product(&mats, &split, 0, n - 1)?;
    Ok(match (first_1d, last_1d) {
        (true, true) => r.reshape(Vec::<usize>::new()),
        (true, false) => r.reshape([-1]),
        (false, true) => r.reshape([-1]),
        (false, false) => r,
    })
}

/// The product of several matrices in the cheapest order (`np.linalg.multi_dot`); the
/// first array may be a 1-D row vector and the last a 1-D column vector.
///
/// ```
/// use arraylib as np;
/// let (a, b, c) = (np::ones([10, 100]), np::ones([100, 5]), np::ones([5, 50]));
/// let r = np::linalg::multi_dot(&[&a, &b, &c]);
/// assert_eq!(r.shape(), &[10, 50]);
/// ```
#[track_caller]
pub fn multi_dot<A: AsRef<Array>>(arrays: &[A]) -> Array {
    try_multi_dot(arrays).or_panic()
}

/// Fallible form of [`trace_offset`].
///
/// ```
/// use arraylib as np;
/// let e = np::try_trace(&np::ones(3), 0).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: diag requires an array of at least two dimensions");
/// ```
pub fn try_trace(a: impl AsRef<Array>, offset: isize) -> Result<Scalar> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, offset: isize) -> Result<Scalar> {
        if a.ndim() < 2 {
            return Err(ArrayError::value(
                "diag requires an array of at least two dimensions",
            ));
        }
        if a.ndim() > 2 {
            return Err(ArrayError::value(
                "trace of an array with more than two dimensions returns an array: use np::sum of a diagonal view",
            ));
        }
        let (m, n) = (a.shape()[0] as isize, a.shape()[1] as isize);
        let (i0, j0) = if offset >= 0 {
            (0, offset)
        } else {
            (-offset, 0)
        };
        let len = (m - i0).min(n - j0).max(0) as usize;
        let (s0, s1) = (a.strides[0], a.strides[1]);
        let start = if len == 0 {
            a.offset
        } else {
            (a.offset as isize + i0 * s0 + j0 * s1) as usize
        };
        Ok(a.view_with(start, vec![len], vec![s0 + s1]).sum())
    }
    inner(a.as_ref(), offset)
}

/// The sum of the main diagonal of a 2-D array (`np.trace(a)`), in the dtype `np.sum`
/// gives.
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::trace(&np::arange(9).reshape([3, 3])).to_i64(), 12);
/// ```
#[track_caller]
pub fn trace(a: impl AsRef<Array>) -> Scalar {
    try_trace(a, 0).or_panic()
}

/// The sum of a diagonal above (`offset > 0`) or below the main one
/// (`np.trace(a, offset)`).
///
/// ```
/// use arraylib as np;
/// let a = np::arange(9).reshape([3, 3]);
/// assert_eq!(np::trace_offset(&a, 1).to_i64(), 6);
/// assert_eq!(np::trace_offset(&a, -2).to_i64(), 6);
/// ```
#[track_caller]
pub fn trace_offset(a: impl AsRef<Array>, offset: isize) -> Scalar {
    try_trace(a, offset).or_panic()
}
