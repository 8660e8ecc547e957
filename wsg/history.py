"""Each dataset file's revision in git: how many commits changed it, and when the last did.

A calendar application takes an imported entry as newer than the one it holds
when its SEQUENCE grows (RFC 5545, 3.8.7.4): re-timing a session, adding one or
moving the venue must count, not only the dated decisions. Git already numbers
every change of a file, reproducibly for a given commit: the commits of the
branch's own line (``--first-parent``: a merged pull request is one change,
dated when it landed) that changed the file, following renames.

One ``git log`` over the whole dataset folder serves a whole site, however many
events it has, plus two cheap queries (is the clone shallow, which files differ
from HEAD). Git runs without a shell, with a time limit, and its output is read
up to a limit; whatever goes wrong, the answer is "no history", and the
calendars fall back to the event's dated decisions.

A file has no revision here when it is not committed, or differs from HEAD (an
edit not yet committed has no reproducible revision: rendering it twice a minute
apart must give the same bytes, and counting it as "one more commit" would give
two different edits the same number), or when the clone is shallow (its
history is cut, so the count would be wrong and could go down).
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

MAX_LOG_BYTES = 64 * 1024 * 1024  # decades of a few thousand files are a few MB
TIMEOUT = 60.0  # seconds for each git command


@dataclass(frozen=True)
class FileRevision:
    commits: int  # commits that changed the file (under any of its names)
    last: datetime  # the committer time of the latest of them, in UTC


History = Mapping[str, FileRevision]  # by the file as the dataset names it: data/events/…


def load(data_dir: Path) -> dict[str, FileRevision]:
    """The revision of every committed, unmodified file of the dataset folder; {} without git."""
    folder = data_dir.resolve()
    shallow = _git(folder, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != b"false":
        return {}  # not a repository, no git, or a shallow clone
    log = _git(
        folder,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--relative",
        "-M",
        "--name-status",
        "-z",
        "--no-color",
        "--format=%x01%ct",
        "--",
        ".",
    )
    changed = _git(
        folder, "diff", "HEAD", "--name-only", "--relative", "--no-renames", "-z", "--", "."
    )
    if log is None or changed is None:
        return {}
    modified = {os.fsdecode(name) for name in changed.split(b"\0") if name}
    prefix = folder.name
    return {
        f"{prefix}/{path}": revision
        for path, revision in parse_log(log).items()
        if path not in modified
    }


def parse_log(output: bytes) -> dict[str, FileRevision]:
    """Revisions by path at HEAD, from ``git log --name-status -z --format=%x01%ct``, newest first.

    Walking back in time, a path's history belongs to the file that bears that name
    at HEAD until it was added (before, the name was another file's) or renamed from
    another name (before, that other name was this file).
    """
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    owner: dict[str, str | None] = {}  # a name in the past -> the file at HEAD it was, or None

    def whose(path: str, status: str) -> str | None:
        if path not in owner:  # its newest change: a deletion means no file at HEAD has it
            owner[path] = None if status == "D" else path
        return owner[path]

    tokens = output.split(b"\0")
    when = 0
    touched: set[str] = set()

    def count() -> None:
        for path in touched:
            counts[path] = counts.get(path, 0) + 1
            latest[path] = max(latest.get(path, when), when)
        touched.clear()

    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if not token:
            continue
        if token.startswith(b"\x01"):
            count()
            when = int(token[1:].decode("ascii") or 0)
            continue
        status = token[:1].decode("ascii", "replace")
        if status in ("R", "C"):
            old, new = (os.fsdecode(t) for t in tokens[index : index + 2])
            index += 2
            head = whose(new, status)
            if head is not None:
                touched.add(head)
            owner[new] = None
            if status == "R":
                owner[old] = head
            continue
        path = os.fsdecode(tokens[index]) if index < len(tokens) else ""
        index += 1
        head = whose(path, status)
        if head is not None:
            touched.add(head)
        if status == "A":
            owner[path] = None
    count()
    return {
        path: FileRevision(commits=counts[path], last=datetime.fromtimestamp(latest[path], UTC))
        for path in counts
    }


def _git(folder: Path, *args: str) -> bytes | None:
    """Git's output in ``folder``, at most MAX_LOG_BYTES within TIMEOUT; None on any failure."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        process = subprocess.Popen(
            ["git", "-c", "log.showSignature=false", *args],
            cwd=folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            shell=False,
            env=environment,
        )
    except OSError:
        return None
    timer = threading.Timer(TIMEOUT, process.kill)
    timer.start()
    try:
        assert process.stdout is not None
        output = process.stdout.read(MAX_LOG_BYTES + 1)
        if len(output) > MAX_LOG_BYTES:
            process.kill()
        process.stdout.close()
        code = process.wait()
    finally:
        timer.cancel()
    return output if code == 0 and len(output) <= MAX_LOG_BYTES else None
