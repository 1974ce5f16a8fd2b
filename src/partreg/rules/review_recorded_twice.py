DOC = """A review is listed twice under `review.history`.

What it checks:
    That no two reviews under `review.history` record the same date, the
    same outcome and the same role that reviewed it (`by`, or none): two
    bodies may review an arrangement on one day.
Why it matters:
    A review pasted twice, or recorded again by hand, is published as two
    reviews held. `partreg review` refuses to record a review twice; a file
    edited by hand, or an older register, may hold one.

    Practice: a review is recorded once, and `partreg review` refuses the same review (the same date and outcome) again (README, partreg review).
Example:
    ```yaml
    review:
      history:
        - {date: 2025-06-30, outcome: continue}
        - {date: 2025-06-30, outcome: continue}
    ```
Instead:
    ```yaml
    review:
      history:
        - {date: 2025-06-30, outcome: continue}
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity

ID = "review-recorded-twice"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    history = entry.review.history if entry.review else []
    if len(history) < 2:
        return  # (most files)
    seen: dict[tuple[str, str, str | None], int] = {}
    for i, record in enumerate(history):
        if record.date is None or record.outcome is None:
            continue  # (a review that lacks either is missing-field's)
        first = seen.setdefault((record.date.iso, record.outcome, record.by), i)
        if first != i:
            yield Hit(
                ("review", "history", i, "date"),
                f"the review of {record.date} ({record.outcome}) is listed twice, as review.history[{first}] "
                f"and review.history[{i}]: remove this one (keep what its notes say that the other lacks)",
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
