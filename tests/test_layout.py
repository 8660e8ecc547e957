"""Where records live: a record outside its folder is an error that names the path it belongs at.

Paths in messages are from the repository root (the folder holding ``data/``).
A record found elsewhere is recognised by its keys and still joins the dataset,
so what refers to it is not reported as well; a ``.yaml`` that is no record
stays a ``stray-file`` warning and is left out.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES_TODAY, findings_for, make_dataset, run_wsg
from wsg import dataset
from wsg.findings import Finding

EVENT = """\
id: x
title: Workshop on AI
kind: workshop
status: proposed
start: 2027-09-10
end: 2027-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg20]
themes: [ai]
"""
GROUP = """\
id: sg20
name: Internet of things and smart cities and communities
kind: study-group
"""
TOPIC = """\
id: iot-twins
title: Digital twins of cities
themes: [ai]
status: candidate
raised: {date: 2026-02-10, by: sg20, ref: SG20-TD-100}
reviewed: 2026-04-01
"""


def found(tmp_path: Path, files: dict[str, str | bytes | None]) -> list[tuple[str, str, str]]:
    """(file, rule, message) of every finding."""
    return [(f.file, f.rule, f.message) for f in findings_for(tmp_path, files)]


def places(findings: list[Finding]) -> list[tuple[str, str, int, int]]:
    return [(f.file, f.rule, f.line, f.column) for f in findings]


# ---------------------------------------------------------------------------
# wrong-folder names the right path, from the repository root


def test_an_event_in_a_folder_below_its_year_belongs_in_the_year(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "data/events/2027/sub/x.yaml": EVENT,
        "data/groups/sg20.yaml": GROUP,
    }
    assert found(tmp_path, files) == [
        (
            "data/events/2027/sub/x.yaml",
            "wrong-folder",
            "an event starting in 2027 belongs in data/events/2027/x.yaml",
        )
    ]


def test_an_event_directly_in_events_belongs_in_its_year(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "data/events/x.yaml": EVENT,
        "data/groups/sg20.yaml": GROUP,
    }
    assert found(tmp_path, files) == [
        (
            "data/events/x.yaml",
            "wrong-folder",
            "an event starting in 2027 belongs in data/events/2027/x.yaml",
        )
    ]


def test_an_event_in_another_year_is_reported_at_its_start(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "data/events/2026/x.yaml": EVENT,
        "data/groups/sg20.yaml": GROUP,
    }
    findings = findings_for(tmp_path, files)
    assert places(findings) == [("data/events/2026/x.yaml", "wrong-folder", 5, 8)]
    assert findings[0].message == "an event starting in 2027 belongs in data/events/2027/x.yaml"


def test_the_dataset_folder_s_own_name_is_used(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/events/x.yaml": EVENT, "data/groups/sg20.yaml": GROUP})
    renamed = data.rename(tmp_path / "dataset")
    result = run_wsg("validate", "--data", str(renamed), "--today", "2026-06-01")
    assert result.out.splitlines()[0] == (
        "dataset/events/x.yaml:5:8: error wrong-folder an event starting in 2027 belongs in "
        "dataset/events/2027/x.yaml"
    )


# ---------------------------------------------------------------------------
# Records outside their folder: recognised by their keys, an error, and still read


def test_an_event_directly_in_data_is_an_error_that_says_where_it_belongs(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {"data/x.yaml": EVENT, "data/groups/sg20.yaml": GROUP}
    findings = findings_for(tmp_path, files)
    assert places(findings) == [("data/x.yaml", "wrong-folder", 5, 8)]
    assert findings[0].message == "an event starting in 2027 belongs in data/events/2027/x.yaml"


def test_a_group_under_events_belongs_in_groups(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "data/events/2027/x.yaml": EVENT,
        "data/events/2027/sg20.yaml": GROUP,
    }
    assert found(tmp_path, files) == [
        ("data/events/2027/sg20.yaml", "wrong-folder", "a group belongs in data/groups/sg20.yaml")
    ]


def test_a_topic_elsewhere_belongs_in_topics(tmp_path: Path) -> None:
    elsewhere = (
        "data/iot-twins.yaml",
        "data/events/2026/iot-twins.yaml",
        "data/topics/a/iot-twins.yaml",
    )
    for where in elsewhere:
        files: dict[str, str | bytes | None] = {where: TOPIC, "data/groups/sg20.yaml": GROUP}
        assert found(tmp_path / where.replace("/", "-"), files) == [
            (where, "wrong-folder", "a topic belongs in data/topics/iot-twins.yaml")
        ]


def test_a_group_in_topics_or_in_a_folder_of_groups(tmp_path: Path) -> None:
    for where in ("data/topics/sg20.yaml", "data/groups/old/sg20.yaml"):
        assert found(tmp_path / where.replace("/", "-"), {where: GROUP}) == [
            (where, "wrong-folder", "a group belongs in data/groups/sg20.yaml")
        ]


def test_an_event_without_a_start_outside_events_still_gets_a_place(tmp_path: Path) -> None:
    no_start = EVENT.replace("start: 2027-09-10\n", "")
    files: dict[str, str | bytes | None] = {"data/x.yaml": no_start, "data/groups/sg20.yaml": GROUP}
    assert found(tmp_path, files) == [
        ("data/x.yaml", "missing-field", "an event needs 'start': first day"),
        ("data/x.yaml", "wrong-folder", "an event belongs in data/events/<year of start>/x.yaml"),
    ]


def test_a_misplaced_record_joins_the_dataset(tmp_path: Path) -> None:
    """So the events it organizes and the topics that name it are not reported too."""
    topic = TOPIC.replace("status: candidate", "status: scheduled") + "events: [x]\n"
    files: dict[str, str | bytes | None] = {
        "data/x.yaml": EVENT,  # organized by sg20
        "data/events/2027/sg20.yaml": GROUP,
        "data/topics/iot-twins.yaml": topic,  # raised by sg20, scheduled as x
    }
    assert [rule for _, rule, _ in found(tmp_path, files)] == ["wrong-folder", "wrong-folder"]
    loaded = dataset.load(tmp_path / "data", EXAMPLES_TODAY)
    assert loaded.event("x") is not None
    assert "sg20" in loaded.group_ids


def test_a_misplaced_record_is_read_as_what_it_is(tmp_path: Path) -> None:
    """A group under events/ gets a group's checks, not a hundred unknown event keys."""
    broken = GROUP + "acronymn: SG20\n"
    files: dict[str, str | bytes | None] = {"data/events/2027/sg20.yaml": broken}
    assert [rule for _, rule, _ in found(tmp_path, files)] == ["wrong-folder", "unknown-field"]


