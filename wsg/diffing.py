"""What changed between two loaded datasets, in words a reviewer reads.

``compare`` is pure: two datasets and their findings in, a ``DatasetDiff`` out.
Records are matched by id (an event whose content is the same under a new id
is a rename); each change is typed, ranked and said in one line; findings are
compared by file, rule and message, so a finding that only moved lines is
neither introduced nor fixed; the old findings of a file that no longer reads
are unknown, not fixed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import PurePosixPath
from typing import Any

from wsg.dataset import Dataset, SourceFile
from wsg.findings import Finding
from wsg.model import (
    PLACE_FIELDS,
    Cancellation,
    Day,
    Event,
    Group,
    Person,
    Postponement,
    Seat,
    Session,
    Topic,
)
from wsg.plural import plural
from wsg.serialize import to_data

# Ranks: lower is more important; a record is as important as its most important change.
ERROR_INTRODUCED = 0
REMOVED = 1
LIFECYCLE = 2  # status, dates, seats, cancellation
ADDED = 3
DETAIL = 4
PROGRAMME = 5
FIXED = 6

_LINE_NUMBER = re.compile(r"\bline \d+")


@dataclass(frozen=True)
class Change:
    type: str  # stable, for tools: "event-added", "status", "dates", "seat", ...
    text: str
    rank: int

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text}


@dataclass
class RecordChanges:
    kind: str  # "event", "group" or "file" (findings of a file without a changed record)
    id: str
    file: str
    title: str | None = None
    changes: list[Change] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    unknown: list[Finding] = field(default_factory=list)  # of a file that no longer reads

    @property
    def rank(self) -> int:
        ranks = [change.rank for change in self.changes]
        if any(f.severity == "error" for f in self.introduced):
            ranks.append(ERROR_INTRODUCED)
        elif self.introduced:
            ranks.append(LIFECYCLE)
        return min(ranks, default=FIXED)  # findings only fixed: the last of all

    def add(self, type_: str, text: str, rank: int) -> None:
        self.changes.append(Change(type_, text, rank))

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "file": self.file,
            "title": self.title,
            "changes": [c.as_dict() for c in sorted(self.changes, key=lambda c: c.rank)],
            "findings_introduced": [f.as_dict() for f in self.introduced],
            "findings_fixed": [f.as_dict() for f in self.fixed],
            "findings_unknown": [f.as_dict() for f in self.unknown],
        }


@dataclass
class DatasetDiff:
    records: list[RecordChanges]

    @property
    def introduced(self) -> list[Finding]:
        return sorted(f for r in self.records for f in r.introduced)

    @property
    def fixed(self) -> list[Finding]:
        return sorted(f for r in self.records for f in r.fixed)

    @property
    def unknown(self) -> list[Finding]:
        """Findings of files that no longer read: neither fixed nor still there, as far as
        anyone can tell until the file reads again."""
        return sorted(f for r in self.records for f in r.unknown)


def compare(
    base: Dataset, head: Dataset, base_findings: list[Finding], head_findings: list[Finding]
) -> DatasetDiff:
    records: dict[tuple[str, str], RecordChanges] = {}
    old_files, new_files = _files(base), _files(head)
    _compare_events(base, head, new_files, records)
    _compare_groups(base, head, new_files, records)
    _compare_topics(base, head, new_files, records)
    _unreadable(base, head, records)
    introduced, fixed = _finding_changes(base_findings, head_findings)
    by_file = {r.file: r for r in records.values()}
    for finding in introduced:
        _holder(finding.file, new_files, by_file, records).introduced.append(finding)
    for finding in fixed:
        holder = _holder(finding.file, old_files, by_file, records)
        if _unreadable_now(new_files, finding.file):
            holder.unknown.append(finding)
        else:
            holder.fixed.append(finding)
    changed = [r for r in records.values() if r.changes or r.introduced or r.fixed or r.unknown]
    for record in changed:
        record.changes.sort(key=lambda c: c.rank)  # stable: the order of discovery within a rank
    return DatasetDiff(sorted(changed, key=lambda r: (r.rank, r.kind, r.id)))


# ---------------------------------------------------------------------------
# Findings


def _finding_changes(
    base: list[Finding], head: list[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """Introduced and fixed findings, compared as multisets of (file, rule, message)."""

    def key(finding: Finding) -> tuple[str, str, str]:
        return finding.file, finding.rule, _LINE_NUMBER.sub("line N", finding.message)

    base_count = Counter(key(f) for f in base)
    head_count = Counter(key(f) for f in head)
    introduced, fixed = [], []
    for finding in head:
        if base_count[key(finding)] > 0:
            base_count[key(finding)] -= 1
        else:
            introduced.append(finding)
    for finding in base:
        if head_count[key(finding)] > 0:
            head_count[key(finding)] -= 1
        else:
            fixed.append(finding)
    return introduced, fixed


def _files(dataset: Dataset) -> dict[str, SourceFile]:
    """The files of a dataset by the path findings name: made once, looked up per finding."""
    files: dict[str, SourceFile] = {}
    for source in dataset.files:
        if source.record is not None or source.rel not in files:
            files[source.rel] = source
    return files


def _holder(
    file: str,
    files: dict[str, SourceFile],
    by_file: dict[str, RecordChanges],
    records: dict[tuple[str, str], RecordChanges],
) -> RecordChanges:
    """The record entry a finding of ``file`` belongs to, made if the record did not change."""
    if file in by_file:
        return by_file[file]
    source = files.get(file)
    record = source.record if source is not None else None
    if isinstance(record, Event):
        entry = RecordChanges("event", record.id or _stem(file), file, record.title)
    elif isinstance(record, Group):
        entry = RecordChanges("group", record.id or _stem(file), file, record.name)
    elif isinstance(record, Topic):
        entry = RecordChanges("topic", record.id or _stem(file), file, record.title)
    else:
        entry = RecordChanges("file", file, file)
    records[(entry.kind, entry.id + "\0" + file)] = entry
    by_file[file] = entry
    return entry


# ---------------------------------------------------------------------------
# Events


def _keyed(items: list[Any]) -> dict[str, Any]:
    """Records by id (the file stem when the id is unusable); a duplicate id keeps its file."""
    keyed: dict[str, Any] = {}
    for item in items:
        key = item.id or _stem(item.file)
        keyed[key if key not in keyed else f"{key}@{item.file}"] = item
    return keyed


def _stem(file: str) -> str:
    return PurePosixPath(file).stem


def _renames(removed: dict[str, Event], added: dict[str, Event]) -> list[tuple[str, str, bool]]:
    """(old key, new key, same content) of the events that are one event under a new id.

    First the same content under a new id, found through an index of content hashes;
    then, among the rest, an event that alone on each side has the same title (its
    dates moved, and the id starts with the month), or the same dates, organizers and
    place (its title changed, and the id holds the title). Each event is looked at a
    fixed number of times: thousands of renames cost thousands of steps, not millions.
    """
    pairs: list[tuple[str, str, bool]] = []
    left_removed, left_added = dict(removed), dict(added)
    for key_of in (_content_hash, _title_key, _when_key):
        index: dict[Any, list[str]] = {}
        for key, event in left_removed.items():
            index.setdefault(key_of(event), []).append(key)
        wanted: dict[Any, list[str]] = {}
        for key, event in left_added.items():
            wanted.setdefault(key_of(event), []).append(key)
        for cheap, new_keys in wanted.items():
            old_keys = index.get(cheap, [])
            if cheap is None or not old_keys:
                continue
            if key_of is not _content_hash and (len(old_keys) > 1 or len(new_keys) > 1):
                continue  # more than one event fits: not a guess worth making
            for old_key, new_key in zip(old_keys, new_keys, strict=False):
                pairs.append((old_key, new_key, key_of is _content_hash))
                del left_removed[old_key], left_added[new_key]
    return pairs


def _content_hash(event: Event) -> str:
    data = to_data(event, public=False)
    data.pop("id", None)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _title_key(event: Event) -> tuple[str, str | None] | None:
    if not event.title:
        return None
    return " ".join(event.title.casefold().split()), event.kind


def _when_key(event: Event) -> tuple[Any, ...] | None:
    if event.start is None:
        return None
    city = event.venue.city if event.venue is not None else None
    return event.start, event.end, tuple(event.organizers), event.format, city


def _compare_events(
    base: Dataset,
    head: Dataset,
    new_files: dict[str, SourceFile],
    records: dict[tuple[str, str], RecordChanges],
) -> None:
    old, new = _keyed(base.events), _keyed(head.events)
    removed = {k: e for k, e in old.items() if k not in new}
    added = {k: e for k, e in new.items() if k not in old}
    for source, key, same in _renames(removed, added):
        event, was = added.pop(key), removed.pop(source)
        entry = _entry(records, "event", key, event)
        entry.add("renamed", f"renamed from {source} ({was.file})", ADDED)
        for type_, text, rank in [] if same else _event_changes(was, event, head.event_ids):
            if type_ != "file-moved":  # said by the rename
                entry.add(type_, text, rank)
    for key, event in removed.items():
        if _unreadable_now(new_files, event.file):
            continue  # said once, as a file that no longer reads
        entry = _entry(records, "event", key, event)
        entry.add("event-removed", f"removed (was {_event_summary(event)})", REMOVED)
    for key, event in added.items():
        entry = _entry(records, "event", key, event)
        entry.add("event-added", f"new {event.kind or 'event'}, {_event_summary(event)}", ADDED)
    for key in (k for k in new if k in old):
        if old[key] == new[key]:
            continue  # the same values in the same places: most events of most changes
        found = _event_changes(old[key], new[key], head.event_ids)
        if found:
            entry = _entry(records, "event", key, new[key])
            for type_, text, rank in found:
                entry.add(type_, text, rank)


def _entry(
    records: dict[tuple[str, str], RecordChanges],
    kind: str,
    key: str,
    record: Event | Group | Topic,
) -> RecordChanges:
    title = record.name if isinstance(record, Group) else record.title
    return records.setdefault((kind, key), RecordChanges(kind, key, record.file, title))


def _event_summary(event: Event) -> str:
    parts = [event.status or "no status", _dates(event.start, event.end)]
    if event.venue is not None and event.venue.city:
        parts.append(f"{event.venue.city} ({event.venue.country})")
    if event.format:
        parts.append(event.format)
    if event.organizers:
        parts.append("organizers " + ", ".join(event.organizers))
    return ", ".join(parts)


def _dates(start: date | None, end: date | None) -> str:
    if start is None or end is None or start == end:
        return str(start or end or "no dates")
    return f"{start} to {end}"


# Fields said in words by their own comparison; the rest are compared generically.
_EVENT_SPECIAL = frozenset(
    {"id", "status", "start", "end", "programme", "outcomes", "cancellation", "postponement"}
)


def _event_changes(old: Event, new: Event, events: dict[str, Event]) -> list[tuple[str, str, int]]:
    """What changed in an event; ``events``, the events as they are now by id, for the
    dates of the event that holds a postponed or cancelled event's new dates."""
    found: list[tuple[str, str, int]] = []
    if old.file != new.file:
        found.append(("file-moved", f"file moved from {old.file} to {new.file}", DETAIL))
    if old.status != new.status:
        found.append(("status", f"status: {old.status} → {new.status}", LIFECYCLE))
    found += _date_change(old, new)
    found += _elsewhere(
        "cancellation", old.cancellation, new.cancellation, "replaced_by", "replaced by", events
    )
    found += _elsewhere(
        "postponement", old.postponement, new.postponement, "to", "postponed to", events
    )
    old_data, new_data = to_data(old), to_data(new)
    for name in _field_names(Event):
        if name in _EVENT_SPECIAL:
            continue
        found += _value_changes(name, old_data.get(name), new_data.get(name))
    found += _outcome_changes(old, new)
    found += _programme_changes(old, new)
    return found


