"""A dataset as it is at a git commit, read from git's object store into memory.

Nothing is written to disk and nothing is checked out: trees are walked one
object at a time through two long-running ``git cat-file`` processes
(``--batch-check`` tells an object's type and size, ``--batch`` hands over its
bytes), so the size of a blob is known before one byte of it is read, and a
blob over the 1 MiB record limit is never loaded. Names are taken as git stores
them: a crafted tree (an entry named ``..``, two entries of one name, a
symbolic link) is reported as a stray file, never followed. Files are
classified, read and reported exactly as ``dataset.load`` does for a folder on
disk, so the findings of a revision compare with those of the working tree.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wsg.dataset import (
    MAX_FILE_SIZE,
    MAX_FOLDER_DEPTH,
    Dataset,
    SourceFile,
    kind_of,
    read_record,
    stray_message,
)
from wsg.errors import WsgError

# A real dataset is a few thousand files over decades; a tree in git can name one
# folder a million times at no cost, so what one revision may cost is bounded too.
MAX_FILES = 100_000
MAX_TOTAL_SIZE = 512 * 1024 * 1024
MAX_TREE_SIZE = 4 * 1024 * 1024  # one folder's listing: about 100,000 entries
CHUNK = 256  # object ids written to git at a time: 17 KB at most, less than a pipe holds

TREE, GITLINK, SYMLINK = "40000", "160000", "120000"
UNSAFE_NAMES = frozenset({"", ".", ".."})


def _environment() -> dict[str, str]:
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


class Git:
    """The few read-only git commands ``wsg diff`` needs, run without a shell."""

    def __init__(self, folder: Path) -> None:
        done = self.run(["rev-parse", "--show-toplevel"], cwd=folder, check=False)
        if done.returncode != 0:
            raise WsgError(f"{folder} is not in a git repository; wsg diff compares git revisions")
        self.root = Path(os.fsdecode(done.stdout.strip())).resolve()

    def run(
        self, args: list[str], cwd: Path | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        try:
            done = subprocess.run(
                ["git", *args],
                cwd=cwd or self.root,
                capture_output=True,
                shell=False,
                check=False,
                env=_environment(),
            )
        except FileNotFoundError:
            raise WsgError("git is not installed; wsg diff needs it") from None
        if check and done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise WsgError(f"git {args[0]} failed: {message[-1] if message else 'no message'}")
        return done

    def resolve(self, revision: str) -> str | None:
        """The commit a revision names, or ``None``."""
        done = self.run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
            check=False,
        )
        return done.stdout.decode("ascii").strip() if done.returncode == 0 else None

    def commit(self, revision: str) -> str:
        commit = self.resolve(revision)
        if commit is None:
            raise WsgError(f"unknown revision {revision!r}: no such commit in {self.root}")
        return commit

    def tree(self, commit: str) -> str:
        return self.run(["rev-parse", "--verify", f"{commit}^{{tree}}"]).stdout.decode().strip()


@dataclass(frozen=True)
class Entry:
    mode: str
    name: str  # as git stores it, decoded like a file name on disk
    oid: str


class Objects:
    """Objects of a repository by id: type and size first, then the bytes of small ones."""

    def __init__(self, git: Git, id_width: int) -> None:
        self.id_width = id_width  # bytes of a binary object id: 20 (SHA-1) or 32 (SHA-256)
        self.read_bytes = 0  # every byte of content handed over, for the bounds and the tests
        self._check = self._start(git, "--batch-check")
        self._batch = self._start(git, "--batch")

    @staticmethod
    def _start(git: Git, mode: str) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                ["git", "cat-file", mode],
                cwd=git.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                shell=False,
                env=_environment(),
            )
        except FileNotFoundError:
            raise WsgError("git is not installed; wsg diff needs it") from None

    def __enter__(self) -> Objects:
        return self

    def __exit__(self, *_: object) -> None:
        for process in (self._check, self._batch):
            assert process.stdin is not None and process.stdout is not None
            with suppress(OSError):  # git may have stopped already: nothing is lost
                process.stdin.close()
            process.stdout.close()
            process.wait()

    def _ask(self, process: subprocess.Popen[bytes], oids: list[str]) -> Iterator[list[str]]:
        """Each object's header, in order, after the ids are written in one go. A chunk of
        ids fits in a pipe's buffer, so writing never waits for git, whose answers wait
        for us to read them."""
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write("".join(f"{oid}\n" for oid in oids).encode("ascii"))
            process.stdin.flush()
        except OSError:
            raise WsgError("git cat-file stopped answering; is the repository readable?") from None
        for oid in oids:
            header = process.stdout.readline().decode("ascii", "replace").split()
            if len(header) != 3 or not header[2].isdigit():
                what = " ".join(header) or "no answer"
                raise WsgError(f"git cat-file: {what} (object {oid}; a shallow or partial clone?)")
            yield header

    def infos(self, oids: list[str]) -> Iterator[tuple[str, int]]:
        """Each object's type and size in bytes; nothing of their content is read."""
        for start in range(0, len(oids), CHUNK):
            for _, kind, size in self._ask(self._check, oids[start : start + CHUNK]):
                yield kind, int(size)

    def contents(self, oids: list[str]) -> Iterator[bytes]:
        """Each object's bytes, one at a time: ask only for objects whose size ``infos``
        found small enough."""
        assert self._batch.stdout is not None
        for start in range(0, len(oids), CHUNK):
            for _, _, size in self._ask(self._batch, oids[start : start + CHUNK]):
                data = self._batch.stdout.read(int(size) + 1)[:-1]  # the content, a newline
                self.read_bytes += len(data)
                yield data

    def tree(self, oid: str, where: str) -> list[Entry]:
        ((kind, size),) = self.infos([oid])
        if kind != "tree":
            raise WsgError(f"{where}: git's object {oid} is a {kind}, not a folder")
        if size > MAX_TREE_SIZE:
            raise WsgError(
                f"{where}: a folder listing of {size:,} bytes;"
                f" wsg diff reads folders of at most {MAX_TREE_SIZE:,} bytes"
            )
        try:
            return list(_tree_entries(next(self.contents([oid])), self.id_width))
        except (ValueError, UnicodeDecodeError):
            raise WsgError(f"{where}: git's tree object {oid} is damaged") from None


