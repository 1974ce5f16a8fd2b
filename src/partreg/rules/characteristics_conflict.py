DOC = """The characteristics contradict each other.

What it checks:
    That the `characteristics` facts do not contradict each other under the
    policy's definitions: a sole procurer with shared objectives, a forum
    the council buys as a service, funding and a partnership recorded as one
    arrangement. Each problem names the fact to change. (A partnership board
    whose members also discuss strategy is no contradiction: it has the
    formal agreement and agreed outcomes a forum lacks.)
Why it matters:
    A contradiction means either a fact is wrong or one entry describes two
    arrangements; the register should not guess which.

    Policy: "Whilst BIFFA state they are working in partnership with the Council ... it is a formal contractual arrangement and not regarded as a partnership for purposes of this policy."
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

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import decision_of

ID = "characteristics-conflict"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    decision = ctx.once(decision_of, entry) if entry.characteristics is not None else None
    for conflict in decision.conflicts if decision else ():
        yield Hit(("characteristics",), conflict, at_key=True)


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
