"""The grants a register records, whichever publication lists them: a community-funding entry is
one grant, and a grant scheme (``funding.awards``) one grant for each award.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from partreg.export import grant_recipient
from partreg.models import Arrangement, Award, Kind, PartialDate, Settings
from partreg.opendata.tables import ANY_DATE, Period, chosen

#: Org-id lists whose identifier is a charity's or a company's registration number.
CHARITY_LISTS = ("GB-CHC-", "GB-SC-", "GB-NIC-")
COMPANY_LISTS = ("GB-COH-",)


@dataclass(frozen=True)
class Grant:
    """One grant: a community-funding entry, or one award of a grant scheme."""

    entry: Arrangement
    award: Award | None
    number: int  # the award's place in the scheme, from 1 (0 for an entry that is one grant)
    recipient: str | None
    org_id: str | None
    registration: str | None
    amount: float | None
    awarded: PartialDate | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    purpose: str | None

    @property
    def prefix(self) -> str:
        """Where the grant's fields are, as a summary names them (every award's alike, to be counted)."""
        return "funding.awards[]" if self.award else "funding"

    @property
    def key(self) -> str:
        """The grant's identifier within the register: the entry's id, and the award's reference."""
        if self.award is None:
            return self.entry.id
        return f"{self.entry.id}-{self.award.reference or self.number}"


def registration_from(org_id: str | None) -> str | None:
    """The charity or company number an org-id holds (``GB-CHC-1164883`` → ``1164883``)."""
    for prefix in (*CHARITY_LISTS, *COMPANY_LISTS):
        if org_id and org_id.startswith(prefix):
            return org_id[len(prefix) :]
    return None


def grants(entries: Iterable[Arrangement], settings: Settings, period: Period = ANY_DATE) -> list[Grant]:
    """Every grant of the community-funding entries whose funded life overlaps ``period``: an entry
    that records `funding.awards` (a scheme) gives one per award, any other entry one."""
    found = []
    for e in chosen(entries, settings, Kind.COMMUNITY_FUNDING):
        f = e.funding
        start = (f.period_start if f else None) or e.start
        end = (f.period_end if f else None) or e.end
        if f is not None and f.awards:
            for n, a in enumerate(f.awards, 1):
                grant = Grant(
                    e,
                    a,
                    n,
                    a.recipient,
                    a.recipient_org_id,
                    a.recipient_registration or registration_from(a.recipient_org_id),
                    a.amount_gbp,
                    a.award_date,
                    a.period_start or start,
                    a.period_end or end,
                    a.purpose or e.summary,
                )
                if period.overlaps(grant.awarded or grant.period_start, grant.period_end):
                    found.append(grant)
            continue
        recipient = grant_recipient(e)
        org_id = f.recipient_org_id if f else None
        grant = Grant(
            e,
            None,
            0,
            recipient,
            org_id,
            (f.recipient_registration if f else None) or registration_from(org_id),
            f.amount_gbp if f else None,
            f.award_date if f else None,
            start,
            end,
            e.summary,
        )
        if period.overlaps(grant.awarded or grant.period_start, grant.period_end):
            found.append(grant)
    return found
