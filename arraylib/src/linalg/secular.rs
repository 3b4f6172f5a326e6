//! Root finder for the secular equation of a rank-one update of a diagonal matrix.
//!
//! This is the zero finder at the heart of the divide-and-conquer symmetric tridiagonal
//! eigensolver, following the algorithm of LAPACK's `dlaed4` (Ren-Cang Li's method), with the
//! two-pole closed form of `dlaed5` and the three-pole Gragg–Thornton–Warner step of `dlaed6`.
//!
//! The eigenvalues of `diag(d) + rho * z * z^T` are the roots of
//! `f(lambda) = 1/rho + sum_j z[j]^2 / (d[j] - lambda)`. Each root is searched for as an offset
//! `tau` from the pole it is closest to (the "origin"), and the differences `d[j] - lambda` are
//! maintained directly rather than recovered from `lambda`. Near a pole `lambda` itself carries
//! no information about the tiny gap `d[origin] - lambda` (it is lost to cancellation), while the
//! eigenvector formulas divide by exactly that gap.

/// Iteration limit of the outer (dlaed4) zero finder.
const MAXIT: usize = 30;

/// Iteration limit of the three-pole (dlaed6) inner solver.
const MAXIT_THREE_POLE: usize = 40;

/// Unit roundoff, LAPACK's `dlamch('Epsilon')` for round-to-nearest arithmetic.
const EPS: f64 = f64::EPSILON * 0.5;

/// The `i`-th (0-based, ascending) root `lambda` of the secular equation
/// `1 + rho * sum_j z[j]^2 / (d[j] - lambda) = 0`, for strictly increasing `d`, nonzero `z`
/// with norm 1 (callers normalize), and `rho > 0`: LAPACK's `dlaed4`.
/// On return `delta[j] = d[j] - lambda` for every j, computed accurately (not by subtracting
/// the returned lambda, for the roots near a pole) — that accuracy is what makes the eigenvectors
/// orthogonal. Returns `None` if the iteration does not converge (LAPACK's info > 0).
///
/// Two small-size conventions: for `n == 1`, `delta[0]` is set to `1` (the trivial eigenvector),
/// exactly as `dlaed4` does; for `n == 2` the root comes from `dlaed5`'s closed form, but
/// `delta` holds `d[j] - lambda` like every other size (rather than `dlaed5`'s normalized
/// eigenvector), so callers can treat all `n >= 2` uniformly.
pub(crate) fn secular_root(
    d: &[f64],
    z: &[f64],
    rho: f64,
    i: usize,
    delta: &mut [f64],
) -> Option<f64> {
    let n = d.len();
    assert!(n >= 1, "secular_root: empty problem");
    assert_eq!(z.len(), n, "secular_root: z has the wrong length");
    assert_eq!(delta.len(), n, "secular_root: delta has the wrong length");
    assert!(i < n, "secular_root: root index out of range");

    match n {
        1 => {
            delta[0] = 1.0;
            Some(d[0] + rho * z[0] * z[0])
        }
        2 => Some(two_pole_root(d, z, rho, i, delta)),
        _ if i == n - 1 => largest_root(d, z, rho, delta),
        _ => interior_root(d, z, rho, i, delta),
    }
}

/// Square of `x`; the formulas below are full of squared ratios and this keeps them legible.
#[inline]
fn sq(x: f64) -> f64 {
    x * x
}

/// Closed-form root for `n == 2` (`dlaed5`), with `delta[j] = d[j] - lambda`.
///
/// The quadratic is solved for the offset from the nearer pole, using whichever of the two
/// algebraically equivalent root formulas avoids cancellation, so the small offset is accurate.
fn two_pole_root(d: &[f64], z: &[f64], rho: f64, i: usize, delta: &mut [f64]) -> f64 {
    let del = d[1] - d[0];
    let (z0s, z1s) = (sq(z[0]), sq(z[1]));
    // `rho * f` at the midpoint of the gap: positive means the lower root sits in the lower
    // half, so d[0] is the nearer pole and the better origin.
    let lower_half = 1.0 + 2.0 * rho * (z1s - z0s) / del > 0.0;
    if i == 0 && lower_half {
        let b = del + rho * (z0s + z1s);
        let c = rho * z0s * del;
        // b > 0 always, so this form of the smaller root has no cancellation.
        let tau = 2.0 * c / (b + (b * b - 4.0 * c).abs().sqrt());
        delta[0] = -tau;
        delta[1] = del - tau;
        d[0] + tau
    } else {
        let b = -del + rho * (z0s + z1s);
        let c = rho * z1s * del;
        let disc = (b * b + 4.0 * c).sqrt();
        let tau = if i == 0 {
            // Negative offset from d[1]; pick the formula whose denominator adds like signs.
            if b > 0.0 {
                -2.0 * c / (b + disc)
            } else {
                (b - disc) / 2.0
            }
        } else if b > 0.0 {
            (b + disc) / 2.0
        } else {
            2.0 * c / (disc - b)
        };
        delta[0] = -del - tau;
        delta[1] = -tau;
        d[1] + tau
    }
}

