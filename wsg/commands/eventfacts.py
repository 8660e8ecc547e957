"""What ``wsg show`` adds for Resolution 53's duties, as (label, text) pairs.

For an event: the fellowships by country, its budget, the events it took over (the
ones postponed to it or replaced by it) and the topics of the technology watch that
address it; for a topic still weighed, when its next review is due.
"""

from __future__ import annotations

from datetime import timedelta

from wsg import links
from wsg.dataset import Dataset
from wsg.model import Event, Topic
from wsg.render.text import number


def facts(event: Event, dataset: Dataset) -> list[tuple[str, str]]:
    """The labelled lines, in reading order; a fact the event does not have is left out."""
    found: list[tuple[str, str]] = []
    fellowships = event.fellowships
    if fellowships is not None:
        text = "offered" if fellowships.offered else "not offered"
        if fellowships.granted is not None:
            text += f"; {fellowships.granted} granted"
        if fellowships.by_country:
            text += ": " + ", ".join(f"{c} {n}" for c, n in fellowships.by_country.items())
        found.append(("Fellowships", text))
    budget = event.budget
    if budget is not None:
        amounts = f"{number(budget.allocated)} allocated, {number(budget.spent)} spent"
        found.append(("Budget", f"{budget.currency or ''} {amounts}".strip()))
    for link in links.related(dataset, event):
        if link.relation in links.EARLIER:
            title = link.event.title if link.event is not None else "(no such event)"
            found.append((link.relation.capitalize(), f"{link.event_id}: {title}"))
    topics = links.addressing(dataset, event.id or "")
    if topics:
        found.append(("Topics", "; ".join(f"{t.id} ({t.status}): {t.title}" for t in topics)))
    return found


def review_due(topic: Topic, dataset: Dataset) -> str:
    """``; next review due by D`` for a topic still weighed (``policy.topic_review_days``)."""
    if topic.status not in ("watch", "candidate") or topic.reviewed is None:
        return ""
    due = topic.reviewed + timedelta(days=dataset.policy.topic_review_days)
    late = " (overdue)" if due < dataset.today else ""
    return f"; next review due by {due}{late}"
