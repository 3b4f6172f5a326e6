//! NumPy's `.npy` format: a magic string, a version, a header that is a Python dict literal
//! (`{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`) and the raw elements.

use crate::array::Array;
use crate::dispatch;
use crate::dtype::{DType, Element};
use crate::error::{ArrayError, ErrorKind, OrPanic, Result};
use crate::print::shape_repr;
use crate::storage::Buffer;
use std::io::{Read, Write};
use std::path::Path;

/// The first six bytes of every `.npy` file.
pub(crate) const MAGIC_PREFIX: &[u8; 6] = b"\x93NUMPY";
/// NumPy aligns the data to 64 bytes so any dtype can be memory-mapped.
const ARRAY_ALIGN: usize = 64;
/// NumPy refuses longer headers unless the file is trusted (`max_header_size`).
const MAX_HEADER_SIZE: usize = 10000;
/// A non-file reader is read in chunks of this many bytes, as NumPy does.
const BUFFER_SIZE: usize = 1 << 18;

/// What a `.npy` header says about the data that follows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Header {
    pub dtype: DType,
    /// The data is big-endian (a `>` descr) and must be byte-swapped on this machine.
    pub swap: bool,
    pub fortran_order: bool,
    pub shape: Vec<usize>,
    /// Bytes from the start of the file to the first element.
    pub data_offset: usize,
}

impl Header {
    /// Number of elements (1 for a 0-d array); an error if it overflows.
    pub fn count(&self) -> Result<usize> {
        self.shape
            .iter()
            .try_fold(1usize, |acc, &d| acc.checked_mul(d))
            .filter(|n| n.checked_mul(self.dtype.itemsize()).is_some())
            .ok_or_else(|| {
                ArrayError::value(
                    "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
                )
            })
    }
}

/// The descr NumPy writes for a dtype in native byte order (`'<f8'`, `'|b1'`).
pub(crate) fn descr(dtype: DType) -> String {
    let order = if dtype.itemsize() == 1 {
        '|'
    } else if cfg!(target_endian = "little") {
        '<'
    } else {
        '>'
    };
    let kind = match dtype.kind() {
        crate::dtype::Kind::Bool => 'b',
        crate::dtype::Kind::Int => 'i',
        crate::dtype::Kind::UInt => 'u',
        crate::dtype::Kind::Float => 'f',
        crate::dtype::Kind::Complex => 'c',
        crate::dtype::Kind::Str => return format!("{order}U{}", dtype.itemsize() / 4),
    };
    format!("{order}{kind}{}", dtype.itemsize())
}

/// Parses a descr string into a dtype and whether it needs a byte swap here.
fn parse_descr(d: &str) -> Result<(DType, bool)> {
    let unsupported = |why: &str| {
        Err(ArrayError::type_error(format!(
            "cannot load an array of dtype '{d}': {why}"
        )))
    };
    let (order, rest) = match d.chars().next() {
        Some(c @ ('<' | '>' | '|' | '=')) => (c, &d[1..]),
        _ => ('=', d),
    };
    let kind = rest.chars().next().unwrap_or(' ');
    let size: Option<usize> = rest.get(1..).and_then(|s| s.parse().ok());
    let dtype = match (kind, size) {
        ('O', _) => {
            return Err(ArrayError::value(
                "Object arrays cannot be loaded when allow_pickle=False",
            ));
        }
        ('b', Some(1)) | ('?', _) => DType::Bool,
        ('i', Some(1)) => DType::Int8,
        ('i', Some(2)) => DType::Int16,
        ('i', Some(4)) => DType::Int32,
        ('i', Some(8)) => DType::Int64,
        ('u', Some(1)) => DType::UInt8,
        ('u', Some(2)) => DType::UInt16,
        ('u', Some(4)) => DType::UInt32,
        ('u', Some(8)) => DType::UInt64,
        ('f', Some(4)) => DType::Float32,
        ('f', Some(8)) => DType::Float64,
        ('c', Some(8)) => DType::Complex64,
        ('c', Some(16)) => DType::Complex128,
        ('f', Some(2)) => return unsupported("arraylib has no float16"),
        ('U', Some(n)) if n > 0 => DType::Str(n as u32),
        ('U', Some(0)) => return unsupported("arraylib has no zero-width strings"),
        ('S' | 'a', _) => return unsupported("arraylib has no bytes dtypes (only str)"),
        ('M' | 'm', _) => return unsupported("arraylib has no datetime dtypes"),
        ('V', _) => return unsupported("arraylib has no void or structured dtypes"),
        _ => {
            return Err(ArrayError::value(format!(
                "descr is not a valid dtype descriptor: '{d}'"
            )));
        }
    };
    let big = cfg!(target_endian = "big");
    let swap = dtype.itemsize() > 1 && ((order == '>' && !big) || (order == '<' && big));
    Ok((dtype, swap))
}

