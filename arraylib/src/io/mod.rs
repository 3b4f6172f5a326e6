//! Files: NumPy's `.npy` and `.npz` formats, memory-mapped arrays and text tables.
//!
//! [`load`] looks at the first bytes of a file as `np.load` does and gives either one array
//! (`.npy`) or an archive of named arrays (`.npz`); [`save`], [`savez`] and
//! [`savez_compressed`] write files NumPy reads back exactly.

pub mod mmap;
pub mod npy;
pub mod npz;
pub mod text;

use crate::array::Array;
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use npz::NpzFile;
use std::io::Read;
use std::path::Path;

/// What [`load`] found in a file: one array (`.npy`) or an archive of arrays (`.npz`).
///
/// It dereferences to the [`Array`] of a `.npy` file, and indexes like the `NpzFile` of an
/// `.npz` archive, so both read as in NumPy:
///
/// ```
/// use arraylib as np;
/// let dir = std::env::temp_dir().join(format!("arraylib_loaded_doc_{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// np::save(dir.join("a.npy"), &np::arange(3));
/// np::savez(dir.join("b.npz"), &[("x", &np::ones(2))]);
/// let a = np::load(dir.join("a.npy"));
/// assert_eq!(a.sum().to_i64(), 3);
/// let b = np::load(dir.join("b.npz"));
/// assert_eq!(b["x"].shape(), &[2]);
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub enum Loaded {
    /// The array of a `.npy` file.
    Array(Array),
    /// The arrays of an `.npz` archive.
    Npz(NpzFile),
}

impl Loaded {
    /// The array of a `.npy` file; a `TypeError` for an archive.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("arraylib_into_array_{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// arraylib::save(dir.join("a.npy"), &arraylib::zeros(2));
    /// let a = arraylib::load(dir.join("a.npy")).into_array().unwrap();
    /// assert_eq!(a.shape(), &[2]);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn into_array(self) -> Result<Array> {
        match self {
            Loaded::Array(a) => Ok(a),
            Loaded::Npz(_) => Err(not_an_array()),
        }
    }

    /// The archive of an `.npz` file; a `TypeError` for a single array.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("arraylib_into_npz_{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// arraylib::savez(dir.join("a.npz"), &[&arraylib::zeros(2)]);
    /// let z = arraylib::load(dir.join("a.npz")).into_npz().unwrap();
    /// assert_eq!(z.files(), vec!["arr_0"]);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn into_npz(self) -> Result<NpzFile> {
        match self {
            Loaded::Npz(z) => Ok(z),
            Loaded::Array(_) => Err(ArrayError::type_error(
                "the file holds one array (.npy), not an archive (.npz)",
            )),
        }
    }

    /// The names in an `.npz` archive (`npz.files`); empty for a `.npy` file.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("arraylib_files_{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// arraylib::savez(dir.join("a.npz"), &[("w", &arraylib::zeros(2))]);
    /// assert_eq!(arraylib::load(dir.join("a.npz")).files(), vec!["w"]);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn files(&self) -> Vec<&str> {
        match self {
            Loaded::Npz(z) => z.files(),
            Loaded::Array(_) => Vec::new(),
        }
    }

    /// The archive of an `.npz` file, borrowed (`None` for a `.npy` file). A `.npy` file's
    /// array is reached through `Deref`, so `loaded.get([0])` is the array's element.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("arraylib_as_npz_{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// arraylib::savez(dir.join("a.npz"), &[("w", &arraylib::zeros(2))]);
    /// let z = arraylib::load(dir.join("a.npz"));
    /// assert!(z.as_npz().unwrap().get("w").is_ok());
    /// let e = z.as_npz().unwrap().get("b").unwrap_err();
    /// assert_eq!(e.to_string(), "KeyError: 'b is not a file in the archive'");
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn as_npz(&self) -> Option<&NpzFile> {
        match self {
            Loaded::Npz(z) => Some(z),
            Loaded::Array(_) => None,
        }
    }
}

fn not_an_array() -> ArrayError {
    ArrayError::type_error(
        "the file is an .npz archive, not one array; use npz[\"name\"] or npz.files()",
    )
}

impl std::ops::Deref for Loaded {
    type Target = Array;
    #[track_caller]
    fn deref(&self) -> &Array {
        match self {
            Loaded::Array(a) => a,
            Loaded::Npz(_) => std::panic::panic_any(not_an_array().to_string()),
        }
    }
}

