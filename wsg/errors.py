"""The few exceptions that cross module boundaries; the CLI translates them once."""


class WsgError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""

    exit_code = 2
