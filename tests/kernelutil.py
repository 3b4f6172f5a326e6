"""Helpers shared by the test modules: finding the kernel, starting it, running cells.

The suite talks to the real `arraylib-kernel` binary through the real `jupyter_client`.
It uses the `rust-arraylib` kernelspec that `install/setup.sh` registers in the venv, so
it tests what users get. When that kernelspec is not installed (for example when pytest is
run straight after `cargo build --release -p kernel`), the built binary installs one into a
temporary prefix with `arraylib-kernel install --prefix DIR`.

Environment variables:
  ARRAYLIB_KERNEL_NAME  kernelspec name to test (default rust-arraylib; arraylib-evcxr runs
                        the suite against the evcxr engine)
  ARRAYLIB_KERNEL_BIN   kernel binary used for the fallback install (default
                        target/release/arraylib-kernel, or target/evcxr/release/arraylib-kernel
                        for the evcxr engine, built with `--features evcxr`)
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import KernelManager, start_new_kernel

REPO = Path(__file__).resolve().parent.parent
KERNEL_NAME = os.environ.get("ARRAYLIB_KERNEL_NAME", "rust-arraylib")
# The engine behind the kernelspec: evcxr for any name that mentions it.
ENGINE = "evcxr" if "evcxr" in KERNEL_NAME else "rustc"
IS_EVCXR = ENGINE == "evcxr"
_DEFAULT_BIN = (
    REPO / "target" / "evcxr" / "release" / "arraylib-kernel"
    if IS_EVCXR
    else REPO / "target" / "release" / "arraylib-kernel"
)
KERNEL_BIN = Path(os.environ.get("ARRAYLIB_KERNEL_BIN", str(_DEFAULT_BIN)))

# The first cell after a start compiles and links against the array library.
FIRST_CELL_TIMEOUT = float(os.environ.get("ARRAYLIB_FIRST_CELL_TIMEOUT", "150"))
# Any later cell: compiling one small cell should take a few seconds, but the machine may be
# busy with other builds.
CELL_TIMEOUT = float(os.environ.get("ARRAYLIB_CELL_TIMEOUT", "60"))
STARTUP_TIMEOUT = 60

ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

_kernel_name_checked: str | None = None


def strip_ansi(text: str) -> str:
    return ANSI_RE.sub("", text)


def ensure_kernelspec() -> str:
    """Returns the kernelspec name to start, installing a temporary one if needed."""
    global _kernel_name_checked
    if _kernel_name_checked is not None:
        return _kernel_name_checked
    try:
        KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel:
        if not KERNEL_BIN.exists():
            raise RuntimeError(
                f"kernelspec {KERNEL_NAME!r} is not installed and {KERNEL_BIN} does not exist: "
                "run install/setup.sh --headless (or cargo build --release -p kernel) first"
            ) from None
        prefix = Path(tempfile.mkdtemp(prefix="arraylib-kernelspec-"))
        install = [str(KERNEL_BIN), "install", "--prefix", str(prefix), "--name", KERNEL_NAME]
        if IS_EVCXR:
            install += ["--engine", "evcxr"]
        subprocess.run(install, check=True)
        data_dir = prefix / "share" / "jupyter"
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (str(data_dir), os.environ.get("JUPYTER_PATH", "")) if p
        )
        # Raises NoSuchKernel with a clear name if the install put it elsewhere.
        KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    _kernel_name_checked = KERNEL_NAME
    return KERNEL_NAME


# Starts of a kernel that died before answering, tried with fresh ports before giving up.
START_ATTEMPTS = 3


def start_kernel() -> tuple[KernelManager, Any]:
    """Starts a kernel and returns (manager, blocking client) with channels running.

    jupyter_client picks the five ports by binding to port 0 and closing again, so until the
    kernel binds them another socket can take one: with several kernels starting at once, the
    clients' outgoing connections draw their local ports from the same range. The kernel then
    exits with "Address already in use". Jupyter's own restarter answers that by starting
    again on new random ports; so does this, a few times, so a kernel that really cannot start
    still fails.
    """
    name = ensure_kernelspec()
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            return start_new_kernel(kernel_name=name, startup_timeout=STARTUP_TIMEOUT)
        except RuntimeError as e:
            if "died" not in str(e) or attempt == START_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def stop_kernel(km: KernelManager, kc: Any) -> None:
    try:
        kc.stop_channels()
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=False)


def drain(kc: Any, timeout: float = 0.2) -> None:
    """Drops whatever is waiting on the shell and iopub channels."""
    for get in (kc.get_shell_msg, kc.get_iopub_msg):
        while True:
            try:
                get(timeout=timeout)
            except Empty:
                break


class Kernel:
    """A started kernel plus helpers that run cells and collect their messages."""

    def __init__(self, km: KernelManager, kc: Any):
        self.km = km
        self.kc = kc

    @classmethod
    def start(cls) -> "Kernel":
        km, kc = start_kernel()
        return cls(km, kc)

    def stop(self) -> None:
        stop_kernel(self.km, self.kc)

    def shell_reply(self, msg_id: str, timeout: float) -> dict[str, Any]:
        """Waits for the shell reply to `msg_id`, dropping replies to anything else."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no shell reply to {msg_id} within {timeout}s")
            try:
                msg = self.kc.get_shell_msg(timeout=left)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def iopub_until_idle(self, msg_id: str, timeout: float) -> list[dict[str, Any]]:
        """All iopub messages whose parent is `msg_id`, up to and including status idle."""
        deadline = time.monotonic() + timeout
        msgs = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(
                    f"no idle status for {msg_id} within {timeout}s; got "
                    f"{[m['msg_type'] for m in msgs]}"
                )
            try:
                msg = self.kc.get_iopub_msg(timeout=left)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            msgs.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return msgs

    def execute(
        self, code: str, timeout: float = CELL_TIMEOUT, **kwargs: Any
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Runs a cell; returns (execute_reply, iopub messages for it up to idle)."""
        msg_id = self.kc.execute(code, **kwargs)
        start = time.monotonic()
        reply = self.shell_reply(msg_id, timeout)
        left = max(5.0, timeout - (time.monotonic() - start))
        msgs = self.iopub_until_idle(msg_id, left)
        return reply, msgs

    def run_ok(self, code: str, timeout: float = CELL_TIMEOUT, **kwargs: Any):
        """Runs a cell that must succeed; returns (reply, iopub messages)."""
        reply, msgs = self.execute(code, timeout=timeout, **kwargs)
        content = reply["content"]
        assert content["status"] == "ok", f"cell failed: {code!r}\n{describe_error(content, msgs)}"
        return reply, msgs

    def value(self, code: str, timeout: float = CELL_TIMEOUT) -> str:
        """text/plain of the execute_result of a cell that must succeed."""
        _, msgs = self.run_ok(code, timeout=timeout)
        results = [m for m in msgs if m["msg_type"] == "execute_result"]
        assert len(results) == 1, f"expected one execute_result for {code!r}, got {types(msgs)}"
        return results[0]["content"]["data"]["text/plain"]


def types(msgs: list[dict[str, Any]]) -> list[str]:
    return [m["msg_type"] for m in msgs]


def stdout_text(msgs: list[dict[str, Any]], name: str = "stdout") -> str:
    return "".join(
        m["content"]["text"]
        for m in msgs
        if m["msg_type"] == "stream" and m["content"]["name"] == name
    )


def describe_error(content: dict[str, Any], msgs: list[dict[str, Any]] | None = None) -> str:
    """A readable account of a failed reply, for assertion messages."""
    lines = [f"status={content.get('status')} ename={content.get('ename')!r}"]
    lines.append(f"evalue={strip_ansi(str(content.get('evalue', '')))}")
    lines.extend(strip_ansi(t) for t in content.get("traceback", []) or [])
    if msgs:
        lines.append(f"iopub: {types(msgs)}")
        err = stdout_text(msgs, "stderr")
        if err:
            lines.append(f"stderr: {err[-2000:]}")
    return "\n".join(lines)


def error_text(content: dict[str, Any]) -> str:
    """evalue and traceback of an error reply as plain text."""
    parts = [str(content.get("evalue", ""))]
    parts.extend(content.get("traceback", []) or [])
    return strip_ansi("\n".join(parts))
