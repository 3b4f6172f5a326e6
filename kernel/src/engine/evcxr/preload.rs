//! What every evcxr session runs before the user's first cell: `arraylib` as a path
//! dependency, the same imports as the default engine, and a panic hook that reports panics
//! to the kernel.

use std::path::Path;

/// Opens a panic frame on the runtime's stdout; the panic message follows on its own lines.
pub const PANIC_BEGIN: &str = "\x1eNPPANIC_BEGIN";
/// Closes a panic frame.
pub const PANIC_END: &str = "\x1eNPPANIC_END";

/// The `:dep` line and the imports (`np` and the prelude, as in the default engine).
pub fn session_code(workspace: &Path) -> String {
    let arraylib = workspace.join("arraylib");
    // A TOML basic string: backslashes and quotes escaped.
    let path = arraylib
        .to_string_lossy()
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    format!(
        ":dep arraylib = {{ path = \"{path}\" }}\n\
         use arraylib as np;\n\
         use arraylib::prelude::*;\n"
    )
}

/// Installs the panic hook in evcxr's runtime process. evcxr itself only notes that a cell
/// panicked and prints the default message (with a backtrace, since it sets
/// `RUST_BACKTRACE=1`) on stderr; the kernel needs the message to report an error with the
/// NumPy exception class, as the default engine does. The frame goes to stdout because evcxr
/// hands every stdout line over before `execute` returns, so the frame cannot arrive late.
/// Runs again whenever evcxr restarts its runtime process (the hook lives in that process).
pub const PANIC_HOOK: &str = r#"std::panic::set_hook(Box::new(|info| {
    use std::io::Write;
    let payload = info.payload();
    let message = if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "Box<dyn Any>".to_string()
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    let _ = out.flush();
    let _ = write!(out, "\x1eNPPANIC_BEGIN\n{}\n\x1eNPPANIC_END\n", message);
    let _ = out.flush();
}));"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dep_line_names_the_workspace_arraylib() {
        let code = session_code(Path::new("/opt/ws"));
        assert!(code.starts_with(":dep arraylib = { path = \"/opt/ws/arraylib\" }\n"));
        assert!(code.contains("use arraylib as np;"));
        assert!(code.contains("use arraylib::prelude::*;"));
    }

    #[test]
    fn hook_frames_match_the_markers() {
        assert!(PANIC_HOOK.contains(&PANIC_BEGIN.replace('\x1e', "\\x1e")));
        assert!(PANIC_HOOK.contains(&PANIC_END.replace('\x1e', "\\x1e")));
    }
}
