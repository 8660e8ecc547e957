"""The code stays clean: ruff and mypy (strict) over the package, as CI runs them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, has_module, skip_or_fail


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "wsg", "tests"],
        ["ruff", "format", "--check", "wsg", "tests"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_linters_pass(command: list[str]) -> None:
    # the module this Python runs (python -m ruff), whatever is or is not on PATH
    if not has_module(command[0]):
        skip_or_fail(f"{command[0]} is not installed for {sys.executable} (a test extra)")
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
