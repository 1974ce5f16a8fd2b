DOC = """An outcome with no measure or no target.

What it checks:
    That every outcome says how it is measured (`measure`) and what level
    counts as success (`target`). Not for an arrangement recorded as ended:
    its outcomes are a record of what it set out to do.
Why it matters:
    The policy asks for "clear measurable outcomes"; an outcome with no
    measure cannot be reviewed.

    Policy: "In summary all partnerships will agree: ... Clear measurable outcomes"
Example:
    ```yaml
    outcomes:
      - description: A safer town centre
    ```
Instead:
    ```yaml
    outcomes:
      - description: A safer town centre
        measure: recorded town-centre crime per year
        target: 5% fewer than 2024
    ```
"""

from collections.abc import Iterator

from partreg.models import NAMED, Arrangement, Status, shown
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules import not_known_as_a_value

ID = "outcome-not-measurable"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.status is Status.ENDED:  # its outcomes are a record of what it set out to do
        return
    for i, outcome in enumerate(entry.outcomes):
        missing = [name for name in ("measure", "target") if getattr(outcome, name) is None]
        if missing and not not_known_as_a_value.tells_to_go(outcome, "outcomes", ctx):
            yield Hit(
                ("outcomes", i),
                f"{_named('the outcome', outcome.description, i)} has no {' and no '.join(missing)}: "
                f"add {' and '.join(f'`{m}:`' for m in missing)} so it can be measured",
            )


def _named(what: str, description: str | None, index: int) -> str:
    return f"{what} {shown(description, NAMED)}" if description else f"{what} number {index + 1}"


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
