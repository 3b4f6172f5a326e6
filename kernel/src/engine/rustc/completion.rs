//! Completion and inspection: an index of arraylib's public API scanned from its sources at
//! run time, the session's names, Rust keywords and the kernel's `:commands`.

use super::super::{Completions, MimeBundle};
use serde_json::{json, Value};
use std::path::Path;

/// One public API entry of arraylib.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiEntry {
    /// The name (`linspace`).
    pub name: String,
    /// `fn`, `method`, `struct`, `enum`, `trait`, `type`, `const`, `static`, `mod`, `macro`.
    pub kind: String,
    /// The declaration up to its body (`pub fn linspace(start: f64, ...) -> Array`).
    pub signature: String,
    /// The doc comment.
    pub doc: String,
    /// The module file it is declared in (`constructors`), empty for the crate root.
    pub module: String,
    /// For methods: the type of the `impl` block.
    pub owner: Option<String>,
}

/// The scanned API.
#[derive(Clone, Debug, Default)]
pub struct ApiIndex {
    /// All entries.
    pub entries: Vec<ApiEntry>,
}

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "dyn", "async", "await",
];

const COMMON: &[&str] = &[
    "println!",
    "print!",
    "eprintln!",
    "format!",
    "vec!",
    "assert!",
    "assert_eq!",
    "panic!",
    "String",
    "Vec",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Box",
    "np",
];

const COMMON_METHODS: &[&str] = &[
    "len",
    "is_empty",
    "iter",
    "iter_mut",
    "into_iter",
    "push",
    "pop",
    "insert",
    "remove",
    "get",
    "contains",
    "map",
    "filter",
    "collect",
    "sum",
    "clone",
    "unwrap",
    "expect",
    "to_string",
    "as_str",
    "sort",
    "sort_by",
    "enumerate",
    "zip",
    "rev",
    "fold",
    "max",
    "min",
];

/// The kernel's commands.
pub const COMMANDS: &[&str] = &[":dep", ":vars", ":timing", ":opt", ":clear", ":help"];

fn ident_after<'a>(s: &'a str, kw: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(kw)?.trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn private_modules(src_dir: &Path) -> Vec<String> {
    let lib = std::fs::read_to_string(src_dir.join("lib.rs")).unwrap_or_default();
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            let name = ident_after(l, "mod")?;
            l.ends_with(';').then(|| name.to_string())
        })
        .collect()
}

