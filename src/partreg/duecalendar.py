"""review-due's calendar (RFC 5545, made with the ``icalendar`` library): an all-day event for
each review due or arrangement ending, with what to do in plain words, and the items that are no
event (no day to put them on, or nothing to plan).
"""

from __future__ import annotations

import datetime as dt

from partreg.models import KIND_LABELS, without_unshown
from partreg.review import DueItem, State


def in_calendar(item: DueItem) -> bool:
    """Whether :func:`due_calendar` makes an event of ``item``: not without a day to put it on (no
    review date known), nor with nothing to plan (ended, or its exit decided, and not closed)."""
    return item.date is not None and item.state not in (State.ENDED_NOT_CLOSED, State.EXIT_NOT_CLOSED)


def not_in_calendar(items: list[DueItem]) -> list[DueItem]:
    """The items :func:`due_calendar` leaves out."""
    return [i for i in items if not in_calendar(i)]


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _said(item: DueItem) -> str:
    """When a review fell due, as precisely as what it counts from is known: ``1 December 2026``,
    ``December 2026``, ``2026``, ``July 2017 to June 2018``."""
    assert item.date is not None
    first, last = item.next_known or (None, None)
    if first is None or last is None or (first == last and first.day is not None):
        return _day(item.date)
    return first.display() if first == last else f"{first.display()} to {last.display()}"


def _calendar_description(item: DueItem) -> str:
    """What the event is about and what to do, in plain words, with the exact command to run."""
    e = item.entry
    assert item.date is not None
    kind = KIND_LABELS[e.kind].lower() if e.kind else "its kind is not recorded"
    parts = (e.lead.role, e.lead.member, e.lead.service) if e.lead else ()
    lead = ", ".join(without_unshown(part) for part in parts if part)
    about = f"{without_unshown(e.name)} ({kind}); " + (f"lead: {lead}." if lead else "no lead is recorded.")
    last = (
        f"Last reviewed {item.last_review.when()}."
        if item.last_review
        else ""
        if item.reviews_withheld  # (kept internal: none shown, which is not none held)
        else "No review is recorded yet."
    )
    if item.state is State.ENDING:
        # (an end known only to the month or year is said so: "in 2026", and no day is made up for it)
        day = e.end is None or e.end.day is not None
        when = f"It ends on {_day(item.date)}." if day or e.end is None else f"It ends {e.end.when()}."
        act = (
            "Decide whether it ends or continues, then record the decision (on the day, or add --date "
            "YYYY-MM-DD, the day it was decided):\n"
            f"partreg review {e.id} --outcome exit --end {item.date.isoformat() if day else 'YYYY-MM-DD'}\n"
            f"or: partreg review {e.id} --outcome continue"
        )
    else:
        late = -item.days if item.days is not None and item.days < 0 else 0
        ago = f"{late} day{'s' if late != 1 else ''} ago"
        said = _said(item)
        if said == _day(item.date):
            when = f"The review fell due on {said}, {ago}." if late else f"The review is due on {said}."
        else:  # as precisely as what it counts from is known (a review in December 2025: December 2026)
            when = (
                f"The review fell due in {said} ({ago}, from its first day)."
                if late
                else f"The review falls due in {said}."
            )
        if item.reviewed_after_end and e.end is not None:
            when += (
                f" Its end, {e.end.display()}, has passed, but it was reviewed after it and that review did not "
                "end it: if it was extended, record the new end date."
            )
        act = (
            "Once the review is held, record it (on the day, or add --date YYYY-MM-DD):\n"
            f"partreg review {e.id} --outcome continue\n"
            "(or --outcome amend; or --outcome exit --end YYYY-MM-DD to end it)"
        )
    return f"{' '.join(part for part in (about, when, last) if part)}\n{act}"


def due_calendar(items: list[DueItem], council: str, now: dt.datetime) -> bytes:
    """An RFC 5545 calendar: one all-day event per review due (or arrangement ending).

    Each event's UID is stable for the entry and its date, so importing an
    updated calendar moves nothing that did not change. ``now`` is the
    DTSTAMP (UTC); the caller passes the clock in. An item with no day (no
    review date known) or nothing to plan (ended, or its exit decided, and not closed) is no event:
    :func:`not_in_calendar` names them, for the caller to say so.
    """
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//partreg//Partnership register reviews//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{without_unshown(council)}: partnership reviews")
    for item in filter(in_calendar, items):
        e = item.entry
        assert item.date is not None and item.days is not None  # in_calendar says so
        what = "ending" if item.state is State.ENDING else "review"
        # an overdue review is on the day of the calendar, where it is seen, not on a day long past;
        # its uid keeps the day it fell due, so the next calendar moves the same event forward
        day = item.date - dt.timedelta(days=item.days) if item.state is State.OVERDUE else item.date
        event = Event()
        event.add("uid", f"{what}-{e.id}-{item.date:%Y%m%d}@partreg")
        event.add("dtstamp", now.astimezone(dt.UTC))
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        name = without_unshown(e.name)
        if item.state is State.OVERDUE:
            summary = f"Overdue since {_said(item)}: review of {name}"
        elif item.state is State.DUE:
            summary = f"Review due: {name}"
        else:
            summary = f"Ends: {name}"
        event.add("summary", summary)
        event.add("description", _calendar_description(item))
        event.add("categories", ["Partnership register", *([KIND_LABELS[e.kind]] if e.kind else [])])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
