DOC = """A partnership that serves no corporate priority.

What it checks:
    That an arrangement of kind `partnership` names at least one of the
    council's corporate priorities. Not for one recorded as ended.
Why it matters:
    The council enters strategic partnerships "that support its priorities
    as set out in the Corporate Plan"; one that supports none should be
    questioned at its next review.

    Policy: "Brentwood Borough Council is involved in a number of strategic partnerships that supports its priorities as set out in the Corporate Plan 2020-2025."
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

from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import agreement_asked

ID = "partnership-without-priority"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if not entry.priorities and agreement_asked(entry, ctx):
        ids = list(ctx.settings.priorities) if ctx.settings else []
        which = (
            f", with the ids of those it serves, as partreg.yaml names them: {', '.join(ids)}"
            if ids
            else " (partreg.yaml names none yet: add the council's under `priorities:` there first)"
            if ctx.settings
            else ", with the ids of those it serves, as the register's partreg.yaml names them"
        )
        yield Hit(
            ("kind",),
            f"this partnership names no corporate priority: add `priorities: [...]`{which}",
            about=(("priorities",),),
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, only_for=Kind.PARTNERSHIP, gap=True)
