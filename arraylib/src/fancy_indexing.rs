//! Advanced ("fancy") indexing: integer-array and boolean-array entries in an index
//! expression, mixed with slices, integers, `NewAxis` and `Ellipsis`.
//!
//! | NumPy                        | arraylib                                   |
//! |------------------------------|--------------------------------------------|
//! | `arr[[0, 2], :]`             | `arr.index(s![[0, 2], ..])`                |
//! | `data[perm[:n]]`             | `data.index(s![perm.slice(s![..n])])`      |
//! | `arr[arr > 5]`               | `arr.index(s![arr.gt(5)])`                 |
//! | `np.eye(3)[labels]`          | `np::eye(3).index(s![&labels])`            |
//! | `out[np.arange(n), y] = 1`   | `out.set(s![np::arange(n), &y], 1)`        |
//! | `a[a > 5] = 0`               | `a.set(s![a.gt(5)], 0)`                    |
//!
//! Reading through an index array gives a new array (a copy), as in NumPy; writing goes into
//! the original. The work is split into an index plan (which element offsets, in which output
//! order) and a byte-copy kernel chosen by the element size only, so the ten-odd dtypes share
//! five small kernels.

use crate::array::{Array, is_c_contiguous};
use crate::assign::check_scalar_for;
use crate::dtype::DType;
use crate::error::{ArrayError, OrPanic, Result, compact_shape};
use crate::operand::{IntoOperand, Operand};
use crate::slicing::SliceElem;

// ----- index arguments -----------------------------------------------------------------------

/// Something usable as an index array: an `Array` (integer or bool), `&Array`, or a Rust list
/// of integers or bools (`[0, 2]`, `vec![1i64, 3]`, `&[0usize, 2][..]`, `[true, false]`).
pub trait IntoIndexArray {
    /// The index array.
    fn into_index_array(self) -> Array;
}

impl IntoIndexArray for Array {
    fn into_index_array(self) -> Array {
        self
    }
}

impl IntoIndexArray for &Array {
    fn into_index_array(self) -> Array {
        self.clone()
    }
}

macro_rules! index_list_impls {
    ($($t:ty => $as:ty),*) => {$(
        impl IntoIndexArray for Vec<$t> {
            fn into_index_array(self) -> Array {
                Array::from(self.into_iter().map(|x| x as $as).collect::<Vec<$as>>())
            }
        }
        impl IntoIndexArray for &Vec<$t> {
            fn into_index_array(self) -> Array {
                self.as_slice().into_index_array()
            }
        }
        impl IntoIndexArray for &[$t] {
            fn into_index_array(self) -> Array {
                Array::from(self.iter().map(|&x| x as $as).collect::<Vec<$as>>())
            }
        }
        impl<const N: usize> IntoIndexArray for [$t; N] {
            fn into_index_array(self) -> Array {
                self[..].into_index_array()
            }
        }
        impl<const N: usize> IntoIndexArray for &[$t; N] {
            fn into_index_array(self) -> Array {
                self[..].into_index_array()
            }
        }
        impl crate::IntoSliceElem for Vec<$t> {
            fn into_slice_elem(self, _step: isize) -> SliceElem {
                SliceElem::Array(self.into_index_array())
            }
        }
        impl crate::IntoSliceElem for &Vec<$t> {
            fn into_slice_elem(self, _step: isize) -> SliceElem {
                SliceElem::Array(self.into_index_array())
            }
        }
        impl crate::IntoSliceElem for &[$t] {
            fn into_slice_elem(self, _step: isize) -> SliceElem {
                SliceElem::Array(self.into_index_array())
            }
        }
        impl<const N: usize> crate::IntoSliceElem for [$t; N] {
            fn into_slice_elem(self, _step: isize) -> SliceElem {
                SliceElem::Array(self.into_index_array())
            }
        }
        impl<const N: usize> crate::IntoSliceElem for &[$t; N] {
            fn into_slice_elem(self, _step: isize) -> SliceElem {
                SliceElem::Array(self.into_index_array())
            }
        }
    )*};
}
index_list_impls!(i32 => i64, i64 => i64, isize => i64, usize => i64, u32 => i64, bool => bool);

impl crate::IntoSliceElem for Array {
    fn into_slice_elem(self, _step: isize) -> SliceElem {
        SliceElem::Array(self)
    }
}

impl crate::IntoSliceElem for &Array {
    fn into_slice_elem(self, _step: isize) -> SliceElem {
        SliceElem::Array(self.clone())
    }
}

/// The index of [`Array::set`]: a full element index (`[1, 2]`) or an index expression
/// (`s![.., 0]`, `s![mask]`, `s![rows, cols]`).
pub trait IntoIndex {
    /// The index as an expression.
    fn into_index(self) -> Vec<SliceElem>;
}