def _elsewhere(
    label: str,
    was: Cancellation | Postponement | None,
    now: Cancellation | Postponement | None,
    link: str,
    linked: str,
    events: dict[str, Event],
) -> list[tuple[str, str, int]]:
    """A cancellation or a postponement, and the event that takes over (``link``): one
    sentence when it is new, then the event that takes over when it is named, then any
    other change of its parts."""
    before, after = to_data(was), to_data(now)
    if before == after:
        return []
    target = getattr(now, link) if now is not None else None
    to = f"{linked} {target} ({_dates_of(target, events)})" if target else ""
    if was is None and now is not None:
        verb = "cancelled" if label == "cancellation" else "postponed"
        why = f": {now.reason}" if now.reason else ""
        if label == "cancellation":
            text = f"cancelled on {now.date}{why}" + (f"; {to}" if to else "")
        else:
            text = (f"{to} on {now.date}" if to else f"postponed on {now.date}") + why
        return [(verb, text, LIFECYCLE)]
    found = []
    if target and target != getattr(was, link, None):
        found.append((f"{label}.{link}", to, LIFECYCLE))
        before = {k: v for k, v in (before or {}).items() if k != link} or None
        after = {k: v for k, v in (after or {}).items() if k != link} or None
    return found + _value_changes(label, before, after)


