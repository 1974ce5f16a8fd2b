DOC = """A partnership that has not recorded its resources.

What it checks:
    That an arrangement of kind `partnership` says what the council and the
    partners commit, under `resources`.
    When two or more of the six are missing, `partnership-missing-elements`
    lists them in one problem instead.
Why it matters:
    The policy: all partnerships agree "resource availability/requirements",
    and partners "commit resources to achieve a common goal".

    Policy: "In summary all partnerships will agree: ... Resource availability/requirements"
Example:
    ```yaml
    kind: partnership
    ```
Instead:
    ```yaml
    resources:
      council: {funding_gbp: 25000, staff: 0.5 FTE coordinator}
      partners: Officer time and data from each partner
    ```
"""

from partreg.rules._base import partnership_element

ID = "partnership-missing-resources"

RULE = partnership_element(
    DOC,
    ID,
    lambda e: (
        e.resources is not None and (e.resources.council is not None or e.resources.partners is not None)
    ),
    "its resource availability and requirements: add `resources:`, with `council:` under it, holding "
    "`funding_gbp:`, `staff:` or `other:`, and `partners:`, what they put in",
    ("resources",),
    name="resources",
    hint="`resources:`, with `council:` under it, holding `funding_gbp:`, `staff:` or `other:`, and "
    "`partners:`, what they put in",
)
