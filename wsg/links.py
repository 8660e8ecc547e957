"""What refers to an event: the topics that it addresses, the events it replaced or took over.

``events`` of a topic, ``postponement.to`` and ``cancellation.replaced_by`` point one
way; readers of an event want both directions. Pure functions over the dataset.
"""

from __future__ import annotations

from dataclasses import dataclass

from wsg.dataset import Dataset
from wsg.model import Event, Topic

EARLIER = ("postponed from", "replaces")
"""The relations of an event to those it took over (``related`` lists them last)."""


@dataclass(frozen=True)
class Link:
    """Another event, and how it relates to the one at hand (as a reader says it)."""

    relation: str  # "new dates", "replaced by", "postponed from", "replaces"
    event_id: str
    event: Event | None  # None when the id names no event (unknown-event reports it)


def addressing(dataset: Dataset, event_id: str) -> list[Topic]:
    """The topics whose ``events`` name ``event_id``, by id."""
    return sorted((t for t in dataset.topics if event_id in t.events), key=lambda t: t.id or "")


def related(
    dataset: Dataset, event: Event, index: dict[str, list[Link]] | None = None
) -> list[Link]:
    """The events this one moved to or was replaced by, then those it took over, by id.

    ``index``: ``took_over(dataset)``, when the caller asks for many events.
    """
    links: list[Link] = []
    # an event that names itself (unknown-event) moved to, or was replaced by, no other
    if event.postponement is not None and event.postponement.to not in (None, "", event.id):
        to = event.postponement.to
        links.append(Link("new dates", to, dataset.event(to)))
    if event.cancellation is not None and event.cancellation.replaced_by not in (
        None,
        "",
        event.id,
    ):
        to = event.cancellation.replaced_by
        links.append(Link("replaced by", to, dataset.event(to)))
    if event.id is None:
        return links
    earlier = (index if index is not None else took_over(dataset)).get(event.id, [])
    return links + [link for link in earlier if link.event is not event]


def took_over(dataset: Dataset) -> dict[str, list[Link]]:
    """For each event id, the events postponed to it or replaced by it, by id."""
    found: dict[str, list[Link]] = {}
    for other in dataset.events:
        if other.id is None:
            continue
        if other.postponement is not None and other.postponement.to is not None:
            found.setdefault(other.postponement.to, []).append(
                Link("postponed from", other.id, other)
            )
        if other.cancellation is not None and other.cancellation.replaced_by is not None:
            found.setdefault(other.cancellation.replaced_by, []).append(
                Link("replaces", other.id, other)
            )
    return {
        key: sorted(earlier, key=lambda link: (link.event_id, link.relation))
        for key, earlier in found.items()
    }
