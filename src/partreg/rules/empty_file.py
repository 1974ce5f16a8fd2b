DOC = """The file has no content.

What it checks:
    That an arrangement file holds more than blank lines and comments.
Why it matters:
    An empty file is usually a half-finished entry; it would appear as
    nothing on the register.
Example:
    ```yaml
    # TODO
    ```
Instead:
    Fill it in with `partreg add`, or delete it.
"""

from partreg.rules._base import documented

RULE = documented(DOC, "empty-file")
