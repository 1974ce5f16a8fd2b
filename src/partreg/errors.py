"""One exception family for mistakes a user can fix.

The CLI catches :class:`PartregError` in one place, prints its message as one
line and exits with its ``exit_code``. Anything else is a bug in partreg and
keeps its traceback.
"""

from __future__ import annotations


class PartregError(Exception):
    """A mistake the user can fix; the message says how."""

    exit_code = 1


class UsageError(PartregError):
    """The command was used wrongly, or a path it was given does not exist."""

    exit_code = 2


class RegisterNotFound(UsageError):
    """No ``partreg.yaml`` was found where the register was looked for."""


class WriteRefused(PartregError):
    """A write would have replaced a file partreg did not mean to replace."""


class CannotWrite(PartregError):
    """A file or folder could not be written: no permission, no such folder, or the disk is full."""


class Stopped(PartregError):
    """The officer stopped a prompt (Ctrl-C or Ctrl-D), or cancelled: nothing was written."""

    exit_code = 130

    def __init__(self, message: str = "Nothing was written.") -> None:
        super().__init__(message)
