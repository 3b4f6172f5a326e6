//! Real symmetric matrices brought to tridiagonal form, and the eigenvalues of that form:
//! the two halves of `eigvalsh`, and the first half of `eigh`.
//!
//! - [`tridiagonalize`] is LAPACK's blocked `dsytrd`: each column reads the trailing matrix
//!   once (a symmetric matrix-vector product) and the trailing matrix is updated once per
//!   panel of columns by a matrix product. faer's unblocked reduction reads and writes the
//!   trailing matrix for every column, twice the memory traffic; at 500x500 this one takes
//!   about two thirds of its time.
//! - [`sterf`] is LAPACK's `dsterf`, the root-free QL/QR iteration of Pal, Walker and Kahan.
//!   A QR iteration that forms a Givens rotation (two square roots) per step, as faer's
//!   does, took 40% of `eigvalsh`; the root-free one works on the squared off-diagonal.

/// Columns per panel of [`tridiagonalize`], LAPACK's block size for `dsytrd`.
const PANEL: usize = 32;

/// Reduces the real symmetric `n x n` matrix whose lower triangle is stored column-major in
/// `a` to tridiagonal form `Qᵀ A Q` by Householder reflectors, as LAPACK's `dsytrd` with
/// `UPLO='L'`. On return the diagonal of `a` and its first subdiagonal hold the tridiagonal
/// matrix; below the subdiagonal, column `k` holds the essential part of reflector `k` (its
/// leading 1 implied at row `k + 1`), whose faer-style factor (`H = I - v vᵀ / tau`) is
/// `tau[k]`. That is the layout faer's own reduction leaves, so faer's routines apply `Q`.
pub(crate) fn tridiagonalize(a: &mut [f64], n: usize, tau: &mut [f64]) {
    tridiagonalize_with(Kernels::detect(), a, n, tau);
}

