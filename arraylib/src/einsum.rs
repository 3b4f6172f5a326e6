//! `np::einsum`: Einstein summation with NumPy's subscript language.
//!
//! Subscripts are letters, one per axis, operands separated by `,`; `->` gives the output
//! (without it, the output is the broadcast `...` axes followed by the letters that appear
//! exactly once, in alphabetical order, capitals first). A letter repeated within one operand
//! takes its diagonal; letters missing from the output are summed; `...` stands for broadcast
//! axes. The result dtype is the operands' promoted dtype (no widening of small integers).
//!
//! Operands are contracted two at a time, each time choosing the pair whose result is
//! smallest (the "greedy" order); each pairwise contraction is one (batched) matrix product.
//!
//! ```
//! use arraylib as np;
//! let a = np::arange(6.0).reshape([2, 3]);
//! let b = np::arange(12.0).reshape([3, 4]);
//! assert!(np::allclose(&np::einsum("ij,jk->ik", &[&a, &b]), &np::matmul(&a, &b)));
//! assert_eq!(np::einsum("ii", &[np::eye(3)]).to_vec::<f64>(), vec![3.0]);
//! assert_eq!(np::einsum("ij->ji", &[&a]).shape(), &[3, 2]);
//! ```

use crate::array::Array;
use crate::error::{ArrayError, OrPanic, Result, compact_shape};

/// A label: a letter's byte, or `ELL + k` for the `k`-th broadcast (`...`) axis.
type Label = u16;
const ELL: Label = 256;

/// An operand's subscripts: its labels, with `...` expanded later.
struct Term {
    /// Labels before and after the ellipsis (`after` is empty without one).
    before: Vec<Label>,
    after: Vec<Label>,
    has_ellipsis: bool,
}

/// Parses one comma-separated term (operand `i`, or the output when `i` is `None`).
fn parse_term(s: &str, i: Option<usize>) -> Result<Term> {
    let mut t = Term {
        before: Vec::new(),
        after: Vec::new(),
        has_ellipsis: false,
    };
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if c == b'.' {
            if t.has_ellipsis || !b[k..].starts_with(b"...") {
                return Err(ArrayError::value(match i {
                    Some(i) => format!("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand {i}"),
                    None => "einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output".to_string(),
                }));
            }
            t.has_ellipsis = true;
            k += 3;
            continue;
        }
        if c == b' ' {
            k += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            return Err(ArrayError::value(format!(
                "invalid subscript '{}' in einstein sum subscripts string, subscripts must be letters",
                c as char
            )));
        }
        if t.has_ellipsis {
            t.after.push(c as Label);
        } else {
            t.before.push(c as Label);
        }
        k += 1;
    }
    Ok(t)
}

/// One operand with its axes labelled (no repeated label).
#[derive(Clone)]
struct Labelled {
    array: Array,
    labels: Vec<Label>,
}

fn label_char(l: Label) -> char {
    (l as u8) as char
}

/// Takes the diagonal of repeated labels (a strided view) so every label occurs once.
fn collapse(a: &Array, labels: &[Label], who: &str) -> Result<Labelled> {
    let mut out_labels: Vec<Label> = Vec::new();
    let mut shape: Vec<usize> = Vec::new();
    let mut strides: Vec<isize> = Vec::new();
    for (ax, &l) in labels.iter().enumerate() {
        let (n, s) = (a.shape[ax], a.strides[ax]);
        match out_labels.iter().position(|&x| x == l) {
            Some(p) => {
                if shape[p] != n {
                    return Err(ArrayError::value(format!(
                        "dimensions in {who} for collapsing index '{}' don't match ({} != {})",
                        label_char(l),
                        shape[p],
                        n
                    )));
                }
                strides[p] += s;
            }
            None => {
                out_labels.push(l);
                shape.push(n);
                strides.push(s);
            }
        }
    }
    let mut array = a.view_with(a.offset, shape, strides);
    // a diagonal view aliases nothing new, but it is only read here
    array.writeable = false;
    Ok(Labelled {
        array,
        labels: out_labels,
    })
}

