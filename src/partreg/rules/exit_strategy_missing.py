DOC = """A significant partnership with no exit strategy.

What it checks:
    That a partnership whose significance is high (as the entry records it,
    or as the council's tests in `partreg.yaml` give it) has an
    `exit_strategy`. Not for a statutory partnership (`statutory: true`, or
    `form: statutory-partnership`), which the council cannot leave: the law
    keeps it in. Not where `kind-mismatch` says the facts make it another kind,
    nor for one recorded as ended: its exit is behind it.
Why it matters:
    Councils' partnership frameworks ask for an exit strategy for
    significant partnerships, so that the council can leave without losing
    the service or the money it put in. The policy itself never asks for
    one, so this is a warning.

    Practice: councils' partnership frameworks ask significant partnerships for an exit strategy (the register format's `exit_strategy`, DESIGN.md; Gravesham's and Chorley's significance tests).
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

from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import agreement_asked
from partreg.significance import assess

ID = "exit-strategy-missing"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.exit_strategy is not None or entry.statutory is True or entry.form == "statutory-partnership":
        return
    if not agreement_asked(entry, ctx):  # (not of one that has ended: its exit is behind it)
        return
    significance = assess(entry, ctx.settings)
    if significance.level != "high":
        return
    by = "" if significance.recorded == "high" else f" (significant {significance.explain()})"
    yield Hit(
        ("significance",) if entry.significance is not None else ("kind",),
        f"a significant partnership needs an exit strategy{by}: add `exit_strategy:`",
        about=(("exit_strategy",),),
    )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, only_for=Kind.PARTNERSHIP, gap=True)
