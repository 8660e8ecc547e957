"""The rule registry: every check of RULES.md, with its stable id and documentation.

A rule is a small function that yields ``(Loc, message)`` problems; the engine
stamps rule id, severity and place. Rules whose problems arise while a file is
read or converted (the File and Schema families) are declared here with their
documentation and no check: the loader and the value kinds report them.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from wsg.model import Event, Group, Loc, Topic

if TYPE_CHECKING:
    from wsg.dataset import Dataset

Problem = tuple[Loc, str]
DatasetCheck = Callable[["Dataset"], Iterable[Problem]]

SECTIONS = (
    "File",
    "Schema",
    "References",
    "Dates and programme",
    "Lifecycle and dissemination",
    "Technology watch",
    "Management team and regional balance",
)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    section: str
    doc: str
    check: DatasetCheck | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


RULES: dict[str, Rule] = {}
FILE_RULES: set[str] = set()

F = TypeVar("F", bound=Callable[..., Iterable[Problem]])


def declare(rule_id: str, severity: str, section: str, doc: str) -> None:
    """A rule reported while reading files (no check function of its own)."""
    _register(Rule(rule_id, severity, section, inspect.cleandoc(doc)))


def dataset_rule(rule_id: str, severity: str, section: str) -> Callable[[F], F]:
    def wrap(check: F) -> F:
        _register(Rule(rule_id, severity, section, inspect.cleandoc(check.__doc__ or ""), check))
        return check

    return wrap


def event_rule(rule_id: str, severity: str, section: str) -> Callable[[F], F]:
    """A rule that looks at one event at a time: ``check(event, dataset)``."""

    def wrap(check: F) -> F:
        def over_events(dataset: Dataset) -> Iterator[Problem]:
            for event in dataset.events:
                yield from check(event, dataset)

        doc = inspect.cleandoc(check.__doc__ or "")
        _register(Rule(rule_id, severity, section, doc, over_events))
        return check

    return wrap


def group_rule(rule_id: str, severity: str, section: str) -> Callable[[F], F]:
    """A rule that looks at one group at a time: ``check(group, dataset)``."""

    def wrap(check: F) -> F:
        def over_groups(dataset: Dataset) -> Iterator[Problem]:
            for group in dataset.groups:
                yield from check(group, dataset)

        doc = inspect.cleandoc(check.__doc__ or "")
        _register(Rule(rule_id, severity, section, doc, over_groups))
        return check

    return wrap


def topic_rule(rule_id: str, severity: str, section: str) -> Callable[[F], F]:
    """A rule that looks at one topic at a time: ``check(topic, dataset)``."""

    def wrap(check: F) -> F:
        def over_topics(dataset: Dataset) -> Iterator[Problem]:
            for topic in dataset.topics:
                yield from check(topic, dataset)

        doc = inspect.cleandoc(check.__doc__ or "")
        _register(Rule(rule_id, severity, section, doc, over_topics))
        return check

    return wrap


def _register(rule: Rule) -> None:
    if rule.id in RULES:
        raise RuntimeError(f"rule {rule.id} registered twice")
    RULES[rule.id] = rule
    if rule.section == "File":
        FILE_RULES.add(rule.id)


# The families, in RULES.md order; importing them fills the registry.
from wsg.rules import (  # noqa: E402
    dates,
    file,
    lifecycle,
    management,
    references,
    schema,
    topics,
)

__all__ = [
    "FILE_RULES",
    "RULES",
    "SECTIONS",
    "Event",
    "Group",
    "Rule",
    "Topic",
    "dates",
    "file",
    "lifecycle",
    "management",
    "references",
    "schema",
    "topics",
]
