"""The validation cache cannot lie: whatever happens to it, findings equal those of --no-cache."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_wsg
from wsg import cache as cache_module
from wsg import dataset
from wsg.cache import FileCache

TODAY = "2026-11-28"


@cache
def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def own_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test has its own user cache folder, so its own checksum key."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("WSG_NO_CACHE", raising=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A generated dataset of 40 events, a few of them broken in different ways."""
    folder = _generator().generate(tmp_path / "repo", 40)
    events = sorted((folder / "events").rglob("*.yaml"))
    events[3].write_text(events[3].read_text().replace("status:", "stauts:"))
    events[7].write_text(events[7].read_text() + "fee: -5\n")
    events[11].write_text("id: [unclosed\n")
    return folder


def findings(folder: Path, *options: str) -> tuple[int, dict[str, object]]:
    result = run_wsg(
        "validate", "--format", "json", "--data", str(folder), "--today", TODAY, *options
    )
    return result.code, json.loads(result.out)


def cold(folder: Path) -> tuple[int, dict[str, object]]:
    return findings(folder, "--no-cache")


def pack_of(folder: Path) -> Path:
    packs = list((folder.parent / ".wsg-cache").glob("*.pack"))
    assert len(packs) == 1, packs
    return packs[0]


def test_the_generated_benchmark_dataset_validates_with_no_errors(tmp_path: Path) -> None:
    folder = _generator().generate(tmp_path / "bench", 30)
    result = run_wsg("validate", "--data", str(folder), "--today", TODAY)
    assert result.code == 0, result.out
    assert result.out.endswith("0 errors, 0 warnings\n"), result.out
    assert len(list((folder / "events").rglob("*.yaml"))) == 30


def test_a_warm_run_reads_the_cache_and_finds_the_same(data: Path) -> None:
    expected = cold(data)
    assert expected[1]["summary"]["errors"] >= 3  # type: ignore[index]
    assert not (data.parent / ".wsg-cache").exists()  # --no-cache writes nothing
    assert findings(data) == expected  # cold: parses and writes the cache
    pack = pack_of(data)
    written = pack.stat().st_mtime_ns
    assert findings(data) == expected  # warm
    assert pack.stat().st_mtime_ns == written  # nothing new: nothing written
    entries = FileCache.for_dataset(data)
    assert entries is not None
    entries._read()
    assert len(entries.located) == len(list(data.rglob("*.yaml")))
    entries.close()


def test_a_file_edited_between_runs_is_read_again(data: Path) -> None:
    findings(data)
    target = sorted((data / "events").rglob("*.yaml"))[20]
    target.write_text(target.read_text().replace("format:", "fromat:"))
    edited = cold(data)
    assert any(f["file"].endswith(target.name) for f in edited[1]["findings"])  # type: ignore[index,union-attr]
    assert findings(data) == edited
    target.write_text(target.read_text().replace("fromat:", "format:"))
    assert findings(data) == cold(data)
    assert findings(data) == cold(data)


def _truncate(pack: Path) -> None:
    pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])


def _garbage(pack: Path) -> None:
    pack.write_bytes(os.urandom(pack.stat().st_size))


