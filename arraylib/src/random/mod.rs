//! Random numbers, as `np.random`: the legacy global functions (`seed`, `rand`, `randn`,
//! `randint`, `choice`, `permutation`, `shuffle`, ...) that reproduce NumPy's seeded streams
//! bit for bit, the [`RandomState`] behind them, and [`default_rng`]'s [`Generator`]
//! (PCG64), which also gives NumPy's numbers for the same seed.
//!
//! A `size` argument takes any shape (`5`, `[3, 4]`, `(2, 3)`) and gives an [`Array`];
//! `None` gives one [`Scalar`](crate::Scalar), like NumPy's `size=None`.
//!
//! ```
//! use arraylib as np;
//! np::random::seed(42);
//! let x = np::random::randn([100, 5]);
//! let labels = np::random::randint(0, 3, [32]);
//! let idx = np::random::permutation(100);
//! assert_eq!(x.shape(), &[100, 5]);
//! assert_eq!(labels.dtype(), np::int64);
//! assert_eq!(idx.size(), 100);
//!
//! let mut rng = np::random::default_rng(0);
//! let u = rng.random(3);
//! assert_eq!(u.shape(), &[3]);
//! ```

mod bounded;
mod choice;
mod generator;
mod integers;
mod legacy;
mod mt19937;
mod pcg64;
mod seed;
mod seed_sequence;
mod shuffle;
mod size;
mod ziggurat;
mod ziggurat_tables;

pub use choice::{IntoPopulation, IntoProbs, Population};
pub use generator::{Generator, default_rng, try_default_rng};
pub use integers::IntBound;
pub use legacy::RandomState;
pub use seed::{IntoSeed, SeedValue};
pub use size::{IntoSize, NoSize};

use crate::error::OrPanic;
use crate::{Array, ArrayError, DType, Result};
use std::sync::Mutex;

/// The `RandomState` behind the global functions, shared by every thread (and every notebook
/// cell) of the process, as NumPy's module-level instance is.
static GLOBAL: Mutex<Option<RandomState>> = Mutex::new(None);

fn with_global<R>(f: impl FnOnce(&mut RandomState) -> R) -> R {
    // Each caller (`np::random::randn` in a notebook cell) instantiates this: only the
    // hand-off is generic, the locking is compiled once in `with_global_state`.
    let mut f = Some(f);
    let mut out = None;
    with_global_state(&mut |g| out = f.take().map(|f| f(g)));
    out.expect("the global random state was used")
}

fn with_global_state(f: &mut dyn FnMut(&mut RandomState)) {
    // An interrupted draw unwinds while holding the lock; the state is still usable.
    let mut guard = GLOBAL.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(|| RandomState::new(None)))
}

/// `n` values of `f`, polling for a kernel interrupt between blocks.
pub(crate) fn fill_f64(n: usize, mut f: impl FnMut() -> f64) -> Vec<f64> {
    let mut v = crate::operand::new_vec(n);
    let mut done = 0;
    while done < n {
        let end = (done + bounded::POLL).min(n);
        v.extend((done..end).map(|_| f()));
        crate::interrupt::check();
        done = end;
    }
    v
}

/// NumPy's check of a non-negative parameter: a negative sign (even `-0.0`) is
/// `ValueError: <name> < 0`; NaN passes.
/// `low + (high - low) * u` for as many `u` in `[0, 1)` from `next` as `size` asks. An infinite
/// or NaN range is NumPy's `OverflowError` with the message `overflow` (the legacy and the
/// Generator API word it differently); the Generator also rejects `high < low`.
pub(crate) fn uniform_values(
    low: f64,
    high: f64,
    size: Option<Vec<isize>>,
    overflow: &str,
    allow_negative_range: bool,
    mut next: impl FnMut() -> f64,
) -> Result<Array> {
    let range = high - low;
    if !range.is_finite() {
        return Err(ArrayError::new(crate::ErrorKind::OverflowError, overflow));
    }
    if !allow_negative_range {
        check_non_negative(range, "high - low")?;
    }
    let (shape, _) = size::resolve(size)?;
    let n = shape.iter().product();
    Ok(Array::from_vec(fill_f64(n, || low + range * next()), shape))
}

pub(crate) fn check_non_negative(v: f64, name: &str) -> Result<()> {
    if !v.is_nan() && v.is_sign_negative() {
        return Err(ArrayError::value(format!("{name} < 0")));
    }
    Ok(())
}

