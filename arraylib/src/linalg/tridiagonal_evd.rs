//! Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by Cuppen's divide
//! and conquer, as LAPACK's `dstedc` with `COMPZ='I'` (its `dlaed0` to `dlaed3`): the middle
//! step of `eigh`.
//!
//! faer has a divide and conquer of its own. Measured on `eigh` of 500x500, its secular
//! equation solver took a fifth of the time, and its merges multiply every column, deflated
//! or not, by full matrices. This one follows LAPACK: the secular solver of
//! [`secular_root`], and merge products that skip deflated columns and the zero blocks of
//! the halves' eigenvectors.

use super::norms::sum_sq;
use super::secular::secular_root;

/// Largest block solved directly by QL iteration (LAPACK's `SMLSIZ`).
const LEAF: usize = 25;

/// `c = a b` for column-major `a` (`m x k`, leading dimension `lda`), `b` (`k x n`, `ldb`)
/// and `c` (`m x n`, `ldc`), overwriting `c`.
#[allow(clippy::too_many_arguments)]
fn gemm(
    m: usize,
    n: usize,
    k: usize,
    a: &[f64],
    lda: usize,
    b: &[f64],
    ldb: usize,
    c: &mut [f64],
    ldc: usize,
) {
    let a = faer::MatRef::from_column_major_slice_with_stride(a, m, k, lda);
    let b = faer::MatRef::from_column_major_slice_with_stride(b, k, n, ldb);
    let c = faer::MatMut::from_column_major_slice_with_stride_mut(c, m, n, ldc);
    faer::linalg::matmul::matmul(c, faer::Accum::Replace, a, b, 1.0, faer::Par::Seq);
}

/// Eigenvalues (ascending, into `d`) and eigenvectors (the columns of the column-major
/// `n x n` matrix `q`) of the symmetric tridiagonal matrix with diagonal `d` and
/// off-diagonal `e` (`n - 1` values; overwritten). `false` if an iteration did not converge.
pub(crate) fn tridiagonal_eigh(d: &mut [f64], e: &mut [f64], q: &mut [f64]) -> bool {
    let n = d.len();
    assert!(q.len() >= n * n && e.len() + 1 >= n);
    q[..n * n].fill(0.0);
    for i in 0..n {
        q[i * n + i] = 1.0;
    }
    if !d
        .iter()
        .chain(e.iter().take(n.saturating_sub(1)))
        .all(|v| v.is_finite())
    {
        return false;
    }
    if n <= 1 {
        return true;
    }
    let eps = f64::EPSILON * 0.5;
    let mut ws = Workspace::new(n);
    let mut start = 0;
    while start < n {
        // An off-diagonal this small next to its diagonal neighbours splits the matrix.
        let mut finish = start;
        while finish + 1 < n {
            let tiny = eps * d[finish].abs().sqrt() * d[finish + 1].abs().sqrt();
            if e[finish].abs() > tiny {
                finish += 1;
            } else {
                break;
            }
        }
        let m = finish + 1 - start;
        let (db, eb) = (&mut d[start..=finish], &mut e[start..finish]);
        let qb = &mut q[start * n + start..];
        if m > LEAF {
            // Scaled to norm 1, as `dstedc` does, so that the deflation tolerances are
            // relative ones.
            let norm = db
                .iter()
                .chain(eb.iter())
                .fold(0.0f64, |acc, v| acc.max(v.abs()));
            if !norm.is_finite() {
                return false;
            }
            if norm > 0.0 {
                db.iter_mut().chain(eb.iter_mut()).for_each(|v| *v /= norm);
                if !divide_and_conquer(db, eb, qb, n, &mut ws) {
                    return false;
                }
                db.iter_mut().for_each(|v| *v *= norm);
            }
        } else if m > 1 && !ql_implicit(db, eb, qb, n) {
            return false;
        }
        start = finish + 1;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| d[a].total_cmp(&d[b]));
    permute(d, q, n, n, &order, &mut ws.q2);
    true
}