/// [`tridiagonalize`] with the given vector kernels (tests run both).
fn tridiagonalize_with(kernels: Kernels, a: &mut [f64], n: usize, tau: &mut [f64]) {
    assert!(a.len() >= n * n && tau.len() + 1 >= n);
    // W of LAPACK's `dlatrd`: row `r` is global row `k0 + r`, one column per panel column.
    let mut w = vec![0.0f64; n * PANEL];
    let mut coef = [0.0f64; 2 * PANEL];
    let mut pair = vec![0.0f64; 2 * n * 2 * PANEL];
    let mut beta = [0.0f64; PANEL];
    let mut k0 = 0;
    while k0 + 1 < n {
        let nb = PANEL.min(n - 1 - k0);
        let ldw = n - k0;
        for i in 0..nb {
            let k = k0 + i;
            // Column k, rows k.., gets the panel's earlier reflectors applied from both
            // sides: A[k.., k] -= V[k.., :i] W[k, :i]ᵀ + W[k.., :i] V[k, :i]ᵀ.
            {
                let (left, right) = a.split_at_mut(k * n);
                let mut cols: Vec<&[f64]> = Vec::with_capacity(2 * i);
                for c in 0..i {
                    coef[c] = -w[c * ldw + i];
                    coef[i + c] = -left[(k0 + c) * n + k];
                    cols.push(&left[(k0 + c) * n + k..(k0 + c + 1) * n]);
                }
                for c in 0..i {
                    cols.push(&w[c * ldw + i..(c + 1) * ldw]);
                }
                kernels.gemv_n(&mut right[k..n], &cols, &coef[..2 * i]);
            }
            if k + 1 == n {
                break;
            }
            // The reflector that clears column k below its subdiagonal.
            let info = {
                let (head, tail) = a[k * n + k + 1..(k + 1) * n].split_at_mut(1);
                let tail = faer::ColMut::from_slice_mut(tail);
                faer::linalg::householder::make_householder_in_place(&mut head[0], tail)
            };
            tau[k] = info.tau;
            let t = if info.tau.is_finite() {
                1.0 / info.tau
            } else {
                0.0
            };
            beta[i] = a[k * n + k + 1];
            a[k * n + k + 1] = 1.0;
            // w = t (A22 v - V (Wᵀ v) - W (Vᵀ v)), with A22 as it was before this panel.
            let p = n - k - 1;
            let (done, rest) = a.split_at_mut((k + 1) * n);
            let v = &done[k * n + k + 1..(k + 1) * n];
            let (w_done, w_rest) = w.split_at_mut(i * ldw);
            let wi = &mut w_rest[i + 1..ldw];
            kernels.symv_lower(&rest[k + 1..], n, p, v, wi);
            let mut cols: Vec<&[f64]> = Vec::with_capacity(2 * i);
            for c in 0..i {
                cols.push(&w_done[c * ldw + i + 1..(c + 1) * ldw]);
            }
            for c in 0..i {
                cols.push(&done[(k0 + c) * n + k + 1..(k0 + c + 1) * n]);
            }
            // coef = -(Wᵀ v, Vᵀ v), then w += [V W] coef.
            kernels.gemv_t(&mut coef[..2 * i], &cols, v);
            coef[..2 * i].iter_mut().for_each(|x| *x = -*x);
            cols.rotate_left(i);
            kernels.gemv_n(wi, &cols, &coef[..2 * i]);
            wi.iter_mut().for_each(|x| *x *= t);
            let alpha = -0.5 * t * kernels.dot(wi, v);
            kernels.gemv_n(wi, &[v], &[alpha]);
        }
        // The trailing matrix takes the whole panel at once: A22 -= V Wᵀ + W Vᵀ.
        let m = n - k0 - nb;
        if m > 0 {
            // Both operands in one buffer, allocated once: zeroing a fresh one per panel
            // cost more than the copies.
            let (lhs, rhs) = pair[..2 * m * 2 * nb].split_at_mut(m * 2 * nb);
            for c in 0..nb {
                let vc = &a[(k0 + c) * n + k0 + nb..(k0 + c + 1) * n];
                let wc = &w[c * ldw + nb..(c + 1) * ldw];
                lhs[c * m..(c + 1) * m].copy_from_slice(vc);
                lhs[(nb + c) * m..(nb + c + 1) * m].copy_from_slice(wc);
                rhs[c * m..(c + 1) * m].copy_from_slice(wc);
                rhs[(nb + c) * m..(nb + c + 1) * m].copy_from_slice(vc);
            }
            let lhs = faer::MatRef::from_column_major_slice(lhs, m, 2 * nb);
            let rhs = faer::MatRef::from_column_major_slice(rhs, m, 2 * nb);
            let start = (k0 + nb) * n + k0 + nb;
            let trailing =
                faer::MatMut::from_column_major_slice_with_stride_mut(&mut a[start..], m, m, n);
            faer::linalg::matmul::triangular::matmul(
                trailing,
                faer::linalg::matmul::triangular::BlockStructure::TriangularLower,
                faer::Accum::Add,
                lhs,
                faer::linalg::matmul::triangular::BlockStructure::Rectangular,
                rhs.transpose(),
                faer::linalg::matmul::triangular::BlockStructure::Rectangular,
                -1.0,
                faer::Par::Seq,
            );
        }
        for (i, &b) in beta[..nb].iter().enumerate() {
            a[(k0 + i) * n + k0 + i + 1] = b;
        }
        k0 += nb;
    }
}

/// The vector kernels of [`tridiagonalize`]: AVX2 with FMA where the CPU has them.
#[derive(Clone, Copy)]
struct Kernels {
    fma: bool,
}

impl Kernels {
    fn detect() -> Self {
        Kernels {
            fma: crate::operand::has_avx2_fma(),
        }
    }

    /// `y = A x` for the symmetric `m x m` matrix whose lower triangle is stored
    /// column-major at `a` with column stride `lda`; each element of the triangle is read once.
    fn symv_lower(self, a: &[f64], lda: usize, m: usize, x: &[f64], y: &mut [f64]) {
        if m == 0 {
            return;
        }
        assert!(a.len() >= (m - 1) * lda + m && x.len() >= m && y.len() >= m);
        #[cfg(target_arch = "x86_64")]
        if self.fma {
            // SAFETY: the CPU has AVX2 and FMA; the bounds are checked above.
            unsafe { symv_lower_fma(a, lda, m, x, y) };
            return;
        }
        y[..m].fill(0.0);
        for j in 0..m {
            let col = &a[j * lda..j * lda + m];
            let xj = x[j];
            let mut t = 0.0;
            for i in j + 1..m {
                y[i] += col[i] * xj;
                t += col[i] * x[i];
            }
            y[j] += col[j] * xj + t;
        }
    }

