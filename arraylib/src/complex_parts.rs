//! The parts of complex numbers: `np.real`, `np.imag`, `np.conjugate` and `np.angle`.
//!
//! NumPy's `a.real` and `a.imag` of a complex array are strided views into its buffer; here an
//! array's buffer holds one element type, so they are copies (writing to them does not change
//! `a`). Of a real array, `real` is the array itself and `imag` is zeros, as in NumPy.

use crate::array::Array;
use crate::dtype::{DType, Element};
use num_complex::Complex;

/// The real and imaginary parts of a complex array as two arrays of the matching float dtype.
fn parts(a: &Array) -> Option<(Array, Array)> {
    match a.dtype() {
        DType::Complex64 => Some(split::<f32>(a)),
        DType::Complex128 => Some(split::<f64>(a)),
        _ => None,
    }
}

fn split<F: Element>(a: &Array) -> (Array, Array)
where
    Complex<F>: Element,
{
    let v = a.view::<Complex<F>>();
    let re: Vec<F> = v.iter().map(|z| z.re).collect();
    let im: Vec<F> = v.iter().map(|z| z.im).collect();
    (
        Array::from_vec(re, a.shape()),
        Array::from_vec(im, a.shape()),
    )
}

/// `np.real(a)`: the real part; a real array is returned as it is.
///
/// ```
/// let z = arraylib::linalg::eigvals(arraylib::array![[0.0, -1.0], [1.0, 0.0]]);
/// assert_eq!(format!("{:?}", arraylib::real(&z)), "array([0., 0.])");
/// ```
pub fn real(a: impl AsRef<Array>) -> Array {
    let a = a.as_ref();
    parts(a).map_or_else(|| a.clone(), |(re, _)| re)
}

/// `np.imag(a)`: the imaginary part; zeros (of the same dtype) for a real array.
///
/// ```
/// let z = arraylib::linalg::eigvals(arraylib::array![[0.0, -1.0], [1.0, 0.0]]);
/// assert_eq!(format!("{:?}", arraylib::imag(&z)), "array([ 1., -1.])");
/// assert_eq!(format!("{:?}", arraylib::imag(arraylib::arange(2))), "array([0, 0])");
/// ```
pub fn imag(a: impl AsRef<Array>) -> Array {
    let a = a.as_ref();
    parts(a).map_or_else(|| crate::zeros_like(a), |(_, im)| im)
}

impl Array {
    /// `a.real` (a copy for complex arrays; see [`real`]).
    ///
    /// ```
    /// let z = arraylib::array![1.0, 2.0].astype(arraylib::complex128);
    /// assert_eq!(z.real().dtype(), arraylib::float64);
    /// ```
    pub fn real(&self) -> Array {
        real(self)
    }

    /// `a.imag` (a copy for complex arrays; see [`imag`]).
    ///
    /// ```
    /// let z = arraylib::array![1.0, 2.0].astype(arraylib::complex64);
    /// assert_eq!(format!("{:?}", z.imag()), "array([0., 0.], dtype=float32)");
    /// ```
    pub fn imag(&self) -> Array {
        imag(self)
    }
}
