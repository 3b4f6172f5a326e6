//! Shuffling along the first axis, shared by `RandomState` and `Generator`: both draw the swap
//! partner of position `i = n-1, ..., 1` with masked rejection in `[0, i]`.

use super::bounded::{BitGen, POLL, random_interval};
use crate::{Array, ArrayError, Result};

/// Shuffles `v` in place (Fisher-Yates from the end, as NumPy's `_shuffle_raw`).
pub(crate) fn shuffle_slice<G: BitGen, T>(g: &mut G, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = random_interval(g, i as u64) as usize;
        v.swap(i, j);
        if i % POLL == 0 {
            crate::interrupt::check();
        }
    }
}

/// `permutation(n)`: `arange(n)` (empty for `n <= 0`) shuffled.
pub(crate) fn permutation_range<G: BitGen>(g: &mut G, n: i64) -> Array {
    let mut v: Vec<i64> = (0..n.max(0)).collect();
    shuffle_slice(g, &mut v);
    Array::from(v)
}

/// A copy of `x` with its rows (elements along axis 0) shuffled.
pub(crate) fn permuted_rows<G: BitGen>(g: &mut G, x: &Array) -> Array {
    let n = x.shape()[0];
    let mut idx: Vec<i64> = (0..n as i64).collect();
    shuffle_slice(g, &mut idx);
    super::choice::take_rows(x, &idx, &[n])
}

/// Shuffles `x` in place along axis 0, views included.
pub(crate) fn shuffle_array<G: BitGen>(g: &mut G, x: &Array) -> Result<()> {
    if !x.flags().writeable {
        return Err(ArrayError::value("array is read-only"));
    }
    if x.ndim() == 0 {
        return Err(ArrayError::type_error("len() of unsized object"));
    }
    // NumPy returns before drawing anything when there are no elements (e.g. shape (3, 0)).
    if x.size() == 0 {
        return Ok(());
    }
    let shuffled = permuted_rows(g, x);
    x.try_assign(&shuffled)
}
