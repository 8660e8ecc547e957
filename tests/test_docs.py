"""Docs as tests: every command is toured in the README, every rule documented."""

from __future__ import annotations

import re

import pytest
import typer.main

from tests.conftest import ROOT
from wsg.cli import app
from wsg.rules import RULES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in sorted(group.commands.items()):  # type: ignore[attr-defined]
        if hasattr(command, "commands"):
            names.extend(f"{name} {sub}" for sub in sorted(command.commands))
        else:
            names.append(name)
    return names


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_a_readme_section_with_an_example(command: str) -> None:
    heading = re.search(
        rf"^### `wsg {re.escape(command)}\b[^\n]*\n(?P<body>.*?)(?=^##)", README, re.M | re.S
    )
    assert heading, f"README has no '### `wsg {command}`' section"
    assert f"$ wsg {command}" in heading["body"], (
        f"the section shows no example run of wsg {command}"
    )


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_documentation(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert len(rule.doc.splitlines()) >= 5
    assert "Passing" in rule.doc and "Failing" in rule.doc


def test_readme_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick, re.S)
    assert len(commands) == 2
    assert commands[0].endswith("wsg validate")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


# The README's example runs of commands that only read, shown as they print on the bundled
# dataset on the day the README was written.
README_TODAY = "2026-11-28"
READ_ONLY = ("show", "balance", "countries", "list", "rules", "render agenda", "render summary")


def _readme_examples() -> list[tuple[str, list[str]]]:
    """(command, the lines shown under it) of every ``$ wsg …`` run in a README code block."""
    examples: list[tuple[str, list[str]]] = []
    command: str | None = None
    shown: list[str] = []
    in_block = False
    for line in README.splitlines():
        if line.startswith("```") or (in_block and line.startswith("$ ")):
            if command is not None:
                examples.append((command, shown))
            command, shown = None, []
            if line.startswith("```"):
                in_block = not in_block
                continue
        if in_block and line.startswith("$ wsg "):
            command = line[len("$ wsg ") :]
        elif command is not None:
            shown.append(line)
    return [(c, s) for c, s in examples if c.startswith(READ_ONLY)]


@pytest.mark.parametrize(
    ("command", "shown"), _readme_examples(), ids=[c for c, _ in _readme_examples()]
)
def test_readme_examples_print_what_wsg_prints(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line an example shows (but "…", which stands for what is left out) is printed:
    on a terminal 80 columns wide, or piped when the example shows longer lines."""
    import shlex

    from tests.conftest import run_wsg

    for name in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "WSG_DATA"):
        monkeypatch.delenv(name, raising=False)
    if all(len(line) <= 80 for line in shown):
        monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("WSG_TODAY", README_TODAY)
    monkeypatch.chdir(ROOT)
    result = run_wsg(*shlex.split(command))
    printed = set((result.out + result.err).splitlines())
    assert [line for line in shown if line.strip() != "…" and line not in printed] == []


def test_the_readme_shows_the_read_only_commands_at_work() -> None:
    assert {c.split(" --")[0].split(" 20")[0] for c, _ in _readme_examples()} >= {
        "show", "balance", "countries EG AZ NO BT RU BD", "render agenda", "render summary",
    }  # fmt: skip


def test_templates_are_documented_as_trusted_code_where_the_option_is_read() -> None:
    # --templates runs Jinja code unsandboxed: the README and --help both say so
    prose = " ".join(README.split())
    assert "templates are code (Jinja is not a sandbox)" in prose
    assert "never one from an unreviewed pull request" in prose
    render = typer.main.get_command(app).commands["render"]  # type: ignore[attr-defined]
    options = [p for c in render.commands.values() for p in c.params if p.name == "templates"]
    assert len(options) >= 3  # agenda, summary, site
    for option in options:
        assert "use only templates you trust" in " ".join((option.help or "").split())
