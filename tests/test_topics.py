"""The technology watch: topic files in, typed topics or (rule, line, column) findings out.

The examples dataset holds the groups wsg, tsag, sg16 and sg17, the themes ai
and security, the events ai-day (cancelled) and ai-forum (held) and the topic
ai-agents (covered by ai-forum). Today is 2026-06-01 unless a test says otherwise.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLES_TODAY, findings_for, make_dataset, run_wsg
from wsg import dataset
from wsg.model import Decision, Loc, Topic

Check = Callable[..., list[tuple[str, int, int]]]
FILE = "data/topics/demo.yaml"


def topic(
    status: str = "candidate",
    reviewed: str = "2026-04-01",
    events: str | None = None,
    raised_by: str = "sg17",
    themes: str = "[ai]",
) -> str:
    text = (
        "id: demo\n"
        "title: Trustworthy AI agents\n"
        f"themes: {themes}\n"
        f"status: {status}\n"  # line 4
        f"raised: {{date: 2025-02-10, by: {raised_by}, ref: SG17-TD-100}}\n"  # line 5
        f"reviewed: {reviewed}\n"  # line 6
    )
    return text + (f"events: {events}\n" if events is not None else "")  # line 7


@pytest.fixture
def check(tmp_path: Path) -> Check:
    """``check({path: text}, today)``: sorted (rule, line, column); a fresh dataset each call."""
    runs = itertools.count()

    def run(
        files: dict[str, str | bytes | None], today: date = EXAMPLES_TODAY
    ) -> list[tuple[str, int, int]]:
        found = findings_for(tmp_path / f"run-{next(runs)}", files, today)
        return [(f.rule, f.line, f.column) for f in found]

    return run


def load(tmp_path: Path, files: dict[str, str | bytes | None]) -> dataset.Dataset:
    return dataset.load(make_dataset(tmp_path, files), EXAMPLES_TODAY)


# ---------------------------------------------------------------------------
# Reading topics


def test_topics_are_read_from_data_topics_with_their_places(tmp_path: Path) -> None:
    loaded = load(tmp_path, {FILE: topic(events="[ai-forum, ai-day]")})
    assert sorted(t.id or "" for t in loaded.topics) == ["ai-agents", "demo"]
    demo = next(t for t in loaded.topics if t.id == "demo")
    assert isinstance(demo, Topic)
    assert (demo.status, demo.themes, demo.events) == ("candidate", ["ai"], ["ai-forum", "ai-day"])
    assert demo.reviewed == date(2026, 4, 1)
    assert isinstance(demo.raised, Decision)
    assert (demo.raised.date, demo.raised.by, demo.raised.ref) == (
        date(2025, 2, 10),
        "sg17",
        "SG17-TD-100",
    )
    assert demo.loc("events.1") == Loc(FILE, 7, 20)
    assert demo.raised.loc("by") == Loc(FILE, 5, 32)


def test_a_dataset_without_topics_has_none(tmp_path: Path) -> None:
    loaded = load(tmp_path, {"data/topics/ai-agents.yaml": None})
    assert loaded.topics == []
    assert [f for f in findings_for(tmp_path / "again", {"data/topics/ai-agents.yaml": None})] == []


def test_raised_reviewed_title_themes_and_status_are_required(check: Check) -> None:
    assert check({FILE: "id: demo\n"}) == [("missing-field", 1, 1)] * 5


def test_raised_needs_a_date_and_a_group(check: Check) -> None:
    text = topic().replace("{date: 2025-02-10, by: sg17, ref: SG17-TD-100}", "{ref: SG17-TD-1}")
    assert check({FILE: text}) == [("missing-field", 5, 1), ("missing-field", 5, 1)]


def test_a_topic_status_outside_the_lifecycle_is_a_bad_value(check: Check) -> None:
    assert check({FILE: topic(status="proposed")}) == [("bad-value", 4, 9)]


def test_an_unknown_key_in_a_topic_suggests_the_known_one(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, {FILE: topic() + "reviewd: 2026-04-01\n"})
    assert finding.rule == "unknown-field"
    assert "did you mean 'reviewed'?" in finding.message


# ---------------------------------------------------------------------------
# File and reference rules apply to topics


def test_a_topic_id_differs_from_its_file_name(check: Check) -> None:
    assert check({"data/topics/other.yaml": topic()}) == [("id-mismatch", 1, 5)]


def test_two_topics_with_one_id(tmp_path: Path) -> None:
    copy = topic().replace("id: demo", "id: ai-agents")
    found = findings_for(tmp_path, {"data/topics/ai-agents-2.yaml": copy})
    # the later file in path order is the duplicate: "ai-agents-2" sorts before "ai-agents."
    assert [(f.file, f.rule, f.line, f.column) for f in found] == [
        ("data/topics/ai-agents-2.yaml", "id-mismatch", 1, 5),
        ("data/topics/ai-agents.yaml", "duplicate-id", 1, 5),
    ]


def test_a_topic_s_themes_are_declared_in_wsg_yaml(check: Check) -> None:
    assert check({FILE: topic(themes="[ai, securty]")}) == [("unknown-theme", 3, 14)]


def test_raised_by_names_a_group(check: Check) -> None:
    assert check({FILE: topic(raised_by="sg71")}) == [("unknown-group", 5, 32)]


def test_a_topic_s_events_name_events(check: Check) -> None:
    assert check({FILE: topic(events="[ai-forum, ai-froum]")}) == [("unknown-event", 7, 20)]


def test_an_unknown_event_message_suggests_the_known_one(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, {FILE: topic(events="[ai-froum]")})
    assert finding.message == "topic event 'ai-froum' is not an event (did you mean 'ai-forum'?)"


# ---------------------------------------------------------------------------
# topic-stale: a watched topic is reviewed at least every topic_review_days


def days_before(today: date, days: int) -> str:
    return (today - timedelta(days=days)).isoformat()


@pytest.mark.parametrize("status", ["watch", "candidate"])
def test_reviewed_exactly_365_days_ago_is_in_time_366_is_stale(check: Check, status: str) -> None:
    today = EXAMPLES_TODAY
    assert check({FILE: topic(status, days_before(today, 364))}) == []
    assert check({FILE: topic(status, days_before(today, 365))}) == []
    assert check({FILE: topic(status, days_before(today, 366))}) == [("topic-stale", 6, 11)]


def test_the_policy_sets_the_review_period(check: Check) -> None:
    wsg = (Path(__file__).parent / "examples-base" / "groups" / "wsg.yaml").read_text()
    policy = {"data/groups/wsg.yaml": wsg + "policy: {topic_review_days: 90}\n"}
    today = EXAMPLES_TODAY
    assert check({**policy, FILE: topic(reviewed=days_before(today, 89))}) == []
    assert check({**policy, FILE: topic(reviewed=days_before(today, 90))}) == []
    assert check({**policy, FILE: topic(reviewed=days_before(today, 91))}) == [
        ("topic-stale", 6, 11)
    ]


def test_today_moves_the_threshold(check: Check) -> None:
    text = topic(reviewed="2025-06-01")
    assert check({FILE: text}, today=date(2026, 6, 1)) == []
    assert check({FILE: text}, today=date(2026, 6, 2)) == [("topic-stale", 6, 11)]


@pytest.mark.parametrize("status", ["scheduled", "covered", "dropped"])
def test_only_a_topic_still_weighed_goes_stale(check: Check, status: str) -> None:
    assert check({FILE: topic(status, "2020-01-01", events="[ai-forum]")}) == []


def test_the_stale_message_says_when_and_how_often(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, {FILE: topic(reviewed="2025-05-01")})
    assert finding.message == (
        "candidate topic last reviewed on 2025-05-01, 396 days ago; review it at least "
        "every 365 days (policy.topic_review_days)"
    )


def test_topic_review_days_is_a_whole_number(check: Check) -> None:
    wsg = (Path(__file__).parent / "examples-base" / "groups" / "wsg.yaml").read_text()
    found = check({"data/groups/wsg.yaml": wsg + "policy: {topic_review_days: a year}\n"})
    assert found == [("wrong-type", 7, 29)]


# ---------------------------------------------------------------------------
# topic-without-event


@pytest.mark.parametrize("status", ["scheduled", "covered"])
def test_scheduled_or_covered_without_events_is_an_error(check: Check, status: str) -> None:
    assert check({FILE: topic(status)}) == [("topic-without-event", 4, 9)]
    assert check({FILE: topic(status, events="[]")}) == [("topic-without-event", 4, 9)]


@pytest.mark.parametrize("status", ["watch", "candidate", "dropped"])
def test_a_topic_before_scheduled_or_dropped_needs_no_event(check: Check, status: str) -> None:
    assert check({FILE: topic(status)}) == []


# ---------------------------------------------------------------------------
# topic-event-mismatch


ANNOUNCED = """\
id: ai-week
title: AI week
kind: seminar
status: announced
start: 2026-09-10
end: 2026-09-10
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {date: 2026-03-02, by: tsag}
announcement: {date: 2026-04-01, url: https://www.itu.int/go/ai-week}
programme:
  - date: 2026-09-10
    sessions:
      - {start: "09:30", end: "10:00", title: Opening}
"""
WEEK = {"data/events/2026/ai-week.yaml": ANNOUNCED}


def test_covered_with_a_held_event_passes(check: Check) -> None:
    assert check({FILE: topic("covered", events="[ai-day, ai-forum]")}) == []


def test_covered_with_no_held_event_is_a_warning(check: Check) -> None:
    assert check({**WEEK, FILE: topic("covered", events="[ai-week, ai-day]")}) == [
        ("topic-event-mismatch", 4, 9)
    ]


def test_scheduled_with_every_event_cancelled_is_a_warning(check: Check) -> None:
    assert check({FILE: topic("scheduled", events="[ai-day]")}) == [("topic-event-mismatch", 4, 9)]


def test_scheduled_with_one_event_still_coming_passes(check: Check) -> None:
    assert check({**WEEK, FILE: topic("scheduled", events="[ai-day, ai-week]")}) == []


def test_unknown_events_are_left_to_unknown_event(check: Check) -> None:
    assert check({FILE: topic("covered", events="[no-such-event]")}) == [("unknown-event", 7, 10)]


def test_the_mismatch_message_lists_the_events_and_their_status(tmp_path: Path) -> None:
    (finding,) = findings_for(tmp_path, {**WEEK, FILE: topic("covered", events="[ai-week]")})
    assert finding.message == (
        "covered, but none of its events was held: ai-week (announced); "
        "it is scheduled or a candidate until one is"
    )


# ---------------------------------------------------------------------------
# The validation cache keeps topics like the other records


def test_a_warm_run_takes_topics_out_of_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("WSG_NO_CACHE", raising=False)
    data = make_dataset(tmp_path, {FILE: topic(reviewed="2025-05-31")})

    def validate(today: str, *options: str) -> list[list[object]]:
        args = ("validate", "--format", "json", "--data", str(data), "--today", today, *options)
        result = run_wsg(*args)
        assert result.code in (0, 1), result.err
        return [[f["rule"], f["line"]] for f in json.loads(result.out)["findings"]]

    assert validate("2026-05-31") == []  # cold: parses, and keeps the topics in the pack
    assert validate("2026-06-01", "--no-cache") == [["topic-stale", 6]]

    def no_parsing(source: object, raw: bytes) -> None:
        raise AssertionError("parsed again")

    # another day: the last run's findings do not apply, and every record, the topics
    # among them, comes out of the pack without a file being parsed
    monkeypatch.setattr(dataset, "_read_record", no_parsing)
    assert validate("2026-06-01") == [["topic-stale", 6]]


# ---------------------------------------------------------------------------
# wsg schema --kind topic and wsg fmt


def test_the_topic_schema_accepts_a_topic_and_names_its_requirements() -> None:
    result = run_wsg("schema", "--kind", "topic")
    assert result.code == 0, result.err
    schema = json.loads(result.out)
    assert schema["$id"] == "https://wsg.example/schema/topic.json"
    assert schema["required"] == ["id", "title", "themes", "status", "raised", "reviewed"]
    assert schema["properties"]["status"]["enum"] == [
        "watch",
        "candidate",
        "scheduled",
        "covered",
        "dropped",
    ]
    validator = jsonschema.Draft202012Validator(schema)
    good = {
        "id": "demo",
        "title": "Trustworthy AI agents",
        "themes": ["ai"],
        "status": "candidate",
        "raised": {"date": "2025-02-10", "by": "sg17"},
        "reviewed": "2026-04-01",
    }
    assert list(validator.iter_errors(good)) == []
    assert list(validator.iter_errors({**good, "status": "maybe"}))
    assert list(validator.iter_errors({**good, "raised": {"date": "2025-02-10"}}))


def test_fmt_puts_a_topic_s_keys_in_format_order(tmp_path: Path) -> None:
    messy = (
        "status: covered   # since the forum\n"
        "events: [ai-forum]\n"
        "# where it came from\n"
        "raised: {by: sg17, ref: SG17-TD-100, date: 2025-02-10}\n"
        "id: demo\n"
        "reviewed: 2026-04-01\n"
        "title: Trustworthy AI agents\n"
        "themes: [ai]\n"
    )
    data = make_dataset(tmp_path, {FILE: messy})
    result = run_wsg("fmt", "--data", str(data), str(data / "topics" / "demo.yaml"))
    assert result.code == 0, result.out
    assert (data / "topics" / "demo.yaml").read_text() == (
        "id: demo\n"
        "title: Trustworthy AI agents\n"
        "themes: [ai]\n"
        "status: covered   # since the forum\n"
        "# where it came from\n"
        "raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}\n"
        "reviewed: 2026-04-01\n"
        "events: [ai-forum]\n"
    )