/// A value of the header dict: the little of Python's literals a header holds.
#[derive(Debug)]
enum Value {
    Str(String),
    Bool(bool),
    Tuple(Vec<Option<usize>>),
    /// A list (a structured dtype's descr) or another literal arraylib cannot use.
    Other(String),
}

/// A tiny parser of the header's dict literal.
struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && (self.s[self.i] as char).is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn string(&mut self) -> Option<String> {
        self.ws();
        let q = *self.s.get(self.i)?;
        if q != b'\'' && q != b'"' {
            return None;
        }
        let start = self.i + 1;
        let end = start + self.s[start..].iter().position(|&c| c == q)?;
        self.i = end + 1;
        String::from_utf8(self.s[start..end].to_vec()).ok()
    }
    fn value(&mut self) -> Option<Value> {
        self.ws();
        match *self.s.get(self.i)? {
            b'\'' | b'"' => self.string().map(Value::Str),
            b'(' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    if self.eat(b')') {
                        return Some(Value::Tuple(items));
                    }
                    self.ws();
                    let start = self.i;
                    while self.i < self.s.len() && !b",)".contains(&self.s[self.i]) {
                        self.i += 1;
                    }
                    let tok = std::str::from_utf8(&self.s[start..self.i]).ok()?.trim();
                    let tok = tok.strip_suffix('L').unwrap_or(tok);
                    items.push(tok.parse::<usize>().ok());
                    if !self.eat(b',') {
                        self.ws();
                        if self.s.get(self.i) != Some(&b')') {
                            return None;
                        }
                    }
                }
            }
            b'[' | b'{' => {
                let start = self.i;
                let mut depth = 0i32;
                while self.i < self.s.len() {
                    match self.s[self.i] {
                        b'[' | b'{' | b'(' => depth += 1,
                        b']' | b'}' | b')' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
                Some(Value::Other(
                    String::from_utf8_lossy(&self.s[start..self.i]).into_owned(),
                ))
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len() && (self.s[self.i] as char).is_ascii_alphanumeric() {
                    self.i += 1;
                }
                match &self.s[start..self.i] {
                    b"True" => Some(Value::Bool(true)),
                    b"False" => Some(Value::Bool(false)),
                    b"" => None,
                    other => Some(Value::Other(String::from_utf8_lossy(other).into_owned())),
                }
            }
        }
    }
    fn dict(&mut self) -> Option<Vec<(String, Value)>> {
        if !self.eat(b'{') {
            return None;
        }
        let mut items = Vec::new();
        loop {
            if self.eat(b'}') {
                break;
            }
            let k = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            let v = self.value()?;
            items.push((k, v));
            if !self.eat(b',') {
                if !self.eat(b'}') {
                    return None;
                }
                break;
            }
        }
        self.ws();
        (self.i == self.s.len()).then_some(items)
    }
}

/// A Python `repr` of a str, enough for error messages.
fn py_repr(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A Python `repr` of bytes, as NumPy's magic-string error shows them.
fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::from("b'");
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push('\'');
    out
}

fn eof(what: &str, expected: usize, got: usize) -> ArrayError {
    ArrayError::value(format!(
        "EOF: reading {what}, expected {expected} bytes got {got}"
    ))
}

