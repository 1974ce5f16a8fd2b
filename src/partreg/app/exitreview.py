"""What ``partreg review`` refuses of a review's dates, in words (a day to come, one before the
arrangement began, an exit's end the file does not allow), and what it makes of an exit a review
recorded already: a sheet's "Exit", imported, whose end and status are still to write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from partreg.models import Arrangement, PartialDate, ReviewRecord, Status
from partreg.review import exit_decided, newest_decided


def open_exit(entry: Arrangement) -> ReviewRecord | None:
    """The review that decided the exit of ``entry``, where the file does not yet say it has ended
    with its end (an imported "Exit"): an exit given for that review's day records what is left of
    the end and the status; given without a day, it is that review's."""
    decided = exit_decided(entry)
    return decided if decided is not None and not _closed(entry) else None


def _closed(entry: Arrangement) -> bool:
    """The file says it has ended, and when: nothing of an exit is left to record."""
    return entry.status is Status.ENDED and entry.end is not None


def another_exit(entry: Arrangement, dated: bool, where: Callable[[int], str]) -> str | None:
    """Why an exit review that is not the one recorded is refused, where ``entry``'s latest review
    decided its exit already: it has ended, with its end, so nothing is left to record; or that exit
    has no date, and none was given (``dated``), so it would be recorded a second time, dated today.
    (``where`` says where a review of the history is.) ``None`` where it is not refused: a later exit
    review may record an end the first did not know."""
    decided = exit_decided(entry)
    closed = _closed(entry)
    if decided is None or not (closed or (decided.date is None and not dated)):
        return None
    history = entry.review.history if entry.review else []
    at = where(next(i for i, r in enumerate(history) if r is decided))
    if closed:
        assert entry.end is not None
        return f"its exit is recorded already, {at}, and it ended {entry.end.when()}: nothing was written"
    return (
        f"its exit is recorded already, {at}, with no date: write that review's date there, then record "
        f"its end with `partreg review {entry.id} --date YYYY-MM-DD --outcome exit --end YYYY-MM-DD`; "
        "nothing was written"
    )


def closes(entry: Arrangement, end: PartialDate | None, today: dt.date) -> bool:
    """Whether an exit with ``end`` (``None``: the end is still to be asked, and the one the file
    records is offered), given for the day of an exit review the file records already, completes it:
    the file records no end yet, or records this one, with the status still to write now that it
    has passed. (Another end than the one recorded is refused: the file is edited by hand to change it.)"""
    if entry.end is None:
        return True
    end = end or entry.end
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


def recorded_end(entry: Arrangement, today: dt.date) -> tuple[PartialDate | None, str]:
    """The end an exit takes where none is given and no one is there to ask (a terminal offers it):
    the end the file records, where it allows it; otherwise ``None``, and why not, in words."""
    if entry.end is None:
        return None, "the file records no end"
    refused = end_refused(entry.end, entry, today)
    if refused is None:
        return entry.end, ""
    return None, f"the end the file records, {entry.end}, {refused.partition(':')[0]}"


def goes_on_refused(entry: Arrangement, outcome: str | None, held: PartialDate) -> str | None:
    """Why a review that does not end ``entry`` is refused: the file records it as ended, and the
    review was held after that end, so it would say that it went on (lint's ``status-contradicted``
    would report the two). ``None`` where it is not refused: an exit, or a review held before the
    end, recorded late."""
    end = entry.end
    if entry.status is not Status.ENDED or outcome == "exit" or end is None or not end.latest < held.earliest:
        return None
    return (
        f"is after its end: {entry.id} is recorded as ended {end.when()}, and a review after that end "
        f"that does not end it says it went on; if it is running again, write status: active and its new "
        "end: in its file first; nothing was written"
    )
