//! NumPy's `.npz` archives: a zip file of `.npy` members, stored or deflated.
//!
//! The zip container is small enough to write by hand (local headers, a central directory,
//! ZIP64 records past 4 GiB); deflate comes from `miniz_oxide`. A general zip crate would cost
//! several times the build time for features `.npz` never uses.

use super::npy;
use crate::array::Array;
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use std::cell::OnceCell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

// ----- CRC-32 (the zip/zlib polynomial), slicing by 8 ---------------------------------------

const fn crc_tables() -> [[u32; 256]; 8] {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut i = 0;
    while i < 256 {
        let mut j = 1;
        while j < 8 {
            let prev = t[j - 1][i];
            t[j][i] = (prev >> 8) ^ t[0][(prev & 0xFF) as usize];
            j += 1;
        }
        i += 1;
    }
    t
}

static CRC: [[u32; 256]; 8] = crc_tables();

/// Running CRC-32 of a byte stream.
#[derive(Clone, Copy)]
struct Crc(u32);

impl Crc {
    fn new() -> Self {
        Crc(!0)
    }
    fn update(&mut self, data: &[u8]) {
        let mut c = self.0;
        let mut chunks = data.chunks_exact(8);
        for b in &mut chunks {
            let lo = c ^ u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let hi = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
            c = CRC[7][(lo & 0xFF) as usize]
                ^ CRC[6][((lo >> 8) & 0xFF) as usize]
                ^ CRC[5][((lo >> 16) & 0xFF) as usize]
                ^ CRC[4][(lo >> 24) as usize]
                ^ CRC[3][(hi & 0xFF) as usize]
                ^ CRC[2][((hi >> 8) & 0xFF) as usize]
                ^ CRC[1][((hi >> 16) & 0xFF) as usize]
                ^ CRC[0][(hi >> 24) as usize];
        }
        for &b in chunks.remainder() {
            c = CRC[0][((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
        }
        self.0 = c;
    }
    fn value(self) -> u32 {
        !self.0
    }
}

// ----- writing ---------------------------------------------------------------------------------

/// The arrays of an `.npz` archive and their names: `&[("x", &a), ("y", &b)]` names them,
/// `&[&a, &b]` gives NumPy's positional names `arr_0`, `arr_1`, ...
pub trait NpzEntries {
    /// The `(name, array)` pairs, in order.
    fn entries(self) -> Vec<(String, Array)>;
}

impl<S: AsRef<str>, A: AsRef<Array>> NpzEntries for &[(S, A)] {
    fn entries(self) -> Vec<(String, Array)> {
        self.iter()
            .map(|(n, a)| (n.as_ref().to_string(), a.as_ref().clone()))
            .collect()
    }
}

impl<S: AsRef<str>, A: AsRef<Array>, const N: usize> NpzEntries for &[(S, A); N] {
    fn entries(self) -> Vec<(String, Array)> {
        self.as_slice().entries()
    }
}

impl<S: AsRef<str>, A: AsRef<Array>> NpzEntries for Vec<(S, A)> {
    fn entries(self) -> Vec<(String, Array)> {
        self.as_slice().entries()
    }
}

impl NpzEntries for &[&Array] {
    fn entries(self) -> Vec<(String, Array)> {
        self.iter()
            .enumerate()
            .map(|(i, a)| (format!("arr_{i}"), (*a).clone()))
            .collect()
    }
}

impl<const N: usize> NpzEntries for &[&Array; N] {
    fn entries(self) -> Vec<(String, Array)> {
        self.as_slice().entries()
    }
}

impl NpzEntries for &[Array] {
    fn entries(self) -> Vec<(String, Array)> {
        self.iter()
            .enumerate()
            .map(|(i, a)| (format!("arr_{i}"), a.clone()))
            .collect()
    }
}

impl NpzEntries for Vec<Array> {
    fn entries(self) -> Vec<(String, Array)> {
        self.as_slice().entries()
    }
}

/// `np.savez(path, x=a, y=b)` / `np.savez(path, a, b)`: an uncompressed `.npz` archive
/// (`.npz` is added to a path that lacks it). Panics with the error; see [`try_savez`].
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_savez_{}.npz", std::process::id()));
/// np::savez(&path, &[("x", &np::arange(3)), ("y", &np::ones([2, 2]))]);
/// let z = np::load(&path);
/// assert_eq!(z.files(), vec!["x", "y"]);
/// assert_eq!(z["y"].shape(), &[2, 2]);
/// np::savez(&path, &[&np::arange(2), &np::zeros(1)]);
/// assert_eq!(np::load(&path).files(), vec!["arr_0", "arr_1"]);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn savez(path: impl AsRef<Path>, arrays: impl NpzEntries) {
    try_savez(path, arrays).or_panic()
}

/// Fallible form of [`savez`].
///
/// ```
/// let e = arraylib::try_savez("no/such/dir/a.npz", &[&arraylib::zeros(1)]).unwrap_err();
/// assert_eq!(e.kind, arraylib::ErrorKind::FileNotFoundError);
/// ```
pub fn try_savez(path: impl AsRef<Path>, arrays: impl NpzEntries) -> Result<()> {
    write_archive(path.as_ref(), arrays.entries(), false)
}

/// `np.savez_compressed(path, ...)`: like [`savez`] with deflated members.
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_savezc_{}.npz", std::process::id()));
/// np::savez_compressed(&path, &[("z", &np::zeros(10000))]);
/// assert!(std::fs::metadata(&path).unwrap().len() < 1000);
/// assert_eq!(np::load(&path)["z"].size(), 10000);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn savez_compressed(path: impl AsRef<Path>, arrays: impl NpzEntries) {
    try_savez_compressed(path, arrays).or_panic()
}

/// Fallible form of [`savez_compressed`].
///
/// ```
/// assert!(arraylib::try_savez_compressed("no/such/dir/a", &[&arraylib::zeros(1)]).is_err());
/// ```
pub fn try_savez_compressed(path: impl AsRef<Path>, arrays: impl NpzEntries) -> Result<()> {
    write_archive(path.as_ref(), arrays.entries(), true)
}

/// Where a member's fields go in the central directory.
struct Written {
    name: Vec<u8>,
    method: u16,
    crc: u32,
    csize: u64,
    usize: u64,
    offset: u64,
}

const U32_MAX: u64 = 0xFFFF_FFFF;
/// 1980-01-01 00:00 in MS-DOS format; the archive's content does not depend on the clock.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

fn write_archive(path: &Path, entries: Vec<(String, Array)>, compress: bool) -> Result<()> {
    let path = super::with_extension(path, "npz");
    let file = File::create(&path).map_err(|e| super::os_error(e, &path))?;
    let mut w = CountingWriter {
        inner: std::io::BufWriter::with_capacity(1 << 16, file),
        pos: 0,
    };
    let io = |e: std::io::Error| super::os_error(e, &path);
    let mut written = Vec::with_capacity(entries.len());
    for (name, a) in &entries {
        let name = format!("{name}.npy").into_bytes();
        let offset = w.pos;
        if compress {
            let mut raw = Vec::with_capacity(a.nbytes() + 128);
            npy::write_npy(&mut raw, a)?;
            let mut crc = Crc::new();
            crc.update(&raw);
            let data = miniz_oxide::deflate::compress_to_vec(&raw, 6);
            let m = Written {
                name,
                method: 8,
                crc: crc.value(),
                csize: data.len() as u64,
                usize: raw.len() as u64,
                offset,
            };
            write_local_header(&mut w, &m).map_err(io)?;
            w.write_all(&data).map_err(io)?;
            written.push(m);
        } else {
            // Stored: the CRC is computed over the array's memory first, so the bytes are
            // written once, straight from the array, with no copy of a large array.
            let mut crc = Crc::new();
            let mut size = 0u64;
            npy::write_npy(
                &mut CrcWriter {
                    crc: &mut crc,
                    size: &mut size,
                },
                a,
            )?;
            let m = Written {
                name,
                method: 0,
                crc: crc.value(),
                csize: size,
                usize: size,
                offset,
            };
            write_local_header(&mut w, &m).map_err(io)?;
            npy::write_npy(&mut w, a)?;
            written.push(m);
        }
    }
    let cd_start = w.pos;
    for m in &written {
        write_central_header(&mut w, m).map_err(io)?;
    }
    let cd_size = w.pos - cd_start;
    let n = written.len() as u64;
    let zip64 = n >= 0xFFFF || cd_start >= U32_MAX || cd_size >= U32_MAX;
    if zip64 {
        let eocd64 = w.pos;
        w.write_all(&0x0606_4b50u32.to_le_bytes()).map_err(io)?;
        w.write_all(&44u64.to_le_bytes()).map_err(io)?;
        w.write_all(&45u16.to_le_bytes()).map_err(io)?;
        w.write_all(&45u16.to_le_bytes()).map_err(io)?;
        w.write_all(&0u32.to_le_bytes()).map_err(io)?;
        w.write_all(&0u32.to_le_bytes()).map_err(io)?;
        w.write_all(&n.to_le_bytes()).map_err(io)?;
        w.write_all(&n.to_le_bytes()).map_err(io)?;
        w.write_all(&cd_size.to_le_bytes()).map_err(io)?;
        w.write_all(&cd_start.to_le_bytes()).map_err(io)?;
        w.write_all(&0x0706_4b50u32.to_le_bytes()).map_err(io)?;
        w.write_all(&0u32.to_le_bytes()).map_err(io)?;
        w.write_all(&eocd64.to_le_bytes()).map_err(io)?;
        w.write_all(&1u32.to_le_bytes()).map_err(io)?;
    }
    let clamp16 = |v: u64| if zip64 { 0xFFFF } else { v as u16 };
    let clamp32 = |v: u64| if zip64 { U32_MAX as u32 } else { v as u32 };
    w.write_all(&0x0605_4b50u32.to_le_bytes()).map_err(io)?;
    w.write_all(&[0, 0, 0, 0]).map_err(io)?;
    w.write_all(&clamp16(n).to_le_bytes()).map_err(io)?;
    w.write_all(&clamp16(n).to_le_bytes()).map_err(io)?;
    w.write_all(&clamp32(cd_size).to_le_bytes()).map_err(io)?;
    w.write_all(&clamp32(cd_start).to_le_bytes()).map_err(io)?;
    w.write_all(&0u16.to_le_bytes()).map_err(io)?;
    w.inner.flush().map_err(io)
}

/// The ZIP64 extra field for the values that do not fit 32 bits, in the order the format
/// wants them (uncompressed size, compressed size, offset).
fn zip64_extra(vals: &[u64]) -> Vec<u8> {
    let big: Vec<u64> = vals.iter().copied().filter(|&v| v >= U32_MAX).collect();
    if big.is_empty() {
        return Vec::new();
    }
    let mut e = Vec::with_capacity(4 + 8 * big.len());
    e.extend_from_slice(&1u16.to_le_bytes());
    e.extend_from_slice(&((8 * big.len()) as u16).to_le_bytes());
    for v in big {
        e.extend_from_slice(&v.to_le_bytes());
    }
    e
}

fn clamp(v: u64) -> u32 {
    v.min(U32_MAX) as u32
}

fn write_local_header(w: &mut impl Write, m: &Written) -> std::io::Result<()> {
    let extra = zip64_extra(&[m.usize, m.csize]);
    let version: u16 = if extra.is_empty() { 20 } else { 45 };
    w.write_all(&0x0403_4b50u32.to_le_bytes())?;
    w.write_all(&version.to_le_bytes())?;
    w.write_all(&0u16.to_le_bytes())?;
    w.write_all(&m.method.to_le_bytes())?;
    w.write_all(&DOS_TIME.to_le_bytes())?;
    w.write_all(&DOS_DATE.to_le_bytes())?;
    w.write_all(&m.crc.to_le_bytes())?;
    w.write_all(&clamp(m.csize).to_le_bytes())?;
    w.write_all(&clamp(m.usize).to_le_bytes())?;
    w.write_all(&(m.name.len() as u16).to_le_bytes())?;
    w.write_all(&(extra.len() as u16).to_le_bytes())?;
    w.write_all(&m.name)?;
    w.write_all(&extra)
}

fn write_central_header(w: &mut impl Write, m: &Written) -> std::io::Result<()> {
    let extra = zip64_extra(&[m.usize, m.csize, m.offset]);
    let version: u16 = if extra.is_empty() { 20 } else { 45 };
    w.write_all(&0x0201_4b50u32.to_le_bytes())?;
    w.write_all(&version.to_le_bytes())?;
    w.write_all(&version.to_le_bytes())?;
    w.write_all(&0u16.to_le_bytes())?;
    w.write_all(&m.method.to_le_bytes())?;
    w.write_all(&DOS_TIME.to_le_bytes())?;
    w.write_all(&DOS_DATE.to_le_bytes())?;
    w.write_all(&m.crc.to_le_bytes())?;
    w.write_all(&clamp(m.csize).to_le_bytes())?;
    w.write_all(&clamp(m.usize).to_le_bytes())?;
    w.write_all(&(m.name.len() as u16).to_le_bytes())?;
    w.write_all(&(extra.len() as u16).to_le_bytes())?;
    w.write_all(&0u16.to_le_bytes())?; // comment length
    w.write_all(&0u16.to_le_bytes())?; // disk
    w.write_all(&0u16.to_le_bytes())?; // internal attributes
    w.write_all(&(0o100644u32 << 16).to_le_bytes())?; // a regular file, rw-r--r--
    w.write_all(&clamp(m.offset).to_le_bytes())?;
    w.write_all(&m.name)?;
    w.write_all(&extra)
}

struct CountingWriter<W: Write> {
    inner: W,
    pos: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A writer that only checksums and counts what goes through it.
struct CrcWriter<'a> {
    crc: &'a mut Crc,
    size: &'a mut u64,
}

impl Write for CrcWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.crc.update(buf);
        *self.size += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// ----- reading ---------------------------------------------------------------------------------

/// One member of the archive, from the central directory.
#[derive(Clone, Debug)]
struct Member {
    /// The name in the archive (`x.npy`).
    name: String,
    method: u16,
    flags: u16,
    crc: u32,
    csize: u64,
    usize: u64,
    offset: u64,
}

/// An open `.npz` archive, NumPy's `NpzFile`: the arrays are read when asked for.
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_npzfile_{}.npz", std::process::id()));
/// np::savez(&path, &[("w", &np::ones(3)), ("b", &np::zeros(1))]);
/// let z = np::load_npz(&path);
/// assert_eq!(z.files(), vec!["w", "b"]);
/// assert_eq!(z["w"].to_vec::<f64>(), vec![1.0; 3]);
/// for (name, a) in &z {
///     assert!(name == "w" || name == "b");
///     assert_eq!(a.ndim(), 1);
/// }
/// std::fs::remove_file(&path).unwrap();
/// ```
pub struct NpzFile {
    path: PathBuf,
    file: File,
    members: Vec<Member>,
    /// Arrays read so far, so `npz["x"]` can hand out a reference.
    cache: Vec<OnceCell<Array>>,
}

/// `np.load(path)` of an `.npz` archive, typed as one. See [`NpzFile`].
///
/// ```
/// # let path = std::env::temp_dir().join(format!("arraylib_load_npz_{}.npz", std::process::id()));
/// arraylib::savez(&path, &[&arraylib::ones(2)]);
/// assert_eq!(arraylib::load_npz(&path).files(), vec!["arr_0"]);
/// # std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn load_npz(path: impl AsRef<Path>) -> NpzFile {
    try_load_npz(path).or_panic()
}

