DOC = """An officer's significance that differs from the council's tests, with no reason.

What it checks:
    That where the register's `partreg.yaml` sets the council's tests of
    significance (`significance: tests`), an entry that records another
    level than the tests give says why (`significance: {level: ..., reason:
    ...}`). Without tests in the settings, a recorded level is the only one,
    and needs no reason.
Why it matters:
    Significance decides how closely an arrangement is watched (an exit
    strategy, shorter reviews). Councils set the tests so that it is decided
    the same way every time; an officer may judge otherwise, but the
    register should say why, so that the judgement can be reviewed.

    Practice: councils' frameworks set tests of significance (Gravesham: council resources of £50,000 or more, or statutory; Chorley: £100,000 a year and three of five criteria), and officers' judgements are recorded with reasons.
Example:
    ```yaml
    # partreg.yaml tests: council resources of £50,000 or more
    resources: {council: {funding_gbp: 5000}}
    significance: high
    ```
Instead:
    ```yaml
    significance:
      level: high
      reason: Essential to the delivery of the Local Plan, whatever the council puts in.
    ```
"""

from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity
from partreg.significance import assess

ID = "significance-without-reason"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.significance is None or entry.significance.reason is not None:
        return
    significance = assess(entry, ctx.settings)
    if significance.overridden:
        met = "; ".join(significance.said) or "none of them met"
        yield Hit(
            ("significance",),
            f"recorded as {significance.recorded}, but the council's tests give {significance.computed} "
            f"({met}): say why, `significance: {{level: {significance.recorded}, reason: ...}}`, "
            "or leave the level to the tests",
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