impl ApiIndex {
    /// Scans `src_dir` (arraylib's `src/`) for public items and their doc comments.
    pub fn scan(src_dir: &Path) -> ApiIndex {
        let private = private_modules(src_dir);
        let mut files = Vec::new();
        fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
            if let Ok(rd) = std::fs::read_dir(dir) {
                for e in rd.flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        walk(&p, files);
                    } else if p.extension().is_some_and(|x| x == "rs") {
                        files.push(p);
                    }
                }
            }
        }
        walk(src_dir, &mut files);
        files.sort();
        let mut index = ApiIndex::default();
        for f in files {
            let rel = f.strip_prefix(src_dir).unwrap_or(&f);
            let module = rel
                .with_extension("")
                .to_string_lossy()
                .replace('/', "::")
                .trim_end_matches("::mod")
                .to_string();
            let module = if module == "lib" {
                String::new()
            } else {
                module
            };
            if private
                .iter()
                .any(|p| module == *p || module.starts_with(&format!("{p}::")))
            {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&f) {
                index.scan_file(&text, &module);
            }
        }
        index
    }

    fn scan_file(&mut self, text: &str, module: &str) {
        let lines: Vec<&str> = text.lines().collect();
        let mut doc: Vec<String> = Vec::new();
        let mut depth: i64 = 0;
        // (depth at which the impl block's body lives, owner type)
        let mut impl_stack: Vec<(i64, Option<String>)> = Vec::new();
        let mut in_tests = false;
        let mut tests_depth = 0;
        let mut macro_export = false;
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i].trim();
            if let Some(d) = line.strip_prefix("///") {
                doc.push(d.strip_prefix(' ').unwrap_or(d).to_string());
                i += 1;
                continue;
            }
            if line.starts_with("#[cfg(test)]") {
                in_tests = true;
                tests_depth = depth;
            }
            if line.starts_with("#[macro_export]") {
                macro_export = true;
            }
            if line.starts_with("#[") || line.is_empty() {
                i += 1;
                continue;
            }
            let owner = impl_stack
                .last()
                .filter(|(d, _)| *d == depth)
                .map(|(_, o)| o.clone());
            if !in_tests {
                if (line.starts_with("impl") && !line.starts_with("impl_"))
                    || line.starts_with("unsafe impl")
                {
                    let header = line.split('{').next().unwrap_or(line);
                    let target = header.rsplit(" for ").next().unwrap_or(header);
                    let target = target
                        .trim_start_matches("unsafe ")
                        .trim_start_matches("impl");
                    let target = if target.starts_with('<') {
                        // Skip the generics of `impl<T> X<T>`.
                        let mut d = 0;
                        let mut cut = target.len();
                        for (k, c) in target.char_indices() {
                            match c {
                                '<' => d += 1,
                                '>' => {
                                    d -= 1;
                                    if d == 0 {
                                        cut = k + 1;
                                        break;
                                    }
                                }
                                _ => {}
                            }
                        }
                        &target[cut..]
                    } else {
                        target
                    };
                    let name: String = target
                        .trim()
                        .trim_start_matches("crate::")
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    let trait_impl = header.contains(" for ");
                    impl_stack.push((depth + 1, (!trait_impl).then_some(name)));
                } else if let Some((kind, name)) = declared(line, macro_export) {
                    let in_impl = owner.is_some();
                    let inside_other_block = depth > 0 && !in_impl;
                    if !inside_other_block && (kind != "method" || in_impl) {
                        let mut sig = line.to_string();
                        let mut j = i;
                        while !sig.contains('{')
                            && !sig.trim_end().ends_with(';')
                            && j + 1 < lines.len()
                        {
                            j += 1;
                            sig.push(' ');
                            sig.push_str(lines[j].trim());
                        }
                        let sig = sig
                            .split('{')
                            .next()
                            .unwrap_or(&sig)
                            .trim()
                            .trim_end_matches(';');
                        let kind = if kind == "fn" && in_impl {
                            "method"
                        } else {
                            kind
                        };
                        self.entries.push(ApiEntry {
                            name: name.to_string(),
                            kind: kind.to_string(),
                            signature: sig.split_whitespace().collect::<Vec<_>>().join(" "),
                            doc: doc.join("\n").trim().to_string(),
                            module: module.to_string(),
                            owner: owner.clone().flatten(),
                        });
                    }
                }
            }
            macro_export = false;
            doc.clear();
            for c in strip_strings(line).chars() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        while impl_stack.last().is_some_and(|(d, _)| *d > depth) {
                            impl_stack.pop();
                        }
                        if in_tests && depth <= tests_depth {
                            in_tests = false;
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
    }

    /// Entries named `name`, best match for `path` (`np::linspace`, `Array::zeros`) first.
    pub fn lookup(&self, path: &[&str]) -> Vec<&ApiEntry> {
        let Some(name) = path.last() else {
            return Vec::new();
        };
        let mut found: Vec<&ApiEntry> = self.entries.iter().filter(|e| e.name == *name).collect();
        let qualifier = path.len().checked_sub(2).map(|i| path[i]);
        found.sort_by_key(|e| match qualifier {
            Some(q) if e.owner.as_deref() == Some(q) => 0,
            Some("np") | Some("arraylib") if e.owner.is_none() => 0,
            _ if e.owner.is_none() => 1,
            _ => 2,
        });
        found
    }
}

fn strip_strings(line: &str) -> String {
    let mut out = String::new();
    let mut in_str = false;
    let mut prev = ' ';
    for c in line.chars() {
        if c == '"' && prev != '\\' {
            in_str = !in_str;
        } else if !in_str {
            if c == '/' && prev == '/' {
                out.pop();
                break;
            }
            if c != '\'' {
                out.push(c);
            }
        }
        prev = c;
    }
    out
}

