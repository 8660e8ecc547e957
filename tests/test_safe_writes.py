"""Safe writes: ``wsg fmt``, ``wsg new`` and ``wsg render`` never leave half a file or half a site.

Every write goes through ``wsg.safewrite``: a temporary file (or folder) beside the
target, named with a leading dot so that ``wsg validate`` never reads it as a record,
then one rename. These tests stop the real program at every step of a write (SIGKILL,
or a failing step), fill the disk, make files and folders read-only and change a file
behind its back, and each time find the target whole: what it was, or, once the
rename is done, what the finished run writes.
"""

from __future__ import annotations

import ctypes
import errno
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, make_dataset, run_wsg, skip_or_fail

TODAY = "2026-11-28"
EVENT_PATH = "data/events/2025/ai-day.yaml"
# The examples base's event, valid but not in canonical key order: ``wsg fmt`` rewrites it.
MESSY = """\
# AI day, keys in the wrong order on purpose
title: AI day
id: ai-day
kind: seminar
status: cancelled
start: 2025-09-10
end: 2025-09-10
format: virtual
timezone: Europe/Zurich
themes: [ai]
organizers: [sg17]
cancellation: {date: 2025-06-01, reason: Merged into the AI for Good summit}
"""


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writes under test, alone: no cache written beside them (the cache's own writes
    are tested below and in test_cache.py)."""
    monkeypatch.setenv("WSG_NO_CACHE", "1")


@dataclass(frozen=True)
class Write:
    """A command that writes, and what it writes (relative to the work folder)."""

    name: str
    args: tuple[str, ...]  # "{work}" stands for the work folder
    target: str

    def argv(self, work: Path) -> list[str]:
        return [arg.format(work=work) for arg in self.args]


DATA = ("--data", "{work}/data")
WRITES = [
    Write("fmt", ("fmt", "{work}/" + EVENT_PATH, *DATA), EVENT_PATH),
    Write(
        "new event",
        ("new", "event", "--title", "Quantum day", "--start", "2027-03-10", "--format", "virtual",
         "--organizer", "sg16", "--theme", "ai", *DATA, "--today", TODAY),
        "data/events/2027/2027-03-quantum-day.yaml",
    ),
    Write(
        "render agenda -o",
        ("render", "agenda", "ai-day", "-f", "html", "-o", "{work}/out/agenda.html", *DATA,
         "--today", TODAY),
        "out/agenda.html",
    ),
    Write(
        "render summary -o",
        ("render", "summary", "--year", "2025", "-o", "{work}/out/summary.md", *DATA,
         "--today", TODAY),
        "out/summary.md",
    ),
    Write(
        "render site",
        ("render", "site", "--out", "{work}/out/site", *DATA, "--today", TODAY),
        "out/site",
    ),
]  # fmt: skip
WRITE_IDS = [w.name for w in WRITES]


def prepare(work: Path) -> Path:
    """A dataset with one non-canonical event, and outputs rendered "before" to replace."""
    make_dataset(work, {EVENT_PATH: MESSY})
    site = work / "out" / "site"
    (site / "events").mkdir(parents=True)
    (site / ".wsg-site").write_text("wsg\nThe marker of a site wsg wrote.\n")
    (site / "index.html").write_text("the site as it was\n")
    (site / "events" / "gone.html").write_text("an event page of the site as it was\n")
    # earlier renderings, with the mark by which -o knows them as wsg's (it refuses others)
    (work / "out" / "agenda.html").write_text(
        '<!DOCTYPE html>\n<meta name="generator" content="wsg 0.0">\nthe agenda as it was\n'
    )
    (work / "out" / "summary.md").write_text("the summary as it was\n<!-- generator: wsg 0.0 -->\n")
    return work


Snapshot = bytes | dict[str, bytes] | None


def snapshot(path: Path) -> Snapshot:
    """A file's bytes, a folder's files by name, or None when there is nothing."""
    if path.is_dir():
        return {
            p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*"))
            if p.is_file()
        }
    return path.read_bytes() if path.exists() else None


def visible(work: Path) -> set[str]:
    """Every file and folder whose name, and every folder's above it, has no leading dot."""
    found = set()
    for path in work.rglob("*"):
        rel = path.relative_to(work)
        if not any(part.startswith(".") for part in rel.parts):
            found.add(rel.as_posix())
    return found


def leftovers(work: Path) -> set[str]:
    """Every file, and every hidden file or folder: all that a failed write could leave.

    An empty folder that a write created on its way (``events/2027/``) may stay.
    """
    return {
        p.relative_to(work).as_posix()
        for p in work.rglob("*")
        if p.is_file() or any(part.startswith(".") for part in p.relative_to(work).parts)
    }


def validate(work: Path) -> tuple[int, str]:
    result = run_wsg("validate", "--no-cache", "--data", str(work / "data"), "--today", TODAY)
    return result.code, result.out


# --- one call at a time: the corners the commands seldom reach --------------------------------
# Found by mutation testing (docs/mutation.md): each test below fails on a small change to
# wsg/safewrite.py that every command-level test passes with. They come first: in-process
# and quick, they judge a mutant (pytest -x) before the tests that run wsg many times.


def test_a_link_is_named_in_the_one_line_that_refuses_it(tmp_path: Path) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "linked").symlink_to(real)
    (tmp_path / "repo" / "note.txt").symlink_to(real / "note.txt")
    through_folder = tmp_path / "repo" / "linked" / "deeper" / "note.txt"
    with pytest.raises(WsgError) as folder:
        safewrite.write_text(through_folder, "x", within=tmp_path / "repo")
    assert str(folder.value) == (
        f"cannot write {through_folder}: wsg never writes through a symbolic link"
        f" ({tmp_path / 'repo' / 'linked'} is one)"
    )
    with pytest.raises(WsgError) as itself:
        safewrite.write_text(tmp_path / "repo" / "note.txt", "x", within=tmp_path / "repo")
    assert str(itself.value) == (
        f"cannot write {tmp_path / 'repo' / 'note.txt'}: wsg never writes through a symbolic link"
    )
    # without ``within``, or outside it, only the target itself is looked at: the user named
    # the path
    safewrite.write_text(through_folder, "written\n")
    safewrite.write_text(through_folder.with_name("b.txt"), "b\n", within=tmp_path / "other")
    assert (real / "deeper" / "b.txt").read_text() == "b\n"
    (real / "deeper" / "b.txt").unlink()
    assert (real / "deeper" / "note.txt").read_text() == "written\n"
    assert list(real.iterdir()) == [real / "deeper"]
    assert not (real / "note.txt").exists()


