"""The record kinds of FORMAT.md, declared once.

The validator converts with these, ``wsg schema`` prints them as JSON Schema,
and ``wsg fmt`` orders keys by them: key order here is FORMAT.md's order.
"""

from __future__ import annotations

from typing import Any

from wsg import model
from wsg.kinds import (
    Bool,
    Count,
    CountByCountry,
    Currency,
    Date,
    Email,
    Enum,
    Field,
    Language,
    ListOf,
    Record,
    SeverityMap,
    Slug,
    Text,
    Time,
    Timezone,
    Url,
)
from wsg.kinds import Country as CountryCode
from wsg.yamltree import Mapping, Scalar

REGION_IDS = ("americas", "europe", "cis", "africa", "asia-pacific", "arab-states")
STATUSES = ("proposed", "approved", "announced", "held", "cancelled", "postponed")
EVENT_KINDS = ("workshop", "seminar", "forum", "symposium", "webinar")
FORMATS = ("in-person", "hybrid", "virtual")
GROUP_KINDS = ("advisory-group", "study-group", "coordination-group", "focus-group", "other")
SESSION_KINDS = ("talk", "keynote", "panel", "break", "other")
CO_ORGANIZER_KINDS = ("administration", "itu-bureau", "organization", "academia", "industry")
TOPIC_STATUSES = ("watch", "candidate", "scheduled", "covered", "dropped")
OUTCOME_TYPES = (
    "report",
    "summary",
    "presentations",
    "recording",
    "communique",
    "liaison",
    "other",
)


def _person_fields(country_required: bool, speaker: bool) -> list[Field]:
    fields = [
        Field("name", Text(), "full name", required=True),
        Field("affiliation", Text(), "organization the person works for"),
        Field(
            "country",
            CountryCode(),
            "ISO 3166-1 alpha-2 code of the person's country",
            required=country_required,
        ),
        Field("region", Enum(*REGION_IDS), "which of the country's regions the person represents"),
        Field("gender", Enum("f", "m", "x"), "f, m or x; only ever reported in aggregate"),
    ]
    if speaker:
        fields.append(Field("presentation", Url(), "link to the slides"))
    fields.append(Field("email", Email(), "private: never rendered in public output"))
    return fields


def _decision(title: str, by_group: bool = True, with_url: bool = False) -> Record:
    by = Field("by", Slug(), "the group that decided", required=True)
    if not by_group:
        by = Field("by", Text(), "who decided, e.g. WTSA-08")
    fields = [
        Field("date", Date(), "the day of the decision", required=True),
        by,
        Field("ref", Text(), "document reference"),
    ]
    if with_url:
        fields.append(Field("url", Url(), "where it was published"))
    return Record(title, model.Decision, fields)


SPEAKER = Record("a speaker", model.Person, _person_fields(False, True))
CHAIR = Record("a chair", model.Person, _person_fields(False, False))
MEMBER = Record("a committee member", model.Person, _person_fields(True, False))

TERM = Record(
    "a term",
    model.Term,
    [
        Field("start", Date(), "first day in office", required=True),
        Field("end", Date(), "last day in office; absent while still in office"),
    ],
)

SEAT = Record(
    "a management seat",
    model.Seat,
    [
        Field("role", Enum("chairman", "vice-chairman"), "the seat", required=True),
        *_person_fields(True, False),
        Field("term", TERM, "when the person held the seat", required=True),
        Field("appointed", _decision("an appointment"), "who appointed them"),
    ],
)

THEME = Record(
    "a theme",
    model.Theme,
    [
        Field("id", Slug(), "theme id used by events", required=True),
        Field("title", Text(), "what the theme is called", required=True),
        Field("priority", Enum("high", "normal", "low"), "the WSG's priority", required=True),
    ],
)

POLICY = Record(
    "the policy",
    model.Policy,
    [
        Field(
            "announcement_lead_days",
            Count(),
            "an event is announced at least this many days before it starts (default 42)",
        ),
        Field(
            "outcomes_due_days",
            Count(),
            "its report is published within this many days after it ends (default 30)",
        ),
        Field(
            "presentations_due_days",
            Count(),
            "its presentations are online within this many days after it ends (default 7)",
        ),
        Field(
            "topic_review_days",
            Count(),
            "a watched topic is looked at again at least this often (default 365)",
        ),
        Field("severity", SeverityMap(), "per-rule overrides: error, warning, info or off"),
    ],
)

BUDGET_LINE = Record(
    "a budget line",
    model.BudgetLine,
    [
        Field("year", Count(), "the year", required=True),
        Field("currency", Currency(), "ISO 4217 code", required=True),
        Field("amount", Count(whole=False), "the allocation", required=True),
    ],
)

_WSG_ONLY = "only data/groups/wsg.yaml may hold {!r}"

