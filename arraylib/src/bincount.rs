//! `np::bincount`: how often each non-negative integer occurs, optionally weighted.
//!
//! ```
//! use arraylib as np;
//! let x = np::array![0, 1, 1, 3];
//! assert_eq!(np::bincount(&x).to_vec::<i64>(), vec![1, 2, 0, 1]);
//! ```

use crate::array::Array;
use crate::dtype::DType;
use crate::error::{ArrayError, OrPanic, Result};
use crate::operand::{cast_array, from_data};

/// `x` as int64 values, with NumPy's checks (1-D, safely castable to int64, non-negative).
fn bins_of(x: &Array) -> Result<Vec<i64>> {
    if x.ndim() != 1 {
        return Err(ArrayError::value(if x.ndim() == 0 {
            "object of too small depth for desired array"
        } else {
            "object too deep for desired array"
        }));
    }
    let d = x.dtype();
    let safe = matches!(
        d,
        DType::Bool
            | DType::Int8
            | DType::Int16
            | DType::Int32
            | DType::Int64
            | DType::UInt8
            | DType::UInt16
            | DType::UInt32
            | DType::UInt64
    );
    if !safe {
        return Err(ArrayError::type_error(format!(
            "Cannot cast array data from dtype('{}') to dtype('int64') according to the rule 'safe'",
            d
        )));
    }
    let v = cast_array(x, DType::Int64).to_vec::<i64>();
    if v.iter().any(|&b| b < 0) {
        return Err(ArrayError::value(
            "'list' argument must have no negative elements",
        ));
    }
    Ok(v)
}

/// `np.bincount(x)`: int64 counts of each value `0..=max(x)` of a 1-D array of non-negative
/// integers (or bools).
///
/// ```
/// use arraylib as np;
/// assert_eq!(np::bincount(np::array![2u8, 2]).to_vec::<i64>(), vec![0, 0, 2]);
/// ```
#[track_caller]
pub fn bincount(x: impl AsRef<Array>) -> Array {
    try_bincount_with(x, None, 0).or_panic()
}

/// `np.bincount(x, weights=..., minlength=...)`: with weights, the float64 sum of the weights
/// of each value; at least `minlength` bins.
///
/// ```
/// use arraylib as np;
/// let x = np::array![0, 1, 1];
/// let w = np::array![0.5, 1.0, 2.0];
/// assert_eq!(np::bincount_with(&x, Some(&w), 4).to_vec::<f64>(), vec![0.5, 3.0, 0.0, 0.0]);
/// ```
#[track_caller]
pub fn bincount_with(x: impl AsRef<Array>, weights: Option<&Array>, minlength: usize) -> Array {
    try_bincount_with(x, weights, minlength).or_panic()
}

/// Fallible form of [`bincount_with`].
///
/// ```
/// let e = arraylib::try_bincount_with(arraylib::array![1, -1], None, 0).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: 'list' argument must have no negative elements");
/// ```
pub fn try_bincount_with(
    x: impl AsRef<Array>,
    weights: Option<&Array>,
    minlength: usize,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(x: &Array, weights: Option<&Array>, minlength: usize) -> Result<Array> {
        let bins = bins_of(x)?;
        let n = bins
            .iter()
            .max()
            .map_or(0, |&m| m as usize + 1)
            .max(minlength);
        match weights {
            None => {
                let mut out = vec![0i64; n];
                for &b in &bins {
                    out[b as usize] += 1;
                }
                Ok(from_data(out, vec![n]))
            }
            Some(w) => {
                if w.shape() != [bins.len()] {
                    return Err(ArrayError::value(
                        "The weights and list don't have the same length.",
                    ));
                }
                if w.dtype().is_complex() {
                    return Err(ArrayError::type_error(format!(
                        "Cannot cast array data from dtype('{}') to dtype('float64') according to the rule 'safe'",
                        w.dtype()
                    )));
                }
                let w = cast_array(w, DType::Float64).to_vec::<f64>();
                let mut out = vec![0f64; n];
                for (&b, &wi) in bins.iter().zip(&w) {
                    out[b as usize] += wi;
                }
                Ok(from_data(out, vec![n]))
            }
        }
    }
    inner(x.as_ref(), weights, minlength)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_weights_and_errors() {
        let x = crate::array![true, false, true];
        assert_eq!(crate::bincount(&x).to_vec::<i64>(), vec![1, 2]);
        assert_eq!(
            crate::bincount(crate::zeros(0).astype(crate::int64)).shape(),
            &[0]
        );
        let e = crate::try_bincount_with(crate::array![1.0], None, 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"
        );
        let w = crate::array![1.0];
        let e = crate::try_bincount_with(crate::array![1, 2], Some(&w), 0).unwrap_err();
        assert_eq!(
            e.message,
            "The weights and list don't have the same length."
        );
    }
}
