"""`wsg render summary`: the yearly report to TSAG, checked against a hand count."""

# The rendered text uses the en dash (09:30–10:00) on purpose.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import make_dataset, run_wsg

WSG = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
regional_balance: true
management:
  - {role: chairman, name: Ingrid Haugen, country: "NO", term: {start: 2025-01-20}}
  - role: vice-chairman
    name: Ana Lima
    country: BR
    region: americas
    term: {start: 2025-01-20, end: 2026-12-31}
  - {role: vice-chairman, name: Grace Kamau, country: KE, region: africa, term: {start: 2025-01-20}}
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: quantum, title: Quantum, priority: high}
  - {id: security, title: Security and trust, priority: normal}
policy: {outcomes_due_days: 30}
budget:
  - {year: 2026, currency: CHF, amount: 100000}
"""


def event(
    event_id: str, kind: str, status: str, start: str, end: str, themes: str, extra: str = ""
) -> str:
    return f"""\
id: {event_id}
title: Event {event_id.upper()}
kind: {kind}
status: {status}
start: {start}
end: {end}
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [{themes}]
approval: {{date: 2025-10-01, by: tsag}}
announcement: {{date: 2025-11-01}}
{extra}"""


EVENTS = {
    "a": event(
        "a", "workshop", "held", "2026-03-10", "2026-03-11", "ai",
        "participation: {registered: 100, in_person: 60, remote: 30,\n"
        "                by_country: {KE: 20, CH: 10}}\n"
        "fellowships: {offered: true, granted: 5}\n"
        "budget: {currency: CHF, allocated: 20000, spent: 15000}\n"
        "outcomes: [{type: report, title: R, url: 'https://example.org/a', date: 2026-04-01}]\n",
    ),
    "b": event(
        "b", "seminar", "held", "2026-05-09", "2026-05-10", "security",
        "participation: {registered: 50, in_person: 20, remote: 20, by_country: {BR: 5}}\n"
        "outcomes: [{type: report, title: R, url: 'https://example.org/b', date: 2026-07-01}]\n",
    ),
    "c": event("c", "webinar", "held", "2026-09-01", "2026-09-01", "ai"),
    "d": event("d", "workshop", "held", "2026-11-19", "2026-11-20", "ai"),
    "e": event(
        "e", "workshop", "cancelled", "2026-10-01", "2026-10-02", "security",
        "fellowships: {offered: true}\n"
        "budget: {currency: CHF, allocated: 5000, spent: 1000}\n"
        "cancellation: {date: 2026-08-01, reason: Too few speakers}\n",
    ),
    "f": event("f", "webinar", "announced", "2026-12-08", "2026-12-08", "security"),
}  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    files: dict[str, str | bytes | None] = {"data/groups/wsg.yaml": WSG}
    files.update({f"data/events/2026/{key}.yaml": text for key, text in EVENTS.items()})
    return make_dataset(tmp_path, files)


def summary(data: Path, output_format: str, year: str = "2026") -> str:
    result = run_wsg(
        "render", "summary", "--year", year, "--format", output_format,
        "--data", str(data), "--today", "2026-11-28",
    )  # fmt: skip
    assert result.code == 0, result.err
    return result.out


def row(text: str, first_cell: str) -> list[str]:
    """The cells of the Markdown table row that starts with ``first_cell``."""
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("|") and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r}")


def test_events_by_status_and_kind(data: Path) -> None:
    text = summary(data, "md")
    header = row(text, "Kind")
    assert header == [
        "Kind",
        "Proposed",
        "Approved",
        "Announced",
        "Held",
        "Postponed",
        "Cancelled",
        "Total",
    ]
    assert row(text, "Workshop") == ["Workshop", "0", "0", "0", "2", "0", "1", "3"]
    assert row(text, "Seminar") == ["Seminar", "0", "0", "0", "1", "0", "0", "1"]
    assert row(text, "Webinar") == ["Webinar", "0", "0", "1", "1", "0", "0", "2"]
    assert row(text, "**All kinds**")[-1] == "**6**"


def test_held_events_with_participation(data: Path) -> None:
    text = summary(data, "md")
    assert row(text, "Event") == [
        "Event", "Dates", "Registered", "In person", "Online", "Took part", "Country known",
        "Countries",
    ]  # fmt: skip
    assert row(text, "Event A") == [
        "Event A", "10–11 March 2026", "100", "60", "30", "90", "30 (33 %)", "2"
    ]  # fmt: skip
    assert row(text, "Event C")[2:] == ["—", "—", "—", "—", "0 (—)", "0"]
    assert row(text, "**4 held events**") == [
        "**4 held events**", "", "**150**", "**80**", "**50**", "**130**", "**35** (27 %)",
        "**3** different",
    ]  # fmt: skip


def test_the_three_participation_figures_are_defined_and_the_known_share_said(
    data: Path,
) -> None:
    """Registered (150), took part (80 + 50) and with a known country (30 + 5): three
    different numbers, each defined under the table, the last as a share of the second."""
    text = summary(data, "md")
    known = "130 people took part in the 4 events held; the country of 35 of them (27 %) is known."
    assert known in text
    assert "- **Registered**: signed up to take part" in text
    assert "- **Took part**: attended: in person at the venue plus online" in text
    assert "- **Country known**: those who took part whose country was recorded" in text
    html = summary(data, "html")
    assert '<dl class="definitions">' in html
    assert "<dt>Country known</dt>" in html
    assert '<td class="num" data-label="Took part">130</td>' in html


def test_regional_and_developing_distribution_of_participants(data: Path) -> None:
    text = summary(data, "md")
    regions = row(text, "Who")
    participants = dict(zip(regions, row(text, "Participants"), strict=True))
    assert participants["Total"] == "35"
    assert (participants["Africa"], participants["Europe"], participants["Americas"]) == (
        "20",
        "10",
        "5",
    )
    categories = [line for line in text.splitlines() if line.startswith("| Participants |")][1]
    assert categories.endswith("| 25 | 71.4 % |")  # KE and BR are developing, CH is not
    assert row(text, "2026") == ["2026", "35", "25", "71.4 %"]


def test_fellowships_count_only_events_that_took_place(data: Path) -> None:
    assert "5 fellowships granted; 1 of the 5 events offered them." in summary(data, "md")


def test_outcome_dissemination_on_time_late_missing_and_not_yet_due(data: Path) -> None:
    text = summary(data, "md")
    states = {
        line.split("|")[1].strip(): line.split("|")[4].strip()
        for line in text.split("## Dissemination of outcomes")[1].split("## Theme")[0].splitlines()
        if line.startswith("| Event ") and not line.startswith("| Event |")
    }
    assert states == {
        "Event A": "On time (21 days after the event)",
        "Event B": "**Late by 22 days**",
        "Event C": "**Missing, 58 days overdue**",
        "Event D": "Not yet due (due in 22 days)",
    }


@pytest.mark.parametrize(("days", "noun"), [(1, "day"), (2, "days")])
def test_dissemination_counts_one_day_in_the_singular(tmp_path: Path, days: int, noun: str) -> None:
    """Each state ``days`` away from its limit, with a policy of ``days`` (today 28 November)."""

    def held(key: str, end: date, report: date | None = None) -> str:
        published = (
            f"outcomes: [{{type: report, title: R, url: 'https://example.org/{key}', "
            f"date: {report}}}]\n"
        )
        return event(key, "workshop", "held", str(end), str(end), "ai", published if report else "")

    today, gap = date(2026, 11, 28), timedelta(days=days)
    files: dict[str, str | bytes | None] = {
        "data/groups/wsg.yaml": WSG.replace("outcomes_due_days: 30", f"outcomes_due_days: {days}"),
        "data/events/2026/a.yaml": held("a", date(2026, 3, 11), date(2026, 3, 11) + gap),
        "data/events/2026/b.yaml": held("b", date(2026, 5, 10), date(2026, 5, 10) + 2 * gap),
        "data/events/2026/c.yaml": held("c", today - 2 * gap),
        "data/events/2026/d.yaml": held("d", today),
    }
    data = make_dataset(tmp_path, files)
    html = summary(data, "html")
    assert f"<p>A report is due within {days} {noun} after an event ends.</p>" in html
    assert f'<td data-label="State">Not yet due (due in {days} {noun})</td>' in html
    text = summary(data, "md").split("## Dissemination of outcomes")[1]
    assert text.startswith(f"\n\nA report is due within {days} {noun} after an event ends.\n")
    assert [row(text, f"Event {key}")[3] for key in "ABCD"] == [
        f"On time ({days} {noun} after the event)",
        f"**Late by {days} {noun}**",
        f"**Missing, {days} {noun} overdue**",
        f"Not yet due (due in {days} {noun})",
    ]


def test_a_priority_theme_without_an_event_in_twelve_months_stands_out(data: Path) -> None:
    text = summary(data, "md")
    assert row(text, "**Quantum: no event in 12 months**") == [
        "**Quantum: no event in 12 months**", "High", "0", "Never"
    ]  # fmt: skip
    assert row(text, "Artificial intelligence") == [
        "Artificial intelligence", "High", "3", "20 November 2026"
    ]  # fmt: skip
    html = summary(data, "html")
    assert '<tr class="gap"><th scope="row">Quantum <span class="badge gap">' in html


def test_management_team_and_its_vacancies(data: Path) -> None:
    """Seats, holders and countries in words; a term's real end, or that none is set."""
    text = summary(data, "md")
    assert "3 of 7 seats filled, **4 vacant**" in text
    assert row(text, "Chairman") == ["Chairman", "Ingrid Haugen", "Norway", "No end date set"]
    assert row(text, "Vice-chairman for the Americas") == [
        "Vice-chairman for the Americas", "Ana Lima", "Brazil", "31 December 2026"
    ]  # fmt: skip
    assert row(text, "Vice-chairman for the CIS")[1] == "**Vacant**"
    html = summary(data, "html")
    assert '<th scope="row">Vice-chairman for Africa</th>' in html
    assert '<td data-label="Country">Kenya</td>' in html
    assert "vice-chairman" not in html and ">chairman<" not in html


