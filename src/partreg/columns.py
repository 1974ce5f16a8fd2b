"""The published index's columns: what each says of one arrangement, in words, and how it sorts.

A resident or a councillor on a scrutiny committee scans the index for who
leads, with whom, under which law, since when, for how much, and whether its
reviews are kept up. Each column here turns one public entry into a
:class:`Cell`: its lines of text, the value it sorts by (a plain number or an
ISO date, so that a browser sorts £3,500 before £25,000), and a mark such as
*Overdue*. Which columns a page shows is the council's choice
(``publish.columns`` in ``partreg.yaml``); :data:`partreg.models.DEFAULT_COLUMNS`
otherwise. Nothing here knows HTML or Markdown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from partreg.export import (
    A_YEAR,
    WHOLE_LIFE,
    council_money,
    latest_contributions,
    reviews_published,
    whole_numbers,
)
from partreg.models import (
    DEFAULT_COLUMNS,
    OUTCOME_LABELS,
    Arrangement,
    IndexColumn,
    Kind,
    Settings,
    total_pounds,
)
from partreg.published import (
    NOT_RECORDED,
    clean,
    end_passed,
    ended_early,
    kind_value,
    lead_of,
    lead_service_of,
    pounds,
    start_label,
    uk_date,
)
from partreg.readers import names_no_law
from partreg.review import exit_decided, last_review, newest_review, next_review, next_review_as_known
from partreg.sheetdates import financial_year

#: Partners listed in the index before "and N more" (the arrangement's page lists them all).
PARTNERS_SHOWN = 3


@dataclass(frozen=True)
class Cell:
    """One arrangement's entry in one column."""

    lines: tuple[str, ...]
    #: What the column sorts by: a plain number or an ISO date; empty sorts last.
    sort: str = ""
    #: A word shown strongly after the lines, e.g. ``Overdue``.
    mark: str = ""
    #: Partners not named in the cell (the arrangement's page names them all).
    more: int = 0
    #: Nothing is recorded (the lines say so): sorted last, whichever way.
    missing: bool = False

    @property
    def text(self) -> str:
        """The cell on one line (Markdown, CSV-like uses)."""
        said = "; ".join(self.lines)
        more = f"; and {self.more} more" if self.more else ""
        return f"{said}{more}{f' ({self.mark})' if self.mark else ''}"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    #: How the page sorts it: ``text``, ``number`` or ``date``.
    type: str = "text"


_TYPES = {
    IndexColumn.DATES: "date",
    IndexColumn.MONEY: "number",
    IndexColumn.LAST_REVIEW: "date",
    IndexColumn.NEXT_REVIEW: "date",
}

#: What a column is called where it does not depend on the kind.
_LABELS = {
    IndexColumn.LEAD: "Lead",
    IndexColumn.PURPOSE: "Purpose",
    IndexColumn.PRIORITIES: "Priorities",
    IndexColumn.STATUTORY: "Statutory",
    IndexColumn.DATES: "Start and end",
    IndexColumn.SIGNIFICANCE: "Significance",
    IndexColumn.RATING: "Assurance rating",
    IndexColumn.LAST_REVIEW: "Last review",
    IndexColumn.NEXT_REVIEW: "Next review",
}

#: The other party, as the policy names it: a contract has a provider, not partners; a grant a recipient.
OTHER_PARTY = {
    Kind.PARTNERSHIP: ("Partner", "Partners"),
    Kind.CONTRACT: ("Provider", "Providers"),
    Kind.JOINT_WORKING: ("Member body", "Member bodies"),
    Kind.COMMUNITY_FUNDING: ("Recipient", "Recipients"),
    None: ("Other party", "Other parties"),
}

#: The council's money, as each kind has it.
MONEY_LABELS = {
    Kind.PARTNERSHIP: "Council contribution",
    Kind.CONTRACT: "Contract value",
    Kind.JOINT_WORKING: "Council contribution",
    Kind.COMMUNITY_FUNDING: "Grant",
    None: "Council money",
}


def other_party(kind: Kind | None, count: int = 2) -> str:
    """``Provider`` for a contract's one other party, ``Partners`` for a partnership's many."""
    one, many = OTHER_PARTY[kind]
    return one if count == 1 else many


#: Kinds whose index row names one other party: a contract's provider, a grant's recipient.
_ONE_PARTY = (Kind.CONTRACT, Kind.COMMUNITY_FUNDING)


