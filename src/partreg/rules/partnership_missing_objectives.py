DOC = """A partnership with no shared objectives.

What it checks:
    That an arrangement of kind `partnership` lists at least one objective.
Why it matters:
    The policy: "all partnerships will agree a shared strategic
    vision/objectives". Without one it is not a partnership.
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

RULE = partnership_element(
    DOC,
    "partnership-missing-objectives",
    lambda e: bool(e.objectives),
    "a shared strategic vision or objectives: add `objectives:` with at least one",
    ("objectives",),
)