/// Sums the axes labelled with `drop`, keeping the dtype (NumPy's einsum does not widen).
fn sum_out(x: &Labelled, drop: &[Label]) -> Labelled {
    let axes: Vec<isize> = x
        .labels
        .iter()
        .enumerate()
        .filter(|(_, l)| drop.contains(l))
        .map(|(i, _)| i as isize)
        .collect();
    if axes.is_empty() {
        return x.clone();
    }
    let d = x.array.dtype();
    let s = x.array.sum_axis(axes, false);
    let array = if s.dtype() == d { s } else { s.astype(d) };
    let labels = x
        .labels
        .iter()
        .copied()
        .filter(|l| !drop.contains(l))
        .collect();
    Labelled { array, labels }
}

/// A view with the axes in the order of `order` (a permutation of `x.labels`).
fn arrange(x: &Labelled, order: &[Label]) -> Array {
    let perm: Vec<usize> = order
        .iter()
        .map(|l| x.labels.iter().position(|m| m == l).expect("label"))
        .collect();
    crate::shape::permuted(&x.array, &perm)
}

/// Contracts two operands, keeping the labels in `keep`; one (batched) matrix product.
fn contract(
    x: &Labelled,
    y: &Labelled,
    keep: &[Label],
    sizes: &dyn Fn(Label) -> usize,
) -> Labelled {
    let in_y = |l: &Label| y.labels.contains(l);
    let in_x = |l: &Label| x.labels.contains(l);
    let batch: Vec<Label> = x
        .labels
        .iter()
        .copied()
        .filter(|l| in_y(l) && keep.contains(l))
        .collect();
    let sum: Vec<Label> = x
        .labels
        .iter()
        .copied()
        .filter(|l| in_y(l) && !keep.contains(l))
        .collect();
    let m: Vec<Label> = x.labels.iter().copied().filter(|l| !in_y(l)).collect();
    let n: Vec<Label> = y.labels.iter().copied().filter(|l| !in_x(l)).collect();
    let prod = |ls: &[Label]| ls.iter().map(|&l| sizes(l)).product::<usize>();
    let (bs, ms, ks, ns) = (prod(&batch), prod(&m), prod(&sum), prod(&n));
    let full = |order: Vec<Label>, z: &Labelled| -> Array {
        let v = arrange(z, &order);
        let target: Vec<usize> = order.iter().map(|&l| sizes(l)).collect();
        if v.shape() == target.as_slice() {
            v
        } else {
            // a size-1 axis broadcast against the other operand
            v.broadcast_to(target)
        }
    };
    let xa = full([batch.clone(), m.clone(), sum.clone()].concat(), x);
    let ya = full([batch.clone(), sum.clone(), n.clone()].concat(), y);
    let (xa, ya) = if batch.is_empty() {
        (xa.reshape([ms, ks]), ya.reshape([ks, ns]))
    } else {
        (xa.reshape([bs, ms, ks]), ya.reshape([bs, ks, ns]))
    };
    let labels = [batch, m, n].concat();
    let shape: Vec<usize> = labels.iter().map(|&l| sizes(l)).collect();
    let array = crate::matmul::matmul(&xa, &ya).reshape(shape);
    Labelled { array, labels }
}

/// The "remapped shapes" broadcasting error: each operand's axes placed on the iteration
/// axes (output labels, then summed labels), leading missing axes left out.
fn remap_error(ops: &[&Array], terms: &[Vec<Label>], iter_labels: &[Label]) -> ArrayError {
    let mut msg = String::from(
        "operands could not be broadcast together with remapped shapes [original->remapped]: ",
    );
    for (a, labels) in ops.iter().zip(terms) {
        let mut parts: Vec<String> = iter_labels
            .iter()
            .map(|l| match labels.iter().position(|m| m == l) {
                Some(ax) => a.shape()[ax].to_string(),
                None => "newaxis".to_string(),
            })
            .collect();
        while parts.first().is_some_and(|p| p == "newaxis") {
            parts.remove(0);
        }
        let remapped = if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(","))
        };
        msg.push_str(&format!("{}->{} ", compact_shape(a.shape()), remapped));
    }
    ArrayError::value(msg)
}

