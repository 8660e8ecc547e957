"""Independent units of work spread over the machine's cores, in forked processes.

A large site is thousands of files that need nothing from each other. Forked
workers inherit the loaded dataset, the compiled templates and the list of
units, so nothing crosses between processes but unit numbers and the names of
the files each unit wrote. Only on Linux, where fork is the system's own way to
start a process (macOS's system libraries are not safe to fork, Windows has no
fork); elsewhere, and for small sites, one process does everything.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

Unit = TypeVar("Unit")

MIN_FILES = 300  # below this, starting the workers costs about what they save
MAX_WORKERS = 8

_work: tuple[Callable[[Any, Path], list[str]], list[Any], Path] | None = None


def workers(files: int) -> int:
    """How many processes should make ``files`` files: 1 means this one alone."""
    if files < MIN_FILES or sys.platform != "linux":
        return 1
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


def run(
    make: Callable[[Unit, Path], list[str]], units: list[Unit], folder: Path, count: int
) -> Iterator[list[str]]:
    """``make(unit, folder)`` for every unit, in ``count`` processes; results in unit order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _work
    _work = (make, units, folder)  # set before the fork: the workers find it here
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
    try:
        # small chunks: an interrupted run waits for the chunks being made, no more
        chunk = max(1, len(units) // (count * 64))
        yield from pool.map(_make, range(len(units)), chunksize=chunk)
    except BrokenProcessPool:
        raise RuntimeError("a rendering process ended unexpectedly (killed?)") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _work = None


def _make(index: int) -> list[str]:
    assert _work is not None
    make, units, folder = _work
    return make(units[index], folder)
