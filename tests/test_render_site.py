"""`wsg render site`: the whole published site, relative, private-safe and reproducible."""

# The rendered text uses the en dash (09:30–10:00) on purpose.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import doctest
import gzip
import io
import json
import re
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import icalendar
import pytest

from tests.conftest import ROOT, SITE_RENDERED, make_dataset, run_wsg, skip_or_fail
from wsg import dataset as datasets
from wsg.commands import render as command
from wsg.model import Person
from wsg.natsort import natural_key
from wsg.serialize import to_data

TODAY = "2026-11-28"
BUNDLED = ROOT / "data"


def render_site(data: Path, out: Path, *extra: str) -> None:
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(data), "--today", TODAY, *extra
    )
    assert result.code == 0, result.err
    assert result.out == "" and SITE_RENDERED.fullmatch(result.err), result.err


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    render_site(BUNDLED, out)
    return out


@pytest.fixture(scope="module")
def bundled() -> datasets.Dataset:
    return datasets.load(BUNDLED, date.fromisoformat(TODAY))


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.links.append(values[name] or "")


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# --- what is there ---------------------------------------------------------------------


def test_site_has_every_page_download_and_feed(site: Path, bundled: datasets.Dataset) -> None:
    names = set(files(site))
    for fixed in (
        "index.html",
        "style.css",
        "themes.html",
        "groups/index.html",
        "calendar.ics",
        "events.json",
    ):
        assert fixed in names
    for event in bundled.events:
        for suffix in (".html", ".ics", ".schedule.json"):
            assert f"events/{event.id}{suffix}" in names
    for group_id in bundled.group_ids:
        assert f"groups/{group_id}.html" in names
    for year in (2025, 2026, 2027):
        assert f"years/{year}.html" in names
        assert f"summary/{year}.html" in names


def test_index_splits_upcoming_and_past_and_navigates_by_year_and_theme(site: Path) -> None:
    index = (site / "index.html").read_text()
    upcoming, past = index.split("<h2>Upcoming</h2>")[1].split("<h2>Past</h2>")
    assert "ITU Webinar on Security and Trust of Autonomous AI Agents" in upcoming  # 8 Dec 2026
    assert "ITU Workshop on AI Watermarking" in past
    assert "ITU Workshop on AI Watermarking" not in upcoming
    links = parse(site / "index.html").links
    assert {"years/2025.html", "years/2026.html", "years/2027.html"} <= set(links)
    assert "themes.html#theme-quantum" in links
    assert "<form" not in index and "search" not in index.lower()


def test_event_page_has_agenda_outcomes_and_downloads(site: Path) -> None:
    page = (site / "events" / "2026-03-ai-watermarking.html").read_text()
    assert '<a href="2026-03-ai-watermarking.ics" download>' in page
    assert '<a href="2026-03-ai-watermarking.schedule.json" download>' in page
    assert '<h2 id="outcomes">Outcomes</h2>' in page
    assert "Liaison statement on AI watermarking" in page
    assert "09:30–10:00 CET (UTC+01:00)" in page
    assert "sent to TSAG, SG21, SG17" in page


def test_event_pages_name_the_city_and_print_a_bare_offset_cleanly(site: Path) -> None:
    # Asia/Tashkent has no letter abbreviation: never "Tashkent time, (UTC+05:00)"
    tashkent = (site / "events" / "2025-10-standardization-gap-tashkent.html").read_text()
    assert "Times are local to the event: Tashkent time (UTC+05:00)." in tashkent
    assert "09:30–10:00 (UTC+05:00)" in tashkent
    assert ", (" not in tashkent and "Asia/Tashkent" not in tashkent
    geneva = (site / "events" / "2026-03-ai-watermarking.html").read_text()
    assert "Times are local to the event: Geneva time, CET (UTC+01:00)." in geneva


