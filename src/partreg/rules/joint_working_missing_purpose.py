DOC = """A joint working arrangement that does not say what the forum is for.

What it checks:
    That an arrangement of kind `joint-working` has a `summary` of the
    forum's purpose.
Why it matters:
    The policy defines joint working as forums that "come together to
    discuss policy, strategy or forthcoming issues"; the register should say
    which, so the public knows why the council takes part.

    Policy: "Forums or groups that the Elected Members and/or Officers belong to who come together to discuss policy, strategy or forthcoming issues."
Example:
    ```yaml
    kind: joint-working
    ```
Instead:
    ```yaml
    kind: joint-working
    summary: Councillors represent the council on the county's health and wellbeing board.
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import recorded_as

ID = "joint-working-missing-purpose"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.summary is None and recorded_as(entry, Kind.JOINT_WORKING, ctx):
        yield Hit(("kind",), "joint working needs the forum's purpose: add `summary:`", about=(("summary",),))


RULE = Rule(ID, Severity.ERROR, DOC or "", check, only_for=Kind.JOINT_WORKING, gap=True)
