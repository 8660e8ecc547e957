"""``wsg new event|group|topic``: write a new, valid, canonical record file.

Every input is checked against the format and the dataset before anything is
written, and the file is converted once more as the validator would: a new
record never starts with an error. An existing file is never overwritten.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from wsg import dataset as datasets
from wsg import groupnames, safewrite
from wsg.canonical import canonical, dump, mapping, sequence, text
from wsg.clock import parse_date, resolve_today
from wsg.countries import load_reference
from wsg.errors import WsgError
from wsg.kinds import SLUG, SLUG_MAX, ZONE_MISTAKES, Context, Record, did_you_mean, timezone_names
from wsg.natsort import natural_key
from wsg.schema import EVENT, EVENT_KINDS, FORMATS, GROUP, GROUP_KINDS, TOPIC
from wsg.yamltree import parse


def event(
    data_dir: Path,
    today: date,
    out: TextIO,
    *,
    title: str,
    start: str,
    end: str | None,
    kind: str,
    event_format: str,
    organizers: list[str],
    themes: list[str],
    timezone: str | None,
    city: str | None,
    country: str | None,
    event_id: str | None,
) -> int:
    dataset = datasets.load(data_dir, today)
    title = title.strip()
    if not title:
        raise WsgError("--title is empty")
    first = parse_date(start, "--start")
    last = parse_date(end, "--end") if end else first
    if last < first:
        raise WsgError(f"--end {last} is before --start {first}")
    if last < today:
        raise WsgError(
            f"the event would have ended on {last}, before today ({today}); "
            "a new event is proposed, so it lies ahead"
        )
    _choose(kind, EVENT_KINDS, "--kind")
    _choose(event_format, FORMATS, "--format")
    venue = _venue(event_format, city, country)
    timezone = _timezone(timezone, country if venue is not None else None, city, event_format)
    if not organizers:
        _known(organizers, dataset.group_ids, "--organizer", "group")
    # an id or an acronym (SG17) on the command line; the id in the file, once
    named = [groupnames.require(o, dataset.group_ids, "--organizer") for o in organizers]
    organizers = list(dict.fromkeys(named))
    for organizer in organizers:  # what the closed-group rule would report
        closed = dataset.group_ids[organizer].closed
        if closed is not None and closed < first:
            raise WsgError(
                f"--organizer {organizer!r} closed on {closed}, before the event starts ({first}); "
                "name the group that carries on its work"
            )
    _known(themes, dataset.themes, "--theme", "theme")
    record_id = _check_id(event_id) if event_id else derive_id(first, title)
    existing = dataset.event(record_id)
    if existing is not None:
        raise WsgError(f"an event with the id {record_id!r} exists: {existing.file}; choose --id")
    pairs: list[tuple[str, Any]] = [
        ("id", record_id),
        ("title", text(title)),
        ("kind", kind),
        ("status", "proposed"),
        ("start", first.isoformat()),
        ("end", last.isoformat()),
        ("timezone", timezone),
        ("format", event_format),
    ]
    if venue is not None:
        pairs.append(("venue", venue))
    pairs += [
        ("organizers", sequence(organizers, flow=True)),
        ("themes", sequence(themes, flow=True)),
    ]
    path = data_dir / "events" / str(first.year) / f"{record_id}.yaml"
    return _write(path, mapping(pairs), EVENT, data_dir, out)


def group(
    data_dir: Path,
    out: TextIO,
    *,
    group_id: str,
    name: str,
    kind: str,
    parent: str | None,
    acronym: str | None,
) -> int:
    dataset = datasets.load(data_dir, resolve_today(None))
    _check_id(group_id)
    name = name.strip()
    if not name:
        raise WsgError("--name is empty")
    _choose(kind, GROUP_KINDS, "--kind")
    existing = dataset.group_ids.get(group_id)
    if existing is not None:
        raise WsgError(f"a group with the id {group_id!r} exists: {existing.file}")
    pairs: list[tuple[str, Any]] = [("id", group_id), ("name", text(name))]
    if acronym and acronym.strip():
        pairs.append(("acronym", text(acronym.strip())))
    pairs.append(("kind", kind))
    if parent:
        pairs.append(("parent", groupnames.require(parent, dataset.group_ids, "--parent")))
    path = data_dir / "groups" / f"{group_id}.yaml"
    return _write(path, mapping(pairs), GROUP, data_dir, out)


NEW_TOPIC_STATUSES = ("watch", "candidate", "scheduled")
"""What a topic can start as: covered and dropped are what becomes of one."""


def topic(
    data_dir: Path,
    today: date,
    out: TextIO,
    *,
    title: str,
    themes: list[str],
    raised_by: str,
    raised_ref: str | None,
    raised_date: str | None,
    status: str,
    events: list[str],
    topic_id: str | None,
) -> int:
    """A topic of the technology watch, raised on ``raised_date`` (default today) and
    reviewed today; ``scheduled`` needs the events that address it."""
    dataset = datasets.load(data_dir, today)
    title = title.strip()
    if not title:
        raise WsgError("--title is empty")
    _choose(status, NEW_TOPIC_STATUSES, "--status")
    _known(themes, dataset.themes, "--theme", "theme")
    raised_by = groupnames.require(raised_by, dataset.group_ids, "--raised-by")
    raised = parse_date(raised_date, "--raised-date") if raised_date else today
    if raised > today:
        raise WsgError(f"--raised-date {raised} is after today ({today})")
    if status == "scheduled" and not events:
        raise WsgError("a scheduled topic names the events that address it: add --event ID")
    if events:
        _known(events, dataset.event_ids, "--event", "event")
    record_id = _check_id(topic_id) if topic_id else slug_of(title)
    existing = next((t for t in dataset.topics if t.id == record_id), None)
    if existing is not None:
        raise WsgError(f"a topic with the id {record_id!r} exists: {existing.file}; choose --id")
    origin: list[tuple[str, Any]] = [("date", raised.isoformat()), ("by", raised_by)]
    if raised_ref and raised_ref.strip():
        origin.append(("ref", text(raised_ref.strip())))
    pairs: list[tuple[str, Any]] = [
        ("id", record_id),
        ("title", text(title)),
        ("themes", sequence(themes, flow=True)),
        ("status", status),
        ("raised", mapping(origin, flow=True)),
        ("reviewed", today.isoformat()),
    ]
    if events:
        pairs.append(("events", sequence(events, flow=True)))
    path = data_dir / "topics" / f"{record_id}.yaml"
    return _write(path, mapping(pairs), TOPIC, data_dir, out)


def slug_of(title: str) -> str:
    """A slug of the title, cut at a word to at most 80 characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > SLUG_MAX:
        cut = slug[: SLUG_MAX + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_MAX]
    if not slug:
        raise WsgError(f"cannot derive an id from the title {title!r}; choose --id")
    return slug.strip("-")


