DOC = """The reviews under `review.history` are not listed oldest first.

What it checks:
    That `review.history` lists the reviews held in order of their dates,
    the oldest first and the latest last. (A date known only to the month or
    year is in order beside any day within it.)
Why it matters:
    Officers often paste the latest review at the top, as a spreadsheet or a
    report lists it. partreg finds the latest review by its date, so when the
    next review is due is right in any order; but `partreg review` keeps
    the order only of a history listed oldest first (it puts each new review
    in its place by date) and adds to any other at the end, so a history
    written newest first ends up in no order at all, and whoever reads the
    file takes the review at the top, or the one at the end, for the latest.

    Format: "Reviews held, oldest first." (docs/format.md, review.history)
Example:
    ```yaml
    review:
      history:
        - {date: 2025-06-30, outcome: amend}
        - {date: 2024-06-28, outcome: continue}
    ```
Instead:
    ```yaml
    review:
      history:
        - {date: 2024-06-28, outcome: continue}
        - {date: 2025-06-30, outcome: amend}
    ```
"""

from collections.abc import Iterator, Sequence

from partreg.models import Arrangement, PartialDate
from partreg.problems import Context, Hit, Rule, Severity
from partreg.review import first_out_of_order

ID = "review-history-out-of-order"

#: Why the order matters, as each message says it.
_ORDER = "the format lists reviews oldest first, the latest last, where `partreg review` adds the next one"


def _in_order(dates: Sequence[PartialDate]) -> bool:
    return first_out_of_order(dates) is None


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    history = entry.review.history if entry.review else []
    if len(history) < 2:
        return  # one review, or none, is in order
    dated = [(i, r.date) for i, r in enumerate(history) if r.date is not None]
    dates = [d for _, d in dated]
    found = first_out_of_order(dates)
    if found is None:
        return
    late, early = found  # `late` is listed after `early`, and is earlier
    if _in_order(dates[::-1]):
        yield Hit(
            ("review", "history", dated[0][0], "date"),
            f"review.history is newest first ({dates[0]} at the top): {_ORDER}; reverse the order, "
            f"{dates[-1]} first and {dates[0]} last",
        )
    elif _in_order(rest := dates[:early] + dates[early + 1 :]):  # one review, pasted above where it belongs
        after = [d for d in rest if d.earliest <= dates[early].earliest]
        yield Hit(
            ("review", "history", dated[early][0], "date"),
            f"the review of {dates[early]} is above earlier reviews ({dates[late]}): {_ORDER}; move it "
            + (f"after the review of {after[-1]}" if len(after) < len(rest) else "to the end of the history"),
        )
    elif _in_order(rest := dates[:late] + dates[late + 1 :]):  # one review, written below where it belongs
        above = next(k for k, d in enumerate(rest) if d.earliest > dates[late].latest)
        yield Hit(
            ("review", "history", dated[late][0], "date"),
            f"the review of {dates[late]} is below later reviews ({dates[early]}): {_ORDER}; move it "
            + (f"above the review of {rest[above]}" if above else "to the top of the history"),
        )
    else:
        yield Hit(
            ("review", "history", dated[late][0], "date"),
            f"the review of {dates[late]} is below a later one, of {dates[early]}: {_ORDER}; "
            "put the reviews in order of their dates, the oldest first",
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
