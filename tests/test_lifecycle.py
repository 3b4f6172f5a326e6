"""Interrupts, execution counts of a new session, restart and shutdown."""

from __future__ import annotations

import time

import pytest

from kernelutil import (
    CELL_TIMEOUT,
    FIRST_CELL_TIMEOUT,
    IS_EVCXR,
    STARTUP_TIMEOUT,
    Kernel,
    describe_error,
)

# What a user of the evcxr engine sees instead of kept variables.
EVCXR_INTERRUPT_LOSES_VARIABLES = (
    "evcxr engine: an interrupt restarts evcxr's runtime process, so every variable is gone "
    "afterwards (functions, types, uses and :deps stay); the error says so"
)

# A busy loop the optimiser cannot remove, preceded by a marker that tells the test the
# cell is running (and no longer compiling).
SPIN = (
    'println!("spinning");\n'
    "let mut spin_n: u64 = 0;\n"
    "loop { spin_n = std::hint::black_box(spin_n.wrapping_add(1)); }"
)

INTERRUPT_LATENCY = 2.5


def _wait_for_stream(kernel: Kernel, msg_id: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"no {text!r} on stdout within {timeout}s"
        m = kernel.kc.get_iopub_msg(timeout=left)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream" and text in m["content"]["text"]:
            return
        if m["msg_type"] == "error":
            raise AssertionError(f"the cell failed: {describe_error(m['content'])}")


def _interrupt_running_cell(kernel: Kernel, code: str, marker: str):
    msg_id = kernel.kc.execute(code)
    _wait_for_stream(kernel, msg_id, marker, CELL_TIMEOUT)
    time.sleep(0.3)
    start = time.monotonic()
    kernel.km.interrupt_kernel()
    reply = kernel.shell_reply(msg_id, 30)
    latency = time.monotonic() - start
    kernel.iopub_until_idle(msg_id, 10)
    return reply, latency


def test_interrupt_busy_loop_keeps_variables(kernel: Kernel):
    kernel.run_ok("let intr_keep = 3;")
    reply, latency = _interrupt_running_cell(kernel, SPIN, "spinning")
    content = reply["content"]
    assert content["status"] == "error", describe_error(content)
    assert content["ename"] == "KeyboardInterrupt", describe_error(content)
    assert latency < INTERRUPT_LATENCY, f"interrupt took {latency:.2f}s"
    if IS_EVCXR:
        assert "variable" in content["evalue"], describe_error(content)
        pytest.xfail(EVCXR_INTERRUPT_LOSES_VARIABLES)
    assert kernel.value("intr_keep + 1") == "4"


def test_interrupt_long_for_loop(kernel: Kernel):
    kernel.run_ok("let intr_for_keep = 5;")
    code = (
        'println!("napping");\n'
        "for _ in 0..600 { std::thread::sleep(std::time::Duration::from_millis(100)); }"
    )
    reply, latency = _interrupt_running_cell(kernel, code, "napping")
    content = reply["content"]
    assert content["status"] == "error", describe_error(content)
    assert content["ename"] == "KeyboardInterrupt", describe_error(content)
    assert latency < INTERRUPT_LATENCY, f"interrupt took {latency:.2f}s"
    if IS_EVCXR:
        pytest.xfail(EVCXR_INTERRUPT_LOSES_VARIABLES)
    assert kernel.value("intr_for_keep * 2") == "10"


def test_interrupt_when_idle_is_harmless(kernel: Kernel):
    kernel.run_ok("let idle_keep = 1;")
    kernel.km.interrupt_kernel()
    time.sleep(0.5)
    assert kernel.value("idle_keep + 1") == "2"


def test_counts_restart_and_shutdown(fresh_kernel: Kernel):
    k = fresh_kernel

    # A new session numbers its cells from 1.
    r1, _ = k.run_ok("let life_x = 1;", timeout=FIRST_CELL_TIMEOUT)
    assert r1["content"]["execution_count"] == 1
    r2, _ = k.run_ok("life_x + 1")
    assert r2["content"]["execution_count"] == 2
    k.run_ok("let life_quiet = 0;", silent=True)
    k.run_ok("let life_unstored = 0;", store_history=False)
    r3, _ = k.run_ok("let life_y = 2;")
    assert r3["content"]["execution_count"] == 3

    # Restart: a new session with no state, numbered from 1 again.
    k.km.restart_kernel(now=False)
    k.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
    r4, _ = k.run_ok("let after_restart = 40;", timeout=FIRST_CELL_TIMEOUT)
    assert r4["content"]["execution_count"] == 1
    assert k.value("after_restart + 2") == "42"
    gone, _ = k.execute("life_x")
    assert gone["content"]["status"] == "error", "state survived a restart"

    # Shutdown: a reply on control, then the process exits by itself.
    msg_id = k.kc.shutdown()
    deadline = time.monotonic() + 10
    while True:
        reply = k.kc.control_channel.get_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    assert reply["header"]["msg_type"] == "shutdown_reply"
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["restart"] is False
    deadline = time.monotonic() + 10
    while k.km.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not k.km.is_alive(), "the kernel process is still running 10 s after shutdown"


DEP_BUILD_TIMEOUT = 600


def test_dep_brings_registry_crates_and_survives_a_restart(fresh_kernel: Kernel):
    """`:dep` builds a crate from the registry once; after a restart the same `:dep` reuses
    the build. `num-traits` is also a dependency of arraylib itself: both must work in one
    cell."""
    if IS_EVCXR:
        pytest.skip("the evcxr engine's :dep is evcxr's own, tested by evcxr")
    k = fresh_kernel
    k.run_ok(':dep fnv = "1"', timeout=DEP_BUILD_TIMEOUT)
    code = (
        'let mut dep_map: fnv::FnvHashMap<&str, i64> = fnv::FnvHashMap::default();\n'
        'dep_map.insert("a", 1);\n'
        "dep_map.len()"
    )
    assert k.value(code) == "1"
    k.run_ok(':dep num-traits = "0.2"', timeout=DEP_BUILD_TIMEOUT)
    shared = "use num_traits::Float;\n(Float::sqrt(4.0f64), np::arange(4).sum())"
    assert k.value(shared) == "(2.0, np.int64(6))"

    k.km.restart_kernel(now=False)
    k.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
    started = time.monotonic()
    k.run_ok(':dep fnv = "1"', timeout=DEP_BUILD_TIMEOUT)
    print(f":dep fnv after a restart (cached): {time.monotonic() - started:.2f}s")
    assert k.value("fnv::FnvHashMap::<u8, u8>::default().len()") == "0"
