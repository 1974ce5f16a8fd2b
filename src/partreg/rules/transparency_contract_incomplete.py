DOC = """A contract over the Transparency Code's threshold lacks a fact the Code publishes.

What it checks:
    Where `partreg.yaml` has an `exports:` section (the council publishes
    with `partreg export`), that a contract that is not proposed, whose value
    exceeds `exports.contracts_over_gbp` (£5,000 by default) or is not
    recorded, records what the Code's list of contracts needs that no other
    rule asks for: a description of the goods or services (`summary`),
    `contract.supplier_registration`,
    `contract.irrecoverable_vat_gbp`, `contract.procurement_route`,
    `contract.supplier_sme`, `contract.supplier_vcse`, and whether its value
    is a year's (`annual_value_gbp`) or the whole life's
    (`whole_life_value_gbp`). A parish under the smaller authorities' code,
    or a council outside England, sets the rule `'off'`.
Why it matters:
    English councils must publish every contract over £5,000 each quarter;
    `partreg export transparency-contracts` leaves a cell empty where the
    register does not know it.

    Practice: the Local Government Transparency Code 2015, contracts over £5,000: 'supplier name and details', 'sum to be paid over the length of the contract or the estimated annual spending or budget for the contract', 'Value Added Tax that cannot be recovered', 'whether or not the contract was the result of an invitation to quote or a published invitation to tender', 'whether or not the supplier is a small or medium sized enterprise and/or a voluntary or community sector organisation' (README: Statutory and open-data exports).
Example:
    ```yaml
    kind: contract
    contract: {reference: ENV-1, value_gbp: 1000000}
    ```
Instead:
    ```yaml
    kind: contract
    summary: Street cleansing and litter picking across the borough.
    end: 2029-03-31
    contract:
      reference: ENV-1
      whole_life_value_gbp: 1000000
      irrecoverable_vat_gbp: 0
      procurement_route: invitation-to-tender
      supplier_registration: '01234567'
      supplier_sme: false
      supplier_vcse: false
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Kind, Status
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import recorded_as

ID = "transparency-contract-incomplete"

FIELDS = (
    "supplier_registration",
    "irrecoverable_vat_gbp",
    "procurement_route",
    "supplier_sme",
    "supplier_vcse",
)


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    settings = ctx.settings
    if settings is None or "exports" not in settings.model_fields_set:
        return
    if entry.status is Status.PROPOSED or not recorded_as(entry, Kind.CONTRACT, ctx):
        return
    c = entry.contract
    values = (
        [v for v in (c.value_gbp, c.annual_value_gbp, c.whole_life_value_gbp) if v is not None] if c else []
    )
    if values and max(values) <= settings.exports.contracts_over_gbp:
        return
    # (not `end`: a rolling contract has none, and its file is told to leave the line out)
    missing = ["`summary:`"] if entry.summary is None else []
    under = [f"`{name}:`" for name in FIELDS if c is None or getattr(c, name) is None]
    if c is None or (c.annual_value_gbp is None and c.whole_life_value_gbp is None):
        under.append("`annual_value_gbp:` or `whole_life_value_gbp:` (which the value is)")
    if under:  # keys under `contract:`, as they are written (a dotted path was written as a key)
        where = "under the file's `contract:`" if c is not None else "under `contract:` (a new key)"
        missing.append(f"{', '.join(under)} {where}")
    if missing:
        yield Hit(
            ("contract",) if c is not None else ("kind",),
            f"the Transparency Code publishes this contract: add {'; and '.join(missing)}",
            about=(
                ("summary",),
                *(("contract", name) for name in (*FIELDS, "annual_value_gbp", "whole_life_value_gbp")),
            ),
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, only_for=Kind.CONTRACT, gap=True)
