"""What an event's page adds for Resolution 53's duties, as values for ``event-duties.html``.

Who proposed the event and who organizes it with ITU-T, the fellowships by country,
the events it took over (the page's notice already leads a postponed or cancelled
event to its new dates or replacement), and the topics of the technology watch it
addresses. Links only to pages the site has.
"""

from __future__ import annotations

from dataclasses import dataclass

from wsg import links
from wsg.countries import load_reference
from wsg.dataset import Dataset
from wsg.model import CoOrganizer, Event
from wsg.render.text import short_date
from wsg.render.topics import Named, TopicView

KINDS = {
    "administration": "administration",
    "itu-bureau": "ITU bureau",
    "organization": "organization",
    "academia": "academia",
    "industry": "industry",
}


@dataclass(frozen=True)
class EventFacts:
    proposal: str  # "2 June 2025 by SG13 (SG13-TD-456)"; "" when not recorded
    proposed_with: str  # the countries that proposed or supported it, by name
    co_organizers: tuple[str, ...]
    fellows: str  # recipients by country: "Kenya 2, Haiti 1"
    took_over: tuple[tuple[str, Named], ...]  # ("Postponed from", event), ("Replaces", event)
    topics: tuple[TopicView, ...]


def _country(code: str) -> str:
    return load_reference().name(code) or code


def _co_organizer(co_organizer: CoOrganizer) -> str:
    """``Name (kind, Country)``."""
    kind = KINDS.get(co_organizer.kind or "", co_organizer.kind or "")
    country = _country(co_organizer.country) if co_organizer.country else ""
    details = ", ".join(d for d in (kind, country) if d)
    name = co_organizer.name or "(name missing)"
    return f"{name} ({details})" if details else name


def build(
    dataset: Dataset,
    event: Event,
    topics: list[TopicView],
    pages: set[str],
    earlier: dict[str, list[links.Link]],
) -> EventFacts:
    """The facts of ``event``; ``topics``: the site's, ``pages``: the event ids with a page,
    ``earlier``: ``links.took_over(dataset)``."""
    proposal = event.proposal
    text = ""
    if proposal is not None:
        group = dataset.group_ids.get(proposal.by) if proposal.by else None
        by = (group.acronym or group.name if group else None) or proposal.by
        parts = [
            short_date(proposal.date) if proposal.date else "",
            f"by {by}" if by else "",
            f"({proposal.ref})" if proposal.ref else "",
        ]
        text = " ".join(p for p in parts if p)
    co_organizers = tuple(_co_organizer(c) for c in event.co_organizers)
    fellowships = event.fellowships
    fellows = ", ".join(
        f"{_country(code)} {count}"
        for code, count in (fellowships.by_country.items() if fellowships else ())
    )
    took_over = []
    for link in links.related(dataset, event, earlier):
        if link.relation not in links.EARLIER:
            continue
        title = (link.event.title if link.event else None) or link.event_id
        named = Named(title, f"events/{link.event_id}.html" if link.event_id in pages else "")
        took_over.append((link.relation.capitalize(), named))
    return EventFacts(
        proposal=text,
        proposed_with=", ".join(_country(c) for c in proposal.countries) if proposal else "",
        co_organizers=co_organizers,
        fellows=fellows,
        took_over=tuple(took_over),
        topics=tuple(t for t in topics if event.id in t.event_ids),
    )
