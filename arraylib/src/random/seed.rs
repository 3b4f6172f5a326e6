//! Seeds: what `np.random.seed(...)`, `RandomState(...)` and `default_rng(...)` accept.

use crate::{ArrayError, Result};

/// A seed as given: one integer, a sequence of integers, or fresh entropy (`None`).
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeedValue {
    /// One integer.
    Int(i128),
    /// A sequence of integers.
    Array(Vec<i128>),
    /// No seed: draw fresh entropy from the operating system.
    Fresh,
}

/// A seed: an integer (`42`), a sequence of integers (`[1, 2, 3]`, `vec![..]`, `&[..]`), or
/// `None` for fresh, unpredictable entropy.
///
/// ```
/// use arraylib as np;
/// np::random::seed(42);
/// np::random::seed([1, 2, 3]);
/// np::random::seed(None);
/// ```
pub trait IntoSeed {
    /// The seed as a [`SeedValue`].
    #[doc(hidden)]
    fn into_seed(self) -> SeedValue;
}

macro_rules! seed_impls {
    ($($t:ty),*) => {$(
        impl IntoSeed for $t {
            fn into_seed(self) -> SeedValue { SeedValue::Int(self as i128) }
        }
        impl<const N: usize> IntoSeed for [$t; N] {
            fn into_seed(self) -> SeedValue {
                SeedValue::Array(self.iter().map(|&v| v as i128).collect())
            }
        }
        impl<const N: usize> IntoSeed for &[$t; N] {
            fn into_seed(self) -> SeedValue {
                SeedValue::Array(self.iter().map(|&v| v as i128).collect())
            }
        }
        impl IntoSeed for &[$t] {
            fn into_seed(self) -> SeedValue {
                SeedValue::Array(self.iter().map(|&v| v as i128).collect())
            }
        }
        impl IntoSeed for Vec<$t> {
            fn into_seed(self) -> SeedValue {
                SeedValue::Array(self.iter().map(|&v| v as i128).collect())
            }
        }
        impl IntoSeed for &Vec<$t> {
            fn into_seed(self) -> SeedValue {
                SeedValue::Array(self.iter().map(|&v| v as i128).collect())
            }
        }
    )*};
}

seed_impls!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, usize);

impl IntoSeed for Option<u64> {
    fn into_seed(self) -> SeedValue {
        match self {
            Some(v) => SeedValue::Int(v as i128),
            None => SeedValue::Fresh,
        }
    }
}

impl IntoSeed for SeedValue {
    fn into_seed(self) -> SeedValue {
        self
    }
}

/// The legacy seeding: one word for `seed(int)`, the key for `init_by_array`.
pub(crate) enum LegacySeed {
    Word(u32),
    Key(Vec<u32>),
}

fn legacy_range_error() -> ArrayError {
    ArrayError::value("Seed must be between 0 and 2**32 - 1")
}

/// Checks a seed for `RandomState` as NumPy's `_legacy_seeding` does.
pub(crate) fn legacy_seed(seed: SeedValue) -> Result<LegacySeed> {
    match seed {
        SeedValue::Int(v) => u32::try_from(v)
            .map(LegacySeed::Word)
            .map_err(|_| legacy_range_error()),
        SeedValue::Array(vs) => {
            if vs.is_empty() {
                return Err(ArrayError::value("Seed must be non-empty"));
            }
            vs.iter()
                .map(|&v| u32::try_from(v).map_err(|_| legacy_range_error()))
                .collect::<Result<Vec<u32>>>()
                .map(LegacySeed::Key)
        }
        SeedValue::Fresh => Ok(LegacySeed::Key(fresh_entropy())),
    }
}

/// 128 bits of unpredictable entropy, from the operating system's randomness that seeds the
/// standard library's hash maps, mixed with the clock.
pub(crate) fn fresh_entropy() -> Vec<u32> {
    use std::hash::{BuildHasher, Hasher};
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mut words = Vec::with_capacity(4);
    for i in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(nanos ^ i);
        let x = h.finish();
        words.push(x as u32);
        words.push((x >> 32) as u32);
    }
    words
}

/// The entropy words `SeedSequence` mixes: each integer split into 32-bit words, lowest
/// first (`0` is one zero word), as NumPy's `_coerce_to_uint32_array`.
pub(crate) fn entropy_words(seed: SeedValue) -> Result<Vec<u32>> {
    fn words(v: i128, out: &mut Vec<u32>) -> Result<()> {
        if v < 0 {
            return Err(ArrayError::value("expected non-negative integer"));
        }
        if v == 0 {
            out.push(0);
        }
        let mut n = v as u128;
        while n > 0 {
            out.push(n as u32);
            n >>= 32;
        }
        Ok(())
    }
    let mut out = Vec::new();
    match seed {
        SeedValue::Int(v) => words(v, &mut out)?,
        SeedValue::Array(vs) => {
            for v in vs {
                words(v, &mut out)?;
            }
        }
        SeedValue::Fresh => out = fresh_entropy(),
    }
    Ok(out)
}
