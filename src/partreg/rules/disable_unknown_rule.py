DOC = """A `# partreg: disable=` comment that disables nothing.

What it checks:
    That the rule ids in a `# partreg: disable=` comment are rules partreg
    has (`partreg rules` lists them); that a comment meant to disable one is
    written as partreg reads it (`disable=`, with the `=`); that it is
    at the end of the line it excuses, not on a line of its own; and that
    each rule it names has a problem on that line to excuse (where the
    problem is on another line, that line is named).
Why it matters:
    A misspelt id, or a comment partreg cannot read, disables nothing, so the
    problem it was meant to excuse is still reported, or the comment is left
    behind long after it mattered.

    Format: "A comment without a reason is itself a warning (`disable-without-reason`), as is one naming a rule that does not exist" (README, Configuring the rules)
Example:
    ```yaml
    risks: []   # partreg: disable=partnership-missing-risk agreed at board
    ```
Instead:
    ```yaml
    risks: []   # partreg: disable=partnership-missing-risks agreed at board
    ```
"""

from partreg.problems import Severity
from partreg.rules._base import documented

ID = "disable-unknown-rule"

RULE = documented(DOC, ID, Severity.WARNING)