def _dates_of(event_id: str, events: dict[str, Event]) -> str:
    event = events.get(event_id)
    return _dates(event.start, event.end) if event is not None else "no such event"


def _date_change(old: Event, new: Event) -> list[tuple[str, str, int]]:
    """One sentence: which ends moved, by how much, and the new length when it changed."""
    if (old.start, old.end) == (new.start, new.end):
        return []
    before, after = _dates(old.start, old.end), _dates(new.start, new.end)
    if None in (old.start, old.end, new.start, new.end):
        return [("dates", f"dates: {before} → {after}", LIFECYCLE)]
    assert old.start and old.end and new.start and new.end
    start, end = (new.start - old.start).days, (new.end - old.end).days
    if start == end:
        return [("dates", f"dates {_moved(start)}: {before} → {after}", LIFECYCLE)]
    moves = [f"{which} {_moved(days)}" for which, days in (("start", start), ("end", end)) if days]
    length, was = (new.end - new.start).days + 1, (old.end - old.start).days + 1
    how = "lengthened" if length > was else "shortened"
    text = f"{' and '.join(moves)}: {before} → {after} ({how} to {plural(length, 'day')})"
    return [("dates", text, LIFECYCLE)]


def _moved(days: int) -> str:
    if days > 0:
        return f"moved by {plural(days, 'day')}"
    return f"brought forward by {plural(-days, 'day')}"


