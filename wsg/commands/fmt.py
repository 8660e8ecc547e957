"""``wsg fmt``: rewrite record files into canonical form, keeping comments.

A file that cannot be read as a record (a finding of the File section) is
skipped with a note, never rewritten. A write replaces the file atomically
and only if it still holds the bytes that were formatted.

Formatting costs about a hundred times reading, so a file whose bytes an
earlier run formatted is not formatted again to learn the same
(``wsg.cache.FormatMemo``, keyed by path, kind and content under the tool's
fingerprint): canonical, or, for ``--check``, would change. Such a run reads and
hashes each file, as a warm ``wsg validate`` does, and imports neither
ruamel.yaml nor the rules.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from wsg.cache import FormatMemo
from wsg.dataset import (
    MAX_FILE_SIZE,
    MISPLACED,
    SourceFile,
    chosen,
    covers,
    definition,
    definition_of,
    discover,
    read_source,
)
from wsg.errors import WsgError

if TYPE_CHECKING:
    from wsg.canonical import Canonical
    from wsg.kinds import Record


def run(paths: list[str], data_dir: Path, check: bool, out: TextIO) -> int:
    resolved = data_dir.resolve()
    root = resolved.parent
    wanted = chosen(paths, data_dir) if paths else [resolved.name]
    memo = FormatMemo.for_dataset(data_dir)
    changed = unchanged = skipped = 0
    for path, kind in discover(resolved):
        rel = path.relative_to(root).as_posix()
        if not covers(wanted, rel):
            continue
        if kind == "stray":
            if rel in wanted:
                out.write(f"{rel}: skipped: not a record file\n")
                skipped += 1
            continue
        original = _read(path)
        key = memo.key(rel, kind, original) if memo is not None and original is not None else None
        known = memo.canonical(key) if memo is not None and key is not None else None
        if known:
            unchanged += 1
            continue
        if known is False and check:
            changed += 1
            out.write(f"would reformat {rel}\n")
            continue
        source = read_source(path, kind, root)
        if kind == MISPLACED and source.record is None:
            if rel in wanted:
                out.write(f"{rel}: skipped: not a record file\n")
                skipped += 1
            continue
        problem = _blocking(source)
        if original is None and not problem:  # it grew past the limit meanwhile
            problem = "file-too-large (wsg validate explains)"
        if problem or original is None:
            out.write(f"{rel}: skipped: {problem}\n")
            skipped += 1
            continue
        # a record outside its folder is formatted as what it is (wrong-folder says where)
        record = source.record
        kind_read = definition_of(record, path.name) if record else definition(kind, path.name)
        result = canonical(original.decode("utf-8"), kind_read)
        if result.text is None:
            out.write(f"{rel}: skipped: {result.problem}\n")
            skipped += 1
            continue
        formatted = result.text.encode("utf-8")
        if memo is not None and key is not None:
            memo.add(key, formatted == original)
        if formatted == original:
            unchanged += 1
            continue
        changed += 1
        if check:
            out.write(f"would reformat {rel}\n")
            continue
        from wsg import safewrite

        safewrite.write_bytes(path, formatted, expected=original, within=resolved)
        out.write(f"reformatted {rel}\n")
        if memo is not None:
            memo.add(memo.key(rel, kind, formatted), True)
    if memo is not None:
        memo.save(whole=not paths)
    out.write(_summary(changed, unchanged, skipped, check) + "\n")
    return 1 if skipped or (check and changed) else 0


def canonical(text: str, record: Record) -> Canonical:
    """``wsg.canonical.canonical``, imported when a file is to be formatted at all."""
    from wsg.canonical import canonical as formatted

    return formatted(text, record)


def _blocking(source: SourceFile) -> str:
    """Why the file cannot be formatted, as ``wsg validate`` reads it; "" if it can."""
    from wsg.rules import FILE_RULES

    blocking = [p for p in source.problems if p[0] in FILE_RULES]
    if not blocking:
        return ""
    rule, line, column, _ = blocking[0]
    return f"{rule} at {line}:{column} (wsg validate explains)"


def _read(path: Path) -> bytes | None:
    """The file's bytes; None for one too large to be a record (``read_source`` says so)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_SIZE:
                return None
            return stream.read(MAX_FILE_SIZE + 1)
    except OSError as error:
        raise WsgError(f"cannot read {path}: {error.strerror}") from None


def _summary(changed: int, unchanged: int, skipped: int, check: bool) -> str:
    def files(count: int) -> str:
        return f"{count} file" if count == 1 else f"{count} files"

    done = "would be reformatted" if check else "reformatted"
    parts = [f"{files(changed)} {done}", f"{files(unchanged)} already canonical"]
    if skipped:
        parts.append(f"{files(skipped)} skipped")
    return ", ".join(parts)
