"""One reporter per findings format, chosen by name from ``REPORTERS``."""

from __future__ import annotations

import json
from typing import TextIO

from wsg.findings import Finding, Summary


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class TextReporter:
    """``file:line:col: severity rule message``, then a summary line."""

    colours = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}

    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def report(self, findings: list[Finding], summary: Summary, out: TextIO) -> None:
        for f in findings:
            severity = f.severity
            if self.colour:
                severity = f"{self.colours[severity]}{severity}\x1b[0m"
            out.write(f"{f.file}:{f.line}:{f.column}: {severity} {f.rule} {f.message}\n")
        line = (
            f"{_plural(summary.files, 'file')} checked: {_plural(summary.errors, 'error')}, "
            f"{_plural(summary.warnings, 'warning')}"
        )
        if summary.infos:
            line += f", {summary.infos} info"
        out.write(line + "\n")


class JsonReporter:
    def __init__(self, colour: bool = False) -> None:
        pass

    def report(self, findings: list[Finding], summary: Summary, out: TextIO) -> None:
        document = {
            "findings": [f.as_dict() for f in findings],
            "summary": {
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
            },
        }
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    """GitHub Actions workflow commands: annotations on the pull request's files."""

    levels = {"error": "error", "warning": "warning", "info": "notice"}

    def __init__(self, colour: bool = False) -> None:
        pass

    def report(self, findings: list[Finding], summary: Summary, out: TextIO) -> None:
        for f in findings:
            out.write(
                f"::{self.levels[f.severity]} file={_escape_property(f.file)},line={f.line},"
                f"col={f.column},title={_escape_property(f.rule)}::{_escape_data(f.message)}\n"
            )


REPORTERS: dict[str, type[TextReporter] | type[JsonReporter] | type[GithubReporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
