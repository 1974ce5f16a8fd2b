DOC = """No review recorded, and the arrangement is older than one review interval.

What it checks:
    That an arrangement which started more than one review interval ago has
    at least one review under `review.history`; and that one whose start is
    not recorded has a review recorded, since nothing else says when it is due.
    Not for a proposed arrangement, which has not begun and is not reviewed yet.
    A review recorded with a date that is not one (`date: N/A`) is reported
    as that (`wrong-type`), with the date to write, and not again here. One
    recorded without a date (as a sheet's "Review outcome" column gives one)
    is reported as that (`missing-field`), and, where the start is recorded,
    here too: until its date is written, the next review is counted from the
    start, as `review-due` counts it, and may be long overdue.
Why it matters:
    The policy promises an annual review; an arrangement with no review on
    record may never have been reviewed at all.

    Policy: "this is reviewed annually and updated accordingly"
Example:
    ```yaml
    start: 2014-11-01
    review:
      months: 12
    ```
Instead:
    Record the last review held: `partreg review ID --date 2025-06-30 --outcome continue`.
"""

from collections.abc import Iterator

from partreg.models import Arrangement, ReviewSettings, Status, plural
from partreg.problems import Context, Hit, Rule, Severity
from partreg.review import due_from, interval, is_over, last_review
from partreg.rules import missing_field

ID = "no-review-history"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.today is None or ctx.once(last_review, entry) is not None or is_over(entry, ctx.today):
        return
    if entry.status is Status.PROPOSED:
        return  # not begun: no review is due until it starts
    # reviews recorded, none with a date: each is reported as that, with what to write; where a start
    # is recorded, the next is counted from it meanwhile (as review-due counts it), and said here
    history = entry.review.history if entry.review else []
    if history and entry.start is None and ctx.level(missing_field.ID) != "off":
        return
    undated = any(r.outcome is not None for r in history)  # held (it decided something), date not known
    settings = ctx.settings.review if ctx.settings else ReviewSettings()
    if entry.start is None:
        yield Hit(
            ("review",),
            "no review is recorded, and no start to schedule one from: record the last review held "
            f"with `partreg review {ctx.review_id} --date YYYY-MM-DD --outcome continue`",
            True,
            # a start or reviews written, and set aside as wrong (`start: April 2016`), are said once, as that
            about=(("start",), ("review", "history")),
        )
    elif (upcoming := due_from(entry.start, entry, settings)) is not None and upcoming < ctx.today:
        yield Hit(
            ("start",),
            f"no review {'with a date ' if undated else ''}is recorded since it started {entry.start.when()}, "
            f"more than {plural(interval(entry, settings), 'month')} ago: "
            + ("write the date of the review recorded, or " if undated else "")
            + f"record the last review with `partreg review {ctx.review_id} --date YYYY-MM-DD --outcome continue`",
            # a review whose date is written and set aside as wrong (`date: N/A`) is said once, as that
            about=(("review", "history"),),
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
