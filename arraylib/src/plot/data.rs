//! What the plotting functions accept as data: arraylib arrays of any numeric dtype, slices,
//! `Vec`s, fixed-size arrays and single numbers, all converted to `f64` once.

use crate::{Array, DType};

/// Plot data converted to `f64`, with the shape it came with.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotData {
    /// The values in row-major order.
    pub values: Vec<f64>,
    /// The shape (`[n]` for slices and vectors, `[]` for a single number).
    pub shape: Vec<usize>,
    /// Whether the source had an integer (or bool) dtype; `imshow` reads RGB integers as 0..255.
    pub integer: bool,
}

impl PlotData {
    fn vector(values: Vec<f64>, integer: bool) -> PlotData {
        let n = values.len();
        PlotData {
            values,
            shape: vec![n],
            integer,
        }
    }

    fn from_array(a: &Array) -> PlotData {
        let dt = a.dtype();
        let integer = !(dt.is_float() || dt.is_complex());
        // One conversion for every dtype keeps a single monomorphic path.
        let values = if dt == DType::Float64 {
            a.to_vec::<f64>()
        } else {
            a.astype(DType::Float64).to_vec::<f64>()
        };
        PlotData {
            values,
            shape: a.shape().to_vec(),
            integer,
        }
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// Anything the plotting functions take as numbers: `&Array`, `Array`, `&[f64]`, `Vec<i32>`,
/// `[1.0, 2.0]`, a single `f64`, ...
///
/// ```
/// use arraylib::plot::IntoPlotData;
/// assert_eq!(vec![1, 2].into_plot_data().values, vec![1.0, 2.0]);
/// assert_eq!(arraylib::arange(3).into_plot_data().shape, vec![3]);
/// ```
pub trait IntoPlotData {
    /// Converts to `f64` values with a shape.
    fn into_plot_data(self) -> PlotData;
}

impl IntoPlotData for PlotData {
    fn into_plot_data(self) -> PlotData {
        self
    }
}

impl IntoPlotData for &Array {
    fn into_plot_data(self) -> PlotData {
        PlotData::from_array(self)
    }
}

impl IntoPlotData for Array {
    fn into_plot_data(self) -> PlotData {
        PlotData::from_array(&self)
    }
}

impl IntoPlotData for &&Array {
    fn into_plot_data(self) -> PlotData {
        PlotData::from_array(self)
    }
}

macro_rules! plot_data_for {
    ($($t:ty => $int:expr),*) => {$(
        impl IntoPlotData for &[$t] {
            fn into_plot_data(self) -> PlotData {
                PlotData::vector(self.iter().map(|&v| v as f64).collect(), $int)
            }
        }
        impl IntoPlotData for Vec<$t> {
            fn into_plot_data(self) -> PlotData {
                self.as_slice().into_plot_data()
            }
        }
        impl IntoPlotData for &Vec<$t> {
            fn into_plot_data(self) -> PlotData {
                self.as_slice().into_plot_data()
            }
        }
        impl<const N: usize> IntoPlotData for [$t; N] {
            fn into_plot_data(self) -> PlotData {
                self.as_slice().into_plot_data()
            }
        }
        impl<const N: usize> IntoPlotData for &[$t; N] {
            fn into_plot_data(self) -> PlotData {
                self.as_slice().into_plot_data()
            }
        }
        impl IntoPlotData for $t {
            fn into_plot_data(self) -> PlotData {
                PlotData { values: vec![self as f64], shape: vec![], integer: $int }
            }
        }
    )*};
}

plot_data_for!(f64 => false, f32 => false, i64 => true, i32 => true, i16 => true, i8 => true,
    u64 => true, u32 => true, u16 => true, u8 => true, usize => true, isize => true);

/// Category labels for bar charts and tick labels: `&["a", "b"]`, `Vec<String>`, or an
/// array whose values are printed.
///
/// ```
/// use arraylib::plot::IntoLabels;
/// assert_eq!(["a", "b"].into_labels(), vec!["a".to_string(), "b".to_string()]);
/// assert_eq!(arraylib::arange(2).into_labels(), vec!["0".to_string(), "1".to_string()]);
/// ```
pub trait IntoLabels {
    /// The labels as strings.
    fn into_labels(self) -> Vec<String>;
}

impl IntoLabels for &[&str] {
    fn into_labels(self) -> Vec<String> {
        self.iter().map(|s| s.to_string()).collect()
    }
}
impl<const N: usize> IntoLabels for [&str; N] {
    fn into_labels(self) -> Vec<String> {
        self.as_slice().into_labels()
    }
}
impl<const N: usize> IntoLabels for &[&str; N] {
    fn into_labels(self) -> Vec<String> {
        self.as_slice().into_labels()
    }
}
impl IntoLabels for Vec<&str> {
    fn into_labels(self) -> Vec<String> {
        self.as_slice().into_labels()
    }
}
impl IntoLabels for &Vec<&str> {
    fn into_labels(self) -> Vec<String> {
        self.as_slice().into_labels()
    }
}
impl IntoLabels for Vec<String> {
    fn into_labels(self) -> Vec<String> {
        self
    }
}
impl IntoLabels for &[String] {
    fn into_labels(self) -> Vec<String> {
        self.to_vec()
    }
}
impl IntoLabels for &Vec<String> {
    fn into_labels(self) -> Vec<String> {
        self.clone()
    }
}
impl IntoLabels for &Array {
    fn into_labels(self) -> Vec<String> {
        PlotData::from_array(self)
            .values
            .iter()
            .map(|v| super::ticks::plain_number(*v))
            .collect()
    }
}
impl IntoLabels for Array {
    fn into_labels(self) -> Vec<String> {
        (&self).into_labels()
    }
}
