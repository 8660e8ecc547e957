"""Every rule with a threshold or a date comparison at its limit, one step before and after.

The rule examples (test_rule_examples.py) show each rule far from its limit;
here each row sits on it: a day (a date rule), a franc or a fellowship (a sum),
a minute (sessions). The WSG's policy is changed from its defaults
(announcement_lead_days 10 instead of 42, outcomes_due_days 5 instead of 30,
presentations_due_days 3 instead of 7, topic_review_days 30 instead of 365), so
a rule that ignored the policy fails as surely as one that turned a ``<`` into
``<=``. The neighbours of the one value a rule looks for (an outcome type, a
status) and figures or dates left out have rows too, and so have every place an
id is named (a liaison's recipient, a parent, who appointed a seat, who raised a
topic) and which sessions session-overlap compares with which.

A row is a small dataset (the examples base plus the snippets below, with
``$names`` filled in), a today, and every finding of the whole run as
(rule, line, column): a row that expects no finding also proves that nothing
else (a typo in the snippet, another rule) is in the way.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from string import Template

import pytest

from tests.conftest import findings_for

EVENT_PATH = "data/events/2026/demo.yaml"
WSG_PATH = "data/groups/wsg.yaml"
SG16_PATH = "data/groups/sg16.yaml"

POLICY = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: security, title: Security and trust, priority: normal}
policy:
  announcement_lead_days: 10
  outcomes_due_days: 5
  presentations_due_days: 3
  topic_review_days: 30
"""

# An event held from Monday 18 to Wednesday 20 May 2026, announced 1 April: every rule
# is quiet until a row changes one value.
EVENT = Template("""\
id: demo
title: Workshop on AI
kind: workshop
status: $status
start: $start
end: $end
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {date: 2026-01-15, by: tsag}
announcement: {date: $announced, url: https://www.itu.int/go/demo}
participation: $participation
programme:
  - date: $day
    sessions:
      - {start: "09:30", end: "$first_ends", title: Opening}
      - {start: "$second_starts", end: "11:00", title: Keynote}
outcomes: $outcomes
$more
""")
EVENT_DEFAULTS = {
    "status": "held",
    "start": "2026-05-18",
    "end": "2026-05-20",
    "announced": "2026-04-01",
    "participation": "{registered: 120, in_person: 20, remote: 100}",
    "day": "2026-05-18",
    "first_ends": "10:00",
    "second_starts": "10:00",
    "outcomes": "[]",
    "more": "# nothing more",
}
END = date(2026, 5, 20)


def report(day: str) -> str:
    return f"{{type: report, title: Report, url: https://www.itu.int/go/r, date: {day}}}"


def slides(day: str) -> str:
    return f"{{type: presentations, title: Slides, url: https://www.itu.int/go/s, date: {day}}}"


def event(**values: str) -> dict[str, str]:
    """The policy and the demo event with ``values`` in place of the defaults."""
    return {WSG_PATH: POLICY, EVENT_PATH: EVENT.substitute(EVENT_DEFAULTS | values)}


def edited(files: dict[str, str], old: str, new: str) -> dict[str, str]:
    assert old in files[EVENT_PATH]
    return files | {EVENT_PATH: files[EVENT_PATH].replace(old, new)}


def edited_wsg(files: dict[str, str], old: str, new: str) -> dict[str, str]:
    assert old in files[WSG_PATH]
    return files | {WSG_PATH: files[WSG_PATH].replace(old, new)}


def d(text: str) -> date:
    return date.fromisoformat(text)


TODAY = d("2026-06-01")


Found = list[tuple[str, int, int]]


def rows(table: str, *cases: tuple[str, dict[str, str], date, Found]) -> list[object]:
    return [
        pytest.param(files, today, found, id=f"{table}: {says}")
        for says, files, today, found in cases
    ]


def check(tmp_path: Path, files: dict[str, str], today: date) -> Found:
    return [(f.rule, f.line, f.column) for f in findings_for(tmp_path, files, today)]


# --- Lifecycle ----------------------------------------------------------------------------------

LATE_ANNOUNCEMENT = rows(
    "late-announcement",
    # start 2026-05-18, lead 10 days: announce by 2026-05-08
    ("announced 11 days before: on time, though short of the default 42",
     event(announced="2026-05-07", status="announced"), d("2026-05-10"), []),
    ("announced exactly 10 days before: on time",
     event(announced="2026-05-08", status="announced"), d("2026-05-10"), []),
    ("announced 9 days before: late",
     event(announced="2026-05-09", status="announced"), d("2026-05-10"),
     [("late-announcement", 12, 22)]),
)  # fmt: skip


HELD_IN_FUTURE = rows(
    "held-in-future",
    ("held, ends tomorrow: too early", event(), d("2026-05-19"), [("held-in-future", 4, 9)]),
    ("held, ends today: allowed", event(), d("2026-05-20"), []),
    ("held, ended yesterday", event(), d("2026-05-21"), []),
)  # fmt: skip


STALE_STATUS = rows(
    "stale-status",
    ("announced, ends tomorrow", event(status="announced"), d("2026-05-19"), []),
    ("announced, ends today: not stale yet", event(status="announced"), d("2026-05-20"), []),
    ("announced, ended yesterday: stale",
     event(status="announced"), d("2026-05-21"), [("stale-status", 4, 9)]),
    ("proposed, ended yesterday: stale",
     event(status="proposed"), d("2026-05-21"), [("stale-status", 4, 9)]),
    ("approved, ended yesterday: stale",
     event(status="approved"), d("2026-05-21"), [("stale-status", 4, 9)]),
)  # fmt: skip


# ended 2026-05-20; presentations are online (due 3 days later), no report (due 5 days later)
NO_REPORT = event(outcomes=f"[{slides('2026-05-21')}]")
OUTCOMES_OVERDUE = rows(
    "outcomes-overdue",
    ("4 days after the end, no report: not due yet", NO_REPORT, d("2026-05-24"), []),
    ("5 days after the end, no report: due today, not overdue", NO_REPORT, d("2026-05-25"), []),
    ("6 days after the end, no report: overdue, though the default 30 would wait",
     NO_REPORT, d("2026-05-26"), [("outcomes-overdue", 4, 9)]),
    ("6 days after the end, a report: fine",
     event(outcomes=f"[{slides('2026-05-21')}, {report('2026-05-26')}]"), d("2026-05-26"), []),
)  # fmt: skip


# ended 2026-05-20; the report is published the day after, presentations due 3 days later
NO_SLIDES = event(outcomes=f"[{report('2026-05-21')}]")
PRESENTATIONS_OVERDUE = rows(
    "presentations-overdue",
    ("2 days after the end, no presentations: not due yet", NO_SLIDES, d("2026-05-22"), []),
    ("3 days after the end: due today, not overdue", NO_SLIDES, d("2026-05-23"), []),
    ("4 days after the end: overdue, though the default 7 would wait",
     NO_SLIDES, d("2026-05-24"), [("presentations-overdue", 4, 9)]),
)  # fmt: skip


def test_a_speakers_presentation_link_counts_as_presentations_online(tmp_path: Path) -> None:
    with_link = EVENT.substitute(EVENT_DEFAULTS | {"outcomes": f"[{report('2026-05-21')}]"})
    with_link = with_link.replace(
        "title: Keynote}",
        "title: Keynote,\n         speakers: [{name: Amina Diallo, country: SN,"
        " presentation: https://www.itu.int/go/p}]}",
    )
    files = {WSG_PATH: POLICY, EVENT_PATH: with_link}
    assert check(tmp_path, files, d("2026-05-24")) == []


