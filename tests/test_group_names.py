"""A group named on the command line by its id or its acronym, in any case, everywhere.

``wsg list --organizer``, ``wsg show``, ``wsg new event --organizer``, ``wsg new
topic --raised-by`` and ``wsg new group --parent`` share one resolver
(wsg.groupnames); what is written to a file is always the group's id.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, make_dataset, run_wsg
from wsg import dataset as datasets
from wsg import groupnames
from wsg.errors import WsgError

TODAY = "2026-11-28"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def wsg(data: Path, *args: str) -> tuple[int, str, str]:
    result = run_wsg(*args, "--data", str(data), "--today", TODAY)
    return result.code, result.out, result.err


def written(data: Path, out: str) -> dict[str, object]:
    """The record a ``wsg new`` wrote (it prints the file's path)."""
    document = yaml.safe_load((data.parent / out.strip()).read_text("utf-8"))
    assert isinstance(document, dict)
    return document


@pytest.mark.parametrize("name", ["sg17", "SG17", "Sg17"])
def test_show_takes_a_groups_id_or_acronym_in_any_case(data: Path, name: str) -> None:
    code, out, err = wsg(data, "show", name, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["record"] == "group" and json.loads(out)["id"] == "sg17"
    assert wsg(data, "show", name)[1] == wsg(data, "show", "sg17")[1]


def test_show_still_prefers_an_event_or_a_topic_named_exactly(data: Path) -> None:
    code, out, _ = wsg(data, "show", "quantum-safe-migration", "--format", "json")
    assert code == 0 and json.loads(out)["record"] == "topic"


@pytest.mark.parametrize("name", ["SG17", "sg17", "sG17"])
def test_new_event_takes_an_acronym_and_writes_the_id(data: Path, name: str) -> None:
    code, out, err = wsg(
        data, "new", "event", "--title", "AI for Health", "--start", "2027-04-20",
        "--organizer", name, "--organizer", "TSAG", "--organizer", "sg17",
        "--theme", "ai", "--city", "Geneva", "--country", "CH",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert written(data, out)["organizers"] == ["sg17", "tsag"]  # the ids, each once
    assert wsg(data, "validate")[0] == 0


def test_new_topic_takes_an_acronym_and_writes_the_id(data: Path) -> None:
    code, out, err = wsg(
        data, "new", "topic", "--title", "Trust in AI agents", "--theme", "ai",
        "--raised-by", "SG17", "--raised-ref", "SG17-TD-3550",
    )  # fmt: skip
    assert (code, err) == (0, "")
    raised = written(data, out)["raised"]
    assert isinstance(raised, dict) and raised["by"] == "sg17"


def test_new_group_takes_its_parent_by_acronym(data: Path) -> None:
    result = run_wsg(
        "new", "group", "--id", "sg22", "--name", "Test", "--parent", "Tsag", "--data", str(data)
    )
    assert (result.code, result.err) == (0, "")
    out = result.out
    assert written(data, out)["parent"] == "tsag"


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--organizer", "SG170"],
        ["new", "event", "--title", "X", "--start", "2027-04-20", "--organizer", "SG170",
         "--theme", "ai", "--city", "Geneva", "--country", "CH"],
        ["new", "topic", "--title", "X", "--theme", "ai", "--raised-by", "SG170"],
    ],
)  # fmt: skip
def test_an_unknown_group_is_refused_alike_by_every_command(data: Path, args: list[str]) -> None:
    option = args[args.index("SG170") - 1]
    code, out, err = wsg(data, *args)
    assert (code, out) == (2, "")
    assert err == (
        f"wsg: {option} 'SG170' is no group's id or acronym (did you mean 'sg17'?);"
        " `wsg list groups` lists them\n"
    )


def test_an_acronym_two_groups_share_names_neither(tmp_path: Path) -> None:
    data = make_dataset(
        tmp_path,
        {
            "data/groups/sg16.yaml": "id: sg16\nname: Multimedia\nacronym: MM\nkind: study-group\n",
            "data/groups/sg17.yaml": "id: sg17\nname: Security\nacronym: mm\nkind: study-group\n",
        },
    )
    groups = datasets.load(data, date(2026, 6, 1)).group_ids
    assert groupnames.find("Mm", groups) is None
    with pytest.raises(WsgError, match=r"^--organizer 'Mm' is the acronym of sg16 and sg17"):
        groupnames.require("Mm", groups, "--organizer")
    assert groupnames.find("SG16", groups) == "sg16"  # an id in another case is that group


def test_list_and_show_agree_on_a_group(data: Path) -> None:
    listed = wsg(data, "list", "--organizer", "sg17", "--format", "json")[1]
    assert wsg(data, "list", "--organizer", "SG17", "--format", "json")[1] == listed
