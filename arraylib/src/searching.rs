//! `np::searchsorted`: where values would be inserted into a sorted 1-D array to keep it
//! sorted, in NumPy's sort order (NaN last).
//!
//! ```
//! use arraylib as np;
//! let a = np::array![1.0, 2.0, 2.0, 3.0];
//! assert_eq!(np::searchsorted(&a, 2.0).to_vec::<i64>(), vec![1]);
//! assert_eq!(np::searchsorted_side(&a, 2.0, "right").to_vec::<i64>(), vec![3]);
//! ```

use crate::array::Array;
use crate::error::{ArrayError, OrPanic, Result};
use crate::operand::{IntoOperand, Operand, cast_array, from_data, result_type};
use crate::sorting::SortElem;
use std::cmp::Ordering;

fn search<T: SortElem>(sorted: &[T], needles: &[T], right: bool) -> Vec<i64> {
    needles
        .iter()
        .map(|v| {
            // left: first element not less than v; right: first element greater than v.
            sorted.partition_point(|x| match T::ord(x, v) {
                Ordering::Less => true,
                Ordering::Equal => right,
                Ordering::Greater => false,
            }) as i64
        })
        .collect()
}

/// `np.searchsorted(a, v)` (`side="left"`): for each value of `v`, the first index of the
/// sorted 1-D `a` where it could be inserted. `v` may be an array or a number; the result
/// (int64) has `v`'s shape, 0-d for a number (standing for NumPy's scalar, as
/// [`Array::is_scalar`] tells).
///
/// ```
/// use arraylib as np;
/// let a = np::arange(5);
/// assert_eq!(np::searchsorted(&a, &np::array![-1, 2, 9]).to_vec::<i64>(), vec![0, 2, 5]);
/// ```
#[track_caller]
pub fn searchsorted<'b>(a: impl AsRef<Array>, v: impl IntoOperand<'b>) -> Array {
    try_searchsorted_side(a, v, "left").or_panic()
}

/// `np.searchsorted(a, v, side=...)` with `side` `"left"` or `"right"` (the last index where
/// `v` could be inserted).
///
/// ```
/// use arraylib as np;
/// let a = np::array![0, 1, 1, 2];
/// assert_eq!(np::searchsorted_side(&a, 1, "right").to_vec::<i64>(), vec![3]);
/// ```
#[track_caller]
pub fn searchsorted_side<'b>(a: impl AsRef<Array>, v: impl IntoOperand<'b>, side: &str) -> Array {
    try_searchsorted_side(a, v, side).or_panic()
}

/// Fallible form of [`searchsorted_side`].
///
/// ```
/// let e = arraylib::try_searchsorted_side(arraylib::arange(3), 1, "up").unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: search side must be 'left' or 'right' (got 'up')");
/// ```
pub fn try_searchsorted_side<'b>(
    a: impl AsRef<Array>,
    v: impl IntoOperand<'b>,
    side: &str,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(a: &Array, v: Operand<'_>, side: &str) -> Result<Array> {
        let right = match side.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some('l') => false,
            Some('r') => true,
            _ => {
                return Err(ArrayError::value(format!(
                    "search side must be 'left' or 'right' (got '{side}')"
                )));
            }
        };
        match a.ndim() {
            0 => {
                return Err(ArrayError::value(
                    "object of too small depth for desired array",
                ));
            }
            1 => {}
            _ => return Err(ArrayError::value("object too deep for desired array")),
        }
        if a.dtype().is_str() && v.dtype().is_str() {
            // Strings search as their ranks among the values of both.
            let v = v.into_array();
            let (r, _) = crate::strings::joint_ranks(&[a, &v]);
            return inner(&r[0], Operand::Borrowed(&r[1]), side);
        }
        let dt = result_type(&Operand::Borrowed(a), &v)?;
        if dt.is_str() {
            return Err(crate::strings::no_loop_binary(
                "searchsorted",
                &Operand::Borrowed(a),
                &v,
            ));
        }
        let v = v.into_array();
        let (ac, vc) = (cast_array(a, dt), cast_array(&v, dt));
        let idx = crate::dispatch!(dt, T => {
            let sorted = ac.to_vec::<T>();
            search(&sorted, &vc.to_vec::<T>(), right)
        });
        // A number's position is NumPy's scalar.
        Ok(from_data(idx, v.shape().to_vec()).scalar_if_0d())
    }
    inner(a.as_ref(), v.into_operand(), side)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sides_nan_and_promotion() {
        let a = crate::array![1.0, 2.0, f64::NAN];
        let v = crate::array![f64::NAN, 0.0, 2.0];
        assert_eq!(crate::searchsorted(&a, &v).to_vec::<i64>(), vec![2, 0, 1]);
        assert_eq!(
            crate::searchsorted_side(&a, &v, "right").to_vec::<i64>(),
            vec![3, 0, 2]
        );
        let i = crate::array![1, 2, 3];
        assert_eq!(crate::searchsorted(&i, 2.5).to_vec::<i64>(), vec![2]);
        assert_eq!(crate::searchsorted(&i, 2.5).ndim(), 0);
        assert_eq!(
            crate::try_searchsorted_side(crate::zeros([2, 2]), 1, "left")
                .unwrap_err()
                .to_string(),
            "ValueError: object too deep for desired array"
        );
    }
}