PARTICIPATION_MISMATCH = rows(
    "participation-mismatch",
    ("in person + remote one fewer than registered",
     event(participation="{registered: 120, in_person: 20, remote: 99}"), END, []),
    ("in person + remote exactly registered",
     event(participation="{registered: 120, in_person: 20, remote: 100}"), END, []),
    ("in person + remote one more than registered",
     event(participation="{registered: 120, in_person: 20, remote: 101}"), END,
     [("participation-mismatch", 13, 16)]),
    ("by_country one fewer than in person + remote",
     event(participation="{registered: 9, in_person: 4, remote: 5, by_country: {KE: 5, SN: 3}}"),
     END, []),
    ("by_country exactly in person + remote",
     event(participation="{registered: 9, in_person: 4, remote: 5, by_country: {KE: 5, SN: 4}}"),
     END, []),
    ("by_country one more than in person + remote",
     event(participation="{registered: 9, in_person: 4, remote: 5, by_country: {KE: 5, SN: 5}}"),
     END, [("participation-mismatch", 13, 69)]),
)  # fmt: skip


OUTCOME_BEFORE_EVENT = rows(
    "outcome-before-event",
    # the event starts 2026-05-18; on 2026-06-01 both outcomes are due and in
    ("an outcome the day before the start",
     event(outcomes=f"[{slides('2026-05-17')}, {report('2026-05-30')}]"), d("2026-06-01"),
     [("outcome-before-event", 19, 86)]),
    ("an outcome on the first day",
     event(outcomes=f"[{slides('2026-05-18')}, {report('2026-05-30')}]"), d("2026-06-01"), []),
    ("an outcome on the second day",
     event(outcomes=f"[{slides('2026-05-19')}, {report('2026-05-30')}]"), d("2026-06-01"), []),
)  # fmt: skip


# --- Dates of outcomes and of groups that closed -----------------------------------------------

OUTCOME_IN_FUTURE = rows(
    "outcome-in-future",
    # today 2026-05-24; the slides are online since 2026-05-21
    ("a report dated yesterday",
     event(outcomes=f"[{slides('2026-05-21')}, {report('2026-05-23')}]"), d("2026-05-24"), []),
    ("a report dated today",
     event(outcomes=f"[{slides('2026-05-21')}, {report('2026-05-24')}]"), d("2026-05-24"), []),
    ("a report dated tomorrow",
     event(outcomes=f"[{slides('2026-05-21')}, {report('2026-05-25')}]"), d("2026-05-24"),
     [("outcome-in-future", 19, 166)]),
)  # fmt: skip


FOCUS_GROUP_PATH = "data/groups/fg-demo.yaml"


def closing(files: dict[str, str], closed: str) -> dict[str, str]:
    """``files`` and a focus group fg-demo whose last day is ``closed``."""
    group = f"id: fg-demo\nname: Focus group\nkind: focus-group\nclosed: {closed}\n"
    return files | {FOCUS_GROUP_PATH: group}


PUBLISHED = event(outcomes=f"[{slides('2026-05-21')}, {report('2026-05-22')}]")
ORGANIZED = edited(PUBLISHED, "organizers: [sg16]", "organizers: [sg16, fg-demo]")
APPROVED = edited(PUBLISHED, "by: tsag}", "by: fg-demo}")
SENT = event(
    outcomes=f"[{slides('2026-05-21')}, {report('2026-05-22')}, "
    "{type: liaison, title: LS, url: https://www.itu.int/go/ls, date: 2026-05-22, to: [fg-demo]}]"
)
GROUP_CLOSED = rows(
    "closed-group",
    # the event starts 2026-05-18, is approved 2026-01-15, sends a liaison on 2026-05-22
    ("an organizer that closed the day before the start",
     closing(ORGANIZED, "2026-05-17"), TODAY, [("closed-group", 9, 20)]),
    ("an organizer that closes on the first day", closing(ORGANIZED, "2026-05-18"), TODAY, []),
    ("an organizer that closes the day after the start",
     closing(ORGANIZED, "2026-05-19"), TODAY, []),
    ("approved by a group the day after it closed",
     closing(APPROVED, "2026-01-14"), TODAY, [("closed-group", 11, 34)]),
    ("approved by a group on its last day", closing(APPROVED, "2026-01-15"), TODAY, []),
    ("a liaison sent the day after its recipient closed",
     closing(SENT, "2026-05-21"), TODAY, [("closed-group", 19, 261)]),
    ("a liaison sent on its recipient's last day", closing(SENT, "2026-05-22"), TODAY, []),
)  # fmt: skip


# --- Money and fellowships: sums at equality -----------------------------------------------------


def budget(files: dict[str, str], amount: str, year: str = "2026") -> dict[str, str]:
    """The WSG's budget for ``year``: one line of ``amount`` CHF."""
    line = f"budget:\n  - {{year: {year}, currency: CHF, amount: {amount}}}\n"
    return files | {WSG_PATH: files[WSG_PATH] + line}


ALLOCATED = event(more="budget: {currency: CHF, allocated: 30000, spent: 1000}")
CALLED_OFF = event(
    status="cancelled",
    more="budget: {currency: CHF, allocated: 30000, spent: 1000}\n"
    "cancellation: {date: 2026-05-01, reason: Venue unavailable}",
)
BUDGET_OVERCOMMITTED = rows(
    "budget-overcommitted",
    ("allocated one franc less than the year's budget", budget(ALLOCATED, "30001"), END, []),
    ("allocated exactly the year's budget", budget(ALLOCATED, "30000"), END, []),
    ("allocated one franc more than the year's budget",
     budget(ALLOCATED, "29999"), END, [("budget-overcommitted", 13, 41)]),
    ("a cancelled event counts what it spent: exactly the budget",
     budget(CALLED_OFF, "1000"), END, []),
    ("a cancelled event counts what it spent: one franc over",
     budget(CALLED_OFF, "999"), END, [("budget-overcommitted", 13, 41)]),
    ("an allocation in another currency is not added",
     budget(event(more="budget: {currency: USD, allocated: 30000}"), "1"), END, []),
)  # fmt: skip


def second_event(files: dict[str, str], allocated: str) -> dict[str, str]:
    """``files`` and demo-2, an event like demo allocated ``allocated`` CHF."""
    other = event(more=f"budget: {{currency: CHF, allocated: {allocated}}}")[EVENT_PATH]
    return files | {"data/events/2026/demo-2.yaml": other.replace("id: demo", "id: demo-2")}


