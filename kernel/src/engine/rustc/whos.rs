//! `:whos`, the variable inspector: every variable with its type and, for arrays, shape, dtype
//! and memory, as an HTML table and an aligned text table with a total memory row.
//!
//! The cell host describes the stored values (through arraylib's `whos::describe_value`, which
//! each cell installs), so nothing is compiled and no element is read.

use super::super::{DisplayData, MimeBundle};
use serde_json::Value;

/// One row of the table.
#[derive(Debug, PartialEq)]
pub struct Row {
    /// Variable name.
    pub name: String,
    /// The type as the session knows it (`Array`, `Vec<f64>`).
    pub ty: String,
    /// Shape as NumPy writes it, for arrays; `()` for scalars.
    pub shape: String,
    /// dtype name, for arraylib values.
    pub dtype: String,
    /// Bytes of the elements, for arraylib values.
    pub nbytes: Option<u64>,
    /// `view` for arrays that do not own their data.
    pub note: String,
}

/// Joins the session's variables (in definition order) with the cell host's descriptions.
pub fn rows(vars: &[(String, String)], whos: &Value) -> Vec<Row> {
    let empty = Vec::new();
    let described = whos.as_array().unwrap_or(&empty);
    vars.iter()
        .map(|(name, ty)| {
            let info = described
                .iter()
                .find(|r| r[0].as_str() == Some(name))
                .map(|r| &r[2])
                .filter(|v| v.is_object());
            let mut row = Row {
                name: name.clone(),
                ty: ty.clone(),
                shape: String::new(),
                dtype: String::new(),
                nbytes: None,
                note: String::new(),
            };
            if let Some(info) = info {
                row.dtype = info["dtype"].as_str().unwrap_or("").to_string();
                row.nbytes = info["nbytes"].as_u64();
                match info["kind"].as_str() {
                    Some("array") => {
                        row.shape = info["shape"].as_str().unwrap_or("").to_string();
                        if info["owns_data"].as_bool() == Some(false) {
                            row.note = "view".to_string();
                        }
                    }
                    Some("scalar") => {
                        row.shape = "()".to_string();
                        row.note = info["value"].as_str().unwrap_or("").to_string();
                    }
                    _ => {}
                }
            }
            row
        })
        .collect()
}

