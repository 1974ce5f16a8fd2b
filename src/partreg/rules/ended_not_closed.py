DOC = """The arrangement's end date has passed, but it is still recorded as active or proposed.

What it checks:
    That an arrangement whose `end` is past (the whole of it, for a month
    or a year) has `status: ended`.
Why it matters:
    Expired contracts and grants that were never closed are the commonest
    stale entries in published registers. partreg already treats such an
    arrangement as ended (the published page says so, and no review is
    scheduled), but the file still says otherwise until someone records
    what happened: was it ended, renewed or extended?

    Policy: "The Council has a Partnership Register listing the partnerships that it is currently involved in"
Example:
    ```yaml
    status: active
    end: 2023-01-31   # and today is 2025-11-24
    ```
Instead:
    Record the exit review, which sets the status:
    `partreg review ID --outcome exit --end 2023-01-31`; or, if it was
    extended, record the new `end`.
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Status
from partreg.problems import Context, Hit, Rule, Severity

ID = "ended-not-closed"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.today is None or entry.end is None or entry.status not in (Status.ACTIVE, Status.PROPOSED):
        return
    if entry.end.latest < ctx.today:
        yield Hit(
            ("status",),
            f"it ended {entry.end.when()} (end: {entry.end}) but its status is {entry.status}: "
            f"record the exit review with `partreg review {entry.id} --outcome exit --end {entry.end}`, "
            "or record the new end date if it was extended",
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
