//! Learning the types of new `let` bindings without rust-analyzer: the cell's build has a
//! statement `(&name,);` per binding under `#[warn(unused_results)]`, and rustc's warning
//! names the type (`unused result of type `(&Vec<i32>,)``), trimmed to a name a later cell
//! can write, at no extra compile.

use super::codegen::{Generated, Origin};
use super::diagnostics::Diagnostic;
use std::collections::HashMap;

/// Turns the type rustc printed into one a later cell can write, or says why it can't.
pub fn writable_type(found: &str) -> Result<String, String> {
    let t = found.trim();
    match t {
        "integer" => return Ok("i32".into()),
        "floating-point number" => return Ok("f64".into()),
        _ => {}
    }
    let t = t.replace("{integer}", "i32").replace("{float}", "f64");
    if t.contains("{closure") || t.starts_with("closure") {
        return Err(format!(
            "it is a closure (`{}`)",
            without_closure_locations(&t)
        ));
    }
    if t.contains("impl ") || t.contains("opaque") {
        return Err(format!("its type `{t}` is an opaque `impl Trait`"));
    }
    if t.contains('{') || t.contains("...") {
        return Err(format!("its type `{t}` can't be written down"));
    }
    if t == "&str" {
        return Ok("&'static str".into());
    }
    if t.starts_with('&') && !t.starts_with("&'static") || t.contains("'_") || has_lifetime(&t) {
        return Err(format!("its type `{t}` borrows from something"));
    }
    Ok(t)
}

/// Writes arraylib's types as a notebook user does: `Array` for names the prelude brings into
/// every cell (unless an item of the session shadows them), `np::plot::Figure` for the rest.
/// rustc's warnings spell them `arraylib::Array`.
pub fn with_notebook_paths(t: &str, user_items: &[String]) -> String {
    const PRELUDE: &[&str] = &["Array", "DType", "Scalar"];
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find("arraylib::") {
        let before = rest[..i].chars().next_back();
        out.push_str(&rest[..i]);
        rest = &rest[i + "arraylib::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            out.push_str("arraylib::");
            continue;
        }
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        let is_path = rest[name_len..].starts_with("::");
        if !is_path && PRELUDE.contains(&name) && !user_items.iter().any(|u| u == name) {
            continue;
        }
        out.push_str("np::");
    }
    out.push_str(rest);
    out
}