/// `96 bytes`, `7.63 MiB`: the units arraylib's card uses.
pub fn human_bytes(bytes: u64) -> String {
    let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    format!("{v:.2} {}", units[u])
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn memory_text(row: &Row) -> String {
    row.nbytes.map(human_bytes).unwrap_or_default()
}

/// Total of the array and scalar memory. Views count with their own `nbytes`, as NumPy's
/// `nbytes` does; the text says so.
fn total(rows: &[Row]) -> u64 {
    rows.iter().filter_map(|r| r.nbytes).sum()
}

/// `232 bytes`, or `7.63 MiB (8000000 bytes)` from a KiB on.
fn total_text(t: u64) -> String {
    if t < 1024 {
        human_bytes(t)
    } else {
        format!("{} ({t} bytes)", human_bytes(t))
    }
}

/// The aligned text table, in the spirit of IPython's `%whos`.
pub fn text(rows: &[Row]) -> String {
    if rows.is_empty() {
        return "No variables.".to_string();
    }
    let header = ["Variable", "Type", "Shape", "dtype", "Memory", ""];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.name.clone(),
                r.ty.clone(),
                r.shape.clone(),
                r.dtype.clone(),
                memory_text(r),
                r.note.clone(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for c in &cells {
        for (w, s) in widths.iter_mut().zip(c) {
            *w = (*w).max(s.chars().count());
        }
    }
    let line = |c: &[String]| {
        let parts: Vec<String> = c
            .iter()
            .zip(widths)
            .map(|(s, w)| format!("{s:<w$}"))
            .collect();
        parts.join("   ").trim_end().to_string()
    };
    let head: Vec<String> = header.iter().map(|s| s.to_string()).collect();
    let mut out = vec![line(&head)];
    out.push("-".repeat(out[0].chars().count()));
    for c in &cells {
        out.push(line(c));
    }
    out.push(format!("Total memory: {}", total_text(total(rows))));
    out.join("\n")
}

/// The HTML table; inline styles only, so it reads the same in untrusted notebooks.
pub fn html(rows: &[Row]) -> String {
    if rows.is_empty() {
        return "<div>No variables.</div>".to_string();
    }
    // Plain values before the theme's variables: JupyterLab's sanitizer of untrusted outputs
    // drops `var(...)` and keeps the plain value.
    const TABLE: &str = "border-collapse:collapse;font-size:12px;font-family:sans-serif;\
        font-family:var(--jp-ui-font-family,system-ui,sans-serif);";
    const RULE: &str = "1px solid #bdbdbd;";
    const THEMED_RULE: &str = "1px solid var(--jp-border-color1,#bdbdbd);";
    const TD: &str = "text-align:left;padding:2px 10px;";
    const MONO: &str = "font-family:monospace;font-family:var(--jp-code-font-family,monospace);";
    let th = format!("{TD}border-bottom:{RULE}border-bottom:{THEMED_RULE}");
    let total_td = format!("{TD}border-top:{RULE}border-top:{THEMED_RULE}");
    let mut s = format!("<table class=\"np-whos\" style=\"{TABLE}\"><thead><tr>");
    for h in ["Variable", "Type", "Shape", "dtype", "Memory", ""] {
        s.push_str(&format!("<th style=\"{th}\">{h}</th>"));
    }
    s.push_str("</tr></thead><tbody>");
    for r in rows {
        s.push_str(&format!(
            "<tr><td style=\"{TD}{MONO}\"><b>{}</b></td><td style=\"{TD}{MONO}\">{}</td>\
             <td style=\"{TD}{MONO}\">{}</td><td style=\"{TD}{MONO}\">{}</td>\
             <td style=\"{TD}text-align:right;\">{}</td><td style=\"{TD}\">{}</td></tr>",
            escape(&r.name),
            escape(&r.ty),
            escape(&r.shape),
            escape(&r.dtype),
            escape(&memory_text(r)),
            escape(&r.note)
        ));
    }
    let t = total(rows);
    let exact = if t < 1024 {
        String::new()
    } else {
        format!("{t} bytes")
    };
    s.push_str(&format!(
        "<tr><td colspan=\"4\" style=\"{total_td}\"><b>Total memory</b></td>\
         <td style=\"{total_td}text-align:right;\"><b>{}</b></td>\
         <td style=\"{total_td}\">{exact}</td></tr>",
        human_bytes(t)
    ));
    s.push_str("</tbody></table>");
    s
}

/// The display bundle (`text/plain` and `text/html`).
pub fn display(rows: &[Row]) -> DisplayData {
    let mut data = MimeBundle::new();
    data.insert("text/plain".into(), Value::String(text(rows)));
    data.insert("text/html".into(), Value::String(html(rows)));
    DisplayData {
        data,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_descriptions_and_totals_memory() {
        let vars = vec![
            ("a".to_string(), "Array".to_string()),
            ("n".to_string(), "i32".to_string()),
            ("v".to_string(), "Array".to_string()),
        ];
        let whos: Value = serde_json::from_str(
            r#"[["a","arraylib::array::Array",{"kind":"array","shape":"(3, 4)","dtype":"float64","size":12,"nbytes":96,"owns_data":true}],
                ["n","i32",null],
                ["v","arraylib::array::Array",{"kind":"array","shape":"(2048, 1024)","dtype":"uint8","size":2097152,"nbytes":2097152,"owns_data":false}]]"#,
        )
        .unwrap();
        let rows = rows(&vars, &whos);
        assert_eq!(rows[0].shape, "(3, 4)");
        assert_eq!(rows[1].nbytes, None);
        assert_eq!(rows[2].note, "view");
        let t = text(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(
            lines[0],
            "Variable   Type    Shape          dtype     Memory"
        );
        assert_eq!(
            lines[2],
            "a          Array   (3, 4)         float64   96 bytes"
        );
        assert_eq!(lines[3], "n          i32");
        assert_eq!(
            lines[4],
            "v          Array   (2048, 1024)   uint8     2.00 MiB   view"
        );
        assert_eq!(lines[5], "Total memory: 2.00 MiB (2097248 bytes)");
        let h = html(&rows);
        assert!(h.contains("<b>Total memory</b>") && h.contains("2097248 bytes"));
        assert!(!h.contains("<style") && !h.contains("<script"));
    }

    #[test]
    fn human_units() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1023), "1023 bytes");
        assert_eq!(human_bytes(1536), "1.50 KiB");
        assert_eq!(human_bytes(800_000_000), "762.94 MiB");
    }
}
