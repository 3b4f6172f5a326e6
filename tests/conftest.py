"""Fixtures: kernels started through jupyter_client from the installed kernelspec.

`kernel` is one kernel per test module (state carries over between the module's tests,
so each test uses its own variable names); `fresh_kernel` is a new kernel for a test that
needs a clean session (execution counts, restart, shutdown).
"""

from __future__ import annotations

from typing import Iterator

import pytest

from kernelutil import FIRST_CELL_TIMEOUT, Kernel, ensure_kernelspec


@pytest.fixture(scope="session")
def kernel_name() -> str:
    return ensure_kernelspec()


@pytest.fixture(scope="module")
def kernel(kernel_name: str) -> Iterator[Kernel]:
    k = Kernel.start()
    try:
        # The first cell compiles and links the cell runtime; do it once here, outside
        # history, so that tests see ordinary cell latencies.
        k.run_ok("let _warm_up = 1;", timeout=FIRST_CELL_TIMEOUT, store_history=False)
        yield k
    finally:
        k.stop()


@pytest.fixture
def fresh_kernel(kernel_name: str) -> Iterator[Kernel]:
    k = Kernel.start()
    try:
        yield k
    finally:
        k.stop()
