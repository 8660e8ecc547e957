"""`wsg render agenda`: md, html, ics and schedule.json of one event, and their agreement."""

# The rendered text uses the en dash (09:30–10:00) on purpose.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import jsonschema
import pytest
from markdown_it import MarkdownIt

from tests.conftest import ROOT, make_dataset, run_wsg, skip_or_fail
from wsg import dataset as datasets
from wsg.commands.render import MARKDOWN_MARK
from wsg.render import agenda, schedule

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "c3voc-schedule-schema.json").read_text())

# Three days across the end of summer time in Geneva (Sunday 25 October 2026, 03:00 CEST
# becomes 02:00 CET): day one is UTC+02:00, days two and three are UTC+01:00.
DST_EVENT = """\
id: 2026-10-dst-workshop
title: Workshop across the clock change
kind: workshop
status: announced
start: 2026-10-24
end: 2026-10-26
timezone: Europe/Zurich
format: hybrid
venue: {city: Geneva, country: CH, place: ITU headquarters}
organizers: [sg16, sg17]
themes: [ai]
approval: {date: 2026-05-02, by: tsag}
announcement: {date: 2026-07-01, ref: TSB Circular 1, url: "https://www.itu.int/c1"}
programme:
  - date: 2026-10-24
    sessions:
      - {start: "09:30", end: "10:00", title: Opening, room: Popov,
         speakers: [{name: Ana Lima, affiliation: Anatel, country: BR,
                     presentation: "https://example.org/lima.pdf"}]}
      - {start: "10:00", end: "10:30", title: Coffee, kind: break}
      - {start: "10:30", end: "12:00", title: Track A, room: Popov, kind: panel,
         chairs: [{name: Kofi Mensah, affiliation: NCA, country: GH}],
         speakers: [{name: Li Wei, country: CN}, {name: Sione Taufa, country: TO}]}
      - {start: "10:30", end: "12:00", title: Track B, room: Room K,
         speakers: [{name: Olga Ivanova, affiliation: RCC, country: RU}]}
  - date: 2026-10-25
    sessions:
      - {start: "09:30", end: "11:00", title: Sunday keynote, kind: keynote, room: Popov,
         speakers: [{name: Amina Diallo, affiliation: ARTP, country: SN}]}
  - date: 2026-10-26
    sessions:
      - {start: "09:30", end: "10:15", title: Monday panel, kind: panel, room: Popov}
      - {start: "17:00", end: "17:30", title: Closing, room: Popov}
"""
DST_ID = "2026-10-dst-workshop"
TODAY = "2026-09-01"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_dataset(tmp_path, {f"data/events/2026/{DST_ID}.yaml": DST_EVENT})