/// Reads the magic string, version and header; leaves `r` at the first element.
pub(crate) fn read_header(r: &mut impl Read) -> Result<Header> {
    let io = |e: std::io::Error| ArrayError::new(ErrorKind::OSError, e.to_string());
    let mut magic = [0u8; 8];
    let n = super::read_up_to(r, &mut magic).map_err(io)?;
    if n < 8 {
        return Err(eof("magic string", 8, n));
    }
    if &magic[..6] != MAGIC_PREFIX {
        return Err(ArrayError::value(format!(
            "the magic string is not correct; expected {}, got {}",
            bytes_repr(MAGIC_PREFIX),
            bytes_repr(&magic[..6])
        )));
    }
    let (major, minor) = (magic[6], magic[7]);
    let len_size = match (major, minor) {
        (1, 0) => 2,
        (2, 0) | (3, 0) => 4,
        _ => {
            return Err(ArrayError::value(format!(
                "we only support format version (1,0), (2,0), and (3,0), not ({major}, {minor})"
            )));
        }
    };
    let mut len_bytes = [0u8; 4];
    let n = super::read_up_to(r, &mut len_bytes[..len_size]).map_err(io)?;
    if n < len_size {
        return Err(eof("array header length", len_size, n));
    }
    let hlen = u32::from_le_bytes(len_bytes) as usize;
    let mut header = Vec::new();
    let n = r.take(hlen as u64).read_to_end(&mut header).map_err(io)?;
    if n < hlen {
        return Err(eof("array header", hlen, n));
    }
    // Versions 1 and 2 are latin-1, version 3 is UTF-8.
    let text: String = if major == 3 {
        String::from_utf8_lossy(&header).into_owned()
    } else {
        header.iter().map(|&b| b as char).collect()
    };
    if text.chars().count() > MAX_HEADER_SIZE {
        return Err(ArrayError::value(format!(
            "Header info length ({}) is large and may not be safe to load securely.\n\
             To allow loading, adjust `max_header_size` or fully trust the `.npy` file using \
             `allow_pickle=True`.\nFor safety against large resource use or crashes, \
             sandboxing may be necessary.",
            text.chars().count()
        )));
    }
    let items = Parser {
        s: text.as_bytes(),
        i: 0,
    }
    .dict()
    .ok_or_else(|| ArrayError::value(format!("Cannot parse header: {}", py_repr(&text))))?;
    let mut keys: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    if keys != ["descr", "fortran_order", "shape"] {
        let list: Vec<String> = keys.iter().map(|k| py_repr(k)).collect();
        return Err(ArrayError::value(format!(
            "Header does not contain the correct keys: [{}]",
            list.join(", ")
        )));
    }
    let get = |key: &str| &items.iter().rev().find(|(k, _)| k == key).unwrap().1;
    let shape = match get("shape") {
        Value::Tuple(t) if t.iter().all(Option::is_some) => t.iter().map(|d| d.unwrap()).collect(),
        other => {
            return Err(ArrayError::value(format!(
                "shape is not valid: {}",
                value_repr(other)
            )));
        }
    };
    let fortran_order = match get("fortran_order") {
        Value::Bool(b) => *b,
        other => {
            return Err(ArrayError::value(format!(
                "fortran_order is not a valid bool: {}",
                value_repr(other)
            )));
        }
    };
    let (dtype, swap) = match get("descr") {
        Value::Str(d) => parse_descr(d)?,
        Value::Other(o) if o.starts_with('[') => {
            if o.contains("'O'") || o.contains("|O") {
                return Err(ArrayError::value(
                    "Object arrays cannot be loaded when allow_pickle=False",
                ));
            }
            return Err(ArrayError::type_error(format!(
                "cannot load an array of dtype {o}: arraylib has no structured dtypes"
            )));
        }
        other => {
            return Err(ArrayError::value(format!(
                "descr is not a valid dtype descriptor: {}",
                value_repr(other)
            )));
        }
    };
    Ok(Header {
        dtype,
        swap,
        fortran_order,
        shape,
        data_offset: 8 + len_size + hlen,
    })
}

