"""Protocol behaviour of the kernel: messages, state across cells, errors, channels.

All tests here share one kernel (the `kernel` fixture), so each uses its own names.
"""

from __future__ import annotations

import time
import uuid
from queue import Empty

import numpy
import pytest
import zmq
from jupyter_client.session import Session

from kernelutil import (
    CELL_TIMEOUT,
    IS_EVCXR,
    Kernel,
    describe_error,
    error_text,
    stdout_text,
    types,
)


# --- kernel_info -------------------------------------------------------------------------


def test_kernel_info(kernel: Kernel):
    msg_id = kernel.kc.kernel_info()
    reply = kernel.shell_reply(msg_id, 10)
    content = reply["content"]
    assert reply["header"]["msg_type"] == "kernel_info_reply"
    assert content["status"] == "ok"
    assert content["protocol_version"] == "5.4"
    assert content["implementation"]
    info = content["language_info"]
    assert info["name"] == "rust"
    assert info["file_extension"] == ".rs"
    assert info.get("mimetype")
    # Replies carry the version they speak in their header too.
    assert reply["header"]["version"].startswith("5.")


# --- state across cells ------------------------------------------------------------------


def test_variable_persists_across_cells(kernel: Kernel):
    kernel.run_ok("let persist_x = 5;")
    assert kernel.value("persist_x + 1") == "6"


def test_function_persists_across_cells(kernel: Kernel):
    kernel.run_ok("fn persist_f() -> i32 { 41 }")
    assert kernel.value("persist_f() + 1") == "42"


def test_struct_then_impl_in_later_cell(kernel: Kernel):
    kernel.run_ok("struct PersistS { v: i32 }")
    kernel.run_ok("impl PersistS { fn double(&self) -> i32 { self.v * 2 } }")
    assert kernel.value("PersistS { v: 21 }.double()") == "42"


def test_mutation_persists(kernel: Kernel):
    kernel.run_ok("let mut persist_v: Vec<i32> = Vec::new();")
    kernel.run_ok("persist_v.push(3); persist_v.push(4);")
    assert kernel.value("persist_v.len()") == "2"


# --- execution counts, execute_input, silent, user_expressions -------------------------


def test_execute_input_broadcast(kernel: Kernel):
    code = "let ei_marker = 7;"
    reply, msgs = kernel.run_ok(code)
    inputs = [m for m in msgs if m["msg_type"] == "execute_input"]
    assert len(inputs) == 1, types(msgs)
    assert inputs[0]["content"]["code"] == code
    assert inputs[0]["content"]["execution_count"] == reply["content"]["execution_count"]
    # busy, execute_input, ..., idle
    assert types(msgs)[0] == "status" and msgs[0]["content"]["execution_state"] == "busy"
    assert types(msgs)[1] == "execute_input"


def test_execute_result_carries_execution_count(kernel: Kernel):
    reply, msgs = kernel.run_ok("2 * 3")
    results = [m for m in msgs if m["msg_type"] == "execute_result"]
    assert len(results) == 1
    assert results[0]["content"]["execution_count"] == reply["content"]["execution_count"]
    assert results[0]["content"]["data"]["text/plain"] == "6"


def test_execution_count_grows_only_with_store_history(kernel: Kernel):
    first, _ = kernel.run_ok("let ec_a = 1;")
    n = first["content"]["execution_count"]
    nostore, _ = kernel.run_ok("let ec_b = 2;", store_history=False)
    # A cell that is not stored does not take a number of its own.
    assert nostore["content"]["execution_count"] in (n, n + 1)
    second, _ = kernel.run_ok("let ec_c = 3;")
    assert second["content"]["execution_count"] == n + 1


def test_silent_cell_sends_no_output_and_keeps_count(kernel: Kernel):
    before, _ = kernel.run_ok("let silent_a = 1;")
    n = before["content"]["execution_count"]
    reply, msgs = kernel.run_ok(
        'println!("should not show"); let silent_b = 2; silent_b', silent=True
    )
    # Only busy and idle: no execute_input, stream or execute_result.
    assert types(msgs) == ["status", "status"], types(msgs)
    after, _ = kernel.run_ok("silent_b + silent_a")
    assert after["content"]["execution_count"] == n + 1
    # The silent cell still ran.
    assert kernel.value("silent_b") == "2"