NOT_SPENT = event(
    status="cancelled",
    more="budget: {currency: CHF, allocated: 30000}\n"
    "cancellation: {date: 2026-05-01, reason: Venue unavailable}",
)
BUDGET_SUMS = rows(
    "budget-overcommitted, what is added",
    ("two events: 30,000 and 12,345 make 42,345",
     second_event(ALLOCATED, "12345"), END, []),
    ("two events: 30,000 and 12,345 are over 42,344",
     budget(second_event(ALLOCATED, "12345"), "42344"), END, [("budget-overcommitted", 13, 41)]),
    ("a cancelled event that spent nothing counts nothing",
     budget(NOT_SPENT, "0"), END, []),
    ("a cancelled event that spent nothing, and one allocated 30,000: over 29,999",
     budget(second_event(NOT_SPENT, "30000"), "29999"), END, [("budget-overcommitted", 13, 41)]),
    ("a budget without an allocation counts nothing",
     budget(event(more="budget: {currency: CHF, spent: 500}"), "0"), END, []),
    ("a budget of 0 and one franc allocated",
     budget(event(more="budget: {currency: CHF, allocated: 1}"), "0"), END,
     [("budget-overcommitted", 13, 41)]),
    ("a year with a budget of 0 and no event", budget(ALLOCATED, "0", year="2027"), END, []),
    ("a budget without an allocation, and one allocated 30,000: over 29,999",
     budget(second_event(event(more="budget: {currency: CHF, spent: 500}"), "30000"), "29999"),
     END, [("budget-overcommitted", 13, 41)]),
    ("two lines for 2026 add up: 15,000 and 14,999 are under 30,000, found at the first",
     budget(ALLOCATED, "15000") | {WSG_PATH: budget(ALLOCATED, "15000")[WSG_PATH]
                                   + "  - {year: 2026, currency: CHF, amount: 14999}\n"},
     END, [("budget-overcommitted", 13, 41)]),
    ("a budget line without an amount is not compared",
     edited_wsg(budget(ALLOCATED, "1"), ", amount: 1}", "}"), END, [("missing-field", 13, 5)]),
)  # fmt: skip


FELLOWSHIPS_MISMATCH = rows(
    "fellowships-mismatch",
    ("by_country one short of granted",
     event(more="fellowships: {offered: true, granted: 9, by_country: {KE: 3, HT: 2, NP: 3}}"),
     END, [("fellowships-mismatch", 20, 54)]),
    ("by_country adds up to granted",
     event(more="fellowships: {offered: true, granted: 8, by_country: {KE: 3, HT: 2, NP: 3}}"),
     END, []),
    ("granted without by_country: nothing to add up",
     event(more="fellowships: {offered: true, granted: 9}"), END, []),
    ("by_country without granted: nothing to compare with",
     event(more="fellowships: {offered: true, by_country: {KE: 3}}"), END, []),
    ("300 fellowships that add up",
     event(more="fellowships: {offered: true, granted: 300, by_country: {KE: 150, HT: 150}}"),
     END, []),
    ("by_country one more than granted",
     event(more="fellowships: {offered: true, granted: 7, by_country: {KE: 3, HT: 2, NP: 3}}"),
     END, [("fellowships-mismatch", 20, 54)]),
)  # fmt: skip


# --- Technology watch ---------------------------------------------------------------------------

TOPIC_PATH = "data/topics/demo.yaml"
TOPIC = Template("""\
id: demo
title: Trustworthy AI agents
themes: [ai]
status: $status
raised: {date: 2025-02-10, by: sg17, ref: SG17-TD-100}
reviewed: $reviewed
""")


def topic(status: str, reviewed: str) -> dict[str, str]:
    return {WSG_PATH: POLICY, TOPIC_PATH: TOPIC.substitute(status=status, reviewed=reviewed)}


TOPIC_STALE = rows(
    "topic-stale",
    # today 2026-06-01, reviewed at least every 30 days
    ("a watched topic reviewed 29 days ago", topic("watch", "2026-05-03"), TODAY, []),
    ("a watched topic reviewed 30 days ago: still in time",
     topic("watch", "2026-05-02"), TODAY, []),
    ("a watched topic reviewed 31 days ago: stale, though the default 365 would wait",
     topic("watch", "2026-05-01"), TODAY, [("topic-stale", 6, 11)]),
    ("a candidate reviewed 31 days ago: stale",
     topic("candidate", "2026-05-01"), TODAY, [("topic-stale", 6, 11)]),
    ("a dropped topic is not reviewed any more", topic("dropped", "2020-01-01"), TODAY, []),
)  # fmt: skip


def topic_of(status: str, events: str) -> dict[str, str]:
    """A topic reviewed on 2026-05-20 naming ``events`` (ai-forum was held, ai-day cancelled)."""
    text = TOPIC.substitute(status=status, reviewed="2026-05-20") + f"events: [{events}]\n"
    return {WSG_PATH: POLICY, TOPIC_PATH: text}


SEPTEMBER = event(status="announced", start="2026-09-10", end="2026-09-10", day="2026-09-10")
TOPIC_EVENTS = rows(
    "topic-event-mismatch, topic-stale: what each status asks of its events and reviews",
    ("covered, its only event cancelled",
     topic_of("covered", "ai-day"), TODAY, [("topic-event-mismatch", 4, 9)]),
    ("covered, one event held", topic_of("covered", "ai-forum"), TODAY, []),
    ("covered, its only event postponed",
     topic_of("covered", "demo") | edited(event(status="postponed"), "# nothing more",
                                          "postponement: {date: 2026-05-01}"),
     TODAY, [("topic-event-mismatch", 4, 9)]),
    ("covered, its only event announced for September",
     topic_of("covered", "demo") | SEPTEMBER, TODAY, [("topic-event-mismatch", 4, 9)]),
    ("scheduled, one event cancelled and one held", topic_of("scheduled", "ai-day, ai-forum"),
     TODAY, []),
    ("scheduled, one event cancelled and one announced for September",
     topic_of("scheduled", "ai-day, demo") | SEPTEMBER, TODAY, []),
    ("scheduled, its only event cancelled",
     topic_of("scheduled", "ai-day"), TODAY, [("topic-event-mismatch", 4, 9)]),
    ("a candidate again, its only event cancelled", topic_of("candidate", "ai-day"), TODAY, []),
    ("watched, its only event cancelled", topic_of("watch", "ai-day"), TODAY, []),
    ("dropped, its only event cancelled", topic_of("dropped", "ai-day"), TODAY, []),
    ("covered, naming no event that exists: unknown-event only",
     topic_of("covered", "ai-froum"), TODAY, [("unknown-event", 7, 10)]),
    ("watched, never reviewed: missing-field only",
     {WSG_PATH: POLICY, TOPIC_PATH: TOPIC.substitute(status="watch", reviewed="")
      .replace("reviewed: \n", "")}, TODAY, [("missing-field", 1, 1)]),
)  # fmt: skip


# --- What counts as what, and what was left out -----------------------------------------------
# A rule that looks for one outcome type or one status is shown its neighbours; a figure or a
# date left out is another rule's finding (or none), never a crash.


def outcome(kind: str, day: str) -> str:
    return (
        f"{{type: {kind}, title: {kind.title()}, url: https://www.itu.int/go/{kind}, date: {day}}}"
    )


NEIGHBOURS = rows(
    "outcome types and statuses",
    ("6 days after the end, a summary but no report: overdue",
     event(outcomes=f"[{slides('2026-05-21')}, {outcome('summary', '2026-05-22')}]"),
     d("2026-05-26"), [("outcomes-overdue", 4, 9)]),
    ("4 days after the end, a communique and other outcomes but no presentations: overdue",
     event(outcomes=f"[{report('2026-05-21')}, {outcome('communique', '2026-05-21')},"
                    f" {outcome('other', '2026-05-21')}]"),
     d("2026-05-24"), [("presentations-overdue", 4, 9)]),
    ("a communique needs no recipient, unlike a liaison",
     event(outcomes=f"[{report('2026-05-21')}, {slides('2026-05-21')},"
                    f" {outcome('communique', '2026-05-21')}]"),
     d("2026-05-24"), []),
    ("postponed, past every deadline: nothing is due", event(status="postponed"), d("2026-06-30"),
     []),
)  # fmt: skip


