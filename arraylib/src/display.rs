//! Showing values in Jupyter: the [`RichDisplay`] trait the kernel looks for on a cell's value,
//! and [`display`] / [`clear_output`] for output in the middle of a cell.
//!
//! The kernel reads displays from the cell's standard output: one line starting with the
//! record separator `\x1e`, the word `NPDISPLAY`, a space and a JSON object.

use std::io::Write;

/// A value that can show itself as a Jupyter MIME bundle.
pub trait RichDisplay {
    /// `(mime type, content)` pairs; binary content (PNG) is base64-encoded.
    fn mime_bundle(&self) -> Vec<(String, String)>;
}

impl RichDisplay for crate::Array {
    /// NumPy's repr as `text/plain` and the array card as `text/html`; an array that stands
    /// for a NumPy scalar ([`Array::is_scalar`](crate::Array::is_scalar)) is shown as the
    /// [`Scalar`](crate::Scalar) is, without a card.
    fn mime_bundle(&self) -> Vec<(String, String)> {
        if self.is_scalar() && self.dtype().is_str() {
            // NumPy's `np.str_('Bob')`.
            return vec![("text/plain".to_string(), format!("{self:?}"))];
        }
        if self.is_scalar() {
            return self.get(()).mime_bundle();
        }
        vec![
            ("text/plain".to_string(), format!("{self:?}")),
            ("text/html".to_string(), crate::array_card::card_html(self)),
        ]
    }
}

impl RichDisplay for crate::Scalar {
    fn mime_bundle(&self) -> Vec<(String, String)> {
        vec![("text/plain".to_string(), format!("{self:?}"))]
    }
}

/// Escapes a string as a JSON string literal.
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn emit(json: &str) {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    // Earlier text must reach the kernel first, so the display lands after it.
    let _ = lock.flush();
    let _ = writeln!(lock, "\x1eNPDISPLAY {json}");
    let _ = lock.flush();
}

fn bundle_json(value: &dyn RichDisplay) -> String {
    let parts: Vec<String> = value
        .mime_bundle()
        .iter()
        .map(|(k, v)| format!("{}: {}", json_string(k), json_string(v)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// Shows a value in the middle of a cell, as IPython's `display(x)`.
///
/// ```
/// arraylib::display(&arraylib::arange(3));
/// ```
pub fn display<T: RichDisplay + ?Sized>(value: &T) {
    emit(&format!(
        "{{\"data\": {}, \"metadata\": {{}}, \"update\": false}}",
        bundle_json(&value_ref(value))
    ));
}

/// Shows a value that can be replaced later through the returned handle.
///
/// ```
/// let h = arraylib::display_with_id(&arraylib::arange(3));
/// h.update(&arraylib::arange(4));
/// ```
pub fn display_with_id<T: RichDisplay + ?Sized>(value: &T) -> DisplayHandle {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let id = format!(
        "np-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let handle = DisplayHandle { id };
    handle.show(value, false);
    handle
}

/// A display that can be updated in place (`update_display_data`).
#[derive(Clone, Debug)]
pub struct DisplayHandle {
    id: String,
}

impl DisplayHandle {
    fn show<T: RichDisplay + ?Sized>(&self, value: &T, update: bool) {
        emit(&format!(
            "{{\"data\": {}, \"metadata\": {{}}, \"transient\": {{\"display_id\": {}}}, \"update\": {}}}",
            bundle_json(&value_ref(value)),
            json_string(&self.id),
            update
        ));
    }

    /// Replaces the shown value.
    ///
    /// ```
    /// let h = arraylib::display_with_id(&arraylib::zeros(2));
    /// h.update(&arraylib::ones(2));
    /// ```
    pub fn update<T: RichDisplay + ?Sized>(&self, value: &T) {
        self.show(value, true);
    }

    /// The display id.
    ///
    /// ```
    /// assert!(arraylib::display_with_id(&arraylib::zeros(1)).id().starts_with("np-"));
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Clears the cell's output, as IPython's `clear_output(wait=...)`.
///
/// ```
/// arraylib::clear_output(false);
/// ```
pub fn clear_output(wait: bool) {
    emit(&format!("{{\"clear_output\": true, \"wait\": {wait}}}"));
}

/// Borrows a `?Sized` displayable as a sized trait object wrapper.
struct ValueRef<'a, T: ?Sized>(&'a T);

impl<T: RichDisplay + ?Sized> RichDisplay for ValueRef<'_, T> {
    fn mime_bundle(&self) -> Vec<(String, String)> {
        self.0.mime_bundle()
    }
}

fn value_ref<T: RichDisplay + ?Sized>(value: &T) -> ValueRef<'_, T> {
    ValueRef(value)
}

/// Writes a MIME bundle as evcxr's `EVCXR_BEGIN_CONTENT <mime>` ... `EVCXR_END_CONTENT`
/// blocks on stdout, which evcxr turns into the cell's result.
fn evcxr_emit(value: &dyn RichDisplay) {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let _ = lock.write_all(evcxr_blocks(value).as_bytes());
    let _ = lock.flush();
}

fn evcxr_blocks(value: &dyn RichDisplay) -> String {
    value
        .mime_bundle()
        .iter()
        .map(|(mime, content)| {
            format!("EVCXR_BEGIN_CONTENT {mime}\n{content}\nEVCXR_END_CONTENT\n")
        })
        .collect()
}

impl crate::Array {
    /// Shows the array as a cell's result under evcxr, which calls `evcxr_display` on a
    /// cell's last value when its type has one: the same bundle as in the arraylib kernel
    /// (NumPy's repr as `text/plain`, the array card as `text/html`).
    ///
    /// ```
    /// arraylib::arange(3).evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        evcxr_emit(self);
    }
}

impl crate::Scalar {
    /// Shows the scalar as a cell's result under evcxr (NumPy's repr as `text/plain`).
    ///
    /// ```
    /// arraylib::arange(3).sum().evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        evcxr_emit(self);
    }
}

#[cfg(test)]
mod evcxr_tests {
    use super::*;

    /// The blocks as evcxr reads them back (it joins a block's lines with `\n`).
    fn blocks(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if let Some(mime) = line.strip_prefix("EVCXR_BEGIN_CONTENT ") {
                let body: Vec<&str> = lines
                    .by_ref()
                    .take_while(|l| *l != "EVCXR_END_CONTENT")
                    .collect();
                out.push((mime.to_string(), body.join("\n")));
            }
        }
        out
    }

    #[test]
    fn evcxr_blocks_carry_the_rich_display_bundle() {
        let a = crate::arange(6).reshape([2, 3]);
        assert_eq!(blocks(&evcxr_blocks(&a)), a.mime_bundle());
        assert_eq!(a.mime_bundle()[1].0, "text/html");
        let s = a.sum();
        assert_eq!(blocks(&evcxr_blocks(&s)), s.mime_bundle());
        assert_eq!(
            a.mime_bundle()[0].1,
            "array([[0, 1, 2],\n       [3, 4, 5]])"
        );
    }

    #[test]
    fn a_scalar_result_is_shown_as_the_scalar() {
        let a = crate::Array::from(vec![1.0, 2.0, 3.0]);
        let r = a.sum_axis(0, false);
        assert_eq!(r.mime_bundle(), a.sum().mime_bundle());
        assert_eq!(blocks(&evcxr_blocks(&r)), a.sum().mime_bundle());
        let v = r.reshape(());
        assert_eq!(v.mime_bundle()[0].1, "array(6.)");
        assert_eq!(v.mime_bundle()[1].0, "text/html");
    }
}
