//! Memory-mapped arrays: `np.load(path, mmap_mode=...)`, `np.memmap` and `open_memmap`.
//!
//! The array's buffer is the mapping itself, so a file larger than memory can be sliced and
//! reduced: the OS reads pages as they are touched and may drop them again. Nothing here
//! copies the data.

use super::npy::{self, Header};
use crate::array::Array;
use crate::dispatch;
use crate::dtype::{DType, Element};
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use crate::shape_arg::IntoShape;
use crate::storage::{Buffer, ExternalMemory, Storage};
use std::fs::{File, OpenOptions};
use std::path::Path;

/// How a file is mapped, NumPy's `mmap_mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MmapMode {
    /// `'r'`: read-only; writing is `ValueError: assignment destination is read-only`.
    ReadOnly,
    /// `'r+'`: read and write; writes reach the file (at `flush()` or when the last array
    /// over the mapping is dropped, and usually sooner).
    ReadWrite,
    /// `'c'`: copy-on-write; writes stay in memory and never reach the file.
    CopyOnWrite,
    /// `'w+'`: create or overwrite the file, then read and write (`np.memmap` and
    /// [`open_memmap`] only).
    WritePlus,
}

impl MmapMode {
    /// NumPy's name of the mode: `"r"`, `"r+"`, `"c"`, `"w+"`.
    ///
    /// ```
    /// assert_eq!(arraylib::MmapMode::ReadWrite.as_str(), "r+");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MmapMode::ReadOnly => "r",
            MmapMode::ReadWrite => "r+",
            MmapMode::CopyOnWrite => "c",
            MmapMode::WritePlus => "w+",
        }
    }
}

/// A live mapping, kept alive by the buffer of every array over it (the elements are reached
/// through the buffer's pointer, so some variants are only held, never read).
#[allow(dead_code)]
enum Mapping {
    ReadOnly(memmap2::Mmap),
    Shared(memmap2::MmapMut),
    Private(memmap2::MmapMut),
}

impl ExternalMemory for Mapping {
    fn flush(&self) -> std::io::Result<()> {
        match self {
            Mapping::Shared(m) => m.flush(),
            _ => Ok(()),
        }
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // Unmapping keeps the changes in the page cache; writing them now means the file is
        // complete once the last array is gone, as NumPy's `del` of a memmap promises.
        if let Mapping::Shared(m) = self {
            let _ = m.flush();
        }
    }
}

/// String arrays hold their text apart from the array's memory, so they cannot be a view of a
/// file: `Err` for a string dtype.
fn no_strings(dtype: DType) -> Result<()> {
    if dtype.is_str() {
        return Err(ArrayError::type_error(format!(
            "cannot memory-map an array of dtype {dtype}: string arrays are read into memory \
             (use load)"
        )));
    }
    Ok(())
}