impl<T: crate::IntoShape> IntoIndex for T {
    fn into_index(self) -> Vec<SliceElem> {
        self.into_dims().into_iter().map(SliceElem::Index).collect()
    }
}

impl<const N: usize> IntoIndex for [SliceElem; N] {
    fn into_index(self) -> Vec<SliceElem> {
        self.into()
    }
}

impl<const N: usize> IntoIndex for &[SliceElem; N] {
    fn into_index(self) -> Vec<SliceElem> {
        self.to_vec()
    }
}

impl IntoIndex for &[SliceElem] {
    fn into_index(self) -> Vec<SliceElem> {
        self.to_vec()
    }
}

impl IntoIndex for Vec<SliceElem> {
    fn into_index(self) -> Vec<SliceElem> {
        self
    }
}

impl IntoIndex for &Vec<SliceElem> {
    fn into_index(self) -> Vec<SliceElem> {
        self.clone()
    }
}

// ----- the index plan --------------------------------------------------------------------------

/// Where the selected elements of an advanced index live, in output order: for every `outer`
/// position, for every broadcast index position `offs[b]`, the `inner` block.
pub(crate) struct Plan {
    /// The basic-indexed view the index arrays refer to.
    pub(crate) view: Array,
    /// Shape of the result (`arr[index].shape`).
    pub(crate) out_shape: Vec<usize>,
    outer_shape: Vec<usize>,
    outer_strides: Vec<isize>,
    /// Offsets (in elements, relative to the view's offset) of each broadcast index position.
    offs: Vec<isize>,
    inner_shape: Vec<usize>,
    inner_strides: Vec<isize>,
    /// True if the index was one boolean array of the array's full shape (NumPy's special
    /// case for assignment messages).
    full_mask: bool,
}

/// One index array and the view axis it indexes.
struct Component {
    v_axis: usize,
    orig_axis: usize,
    /// int64 indices.
    idx: Array,
}

const FULL: SliceElem = SliceElem::Slice {
    start: None,
    stop: None,
    step: 1,
};

fn check_index_dtype(a: &Array) -> Result<()> {
    if a.dtype().is_integer() || a.dtype() == DType::Bool {
        Ok(())
    } else {
        Err(ArrayError::index(
            "arrays used as indices must be of integer (or boolean) type",
        ))
    }
}

/// Turns 0-d integer arrays into plain integers (as NumPy does) and checks index dtypes.
fn normalize(index: &[SliceElem]) -> Result<Vec<SliceElem>> {
    index
        .iter()
        .map(|e| match e {
            SliceElem::Array(a) => {
                check_index_dtype(a)?;
                if a.ndim() == 0 && a.dtype() != DType::Bool {
                    Ok(SliceElem::Index(
                        a.astype(DType::Int64).to_vec::<i64>()[0] as isize,
                    ))
                } else {
                    Ok(e.clone())
                }
            }
            other => Ok(other.clone()),
        })
        .collect()
}

/// NumPy's `arr[index]` for any index expression: a view for basic indices, a copy when the
/// expression holds an index array.
pub(crate) fn index_expr(a: &Array, index: &[SliceElem]) -> Result<Array> {
    if !index.iter().any(|e| matches!(e, SliceElem::Array(_))) {
        return a.basic_view(index);
    }
    let index = normalize(index)?;
    if !index.iter().any(|e| matches!(e, SliceElem::Array(_))) {
        return a.basic_view(&index);
    }
    if a.dtype().is_str() {
        // The same selection of the element numbers picks the strings.
        let w = crate::strings::width(a);
        return crate::strings::via_index(&[a], w, &mut |p| index_expr(&p[0], &index));
    }
    if let Some(r) = mask_fast_path(a, &index) {
        return Ok(r);
    }
    let plan = make_plan(a, &index)?;
    Ok(gather(&plan))
}