fn declared(line: &str, macro_export: bool) -> Option<(&'static str, &str)> {
    if macro_export {
        if let Some(n) = ident_after(line, "macro_rules!") {
            return Some(("macro", n));
        }
    }
    let rest = line.strip_prefix("pub ")?;
    let mut rest = rest.trim_start();
    for q in ["const fn", "unsafe fn", "async fn", "extern \"C\" fn"] {
        if rest.starts_with(q) {
            rest = &rest[q.len() - 2..];
        }
    }
    for kind in [
        "fn", "struct", "enum", "trait", "type", "const", "static", "mod",
    ] {
        if let Some(n) = ident_after(rest, kind) {
            if rest[kind.len()..].starts_with(char::is_whitespace) {
                return Some((kind, n));
            }
        }
    }
    None
}

/// Session names offered for completion.
#[derive(Clone, Debug, Default)]
pub struct SessionNames {
    /// Variables with their types.
    pub vars: Vec<(String, String)>,
    /// Item names with their source.
    pub items: Vec<(String, String)>,
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Completion candidates at `cursor` (in characters).
pub fn complete(index: &ApiIndex, names: &SessionNames, code: &str, cursor: usize) -> Completions {
    let chars: Vec<char> = code.chars().collect();
    let cursor = cursor.min(chars.len());
    let mut start = cursor;
    while start > 0 && is_ident_char(chars[start - 1]) {
        start -= 1;
    }
    let partial: String = chars[start..cursor].iter().collect();
    let before: String = chars[..start].iter().collect();
    let mut candidates: Vec<(String, &'static str)> = Vec::new();
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    if start > 0
        && chars[start - 1] == ':'
        && before[line_start..before.len() - 1].trim().is_empty()
    {
        // `:com` at the start of a line.
        let start = start - 1;
        let partial = format!(":{partial}");
        let matches: Vec<String> = COMMANDS
            .iter()
            .filter(|c| c.starts_with(&partial))
            .map(|c| c.to_string())
            .collect();
        return Completions {
            matches,
            cursor_start: start,
            cursor_end: cursor,
            metadata: MimeBundle::new(),
        };
    }
    if let Some(path) = before.strip_suffix("::") {
        let qual: String = path
            .chars()
            .rev()
            .take_while(|c| is_ident_char(*c) || *c == ':')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let segs: Vec<&str> = qual.split("::").filter(|s| !s.is_empty()).collect();
        let last = segs.last().copied().unwrap_or("");
        if segs.first().is_some_and(|s| *s == "np" || *s == "arraylib") {
            if segs.len() == 1 {
                for e in index.entries.iter().filter(|e| e.owner.is_none()) {
                    candidates.push((e.name.clone(), kind_type(&e.kind)));
                }
            } else {
                for e in &index.entries {
                    if e.module == segs[1..].join("::") && e.owner.is_none()
                        || e.owner.as_deref() == Some(last)
                    {
                        candidates.push((e.name.clone(), kind_type(&e.kind)));
                    }
                }
            }
        } else {
            for e in index
                .entries
                .iter()
                .filter(|e| e.owner.as_deref() == Some(last))
            {
                candidates.push((e.name.clone(), kind_type(&e.kind)));
            }
        }
    } else if before.ends_with('.') && !before.ends_with("..") {
        for e in index.entries.iter().filter(|e| e.kind == "method") {
            candidates.push((e.name.clone(), "function"));
        }
        for m in COMMON_METHODS {
            candidates.push((m.to_string(), "function"));
        }
    } else {
        for (v, _) in &names.vars {
            candidates.push((v.clone(), "instance"));
        }
        for (i, _) in &names.items {
            candidates.push((i.clone(), "class"));
        }
        for k in KEYWORDS {
            candidates.push((k.to_string(), "keyword"));
        }
        for c in COMMON {
            candidates.push((c.to_string(), "class"));
        }
        for (n, _) in super::codegen::STD_IMPORTS {
            candidates.push((n.to_string(), "class"));
        }
        for e in index
            .entries
            .iter()
            .filter(|e| e.owner.is_none() && e.kind != "fn" && e.kind != "mod")
        {
            candidates.push((e.name.clone(), kind_type(&e.kind)));
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut matches = Vec::new();
    let mut types = Vec::new();
    candidates.sort();
    for (c, t) in candidates {
        if c.starts_with(&partial) && seen.insert(c.clone()) {
            types.push(json!({"start": start, "end": cursor, "text": c, "type": t}));
            matches.push(c);
        }
    }
    let mut metadata = MimeBundle::new();
    metadata.insert("_jupyter_types_experimental".into(), Value::Array(types));
    Completions {
        matches,
        cursor_start: start,
        cursor_end: cursor,
        metadata,
    }
}

fn kind_type(kind: &str) -> &'static str {
    match kind {
        "fn" | "method" => "function",
        "mod" => "module",
        "const" | "static" => "instance",
        "macro" => "function",
        _ => "class",
    }
}

/// Help for the path under the cursor: arraylib signature and doc, a variable's type or an
/// item's source.
pub fn inspect(
    index: &ApiIndex,
    names: &SessionNames,
    code: &str,
    cursor: usize,
) -> Option<MimeBundle> {
    let chars: Vec<char> = code.chars().collect();
    let cursor = cursor.min(chars.len());
    let mut start = cursor;
    while start > 0 && (is_ident_char(chars[start - 1]) || chars[start - 1] == ':') {
        start -= 1;
    }
    let mut end = cursor;
    while end < chars.len() && is_ident_char(chars[end]) {
        end += 1;
    }
    let path: String = chars[start..end].iter().collect();
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let name = *segs.last()?;
    let text = if let Some((_, ty)) = names
        .vars
        .iter()
        .find(|(v, _)| v == name)
        .filter(|_| segs.len() == 1)
    {
        format!("{name}: {ty}")
    } else if let Some((_, src)) = names
        .items
        .iter()
        .find(|(i, _)| i == name)
        .filter(|_| segs.len() == 1)
    {
        src.clone()
    } else {
        let found = index.lookup(&segs);
        let e = found.first()?;
        let qual = match &e.owner {
            Some(o) => format!("{o}::{}", e.name),
            None => format!("np::{}", e.name),
        };
        if e.doc.is_empty() {
            format!("{qual}\n{}", e.signature)
        } else {
            format!("{qual}\n{}\n\n{}", e.signature, e.doc)
        }
    };
    let mut bundle = MimeBundle::new();
    bundle.insert("text/plain".into(), Value::String(text));
    Some(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ApiIndex {
        let mut i = ApiIndex::default();
        i.scan_file(
            "/// Evenly spaced numbers.\n///\n/// Like NumPy.\npub fn linspace(start: f64,\n    stop: f64, num: usize) -> Array {\n    todo!()\n}\npub struct Array { x: i32 }\nimpl Array {\n    /// The mean.\n    pub fn mean(&self) -> f64 { 0.0 }\n    fn private(&self) {}\n}\nimpl std::fmt::Debug for Array {\n    fn fmt(&self) {}\n}\n#[cfg(test)]\nmod tests {\n    pub fn hidden() {}\n}\n",
            "constructors",
        );
        i
    }

    #[test]
    fn scans_functions_methods_docs() {
        let i = index();
        let names: Vec<_> = i
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.kind.as_str()))
            .collect();
        assert_eq!(
            names,
            [("linspace", "fn"), ("Array", "struct"), ("mean", "method")]
        );
        assert_eq!(
            i.entries[0].signature,
            "pub fn linspace(start: f64, stop: f64, num: usize) -> Array"
        );
        assert_eq!(i.entries[0].doc, "Evenly spaced numbers.\n\nLike NumPy.");
        assert_eq!(i.entries[2].owner.as_deref(), Some("Array"));
    }

    #[test]
    fn completes_paths_names_commands() {
        let i = index();
        let names = SessionNames {
            vars: vec![("linear".into(), "i32".into())],
            items: vec![],
        };
        let c = complete(&i, &names, "let a = np::lin", 15);
        assert_eq!(c.matches, ["linspace"]);
        assert_eq!((c.cursor_start, c.cursor_end), (12, 15));
        let c = complete(&i, &names, "lin", 3);
        assert_eq!(c.matches, ["linear"]);
        let c = complete(&i, &names, "a.me", 4);
        assert_eq!(c.matches, ["mean"]);
        let c = complete(&i, &names, ":ti", 3);
        assert_eq!(c.matches, [":timing"]);
        assert_eq!(c.cursor_start, 0);
    }

    #[test]
    fn inspects_signature_and_doc() {
        let i = index();
        let b = inspect(&i, &SessionNames::default(), "np::linspace(0.", 6).unwrap();
        let t = b["text/plain"].as_str().unwrap();
        assert!(t.contains("pub fn linspace(start: f64"), "{t}");
        assert!(t.contains("Evenly spaced"));
    }
}
