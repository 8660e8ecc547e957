"""Calendars follow every change of an event: SEQUENCE and LAST-MODIFIED from git history.

Every test here builds a real scratch repository and commits with fixed dates,
so the revisions are those of the commits, never of the clock.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.conftest import make_dataset, run_wsg
from wsg import history

EVENT_ID = "2026-10-retimed"
EVENT_PATH = f"data/events/2026/{EVENT_ID}.yaml"
EVENT = f"""\
id: {EVENT_ID}
title: Workshop whose programme changes
kind: workshop
status: announced
start: 2026-10-20
end: 2026-10-20
timezone: Europe/Zurich
format: hybrid
venue: {{city: Geneva, country: CH, place: ITU headquarters}}
organizers: [sg17]
themes: [ai]
approval: {{date: 2026-05-02, by: tsag}}
announcement: {{date: 2026-07-01, ref: TSB Circular 1}}
programme:
  - date: 2026-10-20
    sessions:
      - {{start: "09:30", end: "10:00", title: Opening}}
      - {{start: "10:00", end: "11:00", title: Keynote}}
"""
TODAY = "2026-09-15"
FIRST = datetime(2026, 8, 3, 14, 5, 6, tzinfo=UTC)
SECOND = datetime(2026, 8, 20, 9, 30, 0, tzinfo=UTC)


def git(repo: Path, *args: str, when: datetime | None = None) -> str:
    environment = dict(os.environ)
    if when is not None:
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S+0000")
        environment |= {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    return done.stdout.strip()


def commit(repo: Path, message: str, when: datetime) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    make_dataset(tmp_path, {EVENT_PATH: EVENT})
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "the event, announced", FIRST)
    return tmp_path


def retime(repo: Path) -> None:
    path = repo / EVENT_PATH
    text = path.read_text("utf-8")
    path.write_text(text.replace('"10:00", end: "11:00"', '"10:15", end: "11:15"'), "utf-8")


def calendar(repo: Path, *extra: str) -> bytes:
    result = run_wsg(
        "render", "agenda", EVENT_ID, "--format", "ics",
        "--data", str(repo / "data"), "--today", TODAY, *extra,
    )  # fmt: skip
    assert result.code == 0, result.err
    return result.out.encode("utf-8")


def entries(ics: bytes) -> dict[str, tuple[int, Any, Any]]:
    """Each entry by UID: its SEQUENCE, LAST-MODIFIED and DTSTAMP."""
    parsed = icalendar.Calendar.from_ical(ics)
    return {
        str(e["uid"]): (int(e["sequence"]), e.decoded("last-modified"), e.decoded("dtstamp"))
        for e in parsed.walk("VEVENT")
    }


def test_re_timing_a_session_makes_every_entry_newer_and_keeps_its_uid(repo: Path) -> None:
    before = entries(calendar(repo))
    assert set(before.values()) == {(1, FIRST, FIRST)}  # one commit, at its time
    retime(repo)
    commit(repo, "keynote a quarter later", SECOND)
    after = entries(calendar(repo))
    assert after.keys() == before.keys()  # the same entries, updated: no duplicates
    assert set(after.values()) == {(2, SECOND, SECOND)}


def test_the_same_commit_gives_byte_identical_calendars_and_schedules(repo: Path) -> None:
    retime(repo)
    commit(repo, "keynote a quarter later", SECOND)
    assert calendar(repo) == calendar(repo)
    json_args = ("render", "agenda", EVENT_ID, "--format", "json", "--data", str(repo / "data"))
    first = run_wsg(*json_args, "--today", TODAY).out
    assert first == run_wsg(*json_args, "--today", TODAY).out
    assert json.loads(first)["schedule"]["version"].startswith("2026-08-20.")  # the commit's day


def test_adding_and_removing_a_session_count_as_revisions(repo: Path) -> None:
    path = repo / EVENT_PATH
    text = path.read_text("utf-8")
    added = text + '      - {start: "11:00", end: "12:00", title: Panel}\n'
    path.write_text(added, "utf-8")
    commit(repo, "a panel", SECOND)
    path.write_text(text, "utf-8")
    third = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    commit(repo, "no panel after all", third)
    whole = entries(calendar(repo))[f"{EVENT_ID}@wsg.itu.int"]
    assert whole == (3, third, third)


def test_changes_to_other_files_do_not_revise_the_event(repo: Path) -> None:
    (repo / "data" / "events" / "2026" / "other.yaml").write_text("id: other\n", "utf-8")
    commit(repo, "another file", SECOND)
    assert set(entries(calendar(repo)).values()) == {(1, FIRST, FIRST)}


def test_an_uncommitted_edit_falls_back_to_the_dated_decisions(repo: Path) -> None:
    """An edit git does not have yet has no reproducible revision: the decisions date it."""
    retime(repo)
    july = datetime(2026, 7, 1, tzinfo=UTC)
    assert set(entries(calendar(repo)).values()) == {(2, july, july)}  # approved, announced


def test_without_git_the_dated_decisions_give_the_revision(tmp_path: Path) -> None:
    make_dataset(tmp_path, {EVENT_PATH: EVENT})
    july = datetime(2026, 7, 1, tzinfo=UTC)
    assert set(entries(calendar(tmp_path)).values()) == {(2, july, july)}


def test_a_shallow_clone_falls_back_rather_than_count_a_cut_history(
    repo: Path, tmp_path: Path
) -> None:
    retime(repo)
    commit(repo, "keynote a quarter later", SECOND)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    july = datetime(2026, 7, 1, tzinfo=UTC)
    assert set(entries(calendar(clone)).values()) == {(2, july, july)}
    full = tmp_path / "full"
    git(tmp_path, "clone", "-q", repo.as_uri(), str(full))
    assert set(entries(calendar(full)).values()) == {(2, SECOND, SECOND)}


def test_dtstamp_is_never_after_today(repo: Path) -> None:
    """Rendered as of a day before the commit: the stamp is that day; the commit is as it is."""
    result = run_wsg(
        "render", "agenda", EVENT_ID, "--format", "ics",
        "--data", str(repo / "data"), "--today", "2026-08-01",
    )  # fmt: skip
    values = set(entries(result.out.encode("utf-8")).values())
    assert values == {(1, FIRST, datetime(2026, 8, 1, tzinfo=UTC))}


def test_a_merged_pull_request_is_one_revision_dated_when_it_landed(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "retime")
    retime(repo)
    commit(repo, "keynote a quarter later", SECOND)
    path = repo / EVENT_PATH
    path.write_text(path.read_text("utf-8").replace("title: Opening", "title: Welcome"), "utf-8")
    commit(repo, "and a warmer opening", SECOND)
    git(repo, "checkout", "-q", "main")
    landed = datetime(2026, 9, 2, 12, 0, tzinfo=UTC)
    git(repo, "merge", "-q", "--no-ff", "retime", "-m", "Merge retime", when=landed)
    whole = entries(calendar(repo))[f"{EVENT_ID}@wsg.itu.int"]
    assert whole == (2, landed, landed)


def test_a_renamed_file_keeps_its_history(tmp_path: Path) -> None:
    """``git log -M`` over the folder: the commits before the rename count for the new name."""
    make_dataset(tmp_path, {EVENT_PATH: EVENT})
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "one", FIRST)
    retime(tmp_path)
    commit(tmp_path, "two", SECOND)
    renamed = "data/events/2026/renamed.yaml"
    git(tmp_path, "mv", EVENT_PATH, renamed)
    third = datetime(2026, 9, 1, tzinfo=UTC)
    commit(tmp_path, "three", third)
    # a file added again under the old name is a new file with a history of its own
    (tmp_path / EVENT_PATH).write_text(EVENT, "utf-8")
    fourth = datetime(2026, 9, 2, tzinfo=UTC)
    commit(tmp_path, "four", fourth)
    revisions = history.load(tmp_path / "data")
    assert revisions[renamed] == history.FileRevision(3, third)
    assert revisions[EVENT_PATH] == history.FileRevision(1, fourth)


def test_a_whole_site_asks_git_for_its_log_once(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for month in ("11", "12"):
        event = EVENT.replace(EVENT_ID, f"2026-{month}-x").replace("2026-10-", f"2026-{month}-")
        (repo / f"data/events/2026/2026-{month}-x.yaml").write_text(event, "utf-8")
    commit(repo, "two more", SECOND)
    calls: list[list[str]] = []
    real = subprocess.Popen

    def spy(args: list[str], *rest: Any, **options: Any) -> Any:
        calls.append(list(args))
        return real(args, *rest, **options)

    monkeypatch.setattr(history.subprocess, "Popen", spy)
    out = tmp_path / "site"
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(repo / "data"), "--today", TODAY
    )
    assert result.code == 0, result.err
    assert sum("log" in args for args in calls) == 1
    assert all(args[0] == "git" for args in calls)  # no shell
    site = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    sequences = {str(e["uid"]): int(e["sequence"]) for e in site.walk("VEVENT")}
    assert sequences[f"{EVENT_ID}@wsg.itu.int"] == 1
    assert sequences["2026-11-x@wsg.itu.int"] == sequences["2026-12-x@wsg.itu.int"] == 1
    event_calendar = (out / "events" / f"{EVENT_ID}.ics").read_bytes()
    assert set(entries(event_calendar).values()) == {(1, FIRST, FIRST)}


def test_git_output_beyond_the_limit_means_no_history(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "MAX_LOG_BYTES", 10)
    assert history.load(repo / "data") == {}
    monkeypatch.undo()
    assert history.load(repo / "data")[EVENT_PATH] == history.FileRevision(1, FIRST)
