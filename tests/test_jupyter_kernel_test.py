"""The standard protocol conformance checks of `jupyter_kernel_test`, run on our kernel."""

from __future__ import annotations

from typing import Any

import jupyter_kernel_test

from kernelutil import CELL_TIMEOUT, FIRST_CELL_TIMEOUT, ensure_kernelspec


class ArraylibKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "rust-arraylib"

    language_name = "rust"
    file_extension = ".rs"

    code_hello_world = 'println!("hello, world");'
    code_stderr = 'eprintln!("oops");'

    # Jupyter replaces code[cursor_start:cursor_end] with a match. The engine replaces the
    # identifier under the cursor, so after `np::` the matches are bare names (the range
    # is checked in test_protocol.py::test_completion_replaces_the_range_it_names).
    completion_samples = [
        {"text": "np::linsp", "matches": {"linspace"}},
    ]

    complete_code_samples = ["let x = 1;", "1 + 1", "fn f() -> i32 { 1 }"]
    incomplete_code_samples = ["fn f() {", "let v = vec![1,"]
    invalid_code_samples = ["let x = 1; }"]

    # code_page_something: pager payloads are an IPython feature (`?`); not supported.

    code_generate_error = 'panic!("boom")'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        # Matches code_history_pattern below; no other cell here starts with "1?2".
        {"code": "1+2", "result": "3"},
        {"code": "let y = 20; y * 2 + 2", "result": "42"},
    ]

    code_display_data = [
        {"code": "np::display(&np::arange(3));", "mime": "text/plain"},
    ]

    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "np::linspace"

    code_clear_output = "np::clear_output(false);"

    @classmethod
    def setUpClass(cls) -> None:
        cls.kernel_name = ensure_kernelspec()
        super().setUpClass()
        # Compile the first cell here with a long timeout: the library's own checks allow
        # only 15 s per request.
        try:
            msg_id = cls.kc.execute("let _warm_up = 1;", store_history=False)
            while True:
                reply = cls.kc.get_shell_msg(timeout=FIRST_CELL_TIMEOUT)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
        except BaseException:
            # unittest skips tearDownClass when setUpClass fails: stop the kernel here.
            cls.tearDownClass()
            raise

    def execute_helper(
        self, code: str, timeout: Any = CELL_TIMEOUT, **kwargs: Any
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        # Same checks as the library, with a timeout that allows for compiling the cell.
        return super().execute_helper(code, timeout=max(timeout, CELL_TIMEOUT), **kwargs)
