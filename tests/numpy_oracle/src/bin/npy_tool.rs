//! Loads and saves `.npy`/`.npz` files with arraylib for `tests/test_npy_files.py`, which
//! checks them against NumPy in both directions.
//!
//! Usage (one JSON line on stdout; errors as `{"error": "Class: message"}`):
//!   npy_tool describe FILE                 the array (or archive members) of `np::load(FILE)`
//!   npy_tool copy IN OUT                   `np::save(OUT, np::load(IN))`
//!   npy_tool npz-copy IN OUT [compressed]  every member of IN into a new archive OUT
//!   npy_tool npz-positional OUT N          `np::savez(OUT, &[&a0, ..])` with arange arrays
//!   npy_tool save-view OUT KIND            saves a view: `t` (transpose), `step` (a[::2]), `neg`
//!   npy_tool mmap FILE MODE [set]          `np::load_mmap`, sum; with `set`, writes 42 at [0..]
//!   npy_tool memmap-create FILE            `np::memmap` 'w+' int32 (3, 4) of arange, flushed
//!   npy_tool open-memmap FILE              `np::open_memmap` float32 (2, 5), row 1 set to 7

use arraylib as np;
use arraylib::{Array, DType, MmapMode};

fn values_json(a: &Array) -> String {
    let items: Vec<String> = match a.dtype() {
        DType::Bool => a
            .to_vec::<bool>()
            .iter()
            .map(|b| format!("\"{}\"", *b as u8))
            .collect(),
        DType::UInt64 => a
            .to_vec::<u64>()
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect(),
        d if d.is_integer() => a
            .astype(DType::Int64)
            .to_vec::<i64>()
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect(),
        DType::Float32 => a
            .to_vec::<f32>()
            .iter()
            .map(|v| format!("\"{v:?}\""))
            .collect(),
        DType::Float64 => a
            .to_vec::<f64>()
            .iter()
            .map(|v| format!("\"{v:?}\""))
            .collect(),
        DType::Str(_) => a.to_strings().iter().map(|s| json_str(s)).collect(),
        DType::Complex64 => a
            .to_vec::<np::Complex64>()
            .iter()
            .map(|c| format!("\"{:?},{:?}\"", c.re, c.im))
            .collect(),
        _ => a
            .to_vec::<np::Complex128>()
            .iter()
            .map(|c| format!("\"{:?},{:?}\"", c.re, c.im))
            .collect(),
    };
    format!("[{}]", items.join(","))
}

fn array_json(a: &Array) -> String {
    let f = a.flags();
    format!(
        "{{\"dtype\":\"{}\",\"shape\":{:?},\"c\":{},\"f\":{},\"owndata\":{},\"writeable\":{},\"values\":{}}}",
        a.dtype(),
        a.shape(),
        f.c_contiguous,
        f.f_contiguous,
        f.owndata,
        f.writeable,
        values_json(a)
    )
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn run(args: &[String]) -> np::Result<String> {
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    match arg(0) {
        "describe" => match np::try_load(arg(1))? {
            np::Loaded::Array(a) => Ok(array_json(&a)),
            np::Loaded::Npz(z) => {
                let mut parts = Vec::new();
                for name in z.files() {
                    parts.push(format!(
                        "[{},{}]",
                        json_str(name),
                        array_json(&z.get(name)?)
                    ));
                }
                Ok(format!("{{\"npz\":[{}]}}", parts.join(",")))
            }
        },
        "copy" => {
            let a = np::try_load(arg(1))?.into_array()?;
            np::try_save(arg(2), &a)?;
            Ok(array_json(&a))
        }
        "npz-copy" => {
            let z = np::try_load(arg(1))?.into_npz()?;
            let items = z.items()?;
            if arg(3) == "compressed" {
                np::try_savez_compressed(arg(2), items)?;
            } else {
                np::try_savez(arg(2), items)?;
            }
            Ok("{}".to_string())
        }
        "npz-positional" => {
            let n: usize = arg(2).parse().unwrap_or(2);
            let arrays: Vec<Array> = (0..n).map(|i| np::arange(i as i64 + 1)).collect();
            let refs: Vec<&Array> = arrays.iter().collect();
            np::try_savez(arg(1), refs.as_slice())?;
            Ok("{}".to_string())
        }
        "save-view" => {
            let base = np::arange(12.0).reshape([3, 4]);
            let v = match arg(2) {
                "t" => base.t(),
                "step" => base.slice(np::s![..;2, ..]),
                _ => base.slice(np::s![..;-1, 1..3]),
            };
            np::try_save(arg(1), &v)?;
            Ok(array_json(&v))
        }
        "mmap" => {
            let mode = match arg(2) {
                "r" => MmapMode::ReadOnly,
                "r+" => MmapMode::ReadWrite,
                _ => MmapMode::CopyOnWrite,
            };
            let a = np::try_load_mmap(arg(1), mode)?;
            let sum = a.astype(DType::Float64).sum().to_f64();
            let mut out = format!("{{\"sum\":{sum:?},\"array\":{}", array_json(&a));
            if arg(3) == "set" {
                let first = vec![0isize; a.ndim()];
                match a.try_set(first, 42) {
                    Ok(()) => {
                        a.flush()?;
                        let again = a.astype(DType::Float64).sum().to_f64();
                        out.push_str(&format!(",\"after\":{again:?}"));
                    }
                    Err(e) => out.push_str(&format!(",\"set_error\":{}", json_str(&e.to_string()))),
                }
            }
            out.push('}');
            Ok(out)
        }
        "memmap-create" => {
            let m = np::try_memmap(arg(1), np::int32, MmapMode::WritePlus, 0, Some(vec![3, 4]))?;
            m.try_assign(&np::arange(12).reshape([3, 4]).astype(np::int32))?;
            m.flush()?;
            Ok(array_json(&m))
        }
        "open-memmap" => {
            let m = np::try_open_memmap(arg(1), np::float32, [2, 5])?;
            m.slice(np::s![1, ..]).fill(7.0);
            Ok(array_json(&m))
        }
        other => Err(np::ArrayError::value(format!("unknown command {other:?}"))),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(s) => println!("{s}"),
        Err(e) => println!("{{\"error\":{}}}", json_str(&e.to_string())),
    }
}
