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
