//! What the notebook's variable inspector (`:whos`) shows about a value: for arrays the shape,
//! dtype and memory, read without touching the elements.

use crate::array::Array;
use crate::display::json_string;
use crate::print::shape_repr;
use crate::scalar::Scalar;
use std::any::Any;

/// Describes a stored value as a small JSON object, or `None` when it is not an arraylib
/// value. Arrays give `shape`, `dtype`, `size`, `nbytes` (the bytes the array spans, as
/// NumPy's `nbytes`) and whether they own their data; scalars give `dtype`, `nbytes` and
/// their `value`.
///
/// ```
/// let a = arraylib::zeros([3, 4]);
/// let info = arraylib::whos::describe_value(&a).unwrap();
/// assert_eq!(
///     info,
///     r#"{"kind":"array","shape":"(3, 4)","dtype":"float64","size":12,"nbytes":96,"owns_data":true}"#
/// );
/// assert!(arraylib::whos::describe_value(&5_i32).is_none());
/// ```
pub fn describe_value(value: &dyn Any) -> Option<String> {
    if let Some(a) = value.downcast_ref::<Array>() {
        return Some(format!(
            "{{\"kind\":\"array\",\"shape\":{},\"dtype\":{},\"size\":{},\"nbytes\":{},\"owns_data\":{}}}",
            json_string(&shape_repr(a.shape())),
            json_string(&a.dtype().to_string()),
            a.size(),
            a.nbytes(),
            a.owns_data()
        ));
    }
    if let Some(s) = value.downcast_ref::<Scalar>() {
        return Some(format!(
            "{{\"kind\":\"scalar\",\"dtype\":{},\"nbytes\":{},\"value\":{}}}",
            json_string(&s.dtype().to_string()),
            s.dtype().itemsize(),
            json_string(&s.to_string())
        ));
    }
    None
}