def test_budget_allocated_against_spent(data: Path) -> None:
    text = summary(data, "md")
    assert row(text, "CHF") == ["CHF", "100,000", "25,000", "16,000", "84,000"]


def test_html_summary_draws_charts_with_a_text_alternative(data: Path) -> None:
    html = summary(data, "html")
    assert "<script" not in html
    charts = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    assert len(charts) == 2
    for chart in charts:
        assert 'role="img"' in chart and "<title id=" in chart and "<desc id=" in chart
    assert '<desc id="chart-regions-2026-desc">Americas: 5; Europe: 10; CIS: 0; Africa: 20;' in html
    assert '<desc id="chart-developing-2026-desc">2025: no data; 2026: 71.4 %</desc>' in html
    assert "<caption>Participants from developing countries, by year</caption>" in html


def test_no_internal_code_reaches_the_reader(data: Path) -> None:
    """One capitalised vocabulary (wsg.render.words): no status, kind or role code."""
    for output_format in ("md", "html"):
        text = summary(data, output_format)
        for code in ("| workshop", "| held |", ">held<", ">workshop<", "| high |", ">high<"):
            assert code not in text, (output_format, code)
        assert "Workshop" in text and "Held" in text


def test_markdown_summary_is_valid_commonmark_tables(data: Path) -> None:
    text = summary(data, "md")
    html = MarkdownIt("commonmark").enable("table").render(text)
    # every table the template writes (a "|---" delimiter row each) reads as one
    assert html.count("<table>") == text.count("\n|---") >= 9
    assert "<td>Event A</td>" in html


