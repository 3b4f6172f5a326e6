//! NumPy's print options: `np.set_printoptions`, `np.get_printoptions` and the
//! `np.printoptions` context manager.
//!
//! The options are process-wide, so every notebook cell sees what an earlier cell set:
//!
//! ```
//! use arraylib as np;
//! let _guard = np::printoptions(np::PrintOptions { precision: 3, ..np::get_printoptions() });
//! assert_eq!(format!("{}", np::Array::from(vec![1.0 / 3.0, 2.0])), "[0.333 2.   ]");
//! ```

use std::sync::RwLock;

/// How the sign of positive floats is printed (NumPy's `sign=` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sign {
    /// `'-'`: only negative values get a sign (the default).
    #[default]
    Minus,
    /// `'+'`: positive values get a `+`.
    Plus,
    /// `' '`: positive values get a space where the sign would be.
    Space,
}

/// How many fractional digits floats get (NumPy's `floatmode=` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FloatMode {
    /// `'fixed'`: always exactly `precision` fractional digits.
    Fixed,
    /// `'unique'`: the fewest digits that identify each value; `precision` is ignored.
    Unique,
    /// `'maxprec'`: at most `precision` digits, fewer if the value needs fewer (the default).
    #[default]
    MaxPrec,
    /// `'maxprec_equal'`: at most `precision` digits, the same number for every element.
    MaxPrecEqual,
}

/// The settings that control how arrays print, as `np.get_printoptions()` returns them.
///
/// Change a few fields and keep the rest with struct update syntax:
///
/// ```
/// use arraylib as np;
/// let opts = np::PrintOptions { precision: 4, suppress: true, ..np::PrintOptions::default() };
/// assert_eq!(opts.linewidth, 75);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PrintOptions {
    /// Digits after the decimal point for floats (default 8).
    pub precision: usize,
    /// Arrays with more elements than this are summarized with `...` (default 1000).
    pub threshold: usize,
    /// Items shown at each edge of a summarized axis (default 3).
    pub edgeitems: usize,
    /// Characters per line before wrapping (default 75).
    pub linewidth: usize,
    /// Print tiny floats as zero instead of switching to scientific notation (default false).
    pub suppress: bool,
    /// Text for not-a-number (default `nan`).
    pub nanstr: String,
    /// Text for infinity (default `inf`).
    pub infstr: String,
    /// Sign of positive floats (default [`Sign::Minus`]).
    pub sign: Sign,
    /// Digits of floats (default [`FloatMode::MaxPrec`]).
    pub floatmode: FloatMode,
}

impl Default for PrintOptions {
    /// NumPy's defaults.
    fn default() -> Self {
        PrintOptions {
            precision: 8,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 75,
            suppress: false,
            nanstr: "nan".to_string(),
            infstr: "inf".to_string(),
            sign: Sign::Minus,
            floatmode: FloatMode::MaxPrec,
        }
    }
}

/// The current options; `None` means the defaults.
static OPTIONS: RwLock<Option<PrintOptions>> = RwLock::new(None);

/// Sets the print options for the whole process, as `np.set_printoptions(...)`.
///
/// ```
/// use arraylib as np;
/// np::set_printoptions(np::PrintOptions { precision: 2, ..np::get_printoptions() });
/// assert_eq!(np::get_printoptions().precision, 2);
/// np::reset_printoptions();
/// ```
pub fn set_printoptions(options: PrintOptions) {
    let mut guard = OPTIONS.write().unwrap_or_else(|e| e.into_inner());
    *guard = Some(options);
}

/// The current print options, as `np.get_printoptions()`.
///
/// ```
/// assert_eq!(arraylib::get_printoptions().edgeitems, 3);
/// ```
pub fn get_printoptions() -> PrintOptions {
    let guard = OPTIONS.read().unwrap_or_else(|e| e.into_inner());
    guard.clone().unwrap_or_default()
}

/// Restores NumPy's default print options.
///
/// ```
/// arraylib::reset_printoptions();
/// assert_eq!(arraylib::get_printoptions(), arraylib::PrintOptions::default());
/// ```
pub fn reset_printoptions() {
    let mut guard = OPTIONS.write().unwrap_or_else(|e| e.into_inner());
    *guard = None;
}

/// Sets print options until the returned guard is dropped, like NumPy's
/// `with np.printoptions(...):` block.
///
/// ```
/// use arraylib as np;
/// {
///     let _g = np::printoptions(np::PrintOptions { threshold: 5, ..np::get_printoptions() });
///     assert_eq!(format!("{}", np::arange(10)), "[0 1 2 ... 7 8 9]");
/// }
/// assert_eq!(format!("{}", np::arange(10)), "[0 1 2 3 4 5 6 7 8 9]");
/// ```
#[must_use = "the options are restored when the guard is dropped"]
pub fn printoptions(options: PrintOptions) -> PrintOptionsGuard {
    let previous = {
        let mut guard = OPTIONS.write().unwrap_or_else(|e| e.into_inner());
        guard.replace(options)
    };
    PrintOptionsGuard { previous }
}

/// Restores the previous print options when dropped; made by [`printoptions`].
#[derive(Debug)]
pub struct PrintOptionsGuard {
    previous: Option<PrintOptions>,
}

impl Drop for PrintOptionsGuard {
    fn drop(&mut self) {
        let mut guard = OPTIONS.write().unwrap_or_else(|e| e.into_inner());
        *guard = self.previous.take();
    }
}