def _tree_entries(raw: bytes, width: int) -> Iterator[Entry]:
    """Entries of a tree object: ``<mode> <name>\\0<binary id>`` one after the other."""
    position = 0
    while position < len(raw):
        space = raw.index(b" ", position)
        nul = raw.index(b"\0", space)
        oid = raw[nul + 1 : nul + 1 + width].hex()
        yield Entry(raw[position:space].decode("ascii"), os.fsdecode(raw[space + 1 : nul]), oid)
        position = nul + 1 + width


def load(git: Git, commit: str, data_dir: Path, today: date) -> Dataset:
    """The dataset in ``data_dir`` (a folder of the working tree) as it is at ``commit``."""
    data = data_dir.resolve()
    root = data.parent
    with Objects(git, len(commit) // 2) as objects:
        tree: str | None = git.tree(commit)
        for part in data.relative_to(git.root).parts:
            assert tree is not None
            tree = _folder(objects.tree(tree, commit[:10]), part, commit)
            if tree is None:
                break  # the dataset folder did not exist yet: an empty dataset
        walk = _Walk(objects, data, commit[:10])
        files = list(walk.folder(tree, ())) if tree is not None else []
        walk.read_records()
    return Dataset(data_dir=data_dir, root=root, today=today, files=files)


def _folder(entries: list[Entry], name: str, commit: str) -> str | None:
    found = [e for e in entries if e.name == name]
    if not found:
        return None
    if len(found) > 1 or found[0].mode != TREE:
        raise WsgError(f"at {commit[:10]}, {name} is not one folder in git; it cannot be compared")
    return found[0].oid


class _Walk:
    """The files below the dataset folder, classified and read as ``dataset.discover`` does."""

    def __init__(self, objects: Objects, data: Path, commit: str) -> None:
        self.objects = objects
        self.data = data
        self.commit = commit
        self.count = 0  # files and folders met
        self.records: list[tuple[SourceFile, str]] = []  # record files met, to read
        self.planned = 0  # bytes of the record files read so far and about to be read

    def folder(self, oid: str, parts: tuple[str, ...]) -> Iterator[SourceFile]:
        listing = self.objects.tree(oid, self._rel(parts) or self.data.name)
        self.count += len(listing)
        if self.count > MAX_FILES:
            raise WsgError(
                f"at {self.commit}, the dataset holds more than {MAX_FILES:,} files and folders;"
                " wsg diff reads at most that many"
            )
        names = Counter(entry.name for entry in listing)
        folders: dict[str, Entry] = {}
        files: dict[str, Entry] = {}
        for entry in listing:
            if names[entry.name] > 1:
                yield self._stray(
                    parts,
                    entry.name,
                    f"two entries named {entry.name!r} in one folder;"
                    " git refuses to check out such a tree, and neither is read",
                )
            elif entry.name in UNSAFE_NAMES or "/" in entry.name:
                yield self._stray(
                    parts,
                    entry.name,
                    f"a name git refuses to check out ({entry.name!r}); nothing under it is read",
                )
            elif not entry.name.startswith("."):
                (folders if entry.mode in (TREE, GITLINK) else files)[entry.name] = entry
        # the order, kinds and messages of dataset.discover for a folder on disk
        for name in sorted(folders):
            if name.endswith((".yaml", ".yml")):
                yield self._stray(parts, name, stray_message(name, folder=True))
        for name in sorted(files):
            entry = files[name]
            kind = "stray" if entry.mode == SYMLINK else kind_of(parts, name)
            if kind == "stray":
                message = stray_message(name, link=entry.mode == SYMLINK)
                yield self._stray(parts, name, message)
            else:
                yield self._record(parts, entry, kind)
        for name in sorted(folders):
            entry = folders[name]
            if entry.mode == GITLINK:
                continue  # a submodule: an empty folder in a checkout
            if len(parts) >= MAX_FOLDER_DEPTH:  # nothing belongs this deep
                yield self._stray(parts, name, stray_message(name, folder=True))
            else:
                yield from self.folder(entry.oid, (*parts, name))

    def _rel(self, parts: tuple[str, ...]) -> str:
        rel = "/".join((self.data.name, *parts))
        if not rel.isprintable():  # as dataset.read_source shows a name
            rel = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in rel)
        return rel

    def _source(self, parts: tuple[str, ...], name: str, kind: str) -> SourceFile:
        # the path is where the file would be in a checkout; nothing is read from it
        return SourceFile(
            rel=self._rel((*parts, name)), path=self.data.joinpath(*parts, name), kind=kind
        )

    def _stray(self, parts: tuple[str, ...], name: str, message: str) -> SourceFile:
        source = self._source(parts, name, "stray")
        source.problems.append(("stray-file", 1, 1, message))
        return source

    def _record(self, parts: tuple[str, ...], entry: Entry, kind: str) -> SourceFile:
        source = self._source(parts, entry.name, kind)
        self.records.append((source, entry.oid))
        return source

    def read_records(self) -> None:
        """Read and parse every record file met on the walk: sizes first, then the bytes of
        those within the limits, a chunk of objects at a time."""
        for start in range(0, len(self.records), CHUNK):
            chunk = self.records[start : start + CHUNK]
            wanted = []
            for (source, oid), (kind, size) in zip(
                chunk, self.objects.infos([oid for _, oid in chunk]), strict=True
            ):
                if kind != "blob":
                    message = f"not a file: git holds a {kind} here"
                    source.problems.append(("file-encoding", 1, 1, message))
                elif size > MAX_FILE_SIZE:
                    message = (
                        f"{size:,} bytes; a record file is at most {MAX_FILE_SIZE:,} bytes (1 MiB)"
                    )
                    source.problems.append(("file-too-large", 1, 1, message))
                else:
                    wanted.append((source, oid))
                    self.planned += size
            if self.planned > MAX_TOTAL_SIZE:
                raise WsgError(
                    f"at {self.commit}, the record files add up to more than"
                    f" {MAX_TOTAL_SIZE:,} bytes; wsg diff reads at most that much"
                )
            contents = self.objects.contents([oid for _, oid in wanted])
            for (source, _), raw in zip(wanted, contents, strict=True):
                read_record(source, raw)