/// `{closure@/tmp/.../cell_3.rs:3:9: 3:12}` becomes `{closure}`: the location is in a
/// generated file whose path means nothing to the user.
fn without_closure_locations(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find("{closure@") {
        out.push_str(&rest[..i]);
        out.push_str("{closure}");
        rest = rest[i..].find('}').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(rest);
    out
}

fn has_lifetime(t: &str) -> bool {
    for (i, c) in t.char_indices() {
        if c == '\'' {
            let rest = &t[i + 1..];
            if !rest.starts_with("static") {
                return true;
            }
        }
    }
    false
}

/// For "cannot find type `X` in this scope", the `use` that brings `X` in, found in the full
/// `std::any::type_name` of the value (`HashMap<i32, i32, BuildHasherDefault<fnv::FnvHasher>>`).
pub fn import_for(message: &str, type_name: &str) -> Option<String> {
    let rest = message.strip_prefix("cannot find type `")?;
    let name = rest.split('`').next()?;
    let bytes = type_name.as_bytes();
    let mut best: Option<&str> = None;
    let mut search = 0;
    while let Some(pos) = type_name[search..].find(name) {
        let start = search + pos;
        let end = start + name.len();
        search = end;
        let ends_word = bytes
            .get(end)
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'));
        if !ends_word || start < 2 || &type_name[start - 2..start] != "::" {
            continue;
        }
        let path_start = type_name[..start]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map(|i| i + 1)
            .unwrap_or(0);
        best = Some(&type_name[path_start..end]);
    }
    best.map(|p| format!("use {p};"))
}

/// Extracts the type from one probe warning: `unused result of type `(&T,)``.
fn found_type(d: &Diagnostic) -> Option<String> {
    let quoted = d.message.strip_prefix("unused result of type `")?;
    let tuple = quoted.strip_suffix('`')?;
    let inner = tuple.strip_prefix("(&")?.strip_suffix(",)")?;
    Some(inner.to_string())
}

/// Reads the probe results: name → writable type, or why it is not kept.
pub fn read_probes(
    diags: &[Diagnostic],
    file: &str,
    gen: &Generated,
) -> HashMap<String, Result<String, String>> {
    let mut out = HashMap::new();
    for d in diags {
        let Some(line) = d.primary_line(file) else {
            continue;
        };
        if let Origin::Probe(name) = gen.origin(line) {
            let r = match found_type(d) {
                Some(t) => writable_type(&t),
                None => Err(format!("rustc could not tell its type ({})", d.message)),
            };
            out.insert(name, r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writable_types() {
        assert_eq!(writable_type("integer").unwrap(), "i32");
        assert_eq!(writable_type("floating-point number").unwrap(), "f64");
        assert_eq!(writable_type("Vec<{float}>").unwrap(), "Vec<f64>");
        assert_eq!(writable_type("&str").unwrap(), "&'static str");
        assert_eq!(
            writable_type("HashMap<String, Vec<i32>>").unwrap(),
            "HashMap<String, Vec<i32>>"
        );
        assert!(writable_type("{closure@cell_1.rs:3:9: 3:12}").is_err());
        assert_eq!(
            writable_type("Map<Range<i32>, {closure@/tmp/k/cell_1.rs:3:9: 3:12}>").unwrap_err(),
            "it is a closure (`Map<Range<i32>, {closure}>`)"
        );
        assert!(writable_type("closure").is_err());
        assert!(writable_type("&Vec<i32>").is_err());
        assert!(writable_type("Map<std::ops::Range<i32>, {closure@x}>").is_err());
        assert!(writable_type("Foo<'a>").is_err());
    }

    #[test]
    fn arraylib_paths_as_in_a_notebook() {
        let none: &[String] = &[];
        assert_eq!(with_notebook_paths("arraylib::Array", none), "Array");
        assert_eq!(
            with_notebook_paths("Vec<arraylib::Scalar>", none),
            "Vec<Scalar>"
        );
        assert_eq!(
            with_notebook_paths("arraylib::plot::Figure", none),
            "np::plot::Figure"
        );
        assert_eq!(
            with_notebook_paths("myarraylib::Array", none),
            "myarraylib::Array"
        );
        assert_eq!(
            with_notebook_paths("arraylib::Array", &["Array".to_string()]),
            "np::Array"
        );
    }

    #[test]
    fn imports_from_type_names() {
        let full = "std::collections::hash::map::HashMap<i32, i32, core::hash::BuildHasherDefault<fnv::FnvHasher>>";
        assert_eq!(
            import_for("cannot find type `FnvHasher` in this scope", full).as_deref(),
            Some("use fnv::FnvHasher;")
        );
        assert_eq!(
            import_for("cannot find type `Nope` in this scope", full),
            None
        );
        assert_eq!(import_for("mismatched types", full), None);
    }

    #[test]
    fn reads_probe_warnings() {
        let json = r#"{"message":"unused result of type `(&Vec<{float}>,)`","code":{"code":"unused_results"},"level":"warning","spans":[{"file_name":"c.rs","line_start":2,"line_end":2,"column_start":1,"column_end":2,"is_primary":true,"label":null,"suggested_replacement":null,"expansion":null}],"children":[]}"#;
        let d: Diagnostic = serde_json::from_str(json).unwrap();
        let gen = Generated {
            source: "a\nb\n".into(),
            lines: vec![Origin::Generated, Origin::Probe("v".into())],
            ..Default::default()
        };
        let r = read_probes(&[d], "c.rs", &gen);
        assert_eq!(r["v"].as_deref(), Ok("Vec<f64>"));
    }
}
