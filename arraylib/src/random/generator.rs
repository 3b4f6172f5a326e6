//! `default_rng(seed)` and its `Generator`: PCG64 seeded through `SeedSequence`, with
//! NumPy's `Generator` algorithms (Lemire bounded integers, ziggurat normals), so a seed gives
//! NumPy's numbers.

use super::bounded::{self, BitGen, Method};
use super::choice::{
    GENERATOR, IntoPopulation, IntoProbs, Population, cdf, check_probs, first_occurrences,
    sample_count, search_right, take_rows,
};
use super::integers::{IntBound, bounded_array};
use super::pcg64::Pcg64;
use super::seed::{IntoSeed, SeedValue, entropy_words};
use super::size::{IntoSize, resolve};
use super::{fill_f64, shuffle, ziggurat};
use crate::error::OrPanic;
use crate::{Array, ArrayError, DType, Result};

/// NumPy's `np.random.Generator` over PCG64, made by [`default_rng`].
///
/// ```
/// use arraylib as np;
/// let mut rng = np::random::default_rng(42);
/// assert_eq!(rng.random(None).to_f64(), 0.7739560485559633);
/// assert_eq!(rng.integers(0, 10, 3).shape(), &[3]);
/// ```
#[derive(Clone)]
pub struct Generator {
    bitgen: Pcg64,
}

impl std::fmt::Debug for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Generator(PCG64)")
    }
}

/// A new [`Generator`] (`np.random.default_rng(seed)`): a non-negative integer, a sequence
/// of them, or `None` for fresh entropy. Panics on a negative seed.
///
/// ```
/// let mut rng = arraylib::random::default_rng(12345);
/// assert_eq!(rng.random(None).to_f64(), 0.22733602246716966);
/// ```
#[track_caller]
pub fn default_rng(seed: impl IntoSeed) -> Generator {
    try_default_rng(seed).or_panic()
}

/// Fallible form of [`default_rng`].
///
/// ```
/// let e = arraylib::random::try_default_rng(-1).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: expected non-negative integer");
/// ```
pub fn try_default_rng(seed: impl IntoSeed) -> Result<Generator> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(seed: SeedValue) -> Result<Generator> {
        let words = entropy_words(seed)?;
        Ok(Generator {
            bitgen: Pcg64::from_entropy(&words),
        })
    }
    inner(seed.into_seed())
}

impl Generator {
    /// Uniform floats in `[0, 1)` (`rng.random(size)`).
    ///
    /// ```
    /// let mut rng = arraylib::random::default_rng(0);
    /// assert_eq!(rng.random([2, 2]).shape(), &[2, 2]);
    /// ```
    #[track_caller]
    pub fn random<S: IntoSize>(&mut self, size: S) -> S::Output {
        self.try_random(size).or_panic()
    }

