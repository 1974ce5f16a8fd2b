DOC = """A risk with no mitigation.

What it checks:
    That every risk says what reduces it. A risk that records there is
    none (`None`, `None identified`, `No significant risks`) has nothing
    to reduce, and is not asked for one; nor is a risk of an arrangement
    recorded as ended.
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

from partreg.models import Arrangement, Status
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules import not_known_as_a_value
from partreg.rules.outcome_not_measurable import _named

ID = "risk-without-mitigation"


#: What a risk's description says where the risks were assessed and none found, as registers write it
#: (lower case, without a full stop).
NONE_FOUND = frozenset(
    {
        "none",
        "none identified",
        "none known",
        "none at present",
        "nil",
        "no risks",
        "no risks identified",
        "no significant risks",
        "no significant risks identified",
        "no known risks",
    }
)


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.status is Status.ENDED:  # nothing is left to reduce
        return
    for i, risk in enumerate(entry.risks):
        if risk.mitigation is not None:
            continue
        if risk.description and " ".join(risk.description.lower().split()).rstrip(".") in NONE_FOUND:
            continue  # none found: nothing to reduce
        if not not_known_as_a_value.tells_to_go(risk, "risks", ctx):
            yield Hit(
                ("risks", i),
                f"{_named('the risk', risk.description, i)} has no mitigation: add `mitigation:`",
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
