DOC = """The file has no content.

What it checks:
    That an arrangement file holds more than blank lines and comments.
Why it matters:
    An empty file is usually a half-finished entry; it would appear as
    nothing on the register.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    ```yaml
    # TODO
    ```
Instead:
    Fill it in with `partreg add`, or delete it.
"""

from partreg.rules._base import documented

ID = "empty-file"

RULE = documented(DOC, ID)
