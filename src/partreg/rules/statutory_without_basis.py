DOC = """A statutory arrangement that does not name its law.

What it checks:
    That `statutory: true` comes with a `statutory_basis`.
Why it matters:
    Partners must "recognise the statutory obligations of the Council"; the
    register should say which obligation applies.

    Policy: "Recognise the statutory obligations of the Council and its discretionary functions"
Example:
    ```yaml
    statutory: true
    ```
Instead:
    ```yaml
    statutory: true
    statutory_basis: Crime and Disorder Act 1998
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity

ID = "statutory-without-basis"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.statutory and entry.statutory_basis is None:
        yield Hit(
            ("statutory",),
            "statutory is true but no law is named: add `statutory_basis:`",
            about=(("statutory_basis",),),
        )


RULE = Rule(ID, Severity.ERROR, DOC or "", check, gap=True)
