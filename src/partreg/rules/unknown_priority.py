DOC = """A corporate priority that partreg.yaml does not list.

What it checks:
    That every id under `priorities` is one of the priorities in the
    register's `partreg.yaml`.
Why it matters:
    The register shows which corporate priorities each arrangement serves; a
    misspelt priority would silently drop out of those counts.

    Policy: "Brentwood Borough Council is involved in a number of strategic partnerships that supports its priorities as set out in the Corporate Plan 2020-2025."
Example:
    ```yaml
    priorities: [growing-the-economy]
    ```
Instead:
    ```yaml
    priorities: [growing-our-economy]
    ```
"""

from collections.abc import Iterator

from partreg.models import NAMED, Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity
from partreg.spelling import did_you_mean

ID = "unknown-priority"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.settings is None:
        return
    known = ctx.settings.priorities
    for i, priority in enumerate(entry.priorities):
        if priority not in known:
            hint = (
                did_you_mean(priority, known) or f"; the priorities are: {', '.join(known) or '(none set)'}"
            )
            yield Hit(("priorities", i), f"unknown priority {shown(priority, NAMED)}{hint}")


RULE = Rule(ID, Severity.ERROR, DOC or "", check)
