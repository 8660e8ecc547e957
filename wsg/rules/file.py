"""File rules: what is wrong with a file before its content means anything.

Their severity is fixed: ``policy.severity`` cannot change it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from wsg.model import Event, Loc, Topic
from wsg.rules import Problem, dataset_rule, declare

if TYPE_CHECKING:
    from wsg.dataset import Dataset

SECTION = "File"

declare(
    "yaml-syntax",
    "error",
    SECTION,
    """The file does not parse as YAML.

    Reported where the mistake is, in words: a tab used for indentation, a key
    without its ``:``, a line indented to no key above it (with the keys it
    could belong to), a value holding ``: `` that needs quotes, a quote or
    bracket never closed (at the place it opened), a second document in one
    file. Other errors keep the parser's own words and place.

    Passing ``data/events/2026/demo.yaml``::

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

    Failing ``data/events/2026/demo.yaml`` (line 9, column 13)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16
        themes: [ai]
    """,
)

declare(
    "duplicate-key",
    "error",
    SECTION,
    """A mapping repeats a key.

    YAML parsers silently keep one of the two values; which one you meant is
    not knowable, so the second is reported and ignored.

    Passing ``data/groups/sg16.yaml``::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group

    Failing ``data/groups/sg16.yaml`` (line 4, column 1)::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group
        name: Multimedia
    """,
)

declare(
    "yaml-feature",
    "error",
    SECTION,
    """An anchor, alias, merge key or explicit tag is used.

    Data files are plain: every value written where it applies. Aliases are
    never expanded, so an alias bomb costs nothing.

    Passing ``data/groups/sg16.yaml``::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group

    Failing ``data/groups/sg16.yaml`` (line 2, column 7)::

        id: sg16
        name: !!str Multimedia and related digital technologies
        kind: study-group
    """,
)

declare(
    "nesting-depth",
    "error",
    SECTION,
    """The file nests mappings and lists deeper than 64 levels.

    No record needs more than about ten; the limit keeps hostile files cheap.
    The rest of the file is not read.

    Passing ``data/groups/sg16.yaml``::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group

    Failing ``data/groups/sg16.yaml`` (line 4, column 73)::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group
        acronym: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    """,
)

declare(
    "not-a-mapping",
    "error",
    SECTION,
    """The document is not a mapping (an empty file, a list, a single value).

    Passing ``data/groups/sg16.yaml``::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group

    Failing ``data/groups/sg16.yaml`` (line 1, column 1)::

        - id: sg16
        - name: Multimedia and related digital technologies
    """,
)

declare(
    "file-encoding",
    "error",
    SECTION,
    """The file is not UTF-8 (Latin-1, UTF-16, binary data, a byte-order mark).

    Reported at the first offending byte. A UTF-8 byte-order mark is reported
    and the file is still checked.

    Passing ``data/groups/sg16.yaml``::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group

    Failing ``data/groups/sg16.yaml`` (line 1, column 1)::

        \ufeffid: sg16
        name: Multimedia and related digital technologies
        kind: study-group
    """,
)

declare(
    "file-too-large",
    "error",
    SECTION,
    """The file is larger than 1 MiB.

    It is not read at all: no record is that large, and reading it would slow
    every run. Split the content or remove what does not belong.

    Passing: any record file under 1 MiB, such as ``data/groups/sg16.yaml``::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group

    Failing: a file of 50 MB of generated notes, reported at line 1, column 1.
    """,
)


def _stem(rel: str) -> str:
    # only a file whose name ends in .yaml holds a record (dataset.kind_of)
    return rel.rpartition("/")[2].removesuffix(".yaml")


@dataset_rule("id-mismatch", "error", SECTION)
def id_mismatch(dataset: Dataset) -> Iterator[Problem]:
    """``id`` differs from the file stem.

    The file name is how people and tools find a record; the two must agree.

    Passing ``data/groups/sg16.yaml``::

        id: sg16
        name: Multimedia and related digital technologies
        kind: study-group

    Failing ``data/groups/sg16.yaml`` (line 1, column 5)::

        id: sg-16
        name: Multimedia and related digital technologies
        kind: study-group
    """
    for source in dataset.files:
        record = source.record
        if record is None or record.id is None:
            continue
        stem = _stem(source.rel)
        if record.id != stem:
            yield (
                record.loc("id"),
                f"id {record.id!r} differs from the file name; rename the "
                f"file to {record.id}.yaml or set id: {stem}",
            )


@dataset_rule("wrong-folder", "error", SECTION)
def wrong_folder(dataset: Dataset) -> Iterator[Problem]:
    """A record is not in its folder.

    An event belongs under ``data/events/<year of start>/``, a group in
    ``data/groups/``, a topic in ``data/topics/``; the message names the path,
    from the repository root. A ``.yaml`` file elsewhere (directly in
    ``data/``, a group saved under ``events/``) is recognised by its keys,
    reported here and still read with the others, so that what refers to it
    is not reported too.

    Passing ``data/events/2026/demo.yaml``::

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

    Failing ``data/events/2025/demo.yaml`` (line 5, column 8)::

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

    Failing ``data/events/2026/sg20.yaml`` (line 1, column 1)::

        id: sg20
        name: Smart cities and communities
        kind: study-group
    """
    for source in dataset.files:
        record = source.record
        if record is None:
            continue
        top, _, rest = source.rel.partition("/")  # "<dataset folder>/<path in it>"
        name = rest.rpartition("/")[2]
        at = record.loc()
        if isinstance(record, Event):
            if record.start is None:
                if rest.startswith("events/"):
                    continue  # which year is unknown: missing-field or bad-date says why
                expected = f"events/<year of start>/{name}"
                what = "an event"
            else:
                expected = f"events/{record.start.year}/{name}"
                what = f"an event starting in {record.start.year}"
                at = record.loc("start")
        elif isinstance(record, Topic):
            expected, what = f"topics/{name}", "a topic"
        else:
            expected, what = f"groups/{name}", "a group"
        if rest != expected:
            yield at, f"{what} belongs in {top}/{expected}"


declare(
    "stray-file",
    "warning",
    SECTION,
    """A file in the dataset folder that is not a ``.yaml`` record.

    ``.yml`` files, notes, a ``.yaml`` outside ``events/``, ``groups/`` and
    ``topics/`` whose keys are not those of an event, a group or a topic
    (one that is a record is a ``wrong-folder`` error), symbolic links (never
    followed) and folders named like a record. It is left out of the
    dataset. Names starting with a dot are ignored.

    Passing ``data/events/2026/demo.yaml``::

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

    Failing ``data/events/2026/notes.txt`` (line 1, column 1)::

        remember to ask SG17 about the speakers
    """,
)

__all__ = ["Loc", "id_mismatch", "wrong_folder"]
