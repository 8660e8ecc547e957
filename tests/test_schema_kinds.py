"""The Schema rules at work: a YAML value in, (rule, line, column, message) out.

The Schema rules (``wsg rules``: bad-date, bad-id, wrong-type, bad-number …) are
declared in wsg/rules/schema.py and checked by the value kinds of wsg/kinds.py
while a file is converted. Each row here changes one key of a small valid event
(or group) and lists every finding of the whole run with the message the
secretariat reads, so a row also proves that nothing else is in the way: the
limits (23:59 and 24:00, an id of 80 and of 81 characters, 0 and -1, a number of
20 and of 21 characters), the neighbours of a value (a boolean where a number
goes, a lowercase code), and every hint a message gives. Then the values the
model receives (0x1F is 31), the "did you mean" search every command shares,
and the kinds as JSON Schema (``wsg schema``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES_TODAY, findings_for, make_dataset
from wsg import dataset
from wsg.kinds import (
    Context,
    Count,
    Field,
    ListOf,
    Record,
    Slug,
    Text,
    closest,
    country_hint,
    did_you_mean,
    edit_distance,
)
from wsg.model import Event
from wsg.schema import EVENT, GROUP
from wsg.yamltree import parse

EVENT_PATH = "data/events/2026/demo.yaml"

# A proposed virtual event, valid as it is: a row replaces a key's value or adds keys
# after line 10.
BASE = {
    "id": "demo",
    "title": "Workshop on AI",
    "kind": "workshop",
    "status": "proposed",
    "start": "2026-09-10",
    "end": "2026-09-11",
    "timezone": "Europe/Zurich",
    "format": "virtual",
    "organizers": "[sg16]",
    "themes": "[ai]",
}
IN_NAIROBI = {"format": "in-person", "venue": "{city: Nairobi, country: KE}"}
IN_GENEVA = {"format": "in-person", "venue": "{city: Geneva, country: CH}"}


def event(changes: dict[str, str | None]) -> str:
    """BASE with ``changes``: a value replaces the key's, None drops the key, new keys follow."""
    merged: dict[str, str | None] = {**BASE, **changes}
    lines = []
    for key, value in merged.items():
        if value is not None:
            lines.append(f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}")
    return "\n".join(lines) + "\n"


def found(tmp_path: Path, changes: dict[str, str | None]) -> list[tuple[str, int, int, str]]:
    findings = findings_for(tmp_path, {EVENT_PATH: event(changes)})
    return [(f.rule, f.line, f.column, f.message) for f in findings]


def loaded(tmp_path: Path, changes: dict[str, str | None]) -> Event:
    data = make_dataset(tmp_path, {EVENT_PATH: event(changes)})
    return next(e for e in dataset.load(data, EXAMPLES_TODAY).events if e.id == "demo")


NOT_A_SLUG = "is not a slug: lowercase letters, digits and single hyphens, at most 80 characters"
NOT_A_TIME = 'is not a time; write "HH:MM" (24 h)'
ABBREVIATION = "is an abbreviation or a UTC offset, not an IANA time zone name"
NOT_A_ZONE = "is not an IANA time zone name such as Europe/Zurich"
NOT_A_COUNTRY = "is not an ISO 3166-1 alpha-2 country code"
NOT_A_URL = "is not an absolute https:// URL (https://www.itu.int/…)"
QUOTE = "; quote it if it is meant as text"
NEGATIVE = "is negative; a count or amount is 0 or more"
INFINITE = "is infinite or too large for an amount"
KINDS = "allowed: workshop, seminar, forum, symposium, webinar"


def sessions(*pairs: tuple[str, str]) -> str:
    """A programme of one day (line 11), one session a line from line 14 on."""
    rows = "".join(
        f'\n      - {{start: "{start}", end: "{end}", title: S{n}}}'
        if not end.startswith("[")
        else f'\n      - {{start: "{start}", end: {end}, title: S{n}}}'
        for n, (start, end) in enumerate(pairs)
    )
    return f"\n  - date: 2026-09-10\n    sessions:{rows}"