/// Scratch space for the merges, sized once for the whole matrix.
struct Workspace {
    z: Vec<f64>,
    dlamda: Vec<f64>,
    w: Vec<f64>,
    tmp: Vec<f64>,
    q2: Vec<f64>,
    s: Vec<f64>,
    indx: Vec<usize>,
    indxc: Vec<usize>,
    indxp: Vec<usize>,
    coltyp: Vec<usize>,
}

impl Workspace {
    fn new(n: usize) -> Self {
        Workspace {
            z: vec![0.0; n],
            dlamda: vec![0.0; n],
            w: vec![0.0; n],
            tmp: vec![0.0; n],
            q2: vec![0.0; n * n + n],
            s: vec![0.0; n * n],
            indx: vec![0; n],
            indxc: vec![0; n],
            indxp: vec![0; n],
            coltyp: vec![0; n],
        }
    }
}

/// Reorders `d` and the first `m` columns (rows `0..m`, leading dimension `ldq`) of `q` so
/// that position `i` takes what was at `order[i]`.
fn permute(d: &mut [f64], q: &mut [f64], ldq: usize, m: usize, order: &[usize], buf: &mut [f64]) {
    if order.iter().enumerate().all(|(i, &o)| i == o) {
        return;
    }
    for (i, &o) in order.iter().enumerate() {
        buf[i * m..(i + 1) * m].copy_from_slice(&q[o * ldq..o * ldq + m]);
    }
    for i in 0..m {
        q[i * ldq..i * ldq + m].copy_from_slice(&buf[i * m..(i + 1) * m]);
    }
    let old: Vec<f64> = d.to_vec();
    for (i, &o) in order.iter().enumerate() {
        d[i] = old[o];
    }
}

/// The order that sorts `vals[..n1]` (ascending) merged with `vals[n1..]` (ascending, or
/// descending when `second_desc`), as LAPACK's `dlamrg`: `out[i]` is an index into `vals`.
fn merge_order(vals: &[f64], n1: usize, second_desc: bool, out: &mut [usize]) {
    let n = vals.len();
    let mut i = 0;
    let mut j = 0;
    let second = |j: usize| if second_desc { n - 1 - j } else { n1 + j };
    for slot in out.iter_mut().take(n) {
        let take_first = if i == n1 {
            false
        } else if j == n - n1 {
            true
        } else {
            vals[i] <= vals[second(j)]
        };
        if take_first {
            *slot = i;
            i += 1;
        } else {
            *slot = second(j);
            j += 1;
        }
    }
}

/// The implicit QL iteration with Wilkinson shifts on a small block, accumulating the
/// rotations into the block's columns of `q` (which hold the identity on entry).
fn ql_implicit(d: &mut [f64], e_in: &mut [f64], q: &mut [f64], ldq: usize) -> bool {
    let m = d.len();
    let mut e = [0.0f64; LEAF + 1];
    e[..m - 1].copy_from_slice(&e_in[..m - 1]);
    let eps = f64::EPSILON * 0.5;
    for l in 0..m {
        let mut iter = 0;
        loop {
            let mut mm = l;
            while mm + 1 < m {
                let dd = d[mm].abs() + d[mm + 1].abs();
                if e[mm].abs() <= eps * dd {
                    break;
                }
                mm += 1;
            }
            if mm == l {
                break;
            }
            iter += 1;
            if iter > 30 || !e[l].is_finite() {
                return false;
            }
            let mut g = (d[l + 1] - d[l]) / (2.0 * e[l]);
            let mut r = g.hypot(1.0);
            g = d[mm] - d[l] + e[l] / (g + r.copysign(g));
            let (mut s, mut c, mut p) = (1.0f64, 1.0f64, 0.0f64);
            let mut underflow = false;
            for i in (l..mm).rev() {
                let f = s * e[i];
                let b = c * e[i];
                r = f.hypot(g);
                e[i + 1] = r;
                if r == 0.0 {
                    d[i + 1] -= p;
                    e[mm] = 0.0;
                    underflow = true;
                    break;
                }
                s = f / r;
                c = g / r;
                g = d[i + 1] - p;
                r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
                let (left, right) = q.split_at_mut((i + 1) * ldq);
                let qi = &mut left[i * ldq..i * ldq + m];
                let qj = &mut right[..m];
                for (x, y) in qi.iter_mut().zip(qj.iter_mut()) {
                    let f = *y;
                    *y = s * *x + c * f;
                    *x = c * *x - s * f;
                }
            }
            if underflow {
                continue;
            }
            d[l] -= p;
            e[l] = g;
            e[mm] = 0.0;
        }
    }
    e_in[..m - 1].copy_from_slice(&e[..m - 1]);
    true
}

