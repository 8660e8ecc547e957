"""``wsg fmt``: rewrite record files into canonical form, keeping comments.

A file that cannot be read as a record (a finding of the File section) is
skipped with a note, never rewritten. A write replaces the file atomically
and only if it still holds the bytes that were formatted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from wsg import safewrite
from wsg.canonical import canonical
from wsg.dataset import MISPLACED, chosen, covers, definition, definition_of, discover, read_source
from wsg.errors import WsgError
from wsg.rules import FILE_RULES


def run(paths: list[str], data_dir: Path, check: bool, out: TextIO) -> int:
    resolved = data_dir.resolve()
    root = resolved.parent
    wanted = chosen(paths, data_dir) if paths else [resolved.name]
    changed = unchanged = skipped = 0
    for path, kind in discover(resolved):
        rel = path.relative_to(root).as_posix()
        if not covers(wanted, rel):
            continue
        source = read_source(path, kind, root) if kind != "stray" else None
        if source is None or (kind == MISPLACED and source.record is None):
            if rel in wanted:
                out.write(f"{rel}: skipped: not a record file\n")
                skipped += 1
            continue
        blocking = [p for p in source.problems if p[0] in FILE_RULES]
        if blocking:
            rule, line, column, _ = blocking[0]
            out.write(f"{rel}: skipped: {rule} at {line}:{column} (wsg validate explains)\n")
            skipped += 1
            continue
        original = _read(path)
        # a record outside its folder is formatted as what it is (wrong-folder says where)
        record = source.record
        kind_read = definition_of(record, path.name) if record else definition(kind, path.name)
        result = canonical(original.decode("utf-8"), kind_read)
        if result.text is None:
            out.write(f"{rel}: skipped: {result.problem}\n")
            skipped += 1
        elif result.text.encode("utf-8") == original:
            unchanged += 1
        else:
            changed += 1
            if check:
                out.write(f"would reformat {rel}\n")
            else:
                safewrite.write_text(path, result.text, expected=original, within=resolved)
                out.write(f"reformatted {rel}\n")
    out.write(_summary(changed, unchanged, skipped, check) + "\n")
    return 1 if skipped or (check and changed) else 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
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
