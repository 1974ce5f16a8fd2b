DOC = """A risk with no mitigation.

What it checks:
    That every risk says what reduces it.
Why it matters:
    A risk that is recorded but not managed is the finding an auditor
    reports first.

    Policy: "Be prepared to share relevant information, risks and rewards."
Example:
    ```yaml
    risks:
      - description: Partner data not shared in time
    ```
Instead:
    ```yaml
    risks:
      - description: Partner data not shared in time
        mitigation: Information sharing agreement signed by all partners
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules import not_known_as_a_value
from partreg.rules.outcome_not_measurable import _named

ID = "risk-without-mitigation"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    for i, risk in enumerate(entry.risks):
        if risk.mitigation is None and not not_known_as_a_value.tells_to_go(risk, "risks", ctx):
            yield Hit(
                ("risks", i),
                f"{_named('the risk', risk.description, i)} has no mitigation: add `mitigation:`",
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