LEFT_OUT = rows(
    "figures and dates left out",
    ("registered and in person, remote not given",
     event(participation="{registered: 9, in_person: 4}"), END, []),
    ("by_country with remote not given: nothing to compare it with",
     event(participation="{registered: 9, in_person: 4, by_country: {KE: 10}}"), END, []),
    ("by_country against in person + remote, registered not given",
     event(participation="{in_person: 4, remote: 5, by_country: {KE: 10}}"), END,
     [("participation-mismatch", 13, 54)]),
    ("an announcement without a date",
     edited(event(status="announced"), "{date: 2026-04-01, url:", "{url:"), d("2026-05-10"),
     [("missing-field", 12, 1)]),
    ("an announced event without a start",
     edited(event(status="announced"), "start: 2026-05-18\n", "# start to be decided\n"),
     d("2026-05-10"), [("missing-field", 1, 1)]),
)  # fmt: skip


def sessions(*lines: str) -> dict[str, str]:
    """The demo event whose day 2026-05-18 holds the sessions ``lines`` (line 17 on)."""
    listed = "".join(f"      - {line}\n" for line in lines)
    old = (
        '      - {start: "09:30", end: "10:00", title: Opening}\n'
        '      - {start: "10:00", end: "11:00", title: Keynote}\n'
    )
    return edited(event(), old, listed)


# --- References ---------------------------------------------------------------------------------
# Every place an id is named, ids that sort before and after the one they are compared with, and
# ids too long to be shared objects (over 40 characters) compared by value.

LIAISON_TO_SG71 = (
    "{type: liaison, title: LS, url: https://www.itu.int/go/ls, date: 2026-05-22, to: [sg71]}"
)
SG16_WITH = "id: sg16\nname: Multimedia and related digital technologies\nkind: study-group\n"
APPOINTED = (
    "management:\n  - {role: chairman, name: Lars Berg, country: SE, term: {start: 2022-01-01},"
    " appointed: {date: 2022-01-01, by: $by}}\n"
)
RAISED_BY_SG71 = topic("watch", "2026-05-20")[TOPIC_PATH].replace("by: sg17", "by: sg71")
WTSA = "id: wtsa\nname: World Telecommunication Standardization Assembly\nkind: other\n"
TOPIC_WSG = TOPIC.substitute(status="dropped", reviewed="2026-01-01").replace("id: demo", "id: wsg")
EVENT_WSG = event(status="proposed")[EVENT_PATH].replace("id: demo", "id: wsg")
NO_ID = event(status="proposed")[EVENT_PATH].replace("id: demo\n", "")
AI_DAY_AGAIN = event(status="proposed")[EVENT_PATH].replace("id: demo", "id: ai-day")
POSTPONED = event(status="postponed")
LONG_ID = "workshop-on-artificial-intelligence-for-good-in-2026"  # 52 characters


def replaced_by(event_id: str) -> dict[str, str]:
    """The event LONG_ID, cancelled and replaced by ``event_id``."""
    cancelled = edited(
        event(status="cancelled"),
        "# nothing more",
        f"cancellation: {{date: 2026-05-01, replaced_by: {event_id}, reason: Moved online}}",
    )[EVENT_PATH].replace("id: demo", f"id: {LONG_ID}")
    return {WSG_PATH: POLICY, f"data/events/2026/{LONG_ID}.yaml": cancelled}


REFERENCES = rows(
    "unknown-group, unknown-event, missing-wsg, duplicate-id: where ids are named",
    ("a liaison to a group that does not exist",
     event(outcomes=f"[{slides('2026-05-21')}, {report('2026-05-22')}, {LIAISON_TO_SG71}]"),
     TODAY, [("unknown-group", 19, 261)]),
    ("a group's parent that does not exist",
     {SG16_PATH: SG16_WITH + "parent: tasg\n"}, TODAY, [("unknown-group", 4, 9)]),
    ("a seat appointed by a group that does not exist",
     {SG16_PATH: SG16_WITH + Template(APPOINTED).substitute(by="tasg")}, TODAY,
     [("unknown-group", 5, 113)]),
    ("a seat appointed by TSAG", {SG16_PATH: SG16_WITH + Template(APPOINTED).substitute(by="tsag")},
     TODAY, []),
    ("a topic raised by a group that does not exist",
     {WSG_PATH: POLICY, TOPIC_PATH: RAISED_BY_SG71}, TODAY, [("unknown-group", 5, 32)]),
    ("no wsg.yaml, though a group's file sorts after its name",
     {WSG_PATH: None, "data/groups/wtsa.yaml": WTSA}, TODAY, [("missing-wsg", 1, 1)]),
    ("no groups/wsg.yaml, though a topic is called wsg",
     {WSG_PATH: None, "data/topics/wsg.yaml": TOPIC_WSG}, TODAY, [("missing-wsg", 1, 1)]),
    ("no groups/wsg.yaml, though an event is called wsg",
     {WSG_PATH: None, "data/events/2026/wsg.yaml": EVENT_WSG}, END, [("missing-wsg", 1, 1)]),
    ("an event without an id, then a second ai-day: both told",
     {"data/events/2026/aaa.yaml": NO_ID, "data/events/2026/ai-day.yaml": AI_DAY_AGAIN}, END,
     [("missing-field", 1, 1), ("duplicate-id", 1, 5)]),
    ("a session without an id, then two sessions with one id",
     sessions('{start: "09:00", end: "09:30", title: Coffee}',
              '{id: opening, start: "09:30", end: "10:00", title: Opening}',
              '{id: opening, start: "10:00", end: "10:30", title: Welcome}'), END,
     [("duplicate-id", 19, 14)]),
    ("postponed to an event whose id sorts before its own",
     edited(POSTPONED, "# nothing more", "postponement: {date: 2026-05-01, to: ai-day}"), END,
     []),
    ("postponed to an event whose id sorts after its own",
     second_event(edited(POSTPONED, "# nothing more",
                         "postponement: {date: 2026-05-01, to: demo-2}"), "1"), END, []),
    ("a 52-character id replaced by itself", replaced_by(LONG_ID), END,
     [("unknown-event", 20, 47)]),
    ("a 52-character id replaced by ai-day", replaced_by("ai-day"), END, []),
)  # fmt: skip


# --- Dates and programme ------------------------------------------------------------------------

DATE_ORDER = rows(
    "date-order of an event",
    # announced, ten days before the start; no programme day fits an event that ends first
    ("ends the day before it starts",
     event(status="announced", end="2026-05-17"), d("2026-05-08"),
     [("date-order", 6, 6), ("day-outside-event", 15, 11)]),
    ("ends the day it starts: a one-day event",
     event(status="announced", end="2026-05-18"), d("2026-05-08"), []),
    ("ends the day after it starts",
     event(status="announced", end="2026-05-19"), d("2026-05-08"), []),
)  # fmt: skip


