DOC = """An ended arrangement with no end date.

What it checks:
    That an arrangement with `status: ended` says when it ended.
Why it matters:
    The register records the life of each arrangement; the public and
    auditors ask when an arrangement stopped.

    Policy: "The Council has a Partnership Register listing the partnerships that it is currently involved in"
Example:
    ```yaml
    status: ended
    end: null
    ```
Instead:
    ```yaml
    status: ended
    end: 2020-10-31
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Status
from partreg.problems import Context, Hit, Rule, Severity

ID = "ended-without-end"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.status is Status.ENDED and entry.end is None:
        yield Hit(
            ("status",),
            "the status is ended but there is no `end:` date: add the date it ended",
            about=(("end",),),
        )


RULE = Rule(ID, Severity.ERROR, DOC or "", check, gap=True)