def _outcome_changes(old: Event, new: Event) -> list[tuple[str, str, int]]:
    def key(outcome: Any) -> tuple[Any, ...]:
        return (outcome.type, outcome.url or outcome.title)

    def said(outcome: Any) -> str:
        return f"{outcome.type} '{outcome.title}' ({outcome.date})"

    before = {key(o): o for o in old.outcomes}
    after = {key(o): o for o in new.outcomes}
    found = []
    for k, outcome in after.items():
        if k not in before:
            found.append(("outcome-published", f"outcome published: {said(outcome)}", DETAIL))
        elif to_data(before[k]) != to_data(outcome):
            found.append(("outcome-changed", f"outcome changed: {said(outcome)}", DETAIL))
    for k, outcome in before.items():
        if k not in after:
            found.append(("outcome-removed", f"outcome removed: {said(outcome)}", DETAIL))
    return found


def _programme_changes(old: Event, new: Event) -> list[tuple[str, str, int]]:
    shift = _shift(old, new)
    before, after = _sessions(old.programme, shift), _sessions(new.programme, 0)
    found: list[tuple[str, str, int]] = []
    for key, (when, _, session) in after.items():
        if key not in before:
            count = len(session.speakers)
            speakers = f" ({count} speaker{'s' * (count != 1)})" if count else ""
            label = _session_label(when, session)
            found.append(("session-added", f"session added: {label}{speakers}", PROGRAMME))
    for key, (when, _, session) in before.items():
        if key not in after:
            label = _session_label(when, session)
            found.append(("session-removed", f"session removed: {label}", PROGRAMME))
    for key in (k for k in before if k in after):
        found += _session_changes(before[key], after[key])
    return found


def _shift(old: Event, new: Event) -> int:
    """Days the whole event moved by, with its programme; else 0."""
    if None in (old.start, old.end, new.start, new.end):
        return 0
    assert old.start and old.end and new.start and new.end
    shift = (new.start - old.start).days
    if shift != (new.end - old.end).days:
        return 0
    days_before = {d.date + timedelta(days=shift) for d in old.programme if d.date is not None}
    days_after = {d.date for d in new.programme if d.date is not None}
    return shift if days_before == days_after else 0


SessionKey = tuple[str, str, int]  # day, title, occurrence; or "id", its id, 0


Placed = tuple[str, str, Session]  # its date, that date moved with the event, the session


def _sessions(days: list[Day], shift: int) -> dict[SessionKey, Placed]:
    """Sessions by their id, else by day, title and occurrence (two "Coffee break"s on a
    day stay apart), with their date. The days of a programme that moved with its event
    count as they are now, so that its sessions are not all removed and added again."""
    keyed: dict[SessionKey, Placed] = {}
    for day in days:
        seen: Counter[str] = Counter()
        moved = str(day.date + timedelta(days=shift) if day.date is not None else None)
        for session in day.sessions:
            if session.id:
                keyed[("id", session.id, 0)] = (str(day.date), moved, session)
                continue
            title = session.title or ""
            keyed[(moved, title, seen[title])] = (str(day.date), moved, session)
            seen[title] += 1
    return keyed