def label(column: IndexColumn, kind: Kind | None) -> str:
    if column is IndexColumn.PARTNERS:
        return other_party(kind, 1 if kind in _ONE_PARTY else 2)
    if column is IndexColumn.MONEY:
        return MONEY_LABELS[kind]
    return _LABELS[column]


def chosen(settings: Settings, recorded: Iterable[IndexColumn] = ()) -> list[IndexColumn]:
    """The columns after the name: the council's choice, or the defaults with significance and rating
    where any arrangement published records them (``recorded``); neither review column where the
    settings keep reviews internal."""
    if settings.publish.columns is not None:
        picked = list(dict.fromkeys(settings.publish.columns))
    else:
        extra = [c for c in (IndexColumn.SIGNIFICANCE, IndexColumn.RATING) if c in set(recorded)]
        at = DEFAULT_COLUMNS.index(IndexColumn.LAST_REVIEW)
        picked = [*DEFAULT_COLUMNS[:at], *extra, *DEFAULT_COLUMNS[at:]]
    if reviews_published(settings):
        return picked
    return [c for c in picked if c not in (IndexColumn.LAST_REVIEW, IndexColumn.NEXT_REVIEW)]


def columns(picked: list[IndexColumn], kind: Kind | None) -> list[Column]:
    return [Column(c.value, label(c, kind), _TYPES.get(c, "text")) for c in picked]


# --------------------------------------------------------------------------- each column


@dataclass(frozen=True)
class Money:
    """The council's money in one arrangement, for the index and its totals."""

    amount: float | None
    #: ``year`` (a year's), ``awarded`` (a grant's whole amount), ``whole-life``, ``unsaid``, or
    #: ``earlier`` (a year's, of a financial year before the last: not added to this year's).
    basis: str
    #: How the amount is qualified in a cell: `` a year``, `` over the contract's life``, ...
    said: str


def money_of(e: Arrangement, today: dt.date) -> Money:
    """What the council puts in: a contribution or contract value a year where the register says so.
    Contributions of a financial year before the last (as of ``today``) are a year's, but not this
    year's: shown, and not added to the others in a total."""
    amount, source, said = council_money(e)
    if amount is None:
        return Money(None, "", "")
    if source == "funding":
        return Money(amount, "awarded", "")
    if source == "contributions":
        period = financial_year(latest_contributions(e)[0] or "")  # (the year its amount is of)
        recent = period is None or period[1] >= dt.date(
            today.year - (today.month < 4), 3, 31
        )  # (the last, or this)
        return Money(amount, "year" if recent else "earlier", f"{A_YEAR} ({said.strip()})")
    if source == "council" or said == A_YEAR:
        return Money(amount, "year", A_YEAR)
    if said == WHOLE_LIFE:
        return Money(amount, "whole-life", " over the contract's life")
    return Money(amount, "unsaid", "")


def lead_cell_lines(e: Arrangement) -> list[str]:
    """The index's Lead: the officer (``Role, Service``) and the councillor, as recorded; a service
    recorded without an officer's role is said to be the service, and, with no councillor either,
    the officer is said not to be recorded. Empty where nothing is recorded."""
    member = clean(e.lead.member) if e.lead else ""
    lines = [x for x in (lead_of(e), member) if x]
    service = lead_service_of(e)
    if service:
        lines = [*(lines or ["Lead officer not recorded"]), f"Service: {service}"]
    return lines


#: Words by which a council's staff contribution says itself what it is.
_SAYS_STAFF = re.compile(r"\b(?:staff|staffing|officers?|time)\b", re.IGNORECASE)


