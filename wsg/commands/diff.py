"""``wsg diff [BASE [HEAD]]``: what changed between two git revisions of the dataset.

Both revisions are read straight from git's object store (``ls-tree`` and
``cat-file --batch``, never a checkout, never a shell, never the network),
written into a temporary folder and loaded like any dataset. HEAD defaults to
the working tree, BASE to the merge base with ``main``.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from wsg import dataset as datasets
from wsg import engine
from wsg.diffing import DatasetDiff, RecordChanges, compare
from wsg.errors import WsgError
from wsg.findings import Finding

FORMATS = ("text", "md", "json")
WORKING_TREE = "the working tree"
MAIN_BRANCHES = ("main", "origin/main")
MD_MARKER = "<!-- wsg-diff -->"  # lets CI find and update its own comment
MD_CHANGES_PER_RECORD = 10
MD_RECORDS = 25


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
    data = data_dir.resolve()
    repo = Git(data)
    prefix = data.relative_to(repo.root).as_posix() if data != repo.root else ""
    base_name, base_commit = (base, repo.commit(base)) if base else repo.default_base()
    head_commit = repo.commit(head) if head else None
    with tempfile.TemporaryDirectory(prefix="wsg-diff-") as scratch:
        old = _load_revision(repo, base_commit, prefix, data.name, Path(scratch) / "base", today)
        if head_commit is None:
            new = datasets.load(data_dir, today)
        else:
            new = _load_revision(
                repo, head_commit, prefix, data.name, Path(scratch) / "head", today
            )
        result = compare(old, new, engine.check(old), engine.check(new))
    revisions = {
        "base": {"revision": base_name, "commit": base_commit},
        "head": {"revision": head or WORKING_TREE, "commit": head_commit},
    }
    if output_format == "json":
        out.write(json.dumps(_document(result, revisions), indent=2, ensure_ascii=False) + "\n")
    elif output_format == "md":
        out.write(_markdown(result, revisions))
    else:
        out.write(_text(result, revisions))
    return 1 if any(f.severity == "error" for f in result.introduced) else 0


class Git:
    """The few read-only git commands ``wsg diff`` needs, run without a shell."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        done = self._run(["rev-parse", "--show-toplevel"], cwd=folder, check=False)
        if done.returncode != 0:
            raise WsgError(f"{folder} is not in a git repository; wsg diff compares git revisions")
        self.root = Path(os.fsdecode(done.stdout.strip())).resolve()

    def _run(
        self,
        args: list[str],
        cwd: Path | None = None,
        check: bool = True,
        stdin: bytes | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        try:
            done = subprocess.run(
                ["git", *args],
                cwd=cwd or self.root,
                input=stdin,
                capture_output=True,
                shell=False,
                check=False,
                env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            )
        except FileNotFoundError:
            raise WsgError("git is not installed; wsg diff needs it") from None
        if check and done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise WsgError(f"git {args[0]} failed: {message[-1] if message else 'no message'}")
        return done

    def resolve(self, revision: str) -> str | None:
        """The commit a revision names, or ``None``."""
        done = self._run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
            check=False,
        )
        return done.stdout.decode("ascii").strip() if done.returncode == 0 else None

    def commit(self, revision: str) -> str:
        commit = self.resolve(revision)
        if commit is None:
            raise WsgError(f"unknown revision {revision!r}: no such commit in {self.root}")
        return commit

    def default_base(self) -> tuple[str, str]:
        """(name, commit): the merge base of HEAD with main (or origin/main), else HEAD."""
        head = self.resolve("HEAD")
        if head is None:
            raise WsgError(f"the repository {self.root} has no commits yet; nothing to compare")
        for branch in MAIN_BRANCHES:
            if self.resolve(branch) is not None:
                done = self._run(["merge-base", branch, "HEAD"], check=False)
                if done.returncode == 0:
                    return f"merge base with {branch}", done.stdout.decode("ascii").strip()
        return "HEAD", head

    def files(self, commit: str, prefix: str) -> list[tuple[str, str, str]]:
        """(mode, object id, path) of every blob under ``prefix`` at ``commit``."""
        args = ["ls-tree", "-r", "-z", "--full-tree", commit]
        if prefix:
            args += ["--", prefix]
        entries = []
        for raw in self._run(args).stdout.split(b"\0"):
            if not raw:
                continue
            meta, _, path = raw.partition(b"\t")
            mode, kind, object_id = meta.decode("ascii").split()
            if kind == "blob":
                entries.append((mode, object_id, os.fsdecode(path)))
        return entries

    def blobs(self, object_ids: list[str]) -> dict[str, bytes]:
        """Contents of many blobs from one ``git cat-file --batch``."""
        if not object_ids:
            return {}
        output = self._run(["cat-file", "--batch"], stdin="\n".join(object_ids).encode() + b"\n")
        data = output.stdout
        contents: dict[str, bytes] = {}
        position = 0
        while position < len(data):
            end = data.index(b"\n", position)
            header = data[position:end].decode("ascii").split()
            if len(header) != 3:
                raise WsgError(f"git cat-file: unexpected answer {' '.join(header)!r}")
            object_id, _, size = header
            start = end + 1
            contents[object_id] = data[start : start + int(size)]
            position = start + int(size) + 1
        return contents


