DOC = """When the arrangement began is not recorded.

What it checks:
    That an arrangement has a `start`: a day (`2016-04-01`), or the month
    (`2016-04`) or year (`2016`) where that is all the source says. Not for
    a proposed arrangement, which has not begun.
Why it matters:
    The register records the life of each arrangement, and until a review
    is recorded its reviews are scheduled from its start: without either,
    `partreg review-due` lists it as "no review date known". Many registers
    never recorded when an arrangement began; record what is known, as
    precisely as it is known, rather than a made-up day.

    Format: "Expected for every kind (rules, not a gate): `id`, `title`, `kind`, `status`, `lead`, `partners` (at least one), `start`."
Example:
    ```yaml
    title: Community Safety Partnership
    kind: partnership
    ```
Instead:
    ```yaml
    title: Community Safety Partnership
    kind: partnership
    start: 1998   # set up under the Crime and Disorder Act 1998
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Status
from partreg.problems import Context, Hit, Rule, Severity

ID = "start-not-recorded"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.start is None and entry.status is not Status.PROPOSED:
        yield Hit(
            ("start",),
            "when it began is not recorded: add `start:` as precisely as it is known "
            "(2016-04-01, 2016-04 or 2016); reviews are scheduled from it until one is recorded",
            True,
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
