DOC = """The characteristics contradict each other.

What it checks:
    That the `characteristics` facts do not contradict each other under the
    policy's definitions: a sole procurer with shared objectives, a forum
    with a formal agreement and agreed outcomes, funding and a partnership
    recorded as one arrangement.
Why it matters:
    A contradiction means either a fact is wrong or one entry describes two
    arrangements; the register should not guess which.
Example:
    ```yaml
    characteristics:
      council_sole_procurer: true
      shared_objectives: true
    ```
Instead:
    ```yaml
    characteristics:
      council_sole_procurer: true
      shared_objectives: false   # the provider's objective is profit
    ```
"""

from collections.abc import Iterator

from partreg.classify import decide
from partreg.lint import Context, Hit, Rule, Severity
from partreg.models import Arrangement


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.characteristics is None:
        return
    for conflict in decide(entry.characteristics, bool(entry.statutory))[2]:
        yield Hit(("characteristics",), conflict, at_key=True)


RULE = Rule("characteristics-conflict", Severity.WARNING, DOC or "", check)
