DOC = """The file is not valid YAML.

What it checks:
    That the file parses as YAML 1.2: indentation, quotes, brackets and
    colons in the right places, and aliases that do not expand without end;
    and that it is not nested deeper than a person writes (more than 64
    lists or mappings opened on one line, or a line indented more than 500
    columns), which the readers cannot follow without running out of stack.
Why it matters:
    A file that cannot be read is silently missing from every report, review
    list and published page.

    Format: "Only a file that cannot be read at all (syntax, not a mapping, encoding, size) is left out, and every command that leaves one out says so."
Example:
    ```yaml
    title: Brentwood Community Safety Partnership
    summary: Crime: the partnership's focus   # a second ': ' in plain text
    ```
Instead:
    Quote text that contains `: ` or starts with a special character:
    `summary: "Crime: the partnership's focus"`.
"""

from partreg.problems import Problem, Severity
from partreg.rules._base import documented

ID = "yaml-syntax"
#: What is said of a file nested deeper than a person writes (and than the readers can follow).
TOO_DEEP = "nests lists or mappings too deeply to be read: flatten them"

RULE = documented(DOC, ID)


def too_deep(display: str) -> Problem:
    """The file's one problem where its values are nested too deep to validate (Python's stack runs
    out): the reading refuses most such files first, with the line."""
    return Problem(display, 1, 1, ID, Severity.ERROR, TOO_DEEP)