/// Fallible form of [`load_npz`]; a file that is not a zip archive is `BadZipFile`.
///
/// ```
/// let path = std::env::temp_dir().join(format!("arraylib_badzip_{}.npz", std::process::id()));
/// std::fs::write(&path, b"plain text").unwrap();
/// let e = arraylib::try_load_npz(&path).unwrap_err();
/// assert_eq!(e.to_string(), "BadZipFile: File is not a zip file");
/// std::fs::remove_file(&path).unwrap();
/// ```
pub fn try_load_npz(path: impl AsRef<Path>) -> Result<NpzFile> {
    let path = path.as_ref();
    NpzFile::open_file(super::open(path)?, path)
}

fn bad_zip(msg: &str) -> ArrayError {
    ArrayError::new(ErrorKind::BadZipFile, msg)
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}
fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[i..i + 4].try_into().unwrap())
}
fn u64_at(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i..i + 8].try_into().unwrap())
}

impl NpzFile {
    /// Reads the central directory of an open zip file.
    pub(crate) fn open_file(mut file: File, path: &Path) -> Result<NpzFile> {
        let io = |e: std::io::Error| super::os_error(e, path);
        let len = file.seek(SeekFrom::End(0)).map_err(io)?;
        // The end record is 22 bytes plus a comment of at most 65535.
        let tail_len = len.min(22 + 65535);
        let mut tail = vec![0u8; tail_len as usize];
        file.seek(SeekFrom::Start(len - tail_len)).map_err(io)?;
        file.read_exact(&mut tail).map_err(io)?;
        let eocd = (0..tail.len().saturating_sub(21))
            .rev()
            .find(|&i| u32_at(&tail, i) == 0x0605_4b50)
            .ok_or_else(|| bad_zip("File is not a zip file"))?;
        let eocd_pos = len - tail_len + eocd as u64;
        let mut n = u16_at(&tail, eocd + 10) as u64;
        let mut cd_size = u32_at(&tail, eocd + 12) as u64;
        let mut cd_start = u32_at(&tail, eocd + 16) as u64;
        // A ZIP64 locator sits just before the end record.
        if eocd_pos >= 20 {
            let mut loc = [0u8; 20];
            file.seek(SeekFrom::Start(eocd_pos - 20)).map_err(io)?;
            file.read_exact(&mut loc).map_err(io)?;
            if u32_at(&loc, 0) == 0x0706_4b50 {
                let rec_pos = u64_at(&loc, 8);
                let mut rec = [0u8; 56];
                file.seek(SeekFrom::Start(rec_pos)).map_err(io)?;
                file.read_exact(&mut rec)
                    .map_err(|_| bad_zip("Corrupt zip64 end of central directory record"))?;
                if u32_at(&rec, 0) != 0x0606_4b50 {
                    return Err(bad_zip("Corrupt zip64 end of central directory record"));
                }
                n = u64_at(&rec, 32);
                cd_size = u64_at(&rec, 40);
                cd_start = u64_at(&rec, 48);
            }
        }
        if cd_start.checked_add(cd_size).is_none_or(|end| end > len) {
            return Err(bad_zip("Bad offset for central directory"));
        }
        let mut cd = vec![0u8; cd_size as usize];
        file.seek(SeekFrom::Start(cd_start)).map_err(io)?;
        file.read_exact(&mut cd).map_err(io)?;
        let mut members = Vec::new();
        let mut i = 0usize;
        for _ in 0..n {
            if i + 46 > cd.len() || u32_at(&cd, i) != 0x0201_4b50 {
                return Err(bad_zip("Bad magic number for central directory"));
            }
            let flags = u16_at(&cd, i + 8);
            let method = u16_at(&cd, i + 10);
            let crc = u32_at(&cd, i + 16);
            let mut csize = u32_at(&cd, i + 20) as u64;
            let mut usize_ = u32_at(&cd, i + 24) as u64;
            let nlen = u16_at(&cd, i + 28) as usize;
            let elen = u16_at(&cd, i + 30) as usize;
            let clen = u16_at(&cd, i + 32) as usize;
            let mut offset = u32_at(&cd, i + 42) as u64;
            let end = i + 46 + nlen + elen + clen;
            if end > cd.len() {
                return Err(bad_zip("Truncated central directory"));
            }
            let name = String::from_utf8_lossy(&cd[i + 46..i + 46 + nlen]).into_owned();
            // ZIP64 extra: the 64-bit values of the fields saturated at 0xFFFFFFFF.
            let mut e = i + 46 + nlen;
            let e_end = e + elen;
            while e + 4 <= e_end {
                let id = u16_at(&cd, e);
                let size = u16_at(&cd, e + 2) as usize;
                if id == 1 {
                    let mut p = e + 4;
                    for field in [&mut usize_, &mut csize, &mut offset] {
                        if *field == U32_MAX && p + 8 <= e + 4 + size {
                            *field = u64_at(&cd, p);
                            p += 8;
                        }
                    }
                }
                e += 4 + size;
            }
            members.push(Member {
                name,
                method,
                flags,
                crc,
                csize,
                usize: usize_,
                offset,
            });
            i = end;
        }
        let cache = members.iter().map(|_| OnceCell::new()).collect();
        Ok(NpzFile {
            path: path.to_path_buf(),
            file,
            members,
            cache,
        })
    }

