"""Reliability and security: what users and strangers can throw at the real kernel binary.

Each test tries one thing against the running kernel and then checks that the kernel still
answers and what survived: forged and malformed messages, faults in user code (panic, abort,
segfault, stack overflow, exit, huge allocations, floods of output, sleeps, infinite loops),
interrupts, restarts, load (hundreds of queued cells, several kernels at once) and the
IOPub data-rate limit. Times are printed (run with -s to see them), not asserted tightly:
speed is measured by tests/bench_latency.py.
"""

from __future__ import annotations

import json
import os
import stat
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import zmq
from jupyter_client.session import Session

from kernelutil import (
    CELL_TIMEOUT,
    FIRST_CELL_TIMEOUT,
    STARTUP_TIMEOUT,
    Kernel,
    describe_error,
    error_text,
    stdout_text,
    types,
)

# Generous bounds: the suite shares two cores with whatever else runs.
INTERRUPT_BOUND = 3.0
RESTART_BOUND = 10.0


# ---------------------------------------------------------------------------------------
# Helpers


def _key(kernel: Kernel) -> bytes:
    key = kernel.km.get_connection_info()["key"]
    return key.encode() if isinstance(key, str) else key


def _socket(kernel: Kernel, ctx: zmq.Context, port_name: str, kind: int = zmq.DEALER):
    info = kernel.km.get_connection_info()
    sock = ctx.socket(kind)
    sock.setsockopt(zmq.LINGER, 0)
    if kind == zmq.DEALER:
        sock.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
    sock.connect(f"{info['transport']}://{info['ip']}:{info[port_name]}")
    return sock


def _execute_content(code: str) -> dict:
    return {
        "code": code,
        "silent": False,
        "store_history": True,
        "user_expressions": {},
        "allow_stdin": False,
        "stop_on_error": True,
    }


def _marker_code(path: Path) -> str:
    """A cell that leaves a file behind if it ever runs."""
    return f'std::fs::write({json.dumps(str(path))}, "ran").unwrap();'


def _still_answers(kernel: Kernel, sock: zmq.Socket, session: Session) -> None:
    """A signed kernel_info_request on the same socket gets its reply."""
    good = session.send(sock, "kernel_info_request", {})
    deadline = time.monotonic() + CELL_TIMEOUT
    while True:
        assert sock.poll(int(max(0.1, deadline - time.monotonic()) * 1000)), (
            "no reply to a signed message after bad input"
        )
        _, reply = session.recv(sock, mode=0)
        if reply["parent_header"].get("msg_id") == good["header"]["msg_id"]:
            assert reply["msg_type"] == "kernel_info_reply"
            return


def _running(kernel: Kernel, code: str, marker: str) -> str:
    """Starts `code` and returns its msg_id once `marker` appeared on its stdout."""
    msg_id = kernel.kc.execute(code)
    deadline = time.monotonic() + CELL_TIMEOUT
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"no {marker!r} on stdout within {CELL_TIMEOUT}s"
        m = kernel.kc.get_iopub_msg(timeout=left)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream" and marker in m["content"]["text"]:
            return msg_id
        if m["msg_type"] == "error":
            raise AssertionError(f"the cell failed: {describe_error(m['content'])}")


def _build_dir(kernel: Kernel) -> Path:
    """The kernel's private build directory (its `items` folder is on the cell's library path)."""
    code = (
        'let p = std::env::var("LD_LIBRARY_PATH").unwrap();\n'
        "{ let d = p.split(':').find(|s| s.contains(\"arraylib-kernel-\")).unwrap();\n"
        'println!("{}", std::path::Path::new(d).parent().unwrap().display()); }'
    )
    out = stdout_text(kernel.run_ok(code)[1]).strip()
    assert out, "the cell host's library path names no build directory"
    return Path(out)


def _interrupt(kernel: Kernel, code: str, marker: str) -> tuple[dict, float]:
    msg_id = _running(kernel, code, marker)
    time.sleep(0.2)
    start = time.monotonic()
    kernel.km.interrupt_kernel()
    reply = kernel.shell_reply(msg_id, 30)
    latency = time.monotonic() - start
    kernel.iopub_until_idle(msg_id, 10)
    return reply, latency


