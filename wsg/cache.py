"""What reading each record file produced, kept so that an unchanged file is never parsed again.

An entry is the problems and the record that decoding, parsing and converting
one file produced, found by a hash of the file's path, kind and bytes. The
findings of the dataset rules are never kept: every run computes them from the
records, so only what one file alone decides comes from the cache.

Where: one pack file per dataset folder in ``.wsg-cache/`` beside that folder
(git-ignored), or in the user's cache folder (``$XDG_CACHE_HOME/wsg``, else
``~/.cache/wsg``) when that one cannot be written. ``wsg validate`` writes it;
the other commands that read the dataset only read it (``FileCache.reading``).

Trust: a pack is ignored, and the run is a cold one, unless its fingerprint
names this very tool (its version, its reference data, its source files, the
Python that pickled it) and its checksum, keyed with a secret kept in the
user's cache folder, matches. So a truncated, corrupt or stale pack, or one
that nobody on this account wrote (say, committed to the repository), is never
believed, and the unpickler builds nothing but the model's classes and dates.

Concurrency: a pack is written to a temporary file and renamed into place, so
two runs at once each leave a whole pack; the last one wins.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import fields, is_dataclass
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from wsg import __version__, model
from wsg.countries import load_reference
from wsg.entry import user_cache_dir

if TYPE_CHECKING:
    from wsg.dataset import Problem, SourceFile

Entry = tuple[list["Problem"], Any]  # the problems and the record (or None) of one file

FORMAT = b"WSG-PACK-1"
_HEADER = len(FORMAT) + 32 + 32 + 8  # format, fingerprint, checksum, where the index starts
_PICKLE_PROTOCOL = 5


def disabled_by_environment() -> bool:
    return os.environ.get("WSG_NO_CACHE", "") not in ("", "0")


@cache
def fingerprint() -> bytes:
    """What the cached results depend on besides the files: the tool itself."""
    digest = hashlib.blake2b(digest_size=32)
    for part in (FORMAT.decode(), __version__, load_reference().version, sys.version):
        digest.update(part.encode() + b"\0")
    digest.update(str(_PICKLE_PROTOCOL).encode() + b"\0")
    package = Path(model.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


def _entry_key(rel: str, kind: str, data: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{rel}\0{kind}\0".encode())
    digest.update(data)
    return digest.digest()


def _makers(classes: list[type]) -> dict[type, Callable[..., Any]]:
    """For each class, a function that builds one from its field values, in field order.

    Pickle's own way sets a slotted object's fields one by one from a dict; these
    compiled functions do the same with about half the work.
    """
    source = []
    for cls in classes:
        names = [spec.name for spec in fields(cls)]
        source += [f"def make_{cls.__name__}({', '.join(names)}):"]
        source += [f"    made_ = new({cls.__name__})"]  # no field ends in an underscore
        source += [f"    made_.{name} = {name}" for name in names]
        source += ["    return made_"]
    namespace: dict[str, Any] = {"new": object.__new__, **{cls.__name__: cls for cls in classes}}
    exec("\n".join(source), namespace)
    makers = {cls: namespace[f"make_{cls.__name__}"] for cls in classes}
    for maker in makers.values():
        maker.__module__ = __name__
    return makers


_MODEL = [
    value for value in vars(model).values() if isinstance(value, type) and is_dataclass(value)
]
_MAKERS = {
    cls: (maker, attrgetter(*(spec.name for spec in fields(cls))))
    for cls, maker in _makers(_MODEL).items()
}
globals().update({maker.__name__: maker for maker, _ in _MAKERS.values()})
_MAKER_NAMES = frozenset(maker.__name__ for maker, _ in _MAKERS.values())


class _ModelPickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        made = _MAKERS.get(type(obj))
        if made is None:
            return NotImplemented
        maker, values = made
        return maker, values(obj)


class _ModelUnpickler(pickle.Unpickler):
    """Builds the model's records and dates, and refuses everything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module == __name__ and name in _MAKER_NAMES) or (
            module == "datetime" and name == "date"
        ):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a record class")


def _dump_segment(entries: list[Entry]) -> bytes:
    # one pickler for the segment: its memo makes a string or date that several of its
    # files repeat one object
    stream = io.BytesIO()
    pickler = _ModelPickler(stream, protocol=_PICKLE_PROTOCOL)
    for entry in entries:
        pickler.dump(entry)
    return stream.getvalue()


class _Segment:
    """A run of entries pickled together, as found in the pack: where, and which files."""

    __slots__ = ("keys", "offset", "size")

    def __init__(self, keys: list[bytes], offset: int, size: int) -> None:
        self.keys = keys
        self.offset = offset
        self.size = size


