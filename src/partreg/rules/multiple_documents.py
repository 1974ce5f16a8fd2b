DOC = """The file holds more than one YAML document.

What it checks:
    That the file has one document: no second `---` followed by content.
Why it matters:
    One file is one arrangement; a second document would be ignored or
    mixed up with the first.
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

RULE = documented(DOC, "multiple-documents")
