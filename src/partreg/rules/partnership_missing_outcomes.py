DOC = """A partnership with no outcomes.

What it checks:
    That an arrangement of kind `partnership` lists at least one outcome.
    When two or more of the six are missing, `partnership-missing-elements`
    lists them in one problem instead.
Why it matters:
    The policy: all partnerships agree "clear measurable outcomes"; a formal
    agreement is made "to work together for specific outcomes".

    Policy: "In summary all partnerships will agree: ... Clear measurable outcomes"
Example:
    ```yaml
    kind: partnership
    outcomes: []
    ```
Instead:
    ```yaml
    outcomes:
      - description: Fewer repeat victims of anti-social behaviour
        measure: repeat ASB victims per year
        target: 10% fewer than 2024
    ```
"""

from partreg.rules._base import partnership_element

ID = "partnership-missing-outcomes"

RULE = partnership_element(
    DOC,
    ID,
    lambda e: bool(e.outcomes),
    "clear measurable outcomes: add `outcomes:`, a list: each `- description:`, with its `measure:` and "
    "`target:` under it",
    ("outcomes",),
    name="measurable outcomes",
    hint="`outcomes:`, a list: each `- description:`, with its `measure:` and `target:` under it",
)
