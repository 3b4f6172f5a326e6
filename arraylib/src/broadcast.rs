//! NumPy broadcasting: the result shape of several operands, and read-only views stretched to it.

use crate::array::Array;
use crate::error::{ArrayError, OrPanic, Result};
use crate::shape_arg::{IntoShape, creation_shape};

/// `np.broadcast_shapes`: the shape several shapes broadcast to, aligning from the right.
///
/// ```
/// assert_eq!(arraylib::broadcast::broadcast_shapes(&[&[2, 1, 4], &[3, 4]]).unwrap(), vec![2, 3, 4]);
/// let e = arraylib::broadcast::broadcast_shapes(&[&[3, 4], &[5]]).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: operands could not be broadcast together with shapes (3,4) (5,) ");
/// ```
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let ndim = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; ndim];
    for shape in shapes {
        let pad = ndim - shape.len();
        for (i, &d) in shape.iter().enumerate() {
            let o = &mut out[pad + i];
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                return Err(ArrayError::broadcast(shapes));
            }
        }
    }
    Ok(out)
}

impl Array {
    /// A read-only view of this array stretched to `shape` (stride 0 on broadcast axes), or
    /// the broadcasting error. Used by every elementwise operation.
    pub(crate) fn broadcast_view(&self, shape: &[usize]) -> Result<Array> {
        if self.shape == shape {
            return Ok(self.clone());
        }
        if shape.len() < self.ndim() {
            return Err(ArrayError::value(format!(
                "input operand has more dimensions than allowed by the axis remapping: cannot broadcast {} to {}",
                crate::print::shape_repr(&self.shape),
                crate::print::shape_repr(shape)
            )));
        }
        let pad = shape.len() - self.ndim();
        let mut strides = vec![0isize; shape.len()];
        for (i, (&d, &s)) in self.shape.iter().zip(&self.strides).enumerate() {
            let target = shape[pad + i];
            if d == target {
                strides[pad + i] = s;
            } else if d == 1 {
                strides[pad + i] = 0;
            } else {
                return Err(ArrayError::value(format!(
                    "cannot broadcast array of shape {} to shape {}",
                    crate::error::compact_shape(&self.shape),
                    crate::error::compact_shape(shape)
                )));
            }
        }
        let mut v = self.view_with(self.offset, shape.to_vec(), strides);
        v.writeable = false;
        Ok(v)
    }

    /// `np.broadcast_to(a, shape)`: a read-only view with the given shape.
    ///
    /// ```
    /// let a = arraylib::arange(3).broadcast_to([2, 3]);
    /// assert_eq!(a.shape(), &[2, 3]);
    /// assert!(!a.flags().writeable);
    /// ```
    #[track_caller]
    pub fn broadcast_to(&self, shape: impl IntoShape) -> Array {
        self.try_broadcast_to(shape).or_panic()
    }

    /// Fallible form of [`Array::broadcast_to`].
    ///
    /// ```
    /// assert!(arraylib::arange(3).try_broadcast_to([4]).is_err());
    /// ```
    pub fn try_broadcast_to(&self, shape: impl IntoShape) -> Result<Array> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(a: &Array, dims: Vec<isize>) -> Result<Array> {
            if dims.iter().any(|&d| d < 0) {
                return Err(ArrayError::value(
                    "all elements of broadcast shape must be non-negative",
                ));
            }
            let shape = creation_shape(dims)?;
            if shape.is_empty() && a.ndim() > 0 {
                return Err(ArrayError::value(
                    "cannot broadcast a non-scalar to a scalar array",
                ));
            }
            if shape.len() < a.ndim() {
                return Err(ArrayError::value(
                    "input operand has more dimensions than allowed by the axis remapping",
                ));
            }
            a.broadcast_view(&shape).map_err(|_| {
                ArrayError::value(format!(
                    "operands could not be broadcast together with remapped shapes \
                     [original->remapped]: {}  and requested shape {}",
                    crate::error::compact_shape(&a.shape),
                    crate::error::compact_shape(&shape)
                ))
            })
        }
        inner(self, shape.into_dims())
    }
}

/// `np.broadcast_arrays`: read-only views of all operands stretched to their common shape.
///
/// ```
/// let v = arraylib::broadcast::broadcast_arrays(&[&arraylib::zeros([3, 1]), &arraylib::zeros(4)]).unwrap();
/// assert_eq!(v[0].shape(), &[3, 4]);
/// ```
pub fn broadcast_arrays(arrays: &[&Array]) -> Result<Vec<Array>> {
    let shapes: Vec<&[usize]> = arrays.iter().map(|a| a.shape()).collect();
    let shape = broadcast_shapes(&shapes)?;
    arrays.iter().map(|a| a.broadcast_view(&shape)).collect()
}