def test_user_expressions(kernel: Kernel):
    reply, _ = kernel.run_ok(
        "let ue_value = 21;",
        user_expressions={"double": "ue_value * 2", "bad": "ue_no_such_name_zz + 1"},
    )
    exprs = reply["content"]["user_expressions"]
    assert exprs["double"]["status"] == "ok", exprs["double"]
    assert exprs["double"]["data"]["text/plain"] == "42"
    assert exprs["bad"]["status"] == "error", exprs["bad"]
    assert exprs["bad"]["ename"]


def test_a_binding_that_borrows_is_not_kept_but_what_it_borrows_is(kernel: Kernel):
    """`let s = v.as_slice();` at the top of a cell: `s` can't outlive the cell, `v` can."""
    _, msgs = kernel.run_ok("let borrow_v = vec![1.0, 2.0, 3.0];\nlet borrow_s = borrow_v.as_slice();\nborrow_s.len()")
    text = stdout_text(msgs, "stderr")
    assert "`borrow_s` is not kept across cells" in text and "borrows" in text, text
    assert "borrow_v" not in text, text
    assert kernel.value("borrow_v.len()") == "3"
    # The same with an earlier variable and an arraylib slice.
    kernel.run_ok("let borrow_a = np::arange(4.0);")
    assert kernel.value("let borrow_view = borrow_a.as_slice::<f64>().unwrap();\nborrow_view[3]") == "3.0"
    assert kernel.value("borrow_a.sum()") == "np.float64(6.0)"


def test_a_moved_binding_is_reported_and_gone(kernel: Kernel):
    _, msgs = kernel.run_ok("let moved_m = vec![5];\ndrop(moved_m);")
    assert "`moved_m` is not kept across cells: the cell moved it" in stdout_text(msgs, "stderr")
    gone, _ = kernel.execute("moved_m")
    assert gone["content"]["status"] == "error"


# --- errors --------------------------------------------------------------------------------


def test_compile_error_names_and_quotes_the_line(kernel: Kernel):
    line = 'let ce_bad: i32 = "not a number";'
    reply, msgs = kernel.execute(line)
    content = reply["content"]
    assert content["status"] == "error", describe_error(content, msgs)
    assert content["ename"] == "CompileError", describe_error(content, msgs)
    assert line in error_text(content), describe_error(content, msgs)
    errors = [m for m in msgs if m["msg_type"] == "error"]
    assert len(errors) == 1 and errors[0]["content"]["ename"] == "CompileError"
    # The failed cell defined nothing and broke nothing.
    kernel.run_ok("let ce_after = 1;")


def test_compile_error_in_a_later_line_quotes_that_line(kernel: Kernel):
    good = "let cel_ok = 1;"
    bad = 'let cel_bad: i32 = "text";'
    reply, msgs = kernel.execute(good + "\n" + bad)
    content = reply["content"]
    assert content["status"] == "error", describe_error(content, msgs)
    assert content["ename"] == "CompileError", describe_error(content, msgs)
    assert bad in error_text(content), describe_error(content, msgs)
    # A cell that failed to compile ran nothing: cel_ok is not defined either.
    again, _ = kernel.execute("cel_ok")
    assert again["content"]["status"] == "error"


def test_panic_reports_error_and_keeps_state(kernel: Kernel):
    kernel.run_ok("let panic_keep = 11;")
    reply, msgs = kernel.execute('panic!("boom {}", 40 + 2)')
    content = reply["content"]
    assert content["status"] == "error", describe_error(content, msgs)
    assert content["ename"], describe_error(content, msgs)
    assert "boom 42" in content["evalue"], describe_error(content, msgs)
    assert isinstance(content["traceback"], list)
    errors = [m for m in msgs if m["msg_type"] == "error"]
    assert len(errors) == 1
    assert errors[0]["content"]["evalue"] == content["evalue"]
    assert kernel.value("panic_keep + 1") == "12"


def test_arraylib_error_is_value_error(kernel: Kernel):
    # NumPy's own message for the same operation.
    with pytest.raises(ValueError) as np_err:
        numpy.ones((3, 4)) + numpy.ones(5)
    kernel.run_ok("let ve_keep = np::arange(4);")
    reply, msgs = kernel.execute("np::ones([3, 4]) + np::ones([5])")
    content = reply["content"]
    assert content["status"] == "error", describe_error(content, msgs)
    assert content["ename"] == "ValueError", describe_error(content, msgs)
    assert "broadcast" in content["evalue"], describe_error(content, msgs)
    assert str(np_err.value).strip() in content["evalue"], describe_error(content, msgs)
    # The session goes on with its arrays.
    assert kernel.value("ve_keep.len()") == "4"


