//! Shared, mutable element buffers.
//!
//! NumPy's views share memory and a write through any of them is seen by all. ndarray's
//! `ArcArray` copies on write instead, so arraylib keeps its own buffer: one allocation behind
//! an `Arc`, written through raw pointers. Arrays are not `Send`: a notebook session runs its
//! cells on one thread, as NumPy's GIL-bound code does, so aliasing writes cannot race.

use crate::dtype::{Complex64, Complex128, DType};

/// One element of a string array: its text, at most the array's width in characters.
#[doc(hidden)]
pub type StrElem = Box<str>;
use std::sync::Arc;

/// Memory that is not a `Vec`, such as a file mapping, which a buffer keeps alive.
pub(crate) trait ExternalMemory {
    /// Writes changed elements back to where they came from (a no-op if there is nowhere).
    fn flush(&self) -> std::io::Result<()>;
}

/// Where the elements of a buffer live.
enum Memory<T> {
    // Held only to free the elements; they are reached through `Buffer::ptr`.
    #[allow(dead_code)]
    Owned(Vec<T>),
    External(Box<dyn ExternalMemory>),
}

/// One allocation of elements, shared by an owning array and all views of it.
pub struct Buffer<T> {
    mem: Memory<T>,
    /// First element; fixed at creation, since the memory is never resized.
    ptr: *mut T,
    /// False for read-only memory (a file mapped with `mmap_mode='r'`): every array made over
    /// it starts read-only.
    writeable: bool,
    /// The shape of the array that allocated the buffer, so `base()` can rebuild the owner.
    pub(crate) owner_shape: Vec<usize>,
}

impl<T> Buffer<T> {
    /// Wraps a vector; `owner_shape` must have `data.len()` elements in all.
    pub(crate) fn new(mut data: Vec<T>, owner_shape: Vec<usize>) -> Arc<Self> {
        debug_assert_eq!(owner_shape.iter().product::<usize>(), data.len());
        let ptr = data.as_mut_ptr();
        Arc::new(Buffer {
            mem: Memory::Owned(data),
            ptr,
            writeable: true,
            owner_shape,
        })
    }

    /// Wraps memory owned by `keep` (a file mapping): `ptr` must point to
    /// `owner_shape.product()` initialized, aligned elements that live as long as `keep`.
    ///
    /// # Safety
    /// `ptr` must be valid for reads (and for writes if `writeable`) of that many elements for
    /// as long as `keep` is alive, and not be reachable from any other buffer.
    pub(crate) unsafe fn from_external(
        ptr: *mut T,
        keep: Box<dyn ExternalMemory>,
        writeable: bool,
        owner_shape: Vec<usize>,
    ) -> Arc<Self> {
        Arc::new(Buffer {
            mem: Memory::External(keep),
            ptr,
            writeable,
            owner_shape,
        })
    }

    /// Pointer to the first element. Writes through it are allowed: the buffer is interior-mutable.
    pub(crate) fn ptr(&self) -> *mut T {
        self.ptr
    }

    /// True if the memory is not an owned `Vec` (a file mapping): operations must not reuse it
    /// for their results.
    pub(crate) fn is_external(&self) -> bool {
        matches!(self.mem, Memory::External(_))
    }

    /// Writes changes back to the file behind an external buffer.
    pub(crate) fn flush(&self) -> std::io::Result<()> {
        match &self.mem {
            Memory::Owned(_) => Ok(()),
            Memory::External(m) => m.flush(),
        }
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
            /// Unicode strings of at most the given number of characters (NumPy's `<U{n}`).
            Str(Arc<Buffer<StrElem>>, u32),
        }

        impl Storage {
            /// The dtype of the elements.
            pub(crate) fn dtype(&self) -> DType {
                match self {
                    $(Storage::$variant(_) => DType::$variant,)*
                    Storage::Str(_, n) => DType::Str(*n),
                }
            }

            /// Address of the first element, for identity and overlap tests.
            pub(crate) fn addr(&self) -> usize {
                match self {
                    $(Storage::$variant(b) => b.ptr() as usize,)*
                    Storage::Str(b, _) => b.ptr() as usize,
                }
            }

            /// False if the memory may not be written (a read-only file mapping).
            pub(crate) fn writeable(&self) -> bool {
                match self {
                    $(Storage::$variant(b) => b.writeable,)*
                    Storage::Str(b, _) => b.writeable,
                }
            }

            /// True for memory that is not an owned `Vec` (a file mapping).
            pub(crate) fn is_external(&self) -> bool {
                match self {
                    $(Storage::$variant(b) => b.is_external(),)*
                    Storage::Str(b, _) => b.is_external(),
                }
            }

            /// Writes changes of an external buffer back to its file.
            pub(crate) fn flush(&self) -> std::io::Result<()> {
                match self {
                    $(Storage::$variant(b) => b.flush(),)*
                    Storage::Str(b, _) => b.flush(),
                }
            }

            /// Size in bytes of one element as it lies in the buffer (`itemsize` for numbers;
            /// a string element is a pointer to its text).
            pub(crate) fn elem_size(&self) -> usize {
                match self {
                    $(Storage::$variant(_) => std::mem::size_of::<$t>(),)*
                    Storage::Str(..) => std::mem::size_of::<StrElem>(),
                }
            }

            /// Shape of the array that allocated this buffer.
            pub(crate) fn owner_shape(&self) -> &[usize] {
                match self {
                    $(Storage::$variant(b) => &b.owner_shape,)*
                    Storage::Str(b, _) => &b.owner_shape,
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