# ---------------------------------------------------------------------------------------
# Security


FORGERIES = {
    "unsigned": lambda key: Session(key=b"", signature_scheme="hmac-sha256"),
    "wrong key": lambda key: Session(key=b"not-" + key, signature_scheme="hmac-sha256"),
}


@pytest.mark.parametrize("forgery", sorted(FORGERIES))
def test_forged_messages_never_run(kernel: Kernel, tmp_path: Path, forgery: str):
    marker = tmp_path / "forged.txt"
    ctx = zmq.Context()
    sock = _socket(kernel, ctx, "shell_port")
    try:
        FORGERIES[forgery](_key(kernel)).send(
            sock, "execute_request", _execute_content(_marker_code(marker))
        )
        assert sock.poll(1500) == 0, f"the kernel answered a message signed with {forgery}"
        _still_answers(kernel, sock, Session(key=_key(kernel)))
    finally:
        sock.close()
        ctx.term()
    kernel.run_ok("let _after_forgery = 1;")
    assert not marker.exists(), f"a message with {forgery} was executed"


def test_replayed_signature_with_altered_content_is_dropped(kernel: Kernel, tmp_path: Path):
    """Take a correctly signed message, change its code, keep its signature."""
    marker = tmp_path / "altered.txt"
    session = Session(key=_key(kernel))
    msg = session.msg("execute_request", _execute_content("let _harmless = 1;"))
    frames = session.serialize(msg)  # [DELIM, sig, header, parent, metadata, content]
    altered = list(frames)
    altered[5] = json.dumps(_execute_content(_marker_code(marker))).encode()
    ctx = zmq.Context()
    sock = _socket(kernel, ctx, "shell_port")
    try:
        sock.send_multipart(altered)
        assert sock.poll(1500) == 0, "the kernel answered a message whose content was altered"
        # Altering the header (a new msg_id) under the old signature fails the same way.
        altered_header = list(frames)
        header = json.loads(frames[2])
        header["msg_id"] = uuid.uuid4().hex
        altered_header[2] = json.dumps(header).encode()
        sock.send_multipart(altered_header)
        assert sock.poll(1000) == 0, "the kernel answered a message whose header was altered"
        _still_answers(kernel, sock, session)
    finally:
        sock.close()
        ctx.term()
    kernel.run_ok("let _after_replay = 1;")
    assert not marker.exists(), "altered content ran under a replayed signature"


def _garbage_frames(session: Session) -> dict[str, list[bytes]]:
    good = session.serialize(session.msg("kernel_info_request", {}))
    signed = lambda header, parent, meta, content: [  # noqa: E731
        b"<IDS|MSG>",
        session.sign([header, parent, meta, content]),
        header,
        parent,
        meta,
        content,
    ]
    header = good[2]
    huge_header = json.loads(header)
    huge_header["padding"] = "x" * (20 * 1024 * 1024)
    unknown = json.loads(header)
    unknown["msg_type"] = "no_such_request"
    return {
        "no delimiter": [b"hello", b"world"],
        "delimiter only": [b"<IDS|MSG>"],
        "too few frames": good[:4],
        "empty frames": [b"<IDS|MSG>", b"", b"", b"", b"", b""],
        "invalid utf-8 (signed)": signed(b"\xff\xfe\x00", b"{}", b"{}", b"{}"),
        "invalid json (signed)": signed(b"{not json", b"{}", b"{}", b"{}"),
        "header not an object (signed)": signed(b"[1, 2]", b"{}", b"{}", b"{}"),
        "header without msg_type (signed)": signed(b'{"msg_id": "x"}', b"{}", b"{}", b"{}"),
        "huge header (signed, 20 MB)": signed(
            json.dumps(huge_header).encode(), b"{}", b"{}", b"{}"
        ),
        "random bytes": [os.urandom(64) for _ in range(7)],
        "unknown msg_type (signed)": signed(json.dumps(unknown).encode(), b"{}", b"{}", b"{}"),
    }