/// LAPACK's `dlaed0` for one unreduced block of norm 1: tear it into leaves by rank-one
/// cuts, solve the leaves, and merge them pairwise back up.
fn divide_and_conquer(
    d: &mut [f64],
    e: &mut [f64],
    q: &mut [f64],
    ldq: usize,
    ws: &mut Workspace,
) -> bool {
    let m = d.len();
    // Every level halves every block (the smaller half first), so the block count is a
    // power of two and the merges pair up exactly.
    let mut sizes = vec![m];
    while sizes.iter().any(|&s| s > LEAF) {
        sizes = sizes.iter().flat_map(|&s| [s / 2, s.div_ceil(2)]).collect();
    }
    let mut bounds = Vec::with_capacity(sizes.len() + 1);
    bounds.push(0);
    for s in &sizes {
        bounds.push(bounds[bounds.len() - 1] + s);
    }
    for &b in &bounds[1..bounds.len() - 1] {
        let r = e[b - 1].abs();
        d[b - 1] -= r;
        d[b] -= r;
    }
    let mut indxq = vec![0usize; m];
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !ql_implicit(&mut d[a..b], &mut e[a..b - 1], &mut q[a * ldq + a..], ldq) {
            return false;
        }
        let block = &d[a..b];
        let order = &mut indxq[a..b];
        order.iter_mut().enumerate().for_each(|(i, o)| *o = i);
        order.sort_by(|&x, &y| block[x].total_cmp(&block[y]));
    }
    while bounds.len() > 2 {
        let mut next = vec![0];
        for t in (0..bounds.len() - 1).step_by(2) {
            let (a, mid, b) = (bounds[t], bounds[t + 1], bounds[t + 2]);
            let rho = e[mid - 1];
            if !merge(
                &mut d[a..b],
                &mut q[a * ldq + a..],
                ldq,
                &mut indxq[a..b],
                rho,
                mid - a,
                ws,
            ) {
                return false;
            }
            next.push(b);
        }
        bounds = next;
    }
    let order = indxq.clone();
    permute(d, q, ldq, m, &order, &mut ws.q2);
    true
}

/// The eigenvectors of `diag(dlamda) + rho w wᵀ` (`k x k`, column-major) from the
/// differences `dlamda[i] - lambda[j]` that `s` holds on entry, as LAPACK's `dlaed3`: first
/// `w` is recomputed from the computed eigenvalues (Löwner's formula), so that the vectors
/// come out orthogonal to working precision; row `i` of the result is the vector's entry
/// for the pole `indxc[i]`.
fn rank_one_eigenvectors(
    s: &mut [f64],
    dlamda: &[f64],
    w: &mut [f64],
    tmp: &mut [f64],
    indxc: &[usize],
) {
    #[cfg(target_arch = "x86_64")]
    if crate::operand::has_avx2_fma() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { rank_one_eigenvectors_avx2(s, dlamda, w, tmp, indxc) };
    }
    rank_one_eigenvectors_any(s, dlamda, w, tmp, indxc)
}

