//! `np::unique` and NumPy 2's `unique_values`, `unique_counts`, `unique_inverse` and
//! `unique_all`, over the flattened array.
//!
//! `unique` treats all NaNs as one value (NumPy's `equal_nan=True`); the `unique_*` functions
//! keep every NaN apart, as NumPy's array-API functions do. `-0.0` and `0.0` are one value.
//!
//! ```
//! use arraylib as np;
//! let a = np::array![3, 1, 3, 2, 1];
//! assert_eq!(np::unique(&a).to_vec::<i64>(), vec![1, 2, 3]);
//! let (values, counts) = np::unique_counts(&a);
//! assert_eq!(counts.to_vec::<i64>(), vec![2, 1, 2]);
//! # let _ = values;
//! ```

use crate::array::Array;
use crate::operand::from_data;
use crate::sorting::SortElem;
use std::cmp::Ordering;

/// Everything `unique` can return, for the flattened array.
struct Parts {
    values: Array,
    index: Vec<i64>,
    inverse: Vec<i64>,
    counts: Vec<i64>,
}

fn unique_kernel<T: SortElem>(data: &[T], equal_nan: bool, need_order: bool) -> (Vec<T>, Parts0) {
    let same = |x: &T, y: &T| {
        if x.is_nan() || y.is_nan() {
            equal_nan && x.is_nan() && y.is_nan()
        } else {
            T::ord(x, y) == Ordering::Equal
        }
    };
    let mut values = Vec::new();
    let mut p = Parts0::default();
    if need_order {
        // A stable order makes each group's first index its first occurrence.
        let mut pairs: Vec<(T, i64)> = data
            .iter()
            .enumerate()
            .map(|(i, &x)| (x, i as i64))
            .collect();
        pairs.sort_by(|x, y| T::ord(&x.0, &y.0));
        p.inverse = vec![0; data.len()];
        for (x, i) in pairs {
            match values.last() {
                Some(last) if same(last, &x) => {
                    *p.counts.last_mut().expect("group") += 1;
                }
                _ => {
                    values.push(x);
                    p.index.push(i);
                    p.counts.push(1);
                }
            }
            p.inverse[i as usize] = values.len() as i64 - 1;
        }
    } else {
        let mut sorted = data.to_vec();
        T::sort_slice(&mut sorted);
        for x in sorted {
            match values.last() {
                Some(last) if same(last, &x) => *p.counts.last_mut().expect("group") += 1,
                _ => {
                    values.push(x);
                    p.counts.push(1);
                }
            }
        }
    }
    (values, p)
}

/// The index arrays of [`unique_kernel`].
#[derive(Default)]
struct Parts0 {
    index: Vec<i64>,
    inverse: Vec<i64>,
    counts: Vec<i64>,
}

fn unique_parts(a: &Array, equal_nan: bool, need_order: bool) -> Parts {
    if a.dtype().is_str() {
        // Strings are unique by their ranks among the distinct values.
        let (r, values) = crate::strings::ranks(a);
        let mut p = unique_parts(&r, equal_nan, need_order);
        p.values = crate::strings::from_ranks(&p.values, &values, crate::strings::width(a));
        return p;
    }
    crate::dispatch!(a.dtype(), T => {
        let data = a.to_vec::<T>();
        let (values, p) = unique_kernel(&data, equal_nan, need_order);
        let n = values.len();
        Parts { values: from_data(values, vec![n]), index: p.index, inverse: p.inverse, counts: p.counts }
    })
}

fn vec1(v: Vec<i64>) -> Array {
    let n = v.len();
    from_data(v, vec![n])
}

/// `np.unique(a)`: the sorted distinct values of the flattened array (NaNs as one).
///
/// ```
/// use arraylib as np;
/// let a = np::array![2.0, f64::NAN, 1.0, 2.0, f64::NAN];
/// let u = np::unique(&a).to_vec::<f64>();
/// assert_eq!(u.len(), 3);
/// assert!(u[2].is_nan());
/// ```
pub fn unique(a: impl AsRef<Array>) -> Array {
    unique_parts(a.as_ref(), true, false).values
}

