"""Natural order for ids with numbers in them: sg2, sg3 … sg9, sg11 … sg21, not sg11, sg2.

One small module with no imports of the package, so every printer of groups (the
commands, the site, the reports) can sort the same way.
"""

from __future__ import annotations

import re

_NUMBERS = re.compile(r"([0-9]+)")


def natural_key(text: str | None) -> tuple[tuple[int, str], ...]:
    """A sort key: runs of ASCII digits compare as numbers, the rest as text.

    Each part is ``(number, "")`` or ``(-1, text)``: parts of one key never compare a
    number with text, and ``None`` sorts first, as an empty text.
    """
    parts = _NUMBERS.split(text or "")
    key = tuple((int(part), "") if index % 2 else (-1, part) for index, part in enumerate(parts))
    return (*key, (-1, text or ""))  # "sg02" and "sg2" stay in a stable order
