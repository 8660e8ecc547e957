"""What reading each record file produced, kept so that an unchanged file is never parsed again.

An entry is the problems and the record that decoding, parsing and converting
one file produced, found by a hash of the file's path, kind and bytes. The pack
also keeps the findings of the last ``wsg validate``, with the key of that run:
a hash of every file's entry key (or, for a file that was not read, its
problems) and of ``today``. A run whose key is the same reports those findings
without taking a single record out of the pack; any other run takes out the
records and runs every rule.

Where: one pack file per dataset folder in ``.wsg-cache/`` beside that folder
(git-ignored), or in the user's cache folder (``$XDG_CACHE_HOME/wsg``, else
``~/.cache/wsg``) when that one cannot be written, or is a symbolic link.
``wsg validate`` writes it (``wsg.safewrite``: flushed, then renamed into
place); the other commands that read the dataset only read it
(``FileCache.reading``).

Trust: a pack is ignored, and the run is a cold one, unless its fingerprint
names this very tool (its version, its reference data, its source files, the
Python that pickled it, the YAML libraries and time zones it reads with) and
the checksum of its index, keyed with a secret kept
in the user's cache folder, matches; the index holds the keyed checksum of each
segment, checked when the segment is read. So a truncated, corrupt or stale
pack, or one that nobody on this account wrote (say, committed to the
repository), is never believed: a damaged segment's files are parsed again, and
the unpickler builds nothing but the model's classes and dates.

Concurrency: a pack is written to a temporary file and renamed into place, so
two runs at once each leave a whole pack; the last one wins. A file that
changes while a run reads it twice (its entry damaged) spoils that run's
findings: they are not kept.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import sys
from contextlib import suppress
from dataclasses import is_dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from wsg import __version__, model
from wsg.countries import load_reference
from wsg.entry import user_cache_dir

if TYPE_CHECKING:
    from wsg.dataset import Problem, SourceFile

Entry = tuple[list["Problem"], Any]  # the problems and the record (or None) of one file
FindingRow = tuple[str, int, int, str, str, str]  # file, line, column, rule, severity, message

FORMAT = b"WSG-PACK-3"
_HEADER = len(FORMAT) + 32 + 32 + 8  # format, fingerprint, checksum, where the index starts
_PICKLE_PROTOCOL = 5


def disabled_by_environment() -> bool:
    return os.environ.get("WSG_NO_CACHE", "") not in ("", "0")


@cache
def fingerprint() -> bytes:
    """What the cached results depend on besides the files: the tool and what it reads with.

    The tool itself (its version, source and reference data, the Python running
    it), the YAML libraries and the time-zone database (``_libraries``).
    """
    digest = hashlib.blake2b(digest_size=32)
    for part in (FORMAT.decode(), __version__, load_reference().version, sys.version):
        digest.update(part.encode() + b"\0")
    digest.update(str(_PICKLE_PROTOCOL).encode() + b"\0")
    package = Path(model.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    _libraries(digest)
    return digest.digest()


# The packages whose behaviour a finding depends on: PyYAML with the libyaml built into its
# extension module (parsing), ruamel.yaml (what ``wsg fmt`` writes), tzdata (which time zones
# exist, where the system has none or too few).
LIBRARIES = ("yaml", "ruamel.yaml", "tzdata")


def _libraries(digest: Any) -> None:
    """Feed ``digest`` with the YAML libraries' and the time-zone database's identity.

    Importing the libraries to ask their versions would cost a warm run half its time,
    so each package's own files are listed instead, with size and modification time
    (an upgrade rewrites them), and so is every zone file that ``zoneinfo`` can find
    on its search path, by name (a zone that disappears, or appears, changes the key).
    """
    from importlib.util import find_spec

    for name in LIBRARIES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):  # not installed, or hidden on purpose
            spec = None
        digest.update(f"{name}\0".encode())
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
                if entry.is_file():
                    info = entry.stat()
                    digest.update(f"{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    import zoneinfo

    for root in zoneinfo.TZPATH:
        digest.update(f"{root}\0".encode())
        for folder, subfolders, files in os.walk(root):
            subfolders.sort()
            digest.update(f"{folder}\0{'/'.join(sorted(files))}\0".encode())


_KEY_SIZE = 20


def _entry_key(rel: str, kind: str, data: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=_KEY_SIZE)
    digest.update(f"{rel}\0{kind}\0".encode())
    digest.update(data)
    return digest.digest()


_MODEL = frozenset(
    name for name, value in vars(model).items() if isinstance(value, type) and is_dataclass(value)
)


class _ModelUnpickler(pickle.Unpickler):
    """Builds the model's records and dates, and refuses everything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module == model.__name__ and name in _MODEL) or (
            module == "datetime" and name == "date"
        ):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a record class")