    /// Fallible form of [`Generator::random`].
    ///
    /// ```
    /// assert!(arraylib::random::default_rng(0).try_random(-2).is_err());
    /// ```
    pub fn try_random<S: IntoSize>(&mut self, size: S) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(rng: &mut Generator, size: Option<Vec<isize>>) -> Result<Array> {
            let (shape, _) = resolve(size)?;
            let n = shape.iter().product();
            let g = &mut rng.bitgen;
            Ok(Array::from_vec(fill_f64(n, || g.next_double()), shape))
        }
        Ok(S::wrap(inner(self, size.into_size())?))
    }

    /// Standard normal samples (`rng.standard_normal(size)`), by the ziggurat method.
    ///
    /// ```
    /// let mut rng = arraylib::random::default_rng(42);
    /// assert_eq!(rng.standard_normal(None).to_f64(), 0.30471707975443135);
    /// ```
    #[track_caller]
    pub fn standard_normal<S: IntoSize>(&mut self, size: S) -> S::Output {
        self.try_standard_normal(size).or_panic()
    }

    /// Fallible form of [`Generator::standard_normal`].
    ///
    /// ```
    /// assert!(arraylib::random::default_rng(0).try_standard_normal(3).is_ok());
    /// ```
    pub fn try_standard_normal<S: IntoSize>(&mut self, size: S) -> Result<S::Output> {
        Ok(S::wrap(self.normal_impl(0.0, 1.0, size.into_size())?))
    }

    /// Normal samples (`rng.normal(loc, scale, size)`); a negative `scale` is NumPy's
    /// `ValueError: scale < 0`.
    ///
    /// ```
    /// let mut rng = arraylib::random::default_rng(1);
    /// let x = rng.normal(3.0, 0.5, [10, 10]);
    /// assert!((arraylib::mean(&x).to_f64() - 3.0).abs() < 0.2);
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

    /// Fallible form of [`Generator::normal`].
    ///
    /// ```
    /// let e = arraylib::random::default_rng(1).try_normal(0, -1, 2).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: scale < 0");
    /// ```
    pub fn try_normal<S: IntoSize>(
        &mut self,
        loc: impl Into<f64>,
        scale: impl Into<f64>,
        size: S,
    ) -> Result<S::Output> {
        let a = self.normal_impl(loc.into(), scale.into(), size.into_size())?;
        Ok(S::wrap(a))
    }

    /// The body of [`Generator::try_normal`]: not generic, so it is compiled once here, not
    /// in every caller.
    fn normal_impl(&mut self, loc: f64, scale: f64, size: Option<Vec<isize>>) -> Result<Array> {
        super::check_non_negative(scale, "scale")?;
        let (shape, _) = resolve(size)?;
        let n = shape.iter().product();
        let g = &mut self.bitgen;
        let v = if loc == 0.0 && scale == 1.0 {
            fill_f64(n, || ziggurat::standard_normal(g))
        } else {
            fill_f64(n, || loc + scale * ziggurat::standard_normal(g))
        };
        Ok(Array::from_vec(v, shape))
    }

    /// Uniform samples in `[low, high)` (`rng.uniform(low, high, size)`).
    ///
    /// ```
    /// let x = arraylib::random::default_rng(0).uniform(-1, 1, 5);
    /// assert_eq!(x.shape(), &[5]);
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

    /// Fallible form of [`Generator::uniform`]: `high < low` is `ValueError: high - low <
    /// 0`, an infinite range an `OverflowError`.
    ///
    /// ```
    /// let e = arraylib::random::default_rng(0).try_uniform(1, 0, 5).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: high - low < 0");
    /// ```
    pub fn try_uniform<S: IntoSize>(
        &mut self,
        low: impl Into<f64>,
        high: impl Into<f64>,
        size: S,
    ) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(
            rng: &mut Generator,
            low: f64,
            high: f64,
            size: Option<Vec<isize>>,
        ) -> Result<Array> {
            let g = &mut rng.bitgen;
            super::uniform_values(
                low,
                high,
                size,
                "high - low range exceeds valid bounds",
                false,
                || g.next_double(),
            )
        }
        Ok(S::wrap(inner(
            self,
            low.into(),
            high.into(),
            size.into_size(),
        )?))
    }

    /// Random int64 values in `[low, high)` (`rng.integers(low, high, size)`).
    ///
    /// ```
    /// let mut rng = arraylib::random::default_rng(42);
    /// assert_eq!(rng.integers(0, 10, 5).to_vec::<i64>(), vec![0, 7, 6, 4, 4]);
    /// ```
    #[track_caller]
    pub fn integers<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
    ) -> S::Output {
        self.try_integers(low, high, size).or_panic()
    }

    /// Fallible form of [`Generator::integers`].
    ///
    /// ```
    /// let e = arraylib::random::default_rng(0).try_integers(2, 2, 1).unwrap_err();
    /// assert_eq!(e.to_string(), "ValueError: low >= high");
    /// ```
    pub fn try_integers<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
    ) -> Result<S::Output> {
        self.try_integers_dtype(low, high, size, DType::Int64)
    }

    /// [`Generator::integers`] with a dtype (`rng.integers(low, high, size, dtype=...)`).
    ///
    /// ```
    /// let x = arraylib::random::default_rng(0).integers_dtype(0, 256, 4, arraylib::uint8);
    /// assert_eq!(x.dtype(), arraylib::uint8);
    /// ```
    #[track_caller]
    pub fn integers_dtype<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
        dtype: DType,
    ) -> S::Output {
        self.try_integers_dtype(low, high, size, dtype).or_panic()
    }

    /// Fallible form of [`Generator::integers_dtype`].
    ///
    /// ```
    /// let mut rng = arraylib::random::default_rng(0);
    /// assert!(rng.try_integers_dtype(-1, 3, 2, arraylib::uint16).is_err());
    /// ```
    pub fn try_integers_dtype<S: IntoSize>(
        &mut self,
        low: impl IntBound,
        high: impl IntBound,
        size: S,
        dtype: DType,
    ) -> Result<S::Output> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(
            rng: &mut Generator,
            low: i128,
            high: i128,
            size: Option<Vec<isize>>,
            dtype: DType,
        ) -> Result<Array> {
            bounded_array(
                &mut rng.bitgen,
                low,
                high,
                size,
                dtype,
                Method::Lemire,
                "integers",
            )
        }
        let a = inner(self, low.to_i128(), high.to_i128(), size.into_size(), dtype)?;
        Ok(S::wrap(a))
    }

    /// A random sample from `a` (`rng.choice(a, size, replace, p)`): an integer `n` for
    /// `arange(n)`, or an array sampled along its first axis.
    ///
    /// ```
    /// let mut rng = arraylib::random::default_rng(0);
    /// let x = rng.choice(100, 5, false, None);
    /// assert_eq!(x.shape(), &[5]);
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

    /// Fallible form of [`Generator::choice`].
    ///
    /// ```
    /// let e = arraylib::random::default_rng(0).try_choice(0, None, true, None).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "ValueError: a must be a positive integer unless no samples are taken"
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
            Population::Items(a)
                if a.ndim() == 0 && (a.dtype().is_integer() || a.dtype() == DType::Bool) =>
            {
                return self.choice_impl(Population::Range(a.get(()).to_i64()), size, replace, p);
            }
            Population::Range(n) => {
                if n <= 0 && count != 0 {
                    return Err(ArrayError::value(
                        "a must be a positive integer unless no samples are taken",
                    ));
                }
                (n, None)
            }
            Population::Items(a) => {
                if a.ndim() == 0 {
                    return Err(ArrayError::value(
                        "a must be a sequence or an integer, not <class 'numpy.ndarray'>",
                    ));
                }
                let n = a.shape()[0] as i64;
                if n == 0 && count != 0 {
                    return Err(ArrayError::value(
                        "a cannot be empty unless no samples are taken",
                    ));
                }
                if size.is_none() && a.ndim() > 1 {
                    return Err(ArrayError::value(
                        "choice with size None needs a 1-dimensional a (give a size to sample rows)",
                    ));
                }
                (n, Some(a))
            }
        };
        let p = match p {
            Some(p) => Some(check_probs(&p, pop_size, &GENERATOR)?),
            None => None,
        };
        let (idx, shape) = if replace {
            match p {
                Some(p) => {
                    let (shape, _) = resolve(size)?;
                    let n = shape.iter().product();
                    let g = &mut self.bitgen;
                    let u = fill_f64(n, || g.next_double());
                    (search_right(&cdf(&p), &u), shape)
                }
                None => {
                    let a = bounded_array(
                        &mut self.bitgen,
                        0,
                        pop_size as i128,
                        size,
                        DType::Int64,
                        Method::Lemire,
                        "integers",
                    )?;
                    (a.to_vec::<i64>(), a.shape().to_vec())
                }
            }
        } else {
            if count > pop_size as i128 {
                return Err(ArrayError::value(
                    "Cannot take a larger sample than population when replace is False",
                ));
            }
            if count < 0 {
                return Err(ArrayError::value("negative dimensions are not allowed"));
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
                        let g = &mut self.bitgen;
                        let x = fill_f64(count - found.len(), || g.next_double());
                        for &f in &found {
                            p[f as usize] = 0.0;
                        }
                        found.extend(first_occurrences(&search_right(&cdf(&p), &x)));
                    }
                    found
                }
                None => self.sample_without_replacement(pop_size as u64, count as u64),
            };
            (idx, shape)
        };
        Ok(match items {
            None => Array::from_vec(idx, shape),
            Some(a) => take_rows(&a, &idx, &shape),
        })
    }

    /// `count` distinct values of `[0, pop)` in random order: a partial tail shuffle for
    /// large samples of large populations, else Floyd's algorithm then a shuffle, with
    /// NumPy's cut-offs so the same values come out.
    fn sample_without_replacement(&mut self, pop: u64, count: u64) -> Vec<i64> {
        let g = &mut self.bitgen;
        let lemire = |g: &mut Pcg64, max: u64| {
            let mut v = [0u64];
            bounded::fill_u64(g, 0, max, Method::Lemire, &mut v);
            v[0]
        };
        let shuffle_tail = |g: &mut Pcg64, data: &mut [i64], first: usize| {
            for i in (first..data.len()).rev() {
                let j = lemire(g, i as u64) as usize;
                data.swap(i, j);
            }
        };
        if pop > 10_000 && count > pop / 50 {
            let mut idx: Vec<i64> = (0..pop as i64).collect();
            shuffle_tail(g, &mut idx, (pop - count).max(1) as usize);
            return idx[(pop - count) as usize..].to_vec();
        }
        let set_size = (1.2 * count as f64) as u64;
        let mask = bounded::gen_mask(set_size);
        let mut hash_set = vec![u64::MAX; (mask + 1) as usize];
        let mut idx = vec![0i64; count as usize];
        for j in pop - count..pop {
            let val = lemire(g, j);
            let mut loc = (val & mask) as usize;
            while hash_set[loc] != u64::MAX && hash_set[loc] != val {
                loc = (loc + 1) & mask as usize;
            }
            let out = if hash_set[loc] == u64::MAX {
                hash_set[loc] = val;
                val
            } else {
                loc = (j & mask) as usize;
                while hash_set[loc] != u64::MAX {
                    loc = (loc + 1) & mask as usize;
                }
                hash_set[loc] = j;
                j
            };
            idx[(j + count - pop) as usize] = out as i64;
        }
        shuffle_tail(g, &mut idx, 1);
        idx
    }

    /// A shuffled `arange(n)`, or a shuffled copy of an array along its first axis
    /// (`rng.permutation(x)`).
    ///
    /// ```
    /// let mut rng = arraylib::random::default_rng(42);
    /// assert_eq!(rng.permutation(5).to_vec::<i64>(), vec![4, 2, 3, 1, 0]);
    /// ```
    #[track_caller]
    pub fn permutation(&mut self, x: impl IntoPopulation) -> Array {
        self.try_permutation(x).or_panic()
    }

    /// Fallible form of [`Generator::permutation`]: a 0-d array is NumPy's `AxisError`.
    ///
    /// ```
    /// let e = arraylib::random::default_rng(0)
    ///     .try_permutation(arraylib::Array::from_vec(vec![1.0], ()))
    ///     .unwrap_err();
    /// assert_eq!(e.to_string(), "AxisError: axis 0 is out of bounds for array of dimension 0");
    /// ```
    pub fn try_permutation(&mut self, x: impl IntoPopulation) -> Result<Array> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(rng: &mut Generator, x: Population) -> Result<Array> {
            match x {
                Population::Range(n) => Ok(shuffle::permutation_range(&mut rng.bitgen, n)),
                Population::Items(a) => {
                    if a.ndim() < 1 {
                        return Err(ArrayError::axis(0, 0));
                    }
                    Ok(shuffle::permuted_rows(&mut rng.bitgen, &a))
                }
            }
        }
        inner(self, x.into_population())
    }

    /// Shuffles `x` in place along its first axis (`rng.shuffle(x)`).
    ///
    /// ```
    /// let a = arraylib::arange(6);
    /// arraylib::random::default_rng(0).shuffle(&a);
    /// assert_eq!(arraylib::sum(&a).to_i64(), 15);
    /// ```
    #[track_caller]
    pub fn shuffle(&mut self, x: &Array) {
        self.try_shuffle(x).or_panic()
    }

    /// Fallible form of [`Generator::shuffle`].
    ///
    /// ```
    /// let a = arraylib::arange(3).broadcast_to([2, 3]);
    /// assert!(arraylib::random::default_rng(0).try_shuffle(&a).is_err());
    /// ```
    pub fn try_shuffle(&mut self, x: &Array) -> Result<()> {
        shuffle::shuffle_array(&mut self.bitgen, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array_equal;

    #[test]
    fn same_seed_same_numbers() {
        let draw = |g: &mut Generator| {
            vec![
                g.random(5),
                g.standard_normal(7),
                g.normal(2.0, 3.0, [2, 2]),
                g.uniform(-1, 1, 3),
                g.integers(0, 100, 6),
                g.integers_dtype(0, 7, 9, DType::UInt8),
                g.choice(50, 4, false, None),
                g.choice(5, 4, true, [0.1, 0.2, 0.3, 0.2, 0.2]),
                g.permutation(9),
            ]
        };
        let (mut a, mut b) = (default_rng(2024), default_rng(2024));
        for (x, y) in draw(&mut a).iter().zip(draw(&mut b).iter()) {
            assert!(array_equal(x, y));
        }
        let mut c = default_rng(2025);
        assert!(!array_equal(c.random(5), default_rng(2024).random(5)));
    }

    #[test]
    fn fresh_entropy_differs() {
        let a = default_rng(None).random(4);
        let b = default_rng(None).random(4);
        assert!(!array_equal(&a, &b));
    }

    #[test]
    fn shuffle_is_a_permutation_and_reproducible() {
        let a = crate::arange(100);
        default_rng(7).shuffle(&a);
        let b = crate::arange(100);
        default_rng(7).shuffle(&b);
        assert!(array_equal(&a, &b));
        let mut v = a.to_vec::<i64>();
        v.sort();
        assert_eq!(v, (0..100).collect::<Vec<i64>>());
    }

    #[test]
    fn sample_without_replacement_is_distinct() {
        let mut g = default_rng(3);
        for (pop, k) in [(10, 10), (20_000, 1_000), (20_000, 10), (1, 1)] {
            let mut v = g.choice(pop, k, false, None).to_vec::<i64>();
            v.sort();
            v.dedup();
            assert_eq!(v.len(), k as usize);
            assert!(v.iter().all(|&x| (0..pop).contains(&x)));
        }
    }

    #[test]
    fn normal_moments() {
        let x = default_rng(11).standard_normal(200_000);
        assert!(crate::mean(&x).to_f64().abs() < 0.01);
        assert!((crate::std(&x).to_f64() - 1.0).abs() < 0.01);
    }

    #[test]
    fn scalar_outputs() {
        let mut g = default_rng(1);
        assert_eq!(g.integers(0, 3, None).dtype(), DType::Int64);
        assert_eq!(g.random(None).dtype(), DType::Float64);
        assert_eq!(
            g.choice(crate::array![1.5, 2.5], None, true, None).dtype(),
            DType::Float64
        );
    }
}