def _session_label(when: str, session: Session) -> str:
    return f"'{session.title or ''}' on {when} {session.start}-{session.end}"


def _session_changes(old_at: Placed, new_at: Placed) -> list[tuple[str, str, int]]:
    (was, moved, old), (when, _, new) = old_at, new_at
    where = f"'{new.title or ''}' ({when})"
    found: list[tuple[str, str, int]] = []
    if moved != when:  # a session known by its id, moved to another day than its event
        times = f"{was} {old.start}-{old.end} → {when} {new.start}-{new.end}"
        found.append(("session-moved", f"session {where}: {times}", PROGRAMME))
    elif (old.start, old.end) != (new.start, new.end):
        times = f"{old.start}-{old.end} → {new.start}-{new.end}"
        found.append(("session-moved", f"session {where}: {times}", PROGRAMME))
    for role, before, after in (
        ("speaker", old.speakers, new.speakers),
        ("chair", old.chairs, new.chairs),
    ):
        people_before, people_after = _people(before), _people(after)
        for key, person in people_after.items():
            if key not in people_before:
                text = f"{role} added to {where}: {_person(person)}"
                found.append((f"{role}-added", text, PROGRAMME))
        for key, person in people_before.items():
            if key not in people_after:
                text = f"{role} removed from {where}: {_person(person)}"
                found.append((f"{role}-removed", text, PROGRAMME))
        for key, person in people_after.items():
            if key in people_before:
                was, now = to_data(people_before[key]), to_data(person)
                if was != now:
                    text = f"{role} {person.name} in {where}: {_changed_keys(was, now)} changed"
                    found.append((f"{role}-changed", text, PROGRAMME))
    old_rest = {
        k: v for k, v in to_data(old).items() if k not in ("start", "end", "speakers", "chairs")
    }
    new_rest = {
        k: v for k, v in to_data(new).items() if k not in ("start", "end", "speakers", "chairs")
    }
    if old_rest != new_rest:
        found.append(
            (
                "session-changed",
                f"session {where}: {_changed_keys(old_rest, new_rest)} changed",
                PROGRAMME,
            )
        )
    return found


def _people(people: list[Person]) -> dict[tuple[str, int], Person]:
    """People by name and occurrence: two people of one name in a session stay two."""
    keyed: dict[tuple[str, int], Person] = {}
    seen: Counter[str] = Counter()
    for person in people:
        name = person.name or ""
        keyed[(name, seen[name])] = person
        seen[name] += 1
    return keyed


def _person(person: Person) -> str:
    details = [d for d in (person.affiliation, person.country) if d]
    return f"{person.name} ({', '.join(details)})" if details else str(person.name)


def _changed_keys(old: dict[str, Any], new: dict[str, Any]) -> str:
    return ", ".join(k for k in sorted(old.keys() | new.keys()) if old.get(k) != new.get(k))


# ---------------------------------------------------------------------------
# Groups


_GROUP_SPECIAL = frozenset({"id", "management"})


def _compare_groups(
    base: Dataset,
    head: Dataset,
    new_files: dict[str, SourceFile],
    records: dict[tuple[str, str], RecordChanges],
) -> None:
    old, new = _keyed(base.groups), _keyed(head.groups)
    for key, group in old.items():
        if key not in new and not _unreadable_now(new_files, group.file):
            _entry(records, "group", key, group).add("group-removed", "group removed", REMOVED)
    for key, group in new.items():
        if key not in old:
            what = f"new {group.kind or 'group'}" + (
                f" under {group.parent}" if group.parent else ""
            )
            _entry(records, "group", key, group).add("group-added", what, ADDED)
    for key in (k for k in new if k in old):
        found = _seat_changes(old[key].management, new[key].management)
        if old[key].file != new[key].file:
            found.append(
                ("file-moved", f"file moved from {old[key].file} to {new[key].file}", DETAIL)
            )
        old_data, new_data = to_data(old[key]), to_data(new[key])
        for name in _field_names(Group):
            if name not in _GROUP_SPECIAL:
                found += _value_changes(name, old_data.get(name), new_data.get(name))
        if found:
            entry = _entry(records, "group", key, new[key])
            for type_, text, rank in found:
                entry.add(type_, text, rank)