def derive_id(start: date, title: str) -> str:
    """``YYYY-MM-`` and a slug of the title, cut at a word to at most 80 characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    derived = f"{start:%Y-%m}-{slug}".strip("-")
    if len(derived) > SLUG_MAX:
        cut = derived[: SLUG_MAX + 1]
        derived = cut.rsplit("-", 1)[0] if "-" in cut[8:] else cut[:SLUG_MAX]
    return derived.strip("-")


def _write(path: Path, record: Any, kind: Record, data_dir: Path, out: TextIO) -> int:
    result = canonical(dump(record), kind)
    if result.text is None:
        raise WsgError(f"cannot write {path}: {result.problem}")
    tree, problems = parse(result.text.encode("utf-8"))
    context = Context(path.as_posix())
    if tree is not None:
        kind.convert(tree, context)
    found = [(p.rule, p.message) for p in problems] + [(r, m) for r, _, _, m in context.problems]
    if found:  # every input was checked above: reaching here is a bug, not a user error
        rule, message = found[0]
        raise WsgError(f"the new record would not be valid ({rule}: {message}); not written")
    safewrite.write_text(path, result.text, within=data_dir)  # never replaces a file
    out.write(path.as_posix() + "\n")
    return 0


def _choose(value: str, allowed: tuple[str, ...], option: str) -> None:
    if value not in allowed:
        raise WsgError(
            f"{option} {value!r} is not allowed{did_you_mean(value, allowed)}; "
            f"allowed: {', '.join(allowed)}"
        )


def _check_id(record_id: str) -> str:
    if len(record_id) > SLUG_MAX or not SLUG.fullmatch(record_id):
        raise WsgError(
            f"--id {record_id!r} is not a slug: lowercase letters, digits and single hyphens, "
            f"at most {SLUG_MAX} characters"
        )
    return record_id


def _check_timezone(zone: str) -> None:
    names = timezone_names()
    if zone not in names:
        known = ZONE_MISTAKES.get(zone)
        hint = f" (did you mean '{known}'?)" if known else did_you_mean(zone, names)
        raise WsgError(
            f"--timezone {zone!r} is not an IANA time zone name such as Europe/Zurich{hint}"
        )


DEFAULT_ZONE = "Europe/Zurich"  # Geneva, ITU's headquarters: a virtual event's usual clock


def _timezone(zone: str | None, country: str | None, city: str | None, event_format: str) -> str:
    """The event's zone: ``--timezone`` if it suits the venue's country, else the country's
    one zone (or the one named after the city); refused when that is not clear."""
    from wsg import zones

    if zone is not None:
        _check_timezone(zone)
        venue_country = country if event_format != "virtual" else None
        if venue_country is not None and zones.is_zone_of(zone, venue_country) is False:
            raise WsgError(
                f"--timezone {zone} is not a time zone of {country}, the venue's country; "
                f"{zones.suggestion(country)}"
            )
        return zone
    if country is None:
        return DEFAULT_ZONE
    found = zones.zones_of(country)
    if len(found) == 1:
        return found[0].name
    place = _plain(city or "")
    named = [z for z in found if place and _plain(z.name.rsplit("/", 1)[-1]) == place]
    if len(named) == 1:
        return named[0].name
    if not found:
        raise WsgError(f"no time zone is known for {country}; give --timezone")
    # every one of them, since one must be chosen; with what each covers while that stays short
    choices = (
        zones.listed(found, with_comments=True)
        if len(found) <= zones.MAX_LISTED
        else ", ".join(z.name for z in found)
    )
    raise WsgError(f"{country} has {len(found)} time zones; choose one with --timezone: {choices}")


def _plain(name: str) -> str:
    """A city as zone names spell it: "São Paulo" and "Sao_Paulo" are both "sao_paulo"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(" ", "_")


def _venue(event_format: str, city: str | None, country: str | None) -> Any:
    city = (city or "").strip()
    country = (country or "").strip()
    if not city and not country:
        if event_format == "virtual":
            return None
        raise WsgError(f"a {event_format} event needs --city and --country (or --format virtual)")
    if not city or not country:
        missing = "--city" if not city else "--country"
        raise WsgError(f"the venue needs {missing} too")
    reference = load_reference()
    if not reference.is_iso(country):
        upper = country.upper()
        hint = f" (did you mean '{upper}'?)" if reference.is_iso(upper) else ""
        raise WsgError(f"--country {country!r} is not an ISO 3166-1 alpha-2 code{hint}")
    return mapping([("city", text(city)), ("country", country)])


def _known(ids: list[str], known: Any, option: str, what: str) -> None:
    if not ids:
        choices = ", ".join(sorted(known, key=natural_key)) or "none in the dataset"
        raise WsgError(f"name at least one {option} ({what} ids: {choices})")
    for item in ids:
        if item not in known:
            raise WsgError(
                f"{option} {item!r} is no {what} of the dataset{did_you_mean(item, known)}"
            )