    /// The names of the arrays (`npz.files`): member names without their `.npy`.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("arraylib_npz_files_{}.npz", std::process::id()));
    /// arraylib::savez(&path, &[("a", &arraylib::ones(2)), ("b", &arraylib::ones(1))]);
    /// assert_eq!(arraylib::load_npz(&path).files(), vec!["a", "b"]);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn files(&self) -> Vec<&str> {
        self.members
            .iter()
            .map(|m| m.name.strip_suffix(".npy").unwrap_or(&m.name))
            .collect()
    }

    /// Number of members (`len(npz)`).
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("arraylib_npz_len_{}.npz", std::process::id()));
    /// arraylib::savez(&path, &[&arraylib::ones(2), &arraylib::ones(1)]);
    /// assert_eq!(arraylib::load_npz(&path).len(), 2);
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True for an archive with no members.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("arraylib_npz_empty_{}.npz", std::process::id()));
    /// arraylib::savez(&path, Vec::<arraylib::Array>::new());
    /// assert!(arraylib::load_npz(&path).is_empty());
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    fn index_of(&self, key: &str) -> Result<usize> {
        self.members
            .iter()
            .position(|m| m.name.strip_suffix(".npy").unwrap_or(&m.name) == key)
            .or_else(|| self.members.iter().position(|m| m.name == key))
            .ok_or_else(|| {
                ArrayError::new(
                    ErrorKind::KeyError,
                    format!("'{key} is not a file in the archive'"),
                )
            })
    }

    /// The array named `key` (`npz[key]`), read from the file on each call; `KeyError` for a
    /// name not in the archive.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("arraylib_npz_get_{}.npz", std::process::id()));
    /// arraylib::savez(&path, &[("a", &arraylib::arange(3))]);
    /// let z = arraylib::load_npz(&path);
    /// assert_eq!(z.get("a").unwrap().to_vec::<i64>(), vec![0, 1, 2]);
    /// assert_eq!(z.get("q").unwrap_err().to_string(), "KeyError: 'q is not a file in the archive'");
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn get(&self, key: &str) -> Result<Array> {
        let i = self.index_of(key)?;
        if let Some(a) = self.cache[i].get() {
            return Ok(a.clone());
        }
        self.read_member(&self.members[i])
    }

    /// The `(name, array)` pairs in archive order.
    ///
    /// ```
    /// # let path = std::env::temp_dir().join(format!("arraylib_npz_items_{}.npz", std::process::id()));
    /// arraylib::savez(&path, &[("a", &arraylib::arange(3))]);
    /// let items = arraylib::load_npz(&path).items().unwrap();
    /// assert_eq!(items[0].0, "a");
    /// # std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn items(&self) -> Result<Vec<(String, Array)>> {
        self.files()
            .into_iter()
            .map(|n| Ok((n.to_string(), self.get(n)?)))
            .collect()
    }

    fn read_member(&self, m: &Member) -> Result<Array> {
        let io = |e: std::io::Error| super::os_error(e, &self.path);
        if m.flags & 1 != 0 {
            return Err(ArrayError::new(
                ErrorKind::OSError,
                format!(
                    "File {} is encrypted, password required for extraction",
                    m.name
                ),
            ));
        }
        let mut f = &self.file;
        let mut lh = [0u8; 30];
        f.seek(SeekFrom::Start(m.offset)).map_err(io)?;
        f.read_exact(&mut lh)
            .map_err(|_| bad_zip("Truncated file header"))?;
        if u32_at(&lh, 0) != 0x0403_4b50 {
            return Err(bad_zip("Bad magic number for file header"));
        }
        let data_start = m.offset + 30 + u16_at(&lh, 26) as u64 + u16_at(&lh, 28) as u64;
        let file_len = self.file.metadata().map_err(io)?.len();
        if data_start.saturating_add(m.csize) > file_len {
            return Err(bad_zip("Truncated file data"));
        }
        let bad_crc = || bad_zip(&format!("Bad CRC-32 for file '{}'", m.name));
        match m.method {
            0 => {
                // Stored: read the header, then the elements straight into the array.
                f.seek(SeekFrom::Start(data_start)).map_err(io)?;
                let mut limited = (&self.file).take(m.usize);
                let mut counting = CrcReader {
                    inner: &mut limited,
                    crc: Crc::new(),
                };
                let h = npy::read_header(&mut counting)?;
                let mut crc = counting.crc;
                let count = h.count()?;
                let nbytes = count * h.dtype.itemsize();
                let avail = m.usize.saturating_sub(h.data_offset as u64) as usize;
                if avail < nbytes {
                    return Err(ArrayError::value(format!(
                        "EOF: reading array data, expected {nbytes} bytes got {avail}"
                    )));
                }
                let at = data_start + h.data_offset as u64;
                let a = npy::read_elements(&h, count, true, |dst| {
                    read_at(&self.file, dst, at).map_err(io)?;
                    crc.update(dst);
                    Ok(())
                })?;
                if nbytes as u64 + h.data_offset as u64 == m.usize && crc.value() != m.crc {
                    return Err(bad_crc());
                }
                Ok(a)
            }
            8 => {
                let mut comp = vec![0u8; m.csize as usize];
                f.seek(SeekFrom::Start(data_start)).map_err(io)?;
                f.read_exact(&mut comp).map_err(io)?;
                let raw =
                    miniz_oxide::inflate::decompress_to_vec_with_limit(&comp, m.usize as usize)
                        .map_err(|e| bad_zip(&format!("Error -3 while decompressing data: {e}")))?;
                let mut crc = Crc::new();
                crc.update(&raw);
                if crc.value() != m.crc {
                    return Err(bad_crc());
                }
                if !raw.starts_with(npy::MAGIC_PREFIX) {
                    return Err(super::pickle_error());
                }
                npy::read_npy(&mut raw.as_slice())
            }
            other => Err(ArrayError::new(
                ErrorKind::OSError,
                format!("compression type {other} is not supported"),
            )),
        }
    }
}

