//! Shared, mutable element buffers.
//!
//! NumPy's views share memory and a write through any of them is seen by all. ndarray's
//! `ArcArray` copies on write instead, so arraylib keeps its own buffer: one allocation behind
//! an `Arc`, written through raw pointers. Arrays are not `Send`: a notebook session runs its
//! cells on one thread, as NumPy's GIL-bound code does, so aliasing writes cannot race.

use crate::dtype::{Complex64, Complex128, DType};
use std::cell::UnsafeCell;
use std::sync::Arc;

/// One allocation of elements, shared by an owning array and all views of it.
pub struct Buffer<T> {
    data: UnsafeCell<Vec<T>>,
    /// The shape of the array that allocated the buffer, so `base()` can rebuild the owner.
    pub(crate) owner_shape: Vec<usize>,
}

impl<T> Buffer<T> {
    /// Wraps a vector; `owner_shape` must have `data.len()` elements in all.
    pub(crate) fn new(data: Vec<T>, owner_shape: Vec<usize>) -> Arc<Self> {
        debug_assert_eq!(owner_shape.iter().product::<usize>(), data.len());
        Arc::new(Buffer {
            data: UnsafeCell::new(data),
            owner_shape,
        })
    }

    /// Pointer to the first element. Writes through it are allowed: the buffer is interior-mutable.
    pub(crate) fn ptr(&self) -> *mut T {
        // SAFETY: we only take a raw pointer; the Vec itself is never resized after creation.
        unsafe { (*self.data.get()).as_mut_ptr() }
    }
}

macro_rules! storage_enum {
    ($($variant:ident($t:ty)),* $(,)?) => {
        /// The typed buffer behind an array, one variant per dtype.
        #[derive(Clone)]
        #[doc(hidden)]
        pub enum Storage {
            $(
                #[doc = concat!("Elements of type `", stringify!($t), "`.")]
                $variant(Arc<Buffer<$t>>),
            )*
        }

        impl Storage {
            /// The dtype of the elements.
            pub(crate) fn dtype(&self) -> DType {
                match self {
                    $(Storage::$variant(_) => DType::$variant,)*
                }
            }

            /// Address of the first element, for identity and overlap tests.
            pub(crate) fn addr(&self) -> usize {
                match self {
                    $(Storage::$variant(b) => b.ptr() as usize,)*
                }
            }

            /// Shape of the array that allocated this buffer.
            pub(crate) fn owner_shape(&self) -> &[usize] {
                match self {
                    $(Storage::$variant(b) => &b.owner_shape,)*
                }
            }
        }
    };
}

storage_enum!(
    Bool(bool),
    Int8(i8),
    Int16(i16),
    Int32(i32),
    Int64(i64),
    UInt8(u8),
    UInt16(u16),
    UInt32(u32),
    UInt64(u64),
    Float32(f32),
    Float64(f64),
    Complex64(Complex64),
    Complex128(Complex128),
);