    fn dot(self, x: &[f64], y: &[f64]) -> f64 {
        #[cfg(target_arch = "x86_64")]
        if self.fma {
            // SAFETY: the CPU has AVX2 and FMA.
            return unsafe { dot_fma(x, y) };
        }
        x.iter().zip(y).map(|(a, b)| a * b).sum()
    }

    /// `y += Σ coef[c] cols[c]` (a matrix-vector product over the given columns).
    fn gemv_n(self, y: &mut [f64], cols: &[&[f64]], coef: &[f64]) {
        let m = y.len();
        assert!(cols.len() == coef.len() && cols.iter().all(|c| c.len() >= m));
        #[cfg(target_arch = "x86_64")]
        if self.fma {
            // SAFETY: the CPU has AVX2 and FMA; the lengths are checked above.
            return unsafe { gemv_n_fma(y, cols, coef) };
        }
        for (c, &s) in cols.iter().zip(coef) {
            y.iter_mut().zip(*c).for_each(|(y, x)| *y += s * x);
        }
    }

    /// `out[c] = cols[c] · v` (a transposed matrix-vector product over the given columns).
    fn gemv_t(self, out: &mut [f64], cols: &[&[f64]], v: &[f64]) {
        let m = v.len();
        assert!(cols.len() == out.len() && cols.iter().all(|c| c.len() >= m));
        #[cfg(target_arch = "x86_64")]
        if self.fma {
            // SAFETY: the CPU has AVX2 and FMA; the lengths are checked above.
            return unsafe { gemv_t_fma(out, cols, v) };
        }
        for (o, c) in out.iter_mut().zip(cols) {
            *o = self.dot(&c[..m], v);
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn dot_fma(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    let (mut a0, mut a1) = ([0.0f64; 4], [0.0f64; 4]);
    let (xc, yc) = (x[..n].chunks_exact(8), y[..n].chunks_exact(8));
    let tail = n - xc.remainder().len();
    for (xs, ys) in xc.zip(yc) {
        for l in 0..4 {
            a0[l] = xs[l].mul_add(ys[l], a0[l]);
            a1[l] = xs[l + 4].mul_add(ys[l + 4], a1[l]);
        }
    }
    let mut s = (a0[0] + a1[0]) + (a0[1] + a1[1]) + ((a0[2] + a1[2]) + (a0[3] + a1[3]));
    for i in tail..n {
        s = x[i].mul_add(y[i], s);
    }
    s
}

/// Pointers to a group of one to four columns; a short group repeats its last column, so
/// that the vector loops always run four wide (the extra results are dropped or zeroed).
fn group_pointers(group: &[&[f64]]) -> [*const f64; 4] {
    std::array::from_fn(|q| group[q.min(group.len() - 1)].as_ptr())
}

/// [`Kernels::gemv_n`] on AVX2: four columns per pass over `y`, so that each 4-row slice
/// of `y` is loaded and stored once per four columns.
///
/// # Safety
/// The CPU must have AVX2 and FMA; every column must have at least `y.len()` elements.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn gemv_n_fma(y: &mut [f64], cols: &[&[f64]], coef: &[f64]) {
    use std::arch::x86_64::*;
    let m = y.len();
    let py = y.as_mut_ptr();
    for (group, cg) in cols.chunks(4).zip(coef.chunks(4)) {
        let (g, pc) = (group.len(), group_pointers(group));
        // Missing columns of a short group get a zero coefficient.
        let s: [f64; 4] = std::array::from_fn(|q| if q < g { cg[q] } else { 0.0 });
        let sv = s.map(|x| _mm256_set1_pd(x));
        let mut i = 0;
        // SAFETY (loop bodies): `i + 3 < m` and then `i < m` index every column and `y`.
        unsafe {
            while i + 4 <= m {
                let mut acc = _mm256_loadu_pd(py.add(i));
                for q in 0..4 {
                    acc = _mm256_fmadd_pd(_mm256_loadu_pd(pc[q].add(i)), sv[q], acc);
                }
                _mm256_storeu_pd(py.add(i), acc);
                i += 4;
            }
            while i < m {
                let mut acc = *py.add(i);
                for q in 0..4 {
                    acc = (*pc[q].add(i)).mul_add(s[q], acc);
                }
                *py.add(i) = acc;
                i += 1;
            }
        }
    }
}

/// [`Kernels::gemv_t`] on AVX2: four dot products per pass over `v`.
///
/// # Safety
/// The CPU must have AVX2 and FMA; every column must have at least `v.len()` elements.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn gemv_t_fma(out: &mut [f64], cols: &[&[f64]], v: &[f64]) {
    use std::arch::x86_64::*;
    let m = v.len();
    let pv = v.as_ptr();
    for (group, og) in cols.chunks(4).zip(out.chunks_mut(4)) {
        let (g, pc) = (group.len(), group_pointers(group));
        let mut acc = [_mm256_setzero_pd(); 4];
        let mut i = 0;
        // SAFETY (loop bodies): `i + 3 < m` and then `i < m` index every column and `v`.
        unsafe {
            while i + 4 <= m {
                let x = _mm256_loadu_pd(pv.add(i));
                for q in 0..4 {
                    acc[q] = _mm256_fmadd_pd(_mm256_loadu_pd(pc[q].add(i)), x, acc[q]);
                }
                i += 4;
            }
            let mut sums = acc.map(|a| hsum(a));
            while i < m {
                let x = *pv.add(i);
                for (q, sq) in sums.iter_mut().enumerate() {
                    *sq = (*pc[q].add(i)).mul_add(x, *sq);
                }
                i += 1;
            }
            og.copy_from_slice(&sums[..g]);
        }
    }
}

/// The sum of a vector's four lanes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn hsum(v: std::arch::x86_64::__m256d) -> f64 {
    use std::arch::x86_64::*;
    let s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd::<1>(v));
    _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)))
}

