"""A group as a person names it on the command line: its id or its acronym, in any case.

People say "SG17" (the acronym, as ITU writes it) where the data says ``sg17``.
Every command that takes a group (``list --organizer``, ``show``, ``new event
--organizer``, ``new topic --raised-by``, ``new group --parent``) resolves it
here, so the same words work everywhere and are refused with the same message.
What is written to a file is always the id.
"""

from __future__ import annotations

from collections.abc import Mapping

from wsg.errors import WsgError
from wsg.kinds import did_you_mean
from wsg.model import Group
from wsg.natsort import natural_key


def find(name: str, groups: Mapping[str, Group]) -> str | None:
    """The id of the group ``name`` means, or None: its id as written, else its id or its
    acronym in any case. An acronym two groups share names neither (``require`` says so)."""
    if name in groups:
        return name
    matches = _matches(name, groups)
    return matches[0] if len(matches) == 1 else None


def require(name: str, groups: Mapping[str, Group], option: str) -> str:
    """``find``, or a usage error that says why and what would be right."""
    found = find(name, groups)
    if found is not None:
        return found
    matches = _matches(name, groups)
    if len(matches) > 1:
        raise WsgError(
            f"{option} {name!r} is the acronym of {' and '.join(matches)}; name one by its id"
        )
    hint = did_you_mean(name.casefold(), groups)
    raise WsgError(
        f"{option} {name!r} is no group's id or acronym{hint}; `wsg list groups` lists them"
    )


def _matches(name: str, groups: Mapping[str, Group]) -> list[str]:
    folded = name.casefold()
    by_id = [group_id for group_id in groups if group_id.casefold() == folded]
    if by_id:
        return sorted(by_id, key=natural_key)
    by_acronym = [
        group_id
        for group_id, group in groups.items()
        if group.acronym and group.acronym.casefold() == folded
    ]
    return sorted(by_acronym, key=natural_key)