DAY_OUTSIDE_EVENT = rows(
    "day-outside-event",
    ("the day before the start", event(day="2026-05-17"), END, [("day-outside-event", 15, 11)]),
    ("the first day", event(day="2026-05-18"), END, []),
    ("the second day", event(day="2026-05-19"), END, []),
    ("the last day", event(day="2026-05-20"), END, []),
    ("the day after the end", event(day="2026-05-21"), END, [("day-outside-event", 15, 11)]),
)  # fmt: skip


SESSIONS = rows(
    "session-order, session-overlap",
    # the Opening runs 09:30 to first_ends; the Keynote, in the same room, second_starts to 11:00
    ("the keynote starts a minute before the opening ends",
     event(first_ends="10:00", second_starts="09:59"), END, [("session-overlap", 18, 17)]),
    ("the keynote starts the minute the opening ends",
     event(first_ends="10:00", second_starts="10:00"), END, []),
    ("the keynote starts a minute after the opening ends",
     event(first_ends="10:00", second_starts="10:01"), END, []),
    ("the opening ends a minute before it starts",
     event(first_ends="09:29"), END, [("session-order", 17, 31)]),
    ("the opening ends the minute it starts", event(first_ends="09:30"), END, []),
)  # fmt: skip


OPENING = '{start: "09:30", end: "10:00", title: Opening}'
SESSIONS_COMPARED = rows(
    "session-overlap, which sessions are compared with which",
    ("a session of no length inside another: the room is taken",
     sessions(OPENING, '{start: "09:45", end: "09:45", title: Photo}'), END,
     [("session-overlap", 18, 17)]),
    ("a session that ends before it starts, inside another: its order, not an overlap",
     sessions('{start: "09:30", end: "11:00", title: Opening}',
              '{start: "10:00", end: "09:00", title: Keynote}'), END,
     [("session-order", 18, 31)]),
    ("listed out of order, back to back: no overlap",
     sessions(OPENING, '{start: "09:00", end: "09:30", title: Coffee}'), END, []),
    ("a long session, one inside it, and one after that one still inside the long one",
     sessions('{start: "09:00", end: "12:00", title: Long}',
              '{start: "09:30", end: "10:00", title: Inside}',
              '{start: "10:30", end: "11:00", title: Later}'), END,
     [("session-overlap", 18, 17), ("session-overlap", 19, 17)]),
    ("back to back, then a third inside the second: the room is the second's until 11:00",
     sessions('{start: "09:00", end: "09:30", title: Coffee}',
              '{start: "09:30", end: "11:00", title: Opening}',
              '{start: "10:00", end: "10:30", title: Side}'), END,
     [("session-overlap", 19, 17)]),
)  # fmt: skip


def days(*listed: tuple[str, str]) -> dict[str, str]:
    """The demo event whose programme (line 15 on) is ``listed``: (date or "", one session)."""
    programme = "".join(
        (f"  - date: {day}\n    sessions:\n" if day else "  - sessions:\n") + f"      - {session}\n"
        for day, session in listed
    )
    head, _, rest = event()[EVENT_PATH].partition("programme:\n")
    return {
        WSG_PATH: POLICY,
        EVENT_PATH: f"{head}programme:\n{programme}outcomes:" + rest.partition("outcomes:")[2],
    }


DUPLICATE_DAY = rows(
    "duplicate-day",
    ("a day without a date, then one day twice: both told",
     days(("", OPENING), ("2026-05-18", OPENING), ("2026-05-18", OPENING)), END,
     [("missing-field", 15, 5), ("duplicate-day", 20, 11)]),
    ("a day without a date, then two days", days(("", OPENING), ("2026-05-18", OPENING),
                                                 ("2026-05-19", OPENING)), END,
     [("missing-field", 15, 5)]),
)  # fmt: skip


def in_person(venue: str, zone: str = "Europe/Zurich", held: str = "in-person") -> dict[str, str]:
    """The demo event held at ``venue`` (``held`` is its format), its times in ``zone``."""
    moved = edited(event(), "format: virtual", f"format: {held}\nvenue: {venue}")
    return edited(moved, "timezone: Europe/Zurich", f"timezone: {zone}")


NAIROBI = "{city: Nairobi, country: KE}"
SPEAKERS_AND_ZONES = rows(
    "speaker-country-missing, timezone-country: what is judged",
    ("a speaker whose country is not a code: bad-country only",
     edited(event(), "title: Keynote}",
            "title: Keynote, speakers: [{name: Amina Diallo, country: ZZ}]}"), END,
     [("bad-country", 18, 97)]),
    ("in person in Nairobi on Zurich time", in_person(NAIROBI), END, [("timezone-country", 7, 11)]),
    ("hybrid in Nairobi on Zurich time",
     in_person(NAIROBI, held="hybrid"), END, [("timezone-country", 7, 11)]),
    ("virtual, with a venue in Nairobi, on Zurich time: any zone will do",
     in_person(NAIROBI, held="virtual"), END, []),
    ("in person in Nairobi, the zone not a zone: bad-timezone only",
     in_person(NAIROBI, zone="CET"), END, [("bad-timezone", 7, 11)]),
    ("in person, the venue's country not a code: bad-country only",
     in_person("{city: Nairobi, country: ZZ}"), END, [("bad-country", 9, 33)]),
    ("in person on Bouvet Island, for which the tz database lists no zone: not judged",
     in_person("{city: Bouvetoya, country: BV}"), END, []),
)  # fmt: skip


PROPOSED = event(status="proposed")[EVENT_PATH]
NEXT_YEAR = PROPOSED.replace("2026-05-", "2027-05-")  # starts 2027-05-18
NO_START = PROPOSED.replace("id: demo", "id: aaa").replace("start: 2026-05-18\n", "")
WRONG_FOLDER = rows(
    "wrong-folder",
    # the file is under data/events/2026/
    ("starts on the last day of the folder's year",
     event(start="2026-12-31", end="2026-12-31", day="2026-12-31", status="proposed"),
     d("2026-06-01"), []),
    ("starts on the first day of the next year",
     event(start="2027-01-01", end="2027-01-01", day="2027-01-01", status="proposed"),
     d("2026-06-01"), [("wrong-folder", 5, 8)]),
    ("starts on the last day of the year before",
     edited(event(start="2025-12-31", end="2025-12-31", day="2025-12-31", status="announced",
                  announced="2025-12-01"), "date: 2026-01-15", "date: 2025-11-15"),
     d("2025-12-20"), [("wrong-folder", 5, 8)]),
    ("a note before a misplaced event: both told",
     {WSG_PATH: POLICY, "data/events/2026/README.txt": "to do\n", EVENT_PATH: NEXT_YEAR},
     d("2026-06-01"), [("stray-file", 1, 1), ("wrong-folder", 5, 8)]),
    ("an event without a start before a misplaced event: both told",
     {WSG_PATH: POLICY, "data/events/2026/aaa.yaml": NO_START, EVENT_PATH: NEXT_YEAR},
     END, [("missing-field", 1, 1), ("wrong-folder", 5, 8)]),
    ("an event without a start outside events/",
     {WSG_PATH: POLICY, "data/demo.yaml": NO_START.replace("id: aaa", "id: demo")},
     END, [("missing-field", 1, 1), ("wrong-folder", 1, 1)]),
)  # fmt: skip