def test_malformed_messages_do_not_hurt(kernel: Kernel):
    session = Session(key=_key(kernel))
    ctx = zmq.Context()
    shell = _socket(kernel, ctx, "shell_port")
    control = _socket(kernel, ctx, "control_port")
    try:
        for name, frames in _garbage_frames(session).items():
            for sock in (shell, control):
                sock.send_multipart(frames)
            time.sleep(0.05)
        # An unknown but correctly signed request type gets no crash; anything that does
        # come back must be well-formed and signed.
        while shell.poll(500):
            _, reply = session.recv(shell, mode=0)
            assert reply is not None
        _still_answers(kernel, shell, session)
        _still_answers(kernel, control, session)
    finally:
        shell.close()
        control.close()
        ctx.term()
    assert kernel.value("40 + 2") == "42"


def test_listens_only_on_the_connection_file_addresses(kernel: Kernel):
    info = kernel.km.get_connection_info()
    pid = kernel.km.provisioner.process.pid
    ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:  # 0A = LISTEN
                continue
            addr_hex, port_hex = local.split(":")
            listening.append((addr_hex, int(port_hex, 16)))
    assert listening, "found no listening sockets of the kernel process"
    for addr_hex, port in listening:
        assert port in ports, f"the kernel listens on port {port}, not in its connection file"
        # 0100007F is 127.0.0.1 in /proc's little-endian hex.
        assert addr_hex in ("0100007F", "00000000000000000000000001000000"), (
            f"the kernel listens on {addr_hex}:{port}, not on loopback"
        )


def test_private_files_are_private(kernel: Kernel):
    conn = Path(kernel.km.connection_file)
    assert stat.S_IMODE(conn.stat().st_mode) & 0o077 == 0, "connection file readable by others"
    build_dir = _build_dir(kernel)
    mode = stat.S_IMODE(build_dir.stat().st_mode)
    assert mode & 0o077 == 0, f"the kernel's build directory {build_dir} has mode {oct(mode)}"


def test_the_key_never_shows(kernel: Kernel):
    key = _key(kernel).decode()
    code = (
        'for (k, v) in std::env::vars() { println!("{k}={v}"); }\n'
        'println!("{}", std::fs::read_to_string("/proc/self/cmdline").unwrap());\n'
        "let parent = std::os::unix::process::parent_id();\n"
        'println!("{}", std::fs::read_to_string(format!("/proc/{parent}/cmdline")).unwrap());\n'
        'panic!("show me what you know");'
    )
    reply, msgs = kernel.execute(code)
    everything = json.dumps([m["content"] for m in msgs]) + json.dumps(reply["content"])
    assert "ARRAYLIB_KERNEL" in everything or "PATH=" in everything, "the cell printed nothing"
    assert key not in everything, "the HMAC key appeared in a cell's output"


# ---------------------------------------------------------------------------------------
# Faults in user code