/// [`Kernels::symv_lower`] on AVX2: four columns at a time, so that each 4-row slice of
/// `y` is loaded and stored once for 16 matrix elements.
///
/// # Safety
/// The CPU must have AVX2 and FMA; `a`, `x` and `y` must be as `symv_lower` checks.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn symv_lower_fma(a: &[f64], lda: usize, m: usize, x: &[f64], y: &mut [f64]) {
    use std::arch::x86_64::*;
    y[..m].fill(0.0);
    let (pa, px, py) = (a.as_ptr(), x.as_ptr(), y.as_mut_ptr());
    let mut j = 0;
    // SAFETY (whole body): every index is below `m` in a column of `lda >= m` elements
    // starting at `j * lda`, with `(m - 1) * lda + m <= a.len()`.
    unsafe {
        while j + 4 <= m {
            let col = |c: usize| pa.add((j + c) * lda);
            // The 4x4 block on the diagonal, element by element.
            for c in 0..4 {
                let xc = *px.add(j + c);
                *py.add(j + c) += *col(c).add(j + c) * xc;
                for r in c + 1..4 {
                    let v = *col(c).add(j + r);
                    *py.add(j + r) += v * xc;
                    *py.add(j + c) += v * *px.add(j + r);
                }
            }
            let xb = [
                _mm256_set1_pd(*px.add(j)),
                _mm256_set1_pd(*px.add(j + 1)),
                _mm256_set1_pd(*px.add(j + 2)),
                _mm256_set1_pd(*px.add(j + 3)),
            ];
            let mut t = [_mm256_setzero_pd(); 4];
            let mut i = j + 4;
            while i + 4 <= m {
                let xi = _mm256_loadu_pd(px.add(i));
                let mut yi = _mm256_loadu_pd(py.add(i));
                for c in 0..4 {
                    let v = _mm256_loadu_pd(col(c).add(i));
                    yi = _mm256_fmadd_pd(v, xb[c], yi);
                    t[c] = _mm256_fmadd_pd(v, xi, t[c]);
                }
                _mm256_storeu_pd(py.add(i), yi);
                i += 4;
            }
            let mut ts = [hsum(t[0]), hsum(t[1]), hsum(t[2]), hsum(t[3])];
            while i < m {
                let xi = *px.add(i);
                for (c, tc) in ts.iter_mut().enumerate() {
                    let v = *col(c).add(i);
                    *py.add(i) += v * *px.add(j + c);
                    *tc += v * xi;
                }
                i += 1;
            }
            for (c, tc) in ts.iter().enumerate() {
                *py.add(j + c) += tc;
            }
            j += 4;
        }
        while j < m {
            let col = pa.add(j * lda);
            let xj = *px.add(j);
            let mut t = 0.0;
            for i in j + 1..m {
                let v = *col.add(i);
                *py.add(i) += v * xj;
                t += v * *px.add(i);
            }
            *py.add(j) += *col.add(j) * xj + t;
            j += 1;
        }
    }
}