/// Maps `nbytes` of `file` from `offset` and wraps them as an array of `shape` (in Fortran
/// order if asked). The caller has checked that the file is long enough.
fn map_array(
    file: &File,
    path: &Path,
    dtype: DType,
    mode: MmapMode,
    offset: u64,
    shape: &[usize],
    fortran_order: bool,
) -> Result<Array> {
    no_strings(dtype)?;
    let count: usize = shape.iter().product();
    let nbytes = count * dtype.itemsize();
    let writeable = mode != MmapMode::ReadOnly;
    if nbytes == 0 {
        // An empty mapping is not allowed by the OS; an empty array is the same to the user.
        let mut a = crate::zeros_dtype(shape.to_vec(), dtype);
        a.writeable = writeable;
        return Ok(a);
    }
    let align = if dtype.is_complex() {
        dtype.itemsize() / 2
    } else {
        dtype.itemsize()
    };
    if !offset.is_multiple_of(align as u64) {
        return Err(ArrayError::value(format!(
            "cannot memory-map {dtype} data at byte offset {offset}: it is not aligned"
        )));
    }
    let io = |e: std::io::Error| super::os_error(e, path);
    let mut opts = memmap2::MmapOptions::new();
    opts.offset(offset).len(nbytes);
    // SAFETY: the mapping is only reached through arrays, which check bounds; as with NumPy's
    // memmap, another process truncating the file while it is mapped is the user's problem.
    let (mapping, ptr) = unsafe {
        match mode {
            MmapMode::ReadOnly => {
                let m = opts.map(file).map_err(io)?;
                let p = m.as_ptr() as *mut u8;
                (Mapping::ReadOnly(m), p)
            }
            MmapMode::ReadWrite | MmapMode::WritePlus => {
                let mut m = opts.map_mut(file).map_err(io)?;
                let p = m.as_mut_ptr();
                (Mapping::Shared(m), p)
            }
            MmapMode::CopyOnWrite => {
                let mut m = opts.map_copy(file).map_err(io)?;
                let p = m.as_mut_ptr();
                (Mapping::Private(m), p)
            }
        }
    };
    let dims: Vec<usize> = if fortran_order {
        shape.iter().rev().copied().collect()
    } else {
        shape.to_vec()
    };
    let storage = dispatch!(dtype, T => wrap::<T>(ptr, mapping, writeable, dims.clone()))?;
    let mut a = Array::from_storage_c(storage, dims);
    if fortran_order {
        a = a.t();
    }
    // NumPy's memmap does not own its memory (`flags.owndata` is False).
    a.is_view = true;
    Ok(a)
}

fn wrap<T: Element>(
    ptr: *mut u8,
    mapping: Mapping,
    writeable: bool,
    dims: Vec<usize>,
) -> Result<Storage> {
    // Bools are bytes that must be 0 or 1: a read of another value through `bool` would be
    // undefined behaviour, so they are checked (and, if writeable, fixed) once.
    if T::DTYPE == DType::Bool {
        let n: usize = dims.iter().product();
        // SAFETY: the mapping holds `n` bytes at `ptr`.
        let bytes = unsafe { std::slice::from_raw_parts_mut(ptr, n) };
        if bytes.iter().any(|&b| b > 1) {
            if !writeable {
                return Err(ArrayError::value(
                    "the bool data holds bytes other than 0 and 1; load it without mmap_mode",
                ));
            }
            for b in bytes.iter_mut() {
                *b = (*b != 0) as u8;
            }
        }
    }
    // SAFETY: `ptr` is aligned (checked by the caller) and the mapping holds the elements;
    // the mapping lives in the buffer as long as any array over it.
    Ok(T::into_storage(unsafe {
        Buffer::from_external(ptr as *mut T, Box::new(mapping), writeable, dims)
    }))
}

fn open_for(path: &Path, mode: MmapMode) -> Result<File> {
    let r = match mode {
        MmapMode::ReadOnly | MmapMode::CopyOnWrite => File::open(path),
        MmapMode::ReadWrite => OpenOptions::new().read(true).write(true).open(path),
        MmapMode::WritePlus => OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path),
    };
    r.map_err(|e| super::os_error(e, path))
}

/// `np.load(path, mmap_mode=...)`: the array of a `.npy` file, mapped rather than read.
///
/// Slicing and reductions read only the pages they touch, so the file may be larger than
/// memory. With [`MmapMode::ReadWrite`] writes go to the file; [`Array::flush`] forces them
/// out. Panics with the error; see [`try_load_mmap`].
///
/// ```
/// use arraylib as np;
/// use np::MmapMode;
/// let path = std::env::temp_dir().join(format!("arraylib_mmap_doc_{}.npy", std::process::id()));
/// np::save(&path, &np::arange(10.0));
/// let m = np::load_mmap(&path, MmapMode::ReadOnly);
/// assert_eq!(m.slice(np::s![2..5]).sum().to_f64(), 9.0);
/// assert!(m.try_set([0], 1.0).is_err()); // read-only
/// let w = np::load_mmap(&path, MmapMode::ReadWrite);
/// w.set([0], 100.0);
/// w.flush().unwrap();
/// drop((m, w));
/// assert_eq!(np::load(&path).get([0]).to_f64(), 100.0);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn load_mmap(path: impl AsRef<Path>, mode: MmapMode) -> Array {
    try_load_mmap(path, mode).or_panic()
}