FAULTS = {
    # name: (code, the process survives, words the error must contain)
    "panic": ('panic!("boom");', True, "boom"),
    "huge allocation": ("let _z = np::zeros([1usize << 40]);", True, "Unable to allocate"),
    "abort": ("std::process::abort();", False, "SIGABRT"),
    "segfault": ("unsafe { std::ptr::null_mut::<u64>().write_volatile(1); }", False, "SIGSEGV"),
    "stack overflow": (
        "fn deep(n: u64) -> u64 { let a = [n; 1000]; std::hint::black_box(a)[0] + deep(n + 1) }\n"
        "deep(0);",
        False,
        "died",
    ),
    "exit(0)": ("std::process::exit(0);", False, "exited"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_faults_keep_the_kernel_and_say_what_was_lost(kernel: Kernel, fault: str):
    code, survives, words = FAULTS[fault]
    var = "fault_" + "".join(c if c.isalnum() else "_" for c in fault)
    kernel.run_ok(f"let {var} = np::arange(4);")
    reply, msgs = kernel.execute(code)
    content = reply["content"]
    assert content["status"] == "error", f"{fault}: {describe_error(content, msgs)}"
    text = error_text(content)
    assert words in text, f"{fault}: expected {words!r} in\n{text}"
    if survives:
        assert kernel.value(f"{var}.sum()") == "np.int64(6)"
    else:
        # The child process was restarted: the user is told which variables are gone.
        assert "restarted" in text and var in text, f"{fault}: lost state not named:\n{text}"
        gone, _ = kernel.execute(f"{var}.sum()")
        assert gone["content"]["status"] == "error"
    # Either way the kernel goes on: a new variable works.
    kernel.run_ok(f"let {var}_after = 1;")
    assert kernel.value(f"{var}_after + 1") == "2"


def test_infinite_loop_and_sleep_are_interruptible(kernel: Kernel):
    kernel.run_ok("let intr_rel = np::arange(5);")
    cells = {
        "infinite loop": 'println!("go"); let mut n: u64 = 0; loop { n = std::hint::black_box(n + 1); }',
        "sleep 60 s": 'println!("go"); std::thread::sleep(std::time::Duration::from_secs(60));',
        "long arraylib op": (
            'println!("go"); let big = np::ones([4000, 4000]);\n'
            "for _ in 0..1000 { let _ = np::exp(&big).sum(); }"
        ),
        # One call that runs for many seconds: the product checks between tiles.
        "one large matmul": (
            'let big = np::ones([5000, 5000]);\nprintln!("go");\nbig.matmul(&big).sum()'
        ),
        # The sort of one lane of 30 million numbers runs in merged runs that check.
        "sort of one huge lane": (
            'let lane = np::random::rand(30_000_000);\nprintln!("go");\nnp::sort(&lane).get([0])'
        ),
        # faer's factorizations cannot check: they run on a worker thread while the cell
        # waits and checks, and an interrupted worker finishes in the background.
        "svd of a large matrix": (
            'let m = np::random::rand([1500, 1500]);\nprintln!("go");\nnp::linalg::svd(&m).1.sum()'
        ),
        "eig of a large matrix": (
            'let m = np::random::rand([1200, 1200]);\nprintln!("go");\nnp::linalg::eig(&m).0.sum()'
        ),
    }
    for name, code in cells.items():
        reply, latency = _interrupt(kernel, code, "go")
        content = reply["content"]
        print(f"interrupt {name}: {latency:.2f} s")
        assert content["status"] == "error", f"{name}: {describe_error(content)}"
        assert content["ename"] == "KeyboardInterrupt", f"{name}: {describe_error(content)}"
        assert latency < INTERRUPT_BOUND, f"interrupting {name} took {latency:.2f}s"
        assert kernel.value("intr_rel.sum()") == "np.int64(10)", f"lost a variable on {name}"
    # Large enough to run on the worker thread, and right when it is not interrupted.
    kernel.run_ok("let intr_m = np::random::rand([700, 700]);")
    checks = {
        "svd": "{ let (u, s, vh) = np::linalg::svd(&intr_m); "
        "np::allclose(&u.matmul(&(&s.reshape([-1, 1]) * &vh)), &intr_m) }",
        "solve": "{ let b = np::ones(700); np::allclose(&intr_m.matmul(&np::linalg::solve(&intr_m, &b)), &b) }",
        "eigh": "{ let s = &intr_m + &intr_m.t(); let (w, v) = np::linalg::eigh(&s); "
        "np::allclose(&s.matmul(&v), &(&v * &w)) }",
    }
    for name, code in checks.items():
        assert kernel.value(code, timeout=120) == "true", f"{name} on the worker thread"


def test_restart_comes_back_with_arraylib_ready(fresh_kernel: Kernel):
    k = fresh_kernel
    k.run_ok("let before = 1;", timeout=FIRST_CELL_TIMEOUT)
    start = time.monotonic()
    k.km.restart_kernel(now=False)
    k.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
    value = k.value("np::arange(3).sum()", timeout=FIRST_CELL_TIMEOUT)
    took = time.monotonic() - start
    print(f"restart to first arraylib result: {took:.2f} s")
    assert value == "np.int64(3)"
    assert took < RESTART_BOUND


# ---------------------------------------------------------------------------------------
# Output: floods, order, display updates


def test_output_flood_is_rate_limited_and_heartbeat_answers(kernel: Kernel):
    info = kernel.km.get_connection_info()
    ctx = zmq.Context()
    hb = ctx.socket(zmq.REQ)
    hb.setsockopt(zmq.LINGER, 0)
    hb.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
    misses = []
    stop = threading.Event()

    def ping():
        i = 0
        while not stop.is_set():
            hb.send(b"p%d" % i)
            if not hb.poll(3000):
                misses.append(i)
                return
            hb.recv()
            i += 1
            time.sleep(0.2)

    pinger = threading.Thread(target=ping)
    pinger.start()
    try:
        start = time.monotonic()
        reply, msgs = kernel.execute(
            'for i in 0..1_000_000 { println!("line {i}"); }\nprintln!("the end");',
            timeout=300,
        )
        took = time.monotonic() - start
    finally:
        stop.set()
        pinger.join()
        hb.close()
        ctx.term()
    print(f"1e6 lines: {took:.1f} s, {len(msgs)} iopub messages")
    assert reply["content"]["status"] == "ok", describe_error(reply["content"], msgs)
    assert not misses, "the heartbeat missed a ping during an output flood"
    err = stdout_text(msgs, "stderr")
    assert "IOPub data rate exceeded" in err
    assert "bytes of output were dropped" in err
    out = stdout_text(msgs)
    assert out.startswith("line 0\nline 1\n")
    assert len(out) < 8_000_000, "the limit let the whole flood through"
    # What is sent is in order.
    numbers = [int(line[5:]) for line in out.splitlines() if line.startswith("line ")]
    assert numbers == sorted(numbers)


def test_long_output_within_the_limit_arrives_whole_and_in_order(kernel: Kernel):
    reply, msgs = kernel.execute('for i in 0..50_000 { println!("{i}"); }')
    assert reply["content"]["status"] == "ok"
    assert stdout_text(msgs) == "".join(f"{i}\n" for i in range(50_000))
    assert msgs[-1]["msg_type"] == "status"


def test_display_updated_10000_times_ends_in_its_last_state(kernel: Kernel):
    code = (
        "let h = np::display_with_id(&np::arange(1));\n"
        "for i in 0..10_000i64 { h.update(&np::array![i]); }"
    )
    reply, msgs = kernel.execute(code, timeout=120)
    assert reply["content"]["status"] == "ok", describe_error(reply["content"], msgs)
    shown = [
        m["content"]["data"]["text/plain"]
        for m in msgs
        if m["msg_type"] in ("display_data", "update_display_data")
    ]
    assert shown, types(msgs)
    assert shown[-1] == "array([9999])"


# ---------------------------------------------------------------------------------------
# Load


@pytest.mark.timeout(1200)
def test_500_queued_cells_answer_in_order(fresh_kernel: Kernel):
    k = fresh_kernel
    start = time.monotonic()
    k.run_ok("let mut q = 0u64;", timeout=FIRST_CELL_TIMEOUT)
    n = 500
    ids = [k.kc.execute(f"q += 1; q") for _ in range(n)]
    replies = []
    deadline = time.monotonic() + 30 + n * 2
    while len(replies) < n:
        msg = k.kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        if msg["msg_type"] == "execute_reply":
            replies.append(msg)
    assert [r["parent_header"]["msg_id"] for r in replies] == ids
    assert [r["content"]["status"] for r in replies] == ["ok"] * n
    assert [r["content"]["execution_count"] for r in replies] == list(range(2, n + 2))
    assert k.value("q") == str(n)
    print(f"500 queued cells: {time.monotonic() - start:.1f} s")


def test_eight_kernels_at_once_do_not_share_or_block():
    def one(i: int) -> tuple[str, str]:
        k = Kernel.start()
        try:
            k.run_ok(f"let who = {i};", timeout=FIRST_CELL_TIMEOUT * 2)
            return k.value("who * 10", timeout=FIRST_CELL_TIMEOUT), str(_build_dir(k))
        finally:
            k.stop()

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(one, range(8)))
    assert [r[0] for r in results] == [str(i * 10) for i in range(8)]
    dirs = {r[1] for r in results}
    assert len(dirs) == 8, f"kernels shared build directories: {dirs}"