/// Partial sums of the secular function at the current iterate.
///
/// The function is split into `psi` (poles left of the origin pole), `phi` (poles right of it)
/// and, for interior roots, the origin pole's own term, because the interpolation schemes model
/// each part by a different simple rational function.
struct Sums {
    /// Full secular function value `1/rho + psi + phi (+ origin term)`.
    w: f64,
    /// Derivative of the full function.
    dw: f64,
    /// Sum over the poles left of the origin.
    psi: f64,
    /// Derivative of `psi`.
    dpsi: f64,
    /// Sum over the poles right of the origin.
    phi: f64,
    /// Derivative of `phi`.
    dphi: f64,
    /// Bound on the rounding error committed in evaluating `w`; the convergence test.
    erretm: f64,
}

/// Evaluates the secular function for the largest root, whose origin is the last pole.
///
/// All poles except the last are on the left, so they all go into `psi`.
fn eval_largest(z: &[f64], delta: &[f64], rhoinv: f64, tau: f64) -> Sums {
    let last = z.len() - 1;
    let [psi, dpsi, erretm] = pole_sums(&z[..last], &delta[..last], last as f64, -1.0);
    let t = z[last] / delta[last];
    let phi = z[last] * t;
    let dphi = t * t;
    let erretm = 8.0 * (-phi - psi) + erretm.abs() - phi + rhoinv + tau.abs() * (dpsi + dphi);
    Sums {
        w: rhoinv + phi + psi,
        dw: dpsi + dphi,
        psi,
        dpsi,
        phi,
        dphi,
        erretm,
    }
}

/// Evaluates the secular function for an interior root with origin pole `ii`.
fn eval_interior(z: &[f64], delta: &[f64], ii: usize, rhoinv: f64, tau: f64) -> Sums {
    let [psi, dpsi, erretm_psi] = pole_sums(&z[..ii], &delta[..ii], ii as f64, -1.0);
    let [phi, dphi, erretm_phi] = pole_sums(&z[ii + 1..], &delta[ii + 1..], 1.0, 1.0);
    let erretm = erretm_psi.abs() + erretm_phi;
    let t = z[ii] / delta[ii];
    let dw = dpsi + dphi + t * t;
    let own = z[ii] * t;
    let w = rhoinv + phi + psi + own;
    let erretm = 8.0 * (phi - psi) + erretm + 2.0 * rhoinv + 3.0 * own.abs() + tau.abs() * dw;
    Sums {
        w,
        dw,
        psi,
        dpsi,
        phi,
        dphi,
        erretm,
    }
}

/// Over the poles on one side of the origin: `sum z[j]^2 / delta[j]`, `sum (z[j] / delta[j])^2`,
/// and `sum c[j] z[j]^2 / delta[j]` with `c[j] = first + j * step`.
///
/// LAPACK sums these one term at a time and bounds the rounding error by adding up every
/// running partial sum; term `j` is in `c[j]` of those partial sums, so the weighted sum is the
/// same bound. Without that chain of dependent additions the terms go four at a time, which
/// takes the solver from most of `eigh`'s merge time to a small part of it.
fn pole_sums(z: &[f64], delta: &[f64], first: f64, step: f64) -> [f64; 3] {
    #[cfg(target_arch = "x86_64")]
    if crate::operand::has_avx2_fma() {
        // SAFETY: the CPU has AVX2 and FMA.
        return unsafe { pole_sums_avx2(z, delta, first, step) };
    }
    pole_sums_in_lanes(z, delta, first, step)
}

/// [`pole_sums`] compiled for AVX2, so that the four lanes are one register.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn pole_sums_avx2(z: &[f64], delta: &[f64], first: f64, step: f64) -> [f64; 3] {
    pole_sums_in_lanes(z, delta, first, step)
}

/// [`pole_sums`] with four independent accumulators per sum.
#[inline(always)]
fn pole_sums_in_lanes(z: &[f64], delta: &[f64], first: f64, step: f64) -> [f64; 3] {
    let n = z.len().min(delta.len());
    let (z, delta) = (&z[..n], &delta[..n]);
    let (mut s, mut ds, mut es) = ([0.0f64; 4], [0.0f64; 4], [0.0f64; 4]);
    let mut c = [first, first + step, first + 2.0 * step, first + 3.0 * step];
    let (zc, dc) = (z.chunks_exact(4), delta.chunks_exact(4));
    let (zr, dr) = (zc.remainder(), dc.remainder());
    for (zq, dq) in zc.zip(dc) {
        for l in 0..4 {
            let t = zq[l] / dq[l];
            let term = zq[l] * t;
            s[l] += term;
            ds[l] += t * t;
            es[l] += c[l] * term;
            c[l] += 4.0 * step;
        }
    }
    let fold = |v: [f64; 4]| (v[0] + v[1]) + (v[2] + v[3]);
    let (mut s, mut ds, mut es) = (fold(s), fold(ds), fold(es));
    let mut c = first + (n - zr.len()) as f64 * step;
    for (&zj, &dj) in zr.iter().zip(dr) {
        let t = zj / dj;
        let term = zj * t;
        s += term;
        ds += t * t;
        es += c * term;
        c += step;
    }
    [s, ds, es]
}

/// Shifts every `delta[j]` by the step `eta`.
///
/// Updating the differences in place (instead of recomputing `d[j] - lambda`) is what keeps the
/// difference to the origin pole accurate to relative precision.
fn shift(delta: &mut [f64], eta: f64) {
    for dl in delta.iter_mut() {
        *dl -= eta;
    }
}

/// Keeps the new iterate inside the current bracket `[lower, upper]`, bisecting towards the side
/// where the root must be when the model step leaves it (or is NaN).
fn safeguard(eta: f64, tau: f64, w: f64, lower: f64, upper: f64) -> f64 {
    if (lower..=upper).contains(&(tau + eta)) {
        eta
    } else if w < 0.0 {
        (upper - tau) / 2.0
    } else {
        (lower - tau) / 2.0
    }
}

