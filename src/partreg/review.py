"""Dates to due items: when each arrangement is next reviewed, and what is overdue, due or ending.

The policy: the register "is reviewed annually and updated accordingly".
Next review = the latest review held (or ``start``, when none is recorded)
plus the interval: the entry's ``review.months``, else the register's
default, shortened where the settings give a shorter interval for the
entry's assurance rating or significance. ``today`` is always a parameter.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from partreg.models import Arrangement, ReviewSettings, Status


class State(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    ENDING = "ending"


@dataclass(frozen=True)
class DueItem:
    """One thing to act on: a review overdue or due soon, or an arrangement ending soon."""

    entry: Arrangement
    state: State
    date: dt.date  # the review date, or the end date for ENDING
    last_review: dt.date | None
    next_review: dt.date
    days: int  # from the as-of date to ``date``; negative when overdue

    def as_dict(self) -> dict[str, Any]:
        e = self.entry
        return {
            "id": e.id,
            "title": e.title,
            "kind": e.kind.value,
            "lead": {"role": e.lead.role, "service": e.lead.service},
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "next_review": self.next_review.isoformat(),
            "end": e.end.isoformat() if e.end else None,
            "state": self.state.value,
            "days": self.days,
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; a day past the month's end becomes its last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interval(entry: Arrangement, settings: ReviewSettings) -> int:
    """Months between reviews for ``entry``: its own, or the default; shortened by rating or significance."""
    months = entry.review.months if entry.review and entry.review.months else settings.default_months
    if entry.rating and entry.rating in settings.months_by_rating:
        months = min(months, settings.months_by_rating[entry.rating])
    if entry.significance and entry.significance in settings.months_by_significance:
        months = min(months, settings.months_by_significance[entry.significance])
    return months


def last_review(entry: Arrangement) -> dt.date | None:
    history = entry.review.history if entry.review else []
    return max((r.date for r in history), default=None)


def next_review(entry: Arrangement, settings: ReviewSettings) -> dt.date:
    return add_months(last_review(entry) or entry.start, interval(entry, settings))


def is_over(entry: Arrangement, today: dt.date) -> bool:
    """Ended, or past its end date: never due again."""
    return entry.status is Status.ENDED or (entry.end is not None and entry.end < today)


def due(
    entries: Iterable[Arrangement], settings: ReviewSettings, today: dt.date, within: int
) -> list[DueItem]:
    """What is overdue, due within ``within`` days, or ending within them; most urgent first."""
    items = [item for entry in entries for item in _items(entry, settings, today, within)]
    order = {State.OVERDUE: 0, State.DUE: 1, State.ENDING: 2}
    return sorted(items, key=lambda i: (order[i.state], i.date, i.entry.id))


def _items(entry: Arrangement, settings: ReviewSettings, today: dt.date, within: int) -> Iterator[DueItem]:
    if is_over(entry, today):
        return
    horizon = today + dt.timedelta(days=within)
    last, upcoming = last_review(entry), next_review(entry, settings)
    if upcoming < today:
        yield DueItem(entry, State.OVERDUE, upcoming, last, upcoming, (upcoming - today).days)
    elif upcoming <= horizon:
        yield DueItem(entry, State.DUE, upcoming, last, upcoming, (upcoming - today).days)
    if entry.end is not None and today <= entry.end <= horizon:
        yield DueItem(entry, State.ENDING, entry.end, last, upcoming, (entry.end - today).days)