fn value_repr(v: &Value) -> String {
    match v {
        Value::Str(s) => py_repr(s),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Tuple(t) => {
            let parts: Vec<String> = t
                .iter()
                .map(|d| d.map_or("?".to_string(), |d| d.to_string()))
                .collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::Other(o) => o.clone(),
    }
}

/// The header bytes NumPy writes for an array with this dtype, order and shape: version 1.0
/// unless the header is too long for it, padded so the data starts on a 64-byte boundary.
pub(crate) fn header_bytes(dtype: DType, fortran_order: bool, shape: &[usize]) -> Vec<u8> {
    let mut dict = format!(
        "{{'descr': '{}', 'fortran_order': {}, 'shape': {}, }}",
        descr(dtype),
        if fortran_order { "True" } else { "False" },
        shape_repr(shape)
    );
    // NumPy leaves room for the growth axis to reach 21 digits, so the header can be
    // rewritten in place when data is appended.
    let growth = if fortran_order {
        shape.last()
    } else {
        shape.first()
    };
    if let Some(d) = growth {
        dict.push_str(&" ".repeat(21usize.saturating_sub(d.to_string().len())));
    }
    let build = |len_size: usize| {
        let hlen = dict.len() + 1;
        let pad = ARRAY_ALIGN - ((MAGIC_PREFIX.len() + 2 + len_size + hlen) % ARRAY_ALIGN);
        let total = hlen + pad;
        let mut out = Vec::with_capacity(8 + len_size + total);
        out.extend_from_slice(MAGIC_PREFIX);
        if len_size == 2 {
            out.extend_from_slice(&[1, 0]);
            out.extend_from_slice(&(total as u16).to_le_bytes());
        } else {
            out.extend_from_slice(&[2, 0]);
            out.extend_from_slice(&(total as u32).to_le_bytes());
        }
        out.extend_from_slice(dict.as_bytes());
        out.extend(std::iter::repeat_n(b' ', pad));
        out.push(b'\n');
        (out, total)
    };
    let (v1, total) = build(2);
    if total <= u16::MAX as usize {
        v1
    } else {
        build(4).0
    }
}

/// The array's memory as the bytes of a `.npy` data section, and the `fortran_order` flag:
/// C-contiguous arrays are written as they are, F-contiguous ones in Fortran order (as NumPy
/// does), anything else as a row-major copy.
fn data_layout(a: &Array) -> (Array, bool) {
    let f = a.flags();
    if f.c_contiguous && a.strides.iter().all(|&s| s >= 0) {
        (a.clone(), false)
    } else if f.f_contiguous && a.strides.iter().all(|&s| s >= 0) {
        // The transpose of an F-contiguous array is C-contiguous: its memory in order.
        (a.t(), true)
    } else {
        (a.copy(), false)
    }
}

/// The elements of a C-contiguous array as bytes.
fn as_bytes(a: &Array) -> &[u8] {
    dispatch!(a.dtype(), T => {
        let s = a.as_slice::<T>().expect("C-contiguous");
        // SAFETY: every element type is plain data with no padding (bool is one byte 0/1).
        unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<u8>(), std::mem::size_of_val(s)) }
    })
}

/// NumPy's `np.lib.format.write_array`: writes `a` in `.npy` format to any writer.
///
/// ```
/// let mut bytes = Vec::new();
/// arraylib::write_npy(&mut bytes, &arraylib::arange(3)).unwrap();
/// assert_eq!(&bytes[..6], b"\x93NUMPY");
/// assert_eq!(bytes.len(), 128 + 24);
/// ```
pub fn write_npy(w: &mut impl Write, a: impl AsRef<Array>) -> Result<()> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(w: &mut dyn Write, a: &Array) -> Result<()> {
        let (data, fortran) = data_layout(a);
        let header = header_bytes(a.dtype(), fortran, a.shape());
        let io = |e: std::io::Error| ArrayError::new(ErrorKind::OSError, e.to_string());
        w.write_all(&header).map_err(io)?;
        if data.size() > 0 && data.dtype().is_str() {
            // NumPy's fixed-width UCS4: each element as `width` little-endian code points,
            // padded with zeros.
            w.write_all(&crate::strings::to_ucs4(&data)).map_err(io)?;
        } else if data.size() > 0 {
            w.write_all(as_bytes(&data)).map_err(io)?;
        }
        Ok(())
    }
    inner(w, a.as_ref())
}