def cells(
    e: Arrangement, settings: Settings, today: dt.date, status: str, significance: str, money: Money
) -> dict[str, Cell]:
    """Every column's cell for ``e`` (a public entry), whether or not the page shows it; ``status`` is
    the status in fact (``published.status_of``), ``significance`` the level published (or empty),
    ``money`` the council's (:func:`money_of`)."""
    names = settings.priorities
    lead_lines = lead_cell_lines(e)
    partners = [clean(p.name) or "Name not recorded" for p in e.partners]
    shown = partners if len(partners) <= PARTNERS_SHOWN + 1 else partners[:PARTNERS_SHOWN]
    council = e.resources.council if e.resources else None
    staff, other = (clean(council.staff), clean(council.other)) if council else ("", "")
    if money.amount is not None:
        money_cell = Cell((pounds(money.amount) + money.said,), str(whole_numbers(money.amount)))
    elif staff or other:  # what the council gives that is not money ("Officer time", "In kind")
        staff = staff if not staff or _SAYS_STAFF.search(staff) else f"Staff time: {staff}"
        money_cell = Cell(tuple(given for given in (staff, other) if given), missing=True)
    else:
        money_cell = Cell((NOT_RECORDED,), missing=True)
    priorities = [clean(names.get(p, p)) for p in e.priorities]
    last = last_review(e)
    latest = newest_review(e.review.history if e.review else []) if last else None
    outcome = latest.outcome if latest else None
    said = statutory(e)  # (missing where the file does not say whether it is statutory)
    return {
        IndexColumn.LEAD.value: Cell(tuple(lead_lines) or (NOT_RECORDED,), missing=not lead_lines),
        IndexColumn.PARTNERS.value: Cell(
            ("; ".join(shown) or NOT_RECORDED,), more=len(partners) - len(shown), missing=not partners
        ),
        IndexColumn.PURPOSE.value: Cell((clean(e.summary) or NOT_RECORDED,), missing=not e.summary),
        # a line each (``Cell.text`` joins them with "; "): a priority's name may hold a comma
        IndexColumn.PRIORITIES.value: Cell(tuple(priorities) or ("None recorded",), missing=not priorities),
        IndexColumn.STATUTORY.value: Cell((said,), missing=e.statutory is None),
        IndexColumn.DATES.value: dates(e, status, today),
        IndexColumn.MONEY.value: money_cell,
        IndexColumn.SIGNIFICANCE.value: Cell(
            (significance.capitalize() or NOT_RECORDED,), missing=not significance
        ),
        IndexColumn.RATING.value: Cell((clean(e.rating).capitalize() or "Not rated",), missing=not e.rating),
        IndexColumn.LAST_REVIEW.value: Cell(
            (
                uk_date(last),
                f"Outcome: {OUTCOME_LABELS[outcome].lower()}" if outcome else "Outcome not recorded",
            )
            if last
            else ("None recorded" if reviews_published(settings) else NOT_PUBLISHED,),
            last.earliest.isoformat() if last else "",
            missing=last is None,
        ),
        IndexColumn.NEXT_REVIEW.value: next_review_cell(e, settings, today, status),
    }


def statutory(e: Arrangement) -> str:
    """``Yes: Crime and Disorder Act 1998``, ``Yes``, ``No``, or ``Not recorded``; a law named where
    the file says it is not statutory, or does not say, is what it is made under (the power to share
    services, an enabling Act), not a law that requires it; a placeholder (`N/A`, `TBC`) names none."""
    basis = clean(e.statutory_basis) if e.statutory_basis and not names_no_law(e.statutory_basis) else ""
    if e.statutory is True:
        return f"Yes: {basis}" if basis else "Yes"
    if e.statutory is False:
        return f"No (made under {basis})" if basis else "No"
    return f"{NOT_RECORDED} (made under {basis})" if basis else NOT_RECORDED


def dates(e: Arrangement, status: str, today: dt.date) -> Cell:
    started = f"{start_label(e, status, today)} {uk_date(e.start)}" if e.start else "Start not recorded"
    lines = [started]
    funded = e.funding.period_end if e.kind is Kind.COMMUNITY_FUNDING and e.funding else None
    if e.end and (why := end_passed(e, today)):  # reviewed after its end, which did not end it
        lines.append(f"Its end, {uk_date(e.end)}, has passed, but {why}")
    elif e.end and ended_early(e, status, today):
        lines.append(f"Ended before its recorded end, {uk_date(e.end)}")
    elif e.end:
        lines.append(f"{'Ended' if status == 'ended' else 'Ends'} {uk_date(e.end)}")
    elif status == "ended":
        lines.append("Ended, date not recorded")
    if funded and funded != e.end:  # a fund's latest round may end before the fund does: said apart
        lines.append(f"Funded period {'ended' if funded.latest < today else 'ends'} {uk_date(funded)}")
    return Cell(tuple(lines), e.start.earliest.isoformat() if e.start else "", missing=e.start is None)