/// The largest root (`i == n - 1`, `n >= 3`), which lies in `(d[n-1], d[n-1] + rho]`.
///
/// The origin is always the last pole; there is no pole on the right, so the iteration uses a
/// two-pole model built from the last two poles only.
fn largest_root(d: &[f64], z: &[f64], rho: f64, delta: &mut [f64]) -> Option<f64> {
    let n = d.len();
    let last = n - 1;
    let prev = n - 2;
    let rhoinv = 1.0 / rho;
    let origin = d[last];

    // The root is at most rho above the last pole (||z|| = 1); probing the middle of that
    // interval tells which half it is in and gives a bracket.
    let midpt = rho / 2.0;
    for (dl, &dj) in delta.iter_mut().zip(d) {
        *dl = (dj - origin) - midpt;
    }
    let psi = pole_sums(&z[..prev], &delta[..prev], 0.0, 0.0)[0];
    let c = rhoinv + psi;
    let w = c + sq(z[prev]) / delta[prev] + sq(z[last]) / delta[last];

    let del = d[last] - d[prev];
    let (zp2, zl2) = (sq(z[prev]), sq(z[last]));
    // Root of the model that keeps the last two poles exactly and freezes the rest at the
    // midpoint value c; the branch choice avoids cancellation in the quadratic formula.
    let two_pole_guess = || {
        let a = -c * del + zp2 + zl2;
        let b = zl2 * del;
        let disc = (a * a + 4.0 * b * c).sqrt();
        if a < 0.0 {
            2.0 * b / (disc - a)
        } else {
            (a + disc) / (2.0 * c)
        }
    };
    let (mut tau, mut lower, mut upper) = if w <= 0.0 {
        // Root in the upper half. If the model function is already non-negative at rho, the
        // model root would lie beyond rho, so start from the known upper end instead.
        let at_rho = zp2 / (del + rho) + zl2 / rho;
        let tau = if c <= at_rho { rho } else { two_pole_guess() };
        (tau, midpt, rho)
    } else {
        (two_pole_guess(), 0.0, midpt)
    };

    for (dl, &dj) in delta.iter_mut().zip(d) {
        *dl = (dj - origin) - tau;
    }
    let mut s = eval_largest(z, delta, rhoinv, tau);

    for niter in 2..=MAXIT {
        if s.w.abs() <= EPS * s.erretm {
            return Some(origin + tau);
        }
        // f is increasing in tau, so its sign tells which side of the root we are on.
        if s.w <= 0.0 {
            lower = lower.max(tau);
        } else {
            upper = upper.min(tau);
        }

        // Model psi by one pole at d[prev] and phi by the last pole, each matching its value
        // and slope at tau (plus a constant); the step is a root of the resulting quadratic.
        let (dp, dl) = (delta[prev], delta[last]);
        let mut c = s.w - dp * s.dpsi - dl * s.dphi;
        let a = (dp + dl) * s.w - dp * dl * (s.dpsi + s.dphi);
        let b = dp * dl * s.w;
        let first = niter == 2;
        if first && c < 0.0 {
            // On the first step the model constant can come out with the wrong sign from a
            // poor starting point; its magnitude still gives a usable step.
            c = -c;
        }
        let mut eta = if first && c == 0.0 {
            // Degenerate model: a Newton step (LAPACK 3.x update by R.-C. Li).
            -s.w / (s.dpsi + s.dphi)
        } else {
            let disc = (a * a - 4.0 * b * c).abs().sqrt();
            if a >= 0.0 {
                (a + disc) / (2.0 * c)
            } else {
                2.0 * b / (a - disc)
            }
        };
        // The step must move against the sign of w; roundoff can break that, and then a
        // Newton step is the safe choice.
        if s.w * eta > 0.0 {
            eta = -s.w / (s.dpsi + s.dphi);
        }
        eta = safeguard(eta, tau, s.w, lower, upper);

        shift(delta, eta);
        tau += eta;
        s = eval_largest(z, delta, rhoinv, tau);
    }
    None
}

