"""Writes that never lose data: a temporary file beside the target, then a rename.

``write_text`` refuses to replace a file that changed since it was read (pass
the bytes you read as ``expected``), a file its user may not write (a rename
would replace it all the same) and, unless ``overwrite`` is set, an existing
file. ``replace_tree`` builds a whole folder beside the target and swaps it in,
in one step where the system can (Linux ``renameat2``), so an interrupted render
leaves the old site or the new one, never half of one and never none. It
replaces only a folder that is empty or that it wrote itself, which it knows by
a marker file it leaves in every tree it writes: any other folder is refused,
untouched. Temporary names start with a dot: readers of the dataset skip them.
Every failure is a ``WsgError`` naming the target.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
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
        if path.exists() and not os.access(path, os.W_OK):
            raise WsgError(f"cannot write {path}: the file is read-only")
        folder.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:  # the temporary file's random name would say nothing
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # mkstemp's 0600 would hide a new file from everyone else
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise


Marker = tuple[str, str]  # the name of the file that marks a tree as ours, and its text


@contextmanager
def replace_tree(target: Path, marker: Marker) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; on success it becomes ``target``.

    ``target`` may be absent, an empty folder, or a tree this function wrote
    before (it holds ``marker``'s file, whose first line is that of ``marker``'s
    text); anything else is refused before anything is written, and again just
    before the swap. The marker is written into the new tree last. The old tree
    is removed only after the new one is in place. On failure the new tree is
    removed and ``target`` is untouched.
    """
    check_replaceable(target, marker)
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        mode = target.stat().st_mode & 0o777 if target.is_dir() else 0o777 & ~_umask()
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=parent))
        os.chmod(building, mode)  # mkdtemp's 0700 would hide the site from a web server
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        yield building
        name, text = marker
        (building / name).write_text(text, encoding="utf-8")
        check_replaceable(target, marker)  # a folder made or filled meanwhile is not ours
        old = _swap_in(building, target)
    except BaseException as error:
        shutil.rmtree(building, ignore_errors=True)
        if isinstance(error, OSError):
            raise _cannot_write(target, error) from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def check_replaceable(target: Path, marker: Marker) -> None:
    """Refuse ``target`` unless it is absent, an empty folder or a tree marked as ours."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise _cannot_write(target, error) from None
    if stat.S_ISLNK(info.st_mode):
        raise WsgError(f"{target} is a symbolic link; not replaced (wsg never writes through one)")
    if not stat.S_ISDIR(info.st_mode):
        raise WsgError(f"{target} exists and is not a folder; not replaced")
    try:
        entries = os.listdir(target)
    except OSError as error:
        raise _cannot_write(target, error) from None
    name, text = marker
    if entries and not (name in entries and _is_marker(target / name, text)):
        raise WsgError(
            f"{target} is not empty and holds no {name}, so wsg did not write it; "
            "nothing in it was touched: name a new or empty folder"
        )


def _is_marker(path: Path, text: str) -> bool:
    """True if ``path`` is a plain file (never a link) whose first line is ``text``'s."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return False
        first = os.read(handle, 4096).split(b"\n", 1)[0]
    except OSError:
        return False
    finally:
        os.close(handle)
    return first == text.split("\n", 1)[0].encode("utf-8")


def _swap_in(new: Path, target: Path) -> Path | None:
    """Put the folder ``new`` at ``target``; return where the old tree went, if there was one."""
    if not target.exists():
        os.replace(new, target)
        return None
    if _exchange(new, target):
        return new
    # Two renames: a kill between them leaves the old tree only in the hidden ``aside``.
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=new.parent))
    os.replace(target, aside / "tree")
    try:
        os.replace(new, target)
    except OSError:
        os.replace(aside / "tree", target)
        aside.rmdir()
        raise
    return aside


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False where the system offers no such call."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # not Linux with glibc 2.28 or later
        return False
    status = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL):  # an old kernel, or a file system without it
        return False
    raise OSError(code, os.strerror(code), str(second))


def _umask() -> int:
    """The process's umask (reading it means setting it; wsg runs one thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _cannot_write(target: Path, error: OSError) -> WsgError:
    return WsgError(f"cannot write {target}: {error.strerror or error}")