def _dump_segment(entries: list[Entry]) -> bytes:
    # one pickler for the segment: its memo makes a string or date that several of its
    # files repeat one object
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=_PICKLE_PROTOCOL)
    for entry in entries:
        pickler.dump(entry)
    return stream.getvalue()


class _Segment:
    """A run of entries pickled together, as found in the pack: where, which files, checksum."""

    __slots__ = ("damaged", "digest", "keys", "loaded", "offset", "size")

    def __init__(self, keys: list[bytes], offset: int, size: int, digest: bytes) -> None:
        self.keys = keys
        self.offset = offset
        self.size = size
        self.digest = digest
        self.loaded = False
        self.damaged = False


class FileCache:
    """The entries of one dataset folder: read before its files are, written after.

    The pack is a header (format, fingerprint, the index's checksum, where the index
    starts), then segments of at most ``SEGMENT`` entries pickled together, then the
    index (each segment's keys, size and checksum; the last run's key and findings).
    Segments are read and unpickled only when one of their records is asked for, and
    written a segment at a time, so the cache adds little to the memory the records
    take anyway.
    """

    SEGMENT = 512

    def __init__(self, pack: Path, secret: bytes, writing: bool = True) -> None:
        self.pack = pack
        self.secret = secret
        self.writing = writing
        self.fingerprint = fingerprint()
        self.entries: dict[bytes, Entry] = {}  # taken out of the pack, or read by this run
        self.segments: list[_Segment] = []  # of the pack as read
        self.located: dict[bytes, int] = {}  # key -> its segment, not yet unpickled
        self.source: BinaryIO | None = None  # the pack as read, open until it is written anew
        self.used: list[bytes] = []  # the keys of this run, in file order
        self.changed = False
        self.opened = False  # the pack is read on first use, inside the loader's own timing
        self.memo: tuple[bytes, list[FindingRow]] | None = None  # a run's key and findings
        self.memo_changed = False
        self.spoiled = False

    @classmethod
    def for_dataset(cls, data_dir: Path) -> FileCache | None:
        """The cache of a dataset folder, or None when it is turned off or has no place."""
        if disabled_by_environment():
            return None
        secret = _secret()
        if secret is None:
            return None
        for folder in _folders(data_dir):
            if _writable_folder(folder):
                return cls(folder / _pack_name(data_dir), secret)
        return None

    @classmethod
    def reading(cls, data_dir: Path) -> FileCache | None:
        """The cache as ``wsg validate`` left it, to read only: other commands write nothing."""
        if disabled_by_environment():
            return None
        for folder in _folders(data_dir):
            pack = folder / _pack_name(data_dir)
            if pack.is_file() and not pack.is_symlink():
                secret = _secret(create=False)
                return cls(pack, secret, writing=False) if secret is not None else None
        return None

    def key(self, source: SourceFile, data: bytes) -> bytes:
        """The key of ``source``'s bytes, kept as one of this run's."""
        if not self.opened:
            self.opened = True
            self._read()
        key = _entry_key(source.rel, source.kind, data)
        self.used.append(key)
        return key

    def holds(self, key: bytes) -> bool:
        return key in self.entries or key in self.located

    def restore(self, source: SourceFile) -> bool:
        """Fill ``source`` from its entry; False if the entry cannot be had after all."""
        assert source.key is not None
        if source.key not in self.entries:
            at = self.located.get(source.key)
            if at is None or not self._load_segment(at):
                return False
        problems, record = self.entries[source.key]
        source.problems.extend(problems)
        source.record = record
        return True

    def store(self, source: SourceFile) -> None:
        """Keep what reading ``source`` produced, under its key."""
        assert source.key is not None
        if self.writing:
            self.entries[source.key] = (list(source.problems), source.record)
            self.changed = True

    def run_key(self, sources: list[SourceFile], today: date) -> bytes:
        """What the findings of a run depend on: every file (its key, or its problems) and today.

        The tool itself is in the pack's fingerprint.
        """
        digest = hashlib.blake2b(digest_size=32)
        digest.update(today.isoformat().encode())
        for source in sources:
            digest.update(f"\0{source.rel}\0{source.kind}\0".encode("utf-8", "surrogateescape"))
            digest.update(source.key if source.key is not None else repr(source.problems).encode())
        return digest.digest()

    def findings(self, run: bytes) -> list[FindingRow] | None:
        """The findings of an earlier run on the very same files, if the pack holds them."""
        if self.memo is not None and self.memo[0] == run and not self.spoiled:
            return self.memo[1]
        return None

    def keep_findings(self, run: bytes, rows: list[FindingRow]) -> None:
        if self.writing and not self.spoiled:
            self.memo = (run, rows)
            self.memo_changed = True

    def spoil(self) -> None:
        """A file changed while it was read: this run's findings are not kept."""
        self.spoiled = True

    def save(self) -> None:
        """Write the pack if this run read anything new; never fail the run for it."""
        try:
            if not self.writing:
                return
            used = set(self.used)
            kept = [s for s in self.segments if not s.damaged and used.issuperset(s.keys)]
            if self.changed or self.memo_changed or len(kept) < len(self.segments):
                self._write(kept)
        finally:
            self.close()

    def close(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None

    def _write(self, kept: list[_Segment]) -> None:
        """The kept segments as they are, then this run's other entries, to a new pack."""
        in_kept = {key for segment in kept for key in segment.keys}
        fresh = [key for key in dict.fromkeys(self.used) if key not in in_kept]
        for key in fresh:  # an entry of a segment that is not kept whole: take it out first
            if key not in self.entries:
                at = self.located.get(key)
                if at is None or not self._load_segment(at):
                    return  # a damaged segment: the pack is left as it is
        from wsg import safewrite  # a run that changes nothing writes nothing
        from wsg.errors import WsgError

        try:
            with safewrite.writing(
                self.pack, overwrite=True, within=self.pack.parent, private=True
            ) as out:
                out.write(bytes(_HEADER))
                index: list[tuple[list[bytes], int, bytes]] = []

                def put(keys: list[bytes], content: bytes) -> None:
                    out.write(content)
                    index.append((keys, len(content), self._digest(content)))

                for segment in kept:
                    content = self._segment_bytes(segment)
                    if content is not None:
                        put(segment.keys, content)
                for start in range(0, len(fresh), self.SEGMENT):
                    keys = fresh[start : start + self.SEGMENT]
                    put(keys, _dump_segment([self.entries[key] for key in keys]))
                index_at = out.tell()
                tail = pickle.dumps((index, self.memo), protocol=_PICKLE_PROTOCOL)
                out.write(tail)
                out.seek(0)
                out.write(FORMAT + self.fingerprint + self._digest(tail, index_at))
                out.write(index_at.to_bytes(8, "little"))
        except WsgError:  # never fail the run for its cache
            return

    def _digest(self, content: bytes, index_at: int | None = None) -> bytes:
        """The keyed checksum of a segment, or of the index (with where it starts)."""
        digest = hashlib.blake2b(self.fingerprint, digest_size=32, key=self.secret)
        if index_at is not None:
            digest.update(index_at.to_bytes(8, "little"))
        digest.update(content)
        return digest.digest()

    def _read(self) -> None:
        try:
            source = self.pack.open("rb")
        except OSError:
            return
        try:
            self._read_index(source)
        except Exception:  # any damage at all: the run is a cold one
            self.segments, self.located, self.memo = [], {}, None
        if self.segments:
            self.source = source  # kept open: segments are read on demand, and copied
        else:
            source.close()

    def _read_index(self, source: BinaryIO) -> None:
        """The header and the index; each segment is checked when it is read."""
        header = source.read(_HEADER)
        size = len(FORMAT)
        if len(header) < _HEADER or header[:size] != FORMAT:
            return
        if header[size : size + 32] != self.fingerprint:
            return
        index_at = int.from_bytes(header[size + 64 :], "little")
        source.seek(index_at)
        tail = source.read()
        if not hmac.compare_digest(self._digest(tail, index_at), header[size + 32 : size + 64]):
            return
        index, memo = _ModelUnpickler(io.BytesIO(tail)).load()
        offset = _HEADER
        for keys, length, digest in index:
            for key in keys:
                self.located[key] = len(self.segments)
            self.segments.append(_Segment(keys, offset, length, digest))
            offset += length
        self.memo = memo

    def _segment_bytes(self, segment: _Segment) -> bytes | None:
        """A segment as written, or None if it is not (short, or changed since)."""
        assert self.source is not None
        try:
            self.source.seek(segment.offset)
            content = self.source.read(segment.size)
        except OSError:
            return None
        if hmac.compare_digest(self._digest(content), segment.digest):
            return content
        return None

    def _load_segment(self, at: int) -> bool:
        """Take a segment's entries out of the pack; False if it is damaged."""
        segment = self.segments[at]
        if segment.loaded:
            return True
        content = self._segment_bytes(segment) if not segment.damaged else None
        if content is None:
            segment.damaged = True
            return False
        unpickler = _ModelUnpickler(io.BytesIO(content))
        entries = {}
        try:
            for key in segment.keys:
                entries[key] = unpickler.load()
        except Exception:  # checked, yet not what this tool writes: never believed
            segment.damaged = True
            return False
        self.entries.update(entries)
        segment.loaded = True
        return True


class FormatMemo:
    """What ``wsg fmt`` found of each file: canonical, or not, so it need not format it again.

    Formatting a file (ruamel.yaml's round trip) costs about a hundred times reading
    it, so ``wsg fmt`` keeps its verdict on each file it formatted, found by a hash
    of the file's path, kind and bytes as the pack's entries are: canonical, or
    would change (``wsg fmt --check`` says so again without formatting; ``wsg fmt``
    needs the new text and formats it). A file it skipped is not kept. The memo is
    one small file beside the pack, under the same fingerprint (the tool and
    ruamel.yaml among what it reads with) and with a checksum keyed with the same
    secret: a memo of another version, or one nobody on this account wrote, is
    never believed.
    """

    FORMAT = b"WSG-FMT-1"
    _CANONICAL, _CHANGES = b"c", b"x"

    def __init__(self, path: Path, secret: bytes) -> None:
        self.path = path
        self.secret = secret
        self.known = self._read()  # as the memo file has them
        self.seen: dict[bytes, bool] = {}  # this run's verdicts

    @classmethod
    def for_dataset(cls, data_dir: Path) -> FormatMemo | None:
        """The memo of a dataset folder, or None when the cache is turned off or has no place."""
        if disabled_by_environment():
            return None
        secret = _secret()
        if secret is None:
            return None
        name = _pack_name(data_dir).replace("validate-", "fmt-").replace(".pack", ".memo")
        for folder in _folders(data_dir):
            if _writable_folder(folder):
                return cls(folder / name, secret)
        return None

    @staticmethod
    def key(rel: str, kind: str, data: bytes) -> bytes:
        return _entry_key(rel, kind, data)

    def canonical(self, key: bytes) -> bool | None:
        """Whether the file of ``key`` is canonical, if an earlier run found out."""
        verdict = self.known.get(key)
        if verdict is not None:
            self.seen[key] = verdict
        return verdict

    def add(self, key: bytes, canonical: bool) -> None:
        self.seen[key] = canonical

    def save(self, whole: bool) -> None:
        """Keep this run's verdicts; after a run over the whole dataset, those alone."""
        keep = self.seen if whole else {**self.known, **self.seen}
        if keep == self.known:
            return
        from wsg import safewrite
        from wsg.errors import WsgError

        body = b"".join(
            key + (self._CANONICAL if canonical else self._CHANGES)
            for key, canonical in sorted(keep.items())
        )
        content = self.FORMAT + fingerprint() + self._digest(body) + body
        with suppress(WsgError):  # never fail the run for its cache
            safewrite.write_bytes(
                self.path, content, overwrite=True, within=self.path.parent, private=True
            )

    def _digest(self, body: bytes) -> bytes:
        return hashlib.blake2b(fingerprint() + body, digest_size=32, key=self.secret).digest()

    def _read(self) -> dict[bytes, bool]:
        try:
            handle = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(handle, "rb") as stream:
                content = stream.read()
        except OSError:
            return {}
        size, entry = len(self.FORMAT), _KEY_SIZE + 1
        body = content[size + 64 :]
        if (
            content[:size] != self.FORMAT
            or content[size : size + 32] != fingerprint()
            or not hmac.compare_digest(content[size + 32 : size + 64], self._digest(body))
            or len(body) % entry
        ):
            return {}
        return {
            body[at : at + _KEY_SIZE]: body[at + _KEY_SIZE : at + entry] == self._CANONICAL
            for at in range(0, len(body), entry)
        }


def _folders(data_dir: Path) -> list[Path]:
    """Where a dataset's pack may be: beside the dataset, else in the user's cache folder.

    A ``.wsg-cache`` that is a symbolic link (a repository can hold one) is passed over:
    it could send the pack anywhere.
    """
    beside = data_dir.resolve().parent / ".wsg-cache"
    return [beside, user_cache_dir()] if not beside.is_symlink() else [user_cache_dir()]


def _pack_name(data_dir: Path) -> str:
    digest = hashlib.blake2b(os.fsencode(data_dir.resolve()), digest_size=8).hexdigest()
    return f"validate-{digest}.pack"


def _writable_folder(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _secret(create: bool = True) -> bytes | None:
    """The key of this account's checksums, made on first use; None if it has no place."""
    path = user_cache_dir() / "key"
    try:
        secret = path.read_bytes()
        if len(secret) == 32:
            return secret
    except OSError:
        pass
    if not create:
        return None
    from wsg import safewrite
    from wsg.errors import WsgError

    with suppress(WsgError):  # first writer wins: a run that loses reads the winner's key
        safewrite.write_bytes(path, os.urandom(32), within=path.parent, private=True)
    try:
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) == 32 else None
