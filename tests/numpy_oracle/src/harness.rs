//! The case machinery: `case!`, `case_repr!`, `case_str!`, `py_setup!`, the [`Outcome`]
//! conversion of Rust results to JSON, and the runner that isolates every case in
//! `catch_unwind`.
//!
//! Every case prints one line `@@ORACLE {json}` on stdout:
//! `{"name", "area", "py", "mode", "rtol", "atol", "result"}` where `result` is one of
//! - `{"kind":"array","dtype","shape","values","repr","str","scalar"}` (values flat, row-major;
//!   floats as strings that round-trip, including `nan`, `inf`, `-0.0`; complex as `[re, im]`;
//!   the elements of a string array as `{"str": text}`;
//!   `scalar` is `Array::is_scalar`, a 0-d result standing for NumPy's scalar)
//! - `{"kind":"scalar","dtype","value","repr","str"}`
//! - `{"kind":"bool"|"int"|"float"|"complex","value"}` (plain Rust values)
//! - `{"kind":"tuple","value":[ints]}` (shapes, strides)
//! - `{"kind":"str","value"}`, `{"kind":"dtype","value":"float64"}`, `{"kind":"none"}`
//! - `{"kind":"list","items":[results]}` (tuples / vectors of arrays)
//! - `{"kind":"text","value"}` for `case_repr!` / `case_str!`
//! - `{"kind":"error","error":"ValueError: ..."}` for a panic or an `Err`.

use arraylib::{Array, ArrayError, DType, Flags, Scalar};
use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};

// ----- runner configuration ------------------------------------------------------------------

thread_local! {
    static LIST_ONLY: Cell<bool> = const { Cell::new(false) };
    static SKIP: Cell<usize> = const { Cell::new(0) };
    static COUNTER: Cell<usize> = const { Cell::new(0) };
    static FILTER: RefCell<Option<String>> = const { RefCell::new(None) };
    static SETUP: RefCell<String> = const { RefCell::new(String::new()) };
    static AREA: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Reads `--list`, `--skip N` and `--filter S` from the command line and silences panics.
pub fn init_from_args() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--list" => LIST_ONLY.with(|c| c.set(true)),
            "--skip" => {
                i += 1;
                let n = args.get(i).and_then(|s| s.parse().ok()).unwrap_or(0);
                SKIP.with(|c| c.set(n));
            }
            "--filter" => {
                i += 1;
                FILTER.with(|f| *f.borrow_mut() = args.get(i).cloned());
            }
            other => {
                eprintln!("numpy_oracle: unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 1;
    }
    std::panic::set_hook(Box::new(|_| {}));
}

/// Starts an area (one case file): later cases are named `area::name`, the Python setup is reset.
pub fn begin_area(area: &str) {
    AREA.with(|a| *a.borrow_mut() = area.to_string());
    SETUP.with(|s| s.borrow_mut().clear());
}

/// Sets Python code run before the NumPy expression of every later case of the current area.
pub fn set_py_setup(code: &str) {
    SETUP.with(|s| *s.borrow_mut() = code.to_string());
}

/// How a case is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// dtype, shape and values (or error class and message).
    Value,
    /// Exact `repr()` text.
    Repr,
    /// Exact `str()` text.
    Str,
}

/// Per-case options (`rtol = ..`, `atol = ..`, `known = ".."` in the macros).
#[derive(Clone, Copy, Debug, Default)]
pub struct Opts {
    /// Relative tolerance for floats (default 1e-12 for float64, 2.4e-7 for float32).
    pub rtol: Option<f64>,
    /// Absolute tolerance for floats (default 0).
    pub atol: Option<f64>,
    /// A documented, deliberate difference from NumPy: a failure is reported as an expected
    /// failure (xfail) with this reason instead of an error.
    pub known: Option<&'static str>,
}

