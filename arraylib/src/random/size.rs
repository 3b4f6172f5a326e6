//! The `size` argument of the sampling functions: a shape gives an array of that shape, and
//! `None` gives one value as a [`Scalar`], as NumPy's `size=None` gives a Python number.

use crate::shape_arg::{IntoShape, creation_shape};
use crate::{Array, Result, Scalar};

/// Marks `None` as a `size` argument; never constructed (`None::<NoSize>` is what a bare
/// `None` infers to).
#[derive(Clone, Copy, Debug)]
pub enum NoSize {}

/// A `size` argument: any shape (`5`, `[3, 4]`, `(2, 3)`, `()`) gives an [`Array`] of that
/// shape; `None` gives a single [`Scalar`].
///
/// ```
/// use arraylib as np;
/// let mut rs = np::random::RandomState::new(0);
/// let a: np::Array = rs.rand([2, 3]);
/// let x: np::Scalar = rs.rand(None);
/// assert_eq!(a.shape(), &[2, 3]);
/// assert!(x.to_f64() < 1.0);
/// ```
pub trait IntoSize {
    /// [`Array`] for a shape, [`Scalar`] for `None`.
    type Output;
    /// The dimensions, or `None` for a single value.
    #[doc(hidden)]
    fn into_size(self) -> Option<Vec<isize>>;
    /// Turns the drawn values (a 0-d array when the size was `None`) into the output.
    #[doc(hidden)]
    fn wrap(values: Array) -> Self::Output;
}

impl<S: IntoShape> IntoSize for S {
    type Output = Array;
    fn into_size(self) -> Option<Vec<isize>> {
        Some(self.into_dims())
    }
    fn wrap(values: Array) -> Array {
        values
    }
}

impl IntoSize for Option<NoSize> {
    type Output = Scalar;
    fn into_size(self) -> Option<Vec<isize>> {
        None
    }
    fn wrap(values: Array) -> Scalar {
        values.get(())
    }
}

/// The checked shape of a `size` (`()` for a single value) and whether it was `None`.
pub(crate) fn resolve(size: Option<Vec<isize>>) -> Result<(Vec<usize>, bool)> {
    match size {
        None => Ok((Vec::new(), true)),
        Some(dims) => Ok((creation_shape(dims)?, false)),
    }
}