/// The LAPACK iteration limit: at most 30 sweeps per eigenvalue on average.
const MAX_SWEEPS: usize = 30;

/// Eigenvalues of the 2x2 symmetric matrix `[[a, b], [b, c]]`, larger magnitude first
/// (LAPACK's `dlae2`).
fn eig2(a: f64, b: f64, c: f64) -> (f64, f64) {
    let sm = a + c;
    let adf = (a - c).abs();
    let ab = (b + b).abs();
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        adf * (1.0 + (ab / adf).powi(2)).sqrt()
    } else if adf < ab {
        ab * (1.0 + (adf / ab).powi(2)).sqrt()
    } else {
        ab * std::f64::consts::SQRT_2
    };
    if sm == 0.0 {
        return (0.5 * rt, -0.5 * rt);
    }
    let rt1 = if sm < 0.0 {
        0.5 * (sm - rt)
    } else {
        0.5 * (sm + rt)
    };
    // The smaller one from the determinant, which keeps its relative accuracy.
    (rt1, (acmx / rt1) * acmn - (b / rt1) * b)
}

/// The Wilkinson-style shift from the leading 2x2 block `[[p, rte], [rte, q]]`.
fn shift(p: f64, q: f64, rte: f64) -> f64 {
    let sigma = (q - p) / (2.0 * rte);
    let r = sigma.hypot(1.0);
    p - rte / (sigma + r.copysign(sigma))
}

/// One implicit root-free QL (`ql`) or QR sweep over the unreduced block running from `l` to
/// `m`; `e2[k]` is the squared off-diagonal between `k` and `k + 1`.
///
/// The loop is bound by its chain of dependent operations, not by their number. LAPACK's
/// step forms `c = p / r` and `s = bb / r`, then `gamma = c (alpha - sigma) - s gamma'`, then
/// `p' = gamma^2 / c`: two divisions one after the other. With `num = p (alpha - sigma) -
/// bb gamma'` the same quantities are `gamma = num / r` and `p' = gamma (num / p)`: the two
/// divisions wait only for `num` and `r` and run side by side, so the chain from one `p` to
/// the next has one division instead of two, and `s` and `gamma` share `1 / r`. Measured on
/// `eigvalsh` of 500x500, the sweeps took a tenth less time. Rounding differs from LAPACK's
/// by an ulp or two per operation.
fn sweep(d: &mut [f64], e2: &mut [f64], l: usize, m: usize, ql: bool) {
    // The off-diagonal entry between `l` and its neighbour inside the block.
    let (next, off) = if ql { (l + 1, l) } else { (l - 1, l - 1) };
    let rte = e2[off].sqrt();
    let sigma = shift(d[l], d[next], rte);
    let mut s = 0.0f64;
    let mut gamma = d[m] - sigma;
    let mut p = gamma * gamma;
    // LAPACK's `c` of the previous step, as `p / r`, for the step where `c` is zero.
    let (mut prev_p, mut prev_r) = (1.0f64, 1.0f64);
    // Indices walk from `m` towards `l`: `i` is the entry eliminated, `alpha` the diagonal
    // entry reached, `back` where the new diagonal entry and the left-behind `e2` go.
    let count = m.abs_diff(l);
    for t in 0..count {
        let (i, alpha_at, back, e_back) = if ql {
            let i = m - 1 - t;
            (i, i, i + 1, i + 1)
        } else {
            let i = m + t;
            (i, i + 1, i, i.wrapping_sub(1))
        };
        let bb = e2[i];
        let alpha = d[alpha_at];
        let r = p + bb;
        if t != 0 {
            e2[e_back] = s * r;
        }
        let num = p * (alpha - sigma) - bb * gamma;
        let oldgam = gamma;
        // Two divisions side by side, which the compiler packs into one instruction; `s`
        // and `gamma` share `1 / r`, unless `r` is subnormal and has no finite reciprocal.
        let (rinv, num_over_p) = (1.0 / r, num / p);
        (gamma, s) = if rinv.is_finite() {
            (num * rinv, bb * rinv)
        } else {
            divide_both(num, bb, r)
        };
        d[back] = oldgam + (alpha - gamma);
        // Not finite when `p` is zero or `num / p` overflows: LAPACK's `c == 0`.
        let next_p = if num_over_p.is_finite() {
            gamma * num_over_p
        } else {
            zero_c_step(prev_p, prev_r, bb)
        };
        (prev_p, prev_r) = (p, r);
        p = next_p;
    }
    e2[off] = s * p;
    d[l] = sigma + gamma;
}

