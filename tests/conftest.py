"""Shared helpers: build a dataset from snippets, run the CLI in-process, skip only outside CI."""

from __future__ import annotations

import importlib
import importlib.util
import io
import os
import re
import shutil
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest

from wsg import dataset, engine
from wsg.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_BASE = ROOT / "tests" / "examples-base"
EXAMPLES_TODAY = date(2026, 6, 1)
# What render site says on stderr once done, piped or not: a CI log shows it too
SITE_RENDERED = re.compile(r"wsg: rendered \d+ files in \d+\.\d s: \d+ pages?(, \d+ [a-z ]+)*\n")


# --- skips: allowed on a developer's machine, a failure in CI -----------------------------------
#
# A test that needs something the machine may lack (Chromium, ruff, Node.js and the npm
# registry, a git checkout) says so through these helpers only. Without CI they skip with the
# reason; with CI set (.ci/run exports CI=1, as hosted CI services do) they fail with it, so a
# green CI run has run every test. test_skips.py keeps every other way of skipping out.


def in_ci() -> bool:
    """Whether this run is CI: ``CI`` is set to anything but empty, 0, false or no."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_or_fail(reason: str) -> NoReturn:
    """Skip the running test because ``reason``; under CI, fail it instead."""
    if in_ci():
        pytest.fail(f"{reason}; CI is set, and in CI every test must run", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def requires(available: bool, reason: str) -> pytest.MarkDecorator:
    """A mark for tests (or a module's ``pytestmark``) that need what ``reason`` names."""
    return pytest.mark.requires(available=available, reason=reason)


def has_module(name: str) -> bool:
    """Whether ``python -m NAME`` / ``import NAME`` works here (not whether a PATH entry does)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def import_or_skip(name: str, reason: str) -> ModuleType:
    """``import NAME``, or skip (fail under CI) because ``reason``."""
    if not has_module(name):
        skip_or_fail(f"{name} is not installed: {reason}")
    return importlib.import_module(name)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "requires(available, reason): skip without it, fail without it under CI"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("requires"):
        if not mark.kwargs["available"]:
            skip_or_fail(mark.kwargs["reason"])


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
