"""Shell completion of ids: event ids for ``show`` and ``render agenda``, group ids, rule ids.

A completion runs at every press of the tab key, so it reads file names only (an
event's file is named by its id), never a file's content, and it never fails: no
dataset, no completions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

MAX_COMPLETIONS = 200


def complete_event_ids(ctx: Any, incomplete: str) -> list[str]:
    """The event ids that start with ``incomplete``, newest first."""
    return _matching(_ids(ctx, "events"), incomplete, newest_first=True)


def complete_record_ids(ctx: Any, incomplete: str) -> list[str]:
    """Event, group and topic ids that start with ``incomplete``: groups, events, topics."""
    groups = _matching(_ids(ctx, "groups"), incomplete)
    events = _matching(_ids(ctx, "events"), incomplete, newest_first=True)
    return groups + events + _matching(_ids(ctx, "topics"), incomplete)


def complete_rule_ids(incomplete: str) -> list[str]:
    from wsg.rules import RULES

    return sorted(rule for rule in RULES if rule.startswith(incomplete))


def _matching(ids: list[str], incomplete: str, newest_first: bool = False) -> list[str]:
    from wsg.natsort import natural_key

    found = sorted({i for i in ids if i.startswith(incomplete)}, key=natural_key)
    if newest_first:
        found.reverse()
    return found[:MAX_COMPLETIONS]


def _ids(ctx: Any, folder: str) -> list[str]:
    """The stems of the ``.yaml`` files under the dataset's ``folder`` (two levels deep)."""
    data_dir = _data_dir(ctx)
    if data_dir is None:
        return []
    ids = []
    for top, folders, files in os.walk(data_dir / folder):
        depth = Path(top).relative_to(data_dir).parts
        if len(depth) >= 2:
            folders.clear()
        ids += [name[: -len(".yaml")] for name in files if name.endswith(".yaml")]
    return ids


def _data_dir(ctx: Any) -> Path | None:
    from wsg.dataset import find_data_dir
    from wsg.errors import WsgError

    params = getattr(ctx, "params", None) or {}
    try:
        return find_data_dir(params.get("data"))
    except WsgError:
        return None
