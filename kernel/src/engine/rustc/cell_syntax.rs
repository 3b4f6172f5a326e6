//! Parsing cells: whether a cell is complete, and splitting it into persistent items, `let`
//! bindings, statements and a trailing expression, with the source edits the generated code
//! needs (loop interrupt checks, `pub` on items) recorded so errors map back to cell columns.

use super::super::Completeness;
use proc_macro2::LineColumn;
use syn::spanned::Spanned;
use syn::visit::Visit;

/// Statement inserted at the top of every loop body so interrupts stop the loop.
pub const INTERRUPT_CHECK: &str = "::arraylib_cell_runtime::check_interrupt();";
/// Prefix put in front of `std::thread::sleep` and `thread::sleep` so that the call reaches
/// the runtime's interruptible sleep (std's sleep resumes after signals and cannot be stopped).
pub const SLEEP_SHIM: &str = "::arraylib_cell_runtime::sleep_shim::";
/// Name of the local that holds a reference to the cell's trailing expression.
pub const RESULT_VAR: &str = "__arraylib_result";

// ---------------------------------------------------------------------------------------
// is_complete: a small lexer tracking brackets, strings and comments.

/// Whether `code` is a complete cell: brackets closed, strings and block comments terminated.
pub fn is_complete(code: &str) -> Completeness {
    let trimmed = code.trim_start();
    if trimmed.starts_with(':') && !trimmed.starts_with("::") {
        return Completeness::Complete;
    }
    match scan(code) {
        Scan::Ok(depth) if depth.is_empty() => Completeness::Complete,
        Scan::Ok(depth) => Completeness::Incomplete("    ".repeat(depth.len())),
        Scan::Unterminated => Completeness::Incomplete(String::new()),
        Scan::Invalid => Completeness::Invalid,
    }
}

enum Scan {
    Ok(Vec<char>),
    Unterminated,
    Invalid,
}

