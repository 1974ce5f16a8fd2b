DOC = """A `# partreg: disable=` comment that does not say why.

What it checks:
    That every comment turning a rule off on its line gives a reason after
    the rule ids.
Why it matters:
    A rule turned off silently is a problem hidden from the next reviewer;
    the reason is what lets them judge whether it still holds.

    Format: "A comment without a reason is itself a warning" (README, Configuring the rules)
Example:
    ```yaml
    kind: partnership   # partreg: disable=partnership-missing-timescale
    ```
Instead:
    ```yaml
    kind: partnership   # partreg: disable=partnership-missing-timescale statutory: no end, no review cycle
    ```
"""

from partreg.problems import Severity
from partreg.rules._base import documented

ID = "disable-without-reason"

RULE = documented(DOC, ID, Severity.WARNING)