/// `np.einsum(subscripts, *operands)`. See the [module documentation](self).
///
/// ```
/// use arraylib as np;
/// let a = np::arange(3.0);
/// let b = np::arange(4.0);
/// assert_eq!(np::einsum("i,j->ij", &[&a, &b]).shape(), &[3, 4]);
/// assert_eq!(np::einsum("i,i", &[&a, &a]).to_vec::<f64>(), vec![5.0]);
/// // A result without axes stands for NumPy's scalar, as `np.einsum('i,i', a, a)` returns.
/// assert_eq!(format!("{:?}", np::einsum("i,i", &[&a, &a])), "np.float64(5.0)");
/// ```
#[track_caller]
pub fn einsum<A: AsRef<Array>>(subscripts: &str, operands: &[A]) -> Array {
    try_einsum(subscripts, operands).or_panic()
}

/// Fallible form of [`einsum`], with NumPy's `ValueError`s for bad subscripts and shapes.
///
/// ```
/// use arraylib as np;
/// let e = np::try_einsum("ijk", &[np::ones([2, 3])]).unwrap_err();
/// assert_eq!(e.message, "einstein sum subscripts string contains too many subscripts for operand 0");
/// ```
pub fn try_einsum<A: AsRef<Array>>(subscripts: &str, operands: &[A]) -> Result<Array> {
    let ops: Vec<&Array> = operands.iter().map(|a| a.as_ref()).collect();
    // A full contraction (`'i,i'`, `'ij->'`) is NumPy's scalar.
    einsum_refs(subscripts, &ops).map(Array::scalar_if_0d)
}