/// Fallible form of [`load_mmap`].
///
/// ```
/// let e = arraylib::try_load_mmap("missing.npy", arraylib::MmapMode::ReadOnly).unwrap_err();
/// assert_eq!(e.kind, arraylib::ErrorKind::FileNotFoundError);
/// ```
pub fn try_load_mmap(path: impl AsRef<Path>, mode: MmapMode) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(path: &Path, mode: MmapMode) -> Result<Array> {
        if mode == MmapMode::WritePlus {
            return Err(ArrayError::value(
                "mode 'w+' creates a file and needs a dtype and a shape: use open_memmap",
            ));
        }
        let file = open_for(path, mode)?;
        let mut first = [0u8; 6];
        let n = super::read_up_to(&mut &file, &mut first).map_err(|e| super::os_error(e, path))?;
        if n == 0 {
            return Err(ArrayError::new(ErrorKind::EOFError, "No data left in file"));
        }
        if first[..n].starts_with(b"PK") {
            return Err(ArrayError::value(
                "an .npz archive cannot be memory-mapped (NumPy ignores mmap_mode for it); use load",
            ));
        }
        if &first[..n] != npy::MAGIC_PREFIX {
            return Err(super::pickle_error());
        }
        use std::io::Seek;
        (&file)
            .seek(std::io::SeekFrom::Start(0))
            .map_err(|e| super::os_error(e, path))?;
        let mut reader = std::io::BufReader::with_capacity(4096, &file);
        let h: Header = npy::read_header(&mut reader)?;
        let count = h.count()?;
        if h.swap {
            return Err(ArrayError::type_error(format!(
                "cannot memory-map byte-swapped {} data: arraylib arrays are in native byte order; \
                 load the file without mmap_mode to convert it",
                h.dtype
            )));
        }
        let len = file.metadata().map_err(|e| super::os_error(e, path))?.len();
        let nbytes = (count * h.dtype.itemsize()) as u64;
        if (h.data_offset as u64).saturating_add(nbytes) > len {
            return Err(ArrayError::value("mmap length is greater than file size"));
        }
        map_array(
            &file,
            path,
            h.dtype,
            mode,
            h.data_offset as u64,
            &h.shape,
            h.fortran_order,
        )
    }
    inner(path.as_ref(), mode)
}

/// NumPy's `np.lib.format.open_memmap(path, mode='w+', dtype, shape)`: creates a `.npy` file of
/// zeros and maps it read-write, so results larger than memory can be written piece by piece.
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_open_memmap_{}.npy", std::process::id()));
/// let m = np::open_memmap(&path, np::float32, [1000, 4]);
/// m.slice(np::s![10, ..]).fill(2.0);
/// drop(m);
/// let back = np::load(&path);
/// assert_eq!(back.dtype(), np::float32);
/// assert_eq!(back.sum().to_f64(), 8.0);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn open_memmap(path: impl AsRef<Path>, dtype: DType, shape: impl IntoShape) -> Array {
    try_open_memmap(path, dtype, shape).or_panic()
}

/// Fallible form of [`open_memmap`].
///
/// ```
/// assert!(arraylib::try_open_memmap("no/such/dir/x.npy", arraylib::float64, 3).is_err());
/// ```
pub fn try_open_memmap(
    path: impl AsRef<Path>,
    dtype: DType,
    shape: impl IntoShape,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(path: &Path, dtype: DType, dims: Vec<isize>) -> Result<Array> {
        no_strings(dtype)?;
        let shape = crate::shape_arg::creation_shape(dims)?;
        let header = npy::header_bytes(dtype, false, &shape);
        let h = Header {
            dtype,
            swap: false,
            fortran_order: false,
            shape: shape.clone(),
            data_offset: header.len(),
        };
        let nbytes = h.count()? * dtype.itemsize();
        let file = open_for(path, MmapMode::WritePlus)?;
        let io = |e: std::io::Error| super::os_error(e, path);
        use std::io::Write;
        (&file).write_all(&header).map_err(io)?;
        file.set_len((header.len() + nbytes) as u64).map_err(io)?;
        map_array(
            &file,
            path,
            dtype,
            MmapMode::WritePlus,
            header.len() as u64,
            &shape,
            false,
        )
    }
    inner(path.as_ref(), dtype, shape.into_dims())
}

