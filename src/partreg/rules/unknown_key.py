DOC = """A key that format v1 does not know.

What it checks:
    That every key is a field of the register format (see `partreg schema`).
Why it matters:
    A misspelt key (`statuss`) would otherwise pass silently and its value
    would be lost from every report and page.

    Format: "Unknown keys are errors (a typo must not pass silently)"
Example:
    ```yaml
    added_valu: Joint tasking across services.
    ```
Instead:
    ```yaml
    added_value: Joint tasking across services.
    ```
"""

from partreg.rules._base import documented

ID = "unknown-key"

RULE = documented(DOC, ID)
