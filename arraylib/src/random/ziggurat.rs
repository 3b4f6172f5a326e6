//! The standard normal by the 256-layer ziggurat with NumPy's tables, as `Generator` draws it.

use super::bounded::BitGen;
use super::ziggurat_tables::{FI, KI, WI};

/// Start of the tail (the base layer's right edge).
const R: f64 = 3.654_152_885_361_009;
const INV_R: f64 = 0.273_661_237_329_758_3;

/// One standard normal value (NumPy's `random_standard_normal`).
#[inline]
pub(crate) fn standard_normal<G: BitGen>(g: &mut G) -> f64 {
    loop {
        let r = g.next_u64();
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI[idx];
        if r & 1 != 0 {
            x = -x;
        }
        if rabs < KI[idx] {
            return x;
        }
        if idx == 0 {
            loop {
                let xx = -INV_R * (-g.next_double()).ln_1p();
                let yy = -(-g.next_double()).ln_1p();
                if yy + yy > xx * xx {
                    return if (rabs >> 8) & 1 != 0 {
                        -(R + xx)
                    } else {
                        R + xx
                    };
                }
            }
        }
        if (FI[idx - 1] - FI[idx]) * g.next_double() + FI[idx] < (-0.5 * x * x).exp() {
            return x;
        }
    }
}