/// `np.memmap(path, dtype, mode, offset, shape)`: a raw binary file (no header) as an array.
///
/// With `shape` `None` the array is 1-D over the whole file after `offset`; mode
/// [`MmapMode::WritePlus`] creates the file and needs a shape.
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_memmap_{}.dat", std::process::id()));
/// let m = np::memmap(&path, np::int16, np::MmapMode::WritePlus, 0, Some(vec![2, 3]));
/// m.assign(&np::arange(6).reshape([2, 3]).astype(np::int16));
/// m.flush().unwrap();
/// drop(m);
/// assert_eq!(std::fs::metadata(&path).unwrap().len(), 12);
/// let r = np::memmap(&path, np::int16, np::MmapMode::ReadOnly, 4, None);
/// assert_eq!(r.to_vec::<i16>(), vec![2, 3, 4, 5]);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn memmap(
    path: impl AsRef<Path>,
    dtype: DType,
    mode: MmapMode,
    offset: usize,
    shape: Option<Vec<usize>>,
) -> Array {
    try_memmap(path, dtype, mode, offset, shape).or_panic()
}

/// Fallible form of [`memmap`], with NumPy's errors.
///
/// ```
/// use arraylib as np;
/// let e = np::try_memmap("x.dat", np::float64, np::MmapMode::WritePlus, 0, None).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: shape must be given if mode == 'w+'");
/// ```
pub fn try_memmap(
    path: impl AsRef<Path>,
    dtype: DType,
    mode: MmapMode,
    offset: usize,
    shape: Option<Vec<usize>>,
) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(
        path: &Path,
        dtype: DType,
        mode: MmapMode,
        offset: usize,
        shape: Option<Vec<usize>>,
    ) -> Result<Array> {
        if mode == MmapMode::WritePlus && shape.is_none() {
            return Err(ArrayError::value("shape must be given if mode == 'w+'"));
        }
        no_strings(dtype)?;
        let file = open_for(path, mode)?;
        let io = |e: std::io::Error| super::os_error(e, path);
        let len = file.metadata().map_err(io)?.len() as usize;
        let item = dtype.itemsize();
        let shape = match shape {
            Some(s) => s,
            None => {
                let bytes = len.saturating_sub(offset);
                if !bytes.is_multiple_of(item) {
                    return Err(ArrayError::value(
                        "Size of available data is not a multiple of the data-type size.",
                    ));
                }
                vec![bytes / item]
            }
        };
        let nbytes = shape
            .iter()
            .try_fold(item, |acc, &d| acc.checked_mul(d))
            .ok_or_else(|| ArrayError::value("array is too big."))?;
        let end = offset + nbytes;
        if end > len {
            if mode == MmapMode::WritePlus || mode == MmapMode::ReadWrite {
                // NumPy grows the file for writable modes.
                file.set_len(end as u64).map_err(io)?;
            } else {
                return Err(ArrayError::value("mmap length is greater than file size"));
            }
        }
        map_array(&file, path, dtype, mode, offset as u64, &shape, false)
    }
    inner(path.as_ref(), dtype, mode, offset, shape)
}

impl Array {
    /// Writes changes of a memory-mapped array (mode `'r+'`/`'w+'`) to its file, as NumPy's
    /// `memmap.flush()`; does nothing for other arrays.
    ///
    /// ```
    /// assert!(arraylib::zeros(3).flush().is_ok());
    /// ```
    pub fn flush(&self) -> Result<()> {
        self.storage
            .flush()
            .map_err(|e| ArrayError::new(ErrorKind::OSError, e.to_string()))
    }
}
