"""One reporter per findings format, chosen by name from ``REPORTERS``."""

from __future__ import annotations

import json
from typing import ClassVar, TextIO

from wsg.findings import Finding, Summary
from wsg.plural import plural


class TextReporter:
    """``file:line:col: severity rule message``, then a summary line."""

    colours: ClassVar[dict[str, str]] = {
        "error": "\x1b[31m",
        "warning": "\x1b[33m",
        "info": "\x1b[36m",
    }

    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def report(self, findings: list[Finding], summary: Summary, out: TextIO) -> None:
        for f in findings:
            severity = f.severity
            if self.colour:
                severity = f"{self.colours[severity]}{severity}\x1b[0m"
            out.write(f"{f.file}:{f.line}:{f.column}: {severity} {f.rule} {f.message}\n")
        line = (
            f"{plural(summary.files, 'file')} checked: {plural(summary.errors, 'error')}, "
            f"{plural(summary.warnings, 'warning')}"
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

    levels: ClassVar[dict[str, str]] = {"error": "error", "warning": "warning", "info": "notice"}

    def __init__(self, colour: bool = False) -> None:
        pass

    def report(self, findings: list[Finding], summary: Summary, out: TextIO) -> None:
        for f in findings:
            out.write(
                f"::{self.levels[f.severity]} file={_escape_property(f.file)},line={f.line},"
                f"col={f.column},title={_escape_property(f.rule)}::{_escape_data(f.message)}\n"
            )


SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


class SarifReporter:
    """SARIF 2.1.0 for code scanning: one run, every rule described, stable output.

    Locations are relative to the repository root (``%SRCROOT%``); columns count
    characters (``unicodeCodePoints``), as every report of wsg does.
    """

    def __init__(self, colour: bool = False) -> None:
        pass

    def report(self, findings: list[Finding], summary: Summary, out: TextIO) -> None:
        from urllib.parse import quote

        from wsg import __version__
        from wsg.rules import RULES  # the registry imports the loader: import late

        rule_ids = sorted(RULES)
        index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
        rules = [
            {
                "id": rule_id,
                "shortDescription": {"text": RULES[rule_id].summary or rule_id},
                "defaultConfiguration": {"level": SARIF_LEVELS[RULES[rule_id].severity]},
                "properties": {"tags": [RULES[rule_id].section]},
            }
            for rule_id in rule_ids
        ]
        results = []
        for f in findings:
            result: dict[str, object] = {"ruleId": f.rule}
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            result["level"] = SARIF_LEVELS[f.severity]
            result["message"] = {"text": f.message}
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": quote(f.file), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ]
            result["partialFingerprints"] = {"wsgFinding/v1": _fingerprint(f)}
            results.append(result)
        document = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "wsg", "version": __version__, "rules": rules}},
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _fingerprint(f: Finding) -> str:
    """The same finding keeps its fingerprint when lines around it move."""
    from hashlib import sha256

    return sha256(f"{f.file}\0{f.rule}\0{f.message}".encode()).hexdigest()[:32]


class JunitReporter:
    """JUnit XML for CI test reports: one testsuite, one testcase per checked file.

    Each error is a ``<failure>`` of its file's testcase (type: the rule id).
    Warnings and infos do not fail a run, so they are listed in the testcase's
    ``<system-out>`` rather than as failures or skips.
    """

    def __init__(self, colour: bool = False) -> None:
        pass

    def report(self, findings: list[Finding], summary: Summary, out: TextIO) -> None:
        from xml.etree import ElementTree as ET

        by_file: dict[str, list[Finding]] = {}
        for f in findings:
            by_file.setdefault(f.file, []).append(f)
        files = sorted(set(summary.checked) | set(by_file))
        failures = len({f.file for f in findings if f.severity == "error"})  # failed testcases
        counts = {"tests": str(len(files)), "failures": str(failures), "errors": "0"}
        suites = ET.Element("testsuites", {"name": "wsg validate", **counts, "time": "0"})
        suite = ET.SubElement(
            suites, "testsuite", {"name": "wsg validate", **counts, "skipped": "0", "time": "0"}
        )
        for file in files:
            classname = file.rpartition("/")[0].replace("/", ".") or "."
            case = ET.SubElement(
                suite, "testcase", {"classname": classname, "name": file, "time": "0"}
            )
            notes = []
            for f in by_file.get(file, []):
                line = f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
                if f.severity == "error":
                    failure = ET.SubElement(case, "failure", {"message": f.message, "type": f.rule})
                    failure.text = line
                else:
                    notes.append(line)
            if notes:
                ET.SubElement(case, "system-out").text = "\n".join(notes)
        ET.indent(suites)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suites, encoding="unicode") + "\n")


REPORTERS: dict[
    str,
    type[TextReporter]
    | type[JsonReporter]
    | type[GithubReporter]
    | type[SarifReporter]
    | type[JunitReporter],
] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
}
