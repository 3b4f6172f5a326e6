//! Generating the Rust source of a cell crate and of the user-items crate, with a map from
//! generated lines back to cell lines.

use super::cell_syntax::{CellParts, ItemKind, Shifts, RESULT_VAR};

/// Where a generated line came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Line `line` (1-based) of the current cell.
    Cell(usize),
    /// Line `line` of an item defined in an earlier cell (`cell` is its execution number).
    EarlierItem {
        /// Execution number of the cell that defined it.
        cell: usize,
        /// Line in that cell.
        line: usize,
    },
    /// The line that loads variable `name` from the store.
    Take(String),
    /// The line that puts variable `name` back into the store.
    Put(String),
    /// The line that asks rustc for the type of `name`.
    Probe(String),
    /// Wrapper code.
    Generated,
}

/// Generated source and its line map (index 0 is line 1).
#[derive(Clone, Debug, Default)]
pub struct Generated {
    /// The Rust source.
    pub source: String,
    /// Origin of each line.
    pub lines: Vec<Origin>,
    /// Column shifts of cell lines.
    pub shifts: Shifts,
}

impl Generated {
    fn push(&mut self, text: &str, origin: Origin) {
        for l in text.split('\n') {
            self.source.push_str(l);
            self.source.push('\n');
            self.lines.push(origin.clone());
        }
    }

    fn push_cell_text(&mut self, text: &str, first_line: usize, shifts: &Shifts) {
        for (i, l) in text.split('\n').enumerate() {
            self.source.push_str(l);
            self.source.push('\n');
            self.lines.push(Origin::Cell(first_line + i));
        }
        self.shifts.inserts.extend(shifts.inserts.iter().cloned());
    }

    /// The origin of generated line `line` (1-based).
    pub fn origin(&self, line: usize) -> Origin {
        line.checked_sub(1)
            .and_then(|i| self.lines.get(i).cloned())
            .unwrap_or(Origin::Generated)
    }
}

/// Standard-library names imported into every cell so type names printed by rustc resolve.
pub const STD_IMPORTS: &[(&str, &str)] = &[
    ("HashMap", "std::collections::HashMap"),
    ("HashSet", "std::collections::HashSet"),
    ("BTreeMap", "std::collections::BTreeMap"),
    ("BTreeSet", "std::collections::BTreeSet"),
    ("VecDeque", "std::collections::VecDeque"),
    ("BinaryHeap", "std::collections::BinaryHeap"),
    ("BuildHasherDefault", "std::hash::BuildHasherDefault"),
    ("Rc", "std::rc::Rc"),
    ("Arc", "std::sync::Arc"),
    ("Mutex", "std::sync::Mutex"),
    ("RefCell", "std::cell::RefCell"),
    ("Range", "std::ops::Range"),
    ("RangeInclusive", "std::ops::RangeInclusive"),
    ("Duration", "std::time::Duration"),
    ("Instant", "std::time::Instant"),
    ("PathBuf", "std::path::PathBuf"),
];

/// A persistent item of the session.
#[derive(Clone, Debug)]
pub struct StoredItem {
    /// Replacement key (see [`super::cell_syntax::ItemPart::key`]).
    pub key: String,
    /// Defined name.
    pub name: Option<String>,
    /// Kind.
    pub kind: ItemKind,
    /// Source text for the items crate.
    pub text: String,
    /// Execution number of the defining cell.
    pub cell: usize,
    /// First line in that cell.
    pub first_line: usize,
    /// Column shifts.
    pub shifts: Shifts,
}

fn preamble(out: &mut Generated, allows: &str, user_names: &[String], extra: &str, arraylib: bool) {
    out.push(allows, Origin::Generated);
    out.push("extern crate arraylib_cell_runtime;", Origin::Generated);
    if arraylib {
        out.push(
            "extern crate arraylib; use arraylib as np; use arraylib::prelude::*;",
            Origin::Generated,
        );
    }
    let std: Vec<&str> = STD_IMPORTS
        .iter()
        .filter(|(n, _)| !user_names.iter().any(|u| u == n))
        .map(|(_, p)| *p)
        .collect();
    if !std.is_empty() {
        out.push(
            &std.iter().map(|p| format!("use {p};")).collect::<String>(),
            Origin::Generated,
        );
    }
    if !extra.is_empty() {
        out.push(extra, Origin::Generated);
    }
}