def render(data: Path, output_format: str, event_id: str = DST_ID) -> str:
    result = run_wsg(
        "render", "agenda", event_id, "--format", output_format,
        "--data", str(data), "--today", TODAY,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.err == ""
    return result.out


# --- each format to (title, start UTC, end UTC) -----------------------------------------

Instant = tuple[str, datetime, datetime]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip
_DAY = re.compile(r"^\w+ (\d{1,2}) (\w+) (\d{4})$")
# "09:30–10:00 CEST (UTC+02:00)" or "23:30 CEST (UTC+02:00) – 00:30 CET (UTC+01:00)"
_WHEN = re.compile(
    r"(\d\d):(\d\d)(?:–(\d\d):(\d\d))? (?:[A-Z]+ )?\(UTC([+-]\d\d):(\d\d)\)"
    r"(?: – (\d\d):(\d\d) (?:[A-Z]+ )?\(UTC([+-]\d\d):(\d\d)\))?"
)


def _day(heading: str) -> date:
    match = _DAY.match(heading.strip())
    assert match, heading
    return date(int(match[3]), _MONTHS.index(match[2]) + 1, int(match[1]))


def _instants(day: date, when: str) -> tuple[datetime, datetime]:
    match = _WHEN.search(when)
    assert match, when
    h1, m1, h2, m2, oh, om, h3, m3, oh2, om2 = match.groups()
    first = timedelta(hours=int(oh), minutes=int(om) * (1 if oh[0] == "+" else -1))
    start = datetime(day.year, day.month, day.day, int(h1), int(m1)) - first
    if h3 is not None:
        second = timedelta(hours=int(oh2), minutes=int(om2) * (1 if oh2[0] == "+" else -1))
        end = datetime(day.year, day.month, day.day, int(h3), int(m3)) - second
    else:
        end = datetime(day.year, day.month, day.day, int(h2), int(m2)) - first
    return start.replace(tzinfo=UTC), end.replace(tzinfo=UTC)


def md_instants(text: str) -> set[Instant]:
    found: set[Instant] = set()
    day: date | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            day = _day(line[3:])
        elif line.startswith(("### ", "#### ")) and "(UTC" in line and day is not None:
            title = line.split(" · ")[-1].removesuffix(" *(break)*")
            found.add((title, *_instants(day, line)))
    return found


class _AgendaParser(HTMLParser):
    """Reads day headings (h3 in a section.day), session titles (h4) and p.when texts."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.day: date | None = None
        self.title = ""
        self.text = ""
        self.found: set[Instant] = set()
        self.capture: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag in ("h3", "h4") or (tag == "p" and "when" in classes.split()):
            self.capture = "when" if tag == "p" else tag
            self.text = ""
        if tag == "span" and self.capture == "h4":
            self.capture = None  # the kind badge is not part of the title

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3" and self.capture == "h3":
            self.day = _day(self.text)
        elif tag == "h4":
            self.title = self.text.strip()
        elif tag == "p" and self.capture == "when" and self.day is not None:
            self.found.add((self.title, *_instants(self.day, self.text)))
        if tag in ("h3", "h4", "p"):
            self.capture = None

    def handle_data(self, data: str) -> None:
        if self.capture is not None:
            self.text += data


def html_instants(text: str) -> set[Instant]:
    parser = _AgendaParser()
    parser.feed(text)
    return parser.found


def ics_instants(data: bytes) -> set[Instant]:
    calendar = icalendar.Calendar.from_ical(data)
    found: set[Instant] = set()
    for entry in calendar.walk("VEVENT"):
        start = entry.decoded("dtstart")
        if isinstance(start, datetime):
            end = entry.decoded("dtend")
            found.add((str(entry["summary"]), start.astimezone(UTC), end.astimezone(UTC)))
    return found


def json_instants(document: dict) -> set[Instant]:
    found: set[Instant] = set()
    for day in document["schedule"]["conference"]["days"]:
        for sessions in day["rooms"].values():
            for session in sessions:
                start = datetime.fromisoformat(session["date"])
                hours, minutes = session["duration"].split(":")
                end = start + timedelta(hours=int(hours), minutes=int(minutes))
                found.add((session["title"], start.astimezone(UTC), end.astimezone(UTC)))
    return found


def test_all_four_formats_agree_on_every_sessions_utc_instant(data: Path) -> None:
    md = md_instants(render(data, "md"))
    html = html_instants(render(data, "html"))
    calendar = ics_instants(render(data, "ics").encode())
    schedule = json_instants(json.loads(render(data, "json")))

    assert len(md) == 7
    assert md == html == schedule
    assert calendar == {entry for entry in md if entry[0] != "Coffee"}  # breaks are not entries
    utc = {title: (start, end) for title, start, end in md}
    # before the change: CEST is UTC+02:00; after it, CET is UTC+01:00
    assert utc["Opening"][0] == datetime(2026, 10, 24, 7, 30, tzinfo=UTC)
    assert utc["Sunday keynote"][0] == datetime(2026, 10, 25, 8, 30, tzinfo=UTC)
    assert utc["Closing"][1] == datetime(2026, 10, 26, 16, 30, tzinfo=UTC)


# --- markdown and html ------------------------------------------------------------------


def test_markdown_shows_local_times_with_zone_and_offset_across_the_clock_change(
    data: Path,
) -> None:
    text = render(data, "md")
    assert "### 09:30–10:00 CEST (UTC+02:00) · Opening" in text
    assert "### 09:30–11:00 CET (UTC+01:00) · Sunday keynote" in text
    assert (
        "> On Sunday 25 October 2026 the clocks change from 03:00 CEST (UTC+02:00) to 02:00 CET "
        "(UTC+01:00): times before it are CEST (UTC+02:00), after it CET (UTC+01:00)."
    ) in text
    days = [line for line in text.splitlines() if line.startswith("## ")]
    assert days == ["## Saturday 24 October 2026", "## Sunday 25 October 2026",
                    "## Monday 26 October 2026"]  # fmt: skip


def test_the_zone_note_names_the_venue_city_and_each_offset_of_a_multi_day_event(
    data: Path,
) -> None:
    """Not one abbreviation for all three days: day one is CEST, days two and three CET."""
    expected = (
        "Times are local to the event: Geneva time, CEST (UTC+02:00) on 24 October 2026, "
        "then CET (UTC+01:00) on 25–26 October 2026."
    )
    assert expected in render(data, "md")
    assert expected in render(data, "html")


@pytest.mark.parametrize(
    ("event_id", "note"),
    [
        ("2026-03-ai-watermarking", "Geneva time, CET (UTC+01:00)."),
        ("2025-10-standardization-gap-tashkent", "Tashkent time (UTC+05:00)."),
        ("2026-01-iot-smart-cities-dhaka", "Dhaka time (UTC+06:00)."),
        ("2025-12-6g-brasilia", "Brasília time (UTC-03:00)."),
        ("2025-06-sids-climate-apia", "Apia time (UTC+13:00)."),
        # online, no venue: the city that names the zone, never "Europe/Zurich, CEST"
        ("2026-04-metaverse-accessibility-webinar", "Zurich time, CEST (UTC+02:00)."),
    ],
)
def test_zones_without_a_letter_abbreviation_read_cleanly(event_id: str, note: str) -> None:
    """``Tashkent time (UTC+05:00)``, never ``Asia/Tashkent, (UTC+05:00)``; online: its city."""
    for output_format in ("md", "html"):
        text = render(ROOT / "data", output_format, event_id)
        assert f"Times are local to the event: {note}" in text
        assert ", (UTC" not in text and " , " not in text


@pytest.mark.parametrize(
    ("zone", "note"),
    [
        ("Europe/Zurich", "Zurich time, CEST (UTC+02:00)."),
        ("America/Argentina/Buenos_Aires", "Buenos Aires time (UTC-03:00)."),
        ("Asia/Tashkent", "Tashkent time (UTC+05:00)."),
        ("UTC", "UTC."),
        ("Pacific/Fiji", "Fiji time (UTC+12:00)."),
    ],
)
def test_an_online_event_names_its_zone_by_the_zones_city(
    tmp_path: Path, zone: str, note: str
) -> None:
    """No venue, so no venue city: the zone id's city, never the raw id before a comma."""
    online = DST_EVENT.replace("timezone: Europe/Zurich", f"timezone: {zone}").replace(
        "format: hybrid\nvenue: {city: Geneva, country: CH, place: ITU headquarters}\n",
        "format: virtual\n",
    )
    data = make_dataset(tmp_path, {f"data/events/2026/{DST_ID}.yaml": online.replace(
        "end: 2026-10-26", "end: 2026-10-24")})  # fmt: skip
    for output_format in ("md", "html"):
        text = render(data, output_format)
        assert f"Times are local to the event: {note}" in text, text
        assert f"{zone}," not in text


def test_markdown_groups_parallel_rooms_and_lists_breaks_chairs_speakers_and_slides(
    data: Path,
) -> None:
    text = render(data, "md")
    assert "### 10:30–12:00 · 2 parallel sessions" in text
    assert "#### Popov · 10:30–12:00 CEST (UTC+02:00) · Track A" in text
    assert "#### Room K · 10:30–12:00 CEST (UTC+02:00) · Track B" in text
    assert "### 10:00–10:30 CEST (UTC+02:00) · Coffee *(break)*" in text
    assert "- Chair: **Kofi Mensah**, NCA, Ghana" in text
    assert "- Speaker: **Sione Taufa**, Tonga" in text
    assert (
        "- Speaker: **Ana Lima**, Anatel, Brazil · [slides](<https://example.org/lima.pdf>)" in text
    )


def test_markdown_renders_to_html_with_the_slides_as_a_link(data: Path) -> None:
    html = MarkdownIt("commonmark").render(render(data, "md"))
    assert '<a href="https://example.org/lima.pdf">slides</a>' in html
    assert "<h4>Popov · 10:30–12:00 CEST (UTC+02:00) · Track A</h4>" in html


CONTROLS = ("\x1b", "\x07", "\x9b", "\x7f", "\x00")


def test_control_characters_from_the_data_never_reach_a_markdown_agenda_or_summary(
    data: Path,
) -> None:
    """A title that would set a reader's terminal on fire (issue 12) is plain text in Markdown."""
    _edit(
        data,
        "title: Workshop across the clock change",
        'title: "Workshop\\e]0;owned\\a across\\e[2J the\\x9b31m clock\\x7f change\\0"',
    )
    _edit(data, "name: Ana Lima", 'name: "Ana\\e[8m Lima"')
    agenda_md = render(data, "md")
    summary = run_wsg("render", "summary", "--year", "2026", "--data", str(data), "--today", TODAY)
    assert summary.code == 0, summary.err
    for text in (agenda_md, summary.out):
        assert not any(c in text for c in CONTROLS), [c for c in CONTROLS if c in text]
    assert agenda_md.startswith("# Workshop\\]0;owned across\\[2J the31m clock change\n")
    assert "**Ana\\[8m Lima**" in agenda_md


def test_html_agenda_puts_parallel_sessions_side_by_side_with_rooms(data: Path) -> None:
    text = render(data, "html")
    slot = text[text.index('<li class="slot parallel">') :]
    slot = slot[: slot.index('<li class="slot', 1)]
    assert "2 parallel sessions, 10:30–12:00" in slot
    assert slot.index('<p class="room">Popov</p>') < slot.index('<p class="room">Room K</p>')
    assert '<li class="slot break">' in text
    assert '<a href="https://example.org/lima.pdf">slides</a>' in text
    assert '<p class="people-role">Chair</p>' in text
    assert "<strong>Kofi Mensah</strong>, NCA, Ghana" in text
    assert '<p class="people-role">Speakers</p>' in slot  # Li Wei and Sione Taufa


def test_html_offers_the_viewers_local_time_only_as_an_addition(data: Path) -> None:
    text = render(data, "html")
    assert text.count("<script>") == 1
    script = text[text.index("<script>") : text.index("</script>")]
    assert "textContent" in script and "innerHTML" not in script
    assert 'data-start="2026-10-24T07:30:00Z"' in text
    assert 'data-offset="120"' in text and 'data-offset="60"' in text
    # without the script every time is already there
    without = re.sub(r"<script>.*?</script>", "", text, flags=re.S)
    assert html_instants(without) == html_instants(text)


def test_html_agenda_is_one_self_contained_file(data: Path) -> None:
    text = render(data, "html")
    assert "<style>" in text and "<link" not in text
    assert not re.search(r'(?:src|href)="(?!https://|#)', text)


# --- ics ---------------------------------------------------------------------------------


def test_ics_has_one_vevent_per_session_but_breaks_and_one_for_the_event(data: Path) -> None:
    calendar = icalendar.Calendar.from_ical(render(data, "ics"))
    entries = calendar.walk("VEVENT")
    assert len(entries) == 7  # the event and six sessions: the coffee break is no entry
    assert "Coffee" not in [str(e["summary"]) for e in entries]
    whole = entries[0]
    assert whole.decoded("dtstart") == date(2026, 10, 24)
    assert whole.decoded("dtend") == date(2026, 10, 27)  # exclusive
    assert whole["uid"] == f"{DST_ID}@wsg.itu.int"
    sessions = entries[1:]
    assert all(e["dtstart"].params["TZID"] == "Europe/Zurich" for e in sessions)
    assert all(e["related-to"] == f"{DST_ID}@wsg.itu.int" for e in sessions)
    assert len({e["uid"] for e in entries}) == 7


def test_ics_uids_and_dtstamp_come_from_the_data_not_the_clock(data: Path) -> None:
    first, second = render(data, "ics"), render(data, "ics")
    assert first == second
    calendar = icalendar.Calendar.from_ical(first)
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert uids == [
        f"{DST_ID}@wsg.itu.int",
        f"{DST_ID}-20261024-opening@wsg.itu.int",
        f"{DST_ID}-20261024-track-a@wsg.itu.int",
        f"{DST_ID}-20261024-track-b@wsg.itu.int",
        f"{DST_ID}-20261025-sunday-keynote@wsg.itu.int",
        f"{DST_ID}-20261026-monday-panel@wsg.itu.int",
        f"{DST_ID}-20261026-closing@wsg.itu.int",
    ]
    stamps = {e.decoded("dtstamp") for e in calendar.walk("VEVENT")}
    assert stamps == {datetime(2026, 7, 1, tzinfo=UTC)}  # the announcement date
    assert {e.decoded("last-modified") for e in calendar.walk("VEVENT")} == stamps
    assert {e["sequence"] for e in calendar.walk("VEVENT")} == {2}  # approved, announced


def _uids(data: Path, event_id: str = DST_ID) -> dict[str, str]:
    calendar = icalendar.Calendar.from_ical(render(data, "ics", event_id))
    return {str(e["summary"]): str(e["uid"]) for e in calendar.walk("VEVENT")}


def _edit(data: Path, old: str, new: str, event_id: str = DST_ID) -> None:
    path = data / "events" / "2026" / f"{event_id}.yaml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _json_identities(data: Path) -> dict[str, tuple[str, str, str]]:
    """Each talk's (guid, slug, url) in schedule.json, by title."""
    document = json.loads(render(data, "json"))
    return {
        talk["title"]: (talk["guid"], talk["slug"], talk["url"])
        for day in document["schedule"]["conference"]["days"]
        for talks in day["rooms"].values()
        for talk in talks
    }


def test_a_sessions_uid_survives_inserting_removing_and_retiming_another(data: Path) -> None:
    """The same holds for its schedule.json guid, slug and url, and its anchor on the page."""
    before = _uids(data)
    identities = _json_identities(data)
    # a session inserted before the first, one removed, one re-timed and moved to another room
    _edit(
        data,
        "    sessions:\n",
        '    sessions:\n      - {start: "09:00", end: "09:30", title: Welcome}\n',
    )
    _edit(
        data,
        '      - {start: "10:30", end: "12:00", title: Track B, room: Room K,\n'
        "         speakers: [{name: Olga Ivanova, affiliation: RCC, country: RU}]}\n",
        "",
    )
    _edit(
        data,
        '{start: "09:30", end: "10:15", title: Monday panel, kind: panel, room: Popov}',
        '{start: "11:00", end: "11:45", title: Monday panel, kind: panel, room: Room K}',
    )
    after = _uids(data)
    assert set(after) == set(before) - {"Track B"} | {"Welcome"}
    for title in set(before) - {"Track B"}:
        assert after[title] == before[title], title
    assert after["Welcome"] == f"{DST_ID}-20261024-welcome@wsg.itu.int"
    moved = _json_identities(data)
    for title in set(identities) - {"Track B"}:
        assert moved[title] == identities[title], title
    assert moved["Monday panel"][1:] == (
        f"{DST_ID}-20261026-monday-panel",
        f"{DST_ID}.html#session-20261026-monday-panel",
    )


def test_repeated_titles_on_a_day_get_distinct_uids_numbered_in_order(data: Path) -> None:
    _edit(data, "title: Track B,", "title: Track A,")
    calendar = icalendar.Calendar.from_ical(render(data, "ics"))
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT") if str(e["summary"]) == "Track A"]
    assert uids == [
        f"{DST_ID}-20261024-track-a@wsg.itu.int",
        f"{DST_ID}-20261024-track-a-2@wsg.itu.int",
    ]
    html = render(data, "html")  # each is a target on the page
    assert 'id="session-20261024-track-a"' in html and 'id="session-20261024-track-a-2"' in html


def test_a_long_title_keeps_its_uid_short_and_distinct(data: Path) -> None:
    long_title = "A very long session title " * 6
    _edit(data, "title: Track A,", f"title: {long_title}1,")
    _edit(data, "title: Track B,", f"title: {long_title}2,")
    uids = [u for t, u in _uids(data).items() if t.startswith("A very long")]
    assert len(set(uids)) == 2
    assert all(len(u) < 110 for u in uids)


def test_a_session_id_keeps_its_uid_through_a_new_title_time_and_day(data: Path) -> None:
    _edit(
        data, "title: Track B, room: Room K,", "id: security-track, title: Track B, room: Room K,"
    )
    before = _uids(data)["Track B"]
    assert before == f"{DST_ID}-security-track@wsg.itu.int"
    assert _json_identities(data)["Track B"][2] == f"{DST_ID}.html#session-security-track"
    # moved to Monday, re-timed and renamed: the same session to every calendar
    _edit(
        data,
        '      - {start: "10:30", end: "12:00", id: security-track, title: Track B, '
        "room: Room K,\n"
        "         speakers: [{name: Olga Ivanova, affiliation: RCC, country: RU}]}\n",
        "",
    )
    _edit(
        data,
        '      - {start: "17:00", end: "17:30", title: Closing, room: Popov}',
        '      - {start: "14:00", end: "15:00", id: security-track, title: Security in depth}\n'
        '      - {start: "17:00", end: "17:30", title: Closing, room: Popov}',
    )
    assert _uids(data)["Security in depth"] == before
    assert 'id="session-security-track"' in render(data, "html")


PROPOSED = """\
id: 2027-09-proposed
title: A proposal
kind: workshop
status: proposed
start: 2027-09-14
end: 2027-09-15
timezone: Africa/Nairobi
format: in-person
venue: {city: Nairobi, country: KE}
organizers: [sg16]
themes: [ai]
programme:
  - date: 2027-09-14
    sessions: [{start: "09:00", end: "10:00", title: Opening}]
"""


def _stamps(data: Path, event_id: str, today: str) -> set[tuple[datetime, int, object]]:
    result = run_wsg(
        "render", "agenda", event_id, "--format", "ics", "--data", str(data), "--today", today
    )
    assert result.code == 0, result.err
    calendar = icalendar.Calendar.from_ical(result.out)
    return {
        (
            e.decoded("dtstamp"),
            int(e["sequence"]),
            e.get("last-modified") and e.decoded("last-modified"),
        )
        for e in calendar.walk("VEVENT")
    }


def test_dtstamp_is_never_after_today(tmp_path: Path) -> None:
    """A proposal dated by nothing but its future start is stamped today, not in 2027."""
    data = make_dataset(tmp_path, {"data/events/2027/2027-09-proposed.yaml": PROPOSED})
    assert _stamps(data, "2027-09-proposed", "2026-11-28") == {
        (datetime(2026, 11, 28, tzinfo=UTC), 0, None)
    }
    # once it is past, its start
    assert _stamps(data, "2027-09-proposed", "2028-01-10") == {
        (datetime(2027, 9, 14, tzinfo=UTC), 0, None)
    }


def test_a_proposal_is_stamped_with_its_date(tmp_path: Path) -> None:
    proposal = PROPOSED + "proposal: {date: 2026-06-02, by: sg16}\n"
    data = make_dataset(tmp_path, {"data/events/2027/2027-09-proposed.yaml": proposal})
    june = datetime(2026, 6, 2, tzinfo=UTC)
    assert _stamps(data, "2027-09-proposed", "2026-11-28") == {(june, 0, june)}


def test_sequence_and_last_modified_grow_with_each_dated_decision(tmp_path: Path) -> None:
    """Approved, announced, cancelled: each makes the entries a newer version of themselves."""
    path = "data/events/2027/2027-09-proposed.yaml"
    steps = [
        ("status: proposed", PROPOSED),
        ("status: approved", PROPOSED.replace("status: proposed", "status: approved")
         + "approval: {date: 2027-02-03, by: tsag}\n"),
        ("status: announced", PROPOSED.replace("status: proposed", "status: announced")
         + "approval: {date: 2027-02-03, by: tsag}\n"
         + "announcement: {date: 2027-06-01, ref: TSB Circular 9}\n"),
        ("status: cancelled", PROPOSED.replace("status: proposed", "status: cancelled")
         + "approval: {date: 2027-02-03, by: tsag}\n"
         + "announcement: {date: 2027-06-01, ref: TSB Circular 9}\n"
         + "cancellation: {date: 2027-07-20, reason: No host}\n"),
    ]  # fmt: skip
    seen = []
    for _, text in steps:
        data = make_dataset(tmp_path / str(len(seen)), {path: text})
        (stamp,) = _stamps(data, "2027-09-proposed", "2027-08-01")
        seen.append(stamp)
    assert [sequence for _, sequence, _ in seen] == [0, 1, 2, 3]
    assert [modified for _, _, modified in seen] == [
        None,
        datetime(2027, 2, 3, tzinfo=UTC),
        datetime(2027, 6, 1, tzinfo=UTC),
        datetime(2027, 7, 20, tzinfo=UTC),
    ]
    assert [stamp for stamp, _, _ in seen[1:]] == [m for _, _, m in seen[1:]]
    # a decision dated after today does not count yet
    data = make_dataset(tmp_path / "early", {path: steps[3][1]})
    assert _stamps(data, "2027-09-proposed", "2027-07-01") == {
        (datetime(2027, 6, 1, tzinfo=UTC), 2, datetime(2027, 6, 1, tzinfo=UTC))
    }


def test_ics_vtimezone_alone_gives_every_session_its_zoneinfo_offset(data: Path) -> None:
    """A calendar application that trusts only the VTIMEZONE shifts no time."""
    calendar = icalendar.Calendar.from_ical(render(data, "ics"))
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["tzid"] == "Europe/Zurich"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    from_vtimezone = zone.to_tz(lookup_tzid=False)
    for entry in calendar.walk("VEVENT")[1:]:
        start = entry.decoded("dtstart")
        naive = start.replace(tzinfo=None)
        assert naive.replace(tzinfo=from_vtimezone).utcoffset() == start.utcoffset()


# --- schedule.json ---------------------------------------------------------------------


def _validator() -> jsonschema.Draft6Validator:
    return jsonschema.Draft6Validator(
        SCHEMA, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )


def test_schedule_json_is_valid_against_the_c3voc_schema(data: Path) -> None:
    document = json.loads(render(data, "json"))
    assert sorted(e.message for e in _validator().iter_errors(document)) == []
    conference = document["schedule"]["conference"]
    assert conference["acronym"] == "2026_10_dst_workshop"
    assert conference["time_zone_name"] == "Europe/Zurich"
    assert conference["daysCount"] == 3
    assert [r["name"] for r in conference["rooms"]] == ["Popov", "Room K", "All rooms"]
    first_day = conference["days"][0]["rooms"]
    assert [e["title"] for e in first_day["Room K"]] == ["Track B"]
    assert first_day["All rooms"][0]["type"] == "break"


def test_schedule_json_persons_are_speakers_and_chairs_without_a_biography(data: Path) -> None:
    document = json.loads(render(data, "json"))
    track_a = document["schedule"]["conference"]["days"][0]["rooms"]["Popov"][1]
    assert [p["name"] for p in track_a["persons"]] == ["Li Wei", "Sione Taufa", "Kofi Mensah"]
    assert all(set(p) == {"name", "guid"} for p in track_a["persons"])  # no "biography"
    assert track_a["description"] == (
        "Chair: Kofi Mensah (NCA, Ghana)\nSpeakers: Li Wei (China); Sione Taufa (Tonga)"
    )


def test_schedule_json_links_each_talk_to_its_session_on_the_site(data: Path) -> None:
    """Relative to the site's events/ folder, where schedule.json sits beside the page."""
    document = json.loads(render(data, "json"))
    conference = document["schedule"]["conference"]
    track_b = conference["days"][0]["rooms"]["Room K"][0]
    assert track_b["url"] == f"{DST_ID}.html#session-20261024-track-b"
    assert conference["url"] == "https://www.itu.int/c1"  # the circular, for the event
    assert 'id="session-20261024-track-b"' in render(data, "html")
    result = run_wsg(
        "render", "agenda", DST_ID, "--format", "json", "--base-url", "https://wsg.example/site",
        "--data", str(data), "--today", TODAY,
    )  # fmt: skip
    assert result.code == 0, result.err
    conference = json.loads(result.out)["schedule"]["conference"]
    track_b = conference["days"][0]["rooms"]["Room K"][0]
    assert track_b["url"] == (
        f"https://wsg.example/site/events/{DST_ID}.html#session-20261024-track-b"
    )
    assert conference["url"] == f"https://wsg.example/site/events/{DST_ID}.html"


@pytest.mark.parametrize("base", ["ftp://example.org/", "example.org/wsg", "https://x.org/?a=1"])
def test_a_base_url_that_is_not_a_sites_address_is_refused(data: Path, base: str) -> None:
    result = run_wsg("render", "agenda", DST_ID, "--base-url", base, "--data", str(data))
    assert result.code == 2
    assert result.err.startswith(f"wsg: --base-url {base!r} is not the address of a site")


def test_schedule_json_version_changes_with_the_data_and_only_with_it(data: Path) -> None:
    def version(today: str = TODAY) -> str:
        result = run_wsg(
            "render", "agenda", DST_ID, "--format", "json", "--data", str(data), "--today", today
        )
        return str(json.loads(result.out)["schedule"]["version"])

    first = version()
    assert re.fullmatch(r"2026-07-01\.[0-9a-f]{10}", first)  # the announcement, and a digest
    assert version() == first and version("2026-10-01") == first  # not the clock
    _edit(
        data,
        '{start: "17:00", end: "17:30", title: Closing',
        '{start: "17:15", end: "17:45", title: Closing',
    )
    retimed = version()
    assert retimed != first
    _edit(data, "name: Li Wei,", "name: Wei Li,")
    assert version() not in (first, retimed)


def test_every_bundled_event_gives_a_valid_schedule_json() -> None:
    validator = _validator()
    bundled = datasets.load(ROOT / "data", date(2026, 11, 28))
    assert len(bundled.events) >= 20
    context = agenda.Context(bundled.today, bundled.event)
    for event in bundled.events:
        document = json.loads(schedule.dumps(schedule.schedule(agenda.build(event, context))))
        assert [e.message for e in validator.iter_errors(document)] == [], event.id


def test_schedule_guids_are_stable_uuid5(data: Path) -> None:
    first, second = render(data, "json"), render(data, "json")
    assert first == second
    guids = re.findall(r'"guid": "([0-9a-f-]{36})"', first)
    assert guids and all(g[14] == "5" for g in guids)


# --- the bundled event that spans a daylight-saving change -------------------------------


def test_bundled_forum_shows_cet_before_and_cest_after_the_change() -> None:
    text = render(ROOT / "data", "md", "2027-03-ai-accessibility-forum-geneva")
    assert "### 09:00–09:30 CET (UTC+01:00) · Challenge kick-off" in text
    assert "### 09:30–10:00 CEST (UTC+02:00) · Opening of the forum" in text
    assert "On Sunday 28 March 2027 the clocks change from 02:00 CET" in text


def test_templates_folder_overrides_the_agenda_template_by_name(data: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "agenda.md").write_text("{% for s in view.sessions %}{{ s.title }}; {% endfor %}\n")
    result = run_wsg("render", "agenda", DST_ID, "--templates", str(mine), "--data", str(data))
    assert result.code == 0
    assert (
        result.out
        == "Opening; Coffee; Track A; Track B; Sunday keynote; Monday panel; Closing; \n"
        + MARKDOWN_MARK  # wsg's own mark, under a user's template too
    )


def test_a_typo_in_a_template_fails_loudly(data: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "agenda.md").write_text("{{ view.titel }}\n")
    result = run_wsg("render", "agenda", DST_ID, "--templates", str(mine), "--data", str(data))
    assert result.code == 2
    assert "agenda.md" in result.err and "titel" in result.err


# --- cancelled and postponed events ------------------------------------------------------

RIYADH = "2025-11-metaverse-accessibility-riyadh"  # cancelled, no programme
SUVA = "2026-09-qos-digital-inclusion-suva"  # postponed, no programme


def test_markdown_agenda_of_a_cancelled_event_says_so_with_the_reason() -> None:
    text = render(ROOT / "data", "md", RIYADH)
    assert (
        "\n\n**Cancelled.** This event was cancelled on 12 September 2025: The host could not "
        "confirm the venue in time; the topic moves to a virtual webinar in 2026. It is replaced "
        "by ITU Webinar on Accessible Metaverse Experiences, 21 April 2026.\n\n"
    ) in text
    assert "\n\nThere is no programme: the event was cancelled.\n" in text
    assert "not been published" not in text and "Times are local" not in text


POSTPONED = DST_EVENT.replace("status: announced", "status: postponed").replace(
    "programme:\n",
    "postponement: {date: 2026-08-03, reason: The venue is under repair}\nprogramme:\n",
)
SUCCESSOR = """\
id: 2027-04-dst-workshop
title: Workshop across the clock change, again
kind: workshop
status: approved
start: 2027-04-13
end: 2027-04-14
timezone: Europe/Zurich
format: hybrid
venue: {city: Geneva, country: CH}
organizers: [sg16]
themes: [ai]
approval: {date: 2026-08-20, by: tsag}
"""


def test_html_agenda_of_a_postponed_event_says_so() -> None:
    text = render(ROOT / "data", "html", SUVA)
    assert '<p class="notice"><strong>Postponed.</strong> This event was postponed' in text
    assert "<p>There is no programme: the event has been postponed.</p>" in text


def test_a_postponement_without_new_dates_says_they_are_to_be_announced(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {f"data/events/2026/{DST_ID}.yaml": POSTPONED})
    sentence = (
        "This event was postponed on 3 August 2026: The venue is under repair. "
        "New dates are to be announced."
    )
    assert f"\n\n**Postponed.** {sentence}\n\n" in render(data, "md")
    assert f"<strong>Postponed.</strong> {sentence}</p>" in render(data, "html")
    assert "The programme below was planned before the event was postponed." in render(data, "md")
    calendar = icalendar.Calendar.from_ical(render(data, "ics"))
    assert {str(e["status"]) for e in calendar.walk("VEVENT")} == {"TENTATIVE"}
    assert sentence in str(calendar.walk("VEVENT")[0]["description"])
    document = json.loads(render(data, "json"))
    assert document["schedule"]["conference"]["description"] == sentence


def test_a_postponed_event_names_and_links_the_event_that_holds_its_new_dates(
    tmp_path: Path,
) -> None:
    data = make_dataset(
        tmp_path,
        {
            f"data/events/2026/{DST_ID}.yaml": POSTPONED.replace(
                "under repair}", "under repair, to: 2027-04-dst-workshop}"
            ),
            "data/events/2027/2027-04-dst-workshop.yaml": SUCCESSOR,
        },
    )
    told = (
        "This event was postponed on 3 August 2026: The venue is under repair. It will be held "
        "as {}, 13–14 April 2027."
    )
    title = "Workshop across the clock change, again"
    page = "https://wsg.example/events/2027-04-dst-workshop.html"
    assert told.format(title) in render(data, "md")  # no site address: named, not linked
    assert "There is no programme" not in render(data, "md")
    result = run_wsg(
        "render", "agenda", DST_ID, "--base-url", "https://wsg.example/", "--data", str(data),
        "--today", TODAY,
    )  # fmt: skip
    assert told.format(f"[{title}](<{page}>)") in result.out
    result = run_wsg(
        "render", "agenda", DST_ID, "-f", "html", "--base-url", "https://wsg.example/",
        "--data", str(data), "--today", TODAY,
    )  # fmt: skip
    assert told.format(f'<a href="{page}">{title}</a>') in result.out
    result = run_wsg(
        "render", "agenda", DST_ID, "-f", "ics", "--base-url", "https://wsg.example/",
        "--data", str(data), "--today", TODAY,
    )  # fmt: skip
    calendar = icalendar.Calendar.from_ical(result.out)
    # those dates will not be held: the successor's own entries take over
    assert {str(e["status"]) for e in calendar.walk("VEVENT")} == {"CANCELLED"}
    plain = (
        told.format(title).removesuffix(", 13–14 April 2027.") + f" (13–14 April 2027) <{page}>."
    )
    assert plain in str(calendar.walk("VEVENT")[0]["description"])
    assert {int(e["sequence"]) for e in calendar.walk("VEVENT")} == {3}  # + the postponement
    document = json.loads(render(data, "json"))
    assert document["schedule"]["conference"]["description"] == (
        told.format(title).removesuffix(", 13–14 April 2027.") + " (13–14 April 2027)."
    )


def test_a_cancelled_event_names_and_links_the_event_that_replaces_it(tmp_path: Path) -> None:
    cancelled = DST_EVENT.replace("status: announced", "status: cancelled").replace(
        "programme:\n",
        "cancellation: {date: 2026-08-03, reason: Merged, replaced_by: 2027-04-dst-workshop}\n"
        "programme:\n",
    )
    data = make_dataset(
        tmp_path,
        {
            f"data/events/2026/{DST_ID}.yaml": cancelled,
            "data/events/2027/2027-04-dst-workshop.yaml": SUCCESSOR,
        },
    )
    result = run_wsg(
        "render", "agenda", DST_ID, "--base-url", "https://wsg.example/", "--data", str(data),
        "--today", TODAY,
    )  # fmt: skip
    assert (
        "**Cancelled.** This event was cancelled on 3 August 2026: Merged. It is replaced by "
        "[Workshop across the clock change, again]"
        "(<https://wsg.example/events/2027-04-dst-workshop.html>), 13–14 April 2027.\n"
    ) in result.out
    site = tmp_path / "site"
    assert run_wsg("render", "site", "--out", str(site), "--data", str(data)).code == 0
    # the site's own schedule.json and calendar name it too
    document = json.loads((site / "events" / f"{DST_ID}.schedule.json").read_text())
    assert document["schedule"]["conference"]["description"].endswith(
        "It is replaced by Workshop across the clock change, again (13–14 April 2027)."
    )


def test_an_unknown_successor_is_named_by_its_id_and_never_linked(tmp_path: Path) -> None:
    data = make_dataset(
        tmp_path,
        {
            f"data/events/2026/{DST_ID}.yaml": POSTPONED.replace(
                "under repair}", "under repair, to: 2027-04-no-such-event}"
            )
        },
    )
    result = run_wsg(
        "render", "agenda", DST_ID, "-f", "html", "--base-url", "https://wsg.example/",
        "--data", str(data),
    )  # fmt: skip
    assert "It will be held as 2027-04-no-such-event.</p>" in result.out


@pytest.mark.parametrize("event_id", [RIYADH, SUVA, "2026-10-security-trust-muscat"])
@pytest.mark.parametrize("output_format", ["md", "html", "ics", "json"])
def test_no_format_says_the_programme_of_a_cancelled_or_postponed_event_is_still_to_come(
    event_id: str, output_format: str
) -> None:
    text = render(ROOT / "data", output_format, event_id)
    assert "not been published" not in text and "not published" not in text
    assert ", (UTC" not in text
    unfolded = text.replace("\r\n ", "")
    assert re.search(r"This event was (cancelled|postponed)", unfolded), output_format


def test_calendar_and_schedule_of_a_cancelled_event_carry_the_notice() -> None:
    calendar = icalendar.Calendar.from_ical(render(ROOT / "data", "ics", RIYADH))
    (entry,) = calendar.walk("VEVENT")
    assert entry["status"] == "CANCELLED"
    assert "This event was cancelled on 12 September 2025: The host" in str(entry["description"])
    document = json.loads(render(ROOT / "data", "json", RIYADH))
    assert document["schedule"]["conference"]["description"].startswith(
        "This event was cancelled on 12 September 2025: The host could not confirm"
    )


def test_the_planned_programme_of_a_cancelled_event_is_labelled_as_planned(data: Path) -> None:
    _edit(data, "status: announced", "status: cancelled")
    (data / "events" / "2026" / f"{DST_ID}.yaml").write_text(
        (data / "events" / "2026" / f"{DST_ID}.yaml").read_text()
        + "cancellation: {date: 2026-08-20, reason: Not enough registrations.}\n"
    )
    md = render(data, "md")
    assert (
        "**Cancelled.** This event was cancelled on 20 August 2026: Not enough registrations.\n"
        in md
    )
    assert "The programme below was planned before the event was cancelled." in md
    html = render(data, "html")
    assert "<p>The programme below was planned before the event was cancelled.</p>" in html
    calendar = icalendar.Calendar.from_ical(render(data, "ics"))
    sessions = calendar.walk("VEVENT")[1:]
    assert sessions and all(e["status"] == "CANCELLED" for e in sessions)
    assert all(
        "This event was cancelled on 20 August 2026" in str(e["description"]) for e in sessions
    )


def test_a_runtime_error_in_a_users_template_is_a_usage_error_naming_file_and_line(
    data: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "agenda.md").write_text("# {{ view.title }}\n\n{{ 1 // 0 }}\n")
    result = run_wsg("render", "agenda", DST_ID, "--templates", str(mine), "--data", str(data))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"wsg: template {mine / 'agenda.md'}:3: ZeroDivisionError: "
        "integer division or modulo by zero\n"
    )


