//! # arraylib
//!
//! A NumPy-faithful N-dimensional array for Rust notebooks. One [`Array`] type with a dynamic
//! dtype, views that share memory, NumPy's broadcasting and promotion rules, and NumPy's
//! printing and error messages. In the Jupyter kernel it is preloaded as `np`:
//!
//! ```
//! use arraylib as np;
//! let a = np::arange(12).reshape([3, 4]);
//! assert_eq!(a.shape(), &[3, 4]);
//! ```

#![warn(missing_docs)]

pub mod arithmetic;
pub mod array;
pub mod array_card;
pub mod assign;
pub mod astype;
pub mod bincount;
pub mod broadcast;
pub mod casting;
pub mod comparison;
mod comparison_simd;
pub mod complex_parts;
pub mod constructors;
pub mod creation_extra;
pub mod cumulative;
mod dispatch;
pub mod display;
pub mod dtype;
pub mod einsum;
pub mod error;
pub mod fancy_indexing;
pub mod histogram;
pub mod interop;
pub mod interrupt;
pub mod io;
pub mod joining;
pub mod linalg;
pub mod matmul;
pub mod nonzero;
pub mod operand;
pub mod plot;
pub mod print;
pub mod print_float;
pub mod print_options;
pub mod progress;
mod radix_sort;
pub mod random;
pub mod reductions;
pub mod scalar;
pub mod searching;
pub mod shape;
pub mod shape_arg;
mod simd_sort;
pub mod slicing;
pub mod sorting;
pub mod statistics;
pub mod storage;
mod stream_copy;
pub mod strings;
pub mod take_put;
pub mod ufuncs;
pub mod unique;
pub mod whos;