def test_event_page_names_its_languages_interpretation_and_each_outcomes_languages(
    site: Path,
) -> None:
    page = (site / "events" / "2026-03-ai-watermarking.html").read_text()
    assert (
        "<dt>Languages</dt><dd>English; interpretation: Arabic, Chinese, English, French, "
        "Russian, Spanish</dd>"
    ) in page
    assert "Report, published 1 April 2026, in English, French, Spanish" in page


def test_a_past_events_outcomes_and_the_day_index_come_before_the_facts(site: Path) -> None:
    """On a phone the report is at hand at once, and each day of the programme one tap away."""
    page = (site / "events" / "2026-03-ai-watermarking.html").read_text()
    order = [
        page.index("<h1>"),
        page.index('<section class="outcomes"'),
        page.index('<nav class="jump" aria-label="Programme days">'),
        page.index('<dl class="facts">'),
        page.index('<h2 id="programme">'),
    ]
    assert order == sorted(order)
    jump = page.split('<nav class="jump"')[1].split("</nav>")[0]
    assert '<a href="#day-2026-03-10">Tuesday 10 March</a>' in jump
    assert '<a href="#day-2026-03-11">Wednesday 11 March</a>' in jump
    assert {"day-2026-03-10", "day-2026-03-11", "committee"} <= parse(
        site / "events" / "2026-03-ai-watermarking.html"
    ).ids


def test_links_to_files_say_their_type_and_size(site: Path) -> None:
    page = (site / "events" / "2026-03-ai-watermarking.html").read_text()
    assert re.search(r"Workshop report</a> \(PDF\)", page)
    assert re.search(r">slides</a> \(PDF\)", page)
    for name, kind in (("2026-03-ai-watermarking.ics", "iCalendar"),
                       ("2026-03-ai-watermarking.schedule.json", "JSON")):  # fmt: skip
        size = (site / "events" / name).stat().st_size
        said = f"{round(size / 1000)} KB" if size >= 1000 else f"{size} bytes"
        assert re.search(
            rf'<a href="{re.escape(name)}" download>[^<]+</a> \({kind}, {said}\)', page
        )
    index = (site / "index.html").read_text()
    size = (site / "calendar.ics").stat().st_size
    link = '<a href="calendar.ics" download>Every event in your calendar</a>'
    assert f"{link} (iCalendar, {round(size / 1000)} KB)" in index


@pytest.mark.parametrize(
    "event_id", ["2026-10-security-trust-muscat", "2026-09-qos-digital-inclusion-suva"]
)
def test_a_called_off_event_promises_nothing(site: Path, event_id: str) -> None:
    """No "Add to calendar", no programme or outcomes "to come": the event is called off."""
    page = (site / "events" / f"{event_id}.html").read_text()
    for promise in ("Add to calendar", f'href="{event_id}.ics"', "are published after the event",
                    "has not been published yet", "Downloads", "Offered"):  # fmt: skip
        assert promise not in page, promise
    assert re.search(r'<div class="notice( postponed)?">\n<p>This event was ', page)


@pytest.mark.parametrize("status", ["cancelled", "postponed"])
def test_a_called_off_event_offers_no_fellowships_but_says_what_was_granted(
    tmp_path: Path, status: str
) -> None:
    day = (ROOT / "tests/examples-base/events/2025/ai-day.yaml").read_text("utf-8")
    if status == "postponed":
        day = day.replace("status: cancelled", "status: postponed").replace(
            "cancellation:", "postponement:"
        )
    offered = day + "fellowships: {offered: true}\n"
    granted = day + "fellowships: {offered: true, granted: 3}\n"
    pages = {}
    for name, text in (("offered", offered), ("granted", granted)):
        data = make_dataset(tmp_path / name, {"data/events/2025/ai-day.yaml": text})
        render_site(data, tmp_path / name / "site")
        pages[name] = (tmp_path / name / "site" / "events" / "ai-day.html").read_text()
    assert "Fellowships" not in pages["offered"]
    assert "Offered" not in pages["granted"]
    assert f"<dt>Fellowships</dt><dd>3 granted before it was {status}</dd>" in pages["granted"]


