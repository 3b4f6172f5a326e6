//! NumPy's float to text conversion (its "Dragon4" printer): shortest unique digits, cut off
//! at a precision or extended to a minimum number of digits, in positional (`12.5`) or
//! scientific (`1.25e+01`) notation, with NumPy's trimming and padding rules.
//!
//! The digits come from Rust's float formatting, which is exact: `{}` / `{:e}` give the
//! shortest digits that round-trip (the same digits as NumPy's unique mode), `{:.N}` /
//! `{:.Ne}` the exactly rounded value (round half to even, as NumPy does).

/// What happens to trailing zeros and the decimal point (NumPy's `trim=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trim {
    /// `'k'`: keep trailing zeros, keep the decimal point.
    Keep,
    /// `'.'`: trim trailing zeros, keep the decimal point (`1.`).
    Point,
    /// `'0'`: trim trailing zeros but keep one zero after the point (`1.0`).
    Zero,
    /// `'-'`: trim trailing zeros and the decimal point (`1`).
    Minus,
}

/// Options of [`format_float_positional`] and [`format_float_scientific`], with NumPy's
/// defaults (`FloatFormat::default()`).
///
/// ```
/// use arraylib::print_float::{format_float_positional, FloatFormat, Trim};
/// let f = FloatFormat { precision: Some(2), trim: Trim::Minus, ..FloatFormat::default() };
/// assert_eq!(format_float_positional(3.14159, &f), "3.14");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatFormat {
    /// Maximum digits after the point (`None`: as many as needed).
    pub precision: Option<usize>,
    /// Shortest unique digits (`true`) or exact digits up to `precision` (`false`).
    pub unique: bool,
    /// Trailing-zero handling.
    pub trim: Trim,
    /// Always print a sign (`+` for non-negative values).
    pub sign: bool,
    /// Pad with spaces on the left until this many characters precede the point.
    pub pad_left: Option<usize>,
    /// Pad with spaces on the right until this many characters follow the point
    /// (positional only).
    pub pad_right: Option<usize>,
    /// Print at least this many digits after the point (unique mode only).
    pub min_digits: Option<usize>,
    /// Pad the exponent with zeros to at least this many digits (scientific only; default 2).
    pub exp_digits: Option<usize>,
}

impl Default for FloatFormat {
    fn default() -> Self {
        FloatFormat {
            precision: None,
            unique: true,
            trim: Trim::Keep,
            sign: false,
            pad_left: None,
            pad_right: None,
            min_digits: None,
            exp_digits: None,
        }
    }
}

/// A float type NumPy prints with its own shortest digits (`f32` digits for float32).
pub trait PrintFloat:
    Copy + PartialOrd + std::fmt::Display + std::fmt::LowerExp + std::str::FromStr
{
    /// True for `f32`.
    const IS_F32: bool;
    /// The value as `f64` (exact).
    fn to_f64(self) -> f64;
    /// Absolute value.
    fn abs_val(self) -> Self;
    /// Zero.
    fn zero() -> Self;
    /// Finite (not nan, not infinite).
    fn finite(self) -> bool;
    /// Not a number.
    fn nan(self) -> bool;
    /// NumPy's choice of scientific notation for an array whose non-zero finite magnitudes
    /// range from `min` to `max` (computed in the float's own precision, as NumPy does).
    fn wants_exp(max: Self, min: Self, suppress: bool) -> bool;
    /// Sign bit set (also for `-0.0` and negative nan).
    fn signbit(self) -> bool;
}