fn read_at(file: &File, dst: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(dst, offset)
    }
    #[cfg(not(unix))]
    {
        let mut f = file;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(dst)
    }
}

struct CrcReader<'a, R: Read> {
    inner: &'a mut R,
    crc: Crc,
}

impl<R: Read> Read for CrcReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.crc.update(&buf[..n]);
        Ok(n)
    }
}

impl std::ops::Index<&str> for NpzFile {
    type Output = Array;
    #[track_caller]
    fn index(&self, key: &str) -> &Array {
        let i = self.index_of(key).or_panic();
        if let Some(a) = self.cache[i].get() {
            return a;
        }
        let a = self.read_member(&self.members[i]).or_panic();
        self.cache[i].get_or_init(|| a)
    }
}

impl<'a> IntoIterator for &'a NpzFile {
    type Item = (&'a str, Array);
    type IntoIter = std::vec::IntoIter<(&'a str, Array)>;
    /// `(name, array)` pairs; panics with the error of a member that cannot be read.
    fn into_iter(self) -> Self::IntoIter {
        self.files()
            .into_iter()
            .map(|n| (n, self.get(n).or_panic()))
            .collect::<Vec<_>>()
            .into_iter()
    }
}

impl std::fmt::Debug for NpzFile {
    /// NumPy's repr: `NpzFile 'data.npz' with keys: x, y`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files = self.files();
        let mut keys = files.iter().take(5).copied().collect::<Vec<_>>().join(", ");
        if files.len() > 5 {
            keys.push_str("...");
        }
        write!(f, "NpzFile '{}' with keys: {keys}", self.path.display())
    }
}

#[cfg(test)]
mod tests {
    use super::Crc;

    #[test]
    fn crc32_known_values() {
        let mut c = Crc::new();
        c.update(b"123456789");
        assert_eq!(c.value(), 0xCBF4_3926);
        let mut c = Crc::new();
        c.update(b"");
        assert_eq!(c.value(), 0);
        // Split updates give the same result as one.
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let mut a = Crc::new();
        a.update(&data);
        let mut b = Crc::new();
        b.update(&data[..333]);
        b.update(&data[333..]);
        assert_eq!(a.value(), b.value());
    }
}
