DOC = """A contribution from someone who is neither the council nor a partner.

What it checks:
    That each of `contributions` is `by: council` or by a partner named, as
    it is written, under `partners`.
Why it matters:
    The money by year is read by who put it in: the council's for its
    significance and its published contribution, the partners' for what
    they commit. A name that matches no partner is usually a spelling that
    differs, and the money would be counted as nobody's.

    Policy: "Partners should: ... Agree to co-operate and commit resources to achieve a common goal/s."
Example:
    ```yaml
    partners: [{name: Essex Police}]
    contributions:
      - {year: 2024/25, by: Essex Constabulary, cash_gbp: 10000}
    ```
Instead:
    ```yaml
    contributions:
      - {year: 2024/25, by: Essex Police, cash_gbp: 10000}
    ```
"""

from collections.abc import Iterator

from partreg.models import NAMED, Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity
from partreg.repeats import SAME_PROBLEMS_SHOWN
from partreg.spelling import did_you_mean

ID = "unknown-contributor"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if not entry.contributions:
        return
    names = {p.name.casefold(): p.name for p in entry.partners if p.name}
    choices = (*names.values(), "council")
    partners = ", ".join(n if len(n) <= 60 else n[:57] + "..." for n in list(names.values())[:5]) + (
        f" and {len(names) - 5:,} more" if len(names) > 5 else ""
    )
    found = 0
    for i, contribution in enumerate(entry.contributions):
        by = contribution.by
        if by is None or by.casefold() == "council" or by.casefold() in names:
            continue
        found += 1
        hint = ""
        if found <= SAME_PROBLEMS_SHOWN + 1:  # past those, a problem is counted, never shown: no guess
            hint = did_you_mean(by, choices) or (
                f"; the partners are: {partners}" if names else "; no partner is recorded"
            )
        yield Hit(
            ("contributions", i, "by"),
            f"by {shown(by, NAMED)}, who is neither `council` nor a partner under `partners`{hint}",
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