/// The items crate: every stored item, in definition order.
/// `extra` is added to the preamble (imports of `:dep` crates).
pub fn items_source(items: &[StoredItem], current_cell: usize, extra: &str) -> Generated {
    let mut out = Generated::default();
    let names: Vec<String> = items.iter().filter_map(|i| i.name.clone()).collect();
    preamble(&mut out, "#![allow(warnings)]", &names, extra, true);
    for item in items {
        if item.cell == current_cell {
            out.push_cell_text(&item.text, item.first_line, &item.shifts);
        } else {
            for (i, l) in item.text.split('\n').enumerate() {
                out.push(
                    l,
                    Origin::EarlierItem {
                        cell: item.cell,
                        line: item.first_line + i,
                    },
                );
            }
        }
    }
    out
}

/// Types whose clone is a cheap alias of the same data, like a Python name: arraylib's array
/// and scalar. Cells get a clone of such a variable and the store keeps the original, so a
/// cell that consumes it (`a / 2`) does not make it disappear.
pub fn is_alias_handle(ty: &str) -> bool {
    matches!(
        ty.trim(),
        "Array" | "arraylib::Array" | "np::Array" | "Scalar" | "arraylib::Scalar" | "np::Scalar"
    )
}

/// What to generate for one cell.
#[derive(Clone, Debug, Default)]
pub struct CellSpec<'a> {
    /// The split cell.
    pub cell: Option<&'a CellParts>,
    /// Stored items (for imports and `use`s).
    pub items: &'a [StoredItem],
    /// Whether an items crate exists (and is passed as `user_items`).
    pub has_items_crate: bool,
    /// Earlier variables the cell mentions: `(name, type)`; loaded at the start.
    pub taken: Vec<(String, String)>,
    /// Earlier variables to put back after the cell (not moved by it).
    pub put_back: Vec<(String, String)>,
    /// New bindings to keep: `(name, type)`.
    pub new_vars: Vec<(String, String)>,
    /// Check pass: new bindings whose type rustc must tell.
    pub probes: Vec<String>,
    /// Execution number of this cell (items defined in it map to cell lines).
    pub cell_number: usize,
    /// Extra preamble lines (imports of `:dep` crates).
    pub extra_preamble: String,
    /// A plain cell, built without arraylib (see [`is_plain`]).
    pub plain: bool,
}

/// Crate name of the support library every cell links against (see [`support_source`]).
pub const SUPPORT_CRATE: &str = "arraylib_cell_support";

/// Crate name of the support library of plain cells, which does not depend on arraylib.
pub const PLAIN_SUPPORT_CRATE: &str = "arraylib_cell_support_plain";

/// C symbol of the support library that the cell host calls once after loading it.
pub const SUPPORT_INIT: &str = "arraylib_cell_support_init";