# ---------------------------------------------------------------------------
# Topics of the technology watch


def _compare_topics(
    base: Dataset,
    head: Dataset,
    new_files: dict[str, SourceFile],
    records: dict[tuple[str, str], RecordChanges],
) -> None:
    old, new = _keyed(base.topics), _keyed(head.topics)
    for key, topic in old.items():
        if key not in new and not _unreadable_now(new_files, topic.file):
            text = f"topic removed (was {topic.status or 'no status'}: {topic.title})"
            _entry(records, "topic", key, topic).add("topic-removed", text, REMOVED)
    for key, topic in new.items():
        if key not in old:
            _entry(records, "topic", key, topic).add("topic-added", _topic_summary(topic), ADDED)
    for key in (k for k in new if k in old):
        was, now = old[key], new[key]
        if was == now:
            continue
        found = []
        if was.file != now.file:
            found.append(("file-moved", f"file moved from {was.file} to {now.file}", DETAIL))
        if was.status != now.status:
            found.append(("status", f"status: {was.status} → {now.status}", LIFECYCLE))
        old_data, new_data = to_data(was), to_data(now)
        for name in _field_names(Topic):
            if name not in ("id", "status"):
                found += _value_changes(name, old_data.get(name), new_data.get(name))
        entry = _entry(records, "topic", key, now)
        for type_, text, rank in found:
            entry.add(type_, text, rank)


def _topic_summary(topic: Topic) -> str:
    parts = [f"new topic, {topic.status or 'no status'}"]
    if topic.themes:
        parts.append("themes " + ", ".join(topic.themes))
    if topic.raised is not None:
        parts.append(f"raised by {topic.raised.by} on {topic.raised.date}")
    return ", ".join(parts)


# ---------------------------------------------------------------------------
# Seats


def _seat_label(seat: Seat) -> str:
    if seat.role == "vice-chairman" and seat.region:
        return f"vice-chairman for {seat.region}"
    return seat.role or "seat"


def _holder_label(seat: Seat) -> str:
    return f"{seat.name} ({seat.country})" if seat.country else str(seat.name)


def _seat_key(seat: Seat) -> tuple[Any, ...]:
    return (seat.role, seat.name, seat.term.start if seat.term else None)


def _same_seat(a: Seat, b: Seat) -> bool:
    return a.role == b.role and (a.role != "vice-chairman" or a.region == b.region)


def _seat_changes(old: list[Seat], new: list[Seat]) -> list[tuple[str, str, int]]:
    before = {_seat_key(s): s for s in old}
    after = {_seat_key(s): s for s in new}
    found: list[tuple[str, str, int]] = []
    handed_over: set[tuple[Any, ...]] = set()
    for key, seat in after.items():
        if key in before:
            continue
        start = seat.term.start if seat.term else None
        if start is None:
            found.append(
                ("seat", f"{_seat_label(seat)}: {_holder_label(seat)} (no term start)", LIFECYCLE)
            )
            continue
        eve = start - timedelta(days=1)
        predecessor = next(
            (s for s in new if s is not seat and _same_seat(s, seat) and s.holds_on(eve)), None
        )
        if predecessor is not None:
            handed_over.add(_seat_key(predecessor))
            text = f"{_holder_label(predecessor)} → {_holder_label(seat)} from {start}"
        else:
            text = f"{_holder_label(seat)} from {start}"
        found.append(("seat", f"{_seat_label(seat)}: {text}", LIFECYCLE))
    for key, seat in before.items():
        if key not in after:
            term = f" (term from {seat.term.start})" if seat.term else ""
            found.append(
                (
                    "seat-removed",
                    f"{_seat_label(seat)}: {_holder_label(seat)} removed{term}",
                    LIFECYCLE,
                )
            )
    for key in (k for k in before if k in after):
        was, now = before[key], after[key]
        old_end = was.term.end if was.term else None
        new_end = now.term.end if now.term else None
        label = f"{_seat_label(now)}: {_holder_label(now)}"
        if old_end != new_end and key not in handed_over:
            if new_end is None:
                found.append(
                    ("seat-term", f"{label} back in office (term end {old_end} removed)", LIFECYCLE)
                )
            else:
                found.append(("seat-term", f"{label} leaves on {new_end}", LIFECYCLE))
        old_rest = {k: v for k, v in to_data(was).items() if k != "term"}
        new_rest = {k: v for k, v in to_data(now).items() if k != "term"}
        if old_rest != new_rest:
            found.append(
                ("seat-changed", f"{label}: {_changed_keys(old_rest, new_rest)} changed", DETAIL)
            )
    return found


