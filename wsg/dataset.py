"""Load a dataset folder: every file read once, every problem kept as a value.

``load`` never raises for bad data: a file that cannot be read or parsed still
appears, with its problems, and the records of the others are all there.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from wsg.errors import WsgError
from wsg.kinds import Context, Record
from wsg.model import Event, Group, Policy, Theme, Topic
from wsg.schema import EVENT, GROUP, TOPIC, WSG_GROUP
from wsg.yamltree import Mapping, parse

if TYPE_CHECKING:
    from wsg.cache import FileCache

MAX_FILE_SIZE = 1024 * 1024
MAX_FOLDER_DEPTH = 8  # below the dataset folder; events/<year>/ is 2
WSG_FILE = "groups/wsg.yaml"
# A .yaml file where no record belongs (directly in the dataset folder, in a folder of
# its own): its keys say what it is, and ``wrong-folder`` says where it belongs.
MISPLACED = "misplaced"

Problem = tuple[str, int, int, str]  # rule, line, column, message


@dataclass
class SourceFile:
    rel: str  # as shown to users: relative to the folder holding the dataset folder
    path: Path
    kind: str  # where it is: "event", "group", "topic", MISPLACED or "stray"
    problems: list[Problem] = field(default_factory=list)
    record: Event | Group | Topic | None = None
    key: bytes | None = None  # the cache's key of its bytes, when a cache is in use
    pending: bool = False  # its problems and record are in the cache, not taken out yet


@dataclass
class Dataset:
    data_dir: Path
    root: Path
    today: date
    files: list[SourceFile]
    events: list[Event] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    def __post_init__(self) -> None:
        for source in self.files:
            if isinstance(source.record, Event):
                self.events.append(source.record)
            elif isinstance(source.record, Group):
                self.groups.append(source.record)
            elif isinstance(source.record, Topic):
                self.topics.append(source.record)
        self.event_ids: dict[str, Event] = {}
        for event in self.events:
            if event.id is not None:
                self.event_ids.setdefault(event.id, event)
        self.group_ids: dict[str, Group] = {}
        for group in self.groups:
            if group.id is not None:
                self.group_ids.setdefault(group.id, group)
        self.wsg: Group | None = next(
            (s.record for s in self.files if s.rel.endswith("/" + WSG_FILE) and s.record),
            None,
        )  # type: ignore[assignment]
        self.themes: dict[str, Theme] = {}
        if self.wsg is not None:
            for theme in self.wsg.themes:
                if theme.id is not None:
                    self.themes.setdefault(theme.id, theme)

    @property
    def policy(self) -> Policy:
        if self.wsg is not None and self.wsg.policy is not None:
            return self.wsg.policy
        return Policy()

    def event(self, event_id: str) -> Event | None:
        return self.event_ids.get(event_id)


def find_data_dir(data: str | None, here: Path | None = None) -> Path:
    """The dataset folder: --data, else WSG_DATA, else the ``data/`` folder of the nearest
    folder, from ``here`` (the current one) upward, that holds a dataset (like git)."""
    given = data or os.environ.get("WSG_DATA")
    if given:
        path = Path(given)
        if not path.is_dir():
            raise WsgError(f"no dataset found: {path} is not a folder")
        if not _is_dataset(path):
            raise WsgError(f"no dataset found: {path} holds neither events/ nor groups/")
        return path
    start = Path.cwd() if here is None else here
    for folder in (start, *start.resolve().parents):
        candidate = folder / "data"
        if _is_dataset(candidate):
            # as the user would write it: ./data from the root, an absolute path from below
            return Path("data") if folder == start and here is None else candidate
    raise WsgError(
        "no dataset found: no data/ folder with events/ or groups/ here or in any folder "
        "above; run inside the dataset's repository, or pass --data FOLDER"
    )


def _is_dataset(path: Path) -> bool:
    return (path / "events").is_dir() or (path / "groups").is_dir()


def load(data_dir: Path, today: date, cache: FileCache | None = None) -> Dataset:
    """Every file of the dataset; with a ``cache``, unchanged files are not parsed again."""
    reading = read(data_dir, today, cache)
    try:
        return reading.dataset()
    finally:
        if cache is not None:
            cache.save()


def read(data_dir: Path, today: date, cache: FileCache | None = None) -> Reading:
    """Every file of the dataset read; what the cache holds stays there until asked for."""
    resolved = data_dir.resolve()
    root = resolved.parent
    with _collector_paused():
        files = [read_source(path, kind, root, cache) for path, kind in discover(resolved)]
    return Reading(data_dir=data_dir, root=root, today=today, files=files, cache=cache)


@dataclass
class Reading:
    """The files of a dataset as read: their bytes known, their records maybe in the cache."""

    data_dir: Path
    root: Path
    today: date
    files: list[SourceFile]
    cache: FileCache | None

    def dataset(self) -> Dataset:
        """The dataset, every record taken out of the cache or parsed."""
        with _collector_paused():
            for source in self.files:
                if source.pending:
                    source.pending = False
                    assert self.cache is not None
                    if not self.cache.restore(source):
                        _read_again(source, self.cache)
        return Dataset(data_dir=self.data_dir, root=self.root, today=self.today, files=self.files)


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Loading makes hundreds of thousands of long-lived objects and no reference cycles:
    # the cycle collector would only walk them over and over, during loading and after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def chosen(paths: list[str], data_dir: Path) -> list[str]:
    """The given files and folders of the dataset, relative to the folder holding it."""
    resolved = data_dir.resolve()
    wanted = []
    for raw in paths:
        if not raw:  # Path("") is the current folder: an empty argument must not mean it
            raise WsgError(
                "a PATH given is empty: name a file or folder of the dataset, or none for all"
            )
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise WsgError(f"{raw}: no such file or folder")
        absolute = path.parent.resolve() / path.name if path.is_symlink() else path.resolve()
        if absolute != resolved and resolved not in absolute.parents:
            raise WsgError(f"{raw} is outside the dataset folder {data_dir}")
        wanted.append(absolute.relative_to(resolved.parent).as_posix())
    return wanted


def covers(wanted: list[str], rel: str) -> bool:
    """Whether ``rel`` is one of the ``chosen`` files or inside one of its folders."""
    return any(rel == w or rel.startswith(w + "/") for w in wanted)


def discover(data_dir: Path) -> Iterator[tuple[Path, str]]:
    """Every file below the dataset folder, sorted, with what it should be."""
    return _discover(data_dir, ())


def _discover(here: Path, parts: tuple[str, ...]) -> Iterator[tuple[Path, str]]:
    # os.walk's order and rules (symbolic links to folders listed, never entered), with
    # the directory entries' own file types instead of a stat call per file
    try:
        with os.scandir(here) as listing:
            entries = list(listing)
    except OSError:
        return
    folders: dict[str, os.DirEntry[str]] = {}
    files: dict[str, os.DirEntry[str]] = {}
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (folders if is_dir else files)[entry.name] = entry
    names = sorted(name for name in folders if not name.startswith("."))
    for name in names:
        if folders[name].is_symlink() or name.endswith((".yaml", ".yml")):
            yield here / name, "stray"
    for name in sorted(files):
        if name.startswith("."):
            continue
        yield here / name, "stray" if files[name].is_symlink() else kind_of(parts, name)
    for name in names:
        if folders[name].is_symlink():
            continue
        if len(parts) >= MAX_FOLDER_DEPTH:  # nothing belongs this deep, and recursion must end
            yield here / name, "stray"
        else:
            yield from _discover(here / name, (*parts, name))


def kind_of(parts: tuple[str, ...], name: str) -> str:
    """What a plain file called ``name`` in the folder ``parts`` of the dataset should be
    (``wsg diff`` classifies the files of a git tree with it too)."""
    if not name.endswith(".yaml"):
        return "stray"
    if parts[:1] == ("events",):
        return "event"
    if parts == ("groups",):
        return "group"
    if parts == ("topics",):
        return "topic"
    return MISPLACED


def read_source(path: Path, kind: str, root: Path, cache: FileCache | None = None) -> SourceFile:
    text, top = str(path), str(root) + os.sep
    if os.sep == "/" and text.startswith(top) and top != "//":
        rel = text[len(top) :]  # the same as relative_to, without parsing paths again
    else:
        rel = path.relative_to(root).as_posix()
    if not rel.isprintable():  # a newline, a bidi override or a byte that is not UTF-8
        rel = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in rel)
    source = SourceFile(rel=rel, path=path, kind=kind)
    if kind == "stray":
        source.problems.append(("stray-file", 1, 1, _stray_message(path)))
        return source
    raw = _read_bytes(path, source)
    if raw is None:
        return source
    if cache is not None:
        source.key = cache.key(source, raw)
        if cache.holds(source.key):
            source.pending = True
            return source
    _read_record(source, raw)
    if cache is not None:
        cache.store(source)
    return source


def _read_again(source: SourceFile, cache: FileCache) -> None:
    """Parse a file whose cache entry turned out damaged, from its bytes as they are now."""
    raw = _read_bytes(source.path, source)
    if raw is None:
        cache.spoil()  # it changed since it was first read: this run's findings are not kept
        return
    key = cache.key(source, raw)
    if key != source.key:
        cache.spoil()
        source.key = key
    _read_record(source, raw)
    cache.store(source)


def read_record(source: SourceFile, raw: bytes) -> None:
    """Read a record file whose bytes come from elsewhere than the disk (git, for wsg diff)."""
    _read_record(source, raw)


def _read_record(source: SourceFile, raw: bytes) -> None:
    """Decode, parse and convert the bytes of a record file: all that the cache keeps."""
    _convert(source, raw)
    if source.kind == MISPLACED and source.record is None:
        # not readable as a record at all: what is wrong inside is not the dataset's business
        source.problems[:] = [("stray-file", 1, 1, stray_message(source.path.name))]


def _convert(source: SourceFile, raw: bytes) -> None:
    data = check_encoding(raw, source)
    if data is None:
        return
    tree, parse_problems = parse(data)
    source.problems.extend((p.rule, p.line, p.column, p.message) for p in parse_problems)
    if tree is None:
        if not parse_problems:
            source.problems.append(
                ("not-a-mapping", 1, 1, "the file holds no record; write a mapping such as 'id: …'")
            )
        return
    if not isinstance(tree, Mapping):
        what = "a list" if hasattr(tree, "items") else "a single value"
        source.problems.append(
            (
                "not-a-mapping",
                tree.line,
                tree.column,
                f"the file holds {what}; a record is a mapping of keys such as 'id: …'",
            )
        )
        return
    kind = recognize(source.kind, tree)
    if kind is None:  # a .yaml where no record belongs, and not a record either
        return
    ctx = Context(source.rel)
    source.record = definition(kind, source.path.name).convert(tree, ctx)
    source.problems.extend(ctx.problems)


def definition(kind: str, name: str) -> Record:
    """The record definition of a ``kind`` of record in a file called ``name``."""
    if kind == "event":
        return EVENT
    if kind == "topic":
        return TOPIC
    return WSG_GROUP if name == "wsg.yaml" else GROUP


def definition_of(record: Event | Group | Topic, name: str) -> Record:
    """The record definition a file called ``name`` was read with, known by its record."""
    if isinstance(record, Event):
        return EVENT
    return TOPIC if isinstance(record, Topic) else definition("group", name)


def _only_keys(kind: str) -> frozenset[str]:
    """The top-level keys that only a ``kind`` of record has."""
    others = [d for k, d in _DEFINITIONS.items() if k != kind]
    return frozenset(
        name
        for name in _DEFINITIONS[kind].by_name
        if not any(name in other.by_name for other in others)
    )


_DEFINITIONS = {"event": EVENT, "group": WSG_GROUP, "topic": TOPIC}
_ONLY_KEYS = {kind: _only_keys(kind) for kind in _DEFINITIONS}


def recognize(place: str, tree: Mapping) -> str | None:
    """What kind of record a file at ``place`` holds: its folder's kind, unless its keys are
    all another kind's (a group saved under events/); for a file where no record belongs,
    the kind whose own keys it has most of, if one has more than the others."""
    keys = {key.value for key, _ in tree.pairs}
    score = {kind: len(keys & only) for kind, only in _ONLY_KEYS.items()}
    ranked = sorted(score, key=score.__getitem__, reverse=True)
    best = ranked[0] if score[ranked[0]] > score[ranked[1]] else None
    if place in score and (score[place] > 0 or best is None):
        return place
    return best


def _stray_message(path: Path) -> str:
    return stray_message(path.name, link=path.is_symlink(), folder=path.is_dir())


def stray_message(name: str, link: bool = False, folder: bool = False) -> str:
    """Why a file (or a ``folder``, or a symbolic ``link``) called ``name`` is no record."""
    path = PurePosixPath(name)
    if link:
        return "a symbolic link; links are not followed: put the record itself here"
    if folder and path.suffix not in (".yaml", ".yml"):
        return "a folder nested too deep: the dataset holds events/<year>/, groups/ and topics/"
    if folder:
        return "a folder named like a record file; records are files"
    if path.suffix == ".yml":
        return f"records end in .yaml; rename it to {path.stem}.yaml"
    if path.suffix == ".yaml":
        return (
            "not a record location, and its keys are not those of an event, a group or a topic: "
            "events go in events/<year>/, groups in groups/, topics in topics/"
        )
    return (
        "not a record: the dataset holds only .yaml files under events/<year>/, groups/ and topics/"
    )


# Non-blocking: opening a pipe named *.yaml must not wait for a writer (it is then
# reported by its type); for a plain file the flag changes nothing.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_NOT_PLAIN = "not a plain file (a pipe, socket or device); a record is a text file"


def _read_bytes(path: Path, source: SourceFile) -> bytes | None:
    # one open, one fstat and one read per file: a warm run reads every file of the dataset
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        plain = True
        with suppress(OSError):
            plain = stat.S_ISREG(os.stat(path).st_mode)  # a socket cannot be opened at all
        message = f"cannot be read: {error.strerror}" if plain else _NOT_PLAIN
        source.problems.append(("file-encoding", 1, 1, message))
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            source.problems.append(("file-encoding", 1, 1, _NOT_PLAIN))
            return None
        size = info.st_size
        if size > MAX_FILE_SIZE:
            source.problems.append(
                (
                    "file-too-large",
                    1,
                    1,
                    f"{size:,} bytes; a record file is at most {MAX_FILE_SIZE:,} bytes (1 MiB)",
                )
            )
            return None
        # as much as fstat saw and a byte more (asking for 1 MiB each time would make Python
        # allocate and free a 1 MiB buffer per file); a file that grew is read on to the limit
        data = _read_up_to(handle, size + 1)
        if len(data) > size:
            data += _read_up_to(handle, MAX_FILE_SIZE + 1 - len(data))
    except OSError as error:
        source.problems.append(("file-encoding", 1, 1, f"cannot be read: {error.strerror}"))
        return None
    finally:
        os.close(handle)
    if len(data) > MAX_FILE_SIZE:
        source.problems.append(("file-too-large", 1, 1, "the file grew past 1 MiB while read"))
        return None
    return data


def _read_up_to(handle: int, count: int) -> bytes:
    chunks = []
    while count > 0:
        chunk = os.read(handle, count)
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def check_encoding(data: bytes, source: SourceFile) -> bytes | None:
    """UTF-8 without NUL bytes; a UTF-8 BOM is reported and then ignored."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        source.problems.append(
            ("file-encoding", 1, 1, "the file is UTF-16; save it as UTF-8 (without BOM)")
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        source.problems.append(
            (
                "file-encoding",
                1,
                1,
                "the file starts with a byte-order mark; save it as UTF-8 without BOM",
            )
        )
        data = data[3:]
    nul = data.find(b"\0")
    if nul >= 0:
        line, column = _position(data, nul)
        source.problems.append(
            ("file-encoding", line, column, "binary data (a NUL byte); a record file is UTF-8 text")
        )
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        byte = data[error.start]
        # every byte is a Latin-1 character: show what the editor probably meant
        guess = f" (as Latin-1 it would read {bytes([byte]).decode('latin-1')!r})"
        source.problems.append(
            (
                "file-encoding",
                line,
                column,
                f"not UTF-8: byte 0x{byte:02X}{guess}; save the file as UTF-8",
            )
        )
        return None
    return data


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column