/// An interior root (`i < n - 1`, `n >= 3`), which lies in `(d[i], d[i+1])`.
fn interior_root(d: &[f64], z: &[f64], rho: f64, i: usize, delta: &mut [f64]) -> Option<f64> {
    let n = d.len();
    let ip1 = i + 1;
    let rhoinv = 1.0 / rho;

    // The sign of f at the midpoint of the gap tells which pole is nearer to the root; that pole
    // becomes the origin, so the small difference to it is the quantity iterated on.
    let del = d[ip1] - d[i];
    let midpt = del / 2.0;
    for (dl, &dj) in delta.iter_mut().zip(d) {
        *dl = (dj - d[i]) - midpt;
    }
    let psi = pole_sums(&z[..i], &delta[..i], 0.0, 0.0)[0];
    let phi = pole_sums(&z[i + 2..], &delta[i + 2..], 0.0, 0.0)[0];
    let c = rhoinv + psi + phi;
    let (zi2, zip2) = (sq(z[i]), sq(z[ip1]));
    let w = c + zi2 / delta[i] + zip2 / delta[ip1];

    // Initial guess: root of the model keeping the two bracketing poles exactly and freezing the
    // others at their midpoint value c. Formulas are chosen per sign to avoid cancellation.
    let orgati = w > 0.0;
    let (mut tau, mut lower, mut upper) = if orgati {
        let a = c * del + zi2 + zip2;
        let b = zi2 * del;
        let disc = (a * a - 4.0 * b * c).abs().sqrt();
        let tau = if a > 0.0 {
            2.0 * b / (a + disc)
        } else {
            (a - disc) / (2.0 * c)
        };
        (tau, 0.0, midpt)
    } else {
        let a = c * del - zi2 - zip2;
        let b = zip2 * del;
        let disc = (a * a + 4.0 * b * c).abs().sqrt();
        let tau = if a < 0.0 {
            2.0 * b / (a - disc)
        } else {
            -(a + disc) / (2.0 * c)
        };
        (tau, -midpt, 0.0)
    };
    let (origin, ii) = if orgati { (d[i], i) } else { (d[ip1], ip1) };
    for (dl, &dj) in delta.iter_mut().zip(d) {
        *dl = (dj - origin) - tau;
    }

    let mut s = eval_interior(z, delta, ii, rhoinv, tau);

    // At the root the other terms balance the origin's term, so they are positive when the
    // origin is the left pole and negative when it is the right one. If they are not at the
    // starting point, the poles beyond the origin (outside the bracket) weigh heavily, and a
    // model that keeps the nearest of them exactly (three poles) converges better. That
    // neighbour does not exist when the origin is the first or last pole.
    let rest = rhoinv + s.phi + s.psi;
    let three_pole = (if orgati { rest < 0.0 } else { rest > 0.0 }) && ii != 0 && ii != n - 1;
    // Selects which of two ways of splitting the derivative among the model's poles is used;
    // toggled whenever the current one stops reducing |w| fast enough.
    let mut swtch = false;

    for niter in 2..=MAXIT {
        if s.w.abs() <= EPS * s.erretm {
            return Some(origin + tau);
        }
        if s.w <= 0.0 {
            lower = lower.max(tau);
        } else {
            upper = upper.min(tau);
        }

        let mut eta = if three_pole {
            three_pole_eta(d, z, delta, &s, rhoinv, ii, orgati, swtch, niter)?
        } else {
            two_pole_eta(d, z, delta, &s, i, orgati, swtch)
        };
        if s.w * eta >= 0.0 {
            eta = -s.w / s.dw;
        }
        eta = safeguard(eta, tau, s.w, lower, upper);

        let prew = s.w;
        shift(delta, eta);
        tau += eta;
        s = eval_interior(z, delta, ii, rhoinv, tau);

        if niter == 2 {
            // dlaed4's heuristic: if the first step left w on the origin's side of the root and
            // not ten times smaller, the default splitting is doing poorly; use the other.
            swtch = if orgati {
                -s.w > prew.abs() / 10.0
            } else {
                s.w > prew.abs() / 10.0
            };
        } else if s.w * prew > 0.0 && s.w.abs() > prew.abs() / 10.0 {
            // Neither crossed the root nor gained a factor ten: try the other splitting.
            swtch = !swtch;
        }
    }
    None
}

/// Step from the two-pole model for an interior root (the bracketing poles `i` and `i+1`).
///
/// Without `swtch` the origin pole's term is exact and the other bracketing pole absorbs the
/// rest of the derivative; with `swtch` each bracketing pole absorbs its own side's derivative.
fn two_pole_eta(
    d: &[f64],
    z: &[f64],
    delta: &[f64],
    s: &Sums,
    i: usize,
    orgati: bool,
    swtch: bool,
) -> f64 {
    let ip1 = i + 1;
    let ii = if orgati { i } else { ip1 };
    let (di, dip1) = (delta[i], delta[ip1]);
    let (mut dpsi, mut dphi) = (s.dpsi, s.dphi);
    let c = if !swtch {
        if orgati {
            s.w - dip1 * s.dw - (d[i] - d[ip1]) * sq(z[i] / di)
        } else {
            s.w - di * s.dw - (d[ip1] - d[i]) * sq(z[ip1] / dip1)
        }
    } else {
        let t = sq(z[ii] / delta[ii]);
        if orgati {
            dpsi += t;
        } else {
            dphi += t;
        }
        s.w - di * dpsi - dip1 * dphi
    };
    let mut a = (di + dip1) * s.w - di * dip1 * s.dw;
    let b = di * dip1 * s.w;
    if c == 0.0 {
        // The model degenerates to a linear equation; if its slope vanished too, rebuild the
        // slope from quantities that are positive by construction.
        if a == 0.0 {
            a = if !swtch {
                if orgati {
                    sq(z[i]) + sq(dip1) * (dpsi + dphi)
                } else {
                    sq(z[ip1]) + sq(di) * (dpsi + dphi)
                }
            } else {
                sq(di) * dpsi + sq(dip1) * dphi
            };
        }
        b / a
    } else {
        let disc = (a * a - 4.0 * b * c).abs().sqrt();
        if a <= 0.0 {
            (a - disc) / (2.0 * c)
        } else {
            2.0 * b / (a + disc)
        }
    }
}

