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

from tests.conftest import ROOT, make_dataset, run_wsg
from wsg import dataset as datasets
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
    assert md == html == calendar == schedule
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
        ("2025-11-metaverse-accessibility-riyadh", "Riyadh time (UTC+03:00)."),
        ("2027-05-qos-digital-inclusion-suva", "Suva time (UTC+12:00)."),
        ("2025-06-sids-climate-apia", "Apia time (UTC+13:00)."),
        ("2026-04-metaverse-accessibility-webinar", "Europe/Zurich, CEST (UTC+02:00)."),
    ],
)
def test_zones_without_a_letter_abbreviation_read_cleanly(event_id: str, note: str) -> None:
    """``Tashkent time (UTC+05:00)``, never ``Asia/Tashkent, (UTC+05:00)``; online: the zone id."""
    for output_format in ("md", "html"):
        text = render(ROOT / "data", output_format, event_id)
        assert f"Times are local to the event: {note}" in text
        assert ", (UTC" not in text and " , " not in text


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


def test_ics_has_one_vevent_per_session_and_one_for_the_event(data: Path) -> None:
    calendar = icalendar.Calendar.from_ical(render(data, "ics"))
    entries = calendar.walk("VEVENT")
    assert len(entries) == 8
    whole = entries[0]
    assert whole.decoded("dtstart") == date(2026, 10, 24)
    assert whole.decoded("dtend") == date(2026, 10, 27)  # exclusive
    assert whole["uid"] == f"{DST_ID}@wsg"
    sessions = entries[1:]
    assert all(e["dtstart"].params["TZID"] == "Europe/Zurich" for e in sessions)
    assert all(e["related-to"] == f"{DST_ID}@wsg" for e in sessions)
    assert len({e["uid"] for e in entries}) == 8


def test_ics_uids_and_dtstamp_come_from_the_data_not_the_clock(data: Path) -> None:
    first, second = render(data, "ics"), render(data, "ics")
    assert first == second
    calendar = icalendar.Calendar.from_ical(first)
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert f"{DST_ID}-20261024T1030-room-k-3@wsg" in uids
    stamps = {e.decoded("dtstamp") for e in calendar.walk("VEVENT")}
    assert stamps == {datetime(2026, 7, 1, tzinfo=UTC)}  # the announcement date


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
    track_a = first_day["Popov"][1]
    assert track_a["persons"][0] == {
        "name": "Li Wei",
        "guid": track_a["persons"][0]["guid"],
        "biography": "China",
    }
    assert track_a["description"] == "Chair: Kofi Mensah (NCA, Ghana)"


def test_every_bundled_event_gives_a_valid_schedule_json() -> None:
    validator = _validator()
    bundled = datasets.load(ROOT / "data", date(2026, 11, 28))
    assert len(bundled.events) >= 20
    for event in bundled.events:
        document = json.loads(schedule.dumps(schedule.schedule(agenda.build(event))))
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
        result.out == "Opening; Coffee; Track A; Track B; Sunday keynote; Monday panel; Closing; "
    )


def test_a_typo_in_a_template_fails_loudly(data: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "agenda.md").write_text("{{ view.titel }}\n")
    result = run_wsg("render", "agenda", DST_ID, "--templates", str(mine), "--data", str(data))
    assert result.code == 2
    assert "agenda.md" in result.err and "titel" in result.err


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
        assert f'<p class="notice">{CLOCK_CHANGES[zone]}</p>' in html
    else:
        assert "clocks change" not in md