# data/events/2026/demo.yaml named otherwise inside
ID_MISMATCH = rows(
    "id-mismatch",
    ("an id that sorts before the file name",
     {WSG_PATH: POLICY, EVENT_PATH: PROPOSED.replace("id: demo", "id: de-mo")}, END,
     [("id-mismatch", 1, 5)]),
    ("an id that sorts after the file name",
     {WSG_PATH: POLICY, EVENT_PATH: PROPOSED.replace("id: demo", "id: demo-2026")}, END,
     [("id-mismatch", 1, 5)]),
    ("an event without an id before one whose id is not its file name: both told",
     {WSG_PATH: POLICY, "data/events/2026/aaa.yaml": PROPOSED.replace("id: demo\n", ""),
      EVENT_PATH: PROPOSED.replace("id: demo", "id: demo-2026")}, END,
     [("missing-field", 1, 1), ("id-mismatch", 1, 5)]),
)  # fmt: skip


# --- Management team ----------------------------------------------------------------------------

# A regional_balance WSG: five vice-chairmen always in office, and the rows' chairmen,
# Africa's vice-chairman and closing day (a row leaves a line out as a comment).
TEAM = Template("""\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
regional_balance: true
$closed
management:
  - {role: chairman, name: Fatou Ndiaye, country: SN, term: $first_chairman}
  $second_chairman
  - {role: vice-chairman, name: Aline Uwase, country: RW, region: africa, term: $africa}
  - {role: vice-chairman, name: Ana Rojas, country: CO, region: americas,
     term: {start: 2020-01-20}}
  - {role: vice-chairman, name: Jan Kowalski, country: PL, region: europe,
     term: {start: 2020-01-20}}
  - {role: vice-chairman, name: Rashad Aliyev, country: AZ, region: cis,
     term: {start: 2020-01-20}}
  - {role: vice-chairman, name: Priya Raghavan, country: IN, region: asia-pacific,
     term: {start: 2020-01-20}}
  - {role: vice-chairman, name: Ahmed Farouk, country: EG, region: arab-states,
     term: {start: 2020-01-20}}
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: security, title: Security and trust, priority: normal}
""")
TEAM_DEFAULTS = {
    "closed": "# not closed",
    "first_chairman": "{start: 2020-01-20}",
    "second_chairman": "# no second chairman",
    "africa": "{start: 2020-01-20}",
}


def team(**values: str) -> dict[str, str]:
    return {WSG_PATH: TEAM.substitute(TEAM_DEFAULTS | values)}


def successor(start: str) -> str:
    return f'- {{role: chairman, name: Ingrid Haugen, country: "NO", term: {{start: {start}}}}}'


FIRST_ENDS = "{start: 2020-01-20, end: 2025-01-19}"

SUCCESSION = rows(
    "seat-overlap, seat-gap",
    # Fatou Ndiaye's last day is 2025-01-19
    ("the successor starts the day before the last day: overlap",
     team(first_chairman=FIRST_ENDS, second_chairman=successor("2025-01-18")), TODAY,
     [("seat-overlap", 8, 72)]),
    ("the successor starts on the last day: one shared day, overlap",
     team(first_chairman=FIRST_ENDS, second_chairman=successor("2025-01-19")), TODAY,
     [("seat-overlap", 8, 72)]),
    ("the successor starts the day after the last day: seamless",
     team(first_chairman=FIRST_ENDS, second_chairman=successor("2025-01-20")), TODAY, []),
    ("the successor starts two days after the last day: one empty day, a gap",
     team(first_chairman=FIRST_ENDS, second_chairman=successor("2025-01-21")), TODAY,
     [("seat-gap", 8, 72)]),
)  # fmt: skip


def test_a_short_term_inside_a_long_one_leaves_no_gap_after_it(tmp_path: Path) -> None:
    """The term that runs longest so far decides where the next one must start."""
    inside = (
        '- {role: chairman, name: Lars Berg, country: "NO",'
        " term: {start: 2021-01-01, end: 2021-12-31}}"
    )
    files = team(
        first_chairman=FIRST_ENDS, second_chairman=f"{inside}\n  {successor('2025-01-20')}"
    )
    # Lars Berg's year lies inside Fatou Ndiaye's term (an overlap); Ingrid Haugen takes
    # over the day after Fatou Ndiaye's last day, not the day after Lars Berg's
    assert check(tmp_path, files, TODAY) == [("seat-overlap", 8, 68)]


SEATS_TODAY = rows(
    "missing-chairman, seat-vacant",
    # today is 2026-06-01
    ("the chairman's last day was yesterday: no chairman",
     team(first_chairman="{start: 2020-01-20, end: 2026-05-31}"), TODAY,
     [("missing-chairman", 7, 86)]),
    ("the chairman's last day is today",
     team(first_chairman="{start: 2020-01-20, end: 2026-06-01}"), TODAY, []),
    ("the chairman's last day is tomorrow",
     team(first_chairman="{start: 2020-01-20, end: 2026-06-02}"), TODAY, []),
    ("the only chairman takes office tomorrow: no chairman today",
     team(first_chairman="{start: 2026-06-02}"), TODAY, [("missing-chairman", 6, 1)]),
    ("the only chairman takes office today",
     team(first_chairman="{start: 2026-06-01}"), TODAY, []),
    ("Africa's vice-chairman's last day was yesterday",
     team(africa="{start: 2020-01-20, end: 2026-05-31}"), TODAY, [("seat-vacant", 9, 106)]),
    ("Africa's vice-chairman's last day is today",
     team(africa="{start: 2020-01-20, end: 2026-06-01}"), TODAY, []),
    ("Africa's vice-chairman takes office tomorrow",
     team(africa="{start: 2026-06-02}"), TODAY, [("seat-vacant", 6, 1)]),
    ("Africa's vice-chairman takes office today", team(africa="{start: 2026-06-01}"), TODAY, []),
)  # fmt: skip


CLOSED_GROUP = rows(
    "missing-chairman of a closed group",
    # a group closed before today is judged on its closing day, 2026-03-31
    ("the chairman left the day before the group closed",
     team(closed="closed: 2026-03-31", first_chairman="{start: 2020-01-20, end: 2026-03-30}"),
     TODAY, [("missing-chairman", 7, 86)]),
    ("the chairman left on the closing day",
     team(closed="closed: 2026-03-31", first_chairman="{start: 2020-01-20, end: 2026-03-31}"),
     TODAY, []),
    ("the group closes today, the chairman left yesterday",
     team(closed="closed: 2026-06-01", first_chairman="{start: 2020-01-20, end: 2026-05-31}"),
     TODAY, [("missing-chairman", 7, 86)]),
    ("the group closes tomorrow, the chairman left yesterday: judged today",
     team(closed="closed: 2026-06-02", first_chairman="{start: 2020-01-20, end: 2026-05-31}"),
     TODAY, [("missing-chairman", 7, 86)]),
    ("the group closes tomorrow, the chairman leaves today",
     team(closed="closed: 2026-06-02", first_chairman="{start: 2020-01-20, end: 2026-06-01}"),
     TODAY, []),
)  # fmt: skip


# Two members of SG16 from Norway (a group without regional_balance: no seat rules).
COUNTRYMEN = Template("""\
id: sg16
name: Multimedia and related digital technologies
kind: study-group
management:
  - {role: chairman, name: Lars Berg, country: "NO", term: $first}
  - {role: vice-chairman, name: Ingrid Haugen, country: "NO", term: $second}
""")


def countrymen(first: str, second: str) -> dict[str, str]:
    return {SG16_PATH: COUNTRYMEN.substitute(first=first, second=second)}