def test_a_file_turned_into_a_link_after_the_look_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record is swapped for a link (to a file with the very bytes read) between the look
    for links and the comparison: the comparison does not follow it, and nothing is written."""
    from wsg import safewrite
    from wsg.errors import WsgError

    record, elsewhere = tmp_path / "repo" / "record.yaml", tmp_path / "elsewhere.yaml"
    record.parent.mkdir()
    record.write_text("id: a\n")
    elsewhere.write_text("id: a\n")
    real_refuse_links = safewrite.refuse_links

    def look_then_swap(path: Path, within: Path | None) -> None:
        real_refuse_links(path, within)
        record.unlink()
        record.symlink_to(elsewhere)

    monkeypatch.setattr(safewrite, "refuse_links", look_then_swap)
    with pytest.raises(WsgError) as refused:
        safewrite.write_text(record, "id: b\n", expected=b"id: a\n", within=record.parent)
    assert str(refused.value) == f"cannot write {record}: Too many levels of symbolic links"
    assert record.is_symlink() and elsewhere.read_text() == "id: a\n"
    assert sorted(p.name for p in record.parent.iterdir()) == ["record.yaml"]


def test_a_private_file_is_its_owners_alone(tmp_path: Path) -> None:
    from wsg import safewrite

    umask = os.umask(0o022)
    try:
        safewrite.write_bytes(tmp_path / "key", b"secret", private=True)
        safewrite.write_bytes(tmp_path / "public", b"public")
    finally:
        os.umask(umask)
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "public").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "key").read_bytes() == b"secret"


def _folders_cannot_be_flushed(code: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """``os.fsync`` fails with ``code`` on every folder; the files it flushed, by handle."""
    real_fsync = os.fsync
    files: list[int] = []

    def fsync(handle: int) -> None:
        if stat.S_ISDIR(os.fstat(handle).st_mode):
            raise OSError(code, os.strerror(code))
        files.append(handle)
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    return files


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOTSUP, errno.EBADF])
def test_a_file_system_that_cannot_flush_folders_still_gets_the_file(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite

    files = _folders_cannot_be_flushed(code, monkeypatch)
    safewrite.write_text(tmp_path / "new" / "file.txt", "whole\n")
    assert (tmp_path / "new" / "file.txt").read_text() == "whole\n"
    assert len(files) == 1  # the file itself was flushed


def test_a_folder_that_fails_to_flush_is_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    _folders_cannot_be_flushed(errno.EIO, monkeypatch)
    # the flush of the folder comes after the rename: the name is in place, and said unsure
    target = tmp_path / "file.txt"
    with pytest.raises(WsgError) as failed:
        safewrite.write_text(target, "whole\n")
    assert str(failed.value) == f"cannot write {target}: Input/output error"
    with pytest.raises(WsgError) as failed_again:
        safewrite.write_text(target, "again\n", overwrite=True)
    assert str(failed_again.value) == f"cannot write {target}: Input/output error"
    site = tmp_path / "site"
    with pytest.raises(WsgError) as failed_site, safewrite.replace_tree(site, MARKER) as building:
        (building / "index.html").write_text("new\n")
    assert str(failed_site.value) == f"cannot write {site}: Input/output error"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "site"]  # no temporaries


def test_sync_folder_opens_only_a_folder(tmp_path: Path) -> None:
    """O_DIRECTORY: a path that became a plain file is an error, not a silent flush of it."""
    from wsg import safewrite

    (tmp_path / "file").write_text("not a folder\n")
    safewrite.sync_folder(tmp_path)
    with pytest.raises(NotADirectoryError):
        safewrite.sync_folder(tmp_path / "file")


def test_a_folder_made_meanwhile_by_another_run_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run makes the year folder between the look and the mkdir: both carry on."""
    from wsg import safewrite

    real_mkdir = os.mkdir
    raced: list[str] = []

    def mkdir_after_another_run(path: Any, *args: Any) -> None:
        if not raced:
            raced.append(os.fspath(path))
            real_mkdir(path, *args)
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), path)
        real_mkdir(path, *args)

    monkeypatch.setattr(os, "mkdir", mkdir_after_another_run)
    target = tmp_path / "events" / "2027" / "new.yaml"
    safewrite.write_text(target, "id: new\n")
    assert raced == [str(tmp_path / "events")]
    assert target.read_text() == "id: new\n"


