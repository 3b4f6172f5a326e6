//! End-to-end tests: a real `RustcEngine` compiling and running cells in a cell host.
//!
//! They need the kernel binary (`cargo build -p kernel`) as the cell host and build the
//! arraylib dylib on first use; they are skipped when the binary is missing.

use super::*;
use std::sync::Mutex as StdMutex;

#[derive(Default)]
struct Recorder {
    out: StdMutex<Vec<String>>,
}

impl OutputSink for Recorder {
    fn stream(&self, name: StreamName, text: &str) {
        self.out
            .lock()
            .unwrap()
            .push(format!("{}:{text}", name.as_str()));
    }
    fn display(&self, d: DisplayData, update: bool) {
        self.out.lock().unwrap().push(format!(
            "display{}:{}",
            if update { "-update" } else { "" },
            Value::Object(d.data)
        ));
    }
    fn clear_output(&self, wait: bool) {
        self.out.lock().unwrap().push(format!("clear:{wait}"));
    }
}

impl Recorder {
    fn take(&self) -> String {
        std::mem::take(&mut *self.out.lock().unwrap()).join("")
    }
}

fn engine() -> Option<RustcEngine> {
    let exe = std::env::current_exe().ok()?;
    let bin = exe.parent()?.parent()?.join("arraylib-kernel");
    if !bin.is_file() {
        eprintln!("skipping: {} not built", bin.display());
        return None;
    }
    std::env::set_var(HOST_EXE_ENV, bin);
    Some(RustcEngine::new())
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut esc = false;
    for c in s.chars() {
        if c == '\x1b' {
            esc = true;
        } else if esc {
            if c == 'm' {
                esc = false;
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn text(o: &ExecuteOutcome) -> String {
    strip_ansi(&match o {
        ExecuteOutcome::Ok { result: Some(d) } => {
            d.data["text/plain"].as_str().unwrap_or("").to_string()
        }
        ExecuteOutcome::Ok { result: None } => String::new(),
        ExecuteOutcome::Error(e) => {
            format!("ERR {}: {} | {}", e.ename, e.evalue, e.traceback.join("\n"))
        }
    })
}

fn run(e: &mut RustcEngine, s: &Recorder, code: &str) -> (String, f64) {
    let t = Instant::now();
    let o = e.execute(code, false, s);
    let dt = t.elapsed().as_secs_f64();
    eprintln!("{dt:.3}s  {code:?} -> {}", text(&o));
    (text(&o), dt)
}

#[test]
fn cells_end_to_end() {
    let Some(mut e) = engine() else { return };
    let s = Recorder::default();
    assert_eq!(run(&mut e, &s, "1 + 1").0, "2");
    assert_eq!(run(&mut e, &s, "let a = 5;\nlet v = vec![1.5, 2.5];").0, "");
    assert_eq!(run(&mut e, &s, "a * 2").0, "10");
    assert_eq!(run(&mut e, &s, "v.push(3.0); v.len()").0, "3");
    // Items persist and can gain impls later.
    assert_eq!(
        run(
            &mut e,
            &s,
            "#[derive(Debug, Clone)]\nstruct P { x: i32 }\nfn mk(x: i32) -> P { P { x } }"
        )
        .0,
        ""
    );
    assert_eq!(run(&mut e, &s, "let p = mk(3);\np").0, "P { x: 3 }");
    assert_eq!(
        run(
            &mut e,
            &s,
            "impl P { fn double(&self) -> i32 { self.x * 2 } }\np.double()"
        )
        .0,
        "6"
    );
    // Output streams while running, display frames are parsed.
    s.take();
    run(&mut e, &s, "println!(\"hello\"); eprintln!(\"warn\");");
    let out = s.take();
    assert!(
        out.contains("stdout:hello\n") && out.contains("stderr:warn\n"),
        "{out}"
    );
    // Mid-cell displays (arraylib's frames and evcxr's convention) arrive in order.
    run(&mut e, &s, "println!(\"before\");\nnp::display(&np::arange(3));\nprintln!(\"EVCXR_BEGIN_CONTENT text/html\\n<b>hi</b>\\nEVCXR_END_CONTENT\");\nprint!(\"after\");");
    let out = s.take();
    let b = out.find("stdout:before").unwrap();
    let d = out.find("display:").unwrap();
    let h = out.find("<b>hi</b>").unwrap();
    let a = out.find("stdout:after").unwrap();
    assert!(b < d && d < h && h < a, "{out}");
    // Compile error points at the cell.
    let (err, _) = run(&mut e, &s, "let x: i32 = \"a\";");
    assert!(
        err.starts_with("ERR CompileError: mismatched types"),
        "{err}"
    );
    assert!(err.contains("1 | let x: i32 = \"a\";"), "{err}");
    // Panic keeps earlier variables.
    let (err, _) = run(
        &mut e,
        &s,
        "v.push(4.0);\npanic!(\"ValueError: bad {}\", a);",
    );
    assert!(err.starts_with("ERR ValueError: bad 5"), "{err}");
    assert_eq!(run(&mut e, &s, "v.len()").0, "4");
    // `?` works at the top of a cell and reports the error.
    let (err, _) = run(&mut e, &s, "let n: i32 = \"x1\".parse()?;\nn");
    assert!(err.starts_with("ERR Error: invalid digit"), "{err}");
    assert_eq!(
        run(&mut e, &s, "let n: i32 = \"41\".parse()?;\nn + 1").0,
        "42"
    );
    // A moved variable disappears.
    run(&mut e, &s, "let w = v;");
    let (err, _) = run(&mut e, &s, "v.len()");
    assert!(err.contains("CompileError"), "{err}");
    assert_eq!(run(&mut e, &s, "w.len()").0, "4");
    // Closures are reported as not kept.
    s.take();
    run(&mut e, &s, "let f = |x: i32| x + 1;\nf(1)");
    assert!(s.take().contains("`f` is not kept"));
    // Crash of the child: state lost, session continues.
    let (err, _) = run(&mut e, &s, "std::process::abort();");
    assert!(err.contains("ProcessDied") && err.contains("a, "), "{err}");
    assert_eq!(run(&mut e, &s, "let z = 7; z").0, "7");
    assert_eq!(run(&mut e, &s, "mk(4).double()").0, "8");
    // Timings.
    let (_, t1) = run(&mut e, &s, "1 + 1");
    let (_, t2) = run(&mut e, &s, "np::__version__");
    eprintln!("trivial {t1:.3}s, arraylib {t2:.3}s");
    e.shutdown(false);
}

#[test]
fn interrupt_stops_loops_and_sleeps() {
    let Some(mut e) = engine() else { return };
    let s = Recorder::default();
    run(&mut e, &s, "let mut n: u64 = 0;");
    let intr = e.interrupter();
    let h = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        intr.interrupt();
    });
    let (err, dt) = run(&mut e, &s, "loop { n += 1; }");
    h.join().unwrap();
    assert!(err.starts_with("ERR KeyboardInterrupt"), "{err}");
    assert!(dt < 4.0, "{dt}");
    // The variable of the earlier cell is kept (and counted if the loop got to run).
    let (n, _) = run(&mut e, &s, "n >= 0");
    assert_eq!(n, "true");
    let intr = e.interrupter();
    let h = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        intr.interrupt();
    });
    let (err, dt) = run(
        &mut e,
        &s,
        "std::thread::sleep(std::time::Duration::from_secs(30));",
    );
    h.join().unwrap();
    // Sleeps are rewritten to an interruptible sleep: stopped in place, variables kept.
    assert!(
        err.contains("KeyboardInterrupt") && !err.contains("restarted"),
        "{err}"
    );
    assert!(err.contains("line 1"), "{err}");
    assert!(dt < 4.0, "{dt}");
    assert_eq!(run(&mut e, &s, "n >= 0").0, "true");
}

#[test]
fn dep_from_registry() {
    if std::env::var_os("ARRAYLIB_KERNEL_TEST_DEP").is_none() {
        eprintln!("skipping: set ARRAYLIB_KERNEL_TEST_DEP=1 (needs crates.io)");
        return;
    }
    let Some(mut e) = engine() else { return };
    let s = Recorder::default();
    let (r, _) = run(&mut e, &s, ":dep fnv = \"1\"");
    assert_eq!(r, "", "{}", s.take());
    assert_eq!(
        run(
            &mut e,
            &s,
            "let mut m = fnv::FnvHashMap::default();\nm.insert(1, 2);\nm.len()"
        )
        .0,
        "1"
    );
    eprintln!("{}", s.take());
    run(&mut e, &s, ":vars");
    eprintln!("{}", s.take());
    assert_eq!(
        run(
            &mut e,
            &s,
            "fn get(m: &fnv::FnvHashMap<i32, i32>) -> i32 { m[&1] }\nget(&m)"
        )
        .0,
        "2"
    );
}