/// [`rank_one_eigenvectors`] compiled for AVX2: its two `k x k` passes are divisions, four
/// to an instruction here.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn rank_one_eigenvectors_avx2(
    s: &mut [f64],
    dlamda: &[f64],
    w: &mut [f64],
    tmp: &mut [f64],
    indxc: &[usize],
) {
    rank_one_eigenvectors_any(s, dlamda, w, tmp, indxc)
}

#[inline(always)]
fn rank_one_eigenvectors_any(
    s: &mut [f64],
    dlamda: &[f64],
    w: &mut [f64],
    tmp: &mut [f64],
    indxc: &[usize],
) {
    let k = dlamda.len();
    let tmp = &mut tmp[..k];
    tmp.copy_from_slice(w);
    for i in 0..k {
        w[i] = s[i * k + i];
    }
    for (j, col) in s.chunks_exact(k).enumerate() {
        let dj = dlamda[j];
        let scale = |w: &mut [f64], col: &[f64], dl: &[f64]| {
            for ((wi, &ci), &li) in w.iter_mut().zip(col).zip(dl) {
                *wi *= ci / (li - dj);
            }
        };
        scale(&mut w[..j], &col[..j], &dlamda[..j]);
        scale(&mut w[j + 1..], &col[j + 1..], &dlamda[j + 1..]);
    }
    for (wi, &old) in w.iter_mut().zip(tmp.iter()) {
        *wi = (-*wi).sqrt().copysign(old);
    }
    for col in s.chunks_exact_mut(k) {
        for ((t, &wi), &ci) in tmp.iter_mut().zip(w.iter()).zip(col.iter()) {
            *t = wi / ci;
        }
        let inv = 1.0 / sum_sq(tmp).sqrt();
        for (ci, &from) in col.iter_mut().zip(indxc) {
            *ci = tmp[from] * inv;
        }
    }
}

/// Column kinds in a merge: nonzero only in the first half's rows, in both halves, only in
/// the second half's, and deflated. The products skip the zero blocks.
const TOP: usize = 0;
const BOTH: usize = 1;
const BOTTOM: usize = 2;
const DEFLATED: usize = 3;

