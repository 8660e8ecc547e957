"""The words readers see for the dataset's codes: one capitalised vocabulary for every output.

The dataset says ``virtual``, ``study-group`` and ``vice-chairman``; the site, the
Markdown report, the agendas and the calendars say "Online", "Study group" and
"Vice-chairman", from here, so that no two of them name a thing differently and no
internal code reaches a reader. A code this vocabulary does not know (data the
validator rejects) is shown as itself, never dropped:

>>> say("virtual", "format"), say("study-group", "group_kind"), say("chairman", "role")
('Online', 'Study group', 'Chairman')
>>> say("unheard-of", "status")
'unheard-of'
>>> seat("vice-chairman", "arab-states")
'Vice-chairman for the Arab States'
>>> country("NA"), country("XK"), country(None)
('Namibia', 'XK', '')
"""

from __future__ import annotations

from collections.abc import Mapping

from wsg.countries import load_reference

ONLINE = "Online"

STATUS = {
    "proposed": "Proposed",
    "approved": "Approved",
    "announced": "Announced",
    "held": "Held",
    "postponed": "Postponed",
    "cancelled": "Cancelled",
}
# What each status means, in the order of the lifecycle (the legend readers see once).
STATUS_MEANING = {
    "proposed": "proposed by a group; not yet approved",
    "approved": "approved; the dates and the place may still change until it is announced",
    "announced": "confirmed, and announced to the membership by a TSB circular",
    "held": "has taken place; its report and other outcomes follow",
    "postponed": "will not take place on the dates shown; new dates follow",
    "cancelled": "will not take place",
}
EVENT_KIND = {
    "workshop": "Workshop",
    "seminar": "Seminar",
    "forum": "Forum",
    "symposium": "Symposium",
    "webinar": "Webinar",
}
FORMAT = {"in-person": "In person", "hybrid": "In person and online", "virtual": ONLINE}
GROUP_KIND = {
    "advisory-group": "Advisory group",
    "study-group": "Study group",
    "coordination-group": "Coordination group",
    "focus-group": "Focus group",
    "other": "",  # says nothing a reader can use: left out
}
ROLE = {"chairman": "Chairman", "vice-chairman": "Vice-chairman"}
SESSION_KIND = {
    "talk": "Talk",
    "keynote": "Keynote",
    "panel": "Panel",
    "break": "Break",
    "other": "",
}
OUTCOME_TYPE = {
    "report": "Report",
    "summary": "Summary",
    "presentations": "Presentations",
    "recording": "Recording",
    "communique": "Communiqué",
    "liaison": "Liaison statement",
    "other": "Document",
}
PRIORITY = {"high": "High priority", "normal": "Normal priority", "low": "Low priority"}
# Region names as a heading or a table column reads them; the full official names are
# wsg.countries.REGIONS'.
REGION = {
    "americas": "Americas",
    "europe": "Europe",
    "cis": "CIS",
    "africa": "Africa",
    "asia-pacific": "Asia-Pacific",
    "arab-states": "Arab States",
}
# The same with the article a sentence needs: "Vice-chairman for the Americas".
REGION_IN_TEXT = {
    "americas": "the Americas",
    "europe": "Europe",
    "cis": "the CIS",
    "africa": "Africa",
    "asia-pacific": "Asia-Pacific",
    "arab-states": "the Arab States",
}

# The technology watch's statuses as the topics page and the reports name them.
TOPIC_STATUS = {
    "watch": "Watched",
    "candidate": "Candidate",
    "scheduled": "Scheduled",
    "covered": "Covered",
    "dropped": "Dropped",
}

VOCABULARIES: dict[str, Mapping[str, str]] = {
    "status": STATUS,
    "kind": EVENT_KIND,
    "format": FORMAT,
    "group_kind": GROUP_KIND,
    "role": ROLE,
    "session_kind": SESSION_KIND,
    "outcome_type": OUTCOME_TYPE,
    "priority": PRIORITY,
    "region": REGION,
    "topic_status": TOPIC_STATUS,
}


def say(code: str | None, vocabulary: str) -> str:
    """The reader's word for ``code`` in one of ``VOCABULARIES``; "" for no code."""
    if code is None:
        return ""
    return VOCABULARIES[vocabulary].get(code, code)


def sentence(text: str) -> str:
    """The text with its first letter capitalised and the rest as it is (TSB stays TSB).

    >>> sentence("confirmed by a TSB circular")
    'Confirmed by a TSB circular'
    """
    return text[:1].upper() + text[1:]


def seat(role: str | None, region: str | None) -> str:
    """``Chairman``; ``Vice-chairman for the Americas``; ``Vice-chairman`` without a region."""
    title = say(role or "vice-chairman", "role")
    if role == "chairman" or region is None:
        return title
    return f"{title} for {REGION_IN_TEXT.get(region, region)}"


def country(code: str | None) -> str:
    """The English name of a country code; the code itself when it names no country."""
    if not code:
        return ""
    return load_reference().name(code) or code


# What a link to a file leads to, by the ending of its address: said beside the link, so
# that a reader on a slow connection knows before following it.
FILE_TYPES = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".zip": "ZIP",
    ".mp4": "video, MP4",
    ".mp3": "audio, MP3",
    ".ics": "iCalendar",
    ".json": "JSON",
}


def file_type(url: str | None) -> str:
    """``PDF`` for ``https://…/Report.pdf``; "" for a web page or an unknown ending.

    >>> file_type("https://www.itu.int/en/ITU-T/Documents/Report.PDF?x=1"), file_type("https://x.org/en")
    ('PDF', '')
    """
    if not url:
        return ""
    path = url.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1].lower()
    _, dot, ending = path.rpartition(".")
    return FILE_TYPES.get(f".{ending}", "") if dot else ""


def size(count: int) -> str:
    """A file's size as readers read it: ``850 bytes``, ``3 KB``, ``1.2 MB``.

    >>> size(850), size(2900), size(1_250_000)
    ('850 bytes', '3 KB', '1.2 MB')
    """
    if count < 1000:
        return f"{count} bytes"
    if count < 1_000_000:
        return f"{round(count / 1000)} KB"
    return f"{count / 1_000_000:.1f} MB"


def file_note(url: str | None, length: int | None = None) -> str:
    """`` (PDF)`` or `` (iCalendar, 3 KB)`` after a link's text; "" when nothing is known."""
    parts = [part for part in (file_type(url), size(length) if length is not None else "") if part]
    return f" ({', '.join(parts)})" if parts else ""
