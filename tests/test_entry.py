"""The console script's fast paths say and do exactly what the Typer app would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from tests.conftest import EXAMPLES_BASE, make_dataset, requires, run_wsg
from wsg import entry
from wsg.clock import resolve_today
from wsg.commands import validate as validate_command
from wsg.dataset import find_data_dir

SCRIPT = Path(sys.executable).with_name("wsg")


def wsg(*args: str, cache_home: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The console script in a process of its own (its fast paths end the process)."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "COLUMNS": "80"}
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "wsg"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize("args", [["--help"], ["-h"], []])
@requires(SCRIPT.exists(), "the console script is not installed beside this Python")
def test_help_is_typers_text_first_and_replayed(args: list[str], tmp_path: Path) -> None:
    environment = {**os.environ, "COLUMNS": "80"}
    program = f"import sys; sys.argv = ['wsg', *{args!r}]; from wsg.cli import main; main()"
    typer_says = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=environment
    )
    first = wsg(*args, cache_home=tmp_path)
    again = wsg(*args, cache_home=tmp_path)
    assert list((tmp_path / "wsg" / "help").iterdir())  # the second one was replayed
    for result in (first, again):
        assert (result.returncode, result.stdout, result.stderr) == (
            typer_says.returncode,
            typer_says.stdout,
            typer_says.stderr,
        )
    assert "Usage: wsg [OPTIONS] COMMAND" in typer_says.stdout + typer_says.stderr


def test_replayed_help_does_not_import_typer(tmp_path: Path) -> None:
    wsg("--help", cache_home=tmp_path)
    program = (
        "import sys\n"
        "from wsg import entry\n"
        "sys.argv = [sys.argv[0], '--help']\n"
        "try:\n"
        "    entry.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('typer' in sys.modules, 'pydantic' in sys.modules, file=sys.stderr)\n"
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "COLUMNS": "80"}
    command = [sys.executable, "-c", program]
    subprocess.run(command, capture_output=True, env=environment)  # Typer's text, kept
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    assert result.stderr.strip().splitlines()[-1] == "False False"
    assert result.stdout.startswith("Usage: ")


def test_the_fast_options_are_those_typer_declares() -> None:
    from wsg.cli import app

    command = typer.main.get_command(app).commands["validate"]  # type: ignore[attr-defined]
    options, flags, arguments = {}, {}, []
    for param in command.params:
        if param.param_type_name == "argument":
            arguments.append((param.name, param.nargs))
        elif getattr(param, "is_flag", False):
            if param.name != "help":
                flags.update({opt: param.name for opt in param.opts})
                assert param.default is False
        else:
            options.update({opt: param.name for opt in param.opts})
    assert options == entry.VALIDATE_OPTIONS
    assert flags == entry.VALIDATE_FLAGS
    assert arguments == [("paths", -1)]


ARGUMENT_LISTS = [
    [],
    ["--strict"],
    ["--no-cache", "--format", "json"],
    ["-f", "github", "--strict", "--no-cache"],
    ["--format=json", "--today=2026-06-01"],
    ["--today", "2026-06-01", "DATA"],
    ["DATA/events", "--strict", "DATA/groups"],
    ["--", "DATA"],
    ["--data", "DATA", "--today", "2026-01-31", "--format", "text"],
]


@pytest.mark.parametrize("arguments", ARGUMENT_LISTS)
def test_the_fast_parse_calls_validate_as_typer_does(
    arguments: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make_dataset(tmp_path, {})
    monkeypatch.chdir(tmp_path)
    arguments = [a.replace("DATA", "data") for a in arguments]
    calls: list[tuple[Any, ...]] = []

    def run(*args: Any, **kwargs: Any) -> int:
        calls.append((*args[:5], kwargs.get("use_cache", True)))
        return 0

    monkeypatch.setattr(validate_command, "run", run)
    assert run_wsg("validate", *arguments).code == 0
    parsed = entry.parse_validate(arguments)
    assert parsed is not None
    fast = (
        parsed["paths"],
        find_data_dir(parsed["data"]),  # type: ignore[arg-type]
        resolve_today(parsed["today"]),  # type: ignore[arg-type]
        parsed["output_format"],
        parsed["strict"],
        not parsed["no_cache"],
    )
    assert calls == [fast]
    assert data.is_dir()


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["-h"],
        ["--format"],
        ["--data", "--strict"],
        ["-fjson"],
        ["--strict=yes"],
        ["--format", "json", "--format", "text"],
        ["-"],
        ["--bogus"],
    ],
)
def test_anything_unusual_is_left_to_typer(arguments: list[str]) -> None:
    assert entry.parse_validate(arguments) is None


def test_the_fast_validate_reports_what_typer_reports(tmp_path: Path) -> None:
    data = make_dataset(
        tmp_path,
        {
            "data/events/2026/demo.yaml": (EXAMPLES_BASE / "events/2025/ai-day.yaml")
            .read_text()
            .replace("kind:", "knd:"),
            "data/notes.txt": "stray",
        },
    )
    args = ["validate", "--format", "json", "--data", str(data), "--today", "2026-06-01"]
    typer_says = run_wsg(*args, "--no-cache")
    for _ in range(2):  # cold, then from the cache
        fast = wsg(*args, cache_home=tmp_path / "cache")
        assert (fast.returncode, json.loads(fast.stdout)) == (
            typer_says.code,
            json.loads(typer_says.out),
        )
    assert typer_says.code == 1
    missing = wsg("validate", "--data", str(tmp_path / "nowhere"), cache_home=tmp_path / "cache")
    typer_missing = run_wsg("validate", "--data", str(tmp_path / "nowhere"))
    assert (missing.returncode, missing.stderr) == (typer_missing.code, typer_missing.err)
