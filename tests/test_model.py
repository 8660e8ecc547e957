"""Records remember where each key and value was, and give it back exactly."""

from __future__ import annotations

from wsg.kinds import Context
from wsg.model import Loc, Participation
from wsg.schema import EVENT
from wsg.yamltree import parse

EVENT_TEXT = """\
id: demo
title: Workshop
host:
organizers: [sg16, sg17]
participation:
  registered: 12
  by_country: {KE: 5, "\\x1fodd": 1}
"""


def converted() -> object:
    tree, problems = parse(EVENT_TEXT)
    assert problems == []
    return EVENT.convert(tree, Context("demo.yaml"))


def test_each_value_and_key_is_where_the_file_has_it() -> None:
    event = converted()
    assert event.loc("title") == Loc("demo.yaml", 2, 8)  # type: ignore[attr-defined]
    assert event.key_loc("title") == Loc("demo.yaml", 2, 1)  # type: ignore[attr-defined]
    assert event.loc("organizers.1") == Loc("demo.yaml", 4, 20)  # type: ignore[attr-defined]
    assert event.key_loc("host") == Loc("demo.yaml", 3, 1)  # type: ignore[attr-defined]
    assert event.loc("host") == Loc("demo.yaml", 1, 1)  # type: ignore[attr-defined]  # null
    assert event.loc("absent") == Loc("demo.yaml", 1, 1)  # type: ignore[attr-defined]


def test_given_means_present_with_a_value() -> None:
    event = converted()
    assert event.given("title") and event.given("organizers")  # type: ignore[attr-defined]
    assert not event.given("host")  # type: ignore[attr-defined]  # null
    assert not event.given("notes")  # type: ignore[attr-defined]  # absent
    assert event.given("organizers.1")  # type: ignore[attr-defined]  # an item has a value
    assert not event.given("titl")  # type: ignore[attr-defined]  # no prefix matches


def test_a_data_key_is_kept_as_written() -> None:
    participation = converted().participation  # type: ignore[attr-defined]
    assert isinstance(participation, Participation)
    assert participation.loc("by_country.KE") == Loc("demo.yaml", 7, 20)
    assert participation.loc("by_country.\x1fodd") == Loc("demo.yaml", 7, 34)
    assert participation.given("by_country") and not participation.given("odd")


def test_a_repeated_key_is_placed_where_its_first_value_is() -> None:
    tree, problems = parse("id: demo\ntitle: First\ntitle: Second\nhost: sg16\nhost:\n")
    assert [p.rule for p in problems] == ["duplicate-key", "duplicate-key"]
    event = EVENT.convert(tree, Context("demo.yaml"))
    assert (event.title, event.host) == ("First", "sg16")
    assert event.loc("title") == Loc("demo.yaml", 2, 8)
    assert event.key_loc("host") == Loc("demo.yaml", 4, 1) and event.given("host")
