//! What `choice` shares between `RandomState` and `Generator`: its arguments, the checks on
//! `p`, and sampling by inverting the cumulative distribution.

use crate::dtype::Element;
use crate::{Array, ArrayError, DType, Result};

/// What `choice` samples from and `permutation` permutes: `n` (as `arange(n)`) or the elements of an array.
#[doc(hidden)]
pub enum Population {
    /// `choice(n, ..)`.
    Range(i64),
    /// `choice(array, ..)`.
    Items(Array),
}

/// The population argument of `choice` and `permutation`: an integer `n` for `arange(n)`,
/// or an array (or vector or slice) whose elements are sampled or permuted.
///
/// ```
/// use arraylib as np;
/// let mut rs = np::random::RandomState::new(1);
/// let i = rs.choice(5, 3, true, None);
/// let v = rs.choice(&np::array![1.5, 2.5, 3.5], 2, false, None);
/// assert_eq!(i.shape(), &[3]);
/// assert_eq!(v.dtype(), np::float64);
/// ```
pub trait IntoPopulation {
    /// The population.
    #[doc(hidden)]
    fn into_population(self) -> Population;
}

macro_rules! int_population {
    ($($t:ty),*) => {$(
        impl IntoPopulation for $t {
            fn into_population(self) -> Population { Population::Range(self as i64) }
        }
    )*};
}
int_population!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl IntoPopulation for Array {
    fn into_population(self) -> Population {
        Population::Items(self)
    }
}

impl IntoPopulation for &Array {
    fn into_population(self) -> Population {
        Population::Items(self.clone())
    }
}

impl<T: Element> IntoPopulation for Vec<T> {
    fn into_population(self) -> Population {
        Population::Items(Array::from(self))
    }
}

impl<T: Element> IntoPopulation for &[T] {
    fn into_population(self) -> Population {
        Population::Items(Array::from(self))
    }
}

impl<T: Element, const N: usize> IntoPopulation for [T; N] {
    fn into_population(self) -> Population {
        Population::Items(Array::from(self.to_vec()))
    }
}

/// The `p` argument of `choice`: `None` for equal probabilities, or the probabilities as an
/// array, vector, slice or `[f64; N]`.
///
/// ```
/// use arraylib as np;
/// let mut rs = np::random::RandomState::new(3);
/// let x = rs.choice(3, 4, true, [0.0, 0.0, 1.0]);
/// assert_eq!(x.to_vec::<i64>(), vec![2, 2, 2, 2]);
/// ```
pub trait IntoProbs {
    /// The probabilities, if given.
    #[doc(hidden)]
    fn into_probs(self) -> Option<Array>;
}

impl IntoProbs for Option<&Array> {
    fn into_probs(self) -> Option<Array> {
        self.cloned()
    }
}

impl IntoProbs for Array {
    fn into_probs(self) -> Option<Array> {
        Some(self)
    }
}

impl IntoProbs for &Array {
    fn into_probs(self) -> Option<Array> {
        Some(self.clone())
    }
}

impl IntoProbs for Vec<f64> {
    fn into_probs(self) -> Option<Array> {
        Some(Array::from(self))
    }
}

impl IntoProbs for &Vec<f64> {
    fn into_probs(self) -> Option<Array> {
        Some(Array::from(self.as_slice()))
    }
}

impl IntoProbs for &[f64] {
    fn into_probs(self) -> Option<Array> {
        Some(Array::from(self))
    }
}

impl<const N: usize> IntoProbs for [f64; N] {
    fn into_probs(self) -> Option<Array> {
        Some(Array::from(self.to_vec()))
    }
}

impl<const N: usize> IntoProbs for &[f64; N] {
    fn into_probs(self) -> Option<Array> {
        Some(Array::from(self.to_vec()))
    }
}

/// The error texts, which differ between the legacy `RandomState.choice` and
/// `Generator.choice`.
pub(crate) struct Messages {
    pub p_ndim: &'static str,
    pub p_size: &'static str,
    pub p_nan: &'static str,
    pub p_negative: &'static str,
    pub p_sum: &'static str,
}

pub(crate) const LEGACY: Messages = Messages {
    p_ndim: "'p' must be 1-dimensional",
    p_size: "'a' and 'p' must have same size",
    p_nan: "probabilities contain NaN",
    p_negative: "probabilities are not non-negative",
    p_sum: "probabilities do not sum to 1",
};

pub(crate) const GENERATOR: Messages = Messages {
    p_ndim: "p must be 1-dimensional",
    p_size: "a and p must have same size",
    p_nan: "Probabilities contain NaN",
    p_negative: "Probabilities are not non-negative",
    p_sum: "Probabilities do not sum to 1. See Notes section of docstring for more information.",
};