def _flip(pack: Path) -> None:
    content = bytearray(pack.read_bytes())
    for offset in (len(content) // 3, len(content) // 2, len(content) - 10):
        content[offset] ^= 0x5A
    pack.write_bytes(bytes(content))


def _empty(pack: Path) -> None:
    pack.write_bytes(b"")


@pytest.mark.parametrize("damage", [_truncate, _garbage, _flip, _empty])
def test_a_damaged_cache_is_ignored_and_written_anew(data: Path, damage) -> None:  # type: ignore[no-untyped-def]
    expected = cold(data)
    findings(data)
    damage(pack_of(data))
    assert findings(data) == expected
    assert findings(data) == expected  # the pack written by the run before


def test_a_cache_of_another_version_is_ignored(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = cold(data)
    findings(data)
    monkeypatch.setattr(cache_module, "__version__", "0.0.0-other")
    cache_module.fingerprint.cache_clear()
    try:
        stale = FileCache.for_dataset(data)
        assert stale is not None
        stale._read()
        assert stale.located == {}  # the pack names another tool: nothing is taken from it
        assert findings(data) == expected
    finally:
        cache_module.fingerprint.cache_clear()


def _lying_pack(data: Path, secret: bytes) -> Path:
    """The pack of a run in which every file read as clean, signed with ``secret``."""
    pack = pack_of(data)
    liar = FileCache(pack, secret)
    liar.opened = True  # start from nothing: every file misses
    resolved = data.resolve()
    for path, kind in dataset.discover(resolved):
        if kind == "stray":
            continue
        source = dataset.SourceFile(
            rel=path.relative_to(resolved.parent).as_posix(), path=path, kind=kind
        )
        source.key = liar.key(source, path.read_bytes())
        liar.store(source)  # no problems, no record
    liar.save()
    return pack


def test_a_pack_signed_with_another_key_is_never_believed(data: Path) -> None:
    expected = cold(data)
    findings(data)
    _lying_pack(data, b"k" * 32)
    assert findings(data) == expected


def test_the_key_is_what_protects_the_pack(data: Path) -> None:
    # the same lie signed with this account's key would be believed: the checks above
    # do look at the pack
    findings(data)
    secret = (Path(os.environ["XDG_CACHE_HOME"]) / "wsg" / "key").read_bytes()
    _lying_pack(data, secret)
    _, lie = findings(data)
    assert lie["summary"]["errors"] == 0  # type: ignore[index]  # the broken files pass
    assert cold(data)[1]["summary"]["errors"] >= 3  # type: ignore[index]


def test_a_pack_holding_anything_but_records_is_not_unpickled(data: Path) -> None:
    expected = cold(data)
    findings(data)
    secret = (Path(os.environ["XDG_CACHE_HOME"]) / "wsg" / "key").read_bytes()
    pack = pack_of(data)
    planted = FileCache(pack, secret)
    planted.opened = True
    target = sorted((data / "events").rglob("*.yaml"))[0]
    resolved = data.resolve()
    source = dataset.SourceFile(
        rel=target.relative_to(resolved.parent).as_posix(), path=target, kind="event"
    )
    source.key = planted.key(source, target.read_bytes())
    source.record = Path("x")  # pickled as a call of pathlib: the unpickler refuses it
    planted.store(source)
    planted.save()
    assert findings(data) == expected


def test_no_cache_and_wsg_no_cache_neither_read_nor_write(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = cold(data)
    assert not (data.parent / ".wsg-cache").exists()
    monkeypatch.setenv("WSG_NO_CACHE", "1")
    assert findings(data) == expected
    assert not (data.parent / ".wsg-cache").exists()


def test_the_user_cache_folder_serves_when_the_dataset_folder_is_read_only(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = cold(data)
    monkeypatch.setattr(
        cache_module, "_writable_folder", lambda folder: ".wsg-cache" not in str(folder)
    )
    findings(data)
    packs = list((Path(os.environ["XDG_CACHE_HOME"]) / "wsg").glob("*.pack"))
    assert len(packs) == 1
    assert findings(data) == expected


def test_two_validations_at_once_leave_a_whole_cache(data: Path, tmp_path: Path) -> None:
    expected = cold(data)
    command = [
        sys.executable,
        "-m",
        "wsg",
        "validate",
        "--format",
        "json",
        "--data",
        str(data),
        "--today",
        TODAY,
    ]
    environment = {**os.environ, "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    for _ in range(3):
        runs = [
            subprocess.Popen(command, stdout=subprocess.PIPE, env=environment, cwd=tmp_path)
            for _ in range(2)
        ]
        for run in runs:
            out, _ = run.communicate(timeout=120)
            assert (run.returncode, json.loads(out)) == expected
        # a cold start for both the next time, then a warm one after them
        pack_of(data).write_bytes(b"")
    assert findings(data) == expected
    assert findings(data) == expected


def test_a_pack_of_many_segments_keeps_just_the_current_entries(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FileCache, "SEGMENT", 8)
    findings(data)
    events = sorted((data / "events").rglob("*.yaml"))
    events[5].write_text(events[5].read_text().replace("title:", "titel:"))
    events[30].unlink()
    expected = cold(data)
    assert findings(data) == expected  # one segment rewritten, one entry gone
    assert findings(data) == expected
    current = FileCache.for_dataset(data)
    assert current is not None
    current._read()
    assert len(current.located) == len(list(data.rglob("*.yaml")))
    assert len(current.segments) > 4
    current.close()


def test_other_commands_read_the_cache_and_write_nothing(data: Path, tmp_path: Path) -> None:
    """``wsg list`` and ``wsg render site`` use what ``wsg validate`` left, and leave it be."""
    plain = run_wsg("list", "--format", "json", "--data", str(data), "--today", TODAY)
    assert plain.code == 0
    assert not (data.parent / ".wsg-cache").exists()  # no cache yet: none is made
    findings(data)
    pack = pack_of(data)
    written = pack.stat().st_mtime_ns
    target = sorted((data / "events").rglob("*.yaml"))[5]
    target.write_text(target.read_text().replace("title:", "title: Edited,", 1))
    edited = run_wsg("list", "--format", "json", "--data", str(data), "--today", TODAY)
    assert "Edited," in edited.out  # the changed file is read, not taken from the cache
    assert edited.out.replace("Edited, ", "").replace("Edited,", "") == plain.out
    site = run_wsg("render", "site", "--out", str(tmp_path / "site"), "--data", str(data))
    assert site.code == 0, site.err
    assert pack.stat().st_mtime_ns == written
    assert sorted(p.name for p in pack.parent.iterdir()) == [pack.name]


def test_a_command_reading_a_damaged_cache_parses_every_file(data: Path) -> None:
    expected = run_wsg("list", "--format", "json", "--data", str(data), "--today", TODAY)
    findings(data)
    _flip(pack_of(data))
    again = run_wsg("list", "--format", "json", "--data", str(data), "--today", TODAY)
    assert again.out == expected.out


# --- the findings of the last run ----------------------------------------------------


def test_when_nothing_changed_the_last_runs_findings_are_reported_without_any_record(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = cold(data)
    assert findings(data) == expected  # cold: keeps records and findings

    def no_records(self: FileCache, at: int) -> bool:
        raise AssertionError("a record was taken out of the pack")

    monkeypatch.setattr(FileCache, "_load_segment", no_records)
    assert findings(data) == expected
    text = ("validate", "--data", str(data), "--today", TODAY)
    assert run_wsg(*text) == run_wsg(*text, "--no-cache")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda data: None, id="another day"),
        pytest.param(
            lambda data: sorted((data / "events").rglob("*.yaml"))[9].unlink(), id="file removed"
        ),
        pytest.param(
            lambda data: (data / "events" / "2021" / "notes.txt").write_text("x"), id="stray added"
        ),
    ],
)
def test_any_change_to_the_files_or_the_day_computes_the_findings_again(
    data: Path,
    change,  # type: ignore[no-untyped-def]
) -> None:
    findings(data)
    change(data)
    later = "2031-01-01"
    expected = run_wsg(
        "validate", "--format", "json", "--data", str(data), "--today", later, "--no-cache"
    )
    again = run_wsg("validate", "--format", "json", "--data", str(data), "--today", later)
    assert (again.code, again.out) == (expected.code, expected.out)
    assert findings(data) == cold(data)


def test_a_damaged_segment_is_parsed_again_from_the_file(data: Path) -> None:
    findings(data)
    pack = pack_of(data)
    content = bytearray(pack.read_bytes())
    content[len(content) // 3] ^= 0x5A  # inside a segment: the index still checks out
    pack.write_bytes(bytes(content))
    later = ("--today", "2031-01-01")  # another day: the records are needed
    assert findings(data, *later) == findings(data, *later, "--no-cache")
    assert findings(data) == cold(data)


def test_a_file_changed_while_the_run_reads_it_keeps_no_findings(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings(data)
    target = sorted((data / "events").rglob("*.yaml"))[20]

    def damaged_and_edited(self: FileCache, segment: object) -> None:
        if "fromat:" not in target.read_text():
            target.write_text(target.read_text().replace("format:", "fromat:"))
        return None

    monkeypatch.setattr(FileCache, "_segment_bytes", damaged_and_edited)
    during = findings(data, "--today", "2031-01-01")
    monkeypatch.undo()
    # what the run reported is the file as it read it; nothing of that run is kept as the
    # findings of the bytes it first saw
    assert any("fromat" in f["message"] for f in during[1]["findings"])  # type: ignore[index,union-attr]
    assert findings(data, "--today", "2031-01-01") == findings(
        data, "--today", "2031-01-01", "--no-cache"
    )
    target.write_text(target.read_text().replace("fromat:", "format:"))
    assert findings(data) == cold(data)


# --- what else the findings depend on: the YAML libraries, the time-zone database ------------

# Runs ``wsg`` with the time-zone database of PYTHONTZPATH alone: the tzdata package hidden.
WITHOUT_TZDATA = r"""
import sys
sys.modules["tzdata"] = None
sys.argv = ["wsg", *sys.argv[1:]]
from wsg.entry import main
main()
"""


def test_a_time_zone_that_disappears_is_not_valid_any_more(data: Path, tmp_path: Path) -> None:
    import tzdata  # type: ignore[import-untyped]

    zones = tmp_path / "tz"
    shutil.copytree(Path(tzdata.__file__).parent / "zoneinfo", zones)
    used = next(
        line.split(":", 1)[1].strip()
        for path in sorted((data / "events").rglob("*.yaml"))
        for line in path.read_text().splitlines()
        if line.startswith("timezone: ") and "/" in line
    )
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONTZPATH": str(zones),
        "XDG_CACHE_HOME": str(tmp_path / "user-cache"),
    }

    def validate(*options: str) -> tuple[int, str]:
        done = subprocess.run(
            [sys.executable, "-c", WITHOUT_TZDATA, "validate", "--format", "json",
             "--data", str(data), "--today", TODAY, *options],
            capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=300,
        )  # fmt: skip
        assert done.stderr == ""
        return done.returncode, done.stdout

    before = validate()
    assert validate() == before  # warm: the last run's findings, as they were
    assert f"{used!r} is not an IANA" not in before[1]
    (zones / used).unlink()  # the system's time-zone data loses a zone
    after = validate()
    assert f"{used!r} is not an IANA" in after[1]
    assert after == validate("--no-cache")


@pytest.mark.parametrize("library", ["yaml", "ruamel.yaml", "tzdata"])
def test_another_version_of_a_library_makes_another_fingerprint(
    library: str, tmp_path: Path
) -> None:
    """Each library the results depend on, copied and then "upgraded" (one file rewritten):
    the pack's fingerprint, which every entry and the last run's findings sit behind, changes."""
    spec = importlib.util.find_spec(library)
    assert spec is not None and spec.submodule_search_locations
    installed = Path(next(iter(spec.submodule_search_locations)))
    copy = tmp_path / "lib" / Path(*library.split("."))
    shutil.copytree(installed, copy, ignore=shutil.ignore_patterns("__pycache__"))
    probe = (
        "import importlib, sys; from wsg.cache import fingerprint; "
        f"print(importlib.import_module({library!r}).__file__, fingerprint().hex())"
    )

    def fingerprint() -> tuple[str, str]:
        done = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True, text=True, check=True, cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": f"{tmp_path / 'lib'}{os.pathsep}{ROOT}"},
        )  # fmt: skip
        where, printed = done.stdout.split()
        return where, printed

    where, first = fingerprint()
    assert Path(where).is_relative_to(copy)  # the copy is the one in use
    assert fingerprint()[1] == first  # the same library: the same fingerprint
    init = copy / "__init__.py"
    init.write_text(init.read_text() + "\n# the next release\n")
    assert fingerprint()[1] != first


def test_a_linked_cache_folder_is_never_written_through(data: Path, tmp_path: Path) -> None:
    """A ``.wsg-cache`` committed as a link to elsewhere: the pack goes to the user's folder."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data.parent / ".wsg-cache").symlink_to(elsewhere)
    expected = cold(data)
    assert findings(data) == expected
    assert findings(data) == expected
    assert list(elsewhere.iterdir()) == []
    assert len(list((Path(os.environ["XDG_CACHE_HOME"]) / "wsg").glob("*.pack"))) == 1


def test_the_pack_and_the_key_are_readable_by_their_owner_only(data: Path) -> None:
    findings(data)
    key = Path(os.environ["XDG_CACHE_HOME"]) / "wsg" / "key"
    assert [path.stat().st_mode & 0o777 for path in (pack_of(data), key)] == [0o600, 0o600]