pub use arithmetic::{
    add, divide, floor_divide, fmod, mod_, multiply, power, remainder, subtract, true_divide,
    try_add, try_divide, try_floor_divide, try_fmod, try_mod, try_multiply, try_power,
    try_remainder, try_subtract, try_true_divide,
};
pub use array::{Array, Flags};
pub use assign::copyto;
pub use astype::astype;
pub use bincount::{bincount, bincount_with, try_bincount_with};
pub use comparison::{
    allclose, allclose_with, array_equal, array_equal_nan, bitwise_and, bitwise_or, bitwise_xor,
    equal, greater, greater_equal, invert, isclose, isclose_with, less, less_equal, logical_and,
    logical_not, logical_or, logical_xor, not_equal, where_,
};
pub use complex_parts::{imag, real};
pub use constructors::*;
pub use creation_extra::{
    ArrayData, EyeArgs, IntoLiteral, array, asarray, diag, diag_k, empty_dtype, empty_like, eye,
    full_like, identity, logspace, meshgrid, meshgrid_indexing, ones_dtype, ones_like, try_diag_k,
    try_eye, try_full_like, try_meshgrid_indexing, zeros_dtype, zeros_like,
};
pub use cumulative::{cumprod, cumprod_axis, cumsum, cumsum_axis};
pub use display::{DisplayHandle, RichDisplay, clear_output, display, display_with_id};
pub use dtype::{
    Complex64, Complex128, DType, Element, LONG, bool_, complex64, complex128, float32, float64,
    int8, int16, int32, int64, promote, str_, uint8, uint16, uint32, uint64,
};
pub use einsum::{einsum, try_einsum};
pub use error::{ArrayError, ErrorKind, Result};
pub use fancy_indexing::{IntoIndex, IntoIndexArray};
pub use histogram::{
    Bins, histogram, histogram_bin_edges, histogram_with, try_histogram_bin_edges,
    try_histogram_with,
};
pub use io::npz::{NpzFile, load_npz, try_load_npz};
pub use io::text::{
    GenFromTxt, LoadTxt, SaveTxt, genfromtxt, loadtxt, savetxt, try_genfromtxt, try_loadtxt,
    try_savetxt,
};
pub use io::{
    Loaded, MmapMode, NpzEntries, load, load_mmap, memmap, open_memmap, read_npy, save, savez,
    savez_compressed, try_load, try_load_mmap, try_memmap, try_open_memmap, try_save, try_savez,
    try_savez_compressed, write_npy,
};
pub use joining::{
    SplitArg, array_split, column_stack, concatenate, dsplit, dstack, hsplit, hstack, repeat,
    repeat_axis, split, stack, tile, try_array_split, try_column_stack, try_concatenate,
    try_dstack, try_hsplit, try_hstack, try_split, try_stack, try_tile, try_vsplit, try_vstack,
    vsplit, vstack,
};
pub use linalg::{trace, trace_offset, try_trace};
pub use matmul::{dot, inner, matmul, outer, try_dot, try_inner, try_matmul, vdot};
pub use nonzero::{argwhere, flatnonzero, nonzero, try_nonzero};
pub use operand::{IntoOperand, Operand, WeakNumber};
pub use print::{array_repr, array_str, array2string, array2string_with};
pub use print_float::{FloatFormat, Trim, format_float_positional, format_float_scientific};
pub use print_options::{
    FloatMode, PrintOptions, PrintOptionsGuard, Sign, get_printoptions, printoptions,
    reset_printoptions, set_printoptions,
};
pub use progress::{Progress, progress};
pub use reductions::{
    all, all_axis, amax, amax_axis, amin, amin_axis, any, any_axis, argmax, argmax_axis, argmin,
    argmin_axis, count_nonzero, count_nonzero_axis, max, max_axis, mean, mean_axis, min, min_axis,
    nanargmax, nanargmax_axis, nanargmin, nanargmin_axis, nanmax, nanmax_axis, nanmean,
    nanmean_axis, nanmin, nanmin_axis, nanprod, nanprod_axis, nanstd, nanstd_axis, nansum,
    nansum_axis, nanvar, nanvar_axis, prod, prod_axis, ptp, ptp_axis, std, std_axis, std_axis_ddof,
    std_ddof, sum, sum_axis, try_count_nonzero_axis, try_ptp, try_ptp_axis, var, var_axis,
    var_axis_ddof, var_ddof,
};
pub use scalar::Scalar;
pub use searching::{searchsorted, searchsorted_side, try_searchsorted_side};
pub use shape::{
    ascontiguousarray, asfortranarray, atleast_1d, atleast_2d, atleast_3d, expand_dims, flip,
    flip_axis, fliplr, flipud, moveaxis, permute_dims, ravel, reshape, squeeze, squeeze_axis,
    swapaxes, transpose, try_expand_dims, try_flip_axis, try_moveaxis,
};
pub use shape_arg::{IntoAxes, IntoShape, normalize_axes, normalize_axis};
pub use slicing::{Ellipsis, IntoSliceElem, NewAxis, SliceElem, newaxis};
pub use sorting::{
    argpartition, argpartition_axis, argsort, argsort_axis, argsort_flat, argsort_kind, partition,
    partition_axis, sort, sort_axis, sort_flat, sort_kind, try_argpartition_axis, try_argsort_axis,
    try_argsort_kind, try_partition_axis, try_sort_axis, try_sort_kind,
};
pub use statistics::{
    median, median_axis, nanmedian, nanmedian_axis, percentile, percentile_axis, quantile,
    quantile_axis, try_median_axis, try_percentile, try_percentile_axis, try_quantile,
    try_quantile_axis,
};
pub use take_put::{
    compress, compress_axis, extract, put, put_along_axis, put_mode, take, take_along_axis,
    take_axis, take_mode, try_compress, try_compress_axis, try_extract, try_put,
    try_put_along_axis, try_put_mode, try_take, try_take_along_axis, try_take_axis, try_take_mode,
};
pub use ufuncs::{
    abs, absolute, arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh, around, cbrt, ceil,
    clip, cos, cosh, deg2rad, exp, expm1, floor, fmax, fmin, hypot, isfinite, isinf, isnan, log,
    log1p, log2, log10, maximum, minimum, negative, positive, rad2deg, reciprocal, rint, round,
    sign, sin, sinh, sqrt, square, tan, tanh, trunc,
};
pub use unique::{unique, unique_all, unique_counts, unique_inverse, unique_values, unique_with};

/// The library version, NumPy's `np.__version__`.
#[allow(non_upper_case_globals)]
pub const __version__: &str = env!("CARGO_PKG_VERSION");

/// What a notebook cell imports with `use arraylib::prelude::*;`: the array type, the `s!`
/// and `array!` macros, and the names used without the `np::` prefix.
pub mod prelude {
    pub use crate::array;
    pub use crate::s;
    pub use crate::{Array, DType, Ellipsis, NewAxis, RichDisplay, Scalar};
}