def test_a_file_made_meanwhile_where_a_folder_goes_is_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    def mkdir_after_someone_saved_a_file(path: Any, *args: Any) -> None:
        Path(path).write_text("someone's file\n")
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), path)

    monkeypatch.setattr(os, "mkdir", mkdir_after_someone_saved_a_file)
    target = tmp_path / "events" / "new.yaml"
    with pytest.raises(WsgError) as failed:
        safewrite.write_text(target, "id: new\n")
    assert str(failed.value) == f"cannot write {target}: File exists"
    assert (tmp_path / "events").read_text() == "someone's file\n"


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK])
def test_without_hard_links_a_new_file_is_renamed_in_without_replacing(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links: renameat2 with RENAME_NOREPLACE instead."""
    from wsg import safewrite
    from wsg.errors import WsgError

    def no_hard_links(source: Any, destination: Any, *args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_hard_links)
    new = tmp_path / "new.yaml"
    safewrite.write_text(new, "id: new\n")
    assert new.read_text() == "id: new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.yaml"]  # no temporary left

    saved = tmp_path / "saved.yaml"

    def no_hard_links_and_someone_saves(source: Any, destination: Any, *a: Any, **k: Any) -> None:
        saved.write_text("someone else's\n")  # after the check, before the rename
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_hard_links_and_someone_saves)
    with pytest.raises(WsgError) as refused:
        safewrite.write_text(saved, "id: mine\n")
    assert str(refused.value) == f"{saved} exists; not overwritten"
    assert saved.read_text() == "someone else's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.yaml", "saved.yaml"]


def test_without_hard_links_or_renameat2_the_link_error_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    def no_hard_links(source: Any, destination: Any, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_hard_links)
    monkeypatch.setattr(safewrite, "_renameat2", lambda first, second, flags: False)
    target = tmp_path / "new.yaml"
    with pytest.raises(WsgError) as failed:
        safewrite.write_text(target, "id: new\n")
    assert str(failed.value) == f"cannot write {target}: Operation not permitted"
    assert list(tmp_path.iterdir()) == []


MARKER = (".wsg-site", "wsg\nThe marker of a site wsg wrote.\n")  # as wsg render site writes it


def _libc_whose_syncfs_fails(code: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The C library as ctypes sees it, but ``syncfs`` fails with ``code`` (None: there is none)."""
    real_cdll, libc = ctypes.CDLL, ctypes.CDLL(None, use_errno=True)

    class Libc:
        def __getattr__(self, name: str) -> Any:
            if name == "syncfs":
                if code is None:
                    raise AttributeError(name)
                return lambda handle: (ctypes.set_errno(code), -1)[1]
            return getattr(libc, name)

    def cdll(name: Any, *args: Any, **kwargs: Any) -> Any:
        return Libc() if name is None else real_cdll(name, *args, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", cdll)


@pytest.mark.parametrize("without", ["ENOSYS", "no syncfs", "no C library", "not ctypes' kind"])
def test_without_syncfs_every_file_and_folder_of_a_site_is_flushed(
    without: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite

    if without in ("ENOSYS", "no syncfs"):
        _libc_whose_syncfs_fails(errno.ENOSYS if without == "ENOSYS" else None, monkeypatch)
    else:
        _no_c_library(OSError if without == "no C library" else TypeError, monkeypatch)
    calls = record_calls(monkeypatch)
    site = tmp_path / "site"
    with safewrite.replace_tree(site, MARKER) as building:
        (building / "events").mkdir()
        (building / "events" / "a.html").write_text("a\n")
        (building / "index.html").write_text("index\n")
    monkeypatch.undo()
    assert not any(call.name == "syncfs" for call in calls)
    assert_durable_tree(calls, site)
    assert (site / "events" / "a.html").read_text() == "a\n"


# ENOSPC and EDQUOT: data that could not be written back; their numbers lie on both sides
# of ENOSYS, the one failure that means "no syncfs here"
@pytest.mark.parametrize("code", [errno.EIO, errno.ENOSPC, errno.EDQUOT])
def test_a_syncfs_that_fails_is_a_failed_write_and_the_old_site_stays(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    site = tmp_path / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text(MARKER[1])
    (site / "index.html").write_text("old\n")
    before = tree_state(tmp_path)
    _libc_whose_syncfs_fails(code, monkeypatch)
    with pytest.raises(WsgError) as failed, safewrite.replace_tree(site, MARKER) as building:
        (building / "index.html").write_text("new\n")
    monkeypatch.undo()
    assert str(failed.value) == f"cannot write {site}: {os.strerror(code)}"
    assert tree_state(tmp_path) == before  # nothing left beside it either


# a link is skipped (ELOOP, 40); any other failure to open a file of the tree, below or above
# that number (EIO; ESTALE, a file gone on NFS), fails the write
@pytest.mark.parametrize("code", [errno.EIO, errno.ESTALE])
def test_a_file_of_the_tree_that_cannot_be_opened_to_flush_fails_the_write(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    monkeypatch.setattr(safewrite, "_syncfs", lambda folder: False)
    real_open = os.open

    def open_failing_on_pages(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path).endswith(".html"):
            raise OSError(code, os.strerror(code), path)
        return real_open(path, flags, *args, **kwargs)

    site = tmp_path / "site"
    with pytest.raises(WsgError) as failed, safewrite.replace_tree(site, MARKER) as building:
        (building / "index.html").write_text("new\n")
        monkeypatch.setattr(os, "open", open_failing_on_pages)
    monkeypatch.undo()
    assert str(failed.value) == f"cannot write {site}: {os.strerror(code)}"
    assert list(tmp_path.iterdir()) == []


def test_a_link_in_a_tree_is_flushed_with_its_folder_and_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite

    monkeypatch.setattr(safewrite, "_syncfs", lambda folder: False)
    outside = tmp_path / "outside.txt"
    outside.write_text("not the tree's\n")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "page.html").write_text("page\n")
    (tree / "sub" / "out").symlink_to(outside)
    (tree / "dangling").symlink_to(tmp_path / "nowhere")
    flushed: list[str] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{handle}"))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    safewrite.sync_tree(tree)
    assert sorted(flushed) == [str(tree), str(tree / "sub"), str(tree / "sub" / "page.html")]


def test_a_site_keeps_its_folders_permissions_and_leaves_no_old_tree_beside_it(
    tmp_path: Path,
) -> None:
    from wsg import safewrite

    site = tmp_path / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text(MARKER[1])
    (site / "old.html").write_text("old\n")
    site.chmod(0o751)  # others may pass through, not list it
    for page in ("first", "second"):
        with safewrite.replace_tree(site, MARKER) as building:
            (building / "index.html").write_text(f"{page}\n")
        assert site.stat().st_mode & 0o777 == 0o751
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # the old tree is gone
        assert sorted(p.name for p in site.iterdir()) == [SITE_MARKER, "index.html"]
        assert (site / SITE_MARKER).read_text() == MARKER[1]


UNREADABLE_FOLDERS = r"""
import sys
from pathlib import Path
from wsg import safewrite
from wsg.errors import WsgError

base = Path(sys.argv[1])
safewrite.write_text(base / "write-only" / "note.txt", "written\n")
try:
    with safewrite.replace_tree(base / "unlisted", (".wsg-site", "wsg\n")):
        pass
except WsgError as error:
    print(error)
"""


def test_a_folder_that_may_be_written_but_not_read(tmp_path: Path) -> None:
    """A new file goes in (the folder cannot be flushed: nothing more can be done); a site
    folder that cannot be listed cannot be known as wsg's, and is refused in one line."""
    for name in ("write-only", "unlisted"):
        (tmp_path / name).mkdir(mode=0o333)
        (tmp_path / name).chmod(0o333)
    try:
        result = run_python_unprivileged("-c", UNREADABLE_FOLDERS, str(tmp_path))
    finally:
        for name in ("write-only", "unlisted"):
            (tmp_path / name).chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"cannot write {tmp_path / 'unlisted'}: Permission denied\n"
    assert (tmp_path / "write-only" / "note.txt").read_text() == "written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["unlisted", "write-only"]
    assert list((tmp_path / "unlisted").iterdir()) == []


STUCK_OLD_SITE = r"""
import sys
from pathlib import Path
from wsg import safewrite

site = Path(sys.argv[1]) / "site"
with safewrite.replace_tree(site, (".wsg-site", "wsg\n")) as building:
    (building / "index.html").write_text("new\n")
print(sorted(p.name for p in site.iterdir()))
"""


def test_an_old_site_that_cannot_be_removed_whole_is_left_hidden(tmp_path: Path) -> None:
    """The new site is in place: what is left of the old one (a folder its user locked) stays
    under a hidden name, and the render has succeeded."""
    site = tmp_path / "site"
    (site / "locked").mkdir(parents=True)
    (site / ".wsg-site").write_text("wsg\n")
    (site / "locked" / "page.html").write_text("old\n")
    (site / "locked").chmod(0o555)
    try:
        result = run_python_unprivileged("-c", STUCK_OLD_SITE, str(tmp_path))
    finally:
        for folder in tmp_path.rglob("locked"):
            folder.chmod(0o755)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "['.wsg-site', 'index.html']\n"
    assert visible(tmp_path) == {"site", "site/index.html"}
    assert [p.relative_to(tmp_path).parts[1:] for p in tmp_path.rglob("page.html")] == [
        ("locked", "page.html")
    ]


def test_a_site_under_a_file_is_one_line(tmp_path: Path) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    (tmp_path / "file").write_text("a file, not a folder\n")
    target = tmp_path / "file" / "site"
    with pytest.raises(WsgError) as failed, safewrite.replace_tree(target, MARKER):
        pass
    assert str(failed.value) == f"cannot write {target}: Not a directory"


def test_the_plain_calls_refuse_an_existing_file_and_write_for_everyone(tmp_path: Path) -> None:
    """Without ``overwrite`` or ``private``: a new file only, with the usual permissions."""
    from wsg import safewrite
    from wsg.errors import WsgError

    existing = tmp_path / "existing"
    existing.write_bytes(b"kept\n")
    umask = os.umask(0o022)
    try:
        with pytest.raises(WsgError) as refused:
            safewrite.write_bytes(existing, b"lost\n")
        assert str(refused.value) == f"{existing} exists; not overwritten"
        with pytest.raises(WsgError) as refused_too, safewrite.writing(existing) as stream:
            stream.write(b"lost\n")
        assert str(refused_too.value) == f"{existing} exists; not overwritten"
        with safewrite.writing(tmp_path / "new") as stream:
            stream.write(b"new\n")
        safewrite.write_bytes(tmp_path / "other", b"other\n")
    finally:
        os.umask(umask)
    assert existing.read_bytes() == b"kept\n"
    assert [(tmp_path / n).stat().st_mode & 0o777 for n in ("new", "other")] == [0o644, 0o644]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing", "new", "other"]


@pytest.mark.parametrize(
    ("first_line", "believed"),
    [("wsg", True), ("", False), ("ws", False), ("wsf", False), ("wsgx", False), ("x", False)],
)
def test_only_a_marker_whose_first_line_is_wsgs_is_believed(
    first_line: str, believed: bool, tmp_path: Path
) -> None:
    """Lines before and after ``wsg`` in sorted order alike: the comparison is equality."""
    from wsg import safewrite
    from wsg.errors import WsgError

    (tmp_path / ".wsg-site").write_text(f"{first_line}\nanything after the first line\n")
    (tmp_path / "index.html").write_text("a page\n")
    if believed:
        safewrite.check_replaceable(tmp_path, MARKER)
    else:
        with pytest.raises(WsgError) as refused:
            safewrite.check_replaceable(tmp_path, MARKER)
        assert str(refused.value) == (
            f"{tmp_path} is not empty and holds no .wsg-site, so wsg did not write it; "
            "nothing in it was touched: name a new or empty folder"
        )


def test_a_marker_that_cannot_be_read_is_not_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite
    from wsg.errors import WsgError

    site = tmp_path / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text(MARKER[1])
    (site / "index.html").write_text("old\n")
    monkeypatch.setattr(os, "read", _io_error)
    with pytest.raises(WsgError) as refused:
        safewrite.check_replaceable(site, MARKER)
    monkeypatch.undo()
    assert str(refused.value).startswith(f"{site} is not empty and holds no {SITE_MARKER}, ")
    safewrite.check_replaceable(site, MARKER)  # readable, it is believed


def _libc_with(name: str, function: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The C library as ctypes sees it, its ``name`` replaced (None: without it, an older glibc)."""
    real_cdll, libc = ctypes.CDLL, ctypes.CDLL(None, use_errno=True)

    class Libc:
        def __getattr__(self, wanted: str) -> Any:
            if wanted != name:
                return getattr(libc, wanted)
            if function is None:
                raise AttributeError(wanted)
            return function

    def cdll(library: Any, *args: Any, **kwargs: Any) -> Any:
        return Libc() if library is None else real_cdll(library, *args, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", cdll)


def _refused(code: int) -> Any:
    """A C function that fails with ``code``, as the kernel says it."""

    def refused(*args: Any) -> int:
        ctypes.set_errno(code)
        return -1

    return refused


def _no_c_library(error: type[Exception], monkeypatch: pytest.MonkeyPatch) -> None:
    """ctypes cannot open the C library (OSError) or takes no None for it (TypeError, Windows)."""
    real_cdll = ctypes.CDLL

    def cdll(library: Any, *args: Any, **kwargs: Any) -> Any:
        if library is None:
            raise error("no C library by that name")
        return real_cdll(library, *args, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", cdll)


def test_relative_paths_are_taken_from_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative path is the working folder's: a file written there, a site swapped in one step."""
    from wsg import safewrite

    monkeypatch.chdir(tmp_path)
    safewrite.write_text(Path("new.txt"), "new\n")
    assert (tmp_path / "new.txt").read_text() == "new\n"
    for text in ("first\n", "second\n"):
        calls = record_calls(monkeypatch)
        with safewrite.replace_tree(Path("site"), MARKER) as building:
            (building / "index.html").write_text(text)
        assert (tmp_path / "site" / "index.html").read_text() == text
    # the second time, the old site and the new one were swapped in one step
    assert [call.name for call in calls if call.name not in ("fsync", "syncfs")] == ["exchange"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "site"]


REFUSING = {"an old kernel": errno.ENOSYS, "a file system without it": errno.EINVAL}


@pytest.mark.parametrize("without", ["renameat2", "a C library", "ctypes' kind", *REFUSING])
def test_a_c_library_without_renameat2(
    without: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site is swapped in by two renames; a new file needs a hard link.

    So too where renameat2 is there and refused: ENOSYS (a kernel before 3.15) or EINVAL.
    """
    from wsg import safewrite
    from wsg.errors import WsgError

    site = tmp_path / "site"
    site.mkdir()
    (site / ".wsg-site").write_text(MARKER[1])
    (site / "old.html").write_text("old\n")
    if without == "renameat2":
        _libc_with("renameat2", None, monkeypatch)
    elif without in REFUSING:
        _libc_with("renameat2", _refused(REFUSING[without]), monkeypatch)
    else:
        _no_c_library(OSError if without == "a C library" else TypeError, monkeypatch)
    calls = record_calls(monkeypatch)
    with safewrite.replace_tree(site, MARKER) as building:
        (building / "index.html").write_text("new\n")
    assert [call.name for call in calls if call.name not in ("fsync", "syncfs")] == ["replace"] * 2
    assert sorted(p.name for p in site.iterdir()) == [SITE_MARKER, "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def no_hard_links(source: Any, destination: Any, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_hard_links)
    with pytest.raises(WsgError) as failed:
        safewrite.write_text(tmp_path / "new.txt", "new\n")
    assert str(failed.value) == f"cannot write {tmp_path / 'new.txt'}: Operation not permitted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_syncfs_failing_in_the_c_library_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error number is the one the C library set (ctypes keeps it only when asked)."""
    from wsg import safewrite
    from wsg.errors import WsgError

    real_cdll = ctypes.CDLL

    class Libc:
        def __init__(self, use_errno: bool) -> None:
            self.libc = real_cdll(None, use_errno=use_errno)

        def syncfs(self, handle: int) -> int:
            return int(self.libc.syncfs(-1))  # EBADF, set by the C library itself

        def __getattr__(self, name: str) -> Any:
            return getattr(self.libc, name)

    def cdll(library: Any, *args: Any, use_errno: bool = False, **kwargs: Any) -> Any:
        if library is None:
            return Libc(use_errno)
        return real_cdll(library, *args, use_errno=use_errno, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    ctypes.set_errno(0)
    site = tmp_path / "site"
    with pytest.raises(WsgError) as failed, safewrite.replace_tree(site, MARKER) as building:
        (building / "index.html").write_text("new\n")
    assert str(failed.value) == f"cannot write {site}: Bad file descriptor"
    assert list(tmp_path.iterdir()) == []


# --- stopped at every step -------------------------------------------------------------------

# Runs wsg and, at the N-th change it makes below a folder, kills itself with SIGKILL or
# makes that change fail with EIO. Audit hooks run just before the operation, so "at a
# rename" means "the rename has not happened". Looking up a C function counts too: the
# folder swap is one system call made through ctypes (renameat2), looked up just before.
STEPPER = r"""
import errno, os, signal, sys

folder, action, at = sys.argv[1] + os.sep, sys.argv[2], int(sys.argv[3])
log = os.open(sys.argv[4], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
CHANGES = {"open", "os.mkdir", "os.chmod", "os.rename", "os.link", "os.remove", "os.rmdir",
           "shutil.rmtree", "ctypes.dlsym"}
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT
count = 0

def is_change(event, args):
    if event not in CHANGES:
        return False
    if event == "ctypes.dlsym":
        return True
    if not isinstance(args[0], (str, bytes, os.PathLike)):
        return False
    if not os.path.abspath(os.fsdecode(args[0])).startswith(folder):
        return False
    return event != "open" or bool(args[2] & WRITING)

def hook(event, args):
    global count
    if not is_change(event, args):
        return
    count += 1
    os.write(log, f"{event}\n".encode())
    if count == at:
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

sys.addaudithook(hook)
sys.argv = ["wsg", *sys.argv[5:]]
from wsg.entry import main
main()
"""
SWAPS = ("os.rename", "os.link", "ctypes.dlsym")  # the steps that put a new version in place


def run_stepped(
    write: Write, work: Path, action: str, at: int
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    log = work.with_name(work.name + ".steps")
    command = [sys.executable, "-c", STEPPER, str(work), action, str(at), str(log)]
    result = subprocess.run(
        command + write.argv(work), capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    steps = log.read_text().split() if log.exists() else []
    return result, steps


@dataclass
class Runs:
    """A write's target before and after a run that was left alone, and that run's steps."""

    pristine: Path
    before: Snapshot
    after: Snapshot
    steps: list[str]
    baseline: tuple[int, str]  # what validate says before the run
    outcome: tuple[int, str]  # and after it

    @property
    def last_swap(self) -> int:
        """The step (1-based) of the last rename: up to it, the target must be as before."""
        return max(i for i, step in enumerate(self.steps, 1) if step in SWAPS)


def finished_run(write: Write, tmp_path: Path) -> Runs:
    pristine = prepare(tmp_path / "pristine")
    finished = tmp_path / "finished"
    shutil.copytree(pristine, finished, symlinks=True)
    result, steps = run_stepped(write, finished, "none", 0)
    assert result.returncode == 0, result.stderr
    runs = Runs(
        pristine=pristine,
        before=snapshot(pristine / write.target),
        after=snapshot(finished / write.target),
        steps=steps,
        baseline=validate(pristine),
        outcome=validate(finished),
    )
    assert runs.after != runs.before and runs.after  # the run did write something new
    assert any(step in SWAPS for step in steps)
    return runs


def kill_points(steps: list[str]) -> list[int]:
    """Every step of a short write; of a long one the first, middle, last and every swap."""
    count = len(steps)
    if count <= 8:
        return list(range(1, count + 1))
    swaps = [i for i, step in enumerate(steps, 1) if step not in ("open", "os.mkdir")]
    return sorted({1, count // 2, count, *swaps})


def _io_error(*args: object) -> Any:
    raise OSError(errno.EIO, os.strerror(errno.EIO))


@pytest.mark.parametrize("swap", ["renameat2", "two renames"])
def test_a_failing_swap_keeps_the_old_site_in_place(
    swap: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite

    work = prepare(tmp_path / "work")
    before, listing = snapshot(work / "out" / "site"), leftovers(work)
    if swap == "renameat2":
        monkeypatch.setattr(safewrite, "_exchange", _io_error)
    else:  # a system without renameat2: the old tree goes aside, the new one fails to move in
        real_replace = os.replace

        def replace_failing_to_move_the_new_tree_in(source: Any, destination: Any) -> None:
            if Path(source).name.startswith(".site.new-"):
                _io_error()
            real_replace(source, destination)

        monkeypatch.setattr(safewrite, "_exchange", lambda first, second: False)
        monkeypatch.setattr(os, "replace", replace_failing_to_move_the_new_tree_in)
    result = run_wsg(*WRITES[4].argv(work))
    monkeypatch.undo()
    assert (result.code, result.err) == (
        2,
        f"wsg: cannot write {work / 'out' / 'site'}: Input/output error\n",
    )
    assert snapshot(work / "out" / "site") == before
    assert leftovers(work) == listing


def test_without_renameat2_the_site_is_swapped_in_by_two_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite

    work = prepare(tmp_path / "work")
    expected = prepare(tmp_path / "expected")
    assert run_wsg(*WRITES[4].argv(expected)).code == 0
    monkeypatch.setattr(safewrite, "_exchange", lambda first, second: False)
    assert run_wsg(*WRITES[4].argv(work)).code == 0
    assert snapshot(work / "out" / "site") == snapshot(expected / "out" / "site")
    assert visible(work) == visible(expected)
    assert leftovers(work) == leftovers(expected)


# --- a full disk -------------------------------------------------------------------------


class _FullDisk:
    """A file open for writing on a disk with no space left."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: bytes | str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()


@pytest.mark.parametrize("write", WRITES, ids=WRITE_IDS)
def test_no_space_left_is_one_line_exit_2_and_the_target_is_as_before(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = prepare(tmp_path / "work")
    before, listing = snapshot(work / write.target), leftovers(work)
    real_open = io.open

    def full_disk_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_open(file, mode, *args, **kwargs)
        return _FullDisk(stream) if any(c in mode for c in "wax+") else stream

    monkeypatch.setattr(io, "open", full_disk_open)  # os.fdopen and Path.open go through it
    result = run_wsg(*write.argv(work))
    monkeypatch.undo()
    assert result.code == 2
    assert result.err.startswith("wsg: cannot write ")
    assert result.err.endswith(": No space left on device\n")
    assert result.err.count("\n") == 1
    assert snapshot(work / write.target) == before
    assert leftovers(work) == listing


# --- read-only files and folders ---------------------------------------------------------

# Tests run as root, and root writes through any file mode. So the commands run in a
# child process that is still root but has lost the capabilities that override file
# permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, dropped from its bounding set
# before exec): the kernel then refuses writes exactly as for an ordinary user, and
# the code path under test is the real one, os.access and EACCES included. Run as an
# ordinary user, the child needs no change.
AS_ORDINARY_USER = r"""
import contextlib, io, json, sys
from wsg.cli import main

results = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    sys.argv = ["wsg", *argv]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main()
            code = 0
        except SystemExit as exit_:
            code = exit_.code
    results.append([code, err.getvalue()])
print(json.dumps(results))
"""
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_permission_override() -> None:
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_python_unprivileged(*argv: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, *argv],
            capture_output=True,
            text=True,
            cwd=ROOT,
            preexec_fn=_drop_permission_override,
            timeout=300,
        )
    except subprocess.SubprocessError as error:  # a container that forbids dropping them
        skip_or_fail(f"cannot run without the permission-override capabilities: {error}")


def run_unprivileged(*commands: list[str]) -> list[tuple[int, str]]:
    """Each ``wsg`` command line's exit code and stderr, all run in one unprivileged child."""
    result = run_python_unprivileged("-c", AS_ORDINARY_USER, json.dumps(commands))
    assert result.returncode == 0, result.stderr
    return [(code, err) for code, err in json.loads(result.stdout)]


def test_the_child_really_cannot_write_read_only_files(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0o444)
    result = run_python_unprivileged("-c", "import sys; open(sys.argv[1], 'a')", str(locked))
    assert "PermissionError" in result.stderr


def test_read_only_files_and_folders_are_one_line_exit_2_and_stay_as_they_were(
    tmp_path: Path,
) -> None:
    work = prepare(tmp_path / "work")
    event = work / EVENT_PATH
    locked_out = work / "locked-out"
    (locked_out / "site").mkdir(parents=True)
    (locked_out / "site" / ".wsg-site").write_text("wsg\n")
    (locked_out / "site" / "index.html").write_text("a site in a read-only folder\n")
    locked_2027 = work / "data" / "events" / "2027"
    locked_2027.mkdir()
    agenda = work / "out" / "agenda.html"
    locked = [event, agenda]
    for path in locked:
        path.chmod(0o444)
    for folder in (locked_out, locked_2027):
        folder.chmod(0o555)
    before = {path: snapshot(path) for path in (event, agenda, locked_out)}
    listing = leftovers(work)
    agenda_args = ["render", "agenda", "ai-day", "-f", "html", "--data", str(work / "data")]
    commands = {
        "a read-only record": (["fmt", str(event), "--data", str(work / "data")], event),
        "a read-only output file": ([*agenda_args, "-o", str(agenda)], agenda),
        "a read-only output folder": (
            [*agenda_args, "-o", str(locked_out / "agenda.html")],
            locked_out / "agenda.html",
        ),
        "a read-only site folder": (
            ["render", "site", "--out", str(locked_out / "site"), "--data", str(work / "data")],
            locked_out / "site",
        ),
        "a read-only events folder": (
            [*WRITES[1].argv(work)],
            work / WRITES[1].target,
        ),
    }
    try:
        results = run_unprivileged(*(argv for argv, _ in commands.values()))
    finally:
        for folder in (locked_out, locked_2027):
            folder.chmod(0o755)
    for (case, (_, target)), (code, err) in zip(commands.items(), results, strict=True):
        assert code == 2, (case, err)
        assert err.startswith(f"wsg: cannot write {target}"), (case, err)
        assert err.count("\n") == 1, (case, err)
    assert {path: snapshot(path) for path in before} == before
    assert leftovers(work) == listing
    assert [path.stat().st_mode & 0o777 for path in locked] == [0o444, 0o444]


# --- never overwrite, never lose someone else's change ---------------------------------------


def test_new_event_never_overwrites_a_file_it_did_not_load(tmp_path: Path) -> None:
    write = WRITES[1]
    work = prepare(tmp_path / "work")
    target = work / write.target
    target.parent.mkdir(parents=True)
    target.write_text("id: [a draft that does not parse yet\n")  # not loaded as that event
    result = run_wsg(*write.argv(work))
    assert result.code == 2
    assert result.err == f"wsg: {target} exists; not overwritten\n"
    assert target.read_text() == "id: [a draft that does not parse yet\n"


def test_new_event_never_overwrites_a_file_written_while_it_worked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg.commands import new as command

    write = WRITES[1]
    work = prepare(tmp_path / "work")
    target = work / write.target
    real_canonical = command.canonical

    def canonical_while_someone_adds_the_file(text: str, record: Any) -> Any:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("someone else's event\n")
        return real_canonical(text, record)

    monkeypatch.setattr(command, "canonical", canonical_while_someone_adds_the_file)
    result = run_wsg(*write.argv(work))
    assert (result.code, result.err) == (2, f"wsg: {target} exists; not overwritten\n")
    assert target.read_text() == "someone else's event\n"


@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_fmt_never_writes_over_a_file_changed_since_it_was_read(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg.commands import fmt as command

    work = prepare(tmp_path / "work")
    event = work / EVENT_PATH
    listing = leftovers(work)
    real_canonical = command.canonical

    def canonical_while_someone_changes_the_file(text: str, record: Any) -> Any:
        if change == "edited":
            event.write_text(MESSY + "notes: added by someone else meanwhile\n")
        else:
            event.unlink()
        return real_canonical(text, record)

    monkeypatch.setattr(command, "canonical", canonical_while_someone_changes_the_file)
    result = run_wsg("fmt", str(event), "--data", str(work / "data"))
    assert result.code == 2
    assert result.err == f"wsg: {event} changed while wsg was working on it; not written\n"
    if change == "edited":
        assert event.read_text() == MESSY + "notes: added by someone else meanwhile\n"
    else:
        assert not event.exists()
    assert leftovers(work) <= listing


# --- what a write leaves: the usual permissions ---------------------------------------------


def test_new_files_and_the_site_get_the_usual_permissions(tmp_path: Path) -> None:
    work = prepare(tmp_path / "work")
    shutil.rmtree(work / "out")
    umask = os.umask(0o022)
    try:
        for write in WRITES[1:]:
            assert run_wsg(*write.argv(work)).code == 0, write.name
    finally:
        os.umask(umask)
    for write in WRITES[1:]:
        target = work / write.target
        expected = 0o755 if target.is_dir() else 0o644
        assert target.stat().st_mode & 0o777 == expected, write.name
    event = work / EVENT_PATH
    event.chmod(0o640)
    assert run_wsg("fmt", str(event), "--data", str(work / "data")).code == 0
    assert event.stat().st_mode & 0o777 == 0o640  # a rewritten file keeps its own


# --- the site's folder: new, empty, or one that wsg render site wrote ---------------------

SITE_MARKER = ".wsg-site"


def tree_state(folder: Path) -> dict[str, tuple[object, ...]]:
    """Every file (bytes, mode), folder (mode) and link (where it points) under ``folder``."""
    state: dict[str, tuple[object, ...]] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        info = path.lstat()
        if path.is_symlink():
            state[rel] = ("link", os.readlink(path))
        elif path.is_dir():
            state[rel] = ("folder", info.st_mode)
        else:
            state[rel] = ("file", path.read_bytes(), info.st_mode, info.st_mtime_ns)
    return state


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Secretariat", "-c", "user.email=wsg@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A clone of a repository holding the dataset, with a commit not pushed yet, and a
    folder of someone's documents beside it."""
    origin = tmp_path / "origin"
    origin.mkdir()
    make_dataset(origin, {})
    git("init", "-q", "-b", "main", cwd=origin)
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "the dataset", cwd=origin)
    git("clone", "-q", str(origin), "clone", cwd=tmp_path)
    clone = tmp_path / "clone"
    (clone / "notes.txt").write_text("not pushed yet\n")
    git("add", "-A", cwd=clone)
    git("commit", "-q", "-m", "work not pushed yet", cwd=clone)
    # files of the user's own in .git, which no clone or push would bring back
    (clone / ".git" / "hooks" / "pre-commit").write_text("#!/bin/sh\nwsg validate\n")
    (clone / ".git" / "info" / "exclude").write_text("drafts/\n")
    documents = tmp_path / "documents"
    (documents / "letters").mkdir(parents=True)
    (documents / "report.odt").write_bytes(b"PK\x03\x04 a report")
    (documents / "letters" / "to-tsag.txt").write_text("Dear TSAG,\n")
    (documents / ".hidden").write_text("a hidden file\n")
    (documents / "index.html").write_text("<p>a page I wrote myself</p>\n")
    return tmp_path


REFUSED = {
    "a folder of documents": ("documents", "holds no .wsg-site"),
    "a clone's .git": ("clone/.git", "a git repository's files"),
    "inside a clone's .git": ("clone/.git/refs", "a git repository's files"),
    "the repository root": ("clone", "would replace the dataset"),
    "the folder above it": (".", "would replace the dataset"),
    "the dataset": ("clone/data", "would replace the dataset"),
    "the dataset's events": ("clone/data/events", "would replace the dataset"),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_render_site_refuses_a_folder_it_did_not_write_and_touches_nothing(
    case: str, scratch: Path
) -> None:
    where, why = REFUSED[case]
    out = scratch / where
    before = tree_state(scratch)
    head = git("rev-parse", "HEAD", cwd=scratch / "clone")
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(scratch / "clone" / "data"),
        "--today", TODAY,
    )  # fmt: skip
    assert result.code == 2, result.err
    assert result.err.startswith(f"wsg: --out {out} ") or result.err.startswith(f"wsg: {out} ")
    assert why in result.err
    assert result.err.count("\n") == 1
    assert tree_state(scratch) == before  # every file, folder and mode, as it was
    assert git("rev-parse", "HEAD", cwd=scratch / "clone") == head
    git("fsck", "--no-progress", cwd=scratch / "clone")
    assert git("status", "--porcelain", cwd=scratch / "clone") == ""


def test_render_site_writes_a_new_an_empty_or_its_own_folder(tmp_path: Path) -> None:
    data = make_dataset(tmp_path / "repo", {})
    common = ("--data", str(data), "--today", TODAY)
    new, empty = tmp_path / "new" / "site", tmp_path / "empty"
    empty.mkdir()
    for out in (new, empty):
        assert run_wsg("render", "site", "--out", str(out), *common).code == 0
        assert (out / SITE_MARKER).read_text().startswith("wsg\n")
        assert (out / "index.html").is_file()
    (empty / "stale.html").write_text("a page of the site as it was\n")
    again = run_wsg("render", "site", "--out", str(empty), *common)
    assert again.code == 0, again.err
    assert not (empty / "stale.html").exists()  # a site wsg wrote is replaced whole
    assert tree_state(empty).keys() == tree_state(new).keys()


@pytest.mark.parametrize("forgery", ["a link to a marker", "a folder", "another text"])
def test_a_marker_that_is_not_a_plain_file_of_wsg_is_not_believed(
    forgery: str, tmp_path: Path
) -> None:
    data = make_dataset(tmp_path / "repo", {})
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("mine\n")
    elsewhere = tmp_path / "marker"
    elsewhere.write_text("wsg\n")
    if forgery == "a link to a marker":
        (out / SITE_MARKER).symlink_to(elsewhere)
    elif forgery == "a folder":
        (out / SITE_MARKER).mkdir()
    else:
        (out / SITE_MARKER).write_text("wsgx\n")
    before = tree_state(tmp_path)
    result = run_wsg("render", "site", "--out", str(out), "--data", str(data), "--today", TODAY)
    assert result.code == 2
    assert "holds no .wsg-site" in result.err
    assert tree_state(tmp_path) == before


def test_a_named_pipe_called_like_the_marker_is_refused_without_waiting(tmp_path: Path) -> None:
    # opened blocking, a FIFO waits for a writer: render site would hang forever
    data = make_dataset(tmp_path / "repo", {})
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("mine\n")
    os.mkfifo(out / SITE_MARKER)
    done = subprocess.run(
        [sys.executable, "-m", "wsg", "render", "site", "--out", str(out), "--data", str(data),
         "--today", TODAY],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "holds no .wsg-site" in done.stderr
    assert (out / "index.html").read_text() == "mine\n"
    assert stat.S_ISFIFO((out / SITE_MARKER).lstat().st_mode)


def test_a_link_named_as_the_site_folder_is_refused(tmp_path: Path) -> None:
    data = make_dataset(tmp_path / "repo", {})
    real = tmp_path / "real"
    real.mkdir()
    (real / SITE_MARKER).write_text("wsg\n")  # even a site wsg wrote: never through a link
    (real / "index.html").write_text("old\n")
    link = tmp_path / "site"
    link.symlink_to(real)
    before = tree_state(tmp_path)
    result = run_wsg("render", "site", "--out", str(link), "--data", str(data), "--today", TODAY)
    assert result.code == 2
    assert "symbolic link" in result.err
    assert tree_state(tmp_path) == before


def test_a_folder_filled_while_the_site_was_built_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg.render import site

    data = make_dataset(tmp_path / "repo", {})
    out = tmp_path / "out"
    out.mkdir()
    real_build = site.build

    def build_while_someone_saves_a_file(*args: Any, **kwargs: Any) -> int:
        (out / "draft.txt").write_text("saved while the site was built\n")
        return real_build(*args, **kwargs)

    monkeypatch.setattr(site, "build", build_while_someone_saves_a_file)
    result = run_wsg("render", "site", "--out", str(out), "--data", str(data), "--today", TODAY)
    assert result.code == 2
    assert "holds no .wsg-site" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "repo"]  # nothing left beside
    assert [p.name for p in out.iterdir()] == ["draft.txt"]


OUTPUT_REFUSED = {
    "a record": ("clone/data/groups/wsg.yaml", "inside the dataset"),
    "a new file in the dataset": ("clone/data/events/2025/agenda.md", "inside the dataset"),
    "git's own files": ("clone/.git/description", "inside a git repository's own files"),
}


@pytest.mark.parametrize("case", list(OUTPUT_REFUSED), ids=list(OUTPUT_REFUSED))
@pytest.mark.parametrize("command", ["agenda", "summary"])
def test_render_o_never_writes_into_the_dataset_or_git(
    case: str, command: str, scratch: Path
) -> None:
    """``-o`` overwrote a record with an agenda (exit 0): the secretariat's data, lost."""
    where, why = OUTPUT_REFUSED[case]
    out = scratch / where
    before = tree_state(scratch)
    args = ["agenda", "ai-day"] if command == "agenda" else ["summary", "--year", "2025"]
    result = run_wsg(
        "render", *args, "-o", str(out), "--data", str(scratch / "clone" / "data"),
        "--today", TODAY,
    )  # fmt: skip
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"wsg: -o {out} is {why}")
    assert result.err.count("\n") == 1
    assert tree_state(scratch) == before


def test_render_o_writes_beside_the_dataset(scratch: Path) -> None:
    out = scratch / "clone" / "agendas" / "ai-day.md"
    data = scratch / "clone" / "data"
    result = run_wsg("render", "agenda", "ai-day", "-o", str(out), "--data", str(data))
    assert result.code == 0, result.err
    assert out.read_text().startswith("# ")


def test_fmt_compares_the_file_again_just_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit saved while the new text is being written (after the first comparison, before
    the rename) is kept, and fmt says so: the comparison is made again at the last moment."""
    work = prepare(tmp_path / "work")
    event = work / EVENT_PATH
    listing = leftovers(work)
    real_fsync = os.fsync
    edited = MESSY + "notes: saved in the editor while wsg wrote\n"

    def fsync_while_the_editor_saves(handle: int) -> None:
        real_fsync(handle)
        if event.read_text() == MESSY:  # once: the flush of the temporary file
            event.write_text(edited)

    monkeypatch.setattr(os, "fsync", fsync_while_the_editor_saves)
    result = run_wsg("fmt", str(event), "--data", str(work / "data"))
    monkeypatch.undo()
    assert (result.code, result.err) == (
        2,
        f"wsg: {event} changed while wsg was working on it; not written\n",
    )
    assert event.read_text() == edited
    assert leftovers(work) == listing


# --- never through a symbolic link ---------------------------------------------------------
# A repository can hold links (git commits them as such): one inside the dataset or the
# repository must not send a write elsewhere. Each case: a link committed where wsg writes,
# to a folder or a file outside, and the outside found exactly as it was.

NEW_2028 = (
    "new", "event", "--title", "Quantum day", "--start", "2028-03-10", "--format", "virtual",
    "--organizer", "sg16", "--theme", "ai", "--today", TODAY,
)  # fmt: skip


def _agenda_to(output: Path, work: Path) -> tuple[str, ...]:
    return ("render", "agenda", "ai-day", "-f", "md", "-o", str(output),
            "--data", str(work / "data"), "--today", TODAY)  # fmt: skip


LINKED = {
    "new event: a year folder": (
        "data/events/2028", "folder", lambda w: (*NEW_2028, "--data", str(w / "data")),
    ),
    "new event: the file's own name": (
        "data/events/2028/2028-03-quantum-day.yaml", "file",
        lambda w: (*NEW_2028, "--data", str(w / "data")),
    ),
    "render -o: a folder of the repository": (
        "out/linked", "folder", lambda w: _agenda_to(w / "out" / "linked" / "agenda.md", w),
    ),
    "render -o: the file's own name": (
        "out/agenda.md", "file", lambda w: _agenda_to(w / "out" / "agenda.md", w),
    ),
    "render site: a folder above the site": (
        "out/linked", "folder",
        lambda w: ("render", "site", "--out", str(w / "out" / "linked" / "site"),
                   "--data", str(w / "data"), "--today", TODAY),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(LINKED), ids=list(LINKED))
def test_a_committed_link_never_sends_a_write_elsewhere(case: str, tmp_path: Path) -> None:
    where, kind, argv = LINKED[case]
    work = prepare(tmp_path / "work")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("the user's own file\n")
    link = work / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(elsewhere if kind == "folder" else elsewhere / "secret.txt")
    outside, inside = tree_state(elsewhere), tree_state(work)
    result = run_wsg(*argv(work))
    assert result.code == 2, (result.out, result.err)
    assert "symbolic link" in result.err and result.err.count("\n") == 1
    assert tree_state(elsewhere) == outside
    assert tree_state(work) == inside


def test_a_link_the_user_names_outside_the_repository_is_followed(tmp_path: Path) -> None:
    """Links above the repository, or in a path outside it, are the user's own choice."""
    work = prepare(tmp_path / "work")
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "mine").symlink_to(real)
    assert run_wsg(*_agenda_to(tmp_path / "mine" / "agenda.md", work)).code == 0
    assert (real / "agenda.md").read_text().startswith("# AI day")


def test_fmt_never_formats_a_record_behind_a_linked_folder(tmp_path: Path) -> None:
    work = prepare(tmp_path / "work")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "ai-day.yaml").write_text(MESSY)
    (work / "data" / "events" / "2024").symlink_to(elsewhere)
    listed = run_wsg("fmt", "--data", str(work / "data"))
    named = run_wsg("fmt", str(work / "data" / "events" / "2024" / "ai-day.yaml"),
                    "--data", str(work / "data"))  # fmt: skip
    assert "2024" not in listed.out
    assert named.code != 0
    assert (elsewhere / "ai-day.yaml").read_text() == MESSY


# --- templates are read from plain files, never through a link --------------------------------

SECRET = "the-secret-token-0123456789"


def _linked_templates(tmp_path: Path, how: str) -> tuple[Path, Path]:
    """A template folder in which ``how`` is a link out of it, and a secret it points to."""
    secret = tmp_path / "secret"
    (secret / "partials").mkdir(parents=True)
    (secret / "passwords.txt").write_text(f"{SECRET}\n")
    (secret / "partials" / "note.html").write_text(f"<p>{SECRET}</p>\n")
    mine = tmp_path / "mine"
    mine.mkdir()
    if how == "a linked stylesheet":
        (mine / "style.css").symlink_to(secret / "passwords.txt")
    else:  # a linked folder, reached by an include from a plain template
        (mine / "partials").symlink_to(secret / "partials")
        (mine / "index.html").write_text(
            '{% extends "base.html" %}{% block content %}'
            '{% include "partials/note.html" %}{% endblock %}'
        )
    return mine, secret


@pytest.mark.parametrize("how", ["a linked stylesheet", "a linked folder"])
def test_a_link_in_a_templates_folder_is_never_followed(how: str, tmp_path: Path) -> None:
    work = prepare(tmp_path / "work")
    mine, _ = _linked_templates(tmp_path, how)
    site = work / "out" / "site"
    before = tree_state(site)
    result = run_wsg(
        "render", "site", "--out", str(site), "--templates", str(mine),
        "--data", str(work / "data"), "--today", TODAY,
    )  # fmt: skip
    assert result.code == 2
    assert "is a symbolic link; templates are read from plain files only" in result.err
    assert result.err.count("\n") == 1
    assert tree_state(site) == before
    agenda = run_wsg(
        "render", "agenda", "ai-day", "-f", "html", "--templates", str(mine),
        "--data", str(work / "data"), "--today", TODAY,
    )  # fmt: skip
    assert SECRET not in agenda.out
    if how == "a linked stylesheet":  # the agenda page carries the stylesheet inline
        assert agenda.code == 2


def test_a_link_among_the_shipped_templates_is_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout whose ``templates/style.css`` was committed as a link to a secret."""
    from wsg.render import environment

    shipped = tmp_path / "templates"
    shutil.copytree(environment.default_templates(), shipped)
    _, secret = _linked_templates(tmp_path, "a linked stylesheet")
    (shipped / "style.css").unlink()
    (shipped / "style.css").symlink_to(secret / "passwords.txt")
    monkeypatch.setattr(environment, "default_templates", lambda: shipped)
    work = prepare(tmp_path / "work")
    site = tmp_path / "new-site"
    result = run_wsg(
        "render", "site", "--out", str(site), "--data", str(work / "data"), "--today", TODAY
    )
    assert result.code == 2
    assert f"{shipped / 'style.css'} is a symbolic link" in result.err
    assert not site.exists()


# --- durability: flushed to disk before the rename, the folder after it ----------------------
# After a crash, a renamed file must be the whole new file, never an empty or partial one:
# the file's data is flushed (fsync) before the rename. And the rename itself must not be
# undone by the crash: the folder that holds the new name is flushed after the rename (a
# flush of the folder before the rename would not hold the new name yet). A site's files
# and folders are all flushed before the tree is swapped in; a folder made for a new file
# is flushed into its parent before the file is linked into it.


@dataclass(frozen=True)
class Call:
    name: str  # fsync, syncfs, replace, rename, link or exchange
    paths: tuple[str, ...]  # what was flushed, or source and destination


def record_calls(monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """Every flush, rename, link and folder swap of the process, in order, by real path."""
    from wsg import safewrite

    calls: list[Call] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        calls.append(Call("fsync", (os.readlink(f"/proc/self/fd/{handle}"),)))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    for name in ("replace", "rename", "link"):
        real = getattr(os, name)

        def moved(source: Any, destination: Any, *args: Any, _real: Any = real,
                  _name: str = name, **kwargs: Any) -> Any:  # fmt: skip
            calls.append(Call(_name, (os.path.realpath(source), os.path.realpath(destination))))
            return _real(source, destination, *args, **kwargs)

        monkeypatch.setattr(os, name, moved)
    real_exchange = safewrite._exchange

    def exchange(first: Path, second: Path) -> bool:
        done = real_exchange(first, second)
        if done:
            calls.append(Call("exchange", (os.path.realpath(first), os.path.realpath(second))))
        return done

    monkeypatch.setattr(safewrite, "_exchange", exchange)
    real_syncfs = getattr(safewrite, "_syncfs", lambda folder: False)

    def syncfs(folder: Path) -> bool:
        done = real_syncfs(folder)
        if done:
            calls.append(Call("syncfs", (os.path.realpath(folder),)))
        return done

    monkeypatch.setattr(safewrite, "_syncfs", syncfs, raising=False)
    return calls


def _flushed(calls: list[Call]) -> set[str]:
    return {call.paths[0] for call in calls if call.name == "fsync"}


def assert_durable_file(calls: list[Call], target: Path) -> None:
    where = os.path.realpath(target)
    moves = [i for i, c in enumerate(calls) if c.name != "fsync" and c.paths[1] == where]
    assert moves, f"{target} was not renamed or linked into place"
    at = moves[-1]
    assert calls[at].paths[0] in _flushed(calls[:at]), f"{target}: not flushed before the rename"
    folder = os.path.dirname(where)
    assert folder in _flushed(calls[at + 1 :]), f"{target}: its folder not flushed after"


def assert_durable_tree(calls: list[Call], target: Path) -> None:
    where = os.path.realpath(target)
    swaps = [i for i, c in enumerate(calls) if c.name in ("exchange", "replace", "rename")
             and c.paths[1] == where]  # fmt: skip
    assert swaps, f"{target} was not swapped in"
    at = swaps[-1]
    built, flushed = calls[at].paths[0], _flushed(calls[:at])
    whole = [call for call in calls[:at] if call.name == "syncfs" and call.paths[0] == built]
    if not whole:  # no syncfs of the file system: each file and folder flushed
        inside = {os.path.join(built, p.relative_to(target)) for p in target.rglob("*")}
        assert inside and {built, *inside} <= flushed, sorted({built, *inside} - flushed)[:5]
    assert os.path.dirname(where) in _flushed(calls[at + 1 :]), f"{target}: parent not flushed"


def test_every_file_write_is_flushed_before_its_rename_and_its_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = prepare(tmp_path / "work")
    shutil.rmtree(work / "data" / "events" / "2027", ignore_errors=True)
    for write in WRITES:
        calls = record_calls(monkeypatch)
        result = run_wsg(*write.argv(work))
        monkeypatch.undo()
        monkeypatch.setenv("WSG_NO_CACHE", "1")
        assert result.code == 0, (write.name, result.err)
        target = work / write.target
        if target.is_dir():
            assert_durable_tree(calls, target)
        else:
            assert_durable_file(calls, target)
        if write.name == "new event":  # the year folder it made, flushed into events/
            made = os.path.realpath(target.parent)
            link = next(i for i, c in enumerate(calls) if c.name == "link")
            assert os.path.dirname(made) in _flushed(calls[:link])


@pytest.mark.parametrize("syncfs", ["syncfs", "no syncfs"])
def test_a_new_site_and_a_new_group_are_durable_too(
    syncfs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg import safewrite

    work = prepare(tmp_path / "work")
    site = tmp_path / "fresh" / "site"  # no folder to swap with: a plain rename
    if syncfs == "no syncfs":  # a system without it: each file and folder is flushed
        monkeypatch.setattr(safewrite, "_syncfs", lambda folder: False)
    calls = record_calls(monkeypatch)
    assert run_wsg("render", "site", "--out", str(site), "--data", str(work / "data")).code == 0
    assert any(call.name == "syncfs" for call in calls) == (syncfs == "syncfs")
    assert_durable_tree(calls, site)
    calls.clear()
    result = run_wsg("new", "group", "--id", "sg22", "--name", "Test group",
                     "--data", str(work / "data"))  # fmt: skip
    assert result.code == 0, result.err
    assert_durable_file(calls, work / "data" / "groups" / "sg22.yaml")


def test_the_caches_are_durable_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """validate's pack and the checksum key; fmt's memo; the help text kept by wsg --help."""
    from wsg import entry

    monkeypatch.delenv("WSG_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    work = prepare(tmp_path / "work")
    calls = record_calls(monkeypatch)
    assert run_wsg("validate", "--data", str(work / "data"), "--today", TODAY).code == 0
    (pack,) = (work / ".wsg-cache").glob("validate-*.pack")
    assert_durable_file(calls, pack)
    assert_durable_file(calls, tmp_path / "user-cache" / "wsg" / "key")
    calls.clear()
    assert run_wsg("fmt", "--check", "--data", str(work / "data")).code == 1
    (memo,) = (work / ".wsg-cache").glob("fmt-*")
    assert_durable_file(calls, memo)
    calls.clear()
    place = tmp_path / "user-cache" / "wsg" / "help" / "kept.txt"
    entry._keep(place, "0 o\nUsage: wsg\n")
    assert place.read_text() == "0 o\nUsage: wsg\n"
    assert_durable_file(calls, place)


# --- Runs killed or failing at each step: the slowest tests, last (pytest -x stops at a
# quicker one first)


@pytest.mark.parametrize("write", WRITES, ids=WRITE_IDS)
def test_killed_at_any_step_the_target_is_whole_and_validate_sees_no_difference(
    write: Write, tmp_path: Path
) -> None:
    runs = finished_run(write, tmp_path)
    points = kill_points(runs.steps)
    assert any(point <= runs.last_swap for point in points)
    finished = visible(runs.pristine) | visible(tmp_path / "finished")
    for point in points:
        work = tmp_path / f"killed-at-{point}"
        shutil.copytree(runs.pristine, work, symlinks=True)
        result, _ = run_stepped(write, work, "kill", point)
        where = f"killed before step {point} ({runs.steps[point - 1]}) of {len(runs.steps)}"
        assert result.returncode == -signal.SIGKILL, where
        expected = runs.before if point <= runs.last_swap else runs.after
        assert snapshot(work / write.target) == expected, where
        # what a killed run leaves behind is hidden: nothing a record reader or a site sees
        assert visible(work) <= finished, where
        # a kill after the last swap (removing a leftover) finds the run's outcome in place
        assert validate(work) == (runs.baseline if point <= runs.last_swap else runs.outcome), where


@pytest.mark.parametrize("write", WRITES, ids=WRITE_IDS)
def test_a_failing_step_is_one_line_exit_2_and_leaves_nothing_behind(
    write: Write, tmp_path: Path
) -> None:
    runs = finished_run(write, tmp_path)
    first_file = runs.steps.index("open") + 1
    renames = [i for i, step in enumerate(runs.steps, 1) if step in ("os.rename", "os.link")]
    for point in [first_file, *renames]:  # a failing renameat2: see the tests of the swap below
        work = tmp_path / f"failed-at-{point}"
        shutil.copytree(runs.pristine, work, symlinks=True)
        result, _ = run_stepped(write, work, "fail", point)
        where = f"step {point} ({runs.steps[point - 1]}) failed"
        assert result.returncode == 2, (where, result.stderr)
        assert result.stderr.startswith("wsg: cannot write "), where
        assert result.stderr.endswith(": Input/output error\n"), where
        assert result.stderr.count("\n") == 1, where
        assert snapshot(work / write.target) == runs.before, where
        assert leftovers(work) == leftovers(runs.pristine), where  # not even a hidden file
