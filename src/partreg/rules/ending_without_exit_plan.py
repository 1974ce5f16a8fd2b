DOC = """An arrangement ending soon with no exit or renewal plan.

What it checks:
    That an arrangement whose `end` falls within the settings' `ending_days`
    (90 by default) has an `exit_strategy`, or a review held in that time
    that decided what happens next, or a latest review that decided its
    exit, whenever it was held.
Why it matters:
    The policy asks every partnership to agree "timescales for review or
    life of partnership"; when the life runs out, a service or a grant stops
    unless someone has planned the exit or the renewal.

    Policy: "In summary all partnerships will agree: ... Timescales for review or life of partnership"
Example:
    ```yaml
    end: 2026-01-31   # and today is 2025-12-01
    ```
Instead:
    ```yaml
    end: 2026-01-31
    exit_strategy: Re-procure from February; the current provider runs on for one month if needed.
    ```
"""

import datetime as dt
from collections.abc import Iterator

from partreg.models import Arrangement, ReviewSettings, Status, plural
from partreg.problems import Context, Hit, Rule, Severity
from partreg.review import exit_decided

ID = "ending-without-exit-plan"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.today is None or entry.end is None or entry.status is Status.ENDED or entry.exit_strategy:
        return
    window = (ctx.settings.review if ctx.settings else ReviewSettings()).ending_days
    ends = entry.end.earliest  # a month or a year: from its first day, so the plan is asked for in time
    if not (ctx.today <= entry.end.latest and ends <= ctx.today + dt.timedelta(days=window)):
        return
    history = entry.review.history if entry.review else []
    if any(r.date is not None and r.date.latest >= ends - dt.timedelta(days=window) for r in history):
        return
    if ctx.once(exit_decided, entry) is not None:  # what happens next was decided, whenever it was: the exit
        return
    days = (ends - ctx.today).days
    # (a month or a year that has begun ends on some day within it: no count of days says which)
    # (and one to come begins on a day, not ends then: `ends in 2027, which begins in 25 days`)
    when = (
        (f", in {plural(days, 'day')}" if entry.end.day else f", which begins in {plural(days, 'day')}")
        if days > 0
        else ", today"
        if entry.end.day
        else ""
    )
    yield Hit(
        ("end",),
        f"it ends {entry.end.when()}{when}, with no exit or renewal plan: "
        "add `exit_strategy:`, or record the review that decides what happens next",
    )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
