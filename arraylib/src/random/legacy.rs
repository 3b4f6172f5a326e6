//! The legacy `RandomState`: MT19937 with NumPy's legacy seeding and NumPy's legacy
//! algorithms, so that a seeded stream gives the very numbers NumPy gives.

use super::bounded::{BitGen, Method};
use super::choice::{
    IntoPopulation, IntoProbs, LEGACY, Population, cdf, check_probs, first_occurrences,
    sample_count, search_right, take_rows,
};
use super::fill_f64;
use super::integers::{IntBound, bounded_array};
use super::mt19937::Mt19937;
use super::seed::{IntoSeed, LegacySeed, SeedValue, legacy_seed};
use super::shuffle;
use super::size::{IntoSize, resolve};
use crate::error::OrPanic;
use crate::{Array, ArrayError, DType, Result};

/// NumPy's legacy `np.random.RandomState`: the Mersenne Twister with the legacy algorithms,
/// bit for bit the numbers NumPy gives for the same seed and the same calls.
///
/// The functions in [`crate::random`] (`np::random::randn`, ...) use one global instance,
/// reseeded with [`crate::random::seed`].
///
/// ```
/// use arraylib as np;
/// let mut rs = np::random::RandomState::new(42);
/// let x = rs.randn([2, 3]);
/// assert_eq!(x.shape(), &[2, 3]);
/// assert_eq!(rs.randint(0, 10, None).dtype(), np::int64);
/// ```
#[derive(Clone)]
pub struct RandomState {
    mt: Mt19937,
    /// The second value of the last polar Box-Muller pair, returned by the next draw.
    gauss: Option<f64>,
}

impl std::fmt::Debug for RandomState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RandomState(MT19937)")
    }
}

impl RandomState {
    /// A generator seeded as `np.random.RandomState(seed)`: an integer in `[0, 2**32)`, a
    /// sequence of such integers, or `None` for fresh entropy. Panics on a bad seed.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// assert_eq!(rs.random_sample(None).to_f64(), 0.5488135039273248);
    /// ```
    #[track_caller]
    pub fn new(seed: impl IntoSeed) -> RandomState {
        Self::try_new(seed).or_panic()
    }

