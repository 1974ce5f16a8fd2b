DOC = """A partnership that lacks several of the six things every partnership must agree.

What it checks:
    That an arrangement of kind `partnership` records the policy's six agreed
    elements: shared objectives (`objectives`), resources (`resources`),
    measurable outcomes (`outcomes`), added value (`added_value`), risks
    (`risks`) and timescales for review or life (`review.months` or `end`).
    Where two or more are missing they are one problem, listing them; where
    one is, its own rule reports it (`partnership-missing-risks`, ...). An
    element whose own rule is `off` in `partreg.yaml` is not asked for, and
    none is asked of a partnership recorded as ended (`status: ended`): it
    is kept as a record of what was, and what it agreed years ago may be
    known to no one now.
Why it matters:
    Real registers record partnerships before all six are written down; one
    problem listing what is still to agree is a to-do list, where six
    problems at one line are noise. The six are what the policy asks of
    every partnership.

    Policy: "In summary all partnerships will agree: ... A shared strategic vision/objectives ... Resource availability/requirements ... Clear measurable outcomes ... Added value ... Risks ... Timescales for review or life of partnership"
Example:
    ```yaml
    kind: partnership
    objectives: [Reduce crime and disorder]
    ```
Instead:
    ```yaml
    kind: partnership
    objectives: [Reduce crime and disorder]
    resources:
      council: {staff: 0.5 FTE coordinator}
      partners: Officer time from each partner
    outcomes:
      - {description: Fewer repeat victims, measure: repeat victims per year, target: 10% fewer}
    added_value: Joint tasking across the partners.
    risks:
      - {description: Data not shared in time, mitigation: Information sharing agreement}
    review: {months: 12}
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules import (  # each element's rule registers the element
    partnership_missing_added_value,
    partnership_missing_objectives,
    partnership_missing_outcomes,
    partnership_missing_resources,
    partnership_missing_risks,
    partnership_missing_timescale,
)
from partreg.rules._base import ELEMENTS, GROUPED, missing_elements

ID = GROUPED

#: The elements in the policy's order, whichever rule module was imported first.
ORDER = tuple(
    m.RULE.id
    for m in (
        partnership_missing_objectives,
        partnership_missing_resources,
        partnership_missing_outcomes,
        partnership_missing_added_value,
        partnership_missing_risks,
        partnership_missing_timescale,
    )
)


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    missing = sorted(missing_elements(entry, ctx), key=lambda e: ORDER.index(e.rule_id))
    if len(missing) < 2:
        return
    listed = "; ".join(f"{e.name} ({e.said(entry)[1]})" for e in missing)
    yield Hit(
        ("kind",),
        f"lacks {len(missing)} of the {len(ELEMENTS)} things every partnership must agree: {listed}; "
        "add each, or record the arrangement's kind again if it is not a partnership",
    )


RULE = Rule(ID, Severity.ERROR, DOC or "", check, only_for=Kind.PARTNERSHIP, gap=True)
