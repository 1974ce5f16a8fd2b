DOC = """A key appears twice in the same mapping.

What it checks:
    That no mapping repeats a key.
Why it matters:
    Many YAML readers keep the last value silently, so an officer's edit to
    the first copy is lost without anyone noticing.

    Format: "a key may appear only once in a mapping" (README, How partreg reads YAML)
Example:
    ```yaml
    status: active
    status: ended
    ```
Instead:
    Keep one of them.
"""

from partreg.rules._base import documented

ID = "duplicate-key"

RULE = documented(DOC, ID)