/// The body of [`try_einsum`], not generic, so it is compiled once here.
fn einsum_refs(subscripts: &str, ops: &[&Array]) -> Result<Array> {
    if ops.is_empty() {
        return Err(ArrayError::value(
            "must specify the einstein sum subscripts string and at least one operand",
        ));
    }
    // ----- parse -----
    let (inputs, output) = match subscripts.find("->") {
        Some(p) => (&subscripts[..p], Some(&subscripts[p + 2..])),
        None => (subscripts, None),
    };
    if output.is_none() && subscripts.contains('-') {
        return Err(ArrayError::value(
            "einstein sum subscript string does not contain proper '->' output specified",
        ));
    }
    // NumPy's two messages name the opposite of the mismatch; they are kept word for word.
    let parts: Vec<&str> = inputs.split(',').collect();
    let mut terms = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        if i >= ops.len() {
            return Err(ArrayError::value(
                "more operands provided to einstein sum function than specified in the subscripts string",
            ));
        }
        terms.push(parse_term(p, Some(i))?);
    }
    if terms.len() < ops.len() {
        return Err(ArrayError::value(
            "fewer operands provided to einstein sum function than specified in the subscripts string",
        ));
    }
    // ----- expand the ellipses into labels, aligned from the right -----
    let mut op_labels: Vec<Vec<Label>> = Vec::with_capacity(ops.len());
    let mut n_ell = 0usize;
    for (i, (t, a)) in terms.iter().zip(ops).enumerate() {
        let named = t.before.len() + t.after.len();
        if named > a.ndim() {
            return Err(ArrayError::value(format!(
                "einstein sum subscripts string contains too many subscripts for operand {i}"
            )));
        }
        if !t.has_ellipsis && named < a.ndim() {
            return Err(ArrayError::value(
                "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
            ));
        }
        n_ell = n_ell.max(a.ndim() - named);
    }
    for (t, a) in terms.iter().zip(ops) {
        let e = a.ndim() - t.before.len() - t.after.len();
        let mut l = t.before.clone();
        l.extend((n_ell - e..n_ell).map(|k| ELL + k as Label));
        l.extend(&t.after);
        op_labels.push(l);
    }
    let ell_labels: Vec<Label> = (0..n_ell).map(|k| ELL + k as Label).collect();
    let mut counts = [0usize; 512];
    for ls in &op_labels {
        for &l in ls {
            counts[l as usize] += 1;
        }
    }
    let out_labels: Vec<Label> = match output {
        None => {
            let mut o = ell_labels.clone();
            o.extend((0..256).filter(|&l| counts[l] == 1).map(|l| l as Label));
            o
        }
        Some(s) => {
            let t = parse_term(s, None)?;
            if !t.has_ellipsis && n_ell > 0 {
                return Err(ArrayError::value(
                    "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
                ));
            }
            let mut o = t.before.clone();
            if t.has_ellipsis {
                o.extend(&ell_labels);
            }
            o.extend(&t.after);
            for (k, &l) in o.iter().enumerate() {
                if l < ELL && counts[l as usize] == 0 {
                    return Err(ArrayError::value(format!(
                        "einstein sum subscripts string included output subscript '{}' which never appeared in an input",
                        label_char(l)
                    )));
                }
                if o[..k].contains(&l) {
                    return Err(ArrayError::value(format!(
                        "einstein sum subscripts string includes output subscript '{}' multiple times",
                        label_char(l)
                    )));
                }
            }
            o
        }
    };
    // ----- sizes, with size-1 axes broadcasting -----
    let mut iter_labels = out_labels.clone();
    iter_labels.extend(
        (0..256)
            .filter(|&l| counts[l] > 0 && !out_labels.contains(&(l as Label)))
            .map(|l| l as Label),
    );
    let single_explicit = ops.len() == 1 && output.is_some();
    let mut collapsed = Vec::with_capacity(ops.len());
    for (i, (a, ls)) in ops.iter().zip(&op_labels).enumerate() {
        let who = if single_explicit {
            "single operand".to_string()
        } else {
            format!("operand {i}")
        };
        collapsed.push(collapse(a, ls, &who)?);
    }
    let mut size = [1usize; 512];
    for x in &collapsed {
        for (&l, &n) in x.labels.iter().zip(x.array.shape()) {
            let s = &mut size[l as usize];
            if *s == 1 {
                *s = n;
            } else if n != 1 && n != *s {
                return Err(remap_error(ops, &op_labels, &iter_labels));
            }
        }
    }
    let sizes = |l: Label| size[l as usize];
    let dt = ops
        .iter()
        .map(|a| a.dtype())
        .reduce(crate::dtype::promote)
        .expect("operands");
    let mut live: Vec<Labelled> = collapsed
        .into_iter()
        .map(|x| {
            if x.array.dtype() == dt {
                x
            } else {
                Labelled {
                    array: x.array.astype(dt),
                    labels: x.labels,
                }
            }
        })
        .collect();
    // ----- sum out labels private to one operand, then contract pairs greedily -----
    let needed_elsewhere = |live: &[Labelled], skip: &[usize], l: Label| {
        out_labels.contains(&l)
            || live
                .iter()
                .enumerate()
                .any(|(j, y)| !skip.contains(&j) && y.labels.contains(&l))
    };
    for i in 0..live.len() {
        let drop: Vec<Label> = live[i]
            .labels
            .iter()
            .copied()
            .filter(|&l| !needed_elsewhere(&live, &[i], l))
            .collect();
        if !drop.is_empty() && live.len() > 1 {
            live[i] = sum_out(&live[i], &drop);
        }
    }
    while live.len() > 1 {
        let mut best: Option<(usize, usize, usize, Vec<Label>)> = None;
        for i in 0..live.len() {
            for j in i + 1..live.len() {
                let mut keep: Vec<Label> = Vec::new();
                for &l in live[i].labels.iter().chain(&live[j].labels) {
                    if !keep.contains(&l) && needed_elsewhere(&live, &[i, j], l) {
                        keep.push(l);
                    }
                }
                let cost: usize = keep.iter().map(|&l| sizes(l)).product();
                if best.as_ref().is_none_or(|b| cost < b.2) {
                    best = Some((i, j, cost, keep));
                }
            }
        }
        let (i, j, _, keep) = best.expect("two operands");
        let y = live.remove(j);
        let x = live.remove(i);
        // labels that only x (or only y) has and nobody keeps are summed before the product
        let xs: Vec<Label> = x
            .labels
            .iter()
            .copied()
            .filter(|l| !keep.contains(l) && !y.labels.contains(l))
            .collect();
        let ys: Vec<Label> = y
            .labels
            .iter()
            .copied()
            .filter(|l| !keep.contains(l) && !x.labels.contains(l))
            .collect();
        let (x, y) = (sum_out(&x, &xs), sum_out(&y, &ys));
        live.push(contract(&x, &y, &keep, &sizes));
        crate::interrupt::check();
    }
    let last = live.pop().expect("one operand");
    let drop: Vec<Label> = last
        .labels
        .iter()
        .copied()
        .filter(|l| !out_labels.contains(l))
        .collect();
    let last = sum_out(&last, &drop);
    let mut out = arrange(&last, &out_labels);
    let target: Vec<usize> = out_labels.iter().map(|&l| sizes(l)).collect();
    if out.shape() != target.as_slice() {
        out = out.broadcast_to(target);
    }
    // a fresh contiguous result is returned as is; views of an input are copied
    if !(out.flags().c_contiguous && out.offset == 0 && !ops.iter().any(|a| a.shares_memory(&out)))
    {
        out = out.copy();
    }
    Ok(if out.dtype() == dt {
        out
    } else {
        out.astype(dt)
    })
}