/// `np.unique(a, return_index=..., return_inverse=..., return_counts=...)`: the unique values
/// followed by the requested arrays in NumPy's order (first indices, inverse with `a`'s
/// shape, counts), all int64.
///
/// ```
/// use arraylib as np;
/// let a = np::array![3, 1, 3];
/// let r = np::unique_with(&a, true, true, true);
/// assert_eq!(r[1].to_vec::<i64>(), vec![1, 0]);
/// assert_eq!(r[2].to_vec::<i64>(), vec![1, 0, 1]);
/// assert_eq!(r[3].to_vec::<i64>(), vec![1, 2]);
/// ```
pub fn unique_with(
    a: impl AsRef<Array>,
    return_index: bool,
    return_inverse: bool,
    return_counts: bool,
) -> Vec<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(
        a: &Array,
        return_index: bool,
        return_inverse: bool,
        return_counts: bool,
    ) -> Vec<Array> {
        let p = unique_parts(a, true, return_index || return_inverse);
        let mut out = vec![p.values];
        if return_index {
            out.push(vec1(p.index));
        }
        if return_inverse {
            out.push(from_data(p.inverse, a.shape().to_vec()));
        }
        if return_counts {
            out.push(vec1(p.counts));
        }
        out
    }
    inner(a.as_ref(), return_index, return_inverse, return_counts)
}

/// `np.unique_values(x)`: the sorted distinct values, each NaN kept apart.
///
/// ```
/// let a = arraylib::array![2, 2, 1];
/// assert_eq!(arraylib::unique_values(&a).to_vec::<i64>(), vec![1, 2]);
/// ```
pub fn unique_values(x: impl AsRef<Array>) -> Array {
    unique_parts(x.as_ref(), false, false).values
}

/// `np.unique_counts(x)`: `(values, counts)`.
///
/// ```
/// let a = arraylib::array![2, 2, 1];
/// let (v, c) = arraylib::unique_counts(&a);
/// assert_eq!((v.to_vec::<i64>(), c.to_vec::<i64>()), (vec![1, 2], vec![1, 2]));
/// ```
pub fn unique_counts(x: impl AsRef<Array>) -> (Array, Array) {
    let p = unique_parts(x.as_ref(), false, false);
    (p.values, vec1(p.counts))
}

/// `np.unique_inverse(x)`: `(values, inverse_indices)`; `values[inverse]` rebuilds `x`, and
/// the inverse has `x`'s shape.
///
/// ```
/// let a = arraylib::array![2, 2, 1];
/// let (_, inv) = arraylib::unique_inverse(&a);
/// assert_eq!(inv.to_vec::<i64>(), vec![1, 1, 0]);
/// ```
pub fn unique_inverse(x: impl AsRef<Array>) -> (Array, Array) {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(x: &Array) -> (Array, Array) {
        let p = unique_parts(x, false, true);
        (p.values, from_data(p.inverse, x.shape().to_vec()))
    }
    inner(x.as_ref())
}

/// `np.unique_all(x)`: `(values, indices, inverse_indices, counts)`.
///
/// ```
/// let a = arraylib::array![2, 1, 2];
/// let (v, i, inv, c) = arraylib::unique_all(&a);
/// assert_eq!(i.to_vec::<i64>(), vec![1, 0]);
/// # let _ = (v, inv, c);
/// ```
pub fn unique_all(x: impl AsRef<Array>) -> (Array, Array, Array, Array) {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(x: &Array) -> (Array, Array, Array, Array) {
        let p = unique_parts(x, false, true);
        (
            p.values,
            vec1(p.index),
            from_data(p.inverse, x.shape().to_vec()),
            vec1(p.counts),
        )
    }
    inner(x.as_ref())
}

#[cfg(test)]
mod tests {
    use crate::Array;

    #[test]
    fn nan_handling_and_inverse_shape() {
        let a = Array::from_vec(vec![f64::NAN, 1.0, f64::NAN, -0.0, 0.0, 1.0], [2, 3]);
        let r = crate::unique_with(&a, true, true, true);
        assert_eq!(r[0].size(), 3);
        assert_eq!(r[1].to_vec::<i64>(), vec![3, 1, 0]);
        assert_eq!(r[2].shape(), &[2, 3]);
        assert_eq!(r[2].to_vec::<i64>(), vec![2, 1, 2, 0, 0, 1]);
        assert_eq!(r[3].to_vec::<i64>(), vec![2, 2, 2]);
        let (v, c) = crate::unique_counts(&a);
        assert_eq!(v.size(), 4);
        assert_eq!(c.to_vec::<i64>(), vec![2, 2, 1, 1]);
        assert_eq!(crate::unique(crate::zeros(0)).shape(), &[0]);
    }
}
