DOC = """A grant lacks a fact the Transparency Code or 360Giving publishes.

What it checks:
    Where `partreg.yaml` has an `exports:` section (the council publishes
    with `partreg export`), that community funding that is not proposed
    records when it was awarded (`funding.award_date`, to the day, which
    360Giving needs) and who received it,
    by registration number or org-id (`funding.recipient_registration` or
    `funding.recipient_org_id`); and, for a grant scheme, that each of its
    `funding.awards` records its `recipient`, `amount_gbp`, `award_date`
    (to the day) and the recipient's registration number or org-id; and that
    a grant names one partner, the one it was awarded to (the Code and
    360Giving publish one beneficiary a grant), or records each share as an
    award.
    A parish or a council outside England sets the rule `'off'`.
Why it matters:
    English councils must publish their grants to voluntary, community and
    social enterprise organisations; 360Giving (which GrantNav gathers)
    needs each grant's awardDate and recipientOrganization id.

    Practice: the Local Government Transparency Code 2015, grants to voluntary, community and social enterprise organisations: 'date the grant was awarded', 'beneficiary's registration number'; the 360Giving Data Standard 1.4.3 fields awardDate and recipientOrganization/id (README: Statutory and open-data exports).
Example:
    ```yaml
    kind: community-funding
    funding: {amount_gbp: 2500, period_start: 2025-04-01, period_end: 2026-03-31}
    ```
Instead:
    ```yaml
    kind: community-funding
    funding:
      amount_gbp: 2500
      award_date: 2025-03-10
      recipient_org_id: GB-CHC-1164883
      period_start: 2025-04-01
      period_end: 2026-03-31
    ```
"""

from collections.abc import Iterator

from partreg.export import recipient_unsure
from partreg.models import Arrangement, Kind, PartialDate, Status
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import recorded_as

ID = "transparency-grant-incomplete"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    settings = ctx.settings
    if settings is None or "exports" not in settings.model_fields_set:
        return
    if entry.status is Status.PROPOSED or not recorded_as(entry, Kind.COMMUNITY_FUNDING, ctx):
        return
    f = entry.funding
    if f is not None and f.awards:
        for n, award in enumerate(f.awards):
            missing = [
                f"`{name}:`"
                for name in ("recipient", "amount_gbp", "award_date")
                if getattr(award, name) is None
            ] + _day_needed(award.award_date, "award_date")
            if award.recipient_registration is None and award.recipient_org_id is None:
                missing.append(REGISTRATION)
            if missing:
                yield Hit(
                    ("funding", "awards", n),
                    f"the Transparency Code and 360Giving publish each award: add {', '.join(missing)} to it",
                )
        return
    where = "under the file's `funding:`" if f is not None else "under `funding:` (a new key)"
    named = [p.name for p in entry.partners if p.name]
    if recipient_unsure(entry):
        yield Hit(
            ("partners",),
            f"the grant names {len(named)} partners, and the Transparency Code and 360Giving publish one "
            "beneficiary a grant: the export leaves it empty until it is told which; if each was awarded a "
            f"share, record each as an award under `awards:` {where}, each with its `recipient:`, "
            f"`amount_gbp:`, `award_date:` and {REGISTRATION}; if only one received it, give it `role: "
            "recipient`",
        )
    missing = []
    if f is None or f.award_date is None:
        missing.append("`award_date:`")
    else:
        missing += _day_needed(f.award_date, "award_date")
    if f is None or (f.recipient_registration is None and f.recipient_org_id is None):
        missing.append(REGISTRATION)
    if missing:
        yield Hit(
            ("funding",) if f is not None else ("kind",),
            f"the Transparency Code and 360Giving publish this grant: add {' and '.join(missing)} {where}",
            about=(
                ("funding", "award_date"),
                ("funding", "recipient_org_id"),
                ("funding", "recipient_registration"),
            ),
        )


#: What a grant or an award names its recipient by, for the Code's registration number and 360Giving.
REGISTRATION = "the recipient's `recipient_org_id:` (e.g. GB-CHC-1164883) or `recipient_registration:`"


def _day_needed(awarded: PartialDate | None, key: str) -> list[str]:
    """What to add where an award's date is known only to the month or year: 360Giving needs the day
    (its export leaves the grant out without it)."""
    if awarded is None or awarded.day is not None:
        return []
    return [f"the day of `{key}:` (360Giving needs the day the grant was awarded; it records {awarded})"]


RULE = Rule(ID, Severity.WARNING, DOC or "", check, only_for=Kind.COMMUNITY_FUNDING, gap=True)
