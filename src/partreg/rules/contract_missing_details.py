DOC = """A contract with no reference or value.

What it checks:
    That an arrangement of kind `contract` records, under `contract:`, `reference` and
    its value: `value_gbp`, or (since 1.1) `annual_value_gbp` or
    `whole_life_value_gbp`. Not where `kind-mismatch` says the facts make it
    another kind.
Why it matters:
    The register should lead to the contract itself and say what it costs;
    a year's value and the whole life's are told apart where they are known.

    Policy: "The Council is the sole procurer of the service, and the third party is the contracted provider."
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

from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import council_funding, recorded_as

ID = "contract-missing-details"

VALUES = ("value_gbp", "annual_value_gbp", "whole_life_value_gbp")


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if not recorded_as(entry, Kind.CONTRACT, ctx):
        return
    details = entry.contract
    key = ("contract",) if details is not None else ("kind",)
    where = (
        "under the file's `contract:`"
        if details is not None
        else "under `contract:` (a new key, with its parts indented below it)"
    )
    if (
        details is None or details.reference is None
    ):  # one problem each: a value set aside is reported as that
        yield Hit(
            key,
            f"a contract needs its reference: add `reference:` {where}",
            about=(("contract", "reference"),),
        )
    if details is None or all(getattr(details, name) is None for name in VALUES):
        money = council_funding(entry)
        moved = (
            f"; `funding_gbp` under `resources:` `council:` records {money:,}: if that is what the contract "
            "costs, move it here"
            if money is not None
            else ""
        )
        yield Hit(
            key,
            "a contract needs its value: add `annual_value_gbp:` (a year's) or `whole_life_value_gbp:` (the "
            f"whole life's), or `value_gbp:` where the source does not say which, {where}{moved}",
            about=tuple(("contract", name) for name in VALUES),
        )


RULE = Rule(ID, Severity.ERROR, DOC or "", check, only_for=Kind.CONTRACT, gap=True)