def test_stop_on_error_aborts_queued_cells(kernel: Kernel):
    kc = kernel.kc
    first = kc.execute('let soe_a: i32 = "wrong type";')
    second = kc.execute("let soe_b = 1;")
    third = kc.execute("let soe_c = 2;")
    r1 = kernel.shell_reply(first, CELL_TIMEOUT)
    r2 = kernel.shell_reply(second, CELL_TIMEOUT)
    r3 = kernel.shell_reply(third, CELL_TIMEOUT)
    assert r1["content"]["status"] == "error"
    assert r2["content"]["status"] == "aborted", r2["content"]
    assert r3["content"]["status"] == "aborted", r3["content"]
    for msg_id in (first, second, third):
        kernel.iopub_until_idle(msg_id, 10)
    # Cells sent after the queue drained run again.
    kernel.run_ok("let soe_d = 3;")
    reply, _ = kernel.execute("soe_b")
    assert reply["content"]["status"] == "error", "an aborted cell must not have run"


def test_stop_on_error_false_runs_queued_cells(kernel: Kernel):
    kc = kernel.kc
    first = kc.execute('let soef_a: i32 = "wrong type";', stop_on_error=False)
    second = kc.execute("let soef_b = 1;")
    assert kernel.shell_reply(first, CELL_TIMEOUT)["content"]["status"] == "error"
    assert kernel.shell_reply(second, CELL_TIMEOUT)["content"]["status"] == "ok"
    for msg_id in (first, second):
        kernel.iopub_until_idle(msg_id, 10)


# --- output ------------------------------------------------------------------------------


def test_stdout_order_of_many_lines(kernel: Kernel):
    reply, msgs = kernel.run_ok('for i in 0..1000 { println!("line {i}"); }')
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    assert streams, types(msgs)
    # iopub_until_idle stops at idle: every stream came before it.
    assert msgs[-1]["msg_type"] == "status"
    lines = stdout_text(msgs).splitlines()
    assert lines == [f"line {i}" for i in range(1000)]


def test_stdout_and_stderr_are_separate_streams(kernel: Kernel):
    _, msgs = kernel.run_ok('println!("to out"); eprintln!("to err");')
    assert "to out" in stdout_text(msgs, "stdout")
    assert "to err" in stdout_text(msgs, "stderr")
    assert "to err" not in stdout_text(msgs, "stdout")


def test_unit_cell_has_no_execute_result(kernel: Kernel):
    _, msgs = kernel.run_ok("let unit_cell = 1;")
    assert "execute_result" not in types(msgs)


# --- stdin: input() -------------------------------------------------------------------------

NO_INPUT_IN_EVCXR = "the evcxr engine has no input(); cells cannot ask for input there"


def _input_request(kernel: Kernel, msg_id: str) -> dict:
    request = kernel.kc.get_stdin_msg(timeout=CELL_TIMEOUT)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    return request


def test_input_asks_the_frontend_and_returns_the_line(kernel: Kernel):
    if IS_EVCXR:
        pytest.skip(NO_INPUT_IN_EVCXR)
    code = 'println!("before"); let stdin_name = input("Name: "); format!("hi {stdin_name}")'
    msg_id = kernel.kc.execute(code, allow_stdin=True)
    request = _input_request(kernel, msg_id)
    assert request["content"] == {"prompt": "Name: ", "password": False}
    kernel.kc.input("Ada \\ Lovelace")
    reply = kernel.shell_reply(msg_id, CELL_TIMEOUT)
    msgs = kernel.iopub_until_idle(msg_id, CELL_TIMEOUT)
    assert reply["content"]["status"] == "ok", describe_error(reply["content"], msgs)
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    assert stdout_text(msgs) == "before\n"
    # What the cell printed went out before it asked, as Python's input() flushes stdout.
    assert streams[0]["header"]["date"] <= request["header"]["date"]
    results = [m for m in msgs if m["msg_type"] == "execute_result"]
    assert results[0]["content"]["data"]["text/plain"] == '"hi Ada \\\\ Lovelace"'
    assert kernel.value("stdin_name.len()") == str(len("Ada \\ Lovelace"))


