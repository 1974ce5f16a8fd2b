DOC = """A partnership that serves no corporate priority.

What it checks:
    That an arrangement of kind `partnership` names at least one of the
    council's corporate priorities.
Why it matters:
    The council enters strategic partnerships "that support its priorities
    as set out in the Corporate Plan"; one that supports none should be
    questioned at its next review.
Example:
    ```yaml
    kind: partnership
    priorities: []
    ```
Instead:
    ```yaml
    priorities: [developing-our-communities]
    ```
"""

from collections.abc import Iterator

from partreg.lint import Context, Hit, Rule, Severity
from partreg.models import Arrangement, Kind


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.kind is Kind.PARTNERSHIP and not entry.priorities:
        yield Hit(
            ("kind",),
            "this partnership names no corporate priority: add `priorities: [...]`",
            about=(("priorities",),),
        )


RULE = Rule("partnership-without-priority", Severity.WARNING, DOC or "", check)