#[cfg(test)]
mod tests {
    use crate::{Array, arange, einsum, ones, try_einsum};

    #[test]
    fn contractions_match_hand_computed_values() {
        let a = arange(6.0).reshape([2, 3]);
        let b = arange(12.0).reshape([3, 4]);
        let m = einsum("ij,jk->ik", &[&a, &b]);
        assert_eq!(m.to_vec::<f64>(), crate::matmul(&a, &b).to_vec::<f64>());
        assert_eq!(einsum("ij->", &[&a]).to_vec::<f64>(), vec![15.0]);
        assert_eq!(einsum("ij->j", &[&a]).to_vec::<f64>(), vec![3.0, 5.0, 7.0]);
        let sq = arange(9).reshape([3, 3]);
        assert_eq!(einsum("ii->i", &[&sq]).to_vec::<i64>(), vec![0, 4, 8]);
        assert_eq!(einsum("ii", &[&sq]).to_vec::<i64>(), vec![12]);
        // three operands: v^T A w
        let v = crate::array![1.0, 2.0];
        let w = crate::array![1.0, 0.0, -1.0];
        assert_eq!(einsum("i,ij,j", &[&v, &a, &w]).to_vec::<f64>(), vec![-6.0]);
        let t = arange(24.0).reshape([2, 3, 4]);
        assert_eq!(einsum("...i->...", &[&t]).shape(), &[2, 3]);
        assert_eq!(
            einsum("bij,bjk->bik", &[&t, &ones([2, 4, 5])]).shape(),
            &[2, 3, 5]
        );
    }

    #[test]
    fn keeps_dtype_and_reports_errors() {
        let x = Array::from(vec![100i8, 100]);
        let s = einsum("i->", &[&x]);
        assert_eq!(s.dtype(), crate::DType::Int8);
        assert_eq!(s.to_vec::<i8>(), vec![-56]);
        let e = try_einsum("ij,jk", &[ones([2, 3]), ones([4, 5])]).unwrap_err();
        assert_eq!(
            e.message,
            "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(2,newaxis,3) (4,5)->(5,4) "
        );
        let e = try_einsum("ij->ii", &[ones([2, 2])]).unwrap_err();
        assert!(e.message.contains("output subscript 'i' multiple times"));
    }
}