def test_getpass_asks_for_hidden_input(kernel: Kernel):
    if IS_EVCXR:
        pytest.skip(NO_INPUT_IN_EVCXR)
    msg_id = kernel.kc.execute('let stdin_secret = getpass("Token: ");', allow_stdin=True)
    request = _input_request(kernel, msg_id)
    assert request["content"] == {"prompt": "Token: ", "password": True}
    kernel.kc.input("s3cret")
    reply = kernel.shell_reply(msg_id, CELL_TIMEOUT)
    kernel.iopub_until_idle(msg_id, CELL_TIMEOUT)
    assert reply["content"]["status"] == "ok", describe_error(reply["content"])
    assert kernel.value("stdin_secret") == '"s3cret"'


def test_input_without_allow_stdin_is_an_error(kernel: Kernel):
    if IS_EVCXR:
        pytest.skip(NO_INPUT_IN_EVCXR)
    kernel.run_ok("let stdin_kept = 7;")
    reply, msgs = kernel.execute('let answer = input("? ");', allow_stdin=False)
    content = reply["content"]
    assert content["status"] == "error", describe_error(content, msgs)
    # ipykernel's exception class for the same situation.
    assert content["ename"] == "StdinNotImplementedError", describe_error(content, msgs)
    assert "does not support input requests" in content["evalue"]
    assert kernel.value("stdin_kept + 1") == "8"


def test_interrupt_while_waiting_for_input_keeps_variables(kernel: Kernel):
    if IS_EVCXR:
        pytest.skip(NO_INPUT_IN_EVCXR)
    kernel.run_ok("let stdin_before = 41;")
    msg_id = kernel.kc.execute('let never = input("waiting: ");', allow_stdin=True)
    _input_request(kernel, msg_id)
    started = time.monotonic()
    kernel.km.interrupt_kernel()
    reply = kernel.shell_reply(msg_id, CELL_TIMEOUT)
    latency = time.monotonic() - started
    kernel.iopub_until_idle(msg_id, CELL_TIMEOUT)
    content = reply["content"]
    assert content["status"] == "error", describe_error(content)
    assert content["ename"] == "KeyboardInterrupt", describe_error(content)
    print(f"interrupt while waiting for input: {latency:.3f}s")
    assert latency < 3, f"interrupt took {latency:.2f}s"
    assert kernel.value("stdin_before + 1") == "42"


# --- completion, inspection, is_complete --------------------------------------------------


def test_completion_replaces_the_range_it_names(kernel: Kernel):
    code = "let cr = np::linsp"
    msg_id = kernel.kc.complete(code, len(code))
    content = kernel.shell_reply(msg_id, CELL_TIMEOUT)["content"]
    assert content["status"] == "ok"
    start, end = content["cursor_start"], content["cursor_end"]
    assert 0 <= start <= end == len(code)
    completed = [code[:start] + m + code[end:] for m in content["matches"]]
    assert "let cr = np::linspace" in completed, content


def test_completion_sees_cell_variables(kernel: Kernel):
    kernel.run_ok("let completion_target_var = 1;")
    code = "completion_targ"
    msg_id = kernel.kc.complete(code, len(code))
    content = kernel.shell_reply(msg_id, CELL_TIMEOUT)["content"]
    completed = [
        code[: content["cursor_start"]] + m + code[content["cursor_end"] :]
        for m in content["matches"]
    ]
    assert "completion_target_var" in completed, content


def test_inspect_unknown_name_is_not_found(kernel: Kernel):
    code = "no_such_thing_zz"
    msg_id = kernel.kc.inspect(code, len(code))
    content = kernel.shell_reply(msg_id, CELL_TIMEOUT)["content"]
    assert content["status"] == "ok"
    assert content["found"] is False


def test_inspect_linspace_has_text(kernel: Kernel):
    code = "np::linspace"
    msg_id = kernel.kc.inspect(code, len(code))
    content = kernel.shell_reply(msg_id, CELL_TIMEOUT)["content"]
    assert content["found"] is True
    assert "linspace" in content["data"]["text/plain"]


@pytest.mark.parametrize(
    "code, status",
    [
        ("let a = 1;", "complete"),
        ("fn g() {", "incomplete"),
        ('let s = "abc', "incomplete"),
        ("let b = (1 + ", "incomplete"),
        ("let c = 1; }", "invalid"),
    ],
)
def test_is_complete(kernel: Kernel, code: str, status: str):
    msg_id = kernel.kc.is_complete(code)
    content = kernel.shell_reply(msg_id, 10)["content"]
    assert content["status"] == status, content
    if status == "incomplete":
        assert isinstance(content.get("indent"), str)


