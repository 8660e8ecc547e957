"""The code stays clean: ruff and mypy (strict) over the package, as CI runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "wsg", "tests"],
        [sys.executable, "-m", "ruff", "format", "--check", "wsg", "tests"],
        [sys.executable, "-m", "mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_linters_pass(command: list[str]) -> None:
    if shutil.which("ruff") is None and command[2] == "ruff":
        pytest.skip("ruff is not installed")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