pub(crate) fn make_plan(a: &Array, index: &[SliceElem]) -> Result<Plan> {
    let ndim = a.ndim();
    let consumed: usize = index
        .iter()
        .map(|e| match e {
            SliceElem::Index(_) | SliceElem::Slice { .. } => 1,
            SliceElem::Array(m) if m.dtype() == DType::Bool => m.ndim(),
            SliceElem::Array(_) => 1,
            _ => 0,
        })
        .sum();
    let ellipses = index
        .iter()
        .filter(|e| matches!(e, SliceElem::Ellipsis))
        .count();
    if ellipses > 1 {
        return Err(ArrayError::index(
            "an index can only have a single ellipsis ('...')",
        ));
    }
    if consumed > ndim {
        return Err(ArrayError::index(format!(
            "too many indices for array: array is {ndim}-dimensional, but {consumed} were indexed"
        )));
    }
    let full_mask = index.len() == 1
        && matches!(&index[0], SliceElem::Array(m) if m.dtype() == DType::Bool && m.ndim() == ndim);

    // Index arrays become full slices (a 0-d bool a new axis) in a basic view; integers count
    // as index arrays when any index array is present.
    enum Pending<'a> {
        Int(&'a Array),
        Scalar(isize),
        Mask(&'a Array),
        Mask0(bool),
    }
    let mut basic = Vec::with_capacity(index.len());
    let mut pending: Vec<(usize, usize, Pending)> = Vec::new();
    let (mut v, mut orig) = (0usize, 0usize);
    for e in index {
        match e {
            SliceElem::Index(i) => {
                basic.push(FULL);
                pending.push((v, orig, Pending::Scalar(*i)));
                v += 1;
                orig += 1;
            }
            SliceElem::Slice { .. } => {
                basic.push(e.clone());
                v += 1;
                orig += 1;
            }
            SliceElem::NewAxis => {
                basic.push(SliceElem::NewAxis);
                v += 1;
            }
            SliceElem::Ellipsis => {
                basic.push(SliceElem::Ellipsis);
                v += ndim - consumed;
                orig += ndim - consumed;
            }
            SliceElem::Array(m) if m.dtype() == DType::Bool && m.ndim() == 0 => {
                basic.push(SliceElem::NewAxis);
                pending.push((v, orig, Pending::Mask0(m.to_vec::<bool>()[0])));
                v += 1;
            }
            SliceElem::Array(m) if m.dtype() == DType::Bool => {
                basic.extend(std::iter::repeat_n(FULL, m.ndim()));
                pending.push((v, orig, Pending::Mask(m)));
                v += m.ndim();
                orig += m.ndim();
            }
            SliceElem::Array(m) => {
                basic.push(FULL);
                pending.push((v, orig, Pending::Int(m)));
                v += 1;
                orig += 1;
            }
        }
    }
    let view = a.basic_view(&basic)?;

    let mut comps: Vec<Component> = Vec::new();
    for (v_axis, orig_axis, p) in pending {
        match p {
            Pending::Int(m) => comps.push(Component {
                v_axis,
                orig_axis,
                idx: crate::operand::cast_array(m, DType::Int64),
            }),
            Pending::Scalar(i) => comps.push(Component {
                v_axis,
                orig_axis,
                idx: Array::from_vec(vec![i as i64], ()),
            }),
            Pending::Mask0(b) => comps.push(Component {
                v_axis,
                orig_axis,
                idx: Array::from(vec![0i64; b as usize]),
            }),
            Pending::Mask(m) => {
                for k in 0..m.ndim() {
                    if m.shape()[k] != view.shape()[v_axis + k] {
                        return Err(ArrayError::index(format!(
                            "boolean index did not match indexed array along axis {}; size of \
                             axis is {} but size of corresponding boolean axis is {}",
                            orig_axis + k,
                            view.shape()[v_axis + k],
                            m.shape()[k]
                        )));
                    }
                }
                for (k, idx) in crate::nonzero::nonzero_bool(m).into_iter().enumerate() {
                    comps.push(Component {
                        v_axis: v_axis + k,
                        orig_axis: orig_axis + k,
                        idx,
                    });
                }
            }
        }
    }

    let shapes: Vec<&[usize]> = comps.iter().map(|c| c.idx.shape()).collect();
    let bshape = crate::broadcast::broadcast_shapes(&shapes).map_err(|_| {
        let mut msg = String::from(
            "shape mismatch: indexing arrays could not be broadcast together with shapes ",
        );
        for s in &shapes {
            msg.push_str(&compact_shape(s));
            msg.push(' ');
        }
        ArrayError::index(msg)
    })?;
    let nb: usize = bshape.iter().product();
    let mut offs = vec![0isize; nb];
    if nb > 0 {
        for c in &comps {
            let n = view.shape()[c.v_axis];
            let stride = view.strides[c.v_axis];
            let b = c.idx.broadcast_view(&bshape)?;
            let bad = |i: i64| {
                ArrayError::index(format!(
                    "index {i} is out of bounds for axis {} with size {n}",
                    c.orig_axis
                ))
            };
            let ni = n as i64;
            let contiguous = b.as_slice::<i64>();
            let copied;
            let idx: &[i64] = match contiguous {
                Some(s) => s,
                None => {
                    copied = b.view::<i64>().iter().copied().collect::<Vec<i64>>();
                    &copied
                }
            };
            // The bounds first, in one pass that vectorizes; then the offsets, with negative
            // indices wrapped without a branch. The error names the first bad index, as
            // NumPy's does.
            let (lo, hi) = idx
                .iter()
                .fold((0i64, -1i64), |(lo, hi), &i| (lo.min(i), hi.max(i)));
            if lo < -ni || hi >= ni {
                let first = idx.iter().find(|&&i| i < -ni || i >= ni).copied();
                return Err(bad(first.unwrap_or(hi)));
            }
            for (o, &i) in offs.iter_mut().zip(idx) {
                let j = i + ((i >> 63) & ni);
                *o += j as isize * stride;
            }
        }
    }

    let adv_axes: Vec<usize> = comps.iter().map(|c| c.v_axis).collect();
    let first = *adv_axes.iter().min().expect("an index array");
    let last = *adv_axes.iter().max().expect("an index array");
    let mut distinct = adv_axes.clone();
    distinct.dedup();
    let adjacent = last - first + 1 == distinct.len();
    let (mut outer_shape, mut outer_strides) = (Vec::new(), Vec::new());
    let (mut inner_shape, mut inner_strides) = (Vec::new(), Vec::new());
    for ax in 0..view.ndim() {
        if adv_axes.contains(&ax) {
            continue;
        }
        if adjacent && ax < first {
            outer_shape.push(view.shape()[ax]);
            outer_strides.push(view.strides[ax]);
        } else {
            inner_shape.push(view.shape()[ax]);
            inner_strides.push(view.strides[ax]);
        }
    }
    let mut out_shape = outer_shape.clone();
    out_shape.extend_from_slice(&bshape);
    out_shape.extend_from_slice(&inner_shape);
    Ok(Plan {
        view,
        out_shape,
        outer_shape,
        outer_strides,
        offs,
        inner_shape,
        inner_strides,
        full_mask,
    })
}

// ----- kernels ---------------------------------------------------------------------------------

/// Runs `$body` with `$E` a plain-data type of the given element size and an alignment no
/// larger than any dtype of that size has, so copying bytes never needs the dtype itself.
macro_rules! by_itemsize {
    ($size:expr, $E:ident => $body:expr) => {
        match $size {
            1 => {
                type $E = u8;
                $body
            }
            2 => {
                type $E = u16;
                $body
            }
            4 => {
                type $E = u32;
                $body
            }
            8 => {
                type $E = [u32; 2];
                $body
            }
            16 => {
                type $E = [u64; 2];
                $body
            }
            other => unreachable!("no dtype has itemsize {other}"),
        }
    };
}
pub(crate) use by_itemsize;

/// Elements between interrupt checks.
const CHECK_EVERY: usize = 1 << 16;

impl Plan {
    fn inner_size(&self) -> usize {
        self.inner_shape.iter().product()
    }

    /// Calls `f(offset, k)` for each inner block: `offset` is the element offset in the buffer
    /// of the block's first element, `k` the position of that element in the output.
    fn for_each_block(&self, mut f: impl FnMut(isize, usize)) {
        let inner = self.inner_size();
        let n_outer: usize = self.outer_shape.iter().product();
        if inner == 0 || n_outer == 0 || self.offs.is_empty() {
            return;
        }
        let base = self.view.offset as isize;
        let mut idx = vec![0usize; self.outer_shape.len()];
        let mut outer_off = 0isize;
        let mut k = 0usize;
        let mut budget = CHECK_EVERY;
        for _ in 0..n_outer {
            for &o in &self.offs {
                f(base + outer_off + o, k);
                k += inner;
                budget = budget.saturating_sub(inner);
                if budget == 0 {
                    crate::interrupt::check();
                    budget = CHECK_EVERY;
                }
            }
            for ax in (0..idx.len()).rev() {
                idx[ax] += 1;
                outer_off += self.outer_strides[ax];
                if idx[ax] < self.outer_shape[ax] {
                    break;
                }
                outer_off -= self.outer_strides[ax] * idx[ax] as isize;
                idx[ax] = 0;
            }
        }
    }

    /// Element offsets (relative to a block's start) of an inner block in row-major order,
    /// or `None` when the block is contiguous.
    fn inner_offsets(&self) -> Option<Vec<isize>> {
        if is_c_contiguous(&self.inner_shape, &self.inner_strides) {
            return None;
        }
        let mut out = vec![0isize];
        for (&n, &s) in self.inner_shape.iter().zip(&self.inner_strides) {
            let prev = std::mem::take(&mut out);
            for p in prev {
                for i in 0..n {
                    out.push(p + i as isize * s);
                }
            }
        }
        Some(out)
    }
}

/// A new array of `dtype` and `shape` whose elements `fill` writes (all of them) through the
/// pointer; avoids zeroing memory that is overwritten at once.
pub(crate) fn new_filled(dtype: DType, shape: Vec<usize>, fill: &mut dyn FnMut(*mut u8)) -> Array {
    let n: usize = shape.iter().product();
    crate::dispatch!(dtype, T => {
        let mut v: Vec<T> = Vec::with_capacity(n + 1);
        fill(v.as_mut_ptr().cast::<u8>());
        // SAFETY: `fill` initialised the first `n` elements with values of this dtype.
        unsafe { v.set_len(n) };
        Array::from_vec(v, shape)
    })
}

fn gather(plan: &Plan) -> Array {
    let src = plan.view.storage.addr() as *const u8;
    let inner = plan.inner_size();
    let inner_offs = plan.inner_offsets();
    new_filled(plan.view.dtype(), plan.out_shape.clone(), &mut |dst| {
        by_itemsize!(plan.view.itemsize(), E => {
            let (src, dst) = (src as *const E, dst as *mut E);
            // SAFETY: the plan's offsets were bounds-checked against the view, which lies in
            // the source buffer; `k + inner` never exceeds the output size.
            unsafe {
                match (&inner_offs, inner) {
                    (None, 1) => plan.for_each_block(|o, k| *dst.add(k) = *src.offset(o)),
                    (None, _) => plan.for_each_block(|o, k| {
                        std::ptr::copy_nonoverlapping(src.offset(o), dst.add(k), inner)
                    }),
                    (Some(io), _) => plan.for_each_block(|o, k| {
                        for (j, &d) in io.iter().enumerate() {
                            *dst.add(k + j) = *src.offset(o + d);
                        }
                    }),
                }
            }
        })
    })
}

/// `a[mask]` with a mask of `a`'s full shape, both row-major contiguous: one compaction pass.
fn mask_fast_path(a: &Array, index: &[SliceElem]) -> Option<Array> {
    let [SliceElem::Array(m)] = index else {
        return None;
    };
    if m.dtype() != DType::Bool || m.shape() != a.shape() || a.ndim() == 0 {
        return None;
    }
    let mask = m.as_slice::<bool>()?;
    if a.size() > 0 && (!is_c_contiguous(&a.shape, &a.strides) || a.strides.iter().any(|&s| s < 0))
    {
        return None;
    }
    let count = count_true(mask);
    let src = (a.storage.addr() as *const u8).wrapping_add(a.offset * a.itemsize());
    Some(new_filled(a.dtype(), vec![count], &mut |dst| {
        by_itemsize!(a.itemsize(), E => {
            // SAFETY: `a` is contiguous with `mask.len()` elements from `src`; the output has
            // room for `count + 1` elements, and the write cursor never passes `count`.
            unsafe { compact::<E>(src as *const E, mask, dst as *mut E) }
        })
    }))
}

/// Copies the elements whose mask is true; writes unconditionally (no branch to mispredict)
/// and advances the cursor by the mask bit, so `dst` needs one spare slot.
unsafe fn compact<E: Copy>(src: *const E, mask: &[bool], dst: *mut E) {
    let mut k = 0usize;
    for (c, chunk) in mask.chunks(CHECK_EVERY).enumerate() {
        if c > 0 {
            crate::interrupt::check();
        }
        let base = c * CHECK_EVERY;
        for (i, &b) in chunk.iter().enumerate() {
            // SAFETY: guaranteed by the caller.
            unsafe { *dst.add(k) = *src.add(base + i) };
            k += b as usize;
        }
    }
}

/// Number of `true` values.
pub(crate) fn count_true(mask: &[bool]) -> usize {
    // Summing bytes in chunks lets the loop vectorise without overflowing a byte counter.
    mask.chunks(255)
        .map(|c| c.iter().map(|&b| b as u8).sum::<u8>() as usize)
        .sum()
}

// ----- assignment ------------------------------------------------------------------------------

/// The value of an assignment: one element of the destination dtype, or a contiguous array of
/// the indexed shape in that dtype.
enum Source {
    One(Array),
    Many(Array),
}

fn prepare_value(
    dst_dtype: DType,
    out_shape: &[usize],
    value: Operand,
    plan_full_mask: Option<usize>,
    dst: &Array,
) -> Result<Source> {
    if let Some(s) = value.scalar() {
        check_scalar_for(s, dst_dtype)?;
        return Ok(Source::One(s.to_array().astype(dst_dtype)));
    }
    let v = value.into_array();
    if let Some(count) = plan_full_mask {
        if v.ndim() > 1 {
            return Err(ArrayError::type_error(format!(
                "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, \
                 input has {} dimensions",
                v.ndim()
            )));
        }
        if v.ndim() == 1 && v.size() != count && v.size() != 1 {
            return Err(ArrayError::value(format!(
                "NumPy boolean array indexing assignment cannot assign {} input values to the \
                 {count} output values where the mask is true",
                v.size()
            )));
        }
    }
    let err = || {
        ArrayError::value(format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result \
             of shape {}",
            compact_shape(v.shape()),
            compact_shape(out_shape)
        ))
    };
    let mut s = v.clone();
    while s.ndim() > out_shape.len() && s.shape[0] == 1 {
        s = s.view_with(s.offset, s.shape[1..].to_vec(), s.strides[1..].to_vec());
    }
    let s = s.broadcast_view(out_shape).map_err(|_| err())?;
    if v.size() == 1 {
        return Ok(Source::One(v.reshape(()).astype(dst_dtype)));
    }
    let s = crate::operand::cast_array(&s, dst_dtype);
    let s = if !is_c_contiguous(&s.shape, &s.strides)
        || s.strides.iter().any(|&x| x < 0)
        || s.shares_memory(dst)
    {
        crate::shape::contiguous_copy(&s)
    } else {
        s
    };
    Ok(Source::Many(s))
}