GROUP = Record(
    "a group",
    model.Group,
    [
        Field("id", Slug(), "the group id, equal to the file name", required=True),
        Field("name", Text(), "the group's full name", required=True),
        Field("acronym", Text(), "short name, e.g. WSG"),
        Field("kind", Enum(*GROUP_KINDS), "what kind of group", required=True),
        Field("parent", Slug(), "the parent group's id"),
        Field(
            "established",
            _decision("an establishment", by_group=False),
            "when and by whom it was created",
        ),
        Field("closed", Date(), "the group no longer exists after this date"),
        Field(
            "regional_balance",
            Bool(),
            "the team must be one chairman and a vice-chairman from each of the six regions",
        ),
        Field("management", ListOf(SEAT), "the seats held over time"),
    ],
    doc="One file per group: data/groups/<id>.yaml",
    only_in={name: _WSG_ONLY.format(name) for name in ("themes", "policy", "budget")},
)

WSG_GROUP = Record(
    "the WSG group",
    model.Group,
    [
        *GROUP.fields,
        Field("themes", ListOf(THEME), "the controlled vocabulary of event themes"),
        Field("policy", POLICY, "the WSG's working methods"),
        Field("budget", ListOf(BUDGET_LINE), "yearly allocation for workshops and seminars"),
    ],
    doc="data/groups/wsg.yaml: the coordination group whose dataset this is",
)

SESSION = Record(
    "a session",
    model.Session,
    [
        Field("id", Slug(), "optional, unique within the event: keeps its calendar entry stable"),
        Field("start", Time(), 'local start time, "HH:MM"', required=True),
        Field("end", Time(), 'local end time, "HH:MM"', required=True),
        Field("title", Text(), "what the session is", required=True),
        Field("kind", Enum(*SESSION_KINDS), "talk, keynote, panel, break or other"),
        Field("room", Text(), "sessions without a room share one room"),
        Field("chairs", ListOf(CHAIR), "who chairs it"),
        Field("speakers", ListOf(SPEAKER), "who speaks"),
    ],
)

DAY = Record(
    "a programme day",
    model.Day,
    [
        Field("date", Date(), "the day", required=True),
        Field("sessions", ListOf(SESSION), "the day's sessions", required=True),
    ],
)

OUTCOME = Record(
    "an outcome",
    model.Outcome,
    [
        Field("type", Enum(*OUTCOME_TYPES), "what kind of document", required=True),
        Field("title", Text(), "its title", required=True),
        Field("url", Url(), "where it is", required=True),
        Field("date", Date(), "the day it was published", required=True),
        Field("to", ListOf(Slug()), "groups it was sent to (required for a liaison)"),
        Field("languages", ListOf(Language()), "ISO 639-1 codes it is published in; default [en]"),
    ],
)


def _administration(mapping: Mapping) -> bool:
    """For an administration."""
    value = mapping.get("kind")
    return isinstance(value, Scalar) and value.value == "administration"


CO_ORGANIZER = Record(
    "a co-organizer",
    model.CoOrganizer,
    [
        Field("name", Text(), "the organization's name", required=True),
        Field(
            "kind",
            Enum(*CO_ORGANIZER_KINDS),
            "administration, itu-bureau (BDT or BR), organization, academia or industry",
            required=True,
        ),
        Field(
            "country",
            CountryCode(),
            "ISO 3166-1 alpha-2 code (required for an administration)",
            required=_administration,
        ),
    ],
)

PROPOSAL = Record(
    "a proposal",
    model.Proposal,
    [
        Field("date", Date(), "the day it was proposed", required=True),
        Field("by", Slug(), "the group that proposed it"),
        Field("ref", Text(), "document reference"),
        Field(
            "countries",
            ListOf(CountryCode()),
            "the administrations that proposed or supported it (ISO 3166-1 alpha-2 codes)",
        ),
    ],
)


def _not_virtual(mapping: Mapping) -> bool:
    """Unless `format` is virtual."""
    value = mapping.get("format")
    return not (isinstance(value, Scalar) and value.value == "virtual")