/// `np.save(path, a)`: writes `a` to a `.npy` file (adding the `.npy` extension when the path
/// lacks it, as NumPy does). Panics with the error; see [`try_save`].
///
/// ```
/// use arraylib as np;
/// let path = std::env::temp_dir().join(format!("arraylib_save_{}.npy", std::process::id()));
/// np::save(&path, &np::arange(4.0));
/// assert_eq!(np::load(&path).to_vec::<f64>(), vec![0.0, 1.0, 2.0, 3.0]);
/// std::fs::remove_file(&path).unwrap();
/// ```
#[track_caller]
pub fn save(path: impl AsRef<Path>, a: impl AsRef<Array>) {
    try_save(path, a).or_panic()
}

/// Fallible form of [`save`].
///
/// ```
/// let e = arraylib::try_save("no/such/dir/a.npy", arraylib::zeros(2)).unwrap_err();
/// assert_eq!(e.kind, arraylib::ErrorKind::FileNotFoundError);
/// ```
pub fn try_save(path: impl AsRef<Path>, a: impl AsRef<Array>) -> Result<()> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(path: &Path, a: &Array) -> Result<()> {
        let path = super::with_extension(path, "npy");
        let file = std::fs::File::create(&path).map_err(|e| super::os_error(e, &path))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
        write_npy(&mut w, a)?;
        w.flush().map_err(|e| super::os_error(e, &path))
    }
    inner(path.as_ref(), a.as_ref())
}

/// NumPy's `np.lib.format.read_array`: reads one `.npy` array from any reader. Bad input is
/// NumPy's `ValueError` (`the magic string is not correct; ...`, `EOF: reading array data,
/// ...`).
///
/// ```
/// let mut bytes = Vec::new();
/// arraylib::write_npy(&mut bytes, &arraylib::arange(3)).unwrap();
/// let a = arraylib::read_npy(&mut bytes.as_slice()).unwrap();
/// assert_eq!(a.to_vec::<i64>(), vec![0, 1, 2]);
/// let e = arraylib::read_npy(&mut &b"not an npy file"[..]).unwrap_err();
/// assert_eq!(e.to_string(), "ValueError: the magic string is not correct; expected b'\\x93NUMPY', got b'not an'");
/// ```
pub fn read_npy(r: &mut impl Read) -> Result<Array> {
    // The body is not generic, so it is compiled once here, not in every caller.
    fn inner(mut r: &mut dyn Read) -> Result<Array> {
        let h = read_header(&mut r)?;
        let count = h.count()?;
        let itemsize = h.dtype.itemsize();
        let nbytes = count * itemsize;
        read_elements(&h, count, false, |dst: &mut [u8]| {
            // Read chunk by chunk so a short input gives NumPy's message for the failing chunk.
            let chunk = (BUFFER_SIZE / itemsize.min(BUFFER_SIZE)) * itemsize;
            let mut done = 0;
            while done < nbytes {
                let want = chunk.min(nbytes - done);
                let got = super::read_up_to(&mut r, &mut dst[done..done + want])
                    .map_err(|e| ArrayError::new(ErrorKind::OSError, e.to_string()))?;
                if got < want {
                    return Err(eof("array data", want, got));
                }
                done += want;
            }
            Ok(())
        })
    }
    inner(r)
}

/// Reads the array of a `.npy` file whose magic string was already checked by `np.load`.
pub(crate) fn load_npy_file(mut file: std::fs::File, path: &Path) -> Result<Array> {
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(0))
        .map_err(|e| super::os_error(e, path))?;
    let mut reader = std::io::BufReader::with_capacity(4096, file);
    let h = read_header(&mut reader)?;
    let count = h.count()?;
    let file = reader.into_inner();
    let len = file.metadata().map_err(|e| super::os_error(e, path))?.len() as usize;
    let avail = len.saturating_sub(h.data_offset);
    let itemsize = h.dtype.itemsize();
    if avail / itemsize < count {
        // `np.fromfile` reads what there is, then reshaping fails.
        return Err(ArrayError::value(format!(
            "Failed to read all data for array. Expected {} = {} elements, could only read {} \
             elements. (file seems not fully written?)",
            shape_repr(&h.shape),
            count,
            avail / itemsize
        )));
    }
    let offset = h.data_offset as u64;
    read_elements(&h, count, true, |dst| {
        read_exact_at(&file, dst, offset).map_err(|e| super::os_error(e, path))
    })
}