def test_an_undefined_name_in_a_users_template_names_its_file_and_line(
    data: Path, tmp_path: Path
) -> None:
    """The commonest slip in a template, a misspelt name, points at the line to fix."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "agenda.md").write_text("# {{ view.title }}\n\n{{ veiw.title }}\n")
    result = run_wsg("render", "agenda", DST_ID, "--templates", str(mine), "--data", str(data))
    assert (result.code, result.out) == (2, "")
    assert result.err == f"wsg: template {mine / 'agenda.md'}:3: 'veiw' is undefined\n"


def test_a_users_template_that_misuses_a_filter_names_its_own_line(
    data: Path, tmp_path: Path
) -> None:
    """The error is raised in wsg's filter, but the line to fix is the user's."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "agenda.html").write_text(
        '{% extends "base.html" %}{% block content %}\n<h1>{{ view.title }}</h1>\n'
        "<p>{{ view.title | long_date }}</p>\n{% endblock %}\n"
    )
    result = run_wsg(
        "render", "agenda", DST_ID, "-f", "html", "--templates", str(mine), "--data", str(data)
    )
    assert result.code == 2
    assert result.err.startswith(f"wsg: template {mine / 'agenda.html'}:3: AttributeError: ")


def test_a_runtime_error_in_a_users_template_in_a_site_worker_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wsg.render import parallel

    monkeypatch.setattr(parallel, "MIN_FILES", 0)  # forked workers, as for a large site
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1})
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "group.html").write_text("ok\nok\n{{ 1 // 0 }}\n")
    out = tmp_path / "site"
    result = run_wsg(
        "render", "site", "--out", str(out), "--templates", str(mine), "--data", str(ROOT / "data")
    )
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"wsg: template {mine / 'group.html'}:3: ZeroDivisionError: "
        "integer division or modulo by zero\n"
    )
    assert not out.exists()


