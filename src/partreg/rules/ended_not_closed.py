DOC = """The arrangement's end date has passed, or its exit was decided, but it is still recorded as active or proposed.

What it checks:
    That an arrangement whose `end` is past (the whole of it, for a month
    or a year) has `status: ended`; and that one whose latest review
    decided its exit records its `end` (a sheet's "Exit", imported, leaves
    the status and the end as the sheet gave them; no review is due after
    it, so nothing else would bring it back to an officer). The end it suggests for the exit review
    is never before the start or the latest review: where the end is before
    the start, `end-before-start` says to check both dates (and this rule
    says nothing more); where a review was held after the end, the
    arrangement may have been extended; where the latest review recorded
    the exit, only the status is left to write.
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
    `partreg review ID --date 2023-01-10 --outcome exit --end 2023-01-31`,
    with `--date` the day the exit was decided (the review is published
    as held that day; without `--date`, it is today); or, if it was
    extended, record the new `end`.
"""

from collections.abc import Iterator

from partreg.models import Arrangement, ReviewSettings, Status
from partreg.problems import Context, Hit, Rule, Severity
from partreg.review import due_from, exit_decided, known_iso, newest_decided, next_review_as_known
from partreg.rules import end_before_start

ID = "ended-not-closed"

#: What the exit review's date is: the review is published as held on it, so it is never the day
#: the officer happens to record it, years after the exit, unless it was decided that day.
DECIDED = (
    "--date being the day its exit was decided (or its month or year, YYYY-MM or YYYY, where no more is "
    "known; without --date, today)"
)


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    end, start = entry.end, entry.start
    if ctx.today is None or entry.status not in (Status.ACTIVE, Status.PROPOSED):
        return
    if end is None:
        decided = ctx.once(exit_decided, entry)
        if decided is not None:  # (an imported sheet's "Exit", its status left as the sheet gave it)
            held = decided.date
            review = f"the review of {held}" if held else "its latest review"
            close = (
                f"record its end with `partreg review {ctx.review_id} --date {held} --outcome exit --end YYYY-MM-DD`"
                " (the day it ended, or will end: the status is written ended once that day has passed)"
                if held
                else "write end: the day it ended (or will end), and status: ended once it has"
            )
            yield Hit(
                ("status",),
                f"{review} decided its exit, but no end is recorded and its status is {entry.status}: {close}; "
                "if it goes on after all, record the review that decided so, "
                f"`partreg review {ctx.review_id} --date YYYY-MM-DD --outcome continue`",
            )
        return
    if not end.latest < ctx.today:
        return
    exit_with = (
        f"record the exit review with `partreg review {ctx.review_id} --date YYYY-MM-DD --outcome exit --end "
        f"YYYY-MM-DD`, {DECIDED}, and --end the day it ended"
    )
    if start is not None and end.latest < start.earliest:  # one of the two dates is wrong
        if ctx.level(end_before_start.ID) != "off":
            return  # end-before-start says so, and to check both: the end it would suggest may be the wrong one
        yield Hit(
            ("status",),
            f"its end, {end}, has passed, but its status is {entry.status}; the end is before its start, "
            f"{start}: correct the date that is wrong, and if it has ended, {exit_with} (not before {start})",
        )
        return
    latest = newest_decided(entry.review.history if entry.review else [])
    held = latest.date if latest is not None else None
    if latest is not None and held is not None and latest.outcome == "exit":
        yield Hit(
            ("status",),
            f"the review of {held} recorded its exit, and its end, {end}, has passed, but its status is "
            f"{entry.status}: write status: ended",
        )
    elif held is not None and end.latest < held.earliest:  # reviewed after it ended: extended, or ended later
        settings = ctx.settings.review if ctx.settings else ReviewSettings()
        upcoming = due_from(held, entry, settings)
        known = next_review_as_known(entry, settings, upcoming)  # (as precisely as the review is known)
        yield Hit(
            ("status",),
            f"its end, {end}, has passed, but it was reviewed after it, {held.when()}, and its status is "
            f"{entry.status}: if it was extended, record the new end date (its next review, counted from "
            f"that one, {'was' if upcoming and upcoming < ctx.today else 'is'} due "
            f"{'on' if known and known[0].day else 'in'} {known_iso(known) if known else upcoming}); if it has "
            f"ended, {exit_with} (not before {held})",
        )
    else:
        yield Hit(
            ("status",),
            f"it ended {end.when()} (end: {end}) but its status is {entry.status}: "
            f"record the exit review with `partreg review {ctx.review_id} --date YYYY-MM-DD --outcome exit --end "
            f"{end}`, {DECIDED}; or record the new end date if it was extended",
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
