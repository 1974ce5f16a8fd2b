DOC = """The end date is before the start date.

What it checks:
    That `end`, where given, is on or after `start`.
Why it matters:
    Review and "ending soon" dates are computed from these; reversed dates
    are always a typing mistake.

    Policy: "In summary all partnerships will agree: ... Timescales for review or life of partnership"
Example:
    ```yaml
    start: 2024-04-01
    end: 2023-03-31
    ```
Instead:
    ```yaml
    start: 2023-04-01
    end: 2024-03-31
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity

ID = "end-before-start"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.end is not None and entry.start is not None and entry.end.latest < entry.start.earliest:
        yield Hit(("end",), f"end {entry.end} is before start {entry.start}: check both dates")


RULE = Rule(ID, Severity.ERROR, DOC or "", check)
