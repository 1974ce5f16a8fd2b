DOC = """A value that is not one of the allowed choices.

What it checks:
    That fields with a fixed set of values (`kind`, `status`, `sector`,
    `likelihood`, review `outcome`, ...) use one of them.
Why it matters:
    Reports and the published page group arrangements by these values; a
    value outside the set would fall out of every group.

    Format: "a wrong field is a problem, not a reason to drop the entry."
Example:
    ```yaml
    kind: partnershp
    ```
Instead:
    ```yaml
    kind: partnership
    ```
"""

from partreg.rules._base import documented

ID = "invalid-value"

RULE = documented(DOC, ID)