SAME_COUNTRY = rows(
    "same-country",
    ("the first leaves the day before the second arrives",
     countrymen("{start: 2022-05-30, end: 2025-01-19}", "{start: 2025-01-20}"), TODAY, []),
    ("the first leaves the day the second arrives: one day together",
     countrymen("{start: 2022-05-30, end: 2025-01-20}", "{start: 2025-01-20}"), TODAY,
     [("same-country", 6, 57)]),
    ("the first leaves the day after the second arrives",
     countrymen("{start: 2022-05-30, end: 2025-01-21}", "{start: 2025-01-20}"), TODAY,
     [("same-country", 6, 57)]),
    # the later line in the file is the earlier term: its end meets the other's start
    ("the second line's term ends the day before the first line's starts",
     countrymen("{start: 2025-01-20}", "{start: 2022-05-30, end: 2025-01-19}"), TODAY, []),
    ("the second line's term ends the day the first line's starts",
     countrymen("{start: 2025-01-20}", "{start: 2022-05-30, end: 2025-01-20}"), TODAY,
     [("same-country", 6, 57)]),
)  # fmt: skip


# A member of SG16 judged by the memberships of the day their term began.
MEMBER = Template("""\
id: sg16
name: Multimedia and related digital technologies
kind: study-group
management:
  - {role: $role, name: $name, country: $country, $region term: {start: $start}}
""")


def member(country: str, start: str, region: str = "") -> dict[str, str]:
    role, name = ("vice-chairman", "Ivan Petrov") if region else ("chairman", "Ines Ngiraked")
    region = f"region: {region}," if region else ""
    text = MEMBER.substitute(role=role, name=name, country=country, region=region, start=start)
    return {SG16_PATH: text}


MEMBERSHIP = rows(
    "not-a-member-state, region-mismatch on the day a term began",
    # Palau joined ITU on 2024-09-19
    ("Palau, a term from the day before it joined",
     member("PW", "2024-09-18"), TODAY, [("not-a-member-state", 5, 52)]),
    ("Palau, a term from the day it joined", member("PW", "2024-09-19"), TODAY, []),
    ("Palau, a term from the day after it joined", member("PW", "2024-09-20"), TODAY, []),
    # CEPT suspended the Russian Federation from 2022-03-18
    ("the Russian Federation for europe, the day before the suspension",
     member("RU", "2022-03-17", "europe"), TODAY, []),
    ("the Russian Federation for europe, the day of the suspension",
     member("RU", "2022-03-18", "europe"), TODAY, [("region-mismatch", 5, 67)]),
)  # fmt: skip


TERM_ORDER = rows(
    "date-order of a term",
    ("a term that ends the day before it starts",
     countrymen("{start: 2022-05-30, end: 2022-05-29}", "{start: 2025-01-20}"), TODAY,
     [("date-order", 5, 85)]),
    ("a term of one day",
     countrymen("{start: 2022-05-30, end: 2022-05-30}", "{start: 2025-01-20}"), TODAY, []),
    ("a term of two days",
     countrymen("{start: 2022-05-30, end: 2022-05-31}", "{start: 2025-01-20}"), TODAY, []),
)  # fmt: skip


@pytest.mark.parametrize(
    ("files", "today", "found"),
    [
        *LATE_ANNOUNCEMENT,
        *HELD_IN_FUTURE,
        *STALE_STATUS,
        *OUTCOMES_OVERDUE,
        *PRESENTATIONS_OVERDUE,
        *PARTICIPATION_MISMATCH,
        *OUTCOME_BEFORE_EVENT,
        *OUTCOME_IN_FUTURE,
        *GROUP_CLOSED,
        *BUDGET_OVERCOMMITTED,
        *BUDGET_SUMS,
        *FELLOWSHIPS_MISMATCH,
        *TOPIC_STALE,
        *TOPIC_EVENTS,
        *NEIGHBOURS,
        *LEFT_OUT,
        *REFERENCES,
        *DATE_ORDER,
        *DAY_OUTSIDE_EVENT,
        *SESSIONS,
        *SESSIONS_COMPARED,
        *DUPLICATE_DAY,
        *SPEAKERS_AND_ZONES,
        *WRONG_FOLDER,
        *ID_MISMATCH,
        *SUCCESSION,
        *SEATS_TODAY,
        *CLOSED_GROUP,
        *SAME_COUNTRY,
        *MEMBERSHIP,
        *TERM_ORDER,
    ],
)
def test_boundary(tmp_path: Path, files: dict[str, str], today: date, found: Found) -> None:
    assert check(tmp_path, files, today) == found


# --- What the finding says: the day that would have been right ----------------------------------