/// Step from the three-pole model (poles `ii-1`, `ii`, `ii+1`), solved by [`three_pole_root`].
///
/// Returns `None` if the inner solver fails, which makes the whole root fail as in LAPACK.
// All of these are live loop state of `interior_root`; bundling them would only add noise.
#[allow(clippy::too_many_arguments)]
fn three_pole_eta(
    d: &[f64],
    z: &[f64],
    delta: &[f64],
    s: &Sums,
    rhoinv: f64,
    ii: usize,
    orgati: bool,
    swtch: bool,
    niter: usize,
) -> Option<f64> {
    let (im1, ip1) = (ii - 1, ii + 1);
    let base = rhoinv + s.psi + s.phi;
    let (c, zz0, zz2) = if swtch {
        (
            base - delta[im1] * s.dpsi - delta[ip1] * s.dphi,
            sq(delta[im1]) * s.dpsi,
            sq(delta[ip1]) * s.dphi,
        )
    } else if orgati {
        // The outer neighbour (left) keeps its exact term; the inner one absorbs the remaining
        // derivative of both sides.
        let t = sq(z[im1] / delta[im1]);
        (
            base - delta[ip1] * (s.dpsi + s.dphi) - (d[im1] - d[ip1]) * t,
            sq(z[im1]),
            sq(delta[ip1]) * ((s.dpsi - t) + s.dphi),
        )
    } else {
        let t = sq(z[ip1] / delta[ip1]);
        (
            base - delta[im1] * (s.dpsi + s.dphi) - (d[ip1] - d[im1]) * t,
            sq(delta[im1]) * (s.dpsi + (s.dphi - t)),
            sq(z[ip1]),
        )
    };
    three_pole_root(
        niter,
        orgati,
        c,
        [delta[im1], delta[ii], delta[ip1]],
        [zz0, sq(z[ii]), zz2],
        s.w,
    )
}