fn scan(code: &str) -> Scan {
    let chars: Vec<char> = code.chars().collect();
    let mut stack: Vec<char> = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < n {
        let c = chars[i];
        match c {
            '/' if i + 1 < n && chars[i + 1] == '/' => {
                while i < n && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if i + 1 < n && chars[i + 1] == '*' => {
                let mut depth = 1;
                i += 2;
                while i < n && depth > 0 {
                    if chars[i] == '/' && i + 1 < n && chars[i + 1] == '*' {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && i + 1 < n && chars[i + 1] == '/' {
                        depth -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                if depth > 0 {
                    return Scan::Unterminated;
                }
                continue;
            }
            'r' | 'b' | 'c'
                if (i == 0 || !is_ident(chars[i - 1])) && raw_string_start(&chars, i).is_some() =>
            {
                let (hashes, body) = raw_string_start(&chars, i).unwrap();
                let mut j = body;
                let mut found = false;
                while j < n {
                    if chars[j] == '"'
                        && (0..hashes).all(|k| j + 1 + k < n && chars[j + 1 + k] == '#')
                    {
                        found = true;
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                if !found {
                    return Scan::Unterminated;
                }
                i = j;
                continue;
            }
            '"' => {
                i += 1;
                let mut closed = false;
                while i < n {
                    if chars[i] == '\\' {
                        i += 2;
                        continue;
                    }
                    if chars[i] == '"' {
                        closed = true;
                        break;
                    }
                    i += 1;
                }
                if !closed {
                    return Scan::Unterminated;
                }
            }
            '\'' => {
                // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a).
                if i + 1 < n && chars[i + 1] == '\\' {
                    let mut j = i + 2;
                    while j < n && chars[j] != '\'' && chars[j] != '\n' {
                        j += 1;
                    }
                    i = j;
                } else if i + 2 < n && chars[i + 2] == '\'' {
                    i += 2;
                }
            }
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if stack.pop() != Some(open) {
                    return Scan::Invalid;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Scan::Ok(stack)
}

/// If a raw string literal (`r"`, `r#"`, `br"`, `cr"`) starts at `i`, its `#` count and the
/// index of its first body character.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if chars[j] == 'b' || chars[j] == 'c' {
        j += 1;
    }
    if j >= chars.len() || chars[j] != 'r' {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while j < chars.len() && chars[j] == '#' {
        hashes += 1;
        j += 1;
    }
    if j < chars.len() && chars[j] == '"' {
        Some((hashes, j + 1))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------
// Splitting a cell.

/// A text insertion into the cell's source (never contains a newline).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte offset in the cell.
    pub offset: usize,
    /// The inserted text.
    pub text: String,
}

/// Insertions on one generated line, to map generated columns back to cell columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shifts {
    /// `(cell line (1-based), cell column (chars, 0-based), inserted chars)`.
    pub inserts: Vec<(usize, usize, usize)>,
}

impl Shifts {
    /// Maps a 1-based generated column on cell line `line` back to the cell's column.
    pub fn user_column(&self, line: usize, gen_col: usize) -> usize {
        let mut ins: Vec<(usize, usize)> = self
            .inserts
            .iter()
            .filter(|i| i.0 == line)
            .map(|i| (i.1, i.2))
            .collect();
        ins.sort();
        let g = gen_col.saturating_sub(1);
        let mut shift = 0;
        for (at, len) in ins {
            if g >= at + shift + len {
                shift += len;
            } else if g >= at + shift {
                return at + 1;
            } else {
                break;
            }
        }
        g - shift + 1
    }
}

/// What kind of persistent item a cell defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// `fn`, `const`, `static`: value namespace.
    Value,
    /// `struct`, `enum`, `union`, `type`, `trait`, `mod`: type namespace.
    Type,
    /// `macro_rules!`.
    Macro,
    /// `impl` blocks.
    Impl,
    /// `use` and `extern crate`: also kept in the cell and repeated in later cells.
    Use,
    /// Anything else (`extern "C" {}` blocks, ...).
    Other,
}

/// A persistent item found in a cell.
#[derive(Clone, Debug)]
pub struct ItemPart {
    /// Identity used to replace an earlier definition (`type:Point`, `impl:Display for Point`).
    pub key: String,
    /// The name it defines, if any.
    pub name: Option<String>,
    /// The kind.
    pub kind: ItemKind,
    /// The text for the items crate: edits applied, indented so columns match the cell.
    pub text: String,
    /// The cell line (1-based) its text starts on.
    pub first_line: usize,
    /// Column shifts made by edits.
    pub shifts: Shifts,
}

/// A top-level `let` binding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetBinding {
    /// The bound name.
    pub name: String,
    /// The written type, for `let name: Type = ...` without `_` placeholders.
    pub annotation: Option<String>,
}

/// A cell split for code generation.
#[derive(Clone, Debug, Default)]
pub struct CellParts {
    /// Items to persist.
    pub items: Vec<ItemPart>,
    /// The statements, line for line as in the cell (items blanked out, loop checks added,
    /// the trailing expression bound to [`RESULT_VAR`]).
    pub body: String,
    /// Column shifts in `body`.
    pub body_shifts: Shifts,
    /// Top-level `let` bindings in order.
    pub lets: Vec<LetBinding>,
    /// Whether the cell ends in an expression whose value is shown.
    pub has_trailing: bool,
    /// Whether anything other than items is left to run. When `syn` cannot parse the cell it
    /// is compiled as plain statements, so rustc reports the syntax error.
    pub has_statements: bool,
}

struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    fn offset(&self, src: &str, lc: LineColumn) -> usize {
        let line = lc.line.max(1) - 1;
        let Some(&start) = self.starts.get(line) else {
            return src.len();
        };
        let rest = &src[start..];
        rest.char_indices()
            .nth(lc.column)
            .map(|(i, _)| start + i)
            .unwrap_or(src.len().min(start + rest.find('\n').unwrap_or(rest.len())))
    }

    fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l - 1,
        };
        let col = src[self.starts[line]..offset].chars().count();
        (line + 1, col)
    }
}

struct Ctx<'a> {
    src: &'a str,
    index: LineIndex,
}

impl Ctx<'_> {
    fn start(&self, s: proc_macro2::Span) -> usize {
        self.index.offset(self.src, s.start())
    }
    fn end(&self, s: proc_macro2::Span) -> usize {
        self.index.offset(self.src, s.end())
    }
}

/// Collects loop bodies (for interrupt checks), skipping const contexts.
struct LoopFinder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    edits: Vec<Edit>,
}

