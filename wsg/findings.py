"""A finding: one problem, stamped with its rule, severity and place."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    # field order is the sort order of every report: file, line, column, rule
    file: str
    line: int
    column: int
    rule: str
    severity: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int
    checked: tuple[str, ...] = ()  # the files checked, for reports with one entry a file

    @classmethod
    def of(cls, files: int, findings: list[Finding], checked: tuple[str, ...] = ()) -> Summary:
        counts = {severity: 0 for severity in SEVERITIES}
        for finding in findings:
            counts[finding.severity] += 1
        return cls(files, counts["error"], counts["warning"], counts["info"], checked)