/// `(num / r, bb / r)`, out of line so that the common step divides once by `r`.
#[cold]
#[inline(never)]
fn divide_both(num: f64, bb: f64, r: f64) -> (f64, f64) {
    (num / r, bb / r)
}

/// LAPACK's `p` after a step whose `c` is zero: the previous `c` (`p / r` then) times `bb`.
/// Out of line so that the division happens only in this rare case, not in every step.
#[cold]
#[inline(never)]
fn zero_c_step(prev_p: f64, prev_r: f64, bb: f64) -> f64 {
    (prev_p / prev_r) * bb
}

/// Overwrites `d` (the diagonal, length n) with the eigenvalues in ascending order, given the
/// off-diagonal `e` (length n - 1, destroyed). Returns `false` when the iteration did not
/// converge (LAPACK's `info > 0`), which NumPy reports as "Eigenvalues did not converge".
pub(crate) fn sterf(d: &mut [f64], e: &mut [f64]) -> bool {
    let n = d.len();
    debug_assert!(e.len() + 1 >= n);
    if n <= 1 {
        return true;
    }
    let eps = f64::EPSILON / 2.0;
    let eps2 = eps * eps;
    // LAPACK keeps a block's norm below sqrt(overflow) and above sqrt(underflow) / eps^2, so
    // that squares stay in range. `sweep` also forms `p (alpha - sigma)`, a cube of the scale,
    // so the bounds here are tighter; an eigenvalue far below the norm is only known to
    // eps * norm anyway.
    let ssfmax = 2f64.powi(100);
    let ssfmin = 2f64.powi(-100);
    let max_iter = n * MAX_SWEEPS;
    let mut jtot = 0usize;
    let mut l1 = 0usize;
    while l1 < n {
        if l1 > 0 {
            e[l1 - 1] = 0.0;
        }
        // Split off the next unreduced block l..=m at a negligible off-diagonal.
        let mut m = l1;
        while m < n - 1 {
            if e[m].abs() <= d[m].abs().sqrt() * d[m + 1].abs().sqrt() * eps {
                e[m] = 0.0;
                break;
            }
            m += 1;
        }
        let (lsv, lendsv) = (l1, m);
        l1 = m + 1;
        if lendsv == lsv {
            continue;
        }
        // Scale the block into a safe range before squaring the off-diagonal.
        let block = lsv..=lendsv;
        let anorm = d[block.clone()]
            .iter()
            .chain(&e[lsv..lendsv])
            .fold(0.0f64, |a, &x| {
                if x.abs() > a || x.is_nan() {
                    x.abs()
                } else {
                    a
                }
            });
        if anorm == 0.0 {
            continue;
        }
        let scale = if anorm > ssfmax {
            ssfmax / anorm
        } else if anorm < ssfmin {
            ssfmin / anorm
        } else {
            1.0
        };
        if scale != 1.0 {
            d[block.clone()].iter_mut().for_each(|x| *x *= scale);
            e[lsv..lendsv].iter_mut().for_each(|x| *x *= scale);
        }
        e[lsv..lendsv].iter_mut().for_each(|x| *x *= *x);
        // QL when the larger end is at the bottom, QR otherwise.
        let ql = d[lendsv].abs() >= d[lsv].abs();
        let (mut l, lend) = if ql { (lsv, lendsv) } else { (lendsv, lsv) };
        loop {
            if ql {
                if l > lend {
                    break;
                }
                let mut m = l;
                while m < lend && e[m].abs() > eps2 * (d[m] * d[m + 1]).abs() {
                    m += 1;
                }
                if m < lend {
                    e[m] = 0.0;
                }
                if m == l {
                    l += 1;
                    continue;
                }
                if m == l + 1 {
                    let (rt1, rt2) = eig2(d[l], e[l].sqrt(), d[l + 1]);
                    d[l] = rt1;
                    d[l + 1] = rt2;
                    e[l] = 0.0;
                    l += 2;
                    continue;
                }
                if jtot == max_iter {
                    break;
                }
                jtot += 1;
                sweep(d, e, l, m, true);
            } else {
                if l < lend {
                    break;
                }
                let mut m = l;
                while m > lend && e[m - 1].abs() > eps2 * (d[m] * d[m - 1]).abs() {
                    m -= 1;
                }
                if m > lend {
                    e[m - 1] = 0.0;
                }
                if m == l {
                    if l == 0 {
                        break;
                    }
                    l -= 1;
                    continue;
                }
                if m + 1 == l {
                    let (rt1, rt2) = eig2(d[l], e[l - 1].sqrt(), d[l - 1]);
                    d[l] = rt1;
                    d[l - 1] = rt2;
                    e[l - 1] = 0.0;
                    if l < 2 {
                        break;
                    }
                    l -= 2;
                    continue;
                }
                if jtot == max_iter {
                    break;
                }
                jtot += 1;
                sweep(d, e, l, m, false);
            }
        }
        if scale != 1.0 {
            d[block].iter_mut().for_each(|x| *x /= scale);
        }
        if jtot >= max_iter {
            return e[..n - 1].iter().all(|&x| x == 0.0);
        }
    }
    d.sort_by(f64::total_cmp);
    true
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Eigenvalues by bisection on Sturm counts, a slow independent reference. The matrix is
    /// scaled to norm about 1 first so that the squares in the Sturm sequence cannot underflow.
    pub(in crate::linalg) fn bisect(d: &[f64], e: &[f64]) -> Vec<f64> {
        let n = d.len();
        let norm = d.iter().chain(e).fold(0.0f64, |a, x| a.max(x.abs()));
        let d: Vec<f64> = d.iter().map(|x| x / norm).collect();
        let e: Vec<f64> = e.iter().map(|x| x / norm).collect();
        let bound = d
            .iter()
            .enumerate()
            .map(|(i, x)| {
                x.abs()
                    + if i > 0 { e[i - 1].abs() } else { 0.0 }
                    + if i + 1 < n { e[i].abs() } else { 0.0 }
            })
            .fold(0.0, f64::max);
        let below = |x: f64| {
            let mut count = 0;
            let mut q = 1.0;
            for i in 0..n {
                let off = if i > 0 { e[i - 1] * e[i - 1] / q } else { 0.0 };
                q = d[i] - x - off;
                if q == 0.0 {
                    q = -f64::MIN_POSITIVE;
                }
                if q < 0.0 {
                    count += 1;
                }
            }
            count
        };
        (0..n)
            .map(|k| {
                let (mut lo, mut hi) = (-bound * 1.01, bound * 1.01);
                loop {
                    let mid = 0.5 * (lo + hi);
                    if mid <= lo || mid >= hi {
                        break;
                    }
                    if below(mid) > k { hi = mid } else { lo = mid }
                }
                0.5 * (lo + hi) * norm
            })
            .collect()
    }

    fn check(d: Vec<f64>, e: Vec<f64>) {
        let want = bisect(&d, &e);
        let (mut dd, mut ee) = (d.clone(), e.clone());
        assert!(sterf(&mut dd, &mut ee));
        let scale = want.iter().fold(1e-300f64, |a, x| a.max(x.abs()));
        for (g, w) in dd.iter().zip(&want) {
            assert!((g - w).abs() <= 1e-12 * scale, "{dd:?} vs {want:?}");
        }
    }

    #[test]
    fn matches_bisection() {
        check(vec![2.0, 2.0], vec![1.0]);
        check(vec![1.0, 2.0, 3.0], vec![0.0, 0.0]);
        check(vec![4.0, 1.0, -3.0, 2.0], vec![1.0, 2.0, 0.5]);
        // Larger end first, so the QR direction is taken.
        check(vec![9.0, 1.0, 0.5, 0.1, 0.0], vec![1.0, 1.0, 1.0, 1.0]);
        check(vec![0.0, 0.1, 0.5, 1.0, 9.0], vec![1.0, 1.0, 1.0, 1.0]);
        // Pseudo-random blocks, with a split in the middle and tiny and huge scales.
        let mut x = 12345u64;
        let mut rnd = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        // Graded over 180 orders of magnitude: the small end is far below the norm.
        let d: Vec<f64> = (0..60).map(|i| 10f64.powi(-3 * i)).collect();
        let e: Vec<f64> = (0..59).map(|i| 0.5 * 10f64.powi(-3 * i - 1)).collect();
        check(d, e);
        for n in [3usize, 7, 40, 101] {
            let d: Vec<f64> = (0..n).map(|_| rnd()).collect();
            let mut e: Vec<f64> = (0..n - 1).map(|_| rnd()).collect();
            check(d.clone(), e.clone());
            e[n / 2] = 0.0;
            check(d.clone(), e.clone());
            for s in [1e-300, 1e-200, 1e-40, 1e40, 1e200, 1e300] {
                check(
                    d.iter().map(|v| v * s).collect(),
                    e.iter().map(|v| v * s).collect(),
                );
            }
        }
    }

    /// The tridiagonal form of a pseudo-random symmetric matrix, by the given kernels.
    fn reduce(kernels: Kernels, n: usize) -> (Vec<f64>, Vec<f64>) {
        let mut a = vec![0.0; n * n];
        let mut x = 99u64;
        for j in 0..n {
            for i in j..n {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                a[j * n + i] = (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            }
        }
        let mut tau = vec![0.0; n - 1];
        tridiagonalize_with(kernels, &mut a, n, &mut tau);
        let d = (0..n).map(|i| a[i * n + i]).collect();
        let e = (1..n).map(|i| a[(i - 1) * n + i]).collect();
        (d, e)
    }

    #[test]
    fn portable_kernels_match_the_vector_ones() {
        // 75 columns: two full panels and a short one; the eigenvalues must agree too.
        let (d0, e0) = reduce(Kernels::detect(), 75);
        let (d1, e1) = reduce(Kernels { fma: false }, 75);
        for (x, y) in d0.iter().chain(&e0).zip(d1.iter().chain(&e1)) {
            assert!((x - y).abs() < 1e-12, "{x} vs {y}");
        }
        let (mut w0, mut w1) = (d0.clone(), d1.clone());
        assert!(sterf(&mut w0, &mut e0.clone()) && sterf(&mut w1, &mut e1.clone()));
        let want = bisect(&d0, &e0);
        for ((a, b), c) in w0.iter().zip(&w1).zip(&want) {
            assert!((a - c).abs() < 1e-12 && (b - c).abs() < 1e-12);
        }
    }

    #[test]
    fn wilkinson_matrix() {
        // W21+: eigenvalues come in nearly equal pairs, a hard case for the split tests.
        let d: Vec<f64> = (0..21).map(|i| (10i32 - i).abs() as f64).collect();
        check(d, vec![1.0; 20]);
    }
}
