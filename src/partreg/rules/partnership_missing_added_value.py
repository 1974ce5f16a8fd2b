DOC = """A partnership that does not say what it adds.

What it checks:
    That an arrangement of kind `partnership` has `added_value`.
    When two or more of the six are missing, `partnership-missing-elements`
    lists them in one problem instead.
Why it matters:
    The policy: all partnerships agree their "added value" — what working
    together achieves that the council could not achieve alone.

    Policy: "In summary all partnerships will agree: ... Added value"
Example:
    ```yaml
    kind: partnership
    ```
Instead:
    ```yaml
    added_value: Joint tasking across police, fire, health and council services.
    ```
"""

from partreg.rules._base import partnership_element

ID = "partnership-missing-added-value"

RULE = partnership_element(
    DOC,
    ID,
    lambda e: e.added_value is not None,
    "its added value: add `added_value:` saying what working together achieves",
    ("added_value",),
    name="added value",
    hint="`added_value:` and, after it, what working together achieves",
)
