"""Writes that never lose data: a temporary file beside the target, then a rename.

``write_text`` refuses to replace a file that changed since it was read (pass
the bytes you read as ``expected``) and, unless ``overwrite`` is set, refuses to
clobber an existing file. ``replace_tree`` builds a whole folder beside the
target and swaps it in, so an interrupted render never leaves half a site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wsg.errors import WsgError


def write_text(
    path: Path, text: str, *, overwrite: bool = False, expected: bytes | None = None
) -> None:
    write_bytes(path, text.encode("utf-8"), overwrite=overwrite, expected=expected)


def write_bytes(
    path: Path, data: bytes, *, overwrite: bool = False, expected: bytes | None = None
) -> None:
    folder = path.parent
    try:
        if expected is not None:
            current = path.read_bytes() if path.exists() else None
            if current != expected:
                raise WsgError(f"{path} changed while wsg was working on it; not written")
        elif path.exists() and not overwrite:
            raise WsgError(f"{path} exists; not overwritten")
        folder.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError as error:
        raise WsgError(f"cannot write {path}: permission denied ({error.filename})") from None
    except OSError as error:
        raise WsgError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WsgError(f"cannot write {path}: {error.strerror}") from None
        raise


@contextmanager
def replace_tree(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; on success it becomes ``target``.

    The old tree is moved aside and removed only after the new one is in
    place. On failure the new tree is removed and ``target`` is untouched.
    """
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=parent))
    except OSError as error:
        raise WsgError(f"cannot write {target}: {error.strerror}") from None
    try:
        yield building
        old = None
        if target.exists():
            if not target.is_dir():
                raise WsgError(f"{target} exists and is not a folder; not replaced")
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=parent))
            os.replace(target, old / "tree")
        os.replace(building, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