def test_called_off_events_lead_to_the_new_dates_or_the_replacement(site: Path) -> None:
    postponed = (site / "events" / "2026-09-qos-digital-inclusion-suva.html").read_text()
    assert (
        '<p>New dates: <a href="2027-05-qos-digital-inclusion-suva.html">11–12 May 2027</a>, '
        "Suva, Fiji and online.</p>" in postponed
    )
    cancelled = (site / "events" / "2025-11-metaverse-accessibility-riyadh.html").read_text()
    assert (
        '<p>It is replaced by <a href="2026-04-metaverse-accessibility-webinar.html">'
        "ITU Webinar on Accessible Metaverse Experiences</a>, 21 April 2026, Online.</p>"
        in cancelled
    )
    listing = (site / "years" / "2026.html").read_text()
    assert (
        'New dates: <a href="../events/2027-05-qos-digital-inclusion-suva.html">11–12 May 2027</a>'
        in listing
    )
    index = (site / "index.html").read_text()
    assert 'Replaced by: <a href="events/2026-04-metaverse-accessibility-webinar.html">' in index


def test_a_postponed_event_without_new_dates_says_they_are_to_come(tmp_path: Path) -> None:
    source = (BUNDLED / "events" / "2026" / "2026-09-qos-digital-inclusion-suva.yaml").read_text()
    data = make_dataset(
        tmp_path,
        {
            "data/events/2026/2026-09-x.yaml": source.replace(
                "id: 2026-09-qos-digital-inclusion-suva", "id: 2026-09-x"
            ).replace("to: 2027-05-qos-digital-inclusion-suva", "to: 2027-05-not-yet")
        },
    )
    render_site(data, tmp_path / "site")
    page = (tmp_path / "site" / "events" / "2026-09-x.html").read_text()
    assert "<p>New dates are to be announced.</p>" in page
    assert "2027-05-not-yet" not in page


def test_registration_is_the_first_action_of_an_upcoming_event(site: Path) -> None:
    page = (site / "events" / "2026-12-ai-agents-security-webinar.html").read_text()
    button = (
        '<p class="action"><a class="button" href="https://www.itu.int/en/ITU-T/'
        'Workshops-and-Seminars/2026/1208/Pages/registration.aspx">Register to join online</a>'
    )
    assert button in page
    assert page.index("<h1>") < page.index(button) < page.index("<a ", page.index("</h1>") + 400)
    forum = (site / "events" / "2027-03-ai-accessibility-forum-geneva.html").read_text()
    assert ">Register to attend, in person or online</a>" in forum
    for page_path in (site / "events").glob("*.html"):
        text = page_path.read_text()
        if "status-held" in text or "status-cancelled" in text or "status-postponed" in text:
            assert 'class="button"' not in text, page_path


def test_co_organizers_and_proposers_are_named_in_words(site: Path) -> None:
    page = (site / "events" / "2027-05-qos-digital-inclusion-suva.html").read_text()
    assert (
        "<dt>Organized with</dt><dd>Telecommunications Authority of Fiji; "
        "ITU Telecommunication Development Bureau (BDT)</dd>" in page
    )
    assert re.search(
        r"<dt>Proposed</dt><dd>[^<]*by <a href=\"../groups/\w+\.html\">SG\d+</a>", page
    )
    assert "supported by " in page and ", FJ" not in page


def test_an_upcoming_event_can_be_added_to_a_calendar(site: Path) -> None:
    page = (site / "events" / "2027-03-ai-accessibility-forum-geneva.html").read_text()
    assert (
        '<a href="2027-03-ai-accessibility-forum-geneva.ics" download>Add to calendar</a>' in page
    )
    assert "Confirmed, and announced to the membership by a TSB circular." in page