fn scatter(plan: &Plan, value: Operand) -> Result<()> {
    let dst = &plan.view;
    let count = plan.full_mask.then_some(plan.offs.len());
    let src = prepare_value(dst.dtype(), &plan.out_shape, value, count, dst)?;
    let inner = plan.inner_size();
    let inner_offs = plan.inner_offsets();
    let base = dst.storage.addr() as *mut u8;
    by_itemsize!(dst.itemsize(), E => {
        let d = base as *mut E;
        // SAFETY: offsets were bounds-checked against the writeable view; the source is a
        // separate buffer (copied if it overlapped) with `out_shape` elements, or one element.
        unsafe {
            match src {
                Source::One(v) => {
                    let x = *((v.storage.addr() as *const E).add(v.offset));
                    match &inner_offs {
                        None => plan.for_each_block(|o, _| {
                            for j in 0..inner {
                                *d.offset(o + j as isize) = x;
                            }
                        }),
                        Some(io) => plan.for_each_block(|o, _| {
                            for &j in io {
                                *d.offset(o + j) = x;
                            }
                        }),
                    }
                }
                Source::Many(v) => {
                    let s = (v.storage.addr() as *const E).add(v.offset);
                    match &inner_offs {
                        None => plan.for_each_block(|o, k| {
                            std::ptr::copy_nonoverlapping(s.add(k), d.offset(o), inner)
                        }),
                        Some(io) => plan.for_each_block(|o, k| {
                            for (j, &off) in io.iter().enumerate() {
                                *d.offset(o + off) = *s.add(k + j);
                            }
                        }),
                    }
                }
            }
        }
    });
    Ok(())
}