EVENT_ROWS: list[tuple[str, dict[str, str | None], list[tuple[str, int, int, str]]]] = [
    ("valid", {}, []),
    # ids (Slug)
    ("id-not-a-slug", {"id": "Demo_Event"}, [
        ("bad-id", 1, 5, f"id 'Demo_Event' {NOT_A_SLUG} (did you mean 'demo-event'?)"),
    ]),
    ("id-of-81-characters", {"id": "a" * 81}, [
        ("bad-id", 1, 5, f"id '{'a' * 81}' {NOT_A_SLUG} (did you mean '{'a' * 80}'?)"),
    ]),
    ("id-of-80-characters-is-a-slug", {"id": "a" * 80}, [
        ("id-mismatch", 1, 5, f"id '{'a' * 80}' differs from the file name; "
         f"rename the file to {'a' * 80}.yaml or set id: demo"),
    ]),
    ("id-with-nothing-to-suggest", {"id": "'-'"}, [("bad-id", 1, 5, f"id '-' {NOT_A_SLUG}")]),
    ("id-double-hyphen", {"id": "demo--day"}, [
        ("bad-id", 1, 5, f"id 'demo--day' {NOT_A_SLUG} (did you mean 'demo-day'?)"),
    ]),
    ("id-with-underscore", {"id": "demo_day"}, [
        ("bad-id", 1, 5, f"id 'demo_day' {NOT_A_SLUG} (did you mean 'demo-day'?)"),
    ]),
    ("organizer-is-null", {"organizers": "[~, sg16]"}, [
        ("wrong-type", 9, 14, f"expected an id (a lowercase slug), found nothing{QUOTE}"),
    ]),
    ("organizer-not-a-slug", {"organizers": "[Bad_Id]"}, [
        ("bad-id", 9, 14, f"id 'Bad_Id' {NOT_A_SLUG} (did you mean 'bad-id'?)"),
    ]),
    # wrong types, as describe() names them
    ("text-is-a-number", {"title": "12"}, [
        ("wrong-type", 2, 8, f"expected text, found the integer '12'{QUOTE}"),
    ]),
    ("text-is-a-float", {"title": "1.5"}, [
        ("wrong-type", 2, 8, f"expected text, found the number '1.5'{QUOTE}"),
    ]),
    ("text-is-a-boolean", {"kind": "true"}, [
        ("wrong-type", 3, 7, f"expected text, found the boolean 'true'{QUOTE}"),
    ]),
    ("text-is-a-mapping", {"title": "{a: 1}"}, [
        ("wrong-type", 2, 8, "expected text, found a mapping"),
    ]),
    ("text-is-a-list", {"title": "[a]"}, [("wrong-type", 2, 8, "expected text, found a list")]),
    ("quoted-number-is-text", {"title": "'12'"}, []),
    ("quoted-null-is-text", {"title": "'null'"}, []),
    ("text-starting-like-a-number", {"title": "1st workshop on AI"}, []),
    # Enum
    ("enum-typo", {"kind": "worksop"}, [
        ("bad-value", 3, 7, f"'worksop' is not allowed (did you mean 'workshop'?); {KINDS}"),
    ]),
    ("enum-far-off", {"kind": "'12'"}, [("bad-value", 3, 7, f"'12' is not allowed; {KINDS}")]),
    ("required-null", {"kind": "null"}, [
        ("missing-field", 3, 1, "'kind' is required and has no value"),
    ]),
    ("required-tilde", {"kind": "~"}, [
        ("missing-field", 3, 1, "'kind' is required and has no value"),
    ]),
    ("optional-null", {"notes": "null"}, []),
    # Date
    ("not-a-real-date", {"start": "2026-02-30"}, [
        ("bad-date", 5, 8, "'2026-02-30' is not a real date: day is out of range for month"),
    ]),
    ("date-without-zeros", {"start": "2026-9-10"}, [
        ("bad-date", 5, 8, "'2026-9-10' is not a date; write YYYY-MM-DD, e.g. 2026-03-10"),
    ]),
    ("date-is-a-list", {"start": "[2026]"}, [
        ("wrong-type", 5, 8, "expected a date (YYYY-MM-DD), found a list"),
    ]),
    # Time: the last minute of the day, the first that is none, and the hints
    ("times", {"programme": sessions(
        ("23:59", "24:00"),
        ("00:60", "9:30"),
        ("9.30", "9h30"),
        ("24.00", "12:5"),
        ("23:60", "[1]"),
        ("00:00", "7:5"),
    )}, [
        ("bad-time", 14, 31, f"'24:00' {NOT_A_TIME}; hours run from 00 to 23"),
        ("bad-time", 15, 17, f"'00:60' {NOT_A_TIME}"),
        ("bad-time", 15, 31, f'\'9:30\' {NOT_A_TIME} (did you mean "09:30"?)'),
        ("bad-time", 16, 17, f'\'9.30\' {NOT_A_TIME} (did you mean "09:30"?)'),
        ("bad-time", 16, 30, f'\'9h30\' {NOT_A_TIME} (did you mean "09:30"?)'),
        ("bad-time", 17, 17, f"'24.00' {NOT_A_TIME}"),
        ("bad-time", 17, 31, f"'12:5' {NOT_A_TIME}"),
        ("bad-time", 18, 17, f"'23:60' {NOT_A_TIME}"),
        ("wrong-type", 18, 31, 'expected a time ("HH:MM", 24 h), found a list'),
        ("bad-time", 19, 31, f"'7:5' {NOT_A_TIME}"),
    ]),
    ("loose-times-at-their-limits", {"programme": sessions(("23.59", "9.59"))}, [
        ("bad-time", 14, 17, f'\'23.59\' {NOT_A_TIME} (did you mean "23:59"?)'),
        ("bad-time", 14, 31, f'\'9.59\' {NOT_A_TIME} (did you mean "09:59"?)'),
    ]),
    ("loose-times-past-their-limits", {"programme": sessions(("9.60", "9.75"))}, [
        ("bad-time", 14, 17, f"'9.60' {NOT_A_TIME}"),
        ("bad-time", 14, 30, f"'9.75' {NOT_A_TIME}"),
    ]),
    ("hours-past-23", {"programme": sessions(("09:00", "25:61"), ("25:00", "99:00"))}, [
        ("bad-time", 14, 31, f"'25:61' {NOT_A_TIME}; hours run from 00 to 23"),
        ("bad-time", 15, 17, f"'25:00' {NOT_A_TIME}; hours run from 00 to 23"),
        ("bad-time", 15, 31, f"'99:00' {NOT_A_TIME}; hours run from 00 to 23"),
    ]),
    # Timezone: abbreviations, offsets, known mistakes, the venue's country, typos
    ("zone-abbreviation", {"timezone": "CET"}, [
        ("bad-timezone", 7, 11, f"'CET' {ABBREVIATION}; write the zone of the venue's city, "
         "e.g. Europe/Zurich for Geneva"),
    ]),
    ("zone-offset-in-nairobi", {"timezone": "GMT+3", **IN_NAIROBI}, [
        ("bad-timezone", 7, 11, f"'GMT+3' {ABBREVIATION}; the zone of KE is 'Africa/Nairobi'"),
    ]),
    ("zone-offset-with-minutes", {"timezone": "UTC +03:00"}, [
        ("bad-timezone", 7, 11, f"'UTC +03:00' {ABBREVIATION}; write the zone of the venue's "
         "city, e.g. Europe/Zurich for Geneva"),
    ]),
    ("zone-abbreviation-venue-without-country", {
        "timezone": "EAT", "format": "in-person", "venue": "{city: Nairobi, country: [KE]}",
    }, [
        ("bad-timezone", 7, 11, f"'EAT' {ABBREVIATION}; write the zone of the venue's city, "
         "e.g. Europe/Zurich for Geneva"),
        ("wrong-type", 11, 33, "expected an ISO 3166-1 alpha-2 country code, found a list"),
    ]),
    ("zone-abbreviation-venue-is-text", {
        "timezone": "CET", "format": "in-person", "venue": "Geneva",
    }, [
        ("bad-timezone", 7, 11, f"'CET' {ABBREVIATION}; write the zone of the venue's city, "
         "e.g. Europe/Zurich for Geneva"),
        ("wrong-type", 11, 8, "expected a mapping (a venue), found the text 'Geneva'"),
    ]),
    ("zone-known-mistake", {"timezone": "Europe/Geneva", **IN_GENEVA}, [
        ("bad-timezone", 7, 11, f"'Europe/Geneva' {NOT_A_ZONE} (did you mean 'Europe/Zurich'?)"),
    ]),
    ("zone-typo", {"timezone": "Europe/Zurch"}, [
        ("bad-timezone", 7, 11, f"'Europe/Zurch' {NOT_A_ZONE} (did you mean 'Europe/Zurich'?)"),
    ]),
    ("zone-typo-in-nairobi", {"timezone": "Africa/Nairob", **IN_NAIROBI}, [
        ("bad-timezone", 7, 11,
         f"'Africa/Nairob' {NOT_A_ZONE}; the zone of KE is 'Africa/Nairobi'"),
    ]),
    ("zone-etc-is-left-out", {"timezone": "Etc/GMT+3"}, [
        ("bad-timezone", 7, 11, f"'Etc/GMT+3' {NOT_A_ZONE}"),
    ]),
    ("zone-utc", {"timezone": "UTC"}, []),
    ("zone-is-a-number", {"timezone": "12"}, [
        ("wrong-type", 7, 11, f"expected an IANA time zone name, found the integer '12'{QUOTE}"),
    ]),
    # Country
    ("country-is-a-boolean", {"format": "in-person", "venue": "{city: Geneva, country: true}"}, [
        ("wrong-type", 11, 32,
         "expected an ISO 3166-1 alpha-2 country code, found the boolean 'true'"),
    ]),
    ("country-lowercase", {"format": "in-person", "venue": "{city: Geneva, country: ch}"}, [
        ("bad-country", 11, 32, f"'ch' {NOT_A_COUNTRY} (did you mean 'CH'? codes are upper case)"),
    ]),
    ("country-null", {"format": "in-person", "venue": "{city: Geneva, country: null}"}, [
        ("missing-field", 11, 23, "'country' is required and has no value"),
    ]),
    ("country-missing", {"format": "in-person", "venue": "{city: Geneva}"}, [
        ("missing-field", 11, 1, "a venue needs 'country': ISO 3166-1 alpha-2 code"),
    ]),
    ("venue-missing", {"format": "in-person"}, [
        ("missing-field", 1, 1,
         "an event needs 'venue': where it takes place (required unless virtual)"),
    ]),
    ("venue-is-text", {"format": "in-person", "venue": "Geneva"}, [
        ("wrong-type", 11, 8, "expected a mapping (a venue), found the text 'Geneva'"),
    ]),
    ("speaker-country-is-a-mapping", {"programme": "\n  - date: 2026-09-10\n    sessions:"
     "\n      - start: '09:00'\n        end: '10:00'\n        title: Talk"
     "\n        speakers: [{name: A, country: {KE: 1}}]"}, [
        ("wrong-type", 17, 39, "expected an ISO 3166-1 alpha-2 country code, found a mapping"),
    ]),
    ("countries-of-a-proposal", {
        "proposal": "{date: 2026-01-10, by: sg16, countries: [KE, ~, true, ke, {a: 1}]}",
    }, [
        ("wrong-type", 11, 56, "expected an ISO 3166-1 alpha-2 country code, found nothing"),
        ("wrong-type", 11, 59,
         "expected an ISO 3166-1 alpha-2 country code, found the boolean 'true'"),
        ("bad-country", 11, 65, f"'ke' {NOT_A_COUNTRY} (did you mean 'KE'? codes are upper case)"),
        ("wrong-type", 11, 69, "expected an ISO 3166-1 alpha-2 country code, found a mapping"),
    ]),
    # Language
    ("languages", {"languages": "[EN, eng, xx, fr, 12]"}, [
        ("bad-language", 11, 13, "'EN' is not an ISO 639-1 language code (did you mean 'en'?)"),
        ("bad-language", 11, 17, "'eng' is not an ISO 639-1 language code (did you mean 'en'?)"),
        ("bad-language", 11, 22, "'xx' is not an ISO 639-1 language code (did you mean 'xh'?)"),
        ("wrong-type", 11, 30,
         f"expected an ISO 639-1 language code, found the integer '12'{QUOTE}"),
    ]),
    # Url
    ("url-http", {"registration": "http://www.itu.int/go/demo"}, [
        ("insecure-url", 11, 15, "'http://www.itu.int/go/demo' uses http://; "
         "use https://www.itu.int/go/demo"),
    ]),
    ("url-without-scheme", {"registration": "www.itu.int/go/demo"}, [
        ("bad-url", 11, 15, f"'www.itu.int/go/demo' {NOT_A_URL}"),
    ]),
    ("url-without-host", {"registration": "https://"}, [
        ("bad-url", 11, 15, f"'https://' {NOT_A_URL}"),
    ]),
    ("url-with-a-space", {"registration": "https://www.itu.int/go/a b"}, [
        ("bad-url", 11, 15, f"'https://www.itu.int/go/a b' {NOT_A_URL}"),
    ]),
    ("url-with-a-control-character", {"registration": '"https://www.itu.int/go/a\\u0001b"'}, [
        ("bad-url", 11, 15, f"'https://www.itu.int/go/a\\x01b' {NOT_A_URL}"),
    ]),
    ("url-python-cannot-split", {"registration": "https://[::1"}, [
        ("bad-url", 11, 15, f"'https://[::1' {NOT_A_URL}"),
    ]),
    ("url-ftp", {"registration": "ftp://www.itu.int/x"}, [
        ("bad-url", 11, 15, f"'ftp://www.itu.int/x' {NOT_A_URL}"),
    ]),
    ("url-https", {"registration": "https://www.itu.int/go/demo"}, []),
    # Email, Currency
    ("email-without-a-dot", {"contact": "{name: A, email: someone@itu}"}, [
        ("bad-value", 11, 27, "'someone@itu' is not an email address (name@example.org)"),
    ]),
    ("email-with-a-space", {"contact": "{name: A, email: 'a b@itu.int'}"}, [
        ("bad-value", 11, 27, "'a b@itu.int' is not an email address (name@example.org)"),
    ]),
    ("email-is-a-number", {"contact": "{name: A, email: 12}"}, [
        ("wrong-type", 11, 27, f"expected an email address, found the integer '12'{QUOTE}"),
    ]),
    ("email", {"contact": "{name: A, email: a@itu.int}"}, []),
    ("currency-lowercase", {"budget": "{currency: chf, allocated: 10}"}, [
        ("bad-value", 11, 20, "'chf' is not an ISO 4217 currency code (e.g. CHF, USD)"),
    ]),
    ("currency-of-four-letters", {"budget": "{currency: CHFX}"}, [
        ("bad-value", 11, 20, "'CHFX' is not an ISO 4217 currency code (e.g. CHF, USD)"),
    ]),
    ("currency-is-a-number", {"budget": "{currency: 12}"}, [
        ("wrong-type", 11, 20,
         f"expected an ISO 4217 currency code, found the integer '12'{QUOTE}"),
    ]),
    # Count: whole numbers and amounts, 0 and -1, infinite, and the long number cut short
    ("amount-is-text", {"fee": "abc"}, [
        ("wrong-type", 11, 6, "expected a number, found the text 'abc'"),
    ]),
    ("amount-is-a-boolean", {"fee": "true"}, [
        ("wrong-type", 11, 6, "expected a number, found the boolean 'true'"),
    ]),
    ("amount-is-a-list", {"fee": "[1]"}, [
        ("wrong-type", 11, 6, "expected a number, found a list"),
    ]),
    ("amount-fraction", {"fee": "1.5"}, []),
    ("amount-zero", {"fee": "0"}, []),
    ("amount-negative", {"fee": "-2.5"}, [("bad-number", 11, 6, f"-2.5 {NEGATIVE}")]),
    ("amount-overflows", {"fee": "1.0e400"}, [("bad-number", 11, 6, f"1.0e400 {INFINITE}")]),
    ("amount-infinite", {"fee": ".inf"}, [("bad-number", 11, 6, f".inf {INFINITE}")]),
    ("amount-minus-infinite", {"fee": "-.inf"}, [("bad-number", 11, 6, f"-.inf {INFINITE}")]),
    ("amount-of-20-characters", {"fee": "1.0e4000000000000000"}, [
        ("bad-number", 11, 6, f"1.0e4000000000000000 {INFINITE}"),
    ]),
    ("amount-of-21-characters", {"fee": "1.0e40000000000000000"}, [
        ("bad-number", 11, 6, f"1.0e4000000000000000… (21 characters) {INFINITE}"),
    ]),
    ("count-fraction", {"participation": "{registered: 1.5}"}, [
        ("wrong-type", 11, 29, "expected a whole number, found the number '1.5'"),
    ]),
    ("count-boolean", {"participation": "{registered: false}"}, [
        ("wrong-type", 11, 29, "expected a whole number, found the boolean 'false'"),
    ]),
    ("count-text", {"participation": "{registered: many}"}, [
        ("wrong-type", 11, 29, "expected a whole number, found the text 'many'"),
    ]),
    ("count-null-inside-a-list", {"participation": "{registered: [~]}"}, [
        ("wrong-type", 11, 29, "expected a whole number, found a list"),
    ]),
    ("count-negative", {"participation": "{registered: -1}"}, [
        ("bad-number", 11, 29, f"-1 {NEGATIVE}"),
    ]),
    ("count-zero", {"participation": "{registered: 0}"}, []),
    ("count-of-5000-digits", {"participation": "{registered: " + "9" * 5000 + "}"}, [
        ("bad-number", 11, 29, f"{'9' * 20}… (5,000 characters) {INFINITE}"),
    ]),
    # CountByCountry
    ("by-country", {
        "participation": "{by_country: {KE: 12, ke: 2, UK: 1, XX: 3, FR: -1, Kenya: 4}}",
    }, [
        ("bad-country", 11, 38, f"'ke' {NOT_A_COUNTRY} (did you mean 'KE'? codes are upper case)"),
        ("bad-country", 11, 45, f"'UK' {NOT_A_COUNTRY} (did you mean 'GB' "
         "(United Kingdom of Great Britain and Northern Ireland)?)"),
        ("bad-country", 11, 52, f"'XX' {NOT_A_COUNTRY} (did you mean 'AX' (Åland Islands) or "
         "'CX' (Christmas Island) or 'MX' (Mexico)?)"),
        ("bad-number", 11, 63, f"-1 {NEGATIVE}"),
        ("bad-country", 11, 67, f"'Kenya' {NOT_A_COUNTRY} (did you mean 'KE' (Kenya)?)"),
    ]),
    ("by-country-is-a-list", {"participation": "{by_country: [KE]}"}, [
        ("wrong-type", 11, 29, "expected a mapping of country codes to counts, found a list"),
    ]),
    # Bool
    ("bool-yes-is-text", {"fellowships": "{offered: yes}"}, [
        ("wrong-type", 11, 24, "expected true or false, found the text 'yes'"),
    ]),
    ("bool-null", {"fellowships": "{offered: null}"}, [
        ("missing-field", 11, 15, "'offered' is required and has no value"),
    ]),
    ("bool-is-a-number", {"fellowships": "{offered: 1}"}, [
        ("wrong-type", 11, 24, "expected true or false, found the integer '1'"),
    ]),
    # ListOf
    ("list-of-ids-is-text", {"organizers": "sg16"}, [
        ("wrong-type", 9, 13, "expected a list such as [sg16, sg17], found the text 'sg16'"),
    ]),
    ("list-of-ids-is-a-mapping", {"organizers": "{a: 1}"}, [
        ("wrong-type", 9, 13, "expected a list such as [sg16, sg17], found a mapping"),
    ]),
    ("list-of-records-is-text", {"outcomes": "sg16"}, [
        ("wrong-type", 11, 11, "expected a list, found the text 'sg16'"),
    ]),
    ("list-below-its-minimum", {"organizers": "[]"}, [
        ("missing-field", 9, 13, "'organizers' needs at least 1"),
    ]),
    ("list-at-its-minimum", {"themes": "[ai]"}, []),
    # Record
    ("unknown-key", {"venu": "{city: Geneva}"}, [
        ("unknown-field", 11, 1, "unknown key 'venu' in an event (did you mean 'venue'?)"),
    ]),
    ("unknown-key-then-a-bad-value", {"venu": "{city: Geneva}", "fee": "-1"}, [
        ("unknown-field", 11, 1, "unknown key 'venu' in an event (did you mean 'venue'?)"),
        ("bad-number", 12, 6, f"-1 {NEGATIVE}"),
    ]),
    ("unknown-key-nested", {"approval": "{date: 2026-01-01, by: tsag, url: 'x'}"}, [
        ("unknown-field", 11, 40, "unknown key 'url' in an approval"),
    ]),
    ("missing-key-nested", {"approval": "{by: tsag}"}, [
        ("missing-field", 11, 1, "an approval needs 'date': the day of the decision"),
    ]),
    ("missing-key-top", {"title": None}, [
        ("missing-field", 1, 1, "an event needs 'title': the event's title"),
    ]),
    ("record-is-a-list", {"approval": "[1]"}, [
        ("wrong-type", 11, 11, "expected a mapping (an approval), found a list"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "expected"),
    [pytest.param(changes, expected, id=name) for name, changes, expected in EVENT_ROWS],
)
def test_an_event_value_gets_its_finding_and_message(
    tmp_path: Path, changes: dict[str, str | None], expected: list[tuple[str, int, int, str]]
) -> None:
    assert found(tmp_path, changes) == expected


WSG = """\
id: wsg
name: Workshop and Seminar Coordination Group
kind: coordination-group
themes:
  - {id: ai, title: Artificial intelligence, priority: high}
  - {id: security, title: Security and trust, priority: normal}
"""
SG16 = """\
id: sg16
name: Multimedia and related digital technologies
kind: study-group
"""

GROUP_ROWS: list[tuple[str, str, str, list[tuple[str, int, int, str]]]] = [
    ("severities", "wsg", "policy:\n  severity: {stale-status: off, late-anouncement: info, "
     "yaml-syntax: off, held-in-future: fatal, topic-stale: 3, missing-programme: warning}\n", [
        ("bad-value", 8, 33,
         "no rule is called 'late-anouncement' (did you mean 'late-announcement'?)"),
        ("bad-value", 8, 57, "'yaml-syntax' is a file-level rule; its severity cannot change"),
        ("bad-value", 8, 91, "'fatal' is not allowed; allowed: error, warning, info, off"),
        ("wrong-type", 8, 111, f"expected text, found the integer '3'{QUOTE}"),
    ]),
    ("severities-are-a-list", "wsg", "policy:\n  severity: [stale-status]\n", [
        ("wrong-type", 8, 13, "expected a mapping of rule ids to severities, found a list"),
    ]),
    ("themes-outside-wsg", "sg16", "themes: []\n", [
        ("unknown-field", 4, 1, "only data/groups/wsg.yaml may hold 'themes'"),
    ]),
    ("budget-outside-wsg", "sg16", "budget: []\n", [
        ("unknown-field", 4, 1, "only data/groups/wsg.yaml may hold 'budget'"),
    ]),
    ("unknown-group-key", "sg16", "nme: x\n", [
        ("unknown-field", 4, 1, "unknown key 'nme' in a group (did you mean 'name'?)"),
    ]),
    ("budget-lines", "wsg", "budget:\n  - {year: 2026, currency: CHF, amount: 1.5}\n"
     "  - {year: 2026.5, currency: CHF, amount: -1}\n  - {year: 2027, currency: chf}\n", [
        ("wrong-type", 9, 12, "expected a whole number, found the number '2026.5'"),
        ("bad-number", 9, 43, f"-1 {NEGATIVE}"),
        ("missing-field", 10, 5, "a budget line needs 'amount': the allocation"),
        ("bad-value", 10, 28, "'chf' is not an ISO 4217 currency code (e.g. CHF, USD)"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("group", "more", "expected"),
    [pytest.param(group, more, expected, id=name) for name, group, more, expected in GROUP_ROWS],
)
def test_a_group_value_gets_its_finding_and_message(
    tmp_path: Path, group: str, more: str, expected: list[tuple[str, int, int, str]]
) -> None:
    text = (WSG if group == "wsg" else SG16) + more
    findings = findings_for(tmp_path, {f"data/groups/{group}.yaml": text})
    assert [(f.file, f.rule, f.line, f.column, f.message) for f in findings] == [
        (f"data/groups/{group}.yaml", *finding) for finding in expected
    ]


def test_the_model_receives_the_values_the_file_means(tmp_path: Path) -> None:
    demo = loaded(
        tmp_path,
        {
            "fee": "1.5",
            "participation": "{registered: 0x1F, in_person: 0o17, remote: 007, "
            "by_country: {KE: 3, ke: 2, FR: -1}}",
            "fellowships": "{offered: True, granted: 0}",
            "programme": sessions(("00:00", "23:59")),
            "notes": "null",
            "languages": "[en, xx, fr]",
            "proposal": "{date: 2026-01-10, countries: [KE, ~, ch, SN]}",
        },
    )
    assert (demo.start, demo.end) == (date(2026, 9, 10), date(2026, 9, 11))
    assert demo.fee == 1.5
    assert demo.languages == ["en", "fr"]
    assert demo.proposal is not None and demo.proposal.countries == ["KE", "SN"]
    assert demo.participation is not None
    part = demo.participation
    assert (part.registered, part.in_person, part.remote) == (31, 15, 7)
    assert part.by_country == {"KE": 3}
    assert demo.fellowships is not None and demo.fellowships.offered is True
    assert demo.fellowships.granted == 0
    session = demo.programme[0].sessions[0]
    assert (session.start, session.end) == ("00:00", "23:59")
    # a null value is where its key is, and is not given
    assert demo.places["notes"] == (0, 0, 18, 1)
    assert not demo.given("notes") and demo.given("fee")
    assert demo.places["fee"] == (11, 6, 11, 1)
    assert demo.places["organizers.0"] == (9, 14, 0, 0)
    assert part.places["by_country.KE"] == (12, 82, 0, 0)


@pytest.mark.parametrize(
    ("written", "value"), [("false", False), ("FALSE", False), ("True", True), ("true", True)]
)
def test_a_boolean_in_any_case(tmp_path: Path, written: str, value: bool) -> None:
    demo = loaded(tmp_path, {"fellowships": f"{{offered: {written}}}"})
    assert demo.fellowships is not None and demo.fellowships.offered is value


def test_a_list_kind_converts_what_it_can_and_reports_the_rest() -> None:
    ctx = Context("f.yaml")
    tree, problems = parse(b"[sg16, Bad_Id, 3]\n")
    assert tree is not None and problems == []
    assert ListOf(Slug()).convert(tree, ctx) == ["sg16"]
    assert [(rule, line, column) for rule, line, column, _ in ctx.problems] == [
        ("bad-id", 1, 8),
        ("wrong-type", 1, 16),
    ]
    mapping, _ = parse(b"a: 1\n")
    assert mapping is not None
    assert ListOf(Slug()).convert(mapping, ctx) is None
    assert ctx.problems[-1] == (
        "wrong-type",
        1,
        1,
        "expected a list such as [sg16, sg17], found a mapping",
    )


def test_the_policy_keeps_the_severities_it_can(tmp_path: Path) -> None:
    policy = "policy:\n  severity: {stale-status: off, topic-stale: bad, missing-programme: info}\n"
    data = make_dataset(tmp_path, {"data/groups/wsg.yaml": WSG + policy})
    wsg = dataset.load(data, EXAMPLES_TODAY).wsg
    assert wsg is not None and wsg.policy is not None
    assert wsg.policy.severity == {"stale-status": "off", "missing-programme": "info"}


# "did you mean": every command that names a wrong word shares it


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("abc", "abc", 0),
        ("ab", "ba", 1),  # swapped neighbours at the start
        ("abcd", "acbd", 1),
        ("abcd", "abdc", 1),  # at the end
        ("ca", "abc", 3),  # optimal string alignment: no edit of a swapped pair
        ("ac", "ba", 2),  # no swap: the neighbours differ
        ("aaa", "a", 2),  # no swap with the last letter before the first
        ("ав", "ва", 1),  # letters compared by value, in every script (Cyrillic, Arabic)
        ("مر", "رم", 1),
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("abc", "xbc", 1),
        ("abc", "abx", 1),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


KIND_WORDS = ("workshop", "seminar", "forum", "symposium", "webinar")


@pytest.mark.parametrize(
    ("word", "choices", "match"),
    [
        ("wrokshop", KIND_WORDS, "workshop"),
        ("seminars", KIND_WORDS, "seminar"),
        ("frum", KIND_WORDS, "forum"),
        ("sg1", ("tg1", "sg2"), "sg2"),  # one typo each: the longer shared start wins
        ("sg3", ("sg2", "sg1"), "sg1"),  # a tie: the first in order
        ("sg16", ("sa16", "sg17"), "sg17"),  # the longer shared start, not the first in order
        ("sg16", ("sg1", "xsg16x"), "sg1"),  # a letter less: one typo
        ("ab", ("abcd",), "abcd"),  # 2 typos are allowed in a short word
        ("ab", ("abcde",), None),  # 3 are not, and difflib finds it too far
        # what only the count of typos finds (difflib's ratio is 0.5 or less): 2 in a word
        # of 4, 5 or 6 letters, not 3
        ("abcd", ("badc",), "badc"),
        ("abcde", ("cbaed",), None),
        ("abcdef", ("cbaedf",), None),
        ("a", ("xay",), "xay"),  # 2 letters more: still 2 typos
        ("sg16", ("tg17",), "tg17"),  # 4 letters differ, for 2 typos
        # 3 typos in a word of 9 letters beat a longer word that difflib rates higher;
        # a word of 12 letters allows 3 as well, not 4
        ("abcdefghi", ("xbcxefxhi", "abcdefghixxxx"), "xbcxefxhi"),
        # three typos that change six letters (each a letter of its own) are still three
        ("xbcdyfghz", ("abcdefghi", "xbcdyfghzqqqq"), "abcdefghi"),
        ("abcdefghijkl", ("xbcxefxhixkl", "abcdefghijklxxxxx"), "abcdefghijklxxxxx"),
        ("vice-chair", ("vice-chairman", "chairman"), "vice-chairman"),
        # difflib's ratio for what is too far for typos: 2 * 8 / (18 + 8) = 0.62
        ("workshopxyzabcdefg", ("workshop",), "workshop"),
        # exactly difflib's 0.6: 2 * 3 / (5 + 5), and exactly the letters it needs
        ("abcxy", ("zwabc",), "zwabc"),
        ("abcxy", ("zwabd",), None),
        # more than three times the longest choice: never a match
        ("workshop" * 4, ("workshop",), None),
        ("x", (), None),
        ("qqqq", KIND_WORDS, None),
    ],
)
def test_closest(word: str, choices: tuple[str, ...], match: str | None) -> None:
    assert closest(word, choices) == match
    assert did_you_mean(word, choices) == (f" (did you mean '{match}'?)" if match else "")


def test_a_file_pays_for_a_limited_number_of_searches() -> None:
    ctx = Context("data/events/2026/demo.yaml")
    ctx.suggestions = 2
    assert ctx.did_you_mean("frum", KIND_WORDS) == " (did you mean 'forum'?)"
    assert ctx.did_you_mean("qqqq", KIND_WORDS) == ""  # a search without a match pays too
    assert ctx.suggestions == 0
    assert ctx.did_you_mean("frum", KIND_WORDS) == ""
    assert ctx.suggestions == 0
    # country names and aliases share the allowance
    ctx.suggestions = 1
    assert country_hint("Kenya", ctx) == " (did you mean 'KE' (Kenya)?)"
    assert ctx.suggestions == 0
    assert country_hint("Kenya", ctx) == ""
    assert ctx.suggestions == 0


# the kinds as JSON Schema (wsg schema): what an editor checks while the file is typed


def test_each_kind_describes_itself_as_json_schema() -> None:
    assert Slug().json_schema() == {
        "type": "string",
        "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
        "maxLength": 80,
    }
    assert Count().json_schema() == {"type": "integer", "minimum": 0}
    assert Count(whole=False).json_schema() == {"type": "number", "minimum": 0}
    assert ListOf(Text()).json_schema() == {"type": "array", "items": {"type": "string"}}
    assert ListOf(Slug(), min_items=1).json_schema()["minItems"] == 1
    schema: dict[str, Any] = EVENT.json_schema()
    assert schema["type"] == "object" and schema["title"] == "an event"
    assert schema["additionalProperties"] is False
    # required: only what is always required (venue is, unless the event is virtual)
    assert schema["required"] == [
        "id",
        "title",
        "kind",
        "status",
        "start",
        "end",
        "timezone",
        "format",
        "organizers",
        "themes",
    ]
    assert schema["properties"]["fee"] == {
        "description": "participation fee; default 0",
        "type": "number",
        "minimum": 0,
    }
    assert schema["properties"]["participation"]["properties"]["by_country"] == {
        "description": "participants per country",
        "type": "object",
        "propertyNames": {"pattern": "^[A-Z]{2}$"},
        "additionalProperties": {"type": "integer", "minimum": 0},
    }
    assert "description" in GROUP.json_schema()
    # a record without a doc, without a required key, of keys without docs
    bare = Record("a thing", dict, [Field("a", Text()), Field("b", Text(doc="the b"))])
    assert bare.json_schema() == {
        "type": "object",
        "title": "a thing",
        "properties": {"a": {"type": "string"}, "b": {"description": "the b", "type": "string"}},
        "additionalProperties": False,
    }
