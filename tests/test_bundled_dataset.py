"""The bundled dataset shows the format in use: every key that Resolution 53's duties added.

It is the example people copy and the data the reports and pages are checked
against, so a key no file uses would go untested there. That the figures agree
(fellowships by country, budgets, topics and their events) is the validator's
job: ``tests/test_cli.py`` keeps the dataset free of findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from tests.conftest import ROOT
from wsg import dataset
from wsg.kinds import ListOf, Record
from wsg.schema import CO_ORGANIZER_KINDS, EVENT, TOPIC, TOPIC_STATUSES, WSG_GROUP

ADDED = [
    "event.registration",
    "event.proposal.date",
    "event.proposal.by",
    "event.proposal.ref",
    "event.proposal.countries",
    "event.co_organizers.name",
    "event.co_organizers.kind",
    "event.co_organizers.country",
    "event.fellowships.by_country",
    "event.cancellation.replaced_by",
    "event.postponement.date",
    "event.postponement.reason",
    "event.postponement.to",
    "event.outcomes.languages",
    "event.programme.sessions.id",
    "wsg.policy.topic_review_days",
    *(f"topic.{spec.name}" for spec in TOPIC.fields),
    "topic.raised.date",
    "topic.raised.by",
    "topic.raised.ref",
]


@pytest.fixture(scope="module")
def bundled() -> dataset.Dataset:
    return dataset.load(ROOT / "data", date(2026, 11, 28))


def given(record: Record, value: Any, prefix: str) -> Iterator[str]:
    """The dotted paths of the keys a loaded record gives a value."""
    for spec in record.fields:
        if not value.given(spec.name):
            continue
        path = f"{prefix}.{spec.name}"
        yield path
        kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        if isinstance(kind, Record):
            items = getattr(value, spec.name)
            for item in items if isinstance(spec.kind, ListOf) else [items]:
                if item is not None:
                    yield from given(kind, item, path)


def test_every_added_key_is_used_somewhere(bundled: dataset.Dataset) -> None:
    used = set()
    for event in bundled.events:
        used.update(given(EVENT, event, "event"))
    assert bundled.wsg is not None
    used.update(given(WSG_GROUP, bundled.wsg, "wsg"))
    for topic in bundled.topics:
        used.update(given(TOPIC, topic, "topic"))
    assert [key for key in ADDED if key not in used] == []


def test_topics_in_every_status_raised_by_several_groups(bundled: dataset.Dataset) -> None:
    assert {t.status for t in bundled.topics} == set(TOPIC_STATUSES)
    assert len({t.raised.by for t in bundled.topics if t.raised}) >= 5
    assert all(e in bundled.event_ids for t in bundled.topics for e in t.events)


def test_events_are_co_organized_with_administrations_and_bdt(bundled: dataset.Dataset) -> None:
    kinds = {c.kind for e in bundled.events for c in e.co_organizers}
    assert {"administration", "itu-bureau", "organization"} <= kinds <= set(CO_ORGANIZER_KINDS)
    bureaux = {c.name for e in bundled.events for c in e.co_organizers if c.kind == "itu-bureau"}
    assert bureaux == {"ITU Telecommunication Development Bureau (BDT)"}


def test_held_events_that_granted_fellowships_say_to_which_countries(
    bundled: dataset.Dataset,
) -> None:
    granted = [e for e in bundled.events if e.fellowships and e.fellowships.granted]
    assert granted and all(e.status == "held" for e in granted)
    assert [e.id for e in granted if not e.fellowships or not e.fellowships.by_country] == []


def test_the_postponed_and_the_cancelled_event_point_at_what_replaced_them(
    bundled: dataset.Dataset,
) -> None:
    moved = {
        e.id: e.postponement.to for e in bundled.events if e.postponement and e.postponement.to
    }
    assert moved == {"2026-09-qos-digital-inclusion-suva": "2027-05-qos-digital-inclusion-suva"}
    replaced = {
        e.id: e.cancellation.replaced_by
        for e in bundled.events
        if e.cancellation and e.cancellation.replaced_by
    }
    assert replaced == {
        "2025-11-metaverse-accessibility-riyadh": "2026-04-metaverse-accessibility-webinar"
    }


def test_upcoming_announced_events_link_their_registration(bundled: dataset.Dataset) -> None:
    today = bundled.today
    upcoming = [
        e for e in bundled.events if e.status == "announced" and e.start and e.start > today
    ]
    assert upcoming and all(e.registration for e in upcoming)