/// NumPy's `arr[index] = value` for any index expression.
/// `a[mask] = x` for a mask of `a`'s own shape over contiguous memory, in one pass over both
/// (NumPy's `putmask` loop), instead of listing the selected positions first. False when the
/// layout needs the general path.
fn mask_fill(a: &Array, mask: &Array, x: crate::Scalar) -> Result<bool> {
    let contiguous = |v: &Array| crate::array::is_c_contiguous(v.shape(), &v.strides);
    if mask.dtype() != DType::Bool
        || mask.shape() != a.shape()
        || !contiguous(a)
        || a.shares_memory(mask)
    {
        return Ok(false);
    }
    let Some(m) = mask.as_slice::<bool>() else {
        return Ok(false);
    };
    check_scalar_for(x, a.dtype())?;
    let one = x.to_array().astype(a.dtype());
    let base = a.storage.addr() as *mut u8;
    by_itemsize!(a.itemsize(), E => {
        // SAFETY: `a` is writeable (checked by the caller) and row-major contiguous with
        // `m.len()` elements from its offset; `one` holds one element of the same dtype.
        unsafe {
            let d = (base as *mut E).add(a.offset);
            let v = *((one.storage.addr() as *const E).add(one.offset));
            // The mask is read 32 bytes at a time, and a block with nothing selected is
            // skipped whole: NumPy's loop also skips runs of false, which is what makes a
            // sparse (or, after a first assignment, empty) mask cheap.
            let bytes = std::slice::from_raw_parts(m.as_ptr() as *const u8, m.len());
            let mut blocks = bytes.chunks_exact(32);
            let mut start = 0;
            for block in blocks.by_ref() {
                let word = |k: usize| u64::from_ne_bytes(block[k..k + 8].try_into().unwrap());
                if word(0) | word(8) | word(16) | word(24) != 0 {
                    for (i, &keep) in block.iter().enumerate() {
                        if keep != 0 {
                            *d.add(start + i) = v;
                        }
                    }
                }
                start += 32;
            }
            for (i, &keep) in blocks.remainder().iter().enumerate() {
                if keep != 0 {
                    *d.add(start + i) = v;
                }
            }
        }
    });
    Ok(true)
}

