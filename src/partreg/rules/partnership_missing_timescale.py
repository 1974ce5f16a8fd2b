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

from partreg.rules._base import partnership_element

ID = "partnership-missing-timescale"

RULE = partnership_element(
    DOC,
    ID,
    lambda e: e.end is not None or (e.review is not None and e.review.months is not None),
    "timescales for its review or life: add `review: {months: 12}` or an `end:` date",
    ("end", "review"),
    name="timescales for review or life",
    hint="`review: {months: 12}` or `end:`",
)
