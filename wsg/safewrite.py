"""Writes that never lose data: a temporary file beside the target, then a rename.

A file is written to a temporary file in the target's folder, flushed to disk
(``fsync``), then renamed into place, and the folder is flushed too, so that
after a crash the target is the old file or the new one, whole. ``write_bytes``
refuses a file that changed since it was read (pass the bytes you read as
``expected``; they are compared again just before the rename), a file its user
may not write (a rename would replace it all the same) and, unless
``overwrite`` is set, an existing file: a new file is put in place with a hard
link, which fails if the name exists, so two writers of the same new file
cannot both succeed.

``replace_tree`` builds a whole folder beside the target and swaps it in, in
one step where the system can (Linux ``renameat2``), so an interrupted render
leaves the old site or the new one, never half of one and never none. It
replaces only a folder that is empty or that it wrote itself, which it knows by
a marker file it leaves in every tree it writes: any other folder is refused,
untouched. Every file and folder of the new tree is flushed before the swap.

No write goes through a symbolic link: not the target, and not a folder
between ``within`` (the dataset, the repository: a folder the user named) and
the target; a link there came with the files, and a committed one could send a
write anywhere. Temporary names start with a dot: readers of the dataset skip
them. Every failure is a ``WsgError`` naming the target.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from wsg.errors import WsgError

Marker = tuple[str, str]  # the name of the file that marks a tree as ours, and its text

# how a file or folder is opened only to be read or flushed; a flag the system does not have
# is 0 there
_READ_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
_READ_NOT_A_LINK = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)


def write_text(
    path: Path,
    text: str,
    *,
    overwrite: bool = False,
    expected: bytes | None = None,
    within: Path | None = None,
) -> None:
    write_bytes(path, text.encode("utf-8"), overwrite=overwrite, expected=expected, within=within)


def write_bytes(
    path: Path,
    data: bytes,
    *,
    overwrite: bool = False,
    expected: bytes | None = None,
    within: Path | None = None,
    private: bool = False,
) -> None:
    with writing(
        path, overwrite=overwrite, expected=expected, within=within, private=private
    ) as stream:
        stream.write(data)


@contextmanager
def writing(
    path: Path,
    *,
    overwrite: bool = False,
    expected: bytes | None = None,
    within: Path | None = None,
    private: bool = False,
) -> Iterator[BinaryIO]:
    """A temporary file to write, put in place as ``path`` when the block ends without error.

    The file keeps the permissions of the one it replaces; a new one gets the usual
    ones, or only its owner's when ``private``.
    """
    target = Path(os.path.abspath(path))
    folder = target.parent
    refuse_links(path, within)
    try:
        _check_target(path, target, overwrite, expected)
        make_folders(folder)
        mode = 0o600 if private else _mode_of(target, 0o666)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:  # the temporary file's random name would say nothing
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # mkstemp's 0600 would hide a new file from everyone else
        if expected is not None:
            _check_target(path, target, overwrite, expected)  # an edit saved meanwhile
        if overwrite or expected is not None:
            os.replace(temporary, target)
        else:
            _create(temporary, target)
            with suppress(OSError):  # the file is in place: a leftover link is hidden
                os.unlink(temporary)
        sync_folder(folder)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, FileExistsError):
            raise WsgError(f"{path} exists; not overwritten") from None
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise


def refuse_links(path: Path, within: Path | None) -> None:
    """Refuse ``path`` if it, or a folder between ``within`` and it, is a symbolic link.

    Links above ``within`` (or above ``path``, when it lies outside ``within``) are the
    user's own choice and are followed.
    """
    target = Path(os.path.abspath(path))
    base = Path(os.path.abspath(within)) if within is not None else None
    steps = [target]
    if base is not None and base in target.parents:
        parts = target.relative_to(base).parts
        steps = [base.joinpath(*parts[: n + 1]) for n in range(len(parts))]
    for step in steps:
        try:
            is_link = stat.S_ISLNK(os.lstat(step).st_mode)
        except OSError:  # missing, or not a folder: nothing further down exists
            return
        if is_link:
            where = "" if step == target else f" ({step} is one)"
            raise WsgError(f"cannot write {path}: wsg never writes through a symbolic link{where}")


def make_folders(folder: Path) -> None:
    """Make ``folder`` and its missing parents, each flushed into its parent."""
    missing = []
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        try:
            os.mkdir(created)
        except FileExistsError:  # made meanwhile by another run
            if not created.is_dir():
                raise
            continue
        sync_folder(created.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk: a rename or a new name in it survives a crash."""
    try:
        handle = os.open(folder, _READ_FOLDER)
    except PermissionError:  # a folder we may write but not read: nothing more can be done
        return
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise  # a file system that cannot flush folders has nothing to flush
    finally:
        os.close(handle)