/// Root nearest the origin of `g(x) = rho + sum_k z[k] / (d[k] - x)` (`dlaed6`): between `d[1]`
/// and `d[2]` if `orgati`, else between `d[0]` and `d[1]`; `d` increasing, `z` positive, and
/// `finit = g(0)` supplied by the caller because it has it more accurately than recomputing.
///
/// Uses the cubically convergent Gragg–Thornton–Warner iteration, kept inside a shrinking
/// bracket. `kniter == 2` (the first outer step) asks for a better initial guess than 0.
/// Returns `None` if it does not converge.
fn three_pole_root(
    kniter: usize,
    orgati: bool,
    rho: f64,
    d: [f64; 3],
    z: [f64; 3],
    finit: f64,
) -> Option<f64> {
    let (mut lbd, mut ubd) = if orgati { (d[1], d[2]) } else { (d[0], d[1]) };
    // g is increasing, so the sign of g(0) says on which side of 0 the root is.
    if finit < 0.0 {
        lbd = 0.0;
    } else {
        ubd = 0.0;
    }

    let mut tau = 0.0;
    if kniter == 2 {
        // Two-pole model for the first outer step: the pole outside the interval is frozen at
        // its value at the interval's midpoint.
        let (a, b, c) = if orgati {
            let half = (d[2] - d[1]) / 2.0;
            let c = rho + z[0] / ((d[0] - d[1]) - half);
            (
                c * (d[1] + d[2]) + z[1] + z[2],
                c * d[1] * d[2] + z[1] * d[2] + z[2] * d[1],
                c,
            )
        } else {
            let half = (d[0] - d[1]) / 2.0;
            let c = rho + z[2] / ((d[2] - d[1]) - half);
            (
                c * (d[0] + d[1]) + z[0] + z[1],
                c * d[0] * d[1] + z[0] * d[1] + z[1] * d[0],
                c,
            )
        };
        // Normalizing guards the discriminant against overflow.
        let scale = a.abs().max(b.abs()).max(c.abs());
        let (a, b, c) = (a / scale, b / scale, c / scale);
        tau = if c == 0.0 {
            b / a
        } else if a <= 0.0 {
            (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        } else {
            2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
        };
        if !(lbd..=ubd).contains(&tau) {
            tau = (lbd + ubd) / 2.0;
        }
        if d.contains(&tau) {
            tau = 0.0;
        } else {
            let g = finit
                + tau * z[0] / (d[0] * (d[0] - tau))
                + tau * z[1] / (d[1] * (d[1] - tau))
                + tau * z[2] / (d[2] * (d[2] - tau));
            if g <= 0.0 {
                lbd = tau;
            } else {
                ubd = tau;
            }
            // Only keep the guess if it actually improved on the starting point.
            if finit.abs() <= g.abs() {
                tau = 0.0;
            }
        }
    }

    // The iteration forms 1/(d - tau)^3; if a pole is within the cube root of the underflow
    // threshold, scale everything up by a power of two (exact) so that cannot overflow.
    let small1_exp = (f64::MIN_POSITIVE.log2() / 3.0) as i32;
    let small1 = 2f64.powi(small1_exp);
    let small2 = small1 * small1;
    let gap = if orgati {
        (d[1] - tau).abs().min((d[2] - tau).abs())
    } else {
        (d[0] - tau).abs().min((d[1] - tau).abs())
    };
    let (sclfac, sclinv) = if gap <= small2 {
        (1.0 / small2, small2)
    } else if gap <= small1 {
        (1.0 / small1, small1)
    } else {
        (1.0, 1.0)
    };
    let ds = d.map(|x| x * sclfac);
    let zs = z.map(|x| x * sclfac);
    tau *= sclfac;
    lbd *= sclfac;
    ubd *= sclfac;

    // g(tau) is formed as finit + tau * sum z/((d - tau) d), i.e. as a correction to the
    // accurate g(0), which avoids cancellation against rho.
    let (mut fc, mut df, mut ddf) = (0.0, 0.0, 0.0);
    for (&dk, &zk) in ds.iter().zip(&zs) {
        let r = 1.0 / (dk - tau);
        let t1 = zk * r;
        let t2 = t1 * r;
        fc += t1 / dk;
        df += t2;
        ddf += t2 * r;
    }
    let mut f = finit + tau * fc;
    if f.abs() <= 0.0 {
        return Some(tau * sclinv);
    }
    if f <= 0.0 {
        lbd = tau;
    } else {
        ubd = tau;
    }

    for _ in 2..=MAXIT_THREE_POLE {
        let (t1, t2) = if orgati {
            (ds[1] - tau, ds[2] - tau)
        } else {
            (ds[0] - tau, ds[1] - tau)
        };
        // Interpolate with the two bracketing poles, matching f, f' and f''.
        let a = (t1 + t2) * f - t1 * t2 * df;
        let b = t1 * t2 * f;
        let c = f - (t1 + t2) * df + t1 * t2 * ddf;
        let scale = a.abs().max(b.abs()).max(c.abs());
        let (a, b, c) = (a / scale, b / scale, c / scale);
        let mut eta = if c == 0.0 {
            b / a
        } else if a <= 0.0 {
            (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        } else {
            2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
        };
        if f * eta >= 0.0 {
            eta = -f / df;
        }
        tau += eta;
        if !(lbd..=ubd).contains(&tau) {
            tau = (lbd + ubd) / 2.0;
        }

        let (mut fc, mut erretm) = (0.0, 0.0);
        df = 0.0;
        ddf = 0.0;
        for (&dk, &zk) in ds.iter().zip(&zs) {
            let den = dk - tau;
            if den == 0.0 {
                // Landed exactly on a pole: nothing closer is representable.
                return Some(tau * sclinv);
            }
            let r = 1.0 / den;
            let t1 = zk * r;
            let t2 = t1 * r;
            let t4 = t1 / dk;
            fc += t4;
            erretm += t4.abs();
            df += t2;
            ddf += t2 * r;
        }
        f = finit + tau * fc;
        let erretm = 8.0 * (finit.abs() + tau.abs() * erretm) + tau.abs() * df;
        if f.abs() <= 4.0 * EPS * erretm || (ubd - lbd) <= 4.0 * EPS * tau.abs() {
            return Some(tau * sclinv);
        }
        if f <= 0.0 {
            lbd = tau;
        } else {
            ubd = tau;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift64* generator: deterministic, dependency-free randomness for the tests.
    struct Rng(u64);

    impl Rng {
        /// Next raw 64-bit output.
        fn next_u64(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        /// Uniform sample in `[0, 1)`.
        fn uniform(&mut self) -> f64 {
            (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
        }
    }

    /// How the poles of a test problem are spaced.
    #[derive(Clone, Copy, Debug)]
    enum Spacing {
        /// Gaps of comparable size.
        Uniform,
        /// About half the gaps are ~1e-10 (relative to the spectrum's scale of 1).
        Clustered,
        /// Gaps spread log-uniformly over ten orders of magnitude.
        Graded,
    }

    const SPACINGS: [Spacing; 3] = [Spacing::Uniform, Spacing::Clustered, Spacing::Graded];
    const RHOS: [f64; 3] = [1e-3, 1.0, 1e3];

    /// Random problem: strictly increasing `d` of scale ~1 and a unit-norm `z` with no zero
    /// entries (magnitudes over three orders, random signs).
    fn make_problem(rng: &mut Rng, n: usize, spacing: Spacing) -> (Vec<f64>, Vec<f64>) {
        let base = 2.0 / n as f64;
        let mut d = Vec::with_capacity(n);
        let mut x = -1.0 + 0.5 * rng.uniform();
        for _ in 0..n {
            d.push(x);
            let u = rng.uniform();
            let gap = match spacing {
                Spacing::Uniform => (0.05 + u) * base,
                Spacing::Clustered => {
                    if rng.uniform() < 0.5 {
                        1e-10 * (1.0 + u)
                    } else {
                        (0.05 + u) * base
                    }
                }
                Spacing::Graded => 10f64.powf(-10.0 * u) * base,
            };
            x += gap;
        }
        assert!(d.windows(2).all(|w| w[0] < w[1]));
        let mut z: Vec<f64> = (0..n)
            .map(|_| {
                let mag = 10f64.powf(-3.0 * rng.uniform());
                if rng.uniform() < 0.5 { -mag } else { mag }
            })
            .collect();
        let norm = z.iter().map(|v| v * v).sum::<f64>().sqrt();
        z.iter_mut().for_each(|v| *v /= norm);
        (d, z)
    }

    /// `1/rho + sum_j z_j^2 / ((d_j - origin) - tau)`: the secular function (divided by rho)
    /// evaluated at `origin + tau` without ever forming that sum.
    fn shifted_secular(d: &[f64], z: &[f64], rho: f64, origin: f64, tau: f64) -> f64 {
        1.0 / rho
            + d.iter()
                .zip(z)
                .map(|(&dj, &zj)| zj * zj / ((dj - origin) - tau))
                .sum::<f64>()
    }

    /// Bisection for the root of the (increasing) shifted secular function in `(lo, hi)`,
    /// run until the bracket cannot be split any further in floating point.
    fn bisect(d: &[f64], z: &[f64], rho: f64, origin: f64, mut lo: f64, mut hi: f64) -> f64 {
        for _ in 0..5000 {
            let mid = 0.5 * (lo + hi);
            if mid <= lo || mid >= hi {
                break;
            }
            if shifted_secular(d, z, rho, origin, mid) > 0.0 {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        0.5 * (lo + hi)
    }

    /// Reference for the `i`-th root as `(origin index, offset)`: bisection relative to the
    /// nearer pole, so the small differences it implies are themselves accurate.
    fn reference_root(d: &[f64], z: &[f64], rho: f64, i: usize) -> (usize, f64) {
        let n = d.len();
        if i == n - 1 {
            return (i, bisect(d, z, rho, d[i], 0.0, rho));
        }
        let del = d[i + 1] - d[i];
        let t = bisect(d, z, rho, d[i], 0.0, del);
        if t <= 0.5 * del {
            (i, t)
        } else {
            (i + 1, bisect(d, z, rho, d[i + 1], d[i] - d[i + 1], 0.0))
        }
    }

    /// Runs `f` on every (size, spacing, rho, seed) combination of the randomized suite.
    fn for_each_problem(sizes: &[usize], seeds: u64, mut f: impl FnMut(&[f64], &[f64], f64)) {
        for &n in sizes {
            for (si, &spacing) in SPACINGS.iter().enumerate() {
                for (ri, &rho) in RHOS.iter().enumerate() {
                    for seed in 0..seeds {
                        let mut rng = Rng(0x9E37_79B9_7F4A_7C15
                            ^ ((n as u64) << 32)
                            ^ ((si as u64) << 24)
                            ^ ((ri as u64) << 16)
                            ^ (seed + 1));
                        let (d, z) = make_problem(&mut rng, n, spacing);
                        f(&d, &z, rho);
                    }
                }
            }
        }
    }

    /// Largest magnitude in `d`: the scale of the problem's poles.
    fn dmax(d: &[f64]) -> f64 {
        d.iter().fold(0.0f64, |m, v| m.max(v.abs()))
    }

    /// Test 1: every root is strictly inside its bracket and agrees with bisection.
    #[test]
    fn roots_match_bisection() {
        let (mut checked, mut on_pole) = (0, 0);
        for_each_problem(&[1, 2, 3, 5, 10, 50, 200], 3, |d, z, rho| {
            let n = d.len();
            let mut delta = vec![0.0; n];
            for i in 0..n {
                let lam = secular_root(d, z, rho, i, &mut delta)
                    .unwrap_or_else(|| panic!("no convergence: n={n} i={i} rho={rho}"));
                let (lo, hi) = if i < n - 1 {
                    (d[i], d[i + 1])
                } else {
                    (d[i], d[i] + rho)
                };
                let inside = lo < lam && (lam < hi || (i == n - 1 && lam <= hi));
                // A root within an ulp of its pole is not representable strictly inside the gap;
                // then lambda must round onto the pole while delta keeps the (nonzero) offset.
                let onto_pole = (lam == lo && -delta[i] <= ulp(lo))
                    || (i < n - 1 && lam == hi && delta[i + 1] <= ulp(hi));
                assert!(
                    inside || onto_pole,
                    "n={n} i={i} rho={rho}: {lam:e} outside ({lo:e}, {hi:e})"
                );
                if onto_pole {
                    on_pole += 1;
                }
                let (org, tau) = reference_root(d, z, rho, i);
                let reference = d[org] + tau;
                let tol = 1e-13 * dmax(d).max(reference.abs()) + 1e-300;
                assert!(
                    (lam - reference).abs() <= tol,
                    "n={n} i={i} rho={rho}: {lam} vs {reference}"
                );
                checked += 1;
            }
        });
        assert!(checked > 1000);
        println!("{checked} roots checked, {on_pole} closer to a pole than its ulp");
    }

    /// Spacing between `x` and the next larger-magnitude double.
    fn ulp(x: f64) -> f64 {
        let a = x.abs();
        f64::from_bits(a.to_bits() + 1) - a
    }

    /// Test 2: `delta` equals `d - lambda`, and the differences to the bracketing poles have the
    /// right signs and are accurate to relative precision.
    #[test]
    fn deltas_are_accurate() {
        for_each_problem(&[2, 3, 5, 10, 50, 200], 3, |d, z, rho| {
            let n = d.len();
            let mut delta = vec![0.0; n];
            for i in 0..n {
                let lam = secular_root(d, z, rho, i, &mut delta).expect("converges");
                let scale = dmax(d).max(lam.abs());
                for j in 0..n {
                    assert!(
                        (delta[j] - (d[j] - lam)).abs() <= 1e-13 * scale,
                        "n={n} i={i} j={j}: delta {} vs {}",
                        delta[j],
                        d[j] - lam
                    );
                }
                assert!(delta[i] < 0.0, "delta[i] must be negative");
                let (org, tau) = reference_root(d, z, rho, i);
                let mut near = vec![i];
                if i + 1 < n {
                    assert!(delta[i + 1] > 0.0, "delta[i+1] must be positive");
                    near.push(i + 1);
                    // Both differences are taken from the same origin, so their difference is
                    // the gap up to a few roundings.
                    let gap = d[i + 1] - d[i];
                    assert!(((delta[i + 1] - delta[i]) - gap).abs() <= 1e-13 * gap);
                }
                for j in near {
                    let exact = (d[j] - d[org]) - tau;
                    assert!(
                        (delta[j] - exact).abs() <= 1e-11 * exact.abs(),
                        "n={n} i={i} j={j} rho={rho}: delta {} vs reference {exact}",
                        delta[j]
                    );
                }
            }
        });
    }

    /// All roots and their delta vectors (`deltas[j]` belongs to root `j`).
    fn all_roots(d: &[f64], z: &[f64], rho: f64) -> (Vec<f64>, Vec<Vec<f64>>) {
        let n = d.len();
        let mut lams = Vec::with_capacity(n);
        let mut deltas = Vec::with_capacity(n);
        for i in 0..n {
            let mut delta = vec![0.0; n];
            lams.push(secular_root(d, z, rho, i, &mut delta).expect("converges"));
            deltas.push(delta);
        }
        (lams, deltas)
    }

    /// Eigenvectors as `dlaed3` builds them: recompute `z` from all the deltas (Löwner's
    /// formula) so that it is exactly consistent with the computed roots, then take
    /// `v_j = (zhat_i / delta_j[i])_i` normalized.
    fn eigenvectors(d: &[f64], z: &[f64], deltas: &[Vec<f64>]) -> Vec<Vec<f64>> {
        let n = d.len();
        let zhat: Vec<f64> = (0..n)
            .map(|i| {
                let mut w = deltas[i][i];
                for j in (0..n).filter(|&j| j != i) {
                    w *= deltas[j][i] / (d[i] - d[j]);
                }
                (-w).sqrt().copysign(z[i])
            })
            .collect();
        deltas
            .iter()
            .map(|dj| {
                let v: Vec<f64> = zhat.iter().zip(dj).map(|(w, dl)| w / dl).collect();
                let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
                v.into_iter().map(|x| x / norm).collect()
            })
            .collect()
    }

    /// Test 3: eigenvectors from the deltas are orthonormal and have small residuals.
    #[test]
    fn eigenvectors_are_orthogonal() {
        for_each_problem(&[2, 3, 10, 200], 2, |d, z, rho| {
            let n = d.len();
            let (lams, deltas) = all_roots(d, z, rho);
            let v = eigenvectors(d, z, &deltas);
            let mut worst_orth = 0.0f64;
            for a in 0..n {
                for b in a..n {
                    let dot: f64 = v[a].iter().zip(&v[b]).map(|(x, y)| x * y).sum();
                    let target = if a == b { 1.0 } else { 0.0 };
                    worst_orth = worst_orth.max((dot - target).abs());
                }
            }
            assert!(
                worst_orth < 1e-13 * n as f64,
                "n={n} rho={rho}: orthogonality loss {worst_orth:e}"
            );

            let anorm = dmax(d) + rho;
            let mut worst_res = 0.0f64;
            for (vj, &lam) in v.iter().zip(&lams) {
                let ztv: f64 = z.iter().zip(vj).map(|(a, b)| a * b).sum();
                let res = d
                    .iter()
                    .zip(z)
                    .zip(vj)
                    .map(|((&di, &zi), &vi)| sq(di * vi + rho * zi * ztv - lam * vi))
                    .sum::<f64>()
                    .sqrt();
                worst_res = worst_res.max(res);
            }
            assert!(
                worst_res < 1e-13 * n as f64 * anorm,
                "n={n} rho={rho}: residual {worst_res:e}"
            );
        });
    }

    /// Closed forms for the tiny sizes handled outside the iteration.
    #[test]
    fn small_sizes() {
        let mut delta = [0.0];
        assert_eq!(secular_root(&[2.0], &[-1.0], 3.0, 0, &mut delta), Some(5.0));
        assert_eq!(delta, [1.0]);

        // diag(0, 1) + 1 * z z^T with z = (0.6, 0.8): the eigenvalues solve
        // lam^2 - 2 lam + 0.36 = 0.
        let (d, z) = ([0.0, 1.0], [0.6, 0.8]);
        let exact = [1.0 - 0.64f64.sqrt(), 1.0 + 0.64f64.sqrt()];
        let mut delta = [0.0; 2];
        for (i, &e) in exact.iter().enumerate() {
            let lam = secular_root(&d, &z, 1.0, i, &mut delta).unwrap();
            assert!((lam - e).abs() < 1e-15);
            assert!((delta[0] - (d[0] - lam)).abs() < 1e-15);
            assert!((delta[1] - (d[1] - lam)).abs() < 1e-15);
        }
    }

    /// Roots hugging their poles (tiny rho and tiny z entries) are still resolved relative to
    /// the gap to the pole, which subtracting lambda could never give.
    #[test]
    fn roots_near_poles_keep_relative_accuracy() {
        let n = 6;
        let d: Vec<f64> = (0..n).map(|k| 1.0 + k as f64).collect();
        let mut z = vec![1e-7, 0.5, 1e-7, 0.5, 1e-7, 0.5];
        let norm = z.iter().map(|v| v * v).sum::<f64>().sqrt();
        z.iter_mut().for_each(|v| *v /= norm);
        let rho = 1e-2;
        let mut delta = vec![0.0; n];
        for i in 0..n {
            let lam = secular_root(&d, &z, rho, i, &mut delta).unwrap();
            let (org, tau) = reference_root(&d, &z, rho, i);
            let exact = (d[org] - d[org]) - tau;
            assert!((delta[org] - exact).abs() <= 1e-12 * exact.abs());
            // For the poles with z ~ 1e-7 the gap is ~1e-14 * rho: below the resolution of
            // lambda itself.
            if i % 2 == 0 {
                assert!(tau.abs() < 1e-12 && (d[org] - lam).abs() < 1e-11);
            }
        }
    }
}