/// Runs one case (unless skipped or filtered out) and prints its line.
pub fn run_case(name: &str, py: &str, mode: Mode, opts: Opts, f: impl FnOnce() -> Json) {
    let index = COUNTER.with(|c| {
        let i = c.get();
        c.set(i + 1);
        i
    });
    let area = AREA.with(|a| a.borrow().clone());
    let full_name = format!("{area}::{name}");
    let wanted = FILTER.with(|f| match &*f.borrow() {
        Some(s) => full_name.contains(s.as_str()),
        None => true,
    });
    if !wanted || index < SKIP.with(|c| c.get()) {
        return;
    }
    let setup = SETUP.with(|s| s.borrow().clone());
    let py_code = if setup.is_empty() {
        py.to_string()
    } else {
        format!("{setup}\n{py}")
    };
    let result = if LIST_ONLY.with(|c| c.get()) {
        Json("null".into())
    } else {
        match catch_unwind(AssertUnwindSafe(f)) {
            Ok(j) => j,
            Err(payload) => {
                let msg = if let Some(s) = payload.downcast_ref::<String>() {
                    s.clone()
                } else if let Some(s) = payload.downcast_ref::<&str>() {
                    s.to_string()
                } else if let Some(e) = payload.downcast_ref::<ArrayError>() {
                    e.to_string()
                } else {
                    "<non-string panic payload>".to_string()
                };
                error_json(&msg)
            }
        }
    };
    let mode = match mode {
        Mode::Value => "value",
        Mode::Repr => "repr",
        Mode::Str => "str",
    };
    let mut line = String::from("@@ORACLE {");
    let _ = write!(
        line,
        "\"index\":{index},\"name\":{},\"area\":{},\"py\":{},\"mode\":\"{mode}\",\"rtol\":{},\"atol\":{},\"known\":{},\"result\":{}}}",
        json_str(&full_name),
        json_str(&area),
        json_str(&py_code),
        opt_f64(opts.rtol),
        opt_f64(opts.atol),
        opts.known.map_or("null".to_string(), json_str),
        result.0
    );
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn opt_f64(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{v:e}"),
        _ => "null".into(),
    }
}

/// The error JSON for a panic message. Messages that are not `Class: text` (a plain Rust
/// panic such as an index out of bounds or `unimplemented!`) are reported as `RustPanic: ...`.
fn error_json(msg: &str) -> Json {
    let is_class = msg
        .split_once(": ")
        .map(|(cls, _)| {
            !cls.is_empty()
                && cls.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && cls.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .unwrap_or(false);
    let text = if is_class {
        msg.to_string()
    } else {
        format!("RustPanic: {msg}")
    };
    Json(format!(
        "{{\"kind\":\"error\",\"error\":{}}}",
        json_str(&text)
    ))
}

// ----- JSON ----------------------------------------------------------------------------------

/// A JSON text.
pub struct Json(pub String);

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A float as a JSON string that Python's `float()` reads back exactly.
fn float_str(x: f64) -> String {
    if x.is_nan() {
        "\"nan\"".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "\"inf\"".into()
        } else {
            "\"-inf\"".into()
        }
    } else {
        format!("\"{x:?}\"")
    }
}

fn complex_str(re: f64, im: f64) -> String {
    format!("[{},{}]", float_str(re), float_str(im))
}

fn scalar_value_json(s: Scalar) -> String {
    match s {
        Scalar::Bool(x) => x.to_string(),
        Scalar::Int8(x) => x.to_string(),
        Scalar::Int16(x) => x.to_string(),
        Scalar::Int32(x) => x.to_string(),
        Scalar::Int64(x) => x.to_string(),
        Scalar::UInt8(x) => x.to_string(),
        Scalar::UInt16(x) => x.to_string(),
        Scalar::UInt32(x) => x.to_string(),
        Scalar::UInt64(x) => x.to_string(),
        Scalar::Float32(x) => float_str(x as f64),
        Scalar::Float64(x) => float_str(x),
        Scalar::Complex64(x) => complex_str(x.re as f64, x.im as f64),
        Scalar::Complex128(x) => complex_str(x.re, x.im),
    }
}

fn join<T>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> String) -> String {
    let parts: Vec<String> = items.into_iter().map(f).collect();
    format!("[{}]", parts.join(","))
}