@contextmanager
def replace_tree(target: Path, marker: Marker, within: Path | None = None) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; on success it becomes ``target``.

    ``target`` may be absent, an empty folder, or a tree this function wrote
    before (it holds ``marker``'s file, whose first line is that of ``marker``'s
    text); anything else is refused before anything is written, and again just
    before the swap. The marker is written into the new tree last, then every
    file and folder of the tree is flushed to disk. The old tree is removed only
    after the new one is in place. On failure the new tree is removed and
    ``target`` is untouched.
    """
    absolute = Path(os.path.abspath(target))
    parent = absolute.parent
    refuse_links(target, within)
    check_replaceable(target, marker)
    try:
        make_folders(parent)
        mode = _mode_of(absolute, 0o777) if absolute.is_dir() else 0o777 & ~_umask()
        building = Path(tempfile.mkdtemp(prefix=f".{absolute.name}.new-", dir=parent))
        os.chmod(building, mode)  # mkdtemp's 0700 would hide the site from a web server
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        yield building
        name, text = marker
        (building / name).write_text(text, encoding="utf-8")
        sync_tree(building)
        check_replaceable(target, marker)  # a folder made or filled meanwhile is not ours
        old = _swap_in(building, absolute)
        sync_folder(parent)
    except BaseException as error:
        shutil.rmtree(building, ignore_errors=True)
        if isinstance(error, OSError):
            raise _cannot_write(target, error) from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def sync_tree(folder: Path) -> None:
    """Flush every plain file and every folder under ``folder`` (itself included) to disk.

    On Linux one ``syncfs`` flushes the whole file system the tree is on: a site of
    6,000 files took 0.1 to 0.2 s that way, against 2 to 25 s (as the disk was busy)
    for one ``fsync`` a file. Elsewhere, one ``fsync`` a file and a folder.
    """
    if _syncfs(folder):
        return
    for at, _, names in os.walk(folder):
        for name in names:
            try:
                handle = os.open(os.path.join(at, name), _READ_NOT_A_LINK)
            except OSError as error:
                if error.errno == errno.ELOOP:  # a link: its own entry is flushed with the folder
                    continue
                raise
            try:
                if stat.S_ISREG(os.fstat(handle).st_mode):
                    os.fsync(handle)
            finally:
                os.close(handle)
        sync_folder(Path(at))


def _syncfs(folder: Path) -> bool:
    """Linux's ``syncfs`` on the file system that holds ``folder``; False where there is none."""
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (AttributeError, OSError, TypeError):  # not Linux with glibc
        return False
    handle = os.open(folder, _READ_FOLDER)
    try:
        if syncfs(handle) == 0:
            return True
        code = ctypes.get_errno()
    finally:
        os.close(handle)
    if code == errno.ENOSYS:
        return False
    raise OSError(code, os.strerror(code), str(folder))


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
        # non-blocking: opening a named pipe called .wsg-site would wait for a writer
        handle = os.open(path, _READ_NOT_A_LINK | getattr(os, "O_NONBLOCK", 0))
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


def _check_target(path: Path, target: Path, overwrite: bool, expected: bytes | None) -> None:
    """Refuse a target that changed since it was read, exists, or may not be written."""
    if expected is not None:
        if _current(target) != expected:
            raise WsgError(f"{path} changed while wsg was working on it; not written")
    elif os.path.lexists(target) and not overwrite:
        raise WsgError(f"{path} exists; not overwritten")
    if os.path.lexists(target) and not os.access(target, os.W_OK):
        raise WsgError(f"cannot write {path}: the file is read-only")


def _current(target: Path) -> bytes | None:
    """The bytes of ``target`` now, or None when it is gone."""
    try:
        handle = os.open(target, _READ_NOT_A_LINK)
    except FileNotFoundError:
        return None
    with os.fdopen(handle, "rb") as stream:
        return stream.read()


def _mode_of(target: Path, default: int) -> int:
    """The permissions ``target`` has, or the usual ones for a new file or folder."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return default & ~_umask()


def _create(temporary: str, target: Path) -> None:
    """Give the file ``temporary`` the name ``target``, which must not exist: never replace.

    A hard link fails if the name exists, in one step; where the file system has no
    hard links, Linux's ``renameat2`` with ``RENAME_NOREPLACE`` does the same.
    """
    try:
        os.link(temporary, target)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if not _renameat2(Path(temporary), target, _RENAME_NOREPLACE):
            raise
        # renamed: there is no temporary file left to remove


def _swap_in(new: Path, target: Path) -> Path | None:
    """Put the folder ``new`` at ``target``; return where the old tree went, if there was one."""
    if not os.path.lexists(target):
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
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False where the system offers no such call."""
    return _renameat2(first, second, _RENAME_EXCHANGE)


def _renameat2(first: Path, second: Path, flags: int) -> bool:
    """Linux's ``renameat2``; False where the system or the file system does not have it."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # not Linux with glibc 2.28 or later
        return False
    status = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), flags)
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