# --- comms --------------------------------------------------------------------------------


def test_comm_info(kernel: Kernel):
    msg_id = kernel.kc.comm_info()
    reply = kernel.shell_reply(msg_id, 10)
    assert reply["header"]["msg_type"] == "comm_info_reply"
    assert reply["content"]["status"] == "ok"
    assert isinstance(reply["content"]["comms"], dict)


def test_comm_open_unknown_target_is_closed(kernel: Kernel):
    comm_id = uuid.uuid4().hex
    msg = kernel.kc.session.msg(
        "comm_open", {"comm_id": comm_id, "target_name": "no_such_target_zz", "data": {}}
    )
    kernel.kc.shell_channel.send(msg)
    deadline = time.monotonic() + 10
    closed = False
    while not closed and time.monotonic() < deadline:
        try:
            m = kernel.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        except Empty:
            break
        closed = m["msg_type"] == "comm_close" and m["content"].get("comm_id") == comm_id
    assert closed, "no comm_close on iopub for a comm_open to an unknown target"
    # The kernel is still serving.
    assert kernel.value("1 + 1") == "2"


# --- security and channels --------------------------------------------------------------


def _raw_shell_socket(kernel: Kernel, ctx: zmq.Context) -> zmq.Socket:
    info = kernel.km.get_connection_info()
    sock = ctx.socket(zmq.DEALER)
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    return sock


