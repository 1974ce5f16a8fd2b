DOC = """A partnership with no shared objectives.

What it checks:
    That an arrangement of kind `partnership` lists at least one objective.
    When two or more of the six are missing, `partnership-missing-elements`
    lists them in one problem instead.
Why it matters:
    The policy: "all partnerships will agree a shared strategic
    vision/objectives". Without one it is not a partnership.

    Policy: "In summary all partnerships will agree: ... A shared strategic vision/objectives"
Example:
    ```yaml
    kind: partnership
    objectives: []
    ```
Instead:
    ```yaml
    kind: partnership
    objectives:
      - Reduce crime and disorder in the borough
    ```
"""

from partreg.rules._base import partnership_element

ID = "partnership-missing-objectives"

RULE = partnership_element(
    DOC,
    ID,
    lambda e: bool(e.objectives),
    "a shared strategic vision or objectives: add `objectives:`, a list: each objective on a line of its own, "
    "after `- `",
    ("objectives",),
    name="shared objectives",
    hint="`objectives:`, a list: each objective on a line of its own, after `- `",
)