pub(crate) fn set_expr(a: &Array, index: &[SliceElem], value: Operand) -> Result<()> {
    if !a.writeable {
        return Err(ArrayError::value("assignment destination is read-only"));
    }
    let index = normalize(index)?;
    if a.dtype().is_str() {
        // The indexed buffer positions, then the values written there as text.
        let pos = crate::strings::index_positions(a, &index)?;
        return crate::strings::scatter(a, &pos, &crate::strings::as_str_array(&value));
    }
    if let ([SliceElem::Array(mask)], Some(x)) = (&index[..], value.scalar())
        && mask_fill(a, mask, x)?
    {
        return Ok(());
    }
    if !index.iter().any(|e| matches!(e, SliceElem::Array(_))) {
        let v = a.basic_view(&index)?;
        return match value.scalar() {
            Some(s) => v.try_assign_scalar(s),
            None => v.try_assign(&value.into_array()),
        };
    }
    let plan = make_plan(a, &index)?;
    scatter(&plan, value)
}

impl Array {
    /// NumPy's `arr[...]` with any index expression: basic entries (`1..`, `..;2`, `0`,
    /// `NewAxis`, `Ellipsis`) give a view; integer-array and boolean-array entries select a
    /// copy, with NumPy's rules (index arrays broadcast together; advanced indices separated
    /// by a slice put their axes first; negative indices count from the end).
    ///
    /// `arr[[0, 2], :]` is `arr.index(s![[0, 2], ..])`, `arr[arr > 5]` is
    /// `arr.index(s![arr.gt(5)])`, `x[rows, cols]` is `x.index(s![&rows, &cols])`.
    ///
    /// ```
    /// use arraylib::{self as np, s};
    /// let arr = np::arange(12).reshape([3, 4]);
    /// assert_eq!(arr.index(s![[0, 2], ..]).shape(), &[2, 4]);
    /// assert_eq!(arr.index(s![arr.gt(8)]).to_vec::<i64>(), vec![9, 10, 11]);
    /// let labels = np::array![2, 0];
    /// assert_eq!(np::eye(3).index(s![&labels]).to_vec::<f64>(), vec![0., 0., 1., 1., 0., 0.]);
    /// ```
    #[track_caller]
    pub fn index(&self, index: impl AsRef<[SliceElem]>) -> Array {
        self.try_index(index).or_panic()
    }

