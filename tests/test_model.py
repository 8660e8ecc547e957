"""Records remember where each key and value was, packed, and give it back exactly."""

from __future__ import annotations

from wsg.kinds import Context
from wsg.model import BARE, VALUED, Loc, Participation, pack_places, unpack_places
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


def test_a_flag_character_in_a_data_key_does_not_split_it() -> None:
    participation = converted().participation  # type: ignore[attr-defined]
    assert isinstance(participation, Participation)
    assert participation.loc("by_country.KE") == Loc("demo.yaml", 7, 20)
    assert participation.loc("by_country.\ufffdodd") == Loc("demo.yaml", 7, 34)
    assert participation.given("by_country") and not participation.given("odd")


def test_a_later_duplicate_wins_as_in_yaml() -> None:
    keys, places = pack_places(
        [VALUED + "a", BARE + "b", VALUED + "a"], [1, 2, 1, 1, 0, 0, 2, 1, 3, 4, 3, 1]
    )
    values, names = unpack_places(keys, places)
    assert values == {"a": (3, 4)}
    assert names == {"a": (3, 1), "b": (2, 1)}


def test_records_with_the_same_keys_share_one_string() -> None:
    first, _ = pack_places([VALUED + "name", VALUED + "country"], [1, 1, 1, 1] * 2)
    second, _ = pack_places([VALUED + "name", VALUED + "country"], [5, 1, 5, 1] * 2)
    assert first is second  # one object in a cache segment's memo


def test_places_take_the_fewest_bytes_their_largest_number_needs() -> None:
    for numbers, width in (([1, 2, 3, 4], 4), ([300, 2, 3, 4], 8), ([70_000, 1, 1, 1], 16)):
        keys, places = pack_places([VALUED + "a"], numbers)
        assert len(places) == width
        assert unpack_places(keys, places) == ({"a": tuple(numbers[:2])}, {"a": tuple(numbers[2:])})