# --- errors and incomplete data -----------------------------------------------------------


def test_unknown_event_is_a_usage_error_with_a_suggestion(data: Path) -> None:
    result = run_wsg("render", "agenda", "2026-10-dst-worksop", "--data", str(data))
    assert result.code == 2
    assert result.err == (
        "wsg: no event is called '2026-10-dst-worksop' (did you mean '2026-10-dst-workshop'?)\n"
    )


def test_unknown_format_is_a_usage_error(data: Path) -> None:
    result = run_wsg("render", "agenda", DST_ID, "--format", "pdf", "--data", str(data))
    assert result.code == 2
    assert "choose one of md, html, ics, json" in result.err


def test_output_file_receives_the_same_bytes_as_stdout(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "agenda.ics"
    result = run_wsg(
        "render", "agenda", DST_ID, "--format", "ics", "-o", str(target),
        "--data", str(data), "--today", TODAY,
    )  # fmt: skip
    assert result.code == 0 and result.out == ""
    assert target.read_bytes() == render(data, "ics").encode()


INCOMPLETE = """\
id: 2026-05-incomplete
title: Incomplete
kind: workshop
status: announced
start: 2026-05-10
timezone: CET
format: hybrid
organizers: [sg16]
themes: [ai]
programme:
  - date: 2026-05-10
    sessions:
      - {start: "9:30", end: "10:00", title: Bad time}
      - {start: "11:00", end: "10:00", title: Ends before it starts, speakers: [{affiliation: X}]}
      - {title: No times at all}
  - sessions: [{start: "12:00", end: "13:00"}]
"""


@pytest.mark.parametrize("output_format", ["md", "html", "ics", "json"])
def test_an_invalid_event_still_renders_without_crashing(
    tmp_path: Path, output_format: str
) -> None:
    data = make_dataset(tmp_path, {"data/events/2026/2026-05-incomplete.yaml": INCOMPLETE})
    text = render(data, output_format, "2026-05-incomplete")
    assert "None" not in text
    if output_format == "json":
        assert [e.message for e in _validator().iter_errors(json.loads(text))] == []
    if output_format == "md":
        assert "time zone unknown (missing, or not an IANA zone name)" in text
        assert "### time to be confirmed · Bad time" in text
        assert "- Speaker: **(name missing)**, X" in text


# --- time zones on both sides of UTC (issue 17) -------------------------------------------


def zoned_event(event_id: str, zone: str, city: str, country: str, days: dict[str, str]) -> str:
    """An announced event in ``zone`` with one ``HH:MM-HH:MM`` session a day, titled by day."""
    first, last = min(days), max(days)
    programme = "".join(
        f'  - date: {day}\n    sessions:\n      - {{start: "{span[:5]}", end: "{span[6:]}", '
        f"title: Session of {day}}}\n"
        for day, span in sorted(days.items())
    )
    return (
        f"id: {event_id}\ntitle: Zone {zone}\nkind: workshop\nstatus: announced\n"
        f"start: {first}\nend: {last}\ntimezone: {zone}\nformat: in-person\n"
        f"venue: {{city: {city}, country: {country}}}\norganizers: [sg16]\nthemes: [ai]\n"
        "approval: {date: 2026-01-05, by: tsag}\n"
        "announcement: {date: 2026-02-01, ref: TSB Circular 2}\n"
        f"programme:\n{programme}"
    )


# (zone, city, country, {day: "HH:MM-HH:MM"}, the zone note, {day: (printed time, UTC start)})
ZONE_CASES = [
    (
        "America/Sao_Paulo", "São Paulo", "BR",
        {"2026-05-12": "09:00-10:00", "2026-05-13": "22:00-23:30"},
        "São Paulo time (UTC-03:00)",
        {"2026-05-12": ("09:00–10:00 (UTC-03:00)", "2026-05-12T12:00:00+00:00"),
         "2026-05-13": ("22:00–23:30 (UTC-03:00)", "2026-05-14T01:00:00+00:00")},
    ),
    (
        "America/Port_of_Spain", "Port of Spain", "TT",
        {"2026-11-17": "20:30-21:00"},
        "Port of Spain time, AST (UTC-04:00)",
        {"2026-11-17": ("20:30–21:00 AST (UTC-04:00)", "2026-11-18T00:30:00+00:00")},
    ),
    (
        "Pacific/Apia", "Apia", "WS",
        {"2026-06-10": "09:00-10:00"},
        "Apia time (UTC+13:00)",
        {"2026-06-10": ("09:00–10:00 (UTC+13:00)", "2026-06-09T20:00:00+00:00")},
    ),
    (
        "Pacific/Tongatapu", "Nuku'alofa", "TO",
        {"2026-08-04": "08:30-09:15"},
        "Nuku'alofa time (UTC+13:00)",
        {"2026-08-04": ("08:30–09:15 (UTC+13:00)", "2026-08-03T19:30:00+00:00")},
    ),
    (
        "Pacific/Kiritimati", "Kiritimati", "KI",
        {"2026-08-04": "10:00-11:00"},
        "Kiritimati time (UTC+14:00)",
        {"2026-08-04": ("10:00–11:00 (UTC+14:00)", "2026-08-03T20:00:00+00:00")},
    ),
    (
        "Asia/Kolkata", "New Delhi", "IN",
        {"2026-02-24": "09:00-10:00"},
        "New Delhi time, IST (UTC+05:30)",
        {"2026-02-24": ("09:00–10:00 IST (UTC+05:30)", "2026-02-24T03:30:00+00:00")},
    ),
    (
        # Chile leaves summer time at 24:00 on Saturday 4 April 2026: 00:00 (UTC-03:00)
        # becomes 23:00 (UTC-04:00) of the Saturday
        "America/Santiago", "Santiago", "CL",
        {"2026-04-04": "09:00-10:00", "2026-04-05": "09:00-10:00"},
        "Santiago time, UTC-03:00 on 4 April 2026, then UTC-04:00 on 5 April 2026",
        {"2026-04-04": ("09:00–10:00 (UTC-03:00)", "2026-04-04T12:00:00+00:00"),
         "2026-04-05": ("09:00–10:00 (UTC-04:00)", "2026-04-05T13:00:00+00:00")},
    ),
    (
        # Sydney leaves summer time at 03:00 AEDT on Sunday 5 April 2026
        "Australia/Sydney", "Sydney", "AU",
        {"2026-04-04": "09:00-10:00", "2026-04-05": "09:00-10:00"},
        "Sydney time, AEDT (UTC+11:00) on 4 April 2026, then AEST (UTC+10:00) on 5 April 2026",
        {"2026-04-04": ("09:00–10:00 AEDT (UTC+11:00)", "2026-04-03T22:00:00+00:00"),
         "2026-04-05": ("09:00–10:00 AEST (UTC+10:00)", "2026-04-04T23:00:00+00:00")},
    ),
]  # fmt: skip
CLOCK_CHANGES = {
    "America/Santiago": "On Sunday 5 April 2026 the clocks change from 00:00 (UTC-03:00) to "
    "23:00 (UTC-04:00) on Saturday 4 April 2026: times before it are UTC-03:00, after it "
    "UTC-04:00.",
    "Australia/Sydney": "On Sunday 5 April 2026 the clocks change from 03:00 AEDT (UTC+11:00) "
    "to 02:00 AEST (UTC+10:00): times before it are AEDT (UTC+11:00), after it AEST (UTC+10:00).",
}


@pytest.mark.parametrize(
    ("zone", "city", "country", "days", "note", "sessions"),
    ZONE_CASES,
    ids=[case[0] for case in ZONE_CASES],
)
def test_every_format_prints_the_offset_and_instant_of_zones_on_both_sides_of_utc(
    tmp_path: Path,
    zone: str,
    city: str,
    country: str,
    days: dict[str, str],
    note: str,
    sessions: dict[str, tuple[str, str]],
) -> None:
    event_id = "2026-01-zoned"
    data = make_dataset(
        tmp_path,
        {f"data/events/2026/{event_id}.yaml": zoned_event(event_id, zone, city, country, days)},
    )
    md, html = render(data, "md", event_id), unescape(render(data, "html", event_id))
    calendar, document = render(data, "ics", event_id), json.loads(render(data, "json", event_id))
    expected: set[Instant] = set()
    for day, (printed, utc_start) in sessions.items():
        start = datetime.fromisoformat(utc_start)
        hh, mm = (int(n) for n in days[day][:5].split(":"))
        eh, em = (int(n) for n in days[day][6:].split(":"))
        end = start + timedelta(hours=eh - hh, minutes=em - mm)
        expected.add((f"Session of {day}", start, end))
        assert f"### {printed} · Session of {day}" in md
        assert f'<p class="when" data-start="{start:%Y-%m-%dT%H:%M:%SZ}"' in html
        assert f">{printed}</p>" in html
        local = f"{day.replace('-', '')}T{days[day][:5].replace(':', '')}00"
        assert f"DTSTART;TZID={zone}:{local}" in calendar
    assert f"Times are local to the event: {note}." in md
    assert f"Times are local to the event: {note}." in html
    assert md_instants(md) == html_instants(html) == expected
    assert ics_instants(calendar.encode()) == json_instants(document) == expected
    for text in (md, html, calendar, json.dumps(document)):
        assert "UTC--" not in text and "UTC+-" not in text and ", (UTC" not in text
    conference = document["schedule"]["conference"]
    assert conference["time_zone_name"] == zone
    offsets = {s["date"][-6:] for d in conference["days"] for r in d["rooms"].values() for s in r}
    assert offsets == {p[p.index("(UTC") + 4 : -1] for p, _ in sessions.values()}
    assert [e.message for e in _validator().iter_errors(document)] == []
    if zone in CLOCK_CHANGES:
        assert f"> {CLOCK_CHANGES[zone]}" in md
        assert f'<p class="notice clock-change">{CLOCK_CHANGES[zone]}</p>' in html
    else:
        assert "clocks change" not in md


# --- the viewer's own time, in a real browser ----------------------------------------------

APIA = """\
id: 2026-06-apia-workshop
title: Workshop in Apia
kind: workshop
status: announced
start: 2026-06-10
end: 2026-06-10
timezone: Pacific/Apia
format: hybrid
venue: {city: Apia, country: WS}
organizers: [sg16]
themes: [ai]
approval: {date: 2026-01-05, by: tsag}
announcement: {date: 2026-02-01, ref: TSB Circular 3}
programme:
  - date: 2026-06-10
    sessions:
      - {start: "09:00", end: "10:00", title: Morning}
      - {start: "13:30", end: "15:00", title: Afternoon}
      - {start: "15:30", end: "16:30", title: Across midnight}
      - {start: "17:00", end: "18:00", title: Evening}
"""


def _viewer_times(tmp_path: Path, zone: str) -> dict[str, str]:
    """Each session's "(your time: …)" in headless Chromium with its time zone set to ``zone``."""
    from tests.test_browser import CHROMIUM, DevTools, evaluate, load

    if CHROMIUM is None:
        skip_or_fail("headless Chromium is not installed (Debian package 'chromium')")
    data = make_dataset(tmp_path, {"data/events/2026/2026-06-apia-workshop.yaml": APIA})
    page = tmp_path / "agenda.html"
    result = run_wsg(
        "render", "agenda", "2026-06-apia-workshop", "--format", "html", "-o", str(page),
        "--data", str(data), "--today", TODAY,
    )  # fmt: skip
    assert result.code == 0, result.err
    browser = DevTools(CHROMIUM, tmp_path / "profile")
    try:
        target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        browser.session = browser.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            browser.send(f"{domain}.enable")
        browser.send("Emulation.setTimezoneOverride", timezoneId=zone)
        browser.send("Emulation.setLocaleOverride", locale="en-US")
        assert load(browser, page.as_uri(), 1280, 900) == []
        found = evaluate(
            browser,
            """JSON.stringify(Array.from(document.querySelectorAll("article.session")).map(
                 a => [a.querySelector("h4").textContent,
                       (a.querySelector(".viewer-time") || {}).textContent || ""]))""",
        )
        note = evaluate(browser, "document.getElementById('viewer-zone').textContent")
    finally:
        browser.close()
    return {"note": note, **dict(json.loads(found))}


def test_the_viewers_own_time_names_the_viewers_date_when_it_is_not_the_events(
    tmp_path: Path,
) -> None:
    """A delegate in São Paulo (UTC-03:00) sees that Wednesday's Apia morning is their Tuesday."""
    seen = _viewer_times(tmp_path, "America/Sao_Paulo")
    assert seen["Morning"] == "(your time: Tue, Jun 9, 17:00–18:00 GMT-3)"
    assert seen["Afternoon"] == "(your time: Tue, Jun 9, 21:30–23:00 GMT-3)"
    assert seen["Across midnight"] == "(your time: Tue, Jun 9, 23:30 – Wed, Jun 10, 00:30 GMT-3)"
    assert seen["Evening"] == "(your time: 01:00–02:00 GMT-3)"  # Wednesday for both
    assert seen["note"] == (
        "Your own time (America/Sao_Paulo) is shown in brackets, "
        "with your date when it is not the event's."
    )


def test_a_viewer_in_the_events_own_offset_gets_nothing_added(tmp_path: Path) -> None:
    seen = _viewer_times(tmp_path, "Pacific/Apia")
    assert seen == {
        "note": "",
        "Morning": "",
        "Afternoon": "",
        "Across midnight": "",
        "Evening": "",
    }


def test_agendas_and_calendars_speak_the_sites_vocabulary(data: Path) -> None:
    """The Markdown agenda and the calendar say "Workshop · Announced", never the codes."""
    _edit(data, "title: Monday panel, kind: panel", "title: Monday panel, kind: other")
    text = render(data, "md")
    assert "\nWorkshop · Announced · " in text
    assert "- Kind: Panel" in text and "- Kind: Keynote" in text
    assert "Kind: other" not in text and "- Kind: \n" not in text
    calendar = icalendar.Calendar.from_ical(render(data, "ics"))
    whole = next(c for c in calendar.walk("VEVENT") if "T" not in c["DTSTART"].to_ical().decode())
    assert str(whole["DESCRIPTION"]).startswith("Workshop, 24–26 October 2026\nStatus: Announced")
    # groups as the site names them (acronym, else name), never their ids
    assert "\nOrganized by: Multimedia and related digital technologies, Security\n" in str(
        whole["DESCRIPTION"]
    )


def test_the_sites_calendar_names_the_organizers_as_its_pages_do(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {f"data/events/2026/{DST_ID}.yaml": DST_EVENT})
    sg17 = data / "groups" / "sg17.yaml"
    sg17.write_text(sg17.read_text() + "acronym: SG17\n")
    out = tmp_path / "site"
    result = run_wsg("render", "site", "--out", str(out), "--data", str(data), "--today", TODAY)
    assert result.code == 0, result.err
    for calendar in (out / "calendar.ics", out / "events" / f"{DST_ID}.ics"):
        parsed = icalendar.Calendar.from_ical(calendar.read_bytes())
        (whole,) = [e for e in parsed.walk("VEVENT") if str(e["uid"]) == f"{DST_ID}@wsg.itu.int"]
        description = str(whole["DESCRIPTION"])
        assert "Organized by: Multimedia and related digital technologies, SG17" in description
        assert "sg16" not in description and "sg17" not in description
