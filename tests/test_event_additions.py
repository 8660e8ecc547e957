"""The event keys Resolution 53's duties added to FORMAT.md: YAML in, typed values or findings out.

Every addition is optional: the examples dataset's events, which use none of
them, stay valid. Findings are (rule, line, column); today is 2026-06-01.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES_TODAY, findings_for, make_dataset
from wsg import dataset
from wsg.model import CoOrganizer, Event, Loc, Postponement, Proposal

Check = Callable[..., list[tuple[str, int, int]]]
FILE = "data/events/2026/demo.yaml"

# 13 lines; the additions follow from line 14 on
HELD = """\
id: demo
title: Workshop on AI
kind: workshop
status: held
start: 2026-03-10
end: 2026-03-11
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {date: 2025-11-20, by: tsag}
announcement: {date: 2025-12-15, url: https://www.itu.int/go/demo}
participation: {registered: 120, in_person: 0, remote: 100}
programme:
  - date: 2026-03-10
    sessions:
      - {start: "09:30", end: "10:00", title: Opening}
outcomes:
  - {type: report, title: Report, url: https://www.itu.int/go/r, date: 2026-04-01}
  - {type: presentations, title: Slides, url: https://www.itu.int/go/s, date: 2026-03-12}
"""

PROPOSED = """\
id: demo
title: Workshop on AI
kind: workshop
status: proposed
start: 2026-09-10
end: 2026-09-11
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
"""


@pytest.fixture
def check(tmp_path: Path) -> Check:
    """``check({path: text})``: the sorted (rule, line, column) of every finding; each call
    builds a fresh examples dataset, so one test can show both sides of a threshold."""
    runs = itertools.count()

    def run(
        files: dict[str, str | bytes | None], today: date = EXAMPLES_TODAY
    ) -> list[tuple[str, int, int]]:
        found = findings_for(tmp_path / f"run-{next(runs)}", files, today)
        return [(f.rule, f.line, f.column) for f in found]

    return run


def load(tmp_path: Path, files: dict[str, str | bytes | None]) -> dataset.Dataset:
    return dataset.load(make_dataset(tmp_path, files), EXAMPLES_TODAY)


def demo(tmp_path: Path, text: str) -> Event:
    event = load(tmp_path, {FILE: text}).event("demo")
    assert event is not None
    return event


# ---------------------------------------------------------------------------
# Conversion: every addition becomes a typed value that knows where it was


def test_every_addition_is_read_with_its_place(tmp_path: Path) -> None:
    event = demo(
        tmp_path,
        PROPOSED
        + "registration: https://www.itu.int/go/register\n"  # 11
        + "proposal: {date: 2026-01-12, by: sg17, ref: SG17-TD-9, countries: [KE, RW]}\n"  # 12
        + "co_organizers:\n"  # 13
        + "  - {name: Communications Authority of Kenya, kind: administration, country: KE}\n"
        + "  - {name: ITU Telecommunication Development Bureau, kind: itu-bureau}\n"
        + "postponement: {date: 2026-05-02, reason: Venue, to: ai-day}\n",  # 16
    )
    assert event.registration == "https://www.itu.int/go/register"
    assert isinstance(event.proposal, Proposal)
    assert (event.proposal.by, event.proposal.ref, event.proposal.countries) == (
        "sg17",
        "SG17-TD-9",
        ["KE", "RW"],
    )
    assert event.proposal.loc("countries.1") == Loc(FILE, 12, 72)
    kenya, bdt = event.co_organizers
    assert isinstance(kenya, CoOrganizer)
    assert (kenya.kind, kenya.country) == ("administration", "KE")
    assert (bdt.kind, bdt.country) == ("itu-bureau", None)
    assert isinstance(event.postponement, Postponement)
    assert event.postponement.to == "ai-day"
    assert event.postponement.loc("to") == Loc(FILE, 16, 53)


def test_fellowships_by_country_outcome_languages_and_replaced_by(tmp_path: Path) -> None:
    event = demo(
        tmp_path,
        fellowships("{offered: true, granted: 3, by_country: {KE: 2, HT: 1}}").replace(
            "date: 2026-04-01}", "date: 2026-04-01, languages: [en, fr]}"
        ),
    )
    assert event.fellowships is not None
    assert event.fellowships.by_country == {"KE": 2, "HT": 1}
    report, slides = event.outcomes
    assert report.languages == ["en", "fr"]
    assert slides.languages == ["en"]  # the default


def test_the_additions_are_optional_and_default_empty(tmp_path: Path) -> None:
    event = demo(tmp_path, PROPOSED)
    assert event.registration is None and event.proposal is None
    assert event.co_organizers == [] and event.postponement is None


def test_a_proposal_needs_a_date_and_a_co_organizer_a_name_and_kind(check: Check) -> None:
    found = check(
        {
            FILE: PROPOSED
            + "proposal: {by: sg17, countries: [KE, RWA]}\n"  # 11
            + "co_organizers:\n"
            + "  - {name: BDT, kind: bureau}\n"  # 13
            + "  - {kind: academia}\n"  # 14
        }
    )
    assert found == [
        ("missing-field", 11, 1),  # proposal needs date
        ("bad-country", 11, 38),
        ("bad-value", 13, 23),  # kind: administration | itu-bureau | …
        ("missing-field", 14, 5),  # name
    ]


def test_an_administration_names_its_country_other_co_organizers_need_not(check: Check) -> None:
    lines = "co_organizers:\n  - {name: Autorité de régulation, kind: administration}\n"
    assert check({FILE: PROPOSED + lines}) == [("missing-field", 12, 5)]
    industry = lines.replace("administration", "industry")
    assert check({FILE: PROPOSED + industry}) == []


def test_registration_is_a_url(check: Check) -> None:
    assert check({FILE: PROPOSED + "registration: www.itu.int/register\n"}) == [("bad-url", 11, 15)]
    assert check({FILE: PROPOSED + "registration: http://www.itu.int/r\n"}) == [
        ("insecure-url", 11, 15)
    ]


def test_outcome_languages_are_iso_639_1(check: Check) -> None:
    text = HELD.replace("date: 2026-04-01}", "date: 2026-04-01, languages: [en, fra]}")
    assert check({FILE: text}) == [("bad-language", 19, 100)]


# ---------------------------------------------------------------------------
# References: proposal.by names a group; postponement.to and replaced_by an event


def test_proposal_by_names_a_group(check: Check) -> None:
    assert check({FILE: PROPOSED + "proposal: {date: 2026-01-12, by: sg17}\n"}) == []
    assert check({FILE: PROPOSED + "proposal: {date: 2026-01-12, by: sg71}\n"}) == [
        ("unknown-group", 11, 34)
    ]


def test_postponement_to_and_replaced_by_name_an_event(check: Check) -> None:
    postponed = PROPOSED.replace("status: proposed", "status: postponed")
    cancelled = PROPOSED.replace("status: proposed", "status: cancelled")
    assert check({FILE: postponed + "postponement: {date: 2026-05-02, to: ai-forum}\n"}) == []
    assert check({FILE: postponed + "postponement: {date: 2026-05-02, to: ai-fourm}\n"}) == [
        ("unknown-event", 11, 38)
    ]
    ok = "cancellation: {date: 2026-05-02, reason: Merged, replaced_by: ai-forum}\n"
    assert check({FILE: cancelled + ok}) == []
    assert check({FILE: cancelled + ok.replace("ai-forum", "no-such-event")}) == [
        ("unknown-event", 11, 63)
    ]


def test_an_event_postponed_to_or_replaced_by_itself_is_an_unknown_event(
    check: Check, tmp_path: Path
) -> None:
    """The id exists, but it is no other event: nothing holds the new dates."""
    postponed = PROPOSED.replace("status: proposed", "status: postponed")
    cancelled = PROPOSED.replace("status: proposed", "status: cancelled")
    to_itself = postponed + "postponement: {date: 2026-05-02, to: demo}\n"
    assert check({FILE: to_itself}) == [("unknown-event", 11, 38)]
    by_itself = cancelled + "cancellation: {date: 2026-05-02, reason: Merged, replaced_by: demo}\n"
    assert check({FILE: by_itself}) == [("unknown-event", 11, 63)]
    (finding,) = findings_for(tmp_path / "message", {FILE: to_itself})
    assert finding.message == (
        "postponement.to 'demo' names this event itself: name the event that holds the new"
        " dates, or leave 'to' out until it exists"
    )


def test_a_postponement_is_optional_when_postponed(check: Check) -> None:
    postponed = PROPOSED.replace("status: proposed", "status: postponed")
    assert check({FILE: postponed}) == []


# ---------------------------------------------------------------------------
# fellowships-mismatch: by_country adds up to granted, both sides of equal


def fellowships(text: str) -> str:
    return HELD.replace("participation:", f"fellowships: {text}\nparticipation:")


def test_by_country_that_adds_up_to_granted_passes(check: Check) -> None:
    text = fellowships("{offered: true, granted: 3, by_country: {KE: 2, HT: 1}}")
    assert check({FILE: text}) == []


def test_by_country_one_less_or_one_more_than_granted_is_a_warning(check: Check) -> None:
    less = fellowships("{offered: true, granted: 3, by_country: {KE: 1, HT: 1}}")
    more = fellowships("{offered: true, granted: 3, by_country: {KE: 3, HT: 1}}")
    assert check({FILE: less}) == [("fellowships-mismatch", 13, 54)]
    assert check({FILE: more}) == [("fellowships-mismatch", 13, 54)]


def test_by_country_without_granted_or_granted_alone_is_no_mismatch(check: Check) -> None:
    assert check({FILE: fellowships("{offered: true, by_country: {KE: 2}}")}) == []
    assert check({FILE: fellowships("{offered: true, granted: 3}")}) == []


def test_the_mismatch_message_says_both_numbers(tmp_path: Path) -> None:
    text = fellowships("{offered: true, granted: 3, by_country: {KE: 1}}")
    (finding,) = findings_for(tmp_path, {FILE: text})
    assert "adds up to 1, but granted is 3" in finding.message


# ---------------------------------------------------------------------------
# budget-overcommitted: the base's ai-forum holds CHF 30,000 of 2025; 2026 holds nothing yet


WSG = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: security, title: Security and trust, priority: normal}
budget:
"""
WSG_FILE = "data/groups/wsg.yaml"
OTHER = "data/events/2026/other.yaml"


def budget(*lines: str) -> str:
    return WSG + "".join(f"  - {line}\n" for line in lines)


def with_budget(
    allocated: int, spent: int = 0, status: str = "proposed", currency: str = "CHF"
) -> str:
    text = PROPOSED.replace("status: proposed", f"status: {status}")
    if status == "cancelled":
        text += "cancellation: {date: 2026-05-02}\n"
    return text + f"budget: {{currency: {currency}, allocated: {allocated}, spent: {spent}}}\n"


def test_a_year_allocated_exactly_its_budget_passes(check: Check) -> None:
    assert check({WSG_FILE: budget("{year: 2025, currency: CHF, amount: 30000}")}) == []


def test_one_franc_over_the_budget_is_a_warning_at_the_year_s_amount(check: Check) -> None:
    assert check({WSG_FILE: budget("{year: 2025, currency: CHF, amount: 29999}")}) == [
        ("budget-overcommitted", 8, 41)
    ]


def test_the_events_of_the_year_add_up(check: Check) -> None:
    files: dict[str, str | bytes | None] = {
        WSG_FILE: budget("{year: 2026, currency: CHF, amount: 25000}"),
        FILE: with_budget(10000),
        OTHER: with_budget(15000).replace("id: demo", "id: other"),
    }
    assert check(files) == []  # 10,000 + 15,000
    files[OTHER] = with_budget(15001).replace("id: demo", "id: other")
    assert check(files) == [("budget-overcommitted", 8, 41)]


def test_other_currencies_and_other_years_are_not_added(check: Check) -> None:
    files: dict[str, str | bytes | None] = {
        WSG_FILE: budget(
            "{year: 2025, currency: CHF, amount: 30000}",  # the base's ai-forum, exactly
            "{year: 2026, currency: CHF, amount: 1000}",
        ),
        FILE: with_budget(50000, currency="USD"),
    }
    assert check(files) == []


def test_two_lines_of_one_year_and_currency_add_up(check: Check) -> None:
    lines = (
        "{year: 2025, currency: CHF, amount: 20000}",
        "{year: 2025, currency: CHF, amount: 10000}",
    )
    assert check({WSG_FILE: budget(*lines)}) == []
    assert check({WSG_FILE: budget(lines[0], lines[1].replace("10000", "9999"))}) == [
        ("budget-overcommitted", 8, 41)
    ]


def test_a_cancelled_event_counts_for_what_it_spent(check: Check) -> None:
    files: dict[str, str | bytes | None] = {
        WSG_FILE: budget("{year: 2026, currency: CHF, amount: 1000}"),
        FILE: with_budget(20000, 1000, status="cancelled"),
    }
    assert check(files) == []
    files[FILE] = with_budget(20000, 1001, status="cancelled")
    assert check(files) == [("budget-overcommitted", 8, 41)]


def test_a_postponed_event_counts_for_what_it_spent(check: Check) -> None:
    files: dict[str, str | bytes | None] = {
        WSG_FILE: budget("{year: 2026, currency: CHF, amount: 1000}"),
        FILE: with_budget(20000, 1000, status="postponed"),
    }
    assert check(files) == []


def test_the_overcommitment_message_gives_the_total_and_the_excess(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        WSG_FILE: budget("{year: 2025, currency: CHF, amount: 25000}")
    }
    (finding,) = findings_for(tmp_path, files)
    assert finding.message == (
        "the events of 2025 are allocated 30,000 CHF, 5,000 more than the year's budget "
        "of 25,000 CHF"
    )


# ---------------------------------------------------------------------------
# Session ids: optional slugs, unique within their event


SESSIONS = PROPOSED + (
    "programme:\n"  # 11
    "  - date: 2026-09-10\n"
    "    sessions:\n"
    '      - {id: opening, start: "09:30", end: "10:00", title: Opening}\n'  # 14
    '      - {id: keynote, start: "10:00", end: "10:30", title: Keynote}\n'  # 15
    "  - date: 2026-09-11\n"
    "    sessions:\n"
    '      - {id: closing, start: "09:30", end: "10:00", title: Closing}\n'  # 18
)


def test_session_ids_are_read(tmp_path: Path) -> None:
    event = demo(tmp_path, SESSIONS)
    assert [s.id for d in event.programme for s in d.sessions] == ["opening", "keynote", "closing"]


def test_two_sessions_of_one_event_with_one_id_are_reported_at_the_second(check: Check) -> None:
    assert check({FILE: SESSIONS}) == []
    assert check({FILE: SESSIONS.replace("id: closing", "id: opening")}) == [
        ("duplicate-id", 18, 14)
    ]


def test_sessions_of_two_events_may_share_an_id(check: Check) -> None:
    other = SESSIONS.replace("id: demo", "id: other")
    assert check({FILE: SESSIONS, "data/events/2026/other.yaml": other}) == []


def test_a_session_id_is_a_slug(check: Check) -> None:
    assert check({FILE: SESSIONS.replace("id: keynote", "id: Key Note")}) == [("bad-id", 15, 14)]
