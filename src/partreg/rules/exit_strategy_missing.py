DOC = """A significant partnership with no exit strategy.

What it checks:
    That a partnership with `significance: high` has an `exit_strategy`.
Why it matters:
    Councils' partnership frameworks require an exit strategy for
    significant partnerships, so that the council can leave without losing
    the service or the money it put in.
Example:
    ```yaml
    kind: partnership
    significance: high
    ```
Instead:
    ```yaml
    exit_strategy: Six months' notice; shared staff return to each council.
    ```
"""

from collections.abc import Iterator

from partreg.lint import Context, Hit, Rule, Severity
from partreg.models import Arrangement, Kind


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.kind is Kind.PARTNERSHIP and entry.significance == "high" and entry.exit_strategy is None:
        yield Hit(
            ("significance",),
            "a significant partnership needs an exit strategy: add `exit_strategy:`",
            about=(("exit_strategy",),),
        )


RULE = Rule("exit-strategy-missing", Severity.ERROR, DOC or "", check)
