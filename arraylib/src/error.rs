//! Errors named after NumPy's exception classes.
//!
//! Operators and convenience methods panic with an [`ArrayError`]'s text (`ValueError: ...`),
//! which the kernel turns into a Python-style error; every fallible operation also has a
//! `try_` form that returns `Result<_, ArrayError>`.

use std::fmt;

/// The NumPy (Python) exception class an error corresponds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ValueError`: shapes that do not broadcast, bad reshape, bad argument values.
    ValueError,
    /// `IndexError`: an index or axis out of range.
    IndexError,
    /// `TypeError`: an operation a dtype does not support.
    TypeError,
    /// `numpy.exceptions.AxisError` (a subclass of `ValueError` and `IndexError`).
    AxisError,
    /// `numpy._core._exceptions._UFuncOutputCastingError` and friends, shown as `UFuncTypeError`.
    UFuncTypeError,
    /// `OverflowError`: a Python integer that does not fit the array's dtype.
    OverflowError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `numpy.linalg.LinAlgError`.
    LinAlgError,
    /// `MemoryError`: an allocation too large for this machine.
    MemoryError,
    /// `OSError` / file problems.
    OSError,
    /// `KeyboardInterrupt`: the user interrupted a long operation.
    KeyboardInterrupt,
    /// `FileNotFoundError`: a file to read does not exist.
    FileNotFoundError,
    /// `EOFError`: a file ended before any data (`np.load` of an empty file).
    EOFError,
    /// `KeyError`: a name that is not in a mapping (an `.npz` archive).
    KeyError,
    /// `zipfile.BadZipFile`: an `.npz` archive that is not a valid zip file.
    BadZipFile,
}

impl ErrorKind {
    /// The class name as Python prints it.
    ///
    /// ```
    /// assert_eq!(arraylib::ErrorKind::ValueError.name(), "ValueError");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::AxisError => "AxisError",
            ErrorKind::UFuncTypeError => "UFuncTypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::LinAlgError => "LinAlgError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::OSError => "OSError",
            ErrorKind::KeyboardInterrupt => "KeyboardInterrupt",
            ErrorKind::FileNotFoundError => "FileNotFoundError",
            ErrorKind::EOFError => "EOFError",
            ErrorKind::KeyError => "KeyError",
            ErrorKind::BadZipFile => "BadZipFile",
        }
    }
}

/// An error with NumPy's exception class and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArrayError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, exactly as NumPy words it.
    pub message: String,
}

impl ArrayError {
    /// Makes an error of the given class.
    ///
    /// ```
    /// let e = arraylib::ArrayError::new(arraylib::ErrorKind::IndexError, "index 5 is out of bounds");
    /// assert_eq!(e.to_string(), "IndexError: index 5 is out of bounds");
    /// ```
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ArrayError {
            kind,
            message: message.into(),
        }
    }

    /// A `ValueError`.
    ///
    /// ```
    /// assert_eq!(arraylib::ArrayError::value("bad").kind, arraylib::ErrorKind::ValueError);
    /// ```
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }

    /// An `IndexError`.
    ///
    /// ```
    /// assert_eq!(arraylib::ArrayError::index("bad").kind, arraylib::ErrorKind::IndexError);
    /// ```
    pub fn index(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::IndexError, message)
    }

    /// A `TypeError`.
    ///
    /// ```
    /// assert_eq!(arraylib::ArrayError::type_error("bad").kind, arraylib::ErrorKind::TypeError);
    /// ```
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::TypeError, message)
    }

    /// NumPy's `AxisError` for `axis` on an array of `ndim` dimensions.
    ///
    /// ```
    /// let e = arraylib::ArrayError::axis(2, 2);
    /// assert_eq!(e.to_string(), "AxisError: axis 2 is out of bounds for array of dimension 2");
    /// ```
    pub fn axis(axis: isize, ndim: usize) -> Self {
        Self::new(
            ErrorKind::AxisError,
            format!("axis {axis} is out of bounds for array of dimension {ndim}"),
        )
    }

    /// The broadcasting error, with both shapes as NumPy prints them.
    ///
    /// ```
    /// let e = arraylib::ArrayError::broadcast(&[&[3, 4], &[5]]);
    /// assert_eq!(e.message, "operands could not be broadcast together with shapes (3,4) (5,) ");
    /// ```
    pub fn broadcast(shapes: &[&[usize]]) -> Self {
        let mut msg = String::from("operands could not be broadcast together with shapes ");
        for s in shapes {
            msg.push_str(&compact_shape(s));
            msg.push(' ');
        }
        Self::value(msg)
    }
}

/// A shape without spaces, as NumPy writes it in broadcasting errors: `(3,4)`, `(5,)`, `()`.
pub(crate) fn compact_shape(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

impl fmt::Display for ArrayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for ArrayError {}

/// `Result` with an [`ArrayError`].
pub type Result<T> = std::result::Result<T, ArrayError>;

/// Unwraps a `try_` result for the panicking convenience form; the panic text is the error's
/// `Display`, which the kernel shows as a Python exception.
pub(crate) trait OrPanic<T> {
    fn or_panic(self) -> T;
}

impl<T> OrPanic<T> for Result<T> {
    #[track_caller]
    fn or_panic(self) -> T {
        match self {
            Ok(v) => v,
            Err(e) => std::panic::panic_any(e.to_string()),
        }
    }
}