#: The next review of an arrangement that records neither a review nor a start.
NEXT_NOT_KNOWN = "Not known"
#: A review cell where the settings keep reviews internal (neither review column is then shown).
NOT_PUBLISHED = "Not published"
#: A partnership's timescale for review where the settings keep reviews internal.
REVIEWS_NOT_PUBLISHED = "the council does not publish its reviews on this register"


def next_review_cell(e: Arrangement, settings: Settings, today: dt.date, status: str) -> Cell:
    """The next review's date, marked *Overdue* once it has passed; none once the arrangement ended,
    and none where the settings keep reviews internal (the public entry has none to count from)."""
    if not reviews_published(settings):
        return Cell((NOT_PUBLISHED,), missing=True)
    if status == "ended":
        return Cell(("Not due: ended",), missing=True)
    upcoming = next_review(e, settings.review)
    if upcoming is None and status == "proposed":  # not begun: no review is due until it starts
        return Cell(("Not due: proposed",), missing=True)
    if upcoming is None and exit_decided(e) is not None:  # its last review decided its exit
        return Cell(("Not due: exit decided",), missing=True)
    if upcoming is None:
        return Cell((NEXT_NOT_KNOWN,), missing=True)
    known = next_review_as_known(e, settings.review, upcoming)  # (2018, from a start in 2017: no day made up)
    assert known is not None  # (there is a next review, so something it counts from)
    first, last = known
    said = uk_date(first) if first == last else f"{uk_date(first)} to {uk_date(last)}"
    # overdue once the whole of when it falls due has passed; within it, due now (a review due "in
    # 2026", from a start in 2025, is not said to be overdue in June 2026)
    return Cell(
        (said,), upcoming.isoformat(), OVERDUE if last.latest < today else DUE if upcoming < today else ""
    )


#: How the page marks a next review: when it fell due has passed, or is passing.
OVERDUE, DUE = "Overdue", "Due now"


def next_review_fact(e: Arrangement, settings: Settings, today: dt.date, status: str) -> str:
    """``1 July 2026``, ``1 November 2015 (overdue)`` or ``Not known``; empty once it has ended, and
    where the settings keep reviews internal."""
    if status == "ended" or not reviews_published(settings):
        return ""
    cell = next_review_cell(e, settings, today, status)
    return cell.lines[0] + (f" ({cell.mark.lower()})" if cell.mark else "")


# --------------------------------------------------------------------------- totals


@dataclass(frozen=True)
class Total:
    """One kind's arrangements by status, and the council's money in the active ones, in words."""

    kind: str
    label: str
    count: int
    #: ``all active``, ``8 active, 1 proposed, 1 ended``.
    statuses: str
    phrases: tuple[str, ...]
    #: For a kind with no arrangements while the kind of some is not recorded, what the count says
    #: instead of 0 (``indexview.none_of_kind``); otherwise empty.
    none: str = ""


#: The statuses a total names, in order, as it names them.
_STATUS_WORDS = (
    ("active", "active"),
    ("proposed", "proposed"),
    ("ended", "ended"),
    ("not-recorded", "status not recorded"),
)


def totals(kind: Kind | None, heading: str, rows: list[tuple[Money, str]]) -> Total:
    """``rows``: each arrangement's money and its status in fact. Sums are of active arrangements only
    (not proposed, not ended), each basis apart, and say how many of them record an amount."""
    active = [m for m, status in rows if status == "active"]
    counts = {status: sum(1 for _, s in rows if s == status) for status, _ in _STATUS_WORDS}
    if rows and counts["active"] == len(rows):
        statuses = "all active"
    else:
        statuses = ", ".join(f"{counts[s]} {words}" for s, words in _STATUS_WORDS if counts[s])
    phrases = [] if active or not rows else ["None active"]  # (not "None recorded")
    for basis, words in (
        ("year", "a year"),
        ("awarded", "in grants"),
        ("unsaid", "in values not said to be a year's or the whole contract's"),
        ("whole-life", "over contracts' whole life"),
        ("earlier", "a year in contributions of earlier financial years, each its latest"),
    ):
        amounts = [m.amount for m in active if m.basis == basis and m.amount is not None]
        if amounts:
            phrases.append(
                f"{pounds(total_pounds(amounts))} {words} (recorded for {len(amounts)} of {len(active)})"
            )
    return Total(kind_value(kind), heading, len(rows), statuses, tuple(phrases))
