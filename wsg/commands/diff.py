"""``wsg diff [BASE [HEAD]]``: what changed between two git revisions of the dataset.

Both revisions are read straight from git's object store into memory
(``wsg.revision``: never a checkout, never a file written, never a shell,
never the network). HEAD defaults to the working tree, BASE to the merge
base with ``main`` (else the remote's default branch, else ``master``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from wsg import dataset as datasets
from wsg import engine, prcomment, revision
from wsg.diffing import DatasetDiff, RecordChanges, compare
from wsg.errors import WsgError
from wsg.findings import Finding
from wsg.plural import plural
from wsg.prcomment import UNKNOWN, printable
from wsg.revision import Git

FORMATS = ("text", "md", "json")
WORKING_TREE = "the working tree"
# where a branch starts from, in order; origin/HEAD is the remote's default branch
BASE_BRANCHES = ("main", "origin/HEAD", "origin/main", "master", "origin/master")


def run(
    base: str | None,
    head: str | None,
    data_dir: Path,
    today: date,
    output_format: str,
    out: TextIO,
) -> int:
    if output_format not in FORMATS:
        raise WsgError(f"unknown format {output_format!r}; choose one of {', '.join(FORMATS)}")
    for name, given in (("BASE", base), ("HEAD", head)):
        if given is not None and not given.strip():  # "$BASE_SHA" unset: never the default
            raise WsgError(f"{name} is empty; name a revision, such as main or a commit")
    git = Git(data_dir.resolve())
    base_name, base_commit = (base, git.commit(base)) if base else _default_base(git)
    head_commit = git.commit(head) if head else None
    old = revision.load(git, base_commit, data_dir, today)
    if head_commit is None:
        new = datasets.load(data_dir, today)
    else:
        new = revision.load(git, head_commit, data_dir, today)
    result = compare(old, new, engine.check(old), engine.check(new))
    revisions = {
        "base": {"revision": base_name, "commit": base_commit},
        "head": {"revision": head or WORKING_TREE, "commit": head_commit},
    }
    if output_format == "json":
        out.write(_json(_document(result, revisions)) + "\n")
    elif output_format == "md":
        out.write(prcomment.comment(result, revisions, _findings_line(result)))
    else:
        out.write(_text(result, revisions))
    return 1 if any(f.severity == "error" for f in result.introduced) else 0


def _default_base(git: Git) -> tuple[str, str]:
    """(name, commit): the merge base of HEAD with the main line of work.

    That is ``main``, else the remote's default branch (``origin/HEAD``), else
    ``master``; never HEAD itself, which would say "no changes" for any branch.
    """
    if git.resolve("HEAD") is None:
        raise WsgError(f"the repository {git.root} has no commits yet; nothing to compare")
    for branch in BASE_BRANCHES:
        if branch == "origin/HEAD":
            done = git.run(
                ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], check=False
            )
            if done.returncode != 0:
                continue
            branch = done.stdout.decode("utf-8", "replace").strip()
        if git.resolve(branch) is not None:
            done = git.run(["merge-base", branch, "HEAD"], check=False)
            if done.returncode == 0:
                return f"merge base with {branch}", done.stdout.decode("ascii").strip()
    raise WsgError(
        "no base to compare with: this repository has no branch main or master and no"
        " origin/HEAD; name the base revision: wsg diff BASE"
    )


# ---------------------------------------------------------------------------
# Output


def _document(result: DatasetDiff, revisions: dict[str, Any]) -> dict[str, Any]:
    return {
        **revisions,
        "records": [r.as_dict() for r in result.records],
        "summary": {
            "records": len(result.records),
            "findings_introduced": len(result.introduced),
            "errors_introduced": sum(f.severity == "error" for f in result.introduced),
            "findings_fixed": len(result.fixed),
            "findings_unknown": len(result.unknown),
        },
    }


def _short(commit: str | None) -> str:
    return commit[:10] if commit else ""


def _revision(info: dict[str, Any]) -> str:
    name, commit = str(info["revision"]), info["commit"]
    if commit is None:
        return name
    return f"{name} ({_short(commit)})" if name != commit else _short(commit)


def _findings_line(result: DatasetDiff) -> str:
    introduced, fixed = result.introduced, result.fixed
    errors = sum(f.severity == "error" for f in introduced)
    line = f"findings: {len(introduced)} introduced"
    if introduced:
        line += f" ({plural(errors, 'error')})"
    line += f", {len(fixed)} fixed"
    if result.unknown:
        line += f", {len(result.unknown)} unknown (in files that no longer read)"
    return line


def _finding(f: Finding) -> str:
    return f"{f.severity} {f.rule} at {f.line}:{f.column}: {f.message}"


def _heading(record: RecordChanges) -> str:
    if record.kind == "file":
        return f"file {record.file}"
    title = f" — {record.title}" if record.title else ""
    return f"{record.kind} {record.id}{title}"


def _text(result: DatasetDiff, revisions: dict[str, Any]) -> str:
    lines = [f"Changes from {_revision(revisions['base'])} to {_revision(revisions['head'])}:"]
    if not result.records:
        lines.append("no changes to the dataset")
    for record in result.records:
        lines.append("")
        lines.append(
            f"{_heading(record)} ({record.file})" if record.kind != "file" else _heading(record)
        )
        lines += [f"  {change.text}" for change in record.changes]
        lines += [f"  + introduced {_finding(f)}" for f in record.introduced]
        lines += [f"  - fixed {_finding(f)}" for f in record.fixed]
        lines += [f"  ? {UNKNOWN}: {_finding(f)}" for f in record.unknown]
    lines.append("")
    lines.append(_findings_line(result))
    return "\n".join(map(printable, lines)) + "\n"


def _json(document: dict[str, Any]) -> str:
    """JSON with the same care for what JSON leaves raw (C1 controls, bidi overrides,
    line separators): ``\\uXXXX`` escapes, so that tools still read exactly the data."""
    lines = json.dumps(document, indent=2, ensure_ascii=False).split("\n")
    return "\n".join(
        line
        if line.isprintable()
        else "".join(ch if ch.isprintable() else json.dumps(ch)[1:-1] for ch in line)
        for line in lines
    )