    /// Fallible form of [`RandomState::new`].
    ///
    /// ```
    /// let e = arraylib::random::RandomState::try_new(-1).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: Seed must be between 0 and 2**32 - 1");
    /// ```
    pub fn try_new(seed: impl IntoSeed) -> Result<RandomState> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(seed: SeedValue) -> Result<RandomState> {
            let mt = match legacy_seed(seed)? {
                LegacySeed::Word(w) => Mt19937::from_seed(w),
                LegacySeed::Key(k) => Mt19937::from_key(&k),
            };
            Ok(RandomState { mt, gauss: None })
        }
        inner(seed.into_seed())
    }

    /// Reseeds (`rs.seed(seed)`), also dropping a cached normal value.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(1);
    /// let a = rs.rand(3);
    /// rs.seed(1);
    /// assert!(arraylib::array_equal(&a, &rs.rand(3)));
    /// ```
    #[track_caller]
    pub fn seed(&mut self, seed: impl IntoSeed) {
        self.try_seed(seed).or_panic()
    }

    /// Fallible form of [`RandomState::seed`].
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(1);
    /// assert!(rs.try_seed(1u64 << 32).is_err());
    /// ```
    pub fn try_seed(&mut self, seed: impl IntoSeed) -> Result<()> {
        *self = Self::try_new(seed)?;
        Ok(())
    }

    /// Uniform floats in `[0, 1)` (`random_sample(size)`); `None` gives one value.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// assert_eq!(rs.random_sample([2, 2]).shape(), &[2, 2]);
    /// ```
    #[track_caller]
    pub fn random_sample<S: IntoSize>(&mut self, size: S) -> S::Output {
        self.try_random_sample(size).or_panic()
    }

    /// Fallible form of [`RandomState::random_sample`] (a negative size is a `ValueError`).
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// assert!(rs.try_random_sample(-1).is_err());
    /// ```
    pub fn try_random_sample<S: IntoSize>(&mut self, size: S) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(rs: &mut RandomState, size: Option<Vec<isize>>) -> Result<Array> {
            let (shape, _) = resolve(size)?;
            let n = shape.iter().product();
            let mt = &mut rs.mt;
            Ok(Array::from_vec(fill_f64(n, || mt.next_double()), shape))
        }
        Ok(S::wrap(inner(self, size.into_size())?))
    }

    /// Alias of [`RandomState::random_sample`] (`random(size)`).
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// assert_eq!(rs.random(4).shape(), &[4]);
    /// ```
    #[track_caller]
    pub fn random<S: IntoSize>(&mut self, size: S) -> S::Output {
        self.random_sample(size)
    }

    /// Uniform floats in `[0, 1)` of a shape (`rand(d0, d1, ...)` is `rand([d0, d1, ...])`).
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// assert_eq!(rs.rand([3, 2]).shape(), &[3, 2]);
    /// ```
    #[track_caller]
    pub fn rand<S: IntoSize>(&mut self, size: S) -> S::Output {
        self.random_sample(size)
    }

    /// Standard normal samples of a shape (`randn(d0, d1, ...)` is `randn([d0, d1, ...])`).
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(42);
    /// assert_eq!(rs.randn(None).to_f64(), 0.4967141530112327);
    /// ```
    #[track_caller]
    pub fn randn<S: IntoSize>(&mut self, size: S) -> S::Output {
        self.standard_normal(size)
    }

    /// Standard normal samples (`standard_normal(size)`), by the polar Box-Muller method.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(42);
    /// assert_eq!(rs.standard_normal(3).shape(), &[3]);
    /// ```
    #[track_caller]
    pub fn standard_normal<S: IntoSize>(&mut self, size: S) -> S::Output {
        self.try_standard_normal(size).or_panic()
    }

    /// Fallible form of [`RandomState::standard_normal`].
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(42);
    /// assert!(rs.try_standard_normal([2, -1]).is_err());
    /// ```
    pub fn try_standard_normal<S: IntoSize>(&mut self, size: S) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(rs: &mut RandomState, size: Option<Vec<isize>>) -> Result<Array> {
            let (shape, _) = resolve(size)?;
            let n = shape.iter().product();
            Ok(Array::from_vec(fill_f64(n, || rs.gauss()), shape))
        }
        Ok(S::wrap(inner(self, size.into_size())?))
    }

    /// Normal samples with mean `loc` and standard deviation `scale` (`normal(loc, scale,
    /// size)`); a negative `scale` is NumPy's `ValueError: scale < 0`.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// let x = rs.normal(10.0, 2.0, 1000);
    /// assert!((arraylib::mean(&x).to_f64() - 10.0).abs() < 0.3);
    /// ```
    #[track_caller]
    pub fn normal<S: IntoSize>(
        &mut self,
        loc: impl Into<f64>,
        scale: impl Into<f64>,
        size: S,
    ) -> S::Output {
        self.try_normal(loc, scale, size).or_panic()
    }

    /// Fallible form of [`RandomState::normal`].
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// assert_eq!(rs.try_normal(0, -1, 3).unwrap_err().to_string(), "ValueError: scale < 0");
    /// ```
    pub fn try_normal<S: IntoSize>(
        &mut self,
        loc: impl Into<f64>,
        scale: impl Into<f64>,
        size: S,
    ) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(
            rs: &mut RandomState,
            loc: f64,
            scale: f64,
            size: Option<Vec<isize>>,
        ) -> Result<Array> {
            super::check_non_negative(scale, "scale")?;
            let (shape, _) = resolve(size)?;
            let n = shape.iter().product();
            Ok(Array::from_vec(
                fill_f64(n, || loc + scale * rs.gauss()),
                shape,
            ))
        }
        Ok(S::wrap(inner(
            self,
            loc.into(),
            scale.into(),
            size.into_size(),
        )?))
    }

    /// Uniform samples in `[low, high)` (`uniform(low, high, size)`).
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// let x = rs.uniform(-1, 1, 100);
    /// assert!(arraylib::all(&arraylib::greater_equal(&x, -1.0)));
    /// ```
    #[track_caller]
    pub fn uniform<S: IntoSize>(
        &mut self,
        low: impl Into<f64>,
        high: impl Into<f64>,
        size: S,
    ) -> S::Output {
        self.try_uniform(low, high, size).or_panic()
    }

    /// Fallible form of [`RandomState::uniform`]: an infinite or NaN range is NumPy's
    /// `OverflowError: Range exceeds valid bounds`.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// assert!(rs.try_uniform(0.0, f64::INFINITY, 2).is_err());
    /// ```
    pub fn try_uniform<S: IntoSize>(
        &mut self,
        low: impl Into<f64>,
        high: impl Into<f64>,
        size: S,
    ) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(
            rs: &mut RandomState,
            low: f64,
            high: f64,
            size: Option<Vec<isize>>,
        ) -> Result<Array> {
            let mt = &mut rs.mt;
            super::uniform_values(low, high, size, "Range exceeds valid bounds", true, || {
                mt.next_double()
            })
        }
        Ok(S::wrap(inner(
            self,
            low.into(),
            high.into(),
            size.into_size(),
        )?))
    }

    /// Random int64 values in `[low, high)` (`randint(low, high, size)`), by NumPy's legacy
    /// masked rejection sampling.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(42);
    /// assert_eq!(rs.randint(0, 10, 5).to_vec::<i64>(), vec![6, 3, 7, 4, 6]);
    /// ```
    #[track_caller]
    pub fn randint<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
    ) -> S::Output {
        self.try_randint(low, high, size).or_panic()
    }

    /// Fallible form of [`RandomState::randint`].
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(42);
    /// assert_eq!(rs.try_randint(5, 5, 2).unwrap_err().to_string(), "ValueError: low >= high");
    /// ```
    pub fn try_randint<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
    ) -> Result<S::Output> {
        self.try_randint_dtype(low, high, size, DType::Int64)
    }

    /// [`RandomState::randint`] with a dtype (`randint(low, high, size, dtype=...)`): any
    /// integer dtype or bool.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// let img = rs.randint_dtype(0, 256, [2, 2], arraylib::uint8);
    /// assert_eq!(img.dtype(), arraylib::uint8);
    /// ```
    #[track_caller]
    pub fn randint_dtype<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
        dtype: DType,
    ) -> S::Output {
        self.try_randint_dtype(low, high, size, dtype).or_panic()
    }

    /// Fallible form of [`RandomState::randint_dtype`].
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// let e = rs.try_randint_dtype(0, 300, 2, arraylib::uint8).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: high is out of bounds for uint8");
    /// ```
    pub fn try_randint_dtype<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
        dtype: DType,
    ) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(
            rs: &mut RandomState,
            low: i128,
            high: i128,
            size: Option<Vec<isize>>,
            dtype: DType,
        ) -> Result<Array> {
            bounded_array(
                &mut rs.mt,
                low,
                high,
                size,
                dtype,
                Method::Masked,
                "randint",
            )
        }
        let a = inner(self, low.to_i128(), high.to_i128(), size.into_size(), dtype)?;
        Ok(S::wrap(a))
    }

    /// A random sample from `a` (an integer `n` for `arange(n)`, or a 1-D array), with or
    /// without replacement, with probabilities `p` or uniformly (`choice(a, size, replace,
    /// p)`; pass `None` for `p`).
    ///
    /// ```
    /// use arraylib as np;
    /// let mut rs = np::random::RandomState::new(0);
    /// let idx = rs.choice(10, 4, false, None);
    /// assert_eq!(idx.size(), 4);
    /// let w = rs.choice(3, None, true, [0.2, 0.3, 0.5]);
    /// assert!(w.to_i64() < 3);
    /// ```
    #[track_caller]
    pub fn choice<S: IntoSize>(
        &mut self,
        a: impl IntoPopulation,
        size: S,
        replace: bool,
        p: impl IntoProbs,
    ) -> S::Output {
        self.try_choice(a, size, replace, p).or_panic()
    }

    /// Fallible form of [`RandomState::choice`].
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// let e = rs.try_choice(3, 4, false, None).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "ValueError: Cannot take a larger sample than population when 'replace=False'"
    /// );
    /// ```
    pub fn try_choice<S: IntoSize>(
        &mut self,
        a: impl IntoPopulation,
        size: S,
        replace: bool,
        p: impl IntoProbs,
    ) -> Result<S::Output> {
        let out = self.choice_impl(
            a.into_population(),
            size.into_size(),
            replace,
            p.into_probs(),
        )?;
        Ok(S::wrap(out))
    }

    fn choice_impl(
        &mut self,
        pop: Population,
        size: Option<Vec<isize>>,
        replace: bool,
        p: Option<Array>,
    ) -> Result<Array> {
        let count = sample_count(&size);
        let (pop_size, items) = match pop {
            Population::Range(n) => {
                if n <= 0 && count != 0 {
                    return Err(ArrayError::value(
                        "a must be greater than 0 unless no samples are taken",
                    ));
                }
                (n, None)
            }
            Population::Items(a) if a.ndim() == 0 => {
                if !a.dtype().is_integer() && a.dtype() != DType::Bool {
                    return Err(ArrayError::value("a must be 1-dimensional or an integer"));
                }
                return self.choice_impl(Population::Range(a.get(()).to_i64()), size, replace, p);
            }
            Population::Items(a) => {
                if a.ndim() != 1 {
                    return Err(ArrayError::value("a must be 1-dimensional"));
                }
                let n = a.shape()[0] as i64;
                if n == 0 && count != 0 {
                    return Err(ArrayError::value(
                        "'a' cannot be empty unless no samples are taken",
                    ));
                }
                (n, Some(a))
            }
        };
        let p = match p {
            Some(p) => Some(check_probs(&p, pop_size, &LEGACY)?),
            None => None,
        };
        let (idx, shape) = if replace {
            match p {
                Some(p) => {
                    let (shape, _) = resolve(size)?;
                    let n = shape.iter().product();
                    let mt = &mut self.mt;
                    let u = fill_f64(n, || mt.next_double());
                    (search_right(&cdf(&p), &u), shape)
                }
                None => {
                    let a = bounded_array(
                        &mut self.mt,
                        0,
                        pop_size as i128,
                        size,
                        DType::Int64,
                        Method::Masked,
                        "randint",
                    )?;
                    (a.to_vec::<i64>(), a.shape().to_vec())
                }
            }
        } else {
            if count > pop_size as i128 {
                return Err(ArrayError::value(
                    "Cannot take a larger sample than population when 'replace=False'",
                ));
            }
            if count < 0 {
                return Err(ArrayError::value("Negative dimensions are not allowed"));
            }
            let (shape, _) = resolve(size)?;
            let count = count as usize;
            let idx = match p {
                Some(mut p) => {
                    if p.iter().filter(|&&v| v > 0.0).count() < count {
                        return Err(ArrayError::value("Fewer non-zero entries in p than size"));
                    }
                    let mut found: Vec<i64> = Vec::with_capacity(count);
                    while found.len() < count {
                        let mt = &mut self.mt;
                        let x = fill_f64(count - found.len(), || mt.next_double());
                        for &f in &found {
                            p[f as usize] = 0.0;
                        }
                        let new = first_occurrences(&search_right(&cdf(&p), &x));
                        found.extend(new);
                    }
                    found
                }
                None => {
                    let perm = shuffle::permutation_range(&mut self.mt, pop_size);
                    perm.to_vec::<i64>()[..count].to_vec()
                }
            };
            (idx, shape)
        };
        Ok(match items {
            None => Array::from_vec(idx, shape),
            Some(a) => take_rows(&a, &idx, &shape),
        })
    }

    /// A shuffled copy of `x` along its first axis, or a shuffled `arange(n)` for an integer
    /// (`permutation(x)`).
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(42);
    /// assert_eq!(rs.permutation(5).to_vec::<i64>(), vec![1, 4, 2, 0, 3]);
    /// ```
    #[track_caller]
    pub fn permutation(&mut self, x: impl IntoPopulation) -> Array {
        self.try_permutation(x).or_panic()
    }

    /// Fallible form of [`RandomState::permutation`]: a 0-d array is NumPy's `IndexError`.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(42);
    /// assert!(rs.try_permutation(arraylib::Array::from_vec(vec![1.0], ())).is_err());
    /// ```
    pub fn try_permutation(&mut self, x: impl IntoPopulation) -> Result<Array> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(rs: &mut RandomState, x: Population) -> Result<Array> {
            match x {
                Population::Range(n) => Ok(shuffle::permutation_range(&mut rs.mt, n)),
                Population::Items(a) => {
                    if a.ndim() < 1 {
                        return Err(ArrayError::index(
                            "x must be an integer or at least 1-dimensional",
                        ));
                    }
                    Ok(shuffle::permuted_rows(&mut rs.mt, &a))
                }
            }
        }
        inner(self, x.into_population())
    }

    /// Shuffles `x` in place along its first axis (`shuffle(x)`); views are shuffled in
    /// their base's memory.
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// let a = arraylib::arange(10);
    /// rs.shuffle(&a);
    /// assert_eq!(arraylib::sum(&a).to_i64(), 45);
    /// ```
    #[track_caller]
    pub fn shuffle(&mut self, x: &Array) {
        self.try_shuffle(x).or_panic()
    }

    /// Fallible form of [`RandomState::shuffle`].
    ///
    /// ```
    /// let mut rs = arraylib::random::RandomState::new(0);
    /// let e = rs.try_shuffle(&arraylib::Array::from_vec(vec![1.0], ())).unwrap_err();
    /// assert_eq!(e.to_string(), "TypeError: len() of unsized object");
    /// ```
    pub fn try_shuffle(&mut self, x: &Array) -> Result<()> {
        shuffle::shuffle_array(&mut self.mt, x)
    }

    /// One standard normal value: polar Box-Muller, keeping the pair's second value for the
    /// next call as NumPy's `legacy_gauss` does.
    #[inline]
    fn gauss(&mut self) -> f64 {
        if let Some(g) = self.gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.mt.next_double() - 1.0;
            let x2 = 2.0 * self.mt.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.gauss = Some(f * x1);
                return f * x2;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array_equal;

    #[test]
    fn state_objects_are_independent() {
        let mut a = RandomState::new(5);
        let mut b = RandomState::new(5);
        let x = a.randn(3);
        let _ = RandomState::new(6).randn(10);
        assert!(array_equal(&x, b.randn(3)));
    }

    #[test]
    fn gauss_cache_is_cleared_by_seed() {
        let mut a = RandomState::new(1);
        a.randn(1);
        a.seed(1);
        let mut b = RandomState::new(1);
        assert!(array_equal(a.randn(2), b.randn(2)));
    }

    #[test]
    fn randint_stays_in_range_for_every_dtype() {
        let mut rs = RandomState::new(9);
        for dt in [DType::Int8, DType::Int16, DType::Int32, DType::Int64] {
            let x = rs.randint_dtype(-3, 5, 1000, dt);
            let v = x.astype(DType::Int64).to_vec::<i64>();
            assert!(v.iter().all(|&i| (-3..5).contains(&i)), "{dt}");
            assert_eq!(x.dtype(), dt);
        }
    }

    #[test]
    fn shuffle_permutes_rows_of_views() {
        let a = crate::arange(20).reshape([5, 4]);
        let v = a.slice(crate::s![.., 1..3]);
        RandomState::new(0).shuffle(&v);
        let rows = a.to_vec::<i64>();
        // Columns 0 and 3 are untouched; each shuffled row still holds a (4k+1, 4k+2) pair.
        for r in 0..5 {
            assert_eq!(rows[r * 4], 4 * r as i64);
            assert_eq!(rows[r * 4 + 3], 4 * r as i64 + 3);
            assert_eq!(rows[r * 4 + 2], rows[r * 4 + 1] + 1);
        }
    }

    #[test]
    fn choice_p_respects_zero_weights() {
        let mut rs = RandomState::new(2);
        let x = rs
            .choice(4, 500, true, [0.5, 0.0, 0.5, 0.0])
            .to_vec::<i64>();
        assert!(x.iter().all(|&i| i == 0 || i == 2));
        let y = rs.choice(4, 2, false, [0.5, 0.0, 0.5, 0.0]).to_vec::<i64>();
        let mut y2 = y.clone();
        y2.sort();
        assert_eq!(y2, vec![0, 2]);
    }
}
