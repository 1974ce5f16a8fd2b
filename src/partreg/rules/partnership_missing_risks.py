DOC = """A partnership with no risks recorded.

What it checks:
    That an arrangement of kind `partnership` lists at least one risk.
    When two or more of the six are missing, `partnership-missing-elements`
    lists them in one problem instead.
Why it matters:
    The policy: all partnerships agree their "risks", and partners share
    "relevant information, risks and rewards".

    Policy: "In summary all partnerships will agree: ... Risks"
Example:
    ```yaml
    kind: partnership
    risks: []
    ```
Instead:
    ```yaml
    risks:
      - description: Partner data not shared in time
        likelihood: medium
        impact: high
        mitigation: Information sharing agreement signed by all partners
    ```
"""

from partreg.rules._base import partnership_element

ID = "partnership-missing-risks"

RULE = partnership_element(
    DOC,
    ID,
    lambda e: bool(e.risks),
    "its risks: add `risks:`, a list: each `- description:`, with its `mitigation:` under it",
    ("risks",),
    name="risks",
    hint="`risks:`, a list: each `- description:`, with its `mitigation:` under it",
)
