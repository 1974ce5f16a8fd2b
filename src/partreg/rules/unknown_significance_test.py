DOC = """A significance test that partreg.yaml does not set.

What it checks:
    That every id under `significance.meets` is one of the council's tests
    under `significance: tests` in `partreg.yaml`.
Why it matters:
    `meets` records the tests an officer judges met that partreg cannot
    read from the entry ("essential to a corporate priority"); a misspelt
    test would silently not count, and the significance would be wrong.

    Practice: councils' frameworks set tests of significance (Gravesham, Chorley), which partreg.yaml states and entries refer to by id.
Example:
    ```yaml
    significance:
      meets: [essential-to-priority]   # partreg.yaml calls it essential-to-a-priority
    ```
Instead:
    ```yaml
    significance:
      meets: [essential-to-a-priority]
    ```
"""

from collections.abc import Iterator

from partreg.models import NAMED, Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity
from partreg.spelling import did_you_mean

ID = "unknown-significance-test"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.significance is None or not entry.significance.meets:
        return
    tests = ctx.settings.significance if ctx.settings and ctx.settings.significance else None
    known = list(tests.tests) if tests else []
    for i, name in enumerate(entry.significance.meets):
        if name not in known:
            hint = did_you_mean(name, known) or (
                f"; the tests are: {', '.join(known)}"
                if known
                else "; partreg.yaml sets no `significance: tests`"
            )
            yield Hit(("significance", "meets", i), f"unknown significance test {shown(name, NAMED)}{hint}")


RULE = Rule(ID, Severity.ERROR, DOC or "", check)
