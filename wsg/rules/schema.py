"""Schema rules: each key's presence, type and value, as FORMAT.md defines them.

The value kinds of ``wsg.kinds`` report these while converting a file; this
module holds their documentation.
"""

from __future__ import annotations

from wsg.rules import declare

SECTION = "Schema"

declare(
    "missing-field",
    "error",
    SECTION,
    """A required key is absent (or has no value).

    Reported at the mapping that lacks it (for a nested record, at its key).
    Conditional requirements (a venue unless virtual) are checked too.

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

    Failing ``data/events/2026/demo.yaml`` (line 1, column 1)::

        id: demo
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
    """,
)

declare(
    "unknown-field",
    "error",
    SECTION,
    """A key that the format does not define.

    The message names the closest known key. ``themes``, ``policy`` and
    ``budget`` lists are allowed only in ``data/groups/wsg.yaml``.

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

    Failing ``data/events/2026/demo.yaml`` (line 11, column 1)::

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
        note: Bring your passport
    """,
)

declare(
    "wrong-type",
    "error",
    SECTION,
    """A value of the wrong type: a list where a mapping is expected, a string where a number is.

    Numbers and booleans where text belongs must be quoted; counts are
    plain whole numbers, not quoted strings.

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
        organizers: sg16
        themes: [ai]
    """,
)

declare(
    "bad-value",
    "error",
    SECTION,
    """A value outside its enumeration.

    The message lists the allowed values and the closest one.

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

    Failing ``data/events/2026/demo.yaml`` (line 3, column 7)::

        id: demo
        title: Workshop on AI
        kind: workshp
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
    """,
)

declare(
    "bad-id",
    "error",
    SECTION,
    """An id that is not a slug.

    Ids are lowercase letters, digits and single hyphens, at most 80
    characters: ``^[a-z0-9]+(-[a-z0-9]+)*$``.

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

    Failing ``data/events/2026/demo.yaml`` (line 9, column 14)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Zurich
        format: virtual
        organizers: [SG 16]
        themes: [ai]
    """,
)

declare(
    "bad-date",
    "error",
    SECTION,
    """Not a real ISO date (``2026-02-30``, ``10/03/2026``).

    Dates are written ``YYYY-MM-DD``.

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

    Failing ``data/events/2026/demo.yaml`` (line 6, column 6)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-31
        timezone: Europe/Zurich
        format: virtual
        organizers: [sg16]
        themes: [ai]
    """,
)

declare(
    "bad-time",
    "error",
    SECTION,
    """Not ``HH:MM`` 24 h.

    Local times are written ``"HH:MM"`` from 00:00 to 23:59; ``9.30`` and
    ``24:00`` are not times.

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "09:30", end: "10:00", title: Opening}

    Failing ``data/events/2026/demo.yaml`` (line 14, column 17)::

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
        programme:
          - date: 2026-09-10
            sessions:
              - {start: "9.30", end: "10:00", title: Opening}
    """,
)

declare(
    "bad-timezone",
    "error",
    SECTION,
    """Not an IANA zone name.

    Abbreviations such as ``CET`` or offsets such as ``GMT+2`` are not zones:
    name the place, e.g. ``Europe/Zurich``.

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

    Failing ``data/events/2026/demo.yaml`` (line 7, column 11)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: GMT+2
        format: virtual
        organizers: [sg16]
        themes: [ai]
    """,
)

declare(
    "bad-country",
    "error",
    SECTION,
    """Not an ISO 3166-1 alpha-2 code.

    Codes are two upper-case letters: ``NO`` is Norway and ``NA`` Namibia,
    never booleans or nulls.

    Passing ``data/events/2026/demo.yaml``::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Oslo
        format: in-person
        venue: {city: Oslo, country: NO}
        organizers: [sg16]
        themes: [ai]

    Failing ``data/events/2026/demo.yaml`` (line 9, column 30)::

        id: demo
        title: Workshop on AI
        kind: workshop
        status: proposed
        start: 2026-09-10
        end: 2026-09-11
        timezone: Europe/Oslo
        format: in-person
        venue: {city: Oslo, country: Norway}
        organizers: [sg16]
        themes: [ai]
    """,
)

declare(
    "bad-language",
    "error",
    SECTION,
    """Not an ISO 639-1 code.

    Languages are two lower-case letters, e.g. ``en``, ``fr``, ``ar``.

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
        languages: [en, fr]

    Failing ``data/events/2026/demo.yaml`` (line 11, column 17)::

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
        languages: [en, french]
    """,
)

declare(
    "bad-url",
    "error",
    SECTION,
    """Not an absolute ``https://`` or ``http://`` URL.

    ``javascript:`` links, relative paths and ``www.`` without a scheme are
    rejected: they would be broken or unsafe on the published site.

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
        announcement: {date: 2026-06-01, url: https://www.itu.int/go/demo}

    Failing ``data/events/2026/demo.yaml`` (line 11, column 39)::

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
        announcement: {date: 2026-06-01, url: javascript:alert(1)}
    """,
)

declare(
    "insecure-url",
    "warning",
    SECTION,
    """An ``http://`` URL.

    Prefer ``https://``; the message shows the secure address.

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
        announcement: {date: 2026-06-01, url: https://www.itu.int/go/demo}

    Failing ``data/events/2026/demo.yaml`` (line 11, column 39)::

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
        announcement: {date: 2026-06-01, url: http://www.itu.int/go/demo}
    """,
)

declare(
    "bad-number",
    "error",
    SECTION,
    """A negative count or amount.

    Counts (participants, fellowships) and amounts (fees, budgets) are 0 or
    more.

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
        fee: 0

    Failing ``data/events/2026/demo.yaml`` (line 11, column 6)::

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
        fee: -50
    """,
)
