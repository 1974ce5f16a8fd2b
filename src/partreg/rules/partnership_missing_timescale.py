DOC = """A partnership with no agreed review timescale or life.

What it checks:
    That an arrangement of kind `partnership` states how often it is
    reviewed (`review.months`) or when it ends (`end`).
    When two or more of the six are missing, `partnership-missing-elements`
    lists them in one problem instead.
Why it matters:
    The policy: all partnerships agree "timescales for review or life of
    partnership". The register's default interval is the council's fallback,
    not the partners' agreement.

    Policy: "In summary all partnerships will agree: ... Timescales for review or life of partnership"
Example:
    ```yaml
    kind: partnership
    end: null
    ```
Instead:
    ```yaml
    review:
      months: 12
    ```
"""

from partreg.models import Arrangement
from partreg.rules._base import partnership_element

ID = "partnership-missing-timescale"


def _under_review(entry: Arrangement) -> tuple[str, str] | None:
    """The advice for a file that has `review:` already (its history, say): a second `review:`
    would repeat the key, and the file would not be read."""
    if entry.review is None:
        return None
    return (
        "timescales for its review or life: add `months: 12` under the file's `review:`, indented as the "
        "keys under it are (a second `review:` would repeat the key), or an `end:` date",
        "`months: 12` under `review:`, or `end:`",
    )


RULE = partnership_element(
    DOC,
    ID,
    lambda e: e.end is not None or (e.review is not None and e.review.months is not None),
    "timescales for its review or life: add `review: {months: 12}` or an `end:` date",
    ("end", "review"),
    name="timescales for review or life",
    hint="`review: {months: 12}` or `end:`",
    said_for=_under_review,
)
