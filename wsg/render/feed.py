"""The site's Atom 1.0 feed (RFC 4287): events announced and outcomes published, newest first.

For people who follow ITU-T by feed reader. Everything comes from the data, never the
clock: an entry's ``updated`` is the day of what it reports (an announcement, and a
later cancellation or postponement of that event; an outcome's publication), the
feed's is its newest entry's (today's date only for a feed without entries), and
entry ids are ``urn:uuid:`` names derived from the event id and what the entry
reports, so a reader never sees an entry twice. Links are relative to the feed, as
every link of the site is (made absolute by ``xml:base`` when ``--base-url`` gives the
site's address); an outcome's entry links to the document itself and to
its event's page.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from wsg.countries import load_reference
from wsg.dataset import Dataset
from wsg.model import Event, Outcome
from wsg.render.agenda import place
from wsg.render.text import date_range, is_id, safe_url, without_bidi_controls

MAX_ENTRIES = 100  # the newest; a feed reader keeps what it has seen
FEED_TITLE = "ITU-T workshops and seminars: announcements and outcomes"
AUTHOR = "ITU-T Workshop and Seminar Coordination Group (WSG)"
OUTCOME_WORDS = {
    "report": "Report",
    "summary": "Summary",
    "presentations": "Presentations",
    "recording": "Recording",
    "communique": "Communiqué",
    "liaison": "Liaison statement",
    "other": "Document",
}
# What XML 1.0 cannot hold at all (C0 controls but tab, newline, return; U+FFFE, U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    id: str  # urn:uuid:…
    title: str
    updated: str  # RFC 3339, midnight UTC of the day
    published: str
    link: str  # the entry's page or document
    related: str  # the event's page, for an outcome; "" otherwise
    category: str  # announcement | outcome
    summary: str

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.updated, self.id)


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    updated: str
    author: str
    entries: tuple[Entry, ...]
    base: str = ""  # the site's address (--base-url): the xml:base of every relative link


def entry_id(*parts: str) -> str:
    """A stable ``urn:uuid:`` from what an entry reports (a name-based UUID, RFC 9562 v5)."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "wsg:" + "/".join(parts)))


def stamp(day: date) -> str:
    """An Atom date: the day at midnight UTC (the data holds days, not times)."""
    return f"{day.isoformat()}T00:00:00Z"


def xml_text(value: str) -> str:
    """Text XML 1.0 can carry, without bidirectional controls, on one line."""
    return " ".join(_NOT_XML.sub("", without_bidi_controls(value)).split())


def build(dataset: Dataset, events: list[Event], site_url: str | None = None) -> Feed:
    """The feed of ``events`` (those the site has a page for) as of ``dataset.today``.

    ``site_url``, where the site is published when known, becomes the feed's
    ``xml:base``, so that readers resolve its links without knowing where it came from.
    """
    today = dataset.today
    entries: list[Entry] = []
    for event in events:
        if event.id is None or not is_id(event.id):
            continue
        announced = _announcement(event, today)
        if announced is not None:
            entries.append(announced)
        entries.extend(_outcome(event, outcome) for outcome in _published(event, today))
    entries.sort(key=lambda e: e.sort_key, reverse=True)
    kept = tuple(entries[:MAX_ENTRIES])
    wsg = dataset.wsg
    name = (wsg.name if wsg else None) or AUTHOR
    return Feed(
        id=entry_id("feed", (wsg.id if wsg else None) or "wsg"),
        title=FEED_TITLE,
        updated=kept[0].updated if kept else stamp(today),
        author=xml_text(name),
        entries=kept,
        base=site_url or "",
    )


def _announcement(event: Event, today: date) -> Entry | None:
    """The entry of an event announced by ``today``; it says whether it was cancelled since."""
    announcement = event.announcement
    if announcement is None or announcement.date is None or announcement.date > today:
        return None
    title = xml_text(event.title or event.id or "")
    day = announcement.date
    summary = [_where(event)]
    headline = f"Announced: {title}"
    # a later cancellation or postponement updates the entry (same id, new title and date)
    since = {"cancelled": event.cancellation, "postponed": event.postponement}.get(
        event.status or ""
    )
    if since is not None and since.date is not None and day <= since.date <= today:
        word = (event.status or "").capitalize()
        day = since.date
        headline = f"{word}: {title}"
        summary.append(f"{word} on {since.date.isoformat()}.")
    if announcement.ref:
        summary.append(f"Announced by {xml_text(announcement.ref)}.")
    return Entry(
        id=entry_id("event", event.id or "", "announcement"),
        title=headline,
        updated=stamp(day),
        published=stamp(announcement.date),
        link=f"events/{event.id}.html",
        related="",
        category="announcement",
        summary=" ".join(summary),
    )


def _where(event: Event) -> str:
    kind = (event.kind or "event").capitalize()
    return xml_text(f"{kind}, {date_range(event.start, event.end)}, {place(event)}.")


def _published(event: Event, today: date) -> list[Outcome]:
    return [o for o in event.outcomes if o.date is not None and o.date <= today]


def _outcome(event: Event, outcome: Outcome) -> Entry:
    assert outcome.date is not None
    kind = OUTCOME_WORDS.get(outcome.type or "", "Document")
    event_title = xml_text(event.title or event.id or "")
    title = xml_text(outcome.title or kind)
    page = f"events/{event.id}.html"
    names = load_reference().languages
    languages = ", ".join(names.get(code, code) for code in outcome.languages)
    return Entry(
        # what the outcome is: its type and address (or title), not its place in the list
        id=entry_id("event", event.id or "", "outcome", outcome.type or "", outcome.url or title),
        title=f"{kind}: {title} ({event_title})" if title != kind else f"{kind}: {event_title}",
        updated=stamp(outcome.date),
        published=stamp(outcome.date),
        link=safe_url(outcome.url) or page,
        related=page if safe_url(outcome.url) else "",
        category="outcome",
        summary=f"{kind} of the {event_title}, published {outcome.date.isoformat()}"
        + (f", in {languages}." if languages else "."),
    )
