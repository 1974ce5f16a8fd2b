DOC = """When a decision was made is not recorded.

What it checks:
    That each of `decisions` (since 1.1) records its `date`: a day
    (`2024-03-13`), or the month (`2024-03`) or year (`2024`) where that is
    all the source says. A decision that records nothing at all is
    `missing-field`'s.
Why it matters:
    The minutes of the body that decided are found by their date, and the
    published page lists decisions by it. Many registers name the body
    that approved an arrangement ("Decision maker: Cabinet") and not when;
    that is still worth keeping and publishing, so this is a warning, not
    an error: look the date up in the minutes and record it.

    Format: "`decisions[].date` ... When it was decided."
Example:
    ```yaml
    decisions:
      - body: Cabinet
    ```
Instead:
    ```yaml
    decisions:
      - body: Cabinet
        date: 2024-03-13
        reference: Minute 123
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Decision
from partreg.problems import Context, Hit, Rule, Severity

ID = "decision-date-not-recorded"


def records_something(decision: Decision) -> bool:
    """Whether ``decision`` records anything but its date: who decided, what, or where it is published."""
    return any(value is not None for name, value in decision if name != "date")


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    for i, decision in enumerate(entry.decisions):
        if decision.date is None and records_something(decision):
            what = f"{decision.body} decided" if decision.body else "this decision was made"
            yield Hit(
                ("decisions", i, "date"),
                f"when {what} is not recorded: add `date:` as the minutes record it (2024-03-13, or 2024-03 "
                "or 2024 where only the month or year is known)",
                True,
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