/// Compensated sum, as NumPy's `kahan_sum` checks that `p` sums to 1.
fn kahan_sum(x: &[f64]) -> f64 {
    let Some((&first, rest)) = x.split_first() else {
        return 0.0;
    };
    let (mut sum, mut c) = (first, 0.0);
    for &v in rest {
        let y = v - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// Checks `p` against a population of `pop_size` and returns it as float64 values.
pub(crate) fn check_probs(p: &Array, pop_size: i64, msg: &Messages) -> Result<Vec<f64>> {
    // A float32 `p` only needs to sum to 1 within float32 precision.
    let atol = if p.dtype() == DType::Float32 {
        (f32::EPSILON as f64).sqrt()
    } else {
        f64::EPSILON.sqrt()
    };
    let values = if p.dtype().is_complex() {
        return Err(ArrayError::type_error(
            "Cannot cast array data from dtype('complex128') to dtype('float64') according to the rule 'safe'",
        ));
    } else {
        p.astype(DType::Float64).to_vec::<f64>()
    };
    if p.ndim() != 1 {
        return Err(ArrayError::value(msg.p_ndim));
    }
    if values.len() as i64 != pop_size {
        return Err(ArrayError::value(msg.p_size));
    }
    let sum = kahan_sum(&values);
    if sum.is_nan() {
        return Err(ArrayError::value(msg.p_nan));
    }
    if values.iter().any(|&v| v < 0.0) {
        return Err(ArrayError::value(msg.p_negative));
    }
    if (sum - 1.0).abs() > atol {
        return Err(ArrayError::value(msg.p_sum));
    }
    Ok(values)
}

/// The normalised cumulative distribution `cumsum(p) / cumsum(p)[-1]`.
pub(crate) fn cdf(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut c: Vec<f64> = p
        .iter()
        .map(|&v| {
            acc += v;
            acc
        })
        .collect();
    if let Some(&last) = c.last() {
        c.iter_mut().for_each(|v| *v /= last);
    }
    c
}

/// `cdf.searchsorted(u, side='right')` for each uniform draw.
pub(crate) fn search_right(cdf: &[f64], uniforms: &[f64]) -> Vec<i64> {
    uniforms
        .iter()
        .map(|&u| cdf.partition_point(|&c| c <= u) as i64)
        .collect()
}

/// The values of `new` in order of first appearance (NumPy's `np.unique(new,
/// return_index=True)` followed by sorting the indices).
pub(crate) fn first_occurrences(new: &[i64]) -> Vec<i64> {
    let mut seen = std::collections::HashSet::new();
    new.iter().copied().filter(|v| seen.insert(*v)).collect()
}

/// The number of samples `size` asks for (`np.prod(size)`, which may be negative).
pub(crate) fn sample_count(size: &Option<Vec<isize>>) -> i128 {
    match size {
        None => 1,
        Some(d) => d.iter().map(|&v| v as i128).product(),
    }
}

/// Rows `idx` of `a` along axis 0 (`a[idx]` / `a.take(idx, axis=0)`), as a new array of shape
/// `idx_shape + a.shape[1:]`.
pub(crate) fn take_rows(a: &Array, idx: &[i64], idx_shape: &[usize]) -> Array {
    let mut shape = idx_shape.to_vec();
    shape.extend_from_slice(&a.shape()[1..]);
    let row: usize = a.shape()[1..].iter().product();
    if let crate::DType::Str(w) = a.dtype() {
        // The same rows of the element numbers pick the strings.
        return crate::strings::via_index(&[a], w, &mut |p| Ok(take_rows(&p[0], idx, idx_shape)))
            .expect("taking rows of numbers");
    }
    crate::dispatch!(a.dtype(), T => {
        let flat = a.to_vec::<T>();
        let mut out = Vec::with_capacity(idx.len() * row);
        for &i in idx {
            let i = i as usize;
            out.extend_from_slice(&flat[i * row..(i + 1) * row]);
        }
        Array::from_vec(out, shape)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdf_inversion() {
        let c = cdf(&[0.25, 0.25, 0.5]);
        assert_eq!(c, vec![0.25, 0.5, 1.0]);
        assert_eq!(search_right(&c, &[0.0, 0.25, 0.3, 0.99]), vec![0, 1, 1, 2]);
    }

    #[test]
    fn first_seen_order() {
        assert_eq!(first_occurrences(&[3, 1, 3, 2, 1]), vec![3, 1, 2]);
    }
}
