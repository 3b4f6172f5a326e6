//! Arguments that name shapes and axes, so cells can write `[3, 4]`, `(3, 4)`, `12` or `[3, -1]`
//! and integer literals need no suffix.

/// Something that names a shape: `5`, `[3, 4]`, `(3, 4)`, `vec![2, 3]`, `&[2, 3][..]`.
/// Entries are signed so `reshape` can take `-1`.
pub trait IntoShape {
    /// The dimensions, with `-1` allowed where the caller permits it.
    fn into_dims(self) -> Vec<isize>;
}

/// Something that names one or more axes: `0`, `-1`, `[0, 1]`, `(0, 2)`.
pub trait IntoAxes {
    /// The axes as given (possibly negative).
    fn into_axes(self) -> Vec<isize>;
}

macro_rules! int_shape_impls {
    ($($t:ty),*) => {$(
        impl IntoShape for $t {
            fn into_dims(self) -> Vec<isize> { vec![self as isize] }
        }
        impl<const N: usize> IntoShape for [$t; N] {
            fn into_dims(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl<const N: usize> IntoShape for &[$t; N] {
            fn into_dims(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl IntoShape for &[$t] {
            fn into_dims(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl IntoShape for Vec<$t> {
            fn into_dims(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl IntoShape for &Vec<$t> {
            fn into_dims(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl IntoShape for ($t,) {
            fn into_dims(self) -> Vec<isize> { vec![self.0 as isize] }
        }
        impl IntoShape for ($t, $t) {
            fn into_dims(self) -> Vec<isize> { vec![self.0 as isize, self.1 as isize] }
        }
        impl IntoShape for ($t, $t, $t) {
            fn into_dims(self) -> Vec<isize> { vec![self.0 as isize, self.1 as isize, self.2 as isize] }
        }
        impl IntoShape for ($t, $t, $t, $t) {
            fn into_dims(self) -> Vec<isize> {
                vec![self.0 as isize, self.1 as isize, self.2 as isize, self.3 as isize]
            }
        }
        impl IntoShape for ($t, $t, $t, $t, $t) {
            fn into_dims(self) -> Vec<isize> {
                vec![self.0 as isize, self.1 as isize, self.2 as isize, self.3 as isize, self.4 as isize]
            }
        }
        impl IntoAxes for $t {
            fn into_axes(self) -> Vec<isize> { vec![self as isize] }
        }
        impl<const N: usize> IntoAxes for [$t; N] {
            fn into_axes(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl IntoAxes for &[$t] {
            fn into_axes(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl IntoAxes for Vec<$t> {
            fn into_axes(self) -> Vec<isize> { self.iter().map(|&d| d as isize).collect() }
        }
        impl IntoAxes for ($t, $t) {
            fn into_axes(self) -> Vec<isize> { vec![self.0 as isize, self.1 as isize] }
        }
        impl IntoAxes for ($t, $t, $t) {
            fn into_axes(self) -> Vec<isize> { vec![self.0 as isize, self.1 as isize, self.2 as isize] }
        }
    )*};
}

int_shape_impls!(i32, i64, isize, usize, u32);

impl IntoShape for () {
    fn into_dims(self) -> Vec<isize> {
        Vec::new()
    }
}

/// Resolves a possibly negative axis against `ndim`, with NumPy's `AxisError`.
///
/// ```
/// assert_eq!(arraylib::normalize_axis(-1, 3).unwrap(), 2);
/// assert!(arraylib::normalize_axis(3, 3).is_err());
/// ```
pub fn normalize_axis(axis: isize, ndim: usize) -> crate::Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(crate::ArrayError::axis(axis, ndim));
    }
    Ok(if axis < 0 { axis + n } else { axis } as usize)
}

/// Resolves several axes, rejecting repeats as NumPy does (`ValueError: duplicate value in 'axis'`).
///
/// ```
/// assert_eq!(arraylib::normalize_axes(&[0, -1], 3).unwrap(), vec![0, 2]);
/// assert!(arraylib::normalize_axes(&[1, -2], 3).is_err());
/// ```
pub fn normalize_axes(axes: &[isize], ndim: usize) -> crate::Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let ax = normalize_axis(a, ndim)?;
        if out.contains(&ax) {
            return Err(crate::ArrayError::value("duplicate value in 'axis'"));
        }
        out.push(ax);
    }
    Ok(out)
}

/// Checks a creation shape: negative sizes are NumPy's `ValueError`.
pub(crate) fn creation_shape(dims: Vec<isize>) -> crate::Result<Vec<usize>> {
    if dims.iter().any(|&d| d < 0) {
        return Err(crate::ArrayError::value(
            "negative dimensions are not allowed",
        ));
    }
    Ok(dims.into_iter().map(|d| d as usize).collect())
}