// Autoref specialization: the most specific impl that applies wins (unit shows nothing, then
// the common standard types, then rich display, then Debug, then nothing). Each impl hands the
// value to a non-generic function through `dyn`, so a cell compiles no formatting code of its
// own. The level of common types spares the cell's type check a search through every `Debug`
// impl of every crate in arraylib's graph: a trivial cell compiled a tenth faster with it.
const SHOW_TRAITS: &str = r#"pub struct __ArraylibWrap<'a, T: ?Sized>(pub &'a T);
pub trait __ArraylibShowUnit { fn __arraylib_show(&self); }
impl __ArraylibShowUnit for &&&&__ArraylibWrap<'_, ()> { fn __arraylib_show(&self) {} }
pub trait __ArraylibShowKnown { fn __arraylib_show(&self); }
macro_rules! known { ($($t:ty),*) => { $(impl __ArraylibShowKnown for &&&__ArraylibWrap<'_, $t> { fn __arraylib_show(&self) { ::arraylib_cell_runtime::show_debug(&self.0) } })* } }
known!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64, bool, char, &str, String, Vec<f64>, Vec<f32>, Vec<i64>, Vec<i32>, Vec<usize>, Vec<bool>, Vec<String>, Vec<&str>);
pub trait __ArraylibShowDebug { fn __arraylib_show(&self); }
impl<T: ::std::fmt::Debug + ?Sized> __ArraylibShowDebug for &__ArraylibWrap<'_, T> { fn __arraylib_show(&self) { ::arraylib_cell_runtime::show_debug(&self.0) } }
pub trait __ArraylibShowNone { fn __arraylib_show(&self); }
impl<T: ?Sized> __ArraylibShowNone for __ArraylibWrap<'_, T> { fn __arraylib_show(&self) {} }"#;

// Rich display level: used when arraylib has `display::RichDisplay`.
const SHOW_RICH: &str = r#"pub trait __ArraylibShowRich { fn __arraylib_show(&self); }
impl<T: ::arraylib::display::RichDisplay> __ArraylibShowRich for &&__ArraylibWrap<'_, T> { fn __arraylib_show(&self) { let v: &dyn ::arraylib::display::RichDisplay = self.0; ::arraylib_cell_runtime::set_result(Some(v.mime_bundle())) } }"#;

/// The support library, built once per kernel session: the traits that pick how a cell's
/// value is shown, and a set-up function the cell host calls once. Compiled into every cell
/// instead, they made a trivial cell's build about a tenth slower (type check, coherence).
/// Without `arraylib`, the library of plain cells: no rich display and no set-up.
pub fn support_source(arraylib: bool, rich_display: bool, describer: bool) -> String {
    let mut s = String::from("#![allow(warnings)]\nextern crate arraylib_cell_runtime;\n");
    if arraylib {
        s.push_str("extern crate arraylib;\n");
    }
    s.push_str(SHOW_TRAITS);
    s.push('\n');
    if arraylib && rich_display {
        s.push_str(SHOW_RICH);
        s.push('\n');
    }
    if arraylib {
        s.push_str(&format!(
            "#[no_mangle] pub extern \"C\" fn {SUPPORT_INIT}() {{\n"
        ));
        if describer {
            s.push_str(
                "::arraylib_cell_runtime::set_describer(::arraylib::whos::describe_value);\n",
            );
        }
        s.push_str("}\n");
    }
    s
}

/// Names that a cell using arraylib mentions: `np`, the crate and its prelude
/// (`arraylib::prelude`, imported into every cell).
pub const ARRAYLIB_WORDS: &[&str] = &[
    "np",
    "arraylib",
    "array",
    "s",
    "Array",
    "DType",
    "Ellipsis",
    "NewAxis",
    "RichDisplay",
    "Scalar",
];

/// Words of the standard types a plain cell may take from earlier cells (primitives, the
/// standard collections and the names of [`STD_IMPORTS`]).
const STD_TYPE_WORDS: &[&str] = &[
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "f32",
    "f64",
    "bool",
    "char",
    "str",
    "String",
    "Vec",
    "Option",
    "Result",
    "Box",
    "Cell",
    "static",
    "std",
    "collections",
    "HashMap",
    "HashSet",
    "BTreeMap",
    "BTreeSet",
    "VecDeque",
    "BinaryHeap",
    "Rc",
    "Arc",
    "Mutex",
    "RefCell",
    "Range",
    "RangeInclusive",
    "Duration",
    "Instant",
    "PathBuf",
];

/// Whether a cell can be built as a plain cell, without arraylib (and so without loading its
/// crate graph, a sixth of a trivial cell's build): its words name nothing of arraylib, and
/// the earlier variables it takes have standard types only. The session must have no items
/// crate and no `:dep` crates, which link arraylib. The caller builds the cell again with
/// arraylib if the plain build fails, so a wrong guess costs time, never a wrong answer.
pub fn is_plain(words: &std::collections::HashSet<String>, taken: &[(String, String)]) -> bool {
    let std_type = |ty: &str| {
        super::cell_syntax::mentioned_words(ty)
            .iter()
            .all(|w| STD_TYPE_WORDS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()))
    };
    !ARRAYLIB_WORDS.iter().any(|w| words.contains(*w)) && taken.iter().all(|(_, ty)| std_type(ty))
}

/// Lints a cell allows. Not `warnings`: the type probes are warnings the kernel reads.
const CELL_ALLOWS: &str = "#![allow(unused, nonstandard_style, unreachable_code, deprecated, unused_must_use, dead_code)]";

/// The source of a cell crate.
pub fn cell_source(spec: &CellSpec) -> Generated {
    let mut out = Generated::default();
    let names: Vec<String> = spec.items.iter().filter_map(|i| i.name.clone()).collect();
    preamble(
        &mut out,
        CELL_ALLOWS,
        &names,
        &spec.extra_preamble,
        !spec.plain,
    );
    out.push(
        "use ::arraylib_cell_runtime::prelude::*;",
        Origin::Generated,
    );
    if spec.has_items_crate {
        out.push("extern crate user_items;", Origin::Generated);
        let imports: Vec<&str> = spec
            .items
            .iter()
            .filter(|i| i.kind != ItemKind::Use && i.kind != ItemKind::Impl)
            .filter_map(|i| i.name.as_deref())
            .collect();
        if !imports.is_empty() {
            out.push(
                &format!("use user_items::{{{}}};", imports.join(", ")),
                Origin::Generated,
            );
        }
    }
    for item in spec.items.iter().filter(|i| i.kind == ItemKind::Use) {
        if item.cell != spec.cell_number {
            out.push(item.text.trim(), Origin::Generated);
        }
    }
    let support = if spec.plain {
        PLAIN_SUPPORT_CRATE
    } else {
        SUPPORT_CRATE
    };
    out.push(
        &format!("extern crate {support}; use ::{support}::*;"),
        Origin::Generated,
    );
    out.push(
        "#[no_mangle] pub extern \"C-unwind\" fn __arraylib_cell_main() {",
        Origin::Generated,
    );
    for (name, ty) in &spec.taken {
        let load = if is_alias_handle(ty) {
            "clone_of"
        } else {
            "take"
        };
        out.push(
            &format!("#[allow(unused_mut)] let mut {name}: {ty} = ::arraylib_cell_runtime::{load}::<{ty}>(\"{name}\");"),
            Origin::Take(name.clone()),
        );
    }
    // The body returns a Result so cells can use `?`; the error is reported like an exception.
    // It is an `FnOnce` (it may move variables) called once through `run_body`'s `FnMut`.
    let keeps = !spec.new_vars.is_empty();
    if keeps {
        out.push("let mut __arraylib_new = None;", Origin::Generated);
    }
    out.push(
        "let __arraylib_panic = { let mut __arraylib_body = Some(|| -> ::std::result::Result<(), ::std::boxed::Box<dyn ::std::error::Error>> {",
        Origin::Generated,
    );
    if let Some(cell) = spec.cell {
        out.push_cell_text(&cell.body, 1, &cell.body_shifts);
        out.push(";", Origin::Generated);
        if cell.has_trailing {
            out.push(
                &format!("(&&&&__ArraylibWrap({RESULT_VAR})).__arraylib_show();"),
                Origin::Generated,
            );
        }
    }
    // rustc names each probed type in an `unused_results` warning: `(&Vec<i32>,)`.
    for name in &spec.probes {
        out.push(
            &format!("#[warn(unused_results)] {{ (&{name},); }}"),
            Origin::Probe(name.clone()),
        );
    }
    if keeps {
        // One line per new variable, so a "use of moved value" points at the variable it names.
        out.push("__arraylib_new = Some((", Origin::Generated);
        for (name, _) in &spec.new_vars {
            out.push(&format!("{name},"), Origin::Put(name.clone()));
        }
        out.push("));", Origin::Generated);
    }
    out.push("Ok(())", Origin::Generated);
    out.push(
        "}); ::arraylib_cell_runtime::run_body(&mut || (__arraylib_body.take().unwrap())()) };",
        Origin::Generated,
    );
    for (name, ty) in &spec.put_back {
        out.push(
            &format!("::arraylib_cell_runtime::put::<{ty}>(\"{name}\", {name});"),
            Origin::Put(name.clone()),
        );
    }
    out.push(
        "if let Some(p) = __arraylib_panic { ::std::panic::resume_unwind(p) }",
        Origin::Generated,
    );
    if keeps {
        out.push(
            "if let Some(__arraylib_new) = __arraylib_new {",
            Origin::Generated,
        );
        for (i, (name, ty)) in spec.new_vars.iter().enumerate() {
            // An empty type is left to inference (the probes name it in the same build).
            let turbofish = if ty.is_empty() {
                String::new()
            } else {
                format!("::<{ty}>")
            };
            out.push(
                &format!(
                    "::arraylib_cell_runtime::put{turbofish}(\"{name}\", __arraylib_new.{i});"
                ),
                Origin::Put(name.clone()),
            );
        }
        out.push("}", Origin::Generated);
    }
    out.push("}", Origin::Generated);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arraylib_words_cover_its_prelude() {
        let lib = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../arraylib/src/lib.rs"
        ))
        .unwrap();
        let start = lib
            .find("pub mod prelude {")
            .expect("arraylib has a prelude");
        let end = start + lib[start..].find('}').unwrap();
        let names = cell_syntax_words(&lib[start..end]);
        for name in names {
            if ["pub", "mod", "prelude", "use", "crate"].contains(&name.as_str()) {
                continue;
            }
            assert!(
                ARRAYLIB_WORDS.contains(&name.as_str()),
                "`{name}` is in arraylib's prelude but not in ARRAYLIB_WORDS"
            );
        }
    }

    fn cell_syntax_words(code: &str) -> Vec<String> {
        crate::engine::rustc::cell_syntax::mentioned_words(code)
            .into_iter()
            .collect()
    }

    #[test]
    fn plain_cells_name_nothing_of_arraylib() {
        let words = |c: &str| crate::engine::rustc::cell_syntax::mentioned_words(c);
        assert!(is_plain(&words("1 + 1"), &[]));
        assert!(is_plain(
            &words("let v: Vec<f64> = x.iter().map(|a| a * 2.0).collect(); v"),
            &[("x".into(), "Vec<f64>".into())]
        ));
        assert!(is_plain(
            &words("m.len()"),
            &[("m".into(), "HashMap<String, [i32; 3]>".into())]
        ));
        assert!(!is_plain(&words("np::arange(3)"), &[]));
        assert!(!is_plain(&words("let a = array![1, 2]; a"), &[]));
        assert!(!is_plain(
            &words("x.sum()"),
            &[("x".into(), "Array".into())]
        ));
        assert!(!is_plain(
            &words("v.len()"),
            &[("v".into(), "Vec<Scalar>".into())]
        ));
        let g = cell_source(&CellSpec {
            plain: true,
            ..Default::default()
        });
        assert!(!g.source.contains("arraylib as np"));
        assert!(g.source.contains(PLAIN_SUPPORT_CRATE));
    }
    use crate::engine::rustc::cell_syntax::split_cell;

    #[test]
    fn cell_lines_map_back() {
        let parts = split_cell("let a = 1;\nlet b = a + x;\nb");
        let spec = CellSpec {
            cell: Some(&parts),
            taken: vec![("x".into(), "i32".into())],
            put_back: vec![("x".into(), "i32".into())],
            new_vars: vec![("a".into(), "i32".into()), ("b".into(), "i32".into())],
            ..Default::default()
        };
        let g = cell_source(&spec);
        let line_of = |needle: &str| g.source.lines().position(|l| l.contains(needle)).unwrap() + 1;
        assert_eq!(g.origin(line_of("let b = a + x")), Origin::Cell(2));
        assert_eq!(
            g.origin(line_of("take::<i32>(\"x\")")),
            Origin::Take("x".into())
        );
        assert_eq!(
            g.origin(line_of("__arraylib_new.1")),
            Origin::Put("b".into())
        );
        assert_eq!(g.lines.len(), g.source.lines().count());
    }
}