def test_bad_signature_is_dropped(kernel: Kernel):
    info = kernel.km.get_connection_info()
    key = info["key"]
    key = key.encode() if isinstance(key, str) else key
    scheme = info.get("signature_scheme", "hmac-sha256")
    wrong = Session(key=b"not-the-key-" + key, signature_scheme=scheme)
    right = Session(key=key, signature_scheme=scheme)
    ctx = zmq.Context()
    sock = _raw_shell_socket(kernel, ctx)
    try:
        bad = wrong.send(
            sock,
            "execute_request",
            {
                "code": 'println!("unsigned code ran");',
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
        )
        # Nothing comes back for the forged message.
        assert sock.poll(2000) == 0, "the kernel answered a message with a bad signature"
        # The kernel is alive and still answers a signed message on the same socket.
        good = right.send(sock, "kernel_info_request", {})
        assert sock.poll(int(CELL_TIMEOUT * 1000)), "no reply to a signed message"
        _, reply = right.recv(sock, mode=0)
        assert reply["msg_type"] == "kernel_info_reply"
        assert reply["parent_header"]["msg_id"] == good["header"]["msg_id"]
        assert reply["parent_header"]["msg_id"] != bad["header"]["msg_id"]
    finally:
        sock.close()
        ctx.term()
    # And the normal client still works; the forged code never ran.
    _, msgs = kernel.run_ok('println!("after forgery");')
    assert "unsigned code ran" not in stdout_text(msgs)


def test_heartbeat_answers_during_a_sleeping_cell(kernel: Kernel):
    info = kernel.km.get_connection_info()
    msg_id = kernel.kc.execute(
        'println!("sleeping"); std::thread::sleep(std::time::Duration::from_secs(5));'
    )
    # Wait for the cell to be running (after its compilation).
    deadline = time.monotonic() + CELL_TIMEOUT
    while True:
        assert time.monotonic() < deadline, "the sleeping cell never started"
        m = kernel.kc.get_iopub_msg(timeout=CELL_TIMEOUT)
        if (
            m["parent_header"].get("msg_id") == msg_id
            and m["msg_type"] == "stream"
            and "sleeping" in m["content"]["text"]
        ):
            break
    ctx = zmq.Context()
    hb = ctx.socket(zmq.REQ)
    hb.setsockopt(zmq.LINGER, 0)
    hb.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
    try:
        for i in range(3):
            payload = f"ping-{i}".encode()
            hb.send(payload)
            # jupyter_client calls a kernel dead after 3 s without an echo.
            assert hb.poll(3000), f"no heartbeat echo within 3 s (ping {i}) while a cell sleeps"
            assert hb.recv() == payload
            time.sleep(0.5)
    finally:
        hb.close()
        ctx.term()
    reply = kernel.shell_reply(msg_id, CELL_TIMEOUT)
    assert reply["content"]["status"] == "ok"
    kernel.iopub_until_idle(msg_id, 10)


# --- arrays: the library is there with no set-up -----------------------------------------


def test_array_result_shows_numpy_values(kernel: Kernel):
    expected = numpy.arange(12).reshape(3, 4)
    text = kernel.value("let arr_a = np::arange(12).reshape([3, 4]); arr_a")
    # NumPy's repr (array([[ 0,  1, ...) or str ([[ 0  1 ...) of the same array.
    assert repr(expected) in text or str(expected) in text, text


def test_array_rich_output_shows_shape_and_dtype(kernel: Kernel):
    _, msgs = kernel.run_ok("np::arange(12).reshape([3, 4])")
    results = [m for m in msgs if m["msg_type"] == "execute_result"]
    assert len(results) == 1, types(msgs)
    data = results[0]["content"]["data"]
    assert "text/plain" in data
    shown = "\n".join(v for v in data.values() if isinstance(v, str))
    assert "int64" in shown, data.keys()
    assert str(numpy.arange(12).reshape(3, 4).shape) in shown, data.keys()


def test_array_values_persist(kernel: Kernel):
    kernel.run_ok("let arr_keep = np::linspace(0., 1., 5);")
    text = kernel.value("arr_keep.len()")
    assert text == str(len(numpy.linspace(0.0, 1.0, 5)))


@pytest.mark.xfail(
    IS_EVCXR,
    reason="evcxr engine: an expression that takes a variable by value (`arr_alias / 2`) moves "
    "it, as in plain Rust; later cells get a 'cannot find value' compile error",
)
def test_array_variable_survives_a_consuming_expression(kernel: Kernel):
    # `arr_alias / 2` takes the array by value in Rust; as with a Python name, the notebook's
    # variable must still be there afterwards, and `let b = a;` must alias, not move.
    kernel.run_ok("let arr_alias = np::arange(4);")
    halves = kernel.value("arr_alias / 2")
    assert halves == repr(numpy.arange(4) / 2), halves
    kernel.run_ok("let arr_alias2 = arr_alias;")
    kernel.run_ok("arr_alias2.set([0], 7);")
    assert kernel.value("arr_alias.sum()") == repr(numpy.int64(7 + 1 + 2 + 3))


@pytest.mark.xfail(
    IS_EVCXR,
    reason="evcxr engine: a variable moved into another one is dropped silently; the user "
    "sees no note on stderr (the later error for `moved_vec` is the same)",
)
def test_value_moved_in_its_own_cell_is_noted_not_an_error(kernel: Kernel):
    _, msgs = kernel.run_ok("let moved_vec = vec![1, 2]; let other_vec = moved_vec;")
    assert "moved_vec" in stdout_text(msgs, "stderr"), types(msgs)
    reply, _ = kernel.execute("moved_vec")
    assert reply["content"]["status"] == "error"
    assert kernel.value("other_vec.len()") == "2"


def test_display_sends_display_data(kernel: Kernel):
    _, msgs = kernel.run_ok("np::display(&np::arange(3));")
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    assert len(shown) == 1, types(msgs)
    assert "text/plain" in shown[0]["content"]["data"]
    assert "execute_result" not in types(msgs)


def test_clear_output(kernel: Kernel):
    _, msgs = kernel.run_ok('println!("before"); np::clear_output(false); println!("after");')
    kinds = types(msgs)
    assert "clear_output" in kinds, kinds
    # Output order is kept: the clear comes between the two prints.
    texts = [(m["msg_type"], m["content"].get("text", "")) for m in msgs]
    i_clear = kinds.index("clear_output")
    before = "".join(t for k, t in texts[:i_clear] if k == "stream")
    after = "".join(t for k, t in texts[i_clear:] if k == "stream")
    assert "before" in before and "after" in after, texts


def test_display_update_keeps_display_id(kernel: Kernel):
    _, msgs = kernel.run_ok(
        "let disp_h = np::display_with_id(&np::arange(3)); disp_h.update(&np::arange(4));"
    )
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    updated = [m for m in msgs if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1 and len(updated) == 1, types(msgs)
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert display_id
    assert updated[0]["content"]["transient"]["display_id"] == display_id
    assert types(msgs).index("display_data") < types(msgs).index("update_display_data")
    # The display protocol lines never reach the user as text.
    assert "NPDISPLAY" not in stdout_text(msgs)