/// Reseeds the global generator (`np.random.seed(seed)`): an integer in `[0, 2**32)`, a
/// sequence of such integers, or `None` for fresh entropy. Panics with NumPy's `ValueError`
/// otherwise.
///
/// ```
/// use arraylib as np;
/// np::random::seed(42);
/// assert_eq!(np::random::rand(None).to_f64(), 0.3745401188473625);
/// ```
#[track_caller]
pub fn seed(seed: impl IntoSeed) {
    try_seed(seed).or_panic()
}

/// Fallible form of [`seed`].
///
/// ```
/// let e = arraylib::random::try_seed(-1).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: Seed must be between 0 and 2**32 - 1");
/// ```
pub fn try_seed(seed: impl IntoSeed) -> Result<()> {
    let rs = RandomState::try_new(seed)?;
    with_global(|g| *g = rs);
    Ok(())
}

/// Uniform floats in `[0, 1)` of a shape (`np.random.rand(d0, d1, ...)` is
/// `rand([d0, d1, ...])`; `rand(None)` is one value).
///
/// ```
/// assert_eq!(arraylib::random::rand([2, 3]).shape(), &[2, 3]);
/// ```
#[track_caller]
pub fn rand<S: IntoSize>(size: S) -> S::Output {
    with_global(|g| g.try_random_sample(size)).or_panic()
}

/// Standard normal samples of a shape (`np.random.randn(d0, d1, ...)` is
/// `randn([d0, d1, ...])`; `randn(None)` is one value).
///
/// ```
/// assert_eq!(arraylib::random::randn([32, 768]).shape(), &[32, 768]);
/// ```
#[track_caller]
pub fn randn<S: IntoSize>(size: S) -> S::Output {
    with_global(|g| g.try_standard_normal(size)).or_panic()
}

/// Uniform floats in `[0, 1)` (`np.random.random_sample(size)`).
///
/// ```
/// assert_eq!(arraylib::random::random_sample(4).size(), 4);
/// ```
#[track_caller]
pub fn random_sample<S: IntoSize>(size: S) -> S::Output {
    with_global(|g| g.try_random_sample(size)).or_panic()
}

/// Alias of [`random_sample`] (`np.random.random(size)`).
///
/// ```
/// assert!(arraylib::random::random(None).to_f64() < 1.0);
/// ```
#[track_caller]
pub fn random<S: IntoSize>(size: S) -> S::Output {
    random_sample(size)
}

/// Standard normal samples (`np.random.standard_normal(size)`).
///
/// ```
/// assert_eq!(arraylib::random::standard_normal((2, 2)).shape(), &[2, 2]);
/// ```
#[track_caller]
pub fn standard_normal<S: IntoSize>(size: S) -> S::Output {
    with_global(|g| g.try_standard_normal(size)).or_panic()
}

/// Normal samples (`np.random.normal(loc, scale, size)`).
///
/// ```
/// let x = arraylib::random::normal(5.0, 10.0, [1000, 3]);
/// assert_eq!(x.shape(), &[1000, 3]);
/// ```
#[track_caller]
pub fn normal<S: IntoSize>(loc: impl Into<f64>, scale: impl Into<f64>, size: S) -> S::Output {
    try_normal(loc, scale, size).or_panic()
}

/// Fallible form of [`normal`].
///
/// ```
/// assert!(arraylib::random::try_normal(0, -1, 2).is_err());
/// ```
pub fn try_normal<S: IntoSize>(
    loc: impl Into<f64>,
    scale: impl Into<f64>,
    size: S,
) -> Result<S::Output> {
    with_global(|g| g.try_normal(loc, scale, size))
}

/// Uniform samples in `[low, high)` (`np.random.uniform(low, high, size)`).
///
/// ```
/// let x = arraylib::random::uniform(2, 3, 10);
/// assert!(arraylib::all(&arraylib::greater_equal(&x, 2.0)));
/// ```
#[track_caller]
pub fn uniform<S: IntoSize>(low: impl Into<f64>, high: impl Into<f64>, size: S) -> S::Output {
    try_uniform(low, high, size).or_panic()
}

/// Fallible form of [`uniform`].
///
/// ```
/// assert!(arraylib::random::try_uniform(0.0, f64::NAN, 2).is_err());
/// ```
pub fn try_uniform<S: IntoSize>(
    low: impl Into<f64>,
    high: impl Into<f64>,
    size: S,
) -> Result<S::Output> {
    with_global(|g| g.try_uniform(low, high, size))
}

