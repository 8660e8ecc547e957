"""What "today" is: --today, else WSG_TODAY, else the calendar (so CI runs are reproducible)."""

from __future__ import annotations

import os
import re
from datetime import date

from wsg.errors import WsgError

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: str, what: str = "date") -> date:
    """``YYYY-MM-DD`` and nothing else (not ``20260601``, not a week date, not empty)."""
    if not text.strip():
        raise WsgError(f"{what} is empty; write a date as YYYY-MM-DD")
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError as error:
        raise WsgError(f"{what} {text!r} is not a date: {error}; write YYYY-MM-DD") from None
    raise WsgError(f"{what} {text!r} is not a date; write YYYY-MM-DD")


def resolve_today(value: str | None) -> date:
    """``--today`` when given (an empty one is a mistake, not "unset"), else ``WSG_TODAY``
    when set and not empty, else the calendar's date."""
    if value is not None:
        return parse_date(value, "--today")
    from_env = os.environ.get("WSG_TODAY")
    if from_env:
        return parse_date(from_env, "WSG_TODAY")
    return date.today()