def test_a_yaml_file_that_is_no_record_stays_a_stray_warning(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "data/settings.yaml": "colour: blue\n",
        "data/broken.yaml": "id: [unclosed\n",
        "data/list.yaml": "- start\n- end\n",
        "data/events/2026/notes.yml": EVENT,
    }
    findings = findings_for(tmp_path, files)
    assert places(findings) == [
        ("data/broken.yaml", "stray-file", 1, 1),
        ("data/events/2026/notes.yml", "stray-file", 1, 1),
        ("data/list.yaml", "stray-file", 1, 1),
        ("data/settings.yaml", "stray-file", 1, 1),
    ]
    assert findings[-1].message.startswith(
        "not a record location, and its keys are not those of an event, a group or a topic"
    )
    loaded = dataset.load(tmp_path / "data", EXAMPLES_TODAY)
    top_level = [s for s in loaded.files if s.rel.count("/") == 1]
    assert [s.rel for s in top_level] == [
        "data/broken.yaml",
        "data/list.yaml",
        "data/settings.yaml",
    ]
    assert all(s.record is None for s in top_level)


def test_keys_shared_by_every_kind_decide_nothing(tmp_path: Path) -> None:
    """id, title and status alone could be an event or a topic: not a record, then."""
    files: dict[str, str | bytes | None] = {"data/x.yaml": "id: x\ntitle: X\nstatus: proposed\n"}
    assert [rule for _, rule, _ in found(tmp_path, files)] == ["stray-file"]


def test_an_event_with_a_few_group_keys_in_its_folder_stays_an_event(tmp_path: Path) -> None:
    """Its folder decides while the file has any key of its own kind."""
    text = EVENT.replace("organizers: [sg20]", "organizers: [sg16]") + "name: AI\n"
    files: dict[str, str | bytes | None] = {"data/events/2027/x.yaml": text}
    assert [rule for _, rule, _ in found(tmp_path, files)] == ["unknown-field"]


# ---------------------------------------------------------------------------
# wsg fmt: a misplaced record is formatted as what it is; a stray .yaml is left alone


def test_fmt_orders_a_group_under_events_as_a_group(tmp_path: Path) -> None:
    data = make_dataset(
        tmp_path,
        {
            "data/events/2027/sg20.yaml": "kind: study-group\nname: IoT\nid: sg20\n",
            "data/settings.yaml": "colour: blue\n",
        },
    )
    result = run_wsg("fmt", "--data", str(data))
    assert result.code == 0, result.out
    assert "reformatted data/events/2027/sg20.yaml" in result.out
    assert (data / "events" / "2027" / "sg20.yaml").read_text() == (
        "id: sg20\nname: IoT\nkind: study-group\n"
    )
    assert (data / "settings.yaml").read_text() == "colour: blue\n"
    assert "settings" not in result.out