def test_group_page_shows_the_management_team_as_of_today(site: Path) -> None:
    page = (site / "groups" / "wsg.html").read_text()
    assert "Management team on Saturday 28 November 2026" in page
    assert "Aline Uwase" in page  # in office since 2026-05-30
    assert "Grace Wanjiru Kamau" not in page  # stepped down 2026-05-29
    assert "Vice-chairman for Africa" in page
    assert '<td data-label="Country">Rwanda</td>' in page


def test_calendar_has_one_entry_per_event_and_events_json_all_public_data(
    site: Path, bundled: datasets.Dataset
) -> None:
    calendar = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    assert sorted(str(e["uid"]) for e in calendar.walk("VEVENT")) == sorted(
        f"{e.id}@wsg.itu.int" for e in bundled.events
    )
    document = json.loads((site / "events.json").read_text())
    assert len(document["events"]) == len(bundled.events)
    watermarking = bundled.event("2026-03-ai-watermarking")
    assert to_data(watermarking) in document["events"]
    # every group, in the natural order of ids (sg2, sg3 … sg21), as everywhere else
    assert [g["id"] for g in document["groups"]] == sorted(bundled.group_ids, key=natural_key)


# --- links and privacy ---------------------------------------------------------------------


def test_every_link_is_relative_and_resolves_inside_the_site(site: Path) -> None:
    """So the site works from file:// and under a sub-path such as /REPO/."""
    checked = 0
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), (page, link)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file() and site.resolve() in target.parents, (page, link)
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parse(target).ids, (page, link)
            checked += 1
    assert checked > 500


def test_no_persons_email_appears_anywhere(site: Path, bundled: datasets.Dataset) -> None:
    people: list[Person] = []
    for event in bundled.events:
        people += event.speakers() + event.chairs() + event.programme_committee
    for group in bundled.groups:
        people += group.management
    emails = {p.email for p in people if p.email}
    assert len(emails) >= 3  # the bundled data does hold private addresses
    for name, content in files(site).items():
        for email in emails:
            assert email.encode() not in content, (name, email)


# --- reproducible and atomic -------------------------------------------------------------


def test_rendering_twice_gives_byte_identical_trees(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    render_site(BUNDLED, again)
    first, second = files(site), files(again)
    assert list(first) == list(second)
    for name in first:
        assert first[name] == second[name], name


def test_footer_names_the_datasets_commit(site: Path) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=BUNDLED, capture_output=True, text=True
    ).stdout.strip()
    if not commit:
        skip_or_fail("the bundled dataset is not in a git checkout")
    assert f"Dataset commit {commit}" in (site / "index.html").read_text()


def test_footer_says_when_the_dataset_is_not_under_git(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    render_site(data, tmp_path / "site")
    page = (tmp_path / "site" / "index.html").read_text()
    assert "Dataset not under git · rendered for Saturday 28 November 2026" in page


def test_a_failed_render_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    out = tmp_path / "site"
    render_site(data, out)
    before = files(out)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "group.html").write_text("{{ no_such_value }}")
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(data), "--templates", str(broken)
    )
    assert result.code == 2
    assert result.err == f"wsg: template {broken / 'group.html'}:1: 'no_such_value' is undefined\n"
    assert files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "data", "site"]


