"""Shared helpers: build a dataset from snippets, run the CLI in-process."""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from wsg import dataset, engine
from wsg.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_BASE = ROOT / "tests" / "examples-base"
EXAMPLES_TODAY = date(2026, 6, 1)


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_wsg(*args: str) -> Result:
    """Run ``wsg ARGS`` through its real entry point, in-process."""
    from wsg.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["wsg", *args]
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    finally:
        sys.argv = argv
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def wsg_cli() -> Callable[..., Result]:
    return run_wsg


def make_dataset(root: Path, files: dict[str, str | bytes | None], base: bool = True) -> Path:
    """A dataset under ``root/data``: the examples base plus ``files`` (None removes one).

    Keys are paths like ``data/events/2026/demo.yaml``.
    """
    data = root / "data"
    if base:
        shutil.copytree(EXAMPLES_BASE, data)
    else:
        (data / "events").mkdir(parents=True)
        (data / "groups").mkdir(parents=True)
    for rel, content in files.items():
        target = root / rel
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return data


def findings_for(
    root: Path, files: dict[str, str | bytes | None], today: date = EXAMPLES_TODAY
) -> list[Finding]:
    data = make_dataset(root, files)
    return engine.check(dataset.load(data, today))


@pytest.fixture
def check(tmp_path: Path) -> Callable[..., list[tuple[str, int, int]]]:
    """``check({path: text})`` -> sorted (rule, line, column) of every finding."""

    def run(
        files: dict[str, str | bytes | None], today: date = EXAMPLES_TODAY
    ) -> list[tuple[str, int, int]]:
        return [(f.rule, f.line, f.column) for f in findings_for(tmp_path, files, today)]

    return run