EVENT = Record(
    "an event",
    model.Event,
    [
        Field("id", Slug(), "the event id, equal to the file name", required=True),
        Field("title", Text(), "the event's title", required=True),
        Field("kind", Enum(*EVENT_KINDS), "workshop, seminar, forum, symposium or webinar", True),
        Field("status", Enum(*STATUSES), "where the event is in its lifecycle", required=True),
        Field("start", Date(), "first day", required=True),
        Field("end", Date(), "last day", required=True),
        Field("timezone", Timezone(), "IANA zone name, e.g. Europe/Zurich", required=True),
        Field("format", Enum(*FORMATS), "in-person, hybrid or virtual", required=True),
        Field(
            "venue",
            Record(
                "a venue",
                model.Venue,
                [
                    Field("city", Text(), "the city", required=True),
                    Field("country", CountryCode(), "ISO 3166-1 alpha-2 code", required=True),
                    Field("place", Text(), "the building or room"),
                ],
            ),
            "where it takes place (required unless virtual)",
            required=_not_virtual,
        ),
        Field("host", Text(), "the hosting organization"),
        Field("organizers", ListOf(Slug(), min_items=1), "organizing group ids", required=True),
        Field("themes", ListOf(Slug(), min_items=1), "theme ids from wsg.yaml", required=True),
        Field("languages", ListOf(Language()), "ISO 639-1 codes; default [en]"),
        Field("interpretation", ListOf(Language()), "interpretation languages"),
        Field("fee", Count(whole=False), "participation fee; default 0"),
        Field("approval", _decision("an approval"), "who approved it and when"),
        Field(
            "announcement",
            _decision("an announcement", by_group=False, with_url=True),
            "when and where it was announced",
        ),
        Field(
            "contact",
            Record(
                "a contact",
                model.Contact,
                [
                    Field("name", Text(), "a name", required=True),
                    Field("email", Email(), "a functional address, published"),
                ],
            ),
            "a functional contact, published",
        ),
        Field("programme_committee", ListOf(MEMBER), "the programme committee"),
        Field(
            "fellowships",
            Record(
                "fellowships",
                model.Fellowships,
                [
                    Field("offered", Bool(), "whether fellowships are offered", required=True),
                    Field("granted", Count(), "how many were granted (once held)"),
                    Field(
                        "by_country",
                        CountByCountry(),
                        "recipients per country (once held); adds up to granted",
                    ),
                ],
            ),
            "fellowships for participants from developing countries",
        ),
        Field("registration", Url(), "where to register or to join online (published)"),
        Field("proposal", PROPOSAL, "who asked for the event"),
        Field("co_organizers", ListOf(CO_ORGANIZER), "who organizes it with ITU-T"),
        Field(
            "budget",
            Record(
                "an event budget",
                model.EventBudget,
                [
                    Field("currency", Currency(), "ISO 4217 code", required=True),
                    Field("allocated", Count(whole=False), "the allocation"),
                    Field("spent", Count(whole=False), "what was spent"),
                ],
            ),
            "the event's budget",
        ),
        Field(
            "participation",
            Record(
                "participation",
                model.Participation,
                [
                    Field("registered", Count(), "registered participants"),
                    Field("in_person", Count(), "who attended in person"),
                    Field("remote", Count(), "who attended remotely"),
                    Field("by_country", CountByCountry(), "participants per country"),
                ],
            ),
            "who took part (expected once held)",
        ),
        Field("programme", ListOf(DAY), "one entry per day"),
        Field("outcomes", ListOf(OUTCOME), "the documents that disseminate the results"),
        Field(
            "cancellation",
            Record(
                "a cancellation",
                model.Cancellation,
                [
                    Field("date", Date(), "when it was cancelled", required=True),
                    Field("reason", Text(), "why"),
                    Field("replaced_by", Slug(), "the event that replaces it"),
                ],
            ),
            "required when cancelled",
        ),
        Field(
            "postponement",
            Record(
                "a postponement",
                model.Postponement,
                [
                    Field("date", Date(), "when it was postponed", required=True),
                    Field("reason", Text(), "why"),
                    Field("to", Slug(), "the event that holds the new dates, once there is one"),
                ],
            ),
            "optional when postponed",
        ),
        Field("notes", Text(), "free text"),
    ],
    doc="One file per event: data/events/<year>/<id>.yaml",
)

TOPIC = Record(
    "a topic",
    model.Topic,
    [
        Field("id", Slug(), "the topic id, equal to the file name", required=True),
        Field("title", Text(), "what the topic is", required=True),
        Field("themes", ListOf(Slug(), min_items=1), "theme ids from wsg.yaml", required=True),
        Field(
            "status",
            Enum(*TOPIC_STATUSES),
            "watch, candidate, scheduled, covered or dropped",
            required=True,
        ),
        Field(
            "raised",
            Record(
                "where a topic came from",
                model.Decision,
                [
                    Field("date", Date(), "the day it was raised", required=True),
                    Field("by", Slug(), "the group that brought it", required=True),
                    Field("ref", Text(), "the document"),
                ],
            ),
            "who brought it, when, and in which document",
            required=True,
        ),
        Field("reviewed", Date(), "the last time the WSG looked at it", required=True),
        Field("events", ListOf(Slug()), "events that address it (required from scheduled on)"),
        Field("notes", Text(), "free text"),
    ],
    doc="The technology watch, one file per topic: data/topics/<id>.yaml",
)

RECORDS: dict[str, Record] = {"event": EVENT, "group": GROUP, "wsg": WSG_GROUP, "topic": TOPIC}


def json_schema(kind: str) -> dict[str, Any]:
    """JSON Schema (2020-12) of a record kind, for editors."""
    record = RECORDS[kind]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://wsg.example/schema/{kind}.json",
        **record.json_schema(),
    }
