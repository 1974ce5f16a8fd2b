DOC = """The file uses a YAML tag.

What it checks:
    That no value carries a tag (`!something`) other than the YAML 1.2 core
    tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`).
Why it matters:
    Tags can tell some YAML readers to build objects or run code; register
    files are plain data and partreg never constructs anything from a tag.

    Format: "a tag never constructs anything" (README, How partreg reads YAML)
Example:
    ```yaml
    summary: !include summary.txt
    ```
Instead:
    Write the value itself: `summary: Street cleansing for the borough.`
"""

from partreg.rules._base import documented

ID = "yaml-tag"

RULE = documented(DOC, ID)