macro_rules! print_float_impl {
    ($t:ty, $is32:expr, $cutoff:expr) => {
        impl PrintFloat for $t {
            const IS_F32: bool = $is32;
            fn to_f64(self) -> f64 {
                self as f64
            }
            fn abs_val(self) -> Self {
                self.abs()
            }
            fn zero() -> Self {
                0.0
            }
            fn finite(self) -> bool {
                self.is_finite()
            }
            fn nan(self) -> bool {
                self.is_nan()
            }
            fn wants_exp(max: Self, min: Self, suppress: bool) -> bool {
                max >= $cutoff || (!suppress && (min < 0.0001 || max / min > 1000.0))
            }
            fn signbit(self) -> bool {
                self.is_sign_negative()
            }
        }
    };
}
print_float_impl!(f64, false, 1e8);
print_float_impl!(f32, true, 1e6);

/// Shortest unique digits of a non-negative finite `a` and the decimal exponent of the first
/// digit. When two digit strings of that length are equally close to `a` (a float32 such as
/// `384300.625`), NumPy takes the even last digit; Rust's exact rounding to the same length
/// (half to even) gives that choice.
fn shortest_digits<F: PrintFloat>(a: F) -> (String, i32) {
    let s = format!("{a:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits = mant.replace('.', "");
    let exp: i32 = exp.parse().unwrap_or(0);
    if digits.len() > 1 {
        let even = format!("{:.*e}", digits.len() - 1, a);
        if even != s && even.parse::<F>().is_ok_and(|v| v == a) {
            let (m, e) = even.split_once('e').unwrap_or((&even, "0"));
            return (m.replace('.', ""), e.parse().unwrap_or(exp));
        }
    }
    (digits, exp)
}

/// Integer part and fractional digits of `digits × 10^(exp - len + 1)`.
fn positional_from(digits: &str, exp: i32) -> (String, String) {
    if exp >= 0 {
        let whole = exp as usize + 1;
        if digits.len() <= whole {
            let mut int = digits.to_string();
            int.extend(std::iter::repeat_n('0', whole - digits.len()));
            (int, String::new())
        } else {
            (digits[..whole].to_string(), digits[whole..].to_string())
        }
    } else {
        let mut frac: String = std::iter::repeat_n('0', (-exp - 1) as usize).collect();
        frac.push_str(digits);
        ("0".to_string(), frac)
    }
}

fn split_fixed(s: &str) -> (String, String) {
    match s.split_once('.') {
        Some((i, fr)) => (i.to_string(), fr.to_string()),
        None => (s.to_string(), String::new()),
    }
}

/// NumPy's digit generator stops at the digit a rounding carry ended in (`0.9999` to 3 digits
/// gives the digits `1`, not `1000`), which matters when trailing zeros are kept. `rounded` is
/// the exactly rounded text of `a` (fixed or `e` notation) that has fewer digits than the
/// shortest repr of `a`, so it differs from `a`, and it was rounded up iff it is larger.
fn drop_carry_zeros<F: PrintFloat>(rounded: String, a: F) -> String {
    let (mant, exp) = match rounded.find('e') {
        Some(p) => rounded.split_at(p),
        None => (rounded.as_str(), ""),
    };
    if !mant.contains('.') || !mant.ends_with('0') {
        return rounded;
    }
    match rounded.parse::<f64>() {
        Ok(v) if v > a.to_f64() => {
            let m = mant.trim_end_matches('0');
            let m = m.strip_suffix('.').unwrap_or(m);
            format!("{m}{exp}")
        }
        _ => rounded,
    }
}

/// Digits of `|x|` in positional notation: integer part and fractional digits.
fn positional_digits<F: PrintFloat>(x: F, f: &FloatFormat) -> (String, String) {
    let a = x.abs_val();
    if !f.unique {
        return split_fixed(&format!("{:.*}", f.precision.unwrap_or(0), a));
    }
    let (digits, exp) = shortest_digits(a);
    let (int, frac) = positional_from(&digits, exp);
    match (f.precision, f.min_digits) {
        (Some(p), _) if frac.len() > p => split_fixed(&drop_carry_zeros(format!("{a:.p$}"), a)),
        (_, Some(m)) if frac.len() < m => split_fixed(&format!("{a:.m$}")),
        _ => (int, frac),
    }
}

/// Digits of `|x|` in scientific notation: mantissa digits (first digit, then the fraction)
/// and the decimal exponent.
fn scientific_digits<F: PrintFloat>(x: F, f: &FloatFormat) -> (String, i32) {
    let a = x.abs_val();
    let s = if !f.unique {
        format!("{:.*e}", f.precision.unwrap_or(0), a)
    } else {
        let (digits, exp) = shortest_digits(a);
        let frac = digits.len() - 1;
        match (f.precision, f.min_digits) {
            (Some(p), _) if frac > p => drop_carry_zeros(format!("{a:.p$e}"), a),
            (_, Some(m)) if frac < m => format!("{a:.m$e}"),
            _ => return (digits, exp),
        }
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    (mant.replace('.', ""), exp.parse().unwrap_or(0))
}

fn sign_str<F: PrintFloat>(x: F, plus: bool) -> &'static str {
    if x.signbit() {
        "-"
    } else if plus {
        "+"
    } else {
        ""
    }
}

fn nonfinite<F: PrintFloat>(x: F, plus: bool) -> String {
    if x.finite() {
        unreachable!()
    } else if x.nan() {
        // NumPy never signs nan here, even with `sign`.
        "nan".to_string()
    } else {
        format!("{}inf", sign_str(x, plus))
    }
}

/// Applies NumPy's trimming to fractional digits; returns (fraction, keep decimal point).
fn trim_fraction(mut frac: String, f: &FloatFormat) -> (String, bool) {
    let add = if f.unique { f.min_digits } else { f.precision }.unwrap_or(0);
    match f.trim {
        Trim::Zero if frac.is_empty() => frac.push('0'),
        Trim::Keep if add > frac.len() => {
            let n = add - frac.len();
            frac.extend(std::iter::repeat_n('0', n));
        }
        _ => {}
    }
    if f.trim != Trim::Keep && !frac.is_empty() {
        while frac.ends_with('0') {
            frac.pop();
        }
        if frac.is_empty() && f.trim == Trim::Zero {
            frac.push('0');
        }
    }
    let point = f.trim != Trim::Minus || !frac.is_empty();
    (frac, point)
}

/// NumPy's `np.format_float_positional(x, ...)`: `x` in positional notation.
///
/// ```
/// use arraylib::print_float::{format_float_positional, FloatFormat};
/// let d = FloatFormat::default();
/// assert_eq!(format_float_positional(0.1, &d), "0.1");
/// assert_eq!(format_float_positional(1.0, &d), "1.");
/// assert_eq!(format_float_positional(0.1f32, &d), "0.1");
/// ```
pub fn format_float_positional<F: PrintFloat>(x: F, f: &FloatFormat) -> String {
    if !x.finite() {
        return nonfinite(x, f.sign);
    }
    let sign = sign_str(x, f.sign);
    let (int, frac) = positional_digits(x, f);
    let (frac, point) = trim_fraction(frac, f);
    let mut out = String::with_capacity(24);
    let whole = int.len() + sign.len();
    if let Some(pl) = f.pad_left
        && pl > whole
    {
        out.extend(std::iter::repeat_n(' ', pl - whole));
    }
    out.push_str(sign);
    out.push_str(&int);
    if point {
        out.push('.');
    }
    out.push_str(&frac);
    if let Some(pr) = f.pad_right
        && pr >= frac.len()
    {
        if f.trim == Trim::Minus && frac.is_empty() {
            out.push(' ');
        }
        out.extend(std::iter::repeat_n(' ', pr - frac.len()));
    }
    out
}

/// NumPy's `np.format_float_scientific(x, ...)`: `x` in scientific notation.
///
/// ```
/// use arraylib::print_float::{format_float_scientific, FloatFormat};
/// let d = FloatFormat::default();
/// assert_eq!(format_float_scientific(1e-5, &d), "1.e-05");
/// assert_eq!(format_float_scientific(123.5, &d), "1.235e+02");
/// ```
pub fn format_float_scientific<F: PrintFloat>(x: F, f: &FloatFormat) -> String {
    if !x.finite() {
        return nonfinite(x, f.sign);
    }
    let sign = sign_str(x, f.sign);
    let (digits, exp) = scientific_digits(x, f);
    let (first, frac) = digits.split_at(1);
    let (frac, point) = trim_fraction(frac.to_string(), f);
    let mut out = String::with_capacity(24);
    let left = 1 + sign.len();
    if let Some(pl) = f.pad_left
        && pl > left
    {
        out.extend(std::iter::repeat_n(' ', pl - left));
    }
    out.push_str(sign);
    out.push_str(first);
    if point {
        out.push('.');
    }
    out.push_str(&frac);
    let width = f.exp_digits.unwrap_or(2).min(5);
    let mag = exp.unsigned_abs();
    out.push_str(&format!(
        "e{}{mag:0width$}",
        if exp < 0 { '-' } else { '+' }
    ));
    out
}

/// Python's `str()` of a NumPy float scalar: positional with `.0` for moderate magnitudes,
/// scientific without a trailing point otherwise (`2.5`, `1.0`, `1e-05`, `1e+16`).
pub(crate) fn scalar_float_str<F: PrintFloat>(x: F, trim_pos: Trim, sign: bool) -> String {
    if !x.finite() {
        return nonfinite(x, sign);
    }
    let a = x.abs_val().to_f64();
    let upper = if F::IS_F32 { 1e6 } else { 1e16 };
    let f = FloatFormat {
        sign,
        ..FloatFormat::default()
    };
    if a == 0.0 || (1e-4..upper).contains(&a) {
        format_float_positional(
            x,
            &FloatFormat {
                trim: trim_pos,
                ..f
            },
        )
    } else {
        format_float_scientific(
            x,
            &FloatFormat {
                trim: Trim::Minus,
                ..f
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(x: f64, p: Option<usize>, trim: Trim) -> String {
        let f = FloatFormat {
            precision: p,
            trim,
            ..FloatFormat::default()
        };
        format_float_positional(x, &f)
    }

    // Expected strings below were produced by NumPy 2.4 (np.format_float_positional /
    // np.format_float_scientific / str(np.float64(...))).
    #[test]
    fn positional_matches_numpy() {
        assert_eq!(pos(0.125, Some(2), Trim::Keep), "0.12");
        assert_eq!(pos(0.375, Some(2), Trim::Keep), "0.38");
        assert_eq!(pos(2.5, Some(0), Trim::Keep), "2.");
        assert_eq!(pos(1.0, None, Trim::Point), "1.");
        assert_eq!(pos(1.0, None, Trim::Minus), "1");
        assert_eq!(pos(1.0, None, Trim::Zero), "1.0");
        assert_eq!(pos(0.0, None, Trim::Keep), "0.");
        assert_eq!(pos(-0.0, None, Trim::Keep), "-0.");
        assert_eq!(pos(0.999999999, Some(3), Trim::Keep), "1.");
        assert_eq!(pos(1e-10, Some(8), Trim::Keep), "0.00000000");
        assert_eq!(pos(-1e-10, Some(8), Trim::Keep), "-0.00000000");
        let f = FloatFormat {
            precision: Some(8),
            min_digits: Some(4),
            ..FloatFormat::default()
        };
        assert_eq!(format_float_positional(1.5, &f), "1.5000");
        let f = FloatFormat {
            pad_left: Some(5),
            pad_right: Some(4),
            ..FloatFormat::default()
        };
        assert_eq!(format_float_positional(1.5, &f), "    1.5   ");
        let f = FloatFormat {
            pad_right: Some(3),
            trim: Trim::Minus,
            ..FloatFormat::default()
        };
        assert_eq!(format_float_positional(1.0, &f), "1    ");
        let f = FloatFormat {
            precision: Some(2),
            unique: false,
            ..FloatFormat::default()
        };
        assert_eq!(format_float_positional(100.0, &f), "100.00");
        let f = FloatFormat {
            precision: Some(12),
            unique: false,
            ..FloatFormat::default()
        };
        assert_eq!(format_float_positional(0.1f32, &f), "0.100000001490");
    }

    #[test]
    fn scientific_matches_numpy() {
        let d = FloatFormat::default();
        let sci = |x: f64, f: FloatFormat| format_float_scientific(x, &f);
        assert_eq!(
            sci(
                1.0,
                FloatFormat {
                    exp_digits: Some(1),
                    ..d
                }
            ),
            "1.e+0"
        );
        assert_eq!(
            sci(
                1e100,
                FloatFormat {
                    exp_digits: Some(1),
                    ..d
                }
            ),
            "1.e+100"
        );
        assert_eq!(sci(1e100, d), "1.e+100");
        assert_eq!(sci(1.0, d), "1.e+00");
        assert_eq!(
            sci(
                1.0,
                FloatFormat {
                    trim: Trim::Minus,
                    ..d
                }
            ),
            "1e+00"
        );
        assert_eq!(
            sci(
                1.0,
                FloatFormat {
                    trim: Trim::Zero,
                    ..d
                }
            ),
            "1.0e+00"
        );
        let fixed = FloatFormat {
            precision: Some(3),
            unique: false,
            ..d
        };
        assert_eq!(sci(1.5, fixed), "1.500e+00");
        assert_eq!(
            sci(
                1.5,
                FloatFormat {
                    trim: Trim::Point,
                    ..fixed
                }
            ),
            "1.5e+00"
        );
        assert_eq!(
            sci(
                9.9999,
                FloatFormat {
                    precision: Some(2),
                    ..d
                }
            ),
            "1.e+01"
        );
        assert_eq!(
            sci(
                0.125,
                FloatFormat {
                    precision: Some(1),
                    ..d
                }
            ),
            "1.2e-01"
        );
        assert_eq!(
            sci(
                0.1,
                FloatFormat {
                    min_digits: Some(20),
                    ..d
                }
            ),
            "1.00000000000000005551e-01"
        );
        assert_eq!(
            format_float_scientific(
                0.1f32,
                &FloatFormat {
                    min_digits: Some(12),
                    ..d
                }
            ),
            "1.000000014901e-01"
        );
    }

    #[test]
    fn scalar_str_matches_numpy() {
        let s = |x: f64| scalar_float_str(x, Trim::Zero, false);
        let s32 = |x: f32| scalar_float_str(x, Trim::Zero, false);
        assert_eq!(s(2.5), "2.5");
        assert_eq!(s(0.1), "0.1");
        assert_eq!(s(1e-5), "1e-05");
        assert_eq!(s(1e-4), "0.0001");
        assert_eq!(s(1e16), "1e+16");
        assert_eq!(s(1e15), "1000000000000000.0");
        assert_eq!(s(123456789012345.6), "123456789012345.6");
        assert_eq!(s(f64::NAN), "nan");
        assert_eq!(s(f64::NEG_INFINITY), "-inf");
        assert_eq!(s(-0.0), "-0.0");
        assert_eq!(s(1.5e-7), "1.5e-07");
        assert_eq!(s(5e-324), "5e-324");
        assert_eq!(s(1.7976931348623157e308), "1.7976931348623157e+308");
        assert_eq!(s32(1e-4), "1e-04");
        assert_eq!(s32(1e15), "1e+15");
        assert_eq!(s32(123456789012345.6), "1.2345679e+14");
        assert_eq!(s32(1e6), "1e+06");
        assert_eq!(s32(999999.0), "999999.0");
        assert_eq!(s32(16777216.0), "1.6777216e+07");
        assert_eq!(s32(0.1), "0.1");
    }
}
