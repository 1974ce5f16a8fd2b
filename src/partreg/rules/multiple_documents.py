DOC = """The file holds more than one YAML document.

What it checks:
    That the file has one document: no second `---`, whether or not
    anything follows it (a `---` after the entry starts an empty document).
Why it matters:
    One file is one arrangement; a second document would be ignored or
    mixed up with the first.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    ```yaml
    id: first-arrangement
    ---
    id: second-arrangement
    ```
Instead:
    Put each arrangement in its own file, `register/<id>.yaml`.
"""

from partreg.rules._base import documented

ID = "multiple-documents"

RULE = documented(DOC, ID)