MESSAGES = [
    pytest.param(
        event(announced="2026-05-09", status="announced"), d("2026-05-10"),
        "announced 9 days before the start; the policy asks for at least 10 days "
        "(announce by 2026-05-08)",
        id="late-announcement",
    ),
    pytest.param(
        event(announced="2026-05-17", status="announced"), d("2026-05-17"),
        "announced 1 day before the start; the policy asks for at least 10 days "
        "(announce by 2026-05-08)",
        id="late-announcement-1-day-before",
    ),
    pytest.param(
        event(announced="2026-05-18"), END,
        "announced on the day of the start; the policy asks for at least 10 days "
        "(announce by 2026-05-08)",
        id="late-announcement-on-the-first-day",
    ),
    pytest.param(
        event(announced="2026-05-19"), END,
        "announced 1 day after the start; the policy asks for at least 10 days "
        "(announce by 2026-05-08)",
        id="late-announcement-1-day-after",
    ),
    pytest.param(
        event(announced="2026-05-20"), END,
        "announced 2 days after the start; the policy asks for at least 10 days "
        "(announce by 2026-05-08)",
        id="late-announcement-2-days-after",
    ),
    pytest.param(
        edited_wsg(event(announced="2026-05-18"), "announcement_lead_days: 10",
                   "announcement_lead_days: 1"), END,
        "announced on the day of the start; the policy asks for at least 1 day "
        "(announce by 2026-05-17)",
        id="late-announcement-policy-of-1-day",
    ),
    pytest.param(
        event(), d("2026-05-19"),
        "status held, but the event ends on 2026-05-20, after today (2026-05-19); "
        "keep it announced until then",
        id="held-in-future",
    ),
    pytest.param(
        event(status="announced"), d("2026-05-21"),
        "the event ended on 2026-05-20 but is still announced; "
        "set status to held, cancelled or postponed",
        id="stale-status",
    ),
    pytest.param(
        NO_REPORT, d("2026-05-26"),
        "no report outcome: it was due by 2026-05-25 (1 day ago); add an outcome of type report",
        id="outcomes-overdue-1-day",
    ),
    pytest.param(
        NO_REPORT, d("2026-05-27"),
        "no report outcome: it was due by 2026-05-25 (2 days ago); add an outcome of type report",
        id="outcomes-overdue-2-days",
    ),
    pytest.param(
        NO_SLIDES, d("2026-05-24"),
        "no presentations online: they were due by 2026-05-23; add speakers' presentation "
        "links or an outcome of type presentations",
        id="presentations-overdue",
    ),
    pytest.param(
        event(outcomes=f"[{slides('2026-05-17')}, {report('2026-05-30')}]"), d("2026-06-01"),
        "outcome 'Slides' is dated 2026-05-17, before the event started (2026-05-18)",
        id="outcome-before-event",
    ),
    pytest.param(
        event(day="2026-05-21"), END,
        "programme day 2026-05-21 is outside the event (2026-05-18 to 2026-05-20)",
        id="day-outside-event",
    ),
    pytest.param(
        sessions('{start: "09:30", end: "10:00", title: Opening, room: Popov}',
                 '{start: "09:45", end: "10:30", title: Keynote, room: Popov}'), END,
        "session 'Keynote' (09:45-10:30) overlaps 'Opening' (09:30-10:00) in room Popov on "
        "2026-05-18; give one a different room or time",
        id="session-overlap-in-a-room",
    ),
    pytest.param(
        sessions(OPENING, '{start: "09:45", end: "10:30", title: Keynote}'), END,
        "session 'Keynote' (09:45-10:30) overlaps 'Opening' (09:30-10:00) in the shared room "
        "on 2026-05-18; give one a different room or time",
        id="session-overlap-in-the-shared-room",
    ),
    pytest.param(
        edited(event(), "organizers: [sg16]", "organizers: [sg61]"), END,
        "organizer 'sg61' is not a group (did you mean 'sg16'?)",
        id="unknown-group-did-you-mean",
    ),
    pytest.param(
        {SG16_PATH: SG16_WITH + Template(APPOINTED).substitute(by="tasg")}, TODAY,
        "appointed.by 'tasg' is not a group (did you mean 'tsag'?)",
        id="unknown-group-of-a-seat-did-you-mean",
    ),
    pytest.param(
        edited(event(), "themes: [ai]", "themes: [ia]"), END,
        "theme 'ia' is not declared in wsg.yaml (did you mean 'ai'?)",
        id="unknown-theme-did-you-mean",
    ),
    pytest.param(
        edited(POSTPONED, "# nothing more", "postponement: {date: 2026-05-01, to: ai-froum}"), END,
        "postponement.to 'ai-froum' is not an event (did you mean 'ai-forum'?)",
        id="unknown-event-did-you-mean",
    ),
    pytest.param(
        team(first_chairman=FIRST_ENDS, second_chairman=successor("2025-01-21")), TODAY,
        "wsg: the seat of chairman stood empty from 2025-01-20 to 2025-01-20, between Fatou "
        "Ndiaye's term and Ingrid Haugen's; if the successor took over at once, start the term "
        "on 2025-01-20",
        id="seat-gap",
    ),
    pytest.param(
        team(first_chairman=FIRST_ENDS, second_chairman=successor("2025-01-19")), TODAY,
        "wsg: the seat of chairman has two holders at once: Fatou Ndiaye (from 2020-01-20 to "
        "2025-01-19) and Ingrid Haugen (from 2025-01-19, with no end set) overlap from "
        "2025-01-19 to 2025-01-19; end the first term the day before the second starts",
        id="seat-overlap",
    ),
    pytest.param(
        team(closed="closed: 2026-03-31", first_chairman="{start: 2020-01-20, end: 2026-03-30}"),
        TODAY,
        "wsg has no chairman on its closing day 2026-03-31: Fatou Ndiaye's term ended on "
        "2026-03-30; add the successor under management with role: chairman and a term",
        id="missing-chairman",
    ),
    pytest.param(
        team(closed="closed: 2026-06-01", first_chairman="{start: 2020-01-20, end: 2026-05-31}"),
        TODAY,
        "wsg has no chairman on its closing day 2026-06-01: Fatou Ndiaye's term ended on "
        "2026-05-31; add the successor under management with role: chairman and a term",
        id="missing-chairman-of-a-group-that-closes-today",
    ),
    pytest.param(
        countrymen("{start: 2022-05-30, end: 2025-01-20}", "{start: 2025-01-20}"), TODAY,
        "Lars Berg (chairman) and Ingrid Haugen (vice-chairman) of sg16 are both from NO "
        "(Norway), together in office from 2025-01-20 to 2025-01-20; the team's regional "
        "balance asks for different countries",
        id="same-country",
    ),
    pytest.param(
        budget(ALLOCATED, "29999.5"), END,
        "the events of 2026 are allocated 30,000 CHF, 0.50 more than the year's budget of "
        "29,999.50 CHF",
        id="budget-overcommitted-cents",
    ),
    pytest.param(
        budget(ALLOCATED, "29999.0"), END,
        "the events of 2026 are allocated 30,000 CHF, 1 more than the year's budget of "
        "29,999 CHF",
        id="budget-overcommitted-whole-francs-written-as-decimals",
    ),
    pytest.param(
        budget(second_event(ALLOCATED, "12345"), "42344"), END,
        "the events of 2026 are allocated 42,345 CHF, 1 more than the year's budget of "
        "42,344 CHF",
        id="budget-overcommitted",
    ),
    pytest.param(
        event(more="fellowships: {offered: true, granted: 9, by_country: {KE: 3, HT: 2, NP: 3}}"),
        END,
        "fellowships by_country adds up to 8, but granted is 9",
        id="fellowships-mismatch",
    ),
    pytest.param(
        topic("watch", "2026-05-01"), TODAY,
        "watch topic last reviewed on 2026-05-01, 31 days ago; review it at least every 30 "
        "days (policy.topic_review_days)",
        id="topic-stale",
    ),
    pytest.param(
        edited_wsg(topic("watch", "2026-05-30"), "topic_review_days: 30", "topic_review_days: 1"),
        TODAY,
        "watch topic last reviewed on 2026-05-30, 2 days ago; review it at least every 1 day "
        "(policy.topic_review_days)",
        id="topic-stale-policy-of-1-day",
    ),
    pytest.param(
        edited_wsg(topic("watch", "2026-05-31"), "topic_review_days: 30", "topic_review_days: 0"),
        TODAY,
        "watch topic last reviewed on 2026-05-31, 1 day ago; review it at least every 0 days "
        "(policy.topic_review_days)",
        id="topic-stale-1-day-ago",
    ),
    pytest.param(
        event(outcomes=f"[{slides('2026-05-21')}, {report('2026-05-25')}]"), d("2026-05-24"),
        "outcome 'Report' is dated 2026-05-25, after today (2026-05-24)",
        id="outcome-in-future",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("files", "today", "message"), MESSAGES)
def test_the_finding_names_the_day_that_would_be_right(
    tmp_path: Path, files: dict[str, str], today: date, message: str
) -> None:
    (finding,) = findings_for(tmp_path, files, today)
    assert finding.message.startswith(message)


def test_an_overlap_names_the_first_session_that_holds_the_room_until_then(tmp_path: Path) -> None:
    """Two sessions end at 10:00: a third that starts before then overlaps the first of them."""
    files = sessions(
        '{start: "09:00", end: "10:00", title: Opening}',
        '{start: "09:30", end: "10:00", title: Keynote}',
        '{start: "09:45", end: "10:30", title: Panel}',
    )
    found = [(f.line, f.message) for f in findings_for(tmp_path, files, END)]
    assert found == [
        (18, "session 'Keynote' (09:30-10:00) overlaps 'Opening' (09:00-10:00) in the shared "
             "room on 2026-05-18; give one a different room or time"),
        (19, "session 'Panel' (09:45-10:30) overlaps 'Opening' (09:00-10:00) in the shared "
             "room on 2026-05-18; give one a different room or time"),
    ]  # fmt: skip
