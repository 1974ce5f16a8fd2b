DOC = """The file is a list or a single value, not a mapping of fields.

What it checks:
    That the top of the file is a mapping (`key: value` lines).
Why it matters:
    An arrangement is a set of named fields; anything else cannot be read.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    ```yaml
    - id: brentwood-community-fund
    ```
Instead:
    ```yaml
    id: brentwood-community-fund
    ```
"""

from partreg.rules._base import documented

ID = "not-a-mapping"

RULE = documented(DOC, ID)
