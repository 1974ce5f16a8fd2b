DOC = """A contract with no reference or value.

What it checks:
    That an arrangement of kind `contract` records `contract.reference` and
    `contract.value_gbp`.
Why it matters:
    A contractual arrangement is one where "the Council is the sole procurer
    of the service"; the register should lead to the contract itself and say
    what it costs.
Example:
    ```yaml
    kind: contract
    ```
Instead:
    ```yaml
    kind: contract
    contract:
      reference: BBC-2019-014
      value_gbp: 2400000
    ```
"""

from collections.abc import Iterator

from partreg.lint import Context, Hit, Rule, Severity
from partreg.models import Arrangement, Kind


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.kind is not Kind.CONTRACT:
        return
    details = entry.contract
    missing = [
        name for name in ("reference", "value_gbp") if details is None or getattr(details, name) is None
    ]
    key = ("contract",) if details is not None else ("kind",)
    for name in missing:  # one problem each: a value set aside as wrong is reported once, as that
        yield Hit(key, f"a contract needs `contract.{name}`: add it", about=(("contract", name),))


RULE = Rule("contract-missing-details", Severity.ERROR, DOC or "", check)