/// Fills `dst` from the file at `offset`.
fn read_exact_at(file: &std::fs::File, dst: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(dst, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, SeekFrom};
        let mut f = file;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(dst)
    }
}

/// Allocates the elements of `h`, lets `fill` write their bytes, fixes bools and byte order,
/// and shapes the result (Fortran-order data becomes an F-contiguous array, without a copy).
///
/// `from_os` says `fill` only hands the bytes to the OS (`pread`), which never reads them, so
/// the buffer need not be zeroed first.
pub(crate) fn read_elements(
    h: &Header,
    count: usize,
    from_os: bool,
    fill: impl FnOnce(&mut [u8]) -> Result<()>,
) -> Result<Array> {
    let dims: Vec<usize> = if h.fortran_order {
        h.shape.iter().rev().copied().collect()
    } else {
        h.shape.clone()
    };
    if let DType::Str(w) = h.dtype {
        let mut bytes = vec![0u8; count * h.dtype.itemsize()];
        fill(&mut bytes)?;
        let a = crate::strings::from_ucs4(&bytes, w, h.swap, dims)?;
        return Ok(if h.fortran_order { a.t() } else { a });
    }
    let storage = dispatch!(h.dtype, T => {
        let data = alloc_and_fill::<T>(h, count, from_os, fill)?;
        let dims = if h.fortran_order {
            h.shape.iter().rev().copied().collect()
        } else {
            h.shape.clone()
        };
        T::into_storage(Buffer::new(data, dims))
    });
    if h.fortran_order {
        let rev: Vec<usize> = h.shape.iter().rev().copied().collect();
        Ok(Array::from_storage_c(storage, rev).t())
    } else {
        Ok(Array::from_storage_c(storage, h.shape.clone()))
    }
}

fn alloc_and_fill<T: Element>(
    h: &Header,
    count: usize,
    from_os: bool,
    fill: impl FnOnce(&mut [u8]) -> Result<()>,
) -> Result<Vec<T>> {
    let nbytes = count * std::mem::size_of::<T>();
    let mut data: Vec<T> = Vec::new();
    if data.try_reserve_exact(count).is_err() {
        return Err(ArrayError::new(
            ErrorKind::MemoryError,
            format!(
                "Unable to allocate {} for an array with shape {} and data type {}",
                crate::print::human_bytes(nbytes),
                shape_repr(&h.shape),
                h.dtype
            ),
        ));
    }
    // Most of the cost of reading a big file into new memory is otherwise page faults.
    crate::operand::advise_huge_vec(&mut data);
    if T::DTYPE == DType::Bool {
        // Any byte may be in the file; a Rust bool must be 0 or 1.
        let mut bytes = vec![0u8; count];
        fill(&mut bytes)?;
        for (b, out) in bytes.iter().zip(data.spare_capacity_mut()) {
            // SAFETY: T is bool here and `*b != 0` is a valid bool.
            out.write(unsafe { std::mem::transmute_copy::<bool, T>(&(*b != 0)) });
        }
        // SAFETY: `count` elements were written above.
        unsafe { data.set_len(count) };
        return Ok(data);
    }
    if !from_os {
        data.resize(count, T::default());
    }
    // SAFETY: the capacity holds `count` elements; if they are not initialized (`from_os`),
    // the bytes go only to the OS, which writes all of them or fails (the Vec then stays
    // empty). Skipping the zeroing of a fresh buffer keeps large loads at memcpy speed.
    let dst = unsafe { std::slice::from_raw_parts_mut(data.as_mut_ptr() as *mut u8, nbytes) };
    fill(dst)?;
    // SAFETY: every byte was written, and all bit patterns are valid for the numeric types.
    unsafe { data.set_len(count) };
    if h.swap {
        let part = if h.dtype.is_complex() {
            h.dtype.itemsize() / 2
        } else {
            h.dtype.itemsize()
        };
        // SAFETY: the same initialized memory, viewed as bytes.
        let bytes = unsafe { std::slice::from_raw_parts_mut(data.as_mut_ptr() as *mut u8, nbytes) };
        for c in bytes.chunks_exact_mut(part) {
            c.reverse();
        }
    }
    Ok(data)
}