impl std::ops::Index<&str> for Loaded {
    type Output = Array;
    #[track_caller]
    fn index(&self, name: &str) -> &Array {
        match self {
            Loaded::Npz(z) => &z[name],
            Loaded::Array(_) => std::panic::panic_any(
                ArrayError::type_error("the file holds one array (.npy), not an archive (.npz)")
                    .to_string(),
            ),
        }
    }
}

impl AsRef<Array> for Loaded {
    #[track_caller]
    fn as_ref(&self) -> &Array {
        self
    }
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loaded::Array(a) => std::fmt::Debug::fmt(a, f),
            Loaded::Npz(z) => std::fmt::Debug::fmt(z, f),
        }
    }
}

impl std::fmt::Display for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loaded::Array(a) => std::fmt::Display::fmt(a, f),
            Loaded::Npz(z) => std::fmt::Debug::fmt(z, f),
        }
    }
}

impl From<Loaded> for Array {
    #[track_caller]
    fn from(l: Loaded) -> Array {
        l.into_array().or_panic()
    }
}

/// `np.load(path)`: the array of a `.npy` file or the archive of an `.npz` file, told apart by
/// their first bytes as NumPy does. Panics with NumPy's error; see [`try_load`].
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_load_{}.npy", std::process::id()));
/// np::save(&path, &np::arange(6).reshape([2, 3]));
/// let a = np::load(&path);
/// assert_eq!(a.shape(), &[2, 3]);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn load(path: impl AsRef<Path>) -> Loaded {
    try_load(path).or_panic()
}

/// Fallible form of [`load`].
///
/// ```
/// let e = arraylib::try_load("no/such/file.npy").unwrap_err();
/// assert_eq!(e.to_string(), "FileNotFoundError: [Errno 2] No such file or directory: 'no/such/file.npy'");
/// ```
pub fn try_load(path: impl AsRef<Path>) -> Result<Loaded> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(path: &Path) -> Result<Loaded> {
        let mut file = open(path)?;
        let mut magic = [0u8; 6];
        let n = read_up_to(&mut file, &mut magic).map_err(|e| os_error(e, path))?;
        if n == 0 {
            return Err(ArrayError::new(ErrorKind::EOFError, "No data left in file"));
        }
        let magic = &magic[..n];
        if magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06") {
            return Ok(Loaded::Npz(npz::NpzFile::open_file(file, path)?));
        }
        if magic == npy::MAGIC_PREFIX {
            return Ok(Loaded::Array(npy::load_npy_file(file, path)?));
        }
        Err(pickle_error())
    }
    inner(path.as_ref())
}

/// What `np.load` says about a file that is neither `.npy` nor `.npz`.
pub(crate) fn pickle_error() -> ArrayError {
    ArrayError::value(
        "This file contains pickled (object) data. If you trust the file you can load it \
         unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.",
    )
}

/// Reads until `buf` is full or the input ends; returns the count read.
pub(crate) fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Opens a file for reading, with Python's error for a missing file.
pub(crate) fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| os_error(e, path))
}

/// An I/O error as Python words it: `FileNotFoundError: [Errno 2] No such file or directory:
/// 'x.npy'`.
pub(crate) fn os_error(e: std::io::Error, path: &Path) -> ArrayError {
    let kind = if e.kind() == std::io::ErrorKind::NotFound {
        ErrorKind::FileNotFoundError
    } else {
        ErrorKind::OSError
    };
    let text = match e.raw_os_error() {
        Some(code) => {
            let msg = std::io::Error::from_raw_os_error(code).to_string();
            let msg = msg
                .split(" (os error")
                .next()
                .unwrap_or(msg.as_str())
                .to_string();
            format!("[Errno {code}] {msg}: '{}'", path.display())
        }
        None => format!("{e}: '{}'", path.display()),
    };
    ArrayError::new(kind, text)
}

/// NumPy's `np.save` and `np.savez` add their extension when the name lacks it.
pub(crate) fn with_extension(path: &Path, ext: &str) -> std::path::PathBuf {
    let s = path.as_os_str().to_string_lossy();
    if s.ends_with(&format!(".{ext}")) {
        path.to_path_buf()
    } else {
        std::path::PathBuf::from(format!("{s}.{ext}"))
    }
}

pub use mmap::{
    MmapMode, load_mmap, memmap, open_memmap, try_load_mmap, try_memmap, try_open_memmap,
};
pub use npy::{read_npy, save, try_save, write_npy};
pub use npz::{NpzEntries, savez, savez_compressed, try_savez, try_savez_compressed};
