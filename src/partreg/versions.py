"""A version of an arrangement's file as git kept it: what ``history`` reads from git and
``changes`` compares, so that the comparing needs no git."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: A version of the file that lint could not read (not UTF-8, not YAML, not a mapping, too large).
UNREADABLE = object()


@dataclass(frozen=True)
class Revision:
    """One commit's change to one arrangement file of a folder: its versions before and after.

    A version is ``None`` where there was no file, :data:`UNREADABLE` where lint could not read
    it, else the file's data. ``old_blob`` and ``new_blob`` name the versions (git's blob ids, ``None``
    where there was no file): the same id is the same version.
    """

    id: str  # the file's name without .yaml: the arrangement's id
    commit: str  # the full commit id
    date: str  # the commit's date, ISO 8601 with its offset from UTC (``%cI``)
    old: Any
    new: Any
    old_blob: str | None
    new_blob: str | None