    /// Fallible form of [`Array::index`].
    ///
    /// ```
    /// use arraylib::s;
    /// let e = arraylib::arange(3).try_index(s![[5]]).unwrap_err();
    /// assert_eq!(e.to_string(), "IndexError: index 5 is out of bounds for axis 0 with size 3");
    /// ```
    pub fn try_index(&self, index: impl AsRef<[SliceElem]>) -> Result<Array> {
        self.slice_elems(index.as_ref())
    }

    /// NumPy's `arr[index] = value`. The index is a full element index (`[1, 2]`) or any
    /// index expression (`s![.., 0]`, `s![mask]`, `s![np::arange(n), &labels]`); the value is a
    /// number or an array, broadcast to the indexed shape and converted to this dtype (a
    /// float written into an int array is truncated; an integer that does not fit is an
    /// `OverflowError`). With repeated indices the last write wins.
    ///
    /// ```
    /// use arraylib::{self as np, s};
    /// let a = np::zeros([2, 2]);
    /// a.set([0, 1], 7);
    /// assert_eq!(a.get([0, 1]).to_f64(), 7.0);
    /// let out = np::zeros([3, 3]);
    /// out.set(s![np::arange(3), [2, 0, 1]], 1);
    /// assert_eq!(out.to_vec::<f64>(), vec![0., 0., 1., 1., 0., 0., 0., 1., 0.]);
    /// let x = np::arange(6);
    /// x.set(s![x.gt(3)], 0);
    /// assert_eq!(x.to_vec::<i64>(), vec![0, 1, 2, 3, 0, 0]);
    /// ```
    #[track_caller]
    pub fn set<'a>(&self, index: impl IntoIndex, value: impl IntoOperand<'a>) {
        self.try_set(index, value).or_panic()
    }

    /// Fallible form of [`Array::set`].
    ///
    /// ```
    /// assert!(arraylib::zeros(2).try_set([2], 1.0).is_err());
    /// ```
    pub fn try_set<'a>(&self, index: impl IntoIndex, value: impl IntoOperand<'a>) -> Result<()> {
        // The body is not generic, so it is compiled once here, not in every caller.
        fn inner(a: &Array, index: Vec<SliceElem>, value: Operand<'_>) -> Result<()> {
            if index.len() == a.ndim()
                && index.iter().all(|e| matches!(e, SliceElem::Index(_)))
                && let Some(s) = value.scalar()
            {
                let idx: Vec<isize> = index
                    .iter()
                    .map(|e| match e {
                        SliceElem::Index(i) => *i,
                        _ => unreachable!(),
                    })
                    .collect();
                return a.set_element(&idx, s);
            }
            set_expr(a, &index, value)
        }
        inner(self, index.into_index(), value.into_operand())
    }
}