fn array_values_json(a: &Array) -> String {
    match a.dtype() {
        DType::Bool => join(a.to_vec::<bool>(), |x| x.to_string()),
        DType::Int8 => join(a.to_vec::<i8>(), |x| x.to_string()),
        DType::Int16 => join(a.to_vec::<i16>(), |x| x.to_string()),
        DType::Int32 => join(a.to_vec::<i32>(), |x| x.to_string()),
        DType::Int64 => join(a.to_vec::<i64>(), |x| x.to_string()),
        DType::UInt8 => join(a.to_vec::<u8>(), |x| x.to_string()),
        DType::UInt16 => join(a.to_vec::<u16>(), |x| x.to_string()),
        DType::UInt32 => join(a.to_vec::<u32>(), |x| x.to_string()),
        DType::UInt64 => join(a.to_vec::<u64>(), |x| x.to_string()),
        DType::Float32 => join(a.to_vec::<f32>(), |x| float_str(x as f64)),
        DType::Float64 => join(a.to_vec::<f64>(), float_str),
        DType::Complex64 => join(a.to_vec::<arraylib::Complex64>(), |x| {
            complex_str(x.re as f64, x.im as f64)
        }),
        DType::Complex128 => join(a.to_vec::<arraylib::Complex128>(), |x| {
            complex_str(x.re, x.im)
        }),
        DType::Str(_) => join(a.to_strings(), |s| format!("{{\"str\":{}}}", json_str(&s))),
    }
}

/// Text of a `Display`/`Debug` call that may itself panic (printing is under test too).
fn safe_text(f: impl FnOnce() -> String) -> String {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(s) => json_str(&s),
        Err(_) => "null".into(),
    }
}

// ----- Outcome ---------------------------------------------------------------------------------

/// What a case's Rust expression may produce, converted to the JSON the Python side compares.
pub trait Outcome {
    /// The JSON result object.
    fn outcome(self) -> Json;
}

impl Outcome for Array {
    fn outcome(self) -> Json {
        (&self).outcome()
    }
}

impl Outcome for &Array {
    fn outcome(self) -> Json {
        Json(format!(
            "{{\"kind\":\"array\",\"dtype\":{},\"shape\":{},\"values\":{},\"repr\":{},\"str\":{},\"scalar\":{}}}",
            json_str(self.dtype().name()),
            join(self.shape().iter(), |d| d.to_string()),
            array_values_json(self),
            safe_text(|| format!("{self:?}")),
            safe_text(|| format!("{self}")),
            self.is_scalar(),
        ))
    }
}

impl Outcome for Scalar {
    fn outcome(self) -> Json {
        Json(format!(
            "{{\"kind\":\"scalar\",\"dtype\":{},\"value\":{},\"repr\":{},\"str\":{}}}",
            json_str(self.dtype().name()),
            scalar_value_json(self),
            safe_text(|| format!("{self:?}")),
            safe_text(|| format!("{self}")),
        ))
    }
}

impl Outcome for bool {
    fn outcome(self) -> Json {
        Json(format!("{{\"kind\":\"bool\",\"value\":{self}}}"))
    }
}

macro_rules! int_outcome {
    ($($t:ty),*) => {$(
        impl Outcome for $t {
            fn outcome(self) -> Json {
                Json(format!("{{\"kind\":\"int\",\"value\":{self}}}"))
            }
        }
    )*};
}
int_outcome!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

impl Outcome for f64 {
    fn outcome(self) -> Json {
        Json(format!(
            "{{\"kind\":\"float\",\"value\":{}}}",
            float_str(self)
        ))
    }
}

impl Outcome for f32 {
    fn outcome(self) -> Json {
        (self as f64).outcome()
    }
}

impl Outcome for arraylib::Complex128 {
    fn outcome(self) -> Json {
        Json(format!(
            "{{\"kind\":\"complex\",\"value\":{}}}",
            complex_str(self.re, self.im)
        ))
    }
}

fn tuple_json<T: ToString>(items: impl IntoIterator<Item = T>) -> Json {
    Json(format!(
        "{{\"kind\":\"tuple\",\"value\":{}}}",
        join(items, |x| x.to_string())
    ))
}

impl Outcome for Vec<usize> {
    fn outcome(self) -> Json {
        tuple_json(self)
    }
}

impl Outcome for &[usize] {
    fn outcome(self) -> Json {
        tuple_json(self)
    }
}

impl<const N: usize> Outcome for [usize; N] {
    fn outcome(self) -> Json {
        tuple_json(self)
    }
}

impl Outcome for Vec<isize> {
    fn outcome(self) -> Json {
        tuple_json(self)
    }
}

impl Outcome for &[isize] {
    fn outcome(self) -> Json {
        tuple_json(self)
    }
}

impl Outcome for Vec<i64> {
    fn outcome(self) -> Json {
        tuple_json(self)
    }
}

impl Outcome for String {
    fn outcome(self) -> Json {
        Json(format!(
            "{{\"kind\":\"str\",\"value\":{}}}",
            json_str(&self)
        ))
    }
}

