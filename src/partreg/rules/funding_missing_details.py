DOC = """Community funding with no amount, period or agreed actions.

What it checks:
    That an arrangement of kind `community-funding` records
    `funding.amount_gbp`, `funding.period_start`, `funding.period_end` and at
    least one of `funding.actions`.
Why it matters:
    The policy defines community funding as the council providing "funding
    over a fixed period in return for an agreed set of actions": the amount,
    the period and the actions are the arrangement.

    Policy: "the Council provides funding over a fixed period in return for an agreed set of actions"
Example:
    ```yaml
    kind: community-funding
    funding: {amount_gbp: 3500}
    ```
Instead:
    ```yaml
    funding:
      amount_gbp: 3500
      period_start: 2025-04-01
      period_end: 2026-03-31
      actions: [Run weekly peer support groups]
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import council_funding, recorded_as

ID = "funding-missing-details"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if not recorded_as(entry, Kind.COMMUNITY_FUNDING, ctx):
        return
    f = entry.funding
    missing = [
        name
        for name in ("amount_gbp", "period_start", "period_end", "actions")
        if f is None or not getattr(f, name)
    ]
    if f is not None and f.amount_gbp == 0 and "amount_gbp" in missing:
        missing.remove("amount_gbp")
    key = ("funding",) if f is not None else ("kind",)
    where = (
        "under the file's `funding:`"
        if f is not None
        else "under `funding:` (a new key, with its parts indented below it)"
    )
    money = council_funding(entry)
    for name in missing:  # one problem each: a value set aside as wrong is reported once, as that
        moved = (
            f"; `funding_gbp` under `resources:` `council:` records {money:,} a year: if that is the grant's "
            "whole amount, move it here; if the grant runs more than a year, add up its years"
            if name == "amount_gbp" and money is not None
            else ""
        )
        yield Hit(
            key,
            f"community funding needs its {_SAID[name]}: add `{name}:` {where}{moved}",
            about=(("funding", name),),
        )


#: What each part of a grant's funding is, as its problem names it.
_SAID = {
    "amount_gbp": "amount in pounds",
    "period_start": "period's first day",
    "period_end": "period's last day",
    "actions": "funded actions (a list)",
}


RULE = Rule(ID, Severity.ERROR, DOC or "", check, only_for=Kind.COMMUNITY_FUNDING, gap=True)
