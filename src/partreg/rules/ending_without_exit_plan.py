"""An arrangement ending soon with no exit or renewal plan.

What it checks:
    That an arrangement whose `end` falls within the settings' `ending_days`
    (90 by default) has an `exit_strategy`, or a review held in that time
    that decided what happens next.
Why it matters:
    The policy asks every partnership to agree "timescales for review or
    life of partnership"; when the life runs out, a service or a grant stops
    unless someone has planned the exit or the renewal.
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

from partreg.lint import Context, Hit, Rule, Severity
from partreg.models import Arrangement, ReviewSettings, Status


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.today is None or entry.end is None or entry.status is Status.ENDED or entry.exit_strategy:
        return
    window = (ctx.settings.review if ctx.settings else ReviewSettings()).ending_days
    start_of_window = entry.end - dt.timedelta(days=window)
    if not ctx.today <= entry.end <= ctx.today + dt.timedelta(days=window):
        return
    history = entry.review.history if entry.review else []
    if any(r.date >= start_of_window for r in history):
        return
    yield Hit(
        ("end",),
        f"it ends on {entry.end}, in {(entry.end - ctx.today).days} days, with no exit or renewal plan: "
        "add `exit_strategy:`, or record the review that decides what happens next",
    )


RULE = Rule("ending-without-exit-plan", Severity.WARNING, __doc__ or "", check)
