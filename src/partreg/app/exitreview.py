"""What ``partreg review`` refuses of a review's dates, in words (a day to come, one before the
arrangement began, an exit's end the file does not allow), and what it makes of an exit a review
recorded already: a sheet's "Exit", imported, whose end and status are still to write.
"""

from __future__ import annotations

import datetime as dt

from partreg.models import Arrangement, PartialDate, ReviewRecord, Status
from partreg.review import exit_decided, newest_decided


def open_exit(entry: Arrangement) -> ReviewRecord | None:
    """The review that decided the exit of ``entry``, where the file does not yet record its end
    (an imported "Exit"): an exit given again for that review's day records the end and status."""
    decided = exit_decided(entry)
    return decided if decided is not None and entry.end is None else None


def closes(entry: Arrangement, end: PartialDate, today: dt.date) -> bool:
    """Whether an exit with ``end``, given for the day of an exit review the file records already,
    completes it: the file records no end yet, or records this one, with the status still to write
    now that it has passed. (Another end than the one recorded is refused: the file is edited by
    hand to change it.)"""
    if entry.end is None:
        return True
    return entry.end == end and entry.status is not Status.ENDED and end.latest < today


def held_refused(held: PartialDate, today: dt.date, entry: Arrangement | None) -> str | None:
    """Why a review cannot have been held on ``held`` (in the future, or before ``entry`` started),
    in words; ``None`` where it can."""
    if held.earliest > today:
        return "is in the future: record a review once it has been held"
    start = entry.start if entry is not None else None
    if start is not None and held.latest < start.earliest:
        return f"is before the arrangement started ({start})"
    return None


def end_refused(end: PartialDate, entry: Arrangement, today: dt.date) -> str | None:
    """Why an exit's end is not one the file allows, in words; ``None`` where it is. The file says the
    arrangement was still running after an end before its start, or before the latest review that
    did not end it (an exit review may be held after the end it records); or its status says it
    has ended, and the end is still to come."""
    if entry.status is Status.ENDED and end.latest >= today:
        return f"is still to come, and its status is ended: give the day it ended, before {today}"
    start = entry.start
    if start is not None and end.latest < start.earliest:
        return f"is before the arrangement started ({start}): give the day it ended, on or after {start}"
    running = newest_decided(r for r in (entry.review.history if entry.review else []) if r.outcome != "exit")
    held = running.date if running is not None else None
    if running is not None and held is not None and end.latest < held.earliest:
        outcome = f" ({running.outcome})" if running.outcome else ""
        return (
            f"is before its latest review, of {held}{outcome}, when it was still running: give the day it "
            f"ended, on or after {held}"
        )
    return None