#[cfg(test)]
mod tests {
    use crate::{self as np, Array, DType, NewAxis, s};

    #[test]
    fn basic_stays_view_advanced_copies() {
        let a = np::arange(12).reshape([3, 4]);
        assert!(a.index(s![1.., ..;2]).shares_memory(&a));
        let c = a.index(s![[0, 2], ..]);
        assert!(!c.shares_memory(&a));
        assert_eq!(c.to_vec::<i64>(), vec![0, 1, 2, 3, 8, 9, 10, 11]);
    }

    #[test]
    fn axis_placement() {
        let b = np::arange(120).reshape([2, 3, 4, 5]);
        assert_eq!(b.index(s![.., 0, .., [1, 2]]).shape(), &[2, 2, 4]);
        assert_eq!(b.index(s![.., [0], [1, 2]]).shape(), &[2, 2, 5]);
        assert_eq!(b.index(s![[0, 1], NewAxis, [0, 1]]).shape(), &[2, 1, 4, 5]);
        let m = b.index(s![1.., np::array![[0], [2]], [1, 3], ..;2]);
        assert_eq!(m.shape(), &[1, 2, 2, 3]);
        assert_eq!(m.get([0, 1, 1, 2]).to_i64(), b.get([1, 2, 3, 4]).to_i64());
    }

    #[test]
    fn masks_and_writes() {
        let a = Array::from(vec![0.2, 0.7, 0.9, 0.1]);
        let m = a.gt(0.5);
        assert_eq!(a.index(s![&m]).to_vec::<f64>(), vec![0.7, 0.9]);
        a.set(s![&m], np::array![1.0, 2.0]);
        assert_eq!(a.to_vec::<f64>(), vec![0.2, 1.0, 2.0, 0.1]);
        let t = np::arange(6).reshape([2, 3]).t();
        assert_eq!(t.index(s![t.gt(2)]).to_vec::<i64>(), vec![3, 4, 5]);
        // A scalar through a full-shape mask (one pass), including a cast to the array's dtype.
        let i = np::arange(6).reshape([2, 3]);
        i.set(s![i.gt(2)], 9.7);
        assert_eq!(i.to_vec::<i64>(), vec![0, 1, 2, 9, 9, 9]);
        let e = i.try_set(s![i.gt(2)], f64::NAN).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: cannot convert float NaN to integer"
        );
        // Longer than one 32-element block of the mask: empty, full and mixed blocks, and a
        // remainder, against the element-by-element rule.
        let n = 32 * 5 + 7;
        let picks: Vec<bool> = (0..n)
            .map(|i| (32..64).contains(&i) || i % 29 == 3)
            .collect();
        let f = np::arange(n as i64).astype(DType::Float64);
        f.set(s![Array::from(picks.clone())], -1.0);
        let want: Vec<f64> = (0..n)
            .map(|i| if picks[i] { -1.0 } else { i as f64 })
            .collect();
        assert_eq!(f.to_vec::<f64>(), want);
        // A mask that is the array itself.
        let b = np::array![true, false, true];
        b.set(s![&b], false);
        assert_eq!(b.to_vec::<bool>(), vec![false, false, false]);
        let c = np::zeros_dtype(3, DType::Complex128);
        c.set(s![[true, false, true]], 2.0);
        assert_eq!(
            c.astype(DType::Float64).to_vec::<f64>(),
            vec![2.0, 0.0, 2.0]
        );
    }

    #[test]
    fn error_messages() {
        let a = np::arange(3);
        let e = a.try_index(s![[true, false, true, true]]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "IndexError: boolean index did not match indexed array along axis 0; size of axis \
             is 3 but size of corresponding boolean axis is 4"
        );
        let e = np::zeros([3, 3])
            .try_index(s![[0, 1], [0, 1, 2]])
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "IndexError: shape mismatch: indexing arrays could not be broadcast together with \
             shapes (2,) (3,) "
        );
        let e = a.try_index(s![np::array![1.0]]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "IndexError: arrays used as indices must be of integer (or boolean) type"
        );
    }
}
