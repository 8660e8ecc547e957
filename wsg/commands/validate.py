"""``wsg validate``: check the whole dataset, report findings for the given files or all."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO

from wsg import dataset as datasets
from wsg import engine
from wsg.cache import FileCache
from wsg.errors import WsgError
from wsg.findings import Finding, Summary
from wsg.reporters import REPORTERS


def run(
    paths: list[str],
    data_dir: Path,
    today: date,
    output_format: str,
    strict: bool,
    out: TextIO,
    colour: bool = False,
    use_cache: bool = True,
) -> int:
    if output_format not in REPORTERS:
        raise WsgError(f"unknown format {output_format!r}; choose one of {', '.join(REPORTERS)}")
    wanted = datasets.chosen(paths, data_dir)  # a wrong path fails before any reading
    cache = FileCache.for_dataset(data_dir) if use_cache else None
    reading = datasets.read(data_dir, today, cache)
    try:
        findings = _findings(reading, cache)
    finally:
        if cache is not None:
            cache.save()
    files = len(reading.files)
    checked = tuple(s.rel for s in reading.files)
    if wanted:
        findings = [f for f in findings if datasets.covers(wanted, f.file)]
        files = sum(1 for s in reading.files if datasets.covers(wanted, s.rel))
        checked = tuple(rel for rel in checked if datasets.covers(wanted, rel))
    summary = Summary.of(files, findings, checked)
    REPORTERS[output_format](colour=colour).report(findings, summary, out)
    return exit_code(findings, strict)


def _findings(reading: datasets.Reading, cache: FileCache | None) -> list[Finding]:
    """The findings of every rule; those of the last run when not one file has changed."""
    if cache is None:
        return engine.check(reading.dataset())
    run = cache.run_key(reading.files, reading.today)
    kept = cache.findings(run)
    if kept is not None:
        return [Finding(*row) for row in kept]
    findings = engine.check(reading.dataset())
    cache.keep_findings(
        run, [(f.file, f.line, f.column, f.rule, f.severity, f.message) for f in findings]
    )
    return findings


def exit_code(findings: list[Finding], strict: bool) -> int:
    failing = ("error", "warning") if strict else ("error",)
    return 1 if any(f.severity in failing for f in findings) else 0
