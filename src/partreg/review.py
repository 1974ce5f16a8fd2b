"""Dates to due items: when each arrangement is next reviewed, and what is overdue, due or ending.

The policy: the register "is reviewed annually and updated accordingly".
Next review = the latest review held (or ``start``, when none is recorded)
plus the interval: the entry's ``review.months``, else the register's
default, shortened where the settings give a shorter interval for the
entry's assurance rating or significance. A date known only to the month
or year counts from its first day, so a review is never shown later than it
could be due. An entry with neither a review nor a start has no review
date: it is listed as such, so that it gets attention. One whose latest
review decided its exit is reviewed no more: what is left is to record how
it ended. ``today`` is always a parameter.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from partreg.models import Arrangement, PartialDate, ReviewRecord, ReviewSettings, Status


class State(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    ENDING = "ending"
    #: Its end date has passed, but the file does not say it ended.
    ENDED_NOT_CLOSED = "ended-not-closed"
    #: Its latest review decided its exit, but the file records no end and does not say it ended
    #: (an imported sheet's "Exit", the status left as it was): no review is due after that.
    EXIT_NOT_CLOSED = "exit-not-closed"
    #: Neither a review nor a start is recorded: nothing to schedule from.
    NO_DATE = "no-review-date"


#: How each state reads in a listing, most urgent first.
STATE_LABELS = {
    State.OVERDUE: "overdue",
    State.ENDED_NOT_CLOSED: "ended, not closed",
    State.EXIT_NOT_CLOSED: "exit decided, not closed",
    State.NO_DATE: "no review date known",
    State.DUE: "due",
    State.ENDING: "ending",
}


@dataclass(frozen=True)
class DueItem:
    """One thing to act on: a review overdue or due soon, an arrangement ending soon or ended
    but not closed, or one with no review date known."""

    entry: Arrangement
    state: State
    #: The review date; the end, for ENDING and ENDED_NOT_CLOSED; the review that decided the exit, for
    #: EXIT_NOT_CLOSED (``None`` where it has no date).
    date: dt.date | None
    last_review: PartialDate | None
    next_review: dt.date | None
    days: int | None  # from the as-of date to ``date``; negative when past
    #: Its end has passed, but its latest review was held after it and did not end it: it went on
    #: (extended, or ended later than recorded), so its reviews are still due.
    reviewed_after_end: bool = False
    #: The settings keep reviews internal: no last review is shown, which is not to say there is none.
    reviews_withheld: bool = False
    #: ``next_review`` as precisely as what it counts from is known (:func:`next_review_as_known`):
    #: ``2026-12`` from a review in December 2025, where ``next_review`` is its first day.
    next_known: tuple[PartialDate, PartialDate] | None = None

    def as_dict(self) -> dict[str, Any]:
        e = self.entry
        lead = e.lead
        return {
            "id": e.id,
            "title": e.title,
            "kind": e.kind.value if e.kind else None,
            "lead": {
                "role": lead.role if lead else None,
                "member": lead.member if lead else None,
                "service": lead.service if lead else None,
            },
            "last_review": self.last_review.iso if self.last_review else None,
            "next_review": known_iso(self.next_known)
            if self.next_known
            else self.next_review.isoformat()
            if self.next_review
            else None,
            "end": e.end.iso if e.end else None,
            "state": self.state.value,
            "days": self.days,
            # (said only with the end it is about: where the settings keep the end internal, not at all)
            "reviewed_after_end": self.reviewed_after_end and e.end is not None,
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; a day past the month's end becomes its last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if day.day <= 28:  # every month has the day (most days: the month's length is not looked up)
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interval(entry: Arrangement, settings: ReviewSettings) -> int:
    """Months between reviews for ``entry``: its own, or the default; shortened by rating or significance."""
    months = entry.review.months if entry.review and entry.review.months else settings.default_months
    if entry.rating and entry.rating in settings.months_by_rating:
        months = min(months, settings.months_by_rating[entry.rating])
    level = entry.significance.level if entry.significance else None  # as the entry records it
    if level and level in settings.months_by_significance:
        months = min(months, settings.months_by_significance[level])
    return months


def last_review(entry: Arrangement) -> PartialDate | None:
    """The latest review recorded (by the earliest day each could have been held; the first
    listed, of those on one day)."""
    latest: PartialDate | None = None
    for record in entry.review.history if entry.review else ():
        held = record.date
        if held is not None and (latest is None or held.earliest > latest.earliest):
            latest = held
    return latest


def first_out_of_order(dates: Sequence[PartialDate]) -> tuple[int, int] | None:
    """The first date that is wholly before one listed above it, and the latest-starting date above
    it (their places in ``dates``); ``None`` where the dates are in order, oldest first (a date known
    only to the month or year is in order beside any day within it)."""
    top = 0
    for j in range(1, len(dates)):
        if dates[j].latest < dates[top].earliest:
            return j, top
        if dates[j].earliest > dates[top].earliest:
            top = j
    return None


def place_in_history(dates: Sequence[PartialDate | None], held: PartialDate) -> int:
    """Where a review held on ``held`` goes among reviews dated ``dates`` (``None`` for one whose date
    is not a date), so that a history listed oldest first stays so: before the first review wholly
    after it, else at the end. A history in no order to keep (``review-history-out-of-order``
    reports it) is added to at the end."""
    known = [d for d in dates if d is not None]
    if first_out_of_order(known) is not None:
        return len(dates)
    return next((i for i, d in enumerate(dates) if d is not None and d.earliest > held.latest), len(dates))


def newest_review(records: Iterable[ReviewRecord]) -> ReviewRecord | None:
    """The latest-dated review of ``records`` (the last listed, of those on one day; an undated one
    counts as the oldest); ``None`` for none."""
    dated = [(r.date.earliest if r.date else dt.date.min, i, r) for i, r in enumerate(records)]
    return max(dated, key=lambda d: d[:2])[2] if dated else None


def next_review(entry: Arrangement, settings: ReviewSettings) -> dt.date | None:
    """When the next review is due: the last review (or the start) plus the interval.

    A date known only to the month or year counts from its first day, so a
    review is never shown later than it could be due. ``None`` when neither
    a review nor the start is recorded, or when its latest review decided
    its exit (:func:`exit_decided`).
    """
    if exit_decided(entry) is not None:
        return None
    return due_from(last_review(entry) or counted_start(entry), entry, settings)


def counted_start(entry: Arrangement) -> PartialDate | None:
    """The start a first review is counted from: none for one proposed (not begun: its start is a
    plan, and lint's ``status-contradicted`` asks about one that has passed); a review of one
    proposed (a procurement reviewed each year) counts as any other."""
    return None if entry.status is Status.PROPOSED else entry.start


def next_review_as_known(
    entry: Arrangement, settings: ReviewSettings, due: dt.date | None = None
) -> tuple[PartialDate, PartialDate] | None:
    """:func:`next_review`, said as precisely as what it is counted from is known: the first and the
    last it could be (one date where they are one): ``2018`` from a start in 2017 (every 12 months),
    ``April 2017`` from April 2016, a day from a day, ``July 2018`` to ``June 2019`` from 2017 every 18
    months. What the register publishes says no more than the council recorded: "1 January 2018"
    from a start of "2017" is a day no one chose. (``review-due`` counts it overdue from its first day;
    the page, once the whole of it has passed: ``columns.next_review_cell``.)"""
    due = due or next_review(entry, settings)  # (``due``: :func:`next_review`, where worked out already)
    base = last_review(entry) or counted_start(entry)
    if due is None or base is None:
        return None
    if base.day is not None:
        first = PartialDate(due.year, due.month, due.day)
    elif base.month is not None or due.month != 1:
        first = PartialDate(due.year, due.month)
    else:  # a year, and whole years on
        first = PartialDate(due.year)
    if base.month is None and due.month != 1:  # a year, and not whole years on: the months it spans
        last = add_months(base.latest, interval(entry, settings))
        return first, PartialDate(last.year, last.month)
    return first, first


def known_iso(known: tuple[PartialDate, PartialDate]) -> str:
    """:func:`next_review_as_known` as open data writes it: ``2018``, ``2017-04``, or the months it
    spans as an ISO 8601 interval, ``2018-07/2019-06``."""
    first, last = known
    return first.iso if first == last else f"{first.iso}/{last.iso}"


def due_from(base: PartialDate | None, entry: Arrangement, settings: ReviewSettings) -> dt.date | None:
    """:func:`next_review`, where the last review (or, with none, the start) is known: ``base``."""
    return add_months(base.earliest, interval(entry, settings)) if base else None


def ended_in_fact(entry: Arrangement, today: dt.date) -> bool:
    """Its end date has wholly passed (whatever its status says)."""
    return entry.end is not None and entry.end.latest < today


def newest_decided(records: Iterable[ReviewRecord]) -> ReviewRecord | None:
    """The latest-dated review of ``records`` that records its outcome: one that records none (a
    sheet's "Last reviewed" date, imported) says nothing of what the review found."""
    return newest_review(r for r in records if r.outcome is not None)


def exit_decided(entry: Arrangement) -> ReviewRecord | None:
    """Its latest review that records an outcome, where that outcome was its exit: no review is due
    after it (what is left is to record the end, and ``status: ended``); else ``None``. A review that
    decided the exit is usually recorded with both (``partreg review --outcome exit`` writes them), but
    a sheet's "Exit", imported, leaves the status as the sheet gave it."""
    history = entry.review.history if entry.review else ()
    if not any(r.outcome == "exit" for r in history):  # (most entries: no exit was ever decided)
        return None
    latest = newest_decided(history)
    return latest if latest is not None and latest.outcome == "exit" else None


def went_on_after_end(entry: Arrangement) -> bool:
    """Its latest review that records an outcome was held after its end (wholly after it) and did
    not record an exit: the file says it went on past that end, extended or ended later than
    recorded."""
    latest = newest_decided(entry.review.history if entry.review else [])
    held = latest.date if latest is not None else None
    return (
        entry.end is not None
        and latest is not None
        and held is not None
        and latest.outcome != "exit"
        and entry.end.latest < held.earliest
    )


def is_over(entry: Arrangement, today: dt.date) -> bool:
    """Ended, or past its end date: never due again."""
    return entry.status is Status.ENDED or ended_in_fact(entry, today)


def went_on(entry: Arrangement, today: dt.date) -> bool:
    """Not recorded as ended, and past its end date, but reviewed after that end by a review that did
    not end it (:func:`went_on_after_end`), or a public copy of one whose reviews are kept internal
    (``Arrangement.went_on_unsaid``): its reviews go on, as ``review-due`` shows them, and ``list`` and
    the published page show it so, not as ended."""
    return (
        entry.status is not Status.ENDED
        and ended_in_fact(entry, today)
        and (entry.went_on_unsaid or went_on_after_end(entry))
    )


def over_in_fact(entry: Arrangement, today: dt.date) -> bool:
    """Ended, or past its end date with no later review that went on: shown as ended, with no next
    review, whatever its status says."""
    return is_over(entry, today) and not went_on(entry, today)


def due(
    entries: Iterable[Arrangement], settings: ReviewSettings, today: dt.date, within: int
) -> list[DueItem]:
    """What is overdue, ended but not closed, without a review date, due within ``within`` days,
    or ending within them; most urgent first."""
    items = [
        # (each next review also as precisely as it is known, from the whole entry: reviews may be
        # kept out of what is shown)
        replace(item, next_known=next_review_as_known(item.entry, settings, item.next_review))
        if item.next_review
        else item
        for entry in entries
        for item in _items(entry, settings, today, within)
    ]
    order = list(STATE_LABELS)
    return sorted(items, key=lambda i: (order.index(i.state), i.date or dt.date.min, i.entry.id))


def _items(entry: Arrangement, settings: ReviewSettings, today: dt.date, within: int) -> Iterator[DueItem]:
    if entry.status is Status.ENDED:
        return
    last = last_review(entry)
    upcoming = due_from(last or counted_start(entry), entry, settings)
    horizon = today + dt.timedelta(days=within)
    if entry.end is not None and ended_in_fact(entry, today):
        end = entry.end.latest
        if not went_on_after_end(entry):
            yield DueItem(entry, State.ENDED_NOT_CLOSED, end, last, None, (end - today).days)
            return
        # reviewed after its end, and not ended then: its reviews are due as if it were running, and
        # the end that has passed is said with it; where no review is due yet, as ended, not closed
        # (whatever the window: the end recorded needs an officer)
        assert upcoming is not None  # (a review is recorded)
        if upcoming <= horizon:
            state = State.OVERDUE if upcoming < today else State.DUE
            yield DueItem(
                entry, state, upcoming, last, upcoming, (upcoming - today).days, reviewed_after_end=True
            )
        else:
            yield DueItem(
                entry,
                State.ENDED_NOT_CLOSED,
                end,
                last,
                upcoming,
                (end - today).days,
                reviewed_after_end=True,
            )
        return
    decided = exit_decided(entry)
    if decided is not None:
        upcoming = None  # nothing is reviewed after its exit is decided
        if entry.end is None:  # ... but the file does not say when it ends, or that it has
            held = decided.date.earliest if decided.date else None
            days = (held - today).days if held else None
            yield DueItem(entry, State.EXIT_NOT_CLOSED, held, last, None, days)
            return
    elif upcoming is None:
        if entry.status is not Status.PROPOSED:  # (one proposed, with no start, has not begun)
            yield DueItem(entry, State.NO_DATE, None, None, None, None)
    elif upcoming < today:
        yield DueItem(entry, State.OVERDUE, upcoming, last, upcoming, (upcoming - today).days)
    elif upcoming <= horizon:
        yield DueItem(entry, State.DUE, upcoming, last, upcoming, (upcoming - today).days)
    if entry.end is not None and entry.end.earliest <= horizon:
        # a month or year that has begun ends by its last day: said as that (`end: 2026`, on 7 December
        # 2026, ends by 31 December, not "today")
        ends = entry.end.earliest if entry.end.earliest > today else entry.end.latest
        yield DueItem(entry, State.ENDING, ends, last, upcoming, (ends - today).days)
