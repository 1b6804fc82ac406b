"""The errors a person can act on: each prints as one line and carries the exit code."""

from __future__ import annotations


class WorkshopError(Exception):
    """An error a person can act on; str() is one line. Exit code 1."""

    exit_code = 1


class InvalidFileError(WorkshopError):
    """A file that is not valid TOML or not a valid agenda or session. Exit code 2."""

    exit_code = 2


class RuleError(WorkshopError):
    """A change the session's rules do not allow (unknown id, over the vote budget...)."""

    exit_code = 2
