"""``wsg list`` filters: a name that matches nothing is a usage error with a suggestion."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, run_wsg

DATA = ("--data", str(ROOT / "data"), "--today", "2026-11-28")


def _ids(*args: str) -> list[str]:
    result = run_wsg("list", *args, *DATA, "--format", "json")
    assert result.code == 0, result.err
    return [row["id"] for row in json.loads(result.out)]


@pytest.mark.parametrize("name", ["sg17", "SG17", "Sg17"])
def test_organizer_by_id_or_acronym_in_any_case(name: str) -> None:
    found = _ids("--organizer", name)
    assert found and found == _ids("--organizer", "sg17")


def test_organizer_by_an_acronym_that_differs_from_the_id() -> None:
    assert _ids("--organizer", "TSAG") == _ids("--organizer", "tsag")
    assert _ids("--organizer", "wsg") == _ids("--organizer", "WSG")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--organizer", "sg170"],
            "wsg: --organizer 'sg170' is no group's id or acronym (did you mean 'sg17'?);"
            " `wsg list groups` lists them",
        ),
        (["--organizer", "SG99"], "wsg: --organizer 'SG99' is no group's id or acronym"),
        (["--theme", "securty-trust"], "wsg: --theme 'securty-trust' is not a theme of wsg.yaml"),
        (["--status", "hled"], "wsg: --status 'hled' is not one of: proposed"),
        (["groups", "--kind", "study"], "wsg: --kind 'study' is not one of: advisory-group"),
    ],
)
def test_a_filter_that_names_nothing_is_a_usage_error(args: list[str], message: str) -> None:
    result = run_wsg("list", *args, *DATA)
    assert result.code == 2
    assert result.err.startswith(message)
    assert result.err.count("\n") == 1
    assert result.out == ""


def test_the_theme_error_suggests_and_lists_the_themes() -> None:
    result = run_wsg("list", "--theme", "securty-trust", *DATA)
    assert "(did you mean 'security-trust'?)" in result.err
    assert "themes: 6g-imt2030, accessibility, ai," in result.err


def test_status_suggests_too() -> None:
    assert "(did you mean 'held'?)" in run_wsg("list", "--status", "hled", *DATA).err


def test_a_filter_that_names_something_but_matches_nothing_is_an_empty_list() -> None:
    result = run_wsg("list", "--theme", "quantum", "--year", "2019", *DATA)
    assert result.code == 0
    assert result.out == "no records match\n"


def test_topics_are_listed_and_filtered_by_status_and_theme() -> None:
    result = run_wsg("list", "topics", "--status", "covered", *DATA, "--format", "json")
    rows = json.loads(result.out)
    assert rows and {row["status"] for row in rows} == {"covered"}
    assert list(rows[0]) == [
        "id", "status", "raised", "by", "reviewed", "themes", "events", "title",
    ]  # fmt: skip
    themed = json.loads(run_wsg("list", "topics", "--theme", "ai", *DATA, "--format", "json").out)
    assert themed and all("ai" in row["themes"].split(", ") for row in themed)
    # --year and --organizer mean the year and the group that raised a topic; --region
    # has no meaning for one
    wrong = run_wsg("list", "topics", "--region", "africa", *DATA)
    assert (wrong.code, wrong.err) == (2, "wsg: --region filters events, not topics\n")
    status = run_wsg("list", "topics", "--status", "held", *DATA)
    assert status.code == 2 and "watch, candidate, scheduled, covered, dropped" in status.err


def test_show_a_topic_with_its_events() -> None:
    result = run_wsg("show", "accessible-metaverse", *DATA)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[1] == "accessible-metaverse  ·  data/topics/accessible-metaverse.yaml"
    assert "Status:         covered" in lines
    assert any(line.startswith("2026-04-metaverse-accessibility-webinar  held, ") for line in lines)
    document = json.loads(run_wsg("show", "accessible-metaverse", *DATA, "--format", "json").out)
    assert document["record"] == "topic" and document["status"] == "covered"
