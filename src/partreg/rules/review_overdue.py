DOC = """A review that is overdue.

What it checks:
    That the next review date (the last review plus the interval: the
    entry's `review.months`, the register's default, or a shorter one the
    settings give for its rating or significance) has not passed. No review
    is due after one that decided the arrangement's exit.
Why it matters:
    The policy: the register "is reviewed annually and updated accordingly".
    A review that slips is the commonest finding about partnership registers.
    This is a warning; `partreg lint --strict` makes it fail the run.

    Policy: "this is reviewed annually and updated accordingly"
Example:
    ```yaml
    review:
      months: 12
      history:
        - {date: 2024-06-30, outcome: continue}   # and today is 2025-11-24
    ```
Instead:
    Hold the review and record it: `partreg review ID --date 2025-11-24 --outcome continue`.
"""

from collections.abc import Iterator

from partreg.models import Arrangement, ReviewSettings, every, plural
from partreg.problems import Context, Hit, Rule, Severity
from partreg.review import due_from, exit_decided, interval, is_over, last_review

ID = "review-overdue"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    last = ctx.once(last_review, entry)
    if ctx.today is None or last is None or is_over(entry, ctx.today):
        return
    settings = ctx.settings.review if ctx.settings else ReviewSettings()
    upcoming = due_from(last, entry, settings)
    # no review is due after one that decided the exit (`ended-not-closed` asks for the end)
    if upcoming is not None and upcoming < ctx.today and ctx.once(exit_decided, entry) is None:
        history = entry.review.history if entry.review else []
        at = next(i for i, r in enumerate(history) if r.date is last)
        yield Hit(
            ("review", "history", at, "date"),
            f"the review was due on {upcoming} ({plural((ctx.today - upcoming).days, 'day')} ago; last held "
            f"{last}, {every(interval(entry, settings), 'month')}): hold it and record it with "
            f"`partreg review {ctx.review_id} --date YYYY-MM-DD --outcome continue`",
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