/// Random int64 values in `[low, high)` (`np.random.randint(low, high, size)`).
///
/// ```
/// let batch = arraylib::random::randint(0, 256, [8, 28, 28, 3]);
/// assert_eq!(batch.shape(), &[8, 28, 28, 3]);
/// ```
#[track_caller]
pub fn randint<S: IntoSize>(low: impl IntBound, high: impl IntBound, size: S) -> S::Output {
    try_randint(low, high, size).or_panic()
}

/// Fallible form of [`randint`].
///
/// ```
/// let e = arraylib::random::try_randint(3, 1, 2).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: low >= high");
/// ```
pub fn try_randint<S: IntoSize>(
    low: impl IntBound,
    high: impl IntBound,
    size: S,
) -> Result<S::Output> {
    with_global(|g| g.try_randint(low, high, size))
}

/// [`randint`] with a dtype (`np.random.randint(low, high, size, dtype=...)`).
///
/// ```
/// let x = arraylib::random::randint_dtype(0, 256, 4, arraylib::uint8);
/// assert_eq!(x.dtype(), arraylib::uint8);
/// ```
#[track_caller]
pub fn randint_dtype<S: IntoSize>(
    low: impl IntBound,
    high: impl IntBound,
    size: S,
    dtype: DType,
) -> S::Output {
    try_randint_dtype(low, high, size, dtype).or_panic()
}

/// Fallible form of [`randint_dtype`].
///
/// ```
/// assert!(arraylib::random::try_randint_dtype(0, 2, 3, arraylib::float64).is_err());
/// ```
pub fn try_randint_dtype<S: IntoSize>(
    low: impl IntBound,
    high: impl IntBound,
    size: S,
    dtype: DType,
) -> Result<S::Output> {
    with_global(|g| g.try_randint_dtype(low, high, size, dtype))
}

/// A random sample from `a` (`np.random.choice(a, size, replace, p)`; `None` for `p` means
/// equal probabilities).
///
/// ```
/// let x = arraylib::random::choice(5, 3, false, None);
/// assert_eq!(x.shape(), &[3]);
/// ```
#[track_caller]
pub fn choice<S: IntoSize>(
    a: impl IntoPopulation,
    size: S,
    replace: bool,
    p: impl IntoProbs,
) -> S::Output {
    try_choice(a, size, replace, p).or_panic()
}

/// Fallible form of [`choice`].
///
/// ```
/// let e = arraylib::random::try_choice(3, 2, true, [0.5, 0.6, 0.0]).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: probabilities do not sum to 1");
/// ```
pub fn try_choice<S: IntoSize>(
    a: impl IntoPopulation,
    size: S,
    replace: bool,
    p: impl IntoProbs,
) -> Result<S::Output> {
    with_global(|g| g.try_choice(a, size, replace, p))
}

/// A shuffled `arange(n)`, or a shuffled copy of an array along its first axis
/// (`np.random.permutation(x)`).
///
/// ```
/// let idx = arraylib::random::permutation(10);
/// assert_eq!(arraylib::sum(&idx).to_i64(), 45);
/// ```
#[track_caller]
pub fn permutation(x: impl IntoPopulation) -> Array {
    try_permutation(x).or_panic()
}

/// Fallible form of [`permutation`].
///
/// ```
/// assert!(arraylib::random::try_permutation(arraylib::arange(3)).is_ok());
/// ```
pub fn try_permutation(x: impl IntoPopulation) -> Result<Array> {
    with_global(|g| g.try_permutation(x))
}

/// Shuffles an array in place along its first axis (`np.random.shuffle(x)`).
///
/// ```
/// let a = arraylib::arange(12).reshape([4, 3]);
/// arraylib::random::shuffle(&a);
/// assert_eq!(a.shape(), &[4, 3]);
/// ```
#[track_caller]
pub fn shuffle(x: &Array) {
    try_shuffle(x).or_panic()
}

/// Fallible form of [`shuffle`].
///
/// ```
/// let e = arraylib::random::try_shuffle(&arraylib::Array::from_vec(vec![1], ())).unwrap_err();
/// assert_eq!(e.to_string(), "TypeError: len() of unsized object");
/// ```
pub fn try_shuffle(x: &Array) -> Result<()> {
    with_global(|g| g.try_shuffle(x))
}