impl LoopFinder<'_, '_> {
    fn body(&mut self, b: &syn::Block) {
        let at = self.ctx.end(b.brace_token.span.open());
        self.edits.push(Edit {
            offset: at,
            text: INTERRUPT_CHECK.to_string(),
        });
    }
}

impl<'ast> Visit<'ast> for LoopFinder<'_, '_> {
    fn visit_expr_loop(&mut self, e: &'ast syn::ExprLoop) {
        self.body(&e.body);
        syn::visit::visit_expr_loop(self, e);
    }
    fn visit_expr_while(&mut self, e: &'ast syn::ExprWhile) {
        self.body(&e.body);
        syn::visit::visit_expr_while(self, e);
    }
    fn visit_expr_for_loop(&mut self, e: &'ast syn::ExprForLoop) {
        self.body(&e.body);
        syn::visit::visit_expr_for_loop(self, e);
    }
    fn visit_expr_call(&mut self, e: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = e.func.as_ref() {
            let names: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            let sleep = matches!(
                names
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .as_slice(),
                ["std", "thread", "sleep"] | ["thread", "sleep"]
            );
            if sleep && p.qself.is_none() && p.path.leading_colon.is_none() {
                self.edits.push(Edit {
                    offset: self.ctx.start(p.path.span()),
                    text: SLEEP_SHIM.to_string(),
                });
            }
        }
        syn::visit::visit_expr_call(self, e);
    }
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if f.sig.constness.is_none() {
            syn::visit::visit_item_fn(self, f);
        }
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if f.sig.constness.is_none() {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if f.sig.constness.is_none() {
            syn::visit::visit_trait_item_fn(self, f);
        }
    }
    fn visit_item_const(&mut self, _: &'ast syn::ItemConst) {}
    fn visit_item_static(&mut self, _: &'ast syn::ItemStatic) {}
    fn visit_expr_const(&mut self, _: &'ast syn::ExprConst) {}
    fn visit_item_macro(&mut self, _: &'ast syn::ItemMacro) {}
}

/// Applies the edits inside `range` to `src[range]`; returns the text and the shifts.
fn apply_edits(ctx: &Ctx, range: std::ops::Range<usize>, edits: &[Edit]) -> (String, Shifts) {
    let mut inside: Vec<&Edit> = edits
        .iter()
        .filter(|e| e.offset >= range.start && e.offset <= range.end)
        .collect();
    inside.sort_by_key(|e| e.offset);
    let mut out = String::new();
    let mut shifts = Shifts::default();
    let mut pos = range.start;
    for e in inside {
        out.push_str(&ctx.src[pos..e.offset]);
        out.push_str(&e.text);
        let (line, col) = ctx.index.line_col(ctx.src, e.offset);
        shifts.inserts.push((line, col, e.text.chars().count()));
        pos = e.offset;
    }
    out.push_str(&ctx.src[pos..range.end]);
    (out, shifts)
}

fn item_key(item: &syn::Item, text: &str) -> (ItemKind, String, Option<String>) {
    use syn::Item::*;
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let named = |kind: ItemKind, prefix: &str, id: &syn::Ident| {
        (kind, format!("{prefix}:{id}"), Some(id.to_string()))
    };
    match item {
        Fn(f) => named(ItemKind::Value, "value", &f.sig.ident),
        Const(c) => named(ItemKind::Value, "value", &c.ident),
        Static(s) => named(ItemKind::Value, "value", &s.ident),
        Struct(s) => named(ItemKind::Type, "type", &s.ident),
        Enum(e) => named(ItemKind::Type, "type", &e.ident),
        Union(u) => named(ItemKind::Type, "type", &u.ident),
        Type(t) => named(ItemKind::Type, "type", &t.ident),
        Trait(t) => named(ItemKind::Type, "type", &t.ident),
        TraitAlias(t) => named(ItemKind::Type, "type", &t.ident),
        Mod(m) => named(ItemKind::Type, "type", &m.ident),
        Macro(m) if m.ident.is_some() => named(ItemKind::Macro, "macro", m.ident.as_ref().unwrap()),
        Impl(_) => {
            let header = text.split('{').next().unwrap_or(text);
            (ItemKind::Impl, format!("impl:{}", norm(header)), None)
        }
        Use(_) | ExternCrate(_) => (ItemKind::Use, format!("use:{}", norm(text)), None),
        _ => (ItemKind::Other, format!("other:{}", norm(text)), None),
    }
}

/// Edits that make an item and its fields/methods `pub` so later cells can use them.
fn pub_edits(ctx: &Ctx, item: &syn::Item, edits: &mut Vec<Edit>) {
    use syn::Item::*;
    let inherited = |v: &syn::Visibility| matches!(v, syn::Visibility::Inherited);
    let mut at = |span: proc_macro2::Span, text: &str| {
        edits.push(Edit {
            offset: ctx.start(span),
            text: text.to_string(),
        })
    };
    let fields = |f: &syn::Fields, at: &mut dyn FnMut(proc_macro2::Span, &str)| {
        for field in f.iter() {
            if inherited(&field.vis) {
                match &field.ident {
                    Some(id) => at(id.span(), "pub "),
                    None => at(field.ty.span(), "pub "),
                }
            }
        }
    };
    match item {
        Fn(f) if inherited(&f.vis) => at(f.sig.span(), "pub "),
        Const(c) if inherited(&c.vis) => at(c.const_token.span, "pub "),
        Static(s) if inherited(&s.vis) => at(s.static_token.span, "pub "),
        Struct(s) => {
            if inherited(&s.vis) {
                at(s.struct_token.span, "pub ");
            }
            fields(&s.fields, &mut at);
        }
        Union(u) => {
            if inherited(&u.vis) {
                at(u.union_token.span, "pub ");
            }
            fields(&syn::Fields::Named(u.fields.clone()), &mut at);
        }
        Enum(e) if inherited(&e.vis) => at(e.enum_token.span, "pub "),
        Type(t) if inherited(&t.vis) => at(t.type_token.span, "pub "),
        Trait(t) if inherited(&t.vis) => {
            let span = t
                .unsafety
                .map(|u| u.span)
                .or(t.auto_token.map(|a| a.span))
                .unwrap_or(t.trait_token.span);
            at(span, "pub ")
        }
        Mod(m) if inherited(&m.vis) => at(m.mod_token.span, "pub "),
        Macro(m) if m.ident.is_some() => at(item.span(), "#[macro_export] "),
        Impl(i) if i.trait_.is_none() => {
            for ii in &i.items {
                match ii {
                    syn::ImplItem::Fn(f) if inherited(&f.vis) => at(f.sig.span(), "pub "),
                    syn::ImplItem::Const(c) if inherited(&c.vis) => at(c.const_token.span, "pub "),
                    syn::ImplItem::Type(t) if inherited(&t.vis) => at(t.type_token.span, "pub "),
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

fn pattern_names(p: &syn::Pat, out: &mut Vec<String>) {
    use syn::Pat::*;
    match p {
        Ident(i) => {
            out.push(i.ident.to_string());
            if let Some((_, sub)) = &i.subpat {
                pattern_names(sub, out);
            }
        }
        Tuple(t) => t.elems.iter().for_each(|e| pattern_names(e, out)),
        TupleStruct(t) => t.elems.iter().for_each(|e| pattern_names(e, out)),
        Struct(s) => s.fields.iter().for_each(|f| pattern_names(&f.pat, out)),
        Slice(s) => s.elems.iter().for_each(|e| pattern_names(e, out)),
        Reference(r) => pattern_names(&r.pat, out),
        Type(t) => pattern_names(&t.pat, out),
        Paren(p) => pattern_names(&p.pat, out),
        Or(o) => {
            if let Some(first) = o.cases.first() {
                pattern_names(first, out)
            }
        }
        _ => {}
    }
}

/// Splits a cell (already stripped of `:commands`) for code generation.
pub fn split_cell(code: &str) -> CellParts {
    let parsed = syn::parse::Parser::parse_str(syn::Block::parse_within, code);
    let stmts = match parsed {
        Ok(s) => s,
        Err(_) => {
            return CellParts {
                body: code.to_string(),
                has_statements: true,
                ..Default::default()
            }
        }
    };
    let ctx = Ctx {
        src: code,
        index: LineIndex::new(code),
    };
    let mut finder = LoopFinder {
        ctx: &ctx,
        edits: Vec::new(),
    };
    for s in &stmts {
        finder.visit_stmt(s);
    }
    let mut edits = finder.edits;
    let mut parts = CellParts::default();
    // Byte ranges to blank out of the body.
    let mut blanks: Vec<std::ops::Range<usize>> = Vec::new();
    let last = stmts.len().saturating_sub(1);
    for (i, stmt) in stmts.iter().enumerate() {
        match stmt {
            syn::Stmt::Item(item) => {
                let is_stmt_macro = matches!(item, syn::Item::Macro(m) if m.ident.is_none());
                if is_stmt_macro {
                    parts.has_statements = true;
                    continue;
                }
                let span = item.span();
                let range = ctx.start(span)..ctx.end(span);
                let raw = &code[range.clone()];
                let (kind, key, name) = item_key(item, raw);
                let mut item_edits = edits.clone();
                pub_edits(&ctx, item, &mut item_edits);
                let (text, shifts) = apply_edits(&ctx, range.clone(), &item_edits);
                let (first_line, col) = ctx.index.line_col(code, range.start);
                parts.items.push(ItemPart {
                    key,
                    name,
                    kind,
                    text: format!("{}{}", " ".repeat(col), text),
                    first_line,
                    shifts,
                });
                if kind != ItemKind::Use {
                    blanks.push(range);
                }
            }
            syn::Stmt::Local(local) => {
                parts.has_statements = true;
                let mut names = Vec::new();
                pattern_names(&local.pat, &mut names);
                let annotation = match &local.pat {
                    syn::Pat::Type(t) if matches!(&*t.pat, syn::Pat::Ident(_)) => {
                        let r = ctx.start(t.ty.span())..ctx.end(t.ty.span());
                        let ty = code[r].to_string();
                        let has_placeholder = ty
                            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .any(|w| w == "_" || w == "impl");
                        (!has_placeholder).then_some(ty)
                    }
                    _ => None,
                };
                for name in names {
                    parts.lets.retain(|l: &LetBinding| l.name != name);
                    parts.lets.push(LetBinding {
                        name,
                        annotation: annotation.clone(),
                    });
                }
            }
            syn::Stmt::Expr(e, None) if i == last => {
                parts.has_statements = true;
                parts.has_trailing = true;
                let span = e.span();
                edits.push(Edit {
                    offset: ctx.start(span),
                    text: format!("let {RESULT_VAR} = &("),
                });
                edits.push(Edit {
                    offset: ctx.end(span),
                    text: ");".to_string(),
                });
            }
            syn::Stmt::Macro(m) if i == last && m.semi_token.is_none() => {
                parts.has_statements = true;
                parts.has_trailing = true;
                let span = m.span();
                edits.push(Edit {
                    offset: ctx.start(span),
                    text: format!("let {RESULT_VAR} = &("),
                });
                edits.push(Edit {
                    offset: ctx.end(span),
                    text: ");".to_string(),
                });
            }
            _ => parts.has_statements = true,
        }
    }
    // Blank the items (keeping newlines) and drop edits inside them.
    let mut blanked = code.to_string().into_bytes();
    for r in &blanks {
        for b in &mut blanked[r.clone()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    edits.retain(|e| {
        !blanks
            .iter()
            .any(|r| e.offset > r.start && e.offset < r.end)
    });
    // Multi-byte characters inside blanked ranges became spaces byte for byte, so offsets are
    // unchanged; the blanked text is valid UTF-8 because only whole ranges were replaced.
    let blanked = String::from_utf8(blanked).unwrap_or_else(|_| code.to_string());
    let ctx2 = Ctx {
        src: &blanked,
        index: LineIndex::new(&blanked),
    };
    let (body, shifts) = apply_edits(&ctx2, 0..blanked.len(), &edits);
    parts.body = body;
    parts.body_shifts = shifts;
    parts
}

/// Identifiers (and words inside strings, for `format!("{x}")`) that occur in `code`.
pub fn mentioned_words(code: &str) -> std::collections::HashSet<String> {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completeness() {
        assert_eq!(is_complete("let x = 1;"), Completeness::Complete);
        assert_eq!(
            is_complete("fn f() {"),
            Completeness::Incomplete("    ".into())
        );
        assert_eq!(
            is_complete("fn f() {\n  if x {"),
            Completeness::Incomplete("        ".into())
        );
        assert_eq!(
            is_complete("let s = \"abc"),
            Completeness::Incomplete("".into())
        );
        assert_eq!(is_complete("let s = \"a{\";"), Completeness::Complete);
        assert_eq!(is_complete("let c = '{';"), Completeness::Complete);
        assert_eq!(
            is_complete("fn f<'a>(x: &'a str) {}"),
            Completeness::Complete
        );
        assert_eq!(is_complete("let s = r#\"x\"#;"), Completeness::Complete);
        assert_eq!(
            is_complete("let s = r#\"x\";"),
            Completeness::Incomplete("".into())
        );
        assert_eq!(is_complete("/* open"), Completeness::Incomplete("".into()));
        assert_eq!(is_complete("// { comment"), Completeness::Complete);
        assert_eq!(is_complete("let x = 1; }"), Completeness::Invalid);
        assert_eq!(is_complete("(]"), Completeness::Invalid);
        assert_eq!(is_complete(":vars"), Completeness::Complete);
    }

    #[test]
    fn split_items_lets_trailing() {
        let code =
            "struct P { x: i32 }\nlet a = 1;\nlet (b, mut c) = (2, 3);\nfn f() -> i32 { 1 }\na + b";
        let p = split_cell(code);
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[0].key, "type:P");
        assert_eq!(p.items[0].text, "pub struct P { pub x: i32 }");
        assert_eq!(p.items[1].key, "value:f");
        assert_eq!(p.items[1].first_line, 4);
        let names: Vec<_> = p.lets.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert!(p.has_trailing);
        assert_eq!(p.body.lines().count(), 5);
        assert_eq!(p.body.lines().next().unwrap().trim(), "");
        assert_eq!(
            p.body.lines().nth(4).unwrap(),
            format!("let {RESULT_VAR} = &(a + b);")
        );
    }

    #[test]
    fn annotations_and_loops() {
        let code =
            "let v: Vec<i32> = vec![];\nlet w: Vec<_> = vec![1];\nfor i in 0..3 { }\nlet z = 1;";
        let p = split_cell(code);
        assert_eq!(p.lets[0].annotation.as_deref(), Some("Vec<i32>"));
        assert_eq!(p.lets[1].annotation, None);
        assert!(p
            .body
            .contains(&format!("for i in 0..3 {{{INTERRUPT_CHECK} }}")));
        assert!(!p.has_trailing);
        assert_eq!(p.body_shifts.user_column(3, 16 + INTERRUPT_CHECK.len()), 16);
        assert_eq!(p.body_shifts.user_column(3, 3), 3);
    }

    #[test]
    fn sleeps_go_through_the_interruptible_shim() {
        let p = split_cell("std::thread::sleep(d);\nthread::sleep(d);\n::std::thread::sleep(d);");
        assert!(p
            .body
            .contains(&format!("{SLEEP_SHIM}std::thread::sleep(d)")));
        assert!(p.body.contains(&format!("{SLEEP_SHIM}thread::sleep(d)")));
        assert!(p.body.contains("\n::std::thread::sleep(d)"));
    }

    #[test]
    fn impl_methods_become_pub() {
        let p = split_cell("impl P {\n    fn new() -> P { P }\n}\nimpl std::fmt::Display for P { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { Ok(()) } }");
        assert_eq!(p.items[0].key, "impl:impl P");
        assert!(p.items[0].text.contains("pub fn new"));
        assert!(!p.items[1].text.contains("pub fn fmt"));
        assert!(!p.has_statements);
    }

    #[test]
    fn unparsable_cell_is_kept_verbatim() {
        let p = split_cell("let x = ;");
        assert!(p.has_statements && p.items.is_empty());
        assert_eq!(p.body, "let x = ;");
    }

    #[test]
    fn macro_rules_exported_and_use_kept() {
        let p = split_cell("use std::fmt::Write;\nmacro_rules! m { () => { 1 } }\nm!()");
        assert_eq!(p.items[0].kind, ItemKind::Use);
        assert!(p.body.starts_with("use std::fmt::Write;"));
        assert!(p.items[1].text.starts_with("#[macro_export] macro_rules!"));
        assert!(p.has_trailing);
    }
}