def test_progress_is_shown_on_a_terminal_and_what_was_made_everywhere(tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data = make_dataset(tmp_path, {})
    terminal, pipe = Terminal(), io.StringIO()
    today = date.fromisoformat(TODAY)
    assert command.site(tmp_path / "a", data, today, None, terminal) == 0
    assert command.site(tmp_path / "b", data, today, None, pipe) == 0
    # the bar after a moment (tests/test_terminal.py), then what was made; piped, that line
    # alone: a CI log says what was published
    assert re.search(r"wsg: rendered \d+ files in [\d.]+ s: \d+ pages, ", terminal.getvalue())
    assert SITE_RENDERED.fullmatch(pipe.getvalue())


def test_the_site_never_replaces_the_dataset_folder(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    result = run_wsg("render", "site", "--out", str(data), "--data", str(data))
    assert result.code == 2
    assert "would replace the dataset" in result.err
    assert (data / "groups" / "wsg.yaml").is_file()


# --- templates -------------------------------------------------------------------------------


def test_a_template_folder_overrides_a_default_by_name(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {})
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "index.html").write_text(
        '{% extends "base.html" %}'
        "{% block content %}<h1>Our own index, {{ today }}</h1>{% endblock %}"
    )
    render_site(data, tmp_path / "site", "--templates", str(mine))
    assert "<h1>Our own index, 2026-11-28</h1>" in (tmp_path / "site" / "index.html").read_text()
    assert "<h1>Themes</h1>" in (tmp_path / "site" / "themes.html").read_text()  # default kept


# --- injection -------------------------------------------------------------------------------

HOSTILE = """\
id: 2026-04-hostile
title: "<script>alert(1)</script> {{ 7*7 }}"
kind: workshop
status: held
start: 2026-04-01
end: 2026-04-01
timezone: Europe/Zurich
format: virtual
organizers: [sg16]
themes: [ai]
approval: {date: 2026-01-10, by: tsag}
announcement: {date: 2026-02-01, ref: "<b>Circular</b>"}
notes: "{% raw %}{{ 7*7 }}{% endraw %} <img src=x onerror=alert(2)>"
participation: {registered: 10, in_person: 0, remote: 10}
programme:
  - date: 2026-04-01
    sessions:
      - start: "10:00"
        end: "11:00"
        title: "<script>alert(1)</script> {{ 7*7 }}"
        speakers: [{name: "<script>alert(1)</script>", country: CH}]
outcomes:
  - type: report
    title: "<script>alert(1)</script>"
    url: "https://example.org/r"
    date: 2026-04-10
"""


def test_hostile_text_appears_as_text_on_every_page(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"data/events/2026/2026-04-hostile.yaml": HOSTILE})
    out = tmp_path / "site"
    render_site(data, out)
    pages = ["index.html", "years/2026.html", "themes.html", "groups/sg16.html",
             "events/2026-04-hostile.html", "summary/2026.html"]  # fmt: skip
    for page in sorted(out.rglob("*.html")):  # .ics and .json carry the title as data
        text = page.read_text()
        assert "<script>alert(1)" not in text and "<img src=x" not in text, page
        assert "&gt; 49" not in text, page  # never evaluated as a template
    for name in pages:
        text = (out / name).read_text()
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in text, name
    event = (out / "events" / "2026-04-hostile.html").read_text()
    assert "{% raw %}{{ 7*7 }}{% endraw %} &lt;img src=x onerror=alert(2)&gt;" in event
    assert "&lt;b&gt;Circular&lt;/b&gt;" in event


