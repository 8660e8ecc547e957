"""`wsg render site` in several processes: the very same files, and failures as in one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_wsg
from tests.test_render_site import files, render_site
from wsg.render import parallel

BUNDLED = ROOT / "data"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux")


@pytest.fixture
def in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_FILES", 10**9)


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_FILES", 0)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1, 2})


def test_small_sites_stay_in_one_process_and_large_ones_use_every_core() -> None:
    assert parallel.workers(parallel.MIN_FILES - 1) == 1
    assert parallel.workers(parallel.MIN_FILES) == min(
        parallel.MAX_WORKERS, len(parallel.os.sched_getaffinity(0))
    )


def test_workers_write_the_same_bytes_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_FILES", 10**9)
    render_site(BUNDLED, tmp_path / "one")
    monkeypatch.setattr(parallel, "MIN_FILES", 0)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1, 2})
    calls: list[int] = []
    real_run = parallel.run

    def counted_run(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[3])
        return real_run(*args, **kwargs)

    monkeypatch.setattr(parallel, "run", counted_run)
    render_site(BUNDLED, tmp_path / "three")
    assert calls == [3]
    one, three = files(tmp_path / "one"), files(tmp_path / "three")
    assert list(one) == list(three)
    assert all(one[name] == three[name] for name in one)


@pytest.mark.usefixtures("in_workers")
def test_a_template_error_in_a_worker_is_one_line_and_the_old_site_stays(tmp_path: Path) -> None:
    out = tmp_path / "site"
    render_site(BUNDLED, out)
    before = files(out)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "event.html").write_text("{{ no_such_value }}")
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(BUNDLED), "--templates", str(broken)
    )
    assert (result.code, result.out) == (2, "")
    assert result.err == f"wsg: template {broken / 'event.html'}:1: 'no_such_value' is undefined\n"
    assert files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "site"]


@pytest.mark.usefixtures("in_workers")
def test_a_worker_that_dies_fails_the_render_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg.render import site

    def dying(unit, folder):  # type: ignore[no-untyped-def]
        if any(name.startswith("events/") for name, _ in unit):
            parallel.os._exit(9)
        return real(unit, folder)

    real = site._write_unit
    monkeypatch.setattr(site, "_write_unit", dying)
    out = tmp_path / "site"
    result = run_wsg("render", "site", "--out", str(out), "--data", str(BUNDLED))
    assert result.code == 3
    assert result.err == (
        "wsg: internal error: RuntimeError: a rendering process ended unexpectedly (killed?)\n"
    )
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.usefixtures("in_one_process")
def test_without_workers_nothing_is_forked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_run(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("forked")

    monkeypatch.setattr(parallel, "run", no_run)
    render_site(BUNDLED, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()