def test_a_year_without_events_still_renders(data: Path) -> None:
    text = summary(data, "md", "2021")
    assert "No event starts in 2021." in text
    assert "No event was held in 2021." in text
    assert "No event of 2021 counts yet." in text
    assert "None" not in text


@pytest.mark.parametrize("year", ["0", "-3", "10000"])
def test_a_year_no_calendar_has_is_a_usage_error(data: Path, year: str) -> None:
    result = run_wsg("render", "summary", "--year", year, "--data", str(data))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"wsg: --year {year} is not a year: give one from 1 to 9999, such as 2026\n"
    )


@pytest.mark.parametrize("output_format", ["md", "html"])
def test_the_first_and_last_years_a_calendar_has_render(data: Path, output_format: str) -> None:
    """Absurd but valid: never an internal error (exit 3) at the ends of the calendar."""
    for year, today in (("1", "0001-06-01"), ("9999", "9999-12-31")):
        result = run_wsg(
            "render", "summary", "--year", year, "--format", output_format,
            "--data", str(data), "--today", today,
        )  # fmt: skip
        assert (result.code, result.err) == (0, ""), (year, result.err)


def test_a_year_that_has_not_started_says_so_instead_of_zeros(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {"data/groups/wsg.yaml": WSG}
    files["data/events/2027/g.yaml"] = event(
        "g", "workshop", "approved", "2027-03-02", "2027-03-03", "ai"
    ).replace("announcement: {date: 2025-11-01}\n", "")
    data = make_dataset(tmp_path, files)
    text = summary(data, "md", "2027")
    assert "2027 has not started yet: this is the plan as of Saturday 28 November 2026." in text
    assert "- Event G: 2–3 March 2027, Workshop, Approved" in text
    for empty in ("| 0 |", "Participants", "Theme coverage", "Fellowships", "Management team"):
        assert empty not in text, empty
    html = summary(data, "html", "2027")
    assert "<svg" not in html and "<table" not in html
    assert "2027 has not started yet" in html
    assert "No event is planned for 2030 yet." in summary(data, "md", "2030")