def _load_revision(
    repo: Git, commit: str, prefix: str, name: str, folder: Path, today: date
) -> datasets.Dataset:
    """The dataset as it was at ``commit``, written under ``folder/name`` and loaded."""
    data = folder / name
    data.mkdir(parents=True)
    entries = repo.files(commit, prefix)
    contents = repo.blobs(sorted({object_id for _, object_id, _ in entries}))
    for mode, object_id, path in entries:
        relative = path[len(prefix) + 1 :] if prefix else path
        target = data / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":  # a symbolic link: kept as one, so the loader reports it
            os.symlink(os.fsdecode(contents[object_id]), target)
        else:
            target.write_bytes(contents[object_id])
    return datasets.load(data, today)


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
        },
    }


def _short(commit: str | None) -> str:
    return commit[:10] if commit else ""


def _revision(info: dict[str, Any]) -> str:
    name, commit = str(info["revision"]), info["commit"]
    if commit is None:
        return name
    return f"{name} ({_short(commit)})" if name != commit else _short(commit)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _findings_line(result: DatasetDiff) -> str:
    introduced, fixed = result.introduced, result.fixed
    errors = sum(f.severity == "error" for f in introduced)
    line = f"findings: {len(introduced)} introduced"
    if introduced:
        line += f" ({_plural(errors, 'error')})"
    return line + f", {len(fixed)} fixed"


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
    lines.append("")
    lines.append(_findings_line(result))
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def _markdown(result: DatasetDiff, revisions: dict[str, Any]) -> str:
    base, head = revisions["base"], revisions["head"]
    head_said = f"`{_short(head['commit'])}`" if head["commit"] else WORKING_TREE
    lines = [
        MD_MARKER,
        "### Dataset changes",
        "",
        f"From `{_short(base['commit'])}` to {head_said}: "
        f"{_plural(len(result.records), 'record')} changed; {_findings_line(result)}.",
    ]
    errors = [f for f in result.introduced if f.severity == "error"]
    if errors:
        lines.append("")
        lines.append(f"**This change introduces {_plural(len(errors), 'error')}.**")
    for record in result.records[:MD_RECORDS]:
        lines.append("")
        if record.kind == "file":
            lines.append(f"**`{record.file}`**")
        else:
            title = f" — {_md_escape(record.title)}" if record.title else ""
            lines.append(f"**{record.kind} `{record.id}`**{title}")
        items = [_md_escape(change.text) for change in record.changes]
        items += [f"introduced {_md_finding(f)}" for f in record.introduced]
        items += [f"fixed {_md_finding(f)}" for f in record.fixed]
        shown = items[:MD_CHANGES_PER_RECORD]
        lines += [f"- {item}" for item in shown]
        if len(items) > len(shown):
            lines.append(f"- … and {len(items) - len(shown)} more (`wsg diff` lists them all)")
    if len(result.records) > MD_RECORDS:
        hidden = len(result.records) - MD_RECORDS
        lines += ["", f"… and {_plural(hidden, 'more record')} (`wsg diff` lists them all)."]
    return "\n".join(lines) + "\n"


def _md_finding(f: Finding) -> str:
    icon = {"error": ":x:", "warning": ":warning:", "info": ":information_source:"}[f.severity]
    return f"{icon} {f.severity} `{f.rule}` at line {f.line}: {_md_escape(f.message)}"