/// LAPACK's `dlaed1` (with `dlaed2` and `dlaed3`): from the eigensystems of the two halves
/// (`n1` and `m - n1`, each sorted by its part of `indxq`), the eigensystem of the block
/// they form with the coupling `rho`. On return `indxq` sorts the block's eigenvalues.
#[allow(clippy::too_many_arguments)]
fn merge(
    d: &mut [f64],
    q: &mut [f64],
    ldq: usize,
    indxq: &mut [usize],
    rho: f64,
    n1: usize,
    ws: &mut Workspace,
) -> bool {
    let m = d.len();
    let n2 = m - n1;
    let eps = f64::EPSILON * 0.5;
    let Workspace {
        z,
        dlamda,
        w,
        tmp,
        q2,
        s,
        indx,
        indxc,
        indxp,
        coltyp,
    } = ws;
    let (z, dlamda, w, tmp) = (&mut z[..m], &mut dlamda[..m], &mut w[..m], &mut tmp[..m]);
    let (indx, indxc, indxp, coltyp) = (
        &mut indx[..m],
        &mut indxc[..m],
        &mut indxp[..m],
        &mut coltyp[..m],
    );
    // The rank-one term's vector in the eigenbasis of the halves: the last row of the
    // first half's eigenvectors and the first row of the second's.
    for j in 0..n1 {
        z[j] = q[j * ldq + n1 - 1];
    }
    for j in n1..m {
        z[j] = q[j * ldq + n1];
    }
    if rho < 0.0 {
        z[n1..].iter_mut().for_each(|v| *v = -*v);
    }
    // z has norm sqrt(2) (two unit vectors); normalize it and move the factor into rho.
    z.iter_mut()
        .for_each(|v| *v *= std::f64::consts::FRAC_1_SQRT_2);
    let rho = (2.0 * rho).abs();

    indxq[n1..].iter_mut().for_each(|v| *v += n1);
    for i in 0..m {
        dlamda[i] = d[indxq[i]];
    }
    merge_order(dlamda, n1, false, indxc);
    for i in 0..m {
        indx[i] = indxq[indxc[i]];
    }
    let zmax = z.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    let dmax = d.iter().fold(0.0f64, |a, v| a.max(v.abs()));
    let tol = 8.0 * eps * dmax.max(zmax);
    if rho * zmax <= tol {
        // The coupling is negligible: the eigensystem is the halves', sorted.
        permute(d, q, ldq, m, indx, q2);
        indxq.iter_mut().enumerate().for_each(|(i, v)| *v = i);
        return true;
    }

    // Deflation: a negligible z component, or two eigenvalues close enough that a rotation
    // zeroes one z component, leaves that eigenpair unchanged by the merge.
    coltyp[..n1].fill(TOP);
    coltyp[n1..].fill(BOTTOM);
    let mut k = 0;
    // Deflated eigenpairs fill indxp from the end, kept in descending order of eigenvalue.
    let mut k2 = m;
    let mut prev: Option<usize> = None;
    for &nj in indx.iter() {
        if rho * z[nj].abs() <= tol {
            k2 -= 1;
            coltyp[nj] = DEFLATED;
            indxp[k2] = nj;
            continue;
        }
        let Some(pj) = prev else {
            prev = Some(nj);
            continue;
        };
        let tau = z[nj].hypot(z[pj]);
        let t = d[nj] - d[pj];
        let c = z[nj] / tau;
        let sn = -z[pj] / tau;
        if (t * c * sn).abs() <= tol {
            z[nj] = tau;
            z[pj] = 0.0;
            if coltyp[nj] != coltyp[pj] {
                coltyp[nj] = BOTH;
            }
            coltyp[pj] = DEFLATED;
            {
                let (lo, hi) = (pj.min(nj), pj.max(nj));
                let (left, right) = q.split_at_mut(hi * ldq);
                let a = &mut left[lo * ldq..lo * ldq + m];
                let b = &mut right[..m];
                let (x, y) = if pj < nj { (a, b) } else { (b, a) };
                for (xv, yv) in x.iter_mut().zip(y.iter_mut()) {
                    let (xo, yo) = (*xv, *yv);
                    *xv = c * xo + sn * yo;
                    *yv = c * yo - sn * xo;
                }
            }
            let t = d[pj] * c * c + d[nj] * sn * sn;
            d[nj] = d[pj] * sn * sn + d[nj] * c * c;
            d[pj] = t;
            k2 -= 1;
            let mut i = k2;
            while i + 1 < m && d[pj] < d[indxp[i + 1]] {
                indxp[i] = indxp[i + 1];
                i += 1;
            }
            indxp[i] = pj;
        } else {
            dlamda[k] = d[pj];
            w[k] = z[pj];
            indxp[k] = pj;
            k += 1;
        }
        prev = Some(nj);
    }
    let pj = prev.expect("a z component above the tolerance");
    dlamda[k] = d[pj];
    w[k] = z[pj];
    indxp[k] = pj;
    k += 1;

    // Group the columns by kind, so that each product multiplies only nonzero blocks.
    let mut ctot = [0usize; 4];
    for &ct in coltyp.iter() {
        ctot[ct] += 1;
    }
    debug_assert_eq!(k, m - ctot[DEFLATED]);
    let mut psm = [0, ctot[0], ctot[0] + ctot[1], ctot[0] + ctot[1] + ctot[2]];
    for (j, &js) in indxp.iter().enumerate() {
        let ct = coltyp[js];
        indx[psm[ct]] = js;
        indxc[psm[ct]] = j;
        psm[ct] += 1;
    }
    let n12 = ctot[TOP] + ctot[BOTH];
    let n23 = ctot[BOTH] + ctot[BOTTOM];
    let mut iq1 = 0;
    let mut iq2 = n12 * n1;
    for (i, &js) in indx.iter().enumerate() {
        let col = &q[js * ldq..js * ldq + m];
        match coltyp[js] {
            TOP => {
                q2[iq1..iq1 + n1].copy_from_slice(&col[..n1]);
                iq1 += n1;
            }
            BOTH => {
                q2[iq1..iq1 + n1].copy_from_slice(&col[..n1]);
                q2[iq2..iq2 + n2].copy_from_slice(&col[n1..]);
                iq1 += n1;
                iq2 += n2;
            }
            BOTTOM => {
                q2[iq2..iq2 + n2].copy_from_slice(&col[n1..]);
                iq2 += n2;
            }
            _ => {}
        }
        tmp[i] = d[js];
    }
    // Deflated eigenpairs go to the last m - k slots unchanged.
    let defl_start = iq2;
    for (c, &js) in indx[k..].iter().enumerate() {
        let at = defl_start + c * m;
        q2[at..at + m].copy_from_slice(&q[js * ldq..js * ldq + m]);
    }
    for c in 0..m - k {
        let at = defl_start + c * m;
        q[(k + c) * ldq..(k + c) * ldq + m].copy_from_slice(&q2[at..at + m]);
    }
    d[k..].copy_from_slice(&tmp[k..]);

    // The secular equation: the new eigenvalues, and their differences from the old ones.
    let s = &mut s[..k * k];
    for j in 0..k {
        match secular_root(&dlamda[..k], &w[..k], rho, j, &mut s[j * k..(j + 1) * k]) {
            Some(lambda) => d[j] = lambda,
            None => return false,
        }
    }
    if k >= 2 {
        rank_one_eigenvectors(&mut s[..k * k], &dlamda[..k], &mut w[..k], tmp, indxc);
    }
    // The new eigenvectors: the halves' eigenvectors (grouped by kind) times those of the
    // rank-one update, in two products that skip the zero blocks.
    if n23 > 0 {
        gemm(
            n2,
            k,
            n23,
            &q2[n1 * n12..],
            n2,
            &s[ctot[TOP]..],
            k,
            &mut q[n1..],
            ldq,
        );
    } else {
        for j in 0..k {
            q[j * ldq + n1..j * ldq + m].fill(0.0);
        }
    }
    if n12 > 0 {
        gemm(n1, k, n12, &q2[..], n1, &s[..], k, q, ldq);
    } else {
        for j in 0..k {
            q[j * ldq..j * ldq + n1].fill(0.0);
        }
    }
    merge_order(d, k, true, indxq);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::tridiagonal::tests::bisect;

    /// Solves the tridiagonal `(d, e)` and checks the eigenvalues against bisection, and the
    /// eigenvectors for orthogonality and residual, all relative to the matrix's norm.
    fn check(d0: Vec<f64>, e0: Vec<f64>, label: &str) {
        let n = d0.len();
        let (mut d, mut e) = (d0.clone(), e0.clone());
        let mut q = vec![0.0; n * n];
        assert!(tridiagonal_eigh(&mut d, &mut e, &mut q), "{label}");
        let norm = d0.iter().chain(&e0).fold(1e-300f64, |a, x| a.max(x.abs())) * 3.0;
        let want = bisect(&d0, &e0);
        let tol = 1e-14 * n as f64 * norm;
        for i in 0..n {
            assert!(
                (d[i] - want[i]).abs() <= tol,
                "{label}: {} vs {}",
                d[i],
                want[i]
            );
        }
        assert!(d.windows(2).all(|w| w[0] <= w[1]), "{label}: not ascending");
        let col = |j: usize| &q[j * n..(j + 1) * n];
        for (a, &lambda) in d.iter().enumerate() {
            for b in 0..n {
                let dot: f64 = col(a).iter().zip(col(b)).map(|(x, y)| x * y).sum();
                let want = if a == b { 1.0 } else { 0.0 };
                assert!(
                    (dot - want).abs() <= 1e-14 * n as f64,
                    "{label}: q{a}.q{b} = {dot}"
                );
            }
            let v = col(a);
            for r in 0..n {
                let mut tv = d0[r] * v[r] - lambda * v[r];
                if r > 0 {
                    tv += e0[r - 1] * v[r - 1];
                }
                if r + 1 < n {
                    tv += e0[r] * v[r + 1];
                }
                assert!(tv.abs() <= tol, "{label}: residual {tv} in vector {a}");
            }
        }
    }

    fn random(seed: u64) -> impl FnMut() -> f64 {
        let mut x = seed;
        move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        }
    }

    #[test]
    fn random_matrices_on_both_sides_of_the_leaf_size() {
        let mut rnd = random(7);
        for n in [1usize, 2, 3, 10, 25, 26, 27, 51, 100, 257, 400] {
            let d: Vec<f64> = (0..n).map(|_| rnd()).collect();
            let e: Vec<f64> = (1..n).map(|_| rnd()).collect();
            check(d, e, &format!("random {n}"));
        }
    }

    #[test]
    fn deflating_and_clustered_matrices() {
        // Wilkinson's W+: pairs of eigenvalues that agree to many digits.
        for n in [21usize, 61, 201] {
            let h = (n / 2) as f64;
            let d = (0..n).map(|i| (i as f64 - h).abs()).collect();
            check(d, vec![1.0; n - 1], &format!("wilkinson {n}"));
        }
        // Every merge deflates a lot: the (1, 2, 1) Toeplitz matrix, a constant diagonal with
        // tiny couplings, repeated diagonal values with exact zeros that split the matrix.
        check(vec![2.0; 300], vec![1.0; 299], "toeplitz");
        check(vec![1.0; 200], vec![1e-9; 199], "constant");
        let mut rnd = random(11);
        let d = (0..300).map(|i| (i % 7) as f64).collect();
        let e = (0..299)
            .map(|i| if i % 50 == 0 { 0.0 } else { 1e-3 * rnd() })
            .collect();
        check(d, e, "repeated with splits");
        // Ten copies of W21+ glued by 1e-10: clusters of ten nearly equal eigenvalues.
        let mut d = Vec::new();
        let mut e = Vec::new();
        for g in 0..10 {
            for i in 0..21 {
                d.push((i as f64 - 10.0).abs());
                if i < 20 {
                    e.push(1.0);
                }
            }
            if g < 9 {
                e.push(1e-10);
            }
        }
        check(d, e, "glued wilkinson");
        // Graded over ten orders of magnitude, and a large scale.
        let d = (0..100).map(|i| 10f64.powi(-i / 10)).collect();
        let e = (0..99).map(|i| 10f64.powi(-i / 10 - 1)).collect();
        check(d, e, "graded");
        let mut rnd = random(13);
        let d = (0..80).map(|_| 1e150 * rnd()).collect();
        let e = (0..79).map(|_| 1e150 * rnd()).collect();
        check(d, e, "huge");
    }

    #[test]
    fn non_finite_input_fails() {
        for bad in [f64::NAN, f64::INFINITY] {
            let mut d = vec![1.0; 100];
            d[40] = bad;
            let mut e = vec![0.5; 99];
            let mut q = vec![0.0; 100 * 100];
            assert!(!tridiagonal_eigh(&mut d, &mut e, &mut q));
            let mut d = vec![1.0; 100];
            let mut e = vec![0.5; 99];
            e[70] = bad;
            assert!(!tridiagonal_eigh(&mut d, &mut e, &mut q));
        }
    }
}