impl Outcome for &str {
    fn outcome(self) -> Json {
        Json(format!("{{\"kind\":\"str\",\"value\":{}}}", json_str(self)))
    }
}

impl Outcome for Flags {
    /// Compared with `str(a.flags)`.
    fn outcome(self) -> Json {
        self.to_string().outcome()
    }
}

impl Outcome for DType {
    fn outcome(self) -> Json {
        Json(format!(
            "{{\"kind\":\"dtype\",\"value\":{}}}",
            json_str(self.name())
        ))
    }
}

impl Outcome for () {
    fn outcome(self) -> Json {
        Json("{\"kind\":\"none\"}".into())
    }
}

impl<T: Outcome> Outcome for Option<T> {
    fn outcome(self) -> Json {
        match self {
            Some(v) => v.outcome(),
            None => ().outcome(),
        }
    }
}

impl<T: Outcome> Outcome for Result<T, ArrayError> {
    fn outcome(self) -> Json {
        match self {
            Ok(v) => v.outcome(),
            Err(e) => error_json(&e.to_string()),
        }
    }
}

fn list_json(items: Vec<Json>) -> Json {
    Json(format!(
        "{{\"kind\":\"list\",\"items\":{}}}",
        join(items, |j| j.0)
    ))
}

impl Outcome for Vec<Array> {
    fn outcome(self) -> Json {
        list_json(self.into_iter().map(Outcome::outcome).collect())
    }
}

impl Outcome for Vec<Scalar> {
    fn outcome(self) -> Json {
        list_json(self.into_iter().map(Outcome::outcome).collect())
    }
}

impl<A: Outcome, B: Outcome> Outcome for (A, B) {
    fn outcome(self) -> Json {
        list_json(vec![self.0.outcome(), self.1.outcome()])
    }
}

impl<A: Outcome, B: Outcome, C: Outcome> Outcome for (A, B, C) {
    fn outcome(self) -> Json {
        list_json(vec![self.0.outcome(), self.1.outcome(), self.2.outcome()])
    }
}

impl<A: Outcome, B: Outcome, C: Outcome, D: Outcome> Outcome for (A, B, C, D) {
    fn outcome(self) -> Json {
        list_json(vec![
            self.0.outcome(),
            self.1.outcome(),
            self.2.outcome(),
            self.3.outcome(),
        ])
    }
}

/// The text result of `case_repr!` / `case_str!`.
pub fn text_json(s: String) -> Json {
    Json(format!("{{\"kind\":\"text\",\"value\":{}}}", json_str(&s)))
}

// ----- macros ----------------------------------------------------------------------------------

/// `case!("name", "numpy expression", rust_expression $(, rtol = x, atol = y, known = "why")?);`
///
/// Compares dtype, shape and values (or the error class and message) of the Rust result with
/// the NumPy result. The NumPy side may be several lines; the last line is the expression.
macro_rules! case {
    ($name:expr, $py:expr, $rust:expr $(, $key:ident = $val:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut opts = $crate::harness::Opts::default();
        $( opts.$key = Some($val); )*
        $crate::harness::run_case($name, $py, $crate::harness::Mode::Value, opts, || {
            $crate::harness::Outcome::outcome($rust)
        });
    }};
}

/// `case_repr!("name", "numpy expression", rust_expression);` compares `repr()` with `{:?}`.
macro_rules! case_repr {
    ($name:expr, $py:expr, $rust:expr $(, $key:ident = $val:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut opts = $crate::harness::Opts::default();
        $( opts.$key = Some($val); )*
        $crate::harness::run_case($name, $py, $crate::harness::Mode::Repr, opts, || {
            $crate::harness::text_json(format!("{:?}", $rust))
        });
    }};
}

/// `case_str!("name", "numpy expression", rust_expression);` compares `str()` with `{}`.
macro_rules! case_str {
    ($name:expr, $py:expr, $rust:expr $(, $key:ident = $val:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut opts = $crate::harness::Opts::default();
        $( opts.$key = Some($val); )*
        $crate::harness::run_case($name, $py, $crate::harness::Mode::Str, opts, || {
            $crate::harness::text_json(format!("{}", $rust))
        });
    }};
}

/// `py_setup!("a = np.arange(12).reshape(3, 4)");` — Python run before every later case of
/// this file (the Rust side defines the same variables with `let`).
macro_rules! py_setup {
    ($code:expr $(,)?) => {
        $crate::harness::set_py_setup($code)
    };
}