class FileCache:
    """The entries of one dataset folder: read before its files are, written after.

    The pack is a header (format, fingerprint, checksum, where the index starts), then
    segments of at most ``SEGMENT`` entries pickled together, then the index (each
    segment's keys and size). It is read and written a segment at a time, so that the
    cache adds little to the memory the records take anyway.
    """

    SEGMENT = 512

    def __init__(self, pack: Path, secret: bytes, writing: bool = True) -> None:
        self.pack = pack
        self.secret = secret
        self.writing = writing
        self.fingerprint = fingerprint()
        self.entries: dict[bytes, Entry] = {}  # what the pack holds, then what this run read
        self.segments: list[_Segment] = []  # of the pack as read
        self.source: BinaryIO | None = None  # the pack as read, open until it is written anew
        self.used: list[bytes] = []  # the keys of this run, in file order
        self.changed = False
        self.opened = False  # the pack is read on first use, inside the loader's own timing

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
            if pack.is_file():
                secret = _secret(create=False)
                return cls(pack, secret, writing=False) if secret is not None else None
        return None

    def restore(self, source: SourceFile, data: bytes) -> bool:
        """Fill ``source`` from the cache if its bytes were seen before."""
        if not self.opened:
            self.opened = True
            self._read()
        key = _entry_key(source.rel, source.kind, data)
        self.used.append(key)
        entry = self.entries.get(key)
        if entry is None:
            return False
        problems, record = entry
        source.problems.extend(problems)
        source.record = record
        return True

    def store(self, source: SourceFile, data: bytes) -> None:
        """Keep what reading ``source`` produced (``restore`` has just missed it)."""
        if self.writing:
            self.entries[self.used[-1]] = (list(source.problems), source.record)
            self.changed = True

    def save(self) -> None:
        """Write the pack if this run read anything new; never fail the run for it."""
        try:
            if not self.writing:
                return
            used = set(self.used)
            kept = [s for s in self.segments if used.issuperset(s.keys)]
            if self.changed or len(kept) < len(self.segments):
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
        import tempfile  # a run that changes nothing writes nothing

        try:
            handle, temporary = tempfile.mkstemp(
                prefix=f".{self.pack.name}.", suffix=".tmp", dir=self.pack.parent
            )
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(bytes(_HEADER))
                checksum = hashlib.blake2b(self.fingerprint, digest_size=32, key=self.secret)
                index: list[tuple[list[bytes], int]] = []

                def put(keys: list[bytes], content: bytes) -> None:
                    out.write(content)
                    checksum.update(content)
                    index.append((keys, len(content)))

                for segment in kept:
                    assert self.source is not None
                    self.source.seek(segment.offset)
                    put(segment.keys, self.source.read(segment.size))
                for start in range(0, len(fresh), self.SEGMENT):
                    keys = fresh[start : start + self.SEGMENT]
                    put(keys, _dump_segment([self.entries[key] for key in keys]))
                index_at = out.tell()
                tail = pickle.dumps(index, protocol=_PICKLE_PROTOCOL)
                out.write(tail)
                checksum.update(index_at.to_bytes(8, "little"))
                checksum.update(tail)
                out.seek(0)
                out.write(
                    FORMAT + self.fingerprint + checksum.digest() + index_at.to_bytes(8, "little")
                )
            os.replace(temporary, self.pack)
        except OSError:
            with suppress(OSError):
                os.unlink(temporary)

    def _read(self) -> None:
        try:
            source = self.pack.open("rb")
        except OSError:
            return
        try:
            self._read_pack(source)
        except Exception:  # any damage at all: the run is a cold one
            self.entries, self.segments = {}, []
        if self.segments:
            self.source = source  # kept open: the next pack copies segments from it
        else:
            source.close()

    def _read_pack(self, source: BinaryIO) -> None:
        header = source.read(_HEADER)
        size = len(FORMAT)
        if len(header) < _HEADER or header[:size] != FORMAT:
            return
        if header[size : size + 32] != self.fingerprint:
            return
        index_at = int.from_bytes(header[size + 64 :], "little")
        checksum = hashlib.blake2b(self.fingerprint, digest_size=32, key=self.secret)
        remaining = index_at - _HEADER
        while remaining > 0:
            chunk = source.read(min(remaining, 1 << 20))
            if not chunk:
                return
            checksum.update(chunk)
            remaining -= len(chunk)
        checksum.update(index_at.to_bytes(8, "little"))
        tail = source.read()
        checksum.update(tail)
        if not hmac.compare_digest(checksum.digest(), header[size + 32 : size + 64]):
            return
        index = _ModelUnpickler(io.BytesIO(tail)).load()
        # the same open file is read again: a pack renamed over this one meanwhile is not
        source.seek(_HEADER)
        offset = _HEADER
        for keys, length in index:
            content = source.read(length)
            unpickler = _ModelUnpickler(io.BytesIO(content))
            for key in keys:
                self.entries[key] = unpickler.load()
            self.segments.append(_Segment(keys, offset, length))
            offset += length


def _folders(data_dir: Path) -> tuple[Path, Path]:
    """Where a dataset's pack may be: beside the dataset, else in the user's cache folder."""
    return data_dir.resolve().parent / ".wsg-cache", user_cache_dir()


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
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".key.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(os.urandom(32))
            # first writer wins: a run that loses reads the winner's key
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) == 32 else None