# ---------------------------------------------------------------------------
# Files that no longer read (or read again)


def _unreadable_now(files: dict[str, SourceFile], file: str) -> bool:
    source = files.get(file)
    return source is not None and source.record is None and source.kind != "stray"


def _unreadable(
    base: Dataset, head: Dataset, records: dict[tuple[str, str], RecordChanges]
) -> None:
    readable_before = {s.rel for s in base.files if s.record is not None}
    readable_now = {s.rel for s in head.files if s.record is not None}
    for source in head.files:
        if source.record is None and source.kind != "stray" and source.rel in readable_before:
            # the last problem is the one that stopped the reading (a duplicate key before
            # a syntax error is not why the file no longer reads)
            rule = source.problems[-1][0] if source.problems else "unreadable"
            entry = records.setdefault(
                ("file", source.rel), RecordChanges("file", source.rel, source.rel)
            )
            entry.add("unreadable", f"can no longer be read as a record ({rule})", REMOVED)
    for source in base.files:
        if source.record is None and source.kind != "stray" and source.rel in readable_now:
            entry = records.setdefault(
                ("file", source.rel), RecordChanges("file", source.rel, source.rel)
            )
            entry.add("readable", "reads as a record again", DETAIL)


# ---------------------------------------------------------------------------
# Generic values


def _field_names(kind: type) -> list[str]:
    from dataclasses import fields

    return [f.name for f in fields(kind) if f.name not in PLACE_FIELDS]


def _value_changes(label: str, old: Any, new: Any) -> list[tuple[str, str, int]]:
    """One line per changed value: scalars old → new, lists of words by item, mappings by key."""
    if old == new:
        return []
    if old is None and isinstance(new, list):
        old = []  # an empty list is not written: items added to none are items added
    if new is None and isinstance(old, list):
        new = []
    if old is None:
        return [(f"{label}-added", f"{label} added: {_said(new)}", DETAIL)]
    if new is None:
        return [(f"{label}-removed", f"{label} removed (was {_said(old)})", DETAIL)]
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in list(old) + [k for k in new if k not in old]:
            found += _value_changes(f"{label}.{key}", old.get(key), new.get(key))
        return found
    if isinstance(old, list) and isinstance(new, list) and _words(old) and _words(new):
        parts = []
        added = [x for x in new if x not in old]
        gone = [x for x in old if x not in new]
        if added:
            parts.append("added " + ", ".join(map(str, added)))
        if gone:
            parts.append("removed " + ", ".join(map(str, gone)))
        return [(label, f"{label}: {'; '.join(parts) or 'reordered'}", DETAIL)]
    if isinstance(old, list) and isinstance(new, list):
        return _entries_changes(label, old, new)
    return [(label, f"{label}: {_said(old)} → {_said(new)}", DETAIL)]


def _entries_changes(label: str, old: list[Any], new: list[Any]) -> list[tuple[str, str, int]]:
    """Lists of mappings, by the key that names an entry (id, name or year) if they all have one."""
    identity = next(
        (
            k
            for k in ("id", "name", "year")
            if all(isinstance(x, dict) and k in x for x in old + new)
        ),
        None,
    )
    if identity is None:
        return [(label, f"{label} changed ({len(old)} → {len(new)} entries)", DETAIL)]
    before = {x[identity]: x for x in old}
    after = {x[identity]: x for x in new}
    found = []
    for key, item in after.items():
        if key not in before:
            found.append((f"{label}-added", f"{label}: added {_said(item)}", DETAIL))
        elif before[key] != item:
            changed = _changed_keys(before[key], item)
            found.append((label, f"{label}: {key}: {changed} changed", DETAIL))
    for key, item in before.items():
        if key not in after:
            found.append((f"{label}-removed", f"{label}: removed {_said(item)}", DETAIL))
    return found or [(label, f"{label}: reordered", DETAIL)]


def _words(values: list[Any]) -> bool:
    return all(isinstance(v, str | int | float) for v in values)


def _said(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_said(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "[" + ", ".join(_said(v) for v in value) + "]"
    return str(value)
