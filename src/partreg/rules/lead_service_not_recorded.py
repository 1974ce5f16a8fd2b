DOC = """The lead's service is not recorded.

What it checks:
    That an arrangement whose `lead` is recorded names the council service
    that leads (`lead.service`). A warning: a lead officer's role, or the
    lead councillor, is a lead (`missing-field` asks for one of them).
Why it matters:
    `partreg review-due` shows the lead service of each arrangement due,
    and `--service` picks out one service's, so that each service sees its
    own; an arrangement without one is in no service's list. Many registers
    name only a councillor or an officer, so this is a warning, not an error.

    Practice: reviews due are followed up by each lead service (README: `partreg review-due` shows the lead role and service of each).
Example:
    ```yaml
    lead:
      role: Community Safety Manager
    ```
Instead:
    ```yaml
    lead:
      role: Community Safety Manager
      service: Community Safety
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity

ID = "lead-service-not-recorded"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.lead is not None and entry.lead.service is None:
        yield Hit(
            ("lead", "service"),
            "the lead service is not recorded: add `service:` under `lead`, the council service that "
            "leads (`partreg review-due --service` picks out each service's reviews)",
            True,
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, gap=True)
