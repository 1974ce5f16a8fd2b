DOC = """The status says it has not begun, or has ended, and its dates or reviews say otherwise.

What it checks:
    That an arrangement recorded as `proposed` has no start that has passed
    (the whole of it, for a month or a year); and that one recorded as
    `ended` has no review after its end that went on (any outcome but
    `exit`), nor an end still wholly to come.
Why it matters:
    The page publishes the status beside the dates and the reviews: a
    proposal that "was to start" years ago, or an arrangement "ended March
    2024" that a review continued in 2026. One of the two is out of date,
    and only an officer knows which. So is one "ended" whose end, in 2030,
    is still to come: the page can say only that it ended before its
    recorded end, not when. A sheet's status column is often left
    as it was when the row was added.

    Policy: "The Council has a Partnership Register listing the partnerships that it is currently involved in"
Example:
    ```yaml
    status: proposed
    start: 2018-01-01   # and today is 2026-12-07
    ```
Instead:
    ```yaml
    status: active
    start: 2018-01-01
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Status
from partreg.problems import Context, Hit, Rule, Severity
from partreg.review import newest_decided, went_on_after_end

ID = "status-contradicted"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.today is None:
        return
    start = entry.start
    if entry.status is Status.PROPOSED and start is not None and start.latest < ctx.today:
        yield Hit(
            ("status",),
            f"recorded as proposed, but its start, {start}, has passed: if it has begun, write status: "
            "active; if it has not, correct `start:`, or leave it out until it is known",
            about=(("start",),),
        )
    elif entry.status is Status.ENDED and entry.end is not None and entry.end.earliest > ctx.today:
        yield Hit(
            ("status",),
            f"recorded as ended, but its end, {entry.end}, is still to come (the page says it ended before "
            "its recorded end): if it ended early, write the day it ended as `end:`; if it has not ended, "
            "write status: active",
            about=(("end",),),
        )
    elif entry.status is Status.ENDED and entry.end is not None and went_on_after_end(entry):
        latest = newest_decided(entry.review.history if entry.review else [])
        assert latest is not None and latest.date is not None and latest.outcome is not None
        yield Hit(
            ("status",),
            f"recorded as ended {entry.end.when()}, but its review of {latest.date} ({latest.outcome}), after "
            "that end, went on: if it is still running, write status: active and its new `end:` (or leave "
            "`end:` out); if it ended, that review's outcome is exit",
            about=(("end",), ("review",)),
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