def test_hostile_text_stays_text_in_markdown(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    data = make_dataset(tmp_path, {"data/events/2026/2026-04-hostile.yaml": HOSTILE})
    result = run_wsg("render", "agenda", "2026-04-hostile", "--data", str(data))
    html = MarkdownIt("commonmark").render(result.out)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html


def test_only_http_links_are_ever_links(tmp_path: Path) -> None:
    """The validator drops javascript: URLs; the renderer refuses them again on its own."""
    from wsg.render import agenda, site
    from wsg.render.environment import Templates
    from wsg.render.page import Page

    data = make_dataset(tmp_path, {"data/events/2026/2026-04-hostile.yaml": HOSTILE})
    loaded = datasets.load(data, date.fromisoformat(TODAY))
    event = loaded.event("2026-04-hostile")
    assert event is not None and event.announcement is not None
    event.announcement.url = "javascript:alert(1)"
    event.programme[0].sessions[0].speakers[0].presentation = "JavaScript:alert(2)"
    event.outcomes[0].url = "data:text/html,<script>alert(3)</script>"
    out = tmp_path / "out"
    out.mkdir()
    site.build(loaded, Templates(), out, ("footer",))
    for name, content in files(out).items():
        text = content.decode().lower()
        assert 'href="javascript' not in text and 'href="data:' not in text, name
        assert "(<javascript" not in text, name
    view = agenda.build(event, agenda.Context(loaded.today))
    page = Templates().render("agenda.html", view=view, page=Page(title="t", footer=()))
    assert "javascript:" not in page.lower()
    markdown = Templates().render("agenda.md", view=view)
    assert "javascript" not in markdown.lower()


# --- readers: words, navigation, phones ---------------------------------------------------


def test_the_vocabulary_examples_hold() -> None:
    from wsg.render import words

    assert doctest.testmod(words).failed == 0
    assert words.say("virtual", "format") == "Online"
    assert words.say("other", "group_kind") == ""


class _Text(HTMLParser):
    """The text a reader sees: no tags, no script, no style."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.cells: list[str] = []
        self._skip = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("td", "th", "dd", "span"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("td", "th", "dd", "span") and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)
            if self._cell is not None:
                self._cell.append(data)


def visible(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


CODES = re.compile(
    r"\b(coordination-group|study-group|advisory-group|focus-group|in-person|"
    r"asia-pacific|arab-states|not-a-member-state)\b|Kind: other"
)


def test_no_internal_code_is_shown_on_any_page(site: Path) -> None:
    """Codes become words; a cell never holds a bare country code or a lowercase status."""
    countries = {p.country for e in datasets.load(BUNDLED, date.fromisoformat(TODAY)).events
                 for p in e.speakers() if p.country}  # fmt: skip
    statuses = {"proposed", "approved", "announced", "held", "postponed", "cancelled"}
    statuses |= {"virtual", "hybrid", "workshop", "seminar", "chairman", "vice-chairman", "high"}
    for page in sorted(site.rglob("*.html")):
        text = visible(page)
        found = CODES.search(" ".join(text.parts))
        assert found is None, (page, found)
        for cell in text.cells:
            assert cell not in countries and cell not in statuses, (page, cell)


def test_every_page_describes_itself_and_marks_where_the_reader_is(site: Path) -> None:
    expected = {
        "index.html": ('href="index.html" aria-current="page"', ""),
        "themes.html": ('href="themes.html" aria-current="page"', ""),
        "groups/index.html": ('href="../groups/index.html" aria-current="page"', ""),
        "summary/2026.html": ('href="../summary/2026.html" aria-current="page"', "Breadcrumb"),
        "summary/2025.html": ('href="../summary/2026.html" aria-current="true"', "Breadcrumb"),
        "events/2026-03-ai-watermarking.html": ('href="../index.html" aria-current="true"', "B"),
        "groups/sg17.html": ('href="../groups/index.html" aria-current="true"', "Breadcrumb"),
        "years/2026.html": ('href="../index.html" aria-current="true"', "Breadcrumb"),
    }  # fmt: skip
    for name, (current, crumbs) in expected.items():
        page = (site / name).read_text()
        assert re.search(r'<meta name="description" content="[^"]{40,}">', page), name
        assert '<link rel="icon" href="' in page and "favicon.svg" in page, name
        assert current in page.split('<nav class="site-nav"')[1].split("</nav>")[0], name
        assert page.count("aria-current") >= 1, name
        if crumbs:  # "B" for short
            assert '<nav class="crumbs" aria-label="Breadcrumb">' in page, name
    assert (site / "favicon.svg").read_text().startswith("<svg")


def test_year_switchers_are_labelled_and_mark_the_year_shown(site: Path) -> None:
    year = (site / "years" / "2026.html").read_text()
    assert '<nav class="years" aria-label="Events by year">' in year
    assert '<a href="2026.html" aria-current="page">2026</a>' in year
    report = (site / "summary" / "2025.html").read_text()
    assert '<nav class="years" aria-label="Yearly summaries">' in report
    assert '<a href="2025.html" aria-current="page">2025</a>' in report


def test_statuses_are_explained_once_and_look_different(site: Path) -> None:
    index = (site / "index.html").read_text()
    assert index.count('<section class="legend"') == 1
    legend = index.split('<section class="legend"')[1]
    for word in ("Proposed", "Approved", "Announced", "Held", "Postponed", "Cancelled"):
        assert f">{word}</span></dt>" in legend, word
    css = (site / "style.css").read_text()

    def rule(selector: str) -> str:
        return css.split(selector + " {", 1)[1].split("}", 1)[0].strip()

    assert rule(".badge.status-proposed") != rule(".badge.status-approved")
    assert "dashed" in rule(".badge.status-proposed")


def test_groups_are_sorted_as_people_count_and_closed_groups_apart(site: Path) -> None:
    page = (site / "groups" / "index.html").read_text()
    open_part, closed_part = page.split("<h2>Closed groups</h2>")
    order = re.findall(r'href="(\w+)\.html"', open_part.split("<main")[1])
    assert order == ["wsg", "tsag", "sg2", "sg3", "sg5", "sg11", "sg12", "sg13", "sg15",
                     "sg17", "sg20", "sg21"]  # fmt: skip
    assert re.findall(r'href="(\w+)\.html"', closed_part.split("</main>")[0]) == ["sg9", "sg16"]


def test_themes_list_events_newest_first_and_flag_neglected_priorities(site: Path) -> None:
    page = (site / "themes.html").read_text()
    quantum = page.split('<section id="theme-quantum"')[1].split("</section>")[0]
    assert '<span class="badge gap">No event in 12 months</span>' in quantum
    ai = page.split('<section id="theme-ai"')[1].split("</section>")[0]
    assert "No event in 12 months" not in ai
    starts = [date.fromisoformat(d) for d in re.findall(r'href="events/(\d{4}-\d\d)', ai)
              for d in [d + "-01"]]  # fmt: skip
    assert starts == sorted(starts, reverse=True) and len(starts) > 3


def test_no_table_scrolls_sideways_and_wide_ones_become_cards(site: Path) -> None:
    """axe's scrollable-region-focusable came from scroll boxes: there are none now."""
    for page in sorted(site.rglob("*.html")):
        text = page.read_text()
        assert "table-scroll" not in text, page
        for table in re.findall(r"<table[^>]*>.*?</table>", text, flags=re.S):
            assert table.startswith('<table class="cards'), page
            for cell in re.findall(r"<td[^>]*>", table):
                assert "data-label=" in cell or cell == "<td>", (page, cell)


def test_every_page_weighs_under_10_kb_gzipped(site: Path) -> None:
    """What a first visit downloads: the page and the stylesheet, compressed."""
    css = len(gzip.compress((site / "style.css").read_bytes(), 9))
    weights = {
        page.relative_to(site).as_posix(): len(gzip.compress(page.read_bytes(), 9)) + css
        for page in site.rglob("*.html")
    }
    heaviest = max(weights, key=weights.__getitem__)
    assert weights[heaviest] < 10 * 1024, (heaviest, weights[heaviest])


def test_a_group_of_kind_other_shows_no_kind(tmp_path: Path) -> None:
    group = "id: fg-x\nname: Focus on X\nkind: other\n"
    data = make_dataset(tmp_path, {"data/groups/fg-x.yaml": group})
    render_site(data, tmp_path / "site")
    page = (tmp_path / "site" / "groups" / "fg-x.html").read_text()
    assert "<dt>Kind</dt>" not in page and "other" not in " ".join(visible_text(page))
    listing = (tmp_path / "site" / "groups" / "index.html").read_text()
    assert "Focus on X</a>\n</li>" in listing


def visible_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts
